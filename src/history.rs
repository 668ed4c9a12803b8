//! Snapshots across git history: what changed between two revisions (`diff --git`), read
//! from the object database through [`crate::store::git`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diff::{self, Comparison, Side};
use crate::snapshot::{file_name, Snapshot};
use crate::store::fs;
use crate::store::git::{Files, GitError, GitStore};
use crate::store::MeetingKey;

/// One side of a revision comparison: a revision, or the working tree.
enum Tree<'a> {
    Rev {
        rev: &'a str,
        files: Files,
    },
    Worktree {
        root: &'a Path,
        files: BTreeSet<PathBuf>,
    },
}

/// A side's files by dossier and meeting, built once so that finding a dossier's previous
/// meeting, or a meeting's files, does not scan every path again (which made a diff across a
/// long history quadratic).
struct Index {
    by_dossier: BTreeMap<String, BTreeMap<MeetingKey, PathBuf>>,
    by_meeting: BTreeMap<MeetingKey, Vec<PathBuf>>,
}

impl Index {
    fn of(tree: &Tree<'_>) -> Index {
        let mut by_dossier: BTreeMap<String, BTreeMap<MeetingKey, PathBuf>> = BTreeMap::new();
        let mut by_meeting: BTreeMap<MeetingKey, Vec<PathBuf>> = BTreeMap::new();
        for p in tree.paths() {
            if let Some((d, k)) = crate::store::path_key(p) {
                by_dossier
                    .entry(d)
                    .or_default()
                    .insert(k.clone(), p.clone());
                by_meeting.entry(k).or_default().push(p.clone());
            }
        }
        Index {
            by_dossier,
            by_meeting,
        }
    }
}

impl Tree<'_> {
    fn paths(&self) -> Vec<&PathBuf> {
        match self {
            Tree::Rev { files, .. } => files.keys().collect(),
            Tree::Worktree { files, .. } => files.iter().collect(),
        }
    }

    fn has(&self, path: &Path) -> bool {
        match self {
            Tree::Rev { files, .. } => files.contains_key(path),
            Tree::Worktree { files, .. } => files.contains(path),
        }
    }

    fn label(&self, path: &Path) -> String {
        match self {
            Tree::Rev { rev, .. } => format!("{rev}:{}", path.display()),
            Tree::Worktree { .. } => path.display().to_string(),
        }
    }

    fn read(&self, store: &GitStore, path: &Path) -> Result<Option<Snapshot>, GitError> {
        match self {
            Tree::Rev { files, .. } => match files.get(path) {
                Some(oid) => Ok(Some(store.read(&self.label(path), *oid)?)),
                None => Ok(None),
            },
            Tree::Worktree { root, .. } => {
                if !self.has(path) {
                    return Ok(None);
                }
                Ok(Some(
                    fs::read(&root.join(path)).map_err(|e| e.relative_to(root))?,
                ))
            }
        }
    }

    /// Whether the file is the same on both sides without reading it.
    fn same_as(&self, other: &Tree<'_>, path: &Path) -> Option<bool> {
        match (self, other) {
            (Tree::Rev { files: a, .. }, Tree::Rev { files: b, .. }) => {
                Some(a.get(path) == b.get(path))
            }
            _ => None,
        }
    }
}

/// The paths of two sorted sequences, in order and once each, leaving out those on both sides
/// that `same` says are alike.
fn merge<'p, V>(
    a: impl Iterator<Item = (&'p PathBuf, V)>,
    b: impl Iterator<Item = (&'p PathBuf, V)>,
    same: impl Fn(&(&'p PathBuf, V), &(&'p PathBuf, V)) -> bool,
) -> Vec<&'p PathBuf> {
    let mut out = Vec::new();
    let (mut a, mut b) = (a.peekable(), b.peekable());
    loop {
        let order = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.0.cmp(y.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => return out,
        };
        match order {
            std::cmp::Ordering::Less => out.extend(a.next().map(|x| x.0)),
            std::cmp::Ordering::Greater => out.extend(b.next().map(|y| y.0)),
            std::cmp::Ordering::Equal => {
                if let (Some(x), Some(y)) = (a.next(), b.next()) {
                    if !same(&x, &y) {
                        out.push(x.0);
                    }
                }
            }
        }
    }
}

fn dossier_of(path: &Path) -> Option<&str> {
    path.parent()?.file_name()?.to_str()
}

/// Compare the snapshots at revision `old` with those at `new` (the working tree when `None`).
/// Every file that changed is compared with its earlier version; every new file with the
/// dossier's previous meeting at `new`; a deleted file is a dossier that left, and so is a
/// dossier that was at the meeting before a newly added one and is not at the new one.
/// `unchanged` holds the dossiers whose files changed without a change in content.
pub fn revisions(
    root: &Path,
    old: &str,
    new: Option<&str>,
    only: &[String],
) -> Result<Comparison, GitError> {
    let store = GitStore::open(root)?;
    let a = Tree::Rev {
        rev: old,
        files: store.files(old)?,
    };
    let b = match new {
        Some(rev) => Tree::Rev {
            rev,
            files: store.files(rev)?,
        },
        None => Tree::Worktree {
            root,
            files: fs::list(root)?.into_iter().collect(),
        },
    };
    let (a_index, b_index) = (Index::of(&a), Index::of(&b));
    // Both sides' paths come sorted: they are merged in one pass, not sorted again, and
    // between two revisions the files whose blob did not change are left out on the way.
    let paths: Vec<&PathBuf> = match (&a, &b) {
        (Tree::Rev { files: fa, .. }, Tree::Rev { files: fb, .. }) => {
            merge(fa.iter(), fb.iter(), |x, y| x.1 == y.1)
        }
        _ => merge(
            a.paths().into_iter().map(|p| (p, ())),
            b.paths().into_iter().map(|p| (p, ())),
            |_, _| false,
        ),
    };
    let wanted =
        |p: &Path| only.is_empty() || dossier_of(p).is_some_and(|d| only.iter().any(|o| o == d));
    let mut out = Comparison {
        order: diff::Order::Revisions,
        old: old.to_string(),
        new: new.unwrap_or("working tree").to_string(),
        dossiers: Vec::new(),
        unchanged: Vec::new(),
    };
    for path in paths.into_iter().filter(|p| wanted(p)) {
        if a.same_as(&b, path) == Some(true) {
            continue;
        }
        let new_snap = b.read(&store, path)?;
        let (old_snap, old_label) = match a.read(&store, path)? {
            Some(s) => (Some(s), a.label(path)),
            None => match previous_meeting(&b_index, path) {
                Some(prev) => (b.read(&store, &prev)?, b.label(&prev)),
                None => (None, String::new()),
            },
        };
        if old_snap.is_some() && old_snap == new_snap {
            continue;
        }
        let side = |s: &Snapshot, file: String| Side {
            meeting: MeetingKey {
                id: s.meeting.id.clone(),
                kind: s.source.kind,
            }
            .to_string(),
            file,
        };
        let old_side = old_snap.as_ref().map(|s| (s, side(s, old_label.clone())));
        let new_side = new_snap.as_ref().map(|s| (s, side(s, b.label(path))));
        if let Some(d) = diff::snapshots(old_side, new_side) {
            if d.is_empty() {
                out.unchanged.push(d.dossier);
            } else {
                out.dossiers.push(d);
            }
        }
    }
    // A dossier that leaves the agenda has no file for the new meeting, so no changed path
    // shows it: look for it among the dossiers of the meeting before each new one.
    for (prev, path) in left_the_agenda(&a_index, &b, &b_index) {
        if !wanted(&path) {
            continue;
        }
        let Some(old_snap) = b.read(&store, &prev)? else {
            continue;
        };
        let old_side = Side {
            meeting: MeetingKey {
                id: old_snap.meeting.id.clone(),
                kind: old_snap.source.kind,
            }
            .to_string(),
            file: b.label(&prev),
        };
        if let Some(d) = diff::snapshots(Some((&old_snap, old_side)), None) {
            out.dossiers.push(d);
        }
    }
    out.dossiers.sort_by(|x, y| x.dossier.cmp(&y.dossier));
    Ok(out)
}

/// The dossiers that left the agenda between `a` and `b`: for every meeting that has
/// snapshots at `b` and none at `a`, each dossier with a snapshot at the meeting of the same
/// kind before it (at `b`) and none at the new one. Returns (that earlier file, the missing
/// file). Only the same kind counts: an agenda names a few items, so a report never "leaves"
/// what its agenda left out.
fn left_the_agenda(a: &Index, b: &Tree<'_>, b_index: &Index) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for new in b_index
        .by_meeting
        .keys()
        .filter(|k| !a.by_meeting.contains_key(*k))
    {
        let Some(prev) = b_index
            .by_meeting
            .range(..new.clone())
            .rev()
            .map(|(k, _)| k)
            .find(|k| k.kind == new.kind)
        else {
            continue;
        };
        for path in &b_index.by_meeting[prev] {
            let missing = path.with_file_name(file_name(&new.id, new.kind));
            if !b.has(&missing) {
                out.push((path.clone(), missing));
            }
        }
    }
    out
}

/// The dossiers with snapshots at revision `old` or at `new` (the working tree when `None`),
/// for checking the ids a user names.
pub fn dossiers(root: &Path, old: &str, new: Option<&str>) -> Result<BTreeSet<String>, GitError> {
    let store = GitStore::open(root)?;
    let mut paths: Vec<PathBuf> = store.files(old)?.into_keys().collect();
    match new {
        Some(rev) => paths.extend(store.files(rev)?.into_keys()),
        None => paths.extend(fs::list(root)?),
    }
    Ok(paths
        .iter()
        .filter_map(|p| dossier_of(p).map(str::to_string))
        .collect())
}

/// The dossier's latest snapshot before `path`'s meeting on the same side.
fn previous_meeting(index: &Index, path: &Path) -> Option<PathBuf> {
    let (dossier, key) = crate::store::path_key(path)?;
    index
        .by_dossier
        .get(&dossier)?
        .range(..key.clone())
        .rev()
        // A report is compared with the report before it, an agenda with the agenda before.
        .find(|(k, _)| k.kind == key.kind)
        .map(|(_, p)| p.clone())
}
