//! Issue 16, item 2: exit codes a CI can trust, for every command, as the README's table
//! lists them: 0 clean, 1 differences or findings, 2 usage or input error. And no output is
//! lost behind a 0: a pager that is missing or fails leaves the text printed directly, and a
//! stdout that cannot be written to is an error.

mod common;

use std::path::Path;

use common::{add_report, binary, has, jbz, repo_with, CSAM, DEC, MAR, OCT};

fn code(repo: &Path, args: &[&str]) -> i32 {
    let out = jbz(repo).args(args).output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
    out.status.code().expect("exit code")
}

#[test]
fn every_command_exits_0_1_or_2_as_the_readme_says() {
    let repo = repo_with(&[OCT, DEC]);
    let root = repo.path();
    let readme = common::manifest().join("README.md");
    let readme = readme.to_str().expect("utf-8");
    let table: &[(&[&str], i32)] = &[
        // normalize
        (&["normalize"], 0),
        (&["normalize", "--check"], 0),
        (&["normalize", "--explain", &format!("reports/{OCT}")], 0),
        (&["normalize", "--explain", "no-such-file.txt"], 2),
        // diff
        (&["diff"], 0),
        (&["diff", "--exit-code"], 1),
        (&["diff", "2023-10", "2023-10", "--exit-code"], 0),
        (&["diff", "2023-10", "2099-01"], 2),
        (&["diff", "--dossier", "nothing-like-it"], 2),
        // timeline
        (&["timeline", CSAM], 0),
        (&["timeline", "nothing-like-it"], 2),
        // check
        (&["check"], 0),
        // show
        (&["show", CSAM], 0),
        (&["show", CSAM, "2099-01"], 2),
        (&["show", "nothing-like-it"], 2),
        // dossiers
        (&["dossiers"], 0),
        (&["dossiers", "--format", "yaml"], 2),
        // ingest
        (&["ingest", readme], 2),
        // the rest
        (&["completions", "bash"], 0),
        (&["completions", "nushell"], 2),
        (&["man"], 0),
        (&["schema"], 0),
        (&["no-such-command"], 2),
        (&["diff", "--no-such-option"], 2),
        (&[], 2),
    ];
    for (args, want) in table {
        assert_eq!(code(root, args), *want, "jbz-track {args:?}");
    }

    // 1: what a check finds.
    add_report(root, MAR);
    assert_eq!(code(root, &["normalize", "--check"]), 1);
    assert_eq!(code(root, &["check"]), 1);
    // 0: ingest of a new report.
    let fresh = repo_with(&[OCT]);
    let dec = common::report_source(DEC);
    assert_eq!(
        code(fresh.path(), &["ingest", dec.to_str().expect("utf-8")]),
        0
    );
    // 2: a report that cannot be read.
    std::fs::write(root.join("reports/broken.txt"), "nothing\n").expect("write");
    assert_eq!(code(root, &["normalize"]), 2);
    // 2: a registry that cannot be read.
    std::fs::write(root.join("dossiers.yaml"), "dossiers: [").expect("write");
    assert_eq!(code(root, &["dossiers"]), 2);
    // init: 0, and 2 where the folder cannot be made.
    let tmp = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        code(
            tmp.path(),
            &["init", &tmp.path().join("new").display().to_string()]
        ),
        0
    );
    std::fs::write(tmp.path().join("file"), "").expect("write");
    assert_eq!(
        code(
            tmp.path(),
            &["init", &tmp.path().join("file").display().to_string()]
        ),
        2
    );
}

/// Runs on a terminal (util-linux `script`) with `PAGER` set; stdout and the exit code.
fn paged(repo: &Path, pager: &str) -> Option<(String, i32)> {
    let line = format!(
        "stty rows 10 cols 100; '{}' --repo '{}' show {CSAM}; echo EXIT=$?",
        binary().display(),
        repo.display()
    );
    let text = common::on_a_terminal(&line, &[("PAGER", pager)])?;
    let exit = text
        .rsplit_once("EXIT=")
        .and_then(|(_, c)| c.trim().parse().ok())
        .expect("exit code printed");
    Some((text, exit))
}

#[test]
fn a_missing_or_failing_pager_loses_no_output() {
    let repo = repo_with(&[OCT]);
    for pager in ["no-such-pager-anywhere", "sh -c 'exit 3'", "false"] {
        let Some((out, exit)) = paged(repo.path(), pager) else {
            return;
        };
        assert_eq!(exit, 0, "{pager}: {out}");
        has(&out, "Positions");
        has(&out, "printing directly");
    }
}

#[test]
fn output_that_cannot_be_written_is_an_error() {
    let repo = repo_with(&[OCT]);
    let Ok(full) = std::fs::File::create("/dev/full") else {
        eprintln!("no /dev/full here: skipped");
        return;
    };
    let out = common::bare_std()
        .arg("--repo")
        .arg(repo.path())
        .args(["--no-pager", "show", CSAM])
        .stdout(full)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    has(&String::from_utf8_lossy(&out.stderr), "cannot write output");
}
