//! Plain-text reports: bytes in any of the encodings users bring → clean Unicode text.
//!
//! [`decode`] works out the encoding (UTF-8 with or without BOM, UTF-16 with a BOM or
//! recognisably little-endian without one, otherwise Windows-1252), refuses what is not text (PDFs, binaries, empty files) with a
//! message that says what to do, and passes the result through [`normalize_chars`], which
//! removes the invisible differences between copies of the same report (line endings,
//! non-breaking and zero-width spaces, soft hyphens, ligatures) while keeping the line
//! structure the cleaner downstream reads.

use std::fmt;

/// Why a file could not be read as a text report.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The file has no bytes, or only whitespace and invisible characters.
    #[error("the file is empty")]
    Empty,
    /// The file holds a NUL byte, which no text report in an 8-bit or UTF-8 encoding has.
    #[error(
        "this is a binary file, not text (a NUL byte at offset {offset}); jbz-track reads \
         reports as text, PDF, DOCX, HTML or XML"
    )]
    Binary {
        /// Byte offset of the first NUL byte (or NUL code unit in UTF-16).
        offset: usize,
    },
    /// The file has no NUL byte but too many control characters to be text.
    #[error(
        "this is a binary file, not text ({count} of its {total} characters are control \
         characters); jbz-track reads reports as text, PDF, DOCX, HTML or XML"
    )]
    ControlCharacters {
        /// How many control characters (other than line breaks, tabs and form feeds) it holds.
        count: usize,
        /// How many characters it holds in all.
        total: usize,
    },
    /// The file is a PDF (it starts with `%PDF-`): [`crate::source::from_bytes`] reads it,
    /// this text decoder does not.
    #[error("this is a PDF file, not plain text; read it with jbz_track::source::from_bytes")]
    Pdf,
    /// The file holds a git merge-conflict marker: it was committed in the middle of a merge,
    /// and both sides of the conflict would land in the snapshots.
    #[error(
        "a merge-conflict marker (`{marker}`): the file was committed in the middle of a git \
         merge; resolve the conflict and remove the markers"
    )]
    ConflictMarker {
        /// 1-based line of the first marker.
        line: usize,
        /// The marker: `<<<<<<<`, `=======`, `|||||||` or `>>>>>>>`.
        marker: &'static str,
    },
}

impl DecodeError {
    /// The 1-based line the error is about, where there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            DecodeError::ConflictMarker { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// The merge-conflict marker `line` is, if it is one: seven `<`, `=`, `|` or `>` at the start
/// of the line, then the end of the line (or, but for `=======`, a space and a label). A line
/// of more than seven (`==========`, a text's rule) is no marker.
pub fn conflict_marker(line: &str) -> Option<&'static str> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    for marker in ["<<<<<<<", "=======", "|||||||", ">>>>>>>"] {
        if let Some(rest) = line.strip_prefix(marker) {
            let labelled = marker != "=======" && rest.starts_with(' ');
            if rest.trim_end().is_empty() || labelled {
                return Some(marker);
            }
        }
    }
    None
}

/// Refuse text that holds a git merge-conflict marker at the start of a line.
pub fn refuse_conflict_markers(text: &str) -> Result<(), DecodeError> {
    // Nearly every report has no run of seven such characters at all.
    if !["<<<<<<<", "=======", "|||||||", ">>>>>>>"]
        .iter()
        .any(|m| text.contains(m))
    {
        return Ok(());
    }
    match text
        .lines()
        .enumerate()
        .find_map(|(i, l)| conflict_marker(l).map(|m| (i + 1, m)))
    {
        Some((line, marker)) => Err(DecodeError::ConflictMarker { line, marker }),
        None => Ok(()),
    }
}

/// Which encoding the bytes were read as, for -v output.
///
/// `Utf16Le` is also reported for UTF-16LE text without a BOM, which is recognised by its
/// zero high bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte order mark (plain ASCII counts as this).
    Utf8,
    /// UTF-8 starting with the byte order mark EF BB BF.
    Utf8Bom,
    /// UTF-16, little-endian (BOM FF FE, or none).
    Utf16Le,
    /// UTF-16, big-endian (BOM FE FF).
    Utf16Be,
    /// Windows-1252, assumed for bytes that are not valid UTF-8 where most of the
    /// non-ASCII bytes are not UTF-8 either.
    Windows1252,
    /// UTF-8 with a few invalid bytes (a stray byte pasted in from another encoding): read as
    /// UTF-8, each invalid sequence replaced by U+FFFD, rather than the whole file taken for
    /// Windows-1252 (which would turn every `ë` into `Ã«`).
    Utf8Lossy {
        /// Byte offset of the first invalid sequence.
        first: usize,
        /// How many invalid sequences there are.
        count: usize,
    },
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Utf8Lossy { .. } => "UTF-8 (with invalid bytes)",
        })
    }
}

/// More than one control character in this many characters makes a file binary (2 %).
const CONTROL_SHARE_DIVISOR: usize = 50;

/// Decode the bytes of a `.txt` report into normalised text, saying which encoding was used.
///
/// Bytes that are not valid UTF-8 and carry no BOM are read as Windows-1252, never
/// rejected: that is what Word's "plain text" export on Windows writes. The text returned has
/// been through [`normalize_chars`].
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if is_pdf(bytes) {
        return Err(DecodeError::Pdf);
    }
    let (text, encoding) = decode_raw(bytes)?;
    Ok((finish_text(&text)?, encoding))
}

/// Work out the encoding and decode, refusing NUL bytes, but change nothing else: what the
/// markup readers parse before the text is normalised.
pub fn decode_raw(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        reject_nul(rest, 3)?;
        let (text, _) = encoding_rs::UTF_8.decode_without_bom_handling(rest);
        (text.into_owned(), Encoding::Utf8Bom)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (decode_utf16(rest, 2, false)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (decode_utf16(rest, 2, true)?, Encoding::Utf16Be)
    } else if looks_like_utf16le(bytes) {
        (decode_utf16(bytes, 0, false)?, Encoding::Utf16Le)
    } else {
        reject_nul(bytes, 0)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), Encoding::Utf8),
            Err(e) => match mostly_utf8(bytes, e.valid_up_to()) {
                Some((first, count)) => (
                    String::from_utf8_lossy(bytes).into_owned(),
                    Encoding::Utf8Lossy { first, count },
                ),
                None => {
                    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                    (text.into_owned(), Encoding::Windows1252)
                }
            },
        }
    };
    Ok((text, encoding))
}

/// Where bytes that are not valid UTF-8 are mostly UTF-8 all the same: more of their
/// non-ASCII characters are valid UTF-8 sequences than not. Then the first invalid
/// sequence's offset and how many there are; `None` for a file in another encoding, where
/// nearly every non-ASCII byte is invalid UTF-8 (`ë` alone is 0xEB).
fn mostly_utf8(bytes: &[u8], first: usize) -> Option<(usize, usize)> {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes[first..].utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid += std::str::from_utf8(&bytes[..first])
        .map_or(0, |t| t.chars().filter(|c| !c.is_ascii()).count());
    (valid > invalid).then_some((first, invalid))
}

/// Decoded text → the text of a report: refused when it is binary or empty, otherwise
/// passed through [`normalize_chars`].
pub fn finish_text(text: &str) -> Result<String, DecodeError> {
    // The control characters are counted on the way, rather than in a pass of their own.
    let (normalized, controls) = normalize(text);
    reject_control_characters(text, controls)?;
    if normalized.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(normalized)
}

/// Normalise characters that differ between copies of the same text without changing it.
///
/// - CRLF and lone CR become LF; so do vertical tab, NEL (U+0085) and the line and paragraph
///   separators (U+2028, U+2029).
/// - A form feed marks a page break: it becomes a line break (none is added where the form
///   feed already stands at the start of a line, so footnotes stay directly above the next
///   page) and the next non-blank line is made to start with exactly one space, which is how
///   pdftotext's page starts look and what the cleaner reads as a page start.
/// - Tabs, non-breaking spaces (U+00A0, U+202F, U+2007), thin, hair and other typographic
///   spaces become a plain space.
/// - Soft hyphens (U+00AD), zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF
///   anywhere) and left-to-right/right-to-left marks are removed, as are other control
///   characters (such as the DOS end-of-file mark U+001A).
/// - The ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ are spelled out (NFKC applied to those only): curly quotes,
///   guillemets and accented letters are kept as they are.
///
/// Everything else, including leading spaces and empty lines, is kept.
pub fn normalize_chars(text: &str) -> String {
    normalize(text).0
}

/// [`normalize_chars`], also counting the control characters other than line breaks, tabs and
/// form feeds.
fn normalize(text: &str) -> (String, usize) {
    let mut mapped = String::with_capacity(text.len());
    let mut controls = 0;
    // Nearly every character of a report stays as it is, so the text is copied in runs between
    // the characters that change rather than a character at a time.
    let mut copied = 0;
    let mut at = 0;
    while at < text.len() {
        if matches!(text.as_bytes()[at], b' '..=b'~' | b'\n') {
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or_default();
        let mut next = at + c.len_utf8();
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            controls += 1;
        }
        if let Some(replacement) = replacement(c) {
            if c == '\r' && text[next..].starts_with('\n') {
                next += 1;
            }
            mapped.push_str(&text[copied..at]);
            mapped.push_str(replacement);
            copied = next;
        }
        at = next;
    }
    mapped.push_str(&text[copied..]);
    if !mapped.contains('\u{0C}') {
        return (mapped, controls);
    }
    (mark_page_starts(&mapped), controls)
}

/// What [`normalize_chars`] makes of a character, or `None` where it keeps it.
fn replacement(c: char) -> Option<&'static str> {
    match c {
        // Kept for the page-break pass.
        '\n' | '\u{0C}' => None,
        // A CR before an LF is dropped with it by the caller.
        '\r' | '\u{0B}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some("\n"),
        '\t' => Some(" "),
        c if is_space(c) => Some(" "),
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{2060}'
        | '\u{FEFF}' => Some(""),
        // What NFKC makes of these (the test `ligatures_are_spelled_out_as_nfkc_does` checks it).
        '\u{FB00}' => Some("ff"),
        '\u{FB01}' => Some("fi"),
        '\u{FB02}' => Some("fl"),
        '\u{FB03}' => Some("ffi"),
        '\u{FB04}' => Some("ffl"),
        '\u{FB05}' | '\u{FB06}' => Some("st"),
        c if c.is_control() => Some(""),
        _ => None,
    }
}

/// Replace form feeds by line breaks and start each page's first line of content with one
/// space (see [`normalize_chars`]).
fn mark_page_starts(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut pages = text.split('\u{0C}');
    out.push_str(pages.next().unwrap_or_default());
    for page in pages {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        let mut page_start = true;
        for line in page.split_inclusive('\n') {
            if page_start && !line.trim().is_empty() {
                out.push(' ');
                out.push_str(line.trim_start_matches(' '));
                page_start = false;
            } else {
                out.push_str(line);
            }
        }
    }
    out
}

/// Whether `c` is a space that should read as a plain one (the plain one included).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

fn is_pdf(bytes: &[u8]) -> bool {
    super::is_pdf(bytes)
}

/// Fail on the first NUL byte; `base` is added to its offset (the length of a stripped BOM).
fn reject_nul(bytes: &[u8], base: usize) -> Result<(), DecodeError> {
    // `contains` is a fast byte search; the offset is worked out only for a binary file.
    if !bytes.contains(&0) {
        return Ok(());
    }
    match bytes.iter().position(|&b| b == 0) {
        Some(i) => Err(DecodeError::Binary { offset: base + i }),
        None => Ok(()),
    }
}

/// Decode UTF-16 (BOM already stripped; `base` is its length), failing on a NUL code unit.
fn decode_utf16(bytes: &[u8], base: usize, big_endian: bool) -> Result<String, DecodeError> {
    let units = bytes.chunks_exact(2).map(|pair| {
        if big_endian {
            u16::from_be_bytes([pair[0], pair[1]])
        } else {
            u16::from_le_bytes([pair[0], pair[1]])
        }
    });
    let mut decoded = Vec::with_capacity(bytes.len() / 2);
    for (i, unit) in units.enumerate() {
        if unit == 0 {
            return Err(DecodeError::Binary {
                offset: base + 2 * i,
            });
        }
        decoded.push(unit);
    }
    let mut text: String = char::decode_utf16(decoded)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        // A dangling last byte: a truncated file, shown as such rather than dropped silently.
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Ok(text)
}

/// UTF-16LE without a BOM: in its first kilobytes, nearly every odd byte is zero (the high
/// byte of Latin text) and hardly any even byte is.
fn looks_like_utf16le(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return false;
    }
    let (mut odd_zero, mut even_zero) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even_zero += usize::from(pair[0] == 0);
        odd_zero += usize::from(pair[1] == 0);
    }
    odd_zero * 10 >= pairs * 8 && even_zero * 20 <= pairs
}

/// Fail when more than one character in fifty (and more than one in all) is a control
/// character other than a line break, tab or form feed (`count` of them): no report looks like
/// that.
fn reject_control_characters(text: &str, count: usize) -> Result<(), DecodeError> {
    if count > 1 {
        let total = text.chars().count();
        if count * CONTROL_SHARE_DIVISOR > total {
            return Err(DecodeError::ControlCharacters { count, total });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize_chars(s)
    }

    #[test]
    fn utf8_without_bom_is_read_as_utf8() {
        let (text, enc) = decode("Israël en Curaçao".as_bytes()).unwrap();
        assert_eq!(text, "Israël en Curaçao");
        assert_eq!(enc, Encoding::Utf8);
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let (text, enc) = decode(b"\xEF\xBB\xBFVerslag").unwrap();
        assert_eq!(text, "Verslag");
        assert_eq!(enc, Encoding::Utf8Bom);
    }

    #[test]
    fn utf16le_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(
            "Coördinator ’s\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        assert_eq!(
            decode(&bytes).unwrap(),
            ("Coördinator ’s\n".to_owned(), Encoding::Utf16Le)
        );
    }

    #[test]
    fn utf16be_with_bom_is_decoded() {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend("Coördinator".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(
            decode(&bytes).unwrap(),
            ("Coördinator".to_owned(), Encoding::Utf16Be)
        );
    }

    #[test]
    fn utf16le_without_bom_is_recognised() {
        let bytes: Vec<u8> = "Verslag van de Raad"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(&bytes).unwrap(),
            ("Verslag van de Raad".to_owned(), Encoding::Utf16Le)
        );
    }

    #[test]
    fn invalid_utf8_is_read_as_windows_1252() {
        let (text, enc) = decode(b"Cura\xe7ao ge\xefnteresseerd \x93quote\x94").unwrap();
        assert_eq!(text, "Curaçao geïnteresseerd “quote”");
        assert_eq!(enc, Encoding::Windows1252);
    }

    #[test]
    fn empty_file_is_refused() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
    }

    #[test]
    fn whitespace_only_file_is_refused_as_empty() {
        assert_eq!(decode(b" \r\n\t\n\x0c "), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF\xC2\xA0\n"), Err(DecodeError::Empty));
    }

    #[test]
    fn nul_byte_makes_a_binary_file() {
        assert_eq!(
            decode(b"abc\x00def"),
            Err(DecodeError::Binary { offset: 3 })
        );
        let err = decode(b"abc\x00def").unwrap_err().to_string();
        assert!(err.contains("text, PDF, DOCX, HTML or XML"), "{err}");
    }

    #[test]
    fn nul_code_unit_in_utf16_makes_a_binary_file() {
        assert_eq!(
            decode(b"\xFF\xFEa\x00\x00\x00b\x00"),
            Err(DecodeError::Binary { offset: 4 })
        );
    }

    #[test]
    fn many_control_characters_make_a_binary_file() {
        let bytes: Vec<u8> = (0..200u8)
            .map(|i| if i % 5 == 0 { 0x01 } else { b'a' })
            .collect();
        assert_eq!(
            decode(&bytes),
            Err(DecodeError::ControlCharacters {
                count: 40,
                total: 200
            })
        );
    }

    #[test]
    fn a_stray_control_character_is_dropped_not_refused() {
        let (text, _) = decode(b"Verslag van de Raad\n\x1a").unwrap();
        assert_eq!(text, "Verslag van de Raad\n");
    }

    #[test]
    fn pdf_is_not_decoded_as_text() {
        assert_eq!(
            decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
            Err(DecodeError::Pdf)
        );
    }

    #[test]
    fn text_mentioning_pdf_later_is_not_a_pdf() {
        assert!(decode(b"Zie %PDF-1.7").is_ok());
    }

    #[test]
    fn encoding_names_read_well() {
        assert_eq!(Encoding::Utf8Bom.to_string(), "UTF-8 with BOM");
        assert_eq!(Encoding::Windows1252.to_string(), "Windows-1252");
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(norm("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd");
    }

    #[test]
    fn form_feed_mid_line_becomes_a_break_and_page_start_space() {
        assert_eq!(
            norm("einde pagina\x0cNieuwe pagina"),
            "einde pagina\n Nieuwe pagina"
        );
    }

    #[test]
    fn form_feed_at_line_start_adds_no_empty_line() {
        assert_eq!(
            norm("2 Voetnoot.\n\x0cNederland op tot"),
            "2 Voetnoot.\n Nederland op tot"
        );
    }

    #[test]
    fn page_start_gets_exactly_one_leading_space() {
        assert_eq!(norm("a\n\x0c     \tb c"), "a\n b c");
        assert_eq!(norm("a\n\x0c b"), "a\n b");
    }

    #[test]
    fn page_start_space_goes_to_first_line_with_content() {
        assert_eq!(norm("a\n\x0c\n  \nb\nc"), "a\n\n  \n b\nc");
    }

    #[test]
    fn consecutive_and_trailing_form_feeds_make_one_break() {
        assert_eq!(norm("a\x0c\x0cb\n\x0c"), "a\n b\n");
    }

    #[test]
    fn form_feed_at_file_start_marks_first_line() {
        assert_eq!(norm("\x0cVerslag"), " Verslag");
    }

    #[test]
    fn non_breaking_and_thin_spaces_become_spaces() {
        assert_eq!(
            norm("€\u{A0}1\u{202F}250\u{2007}000\u{2009}x\u{200A}y\u{3000}z"),
            "€ 1 250 000 x y z"
        );
    }

    #[test]
    fn soft_hyphen_is_removed() {
        assert_eq!(norm("terugkeer\u{AD}pilots"), "terugkeerpilots");
    }

    #[test]
    fn zero_width_characters_are_removed() {
        assert_eq!(
            norm("a\u{200B}b\u{200C}c\u{200D}d\u{FEFF}e\u{2060}f\u{200E}g"),
            "abcdefg"
        );
    }

    #[test]
    fn ligatures_are_spelled_out() {
        assert_eq!(
            norm("\u{FB01}nale \u{FB02}ow e\u{FB00}ect e\u{FB03}ciënt a\u{FB04}uent \u{FB06}"),
            "finale flow effect efficiënt affluent st"
        );
    }

    #[test]
    fn ligatures_are_spelled_out_as_nfkc_does() {
        use unicode_normalization::UnicodeNormalization;
        for c in '\u{FB00}'..='\u{FB06}' {
            assert_eq!(
                norm(&c.to_string()),
                c.to_string().nfkc().collect::<String>()
            );
        }
    }

    #[test]
    fn quotes_guillemets_and_accents_are_kept() {
        let s = "’s-Hertogenbosch “quote” «citaat» café Israël één ½ ²";
        assert_eq!(norm(s), s);
    }

    #[test]
    fn tabs_become_spaces() {
        assert_eq!(norm("\t• punt\tmet tab"), " • punt met tab");
    }

    #[test]
    fn leading_spaces_and_blank_lines_are_kept() {
        let s = " Verslag \n\n \n Nederland op tot \n";
        assert_eq!(norm(s), s);
    }

    #[test]
    fn other_line_separators_become_lf() {
        assert_eq!(norm("a\u{2028}b\u{0B}c\u{85}d"), "a\nb\nc\nd");
    }

    #[test]
    fn the_real_report_decodes_unchanged() {
        let bytes = include_bytes!("../../reports/2023-10-19-jbz-raad-verslag.txt");
        let (text, enc) = decode(bytes).unwrap();
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(text.as_bytes(), bytes);
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in 0..3000 {
            let bytes: Vec<u8> = (0..len % 97)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    [
                        0x0c, b'\r', b'\n', b' ', b'a', 0xC3, 0xA9, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE,
                        0x00,
                    ][(seed % 13) as usize]
                })
                .collect();
            let _ = decode(&bytes);
        }
    }

    #[test]
    fn no_input_panics() {
        let inputs: [&[u8]; 8] = [
            b"\xFF\xFE",
            b"\xFF\xFEa",
            b"\xFE\xFF\xD8\x00",
            b"\xEF\xBB\xBF",
            b"\xEF\xBB\xBF\xFF\xFE",
            b"\x0c",
            b"\r",
            b"\xC3",
        ];
        for bytes in inputs {
            let _ = decode(bytes);
        }
    }
}
