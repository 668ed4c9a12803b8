//! The real report as Word writes it gives the same snapshots as its text.
//!
//! The two `.docx` files in `tests/fixtures/docx/` are constructed from the real report's text
//! by `make_docx.py` (see the README there), as the ministry's Word documents are made: the
//! part and item numbers are Word's automatic numbering, not text, and the footnotes are in
//! `word/footnotes.xml`. One numbers parts and items as the two levels of one list; the other
//! as separate lists that restart per part, with footnote ids out of order, a tracked change
//! and headings wrapped by soft line breaks; a third is the second as LibreOffice saves it.
//! Each test puts one file in the `reports/` of a
//! temporary repository, runs `jbz-track normalize`, and compares every snapshot with the one
//! the real text file gives, all but the lines that name the file read (`path`, `sha256`), as
//! `tests/formats.rs` does for PDF, HTML and XML.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use common::{jbz, real_report, repo_with_files, stderr, OCT as REPORT};
use jbz_track::source::{self, Format};

const DOCX: &str = "2023-10-19-jbz-raad-verslag.docx";
const LISTS: &str = "2023-10-19-jbz-raad-verslag.lists.docx";
const LIBREOFFICE: &str = "2023-10-19-jbz-raad-verslag.libreoffice.docx";

fn fixture(name: &str) -> Vec<u8> {
    common::fixture("docx", name)
}

/// Normalise a repository holding only `name` (with `bytes`) in `reports/`: exit code and
/// snapshots, by path, without the lines that name the file read.
fn normalize_one(name: &str, bytes: &[u8]) -> (Option<i32>, String, BTreeMap<String, String>) {
    let dir = repo_with_files(&[(name, bytes)]);
    let out = jbz(dir.path())
        .arg("normalize")
        .output()
        .expect("run jbz-track");
    (out.status.code(), stderr(&out), snapshots(dir.path()))
}

fn snapshots(repo: &Path) -> BTreeMap<String, String> {
    common::snapshot_texts(repo)
        .into_iter()
        .map(|(path, text)| {
            let kept: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with("  path: ") && !l.starts_with("  sha256: "))
                .collect();
            (path, kept.join("\n"))
        })
        .collect()
}

/// The snapshots of the real report as text.
fn baseline() -> &'static BTreeMap<String, String> {
    static BASELINE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    BASELINE.get_or_init(|| {
        let (code, err, snaps) = normalize_one(REPORT, &real_report());
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(snaps.len(), 14, "the real report gives 14 snapshots");
        snaps
    })
}

fn assert_same_snapshots(name: &str, bytes: &[u8]) {
    let (code, err, snaps) = normalize_one(name, bytes);
    assert!(!err.contains("panicked"), "no panic:\n{err}");
    assert_eq!(code, Some(0), "{name} is normalised:\n{err}");
    let expected = baseline();
    assert_eq!(
        snaps.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "{name} gives the same snapshot files"
    );
    for (path, text) in expected {
        if text != &snaps[path] {
            let diff = similar::TextDiff::from_lines(text.as_str(), snaps[path].as_str())
                .unified_diff()
                .header("text", name)
                .to_string();
            panic!("{path} differs when the report is read from {name}:\n{diff}");
        }
    }
}

/// One part of a `.docx`, as text.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("the part")
        .read_to_string(&mut text)
        .expect("UTF-8");
    text
}

// ---------------------------------------------------------------------------------------------
// The same report as Word writes it

#[test]
fn docx_with_a_multilevel_list_gives_the_same_snapshots_as_text() {
    assert_same_snapshots(DOCX, &fixture(DOCX));
}

#[test]
fn docx_with_lists_per_part_and_tracked_changes_gives_the_same_snapshots_as_text() {
    assert_same_snapshots(LISTS, &fixture(LISTS));
}

/// Saved by another program than the one that made it: LibreOffice writes a list that
/// restarts as one list instance with a start override for its first item and plain
/// instances for the rest, which continue its count (see `Counters` in src/source/docx.rs).
#[test]
fn docx_saved_by_libreoffice_gives_the_same_snapshots_as_text() {
    assert_same_snapshots(LIBREOFFICE, &fixture(LIBREOFFICE));
}

#[test]
fn docx_saved_under_another_ending_is_read_by_its_content() {
    assert_same_snapshots("verslag.txt", &fixture(DOCX));
    assert_same_snapshots("verslag", &fixture(LISTS));
}

#[test]
fn the_numbers_and_footnotes_are_words_and_the_text_has_them() {
    for name in [DOCX, LISTS] {
        let bytes = fixture(name);
        let document = part(&bytes, "word/document.xml");
        for absent in [
            "I. Binnenlandse",
            "II. Justitie",
            "1. Verordening",
            "grooming.1",
        ] {
            assert!(
                !document.contains(absent),
                "{name}: {absent:?} is Word's numbering, not text"
            );
        }
        assert!(document.contains("<w:numPr>") && document.contains("<w:footnoteReference"));
        let loaded = source::from_bytes(bytes).expect("reads");
        assert_eq!(loaded.format, Format::Docx);
        for present in [
            "Verslag van de Raad Justitie en Binnenlandse Zaken,\n19-20 oktober 2023\n",
            "\nI. Binnenlandse Zaken\n",
            "\n• Nederland heeft een oproep gedaan",
            "\n1. Verordening tot vaststelling",
            "\n9. Overige onderwerpen (AOB)\n",
            "\nII. Justitie\n",
            "\n1. Insolventierichtlijn\n",
            "\n6. Overige onderwerpen (AOB)\n",
            "grooming.1\n",
            "lid Bisschop3 zet",
            "\n\n1 Zie ook de beantwoording",
            "\n6 CLASI = Latijns Amerikaanse Comité",
        ] {
            assert!(
                loaded.text.contains(present),
                "{name}: the text has {present:?}:\n{}",
                loaded.text
            );
        }
    }
    assert_eq!(Format::Docx.to_string(), "DOCX");
}

#[test]
fn ingest_stores_a_docx_under_its_format_whatever_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("temp dir");
    let given = outside.path().join("Verslag JBZ-Raad oktober.bin");
    std::fs::write(&given, fixture(DOCX)).expect("write");
    let out = jbz(dir.path())
        .arg("ingest")
        .arg(&given)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("reports").join(DOCX).is_file());
    assert_eq!(snapshots(dir.path()), *baseline());
}

// ---------------------------------------------------------------------------------------------
// The fixtures: constructed, and what make_docx.py makes

#[test]
fn fixtures_say_they_are_constructed() {
    for name in [DOCX, LISTS, LIBREOFFICE] {
        let core = part(&fixture(name), "docProps/core.xml");
        assert!(
            core.contains("<dc:title>Constructed test fixture"),
            "{name} says so in docProps/core.xml"
        );
    }
}

#[test]
fn fixtures_are_what_make_docx_py_makes() {
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("python3 is not installed here: cannot remake the fixtures");
        return;
    }
    let out = tempfile::tempdir().expect("temp dir");
    let made = std::process::Command::new("python3")
        .arg(common::fixture_path("docx", "make_docx.py"))
        .arg("--out")
        .arg(out.path())
        .output()
        .expect("run make_docx.py");
    assert!(made.status.success(), "{made:?}");
    for name in [DOCX, LISTS] {
        let again = std::fs::read(out.path().join(name)).expect("made");
        // Another zlib may compress the parts to other bytes: then the parts must agree.
        let same = again == fixture(name)
            || [
                "word/document.xml",
                "word/numbering.xml",
                "word/footnotes.xml",
            ]
            .iter()
            .all(|p| part(&again, p) == part(&fixture(name), p));
        assert!(
            same,
            "tests/fixtures/docx/{name} is not what make_docx.py makes from the real report; \
             run `python3 tests/fixtures/docx/make_docx.py`"
        );
    }
}

/// Where LibreOffice is installed, it opens the fixtures and reads the numbers Word would
/// show: the fixtures are Word documents, not only documents this reader reads.
#[test]
fn libreoffice_reads_the_fixtures_with_their_numbers() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("LibreOffice is not installed here: nothing to compare");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [DOCX, LISTS] {
        std::fs::write(dir.path().join(name), fixture(name)).expect("write");
        let profile = format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        );
        let out = std::process::Command::new(soffice)
            .args([
                &profile,
                "--headless",
                "--convert-to",
                "txt:Text (encoded):UTF8",
            ])
            .arg("--outdir")
            .arg(dir.path())
            .arg(dir.path().join(name))
            .output()
            .expect("run LibreOffice");
        assert!(out.status.success(), "{out:?}");
        let txt = dir.path().join(name.replace(".docx", ".txt"));
        let text = std::fs::read_to_string(&txt).expect("LibreOffice wrote the text");
        for present in [
            "I.",
            "Binnenlandse Zaken",
            "II.",
            "1.",
            "Insolventierichtlijn",
        ] {
            assert!(text.contains(present), "{name}: {present:?} in\n{text}");
        }
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("II.") && l.ends_with("Justitie")),
            "{name}: part II numbered by LibreOffice:\n{text}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("1.") && l.ends_with("Insolventierichtlijn")),
            "{name}: items restart under part II:\n{text}"
        );
    }
}
