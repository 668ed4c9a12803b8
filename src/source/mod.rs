//! Reading a report file: bytes from disk → Unicode text, whatever encoding it came in.
//!
//! Every reader ends in the same place, a [`Loaded`] text that [`crate::clean`] and
//! [`crate::report`] read. Errors say what is wrong with the file; the caller names the file.

pub mod txt;

use std::io::Read;
use std::path::Path;

pub use txt::{DecodeError, Encoding};

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

/// A report file's bytes and its decoded text.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The bytes as on disk (hashed into the snapshot's `source`).
    pub bytes: Vec<u8>,
    /// The text, normalised by [`txt::normalize_chars`].
    pub text: String,
    /// The encoding the bytes were read in.
    pub encoding: Encoding,
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
    let (text, encoding) = txt::decode(&bytes)?;
    Ok(Loaded {
        bytes,
        text,
        encoding,
    })
}
