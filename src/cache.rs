//! What `normalize` last wrote, so that a re-run can tell an unchanged report from its bytes
//! instead of reading it again.
//!
//! After a run that writes, the cache records for each report that normalised cleanly: its
//! size and SHA-256, its meeting, and the snapshot files it gave with the SHA-256 of each. A
//! later run that finds the same report bytes, the same meeting id, and every one of those
//! files on disk with the same bytes (and no other file of that meeting) knows that normalising
//! would change nothing, and skips the parse and the extraction. Anything else (another build
//! of jbz-track, an edited `dossiers.yaml`, a hand-edited snapshot, a missing file, a
//! report that moved) falls back to the full run. `normalize --check` and `check` never use
//! it: they always read every report.
//!
//! The cache is kept in the repository's `.git` folder (`.git/jbz-track/normalize-cache.tsv`),
//! so it is never committed and a fresh clone has none; a repository that is not a git
//! checkout has none unless `JBZ_CACHE_DIR` names a folder for it. `JBZ_CACHE=off` turns it
//! off. It is only an aid: a cache that cannot be read or written is ignored.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::report::Kind;

/// The first line of a cache file; another version of the format is ignored.
const FORMAT: &str = "jbz-track normalize cache 1";

/// What one report gave when it was last normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The report's size in bytes.
    pub size: u64,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
    /// First meeting day.
    pub start: NaiveDate,
    /// Last meeting day.
    pub end: NaiveDate,
    /// Verslag or agenda.
    pub kind: Kind,
    /// The meeting id its snapshots were written under.
    pub id: String,
    /// Each snapshot file (relative to the repository) and the SHA-256 of its bytes.
    pub files: Vec<(PathBuf, String)>,
}

/// The cache of one repository for one build of jbz-track.
#[derive(Debug, Default)]
pub struct Cache {
    /// Where it is kept; `None` when caching is off or there is nowhere to keep it.
    file: Option<PathBuf>,
    /// What the entries depend on besides the report: this build, the dossier registry.
    key: String,
    /// By report path, relative to the repository.
    pub entries: BTreeMap<PathBuf, Entry>,
}

impl Cache {
    /// No cache: nothing is recalled or saved.
    pub fn off() -> Cache {
        Cache::default()
    }

    /// The cache of the repository at `root`, whose dossier registry file holds `registry`
    /// (`None` for the built-in registry). Empty when there is none yet, or it was made by
    /// another build or for another registry.
    pub fn open(root: &Path, registry: Option<&[u8]>) -> Cache {
        let Some(file) = cache_file(root) else {
            return Cache::off();
        };
        let key = build_key(registry);
        let entries = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| parse(&text, &key))
            .unwrap_or_default();
        Cache {
            file: Some(file),
            key,
            entries,
        }
    }

    /// Whether there is a cache to recall from and save to.
    pub fn is_on(&self) -> bool {
        self.file.is_some()
    }

    /// The entry of a report, if its bytes are still those the entry was made from.
    pub fn recall(&self, path: &Path, bytes: &[u8]) -> Option<&Entry> {
        let entry = self.entries.get(path)?;
        (entry.size == bytes.len() as u64 && entry.sha256 == sha256_hex(bytes)).then_some(entry)
    }

    /// Write the cache with `entries`, whole or not at all. Failing to is not an error.
    pub fn save(&self, entries: &BTreeMap<PathBuf, Entry>) {
        let Some(file) = &self.file else {
            return;
        };
        let mut text = format!("{FORMAT}\t{}\n", self.key);
        for (path, e) in entries {
            let Some(path) = clean_field(path) else {
                continue;
            };
            let _ = writeln!(
                text,
                "R\t{path}\t{}\t{}\t{}\t{}\t{}\t{}",
                e.size,
                e.sha256,
                e.start,
                e.end,
                e.kind.as_str(),
                e.id
            );
            for (f, sha) in &e.files {
                if let Some(f) = clean_field(f) {
                    let _ = writeln!(text, "F\t{f}\t{sha}");
                }
            }
        }
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = crate::store::fs::write_atomic(file, text.as_bytes());
    }
}

/// SHA-256 of some bytes, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// A path as a field of the file: `/`-separated, with no tab or line break in it.
fn clean_field(path: &Path) -> Option<String> {
    let s = path.to_str()?.replace('\\', "/");
    (!s.contains(['\t', '\n', '\r'])).then_some(s)
}

/// This build of jbz-track (its version, revision, and the executable's size and time, so
/// that any rebuild counts as another build) and the registry it reads dossiers with.
fn build_key(registry: Option<&[u8]>) -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}:{modified}", m.len())
        })
        .unwrap_or_default();
    let registry = registry.map_or_else(|| "built-in".to_string(), sha256_hex);
    format!(
        "{}{} exe={exe} registry={registry}",
        env!("CARGO_PKG_VERSION"),
        env!("JBZ_GIT_SUFFIX")
    )
}

/// The cache file of the repository at `root`: in its `.git` folder where it has one (never
/// committed, gone with the clone), else in `$JBZ_CACHE_DIR` where that is set, named by a hash
/// of the repository's absolute path; otherwise none.
fn cache_file(root: &Path) -> Option<PathBuf> {
    if std::env::var_os("JBZ_CACHE").is_some_and(|v| v == "off" || v == "0") {
        return None;
    }
    let git = root.join(".git");
    if git.is_dir() {
        return Some(git.join("jbz-track").join("normalize-cache.tsv"));
    }
    let dir = PathBuf::from(std::env::var_os("JBZ_CACHE_DIR").filter(|d| !d.is_empty())?);
    let root = root.canonicalize().ok()?;
    let name = sha256_hex(root.as_os_str().as_encoded_bytes());
    Some(dir.join(format!("{}.tsv", &name[..24])))
}

/// The entries of a cache file made with `key`; `None` for another format or key, or a file
/// that does not read.
fn parse(text: &str, key: &str) -> Option<BTreeMap<PathBuf, Entry>> {
    let mut lines = text.lines();
    let (format, file_key) = lines.next()?.split_once('\t')?;
    if format != FORMAT || file_key != key {
        return None;
    }
    let mut entries = BTreeMap::new();
    let mut current: Option<(PathBuf, Entry)> = None;
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["R", path, size, sha, start, end, kind, id] => {
                if let Some((p, e)) = current.take() {
                    entries.insert(p, e);
                }
                let entry = Entry {
                    size: size.parse().ok()?,
                    sha256: sha.to_string(),
                    start: start.parse().ok()?,
                    end: end.parse().ok()?,
                    kind: match *kind {
                        "verslag" => Kind::Verslag,
                        "agenda" => Kind::Agenda,
                        _ => return None,
                    },
                    id: id.to_string(),
                    files: Vec::new(),
                };
                current = Some((PathBuf::from(path), entry));
            }
            ["F", path, sha] => current
                .as_mut()?
                .1
                .files
                .push((PathBuf::from(path), sha.to_string())),
            _ => return None,
        }
    }
    if let Some((p, e)) = current {
        entries.insert(p, e);
    }
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Entry {
        Entry {
            size: 3,
            sha256: sha256_hex(b"abc"),
            start: NaiveDate::from_ymd_opt(2023, 10, 19).expect("date"),
            end: NaiveDate::from_ymd_opt(2023, 10, 20).expect("date"),
            kind: Kind::Verslag,
            id: "2023-10".to_string(),
            files: vec![(
                PathBuf::from("snapshots/csam-verordening/2023-10.yaml"),
                sha256_hex(b"x"),
            )],
        }
    }

    #[test]
    fn entries_survive_a_save_and_open_and_are_recalled_by_their_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache {
            file: Some(dir.path().join("c.tsv")),
            key: "k".to_string(),
            entries: BTreeMap::new(),
        };
        let mut entries = BTreeMap::new();
        entries.insert(PathBuf::from("reports/a.txt"), entry());
        cache.save(&entries);
        let text = std::fs::read_to_string(dir.path().join("c.tsv")).expect("saved");
        let read = parse(&text, "k").expect("parses");
        assert_eq!(read, entries);
        let cache = Cache {
            entries: read,
            ..cache
        };
        assert!(cache.recall(Path::new("reports/a.txt"), b"abc").is_some());
        assert!(
            cache.recall(Path::new("reports/a.txt"), b"abd").is_none(),
            "other bytes"
        );
        assert!(
            cache.recall(Path::new("reports/b.txt"), b"abc").is_none(),
            "other path"
        );
        assert!(parse(&text, "another build").is_none(), "another key");
        assert!(parse("garbage", "k").is_none());
        assert!(parse(&format!("{FORMAT}\tk\nR\tonly-two\n"), "k").is_none());
    }
}
