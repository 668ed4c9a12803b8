//! Text for people: aligned columns, colour where the terminal allows it (the writer strips it
//! where not), nothing that only colour says.

use std::io::{self, Write};
use std::path::PathBuf;

use anstyle::{AnsiColor, Style};

use crate::check::Findings;
use crate::diff::{
    ActorStatus, Comparison, Direction, MilestoneChange, Order, OutcomeResult, Piece, Presence,
    ReferenceChange, Shift, SnapshotDiff, StageChange, TextChange,
};
use crate::model::Stage;
use crate::normalize::{FileStatus, Outcome, UpdateMode};
use crate::render::{wrap, DisplayOptions, DossierList};
use crate::repo::display_path;
use crate::snapshot::{Milestone, Snapshot, Status};
use crate::source::PdfReader;
use crate::timeline::Timeline;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const RED: Style = AnsiColor::Red.on_default().bold();
const CYAN: Style = AnsiColor::Cyan.on_default();

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// One line of a file list: what happened, right-aligned in a column of its own (as cargo
/// prints `Compiling`), then the rest. The word is padded before it is painted, so that the
/// colour codes do not count toward the width.
fn status_line(
    out: &mut impl Write,
    style: Style,
    word: &str,
    rest: impl std::fmt::Display,
) -> io::Result<()> {
    writeln!(out, "{}  {rest}", paint(style, &format!("{word:>10}")))
}

/// What `ingest` did with `file`: added or replaced (in the column of the file list that
/// follows), or found already there.
pub fn ingested(
    out: &mut impl Write,
    done: &crate::ingest::Ingested,
    file: &std::path::Path,
) -> io::Result<()> {
    use crate::ingest::Ingested;
    let path = display_path(done.path());
    match done {
        Ingested::Added { .. } => status_line(out, GREEN, "added", path),
        Ingested::AlreadyThere { .. } => writeln!(
            out,
            "{}: already in the repository as {path}; nothing to do",
            file.display()
        ),
        // Every file replaced or removed is named, with the SHA-256 it had.
        Ingested::Replaced { old, .. } => {
            for p in old {
                if p.path == done.path() {
                    status_line(
                        out,
                        YELLOW,
                        "replaced",
                        format_args!(
                            "{path} (was sha256 {}) with {}",
                            p.short_sha(),
                            file.display()
                        ),
                    )?;
                } else {
                    status_line(
                        out,
                        YELLOW,
                        "removed",
                        format_args!(
                            "{} (sha256 {}), a report of the same meeting",
                            display_path(&p.path),
                            p.short_sha()
                        ),
                    )?;
                }
            }
            if !old.iter().any(|p| p.path == done.path()) {
                status_line(out, GREEN, "added", path)?;
            }
            Ok(())
        }
    }
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
    for w in &outcome.warnings {
        writeln!(err, "{} {w}", paint(YELLOW, "warning:"))?;
    }
    for f in &outcome.failures {
        writeln!(err, "{} {f}", paint(RED, "error:"))?;
    }
    if display.quiet {
        return Ok(());
    }
    if display.verbose {
        read_lines(out, &outcome.reports, &outcome.pdf_readers)?;
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
        status_line(
            out,
            style,
            word,
            format_args!("{}{at}", display_path(&f.path)),
        )?;
    }
    writeln!(out, "{}", normalize_summary(outcome, mode))
}

/// The last line of `normalize`: the reports (those that failed counted too) and the snapshots
/// the reports give. A removed file is no snapshot any more: after a registry edit merges two
/// dossiers, "42 snapshots, 2 removed", not "44 snapshots".
pub fn normalize_summary(outcome: &Outcome, mode: UpdateMode) -> String {
    let count = |s: FileStatus| outcome.files.iter().filter(|f| f.status == s).count();
    let (created, updated, removed) = (
        count(FileStatus::Created),
        count(FileStatus::Updated),
        count(FileStatus::Removed),
    );
    let unchanged = count(FileStatus::Unchanged);
    let given = outcome.files.len() - removed;
    // The reports read, and apart from them the reports that failed (counted once each; a
    // snapshot that could not be written is no failed report).
    let reports = outcome.reports.len();
    let mut failed_reports: Vec<&std::path::Path> = outcome
        .failures
        .iter()
        .map(|f| f.path.as_path())
        .filter(|p| {
            !p.starts_with(crate::repo::SNAPSHOTS_DIR) && !outcome.reports.iter().any(|r| r == p)
        })
        .collect();
    failed_reports.sort();
    failed_reports.dedup();
    let r = if reports == 1 { "report" } else { "reports" };
    let failed = match failed_reports.len() {
        0 => String::new(),
        n => format!(", {n} failed"),
    };
    let s = |n: usize| if n == 1 { "snapshot" } else { "snapshots" };
    match mode {
        UpdateMode::Write => {
            let removed = if removed > 0 {
                format!(", {removed} removed")
            } else {
                String::new()
            };
            format!(
                "{reports} {r} normalized{failed}: {given} {}, {} written, {unchanged} unchanged{removed}",
                s(given),
                created + updated
            )
        }
        UpdateMode::Check if created + updated + removed == 0 => {
            format!("{reports} {r} checked{failed}: all {given} {} are up to date", s(given))
        }
        UpdateMode::Check => format!(
            "{reports} {r} checked{failed}: {} of {} {} differ from what the reports give; run `{}` to update them",
            created + updated + removed,
            outcome.files.len(),
            s(outcome.files.len()),
            UpdateMode::write_command()
        ),
    }
}

/// `-v` on a reading command (on stderr, so that JSON on stdout stays JSON): each snapshot
/// file read, and the revision it was read at.
pub fn read_files<'p>(
    err: &mut impl Write,
    paths: impl IntoIterator<Item = &'p PathBuf>,
    rev: Option<&str>,
) -> io::Result<()> {
    let at = rev.map(|r| format!(" (at {r})")).unwrap_or_default();
    for p in paths {
        status_line(err, DIM, "read", format_args!("{}{at}", display_path(p)))?;
    }
    Ok(())
}

/// `-v`: each report read, then what read the PDFs among them (once a run, not once a file).
fn read_lines(out: &mut impl Write, reports: &[PathBuf], readers: &[PdfReader]) -> io::Result<()> {
    for r in reports {
        status_line(out, DIM, "read", display_path(r))?;
    }
    for r in readers {
        status_line(out, DIM, "PDF reader", crate::source::pdf::describe(*r))?;
    }
    Ok(())
}

/// One snapshot, for reading in a terminal.
pub fn snapshot(out: &mut impl Write, s: &Snapshot, display: &DisplayOptions) -> io::Result<()> {
    let width = display.width;
    let plain = Style::new();
    line_or_wrapped(
        out,
        &format!("{}  ", paint(BOLD, &s.dossier.id)),
        &[(s.dossier.title.clone(), plain)],
        2,
        width,
    )?;
    line_or_wrapped(
        out,
        "",
        &[(
            format!(
                "{} {} · {} to {} · {} · {}",
                s.meeting.council,
                s.meeting.id,
                s.meeting.start,
                s.meeting.end,
                s.source.kind.as_str(),
                s.source.path
            ),
            DIM,
        )],
        2,
        width,
    )?;
    section(out, "Agenda items")?;
    for item in &s.items {
        let label = if item.part.is_empty() {
            format!("{}.", item.number)
        } else {
            format!("{} {}.", item.part, item.number)
        };
        line_or_wrapped(
            out,
            &format!("  {}  ", paint(CYAN, &label)),
            &[(item.heading.clone(), plain)],
            4 + label.chars().count(),
            width,
        )?;
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
    if !s.state_of_play.is_empty() {
        section(out, "State of play")?;
        for st in &s.state_of_play {
            bullet(out, st, 2, width)?;
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
            line_or_wrapped(
                out,
                &format!("  {:<when_w$}  {status}  ", m.when.to_string()),
                &[(m.event.clone(), plain), (format!("  ({})", m.phrase), DIM)],
                2 + when_w + 2 + 7 + 2,
                width,
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

/// The dossier listing, within the width of the terminal: id, meetings and title in aligned
/// columns, titles shortened with "…" to fit; where even the ids and meetings leave no room
/// for a title (long automatic ids), one block per dossier: the id and its meetings, then the
/// title on a line of its own, indented.
pub fn dossiers(
    out: &mut impl Write,
    list: &DossierList,
    display: &DisplayOptions,
) -> io::Result<()> {
    let width = display.width;
    let id_w = list
        .entries
        .iter()
        .map(|e| e.id.chars().count())
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
    let m_w = meetings
        .iter()
        .map(|m| m.chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    let paint_id = |e: &crate::render::DossierEntry, text: &str| {
        if e.registered {
            paint(CYAN, text)
        } else {
            text.to_string()
        }
    };
    // A title column narrower than this reads as noise: blocks instead.
    const MIN_TITLE: usize = 24;
    if id_w + 2 + m_w + 2 + MIN_TITLE <= width {
        let title_w = width - id_w - 2 - m_w - 2;
        writeln!(
            out,
            "{}",
            paint(
                BOLD,
                &format!("{:<id_w$}  {:<m_w$}  title", "id", "meetings")
            )
        )?;
        for (e, m) in list.entries.iter().zip(&meetings) {
            let id = paint_id(e, &format!("{:<id_w$}", e.id));
            writeln!(out, "{id}  {m:<m_w$}  {}", shorten(&e.title, title_w))?;
        }
        return Ok(());
    }
    for (i, (e, m)) in list.entries.iter().zip(&meetings).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let id_len = e.id.chars().count();
        if id_len + 2 + m.chars().count() <= width {
            writeln!(out, "{}  {m}", paint_id(e, &e.id))?;
        } else {
            writeln!(out, "{}", paint_id(e, &e.id))?;
            for line in wrap(m, width.saturating_sub(4).max(20)) {
                writeln!(out, "    {line}")?;
            }
        }
        if !e.title.is_empty() {
            writeln!(
                out,
                "    {}",
                paint(DIM, &shorten(&e.title, width.saturating_sub(4).max(20)))
            )?;
        }
    }
    Ok(())
}

/// A styled run of text, for wrapping without counting escape codes.
type Span = (String, Style);

/// Wrap styled spans at `width` visible columns: the first line after `first` visible
/// columns, continuation lines after `indent` spaces. Lines break between words only; a word
/// longer than a line stands on a line of its own.
fn wrap_spans(spans: &[Span], width: usize, first: usize, indent: usize) -> Vec<String> {
    // Words are maximal runs without whitespace; one word may hold several spans.
    let mut words: Vec<Vec<(&str, Style)>> = vec![Vec::new()];
    for (text, style) in spans {
        let mut rest = text.as_str();
        while !rest.is_empty() {
            if let Some(pos) = rest.find(char::is_whitespace) {
                if pos > 0 {
                    words
                        .last_mut()
                        .expect("one word")
                        .push((&rest[..pos], *style));
                }
                if words.last().is_some_and(|w| !w.is_empty()) {
                    words.push(Vec::new());
                }
                let ws = rest[pos..]
                    .find(|c: char| !c.is_whitespace())
                    .map_or(rest.len() - pos, |n| n);
                rest = &rest[pos + ws..];
            } else {
                words.last_mut().expect("one word").push((rest, *style));
                rest = "";
            }
        }
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let avail_first = width.saturating_sub(first).max(20);
    let avail_rest = width.saturating_sub(indent).max(20);
    for w in words.iter().filter(|w| !w.is_empty()) {
        let len: usize = w.iter().map(|(t, _)| t.chars().count()).sum();
        let avail = if lines.is_empty() {
            avail_first
        } else {
            avail_rest
        };
        if used > 0 && used + 1 + len > avail {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        for (t, style) in w {
            line.push_str(&paint(*style, t));
        }
        used += len;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A line as it is where it fits in `width`, else [`print_wrapped`] (which folds runs of
/// spaces): short lines keep their column spacing.
fn line_or_wrapped(
    out: &mut impl Write,
    first: &str,
    spans: &[Span],
    indent: usize,
    width: usize,
) -> io::Result<()> {
    let len = visible_width(first) + spans.iter().map(|(t, _)| t.chars().count()).sum::<usize>();
    if len <= width {
        let rest: String = spans.iter().map(|(t, style)| paint(*style, t)).collect();
        return writeln!(out, "{first}{rest}");
    }
    print_wrapped(out, first, spans, indent, width)
}

fn print_wrapped(
    out: &mut impl Write,
    first: &str,
    spans: &[Span],
    indent: usize,
    width: usize,
) -> io::Result<()> {
    let mut first_w = visible_width(first);
    let mut first = first.to_string();
    if first_w + 20 > width && first_w > indent {
        // The label leaves no room (a long automatic id): the text starts on the next line.
        writeln!(out, "{}", first.trim_end())?;
        first = " ".repeat(indent);
        first_w = indent;
    }
    for (i, line) in wrap_spans(spans, width, first_w, indent).iter().enumerate() {
        if i == 0 {
            writeln!(out, "{first}{line}")?;
        } else {
            writeln!(out, "{}{line}", " ".repeat(indent))?;
        }
    }
    Ok(())
}

/// The columns `text` takes on a terminal: its characters without colour codes.
fn visible_width(text: &str) -> usize {
    let mut n = 0;
    let mut in_escape = false;
    for c in text.chars() {
        match c {
            '\u{1b}' => in_escape = true,
            'm' if in_escape => in_escape = false,
            _ if in_escape => {}
            _ => n += 1,
        }
    }
    n
}

const DEL: Style = AnsiColor::Red.on_default().strikethrough();
const INS: Style = AnsiColor::Green.on_default().underline();

/// A changed sentence as spans: `[-removed-]{+inserted+}` markers without colour, coloured
/// runs with it (so that the change stays visible either way).
fn inline_spans(words: &[Piece], color: bool) -> Vec<Span> {
    let plain = Style::new();
    let mut spans = Vec::new();
    for p in words {
        match p {
            Piece::Same { same } => spans.push((same.clone(), plain)),
            Piece::Changed { removed, inserted } => {
                if color {
                    if !removed.is_empty() {
                        spans.push((removed.clone(), DEL));
                    }
                    if !inserted.is_empty() {
                        spans.push((inserted.clone(), INS));
                    }
                } else {
                    if !removed.is_empty() {
                        spans.push((format!("[-{removed}-]"), plain));
                    }
                    if !inserted.is_empty() {
                        spans.push((format!("{{+{inserted}+}}"), plain));
                    }
                }
            }
        }
    }
    spans
}

fn sentence_change(
    out: &mut impl Write,
    c: &TextChange,
    indent: usize,
    display: &DisplayOptions,
) -> io::Result<()> {
    let pad = " ".repeat(indent);
    let plain = Style::new();
    match c {
        TextChange::Added { new } => print_wrapped(
            out,
            &format!("{pad}{} ", paint(GREEN, "+")),
            &[(new.clone(), if display.color { GREEN } else { plain })],
            indent + 2,
            display.width,
        ),
        TextChange::Removed { old } => print_wrapped(
            out,
            &format!("{pad}{} ", paint(RED, "-")),
            &[(old.clone(), if display.color { RED } else { plain })],
            indent + 2,
            display.width,
        ),
        TextChange::Changed { words, .. } => print_wrapped(
            out,
            &format!("{pad}{} ", paint(YELLOW, "~")),
            &inline_spans(words, display.color),
            indent + 2,
            display.width,
        ),
    }
}

fn signed_months(months: i32) -> String {
    match months {
        1 => "+1 month".into(),
        -1 => "-1 month".into(),
        m if m > 0 => format!("+{m} months"),
        m => format!("{m} months"),
    }
}

/// One line per milestone change (shared by `diff` and `timeline`).
pub fn milestone_line(c: &MilestoneChange) -> (Style, &'static str, String) {
    let at = |m: &Milestone| format!("{} ({})", m.when, m.phrase);
    match c {
        MilestoneChange::Moved {
            old,
            new,
            months,
            shift,
            restated,
        } => {
            let how = match shift {
                Shift::Later => format!("{}, later", signed_months(*months)),
                Shift::Earlier => format!("{}, earlier", signed_months(*months)),
                Shift::Refined => "more precise".to_string(),
            };
            let mut status = if old.status != new.status {
                format!(", now {}", status_word(new.status))
            } else {
                String::new()
            };
            if *restated {
                status.push_str(&format!(" (\"{}\" said again)", new.phrase));
            }
            let style = match shift {
                Shift::Later => RED,
                Shift::Earlier => GREEN,
                Shift::Refined => YELLOW,
            };
            (
                style,
                "moved",
                format!(
                    "{} — {} → {}, {how}{status}",
                    milestone_title(new),
                    at(old),
                    at(new)
                ),
            )
        }
        MilestoneChange::Status { old, new } => (
            GREEN,
            "status",
            format!(
                "{} — {} {} → {}",
                milestone_title(new),
                at(new),
                status_word(old.status),
                status_word(new.status)
            ),
        ),
        MilestoneChange::Added { new } => (
            GREEN,
            "new",
            format!(
                "{} — {}, {}",
                milestone_title(new),
                at(new),
                status_word(new.status)
            ),
        ),
        MilestoneChange::Dropped { old } => (
            DIM,
            "dropped",
            format!(
                "{} — {}, {}",
                milestone_title(old),
                at(old),
                status_word(old.status)
            ),
        ),
    }
}

/// A milestone as a reader names it: its event phrase, led by its name where the phrase does
/// not say it already (`akkoord Coreper: overeenstemming in het Comité van …`).
/// Meetings and accessions name themselves; the steps of a file are named.
pub fn milestone_title(m: &Milestone) -> String {
    use crate::model::EventName;
    if matches!(
        m.name,
        EventName::Other | EventName::Bijeenkomst | EventName::Toetreding
    ) {
        return m.event.clone();
    }
    let label = m.name.label();
    let first = label.split_whitespace().next().unwrap_or(label);
    if m.event.to_lowercase().contains(first) {
        m.event.clone()
    } else {
        format!("{label}: {}", m.event)
    }
}

/// What came of a planned agenda item, in words: `(gedeeltelijke) algemene oriëntatie: planned
/// → reached (raadspositie)`, `on the agenda but not discussed`.
pub fn outcome_line(o: &crate::diff::Outcome) -> String {
    let stage_now = o.stage;
    let action = o
        .planned
        .as_deref()
        .map(
            |a| match a.char_indices().find(|(_, c)| c.is_alphabetic()) {
                // "(Gedeeltelijke) algemene oriëntatie" → "(gedeeltelijke) algemene oriëntatie"
                Some((i, c)) => {
                    format!("{}{}{}", &a[..i], c.to_lowercase(), &a[i + c.len_utf8()..])
                }
                None => a.to_string(),
            },
        )
        .unwrap_or_default();
    let what = if action.is_empty() {
        "on the agenda".to_string()
    } else {
        action.clone()
    };
    match o.result {
        OutcomeResult::Reached => format!(
            "{what}: planned → reached ({})",
            stage_now.or(o.target).map_or("", Stage::as_str)
        ),
        OutcomeResult::NotReached => format!(
            "{what}: planned → not reached (stage {})",
            stage_now.map_or("(none)", Stage::as_str)
        ),
        OutcomeResult::Discussed => format!("{what}: planned → discussed"),
        OutcomeResult::NotDiscussed if action.is_empty() => {
            "on the agenda but not discussed".to_string()
        }
        OutcomeResult::NotDiscussed => format!("on the agenda ({action}) but not discussed"),
        OutcomeResult::NotOnAgenda => "discussed, not on the annotated agenda".to_string(),
    }
}

/// What a comparison's order means for its reader, where it is not simply forward.
pub fn order_note(c: &Comparison) -> Option<String> {
    match c.order {
        Order::Forward | Order::Revisions => None,
        Order::Reversed => Some(format!(
            "reversed: {} is the later report, so every change reads backwards; \
             for what changed since {}, run `jbz-track diff {} {}`",
            c.old, c.new, c.new, c.old
        )),
        Order::SameMeeting => Some(format!("{} compared with itself", c.old)),
        Order::PlanOutcome => Some(format!(
            "plan → outcome: the annotated agenda of {} against its verslag",
            c.new
        )),
    }
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Done => "done",
        Status::Planned => "planned",
    }
}

/// Where a dossier's stage went, in words.
pub fn stage_line(c: &StageChange) -> String {
    let name = |s: Option<Stage>| s.map_or("(none)", Stage::as_str).to_string();
    let dir = match c.direction {
        Direction::Forward => "forward",
        Direction::Backward => "back",
        Direction::Set => "first read",
        Direction::Cleared => "no longer read",
    };
    format!("{} → {} ({dir})", name(c.old), name(c.new))
}

/// A comparison of two meetings (or revisions), for a terminal: per dossier a header, then
/// stage, timeline, statements, highlights and references.
pub fn comparison(
    out: &mut impl Write,
    c: &Comparison,
    display: &DisplayOptions,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        paint(BOLD, &format!("jbz-track diff {} → {}", c.old, c.new))
    )?;
    if let Some(note) = order_note(c) {
        print_wrapped(out, "", &[(note, YELLOW)], 0, display.width)?;
    }
    if c.is_empty() {
        // Between two git revisions only the dossiers whose files changed are counted, and
        // there may be none.
        match c.unchanged.len() {
            0 => writeln!(out, "no changes")?,
            1 => writeln!(out, "no changes in 1 dossier")?,
            n => writeln!(out, "no changes in {n} dossiers")?,
        }
        return Ok(());
    }
    for d in &c.dossiers {
        writeln!(out)?;
        dossier_diff(out, d, display)?;
    }
    if !c.unchanged.is_empty() {
        writeln!(out)?;
        print_wrapped(
            out,
            "",
            &[(format!("unchanged: {}", c.unchanged.join(", ")), DIM)],
            2,
            display.width,
        )?;
    }
    Ok(())
}

/// One dossier's changes.
pub fn dossier_diff(
    out: &mut impl Write,
    d: &SnapshotDiff,
    display: &DisplayOptions,
) -> io::Result<()> {
    let (mark, style, note) = match (d.presence, &d.outcome) {
        (presence, Some(o)) => (
            match presence {
                Presence::Both => "~",
                Presence::Appeared => "+",
                Presence::Left => "-",
            },
            match o.result {
                OutcomeResult::Reached | OutcomeResult::Discussed => GREEN,
                OutcomeResult::NotOnAgenda => YELLOW,
                OutcomeResult::NotReached | OutcomeResult::NotDiscussed => RED,
            },
            // Both sides: the outcome gets a line of its own below, as the stage does.
            if presence == Presence::Both {
                String::new()
            } else {
                format!("  {}", outcome_line(o))
            },
        ),
        (Presence::Both, None) => ("~", YELLOW, String::new()),
        (Presence::Appeared, None) => (
            "+",
            GREEN,
            format!(
                "  on the agenda at {}",
                d.new.as_ref().map_or("", |s| &s.meeting)
            ),
        ),
        (Presence::Left, None) => (
            "-",
            RED,
            format!(
                "  no longer on the agenda (last at {})",
                d.old.as_ref().map_or("", |s| &s.meeting)
            ),
        ),
    };
    // A renamed dossier (its files moved to another folder) is named by both ids, and says
    // so in words, not by colour alone.
    let name = match &d.renamed_from {
        Some(from) => format!(
            "{} {}",
            paint(BOLD, &format!("{from} → {}", d.dossier)),
            paint(YELLOW, "(renamed)")
        ),
        None => paint(BOLD, &d.dossier),
    };
    line_or_wrapped(
        out,
        &format!("{} {name}  ", paint(style, mark)),
        &[(d.title.clone(), Style::new()), (note, style)],
        4,
        display.width,
    )?;
    if d.presence != Presence::Both {
        // Appearing or leaving is the news; the sentences are in `show`.
        if let Some(s) = &d.stage {
            writeln!(
                out,
                "    {}",
                paint(
                    DIM,
                    &format!("stage {}", s.new.map_or("(none)", Stage::as_str))
                )
            )?;
        }
        let n: usize = d.positions.iter().map(|p| p.statements.len()).sum();
        let who: Vec<String> = d.positions.iter().map(|p| p.actor.to_string()).collect();
        if n > 0 {
            writeln!(
                out,
                "    {}",
                paint(
                    DIM,
                    &format!(
                        "{n} statement{} by {}",
                        if n == 1 { "" } else { "s" },
                        who.join(", ")
                    )
                )
            )?;
        }
        return Ok(());
    }
    if let Some(o) = &d.outcome {
        let style = match o.result {
            OutcomeResult::NotReached => RED,
            _ => GREEN,
        };
        writeln!(
            out,
            "  {}  {}",
            paint(CYAN, "outcome"),
            paint(style, &outcome_line(o))
        )?;
    }
    if let Some(s) = &d.stage {
        line_or_wrapped(
            out,
            &format!("  {}  ", paint(CYAN, "stage")),
            &[(stage_line(s), Style::new())],
            9,
            display.width,
        )?;
        if let Some(e) = &s.new_evidence {
            print_wrapped(out, "           ", &[(e.clone(), DIM)], 11, display.width)?;
        }
    }
    if !d.timeline.is_empty() {
        writeln!(out, "  {}", paint(CYAN, "timeline"))?;
        for c in &d.timeline {
            let (style, word, text) = milestone_line(c);
            print_wrapped(
                out,
                &format!("    {}  ", paint(style, &format!("{word:<7}"))),
                &[(text, Style::new())],
                13,
                display.width,
            )?;
        }
    }
    for a in &d.positions {
        let status = match a.status {
            ActorStatus::Spoke => paint(GREEN, "  spoke"),
            ActorStatus::FellSilent => paint(RED, "  fell silent"),
            ActorStatus::Changed => String::new(),
        };
        let same = if a.unchanged > 0 {
            paint(DIM, &format!("  ({} unchanged)", a.unchanged))
        } else {
            String::new()
        };
        writeln!(out, "  {}{status}{same}", paint(CYAN, &a.actor.to_string()))?;
        for c in &a.statements {
            sentence_change(out, c, 4, display)?;
        }
    }
    if !d.highlights.is_empty() {
        writeln!(out, "  {}", paint(CYAN, "highlights"))?;
        for c in &d.highlights {
            sentence_change(out, c, 4, display)?;
        }
    }
    if !d.state_of_play.is_empty() {
        writeln!(out, "  {}", paint(CYAN, "state of play"))?;
        for c in &d.state_of_play {
            sentence_change(out, c, 4, display)?;
        }
    }
    if !d.references.is_empty() {
        writeln!(out, "  {}", paint(CYAN, "references"))?;
        for r in &d.references {
            match r {
                ReferenceChange::Added { new } => {
                    writeln!(out, "    {} {}", paint(GREEN, "+"), new.text)?
                }
                ReferenceChange::Removed { old } => {
                    writeln!(out, "    {} {}", paint(RED, "-"), old.text)?
                }
            }
        }
    }
    Ok(())
}

/// `check`'s findings, one per line as `path:line: problem: message`, then a summary.
pub fn findings(out: &mut impl Write, f: &Findings, display: &DisplayOptions) -> io::Result<()> {
    for x in &f.findings {
        let at = match x.line {
            Some(l) => format!("{}:{l}", display_path(&x.path)),
            None => display_path(&x.path),
        };
        print_wrapped(
            out,
            &format!(
                "{} {} ",
                paint(RED, &format!("{}:", x.problem.as_str())),
                paint(BOLD, &format!("{at}:"))
            ),
            &[(x.message.clone(), Style::new())],
            4,
            display.width,
        )?;
    }
    if display.quiet {
        return Ok(());
    }
    if display.verbose {
        read_lines(out, &f.read, &f.pdf_readers)?;
    }
    let summary = format!(
        "{} report{}, {} snapshot{}",
        f.reports,
        if f.reports == 1 { "" } else { "s" },
        f.snapshots,
        if f.snapshots == 1 { "" } else { "s" }
    );
    if f.passed() {
        writeln!(out, "{} {summary}: all good", paint(GREEN, "check passed:"))
    } else {
        let n = f.findings.len();
        writeln!(
            out,
            "{} {summary}: {n} problem{}",
            paint(RED, "check failed:"),
            if n == 1 { "" } else { "s" }
        )
    }
}

/// One line of a dossier diff as a timeline shows it, with the sentences behind it (an
/// actor's statements, the highlights) for a page that lists the changes themselves.
#[derive(Debug, Clone)]
pub struct ChangeItem<'a> {
    /// The line: `stage triloog → voorlopig-akkoord (forward)`, `nederland: 1 reworded`.
    pub line: String,
    /// The sentence changes the line counts; empty for a stage, milestone or reference.
    pub sentences: Vec<&'a TextChange>,
}

/// A dossier diff in one line per change, as a timeline shows it.
pub fn change_lines(d: &SnapshotDiff) -> Vec<String> {
    change_items(d).into_iter().map(|i| i.line).collect()
}

/// A dossier diff as [`change_lines`] words it, each line with its sentences.
pub fn change_items<'a>(d: &'a SnapshotDiff) -> Vec<ChangeItem<'a>> {
    let mut items: Vec<ChangeItem<'a>> = Vec::new();
    let mut line =
        |line: String, sentences: Vec<&'a TextChange>| items.push(ChangeItem { line, sentences });
    if let Some(s) = &d.stage {
        line(format!("stage {}", stage_line(s)), Vec::new());
    }
    for c in &d.timeline {
        let (_, word, text) = milestone_line(c);
        line(format!("milestone {word}: {text}"), Vec::new());
    }
    for a in &d.positions {
        let count = |f: fn(&TextChange) -> bool| a.statements.iter().filter(|c| f(c)).count();
        let added = count(|c| matches!(c, TextChange::Added { .. }));
        let removed = count(|c| matches!(c, TextChange::Removed { .. }));
        let changed = count(|c| matches!(c, TextChange::Changed { .. }));
        let what = match a.status {
            ActorStatus::Spoke => format!("spoke ({added} statement{})", plural(added)),
            ActorStatus::FellSilent => {
                format!(
                    "fell silent ({removed} statement{} before)",
                    plural(removed)
                )
            }
            ActorStatus::Changed => {
                let mut parts = Vec::new();
                if changed > 0 {
                    parts.push(format!("{changed} reworded"));
                }
                if added > 0 {
                    parts.push(format!("{added} new"));
                }
                if removed > 0 {
                    parts.push(format!("{removed} dropped"));
                }
                parts.join(", ")
            }
        };
        line(
            format!("{}: {what}", a.actor),
            a.statements.iter().collect(),
        );
    }
    if !d.highlights.is_empty() {
        line(
            format!("highlights: {} changed", d.highlights.len()),
            d.highlights.iter().collect(),
        );
    }
    if !d.state_of_play.is_empty() {
        line(
            format!("state of play: {} changed", d.state_of_play.len()),
            d.state_of_play.iter().collect(),
        );
    }
    for r in &d.references {
        match r {
            ReferenceChange::Added { new } => {
                line(format!("reference added: {}", new.text), Vec::new())
            }
            ReferenceChange::Removed { old } => {
                line(format!("reference dropped: {}", old.text), Vec::new())
            }
        }
    }
    items
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `normalize --explain`: every non-blank line of a report with what it was read as and where
/// it went, then the warnings. `text` is the text the reader saw, whose lines the trace counts.
pub fn explain(
    out: &mut impl Write,
    path: &str,
    text: &str,
    report: &crate::report::Report,
    warnings: &[crate::normalize::Failure],
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}: the {} of the meeting of {} – {}",
        paint(BOLD, path),
        report.kind.as_str(),
        report.start,
        report.end,
    )?;
    use crate::report::Role;
    let lines: Vec<&str> = text.lines().collect();
    // Runs of lines read the same way and gone to the same place, one row each.
    let mut runs: Vec<(usize, usize, Role, &str)> = Vec::new();
    for t in &report.trace {
        match runs.last_mut() {
            Some((_, last, role, into)) if *role == t.role && *into == t.into => *last = t.line,
            _ => runs.push((t.line, t.line, t.role, &t.into)),
        }
    }
    let span = |a: usize, b: usize| {
        if a == b {
            a.to_string()
        } else {
            format!("{a}–{b}")
        }
    };
    let width = runs
        .iter()
        .map(|(a, b, ..)| span(*a, *b).len())
        .max()
        .unwrap_or(1);
    for (first, last, role, into) in runs {
        let what = match role {
            // Left out: show what was left out, so that a missed item is seen here.
            Role::FrontMatter | Role::Furniture => {
                let line = lines.get(first - 1).map_or("", |l| l.trim());
                format!("{}  {}", shorten(line, 60), paint(DIM, into))
            }
            _ => into.to_string(),
        };
        let style = match role {
            Role::FrontMatter | Role::Furniture => DIM,
            Role::Item | Role::Part => BOLD,
            _ => Style::new(),
        };
        writeln!(
            out,
            "{:>width$}  {}  {what}",
            span(first, last),
            paint(style, &format!("{:<12}", role.as_str())),
        )?;
    }
    // Every statement with who it was given to and by which rule (tests/actors_annotated.rs
    // measures the rules; this shows them at work on the user's own report).
    let items = crate::extract::explain_actors(report);
    if items.iter().any(|i| !i.sentences.is_empty()) {
        writeln!(
            out,
            "\n{}",
            paint(
                BOLD,
                "statements: line, actors, the rule that placed them (`-`: no one's, kept as the state of play)"
            )
        )?;
    }
    let actors_of = |a: &crate::extract::actors::Attribution| {
        if a.actors.is_empty() {
            "-".to_string()
        } else {
            a.actors
                .iter()
                .map(|x| x.slug())
                .collect::<Vec<_>>()
                .join(",")
        }
    };
    // One column for the actors, as wide as the widest list (within reason).
    let actor_width = items
        .iter()
        .flat_map(|i| &i.sentences)
        .map(|(_, _, a)| actors_of(a).len())
        .max()
        .unwrap_or(1)
        .min(32);
    for item in items.iter().filter(|i| !i.sentences.is_empty()) {
        writeln!(out, "  {}", paint(BOLD, &item.place))?;
        for (line, sentence, a) in &item.sentences {
            let rule = a.rule.map_or("no actor named", |r| r.name());
            writeln!(
                out,
                "    {line:>5}  {:<actor_width$}  {}  {}",
                actors_of(a),
                paint(DIM, &format!("{rule:<17}")),
                shorten(sentence, 90)
            )?;
        }
    }
    for w in warnings {
        writeln!(out, "{} {w}", paint(YELLOW, "warning:"))?;
    }
    Ok(())
}

/// Shorten a sentence to about `max` characters at a word boundary, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One word longer than the room: cut inside it.
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    out.push('…');
    out
}

/// A dossier's timeline for a terminal: one block per meeting, then the milestone drift table.
pub fn timeline(out: &mut impl Write, t: &Timeline, display: &DisplayOptions) -> io::Result<()> {
    let span = match (t.entries.first(), t.entries.last()) {
        (Some(a), Some(b)) if t.entries.len() > 1 => {
            format!("{} entries, {} → {}", t.entries.len(), a.meeting, b.meeting)
        }
        _ if t.entries.is_empty() => "no entries in this range".to_string(),
        _ => "1 entry".to_string(),
    };
    let whole = t.dossier.chars().count() + t.title.chars().count() + span.chars().count() + 4;
    if whole <= display.width {
        writeln!(
            out,
            "{}  {}  {}",
            paint(BOLD, &t.dossier),
            t.title,
            paint(DIM, &span)
        )?;
    } else {
        // Too long for one line: the title after the id where it fits, else wrapped whole
        // under it; the span on a line of its own.
        let id_title = t.dossier.chars().count() + 2 + t.title.chars().count();
        if id_title <= display.width {
            writeln!(out, "{}  {}", paint(BOLD, &t.dossier), t.title)?;
        } else {
            writeln!(out, "{}", paint(BOLD, &t.dossier))?;
            print_wrapped(
                out,
                "  ",
                &[(t.title.clone(), Style::new())],
                2,
                display.width,
            )?;
        }
        writeln!(out, "  {}", paint(DIM, &span))?;
    }
    let mut last_stage = None;
    for e in &t.entries {
        writeln!(out)?;
        let head: Vec<Span> = match &e.commit {
            Some(c) => vec![
                (format!("{}  ", c.date), BOLD),
                (format!("{}  ", c.id), YELLOW),
                (format!("{}  ", c.author), Style::new()),
                (c.summary.clone(), Style::new()),
            ],
            None => vec![
                (format!("{}  ", e.meeting), BOLD),
                (e.date.to_string(), DIM),
            ],
        };
        labelled_line_or_wrapped(out, "", &head, 2, display.width)?;
        if e.commit.is_some() {
            writeln!(out, "  {}  {}", paint(CYAN, "meeting  "), e.meeting)?;
        }
        let stage = e.stage.map_or("(not read)", Stage::as_str);
        let mut spans: Vec<Span> = vec![(stage.to_string(), Style::new())];
        if e.stage_changed && e.stage != last_stage {
            spans.push(match last_stage {
                Some(prev) => (format!("  ◆ changed from {prev}"), YELLOW),
                None => ("  ◆".to_string(), YELLOW),
            });
        }
        labelled_line_or_wrapped(out, "  stage      ", &spans, 13, display.width)?;
        last_stage = e.stage;
        // Whole sentences, wrapped at word boundaries: a statement is never cut.
        for (i, s) in e.nederland.iter().enumerate() {
            let label = if i == 0 { "nederland" } else { "         " };
            print_wrapped(
                out,
                &format!("  {}  • ", paint(CYAN, label)),
                &[(s.clone(), Style::new())],
                15,
                display.width,
            )?;
        }
        let changes: Vec<String> = e.changes.iter().flat_map(change_lines).collect();
        for (i, c) in changes.iter().enumerate() {
            let label = if i == 0 { "changes  " } else { "         " };
            print_wrapped(
                out,
                &format!("  {}  ", paint(CYAN, label)),
                &[(c.clone(), Style::new())],
                13,
                display.width,
            )?;
        }
        for (i, m) in e.milestones.iter().enumerate() {
            let label = if i == 0 { "timeline " } else { "         " };
            print_wrapped(
                out,
                &format!("  {}  ", paint(CYAN, label)),
                &[(
                    format!(
                        "{} ({}) {} — {}",
                        m.when,
                        m.phrase,
                        status_word(m.status),
                        m.event
                    ),
                    Style::new(),
                )],
                13,
                display.width,
            )?;
        }
    }
    drift_table(out, t, display)
}

/// Spans on one line as they are (their double spaces kept) where they fit in `width`, else
/// wrapped at word boundaries. `first` is plain text; the label in it is painted cyan (where
/// [`line_or_wrapped`] takes `first` painted already).
fn labelled_line_or_wrapped(
    out: &mut impl Write,
    first: &str,
    spans: &[Span],
    indent: usize,
    width: usize,
) -> io::Result<()> {
    let label = if first.trim().is_empty() {
        first.to_string()
    } else {
        let lead = first.len() - first.trim_start().len();
        let word = first.trim();
        format!(
            "{}{}{}",
            &first[..lead],
            paint(CYAN, word),
            &first[lead + word.len()..]
        )
    };
    let len: usize =
        first.chars().count() + spans.iter().map(|(t, _)| t.chars().count()).sum::<usize>();
    if len <= width {
        let line: String = spans.iter().map(|(t, st)| paint(*st, t)).collect();
        return writeln!(out, "{label}{line}");
    }
    print_wrapped(out, &label, spans, indent, width)
}

/// A drift column's heading: the meeting, or in a timeline from git the commit (two commits
/// may touch one meeting).
fn column_head(e: &crate::timeline::Entry) -> String {
    match &e.commit {
        Some(c) => format!("{} {}", c.date, c.id.get(..7).unwrap_or(&c.id)),
        None => e.meeting.clone(),
    }
}

fn drift_table(out: &mut impl Write, t: &Timeline, display: &DisplayOptions) -> io::Result<()> {
    if t.drift.is_empty() || t.entries.len() < 2 {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", paint(BOLD, "Milestone drift"))?;
    let cells: Vec<Vec<String>> = t
        .drift
        .iter()
        .map(|d| {
            d.at.iter()
                .map(|m| m.as_ref().map_or("·".to_string(), |m| m.phrase.clone()))
                .collect()
        })
        .collect();
    let col_w: Vec<usize> = (0..t.entries.len())
        .map(|k| {
            cells
                .iter()
                .map(|row| row[k].chars().count())
                .chain(std::iter::once(column_head(&t.entries[k]).chars().count()))
                .max()
                .unwrap_or(7)
        })
        .collect();
    let fixed: usize = col_w.iter().map(|w| w + 2).sum::<usize>() + 14;
    let event_w = display.width.saturating_sub(fixed).clamp(16, 40);
    let mut header = format!("  {:<event_w$}", "");
    for (k, e) in t.entries.iter().enumerate() {
        header.push_str(&format!("  {:<w$}", column_head(e), w = col_w[k]));
    }
    writeln!(out, "{}", paint(DIM, header.trim_end()))?;
    for (d, row) in t.drift.iter().zip(&cells) {
        // Named by what happens where the milestone has a name; the words wrap within their
        // column, and the dates follow the first line.
        let last = d.at.iter().rev().flatten().next();
        let title = last.map_or_else(|| d.event.clone(), milestone_title);
        let event = crate::render::wrap(&title, event_w);
        let first = event.first().map_or("", String::as_str);
        let mut line = format!("  {first:<event_w$}");
        for (k, c) in row.iter().enumerate() {
            line.push_str(&format!("  {c:<w$}", w = col_w[k]));
        }
        let total = match d.total_months() {
            Some(0) | None => String::new(),
            Some(m) if m > 0 => paint(RED, &format!("  {}", signed_months(m))),
            Some(m) => paint(GREEN, &format!("  {}", signed_months(m))),
        };
        // Keep the padding when a total follows, so the totals line up.
        let line = if total.is_empty() {
            line.trim_end()
        } else {
            line.as_str()
        };
        writeln!(out, "{line}{total}")?;
        for more in event.iter().skip(1) {
            writeln!(out, "  {more}")?;
        }
    }
    Ok(())
}

/// What `init` made, and what to do next.
pub fn init(
    out: &mut impl Write,
    dir: &std::path::Path,
    created: &[std::path::PathBuf],
) -> io::Result<()> {
    if created.is_empty() {
        writeln!(
            out,
            "{} is already a jbz-track repository; nothing to do",
            dir.display()
        )?;
        return Ok(());
    }
    for p in created {
        status_line(out, GREEN, "created", dir.join(p).display())?;
    }
    writeln!(out)?;
    writeln!(out, "Next: put a report in it and see what it says:")?;
    writeln!(out, "  cd {}", dir.display())?;
    writeln!(out, "  jbz-track ingest ~/Downloads/verslag-jbz-raad.txt")?;
    writeln!(out, "  jbz-track dossiers")?;
    Ok(())
}
