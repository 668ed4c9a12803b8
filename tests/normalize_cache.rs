//! The normalize cache (`src/cache.rs`): a re-run that finds a report and its snapshots as the
//! last run left them skips the work, and whatever changed (a snapshot edited, deleted or
//! added, the report, the dossier registry, the cache file itself) gives exactly what a run
//! without the cache gives. On the real report in `reports/`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{jbz, repo_holding, snapshot_texts, OCT};

/// The real report, by its path in a repository.
const REPORT: &str = "reports/2023-10-19-jbz-raad-verslag.txt";

/// A repository with the real report and a `.git` folder (where the cache is kept).
fn repo() -> tempfile::TempDir {
    let dir = repo_holding(&[OCT]);
    fs::create_dir_all(dir.path().join(".git")).expect(".git/");
    dir
}

/// Runs `normalize` on `root`, with the cache or without; expects success, returns stdout.
/// (`CI` set would make it check instead of write; [`jbz`] unsets it.)
fn normalize(root: &Path, cache: bool) -> String {
    let mut cmd = jbz(root);
    cmd.arg("normalize");
    if !cache {
        cmd.env("JBZ_CACHE", "off");
    }
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "normalize exited with {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn cache_file(root: &Path) -> PathBuf {
    root.join(".git/jbz-track/normalize-cache.tsv")
}

/// A change made to a repository that has a cache must give what the same change gives
/// without one: the same output, the same snapshots.
fn same_as_without_cache(change: impl Fn(&Path)) {
    let cached = repo();
    normalize(cached.path(), true);
    assert!(
        cache_file(cached.path()).is_file(),
        "the first run writes the cache"
    );
    let plain = repo();
    normalize(plain.path(), false);
    change(cached.path());
    change(plain.path());
    let with = normalize(cached.path(), true);
    let without = normalize(plain.path(), false);
    assert_eq!(with, without);
    assert_eq!(snapshot_texts(cached.path()), snapshot_texts(plain.path()));
}

#[test]
fn an_unchanged_rerun_reports_what_a_full_run_reports() {
    let dir = repo();
    let first = normalize(dir.path(), true);
    assert!(first.contains("14 written"), "{first}");
    let written = snapshot_texts(dir.path());
    let again = normalize(dir.path(), true);
    assert!(again.contains("0 written, 14 unchanged"), "{again}");
    assert_eq!(again, normalize(dir.path(), false));
    assert_eq!(snapshot_texts(dir.path()), written);
}

#[test]
fn a_hand_edited_snapshot_is_rewritten() {
    same_as_without_cache(|root| {
        let f = root.join("snapshots/csam-verordening/2023-10.yaml");
        let text = fs::read_to_string(&f).expect("read");
        fs::write(&f, text.replace("Spaanse", "Belgische")).expect("edit");
    });
}

#[test]
fn a_deleted_snapshot_is_written_again() {
    same_as_without_cache(|root| {
        fs::remove_file(root.join("snapshots/csam-verordening/2023-10.yaml")).expect("rm");
    });
}

#[test]
fn a_stray_snapshot_of_the_meeting_is_removed() {
    same_as_without_cache(|root| {
        let stray = root.join("snapshots/no-such-dossier");
        fs::create_dir_all(&stray).expect("mkdir");
        fs::copy(
            root.join("snapshots/csam-verordening/2023-10.yaml"),
            stray.join("2023-10.yaml"),
        )
        .expect("copy");
    });
}

#[test]
fn an_edited_report_is_normalised_again() {
    same_as_without_cache(|root| {
        let f = root.join(REPORT);
        let text = fs::read_to_string(&f).expect("read");
        assert!(text.contains("Spaanse voorzitterschap"));
        fs::write(
            &f,
            text.replacen("Spaanse voorzitterschap", "Belgische voorzitterschap", 1),
        )
        .expect("edit");
    });
}

#[test]
fn an_edited_registry_is_a_new_cache() {
    same_as_without_cache(|root| {
        // The built-in registry, as the repository's own, with the CSAM dossier's id changed.
        let builtin = fs::read_to_string("src/dossiers.default.yaml").expect("built-in registry");
        let edited = builtin.replace("id: csam-verordening", "id: csam");
        assert_ne!(edited, builtin);
        fs::write(root.join("dossiers.yaml"), edited).expect("write registry");
        assert!(
            normalize(root, false).contains("created"),
            "the change shows without the cache"
        );
    });
}

#[test]
fn a_damaged_cache_is_ignored_and_rewritten() {
    same_as_without_cache(|root| {
        // (The repository run without the cache gets the same file, and ignores it.)
        fs::create_dir_all(root.join(".git/jbz-track")).expect("mkdir");
        fs::write(
            cache_file(root),
            "jbz-track normalize cache 1\tnot this build\nR\tx\n",
        )
        .expect("damage");
    });
    let dir = repo();
    normalize(dir.path(), true);
    fs::write(cache_file(dir.path()), [0xff, 0xfe, 0x00]).expect("damage");
    normalize(dir.path(), true);
    let text = fs::read_to_string(cache_file(dir.path())).expect("rewritten");
    assert!(text.starts_with("jbz-track normalize cache 1\t"), "{text}");
}

#[test]
fn no_cache_is_written_when_it_is_off_or_there_is_no_git_folder() {
    let dir = repo();
    normalize(dir.path(), false);
    assert!(!cache_file(dir.path()).exists());
    fs::remove_dir_all(dir.path().join(".git")).expect("rm .git");
    normalize(dir.path(), true);
    assert!(
        !dir.path().join(".git").exists(),
        "nothing written outside snapshots/"
    );
}
