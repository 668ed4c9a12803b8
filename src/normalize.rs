//! `normalize`: every report of a repository → its snapshots, written, or checked (`--check`).
//!
//! One bad report is reported and the others still run. Meeting ids are given over all
//! reports at once, since a month with two meetings names both by their day.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::cache::{self, Cache};
use crate::repo::{display_path, Repo, RepoError};
use crate::report::{self, Kind, Report};
use crate::snapshot::{self, MeetingRef, Source, COUNCIL};
use crate::source::{self, PdfReader};
use crate::store::fs as store;

/// Write snapshots, or only compare them with what is on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateMode {
    /// Write what differs.
    Write,
    /// Write nothing; report what differs.
    Check,
}

impl UpdateMode {
    /// The mode `normalize` runs in without `--check` or `--write`: checking where the `CI`
    /// variable is set (not empty and not `false`), as insta does, else writing.
    pub fn default_here() -> UpdateMode {
        let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
        if in_ci {
            UpdateMode::Check
        } else {
            UpdateMode::Write
        }
    }

    /// The command that writes the snapshots here: `jbz-track normalize`, or where that only
    /// checks (in CI), `jbz-track normalize --write`.
    pub fn write_command() -> &'static str {
        match UpdateMode::default_here() {
            UpdateMode::Write => "jbz-track normalize",
            UpdateMode::Check => "jbz-track normalize --write",
        }
    }
}

/// What `normalize` did, or (in check mode) would do, to one snapshot file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileStatus {
    /// Already as the report gives it.
    Unchanged,
    /// New file.
    Created,
    /// Existing file rewritten.
    Updated,
    /// An old snapshot of the same report and meeting that the report no longer gives.
    Removed,
}

/// One snapshot file and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOutcome {
    /// Path relative to the repository.
    pub path: PathBuf,
    /// What happened (or, in check mode, what would happen).
    pub status: FileStatus,
    /// In check mode, the first line that differs from the file on disk.
    pub first_difference: Option<usize>,
}

/// A report that could not be normalised, or a snapshot that could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file, relative to the repository where it is inside it.
    pub path: PathBuf,
    /// The line, where it helps.
    pub line: Option<usize>,
    /// What is wrong and what to do.
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", display_path(&self.path), self.message),
            None => write!(f, "{}: {}", display_path(&self.path), self.message),
        }
    }
}

/// The result of a `normalize` run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Reports read successfully.
    pub reports: Vec<PathBuf>,
    /// Snapshot files, sorted by path.
    pub files: Vec<FileOutcome>,
    /// What failed.
    pub failures: Vec<Failure>,
    /// What was read but may have been read wrong (an item number that jumps, text shaped
    /// like a heading read as text): the snapshots are written, and `check` fails on these.
    pub warnings: Vec<Failure>,
    /// The PDF readers that read a report's text in this run, each once (one, unless the
    /// choice changed mid-run); empty where no PDF was read, as when every PDF was recalled
    /// from the cache.
    pub pdf_readers: Vec<PdfReader>,
}

impl Outcome {
    /// Files that differ from what the reports give (in check mode: the problems).
    pub fn changed(&self) -> impl Iterator<Item = &FileOutcome> {
        self.files
            .iter()
            .filter(|f| f.status != FileStatus::Unchanged)
    }
}

/// A report, read and parsed.
#[derive(Debug, Clone)]
pub struct ParsedReport {
    /// Path relative to the repository (or as given, when outside it).
    pub path: PathBuf,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
    /// Its size in bytes.
    pub size: u64,
    /// The report.
    pub report: Report,
}

/// Read and parse one report file.
pub fn read_report(repo: &Repo, path: &Path) -> Result<ParsedReport, Failure> {
    read_report_with(repo, path).1
}

/// [`read_report`], and the PDF reader that read the file's text where it is a PDF (also
/// where the text then fails to parse: it was read all the same).
fn read_report_with(
    repo: &Repo,
    path: &Path,
) -> (Option<PdfReader>, Result<ParsedReport, Failure>) {
    let full = repo.root.join(path);
    // A report in the repository is read from a regular file there, never through a link: a
    // commit can carry a link to any file on the machine that runs `check`.
    if path.is_relative() {
        if let Some((link, target)) = store::link_on_path(&repo.root, path) {
            let e = store::link_refused(&link, &target);
            let failure = Failure {
                path: link,
                line: None,
                message: e.reason(),
            };
            return (None, Err(failure));
        }
    }
    let loaded = match source::load(&full) {
        Ok(loaded) => loaded,
        Err(e) => {
            let failure = Failure {
                path: path.to_path_buf(),
                line: e.line(),
                message: e.to_string(),
            };
            return (None, Err(failure));
        }
    };
    let reader = match loaded.format {
        source::Format::Pdf(reader) => Some(reader),
        _ => None,
    };
    let parsed = report::parse(&loaded.text)
        .map_err(|e| Failure {
            path: path.to_path_buf(),
            line: e.line(),
            message: strip_line_prefix(&e.to_string()),
        })
        .map(|mut report| {
            if let Some(w) = invalid_bytes_warning(&loaded) {
                report.warnings.insert(0, w);
            }
            report
        })
        .map(|report| ParsedReport {
            path: path.to_path_buf(),
            sha256: cache::sha256_hex(&loaded.bytes),
            size: loaded.bytes.len() as u64,
            report,
        });
    (reader, parsed)
}

/// A file read as UTF-8 although some of its bytes are not: where they are, so that the
/// U+FFFD (�) they became in the snapshots can be traced and the file fixed.
fn invalid_bytes_warning(loaded: &source::Loaded) -> Option<report::Warning> {
    let source::Encoding::Utf8Lossy { first, count } = loaded.encoding else {
        return None;
    };
    let head = &loaded.bytes[..first.min(loaded.bytes.len())];
    let line = head.iter().filter(|b| **b == b'\n').count() + 1;
    let more = match count {
        0 | 1 => String::new(),
        n => format!(" and {} more place{}", n - 1, if n == 2 { "" } else { "s" }),
    };
    Some(report::Warning {
        line,
        message: format!(
            "bytes that are not UTF-8 at byte offset {first}{more}; the file was read as UTF-8 \
             with U+FFFD (\u{FFFD}) in their place: fix those bytes, or save the file as UTF-8 again"
        ),
    })
}

/// Read and parse one report for `normalize --explain`: the text as the reader saw it (for a
/// PDF or DOCX, the text its reader gave; line numbers count in it) and the report, whose
/// [`Report::trace`] says what became of each line.
pub fn explain(repo: &Repo, path: &Path) -> Result<(String, Report), Failure> {
    let failure = |line, message| Failure {
        path: relative_to(&repo.root, path),
        line,
        message,
    };
    let loaded =
        source::load(&repo.root.join(path)).map_err(|e| failure(e.line(), e.to_string()))?;
    match report::parse(&loaded.text) {
        Ok(report) => Ok((loaded.text, report)),
        Err(e) => Err(failure(e.line(), strip_line_prefix(&e.to_string()))),
    }
}

/// Add `reader` to the readers of a run, once.
fn note_reader(readers: &mut Vec<PdfReader>, reader: Option<PdfReader>) {
    if let Some(r) = reader {
        if !readers.contains(&r) {
            readers.push(r);
        }
    }
}

/// A report as the first pass found it: read and parsed, or found unchanged since the last run
/// that wrote its snapshots (see [`cache`]).
enum Read {
    Parsed(ParsedReport),
    Recalled { path: PathBuf, entry: cache::Entry },
}

impl Read {
    fn path(&self) -> &Path {
        match self {
            Read::Parsed(p) => &p.path,
            Read::Recalled { path, .. } => path,
        }
    }

    fn start(&self) -> chrono::NaiveDate {
        match self {
            Read::Parsed(p) => p.report.start,
            Read::Recalled { entry, .. } => entry.start,
        }
    }

    fn kind(&self) -> Kind {
        match self {
            Read::Parsed(p) => p.report.kind,
            Read::Recalled { entry, .. } => entry.kind,
        }
    }
}

/// The report at `path`, recalled from the cache where its bytes are those it recorded,
/// otherwise read and parsed (with the PDF reader that read it, if one did).
fn read_or_recall(
    repo: &Repo,
    path: &Path,
    cache: &Cache,
) -> (Option<PdfReader>, Result<Read, Failure>) {
    if let Some(entry) = cache.entries.get(path) {
        let full = repo.root.join(path);
        // The recorded size bounds what is read here; a report of another size is read anew.
        if std::fs::symlink_metadata(&full).is_ok_and(|m| m.is_file() && m.len() == entry.size) {
            if let Some(entry) = store::read_regular_bytes(&full)
                .ok()
                .and_then(|bytes| cache.recall(path, &bytes))
            {
                let recalled = Read::Recalled {
                    path: path.to_path_buf(),
                    entry: entry.clone(),
                };
                return (None, Ok(recalled));
            }
        }
    }
    let (reader, parsed) = read_report_with(repo, path);
    (reader, parsed.map(Read::Parsed))
}

pub(crate) fn strip_line_prefix(message: &str) -> String {
    match message
        .strip_prefix("line ")
        .and_then(|m| m.split_once(": "))
    {
        Some((_, rest)) => rest.to_string(),
        None => message.to_string(),
    }
}

/// Meeting ids for a set of reports: `YYYY-MM`, or `YYYY-MM-DD` for every meeting in a month
/// where two meetings start. Keyed by first meeting day.
pub fn meeting_ids<'a>(
    reports: impl IntoIterator<Item = &'a Report>,
) -> BTreeMap<chrono::NaiveDate, String> {
    ids_by_start(reports.into_iter().map(|r| r.start))
}

fn ids_by_start(
    starts: impl IntoIterator<Item = chrono::NaiveDate>,
) -> BTreeMap<chrono::NaiveDate, String> {
    let starts: BTreeSet<chrono::NaiveDate> = starts.into_iter().collect();
    let mut per_month: BTreeMap<String, usize> = BTreeMap::new();
    for s in &starts {
        *per_month.entry(s.format("%Y-%m").to_string()).or_default() += 1;
    }
    starts
        .iter()
        .map(|s| {
            let month = s.format("%Y-%m").to_string();
            let id = if per_month.get(&month).copied().unwrap_or(0) > 1 {
                s.format("%Y-%m-%d").to_string()
            } else {
                month
            };
            (*s, id)
        })
        .collect()
}

/// Normalise the named reports (all reports in `reports/` when `only` is empty).
///
/// Reports are read, and their snapshots made and written, on as many threads as there are
/// cores; what is reported comes out in the same order as from one thread.
pub fn normalize(repo: &Repo, only: &[PathBuf], mode: UpdateMode) -> Result<Outcome, RepoError> {
    let registry = repo.registry()?;
    let mut paths = repo.reports()?;
    let wanted: Vec<PathBuf> = only.iter().map(|p| relative_to(&repo.root, p)).collect();
    for w in &wanted {
        if !paths.contains(w) {
            paths.push(w.clone());
        }
    }
    let cache = match mode {
        UpdateMode::Write => Cache::open(
            &repo.root,
            store::read_regular_bytes(&repo.root.join(crate::repo::REGISTRY_FILE))
                .ok()
                .as_deref(),
        ),
        UpdateMode::Check => Cache::off(),
    };
    let mut outcome = Outcome::default();
    let mut parsed = Vec::new();
    for (path, (reader, read)) in paths.iter().zip(parallel_map(&paths, |path| {
        crate::guard::guarded(|| read_or_recall(repo, path, &cache))
            .unwrap_or_else(|e| (None, Err(internal_failure(path, &e))))
    })) {
        note_reader(&mut outcome.pdf_readers, reader);
        match read {
            Ok(p) => parsed.push(p),
            Err(f) => {
                if wanted.is_empty() || wanted.contains(path) {
                    outcome.failures.push(f);
                }
            }
        }
    }
    if mode == UpdateMode::Write {
        // What an earlier, killed run left half-written: never a snapshot, but litter.
        store::remove_stale_temp_files(&repo.root);
    }
    let ids = ids_by_start(parsed.iter().map(Read::start));
    // The snapshot files there are, by file name (`2023-10.yaml`), listed once rather than once
    // a report: each report removes the old files of its own meeting and kind, and no two
    // reports that are normalised share a meeting and kind.
    let mut existing: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    if let Ok(scanned) = store::scan(&repo.root) {
        // Links are never followed, so nothing behind one is removed or written; each is
        // named once.
        for e in scanned.refused {
            let path = match &e {
                store::StoreError::Refused { path, .. } => path.clone(),
                _ => PathBuf::from(store::SNAPSHOTS_DIR),
            };
            outcome.failures.push(Failure {
                path,
                line: None,
                message: e.reason(),
            });
        }
        for f in scanned.files {
            if let Some(name) = f.file_name().and_then(|n| n.to_str()) {
                existing.entry(name.to_string()).or_default().push(f);
            }
        }
    }
    // Two reports of one meeting and kind would write the same snapshot files, the second over
    // the first. Neither is normalised, so the snapshots on disk stay as they were, and each is
    // named with the other. All reports count, named or not: naming one does not remove the
    // other from reports/.
    let mut same_meeting: BTreeMap<(String, Kind), Vec<PathBuf>> = BTreeMap::new();
    for p in &parsed {
        if let Some(id) = ids.get(&p.start()) {
            same_meeting
                .entry((id.clone(), p.kind()))
                .or_default()
                .push(p.path().to_path_buf());
        }
    }
    // What to do, in report order: a report refused, or a report to normalise.
    enum Step<'p> {
        Refused(Failure),
        Normalise(Job<'p>),
    }
    let mut steps = Vec::new();
    for p in &parsed {
        if !(wanted.is_empty() || wanted.iter().any(|w| w == p.path())) {
            continue;
        }
        let Some(id) = ids.get(&p.start()).cloned() else {
            continue;
        };
        let others: Vec<String> = same_meeting
            .get(&(id.clone(), p.kind()))
            .into_iter()
            .flatten()
            .filter(|o| **o != p.path())
            .map(|o| display_path(o))
            .collect();
        if !others.is_empty() {
            steps.push(Step::Refused(Failure {
                path: p.path().to_path_buf(),
                line: None,
                message: format!(
                    "is a {kind} of meeting {id}, and so is {others}; keep only one of them in \
                     reports/ (no snapshots of this meeting were written)",
                    kind = p.kind().as_str(),
                    others = others.join(" and "),
                ),
            }));
            continue;
        }
        let old_files = existing
            .remove(&snapshot::file_name(&id, p.kind()))
            .unwrap_or_default();
        steps.push(Step::Normalise(Job {
            read: p,
            id,
            old_files,
        }));
    }
    let jobs: Vec<&Job> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Normalise(j) => Some(j),
            Step::Refused(_) => None,
        })
        .collect();
    let remember = cache.is_on();
    let mut done = parallel_map(&jobs, |job| {
        crate::guard::guarded(|| job.run(repo, &registry, mode, remember)).unwrap_or_else(|e| {
            JobResult {
                failures: vec![internal_failure(job.read.path(), &e)],
                ..JobResult::default()
            }
        })
    })
    .into_iter();
    // The cache after this run: what it held for reports not run now, and what each report
    // that ran cleanly gave.
    let mut entries = cache.entries.clone();
    let listed: BTreeSet<&PathBuf> = paths.iter().collect();
    entries.retain(|path, _| listed.contains(path));
    // (report, (snapshot file, bytes)): what the reports give that differs from the disk.
    let mut writes: Vec<(PathBuf, (PathBuf, Vec<u8>))> = Vec::new();
    for step in steps {
        match step {
            Step::Refused(f) => {
                entries.remove(&f.path);
                outcome.failures.push(f);
            }
            Step::Normalise(job) => {
                let Some(result) = done.next() else { break };
                let path = job.read.path().to_path_buf();
                match result.entry {
                    Some(entry) => entries.insert(path.clone(), entry),
                    None => entries.remove(&path),
                };
                note_reader(&mut outcome.pdf_readers, result.pdf_reader);
                writes.extend(result.writes.into_iter().map(|w| (path.clone(), w)));
                // A report the tool failed on gave no files: it is counted with the failures,
                // not with the reports normalised.
                let failed = result.files.is_empty() && !result.failures.is_empty();
                outcome.failures.extend(result.failures);
                outcome.warnings.extend(result.warnings);
                outcome.files.extend(result.files);
                if !failed {
                    outcome.reports.push(path);
                }
            }
        }
    }
    // Every snapshot file at once, with one wait for the disk (a report whose file could not
    // be written is remembered by no cache entry, and is read in full next time).
    if !writes.is_empty() {
        let files: Vec<(PathBuf, Vec<u8>)> = writes.iter().map(|(_, w)| w.clone()).collect();
        for (rel, e) in store::write_batch(&repo.root, &files) {
            if let Some((report, _)) = writes.iter().find(|(_, (r, _))| *r == rel) {
                entries.remove(report);
            }
            outcome.failures.push(failure_of(&rel, &e));
        }
    }
    // The same link can be refused twice (listed, then on the way to a file to write).
    let mut seen = BTreeSet::new();
    outcome
        .failures
        .retain(|f| seen.insert((f.path.clone(), f.line, f.message.clone())));
    for f in &outcome.failures {
        entries.remove(&f.path);
    }
    if mode == UpdateMode::Write && entries != cache.entries {
        cache.save(&entries);
    }
    outcome.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(outcome)
}

/// In debug builds only, `JBZ_TEST_PANIC_ON` (a report's file name) makes normalising that
/// report panic, so that `tests/guarded.rs` can show that a bug on one report fails that report
/// alone. Release builds never read it.
fn fail_for_fault_tests(path: &Path) {
    #[cfg(debug_assertions)]
    if let Ok(name) = std::env::var("JBZ_TEST_PANIC_ON") {
        if path
            .file_name()
            .is_some_and(|f| f.to_string_lossy() == name)
        {
            let nothing: &[u8] = &[];
            // An index past the end, as a rule that reads past a clause would make.
            let _ = nothing[path.as_os_str().len()];
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = path;
}

/// A report the tool failed on (a bug, caught by [`crate::guard::guarded`]): it is named, its
/// snapshots are left as they were, and the other reports go on.
fn internal_failure(path: &Path, error: &str) -> Failure {
    Failure {
        path: path.to_path_buf(),
        line: None,
        message: crate::guard::bug_on_report(
            error,
            "; its snapshots were left as they were and the other reports were read",
        ),
    }
}

/// One report to normalise, with the snapshot files of its meeting and kind that exist.
struct Job<'p> {
    read: &'p Read,
    id: String,
    old_files: Vec<PathBuf>,
}

/// What normalising one report did.
#[derive(Default)]
struct JobResult {
    files: Vec<FileOutcome>,
    /// The snapshot files to write (write mode), written for all reports at once.
    writes: Vec<(PathBuf, Vec<u8>)>,
    failures: Vec<Failure>,
    warnings: Vec<Failure>,
    /// What to remember of the report, when it ran cleanly in write mode.
    entry: Option<cache::Entry>,
    /// The PDF reader that read the report, where it was read again here.
    pdf_reader: Option<PdfReader>,
}

impl Job<'_> {
    /// Normalise the report; `remember`: make the cache entry of a clean run.
    fn run(
        &self,
        repo: &Repo,
        registry: &crate::dossier::Registry,
        mode: UpdateMode,
        remember: bool,
    ) -> JobResult {
        fail_for_fault_tests(self.read.path());
        match self.read {
            Read::Parsed(p) => self.normalise(repo, registry, mode, p, remember),
            Read::Recalled { path, entry } => match self.recalled(repo, entry) {
                Some(result) => result,
                // Its snapshots are not as it left them: normalise it in full.
                None => match read_report_with(repo, path) {
                    (pdf_reader, Ok(p)) => JobResult {
                        pdf_reader,
                        ..self.normalise(repo, registry, mode, &p, remember)
                    },
                    (pdf_reader, Err(f)) => JobResult {
                        failures: vec![f],
                        pdf_reader,
                        ..JobResult::default()
                    },
                },
            },
        }
    }

    /// The outcome of a report the cache recalls, if its snapshots are exactly the files it
    /// gave last time: the same meeting id, no other file of that meeting, every file there
    /// with the same bytes. Normalising it would change nothing.
    fn recalled(&self, repo: &Repo, entry: &cache::Entry) -> Option<JobResult> {
        if entry.id != self.id
            || !self
                .old_files
                .iter()
                .all(|old| entry.files.iter().any(|(f, _)| f == old))
        {
            return None;
        }
        let mut files = Vec::with_capacity(entry.files.len());
        for (rel, sha) in &entry.files {
            let bytes = store::read_regular_bytes(&repo.root.join(rel)).ok()?;
            if cache::sha256_hex(&bytes) != *sha {
                return None;
            }
            files.push(FileOutcome {
                path: rel.clone(),
                status: FileStatus::Unchanged,
                first_difference: None,
            });
        }
        Some(JobResult {
            files,
            entry: Some(entry.clone()),
            ..JobResult::default()
        })
    }

    fn normalise(
        &self,
        repo: &Repo,
        registry: &crate::dossier::Registry,
        mode: UpdateMode,
        p: &ParsedReport,
        remember: bool,
    ) -> JobResult {
        let mut out = JobResult::default();
        let mut remembered = Vec::new();
        let meeting = MeetingRef {
            id: self.id.clone(),
            council: COUNCIL.to_string(),
            start: p.report.start,
            end: p.report.end,
        };
        let source = Source {
            path: display_path(&p.path),
            kind: p.report.kind,
            sha256: p.sha256.clone(),
        };
        let snapshots = crate::extract::snapshots(&p.report, registry, &meeting, &source);
        out.warnings = p
            .report
            .warnings
            .iter()
            .map(|w| Failure {
                path: p.path.clone(),
                line: Some(w.line),
                message: w.message.clone(),
            })
            .collect();
        // Every agenda item must land in some dossier; one that does not is lost to the reader.
        for part in &p.report.parts {
            for item in &part.items {
                let placed = snapshots.iter().any(|s| {
                    s.items
                        .iter()
                        .any(|i| i.part == part.name && i.number == item.number)
                });
                if !placed {
                    out.failures.push(Failure {
                        path: p.path.clone(),
                        line: Some(item.line),
                        message: format!(
                            "agenda item {}. '{}' lands in no dossier; this is a bug in jbz-track, please report it",
                            item.number, item.heading
                        ),
                    });
                }
            }
        }
        let mut produced = BTreeSet::new();
        for snap in &snapshots {
            let rel = store::relative_path(&snap.dossier.id, &snap.file_name());
            produced.insert(rel.clone());
            let text = match store::render(snap) {
                Ok(t) => t,
                Err(e) => {
                    out.failures.push(Failure {
                        path: rel,
                        line: None,
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            match update(repo, &rel, &text) {
                Ok(f) => {
                    if remember {
                        remembered.push((rel.clone(), cache::sha256_hex(text.as_bytes())));
                    }
                    let changed = f.status != FileStatus::Unchanged;
                    out.files.push(f);
                    if mode == UpdateMode::Write && changed {
                        out.writes.push((rel, text.into_bytes()));
                    }
                }
                Err(f) => out.failures.push(f),
            }
        }
        // Snapshots of this meeting and kind that the report no longer gives.
        for old in &self.old_files {
            if produced.contains(old) {
                continue;
            }
            if mode == UpdateMode::Write {
                if let Err(e) = store::remove_within(&repo.root, old) {
                    out.failures.push(failure_of(old, &e));
                    continue;
                }
            }
            out.files.push(FileOutcome {
                path: old.clone(),
                status: FileStatus::Removed,
                first_difference: None,
            });
        }
        // A report with warnings is read again each time, so that its warnings are shown
        // each time.
        if remember
            && mode == UpdateMode::Write
            && out.failures.is_empty()
            && out.warnings.is_empty()
        {
            out.entry = Some(cache::Entry {
                size: p.size,
                sha256: p.sha256.clone(),
                start: p.report.start,
                end: p.report.end,
                kind: p.report.kind,
                id: self.id.clone(),
                files: remembered,
            });
        }
        out
    }
}

/// `items.iter().map(f).collect()`, on rayon's threads (one per core), in the order of
/// `items`.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

fn relative_to(root: &Path, p: &Path) -> PathBuf {
    if let (Ok(root), Ok(full)) = (root.canonicalize(), p.canonicalize()) {
        if let Ok(rel) = full.strip_prefix(&root) {
            return rel.to_path_buf();
        }
        return full;
    }
    p.to_path_buf()
}

/// A failure about `rel` from a store error: named by the link where a link is refused, and
/// with the path said once.
fn failure_of(rel: &Path, e: &store::StoreError) -> Failure {
    Failure {
        path: match e {
            store::StoreError::Refused { path, .. } => path.clone(),
            _ => rel.to_path_buf(),
        },
        line: None,
        message: e.reason(),
    }
}

/// What writing `text` to `rel` would do. The file is not written here: in write mode every
/// file a run changes is written at the end, together ([`store::write_batch`]).
fn update(repo: &Repo, rel: &Path, text: &str) -> Result<FileOutcome, Failure> {
    if let Some((link, target)) = store::link_on_path(&repo.root, rel) {
        return Err(failure_of(rel, &store::link_refused(&link, &target)));
    }
    let full = repo.root.join(rel);
    // A file there that cannot be read (unreadable, a FIFO, too large) is not what the report
    // gives: it is stale, and writing replaces it.
    let (status, old) = match store::read_regular(&full) {
        Ok(o) if o == text => (FileStatus::Unchanged, Some(o)),
        Ok(o) => (FileStatus::Updated, Some(o)),
        Err(e) if e.is_not_found() => (FileStatus::Created, None),
        Err(_) => (FileStatus::Updated, None),
    };
    let first_difference = old.as_deref().and_then(|o| first_difference(o, text));
    Ok(FileOutcome {
        path: rel.to_path_buf(),
        status,
        first_difference,
    })
}

/// The 1-based number of the first line where two texts differ.
fn first_difference(a: &str, b: &str) -> Option<usize> {
    let mut al = a.lines();
    let mut bl = b.lines();
    let mut n = 1;
    loop {
        match (al.next(), bl.next()) {
            (None, None) => return None,
            (x, y) if x != y => return Some(n),
            _ => n += 1,
        }
    }
}
