//! Who speaks in a report: the [`Actor`] value, its slugs and its place in a snapshot's
//! `positions`. The rules that find an actor in a sentence are in `extract::actors`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Who speaks in a report. Declaration order is the fixed order of `positions` in a snapshot.
///
/// The `String` of [`Actor::MemberState`], [`Actor::Agency`] and [`Actor::Other`] is the slug
/// itself (`"roemenie"`, `"eu-lisa"`): ASCII, lowercase, words joined by hyphens.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Actor {
    /// The rotating Council presidency ("Het Spaanse voorzitterschap").
    Voorzitterschap,
    /// The European Commission, including a named Commissioner.
    Commissie,
    /// The Netherlands ("Nederland", "het kabinet", "de minister").
    Nederland,
    /// Member states as a group ("enkele lidstaten", "een lidstaat", "veel lidstaten").
    Lidstaten,
    /// The Council itself ("De JBZ-Raad", "De Raad").
    Raad,
    /// The European Parliament.
    EuropeesParlement,
    /// One of the other 26 member states, by slug (`"bulgarije"`, `"roemenie"`).
    MemberState(String),
    /// An EU agency or office, or the person who speaks for it, by slug (`"eurojust"`, `"eu-ctc"`).
    Agency(String),
    /// Any other actor, by slug (a snapshot may carry slugs this version does not know).
    Other(String),
}

/// Slugs of [`Actor::Other`] that the extractor gives besides the countries of
/// [`THIRD_COUNTRIES`]: EU bodies that are not the Council, the Commission or an agency, and the
/// Dutch parliament's chambers.
#[rustfmt::skip]
pub(crate) const OTHER_ACTORS: &[&str] = &[
    "europese-raad", "eurogroep", "hoge-vertegenwoordiger", "tweede-kamer", "eerste-kamer",
];

/// Countries outside the EU whose ministers and governments take part in or speak at these
/// Councils (Schengen associates, candidates, neighbours, partners), by folded Dutch name.
/// `derde-land` stands for a third country the list lacks ("de minister van … van X").
#[rustfmt::skip]
pub(crate) const THIRD_COUNTRIES: &[&str] = &[
    "albanie", "algerije", "belarus", "bosnie-herzegovina", "canada", "egypte", "georgie",
    "ijsland", "libie", "liechtenstein", "marokko", "moldavie", "montenegro", "noord-macedonie",
    "noorwegen", "oekraine", "rusland", "servie", "tunesie", "turkije", "verenigd-koninkrijk",
    "verenigde-staten", "zwitserland", "derde-land",
];

/// The member states other than the Netherlands: Dutch name folded to ASCII lowercase, which is
/// also the slug.
pub(crate) const MEMBER_STATES: &[&str] = &[
    "belgie",
    "bulgarije",
    "cyprus",
    "denemarken",
    "duitsland",
    "estland",
    "finland",
    "frankrijk",
    "griekenland",
    "hongarije",
    "ierland",
    "italie",
    "kroatie",
    "letland",
    "litouwen",
    "luxemburg",
    "malta",
    "oostenrijk",
    "polen",
    "portugal",
    "roemenie",
    "slovenie",
    "slowakije",
    "spanje",
    "tsjechie",
    "zweden",
];

/// The agencies, offices and EU officials known by slug.
#[rustfmt::skip]
const AGENCIES: &[&str] = &[
    "eurojust", "europol", "eu-lisa", "eu-ctc", "fra", "frontex", "euaa", "easo", "eom", "edps",
];

impl Actor {
    /// The actor's slug, as written in a snapshot: `"voorzitterschap"`, `"europees-parlement"`,
    /// `"roemenie"`, `"eu-lisa"`.
    pub fn slug(&self) -> &str {
        match self {
            Actor::Voorzitterschap => "voorzitterschap",
            Actor::Commissie => "commissie",
            Actor::Nederland => "nederland",
            Actor::Lidstaten => "lidstaten",
            Actor::Raad => "raad",
            Actor::EuropeesParlement => "europees-parlement",
            Actor::MemberState(s) | Actor::Agency(s) | Actor::Other(s) => s,
        }
    }

    /// Whether the extractor can give this actor: the fixed ones, the member states, the
    /// agencies and people it knows, the third countries of [`THIRD_COUNTRIES`] and the few
    /// other bodies it names (`europese-raad`, `eurogroep`). A slug that is not known is most likely a typo in a hand-edited snapshot.
    pub fn is_known(&self) -> bool {
        match self {
            Actor::Other(s) => {
                OTHER_ACTORS.contains(&s.as_str()) || THIRD_COUNTRIES.contains(&s.as_str())
            }
            _ => true,
        }
    }

    /// The actor a slug names: the known ones by name, [`Actor::Other`] for any other
    /// well-formed slug (`[a-z0-9-]+`), `None` for a malformed one.
    pub fn from_slug(s: &str) -> Option<Actor> {
        let known = match s {
            "voorzitterschap" => Some(Actor::Voorzitterschap),
            "commissie" => Some(Actor::Commissie),
            "nederland" => Some(Actor::Nederland),
            "lidstaten" => Some(Actor::Lidstaten),
            "raad" => Some(Actor::Raad),
            "europees-parlement" => Some(Actor::EuropeesParlement),
            _ if MEMBER_STATES.contains(&s) => Some(Actor::MemberState(s.to_string())),
            _ if AGENCIES.contains(&s) => Some(Actor::Agency(s.to_string())),
            _ => None,
        };
        if known.is_some() {
            return known;
        }
        let well_formed = !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        well_formed.then(|| Actor::Other(s.to_string()))
    }
}

/// Why a string is not an actor slug.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an actor slug: use lowercase ASCII letters, digits and hyphens, like `nederland` or `eu-lisa`")]
pub struct ParseActorError(
    /// The string that was given.
    pub String,
);

impl FromStr for Actor {
    type Err = ParseActorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Actor::from_slug(s).ok_or_else(|| ParseActorError(s.to_string()))
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl Serialize for Actor {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

impl schemars::JsonSchema for Actor {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Actor".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "description": "Who spoke: nederland, voorzitterschap, commissie, lidstaten, raad, europees-parlement, a member state (roemenie) or an agency or person (eu-lisa, eu-ctc).",
            "examples": ["nederland", "commissie", "roemenie", "eu-lisa"]
        })
    }
}

impl<'de> Deserialize<'de> for Actor {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
