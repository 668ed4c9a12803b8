//! Where snapshots live: [`fs`] reads and writes the working tree, [`git`] reads a revision
//! from the repository's object database. Both end in a [`Collection`], which the reading
//! commands (`show`, `dossiers`, `diff`, `timeline`) work on without knowing where it came from.

pub mod fs;
pub mod git;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::report::Kind;
use crate::snapshot::Snapshot;

/// One meeting as the CLI names it: `2023-10`, `2023-10-19` where a month has two meetings,
/// and `2023-10.agenda` for the annotated agenda of that meeting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MeetingKey {
    /// The meeting id, without the kind: `2023-10`.
    pub id: String,
    /// Verslag or agenda.
    pub kind: Kind,
}

impl MeetingKey {
    /// Read a file stem (`2023-10`, `2023-10.agenda`).
    pub fn from_stem(stem: &str) -> MeetingKey {
        match stem.strip_suffix(".agenda") {
            Some(id) => MeetingKey {
                id: id.to_string(),
                kind: Kind::Agenda,
            },
            None => MeetingKey {
                id: stem.to_string(),
                kind: Kind::Verslag,
            },
        }
    }

    /// The key of a snapshot file path (`snapshots/x/2023-10.agenda.yaml`).
    pub fn from_path(path: &Path) -> Option<MeetingKey> {
        let name = path.file_name()?.to_str()?;
        Some(MeetingKey::from_stem(name.strip_suffix(".yaml")?))
    }

    /// Chronological order: by meeting id (which sorts by date), the agenda before the report.
    fn order(&self) -> (&str, u8) {
        let rank = match self.kind {
            Kind::Agenda => 0,
            Kind::Verslag => 1,
        };
        (&self.id, rank)
    }
}

impl PartialOrd for MeetingKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for MeetingKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order().cmp(&other.order())
    }
}

impl fmt::Display for MeetingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::Verslag => f.write_str(&self.id),
            Kind::Agenda => write!(f, "{}.agenda", self.id),
        }
    }
}

/// A meeting name that names no meeting, or more than one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeetingError {
    /// Nothing matches.
    #[error("no meeting '{wanted}'{}", known_list(.known))]
    Unknown {
        /// What was asked for.
        wanted: String,
        /// The meetings there are.
        known: Vec<String>,
    },
    /// Several match (`2023-10` where ids carry days).
    #[error("'{wanted}' names more than one meeting: {}; give the day", .matches.join(", "))]
    Ambiguous {
        /// What was asked for.
        wanted: String,
        /// What it could be.
        matches: Vec<String>,
    },
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() {
        "; there are no snapshots yet (run `jbz-track normalize`)".to_string()
    } else {
        format!("; the meetings are: {}", known.join(", "))
    }
}

/// Find the meeting `wanted` names among `known` (sorted): exactly, or `2023-10-19` for the
/// id `2023-10`, or `2023-10` for a single `2023-10-19`.
pub fn resolve_meeting(wanted: &str, known: &[MeetingKey]) -> Result<MeetingKey, MeetingError> {
    let wanted_key = MeetingKey::from_stem(wanted.strip_suffix(".yaml").unwrap_or(wanted));
    if let Some(k) = known.iter().find(|k| **k == wanted_key) {
        return Ok(k.clone());
    }
    let matches: Vec<&MeetingKey> = known
        .iter()
        .filter(|k| k.kind == wanted_key.kind)
        .filter(|k| {
            let (w, id) = (wanted_key.id.as_str(), k.id.as_str());
            (w.starts_with(id) && w.as_bytes().get(id.len()) == Some(&b'-'))
                || (id.starts_with(w) && id.as_bytes().get(w.len()) == Some(&b'-'))
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(MeetingError::Unknown {
            wanted: wanted.to_string(),
            known: known.iter().map(ToString::to_string).collect(),
        }),
        many => Err(MeetingError::Ambiguous {
            wanted: wanted.to_string(),
            matches: many.iter().map(ToString::to_string).collect(),
        }),
    }
}

/// The dossier and meeting a snapshot path names (`snapshots/<dossier>/<meeting>.yaml`).
pub fn path_key(path: &Path) -> Option<(String, MeetingKey)> {
    let (dossier, stem) = path_parts(path)?;
    Some((dossier.to_string(), MeetingKey::from_stem(stem)))
}

/// The dossier folder and file stem of a snapshot path (`x`, `2023-10.agenda`), borrowed.
/// Taken apart as a string: `Path::parent` and `file_name` parse components, and this runs for
/// every snapshot file of a repository.
pub fn path_parts(path: &Path) -> Option<(&str, &str)> {
    let s = path.to_str()?;
    let (folder, name) = s.rsplit_once(std::path::is_separator)?;
    let dossier = folder.rsplit(std::path::is_separator).next()?;
    if dossier.is_empty() || matches!(dossier, "." | "..") {
        return None;
    }
    Some((dossier, name.strip_suffix(".yaml")?))
}

/// Whether `keep` wants the snapshot at `path` (a path that names nothing is kept, so that
/// reading it reports what is wrong with it).
pub fn wanted(path: &Path, keep: &impl Fn(&str, &MeetingKey) -> bool) -> bool {
    path_parts(path).is_none_or(|(d, stem)| keep(d, &MeetingKey::from_stem(stem)))
}

/// Every snapshot of a repository at one point: the working tree or a git revision.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    /// By dossier id, then meeting, oldest first.
    by_dossier: BTreeMap<String, BTreeMap<MeetingKey, Entry>>,
}

/// One snapshot and the file it came from.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its path relative to the repository root.
    pub path: PathBuf,
    /// The snapshot.
    pub snapshot: Snapshot,
}

impl Collection {
    /// Add a snapshot read from `path`.
    pub fn insert(&mut self, path: PathBuf, snapshot: Snapshot) {
        let key = MeetingKey {
            id: snapshot.meeting.id.clone(),
            kind: snapshot.source.kind,
        };
        self.by_dossier
            .entry(snapshot.dossier.id.clone())
            .or_default()
            .insert(key, Entry { path, snapshot });
    }

    /// Read every snapshot in the working tree of `root`.
    pub fn from_worktree(root: &Path) -> Result<Collection, fs::StoreError> {
        Collection::from_worktree_where(root, |_, _| true)
    }

    /// Read the snapshots of the working tree that `keep(dossier, meeting)` wants, judged by
    /// their paths before any file is read: a diff of two meetings reads two meetings.
    pub fn from_worktree_where(
        root: &Path,
        keep: impl Fn(&str, &MeetingKey) -> bool,
    ) -> Result<Collection, fs::StoreError> {
        Collection::from_listed_where(root, &fs::list(root)?, keep)
    }

    /// [`Collection::from_worktree_where`], given the snapshot files [`fs::list`] gave.
    pub fn from_listed_where(
        root: &Path,
        paths: &[PathBuf],
        keep: impl Fn(&str, &MeetingKey) -> bool,
    ) -> Result<Collection, fs::StoreError> {
        let mut c = Collection::default();
        for rel in paths {
            if !wanted(rel, &keep) {
                continue;
            }
            let snapshot = fs::read(&root.join(rel)).map_err(|e| e.relative_to(root))?;
            c.insert(rel.clone(), snapshot);
        }
        Ok(c)
    }

    /// The dossier ids, sorted.
    pub fn dossier_ids(&self) -> impl Iterator<Item = &str> {
        self.by_dossier.keys().map(String::as_str)
    }

    /// One dossier's snapshots, oldest first.
    pub fn dossier(&self, id: &str) -> Option<&BTreeMap<MeetingKey, Entry>> {
        self.by_dossier.get(id)
    }

    /// One dossier's snapshot at one meeting.
    pub fn get(&self, dossier: &str, meeting: &MeetingKey) -> Option<&Snapshot> {
        self.entry(dossier, meeting).map(|e| &e.snapshot)
    }

    /// One dossier's snapshot at one meeting, with its path.
    pub fn entry(&self, dossier: &str, meeting: &MeetingKey) -> Option<&Entry> {
        self.by_dossier.get(dossier)?.get(meeting)
    }

    /// Every meeting that has a snapshot, oldest first.
    pub fn meetings(&self) -> Vec<MeetingKey> {
        let mut all: Vec<MeetingKey> = self
            .by_dossier
            .values()
            .flat_map(|m| m.keys().cloned())
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// The snapshots of one meeting, by dossier id.
    pub fn at(&self, meeting: &MeetingKey) -> BTreeMap<&str, &Snapshot> {
        self.by_dossier
            .iter()
            .filter_map(|(id, m)| m.get(meeting).map(|e| (id.as_str(), &e.snapshot)))
            .collect()
    }

    /// Every snapshot, by dossier then meeting.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.by_dossier.values().flat_map(|m| m.values())
    }

    /// Whether there is nothing.
    pub fn is_empty(&self) -> bool {
        self.by_dossier.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(names: &[&str]) -> Vec<MeetingKey> {
        let mut k: Vec<MeetingKey> = names.iter().map(|n| MeetingKey::from_stem(n)).collect();
        k.sort();
        k
    }

    #[test]
    fn agenda_comes_before_its_report() {
        let k = keys(&["2023-12", "2023-10", "2023-12.agenda"]);
        let names: Vec<String> = k.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["2023-10", "2023-12.agenda", "2023-12"]);
    }

    #[test]
    fn meetings_resolve_by_id_or_day() {
        let k = keys(&["2023-10", "2024-03-04", "2024-03-21"]);
        assert_eq!(resolve_meeting("2023-10", &k).expect("found").id, "2023-10");
        assert_eq!(
            resolve_meeting("2023-10-19", &k).expect("found").id,
            "2023-10"
        );
        assert_eq!(
            resolve_meeting("2024-03-04", &k).expect("found").id,
            "2024-03-04"
        );
        let e = resolve_meeting("2024-03", &k).expect_err("ambiguous");
        assert!(e.to_string().contains("2024-03-04, 2024-03-21"), "{e}");
        let e = resolve_meeting("2023-09", &k).expect_err("unknown");
        assert!(
            e.to_string()
                .contains("the meetings are: 2023-10, 2024-03-04"),
            "{e}"
        );
        let e = resolve_meeting("2023-10.agenda", &k).expect_err("no agenda");
        assert!(matches!(e, MeetingError::Unknown { .. }));
    }
}
