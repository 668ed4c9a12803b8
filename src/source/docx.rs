//! Word documents (`.docx`), as the ministry writes a report before it is published: the zip's
//! WordprocessingML parts → text in the form [`crate::report`] reads (see [`super::markup`]).
//!
//! What Word keeps out of the text is put back in, the way Word shows it: the numbers of
//! numbered paragraphs (`I. Justitie`, `1. Insolventierichtlijn`, `•` bullets), computed from
//! `word/numbering.xml` as Word counts (see `Counters`); footnote and endnote markers, numbered
//! 1, 2, 3 … in the order they appear and glued to the word before them, with the notes
//! themselves at the end, one a line, as the HTML reader gives them. Tracked changes are read
//! as accepted (insertions kept, deletions and moved-away text dropped). Paragraphs, headings,
//! list items and table cells (row by row) are one block each; a line break inside a paragraph
//! is a space, except in a title, whose lines stay lines. Headers, footers, comments, text
//! boxes and pictures are not read.
//!
//! The zip is read with limits: at most [`MAX_ENTRIES`] entries, and at most
//! [`super::MAX_REPORT_BYTES`] unpacked bytes in all, however large its entries say they are.
//! The XML walks keep their own stack, so hostile nesting cannot overflow the stack.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use roxmltree::{Document, Node, ParsingOptions};
use zip::result::ZipError;
use zip::ZipArchive;

use super::markup::{TextBuilder, BULLET};
use super::MAX_REPORT_BYTES;

/// A Word document has a few dozen entries (a few hundred with many pictures); a zip with more
/// is not a report.
pub const MAX_ENTRIES: usize = 5_000;

/// The most XML nodes one part may hold (a 300-page document has about a million).
const NODES_LIMIT: u32 = 4_000_000;

/// The deepest nesting of elements a part may have. Word nests a few dozen deep (tables in
/// tables a few more); roxmltree parses nesting by recursion, and some 10,000 levels overflow
/// the stack.
pub const MAX_DEPTH: usize = 1_000;

/// WordprocessingML, as Word writes it (transitional) and in ISO strict form.
const W_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Markup compatibility: `mc:Fallback` repeats what `mc:Choice` holds, for older readers.
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Why a zip file could not be read as a Word document.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// A zip file of another kind (an OpenDocument text, a Pages document, a plain archive).
    #[error(
        "this is {what}, which jbz-track cannot read; convert it to PDF or DOCX, or save the \
         text as .txt"
    )]
    NotWord {
        /// What it is, as a phrase: `an OpenDocument text (.odt)`.
        what: &'static str,
    },
    /// The document's parts are encrypted.
    #[error(
        "this Word document is encrypted; save it again without a password, or convert it to \
         PDF"
    )]
    Encrypted,
    /// The zip is damaged, or uses what the zip reader does not read.
    #[error(
        "this Word document cannot be read ({0}); is it damaged? open it in Word and save it \
         again, or convert it to PDF"
    )]
    Damaged(String),
    /// A part is not well-formed XML.
    #[error(
        "this Word document's {part} is not well-formed XML (line {line}: {message}); open it \
         in Word and save it again, or convert it to PDF"
    )]
    Xml {
        /// The part, such as `word/document.xml`.
        part: String,
        /// The 1-based line in the part.
        line: u32,
        /// What the XML parser says.
        message: String,
    },
    /// The parts unpack to more than a report can be (a zip bomb, or not a report).
    #[error(
        "this Word document unpacks to more than {limit} bytes, more than a report can be; is \
         this the right file?"
    )]
    TooLarge {
        /// The limit, [`MAX_REPORT_BYTES`].
        limit: u64,
    },
    /// The zip holds more entries than a Word document has.
    #[error(
        "this zip file holds {count} entries, more than the {limit} a Word document has; is \
         this the right file?"
    )]
    TooManyEntries {
        /// How many its directory lists.
        count: usize,
        /// The limit, [`MAX_ENTRIES`].
        limit: usize,
    },
    /// A part nests elements deeper than any Word document does.
    #[error(
        "this Word document's {part} nests elements more than {limit} deep, which no Word \
         document does; is this the right file?"
    )]
    TooDeep {
        /// The part.
        part: String,
        /// The limit, [`MAX_DEPTH`].
        limit: usize,
    },
    /// The document holds no text.
    #[error("this Word document has no text; is it the right file?")]
    NoText,
}

impl From<ZipError> for DocxError {
    fn from(e: ZipError) -> Self {
        match e {
            ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => {
                DocxError::Encrypted
            }
            ZipError::InvalidPassword => DocxError::Encrypted,
            other => DocxError::Damaged(other.to_string()),
        }
    }
}

/// Whether the bytes are a zip file (a `.docx` is one): a local file header, or the end
/// record of an empty zip.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The report text of a Word document (see the module documentation).
pub fn to_text(bytes: &[u8]) -> Result<String, DocxError> {
    if let Some(count) = declared_entries(bytes) {
        if count > MAX_ENTRIES {
            return Err(DocxError::TooManyEntries {
                count,
                limit: MAX_ENTRIES,
            });
        }
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes))?;
    if zip.len() > MAX_ENTRIES {
        return Err(DocxError::TooManyEntries {
            count: zip.len(),
            limit: MAX_ENTRIES,
        });
    }
    if zip.index_for_name("word/document.xml").is_none() {
        return Err(DocxError::NotWord {
            what: what_zip_is(&mut zip),
        });
    }
    let mut parts = Parts {
        zip,
        budget: MAX_REPORT_BYTES,
    };
    let document = parts.read("word/document.xml")?.unwrap_or_default();
    let styles = parts.read("word/styles.xml")?;
    let numbering = parts.read("word/numbering.xml")?;
    let footnotes = parts.read("word/footnotes.xml")?;
    let endnotes = parts.read("word/endnotes.xml")?;

    let styles = match &styles {
        Some(xml) => Styles::read(&parse("word/styles.xml", xml)?),
        None => Styles::default(),
    };
    let numbering = match &numbering {
        Some(xml) => Numbering::read(&parse("word/numbering.xml", xml)?),
        None => Numbering::default(),
    };
    let mut notes = BTreeMap::new();
    for (kind, part, xml) in [
        (NoteKind::Foot, "word/footnotes.xml", &footnotes),
        (NoteKind::End, "word/endnotes.xml", &endnotes),
    ] {
        if let Some(xml) = xml {
            read_notes(&parse(part, xml)?, kind, &mut notes);
        }
    }
    let doc = parse("word/document.xml", &document)?;
    let body = doc
        .root_element()
        .children()
        .find(|n| is_w(n, "body"))
        .unwrap_or(doc.root_element());
    let paragraphs = paragraphs(body);

    let mut out = TextBuilder::default();
    let mut counters = Counters::default();
    // Footnote markers are numbered in the order they appear, whatever their ids, as Word
    // numbers them; footnotes and endnotes share the one sequence so that no two notes at the
    // end carry one number.
    let mut note_numbers: BTreeMap<(NoteKind, String), u32> = BTreeMap::new();
    let mut printed_notes: Vec<(u32, String)> = Vec::new();
    for p in &paragraphs {
        let style = p.style.as_deref().or(styles.default_paragraph.as_deref());
        let title = style.is_some_and(|s| styles.is_title(s));
        let has_text = p.inlines.iter().any(|i| match i {
            Inline::Text(t) => !t.trim().is_empty(),
            Inline::Note(..) => true,
            Inline::Break => false,
        });
        if let Some((num_id, level)) = styles.numbering_of(p, style, &numbering) {
            if let Some(label) = counters.next(&numbering, &styles, &num_id, level) {
                // Word numbers an empty numbered paragraph too, but a number on a line of its
                // own is no heading: it is counted and not printed.
                if has_text {
                    out.text(&label);
                    out.text(" ");
                }
            }
        }
        for inline in &p.inlines {
            match inline {
                Inline::Text(t) => out.text(t),
                Inline::Break if title => out.line_break(),
                Inline::Break => out.text(" "),
                Inline::Note(kind, id) => {
                    let Some(text) = notes.get(&(*kind, id.clone())) else {
                        continue;
                    };
                    let next = u32::try_from(note_numbers.len() + 1).unwrap_or(u32::MAX);
                    let n = *note_numbers.entry((*kind, id.clone())).or_insert_with(|| {
                        printed_notes.push((next, text.clone()));
                        next
                    });
                    out.marker(n);
                }
            }
        }
        out.end_block();
    }
    for (n, text) in &printed_notes {
        out.footnote(*n, text);
    }
    let text = out.finish();
    if text.trim().is_empty() {
        return Err(DocxError::NoText);
    }
    Ok(text)
}

/// The number of entries the zip's end record declares, read before the zip reader lists
/// them all (a 32 MB file can declare hundreds of thousands).
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    // The end record is 22 bytes plus a comment of at most 65535.
    let from = bytes.len().saturating_sub(22 + 65_535);
    let tail = &bytes[from..];
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let count = tail.get(at + 10..at + 12)?;
    Some(usize::from(u16::from_le_bytes([count[0], count[1]])))
}

/// What a zip file that is not a Word document is, as a phrase for the error.
fn what_zip_is(zip: &mut ZipArchive<Cursor<&[u8]>>) -> &'static str {
    let mut mimetype = String::new();
    if let Ok(file) = zip.by_name("mimetype") {
        let _ = file.take(200).read_to_string(&mut mimetype);
    }
    let has = |zip: &ZipArchive<Cursor<&[u8]>>, name: &str| zip.index_for_name(name).is_some();
    let mimetype = mimetype.trim();
    if mimetype.starts_with("application/vnd.oasis.opendocument.text") {
        "an OpenDocument text (.odt)"
    } else if mimetype.starts_with("application/vnd.oasis.opendocument") {
        "an OpenDocument file other than a text"
    } else if mimetype == "application/epub+zip" {
        "an EPUB book"
    } else if has(zip, "Index/Document.iwa") || has(zip, "index.xml") || has(zip, "Index.zip") {
        "an Apple Pages document"
    } else if has(zip, "xl/workbook.xml") {
        "an Excel workbook"
    } else if has(zip, "ppt/presentation.xml") {
        "a PowerPoint presentation"
    } else if has(zip, "[Content_Types].xml") {
        "an Office file that is not a Word document"
    } else {
        "a zip archive that holds no Word document"
    }
}

/// The zip, and how many unpacked bytes may still be read from it.
struct Parts<'b> {
    zip: ZipArchive<Cursor<&'b [u8]>>,
    budget: u64,
}

impl Parts<'_> {
    /// The part `name` as text, or `None` where the document has no such part.
    fn read(&mut self, name: &str) -> Result<Option<String>, DocxError> {
        let file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let mut bytes = Vec::new();
        // An entry's declared size can lie: what is unpacked is what counts.
        file.take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| DocxError::Damaged(format!("{name}: {e}")))?;
        let len = bytes.len() as u64;
        if len > self.budget {
            return Err(DocxError::TooLarge {
                limit: MAX_REPORT_BYTES,
            });
        }
        self.budget -= len;
        let bytes = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&bytes)
            .to_vec();
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| DocxError::Damaged(format!("{name} is not UTF-8")))
    }
}

fn parse<'x>(part: &str, xml: &'x str) -> Result<Document<'x>, DocxError> {
    if nesting_depth(xml) > MAX_DEPTH {
        return Err(DocxError::TooDeep {
            part: part.to_string(),
            limit: MAX_DEPTH,
        });
    }
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
    };
    Document::parse_with_options(xml, options).map_err(|e| DocxError::Xml {
        part: part.to_string(),
        line: e.pos().row,
        message: e.to_string(),
    })
}

/// How deep the elements of `xml` nest, counted from its tags without parsing it (quoted
/// attribute values, comments and CDATA sections skipped), so that a part too deep for the
/// parser is refused before it is parsed.
fn nesting_depth(xml: &str) -> usize {
    let b = xml.as_bytes();
    let skip_past = |from: usize, end: &[u8]| {
        b[from..]
            .windows(end.len())
            .position(|w| w == end)
            .map_or(b.len(), |at| from + at + end.len())
    };
    let (mut i, mut depth, mut deepest) = (0, 0usize, 0usize);
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &b[i + 1..];
        if rest.starts_with(b"!--") {
            i = skip_past(i, b"-->");
        } else if rest.starts_with(b"![CDATA[") {
            i = skip_past(i, b"]]>");
        } else if rest.starts_with(b"?") || rest.starts_with(b"!") {
            i = skip_past(i, b">");
        } else if rest.starts_with(b"/") {
            depth = depth.saturating_sub(1);
            i = skip_past(i, b">");
        } else {
            let mut j = i + 1;
            let mut quote = None;
            while j < b.len() {
                match (quote, b[j]) {
                    (Some(q), c) if c == q => quote = None,
                    (None, c @ (b'"' | b'\'')) => quote = Some(c),
                    (None, b'>') => break,
                    _ => {}
                }
                j += 1;
            }
            if b.get(j.wrapping_sub(1)) != Some(&b'/') {
                depth += 1;
                deepest = deepest.max(depth);
            }
            i = j + 1;
        }
    }
    deepest
}

/// Whether `node` is the WordprocessingML element `name`.
fn is_w(node: &Node<'_, '_>, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node
            .tag_name()
            .namespace()
            .is_some_and(|ns| W_NS.contains(&ns))
}

/// The WordprocessingML attribute `name` of `node` (`w:val`).
fn w_attr<'a>(node: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name && a.namespace().is_some_and(|ns| W_NS.contains(&ns)))
        .map(|a| a.value())
}

/// The first child of `node` that is the WordprocessingML element `name`.
fn w_child<'a, 'i>(node: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(c, name))
}

/// `w:val` of the child `name`.
fn w_val<'a>(node: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    w_child(node, name).and_then(|c| w_attr(&c, "val"))
}

/// Whether an on/off property (`<w:vanish/>`, `<w:isLgl w:val="0"/>`) is on.
fn is_on(node: &Node<'_, '_>, name: &str) -> bool {
    w_child(node, name).is_some_and(|c| {
        !matches!(
            w_attr(&c, "val"),
            Some("0") | Some("false") | Some("off") | Some("none")
        )
    })
}

// ---------------------------------------------------------------------------------------------
// The document: paragraphs of inline text

/// Footnote or endnote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NoteKind {
    Foot,
    End,
}

/// What a paragraph holds, in order.
#[derive(Debug, Clone, PartialEq)]
enum Inline {
    Text(String),
    /// A line break (`w:br`, `w:cr`).
    Break,
    /// A footnote or endnote marker, by the note's id.
    Note(NoteKind, String),
}

/// A paragraph as written: its style, its own numbering, and its text.
#[derive(Debug, Default)]
struct Paragraph {
    style: Option<String>,
    /// `w:numPr` of the paragraph itself: the list (`None` where only the level is given),
    /// the level.
    num: Option<(Option<String>, Option<u8>)>,
    inlines: Vec<Inline>,
    /// Whether its paragraph mark is a tracked deletion.
    mark_deleted: bool,
}

/// Elements whose content is not the document's accepted text.
fn skipped(node: &Node<'_, '_>) -> bool {
    if node.tag_name().namespace() == Some(MC_NS) {
        return node.tag_name().name() == "Fallback";
    }
    [
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "delInstrText",
        "pPr",
        "rPr",
        "sectPr",
        "tblPr",
        "trPr",
        "tcPr",
        "drawing",
        "pict",
        "object",
        "commentReference",
        "footnoteRef",
        "endnoteRef",
        "annotationRef",
        "fldData",
    ]
    .iter()
    .any(|name| is_w(node, name))
        || (is_w(node, "r") && w_child(node, "rPr").is_some_and(|rpr| is_on(&rpr, "vanish")))
}

/// One step of a walk: go into a node, or leave a paragraph.
enum Step<'a, 'i> {
    Enter(Node<'a, 'i>),
    LeaveParagraph,
}

/// The paragraphs under `root`, in document order (table cells row by row), with tracked
/// changes accepted. A paragraph whose mark was deleted is joined to the next, as accepting
/// the deletion does; the joined paragraph has the next one's properties, which its mark
/// holds.
fn paragraphs(root: Node<'_, '_>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::LeaveParagraph => {
                out.extend(current.take());
                continue;
            }
            Step::Enter(node) => node,
        };
        if !node.is_element() || skipped(&node) {
            continue;
        }
        if is_w(&node, "p") {
            // Paragraphs do not nest once text boxes are skipped; should one, it ends the
            // paragraph around it.
            out.extend(current.take());
            current = Some(paragraph(&node));
            stack.push(Step::LeaveParagraph);
        } else if let Some(p) = current.as_mut() {
            p.inlines.extend(inline(&node));
        }
        for child in node.children().rev() {
            stack.push(Step::Enter(child));
        }
    }
    out.extend(current.take());
    join_deleted_marks(out)
}

/// A paragraph's properties, from its `w:pPr` (its direct children only: a `w:pPrChange`
/// holds the properties before a tracked change).
fn paragraph(p: &Node<'_, '_>) -> Paragraph {
    let ppr = w_child(p, "pPr");
    Paragraph {
        style: ppr
            .and_then(|ppr| w_val(&ppr, "pStyle"))
            .map(str::to_string),
        num: ppr.and_then(|ppr| w_child(&ppr, "numPr")).map(|num| {
            (
                w_val(&num, "numId").map(str::to_string),
                w_val(&num, "ilvl").and_then(|l| l.parse().ok()),
            )
        }),
        inlines: Vec::new(),
        mark_deleted: ppr
            .and_then(|ppr| w_child(&ppr, "rPr"))
            .is_some_and(|rpr| w_child(&rpr, "del").is_some()),
    }
}

/// What an element inside a paragraph adds to its text.
fn inline(node: &Node<'_, '_>) -> Option<Inline> {
    if !node
        .tag_name()
        .namespace()
        .is_some_and(|ns| W_NS.contains(&ns))
    {
        return None;
    }
    match node.tag_name().name() {
        "t" => node.text().map(|t| Inline::Text(t.to_string())),
        // `w:tab` inside a run (tab stops are in `w:pPr`, which is skipped).
        "tab" | "ptab" => Some(Inline::Text(" ".to_string())),
        "br" | "cr" => Some(match w_attr(node, "type") {
            Some("page") | Some("column") => Inline::Text(" ".to_string()),
            _ => Inline::Break,
        }),
        "noBreakHyphen" => Some(Inline::Text("-".to_string())),
        "footnoteReference" => {
            w_attr(node, "id").map(|id| Inline::Note(NoteKind::Foot, id.to_string()))
        }
        "endnoteReference" => {
            w_attr(node, "id").map(|id| Inline::Note(NoteKind::End, id.to_string()))
        }
        _ => None,
    }
}

/// Paragraphs whose mark was deleted, joined to the paragraph after them.
fn join_deleted_marks(paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    let mut pending: Vec<Inline> = Vec::new();
    for mut p in paragraphs {
        if p.mark_deleted {
            pending.append(&mut p.inlines);
            continue;
        }
        if !pending.is_empty() {
            pending.append(&mut p.inlines);
            p.inlines = std::mem::take(&mut pending);
        }
        out.push(p);
    }
    if !pending.is_empty() {
        out.push(Paragraph {
            inlines: pending,
            ..Paragraph::default()
        });
    }
    out
}

/// The notes of `word/footnotes.xml` or `word/endnotes.xml`, by kind and id, as one line of
/// text each (Word's separator lines left out).
fn read_notes(
    doc: &Document<'_>,
    kind: NoteKind,
    notes: &mut BTreeMap<(NoteKind, String), String>,
) {
    for note in doc
        .root_element()
        .children()
        .filter(|n| is_w(n, "footnote") || is_w(n, "endnote"))
    {
        if matches!(
            w_attr(&note, "type"),
            Some("separator") | Some("continuationSeparator") | Some("continuationNotice")
        ) {
            continue;
        }
        let Some(id) = w_attr(&note, "id") else {
            continue;
        };
        let mut text = String::new();
        for p in paragraphs(note) {
            for inline in p.inlines {
                match inline {
                    Inline::Text(t) => text.push_str(&t),
                    Inline::Break => text.push(' '),
                    Inline::Note(..) => {}
                }
            }
            text.push(' ');
        }
        if !text.trim().is_empty() {
            notes.insert((kind, id.to_string()), text);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Styles: titles, and the numbering a style carries

/// A paragraph's numbering as written: the list (`w:numId`), and the level where given.
type NumRef = (Option<String>, Option<u8>);

#[derive(Debug, Default)]
struct Style {
    /// Its name, lower-case (`title`, `heading 1`).
    name: String,
    based_on: Option<String>,
    num: Option<NumRef>,
}

/// `word/styles.xml`, as far as the text needs it.
#[derive(Debug, Default)]
struct Styles {
    styles: BTreeMap<String, Style>,
    /// The paragraph style of paragraphs that name none.
    default_paragraph: Option<String>,
}

impl Styles {
    fn read(doc: &Document<'_>) -> Styles {
        let mut out = Styles::default();
        for s in doc.root_element().children().filter(|n| is_w(n, "style")) {
            let Some(id) = w_attr(&s, "styleId") else {
                continue;
            };
            let paragraph_style = w_attr(&s, "type").is_none_or(|t| t == "paragraph");
            let is_default = matches!(w_attr(&s, "default"), Some("1") | Some("true") | Some("on"));
            if paragraph_style && is_default {
                out.default_paragraph = Some(id.to_string());
            }
            let num = w_child(&s, "pPr")
                .and_then(|ppr| w_child(&ppr, "numPr"))
                .map(|num| {
                    (
                        w_val(&num, "numId").map(str::to_string),
                        w_val(&num, "ilvl").and_then(|l| l.parse().ok()),
                    )
                });
            out.styles.insert(
                id.to_string(),
                Style {
                    name: w_val(&s, "name").unwrap_or_default().to_lowercase(),
                    based_on: w_val(&s, "basedOn").map(str::to_string),
                    num,
                },
            );
        }
        out
    }

    /// The style `id` and the styles it is based on, nearest first (a loop is cut off).
    fn chain<'s>(&'s self, id: &'s str) -> impl Iterator<Item = (&'s str, &'s Style)> + 's {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let id = next?;
            let style = self.styles.get(id)?;
            next = style.based_on.as_deref();
            Some((id, style))
        })
        .take(16)
    }

    /// Whether paragraphs of style `id` are a title (Word's `Title`, `Titel` in Dutch Word),
    /// whose line breaks are kept.
    fn is_title(&self, id: &str) -> bool {
        id.eq_ignore_ascii_case("title")
            || id.eq_ignore_ascii_case("titel")
            || self
                .chain(id)
                .any(|(_, s)| s.name == "title" || s.name == "titel")
    }

    /// The list and level that number paragraph `p` of style `style`: its own `w:numPr`, else
    /// its style's (a heading style linked to a multilevel list). `w:numId` 0 switches
    /// numbering off.
    fn numbering_of(
        &self,
        p: &Paragraph,
        style: Option<&str>,
        numbering: &Numbering,
    ) -> Option<(String, u8)> {
        let own_level = p.num.as_ref().and_then(|(_, l)| *l);
        if let Some((Some(id), level)) = &p.num {
            return (id != "0").then(|| (id.clone(), level.unwrap_or(0)));
        }
        let style = style?;
        let (found_in, (id, level)) = self.chain(style).find_map(|(sid, s)| match &s.num {
            Some((Some(id), level)) => Some((sid, (id.clone(), *level))),
            _ => None,
        })?;
        if id == "0" {
            return None;
        }
        let level = own_level
            .or(level)
            .or_else(|| numbering.level_for_style(self, &id, found_in))
            .unwrap_or(0);
        Some((id, level))
    }
}

// ---------------------------------------------------------------------------------------------
// Numbering: word/numbering.xml, and Word's counters

/// How a level writes its number (`w:numFmt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumFormat {
    Decimal,
    DecimalZero,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    Bullet,
    None,
}

impl NumFormat {
    fn parse(s: &str) -> NumFormat {
        match s {
            "decimalZero" => NumFormat::DecimalZero,
            "upperRoman" => NumFormat::UpperRoman,
            "lowerRoman" => NumFormat::LowerRoman,
            "upperLetter" => NumFormat::UpperLetter,
            "lowerLetter" => NumFormat::LowerLetter,
            "bullet" => NumFormat::Bullet,
            "none" => NumFormat::None,
            // Every other format (ordinals, other scripts) is written as a number.
            _ => NumFormat::Decimal,
        }
    }

    fn write(self, n: i64) -> String {
        match self {
            NumFormat::Bullet | NumFormat::None => String::new(),
            NumFormat::DecimalZero if (0..10).contains(&n) => format!("0{n}"),
            NumFormat::UpperRoman => roman(n).unwrap_or_else(|| n.to_string()),
            NumFormat::LowerRoman => roman(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
            NumFormat::UpperLetter => letters(n).unwrap_or_else(|| n.to_string()),
            NumFormat::LowerLetter => {
                letters(n).map_or_else(|| n.to_string(), |r| r.to_lowercase())
            }
            NumFormat::Decimal | NumFormat::DecimalZero => n.to_string(),
        }
    }
}

fn roman(n: i64) -> Option<String> {
    if !(1..4000).contains(&n) {
        return None;
    }
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    Some(out)
}

/// Word's letters: A … Z, then AA, BB, … (the letter repeated, not base 26).
fn letters(n: i64) -> Option<String> {
    if !(1..=780).contains(&n) {
        return None;
    }
    let letter = char::from(b'A' + u8::try_from((n - 1) % 26).ok()?);
    let times = usize::try_from((n - 1) / 26 + 1).ok()?;
    Some(std::iter::repeat_n(letter, times).collect())
}

/// One level of a list (`w:lvl`).
#[derive(Debug, Clone)]
struct Level {
    start: i64,
    format: NumFormat,
    /// `w:lvlText`, with `%1` … `%9` for the levels' numbers.
    text: Option<String>,
    /// `w:lvlRestart`: restart after a use of a level up to this one (1-based); 0: never;
    /// `None`: after any higher level.
    restart: Option<u8>,
    /// `w:isLgl`: every level's number written as a decimal.
    legal: bool,
    /// `w:pStyle`: the paragraph style this level belongs to.
    style: Option<String>,
}

impl Level {
    fn read(lvl: &Node<'_, '_>) -> Level {
        Level {
            start: w_val(lvl, "start")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0),
            format: w_val(lvl, "numFmt").map_or(NumFormat::Decimal, NumFormat::parse),
            text: w_val(lvl, "lvlText").map(str::to_string),
            restart: w_val(lvl, "lvlRestart").and_then(|s| s.parse().ok()),
            legal: is_on(lvl, "isLgl"),
            style: w_val(lvl, "pStyle").map(str::to_string),
        }
    }
}

/// An abstract list (`w:abstractNum`): its levels, or a link to a numbering style's list.
#[derive(Debug, Default)]
struct Abstract {
    levels: BTreeMap<u8, Level>,
    num_style_link: Option<String>,
}

/// What a list instance (`w:num`) changes of its abstract list (`w:lvlOverride`).
#[derive(Debug, Default)]
struct Override {
    start: Option<i64>,
    level: Option<Level>,
}

/// A list instance (`w:num`), which paragraphs name by `w:numId`.
#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    overrides: BTreeMap<u8, Override>,
}

/// `word/numbering.xml`.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: BTreeMap<String, Abstract>,
    nums: BTreeMap<String, Num>,
}

impl Numbering {
    fn read(doc: &Document<'_>) -> Numbering {
        let mut out = Numbering::default();
        for node in doc.root_element().children() {
            if is_w(&node, "abstractNum") {
                let Some(id) = w_attr(&node, "abstractNumId") else {
                    continue;
                };
                let levels = node
                    .children()
                    .filter(|c| is_w(c, "lvl"))
                    .filter_map(|lvl| {
                        let ilvl: u8 = w_attr(&lvl, "ilvl")?.parse().ok()?;
                        (ilvl < 9).then(|| (ilvl, Level::read(&lvl)))
                    })
                    .collect();
                out.abstracts.insert(
                    id.to_string(),
                    Abstract {
                        levels,
                        num_style_link: w_val(&node, "numStyleLink").map(str::to_string),
                    },
                );
            } else if is_w(&node, "num") {
                let (Some(id), Some(abstract_id)) =
                    (w_attr(&node, "numId"), w_val(&node, "abstractNumId"))
                else {
                    continue;
                };
                let overrides = node
                    .children()
                    .filter(|c| is_w(c, "lvlOverride"))
                    .filter_map(|o| {
                        let ilvl: u8 = w_attr(&o, "ilvl")?.parse().ok()?;
                        let over = Override {
                            start: w_val(&o, "startOverride").and_then(|s| s.parse().ok()),
                            level: w_child(&o, "lvl").map(|l| Level::read(&l)),
                        };
                        (ilvl < 9).then_some((ilvl, over))
                    })
                    .collect();
                out.nums.insert(
                    id.to_string(),
                    Num {
                        abstract_id: abstract_id.to_string(),
                        overrides,
                    },
                );
            }
        }
        out
    }

    /// The abstract list of list `num_id`, with its id; a `w:numStyleLink` is followed to the
    /// list of the numbering style it names.
    fn abstract_of(&self, styles: &Styles, num_id: &str) -> Option<(&str, &Abstract)> {
        let mut num = self.nums.get(num_id)?;
        for _ in 0..4 {
            let (id, abs) = self.abstracts.get_key_value(&num.abstract_id)?;
            let Some(link) = abs
                .num_style_link
                .as_deref()
                .filter(|_| abs.levels.is_empty())
            else {
                return Some((id, abs));
            };
            let linked = styles
                .styles
                .get(link)
                .and_then(|s| s.num.as_ref())
                .and_then(|(id, _)| id.as_deref())?;
            num = self.nums.get(linked)?;
        }
        None
    }

    /// The level of list `num_id` that belongs to paragraph style `style` (`w:pStyle`).
    fn level_for_style(&self, styles: &Styles, num_id: &str, style: &str) -> Option<u8> {
        let (_, abs) = self.abstract_of(styles, num_id)?;
        abs.levels
            .iter()
            .find(|(_, l)| l.style.as_deref() == Some(style))
            .map(|(i, _)| *i)
    }

    /// The nine levels of list `num_id`, with its overrides applied; the id of its abstract
    /// list, under which the counters are kept; and the levels its overrides restart.
    fn levels(&self, styles: &Styles, num_id: &str) -> Option<ListLevels> {
        let num = self.nums.get(num_id)?;
        let (abstract_id, abs) = self.abstract_of(styles, num_id)?;
        let mut levels: [Option<Level>; 9] = Default::default();
        for (i, level) in levels.iter_mut().enumerate() {
            let i = u8::try_from(i).unwrap_or(0);
            let over = num.overrides.get(&i);
            let mut l = over
                .and_then(|o| o.level.clone())
                .or_else(|| abs.levels.get(&i).cloned());
            if let (Some(l), Some(start)) = (l.as_mut(), over.and_then(|o| o.start)) {
                l.start = start;
            }
            *level = l;
        }
        Some(ListLevels {
            abstract_id: abstract_id.to_string(),
            levels,
            restarted: num.overrides.keys().map(|l| usize::from(*l)).collect(),
        })
    }
}

/// What [`Numbering::levels`] finds for a list instance.
struct ListLevels {
    abstract_id: String,
    levels: [Option<Level>; 9],
    restarted: Vec<usize>,
}

/// Word's list counters, as paragraphs are numbered in document order.
///
/// As in Word (and as LibreOffice writes Word's files), the counters belong to the abstract
/// list: list instances (`w:num`) of one abstract list continue each other's count, and an
/// instance with a `w:lvlOverride` ("restart numbering") restarts the count of the levels it
/// overrides where it is first used, at its `w:startOverride`. LibreOffice writes a list that
/// restarts as one such instance for its first item and a plain one for the rest
/// (`tests/docx.rs`: `docx_saved_by_libreoffice_gives_the_same_snapshots_as_text`).
#[derive(Debug, Default)]
struct Counters {
    /// The last number given at each level, by abstract list; `None`: not yet used, or
    /// restarted.
    values: BTreeMap<String, [Option<i64>; 9]>,
    /// The list instances used so far.
    used: BTreeSet<String>,
}

impl Counters {
    /// Number a paragraph at `level` of list `num_id`: its label (`1.`, `I.`, `•`), or `None`
    /// where the list or level is not defined or writes nothing.
    fn next(
        &mut self,
        numbering: &Numbering,
        styles: &Styles,
        num_id: &str,
        level: u8,
    ) -> Option<String> {
        let ListLevels {
            abstract_id,
            levels,
            restarted,
        } = numbering.levels(styles, num_id)?;
        let at = usize::from(level);
        let def = levels.get(at)?.as_ref()?;
        let values = self.values.entry(abstract_id).or_default();
        if self.used.insert(num_id.to_string()) {
            for l in restarted.into_iter().filter(|l| *l < 9) {
                values[l] = None;
            }
        }
        let value = values[at].map_or(def.start, |v| v.saturating_add(1));
        values[at] = Some(value);
        // A level restarts when a higher level is used: any higher one, or (w:lvlRestart)
        // one up to the level it names, or never (0).
        for (deeper, l) in levels.iter().enumerate().skip(at + 1) {
            let restarts = match l.as_ref().and_then(|l| l.restart) {
                None => true,
                Some(r) => at < usize::from(r),
            };
            if restarts {
                values[deeper] = None;
            }
        }
        if def.format == NumFormat::Bullet {
            return Some(BULLET.to_string());
        }
        let mut label = String::new();
        let mut chars = def.text.as_deref()?.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|d| (1..=9).contains(d));
            match (c, digit) {
                ('%', Some(d)) => {
                    chars.next();
                    let i = (d - 1) as usize;
                    let Some(l) = levels[i].as_ref() else {
                        continue;
                    };
                    let n = values[i].unwrap_or(l.start);
                    let format = if def.legal {
                        NumFormat::Decimal
                    } else {
                        l.format
                    };
                    label.push_str(&format.write(n));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

#[cfg(test)]
mod tests {
    //! Every document here is constructed: small WordprocessingML parts, zipped.

    use std::io::Write;

    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    /// A constructed `.docx` of these parts (name, XML).
    fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, xml) in parts {
            zip.start_file(*name, options).expect("start");
            zip.write_all(xml.as_bytes()).expect("write");
        }
        zip.finish().expect("finish").into_inner()
    }

    /// A document whose body is `body`, with the other parts given.
    fn docx(body: &str, others: &[(&str, String)]) -> Vec<u8> {
        let mut parts = vec![(
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
            ),
        )];
        parts.extend(others.iter().cloned());
        zip_of(&parts)
    }

    fn text_of(body: &str, others: &[(&str, String)]) -> String {
        to_text(&docx(body, others)).expect("reads")
    }

    /// A paragraph of one run.
    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    /// A paragraph numbered by list `num` at level `ilvl`.
    fn np(num: u32, ilvl: u8, text: &str) -> String {
        format!(
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>\
             <w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    }

    fn lvl(ilvl: u8, start: i64, fmt: &str, text: &str) -> String {
        format!(
            "<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{fmt}\"/>\
             <w:lvlText w:val=\"{text}\"/></w:lvl>"
        )
    }

    fn numbering(xml: &str) -> (&'static str, String) {
        (
            "word/numbering.xml",
            format!("<w:numbering {W}>{xml}</w:numbering>"),
        )
    }

    /// Parts (level 0, upperRoman) and items (level 1, decimal) in one list, as Word makes a
    /// multilevel list; and a bullet list.
    fn report_numbering() -> (&'static str, String) {
        numbering(&format!(
            "<w:abstractNum w:abstractNumId=\"0\">{}{}</w:abstractNum>\
             <w:abstractNum w:abstractNumId=\"1\">{}</w:abstractNum>\
             <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
             <w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>",
            lvl(0, 1, "upperRoman", "%1."),
            lvl(1, 1, "decimal", "%2."),
            lvl(0, 1, "bullet", "\u{F0B7}"),
        ))
    }

    #[test]
    fn items_restart_under_each_part_of_one_multilevel_list() {
        let body = [
            np(1, 0, "Binnenlandse Zaken"),
            np(2, 0, "Een resultaat."),
            np(1, 1, "Terugkeerverordening"),
            np(1, 1, "Schengen"),
            np(1, 0, "Justitie"),
            np(1, 1, "Insolventierichtlijn"),
        ]
        .concat();
        assert_eq!(
            text_of(&body, &[report_numbering()]),
            "I. Binnenlandse Zaken\n\n• Een resultaat.\n\n1. Terugkeerverordening\n\n\
             2. Schengen\n\nII. Justitie\n\n1. Insolventierichtlijn\n"
        );
    }

    #[test]
    fn separate_lists_restart_with_a_start_override_and_continue_without_one() {
        // Parts in a list of their own; the items of each part in a list instance that
        // restarts at 1 (Word's "restart numbering"), except the last, which continues.
        let numbering = numbering(&format!(
            "<w:abstractNum w:abstractNumId=\"0\">{}</w:abstractNum>\
             <w:abstractNum w:abstractNumId=\"1\">{}</w:abstractNum>\
             <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
             <w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>\
             <w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/>\
               <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\
             <w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/></w:num>",
            lvl(0, 1, "upperRoman", "%1."),
            lvl(0, 1, "decimal", "%1."),
        ));
        let body = [
            np(1, 0, "Binnenlandse Zaken"),
            np(2, 0, "Een"),
            np(2, 0, "Twee"),
            np(1, 0, "Justitie"),
            np(3, 0, "Een"),
            np(3, 0, "Twee"),
            np(4, 0, "Drie"),
        ]
        .concat();
        assert_eq!(
            text_of(&body, &[numbering]),
            "I. Binnenlandse Zaken\n\n1. Een\n\n2. Twee\n\nII. Justitie\n\n1. Een\n\n2. Twee\n\n\
             3. Drie\n"
        );
    }

    #[test]
    fn a_restarted_instance_goes_on_in_plain_instances_of_its_abstract_list() {
        // As LibreOffice saves a list that restarts per part: the first item in an instance
        // with a start override, the others in plain instances of the same abstract list.
        let numbering = numbering(&format!(
            "<w:abstractNum w:abstractNumId=\"3\">{}</w:abstractNum>\
             <w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>\
             <w:num w:numId=\"8\"><w:abstractNumId w:val=\"3\"/></w:num>\
             <w:num w:numId=\"6\"><w:abstractNumId w:val=\"3\"/>\
               <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\
             <w:num w:numId=\"7\"><w:abstractNumId w:val=\"3\"/>\
               <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
            lvl(0, 1, "decimal", "%1."),
        ));
        let body = [
            np(6, 0, "a"),
            np(3, 0, "b"),
            np(3, 0, "c"),
            np(7, 0, "d"),
            np(8, 0, "e"),
            np(6, 0, "f"),
        ]
        .concat();
        assert_eq!(
            text_of(&body, &[numbering]),
            "1. a\n\n2. b\n\n3. c\n\n1. d\n\n2. e\n\n3. f\n"
        );
    }

    #[test]
    fn start_values_letters_and_multilevel_labels() {
        let numbering = numbering(&format!(
            "<w:abstractNum w:abstractNumId=\"0\">{}{}{}</w:abstractNum>\
             <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/>\
               <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"4\"/></w:lvlOverride></w:num>",
            lvl(0, 1, "decimal", "%1."),
            lvl(1, 1, "lowerLetter", "%2)"),
            lvl(2, 3, "lowerRoman", "%1.%3"),
        ));
        let body = [
            np(1, 0, "vier"),
            np(1, 1, "a"),
            np(1, 1, "b"),
            np(1, 2, "iii"),
            np(1, 0, "vijf"),
            np(1, 2, "iii weer"),
        ]
        .concat();
        assert_eq!(
            text_of(&body, &[numbering]),
            "4. vier\n\na) a\n\nb) b\n\n4.iii iii\n\n5. vijf\n\n5.iii iii weer\n"
        );
    }

    #[test]
    fn numbering_comes_from_a_heading_style_and_numid_zero_turns_it_off() {
        let styles = (
            "word/styles.xml",
            format!(
                "<w:styles {W}><w:style w:type=\"paragraph\" w:styleId=\"Kop2\">\
                 <w:name w:val=\"heading 2\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr>\
                 </w:pPr></w:style></w:styles>"
            ),
        );
        let mut abs = lvl(0, 1, "upperRoman", "%1.");
        abs.push_str(
            &lvl(1, 1, "decimal", "%2.").replace("<w:start", "<w:pStyle w:val=\"Kop2\"/><w:start"),
        );
        let numbering = numbering(&format!(
            "<w:abstractNum w:abstractNumId=\"0\">{abs}</w:abstractNum>\
             <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        ));
        let heading = |t: &str| {
            format!("<w:p><w:pPr><w:pStyle w:val=\"Kop2\"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>")
        };
        let body = [
            heading("Eerste"),
            heading("Tweede"),
            "<w:p><w:pPr><w:pStyle w:val=\"Kop2\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>\
             </w:pPr><w:r><w:t>Zonder nummer</w:t></w:r></w:p>"
                .to_string(),
        ]
        .concat();
        assert_eq!(
            text_of(&body, &[styles, numbering]),
            "1. Eerste\n\n2. Tweede\n\nZonder nummer\n"
        );
    }

    #[test]
    fn footnotes_are_numbered_in_order_glued_and_put_at_the_end() {
        let notes = (
            "word/footnotes.xml",
            format!(
                "<w:footnotes {W}><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r>\
                 <w:separator/></w:r></w:p></w:footnote>\
                 <w:footnote w:id=\"7\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Zie ook </w:t>\
                 </w:r><w:r><w:t>nr. 859.</w:t></w:r></w:p></w:footnote>\
                 <w:footnote w:id=\"3\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Tweede.</w:t>\
                 </w:r></w:p></w:footnote></w:footnotes>"
            ),
        );
        let body = "<w:p><w:r><w:t>grooming.</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>\
                    <w:footnoteReference w:id=\"7\"/></w:r><w:r><w:t xml:space=\"preserve\"> Verder Bisschop</w:t></w:r>\
                    <w:r><w:footnoteReference w:id=\"3\"/></w:r><w:r><w:t> zegt.</w:t></w:r></w:p>";
        assert_eq!(
            text_of(body, &[notes]),
            "grooming.1 Verder Bisschop2 zegt.\n\n1 Zie ook nr. 859.\n2 Tweede.\n"
        );
    }

    #[test]
    fn endnotes_continue_the_footnotes_numbers_and_unknown_markers_are_dropped() {
        let foot = (
            "word/footnotes.xml",
            format!(
                "<w:footnotes {W}><w:footnote w:id=\"1\"><w:p><w:r><w:t>Voet.</w:t></w:r></w:p>\
                 </w:footnote></w:footnotes>"
            ),
        );
        let end = (
            "word/endnotes.xml",
            format!(
                "<w:endnotes {W}><w:endnote w:id=\"1\"><w:p><w:r><w:t>Eind.</w:t></w:r></w:p>\
                 </w:endnote></w:endnotes>"
            ),
        );
        let body = "<w:p><w:r><w:t>a</w:t></w:r><w:r><w:endnoteReference w:id=\"1\"/></w:r>\
                    <w:r><w:t xml:space=\"preserve\"> b</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r>\
                    <w:r><w:t xml:space=\"preserve\"> c</w:t></w:r><w:r><w:footnoteReference w:id=\"9\"/></w:r></w:p>";
        assert_eq!(text_of(body, &[foot, end]), "a1 b2 c\n\n1 Eind.\n2 Voet.\n");
    }

    #[test]
    fn tracked_changes_are_read_accepted() {
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">De Raad </w:t></w:r>\
                    <w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>verwierp</w:delText></w:r></w:del>\
                    <w:ins w:id=\"2\" w:author=\"x\"><w:r><w:t>steunde</w:t></w:r></w:ins>\
                    <w:moveFrom w:id=\"3\"><w:r><w:t xml:space=\"preserve\"> weg</w:t></w:r></w:moveFrom>\
                    <w:r><w:t xml:space=\"preserve\"> het voorstel</w:t></w:r></w:p>\
                    <w:p><w:pPr><w:rPr><w:del w:id=\"4\" w:author=\"x\"/></w:rPr></w:pPr>\
                    <w:r><w:t xml:space=\"preserve\">en dit </w:t></w:r></w:p>\
                    <w:p><w:r><w:t>loopt door.</w:t></w:r></w:p>";
        assert_eq!(
            text_of(body, &[]),
            "De Raad steunde het voorstel\n\nen dit loopt door.\n"
        );
    }

    #[test]
    fn soft_breaks_are_spaces_except_in_a_title() {
        let styles = (
            "word/styles.xml",
            format!(
                "<w:styles {W}><w:style w:type=\"paragraph\" w:styleId=\"Titel\">\
                 <w:name w:val=\"Title\"/></w:style></w:styles>"
            ),
        );
        let body = "<w:p><w:pPr><w:pStyle w:val=\"Titel\"/></w:pPr><w:r>\
                    <w:t>Verslag van de Raad,</w:t><w:br/><w:t>19-20 oktober 2023</w:t></w:r></w:p>\
                    <w:p><w:r><w:t>een regel</w:t><w:br/><w:t>die</w:t><w:tab/><w:t>doorloopt</w:t>\
                    </w:r></w:p>";
        assert_eq!(
            text_of(body, &[styles]),
            "Verslag van de Raad,\n19-20 oktober 2023\n\neen regel die doorloopt\n"
        );
    }

    #[test]
    fn table_cells_are_paragraphs_row_by_row() {
        let cell = |t: &str| format!("<w:tc><w:tcPr/>{}</w:tc>", p(t));
        let body = format!(
            "{}<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>{}",
            p("voor"),
            cell("a1"),
            cell("b1"),
            cell("a2"),
            cell("b2"),
            p("na")
        );
        assert_eq!(text_of(&body, &[]), "voor\n\na1\n\nb1\n\na2\n\nb2\n\nna\n");
    }

    #[test]
    fn hidden_text_field_codes_and_fallbacks_are_left_out() {
        let body = "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>verborgen</w:t></w:r>\
                    <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>\
                    <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>zichtbaar</w:t></w:r>\
                    <w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
        assert_eq!(text_of(body, &[]), "zichtbaar\n");
    }

    #[test]
    fn other_zips_are_named_by_what_they_are() {
        let odt = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.text".into()),
            ("content.xml", "<office:document-content/>".into()),
        ]);
        assert!(matches!(
            to_text(&odt),
            Err(DocxError::NotWord {
                what: "an OpenDocument text (.odt)"
            })
        ));
        let plain = zip_of(&[("a.txt", "hallo".into())]);
        assert!(matches!(
            to_text(&plain),
            Err(DocxError::NotWord {
                what: "a zip archive that holds no Word document"
            })
        ));
    }

    #[test]
    fn damaged_encrypted_and_empty_documents_are_refused() {
        let good = docx(&p("tekst"), &[]);
        assert!(matches!(
            to_text(&good[..good.len() / 2]),
            Err(DocxError::Damaged(_))
        ));
        let mut encrypted = good.clone();
        // The general-purpose flag's bit 0, in the local and the central header.
        encrypted[6] |= 1;
        let central = encrypted
            .windows(4)
            .position(|w| w == b"PK\x01\x02")
            .expect("central directory");
        encrypted[central + 8] |= 1;
        assert!(
            matches!(to_text(&encrypted), Err(DocxError::Encrypted)),
            "{:?}",
            to_text(&encrypted)
        );
        assert!(matches!(to_text(&docx("", &[])), Err(DocxError::NoText)));
        let bad_xml = zip_of(&[("word/document.xml", "<w:document".into())]);
        assert!(matches!(to_text(&bad_xml), Err(DocxError::Xml { .. })));
    }

    #[test]
    fn a_zip_bomb_is_refused_by_what_it_unpacks_to() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", options).expect("start");
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..=(MAX_REPORT_BYTES >> 20) {
            zip.write_all(&chunk).expect("write");
        }
        let bomb = zip.finish().expect("finish").into_inner();
        assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
        assert!(matches!(to_text(&bomb), Err(DocxError::TooLarge { .. })));
    }

    #[test]
    fn a_zip_declaring_too_many_entries_is_refused_before_it_is_listed() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for i in 0..=MAX_ENTRIES {
            zip.start_file(format!("{i}"), options).expect("start");
        }
        let many = zip.finish().expect("finish").into_inner();
        assert!(matches!(
            to_text(&many),
            Err(DocxError::TooManyEntries { count, .. }) if count == MAX_ENTRIES + 1
        ));
    }

    #[test]
    fn deep_nesting_is_read_or_refused_never_a_stack_overflow() {
        let nested = |n: usize| {
            format!(
                "{}{}{}",
                "<w:sdt><w:sdtContent>".repeat(n),
                p("diep"),
                "</w:sdtContent></w:sdt>".repeat(n)
            )
        };
        assert_eq!(text_of(&nested(200), &[]), "diep\n");
        assert!(matches!(
            to_text(&docx(&nested(20_000), &[])),
            Err(DocxError::TooDeep { .. })
        ));
    }

    #[test]
    fn nesting_depth_skips_quotes_comments_and_empty_elements() {
        assert_eq!(
            nesting_depth("<a><b/><c x='</></>'><!-- <d> --></c></a>"),
            2
        );
        assert_eq!(
            nesting_depth("<?xml version=\"1.0\"?><a><![CDATA[<b>]]></a>"),
            1
        );
    }

    #[test]
    fn numbers_are_written_as_word_writes_them() {
        assert_eq!(NumFormat::UpperRoman.write(14), "XIV");
        assert_eq!(NumFormat::LowerLetter.write(28), "bb");
        assert_eq!(NumFormat::DecimalZero.write(7), "07");
        assert_eq!(NumFormat::UpperRoman.write(0), "0");
    }
}
