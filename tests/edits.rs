//! A differ that reports exactly the edit (issue 15, item 7): one edit each to a copy of the
//! shipped real report, and the diff (`diff --format json`, through the library) must name that
//! edit and nothing else.
//!
//! The edited copies are made here, in a temporary folder, from `reports/` and the table
//! [`EDITS`] of (name, find, replace, expected change); none is committed. Each copy (and the
//! unedited copy it is compared with) starts with a line saying it is constructed for tests,
//! as `tests/fixtures/edits/README.md` explains.
//!
//! An expected change is written `dossier: what`, where `what` is `stage OLD → NEW`,
//! `ACTOR added|removed|changed`, `milestone moved|added|dropped|status`,
//! `highlight added|removed|changed`, `reference added|removed`, `appeared` or `left`.
//! Where the right answer is "nothing" (whitespace, quote style, a sentence moved within its
//! paragraph, an item renumbered, a dossier renamed through a registry alias), the list is
//! empty: the edit is noise, or changes only how a dossier is found, not what it says.

use std::path::Path;

use jbz_track::diff::{self, Comparison};
use jbz_track::normalize::{normalize, UpdateMode};
use jbz_track::repo::Repo;
use jbz_track::store::{Collection, MeetingKey};
use serde_json::Value;

const REPORT: &str = "2023-10-19-jbz-raad-verslag.txt";
const HEADER: &str =
    "Geconstrueerd voor de tests van jbz-track (tests/edits.rs); geen officiële tekst.\n\n";

/// One constructed edit.
struct Edit {
    name: &'static str,
    /// Text that occurs exactly once in the real report.
    find: &'static str,
    /// What it becomes.
    replace: &'static str,
    /// The changes the diff must report, and no other.
    expect: &'static [&'static str],
}

/// A `dossiers.yaml` entry that gives the interoperability item's old heading as an alias of
/// its new one (the registry rename case).
const INTEROP_REGISTRY: &str = "
  - id: implementatie-van-interoperabiliteit
    title: Implementatie van interoperabiliteit
    aliases:
      - Implementatie van interoperabiliteit
      - Interoperabiliteit van de EU-informatiesystemen
";

const EDITS: &[Edit] = &[
    // --- the reading of the report ------------------------------------------------------
    Edit {
        name: "empty line inside a sentence of running text",
        find: "Ook benadrukten veel lidstaten dat een juiste \nbalans",
        replace: "Ook benadrukten veel lidstaten dat een juiste \n\nbalans",
        expect: &[],
    },
    Edit {
        name: "footnote marker removed",
        find: "grooming.1  \n",
        replace: "grooming.  \n",
        // The footnote is still read as one (it opens `1 Zie ook …`), but nothing in the text
        // points to it any more, so the reference it gives is no longer the item's.
        expect: &["csam-verordening: reference removed"],
    },
    Edit {
        name: "sentence without a subject of its own moved within its paragraph",
        find: "te creëren. De Commissie vulde aan door het belang van deze richtlijn voor de rechtszekerheid in \nde EU te benadrukken. De richtlijn bevat belangrijke minimumnormen om misbruik te voorkomen. ",
        replace: "te creëren. De richtlijn bevat belangrijke minimumnormen om misbruik te voorkomen. De Commissie vulde aan door het belang van deze richtlijn voor de rechtszekerheid in \nde EU te benadrukken. ",
        // It goes on the statement before it: after the presidency's, it is the presidency's.
        expect: &[
            "insolventierichtlijn: commissie removed",
            "insolventierichtlijn: voorzitterschap added",
        ],
    },
    // --- positions ------------------------------------------------------------------------
    Edit {
        name: "position reversed",
        find: "Nederland sprak steun uit voor harmonisatie",
        replace: "Nederland sprak zich uit tegen harmonisatie",
        expect: &["insolventierichtlijn: nederland changed"],
    },
    Edit {
        name: "position reworded",
        find: "meer waarborgen te zien in een",
        replace: "voldoende waarborgen te zien in een",
        expect: &["csam-verordening: nederland changed"],
    },
    Edit {
        name: "number in a statement changed",
        find: "(11-14 jaar)",
        replace: "(12-15 jaar)",
        expect: &["voorkomen-online-radicalisering-van-minderjarigen: commissie changed"],
    },
    Edit {
        name: "actor added",
        find: "De richtlijn bevat belangrijke minimumnormen om misbruik te voorkomen. ",
        replace: "De richtlijn bevat belangrijke minimumnormen om misbruik te voorkomen. Eurojust wees op het belang van grensoverschrijdende samenwerking tussen curatoren. ",
        expect: &["insolventierichtlijn: eurojust added"],
    },
    Edit {
        name: "statement removed",
        find: "Eurojust verwachte daarmee meer vooruitgang. ",
        replace: "",
        expect: &["russische-agressie-tegen-oekraine-tegengaan-straffeloosheid: eurojust removed"],
    },
    Edit {
        name: "actor falls silent",
        find: "EUROPOL \nbenoemde de werkzaamheden van de zogeheten terrorisme identificatie taskforce waarbij wordt \ngewerkt aan het omzetten van verdenkingen naar bewijs.",
        replace: "",
        expect: &["voorkomen-online-radicalisering-van-minderjarigen: europol removed"],
    },
    // --- stage ----------------------------------------------------------------------------
    Edit {
        name: "stage advanced",
        find: "detectiebevelen is beperkt. ",
        replace: "detectiebevelen is beperkt. De Raad heeft een gedeeltelijke algemene oriëntatie bereikt. ",
        expect: &[
            "csam-verordening: stage raadsonderhandelingen → raadspositie",
            "csam-verordening: raad added",
        ],
    },
    // --- timeline -------------------------------------------------------------------------
    Edit {
        name: "date slipped",
        find: "tentatief gepland voor najaar 2024.",
        replace: "tentatief gepland voor voorjaar 2025.",
        // The sentence is also part of the state of play (no one's position, though it
        // follows "De JBZ-Raad ging akkoord met de roadmap"): one edit, two facts.
        expect: &[
            "implementatie-van-interoperabiliteit: milestone moved",
            "implementatie-van-interoperabiliteit: state of play changed",
        ],
    },
    Edit {
        name: "date made more precise",
        find: "Doel is om eind 2024 tot een",
        replace: "Doel is om in december 2024 tot een",
        // "Doel is om …" states an aim with no one as its subject: the state of play.
        expect: &[
            "overige-onderwerpen-aob: milestone moved",
            "overige-onderwerpen-aob: state of play changed",
        ],
    },
    Edit {
        name: "meeting date earlier",
        find: "EU en Westelijke Balkan van 26 en 27 oktober 2023.",
        replace: "EU en Westelijke Balkan van 24 en 25 oktober 2023.",
        expect: &[
            "overige-onderwerpen-aob: milestone moved",
            "overige-onderwerpen-aob: voorzitterschap changed",
        ],
    },
    Edit {
        name: "milestone added",
        find: "Het ETIAS zou dan volgen in voorjaar 2025.",
        replace: "Het ETIAS zou dan volgen in voorjaar 2025. De evaluatie van de roadmap volgt in 2026.",
        expect: &[
            "implementatie-van-interoperabiliteit: milestone added",
            "implementatie-van-interoperabiliteit: state of play added",
        ],
    },
    Edit {
        name: "milestone removed",
        find: "Het ETIAS zou dan volgen in voorjaar 2025.",
        replace: "",
        expect: &[
            "implementatie-van-interoperabiliteit: milestone dropped",
            "implementatie-van-interoperabiliteit: state of play removed",
        ],
    },
    // --- highlights -----------------------------------------------------------------------
    Edit {
        name: "highlight reworded",
        find: "De JBZ-Raad sprak steun uit voor de inzet",
        replace: "De JBZ-Raad sprak brede steun uit voor de inzet",
        expect: &["externe-dimensie-van-migratie: highlight changed"],
    },
    Edit {
        name: "highlight removed",
        find: "• De JBZ-Raad had een eerste gesprek over de mogelijke gevolgen van het conflict in \nIsraël/Palestina voor de interne veiligheid van de EU.  \n",
        replace: "",
        expect: &["interne-veiligheid-eu-als-gevolg-van-situatie-midden-oosten: highlight removed"],
    },
    // --- references -----------------------------------------------------------------------
    Edit {
        name: "footnote reference changed",
        find: "3 Kamerstukken 2022/2023, 32 317, nr. 836",
        replace: "3 Kamerstukken 2022/2023, 32 317, nr. 837",
        expect: &[
            "staat-van-schengen-op-basis-van-schengen-barometer: reference added",
            "staat-van-schengen-op-basis-van-schengen-barometer: reference removed",
        ],
    },
    Edit {
        name: "footnote reference in another footnote changed",
        find: "2023/24, 32317, nr. 859.",
        replace: "2023/24, 32317, nr. 858.",
        expect: &[
            "csam-verordening: reference added",
            "csam-verordening: reference removed",
        ],
    },
    Edit {
        name: "footnote wording changed",
        find: "1 Zie ook de beantwoording",
        replace: "1 Zie hiervoor de beantwoording",
        expect: &[],
    },
    // --- agenda items and dossiers --------------------------------------------------------
    Edit {
        name: "item renumbered",
        find: "\n9. Overige onderwerpen (AOB)",
        replace: "\n10. Overige onderwerpen (AOB)",
        expect: &[],
    },
    Edit {
        name: "dossier renamed through a built-in alias",
        find: "1. Insolventierichtlijn \n",
        replace: "1. Richtlijn materieel insolventierecht \n",
        expect: &[],
    },
    Edit {
        name: "dossier renamed through a dossiers.yaml alias",
        find: "3. Implementatie van interoperabiliteit",
        replace: "3. Interoperabiliteit van de EU-informatiesystemen",
        expect: &[],
    },
    Edit {
        name: "item removed",
        find: "7. Union Civil Protection Mechanism i.r.t extreem weer  \n \nHet Voorzitterschap lichtte het besluit toe om de financiering van het tijdelijke \nbrandbestrijdingsvloot te verlengen in afwachting van de permanente oplossing. De Raad hoorde \ndit aan.   \n",
        replace: "",
        expect: &["union-civil-protection-mechanism-i-r-t-extreem-weer: left"],
    },
    // --- noise: none of these is a change -------------------------------------------------
    Edit {
        name: "sentence moved within its paragraph",
        find: "Daarnaast \ndeed Eurojust een oproep aan lidstaten om bewijs aan te leveren voor de database. Ten slotte gaf \nEurojust aan het operationeel kader voor onderzoek voor het ICPA momenteel uit te werken.",
        replace: "Ten slotte gaf \nEurojust aan het operationeel kader voor onderzoek voor het ICPA momenteel uit te werken. Daarnaast \ndeed Eurojust een oproep aan lidstaten om bewijs aan te leveren voor de database.",
        expect: &[],
    },
    Edit {
        name: "doubled spaces",
        find: "Het Spaanse voorzitterschap lichtte de ontwikkelingen toe",
        replace: "Het  Spaanse   voorzitterschap lichtte  de ontwikkelingen toe",
        expect: &[],
    },
    Edit {
        name: "line wrapped elsewhere",
        find: "compromistekst van de verordening extra waarborgen bevat en dat de werkingssfeer van \ndetectiebevelen",
        replace: "compromistekst van de verordening \nextra waarborgen bevat en dat de werkingssfeer van detectiebevelen",
        expect: &[],
    },
    Edit {
        name: "curly quotes to straight",
        find: "‘Schengenterugkeerpilots’",
        replace: "'Schengenterugkeerpilots'",
        expect: &[],
    },
    Edit {
        name: "curly quotes to guillemets",
        find: "‘Schengenterugkeerpilots’",
        replace: "«Schengenterugkeerpilots»",
        expect: &[],
    },
    Edit {
        name: "curly apostrophe to straight",
        find: "risico’s laat zien",
        replace: "risico's laat zien",
        expect: &[],
    },
    Edit {
        name: "hyphenation at a line end undone",
        find: "Schengen-\nterugkeerpilots.",
        replace: "Schengen-terugkeerpilots.\n",
        expect: &[],
    },
    Edit {
        name: "straight double quotes to curly",
        find: "‘Schengenterugkeerpilots’",
        replace: "“Schengenterugkeerpilots”",
        expect: &[],
    },
];

/// Edits applied to the whole text rather than one place.
/// An edit of the whole text.
type Rewrite = fn(&str) -> String;

const WHOLE_TEXT: &[(&str, Rewrite)] = &[
    ("trailing spaces removed", |t| {
        t.lines().map(str::trim_end).collect::<Vec<_>>().join("\n") + "\n"
    }),
    ("CRLF line ends", |t| t.replace('\n', "\r\n")),
    ("two items swap places and numbers", swap_items),
];

/// Items 7 and 8 of Binnenlandse Zaken change places, each keeping its text, renumbered so
/// that the numbering still runs 1 … 9: matched by key, not position, nothing changes.
fn swap_items(t: &str) -> String {
    let a = t.find("7. Union Civil Protection").expect("item 7");
    let b = t
        .find("8. Voorkomen online radicalisering")
        .expect("item 8");
    let c = t.find("9. Overige onderwerpen (AOB)").expect("item 9");
    let seven = t[a..b].replacen("7. ", "8. ", 1);
    let eight = t[b..c].replacen("8. ", "7. ", 1);
    format!("{}{eight}{seven}{}", &t[..a], &t[c..])
}

fn real_report() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("reports")
        .join(REPORT);
    std::fs::read_to_string(path).expect("the real report")
}

/// A repository holding `text` as the report (and `registry` as its dossiers.yaml), normalised.
fn repo(text: &str, registry: Option<&str>) -> (tempfile::TempDir, Collection) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("reports")).expect("reports");
    std::fs::write(
        dir.path().join("reports").join(REPORT),
        format!("{HEADER}{text}"),
    )
    .expect("write report");
    if let Some(r) = registry {
        std::fs::write(dir.path().join("dossiers.yaml"), r).expect("registry");
    }
    let repo = Repo::open(dir.path()).expect("repo");
    let outcome = normalize(&repo, &[], UpdateMode::Write).expect("normalize");
    assert!(outcome.failures.is_empty(), "{:?}", outcome.failures);
    let c = Collection::from_worktree(dir.path()).expect("snapshots");
    (dir, c)
}

/// The changes of a comparison, from its JSON, one line each.
fn changes(c: &Comparison) -> Vec<String> {
    let mut buf = Vec::new();
    jbz_track::render::json::comparison(&mut buf, c).expect("json");
    let doc: Value = serde_json::from_slice(&buf).expect("parse json");
    let mut out = Vec::new();
    for d in doc["dossiers"].as_array().expect("dossiers") {
        let id = d["dossier"].as_str().expect("id");
        match d["presence"].as_str() {
            Some("appeared") => out.push(format!("{id}: appeared")),
            Some("left") => out.push(format!("{id}: left")),
            _ => {}
        }
        if d["presence"] != "both" {
            continue;
        }
        if !d["stage"].is_null() {
            let s = |v: &Value| v.as_str().unwrap_or("(none)").to_string();
            out.push(format!(
                "{id}: stage {} → {}",
                s(&d["stage"]["old"]),
                s(&d["stage"]["new"])
            ));
        }
        for p in d["positions"].as_array().expect("positions") {
            for s in p["statements"].as_array().expect("statements") {
                out.push(format!(
                    "{id}: {} {}",
                    p["actor"].as_str().expect("actor"),
                    s["change"].as_str().expect("change")
                ));
            }
        }
        for (key, word) in [
            ("timeline", "milestone"),
            ("highlights", "highlight"),
            ("state_of_play", "state of play"),
            ("references", "reference"),
        ] {
            for m in d[key].as_array().expect(key) {
                out.push(format!(
                    "{id}: {word} {}",
                    m["change"].as_str().expect("change")
                ));
            }
        }
    }
    out.sort();
    out
}

fn demo_registry() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo/dossiers.yaml"),
    )
    .expect("demo registry")
}

#[test]
fn every_edit_is_reported_exactly() {
    let original = real_report();
    let key = MeetingKey::from_stem("2023-10");
    let (_d0, base) = repo(&original, None);
    let registry = demo_registry() + INTEROP_REGISTRY;
    let (_d1, base_registry) = repo(&original, Some(&registry));
    let mut failures = Vec::new();
    let (mut named, mut noise) = (0, 0);
    let mut run =
        |name: &str, edited: String, uses_registry: bool, expect: &[&str], new_words: Vec<&str>| {
            let (_dir, new) = repo(&edited, uses_registry.then_some(registry.as_str()));
            let old = if uses_registry { &base_registry } else { &base };
            let c = diff::meetings((old, &key), (&new, &key), &[]);
            let got = changes(&c);
            // The change named is the edit itself: a word the edit brought in is in it.
            let json = serde_json::to_string(&c).expect("json");
            if !expect.is_empty()
                && !new_words.is_empty()
                && !new_words.iter().any(|w| json.contains(w))
            {
                failures.push(format!("{name}: none of {new_words:?} is in the diff"));
            }
            let mut want: Vec<String> = expect.iter().map(|s| s.to_string()).collect();
            want.sort();
            if got != want {
                failures.push(format!("{name}:\n  expected {want:?}\n  got      {got:?}"));
            }
            if expect.is_empty() {
                noise += 1;
            } else {
                named += 1;
            }
        };
    for e in EDITS {
        assert_eq!(
            original.matches(e.find).count(),
            1,
            "{}: the text to find must occur once in the report",
            e.name
        );
        let uses_registry = e.name.contains("dossiers.yaml");
        let new_words: Vec<&str> = e
            .replace
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.len() > 1 && !e.find.contains(w))
            .collect();
        run(
            e.name,
            original.replacen(e.find, e.replace, 1),
            uses_registry,
            e.expect,
            new_words,
        );
    }
    for (name, f) in WHOLE_TEXT {
        run(name, f(&original), false, &[], Vec::new());
    }
    let total = EDITS.len() + WHOLE_TEXT.len();
    println!(
        "edit suite: {total} edits, {named} named with their change, {noise} with none (noise)"
    );
    assert!(total >= 30, "at least 30 edits: {total}");
    assert!(
        failures.is_empty(),
        "{} of {total} edits reported wrongly:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
