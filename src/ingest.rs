//! `ingest`: a new report file → `reports/` under its canonical name
//! (`2023-10-19-jbz-raad-verslag.txt`, `…-geannoteerde-agenda.txt`). The same file twice is
//! recognised by its content and changes nothing; a different file for a meeting that already
//! has one is refused unless the caller says to replace it. Nothing is overwritten silently.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::normalize::{read_report, strip_line_prefix, Failure};
use crate::repo::{display_path, Repo, REPORTS_DIR};
use crate::report::{self, Kind, Report, ReportError};
use crate::source;
use crate::store::fs::write_atomic;

/// What `ingest` did with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ingested {
    /// Copied in under a new name.
    Added {
        /// The new path, relative to the repository.
        path: PathBuf,
    },
    /// The same bytes are already in `reports/`: nothing done.
    AlreadyThere {
        /// The file that holds them.
        path: PathBuf,
    },
    /// Took the place of another report of the same meeting (with `--replace`).
    Replaced {
        /// The new path.
        path: PathBuf,
        /// The file it replaced (removed when its name differs).
        old: PathBuf,
    },
}

impl Ingested {
    /// The report's path in the repository.
    pub fn path(&self) -> &Path {
        match self {
            Ingested::Added { path }
            | Ingested::AlreadyThere { path }
            | Ingested::Replaced { path, .. } => path,
        }
    }
}

/// The canonical file name of a report: its first meeting day and kind, and the extension of
/// its format (`txt`, `pdf`, `html`, `xml`).
pub fn canonical_name(report: &Report, extension: &str) -> String {
    let kind = match report.kind {
        Kind::Verslag => "verslag",
        Kind::Agenda => "geannoteerde-agenda",
    };
    format!(
        "{}-jbz-raad-{kind}.{extension}",
        report.start.format("%Y-%m-%d")
    )
}

/// Whether a title line names the Council (`… Raad Justitie en Binnenlandse Zaken …`,
/// `Verslag JBZ januari …`) and is no longer than a title: what tells a report's title from
/// a paragraph that happens to begin with "Verslag".
fn names_the_council(title: &str) -> bool {
    let t = title.to_lowercase();
    title.chars().count() <= 200
        && (t.contains("justitie") || t.contains("jbz") || t.contains("binnenlandse zaken"))
}

/// Copy one report file into the repository.
pub fn ingest(repo: &Repo, file: &Path, replace: bool) -> Result<Ingested, Failure> {
    let fail = |line, message: String| Failure {
        path: file.to_path_buf(),
        line,
        message,
    };
    let loaded = source::load(file).map_err(|e| fail(e.line(), e.to_string()))?;
    let report = report::parse(&loaded.text).map_err(|e| match e {
        // A line that only begins like a title ("verslag, and …" in a README) is no title: the
        // file is not a report, and no paragraph of it should be quoted as one.
        ReportError::NoMeetingDays { ref title, .. } if !names_the_council(title) => {
            fail(None, ReportError::NotAReport.to_string())
        }
        // The line is in the path (`file:4: …`); the message need not say it again.
        e => fail(e.line(), strip_line_prefix(&e.to_string())),
    })?;
    // The ending says what the file is, as its content showed: a PDF saved as `.txt`, or a
    // text under an ending `normalize` does not list, is stored under the ending it reads as.
    let extension = match loaded.format {
        source::Format::Text => "txt",
        source::Format::Pdf(_) => "pdf",
        source::Format::Html => "html",
        source::Format::Xml => "xml",
    };
    let name = canonical_name(&report, extension);
    let target = Path::new(REPORTS_DIR).join(&name);
    let sha = Sha256::digest(&loaded.bytes);

    let existing = repo.reports().map_err(|e| fail(None, e.to_string()))?;
    let mut same_meeting: Option<PathBuf> = None;
    for path in &existing {
        let Ok(bytes) = std::fs::read(repo.root.join(path)) else {
            continue;
        };
        if Sha256::digest(&bytes) == sha {
            return Ok(Ingested::AlreadyThere { path: path.clone() });
        }
        if *path == target {
            same_meeting = Some(path.clone());
            continue;
        }
        // A report under another name may still be of this meeting.
        if let Ok(other) = read_report(repo, path) {
            if other.report.start == report.start && other.report.kind == report.kind {
                same_meeting = Some(path.clone());
            }
        }
    }
    match same_meeting {
        Some(old) if !replace => Err(fail(
            None,
            format!(
                "the {} of the meeting of {} is already in the repository as {}, with other \
                 content; compare the two, and ingest with --replace to take this one instead",
                report.kind.as_str(),
                report.start,
                display_path(&old)
            ),
        )),
        Some(old) => {
            write_atomic(&repo.root.join(&target), &loaded.bytes)
                .map_err(|e| fail(None, e.to_string()))?;
            if old != target {
                std::fs::remove_file(repo.root.join(&old))
                    .map_err(|e| fail(None, e.to_string()))?;
            }
            Ok(Ingested::Replaced { path: target, old })
        }
        None => {
            write_atomic(&repo.root.join(&target), &loaded.bytes)
                .map_err(|e| fail(None, e.to_string()))?;
            Ok(Ingested::Added { path: target })
        }
    }
}
