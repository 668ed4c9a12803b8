//! Issue 16, items 5 and 8: the small wrong answers, each held by a test named after it, and
//! the help listing the commands in the order they are used.

mod common;

use common::{
    add_report, has, jbz, lacks, ok, repo_holding, repo_with, report_source, run, run_expecting,
    CSAM, DEC, MAR, OCT,
};

/// The snapshot files on disk.
fn snapshot_count(repo: &std::path::Path) -> usize {
    common::snapshot_texts(repo).len()
}

/// The number before " snapshots" in a summary line.
fn snapshots_in(summary: &str) -> usize {
    let line = summary
        .lines()
        .find(|l| l.contains(" normalized") || l.contains(" checked"))
        .unwrap_or_else(|| panic!("no summary in\n{summary}"));
    let before = line.split(" snapshot").next().expect("a count");
    before
        .rsplit(|c: char| !c.is_ascii_digit())
        .find(|w| !w.is_empty())
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("no count in {line}"))
}

#[test]
fn summary_counts_the_snapshots_there_are_after_a_registry_edit() {
    let repo = repo_with(&[OCT, DEC]);
    let root = repo.path();
    let before = snapshot_count(root);
    // Two automatic dossiers of the report become one registry dossier: their files go.
    let registry = format!(
        "{}  - id: digitaal\n    title: Digitaal\n    aliases:\n      - digitale empowerment\n      - Schengen-barometer\n      - staat van Schengen\n",
        jbz_track::dossier::BUILTIN_REGISTRY
    );
    std::fs::write(root.join("dossiers.yaml"), registry).expect("write registry");
    let out = ok(root, &["normalize"]);
    let after = snapshot_count(root);
    assert!(
        after < before,
        "the edit merged dossiers: {before} → {after}"
    );
    assert_eq!(
        snapshots_in(&out),
        after,
        "the summary counts the files there are:\n{out}"
    );
    has(&out, "removed");
}

#[test]
fn summary_counts_the_reports_that_failed() {
    let repo = repo_holding(&[OCT, DEC]);
    let root = repo.path();
    std::fs::write(
        root.join("reports/broken.txt"),
        "Verslag van de Raad Justitie en Binnenlandse Zaken,\nblah\n",
    )
    .expect("write");
    let (code, out, err) = run(root, &["normalize"]);
    assert_eq!(code, 2, "{err}");
    has(&out, "2 reports normalized, 1 failed");
    has(&err, "broken.txt");
}

#[test]
fn replacing_a_report_with_a_one_word_correction_shows_only_that_word() {
    let repo = repo_with(&[OCT, DEC]);
    let root = repo.path();
    let text = std::fs::read_to_string(report_source(DEC)).expect("read");
    assert!(text.contains("voldoende waarborgen"));
    let corrected = root.join("corrected.txt");
    std::fs::write(
        &corrected,
        text.replace("voldoende waarborgen", "sterke waarborgen"),
    )
    .expect("write");
    let out = ok(
        root,
        &["ingest", "--replace", corrected.to_str().expect("utf-8")],
    );
    has(&out, "[-voldoende-]{+sterke+}");
    // Not the diff against October: no dossier appears or leaves, no other sentence changes.
    lacks(&out, "jbz-track diff 2023-10");
    lacks(&out, "on the agenda at");
    assert_eq!(
        out.matches("\n    ~ ").count() + out.matches("\n    + ").count(),
        1,
        "one changed sentence:\n{out}"
    );
}

#[test]
fn ingest_refuses_a_readme_as_not_a_report() {
    let repo = repo_with(&[OCT]);
    let root = repo.path();
    let readme = common::manifest().join("README.md");
    let (_, err) = run_expecting(root, &["ingest", readme.to_str().expect("utf-8")], 2);
    has(&err, "this is not a JBZ-Raad report");
    lacks(&err, "cannot read the meeting days from the title");
    assert_eq!(
        std::fs::read_dir(root.join("reports")).expect("ls").count(),
        1,
        "nothing was added"
    );
}

#[test]
fn an_error_names_its_line_once() {
    let repo = repo_with(&[OCT]);
    let root = repo.path();
    let bad = root.join("bad.txt");
    std::fs::write(
        &bad,
        "\n\n\nVerslag van de Raad Justitie en Binnenlandse Zaken,\nblah\n",
    )
    .expect("write");
    let (_, err) = run_expecting(root, &["ingest", bad.to_str().expect("utf-8")], 2);
    has(&err, "bad.txt:4: cannot read the meeting days");
    lacks(&err, "line 4");
}

#[test]
fn show_by_an_alias_suggests_the_dossier_that_has_it() {
    let repo = repo_with(&[OCT]);
    let (_, err) = run_expecting(repo.path(), &["show", "chat-control"], 2);
    has(&err, "no dossier 'chat-control'");
    has(&err, &format!("did you mean {CSAM}"));
    let (_, err) = run_expecting(repo.path(), &["timeline", "AMMR"], 2);
    has(&err, "did you mean asiel-migratiepact");
}

#[test]
fn formats_offered_are_formats_that_work() {
    let repo = repo_with(&[OCT, DEC]);
    let root = repo.path();
    for (command, args) in [
        ("dossiers", &["dossiers"][..]),
        ("show", &["show", CSAM]),
        ("diff", &["diff"]),
        ("timeline", &["timeline", CSAM]),
        ("check", &["check"]),
    ] {
        // Every format the help or the parser offers …
        let (_, err) = run_expecting(root, &[args, &["--format", "nonsense"]].concat(), 2);
        let offered = err
            .split_once("[possible values: ")
            .and_then(|(_, r)| r.split_once(']'))
            .map(|(v, _)| v.split(", ").map(str::to_string).collect::<Vec<_>>())
            .unwrap_or_else(|| panic!("{command}: no possible values in {err}"));
        // … works.
        for format in offered {
            let (code, _, err) = run(root, &[args, &["--format", format.as_str()]].concat());
            assert_eq!(
                code, 0,
                "{command} offers --format {format} and then: {err}"
            );
        }
    }
}

#[test]
fn messages_name_the_command_that_helps() {
    let empty = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(empty.path().join("reports")).expect("mkdir");
    std::fs::create_dir_all(empty.path().join("snapshots")).expect("mkdir");
    let (_, err) = run_expecting(empty.path(), &["diff"], 2);
    has(&err, "add a report with `jbz-track ingest`");

    // Stale snapshots in CI, where `normalize` only checks: the message says how to write.
    let repo = repo_with(&[OCT]);
    let root = repo.path();
    add_report(root, MAR);
    for args in [&["check"][..], &["normalize"]] {
        let out = jbz(root)
            .env("CI", "true")
            .args(args)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        has(
            &String::from_utf8_lossy(&out.stdout),
            "run `jbz-track normalize --write`",
        );
    }
}

#[test]
fn readme_install_line_is_locked() {
    let readme = std::fs::read_to_string(common::manifest().join("README.md")).expect("read");
    let installs: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("cargo install"))
        .collect();
    assert!(!installs.is_empty());
    for line in installs {
        has(line, "--locked");
    }
}

#[test]
fn help_lists_the_commands_in_the_order_they_are_used() {
    let out = common::bare().arg("--help").output().expect("run");
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    let block = help.split_once("Commands:\n").expect("commands").1;
    let names: Vec<&str> = block
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        &names[..8],
        &[
            "normalize",
            "ingest",
            "diff",
            "timeline",
            "check",
            "show",
            "dossiers",
            "init"
        ],
        "{help}"
    );
}
