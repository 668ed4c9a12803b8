//! PDF habits out of the text: footnote blocks at page breaks, glued footnote markers,
//! page-start spaces, line-end hyphens and stray spaces.
//!
//! The result keeps the line structure (a [`Line`] per line of the source, blank lines included)
//! so that [`crate::report`] can find headings and paragraphs, and every line remembers its
//! number in the source file for error messages.

/// One line of running text, cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the source text.
    pub no: usize,
    /// The text, trimmed, with single spaces and footnote markers taken off.
    pub text: String,
    /// The line starts a new page (pdftotext prints a page's first line after one space).
    pub page_start: bool,
    /// The line was indented by more than a page-start space (agenda action lines, bullets).
    pub indented: bool,
    /// The line ends in a hyphen that belongs to a word continued on the next line, so the
    /// next line joins without a space ("EU-" + "partnerschappen").
    pub joins_tight: bool,
    /// Footnote numbers whose markers were glued to words on this line.
    pub markers: Vec<u32>,
}

impl Line {
    /// A line with nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// A footnote, as printed at the foot of a page (or at the end of a web edition).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    /// Its number; footnotes run 1, 2, 3 … through a document.
    pub number: u32,
    /// Its text, lines joined.
    pub text: String,
    /// 1-based line number where it starts.
    pub line: usize,
}

/// Text with the PDF's habits taken out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The running text, footnote blocks removed.
    pub lines: Vec<Line>,
    /// The footnotes, in order.
    pub footnotes: Vec<Footnote>,
}

/// Clean text extracted from a report (see the module documentation).
pub fn clean(text: &str) -> Cleaned {
    let raw: Vec<&str> = text.lines().collect();
    let (body, footnotes) = split_footnotes(&raw);
    let mut lines: Vec<Line> = body
        .iter()
        .map(|&(idx, s)| {
            let lead = s.len() - s.trim_start().len();
            Line {
                no: idx + 1,
                text: squeeze(s),
                // pdftotext prints a page's first line after one space (`-layout`) or a
                // form feed (without it).
                page_start: lead == 1 && !s.starts_with('\t') || s.starts_with('\u{c}'),
                indented: lead > 1 || s.starts_with('\t'),
                joins_tight: false,
                markers: Vec::new(),
            }
        })
        .collect();
    let footnote_lines: Vec<(u32, usize)> =
        footnotes.iter().map(|f| (f.number, f.line - 1)).collect();
    take_markers(&mut lines, &footnote_lines);
    undo_hyphenation(&mut lines);
    Cleaned { lines, footnotes }
}

/// Collapse runs of white space into one space and trim.
pub fn squeeze(s: &str) -> String {
    // This runs on every line of every report, and most lines have single spaces between
    // their words already: they are only trimmed, not taken apart and put together again.
    let t = s.trim_matches(' ');
    if t.is_ascii() && !t.contains("  ") && !t.bytes().any(|b| b < b' ') {
        return t.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The number a footnote line starts with, if it starts like one: digits, then white space,
/// then text. `1. Heading` (an item) and `2023/24, …` (a footnote's second line) do not.
fn footnote_start(line: &str) -> Option<(u32, &str)> {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &t[digits..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let n = t[..digits].parse().ok()?;
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some((n, rest))
}

/// Separate footnote blocks from the running text.
///
/// A block starts with the next expected footnote number (footnotes run 1, 2, 3 … through a
/// document), provided a marker for it was printed before, and either after a blank line or,
/// in text without blank lines (hard-wrapped mail, `pdftotext` without page breaks), with a
/// capital after the number (`1 Zie ook …`, never `1 oktober …`). The blank lines before a
/// block are dropped with it, so that a sentence broken by the block joins up again.
///
/// A block is bounded (see [`read_block`]): it never holds a heading, and it ends where the
/// running text resumes, so that footnotes printed mid-page cannot swallow the items after them
/// (`footnotes_mid_page_do_not_swallow_the_next_item`).
fn split_footnotes<'a>(raw: &[&'a str]) -> (Vec<(usize, &'a str)>, Vec<Footnote>) {
    let mut body: Vec<(usize, &str)> = Vec::with_capacity(raw.len());
    let mut footnotes: Vec<Footnote> = Vec::new();
    let mut expected = 1u32;
    // Where to look for the next footnote's marker: after the previous footnote's marker, so
    // that footnotes gathered at the end (a web edition) find markers printed long before.
    let mut since_last = 0;
    let mut i = 0;
    while i < raw.len() {
        let line = raw[i];
        let after_blank = i == 0 || raw[i - 1].trim().is_empty();
        if let Some((n, rest)) = footnote_start(line) {
            let opens_like_a_note =
                after_blank || rest.chars().next().is_some_and(char::is_uppercase);
            let candidate = n == expected && opens_like_a_note && !looks_like_heading(line);
            // A footnote whose marker was lost (`grooming.` without its `1`) is still one
            // where it opens as only footnotes do (`1 Zie ook …`, `2 Kamerstukken II …`)
            // after an empty line; its place in the text is then the line before it.
            let reference_note = after_blank
                && ["Zie ", "Kamerstuk", "Kamerstukken", "http", "COM("]
                    .iter()
                    .any(|p| rest.starts_with(p));
            let marker = candidate
                .then(|| glued_marker_line(&raw[since_last..i], n))
                .flatten()
                .or_else(|| (candidate && reference_note).then(|| i - since_last));
            if let Some(at) = marker {
                while body.last().is_some_and(|(_, l)| l.trim().is_empty()) {
                    body.pop();
                }
                let first = footnotes.len();
                i = read_block(raw, i, &mut expected, &mut footnotes);
                // The blank lines after a block, where the sentence it broke goes on, go too
                // (`… met nadrukkelijke` / block / empty / `aandacht voor …`, as `pdftotext`
                // without `-layout` prints a page break).
                let broken = body
                    .last()
                    .is_some_and(|(_, l)| !ends_sentence(l) && !l.trim().is_empty());
                if broken {
                    while raw.get(i).is_some_and(|l| l.trim().is_empty()) {
                        i += 1;
                    }
                }
                // The next marker comes after this one; the block's later footnotes have
                // theirs after it too, so looking on from here finds them all.
                since_last += at;
                debug_assert!(footnotes.len() > first);
                continue;
            }
        }
        body.push((i, line));
        i += 1;
    }
    (body, footnotes)
}

/// How many lines one footnote may run on after its first: real footnotes are a sentence or
/// two, and a longer run means the running text has resumed without a sign.
const MAX_FOOTNOTE_CONTINUATION: usize = 3;

/// Read the footnote block starting at `start`; returns the index of the first line after it.
///
/// The block ends at the next page (a line with one leading space), at a blank line, at any
/// line shaped like a heading (a part or item heading, an action line, a bullet), and where
/// running text resumes: after a footnote whose sentence is complete, any line that does not
/// open the next footnote is running text again; an unfinished footnote runs on for at most
/// [`MAX_FOOTNOTE_CONTINUATION`] lines.
fn read_block(raw: &[&str], start: usize, expected: &mut u32, out: &mut Vec<Footnote>) -> usize {
    let mut i = start;
    let mut continuation = 0;
    while i < raw.len() {
        let line = raw[i];
        if i > start {
            let is_page_start =
                line.starts_with(' ') && !line.starts_with("  ") && !line.trim().is_empty();
            if is_page_start || line.trim().is_empty() || looks_like_heading(line) {
                return i;
            }
        }
        match footnote_start(line) {
            Some((n, text)) if n == *expected => {
                out.push(Footnote {
                    number: n,
                    text: squeeze(text),
                    line: i + 1,
                });
                *expected += 1;
                continuation = 0;
            }
            _ => {
                let Some(last) = out.last_mut() else {
                    return i;
                };
                let reference = {
                    let t = line.trim_start();
                    ["Zie ", "Kamerstuk", "http", "www.", "Bron:"]
                        .iter()
                        .any(|p| t.starts_with(p))
                };
                // A footnote of two sentences: the second is a reference (`Zie ook het
                // verslag …`, `Kamerstukken II …`), which running text never opens with.
                if continuation >= MAX_FOOTNOTE_CONTINUATION
                    || footnote_complete(&last.text) && !reference
                {
                    return i;
                }
                let t = squeeze(line);
                if last.text.ends_with('-') && !last.text.ends_with(" -") {
                    last.text.push_str(&t);
                } else {
                    last.text.push(' ');
                    last.text.push_str(&t);
                }
                continuation += 1;
            }
        }
        i += 1;
    }
    i
}

/// Whether a text ends its sentence: a full stop, question or exclamation mark, possibly
/// inside closing quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['’', '”', '"', ')', '»', '\''])
        .ends_with(['.', '!', '?', ';'])
}

/// Whether a footnote's text so far is a finished sentence (`… nr. 859.`), not one cut after
/// an abbreviation (`… Kamerstuk 32 317, nr.` with the number on the next line).
///
/// A footnote that is only a reference often has no full stop (`3 Kamerstukken 2022/2023,
/// 32 317, nr. 836`); one that ends in a paper number or a web address is complete too, so
/// that running text resuming in lower case after it is not taken into it.
fn footnote_complete(text: &str) -> bool {
    let mut words = text.rsplit(' ');
    let last = words.next().unwrap_or_default().to_lowercase();
    let before = words.next().unwrap_or_default().to_lowercase();
    let paper_number = matches!(before.as_str(), "nr." | "nrs." | "nr" | "en")
        && last
            .trim_end_matches(['.', ')', ';'])
            .bytes()
            .all(|b| b.is_ascii_digit());
    let address = last.starts_with("http") || last.starts_with("www.");
    paper_number
        || address
        || ends_sentence(text)
            && !matches!(
                last.as_str(),
                "nr." | "nrs." | "blz." | "p." | "o.a." | "zie"
            )
}

/// Whether a raw line is shaped like something a footnote never holds: a part heading, a
/// numbered item heading (`3. Implementatie van …`), a `Belangrijkste resultaten` heading, a
/// bullet or an agenda's action line (`= Algemene oriëntatie`).
fn looks_like_heading(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with(['•', '●', '▪', '=']) {
        return true;
    }
    let lower = t.to_lowercase();
    if lower.starts_with("belangrijkste resultaten")
        || lower.starts_with("belangrijkste uitkomsten")
    {
        return true;
    }
    let roman = t.bytes().take_while(|b| b"IVX".contains(b)).count();
    if roman > 0 && t[roman..].starts_with(". ") {
        return true;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 5 {
        if let Some(rest) = t[digits..].strip_prefix(". ") {
            return rest.chars().next().is_some_and(char::is_uppercase);
        }
    }
    false
}

/// How a candidate footnote marker is attached to the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Glue {
    /// To a letter, a closing bracket or punctuation: `grooming.1`, `Bisschop3`.
    Strong,
    /// To other digits: `2.05` (2.0 plus 5), `20211` (2021 plus 1), `nr. 8561`.
    Weak,
}

/// A place where footnote `n` may be marked: (word index, glue).
fn marker_in_word(word: &str, digits: &str, prev_word: Option<&str>) -> Option<Glue> {
    let core = word.trim_end_matches(['.', ',', ';', ':', ')', '’', '”', '"', '\'']);
    let stem = core.strip_suffix(digits)?;
    let before = stem.chars().next_back()?;
    if before.is_ascii_digit() {
        // Only where what is left still reads as a number of its own: a version (`2.0`), a
        // year (`2021`), or a paper number after `nr.`.
        let is_version = stem.contains('.') && stem.chars().all(|c| c.is_ascii_digit() || c == '.');
        let is_year = stem.len() == 4
            && stem.chars().all(|c| c.is_ascii_digit())
            && (stem.starts_with("19") || stem.starts_with("20"));
        let after_nr = prev_word.is_some_and(|p| {
            let p = p.to_lowercase();
            p == "nr." || p == "nrs." || p == "nummer"
        });
        return (is_version || is_year || after_nr).then_some(Glue::Weak);
    }
    if before.is_alphabetic() || matches!(before, '.' | ')' | '’' | '”' | '"' | ',' | ';') {
        return Some(Glue::Strong);
    }
    None
}

/// The index (in `lines`) of the first line with a marker for footnote `n` glued to a word.
fn glued_marker_line(lines: &[&str], n: u32) -> Option<usize> {
    let digits = n.to_string();
    let mut prev = None;
    for (i, line) in lines.iter().enumerate() {
        // Most lines do not hold the number at all, and a quick search says so.
        if !line.contains(digits.as_str()) {
            prev = line.split_whitespace().next_back().or(prev);
            continue;
        }
        for word in line.split_whitespace() {
            if marker_in_word(word, &digits, prev).is_some() {
                return Some(i);
            }
            prev = Some(word);
        }
    }
    None
}

/// Find each footnote's marker in the text before its block, take it off the word, and note
/// the footnote on the line. Markers are sought in order: footnote n's marker comes after
/// footnote n-1's and before footnote n's block. A marker glued to a letter wins over one
/// glued to digits, which is taken only where nothing better is there (`El PAcCTO 2.05`).
fn take_markers(lines: &mut [Line], footnotes: &[(u32, usize)]) {
    let mut from = (0usize, 0usize); // (line index, word index) after the previous marker
    for &(n, block_line) in footnotes {
        let digits = n.to_string();
        // (glue, line index, word index, byte offset of the word in the line)
        let mut best: Option<(Glue, usize, usize, usize)> = None;
        for (li, line) in lines.iter().enumerate().skip(from.0) {
            if line.no > block_line {
                break;
            }
            // Most lines do not hold the number at all, and a quick search says so.
            if !line.text.contains(digits.as_str()) {
                continue;
            }
            let first = if li == from.0 { from.1 } else { 0 };
            let mut prev = None;
            let mut offset = 0;
            for (wi, word) in line.text.split(' ').enumerate() {
                if wi >= first {
                    if let Some(glue) = marker_in_word(word, &digits, prev) {
                        if best.is_none_or(|(g, ..)| glue < g) {
                            best = Some((glue, li, wi, offset));
                        }
                    }
                }
                prev = Some(word);
                offset += word.len() + 1;
            }
            if best.is_some_and(|(g, ..)| g == Glue::Strong) {
                break;
            }
        }
        let Some((_, li, wi, offset)) = best else {
            continue;
        };
        let line = &mut lines[li];
        let word = line.text[offset..].split(' ').next().unwrap_or_default();
        let core_len = word
            .trim_end_matches(['.', ',', ';', ':', ')', '’', '”', '"', '\''])
            .len();
        if word[..core_len].ends_with(digits.as_str()) {
            line.text
                .replace_range(offset + core_len - digits.len()..offset + core_len, "");
        }
        line.markers.push(n);
        from = (li, wi + 1);
    }
}

/// Whether the running text has `word` (lower case) as one of its words, lower-cased and
/// trimmed of punctuation (hyphens kept): for deciding whether a line-end hyphen is real.
/// Asked a few times a report at most, so it reads the lines rather than indexing them.
fn in_vocabulary(lines: &[Line], word: &str) -> bool {
    let first = word.bytes().next();
    lines
        .iter()
        // The same words as `split(' ')` gives, lines being squeezed, but a byte split is
        // quicker than a search for each space.
        .flat_map(|l| l.text.split_ascii_whitespace())
        // A word starting with an ASCII letter or digit still starts with it once trimmed, so
        // most words are passed over on their first letter, before trimming them.
        .filter(|w| match w.bytes().next() {
            Some(b) if b.is_ascii_alphanumeric() => Some(b.to_ascii_lowercase()) == first,
            _ => true,
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .any(|w| {
            if w.is_ascii() {
                w.len() == word.len()
                    && w.bytes()
                        .zip(word.bytes())
                        .all(|(a, b)| a.to_ascii_lowercase() == b)
            } else {
                w.to_lowercase() == word
            }
        })
}

/// Decide, for every line that ends in `letter-`, whether the hyphen is part of the word
/// (`EU-` + `partnerschappen`, `Schengen-` + `terugkeerpilots`) or hyphenation of a plain word.
///
/// The government's PDFs rarely hyphenate plain words, so the hyphen is kept unless the
/// document itself spells the word without it elsewhere and never with it. Every line is
/// judged on the text as it came in; hyphens are dropped afterwards.
fn undo_hyphenation(lines: &mut [Line]) {
    // (line, drop the hyphen)
    let mut decided: Vec<(usize, bool)> = Vec::new();
    for i in 0..lines.len().saturating_sub(1) {
        let Some(stem) = lines[i].text.strip_suffix('-') else {
            continue;
        };
        if !stem.chars().next_back().is_some_and(char::is_alphabetic) {
            continue;
        }
        let Some(first_next) = lines[i + 1].text.split(' ').next() else {
            continue;
        };
        if !first_next.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        let left = stem.rsplit(' ').next().unwrap_or(stem);
        let right = first_next.trim_end_matches(|c: char| !c.is_alphanumeric());
        // `Asiel-` / `en Migratiepact`: a compound left open before `en` or `of` keeps its
        // hyphen and the space after it (`Eurodac- en Screeningsverordening`).
        if matches!(right, "en" | "of") {
            continue;
        }
        let lower_pair = left.chars().all(|c| c.is_lowercase() || c == '-')
            && right.chars().next().is_some_and(char::is_lowercase);
        if !lower_pair {
            decided.push((i, false));
            continue;
        }
        let joined = format!("{}{}", left.to_lowercase(), right.to_lowercase());
        let hyphenated = format!("{}-{}", left.to_lowercase(), right.to_lowercase());
        decided.push((
            i,
            in_vocabulary(lines, &joined) && !in_vocabulary(lines, &hyphenated),
        ));
    }
    for (i, drop_hyphen) in decided {
        let line = &mut lines[i];
        line.joins_tight = true;
        if drop_hyphen {
            line.text.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(c: &Cleaned) -> Vec<&str> {
        c.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn footnote_block_inside_sentence_is_removed_and_kept_as_footnote() {
        let text = "Ook riep Bisschop1 \n \n1 Kamerstukken II, 2023/24, 32317, \nnr. 859.  \n Nederland op tot rapportage.\n";
        let c = clean(text);
        assert_eq!(
            texts(&c),
            vec!["Ook riep Bisschop", "Nederland op tot rapportage."]
        );
        assert_eq!(c.footnotes.len(), 1);
        assert_eq!(c.footnotes[0].number, 1);
        assert_eq!(
            c.footnotes[0].text,
            "Kamerstukken II, 2023/24, 32317, nr. 859."
        );
        assert_eq!(c.footnotes[0].line, 3);
        assert_eq!(c.lines[0].markers, vec![1]);
        assert!(c.lines[1].page_start);
    }

    #[test]
    fn footnote_numbers_out_of_sequence_are_running_text() {
        // The document has no footnotes 1-3, so a line starting with 4 is not footnote 4.
        let text = "Zie EU-CELAC4 hier.\n\n4 CELAC = Community.";
        let c = clean(text);
        assert!(c.footnotes.is_empty());
        assert_eq!(
            texts(&c),
            vec!["Zie EU-CELAC4 hier.", "", "4 CELAC = Community."]
        );
    }

    #[test]
    fn marker_glued_to_version_number_is_taken_off() {
        let text = "Zie grooming.1\n\n1 Een.\n Dan EU-CELAC2 en El PAcCTO 2.03.\n\n2 Twee.\n3 Drie.\n Einde.";
        let c = clean(text);
        assert_eq!(
            texts(&c),
            vec!["Zie grooming.", "Dan EU-CELAC en El PAcCTO 2.0.", "Einde."]
        );
        assert_eq!(
            c.footnotes.iter().map(|f| f.number).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert_eq!(c.lines[1].markers, vec![2, 3]);
    }

    #[test]
    fn marker_glued_to_year_is_taken_off() {
        let text = "Sinds 20211 geldt dit.\n\n1 Een voetnoot.";
        let c = clean(text);
        assert_eq!(texts(&c), vec!["Sinds 2021 geldt dit."]);
    }

    #[test]
    fn marker_glued_to_letter_wins_over_digits_before_it() {
        let text = "In 2023 sprak Bisschop3 erover.\n\n1 x\n2 y\n3 z";
        // footnotes 1 and 2 have no marker, so no block is recognised at all
        let c = clean(text);
        assert_eq!(c.footnotes.len(), 0);
        let text = "Het lid Bisschop1 in 20231 en later.\n\n1 Motie.";
        let c = clean(text);
        assert_eq!(texts(&c), vec!["Het lid Bisschop in 20231 en later."]);
    }

    #[test]
    fn marker_glued_after_full_stop_is_taken_off() {
        let text = "Detectie van nieuw materiaal en grooming.1 Daarna meer.\n\n1 Kamerstuk 32 317, nr. 859.";
        let c = clean(text);
        assert_eq!(
            texts(&c),
            vec!["Detectie van nieuw materiaal en grooming. Daarna meer."]
        );
        assert_eq!(c.footnotes.len(), 1);
    }

    #[test]
    fn marker_glued_to_hyphenated_name_is_taken_off() {
        let text = "De EU-CELAC1 top werd voorbereid.\n\n1 Zie de verklaring.";
        let c = clean(text);
        assert_eq!(texts(&c), vec!["De EU-CELAC top werd voorbereid."]);
    }

    #[test]
    fn marker_glued_to_paper_number_is_taken_off() {
        // `nr. 8561` is paper 856 with footnote 1: the footnote that exists decides.
        let text = "Zie Kamerstuk 32 317, nr. 8561 voor meer.\n\n1 Verslag.";
        let c = clean(text);
        assert_eq!(texts(&c), vec!["Zie Kamerstuk 32 317, nr. 856 voor meer."]);
    }

    #[test]
    fn numbered_heading_is_not_a_footnote() {
        let text = "Tekst.1\n\n2. Staat van Schengen\n\n1 Een voetnoot.";
        let c = clean(text);
        assert_eq!(texts(&c), vec!["Tekst.", "", "2. Staat van Schengen"]);
    }

    #[test]
    fn page_start_space_and_doubled_spaces_are_squeezed() {
        let c = clean(" belang is.  Meerdere   lidstaten  \n");
        assert_eq!(texts(&c), vec!["belang is. Meerdere lidstaten"]);
        assert!(c.lines[0].page_start);
        assert!(!c.lines[0].indented);
    }

    #[test]
    fn real_hyphen_at_line_end_is_kept() {
        let c = clean(
            "gelijkwaardige en brede EU-\npartnerschappen met\nde Schengen-\nterugkeerpilots",
        );
        assert!(c.lines[0].joins_tight);
        assert!(c.lines[0].text.ends_with("EU-"));
        assert!(c.lines[2].text.ends_with("Schengen-"));
    }

    #[test]
    fn hyphenated_plain_word_is_joined_when_the_document_spells_it_whole() {
        let c = clean("de ver-\nklaring en nog een verklaring");
        assert!(c.lines[0].joins_tight);
        assert_eq!(c.lines[0].text, "de ver");
    }

    #[test]
    fn open_compound_before_en_at_line_end_keeps_its_space() {
        let c = clean("op het Asiel-\nen Migratiepact");
        assert!(!c.lines[0].joins_tight);
        assert_eq!(c.lines[0].text, "op het Asiel-");
    }

    #[test]
    fn spaced_dash_at_line_end_is_not_hyphenation() {
        let c = clean("de Commissie -\nmede naar aanleiding");
        assert!(!c.lines[0].joins_tight);
    }
}
