//! A bug that one report runs into fails that report alone: no panic or backtrace on the
//! screen, the report named with what failed and a request to report it, exit code 2, and the
//! other reports normalised as ever. The bug is made on purpose (`JBZ_TEST_PANIC_ON`, read by
//! debug builds only: the README's `cargo test`); a release build skips this test.

mod common;

use common::{assert_no_panic, has, jbz, lacks, repo_holding, stderr, DEC, OCT};

#[test]
fn a_report_the_tool_fails_on_fails_alone() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the fault is only injected in debug builds");
        return;
    }
    let repo = repo_holding(&[OCT, DEC]);
    let out = jbz(repo.path())
        .args(["normalize"])
        .env("JBZ_TEST_PANIC_ON", DEC)
        .output()
        .expect("run jbz-track");
    assert_no_panic(&out);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    has(&err, DEC);
    has(&err, "This is a bug: please report it with the file");
    has(&err, "index out of bounds");
    lacks(&err, OCT);
    has(&common::stdout(&out), "1 report normalized, 1 failed");
    // The other report's snapshots are written; none of the failing one's.
    let snapshots: Vec<String> = walk(&repo.path().join("snapshots"));
    assert!(
        snapshots.iter().any(|s| s.ends_with("2023-10.yaml")),
        "{snapshots:?}"
    );
    assert!(
        !snapshots.iter().any(|s| s.ends_with("2023-12.yaml")),
        "{snapshots:?}"
    );
    // Without the fault, both are read.
    let out = jbz(repo.path()).args(["normalize"]).output().expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(walk(&repo.path().join("snapshots"))
        .iter()
        .any(|s| s.ends_with("2023-12.yaml")));
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.to_string_lossy().into_owned());
        }
    }
    out
}
