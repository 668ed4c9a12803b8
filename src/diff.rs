//! Two snapshots of a dossier → a [`SnapshotDiff`]: what moved between two meetings, in the
//! reports' own terms (a statement reworded, a stage reached, a milestone that slipped). A model
//! only; [`crate::render`] decides how it looks.
//!
//! Everything is matched by what it is, never by its position in a list: statements by their
//! most similar counterpart (two passes: align sentences, then diff the words inside each
//! changed pair), milestones by the event they are about, references by their numbers.

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::model::Actor;
use crate::model::Reference;
use crate::model::Stage;
use crate::model::When;
use crate::snapshot::{Milestone, Snapshot};
use crate::store::{Collection, MeetingKey};

/// Two sentences with at least this share of their words in common (in order) are one
/// statement, changed; below it, the new one reads better as a removal and an addition.
pub const SAME_STATEMENT: f64 = 0.5;

/// Two milestone events with at least this share of the shorter one's content words in common
/// are the same milestone.
pub const SAME_EVENT: f64 = 0.5;

/// One side of a diff: which meeting, from which file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// The meeting as the CLI names it: `2023-10`, `2023-12.agenda`.
    pub meeting: String,
    /// Where the snapshot was read: a path, or `REV:path` from git.
    pub file: String,
}

/// What happened to a dossier between the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Presence {
    /// On the agenda at both meetings.
    Both,
    /// Not on the old agenda, on the new one.
    Appeared,
    /// On the old agenda, not on the new one.
    Left,
}

/// How one dossier changed between two snapshots.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SnapshotDiff {
    /// The dossier id.
    pub dossier: String,
    /// The dossier's id before its snapshot files moved to another folder between two git
    /// revisions (a `git mv`, a new slug); `dossier` is the id after. A renamed dossier is on
    /// the agenda at both sides, and its other fields hold only the changes of content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// Its title (the new one where both exist).
    pub title: String,
    /// The old snapshot, if there was one.
    pub old: Option<Side>,
    /// The new snapshot, if there is one.
    pub new: Option<Side>,
    /// On the agenda at both, appeared, or left.
    pub presence: Presence,
    /// From a meeting's annotated agenda to its verslag: what was planned and what came of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// The stage, where it changed.
    pub stage: Option<StageChange>,
    /// Actors whose statements changed, in the fixed actor order.
    pub positions: Vec<ActorChange>,
    /// Milestones moved, added, dropped, or done.
    pub timeline: Vec<MilestoneChange>,
    /// `Belangrijkste resultaten` bullets added, removed or reworded.
    pub highlights: Vec<TextChange>,
    /// State-of-play sentences (no one's position) added, removed or reworded.
    pub state_of_play: Vec<TextChange>,
    /// Kamerstukken cited now and not before, or the reverse.
    pub references: Vec<ReferenceChange>,
}

impl SnapshotDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.renamed_from.is_none() && self.same_content()
    }

    /// Whether the two sides say the same: nothing changed but, perhaps, the dossier's id
    /// (see [`SnapshotDiff::renamed_from`]).
    pub fn same_content(&self) -> bool {
        self.presence == Presence::Both
            && self.outcome.is_none()
            && self.stage.is_none()
            && self.positions.is_empty()
            && self.timeline.is_empty()
            && self.highlights.is_empty()
            && self.state_of_play.is_empty()
            && self.references.is_empty()
    }
}

/// What the annotated agenda planned for a dossier, and what the verslag of the same meeting
/// says came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// What the Council was to do, as the agenda names it (`(Gedeeltelijke) algemene
    /// oriëntatie`, `Voortgangsrapport`); none where the agenda names nothing, or the dossier
    /// was not on it.
    pub planned: Option<String>,
    /// The stage that action reaches, where it is one (`raadspositie` for an algemene
    /// oriëntatie).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Stage>,
    /// The stage the verslag reads, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// What came of it.
    pub result: OutcomeResult,
}

/// What came of a planned agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutcomeResult {
    /// The stage the action aims at was reached (the verslag reads it, or a later one).
    Reached,
    /// Discussed, but the stage the action aims at was not reached.
    NotReached,
    /// Discussed; the action aims at no stage (an exchange of views, information).
    Discussed,
    /// On the agenda, but the verslag does not discuss it.
    NotDiscussed,
    /// Discussed in the verslag without being on the annotated agenda.
    NotOnAgenda,
}

/// How the two sides of a comparison relate in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    /// From an earlier meeting to a later one (or from agenda to agenda, verslag to verslag).
    Forward,
    /// From a later meeting to an earlier one: every change reads backwards.
    Reversed,
    /// A meeting compared with itself.
    SameMeeting,
    /// From a meeting's annotated agenda to its verslag: plan and outcome.
    PlanOutcome,
    /// Two git revisions: the order is the user's.
    Revisions,
}

impl Order {
    /// How two meetings relate.
    pub fn of(old: &MeetingKey, new: &MeetingKey) -> Order {
        use crate::report::Kind;
        if old == new {
            return Order::SameMeeting;
        }
        if old.id == new.id {
            return match (old.kind, new.kind) {
                (Kind::Agenda, Kind::Verslag) => Order::PlanOutcome,
                _ => Order::Reversed,
            };
        }
        if old.id < new.id {
            Order::Forward
        } else {
            Order::Reversed
        }
    }
}

/// The stage an agenda's action aims at: an algemene oriëntatie is the Council's position.
pub fn action_target(action: &str) -> Option<Stage> {
    let a = action.to_lowercase();
    if a.contains("oriëntatie") || a.contains("orientatie") || a.contains("mandaat") {
        Some(Stage::Raadspositie)
    } else if a.contains("aanneming") || a.contains("vaststelling") {
        Some(Stage::Aangenomen)
    } else if a.contains("voorlopig akkoord") {
        Some(Stage::VoorlopigAkkoord)
    } else {
        None
    }
}

/// Plan and outcome of one dossier (see [`Outcome`]).
fn outcome(agenda: Option<&Snapshot>, verslag: Option<&Snapshot>) -> Option<Outcome> {
    let planned = agenda.and_then(|a| {
        let actions: Vec<&str> = a.items.iter().filter_map(|i| i.action.as_deref()).collect();
        (!actions.is_empty()).then(|| actions.join("; "))
    });
    let target = planned.as_deref().and_then(action_target);
    let result = match (agenda, verslag) {
        (None, None) => return None,
        (None, Some(_)) => OutcomeResult::NotOnAgenda,
        (Some(_), None) => OutcomeResult::NotDiscussed,
        (Some(_), Some(v)) => match target {
            Some(t) if v.stage.is_some_and(|s| s >= t) => OutcomeResult::Reached,
            Some(_) => OutcomeResult::NotReached,
            None => OutcomeResult::Discussed,
        },
    };
    Some(Outcome {
        planned,
        target,
        stage: verslag.and_then(|v| v.stage),
        result,
    })
}

/// The stage moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageChange {
    /// The old stage (none: the old report gave no evidence).
    pub old: Option<Stage>,
    /// The new stage.
    pub new: Option<Stage>,
    /// Along the stage order.
    pub direction: Direction,
    /// The sentence the old stage was read from.
    pub old_evidence: Option<String>,
    /// The sentence the new stage was read from.
    pub new_evidence: Option<String>,
}

/// Which way a stage moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Further along: `raadsonderhandelingen` → `raadspositie`.
    Forward,
    /// Back: a file returned to an earlier stage.
    Backward,
    /// A stage is read now where none was before.
    Set,
    /// No stage is read now where one was before.
    Cleared,
}

/// How an actor's statements changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorChange {
    /// Who.
    pub actor: Actor,
    /// Spoke now for the first time, fell silent, or said something different.
    pub status: ActorStatus,
    /// The statements added, removed and changed (unchanged ones are left out).
    pub statements: Vec<TextChange>,
    /// How many statements stayed word for word the same.
    pub unchanged: usize,
}

/// An actor's part in the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorStatus {
    /// Silent at the old meeting, speaks at the new one.
    Spoke,
    /// Spoke at the old meeting, silent at the new one.
    FellSilent,
    /// Spoke at both, not in the same words.
    Changed,
}

/// A sentence (a statement or a highlight) added, removed, or changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum TextChange {
    /// Only in the new snapshot.
    Added {
        /// The sentence.
        new: String,
    },
    /// Only in the old snapshot.
    Removed {
        /// The sentence.
        old: String,
    },
    /// The same sentence, reworded.
    Changed {
        /// As it was.
        old: String,
        /// As it is.
        new: String,
        /// The words, in order: runs that stayed and runs that changed.
        words: Vec<Piece>,
    },
}

/// A run of a changed sentence: the same in both, or replaced. A pure deletion has an empty
/// `inserted`, a pure insertion an empty `removed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Piece {
    /// Text that stayed.
    Same {
        /// The text.
        same: String,
    },
    /// Text that changed.
    Changed {
        /// What was there.
        removed: String,
        /// What is there now.
        inserted: String,
    },
}

/// A milestone that moved, appeared, disappeared, or changed status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum MilestoneChange {
    /// The same event, at another time.
    Moved {
        /// As stated before.
        old: Milestone,
        /// As stated now.
        new: Milestone,
        /// Months between the midpoints of the two intervals (new − old).
        months: i32,
        /// Earlier, later, or only more (or less) precise.
        shift: Shift,
        /// Stated in the same words at both meetings (`deze maand`, `in het voorjaar`): a
        /// relative date said again at a later meeting, so the date itself moved.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        restated: bool,
    },
    /// The same event at the same time, now done (or planned again).
    Status {
        /// As stated before.
        old: Milestone,
        /// As stated now.
        new: Milestone,
    },
    /// A milestone mentioned now and not before.
    Added {
        /// The milestone.
        new: Milestone,
    },
    /// A milestone mentioned before and not now.
    Dropped {
        /// The milestone.
        old: Milestone,
    },
}

/// How a milestone moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shift {
    /// Sooner.
    Earlier,
    /// Later: it slipped.
    Later,
    /// The intervals overlap and one holds the other: only the precision changed
    /// (`2024` → `najaar 2024`).
    Refined,
}

/// A reference added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum ReferenceChange {
    /// Cited now, not before.
    Added {
        /// The reference.
        new: Reference,
    },
    /// Cited before, not now.
    Removed {
        /// The reference.
        old: Reference,
    },
}

/// The dossiers that changed between two meetings (or two git revisions).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The old side: a meeting (`2023-10`) or a revision (`origin/main`).
    pub old: String,
    /// The new side.
    pub new: String,
    /// How the sides relate: forward, reversed, a meeting with itself, plan and outcome.
    pub order: Order,
    /// Dossiers with changes, in order of id.
    pub dossiers: Vec<SnapshotDiff>,
    /// Dossiers on both sides without a change.
    pub unchanged: Vec<String>,
}

impl Comparison {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.dossiers.is_empty()
    }
}

/// Compare every dossier of two meetings of a collection (or of two collections, such as two
/// git revisions). `only` narrows it to some dossier ids (all when empty).
pub fn meetings(
    old: (&Collection, &MeetingKey),
    new: (&Collection, &MeetingKey),
    only: &[String],
) -> Comparison {
    let (old_c, old_k) = old;
    let (new_c, new_k) = new;
    let mut ids: Vec<&str> = old_c
        .dossier_ids()
        .filter(|id| old_c.get(id, old_k).is_some())
        .chain(
            new_c
                .dossier_ids()
                .filter(|id| new_c.get(id, new_k).is_some()),
        )
        .filter(|id| only.is_empty() || only.iter().any(|o| o == id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    fn side<'c>(c: &'c Collection, k: &MeetingKey, id: &str) -> Option<(&'c Snapshot, Side)> {
        c.entry(id, k).map(|e| {
            (
                &e.snapshot,
                Side {
                    meeting: k.to_string(),
                    file: e.path.display().to_string(),
                },
            )
        })
    }
    let order = Order::of(old_k, new_k);
    let mut out = Comparison {
        old: old_k.to_string(),
        new: new_k.to_string(),
        order,
        dossiers: Vec::new(),
        unchanged: Vec::new(),
    };
    for id in ids {
        let old_side = side(old_c, old_k, id);
        let new_side = side(new_c, new_k, id);
        let plan = (order == Order::PlanOutcome)
            .then(|| {
                outcome(
                    old_side.as_ref().map(|s| s.0),
                    new_side.as_ref().map(|s| s.0),
                )
            })
            .flatten();
        if let Some(mut d) = snapshots(old_side, new_side) {
            d.outcome = plan;
            if d.is_empty() {
                out.unchanged.push(id.to_string());
            } else {
                out.dossiers.push(d);
            }
        }
    }
    out
}

/// Compare two snapshots of one dossier. Either may be missing: the dossier appeared on, or
/// left, the agenda. `old` and `new` name the sides for output.
pub fn snapshots(
    old: Option<(&Snapshot, Side)>,
    new: Option<(&Snapshot, Side)>,
) -> Option<SnapshotDiff> {
    let presence = match (&old, &new) {
        (Some(_), Some(_)) => Presence::Both,
        (None, Some(_)) => Presence::Appeared,
        (Some(_), None) => Presence::Left,
        (None, None) => return None,
    };
    let (old_snap, old_side) = split(old);
    let (new_snap, new_side) = split(new);
    let any = new_snap.or(old_snap)?;
    Some(compare(
        (old_snap, old_side),
        (new_snap, new_side),
        presence,
        any,
    ))
}

/// Compare the snapshots of a dossier whose files moved from folder `from` to folder `to`
/// between two git revisions: one renamed dossier, on the agenda at both sides, with only the
/// changes of content. The ids are the folders' (not the `id` inside the files), since a
/// `git mv` leaves the files as they were.
pub fn renamed(
    old: (&Snapshot, Side),
    new: (&Snapshot, Side),
    from: &str,
    to: &str,
) -> SnapshotDiff {
    let new_snap = new.0;
    let mut d = compare(
        (Some(old.0), Some(old.1)),
        (Some(new.0), Some(new.1)),
        Presence::Both,
        new_snap,
    );
    d.dossier = to.to_string();
    d.renamed_from = Some(from.to_string());
    d
}

/// [`snapshots`], once it is known which sides there are; `any` names the dossier.
fn compare(
    old: (Option<&Snapshot>, Option<Side>),
    new: (Option<&Snapshot>, Option<Side>),
    presence: Presence,
    any: &Snapshot,
) -> SnapshotDiff {
    let (old_snap, old_side) = old;
    let (new_snap, new_side) = new;
    let empty_actor: &[String] = &[];

    let stage = stage_change(old_snap, new_snap);

    let mut actors: Vec<&Actor> = old_snap
        .iter()
        .chain(new_snap.iter())
        .flat_map(|s| s.positions.iter().map(|p| &p.actor))
        .collect();
    actors.sort();
    actors.dedup();
    let positions = actors
        .into_iter()
        .filter_map(|actor| {
            let o = old_snap.map_or(empty_actor, |s| s.statements(actor));
            let n = new_snap.map_or(empty_actor, |s| s.statements(actor));
            let (statements, unchanged) = align(o, n);
            if statements.is_empty() {
                return None;
            }
            let status = match (o.is_empty(), n.is_empty()) {
                (true, _) => ActorStatus::Spoke,
                (_, true) => ActorStatus::FellSilent,
                _ => ActorStatus::Changed,
            };
            Some(ActorChange {
                actor: actor.clone(),
                status,
                statements,
                unchanged,
            })
        })
        .collect();

    let timeline = milestones(
        old_snap.map_or(&[], |s| s.timeline.as_slice()),
        new_snap.map_or(&[], |s| s.timeline.as_slice()),
    );
    let (highlights, _) = align(
        old_snap.map_or(empty_actor, |s| s.highlights.as_slice()),
        new_snap.map_or(empty_actor, |s| s.highlights.as_slice()),
    );
    let (state_of_play, _) = align(
        old_snap.map_or(empty_actor, |s| s.state_of_play.as_slice()),
        new_snap.map_or(empty_actor, |s| s.state_of_play.as_slice()),
    );
    let references = references(
        old_snap.map_or(&[], |s| s.references.as_slice()),
        new_snap.map_or(&[], |s| s.references.as_slice()),
    );

    SnapshotDiff {
        dossier: any.dossier.id.clone(),
        renamed_from: None,
        title: any.dossier.title.clone(),
        old: old_side,
        new: new_side,
        presence,
        outcome: None,
        stage,
        positions,
        timeline,
        highlights,
        state_of_play,
        references,
    }
}

fn split(side: Option<(&Snapshot, Side)>) -> (Option<&Snapshot>, Option<Side>) {
    match side {
        Some((s, side)) => (Some(s), Some(side)),
        None => (None, None),
    }
}

fn stage_change(old: Option<&Snapshot>, new: Option<&Snapshot>) -> Option<StageChange> {
    // A dossier that appears brings its stage with it ("first read"); one that leaves keeps
    // its last stage, which the old snapshot holds.
    let new = new?;
    let Some(old) = old else {
        return new.stage.map(|stage| StageChange {
            old: None,
            new: Some(stage),
            direction: Direction::Set,
            old_evidence: None,
            new_evidence: new.stage_evidence.clone(),
        });
    };
    let direction = match (old.stage, new.stage) {
        (a, b) if a == b => return None,
        (Some(a), Some(b)) if b > a => Direction::Forward,
        (Some(_), Some(_)) => Direction::Backward,
        (None, Some(_)) => Direction::Set,
        (Some(_), None) => Direction::Cleared,
        (None, None) => return None,
    };
    Some(StageChange {
        old: old.stage,
        new: new.stage,
        direction,
        old_evidence: old.stage_evidence.clone(),
        new_evidence: new.stage_evidence.clone(),
    })
}

/// Align two lists of sentences: identical ones are unchanged, then each remaining pair above
/// [`SAME_STATEMENT`], most similar first, is a change; the rest are added or removed.
/// Returns the changes in the new list's order (removals where the old sentence stood) and the
/// number of unchanged sentences.
///
/// Near linear in the number of sentences, in two passes:
/// 1. *exact-match anchoring*: sentences equal after [`same_text_key`] (whitespace and quote
///    style do not count) pair through an ordered map (O(n log n)), first unused occurrence first;
/// 2. *similarity on candidates*: where more than [`ALL_PAIRS`] pairs remain (a report's
///    actor says a few dozen sentences, so only in bulk), each remaining new sentence is compared (word LCS,
///    [`similarity`]) only with the old sentences that share one of its [`RARE_WORDS`] rarest
///    words, at most [`MAX_CANDIDATES`] of them, those sharing the most words first; a word
///    found in more than [`MAX_POSTINGS`] old sentences is too common to find a partner by.
///
/// Two sentences with half their words in common in order almost always share one of their
/// rarest words; a pair that shares only very common words is reported as removed and added.
pub fn align(old: &[String], new: &[String]) -> (Vec<TextChange>, usize) {
    use std::collections::BTreeMap;
    let mut old_used = vec![false; old.len()];
    let mut new_pair: Vec<Option<usize>> = vec![None; new.len()];
    // Exact matches first, so that a repeated sentence never pairs with a near one.
    let old_keys: Vec<String> = old.iter().map(|s| same_text_key(s)).collect();
    let mut by_key: BTreeMap<&str, std::collections::VecDeque<usize>> = BTreeMap::new();
    for (i, k) in old_keys.iter().enumerate() {
        by_key.entry(k.as_str()).or_default().push_back(i);
    }
    for (j, n) in new.iter().enumerate() {
        let key = same_text_key(n);
        if let Some(i) = by_key.get_mut(key.as_str()).and_then(|q| q.pop_front()) {
            old_used[i] = true;
            new_pair[j] = Some(i);
        }
    }
    let unchanged = new_pair.iter().flatten().count();

    let old_words: Vec<Vec<String>> = old
        .iter()
        .enumerate()
        .map(|(i, s)| if old_used[i] { Vec::new() } else { words(s) })
        .collect();
    let new_words: Vec<Vec<String>> = new
        .iter()
        .enumerate()
        .map(|(j, s)| {
            if new_pair[j].is_some() {
                Vec::new()
            } else {
                words(s)
            }
        })
        .collect();
    // Postings: word → the unmatched old sentences holding it (each once).
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, ow) in old_words.iter().enumerate() {
        let mut seen: Vec<&str> = ow.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            postings.entry(w).or_default().push(i);
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
    let old_open: Vec<usize> = (0..old.len()).filter(|&i| !old_used[i]).collect();
    let new_open = new_pair.iter().filter(|p| p.is_none()).count();
    // A report's actor says a few dozen sentences: there every pair is scored, as it always
    // was; the index only decides where that would be too many.
    let all_pairs = old_open.len().saturating_mul(new_open) <= ALL_PAIRS;
    for (j, nw) in new_words.iter().enumerate() {
        if new_pair[j].is_some() || nw.is_empty() {
            continue;
        }
        if all_pairs {
            for &i in &old_open {
                let score = similarity(&old_words[i], nw);
                if score >= SAME_STATEMENT {
                    candidates.push((score, i, j));
                }
            }
            continue;
        }
        let mut rare: Vec<(&str, usize)> = nw
            .iter()
            .filter_map(|w| postings.get(w.as_str()).map(|p| (w.as_str(), p.len())))
            .filter(|&(_, n)| n <= MAX_POSTINGS)
            .collect();
        rare.sort_unstable();
        rare.dedup();
        rare.sort_by_key(|&(w, n)| (n, w));
        shared.clear();
        for (w, _) in rare.iter().take(RARE_WORDS) {
            for &i in &postings[w] {
                *shared.entry(i).or_default() += 1;
            }
        }
        let mut best: Vec<(usize, usize)> = shared.iter().map(|(&i, &n)| (n, i)).collect();
        best.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in best.iter().take(MAX_CANDIDATES) {
            let score = similarity(&old_words[i], nw);
            if score >= SAME_STATEMENT {
                candidates.push((score, i, j));
            }
        }
    }
    // Most similar first; ties by position, so the result never depends on sort stability.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut changed: Vec<Option<usize>> = vec![None; new.len()];
    for (_, i, j) in candidates {
        if !old_used[i] && new_pair[j].is_none() && changed[j].is_none() {
            old_used[i] = true;
            changed[j] = Some(i);
        }
    }

    // Walk the new list in order; a removed old sentence is placed before the first new
    // sentence that pairs with something after it in the old list.
    let mut out = Vec::new();
    let mut next_old = 0;
    let emit_removed_before = |limit: usize, out: &mut Vec<TextChange>, next_old: &mut usize| {
        while *next_old < limit {
            if !old_used[*next_old] {
                out.push(TextChange::Removed {
                    old: old[*next_old].clone(),
                });
            }
            *next_old += 1;
        }
    };
    for (j, n) in new.iter().enumerate() {
        let partner = new_pair[j].or(changed[j]);
        if let Some(i) = partner {
            if i >= next_old {
                emit_removed_before(i, &mut out, &mut next_old);
            }
        }
        match (new_pair[j], changed[j]) {
            (Some(_), _) => {}
            (None, Some(i)) => out.push(TextChange::Changed {
                old: old[i].clone(),
                new: n.clone(),
                words: inline(&old[i], n),
            }),
            (None, None) => out.push(TextChange::Added { new: n.clone() }),
        }
    }
    emit_removed_before(old.len(), &mut out, &mut next_old);
    (out, unchanged)
}

/// Up to this many unmatched (old, new) pairs, [`align`] scores them all.
pub const ALL_PAIRS: usize = 10_000;
/// How many of a sentence's rarest words find its candidate partners (see [`align`]).
pub const RARE_WORDS: usize = 4;
/// At most this many candidate partners are scored per sentence (see [`align`]).
pub const MAX_CANDIDATES: usize = 8;
/// A word in more old sentences than this finds no partners (see [`align`]).
pub const MAX_POSTINGS: usize = 64;

/// A sentence as compared for "the same words": whitespace runs are one space and ends are
/// trimmed, and every quote mark and apostrophe (`’ ‘ ' “ ” " « » „`) is one and the same
/// mark, so that a report copied from the web edition (guillemets, straight quotes) or
/// re-extracted with other spacing reads as unchanged. Held by `tests/edits.rs`.
pub fn same_text_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            out.push(match c {
                '\'' | '’' | '‘' | '‚' | '`' | '´' | '"' | '“' | '”' | '„' | '«' | '»' => {
                    '"'
                }
                c => c,
            });
        }
    }
    out
}

/// Word tokens of a sentence, lower-cased, for similarity (whitespace and punctuation left out).
fn words(s: &str) -> Vec<String> {
    tokens(s)
        .into_iter()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .map(str::to_lowercase)
        .collect()
}

/// Share of words the two sequences have in common, in order: 2·matched / (|a| + |b|).
fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let ops = capture_diff_slices(Algorithm::Myers, a, b);
    let matched: usize = ops
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum();
    (2 * matched) as f64 / (a.len() + b.len()) as f64
}

/// Split a Dutch sentence into tokens: words (with their inner hyphens, apostrophes, and the
/// dots and commas inside numbers, so `'s-Hertogenbosch`, `zo'n`, `EU-partnerschappen` and
/// `1.250.000` stay whole), runs of whitespace, and single punctuation marks. Concatenating
/// the tokens gives the sentence back.
pub fn tokens(s: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let end_of = |k: usize| chars.get(k).map_or(s.len(), |(p, _)| *p);
    while i < chars.len() {
        let (start, c) = chars[i];
        let mut j = i + 1;
        if c.is_whitespace() {
            while j < chars.len() && chars[j].1.is_whitespace() {
                j += 1;
            }
        } else if c.is_alphanumeric() || is_leading_apostrophe(&chars, i) {
            loop {
                while j < chars.len() && chars[j].1.is_alphanumeric() {
                    j += 1;
                }
                // A joiner inside a word: `zo'n`, `EU-partner`, `1.250`, `2,5`.
                let joins = j + 1 < chars.len()
                    && matches!(chars[j].1, '-' | '\'' | '’' | '.' | ',')
                    && chars[j + 1].1.is_alphanumeric()
                    && (!matches!(chars[j].1, '.' | ',')
                        || (chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit()));
                if joins {
                    j += 2;
                } else {
                    break;
                }
            }
        }
        out.push(&s[start..end_of(j)]);
        i = j;
    }
    out
}

/// `'s-Hertogenbosch`, `’s avonds`: an apostrophe that starts a word.
fn is_leading_apostrophe(chars: &[(usize, char)], i: usize) -> bool {
    matches!(chars[i].1, '\'' | '’')
        && chars.get(i + 1).is_some_and(|c| c.1 == 's')
        && (i == 0 || !chars[i - 1].1.is_alphanumeric())
        && chars
            .get(i + 2)
            .is_none_or(|c| !c.1.is_alphanumeric() || c.1 == '-')
}

/// The word-level changes inside a changed sentence, with neighbouring changes merged: the
/// whitespace (or a lone short word) between two changes joins them, so that a reworded phrase
/// reads as one replacement rather than a comb of one-word edits.
pub fn inline(old: &str, new: &str) -> Vec<Piece> {
    let a = tokens(old);
    let b = tokens(new);
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    // Raw runs: (same, removed, inserted).
    let mut runs: Vec<(String, String, String)> = Vec::new();
    for op in &ops {
        let (tag, or, nr) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => runs.push((a[or].concat(), String::new(), String::new())),
            _ => runs.push((String::new(), a[or].concat(), b[nr].concat())),
        }
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let (same, removed, inserted) = &runs[k];
        if !same.is_empty() {
            let between_changes = k > 0
                && k + 1 < runs.len()
                && matches!(pieces.last(), Some(Piece::Changed { .. }))
                && is_glue(same);
            if between_changes {
                if let Some(Piece::Changed { removed, inserted }) = pieces.last_mut() {
                    removed.push_str(same);
                    inserted.push_str(same);
                }
            } else {
                pieces.push(Piece::Same { same: same.clone() });
            }
        } else if let Some(Piece::Changed {
            removed: r,
            inserted: i,
        }) = pieces.last_mut()
        {
            r.push_str(removed);
            i.push_str(inserted);
        } else {
            pieces.push(Piece::Changed {
                removed: removed.clone(),
                inserted: inserted.clone(),
            });
        }
        k += 1;
    }
    // Glue whitespace may end a change that is followed by the same text: give it back.
    pieces
}

/// Whitespace, or one short word with its spaces, between two changes.
fn is_glue(same: &str) -> bool {
    let w: Vec<&str> = same.split_whitespace().collect();
    w.is_empty() || (w.len() == 1 && w[0].chars().count() <= 3)
}

/// Content words of a milestone's event, for matching across meetings.
fn event_words(event: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "de", "het", "een", "van", "en", "in", "op", "te", "voor", "met", "aan", "tot", "door",
        "bij", "om", "is", "zijn", "wordt", "worden", "zal", "zou", "staat", "die", "dat",
    ];
    let mut w: Vec<String> = words(event)
        .into_iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect();
    w.sort();
    w.dedup();
    w
}

fn event_similarity(a: &[String], b: &[String]) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    let common = a.iter().filter(|w| b.contains(w)).count();
    common as f64 / smaller as f64
}

/// Pair each new milestone with the old one about the same event, if any: identical ones
/// first, then the most similar events above [`SAME_EVENT`]. `result[j]` is the index in `old`
/// of `new[j]`'s partner. Shared by [`milestones`] and the timeline's drift table.
pub fn pair_milestones(old: &[Milestone], new: &[Milestone]) -> Vec<Option<usize>> {
    let ow: Vec<Vec<String>> = old.iter().map(|m| event_words(&m.event)).collect();
    let nw: Vec<Vec<String>> = new.iter().map(|m| event_words(&m.event)).collect();
    let mut old_used = vec![false; old.len()];
    let mut partner: Vec<Option<usize>> = vec![None; new.len()];
    for (j, n) in new.iter().enumerate() {
        if let Some(i) = (0..old.len()).find(|&i| !old_used[i] && old[i] == *n) {
            old_used[i] = true;
            partner[j] = Some(i);
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for j in 0..new.len() {
        if partner[j].is_some() {
            continue;
        }
        for i in 0..old.len() {
            if old_used[i] {
                continue;
            }
            let mut score = event_similarity(&ow[i], &nw[j]);
            if !old[i].name.is_other() && old[i].name == new[j].name {
                score += 0.25;
            }
            if old[i].event == new[j].event {
                score = 2.0;
            }
            if score >= SAME_EVENT {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in candidates {
        if !old_used[i] && partner[j].is_none() {
            old_used[i] = true;
            partner[j] = Some(i);
        }
    }
    partner
}

/// Match milestones across two meetings by the event they are about.
pub fn milestones(old: &[Milestone], new: &[Milestone]) -> Vec<MilestoneChange> {
    let partner = pair_milestones(old, new);
    let mut old_used = vec![false; old.len()];
    for i in partner.iter().flatten() {
        old_used[*i] = true;
    }
    let mut out = Vec::new();
    for (j, n) in new.iter().enumerate() {
        match partner[j] {
            Some(i) if old[i] == *n || same_past_event(&old[i], n) => {}
            Some(i) => {
                let o = &old[i];
                if o.when == n.when {
                    if o.status != n.status {
                        out.push(MilestoneChange::Status {
                            old: o.clone(),
                            new: n.clone(),
                        });
                    }
                } else {
                    let months = When::months_between(&o.when, &n.when);
                    out.push(MilestoneChange::Moved {
                        old: o.clone(),
                        new: n.clone(),
                        months,
                        shift: shift(&o.when, &n.when, months),
                        restated: o.phrase == n.phrase,
                    });
                }
            }
            None => out.push(MilestoneChange::Added { new: n.clone() }),
        }
    }
    for (i, o) in old.iter().enumerate() {
        if !old_used[i] {
            out.push(MilestoneChange::Dropped { old: o.clone() });
        }
    }
    out
}

/// The same past event stated again: `de in maart gestarte pilots` in October and again in
/// April names the March before October both times, though each report's own reading of
/// `maart` is its latest March. A past relative date is anchored to the report where it first
/// appeared, so the same words, event and status done are the same event, unchanged. (A
/// *planned* relative date said again has moved: see [`MilestoneChange::Moved::restated`].)
pub fn same_past_event(old: &Milestone, new: &Milestone) -> bool {
    use crate::snapshot::Status;
    old.status == Status::Done
        && new.status == Status::Done
        && old.phrase == new.phrase
        && old.event == new.event
        && !has_year(&old.phrase)
}

/// Whether a date phrase names its year (four digits in a row).
fn has_year(phrase: &str) -> bool {
    let mut run = 0;
    for c in phrase.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

fn shift(old: &When, new: &When, months: i32) -> Shift {
    let contains =
        |a: &When, b: &When| a.first_day() <= b.first_day() && b.last_day() <= a.last_day();
    if contains(old, new) || contains(new, old) || months == 0 {
        Shift::Refined
    } else if months > 0 {
        Shift::Later
    } else {
        Shift::Earlier
    }
}

fn references(old: &[Reference], new: &[Reference]) -> Vec<ReferenceChange> {
    let key = |r: &Reference| (r.kamerstuk, r.nr);
    let mut out: Vec<ReferenceChange> = new
        .iter()
        .filter(|n| !old.iter().any(|o| key(o) == key(n)))
        .map(|n| ReferenceChange::Added { new: n.clone() })
        .collect();
    out.extend(
        old.iter()
            .filter(|o| !new.iter().any(|n| key(o) == key(n)))
            .map(|o| ReferenceChange::Removed { old: o.clone() }),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn dutch_words_stay_whole() {
        let t = tokens("In 's-Hertogenbosch kost zo'n EU-partnerschap € 1.250.000, één keer.");
        let words: Vec<&str> = t.iter().copied().filter(|t| !t.trim().is_empty()).collect();
        assert_eq!(
            words,
            [
                "In",
                "'s-Hertogenbosch",
                "kost",
                "zo'n",
                "EU-partnerschap",
                "€",
                "1.250.000",
                ",",
                "één",
                "keer",
                "."
            ]
        );
        assert_eq!(
            t.concat(),
            "In 's-Hertogenbosch kost zo'n EU-partnerschap € 1.250.000, één keer."
        );
    }

    #[test]
    fn sentence_end_dot_is_not_part_of_a_number() {
        let t = tokens("in 2024. Daarna");
        assert!(t.contains(&"2024") && t.contains(&"."), "{t:?}");
    }

    #[test]
    fn reworded_phrase_is_one_replacement() {
        let p = inline(
            "Nederland zag meer waarborgen in een reviewclausule voor detectie.",
            "Nederland zag voldoende waarborgen in een herzieningsclausule voor detectie.",
        );
        let changed: Vec<(&str, &str)> = p
            .iter()
            .filter_map(|p| match p {
                Piece::Changed { removed, inserted } => Some((removed.as_str(), inserted.as_str())),
                Piece::Same { .. } => None,
            })
            .collect();
        assert_eq!(
            changed,
            [
                ("meer", "voldoende"),
                ("reviewclausule", "herzieningsclausule")
            ]
        );
    }

    #[test]
    fn neighbouring_word_changes_merge() {
        let p = inline(
            "het kabinet steunt dit voorstel niet",
            "het kabinet verwerpt het plan niet",
        );
        let changed: Vec<&Piece> = p
            .iter()
            .filter(|p| matches!(p, Piece::Changed { .. }))
            .collect();
        assert_eq!(changed.len(), 1, "{p:?}");
    }

    #[test]
    fn statements_align_by_similarity_not_position() {
        let old = s(&[
            "Nederland steunt het voorstel van de Commissie op hoofdlijnen.",
            "Nederland vraagt om meer waarborgen voor privacy.",
        ]);
        let new = s(&[
            "Nederland vraagt om voldoende waarborgen voor privacy.",
            "Nederland zal de uitkomst aan de Kamer melden.",
        ]);
        let (changes, unchanged) = align(&old, &new);
        assert_eq!(unchanged, 0);
        assert!(
            matches!(&changes[0], TextChange::Removed { old } if old.contains("hoofdlijnen")),
            "{changes:?}"
        );
        assert!(
            matches!(&changes[1], TextChange::Changed { old, .. } if old.contains("meer waarborgen"))
        );
        assert!(matches!(&changes[2], TextChange::Added { new } if new.contains("Kamer")));
    }

    #[test]
    fn identical_lists_have_no_changes() {
        let v = s(&["Een.", "Twee drie."]);
        assert_eq!(align(&v, &v), (vec![], 2));
    }

    #[test]
    fn mostly_new_sentence_is_removal_and_addition() {
        let (changes, _) = align(
            &s(&["Nederland steunt het compromis over de detectiebevelen."]),
            &s(&["Het kabinet wacht de uitkomst van de triloog af."]),
        );
        assert_eq!(changes.len(), 2, "{changes:?}");
    }

    fn m(when: &str, phrase: &str, event: &str) -> Milestone {
        Milestone {
            when: when.parse().expect("when"),
            phrase: phrase.into(),
            name: crate::model::EventName::of(event),
            event: event.into(),
            status: crate::snapshot::Status::Planned,
        }
    }

    #[test]
    fn slipped_milestone_is_moved_six_months_later() {
        let old = [m(
            "2024-09/2024-11",
            "najaar 2024",
            "inwerkingtreding van het EES staat gepland",
        )];
        let new = [m(
            "2025-03/2025-05",
            "voorjaar 2025",
            "inwerkingtreding van het EES is voorzien",
        )];
        let c = milestones(&old, &new);
        assert!(
            matches!(
                &c[..],
                [MilestoneChange::Moved {
                    months: 5 | 6,
                    shift: Shift::Later,
                    ..
                }]
            ),
            "{c:?}"
        );
    }

    #[test]
    fn more_precise_date_is_refined() {
        let c = milestones(
            &[m("2024", "2024", "akkoord over het pact")],
            &[m("2024-09/2024-11", "najaar 2024", "akkoord over het pact")],
        );
        assert!(
            matches!(
                &c[..],
                [MilestoneChange::Moved {
                    shift: Shift::Refined,
                    ..
                }]
            ),
            "{c:?}"
        );
    }

    #[test]
    fn unrelated_milestones_are_added_and_dropped() {
        let c = milestones(
            &[m("2024", "2024", "ETIAS zou volgen")],
            &[m("2024", "2024", "inwerkingtreding van het EES")],
        );
        assert!(
            matches!(
                &c[..],
                [
                    MilestoneChange::Added { .. },
                    MilestoneChange::Dropped { .. }
                ]
            ),
            "{c:?}"
        );
    }

    #[test]
    fn quote_style_and_spacing_are_not_a_change() {
        let (changes, unchanged) = align(
            &s(&["Nederland noemde het ’een goede stap’ voor de  “samenwerking”."]),
            &s(&[
                "Nederland noemde het 'een goede stap' voor de «samenwerking» ."
                    .replace(" .", ".")
                    .as_str(),
            ]),
        );
        assert_eq!((changes.len(), unchanged), (0, 1), "{changes:?}");
    }

    #[test]
    fn repeated_sentences_pair_in_order() {
        let (changes, unchanged) = align(
            &s(&["A b c.", "A b c.", "D e f."]),
            &s(&["A b c.", "D e f.", "A b c."]),
        );
        assert_eq!((changes.len(), unchanged), (0, 3));
    }

    #[test]
    fn alignment_is_near_linear() {
        // 20,000 statements by one actor took minutes with all pairs scored; each new sentence
        // now meets a few candidates found through its rarest words.
        let old: Vec<String> = (0..20_000)
            .map(|k| format!("Nederland steunt het voorstel over onderwerp {k} van de Commissie."))
            .collect();
        let mut new = old.clone();
        for k in (0..new.len()).step_by(10) {
            new[k] = new[k].replace("steunt", "verwerpt");
        }
        let t = std::time::Instant::now();
        let (changes, unchanged) = align(&old, &new);
        assert_eq!((changes.len(), unchanged), (2_000, 18_000));
        assert!(changes
            .iter()
            .all(|c| matches!(c, TextChange::Changed { .. })));
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    }

    fn done(when: &str, phrase: &str, event: &str) -> Milestone {
        Milestone {
            status: crate::snapshot::Status::Done,
            ..m(when, phrase, event)
        }
    }

    #[test]
    fn past_relative_date_said_again_is_the_same_event() {
        // "de in maart gestarte pilots" in October 2023 and again in April 2024.
        let c = milestones(
            &[done("2023-03", "maart", "gestarte grensbeheerpilots")],
            &[done("2024-03", "maart", "gestarte grensbeheerpilots")],
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn future_relative_date_said_again_has_moved() {
        // "deze maand" in October, and again in December: the agreement slipped.
        let ev = "overeenstemming in het Comité van Permanente Vertegenwoordigers";
        let c = milestones(
            &[m("2023-10", "deze maand", ev)],
            &[m("2023-12", "deze maand", ev)],
        );
        assert!(
            matches!(
                &c[..],
                [MilestoneChange::Moved {
                    months: 2,
                    shift: Shift::Later,
                    restated: true,
                    ..
                }]
            ),
            "{c:?}"
        );
    }

    #[test]
    fn order_of_two_meetings() {
        let k = |s: &str| MeetingKey::from_stem(s);
        assert_eq!(Order::of(&k("2023-10"), &k("2023-12")), Order::Forward);
        assert_eq!(Order::of(&k("2023-12"), &k("2023-10")), Order::Reversed);
        assert_eq!(Order::of(&k("2023-12"), &k("2023-12")), Order::SameMeeting);
        assert_eq!(
            Order::of(&k("2023-12.agenda"), &k("2023-12")),
            Order::PlanOutcome
        );
        assert_eq!(
            Order::of(&k("2023-12"), &k("2023-12.agenda")),
            Order::Reversed
        );
    }

    #[test]
    fn general_approach_aims_at_the_council_position() {
        assert_eq!(
            action_target("(Gedeeltelijke) algemene oriëntatie"),
            Some(Stage::Raadspositie)
        );
        assert_eq!(action_target("Gedachtewisseling"), None);
    }
}
