//! One self-contained HTML page for the timelines: per dossier the drift picture (inline SVG),
//! the drift table, and an entry per meeting, with the plain text form at the end. No network
//! access and no scripts: the style is inline and nothing is linked.

use std::io::{self, Write};

use crate::diff::{Piece, TextChange};
use crate::render::svg::{self, xml_escape};
use crate::render::text::{change_items, ChangeItem};
use crate::snapshot::Status;
use crate::timeline::{Entry, Timeline};

const STYLE: &str = r#"
:root { color-scheme: light; }
body { margin: 0; background: #f6f6f4; color: #1d1d1d;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { font-size: 1.5rem; margin: 0.4em 0 0.1em; }
h2 { font-size: 1.25rem; margin: 0 0 0.2em; }
h2 code { font-size: 1.1rem; }
h3 { font-size: 1.05rem; margin: 1.4em 0 0.5em; }
h4 { font-size: 1rem; margin: 0 0 0.4em; }
.lead, .span, footer { color: #555; }
section.dossier { background: #fff; border: 1px solid #ddd; border-radius: 6px;
  padding: 18px 20px; margin: 18px 0; }
figure { margin: 12px 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: #555; font-size: 0.85rem; }
table.drift { border-collapse: collapse; font-size: 0.9rem; margin: 4px 0; }
table.drift th, table.drift td { border: 1px solid #ddd; padding: 4px 8px; text-align: left;
  vertical-align: top; }
table.drift thead th { background: #f0f0ee; white-space: nowrap; }
table.drift td.none { color: #aaa; text-align: center; }
table.drift td.moved .phrase { font-weight: 600; }
table.drift .when { display: block; color: #666; font-size: 0.8rem;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.later { color: #b3261e; font-weight: 600; white-space: nowrap; }
.earlier { color: #1b7f3b; font-weight: 600; white-space: nowrap; }
ol.entries { list-style: none; padding: 0; margin: 0; }
ol.entries > li { border-left: 3px solid #c9d6e3; padding: 2px 0 2px 14px; margin: 0 0 16px; }
ol.entries > li.stage-change { border-left-color: #d08a1f; }
dl { display: grid; grid-template-columns: 9em 1fr; gap: 4px 12px; margin: 0; }
dt { color: #555; font-weight: 600; }
dd { margin: 0; }
dd ul { margin: 0; padding-left: 1.1em; }
ul.changes ul { margin: 2px 0 6px; }
ul.changes .mark { color: #666; font-size: 0.85rem; }
del { color: #9b1c1c; background: #fde8e8; }
ins { color: #14532d; background: #dcfce7; text-decoration: none; }
.stage-mark { color: #9a5b00; font-weight: 600; }
.meta { color: #666; font-weight: normal; font-size: 0.9rem; }
code, .commit { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
details { margin: 18px 0; }
pre { background: #fff; border: 1px solid #ddd; padding: 12px; overflow-x: auto;
  font-size: 0.8rem; }
"#;

/// A page with, per timeline, the SVG picture, the drift table and the entries rendered from
/// the model; `text` (the plain text form, without colour codes) closes the page, folded away.
pub fn timelines(out: &mut impl Write, timelines: &[Timeline], text: &str) -> io::Result<()> {
    let ids: Vec<&str> = timelines.iter().map(|t| t.dossier.as_str()).collect();
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, r#"<html lang="nl">"#)?;
    writeln!(out, "<head>")?;
    writeln!(out, r#"<meta charset="utf-8">"#)?;
    writeln!(
        out,
        r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
    )?;
    writeln!(
        out,
        "<title>Timeline: {} · jbz-track</title>",
        xml_escape(&ids.join(", "))
    )?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>Timeline</h1>")?;
    writeln!(
        out,
        r#"<p class="lead">How {} moved from meeting to meeting of the JBZ-Raad, as the Dutch government's reports tell it.</p>"#,
        match ids.len() {
            1 => "this dossier".to_string(),
            n => format!("these {n} dossiers"),
        }
    )?;
    writeln!(out, "</header>")?;
    writeln!(out, "<main>")?;
    for t in timelines {
        dossier(out, t)?;
    }
    writeln!(out, "<details>")?;
    writeln!(out, "<summary>The same as plain text</summary>")?;
    writeln!(out, "<pre>{}</pre>", xml_escape(text.trim_end()))?;
    writeln!(out, "</details>")?;
    writeln!(out, "</main>")?;
    writeln!(
        out,
        "<footer><p>Made by jbz-track from the snapshots. The page loads nothing and runs no scripts.</p></footer>"
    )?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

fn dossier(out: &mut impl Write, t: &Timeline) -> io::Result<()> {
    writeln!(
        out,
        r#"<section class="dossier" id="{}">"#,
        xml_escape(&format!("dossier-{}", t.dossier))
    )?;
    writeln!(
        out,
        "<h2><code>{}</code> {}</h2>",
        xml_escape(&t.dossier),
        xml_escape(&t.title)
    )?;
    let git = t.entries.iter().any(|e| e.commit.is_some());
    let what = if git { "commit" } else { "meeting" };
    let span = match (t.entries.first(), t.entries.last()) {
        (Some(a), Some(b)) if t.entries.len() > 1 => {
            format!("{} {what}s, {} → {}", t.entries.len(), a.meeting, b.meeting)
        }
        (Some(a), _) => format!("1 {what}, {}", a.meeting),
        _ => format!("no {what}s in this range"),
    };
    writeln!(out, r#"<p class="span">{}</p>"#, xml_escape(&span))?;
    writeln!(out, "<figure>")?;
    svg::timelines(out, std::slice::from_ref(t))?;
    let caption = match svg::dots_drawn(t) {
        Some(dots) => format!(
            "{} as stated at each {what}: one line per milestone, the bar is the interval the \
             words cover, {dots}; the dashed line is the {what}s' own dates, and the bands behind \
             are the stages. Point at a dot for its sentence's date.",
            svg::dates_drawn(t)
        ),
        None => format!(
            "No dated milestones: the dashed line is the {what}s' own dates, and the bands behind \
             are the stages."
        ),
    };
    writeln!(out, "<figcaption>{}</figcaption>", xml_escape(&caption))?;
    writeln!(out, "</figure>")?;
    drift_table(out, t)?;
    if !t.entries.is_empty() {
        writeln!(out, "<h3>{}</h3>", if git { "Commits" } else { "Meetings" })?;
        writeln!(out, r#"<ol class="entries">"#)?;
        let mut last_stage = None;
        let mut prev: Option<&Entry> = None;
        for e in &t.entries {
            entry(out, e, prev, last_stage)?;
            last_stage = e.stage;
            prev = Some(e);
        }
        writeln!(out, "</ol>")?;
    }
    writeln!(out, "</section>")
}

/// Every milestone's `when` at each entry, the cells where it moved in bold.
fn drift_table(out: &mut impl Write, t: &Timeline) -> io::Result<()> {
    writeln!(out, "<h3>Milestone drift</h3>")?;
    if t.drift.is_empty() {
        writeln!(out, "<p>No dated milestones.</p>")?;
        return Ok(());
    }
    writeln!(out, r#"<table class="drift">"#)?;
    writeln!(out, "<thead><tr>")?;
    writeln!(out, r#"<th scope="col">Milestone</th>"#)?;
    for e in &t.entries {
        writeln!(out, r#"<th scope="col">{}</th>"#, xml_escape(&e.meeting))?;
    }
    writeln!(out, r#"<th scope="col">Moved</th>"#)?;
    writeln!(out, "</tr></thead>")?;
    writeln!(out, "<tbody>")?;
    for d in &t.drift {
        writeln!(out, "<tr>")?;
        writeln!(out, r#"<th scope="row">{}</th>"#, xml_escape(&d.event))?;
        let mut last = None;
        for m in &d.at {
            match m {
                Some(m) => {
                    let moved = last.is_some_and(|l| l != m.when);
                    writeln!(
                        out,
                        r#"<td{}><span class="phrase">{}</span><span class="when">{}</span></td>"#,
                        if moved { r#" class="moved""# } else { "" },
                        xml_escape(&m.phrase),
                        m.when
                    )?;
                    last = Some(m.when);
                }
                None => writeln!(out, r#"<td class="none">·</td>"#)?,
            }
        }
        let moved = match d.total_months() {
            Some(0) => "no net move".to_string(),
            Some(m) if m > 0 => format!(r#"<span class="later">+{m} months</span>"#),
            Some(m) => format!(r#"<span class="earlier">{m} months</span>"#),
            None => String::new(),
        };
        writeln!(out, "<td>{moved}</td>")?;
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")
}

fn entry(
    out: &mut impl Write,
    e: &Entry,
    prev: Option<&Entry>,
    last_stage: Option<crate::model::Stage>,
) -> io::Result<()> {
    let stage_moved = e.stage_changed && e.stage != last_stage;
    writeln!(
        out,
        "<li{}>",
        if stage_moved && prev.is_some() {
            r#" class="stage-change""#
        } else {
            ""
        }
    )?;
    match &e.commit {
        Some(c) => writeln!(
            out,
            r#"<h4>{} <span class="commit">{}</span> <span class="meta">{}: {}</span></h4>"#,
            xml_escape(&c.date),
            xml_escape(&c.id),
            xml_escape(&c.author),
            xml_escape(&c.summary)
        )?,
        None => writeln!(
            out,
            r#"<h4>{} <span class="meta">{}</span></h4>"#,
            xml_escape(&e.meeting),
            e.date
        )?,
    }
    writeln!(out, "<dl>")?;
    if e.commit.is_some() {
        writeln!(
            out,
            "<dt>Meeting</dt><dd>{} ({})</dd>",
            xml_escape(&e.meeting),
            e.date
        )?;
    }
    let stage = e.stage.map_or("(not read)", |s| s.as_str());
    let mark = match (stage_moved, last_stage) {
        (true, Some(p)) => format!(
            r#" <span class="stage-mark">◆ changed from {}</span>"#,
            p.as_str()
        ),
        (true, None) => r#" <span class="stage-mark">◆</span>"#.to_string(),
        _ => String::new(),
    };
    writeln!(out, "<dt>Stage</dt><dd>{stage}{mark}</dd>")?;
    if !e.nederland.is_empty() {
        writeln!(out, "<dt>Nederland</dt><dd><ul>")?;
        for s in &e.nederland {
            writeln!(out, "<li>{}</li>", xml_escape(s))?;
        }
        writeln!(out, "</ul></dd>")?;
    }
    // A commit can change several meetings' files: then each change says which.
    let several = e.changes.len() > 1;
    let items: Vec<(String, ChangeItem)> = e
        .changes
        .iter()
        .flat_map(|d| {
            let sides = match (&d.old, &d.new) {
                (Some(a), Some(b)) => format!("{} → {}: ", a.meeting, b.meeting),
                (None, Some(b)) => format!("{} (new): ", b.meeting),
                (Some(a), None) => format!("{} (gone): ", a.meeting),
                (None, None) => String::new(),
            };
            let sides = if several { sides } else { String::new() };
            change_items(d).into_iter().map(move |i| (sides.clone(), i))
        })
        .collect();
    if !items.is_empty() {
        match prev {
            Some(p) if e.commit.is_none() => writeln!(
                out,
                "<dt>Changes since {}</dt><dd><ul class=\"changes\">",
                xml_escape(&p.meeting)
            )?,
            _ => writeln!(out, "<dt>Changes</dt><dd><ul class=\"changes\">")?,
        }
        for (sides, item) in &items {
            write!(out, "<li>{}", xml_escape(&format!("{sides}{}", item.line)))?;
            if !item.sentences.is_empty() {
                writeln!(out)?;
                writeln!(out, "<ul>")?;
                for c in &item.sentences {
                    writeln!(out, "{}", sentence(c))?;
                }
                write!(out, "</ul>")?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul></dd>")?;
    }
    if !e.milestones.is_empty() {
        writeln!(out, "<dt>Milestones</dt><dd><ul>")?;
        for m in &e.milestones {
            writeln!(
                out,
                r#"<li><code>{}</code> ({}), {}: {}</li>"#,
                m.when,
                xml_escape(&m.phrase),
                match m.status {
                    Status::Done => "done",
                    Status::Planned => "planned",
                },
                xml_escape(&m.event)
            )?;
        }
        writeln!(out, "</ul></dd>")?;
    }
    writeln!(out, "</dl>")?;
    writeln!(out, "</li>")
}

/// A changed sentence as a list item: added, removed, or changed word by word, with `<del>`
/// and `<ins>` where the words differ (the same changes the text and Markdown diffs mark).
fn sentence(c: &TextChange) -> String {
    match c {
        TextChange::Added { new } => format!(
            r#"<li class="added"><span class="mark">added:</span> <ins>{}</ins></li>"#,
            xml_escape(new)
        ),
        TextChange::Removed { old } => format!(
            r#"<li class="removed"><span class="mark">removed:</span> <del>{}</del></li>"#,
            xml_escape(old)
        ),
        TextChange::Changed { words, .. } => {
            let mut s = String::from(r#"<li class="changed"><span class="mark">changed:</span> "#);
            for p in words {
                match p {
                    Piece::Same { same } => s.push_str(&xml_escape(same)),
                    Piece::Changed { removed, inserted } => {
                        if !removed.trim().is_empty() {
                            s.push_str(&format!("<del>{}</del>", xml_escape(removed)));
                            // Old and new words apart, as a reader sees two phrases.
                            if !inserted.trim().is_empty() {
                                s.push(' ');
                            }
                        }
                        if !inserted.trim().is_empty() {
                            s.push_str(&format!("<ins>{}</ins>", xml_escape(inserted)));
                        }
                    }
                }
            }
            s.push_str("</li>");
            s
        }
    }
}
