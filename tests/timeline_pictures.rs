//! The timeline's picture and printout as a person reads them, on every dossier of
//! `examples/demo` and of this repository's own `reports/`: the SVG is parsed as XML and each
//! text is given the box the layout gave it (the same width estimate, public as
//! `render::svg::text_width`), then no two boxes may meet, no line, dot or bar may cross one,
//! the key lists exactly the marks drawn, titles are whole, and a message has nothing drawn
//! over it. The text form wraps at word boundaries and never cuts a statement.
//!
//! What a browser really draws is looked at with `scripts/timeline-screenshots.sh`.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{jbz, manifest, parse_json, run_expecting};
use jbz_track::render::svg::{text_width, ASCENT, DESCENT};
use roxmltree::Node;

/// A copy of the demo whose "overige onderwerpen" state ten milestones in March, some with
/// long names: more than the chart names beside its lines, so that it numbers them and
/// lists them in a legend below.
fn crowded() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let demo = manifest().join("examples/demo");
        for (f, bytes) in common::files_under(&demo) {
            let to = dir.path().join(f);
            std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
            std::fs::write(&to, bytes).expect("copy");
        }
        let file = dir
            .path()
            .join("snapshots/overige-onderwerpen-aob/2024-03.yaml");
        let yaml = std::fs::read_to_string(&file).expect("snapshot");
        let mut more = String::from("timeline:\n");
        for (when, phrase, event) in [
            ("2024-06", "juni", "de Raad neemt een besluit over de verlenging van de tijdelijke bescherming van ontheemden uit Oekraïne na maart 2025"),
            ("2024-09/2024-11", "najaar 2024", "een evaluatie van het Schengengrenscodebeheer"),
            ("2024-07/2024-12", "tweede helft van 2024", "presentatie van de nieuwe strategie voor interne veiligheid"),
            ("2025", "volgend jaar", "een voorstel voor een verordening over terugkeer"),
            ("2024-04", "april", "informele bijeenkomst van de ministers in Gent"),
        ] {
            more.push_str(&format!(
                "- when: {when}\n  phrase: {phrase}\n  event: {event}\n  status: planned\n"
            ));
        }
        std::fs::write(&file, yaml.replacen("timeline:\n", &more, 1)).expect("write");
        dir
    })
    .path()
}

/// The repositories checked, and their dossiers.
fn repositories() -> Vec<(PathBuf, Vec<String>)> {
    [
        manifest().join("examples/demo"),
        manifest().to_path_buf(),
        crowded().to_path_buf(),
    ]
    .into_iter()
    .map(|repo| {
        let mut ids: Vec<String> = std::fs::read_dir(repo.join("snapshots"))
            .expect("snapshots/")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        ids.sort();
        assert!(!ids.is_empty(), "{} has dossiers", repo.display());
        (repo, ids)
    })
    .collect()
}

#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn hits(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Whether the segment a–b runs through the box (Liang–Barsky).
    fn cut_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p == 0.0 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
                if t0 >= t1 {
                    return false;
                }
            }
        }
        true
    }
}

fn num(n: Node, name: &str) -> f64 {
    n.attribute(name).map_or(0.0, |v| {
        v.parse()
            .unwrap_or_else(|e| panic!("{name}={v} is not a number: {e}"))
    })
}

/// The sum of the `translate(x,y)` of a node and its ancestors.
fn offset(n: Node) -> (f64, f64) {
    let (mut x, mut y) = (0.0, 0.0);
    for a in n.ancestors() {
        if let Some(t) = a
            .attribute("transform")
            .and_then(|t| t.strip_prefix("translate("))
            .and_then(|t| t.strip_suffix(')'))
        {
            let mut parts = t
                .split(',')
                .map(|p| p.trim().parse::<f64>().expect("number"));
            x += parts.next().unwrap_or(0.0);
            y += parts.next().unwrap_or(0.0);
        }
    }
    (x, y)
}

/// An attribute of the node or the nearest ancestor that has it.
fn inherited<'a>(n: Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.ancestors().find_map(|a| a.attribute(name))
}

/// One `<text>`'s lines as boxes (absolute), laid out as an SVG viewer does: a `tspan` with
/// `x` starts a line (moved by `dy`); one without continues it (after `dx`).
fn text_boxes(t: Node) -> Vec<Rect> {
    let (ox, oy) = offset(t);
    let size0: f64 = inherited(t, "font-size").map_or(12.0, |s| s.parse().expect("size"));
    let bold0 = inherited(t, "font-weight") == Some("bold");
    let anchor = inherited(t, "text-anchor").unwrap_or("start");
    let mut boxes = Vec::new();
    // The current line: x, baseline, width, largest size.
    let (mut x, mut y) = (num(t, "x"), num(t, "y"));
    let (mut w, mut size) = (0.0, 0.0_f64);
    let mut close = |x: f64, y: f64, w: f64, size: f64| {
        if w > 0.0 {
            let x0 = match anchor {
                "middle" => x - w / 2.0,
                "end" => x - w,
                _ => x,
            };
            boxes.push(Rect {
                x0: ox + x0,
                y0: oy + y - ASCENT * size,
                x1: ox + x0 + w,
                y1: oy + y + DESCENT * size,
            });
        }
    };
    for c in t.children() {
        if c.is_text() {
            let s = c.text().unwrap_or("");
            if !s.trim().is_empty() {
                w += text_width(s, size0, bold0);
                size = size.max(size0);
            }
            continue;
        }
        if !c.has_tag_name("tspan") {
            continue; // a <title> is a tooltip, not drawn
        }
        if c.attribute("x").is_some() {
            close(x, y, w, size);
            (x, w, size) = (num(c, "x"), 0.0, 0.0);
        } else {
            w += num(c, "dx");
        }
        y += num(c, "dy");
        let s: f64 = c
            .attribute("font-size")
            .map_or(size0, |v| v.parse().expect("size"));
        let bold = c.attribute("font-weight").map_or(bold0, |v| v == "bold");
        w += text_width(c.text().unwrap_or(""), s, bold);
        size = size.max(s);
    }
    close(x, y, w, size);
    boxes
}

/// A segment of a drawn line: its ends, and what drew it.
type Segment = ((f64, f64), (f64, f64), String);

/// Every line drawn, as segments (absolute).
fn segments(doc: &roxmltree::Document) -> Vec<Segment> {
    let mut out = Vec::new();
    for n in doc.descendants() {
        let (ox, oy) = offset(n);
        let what = format!("<{} class={:?}>", n.tag_name().name(), n.attribute("class"));
        if n.has_tag_name("line") {
            out.push((
                (ox + num(n, "x1"), oy + num(n, "y1")),
                (ox + num(n, "x2"), oy + num(n, "y2")),
                what,
            ));
        } else if n.has_tag_name("polyline") {
            let points: Vec<(f64, f64)> = n
                .attribute("points")
                .unwrap_or("")
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').expect("x,y");
                    (
                        ox + x.parse::<f64>().expect("x"),
                        oy + y.parse::<f64>().expect("y"),
                    )
                })
                .collect();
            for w in points.windows(2) {
                out.push((w[0], w[1], what.clone()));
            }
        }
    }
    out
}

/// Every dot and bar (absolute): circles, and rects other than the background and the stage
/// bands (which everything is drawn on).
fn marks(doc: &roxmltree::Document) -> Vec<(Rect, String)> {
    let mut out = Vec::new();
    for n in doc.descendants() {
        let (ox, oy) = offset(n);
        let what = format!("<{} class={:?}>", n.tag_name().name(), n.attribute("class"));
        if n.has_tag_name("circle") {
            let (cx, cy, r) = (num(n, "cx"), num(n, "cy"), num(n, "r"));
            out.push((
                Rect {
                    x0: ox + cx - r,
                    y0: oy + cy - r,
                    x1: ox + cx + r,
                    y1: oy + cy + r,
                },
                what,
            ));
        } else if n.has_tag_name("rect")
            && n.attribute("class") != Some("stage-band")
            && n.parent().is_some_and(|p| p.has_tag_name("g"))
        {
            let (x, y) = (num(n, "x"), num(n, "y"));
            out.push((
                Rect {
                    x0: ox + x,
                    y0: oy + y,
                    x1: ox + x + num(n, "width"),
                    y1: oy + y + num(n, "height"),
                },
                what,
            ));
        }
    }
    out
}

fn svg_of(repo: &Path, id: &str) -> String {
    run_expecting(repo, &["timeline", id, "--format", "svg"], 0).0
}

fn label(n: Node) -> String {
    let text: String = n
        .descendants()
        .filter(|d| d.is_text() && !d.ancestors().any(|a| a.has_tag_name("title")))
        .map(|d| d.text().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ");
    format!("{:?} {text:?}", n.attribute("class"))
}

#[test]
fn no_label_meets_another_label_a_line_or_a_mark() {
    for (repo, ids) in repositories() {
        for id in &ids {
            let svg = svg_of(&repo, id);
            let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{id}: {e}"));
            let texts: Vec<(Node, Vec<Rect>)> = doc
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .map(|n| (n, text_boxes(n)))
                .collect();
            let segs = segments(&doc);
            let dots = marks(&doc);
            let mut problems = Vec::new();
            for (i, (a, boxes)) in texts.iter().enumerate() {
                for r in boxes {
                    for (b, others) in &texts[i + 1..] {
                        if others.iter().any(|o| o.hits(r)) {
                            problems.push(format!("{} overlaps {}", label(*a), label(*b)));
                        }
                    }
                    for (p, q, what) in &segs {
                        if r.cut_by(*p, *q) {
                            problems.push(format!("{what} {p:?}–{q:?} crosses {}", label(*a)));
                        }
                    }
                    for (m, what) in &dots {
                        if m.hits(r) {
                            problems.push(format!("{what} sits on {}", label(*a)));
                        }
                    }
                }
            }
            assert!(
                problems.is_empty(),
                "{} {id}:\n{}",
                repo.display(),
                problems.join("\n")
            );
        }
    }
}

#[test]
fn the_key_lists_exactly_the_marks_drawn_and_titles_are_whole() {
    let mut seen_empty = false;
    for (repo, ids) in repositories() {
        for id in &ids {
            let svg = svg_of(&repo, id);
            let doc = roxmltree::Document::parse(&svg).expect("XML");
            let has = |tag: &str, class: &str| {
                doc.descendants().any(|n| {
                    n.has_tag_name(tag)
                        && n.attribute("class")
                            .is_some_and(|c| c.split(' ').any(|w| w == class))
                })
            };
            let mut drawn = BTreeSet::new();
            for (tag, class) in [
                ("circle", "done"),
                ("circle", "planned"),
                ("rect", "interval"),
                ("polyline", "meeting-date"),
            ] {
                if has(tag, class) {
                    drawn.insert(class);
                }
            }
            let key: BTreeSet<&str> = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("key"))
                .filter_map(|n| n.attribute("data-mark"))
                .collect();
            assert_eq!(key, drawn, "{id}: the key and the marks drawn");

            let text_of = |class: &str| -> Vec<String> {
                doc.descendants()
                    .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some(class))
                    .map(|n| {
                        n.descendants()
                            .filter(|d| {
                                d.is_text() && !d.ancestors().any(|a| a.has_tag_name("title"))
                            })
                            .filter_map(|d| d.text())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            };
            let subtitle = text_of("subtitle").join(" ");
            assert_eq!(
                subtitle.contains("lanned"),
                drawn.contains("planned"),
                "{id}: {subtitle}"
            );
            assert_eq!(
                subtitle.contains("done"),
                drawn.contains("done"),
                "{id}: {subtitle}"
            );
            for class in ["title", "subtitle", "name", "history", "phrase", "empty"] {
                for t in text_of(class) {
                    assert!(!t.contains('…'), "{id}: a {class} is cut: {t}");
                }
            }
            // The title says the whole dossier title, over as many lines as it takes.
            let title = doc
                .descendants()
                .find(|n| n.attribute("class") == Some("title"))
                .and_then(|n| n.children().find(|c| c.has_tag_name("title")))
                .and_then(|n| n.text())
                .expect("a title tooltip")
                .to_string();
            let whole = title.split_once(" — ").map_or("", |t| t.1);
            let shown = text_of("title").join(" ");
            let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                squash(&shown).contains(&squash(whole)),
                "{id}: title {shown:?} is not all of {whole:?}"
            );
            if !drawn.contains("interval") {
                let empty = text_of("empty");
                assert_eq!(empty.len(), 1, "{id}: one message says there is nothing");
                assert!(empty[0].starts_with("No dated milestones"), "{id}");
                seen_empty = true;
            }
        }
    }
    assert!(seen_empty, "a dossier without milestones was checked");
}

#[test]
fn text_timeline_wraps_whole_words_and_keeps_every_statement() {
    for (repo, ids) in repositories() {
        for id in &ids {
            let out = jbz(&repo)
                .env("COLUMNS", "60")
                .args(["timeline", id])
                .output()
                .expect("run");
            assert!(out.status.success(), "{id}");
            let text = String::from_utf8(out.stdout).expect("utf-8");
            let body = text.split("Milestone drift").next().unwrap_or("");
            for line in body.lines() {
                let words = line.split_whitespace().count();
                assert!(
                    line.chars().count() <= 60 || words <= 2,
                    "{id}: a line longer than 60 columns: {line:?}"
                );
            }
            let squash = |s: &str| {
                s.split_whitespace()
                    .filter(|w| *w != "•" && *w != "nederland")
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let flat = squash(body);
            let json = run_expecting(&repo, &["timeline", id, "--format", "json"], 0).0;
            let doc = parse_json(&json);
            for e in doc["timelines"][0]["entries"].as_array().expect("entries") {
                for s in e["nederland"].as_array().expect("nederland") {
                    let s = squash(s.as_str().expect("a sentence"));
                    assert!(flat.contains(&s), "{id}: a statement is cut: {s}");
                }
            }
        }
    }
}

#[test]
fn a_crowded_chart_numbers_its_lines_and_lists_them_whole_below() {
    let svg = svg_of(crowded(), "overige-onderwerpen-aob");
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let count = |class: &str| {
        doc.descendants()
            .filter(|n| n.attribute("class") == Some(class))
            .count()
    };
    assert_eq!(count("legend-number"), 10, "a legend row per milestone");
    assert!(count("number") >= 8, "numbers beside most lines' ends");
    assert!(
        svg.contains("na maart 2025"),
        "the longest name is there whole"
    );
}
