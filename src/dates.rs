//! Dated phrases in report sentences ("najaar 2024", "1 oktober jl.", "deze maand") read into
//! ISO 8601 dates and intervals ([`When`]), resolved against the meeting the report is about.
//!
//! There is no regex: a sentence is cut into word, number and punctuation tokens that keep their
//! byte offsets, and small hand-written matchers try the Dutch date forms at each token, left to
//! right. Where a number could be a date or something else (a reference, an age, an amount), the
//! matchers leave it alone: a missed date costs less than an invented one.

use std::borrow::Cow;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::model::{Point, When};

// ---------------------------------------------------------------------------------------------

/// Whether the text itself marks the date as past (`jl.`) or coming (`a.s.`).
///
/// `afgelopen`/`vorige` and `komende`/`volgende` before a season or month (`komende zomer`) count
/// as such marks too; `deze maand` and `volgend jaar` do not, they are exact already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// No mark.
    None,
    /// `jl.` (jongstleden): the latest such date on or before the meeting's first day.
    Past,
    /// `a.s.` (aanstaande): the first such date after the meeting's last day.
    Next,
}

/// A dated phrase found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the phrase's first character in the sentence.
    pub start: usize,
    /// Byte offset just past the phrase's last character in the sentence.
    pub end: usize,
    /// The phrase as written: `&sentence[start..end]`, e.g. `najaar 2024`, `1 oktober jl.`.
    pub phrase: String,
    /// The date or interval the phrase names, resolved against the meeting.
    pub when: When,
    /// Whether the text marks the date as past or coming.
    pub marker: Marker,
}

/// Every dated phrase in a sentence, in order, resolved against the meeting's first and last day.
///
/// Phrases hold only the date words (`in maart` gives `maart`, `in het voorjaar van 2024` gives
/// `voorjaar van 2024`), plus a trailing `jl.`/`a.s.`. A year or day that the phrase lacks comes
/// from the meeting: the meeting's year, or with `jl.`/`a.s.` the latest before / next after it;
/// a season without a year is the next one not yet over at the meeting.
///
/// ```
/// use chrono::NaiveDate;
/// use jbz_track::dates::{find_dates, Marker};
///
/// let start = NaiveDate::from_ymd_opt(2023, 10, 19).unwrap();
/// let end = NaiveDate::from_ymd_opt(2023, 10, 20).unwrap();
/// let found = find_dates("De EU is op 1 oktober jl. toegetreden; EES volgt najaar 2024.", start, end);
/// assert_eq!(found[0].phrase, "1 oktober jl.");
/// assert_eq!(found[0].when.to_string(), "2023-10-01");
/// assert_eq!(found[0].marker, Marker::Past);
/// assert_eq!(found[1].when.to_string(), "2024-09/2024-11");
/// ```
pub fn find_dates(
    sentence: &str,
    meeting_start: NaiveDate,
    meeting_end: NaiveDate,
) -> Vec<DateMention> {
    if !may_hold_date(sentence) {
        return Vec::new();
    }
    let scanner = Scanner::new(sentence);
    let ctx = Ctx {
        start: meeting_start,
        end: meeting_end,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < scanner.toks.len() {
        let Some(mut raw) = scanner.match_at(i) else {
            i += 1;
            continue;
        };
        let mut marker = match raw.dir {
            Dir::Past => Marker::Past,
            Dir::Next => Marker::Next,
            Dir::Plain | Dir::Current => Marker::None,
        };
        if let Some((end, mark)) = scanner.marker_at(raw.end) {
            raw.end = end;
            marker = mark;
            raw.dir = match mark {
                Marker::Past => Dir::Past,
                Marker::Next => Dir::Next,
                Marker::None => raw.dir,
            };
        }
        let mention = raw.resolve(ctx).and_then(|when| {
            let start = scanner.toks.get(raw.start)?.start;
            let end = scanner.toks.get(raw.end.checked_sub(1)?)?.end;
            Some(DateMention {
                start,
                end,
                phrase: sentence.get(start..end)?.to_string(),
                when,
                marker,
            })
        });
        found.extend(mention);
        // A phrase that names no real day (29 februari in a common year) is skipped whole, so
        // that its month is not read again on its own.
        i = raw.end.max(i + 1);
    }
    found
}

/// Whether a sentence may hold a date, judged from its bytes: most sentences hold none, and
/// tokenising those was most of the time `find_dates` took.
///
/// Every form the matchers read holds a number or a [`is_date_word`]. Date words are ASCII, so
/// the token of one is a run of ASCII letters between non-letters, or holds the Kelvin sign `K`,
/// the one other letter that lower-cases to ASCII: a sentence with that sign is let through.
fn may_hold_date(sentence: &str) -> bool {
    let mut run_start = 0;
    for (i, b) in sentence.bytes().enumerate() {
        if b.is_ascii_alphabetic() {
            continue;
        }
        if b.is_ascii_digit() || is_date_run(sentence, run_start..i) {
            return true;
        }
        run_start = i + 1;
    }
    is_date_run(sentence, run_start..sentence.len()) || sentence.contains('\u{212A}')
}

/// Whether `sentence[run]`, a run of ASCII letters, is a date word in any case.
fn is_date_run(sentence: &str, run: Range<usize>) -> bool {
    // From `jan` to `september`: most runs are too short or too long to be date words.
    (3..=9).contains(&run.len())
        && sentence
            .get(run)
            .is_some_and(|w| is_date_word(&lower_case(w)))
}

/// Whether a lower-case word is a month, a season, `maand`, `kwartaal` or `jaar`: each date form
/// without a number holds one (`eerste helft` needs a year, `eind deze maand` its `maand`).
/// A new form without a number and without any of these must add its word here.
fn is_date_word(w: &str) -> bool {
    matches!(w, "maand" | "kwartaal" | "jaar")
        || month_number(w).is_some()
        || season_months(w).is_some()
}

/// Dutch month name or abbreviation → 1..=12 ("januari", "jan.", "sept.", "sep", "okt.",
/// "oktober", case-insensitive, "December" too).
pub fn dutch_month(word: &str) -> Option<u32> {
    month_number(&lower_case(word.trim().trim_end_matches('.')))
}

/// [`dutch_month`] of a word that is lower case already, such as a token's.
fn month_number(w: &str) -> Option<u32> {
    Some(match w {
        "januari" | "jan" => 1,
        "februari" | "feb" | "febr" => 2,
        "maart" | "mrt" | "mar" => 3,
        "april" | "apr" => 4,
        "mei" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "augustus" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "okt" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// The Dutch month names, January first, as the reports write them.
pub const MONTH_NAMES: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// Whether a lower-case word is a month's full name; abbreviations (`jan`, also a first name)
/// are only read as months next to a day or a year.
fn is_full_month_name(w: &str) -> bool {
    MONTH_NAMES.contains(&w)
}

/// The meeting days from a report's title line(s), e.g. "19 -20 oktober 2023" → (2023-10-19,
/// 2023-10-20).
///
/// `text` is the title text joined with spaces; other words around the date are ignored
/// ("Verslag van de Raad Justitie en Binnenlandse Zaken, 19 -20 oktober 2023", "… 11 en 12
/// oktober 2018 te Luxemburg"). The first day phrase counts; `fallback_year` is used when it has no
/// year ("12 en 13 December"). A meeting across two months may be joined by a dash or by `en`
/// ("30 november en 1 december 2023").
pub fn meeting_days(text: &str, fallback_year: Option<i32>) -> Option<(NaiveDate, NaiveDate)> {
    let scanner = Scanner::new(text);
    (0..scanner.toks.len()).find_map(|i| {
        let raw = scanner.days(i, i, true)?;
        let when = match raw.what {
            What::Fixed(w) => w,
            What::Shaped {
                shape,
                year: Some(YearRef::Abs(y)),
                ..
            } => shape.at(y)?,
            What::Shaped {
                shape, year: None, ..
            } => shape.at(fallback_year?)?,
            _ => return None,
        };
        Some((when.first_day(), when.last_day()))
    })
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Kind<'a> {
    /// A run of letters, lower-cased.
    Word(Cow<'a, str>),
    /// A run of ASCII digits; `value` saturates on absurdly long runs.
    Num { value: u32, digits: usize },
    /// Any other single non-space character.
    Punct(char),
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    start: usize,
    end: usize,
    /// No whitespace between this token and the one before it.
    glued: bool,
    kind: Kind<'a>,
}

/// The word lower-cased a character at a time. Most words are lower case already: borrowing
/// those instead of copying each into a new `String` halves the time tokenising takes.
fn lower_case(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.chars().flat_map(char::to_lowercase).collect())
    }
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut prev_end = None;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphabetic() {
            // Combining accents (a decomposed "é") stay inside their word.
            while let Some(&(at, next)) = chars.peek() {
                if !(next.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&next)) {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            Kind::Word(lower_case(&text[start..end]))
        } else if let Some(first) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            let (mut value, mut digits) = (first, 1);
            while let Some(&(at, next)) = chars.peek() {
                let Some(digit) = next.to_digit(10).filter(|_| next.is_ascii_digit()) else {
                    break;
                };
                value = value.saturating_mul(10).saturating_add(digit);
                digits += 1;
                end = at + 1;
                chars.next();
            }
            Kind::Num { value, digits }
        } else {
            Kind::Punct(c)
        };
        toks.push(Tok {
            start,
            end,
            glued: prev_end == Some(start),
            kind,
        });
        prev_end = Some(end);
    }
    toks
}

// ---------------------------------------------------------------------------------------------
// What a matcher finds, before the meeting is known
// ---------------------------------------------------------------------------------------------

/// The span of a calendar form within one year, to be placed in a year later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Year,
    /// Months `from..=to`; `to < from` runs into the next year (winter).
    Months {
        from: u32,
        to: u32,
    },
    /// Days (month, day) `from..=to`; `to < from` runs into the next year.
    Days {
        from: (u32, u32),
        to: (u32, u32),
    },
}

impl Shape {
    /// The form placed in year `y` (the year it starts in), if those days exist.
    fn at(self, y: i32) -> Option<When> {
        match self {
            Shape::Year => Some(When::point(Point::Year(y))),
            Shape::Months { from, to } => {
                if !(1..=12).contains(&from) || !(1..=12).contains(&to) {
                    return None;
                }
                let end_year = if to < from { y.checked_add(1)? } else { y };
                Some(When {
                    start: Point::Month(y, from),
                    end: Point::Month(end_year, to),
                })
            }
            Shape::Days { from, to } => {
                let start = NaiveDate::from_ymd_opt(y, from.0, from.1)?;
                let end_year = if to < from { y.checked_add(1)? } else { y };
                let end = NaiveDate::from_ymd_opt(end_year, to.0, to.1)?;
                Some(When {
                    start: Point::Day(start),
                    end: Point::Day(end),
                })
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearRef {
    /// `2024`.
    Abs(i32),
    /// `dit jaar` (0), `volgend jaar` (+1), `vorig jaar` (-1).
    Rel(i32),
}

/// How a form without a year and without `jl.`/`a.s.` finds its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Policy {
    /// The meeting's year (`in maart`, `op 5 december`, `het derde kwartaal`).
    MeetingYear,
    /// The first one not yet over when the meeting starts (`het najaar`, `in de winter`).
    NotYetPassed,
}

/// The direction the text points in, from `jl.`/`a.s.` or a word before the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Plain,
    /// `jl.`, `afgelopen`, `vorige`.
    Past,
    /// `a.s.`, `komende`, `volgende`.
    Next,
    /// `deze`/`dit` before a season: the one the meeting falls in.
    Current,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    Fixed(When),
    Shaped {
        shape: Shape,
        year: Option<YearRef>,
        policy: Policy,
    },
    /// Months from the meeting's month (`deze maand` is 0).
    RelMonth(i32),
    /// Quarters from the meeting's quarter (`dit kwartaal` is 0).
    RelQuarter(i32),
}

/// A matched form: tokens `start..end` (exclusive) and what they say.
#[derive(Debug, Clone, Copy)]
struct Raw {
    start: usize,
    end: usize,
    what: What,
    dir: Dir,
}

#[derive(Debug, Clone, Copy)]
struct Ctx {
    start: NaiveDate,
    end: NaiveDate,
}

impl Raw {
    fn shaped(
        start: usize,
        end: usize,
        shape: Shape,
        year: Option<YearRef>,
        policy: Policy,
    ) -> Raw {
        Raw {
            start,
            end,
            what: What::Shaped {
                shape,
                year,
                policy,
            },
            dir: Dir::Plain,
        }
    }

    fn resolve(&self, ctx: Ctx) -> Option<When> {
        let my = ctx.start.year();
        match self.what {
            What::Fixed(w) => Some(w),
            What::RelMonth(n) => {
                let idx = i64::from(my) * 12 + i64::from(ctx.start.month0()) + i64::from(n);
                let y = i32::try_from(idx.div_euclid(12)).ok()?;
                let m = u32::try_from(idx.rem_euclid(12)).ok()? + 1;
                Some(When::point(Point::Month(y, m)))
            }
            What::RelQuarter(n) => {
                let idx = i64::from(my) * 4 + i64::from(ctx.start.month0() / 3) + i64::from(n);
                let y = i32::try_from(idx.div_euclid(4)).ok()?;
                let q = u32::try_from(idx.rem_euclid(4)).ok()?;
                Shape::Months {
                    from: q * 3 + 1,
                    to: q * 3 + 3,
                }
                .at(y)
            }
            What::Shaped {
                shape,
                year,
                policy,
            } => match year {
                Some(YearRef::Abs(y)) => shape.at(y),
                Some(YearRef::Rel(n)) => shape.at(my.checked_add(n)?),
                // Eight years back or ahead is enough to find a 29 February.
                None => match self.dir {
                    Dir::Past => (my - 8..=my + 1)
                        .rev()
                        .filter_map(|y| shape.at(y))
                        .find(|w| w.first_day() <= ctx.start),
                    Dir::Next => (my - 1..=my + 8)
                        .filter_map(|y| shape.at(y))
                        .find(|w| w.first_day() > ctx.end),
                    Dir::Current => (my - 1..=my)
                        .filter_map(|y| shape.at(y))
                        .find(|w| w.first_day() <= ctx.start && ctx.start <= w.last_day())
                        .or_else(|| shape.at(my)),
                    Dir::Plain => match policy {
                        Policy::MeetingYear => shape.at(my),
                        Policy::NotYetPassed => (my - 1..=my + 1)
                            .filter_map(|y| shape.at(y))
                            .find(|w| w.last_day() >= ctx.start),
                    },
                },
            },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The matchers
// ---------------------------------------------------------------------------------------------

/// Words before a bare year that make it read as a date (`in 2024`, `uiterlijk 2025`).
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "voor",
    "vóór",
    "na",
    "tot",
    "sinds",
    "vanaf",
    "per",
    "uiterlijk",
    "eind",
    "einde",
    "begin",
    "medio",
    "rond",
    "rondom",
    "omstreeks",
    "tegen",
    "jaar",
    "halverwege",
];

/// Words before a number that make it a reference, a count or an amount, never a year.
const NOT_BEFORE_YEAR: &[&str] = &[
    "nr",
    "nrs",
    "nummer",
    "nummers",
    "artikel",
    "art",
    "lid",
    "kamerstuk",
    "kamerstukken",
    "handelingen",
    "staatsblad",
    "stb",
    "stcrt",
    "staatscourant",
    "bijlage",
    "ii",
    "i",
    "ca",
    "circa",
    "ongeveer",
    "bijna",
    "ruim",
    "zo",
    "dan",
    "totaal",
    "aantal",
    "pagina",
    "blz",
    "p",
    "pp",
    "euro",
    "eur",
    "miljoen",
    "miljard",
];

/// Words after a number that make it a count or an amount (`tot 2000 euro`).
const UNIT_WORDS: &[&str] = &[
    "euro",
    "eur",
    "dollar",
    "duizend",
    "miljoen",
    "miljard",
    "procent",
    "mensen",
    "personen",
    "migranten",
    "asielzoekers",
    "vluchtelingen",
    "kinderen",
    "slachtoffers",
    "zaken",
    "gevallen",
    "aanvragen",
    "plaatsen",
    "medewerkers",
    "agenten",
    "leden",
    "fte",
    "bedden",
    "km",
    "kilometer",
    "meter",
    "kilo",
    "kg",
    "ton",
    "uur",
    "dagen",
    "keer",
];

const DASHES: &[char] = &['-', '–', '—'];

fn season_months(word: &str) -> Option<(u32, u32)> {
    match word {
        "voorjaar" | "lente" => Some((3, 5)),
        "zomer" => Some((6, 8)),
        "najaar" | "herfst" => Some((9, 11)),
        "winter" => Some((12, 2)),
        _ => None,
    }
}

struct Scanner<'a> {
    toks: Vec<Tok<'a>>,
}

/// One day group: `11-12 oktober 2023` has days 11..=12 of month 10 in 2023.
#[derive(Debug, Clone, Copy)]
struct DayAtom {
    end: usize,
    first: u32,
    last: u32,
    month: u32,
    year: Option<i32>,
}

/// One month: `oktober`, `okt. 2023`.
#[derive(Debug, Clone, Copy)]
struct MonthAtom {
    end: usize,
    month: u32,
    year: Option<i32>,
}

/// Fills in a missing year of a range from the other end: `30 december – 2 januari 2025` starts
/// in 2024. `wraps` says the end's month/day comes before the start's.
fn fill_years(a: Option<i32>, b: Option<i32>, wraps: bool) -> (Option<i32>, Option<i32>) {
    let step = i32::from(wraps);
    match (a, b) {
        (None, Some(y)) => (y.checked_sub(step), Some(y)),
        (Some(y), None) => (Some(y), y.checked_add(step)),
        other => other,
    }
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Scanner<'a> {
        Scanner {
            toks: tokenize(text),
        }
    }

    fn kind(&self, i: usize) -> Option<&Kind<'a>> {
        self.toks.get(i).map(|t| &t.kind)
    }

    fn word(&self, i: usize) -> Option<&str> {
        match self.kind(i)? {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        match *self.kind(i)? {
            Kind::Num { value, digits } => Some((value, digits)),
            _ => None,
        }
    }

    fn is_punct(&self, i: usize, set: &[char]) -> bool {
        matches!(self.kind(i), Some(Kind::Punct(c)) if set.contains(c))
    }

    /// Token `i` exists and follows token `i - 1` without a space.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// The number at `i` is not one part of `1.250.000`, `2023/24` or `2,5`.
    fn standalone(&self, i: usize) -> bool {
        const JOIN: &[char] = &['.', ',', '/', ':'];
        let before = i >= 2
            && self.glued(i)
            && self.is_punct(i - 1, JOIN)
            && self.glued(i - 1)
            && self.num(i - 2).is_some();
        let after = self.glued(i + 1)
            && self.is_punct(i + 1, JOIN)
            && self.glued(i + 2)
            && self.num(i + 2).is_some();
        !before && !after
    }

    /// The number at `i` is not glued to letters (`CELAC4`, `Q3`, `3e`).
    fn free_of_letters(&self, i: usize) -> bool {
        let before = i >= 1 && self.glued(i) && self.word(i - 1).is_some();
        let after = self.glued(i + 1) && self.word(i + 1).is_some();
        !before && !after
    }

    fn day_at(&self, i: usize) -> Option<u32> {
        let (value, digits) = self.num(i)?;
        (digits <= 2 && (1..=31).contains(&value) && self.standalone(i) && self.free_of_letters(i))
            .then_some(value)
    }

    /// A four-digit year in 1990..=2100 that is not part of a reference (`2023/24`) or a range
    /// of years (`2016–17`, `2021-2027`).
    fn year_at(&self, i: usize) -> Option<i32> {
        let (value, digits) = self.num(i)?;
        if digits != 4 || !(1990..=2100).contains(&value) {
            return None;
        }
        if !self.standalone(i) || !self.free_of_letters(i) {
            return None;
        }
        let range_after = self.glued(i + 1)
            && self.is_punct(i + 1, DASHES)
            && self.glued(i + 2)
            && self.num(i + 2).is_some();
        let range_before = i >= 2
            && self.glued(i)
            && self.is_punct(i - 1, DASHES)
            && self.glued(i - 1)
            && self.num(i - 2).is_some();
        if range_after || range_before {
            return None;
        }
        i32::try_from(value).ok()
    }

    /// A four-digit number right after a form without a year: the form's year is there but
    /// unreadable (`winter 2024/2025`, `oktober 2023/24`), so the form is not trusted.
    fn unreadable_year_follows(&self, j: usize) -> bool {
        matches!(self.num(j), Some((_, 4)))
    }

    /// `maart-pakket`: the date word is the first half of a compound, not a date.
    fn compound_after(&self, j: usize) -> bool {
        self.glued(j) && self.is_punct(j, &['-']) && self.glued(j + 1) && self.word(j + 1).is_some()
    }

    /// `jl.`, `j.l.`, `jongstleden`, `a.s.`, `aanstaande` at `j`: the token after it and the mark.
    fn marker_at(&self, j: usize) -> Option<(usize, Marker)> {
        let dot = |k: usize| self.glued(k) && self.is_punct(k, &['.']);
        let with_dot = |k: usize| if dot(k) { k + 1 } else { k };
        match self.word(j)? {
            "jl" => Some((with_dot(j + 1), Marker::Past)),
            "jongstleden" => Some((j + 1, Marker::Past)),
            "aanstaande" => Some((j + 1, Marker::Next)),
            "j" if dot(j + 1) && self.glued(j + 2) && self.is_word(j + 2, "l") => {
                Some((with_dot(j + 3), Marker::Past))
            }
            "a" if dot(j + 1) && self.glued(j + 2) && self.is_word(j + 2, "s") => {
                Some((with_dot(j + 3), Marker::Next))
            }
            _ => None,
        }
    }

    /// A year expression at `j`: `2024`, `van 2024`, `dit jaar`, `volgend jaar`, `van het jaar`.
    fn year_expr_at(&self, j: usize) -> Option<(usize, YearRef)> {
        let van = self.is_word(j, "van");
        let k = if van { j + 1 } else { j };
        if let Some(y) = self.year_at(k) {
            return Some((k + 1, YearRef::Abs(y)));
        }
        let het = van && self.is_word(k, "het");
        let k = if het { k + 1 } else { k };
        if het && self.is_word(k, "jaar") {
            return Some((k + 1, YearRef::Rel(0)));
        }
        let offset = match self.word(k)? {
            "dit" => 0,
            "volgend" | "volgende" | "komend" | "komende" => 1,
            "vorig" | "vorige" => -1,
            _ => return None,
        };
        self.is_word(k + 1, "jaar")
            .then_some((k + 2, YearRef::Rel(offset)))
    }

    /// A separator between the two ends of a range: dash, `t/m`, `tot en met`, `tot`, and `en`
    /// where allowed. Returns the token after it.
    fn range_sep(&self, j: usize, allow_en: bool) -> Option<usize> {
        if self.is_punct(j, DASHES) {
            return Some(j + 1);
        }
        match self.word(j)? {
            "t" if self.is_punct(j + 1, &['/']) && self.is_word(j + 2, "m") => Some(j + 3),
            "tot" if self.is_word(j + 1, "en") && self.is_word(j + 2, "met") => Some(j + 3),
            "tot" => Some(j + 1),
            "en" if allow_en => Some(j + 1),
            _ => None,
        }
    }

    /// A month word at `i`; an abbreviation takes its dot along. Returns (month, next token,
    /// whether it was a full name).
    fn month_word_at(&self, i: usize) -> Option<(u32, usize, bool)> {
        let w = self.word(i)?;
        let month = month_number(w)?;
        let full = is_full_month_name(w);
        let end = if !full && self.glued(i + 1) && self.is_punct(i + 1, &['.']) {
            i + 2
        } else {
            i + 1
        };
        Some((month, end, full))
    }

    /// `11-12 oktober`, `24, 25 en 26 januari 2024`, `13 14 oktober 2025`, `19 -20 oktober 2023`.
    fn day_atom(&self, i: usize) -> Option<DayAtom> {
        let first = self.day_at(i)?;
        let (mut last, mut j) = (first, i + 1);
        loop {
            let next = if self.num(j).is_some() && !self.glued(j) {
                // `13 14 oktober`: no joiner at all.
                Some(j)
            } else if self.is_punct(j, &[',']) || self.is_word(j, "en") {
                Some(j + 1)
            } else {
                self.range_sep(j, false)
            };
            match next.and_then(|k| Some((k, self.day_at(k)?))) {
                Some((k, day)) if day > last => {
                    last = day;
                    j = k + 1;
                }
                _ => break,
            }
        }
        let (month, mut end, _) = self.month_word_at(j)?;
        // A day the month lacks (`31 februari`) still makes an atom: resolving it fails, and
        // `find_dates` then skips the whole phrase instead of reading `februari` alone.
        let year = self.year_at(end);
        if year.is_some() {
            end += 1;
        }
        Some(DayAtom {
            end,
            first,
            last,
            month,
            year,
        })
    }

    /// A day phrase: one day group, or a range of two (`30 september – 2 oktober 2024`).
    fn days(&self, i: usize, start: usize, allow_en: bool) -> Option<Raw> {
        let a = self.day_atom(i)?;
        if let Some(b) = self
            .range_sep(a.end, allow_en)
            .and_then(|k| self.day_atom(k))
        {
            if let Some(raw) = combine_days(start, &a, &b) {
                return Some(raw);
            }
        }
        if a.year.is_none() && self.unreadable_year_follows(a.end) {
            return None;
        }
        let shape = Shape::Days {
            from: (a.month, a.first),
            to: (a.month, a.last),
        };
        Some(Raw::shaped(
            start,
            a.end,
            shape,
            a.year.map(YearRef::Abs),
            Policy::MeetingYear,
        ))
    }

    /// `19-10-2023`, `19/10/2023`.
    fn numeric_date(&self, i: usize) -> Option<Raw> {
        let (d, dd) = self.num(i)?;
        let sep = match self.kind(i + 1)? {
            Kind::Punct(c @ ('-' | '/')) => *c,
            _ => return None,
        };
        let (m, md) = self.num(i + 2)?;
        let glued = (i + 1..=i + 4).all(|k| self.glued(k));
        if dd > 2 || md > 2 || !glued || !self.is_punct(i + 3, &[sep]) {
            return None;
        }
        if i >= 1 && self.glued(i) && !self.is_punct(i - 1, &['(']) {
            return None;
        }
        let (y, yd) = self.num(i + 4)?;
        let trailing = self.glued(i + 5) && !self.is_punct(i + 5, &['.', ',', ';', ':', ')']);
        if yd != 4 || !(1990..=2100).contains(&y) || trailing {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
        Some(Raw {
            start: i,
            end: i + 5,
            what: What::Fixed(When::point(Point::Day(date))),
            dir: Dir::Plain,
        })
    }

    /// A month atom: a full month name, or an abbreviation with a year (`okt. 2023`).
    fn month_atom(&self, i: usize) -> Option<MonthAtom> {
        let (month, end, full) = self.month_word_at(i)?;
        let year = self.year_at(end);
        if !full && year.is_none() {
            return None;
        }
        Some(MonthAtom {
            end: if year.is_some() { end + 1 } else { end },
            month,
            year,
        })
    }

    /// `oktober 2023`, `maart`, `september–november 2024`.
    fn months(&self, i: usize, start: usize, dir: Dir) -> Option<Raw> {
        let a = self.month_atom(i)?;
        if let Some(b) = self
            .range_sep(a.end, false)
            .and_then(|k| self.month_atom(k))
        {
            if let Some(mut raw) = combine_months(start, &a, &b) {
                raw.dir = dir;
                return Some(raw);
            }
        }
        if a.year.is_none() && self.unreadable_year_follows(a.end) {
            return None;
        }
        let shape = Shape::Months {
            from: a.month,
            to: a.month,
        };
        let mut raw = Raw::shaped(
            start,
            a.end,
            shape,
            a.year.map(YearRef::Abs),
            Policy::MeetingYear,
        );
        raw.dir = dir;
        Some(raw)
    }

    /// `najaar 2024`, `voorjaar van 2025`, `zomer`, `winter volgend jaar`.
    fn season(&self, i: usize, start: usize, dir: Dir) -> Option<Raw> {
        let (from, to) = season_months(self.word(i)?)?;
        let year = self.year_expr_at(i + 1);
        if year.is_none() && self.unreadable_year_follows(i + 1) {
            return None;
        }
        let end = year.map_or(i + 1, |(end, _)| end);
        let mut raw = Raw::shaped(
            start,
            end,
            Shape::Months { from, to },
            year.map(|(_, y)| y),
            Policy::NotYetPassed,
        );
        raw.dir = dir;
        Some(raw)
    }

    /// `deze maand`, `volgend jaar`, `dit kwartaal`, `komende zomer`, `afgelopen maart`.
    fn relative_or_modified(&self, i: usize) -> Option<Raw> {
        #[derive(PartialEq)]
        enum Mod {
            This,
            Prev,
            Next,
            Past,
        }
        let m = match self.word(i)? {
            "deze" | "dit" => Mod::This,
            "vorige" | "vorig" => Mod::Prev,
            "volgende" | "volgend" | "komende" | "komend" | "aankomende" | "aanstaande" => {
                Mod::Next
            }
            // `de afgelopen maand` is the last thirty days as often as the previous month.
            "afgelopen" => Mod::Past,
            _ => return None,
        };
        let offset = match m {
            Mod::This => Some(0),
            Mod::Prev => Some(-1),
            Mod::Next => Some(1),
            Mod::Past => None,
        };
        let noun = self.word(i + 1)?;
        let relative = |what: What| Raw {
            start: i,
            end: i + 2,
            what,
            dir: Dir::Plain,
        };
        match noun {
            "maand" => Some(relative(What::RelMonth(offset?))),
            "kwartaal" => Some(relative(What::RelQuarter(offset?))),
            "jaar" => Some(Raw::shaped(
                i,
                i + 2,
                Shape::Year,
                Some(YearRef::Rel(offset?)),
                Policy::MeetingYear,
            )),
            _ => {
                let dir = match m {
                    Mod::This => Dir::Current,
                    Mod::Prev | Mod::Past => Dir::Past,
                    Mod::Next => Dir::Next,
                };
                if season_months(noun).is_some() {
                    self.season(i + 1, i, dir)
                } else if m != Mod::This && is_full_month_name(noun) {
                    self.months(i + 1, i, dir)
                } else {
                    None
                }
            }
        }
    }

    /// `begin 2024`, `medio 2024`, `eind van 2024`, `einde 2024`, `eind-2024`, `eind dit jaar`,
    /// `eind van het jaar`, `eind oktober 2023` (the month), `eind deze maand`.
    fn part_of_year(&self, i: usize) -> Option<Raw> {
        let (from, to) = match self.word(i)? {
            "begin" => (1, 3),
            "medio" | "halverwege" | "midden" => (5, 7),
            "eind" | "einde" => (10, 12),
            _ => return None,
        };
        let mut j = i + 1;
        if self.glued(j) && self.is_punct(j, &['-']) && self.glued(j + 1) {
            j += 1;
        }
        if let Some((end, year)) = self.year_expr_at(j) {
            return Some(Raw::shaped(
                i,
                end,
                Shape::Months { from, to },
                Some(year),
                Policy::MeetingYear,
            ));
        }
        let van = self.is_word(j, "van");
        let k = if van { j + 1 } else { j };
        if let Some(a) = self.month_atom(k) {
            if a.year.is_none() && self.unreadable_year_follows(a.end) {
                return None;
            }
            let shape = Shape::Months {
                from: a.month,
                to: a.month,
            };
            return Some(Raw::shaped(
                i,
                a.end,
                shape,
                a.year.map(YearRef::Abs),
                Policy::MeetingYear,
            ));
        }
        if !self.is_word(k + 1, "maand") {
            return None;
        }
        let offset = match self.word(k)? {
            "deze" | "dit" => 0,
            "de" if van => 0,
            "volgende" | "volgend" | "komende" | "komend" | "aankomende" | "aanstaande" => 1,
            "vorige" | "vorig" => -1,
            _ => return None,
        };
        Some(Raw {
            start: i,
            end: k + 2,
            what: What::RelMonth(offset),
            dir: Dir::Plain,
        })
    }

    /// `eerste helft van 2024`, `tweede jaarhelft 2025`, `derde kwartaal (van) 2024`,
    /// `3e kwartaal`, `het laatste kwartaal`. Halves need a year; quarters without one are in the
    /// meeting's year.
    fn ordinal_part(&self, i: usize) -> Option<Raw> {
        let (ordinal, j) = match self.kind(i)? {
            Kind::Word(w) => {
                let n = match w.as_ref() {
                    "eerste" => 1,
                    "tweede" => 2,
                    "derde" => 3,
                    "vierde" => 4,
                    "laatste" => 0,
                    _ => return None,
                };
                (n, i + 1)
            }
            Kind::Num { value, digits: 1 }
                if self.glued(i + 1)
                    && matches!(self.word(i + 1), Some("e" | "ste" | "de"))
                    && !(i >= 1 && self.glued(i)) =>
            {
                (*value, i + 2)
            }
            _ => return None,
        };
        let (from, to, year) = match self.word(j)? {
            "helft" | "jaarhelft" => {
                let (from, to) = match ordinal {
                    1 => (1, 6),
                    2 | 0 => (7, 12),
                    _ => return None,
                };
                (from, to, Some(self.year_expr_at(j + 1)?))
            }
            "kwartaal" => {
                let q = match ordinal {
                    0 => 4,
                    1..=4 => ordinal,
                    _ => return None,
                };
                (q * 3 - 2, q * 3, self.year_expr_at(j + 1))
            }
            _ => return None,
        };
        if year.is_none() && self.unreadable_year_follows(j + 1) {
            return None;
        }
        let end = year.map_or(j + 1, |(end, _)| end);
        Some(Raw::shaped(
            i,
            end,
            Shape::Months { from, to },
            year.map(|(_, y)| y),
            Policy::MeetingYear,
        ))
    }

    /// `Q3 2024`, `Q1 van volgend jaar`: only with a year, since a lone `Q3` can be anything.
    fn quarter_q(&self, i: usize) -> Option<Raw> {
        if !self.is_word(i, "q") || !self.glued(i + 1) {
            return None;
        }
        let (q, 1) = self.num(i + 1)? else {
            return None;
        };
        let glued_after =
            self.glued(i + 2) && (self.word(i + 2).is_some() || self.num(i + 2).is_some());
        if !(1..=4).contains(&q) || glued_after {
            return None;
        }
        let (end, year) = self.year_expr_at(i + 2)?;
        Some(Raw::shaped(
            i,
            end,
            Shape::Months {
                from: q * 3 - 2,
                to: q * 3,
            },
            Some(year),
            Policy::MeetingYear,
        ))
    }

    /// A bare year, only where it reads as a date: after `in`, `voor`, `tot`, `sinds`, … and not
    /// before a unit (`tot 2000 euro`), or closing a clause after an ordinary word
    /// (`de richtlijn van 2019.`). References (`2023/24`, `nr. 2024`) never qualify.
    fn bare_year(&self, i: usize) -> Option<Raw> {
        let y = self.year_at(i)?;
        let prev = i.checked_sub(1).and_then(|p| self.word(p));
        let after_loop_van = prev == Some("van") && i >= 2 && self.is_word(i - 2, "loop");
        let after_preposition =
            prev.is_some_and(|w| YEAR_PREPOSITIONS.contains(&w)) || after_loop_van;
        let reads_as_date = if after_preposition {
            match self.kind(i + 1) {
                None => true,
                Some(Kind::Num { .. }) => false,
                Some(Kind::Word(w)) => !UNIT_WORDS.contains(&w.as_ref()),
                Some(Kind::Punct(c)) => !matches!(c, '%' | '€' | '/'),
            }
        } else {
            let ordinary_word = prev.is_some_and(|w| !NOT_BEFORE_YEAR.contains(&w));
            let closes_clause = match self.kind(i + 1) {
                None => true,
                Some(Kind::Punct(',')) => self.num(i + 2).is_none(),
                Some(Kind::Punct(c)) => matches!(c, '.' | ';' | ':' | ')' | '!' | '?'),
                Some(_) => false,
            };
            ordinary_word && closes_clause
        };
        reads_as_date.then(|| {
            Raw::shaped(
                i,
                i + 1,
                Shape::Year,
                Some(YearRef::Abs(y)),
                Policy::MeetingYear,
            )
        })
    }

    /// The longest date form starting at token `i`, if any.
    fn match_at(&self, i: usize) -> Option<Raw> {
        self.relative_or_modified(i)
            .or_else(|| self.part_of_year(i))
            .or_else(|| self.ordinal_part(i))
            .or_else(|| self.quarter_q(i))
            .or_else(|| self.season(i, i, Dir::Plain))
            .or_else(|| self.numeric_date(i))
            .or_else(|| self.days(i, i, false))
            .or_else(|| self.months(i, i, Dir::Plain))
            .or_else(|| self.bare_year(i))
            .filter(|raw| !self.compound_after(raw.end))
    }
}

/// Two day groups as one range; `None` when they do not make one (reversed, or the same day).
fn combine_days(start: usize, a: &DayAtom, b: &DayAtom) -> Option<Raw> {
    let from = (a.month, a.first);
    let to = (b.month, b.last);
    if from == to {
        return None;
    }
    match fill_years(a.year, b.year, to < from) {
        (Some(ya), Some(yb)) => {
            let first = NaiveDate::from_ymd_opt(ya, from.0, from.1)?;
            let last = NaiveDate::from_ymd_opt(yb, to.0, to.1)?;
            (first < last).then_some(Raw {
                start,
                end: b.end,
                what: What::Fixed(When {
                    start: Point::Day(first),
                    end: Point::Day(last),
                }),
                dir: Dir::Plain,
            })
        }
        _ => Some(Raw::shaped(
            start,
            b.end,
            Shape::Days { from, to },
            None,
            Policy::MeetingYear,
        )),
    }
}

/// Two months as one range; `None` when they do not make one.
fn combine_months(start: usize, a: &MonthAtom, b: &MonthAtom) -> Option<Raw> {
    if a.month == b.month && a.year == b.year {
        return None;
    }
    match fill_years(a.year, b.year, b.month < a.month) {
        (Some(ya), Some(yb)) => {
            let when = When {
                start: Point::Month(ya, a.month),
                end: Point::Month(yb, b.month),
            };
            (when.first_day() < when.last_day() && (ya, a.month) < (yb, b.month)).then_some(Raw {
                start,
                end: b.end,
                what: What::Fixed(when),
                dir: Dir::Plain,
            })
        }
        _ => Some(Raw::shaped(
            start,
            b.end,
            Shape::Months {
                from: a.month,
                to: b.month,
            },
            None,
            Policy::MeetingYear,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::when::{days_in_month, ParseWhenError};
    use serde::{Deserialize, Serialize};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    /// The meeting of the real report: 19 and 20 October 2023.
    fn oct_2023() -> (NaiveDate, NaiveDate) {
        (day(2023, 10, 19), day(2023, 10, 20))
    }

    fn found_in(s: &str, meeting: (NaiveDate, NaiveDate)) -> Vec<(String, String, Marker)> {
        find_dates(s, meeting.0, meeting.1)
            .into_iter()
            .map(|m| (m.phrase, m.when.to_string(), m.marker))
            .collect()
    }

    fn found(s: &str) -> Vec<(String, String, Marker)> {
        found_in(s, oct_2023())
    }

    /// The one mention in `s` as (phrase, when).
    fn one(s: &str) -> (String, String) {
        let all = found(s);
        assert_eq!(all.len(), 1, "expected one date in {s:?}, found {all:?}");
        let (phrase, when, _) = all.into_iter().next().expect("one");
        (phrase, when)
    }

    fn when_of(s: &str) -> String {
        one(s).1
    }

    fn assert_none(s: &str) {
        assert_eq!(found(s), vec![], "expected no date in {s:?}");
    }

    // --- days -------------------------------------------------------------------------------

    #[test]
    fn day_month_year_is_a_day() {
        assert_eq!(
            one("op 19 oktober 2023"),
            ("19 oktober 2023".into(), "2023-10-19".into())
        );
    }

    #[test]
    fn jl_day_is_latest_on_or_before_meeting_start() {
        let all = found("De EU is op 1 oktober jl. toegetreden tot de Conventie van Istanbul.");
        assert_eq!(
            all,
            vec![("1 oktober jl.".into(), "2023-10-01".into(), Marker::Past)]
        );
        assert_eq!(when_of("op 5 december jl."), "2022-12-05");
        assert_eq!(when_of("op 19 oktober jl."), "2023-10-19");
    }

    #[test]
    fn as_day_is_first_after_meeting_end() {
        let all = found("op 5 december a.s. volgt een besluit");
        assert_eq!(
            all,
            vec![("5 december a.s.".into(), "2023-12-05".into(), Marker::Next)]
        );
        assert_eq!(when_of("op 1 oktober a.s."), "2024-10-01");
        assert_eq!(when_of("op 20 oktober aanstaande"), "2024-10-20");
    }

    #[test]
    fn day_without_year_or_marker_takes_meeting_year() {
        assert_eq!(
            one("op 5 december"),
            ("5 december".into(), "2023-12-05".into())
        );
        assert_eq!(when_of("op 12 januari"), "2023-01-12");
    }

    #[test]
    fn spelled_out_and_dotted_jl_forms_are_past() {
        assert_eq!(found("op 3 juli j.l. besloten")[0].2, Marker::Past);
        assert_eq!(found("op 3 juli jongstleden besloten")[0].1, "2023-07-03");
    }

    #[test]
    fn dash_range_with_jl() {
        let s = "een donor conferentie voor ontmijning die op 11-12 oktober jl. in Kroatië werd gehouden.";
        assert_eq!(
            found(s),
            vec![(
                "11-12 oktober jl.".into(),
                "2023-10-11/2023-10-12".into(),
                Marker::Past
            )]
        );
    }

    #[test]
    fn two_days_joined_by_en() {
        let s =
            "het Ministeriële Forum tussen de EU en Westelijke Balkan van 26 en 27 oktober 2023.";
        assert_eq!(
            one(s),
            (
                "26 en 27 oktober 2023".into(),
                "2023-10-26/2023-10-27".into()
            )
        );
    }

    #[test]
    fn en_dash_range_without_year() {
        assert_eq!(
            one("van 14–16 juli"),
            ("14–16 juli".into(), "2023-07-14/2023-07-16".into())
        );
    }

    #[test]
    fn dash_range_with_year() {
        assert_eq!(when_of("op 8-9 december 2025"), "2025-12-08/2025-12-09");
    }

    #[test]
    fn space_before_dash_range() {
        assert_eq!(
            one("Raad, 19 -20 oktober 2023"),
            ("19 -20 oktober 2023".into(), "2023-10-19/2023-10-20".into())
        );
    }

    #[test]
    fn three_days_listed() {
        assert_eq!(
            one("op 24, 25 en 26 januari 2024"),
            (
                "24, 25 en 26 januari 2024".into(),
                "2024-01-24/2024-01-26".into()
            )
        );
    }

    #[test]
    fn two_days_without_joiner() {
        assert_eq!(when_of("13 14 oktober 2025"), "2025-10-13/2025-10-14");
    }

    #[test]
    fn days_with_tm_and_tot_en_met() {
        assert_eq!(when_of("van 1 t/m 3 maart 2024"), "2024-03-01/2024-03-03");
        assert_eq!(
            when_of("van 1 tot en met 3 maart 2024"),
            "2024-03-01/2024-03-03"
        );
    }

    #[test]
    fn range_across_months_and_years() {
        assert_eq!(
            one("van 30 september – 2 oktober 2024"),
            (
                "30 september – 2 oktober 2024".into(),
                "2024-09-30/2024-10-02".into()
            )
        );
        assert_eq!(
            when_of("30 december – 2 januari 2025"),
            "2024-12-30/2025-01-02"
        );
        assert_eq!(
            when_of("van 1 oktober 2023 tot 1 januari 2025"),
            "2023-10-01/2025-01-01"
        );
    }

    #[test]
    fn abbreviated_month_with_day() {
        assert_eq!(
            one("op 5 okt. 2023"),
            ("5 okt. 2023".into(), "2023-10-05".into())
        );
        assert_eq!(when_of("op 7 sept."), "2023-09-07");
    }

    #[test]
    fn numeric_date() {
        assert_eq!(when_of("de brief van 19-10-2023."), "2023-10-19");
        assert_eq!(when_of("de brief van 9/10/2023"), "2023-10-09");
    }

    #[test]
    fn impossible_days_are_skipped_whole() {
        assert_none("op 31 februari 2024");
        assert_none("op 29 februari 2023");
        // Without a year the meeting's (common) year has no 29 February: no guess.
        assert_none("op 29 februari");
        assert_eq!(when_of("op 29 februari 2024"), "2024-02-29");
        assert_eq!(when_of("op 29 februari jl."), "2020-02-29");
    }

    // --- months ---------------------------------------------------------------------------

    #[test]
    fn month_with_year() {
        assert_eq!(
            one("in oktober 2023"),
            ("oktober 2023".into(), "2023-10".into())
        );
        assert_eq!(when_of("in December 2023"), "2023-12");
        assert_eq!(when_of("sinds okt. 2022"), "2022-10");
    }

    #[test]
    fn month_without_year_takes_meeting_year() {
        let s = "Zo werkten beide lidstaten in het kader van de in maart gestarte grensbeheerpilots aan het opstellen.";
        assert_eq!(one(s), ("maart".into(), "2023-03".into()));
        assert_eq!(when_of("in december"), "2023-12");
    }

    #[test]
    fn month_with_jl_or_as() {
        assert_eq!(when_of("in december jl."), "2022-12");
        assert_eq!(when_of("in november a.s."), "2023-11");
        assert_eq!(when_of("in maart a.s."), "2024-03");
    }

    #[test]
    fn month_after_afgelopen_or_komende() {
        assert_eq!(
            found("afgelopen december"),
            vec![("afgelopen december".into(), "2022-12".into(), Marker::Past)]
        );
        assert_eq!(
            found("komende december"),
            vec![("komende december".into(), "2023-12".into(), Marker::Next)]
        );
    }

    #[test]
    fn month_range() {
        assert_eq!(when_of("september–november 2024"), "2024-09/2024-11");
        assert_eq!(
            when_of("van oktober 2023 tot maart 2024"),
            "2023-10/2024-03"
        );
        assert_eq!(when_of("van maart tot mei"), "2023-03/2023-05");
    }

    #[test]
    fn abbreviation_alone_is_not_a_month() {
        assert_none("Minister Jan de Vries sprak");
        assert_none("de dec. vergadering");
    }

    #[test]
    fn month_word_in_a_compound_is_not_a_date() {
        assert_none("het mei-akkoord");
    }

    // --- relative --------------------------------------------------------------------------

    #[test]
    fn deze_maand_is_meeting_month() {
        let s = "De Commissie en het Voorzitterschap gaven aan dat een compromis binnen handbereik is en dat zij zich inzetten om deze maand overeenstemming in het Comité van Permanente Vertegenwoordigers te bereiken.";
        assert_eq!(
            found(s),
            vec![("deze maand".into(), "2023-10".into(), Marker::None)]
        );
    }

    #[test]
    fn vorige_and_volgende_maand_cross_year_ends() {
        let jan = (day(2024, 1, 25), day(2024, 1, 26));
        assert_eq!(found_in("vorige maand", jan)[0].1, "2023-12");
        assert_eq!(found_in("volgende maand", jan)[0].1, "2024-02");
        let dec = (day(2023, 12, 4), day(2023, 12, 5));
        assert_eq!(found_in("komende maand", dec)[0].1, "2024-01");
        assert_eq!(when_of("vorige maand"), "2023-09");
    }

    #[test]
    fn relative_years() {
        assert_eq!(one("dit jaar"), ("dit jaar".into(), "2023".into()));
        assert_eq!(when_of("volgend jaar"), "2024");
        assert_eq!(when_of("komend jaar"), "2024");
        assert_eq!(when_of("het komende jaar"), "2024");
        assert_eq!(when_of("vorig jaar"), "2022");
        assert_eq!(when_of("vorige jaar"), "2022");
    }

    #[test]
    fn relative_quarters() {
        assert_eq!(when_of("dit kwartaal"), "2023-10/2023-12");
        assert_eq!(when_of("volgend kwartaal"), "2024-01/2024-03");
        assert_eq!(when_of("vorig kwartaal"), "2023-07/2023-09");
    }

    #[test]
    fn afgelopen_with_maand_or_jaar_is_not_read() {
        // Often "the last thirty days / twelve months" rather than a calendar unit.
        assert_none("de afgelopen maand");
        assert_none("het afgelopen jaar");
    }

    // --- seasons ---------------------------------------------------------------------------

    #[test]
    fn seasons_with_year() {
        assert_eq!(when_of("voorjaar 2024"), "2024-03/2024-05");
        assert_eq!(when_of("lente 2024"), "2024-03/2024-05");
        assert_eq!(when_of("zomer 2024"), "2024-06/2024-08");
        assert_eq!(when_of("najaar 2024"), "2024-09/2024-11");
        assert_eq!(when_of("herfst 2024"), "2024-09/2024-11");
        assert_eq!(when_of("winter 2024"), "2024-12/2025-02");
    }

    #[test]
    fn real_sentences_with_seasons() {
        let s = "De inwerkingtreding van het EES staat nu tentatief gepland voor najaar 2024.";
        assert_eq!(one(s), ("najaar 2024".into(), "2024-09/2024-11".into()));
        let s = "Het ETIAS zou dan volgen in voorjaar 2025.";
        assert_eq!(one(s), ("voorjaar 2025".into(), "2025-03/2025-05".into()));
    }

    #[test]
    fn season_van_year() {
        assert_eq!(
            one("in het voorjaar van 2024"),
            ("voorjaar van 2024".into(), "2024-03/2024-05".into())
        );
        assert_eq!(when_of("in de zomer van volgend jaar"), "2024-06/2024-08");
    }

    #[test]
    fn season_without_year_is_next_not_yet_over() {
        assert_eq!(
            one("in het najaar"),
            ("najaar".into(), "2023-09/2023-11".into())
        );
        assert_eq!(when_of("in het voorjaar"), "2024-03/2024-05");
        assert_eq!(when_of("voor de zomer"), "2024-06/2024-08");
        assert_eq!(when_of("in de winter"), "2023-12/2024-02");
        let jan = (day(2024, 1, 25), day(2024, 1, 26));
        assert_eq!(found_in("in de winter", jan)[0].1, "2023-12/2024-02");
    }

    #[test]
    fn season_with_deze_komende_afgelopen() {
        assert_eq!(when_of("deze herfst"), "2023-09/2023-11");
        assert_eq!(when_of("dit voorjaar"), "2023-03/2023-05");
        assert_eq!(
            found("komende zomer"),
            vec![(
                "komende zomer".into(),
                "2024-06/2024-08".into(),
                Marker::Next
            )]
        );
        assert_eq!(
            found("afgelopen zomer"),
            vec![(
                "afgelopen zomer".into(),
                "2023-06/2023-08".into(),
                Marker::Past
            )]
        );
        assert_eq!(when_of("komend najaar"), "2024-09/2024-11");
    }

    #[test]
    fn season_compounds_and_unreadable_years_are_not_dates() {
        assert_none("het zomerreces");
        assert_none("de winter 2024/2025");
    }

    // --- parts of a year -------------------------------------------------------------------

    #[test]
    fn begin_medio_eind_year() {
        assert_eq!(when_of("begin 2024"), "2024-01/2024-03");
        assert_eq!(when_of("medio 2024"), "2024-05/2024-07");
        assert_eq!(when_of("eind 2024"), "2024-10/2024-12");
        assert_eq!(
            one("eind van 2024"),
            ("eind van 2024".into(), "2024-10/2024-12".into())
        );
        assert_eq!(when_of("einde 2024"), "2024-10/2024-12");
        assert_eq!(when_of("eind-2024"), "2024-10/2024-12");
        assert_eq!(when_of("halverwege 2025"), "2025-05/2025-07");
    }

    #[test]
    fn real_sentence_eind_2024() {
        let s = "Doel is om eind 2024 tot een akkoord te komen.";
        assert_eq!(one(s), ("eind 2024".into(), "2024-10/2024-12".into()));
    }

    #[test]
    fn begin_eind_relative_years() {
        assert_eq!(when_of("voor eind dit jaar"), "2023-10/2023-12");
        assert_eq!(when_of("aan het eind van het jaar"), "2023-10/2023-12");
        assert_eq!(when_of("begin volgend jaar"), "2024-01/2024-03");
    }

    #[test]
    fn begin_eind_month_is_the_month() {
        assert_eq!(
            one("eind oktober 2023"),
            ("eind oktober 2023".into(), "2023-10".into())
        );
        assert_eq!(when_of("begin december"), "2023-12");
        assert_eq!(when_of("medio maart 2024"), "2024-03");
        assert_eq!(when_of("eind deze maand"), "2023-10");
        assert_eq!(when_of("begin volgende maand"), "2023-11");
        assert_eq!(when_of("aan het eind van de maand"), "2023-10");
    }

    #[test]
    fn begin_and_eind_as_plain_words_are_not_dates() {
        assert_none("Dit is het begin van de onderhandelingen.");
        assert_none("Er moet een eind komen aan de straffeloosheid.");
    }

    #[test]
    fn halves_of_a_year() {
        assert_eq!(
            one("in de eerste helft van 2024"),
            ("eerste helft van 2024".into(), "2024-01/2024-06".into())
        );
        assert_eq!(when_of("tweede helft van 2024"), "2024-07/2024-12");
        assert_eq!(
            when_of("de tweede helft van volgend jaar"),
            "2024-07/2024-12"
        );
        assert_eq!(when_of("eerste jaarhelft 2025"), "2025-01/2025-06");
        assert_none("in de tweede helft van de vergadering");
    }

    #[test]
    fn quarters() {
        assert_eq!(
            one("in Q3 2024"),
            ("Q3 2024".into(), "2024-07/2024-09".into())
        );
        assert_eq!(when_of("derde kwartaal 2024"), "2024-07/2024-09");
        assert_eq!(when_of("derde kwartaal van 2024"), "2024-07/2024-09");
        assert_eq!(
            one("in het derde kwartaal"),
            ("derde kwartaal".into(), "2023-07/2023-09".into())
        );
        assert_eq!(when_of("eerste kwartaal 2025"), "2025-01/2025-03");
        assert_eq!(when_of("tweede kwartaal 2025"), "2025-04/2025-06");
        assert_eq!(when_of("vierde kwartaal 2025"), "2025-10/2025-12");
        assert_eq!(
            when_of("het laatste kwartaal van dit jaar"),
            "2023-10/2023-12"
        );
        assert_eq!(when_of("3e kwartaal 2024"), "2024-07/2024-09");
        assert_none("vraag Q3 van de lijst");
        assert_none("het Q5 2024 plan");
    }

    // --- bare years ------------------------------------------------------------------------

    #[test]
    fn bare_year_after_a_date_preposition() {
        for s in [
            "in 2024",
            "voor 2024",
            "vóór 2024",
            "na 2024",
            "tot 2024",
            "sinds 2024",
            "vanaf 2024",
            "per 2024",
            "uiterlijk 2024",
            "rond 2024",
            "in de loop van 2024 ingevoerd",
        ] {
            assert_eq!(one(s), ("2024".into(), "2024".into()), "{s}");
        }
    }

    #[test]
    fn bare_year_closing_a_clause() {
        assert_eq!(when_of("de richtlijn van 2019."), "2019");
        assert_eq!(when_of("de richtlijn van 2019, die"), "2019");
    }

    #[test]
    fn bare_year_elsewhere_is_not_read() {
        assert_none("de richtlijn van 2019 is");
        assert_none("(2019)");
    }

    #[test]
    fn references_are_not_dates() {
        assert_none("Kamerstukken II, 2023/24, 32317, nr. 859.");
        assert_none("(Kamerstuk 32 317, nr. 856)");
        assert_none("Kamerstukken 2022/2023, 32 317, nr. 836");
        assert_none("Kamerstukken II 2016–17, 22 112, nr. 2292");
        assert_none("(Kamerstuk 22 112, 2962)");
        assert_none("zie nr. 2024.");
        assert_none("Kamerstuk 2024.");
        assert_none("Verordening (EU) 2024/1689");
    }

    #[test]
    fn ages_amounts_and_ranges_are_not_dates() {
        assert_none(
            "De Commissie vulde aan dat het om een steeds jongere leeftijdsgroep gaat (11-14 jaar) waarbij weerbaarheid",
        );
        assert_none("een bedrag van € 1.250.000 in totaal");
        assert_none("€ 2.019.000");
        assert_none("tot 2000 euro");
        assert_none("voor 2000 mensen");
        assert_none("in 1985");
        assert_none("in 2150");
        assert_none("het Meerjarig Financieel Kader 2021-2027");
        assert_none("El PAcCTO 2.05");
    }

    // --- whole sentences -------------------------------------------------------------------

    #[test]
    fn several_dates_in_order_with_offsets() {
        let s = "Na het akkoord van 1 oktober jl. volgt najaar 2024 de inwerkingtreding, en vóór eind 2025 de evaluatie.";
        let all = find_dates(s, day(2023, 10, 19), day(2023, 10, 20));
        let phrases: Vec<&str> = all.iter().map(|m| m.phrase.as_str()).collect();
        assert_eq!(phrases, ["1 oktober jl.", "najaar 2024", "eind 2025"]);
        for m in &all {
            assert_eq!(&s[m.start..m.end], m.phrase);
        }
    }

    #[test]
    fn footnote_reference_with_dates() {
        let s = "Zie ook het verslag van JBZ-Raad van 28 september 2023, Kamerstukken II, 2022/23, 32317, nr. 853 van 9 oktober 2023.";
        let whens: Vec<String> = found(s).into_iter().map(|(_, w, _)| w).collect();
        assert_eq!(whens, ["2023-09-28", "2023-10-09"]);
    }

    #[test]
    fn real_report_dates() {
        let text = include_str!("../reports/2023-10-19-jbz-raad-verslag.txt");
        let all: Vec<(String, String)> = found(text)
            .into_iter()
            .map(|(p, w, _)| (p.split_whitespace().collect::<Vec<_>>().join(" "), w))
            .collect();
        let expected = [
            ("19 -20 oktober 2023", "2023-10-19/2023-10-20"),
            ("deze maand", "2023-10"),
            ("najaar 2024", "2024-09/2024-11"),
            ("voorjaar 2025", "2025-03/2025-05"),
            ("maart", "2023-03"),
            ("11-12 oktober jl.", "2023-10-11/2023-10-12"),
            ("28 september 2023", "2023-09-28"),
            ("9 oktober 2023", "2023-10-09"),
            ("1 oktober jl.", "2023-10-01"),
            ("eind 2024", "2024-10/2024-12"),
            ("26 en 27 oktober 2023", "2023-10-26/2023-10-27"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(p, w)| (p.to_string(), w.to_string()))
            .collect();
        assert_eq!(all, expected);
    }

    #[test]
    fn offsets_respect_multibyte_text() {
        let s =
            "Op ’s-Gravenhage’s verzoek – vóór najaar 2024 – werd é én ë besproken; 14–16 juli.";
        for m in find_dates(s, day(2023, 10, 19), day(2023, 10, 20)) {
            assert_eq!(s.get(m.start..m.end), Some(m.phrase.as_str()));
        }
        assert_eq!(found(s).len(), 2);
    }

    #[test]
    fn no_panic_on_any_window_of_the_real_report() {
        let text = include_str!("../reports/2023-10-19-jbz-raad-verslag.txt");
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for (n, &a) in bounds.iter().enumerate() {
            let b = bounds.get(n + 40).copied().unwrap_or(text.len());
            for m in find_dates(&text[a..b], day(2023, 10, 19), day(2023, 10, 20)) {
                assert!(m.when.first_day() <= m.when.last_day());
            }
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        let odd = [
            "",
            " ",
            "jl.",
            "a.s.",
            "Q",
            "Q9",
            "99999999999999999999 oktober",
            "31 31 31 oktober",
            "0 oktober 2023",
            "1-",
            "t/",
            "eind van",
            "e\u{301}e\u{301}n 5 mei",
            "2100 2100 2100.",
            "van 31 december 2100 tot 1 januari",
        ];
        for s in odd {
            for (a, _) in s.char_indices() {
                let _ = find_dates(&s[a..], NaiveDate::MIN, NaiveDate::MAX);
                let _ = find_dates(&s[a..], NaiveDate::MAX, NaiveDate::MIN);
                let _ = meeting_days(&s[a..], Some(i32::MAX));
            }
        }
    }

    // --- meeting_days ----------------------------------------------------------------------

    #[test]
    fn meeting_days_from_titles() {
        let cases = [
            (
                "Verslag van de Raad Justitie en Binnenlandse Zaken, 19 -20 oktober 2023",
                (day(2023, 10, 19), day(2023, 10, 20)),
            ),
            ("13 en 14 juni 2024", (day(2024, 6, 13), day(2024, 6, 14))),
            ("8-9 december 2025", (day(2025, 12, 8), day(2025, 12, 9))),
            ("4 en 5 maart 2024", (day(2024, 3, 4), day(2024, 3, 5))),
            ("19 en 20 oktober 2023", (day(2023, 10, 19), day(2023, 10, 20))),
            ("24, 25 en 26 januari 2024", (day(2024, 1, 24), day(2024, 1, 26))),
            ("13 14 oktober 2025", (day(2025, 10, 13), day(2025, 10, 14))),
            ("14–16 juli 2024", (day(2024, 7, 14), day(2024, 7, 16))),
            (
                "Verslag van de JBZ-Raad van 11 en 12 oktober 2018 te Luxemburg",
                (day(2018, 10, 11), day(2018, 10, 12)),
            ),
            (
                "Verslag van de formele bijeenkomst van de Raad Justitie en Binnenlandse Zaken, 13 en 14 juni 2024",
                (day(2024, 6, 13), day(2024, 6, 14)),
            ),
            ("30 november en 1 december 2023", (day(2023, 11, 30), day(2023, 12, 1))),
            ("5 december 2022", (day(2022, 12, 5), day(2022, 12, 5))),
        ];
        for (title, days) in cases {
            assert_eq!(meeting_days(title, None), Some(days), "{title}");
        }
    }

    #[test]
    fn meeting_days_without_year_uses_fallback() {
        assert_eq!(
            meeting_days("Geannoteerde agenda JBZ-Raad 12 en 13 December", Some(2019)),
            Some((day(2019, 12, 12), day(2019, 12, 13)))
        );
        assert_eq!(meeting_days("12 en 13 December", None), None);
        assert_eq!(
            meeting_days("Verslag van de Raad Justitie", Some(2019)),
            None
        );
    }

    // --- dutch_month -----------------------------------------------------------------------

    #[test]
    fn dutch_month_names_and_abbreviations() {
        let cases = [
            ("januari", 1),
            ("jan.", 1),
            ("Februari", 2),
            ("febr.", 2),
            ("maart", 3),
            ("mrt", 3),
            ("april", 4),
            ("mei", 5),
            ("juni", 6),
            ("juli", 7),
            ("aug.", 8),
            ("sept.", 9),
            ("sep", 9),
            ("okt.", 10),
            ("oktober", 10),
            ("nov", 11),
            ("December", 12),
            ("DEC.", 12),
        ];
        for (w, m) in cases {
            assert_eq!(dutch_month(w), Some(m), "{w}");
        }
        for w in ["", "maand", "oct", "may", "okto", "jaar"] {
            assert_eq!(dutch_month(w), None, "{w}");
        }
    }

    // --- may_hold_date ---------------------------------------------------------------------

    #[test]
    fn may_hold_date_lets_every_date_word_through() {
        let words = MONTH_NAMES.iter().copied().chain([
            "jan", "feb", "febr", "mrt", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
            "nov", "dec", "voorjaar", "lente", "zomer", "najaar", "herfst", "winter", "maand",
            "kwartaal", "jaar",
        ]);
        for w in words {
            assert!(is_date_word(w), "{w}");
            for s in [format!("({w})"), format!("Vóór {}.", w.to_uppercase())] {
                assert!(may_hold_date(&s), "{s}");
            }
        }
        assert!(may_hold_date("nr. 5"));
        // The Kelvin sign lower-cases to `k`: `Kwartaal` with it is still a date word.
        assert_eq!(found("het derde \u{212A}wartaal").len(), 1);
        assert!(!may_hold_date("De Raad sprak over het voorstel."));
        assert!(!may_hold_date(
            "Een jaartal, de maanden, een zomerse decembermaand"
        ));
    }

    // --- When ------------------------------------------------------------------------------

    #[test]
    fn point_first_and_last_days() {
        assert_eq!(Point::Year(2024).first_day(), day(2024, 1, 1));
        assert_eq!(Point::Year(2024).last_day(), day(2024, 12, 31));
        assert_eq!(Point::Month(2024, 2).last_day(), day(2024, 2, 29));
        assert_eq!(Point::Month(2023, 2).last_day(), day(2023, 2, 28));
        assert_eq!(Point::Month(2023, 13).first_day(), day(2023, 12, 1));
        assert_eq!(Point::Year(i32::MAX).last_day(), NaiveDate::MAX);
    }

    #[test]
    fn when_display_and_parse() {
        let w = When {
            start: Point::Month(2024, 9),
            end: Point::Month(2024, 11),
        };
        assert_eq!(w.to_string(), "2024-09/2024-11");
        assert_eq!("2024-09/2024-11".parse::<When>(), Ok(w));
        let p = When::point(Point::Month(2024, 10));
        assert_eq!(p.to_string(), "2024-10");
        assert_eq!("2024-10".parse::<When>(), Ok(p));
        assert_eq!("2024-10/2024-10".parse::<When>(), Ok(p));
        assert_eq!(When::point(Point::Year(2024)).to_string(), "2024");
        assert_eq!(
            When::point(Point::Day(day(2024, 3, 7))).to_string(),
            "2024-03-07"
        );
    }

    #[test]
    fn when_parse_errors_say_what_is_wrong() {
        use ParseWhenError::*;
        let err = |s: &str| s.parse::<When>().err();
        assert_eq!(err(""), Some(Shape("".into())));
        assert_eq!(err("24"), Some(Shape("24".into())));
        assert_eq!(err(" 2024"), Some(Shape(" 2024".into())));
        assert_eq!(err("2024-1"), Some(Shape("2024-1".into())));
        assert_eq!(err("2024/2025/2026"), Some(Shape("2024/2025/2026".into())));
        assert_eq!(err("2024-01-01-01"), Some(Shape("2024-01-01-01".into())));
        assert_eq!(err("2024-13"), Some(NoSuchMonth("2024-13".into())));
        assert_eq!(err("2023-02-29"), Some(NoSuchDay("2023-02-29".into())));
        assert_eq!(
            err("2024-11/2024-09"),
            Some(Reversed("2024-11/2024-09".into()))
        );
        assert!(err("2024-13").is_some_and(|e| e.to_string().contains("2024-13")));
    }

    #[test]
    fn when_serde_is_the_string() {
        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        struct M {
            when: When,
        }
        let m = M {
            when: "2024-09/2024-11".parse().expect("valid"),
        };
        let yaml = serde_yaml::to_string(&m).expect("serialize");
        assert_eq!(yaml.trim(), "when: 2024-09/2024-11");
        assert_eq!(serde_yaml::from_str::<M>(&yaml).expect("deserialize"), m);
        // A bare year is written quoted, and reads back either way.
        let year = M {
            when: When::point(Point::Year(2024)),
        };
        let yaml = serde_yaml::to_string(&year).expect("serialize");
        assert_eq!(serde_yaml::from_str::<M>(&yaml).expect("deserialize"), year);
        assert_eq!(yaml.trim(), "when: '2024'");
        assert_eq!(serde_yaml::from_str::<M>("when: 2024").ok(), Some(year));
        assert!(serde_yaml::from_str::<M>("when: 2024-13").is_err());
    }

    #[test]
    fn midpoint_is_middle_day() {
        let najaar: When = "2024-09/2024-11".parse().expect("valid");
        assert_eq!(najaar.midpoint(), day(2024, 10, 16));
        let d = When::point(Point::Day(day(2024, 3, 7)));
        assert_eq!(d.midpoint(), day(2024, 3, 7));
    }

    #[test]
    fn months_between_midpoints() {
        let p = |s: &str| s.parse::<When>().expect("valid");
        assert_eq!(
            When::months_between(&p("2024-09/2024-11"), &p("2025-03/2025-05")),
            6
        );
        assert_eq!(
            When::months_between(&p("2025-03/2025-05"), &p("2024-09/2024-11")),
            -6
        );
        assert_eq!(When::months_between(&p("2024-03"), &p("2024-09")), 6);
        assert_eq!(When::months_between(&p("2024"), &p("2024")), 0);
        assert_eq!(When::months_between(&p("2023-10"), &p("2024")), 9);
    }

    #[test]
    fn overlaps_share_a_day() {
        let p = |s: &str| s.parse::<When>().expect("valid");
        assert!(p("2024").overlaps(&p("2024-09/2024-11")));
        assert!(p("2024-09/2024-11").overlaps(&p("2024-11-30")));
        assert!(!p("2024-09/2024-11").overlaps(&p("2024-12")));
        assert!(!p("2023").overlaps(&p("2024")));
    }

    // --- properties over generated inputs --------------------------------------------------

    fn round_trips(w: When) {
        assert!(w.first_day() <= w.last_day(), "{w}");
        assert!(
            w.first_day() <= w.midpoint() && w.midpoint() <= w.last_day(),
            "{w}"
        );
        assert_eq!(w.to_string().parse::<When>(), Ok(w), "{w}");
        assert!(w.overlaps(&w));
        assert_eq!(When::months_between(&w, &w), 0);
    }

    #[test]
    fn every_month_and_day_of_2000_to_2030_reads_and_round_trips() {
        for y in 2000..2030 {
            for (m0, name) in MONTH_NAMES.iter().enumerate() {
                let m = u32::try_from(m0).expect("small") + 1;
                let text = format!("in {name} {y}");
                let found = find_dates(&text, day(2023, 10, 19), day(2023, 10, 20));
                assert_eq!(found.len(), 1, "{text}");
                assert_eq!(found[0].when, When::point(Point::Month(y, m)));
                round_trips(found[0].when);
                for d in 1..=days_in_month(y, m) {
                    let text = format!("op {d} {name} {y}.");
                    let found = find_dates(&text, day(2023, 10, 19), day(2023, 10, 20));
                    assert_eq!(found.len(), 1, "{text}");
                    assert_eq!(found[0].when, When::point(Point::Day(day(y, m, d))));
                    round_trips(found[0].when);
                }
            }
        }
    }

    #[test]
    fn every_season_and_part_of_2000_to_2030_reads_and_round_trips() {
        let forms = [
            "voorjaar",
            "lente",
            "zomer",
            "najaar",
            "herfst",
            "winter",
            "begin",
            "medio",
            "eind",
            "eerste helft van",
            "tweede helft van",
            "Q1",
            "Q2",
            "Q3",
            "Q4",
            "eerste kwartaal",
            "tweede kwartaal",
            "derde kwartaal",
            "vierde kwartaal",
        ];
        for y in 2000..2030 {
            for form in forms {
                let text = format!("gepland voor {form} {y}.");
                let found = find_dates(&text, day(2023, 10, 19), day(2023, 10, 20));
                assert_eq!(found.len(), 1, "{text}");
                let w = found[0].when;
                assert_eq!(w.first_day().year(), y, "{text}");
                round_trips(w);
                let months = When::months_between(&When::point(Point::Year(y)), &w);
                assert!((-6..=6).contains(&months), "{text}: {months}");
            }
        }
    }

    #[test]
    fn unyeared_forms_resolve_around_every_meeting_month() {
        let forms = [
            "deze maand",
            "vorige maand",
            "volgende maand",
            "dit jaar",
            "volgend jaar",
            "het najaar",
            "in maart",
            "op 5 december jl.",
            "op 5 december a.s.",
            "het derde kwartaal",
            "komende zomer",
            "afgelopen winter",
            "deze winter",
        ];
        for y in 2000..2030 {
            for m in 1..=12 {
                let (start, end) = (day(y, m, 10), day(y, m, 11));
                for form in forms {
                    let found = find_dates(form, start, end);
                    assert_eq!(found.len(), 1, "{form} at {start}");
                    let w = found[0].when;
                    round_trips(w);
                    match found[0].marker {
                        Marker::Past => assert!(w.first_day() <= start, "{form} at {start}"),
                        Marker::Next => assert!(w.first_day() > end, "{form} at {start}"),
                        Marker::None => {}
                    }
                }
            }
        }
    }
}
