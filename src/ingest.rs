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
use crate::store::fs::{remove_within, write_within};

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
    /// Took the place of the reports of the same meeting and kind (with `--replace`).
    Replaced {
        /// The new path.
        path: PathBuf,
        /// Every file it replaced: overwritten at `path`, or removed. None goes unnamed.
        old: Vec<Previous>,
    },
}

/// A report that `ingest --replace` overwrote or removed, as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Previous {
    /// Its path, relative to the repository.
    pub path: PathBuf,
    /// The SHA-256 of its bytes, hex (`git hash-object` does not give it; `sha256sum` does).
    pub sha256: String,
}

impl Previous {
    /// The first 12 hex digits of [`Previous::sha256`], as people quote it.
    pub fn short_sha(&self) -> &str {
        &self.sha256[..self.sha256.len().min(12)]
    }
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
        source::Format::Docx => "docx",
    };
    let name = canonical_name(&report, extension);
    let target = Path::new(REPORTS_DIR).join(&name);
    let sha = Sha256::digest(&loaded.bytes);

    let existing = repo.reports().map_err(|e| fail(None, e.to_string()))?;
    // Every report of this meeting and kind: the canonical file and any under another name.
    let mut same_meeting: Vec<Previous> = Vec::new();
    for path in &existing {
        // Only regular files: a link in reports/ is neither followed nor replaced.
        let Ok(bytes) = crate::store::fs::read_regular_bytes(&repo.root.join(path)) else {
            continue;
        };
        let digest = Sha256::digest(&bytes);
        if digest == sha {
            return Ok(Ingested::AlreadyThere { path: path.clone() });
        }
        let previous = Previous {
            path: path.clone(),
            sha256: format!("{digest:x}"),
        };
        if *path == target {
            same_meeting.push(previous);
            continue;
        }
        // A report under another name may still be of this meeting.
        if let Ok(other) = read_report(repo, path) {
            if other.report.start == report.start && other.report.kind == report.kind {
                same_meeting.push(previous);
            }
        }
    }
    match same_meeting.first().map(|p| p.path.clone()) {
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
        Some(_) => {
            write_within(&repo.root, &target, &loaded.bytes)
                .map_err(|e| fail(None, e.to_string()))?;
            for old in same_meeting.iter().filter(|p| p.path != target) {
                remove_within(&repo.root, &old.path).map_err(|e| fail(None, e.to_string()))?;
            }
            Ok(Ingested::Replaced {
                path: target,
                old: same_meeting,
            })
        }
        None => {
            write_within(&repo.root, &target, &loaded.bytes)
                .map_err(|e| fail(None, e.to_string()))?;
            Ok(Ingested::Added { path: target })
        }
    }
}
