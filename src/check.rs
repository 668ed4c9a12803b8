//! `check`: everything CI should refuse in a repository of reports, as findings (never
//! printed here): reports that do not parse, snapshots that are stale, missing, orphaned,
//! invalid against the schema, or misnamed, and agenda items that land in no dossier.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::normalize::{self, FileStatus, UpdateMode};
use crate::repo::{display_path, Repo, RepoError};
use crate::snapshot::Snapshot;
use crate::source::PdfReader;
use crate::store::fs::{self as store, StoreError};

/// What kind of problem a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    /// A report that cannot be read or parsed, or a second report for a meeting.
    Report,
    /// A committed snapshot that is not what the reports give.
    Stale,
    /// A snapshot the reports give that is not committed.
    Missing,
    /// A snapshot that no report gives.
    Orphaned,
    /// A snapshot file that is not valid against the schema.
    Invalid,
    /// A snapshot whose path disagrees with the dossier or meeting inside it.
    Misnamed,
    /// A report that was read, but where an agenda item may be missing or misplaced: item
    /// numbers that jump or repeat, text shaped like a heading that was read as text.
    Layout,
}

impl Problem {
    /// The word used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Problem::Report => "report",
            Problem::Stale => "stale",
            Problem::Missing => "missing",
            Problem::Orphaned => "orphaned",
            Problem::Invalid => "invalid",
            Problem::Misnamed => "misnamed",
            Problem::Layout => "layout",
        }
    }
}

/// One problem, with the file and line it is in and what to do.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    /// The file, relative to the repository.
    pub path: PathBuf,
    /// The line, where it helps.
    pub line: Option<usize>,
    /// What kind of problem.
    pub problem: Problem,
    /// What is wrong and what to do.
    pub message: String,
}

/// The result of `check`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Findings {
    /// How many reports were read.
    pub reports: usize,
    /// The reports read, for `-v`.
    #[serde(skip)]
    pub read: Vec<PathBuf>,
    /// The PDF readers that read the reports, for `-v`.
    #[serde(skip)]
    pub pdf_readers: Vec<PdfReader>,
    /// How many snapshot files were checked.
    pub snapshots: usize,
    /// The problems, by file.
    pub findings: Vec<Finding>,
}

impl Findings {
    /// Whether the repository passes.
    pub fn passed(&self) -> bool {
        self.findings.is_empty()
    }
}

/// Check a repository.
pub fn check(repo: &Repo) -> Result<Findings, RepoError> {
    let outcome = normalize::normalize(repo, &[], UpdateMode::Check)?;
    let mut findings: Vec<Finding> = outcome
        .failures
        .iter()
        .map(|f| Finding {
            path: f.path.clone(),
            line: f.line,
            problem: Problem::Report,
            message: f.message.clone(),
        })
        .chain(outcome.warnings.iter().map(|w| Finding {
            path: w.path.clone(),
            line: w.line,
            problem: Problem::Layout,
            message: w.message.clone(),
        }))
        .collect();

    let scanned = store::scan(&repo.root).unwrap_or_default();
    for e in &scanned.refused {
        if let StoreError::Refused { path, reason } = e {
            findings.push(finding(path, None, Problem::Invalid, reason.clone()));
        }
    }
    let on_disk = scanned.files;
    let mut invalid: Vec<PathBuf> = Vec::new();
    // A file byte-identical to what the reports give was written by this tool from valid
    // types at the path they name: it needs no second reading.
    let as_given: std::collections::BTreeSet<&PathBuf> = outcome
        .files
        .iter()
        .filter(|f| f.status == FileStatus::Unchanged)
        .map(|f| &f.path)
        .collect();
    for rel in on_disk.iter().filter(|r| !as_given.contains(r)) {
        let text = match store::read_regular(&repo.root.join(rel)) {
            Ok(t) => t,
            Err(e) => {
                findings.push(finding(
                    rel,
                    None,
                    Problem::Invalid,
                    format!("cannot read: {}", e.reason()),
                ));
                invalid.push(rel.clone());
                continue;
            }
        };
        match store::parse(rel, &text) {
            Ok(s) => findings.extend(validate(rel, &text, &s)),
            Err(StoreError::Invalid { line, message, .. }) => {
                findings.push(finding(
                    rel,
                    line,
                    Problem::Invalid,
                    format!(
                        "{message}; fix the file by hand or run `{}` to write it again",
                        UpdateMode::write_command()
                    ),
                ));
                invalid.push(rel.clone());
            }
            Err(e) => findings.push(finding(rel, None, Problem::Invalid, e.reason())),
        }
    }

    for f in &outcome.files {
        let (problem, message) = match f.status {
            FileStatus::Unchanged => continue,
            // An invalid or unreadable file is already named; "stale" or "missing" would say
            // the same twice.
            FileStatus::Updated | FileStatus::Created if invalid.contains(&f.path) => continue,
            FileStatus::Updated => (
                Problem::Stale,
                format!(
                    "differs from what the reports give; run `{}` and commit the result",
                    UpdateMode::write_command()
                ),
            ),
            FileStatus::Created => (
                Problem::Missing,
                format!(
                    "is given by the reports but not committed; run `{}` and commit it",
                    UpdateMode::write_command()
                ),
            ),
            FileStatus::Removed => (
                Problem::Orphaned,
                format!(
                    "is no longer given by its report; run `{}` to remove it",
                    UpdateMode::write_command()
                ),
            ),
        };
        findings.push(finding(&f.path, f.first_difference, problem, message));
    }

    // Snapshots that no report gives at all (their report was deleted or renamed).
    let given_paths: std::collections::BTreeSet<&PathBuf> =
        outcome.files.iter().map(|f| &f.path).collect();
    for rel in &on_disk {
        let given = given_paths.contains(rel);
        if !given && outcome.failures.is_empty() {
            findings.push(finding(
                rel,
                None,
                Problem::Orphaned,
                "no report in reports/ gives this snapshot; add its report or delete the file"
                    .to_string(),
            ));
        }
    }

    findings.sort();
    // One problem, one finding: a link refused both while reading the reports' snapshots and
    // while listing snapshots/ is named once.
    let mut seen = std::collections::BTreeSet::new();
    findings.retain(|f| seen.insert((f.path.clone(), f.line, f.message.clone())));
    Ok(Findings {
        reports: outcome.reports.len(),
        read: outcome.reports.clone(),
        pdf_readers: outcome.pdf_readers.clone(),
        snapshots: on_disk.len(),
        findings,
    })
}

fn finding(path: &Path, line: Option<usize>, problem: Problem, message: String) -> Finding {
    Finding {
        path: path.to_path_buf(),
        line,
        problem,
        message,
    }
}

/// What serde cannot see: the path agrees with the content, and every actor is one the tool
/// knows (a misspelt actor would otherwise pass as a new one).
fn validate(rel: &Path, text: &str, s: &Snapshot) -> Vec<Finding> {
    let mut out = Vec::new();
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.trim_start().trim_start_matches("- ").starts_with(needle))
            .map(|i| i + 1)
    };
    let dir = rel
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or("");
    if dir != s.dossier.id {
        out.push(finding(
            rel,
            line_of(&format!("id: {}", s.dossier.id)),
            Problem::Misnamed,
            format!(
                "holds dossier `{}` but lies in snapshots/{dir}/; move it to {}",
                s.dossier.id,
                display_path(&store::relative_path(&s.dossier.id, &s.file_name()))
            ),
        ));
    }
    let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name != s.file_name() {
        out.push(finding(
            rel,
            line_of(&format!("id: {}", s.meeting.id)),
            Problem::Misnamed,
            format!(
                "holds the {} of meeting {} but is named {name}; it should be {}",
                s.source.kind.as_str(),
                s.meeting.id,
                s.file_name()
            ),
        ));
    }
    for p in &s.positions {
        if !p.actor.is_known() {
            out.push(finding(
                rel,
                line_of(&format!("actor: {}", p.actor)),
                Problem::Invalid,
                format!(
                    "unknown actor `{}`; actors are nederland, commissie, voorzitterschap, lidstaten, raad, europees-parlement, a member state (`roemenie`) or an agency (`eu-lisa`)",
                    p.actor
                ),
            ));
        }
    }
    out
}
