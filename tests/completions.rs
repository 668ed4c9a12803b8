//! Issue 16, item 4: the completion scripts of `jbz-track completions SHELL`, loaded in the
//! real bash, zsh and fish, complete a subcommand's option (which clap_complete's static bash
//! script never did for a binary with a hyphen in its name) and the dossier and meeting ids of
//! the repository at hand. A shell that is not installed is skipped with a note; `.ci/run`
//! installs all three.

mod common;

use std::path::Path;
use std::process::Command;

use common::{binary, clean_env, repo_with, CSAM, DEC, OCT};

/// Whether `shell` runs here; says so on stderr when it does not.
fn have(shell: &str) -> bool {
    let ok = Command::new(shell)
        .args(["-c", "exit 0"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!(
            "{shell} is not installed: its completion test is skipped (apt-get install {shell})"
        );
    }
    ok
}

/// Runs `script` in `shell` in `cwd`, with the binary on PATH; returns stdout.
fn in_shell(shell: &str, cwd: &Path, script: &str) -> String {
    let dir = binary().parent().expect("bin dir").to_path_buf();
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = clean_env(&mut Command::new(shell))
        .args(["-c", script])
        .current_dir(cwd)
        .env("PATH", path)
        .env("HOME", cwd)
        .env("XDG_CONFIG_HOME", cwd.join(".config"))
        .env("XDG_DATA_HOME", cwd.join(".local/share"))
        .output()
        .expect("run the shell");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{shell} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The completion script for `shell`, written to a file in `dir`.
fn script(shell: &str, dir: &Path) -> String {
    let out = common::bare()
        .args(["completions", shell])
        .output()
        .expect("run");
    assert!(out.status.success());
    let path = dir.join(format!("completion.{shell}"));
    std::fs::write(&path, &out.stdout).expect("write script");
    path.display().to_string()
}

/// What each shell offers for a command line (its words; the last is being completed).
fn bash_completes(cwd: &Path, script: &str, words: &[&str]) -> Vec<String> {
    let line: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{script}'\n\
         COMP_WORDS=({})\n\
         COMP_CWORD={}\n\
         _clap_complete_jbz_track jbz-track '{}' '{}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        line.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    lines(&in_shell("bash", cwd, &program))
}

fn zsh_completes(cwd: &Path, script: &str, words: &[&str]) -> Vec<String> {
    let line: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    // The script registers itself with compdef and hands its candidates to _describe, both
    // of the completion system that an interactive zsh loads; here they print instead.
    let program = format!(
        "compdef() {{ : }}\n\
         _describe() {{ local name=${{@[-1]}}; print -l -- ${{(P)name}} }}\n\
         source '{script}'\n\
         words=({})\n\
         CURRENT={}\n\
         _clap_dynamic_completer_jbz_track",
        line.join(" "),
        words.len(),
    );
    lines(&in_shell("zsh", cwd, &program))
}

fn fish_completes(cwd: &Path, script: &str, words: &[&str]) -> Vec<String> {
    let program = format!("source '{script}'; complete -C '{}'", words.join(" "));
    lines(&in_shell("fish", cwd, &program))
}

/// Each line's candidate (before a tab or a `:` description).
fn lines(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| l.split(['\t', ':']).next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn offers(got: &[String], wanted: &str, what: &str) {
    assert!(
        got.iter().any(|g| g == wanted),
        "{what}: {wanted} not offered; got {got:?}"
    );
}

type Completer = fn(&Path, &str, &[&str]) -> Vec<String>;

#[test]
fn completion_scripts_complete_options_and_ids_in_the_real_shells() {
    let repo = repo_with(&[OCT, DEC]);
    let root = repo.path();
    let shells: [(&str, Completer); 3] = [
        ("bash", bash_completes),
        ("zsh", zsh_completes),
        ("fish", fish_completes),
    ];
    let mut tried = 0;
    for (shell, complete) in shells {
        if !have(shell) {
            continue;
        }
        tried += 1;
        let script = script(shell, root);
        // A subcommand's option.
        let got = complete(root, &script, &["jbz-track", "diff", "--f"]);
        offers(&got, "--format", &format!("{shell}: jbz-track diff --f"));
        let got = complete(root, &script, &["jbz-track", "timeline", "--s"]);
        offers(&got, "--since", &format!("{shell}: jbz-track timeline --s"));
        // A dossier id, from the repository (also from a folder inside it).
        let got = complete(root, &script, &["jbz-track", "show", "csam"]);
        offers(&got, CSAM, &format!("{shell}: jbz-track show csam"));
        let got = complete(
            &root.join("snapshots"),
            &script,
            &["jbz-track", "timeline", "implementatie"],
        );
        offers(
            &got,
            "implementatie-van-interoperabiliteit",
            &format!("{shell}: a dossier that only has snapshots"),
        );
        // A meeting id.
        let got = complete(root, &script, &["jbz-track", "show", CSAM, "2023-1"]);
        offers(&got, "2023-10", &format!("{shell}: a meeting"));
        offers(&got, "2023-12", &format!("{shell}: a meeting"));
    }
    if tried == 0 {
        eprintln!("no shell to test completions in");
    }
}

/// In bash, which puts in what the program offers, a dossier's other name completes to its id.
#[test]
fn bash_completes_an_alias_to_the_dossier_id() {
    if !have("bash") {
        return;
    }
    let repo = repo_with(&[OCT]);
    let root = repo.path();
    let script = script("bash", root);
    let got = bash_completes(root, &script, &["jbz-track", "show", "chat"]);
    assert_eq!(got, vec![CSAM.to_string()]);
    let got = bash_completes(root, &script, &["jbz-track", "diff", "--dossier", "ammr"]);
    assert_eq!(got, vec!["asiel-migratiepact".to_string()]);
}
