//! Report → per-dossier facts: who said what, the stage, dated milestones, references.
//!
//! [`snapshots`] is the stage's entry point: it sorts a report's items and highlights into
//! dossiers and builds one [`Snapshot`] per dossier.

pub mod actors;
pub mod milestones;
pub mod references;
pub mod stage;

use std::collections::{BTreeMap, BTreeSet};

use indexmap::{IndexMap, IndexSet};
use rustc_hash::FxBuildHasher;

use crate::dossier::{self, Registry};
use crate::model::Actor;
use crate::model::Reference;
use crate::report::{Item, Report};
use crate::snapshot::{DossierRef, ItemRef, MeetingRef, Position, Snapshot, Source, SCHEMA};
use crate::yaml::normalize_text;
use actors::ActorContext;

/// One dossier's share of a report, while it is being gathered.
struct Share<'r> {
    dossier: DossierRef,
    items: Vec<(&'r str, &'r Item)>,
    highlights: Vec<&'r str>,
}

/// Build the snapshots of a report: one per dossier it discusses, in the order the dossiers
/// first appear in the report.
pub fn snapshots(
    report: &Report,
    registry: &Registry,
    meeting: &MeetingRef,
    source: &Source,
) -> Vec<Snapshot> {
    let registry = registry.matcher();
    let mut shares: IndexMap<String, Share> = IndexMap::new();
    let mut item_dossier: Vec<(&Item, String)> = Vec::new();
    // Text under a part heading outside any item holds facts too (a formal adoption, an entry
    // into force, a file taken off the agenda). Each paragraph goes to the registry dossier it
    // names, and otherwise to the meeting's other topics; it is listed as an item without a
    // number (0) under the heading `Overige onderwerpen`.
    let notes: Vec<Vec<Item>> = report
        .parts
        .iter()
        .map(|part| part.intro.iter().map(note_item).collect())
        .collect();
    for (part, notes) in report.parts.iter().zip(&notes) {
        for note in notes {
            let text: Vec<&str> = note.sentences().collect();
            let named = format!("{} {}", note.heading, text.join(" "));
            let dossier = match registry.find(&named) {
                Some(d) => DossierRef {
                    id: d.id.clone(),
                    title: d.title.clone(),
                },
                None => DossierRef {
                    id: dossier::slug(OTHER_TOPICS),
                    title: OTHER_TOPICS.to_string(),
                },
            };
            shares
                .entry(dossier.id.clone())
                .or_insert_with(|| Share {
                    dossier,
                    items: Vec::new(),
                    highlights: Vec::new(),
                })
                .items
                .push((part.name.as_str(), note));
        }
    }
    for part in &report.parts {
        for item in &part.items {
            let dossier = match registry.find(&item.heading) {
                Some(d) => DossierRef {
                    id: d.id.clone(),
                    title: d.title.clone(),
                },
                None => DossierRef {
                    id: dossier::slug(&item.heading),
                    title: normalize_text(&item.heading),
                },
            };
            item_dossier.push((item, dossier.id.clone()));
            shares
                .entry(dossier.id.clone())
                .or_insert_with(|| Share {
                    dossier,
                    items: Vec::new(),
                    highlights: Vec::new(),
                })
                .items
                .push((part.name.as_str(), item));
        }
    }
    // Highlights that name no dossier of the registry go to the item whose words they share;
    // the items' words are gathered once, and only the words these highlights use.
    let mut unmatched: Vec<(usize, &str)> = Vec::new();
    let mut placed: Vec<Option<String>> = Vec::new();
    for (pi, part) in report.parts.iter().enumerate() {
        for h in &part.highlights {
            placed.push(registry.find(&h.text).map(|d| {
                shares.entry(d.id.clone()).or_insert_with(|| Share {
                    dossier: DossierRef {
                        id: d.id.clone(),
                        title: d.title.clone(),
                    },
                    items: Vec::new(),
                    highlights: Vec::new(),
                });
                d.id.clone()
            }));
            if placed.last().is_some_and(Option::is_none) {
                unmatched.push((pi, &h.text));
            }
        }
    }
    if !unmatched.is_empty() {
        let wanted = Wanted::new(
            unmatched
                .iter()
                .flat_map(|(_, text)| content_words(text))
                .collect(),
        );
        let words: Vec<Vec<ItemWords>> = report
            .parts
            .iter()
            .map(|p| p.items.iter().map(|i| ItemWords::new(i, &wanted)).collect())
            .collect();
        let mut unmatched = unmatched.into_iter();
        for slot in placed.iter_mut().filter(|p| p.is_none()) {
            let Some((pi, text)) = unmatched.next() else {
                break;
            };
            let in_part: Vec<&ItemWords> = words[pi].iter().collect();
            *slot = closest_item(text, &in_part, &item_dossier).or_else(|| {
                let all: Vec<&ItemWords> = words.iter().flatten().collect();
                closest_item(text, &all, &item_dossier)
            });
        }
    }
    let highlights = report.parts.iter().flat_map(|p| &p.highlights);
    for (h, id) in highlights.zip(placed) {
        if let Some(share) = id.and_then(|id| shares.get_mut(&id)) {
            share.highlights.push(&h.text);
        }
    }
    shares
        .into_values()
        .map(|share| build(report, share, meeting, source))
        .collect()
}

fn build(report: &Report, share: Share, meeting: &MeetingRef, source: &Source) -> Snapshot {
    let mut positions: BTreeMap<Actor, Vec<String>> = BTreeMap::new();
    let mut state_of_play: Vec<String> = Vec::new();
    // Each sentence is listed once per actor (and once in the state of play): looked up in a
    // set, not in the lists, so that a paragraph of many sentences costs no more than linear.
    let mut listed: BTreeSet<(Option<Actor>, String)> = BTreeSet::new();
    let mut timeline = Vec::new();
    let mut seen_milestones = BTreeSet::new();
    let mut references: Vec<Reference> = Vec::new();
    for (_, item) in &share.items {
        for (_, sentence, attribution) in attributed_sentences(item, report.start) {
            if attribution.actors.is_empty() && listed.insert((None, sentence.clone())) {
                state_of_play.push(sentence.clone());
            }
            for actor in attribution.actors {
                if listed.insert((Some(actor.clone()), sentence.clone())) {
                    positions.entry(actor).or_default().push(sentence.clone());
                }
            }
            for m in milestones::milestones(&sentence, report.start, report.end) {
                if seen_milestones.insert((m.when, m.phrase.clone(), m.event.clone())) {
                    timeline.push(m);
                }
            }
            push_new(&mut references, references::find_references(&sentence));
        }
        for n in &item.footnotes {
            if let Some(f) = report.footnotes.iter().find(|f| f.number == *n) {
                push_new(&mut references, references::find_references(&f.text));
            }
        }
    }
    let sentences = share
        .items
        .iter()
        .flat_map(|(_, item)| item.sentences())
        .chain(share.highlights.iter().copied());
    let (stage, stage_evidence) = match stage::read_stage(sentences) {
        Some((s, evidence)) => (Some(s), Some(normalize_text(&evidence))),
        None => (None, None),
    };
    Snapshot {
        schema: SCHEMA,
        dossier: share.dossier,
        meeting: meeting.clone(),
        source: source.clone(),
        // The paragraphs of one side topic are one item ref, listed once.
        items: share
            .items
            .iter()
            .map(|(part, item)| ItemRef {
                part: normalize_text(part),
                number: item.number,
                heading: normalize_text(&item.heading),
                action: item.action.as_deref().map(normalize_text),
            })
            .fold(Vec::new(), |mut refs: Vec<ItemRef>, r| {
                if !refs.contains(&r) {
                    refs.push(r);
                }
                refs
            }),
        highlights: share.highlights.iter().map(|h| normalize_text(h)).collect(),
        stage,
        stage_evidence,
        positions: positions
            .into_iter()
            .map(|(actor, statements)| Position { actor, statements })
            .collect(),
        state_of_play,
        timeline,
        references,
    }
}

/// The statements of one agenda item (or side topic) as the actor rules read them: what
/// `normalize --explain` prints under the lines' roles.
pub struct ExplainedItem {
    /// `Binnenlandse Zaken › 1. Terugkeerverordening`.
    pub place: String,
    /// Each sentence with the line its paragraph starts on, and who it was given to, by which
    /// rule.
    pub sentences: Vec<(usize, String, actors::Attribution)>,
}

/// Every sentence of the report with its actors and the rule that placed them, read as
/// [`extract`] reads them for the snapshots (one actor context per item).
pub fn explain_actors(report: &Report) -> Vec<ExplainedItem> {
    let mut out = Vec::new();
    for part in &report.parts {
        let notes = part.intro.iter().map(note_item);
        for item in notes.chain(part.items.iter().cloned()) {
            let sentences = attributed_sentences(&item, report.start);
            let number = if item.number == 0 {
                String::new()
            } else {
                format!("{}. ", item.number)
            };
            let place = if part.name.is_empty() {
                format!("{number}{}", item.heading)
            } else {
                format!("{} › {number}{}", part.name, item.heading)
            };
            out.push(ExplainedItem {
                place: normalize_text(&place),
                sentences,
            });
        }
    }
    out
}

/// Each sentence of an item, cleaned, with the line its paragraph starts on and who it is given
/// to, by which rule: one actor context per item (for the meeting's date, which says who held
/// the presidency), each paragraph read under its sub-heading.
fn attributed_sentences(
    item: &Item,
    date: chrono::NaiveDate,
) -> Vec<(usize, String, actors::Attribution)> {
    let mut ctx = ActorContext::for_meeting(date);
    let mut out = Vec::new();
    for paragraph in &item.paragraphs {
        let texts: Vec<String> = paragraph
            .sentences
            .iter()
            .map(|s| normalize_text(s))
            .collect();
        let with_section: Vec<(&str, Option<&str>)> = texts
            .iter()
            .map(|s| (s.as_str(), paragraph.section.as_deref()))
            .collect();
        let attributed = actors::attribute_sentences(&with_section, &mut ctx);
        for (text, a) in texts.into_iter().zip(attributed) {
            out.push((paragraph.line, text, a));
        }
    }
    out
}

/// The heading under which text outside the agenda items is listed.
pub const OTHER_TOPICS: &str = "Overige onderwerpen";

/// A paragraph of text under a part heading, as an item without a number, under its side
/// topic's heading or `Overige onderwerpen`.
fn note_item(note: &crate::report::Note) -> Item {
    Item {
        number: 0,
        heading: note
            .heading
            .clone()
            .unwrap_or_else(|| OTHER_TOPICS.to_string()),
        action: None,
        paragraphs: vec![note.paragraph.clone()],
        footnotes: Vec::new(),
        line: note.paragraph.line,
    }
}

fn push_new(list: &mut Vec<Reference>, found: Vec<Reference>) {
    for r in found {
        if !list
            .iter()
            .any(|x| x.kamerstuk == r.kamerstuk && x.nr == r.nr)
        {
            list.push(r);
        }
    }
}

/// Words too common to tell items apart.
const STOPWORDS: [&str; 40] = [
    "de", "het", "een", "en", "van", "voor", "op", "in", "met", "te", "om", "aan", "tot", "over",
    "bij", "uit", "als", "dat", "die", "dit", "deze", "zijn", "is", "was", "werd", "heeft",
    "hebben", "naar", "door", "ook", "nog", "niet", "meer", "jbz-raad", "raad", "sprak", "uit",
    "nam", "had", "eerste",
];

/// Between words: anything but letters, digits and hyphens (`EU-lidstaten` is one word).
fn between_words(c: char) -> bool {
    !c.is_alphanumeric() && c != '-'
}

fn content_words(text: &str) -> BTreeSet<String> {
    text.split(between_words)
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() > 2 && !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// The content words of the highlights that name no dossier, with a quick test that most of
/// an item's words fail before they are hashed: the lengths and first bytes of the words.
struct Wanted {
    words: IndexSet<String, FxBuildHasher>,
    /// Bit `n` is set when a word is `n` bytes long (bit 63: 63 bytes or more).
    lengths: u64,
    /// Whether a word starts with this byte.
    firsts: [bool; 256],
}

impl Wanted {
    fn new(words: IndexSet<String, FxBuildHasher>) -> Wanted {
        let mut lengths = 0u64;
        let mut firsts = [false; 256];
        for w in &words {
            lengths |= 1 << w.len().min(63);
            if let Some(&b) = w.as_bytes().first() {
                firsts[usize::from(b)] = true;
            }
        }
        Wanted {
            words,
            lengths,
            firsts,
        }
    }

    fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return false;
        };
        self.lengths & (1 << word.len().min(63)) != 0
            && self.firsts[usize::from(first)]
            && self.words.contains(word)
    }
}

/// Each word of `text`, as `text.split(between_words)` gives them (without the empty ones).
fn for_each_word<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (inside, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric() || b == b'-', 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (!between_words(c), c.len_utf8())
        };
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                f(&text[s..i]);
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
}

/// An item and those of the `wanted` words found in its heading and in its text.
struct ItemWords<'r> {
    item: &'r Item,
    heading: BTreeSet<String>,
    body: BTreeSet<String>,
}

impl<'r> ItemWords<'r> {
    fn new(item: &'r Item, wanted: &Wanted) -> ItemWords<'r> {
        // `wanted` holds content words only, so a word found in it needs no other test.
        let gather = |text: &str, set: &mut BTreeSet<String>| {
            let mut keep = |word: &str| {
                if word.len() >= 3 && wanted.contains(word) && !set.contains(word) {
                    set.insert(word.to_string());
                }
            };
            // Lowercasing before splitting splits the same words, except where a capital
            // lowercases to a letter and a combining mark (only `İ` does): there, word by word.
            if text.contains('İ') {
                text.split(between_words)
                    .for_each(|w| keep(&w.to_lowercase()));
            } else {
                for_each_word(&text.to_lowercase(), keep);
            }
        };
        let mut heading = BTreeSet::new();
        let mut body = BTreeSet::new();
        gather(&item.heading, &mut heading);
        for sentence in item.sentences() {
            gather(sentence, &mut body);
        }
        ItemWords {
            item,
            heading,
            body,
        }
    }
}

/// The dossier of the item a highlight is most likely about: the one sharing the most
/// distinctive words with it (words found in few items weigh more; heading words double).
fn closest_item(
    text: &str,
    items: &[&ItemWords],
    item_dossier: &[(&Item, String)],
) -> Option<String> {
    let n = items.len() as f64;
    // Each word found in any item, with its weight.
    let weighted: Vec<(String, f64)> = content_words(text)
        .into_iter()
        .filter_map(|w| {
            let df = items
                .iter()
                .filter(|o| o.heading.contains(&w) || o.body.contains(&w))
                .count() as f64;
            (df > 0.0).then(|| (w, (1.0 + n / df).ln()))
        })
        .collect();
    let mut best: Option<(f64, usize)> = None;
    for (i, it) in items.iter().enumerate() {
        let mut score = 0.0;
        for (w, idf) in &weighted {
            let idf = *idf;
            if it.heading.contains(w) {
                score += 2.0 * idf;
            } else if it.body.contains(w) {
                score += idf;
            }
        }
        if score > 0.0 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    let item = items[best?.1].item;
    item_dossier
        .iter()
        .find(|(it, _)| it.line == item.line && it.heading == item.heading)
        .map(|(_, id)| id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Paragraph;

    fn item(heading: &str, text: &str) -> Item {
        Item {
            number: 1,
            heading: heading.to_string(),
            action: None,
            paragraphs: vec![Paragraph {
                sentences: vec![text.to_string()],
                line: 2,
                section: None,
            }],
            footnotes: Vec::new(),
            line: 1,
        }
    }

    fn snapshots_of(text: &str) -> Vec<Snapshot> {
        let report = crate::report::parse(text).expect("parses");
        let meeting = MeetingRef {
            id: "2024-03".into(),
            council: crate::snapshot::COUNCIL.into(),
            start: report.start,
            end: report.end,
        };
        let source = Source {
            path: "reports/x.txt".into(),
            kind: report.kind,
            sha256: String::new(),
        };
        snapshots(&report, &Registry::builtin(), &meeting, &source)
    }

    /// Under a sub-heading that marks the Dutch position, a sentence with no actor of its own
    /// is the Netherlands'; under `Krachtenveld` it is no one's.
    #[test]
    fn the_dutch_position_sub_heading_places_sentences_without_an_actor() {
        let text = "Geannoteerde agenda JBZ-Raad 4 en 5 maart 2024\n\n1. Insolventierichtlijn\nAlgemene oriëntatie\n\nHet Voorzitterschap streeft naar een algemene oriëntatie.\n\nKrachtenveld\n\nPosities lopen uiteen over de actio pauliana.\n\nInzet van het kabinet\n\nFlexibiliteit in de actio pauliana is van groot belang.\n";
        let snaps = snapshots_of(text);
        let positions = &snaps[0].positions;
        let of = |actor: Actor| {
            positions
                .iter()
                .find(|p| p.actor == actor)
                .map(|p| p.statements.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            of(Actor::Nederland),
            vec!["Flexibiliteit in de actio pauliana is van groot belang.".to_string()]
        );
        assert!(positions
            .iter()
            .all(|p| !p.statements.iter().any(|s| s.starts_with("Posities lopen"))));
    }

    /// A covering letter's side topic of two paragraphs is one item (numbered 0, under its
    /// heading) of the meeting's other topics, with the facts of both paragraphs.
    #[test]
    fn a_side_topic_of_two_paragraphs_is_listed_once() {
        let text = "Hierbij bieden wij uw Kamer het verslag aan van de JBZ-Raad van 4 en 5 maart 2024.\n\nToetreding van Polen tot het EOM\n\nOp 29 februari jl. bevestigde de Commissie de deelname van Polen aan het EOM.\n\nHet kabinet verwelkomt de toetreding van Polen tot het EOM.\n";
        let snaps = snapshots_of(text);
        assert_eq!(snaps.len(), 1);
        let s = &snaps[0];
        assert_eq!(s.dossier.id, "overige-onderwerpen");
        assert_eq!(s.items.len(), 1, "{:?}", s.items);
        assert_eq!(s.items[0].number, 0);
        assert_eq!(s.items[0].heading, "Toetreding van Polen tot het EOM");
        assert_eq!(s.timeline[0].when.to_string(), "2024-02-29");
        assert!(s.positions.iter().any(|p| p.actor == Actor::Nederland));
    }

    /// An item keeps exactly the wanted words it has, found as `content_words` finds them,
    /// including a word whose capital lowercases to two characters (`İ`).
    #[test]
    fn item_words_are_the_wanted_content_words() {
        let it = item(
            "Conferentie in İstanbul",
            "De Raad sprak over Schengen en de EU-grenzen, en over İzmir.",
        );
        let wanted = Wanted::new(
            content_words("İstanbul İzmir schengen eu-grenzen raad de")
                .into_iter()
                .collect(),
        );
        let words = ItemWords::new(&it, &wanted);
        let heading: Vec<&str> = words.heading.iter().map(String::as_str).collect();
        let body: Vec<&str> = words.body.iter().map(String::as_str).collect();
        assert_eq!(heading, ["i\u{307}stanbul"]);
        assert_eq!(body, ["eu-grenzen", "i\u{307}zmir", "schengen"]);
    }

    /// `for_each_word` splits as `split(between_words)` does, on any text.
    #[test]
    fn for_each_word_splits_as_between_words_does() {
        let texts = [
            "",
            "De EU-lidstaten (o.a. Roemenië, İzmir) spraken op 19-20 oktober—2023 over 's-Gravenhage.",
            "  - é\u{301}x  a--b ½ 3² ﬁne 日本語 ",
            "woord",
        ];
        for text in texts {
            let mut got = Vec::new();
            for_each_word(text, |w| got.push(w));
            let want: Vec<&str> = text
                .split(between_words)
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn for_each_word_matches_split_on_random_text(text in "\\PC{0,60}") {
            let mut got = Vec::new();
            for_each_word(&text, |w| got.push(w));
            let want: Vec<&str> = text.split(between_words).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
