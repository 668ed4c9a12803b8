//! The site's Atom feeds (RFC 4287), written with `atom_syndication`: one per dossier and one
//! for all, with an entry per meeting that changed a dossier. The content is the typed changes
//! ([`crate::site::headlines`]).
//!
//! Feed readers tell entries apart by their id, so ids are made from what never changes: the
//! dossier id and the meeting (`tag:jbz-track.invalid,2026:csam-verordening/2023-12`; the
//! `.invalid` name is reserved, so the ids claim no one's domain). `updated` is the meeting's
//! first day, never the time of the run: building again from the same snapshots gives the
//! same bytes, and a run that brings no new meeting adds no entry.

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text};
use chrono::{NaiveDate, TimeZone, Utc};

use crate::report::Kind;
use crate::site::{anchor, feed_path, headlines, page_path, DossierView, MeetingView, Site};

/// The authority and date of the entries' `tag:` URIs (RFC 4151). Never change it: every
/// reader would see every entry again.
pub const TAG_PREFIX: &str = "tag:jbz-track.invalid,2026:";

/// The feed id of a dossier (or of all, for `None`).
pub fn feed_id(dossier: Option<&str>) -> String {
    format!("{TAG_PREFIX}feed/{}", dossier.unwrap_or("all"))
}

/// The entry id of a dossier at a meeting: stable across runs, machines and site addresses.
pub fn entry_id(dossier: &str, m: &MeetingView) -> String {
    format!("{TAG_PREFIX}{dossier}/{}", m.key)
}

fn day(d: NaiveDate) -> FixedDateTime {
    let t = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    Utc.from_utc_datetime(&t).fixed_offset()
}

/// A site path as a feed links it: absolute under the base URL, else relative to the feed
/// (which lives in `feeds/`).
fn href(site: &Site, path: &str) -> String {
    match &site.base_url {
        Some(base) => format!("{base}{path}"),
        None => format!("../{path}"),
    }
}

fn entry(site: &Site, d: &DossierView, m: &MeetingView) -> Option<Entry> {
    let diff = m.diff.as_ref()?;
    let lines = headlines(diff);
    let kind = match m.key.kind {
        Kind::Verslag => "verslag",
        Kind::Agenda => "agenda",
    };
    let mut e = Entry::default();
    e.set_id(entry_id(&d.id, m));
    // The title as of that meeting: a later renaming must not change an entry already read.
    e.set_title(Text::plain(format!(
        "{}: JBZ-Raad {} ({kind}) — {}",
        m.snapshot.dossier.title,
        m.key.id,
        lines.first().map(String::as_str).unwrap_or("changed")
    )));
    let updated = day(m.snapshot.meeting.start);
    e.set_updated(updated);
    e.set_published(Some(updated));
    let page = page_path(&d.id).display().to_string();
    let mut link = Link::default();
    link.set_href(href(site, &format!("{page}#{}", anchor(&m.key))));
    link.set_rel("alternate");
    link.set_mime_type(Some("text/html".to_string()));
    e.set_links(vec![link]);
    e.set_summary(Some(Text::plain(lines.join("; "))));
    let mut html = String::from("<ul>");
    for l in &lines {
        html.push_str(&format!("<li>{}</li>", crate::render::svg::xml_escape(l)));
    }
    html.push_str("</ul>");
    if let Some(r) = &m.report {
        html.push_str(&format!(
            "<p>Source: <a href=\"{}\">{}</a></p>",
            crate::render::svg::xml_escape(&href(site, r)),
            crate::render::svg::xml_escape(r)
        ));
    }
    let mut content = Content::default();
    content.set_content_type(Some("html".to_string()));
    content.set_value(Some(html));
    e.set_content(Some(content));
    Some(e)
}

fn feed(
    site: &Site,
    id: Option<&str>,
    title: &str,
    entries: Vec<Entry>,
    latest: Option<NaiveDate>,
) -> String {
    let mut f = Feed::default();
    f.set_id(feed_id(id));
    f.set_title(Text::plain(title.to_string()));
    let updated = entries
        .iter()
        .map(|e| *e.updated())
        .max()
        .or_else(|| latest.map(day))
        .unwrap_or_else(|| day(NaiveDate::default()));
    f.set_updated(updated);
    let mut author = Person::default();
    author.set_name("jbz-track");
    f.set_authors(vec![author]);
    let mut generator = Generator::default();
    generator.set_value("jbz-track");
    generator.set_version(Some(env!("CARGO_PKG_VERSION").to_string()));
    f.set_generator(Some(generator));
    let page = match id {
        Some(d) => page_path(d).display().to_string(),
        None => "index.html".to_string(),
    };
    let mut links = Vec::new();
    let mut alternate = Link::default();
    alternate.set_href(href(site, &page));
    alternate.set_rel("alternate");
    alternate.set_mime_type(Some("text/html".to_string()));
    links.push(alternate);
    if let Some(base) = &site.base_url {
        let mut me = Link::default();
        me.set_href(format!("{base}{}", feed_path(id).display()));
        me.set_rel("self");
        me.set_mime_type(Some("application/atom+xml".to_string()));
        links.push(me);
    }
    f.set_links(links);
    f.set_entries(entries);
    let mut text = f.to_string();
    text.push('\n');
    text
}

/// Newest first, then by id, so the order never depends on anything but the snapshots.
fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        b.updated()
            .cmp(a.updated())
            .then_with(|| a.id().cmp(b.id()))
    });
}

fn latest(d: &DossierView) -> Option<NaiveDate> {
    d.meetings.iter().map(|m| m.snapshot.meeting.start).max()
}

/// One dossier's feed.
pub fn dossier(site: &Site, d: &DossierView) -> String {
    let mut entries: Vec<Entry> = d
        .meetings
        .iter()
        .filter_map(|m| entry(site, d, m))
        .collect();
    sort(&mut entries);
    feed(
        site,
        Some(&d.id),
        &format!("{} · JBZ-Raad · jbz-track", d.title),
        entries,
        latest(d),
    )
}

/// The feed of every dossier.
pub fn all(site: &Site) -> String {
    let mut entries: Vec<Entry> = site
        .dossiers
        .iter()
        .flat_map(|d| d.meetings.iter().filter_map(move |m| entry(site, d, m)))
        .collect();
    sort(&mut entries);
    feed(
        site,
        None,
        "JBZ-Raad dossiers · jbz-track",
        entries,
        site.dossiers.iter().filter_map(latest).max(),
    )
}
