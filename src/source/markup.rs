//! What the HTML and XML readers share: turning marked-up blocks, inline text, footnote
//! markers and footnotes into text in the form [`crate::report`] reads.
//!
//! That form is the web edition's as users copy it (PRODUCT.md): one line per paragraph,
//! heading or list item, an empty line between them, footnote markers glued to the word before
//! them (`grooming.1`), and the footnotes together at the end, one a line (`1 Zie ook …`),
//! after an empty line. The cleaner finds a footnote block only where a marker for it was
//! printed before it, and the markup says exactly where that is, so nothing is guessed.

/// Text being built from markup, block by block.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    blocks: Vec<String>,
    current: String,
    /// Footnotes by number, in document order.
    notes: Vec<(u32, String)>,
}

/// The bullet put before a list item that carries none of its own.
pub(crate) const BULLET: &str = "•";

impl TextBuilder {
    /// Append inline text; runs of white space become one space.
    pub(crate) fn text(&mut self, s: &str) {
        let mut pending_space = false;
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{A0}' {
                pending_space = true;
                continue;
            }
            if pending_space && !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                self.current.push(' ');
            }
            pending_space = false;
            self.current.push(c);
        }
        if pending_space && !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
            self.current.push(' ');
        }
    }

    /// Append a footnote marker, glued to the text before it as a PDF prints it
    /// (`grooming.` + `1` → `grooming.1`).
    pub(crate) fn marker(&mut self, number: u32) {
        let trimmed = self.current.trim_end().len();
        self.current.truncate(trimmed);
        self.current.push_str(&number.to_string());
    }

    /// End the current block (a paragraph, heading or list item).
    pub(crate) fn end_block(&mut self) {
        let mut block = self.current.trim().to_string();
        self.current.clear();
        // A bullet printed in a label of its own (`<span class="ol">•</span>Tekst`) still
        // needs the space after it that marks a bullet line.
        let mut chars = block.chars();
        if let (Some(first), Some(second)) = (chars.next(), chars.next()) {
            if ['•', '·', '▪', '◦'].contains(&first) && !second.is_whitespace() {
                block.insert(first.len_utf8(), ' ');
            }
        }
        if !block.is_empty() {
            self.blocks.push(block);
        }
    }

    /// A line break inside a block (`<br>`): the block goes on on the next line, as a title
    /// over two lines does in the PDF.
    pub(crate) fn line_break(&mut self) {
        let trimmed = self.current.trim_end().len();
        self.current.truncate(trimmed);
        if !self.current.is_empty() {
            self.current.push('\n');
        }
    }

    /// Record a footnote's text.
    pub(crate) fn footnote(&mut self, number: u32, text: &str) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() || self.notes.iter().any(|(n, _)| *n == number) {
            return;
        }
        self.notes.push((number, text));
    }

    /// The text: blocks separated by empty lines, then the footnotes in number order.
    pub(crate) fn finish(mut self) -> String {
        self.end_block();
        let mut out = self.blocks.join("\n\n");
        self.notes.sort_by_key(|(n, _)| *n);
        if !self.notes.is_empty() {
            out.push_str("\n\n");
            for (n, text) in &self.notes {
                out.push_str(&format!("{n} {text}\n"));
            }
        } else if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

/// A footnote number as printed (`1`, ` 12 `, `3)`), if it is one.
pub(crate) fn note_number(s: &str) -> Option<u32> {
    let t = s.trim().trim_end_matches([')', '.']);
    if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok().filter(|n| *n > 0)
}

/// Whether a list item's text already opens with a bullet or a number of its own.
pub(crate) fn has_label(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(['•', '·', '▪', '◦', '-', '–', '—', '*'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_glue_to_the_word_before_them() {
        let mut b = TextBuilder::default();
        b.text("en grooming. ");
        b.marker(1);
        b.text(" Verder.");
        b.footnote(1, " Zie ook\n nr. 859. ");
        assert_eq!(b.finish(), "en grooming.1 Verder.\n\n1 Zie ook nr. 859.\n");
    }

    #[test]
    fn blocks_are_separated_by_an_empty_line() {
        let mut b = TextBuilder::default();
        b.text("  Kop \n");
        b.end_block();
        b.end_block();
        b.text("Alinea   met\n\tspaties");
        assert_eq!(b.finish(), "Kop\n\nAlinea met spaties\n");
    }

    #[test]
    fn a_bullet_in_its_own_label_gets_its_space() {
        let mut b = TextBuilder::default();
        b.text("•");
        b.text("Nederland");
        assert_eq!(b.finish(), "• Nederland\n");
    }

    #[test]
    fn a_line_break_keeps_the_block_together() {
        let mut b = TextBuilder::default();
        b.text("Verslag, ");
        b.line_break();
        b.text(" 19-20 oktober 2023");
        assert_eq!(b.finish(), "Verslag,\n19-20 oktober 2023\n");
    }

    #[test]
    fn footnotes_come_in_number_order_once() {
        let mut b = TextBuilder::default();
        b.text("a");
        b.footnote(2, "twee");
        b.footnote(1, "een");
        b.footnote(1, "nog eens een");
        assert_eq!(b.finish(), "a\n\n1 een\n2 twee\n");
    }

    #[test]
    fn note_numbers_are_small_positive_numbers() {
        assert_eq!(note_number(" 12 "), Some(12));
        assert_eq!(note_number("3)"), Some(3));
        assert_eq!(note_number("0"), None);
        assert_eq!(note_number("2023"), None);
        assert_eq!(note_number("e"), None);
    }
}
