//! A closed stdout (`jbz-track check | head -1`, `… | head -c0`) ends the output, never the
//! work: every command keeps the exit code its work earned, and the commands that write
//! (`ingest`, `normalize`) finish their writes.
//!
//! Each run gets a pipe for stdout whose reading end is closed as soon as the process is
//! spawned, before it can write anything: every write it makes meets a broken pipe.

mod common;

use std::path::Path;
use std::process::{Output, Stdio};

use common::{add_report, bare_std, normalize, repo_holding, repo_with, DEC, MAR, OCT};

/// `jbz-track --repo REPO ARGS | head -c0`: the run's output, with stdout closed at once.
fn with_closed_stdout(repo: &Path, args: &[&str]) -> Output {
    let mut child = bare_std()
        .arg("--repo")
        .arg(repo)
        .args(args)
        .env("NO_COLOR", "1")
        .env("JBZ_NO_PAGER", "1")
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn jbz-track");
    drop(child.stdout.take());
    child.wait_with_output().expect("wait for jbz-track")
}

fn err(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_code(out: &Output, code: i32, what: &str) {
    let e = err(out);
    assert!(!e.contains("panicked"), "{what}: panic:\n{e}");
    assert_eq!(out.status.code(), Some(code), "{what}:\n{e}");
}

#[test]
fn check_that_found_problems_exits_1_with_stdout_closed() {
    let dir = repo_with(&[OCT]);
    let snap = dir.path().join("snapshots/csam-verordening/2023-10.yaml");
    let text = std::fs::read_to_string(&snap).expect("read");
    std::fs::write(&snap, text.replacen("Nederland", "Belgie", 1)).expect("write");
    for format in ["text", "github", "markdown"] {
        let out = with_closed_stdout(dir.path(), &["check", "--format", format]);
        assert_code(&out, 1, format);
    }
    let out = with_closed_stdout(dir.path(), &["normalize", "--check"]);
    assert_code(&out, 1, "normalize --check");
}

#[test]
fn normalize_with_a_failed_report_exits_2_and_writes_the_others_with_stdout_closed() {
    let dir = repo_holding(&[OCT, DEC, MAR]);
    std::fs::write(dir.path().join("reports/kapot.txt"), "appeltaart\n").expect("write");
    let out = with_closed_stdout(dir.path(), &["normalize"]);
    assert_code(&out, 2, "normalize");
    assert!(err(&out).contains("reports/kapot.txt"), "{}", err(&out));
    for meeting in ["2023-10", "2023-12", "2024-03"] {
        assert!(
            dir.path()
                .join(format!("snapshots/csam-verordening/{meeting}.yaml"))
                .is_file(),
            "{meeting} written"
        );
    }
}

#[test]
fn ingest_of_three_reports_finishes_with_stdout_closed() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("reports")).expect("reports");
    let files: Vec<String> = [OCT, DEC, MAR]
        .iter()
        .map(|r| common::report_source(r).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    let out = with_closed_stdout(dir.path(), &args);
    assert_code(&out, 0, "ingest");
    for r in [OCT, DEC, MAR] {
        assert!(dir.path().join("reports").join(r).is_file(), "{r} copied");
    }
    for meeting in ["2023-10", "2023-12", "2024-03"] {
        assert!(
            dir.path()
                .join(format!("snapshots/csam-verordening/{meeting}.yaml"))
                .is_file(),
            "{meeting} written"
        );
    }
    // And a run that fails on one file still says so.
    let out = with_closed_stdout(dir.path(), &["ingest", "/nonexistent/verslag.txt"]);
    assert_code(&out, 2, "ingest of a missing file");
}

#[test]
fn every_reading_command_keeps_its_exit_code_with_stdout_closed() {
    let dir = repo_with(&[OCT]);
    add_report(dir.path(), DEC);
    normalize(dir.path());
    for (args, code) in [
        (&["show", "csam-verordening"][..], 0),
        (&["show", "geen-dossier"], 2),
        (&["dossiers"], 0),
        (&["dossiers", "--format", "json"], 0),
        (&["diff", "2023-10", "2023-12"], 0),
        (&["diff", "2023-10", "2023-12", "--exit-code"], 1),
        (
            &[
                "diff",
                "2023-10",
                "2023-12",
                "--format",
                "json",
                "--exit-code",
            ],
            1,
        ),
        (&["timeline", "csam-verordening"], 0),
        (&["timeline", "csam-verordening", "--format", "svg"], 0),
        (&["schema"], 0),
        (&["completions", "bash"], 0),
        (&["man"], 0),
        (&["check"], 0),
        (&["normalize"], 0),
        (&["normalize", "-v"], 0),
    ] {
        let out = with_closed_stdout(dir.path(), args);
        assert_code(&out, code, &format!("{args:?}"));
    }
    let fresh = tempfile::tempdir().expect("temp dir");
    let out = with_closed_stdout(fresh.path(), &["init"]);
    assert_code(&out, 0, "init");
    assert!(fresh.path().join("dossiers.yaml").is_file());
}
