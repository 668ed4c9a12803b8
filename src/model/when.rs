//! When something happens: a calendar [`Point`] or interval ([`When`]) at the precision the
//! text gives, written as ISO 8601. Reading dates from Dutch text is `crate::dates`.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, TimeDelta};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

// ---------------------------------------------------------------------------------------------
// Point and When: the value types
// ---------------------------------------------------------------------------------------------

/// A calendar point at the precision the text gives.
///
/// The derived order compares the precision first (every `Year` sorts before every `Month`), so it
/// is a stable order for collections, not chronology: compare [`Point::first_day`] for that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Point {
    /// A whole year, written `2024`.
    Year(i32),
    /// A month (`1..=12`) of a year, written `2024-03`.
    Month(i32, u32),
    /// One day, written `2024-03-07`.
    Day(NaiveDate),
}

impl Point {
    /// The first day the point covers: 1 January of a year, the 1st of a month, or the day itself.
    ///
    /// Out-of-range fields (a `Month(2024, 13)` built by hand) are clamped rather than panicking.
    pub fn first_day(&self) -> NaiveDate {
        match *self {
            Point::Year(y) => clamped_date(y, 1, 1),
            Point::Month(y, m) => clamped_date(y, m, 1),
            Point::Day(d) => d,
        }
    }

    /// The last day the point covers: 31 December of a year, the month's last day (29 February in
    /// a leap year), or the day itself.
    pub fn last_day(&self) -> NaiveDate {
        match *self {
            Point::Year(y) => clamped_date(y, 12, 31),
            Point::Month(y, m) => clamped_date(y, m, 31),
            Point::Day(d) => d,
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Point::Year(y) => fmt_year(f, y),
            Point::Month(y, m) => {
                fmt_year(f, y)?;
                write!(f, "-{m:02}")
            }
            Point::Day(d) => {
                fmt_year(f, d.year())?;
                write!(f, "-{:02}-{:02}", d.month(), d.day())
            }
        }
    }
}

/// Years are written with four digits, as ISO 8601 wants; years outside 0..=9999 (which no report
/// mentions) are written plainly and do not parse back.
fn fmt_year(f: &mut fmt::Formatter<'_>, y: i32) -> fmt::Result {
    if (0..=9999).contains(&y) {
        write!(f, "{y:04}")
    } else {
        write!(f, "{y}")
    }
}

fn is_leap(y: i32) -> bool {
    y.rem_euclid(4) == 0 && (y.rem_euclid(100) != 0 || y.rem_euclid(400) == 0)
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date with every field pulled into range, so that hand-built points never panic.
fn clamped_date(y: i32, m: u32, d: u32) -> NaiveDate {
    let y = y.clamp(NaiveDate::MIN.year(), NaiveDate::MAX.year());
    let m = m.clamp(1, 12);
    let d = d.clamp(1, days_in_month(y, m));
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(if y < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// An ISO 8601 date or interval ("2024-09/2024-11"), the `when` of a milestone.
///
/// `start` and `end` are equal for a single point ("2024-10"). The two ends may differ in
/// precision, as ISO 8601 allows; the interval covers `start.first_day()..=end.last_day()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct When {
    /// The point the interval starts in.
    pub start: Point,
    /// The point the interval ends in (inclusive).
    pub end: Point,
}

impl When {
    /// A single point: `start` and `end` are both `p`.
    pub fn point(p: Point) -> When {
        When { start: p, end: p }
    }

    /// The first day covered: the first day of `start`.
    pub fn first_day(&self) -> NaiveDate {
        self.start.first_day()
    }

    /// The last day covered: the last day of `end`.
    pub fn last_day(&self) -> NaiveDate {
        self.end.last_day()
    }

    /// The middle of `[first_day, last_day]`, rounded down to a whole day (`najaar 2024`, 1
    /// September to 30 November, has its midpoint on 15 October).
    pub fn midpoint(&self) -> NaiveDate {
        let (a, b) = (self.first_day(), self.last_day());
        let half = b.signed_duration_since(a).num_days() / 2;
        TimeDelta::try_days(half)
            .and_then(|delta| a.checked_add_signed(delta))
            .unwrap_or(a)
    }

    /// Signed distance in whole months between midpoints (new - old), rounded to nearest.
    ///
    /// Months are counted on the calendar (a midpoint halfway through a month counts as half a
    /// month), so `najaar 2024` → `voorjaar 2025` is 6 months, the slip the diff reports.
    pub fn months_between(old: &When, new: &When) -> i32 {
        let diff = month_index(new.midpoint()) - month_index(old.midpoint());
        // `as` saturates on the (impossible) overflow instead of panicking.
        diff.round() as i32
    }

    /// Whether the two intervals share at least one day.
    pub fn overlaps(&self, other: &When) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }
}

/// A date as a fractional count of months since year 0.
fn month_index(d: NaiveDate) -> f64 {
    f64::from(d.year()) * 12.0
        + f64::from(d.month0())
        + f64::from(d.day0()) / f64::from(days_in_month(d.year(), d.month()))
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}/{}", self.start, self.end)
        }
    }
}

/// Why a string is not a [`When`]; each variant carries the whole string that was read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseWhenError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, alone or two joined by one `/`.
    #[error(
        "`{0}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, or two of them joined by `/`"
    )]
    Shape(String),
    /// A month outside 01..=12.
    #[error("`{0}` names a month that does not exist (months run from 01 to 12)")]
    NoSuchMonth(String),
    /// A day the calendar does not have, such as `2023-02-29`.
    #[error("`{0}` names a day the calendar does not have")]
    NoSuchDay(String),
    /// An interval whose end lies before its start.
    #[error("`{0}` ends before it starts")]
    Reversed(String),
}

impl FromStr for When {
    type Err = ParseWhenError;

    /// Reads what [`When`]'s `Display` writes: `2024`, `2024-10`, `2024-10-19`, or two of those
    /// joined by `/`. No spaces, signs or other separators are accepted.
    fn from_str(s: &str) -> Result<When, ParseWhenError> {
        let (a, b) = s.split_once('/').unwrap_or((s, s));
        let start = parse_point(a, s)?;
        let end = parse_point(b, s)?;
        if end.last_day() < start.first_day() {
            return Err(ParseWhenError::Reversed(s.to_string()));
        }
        Ok(When { start, end })
    }
}

fn parse_point(part: &str, whole: &str) -> Result<Point, ParseWhenError> {
    let shape = || ParseWhenError::Shape(whole.to_string());
    let field = |f: Option<&str>, len: usize| -> Result<Option<u32>, ParseWhenError> {
        match f {
            None => Ok(None),
            Some(f) if f.len() == len && f.bytes().all(|b| b.is_ascii_digit()) => {
                f.parse::<u32>().map(Some).map_err(|_| shape())
            }
            Some(_) => Err(shape()),
        }
    };
    let mut fields = part.split('-');
    let y = field(fields.next(), 4)?.ok_or_else(shape)?;
    let y = i32::try_from(y).map_err(|_| shape())?;
    let Some(m) = field(fields.next(), 2)? else {
        return Ok(Point::Year(y));
    };
    if !(1..=12).contains(&m) {
        return Err(ParseWhenError::NoSuchMonth(whole.to_string()));
    }
    let Some(d) = field(fields.next(), 2)? else {
        return Ok(Point::Month(y, m));
    };
    if fields.next().is_some() {
        return Err(shape());
    }
    NaiveDate::from_ymd_opt(y, m, d)
        .map(Point::Day)
        .ok_or_else(|| ParseWhenError::NoSuchDay(whole.to_string()))
}

impl schemars::JsonSchema for When {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "When".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$",
            "description": "An ISO 8601 date or interval at the precision the text gives: 2023-10-01, 2023-10, 2024, 2024-09/2024-11.",
            "examples": ["2023-10-01", "2023-10", "2024-09/2024-11"]
        })
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<When, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

// ---------------------------------------------------------------------------------------------
// Mentions: the public reading functions
