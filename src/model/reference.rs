//! A Kamerstuk cited by a report: the [`Reference`] value. Finding references in text is
//! `extract::references`.

use serde::{Deserialize, Serialize};

/// A parliamentary paper cited by a report.
///
/// References are compared and ordered by dossier number first, then paper number.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct Reference {
    /// The dossier (kamerstuk) number, spaces removed: "32 317" → 32317.
    pub kamerstuk: u32,
    /// The paper's number within the dossier ("nr. 859"), where the text gives one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub nr: Option<u32>,
    /// The parliamentary year, normalised to `2023/24` from "2023/24", "2022/2023",
    /// "2016–17" or "2016-2017".
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub vergaderjaar: Option<String>,
    /// The reference as printed, from `Kamerstuk(ken)` to its last number, with whitespace
    /// (line breaks included) collapsed to single spaces. Where one citation names several
    /// papers ("nrs. 854 en 852"), each of them carries the whole citation.
    pub text: String,
}
