//! Issue 16, item 3: the terminal. The real width (not only an exported COLUMNS), lines broken
//! between words, the dossier table within 80 columns, a word diff that reads without colour,
//! and `-q`/`-v` meaning the same in every command.

mod common;

use std::path::Path;

use common::{binary, has, jbz, lacks, repo_with, run, CSAM, DEC, MAR, OCT};

/// Runs `jbz-track --no-pager ARGS` on a terminal of `cols` columns (util-linux `script`, the
/// size set with `stty`); stdout with `\r` taken out. `None` where `script` cannot run here.
fn on_a_terminal(
    repo: &Path,
    cols: usize,
    args: &str,
    columns_var: Option<&str>,
) -> Option<String> {
    let columns = columns_var
        .map(|c| format!("COLUMNS={c} "))
        .unwrap_or_default();
    let line = format!(
        "stty rows 50 cols {cols}; {columns}'{}' --no-pager --repo '{}' {args}",
        binary().display(),
        repo.display()
    );
    common::on_a_terminal(&line, &[])
}

/// Lines wider than `cols` that hold more than one word (a single long word, such as a path,
/// cannot be broken).
fn too_wide(text: &str, cols: usize) -> Vec<String> {
    text.lines()
        .filter(|l| {
            l.chars().count() > cols && l.split_whitespace().filter(|w| w.len() > 1).count() > 1
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn text_fits_the_width_of_the_real_terminal() {
    let repo = repo_with(&[OCT, DEC, MAR]);
    let root = repo.path();
    for args in [
        format!("show {CSAM}"),
        "diff 2023-10 2023-12".to_string(),
        "dossiers".to_string(),
    ] {
        let Some(out) = on_a_terminal(root, 72, &args, None) else {
            return;
        };
        assert!(out.lines().count() > 3, "{args}: {out}");
        let wide = too_wide(&out, 72);
        assert!(
            wide.is_empty(),
            "{args} on 72 columns:\n{}",
            wide.join("\n")
        );
    }
    // COLUMNS, where set, still wins over the terminal.
    let Some(out) = on_a_terminal(root, 72, &format!("show {CSAM}"), Some("120")) else {
        return;
    };
    assert!(
        out.lines().any(|l| l.chars().count() > 72),
        "COLUMNS=120 is used:\n{out}"
    );
}

#[test]
fn lines_break_between_words() {
    let repo = repo_with(&[OCT, DEC]);
    let root = repo.path();
    let words = |text: &str| -> std::collections::BTreeSet<String> {
        text.split_whitespace().map(str::to_string).collect()
    };
    let wide = jbz(root)
        .env("COLUMNS", "400")
        .args(["diff", "2023-10", "2023-12"])
        .output()
        .expect("run");
    let narrow = jbz(root)
        .env("COLUMNS", "50")
        .args(["diff", "2023-10", "2023-12"])
        .output()
        .expect("run");
    let (wide, narrow) = (
        String::from_utf8_lossy(&wide.stdout).into_owned(),
        String::from_utf8_lossy(&narrow.stdout).into_owned(),
    );
    // Every word of the wide output is whole in the narrow one: no word was cut.
    let missing: Vec<String> = words(&wide).difference(&words(&narrow)).cloned().collect();
    assert!(missing.is_empty(), "words cut at 50 columns: {missing:?}");
    assert!(too_wide(&narrow, 50).is_empty(), "{narrow}");
}

#[test]
fn dossiers_table_fits_80_columns() {
    // The built-in registry alone: a table, titles shortened with an ellipsis.
    let empty = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(empty.path().join("reports")).expect("mkdir");
    std::fs::create_dir_all(empty.path().join("snapshots")).expect("mkdir");
    let out = jbz(empty.path())
        .env("COLUMNS", "80")
        .arg("dossiers")
        .output()
        .expect("run");
    let out = String::from_utf8_lossy(&out.stdout).into_owned();
    has(&out, "id ");
    has(&out, "…");
    assert!(too_wide(&out, 80).is_empty(), "{out}");
    // A real repository, with automatic ids as long as a heading.
    let repo = repo_with(&[OCT, DEC, MAR]);
    let out = jbz(repo.path())
        .env("COLUMNS", "80")
        .arg("dossiers")
        .output()
        .expect("run");
    let out = String::from_utf8_lossy(&out.stdout).into_owned();
    has(
        &out,
        "justitiele-samenwerking-met-latijns-amerika-inzake-aanpak",
    );
    has(&out, "2024-03");
    assert!(too_wide(&out, 80).is_empty(), "{out}");
}

#[test]
fn word_diff_without_colour_keeps_words_apart() {
    let repo = repo_with(&[OCT, DEC]);
    let (_, out, _) = run(
        repo.path(),
        &["diff", "2023-10", "2023-12", "--color", "never"],
    );
    has(&out, "[-meer-]{+voldoende+}");
    lacks(&out, "meervoldoende");
    // A marker always stands between spaces or punctuation, never glued into a word.
    for line in out.lines() {
        for (i, _) in line.match_indices("[-") {
            let before = line[..i].chars().last();
            assert!(
                before.is_none_or(|c| c.is_whitespace() || "([{\"'".contains(c)),
                "a marker glued to the word before it: {line}"
            );
        }
    }
}

/// `-q`: nothing but errors and the exit code, in every command; `-v`: also what was read.
#[test]
fn quiet_and_verbose_mean_the_same_in_every_command() {
    let repo = repo_with(&[OCT, DEC]);
    let root = repo.path();
    for (args, code) in [
        (&["normalize"][..], 0),
        (&["normalize", "--check"], 0),
        (&["check"], 0),
        (&["show", CSAM], 0),
        (&["diff"], 1),
        (&["diff", "--format", "json"], 1),
        (&["timeline", CSAM], 0),
        (&["dossiers"], 0),
        (&["dossiers", "--format", "json"], 0),
    ] {
        let (got, out, err) = run(root, &[&["-q"], args].concat());
        assert_eq!(got, code, "-q {args:?}: {err}");
        assert_eq!(out, "", "-q {args:?} printed on stdout");
        assert_eq!(err, "", "-q {args:?} printed on stderr");
        let (_, out, err) = run(root, &[&["-v"], args].concat());
        has(&format!("{out}{err}"), "read  ");
    }
    // An error still shows with -q.
    let (code, _, err) = run(root, &["-q", "show", "nothing-like-it"]);
    assert_eq!(code, 2);
    has(&err, "no dossier");
    // With -v, JSON on stdout stays JSON: what was read goes to stderr.
    let (_, out, err) = run(root, &["-v", "dossiers", "--format", "json"]);
    common::parse_json(&out);
    has(&err, "read  snapshots/");
}
