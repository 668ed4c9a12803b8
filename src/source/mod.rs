//! Reading a report file: bytes from disk → Unicode text, whatever format and encoding it
//! came in: plain text ([`txt`]), PDF ([`pdf`]), Word ([`docx`]), the official HTML
//! ([`html`]) or XML ([`xml`]) edition.
//!
//! The format is told from the content, never from the file name alone: a PDF starts with
//! `%PDF-`, a Word document is a zip with a `word/document.xml`, an HTML page opens with a
//! doctype or `<html>`, an XML edition with an XML declaration or an official root element
//! (`<officiele-publicatie>`, `<kamerstuk>`); anything else is text, except the formats that
//! are known not to be read ([`unsupported_format`]: old Word, RTF, OpenDocument, pictures,
//! archives), which are refused naming what they are and what to do.
//! Every reader ends in the same place, a [`Loaded`] text in the form [`crate::clean`] and
//! [`crate::report`] read, so that one report in any format gives the same snapshots
//! (`tests/formats.rs`). Errors say what is wrong with the file; the caller names the file.

pub mod docx;
pub mod html;
mod markup;
pub mod pdf;
pub mod txt;
pub mod xml;

use std::fmt;
use std::io::Read;
use std::path::Path;

pub use docx::DocxError;
pub use pdf::{PdfError, PdfReader};
pub use txt::{DecodeError, Encoding};
pub use xml::XmlError;

/// Reports are a few hundred kilobytes; anything far larger is not a report, and reading it
/// whole would cost memory for nothing.
pub const MAX_REPORT_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// There is no file at the path.
    #[error("there is no such file; check the name, or run `jbz-track normalize` to read every report in reports/")]
    NotFound,
    /// The path is a directory.
    #[error("this is a directory, not a report file; run `jbz-track normalize` to read every report in reports/")]
    Directory,
    /// The file system refused.
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// The bytes are not a text report.
    #[error("{0}")]
    Decode(#[from] DecodeError),
    /// The file is a PDF whose text could not be read.
    #[error("{0}")]
    Pdf(#[from] PdfError),
    /// The file is an XML edition that is not well-formed.
    #[error("{0}")]
    Xml(#[from] XmlError),
    /// The file is a Word document that could not be read.
    #[error("{0}")]
    Docx(#[from] DocxError),
    /// The file is of a format jbz-track does not read (see [`unsupported_format`]).
    #[error(
        "this is {what}, which jbz-track cannot read; convert it to PDF or DOCX, or save the \
         text as .txt"
    )]
    Unsupported {
        /// What it is, as a phrase: `an RTF document`.
        what: &'static str,
    },
    /// The file is larger than any report.
    #[error(
        "the file is {size} bytes, larger than the {limit} bytes a report can be; \
         is this the right file?"
    )]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit, [`MAX_REPORT_BYTES`].
        limit: u64,
    },
}

impl SourceError {
    /// The 1-based line the error is about, where there is one (a malformed XML file).
    pub fn line(&self) -> Option<usize> {
        match self {
            SourceError::Xml(e) => usize::try_from(e.line).ok(),
            SourceError::Decode(e) => e.line(),
            _ => None,
        }
    }
}

/// What a report file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (the text of the PDF, as users extract it).
    Text,
    /// A PDF, and the reader that read its text.
    Pdf(PdfReader),
    /// An HTML page, such as the official site's edition.
    Html,
    /// An XML edition in the official `kamerstuk` vocabulary.
    Xml,
    /// A Word document (`.docx`).
    Docx,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Format::Text => f.write_str("text"),
            Format::Pdf(reader) => write!(f, "PDF, read with {reader}"),
            Format::Html => f.write_str("HTML"),
            Format::Xml => f.write_str("XML"),
            Format::Docx => f.write_str("DOCX"),
        }
    }
}

/// A report file's bytes and its decoded text.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The bytes as on disk (hashed into the snapshot's `source`).
    pub bytes: Vec<u8>,
    /// The text, normalised by [`txt::normalize_chars`], in the form the cleaner reads.
    pub text: String,
    /// The encoding the bytes were read in (for a PDF: UTF-8, the text its reader gave).
    pub encoding: Encoding,
    /// What the file was.
    pub format: Format,
}

/// Read a report file, refusing files too large to be a report before reading them.
pub fn load(path: &Path) -> Result<Loaded, SourceError> {
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::NotFound,
        _ => SourceError::Io(e),
    })?;
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(SourceError::Directory);
    }
    let size = metadata.len();
    if size > MAX_REPORT_BYTES {
        return Err(SourceError::TooLarge {
            size,
            limit: MAX_REPORT_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Read one byte past the limit so that a file growing while we read is still caught.
    file.take(MAX_REPORT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_REPORT_BYTES {
        return Err(SourceError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_REPORT_BYTES,
        });
    }
    from_bytes(bytes)
}

/// Read a report from its bytes, telling its format from the content.
pub fn from_bytes(bytes: Vec<u8>) -> Result<Loaded, SourceError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty.into());
    }
    if is_pdf(&bytes) {
        let (text, reader) = pdf::to_text(&bytes)?;
        return finish(bytes, &text, Encoding::Utf8, Format::Pdf(reader));
    }
    if docx::is_zip(&bytes) {
        let text = docx::to_text(&bytes).map_err(|e| match e {
            DocxError::NotWord { what } => SourceError::Unsupported { what },
            other => SourceError::Docx(other),
        })?;
        return finish(bytes, &text, Encoding::Utf8, Format::Docx);
    }
    if let Some(what) = unsupported_format(&bytes) {
        return Err(SourceError::Unsupported { what });
    }
    let (raw, encoding) = txt::decode_raw(&bytes)?;
    txt::refuse_conflict_markers(&raw)?;
    if html::looks_like_html(&raw) {
        let text = html::to_text(&raw);
        return finish(bytes, &text, encoding, Format::Html);
    }
    if xml::looks_like_xml(&raw) {
        let text = xml::to_text(&raw)?;
        return finish(bytes, &text, encoding, Format::Xml);
    }
    let text = txt::finish_text(&raw)?;
    Ok(Loaded {
        bytes,
        text,
        encoding,
        format: Format::Text,
    })
}

/// Text from a PDF or markup reader, normalised as text files are.
fn finish(
    bytes: Vec<u8>,
    text: &str,
    encoding: Encoding,
    format: Format,
) -> Result<Loaded, SourceError> {
    let text = txt::normalize_chars(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty.into());
    }
    Ok(Loaded {
        bytes,
        text,
        encoding,
        format,
    })
}

/// What a file of a format that jbz-track does not read is, told from its first bytes (its
/// "magic number"): old Word and other OLE files (which password-protected Office documents
/// are too), RTF, pictures, archives. Zip files are told apart in [`docx`].
pub fn unsupported_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 11] = [
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Word document (.doc) or a password-protected Office file",
        ),
        (b"{\\rtf", "an RTF document"),
        (b"\x89PNG\r\n\x1A\n", "a PNG picture"),
        (b"\xFF\xD8\xFF", "a JPEG picture"),
        (b"GIF87a", "a GIF picture"),
        (b"GIF89a", "a GIF picture"),
        (b"II*\x00", "a TIFF picture"),
        (b"MM\x00*", "a TIFF picture"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(what);
    }
    // RIFF…WEBP, and the ISO media pictures phones take (HEIC, AVIF): `ftyp` and a brand.
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some("a WebP picture");
    }
    if bytes.get(4..8) == Some(b"ftyp")
        && bytes.get(8..12).is_some_and(|brand| {
            [&b"heic"[..], b"heix", b"hevc", b"mif1", b"avif"].contains(&brand)
        })
    {
        return Some("a HEIC or AVIF picture");
    }
    None
}

/// Whether the bytes are a PDF: `%PDF-` in the first kilobyte, where PDF readers look for
/// it, with nothing but white space, a BOM or binary junk before it (never words: a text
/// that mentions `%PDF-1.7` is text).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5)
        .position(|w| w == b"%PDF-")
        .is_some_and(|at| !head[..at].iter().any(u8::is_ascii_alphanumeric))
}

/// The text after a byte order mark, white space, comments and processing instructions (the
/// XML declaration): where a markup document's first tag or doctype stands.
pub(crate) fn markup_start(text: &str) -> &str {
    let mut s = text.trim_start_matches('\u{FEFF}').trim_start();
    loop {
        if let Some(rest) = s.strip_prefix("<!--") {
            s = rest
                .split_once("-->")
                .map_or("", |(_, after)| after)
                .trim_start();
        } else if let Some(rest) = s.strip_prefix("<?") {
            s = rest
                .split_once("?>")
                .map_or("", |(_, after)| after)
                .trim_start();
        } else if starts_with_ignore_case(s, "<!doctype")
            && !starts_with_ignore_case(s, "<!doctype html")
        {
            s = s
                .split_once('>')
                .map_or("", |(_, after)| after)
                .trim_start();
        } else {
            return s;
        }
    }
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}
