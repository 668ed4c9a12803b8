//! The site's HTML: the index of dossiers and a page per dossier. Plain HTML and one style
//! sheet, no scripts; the timeline picture is the `timeline --format svg` drawing, inline.

use std::fmt::Write as _;
use std::path::Path;

use crate::diff::{ActorStatus, Piece, Presence, ReferenceChange, SnapshotDiff, TextChange};
use crate::render::svg::xml_escape as esc;
use crate::render::text::{milestone_line, stage_line};
use crate::report::Kind;
use crate::site::{
    anchor, feed_path, headlines, page_path, relative, DossierView, MeetingView, Site,
};
use crate::snapshot::Status;

/// The style sheet, `style.css` at the site's root.
pub const STYLE: &str = r#":root { color-scheme: light; }
body { margin: 0; background: #f6f6f4; color: #1d1d1d;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 16px; }
nav { font-size: 0.9rem; }
h1 { font-size: 1.6rem; margin: 0.3em 0 0.2em; }
h2 { font-size: 1.25rem; margin: 0 0 0.3em; }
h3 { font-size: 1.05rem; margin: 1.1em 0 0.4em; }
a { color: #0b5394; }
.lead, footer, .meta { color: #555; }
.meta { font-size: 0.9rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; }
table.dossiers { border-collapse: collapse; width: 100%; background: #fff; margin: 12px 0 24px; }
table.dossiers th, table.dossiers td { border: 1px solid #ddd; padding: 6px 10px; text-align: left;
  vertical-align: top; }
table.dossiers thead th { background: #eeeeea; }
table.dossiers ul { margin: 0; padding-left: 1.1em; }
.stage { display: inline-block; background: #e7eef7; color: #17406b; border-radius: 4px;
  padding: 0 6px; font-size: 0.85rem; white-space: nowrap; }
section.meeting { background: #fff; border: 1px solid #ddd; border-radius: 6px;
  padding: 14px 18px; margin: 16px 0; }
section.meeting.agenda { border-style: dashed; }
figure { margin: 12px 0; overflow-x: auto; background: #fff; border: 1px solid #ddd;
  border-radius: 6px; padding: 8px; }
figure svg { max-width: 100%; height: auto; display: block; }
ul.changes li, ul.statements li { margin: 0.2em 0; }
del { background: #fde2e1; color: #8a1c14; }
ins { background: #dcf3e0; color: #135c26; text-decoration: none; font-weight: 600; }
li.added::marker { content: "+ "; color: #135c26; }
li.removed::marker { content: "− "; color: #8a1c14; }
table.milestones { border-collapse: collapse; font-size: 0.92rem; }
table.milestones th, table.milestones td { border: 1px solid #ddd; padding: 3px 8px;
  text-align: left; vertical-align: top; }
.actor { font-weight: 600; }
.none { color: #777; }
"#;

fn head(out: &mut String, title: &str, root: &str, feed: Option<(&str, &str)>) {
    let _ = writeln!(out, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>");
    let _ = writeln!(out, "<meta charset=\"utf-8\">");
    let _ = writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    );
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    let _ = writeln!(out, "<link rel=\"stylesheet\" href=\"{root}style.css\">");
    if let Some((href, t)) = feed {
        let _ = writeln!(
            out,
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\" title=\"{}\">",
            esc(href),
            esc(t)
        );
    }
    let _ = writeln!(out, "</head>\n<body>");
}

fn foot(out: &mut String) {
    let _ = writeln!(
        out,
        "<footer><p>Made by jbz-track from the snapshots of the Dutch government's reports on \
         the JBZ-Raad. What the reports say is theirs; what changed is computed. The pages run \
         no scripts and load nothing from elsewhere.</p></footer>\n</body>\n</html>"
    );
}

/// The index: every dossier with its stage and last change, and the feeds.
pub fn index(site: &Site) -> String {
    let mut o = String::new();
    let all = feed_path(None).display().to_string();
    head(
        &mut o,
        "JBZ-Raad dossiers · jbz-track",
        "",
        Some((&all, "All dossiers")),
    );
    let _ = writeln!(o, "<header>\n<h1>JBZ-Raad dossiers</h1>");
    let _ = writeln!(
        o,
        "<p class=\"lead\">What the Dutch government reported on each file of the EU Justice and \
         Home Affairs Council, meeting by meeting, and what changed. Follow every change in the \
         <a href=\"{}\">feed of all dossiers</a> (Atom), or one dossier's feed from its row.</p>",
        esc(&all)
    );
    let _ = writeln!(o, "</header>\n<main>");
    if site.dossiers.is_empty() {
        let _ = writeln!(
            o,
            "<p class=\"none\">No snapshots yet: add a report with <code>jbz-track ingest</code> \
             or <code>jbz-track fetch</code>, then run <code>jbz-track normalize</code>.</p>"
        );
    } else {
        let _ = writeln!(
            o,
            "<table class=\"dossiers\">\n<thead><tr><th>Dossier</th><th>Stage</th>\
             <th>Last change</th><th>Meetings</th><th>Feed</th></tr></thead>\n<tbody>"
        );
        for d in &site.dossiers {
            let page = page_path(&d.id).display().to_string();
            let feed = feed_path(Some(&d.id)).display().to_string();
            let _ = writeln!(
                o,
                "<tr id=\"{}\"><td><a href=\"{}\">{}</a><br><code>{}</code></td>",
                esc(&d.id),
                esc(&page),
                esc(&d.title),
                esc(&d.id)
            );
            let _ = writeln!(
                o,
                "<td>{}</td>",
                d.stage()
                    .map(|s| format!("<span class=\"stage\">{}</span>", s.as_str()))
                    .unwrap_or_else(|| "<span class=\"none\">—</span>".to_string())
            );
            match d.last_change() {
                Some(m) => {
                    let lines = m.diff.as_ref().map(headlines).unwrap_or_default();
                    let _ = write!(
                        o,
                        "<td><a href=\"{}#{}\">{}</a><ul>",
                        esc(&page),
                        anchor(&m.key),
                        esc(&meeting_label(m))
                    );
                    for l in lines.iter().take(3) {
                        let _ = write!(o, "<li>{}</li>", esc(l));
                    }
                    if lines.len() > 3 {
                        let _ = write!(o, "<li class=\"none\">and {} more</li>", lines.len() - 3);
                    }
                    let _ = writeln!(o, "</ul></td>");
                }
                None => {
                    let _ = writeln!(o, "<td class=\"none\">—</td>");
                }
            }
            let _ = writeln!(
                o,
                "<td>{}</td><td><a href=\"{}\">Atom</a></td></tr>",
                d.meetings.len(),
                esc(&feed)
            );
        }
        let _ = writeln!(o, "</tbody>\n</table>");
    }
    let _ = writeln!(o, "</main>");
    foot(&mut o);
    o
}

fn meeting_label(m: &MeetingView) -> String {
    let s = &m.snapshot.meeting;
    let days = if s.start == s.end {
        s.start.format("%-d %B %Y").to_string()
    } else if s.start.format("%Y-%m").to_string() == s.end.format("%Y-%m").to_string() {
        format!("{}–{}", s.start.format("%-d"), s.end.format("%-d %B %Y"))
    } else {
        format!(
            "{} – {}",
            s.start.format("%-d %B"),
            s.end.format("%-d %B %Y")
        )
    };
    let kind = match m.key.kind {
        Kind::Verslag => "verslag",
        Kind::Agenda => "geannoteerde agenda",
    };
    format!("JBZ-Raad {days} ({kind})")
}

/// A dossier's page: the picture, then every meeting newest first with its changes, its
/// positions, its milestones and the report it came from.
pub fn dossier(site: &Site, d: &DossierView) -> String {
    let here = page_path(&d.id);
    let root = relative(&here, "");
    let feed = relative(&here, &feed_path(Some(&d.id)).display().to_string());
    let mut o = String::new();
    head(
        &mut o,
        &format!("{} · jbz-track", d.title),
        &root,
        Some((&feed, &d.title)),
    );
    let _ = writeln!(
        o,
        "<header>\n<nav><a href=\"{root}index.html\">← All dossiers</a></nav>"
    );
    let _ = writeln!(o, "<h1>{}</h1>", esc(&d.title));
    let _ = writeln!(
        o,
        "<p class=\"meta\"><code>{}</code>{} · {} meeting{} · <a href=\"{}\">Atom feed of this dossier</a></p>",
        esc(&d.id),
        d.stage()
            .map(|s| format!(" · stage <span class=\"stage\">{}</span>", s.as_str()))
            .unwrap_or_default(),
        d.meetings.len(),
        if d.meetings.len() == 1 { "" } else { "s" },
        esc(&feed)
    );
    let _ = writeln!(o, "</header>\n<main>");
    if let Some(t) = &d.timeline {
        let mut svg = Vec::new();
        if crate::render::svg::timelines(&mut svg, std::slice::from_ref(t)).is_ok() {
            let svg = String::from_utf8_lossy(&svg);
            // The SVG document's XML declaration has no place inside HTML.
            let body = svg
                .trim_start()
                .strip_prefix("<?xml")
                .and_then(|rest| rest.split_once("?>").map(|(_, b)| b))
                .unwrap_or(&svg);
            let _ = writeln!(o, "<h2>Timeline</h2>\n<figure>\n{}\n</figure>", body.trim());
        }
    }
    let _ = writeln!(o, "<h2>Meetings, newest first</h2>");
    for m in d.meetings.iter().rev() {
        meeting(&mut o, site, &here, m);
    }
    let _ = writeln!(o, "</main>");
    foot(&mut o);
    o
}

fn meeting(o: &mut String, _site: &Site, here: &Path, m: &MeetingView) {
    let agenda = m.key.kind == Kind::Agenda;
    let _ = writeln!(
        o,
        "<section class=\"meeting{}\" id=\"{}\">",
        if agenda { " agenda" } else { "" },
        anchor(&m.key)
    );
    let _ = writeln!(o, "<h2>{}</h2>", esc(&meeting_label(m)));
    let source = match &m.report {
        Some(r) => format!("<a href=\"{}\">{}</a>", esc(&relative(here, r)), esc(r)),
        None => format!(
            "<code>{}</code> (not in the repository)",
            esc(&m.snapshot.source.path)
        ),
    };
    let _ = writeln!(
        o,
        "<p class=\"meta\">Meeting <code>{}</code> · source {source}</p>",
        esc(&m.key.to_string())
    );

    let _ = writeln!(
        o,
        "<h3>{}</h3>",
        match &m.previous {
            Some(p) => format!("Changes since {}", esc(&p.to_string())),
            None => "First appearance".to_string(),
        }
    );
    match &m.diff {
        Some(d) => changes(o, d),
        None => {
            let _ = writeln!(o, "<p class=\"none\">Nothing changed.</p>");
        }
    }

    if let Some(stage) = m.snapshot.stage {
        let _ = writeln!(
            o,
            "<h3>Stage</h3>\n<p><span class=\"stage\">{}</span>{}</p>",
            stage.as_str(),
            m.snapshot
                .stage_evidence
                .as_ref()
                .map(|e| format!(" — {}", esc(e)))
                .unwrap_or_default()
        );
    }
    if !m.snapshot.items.is_empty() {
        let _ = writeln!(o, "<h3>Agenda items</h3>\n<ul>");
        for i in &m.snapshot.items {
            let _ = writeln!(
                o,
                "<li>{} {}. {}{}</li>",
                esc(&i.part),
                i.number,
                esc(&i.heading),
                i.action
                    .as_ref()
                    .map(|a| format!(" <span class=\"meta\">({})</span>", esc(a)))
                    .unwrap_or_default()
            );
        }
        let _ = writeln!(o, "</ul>");
    }
    if !m.snapshot.positions.is_empty() {
        let _ = writeln!(o, "<h3>Positions</h3>");
        for p in &m.snapshot.positions {
            let _ = writeln!(
                o,
                "<p class=\"actor\">{}</p>\n<ul class=\"statements\">",
                esc(&p.actor.to_string())
            );
            for s in &p.statements {
                let _ = writeln!(o, "<li>{}</li>", esc(s));
            }
            let _ = writeln!(o, "</ul>");
        }
    }
    if !m.snapshot.timeline.is_empty() {
        let _ = writeln!(
            o,
            "<h3>Milestones</h3>\n<table class=\"milestones\">\n<thead><tr><th>When</th>\
             <th>As written</th><th>What</th><th>Status</th></tr></thead>\n<tbody>"
        );
        for t in &m.snapshot.timeline {
            let _ = writeln!(
                o,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&t.when.to_string()),
                esc(&t.phrase),
                esc(&t.event),
                match t.status {
                    Status::Done => "done",
                    Status::Planned => "planned",
                }
            );
        }
        let _ = writeln!(o, "</tbody>\n</table>");
    }
    let _ = writeln!(o, "</section>");
}

/// One meeting's changes: the typed lines first, then the sentences word by word.
fn changes(o: &mut String, d: &SnapshotDiff) {
    let _ = writeln!(o, "<ul class=\"changes\">");
    for l in headlines(d) {
        let _ = writeln!(o, "<li>{}</li>", esc(&l));
    }
    let _ = writeln!(o, "</ul>");
    if d.presence != Presence::Both {
        return;
    }
    if let Some(s) = &d.stage {
        let _ = writeln!(o, "<p><b>Stage</b> {}</p>", esc(&stage_line(s)));
    }
    if !d.timeline.is_empty() {
        let _ = writeln!(o, "<p><b>Timeline</b></p>\n<ul class=\"changes\">");
        for c in &d.timeline {
            let (_, word, text) = milestone_line(c);
            let _ = writeln!(o, "<li>{word}: {}</li>", esc(&text));
        }
        let _ = writeln!(o, "</ul>");
    }
    for a in &d.positions {
        let status = match a.status {
            ActorStatus::Spoke => " (spoke)",
            ActorStatus::FellSilent => " (fell silent)",
            ActorStatus::Changed => "",
        };
        let _ = writeln!(
            o,
            "<p class=\"actor\">{}{status}</p>\n<ul class=\"changes\">",
            esc(&a.actor.to_string())
        );
        for c in &a.statements {
            sentence(o, c);
        }
        let _ = writeln!(o, "</ul>");
    }
    if !d.highlights.is_empty() {
        let _ = writeln!(o, "<p><b>Highlights</b></p>\n<ul class=\"changes\">");
        for c in &d.highlights {
            sentence(o, c);
        }
        let _ = writeln!(o, "</ul>");
    }
    if !d.state_of_play.is_empty() {
        let _ = writeln!(o, "<p><b>State of play</b></p>\n<ul class=\"changes\">");
        for c in &d.state_of_play {
            sentence(o, c);
        }
        let _ = writeln!(o, "</ul>");
    }
    if !d.references.is_empty() {
        let _ = writeln!(o, "<p><b>References</b></p>\n<ul class=\"changes\">");
        for r in &d.references {
            let _ = match r {
                ReferenceChange::Added { new } => {
                    writeln!(o, "<li class=\"added\">{}</li>", esc(&new.text))
                }
                ReferenceChange::Removed { old } => {
                    writeln!(
                        o,
                        "<li class=\"removed\"><del>{}</del></li>",
                        esc(&old.text)
                    )
                }
            };
        }
        let _ = writeln!(o, "</ul>");
    }
}

fn sentence(o: &mut String, c: &TextChange) {
    let _ = match c {
        TextChange::Added { new } => writeln!(o, "<li class=\"added\">{}</li>", esc(new)),
        TextChange::Removed { old } => {
            writeln!(o, "<li class=\"removed\"><del>{}</del></li>", esc(old))
        }
        TextChange::Changed { words, .. } => {
            let mut s = String::new();
            for p in words {
                match p {
                    Piece::Same { same } => s.push_str(&esc(same)),
                    Piece::Changed { removed, inserted } => {
                        if !removed.is_empty() {
                            let _ = write!(s, "<del>{}</del>", esc(removed));
                        }
                        if !inserted.is_empty() {
                            let _ = write!(s, "<ins>{}</ins>", esc(inserted));
                        }
                    }
                }
            }
            writeln!(o, "<li>{s}</li>")
        }
    };
}
