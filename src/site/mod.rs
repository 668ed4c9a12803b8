//! `site`: the snapshots as a static web site for people who do not run the CLI. An index of
//! dossiers (stage, last change), a page per dossier (the timeline picture, every meeting's
//! positions and its changes against the meeting before, links to the source reports), and
//! Atom feeds, one per dossier and one for all, with an entry per meeting that changed a
//! dossier.
//!
//! Everything is computed from the snapshots with the [`crate::diff`] model and the
//! [`crate::timeline`] model; [`pages`] and [`feed`] only render. Nothing depends on the clock,
//! so an unchanged repository gives byte-identical files, and files whose bytes would not
//! change are not written at all. The pages load nothing from outside and run no scripts:
//! they work from `file://` and from any static host.

pub mod feed;
pub mod pages;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diff::{self, ActorStatus, MilestoneChange, Presence, Shift, Side, SnapshotDiff};
use crate::model::Actor;
use crate::model::Stage;
use crate::repo::{display_path, Repo};
use crate::report::Kind;
use crate::snapshot::Snapshot;
use crate::store::{Collection, MeetingKey};
use crate::timeline::Timeline;

/// How the site is built.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// Where the site goes.
    pub out: PathBuf,
    /// The address the site will be published at (`https://example.org/jbz/`); feeds then
    /// carry absolute links and a `self` link. Without it, links are relative.
    pub base_url: Option<String>,
}

/// One meeting of one dossier, with what changed since the meeting of the same kind before.
#[derive(Debug, Clone)]
pub struct MeetingView {
    /// The meeting and kind.
    pub key: MeetingKey,
    /// The snapshot.
    pub snapshot: Snapshot,
    /// The changes against the previous meeting of the same kind (for the first: against
    /// nothing, so everything reads as new). `None` when nothing changed.
    pub diff: Option<SnapshotDiff>,
    /// The meeting compared against, if any.
    pub previous: Option<MeetingKey>,
    /// The source report's path in the site (`reports/…`), when the file exists.
    pub report: Option<String>,
}

/// One dossier's page.
#[derive(Debug, Clone)]
pub struct DossierView {
    /// The id.
    pub id: String,
    /// The title (the latest snapshot's).
    pub title: String,
    /// Whether the registry names it.
    pub registered: bool,
    /// Every meeting it appears in, oldest first (an agenda before its verslag).
    pub meetings: Vec<MeetingView>,
    /// The timeline over its verslagen, for the picture.
    pub timeline: Option<Timeline>,
}

impl DossierView {
    /// The stage as last read (verslagen first: they say what happened).
    pub fn stage(&self) -> Option<Stage> {
        let latest = |kind: Kind| {
            self.meetings
                .iter()
                .rev()
                .filter(|m| m.key.kind == kind)
                .find_map(|m| m.snapshot.stage)
        };
        latest(Kind::Verslag).or_else(|| latest(Kind::Agenda))
    }

    /// The latest meeting that changed the dossier.
    pub fn last_change(&self) -> Option<&MeetingView> {
        self.meetings.iter().rev().find(|m| m.diff.is_some())
    }
}

/// The whole site's model.
#[derive(Debug, Clone)]
pub struct Site {
    /// The dossiers, registry order first, then by id.
    pub dossiers: Vec<DossierView>,
    /// Where the site will live, if known.
    pub base_url: Option<String>,
}

/// What `site` wrote.
#[derive(Debug, Clone, Default)]
pub struct SiteOutcome {
    /// Files written (new or changed), relative to the output folder.
    pub written: Vec<PathBuf>,
    /// Files whose bytes were already right.
    pub unchanged: Vec<PathBuf>,
    /// Files removed: pages and feeds of dossiers that no longer exist.
    pub removed: Vec<PathBuf>,
    /// Dossier pages.
    pub pages: usize,
    /// Feeds.
    pub feeds: usize,
}

/// Why `site` stopped.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The repository.
    #[error(transparent)]
    Repo(#[from] crate::repo::RepoError),
    /// A snapshot.
    #[error(transparent)]
    Store(#[from] crate::store::fs::StoreError),
    /// Writing the site.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The output folder is the repository itself, or inside its snapshots.
    #[error("{0}")]
    Usage(String),
}

/// Gather the site's model from the working tree's snapshots.
pub fn model(repo: &Repo, base_url: Option<String>) -> Result<Site, SiteError> {
    let registry = repo.registry()?;
    let collection = Collection::from_worktree(&repo.root)?;
    let mut ids: Vec<(String, bool)> = registry
        .dossiers
        .iter()
        .filter(|d| collection.dossier(&d.id).is_some())
        .map(|d| (d.id.clone(), true))
        .collect();
    for id in collection.dossier_ids() {
        if registry.get(id).is_none() {
            ids.push((id.to_string(), false));
        }
    }
    let mut dossiers = Vec::new();
    for (id, registered) in ids {
        let Some(entries) = collection.dossier(&id) else {
            continue;
        };
        let mut meetings = Vec::new();
        for (key, entry) in entries {
            let previous = entries
                .keys()
                .filter(|k| k.kind == key.kind && *k < key)
                .max()
                .cloned();
            let side = |k: &MeetingKey, e: &crate::store::Entry| Side {
                meeting: k.to_string(),
                file: display_path(&e.path),
            };
            let old = previous
                .as_ref()
                .and_then(|p| entries.get(p).map(|e| (&e.snapshot, side(p, e))));
            let diff = diff::snapshots(old, Some((&entry.snapshot, side(key, entry))))
                .filter(|d| !d.is_empty());
            let source = &entry.snapshot.source.path;
            let report = repo.root.join(source).is_file().then(|| source.clone());
            meetings.push(MeetingView {
                key: key.clone(),
                snapshot: entry.snapshot.clone(),
                diff,
                previous,
                report,
            });
        }
        let title = meetings
            .last()
            .map(|m| m.snapshot.dossier.title.clone())
            .unwrap_or_default();
        let timeline =
            crate::timeline::from_collection(&collection, &id, &crate::timeline::Range::default())
                .filter(|t| !t.entries.is_empty());
        dossiers.push(DossierView {
            id,
            title,
            registered,
            meetings,
            timeline,
        });
    }
    Ok(Site {
        dossiers,
        base_url: base_url.map(|u| format!("{}/", u.trim_end_matches('/'))),
    })
}

/// Build the site into `options.out`: the model, the pages, the feeds, and a copy of every
/// source report the pages link to.
pub fn build(repo: &Repo, options: &SiteOptions) -> Result<SiteOutcome, SiteError> {
    let out = &options.out;
    let root = repo.root.canonicalize().unwrap_or(repo.root.clone());
    if let Ok(o) = out.canonicalize() {
        if o == root || o.starts_with(root.join("snapshots")) || o.starts_with(root.join("reports"))
        {
            return Err(SiteError::Usage(format!(
                "{}: the site needs a folder of its own, not the repository or its reports/ or \
                 snapshots/; name one such as `site/` or `public/`",
                out.display()
            )));
        }
    }
    let site = model(repo, options.base_url.clone())?;
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    files.push(("style.css".into(), pages::STYLE.as_bytes().to_vec()));
    files.push(("index.html".into(), pages::index(&site).into_bytes()));
    for d in &site.dossiers {
        files.push((page_path(&d.id), pages::dossier(&site, d).into_bytes()));
        files.push((feed_path(Some(&d.id)), feed::dossier(&site, d).into_bytes()));
    }
    files.push((feed_path(None), feed::all(&site).into_bytes()));
    let mut reports = BTreeSet::new();
    for d in &site.dossiers {
        for m in &d.meetings {
            if let Some(r) = &m.report {
                reports.insert(r.clone());
            }
        }
    }
    for r in &reports {
        let bytes = std::fs::read(repo.root.join(r)).map_err(|source| SiteError::Io {
            path: r.clone(),
            source,
        })?;
        files.push((PathBuf::from(r), bytes));
    }

    let mut outcome = SiteOutcome {
        pages: site.dossiers.len() + 1,
        feeds: site.dossiers.len() + 1,
        ..SiteOutcome::default()
    };
    for (rel, bytes) in &files {
        let path = out.join(rel);
        if std::fs::read(&path).ok().as_deref() == Some(bytes.as_slice()) {
            outcome.unchanged.push(rel.clone());
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| SiteError::Io {
                path: dir.display().to_string(),
                source,
            })?;
        }
        crate::store::fs::write_atomic(&path, bytes).map_err(|e| SiteError::Io {
            path: path.display().to_string(),
            source: std::io::Error::other(e.to_string()),
        })?;
        outcome.written.push(rel.clone());
    }
    // Pages and feeds of dossiers gone from the repository would stay reachable by old links
    // and feed subscriptions with stale content: remove them (only the site's own kinds).
    let made: BTreeSet<&PathBuf> = files.iter().map(|(p, _)| p).collect();
    for (dir, ext) in [("dossier", "html"), ("feeds", "atom"), ("reports", "")] {
        let Ok(list) = std::fs::read_dir(out.join(dir)) else {
            continue;
        };
        let mut gone: Vec<PathBuf> = list
            .flatten()
            .map(|e| PathBuf::from(dir).join(e.file_name()))
            .filter(|p| {
                !made.contains(p)
                    && out.join(p).is_file()
                    && (ext.is_empty() || p.extension().is_some_and(|e| e == ext))
            })
            .collect();
        gone.sort();
        for p in gone {
            std::fs::remove_file(out.join(&p)).map_err(|source| SiteError::Io {
                path: p.display().to_string(),
                source,
            })?;
            outcome.removed.push(p);
        }
    }
    Ok(outcome)
}

/// A dossier's page, relative to the site root.
pub fn page_path(id: &str) -> PathBuf {
    PathBuf::from("dossier").join(format!("{id}.html"))
}

/// A dossier's feed (or, for `None`, the feed of all dossiers), relative to the site root.
pub fn feed_path(id: Option<&str>) -> PathBuf {
    PathBuf::from("feeds").join(format!("{}.atom", id.unwrap_or("all")))
}

/// The anchor of a meeting on a dossier page: `m-2023-12`, `m-2023-12-agenda`.
pub fn anchor(key: &MeetingKey) -> String {
    match key.kind {
        Kind::Verslag => format!("m-{}", key.id),
        Kind::Agenda => format!("m-{}-agenda", key.id),
    }
}

/// The changes of one meeting as short lines in the reader's terms: "NL position changed
/// (1 statement reworded)", "milestone slipped 3 months: …", "stage moved forward: … → …".
pub fn headlines(d: &SnapshotDiff) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(from) = &d.renamed_from {
        out.push(format!("renamed from {from}"));
    }
    match d.presence {
        Presence::Appeared => out.push(format!(
            "on the agenda{}",
            d.new
                .as_ref()
                .map(|s| format!(" at {}", s.meeting))
                .unwrap_or_default()
        )),
        Presence::Left => out.push("no longer on the agenda".to_string()),
        Presence::Both => {}
    }
    if let Some(s) = &d.stage {
        let name = |s: Option<Stage>| s.map_or("(none)", Stage::as_str);
        let how = match s.direction {
            diff::Direction::Forward => "stage moved forward",
            diff::Direction::Backward => "stage moved back",
            diff::Direction::Set => "stage",
            diff::Direction::Cleared => "stage no longer read",
        };
        if s.direction == diff::Direction::Set {
            out.push(format!("{how}: {}", name(s.new)));
        } else {
            out.push(format!("{how}: {} → {}", name(s.old), name(s.new)));
        }
    }
    for c in &d.timeline {
        out.push(match c {
            MilestoneChange::Moved {
                new, months, shift, ..
            } => match shift {
                Shift::Later => format!(
                    "milestone slipped {}: {} (now {}: {})",
                    months_word(*months),
                    new.event,
                    new.when,
                    new.phrase
                ),
                Shift::Earlier => format!(
                    "milestone brought forward {}: {} (now {}: {})",
                    months_word(-*months),
                    new.event,
                    new.when,
                    new.phrase
                ),
                Shift::Refined => format!(
                    "milestone made more precise: {} (now {}: {})",
                    new.event, new.when, new.phrase
                ),
            },
            MilestoneChange::Status { new, .. } => format!(
                "milestone {}: {} ({})",
                match new.status {
                    crate::snapshot::Status::Done => "done",
                    crate::snapshot::Status::Planned => "planned again",
                },
                new.event,
                new.phrase
            ),
            MilestoneChange::Added { new } => {
                format!("new milestone: {} ({})", new.event, new.phrase)
            }
            MilestoneChange::Dropped { old } => {
                format!(
                    "milestone no longer mentioned: {} ({})",
                    old.event, old.phrase
                )
            }
        });
    }
    for a in &d.positions {
        let who = match &a.actor {
            Actor::Nederland => "NL".to_string(),
            other => other.to_string(),
        };
        let n = a.statements.len();
        let s = if n == 1 { "" } else { "s" };
        out.push(match a.status {
            ActorStatus::Spoke if d.presence == Presence::Appeared => {
                format!("{who}: {n} statement{s}")
            }
            ActorStatus::Spoke => format!("{who} spoke ({n} statement{s})"),
            ActorStatus::FellSilent => format!("{who} fell silent"),
            ActorStatus::Changed => format!(
                "{who} position changed ({n} statement{} differ{})",
                s,
                if n == 1 { "s" } else { "" }
            ),
        });
    }
    if !d.highlights.is_empty() {
        let n = d.highlights.len();
        out.push(format!(
            "{n} highlight{} changed",
            if n == 1 { "" } else { "s" }
        ));
    }
    if !d.state_of_play.is_empty() {
        let n = d.state_of_play.len();
        out.push(format!(
            "state of play: {n} sentence{} changed",
            if n == 1 { "" } else { "s" }
        ));
    }
    if !d.references.is_empty() {
        let n = d.references.len();
        out.push(format!(
            "{n} reference{} added or dropped",
            if n == 1 { "" } else { "s" }
        ));
    }
    out
}

fn months_word(m: i32) -> String {
    if m == 1 {
        "1 month".to_string()
    } else {
        format!("{m} months")
    }
}

/// Where a path of the site is, seen from a page or feed at `from` (both relative to the root).
pub fn relative(from: &Path, to: &str) -> String {
    let depth = from.components().count().saturating_sub(1);
    format!("{}{to}", "../".repeat(depth))
}
