//! Text → [`Report`]: the title and meeting days, the document kind, the parts, the
//! `Belangrijkste resultaten` bullets, the numbered agenda items with their paragraphs and
//! sentences, and the footnotes.
//!
//! This is the one place that works on lines; everything after it works on a `Report`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::clean::{self, Cleaned, Footnote, Line};
use crate::dates;

/// What kind of document a report is.
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
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The *verslag*, written after the meeting: what was said and decided.
    Verslag,
    /// The *geannoteerde agenda*, written before it: what the Netherlands will argue.
    Agenda,
}

impl Kind {
    /// The word used in file names and snapshots: `verslag` or `agenda`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Verslag => "verslag",
            Kind::Agenda => "agenda",
        }
    }
}

/// A report on one JBZ-Raad meeting, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Verslag or geannoteerde agenda.
    pub kind: Kind,
    /// The title as printed, lines joined.
    pub title: String,
    /// The first meeting day.
    pub start: NaiveDate,
    /// The last meeting day (the same as `start` for a one-day meeting).
    pub end: NaiveDate,
    /// The parts (`Binnenlandse Zaken`, `Justitie`), in order. A report without part headings
    /// has one part with an empty name.
    pub parts: Vec<Part>,
    /// The footnotes, in order.
    pub footnotes: Vec<Footnote>,
    /// What became of every non-blank line of the source, in line order.
    pub trace: Vec<Trace>,
    /// What the reader noticed and a person should look at: numbering that jumps or repeats,
    /// text shaped like a heading that was not taken as one. The report was read, but an
    /// item may be missing or misplaced; `normalize` prints these and `check` fails on them.
    pub warnings: Vec<Warning>,
}

/// What the reader made of one line of the source: the record `normalize --explain` prints,
/// so that a user sees in one look why an item was missed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    /// 1-based source line.
    pub line: usize,
    /// What the line was read as.
    pub role: Role,
    /// Where it went (`Binnenlandse Zaken › 1. Terugkeerverordening`), or why it was left out.
    pub into: String,
}

/// What a line of a report was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Before the title: a covering letter's address, a viewer's page; not read.
    FrontMatter,
    /// The title.
    Title,
    /// Page furniture, metadata, a letter's formula or signature; left out.
    Furniture,
    /// A part heading.
    Part,
    /// `Belangrijkste resultaten`.
    Highlights,
    /// A highlight bullet.
    Bullet,
    /// An agenda item's heading (and its action line).
    Item,
    /// An item's text.
    Text,
    /// The heading of a side topic outside the items.
    SideHeading,
    /// A sub-heading inside an item.
    SubHeading,
    /// Text outside the items, kept as the meeting's other topics.
    Note,
    /// A footnote.
    Footnote,
}

impl Role {
    /// The word `--explain` prints.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::FrontMatter => "front matter",
            Role::Title => "title",
            Role::Furniture => "furniture",
            Role::Part => "part",
            Role::Highlights => "highlights",
            Role::Bullet => "bullet",
            Role::Item => "item",
            Role::Text => "text",
            Role::SideHeading => "side topic",
            Role::SubHeading => "sub-heading",
            Role::Note => "other topic",
            Role::Footnote => "footnote",
        }
    }
}

/// Something in a report that may not have been read right, with the line it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based source line.
    pub line: usize,
    /// What was seen and what it may mean, in a sentence.
    pub message: String,
}

/// One part of a report, such as `I. Binnenlandse Zaken`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The part's name without its numbering, as printed: `Binnenlandse Zaken`,
    /// `Onderdeel Justitie`.
    pub name: String,
    /// The `Belangrijkste resultaten` bullets.
    pub highlights: Vec<Highlight>,
    /// Text under the part heading that is neither a highlight nor in an item: formal
    /// adoptions, files taken off the agenda, meetings "en marge", a covering letter's side
    /// topics. Facts that belong to the meeting even though no agenda item holds them.
    pub intro: Vec<Note>,
    /// The numbered agenda items.
    pub items: Vec<Item>,
}

/// A paragraph outside the agenda items, under the short heading it stands under, if any
/// (`Voorlopig akkoord confiscatierichtlijn` in a covering letter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The side topic's heading, as printed.
    pub heading: Option<String>,
    /// The paragraph.
    pub paragraph: Paragraph,
}

/// One `Belangrijkste resultaten` bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// The bullet's text, cleaned and joined (it may run over an empty line).
    pub text: String,
    /// 1-based source line where it starts.
    pub line: usize,
}

/// One numbered agenda item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its number within the part.
    pub number: u32,
    /// Its heading, whole even where it wrapped.
    pub heading: String,
    /// In an agenda, what the Council will do (`Gedachtewisseling`, `Algemene oriëntatie`).
    pub action: Option<String>,
    /// Its paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// The footnotes whose markers stand in this item's text.
    pub footnotes: Vec<u32>,
    /// 1-based source line of its heading.
    pub line: usize,
}

/// A paragraph, split into sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Whole sentences, cleaned.
    pub sentences: Vec<String>,
    /// The sub-heading inside the item that the paragraph stands under (`Inzet van het
    /// kabinet`, `Krachtenveld`), if any: it tells whose position a sentence without an actor
    /// of its own is.
    pub section: Option<String>,
    /// 1-based source line where it starts.
    pub line: usize,
}

impl Item {
    /// Every sentence of the item, in order.
    pub fn sentences(&self) -> impl Iterator<Item = &str> {
        self.paragraphs
            .iter()
            .flat_map(|p| p.sentences.iter().map(String::as_str))
    }
}

/// Why a text could not be read as a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// No title line of a JBZ-Raad verslag or agenda was found.
    #[error("this is not a JBZ-Raad report: no title such as 'Verslag van de Raad Justitie en Binnenlandse Zaken, 19-20 oktober 2023' or 'Geannoteerde agenda …' was found")]
    NotAReport,
    /// The title was found but its dates could not be read.
    #[error("line {line}: cannot read the meeting days from the title '{title}'; the title should end in dates such as '19-20 oktober 2023' or '13 en 14 juni 2024'")]
    NoMeetingDays {
        /// 1-based line of the title.
        line: usize,
        /// The title as printed.
        title: String,
    },
    /// The text holds far more sentences than any report.
    #[error("the text holds some {count} sentences, more than the {MAX_SENTENCES} a report can hold (a real one holds a few hundred); is this the right file?")]
    TooLong {
        /// How many sentences it holds.
        count: usize,
    },
    /// The title was found but no numbered agenda items followed it.
    #[error("line {line}: found the title but no agenda items ('1. …') and no text after it")]
    NoItems {
        /// 1-based line of the title.
        line: usize,
    },
}

/// The most sentences a report may hold: real ones hold a few hundred. Far beyond, the text is
/// not a report, and reading it on would cost time and memory for nothing (a 31 MB paragraph of
/// 600,000 sentences took 2.5 s and 370 MB).
pub const MAX_SENTENCES: usize = 100_000;

impl ReportError {
    /// The 1-based source line the error is about, where there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ReportError::NotAReport | ReportError::TooLong { .. } => None,
            ReportError::NoMeetingDays { line, .. } | ReportError::NoItems { line } => Some(*line),
        }
    }
}

/// Read a report from its text (already decoded, see [`crate::source`]).
pub fn parse(text: &str) -> Result<Report, ReportError> {
    // Far more full stops than sentences a report may hold: refused before the text is taken
    // apart, so that the refusal costs one pass and no memory.
    let stops = text.bytes().filter(|b| *b == b'.').count();
    if stops > MAX_SENTENCES * 3 / 2 {
        return Err(ReportError::TooLong { count: stops });
    }
    let cleaned = clean::clean(text);
    let mut report = Parser::new(&cleaned).parse()?;
    // The lines the cleaner took out of the running text are the footnotes' (blank ones aside).
    let kept: std::collections::BTreeSet<usize> = cleaned.lines.iter().map(|l| l.no).collect();
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        if !kept.contains(&no) && !raw.trim().is_empty() {
            let note = cleaned.footnotes.iter().rev().find(|f| f.line <= no);
            report.trace.push(Trace {
                line: no,
                role: Role::Footnote,
                into: note.map_or_else(String::new, |f| format!("footnote {}", f.number)),
            });
        }
    }
    report.trace.sort_by_key(|t| t.line);
    Ok(report)
}

const TITLE_MARKERS: [&str; 3] = ["verslag", "geannoteerde agenda", "agenda"];

struct Parser<'a> {
    lines: &'a [Line],
    footnotes: &'a [Footnote],
    /// The report's body has no numbered item and no `= …` action line, so that its items
    /// are headed by short lines of their own; set once the title is known.
    unnumbered: bool,
    /// The width the body's text is wrapped at ([`line_width`]); set once the title is known.
    width: usize,
}

enum Mode {
    /// Between headings, before any item of the part.
    Intro,
    /// Inside `Belangrijkste resultaten`.
    Highlights,
    /// Inside an item.
    Item,
}

/// A title candidate: where it starts, the index after it, its kind and its text.
struct Title {
    at: usize,
    end: usize,
    kind: Kind,
    text: String,
}

/// The years printed in a text, for a title that has none (`12 en 13 December`): the first
/// year printed before the title (a covering letter), else the first one after it. Found in
/// one pass, so that trying title after title does not read the text again each time.
struct Years {
    /// The index and year of the first line that prints a year.
    first: Option<(usize, i32)>,
    /// The year of the next line after that one that prints a year.
    second: Option<i32>,
}

impl Years {
    fn new(lines: &[Line]) -> Self {
        let mut found = lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| year_in(&l.text).map(|y| (i, y)));
        let first = found.next();
        let second = found.next().map(|(_, y)| y);
        Years { first, second }
    }

    /// The year for a title at line `title_at`: the first year on another line.
    fn context(&self, title_at: usize) -> Option<i32> {
        match self.first {
            Some((i, _)) if i == title_at => self.second,
            first => first.map(|(_, y)| y),
        }
    }
}

/// The first year (19xx or 20xx, four digits standing alone) printed in a line.
fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit()).find_map(|w| {
        (w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
            .then(|| w.parse().ok())
            .flatten()
    })
}

impl<'a> Parser<'a> {
    fn new(cleaned: &'a Cleaned) -> Self {
        Parser {
            lines: &cleaned.lines,
            footnotes: &cleaned.footnotes,
            unnumbered: false,
            width: 0,
        }
    }

    fn parse(&mut self) -> Result<Report, ReportError> {
        let (title, (start, end)) = self.dated_title()?;
        // A covering letter's side topics are never agenda items, whatever the shape.
        let body = &self.lines[title.end.min(self.lines.len())..];
        let from_letter = self.lines[title.at]
            .text
            .to_lowercase()
            .starts_with("hierbij")
            || body
                .iter()
                .any(|l| l.text.to_lowercase().starts_with("hierbij"));
        self.unnumbered = !from_letter
            && !body
                .iter()
                .any(|l| numbered(&l.text).is_some() || l.text.starts_with('='));
        self.width = line_width(&self.lines[title.end.min(self.lines.len())..]);
        let title_line = self.lines[title.at].no;
        let (parts, warnings, mut trace) = self.body(title.end);
        let before: Vec<Trace> = self.lines[..title.at]
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| Trace {
                line: l.no,
                role: Role::FrontMatter,
                into: "left out: before the title".to_string(),
            })
            .chain(
                self.lines[title.at..title.end]
                    .iter()
                    .filter(|l| !l.is_blank())
                    .map(|l| Trace {
                        line: l.no,
                        role: Role::Title,
                        into: title.text.clone(),
                    }),
            )
            .collect();
        trace.extend(before);
        if parts
            .iter()
            .all(|p| p.items.is_empty() && p.intro.is_empty())
        {
            return Err(ReportError::NoItems { line: title_line });
        }
        let count: usize = parts
            .iter()
            .flat_map(|p| &p.items)
            .map(|it| it.sentences().count())
            .sum::<usize>()
            + parts
                .iter()
                .flat_map(|p| &p.intro)
                .map(|n| n.paragraph.sentences.len())
                .sum::<usize>();
        if count > MAX_SENTENCES {
            return Err(ReportError::TooLong { count });
        }
        Ok(Report {
            kind: title.kind,
            title: title.text,
            start,
            end,
            parts,
            footnotes: self.footnotes.to_vec(),
            trace,
            warnings,
        })
    }

    /// The title and its meeting days: the first title candidate that gives meeting days.
    /// A line before the real title may open like one without being one (a covering letter's
    /// `Verslag van de JBZ-Raad`, with no dates); it is passed over. When no candidate gives
    /// meeting days, the error names the first, which is where a reader looks for the title.
    fn dated_title(&self) -> Result<(Title, (NaiveDate, NaiveDate)), ReportError> {
        let years = Years::new(self.lines);
        let mut first: Option<Title> = None;
        for i in 0..self.lines.len() {
            let Some((title, days)) = self.title_at(i, &years) else {
                continue;
            };
            if let Some(days) = days {
                return Ok((self.repeated_title(title, days, &years), days));
            }
            first.get_or_insert(title);
        }
        if let Some(found) = self.letter_title(&years) {
            return Ok(found);
        }
        Err(match first {
            Some(t) => ReportError::NoMeetingDays {
                line: self.lines[t.at].no,
                title: t.text,
            },
            None => ReportError::NotAReport,
        })
    }

    /// Where a file holds only the covering letter (a publication's first pages, a viewer's
    /// `Brief regering`), the letter's own sentence names the meeting: `Hierbij bieden wij uw
    /// Kamer de geannoteerde agenda aan van de Raad Justitie en Binnenlandse Zaken op 9 en 10
    /// juni 2022 in Luxemburg.` That sentence is the title; the letter's side topics follow.
    fn letter_title(&self, years: &Years) -> Option<(Title, (NaiveDate, NaiveDate))> {
        for i in 0..self.lines.len() {
            if !self.lines[i].text.to_lowercase().starts_with("hierbij") {
                continue;
            }
            let mut sentence = String::new();
            let mut end = i;
            let mut tight = false;
            while end < self.lines.len() && end < i + 5 && !self.lines[end].is_blank() {
                join_line(&mut sentence, &self.lines[end].text, tight);
                tight = self.lines[end].joins_tight;
                end += 1;
                if ends_sentence(&sentence) {
                    break;
                }
            }
            let first = sentences(&sentence).into_iter().next().unwrap_or_default();
            let lower = first.to_lowercase();
            let kind = match (lower.find("verslag"), lower.find("agenda")) {
                (Some(v), Some(a)) if a < v => Kind::Agenda,
                (Some(_), _) => Kind::Verslag,
                (None, Some(_)) => Kind::Agenda,
                (None, None) => continue,
            };
            if !about_jbz(&first) {
                continue;
            }
            if let Some(days) = dates::meeting_days(&first, years.context(i)) {
                let title = Title {
                    at: i,
                    end,
                    kind,
                    text: first,
                };
                return Some((title, days));
            }
        }
        None
    }

    /// A viewer's page (tkconv) or a publication header prints the title once in its metadata
    /// and again where the document itself begins. When the same meeting's title appears again
    /// before the first heading, the document starts after the second; what stands between is
    /// front matter (`Bijlage`, `Nummer: 2025D47955, …`, `Preview document`).
    fn repeated_title(&self, title: Title, days: (NaiveDate, NaiveDate), years: &Years) -> Title {
        let mut j = title.end;
        while j < self.lines.len() {
            let text = &self.lines[j].text;
            if is_part_heading(text).is_some()
                || is_highlights_heading(text)
                || numbered(text).is_some()
            {
                break;
            }
            if let Some((again, Some(d))) = self.title_at(j, years) {
                if d == days {
                    return Title {
                        end: again.end,
                        ..title
                    };
                }
            }
            j += 1;
        }
        title
    }

    /// The title that starts at line `i`, if one does, with its meeting days if they can be
    /// read. A title opens with `Verslag` or `(Geannoteerde) agenda` and runs over at most four
    /// lines, blank lines between them allowed (`Geannoteerde agenda van de bijeenkomst` /
    /// empty / `van de Raad Justitie en Binnenlandse Zaken,` / empty / `8 en 9 december 2025`);
    /// it stops as soon as it names the JBZ-Raad and gives meeting days, and never takes in a
    /// sentence, a heading or another title.
    fn title_at(&self, i: usize, years: &Years) -> Option<(Title, Option<(NaiveDate, NaiveDate)>)> {
        let lower = self.lines[i].text.to_lowercase();
        if !opens_like_a_title(&lower) {
            return None;
        }
        // Markup around a title is a document about reports (a README quoting one), not one.
        let markup = |t: &str| t.contains(['`', '|']) || t.starts_with(['#', '>', '*']);
        if markup(&self.lines[i].text) {
            return None;
        }
        let kind = if lower.starts_with("verslag") {
            Kind::Verslag
        } else {
            Kind::Agenda
        };
        let mut title = self.lines[i].text.clone();
        let mut end = i + 1;
        let mut taken = 1;
        loop {
            if about_jbz(&title) {
                if let Some(days) = dates::meeting_days(&title, years.context(i)) {
                    // `… 19 -20 oktober` / `2023`: a title wrapped before its year takes it.
                    let year_line = self.lines.get(end).filter(|l| {
                        l.text.len() < 30
                            && l.text.starts_with(|c: char| c.is_ascii_digit())
                            && year_in(&l.text).is_some()
                    });
                    if let Some(next) = year_line {
                        let longer = format!("{title} {}", next.text);
                        if let Some(days) = dates::meeting_days(&longer, years.context(i)) {
                            let title = Title {
                                at: i,
                                end: end + 1,
                                kind,
                                text: longer,
                            };
                            return Some((title, Some(days)));
                        }
                    }
                    let title = Title {
                        at: i,
                        end,
                        kind,
                        text: title,
                    };
                    return Some((title, Some(days)));
                }
            }
            if taken == 4 {
                break;
            }
            // The next line of the title, over at most two blank lines.
            let mut k = end;
            while k < self.lines.len() && k < end + 3 && self.lines[k].is_blank() {
                k += 1;
            }
            let Some(next) = self.lines.get(k).filter(|l| !l.is_blank()) else {
                break;
            };
            let next_lower = next.text.to_lowercase();
            if next.text.len() > 120
                || markup(&next.text)
                || is_bullet(&next.text)
                || clean::ends_sentence(&next.text)
                || opens_like_a_title(&next_lower)
                || is_part_heading(&next.text).is_some()
                || is_highlights_heading(&next.text)
                || numbered(&next.text).is_some()
            {
                break;
            }
            title.push(' ');
            title.push_str(&next.text);
            end = k + 1;
            taken += 1;
        }
        about_jbz(&title).then_some((
            Title {
                at: i,
                end,
                kind,
                text: title,
            },
            None,
        ))
    }

    /// The parts, items and highlights from line `from` on, and what the reader noticed.
    ///
    /// Headings are found by their shape and by the numbering of the part, never by the blank
    /// lines around them, so that text without blank lines (hard-wrapped mail, a web paste)
    /// reads as the PDF's text does. Paragraphs end at blank lines and, where there are none,
    /// at a sentence that ends a line short enough that the next word would have fitted.
    fn body(&self, from: usize) -> (Vec<Part>, Vec<Warning>, Vec<Trace>) {
        let mut b = Body {
            parts: Vec::new(),
            warnings: Vec::new(),
            para: Vec::new(),
            mode: Mode::Intro,
            inner_list: None,
            note_heading: None,
            section: None,
            trace: Vec::new(),
        };
        let width = self.width;
        let mut i = from;
        while i < self.lines.len() {
            let line = &self.lines[i];
            if line.is_blank() {
                // A page break in mid-sentence (`… aan dit schaderegister van` / empty /
                // `belang is.` on the next page) does not end the paragraph.
                let next = self.lines[i..].iter().find(|l| !l.is_blank());
                let mid_sentence = b
                    .para
                    .last()
                    .is_some_and(|l| !ends_sentence(&l.text) && !l.text.ends_with(':'));
                // Nor does an empty line in mid-sentence before text that goes on in lower case
                // (a paragraph never opens in lower case).
                let goes_on = next.is_some_and(|n| {
                    n.page_start || n.text.starts_with(|c: char| c.is_lowercase())
                });
                if !(mid_sentence && goes_on) {
                    b.flush();
                }
                i += 1;
                continue;
            }
            if is_furniture(&line.text) {
                b.flush();
                b.mark(
                    &self.lines[i..=i],
                    Role::Furniture,
                    "left out: page furniture, metadata or a letter's formula".into(),
                );
                i += 1;
                continue;
            }
            if let Some(name) = is_part_heading(&line.text) {
                b.flush();
                b.mark(&self.lines[i..=i], Role::Part, name.clone());
                b.parts.push(Part {
                    name,
                    highlights: Vec::new(),
                    intro: Vec::new(),
                    items: Vec::new(),
                });
                b.mode = Mode::Intro;
                b.inner_list = None;
                b.note_heading = None;
                i += 1;
                continue;
            }
            if is_highlights_heading(&line.text) {
                b.flush();
                ensure_part(&mut b.parts);
                let into = format!("{} › highlights", b.part_name());
                b.mark(&self.lines[i..=i], Role::Highlights, into);
                b.mode = Mode::Highlights;
                i += 1;
                continue;
            }
            // An item heading: numbered, or (older agendas) the line before the Council's
            // action line, or (reports without numbers or action lines, such as an informal
            // Council's verslag: `Werksessie I: …`) a short line of its own.
            let heading = match self.item_heading(i, &b) {
                Numbered::Item {
                    number,
                    heading,
                    warning,
                } => {
                    if let Some(message) = warning {
                        b.warnings.push(Warning {
                            line: line.no,
                            message,
                        });
                    }
                    Some((Some(number), heading, i))
                }
                Numbered::ListLine(next) => {
                    b.inner_list = Some(next);
                    None
                }
                Numbered::Text(Some(message)) => {
                    b.warnings.push(Warning {
                        line: line.no,
                        message,
                    });
                    None
                }
                Numbered::Text(None) => match self.unnumbered_heading(i, &b) {
                    Some((heading, last)) => Some((None, heading, last)),
                    None if self.unnumbered && self.is_side_heading(i) => {
                        Some((None, line.text.clone(), i))
                    }
                    None => None,
                },
            };
            if let Some((number, heading, last)) = heading {
                b.flush();
                let (heading, action, next) = self.heading_continuation(last, heading);
                b.open_item(number, heading, action, line);
                let into = b.item_name();
                b.mark(&self.lines[i..next], Role::Item, into);
                i = next;
                continue;
            }
            if !matches!(b.mode, Mode::Item) && self.is_side_heading(i) {
                b.flush();
                b.mode = Mode::Intro;
                let heading = line.text.trim_end_matches(':').to_string();
                let into = format!("{} › {heading}", b.part_name());
                b.mark(&self.lines[i..=i], Role::SideHeading, into);
                b.note_heading = Some(heading);
                i += 1;
                continue;
            }
            if matches!(b.mode, Mode::Item) && self.is_sub_heading(i, width) {
                b.flush();
                let heading = line.text.trim_end_matches(':').to_string();
                let into = format!("{} › {heading}", b.item_name());
                b.mark(&self.lines[i..=i], Role::SubHeading, into);
                b.section = Some(heading);
                i += 1;
                continue;
            }
            if matches!(b.mode, Mode::Highlights) && is_bullet(&line.text) {
                b.flush();
                let next = self.bullet(i, &mut b.parts);
                let into = format!("{} › highlights", b.part_name());
                b.mark(&self.lines[i..next], Role::Bullet, into);
                i = next;
                continue;
            }
            if let Some(prev) = b.para.last() {
                if paragraph_ends(prev, line, width) {
                    b.flush();
                }
            }
            if let Mode::Item = b.mode {
                if let Some(item) = b.parts.last_mut().and_then(|p| p.items.last_mut()) {
                    item.footnotes.extend(line.markers.iter().copied());
                }
            }
            b.para.push(line);
            i += 1;
        }
        b.flush();
        b.parts.retain(|p| {
            !(p.items.is_empty()
                && p.highlights.is_empty()
                && p.intro.is_empty()
                && p.name.is_empty())
        });
        for part in &b.parts {
            if let Some(w) = lopsided(part) {
                b.warnings.push(w);
            }
        }
        (b.parts, b.warnings, b.trace)
    }

    /// Whether line `i`, if it is numbered `N. Heading`, is the part's next agenda item.
    ///
    /// The number decides first: the part's next number (or 1 in a new part) is an item when
    /// the line stands where a heading can stand (after a blank line, a finished sentence, a
    /// heading or at a page start) or is short. A number a little further on is an item too,
    /// with a warning that an item without its number may have been missed. A `1.` inside an
    /// item opens a numbered list of the item's own text, whose `2.`, `3.` are not items. Any
    /// other heading-shaped numbered line is read as text, with a warning.
    fn item_heading(&self, i: usize, b: &Body) -> Numbered {
        let line = &self.lines[i];
        let Some((number, heading)) = numbered(&line.text) else {
            return Numbered::Text(None);
        };
        if b.inner_list == Some(number) {
            return Numbered::ListLine(number + 1);
        }
        let last = b
            .parts
            .last()
            .and_then(|p| p.items.last())
            .map(|it| it.number);
        let expected = last.map_or(1, |n| n + 1);
        let shaped = !heading.ends_with(['?', ',', ';', ':']) && heading.len() <= 160;
        let stands_alone = self.block_start(i);
        let short = heading.chars().count() <= 80;
        let item = |warning| Numbered::Item {
            number,
            heading: heading.to_string(),
            warning,
        };
        if number == expected && shaped && (stands_alone || short) {
            return item(None);
        }
        let in_item = matches!(b.mode, Mode::Item);
        if number == 1 && in_item {
            return Numbered::ListLine(2);
        }
        if !(shaped && stands_alone && short) {
            return Numbered::Text(None);
        }
        match last {
            Some(last) if number > expected && number <= expected + 3 => item(Some(format!(
                "item numbers jump from {last} to {number}: an agenda item before this one may have \
                 lost its number; check the report around here"
            ))),
            None if number > 1 && number <= 4 => item(Some(format!(
                "the first item of the part is numbered {number}: an agenda item before this one \
                 may have lost its number; check the report around here"
            ))),
            _ => Numbered::Text(Some(format!(
                "'{number}. {heading}' is numbered like an agenda item, but the part's next item \
                 is {expected}; it was read as text of the item before it"
            ))),
        }
    }

    /// An unnumbered item heading at line `i`: a line standing where a heading can,
    /// followed at once by the Council's action line (`= Algemene oriëntatie`), as older
    /// agendas print their items. Returns the heading and the index of its last line.
    fn unnumbered_heading(&self, i: usize, b: &Body) -> Option<(String, usize)> {
        let line = &self.lines[i];
        if !self.block_start(i)
            || matches!(b.mode, Mode::Highlights) && is_bullet(&line.text)
            || council_action(&line.text).is_some()
            || !line.text.chars().next().is_some_and(char::is_uppercase)
            || ends_in_function_word(&line.text)
            || line.text.chars().count() > 250
        {
            return None;
        }
        // In a paragraph the previous line would have ended a sentence; a heading's first line
        // comes after a blank, a heading, or the end of a paragraph.
        let next_action = |k: usize| {
            self.lines
                .get(k)
                .is_some_and(|l| !l.is_blank() && council_action(&l.text).is_some())
        };
        // Only the line right before the action is the item's heading; a short line before
        // it is a theme heading (`Insolventie`), read as a side heading.
        next_action(i + 1).then(|| (line.text.clone(), i))
    }

    /// A short heading of a side topic outside the items (`Kopgroepontbijt terrorisme`,
    /// `Voorlopig akkoord confiscatierichtlijn`): a line of at most 100 characters that opens
    /// with a capital, ends no sentence, stands alone after a blank line or a finished
    /// paragraph, and is followed by text.
    ///
    /// A heading may wrap once (`Voorstel voor een verordening … op de derdenwerking` / `van de
    /// cessie van vorderingen (internationale cessie)`): then its first line may be long, the
    /// second opens in lower case, and neither ends a sentence.
    fn is_side_heading(&self, i: usize) -> bool {
        let text = &self.lines[i].text;
        let next = self.lines.get(i + 1).filter(|l| !l.is_blank());
        let wrapped = next.is_some_and(|n| {
            n.text.starts_with(char::is_lowercase)
                && !ends_sentence(&n.text)
                && n.text.chars().count() <= 80
                && text.chars().count() + n.text.chars().count() <= 200
                && self
                    .lines
                    .get(i + 2)
                    .is_some_and(|l| l.is_blank() || l.text.starts_with(char::is_uppercase))
        });
        let followed = next.is_some() || self.lines.get(i + 2).is_some_and(|l| !l.is_blank());
        (text.chars().count() <= 100 || wrapped)
            && text.chars().next().is_some_and(char::is_uppercase)
            && !ends_sentence(text)
            && !text.ends_with(',')
            && !is_bullet(text)
            && self.block_start(i)
            && followed
            && (wrapped || next.is_none_or(|l| !l.text.starts_with(char::is_lowercase)))
    }

    /// A sub-heading inside an item (`Inzet van het kabinet`, `Krachtenveld`, `Nederlandse
    /// positie`): a side heading's shape, at most 60 characters, and clearly shorter than the
    /// lines text is wrapped at, so that the first line of a hard-wrapped paragraph is never
    /// taken for one.
    fn is_sub_heading(&self, i: usize, width: usize) -> bool {
        let len = self.lines[i].text.chars().count();
        len <= 60 && len * 10 < width * 7 && self.is_side_heading(i)
    }

    /// Whether line `i` stands where a heading can: first, after a blank line, after a line
    /// that ends a sentence (a footnote marker after the stop still counts), after a heading,
    /// or at the top of a page.
    fn block_start(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).map(|p| &self.lines[p]) else {
            return true;
        };
        let prev_text = prev.text.trim_end_matches(|c: char| c.is_ascii_digit());
        prev.is_blank()
            || is_furniture(&prev.text)
            || self.lines[i].page_start
            || clean::ends_sentence(prev_text)
            || prev_text.ends_with(':')
            || is_part_heading(&prev.text).is_some()
            || is_highlights_heading(&prev.text)
            || council_action(&prev.text).is_some()
            || numbered(&prev.text).is_some()
            || is_short_heading(&prev.text)
    }

    /// Lines that continue a heading: the lines right after it while the heading plainly
    /// wraps (it ends in a function word, or the next line starts in lower case), and a line
    /// in lower case after an empty line (`… georganiseerde` / `` / `misdaad`). In an agenda,
    /// the line naming the Council's action. Returns (heading, action, next line index).
    fn heading_continuation(
        &self,
        i: usize,
        mut heading: String,
    ) -> (String, Option<String>, usize) {
        let mut action = None;
        let mut j = i + 1;
        let mut tight = self.lines[i].joins_tight;
        loop {
            let mut k = j;
            while k < self.lines.len() && self.lines[k].is_blank() {
                k += 1;
            }
            let Some(next) = self.lines.get(k) else { break };
            if action.is_none() {
                if let Some(a) = council_action(&next.text) {
                    action = Some(a);
                    j = k + 1;
                    continue;
                }
            }
            if action.is_some() {
                break;
            }
            let starts_lower = next.text.chars().next().is_some_and(char::is_lowercase);
            let adjacent = k == j;
            // A line that was full (the next word would not have fitted on it) wrapped; its
            // heading goes on (`4. Interne veiligheid EU als gevolg van situatie` /
            // `Midden-Oosten` at 60 columns).
            let prev_line = &self.lines[j - 1].text;
            let first_word = next.text.split(' ').next().unwrap_or_default();
            // The rest of a heading is a short line; a paragraph's first line is full.
            let was_full = self.width > 0
                && prev_line.chars().count() + 1 + first_word.chars().count() > self.width
                && next.text.chars().count() * 4 < self.width * 3
                && !ends_sentence(&next.text);
            let wraps = adjacent && (ends_in_function_word(&heading) || tight || was_full);
            if !(starts_lower || wraps) || is_part_heading(&next.text).is_some() {
                break;
            }
            if !(adjacent || starts_lower) {
                break;
            }
            // A lower-case line after an empty line continues the heading only when it is short
            // and stands alone; a paragraph that happens to start in lower case does not.
            if !adjacent
                && (next.text.len() > 60 || self.lines.get(k + 1).is_some_and(|l| !l.is_blank()))
            {
                break;
            }
            join_line(&mut heading, &next.text, tight);
            tight = next.joins_tight;
            j = k + 1;
        }
        (heading, action, j)
    }

    /// Read one bullet from line `i`, running on over empty lines until its sentence ends.
    fn bullet(&self, i: usize, parts: &mut Vec<Part>) -> usize {
        let first = &self.lines[i];
        let mut text = strip_bullet(&first.text).to_string();
        let mut tight = first.joins_tight;
        let mut j = i + 1;
        while j < self.lines.len() {
            let line = &self.lines[j];
            if line.is_blank() {
                if ends_sentence(&text) {
                    break;
                }
                j += 1;
                continue;
            }
            if is_bullet(&line.text)
                || is_part_heading(&line.text).is_some()
                || numbered(&line.text).is_some()
                || is_highlights_heading(&line.text)
            {
                break;
            }
            join_line(&mut text, &line.text, tight);
            tight = line.joins_tight;
            j += 1;
        }
        ensure_part(parts);
        if let Some(part) = parts.last_mut() {
            part.highlights.push(Highlight {
                text,
                line: first.no,
            });
        }
        j
    }
}

fn ensure_part(parts: &mut Vec<Part>) {
    if parts.is_empty() {
        parts.push(Part {
            name: String::new(),
            highlights: Vec::new(),
            intro: Vec::new(),
            items: Vec::new(),
        });
    }
}

/// The state of [`Parser::body`] as it reads on.
struct Body<'a> {
    parts: Vec<Part>,
    warnings: Vec<Warning>,
    /// The lines of the paragraph being read.
    para: Vec<&'a Line>,
    mode: Mode,
    /// Inside an item, the next number of a numbered list in its text.
    inner_list: Option<u32>,
    /// Outside items, the short heading the text stands under.
    note_heading: Option<String>,
    /// Inside an item, the sub-heading the text stands under.
    section: Option<String>,
    /// What became of each line, for `normalize --explain`.
    trace: Vec<Trace>,
}

impl Body<'_> {
    /// Record what became of the non-blank lines among `lines`.
    fn mark(&mut self, lines: &[Line], role: Role, into: String) {
        for line in lines.iter().filter(|l| !l.is_blank()) {
            self.trace.push(Trace {
                line: line.no,
                role,
                into: into.clone(),
            });
        }
    }

    /// The name of the part being read, as `--explain` shows it.
    fn part_name(&self) -> String {
        match self.parts.last() {
            Some(p) if !p.name.is_empty() => p.name.clone(),
            _ => "(no part heading)".to_string(),
        }
    }

    /// `part › N. heading` of the item being read.
    fn item_name(&self) -> String {
        let part = self.part_name();
        match self.parts.last().and_then(|p| p.items.last()) {
            Some(item) => format!("{part} › {}. {}", item.number, item.heading),
            None => part,
        }
    }

    /// Open an agenda item in the current part. An item printed without a number takes the
    /// next number of the part (its place in it).
    fn open_item(
        &mut self,
        number: Option<u32>,
        heading: String,
        action: Option<String>,
        line: &Line,
    ) {
        ensure_part(&mut self.parts);
        if let Some(part) = self.parts.last_mut() {
            let number = number.unwrap_or_else(|| part.items.last().map_or(1, |it| it.number + 1));
            part.items.push(Item {
                number,
                heading,
                action,
                paragraphs: Vec::new(),
                footnotes: line.markers.clone(),
                line: line.no,
            });
        }
        self.mode = Mode::Item;
        self.inner_list = None;
        self.section = None;
    }
    /// End the paragraph being read: into the current item, or, outside items, into the
    /// part's text under its heading.
    fn flush(&mut self) {
        if self.para.is_empty() {
            return;
        }
        let mut text = String::new();
        let mut tight = false;
        for line in &self.para {
            join_line(&mut text, &line.text, tight);
            tight = line.joins_tight;
        }
        let paragraph = Paragraph {
            sentences: sentences(&text),
            line: self.para[0].no,
            section: self.section.clone(),
        };
        let lines: Vec<usize> = self.para.iter().map(|l| l.no).collect();
        self.para.clear();
        let (role, into) = match (&self.mode, self.parts.last().and_then(|p| p.items.last())) {
            (Mode::Item, Some(_)) => (Role::Text, self.item_name()),
            _ => (
                Role::Note,
                format!(
                    "{} › {}",
                    self.part_name(),
                    self.note_heading
                        .as_deref()
                        .unwrap_or("other topics (no item)")
                ),
            ),
        };
        self.trace.extend(lines.into_iter().map(|line| Trace {
            line,
            role,
            into: into.clone(),
        }));
        if let Mode::Item = self.mode {
            if let Some(item) = self.parts.last_mut().and_then(|p| p.items.last_mut()) {
                item.paragraphs.push(paragraph);
                return;
            }
        }
        ensure_part(&mut self.parts);
        if let Some(part) = self.parts.last_mut() {
            part.intro.push(Note {
                heading: self.note_heading.clone(),
                paragraph,
            });
        }
    }
}

/// A part where one item holds nearly all the text and most others hold none: the sign of
/// item headings read as text of the item before them, or text read as headings.
fn lopsided(part: &Part) -> Option<Warning> {
    if part.items.len() < 3 {
        return None;
    }
    let sizes: Vec<usize> = part.items.iter().map(|it| it.sentences().count()).collect();
    let total: usize = sizes.iter().sum();
    let (big, &most) = sizes.iter().enumerate().max_by_key(|(_, n)| **n)?;
    let empty = sizes.iter().filter(|n| **n == 0).count();
    (most * 5 > total * 4 && empty * 2 >= part.items.len() - 1 && total >= 10).then(|| {
        let item = &part.items[big];
        Warning {
            line: item.line,
            message: format!(
                "item {}. '{}' holds {most} of the {total} sentences of part '{}' and {empty} \
                 of its other items hold none: headings may have been read as text; run \
                 `jbz-track normalize --explain` on this file",
                item.number, item.heading, part.name
            ),
        }
    })
}

/// How a numbered line was read.
enum Numbered {
    /// The next agenda item, perhaps with a warning about its number.
    Item {
        number: u32,
        heading: String,
        warning: Option<String>,
    },
    /// A line of a numbered list inside an item; the list's next number.
    ListLine(u32),
    /// Running text, perhaps with a warning that it looks like a heading.
    Text(Option<String>),
}

/// `N. Heading`: a number of one to five digits, a full stop, a space, and a heading that
/// opens with a capital, a digit, a quote or a bracket.
fn numbered(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 {
        return None;
    }
    let rest = text[digits..].strip_prefix(". ")?;
    let heading = rest.trim();
    let first = heading.chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit() || "‘'\"“(".contains(first)) {
        return None;
    }
    Some((text[..digits].parse().ok()?, heading))
}

/// Page furniture and metadata that hold no facts of the meeting: a viewer's navigation and
/// metadata lines (tkconv: `[overzicht] [activiteiten] …`, `Nummer: 2025D47955, datum: …`,
/// `Preview document`), a publication's header (`Tweede Kamer der Staten-Generaal`,
/// `Vergaderjaar 2019-2020`, `32 317 JBZ-Raad`, `Nr. 569 BRIEF VAN DE MINISTER …`), a page
/// number (`Pagina 3 van 12`), a letter's address, place and date, and its formula
/// (`Hierbij bieden wij uw Kamer …`).
pub fn is_furniture(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    const STARTS: [&str; 21] = [
        "[overzicht]",
        "[toezeggingen]",
        "nummer: ",
        "directe link naar",
        "preview document",
        "bijlage bij:",
        "gerelateerde personen",
        "onderdeel van ",
        "tweede kamer der staten-generaal",
        "eerste kamer der staten-generaal",
        "vergaderjaar ",
        "aan de voorzitter van de",
        "den haag, ",
        "hierbij bied",
        "hierbij zend",
        "hierbij ontvangt u",
        "datum publicatie",
        "u bent hier",
        "| datum publicatie",
        "brief regering",
        "- indiener:",
    ];
    let starts = STARTS.iter().any(|s| lower.starts_with(s));
    let exact = matches!(lower.as_str(), "bijlage" | "jbz-raad" | "kamerstuk");
    // `32 317 JBZ-Raad`, `Nr. 569 BRIEF VAN DE MINISTER …`
    let dossier_line = lower.replace(' ', "").starts_with("32317jbz");
    // A letter's signature: `De Minister van Justitie en Veiligheid,`, `F.B.J. Grapperhaus`,
    // `D.M. van Weel, minister van Asiel en Migratie`, `Ondertekenaars`, `Hoogachtend,`.
    let signer = (lower.starts_with("de minister") || lower.starts_with("de staatssecretaris"))
        && (t.ends_with(',') || t.contains(". "))
        && !ends_sentence(t);
    let initials = t.split(' ').next().is_some_and(|w| {
        w.len() >= 2
            && w.ends_with('.')
            && w.split('.').filter(|p| !p.is_empty()).all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
            // `I. Binnenlandse Zaken` is a part.
            && !w.trim_end_matches('.').chars().all(|c| "IVX".contains(c))
    }) && !ends_sentence(t);
    let closing = matches!(
        lower.trim_end_matches([',', ':']),
        "ondertekenaars" | "hoogachtend"
    );
    if signer || initials || closing {
        return true;
    }
    let paper_line = lower.starts_with("nr. ") && t.contains("BRIEF");
    starts || exact || dossier_line || paper_line || is_page_number(&lower)
}

/// `Pagina 3 van 12`, `3/12`, `- 3 -`: a page number on a line of its own.
fn is_page_number(lower: &str) -> bool {
    let t = lower.trim_matches(|c: char| c == '-' || c.is_whitespace());
    if let Some(rest) = t.strip_prefix("pagina ") {
        let mut words = rest.split(' ');
        return words.next().is_some_and(|w| w.parse::<u32>().is_ok())
            && words.next() == Some("van")
            && words.next().is_some_and(|w| w.parse::<u32>().is_ok())
            && words.next().is_none();
    }
    t.split_once('/')
        .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
}

/// A line short and shaped like a heading: at most 60 characters, opening with a capital,
/// ending no sentence and no clause (`Raad wetgevende besprekingen`).
fn is_short_heading(text: &str) -> bool {
    text.chars().count() <= 60
        && text.chars().next().is_some_and(char::is_uppercase)
        && !ends_sentence(text)
        && !text.ends_with([',', ';'])
        && !ends_in_function_word(text)
}

/// Whether a line (lower-cased) opens like the title of a verslag or agenda: `Verslag van
/// …`, `Verslag JBZ …`, `Verslag formele …`, `Geannoteerde agenda …`, `Agenda van de …`, and
/// not a line that merely starts with the word (`Agenda items`, `Verslagen worden …`).
fn opens_like_a_title(lower: &str) -> bool {
    const NEXT: [&str; 11] = [
        "van",
        "voor",
        "de",
        "jbz",
        "jbz-raad",
        "formele",
        "informele",
        "raad",
        "bijeenkomst",
        "over",
        "justitie",
    ];
    TITLE_MARKERS.iter().any(|m| {
        lower.strip_prefix(m).is_some_and(|rest| {
            let next = rest
                .trim_start_matches([' ', ':'])
                .split([' ', ','])
                .next()
                .unwrap_or_default();
            rest.starts_with([' ', ':', ','])
                && (NEXT.contains(&next) || next.chars().next().is_some_and(|c| c.is_ascii_digit()))
                || rest.is_empty() && *m != "agenda"
        })
    })
}

/// Whether a title names the JBZ-Raad.
fn about_jbz(title: &str) -> bool {
    let t = title.to_lowercase();
    t.contains("justitie en binnenlandse zaken")
        || t.contains("jbz")
        || t.contains("justice and home affairs")
}

/// The width text was wrapped at: the length most full lines reach (the 90th percentile of
/// line lengths), so that one overlong line does not count.
fn line_width(lines: &[Line]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.chars().count())
        .collect();
    if lengths.is_empty() {
        return 0;
    }
    lengths.sort_unstable();
    lengths[(lengths.len() * 9 / 10).min(lengths.len() - 1)]
}

/// Whether a paragraph ends after `prev` though no blank line follows: `prev` ends a sentence,
/// `next` opens one, and `next`'s first word would have fitted on `prev` had the paragraph
/// gone on (a wrapped line breaks only where the next word does not fit).
fn paragraph_ends(prev: &Line, next: &Line, width: usize) -> bool {
    let first_word = next.text.split(' ').next().unwrap_or_default();
    clean::ends_sentence(&prev.text)
        && next.text.chars().next().is_some_and(char::is_uppercase)
        && prev.text.chars().count() + 1 + first_word.chars().count() < width
}

fn join_line(text: &mut String, next: &str, tight: bool) {
    if !text.is_empty() && !tight {
        text.push(' ');
    }
    text.push_str(next);
}

fn ends_sentence(text: &str) -> bool {
    clean::ends_sentence(text)
}

fn ends_in_function_word(text: &str) -> bool {
    const WORDS: [&str; 22] = [
        "van", "en", "de", "het", "een", "op", "voor", "tot", "in", "met", "inzake", "ter", "over",
        "tegen", "aan", "om", "bij", "naar", "uit", "der", "ten", "of",
    ];
    let last = text.trim_end().rsplit(' ').next().unwrap_or("");
    WORDS.contains(&last.to_lowercase().as_str()) || text.trim_end().ends_with([':', ',', '-'])
}

/// `I. Binnenlandse Zaken`, `II. Justitie`, `1. Binnenlandse Zaken`, `Binnenlandse Zaken,
/// Asiel en Migratie`: a part is told from an item by what it is called, not by its number.
/// Returns the name without the numbering.
pub fn is_part_heading(text: &str) -> Option<String> {
    let t = text.trim();
    // The numbering, read from the front rather than by searching the line for `. `.
    let roman = t.bytes().take_while(|b| b"IVX".contains(b)).count();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (numbered_roman, rest) = match (roman, digits) {
        (n, _) if n > 0 && t[n..].starts_with(". ") => (true, t[n + 2..].trim()),
        (_, n) if n > 0 && t[n..].starts_with(". ") => (false, t[n + 2..].trim()),
        _ => (false, t),
    };
    if rest.is_empty() || rest.len() > 70 || ends_sentence(rest) {
        return None;
    }
    // `Onderdeel Justitie`: the word before the name.
    let name = match rest.get(..10) {
        Some(head) if head.eq_ignore_ascii_case("onderdeel ") => &rest[10..],
        _ => rest,
    };
    // Whole words only: "6. Asiel en migratiepact" is an agenda item, not a part.
    let named = [
        "binnenlandse zaken",
        "justitie",
        "migratie en asiel",
        "asiel en migratie",
        "veiligheid en justitie",
        "home affairs",
        "home",
        "justice",
    ]
    .iter()
    .any(|p| {
        let Some(head) = name.get(..p.len()) else {
            return false;
        };
        let after = &name[p.len()..];
        head.eq_ignore_ascii_case(p)
            && (after.is_empty()
                || after.starts_with(&[' ', ':', ','][..]) && reads_like_a_name(after))
    });
    // A roman-numbered short line is a part whatever it is called.
    (named || numbered_roman).then(|| rest.to_string())
}

/// Whether what follows a part's name continues a name (`, Asiel en Migratie`, `,
/// Grondrechten en Burgerschap`) rather than a sentence that happens to open with the word
/// (`Justitie de onderwerpen uit dit rapport bespreken.` in hard-wrapped text): every word is
/// capitalised or a joining word, and no sentence ends inside.
fn reads_like_a_name(rest: &str) -> bool {
    const JOINING: [&str; 7] = ["en", "van", "de", "het", "voor", "in", "&"];
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':')
        .filter(|w| !w.is_empty())
        .collect();
    !rest.contains(". ")
        && words.len() <= 6
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || JOINING.contains(w))
}

fn is_highlights_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim();
    eq_lowercase(t, "belangrijkste resultaten") || eq_lowercase(t, "belangrijkste uitkomsten")
}

/// `text.to_lowercase() == lower`, without lower-casing a whole line to find out that its
/// first letter differs. (`str::to_lowercase` differs from lower-casing letter by letter only
/// in a final Σ, which `lower` never holds.)
fn eq_lowercase(text: &str, lower: &str) -> bool {
    text.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

const BULLETS: [char; 7] = ['•', '●', '▪', '◦', '·', '-', '–'];

fn is_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| BULLETS.contains(&c))
        && chars.next().is_some_and(char::is_whitespace)
}

fn strip_bullet(text: &str) -> &str {
    text.trim_start_matches(BULLETS).trim_start()
}

/// The line naming what the Council will do with an agenda item: `Gedachtewisseling`,
/// `(Gedeeltelijke) algemene oriëntatie`, `= Algemene oriëntatie`, `Raadsconclusies`, ….
fn council_action(text: &str) -> Option<String> {
    let t = text.trim().trim_start_matches('=').trim();
    let lower = t.to_lowercase();
    const ACTIONS: [&str; 16] = [
        "gedachtewisseling",
        "beleidsdebat",
        "(gedeeltelijke) algemene oriëntatie",
        "gedeeltelijke algemene oriëntatie",
        "algemene oriëntatie",
        "raadsconclusies",
        "aanneming",
        "informatie van",
        "voortgangsrapport",
        "presentatie",
        "politiek akkoord",
        "goedkeuring",
        "stand van zaken",
        "besluit",
        "vaststelling",
        "mandaat",
    ];
    // An action line stands alone: it opens with a capital (or a bracket), and neither runs
    // on into a clause nor breaks off mid-phrase, so that a wrapped line of running text that
    // happens to open with `stand van zaken …` or `Raadsconclusies, die …` is not one.
    let stands_alone = t.starts_with(|c: char| c.is_uppercase() || c == '(')
        && !t.contains(", ")
        && !ends_in_function_word(t);
    let is_action = ACTIONS.iter().any(|a| lower.starts_with(a)) && t.len() < 90 && stands_alone;
    (is_action && !ends_sentence(t) || text.trim_start().starts_with('=') && !t.is_empty())
        .then(|| t.to_string())
}

/// Abbreviations after which a full stop does not end a sentence, even before a capital.
const ABBREVIATIONS: [&str; 30] = [
    "nr", "nrs", "o.a", "bijv", "bv", "incl", "i.r.t", "m.b.t", "t.a.v", "i.v.m", "dhr", "mr",
    "mevr", "drs", "dr", "prof", "e.a", "vs", "art", "jo", "resp", "ca", "zgn", "z.g.n", "d.w.z",
    "o.b.v", "t.b.v", "c.q", "ir", "ing",
];

/// Split a paragraph into sentences: at `.`, `!` or `?` (and a closing quote or bracket)
/// followed by a space and a capital, a digit or an opening quote, except after an
/// abbreviation (`nr.`, `o.a.`, `incl.`) or an initial (`A.`).
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    // The stops are ASCII, so every byte that is one is a whole character.
    let stops = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'.' | b'!' | b'?'));
    for (pos, stop) in stops {
        // Take closing quotes and brackets with the sentence.
        let after = text[pos + 1..].trim_start_matches(['’', '”', '"', ')', '»', '\'']);
        let end = text.len() - after.len();
        let mut next = after.chars();
        if next.next() != Some(' ') {
            continue;
        }
        let Some(next) = next.next() else {
            continue;
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || "‘“\"'«(".contains(next)) {
            continue;
        }
        if stop == b'.' {
            let word_start = text[..pos].rfind(' ').map_or(0, |s| s + 1);
            let word = text[word_start..pos]
                .trim_start_matches(['(', '‘', '“', '"'])
                .to_lowercase();
            let is_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
            if ABBREVIATIONS.contains(&word.as_str()) || is_initial {
                continue;
            }
        }
        let s = text[start..end].trim();
        if !s.is_empty() {
            out.push(s.to_string());
        }
        start = end;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_full_stop_before_capital() {
        assert_eq!(
            sentences("De Raad hoorde dit aan. Nederland steunde het."),
            vec!["De Raad hoorde dit aan.", "Nederland steunde het."]
        );
    }

    #[test]
    fn sentences_do_not_split_after_abbreviations() {
        assert_eq!(
            sentences("Zie Kamerstuk 32 317, nr. 859 en o.a. De Commissie. Daarna meer."),
            vec![
                "Zie Kamerstuk 32 317, nr. 859 en o.a. De Commissie.",
                "Daarna meer."
            ]
        );
        assert_eq!(
            sentences("De EU is op 1 oktober jl. toegetreden."),
            vec!["De EU is op 1 oktober jl. toegetreden."]
        );
    }

    #[test]
    fn sentences_keep_closing_quote() {
        assert_eq!(
            sentences("Zij noemde ‘Schengenterugkeerpilots.’ Daarna meer."),
            vec!["Zij noemde ‘Schengenterugkeerpilots.’", "Daarna meer."]
        );
    }

    #[test]
    fn part_headings_are_told_by_name() {
        assert_eq!(
            is_part_heading("I. Binnenlandse Zaken"),
            Some("Binnenlandse Zaken".into())
        );
        assert_eq!(is_part_heading("II. Justitie"), Some("Justitie".into()));
        assert_eq!(
            is_part_heading("1. Binnenlandse Zaken"),
            Some("Binnenlandse Zaken".into())
        );
        assert_eq!(
            is_part_heading("Binnenlandse Zaken, Asiel en Migratie"),
            Some("Binnenlandse Zaken, Asiel en Migratie".into())
        );
        assert_eq!(is_part_heading("1. Insolventierichtlijn"), None);
        assert_eq!(
            is_part_heading("6. Asiel en migratiepact, incl. voortgang trilogen"),
            None
        );
        assert_eq!(
            is_part_heading("2. Justitiële samenwerking met Latijns-Amerika"),
            None
        );
    }

    const ONE_ITEM: &str = "Verslag van de Raad Justitie en Binnenlandse Zaken, \n19 -20 oktober 2023 \n\nI. Binnenlandse Zaken\n\nBelangrijkste resultaten \n• Nederland heeft een oproep gedaan inzake de \n\nVerordening. \n\n• De JBZ-Raad sprak steun uit. \n\n1. Verordening tot vaststelling van regels ter voorkoming en bestrijding van seksueel \nmisbruik van kinderen \n \nHet Spaanse voorzitterschap lichtte de ontwikkelingen toe. Nederland steunde dit.\n";

    #[test]
    fn title_gives_kind_and_meeting_days() {
        let r = parse(ONE_ITEM).expect("parses");
        assert_eq!(r.kind, Kind::Verslag);
        assert_eq!(
            r.start,
            NaiveDate::from_ymd_opt(2023, 10, 19).expect("date")
        );
        assert_eq!(r.end, NaiveDate::from_ymd_opt(2023, 10, 20).expect("date"));
    }

    #[test]
    fn bullet_split_by_empty_line_is_one_highlight() {
        let r = parse(ONE_ITEM).expect("parses");
        let texts: Vec<&str> = r.parts[0]
            .highlights
            .iter()
            .map(|h| h.text.as_str())
            .collect();
        assert_eq!(
            texts,
            vec![
                "Nederland heeft een oproep gedaan inzake de Verordening.",
                "De JBZ-Raad sprak steun uit."
            ]
        );
    }

    #[test]
    fn wrapped_heading_is_joined() {
        let r = parse(ONE_ITEM).expect("parses");
        let item = &r.parts[0].items[0];
        assert_eq!(item.heading, "Verordening tot vaststelling van regels ter voorkoming en bestrijding van seksueel misbruik van kinderen");
        assert_eq!(item.paragraphs[0].sentences.len(), 2);
    }

    #[test]
    fn heading_wrapped_after_empty_line_is_joined() {
        let text = "Verslag van de Raad Justitie en Binnenlandse Zaken, 8-9 december 2025\n\n3. Justitiële samenwerking met Latijns-Amerika inzake aanpak georganiseerde \n\nmisdaad \n \nHet Voorzitterschap noemde het belang.\n";
        let r = parse(text).expect("parses");
        assert_eq!(
            r.parts[0].items[0].heading,
            "Justitiële samenwerking met Latijns-Amerika inzake aanpak georganiseerde misdaad"
        );
    }

    #[test]
    fn three_line_title_and_numbered_parts_restart_items() {
        let text = "Verslag van de formele bijeenkomst\nvan de Raad Justitie en Binnenlandse Zaken,\n13 en 14 juni 2024\n\n1. Binnenlandse Zaken\n\nBelangrijkste resultaten:\n  • Een punt.\n\n1. Eerste onderwerp\n\nTekst een.\n\n2. Tweede onderwerp\n\nTekst twee.\n\n2. Justitie\n\n1. Derde onderwerp\n\nTekst drie.\n";
        let r = parse(text).expect("parses");
        assert_eq!(r.start, NaiveDate::from_ymd_opt(2024, 6, 13).expect("date"));
        let names: Vec<&str> = r.parts.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, vec!["Binnenlandse Zaken", "Justitie"]);
        assert_eq!(r.parts[0].items.len(), 2);
        assert_eq!(r.parts[1].items[0].heading, "Derde onderwerp");
        assert_eq!(r.parts[0].highlights[0].text, "Een punt.");
    }

    #[test]
    fn agenda_keeps_the_council_action() {
        let text = "Geannoteerde agenda van de bijeenkomst\nvan de Raad Justitie en Binnenlandse Zaken,\n4 en 5 maart 2024\n\nI. Justitie\n\n1. Insolventierichtlijn\n    Algemene oriëntatie\n\nHet kabinet kan instemmen met de tekst.\n";
        let r = parse(text).expect("parses");
        assert_eq!(r.kind, Kind::Agenda);
        let item = &r.parts[0].items[0];
        assert_eq!(item.heading, "Insolventierichtlijn");
        assert_eq!(item.action.as_deref(), Some("Algemene oriëntatie"));
    }

    #[test]
    fn covering_letter_is_skipped() {
        let text = "Hierbij bieden wij uw Kamer het verslag aan van de JBZ-Raad van 3 maart 2022.\n\nVerslag van de Raad Justitie en Binnenlandse Zaken, 19 -20 oktober 2023\n\n1. Onderwerp\n\nTekst.\n";
        let r = parse(text).expect("parses");
        assert_eq!(
            r.start,
            NaiveDate::from_ymd_opt(2023, 10, 19).expect("date")
        );
    }

    #[test]
    fn title_line_without_dates_is_passed_over_for_the_real_title() {
        // A covering letter's line opens like a title but gives no meeting days.
        let text = "Verslag van de JBZ-Raad\n\nHierbij zend ik u het verslag.\n\nVerslag van de JBZ-Raad van 19-20 oktober 2023\n\n1. Onderwerp\n\nTekst.\n";
        let r = parse(text).expect("parses");
        assert_eq!(r.title, "Verslag van de JBZ-Raad van 19-20 oktober 2023");
        assert_eq!(
            r.start,
            NaiveDate::from_ymd_opt(2023, 10, 19).expect("date")
        );
        assert_eq!(r.end, NaiveDate::from_ymd_opt(2023, 10, 20).expect("date"));
        assert_eq!(r.parts[0].items[0].heading, "Onderwerp");
        assert_eq!(r.parts[0].items[0].line, 7);
    }

    #[test]
    fn title_without_a_year_takes_the_year_printed_before_it() {
        let text = "Den Haag, 2021\n\nVerslag van de JBZ-Raad\n\nVerslag van de JBZ-Raad van 12 en 13 december\n\n1. Onderwerp\n\nTekst uit 2022.\n";
        let r = parse(text).expect("parses");
        assert_eq!(
            r.start,
            NaiveDate::from_ymd_opt(2021, 12, 12).expect("date")
        );
    }

    #[test]
    fn no_title_with_dates_is_refused_naming_the_first() {
        let text = "\nVerslag van de JBZ-Raad\n\nVerslag van de Raad Justitie en Binnenlandse Zaken, najaar\n\n1. Onderwerp\n\nTekst.\n";
        let e = parse(text).expect_err("no dates");
        assert_eq!(
            e,
            ReportError::NoMeetingDays {
                line: 2,
                title: "Verslag van de JBZ-Raad".into()
            }
        );
        assert!(e.to_string().starts_with("line 2: "), "{e}");
    }

    #[test]
    fn text_that_is_no_report_is_refused() {
        assert_eq!(
            parse("Boodschappenlijst\nmelk\n"),
            Err(ReportError::NotAReport)
        );
    }

    fn meeting(text: &str) -> (Kind, NaiveDate, NaiveDate) {
        let r = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        (r.kind, r.start, r.end)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn titles_in_every_real_form_give_kind_and_days() {
        let body = "\n\n1. Onderwerp\n\nTekst.\n";
        let cases = [
            ("Geannoteerde agenda van de bijeenkomst\n\nvan de Raad Justitie en Binnenlandse Zaken,\n\n8 en 9 december 2025", Kind::Agenda, day(2025, 12, 8), day(2025, 12, 9)),
            ("Verslag JBZ januari 25 en 26 januari 2024", Kind::Verslag, day(2024, 1, 25), day(2024, 1, 26)),
            ("Verslag van de Raad Justitie en Binnenlandse zaken\n\n25 en 26 januari 2024", Kind::Verslag, day(2024, 1, 25), day(2024, 1, 26)),
            ("Geannoteerde agenda van de formele JBZ-raad, 12-13 juni 2024 te Luxemburg", Kind::Agenda, day(2024, 6, 12), day(2024, 6, 13)),
            ("Verslag van de informele JBZ-Raad\nin Brussel, 13 juni 2024", Kind::Verslag, day(2024, 6, 13), day(2024, 6, 13)),
            ("Geannoteerde agenda van de bijeenkomst van de Raad Justitie en Binnenlandse Zaken, 11-12 oktober 2018 te Luxemburg", Kind::Agenda, day(2018, 10, 11), day(2018, 10, 12)),
        ];
        for (title, kind, start, end) in cases {
            assert_eq!(
                meeting(&format!("{title}{body}")),
                (kind, start, end),
                "{title}"
            );
        }
    }

    #[test]
    fn a_covering_letter_alone_names_its_meeting_and_its_side_topics_are_no_items() {
        let text = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 30 mei 2022\n\nHierbij bieden wij uw Kamer de geannoteerde agenda aan van de Raad Justitie en Binnenlandse Zaken op 9 en 10 juni 2022 in Luxemburg.\n\nKopgroepontbijt terrorisme\n\nVoorafgaand aan de JBZ-Raad zal de Minister de bijeenkomst voorzitten.\n";
        let r = parse(text).expect("accepted");
        assert_eq!(
            (r.kind, r.start, r.end),
            (Kind::Agenda, day(2022, 6, 9), day(2022, 6, 10))
        );
        assert!(r.parts.iter().all(|p| p.items.is_empty()));
        let note = &r.parts[0].intro[0];
        assert_eq!(note.heading.as_deref(), Some("Kopgroepontbijt terrorisme"));
    }

    #[test]
    fn text_under_a_part_heading_is_kept_as_a_note() {
        let text = "Verslag van de Raad Justitie en Binnenlandse Zaken, 9-10 december 2021\n\n1. Binnenlandse Zaken\n\nBij aanvang van de JBZ-Raad werd de Verordening formeel aangenomen.\n";
        let r = parse(text).expect("accepted without items");
        assert_eq!(r.parts[0].name, "Binnenlandse Zaken");
        assert_eq!(r.parts[0].intro[0].paragraph.sentences.len(), 1);
    }

    #[test]
    fn parts_named_onderdeel_and_unnumbered_items_before_an_action_line() {
        let text = "Geannoteerde agenda JBZ-Raad 4 en 5 maart 2024\n\nOnderdeel Justitie\n\nInsolventie\nRichtlijn betreffende herstructurering.\n= Algemene oriëntatie\n\nHet kabinet kan instemmen.\n";
        let r = parse(text).expect("parses");
        assert_eq!(r.parts[0].name, "Onderdeel Justitie");
        let item = &r.parts[0].items[0];
        assert_eq!(item.heading, "Richtlijn betreffende herstructurering.");
        assert_eq!(item.action.as_deref(), Some("Algemene oriëntatie"));
        assert_eq!(item.number, 1);
    }

    #[test]
    fn numbering_that_jumps_is_read_with_a_warning() {
        let text = "Verslag JBZ-Raad 19-20 oktober 2023\n\n1. Een\n\nTekst een.\n\n3. Drie\n\nTekst drie.\n";
        let r = parse(text).expect("parses");
        assert_eq!(r.parts[0].items.len(), 2);
        assert!(
            r.warnings[0].message.contains("jump from 1 to 3"),
            "{:?}",
            r.warnings
        );
        assert_eq!(r.warnings[0].line, 7);
    }

    #[test]
    fn a_numbered_list_inside_an_item_is_text_of_the_item() {
        let text = "Verslag JBZ-Raad 19-20 oktober 2023\n\n1. Een\n\nDe vragen waren:\n1. Welke weg kiest de Raad\n2. Wanneer is er een akkoord\n\n2. Twee\n\nTekst.\n";
        let r = parse(text).expect("parses");
        let headings: Vec<&str> = r.parts[0]
            .items
            .iter()
            .map(|i| i.heading.as_str())
            .collect();
        assert_eq!(headings, vec!["Een", "Twee"]);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn a_part_of_ten_thousand_items_keeps_every_item() {
        let mut text = String::from("Verslag JBZ-Raad 19-20 oktober 2023\n\n");
        for n in 1..=10_000 {
            text.push_str(&format!(
                "{n}. Onderwerp nummer {n}\n\nTekst over punt {n}.\n\n"
            ));
        }
        let r = parse(&text).expect("parses");
        assert_eq!(r.parts[0].items.len(), 10_000);
        assert_eq!(r.parts[0].items[9_999].heading, "Onderwerp nummer 10000");
        assert!(
            r.warnings.is_empty(),
            "{:?}",
            &r.warnings[..r.warnings.len().min(3)]
        );
    }

    #[test]
    fn a_text_of_far_more_sentences_than_any_report_is_refused() {
        let mut text = String::from("Verslag JBZ-Raad 19-20 oktober 2023\n\n1. Onderwerp\n\n");
        text.push_str(&"Nederland steunde dit. ".repeat(MAX_SENTENCES + 1));
        assert!(matches!(parse(&text), Err(ReportError::TooLong { .. })));
        let many = "Nederland steunde dit. ".repeat(MAX_SENTENCES * 2);
        let e = parse(&format!("{text}{many}")).expect_err("refused before parsing");
        assert!(e.to_string().contains("is this the right file"), "{e}");
    }

    #[test]
    fn one_item_holding_all_the_text_of_a_part_is_warned_about() {
        let long = "Zin. ".repeat(12);
        let text = format!("Verslag JBZ-Raad 19-20 oktober 2023\n\n1. Eerste punt\n2. Tweede punt\n3. Derde punt\n\n{long}\n");
        let r = parse(&text).expect("parses");
        assert!(
            r.warnings
                .iter()
                .any(|w| w.message.contains("holds 12 of the 12 sentences")),
            "{:?}",
            r.warnings
        );
    }

    #[test]
    fn title_without_dates_is_refused_with_its_line() {
        let e = parse(
            "\nVerslag van de Raad Justitie en Binnenlandse Zaken\n\n1. Onderwerp\n\nTekst.\n",
        )
        .expect_err("no dates");
        assert_eq!(e.line(), Some(2));
    }
}
