//! Text for people: aligned columns, colour where the terminal allows it (the writer strips it
//! where not), nothing that only colour says.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::normalize::{FileStatus, Outcome, UpdateMode};
use crate::render::{wrap, DisplayOptions, DossierList};
use crate::repo::display_path;
use crate::snapshot::{Snapshot, Status};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const RED: Style = AnsiColor::Red.on_default().bold();
const CYAN: Style = AnsiColor::Cyan.on_default();

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// What `normalize` did: changed files on stdout (every file with -v), failures on stderr,
/// then a summary line. With -q, only failures.
pub fn normalize_outcome(
    out: &mut impl Write,
    err: &mut impl Write,
    outcome: &Outcome,
    mode: UpdateMode,
    display: &DisplayOptions,
) -> io::Result<()> {
    for f in &outcome.failures {
        writeln!(err, "{} {f}", paint(RED, "error:"))?;
    }
    if display.quiet {
        return Ok(());
    }
    for f in &outcome.files {
        let (word, style) = match (f.status, mode) {
            (FileStatus::Unchanged, _) if !display.verbose => continue,
            (FileStatus::Unchanged, _) => ("unchanged", DIM),
            (FileStatus::Created, UpdateMode::Write) => ("created", GREEN),
            (FileStatus::Updated, UpdateMode::Write) => ("updated", YELLOW),
            (FileStatus::Removed, UpdateMode::Write) => ("removed", RED),
            (FileStatus::Created, UpdateMode::Check) => ("missing", RED),
            (FileStatus::Updated, UpdateMode::Check) => ("stale", RED),
            (FileStatus::Removed, UpdateMode::Check) => ("orphaned", RED),
        };
        let at = f
            .first_difference
            .filter(|_| mode == UpdateMode::Check)
            .map(|l| format!(" (from line {l})"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>10}  {}{at}",
            paint(style, word),
            display_path(&f.path)
        )?;
    }
    let changed = outcome.changed().count();
    let total = outcome.files.len();
    let reports = outcome.reports.len();
    let r = if reports == 1 { "report" } else { "reports" };
    match mode {
        UpdateMode::Write => writeln!(
            out,
            "{reports} {r} normalized: {total} snapshots, {changed} written, {} unchanged",
            total - changed
        )?,
        UpdateMode::Check if changed == 0 => writeln!(
            out,
            "{reports} {r} checked: all {total} snapshots are up to date"
        )?,
        UpdateMode::Check => writeln!(
            out,
            "{reports} {r} checked: {changed} of {total} snapshots differ from what the reports give; run `jbz-track normalize` to update them"
        )?,
    }
    Ok(())
}

/// One snapshot, for reading in a terminal.
pub fn snapshot(out: &mut impl Write, s: &Snapshot, display: &DisplayOptions) -> io::Result<()> {
    let width = display.width;
    writeln!(out, "{}  {}", paint(BOLD, &s.dossier.id), s.dossier.title)?;
    writeln!(
        out,
        "{}",
        paint(
            DIM,
            &format!(
                "{} {} · {} to {} · {} · {}",
                s.meeting.council,
                s.meeting.id,
                s.meeting.start,
                s.meeting.end,
                s.source.kind.as_str(),
                s.source.path
            )
        )
    )?;
    section(out, "Agenda items")?;
    for item in &s.items {
        let label = if item.part.is_empty() {
            format!("{}.", item.number)
        } else {
            format!("{} {}.", item.part, item.number)
        };
        writeln!(out, "  {}  {}", paint(CYAN, &label), item.heading)?;
        if let Some(a) = &item.action {
            writeln!(
                out,
                "  {}  {}",
                " ".repeat(label.chars().count()),
                paint(DIM, a)
            )?;
        }
    }
    if !s.highlights.is_empty() {
        section(out, "Highlights")?;
        for h in &s.highlights {
            bullet(out, h, 2, width)?;
        }
    }
    if let Some(stage) = s.stage {
        section(out, "Stage")?;
        writeln!(out, "  {}", paint(BOLD, stage.as_str()))?;
        if let Some(e) = &s.stage_evidence {
            for line in wrap(e, width.saturating_sub(4)) {
                writeln!(out, "    {}", paint(DIM, &line))?;
            }
        }
    }
    if !s.positions.is_empty() {
        section(out, "Positions")?;
        for p in &s.positions {
            writeln!(out, "  {}", paint(CYAN, &p.actor.to_string()))?;
            for st in &p.statements {
                bullet(out, st, 4, width)?;
            }
        }
    }
    if !s.timeline.is_empty() {
        section(out, "Timeline")?;
        let when_w = s
            .timeline
            .iter()
            .map(|m| m.when.to_string().len())
            .max()
            .unwrap_or(0);
        for m in &s.timeline {
            let status = match m.status {
                Status::Done => paint(GREEN, "done   "),
                Status::Planned => paint(YELLOW, "planned"),
            };
            writeln!(
                out,
                "  {:<when_w$}  {status}  {}  {}",
                m.when.to_string(),
                m.event,
                paint(DIM, &format!("({})", m.phrase))
            )?;
        }
    }
    if !s.references.is_empty() {
        section(out, "References")?;
        for r in &s.references {
            writeln!(out, "  {}", r.text)?;
        }
    }
    Ok(())
}

fn section(out: &mut impl Write, title: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", paint(BOLD, title))
}

fn bullet(out: &mut impl Write, text: &str, indent: usize, width: usize) -> io::Result<()> {
    let pad = " ".repeat(indent);
    for (i, line) in wrap(text, width.saturating_sub(indent + 2).max(20))
        .iter()
        .enumerate()
    {
        let mark = if i == 0 { "• " } else { "  " };
        writeln!(out, "{pad}{mark}{line}")?;
    }
    Ok(())
}

/// The dossier listing: id, meetings, title, in aligned columns.
pub fn dossiers(
    out: &mut impl Write,
    list: &DossierList,
    _display: &DisplayOptions,
) -> io::Result<()> {
    let id_w = list
        .entries
        .iter()
        .map(|e| e.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let meetings: Vec<String> = list
        .entries
        .iter()
        .map(|e| {
            if e.meetings.is_empty() {
                "-".to_string()
            } else {
                e.meetings.join(" ")
            }
        })
        .collect();
    let m_w = meetings.iter().map(|m| m.len()).max().unwrap_or(8).max(8);
    writeln!(
        out,
        "{}",
        paint(
            BOLD,
            &format!("{:<id_w$}  {:<m_w$}  title", "id", "meetings")
        )
    )?;
    for (e, m) in list.entries.iter().zip(&meetings) {
        let id = format!("{:<id_w$}", e.id);
        let id = if e.registered { paint(CYAN, &id) } else { id };
        writeln!(out, "{id}  {m:<m_w$}  {}", e.title)?;
    }
    Ok(())
}
