//! The snapshot: one file per dossier per meeting per kind, the contract that users, `git diff`
//! and CI depend on. This is the one definition of the file format.
//!
//! Keys come out in the order the fields are declared, lists in a fixed order, and nothing
//! varies between runs: normalising the same report twice gives byte-identical files.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::Actor;
use crate::model::EventName;
use crate::model::Reference;
use crate::model::Stage;
use crate::model::When;
use crate::report::Kind;

/// The version of the snapshot format; a file with another `schema` is refused.
pub const SCHEMA: u32 = 1;

/// The council whose meetings jbz-track follows.
pub const COUNCIL: &str = "JBZ-Raad";

/// What one report says about one dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The version of the snapshot format: 1 (see [`SCHEMA`]).
    pub schema: u32,
    /// The dossier.
    pub dossier: DossierRef,
    /// The meeting the report is about.
    pub meeting: MeetingRef,
    /// The report it was read from.
    pub source: Source,
    /// The report's agenda items that concern the dossier.
    pub items: Vec<ItemRef>,
    /// The `Belangrijkste resultaten` bullets about the dossier.
    pub highlights: Vec<String>,
    /// The stage the file is at, where the text gives evidence of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// The sentence the stage was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage_evidence: Option<String>,
    /// Who said what, in the fixed actor order.
    pub positions: Vec<Position>,
    /// The sentences of the dossier's items that are no one's position: the state of play
    /// ("Posities van lidstaten lopen uiteen", "Op het moment van schrijven zijn de
    /// onderhandelingen nog gaande"), kept so that a change in them is seen too. Left out of
    /// the file where there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub state_of_play: Vec<String>,
    /// Dated milestones, in the order the text gives them.
    pub timeline: Vec<Milestone>,
    /// Kamerstukken cited by the items.
    pub references: Vec<Reference>,
}

/// The dossier a snapshot is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DossierRef {
    /// The stable id, also the folder name.
    pub id: String,
    /// The title.
    pub title: String,
}

/// A meeting of the council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingRef {
    /// `YYYY-MM` from the first day, or `YYYY-MM-DD` where two meetings start in one month.
    pub id: String,
    /// Always [`COUNCIL`].
    pub council: String,
    /// First meeting day.
    pub start: NaiveDate,
    /// Last meeting day.
    pub end: NaiveDate,
}

/// The report a snapshot was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Path relative to the repository, with `/` separators.
    pub path: String,
    /// Verslag or agenda.
    pub kind: Kind,
    /// SHA-256 of the report file's bytes, in hex.
    pub sha256: String,
}

/// An agenda item, as the snapshot names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    /// The part it stands in (`Binnenlandse Zaken`); empty for a report without parts.
    pub part: String,
    /// Its number within the part.
    pub number: u32,
    /// Its heading.
    pub heading: String,
    /// In an agenda, what the Council will do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

/// What one actor said about the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Who.
    pub actor: Actor,
    /// Whole sentences, in report order.
    pub statements: Vec<String>,
}

/// A dated event in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// The date or interval, at the precision the text gives.
    pub when: When,
    /// The words that gave it: `najaar 2024`, `1 oktober jl.`.
    pub phrase: String,
    /// What kind of event it is, from a controlled vocabulary (`inwerkingtreding`,
    /// `algemene-orientatie`, …); left out where none fits (`other`). An optional field:
    /// files without it read as `other`, so `schema` stays 1.
    #[serde(default, skip_serializing_if = "EventName::is_other")]
    pub name: EventName,
    /// What happens or happened then.
    pub event: String,
    /// Done or planned.
    pub status: Status,
}

/// Whether a milestone lies behind or ahead of the meeting.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// It happened (past tense, `jl.`, a date before the meeting).
    Done,
    /// It is to happen.
    Planned,
}

impl Snapshot {
    /// The file name of this snapshot inside its dossier's folder: `2023-10.yaml`, or
    /// `2023-10.agenda.yaml` for an agenda.
    pub fn file_name(&self) -> String {
        file_name(&self.meeting.id, self.source.kind)
    }

    /// The statements of one actor, if it spoke.
    pub fn statements(&self, actor: &Actor) -> &[String] {
        self.positions
            .iter()
            .find(|p| &p.actor == actor)
            .map_or(&[], |p| p.statements.as_slice())
    }
}

/// The JSON Schema of a snapshot file, generated from these types (the same definition that
/// reading a snapshot enforces), pretty-printed with a trailing newline.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Snapshot);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The file name for a meeting and kind (see [`Snapshot::file_name`]).
pub fn file_name(meeting_id: &str, kind: Kind) -> String {
    match kind {
        Kind::Verslag => format!("{meeting_id}.yaml"),
        Kind::Agenda => format!("{meeting_id}.agenda.yaml"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_schema_is_the_generated_one() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/snapshot.schema.json");
        let committed = std::fs::read_to_string(path).expect("docs/snapshot.schema.json exists");
        assert!(
            committed == json_schema(),
            "docs/snapshot.schema.json is out of date: run `cargo run -- schema > docs/snapshot.schema.json`"
        );
    }

    #[test]
    fn schema_requires_the_contract_fields() {
        let schema: serde_json::Value =
            serde_json::from_str(&json_schema()).expect("the schema is JSON");
        let required: Vec<&str> = schema["required"]
            .as_array()
            .expect("required list")
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        for field in ["schema", "dossier", "meeting", "source"] {
            assert!(
                required.contains(&field),
                "{field} not required: {required:?}"
            );
        }
        assert_eq!(
            schema["$defs"]["Stage"]["oneOf"][3]["const"], "triloog",
            "stages are listed in order"
        );
    }
}
