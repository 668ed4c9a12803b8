//! The stage a file is at, read from the sentences of its items, with the sentence as evidence.

use std::sync::LazyLock;

use crate::model::Stage;
use aho_corasick::AhoCorasick;

/// Phrases that show a stage, lower case. A sentence shows the most advanced stage whose
/// phrase it contains.
const EVIDENCE: &[(&str, Stage)] = &[
    ("in werking getreden", Stage::InWerking),
    ("inwerkingtreding van de verordening", Stage::InWerking),
    ("van toepassing geworden", Stage::InWerking),
    ("formeel aangenomen", Stage::Aangenomen),
    ("definitief aangenomen", Stage::Aangenomen),
    ("bekendgemaakt in het publicatieblad", Stage::Aangenomen),
    ("nam de raadsconclusies aan", Stage::Aangenomen),
    ("nam raadsconclusies aan", Stage::Aangenomen),
    ("raadsconclusies aangenomen", Stage::Aangenomen),
    ("voorlopig akkoord", Stage::VoorlopigAkkoord),
    ("voorlopig politiek akkoord", Stage::VoorlopigAkkoord),
    ("triloogakkoord", Stage::VoorlopigAkkoord),
    (
        "akkoord met het europees parlement",
        Stage::VoorlopigAkkoord,
    ),
    ("triloog", Stage::Triloog),
    ("trilogen", Stage::Triloog),
    ("algemene oriëntatie", Stage::Raadspositie),
    ("raadspositie", Stage::Raadspositie),
    ("onderhandelingsmandaat", Stage::Raadspositie),
    ("mandaat voor de onderhandelingen", Stage::Raadspositie),
    ("compromistekst", Stage::Raadsonderhandelingen),
    ("compromisvoorstel", Stage::Raadsonderhandelingen),
    ("raadswerkgroep", Stage::Raadsonderhandelingen),
    ("op technisch niveau", Stage::Raadsonderhandelingen),
    ("raadsonderhandelingen", Stage::Raadsonderhandelingen),
    ("onderhandelingen in de raad", Stage::Raadsonderhandelingen),
    ("voorstel gepresenteerd", Stage::Voorstel),
    ("voorstel gepubliceerd", Stage::Voorstel),
    ("richtlijnvoorstel", Stage::Voorstel),
    ("verordeningsvoorstel", Stage::Voorstel),
    ("heeft een voorstel", Stage::Voorstel),
];

/// Words that put a sentence in the future or the wished-for: its stage is not yet reached.
const NOT_YET: &[&str] = &[
    " zal ",
    " zullen ",
    " zou ",
    " zouden ",
    " moet ",
    " moeten ",
    " streeft ",
    " streven ",
    " beoogt ",
    " beogen ",
    " hoopt ",
    " hopen ",
    "doel is",
    " te bereiken",
    " te komen",
    " te kunnen komen",
    " verwacht ",
    " wil ",
    " willen ",
    " gepland",
    // An agenda's "Het kabinet kan instemmen met de algemene oriëntatie": the aim, not the fact.
    " kan instemmen",
    " kunnen instemmen",
    " instemmen met",
    " kan steunen",
    " kan leven met",
    " agendeert",
    " voornemen",
];

/// One automaton for all the phrases of [`EVIDENCE`] and [`NOT_YET`]: a sentence is read once
/// instead of once per phrase. Pattern `i < EVIDENCE.len()` is `EVIDENCE[i]`, the rest `NOT_YET`.
static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let patterns = EVIDENCE
        .iter()
        .map(|(p, _)| *p)
        .chain(NOT_YET.iter().copied());
    AhoCorasick::new(patterns).expect("the stage phrases make an automaton")
});

/// The most advanced stage shown by a factual sentence, with the first sentence that shows it.
pub fn read_stage<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Option<(Stage, String)> {
    let mut best: Option<(Stage, &str)> = None;
    let mut lower = String::new();
    for s in sentences {
        lower.clear();
        lower.push(' ');
        lower.push_str(&s.to_lowercase());
        lower.push(' ');
        // Overlapping matches: every phrase the sentence contains, as `contains` would find it.
        let mut found: Option<Stage> = None;
        let mut not_yet = false;
        for m in PHRASES.find_overlapping_iter(lower.as_str()) {
            match EVIDENCE.get(m.pattern().as_usize()) {
                Some(&(_, stage)) => found = found.max(Some(stage)),
                None => {
                    not_yet = true;
                    break;
                }
            }
        }
        if not_yet {
            continue;
        }
        if let Some(stage) = found {
            if best.is_none_or(|(b, _)| stage > b) {
                best = Some((stage, s));
            }
        }
    }
    best.map(|(stage, s)| (stage, s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_consent_is_an_aim_not_a_stage_reached() {
        let s = "Het kabinet kan instemmen met de gedeeltelijke algemene oriëntatie, mits de waarborgen blijven.";
        assert_eq!(read_stage([s]), None);
    }

    #[test]
    fn compromise_text_means_council_negotiations() {
        let s = "Het Spaanse voorzitterschap lichtte de ontwikkelingen toe en gaf aan dat de nieuwe compromistekst van de verordening extra waarborgen bevat en dat de werkingssfeer van detectiebevelen is beperkt.";
        assert_eq!(
            read_stage([s]).map(|x| x.0),
            Some(Stage::Raadsonderhandelingen)
        );
    }

    #[test]
    fn most_advanced_stage_wins() {
        let a = "Het Spaanse voorzitterschap gaf een korte toelichting op de stand van zaken van de triloogonderhandelingen op het Asiel- en Migratiepact.";
        let b = "Na de aanname van een Raadspositie op de Crisisverordening zijn de triloogonderhandelingen weer hervat.";
        let (stage, evidence) = read_stage([a, b]).expect("stage");
        assert_eq!(stage, Stage::Triloog);
        assert_eq!(evidence, a);
    }

    #[test]
    fn future_sentences_are_no_evidence() {
        let s = "Het voorzitterschap riep op tot flexibiliteit om tot een voorlopig akkoord te kunnen komen.";
        assert_eq!(read_stage([s]), None);
        let s =
            "Tevens moet de Richtlijn geweld tegen vrouwen zo spoedig mogelijk worden aangenomen.";
        assert_eq!(read_stage([s]), None);
    }

    #[test]
    fn stages_are_ordered_and_named() {
        assert!(Stage::Voorstel < Stage::Raadspositie && Stage::Triloog < Stage::InWerking);
        let names: Vec<&str> = Stage::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "voorstel",
                "raadsonderhandelingen",
                "raadspositie",
                "triloog",
                "voorlopig-akkoord",
                "aangenomen",
                "in-werking"
            ]
        );
        let yaml = crate::yaml::to_string(&Stage::VoorlopigAkkoord).expect("yaml");
        assert_eq!(yaml.trim(), "voorlopig-akkoord");
    }
}
