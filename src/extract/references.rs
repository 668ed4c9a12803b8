//! Kamerstukken references: the parliamentary papers a report cites, found in running text
//! and footnotes.
//!
//! Only text introduced by the word `Kamerstuk` or `Kamerstukken` counts, so a bare number
//! or a year is never taken for a reference. What follows the word is read by a small
//! hand-written parser (see [`find_references`] for the forms it knows).

use std::collections::BTreeSet;

use crate::model::Reference;

/// Every reference in a text, in order of appearance, duplicates kept out.
///
/// A citation starts with `Kamerstuk` or `Kamerstukken` (any case), optionally followed by
/// the chamber (`II`, `I`, `TK`, `EK`) and the parliamentary year, then one or more dossier
/// numbers (4–6 digits, or "32 317" with a space after the first two) joined by `en` or
/// commas, then the paper numbers. The forms read:
///
/// - `Kamerstukken II, 2023/24, 32317, nr. 859` and `Kamerstukken 2022/2023, 32 317, nr. 836`;
/// - `Kamerstuk 32 317, nrs. 854 en 852` (two references);
/// - `Kamerstukken 26 643 en 34 843, nr. 1069` (one paper filed in two dossiers: two references);
/// - `Kamerstuk 32317-883` and `Kamerstuk 22 112-3878` (dossier-number);
/// - `Kamerstuk 22 112, 2962` (the number without `nr.`);
/// - several citations after one `Kamerstukken`, separated by `;`.
///
/// The citation ends at its last number: "nr. 853 van 9 oktober 2023" gives 853, and a
/// number followed by a month name is a date, not a paper. A duplicate is a second reference
/// to the same dossier and number; the first one found is kept. Footnote markers glued to
/// a number ("nr. 8561") are not guessed at here: the cleaner takes them off first.
///
/// Left out rather than misread: sub-dossiers ("21 501-20, nr. 1852") and Roman-numeral
/// parts ("36 200 VI"), which a number alone cannot hold. Eerste Kamer letters ("36 200, A")
/// give a reference to the dossier without `nr`. Two compact dossier numbers joined by a
/// comma and nothing after them ("Kamerstukken 32317, 22112") read as dossier and number.
pub fn find_references(text: &str) -> Vec<Reference> {
    let mut found = Vec::new();
    let mut seen = BTreeSet::new();
    let mut from = 0;
    while let Some((start, after_word)) = next_trigger(text, from) {
        from = after_word;
        let Some((groups, end)) = parse_citation(text, after_word) else {
            continue;
        };
        from = end;
        let printed = collapse_whitespace(&text[start..end]);
        for group in groups {
            for (kamerstuk, nr) in group.papers {
                if seen.insert((kamerstuk, nr)) {
                    found.push(Reference {
                        kamerstuk,
                        nr,
                        vergaderjaar: group.vergaderjaar.clone(),
                        text: printed.clone(),
                    });
                }
            }
        }
    }
    found
}

/// The papers of one citation (up to a `;`), all sharing its parliamentary year.
#[derive(Debug)]
struct Group {
    vergaderjaar: Option<String>,
    papers: Vec<(u32, Option<u32>)>,
}

/// A number as written: its value, how many digits, whether it had the "32 317" space.
#[derive(Debug, Clone, Copy)]
struct Number {
    value: u32,
    digits: usize,
    spaced: bool,
    end: usize,
}

impl Number {
    /// Whether the number can be a dossier number: 4–6 digits.
    fn is_dossier(&self) -> bool {
        (4..=6).contains(&self.digits)
    }
}

/// One dossier in a citation's list, with the number glued to it by a dash ("32317-883").
#[derive(Debug)]
struct Dossier {
    number: Number,
    dash_nr: Option<u32>,
    after_comma: bool,
    end: usize,
}

/// The next `Kamerstuk`/`Kamerstukken` as a whole word at or after `from`: its start and the
/// end of the word.
fn next_trigger(text: &str, from: usize) -> Option<(usize, usize)> {
    const WORD: &[u8] = b"kamerstuk";
    let bytes = text.as_bytes();
    let mut i = from;
    while i + WORD.len() <= bytes.len() {
        // An ASCII match always starts on a char boundary: UTF-8 continuation bytes are ≥ 0x80.
        if bytes[i..i + WORD.len()].eq_ignore_ascii_case(WORD) {
            let mut end = i + WORD.len();
            if bytes
                .get(end..end + 3)
                .is_some_and(|b| b.eq_ignore_ascii_case(b"ken"))
            {
                end += 3;
            }
            let before_ok = !text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if before_ok && !starts_with_letter(text, end) {
                return Some((i, end));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    None
}

/// Read the citation after the word `Kamerstuk(ken)`: its groups and where it ends.
fn parse_citation(text: &str, pos: usize) -> Option<(Vec<Group>, usize)> {
    let mut p = skip_ws(text, pos);
    if let Some(end) = ["II", "I", "TK", "EK"]
        .iter()
        .find_map(|chamber| word(text, p, chamber, true))
    {
        p = skip_comma(text, end);
    }
    let (first, mut end) = parse_group(text, p)?;
    let mut groups = vec![first];
    loop {
        let q = skip_ws(text, end);
        if !text[q..].starts_with(';') {
            break;
        }
        match parse_group(text, q + 1) {
            Some((group, group_end)) => {
                groups.push(group);
                end = group_end;
            }
            None => break,
        }
    }
    Some((groups, end))
}

/// Read `[year,] dossier [(,|en) dossier]* [, nr(s). N [(,|en) N]*]` from `pos`.
fn parse_group(text: &str, pos: usize) -> Option<(Group, usize)> {
    let mut p = skip_ws(text, pos);
    let mut vergaderjaar = None;
    if let Some((year, end)) = parliamentary_year(text, p) {
        vergaderjaar = Some(year);
        p = skip_comma(text, end);
    }

    let first = number(text, p).filter(Number::is_dossier)?;
    if text[first.end..].starts_with('/') {
        return None;
    }
    let mut dossiers = vec![dossier(text, first, false)?];
    // A number after a comma that cannot be a dossier is the paper number ("22 112, 2962").
    let mut bare_nr = None;
    while let Some(last) = dossiers.last() {
        let q = skip_ws(text, last.end);
        let (after_comma, r) = if text[q..].starts_with(',') {
            (true, skip_ws(text, q + 1))
        } else if let Some(end) = word(text, q, "en", false) {
            (false, skip_ws(text, end))
        } else {
            break;
        };
        if paper_word(text, r).is_some() || parliamentary_year(text, r).is_some() {
            break;
        }
        let Some(n) = number(text, r) else { break };
        if followed_by_month(text, n.end) {
            break;
        }
        if !n.is_dossier() {
            if after_comma
                && !n.spaced
                && !text[n.end..].starts_with(|c: char| c == '/' || is_dash(c))
            {
                bare_nr = Some(n);
            }
            break;
        }
        match dossier(text, n, after_comma) {
            Some(d) => dossiers.push(d),
            None => return None,
        }
    }

    let mut end = dossiers.last().map_or(p, |d| d.end);
    let mut shared = Vec::new();
    if let Some(n) = bare_nr {
        shared.push(n.value);
        end = n.end;
    } else if let Some((nrs, nrs_end)) = paper_numbers(text, end) {
        shared = nrs;
        end = nrs_end;
    } else if dossiers.len() >= 2 {
        // "Kamerstuk 22 112, 2962": the last "dossier" was the paper number after all.
        let last = &dossiers[dossiers.len() - 1];
        let previous = &dossiers[dossiers.len() - 2];
        if last.after_comma
            && !last.number.spaced
            && last.dash_nr.is_none()
            && previous.dash_nr.is_none()
        {
            shared.push(last.number.value);
            dossiers.pop();
        }
    }

    let mut papers = Vec::new();
    for d in &dossiers {
        match (d.dash_nr, shared.is_empty()) {
            (Some(nr), _) => papers.push((d.number.value, Some(nr))),
            (None, true) => papers.push((d.number.value, None)),
            (None, false) => papers.extend(shared.iter().map(|&nr| (d.number.value, Some(nr)))),
        }
    }
    Some((
        Group {
            vergaderjaar,
            papers,
        },
        end,
    ))
}

/// A dossier number with what is glued to it. `None` for forms that cannot be represented
/// by a number alone and are left out rather than misread: a sub-dossier
/// ("21 501-20, nr. 1234") or a Roman-numeral part ("36 200 VI", "36200-VII").
fn dossier(text: &str, number: Number, after_comma: bool) -> Option<Dossier> {
    let mut end = number.end;
    let mut dash_nr = None;
    if let Some(dash) = text[end..].chars().next().filter(|&c| is_dash(c)) {
        let after_dash = end + dash.len_utf8();
        if roman(text, after_dash).is_some() {
            return None;
        }
        if let Some(n) = number_compact(text, after_dash) {
            if paper_numbers(text, n.end).is_some() {
                return None;
            }
            dash_nr = Some(n.value);
            end = n.end;
        }
    } else if roman(text, skip_inline_spaces(text, end)).is_some() {
        return None;
    }
    Some(Dossier {
        number,
        dash_nr,
        after_comma,
        end,
    })
}

/// More paper numbers than this in one `nrs.` list are not believed (and bound the loop).
const MAX_NRS: usize = 64;

/// `[,] nr. N`, `[,] nrs. N, M en K`: the numbers and where they end.
fn paper_numbers(text: &str, pos: usize) -> Option<(Vec<u32>, usize)> {
    let mut p = skip_ws(text, pos);
    if text[p..].starts_with(',') {
        p = skip_ws(text, p + 1);
    }
    let (plural, end) = paper_word(text, p)?;
    let first = number_compact(text, skip_ws(text, end))?;
    let mut nrs = vec![first.value];
    let mut end = first.end;
    while plural && nrs.len() < MAX_NRS {
        let q = skip_ws(text, end);
        let r = if text[q..].starts_with(',') {
            q + 1
        } else if let Some(after) = word(text, q, "en", false) {
            after
        } else {
            break;
        };
        let Some(n) = number_compact(text, skip_ws(text, r)) else {
            break;
        };
        if followed_by_month(text, n.end) || text[n.end..].starts_with('/') {
            break;
        }
        nrs.push(n.value);
        end = n.end;
    }
    Some((nrs, end))
}

/// `nr.`, `nrs.`, `nr`, `nummer(s)`, `no.` at `pos`: whether it is plural, and its end.
fn paper_word(text: &str, pos: usize) -> Option<(bool, usize)> {
    for (w, plural) in [
        ("nummers", true),
        ("nummer", false),
        ("nrs", true),
        ("nr", false),
        ("no", false),
    ] {
        if let Some(mut end) = word(text, pos, w, false) {
            if text[end..].starts_with('.') {
                end += 1;
            } else if w == "no" {
                // "no" without a period is a word, not an abbreviation.
                continue;
            }
            return Some((plural, end));
        }
    }
    None
}

/// A parliamentary year at `pos` ("2023/24", "2022/2023", "2016–17", "2016-2017"), normalised
/// to "2023/24", and where it ends. The second year must follow the first, which tells
/// "2016-17" from a dossier-number pair.
fn parliamentary_year(text: &str, pos: usize) -> Option<(String, usize)> {
    let (first, first_end) = digits(text, pos)?;
    if first_end - pos != 4 || !(1800..=2199).contains(&first) {
        return None;
    }
    let sep = text[first_end..]
        .chars()
        .next()
        .filter(|&c| c == '/' || is_dash(c))?;
    let second_start = first_end + sep.len_utf8();
    let (second, end) = digits(text, second_start)?;
    let consecutive = match end - second_start {
        2 => second == (first + 1) % 100,
        4 => second == first + 1,
        _ => false,
    };
    if !consecutive || starts_with_letter(text, end) {
        return None;
    }
    Some((format!("{first}/{:02}", (first + 1) % 100), end))
}

/// A number at `pos`: plain digits, or two digits, a space and three or four digits
/// ("32 317"). It must not run on into a letter.
fn number(text: &str, pos: usize) -> Option<Number> {
    let (value, end) = digits(text, pos)?;
    let count = end - pos;
    if count == 2 {
        if let Some(space) = text[end..].chars().next().filter(|&c| is_inline_space(c)) {
            let rest = end + space.len_utf8();
            if let Some((tail, tail_end)) = digits(text, rest) {
                let tail_count = tail_end - rest;
                if (3..=4).contains(&tail_count) && !starts_with_letter(text, tail_end) {
                    return Some(Number {
                        value: value * 10u32.pow(tail_count as u32) + tail,
                        digits: count + tail_count,
                        spaced: true,
                        end: tail_end,
                    });
                }
            }
        }
    }
    if starts_with_letter(text, end) {
        return None;
    }
    Some(Number {
        value,
        digits: count,
        spaced: false,
        end,
    })
}

/// A number at `pos` written without spaces (a paper number).
fn number_compact(text: &str, pos: usize) -> Option<Number> {
    let (value, end) = digits(text, pos)?;
    if starts_with_letter(text, end) {
        return None;
    }
    Some(Number {
        value,
        digits: end - pos,
        spaced: false,
        end,
    })
}

/// A run of 1–9 ASCII digits at `pos`: its value and end. Longer runs are not numbers here.
fn digits(text: &str, pos: usize) -> Option<(u32, usize)> {
    let run = text[pos..].bytes().take_while(u8::is_ascii_digit).count();
    if run == 0 || run > 9 {
        return None;
    }
    let end = pos + run;
    text[pos..end].parse().ok().map(|value| (value, end))
}

/// A Roman numeral naming a dossier's part ("VI" in "36 200 VI", "VII" in "36200-VII") at
/// `pos`, and its end. Not one followed by a period: that is a part heading ("II. Justitie").
fn roman(text: &str, pos: usize) -> Option<usize> {
    let run = text[pos..]
        .bytes()
        .take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
        .count();
    let end = pos + run;
    if run == 0 || starts_with_letter(text, end) || text[end..].starts_with('.') {
        return None;
    }
    Some(end)
}

/// Skip spaces within a line (not line breaks).
fn skip_inline_spaces(text: &str, pos: usize) -> usize {
    pos + text[pos..]
        .chars()
        .take_while(|&c| is_inline_space(c))
        .map(char::len_utf8)
        .sum::<usize>()
}

/// Whether a number ending at `pos` is followed by a month name, which makes it a day.
fn followed_by_month(text: &str, pos: usize) -> bool {
    let p = skip_ws(text, pos);
    let next = text[p..].split(|c: char| !c.is_alphanumeric()).next();
    p > pos && next.is_some_and(|w| crate::dates::dutch_month(w).is_some())
}

/// The end of `w` at `pos`, if it stands there as a whole word (`exact_case` or any case).
fn word(text: &str, pos: usize, w: &str, exact_case: bool) -> Option<usize> {
    let candidate = text.as_bytes().get(pos..pos + w.len())?;
    let matches = if exact_case {
        candidate == w.as_bytes()
    } else {
        candidate.eq_ignore_ascii_case(w.as_bytes())
    };
    let end = pos + w.len();
    (matches && !text[end..].starts_with(|c: char| c.is_alphanumeric())).then_some(end)
}

/// Skip whitespace, a line break included, but not a blank line: a citation does not run
/// on across paragraphs, so a run of whitespace holding two line breaks is not skipped at all.
fn skip_ws(text: &str, pos: usize) -> usize {
    let run: usize = text[pos..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    if text[pos..pos + run].matches('\n').count() > 1 {
        pos
    } else {
        pos + run
    }
}

/// Skip whitespace, an optional comma, and whitespace.
fn skip_comma(text: &str, pos: usize) -> usize {
    let p = skip_ws(text, pos);
    if text[p..].starts_with(',') {
        skip_ws(text, p + 1)
    } else {
        p
    }
}

/// Whether the text at `pos` starts with a letter (so a number there runs on into a word).
fn starts_with_letter(text: &str, pos: usize) -> bool {
    text[pos..].chars().next().is_some_and(char::is_alphabetic)
}

/// Hyphen, non-breaking hyphen, figure dash, en dash, em dash.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}')
}

/// A space within a line, including the non-breaking ones that may sit in "32 317".
fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}')
}

/// Collapse every whitespace run to one space.
fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(kamerstuk: u32, nr: Option<u32>, vergaderjaar: Option<&str>, text: &str) -> Reference {
        Reference {
            kamerstuk,
            nr,
            vergaderjaar: vergaderjaar.map(str::to_owned),
            text: text.to_owned(),
        }
    }

    #[test]
    fn chamber_year_dossier_and_nr() {
        assert_eq!(
            find_references("Kamerstukken II, 2023/24, 32317, nr. 859."),
            [r(
                32317,
                Some(859),
                Some("2023/24"),
                "Kamerstukken II, 2023/24, 32317, nr. 859"
            )]
        );
    }

    #[test]
    fn four_digit_second_year_and_spaced_dossier() {
        assert_eq!(
            find_references("3 Kamerstukken 2022/2023, 32 317, nr. 836 "),
            [r(
                32317,
                Some(836),
                Some("2022/23"),
                "Kamerstukken 2022/2023, 32 317, nr. 836"
            )]
        );
    }

    #[test]
    fn citation_stops_after_its_last_number() {
        assert_eq!(
            find_references(
                "Zie ook het verslag, Kamerstukken II, 2022/23, 32317, nr. 853 van 9 oktober 2023."
            ),
            [r(
                32317,
                Some(853),
                Some("2022/23"),
                "Kamerstukken II, 2022/23, 32317, nr. 853"
            )]
        );
    }

    #[test]
    fn bracketed_kamerstuk_without_year() {
        assert_eq!(
            find_references("zoals gemeld (Kamerstuk 32 317, nr. 856)."),
            [r(32317, Some(856), None, "Kamerstuk 32 317, nr. 856")]
        );
    }

    #[test]
    fn nrs_list_gives_one_reference_per_number() {
        let text = "Kamerstuk 32 317, nrs. 854 en 852";
        assert_eq!(
            find_references(&format!("({text})")),
            [
                r(32317, Some(854), None, text),
                r(32317, Some(852), None, text)
            ]
        );
    }

    #[test]
    fn nrs_list_with_commas() {
        let refs = find_references("Kamerstuk 32 317, nrs. 854, 855 en 856");
        let nrs: Vec<_> = refs.iter().map(|r| r.nr).collect();
        assert_eq!(nrs, [Some(854), Some(855), Some(856)]);
    }

    #[test]
    fn two_dossiers_share_one_nr() {
        let text = "Kamerstukken 26 643 en 34 843, nr. 1069";
        assert_eq!(
            find_references(&format!("({text})")),
            [
                r(26643, Some(1069), None, text),
                r(34843, Some(1069), None, text)
            ]
        );
    }

    #[test]
    fn dossier_dash_nr() {
        assert_eq!(
            find_references("(Kamerstuk 32317-883)"),
            [r(32317, Some(883), None, "Kamerstuk 32317-883")]
        );
    }

    #[test]
    fn spaced_dossier_dash_nr() {
        assert_eq!(
            find_references("zie Kamerstukken 22 112-3878 en verder"),
            [r(22112, Some(3878), None, "Kamerstukken 22 112-3878")]
        );
    }

    #[test]
    fn dash_nr_without_kamerstuk_is_not_a_reference() {
        assert_eq!(find_references("het fiche 22 112-3878 en 32317-883"), []);
    }

    #[test]
    fn nr_without_nr_word() {
        assert_eq!(
            find_references("(Kamerstuk 22 112, 2962)"),
            [r(22112, Some(2962), None, "Kamerstuk 22 112, 2962")]
        );
        assert_eq!(
            find_references("(Kamerstuk 22 112, 296)"),
            [r(22112, Some(296), None, "Kamerstuk 22 112, 296")]
        );
    }

    #[test]
    fn en_dash_year_without_comma_after_chamber() {
        assert_eq!(
            find_references("Kamerstukken II 2016–17, 22 112, nr. 2292"),
            [r(
                22112,
                Some(2292),
                Some("2016/17"),
                "Kamerstukken II 2016–17, 22 112, nr. 2292"
            )]
        );
    }

    #[test]
    fn hyphenated_four_digit_year() {
        let refs = find_references("Kamerstukken I 2016-2017, 34 843, nr. 5");
        assert_eq!(refs[0].vergaderjaar.as_deref(), Some("2016/17"));
        assert_eq!((refs[0].kamerstuk, refs[0].nr), (34843, Some(5)));
    }

    #[test]
    fn tk_and_ek_chambers_are_read() {
        assert_eq!(
            find_references("Kamerstukken TK 2023/24, 32317, nr. 1")[0].nr,
            Some(1)
        );
        assert_eq!(
            find_references("Kamerstukken EK 2023/24, 32317, nr. 2")[0].nr,
            Some(2)
        );
    }

    #[test]
    fn bare_numbers_and_years_are_not_references() {
        assert_eq!(
            find_references("In 2023/24 werden 32317 en 859 genoemd, nr. 5 en 22 112."),
            []
        );
    }

    #[test]
    fn kamerstuk_inside_another_word_is_not_a_trigger() {
        assert_eq!(find_references("Kamerstuknummer 32317, nr. 5"), []);
        assert_eq!(find_references("hetKamerstuk 32317, nr. 5"), []);
    }

    #[test]
    fn kamerstuk_without_numbers_is_not_a_reference() {
        assert_eq!(find_references("het Kamerstuk is verzonden in 2023."), []);
        assert_eq!(find_references("Kamerstukken II, 2023/24."), []);
    }

    #[test]
    fn dossier_without_nr_is_a_reference_to_the_dossier() {
        assert_eq!(
            find_references("(Kamerstuk 32317)"),
            [r(32317, None, None, "Kamerstuk 32317")]
        );
    }

    #[test]
    fn day_and_month_after_dossier_is_not_a_nr() {
        assert_eq!(
            find_references("Kamerstuk 32 317, 9 oktober 2023"),
            [r(32317, None, None, "Kamerstuk 32 317")]
        );
        // Abbreviated as the date reader knows the months ("okt.", "febr.").
        for month in ["okt. 2023", "Febr. 2024", "sept. 2023"] {
            assert_eq!(
                find_references(&format!("Kamerstuk 32 317, 9 {month}")),
                [r(32317, None, None, "Kamerstuk 32 317")],
                "{month}"
            );
        }
        // A word that only begins like a month is no month.
        assert_eq!(
            find_references("Kamerstuk 32 317, 9 mei2023")[0].nr,
            find_references("Kamerstuk 32 317, 9 x")[0].nr
        );
    }

    #[test]
    fn citation_wrapped_over_two_lines_is_read_as_one() {
        assert_eq!(
            find_references("Kamerstukken II, \n2023/24, 32317, nr. 859."),
            [r(
                32317,
                Some(859),
                Some("2023/24"),
                "Kamerstukken II, 2023/24, 32317, nr. 859"
            )]
        );
    }

    #[test]
    fn citation_does_not_run_on_across_a_blank_line() {
        assert_eq!(
            find_references("Kamerstukken II,\n\n2023/24, 32317, nr. 859"),
            []
        );
    }

    #[test]
    fn semicolon_separates_citations_after_one_kamerstukken() {
        let text = "Kamerstukken II 2022/23, 32317, nr. 800; 2023/24, 22 112, nr. 3878";
        assert_eq!(
            find_references(&format!("({text})")),
            [
                r(32317, Some(800), Some("2022/23"), text),
                r(22112, Some(3878), Some("2023/24"), text)
            ]
        );
    }

    #[test]
    fn duplicates_are_kept_out_in_order_of_appearance() {
        let refs = find_references(
            "(Kamerstuk 32 317, nr. 856) en later (Kamerstuk 22 112, 2962) en \
             Kamerstukken II 2023/24, 32317, nr. 856.",
        );
        let keys: Vec<_> = refs.iter().map(|r| (r.kamerstuk, r.nr)).collect();
        assert_eq!(keys, [(32317, Some(856)), (22112, Some(2962))]);
    }

    #[test]
    fn sub_dossiers_and_roman_parts_are_left_out() {
        assert_eq!(find_references("(Kamerstuk 21 501-20, nr. 1852)"), []);
        assert_eq!(
            find_references("Kamerstukken II 2022/23, 36 200 VI, nr. 5"),
            []
        );
        assert_eq!(find_references("(Kamerstuk 36200-VII, nr. 5)"), []);
    }

    #[test]
    fn part_heading_after_a_reference_is_not_a_roman_part() {
        assert_eq!(
            find_references("Kamerstuk 32317\nII. Justitie"),
            [r(32317, None, None, "Kamerstuk 32317")]
        );
    }

    #[test]
    fn glued_footnote_marker_is_not_guessed_at() {
        assert_eq!(
            find_references("Kamerstuk 32 317, nr. 8561 ")[0].nr,
            Some(8561)
        );
    }

    #[test]
    fn reference_serialises_without_absent_fields() {
        let json = serde_json::to_string(&r(32317, None, None, "Kamerstuk 32317")).unwrap();
        assert_eq!(json, r#"{"kamerstuk":32317,"text":"Kamerstuk 32317"}"#);
        let back: Reference = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r(32317, None, None, "Kamerstuk 32317"));
    }

    #[test]
    fn no_input_panics() {
        let inputs = [
            "Kamerstuk",
            "Kamerstukken",
            "Kamerstukken II,",
            "Kamerstuk 32 317-",
            "Kamerstuk 32 317, nrs.",
            "Kamerstuk 32 317, nrs. 1 en",
            "Kamerstuk 99999999999999, nr. 99999999999",
            "Kamerstuk 2023/",
            "Kamerstuk 2023–",
            "Kamerstuk é32 317",
            "Kamerstuk 32\u{A0}317, nr. 5;",
            "Kamerstuk 32317–é",
            "kamerstukKEN 12 34€",
            "ŒKamerstuk",
        ];
        for input in inputs {
            let _ = find_references(input);
            for (i, _) in input.char_indices() {
                let _ = find_references(&input[..i]);
                let _ = find_references(&input[i..]);
            }
        }
    }

    #[test]
    fn random_citation_like_text_never_panics() {
        const PIECES: [&str; 16] = [
            "Kamerstuk",
            "ken",
            " ",
            "\n",
            "32",
            "317",
            "-",
            "–",
            ",",
            "nrs.",
            "nr",
            "en",
            "/",
            "2023",
            "é",
            "VI",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            let mut input = String::new();
            for _ in 0..12 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                input.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            let _ = find_references(&input);
        }
    }

    /// The footnotes of a report: lines starting with the next footnote number and a space,
    /// joined with the lines that continue them (not empty, not a page start, not the next
    /// footnote).
    fn footnotes(report: &str) -> Vec<(u32, String)> {
        let mut notes: Vec<(u32, String)> = Vec::new();
        let mut open = false;
        for line in report.lines() {
            let next = notes.len() as u32 + 1;
            if line.starts_with(&format!("{next} ")) {
                notes.push((next, line.trim().to_owned()));
                open = true;
            } else if open && !line.trim().is_empty() && !line.starts_with(' ') {
                if let Some((_, text)) = notes.last_mut() {
                    text.push(' ');
                    text.push_str(line.trim());
                }
            } else {
                open = false;
            }
        }
        notes
    }

    #[test]
    fn every_kamerstuk_footnote_of_the_real_report_yields_its_reference() {
        let report = include_str!("../../reports/2023-10-19-jbz-raad-verslag.txt");
        let notes = footnotes(report);
        assert_eq!(notes.len(), 6, "{notes:#?}");
        let found: Vec<(u32, Vec<Reference>)> = notes
            .iter()
            .filter(|(_, text)| text.contains("Kamerstuk"))
            .map(|(n, text)| (*n, find_references(text)))
            .collect();
        assert_eq!(
            found,
            [
                (
                    1,
                    vec![r(
                        32317,
                        Some(859),
                        Some("2023/24"),
                        "Kamerstukken II, 2023/24, 32317, nr. 859"
                    )]
                ),
                (
                    2,
                    vec![r(
                        32317,
                        Some(855),
                        Some("2023/24"),
                        "Kamerstukken II, 2023/24, 32317, nr. 855"
                    )]
                ),
                (
                    3,
                    vec![r(
                        32317,
                        Some(836),
                        Some("2022/23"),
                        "Kamerstukken 2022/2023, 32 317, nr. 836"
                    )]
                ),
                (
                    6,
                    vec![r(
                        32317,
                        Some(853),
                        Some("2022/23"),
                        "Kamerstukken II, 2022/23, 32317, nr. 853"
                    )]
                ),
            ]
        );
    }

    #[test]
    fn the_whole_real_report_has_exactly_the_footnote_references() {
        let report = include_str!("../../reports/2023-10-19-jbz-raad-verslag.txt");
        let nrs: Vec<_> = find_references(report).iter().map(|r| r.nr).collect();
        assert_eq!(nrs, [Some(859), Some(855), Some(836), Some(853)]);
    }
}
