//! `jbz-track diff` as a user runs it: temporary repositories built from the real October 2023
//! report and the constructed December 2023 and March 2024 meetings in
//! `tests/fixtures/meetings/` (its README lists every intended change), normalised with the
//! binary, then compared as meetings and as git revisions.
//!
//! Whole outputs are held as insta snapshots in `tests/snapshots/`; the facts a reader would
//! look for are also asserted one by one, so that a failure says what went wrong.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{
    add_report, all_meetings, git, has, json, lacks, manifest, normalize, ok, repo_with, run,
    run_expecting, CSAM, DEC, INTEROP, OCT,
};
use serde_json::Value;

const INSOLVENCY: &str = "insolventierichtlijn";
const CIVIL_PROTECTION: &str = "union-civil-protection-mechanism-i-r-t-extreem-weer";
const E_EVIDENCE: &str = "e-evidence-voorbereiding-op-de-toepassing-van-de-verordening";
const EXTERNAL: &str = "externe-dimensie-van-migratie";
const AOB: &str = "overige-onderwerpen-aob";

/// Run, expect exit 2 (trouble), return stderr.
fn trouble(repo: &Path, args: &[&str]) -> String {
    let (_, err) = run_expecting(repo, args, 2);
    assert!(
        err.starts_with("jbz-track: "),
        "errors start with the program name: {err}"
    );
    err
}

/// The lines of `text` from the one starting with `start` up to the next empty line: one
/// dossier's block in the text output.
fn block<'a>(text: &'a str, start: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("no block starting {start:?} in\n{text}"));
    let rest = &text[from..];
    &rest[..rest.find("\n\n").map_or(rest.len(), |e| e + 1)]
}

/// The dossier `id` in a JSON comparison.
fn dossier<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["dossiers"]
        .as_array()
        .expect("dossiers is an array")
        .iter()
        .find(|d| d["dossier"] == id)
        .unwrap_or_else(|| panic!("no dossier {id} in the diff: {doc:#}"))
}

fn dossier_ids(doc: &Value) -> Vec<&str> {
    doc["dossiers"]
        .as_array()
        .expect("dossiers is an array")
        .iter()
        .map(|d| d["dossier"].as_str().expect("dossier id"))
        .collect()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().expect("string"))
        .collect()
}

/// An actor's entry in a dossier's `positions`.
fn actor<'a>(d: &'a Value, actor: &str) -> &'a Value {
    d["positions"]
        .as_array()
        .expect("positions")
        .iter()
        .find(|p| p["actor"] == actor)
        .unwrap_or_else(|| panic!("no actor {actor} in {d:#}"))
}

/// The dossiers that December leaves as they were (apart from meeting and source).
const UNCHANGED_OCT_DEC: [&str; 8] = [
    "asiel-migratiepact",
    "digitale-empowerment-en-fundamentele-rechten",
    "interne-veiligheid-eu-als-gevolg-van-situatie-midden-oosten",
    "justitiele-samenwerking-met-latijns-amerika-inzake-aanpak",
    "lunchbespreking-verbetering-van-de-efficientie-en-kwaliteit",
    "russische-agressie-tegen-oekraine-tegengaan-straffeloosheid",
    "staat-van-schengen-op-basis-van-schengen-barometer",
    "voorkomen-online-radicalisering-van-minderjarigen",
];

/// The dossiers that change between October and December, in the order of the output (by id).
const CHANGED_OCT_DEC: [&str; 7] = [
    CSAM,
    E_EVIDENCE,
    EXTERNAL,
    INTEROP,
    INSOLVENCY,
    AOB,
    CIVIL_PROTECTION,
];

// ---------------------------------------------------------------------------------------------
// 1. Every kind of change, in the three formats
// ---------------------------------------------------------------------------------------------

#[test]
fn text_diff_shows_every_kind_of_change() {
    let repo = repo_with(&[OCT, DEC]);
    let out = ok(
        repo.path(),
        &["diff", "2023-10", "2023-12", "--color", "never"],
    );

    has(&out, "jbz-track diff 2023-10 → 2023-12\n");
    lacks(&out, "\x1b[");

    let csam = block(&out, "~ csam-verordening");
    // The Netherlands' sentence, reworded in two words, the other one unchanged.
    has(csam, "  nederland  (1 unchanged)\n");
    has(csam, "[-meer-]{+voldoende+}");
    has(csam, "[-reviewclausule-]{+herzieningsclausule+}");
    // The stage moved forward, with the sentence it was read from.
    has(
        csam,
        "  stage  raadsonderhandelingen → raadspositie (forward)\n",
    );
    has(
        csam,
        "De Raad heeft een gedeeltelijke algemene oriëntatie bereikt.",
    );
    // A new actor, and the Coreper milestone three months later.
    has(csam, "  raad  spoke\n");
    has(
        csam,
        "moved    akkoord Coreper: overeenstemming in het Comité van Permanente Vertegenwoordigers —\n             2023-10 (deze maand)",
    );
    has(csam, "→ 2024-01 (januari 2024), +3 months, later");
    has(csam, "[-deze maand-]{+in januari 2024+}");
    // Unchanged parts of the dossier are not shown.
    lacks(csam, "lidstaten");
    lacks(csam, "highlights");
    lacks(csam, "references");

    let interop = block(&out, "~ implementatie-van-interoperabiliteit");
    has(
        interop,
        "inwerkingtreding van het EES staat gepland — 2024-09/2024-11 (najaar 2024) →",
    );
    has(interop, "2025-03/2025-05 (voorjaar 2025), +6 months, later");
    lacks(interop, "ETIAS");

    let insolvency = block(&out, "~ insolventierichtlijn");
    has(insolvency, "  commissie  fell silent\n");
    has(
        insolvency,
        "    - De richtlijn bevat belangrijke minimumnormen om misbruik te voorkomen.\n",
    );
    assert_eq!(
        insolvency.matches("\n    - ").count(),
        3,
        "the Commission's three statements are removed:\n{insolvency}"
    );
    lacks(insolvency, "stage");

    // Headers longer than the 100 columns wrap at a word (issue 16).
    has(
        &out,
        "- union-civil-protection-mechanism-i-r-t-extreem-weer  Union Civil Protection Mechanism i.r.t\n    extreem weer no longer on the agenda (last at 2023-10)\n",
    );
    has(
        &out,
        "+ e-evidence-voorbereiding-op-de-toepassing-van-de-verordening  E-evidence: voorbereiding op de\n    toepassing van de verordening on the agenda at 2023-12\n    3 statements by commissie, nederland, raad\n",
    );

    let external = block(&out, "~ externe-dimensie-van-migratie");
    has(external, "  highlights\n");
    has(external, "te maken{+ en uit te voeren+}.");
    has(external, "  references\n    + Kamerstuk 32 317, nr. 870\n");

    // The incidental change the fixtures README announces: a copied date now lies in the past.
    has(
        block(&out, "~ overige-onderwerpen-aob"),
        "status   Ministeriële Forum tussen de EU en Westelijke Balkan",
    );

    // An item renumbered (BZ 8 → 7) is not a change of the dossier.
    has(&out, "unchanged: asiel-migratiepact,");
    has(&out, "voorkomen-online-radicalisering-van-minderjarigen\n");

    insta::assert_snapshot!("text_2023-10_to_2023-12", out);
}

#[test]
fn markdown_diff_shows_every_kind_of_change() {
    let repo = repo_with(&[OCT, DEC]);
    let out = ok(
        repo.path(),
        &["diff", "2023-10", "2023-12", "--format", "markdown"],
    );

    has(&out, "## JBZ-Raad: 2023-10 → 2023-12\n");
    has(&out, "### `csam-verordening` Verordening ter voorkoming en bestrijding van seksueel misbruik van kinderen\n");
    has(&out, "- **Stage:** raadsonderhandelingen → raadspositie (forward)\n  > De Raad heeft een gedeeltelijke algemene oriëntatie bereikt.\n");
    has(&out, "in plaats van een activatieclausule, ~~meer~~**voldoende** waarborgen te zien in een ~~reviewclausule~~**herzieningsclausule** voor detectie");
    has(&out, "  - moved: akkoord Coreper: overeenstemming in het Comité van Permanente Vertegenwoordigers — 2023-10 (deze maand) → 2024-01 (januari 2024), +3 months, later\n");
    has(&out, "- **raad** (spoke)\n  - added: De Raad heeft een gedeeltelijke algemene oriëntatie bereikt.\n");
    has(&out, "  - moved: inwerkingtreding van het EES staat gepland — 2024-09/2024-11 (najaar 2024) → 2025-03/2025-05 (voorjaar 2025), +6 months, later\n");
    has(
        &out,
        "- **commissie** (fell silent)\n  - removed: ~~De Commissie vulde aan",
    );
    has(&out, "### `union-civil-protection-mechanism-i-r-t-extreem-weer` Union Civil Protection Mechanism i.r.t extreem weer\n\n**No longer on the agenda** (last at 2023-10).\n");
    has(&out, "### `e-evidence-voorbereiding-op-de-toepassing-van-de-verordening` E-evidence: voorbereiding op de toepassing van de verordening\n\n**On the agenda** at 2023-12.");
    has(&out, "- **Highlights**\n  - changed: De JBZ-Raad sprak steun uit voor de inzet van een breed instrumentarium om migratie en terugkeerafspraken met derde landen te maken **en uit te voeren**.\n");
    has(
        &out,
        "- **References**\n  - added: Kamerstuk 32 317, nr. 870\n",
    );
    has(&out, "Unchanged: `asiel-migratiepact`, ");
    // Markdown that a reader sees as text: no colour, no raw diff markers.
    lacks(&out, "\x1b[");
    lacks(&out, "{+");

    insta::assert_snapshot!("markdown_2023-10_to_2023-12", out);
}

#[test]
fn json_diff_shows_every_kind_of_change() {
    let repo = repo_with(&[OCT, DEC]);
    let out = ok(
        repo.path(),
        &["diff", "2023-10", "2023-12", "--format", "json"],
    );
    let doc: Value = serde_json::from_str(&out).expect("valid JSON");

    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["kind"], "diff");
    assert_eq!(doc["old"], "2023-10");
    assert_eq!(doc["new"], "2023-12");
    assert_eq!(dossier_ids(&doc), CHANGED_OCT_DEC);
    assert_eq!(strings(&doc["unchanged"]), UNCHANGED_OCT_DEC);

    // csam: the Netherlands' reworded sentence, word by word.
    let csam = dossier(&doc, CSAM);
    assert_eq!(csam["presence"], "both");
    assert_eq!(csam["old"]["meeting"], "2023-10");
    assert_eq!(
        csam["old"]["file"],
        "snapshots/csam-verordening/2023-10.yaml"
    );
    assert_eq!(csam["new"]["meeting"], "2023-12");
    let nl = actor(csam, "nederland");
    assert_eq!(nl["status"], "changed");
    assert_eq!(nl["unchanged"], 1);
    let change = &nl["statements"][0];
    assert_eq!(change["change"], "changed");
    let replaced: Vec<(&str, &str)> = change["words"]
        .as_array()
        .expect("words")
        .iter()
        .filter(|p| p.get("removed").is_some())
        .map(|p| {
            (
                p["removed"].as_str().expect("removed"),
                p["inserted"].as_str().expect("inserted"),
            )
        })
        .collect();
    assert_eq!(
        replaced,
        [
            ("meer", "voldoende"),
            ("reviewclausule", "herzieningsclausule")
        ]
    );
    // The words put back together give the old and the new sentence.
    let words = change["words"].as_array().expect("words");
    let side = |key: &str| -> String {
        words
            .iter()
            .map(|p| p.get("same").unwrap_or(&p[key]).as_str().expect("text"))
            .collect()
    };
    assert_eq!(side("removed"), change["old"].as_str().expect("old"));
    assert_eq!(side("inserted"), change["new"].as_str().expect("new"));

    // csam: stage forward, raad spoke, Coreper three months later.
    assert_eq!(csam["stage"]["old"], "raadsonderhandelingen");
    assert_eq!(csam["stage"]["new"], "raadspositie");
    assert_eq!(csam["stage"]["direction"], "forward");
    assert_eq!(
        csam["stage"]["new_evidence"],
        "De Raad heeft een gedeeltelijke algemene oriëntatie bereikt."
    );
    assert_eq!(actor(csam, "raad")["status"], "spoke");
    let coreper = &csam["timeline"][0];
    assert_eq!(coreper["change"], "moved");
    assert_eq!(coreper["old"]["when"], "2023-10");
    assert_eq!(coreper["new"]["when"], "2024-01");
    assert_eq!(coreper["months"], 3);
    assert_eq!(coreper["shift"], "later");

    // EES: six months later; ETIAS does not move.
    let interop = dossier(&doc, INTEROP);
    let timeline = interop["timeline"].as_array().expect("timeline");
    assert_eq!(timeline.len(), 1, "only the EES moves: {interop:#}");
    assert_eq!(timeline[0]["change"], "moved");
    assert_eq!(
        timeline[0]["new"]["event"],
        "inwerkingtreding van het EES staat gepland"
    );
    assert_eq!(timeline[0]["old"]["when"], "2024-09/2024-11");
    assert_eq!(timeline[0]["new"]["when"], "2025-03/2025-05");
    assert_eq!(timeline[0]["months"], 6);
    assert_eq!(timeline[0]["shift"], "later");

    // Insolvency: the Commission fell silent, nothing else changed.
    let insolvency = dossier(&doc, INSOLVENCY);
    assert_eq!(insolvency["stage"], Value::Null);
    let positions = insolvency["positions"].as_array().expect("positions");
    assert_eq!(positions.len(), 1, "{insolvency:#}");
    assert_eq!(positions[0]["actor"], "commissie");
    assert_eq!(positions[0]["status"], "fell-silent");
    assert!(positions[0]["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .all(|s| s["change"] == "removed" && s.get("old").is_some()));
    assert_eq!(positions[0]["statements"].as_array().map(Vec::len), Some(3));

    // Civil protection left, e-evidence appeared.
    let left = dossier(&doc, CIVIL_PROTECTION);
    assert_eq!(left["presence"], "left");
    assert_eq!(left["new"], Value::Null);
    assert_eq!(left["old"]["meeting"], "2023-10");
    let appeared = dossier(&doc, E_EVIDENCE);
    assert_eq!(appeared["presence"], "appeared");
    assert_eq!(appeared["old"], Value::Null);
    assert_eq!(appeared["timeline"][0]["change"], "added");
    assert_eq!(appeared["timeline"][0]["new"]["when"], "2026-08-18");
    assert_eq!(actor(appeared, "commissie")["status"], "spoke");

    // A highlight reworded, a reference added (without a vergaderjaar).
    let external = dossier(&doc, EXTERNAL);
    assert_eq!(external["highlights"][0]["change"], "changed");
    assert_eq!(
        external["references"][0],
        serde_json::json!({
            "change": "added",
            "new": {"kamerstuk": 32317, "nr": 870, "text": "Kamerstuk 32 317, nr. 870"}
        })
    );

    // The incidental status flip.
    let aob = dossier(&doc, AOB);
    assert_eq!(aob["timeline"][0]["change"], "status");
    assert_eq!(aob["timeline"][0]["old"]["status"], "planned");
    assert_eq!(aob["timeline"][0]["new"]["status"], "done");

    insta::assert_snapshot!("json_2023-10_to_2023-12", out);
}

// ---------------------------------------------------------------------------------------------
// 2. The JSON shape, and docs/json.md that describes it
// ---------------------------------------------------------------------------------------------

#[test]
fn json_diff_has_the_documented_shape() {
    let repo = all_meetings();
    for pair in [
        ["2023-10", "2023-12"],
        ["2023-12", "2024-03"],
        ["2023-12.agenda", "2023-12"],
        ["2024-03", "2023-10"],
    ] {
        let doc = json(repo.path(), &["diff", pair[0], pair[1], "--format", "json"]);
        let top: BTreeSet<&str> = doc
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            top,
            BTreeSet::from([
                "schema",
                "kind",
                "old",
                "new",
                "order",
                "dossiers",
                "unchanged"
            ]),
            "{pair:?}"
        );
        assert_eq!(doc["schema"], 1);
        assert_eq!(doc["kind"], "diff");
        assert_eq!(doc["old"], pair[0]);
        assert_eq!(doc["new"], pair[1]);
        assert!(doc["unchanged"].is_array());
        for d in doc["dossiers"].as_array().expect("dossiers") {
            check_dossier_shape(d);
        }
    }
}

/// One entry of `dossiers` in a diff: every key there, the enums with their documented values.
fn check_dossier_shape(d: &Value) {
    let keys: BTreeSet<&str> = d
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "outcome")
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "dossier",
            "title",
            "old",
            "new",
            "presence",
            "stage",
            "positions",
            "timeline",
            "highlights",
            "state_of_play",
            "references"
        ]),
        "{d:#}"
    );
    let presence = d["presence"].as_str().expect("presence");
    match presence {
        "both" => assert!(d["old"].is_object() && d["new"].is_object()),
        "appeared" => assert!(d["old"].is_null() && d["new"].is_object()),
        "left" => assert!(d["old"].is_object() && d["new"].is_null()),
        other => panic!("presence {other}"),
    }
    for side in [&d["old"], &d["new"]].into_iter().filter(|s| !s.is_null()) {
        assert!(
            side["meeting"].is_string() && side["file"].is_string(),
            "{side}"
        );
    }
    if !d["stage"].is_null() {
        let s = &d["stage"];
        assert!(
            ["forward", "backward", "set", "cleared"]
                .contains(&s["direction"].as_str().expect("direction")),
            "{s}"
        );
        for k in ["old", "new", "old_evidence", "new_evidence"] {
            assert!(s.get(k).is_some(), "stage.{k} is always present: {s}");
        }
    }
    for p in d["positions"].as_array().expect("positions") {
        assert!(p["actor"].is_string());
        assert!(
            ["spoke", "fell-silent", "changed"].contains(&p["status"].as_str().expect("status"))
        );
        assert!(p["unchanged"].is_u64());
        for s in p["statements"].as_array().expect("statements") {
            check_text_change(s);
        }
    }
    for h in d["highlights"].as_array().expect("highlights") {
        check_text_change(h);
    }
    for m in d["timeline"].as_array().expect("timeline") {
        match m["change"].as_str().expect("change") {
            "moved" => {
                check_milestone(&m["old"]);
                check_milestone(&m["new"]);
                assert!(m["months"].is_i64());
                assert!(
                    ["earlier", "later", "refined"].contains(&m["shift"].as_str().expect("shift"))
                );
            }
            "status" => {
                check_milestone(&m["old"]);
                check_milestone(&m["new"]);
                assert_eq!(m["old"]["when"], m["new"]["when"]);
            }
            "added" => check_milestone(&m["new"]),
            "dropped" => check_milestone(&m["old"]),
            other => panic!("timeline change {other}"),
        }
    }
    for r in d["references"].as_array().expect("references") {
        let reference = match r["change"].as_str().expect("change") {
            "added" => &r["new"],
            "removed" => &r["old"],
            other => panic!("reference change {other}"),
        };
        assert!(
            reference["kamerstuk"].is_u64() && reference["text"].is_string(),
            "{r}"
        );
    }
}

fn check_text_change(c: &Value) {
    match c["change"].as_str().expect("change") {
        "added" => assert!(c["new"].is_string()),
        "removed" => assert!(c["old"].is_string()),
        "changed" => {
            assert!(c["old"].is_string() && c["new"].is_string());
            for p in c["words"].as_array().expect("words") {
                assert!(
                    p["same"].is_string()
                        || (p["removed"].is_string() && p["inserted"].is_string()),
                    "{p}"
                );
            }
        }
        other => panic!("text change {other}"),
    }
}

fn check_milestone(m: &Value) {
    for k in ["when", "phrase", "event"] {
        assert!(m[k].is_string(), "milestone {k}: {m}");
    }
    assert!(["done", "planned"].contains(&m["status"].as_str().expect("status")));
}

/// The section of `docs/json.md` under the heading `## title`, up to the next `## `.
fn doc_section(title: &str) -> String {
    let doc = std::fs::read_to_string(manifest().join("docs/json.md")).expect("docs/json.md");
    let start = doc
        .find(&format!("\n## {title}\n"))
        .unwrap_or_else(|| panic!("docs/json.md has no section '## {title}'"));
    let rest = &doc[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    rest[..end].to_string()
}

/// Every object key in a JSON value, at any depth.
fn all_keys(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                all_keys(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| all_keys(i, out)),
        _ => {}
    }
}

/// The values of enum-like fields (`presence`, `direction`, `status`, `change`, `shift`) at
/// any depth, with the field's name.
fn enum_values(v: &Value, out: &mut BTreeSet<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                if let (true, Some(s)) = (
                    ["presence", "direction", "status", "change", "shift"].contains(&k.as_str()),
                    v.as_str(),
                ) {
                    out.insert((k.clone(), s.to_string()));
                }
                enum_values(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| enum_values(i, out)),
        _ => {}
    }
}

#[test]
fn every_diff_key_and_value_is_documented() {
    let repo = all_meetings();
    let section = doc_section("diff");
    let mut keys = BTreeSet::new();
    let mut values = BTreeSet::new();
    for args in [
        vec!["diff", "2023-10", "2023-12"],
        vec!["diff", "2023-12", "2024-03"],
        vec!["diff", "2023-12.agenda", "2023-12"],
        vec!["diff", "2024-03", "2023-10"],
    ] {
        let mut args = args;
        args.extend(["--format", "json"]);
        let doc = json(repo.path(), &args);
        all_keys(&doc, &mut keys);
        enum_values(&doc, &mut values);
    }
    // What these meetings show must include the key parts of the shape, or the check is weak.
    for k in [
        "presence",
        "direction",
        "months",
        "shift",
        "words",
        "inserted",
        "kamerstuk",
    ] {
        assert!(keys.contains(k), "the fixtures no longer produce `{k}`");
    }
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| !section.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "keys in `diff --format json` that the '## diff' section of docs/json.md does not \
         mention as `key`: {missing:?}"
    );
    let missing: Vec<String> = values
        .iter()
        .filter(|(_, v)| {
            !section.contains(&format!("`{v}`")) && !section.contains(&format!("`\"{v}\"`"))
        })
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    assert!(
        missing.is_empty(),
        "enum values in `diff --format json` that docs/json.md does not mention: {missing:?}"
    );
}

#[test]
fn every_dossiers_key_is_documented() {
    let repo = repo_with(&[OCT, DEC]);
    let doc = json(repo.path(), &["dossiers", "--format", "json"]);
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["kind"], "dossiers");
    let csam = doc["dossiers"]
        .as_array()
        .expect("dossiers")
        .iter()
        .find(|d| d["id"] == CSAM)
        .expect("csam listed");
    assert_eq!(csam["registered"], true);
    assert_eq!(strings(&csam["meetings"]), ["2023-10", "2023-12"]);
    let mut keys = BTreeSet::new();
    all_keys(&doc, &mut keys);
    let section = doc_section("dossiers");
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| !section.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "keys in `dossiers --format json` missing from docs/json.md: {missing:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Nothing changed, and --exit-code
// ---------------------------------------------------------------------------------------------

#[test]
fn a_meeting_against_itself_has_no_changes() {
    let repo = repo_with(&[OCT, DEC]);
    let out = ok(
        repo.path(),
        &["diff", "2023-10", "2023-10", "--color", "never"],
    );
    assert_eq!(
        out,
        "jbz-track diff 2023-10 → 2023-10\n2023-10 compared with itself\nno changes in 14 dossiers\n"
    );
    let md = ok(
        repo.path(),
        &["diff", "2023-10", "2023-10", "--format", "markdown"],
    );
    assert_eq!(
        md,
        "## JBZ-Raad: 2023-10 → 2023-10\n\n*2023-10 compared with itself*\n\nNo changes in 14 dossiers.\n"
    );
    let doc = json(
        repo.path(),
        &["diff", "2023-10", "2023-10", "--format", "json"],
    );
    assert_eq!(doc["dossiers"], serde_json::json!([]));
    assert_eq!(doc["unchanged"].as_array().map(Vec::len), Some(14));
}

#[test]
fn exit_code_says_whether_anything_changed() {
    let repo = repo_with(&[OCT, DEC]);
    let (code, _, _) = run(repo.path(), &["diff", "2023-10", "2023-12", "--exit-code"]);
    assert_eq!(code, 1, "something changed");
    let (code, out, _) = run(repo.path(), &["diff", "2023-10", "2023-10", "--exit-code"]);
    assert_eq!(code, 0, "nothing changed: {out}");
    let (code, _, _) = run(
        repo.path(),
        &[
            "diff",
            "2023-10",
            "2023-12",
            "--exit-code",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1, "the format does not change the exit code");
    // Without --exit-code a difference is not a failure.
    let (code, _, _) = run(repo.path(), &["diff", "2023-10", "2023-12"]);
    assert_eq!(code, 0);
    // A narrowed diff looks only at the dossiers named.
    let (code, out, _) = run(
        repo.path(),
        &[
            "diff",
            "2023-10",
            "2023-12",
            "--exit-code",
            "--dossier",
            "asiel-migratiepact",
            "--color",
            "never",
        ],
    );
    assert_eq!(code, 0, "the Migration Pact did not change in December");
    assert_eq!(
        out,
        "jbz-track diff 2023-10 → 2023-12\nno changes in 1 dossier\n"
    );
    let md = ok(
        repo.path(),
        &[
            "diff",
            "2023-10",
            "2023-12",
            "--dossier",
            "asiel-migratiepact",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(
        md,
        "## JBZ-Raad: 2023-10 → 2023-12\n\nNo changes in 1 dossier.\n"
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Which meetings are compared
// ---------------------------------------------------------------------------------------------

#[test]
fn no_meeting_compares_the_last_two_reports() {
    let repo = all_meetings();
    let doc = json(repo.path(), &["diff", "--format", "json"]);
    assert_eq!(doc["old"], "2023-12", "the agenda is not a report");
    assert_eq!(doc["new"], "2024-03");
    // The December → March changes from the fixtures README.
    let pact = dossier(&doc, "asiel-migratiepact");
    assert_eq!(pact["stage"]["old"], "triloog");
    assert_eq!(pact["stage"]["new"], "voorlopig-akkoord");
    assert_eq!(pact["stage"]["direction"], "forward");
    assert_eq!(pact["timeline"][0]["change"], "added");
    assert_eq!(pact["timeline"][0]["new"]["when"], "2023-12-20");
    assert_eq!(pact["timeline"][0]["new"]["status"], "done");
    let csam = dossier(&doc, CSAM);
    assert_eq!(csam["stage"], Value::Null, "the stage stays raadspositie");
    assert_eq!(csam["timeline"][0]["months"], 5);
    // Two milestones in one dossier, matched by event, not by position.
    let interop = dossier(&doc, INTEROP);
    let moved: Vec<(&str, &str, i64)> = interop["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|m| {
            assert_eq!(m["change"], "moved", "{m}");
            assert_eq!(m["shift"], "later", "{m}");
            (
                m["new"]["event"].as_str().expect("event"),
                m["new"]["when"].as_str().expect("when"),
                m["months"].as_i64().expect("months"),
            )
        })
        .collect();
    assert_eq!(
        moved,
        [
            (
                "inwerkingtreding van het EES staat gepland",
                "2025-09/2025-11",
                6
            ),
            ("ETIAS zou volgen", "2026-03/2026-05", 12),
        ]
    );
    // "de in maart gestarte grensbeheerpilots" again: a past event anchored to the report
    // where it first appeared, the same event, not one that moved by a year.
    let ids = dossier_ids(&doc);
    assert!(!ids.contains(&AOB), "{ids:?}");
    // What stays as it was, stays out.
    assert!(
        !ids.contains(&E_EVIDENCE) && !ids.contains(&INSOLVENCY),
        "{ids:?}"
    );
    assert!(!ids.contains(&CIVIL_PROTECTION), "absent at both: {ids:?}");

    let text = ok(repo.path(), &["diff", "--color", "never"]);
    has(&text, "jbz-track diff 2023-12 → 2024-03\n");
    insta::assert_snapshot!("text_2023-12_to_2024-03", text);
}

#[test]
fn one_meeting_is_compared_with_the_report_before_it() {
    let repo = all_meetings();
    let one = ok(repo.path(), &["diff", "2023-12", "--format", "json"]);
    let both = ok(
        repo.path(),
        &["diff", "2023-10", "2023-12", "--format", "json"],
    );
    assert_eq!(
        one, both,
        "`diff 2023-12` is `diff 2023-10 2023-12`, not the agenda"
    );
    // The day of the first meeting day names the meeting too.
    let by_day = ok(repo.path(), &["diff", "2023-12-04", "--format", "json"]);
    assert_eq!(by_day, both);

    let e = trouble(repo.path(), &["diff", "2023-10"]);
    has(&e, "there is no meeting before 2023-10");
    has(&e, "2023-10, 2023-12.agenda, 2023-12, 2024-03");
}

#[test]
fn agenda_is_compared_with_its_report() {
    let repo = all_meetings();
    let doc = json(
        repo.path(),
        &["diff", "2023-12.agenda", "2023-12", "--format", "json"],
    );
    assert_eq!(doc["old"], "2023-12.agenda");
    assert_eq!(doc["new"], "2023-12");
    let csam = dossier(&doc, CSAM);
    assert_eq!(
        csam["old"]["file"],
        "snapshots/csam-verordening/2023-12.agenda.yaml"
    );
    assert_eq!(
        csam["new"]["file"],
        "snapshots/csam-verordening/2023-12.yaml"
    );
    // The agenda aimed at a general approach; the report says it was reached.
    assert_eq!(csam["stage"]["old"], Value::Null);
    assert_eq!(csam["stage"]["new"], "raadspositie");
    assert_eq!(csam["stage"]["direction"], "set");
    // The EES date was the same in the agenda and the report.
    let interop = dossier(&doc, INTEROP);
    assert!(
        interop["timeline"]
            .as_array()
            .expect("timeline")
            .iter()
            .all(|m| m["change"] != "moved"),
        "{interop:#}"
    );
    // The 10 dossiers the agenda left out appear with the report.
    let appeared = doc["dossiers"]
        .as_array()
        .expect("dossiers")
        .iter()
        .filter(|d| d["presence"] == "appeared")
        .count();
    assert_eq!(appeared, 10);

    let text = ok(
        repo.path(),
        &["diff", "2023-12.agenda", "2023-12", "--color", "never"],
    );
    has(&text, "jbz-track diff 2023-12.agenda → 2023-12\n");
    has(&text, "  stage  (none) → raadspositie (first read)\n");
}

#[test]
fn agenda_to_report_says_what_was_planned_and_what_came_of_it() {
    let repo = all_meetings();
    let doc = json(
        repo.path(),
        &["diff", "2023-12.agenda", "2023-12", "--format", "json"],
    );
    assert_eq!(doc["order"], "plan-outcome");
    let csam = dossier(&doc, CSAM);
    assert_eq!(
        csam["outcome"]["planned"],
        "(Gedeeltelijke) algemene oriëntatie"
    );
    assert_eq!(csam["outcome"]["target"], "raadspositie");
    assert_eq!(csam["outcome"]["result"], "reached");
    assert_eq!(dossier(&doc, INSOLVENCY)["outcome"]["result"], "discussed");
    assert_eq!(
        dossier(&doc, EXTERNAL)["outcome"]["result"],
        "not-on-agenda"
    );

    let text = ok(
        repo.path(),
        &["diff", "2023-12.agenda", "2023-12", "--color", "never"],
    );
    has(
        &text,
        "plan → outcome: the annotated agenda of 2023-12 against its verslag\n",
    );
    has(
        &text,
        "  outcome  (gedeeltelijke) algemene oriëntatie: planned → reached (raadspositie)\n",
    );
    has(&text, "  voortgangsrapport: planned → discussed");
    has(&text, "discussed, not on the annotated agenda");
    lacks(&text, "on the agenda at");
    let md = ok(
        repo.path(),
        &["diff", "2023-12.agenda", "2023-12", "--format", "markdown"],
    );
    has(
        &md,
        "**Plan → outcome:** (gedeeltelijke) algemene oriëntatie: planned → reached (raadspositie).",
    );
    lacks(&md, "**On the agenda**");
}

#[test]
fn agenda_item_the_report_does_not_discuss_is_named() {
    let agenda = std::fs::read_to_string(common::report_source(common::DEC_AGENDA))
        .expect("agenda")
        + "\n3. Richtlijn ter bestrijding van corruptie\n   Voortgangsrapport\n\n\
           Het Voorzitterschap zal een voortgangsrapport presenteren.\n";
    let repo = common::repo_with_files(&[
        (common::DEC_AGENDA, agenda.as_bytes()),
        (
            DEC,
            &std::fs::read(common::report_source(DEC)).expect("verslag"),
        ),
    ]);
    normalize(repo.path());
    let text = ok(
        repo.path(),
        &["diff", "2023-12.agenda", "2023-12", "--color", "never"],
    );
    // The header wraps between words at the output's width; read it as one line.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    has(
        &flat,
        "Richtlijn ter bestrijding van corruptie on the agenda (voortgangsrapport) but not discussed",
    );
    lacks(&flat, "no longer on the agenda");
}

#[test]
fn newer_to_older_says_it_is_reversed() {
    let repo = all_meetings();
    let text = ok(
        repo.path(),
        &["diff", "2024-03", "2023-12", "--color", "never"],
    );
    has(&text, "reversed: 2024-03 is the later report");
    has(&text, "`jbz-track diff 2023-12 2024-03`");
    let doc = json(
        repo.path(),
        &["diff", "2023-12", "2023-12.agenda", "--format", "json"],
    );
    assert_eq!(doc["order"], "reversed");
    let doc = json(
        repo.path(),
        &["diff", "2023-12", "2023-12", "--format", "json"],
    );
    assert_eq!(doc["order"], "same-meeting");
}

#[test]
fn unknown_meeting_lists_the_meetings_there_are() {
    let repo = all_meetings();
    for args in [
        &["diff", "2023-09", "2023-12"][..],
        &["diff", "2023-10", "2023-09"],
        &["diff", "2023-09"],
    ] {
        let e = trouble(repo.path(), args);
        assert_eq!(
            e,
            "jbz-track: no meeting '2023-09'; the meetings are: 2023-10, 2023-12.agenda, 2023-12, 2024-03\n",
            "{args:?}"
        );
    }
    let e = trouble(repo.path(), &["diff", "2024-03.agenda", "2024-03"]);
    has(&e, "no meeting '2024-03.agenda'");
}

#[test]
fn dossier_option_narrows_the_diff() {
    let repo = repo_with(&[OCT, DEC]);
    let doc = json(
        repo.path(),
        &[
            "diff",
            "2023-10",
            "2023-12",
            "--dossier",
            CSAM,
            "--format",
            "json",
        ],
    );
    assert_eq!(dossier_ids(&doc), [CSAM]);
    assert_eq!(doc["unchanged"], serde_json::json!([]));

    let doc = json(
        repo.path(),
        &[
            "diff",
            "2023-10",
            "2023-12",
            "--dossier",
            CSAM,
            "--dossier",
            "asiel-migratiepact",
            "--dossier",
            CIVIL_PROTECTION,
            "--format",
            "json",
        ],
    );
    assert_eq!(dossier_ids(&doc), [CSAM, CIVIL_PROTECTION]);
    assert_eq!(strings(&doc["unchanged"]), ["asiel-migratiepact"]);

    let text = ok(
        repo.path(),
        &[
            "diff",
            "2023-10",
            "2023-12",
            "--dossier",
            CSAM,
            "--color",
            "never",
        ],
    );
    has(&text, "~ csam-verordening");
    lacks(&text, INTEROP);
    lacks(&text, "unchanged:");
}

#[test]
fn unknown_dossier_suggests_the_one_meant() {
    let repo = repo_with(&[OCT, DEC]);
    let e = trouble(
        repo.path(),
        &["diff", "2023-10", "2023-12", "--dossier", "csam"],
    );
    has(&e, "no dossier 'csam'");
    has(&e, "did you mean csam-verordening?");
    let e = trouble(
        repo.path(),
        &[
            "diff",
            "2023-10",
            "2023-12",
            "--dossier",
            "zzz-nothing-like-it",
        ],
    );
    has(&e, "`jbz-track dossiers` lists them");
}

#[test]
fn one_meeting_is_not_enough() {
    let repo = repo_with(&[OCT]);
    let e = trouble(repo.path(), &["diff"]);
    assert_eq!(
        e,
        "jbz-track: diff needs two meetings and there is only 2023-10; add a report with \
         `jbz-track ingest` or name two meetings\n"
    );
    let e = trouble(repo.path(), &["diff", "2023-10"]);
    has(&e, "there is no meeting before 2023-10 to compare it with");

    let empty = tempfile::tempdir().expect("temp dir");
    let e = trouble(empty.path(), &["diff"]);
    has(&e, "diff needs two meetings and there are none");
    let e = trouble(empty.path(), &["diff", "2023-10", "2023-12"]);
    has(&e, "run `jbz-track normalize`");
}

#[test]
fn diff_does_not_write_yaml() {
    let repo = repo_with(&[OCT, DEC]);
    // Refused by the parser, which names the formats diff writes (issue 16).
    let (_, e) = run_expecting(repo.path(), &["diff", "--format", "yaml"], 2);
    has(&e, "invalid value 'yaml'");
    has(&e, "[possible values: text, markdown, json]");
}

// ---------------------------------------------------------------------------------------------
// 5. Git revisions
// ---------------------------------------------------------------------------------------------

fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "reports", "snapshots"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// A git repository with two commits: the October report and its snapshots, then the
/// December report and its snapshots (what a pull request that adds a report holds).
fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    add_report(root, OCT);
    normalize(root);
    commit_all(root, "JBZ-Raad 2023-10");
    add_report(root, DEC);
    normalize(root);
    commit_all(root, "JBZ-Raad 2023-12");
    assert_eq!(git(root, &["status", "--porcelain"]), "", "all committed");
    dir
}

/// The output without its first line (which names the two sides).
fn body(out: &str) -> &str {
    out.split_once('\n').map_or("", |(_, rest)| rest)
}

#[test]
fn git_diff_of_a_commit_that_adds_a_report_shows_the_meetings_changes() {
    let repo = history();
    let root = repo.path();
    let by_git = ok(
        root,
        &["diff", "--git", "HEAD~1", "HEAD", "--color", "never"],
    );
    has(&by_git, "jbz-track diff HEAD~1 → HEAD\n");
    let by_meeting = ok(root, &["diff", "2023-10", "2023-12", "--color", "never"]);
    // New files are compared with the dossier's previous meeting, so the commit that adds the
    // December report reads like the December meeting against October.
    assert_eq!(body(&by_git), body(&by_meeting));
    has(&by_git, "[-meer-]{+voldoende+}");
    has(&by_git, "no longer on the agenda (last at 2023-10)");

    let range = ok(root, &["diff", "--git", "HEAD~1..HEAD", "--color", "never"]);
    assert_eq!(range, by_git, "`A..B` is `A B`");

    let doc = json(
        root,
        &["diff", "--git", "HEAD~1", "HEAD", "--format", "json"],
    );
    assert_eq!(doc["old"], "HEAD~1");
    assert_eq!(doc["new"], "HEAD");
    assert_eq!(dossier_ids(&doc), CHANGED_OCT_DEC);
    assert_eq!(strings(&doc["unchanged"]), UNCHANGED_OCT_DEC);
    let csam = dossier(&doc, CSAM);
    assert_eq!(csam["old"]["meeting"], "2023-10");
    assert_eq!(
        csam["old"]["file"],
        "HEAD:snapshots/csam-verordening/2023-10.yaml"
    );
    assert_eq!(csam["new"]["meeting"], "2023-12");
    assert_eq!(
        csam["new"]["file"],
        "HEAD:snapshots/csam-verordening/2023-12.yaml"
    );
    assert_eq!(csam["stage"]["direction"], "forward");
    let left = dossier(&doc, CIVIL_PROTECTION);
    assert_eq!(left["presence"], "left");
    assert_eq!(left["old"]["meeting"], "2023-10");

    let (code, _, _) = run(root, &["diff", "--git", "HEAD~1", "HEAD", "--exit-code"]);
    assert_eq!(code, 1);
}

#[test]
fn git_diff_of_a_hand_edit_shows_that_files_change() {
    let repo = history();
    let root = repo.path();
    let file = root.join("snapshots/csam-verordening/2023-12.yaml");
    let yaml = std::fs::read_to_string(&file).expect("snapshot");
    let edited = yaml
        .replace("voldoende waarborgen", "ruime waarborgen")
        .replace("when: 2024-01\n", "when: 2024-02\n")
        .replace("phrase: januari 2024\n", "phrase: februari 2024\n");
    assert_ne!(edited, yaml, "the edit applies");
    std::fs::write(&file, edited).expect("write");
    // Before the commit, against the working tree.
    let doc = json(root, &["diff", "--git", "HEAD", "--format", "json"]);
    assert_eq!(doc["new"], "working tree");
    assert_eq!(dossier_ids(&doc), [CSAM]);
    assert_eq!(
        dossier(&doc, CSAM)["new"]["file"],
        "snapshots/csam-verordening/2023-12.yaml"
    );
    git(root, &["commit", "-q", "-a", "-m", "hand edit"]);

    let out = ok(
        root,
        &["diff", "--git", "HEAD~1", "HEAD", "--color", "never"],
    );
    has(&out, "[-voldoende-]{+ruime+}");
    has(&out, "→ 2024-02 (februari 2024), +1 month, later");
    lacks(&out, INTEROP);
    lacks(&out, "stage");
    insta::assert_snapshot!("text_git_hand_edit", out);

    let doc = json(
        root,
        &["diff", "--git", "HEAD~1", "HEAD", "--format", "json"],
    );
    assert_eq!(dossier_ids(&doc), [CSAM]);
    let csam = dossier(&doc, CSAM);
    assert_eq!(csam["old"]["meeting"], "2023-12");
    assert_eq!(
        csam["old"]["file"],
        "HEAD~1:snapshots/csam-verordening/2023-12.yaml"
    );
    assert_eq!(
        csam["new"]["file"],
        "HEAD:snapshots/csam-verordening/2023-12.yaml"
    );
    assert_eq!(csam["timeline"][0]["months"], 1);

    // The two commits together: October against the edited December.
    let two = json(
        root,
        &["diff", "--git", "HEAD~2", "HEAD", "--format", "json"],
    );
    let nl = actor(dossier(&two, CSAM), "nederland");
    has(
        &nl["statements"][0]["new"].to_string(),
        "ruime waarborgen te zien in een herzieningsclausule",
    );
}

#[test]
fn git_diff_of_identical_revisions_has_no_changes() {
    let repo = history();
    let root = repo.path();
    // Between revisions only the files that differ are read, so there is nothing to count.
    let out = ok(root, &["diff", "--git", "HEAD", "HEAD", "--color", "never"]);
    assert_eq!(out, "jbz-track diff HEAD → HEAD\nno changes\n");
    let out = ok(root, &["diff", "--git", "--color", "never"]);
    assert_eq!(
        out, "jbz-track diff HEAD → working tree\nno changes\n",
        "HEAD against a clean working tree"
    );
    let md = ok(
        root,
        &["diff", "--git", "HEAD", "HEAD", "--format", "markdown"],
    );
    assert_eq!(md, "## JBZ-Raad: HEAD → HEAD\n\nNo changes.\n");
    let doc = json(root, &["diff", "--git", "HEAD", "HEAD", "--format", "json"]);
    assert_eq!(doc["dossiers"], serde_json::json!([]));
    assert_eq!(doc["unchanged"], serde_json::json!([]));
    let (code, _, _) = run(root, &["diff", "--git", "HEAD", "--exit-code"]);
    assert_eq!(code, 0);
}

#[test]
fn git_diff_narrows_to_a_dossier_and_checks_its_name() {
    let repo = history();
    let root = repo.path();
    let doc = json(
        root,
        &[
            "diff",
            "--git",
            "HEAD~1",
            "HEAD",
            "--dossier",
            INSOLVENCY,
            "--format",
            "json",
        ],
    );
    assert_eq!(dossier_ids(&doc), [INSOLVENCY]);
    assert_eq!(
        actor(dossier(&doc, INSOLVENCY), "commissie")["status"],
        "fell-silent"
    );

    let e = trouble(
        root,
        &["diff", "--git", "HEAD~1", "HEAD", "--dossier", "csam"],
    );
    has(&e, "no dossier 'csam'");
    has(&e, "did you mean csam-verordening?");
}

#[test]
fn git_diff_with_an_unknown_revision_says_what_there_is() {
    let repo = history();
    let root = repo.path();
    let e = trouble(root, &["diff", "--git", "no-such-branch", "HEAD"]);
    assert_eq!(
        e,
        "jbz-track: unknown revision 'no-such-branch'; `git log --oneline` lists the commits, \
         `git branch -a` the branches\n"
    );
    let e = trouble(root, &["diff", "--git", "HEAD~1", "HEAD~7"]);
    has(&e, "unknown revision 'HEAD~7'");
    let e = trouble(root, &["diff", "--git", "HEAD~9..HEAD"]);
    has(&e, "unknown revision 'HEAD~9'");
}

#[test]
fn git_diff_outside_git_says_so() {
    let repo = repo_with(&[OCT, DEC]);
    let e = trouble(repo.path(), &["diff", "--git", "HEAD~1", "HEAD"]);
    has(&e, "is not inside a git repository");
    has(&e, "leave out --git/--rev");
    let e = trouble(repo.path(), &["show", CSAM, "--rev", "HEAD"]);
    has(&e, "is not inside a git repository");
}

#[test]
fn shallow_clone_asks_for_the_whole_history() {
    let repo = history();
    let clones = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", repo.path().display());
    git(
        clones.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let shallow = clones.path().join("shallow");
    let e = trouble(&shallow, &["diff", "--git", "HEAD~1", "HEAD"]);
    has(&e, "unknown revision 'HEAD~1'");
    has(&e, "shallow clone");
    has(&e, "git fetch --unshallow");
    has(&e, "fetch-depth: 0");
    // What the clone does have still works.
    let out = ok(&shallow, &["diff", "--git", "HEAD", "--color", "never"]);
    has(&out, "no changes");
}

#[test]
fn show_and_dossiers_read_an_older_revision() {
    let repo = history();
    let root = repo.path();

    let now = ok(root, &["show", CSAM, "--color", "never"]);
    has(
        &now,
        "JBZ-Raad 2023-12 · 2023-12-04 to 2023-12-05 · verslag",
    );
    let then = ok(root, &["show", CSAM, "--rev", "HEAD~1", "--color", "never"]);
    has(
        &then,
        "JBZ-Raad 2023-10 · 2023-10-19 to 2023-10-20 · verslag",
    );
    has(&then, "reviewclausule");
    lacks(&then, "herzieningsclausule");
    has(&now, "herzieningsclausule");
    let e = trouble(root, &["show", CSAM, "2023-12", "--rev", "HEAD~1"]);
    has(
        &e,
        "dossier 'csam-verordening' has no snapshot for meeting '2023-12'; it has: 2023-10",
    );

    let now = json(root, &["dossiers", "--format", "json"]);
    let then = json(root, &["dossiers", "--rev", "HEAD~1", "--format", "json"]);
    let meetings = |doc: &Value, id: &str| -> Vec<String> {
        doc["dossiers"]
            .as_array()
            .expect("dossiers")
            .iter()
            .find(|d| d["id"] == id)
            .map(|d| {
                strings(&d["meetings"])
                    .into_iter()
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(meetings(&now, CSAM), ["2023-10", "2023-12"]);
    assert_eq!(meetings(&then, CSAM), ["2023-10"]);
    assert_eq!(meetings(&now, E_EVIDENCE), ["2023-12"]);
    assert!(
        meetings(&then, E_EVIDENCE).is_empty(),
        "not yet on the agenda"
    );

    let text = ok(root, &["dossiers", "--rev", "HEAD~1", "--color", "never"]);
    lacks(&text, E_EVIDENCE);
    lacks(&text, "2023-12");

    // `diff --rev` compares meetings as they were committed.
    let e = trouble(root, &["diff", "--rev", "HEAD~1"]);
    has(&e, "diff needs two meetings and there is only 2023-10");
}

/// The real report, and the same text as the report of a meeting in April 2024: every
/// relative date is read again against the later meeting ("maart" is then March 2024).
fn same_text_in_april() -> tempfile::TempDir {
    let text = String::from_utf8(common::real_report()).expect("utf-8");
    let april = text.replacen("19 -20 oktober 2023", "4 -5 april 2024", 1);
    assert_ne!(text, april, "the title holds the meeting's days");
    let repo = common::repo_with_files(&[
        (OCT, text.as_bytes()),
        ("2024-04-04-jbz-raad-verslag.txt", april.as_bytes()),
    ]);
    normalize(repo.path());
    repo
}

#[test]
fn future_relative_date_said_again_has_moved_and_a_past_one_has_not() {
    let repo = same_text_in_april();
    let doc = json(
        repo.path(),
        &["diff", "2023-10", "2024-04", "--format", "json"],
    );
    // "deze maand" in October and again in April: the Coreper agreement slipped.
    let csam = dossier(&doc, CSAM);
    let m = &csam["timeline"][0];
    assert_eq!(m["change"], "moved", "{csam:#}");
    assert_eq!(m["months"], 6);
    assert_eq!(m["restated"], true);
    assert_eq!(m["new"]["name"], "akkoord-coreper");
    // "de in maart gestarte grensbeheerpilots" and "1 oktober jl.": the same past events. The
    // Forum of 26–27 October was planned in October and lies behind April: done.
    let aob = dossier(&doc, AOB);
    let changes: Vec<(&str, &str)> = aob["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|m| {
            (
                m["change"].as_str().unwrap_or(""),
                m["new"]["phrase"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(changes, [("status", "26 en 27 oktober 2023")], "{aob:#}");
    let text = ok(
        repo.path(),
        &["diff", "2023-10", "2024-04", "--color", "never"],
    );
    has(&text, "(\"deze maand\" said again)");
    // The timeline's drift table keeps the pilots at the March they first named.
    let t = json(repo.path(), &["timeline", AOB, "--format", "json"]);
    let drift = t["timelines"][0]["drift"].as_array().expect("drift");
    let pilots = drift
        .iter()
        .find(|d| d["event"] == "gestarte grensbeheerpilots")
        .expect("pilots row");
    let whens: Vec<&str> = pilots["at"]
        .as_array()
        .expect("at")
        .iter()
        .map(|m| m["when"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(whens, ["2023-03", "2023-03"]);
}
