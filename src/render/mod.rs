//! Models → output. Each renderer takes a model and a writer and prints nothing on its own:
//! [`text`] for people (aligned, coloured where the terminal allows), [`json`] for machines.

pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod svg;
pub mod text;

use std::collections::BTreeMap;

use crate::dossier::Registry;
use crate::snapshot::Snapshot;

/// How output should look, decided once from the command line and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisplayOptions {
    /// Print nothing but errors.
    pub quiet: bool,
    /// Say which files were read and written.
    pub verbose: bool,
    /// Column to wrap long text at.
    pub width: usize,
    /// Whether stdout takes colour; without it, changes are marked `[-…-]{+…+}`.
    pub color: bool,
}

impl DisplayOptions {
    /// Options for this process: the width from `COLUMNS` where set, else the width of the
    /// terminal on stdout (a shell does not export `COLUMNS`), else 100 (a pipe or a file).
    pub fn detect(quiet: bool, verbose: bool) -> Self {
        let color = matches!(
            anstream::AutoStream::choice(&std::io::stdout()),
            anstream::ColorChoice::Always | anstream::ColorChoice::AlwaysAnsi
        );
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<usize>().ok())
            .filter(|w| *w > 0);
        let terminal = || {
            terminal_size::terminal_size_of(std::io::stdout())
                .map(|(w, _)| usize::from(w.0))
                .filter(|w| *w > 0)
        };
        // Narrower than 40 columns nothing reads well; wrap at 40 and let the terminal fold.
        let width = columns.or_else(terminal).unwrap_or(100).max(40);
        DisplayOptions {
            quiet,
            verbose,
            width,
            color,
        }
    }
}

/// One dossier in the `dossiers` listing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DossierEntry {
    /// The id.
    pub id: String,
    /// The title.
    pub title: String,
    /// Whether the registry names it (otherwise it was made from a heading).
    pub registered: bool,
    /// Meeting snapshots it has: `2023-10`, `2023-10.agenda`, oldest first.
    pub meetings: Vec<String>,
}

/// The `dossiers` listing: the registry's dossiers first, in registry order, then the others
/// by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierList {
    /// The entries.
    pub entries: Vec<DossierEntry>,
}

impl DossierList {
    /// Gather the listing from the registry and the snapshots on disk.
    pub fn build(registry: &Registry, snapshots: &[Snapshot]) -> Self {
        let mut meetings: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        let mut titles: BTreeMap<&str, &str> = BTreeMap::new();
        for s in snapshots {
            let name = s.file_name();
            let stem = name.strip_suffix(".yaml").unwrap_or(&name).to_string();
            meetings.entry(&s.dossier.id).or_default().push(stem);
            titles.entry(&s.dossier.id).or_insert(&s.dossier.title);
        }
        for list in meetings.values_mut() {
            list.sort();
        }
        let mut entries: Vec<DossierEntry> = registry
            .dossiers
            .iter()
            .map(|d| DossierEntry {
                id: d.id.clone(),
                title: d.title.clone(),
                registered: true,
                meetings: meetings.get(d.id.as_str()).cloned().unwrap_or_default(),
            })
            .collect();
        for (id, list) in &meetings {
            if registry.get(id).is_none() {
                entries.push(DossierEntry {
                    id: id.to_string(),
                    title: titles.get(id).map(|t| t.to_string()).unwrap_or_default(),
                    registered: false,
                    meetings: list.clone(),
                });
            }
        }
        DossierList { entries }
    }
}

/// Break text into lines of at most `width` columns (counted in chars), at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
