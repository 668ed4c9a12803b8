//! Many snapshots of one dossier → a [`Timeline`]: one entry per meeting (or per commit, from
//! git history), each with its stage, the Netherlands' statements, what changed since the entry
//! before (the [`crate::diff`] model, not a second implementation), and the milestones as they
//! stood; plus a drift table of every milestone's `when` across the meetings.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diff::{self, Side, SnapshotDiff};
use crate::model::Actor;
use crate::model::Stage;
use crate::report::Kind;
use crate::snapshot::{Milestone, Snapshot};
use crate::store::git::{BlobId, CommitInfo, DossierCommit, GitError, GitStore};
use crate::store::{Collection, MeetingKey};

/// A dossier's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// The dossier id.
    pub dossier: String,
    /// Its title (as of the latest entry).
    pub title: String,
    /// Oldest first.
    pub entries: Vec<Entry>,
    /// Every milestone's `when` at each entry.
    pub drift: Vec<Drift>,
}

/// One meeting (or commit) in a dossier's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The meeting: `2023-10`.
    pub meeting: String,
    /// The first meeting day.
    pub date: chrono::NaiveDate,
    /// The commit, in a timeline read from git history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<CommitInfo>,
    /// The stage read at this meeting.
    pub stage: Option<Stage>,
    /// Whether the stage differs from the entry before (the first entry's stage counts as a
    /// change when it has one).
    pub stage_changed: bool,
    /// What the Netherlands said.
    pub nederland: Vec<String>,
    /// What changed since the entry before (empty for the first).
    pub changes: Vec<SnapshotDiff>,
    /// The milestones as they stood.
    pub milestones: Vec<Milestone>,
}

/// One milestone across the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Drift {
    /// What it is about (as last stated).
    pub event: String,
    /// At each entry (same order as [`Timeline::entries`]), as stated there, if it was.
    pub at: Vec<Option<Milestone>>,
}

impl Drift {
    /// How many months the milestone moved from its first statement to its last (between
    /// interval midpoints); `None` if it was stated once.
    pub fn total_months(&self) -> Option<i32> {
        let stated: Vec<&Milestone> = self.at.iter().flatten().collect();
        match stated.as_slice() {
            [first, .., last] => Some(crate::model::When::months_between(&first.when, &last.when)),
            _ => None,
        }
    }
}

/// Which meetings a timeline covers (ids as the CLI takes them, inclusive).
#[derive(Debug, Clone, Default)]
pub struct Range {
    /// From this meeting on.
    pub since: Option<MeetingKey>,
    /// Up to this meeting.
    pub until: Option<MeetingKey>,
}

impl Range {
    fn contains(&self, k: &MeetingKey) -> bool {
        self.since.as_ref().is_none_or(|s| k >= s) && self.until.as_ref().is_none_or(|u| k <= u)
    }
}

/// A dossier's timeline over the reports (verslagen) of a collection; `None` if the collection
/// has no snapshot of it. Agendas are left out: the timeline follows what happened.
pub fn from_collection(c: &Collection, dossier: &str, range: &Range) -> Option<Timeline> {
    let meetings = c.dossier(dossier)?;
    let mut snaps: Vec<(MeetingKey, &Snapshot, String)> = meetings
        .iter()
        .filter(|(k, _)| k.kind == Kind::Verslag && range.contains(k))
        .map(|(k, e)| (k.clone(), &e.snapshot, e.path.display().to_string()))
        .collect();
    snaps.sort_by(|a, b| a.0.cmp(&b.0));
    let mut entries = Vec::new();
    let mut prev: Option<(&Snapshot, Side)> = None;
    for (key, snap, file) in &snaps {
        let side = Side {
            meeting: key.to_string(),
            file: file.clone(),
        };
        let changes = match &prev {
            Some((p, ps)) => diff::snapshots(Some((p, ps.clone())), Some((snap, side.clone())))
                .filter(|d| !d.is_empty())
                .into_iter()
                .collect(),
            None => Vec::new(),
        };
        entries.push(entry(
            key.to_string(),
            snap,
            prev.map(|p| p.0),
            changes,
            None,
        ));
        prev = Some((snap, side));
    }
    Some(finish(
        dossier,
        entries,
        snaps.iter().map(|s| s.1).collect(),
    ))
}

fn entry(
    meeting: String,
    snap: &Snapshot,
    prev: Option<&Snapshot>,
    changes: Vec<SnapshotDiff>,
    commit: Option<CommitInfo>,
) -> Entry {
    Entry {
        meeting,
        date: snap.meeting.start,
        commit,
        stage: snap.stage,
        stage_changed: prev.map_or(snap.stage.is_some(), |p| p.stage != snap.stage),
        nederland: snap.statements(&Actor::Nederland).to_vec(),
        changes,
        milestones: snap.timeline.clone(),
    }
}

fn finish(dossier: &str, entries: Vec<Entry>, snaps: Vec<&Snapshot>) -> Timeline {
    let title = snaps
        .last()
        .map(|s| s.dossier.title.clone())
        .unwrap_or_default();
    Timeline {
        dossier: dossier.to_string(),
        title,
        drift: drift(&entries),
        entries,
    }
}

/// Follow each milestone from entry to entry, pairing them as the diff does: first with the
/// milestones of the entry before, then with those that went unmentioned for a while, so that
/// a date a report leaves out and the next one states again stays on one row.
fn drift(entries: &[Entry]) -> Vec<Drift> {
    let n = entries.len();
    let mut rows: Vec<Drift> = Vec::new();
    // Per row: the entry and the position in it where the milestone was last stated.
    let mut last: Vec<(usize, usize)> = Vec::new();
    for (k, e) in entries.iter().enumerate() {
        let mut row_of: Vec<Option<usize>> = vec![None; e.milestones.len()];
        for recent in [true, false] {
            let mut open: Vec<usize> = (0..rows.len())
                .filter(|&r| (last[r].0 + 1 == k) == recent)
                .collect();
            // The entry before in its own order (as the diff sees it); older ones latest first.
            open.sort_by_key(|&r| (std::cmp::Reverse(last[r].0), last[r].1));
            let todo: Vec<usize> = (0..row_of.len()).filter(|&j| row_of[j].is_none()).collect();
            if open.is_empty() || todo.is_empty() {
                continue;
            }
            let old: Vec<Milestone> = open
                .iter()
                .map(|&r| entries[last[r].0].milestones[last[r].1].clone())
                .collect();
            let new: Vec<Milestone> = todo.iter().map(|&j| e.milestones[j].clone()).collect();
            for (t, partner) in diff::pair_milestones(&old, &new).into_iter().enumerate() {
                if let Some(i) = partner {
                    row_of[todo[t]] = Some(open[i]);
                }
            }
        }
        for (j, m) in e.milestones.iter().enumerate() {
            let row = match row_of[j] {
                Some(r) => r,
                None => {
                    rows.push(Drift {
                        event: m.event.clone(),
                        at: vec![None; n],
                    });
                    last.push((k, j));
                    rows.len() - 1
                }
            };
            // A past relative date said again keeps the date of the report where it first
            // appeared (see `diff::same_past_event`): the same event, not one a year later.
            let mut m = m.clone();
            if let Some(prev) = rows[row].at[..k].iter().rev().flatten().next() {
                if diff::same_past_event(prev, &m) {
                    m.when = prev.when;
                }
            }
            rows[row].event = m.event.clone();
            rows[row].at[k] = Some(m);
            last[row] = (k, j);
        }
    }
    rows
}

/// A dossier's timeline from git history: one entry per commit that changed its snapshots,
/// walking the history once. New files are compared with the dossier's previous meeting.
pub fn from_git(
    store: &GitStore,
    dossier: &str,
    progress: &mut dyn FnMut(usize),
) -> Result<Option<Timeline>, GitError> {
    let history = store.dossier_history(dossier, progress)?;
    if history.is_empty() {
        return Ok(None);
    }
    let mut entries = Vec::new();
    // Only the last snapshot shown is needed (for an entry of deletions, and the title):
    // keeping every one cost memory in proportion to the history.
    let mut shown: Option<Snapshot> = None;
    let mut memo = Memo::default();
    for (i, dc) in history.iter().enumerate() {
        if i % PREFETCH == 0 {
            memo.prefetch(store, &history[i..(i + PREFETCH).min(history.len())]);
        }
        memo.next_commit();
        let mut changes = Vec::new();
        // The newest snapshot the commit wrote, and the one its diff compared it with.
        let mut newest: Option<(MeetingKey, Snapshot, Option<Snapshot>)> = None;
        for fc in &dc.changes {
            let label = |rev: &str| format!("{}:{}", rev, fc.path.display());
            let new = match fc.new {
                Some(b) => Some(memo.read(store, &label(&dc.commit.id), b)?),
                None => None,
            };
            let old = match fc.old {
                Some(b) => Some((
                    memo.read(store, &label("parent"), b)?,
                    label(&format!("{}^", dc.commit.id)),
                )),
                None => {
                    // A new meeting: compare with the dossier's meeting before it.
                    let before = fc.previous.clone();
                    match before {
                        Some((p, b)) => {
                            let l = format!("{}:{}", dc.commit.id, p.display());
                            Some((memo.read(store, &l, b)?, l))
                        }
                        None => None,
                    }
                }
            };
            let side = |s: &Snapshot, file: String| Side {
                meeting: MeetingKey {
                    id: s.meeting.id.clone(),
                    kind: s.source.kind,
                }
                .to_string(),
                file,
            };
            let d = diff::snapshots(
                old.as_ref().map(|(s, l)| (s, side(s, l.clone()))),
                new.as_ref().map(|s| (s, side(s, label(&dc.commit.id)))),
            );
            if let Some(d) = d.filter(|d| !d.is_empty()) {
                changes.push(d);
            }
            if let Some(n) = new {
                let key = MeetingKey {
                    id: n.meeting.id.clone(),
                    kind: n.source.kind,
                };
                if newest.as_ref().is_none_or(|(k, _, _)| key > *k) {
                    newest = Some((key, n, old.map(|(s, _)| s)));
                }
            }
        }
        let Some((key, snap, before)) = newest else {
            // Only deletions: the entry shows them against the last state shown.
            if let Some(last) = shown.as_ref() {
                let mut e = entry(
                    MeetingKey {
                        id: last.meeting.id.clone(),
                        kind: last.source.kind,
                    }
                    .to_string(),
                    last,
                    Some(last),
                    changes,
                    Some(dc.commit.clone()),
                );
                e.stage_changed = false;
                entries.push(e);
            }
            continue;
        };
        // The stage counts as changed against what the diff compared it with (the meeting
        // before, like with like), not against whatever entry came before: after an agenda's
        // entry, a report's stage is news only if it differs from the report before.
        entries.push(entry(
            key.to_string(),
            &snap,
            before.as_ref(),
            changes,
            Some(dc.commit.clone()),
        ));
        shown = Some(snap);
    }
    Ok(Some(finish(dossier, entries, shown.iter().collect())))
}

/// How many commits' snapshots are read ahead, on all cores, before they are compared: enough
/// to keep the threads busy, few enough that memory does not grow with the history.
const PREFETCH: usize = 128;

/// The snapshots read ahead, and those read for this commit and the one before, by blob. A
/// commit's snapshot is compared with the one before it, which the commit before read as its
/// new one: each blob is inflated and parsed once instead of twice.
#[derive(Default)]
struct Memo {
    ahead: BTreeMap<BlobId, Result<Snapshot, GitError>>,
    before: Vec<(BlobId, Snapshot)>,
    now: Vec<(BlobId, Snapshot)>,
}

impl Memo {
    fn next_commit(&mut self) {
        self.before = std::mem::take(&mut self.now);
    }

    /// Read the blobs `commits` will ask for, in the order and with the labels they ask for
    /// them (so that the first error is the same as when reading one by one).
    fn prefetch(&mut self, store: &GitStore, commits: &[DossierCommit]) {
        let mut wanted: Vec<(BlobId, String)> = Vec::new();
        let mut add = |blob: BlobId, label: String| {
            if !wanted.iter().any(|(b, _)| *b == blob) {
                wanted.push((blob, label));
            }
        };
        for dc in commits {
            for fc in &dc.changes {
                let label = |rev: &str| format!("{}:{}", rev, fc.path.display());
                if let Some(b) = fc.new {
                    add(b, label(&dc.commit.id));
                }
                match (fc.old, &fc.previous) {
                    (Some(b), _) => add(b, label("parent")),
                    (None, Some((p, b))) => add(*b, format!("{}:{}", dc.commit.id, p.display())),
                    (None, None) => {}
                }
            }
        }
        let known = |b: &BlobId| self.now.iter().chain(&self.before).any(|(x, _)| x == b);
        wanted.retain(|(b, _)| !known(b));
        let read = store.read_many(&wanted);
        self.ahead = wanted.into_iter().map(|(b, _)| b).zip(read).collect();
    }

    fn read(&mut self, store: &GitStore, label: &str, blob: BlobId) -> Result<Snapshot, GitError> {
        let known = self
            .now
            .iter()
            .chain(&self.before)
            .find(|(b, _)| *b == blob);
        if let Some((_, s)) = known {
            return Ok(s.clone());
        }
        let s = match self.ahead.remove(&blob) {
            Some(read) => read?,
            None => store.read(label, blob)?,
        };
        self.now.push((blob, s.clone()));
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Status;

    fn m(when: &str, phrase: &str, event: &str) -> Milestone {
        Milestone {
            when: when.parse().expect("when"),
            phrase: phrase.to_string(),
            name: crate::model::EventName::of(event),
            event: event.to_string(),
            status: Status::Planned,
        }
    }

    fn e(meeting: &str, milestones: Vec<Milestone>) -> Entry {
        Entry {
            meeting: meeting.to_string(),
            date: format!("{meeting}-01").parse().expect("date"),
            commit: None,
            stage: None,
            stage_changed: false,
            nederland: Vec::new(),
            changes: Vec::new(),
            milestones,
        }
    }

    #[test]
    fn milestone_left_out_of_one_report_stays_on_its_row() {
        let ees = |w, p| m(w, p, "inwerkingtreding van het EES");
        let etias = m("2025-03/2025-05", "voorjaar 2025", "ETIAS zou volgen");
        let entries = vec![
            e(
                "2023-10",
                vec![ees("2024-09/2024-11", "najaar 2024"), etias.clone()],
            ),
            e("2023-12", vec![etias.clone()]),
            e(
                "2024-03",
                vec![etias, ees("2025-09/2025-11", "najaar 2025")],
            ),
        ];
        let rows = drift(&entries);
        assert_eq!(rows.len(), 2, "{rows:#?}");
        let ees_row = rows
            .iter()
            .find(|r| r.event.contains("EES"))
            .expect("EES row");
        let stated: Vec<Option<&str>> = ees_row
            .at
            .iter()
            .map(|m| m.as_ref().map(|m| m.phrase.as_str()))
            .collect();
        assert_eq!(stated, [Some("najaar 2024"), None, Some("najaar 2025")]);
        assert_eq!(ees_row.total_months(), Some(12));
    }

    #[test]
    fn milestones_stated_at_consecutive_entries_pair_as_the_diff_does() {
        let entries = vec![
            e(
                "2023-10",
                vec![m("2023-10", "deze maand", "akkoord in Coreper")],
            ),
            e(
                "2023-12",
                vec![m("2024-01", "januari 2024", "akkoord in Coreper")],
            ),
            e(
                "2024-03",
                vec![m("2024-06", "juni 2024", "akkoord in Coreper")],
            ),
        ];
        let rows = drift(&entries);
        assert_eq!(rows.len(), 1);
        assert!(rows[0].at.iter().all(Option::is_some));
        assert_eq!(rows[0].total_months(), Some(8));
    }
}
