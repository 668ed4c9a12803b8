//! Helpers shared by the integration tests: the binary in a clean environment, temporary
//! repositories of reports, runs of the binary, and assertions on what it prints.
//!
//! Each test binary includes this with `mod common;` and uses only part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// The real report, in this repository's `reports/`.
pub const OCT: &str = "2023-10-19-jbz-raad-verslag.txt";
/// The constructed reports, in `tests/fixtures/meetings/reports/`.
pub const DEC: &str = "2023-12-04-jbz-raad-verslag.txt";
pub const DEC_AGENDA: &str = "2023-12-04-jbz-raad-geannoteerde-agenda.txt";
pub const MAR: &str = "2024-03-04-jbz-raad-verslag.txt";

pub const CSAM: &str = "csam-verordening";
pub const INTEROP: &str = "implementatie-van-interoperabiliteit";

/// The variables that change what `jbz-track` does or prints; no test run inherits them.
/// Above all `CI`: CI sets `CI=true`, which turns `normalize` into `normalize --check`.
pub const TOOL_ENV: [&str; 16] = [
    "CI",
    "JBZ_REPO",
    "JBZ_TRACK_REPO",
    "JBZ_NO_PAGER",
    "JBZ_CACHE",
    "JBZ_CACHE_DIR",
    "JBZ_PDFTOTEXT",
    "JBZ_TEST_WRITE_PAUSE_US",
    "JBZ_TEST_PANIC_ON",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "PAGER",
    "LESS",
    "LINES",
    "COLUMNS",
];

/// This package's folder.
pub fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Where the report `name` is kept: the real one in `reports/`, the constructed ones in
/// `tests/fixtures/meetings/reports/`.
pub fn report_source(name: &str) -> PathBuf {
    if name == OCT {
        manifest().join("reports").join(name)
    } else {
        manifest()
            .join("tests/fixtures/meetings/reports")
            .join(name)
    }
}

/// The bytes of the real report.
pub fn real_report() -> Vec<u8> {
    std::fs::read(report_source(OCT)).expect("read the real report")
}

/// The path of `tests/fixtures/<folder>/<name>`.
pub fn fixture_path(folder: &str, name: &str) -> PathBuf {
    manifest().join("tests/fixtures").join(folder).join(name)
}

/// The bytes of `tests/fixtures/<folder>/<name>`.
pub fn fixture(folder: &str, name: &str) -> Vec<u8> {
    let path = fixture_path(folder, name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Copies the report `name` (see [`report_source`]) into `repo/reports/`.
pub fn add_report(repo: &Path, name: &str) {
    std::fs::create_dir_all(repo.join("reports")).expect("reports dir");
    std::fs::copy(report_source(name), repo.join("reports").join(name)).expect("copy report");
}

/// A temporary repository whose `reports/` holds these reports, not normalised.
pub fn repo_holding(reports: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for r in reports {
        add_report(dir.path(), r);
    }
    dir
}

/// A temporary repository holding these reports, normalised.
pub fn repo_with(reports: &[&str]) -> tempfile::TempDir {
    let dir = repo_holding(reports);
    normalize(dir.path());
    dir
}

/// The real report and the three constructed ones: 46 snapshots, meetings 2023-10,
/// 2023-12.agenda, 2023-12 and 2024-03.
pub fn all_meetings() -> tempfile::TempDir {
    repo_with(&[OCT, DEC_AGENDA, DEC, MAR])
}

/// A temporary repository whose `reports/` holds the given files (name, bytes).
pub fn repo_with_files(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("reports")).expect("reports dir");
    for (name, bytes) in files {
        std::fs::write(dir.path().join("reports").join(name), bytes).expect("write report");
    }
    dir
}

/// The binary cargo built for these tests.
pub fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("jbz-track")
}

/// Takes every one of [`TOOL_ENV`] out of `cmd`'s environment (for the binary, or a shell that
/// runs it).
pub fn clean_env(cmd: &mut std::process::Command) -> &mut std::process::Command {
    for var in TOOL_ENV {
        cmd.env_remove(var);
    }
    cmd
}

/// The binary as a `std` command (to spawn and kill), with none of [`TOOL_ENV`].
pub fn bare_std() -> std::process::Command {
    let mut cmd = std::process::Command::new(binary());
    clean_env(&mut cmd);
    cmd
}

/// The binary, with none of [`TOOL_ENV`].
pub fn bare() -> Command {
    let mut cmd = Command::cargo_bin("jbz-track").expect("binary");
    for var in TOOL_ENV {
        cmd.env_remove(var);
    }
    cmd
}

/// The binary on `repo`, with none of [`TOOL_ENV`]: no colour, no pager, 100 columns, and a
/// backtrace should it panic.
pub fn jbz(repo: &Path) -> Command {
    let mut cmd = bare();
    cmd.arg("--repo")
        .arg(repo)
        .env("NO_COLOR", "1")
        .env("JBZ_NO_PAGER", "1")
        .env("COLUMNS", "100")
        .env("RUST_BACKTRACE", "1");
    cmd
}

/// Runs `normalize -q` on `repo`, expecting success.
pub fn normalize(repo: &Path) {
    jbz(repo).args(["normalize", "-q"]).assert().success();
}

/// Runs `jbz-track ARGS` on `repo`; returns its output.
pub fn output(repo: &Path, args: &[&str]) -> Output {
    jbz(repo).args(args).output().expect("run jbz-track")
}

/// Runs `jbz-track ARGS` on `repo`; returns (exit code, stdout, stderr).
pub fn run(repo: &Path, args: &[&str]) -> (i32, String, String) {
    let out = output(repo, args);
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// Runs, expects exit `code`; returns (stdout, stderr).
pub fn run_expecting(repo: &Path, args: &[&str], code: i32) -> (String, String) {
    let (got, out, err) = run(repo, args);
    assert_eq!(
        got, code,
        "jbz-track {args:?} exited {got}\nstderr: {err}\nstdout: {out}"
    );
    (out, err)
}

/// Runs, expects exit 0; returns stdout.
pub fn ok(repo: &Path, args: &[&str]) -> String {
    run_expecting(repo, args, 0).0
}

/// `text` parsed as JSON.
pub fn parse_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Runs, expects exit 0; returns stdout parsed as JSON.
pub fn json(repo: &Path, args: &[&str]) -> Value {
    parse_json(&ok(repo, args))
}

/// What a run wrote on stdout, lossily decoded.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a run wrote on stderr, lossily decoded.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// No panic, no backtrace: a user's bad file is an input error, not a crash.
pub fn assert_no_panic(out: &Output) {
    let err = stderr(out);
    for word in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
        assert!(!err.contains(word), "stderr shows a panic ({word}):\n{err}");
    }
}

/// Asserts that `haystack` contains `needle`.
pub fn has(haystack: &str, needle: &str) {
    assert!(
        haystack.contains(needle),
        "expected to find\n  {needle}\nin\n{haystack}"
    );
}

/// Asserts that `haystack` does not contain `needle`.
pub fn lacks(haystack: &str, needle: &str) {
    assert!(
        !haystack.contains(needle),
        "did not expect\n  {needle}\nin\n{haystack}"
    );
}

/// Every file under `dir`, by its path relative to `dir` (with `/`), with its bytes; none
/// where there is no `dir`.
pub fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .expect("under base")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, std::fs::read(&path).expect("read file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Every file under `repo/snapshots/`, by its path from `repo` (with `/`), with its text.
pub fn snapshot_texts(repo: &Path) -> BTreeMap<String, String> {
    files_under(&repo.join("snapshots"))
        .into_iter()
        .map(|(rel, bytes)| {
            let text = String::from_utf8(bytes).expect("snapshot is UTF-8");
            (format!("snapshots/{rel}"), text)
        })
        .collect()
}

/// Runs git in `dir` as [`git_at`] does, at one fixed date.
pub fn git(dir: &Path, args: &[&str]) -> String {
    git_at(dir, args, "2024-01-15T12:00:00+01:00")
}

/// Runs git in `dir` with fixed names, the date `date`, and none of the caller's configuration
/// or [`TOOL_ENV`] (which a diff driver it runs would inherit); returns stdout. Commits (and
/// their hashes) are the same on every run.
pub fn git_at(dir: &Path, args: &[&str], date: &str) -> String {
    let out = clean_env(&mut std::process::Command::new("git"))
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "jbz-track tests")
        .env("GIT_AUTHOR_EMAIL", "tests@jbz-track.invalid")
        .env("GIT_COMMITTER_NAME", "jbz-track tests")
        .env("GIT_COMMITTER_EMAIL", "tests@jbz-track.invalid")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Runs a shell `line` on a terminal (util-linux `script`), with `vars` set; its stdout with
/// `\r` taken out. `None`, with a note on stderr, where `script` cannot run here.
#[allow(dead_code)]
pub fn on_a_terminal(line: &str, vars: &[(&str, &str)]) -> Option<String> {
    let works = std::process::Command::new("script")
        .args(["-qec", "true", "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success());
    if !works {
        eprintln!("`script` cannot run a command on a terminal here: skipped");
        return None;
    }
    let out = clean_env(&mut std::process::Command::new("script"))
        .args(["-qec", line, "/dev/null"])
        .env("SHELL", "/bin/sh")
        .env("NO_COLOR", "1")
        .envs(vars.iter().copied())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script runs");
    Some(String::from_utf8_lossy(&out.stdout).replace('\r', ""))
}
