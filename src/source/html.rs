//! HTML reports, as the official site (zoek.officielebekendmakingen.nl) publishes a Kamerstuk:
//! markup → text in the form [`crate::report`] reads (see [`super::markup`]).
//!
//! The markup is used instead of guessed at: the document is the `#broodtekst` element where
//! there is one (else `<article>`, `<main>`, `<body>`), so the site's navigation stays out;
//! every block element (`<p>`, `<h1>`–`<h6>`, `<li>`, …) is a paragraph of its own; a
//! footnote marker is a `<sup>` or `<a class="nootnum">` holding a number, and is glued to the
//! word before it, as the PDF prints it; the footnotes themselves (`<div id="noten">` with
//! `<div class="voet noot">` per note, or a `footnotes` list as other editors write it) are
//! taken out of the running text and put at the end, one a line. A list item with no bullet
//! of its own gets `•`, which is how the reports print `Belangrijkste resultaten`.
//!
//! The walk over the tree uses a stack of its own, not recursion, so that hostile nesting
//! cannot overflow the stack.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use super::markup::{has_label, note_number, TextBuilder, BULLET};

/// Elements whose content is never report text.
const SKIPPED: [&str; 17] = [
    "head", "script", "style", "noscript", "template", "nav", "iframe", "object", "svg", "math",
    "button", "form", "select", "input", "textarea", "canvas", "video",
];

/// Elements that stand as blocks of their own.
const BLOCKS: [&str; 35] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "hr",
    "body",
];

/// Whether the text looks like HTML: it opens (after white space, comments and an XML
/// declaration) with a doctype or an `<html>`, `<head>` or `<body>` tag.
pub fn looks_like_html(text: &str) -> bool {
    let start = super::markup_start(text);
    let lower: String = start
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<head")
        || lower.starts_with("<body")
}

/// The report text of an HTML document (see the module documentation). Never fails: HTML is
/// read as browsers read it, whatever its errors; a page without report text gives text that
/// the report parser then refuses.
pub fn to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let root = ["#broodtekst", "article", "main", "body"]
        .iter()
        .filter_map(|s| scraper::Selector::parse(s).ok())
        .find_map(|sel| doc.select(&sel).next());
    let mut out = TextBuilder::default();
    match root {
        Some(root) => walk(*root, &mut out),
        None => walk(doc.tree.root(), &mut out),
    }
    // The footnotes are searched for in the whole document: the site prints them after the
    // document's own element.
    for (i, note) in doc
        .tree
        .root()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| is_note(e))
        .enumerate()
    {
        let (number, text) = read_note(note, i);
        out.footnote(number, &text);
    }
    out.finish()
}

/// One step of the walk: go into a node, or leave an element.
enum Step<'a> {
    Enter(NodeRef<'a, Node>),
    Leave { block: bool },
}

/// Walk the tree under `root`, writing its running text into `out`.
fn walk(root: NodeRef<'_, Node>, out: &mut TextBuilder) {
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave { block } => {
                if block {
                    out.end_block();
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(t) => out.text(t),
            Node::Element(_) => {
                let Some(el) = ElementRef::wrap(node) else {
                    continue;
                };
                let name = el.value().name();
                if SKIPPED.contains(&name) || el.value().attr("hidden").is_some() || is_note(&el) {
                    continue;
                }
                if name == "br" {
                    out.line_break();
                    continue;
                }
                if let Some(n) = marker_number(&el) {
                    out.marker(n);
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.end_block();
                }
                if name == "li" {
                    list_label(&el, out);
                }
                stack.push(Step::Leave { block });
                for child in node.children().rev() {
                    stack.push(Step::Enter(child));
                }
            }
            Node::Document | Node::Fragment => {
                for child in node.children().rev() {
                    stack.push(Step::Enter(child));
                }
            }
            _ => {}
        }
    }
}

/// A list item opens with its bullet, or its number in an ordered list, unless its text
/// already does.
fn list_label(li: &ElementRef<'_>, out: &mut TextBuilder) {
    let text: String = li.text().take(8).collect();
    if has_label(&text) {
        return;
    }
    let ordered = li
        .parent()
        .and_then(ElementRef::wrap)
        .filter(|p| p.value().name() == "ol");
    match ordered {
        Some(ol) => {
            let start: u32 = ol
                .value()
                .attr("start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1);
            let before = li
                .prev_siblings()
                .filter_map(ElementRef::wrap)
                .filter(|s| s.value().name() == "li")
                .count() as u32;
            out.text(&format!("{}. ", start.saturating_add(before)));
        }
        None => out.text(&format!("{BULLET} ")),
    }
}

/// The footnote number a marker element stands for: a `<sup>` holding only a number, or a
/// link the site marks as a footnote reference.
fn marker_number(el: &ElementRef<'_>) -> Option<u32> {
    let v = el.value();
    let is_marker = match v.name() {
        "sup" => true,
        "a" => {
            v.classes()
                .any(|c| c == "nootnum" || c.contains("footnote") || c.contains("noteref"))
                || v.attr("role") == Some("doc-noteref")
        }
        _ => false,
    };
    if !is_marker {
        return None;
    }
    let text: String = el.text().collect();
    note_number(&text)
}

/// Whether an element holds one footnote (not the running text).
fn is_note(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    let classes: Vec<&str> = v.classes().collect();
    (v.name() == "div" && classes.contains(&"noot"))
        || v.attr("role") == Some("doc-endnote")
        || v.attr("role") == Some("doc-footnote")
        || (v.name() == "li"
            && v.id().is_some_and(|id| id.starts_with("fn"))
            && el
                .parent()
                .and_then(ElementRef::wrap)
                .is_some_and(|p| p.value().name() == "ol"))
}

/// A footnote's number and text. The number is the note's `nootnum` (or first `<sup>`),
/// else the digits of its id (`fn3`), else its place among the notes.
fn read_note(note: ElementRef<'_>, index: usize) -> (u32, String) {
    let label = note
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().classes().any(|c| c == "nootnum") || e.value().name() == "sup");
    let number = label
        .and_then(|l| note_number(&l.text().collect::<String>()))
        .or_else(|| {
            note.value()
                .id()
                .map(|id| id.trim_start_matches(|c: char| !c.is_ascii_digit()))
                .and_then(note_number)
        })
        .unwrap_or(u32::try_from(index + 1).unwrap_or(u32::MAX));
    let mut text = String::new();
    let mut stack = vec![*note];
    while let Some(node) = stack.pop() {
        match node.value() {
            Node::Text(t) => {
                text.push_str(t);
            }
            Node::Element(e) => {
                let skip = e
                    .classes()
                    .any(|c| c == "note-close" || c == "nootnum" || c.contains("backref"))
                    || e.attr("role") == Some("doc-backlink")
                    || SKIPPED.contains(&e.name())
                    || label.is_some_and(|l| l.id() == node.id());
                if skip {
                    continue;
                }
                if BLOCKS.contains(&e.name()) {
                    text.push(' ');
                }
                for child in node.children().rev() {
                    stack.push(child);
                }
            }
            _ => {}
        }
    }
    (number, text.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_layout_gives_paragraph_lines_and_footnotes_at_the_end() {
        let html = r##"<!DOCTYPE html><html><head><title>x</title></head><body>
            <nav><a href="/">Home</a></nav>
            <div id="broodtekst" class="stuk broodtekst-container">
              <h1 class="stuktitel">Verslag van de Raad,<br/> 19-20 oktober 2023</h1>
              <h2>I. Binnenlandse Zaken</h2>
              <ul class="expliciet"><li class="li"><p class="labeled"><span class="ol">•</span>Een
                 resultaat.</p></li><li>Nog een.</li></ul>
              <p>Tekst over grooming.<sup><a class="nootnum supernote-click-ID-1" href="#ID-1">1</a></sup>
                 En meer.</p>
            </div>
            <div id="noten"><hr/>
              <div class="voet noot snp-mouseoffset" id="supernote-note-ID-1">
                <h5 class="note-close"><a class="note-close" href="#close-ID-1">X</a> Noot</h5>
                <sup><span class="nootnum" id="ID-1">1</span></sup><p>Zie ook nr. 859.</p>
              </div>
            </div></body></html>"##;
        assert_eq!(
            to_text(html),
            "Verslag van de Raad,\n19-20 oktober 2023\n\nI. Binnenlandse Zaken\n\n• Een \
             resultaat.\n\n• Nog een.\n\nTekst over grooming.1 En meer.\n\n1 Zie ook nr. 859.\n"
        );
    }

    #[test]
    fn generic_footnote_lists_are_read() {
        let html = r##"<html><body><article><p>Woord<sup><a href="#fn1" role="doc-noteref">1</a></sup>.</p>
            <section class="footnotes"><ol><li id="fn1"><p>De noot. <a href="#r1" class="footnote-backref">↩</a></p></li></ol></section>
            </article></body></html>"##;
        assert_eq!(to_text(html), "Woord1.\n\n1 De noot.\n");
    }

    #[test]
    fn ordered_lists_are_numbered_and_scripts_skipped() {
        let html =
            "<body><script>alert(1)</script><ol start=\"3\"><li>c</li><li>d</li></ol></body>";
        assert_eq!(to_text(html), "3. c\n\n4. d\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let html = format!(
            "<body>{}tekst{}</body>",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        assert_eq!(to_text(&html), "tekst\n");
    }

    #[test]
    fn html_is_recognised_by_its_opening() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<!-- gemaakt -->\n<html lang=\"nl\">"));
        assert!(looks_like_html("<?xml version=\"1.0\"?><html xmlns=\"x\">"));
        assert!(!looks_like_html("Verslag van de Raad <html>"));
        assert!(!looks_like_html("<kamerstuk>"));
    }
}
