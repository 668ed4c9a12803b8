//! The legislative stage a file is at: the ordered [`Stage`] vocabulary. Reading the stage from
//! a report's sentences is `extract::stage`.

use serde::{Deserialize, Serialize};

/// The legislative stages, in order. A diff reports a move along this order as forward or back.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// The Commission has proposed it.
    Voorstel,
    /// The Council's working parties and ambassadors negotiate a text.
    Raadsonderhandelingen,
    /// The Council has its position: a general approach, a mandate.
    Raadspositie,
    /// Council and Parliament negotiate in trilogues.
    Triloog,
    /// Council and Parliament have a provisional agreement.
    VoorlopigAkkoord,
    /// Formally adopted (for conclusions: adopted by the Council).
    Aangenomen,
    /// In force or applying.
    InWerking,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 7] = [
        Stage::Voorstel,
        Stage::Raadsonderhandelingen,
        Stage::Raadspositie,
        Stage::Triloog,
        Stage::VoorlopigAkkoord,
        Stage::Aangenomen,
        Stage::InWerking,
    ];

    /// The name used in snapshots: `raadsonderhandelingen`, `voorlopig-akkoord`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Voorstel => "voorstel",
            Stage::Raadsonderhandelingen => "raadsonderhandelingen",
            Stage::Raadspositie => "raadspositie",
            Stage::Triloog => "triloog",
            Stage::VoorlopigAkkoord => "voorlopig-akkoord",
            Stage::Aangenomen => "aangenomen",
            Stage::InWerking => "in-werking",
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
