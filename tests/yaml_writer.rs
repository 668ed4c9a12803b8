//! The fast YAML writer (`src/yaml/writer.rs`) must give byte for byte what `serde_yaml` gives:
//! random snapshots, with strings made of words and of the characters that change how YAML
//! writes a string, are written both ways and compared, and the real report's snapshots are
//! written both ways too.

use chrono::NaiveDate;
use jbz_track::model::Actor;
use jbz_track::model::Reference;
use jbz_track::model::Stage;
use jbz_track::model::When;
use jbz_track::report::Kind;
use jbz_track::snapshot::{
    DossierRef, ItemRef, MeetingRef, Milestone, Position, Snapshot, Source, Status, SCHEMA,
};
use jbz_track::yaml;
use proptest::prelude::*;

/// Pieces of text: words as the reports have them, words YAML reads as something else, and
/// characters that make a string quoted, escaped or a block.
const PIECES: [&str; 44] = [
    "De",
    "Commissie",
    "gaf",
    "aan",
    "dat",
    "Roemenië",
    "co\u{308}rdinator",
    "risico’s",
    "2024",
    "2023-10",
    "19",
    "0x1F",
    "1e5",
    "0123",
    "-",
    "- ",
    ": ",
    ":",
    " #",
    "#",
    "'",
    "\"",
    "[",
    "]",
    "{",
    "}",
    ",",
    "?",
    "&",
    "*",
    "!",
    "|",
    ">",
    "%",
    "@",
    "`",
    "no",
    "yes",
    "on",
    "null",
    "~",
    "true",
    "NaN",
    ".inf",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(&PIECES[..]).prop_map(str::to_string),
        1 => Just(" ".to_string()),
        1 => Just("\n".to_string()),
        1 => "\\PC{1,3}",
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|p| p.concat())
}

/// Strings as `normalize` stores them (no line breaks or tabs, no double or trailing spaces).
fn stored() -> impl Strategy<Value = String> {
    text().prop_map(|s| yaml::normalize_text(&s))
}

fn actor() -> impl Strategy<Value = Actor> {
    prop_oneof![
        Just(Actor::Nederland),
        Just(Actor::Commissie),
        Just(Actor::MemberState("roemenie".to_string())),
        Just(Actor::Agency("eu-lisa".to_string())),
    ]
}

fn snapshot() -> impl Strategy<Value = Snapshot> {
    let strings = (
        stored(),
        text(),
        stored(),
        text(),
        proptest::option::of(stored()),
    );
    let lists = (
        proptest::collection::vec(
            (stored(), 0u32..20, text(), proptest::option::of(text())),
            0..3,
        ),
        proptest::collection::vec(text(), 0..3),
        proptest::collection::vec((actor(), proptest::collection::vec(text(), 0..3)), 0..3),
        proptest::collection::vec((text(), stored(), any::<bool>()), 0..3),
        proptest::collection::vec(
            (
                0u32..99_999,
                proptest::option::of(0u32..999),
                proptest::option::of(text()),
                text(),
            ),
            0..3,
        ),
    );
    let stage = proptest::option::of(proptest::sample::select(Stage::ALL.to_vec()));
    (strings, lists, stage).prop_map(
        |(
            (id, title, path, sha, evidence),
            (items, highlights, positions, timeline, references),
            stage,
        )| {
            let day = NaiveDate::from_ymd_opt(2023, 10, 19).expect("date");
            // Random sentences for the state of play too (empty in a third of the cases).
            let state_of_play: Vec<String> = highlights.iter().rev().cloned().collect();
            Snapshot {
                schema: SCHEMA,
                dossier: DossierRef { id, title },
                meeting: MeetingRef {
                    id: "2023-10".to_string(),
                    council: "JBZ-Raad".to_string(),
                    start: day,
                    end: day,
                },
                source: Source {
                    path,
                    kind: Kind::Verslag,
                    sha256: sha,
                },
                items: items
                    .into_iter()
                    .map(|(part, number, heading, action)| ItemRef {
                        part,
                        number,
                        heading,
                        action,
                    })
                    .collect(),
                highlights,
                stage,
                stage_evidence: evidence,
                positions: positions
                    .into_iter()
                    .map(|(actor, statements)| Position { actor, statements })
                    .collect(),
                state_of_play,
                timeline: timeline
                    .into_iter()
                    .map(|(phrase, event, done)| Milestone {
                        when: "2024-09/2024-11".parse::<When>().expect("when"),
                        phrase,
                        // Both shapes of the optional `name`: written, and left out.
                        name: if done {
                            jbz_track::model::EventName::Inwerkingtreding
                        } else {
                            Default::default()
                        },
                        event,
                        status: if done { Status::Done } else { Status::Planned },
                    })
                    .collect(),
                references: references
                    .into_iter()
                    .map(|(kamerstuk, nr, vergaderjaar, text)| Reference {
                        kamerstuk,
                        nr,
                        vergaderjaar,
                        text,
                    })
                    .collect(),
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn fast_writer_matches_serde_yaml_on_snapshots(s in snapshot()) {
        let fast = yaml::to_string(&s).expect("fast");
        let reference = yaml::to_string_reference(&s).expect("reference");
        prop_assert_eq!(&fast, &reference);
    }

    #[test]
    fn fast_writer_matches_serde_yaml_on_strings(s in text()) {
        let list = vec![s.clone()];
        prop_assert_eq!(yaml::to_string(&list).expect("fast"), yaml::to_string_reference(&list).expect("reference"));
        prop_assert_eq!(yaml::to_string(&s).expect("fast"), yaml::to_string_reference(&s).expect("reference"));
    }
}

/// The real report's snapshots, written both ways.
#[test]
fn real_report_snapshots_are_written_as_serde_yaml_writes_them() {
    let mut checked = 0;
    for dossier in std::fs::read_dir("snapshots").expect("snapshots/") {
        for file in std::fs::read_dir(dossier.expect("entry").path()).expect("dossier folder") {
            let path = file.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("read");
            let snapshot: Snapshot = yaml::from_str(&text).expect("parse");
            let reference = yaml::to_string_reference(&snapshot).expect("reference");
            assert_eq!(
                yaml::to_string(&snapshot).expect("fast"),
                reference,
                "{}",
                path.display()
            );
            assert_eq!(
                reference,
                text,
                "{} is what serde_yaml writes",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 14, "only {checked} snapshots");
}
