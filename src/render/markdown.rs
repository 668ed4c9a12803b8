//! Markdown for pull requests and mailing lists: a heading per dossier, bullets per change,
//! deletions struck through and insertions in bold inside changed sentences.

use std::io::{self, Write};

use crate::diff::{
    ActorStatus, Comparison, Piece, Presence, ReferenceChange, SnapshotDiff, TextChange,
};
use crate::render::text::{milestone_line, stage_line};

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
    writeln!(out, "## JBZ-Raad: {} → {}", escape(&c.old), escape(&c.new))?;
    writeln!(out)?;
    if c.is_empty() {
        writeln!(out, "No changes in {} dossiers.", c.unchanged.len())?;
        return Ok(());
    }
    for d in &c.dossiers {
        dossier(out, d)?;
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

/// One dossier's changes as Markdown.
pub fn dossier(out: &mut impl Write, d: &SnapshotDiff) -> io::Result<()> {
    writeln!(out, "### `{}` {}", d.dossier, escape(&d.title))?;
    writeln!(out)?;
    match d.presence {
        Presence::Appeared => {
            writeln!(
                out,
                "**On the agenda** at {}.",
                d.new.as_ref().map_or("", |s| s.meeting.as_str())
            )?;
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
