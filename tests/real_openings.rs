//! The real openings in `tests/fixtures/real/` (see its README), each normalised on its own as
//! `reports/<name>.txt`: is the report accepted, with the meeting, the kind and the agenda items
//! a careful reader of the excerpt sees?
//!
//! This is a yardstick for the reader, not a regression test of today's behaviour: it checks
//! every fixture, collects what is wrong, and fails once at the end with the whole list, so the
//! number of openings read right can be followed as the reader improves.
//!
//! What is checked, per fixture (the table [`REAL`] holds the expectations; each line can be
//! checked by eye against its fixture):
//! - `jbz-track normalize` exits 0 (an excerpt without any report body, `body: false`, may
//!   instead be refused with exit 2, as long as the message names the file);
//! - at least one snapshot is written (a cover letter's side topics are facts the snapshots
//!   keep, see issue 15; without a snapshot the meeting cannot be checked);
//! - every snapshot has the meeting id, start and end, and the kind (`source: kind` and the
//!   file name `<id>.yaml` / `<id>.agenda.yaml`) of the table;
//! - the items of all snapshots together are exactly the items of the table: each expected item
//!   is there (heading, and part, number and action where the table gives them), and no other
//!   item is (a cover letter's side topics and a viewer's lines are not agenda items).
//!
//! Headings compare with whitespace collapsed and a final full stop ignored; parts compare
//! without regard to case (`Binnenlandse zaken` is `Binnenlandse Zaken`); actions compare
//! without the old `= ` marker and without regard to case.

mod common;

use std::collections::BTreeMap;

use common::{fixture, repo_with_files, run, snapshot_texts};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Verslag,
    Agenda,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Verslag => "verslag",
            Kind::Agenda => "agenda",
        }
    }
}

/// An agenda item visible in full in the excerpt.
struct Item {
    /// The part it stands in, where the excerpt shows one; `None`: not checked.
    part: Option<&'static str>,
    /// Its number, where the excerpt numbers it; `None`: not checked.
    number: Option<u32>,
    heading: &'static str,
    /// In an agenda, the action line under the heading; `None`: not checked.
    action: Option<&'static str>,
}

/// What a careful reader sees in one fixture.
struct Real {
    file: &'static str,
    kind: Kind,
    /// Meeting id, first and last day.
    id: &'static str,
    start: &'static str,
    end: &'static str,
    /// False where the stored opening holds only a viewer's metadata, no report text.
    body: bool,
    items: &'static [Item],
}

impl Real {
    /// The snapshot file name the meeting and kind give: `<id>.yaml` or `<id>.agenda.yaml`.
    fn snapshot_name(&self) -> String {
        match self.kind {
            Kind::Verslag => format!("{}.yaml", self.id),
            Kind::Agenda => format!("{}.agenda.yaml", self.id),
        }
    }
}

const NONE: &[Item] = &[];

const fn item(part: Option<&'static str>, number: Option<u32>, heading: &'static str) -> Item {
    Item {
        part,
        number,
        heading,
        action: None,
    }
}

const fn agenda_item(
    part: Option<&'static str>,
    number: Option<u32>,
    heading: &'static str,
    action: &'static str,
) -> Item {
    Item {
        part,
        number,
        heading,
        action: Some(action),
    }
}

const INSOLVENCY_2018: &str = "Richtlijn betreffende preventieve herstructureringsstelsels, een tweede kans en maatregelen ter verhoging van de efficiëntie van herstructurerings-, insolventie- en kwijtingsprocedures, en tot wijziging van Richtlijn 2012/30/EU.";

#[rustfmt::skip]
const REAL: &[Real] = &[
    // Official edition page: site chrome (tables), letter, signatures, then an unnumbered item
    // heading with the old '= Algemene oriëntatie' action line; no part heading.
    Real { file: "2018-10-11-agenda-kst-525.txt", kind: Kind::Agenda, id: "2018-10", start: "2018-10-11", end: "2018-10-12", body: true,
        items: &[agenda_item(None, None, INSOLVENCY_2018, "Algemene oriëntatie")] },
    // The bijlage itself: title over two lines ending 'te Luxemburg', part 'I. …', two
    // sub-headings ('Raad wetgevende besprekingen', 'Insolventie'), unnumbered item, hard-wrapped text.
    Real { file: "2018-10-11-agenda-bijlage-tkconv.txt", kind: Kind::Agenda, id: "2018-10", start: "2018-10-11", end: "2018-10-12", body: true,
        items: &[agenda_item(Some("Veiligheid en Justitie, Grondrechten en Burgerschap"), None, INSOLVENCY_2018, "Algemene oriëntatie")] },
    Real { file: "2019-10-07-agenda-tkconv-get.txt", kind: Kind::Agenda, id: "2019-10", start: "2019-10-07", end: "2019-10-08", body: true,
        items: &[agenda_item(Some("Justitie, Grondrechten en Burgerschap"), Some(1), "EU actie tegen corruptie", "Uitwisseling van standpunten")] },
    Real { file: "2019-12-02-agenda-tkconv.txt", kind: Kind::Agenda, id: "2019-12", start: "2019-12-02", end: "2019-12-03", body: true,
        items: NONE },
    Real { file: "2020-06-04-agenda-informeel-kst.txt", kind: Kind::Agenda, id: "2020-06", start: "2020-06-04", end: "2020-06-05", body: true,
        items: NONE },
    // Title '…, 4–5 juni' / '2020' (the year on the next line), 'Belangrijkste resultaten'
    // then an unnumbered item heading wrapped over two lines.
    Real { file: "2020-06-04-verslag-informeel-tweedekamer.txt", kind: Kind::Verslag, id: "2020-06", start: "2020-06-04", end: "2020-06-05", body: true,
        items: &[item(None, None, "Voorstel voor een verordening betreffende het recht dat van toepassing is op de derdenwerking van de cessie van vorderingen (internationale cessie)")] },
    Real { file: "2020-10-08-verslag-informeel-tweedekamer.txt", kind: Kind::Verslag, id: "2020-10", start: "2020-10-08", end: "2020-10-09", body: true,
        items: NONE },
    // Indented web text; title 'Raad van Justitie …,' / '28 en 29 januari 2021'; part 'HOME'
    // (not checked: the reader may name it 'Binnenlandse Zaken'); item 'Werksessie I: …'.
    Real { file: "2021-01-28-verslag-informeel-tweedekamer.txt", kind: Kind::Verslag, id: "2021-01", start: "2021-01-28", end: "2021-01-29", body: true,
        items: &[item(None, None, "Werksessie I: Hernieuwd Europees beleid voor Migratie en Asiel – de weg voorwaarts")] },
    // Cover letter only; the meeting date is split '… op 11' / '      en 12 maart 2021'.
    Real { file: "2021-03-11-verslag-tweedekamer.txt", kind: Kind::Verslag, id: "2021-03", start: "2021-03-11", end: "2021-03-12", body: true,
        items: NONE },
    // '14–16 juli' without a year (the letter is of 16 augustus 2021); side topic heading.
    Real { file: "2021-07-14-verslag-informeel-kst.txt", kind: Kind::Verslag, id: "2021-07", start: "2021-07-14", end: "2021-07-16", body: true,
        items: NONE },
    // Part '1. Binnenlandse Zaken, Asiel en Migratie' with only part-level text (formal
    // adoption of the EUAA regulation, items taken off the agenda) and no item yet.
    Real { file: "2021-12-09-verslag-tkconv.txt", kind: Kind::Verslag, id: "2021-12", start: "2021-12-09", end: "2021-12-10", body: true,
        items: NONE },
    Real { file: "2022-06-09-agenda-kst.txt", kind: Kind::Agenda, id: "2022-06", start: "2022-06-09", end: "2022-06-10", body: true,
        items: NONE },
    Real { file: "2022-12-08-agenda-kst.txt", kind: Kind::Agenda, id: "2022-12", start: "2022-12-08", end: "2022-12-09", body: true,
        items: NONE },
    Real { file: "2023-06-08-agenda-tkconv-metadata.txt", kind: Kind::Agenda, id: "2023-06", start: "2023-06-08", end: "2023-06-09", body: false,
        items: NONE },
    Real { file: "2023-12-04-agenda-kst.txt", kind: Kind::Agenda, id: "2023-12", start: "2023-12-04", end: "2023-12-05", body: true,
        items: NONE },
    // Viewer metadata naming another meeting ('Informele JBZ-Raad van 24, 25 en 26 januari
    // 2024'), then the official header and the letter's first line.
    Real { file: "2023-12-04-agenda-tkconv-get.txt", kind: Kind::Agenda, id: "2023-12", start: "2023-12-04", end: "2023-12-05", body: true,
        items: NONE },
    Real { file: "2024-01-25-verslag-tkconv.txt", kind: Kind::Verslag, id: "2024-01", start: "2024-01-25", end: "2024-01-26", body: true,
        items: &[item(Some("Binnenlandse Zaken"), Some(1), "Strategische discussie over migratiebeleid")] },
    // Eerste Kamer letter 'OO' with the side topics 'Toetreding van Polen tot het EOM' and
    // 'Voorlopig akkoord confiscatierichtlijn'.
    Real { file: "2024-03-04-verslag-eerstekamer-kst.txt", kind: Kind::Verslag, id: "2024-03", start: "2024-03-04", end: "2024-03-05", body: true,
        items: NONE },
    // Viewer metadata only, naming two other meetings (22 en 23 Juli, 10 en 11 oktober 2024).
    Real { file: "2024-06-13-verslag-tkconv-metadata.txt", kind: Kind::Verslag, id: "2024-06", start: "2024-06-13", end: "2024-06-14", body: false,
        items: NONE },
    // 'op 12 en 13 juni in Luxemburg' without a year, split over an indented line break.
    Real { file: "2025-06-12-agenda-tweedekamer.txt", kind: Kind::Agenda, id: "2025-06", start: "2025-06-12", end: "2025-06-13", body: true,
        items: NONE },
    Real { file: "2025-06-12-verslag-tweedekamer.txt", kind: Kind::Verslag, id: "2025-06", start: "2025-06-12", end: "2025-06-13", body: true,
        items: NONE },
    Real { file: "2025-07-22-agenda-informeel-tweedekamer.txt", kind: Kind::Agenda, id: "2025-07", start: "2025-07-22", end: "2025-07-23", body: true,
        items: NONE },
    Real { file: "2025-07-22-verslag-informeel-tweedekamer.txt", kind: Kind::Verslag, id: "2025-07", start: "2025-07-22", end: "2025-07-23", body: true,
        items: NONE },
    // Justice part first ('  1. Justitie'), bullets '  • ', item '    1. …' indented deeper.
    Real { file: "2025-10-13-verslag-tkconv.txt", kind: Kind::Verslag, id: "2025-10", start: "2025-10-13", end: "2025-10-14", body: true,
        items: &[item(Some("Justitie"), Some(1), "De Russische agressieoorlog tegen Oekraïne: strijd tegen straffeloosheid")] },
    // The viewer's title says 8-9 december 2025; the letter copies '13-14 oktober a.s.' from
    // an earlier letter.
    Real { file: "2025-12-08-agenda-brief-tkconv.txt", kind: Kind::Agenda, id: "2025-12", start: "2025-12-08", end: "2025-12-09", body: true,
        items: NONE },
    Real { file: "2025-12-08-agenda-tkconv.txt", kind: Kind::Agenda, id: "2025-12", start: "2025-12-08", end: "2025-12-09", body: true,
        items: &[agenda_item(Some("Binnenlandse Zaken"), Some(1), "Terugkeerverordening", "(Gedeeltelijke) algemene oriëntatie")] },
    Real { file: "2025-12-08-verslag-brief-tweedekamer.txt", kind: Kind::Verslag, id: "2025-12", start: "2025-12-08", end: "2025-12-09", body: true,
        items: NONE },
    // '22–23 januari a.s.' without a year (the letter is of 15 januari 2026).
    Real { file: "2026-01-22-agenda-informeel-eerstekamer-kst.txt", kind: Kind::Agenda, id: "2026-01", start: "2026-01-22", end: "2026-01-23", body: true,
        items: NONE },
];

/// The fixture's text without its `#! ` header lines and the empty line after them.
fn excerpt(file: &str) -> String {
    let bytes = fixture("real", file);
    let text = String::from_utf8(bytes).expect("fixture is UTF-8");
    let mut rest = text.as_str();
    while let Some(line_end) = rest.find('\n') {
        if rest.starts_with("#! ") {
            rest = &rest[line_end + 1..];
        } else {
            break;
        }
    }
    rest.strip_prefix('\n').unwrap_or(rest).to_string()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_heading(got: &str, want: &str) -> bool {
    let norm = |s: &str| collapse(s).trim_end_matches('.').to_string();
    norm(got) == norm(want)
}

fn same_part(got: &str, want: &str) -> bool {
    collapse(got).to_lowercase() == collapse(want).to_lowercase()
}

fn same_action(got: &str, want: &str) -> bool {
    let norm = |s: &str| collapse(s.trim().trim_start_matches('=').trim()).to_lowercase();
    norm(got) == norm(want)
}

/// An item as a snapshot holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GotItem {
    part: String,
    number: Option<u64>,
    heading: String,
    action: Option<String>,
}

impl std::fmt::Display for GotItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let number = self.number.map(|n| format!("{n}. ")).unwrap_or_default();
        write!(f, "[{}] {number}{}", self.part, self.heading)?;
        if let Some(a) = &self.action {
            write!(f, " ({a})")?;
        }
        Ok(())
    }
}

fn text_of(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn field(v: &serde_yaml::Value, path: &[&str]) -> Option<String> {
    let mut cur = v;
    for key in path {
        cur = cur.get(*key)?;
    }
    text_of(cur)
}

/// Normalises one fixture; returns what is wrong with the result (empty: read right).
fn check(real: &Real) -> Vec<String> {
    let mut wrong = Vec::new();
    let text = excerpt(real.file);
    let repo = repo_with_files(&[(real.file, text.as_bytes())]);
    let (code, out, err) = run(repo.path(), &["normalize"]);
    if err.contains("panicked") {
        wrong.push(format!("panic: {}", first_line(&err)));
        return wrong;
    }
    if code != 0 {
        if !real.body && code == 2 && err.contains(real.file) {
            // A viewer page without the report's text may be refused, if it says which file.
            return wrong;
        }
        wrong.push(format!("exit {code}: {}", first_line(&err)));
        return wrong;
    }

    let snaps = snapshot_texts(repo.path());
    if snaps.is_empty() {
        wrong.push(format!(
            "accepted but no snapshot written (meeting and kind not observable); stdout: {}",
            first_line(&out)
        ));
    }
    let mut got_items: Vec<GotItem> = Vec::new();
    let mut meetings: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (path, yaml) in &snaps {
        let doc: serde_yaml::Value = match serde_yaml::from_str(yaml) {
            Ok(d) => d,
            Err(e) => {
                wrong.push(format!("{path}: not YAML: {e}"));
                continue;
            }
        };
        let id = field(&doc, &["meeting", "id"]).unwrap_or_default();
        let start = field(&doc, &["meeting", "start"]).unwrap_or_default();
        let end = field(&doc, &["meeting", "end"]).unwrap_or_default();
        let kind = field(&doc, &["source", "kind"]).unwrap_or_default();
        let name = path.rsplit('/').next().unwrap_or(path);
        let seen = format!("meeting {id} {start}..{end}, kind {kind}, file {name}");
        meetings.entry(seen).or_default().push(path.clone());
        if let Some(items) = doc.get("items").and_then(|i| i.as_sequence()) {
            for it in items {
                got_items.push(GotItem {
                    part: field(it, &["part"]).unwrap_or_default(),
                    number: it.get("number").and_then(|n| n.as_u64()),
                    heading: field(it, &["heading"]).unwrap_or_default(),
                    action: field(it, &["action"]),
                });
            }
        }
    }
    let want_meeting = format!(
        "meeting {} {}..{}, kind {}, file {}",
        real.id,
        real.start,
        real.end,
        real.kind.word(),
        real.snapshot_name()
    );
    for (seen, paths) in &meetings {
        if *seen != want_meeting {
            wrong.push(format!(
                "{seen} in {} snapshot(s) (e.g. {}); expected {want_meeting}",
                paths.len(),
                paths[0]
            ));
        }
    }

    got_items.dedup();
    // Items numbered 0 are text outside the agenda items (a part's text under its heading, a
    // covering letter's side topics), kept as the meeting's other topics: not agenda items.
    // Their headings must still be topics, never a letter's signature block.
    let (notes, got_items): (Vec<GotItem>, Vec<GotItem>) =
        got_items.into_iter().partition(|g| g.number == Some(0));
    for note in &notes {
        let lower = note.heading.to_lowercase();
        let initials = note.heading.split(' ').next().is_some_and(|w| {
            w.len() >= 2 && w.ends_with('.') && w.chars().all(|c| c == '.' || c.is_uppercase())
        });
        if initials
            || lower.contains(", minister")
            || lower.starts_with("de minister")
            || lower == "ondertekenaars"
        {
            wrong.push(format!("a signature taken as a side topic: {note}"));
        }
    }
    let mut unmatched: Vec<Option<GotItem>> = got_items.into_iter().map(Some).collect();
    for want in real.items {
        let found = unmatched.iter_mut().find(|g| {
            g.as_ref().is_some_and(|g| {
                same_heading(&g.heading, want.heading)
                    && want.part.is_none_or(|p| same_part(&g.part, p))
                    && want.number.is_none_or(|n| g.number == Some(u64::from(n)))
                    && want
                        .action
                        .is_none_or(|a| g.action.as_deref().is_some_and(|ga| same_action(ga, a)))
            })
        });
        match found {
            Some(slot) => *slot = None,
            None => {
                let near = unmatched
                    .iter()
                    .flatten()
                    .find(|g| same_heading(&g.heading, want.heading))
                    .map(|g| format!(" (found as {g})"))
                    .unwrap_or_default();
                wrong.push(format!(
                    "item missing: [{}] {}{}{}{near}",
                    want.part.unwrap_or("?"),
                    want.number.map(|n| format!("{n}. ")).unwrap_or_default(),
                    want.heading,
                    want.action.map(|a| format!(" ({a})")).unwrap_or_default(),
                ));
            }
        }
    }
    for extra in unmatched.into_iter().flatten() {
        wrong.push(format!("not an agenda item, taken as one: {extra}"));
    }
    wrong
}

fn first_line(s: &str) -> String {
    let line = s
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let mut out: String = line.chars().take(200).collect();
    if line.chars().count() > 200 {
        out.push('…');
    }
    out
}

#[test]
fn every_fixture_is_in_the_table_and_the_table_names_only_fixtures() {
    let dir = common::fixture_path("real", "");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/real")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    on_disk.sort();
    let mut in_table: Vec<String> = REAL.iter().map(|r| r.file.to_string()).collect();
    in_table.sort();
    assert_eq!(on_disk, in_table);
    for r in REAL {
        let raw = String::from_utf8(fixture("real", r.file)).expect("UTF-8");
        assert!(
            raw.starts_with("#! real excerpt (the opening, as stored by a search index) of: "),
            "{}: header",
            r.file
        );
        for key in ["#! source: ", "#! published: ", "#! meeting: "] {
            assert!(raw.contains(key), "{}: header lacks {key}", r.file);
        }
        assert!(
            r.file.starts_with(r.start),
            "{}: named by its first day",
            r.file
        );
        assert!(!excerpt(r.file).starts_with("#!"), "{}", r.file);
        assert!(!excerpt(r.file).starts_with('\n'), "{}", r.file);
    }
}

/// Openings the reader does not read right yet, each with why. They are printed, not failed;
/// one that starts to pass fails the test until it is taken off this list, so the list only
/// shrinks. Each is an open gap of issue 14, named in its note.
const KNOWN_GAPS: &[(&str, &str)] = &[];

#[test]
fn real_openings_are_read_as_a_careful_reader_reads_them() {
    let mut failures: Vec<(&str, Vec<String>)> = Vec::new();
    let mut passed: Vec<&str> = Vec::new();
    for real in REAL {
        let wrong = check(real);
        if wrong.is_empty() {
            passed.push(real.file);
        } else {
            failures.push((real.file, wrong));
        }
    }
    let mut summary = format!(
        "{} of {} real openings read right\n",
        passed.len(),
        REAL.len()
    );
    for p in &passed {
        summary.push_str(&format!("  ok    {p}\n"));
    }
    for (file, wrong) in &failures {
        summary.push_str(&format!("  FAIL  {file}\n"));
        for w in wrong {
            summary.push_str(&format!("          - {w}\n"));
        }
    }
    println!("{summary}");
    let gap = |file: &str| KNOWN_GAPS.iter().any(|(f, _)| *f == file);
    let now_right: Vec<&&str> = passed.iter().filter(|p| gap(p)).collect();
    assert!(
        now_right.is_empty(),
        "now read right, take off KNOWN_GAPS: {now_right:?}\n{summary}"
    );
    let new: Vec<&str> = failures
        .iter()
        .map(|(f, _)| *f)
        .filter(|f| !gap(f))
        .collect();
    assert!(new.is_empty(), "read wrong: {new:?}\n{summary}");
}
