//! `jbz-track normalize` on bad input, checked the way a user meets it: a repository holding the
//! real report next to one bad file. Whatever the bad file is, the user must get a clear error
//! that names the file and says what is wrong, exit code 2, no panic, and the real report still
//! normalised, with snapshots that are exactly what it gives on its own.
//!
//! Inputs whose nature a comment line would change (empty, binary, encodings) are built here;
//! the others are in `tests/fixtures/bad/`, each marked on its first line as constructed.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;
use std::sync::OnceLock;

use common::{
    assert_no_panic, real_report, repo_with_files, snapshot_texts, stderr, stdout, OCT as REPORT,
};
use sha2::{Digest, Sha256};

/// The real report as text.
fn real_report_text() -> String {
    String::from_utf8(real_report()).expect("the real report is UTF-8")
}

/// The bytes of `tests/fixtures/bad/<name>`.
fn fixture(name: &str) -> Vec<u8> {
    common::fixture("bad", name)
}

/// A temporary repository with the real report and one more file in `reports/`.
fn repo_with_real_and(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    repo_with_files(&[(REPORT, &real_report()), (name, bytes)])
}

/// `jbz-track normalize ARGS` on `repo` (see [`common::jbz`]), run in `repo` so that reports
/// can be named by their path in it.
fn normalize(repo: &Path, args: &[&str]) -> Output {
    common::jbz(repo)
        .current_dir(repo)
        .arg("normalize")
        .args(args)
        .output()
        .expect("run jbz-track")
}

/// What the real report gives on its own, in a repository of its own.
fn baseline() -> &'static BTreeMap<String, String> {
    static BASELINE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    BASELINE.get_or_init(|| {
        let dir = repo_with_files(&[(REPORT, &real_report())]);
        let out = normalize(dir.path(), &[]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "the real report alone normalises cleanly: {}",
            stderr(&out)
        );
        let files = snapshot_texts(dir.path());
        assert!(files.len() >= 10, "the real report gives its snapshots");
        files
    })
}

/// The snapshot texts with the `sha256:` line of `source` masked: what must not depend on
/// how the report's bytes were encoded.
fn without_sha(files: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|(path, text)| {
            let masked = text
                .lines()
                .map(|l| {
                    if l.trim_start().starts_with("sha256:") {
                        "  sha256: <masked>"
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            (path.clone(), masked)
        })
        .collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Put `bytes` into `reports/<name>` next to the real report, run `normalize`, and check what
/// the user sees: exit 2; one error, on the bad file, naming it and containing every one of
/// `what_is_wrong` (case-insensitive); no panic; and the real report's snapshots written exactly
/// as it gives them alone. Returns stderr for further checks.
fn assert_rejected_beside_real_report(name: &str, bytes: &[u8], what_is_wrong: &[&str]) -> String {
    let dir = repo_with_real_and(name, bytes);
    let out = normalize(dir.path(), &[]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(
        out.status.code(),
        Some(2),
        "bad input {name} exits 2\nstdout:\n{}\nstderr:\n{err}",
        stdout(&out)
    );
    let file = format!("reports/{name}");
    let error_lines: Vec<&str> = err.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(
        error_lines.len(),
        1,
        "one error, about {file}; stderr:\n{err}"
    );
    let line = error_lines[0];
    assert!(line.contains(&file), "the error names {file}:\n{err}");
    let lower = line.to_lowercase();
    for fragment in what_is_wrong {
        assert!(
            lower.contains(&fragment.to_lowercase()),
            "the error on {file} says {fragment:?}:\n{err}"
        );
    }
    assert!(
        !err.contains(REPORT),
        "the real report is not reported as failing:\n{err}"
    );
    assert!(
        stdout(&out).contains("1 report normalized"),
        "the real report is still normalised:\n{}",
        stdout(&out)
    );
    assert_eq!(
        &snapshot_texts(dir.path()),
        baseline(),
        "the real report's snapshots are written as it gives them on its own"
    );
    err
}

// ---------------------------------------------------------------------------------------------
// Files that are not text

#[test]
fn empty_file_is_rejected_and_the_real_report_still_normalised() {
    assert_rejected_beside_real_report("empty.txt", b"", &["empty"]);
}

#[test]
fn whitespace_only_file_is_rejected_as_empty() {
    assert_rejected_beside_real_report("blank.txt", b"  \r\n\n\t \n   \n", &["empty"]);
}

#[test]
fn file_with_only_a_byte_order_mark_is_rejected_as_empty() {
    assert_rejected_beside_real_report("bom-only.txt", b"\xEF\xBB\xBF\r\n", &["empty"]);
}

#[test]
fn binary_file_with_nul_bytes_is_rejected() {
    let mut bytes = b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec();
    bytes.extend((0u8..=255).cycle().take(4096));
    let err = assert_rejected_beside_real_report("program.txt", &bytes, &["binary", "not text"]);
    assert!(err.contains("offset"), "says where the NUL byte is:\n{err}");
}

#[test]
fn binary_file_without_nul_bytes_is_rejected() {
    // Control characters but no NUL: still no report looks like this.
    let bytes: Vec<u8> = (1u8..32).cycle().take(2000).collect();
    assert_rejected_beside_real_report("controls.txt", &bytes, &["binary", "control characters"]);
}

#[test]
fn damaged_pdf_saved_as_txt_is_refused_as_a_damaged_pdf() {
    // Told from its content: a PDF is read as a PDF whatever its name, and this one is broken.
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
                stream\nx\x9c\x00\x01\x02\x03\nendstream\n%%EOF\n";
    assert_rejected_beside_real_report(
        "verslag.txt",
        pdf,
        &["this PDF file cannot be read", "damaged"],
    );
}

#[test]
fn damaged_pdf_named_on_the_command_line_is_refused_naming_it() {
    let pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n%%EOF\n";
    let dir = repo_with_real_and("verslag.pdf", pdf);
    let out = normalize(
        dir.path(),
        &["reports/verslag.pdf", &format!("reports/{REPORT}")],
    );
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{err}");
    assert!(
        err.contains("reports/verslag.pdf"),
        "names the file:\n{err}"
    );
    assert!(
        err.contains("this PDF file cannot be read"),
        "says what is wrong:\n{err}"
    );
    assert!(
        err.contains("HTML or XML edition"),
        "says what to do:\n{err}"
    );
    assert_eq!(&snapshot_texts(dir.path()), baseline());
}

// ---------------------------------------------------------------------------------------------
// Text that is not a JBZ report, or whose meeting cannot be read

#[test]
fn a_recipe_is_not_a_jbz_report() {
    assert_rejected_beside_real_report(
        "appeltaart.txt",
        &fixture("recipe.txt"),
        &["not a JBZ-Raad report", "title"],
    );
}

#[test]
fn a_report_of_another_council_is_not_a_jbz_report() {
    assert_rejected_beside_real_report(
        "raad-buza.txt",
        &fixture("other-council.txt"),
        &["not a JBZ-Raad report"],
    );
}

#[test]
fn a_title_without_meeting_date_is_rejected_naming_the_line_and_title() {
    let err = assert_rejected_beside_real_report(
        "zonder-datum.txt",
        &fixture("no-meeting-date.txt"),
        &["cannot read the meeting days", "najaar"],
    );
    // The title starts on line 3 of the fixture.
    assert!(
        err.contains("reports/zonder-datum.txt:3:"),
        "names the line of the title:\n{err}"
    );
}

#[test]
fn a_title_with_an_impossible_date_is_rejected() {
    assert_rejected_beside_real_report(
        "februari.txt",
        &fixture("impossible-date.txt"),
        &["cannot read the meeting days", "februari"],
    );
}

#[test]
fn a_title_without_agenda_items_is_rejected() {
    // Same meeting as the real report: a failing file must not claim the meeting either.
    assert_rejected_beside_real_report(
        "alleen-titel.txt",
        &fixture("title-only.txt"),
        &["no agenda items", "no text"],
    );
}

#[test]
fn fixtures_say_they_are_constructed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    for entry in std::fs::read_dir(&dir).expect("fixtures dir") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        assert!(
            text.lines()
                .next()
                .is_some_and(|l| l.contains("Constructed for jbz-track tests")),
            "{} says on its first line that it is constructed",
            path.display()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Other encodings of the real report: read, not rejected, and the same snapshots

/// Normalise `bytes` as the only report, under the real report's name, and compare with what
/// the UTF-8 original gives: identical except for `source.sha256`, which is the hash of `bytes`.
fn assert_same_snapshots_as_utf8(bytes: &[u8]) {
    assert_ne!(bytes, real_report().as_slice(), "a different encoding");
    let dir = repo_with_files(&[(REPORT, bytes)]);
    let out = normalize(dir.path(), &[]);
    assert_no_panic(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "read, not rejected:\n{}",
        stderr(&out)
    );
    assert!(stderr(&out).is_empty(), "no complaint:\n{}", stderr(&out));
    let got = snapshot_texts(dir.path());
    assert_eq!(without_sha(&got), without_sha(baseline()));
    let sha = sha256_hex(bytes);
    for (path, text) in &got {
        assert!(
            text.contains(&format!("sha256: {sha}")),
            "{path} carries the hash of the file as it is on disk"
        );
    }
    // And it is stable: a second run writes nothing.
    let again = normalize(dir.path(), &[]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stdout(&again).contains(&format!("{} written", 0)),
        "second run writes nothing:\n{}",
        stdout(&again)
    );
}

#[test]
fn windows_1252_copy_gives_the_same_snapshots() {
    let text = real_report_text();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(
        !unmappable,
        "every character of the real report exists in Windows-1252"
    );
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the Windows-1252 copy is not valid UTF-8 (it has ë, •, ’)"
    );
    assert_same_snapshots_as_utf8(&bytes);
}

#[test]
fn windows_1252_copy_with_crlf_gives_the_same_snapshots() {
    let text = real_report_text().replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    assert_same_snapshots_as_utf8(&bytes);
}

#[test]
fn utf8_bom_and_crlf_copy_gives_the_same_snapshots() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(real_report_text().replace('\n', "\r\n").into_bytes());
    assert_same_snapshots_as_utf8(&bytes);
}

#[test]
fn utf16le_copy_with_bom_gives_the_same_snapshots() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        real_report_text()
            .replace('\n', "\r\n")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    assert_same_snapshots_as_utf8(&bytes);
}

// ---------------------------------------------------------------------------------------------
// Existing snapshots are not damaged

#[test]
fn a_bad_report_added_later_leaves_existing_snapshots_byte_identical() {
    let dir = repo_with_files(&[(REPORT, &real_report())]);
    assert_eq!(normalize(dir.path(), &[]).status.code(), Some(0));
    let before = snapshot_texts(dir.path());
    for (name, bytes) in [
        ("empty.txt", Vec::new()),
        ("binary.txt", vec![0u8, 1, 2, 3, 0, 255]),
        ("appeltaart.txt", fixture("recipe.txt")),
        ("zonder-datum.txt", fixture("no-meeting-date.txt")),
        ("alleen-titel.txt", fixture("title-only.txt")),
    ] {
        std::fs::write(dir.path().join("reports").join(name), bytes).expect("write");
    }
    let out = normalize(dir.path(), &[]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for name in [
        "empty.txt",
        "binary.txt",
        "appeltaart.txt",
        "zonder-datum.txt",
        "alleen-titel.txt",
    ] {
        assert!(
            err.contains(&format!("reports/{name}")),
            "names {name}:\n{err}"
        );
    }
    assert!(
        stdout(&out).contains("0 written"),
        "nothing rewritten:\n{}",
        stdout(&out)
    );
    assert_eq!(snapshot_texts(dir.path()), before);
    // --check says the same: the failures, exit 2, and nothing written.
    let check = normalize(dir.path(), &["--check"]);
    assert_no_panic(&check);
    assert_eq!(check.status.code(), Some(2));
    assert_eq!(snapshot_texts(dir.path()), before);
}

#[test]
fn a_report_that_turns_bad_keeps_its_snapshots() {
    // The report was normalised, then its file was truncated (an interrupted copy): the error
    // says so, and the snapshots it gave stay until it is fixed.
    let dir = repo_with_files(&[(REPORT, &real_report())]);
    assert_eq!(normalize(dir.path(), &[]).status.code(), Some(0));
    let before = snapshot_texts(dir.path());
    std::fs::write(dir.path().join("reports").join(REPORT), b"").expect("truncate");
    let out = normalize(dir.path(), &[]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&format!("reports/{REPORT}")), "{err}");
    assert!(err.contains("empty"), "{err}");
    assert_eq!(snapshot_texts(dir.path()), before, "no snapshot removed");
}

// ---------------------------------------------------------------------------------------------
// Two reports for one meeting

/// The real report, retitled as the report of another meeting (16-17 November 2023).
fn report_of_another_meeting() -> String {
    let text = real_report_text();
    assert!(
        text.contains("\n19 -20 oktober 2023 \n"),
        "the real report's title"
    );
    text.replacen("\n19 -20 oktober 2023 \n", "\n16 -17 november 2023 \n", 1)
}

#[test]
fn two_different_reports_of_one_meeting_are_an_error_naming_both() {
    let text = real_report_text();
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let copy = "2023-10-19-jbz-raad-verslag-kopie.txt";
    let november = "2023-11-16-jbz-raad-verslag.txt";
    let dir = repo_with_files(&[
        (REPORT, &real_report()),
        (copy, &cp1252),
        (november, report_of_another_meeting().as_bytes()),
    ]);
    let out = normalize(dir.path(), &[]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{err}");
    for line in err.lines() {
        assert!(
            line.contains(&format!("reports/{REPORT}"))
                && line.contains(&format!("reports/{copy}")),
            "each error names both files:\n{err}"
        );
        assert!(line.contains("2023-10"), "and the meeting:\n{err}");
    }
    assert_eq!(
        err.lines().count(),
        2,
        "one error for each of the two:\n{err}"
    );
    assert!(!err.contains(november), "{err}");
    // The report of the other meeting is still normalised; the contested meeting gets nothing.
    let files = snapshot_texts(dir.path());
    assert!(!files.is_empty(), "the November report is normalised");
    assert!(
        files.keys().all(|p| p.ends_with("/2023-11.yaml")),
        "only the November report's snapshots are written: {:?}",
        files.keys().collect::<Vec<_>>()
    );
    assert!(
        stdout(&out).contains("1 report normalized"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn naming_one_of_two_reports_of_a_meeting_is_still_an_error_naming_both() {
    let copy = "2023-10-19-jbz-raad-verslag-kopie.txt";
    let dir = repo_with_files(&[(REPORT, &real_report()), (copy, &real_report())]);
    let out = normalize(dir.path(), &[&format!("reports/{copy}")]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{err}");
    assert!(err.contains(&format!("reports/{copy}")), "{err}");
    assert!(err.contains(&format!("reports/{REPORT}")), "{err}");
    assert!(snapshot_texts(dir.path()).is_empty(), "nothing written");
}

#[test]
fn a_second_report_of_a_meeting_does_not_overwrite_the_snapshots_of_the_first() {
    // The real report was normalised; then a second copy of the same meeting is added under a
    // name that sorts before it. The snapshots of the first must not be rewritten from the copy.
    let dir = repo_with_files(&[(REPORT, &real_report())]);
    assert_eq!(normalize(dir.path(), &[]).status.code(), Some(0));
    let before = snapshot_texts(dir.path());
    let mut edited = real_report_text();
    edited = edited.replacen("Nederland", "Het kabinet", 1);
    let copy = "2023-10-19-a-kopie.txt";
    std::fs::write(dir.path().join("reports").join(copy), edited).expect("write copy");
    let out = normalize(dir.path(), &[]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{err}");
    assert!(err.contains(&format!("reports/{REPORT}")), "{err}");
    assert!(err.contains(&format!("reports/{copy}")), "{err}");
    assert_eq!(
        snapshot_texts(dir.path()),
        before,
        "the existing snapshots are left as they were"
    );
}

// ---------------------------------------------------------------------------------------------
// Files that are not there

#[test]
fn a_report_that_does_not_exist_is_a_clear_error() {
    let dir = repo_with_files(&[(REPORT, &real_report())]);
    let out = normalize(dir.path(), &["reports/does-not-exist.txt"]);
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{err}");
    assert!(
        err.contains("reports/does-not-exist.txt"),
        "names the file:\n{err}"
    );
    let lower = err.to_lowercase();
    assert!(
        lower.contains("no such file") || lower.contains("does not exist"),
        "says the file is not there:\n{err}"
    );
    assert!(
        !lower.contains("os error"),
        "in words, not an OS error code:\n{err}"
    );
    assert!(snapshot_texts(dir.path()).is_empty(), "nothing written");
}

#[test]
fn a_directory_named_as_a_report_is_a_clear_error() {
    let dir = repo_with_files(&[(REPORT, &real_report())]);
    std::fs::create_dir(dir.path().join("reports/oud.txt")).expect("mkdir");
    let out = normalize(
        dir.path(),
        &["reports/oud.txt", &format!("reports/{REPORT}")],
    );
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{err}");
    assert!(err.contains("reports/oud.txt"), "{err}");
    assert!(err.contains("directory"), "{err}");
    assert_eq!(&snapshot_texts(dir.path()), baseline());
}

#[test]
fn a_missing_report_named_with_an_existing_one_still_normalises_the_existing_one() {
    let dir = repo_with_files(&[(REPORT, &real_report())]);
    let out = normalize(
        dir.path(),
        &["reports/does-not-exist.txt", &format!("reports/{REPORT}")],
    );
    let err = stderr(&out);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{err}");
    assert!(err.contains("reports/does-not-exist.txt"), "{err}");
    assert_eq!(&snapshot_texts(dir.path()), baseline());
}

// ---------------------------------------------------------------------------------------------
// Formats jbz-track does not read: named by what they are, with what to do

/// What every refusal of a format not read tells the user to do.
const CONVERT: &str = "convert it to PDF or DOCX, or save the text as .txt";

/// A zip file of these entries (name, content); constructed.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(*name, options).expect("start");
        zip.write_all(bytes).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

#[test]
fn an_opendocument_text_is_refused_naming_its_format() {
    let odt = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<office:document-content/>"),
    ]);
    assert_rejected_beside_real_report(
        "verslag.odt",
        &odt,
        &["an OpenDocument text (.odt)", CONVERT],
    );
}

#[test]
fn an_apple_pages_document_is_refused_naming_its_format() {
    let pages = zip_of(&[
        ("Index/Document.iwa", b"\x00\x01"),
        ("Metadata/Properties.plist", b""),
    ]);
    assert_rejected_beside_real_report(
        "verslag.pages",
        &pages,
        &["an Apple Pages document", CONVERT],
    );
}

#[test]
fn a_zip_that_is_not_a_word_document_is_refused() {
    let zip = zip_of(&[("verslag.txt", &real_report())]);
    assert_rejected_beside_real_report(
        "verslagen.zip",
        &zip,
        &["a zip archive that holds no Word document", CONVERT],
    );
}

#[test]
fn an_rtf_document_is_refused_naming_its_format() {
    assert_rejected_beside_real_report(
        "verslag.rtf",
        b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Calibri;}} Verslag van de Raad Justitie en Binnenlandse Zaken}",
        &["an RTF document", CONVERT],
    );
}

#[test]
fn an_old_word_document_is_refused_naming_its_format() {
    // The OLE compound file header of a .doc (and of a password-protected .docx).
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.extend([0u8; 504]);
    assert_rejected_beside_real_report(
        "verslag.doc",
        &doc,
        &[
            "an old Word document (.doc) or a password-protected Office file",
            CONVERT,
        ],
    );
}

#[test]
fn pictures_are_refused_naming_their_format() {
    let png = b"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02";
    assert_rejected_beside_real_report("scan.png", png, &["a PNG picture", CONVERT]);
    let jpg = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00";
    assert_rejected_beside_real_report("foto.jpg", jpg, &["a JPEG picture", CONVERT]);
}

#[test]
fn a_damaged_word_document_is_refused() {
    let docx = common::fixture("docx", "2023-10-19-jbz-raad-verslag.docx");
    assert_rejected_beside_real_report(
        "verslag.docx",
        &docx[..docx.len() / 2],
        &[
            "this Word document cannot be read",
            "damaged",
            "convert it to PDF",
        ],
    );
}

#[test]
fn check_names_a_file_it_cannot_read_and_fails() {
    let dir = repo_with_real_and(
        "verslag.odt",
        &zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.text")]),
    );
    normalize(dir.path(), &[&format!("reports/{REPORT}")]);
    let out = common::jbz(dir.path())
        .arg("check")
        .output()
        .expect("run jbz-track");
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = format!("{}{}", stdout(&out), stderr(&out)).replace("\n    ", " ");
    assert!(
        said.contains("reports/verslag.odt: this is an OpenDocument text (.odt), which jbz-track cannot read; convert it to PDF or DOCX, or save the text as .txt"),
        "{said}"
    );
}

#[test]
fn hidden_files_a_readme_and_word_owner_files_in_reports_are_left_alone() {
    let dir = repo_with_files(&[
        (REPORT, &real_report()),
        (".DS_Store", b"\x00\x00\x00\x01Bud1"),
        (".gitkeep", b""),
        (
            "README.md",
            b"# Verslagen\n\nDe verslagen van de JBZ-Raad.\n",
        ),
        ("~$rslag.docx", b"\x05Jan  \x00\x00"),
    ]);
    let out = normalize(dir.path(), &[]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert_eq!(&snapshot_texts(dir.path()), baseline());
}
