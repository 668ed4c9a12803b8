//! What a milestone is: the [`EventName`] vocabulary (algemene oriëntatie, triloog,
//! inwerkingtreding, …), read from an event phrase by keywords.

use serde::{Deserialize, Serialize};

/// What a milestone is, in a controlled vocabulary: the steps of an EU file and a few other
/// dated things the reports name. Read from the milestone's event phrase by keywords (see
/// [`EventName::of`]); `other` where none fits. The event phrase stays as the text gives it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum EventName {
    /// The Council's (partial) general approach, its position or mandate.
    AlgemeneOrientatie,
    /// Agreement among the member states' ambassadors (Coreper).
    AkkoordCoreper,
    /// A trilogue with the European Parliament.
    Triloog,
    /// A provisional (political) agreement with the European Parliament.
    VoorlopigAkkoord,
    /// Formal adoption of the act.
    FormeleAanneming,
    /// Publication in the Official Journal.
    Publicatie,
    /// Entry into force.
    Inwerkingtreding,
    /// The date from which an act applies (`van toepassing`).
    Toepassing,
    /// Accession (to a convention, to the EPPO).
    Toetreding,
    /// A meeting, forum or conference.
    Bijeenkomst,
    /// Anything else: the event phrase says what.
    #[default]
    Other,
}

impl EventName {
    /// Whether this is the `other` fallback (left out of snapshot files).
    pub fn is_other(&self) -> bool {
        *self == EventName::Other
    }

    /// The name as a reader says it: `algemene oriëntatie Raad`, `inwerkingtreding`.
    pub fn label(&self) -> &'static str {
        match self {
            EventName::AlgemeneOrientatie => "algemene oriëntatie Raad",
            EventName::AkkoordCoreper => "akkoord Coreper",
            EventName::Triloog => "triloog",
            EventName::VoorlopigAkkoord => "voorlopig akkoord",
            EventName::FormeleAanneming => "formele aanneming",
            EventName::Publicatie => "publicatie",
            EventName::Inwerkingtreding => "inwerkingtreding",
            EventName::Toepassing => "van toepassing",
            EventName::Toetreding => "toetreding",
            EventName::Bijeenkomst => "bijeenkomst",
            EventName::Other => "other",
        }
    }

    /// The name of an event phrase, by the first rule whose keywords it holds (the order
    /// matters: "in werking" before "akkoord", "voorlopig akkoord" before the Council's steps).
    pub fn of(event: &str) -> EventName {
        let e = format!(" {} ", event.to_lowercase());
        let has = |words: &[&str]| words.iter().any(|w| e.contains(w));
        if has(&["inwerkingtreding", " in werking "]) {
            EventName::Inwerkingtreding
        } else if has(&[" van toepassing", "toepassingsdatum"]) {
            EventName::Toepassing
        } else if has(&["publicatie", "gepubliceerd"]) {
            EventName::Publicatie
        } else if has(&[
            "voorlopig akkoord",
            "politiek akkoord",
            "voorlopige overeenstemming",
        ]) {
            EventName::VoorlopigAkkoord
        } else if has(&[
            "formeel aangenomen",
            "formele aanneming",
            " aanneming",
            " aangenomen",
            "formeel vastgesteld",
        ]) {
            EventName::FormeleAanneming
        } else if has(&[
            "algemene oriëntatie",
            "algemene orientatie",
            "raadspositie",
            "onderhandelingsmandaat",
        ]) {
            EventName::AlgemeneOrientatie
        } else if has(&["triloog", "trilogen", "trilogue"]) {
            EventName::Triloog
        } else if has(&[" coreper", "comité van permanente vertegenwoordigers"]) {
            EventName::AkkoordCoreper
        } else if has(&["toegetreden", "toetreding", " treedt toe"]) {
            EventName::Toetreding
        } else if has(&[
            " forum ",
            "conferentie",
            "bijeenkomst",
            " top ",
            "ministeriële",
        ]) {
            EventName::Bijeenkomst
        } else {
            EventName::Other
        }
    }
}
