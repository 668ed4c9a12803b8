//! Markdown for pull requests and mailing lists: a heading per dossier, bullets per change,
//! deletions struck through and insertions in bold inside changed sentences.

use std::io::{self, Write};

use crate::check::Findings;
use crate::diff::{
    ActorStatus, Comparison, Piece, Presence, ReferenceChange, SnapshotDiff, TextChange,
};
use crate::render::text::{change_lines, milestone_line, stage_line};
use crate::repo::display_path;
use crate::timeline::Timeline;

/// Escape the characters Markdown would read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A file path as one table cell: a code span that nothing in the name can end (a fence of
/// more backticks than any run in it), line breaks and other control characters shown as
/// `\u{FFFD}`, and `|` escaped, as GitHub's tables need even inside code. A file name is
/// whatever a commit says it is: it must not inject a heading or break the table.
pub fn path_cell(path: &str) -> String {
    let clean: String = path
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect::<String>()
        .replace('|', "\\|");
    let mut longest = 0;
    let mut run = 0;
    for c in clean.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if clean.starts_with('`') || clean.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{clean}{pad}{fence}")
}

/// Text as one table cell: markup escaped, line breaks made spaces.
fn text_cell(text: &str) -> String {
    escape(text)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn inline(words: &[Piece]) -> String {
    let mut s = String::new();
    for p in words {
        match p {
            Piece::Same { same } => s.push_str(&escape(same)),
            Piece::Changed { removed, inserted } => {
                // Markup must hug the words: keep surrounding spaces outside it.
                for (text, mark) in [(removed, "~~"), (inserted, "**")] {
                    if text.trim().is_empty() {
                        s.push_str(text);
                        continue;
                    }
                    let lead = &text[..text.len() - text.trim_start().len()];
                    let trail = &text[text.trim_end().len()..];
                    s.push_str(&format!("{lead}{mark}{}{mark}{trail}", escape(text.trim())));
                }
            }
        }
    }
    s
}

fn sentence(out: &mut impl Write, c: &TextChange, indent: &str) -> io::Result<()> {
    match c {
        TextChange::Added { new } => writeln!(out, "{indent}- added: {}", escape(new)),
        TextChange::Removed { old } => writeln!(out, "{indent}- removed: ~~{}~~", escape(old)),
        TextChange::Changed { words, .. } => {
            writeln!(out, "{indent}- changed: {}", inline(words))
        }
    }
}

/// A comparison as Markdown.
pub fn comparison(out: &mut impl Write, c: &Comparison) -> io::Result<()> {
    comparison_at(out, c, 2, "JBZ-Raad")
}

/// A comparison with its heading at `level` (dossiers one below), titled `title: old → new`.
fn comparison_at(
    out: &mut impl Write,
    c: &Comparison,
    level: usize,
    title: &str,
) -> io::Result<()> {
    let h = "#".repeat(level);
    writeln!(out, "{h} {title}: {} → {}", escape(&c.old), escape(&c.new))?;
    writeln!(out)?;
    if let Some(note) = crate::render::text::order_note(c) {
        writeln!(out, "*{}*", escape(&note))?;
        writeln!(out)?;
    }
    if c.is_empty() {
        match c.unchanged.len() {
            0 => writeln!(out, "No changes.")?,
            1 => writeln!(out, "No changes in 1 dossier.")?,
            n => writeln!(out, "No changes in {n} dossiers.")?,
        }
        return Ok(());
    }
    for d in &c.dossiers {
        dossier_at(out, d, level + 1)?;
    }
    if !c.unchanged.is_empty() {
        writeln!(
            out,
            "Unchanged: {}.",
            c.unchanged
                .iter()
                .map(|u| format!("`{u}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    Ok(())
}

/// One dossier's changes as Markdown, under a `###` heading.
pub fn dossier(out: &mut impl Write, d: &SnapshotDiff) -> io::Result<()> {
    dossier_at(out, d, 3)
}

fn dossier_at(out: &mut impl Write, d: &SnapshotDiff, level: usize) -> io::Result<()> {
    match &d.renamed_from {
        Some(from) => writeln!(
            out,
            "{} `{from}` → `{}` (renamed) {}",
            "#".repeat(level),
            d.dossier,
            escape(&d.title)
        )?,
        None => writeln!(
            out,
            "{} `{}` {}",
            "#".repeat(level),
            d.dossier,
            escape(&d.title)
        )?,
    }
    writeln!(out)?;
    if d.renamed_from.is_some() {
        // Its files moved to another folder; what follows is only what changed in them.
        if d.same_content() {
            writeln!(out, "**Renamed**, no change in content.")?;
            return writeln!(out);
        }
        writeln!(out, "**Renamed**; its content changed:")?;
        writeln!(out)?;
    }
    if let Some(o) = &d.outcome {
        writeln!(
            out,
            "**Plan → outcome:** {}.",
            escape(&crate::render::text::outcome_line(o))
        )?;
        writeln!(out)?;
        if d.presence != Presence::Both {
            return Ok(());
        }
    }
    match d.presence {
        Presence::Appeared => {
            writeln!(
                out,
                "**On the agenda** at {}.",
                d.new.as_ref().map_or("", |s| s.meeting.as_str())
            )?;
            if let Some(stage) = d.stage.as_ref().and_then(|s| s.new) {
                writeln!(out, "Stage: {stage}.")?;
            }
            let n: usize = d.positions.iter().map(|p| p.statements.len()).sum();
            if n > 0 {
                let who: Vec<String> = d.positions.iter().map(|p| p.actor.to_string()).collect();
                writeln!(
                    out,
                    "{n} statement{} by {}.",
                    if n == 1 { "" } else { "s" },
                    who.join(", ")
                )?;
            }
            writeln!(out)?;
            return Ok(());
        }
        Presence::Left => {
            writeln!(
                out,
                "**No longer on the agenda** (last at {}).",
                d.old.as_ref().map_or("", |s| s.meeting.as_str())
            )?;
            writeln!(out)?;
            return Ok(());
        }
        Presence::Both => {}
    }
    if let Some(s) = &d.stage {
        writeln!(out, "- **Stage:** {}", escape(&stage_line(s)))?;
        if let Some(e) = &s.new_evidence {
            writeln!(out, "  > {}", escape(e))?;
        }
    }
    if !d.timeline.is_empty() {
        writeln!(out, "- **Timeline**")?;
        for c in &d.timeline {
            let (_, word, text) = milestone_line(c);
            writeln!(out, "  - {word}: {}", escape(&text))?;
        }
    }
    for a in &d.positions {
        let status = match a.status {
            ActorStatus::Spoke => " (spoke)",
            ActorStatus::FellSilent => " (fell silent)",
            ActorStatus::Changed => "",
        };
        writeln!(out, "- **{}**{status}", a.actor)?;
        for c in &a.statements {
            sentence(out, c, "  ")?;
        }
    }
    if !d.highlights.is_empty() {
        writeln!(out, "- **Highlights**")?;
        for c in &d.highlights {
            sentence(out, c, "  ")?;
        }
    }
    if !d.state_of_play.is_empty() {
        writeln!(out, "- **State of play**")?;
        for c in &d.state_of_play {
            sentence(out, c, "  ")?;
        }
    }
    if !d.references.is_empty() {
        writeln!(out, "- **References**")?;
        for r in &d.references {
            match r {
                ReferenceChange::Added { new } => {
                    writeln!(out, "  - added: {}", escape(&new.text))?
                }
                ReferenceChange::Removed { old } => {
                    writeln!(out, "  - removed: {}", escape(&old.text))?
                }
            }
        }
    }
    writeln!(out)
}

/// `check`'s findings as a pull-request comment: a verdict, a table of problems, and (with
/// `--base`) what the change does to the dossiers.
pub fn findings(
    out: &mut impl Write,
    f: &Findings,
    changes: Option<&Comparison>,
) -> io::Result<()> {
    writeln!(out, "## jbz-track check")?;
    writeln!(out)?;
    if f.passed() {
        writeln!(
            out,
            "**Passed:** {} report{} and {} snapshot{} are in order.",
            f.reports,
            if f.reports == 1 { "" } else { "s" },
            f.snapshots,
            if f.snapshots == 1 { "" } else { "s" }
        )?;
    } else {
        writeln!(
            out,
            "**Failed:** {} problem{} in {} report{} and {} snapshot{}.",
            f.findings.len(),
            if f.findings.len() == 1 { "" } else { "s" },
            f.reports,
            if f.reports == 1 { "" } else { "s" },
            f.snapshots,
            if f.snapshots == 1 { "" } else { "s" }
        )?;
        writeln!(out)?;
        writeln!(out, "| file | line | problem | what to do |")?;
        writeln!(out, "|---|---|---|---|")?;
        for x in &f.findings {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                path_cell(&display_path(&x.path)),
                x.line.map(|l| l.to_string()).unwrap_or_default(),
                x.problem.as_str(),
                text_cell(&x.message)
            )?;
        }
    }
    if let Some(c) = changes {
        writeln!(out)?;
        comparison_at(out, c, 3, "What this changes")?;
    }
    Ok(())
}

/// A dossier's timeline as Markdown: a section per meeting with the Netherlands' statements
/// whole, then the milestone drift as a table.
pub fn timeline(out: &mut impl Write, t: &Timeline) -> io::Result<()> {
    writeln!(out, "## `{}` {}: timeline", t.dossier, escape(&t.title))?;
    let mut prev: Option<&str> = None;
    for e in &t.entries {
        writeln!(out)?;
        let stage = e
            .stage
            .map_or("(not read)".to_string(), |s| s.as_str().to_string());
        // The first entry has nothing to change from.
        let changed = if e.stage_changed && prev.is_some() {
            " (changed)"
        } else {
            ""
        };
        match &e.commit {
            Some(c) => writeln!(
                out,
                "### {} `{}` {}: {}",
                c.date,
                c.id,
                escape(&c.author),
                escape(&c.summary)
            )?,
            None => writeln!(out, "### {} ({})", e.meeting, e.date)?,
        }
        writeln!(out)?;
        if e.commit.is_some() {
            writeln!(out, "- **Meeting:** {}", e.meeting)?;
        }
        writeln!(out, "- **Stage:** {stage}{changed}")?;
        if !e.nederland.is_empty() {
            writeln!(out, "- **Nederland**")?;
            for s in &e.nederland {
                writeln!(out, "  - {}", escape(s))?;
            }
        }
        let lines: Vec<String> = e.changes.iter().flat_map(change_lines).collect();
        if !lines.is_empty() {
            match prev {
                Some(p) if e.commit.is_none() => writeln!(out, "- **Changes since {p}**")?,
                _ => writeln!(out, "- **Changes**")?,
            }
            for l in &lines {
                writeln!(out, "  - {}", escape(l))?;
            }
        }
        if !e.milestones.is_empty() {
            writeln!(out, "- **Milestones**")?;
            for m in &e.milestones {
                writeln!(
                    out,
                    "  - {} ({}), {}: {}",
                    m.when,
                    escape(&m.phrase),
                    match m.status {
                        crate::snapshot::Status::Done => "done",
                        crate::snapshot::Status::Planned => "planned",
                    },
                    escape(&crate::render::text::milestone_title(m))
                )?;
            }
        }
        prev = Some(&e.meeting);
    }
    if t.entries.len() > 1 && !t.drift.is_empty() {
        writeln!(out)?;
        writeln!(out, "### Milestone drift")?;
        writeln!(out)?;
        let heads: Vec<&str> = t.entries.iter().map(|e| e.meeting.as_str()).collect();
        writeln!(out, "| milestone | {} | moved |", heads.join(" | "))?;
        writeln!(out, "|---|{}---|", "---|".repeat(heads.len()))?;
        for d in &t.drift {
            let cells: Vec<String> =
                d.at.iter()
                    .map(|m| m.as_ref().map_or(String::new(), |m| escape(&m.phrase)))
                    .collect();
            let moved = match d.total_months() {
                Some(0) | None => String::new(),
                Some(m) => format!("{m:+} months"),
            };
            writeln!(
                out,
                "| {} | {} | {moved} |",
                escape(
                    &d.at
                        .iter()
                        .rev()
                        .flatten()
                        .next()
                        .map_or_else(|| d.event.clone(), crate::render::text::milestone_title)
                ),
                cells.join(" | ")
            )?;
        }
    }
    Ok(())
}
