//! Property tests for the date normaliser (`src/extract/dates.rs`): whatever the sentence and
//! the meeting, `find_dates` does not panic and every date it finds is an ordered interval;
//! every `When` written by `Display` reads back as itself through `FromStr`; and whatever
//! string `FromStr` accepts is an ordered interval that writes back as the same string.

use chrono::{Datelike, NaiveDate};
use jbz_track::dates::{find_dates, meeting_days};
use jbz_track::model::{Point, When};
use proptest::prelude::*;

/// Words and numbers from the date forms, so that random sentences hit the matchers often.
const WORDS: [&str; 48] = [
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
    "December",
    "voorjaar",
    "zomer",
    "najaar",
    "winter",
    "begin",
    "medio",
    "eind",
    "eerste",
    "tweede",
    "helft",
    "van",
    "kwartaal",
    "derde",
    "Q3",
    "jl.",
    "a.s.",
    "deze",
    "maand",
    "volgend",
    "jaar",
    "en",
    "-",
    "–",
    "/",
    ",",
    ".",
    "in",
    "het",
    "op",
    "nr.",
    "2023",
    "2024",
    "1",
    "31",
    "2101",
];

fn sentence() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => prop::sample::select(WORDS.to_vec()).prop_map(str::to_string),
        1 => (0u32..100_000).prop_map(|n| n.to_string()),
        1 => "\\PC{0,6}",
    ];
    prop::collection::vec(word, 0..24).prop_map(|w| w.join(" "))
}

fn meeting() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    (1900i32..2150, 1u32..=12, 1u32..=28, 0i64..4).prop_map(|(y, m, d, len)| {
        let start = NaiveDate::from_ymd_opt(y, m, d).expect("a valid day");
        let end = start
            .checked_add_signed(chrono::TimeDelta::days(len))
            .unwrap_or(start);
        (start, end)
    })
}

fn point() -> impl Strategy<Value = Point> {
    prop_oneof![
        (0i32..=9999).prop_map(Point::Year),
        (0i32..=9999, 1u32..=12).prop_map(|(y, m)| Point::Month(y, m)),
        (0i32..=9999, 1u32..=366).prop_map(|(y, d)| {
            let day = NaiveDate::from_yo_opt(y, d)
                .or_else(|| NaiveDate::from_yo_opt(y, 365))
                .expect("a valid day");
            Point::Day(day)
        }),
    ]
}

fn when() -> impl Strategy<Value = When> {
    (point(), point()).prop_map(|(a, b)| {
        // An interval runs forward: the point that starts later is the end.
        if b.last_day() < a.first_day() {
            When { start: b, end: a }
        } else {
            When { start: a, end: b }
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn find_dates_never_panics_and_finds_ordered_intervals(s in sentence(), (start, end) in meeting()) {
        for found in find_dates(&s, start, end) {
            prop_assert!(
                found.when.first_day() <= found.when.last_day(),
                "{:?} in {s:?} runs backwards",
                found
            );
            prop_assert_eq!(s.get(found.start..found.end), Some(found.phrase.as_str()));
            let mid = found.when.midpoint();
            prop_assert!(found.when.first_day() <= mid && mid <= found.when.last_day());
        }
    }

    #[test]
    fn find_dates_never_panics_on_any_text(s in "\\PC{0,200}", (start, end) in meeting()) {
        let _ = find_dates(&s, start, end);
    }

    #[test]
    fn when_display_and_from_str_round_trip(w in when()) {
        let written = w.to_string();
        let read: When = written.parse().map_err(|e| TestCaseError::fail(format!("{written}: {e}")))?;
        prop_assert_eq!(read, w);
    }

    #[test]
    fn whatever_from_str_accepts_is_ordered_and_writes_back(s in "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?") {
        if let Ok(w) = s.parse::<When>() {
            prop_assert!(w.first_day() <= w.last_day(), "{s} runs backwards");
            // `2024/2024` reads as the point `2024`, which writes without the slash.
            let back = w.to_string();
            prop_assert_eq!(back.parse::<When>().ok(), Some(w));
        }
    }

    #[test]
    fn from_str_never_panics(s in "\\PC{0,40}") {
        let _ = s.parse::<When>();
    }

    #[test]
    fn meeting_days_are_ordered(s in sentence(), year in proptest::option::of(1900i32..2150)) {
        if let Some((start, end)) = meeting_days(&s, year) {
            prop_assert!(start <= end, "{s:?} gives {start} after {end}");
            prop_assert!((end - start).num_days() < 31, "{s:?}: a meeting lasts days, not months");
            prop_assert!(start.year() >= 1900);
        }
    }
}
