//! Issue 16, item 1: the tool finds its repository as git and cargo do, from any folder inside
//! it, and says so outside one. Every command is run from the root, from `snapshots/`, from
//! `reports/`, from a dossier's folder and from outside any repository, with no `--repo`.

mod common;

use std::path::{Path, PathBuf};

use common::{add_report, bare, git, has, lacks, report_source, CSAM, DEC, MAR, OCT};

/// The binary in `cwd`, with no `--repo` and nothing from the caller's environment.
fn jbz_in(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bare()
        .current_dir(cwd)
        .args(args)
        .env("NO_COLOR", "1")
        .env("JBZ_NO_PAGER", "1")
        .env("COLUMNS", "100")
        .output()
        .expect("run jbz-track");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

/// A repository made with `init`, holding October and December in one commit and March in
/// the next.
fn tracked() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let (code, _, err) = jbz_in(root, &["init", "-q"]);
    assert_eq!(code, 0, "{err}");
    git(root, &["init", "-q", "-b", "main"]);
    for r in [OCT, DEC] {
        add_report(root, r);
    }
    assert_eq!(jbz_in(root, &["normalize", "-q"]).0, 0);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "2023"]);
    add_report(root, MAR);
    assert_eq!(jbz_in(root, &["normalize", "-q"]).0, 0);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "2024"]);
    dir
}

/// Every command that reads a repository, as a user types it.
fn commands() -> Vec<Vec<String>> {
    let march = report_source(MAR).display().to_string();
    [
        vec!["normalize"],
        vec!["normalize", "--check"],
        vec!["normalize", "-v"],
        vec!["check"],
        vec!["check", "--format", "github"],
        vec!["diff"],
        vec!["diff", "2023-10", "2023-12", "--format", "json"],
        vec!["diff", "--git", "HEAD~1", "HEAD"],
        vec!["diff", "--git", "HEAD~1", "HEAD", "--dossier", CSAM],
        vec!["timeline", CSAM],
        vec!["timeline", CSAM, "--git"],
        vec!["show", CSAM],
        vec!["show", CSAM, "2023-10", "--rev", "HEAD~1"],
        vec!["dossiers"],
        vec!["ingest", march.as_str()],
    ]
    .into_iter()
    .map(|c| c.into_iter().map(str::to_string).collect())
    .collect()
}

#[test]
fn every_command_gives_the_same_answer_from_every_folder_of_a_repository() {
    let repo = tracked();
    let root = repo.path();
    let folders: Vec<PathBuf> = vec![
        root.to_path_buf(),
        root.join("snapshots"),
        root.join("reports"),
        root.join("snapshots").join(CSAM),
        root.join(".github/workflows"),
    ];
    for args in commands() {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let at_root = jbz_in(root, &args);
        assert_ne!(
            at_root.0, 2,
            "jbz-track {args:?} at the root: {}",
            at_root.2
        );
        assert!(
            !at_root.1.is_empty() || args.contains(&"--format"),
            "jbz-track {args:?} printed nothing"
        );
        for dir in &folders[1..] {
            let here = jbz_in(dir, &args);
            assert_eq!(
                here,
                at_root,
                "jbz-track {args:?} in {} differs from the root",
                dir.strip_prefix(root).unwrap_or(dir).display()
            );
        }
    }
    // The control: check read the reports from every folder.
    let (_, out, _) = jbz_in(&root.join("snapshots"), &["check"]);
    has(&out, "3 reports");
}

#[test]
fn outside_a_repository_every_command_that_needs_one_stops_with_exit_2() {
    let outside = tempfile::tempdir().expect("temp dir");
    let cwd = outside.path().join("somewhere");
    std::fs::create_dir_all(&cwd).expect("mkdir");
    for args in commands() {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = jbz_in(&cwd, &args);
        assert_eq!(
            code, 2,
            "jbz-track {args:?} outside a repository: {out}{err}"
        );
        assert_eq!(out, "", "jbz-track {args:?}: nothing on stdout");
        has(
            &err,
            &format!(
                "not inside a jbz-track repository (looked in {} and its parents); run `jbz-track init`",
                cwd.display()
            ),
        );
    }
    assert_eq!(
        std::fs::read_dir(outside.path()).expect("list").count(),
        1,
        "nothing was written outside a repository"
    );
    // What needs no repository still works there.
    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["schema"],
        &["--help"],
    ] {
        let (code, out, err) = jbz_in(&cwd, args);
        assert_eq!(code, 0, "jbz-track {args:?}: {err}");
        assert!(!out.is_empty());
    }
}

/// The issue: `check` run from `snapshots/` read no reports and passed.
#[test]
fn check_never_passes_on_zero_reports_unless_told_to() {
    let empty = tempfile::tempdir().expect("temp dir");
    assert_eq!(jbz_in(empty.path(), &["init", "-q"]).0, 0);
    let (code, out, _) = jbz_in(empty.path(), &["check"]);
    assert_eq!(code, 1, "{out}");
    has(
        &out,
        "no reports to check; add a report with `jbz-track ingest`",
    );
    let (code, out, _) = jbz_in(empty.path(), &["check", "--format", "github"]);
    assert_eq!(code, 1);
    has(&out, "::error");
    let (code, out, _) = jbz_in(empty.path(), &["check", "--allow-empty"]);
    assert_eq!(code, 0, "{out}");
    has(&out, "check passed");
}

/// The issue: `ingest FILE` inside `reports/` made `reports/reports/`.
#[test]
fn ingest_inside_reports_files_the_report_in_the_repository() {
    let repo = tracked();
    let root = repo.path();
    std::fs::copy(report_source(MAR), root.join("downloaded.txt")).expect("copy");
    std::fs::remove_file(root.join("reports").join(MAR)).expect("rm");
    let (code, out, err) = jbz_in(&root.join("reports"), &["ingest", "../downloaded.txt"]);
    assert_eq!(code, 0, "{err}");
    has(&out, &format!("added  reports/{MAR}"));
    assert!(root.join("reports").join(MAR).is_file());
    assert!(
        !root.join("reports/reports").exists(),
        "no reports/reports/"
    );
    assert!(
        !root.join("reports/snapshots").exists(),
        "no reports/snapshots/"
    );
}

/// `normalize REPORT` takes the path as the shell completed it: from the current folder.
#[test]
fn normalize_a_report_named_from_inside_reports() {
    let repo = tracked();
    let root = repo.path();
    let (code, out, err) = jbz_in(&root.join("reports"), &["normalize", "-v", OCT]);
    assert_eq!(code, 0, "{err}");
    has(&out, &format!("read  reports/{OCT}"));
    lacks(&err, "error");
}

#[test]
fn repo_option_and_variables_override_discovery() {
    let repo = tracked();
    let root = repo.path().display().to_string();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let at_root = jbz_in(repo.path(), &["dossiers"]);
    assert_eq!(at_root.0, 0);
    assert_eq!(
        jbz_in(elsewhere.path(), &["--repo", &root, "dossiers"]),
        at_root
    );
    for var in ["JBZ_TRACK_REPO", "JBZ_REPO"] {
        let out = bare()
            .current_dir(elsewhere.path())
            .env(var, &root)
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .arg("dossiers")
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(0), "{var}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), at_root.1, "{var}");
    }
}
