//! `jbz-track normalize` on the real report shipped in `reports/`: the facts a reader of the
//! report would check, asserted on the snapshots the binary writes.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{jbz, repo_holding, OCT as REPORT};
use jbz_track::model::Actor;
use jbz_track::snapshot::{Snapshot, Status};

fn snapshots(repo: &Path) -> BTreeMap<String, Snapshot> {
    jbz_track::store::fs::list(repo)
        .expect("list")
        .into_iter()
        .map(|p| {
            let s = jbz_track::store::fs::read(&repo.join(&p)).expect("valid snapshot");
            (s.dossier.id.clone(), s)
        })
        .collect()
}

fn normalized() -> (tempfile::TempDir, BTreeMap<String, Snapshot>) {
    let dir = repo_holding(&[REPORT]);
    jbz(dir.path()).arg("normalize").assert().success();
    let snaps = snapshots(dir.path());
    (dir, snaps)
}

fn all_statements(snaps: &BTreeMap<String, Snapshot>, actor: &Actor) -> Vec<String> {
    snaps
        .values()
        .flat_map(|s| s.statements(actor).to_vec())
        .collect()
}

#[test]
fn all_fifteen_agenda_items_are_found_with_full_headings() {
    let (_dir, snaps) = normalized();
    let mut items: Vec<(String, u32, String)> = snaps
        .values()
        .flat_map(|s| {
            s.items
                .iter()
                .map(|i| (i.part.clone(), i.number, i.heading.clone()))
        })
        .collect();
    items.sort_by(|a, b| {
        (a.0 != "Binnenlandse Zaken", a.1).cmp(&(b.0 != "Binnenlandse Zaken", b.1))
    });
    let expected = [
        ("Binnenlandse Zaken", 1, "Verordening tot vaststelling van regels ter voorkoming en bestrijding van seksueel misbruik van kinderen"),
        ("Binnenlandse Zaken", 2, "Staat van Schengen op basis van Schengen Barometer"),
        ("Binnenlandse Zaken", 3, "Implementatie van interoperabiliteit"),
        ("Binnenlandse Zaken", 4, "Interne veiligheid EU als gevolg van situatie Midden-Oosten"),
        ("Binnenlandse Zaken", 5, "Externe dimensie van migratie"),
        ("Binnenlandse Zaken", 6, "Asiel en migratiepact, incl. voortgang trilogen"),
        ("Binnenlandse Zaken", 7, "Union Civil Protection Mechanism i.r.t extreem weer"),
        ("Binnenlandse Zaken", 8, "Voorkomen online radicalisering van minderjarigen"),
        ("Binnenlandse Zaken", 9, "Overige onderwerpen (AOB)"),
        ("Justitie", 1, "Insolventierichtlijn"),
        ("Justitie", 2, "Russische agressie tegen Oekraïne: tegengaan straffeloosheid"),
        ("Justitie", 3, "Justitiële samenwerking met Latijns-Amerika inzake aanpak georganiseerde misdaad"),
        ("Justitie", 4, "Digitale empowerment en fundamentele rechten"),
        ("Justitie", 5, "Lunchbespreking: Verbetering van de efficiëntie en kwaliteit van het rechtssysteem"),
        ("Justitie", 6, "Overige onderwerpen (AOB)"),
    ];
    let got: Vec<(&str, u32, &str)> = items
        .iter()
        .map(|(p, n, h)| (p.as_str(), *n, h.as_str()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn named_dossiers_hold_their_items_and_highlights() {
    let (_dir, snaps) = normalized();
    let csam = &snaps["csam-verordening"];
    assert_eq!(csam.items.len(), 1);
    assert_eq!(
        (csam.items[0].part.as_str(), csam.items[0].number),
        ("Binnenlandse Zaken", 1)
    );
    assert_eq!(
        csam.highlights,
        ["Nederland heeft een oproep gedaan om tot een evenwichtig compromis te komen inzake de Verordening tot vaststelling van regels ter voorkoming en bestrijding van seksueel misbruik van kinderen."]
    );
    let insolvency = &snaps["insolventierichtlijn"];
    assert_eq!(
        (
            insolvency.items[0].part.as_str(),
            insolvency.items[0].number
        ),
        ("Justitie", 1)
    );
    assert_eq!(insolvency.highlights.len(), 1);
    assert!(insolvency.highlights[0]
        .contains("actio pauliana (een regeling voor de faillissementscurator"));
    let pact = &snaps["asiel-migratiepact"];
    assert_eq!(pact.items.len(), 1);
    assert_eq!(pact.items[0].number, 6);
    // The report has no highlight bullet about the Pact; Schengen and the external dimension
    // of migration are dossiers of their own.
    assert!(pact.highlights.is_empty());
    assert!(snaps.contains_key("staat-van-schengen-op-basis-van-schengen-barometer"));
    assert!(snaps.contains_key("externe-dimensie-van-migratie"));
    assert!(snaps["externe-dimensie-van-migratie"].highlights[0].contains("breed instrumentarium"));
}

#[test]
fn every_highlight_lands_in_exactly_one_dossier() {
    let (_dir, snaps) = normalized();
    let highlights: Vec<&String> = snaps.values().flat_map(|s| &s.highlights).collect();
    assert_eq!(highlights.len(), 5, "{highlights:#?}");
    let interne = snaps
        .values()
        .find(|s| {
            s.items
                .iter()
                .any(|i| i.heading.starts_with("Interne veiligheid"))
        })
        .expect("item 4");
    assert!(interne.highlights[0].contains("Israël/Palestina"));
    let digital = &snaps["digitale-empowerment-en-fundamentele-rechten"];
    assert!(digital.highlights[0].contains("Raadsconclusies"));
}

/// Sentences in which the Netherlands speaks, as a reader marks them in the report.
const NETHERLANDS: &[&str] = &[
    "Nederland behoorde tot die laatste groep lidstaten en gaf daarbij aan dat de bestrijding van online beeldmateriaal van seksueel kindermisbruik in evenwicht moet worden gebracht met legitieme zorgen over privacy en dat de technologie nog niet in alle gevallen in staat is om privacy zorgen mee te nemen.",
    "Om deze reden meldde Nederland, in plaats van een activatieclausule, meer waarborgen te zien in een reviewclausule voor detectie van nieuw materiaal en grooming.",
    "Nederland heeft de viersporenaanpak op het gebied van mensensmokkel verwelkomd en daarbij een aantal prioriteiten benadrukt: verbetering van het juridisch kader, betere en vroegtijdige informatie-uitwisseling, en werkafspraken tussen de EU-agentschappen en derde landen.",
    "Ook riep Nederland op tot regelmatige rapportage over de opvolging van de geformuleerde acties.",
    "Nederland is het met de Commissie eens dat prioriteit moet worden gegeven aan het verbeteren van terugkeer.",
    "In lijn met de motie van het lid Bisschop zet het kabinet zich aanhoudend in voor een aanscherping van de Terugkeerrichtlijn.",
    "In dat licht heeft Nederland de lidstaten opgeroepen ten volle gebruik te maken van het kunnen delen van terugkeergegevens via het vernieuwde Schengen Informatie Systeem (SIS).",
    "Nederland zal actief bijdragen aan de uitwerking van de door de Commissie geopperde Schengen-terugkeerpilots.",
    "Nederland vroeg bij de Commissie aandacht voor ruimte om innovatieve toepassingen toe te staan om de uitvoering daadwerkelijk werkbaar te houden voor uitvoeringsorganisaties.",
    "Nederland bracht in dat brede en gelijkwaardige EU-partnerschappen met derde landen essentieel zijn.",
    "Met betrekking tot het MoU met Tunesië riep Nederland op tot snelle implementatie van de afspraken, binnen internationaalrechtelijk kader en met nadrukkelijke aandacht voor de bescherming van fundamentele rechten.",
    "Het kabinet heeft de Commissie opgeroepen alle instrumenten in te zetten die zij tot haar beschikking heeft om terugkeersamenwerking te verbeteren, bijvoorbeeld de bevordering van handel, visa en ontwikkelingssamenwerking.",
    "Nederland sprak steun uit voor harmonisatie op het terrein van de actio pauliana, maar benadrukte tegelijkertijd het belang van voldoende flexibiliteit met het oog op de inpassing in het nationale stelsel.",
    "Volgens Nederland is dat nodig om implementatie op nationale niveau te vergemakkelijken.",
    "Enkele lidstaten, waaronder Nederland, riepen ten slotte op tot het voortzetten van de discussie op technisch niveau.",
    "In aanvulling hierop benoemde Nederland specifiek het schaderegister en stelde dat steun van derde landen aan dit schaderegister van belang is.",
    "Dit onderstreepte Nederland.",
    "Daarnaast voegde Nederland toe dat het aan lidstaten is om justitiële samenwerking op gebied van rechtshulp en uitlevering met de LAC-landen te ontwikkelen.",
    "Meerdere lidstaten, waaronder Nederland, dankten het grondrechtenagentschap voor hun werkzaamheden.",
    "Nederland noemde tevens het belang van digitale inclusie bij de digitale transitie.",
    "Nederland vroeg hierbij naar best practices binnen de EU waarvan we kunnen leren.",
    "Enkele lidstaten, waaronder Nederland, steunden deze introductie expliciet.",
];

#[test]
fn every_netherlands_statement_is_under_nederland() {
    let (_dir, snaps) = normalized();
    let nl = all_statements(&snaps, &Actor::Nederland);
    for s in NETHERLANDS {
        assert!(
            nl.iter().any(|x| x == s),
            "missing under nederland: {s}\n\nhave: {nl:#?}"
        );
    }
}

#[test]
fn no_other_actors_sentence_is_under_nederland() {
    let (_dir, snaps) = normalized();
    for s in all_statements(&snaps, &Actor::Nederland) {
        for other in [
            "De Commissie",
            "Het Voorzitterschap",
            "Het Spaanse voorzitterschap",
            "Een groep lidstaten",
            "Een ongeveer even grote groep",
            "Veel lidstaten",
            "Eurojust",
            "De JBZ-Raad",
            "Op aangeven van Nederland",
            "Er zijn sterk uiteenlopende",
        ] {
            assert!(
                !s.starts_with(other),
                "under nederland but said by someone else: {s}"
            );
        }
    }
}

#[test]
fn sentences_broken_by_footnotes_come_out_whole_and_clean() {
    let (_dir, snaps) = normalized();
    let every: Vec<String> = snaps
        .values()
        .flat_map(|s| s.positions.iter().flat_map(|p| p.statements.clone()))
        .collect();
    for whole in [
        "Ook riep Nederland op tot regelmatige rapportage over de opvolging van de geformuleerde acties.",
        "Met betrekking tot het MoU met Tunesië riep Nederland op tot snelle implementatie van de afspraken, binnen internationaalrechtelijk kader en met nadrukkelijke aandacht voor de bescherming van fundamentele rechten.",
        "Meerdere lidstaten, waaronder Nederland, dankten het grondrechtenagentschap voor hun werkzaamheden.",
    ] {
        assert!(every.iter().any(|s| s == whole), "not whole: {whole}");
    }
    for s in &every {
        for footnote_text in [
            "Zie ook",
            "Kamerstukken",
            "CELAC =",
            "PAcCTO =",
            "Latijns Amerikaanse Comité",
            "  ",
        ] {
            assert!(
                !s.contains(footnote_text),
                "footnote text in a statement: {s}"
            );
        }
        for marker in [
            "grooming.1",
            "Bisschop3",
            "EU-CELAC4",
            "2.05",
            "verklaring6",
            "mechanisme.2",
        ] {
            assert!(!s.contains(marker), "footnote marker left in: {s}");
        }
    }
    let lac = &snaps["justitiele-samenwerking-met-latijns-amerika-inzake-aanpak"];
    assert!(lac
        .statements(&Actor::Voorzitterschap)
        .iter()
        .any(|s| s.ends_with(
            "noemde onder andere EU-CELAC, de roadmap tegen drugshandel en El PAcCTO 2.0."
        )));
}

fn milestone<'a>(snap: &'a Snapshot, phrase: &str) -> &'a jbz_track::snapshot::Milestone {
    snap.timeline
        .iter()
        .find(|m| m.phrase == phrase)
        .unwrap_or_else(|| {
            panic!(
                "no milestone '{phrase}' in {}: {:#?}",
                snap.dossier.id, snap.timeline
            )
        })
}

#[test]
fn every_dated_phrase_is_a_milestone_with_the_right_when() {
    let (_dir, snaps) = normalized();
    let csam = milestone(&snaps["csam-verordening"], "deze maand");
    assert_eq!(
        (csam.when.to_string().as_str(), csam.status),
        ("2023-10", Status::Planned)
    );
    assert_eq!(
        csam.event,
        "overeenstemming in het Comité van Permanente Vertegenwoordigers"
    );
    let interop = &snaps["implementatie-van-interoperabiliteit"];
    assert_eq!(
        milestone(interop, "najaar 2024").when.to_string(),
        "2024-09/2024-11"
    );
    assert_eq!(
        milestone(interop, "voorjaar 2025").when.to_string(),
        "2025-03/2025-05"
    );
    let aob = &snaps["overige-onderwerpen-aob"];
    let istanbul = milestone(aob, "1 oktober jl.");
    assert_eq!(
        (istanbul.when.to_string().as_str(), istanbul.status),
        ("2023-10-01", Status::Done)
    );
    assert_eq!(
        milestone(aob, "11-12 oktober jl.").when.to_string(),
        "2023-10-11/2023-10-12"
    );
    assert_eq!(
        milestone(aob, "eind 2024").when.to_string(),
        "2024-10/2024-12"
    );
    assert_eq!(
        milestone(aob, "26 en 27 oktober 2023").when.to_string(),
        "2023-10-26/2023-10-27"
    );
    let pilots = aob
        .timeline
        .iter()
        .find(|m| m.phrase.contains("maart"))
        .expect("in maart");
    assert_eq!(pilots.when.to_string(), "2023-03");
    // Ages are no dates.
    assert!(snaps["voorkomen-online-radicalisering-van-minderjarigen"]
        .timeline
        .is_empty());
}

#[test]
fn stages_are_read_with_their_evidence() {
    let (_dir, snaps) = normalized();
    let csam = &snaps["csam-verordening"];
    assert_eq!(
        csam.stage.map(|s| s.as_str()),
        Some("raadsonderhandelingen")
    );
    assert!(csam
        .stage_evidence
        .as_deref()
        .is_some_and(|e| e.contains("compromistekst")));
    assert_eq!(
        snaps["asiel-migratiepact"].stage.map(|s| s.as_str()),
        Some("triloog")
    );
}

#[test]
fn references_come_from_the_footnotes_an_item_cites() {
    let (_dir, snaps) = normalized();
    let csam = &snaps["csam-verordening"];
    assert_eq!(csam.references.len(), 1);
    assert_eq!(
        (csam.references[0].kamerstuk, csam.references[0].nr),
        (32317, Some(859))
    );
    assert_eq!(csam.references[0].vergaderjaar.as_deref(), Some("2023/24"));
    let schengen = &snaps["staat-van-schengen-op-basis-van-schengen-barometer"];
    let nrs: Vec<Option<u32>> = schengen.references.iter().map(|r| r.nr).collect();
    assert_eq!(nrs, vec![Some(855), Some(836)]);
}

#[test]
fn meeting_and_source_are_recorded() {
    let (_dir, snaps) = normalized();
    let s = &snaps["csam-verordening"];
    assert_eq!(s.meeting.id, "2023-10");
    assert_eq!(s.meeting.start.to_string(), "2023-10-19");
    assert_eq!(s.meeting.end.to_string(), "2023-10-20");
    assert_eq!(s.source.path, format!("reports/{REPORT}"));
    assert_eq!(s.source.sha256.len(), 64);
}

fn read_tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    jbz_track::store::fs::list(root)
        .expect("list")
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(root.join(&p)).expect("read");
            (p, bytes)
        })
        .collect()
}

#[test]
fn normalizing_twice_gives_byte_identical_files() {
    let dir = repo_holding(&[REPORT]);
    jbz(dir.path()).arg("normalize").assert().success();
    let first = read_tree(dir.path());
    assert!(first.len() >= 14);
    jbz(dir.path())
        .arg("normalize")
        .assert()
        .success()
        .stdout(predicates::str::contains("0 written"));
    assert_eq!(first, read_tree(dir.path()));
}

#[test]
fn check_passes_on_fresh_snapshots_and_catches_a_hand_edit() {
    let dir = repo_holding(&[REPORT]);
    jbz(dir.path()).arg("normalize").assert().success();
    jbz(dir.path())
        .args(["normalize", "--check"])
        .assert()
        .code(0);
    let path = dir.path().join("snapshots/csam-verordening/2023-10.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("grooming.", "grooming!")).expect("edit");
    jbz(dir.path())
        .args(["normalize", "--check"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "stale  snapshots/csam-verordening/2023-10.yaml",
        ));
    // --check wrote nothing.
    assert!(std::fs::read_to_string(&path)
        .expect("read")
        .contains("grooming!"));
}

#[test]
fn check_is_the_default_in_ci() {
    let dir = repo_holding(&[REPORT]);
    let mut cmd = jbz(dir.path());
    cmd.env("CI", "true").arg("normalize").assert().code(1);
    assert!(
        read_tree(dir.path()).is_empty(),
        "nothing is written in CI without --write"
    );
}
