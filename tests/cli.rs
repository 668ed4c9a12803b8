//! `jbz-track` as a new user meets it (issue 8): shell completions and the man page, `init`
//! and a first report, errors that suggest what was meant, every `--help` example run as
//! written, and the output habits (`-q`, `-v`, the pager, colour, `--version`).
//!
//! Repositories are built in temporary folders from the real report on the JBZ-Raad of October
//! 2023 (`reports/`) and the constructed meetings in `tests/fixtures/meetings/` (see its README).
//! Every run of the binary has `PAGER` set to a command that fails loudly, so that a pager
//! started where none should be shows up as `PAGER-RAN` on stderr.

mod common;
mod odata_server;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use assert_cmd::Command;
use clap::ValueEnum;
use common::{
    add_report, bare, binary, clean_env, git_at, has, lacks, manifest, repo_holding, report_source,
    CSAM, DEC, DEC_AGENDA, MAR, OCT,
};

/// A pager that says it ran and fails: no test output may contain `PAGER-RAN`.
const FAILING_PAGER: &str = r#"sh -c "echo PAGER-RAN >&2; exit 3""#;
const PAGER_RAN: &str = "PAGER-RAN";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The binary with nothing from the caller's environment that changes its behaviour (see
/// [`common::TOOL_ENV`]), and a pager that fails loudly.
fn jbz() -> Command {
    let mut cmd = bare();
    cmd.env("PAGER", FAILING_PAGER)
        .env("LINES", "5")
        .env("COLUMNS", "100");
    cmd
}

/// The binary on `repo`.
fn jbz_on(repo: &Path) -> Command {
    let mut cmd = jbz();
    cmd.arg("--repo").arg(repo);
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Run; the pager must not have started (stdout is a pipe).
fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("run jbz-track");
    let run = Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    };
    assert!(
        !run.stderr.contains(PAGER_RAN),
        "a pager ran although stdout is not a terminal: {cmd:?}\n{}",
        run.stderr
    );
    run
}

/// Run, expect `code`; returns the run.
fn expect(cmd: &mut Command, code: i32) -> Run {
    let r = run(cmd);
    assert_eq!(
        r.code, code,
        "{cmd:?} exited {} instead of {code}\nstderr: {}\nstdout: {}",
        r.code, r.stderr, r.stdout
    );
    r
}

/// `jbz-track --repo REPO ARGS`, expecting success; returns stdout.
fn ok(repo: &Path, args: &[&str]) -> String {
    expect(jbz_on(repo).args(args), 0).stdout
}

/// `jbz-track --repo REPO ARGS`, expecting exit 2 with a message on stderr and nothing on
/// stdout; returns stderr.
fn trouble(repo: &Path, args: &[&str]) -> String {
    let r = expect(jbz_on(repo).args(args), 2);
    assert_eq!(r.stdout, "", "errors go to stderr, not stdout");
    r.stderr
}

/// A temporary repository holding these reports, normalised (and no pager run).
fn repo_with(reports: &[&str]) -> tempfile::TempDir {
    let dir = repo_holding(reports);
    ok(dir.path(), &["normalize", "-q"]);
    dir
}

/// The real report and the three constructed ones: 46 snapshots, meetings 2023-10,
/// 2023-12.agenda, 2023-12 and 2024-03.
fn all_meetings() -> tempfile::TempDir {
    repo_with(&[OCT, DEC_AGENDA, DEC, MAR])
}

/// Every file under `dir` (but `.git`), with its bytes and modification time.
fn tree(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, (Vec<u8>, SystemTime)>) {
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("dir entry").path();
            if path.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let meta = std::fs::metadata(&path).expect("metadata");
                let rel = path.strip_prefix(root).expect("under root").to_path_buf();
                let bytes = std::fs::read(&path).expect("read file");
                out.insert(rel, (bytes, meta.modified().expect("mtime")));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The snapshot files under `repo`, as the tool names them (`snapshots/<dossier>/<m>.yaml`).
fn snapshot_files(repo: &Path) -> Vec<String> {
    tree(&repo.join("snapshots"))
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| format!("snapshots/{}", p.display()))
        .collect()
}

/// Whether `program args…` can run here and succeeds (for optional tools: bash, man, groff…).
fn tool_works(program: &str, args: &[&str], stdin: &[u8]) -> bool {
    use std::io::Write;
    use std::process::Stdio;
    let Ok(mut child) = std::process::Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    else {
        return false;
    };
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin);
    }
    child.wait().is_ok_and(|s| s.success())
}

/// Run `program args…` with `stdin`; returns (success, stdout, stderr).
fn pipe_through(
    program: &str,
    args: &[&str],
    envs: &[(&str, &str)],
    stdin: &[u8],
) -> (bool, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = std::process::Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer thread");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The commands `jbz-track --help` lists (without `help`), parsed from its "Commands:" block.
fn subcommands() -> Vec<String> {
    let help = expect(jbz().arg("--help"), 0).stdout;
    let block = help
        .split_once("Commands:\n")
        .expect("a Commands: block in --help")
        .1;
    block
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// A repository as a user has it after a few months: made with `init`, then one commit per
/// meeting (October's real report; December's agenda and report; March's report), each with
/// its snapshots, and `origin/main` one commit behind `main` (a pull request adding March).
fn tracked_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    expect(jbz().arg("init").arg(root).arg("-q"), 0);
    git_at(
        root,
        &["init", "-q", "-b", "main"],
        "2023-10-01T12:00:00+02:00",
    );
    let meetings: [(&[&str], &str, &str); 3] = [
        (&[OCT], "JBZ-Raad 2023-10", "2023-10-25T12:00:00+02:00"),
        (
            &[DEC_AGENDA, DEC],
            "JBZ-Raad 2023-12",
            "2023-12-10T12:00:00+01:00",
        ),
        (&[MAR], "JBZ-Raad 2024-03", "2024-03-10T12:00:00+01:00"),
    ];
    for (reports, message, date) in meetings {
        for r in reports {
            add_report(root, r);
        }
        ok(root, &["normalize", "-q"]);
        git_at(root, &["add", "."], date);
        git_at(root, &["commit", "-q", "-m", message], date);
    }
    git_at(
        root,
        &["update-ref", "refs/remotes/origin/main", "HEAD~1"],
        "2024-03-10T12:00:00+01:00",
    );
    assert_eq!(
        git_at(
            root,
            &["status", "--porcelain"],
            "2024-03-10T12:00:00+01:00"
        ),
        "",
        "all committed"
    );
    dir
}

// ---------------------------------------------------------------------------------------------
// 1. Completions and the man page
// ---------------------------------------------------------------------------------------------

#[test]
fn completions_generate_for_every_shell() {
    let shells: Vec<String> = clap_complete::Shell::value_variants()
        .iter()
        .filter_map(|s| s.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect();
    assert!(shells.len() >= 5, "bash, elvish, fish, powershell, zsh");
    let help = expect(jbz().args(["completions", "--help"]), 0).stdout;
    for shell in &shells {
        has(&help, shell);
        // Each script has the shell ask jbz-track itself (clap_complete's dynamic engine).
        let out = expect(jbz().args(["completions", shell]), 0).stdout;
        for word in ["jbz-track", "COMPLETE"] {
            assert!(
                out.contains(word),
                "{shell} completions do not mention `{word}`:\n{out}"
            );
        }
    }
    // What jbz-track offers: every command, the global options, and not what --help hides
    // (the git diff driver, which git runs).
    let offered = |word: &str| -> String {
        expect(
            jbz()
                .env("COMPLETE", "fish")
                .args(["--", "jbz-track", word]),
            0,
        )
        .stdout
    };
    let commands = offered("");
    for word in subcommands() {
        has(&commands, &format!("{word}\t"));
    }
    lacks(&commands, "git-diff-driver");
    let options = offered("--");
    for word in ["--repo", "--no-pager", "--color"] {
        has(&options, word);
    }
}

/// The scripts are valid in the shells that are installed here (the others are skipped).
#[test]
fn completions_are_valid_shell_scripts() {
    let checks: [(&str, &str, &[&str]); 3] = [
        ("bash", "bash", &["-n"]),
        ("zsh", "zsh", &["-n"]),
        ("fish", "fish", &["--no-execute"]),
    ];
    for (shell, program, args) in checks {
        if !tool_works(program, &["-c", "true"], b"") {
            eprintln!("{program} is not installed: {shell} completions not syntax-checked");
            continue;
        }
        let script = expect(jbz().args(["completions", shell]), 0).stdout;
        let (ok, out, err) = pipe_through(program, args, &[], script.as_bytes());
        assert!(
            ok && err.is_empty(),
            "{program} {args:?} rejects the {shell} completions:\n{err}{out}"
        );
    }
}

#[test]
fn man_page_is_roff_naming_every_command() {
    let page = expect(jbz().arg("man"), 0).stdout;
    assert!(
        page.starts_with(".TH") || page.starts_with(".ie"),
        "a man page starts with roff requests: {}",
        &page[..page.len().min(200)]
    );
    has(&page, "\n.TH jbz-track 1");
    for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SUBCOMMANDS"] {
        has(&page, &format!("\n.SH {section}"));
    }
    // roff escapes hyphens: `jbz\-track\-normalize`.
    let plain = page.replace("\\-", "-");
    has(&plain, "jbz-track");
    has(&plain, env!("CARGO_PKG_VERSION"));
    for c in subcommands() {
        has(&plain, &format!("jbz-track-{c}"));
    }
    for option in ["--repo", "--color", "--quiet", "--verbose", "--no-pager"] {
        has(&plain, option);
    }
}

/// `man` and `groff` (where installed and working) render the page without a warning.
#[test]
fn man_page_renders() {
    let page = expect(jbz().arg("man"), 0).stdout;
    let probe = b".TH PROBE 1\n.SH NAME\nprobe \\- a probe\n";
    let mut rendered = 0;
    if tool_works("man", &["-l", "-"], probe) {
        let envs = [("MANPAGER", "cat"), ("PAGER", "cat"), ("MANWIDTH", "80")];
        let (ok, out, err) = pipe_through("man", &["-l", "-"], &envs, page.as_bytes());
        assert!(ok && err.is_empty(), "man -l - fails: {err}");
        has(&out, "SYNOPSIS");
        has(&out, "jbz-track");
        rendered += 1;
    } else {
        eprintln!("man is not installed (or not working): not rendered with man");
    }
    // -k: the page is UTF-8 (as `man` would run it, through preconv); -ww: all warnings.
    let args = ["-k", "-man", "-Tutf8", "-ww", "-z"];
    if tool_works("groff", &args, probe) {
        let (ok, out, err) = pipe_through("groff", &args, &[], page.as_bytes());
        assert!(
            ok && err.is_empty(),
            "groff -k -man -Tutf8 -ww warns: {err}{out}"
        );
        rendered += 1;
    } else {
        eprintln!("groff is not installed (or not working): not rendered with groff");
    }
    if rendered == 0 {
        eprintln!("neither man nor groff works here: the page was only checked as text");
    }
}

// ---------------------------------------------------------------------------------------------
// 2. init, then a first report
// ---------------------------------------------------------------------------------------------

#[test]
fn init_makes_a_repository_that_every_command_works_on() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = expect(jbz().current_dir(tmp.path()).args(["init", "jbz"]), 0).stdout;
    let root = tmp.path().join("jbz");
    for f in [
        "dossiers.yaml",
        ".gitignore",
        ".github/workflows/reports.yml",
    ] {
        assert!(root.join(f).is_file(), "init made no {f}");
        has(&out, f);
    }
    assert!(root.join("reports").is_dir() && root.join("snapshots").is_dir());
    let registry = std::fs::read_to_string(root.join("dossiers.yaml")).expect("dossiers.yaml");
    assert!(registry.starts_with('#'), "dossiers.yaml is commented");
    for id in [CSAM, "asiel-migratiepact", "insolventierichtlijn"] {
        has(&registry, id);
    }
    has(&out, "jbz-track ingest");

    // The real report first: nothing to compare it with.
    let out = ok(
        &root,
        &["ingest", report_source(OCT).to_str().expect("utf-8")],
    );
    has(&out, &format!("     added  reports/{OCT}"));
    has(&out, "there is nothing to compare it with");
    assert_eq!(snapshot_files(&root).len(), 14, "{out}");

    // Then December: its changes are shown.
    let out = ok(
        &root,
        &["ingest", report_source(DEC).to_str().expect("utf-8")],
    );
    has(&out, &format!("     added  reports/{DEC}"));
    has(&out, "jbz-track diff 2023-10 → 2023-12");
    has(&out, "raadsonderhandelingen → raadspositie");
    assert!(root.join("reports").join(OCT).is_file() && root.join("reports").join(DEC).is_file());
    assert_eq!(snapshot_files(&root).len(), 28);

    let out = ok(&root, &["normalize"]);
    has(
        &out,
        "2 reports normalized: 28 snapshots, 0 written, 28 unchanged",
    );
    let out = ok(&root, &["normalize", "--check"]);
    has(&out, "all 28 snapshots are up to date");

    let out = ok(&root, &["diff"]);
    has(&out, "jbz-track diff 2023-10 → 2023-12");
    has(&out, &format!("~ {CSAM}"));
    has(&out, "[-meer-]{+voldoende+}");

    let out = ok(&root, &["timeline", CSAM]);
    has(&out, "2 entries, 2023-10 → 2023-12");
    has(&out, "raadspositie");

    let out = ok(&root, &["check"]);
    has(&out, "check passed: 2 reports, 28 snapshots: all good");

    let out = ok(&root, &["show", CSAM]);
    has(&out, "JBZ-Raad 2023-12");
    let out = ok(&root, &["dossiers"]);
    has(
        &out,
        "e-evidence-voorbereiding-op-de-toepassing-van-de-verordening",
    );
}

#[test]
fn init_twice_does_nothing_and_overwrites_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("jbz");
    expect(jbz().arg("init").arg(&root), 0);
    let edited = "# my own dossiers\n";
    let registry = root.join("dossiers.yaml");
    let mut text = std::fs::read_to_string(&registry).expect("dossiers.yaml");
    text.insert_str(0, edited);
    std::fs::write(&registry, &text).expect("edit dossiers.yaml");
    std::fs::write(root.join(".gitignore"), "mine\n").expect("edit .gitignore");

    // An existing .gitignore keeps its lines and gains the tool's, and init says so (issue 16).
    let out = expect(jbz().arg("init").arg(&root), 0).stdout;
    has(&out, "updated");
    has(&out, ".gitignore (added snapshots/**/.*.tmp, /_site/)");
    let ignore = std::fs::read_to_string(root.join(".gitignore")).expect(".gitignore");
    assert!(ignore.starts_with("mine\n") && ignore.contains("\nsnapshots/**/.*.tmp\n"));
    let before = tree(&root);

    let out = expect(jbz().arg("init").arg(&root), 0).stdout;
    has(&out, "already a jbz-track repository; nothing to do");
    lacks(&out, "created");
    assert_eq!(tree(&root), before, "the second init changed files");
    let kept = std::fs::read_to_string(&registry).expect("dossiers.yaml");
    assert!(kept.starts_with(edited), "the edit was lost");

    // Without DIR: --repo, or JBZ_REPO.
    let out = expect(jbz().arg("--repo").arg(&root).arg("init"), 0).stdout;
    has(&out, "nothing to do");
    let other = tmp.path().join("from-env");
    expect(jbz().env("JBZ_REPO", &other).arg("init"), 0);
    assert!(
        other.join("dossiers.yaml").is_file(),
        "JBZ_REPO names the folder"
    );
    assert_eq!(tree(&root), before);
}

#[test]
fn ingesting_the_same_report_twice_changes_nothing_and_says_so() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("jbz");
    expect(jbz().arg("init").arg(&root), 0);
    let oct = report_source(OCT);
    ok(&root, &["ingest", oct.to_str().expect("utf-8")]);
    let before = tree(&root);

    let out = ok(&root, &["ingest", oct.to_str().expect("utf-8")]);
    has(
        &out,
        &format!("already in the repository as reports/{OCT}; nothing to do"),
    );
    lacks(&out, "added");
    lacks(&out, "created");
    assert_eq!(tree(&root), before, "a second ingest changed files");

    // The same bytes under another name are the same report.
    let renamed = tmp.path().join("verslag-oktober.txt");
    std::fs::copy(&oct, &renamed).expect("copy");
    let out = ok(&root, &["ingest", renamed.to_str().expect("utf-8")]);
    has(&out, "nothing to do");
    assert_eq!(
        tree(&root),
        before,
        "ingest of a renamed copy changed files"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Errors that help
// ---------------------------------------------------------------------------------------------

#[test]
fn a_mistyped_command_or_option_gets_a_suggestion() {
    let repo = tempfile::tempdir().expect("temp dir");
    let err = trouble(repo.path(), &["normalise"]);
    has(&err, "unrecognized subcommand 'normalise'");
    has(&err, "'normalize'");

    let err = trouble(repo.path(), &["normalize", "--chek"]);
    has(&err, "'--chek'");
    has(&err, "'--check'");

    let err = trouble(repo.path(), &["--no-pagr", "dossiers"]);
    has(&err, "'--no-pager'");

    let err = trouble(repo.path(), &["completions", "bsh"]);
    has(&err, "bash");
}

#[test]
fn a_mistyped_dossier_gets_the_near_ones() {
    let repo = all_meetings();
    let root = repo.path();
    for args in [
        &["show", "csam-verodening"][..],
        &["timeline", "csam-verodening"],
        &["diff", "--dossier", "csam-verodening"],
        &["show", "csam"],
    ] {
        let err = trouble(root, args);
        assert!(
            err.starts_with("jbz-track: "),
            "errors start with the program name: {err}"
        );
        has(&err, "did you mean csam-verordening");
    }
    let err = trouble(root, &["show", "geen-dossier-van-de-raad"]);
    has(&err, "`jbz-track dossiers` lists them");
}

#[test]
fn an_unknown_meeting_lists_the_meetings() {
    let repo = all_meetings();
    let root = repo.path();
    let err = trouble(root, &["show", CSAM, "2022-01"]);
    has(&err, "'2022-01'");
    has(&err, "2023-10, 2023-12.agenda, 2023-12, 2024-03");
    for args in [
        &["diff", "2022-01", "2023-12"][..],
        &["timeline", CSAM, "--since", "2022-01"],
    ] {
        let err = trouble(root, args);
        has(&err, "no meeting '2022-01'");
        has(&err, "2023-10, 2023-12.agenda, 2023-12, 2024-03");
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Every --help example runs as written
// ---------------------------------------------------------------------------------------------

/// One line of an "Examples:" block.
#[derive(Debug)]
struct Example {
    /// The shell command, without its comment.
    command: String,
    /// The comment says the command exits 1 in some case (`normalize --check`).
    may_exit_1: bool,
}

/// The "Examples:" block of `jbz-track CMD --help`: each indented line up to the next empty
/// one, with a `(comment)` after two or more spaces taken off.
fn help_examples(command: &str) -> Vec<Example> {
    let help = expect(jbz().args([command, "--help"]), 0).stdout;
    let Some((_, block)) = help.split_once("\nExamples:\n") else {
        return Vec::new();
    };
    block
        .lines()
        .take_while(|l| l.starts_with("  ") && !l.trim().is_empty())
        .map(|l| {
            let line = l.trim();
            let (command, comment) = match line.find("  (") {
                Some(i) if line.ends_with(')') => (line[..i].trim_end(), &line[i..]),
                _ => (line, ""),
            };
            Example {
                command: command.to_string(),
                may_exit_1: comment.contains("exit 1"),
            }
        })
        .collect()
}

/// The files a user would have that the examples name: downloaded reports in `~/Downloads`
/// (a fake HOME), and a corrected report in the folder the commands run in.
fn user_files(home: &Path, cwd: &Path) {
    let downloads = home.join("Downloads");
    std::fs::create_dir_all(&downloads).expect("Downloads");
    // `jbz-track ingest ~/Downloads/verslag-jbz-raad-oktober.txt`: the October report.
    std::fs::copy(
        report_source(OCT),
        downloads.join("verslag-jbz-raad-oktober.txt"),
    )
    .expect("copy");
    // `cd my-reports && jbz-track ingest ~/Downloads/verslag.txt`: a constructed report.
    std::fs::copy(report_source(MAR), downloads.join("verslag.txt")).expect("copy");
    // `jbz-track ingest --replace corrected-report.txt`: March again, with a correction.
    let march = std::fs::read_to_string(report_source(MAR)).expect("read March");
    let corrected = march.replacen(
        "Geconstrueerd voor de tests van jbz-track;",
        "Geconstrueerd voor de tests van jbz-track (gecorrigeerde versie);",
        1,
    );
    assert_ne!(corrected, march, "the March report's first line changed");
    std::fs::write(cwd.join("corrected-report.txt"), corrected).expect("write correction");
}

/// Where `cmd > FILE` writes, if it does: `~` is the fake HOME, a relative path is in `cwd`.
fn redirect_target(command: &str, home: &Path, cwd: &Path) -> Option<PathBuf> {
    let (_, after) = command.split_once(" > ")?;
    let target = after.split_whitespace().next()?;
    Some(match target.strip_prefix("~/") {
        Some(rest) => home.join(rest),
        None => cwd.join(target),
    })
}

/// Run every example of `jbz-track COMMAND --help` as written, one after another, through
/// `sh -c` in the folder of a [`tracked_repo`], with the binary first on PATH and a fake HOME
/// holding only [`user_files`]. Each must exit 0 (1 where its comment says so) and fill the
/// file it redirects to.
fn examples_run_as_written(command: &str) {
    examples_run_as_written_with(command, &[]);
}

/// [`examples_run_as_written`], with variables set for the examples (`fetch`'s API).
fn examples_run_as_written_with(command: &str, vars: &[(&str, &str)]) {
    let examples = help_examples(command);
    assert!(
        !examples.is_empty(),
        "`jbz-track {command} --help` has no Examples: block"
    );
    let repo = tracked_repo();
    let cwd = repo.path();
    let home = tempfile::tempdir().expect("temp home");
    user_files(home.path(), cwd);
    let bin_dir = binary().parent().expect("binary's folder").to_path_buf();
    let path: OsString = std::env::join_paths(std::iter::once(bin_dir).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .expect("PATH");

    let mut failures = Vec::new();
    for ex in &examples {
        let out = clean_env(&mut std::process::Command::new("sh"))
            .arg("-c")
            .arg(&ex.command)
            .current_dir(cwd)
            .env("HOME", home.path())
            .env("PATH", &path)
            .env("PAGER", FAILING_PAGER)
            .env("COLUMNS", "100")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .envs(vars.iter().copied())
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_DATA_HOME")
            .output()
            .expect("sh runs");
        let code = out.status.code().unwrap_or(-1);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let allowed = code == 0 || (code == 1 && ex.may_exit_1);
        let mut problem = Vec::new();
        if !allowed {
            problem.push(format!("exit {code}"));
        }
        if stderr.contains(PAGER_RAN) {
            problem.push("a pager ran".to_string());
        }
        if let Some(file) = redirect_target(&ex.command, home.path(), cwd) {
            if std::fs::metadata(&file).map_or(true, |m| m.len() == 0) {
                problem.push(format!("{} is missing or empty", file.display()));
            }
        }
        if !problem.is_empty() {
            failures.push(format!(
                "  {}\n    {}\n    stderr: {}\n    stdout: {}",
                ex.command,
                problem.join("; "),
                stderr.trim(),
                stdout
                    .lines()
                    .take(5)
                    .collect::<Vec<_>>()
                    .join("\n            ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "examples in `jbz-track {command} --help` that do not run as written \
         (in a repository of 4 reports, HOME holding only ~/Downloads):\n{}",
        failures.join("\n")
    );
}

macro_rules! help_examples_run_as_written {
    ($($(#[$attr:meta])* $test:ident: $command:literal;)*) => {
        /// The commands whose `--help` examples a test runs.
        const COMMANDS_WITH_EXAMPLE_TESTS: &[&str] = &[$($command),*];
        $(
            $(#[$attr])*
            #[test]
            fn $test() {
                examples_run_as_written($command);
            }
        )*
    };
}

help_examples_run_as_written! {
    examples_of_ingest_run_as_written: "ingest";
    examples_of_check_run_as_written: "check";
    examples_of_normalize_run_as_written: "normalize";
    examples_of_show_run_as_written: "show";
    examples_of_dossiers_run_as_written: "dossiers";
    examples_of_timeline_run_as_written: "timeline";
    examples_of_init_run_as_written: "init";
    examples_of_completions_run_as_written: "completions";
    examples_of_man_run_as_written: "man";
    examples_of_schema_run_as_written: "schema";
    examples_of_diff_run_as_written: "diff";
    examples_of_site_run_as_written: "site";
}

/// `fetch`'s examples, as written, against a local server in the API's shape (constructed:
/// no documents yet), since this machine cannot reach the live one; `tests/fetch.rs` holds the
/// rest of fetch.
#[test]
fn examples_of_fetch_run_as_written() {
    let server = odata_server::Server::start(|_, _, _| {
        odata_server::Reply::Ok(200, "application/json", odata_server::page(vec![], None))
    });
    examples_run_as_written_with("fetch", &[("JBZ_FETCH_API", server.base.as_str())]);
}

#[test]
fn every_command_has_help_examples_and_a_test_that_runs_them() {
    let commands = subcommands();
    assert!(commands.len() >= 11, "{commands:?}");
    for c in &commands {
        let examples = help_examples(c);
        assert!(
            !examples.is_empty(),
            "`jbz-track {c} --help` has no Examples: block"
        );
        assert!(
            examples.iter().any(|ex| ex.command.contains("jbz-track ")),
            "no example of {c} runs jbz-track: {examples:?}"
        );
        assert!(
            COMMANDS_WITH_EXAMPLE_TESTS.contains(&c.as_str()) || c == "fetch",
            "no test runs the examples of `{c}`: add it to help_examples_run_as_written!"
        );
    }
}

#[test]
fn help_example_lines_are_parsed_as_commands() {
    let normalize = help_examples("normalize");
    let check = normalize
        .iter()
        .find(|e| e.command.ends_with("--check"))
        .expect("normalize --check is an example");
    assert_eq!(
        check.command, "jbz-track normalize --check",
        "comment taken off"
    );
    assert!(check.may_exit_1);
    let diff = help_examples("diff");
    assert!(diff
        .iter()
        .any(|e| e.command == "jbz-track diff 2023-12.agenda 2023-12" && !e.may_exit_1));
}

// ---------------------------------------------------------------------------------------------
// 5. Output habits: -q, -v, the pager, --version, colour
// ---------------------------------------------------------------------------------------------

#[test]
fn quiet_prints_nothing_on_stdout() {
    let repo = repo_holding(&[OCT, DEC_AGENDA, DEC]);
    let root = repo.path();
    for args in [
        &["normalize", "-q"][..],
        &["normalize", "--quiet"],
        &["normalize", "--check", "-q"],
        &["check", "-q"],
        &["-q", "check"],
    ] {
        let r = expect(jbz_on(root).args(args), 0);
        assert_eq!(r.stdout, "", "jbz-track {args:?} printed on stdout");
        assert_eq!(r.stderr, "", "jbz-track {args:?} printed on stderr");
    }
    assert_eq!(snapshot_files(root).len(), 32, "normalize -q did its work");
    let march = report_source(MAR);
    let r = expect(
        jbz_on(root).args(["ingest", "-q", march.to_str().expect("utf-8")]),
        0,
    );
    assert_eq!(r.stdout, "", "ingest -q printed on stdout");
    assert_eq!(snapshot_files(root).len(), 46, "ingest -q did its work");
}

#[test]
fn verbose_names_every_snapshot_file() {
    let repo = repo_holding(&[OCT, DEC]);
    let root = repo.path();
    let created = ok(root, &["normalize"]);
    let written = ok(root, &["normalize", "-v"]);
    let files = snapshot_files(root);
    assert_eq!(files.len(), 28);
    for f in &files {
        has(&created, &format!("created  {f}"));
        has(&written, &format!("unchanged  {f}"));
    }
    let plain = ok(root, &["normalize"]);
    lacks(&plain, "unchanged  snapshots/");
}

/// The issue: "-v says which files were read and written". Reports are read, and -v does not
/// name them.
#[test]
fn verbose_names_the_reports_read() {
    let repo = repo_with(&[OCT, DEC]);
    let root = repo.path();
    for args in [&["normalize", "-v"][..], &["check", "-v"]] {
        let out = ok(root, args);
        for r in [OCT, DEC] {
            has(&out, &format!("reports/{r}"));
        }
    }
}

/// stdout is a pipe here: no pager, with or without --no-pager, for every paging command.
#[test]
fn no_pager_when_stdout_is_not_a_terminal() {
    let repo = all_meetings();
    let root = repo.path();
    for args in [
        &["show", CSAM][..],
        &["diff"],
        &["timeline", CSAM],
        &["dossiers"],
    ] {
        for no_pager in [false, true] {
            let mut cmd = jbz_on(root);
            if no_pager {
                cmd.arg("--no-pager");
            }
            // `run` fails the test if PAGER-RAN shows on stderr.
            let r = expect(cmd.args(args), 0);
            assert!(
                r.stdout.lines().count() > 5,
                "long output goes to stdout: {args:?}"
            );
        }
    }
}

/// Runs `jbz-track ARGS` on a terminal (through util-linux `script`); stdout and stderr
/// together. `None` where `script` cannot do that here.
fn on_a_terminal(repo: &Path, args: &str, envs: &[(&str, &str)]) -> Option<String> {
    if !tool_works("script", &["-qec", "true", "/dev/null"], b"") {
        return None;
    }
    let line = format!(
        "'{}' --repo '{}' {args}",
        binary().display(),
        repo.display()
    );
    let out = clean_env(&mut std::process::Command::new("script"))
        .args(["-qec", &line, "/dev/null"])
        .env("SHELL", "/bin/sh")
        .env("PAGER", FAILING_PAGER)
        .env("LINES", "5")
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .envs(envs.iter().copied())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script runs");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn no_pager_on_a_terminal_with_no_pager() {
    let repo = all_meetings();
    let root = repo.path();
    let Some(paged) = on_a_terminal(root, &format!("show {CSAM}"), &[]) else {
        eprintln!("`script` cannot run a command on a terminal here: skipped");
        return;
    };
    // The control: on a terminal, long output does go through $PAGER.
    has(&paged, PAGER_RAN);
    for (args, envs) in [
        (format!("--no-pager show {CSAM}"), &[][..]),
        (format!("show {CSAM} --no-pager"), &[]),
        (format!("show {CSAM}"), &[("JBZ_NO_PAGER", "true")]),
        (format!("show {CSAM}"), &[("PAGER", "cat")]),
        ("--no-pager diff".to_string(), &[]),
        (format!("--no-pager timeline {CSAM}"), &[]),
    ] {
        let out = on_a_terminal(root, &args, envs).expect("script");
        lacks(&out, PAGER_RAN);
        assert!(out.lines().count() > 5, "the output is shown: {out}");
    }
}

/// `JBZ_NO_PAGER=1` is how people set such variables; clap's bool parser only takes
/// `true`/`false` and stops every command with "invalid value '1' for '--no-pager'".
#[test]
fn no_pager_variable_takes_1_and_0() {
    let repo = all_meetings();
    let root = repo.path();
    for value in ["1", "yes", "true"] {
        let r = expect(jbz_on(root).env("JBZ_NO_PAGER", value).arg("dossiers"), 0);
        has(&r.stdout, CSAM);
    }
    for value in ["0", "false", ""] {
        expect(jbz_on(root).env("JBZ_NO_PAGER", value).arg("dossiers"), 0);
    }
    if let Some(out) = on_a_terminal(root, &format!("show {CSAM}"), &[("JBZ_NO_PAGER", "1")]) {
        lacks(&out, PAGER_RAN);
        has(&out, "Positions");
    }
    if let Some(out) = on_a_terminal(root, &format!("show {CSAM}"), &[("JBZ_NO_PAGER", "0")]) {
        has(&out, PAGER_RAN);
    }
}

#[test]
fn version_names_the_package_version() {
    for flag in ["--version", "-V"] {
        let out = expect(jbz().arg(flag), 0).stdout;
        assert!(
            out.starts_with(&format!("jbz-track {}", env!("CARGO_PKG_VERSION"))),
            "{out}"
        );
        if manifest().join(".git").exists() {
            // Built from a checkout: the short revision, "0.1.0 (f3e485f)".
            let rev = out
                .split_once('(')
                .map(|(_, r)| r.chars().take_while(char::is_ascii_hexdigit).count());
            assert_eq!(rev, Some(7), "no git revision in {out}");
        }
    }
}

#[test]
fn colour_follows_color_and_no_color() {
    let repo = repo_with(&[OCT, DEC]);
    let root = repo.path();
    let diff = ["diff", "2023-10", "2023-12"];
    let escapes = |envs: &[(&str, &str)], extra: &[&str]| -> String {
        let mut cmd = jbz_on(root);
        cmd.args(diff).args(extra).envs(envs.iter().copied());
        expect(&mut cmd, 0).stdout
    };
    let always = escapes(&[], &["--color", "always"]);
    has(&always, "\x1b[");
    has(
        &escapes(&[("NO_COLOR", "1")], &["--color", "always"]),
        "\x1b[",
    );
    // The control: CLICOLOR_FORCE colours a pipe…
    has(&escapes(&[("CLICOLOR_FORCE", "1")], &[]), "\x1b[");
    // …and --color never and NO_COLOR win over it.
    for (envs, extra) in [
        (&[("CLICOLOR_FORCE", "1")][..], &["--color", "never"][..]),
        (&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &[]),
        (&[("NO_COLOR", "1")], &[]),
        (&[], &[]),
    ] {
        let out = escapes(envs, extra);
        lacks(&out, "\x1b");
        // Without colour, a change stays visible.
        has(&out, "[-meer-]{+voldoende+}");
    }
}

/// The file list of `normalize -v` is a column: each word (`read`, `created`, `unchanged`, …)
/// right-aligned in ten characters, then the path, at the same place on every line, plain or
/// coloured (the colour codes must not count toward the width).
#[test]
fn normalize_lists_files_in_one_column_with_and_without_colour() {
    for colour in ["never", "always"] {
        let repo = repo_holding(&[OCT]);
        let r = expect(
            jbz_on(repo.path()).args(["--color", colour, "normalize", "-v"]),
            0,
        );
        let plain = strip_ansi(&r.stdout);
        let listed: Vec<&str> = plain.lines().filter(|l| l.contains("  ")).collect();
        assert!(listed.len() >= 15, "read + 14 created:\n{plain}");
        for line in &listed {
            let (word, path) = line.split_at(10);
            assert!(
                word.trim_start() == word.trim() && !word.trim().is_empty(),
                "{colour}: the word is right-aligned in ten characters: {line:?}"
            );
            assert!(
                path.starts_with("  reports/") || path.starts_with("  snapshots/"),
                "{colour}: the path starts in column 13: {line:?}"
            );
        }
        if colour == "always" {
            assert_ne!(plain, r.stdout, "--color always colours the words");
        }
    }
}

/// Text without its ANSI colour sequences (`ESC [ … m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
