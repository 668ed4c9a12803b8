//! PDF reports: the text of the PDF, laid out as `pdftotext -layout` lays it out, which is
//! the text that [`crate::clean`] knows (pages separated by form feeds, footnotes where the
//! page prints them, markers glued to words).
//!
//! Two readers, chosen per run:
//!
//! - **`pdftotext`** from poppler, where it is installed (or where `JBZ_PDFTOTEXT` names it).
//!   It is run as `pdftotext -layout -enc UTF-8 - -`, the PDF on its standard input, with a
//!   time limit.
//! - **the built-in reader**, the `pdf-extract` crate (pure Rust), everywhere else, or where
//!   `JBZ_PDFTOTEXT` is `off`. It runs on a thread of its own with a large stack, and a panic
//!   in it (it has panicked on odd files) becomes an error that names the file.
//!
//! Why both, and why `pdftotext` first: on a PDF laid out by a plain generator (one standard
//! font, one text operator a line — the fixture in `tests/fixtures/formats/`) both give the
//! report's text line for line, and the same snapshots as the text file. On a PDF typeset by
//! groff and ghostscript (an embedded, subsetted CFF font, words placed one by one, the `fl`
//! ligature), `pdftotext -layout` still gave every line, and `pdf-extract` 0.12 got 91 of the
//! 254 lines wrong: words glued (`bevatendat`), words split (`gev olgen`), a heading run into
//! the next line. (`pdftotext` without `-layout` undoes line-end hyphens, `EU-` +
//! `partnerschappen` → `EUpartnerschappen`, and reorders lines: hence `-layout`.) The
//! `pdf_oxide` crate did no better on the groff PDF (88 lines wrong) and took seven minutes
//! to build. Ligatures either reader leaves (`ﬂ`) are spelled out by
//! [`super::txt::normalize_chars`]. Which reader read a file is in [`super::Format`], for `-v`
//! and for errors.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

/// The environment variable that chooses the PDF reader: unset, `pdftotext` is used where it
/// is installed; `off` (or `0`, `no`, `false`, empty) uses the built-in reader; anything else
/// is the path of the `pdftotext` program to run.
pub const PDFTOTEXT_ENV: &str = "JBZ_PDFTOTEXT";

/// How long `pdftotext` may take on one file.
const PDFTOTEXT_TIME_LIMIT: Duration = Duration::from_secs(120);

/// The most text taken from one PDF: far more than any report.
const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// The name of the built-in reader's thread, by which its panics are kept quiet.
const BUILTIN_THREAD: &str = "jbz-pdf-extract";

/// Which program read a PDF's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfReader {
    /// poppler's `pdftotext -layout`.
    Pdftotext,
    /// The built-in reader, the `pdf-extract` crate.
    Builtin,
}

impl std::fmt::Display for PdfReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PdfReader::Pdftotext => "pdftotext -layout",
            PdfReader::Builtin => "the built-in PDF reader (pdf-extract)",
        })
    }
}

/// Why a PDF's text could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PdfError {
    /// The reader could not make sense of the file.
    #[error("this PDF file cannot be read ({reader} says: {message}); is it damaged or encrypted? {hint}")]
    Unreadable {
        /// The reader that failed.
        reader: PdfReader,
        /// What it said.
        message: String,
        /// What to try.
        hint: &'static str,
    },
    /// The PDF holds no text: a scan, or pictures of text.
    #[error("this PDF has no text to read (is it a scan?); use the HTML or XML edition of the report from officielebekendmakingen.nl instead (read with {reader})")]
    NoText {
        /// The reader that found nothing.
        reader: PdfReader,
    },
    /// `pdftotext` ran past its time limit.
    #[error("pdftotext took more than {seconds} seconds on this PDF and was stopped; set JBZ_PDFTOTEXT=off to use the built-in reader")]
    TimedOut {
        /// The limit.
        seconds: u64,
    },
}

const HINT_BUILTIN: &str =
    "installing poppler's pdftotext (Debian: apt-get install poppler-utils) \
                            reads more PDFs, or use the HTML or XML edition of the report";
const HINT_PDFTOTEXT: &str =
    "try the HTML or XML edition of the report from officielebekendmakingen.nl";

/// Read a PDF's text with the reader [`PDFTOTEXT_ENV`] chooses.
pub fn to_text(bytes: &[u8]) -> Result<(String, PdfReader), PdfError> {
    match pdftotext_program() {
        Some(program) => match run_pdftotext(&program, bytes) {
            Ok(text) => finish(text, PdfReader::Pdftotext),
            // Not installed after all: the built-in reader.
            Err(RunError::NotFound) => builtin(bytes),
            Err(RunError::TimedOut) => Err(PdfError::TimedOut {
                seconds: PDFTOTEXT_TIME_LIMIT.as_secs(),
            }),
            Err(RunError::Failed(message)) => Err(PdfError::Unreadable {
                reader: PdfReader::Pdftotext,
                message,
                hint: HINT_PDFTOTEXT,
            }),
        },
        None => builtin(bytes),
    }
}

/// What read the PDFs of a run, for `-v`: the `pdftotext` that ran, with its version and the
/// path it was run from, or the built-in reader and why it was used. Told after the run from
/// what chose the reader then ([`PDFTOTEXT_ENV`] and `PATH`), which have not changed since.
/// Asking `pdftotext` its version runs it once more (`pdftotext -v`); where that fails, the
/// version is left out, and where the program cannot be found on `PATH`, the path.
pub fn describe(reader: PdfReader) -> String {
    let program = pdftotext_program();
    match (reader, program) {
        (PdfReader::Pdftotext, program) => {
            let program = program.unwrap_or_else(|| "pdftotext".to_string());
            let mut line = "pdftotext -layout".to_string();
            if let Some(version) = pdftotext_version(&program) {
                line.push_str(&format!(" ({version})"));
            }
            match find_program(&program) {
                Some(path) => line.push_str(&format!(" at {}", path.display())),
                None => line.push_str(&format!(" run as {program}")),
            }
            line
        }
        (PdfReader::Builtin, None) => {
            format!("built-in (pdf-extract), as {PDFTOTEXT_ENV}=off asks")
        }
        (PdfReader::Builtin, Some(program)) if program == "pdftotext" => {
            "built-in (pdf-extract), as pdftotext is not installed; installing poppler's \
             pdftotext (Debian: apt-get install poppler-utils) reads typeset PDFs better"
                .to_string()
        }
        (PdfReader::Builtin, Some(program)) => format!(
            "built-in (pdf-extract), as {PDFTOTEXT_ENV} names {program}, which cannot be run; \
             set it to the path of pdftotext"
        ),
    }
}

/// How long `pdftotext -v` may take.
const VERSION_TIME_LIMIT: Duration = Duration::from_secs(5);

/// `poppler 22.12.0` (or `version 4.04` for another `pdftotext`, such as Xpdf's), from what
/// `pdftotext -v` prints; `None` where it prints no version.
fn pdftotext_version(program: &str) -> Option<String> {
    let mut child = Command::new(program)
        .arg("-v")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    wait_at_most(&mut child, VERSION_TIME_LIMIT).ok()??;
    // It has exited: what it printed is in the pipes, a few lines at most.
    let mut said = String::new();
    for pipe in [
        child.stdout.take().map(|p| Box::new(p) as Box<dyn Read>),
        child.stderr.take().map(|p| Box::new(p) as Box<dyn Read>),
    ]
    .into_iter()
    .flatten()
    {
        let mut bytes = Vec::new();
        let _ = pipe.take(16 * 1024).read_to_end(&mut bytes);
        said.push_str(&String::from_utf8_lossy(&bytes));
        said.push('\n');
    }
    version_from(&said)
}

/// The version in what `pdftotext -v` printed: `pdftotext version 22.12.0` and a copyright
/// line naming the Poppler developers give `poppler 22.12.0`.
fn version_from(said: &str) -> Option<String> {
    let version = said.lines().find_map(|l| {
        let (_, rest) = l.split_once("version ")?;
        let v = rest.split_whitespace().next()?;
        v.starts_with(|c: char| c.is_ascii_digit()).then_some(v)
    })?;
    let poppler = said.to_lowercase().contains("poppler");
    Some(if poppler {
        format!("poppler {version}")
    } else {
        format!("version {version}")
    })
}

/// The file a program name runs: the name itself where it is a path, else the first
/// executable file of that name in a `PATH` directory, as the system looks it up.
fn find_program(program: &str) -> Option<std::path::PathBuf> {
    let as_given = std::path::Path::new(program);
    if as_given.components().count() > 1 {
        return as_given.is_file().then(|| as_given.to_path_buf());
    }
    let names = [
        program.to_string(),
        format!("{program}{}", std::env::consts::EXE_SUFFIX),
    ];
    std::env::split_paths(&std::env::var_os("PATH")?)
        .find_map(|dir| names.iter().map(|n| dir.join(n)).find(|p| is_executable(p)))
}

#[cfg(unix)]
fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &std::path::Path) -> bool {
    path.is_file()
}

/// Read a PDF's text with the built-in reader only.
pub fn to_text_builtin(bytes: &[u8]) -> Result<String, PdfError> {
    builtin(bytes).map(|(text, _)| text)
}

fn finish(text: String, reader: PdfReader) -> Result<(String, PdfReader), PdfError> {
    if text.trim().is_empty() {
        return Err(PdfError::NoText { reader });
    }
    Ok((text, reader))
}

/// The `pdftotext` to run, or `None` for the built-in reader.
fn pdftotext_program() -> Option<String> {
    match std::env::var(PDFTOTEXT_ENV) {
        Ok(v) => {
            let v = v.trim();
            let off = ["", "0", "off", "no", "false"]
                .iter()
                .any(|o| v.eq_ignore_ascii_case(o));
            (!off).then(|| v.to_string())
        }
        Err(_) => Some("pdftotext".to_string()),
    }
}

enum RunError {
    NotFound,
    TimedOut,
    Failed(String),
}

/// Wait for `child` to exit, at most `limit`: its status, or `None` when it took longer and
/// was killed. Where waiting itself fails, the child is killed too and the error returned.
fn wait_at_most(
    child: &mut std::process::Child,
    limit: Duration,
) -> std::io::Result<Option<std::process::ExitStatus>> {
    let deadline = Instant::now() + limit;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(Some(status)),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            done => {
                let _ = child.kill();
                let _ = child.wait();
                return done.map(|_| None);
            }
        }
    }
}

fn run_pdftotext(program: &str, bytes: &[u8]) -> Result<String, RunError> {
    let mut child = Command::new(program)
        .args(["-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => {
                RunError::NotFound
            }
            _ => RunError::Failed(e.to_string()),
        })?;
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(RunError::Failed("could not talk to pdftotext".to_string()));
    };
    let input = bytes.to_vec();
    // pdftotext may stop reading early (a damaged file): a failed write is not the error.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.take(MAX_TEXT_BYTES as u64 + 1).read_to_end(&mut out);
        out
    });
    let err_reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stderr.take(64 * 1024).read_to_end(&mut out);
        out
    });
    let status = match wait_at_most(&mut child, PDFTOTEXT_TIME_LIMIT) {
        Ok(Some(status)) => status,
        Ok(None) => return Err(RunError::TimedOut),
        Err(e) => return Err(RunError::Failed(e.to_string())),
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    if !status.success() {
        let said = String::from_utf8_lossy(&err);
        let said = said.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        return Err(RunError::Failed(if said.is_empty() {
            format!("it stopped with {status}")
        } else {
            said.trim().to_string()
        }));
    }
    let mut text = String::from_utf8_lossy(&out).into_owned();
    if text.len() > MAX_TEXT_BYTES {
        let mut cut = MAX_TEXT_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    Ok(text)
}

/// The built-in reader: `pdf-extract`, page by page, on a thread with a large stack so that
/// deeply nested objects do not overflow it, and with its panics caught.
fn builtin(bytes: &[u8]) -> Result<(String, PdfReader), PdfError> {
    quiet_builtin_panics();
    let input = bytes.to_vec();
    let handle = std::thread::Builder::new()
        .name(BUILTIN_THREAD.to_string())
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(&input))
        });
    let unreadable = |message: String| PdfError::Unreadable {
        reader: PdfReader::Builtin,
        message,
        hint: HINT_BUILTIN,
    };
    let outcome = match handle {
        Ok(h) => h.join(),
        Err(e) => return Err(unreadable(format!("could not start: {e}"))),
    };
    let pages = match outcome {
        Ok(Ok(Ok(pages))) => pages,
        Ok(Ok(Err(e))) => return Err(unreadable(e.to_string())),
        Ok(Err(panic)) | Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string());
            return Err(unreadable(format!("it failed on this file ({what})")));
        }
    };
    finish(join_pages(&pages), PdfReader::Builtin)
}

/// Pages as `pdftotext` prints them: each page's text from its first line, a form feed at
/// the start of the line after each page. (`pdf-extract` starts a page with empty lines;
/// left in, they would read as a paragraph break at every page break.)
pub fn join_pages(pages: &[String]) -> String {
    let mut out = String::new();
    for page in pages {
        let page = page.trim_start().trim_end();
        out.push_str(page);
        if !page.is_empty() {
            out.push('\n');
        }
        out.push('\u{0C}');
    }
    out
}

/// Keep panics on the built-in reader's thread off stderr (they become errors); every other
/// panic still goes to the hook that was there before.
fn quiet_builtin_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(BUILTIN_THREAD) {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_joined_as_pdftotext_joins_them() {
        let pages = vec![
            "\n\nEerste pagina\nregel\n".to_string(),
            "\nvan de".to_string(),
        ];
        assert_eq!(
            join_pages(&pages),
            "Eerste pagina\nregel\n\u{0C}van de\n\u{0C}"
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bytes in [
            &b"%PDF-1.4\n"[..],
            b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF",
            b"%PDF-1.4\ntrailer << /Root 1 0 R >>\nstartxref\n999999\n%%EOF",
        ] {
            assert!(to_text_builtin(bytes).is_err());
        }
    }

    #[test]
    fn version_is_read_from_what_pdftotext_v_prints() {
        let poppler = "pdftotext version 22.12.0\nCopyright 2005-2022 The Poppler Developers - http://poppler.freedesktop.org\nCopyright 1996-2011, 2022 Glyph & Cog, LLC\n";
        assert_eq!(version_from(poppler).as_deref(), Some("poppler 22.12.0"));
        let xpdf =
            "pdftotext version 4.04 [www.xpdfreader.com]\nCopyright 1996-2022 Glyph & Cog, LLC\n";
        assert_eq!(version_from(xpdf).as_deref(), Some("version 4.04"));
        assert_eq!(version_from("usage: pdftotext [options]\n"), None);
    }

    #[test]
    fn errors_say_which_reader_and_what_to_do() {
        let e = to_text_builtin(b"%PDF-1.4\n").expect_err("not a PDF");
        let s = e.to_string();
        assert!(s.contains("built-in PDF reader (pdf-extract)"), "{s}");
        assert!(s.contains("pdftotext"), "{s}");
    }
}
