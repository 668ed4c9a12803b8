//! Snapshots across git history: what changed between two revisions (`diff --git`), read
//! from the object database through [`crate::store::git`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diff::{self, Comparison, Side, SnapshotDiff};
use crate::snapshot::{file_name, Snapshot};
use crate::store::fs;
use crate::store::git::{BlobId, Files, GitError, GitStore};
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

    /// The file's blob id, without reading it as a snapshot: from the tree at a revision,
    /// hashed from the working tree. None where there is no such file, or it cannot be hashed
    /// (reading it reports why).
    fn blob(&self, store: &GitStore, path: &Path) -> Option<BlobId> {
        match self {
            Tree::Rev { files, .. } => files.get(path).copied(),
            Tree::Worktree { root, files } => files
                .contains(path)
                .then(|| store.blob_of_file(&root.join(path)).ok())
                .flatten(),
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

/// A diff's side for a snapshot read from `file`.
fn side_of(s: &Snapshot, file: String) -> Side {
    Side {
        meeting: MeetingKey {
            id: s.meeting.id.clone(),
            kind: s.source.kind,
        }
        .to_string(),
        file,
    }
}

/// A meeting's snapshot file that moved to another dossier folder between the two sides:
/// deleted at the old side, added at the new one, under the same file name.
struct Move {
    old: PathBuf,
    new: PathBuf,
    /// The same bytes at both sides (a pure `git mv`): nothing in it changed.
    same_blob: bool,
}

/// The files among `changed` that moved to another dossier folder (a `git mv`, a new slug).
/// A deleted file and an added one pair when they have the same file name (the same meeting)
/// and, first, the same blob; then, among the rest, the same dossier `id` or `title` inside
/// (a moved file that was also edited, or whose `id` was made to follow its folder). A deleted
/// file pairs once. Files are looked up by blob and by meeting, never compared all with all,
/// and only files that share a meeting with a file on the other side are read.
fn moves(
    store: &GitStore,
    a: &Tree<'_>,
    b: &Tree<'_>,
    changed: &[&PathBuf],
) -> Result<Vec<Move>, GitError> {
    let deleted: Vec<&PathBuf> = changed.iter().copied().filter(|p| !b.has(p)).collect();
    let added: Vec<&PathBuf> = changed.iter().copied().filter(|p| !a.has(p)).collect();
    if deleted.is_empty() || added.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();

    // 1. The same bytes under the same file name: what `git mv` leaves. Each list is kept in
    // reverse path order, so that `pop` takes the first path. An added file is hashed (in the
    // working tree) only when a deleted one has its name.
    let mut by_name: BTreeMap<&std::ffi::OsStr, BTreeMap<BlobId, Vec<&PathBuf>>> = BTreeMap::new();
    for p in deleted.iter().rev() {
        if let (Some(blob), Some(name)) = (a.blob(store, p), p.file_name()) {
            by_name
                .entry(name)
                .or_default()
                .entry(blob)
                .or_default()
                .push(p);
        }
    }
    let mut paired: BTreeSet<&PathBuf> = BTreeSet::new();
    let mut rest: BTreeMap<MeetingKey, Vec<&PathBuf>> = BTreeMap::new();
    for p in added {
        let found = p
            .file_name()
            .and_then(|name| by_name.get_mut(name))
            .and_then(|by_blob| by_blob.get_mut(&b.blob(store, p)?))
            .and_then(Vec::pop);
        match found {
            Some(old) => {
                paired.insert(old);
                out.push(Move {
                    old: old.clone(),
                    new: p.clone(),
                    same_blob: true,
                });
            }
            None => {
                if let Some(k) = MeetingKey::from_path(p) {
                    rest.entry(k).or_default().push(p);
                }
            }
        }
    }

    // 2. The same meeting and the same dossier inside, with other bytes.
    let mut old_by_meeting: BTreeMap<MeetingKey, Vec<&PathBuf>> = BTreeMap::new();
    for p in deleted.into_iter().filter(|p| !paired.contains(p)) {
        if let Some(k) = MeetingKey::from_path(p) {
            old_by_meeting.entry(k).or_default().push(p);
        }
    }
    for (key, news) in rest {
        let Some(olds) = old_by_meeting.get(&key) else {
            continue;
        };
        let mut snaps = Vec::with_capacity(olds.len());
        for p in olds {
            snaps.push(a.read(store, p)?);
        }
        // Reversed, as above, so that `pop` takes the first candidate.
        let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut by_title: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, s) in snaps.iter().enumerate().rev() {
            if let Some(s) = s {
                by_id.entry(s.dossier.id.as_str()).or_default().push(i);
                by_title
                    .entry(s.dossier.title.as_str())
                    .or_default()
                    .push(i);
            }
        }
        let mut used = vec![false; olds.len()];
        for p in news {
            let Some(new) = b.read(store, p)? else {
                continue;
            };
            // The id first: it is what the registry keeps; a title may be shared or reworded.
            let mut take = |list: Option<&mut Vec<usize>>| {
                let list = list?;
                while let Some(i) = list.pop() {
                    if !used[i] {
                        used[i] = true;
                        return Some(i);
                    }
                }
                None
            };
            let found = take(by_id.get_mut(new.dossier.id.as_str()))
                .or_else(|| take(by_title.get_mut(new.dossier.title.as_str())));
            if let Some(i) = found {
                out.push(Move {
                    old: olds[i].clone(),
                    new: p.clone(),
                    same_blob: false,
                });
            }
        }
    }
    Ok(out)
}

/// The renamed dossiers among `moves`: for each pair of folders (old id → new id), one entry
/// per moved file whose content changed, with those changes; where none changed, one entry for
/// the latest meeting, which says only that the dossier was renamed.
fn renamed_dossiers(
    store: &GitStore,
    a: &Tree<'_>,
    b: &Tree<'_>,
    moves: &[Move],
    wanted: impl Fn(&Path) -> bool,
) -> Result<Vec<SnapshotDiff>, GitError> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Move>> = BTreeMap::new();
    for m in moves {
        let (Some(from), Some(to)) = (dossier_of(&m.old), dossier_of(&m.new)) else {
            continue;
        };
        if wanted(&m.old) || wanted(&m.new) {
            groups.entry((from, to)).or_default().push(m);
        }
    }
    let mut out = Vec::new();
    let read_pair = |m: &Move| -> Result<Option<SnapshotDiff>, GitError> {
        let (Some(old), Some(new)) = (a.read(store, &m.old)?, b.read(store, &m.new)?) else {
            return Ok(None);
        };
        let (from, to) = (dossier_of(&m.old), dossier_of(&m.new));
        Ok(Some(diff::renamed(
            (&old, side_of(&old, a.label(&m.old))),
            (&new, side_of(&new, b.label(&m.new))),
            from.unwrap_or_default(),
            to.unwrap_or_default(),
        )))
    };
    for group in groups.into_values() {
        let before = out.len();
        for m in group.iter().filter(|m| !m.same_blob) {
            if let Some(d) = read_pair(m)? {
                if !d.same_content() {
                    out.push(d);
                }
            }
        }
        if out.len() == before {
            let latest = group.iter().max_by_key(|m| MeetingKey::from_path(&m.new));
            if let Some(d) = latest.map(|m| read_pair(m)).transpose()?.flatten() {
                out.push(d);
            }
        }
    }
    Ok(out)
}

/// Compare the snapshots at revision `old` with those at `new` (the working tree when `None`).
/// Every file that changed is compared with its earlier version; a file that moved to another
/// dossier folder (a `git mv`, see [`moves`]) with the file it was, as a renamed dossier;
/// every new file with the dossier's previous meeting at `new`; a deleted file is a dossier
/// that left, and so is a dossier that was at the meeting before a newly added one and is not
/// at the new one. `unchanged` holds the dossiers whose files changed without a change in
/// content.
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
    // A moved file is neither a dossier that left nor one that appeared: it is compared with
    // the file it was, below.
    let moves = moves(&store, &a, &b, &paths)?;
    let moved: BTreeSet<&Path> = moves
        .iter()
        .flat_map(|m| [m.old.as_path(), m.new.as_path()])
        .collect();
    for path in paths.into_iter().filter(|p| wanted(p)) {
        if a.same_as(&b, path) == Some(true) || moved.contains(path.as_path()) {
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
        let old_side = old_snap
            .as_ref()
            .map(|s| (s, side_of(s, old_label.clone())));
        let new_side = new_snap.as_ref().map(|s| (s, side_of(s, b.label(path))));
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
        let old_side = side_of(&old_snap, b.label(&prev));
        if let Some(d) = diff::snapshots(Some((&old_snap, old_side)), None) {
            out.dossiers.push(d);
        }
    }
    out.dossiers
        .extend(renamed_dossiers(&store, &a, &b, &moves, wanted)?);
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
