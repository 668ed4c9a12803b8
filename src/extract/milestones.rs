//! Dated milestones: every dated phrase of a dossier's sentences, with what happens then (a
//! clean phrase, and a [`EventName`] from a small vocabulary) and whether it lies behind or ahead
//! of the meeting.

use chrono::NaiveDate;

use crate::dates::{self, DateMention, Marker};
use crate::model::EventName;
use crate::snapshot::{Milestone, Status};

/// Every milestone in one sentence, in order.
pub fn milestones(sentence: &str, start: NaiveDate, end: NaiveDate) -> Vec<Milestone> {
    dates::find_dates(sentence, start, end)
        .into_iter()
        .map(|mut m| {
            // "de in maart gestarte pilots" in a report of January: the participle says it
            // happened, so it is the March before the meeting, not the one after.
            if qualifies_noun_in_past(sentence, &m) && m.when.first_day() > end {
                if let Some(past) = dates::find_dates(&format!("{} jl.", m.phrase), start, end)
                    .into_iter()
                    .next()
                {
                    m.when = past.when;
                    m.marker = Marker::Past;
                }
            }
            let event = event(sentence, &m);
            Milestone {
                when: m.when,
                phrase: m.phrase.clone(),
                name: EventName::of(&event),
                event,
                status: status(sentence, &m, start, end),
            }
        })
        .collect()
}

/// `de in maart gestarte pilots`: an article, a preposition, the date, then a past participle
/// used as an adjective (`ge…de`/`ge…te`), with no year of its own.
fn qualifies_noun_in_past(sentence: &str, m: &DateMention) -> bool {
    if m.phrase.chars().filter(char::is_ascii_digit).count() >= 4 || m.marker != Marker::None {
        return false;
    }
    let before: Vec<String> = sentence
        .get(..m.start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let after = sentence
        .get(m.end..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(before.as_slice(), [p, a] if matches!(a.as_str(), "de" | "het") && matches!(p.as_str(), "in" | "op" | "per" | "sinds"))
        && after.starts_with("ge")
        && (after.ends_with("de") || after.ends_with("te"))
}

/// Done or planned: `jl.` and `a.s.` say so; otherwise a date before the meeting is done and
/// one after it is planned; a date around the meeting (`deze maand`) goes by the tense.
fn status(sentence: &str, m: &DateMention, start: NaiveDate, end: NaiveDate) -> Status {
    match m.marker {
        Marker::Past => return Status::Done,
        Marker::Next => return Status::Planned,
        Marker::None => {}
    }
    if m.when.last_day() < start {
        return Status::Done;
    }
    if m.when.first_day() > end {
        return Status::Planned;
    }
    let lower = format!(" {} ", sentence.to_lowercase());
    const PAST: [&str; 9] = [
        " werd ",
        " werden ",
        " is toegetreden",
        " vond plaats",
        " plaatsgevonden",
        " gestart",
        " heeft ",
        " hebben ",
        " was ",
    ];
    const FUTURE: [&str; 9] = [
        " zal ",
        " zullen ",
        " zou ",
        " te bereiken",
        " gepland",
        "doel is",
        " beoogt ",
        " streeft ",
        " verwacht ",
    ];
    if FUTURE.iter().any(|w| lower.contains(w)) || !PAST.iter().any(|w| lower.contains(w)) {
        Status::Planned
    } else {
        Status::Done
    }
}

/// Prepositions that tie a date to the clause; dropped with the date.
const DATE_PREPOSITIONS: [&str; 15] = [
    "op",
    "naar",
    "in",
    "voor",
    "vóór",
    "van",
    "per",
    "rond",
    "tegen",
    "uiterlijk",
    "tot",
    "na",
    "sinds",
    "vanaf",
    "medio",
];

/// Words that say nothing about the event.
const FILLERS: [&str; 11] = [
    "daarmee",
    "tevens",
    "nu",
    "tentatief",
    "dan",
    "inmiddels",
    "ook",
    "verder",
    "daarbij",
    "nog",
    "alsnog",
];

/// What the milestone is about: the clause around the date, with the date, its preposition
/// and filler words taken out. `… zij zich inzetten om deze maand overeenstemming in het
/// Comité van Permanente Vertegenwoordigers te bereiken.` → `overeenstemming in het Comité van
/// Permanente Vertegenwoordigers`.
pub fn event(sentence: &str, m: &DateMention) -> String {
    let before = sentence.get(..m.start).unwrap_or("");
    let after = sentence.get(m.end..).unwrap_or("");
    let before_words: Vec<&str> = before.split_whitespace().collect();
    let after_words: Vec<&str> = after.split_whitespace().collect();

    // "de in maart gestarte grensbeheerpilots": the date qualifies a noun.
    if before_words.len() >= 2 {
        let n = before_words.len();
        let article = before_words[n - 2].to_lowercase();
        if matches!(article.as_str(), "de" | "het")
            && DATE_PREPOSITIONS.contains(&before_words[n - 1].to_lowercase().as_str())
        {
            if let [participle, noun, ..] = after_words.as_slice() {
                return clean_event(&format!("{participle} {noun}"));
            }
        }
    }

    // The clause: from the last boundary before the date to the first after it.
    let boundaries = [", ", "; ", ": ", " maar ", " dat ", " die ", " en dat "];
    let clause_start = boundaries
        .iter()
        .filter_map(|b| before.rfind(b).map(|p| (p + b.len(), *b)))
        .max_by_key(|&(p, _)| p);
    let mut head = match clause_start {
        Some((p, _)) => before.get(p..).unwrap_or(""),
        None => before,
    };
    let clause_end = [", ", "; ", " maar ", " en dat "]
        .iter()
        .filter_map(|b| after.find(b))
        .min()
        .unwrap_or(after.len());
    let tail = after.get(..clause_end).unwrap_or(after);

    // "om <date> X te bereiken": the event is X.
    let mut infinitive = false;
    if let Some(p) = head
        .rfind(" om ")
        .map(|p| p + 4)
        .or(head.starts_with("om ").then_some(3))
    {
        head = head.get(p..).unwrap_or(head);
        infinitive = true;
    }
    // "het Forum … van 26 en 27 oktober": the date belongs to the noun before it.
    let head_words: Vec<&str> = head.split_whitespace().collect();
    let tail_is_empty = tail
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .is_empty();
    if head_words.last() == Some(&"van") && tail_is_empty {
        let np_start = head_words
            .iter()
            .rposition(|w| matches!(*w, "op" | "over" | "naar" | "aan" | "met" | "bij"))
            .map_or(0, |i| i + 1);
        return clean_event(&head_words[np_start..head_words.len() - 1].join(" "));
    }

    let mut words: Vec<&str> = head_words;
    if words
        .last()
        .is_some_and(|w| DATE_PREPOSITIONS.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let mut tail_words: Vec<&str> = tail.split_whitespace().collect();
    if infinitive {
        if let Some(te) = tail_words.iter().rposition(|w| *w == "te") {
            tail_words.truncate(te);
        }
    }
    words.extend(tail_words);

    // "… naar een succesvolle donor conferentie voor ontmijning die op 11-12 oktober jl. …":
    // a relative clause takes its noun from before it.
    if let Some((p, " die ")) = clause_start {
        let antecedent_part = before.get(..p.saturating_sub(5)).unwrap_or("");
        let ante: Vec<&str> = antecedent_part.split_whitespace().collect();
        let from = ante
            .iter()
            .rposition(|w| matches!(*w, "naar" | "over" | "op" | "aan" | "met" | "bij"))
            .map_or(0, |i| i + 1);
        let mut all: Vec<&str> = ante[from..].to_vec();
        all.extend(words);
        words = all;
    }
    clean_event(&words.join(" "))
}

/// The event as a clean phrase: filler words out, no bracket left empty (or holding only the
/// preposition of a date lifted out: `(na )`), no leading article or conjunction, no dangling
/// preposition (`op`, `per`, `vanaf`) at either end, no footnote number at the end.
fn clean_event(text: &str) -> String {
    let text = drop_empty_brackets(text);
    let mut words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !FILLERS.contains(&w.to_lowercase().as_str()))
        .collect();
    loop {
        let before = words.len();
        while words.first().is_some_and(|w| {
            let w = w.to_lowercase();
            matches!(
                w.as_str(),
                "de" | "het" | "een" | "om" | "dat" | "die" | "en" | "tot" | "naar" | "zo"
            ) || matches!(
                w.as_str(),
                "op" | "per"
                    | "vanaf"
                    | "na"
                    | "sinds"
                    | "rond"
                    | "tegen"
                    | "uiterlijk"
                    | "zal"
                    | "zullen"
                    | "zou"
            )
        }) {
            words.remove(0);
        }
        while let Some(last) = words.last() {
            let bare = last.trim_end_matches(['.', ',', ';', ':']).to_lowercase();
            let footnote =
                !bare.is_empty() && bare.len() <= 2 && bare.chars().all(|c| c.is_ascii_digit());
            if bare.is_empty()
                || footnote
                || DATE_PREPOSITIONS.contains(&bare.as_str())
                || matches!(
                    bare.as_str(),
                    "en" | "of" | "dat" | "die" | "de" | "het" | "een"
                )
            {
                words.pop();
            } else {
                break;
            }
        }
        if words.len() == before {
            break;
        }
    }
    let joined = words.join(" ");
    joined
        .trim_end_matches(['.', ',', ';', ':', ' '])
        .to_string()
}

/// Take out brackets that hold nothing but spaces and date prepositions: `(na )`, `( )`, `()`.
fn drop_empty_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inside = &rest[open + 1..close];
        let empty = inside
            .split_whitespace()
            .all(|w| DATE_PREPOSITIONS.contains(&w.to_lowercase().as_str()));
        out.push_str(&rest[..open]);
        if !empty {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn one(sentence: &str) -> Milestone {
        let ms = milestones(sentence, day(2023, 10, 19), day(2023, 10, 20));
        assert_eq!(ms.len(), 1, "{sentence}: {ms:?}");
        ms.into_iter().next().expect("one milestone")
    }

    #[test]
    fn this_month_agreement_is_planned() {
        let m = one("De Commissie en het Voorzitterschap gaven aan dat een compromis binnen handbereik is en dat zij zich inzetten om deze maand overeenstemming in het Comité van Permanente Vertegenwoordigers te bereiken.");
        assert_eq!(m.when.to_string(), "2023-10");
        assert_eq!(
            m.event,
            "overeenstemming in het Comité van Permanente Vertegenwoordigers"
        );
        assert_eq!(m.status, Status::Planned);
    }

    #[test]
    fn ees_autumn_is_planned() {
        let m = one("De inwerkingtreding van het EES staat nu tentatief gepland voor najaar 2024.");
        assert_eq!(m.when.to_string(), "2024-09/2024-11");
        assert_eq!(m.event, "inwerkingtreding van het EES staat gepland");
        assert_eq!(m.status, Status::Planned);
    }

    #[test]
    fn past_date_with_jl_is_done() {
        let m = one("De EU is op 1 oktober jl. toegetreden tot de Conventie van Istanbul.");
        assert_eq!(m.when.to_string(), "2023-10-01");
        assert_eq!(m.event, "EU is toegetreden tot de Conventie van Istanbul");
        assert_eq!(m.status, Status::Done);
    }

    #[test]
    fn relative_clause_takes_its_noun() {
        let m = one("Onder de AOB-punten werd ook kort teruggeblikt naar een succesvolle donor conferentie voor ontmijning die op 11-12 oktober jl. in Kroatië werd gehouden.");
        assert_eq!(
            m.event,
            "succesvolle donor conferentie voor ontmijning in Kroatië werd gehouden"
        );
        assert_eq!(m.status, Status::Done);
    }

    #[test]
    fn date_of_a_named_event() {
        let m = one("Het Spaanse voorzitterschap gaf tot slot een korte toelichting op het Ministeriële Forum tussen de EU en Westelijke Balkan van 26 en 27 oktober 2023.");
        assert_eq!(
            m.event,
            "Ministeriële Forum tussen de EU en Westelijke Balkan"
        );
        assert_eq!(m.status, Status::Planned);
    }

    #[test]
    fn date_that_qualifies_a_noun() {
        let m = one("Zo werkten beide lidstaten in het kader van de in maart gestarte grensbeheerpilots aan het opstellen van een versnelde asielgrensprocedure.");
        assert_eq!(m.event, "gestarte grensbeheerpilots");
        assert_eq!(m.status, Status::Done);
    }

    #[test]
    fn sentence_initial_preposition_leaves_the_event() {
        let m =
            one("Op 20 december 2023 is met het Europees Parlement een voorlopig akkoord bereikt.");
        assert!(!m.event.starts_with("Op "), "{}", m.event);
    }

    #[test]
    fn slip_to_a_date_drops_naar() {
        let m = one("De inwerkingtreding van het EES zal verschuiven naar voorjaar 2025.");
        assert!(!m.event.ends_with("naar"), "{}", m.event);
        assert_eq!(m.when.to_string(), "2025-03/2025-05");
    }

    fn at(sentence: &str, start: NaiveDate, end: NaiveDate) -> Vec<Milestone> {
        milestones(sentence, start, end)
    }

    #[test]
    fn date_in_brackets_leaves_no_empty_bracket() {
        // From the annotated agenda of March 2025 (real wording, "te kunnen steunen" and all).
        let ms = at(
            "Het kabinet kan de (gedeeltelijke) algemene oriëntatie (na 4 maart 2025) te kunnen steunen.",
            day(2025, 3, 13),
            day(2025, 3, 14),
        );
        assert_eq!(ms.len(), 1, "{ms:?}");
        let e = &ms[0].event;
        assert!(
            !e.contains("()") && !e.contains("( )") && !e.contains("(na"),
            "{e}"
        );
        assert!(e.contains("(gedeeltelijke) algemene oriëntatie"), "{e}");
        // The report's own wording stays, "te kunnen" and all; only the date goes.
        assert_eq!(
            e,
            "kabinet kan de (gedeeltelijke) algemene oriëntatie te kunnen steunen"
        );
        assert_eq!(ms[0].name, EventName::AlgemeneOrientatie);
        assert_eq!(ms[0].when.to_string(), "2025-03-04");
    }

    #[test]
    fn publication_then_entry_into_force() {
        // The verslag of December 2021 on the EUAA regulation.
        let start = day(2021, 12, 9);
        let end = day(2021, 12, 10);
        let p = at(
            "Publicatie van de verordening in het EU-publicatieblad is voorzien op 20 december 2021.",
            start,
            end,
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].name, EventName::Publicatie);
        assert_eq!(p[0].when.to_string(), "2021-12-20");
        assert_eq!(p[0].status, Status::Planned);
        assert!(!p[0].event.ends_with(" op"), "{}", p[0].event);
        let w = at(
            "Daarmee zal de verordening op 9 januari 2022 in werking treden.",
            start,
            end,
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].name, EventName::Inwerkingtreding);
        assert_eq!(w[0].when.to_string(), "2022-01-09");
        assert_eq!(w[0].status, Status::Planned);
        assert_eq!(w[0].event, "verordening in werking treden");
    }

    #[test]
    fn ees_entry_into_force_is_named() {
        let m = one("De inwerkingtreding van het EES staat nu tentatief gepland voor najaar 2024.");
        assert_eq!(m.name, EventName::Inwerkingtreding);
        assert_eq!(m.name.label(), "inwerkingtreding");
    }

    #[test]
    fn dangling_prepositions_and_footnote_numbers_go() {
        for (sentence, event) in [
            (
                "De triloog over de verordening is gepland per 1 februari 2024.",
                "triloog over de verordening is gepland",
            ),
            (
                "De formele aanneming volgt vanaf 15 januari 2024 3",
                "formele aanneming volgt",
            ),
        ] {
            let m = one(sentence);
            assert_eq!(m.event, event, "{sentence}");
        }
    }

    #[test]
    fn names_follow_the_vocabulary() {
        for (event, name) in [
            ("een voorlopig akkoord bereikt", EventName::VoorlopigAkkoord),
            (
                "de verordening formeel aangenomen",
                EventName::FormeleAanneming,
            ),
            ("eerste triloog", EventName::Triloog),
            (
                "overeenstemming in het Comité van Permanente Vertegenwoordigers",
                EventName::AkkoordCoreper,
            ),
            ("verordening van toepassing is", EventName::Toepassing),
            ("gestarte grensbeheerpilots", EventName::Other),
        ] {
            assert_eq!(EventName::of(event), name, "{event}");
        }
    }

    #[test]
    fn past_participle_date_is_the_one_before_the_meeting() {
        // "de in maart gestarte pilots" in a report of January 2024: March 2023.
        let ms = at(
            "Zo werkten beide lidstaten in het kader van de in maart gestarte grensbeheerpilots aan een versnelde procedure.",
            day(2024, 1, 25),
            day(2024, 1, 26),
        );
        assert_eq!(ms[0].when.to_string(), "2023-03");
        assert_eq!(ms[0].status, Status::Done);
    }
}
