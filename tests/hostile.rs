//! Hostile input, as a user meets it through the binary: files far too large to be a report,
//! YAML built as a bomb of anchors and aliases, ids that would lead outside `snapshots/`.
//! In every case the user gets a clear error that names the file, nothing panics, and nothing
//! is read into memory or written that should not be.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{assert_no_panic, output, repo_holding, stderr, OCT as REPORT};

/// A sparse file of `len` bytes: it takes no disk space, and reading it whole would take
/// `len` bytes of memory.
fn sparse(path: &Path, len: u64) {
    let f = std::fs::File::create(path).expect("create");
    f.set_len(len).expect("set length");
}

const HUNDRED_MB: u64 = 100 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Very large files

#[test]
fn a_100_mb_report_is_refused_before_it_is_read() {
    let dir = repo_holding(&[REPORT]);
    sparse(&dir.path().join("reports/groot.txt"), HUNDRED_MB);
    let started = Instant::now();
    let out = output(dir.path(), &["normalize"]);
    let took = started.elapsed();
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "error: reports/groot.txt: the file is 104857600 bytes, larger than the 33554432 \
             bytes a report can be; is this the right file?"
        ),
        "{err}"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 report normalized"),
        "the real report is still normalised"
    );
    // Reading 100 MB of zeros and decoding them would take far longer in a debug build.
    assert!(
        took < Duration::from_secs(20),
        "refused at once, took {took:?}"
    );
}

#[test]
fn a_100_mb_pdf_named_on_the_command_line_is_refused_before_it_is_read() {
    let dir = repo_holding(&[REPORT]);
    let path = dir.path().join("reports/groot.pdf");
    sparse(&path, HUNDRED_MB);
    let out = output(dir.path(), &["normalize", "reports/groot.pdf"]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("reports/groot.pdf: the file is 104857600 bytes"),
        "{err}"
    );
}

#[test]
fn a_100_mb_file_is_refused_by_ingest_too() {
    let dir = repo_holding(&[REPORT]);
    let outside = tempfile::tempdir().expect("temp dir");
    let path = outside.path().join("verslag.html");
    sparse(&path, HUNDRED_MB);
    let out = output(dir.path(), &["ingest", &path.to_string_lossy()]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("larger than the 33554432 bytes a report can be"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// YAML bombs

/// A "billion laughs" document: nine levels of aliases to aliases, each ten times the last.
fn yaml_bomb(key: &str) -> String {
    let mut s = format!("{key}: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        s.push_str(&format!(
            "b{i}: &a{i} [{}]\n",
            [prev.as_str(); 10].join(", ")
        ));
    }
    s
}

#[test]
fn a_yaml_bomb_as_dossiers_yaml_is_refused() {
    let started = Instant::now();
    let dir = normalize_refuses_aliases_in_the_registry(&yaml_bomb("dossiers"));
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(!dir.path().join("snapshots").exists(), "nothing written");
}

/// `normalize` with `registry` as dossiers.yaml: exit 2, its first line named as holding
/// anchors or aliases. Returns the repository.
fn normalize_refuses_aliases_in_the_registry(registry: &str) -> tempfile::TempDir {
    let dir = repo_holding(&[REPORT]);
    std::fs::write(dir.path().join("dossiers.yaml"), registry).expect("write");
    let out = output(dir.path(), &["normalize"]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "dossiers.yaml:1: YAML anchors and aliases (&name, *name) are not allowed here"
        ),
        "{err}"
    );
    dir
}

/// The same bomb with every anchor inside a flow collection (`b1: [&a1 [*a0, …]]`), where a
/// guard that looks only at block values would not see it.
#[test]
fn a_yaml_bomb_in_flow_collections_is_refused_naming_its_line() {
    let mut bomb = String::from("dossiers: [&a0 [\"lol\", \"lol\", \"lol\"]]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        bomb.push_str(&format!(
            "b{i}: [&a{i} [{}]]\n",
            [prev.as_str(); 10].join(", ")
        ));
    }
    normalize_refuses_aliases_in_the_registry(&bomb);
}

#[test]
fn a_yaml_bomb_as_a_snapshot_is_refused_by_check_and_show() {
    let dir = repo_holding(&[REPORT]);
    let out = output(dir.path(), &["normalize"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let snapshot = dir.path().join("snapshots/csam-verordening/2023-10.yaml");
    std::fs::write(&snapshot, yaml_bomb("schema")).expect("write");

    let out = output(dir.path(), &["check"]);
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "check fails:\n{text}");
    assert!(
        text.contains("snapshots/csam-verordening/2023-10.yaml:1")
            && text.contains("anchors and aliases"),
        "check names the file and what is wrong:\n{text}"
    );

    let out = output(dir.path(), &["show", "csam-verordening", "2023-10"]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "show refuses:\n{err}");
    assert!(
        err.contains("snapshots/csam-verordening/2023-10.yaml:1")
            && err.contains("anchors and aliases"),
        "{err}"
    );
}

#[test]
fn an_xml_entity_bomb_is_refused() {
    let dir = repo_holding(&[REPORT]);
    let mut xml = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE k [\n<!ENTITY l0 \"lol\">\n");
    for i in 1..10 {
        xml.push_str(&format!(
            "<!ENTITY l{i} \"{}\">\n",
            format!("&l{};", i - 1).repeat(10)
        ));
    }
    xml.push_str("]>\n<kamerstuk><al>&l9;</al></kamerstuk>\n");
    std::fs::write(dir.path().join("reports/bom.xml"), xml).expect("write");
    let out = output(dir.path(), &["normalize"]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("error: reports/bom.xml:")
            && err.contains(": this XML file is not well-formed"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Ids that would lead outside snapshots/

#[test]
fn a_registry_id_that_would_leave_snapshots_is_refused() {
    for id in ["../../evil", "/tmp/evil", "a/../../b", "..", "Evil"] {
        let dir = repo_holding(&[REPORT]);
        std::fs::write(
            dir.path().join("dossiers.yaml"),
            format!("dossiers:\n- id: '{id}'\n  title: Kwaad\n  aliases: [Verordening]\n"),
        )
        .expect("write");
        let out = output(dir.path(), &["normalize"]);
        let err = stderr(&out);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(2), "{id}: {err}");
        assert!(
            err.contains(&format!("dossiers.yaml: dossier id '{id}' is not a slug")),
            "{id}: {err}"
        );
        assert!(
            !dir.path().join("snapshots").exists(),
            "{id}: nothing written"
        );
        let parent = dir.path().parent().unwrap_or(dir.path());
        assert!(!parent.join("evil").exists() && !Path::new("/tmp/evil").exists());
    }
}

#[test]
fn a_snapshot_whose_ids_would_leave_snapshots_is_invalid() {
    for (from, to) in [
        ("id: csam-verordening", "id: ../../evil"),
        ("id: csam-verordening", "id: /tmp/evil"),
        ("id: 2023-10", "id: ../../../evil"),
    ] {
        let dir = repo_holding(&[REPORT]);
        assert!(output(dir.path(), &["normalize"]).status.success());
        let path: PathBuf = dir.path().join("snapshots/csam-verordening/2023-10.yaml");
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");

        let out = output(dir.path(), &["check"]);
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{to}: check fails:\n{all}");
        assert!(
            all.contains("snapshots/csam-verordening/2023-10.yaml:")
                && (all.contains("is not a slug") || all.contains("is not YYYY-MM")),
            "{to}: {all}"
        );
        assert!(
            !all.contains("move it to snapshots/../"),
            "{to}: no advice to move a file out of snapshots/:\n{all}"
        );

        // normalize writes the file again from the report, where the ids come from.
        let out = output(dir.path(), &["normalize"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
        assert!(!dir
            .path()
            .parent()
            .unwrap_or(dir.path())
            .join("evil")
            .exists());
    }
}

#[test]
fn a_meeting_or_dossier_named_with_dot_dot_on_the_command_line_is_unknown() {
    let dir = repo_holding(&[REPORT]);
    assert!(output(dir.path(), &["normalize"]).status.success());
    for args in [
        &["show", "csam-verordening", "../../etc/passwd"][..],
        &["show", "../../etc", "2023-10"],
        &["timeline", "../snapshots/csam-verordening"],
    ] {
        let out = output(dir.path(), args);
        let err = stderr(&out);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("no ") || err.contains("unknown"),
            "{args:?}: {err}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs refused, not absorbed

/// The real report with git's conflict markers around one paragraph, as a merge leaves it.
fn report_with_conflict() -> String {
    let real = String::from_utf8(common::real_report()).expect("utf-8");
    let lines: Vec<&str> = real.lines().collect();
    let mut out: Vec<String> = lines[..40].iter().map(|l| l.to_string()).collect();
    out.push("<<<<<<< HEAD".to_string());
    out.extend(lines[40..42].iter().map(|l| l.to_string()));
    out.push("=======".to_string());
    out.push("Een andere versie van deze alinea.".to_string());
    out.push(">>>>>>> verslag-gecorrigeerd".to_string());
    out.extend(lines[42..].iter().map(|l| l.to_string()));
    out.join("\n") + "\n"
}

#[test]
fn a_report_with_merge_conflict_markers_is_refused_naming_the_line() {
    let dir = common::repo_with_files(&[(REPORT, report_with_conflict().as_bytes())]);
    let out = output(dir.path(), &["normalize"]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "error: reports/{REPORT}:41: a merge-conflict marker (`<<<<<<<`)"
        )),
        "{err}"
    );
    assert!(!dir.path().join("snapshots").exists(), "nothing written");
    let out = output(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_snapshot_with_merge_conflict_markers_is_named_as_such() {
    let dir = repo_holding(&[REPORT]);
    assert!(output(dir.path(), &["normalize"]).status.success());
    let path = dir.path().join("snapshots/csam-verordening/2023-10.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    let conflicted = text.replacen(
        "stage:",
        "<<<<<<< HEAD\nstage: raadspositie\n=======\nstage:",
        1,
    );
    let conflicted = conflicted.replacen("positions:", ">>>>>>> other\npositions:", 1);
    std::fs::write(&path, conflicted).expect("write");
    let out = output(dir.path(), &["check"]);
    let all = format!("{}{}", common::stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("merge-conflict marker (`<<<<<<<`)"), "{all}");
    assert!(!all.contains("anchors and aliases"), "{all}");
    let out = output(dir.path(), &["show", "csam-verordening"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("merge-conflict marker"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_utf8_report_with_two_stray_bytes_is_read_as_utf8_with_a_warning() {
    let mut bytes = common::real_report();
    let at = bytes.len() / 2;
    let at = at
        + bytes[at..]
            .iter()
            .position(|b| *b == b' ')
            .expect("a space");
    bytes[at] = 0xE9; // é in Windows-1252, invalid here
    bytes[at + 200] = 0x92; // ’ in Windows-1252
    let dir = common::repo_with_files(&[(REPORT, &bytes)]);
    let out = output(dir.path(), &["normalize"]);
    let err = stderr(&out);
    assert_no_panic(&out);
    // Read and written, but with a warning: not a clean run (exit 1), as for a layout doubt.
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "bytes that are not UTF-8 at byte offset {at} and 1 more place"
        )),
        "{err}"
    );
    let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    assert!(err.contains(&format!("reports/{REPORT}:{line}: ")), "{err}");
    let snapshots = common::files_under(&dir.path().join("snapshots"));
    assert!(snapshots.len() > 10);
    for (name, text) in &snapshots {
        let text = String::from_utf8_lossy(text);
        assert!(
            !text.contains("Ã«") && !text.contains("Ã©"),
            "{name} read as Windows-1252"
        );
    }
    assert!(
        snapshots
            .values()
            .any(|t| String::from_utf8_lossy(t).contains("Ministeriële")),
        "ë kept"
    );
}

#[test]
fn a_windows_1252_report_is_still_read_as_windows_1252() {
    let real = String::from_utf8(common::real_report()).expect("utf-8");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&real);
    assert!(!unmappable);
    let dir = common::repo_with_files(&[(REPORT, &bytes)]);
    let out = output(dir.path(), &["normalize"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
}

/// Items numbered past 99 each stand on their own (they once folded into item 99).
#[test]
fn a_part_of_150_items_keeps_all_150() {
    let mut text = String::from(
        "Verslag van de Raad Justitie en Binnenlandse Zaken, 19-20 oktober 2023\n\n\
         I. Binnenlandse Zaken\n\n",
    );
    for n in 1..=150 {
        text.push_str(&format!(
            "{n}. Onderwerp nummer {n} van de vergadering\n\n\
             De Commissie lichtte onderwerp {n} toe. Nederland steunde het voorstel.\n\n"
        ));
    }
    let dir = common::repo_with_files(&[("lang.txt", text.as_bytes())]);
    let out = output(dir.path(), &["normalize"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut numbers = std::collections::BTreeSet::new();
    for text in common::files_under(&dir.path().join("snapshots")).values() {
        let text = String::from_utf8_lossy(text);
        for line in text.lines().filter(|l| l.contains("number: ")) {
            let n = line.split("number: ").nth(1).expect("number");
            let n: u32 = n
                .trim_end_matches('}')
                .split(',')
                .next()
                .expect("n")
                .trim()
                .parse()
                .expect("a number");
            numbers.insert(n);
        }
    }
    assert_eq!(numbers, (1..=150).collect(), "every item, 1 to 150");
}

// ---------------------------------------------------------------------------------------------
// The repository is a boundary

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// `normalize` deleted `elsewhere/2023-10.yaml` through `snapshots/evil -> elsewhere`.
#[cfg(unix)]
#[test]
fn a_linked_snapshot_folder_is_neither_emptied_nor_written_through() {
    let dir = repo_holding(&[REPORT]);
    assert!(output(dir.path(), &["normalize"]).status.success());
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let precious = elsewhere.path().join("2023-10.yaml");
    std::fs::write(&precious, "not yours\n").expect("write");
    symlink(elsewhere.path(), &dir.path().join("snapshots/evil"));
    // And a dossier the report gives, linked out: it must not be written through.
    let csam = dir.path().join("snapshots/csam-verordening");
    std::fs::remove_dir_all(&csam).expect("rm");
    let other = tempfile::tempdir().expect("temp dir");
    symlink(other.path(), &csam);

    let out = output(dir.path(), &["normalize"]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(
        std::fs::read_to_string(&precious).expect("kept"),
        "not yours\n"
    );
    assert_eq!(
        std::fs::read_dir(other.path()).expect("ls").count(),
        0,
        "nothing written"
    );
    let evil = format!(
        "error: snapshots/evil: is a symbolic link to {}; jbz-track neither reads nor writes through links",
        elsewhere.path().display()
    );
    assert!(err.contains(&evil), "{err}");
    assert_eq!(err.matches(&evil).count(), 1, "named once:\n{err}");
    assert!(
        err.contains("error: snapshots/csam-verordening: is a symbolic link to"),
        "{err}"
    );
    assert_eq!(
        err.matches("error: snapshots/csam-verordening:").count(),
        1,
        "named once:\n{err}"
    );
    // The other dossiers are normalised as before.
    assert!(dir
        .path()
        .join("snapshots/asiel-migratiepact/2023-10.yaml")
        .is_file());

    let out = output(dir.path(), &["check"]);
    let all = format!("{}{}", common::stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert_eq!(all.matches("snapshots/evil:").count(), 1, "{all}");
    let out = output(dir.path(), &["dossiers"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(": is a symbolic link to"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&precious).expect("kept"),
        "not yours\n"
    );
}

#[cfg(unix)]
#[test]
fn a_report_linked_to_a_file_outside_is_refused_not_read() {
    let dir = repo_holding(&[REPORT]);
    let outside = tempfile::tempdir().expect("temp dir");
    let secret = outside.path().join("geheim.txt");
    std::fs::write(&secret, common::real_report()).expect("write");
    symlink(&secret, &dir.path().join("reports/2023-10-kopie.txt"));
    let out = output(dir.path(), &["normalize"]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "error: reports/2023-10-kopie.txt: is a symbolic link to {}",
            secret.display()
        )),
        "{err}"
    );
    assert!(
        common::stdout(&out).contains("1 report normalized"),
        "{}",
        common::stdout(&out)
    );
}

/// A FIFO or `/dev/zero` where dossiers.yaml or a snapshot should be: refused at once, not
/// waited on or read without end.
#[cfg(unix)]
#[test]
fn a_fifo_or_dev_zero_as_registry_or_snapshot_is_refused_at_once() {
    let started = Instant::now();
    // dossiers.yaml
    for kind in ["fifo", "zero"] {
        let dir = repo_holding(&[REPORT]);
        let registry = dir.path().join("dossiers.yaml");
        match kind {
            "fifo" => mkfifo(&registry),
            _ => symlink(Path::new("/dev/zero"), &registry),
        }
        for args in [&["normalize"][..], &["dossiers"], &["check"]] {
            let out = output(dir.path(), args);
            let err = stderr(&out);
            assert_no_panic(&out);
            assert_eq!(out.status.code(), Some(2), "{kind} {args:?}: {err}");
            assert!(err.contains("dossiers.yaml: is "), "{kind} {args:?}: {err}");
        }
    }
    // a snapshot
    for kind in ["fifo", "zero"] {
        let dir = repo_holding(&[REPORT]);
        assert!(output(dir.path(), &["normalize"]).status.success());
        let snap = dir.path().join("snapshots/csam-verordening/2023-10.yaml");
        std::fs::remove_file(&snap).expect("rm");
        match kind {
            "fifo" => mkfifo(&snap),
            _ => symlink(Path::new("/dev/zero"), &snap),
        }
        for (args, code) in [
            (&["check"][..], 1),
            (&["show", "csam-verordening"], 2),
            (&["dossiers"], 2),
            (&["diff", "2023-10"], 2),
        ] {
            let out = output(dir.path(), args);
            let all = format!("{}{}", common::stdout(&out), stderr(&out));
            assert_no_panic(&out);
            assert_eq!(out.status.code(), Some(code), "{kind} {args:?}: {all}");
            assert!(
                all.contains("snapshots/csam-verordening/2023-10.yaml: is "),
                "{kind} {args:?}: {all}"
            );
        }
    }
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_snapshot_larger_than_a_report_can_be_is_refused_before_it_is_read() {
    let dir = repo_holding(&[REPORT]);
    assert!(output(dir.path(), &["normalize"]).status.success());
    sparse(
        &dir.path().join("snapshots/csam-verordening/2023-10.yaml"),
        HUNDRED_MB,
    );
    sparse(&dir.path().join("dossiers.yaml"), HUNDRED_MB);
    let out = output(dir.path(), &["dossiers"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("dossiers.yaml: the file is 104857600 bytes, larger than the 33554432"),
        "{err}"
    );
    std::fs::remove_file(dir.path().join("dossiers.yaml")).expect("rm");
    let out = output(dir.path(), &["show", "csam-verordening"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("snapshots/csam-verordening/2023-10.yaml: the file is 104857600 bytes"),
        "{err}"
    );
}

/// With two reports of one meeting in reports/, `--replace` overwrote the canonical one and
/// named only the other.
#[test]
fn ingest_replace_names_every_file_it_replaced_or_removed_with_its_sha256() {
    use sha2::Digest;
    let dir = repo_holding(&[common::DEC]);
    let canonical = dir.path().join("reports").join(common::DEC);
    let original = std::fs::read(&canonical).expect("read");
    // A second copy of the same meeting under another name, slightly different.
    let mut copy = original.clone();
    copy.extend_from_slice(b"\nEen regel erbij.\n");
    std::fs::write(dir.path().join("reports/december.txt"), &copy).expect("write");
    let outside = tempfile::tempdir().expect("temp dir");
    let corrected = outside.path().join("gecorrigeerd.txt");
    let mut new = original.clone();
    new.extend_from_slice(b"\nGecorrigeerd.\n");
    std::fs::write(&corrected, &new).expect("write");

    let out = output(
        dir.path(),
        &["ingest", "--replace", &corrected.to_string_lossy()],
    );
    let text = common::stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}{text}", stderr(&out));
    let short = |b: &[u8]| format!("{:x}", sha2::Sha256::digest(b))[..12].to_string();
    assert!(
        text.contains(&format!(
            "replaced  reports/{} (was sha256 {}) with {}",
            common::DEC,
            short(&original),
            corrected.display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "removed  reports/december.txt (sha256 {}), a report of the same meeting",
            short(&copy)
        )),
        "{text}"
    );
    assert_eq!(std::fs::read(&canonical).expect("read"), new);
    assert!(!dir.path().join("reports/december.txt").exists());
}

// ---------------------------------------------------------------------------------------------
// Smaller items

/// A snapshot that cannot be read as text was reported both as invalid and as missing.
#[test]
fn an_unreadable_snapshot_is_reported_once() {
    let dir = repo_holding(&[REPORT]);
    assert!(output(dir.path(), &["normalize"]).status.success());
    let snap = dir.path().join("snapshots/csam-verordening/2023-10.yaml");
    let mut bytes = std::fs::read(&snap).expect("read");
    bytes.extend_from_slice(b"\xff\xfe\n");
    std::fs::write(&snap, bytes).expect("write");
    let out = output(dir.path(), &["check"]);
    let text = common::stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert_eq!(
        text.matches("snapshots/csam-verordening/2023-10.yaml")
            .count(),
        1,
        "{text}"
    );
    assert!(!text.contains("missing"), "{text}");
}

/// A write that fails names the file once, relative to the repository (it was
/// `snapshots/x.yaml: /tmp/…/snapshots/x.yaml: …`).
#[test]
fn a_failed_write_names_its_path_once() {
    let dir = repo_holding(&[REPORT]);
    assert!(output(dir.path(), &["normalize"]).status.success());
    let snap = dir.path().join("snapshots/csam-verordening/2023-10.yaml");
    std::fs::remove_file(&snap).expect("rm");
    std::fs::create_dir_all(snap.join("sub")).expect("a folder where the file was");
    let out = output(dir.path(), &["normalize"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("error: snapshots/csam-verordening/2023-10.yaml: "),
        "{err}"
    );
    let root = dir.path().display().to_string();
    for line in err.lines() {
        assert!(!line.contains(&root), "absolute path repeated: {line}");
        assert!(
            line.matches("2023-10.yaml").count() <= 1,
            "path twice: {line}"
        );
    }
}

/// A file name in `check --format markdown` is one table cell, whatever it holds: it cannot
/// end the code span, the cell, the row or the table, and so cannot inject a heading.
#[cfg(unix)]
#[test]
fn file_names_cannot_inject_markdown_into_check_summaries() {
    let dir = repo_holding(&[REPORT]);
    assert!(output(dir.path(), &["normalize"]).status.success());
    for name in [
        "a`\n## Ingevoegd\n`.txt",
        "b | x | y.txt",
        "c``` **vet** ```.txt",
        "d\r\n# Kop.txt",
    ] {
        std::fs::write(dir.path().join("reports").join(name), "appeltaart\n").expect("write");
    }
    let out = output(dir.path(), &["check", "--format", "markdown"]);
    let md = common::stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{md}{}", stderr(&out));
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    // The header, its rule, and one row per bad report.
    assert_eq!(rows.len(), 6, "{md}");
    for line in md.lines() {
        assert!(
            !line.starts_with('#') || line.starts_with("## jbz-track check"),
            "{line:?} in\n{md}"
        );
    }
    for row in &rows[2..] {
        // Four cells: five unescaped bars, outside code spans as GitHub reads them.
        let unescaped = row
            .char_indices()
            .filter(|(i, c)| *c == '|' && (*i == 0 || row.as_bytes()[i - 1] != b'\\'))
            .count();
        assert_eq!(unescaped, 5, "{row:?}");
    }
}

/// A repository where `git init` ran but nothing was committed: one clear message, not
/// libgit2's `reference 'refs/heads/master' not found`.
#[test]
fn a_git_repository_without_commits_is_named_as_such() {
    let dir = repo_with_snapshots();
    let ok = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .expect("git init")
        .success();
    assert!(ok);
    for args in [
        &["diff", "--git", "HEAD"][..],
        &["diff", "--git"],
        &["show", "csam-verordening", "--rev", "HEAD"],
        &["dossiers", "--rev", "HEAD"],
        &["timeline", "csam-verordening", "--git"],
        &["check", "--base", "HEAD"],
    ] {
        let out = output(dir.path(), args);
        let err = stderr(&out);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("has no commits yet"), "{args:?}: {err}");
        assert!(!err.contains("class="), "{args:?}: {err}");
    }
}

fn repo_with_snapshots() -> tempfile::TempDir {
    let dir = repo_holding(&[REPORT]);
    assert!(output(dir.path(), &["normalize"]).status.success());
    dir
}
