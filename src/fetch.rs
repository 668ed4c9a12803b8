//! `fetch`: new agendas and verslagen of Kamerstukdossier 32317 (JBZ-Raad) from the Tweede
//! Kamer's open data, into `reports/` under the names `ingest` gives them.
//!
//! The source is the Gegevensmagazijn's OData v4 API (documented at
//! <https://opendata.tweedekamer.nl/documentatie/odata-api>): the entity set `Document`,
//! filtered on the Kamerstukdossier number and the document kinds, paged by `@odata.nextLink`,
//! and each file read from `Document(<Id>)/resource`. Which documents are reports is decided
//! by their subject (`Onderwerp`): a *geannoteerde agenda* or a *verslag*. Each file is handed
//! to [`crate::ingest::ingest`], so the naming, the recognition of a file already there by its
//! checksum, and the refusal of a second, different file for one meeting are ingest's.
//!
//! What was fetched is remembered in `reports/.fetched.tsv` (document id, change date, SHA-256,
//! path), so that a second run downloads nothing it has; a document changed upstream (a new
//! `GewijzigdOp`) is fetched again and compared by checksum.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::ingest::Ingested;
use crate::repo::{display_path, Repo, REPORTS_DIR};

/// The Gegevensmagazijn's OData v4 root.
pub const DEFAULT_API: &str = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0";

/// The Kamerstukdossier of the JBZ-Raad's agendas and verslagen.
pub const DOSSIER: u32 = 32317;

/// The document kinds (`Soort`) the government's agendas and verslagen are filed under: the
/// letter itself, or the report as its annex.
pub const KINDS: [&str; 2] = ["Brief regering", "Bijlage"];

/// The record of what was fetched, inside `reports/` (not a report: its ending is not read).
pub const RECORD_FILE: &str = ".fetched.tsv";

/// The user agent sent with every request: the tool and its version.
pub const USER_AGENT: &str = concat!(
    "jbz-track/",
    env!("CARGO_PKG_VERSION"),
    " (JBZ-Raad report tracker; fetches Kamerstukdossier 32317)"
);

/// A file larger than this is not a report (the real ones are well under 5 MB).
const MAX_DOWNLOAD: u64 = 64 * 1024 * 1024;

/// How `fetch` runs.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The OData root (default [`DEFAULT_API`]; tests point it at a local server).
    pub api: String,
    /// Only documents dated on or after this day.
    pub since: Option<NaiveDate>,
    /// List what would be fetched; download and write nothing.
    pub dry_run: bool,
    /// The time limit of one request, connection and body included.
    pub timeout: Duration,
    /// How many times a failed request is tried again.
    pub retries: u32,
    /// The wait before the first retry; it doubles for each next one.
    pub backoff: Duration,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            api: DEFAULT_API.to_string(),
            since: None,
            dry_run: false,
            timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_millis(500),
        }
    }
}

/// One `Document` as the API lists it (the fields `fetch` selects).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Document {
    /// The document's GUID.
    #[serde(rename = "Id")]
    pub id: String,
    /// Its kind: `Brief regering`, `Bijlage`, …
    #[serde(rename = "Soort", default)]
    pub soort: Option<String>,
    /// The registration number, `2023D43210`.
    #[serde(rename = "DocumentNummer", default)]
    pub nummer: Option<String>,
    /// The subject: `Geannoteerde agenda van de JBZ-Raad van 12 en 13 juni 2025`.
    #[serde(rename = "Onderwerp", default)]
    pub onderwerp: Option<String>,
    /// The title (often the dossier's name).
    #[serde(rename = "Titel", default)]
    pub titel: Option<String>,
    /// The document's date (an OData `DateTimeOffset`).
    #[serde(rename = "Datum", default)]
    pub datum: Option<String>,
    /// The MIME type of the file behind `resource`.
    #[serde(rename = "ContentType", default)]
    pub content_type: Option<String>,
    /// When the record last changed.
    #[serde(rename = "GewijzigdOp", default)]
    pub gewijzigd_op: Option<String>,
}

impl Document {
    /// What the document is called in messages: its number and subject.
    pub fn label(&self) -> String {
        let subject = self
            .onderwerp
            .as_deref()
            .or(self.titel.as_deref())
            .unwrap_or("(no subject)");
        format!("{} {subject}", self.nummer.as_deref().unwrap_or(&self.id))
    }

    /// Whether its subject names an annotated agenda or a verslag of the Council.
    pub fn is_report(&self) -> bool {
        let subject = self.onderwerp.as_deref().unwrap_or_default().to_lowercase();
        subject.contains("geannoteerde agenda")
            || subject.starts_with("verslag")
            || subject.contains("verslag van de")
            || subject.contains("verslag jbz")
    }
}

/// One page of an OData collection.
#[derive(Debug, Deserialize)]
struct Page {
    value: Vec<Document>,
    #[serde(rename = "@odata.nextLink", default)]
    next_link: Option<String>,
}

/// What `fetch` did with one listed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// Downloaded and stored under a new name.
    Added {
        /// The document.
        doc: Document,
        /// Its path in the repository.
        path: PathBuf,
    },
    /// Downloaded; the same bytes were already in `reports/`.
    AlreadyThere {
        /// The document.
        doc: Document,
        /// The file that holds them.
        path: PathBuf,
    },
    /// In the record of earlier runs, unchanged upstream: not downloaded.
    Known {
        /// The document.
        doc: Document,
        /// Where it was stored (none: it was no report).
        path: Option<String>,
    },
    /// `--dry-run`: would be downloaded.
    WouldFetch {
        /// The document.
        doc: Document,
    },
    /// Not an agenda or verslag, or a file that is not a report: left out, and remembered.
    Skipped {
        /// The document.
        doc: Document,
        /// Why.
        reason: String,
    },
    /// Downloaded, but not stored: the download or `ingest` failed.
    Failed {
        /// The document.
        doc: Document,
        /// What went wrong.
        reason: String,
    },
}

/// The result of a run.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Every document the API listed, with what was done with it, in the API's order.
    pub documents: Vec<Fetched>,
    /// The number of pages read.
    pub pages: usize,
}

impl Outcome {
    /// The reports added to `reports/`.
    pub fn added(&self) -> impl Iterator<Item = &PathBuf> {
        self.documents.iter().filter_map(|f| match f {
            Fetched::Added { path, .. } => Some(path),
            _ => None,
        })
    }

    /// Whether any document failed.
    pub fn failed(&self) -> bool {
        self.documents
            .iter()
            .any(|f| matches!(f, Fetched::Failed { .. }))
    }
}

/// Why `fetch` stopped.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// No answer from the API, after the retries.
    #[error(
        "cannot reach the Tweede Kamer's open data at {url} ({attempts} attempt{}): {cause}; \
         check the network connection (or --api), and try again later",
        if *.attempts == 1 { "" } else { "s" }
    )]
    Unreachable {
        /// The request.
        url: String,
        /// How many times it was tried.
        attempts: u32,
        /// The last failure.
        cause: String,
    },
    /// The API answered with an error status.
    #[error("{url}: the open data API answered {status}{}", retry_hint(*.status))]
    Status {
        /// The request.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// The answer was not an OData collection of documents.
    #[error("{url}: the answer is not an OData list of documents: {cause}")]
    BadAnswer {
        /// The request.
        url: String,
        /// What was wrong.
        cause: String,
    },
    /// The record of earlier runs could not be read or written.
    #[error("{path}: {cause}")]
    Record {
        /// The file.
        path: String,
        /// What was wrong.
        cause: String,
    },
    /// The repository could not be read.
    #[error(transparent)]
    Repo(#[from] crate::repo::RepoError),
}

fn retry_hint(status: u16) -> &'static str {
    if status >= 500 || status == 429 {
        " after every retry; the service may be down, try again later"
    } else {
        ""
    }
}

/// Fetch the new agendas and verslagen into `repo`'s `reports/`.
///
/// Listing failures stop the run ([`FetchError`]); a document that cannot be downloaded or
/// read is [`Fetched::Failed`] and the others still run, as `normalize` does with reports.
pub fn fetch(repo: &Repo, options: &FetchOptions) -> Result<Outcome, FetchError> {
    let client = Client::new(options);
    let record_path = repo.root.join(REPORTS_DIR).join(RECORD_FILE);
    let mut record = Record::read(&record_path)?;
    let mut outcome = Outcome::default();
    let listed = list_and_store(repo, options, &client, &mut record, &mut outcome);
    // What was stored before a later page failed is remembered all the same.
    if !options.dry_run {
        record.write(&record_path)?;
    }
    listed.map(|()| outcome)
}

fn list_and_store(
    repo: &Repo,
    options: &FetchOptions,
    client: &Client,
    record: &mut Record,
    outcome: &mut Outcome,
) -> Result<(), FetchError> {
    let mut url = Some(list_url(&options.api, options.since));
    while let Some(u) = url.take() {
        let bytes = client.get(&u)?;
        let page: Page = serde_json::from_slice(&bytes).map_err(|e| FetchError::BadAnswer {
            url: u.split('?').next().unwrap_or(&u).to_string(),
            cause: e.to_string(),
        })?;
        outcome.pages += 1;
        for doc in page.value {
            let done = one(repo, client, options, record, doc);
            outcome.documents.push(done);
        }
        url = page.next_link.map(|next| absolute(&options.api, &next));
        // A server that links a page to itself would loop for ever.
        if outcome.pages > 1000 {
            break;
        }
    }
    Ok(())
}

fn one(
    repo: &Repo,
    client: &Client,
    options: &FetchOptions,
    record: &mut Record,
    doc: Document,
) -> Fetched {
    if let Some(seen) = record.entries.get(&doc.id) {
        if seen.changed == doc.gewijzigd_op.clone().unwrap_or_default() {
            let path = (!seen.path.is_empty()).then(|| seen.path.clone());
            return Fetched::Known { doc, path };
        }
    }
    if !doc.is_report() {
        let reason = "not an agenda or verslag by its subject".to_string();
        if !options.dry_run {
            record.remember(&doc, "", "");
        }
        return Fetched::Skipped { doc, reason };
    }
    if options.dry_run {
        return Fetched::WouldFetch { doc };
    }
    let url = format!("{}/Document({})/resource", options.api, doc.id);
    let bytes = match client.get(&url) {
        Ok(b) => b,
        Err(e) => {
            return Fetched::Failed {
                reason: e.to_string(),
                doc,
            }
        }
    };
    let sha = hex(&Sha256::digest(&bytes));
    // ingest reads a file: the download goes to a temporary one first, outside reports/.
    let tmp = std::env::temp_dir().join(format!(
        "jbz-track-fetch-{}-{}",
        std::process::id(),
        doc.id
            .replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_")
    ));
    if let Err(e) = std::fs::write(&tmp, &bytes) {
        return Fetched::Failed {
            reason: format!("{}: {e}", tmp.display()),
            doc,
        };
    }
    let result = crate::ingest::ingest(repo, &tmp, false);
    let _ = std::fs::remove_file(&tmp);
    match result {
        Ok(Ingested::Added { path }) | Ok(Ingested::Replaced { path, .. }) => {
            record.remember(&doc, &sha, &display_path(&path));
            Fetched::Added { doc, path }
        }
        Ok(Ingested::AlreadyThere { path }) => {
            record.remember(&doc, &sha, &display_path(&path));
            Fetched::AlreadyThere { doc, path }
        }
        Err(f) => {
            let message = f.message.clone();
            if message.contains("already in the repository") {
                // Another file for a meeting there is: a person decides (ingest --replace).
                Fetched::Failed {
                    reason: format!(
                        "{message} (download it from {url} and run `jbz-track ingest --replace`)"
                    ),
                    doc,
                }
            } else {
                // A letter of the dossier that is no report: remembered, not tried again.
                record.remember(&doc, &sha, "");
                Fetched::Skipped {
                    reason: format!("not read as a report: {message}"),
                    doc,
                }
            }
        }
    }
}

/// The first page's URL: documents of the dossier, of the report kinds, not deleted, oldest
/// first, with only the fields used.
pub fn list_url(api: &str, since: Option<NaiveDate>) -> String {
    let kinds: Vec<String> = KINDS.iter().map(|k| format!("Soort eq '{k}'")).collect();
    let mut filter = format!(
        "Verwijderd eq false and Kamerstukdossier/any(d:d/Nummer eq {DOSSIER}) and ({})",
        kinds.join(" or ")
    );
    if let Some(day) = since {
        filter.push_str(&format!(" and Datum ge {day}T00:00:00Z"));
    }
    format!(
        "{}/Document?$filter={}&$orderby={}&$select={}",
        api.trim_end_matches('/'),
        encode(&filter),
        encode("Datum asc,Id asc"),
        encode("Id,Soort,DocumentNummer,Onderwerp,Titel,Datum,ContentType,GewijzigdOp")
    )
}

/// A `nextLink` may be relative to the service root (OData allows both).
fn absolute(api: &str, link: &str) -> String {
    if link.starts_with("http://") || link.starts_with("https://") {
        link.to_string()
    } else {
        format!(
            "{}/{}",
            api.trim_end_matches('/'),
            link.trim_start_matches('/')
        )
    }
}

/// Percent-encode a query value (RFC 3986: everything but the unreserved characters).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A blocking HTTP client that retries what may pass (no connection, time-outs, 5xx, 429,
/// a body cut short) with a doubling wait, and nothing else.
struct Client {
    agent: ureq::Agent,
    retries: u32,
    backoff: Duration,
}

enum Attempt {
    Done(Vec<u8>),
    /// Worth another try.
    Again(String),
    /// Final.
    Fail(FetchError),
}

impl Client {
    fn new(options: &FetchOptions) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .build();
        Client {
            agent: config.into(),
            retries: options.retries,
            backoff: options.backoff,
        }
    }

    fn get(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        let attempts = self.retries + 1;
        let mut wait = self.backoff;
        let mut last = String::new();
        let mut last_status = None;
        for attempt in 1..=attempts {
            match self.attempt(url) {
                Attempt::Done(bytes) => return Ok(bytes),
                Attempt::Fail(e) => return Err(e),
                Attempt::Again(cause) => {
                    last_status = cause
                        .strip_prefix("status ")
                        .and_then(|s| s.parse::<u16>().ok());
                    last = cause;
                }
            }
            if attempt < attempts {
                std::thread::sleep(wait);
                wait = wait.saturating_mul(2);
            }
        }
        // The query is long and the same every time: messages name the resource.
        let url = url.split('?').next().unwrap_or(url).to_string();
        Err(match last_status {
            Some(status) => FetchError::Status { url, status },
            None => FetchError::Unreachable {
                url,
                attempts,
                cause: last,
            },
        })
    }

    fn attempt(&self, url: &str) -> Attempt {
        let mut response = match self
            .agent
            .get(url)
            .header("Accept", "application/json, */*")
            .call()
        {
            Ok(r) => r,
            Err(e) => return Attempt::Again(describe(&e)),
        };
        let status = response.status().as_u16();
        if status == 429 || status >= 500 {
            return Attempt::Again(format!("status {status}"));
        }
        if status >= 400 {
            return Attempt::Fail(FetchError::Status {
                url: url.split('?').next().unwrap_or(url).to_string(),
                status,
            });
        }
        let expected = response
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let mut bytes = Vec::new();
        let read = response
            .body_mut()
            .with_config()
            .limit(MAX_DOWNLOAD)
            .reader()
            .read_to_end(&mut bytes);
        if let Err(e) = read {
            return Attempt::Again(format!(
                "the answer was cut off after {} bytes ({e})",
                bytes.len()
            ));
        }
        if let Some(n) = expected {
            if bytes.len() as u64 != n {
                return Attempt::Again(format!(
                    "the answer was cut off: {} of {n} bytes",
                    bytes.len()
                ));
            }
        }
        Attempt::Done(bytes)
    }
}

fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "no answer within the time limit (--timeout)".to_string(),
        ureq::Error::ConnectionFailed => "the connection failed".to_string(),
        ureq::Error::HostNotFound => "the host name could not be resolved".to_string(),
        ureq::Error::Io(io) => format!("{io}"),
        other => other.to_string(),
    }
}

/// `reports/.fetched.tsv`: one line per document seen, sorted by id, so that the file changes
/// only where the API did.
#[derive(Debug, Default)]
struct Record {
    entries: BTreeMap<String, Seen>,
}

#[derive(Debug, Clone)]
struct Seen {
    changed: String,
    sha256: String,
    path: String,
    label: String,
}

const RECORD_HEADER: &str = "# jbz-track fetch: documents of Kamerstukdossier 32317 already seen (id, GewijzigdOp, sha256, path in reports/ or empty when not a report, number and subject)";

impl Record {
    fn read(path: &Path) -> Result<Record, FetchError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Record::default()),
            Err(e) => {
                return Err(FetchError::Record {
                    path: display_path(path),
                    cause: e.to_string(),
                })
            }
        };
        let mut entries = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.splitn(5, '\t').collect();
            let [id, changed, sha256, p, label] = f.as_slice() else {
                return Err(FetchError::Record {
                    path: format!("{}:{}", display_path(path), i + 1),
                    cause: "expected 5 fields separated by tabs; delete the line (or the file) \
                            to fetch that document again"
                        .to_string(),
                });
            };
            entries.insert(
                id.to_string(),
                Seen {
                    changed: changed.to_string(),
                    sha256: sha256.to_string(),
                    path: p.to_string(),
                    label: label.to_string(),
                },
            );
        }
        Ok(Record { entries })
    }

    fn remember(&mut self, doc: &Document, sha256: &str, path: &str) {
        let clean = |s: String| s.replace(['\t', '\n', '\r'], " ");
        self.entries.insert(
            doc.id.clone(),
            Seen {
                changed: clean(doc.gewijzigd_op.clone().unwrap_or_default()),
                sha256: sha256.to_string(),
                path: path.to_string(),
                label: clean(doc.label()),
            },
        );
    }

    fn write(&self, path: &Path) -> Result<(), FetchError> {
        if self.entries.is_empty() && !path.exists() {
            return Ok(());
        }
        let mut text = String::from(RECORD_HEADER);
        text.push('\n');
        for (id, s) in &self.entries {
            text.push_str(&format!(
                "{id}\t{}\t{}\t{}\t{}\n",
                s.changed, s.sha256, s.path, s.label
            ));
        }
        if std::fs::read_to_string(path).ok().as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        crate::store::fs::write_atomic(path, text.as_bytes()).map_err(|e| FetchError::Record {
            path: display_path(path),
            cause: e.to_string(),
        })
    }
}

impl fmt::Display for Fetched {
    /// One line, as `fetch` prints it: a word, then the path or the document.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fetched::Added { doc, path } => {
                write!(
                    f,
                    "{:>10}  {}  ({})",
                    "added",
                    display_path(path),
                    doc.label()
                )
            }
            Fetched::AlreadyThere { doc, path } => write!(
                f,
                "{:>10}  {}  ({})",
                "have",
                display_path(path),
                doc.label()
            ),
            Fetched::Known { doc, path } => match path {
                Some(p) => write!(f, "{:>10}  {p}  ({})", "known", doc.label()),
                None => write!(f, "{:>10}  {} — not a report", "known", doc.label()),
            },
            Fetched::WouldFetch { doc } => write!(f, "{:>10}  {}", "would get", doc.label()),
            Fetched::Skipped { doc, reason } => {
                write!(f, "{:>10}  {} — {reason}", "skipped", doc.label())
            }
            Fetched::Failed { doc, reason } => {
                write!(f, "{:>10}  {} — {reason}", "failed", doc.label())
            }
        }
    }
}

impl Outcome {
    /// The closing line: how many documents were listed and what became of them.
    pub fn summary(&self, dry_run: bool) -> String {
        let count = |p: fn(&Fetched) -> bool| self.documents.iter().filter(|d| p(d)).count();
        let added = count(|d| matches!(d, Fetched::Added { .. }));
        let would = count(|d| matches!(d, Fetched::WouldFetch { .. }));
        let have = count(|d| {
            matches!(
                d,
                Fetched::AlreadyThere { .. } | Fetched::Known { path: Some(_), .. }
            )
        });
        let skipped = count(|d| {
            matches!(
                d,
                Fetched::Skipped { .. } | Fetched::Known { path: None, .. }
            )
        });
        let failed = count(|d| matches!(d, Fetched::Failed { .. }));
        let n = self.documents.len();
        let mut parts = Vec::new();
        if dry_run {
            parts.push(format!("{would} to fetch"));
        } else {
            parts.push(format!("{added} added"));
        }
        parts.push(format!("{have} already there"));
        if skipped > 0 {
            parts.push(format!("{skipped} not reports"));
        }
        if failed > 0 {
            parts.push(format!("{failed} failed"));
        }
        format!(
            "{n} document{} of dossier {DOSSIER} listed: {}",
            if n == 1 { "" } else { "s" },
            parts.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_url_filters_on_dossier_kinds_and_date() {
        let u = list_url("http://x/OData/v4/2.0", NaiveDate::from_ymd_opt(2024, 1, 1));
        assert!(u.starts_with("http://x/OData/v4/2.0/Document?$filter="));
        let mut decoded = u.clone();
        for (code, c) in [
            ("%20", " "),
            ("%27", "'"),
            ("%2F", "/"),
            ("%28", "("),
            ("%29", ")"),
            ("%3A", ":"),
        ] {
            decoded = decoded.replace(code, c);
        }
        assert!(decoded.contains("Kamerstukdossier/any(d:d/Nummer eq 32317)"));
        assert!(decoded.contains("Soort eq 'Brief regering' or Soort eq 'Bijlage'"));
        assert!(decoded.contains("Datum ge 2024-01-01T00:00:00Z"));
    }

    #[test]
    fn subjects_tell_reports_from_other_letters() {
        let doc = |s: &str| Document {
            id: "x".into(),
            soort: None,
            nummer: None,
            onderwerp: Some(s.into()),
            titel: None,
            datum: None,
            content_type: None,
            gewijzigd_op: None,
        };
        assert!(
            doc("Geannoteerde agenda van de formele JBZ-Raad van 12 en 13 juni 2025").is_report()
        );
        assert!(doc("Verslag van de JBZ-Raad van 19 en 20 oktober 2023").is_report());
        assert!(!doc("Fiche: Verordening terugkeer").is_report());
    }

    #[test]
    fn relative_next_links_are_resolved_against_the_root() {
        assert_eq!(
            absolute("http://h/OData/v4/2.0", "Document?$skip=250"),
            "http://h/OData/v4/2.0/Document?$skip=250"
        );
        assert_eq!(absolute("http://h/a", "http://o/b"), "http://o/b");
    }
}
