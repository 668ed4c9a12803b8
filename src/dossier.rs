//! The dossier registry (`dossiers.yaml`) and matching agenda items and highlights to dossiers.
//!
//! Every agenda item lands in exactly one dossier: a registry entry when one of its aliases,
//! keywords or procedure numbers stands in the heading, otherwise a dossier of its own whose id
//! is a stable slug of the heading. Ids never change once written; a renamed dossier keeps its
//! id and gains an alias.

use serde::{Deserialize, Serialize};

/// One dossier of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// The stable id, a slug: `csam-verordening`.
    pub id: String,
    /// The title to show.
    pub title: String,
    /// Names the dossier goes by, matched as phrases (case, hyphens and spacing ignored).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Words that name it on their own (`detectiebevel` also matches `detectiebevelen`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// EU procedure numbers: `2022/0155(COD)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<String>,
}

/// The registry: the dossiers a repository tracks by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    /// The dossiers, in the order they are tried.
    pub dossiers: Vec<Dossier>,
}

/// The registry used when a repository has no `dossiers.yaml`.
pub const BUILTIN_REGISTRY: &str = include_str!("dossiers.default.yaml");

/// Why a registry could not be used.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// The YAML did not have the registry's shape.
    #[error("{0}")]
    Yaml(#[from] crate::yaml::YamlError),
    /// An id is not a slug, or appears twice.
    #[error("dossier id '{id}' {problem}")]
    BadId {
        /// The id.
        id: String,
        /// What is wrong with it.
        problem: &'static str,
    },
}

impl Registry {
    /// The built-in registry of the three named dossiers.
    pub fn builtin() -> Registry {
        Registry::from_yaml(BUILTIN_REGISTRY).unwrap_or(Registry {
            dossiers: Vec::new(),
        })
    }

    /// Read a registry from YAML and check its ids.
    pub fn from_yaml(text: &str) -> Result<Registry, RegistryError> {
        let registry: Registry = crate::yaml::from_str(text)?;
        let mut seen = std::collections::BTreeSet::new();
        for d in &registry.dossiers {
            if !is_slug(&d.id) {
                return Err(RegistryError::BadId {
                    id: d.id.clone(),
                    problem: "is not a slug: use lower-case letters, digits and single hyphens",
                });
            }
            if !seen.insert(d.id.as_str()) {
                return Err(RegistryError::BadId {
                    id: d.id.clone(),
                    problem: "appears twice",
                });
            }
        }
        Ok(registry)
    }

    /// The registry dossier named in `text` (a heading or a bullet), if any. Where several
    /// match, the one with the longest matching name wins, then the first in the registry.
    pub fn find(&self, text: &str) -> Option<&Dossier> {
        self.matcher().find(text)
    }

    /// A matcher with every name folded once, for finding many headings in a row.
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher {
            dossiers: self
                .dossiers
                .iter()
                .map(|d| {
                    let names = d
                        .aliases
                        .iter()
                        .chain(std::iter::once(&d.title))
                        .map(|a| fold(a))
                        .collect();
                    let keywords = d.keywords.iter().map(|k| fold(k)).collect();
                    let procedures = d.procedures.iter().map(|p| fold(p)).collect();
                    (d, names, keywords, procedures)
                })
                .collect(),
        }
    }

    /// The dossier by id.
    pub fn get(&self, id: &str) -> Option<&Dossier> {
        self.dossiers.iter().find(|d| d.id == id)
    }

    /// The dossiers that go by `name` (an alias, keyword or title, as a user types it:
    /// `chat-control`, `Chat control`, `AMMR`), each with the name it matched: for suggesting
    /// the id when someone asks for a dossier by another of its names.
    pub fn by_name(&self, name: &str) -> Vec<(&Dossier, &str)> {
        let wanted = fold(name);
        if wanted.trim().is_empty() {
            return Vec::new();
        }
        self.dossiers
            .iter()
            .filter_map(|d| {
                d.aliases
                    .iter()
                    .chain(&d.keywords)
                    .chain(std::iter::once(&d.title))
                    .find(|a| fold(a) == wanted)
                    .map(|a| (d, a.as_str()))
            })
            .collect()
    }
}

/// The registry's names, folded once (see [`Registry::matcher`]).
pub struct Matcher<'r> {
    dossiers: Vec<Folded<'r>>,
}

/// A dossier with its names (aliases and title), keywords and procedure numbers, folded.
type Folded<'r> = (&'r Dossier, Vec<String>, Vec<String>, Vec<String>);

impl<'r> Matcher<'r> {
    /// The registry dossier named in `text`, as [`Registry::find`].
    pub fn find(&self, text: &str) -> Option<&'r Dossier> {
        let hay = fold(text);
        let mut best: Option<(usize, &'r Dossier)> = None;
        for (d, names, keywords, procedures) in &self.dossiers {
            let score = names
                .iter()
                .filter(|n| contains_phrase(&hay, n))
                .map(String::len)
                .chain(
                    keywords
                        .iter()
                        .filter(|k| contains_word_prefix(&hay, k))
                        .map(String::len),
                )
                .chain(
                    procedures
                        .iter()
                        .filter(|p| hay.contains(p.as_str()))
                        .map(String::len),
                )
                .max();
            if let Some(s) = score {
                if best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, *d));
                }
            }
        }
        best.map(|(_, d)| d)
    }
}

/// Lower case, hyphens and punctuation as spaces, single spaces: so that `Asiel- en
/// Migratiepact` and `asiel en migratiepact` read the same.
fn fold(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '/' || c == '(' || c == ')' {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    format!(" {} ", crate::clean::squeeze(&mapped))
}

fn contains_phrase(hay: &str, needle: &str) -> bool {
    // Both are folded with a space on each side, so this matches whole words only.
    needle.trim().len() > 1 && hay.contains(needle)
}

fn contains_word_prefix(hay: &str, needle: &str) -> bool {
    let n = needle.trim();
    !n.is_empty() && hay.contains(&format!(" {n}"))
}

/// Whether `s` is a valid id: lower-case ASCII letters and digits in hyphen-separated runs.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The automatic id of a dossier that the registry does not know: the heading in lower case,
/// accents folded to ASCII, words joined by hyphens, cut at a word boundary to at most 60
/// characters. `Overige onderwerpen (AOB)` → `overige-onderwerpen-aob`.
pub fn slug(heading: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in heading.chars() {
        match fold_char(c) {
            Some(f) => word.push_str(f),
            None if c.is_ascii_alphanumeric() => word.push(c.to_ascii_lowercase()),
            None => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && out.len() + 1 + w.len() > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    if out.is_empty() {
        "onderwerp".to_string()
    } else {
        out
    }
}

/// ASCII for the accented letters Dutch and its neighbours use.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => "i",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' => "o",
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => "u",
        'ç' | 'Ç' => "c",
        'ñ' | 'Ñ' => "n",
        'ß' => "ss",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_registry_has_the_three_named_dossiers() {
        let r = Registry::builtin();
        let ids: Vec<&str> = r.dossiers.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "csam-verordening",
                "asiel-migratiepact",
                "insolventierichtlijn"
            ]
        );
    }

    #[test]
    fn csam_is_found_by_its_names() {
        let r = Registry::builtin();
        for text in [
            "Verordening tot vaststelling van regels ter voorkoming en bestrijding van seksueel misbruik van kinderen",
            "Verordening ter bestrijding en voorkoming van seksueel misbruik van kinderen",
            "CSAM-verordening",
            "Voortgang detectiebevelen",
        ] {
            assert_eq!(r.find(text).map(|d| d.id.as_str()), Some("csam-verordening"), "{text}");
        }
    }

    #[test]
    fn pact_is_found_by_its_parts_but_not_by_migration_alone() {
        let r = Registry::builtin();
        for text in [
            "Asiel en migratiepact, incl. voortgang trilogen",
            "Asiel- en Migratiepact",
            "Asiel- en migratiebeheerverordening (AMMR)",
            "Crisis- en overmachtverordening",
            "Eurodac",
            "Screeningsverordening",
        ] {
            assert_eq!(
                r.find(text).map(|d| d.id.as_str()),
                Some("asiel-migratiepact"),
                "{text}"
            );
        }
        for text in [
            "Staat van Schengen op basis van Schengen Barometer",
            "Externe dimensie van migratie",
            "De JBZ-Raad sprak steun uit voor de inzet van een breed instrumentarium om migratie en terugkeerafspraken met derde landen te maken.",
        ] {
            assert_eq!(r.find(text).map(|d| d.id.as_str()), None, "{text}");
        }
    }

    #[test]
    fn insolvency_is_found_but_not_the_restructuring_directive() {
        let r = Registry::builtin();
        for text in [
            "Insolventierichtlijn",
            "Harmonisatie van het insolventierecht",
            "Richtlijn materieel insolventierecht",
        ] {
            assert_eq!(
                r.find(text).map(|d| d.id.as_str()),
                Some("insolventierichtlijn"),
                "{text}"
            );
        }
        assert_eq!(
            r.find("Richtlijn herstructurering en insolventie (2016)"),
            None
        );
    }

    #[test]
    fn a_dossier_is_found_by_an_alias_as_typed() {
        let r = Registry::builtin();
        let found: Vec<&str> = r
            .by_name("chat-control")
            .iter()
            .map(|(d, _)| d.id.as_str())
            .collect();
        assert_eq!(found, vec!["csam-verordening"]);
        assert!(r.by_name("nothing-like-it").is_empty());
    }

    #[test]
    fn slug_of_heading_is_ascii_and_stable() {
        assert_eq!(slug("Overige onderwerpen (AOB)"), "overige-onderwerpen-aob");
        assert_eq!(
            slug("Russische agressie tegen Oekraïne: tegengaan straffeloosheid"),
            "russische-agressie-tegen-oekraine-tegengaan-straffeloosheid"
        );
        assert_eq!(
            slug("Union Civil Protection Mechanism i.r.t extreem weer"),
            "union-civil-protection-mechanism-i-r-t-extreem-weer"
        );
        assert!(slug("Verordening tot vaststelling van regels ter voorkoming en bestrijding van seksueel misbruik van kinderen").len() <= 60);
        assert!(is_slug(&slug(
            "Lunchbespreking: Verbetering van de efficiëntie en kwaliteit van het rechtssysteem"
        )));
        assert_eq!(slug("!!"), "onderwerp");
    }

    #[test]
    fn registry_with_bad_id_is_refused() {
        let e =
            Registry::from_yaml("dossiers:\n  - id: Bad Id\n    title: x\n").expect_err("bad id");
        assert!(e.to_string().contains("not a slug"));
    }
}
