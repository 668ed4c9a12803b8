//! Dated milestones: every dated phrase of a dossier's sentences, with what happens then and
//! whether it lies behind or ahead of the meeting.

use chrono::NaiveDate;

use crate::extract::dates::{self, DateMention, Marker};
use crate::snapshot::{Milestone, Status};

/// Every milestone in one sentence, in order.
pub fn milestones(sentence: &str, start: NaiveDate, end: NaiveDate) -> Vec<Milestone> {
    dates::find_dates(sentence, start, end)
        .into_iter()
        .map(|m| Milestone {
            when: m.when,
            phrase: m.phrase.clone(),
            event: event(sentence, &m),
            status: status(sentence, &m, start, end),
        })
        .collect()
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
const FILLERS: [&str; 9] = [
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

fn clean_event(text: &str) -> String {
    let mut words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !FILLERS.contains(&w.to_lowercase().as_str()))
        .collect();
    while words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "de" | "het" | "een" | "om" | "dat" | "die" | "en" | "tot" | "naar" | "zo"
        )
    }) {
        words.remove(0);
    }
    let joined = words.join(" ");
    joined
        .trim_end_matches(['.', ',', ';', ':', ' '])
        .to_string()
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
}
