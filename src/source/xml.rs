//! XML reports, in the official publication's own vocabulary (the `kamerstuk` schema of the
//! Officiële Bekendmakingen): XML → text in the form [`crate::report`] reads (see
//! [`super::markup`]).
//!
//! The schema marks what the PDF only shows: `<al>` is a paragraph; a `<kop>` joins its `<nr>`
//! and `<titel>` into one heading line (`1. Verordening …`); `<tussenkop>` is a heading of its
//! own; a `<li>` in a `<lijst>` opens with its `<li.nr>` (`•`), or with `•` where it has none;
//! a `<noot>` stands where its marker is printed, so its `<noot.nr>` is glued to the word
//! before it and its `<noot.al>` goes to the footnotes at the end; a `<nootref>` repeats an
//! earlier note's marker. `<metadata>` is not report text. Elements the reader does not know
//! are read as inline text, so that a new inline element never splits a paragraph.
//!
//! Documents with a DTD are read (the DTD is not fetched), but roxmltree refuses entity
//! references that loop or expand without end, and the number of nodes is limited.

use std::collections::BTreeMap;

use roxmltree::{Document, Node, ParsingOptions};

use super::markup::{has_label, note_number, TextBuilder, BULLET};

/// Root elements of the official XML editions.
const OFFICIAL_ROOTS: [&str; 6] = [
    "officiele-publicatie",
    "kamerstuk",
    "kamervragen",
    "handelingen",
    "stcart",
    "bijlage",
];

/// Elements that stand as blocks of their own.
const BLOCKS: [&str; 30] = [
    "officiele-publicatie",
    "kamerstuk",
    "kamerstukkop",
    "dossier",
    "stuk",
    "stuknr",
    "titel",
    "algemeen",
    "vrije-tekst",
    "tekst",
    "brief",
    "aanhef",
    "slotformulering",
    "ondertekening",
    "tekst-sluiting",
    "divisie",
    "bijlage",
    "kop",
    "tussenkop",
    "al",
    "al-groep",
    "lijst",
    "li",
    "tekstregel",
    "table",
    "tgroup",
    "row",
    "entry",
    "datumtekst",
    "dossiernummer",
];

/// More nodes than any report has; a document with more is refused rather than held.
const NODES_LIMIT: u32 = 2_000_000;

/// Why an XML file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("this XML file is not well-formed: {message}; if it was saved from the web site, save it again whole")]
pub struct XmlError {
    /// 1-based line of the problem.
    pub line: u32,
    /// What the XML parser says.
    pub message: String,
}

/// Whether the text looks like an XML edition: an XML declaration, or one of the official
/// root elements, at its start (after white space and comments). XHTML is HTML, not this.
pub fn looks_like_xml(text: &str) -> bool {
    if super::html::looks_like_html(text) {
        return false;
    }
    let trimmed = text.trim_start_matches('\u{FEFF}').trim_start();
    if trimmed.starts_with("<?xml") {
        return true;
    }
    let start = super::markup_start(text);
    let name: String = start
        .strip_prefix('<')
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '.' || *c == ':')
        .collect();
    OFFICIAL_ROOTS.contains(&name.as_str())
}

/// The report text of an XML edition (see the module documentation).
pub fn to_text(xml: &str) -> Result<String, XmlError> {
    let options = ParsingOptions {
        allow_dtd: true,
        nodes_limit: NODES_LIMIT,
    };
    let doc = Document::parse_with_options(xml, options).map_err(|e| XmlError {
        line: e.pos().row,
        message: e.to_string(),
    })?;
    let mut out = TextBuilder::default();
    // Every note's number, by node, in document order: the printed `noot.nr`, or the note's
    // place where it has none. `nootref` finds its note by `id`.
    let mut numbers: BTreeMap<usize, u32> = BTreeMap::new();
    let mut by_id: BTreeMap<&str, u32> = BTreeMap::new();
    let mut count = 0u32;
    for note in doc.descendants().filter(|n| n.has_tag_name("noot")) {
        count = count.saturating_add(1);
        let number = note
            .children()
            .find(|c| c.has_tag_name("noot.nr"))
            .and_then(|nr| note_number(&all_text(nr)))
            .unwrap_or(count);
        numbers.insert(note.id().get_usize(), number);
        if let Some(id) = note.attribute("id") {
            by_id.insert(id, number);
        }
        let text: Vec<String> = note
            .children()
            .filter(|c| c.is_element() && !c.has_tag_name("noot.nr"))
            .map(all_text)
            .collect();
        out.footnote(number, &text.join(" "));
    }
    walk(doc.root(), &numbers, &by_id, &mut out);
    Ok(out.finish())
}

enum Step<'a, 'input> {
    Enter(Node<'a, 'input>),
    Leave { block: bool },
}

fn walk(
    root: Node<'_, '_>,
    numbers: &BTreeMap<usize, u32>,
    by_id: &BTreeMap<&str, u32>,
    out: &mut TextBuilder,
) {
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
        if node.is_text() {
            out.text(node.text().unwrap_or_default());
            continue;
        }
        if !(node.is_element() || node.is_root()) {
            continue;
        }
        let name = node.tag_name().name();
        let parent = node.parent_element().map(|p| p.tag_name().name());
        match name {
            "metadata" | "meta" => continue,
            "noot" => {
                if let Some(n) = numbers.get(&node.id().get_usize()) {
                    out.marker(*n);
                }
                continue;
            }
            "nootref" => {
                if let Some(n) = node.attribute("refid").and_then(|id| by_id.get(id)) {
                    out.marker(*n);
                }
                continue;
            }
            "li.nr" => {
                out.text(&all_text(node));
                out.text(" ");
                continue;
            }
            _ => {}
        }
        // Inside a heading, its parts (`nr`, `label`, `titel`) make one line.
        let in_kop = parent == Some("kop");
        if in_kop {
            out.text(" ");
        }
        // A list item's first paragraph is the item's own line.
        let first_al_of_li = name == "al"
            && parent == Some("li")
            && node
                .prev_sibling_element()
                .is_none_or(|p| p.has_tag_name("li.nr"));
        let block = BLOCKS.contains(&name) && !in_kop && !first_al_of_li;
        if block {
            out.end_block();
        }
        if name == "li" && !node.children().any(|c| c.has_tag_name("li.nr")) {
            let text: String = all_text(node).chars().take(8).collect();
            if !has_label(&text) {
                out.text(&format!("{BULLET} "));
            }
        }
        stack.push(Step::Leave { block });
        for child in node.children().rev() {
            stack.push(Step::Enter(child));
        }
    }
}

/// All text under a node, notes' markers and texts left out.
fn all_text(node: Node<'_, '_>) -> String {
    let mut text = String::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if n.is_text() {
            text.push_str(n.text().unwrap_or_default());
        } else if n.is_element() && !(n.has_tag_name("noot") && n != node) {
            if BLOCKS.contains(&n.tag_name().name()) && n != node {
                text.push(' ');
            }
            for child in n.children().rev() {
                stack.push(child);
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const KAMERSTUK: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie><metadata><meta name="DC.title" content="Verslag"/></metadata>
<kamerstuk><kamerstukkop><tekstregel inhoud="vergaderjaar">Vergaderjaar 2023-2024</tekstregel></kamerstukkop>
<stuk><algemeen><vrije-tekst><tekst>
<divisie><kop><titel>Verslag van de Raad,</titel></kop>
<divisie><kop><nr>I.</nr><titel>Binnenlandse Zaken</titel></kop>
<tussenkop>Belangrijkste resultaten</tussenkop>
<lijst type="expliciet"><li><li.nr>•</li.nr><al>Een <nadruk type="vet">resultaat</nadruk>.</al></li>
<li><al>Nog een.</al></li></lijst>
<divisie><kop><nr>1.</nr><titel>Verordening</titel></kop>
<al>Over grooming.<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>Zie ook
  <extref doc="kst-32317-859">nr. 859</extref>.</noot.al></noot> En meer.</al>
<al>Weer<nootref refid="n1"/> genoemd.</al>
</divisie></divisie></divisie></tekst></vrije-tekst></algemeen></stuk></kamerstuk></officiele-publicatie>"#;

    #[test]
    fn official_layout_gives_headings_bullets_and_footnotes() {
        assert_eq!(
            to_text(KAMERSTUK).expect("well-formed"),
            "Vergaderjaar 2023-2024\n\nVerslag van de Raad,\n\nI. Binnenlandse Zaken\n\n\
             Belangrijkste resultaten\n\n• Een resultaat.\n\n• Nog een.\n\n1. Verordening\n\n\
             Over grooming.1 En meer.\n\nWeer1 genoemd.\n\n1 Zie ook nr. 859.\n"
        );
    }

    #[test]
    fn malformed_xml_names_its_line() {
        let e = to_text("<?xml version=\"1.0\"?>\n<kamerstuk>\n<al>open\n</kamerstuk>")
            .expect_err("malformed");
        assert_eq!(e.line, 4);
        assert!(
            e.to_string()
                .starts_with("this XML file is not well-formed"),
            "{e}"
        );
    }

    #[test]
    fn entity_bombs_are_refused() {
        let mut xml =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        xml.push_str("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for i in 2..10 {
            let prev = format!("&lol{};", i - 1).repeat(10);
            xml.push_str(&format!("<!ENTITY lol{i} \"{prev}\">\n"));
        }
        xml.push_str("]>\n<kamerstuk><al>&lol9;</al></kamerstuk>");
        assert!(to_text(&xml).is_err());
    }

    #[test]
    fn xml_is_recognised_by_its_opening() {
        assert!(looks_like_xml(
            "<?xml version=\"1.0\"?>\n<officiele-publicatie>"
        ));
        assert!(looks_like_xml("<!-- gemaakt -->\n<kamerstuk>"));
        assert!(!looks_like_xml(
            "<?xml version=\"1.0\"?><!DOCTYPE html><html>"
        ));
        assert!(!looks_like_xml("Verslag <kamerstuk>"));
    }
}
