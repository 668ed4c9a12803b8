//! Actors: who is the subject of each sentence of a report (the Netherlands, the Commission, the
//! Presidency, groups of member states, agencies and named people), told apart from actors that
//! are only mentioned.
//!
//! There is no parser of Dutch here, only a few word-order rules that hold in these reports, each
//! with a name ([`Rule`]) so that every attribution can say which rule placed it. A sentence is
//! cut into word and punctuation tokens, then read in this order:
//!
//! 1. the state of play or the Council's discussion ("Op het moment van schrijven …", "Posities
//!    van lidstaten lopen uiteen …", "Het grootste discussiepunt …"): no one's position;
//! 2. a view with its holder: "Volgens Nederland …", "Voor Nederland is het van belang …", "De
//!    Nederlandse inzet …", "Er was onder de lidstaten brede steun …" (but "De Nederlandse inzet
//!    … staat genoemd onder agendapunt 14" only says where the position is written: no one's);
//! 3. a sentence-initial subject: an actor noun phrase at the start, optionally after a focus
//!    adverb ("Ook", "Tevens", "Zowel"), with coordination ("De Commissie en het
//!    Voorzitterschap"), lists ("Finland, Estland en Zweden") and appositions ("Enkele lidstaten,
//!    waaronder Nederland,"). Once found, nothing later in the sentence counts, except the other
//!    side of a talk: "sprak Nederland met de ministers van … van België, Frankrijk en Spanje";
//! 4. "In de (volledige) tafelronde …" (the member states), then the agent of a passive ("werd …
//!    door de lidstaten vooruitgeblikt"; not "de door het Europees Parlement opgeschorte …");
//! 5. a sentence that opens with a non-actor noun phrase ("De richtlijn bevat …") has no actor;
//! 6. an inverted subject: the first actor noun phrase directly after a finite verb of the main
//!    clause ("Daarnaast stond de Commissie …", "Dit onderstreepte Nederland."), not of a
//!    subordinate clause, whose verb comes last ("…, die … Nederland beschuldigde").
//!
//! Finite verbs are told by form and place ([`finite_at`]), not from a list of the verbs these
//! reports use: the auxiliaries, the closed class of strong and irregular verbs with their
//! inseparable prefixes ("besloot", "boog", "doen"), the weak past tense whose ending fits its
//! stem ('t kofschip: "lichtte", "meldde"; not "ruimte"), the word before a subject pronoun
//! ("Hierbij bied ik u"), and never a word after a determiner or numeral ("de veertien bedoelde
//! lidstaten").
//!
//! The subject of a passive is what is done: "De lidstaten waren door het Voorzitterschap
//! uitgenodigd" is the presidency's act, "Voorts werden de lidstaten gevraagd …" no one's. A
//! minister is the Netherlands' only as the writers' own ("de Minister van Justitie en
//! Veiligheid", "het kabinet", "de regering", "ik", "wij"): "de Minister van Binnenlandse Zaken
//! van Oekraïne" is Ukraine's, "zijn Bulgaarse collega Tsacheva" teaches that "Minister
//! Tsacheva" is Bulgaria's. A quantified group of countries ("Vrijwel alle lidstaten", "De
//! aanwezige landen") is the member states; Coreper is the Council; "volgens X" anywhere names
//! the holder of a view.
//!
//! A sentence without actor of its own takes those of the sentence right before it only when it
//! points back: a pronoun subject ("Zij", "stond het stil"), "beide lidstaten", an impersonal
//! view ("Het is daarbij van belang …"), a reason or a confirmation of the argument before
//! ("Dankzij hun ondersteuning …", "… onderstrepen dat."), a passive with "hierbij". Never
//! because its paragraph began with an actor ([`attribute_sentences`]). One with a fronted
//! purpose clause is the country whose aims it serves ("Om de Nederlandse prioriteiten … te
//! laten landen …, is een aantal non-papers opgesteld"). Named coalitions of member states ("De
//! C7") are the member states. Names are learned from appositions ("Agnes
//! Diallo, directeur van eu-LISA"), so that a later "Diallo benadrukte …" speaks for eu-LISA.
//!
//! Further rules read how these reports name who acts: a run-in heading before a colon is read
//! past ("Wapens: de JBZ-Raad bereikte …"); a member state the item named as holding the
//! presidency ("het Belgische voorzitterschap", "heeft Malta het voorzitterschap overgenomen")
//! speaks as the presidency; a meeting taking place ("vond de Raad … plaats") is no one's act; an
//! aim held by an actor ("Het streven van het voorzitterschap is …") is its view; broad agreement
//! ("Er was brede steun …") is the member states'; a paper's author ("een nota van het
//! voorzitterschap", "zoals uitgebracht door …") acts; members named in brackets ("Een aantal
//! lidstaten (waaronder Nederland)") and main clauses joined by ";" or ", waarna" add their
//! actors; what the writers pass on ("wil ik u informeren dat het voorzitterschap …") is the act
//! of the one it names; a pronoun that opens a paragraph reaches back to the one before.
//!
//! tests/actors_annotated.rs measures the rules on annotated real sentences
//! (tests/fixtures/actors), per actor, on a tuning set and on a held-out set labelled blind.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::LazyLock;

use crate::model::actor::{MEMBER_STATES, THIRD_COUNTRIES};
use crate::model::Actor;
use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

/// A word or one punctuation character of a sentence, with what the word lists say about it
/// looked up once: a sentence is read from many starting points, and each reading asks the same
/// questions of the same tokens.
#[derive(Debug, Clone)]
struct Tok<'a> {
    /// As written, with a footnote marker glued to a word ("Bisschop3") taken off.
    raw: &'a str,
    /// Lowercase, diacritics and curly apostrophes folded: "Roemenië" → "roemenie".
    fold: Cow<'a, str>,
    /// A word, not punctuation.
    word: bool,
    /// Starts with a capital ("Nederland", "O’Flaherty", "EU").
    cap: bool,
    /// Written in capitals, at least two letters ("EP", "FRA", "EUROPOL").
    upper: bool,
    /// Starts with a lowercase letter.
    lower: bool,
    /// The actor this word names on its own, and whether it names a person ([`word_actor`]).
    actor: Option<(Actor, bool)>,
    /// The country of a nationality adjective ("Spaanse" → "spanje").
    nationality: Option<&'static str>,
    /// May stand before an actor word in its noun phrase: in [`MODIFIERS`] or [`NUMBER_WORDS`],
    /// or a nationality.
    modifier: bool,
    /// In [`AUXILIARIES`], [`WEAK_FORMS`] or [`STRONG_FORMS`].
    listed_verb: bool,
    /// The first word of one of the [`PHRASES`].
    phrase_start: bool,
    /// May be a word of a person's name ([`ActorContext::name_run`]).
    name_word: bool,
    /// A finite verb here, given the word before it ([`is_finite_verb`]).
    finite: bool,
}

impl<'a> Tok<'a> {
    fn new(raw: &'a str, word: bool) -> Tok<'a> {
        let mut tok = Tok {
            raw,
            fold: if word { fold(raw) } else { Cow::Borrowed(raw) },
            word,
            cap: raw.chars().next().is_some_and(char::is_uppercase),
            upper: {
                let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
                letters >= 2 && !raw.chars().any(char::is_lowercase)
            },
            lower: raw.chars().next().is_some_and(char::is_lowercase),
            actor: None,
            nationality: None,
            modifier: false,
            listed_verb: false,
            phrase_start: false,
            name_word: false,
            finite: false,
        };
        if word {
            let entry = LEXICON.get(tok.fold.as_ref()).copied().unwrap_or_default();
            tok.nationality = entry.nationality;
            tok.modifier = entry.modifier || entry.nationality.is_some();
            tok.listed_verb = entry.verb || STRONG_FORMS.contains(tok.fold.as_ref());
            tok.phrase_start = entry.phrase_start;
            tok.actor = word_actor(&tok, entry);
            tok.name_word = tok.cap
                && raw.chars().any(char::is_alphabetic)
                && !entry.not_name
                && tok.actor.is_none()
                && tok.nationality.is_none()
                && !tok.listed_verb;
        }
        tok
    }

    fn is(&self, w: &str) -> bool {
        self.word && self.fold == w
    }

    fn is_any(&self, ws: &[&str]) -> bool {
        self.word && ws.contains(&self.fold.as_ref())
    }

    fn punct(&self, c: char) -> bool {
        !self.word && self.raw.starts_with(c)
    }

    fn cap(&self) -> bool {
        self.cap
    }

    fn upper(&self) -> bool {
        self.upper
    }

    fn lower(&self) -> bool {
        self.lower
    }
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Lowercase, without diacritics, with one kind of apostrophe.
fn fold(s: &str) -> Cow<'_, str> {
    // Most words are plain lowercase ASCII already.
    if s.bytes().all(|b| {
        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.' || b == b'\''
    }) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_combining(c) {
            continue;
        }
        if matches!(c, '’' | '‘' | '`' | '´') {
            out.push('\'');
            continue;
        }
        for l in c.to_lowercase() {
            out.push(match l {
                'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ñ' => 'n',
                other => other,
            });
        }
    }
    Cow::Owned(out)
}

/// "Bisschop3" → "Bisschop": digits glued to a lowercase letter are a footnote marker. "G7" and
/// "EU-CELAC4" keep theirs (the cleaner's job; this only keeps names matchable).
fn strip_footnote_marker(w: &str) -> &str {
    let trimmed = w.trim_end_matches(|c: char| c.is_ascii_digit());
    if trimmed.len() < w.len() && trimmed.chars().last().is_some_and(char::is_lowercase) {
        trimmed
    } else {
        w
    }
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut chars = s.char_indices();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            if !c.is_whitespace() {
                out.push(Tok::new(&s[start..start + c.len_utf8()], false));
            }
            continue;
        }
        // The word runs on over word characters and hyphens; `last` is its last character.
        let mut end = start + c.len_utf8();
        let mut last = c;
        loop {
            let mut ahead = chars.clone();
            let Some((at, ch)) = ahead.next() else {
                break;
            };
            if is_word_char(ch) || ch == '-' {
                chars = ahead;
                end = at + ch.len_utf8();
                last = ch;
                continue;
            }
            // An apostrophe or dot inside a word: "O’Flaherty", "risico’s", "i.r.t", "2.0".
            let next = ahead.next();
            let joins = is_word_char(last)
                && next.is_some_and(|(_, n)| match ch {
                    '’' | '\'' => is_word_char(n),
                    '.' => n.is_lowercase() || n.is_ascii_digit(),
                    _ => false,
                });
            match next {
                Some((at, n)) if joins => {
                    chars = ahead;
                    end = at + n.len_utf8();
                    last = n;
                }
                _ => break,
            }
        }
        out.push(Tok::new(strip_footnote_marker(&s[start..end]), true));
    }
    for k in 0..out.len() {
        out[k].finite = finite_at(&out, k);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

/// How an actor word must be written to count.
#[derive(Clone, Copy)]
enum Case {
    /// Any case.
    Any,
    /// With a capital: "Commissie" (a lowercase "commissie" is a parliamentary committee),
    /// "Raad" (a lowercase "raad" is advice), the names of countries.
    Cap,
    /// In capitals: "EP", "FRA", "EOM" (a lowercase "fra" or "eom" is something else).
    Upper,
}

fn case_ok(t: &Tok<'_>, case: Case) -> bool {
    match case {
        Case::Any => true,
        Case::Cap => t.cap(),
        Case::Upper => t.upper(),
    }
}

/// One-word actor names (folded) → slug, how they must be written, and whether the word names
/// a person (whose name an apposition may give).
#[rustfmt::skip]
const WORDS: &[(&str, &str, Case, bool)] = &[
    ("voorzitterschap", "voorzitterschap", Case::Any, false),
    ("raadsvoorzitterschap", "voorzitterschap", Case::Any, false),
    ("commissie", "commissie", Case::Cap, false),
    ("eurocommissie", "commissie", Case::Any, false),
    ("ec", "commissie", Case::Upper, false),
    // "NL bracht … op", "HV Ashton stelde": the abbreviations of the letters.
    ("nl", "nederland", Case::Upper, false),
    // A directorate-general of the Commission: "Zo heeft DG COMP … een voorstel gedaan".
    ("dg", "commissie", Case::Upper, false),
    ("hv", "hoge-vertegenwoordiger", Case::Upper, true),
    // The Council's conclusions say what the Council says: "De Raadsconclusies onderstrepen …".
    ("raadsconclusies", "raad", Case::Any, false),
    ("er-conclusies", "europese-raad", Case::Any, false),
    ("vk", "verenigd-koninkrijk", Case::Upper, false),
    ("cie", "commissie", Case::Upper, false),
    // The EU Return Coordinator is a Commission official.
    ("terugkeercoordinator", "commissie", Case::Any, true),
    ("nederland", "nederland", Case::Cap, false),
    ("lidstaten", "lidstaten", Case::Any, false),
    // The member states of the euro area: "De Eurolanden bereikten overeenstemming …".
    ("eurolanden", "lidstaten", Case::Any, false),
    ("lidstaat", "lidstaten", Case::Any, false),
    // The other member states' ministers: "met zijn ambtgenoten", "met mijn collega's".
    ("ambtgenoten", "lidstaten", Case::Any, false),
    ("collega's", "lidstaten", Case::Any, false),
    ("delegaties", "lidstaten", Case::Any, false),
    ("raad", "raad", Case::Cap, false),
    ("jbz-raad", "raad", Case::Any, false),
    // The Council in its other formations, by abbreviation or compound ("De RAZ zal …", "de
    // Milieuraad"). Not "Gezondheidsraad" or "Onderwijsraad": Dutch advisory bodies.
    ("raz", "raad", Case::Upper, false),
    ("razeb", "raad", Case::Upper, false),
    ("rbz", "raad", Case::Upper, false),
    ("ecofin", "raad", Case::Cap, false),
    ("ecofinraad", "raad", Case::Cap, false),
    ("ecofin-raad", "raad", Case::Cap, false),
    ("milieuraad", "raad", Case::Cap, false),
    ("transportraad", "raad", Case::Cap, false),
    ("telecomraad", "raad", Case::Cap, false),
    ("energieraad", "raad", Case::Cap, false),
    ("landbouwraad", "raad", Case::Cap, false),
    ("visserijraad", "raad", Case::Cap, false),
    ("concurrentievermogenraad", "raad", Case::Cap, false),
    ("begrotingsraad", "raad", Case::Cap, false),
    ("schengenraad", "raad", Case::Cap, false),
    ("epsco-raad", "raad", Case::Cap, false),
    ("epsco", "raad", Case::Upper, false),
    // "De ER": the European Council, by its abbreviation in these letters.
    ("er", "europese-raad", Case::Upper, false),
    ("eurogroep", "eurogroep", Case::Cap, false),
    // The heads of government together are the European Council: "veroordeelden de
    // regeringsleiders …", "De 27 staatshoofden en regeringsleiders waren het eens …".
    ("regeringsleiders", "europese-raad", Case::Any, false),
    ("staatshoofden", "europese-raad", Case::Any, false),
    // A motion of the Kamer speaks for it: "De motie Van Veldhoven c.s. … verzoekt …".
    ("motie", "tweede-kamer", Case::Any, true),
    // Coreper, the Council's committee of permanent representatives, acts for the Council
    // (tests/fixtures/actors/README.md).
    ("coreper", "raad", Case::Cap, false),
    ("ep", "europees-parlement", Case::Upper, false),
    ("europarlement", "europees-parlement", Case::Any, false),
    ("eurojust", "eurojust", Case::Any, false),
    ("europol", "europol", Case::Any, false),
    ("eu-lisa", "eu-lisa", Case::Any, false),
    ("frontex", "frontex", Case::Any, false),
    ("euaa", "euaa", Case::Upper, false),
    ("asielagentschap", "euaa", Case::Any, false),
    ("grondrechtenagentschap", "fra", Case::Any, false),
    ("fra", "fra", Case::Upper, false),
    ("eom", "eom", Case::Upper, false),
    ("easo", "easo", Case::Upper, false),
    ("edps", "edps", Case::Upper, false),
    // Named coalitions of member states are the member states, as "de Ministers" of a group of
    // countries are (tests/fixtures/actors/README.md): "De C7 zal inzetten op …".
    ("c7", "lidstaten", Case::Cap, false),
    ("g6", "lidstaten", Case::Cap, false),
    ("kopgroep", "lidstaten", Case::Any, false),
    ("ctc", "eu-ctc", Case::Upper, true),
    ("eu-ctc", "eu-ctc", Case::Any, true),
    ("contraterrorismecoordinator", "eu-ctc", Case::Any, true),
    ("contra-terrorismecoordinator", "eu-ctc", Case::Any, true),
];

/// Actor names of several words (folded), with the case rule for the first word and whether it
/// names a person. The longest match wins.
#[rustfmt::skip]
const PHRASES: &[(&[&str], &str, Case, bool)] = &[
    (&["europees", "parlement"], "europees-parlement", Case::Cap, false),
    (&["europese", "parlement"], "europees-parlement", Case::Cap, false),
    (&["europese", "commissie"], "commissie", Case::Cap, false),
    (&["college", "van", "commissarissen"], "commissie", Case::Cap, false),
    // The European Council (heads of government) is not the Council.
    (&["europese", "raad"], "europese-raad", Case::Cap, false),
    // The General Affairs Council, before 2002 and after the RAZEB.
    (&["algemene", "raad"], "raad", Case::Cap, false),
    (&["contra-terrorisme", "coordinator"], "eu-ctc", Case::Any, true),
    (&["contraterrorisme", "coordinator"], "eu-ctc", Case::Any, true),
    // Hyphenation left by the PDF: "contra- terrorisme coördinator".
    (&["contra-", "terrorisme", "coordinator"], "eu-ctc", Case::Any, true),
    (&["contra", "terrorisme", "coordinator"], "eu-ctc", Case::Any, true),
    (&["eu-contra", "terrorisme", "coordinator"], "eu-ctc", Case::Any, true),
    (&["eu", "ctc"], "eu-ctc", Case::Upper, true),
    (&["coordinator", "voor", "terrorismebestrijding"], "eu-ctc", Case::Any, true),
    (&["coordinator", "voor", "de", "terrorismebestrijding"], "eu-ctc", Case::Any, true),
    (&["comite", "van", "permanente", "vertegenwoordigers"], "raad", Case::Cap, false),
    (&["europees", "openbaar", "ministerie"], "eom", Case::Cap, false),
    (&["europese", "openbaar", "ministerie"], "eom", Case::Cap, false),
    (&["bureau", "voor", "de", "grondrechten"], "fra", Case::Any, false),
    (&["bureau", "van", "de", "europese", "unie", "voor", "de", "grondrechten"], "fra", Case::Any, false),
    (&["agentschap", "voor", "grondrechten"], "fra", Case::Any, false),
    (&["agentschap", "voor", "de", "grondrechten"], "fra", Case::Any, false),
    (&["agentschap", "voor", "asiel"], "euaa", Case::Any, false),
    (&["eu-agentschap", "voor", "asiel"], "euaa", Case::Any, false),
    (&["asielagentschap", "van", "de", "europese", "unie"], "euaa", Case::Any, false),
    (&["europees", "grens-", "en", "kustwachtagentschap"], "frontex", Case::Cap, false),
    (&["fundamental", "rights", "agency"], "fra", Case::Cap, false),
    (&["europese", "toezichthouder", "voor", "gegevensbescherming"], "edps", Case::Cap, false),
    (&["hoge", "vertegenwoordiger"], "hoge-vertegenwoordiger", Case::Cap, true),
    (&["tweede", "kamer"], "tweede-kamer", Case::Cap, false),
    // The letter's addressee: "heeft uw Kamer gevraagd …", "stemde uw Kamer … in met".
    (&["uw", "kamer"], "tweede-kamer", Case::Any, false),
    // A member state until 2020.
    (&["verenigd", "koninkrijk"], "verenigd-koninkrijk", Case::Cap, false),
    (&["leden", "van", "de", "er"], "europese-raad", Case::Any, false),
    (&["leden", "van", "de", "europese", "raad"], "europese-raad", Case::Any, false),
    // The Council with the Schengen associates (Norway, Iceland, Switzerland, Liechtenstein).
    (&["gemengd", "comite"], "gemengd-comite", Case::Cap, false),
    (&["eerste", "kamer"], "eerste-kamer", Case::Cap, false),
    // The members of the Council are the member states' ministers; the member states agreeing
    // in Coreper or in the Council are the Council (tests/fixtures/actors/README.md).
    (&["leden", "van", "de", "raad"], "lidstaten", Case::Any, false),
    (&["leden", "van", "de", "raz"], "lidstaten", Case::Any, false),
    (&["lidstaten", "in", "coreper"], "raad", Case::Any, false),
    (&["lidstaten", "in", "de", "raad"], "raad", Case::Any, false),
];

/// Adjectives of nationality (folded, inflected and not) → slug. "Het Spaanse voorzitterschap"
/// is the presidency, but "de Poolse minister" is Poland.
#[rustfmt::skip]
const NATIONALITIES: &[(&str, &str)] = &[
    ("nederlandse", "nederland"), ("nederlands", "nederland"), ("belgische", "belgie"),
    ("belgisch", "belgie"), ("bulgaarse", "bulgarije"), ("bulgaars", "bulgarije"),
    ("cypriotische", "cyprus"), ("cypriotisch", "cyprus"), ("deense", "denemarken"),
    ("deens", "denemarken"), ("duitse", "duitsland"), ("duits", "duitsland"), ("estse", "estland"),
    ("ests", "estland"), ("estlandse", "estland"), ("finse", "finland"), ("fins", "finland"),
    ("franse", "frankrijk"), ("frans", "frankrijk"), ("griekse", "griekenland"),
    ("grieks", "griekenland"), ("hongaarse", "hongarije"), ("hongaars", "hongarije"),
    ("ierse", "ierland"), ("iers", "ierland"), ("italiaanse", "italie"), ("italiaans", "italie"),
    ("kroatische", "kroatie"), ("kroatisch", "kroatie"), ("letse", "letland"), ("lets", "letland"),
    ("litouwse", "litouwen"), ("litouws", "litouwen"), ("luxemburgse", "luxemburg"),
    ("luxemburgs", "luxemburg"), ("maltese", "malta"), ("maltees", "malta"),
    ("oostenrijkse", "oostenrijk"), ("oostenrijks", "oostenrijk"), ("poolse", "polen"),
    ("pools", "polen"), ("portugese", "portugal"), ("portugees", "portugal"),
    ("roemeense", "roemenie"), ("roemeens", "roemenie"), ("sloveense", "slovenie"),
    ("sloveens", "slovenie"), ("slowaakse", "slowakije"), ("slowaaks", "slowakije"),
    ("spaanse", "spanje"), ("spaans", "spanje"), ("tsjechische", "tsjechie"),
    ("tsjechisch", "tsjechie"), ("zweedse", "zweden"), ("zweeds", "zweden"),
];

/// Adjectives of nationality of countries outside the EU ([`THIRD_COUNTRIES`]): "De Oekraïense
/// minister van Buitenlandse Zaken Sybiha" is Ukraine.
#[rustfmt::skip]
const THIRD_NATIONALITIES: &[(&str, &str)] = &[
    ("albanese", "albanie"), ("algerijnse", "algerije"), ("belarussische", "belarus"),
    ("wit-russische", "belarus"), ("bosnische", "bosnie-herzegovina"), ("canadese", "canada"),
    ("egyptische", "egypte"), ("georgische", "georgie"), ("ijslandse", "ijsland"),
    ("libische", "libie"), ("liechtensteinse", "liechtenstein"), ("marokkaanse", "marokko"),
    ("moldavische", "moldavie"), ("montenegrijnse", "montenegro"),
    ("noord-macedonische", "noord-macedonie"), ("noorse", "noorwegen"),
    ("oekraiense", "oekraine"), ("russische", "rusland"), ("servische", "servie"),
    ("tunesische", "tunesie"), ("turkse", "turkije"), ("britse", "verenigd-koninkrijk"),
    ("amerikaanse", "verenigde-staten"), ("zwitserse", "zwitserland"),
    // Uninflected, before a "het" noun: "het Brits voorzitterschap" (2005).
    ("brits", "verenigd-koninkrijk"), ("noors", "noorwegen"), ("zwitsers", "zwitserland"),
    ("turks", "turkije"), ("russisch", "rusland"), ("oekraiens", "oekraine"),
    ("amerikaans", "verenigde-staten"),
];

/// Words that may stand before an actor word in its noun phrase (folded): determiners,
/// quantifiers, numbers and adjectives. Nationality adjectives are in [`NATIONALITIES`].
#[rustfmt::skip]
const MODIFIERS: &[&str] = &[
    "de", "het", "een", "deze", "dit", "ongeveer", "even", "grote", "groot", "kleine", "klein",
    "groep", "enkele", "enkel", "veel", "vele", "meerdere", "alle", "andere", "ander", "sommige",
    "beide", "aantal", "brede", "breed", "aankomend", "aankomende", "huidige", "huidig", "vaste",
    "mijn", "zijn", "haar", "inkomend", "inkomende", "vorige", "vorig", "volgende", "toekomstige", "toekomstig",
    "dezelfde", "hetzelfde", "overige", "meeste", "verschillende", "diverse", "gelijkgezinde",
    "betrokken", "genoemde", "desbetreffende", "uitvoerend", "uitvoerende", "meerderheid",
    "minderheid", "merendeel", "handvol", "deel", "helft", "eu", "tal", "nieuwe", "nieuw",
    "vrijwel", "nagenoeg", "bijna", "europese", "aanwezige", "bepaalde", "deelnemende",
    "aanstaande", "komende", "eerstvolgende", "permanente", "permanent", "plaatsvervangend",
    "plaatsvervangende",
];

/// Modifiers that take "van (de)" before the actor: "een meerderheid van de lidstaten".
#[rustfmt::skip]
const QUANTITIES: &[&str] = &[
    "groep", "aantal", "meerderheid", "minderheid", "merendeel", "handvol", "deel", "helft",
];

/// Focus adverbs that may stand before a sentence-initial subject: "Ook Nederland …".
const FOCUS: &[&str] = &["ook", "tevens", "zowel", "eveneens", "alleen", "slechts"];

/// Adverbs that may stand between an inverted verb and its subject: "stond ook de Commissie".
const BETWEEN_VERB_AND_SUBJECT: &[&str] = &["ook", "tevens", "eveneens", "nogmaals", "er"];

/// The writers of a letter of the Dutch government speaking of themselves: the Netherlands.
const WRITER_PRONOUNS: &[&str] = &["ik", "wij", "we"];

/// Subject pronouns: a sentence whose subject is one of these has no actor of its own.
const PRONOUNS: &[&str] = &["zij", "hij", "ze", "wij", "we", "men", "ik", "jij", "u"];

/// Words that show a sentence-initial "De …"/"Het …" phrase is a time adverbial, not the
/// subject: "De afgelopen weken heeft de Commissie …".
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "jaren", "periode", "tijd",
    "keer", "kwartaal", "halfjaar", "ochtend", "middag", "avond", "zomer", "winter", "najaar",
    "voorjaar",
];

/// Prepositions: a word right after one is not a finite verb ("van heringevoerde controles").
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "aan", "van", "met", "door", "voor", "op", "in", "bij", "tot", "uit", "naar", "over", "onder",
    "tussen", "zonder", "tegen", "binnen", "buiten", "na", "sinds", "vanuit", "via", "om", "te",
];

/// The auxiliaries and modals, in every finite form (folded): zijn, hebben, worden, zullen,
/// kunnen, moeten, willen, mogen, blijven. The present plurals, which look like infinitives, are
/// taken only where no "te" stands before them.
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "ben", "bent", "is", "zijn", "was", "waren", "heb", "hebt", "heeft", "hebben", "had",
    "hadden", "word", "wordt", "worden", "werd", "werden", "zal", "zult", "zullen", "zou",
    "zouden", "kan", "kunt", "kunnen", "kon", "konden", "moet", "moeten", "moest", "moesten",
    "wil", "wilt", "willen", "wilde", "wilden", "wou", "mag", "mogen", "mocht", "mochten",
];

/// The Dutch strong and irregular verbs (a closed class), each as its finite forms: present
/// third person singular, present plural, past singular, past plural. Their forms with an
/// inseparable prefix (`be-`, `ver-`, `ont-`, `her-`, `onder-`, `over-`, `door-`, `er-`) are
/// finite too: "besloot", "ontving", "onderschreef", "verzocht". Forms that are mostly nouns
/// ("week", "reden", "leden", "maten") are left out with their verbs.
#[rustfmt::skip]
const STRONG_VERBS: &[[&str; 4]] = &[
    ["biedt", "bieden", "bood", "boden"], ["bindt", "binden", "bond", "bonden"],
    ["blijft", "blijven", "bleef", "bleven"], ["blijkt", "blijken", "bleek", "bleken"],
    ["breekt", "breken", "brak", "braken"], ["brengt", "brengen", "bracht", "brachten"],
    ["buigt", "buigen", "boog", "bogen"], ["denkt", "denken", "dacht", "dachten"],
    ["doet", "doen", "deed", "deden"], ["draagt", "dragen", "droeg", "droegen"],
    ["drijft", "drijven", "dreef", "dreven"], ["dringt", "dringen", "drong", "drongen"],
    ["dwingt", "dwingen", "dwong", "dwongen"], ["gaat", "gaan", "ging", "gingen"],
    ["geeft", "geven", "gaf", "gaven"], ["geldt", "gelden", "gold", "golden"],
    ["geniet", "genieten", "genoot", "genoten"], ["grijpt", "grijpen", "greep", "grepen"],
    ["hangt", "hangen", "hing", "hingen"], ["heft", "heffen", "hief", "hieven"],
    ["helpt", "helpen", "hielp", "hielpen"], ["houdt", "houden", "hield", "hielden"],
    ["kiest", "kiezen", "koos", "kozen"], ["kijkt", "kijken", "keek", "keken"],
    ["komt", "komen", "kwam", "kwamen"], ["koopt", "kopen", "kocht", "kochten"],
    ["krijgt", "krijgen", "kreeg", "kregen"], ["laat", "laten", "liet", "lieten"],
    ["leest", "lezen", "las", "lazen"], ["ligt", "liggen", "lag", "lagen"],
    ["lijkt", "lijken", "leek", "leken"], ["loopt", "lopen", "liep", "liepen"],
    ["neemt", "nemen", "nam", "namen"], ["prijst", "prijzen", "prees", "prezen"],
    ["rijst", "rijzen", "rees", "rezen"], ["roept", "roepen", "riep", "riepen"],
    ["schiet", "schieten", "schoot", "schoten"], ["schijnt", "schijnen", "scheen", "schenen"],
    ["schrijft", "schrijven", "schreef", "schreven"], ["schuift", "schuiven", "schoof", "schoven"],
    ["slaat", "slaan", "sloeg", "sloegen"], ["sluit", "sluiten", "sloot", "sloten"],
    ["snijdt", "snijden", "sneed", "sneden"], ["spreekt", "spreken", "sprak", "spraken"],
    ["staat", "staan", "stond", "stonden"], ["steekt", "steken", "stak", "staken"],
    ["sterft", "sterven", "stierf", "stierven"], ["strijdt", "strijden", "streed", "streden"],
    ["treedt", "treden", "trad", "traden"], ["treft", "treffen", "trof", "troffen"],
    ["trekt", "trekken", "trok", "trokken"], ["valt", "vallen", "viel", "vielen"],
    ["vangt", "vangen", "ving", "vingen"], ["vecht", "vechten", "vocht", "vochten"],
    ["vindt", "vinden", "vond", "vonden"], ["vliegt", "vliegen", "vloog", "vlogen"],
    ["vraagt", "vragen", "vroeg", "vroegen"], ["weet", "weten", "wist", "wisten"],
    ["werpt", "werpen", "wierp", "wierpen"], ["wijst", "wijzen", "wees", "wezen"],
    ["wint", "winnen", "won", "wonnen"], ["zegt", "zeggen", "zei", "zeiden"],
    ["zendt", "zenden", "zond", "zonden"], ["ziet", "zien", "zag", "zagen"],
    ["zit", "zitten", "zat", "zaten"], ["zoekt", "zoeken", "zocht", "zochten"],
    ["zwijgt", "zwijgen", "zweeg", "zwegen"], ["begint", "beginnen", "begon", "begonnen"],
    ["verliest", "verliezen", "verloor", "verloren"], ["verdwijnt", "verdwijnen", "verdween", "verdwenen"],
    ["legt", "leggen", "legde", "legden"], ["zegde", "zegden", "zegde", "zegden"],
];

/// Inseparable prefixes, which stay on the finite verb: "besloot", "ontving", "onderschreef".
const INSEPARABLE_PREFIXES: &[&str] = &[
    "be", "ver", "ont", "her", "onder", "over", "door", "er", "vol",
];

/// Every finite form of [`STRONG_VERBS`], with and without an inseparable prefix. Built once.
static STRONG_FORMS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    let mut forms = rustc_hash::FxHashSet::default();
    for verb in STRONG_VERBS {
        for form in verb {
            forms.insert((*form).to_string());
            for prefix in INSEPARABLE_PREFIXES {
                forms.insert(format!("{prefix}{form}"));
            }
        }
    }
    forms
});

/// Weak verbs whose present forms the shape rules below cannot tell from other words, and weak
/// past tenses that the "-ende" ending would take for present participles (folded).
#[rustfmt::skip]
const WEAK_FORMS: &[&str] = &[
    "zet", "zetten", "acht", "achten", "licht", "stelt", "meldt", "wenst", "hecht", "steunt",
    "opende", "openden", "heropende", "tekende", "tekenden", "ondertekende", "ondertekenden",
    "kende", "kenden", "erkende", "erkenden", "herkende", "herkenden", "verkende", "rekende",
    "benut", "benutten",
];

/// Words that end a clause's first constituent or open a subordinate clause, and so are no verb
/// before a subject pronoun: "dat wij", "zoals wij", "ook wij" (folded).
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "dat", "die", "wat", "als", "zoals", "omdat", "nadat", "voordat", "zodat", "waarin", "waarop",
    "waarmee", "waarbij", "waarover", "wanneer", "terwijl", "hoewel", "indien", "of", "en",
    "maar", "want", "dus", "toen", "waar", "waarna", "doordat", "opdat", "zodra", "mits",
    "tenzij", "ook", "tevens", "nu", "dan", "wel", "niet", "eveneens", "hoe", "welke", "alsof",
    "aangezien", "naarmate", "totdat", "alvorens", "naar",
];

/// Adverbs that fill a main clause's first place, so that the next word is its finite verb:
/// "Daarnaast benadrukt de Commissie …", "Hierbij bied ik u …" (folded).
#[rustfmt::skip]
const CLAUSE_ADVERBS: &[&str] = &[
    "daarnaast", "tevens", "ook", "vervolgens", "verder", "voorts", "hierbij", "daarbij",
    "allereerst", "tenslotte", "bovendien", "eveneens", "daarom", "hiermee", "daarmee",
    "inmiddels", "momenteel", "eerder", "daarop", "hierop", "daarna", "hierna", "ondertussen",
    "wel", "graag", "nogmaals", "tot slot", "ten slotte", "ten eerste", "ten tweede",
];

/// Determiners, possessives and numerals: the word after one is a noun or an adjective, never a
/// finite verb ("de namen", "het besluit", "zijn bezoek", "de veertien bedoelde lidstaten").
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "de", "het", "een", "elk", "elke", "ieder", "iedere", "geen",
    "zijn", "haar", "hun", "ons", "onze", "mijn", "uw", "alle", "enkele", "veel", "vele",
    "meerdere", "diverse", "sommige", "beide", "twee", "drie", "vier", "vijf", "zes", "zeven",
    "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien",
    "zeventien", "achttien", "negentien", "twintig", "dertig", "veertig", "vijftig", "honderd",
];

/// Noun endings that a word on "-t" may have: not a present tense ("gelegenheid", "activiteit",
/// "document", "voorzitterschap", "tekst", "bericht").
#[rustfmt::skip]
const NOT_PRESENT_ENDINGS: &[&str] = &[
    "heid", "teit", "ment", "schap", "st", "cht", "aat", "iet", "uut", "ant", "ent", "ist",
    "oot", "ort", "rt", "ft",
];

/// Words of the weak-past shape that are not verbs (folded).
#[rustfmt::skip]
const NOT_VERBS: &[&str] = &[
    "derde", "tweede", "vierde", "vijfde", "zesde", "zevende", "negende", "tiende", "grote",
    "brede", "goede", "oude", "rode", "ruimte", "orde", "ronde", "tafelronde", "schade", "vrede",
    "gedachte", "rente", "mate", "wijze", "hoogte", "breedte", "lengte", "diepte", "route",
    "elite", "landen", "rechten", "punten", "feiten", "staten", "kosten", "steden", "beide",
    "eerde", "gerede", "ontmijning", "midden", "tijden", "zijden", "kanten", "tenten", "weten",
    "eten", "beten", "reden", "redenen", "leden", "tekorten", "soorten", "woorden", "gronden",
    "banden", "handen", "vormen", "delicten",
];

/// Endings of the weak-past shape that belong to nouns and adjectives: "mogelijkheden",
/// "activiteiten", "migranten", "resultaten", "voldoende", "laatste", "recente".
#[rustfmt::skip]
const NOT_VERB_ENDINGS: &[&str] = &[
    "heden", "iteiten", "nten", "sten", "aten", "cten", "rechten", "plichten", "vluchten",
    "richten", "ende", "aande", "ste", "ente", "ante", "ete", "ite", "ote", "ute",
];

fn actor_for_slug(slug: &str) -> Option<Actor> {
    Actor::from_slug(slug)
}

/// A finite verb at `k` (read from [`Tok::finite`], worked out once by [`finite_at`]).
fn is_finite_verb(t: &[Tok<'_>], k: usize) -> bool {
    t.get(k).is_some_and(|x| x.finite)
}

/// A finite verb at `k`, told from its form and its place, without a list of the verbs of these
/// reports:
/// - an auxiliary or modal, or a form of a strong or irregular verb (a closed class,
///   [`STRONG_FORMS`]);
/// - the weak past tense: a stem and `-de`/`-den` or `-te`/`-ten`, the ending the stem's last
///   sound asks for ("'t kofschip": "lichtte", "meldde", "steunden"; not "ruimte", "hoogte",
///   "recente", "brede");
/// - the present singular of a verb in "-eren" ("organiseert", "presenteert");
/// - a word right before a subject pronoun ("Hierbij bied ik u", "Met deze brief doen wij");
/// - a present on "-t" of a plausible stem right before a noun phrase ("Daarnaast verwelkomt
///   de Commissie").
///
/// Never right after a determiner, a possessive or a numeral ("de namen", "het besluit", "de
/// veertien bedoelde lidstaten"), nor after a preposition ("van heringevoerde controles").
fn finite_at(t: &[Tok<'_>], k: usize) -> bool {
    let Some(tok) = t.get(k) else {
        return false;
    };
    if !tok.word {
        return false;
    }
    let prev = k.checked_sub(1).and_then(|p| t.get(p));
    let next = t.get(k + 1);
    if prev.is_some_and(|p| p.is_any(DETERMINERS)) {
        return false;
    }
    // "dit besluit", "deze lidstaten"; but a demonstrative that opens the sentence may be its
    // subject: "Dit onderstreepte Nederland."
    let opens = k < 2 || !t[k - 2].word;
    if prev.is_some_and(|p| p.is_any(&["deze", "dit", "die", "dat"])) && !opens {
        return false;
    }
    let f: &str = &tok.fold;
    if tok.listed_verb {
        // "te geven", "te steunen": infinitives; "in acht genomen": a noun.
        let after_preposition = prev.is_some_and(|p| p.is_any(PREPOSITIONS) && !p.is("te"));
        let infinitive = f.ends_with("en") && prev.is_some_and(|p| p.is("te"));
        return !(infinitive || after_preposition);
    }
    let plain = tok.lower()
        && f.chars().all(|c| c.is_alphabetic() || c == '\'')
        && tok.actor.is_none()
        && !tok.modifier
        && !prev.is_some_and(|p| p.is_any(PREPOSITIONS));
    if !plain {
        return false;
    }
    // "bied ik", "doen wij": the place before a subject pronoun is the verb's.
    if next.is_some_and(|n| n.is_any(WRITER_PRONOUNS)) && !tok.is_any(FUNCTION_WORDS) {
        return true;
    }
    let len = f.chars().count();
    if f.ends_with("eert") && len >= 7 {
        return true;
    }
    if len >= 5 && weak_past(f) {
        return !NOT_VERBS.contains(&f) && !NOT_VERB_ENDINGS.iter().any(|e| f.ends_with(e));
    }
    // A present on "-t" right before the noun phrase of an inverted subject.
    let np_next = next.is_some_and(|n| {
        n.is_any(&["de", "het", "een", "ook", "tevens", "er"]) || (n.word && n.cap())
    });
    np_next
        && len >= 5
        && f.ends_with('t')
        && !f.starts_with("ge")
        && !NOT_PRESENT_ENDINGS.iter().any(|e| f.ends_with(e))
        && f[..f.len() - 1].ends_with(|c: char| !"aeiou".contains(c))
}

/// The weak past tense: a stem with a vowel, ending in a consonant, and the ending its last
/// sound asks for: `-te(n)` after a voiceless t, k, f, s, p, ch or x; `-de(n)` otherwise (and
/// after the f and s of stems in v and z: "leefde", "reisde").
fn weak_past(f: &str) -> bool {
    let Some((stem, voiceless)) = [("den", false), ("ten", true), ("de", false), ("te", true)]
        .iter()
        .find_map(|(e, v)| f.strip_suffix(e).map(|s| (s, *v)))
    else {
        return false;
    };
    let Some(last) = stem.chars().last() else {
        return false;
    };
    let vowels = "aeiouy";
    if stem.chars().count() < 3
        || vowels.contains(last)
        || !stem.chars().any(|c| vowels.contains(c))
    {
        return false;
    }
    let hard = "tkpx".contains(last) || stem.ends_with("ch");
    if voiceless {
        hard || "fs".contains(last)
    } else {
        !hard
    }
}

/// The portfolio after a minister's title ("van Justitie en Veiligheid", "voor
/// Rechtsbescherming") and the country named after it ("van Binnenlandse Zaken van Oekraïne"):
/// where the phrase ends, and that country. A minister with no country after the portfolio is
/// the writers' own.
fn portfolio(t: &[Tok<'_>], k: usize) -> (usize, Option<Actor>) {
    if !t.get(k).is_some_and(|x| x.is_any(&["van", "voor"])) {
        return (k, None);
    }
    let portfolio_word = |x: &Tok<'_>| x.word && x.is_any(PORTFOLIO_WORDS);
    let mut j = k + 1;
    while t.get(j).is_some_and(|x| {
        portfolio_word(x) || (x.is("en") && t.get(j + 1).is_some_and(portfolio_word))
    }) {
        j += 1;
    }
    if j == k + 1 {
        // "de minister van Roemenië": a country straight after the title.
        let country = t.get(k + 1).and_then(|c| match &c.actor {
            Some((a @ Actor::MemberState(_), _)) if c.cap() => Some(a.clone()),
            _ => None,
        });
        return match country {
            Some(a) => (k + 2, Some(a)),
            None => (k, None),
        };
    }
    match (t.get(j), t.get(j + 1)) {
        (Some(v), Some(c)) if v.is("van") && c.word && c.cap() && !c.is_any(PORTFOLIO_WORDS) => {
            let country = match &c.actor {
                Some((a @ (Actor::MemberState(_) | Actor::Nederland), _)) => a.clone(),
                _ => {
                    let slug = slug_of(&c.fold);
                    if THIRD_COUNTRIES.contains(&slug.as_str()) {
                        Actor::Other(slug)
                    } else {
                        // A country the list lacks: foreign, and not named wrongly.
                        Actor::Other("derde-land".to_string())
                    }
                }
            };
            (j + 2, Some(country))
        }
        _ => (j, None),
    }
}

/// The words of the names of ministries and ministers' portfolios (folded): "van Justitie en
/// Veiligheid", "voor Rechtsbescherming", "van Binnenlandse Zaken".
#[rustfmt::skip]
const PORTFOLIO_WORDS: &[&str] = &[
    "zaken", "justitie", "veiligheid", "binnenlandse", "buitenlandse", "koninkrijksrelaties",
    "asiel", "migratie", "immigratie", "integratie", "vreemdelingenzaken", "rechtsbescherming",
    "financien", "economische", "klimaat", "energie", "groene", "groei", "landbouw", "natuur",
    "voedselkwaliteit", "visserij", "voedselzekerheid", "stikstof", "infrastructuur",
    "waterstaat", "milieu", "sociale", "werkgelegenheid", "volksgezondheid", "welzijn", "sport",
    "onderwijs", "cultuur", "wetenschap", "defensie", "handel", "ontwikkelingssamenwerking",
    "europese", "volkshuisvesting", "ruimtelijke", "ordening", "digitalisering", "medische",
    "zorg", "armoedebeleid", "participatie", "pensioenen", "primair", "voortgezet", "verkeer",
    "interne", "binnenland", "buitenland", "handel", "media", "jeugd", "preventie",
];

/// A slug made of a folded word: "oekraine", "verenigd-koninkrijk".
fn slug_of(fold: &str) -> String {
    fold.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .to_string()
}

/// Auxiliaries of the passive: "werd … gevraagd", "worden … besproken". ("is"/"was"/"waren"
/// with a participle and an agent "door …" are passives too: [`ActorContext::passive`].)
const WORDEN: &[&str] = &["werd", "werden", "wordt", "worden"];

/// Modals, after which a passive's auxiliary stands at the end of the clause.
#[rustfmt::skip]
const MODALS: &[&str] = &[
    "zal", "zullen", "zou", "zouden", "kan", "kunnen", "kon", "konden", "moet", "moeten", "mag",
    "mogen", "wil", "willen",
];

/// Forms of "zijn" that make a passive of the past with a participle and an agent.
const ZIJN: &[&str] = &["is", "zijn", "was", "waren"];

/// The shape of a past participle: "gevraagd", "uitgenodigd", "opgeroepen", "besproken",
/// "vertegenwoordigd" (folded, lowercase).
fn participle(x: &Tok<'_>) -> bool {
    let f: &str = &x.fold;
    x.word
        && x.lower()
        && f.chars().count() >= 6
        && (f.ends_with('d') || f.ends_with('t') || f.ends_with("en"))
        && (f.contains("ge")
            || INSEPARABLE_PREFIXES
                .iter()
                .any(|p| f.starts_with(p) && !f.starts_with("ge")))
}

/// Modifiers that make a group of member states of "landen": "De aanwezige landen", "Enkele
/// landen", "Vrijwel alle landen" (bare "landen", like "derde landen", are not).
#[rustfmt::skip]
const GROUP_WORDS: &[&str] = &[
    "alle", "enkele", "veel", "vele", "meerdere", "diverse", "verschillende", "sommige", "meeste",
    "aanwezige", "europese", "overige", "aantal", "groep", "meerderheid", "merendeel", "handvol",
    "bepaalde",
];

/// Verbs of taking up or holding an office: "heeft Malta het voorzitterschap overgenomen".
#[rustfmt::skip]
const TAKING_OFFICE: &[&str] = &[
    "overgenomen", "overneemt", "overnam", "overnemen", "bekleedt", "bekleedde", "bekleden",
    "aanvaardt", "aanvaardde", "vervult", "vervulde",
];

/// Numbers written out, which make "landen" a group of member states: "zeven landen, waaronder
/// Nederland,".
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
    "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig",
];

/// Phrases that name who did what a sentence reports: "Op initiatief van Nederland is … een
/// bepaling opgenomen" (folded). Not "op verzoek van" ("Op verzoek van Portugal en Frankrijk is
/// gesproken over …": asking for a discussion is no position, as every annotator of
/// tests/fixtures/actors reads it), nor "op voorstel van de Commissie", which in these reports
/// describes a procedure ("kan de Raad … op voorstel van de Commissie besluiten").
const INITIATIVE: &[&[&str]] = &[
    &["op", "initiatief", "van"],
    // "werden van de kant van de Kamer vraagtekens gezet": by whom.
    &["van", "de", "kant", "van"],
    // "is uw Kamer geïnformeerd per brief van de Ministers van …": who wrote.
    &["per", "brief", "van"],
    &["bij", "brief", "van"],
];

/// The actor a single token names, ignoring learned names.
fn word_actor(tok: &Tok<'_>, entry: Entry) -> Option<(Actor, bool)> {
    if !tok.word {
        return None;
    }
    let from_words = |i: usize| {
        let (_, slug, _, person) = WORDS[i];
        actor_for_slug(slug).map(|a| (a, person))
    };
    if let Some(i) = entry.word.filter(|&i| case_ok(tok, WORDS[i].2)) {
        return from_words(i);
    }
    if tok.cap() && entry.member_state {
        return actor_for_slug(&tok.fold).map(|a| (a, false));
    }
    // "EU-lidstaten", "EU-voorzitterschap", "EU-grondrechtenagentschap".
    let rest = tok.fold.strip_prefix("eu-")?;
    let i = LEXICON.get(rest)?.word?;
    matches!(WORDS[i].2, Case::Any).then(|| from_words(i))?
}

/// What the word lists say about one folded word.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    /// Its index in [`WORDS`].
    word: Option<usize>,
    /// In [`MEMBER_STATES`].
    member_state: bool,
    /// In [`NATIONALITIES`]: the country.
    nationality: Option<&'static str>,
    /// In [`MODIFIERS`] or [`NUMBER_WORDS`].
    modifier: bool,
    /// In [`AUXILIARIES`] or [`WEAK_FORMS`].
    verb: bool,
    /// The first word of one of the [`PHRASES`].
    phrase_start: bool,
    /// In [`NOT_NAMES`].
    not_name: bool,
}

/// Every word of the word lists, looked up by its folded form (a hash lookup with the Fx hash:
/// the keys are our own words, so a keyed hash buys nothing; the order is never used). Built
/// once, on first use.
static LEXICON: LazyLock<IndexMap<&'static str, Entry, FxBuildHasher>> = LazyLock::new(|| {
    let mut lex: IndexMap<&'static str, Entry, FxBuildHasher> = IndexMap::default();
    for (i, (w, ..)) in WORDS.iter().enumerate() {
        // The first entry wins, as a scan of the list would find it.
        lex.entry(w).or_default().word.get_or_insert(i);
    }
    for w in MEMBER_STATES {
        lex.entry(w).or_default().member_state = true;
    }
    for (w, slug) in NATIONALITIES.iter().chain(THIRD_NATIONALITIES) {
        lex.entry(w).or_default().nationality.get_or_insert(slug);
    }
    // Numbers written out are modifiers too: "De overige negentien lidstaten".
    for w in MODIFIERS.iter().chain(NUMBER_WORDS) {
        lex.entry(w).or_default().modifier = true;
    }
    for w in AUXILIARIES.iter().chain(WEAK_FORMS) {
        lex.entry(w).or_default().verb = true;
    }
    for (words, ..) in PHRASES {
        lex.entry(words[0]).or_default().phrase_start = true;
    }
    for w in NOT_NAMES {
        lex.entry(w).or_default().not_name = true;
    }
    lex
});

// ---------------------------------------------------------------------------------------------
// Noun phrases
// ---------------------------------------------------------------------------------------------

/// An actor noun phrase found at some token.
#[derive(Debug, Clone)]
struct Np {
    actor: Actor,
    /// The token after the phrase.
    end: usize,
    /// It names a person (a Commissioner, a director, a coordinator, a minister).
    person: bool,
    /// The person's name, where it follows the phrase: "Commissaris Reijnders".
    name: Option<(usize, usize)>,
}

/// How deep "de directeur van de voorzitter van …" may nest.
const MAX_DEPTH: usize = 3;

/// Particles that may stand inside a person's name: "Ursula von der Leyen".
#[rustfmt::skip]
const NAME_PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "von", "le", "la", "di", "da", "du", "del", "ter", "ten",
];

/// Capitalised words that start sentences and never begin a name (folded).
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "de", "het", "een", "ook", "tevens", "vervolgens", "daarnaast", "daarbij", "hierbij", "tot",
    "ten", "in", "op", "met", "volgens", "namens", "tijdens", "na", "voor", "bij", "om", "over",
    "onder", "zo", "dit", "dat", "deze", "die", "er", "zij", "hij", "ze", "verder", "eveneens",
    "bovendien", "tenslotte", "als", "en", "maar", "of", "waar", "wel", "niet", "nu", "dan",
];

impl ActorContext {
    /// A name at `i` that the item has taught as a foreign minister's with no slug.
    fn foreign_name_at(&self, t: &[Tok<'_>], i: usize) -> bool {
        let Some(e) = self.name_run(t, i) else {
            return false;
        };
        let full = t[i..e]
            .iter()
            .map(|x| x.fold.as_ref())
            .collect::<Vec<_>>()
            .join(" ");
        self.foreign.contains(&full)
    }

    /// The learned name at `i`, longest first.
    fn learned_at(&self, t: &[Tok<'_>], i: usize) -> Option<Np> {
        let first = t.get(i).filter(|x| x.word && x.cap())?;
        if !self.first_words.contains(first.fold.as_ref()) {
            return None;
        }
        let mut key = String::new();
        for n in (1..=4).rev() {
            let Some(span) = t.get(i..i + n) else {
                continue;
            };
            if !span.iter().all(|x| x.word) {
                continue;
            }
            key.clear();
            for (k, x) in span.iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(&x.fold);
            }
            if let Some(actor) = self.names.get(&key) {
                return Some(Np {
                    actor: actor.clone(),
                    end: i + n,
                    person: true,
                    name: Some((i, i + n)),
                });
            }
        }
        None
    }

    /// A person's name starting at `i`: capitalised words that are no actor, verb or function
    /// word, with particles inside; at most four words. Returns the end.
    fn name_run(&self, t: &[Tok<'_>], i: usize) -> Option<usize> {
        let is_name_word = |x: &Tok<'_>| x.word && x.name_word;
        let mut e = i;
        let mut words = 0;
        while words < 4 {
            match t.get(e) {
                Some(x) if is_name_word(x) => {
                    e += 1;
                    words += 1;
                }
                Some(x)
                    if words > 0
                        && x.is_any(NAME_PARTICLES)
                        && x.lower()
                        && t.get(e + 1).is_some_and(is_name_word) =>
                {
                    e += 1;
                }
                _ => break,
            }
        }
        (words > 0).then_some(e)
    }

    /// The actor word (or words) at `i`, without modifiers before it.
    fn head_at(&self, t: &[Tok<'_>], i: usize, nat: Option<&str>, depth: usize) -> Option<Np> {
        let tok = t.get(i)?;
        if !tok.word {
            return None;
        }
        if let Some(np) = self.learned_at(t, i) {
            return Some(np);
        }
        // Phrases, longest first.
        let mut best: Option<Np> = None;
        let phrases = if tok.phrase_start { PHRASES } else { &[] };
        for (words, slug, case, person) in phrases {
            let Some(span) = t.get(i..i + words.len()) else {
                continue;
            };
            let matches = span.iter().zip(words.iter()).all(|(x, w)| x.is(w));
            if matches
                && case_ok(tok, *case)
                && best.as_ref().is_none_or(|b| b.end < i + words.len())
            {
                if let Some(actor) = actor_for_slug(slug) {
                    best = Some(Np {
                        actor,
                        end: i + words.len(),
                        person: *person,
                        name: None,
                    });
                }
            }
        }
        if best.is_some() {
            return best;
        }
        let f: &str = &tok.fold;
        // Commissioners, with their name if it follows: "Commissaris Reijnders".
        // "Milieucommissaris Dimas", "Eurocommissaris Johansson".
        // Not "de Hoge Commissaris voor de Vluchtelingen" (the UN's).
        let high = i > 0 && t[i - 1].is("hoge");
        let commissioner = f.ends_with("commissaris") && !high;
        if commissioner {
            return Some(self.with_name(t, Actor::Commissie, i + 1));
        }
        // "De Deense landbouwminister, mevrouw Mariann Fischer Boel,": a minister by portfolio
        // compound is the country of the adjective before; without one, whose is not said.
        if f.len() > "minister".len() && f.ends_with("minister") && f != "minister-president" {
            let actor = self.chairing(actor_for_slug(nat?)?);
            return Some(self.with_name(t, actor, i + 1));
        }
        // Ministers, colleagues and governments: the country named after the portfolio ("de
        // Minister van Binnenlandse Zaken van Oekraïne"), else the country of the adjective
        // before ("de Poolse minister", "zijn Bulgaarse collega"), else, in a letter of the Dutch
        // government, the Netherlands ("het kabinet", "de regering", "de Minister van Justitie en
        // Veiligheid"; the plural "de ministers" is all of them). "Minister Tsacheva" is whom
        // the item has taught the name of, and not Dutch when it was taught as a foreigner's.
        if matches!(
            f,
            "minister"
                | "staatssecretaris"
                | "kabinet"
                | "regering"
                | "delegatie"
                | "premier"
                | "minister-president"
                | "collega"
        ) {
            let person = !matches!(f, "kabinet" | "regering" | "delegatie");
            if person {
                if self.foreign_name_at(t, i + 1) {
                    return None;
                }
                if let Some(np) = self.learned_at(t, i + 1) {
                    return Some(np);
                }
            }
            let (end, country) = portfolio(t, i + 1);
            let actor = match (country, nat) {
                (Some(country), _) => country,
                (None, Some(slug)) => actor_for_slug(slug)?,
                // "De nieuwe regering onder Minister-President Mitsotakis": another country's.
                (None, None) if !person && t.get(end).is_some_and(|x| x.is("onder")) => {
                    return None;
                }
                // "lichtte minister Georgios Drys de prioriteiten toe": a minister introduced by
                // first name and surname, with no portfolio and no country, is someone the
                // letter introduces, not the writers' own (whom it calls "Minister Grapperhaus"
                // or "de Minister van Justitie en Veiligheid").
                // Not "Minister Eimert van Middelkoop": a first name with a lowercase Dutch
                // particle ("van", "de", "ter") is how a Dutch name is written (a Belgian one
                // writes "Van", "De").
                (None, None)
                    if person
                        && end == i + 1
                        && self.name_run(t, end).is_some_and(|e| {
                            let dutch = t[end..e].iter().any(|x| {
                                x.lower() && x.is_any(&["van", "de", "der", "den", "ter", "ten"])
                            });
                            t[end..e].iter().filter(|x| x.word && x.cap()).count() >= 2 && !dutch
                        }) =>
                {
                    return None;
                }
                (None, None)
                    if matches!(f, "minister" | "staatssecretaris" | "kabinet" | "regering") =>
                {
                    Actor::Nederland
                }
                // "De Minister-President is voornemens deel te nemen": the government's own
                // head, unnamed (a named one may be another country's).
                (None, None) if f == "minister-president" && self.name_run(t, end).is_none() => {
                    Actor::Nederland
                }
                (None, None) => return None,
            };
            return Some(if person {
                self.with_name(t, self.chairing(actor), end)
            } else {
                Np {
                    actor,
                    end,
                    person,
                    name: None,
                }
            });
        }
        // "de directeur van eu-LISA", "de voorzitter van de Raad" (the presidency).
        if matches!(
            f,
            "directeur"
                | "directrice"
                | "hoofdaanklager"
                | "vicepresident"
                | "vice-president"
                | "vicevoorzitter"
                | "voorzitter"
                | "hoofd"
                | "vertegenwoordiger"
                | "woordvoerder"
        ) {
            // "Voorzitter Van Rompuy", once "de heer Van Rompuy" was introduced: the name, not
            // "van …".
            if let Some(np) = self.learned_at(t, i + 1) {
                return Some(np);
            }
            if depth < MAX_DEPTH && t.get(i + 1).is_some_and(|x| x.is("van")) {
                if let Some(inner) = self.parse_np(t, i + 2, depth + 1) {
                    let actor = match (f, inner.actor) {
                        ("voorzitter", Actor::Raad) => Actor::Voorzitterschap,
                        (_, a) => a,
                    };
                    return Some(self.with_name(t, actor, inner.end));
                }
                return None;
            }
            if f == "voorzitter" {
                return Some(self.with_name(t, Actor::Voorzitterschap, i + 1));
            }
            return None;
        }
        // "Het Agentschap biedt …": the agency named before, in this item.
        if f == "agentschap" && i > 0 && t[i - 1].is_any(&["het", "dit"]) {
            return self.agency.clone().map(|actor| Np {
                actor,
                end: i + 1,
                person: false,
                name: None,
            });
        }
        let (actor, person) = tok.actor.clone()?;
        // "de Raad van State", "de Raad van Europa", "de Commissie van Venetië"; but "de
        // Visserijraad van 12 juni" is the Council, on that day.
        let dated = t
            .get(i + 2)
            .is_some_and(|x| x.word && x.fold.chars().all(|c| c.is_ascii_digit()));
        if matches!(actor, Actor::Raad | Actor::Commissie)
            && tok.cap()
            && t.get(i + 1).is_some_and(|x| x.is("van"))
            && !dated
        {
            return None;
        }
        Some(if person {
            self.with_name(t, actor, i + 1)
        } else {
            Np {
                actor,
                end: i + 1,
                person,
                name: None,
            }
        })
    }

    /// A person phrase ending at `end`, taking a name that directly follows it.
    fn with_name(&self, t: &[Tok<'_>], actor: Actor, end: usize) -> Np {
        // "Minister Store (Noorwegen)": the country in brackets after the name is the person's.
        if let Some(e) = self.name_run(t, end) {
            let bracketed = t.get(e).is_some_and(|x| x.punct('('))
                && t.get(e + 2).is_some_and(|x| x.punct(')'));
            if let Some(c) = t.get(e + 1).filter(|_| bracketed) {
                let slug = slug_of(&c.fold);
                let country = if MEMBER_STATES.contains(&slug.as_str()) {
                    Some(Actor::MemberState(slug))
                } else if THIRD_COUNTRIES.contains(&slug.as_str()) {
                    Some(Actor::Other(slug))
                } else {
                    None
                };
                if let Some(country) = country {
                    return Np {
                        actor: country,
                        end: e + 3,
                        person: true,
                        name: Some((end, e)),
                    };
                }
            }
        }
        match self.name_run(t, end) {
            Some(e) => Np {
                actor,
                end: e,
                person: true,
                name: Some((end, e)),
            },
            None => Np {
                actor,
                end,
                person: true,
                name: None,
            },
        }
    }

    /// An actor noun phrase at `i`: modifiers ("een ongeveer even grote groep", "het aankomend
    /// Belgische") and an actor word.
    fn parse_np(&self, t: &[Tok<'_>], i: usize, depth: usize) -> Option<Np> {
        // "Geen van de lidstaten", "Een aantal van de delegaties": a share of a group.
        if t.get(i)
            .is_some_and(|x| x.is_any(&["geen", "elk", "ieder", "iedere", "elke"]))
            && t.get(i + 1).is_some_and(|x| x.is("van"))
            && depth < MAX_DEPTH
        {
            let inner = self.parse_np(t, i + 2, depth + 1)?;
            return (inner.actor == Actor::Lidstaten).then_some(inner);
        }
        let mut j = i;
        let mut nat: Option<&str> = None;
        let mut group = false;
        // A possessive before an adjective: "zijn Bulgaarse collega".
        if t.get(i).is_some_and(|x| x.is_any(&["zijn", "haar", "hun"]))
            && t.get(i + 1).is_some_and(|x| x.modifier)
        {
            j += 1;
        }
        loop {
            if let Some(np) = self.head_at(t, j, nat, depth) {
                return Some(np);
            }
            let tok = t.get(j)?;
            // "De aanwezige landen", "Enkele landen": a group of member states.
            if group && tok.is("landen") {
                return Some(Np {
                    actor: Actor::Lidstaten,
                    end: j + 1,
                    person: false,
                    name: None,
                });
            }
            // "zeven landen", "de 27 EU lidstaten": a number is a group, too.
            let number = tok.word && tok.fold.chars().all(|c| c.is_ascii_digit());
            group |= tok.is_any(GROUP_WORDS) || number || tok.is_any(NUMBER_WORDS);
            // "de Ministers van België, Duitsland, …" are those countries; "de Ministers" of a
            // group of countries, without names, are member states. (The singular "minister"
            // is the Netherlands' or a named country's, in `head_at`.)
            // "De gezondheidsministers van de EU", "de Europese klimaat- en milieuministers",
            // "Een grote meerderheid verwelkomde …": the member states, by their ministers or
            // by a share of them.
            let ministers_compound =
                tok.word && tok.fold.len() > "ministers".len() && tok.fold.ends_with("ministers");
            let share = tok.is_any(&["meerderheid", "minderheid"]) && is_finite_verb(t, j + 1);
            if ministers_compound || share {
                return Some(Np {
                    actor: Actor::Lidstaten,
                    end: j + 1,
                    person: false,
                    name: None,
                });
            }
            if tok.is("ministers") {
                if let Some(country) = countries_after_portfolio(t, j + 1) {
                    j = country;
                    continue;
                }
                // "De ministers van deze landen" (named before, perhaps not in the EU), "de
                // ministers … van de kandidaat-lidstaten": not the member states.
                let (after, _) = portfolio(t, j + 1);
                let others = |k: usize| {
                    t.get(k).is_some_and(|x| x.is("van"))
                        && t.iter()
                            .skip(k + 1)
                            .take(2)
                            .any(|x| x.is_any(&["deze", "die"]) || x.fold.starts_with("kandidaat"))
                };
                if others(j + 1) || others(after) {
                    return None;
                }
                // "per brief van de Ministers van Financiën en Economische Zaken": a capital,
                // as the government writes its own ministers' titles, portfolios and no country
                // are the writers' own ministers ("de ministers van Financiën" of the Eurogroep
                // are all of them).
                let (end, country) = portfolio(t, j + 1);
                let own_style = tok.cap() && t[..j].iter().any(|x| x.word);
                // Several ministers of one portfolio ("de Ministers van Defensie") are several
                // countries'; the government has one minister of each.
                let several_portfolios = t[j + 1..end].iter().any(|x| x.is("en") || x.punct(','));
                if own_style && end > j + 1 && country.is_none() && several_portfolios {
                    return Some(Np {
                        actor: Actor::Nederland,
                        end,
                        person: false,
                        name: None,
                    });
                }
                return Some(Np {
                    actor: Actor::Lidstaten,
                    end: j + 1,
                    person: false,
                    name: None,
                });
            }
            // "de Europese klimaat- en milieuministers": the first half of a coordinated
            // compound.
            if tok.word && tok.raw.ends_with('-') && t.get(j + 1).is_some_and(|x| x.is("en")) {
                j += 2;
                continue;
            }
            if !tok.word || !(tok.modifier || number) {
                return None;
            }
            if let Some(slug) = tok.nationality {
                nat = Some(slug);
            }
            j += 1;
            if QUANTITIES.contains(&tok.fold.as_ref()) && t.get(j).is_some_and(|x| x.is("van")) {
                j += 1;
                if t.get(j).is_some_and(|x| x.is_any(&["de", "het"])) {
                    j += 1;
                }
            }
        }
    }

    /// "sprak Nederland met de ministers van … van België, Frankrijk en Spanje": the actors a
    /// subject that ends at `end` spoke with, where the sentence is about talking.
    fn talks_with(&self, t: &[Tok<'_>], end: usize) -> Option<Vec<Actor>> {
        if !t.iter().any(|x| x.is_any(TALK_VERBS)) {
            return None;
        }
        let mut k = end;
        // The subject before its verb: "Nederland sprak (ook) met …", "… heeft met … gesproken".
        if is_finite_verb(t, k) {
            k += 1;
        }
        while t.get(k).is_some_and(|x| x.is_any(BETWEEN_VERB_AND_SUBJECT)) {
            k += 1;
        }
        // "heb ik gesproken met …", "heb ik onder meer gesproken met …".
        while t
            .get(k)
            .is_some_and(|x| x.is_any(TALK_VERBS) || x.is_any(&["onder", "meer", "ook"]))
        {
            k += 1;
        }
        if t.get(k).is_some_and(|x| x.is("met")) {
            return self
                .parse_list(t, k + 1, false, false)
                .map(|(actors, _)| actors);
        }
        // "… heeft … met zijn Bulgaarse collega Tsacheva gesproken": "met" and the ones talked
        // with right before the participle of talking; "… kennisgemaakt met …": right after it.
        (end..t.len()).find_map(|m| {
            if !t[m].is("met") {
                return None;
            }
            let (actors, e) = self.parse_list(t, m + 1, false, false)?;
            let talked = t.get(e).is_some_and(|x| x.is_any(TALK_VERBS))
                || (m > 0 && t[m - 1].is_any(TALK_VERBS));
            talked.then_some(actors)
        })
    }

    /// Coordinated actor phrases at `i`: "Finland, Estland en Zweden", "De Commissie en het
    /// Voorzitterschap", "Enkele lidstaten, waaronder Nederland,", "Zowel X als Y" (with `als`).
    fn parse_list(
        &self,
        t: &[Tok<'_>],
        i: usize,
        allow_als: bool,
        nested: bool,
    ) -> Option<(Vec<Actor>, usize)> {
        let first = self.parse_np(t, i, 0)?;
        let mut actors = vec![first.actor];
        let mut j = first.end;
        while let Some(tok) = t.get(j) {
            if tok.punct('(') {
                // The members of a group, named in brackets: "Een aantal lidstaten (waaronder
                // Nederland)", "enkele lidstaten (Frankrijk, Duitsland en Italië)".
                if let Some((more, e)) = self.bracketed_members(t, j) {
                    actors.extend(more);
                    j = e;
                    continue;
                }
                // A parenthesis after an actor: "eu-LISA (EU agentschap voor …)".
                match t[j..].iter().position(|x| x.punct(')')) {
                    Some(close) => {
                        j += close + 1;
                        continue;
                    }
                    None => break,
                }
            }
            if tok.punct(',') {
                let next = t.get(j + 1);
                // "Een aantal lidstaten, te weten Nederland, Duitsland, …": named in full.
                let namely =
                    next.is_some_and(|x| x.is("te")) && t.get(j + 2).is_some_and(|x| x.is("weten"));
                let members = if namely { j + 3 } else { j + 2 };
                if !nested
                    && (namely
                        || next.is_some_and(|x| x.is_any(&["waaronder", "inclusief", "zoals"])))
                {
                    if let Some((more, e)) = self.parse_list(t, members, false, true) {
                        actors.extend(more);
                        j = e;
                        continue;
                    }
                    break;
                }
                if let Some(np) = self.parse_np(t, j + 1, 0) {
                    actors.push(np.actor);
                    j = np.end;
                    continue;
                }
                break;
            }
            let joins = tok.is_any(&["en", "alsook", "of"]) || (allow_als && tok.is("als"));
            if joins {
                // "Nederland en ook andere lidstaten".
                let next = if t.get(j + 1).is_some_and(|x| x.is("ook")) {
                    j + 2
                } else {
                    j + 1
                };
                if let Some(np) = self.parse_np(t, next, 0) {
                    actors.push(np.actor);
                    j = np.end;
                    continue;
                }
            }
            break;
        }
        Some((actors, j))
    }

    /// "(waaronder Nederland)", "(Frankrijk, Duitsland en Italië)" at `open`: the actors named
    /// in brackets, and the token after the closing bracket; nothing else may stand inside.
    fn bracketed_members(&self, t: &[Tok<'_>], open: usize) -> Option<(Vec<Actor>, usize)> {
        let mut k = open + 1;
        if t.get(k)?.is("samen") && t.get(k + 1).is_some_and(|x| x.is("met")) {
            k += 2;
        } else if t.get(k)?.is_any(&[
            "waaronder",
            "inclusief",
            "zoals",
            "onder",
            "met",
            "o.a",
            "w.o",
        ]) {
            k += 1;
            if t.get(k).is_some_and(|x| x.is("meer") || x.punct('.')) {
                k += 1;
            }
        }
        let (actors, e) = self.parse_list(t, k, false, true)?;
        t.get(e)?.punct(')').then_some((actors, e + 1))
    }

    // -----------------------------------------------------------------------------------------
    // Learning names
    // -----------------------------------------------------------------------------------------

    fn learn_span(&mut self, t: &[Tok<'_>], span: (usize, usize), actor: &Actor) {
        let Some(words) = t.get(span.0..span.1) else {
            return;
        };
        if words.is_empty() || !words.iter().all(|x| x.word) {
            return;
        }
        let full = words
            .iter()
            .map(|x| x.fold.as_ref())
            .collect::<Vec<_>>()
            .join(" ");
        // A foreign minister's name is not learned as the writers' own.
        if self.foreign.contains(&full) {
            return;
        }
        self.names.insert(full, actor.clone());
        self.first_words.insert(words[0].fold.to_string());
        if let Some(last) = words.last() {
            if words.len() > 1 && last.cap() {
                self.names.insert(last.fold.to_string(), actor.clone());
                self.first_words.insert(last.fold.to_string());
            }
        }
    }

    /// Learn names from the appositions of one sentence: "Agnes Diallo, directeur van eu-LISA",
    /// "De EU contra-terrorisme coördinator, Ilkka Salmi,", "de directeur van het
    /// grondrechtenagentschap O’Flaherty", "Commissaris Reijnders".
    fn learn(&mut self, t: &[Tok<'_>]) {
        // "het Belgische voorzitterschap", "het Belgische voorzitterschapsdocument". Not the
        // Dutch one: the writers tell their own presidency apart from the Netherlands.
        for w in t.windows(2) {
            if let Some(slug) = w[0].nationality {
                if w[1].word
                    && w[1].fold.starts_with("voorzitterschap")
                    && MEMBER_STATES.contains(&slug)
                {
                    self.presidency.insert(slug);
                }
            }
        }
        // "Op 1 januari heeft Malta het voorzitterschap … overgenomen", "zal Malta zijn
        // nationale voorzitterschapsprogramma presenteren": the first member state named takes
        // or holds the presidency.
        let office = t.windows(3).any(|w| {
            // Not "tijdens zijn voorzitterschap": a term to come, or past.
            let term = w[0].is_any(&["tijdens", "onder", "na", "voor", "gedurende"]);
            let w = &w[1..];
            w[1].word
                && w[1].fold.starts_with("voorzitterschap")
                && ((w[0].is_any(&["zijn", "haar"]) && !term)
                    || (w[0].is("het") && t.iter().any(|x| x.is_any(TAKING_OFFICE))))
        }) || t.windows(4).any(|w| {
            // "Sinds 1 juli is Slowakije voorzitter van de EU".
            w[0].is_any(&["is", "was", "wordt", "werd"])
                && matches!(w[1].actor, Some((Actor::MemberState(_), _)))
                && w[2].is("voorzitter")
                && w[3].is("van")
        });
        if office {
            let first = t.iter().find_map(|x| match &x.actor {
                Some((Actor::MemberState(s), _)) => Some(s.as_str()),
                _ => None,
            });
            if let Some(slug) = first.and_then(|s| MEMBER_STATES.iter().find(|m| **m == s)) {
                self.presidency.insert(slug);
            }
        }
        if let Some(agency) = t.iter().rev().find_map(|x| match &x.actor {
            Some((a @ Actor::Agency(_), _)) => Some(a.clone()),
            _ => None,
        }) {
            self.agency = Some(agency);
        }
        let mut found: Vec<((usize, usize), Actor)> = Vec::new();
        // The end of the last person phrase found: "De Oekraïense Minister … Sybiha" is read
        // once, from its start; read again from "Minister" it would be the writers' own.
        let mut inside_until = 0;
        for i in 0..t.len() {
            if let Some(np) = (i >= inside_until)
                .then(|| self.parse_np(t, i, 0))
                .flatten()
            {
                inside_until = np.name.map_or(np.end, |(_, e)| e.max(np.end));
                if !np.person {
                    continue;
                }
                if let Some(span) = np.name {
                    found.push((span, np.actor));
                } else if t.get(np.end).is_some_and(|x| x.punct(',')) {
                    // "coördinator, Ilkka Salmi, benadrukte", "De Hoofdaanklager van het EOM,
                    // mevrouw Kövesi, heeft …".
                    let mut at = np.end + 1;
                    if t.get(at)
                        .is_some_and(|x| x.is_any(&["mevrouw", "mw", "dhr"]))
                    {
                        at += 1;
                    } else if t.get(at).is_some_and(|x| x.is("de"))
                        && t.get(at + 1).is_some_and(|x| x.is("heer"))
                    {
                        at += 2;
                    }
                    if t.get(at).is_some_and(|x| x.punct('.')) {
                        at += 1;
                    }
                    if let Some(e) = self.name_run(t, at) {
                        if t.get(e)
                            .is_none_or(|x| x.punct(',') || x.punct('.') || x.punct('('))
                        {
                            found.push(((at, e), np.actor));
                        }
                    }
                }
            }
            // "Agnes Diallo, directeur van eu-LISA": a name before a comma and a person phrase.
            if t.get(i).is_some_and(|x| x.punct(',')) && i > 0 {
                let Some(np) = self.parse_np(t, i + 1, 0) else {
                    continue;
                };
                if !np.person {
                    continue;
                }
                let mut start = i;
                while start > 0 && i - start < 4 {
                    let prev = start - 1;
                    if self.name_run(t, prev).is_some_and(|e| e == i)
                        || (start < i
                            && t.get(prev)
                                .is_some_and(|x| x.is_any(NAME_PARTICLES) && x.lower()))
                    {
                        start = prev;
                    } else {
                        break;
                    }
                }
                if start < i && self.name_run(t, start) == Some(i) {
                    found.push(((start, i), np.actor));
                }
            }
        }
        // "De Oekraïense Minister van Buitenlandse Zaken Andrii Sybiha": an adjective of
        // nationality the tool has no country for, a title, a name.
        for i in 0..t.len().saturating_sub(2) {
            let adjective = &t[i];
            let foreign = adjective.word
                && adjective.cap()
                && adjective.nationality.is_none()
                && (adjective.fold.ends_with("se") || adjective.fold.ends_with("sche"));
            let title = t[i + 1].is_any(&["minister", "staatssecretaris", "collega", "premier"]);
            if !(foreign && title) {
                continue;
            }
            let (end, _) = portfolio(t, i + 2);
            if let Some(e) = self.name_run(t, end) {
                let words: Vec<&str> = t[end..e].iter().map(|x| x.fold.as_ref()).collect();
                self.foreign.insert(words.join(" "));
                if let Some(last) = words.last() {
                    self.foreign.insert((*last).to_string());
                }
            }
        }
        for (span, actor) in found {
            self.learn_span(t, span, &actor);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Subjects
// ---------------------------------------------------------------------------------------------

/// How many tokens of a sentence the actor rules read: a real sentence of these reports has at
/// most a few hundred (words and punctuation); a run-on "sentence" of two megabytes would make
/// the rules' passes over it cost seconds.
const MAX_TOKENS: usize = 400;

/// What an item has taught about people: "Agnes Diallo, directeur van eu-LISA" makes "Diallo"
/// speak for eu-lisa. Start a new context for each agenda item.
#[derive(Debug, Default, Clone)]
pub struct ActorContext {
    /// Folded names ("agnes diallo", "diallo", "o'flaherty") → who they speak for.
    names: BTreeMap<String, Actor>,
    /// The first word of each of `names`: most tokens start no name, and this says so without
    /// building the keys.
    first_words: BTreeSet<String>,
    /// Folded names of foreign ministers of countries the tool has no slug for ("De Oekraïense
    /// minister … Sybiha"): "Minister Sybiha" is then not the Netherlands'.
    foreign: BTreeSet<String>,
    /// Member states the item has named as holding the presidency ("het Belgische
    /// voorzitterschap"): "België" alone, or its minister, then speaks as the presidency.
    presidency: BTreeSet<&'static str>,
    /// The actors of the last sentence read, for a pronoun that opens the next paragraph.
    last: Vec<Actor>,
    /// The member state that held the presidency on the meeting's date (not the Netherlands,
    /// whose ministers the writers name as their own): its ministers chair, and speak as the
    /// presidency ("De Ierse minister van Buitenlandse Zaken gaf een nadere uiteenzetting …" in
    /// April 2004).
    chair: Option<&'static str>,
    /// The agency the item named last: "Het Agentschap biedt …" after "Frontex ondersteunt …".
    agency: Option<Actor>,
}

/// The rotating presidency of the Council: each year, the member states holding it in the
/// first and in the second half.
#[rustfmt::skip]
const PRESIDENCIES: &[(i32, [&str; 2])] = &[
    (1999, ["duitsland", "finland"]), (2000, ["portugal", "frankrijk"]),
    (2001, ["zweden", "belgie"]), (2002, ["spanje", "denemarken"]),
    (2003, ["griekenland", "italie"]), (2004, ["ierland", "nederland"]),
    (2005, ["luxemburg", "verenigd-koninkrijk"]), (2006, ["oostenrijk", "finland"]),
    (2007, ["duitsland", "portugal"]), (2008, ["slovenie", "frankrijk"]),
    (2009, ["tsjechie", "zweden"]), (2010, ["spanje", "belgie"]),
    (2011, ["hongarije", "polen"]), (2012, ["denemarken", "cyprus"]),
    (2013, ["ierland", "litouwen"]), (2014, ["griekenland", "italie"]),
    (2015, ["letland", "luxemburg"]), (2016, ["nederland", "slowakije"]),
    (2017, ["malta", "estland"]), (2018, ["bulgarije", "oostenrijk"]),
    (2019, ["roemenie", "finland"]), (2020, ["kroatie", "duitsland"]),
    (2021, ["portugal", "slovenie"]), (2022, ["frankrijk", "tsjechie"]),
    (2023, ["zweden", "spanje"]), (2024, ["belgie", "hongarije"]),
    (2025, ["polen", "denemarken"]), (2026, ["cyprus", "ierland"]),
    (2027, ["litouwen", "griekenland"]),
];

/// The member state that held the presidency of the Council on `date`, if the table knows it.
pub fn presidency_on(date: chrono::NaiveDate) -> Option<&'static str> {
    use chrono::Datelike;
    let (_, halves) = PRESIDENCIES.iter().find(|(y, _)| *y == date.year())?;
    Some(halves[usize::from(date.month() > 6)])
}

fn sorted(mut actors: Vec<Actor>) -> Vec<Actor> {
    actors.sort();
    actors.dedup();
    actors
}

impl ActorContext {
    /// An empty context.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty context for a meeting on `date`: the ministers of the member state that held
    /// the presidency then speak as the presidency.
    pub fn for_meeting(date: chrono::NaiveDate) -> Self {
        Self {
            chair: presidency_on(date).filter(|s| *s != "nederland"),
            ..Self::default()
        }
    }

    /// A minister of the member state in the chair speaks as the presidency.
    fn chairing(&self, actor: Actor) -> Actor {
        match &actor {
            Actor::MemberState(s) if self.chair == Some(s.as_str()) => Actor::Voorzitterschap,
            _ => actor,
        }
    }

    /// Teach the context a person's name: afterwards a sentence that starts with it ("Salmi
    /// benadrukte …") has `actor` as its subject. Names match whole words, ignoring case and
    /// diacritics.
    pub fn learn_name(&mut self, name: &str, actor: Actor) {
        let toks = tokenize(name);
        let span = (0, toks.len());
        self.learn_span(&toks, span, &actor);
    }

    /// The actors that are the subject of one sentence (what it reports them saying or doing),
    /// in [`Actor`] order, deduplicated. Learns names from appositions as it goes.
    ///
    /// An actor that is only mentioned — after a preposition ("de toelichting van de
    /// Commissie"), as an object ("riep de Commissie op"), inside a phrase ("De gedachtewisseling
    /// tussen de lidstaten") — is not a subject. A sentence whose subject is a pronoun ("Zij
    /// riepen …") has no actor of its own: [`attribute_sentences`] reads it in its paragraph.
    pub fn subjects(&mut self, sentence: &str) -> Vec<Actor> {
        match self.reading(sentence).0 {
            Reading::Actors(actors, _) => sorted(actors),
            // "beide lidstaten" with no sentence before it: the group.
            Reading::Anaphor => vec![Actor::Lidstaten],
            _ => Vec::new(),
        }
    }

    /// What one sentence says about its actors on its own, and who acts inside its phrases
    /// ([`ActorContext::embedded_agents`]); learns names as it goes.
    fn reading(&mut self, sentence: &str) -> (Reading, Vec<Actor>) {
        let mut t = tokenize(sentence);
        // Who acts is said near the start; the rules look across a sentence several times, so a
        // "sentence" of a whole paragraph with no full stop is read only this far.
        t.truncate(MAX_TOKENS);
        self.learn(&t);
        let embedded = self.embedded_agents(&t);
        let reading = match self.read(&t) {
            // The one member state the item named as the presidency speaks as the presidency.
            Reading::Actors(actors, rule) => {
                let presidency = |a: &Actor| matches!(a, Actor::MemberState(s) if self.presidency.contains(s.as_str()));
                // "De Belgische minister …, Vanackere,": one country, named twice.
                let one = actors.windows(2).all(|w| w[0] == w[1]);
                if one && actors.first().is_some_and(presidency) {
                    Reading::Actors(vec![Actor::Voorzitterschap], rule)
                } else {
                    Reading::Actors(actors, rule)
                }
            }
            r => r,
        };
        (reading, embedded)
    }

    fn read(&self, t: &[Tok<'_>]) -> Reading {
        // Bullets, quotes and dashes before the first word.
        let Some(mut start) = t.iter().position(|x| x.word) else {
            return Reading::Nothing;
        };
        // A point of a numbered list: "2. Mijn inzet op de thema's …".
        let numbered = t[start].fold.chars().all(|c| c.is_ascii_digit())
            && t.get(start + 1)
                .is_some_and(|x| x.punct('.') || x.punct(')'))
            && t.get(start + 2).is_some_and(|x| x.word);
        if numbered {
            start += 2;
        }
        // A run-in heading: "Taskforce Middellandse Zeegebied: De Commissie … gaven …".
        if let Some(colon) = run_in_heading(t, start) {
            // With a clause after it: a verb, or an actor that opens it ("…: de lidstaten
            // verwelkomen …", whose plural present the verb reader does not know).
            let after = t[colon + 1..]
                .iter()
                .position(|x| x.word)
                .map(|k| colon + 1 + k);
            let clause = (colon + 1..t.len()).any(|k| is_finite_verb(t, k))
                || after.is_some_and(|k| self.parse_list(t, k, false, false).is_some());
            if clause {
                return self.read(&t[colon + 1..]);
            }
        }
        let reading = self.read_clause(t, start);
        // A meeting taking place is no one's act: "Op 22 juni vond de Raad Algemene Zaken
        // plaats".
        if let Reading::Actors(actors, _) = &reading {
            let meeting = |a: &Actor| {
                *a == Actor::Raad
                    || matches!(a, Actor::Other(s) if s == "europese-raad" || s == "eurogroep")
            };
            if !actors.is_empty() && actors.iter().all(meeting) && takes_place(t) {
                return Reading::Nothing;
            }
            // "Tevens komt Polen en rechtsstaat als informatiepunt aan de orde": a topic.
            if topic_raised(t) {
                return Reading::Nothing;
            }
            // "Bijgaand treft uw Kamer …", "Met deze brief ontvangt uw Kamer …": the letter's
            // addressee receives; it does not act.
            let kamer = |a: &Actor| matches!(a, Actor::Other(s) if s == "tweede-kamer");
            let receives = t.iter().any(|x| {
                x.is_any(&[
                    "treft",
                    "ontvangt",
                    "ontvangen",
                    "ontving",
                    "krijgt",
                    "kreeg",
                    "toekomen",
                ])
            });
            if actors.iter().all(kamer) && receives {
                return Reading::Nothing;
            }
            // "Bulgarije is op weg de gestelde doelstellingen … te realiseren": how a country
            // is doing, as someone's report tells it, not its act.
            let on_track = t.windows(3).any(|w| {
                w[0].is_any(&["is", "zijn", "was", "waren"])
                    && w[1].is("op")
                    && w[2].is_any(&["weg", "koers", "schema"])
            });
            if on_track && !actors.contains(&Actor::Nederland) {
                return Reading::Nothing;
            }
            // "Via dit mechanisme kunnen de Raad en het Europees Parlement … identificeren": what
            // an instrument enables, described; no one acts.
            let enabled = t.get(start).is_some_and(|x| x.is_any(&["via", "dankzij"]))
                && t.get(start + 1)
                    .is_some_and(|x| x.is_any(&["dit", "deze", "dat", "die"]))
                && t.get(start + 3)
                    .is_some_and(|x| x.is_any(&["kan", "kunnen"]));
            if enabled {
                return Reading::Nothing;
            }
            // "Minister Store (Noorwegen) was bij een deel van de discussie aanwezig": being
            // there is no act (the government's own representation is: it reports whom it sent).
            if present(t) && !actors.contains(&Actor::Nederland) {
                return Reading::Present(actors.clone());
            }
        }
        // Main clauses joined by a semicolon or ", waarna" each have their subject: "De
        // Commissie zal … toelichten, waarna de leden van de Raad … van gedachten wisselen".
        if let Reading::Actors(mut actors, rule) = reading {
            for k in joined_clauses(t) {
                if let Some((more, _)) = self.parse_list(t, k, false, false) {
                    actors.extend(more);
                }
            }
            // "De Commissie zal samen met Hoge Vertegenwoordiger … Solana een inventarisatie
            // maken": both act. Not "samen met de lidstaten": how the Commission works (with
            // all of them), not a position of theirs (the shipped report, item 14).
            {
                let subordinate = subordinate_spans(t);
                for k in 0..t.len().saturating_sub(1) {
                    if t[k].is("samen") && t[k + 1].is("met") && !subordinate[k] {
                        // "samen met diverse andere lidstaten" pleaded too; "samen met de
                        // lidstaten" is how the Commission works.
                        let all = t.get(k + 2).is_some_and(|x| x.is("de"))
                            && t.get(k + 3).is_some_and(|x| x.is("lidstaten"));
                        if let Some((more, _)) = self.parse_list(t, k + 2, false, false) {
                            actors.extend(
                                more.into_iter()
                                    .filter(|a| !(all && *a == Actor::Lidstaten)),
                            );
                        }
                    }
                }
            }
            // "Nederland presenteerde als voorzitter de prioriteiten …": a country acting as the
            // presidency is both.
            let as_chair = t
                .windows(2)
                .any(|w| w[0].is("als") && w[1].is_any(&["voorzitter", "voorzitterschap"]));
            let country = actors
                .iter()
                .any(|a| matches!(a, Actor::Nederland | Actor::MemberState(_)));
            if as_chair && country {
                actors.push(Actor::Voorzitterschap);
            }
            return Reading::Actors(actors, rule);
        }
        reading
    }

    /// What one clause that opens at `start` says about its actors.
    fn read_clause(&self, t: &[Tok<'_>], start: usize) -> Reading {
        // "Wat de CIE betreft" with nothing after it: no clause to read.
        let Some(first) = t.get(start) else {
            return Reading::Nothing;
        };

        // The state of play and the Council's discussion are no one's position, whoever opened
        // the paragraph: "Op het moment van schrijven …", "Posities van lidstaten lopen uiteen".
        if state_of_play(t, start) {
            // "De discussie werd ingeleid door Eurocommissaris Dombrovskis": who opened it acts.
            if let Some(agent) = self.passive_agent(t) {
                return Reading::Actors(agent, Rule::PassiveAgent);
            }
            return Reading::StateOfPlay;
        }

        // "De Raad werd voorgezeten door de Belgische ministers …", "De Raad stond onder
        // Voorzitterschap van dhr. Mars di Bartolomeo van Luxemburg": who chairs is the
        // presidency, whoever it is named as.
        if let Some(k) = chaired_by(t) {
            // "dhr. Mars di Bartolomeo", "minister mw. C. Villalobos Talero": a name.
            let named = t.get(k).is_some_and(|x| {
                x.word && (x.cap() || x.is_any(&["dhr", "de", "mevrouw", "mw", "minister"]))
            });
            if named || self.parse_list(t, k, false, false).is_some() {
                return Reading::Actors(vec![Actor::Voorzitterschap], Rule::Chair);
            }
        }
        // Views with their holder: "Volgens Nederland is dat nodig …", "Voor Nederland is het
        // van belang dat …" (agendas), "De Duitse en Nederlandse insteek is …".
        if first.is("volgens") {
            if let Some((actors, _)) = self.parse_list(t, start + 1, false, false) {
                return Reading::Actors(actors, Rule::ViewHolder);
            }
        }
        // "Door Nederland en ook andere lidstaten is gepleit voor …": the agent, fronted.
        if first.is("door") {
            if let Some((actors, end)) = self.parse_list(t, start + 1, false, false) {
                let aux = ["is", "zijn", "werd", "werden", "wordt", "worden"];
                if t.get(end).is_some_and(|x| x.is_any(&aux)) {
                    return Reading::Actors(actors, Rule::PassiveAgent);
                }
            }
        }
        if first.is("voor") {
            if let Some((actors, end)) = self.parse_list(t, start + 1, false, false) {
                if is_finite_verb(t, end) {
                    return Reading::Actors(actors, Rule::ViewHolder);
                }
            }
        }
        if let Some(actors) = position_holders(t, start) {
            // "De Nederlandse inzet … staat genoemd onder agendapunt 14": where the position is
            // written, not the position.
            if is_reference(t, start) {
                return Reading::Reference;
            }
            // "De Nederlandse wens … is door de Raad overgenomen": both.
            let mut actors = actors;
            let verb = main_verb_from(t, &subordinate_spans(t), start);
            if let Some(Some(agent)) = verb.and_then(|k| self.passive(t, k)) {
                actors.extend(agent);
            }
            return Reading::Actors(actors, Rule::ViewHolder);
        }
        // "Mijn bezoek bouwde voort op …", "Onze inzet blijft …": the writers' own.
        if first.is_any(&["mijn", "onze"])
            && t.get(start + 1).is_some_and(|x| x.word && x.lower())
            && (start + 2..t.len()).any(|k| is_finite_verb(t, k))
        {
            return Reading::Actors(vec![Actor::Nederland], Rule::Writers);
        }
        // "Het streven van het voorzitterschap is …", "Het is de inzet van het voorzitterschap
        // om …": the holder of the aim.
        if let Some(k) = aim_of(t, start) {
            if let Some((actors, _)) = self.parse_list(t, k, false, false) {
                return Reading::Actors(actors, Rule::ViewHolder);
            }
        }
        // "Het is mijn streven te komen tot …": the writers' own aim.
        if own_aim(t, start) {
            return Reading::Actors(vec![Actor::Nederland], Rule::Writers);
        }
        // "Er bleek brede overeenstemming te bestaan over …": the member states, agreeing.
        if broad_agreement(t, start) {
            return Reading::Actors(vec![Actor::Lidstaten], Rule::Consensus);
        }
        // "wil ik u informeren dat het voorzitterschap … heeft laten weten": the one whose act
        // the writers pass on.
        if let Some(k) = passed_on(t, start) {
            if let Some((actors, _)) = self.parse_list(t, k, false, false) {
                return Reading::Actors(actors, Rule::PassedOn);
            }
        }
        // "De verwachting is dat het Fins voorzitterschap … zal agenderen".
        if let Some(k) = expected_clause(t, start) {
            if let Some((actors, _)) = self.parse_list(t, k, false, false) {
                return Reading::Actors(actors, Rule::Expected);
            }
        }

        // "Een nota van het Belgische voorzitterschap lag voor": the author of the paper.
        if let Some(k) = authored_at(t, start) {
            if let Some((actors, _)) = self.parse_list(t, k, false, false) {
                return Reading::Actors(actors, Rule::Author);
            }
        }

        // "Wat Nederland betreft, heeft de Europese Commissie dit gedaan": the one whose view
        // frames the sentence, and its subject.
        if first.is("wat") {
            if let Some((mut actors, end)) = self.parse_list(t, start + 1, false, false) {
                if t.get(end).is_some_and(|x| x.is("betreft")) {
                    if let Reading::Actors(more, _) = self.read_clause(t, end + 1) {
                        actors.extend(more);
                    }
                    return Reading::Actors(actors, Rule::ViewHolder);
                }
            }
        }

        // A sentence-initial subject, optionally after a focus adverb.
        let allow_als = first.is("zowel");
        let s = if first.is_any(FOCUS) {
            start + 1
        } else {
            start
        };
        if anaphor_at(t, s) {
            return Reading::Anaphor;
        }
        let without_actor = || {
            if self.co_writers(t) || writer_in_clause(t) {
                Reading::Actors(vec![Actor::Nederland], Rule::Writers)
            } else if let Some(actors) = self.holder_anywhere(t, start) {
                Reading::Actors(actors, Rule::ViewHolder)
            } else if let Some(actors) = self.paper_anywhere(t, start) {
                Reading::Actors(actors, Rule::Author)
            } else if let Some(actors) = self.initiative(t) {
                Reading::Actors(actors, Rule::PassiveAgent)
            } else if let Some(actors) = self.participle_agent(t) {
                Reading::Actors(actors, Rule::PassiveAgent)
            } else if passive_reaching_back(t) {
                Reading::PassiveBack
            } else if is_view(t, start) || continues_argument(t, start) {
                Reading::View
            } else if writers_judgement(t) {
                Reading::Actors(vec![Actor::Nederland], Rule::WritersJudgement)
            } else if let Some(actors) = purpose_holders(t, start) {
                Reading::Actors(actors, Rule::Purpose)
            } else if let Some(actors) = self.act_in_clause(t) {
                Reading::Actors(actors, Rule::ActInClause)
            } else if support_found(t) {
                Reading::Actors(vec![Actor::Lidstaten], Rule::Consensus)
            } else {
                Reading::Nothing
            }
        };
        if let Some((actors, end)) = self.parse_list(t, s, allow_als, false) {
            // The subject of a passive is what is done, not who does it: "De lidstaten waren
            // door het Voorzitterschap uitgenodigd" is the presidency's act.
            // The subject's verb: the first finite verb after it ("De Raadsconclusies en de
            // daarin genoemde acties … worden door de lidstaten verwelkomd").
            let subordinate = subordinate_spans(t);
            // "De meeste lidstaten beschouwen …": a present plural right after the subject is
            // its verb (the reader knows the plural only of the auxiliaries).
            let verb = if plural_present(t, end) {
                end
            } else {
                main_verb_from(t, &subordinate, end).unwrap_or(end)
            };
            return self.subject_clause(t, actors, end, verb, Rule::Subject, without_actor);
        }
        if let Some(r) = pronoun_subject(t, s, start) {
            // "Ik heb … kennisgemaakt met diverse collega-ministers": the writers and those
            // they met.
            if let Reading::Actors(actors, Rule::Writers) = &r {
                if let Some(others) = self.talks_with(t, s + 1) {
                    let mut actors = actors.clone();
                    actors.extend(others);
                    return Reading::Actors(actors, Rule::TalksWith);
                }
            }
            return r;
        }

        // "Er was onder de lidstaten brede steun …": the group that supports. Only groups:
        // "Onder het Spaanse voorzitterschap is … bereikt" says when, not who.
        if t.iter().any(|x| x.is("er")) || first.is("onder") {
            for k in start..t.len() {
                if t[k].is("onder") {
                    if let Some((actors, _)) = self.parse_list(t, k + 1, false, false) {
                        if actors.iter().all(|a| *a == Actor::Lidstaten) {
                            return Reading::Actors(actors, Rule::ViewHolder);
                        }
                    }
                }
            }
        }

        // "In de (volledige) tafelronde was er brede steun …": the member states speak in turn.
        if tour_de_table(t, start) {
            return Reading::Actors(vec![Actor::Lidstaten], Rule::TourDeTable);
        }

        // "… werd … door de lidstaten vooruitgeblikt": the agent of a passive.
        if let Some(actors) = self.passive_agent(t) {
            return Reading::Actors(actors, Rule::PassiveAgent);
        }

        // Another subject at the start: a pronoun, or a phrase with an article that is no
        // actor ("De richtlijn bevat …", "Het is daarbij van belang …").
        if first.is_any(PRONOUNS) {
            return without_actor();
        }
        if first.is_any(&["de", "het", "een", "deze"]) {
            let mut is_time = false;
            for k in start + 1..t.len() {
                if is_finite_verb(t, k) || t[k].punct(',') {
                    break;
                }
                if t[k].is_any(TIME_WORDS) {
                    is_time = true;
                    break;
                }
            }
            if !is_time {
                return without_actor();
            }
        }

        // "Voorzitter Van Rompuy bedankte het EP …": a person by title and name opens the
        // sentence as its subject (whose, the lexicon does not know); what follows the verb is
        // its object, not an inverted subject.
        let person_title = first.cap()
            && first.is_any(&[
                "voorzitter",
                "minister",
                "commissaris",
                "staatssecretaris",
                "premier",
                "president",
                "bondskanselier",
                "dhr",
                "mevrouw",
                "mw",
            ]);
        if person_title && self.name_run(t, start + 1).is_some() {
            // "Mevrouw Kövesi heeft …" after "De Hoofdaanklager van het EOM, mevrouw Kövesi,":
            // a name the item taught.
            if let Some(np) = self.learned_at(t, start + 1) {
                let verb = main_verb_from(t, &subordinate_spans(t), np.end).unwrap_or(np.end);
                return self.subject_clause(
                    t,
                    vec![np.actor],
                    np.end,
                    verb,
                    Rule::Subject,
                    without_actor,
                );
            }
            return without_actor();
        }
        // The first actor phrase right after a finite verb: the inverted subject of a main
        // clause that opens with an adverbial. After an opening adverb the next word is that verb
        // ("Daarnaast verwelkomt de Commissie …").
        let v2 = clause_adverb_end(t, start).or_else(|| purpose_clause_end(t, start));
        let subordinate = subordinate_spans(t);
        for k in start..t.len() {
            // In a subordinate clause the verb comes last: an actor after it is its object
            // ("…, die … Frankrijk en Nederland beschuldigde …").
            // "Voorafgaand aan de RAZEB vergaderen de defensieministers …": a present plural
            // right before an actor phrase is the verb.
            let plural_before_actor = plural_present(t, k)
                && k > start
                && self.parse_list(t, k + 1, false, false).is_some();
            if (!is_finite_verb(t, k) && Some(k) != v2 && !plural_before_actor) || subordinate[k] {
                continue;
            }
            // "Wat betreft de motie Heutink; …": what "betreft" names is the topic.
            if t[k].is("betreft") {
                continue;
            }
            let mut j = k + 1;
            while t.get(j).is_some_and(|x| x.is_any(BETWEEN_VERB_AND_SUBJECT)) {
                j += 1;
            }
            if anaphor_at(t, j) {
                return Reading::Anaphor;
            }
            // "Zo noemden sommigen uitbreiding".
            if some_of_them(t, j).is_some() {
                return Reading::Actors(vec![Actor::Lidstaten], Rule::InvertedSubject);
            }
            // "Hieronder volgt de Nederlandse inzet voor …".
            if let Some(actors) = position_holders(t, j) {
                return Reading::Actors(actors, Rule::ViewHolder);
            }
            if let Some(a) = authored_at(t, j) {
                if let Some((actors, _)) = self.parse_list(t, a, false, false) {
                    return Reading::Actors(actors, Rule::Author);
                }
            }
            if let Some((actors, end)) = self.parse_list(t, j, false, false) {
                // "Voorts werden de lidstaten gevraagd …": what is done, not who does it.
                return self.subject_clause(
                    t,
                    actors,
                    end,
                    k,
                    Rule::InvertedSubject,
                    without_actor,
                );
            }
            match t.get(j) {
                Some(x) if x.is_any(WRITER_PRONOUNS) => {
                    // "Daarnaast heb ik gesproken met de minister van Roemenië".
                    if let Some(others) = self.talks_with(t, j + 1) {
                        let mut actors = vec![Actor::Nederland];
                        actors.extend(others);
                        return Reading::Actors(actors, Rule::TalksWith);
                    }
                    return Reading::Actors(vec![Actor::Nederland], Rule::Writers);
                }
                // "Ook lichtten zij …", "Allereerst stond het stil …".
                Some(x) if x.is_any(&["zij", "ze", "hij"]) => return Reading::Pronoun,
                // "In uw brief … heeft u mij gevraagd …": in a letter to the Kamer, "u" is the
                // Kamer, and asking is its act (receiving, "treft u aan", is not).
                Some(x)
                    if x.is("u")
                        && t[j + 1..]
                            .iter()
                            .take_while(|y| !y.punct(','))
                            .any(|y| y.is_any(&["gevraagd", "verzocht"])) =>
                {
                    return Reading::Actors(
                        vec![Actor::Other("tweede-kamer".into())],
                        Rule::InvertedSubject,
                    );
                }
                // "Allereerst stond het stil", but "neemt het aantal … af": "het" before a
                // noun is its article.
                Some(x)
                    if x.is("het") && !t[k].is_any(DUMMY_VERBS) && !article_of_a_noun(t, j + 1) =>
                {
                    return Reading::Pronoun
                }
                // "is het van belang", "treft u": no actor subject.
                Some(x) if x.is_any(PRONOUNS) || x.is("het") => break,
                _ => {}
            }
        }
        without_actor()
    }

    /// What a clause says once its subject (`actors`, ending at `end`) and its finite verb are
    /// found: a passive gives its agent ("De lidstaten waren door het Voorzitterschap
    /// uitgenodigd") or, without one, no actor of its own; a talk adds those talked with;
    /// otherwise the subject, by `rule`.
    fn subject_clause(
        &self,
        t: &[Tok<'_>],
        mut actors: Vec<Actor>,
        end: usize,
        verb: usize,
        rule: Rule,
        without_actor: impl Fn() -> Reading,
    ) -> Reading {
        match self.passive(t, verb) {
            Some(Some(agent)) => return Reading::Actors(agent, Rule::PassiveAgent),
            Some(None) => return without_actor(),
            None => {}
        }
        // "In de Raad zijn twee raadsconclusies aangenomen": conclusions speak for the Council
        // ("De Raadsconclusies onderstrepen …"), but here they are what was adopted; a text has
        // no perfect tense of its own.
        let verb_is = |words: &[&str]| t.get(verb).is_some_and(|x| x.is_any(words));
        let text = end > 0 && t[end - 1].fold.ends_with("conclusies");
        if text && verb_is(ZIJN) && t[verb + 1..].iter().any(participle) {
            return without_actor();
        }
        // "Het Oostenrijks voorzitterschap zou bovendien … een tussenbalans moeten opmaken", "De
        // Europese Raad zou … melding kunnen maken van …": what someone proposes another should
        // or could do is the proposer's view (the sentence before), not the other's act. The
        // Netherlands' own conditional ("Nederland zou kunnen instemmen") is its position.
        let subordinate = subordinate_spans(t);
        let proposed = verb_is(&["zou", "zouden"])
            && (verb + 1..t.len()).any(|k| !subordinate[k] && t[k].is_any(&["moeten", "kunnen"]));
        if proposed && !actors.contains(&Actor::Nederland) {
            return Reading::View;
        }
        if let Some(others) = self.talks_with(t, end) {
            actors.extend(others);
            return Reading::Actors(actors, Rule::TalksWith);
        }
        Reading::Actors(actors, rule)
    }

    /// The agent of a passive: "werd … door de lidstaten vooruitgeblikt", "die werd
    /// geïntroduceerd door de directeur van het grondrechtenagentschap". Only with a passive
    /// auxiliary before it, and not an agent inside an adjective ("de eerder door het Europees
    /// Parlement opgeschorte triloogonderhandelingen").
    fn passive_agent(&self, t: &[Tok<'_>]) -> Option<Vec<Actor>> {
        // A form of "worden" anywhere ("zal … door Ministers worden besproken"), or a form of
        // "zijn" before the agent with a participle after it ("is door de Raad en het Europees
        // Parlement een compromis bereikt").
        let worden = t.iter().any(|x| x.is_any(PASSIVE_AUXILIARIES));
        let zijn = t.iter().position(|x| x.is_any(ZIJN));
        if !worden && zijn.is_none() {
            return None;
        }
        for k in 1..t.len() {
            // Who attends or takes part is there, not acting (see [`present`]): "de zitting,
            // waaraan alleen zal worden deelgenomen door de Staatshoofden …".
            if !t[k].is("door") || t[k - 1].is_any(ATTENDANCE) {
                continue;
            }
            // "Na de presentatie door HV Mogherini … zal de EUGS openbaar worden gemaakt": the
            // agent of a noun in a fronted prepositional phrase (before the finite verb), not
            // of the passive.
            let of_noun = k >= 3
                && t[k - 1].word
                && t[k - 1].lower()
                && !participle(&t[k - 1])
                && t[k - 2].is_any(&["de", "het", "een"])
                && t[k - 3].is_any(PREPOSITIONS)
                && !(0..k - 3).any(|j| is_finite_verb(t, j));
            if of_noun {
                continue;
            }
            if !worden {
                // "is goedkeuring door het Europees Parlement vereist": the agent of a noun.
                let nominal = t[k - 1].lower() && t[k - 1].fold.ends_with("ing");
                let after_zijn = zijn.is_some_and(|z| z < k) && !nominal;
                // The participle after the agent, or between "zijn" and it: "Het MFK is in deze
                // Raad geagendeerd als informatiepunt door het voorzitterschap".
                let participle_after = t[k + 1..].iter().any(participle)
                    || zijn.is_some_and(|z| z < k && t[z + 1..k].iter().any(participle));
                if !(after_zijn && participle_after) {
                    continue;
                }
            }
            if let Some((actors, end)) = self.parse_list(t, k + 1, false, false) {
                if !adjectival_after(t, end) {
                    return Some(actors);
                }
            }
        }
        None
    }
}

impl ActorContext {
    /// Whether the main clause whose finite verb stands at `k` is a passive, and its agent:
    /// `Some(Some(agent))` for "werd … door de lidstaten vooruitgeblikt", "waren door het
    /// Voorzitterschap uitgenodigd"; `Some(None)` for a passive without agent ("werden de
    /// lidstaten gevraagd"); `None` for an active clause. A form of "worden" with a participle
    /// after it is a passive; a form of "zijn" only with an agent and a participle after it ("is
    /// besproken" may be a perfect).
    fn passive(&self, t: &[Tok<'_>], k: usize) -> Option<Option<Vec<Actor>>> {
        // The clause runs to the next comma or semicolon (a participle after it is another
        // clause's).
        let end = (k + 1..t.len())
            .find(|&j| t[j].punct(',') || t[j].punct(';'))
            .unwrap_or(t.len());
        // After a modal the auxiliary comes at the end: "De Raad zal … door de Commissie …
        // worden geïnformeerd".
        let aux = if t.get(k)?.is_any(MODALS) {
            // Not past a relative clause: "zal spreken over de follow-up die gegeven zal
            // worden" is active.
            let subordinate = subordinate_spans(t);
            (k + 1..end)
                .take_while(|&j| !subordinate[j])
                .map(|j| &t[j])
                .find(|x| x.is_any(&["worden", "zijn"]))?
        } else {
            t.get(k)?
        };
        let worden = aux.is_any(WORDEN);
        if !worden && !aux.is_any(ZIJN) {
            return None;
        }
        let mut agent = None;
        let mut j = k + 1;
        // An agent inside a relative clause is that clause's: "is akkoord gegaan met het
        // compromis dat is voorgesteld door het Europees Parlement".
        let subordinate = subordinate_spans(t);
        while j < end {
            if t[j].is("door") && !subordinate[j] {
                if let Some((actors, e)) = self.parse_list(t, j + 1, false, false) {
                    if !adjectival_after(t, e) && agent.is_none() {
                        agent = Some(actors);
                        j = e;
                        continue;
                    }
                }
            }
            j += 1;
        }
        // "Nederland werd vertegenwoordigd door de Permanente Vertegenwoordiger": the one
        // represented is the one who takes part, as in an active clause.
        if t[k + 1..end].iter().any(|x| x.is("vertegenwoordigd")) {
            return None;
        }
        let has_participle = t[k + 1..end].iter().any(participle);
        // "De Hoge Vertegenwoordiger Solana is daarop verzocht contact op te nemen": verbs of
        // asking and telling have no perfect with "zijn", so with it they are passive.
        let asked = t[k + 1..end].iter().any(|x| x.is_any(ASKED_PARTICIPLES));
        match (worden || asked, agent, has_participle) {
            (_, Some(agent), true) => Some(Some(agent)),
            (true, None, true) => Some(None),
            _ => None,
        }
    }

    /// "Een geharmoniseerde regeling verbetert volgens de Commissie het …": the holder of the
    /// view, wherever "volgens" stands; and "…, waaronder één namens Nederland, waarin werd
    /// opgeroepen …": on whose behalf.
    fn holder_anywhere(&self, t: &[Tok<'_>], start: usize) -> Option<Vec<Actor>> {
        let subordinate = subordinate_spans(t);
        (start + 1..t.len())
            .filter(|&k| {
                // "mede namens de Staatssecretaris": a letter's co-signer, not a view; "wie er
                // … namens Nederland zal deelnemen": in a clause of its own, no one's behalf.
                t[k].is("volgens") || (t[k].is("namens") && !t[k - 1].is("mede") && !subordinate[k])
            })
            .find_map(|k| self.parse_list(t, k + 1, false, false))
            .map(|(actors, _)| actors)
            .or_else(|| {
                // "… biedt wat het kabinet betreft de beste vooruitzichten": in its view.
                (start..t.len()).find_map(|k| {
                    if !t[k].is("wat") {
                        return None;
                    }
                    let (actors, end) = self.parse_list(t, k + 1, false, false)?;
                    t.get(end)
                        .is_some_and(|x| x.is_any(&["betreft", "aangaat"]))
                        .then_some(actors)
                })
            })
    }

    /// "Met deze brief ontvangt u, mede namens de Minister van …, het verslag": a letter's
    /// formula that names the government's co-writers is the writers' act, as "Hierbij bied ik
    /// u, mede namens …" is.
    fn co_writers(&self, t: &[Tok<'_>]) -> bool {
        let Some(k) = t
            .windows(2)
            .position(|w| w[0].is("mede") && w[1].is("namens"))
        else {
            return false;
        };
        // "mede namens de Minister-President": the government's own head.
        let mut j = k + 2;
        if t.get(j).is_some_and(|x| x.is("de")) {
            j += 1;
        }
        t.get(j).is_some_and(|x| x.is("minister-president"))
            || self
                .parse_list(t, k + 2, false, false)
                .is_some_and(|(actors, _)| actors.contains(&Actor::Nederland))
    }

    /// "lag aan de ministers een nota van het Belgische voorzitterschap voor": a paper with its
    /// author that is not the object of a preposition, in a sentence with no actor of its own.
    fn paper_anywhere(&self, t: &[Tok<'_>], start: usize) -> Option<Vec<Actor>> {
        (start + 1..t.len()).find_map(|k| {
            let det = &t[k - 1];
            // "conform de brief van de Staatssecretaris": a reference, not a paper that acts.
            let free = det.is_any(&["een", "de", "het"])
                && !(k >= 2
                    && (t[k - 2].is_any(PREPOSITIONS)
                        || t[k - 2].is_any(&["conform", "overeenkomstig", "ingevolge", "zoals"])));
            if !free {
                return None;
            }
            let a = authored_at(t, k - 1)?;
            self.parse_list(t, a, false, false)
                .map(|(actors, _)| actors)
        })
    }

    /// "de voorlopige agenda zoals uitgebracht door het Deense Voorzitterschap", "aanbevelingen
    /// … opgesteld door de EU-CTC": the agent after a participle, in a sentence with no actor of
    /// its own.
    fn participle_agent(&self, t: &[Tok<'_>]) -> Option<Vec<Actor>> {
        (1..t.len()).find_map(|k| {
            // Who attends or takes part is there, not acting: "de zitting, waaraan alleen zal
            // worden deelgenomen door de Staatshoofden …" (see [`present`]).
            let attended = t[k - 1].is_any(ATTENDANCE);
            if !(t[k].is("door") && participle(&t[k - 1])) || attended {
                return None;
            }
            let (actors, end) = self.parse_list(t, k + 1, false, false)?;
            (!adjectival_after(t, end)).then_some(actors)
        })
    }

    /// "Over de mededeling is een debat gevoerd, waarbij de ministers hebben aangegeven …", "Aan
    /// de Raad lag een … ontwerp-agenda voor, waarin het Brits voorzitterschap de … onderwerpen
    /// uiteen had gezet": in a sentence with no actor of its own, the actor that does something
    /// in a clause on "waarbij"/"waarin"/… (not one to whom something is done: "waarin de
    /// lidstaten worden opgeroepen").
    fn act_in_clause(&self, t: &[Tok<'_>]) -> Option<Vec<Actor>> {
        (1..t.len()).find_map(|k| {
            if !(t[k].is_any(&["waarbij", "waarin", "waarmee", "waarop"]) && t[k - 1].punct(',')) {
                return None;
            }
            let (actors, end) = self.parse_list(t, k + 1, false, false)?;
            let clause_end = (end..t.len())
                .find(|&j| t[j].punct(',') || t[j].punct(';') || t[j].punct('.'))
                .unwrap_or(t.len());
            let passive = t[end..clause_end]
                .iter()
                .any(|x| x.is_any(PASSIVE_AUXILIARIES));
            (!passive).then_some(actors)
        })
    }

    /// Who acts inside a phrase of the sentence rather than as its subject: the agent of a
    /// participle-adjective ("de door de Europese Commissie uitgebrachte mededeling", "de nog
    /// door ER-voorzitter Van Rompuy te verspreiden agenda"), of a passive in a relative clause
    /// ("het compromis dat is voorgesteld door het Europees Parlement"), and the subject of a
    /// relative clause ("de wijzigingen die de Commissie voorstelt", "aan de hand van vragen die
    /// het voorzitterschap had opgesteld"). Not one to whom the clause does something ("waarin de
    /// lidstaten worden opgeroepen").
    fn embedded_agents(&self, t: &[Tok<'_>]) -> Vec<Actor> {
        let subordinate = subordinate_spans(t);
        let clause_end = |from: usize| {
            (from..t.len())
                .find(|&j| t[j].punct(',') || t[j].punct(';') || t[j].punct(':'))
                .unwrap_or(t.len())
        };
        let mut found: Vec<Actor> = Vec::new();
        for k in 1..t.len() {
            if t[k].is("door") {
                // "de door ons georganiseerde bijeenkomst": the writers.
                let writers = t
                    .get(k + 1)
                    .is_some_and(|x| x.is_any(&["ons", "mij"]))
                    .then(|| (vec![Actor::Nederland], k + 2));
                let Some((actors, end)) =
                    writers.or_else(|| self.parse_list(t, k + 1, false, false))
                else {
                    continue;
                };
                // An adverb may stand between: "door de Commissie eerder gepresenteerde".
                let adj = if t.get(end).is_some_and(|x| x.is_any(EMBEDDED_ADVERBS)) {
                    end + 1
                } else {
                    end
                };
                // What the agent made or said: "de door Nederland gedane suggesties", not "de
                // eerder door het Europees Parlement opgeschorte triloogonderhandelingen" (the
                // shipped report's state of play).
                let authored = |x: &Tok<'_>| AUTHORING_STEMS.iter().any(|s| x.fold.contains(s));
                let attributive = (adjectival_after(t, adj) && authored(&t[adj]))
                    || (t.get(adj).is_some_and(|x| x.is("te"))
                        && t.get(adj + 1)
                            .is_some_and(|x| x.word && x.lower() && authored(x)));
                let in_relative = subordinate[k]
                    && (0..k)
                        .rev()
                        .take_while(|&j| subordinate[j])
                        .any(|j| t[j].is_any(&["die", "dat", "welke"]) && after_noun(t, j))
                    && (k..clause_end(k))
                        .chain(relative_start(&subordinate, k)..k)
                        .any(|j| t[j].is_any(PASSIVE_AUXILIARIES) || t[j].is_any(ZIJN));
                let attended = t[k.saturating_sub(3)..k]
                    .iter()
                    .any(|x| x.is_any(ATTENDANCE));
                if (attributive || in_relative) && !attended {
                    found.extend(actors);
                }
                continue;
            }
            // "het standpunt van de Commissie", "het streven van het Voorzitterschap", "de wens
            // van een groot aantal lidstaten": a view held, whoever the sentence's subject is.
            // Not its papers ("het voorstel van de Commissie" is a topic), nor "inzet" and
            // "inbreng", which may be mere effort.
            // "een gemeenschappelijk standpunt van de Raad" is an act to be adopted, a
            // procedure's step, not a view held.
            let common = k >= 2 && t[k - 2].is_any(&["gemeenschappelijk", "gezamenlijk"]);
            if t[k].is("van") && t[k - 1].is_any(HELD_VIEWS) && !common {
                if let Some((actors, _)) = self.parse_list(t, k + 1, false, false) {
                    found.extend(actors);
                }
                continue;
            }
            // "de wijzigingen die de Commissie voorstelt", "het rapport dat de Commissie
            // presenteerde": the subject of a relative clause (its pronoun after a noun), not of
            // "dat" after a verb ("benadrukte dat de lidstaten …", "vindt het onacceptabel dat
            // de Commissie …").
            if t[k].is_any(&["die", "dat", "welke"]) && subordinate[k] && after_noun(t, k) {
                let Some((actors, end)) = self.parse_list(t, k + 1, false, false) else {
                    continue;
                };
                // "een afspraak die het Europees Parlement richting geeft": a bare noun and the
                // verb after the actor make it the object, the pronoun the subject.
                let object = t.get(end).is_some_and(|x| {
                    x.word
                        && x.lower()
                        && !x.finite
                        && !x.is_any(DETERMINERS)
                        && !x.is_any(PREPOSITIONS)
                        && !x.is_any(FUNCTION_WORDS)
                        && !x.is_any(CLAUSE_ADVERBS)
                        && !x.is_any(TIME_WORDS)
                        && !x.is_any(EMBEDDED_ADVERBS)
                }) && t.get(end + 1).is_some_and(|x| x.finite);
                if object {
                    continue;
                }
                // Nor one present at it: "die ook werd bijgewoond door …" (see [`present`]).
                let done_to = t[end..clause_end(end)]
                    .iter()
                    .any(|x| x.is_any(PASSIVE_AUXILIARIES) || x.is_any(ATTENDANCE));
                if !done_to {
                    found.extend(actors);
                }
            }
        }
        // The Kamer's own papers and questions, named in a clause ("de vragen die de Eerste Kamer
        // stelde", "de door uw Kamer ingediende moties"), are what the letter answers, not a
        // position of the Kamer on the matter.
        found.retain(|a| !matches!(a, Actor::Other(s) if s.ends_with("-kamer")));
        found
    }

    /// "Op initiatief van Nederland is … een bepaling opgenomen": who brought it about.
    fn initiative(&self, t: &[Tok<'_>]) -> Option<Vec<Actor>> {
        // "Beide punten zijn van Nederlandse zijde ingebracht": by that side.
        let side = t.windows(3).find_map(|w| {
            (w[0].is("van") && w[2].is("zijde"))
                .then_some(w[1].nationality)
                .flatten()
                .and_then(actor_for_slug)
        });
        if let Some(actor) = side {
            return Some(vec![actor]);
        }
        (0..t.len()).find_map(|k| {
            let words = INITIATIVE.iter().find(|words| {
                t.get(k..k + words.len())
                    .is_some_and(|span| span.iter().zip(words.iter()).all(|(x, w)| x.is(w)))
            })?;
            self.parse_list(t, k + words.len(), false, false)
                .map(|(actors, _)| actors)
        })
    }
}

/// Adverbs that may stand between an agent and its participle-adjective: "de door de
/// Commissie eerder gepresenteerde voorstellen".
const EMBEDDED_ADVERBS: &[&str] = &[
    "eerder",
    "recent",
    "recentelijk",
    "onlangs",
    "reeds",
    "al",
    "nog",
];

/// Stems of the verbs by which someone makes or puts forward a text or a point: a
/// participle-adjective of one names its author ("de door de Commissie gepresenteerde
/// voorstellen", "het door Nederland benadrukte belang", "de nog door ER-voorzitter Van Rompuy
/// te verspreiden agenda").
#[rustfmt::skip]
const AUTHORING_STEMS: &[&str] = &[
    "presenteer", "stel", "daan", "doen", "bracht", "breng", "publiceer", "kondig", "dien",
    "nomen", "neem", "opper", "benadruk", "bereid", "spreid", "initieer", "organiseer",
    "formuleer", "lever", "maakt", "maken", "schrev", "schrijv", "zond", "stuur", "werkt",
    // And views of it: "het door Nederland bekritiseerde opschortingsmechanisme".
    "bekritiseer", "bepleit", "gesteund", "verworpen",
];

/// Nouns of a view or an aim held, whose holder follows with "van" ([`ActorContext::embedded_agents`]).
#[rustfmt::skip]
const HELD_VIEWS: &[&str] = &[
    "standpunt", "standpunten", "streven", "lijn", "wens", "wensen", "zorg", "zorgen", "oproep",
    "prioriteit", "prioriteiten", "voorkeur", "opvatting", "visie", "mening", "ambitie",
    "ambities",
];

/// Being there, not acting: who attends or takes part ("die werd bijgewoond door …", "waaraan
/// zal worden deelgenomen door …") or is "aanwezig" (see [`present`]).
const ATTENDANCE: &[&str] = &["deelgenomen", "bijgewoond", "aanwezig"];

/// The first finite verb of the main clause from `from` on: the verb of a subject that ends
/// there.
fn main_verb_from(t: &[Tok<'_>], subordinate: &[bool], from: usize) -> Option<usize> {
    (from..t.len())
        .take_while(|&k| !subordinate[k])
        .find(|&k| is_finite_verb(t, k))
}

/// Where the subordinate clause that holds token `k` begins.
fn relative_start(subordinate: &[bool], k: usize) -> usize {
    (0..=k)
        .rev()
        .take_while(|&j| subordinate[j])
        .last()
        .unwrap_or(k)
}

/// Nouns after which "dat" opens a clause of time, not a relative one: "op het moment dat de
/// Raad overeenstemming heeft bereikt".
const TIME_NOUNS: &[&str] = &["moment", "tijdstip", "ogenblik", "tijd", "dag", "jaar"];

/// Whether the relative pronoun at `k` follows a noun with its determiner ("de wijzigingen
/// die", "een uitgebreid consultatieproces dat", "de Strategische Agenda die"): not a verb ("stelde
/// vast dat"), nor "het" + adjective after a verb ("vindt het onacceptabel dat", "is het nodig
/// dat").
fn after_noun(t: &[Tok<'_>], k: usize) -> bool {
    let noun = &t[k - 1];
    let not_a_noun = |x: &Tok<'_>| {
        !x.word
            || x.finite
            || x.is_any(PREPOSITIONS)
            || x.is_any(FUNCTION_WORDS)
            || x.is_any(CLAUSE_ADVERBS)
            || ["daar", "hier", "waar"]
                .iter()
                .any(|p| x.fold.starts_with(p))
    };
    // "… aangegeven dat": a participle; "de wijzigingen die" has the shape of one.
    let verbal = participle(noun) && !noun.fold.ends_with("ingen");
    if not_a_noun(noun) || verbal || noun.is_any(TIME_NOUNS) {
        return false;
    }
    // The determiner, with up to three adjectives or name words between: "de acht wetgevende
    // voorstellen", "een uitgebreid consultatieproces", "de Strategische Agenda".
    let adjective =
        |x: &Tok<'_>| !not_a_noun(x) && (x.cap() || x.fold.ends_with('e') || participle(x));
    (k.saturating_sub(5)..k - 1).rev().any(|d| {
        t[d].is_any(DETERMINERS)
            && t[d + 1..k - 1].iter().all(adjective)
            && !(t[d].is("het") && d > 0 && t[d - 1].finite)
    })
}

/// Whether the word at `k`, after an agent "door X", makes the phrase an adjective ("de door
/// het Europees Parlement opgeschorte triloog"): a participle-adjective on "-e", not a
/// determiner ("werd door de Commissie de noodzaak … benadrukt").
fn adjectival_after(t: &[Tok<'_>], k: usize) -> bool {
    t.get(k).is_some_and(|x| {
        x.word
            && x.lower()
            && x.fold.ends_with('e')
            && !x.is_any(DETERMINERS)
            && !x.is_any(FUNCTION_WORDS)
    })
}

/// Whether the word at `k`, after "het", is a noun it is the article of ("het aantal
/// besmettingen") rather than what follows a pronoun subject ("stond het stil", "gaf het aan",
/// "heeft het voorgesteld"): a lowercase word of five letters or more that is no preposition,
/// particle, adverb or participle.
fn article_of_a_noun(t: &[Tok<'_>], k: usize) -> bool {
    t.get(k).is_some_and(|x| {
        x.word
            && x.lower()
            && x.fold.chars().count() >= 5
            && !x.is_any(PREPOSITIONS)
            && !x.is_any(FUNCTION_WORDS)
            && !x.is_any(CLAUSE_ADVERBS)
            && !x.is_any(&[
                "vervolgens",
                "daarbij",
                "hierbij",
                "daarnaast",
                "nogmaals",
                "zich",
            ])
            && !participle(x)
            && !x.finite
    })
}

/// Subordinators: a relative pronoun or a conjunction that opens a clause with its verb last.
#[rustfmt::skip]
const SUBORDINATORS: &[&str] = &[
    "die", "dat", "welke", "waarin", "waarop", "waarmee", "waarbij", "waarover", "waarvan",
    "omdat", "nadat", "voordat", "zodat", "wanneer", "terwijl", "hoewel", "indien", "doordat",
    "opdat", "zodra", "mits", "tenzij", "aangezien", "alvorens", "totdat", "wie", "waarom",
];

/// For each token, whether it stands in a subordinate clause: from a subordinator (not the
/// sentence's first word, where "Dat"/"Die" may be a subject, nor a determiner after a
/// preposition) to the next comma, semicolon or colon.
fn subordinate_spans(t: &[Tok<'_>]) -> Vec<bool> {
    let first = t.iter().position(|x| x.word).unwrap_or(0);
    let mut inside = false;
    t.iter()
        .enumerate()
        .map(|(k, x)| {
            if x.punct(',') || x.punct(';') || x.punct(':') {
                inside = false;
            } else if k > first && x.is_any(SUBORDINATORS) {
                // "In dat licht": after a preposition "dat"/"die" is a determiner; but not before
                // a subject ("ijvert er … voor dat deze Agenda …").
                let before_subject = t.get(k + 1).is_some_and(|n| {
                    !n.word
                        || n.cap()
                        || n.is_any(DETERMINERS)
                        || n.is_any(PRONOUNS)
                        || n.is_any(&["er", "deze", "dit", "die", "dat"])
                });
                let determiner =
                    x.is_any(&["dat", "die"]) && t[k - 1].is_any(PREPOSITIONS) && !before_subject;
                inside |= !determiner;
            }
            inside
        })
        .collect()
}

/// Where the verb of a main clause that opens with a purpose clause stands: "Om de doelstelling
/// binnen bereik te brengen meent Nederland …" (the word after "te" and its infinitive).
fn purpose_clause_end(t: &[Tok<'_>], start: usize) -> Option<usize> {
    if !t.get(start)?.is("om") {
        return None;
    }
    let te = (start + 1..t.len().min(start + 16)).find(|&k| t[k].is("te"))?;
    let mut k = te + 2;
    if t.get(k).is_some_and(|x| x.punct(',')) {
        k += 1;
    }
    let infinitive = t.get(te + 1)?;
    (infinitive.word && infinitive.fold.ends_with("en") && t.get(k)?.word && t[k].lower())
        .then_some(k)
}

/// Where the verb of a main clause that opens with an adverb stands: "Daarnaast verwelkomt …",
/// "Tot slot werden …" (the word after the adverb).
fn clause_adverb_end(t: &[Tok<'_>], start: usize) -> Option<usize> {
    let first = t.get(start)?;
    let two = t
        .get(start + 1)
        .map(|x| format!("{} {}", first.fold, x.fold))
        .filter(|w| CLAUSE_ADVERBS.contains(&w.as_str()));
    let k = if two.is_some() {
        start + 2
    } else if first.is_any(CLAUSE_ADVERBS) {
        start + 1
    } else {
        return None;
    };
    t.get(k).is_some_and(|x| x.word && x.lower()).then_some(k)
}

/// What one sentence says about its actors on its own, before its paragraph is taken into
/// account by [`attribute_sentences`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reading {
    /// Actors of its own, and the rule that found them.
    Actors(Vec<Actor>, Rule),
    /// A pronoun subject ("Zij", "stond het stil", "Dit geldt ook"): the sentence before's actors.
    Pronoun,
    /// "beide lidstaten": the member states the sentence before named, or else the group.
    Anaphor,
    /// An impersonal view ("Het is daarbij van belang …", "… moet …", "… zijn cruciaal").
    View,
    /// A passive without an agent that points back ("werd hier … bij genoemd").
    PassiveBack,
    /// The state of play or the Council's discussion.
    StateOfPlay,
    /// A pointer to where a position is written ("De Nederlandse inzet staat genoemd onder …").
    Reference,
    /// No actor, and nothing that points elsewhere.
    Nothing,
    /// Someone's presence ("… was bij de bespreking aanwezig"): no act, but the one a pronoun in
    /// the next sentence points to ("In zijn bijdrage onderstreepte hij …").
    Present(Vec<Actor>),
}

/// Participles of asking and telling: after "is"/"zijn" a passive ("is verzocht").
#[rustfmt::skip]
const ASKED_PARTICIPLES: &[&str] = &[
    "verzocht", "gevraagd", "uitgenodigd", "opgeroepen", "geinformeerd", "aangespoord",
    "aangesproken",
];

/// Passive auxiliaries that an agent "door …" may belong to.
const PASSIVE_AUXILIARIES: &[&str] = &["werd", "werden", "wordt", "worden"];

/// Verbs after which "het" is no pronoun but a dummy subject: "is het van belang", "gaat het om".
#[rustfmt::skip]
const DUMMY_VERBS: &[&str] = &[
    "is", "was", "zijn", "waren", "wordt", "werd", "lijkt", "leek", "blijkt", "bleek", "blijft",
    "zal", "zou", "kan", "kon", "moet", "mag", "gaat", "ging", "betreft", "geldt", "staat",
];

/// Sentence openings (folded words) that describe the state of play or the Council's discussion.
#[rustfmt::skip]
const STATE_OF_PLAY: &[&[&str]] = &[
    &["op", "het", "moment", "van", "schrijven"],
    &["op", "moment", "van", "schrijven"],
    &["ten", "tijde", "van", "schrijven"],
    &["posities", "van"],
    &["de", "posities", "van"],
    &["standpunten", "van"],
    &["de", "standpunten", "van"],
    &["het", "grootste", "discussiepunt"],
    &["het", "belangrijkste", "discussiepunt"],
    &["de", "onderhandelingen"],
    &["het", "is", "onduidelijk"],
    &["het", "is", "nog", "onduidelijk"],
    &["aan", "de", "orde", "kwam"],
    &["de", "discussie"],
    &["de", "gedachtewisseling"],
];

fn state_of_play(t: &[Tok<'_>], start: usize) -> bool {
    // "De lidstaten zijn verdeeld over …", "De meningen lopen uiteen": a divided Council.
    let divided = t.windows(2).any(|w| {
        w[0].is_any(&["zijn", "waren", "is", "was", "blijven", "bleven"])
            && w[1].is_any(&["verdeeld", "gepolariseerd"])
    });
    divided
        || STATE_OF_PLAY.iter().any(|words| {
            t.get(start..start + words.len())
                .is_some_and(|span| span.iter().zip(words.iter()).all(|(x, w)| x.is(w)))
        })
}

/// A run-in heading before a colon, at most ten words and no verb, before a clause:
/// "Taskforce Middellandse Zeegebied: De Commissie, Frontex, EASO en Europol gaven …",
/// "Wapens: de JBZ-Raad bereikte een algemene oriëntatie". Where the colon stands.
fn run_in_heading(t: &[Tok<'_>], start: usize) -> Option<usize> {
    let colon = (start + 1..t.len().min(start + 14)).find(|&k| t[k].punct(':'))?;
    let label = &t[start..colon];
    // "Europees Openbaar Ministerie (EOM):", "Inreis- en uitreissysteem (EES):": words, and an
    // abbreviation in brackets.
    let bracketed = |k: usize| {
        t[k].punct('(') || t[k].punct(')') || (k > 0 && t[k - 1].punct('(') && t[k].upper())
    };
    let plain = t[start].cap()
        && label.iter().filter(|x| x.word).count() <= 10
        && label.iter().enumerate().all(|(k, x)| {
            (x.word && !is_finite_verb(t, start + k))
                    || bracketed(start + k)
                    // "Europol/Cepol:", "Raad & Commissie:".
                    || x.punct('/')
                    || x.punct('&')
        });
    plain.then_some(colon)
}

/// "vond … plaats", "vindt … plaats", "zal plaatsvinden", "staat in het teken van": a meeting
/// taking place, or what it is about.
fn takes_place(t: &[Tok<'_>]) -> bool {
    let one_word = ["plaatsvinden", "plaatsvindt", "plaatsvond", "plaatsvonden"];
    // "De Raad nam conclusies aan over … het forum dat … in Busan plaatsvindt": another
    // meeting, in a clause of its own.
    let subordinate = subordinate_spans(t);
    let main = |k: usize| !subordinate[k];
    // "De Raad zal grotendeels in het teken staan van …", "De Europese Raad … was vrijwel geheel
    // gewijd aan het mandaat": what the meeting is about.
    let devoted = t
        .windows(3)
        .any(|w| w[0].is("in") && w[1].is("het") && w[2].is("teken"))
        || t.windows(2).any(|w| w[0].is("gewijd") && w[1].is("aan"))
        // "De Europese Raad begon met het gebruikelijke overleg met …": its programme.
        || t.windows(2).any(|w| w[0].is_any(&["begon", "begint", "opende", "opent"]) && w[1].is("met"))
        // "Deze Europese Raad ging hoofdzakelijk over twee onderwerpen".
        || t.windows(3).any(|w| {
            w[0].is_any(&["ging", "gaat", "gingen"])
                && (w[1].is("over") || (w[1].word && w[1].lower() && w[2].is("over")))
        });
    // "kwam de Raad … bijeen", "zal de Raad … bij elkaar komen": a meeting held.
    let gathers = t.iter().any(|x| {
        x.is_any(&[
            "bijeen",
            "bijeenkomen",
            "bijeenkomt",
            "bijeenkwam",
            "bijeenkwamen",
        ])
    }) || t.windows(2).any(|w| w[0].is("bij") && w[1].is("elkaar"));
    // "De Europese Raad … wordt een belangrijk moment voor de uitbreiding".
    let moment = t.windows(2).enumerate().any(|(k, w)| {
        w[0].is_any(&["wordt", "is", "was", "werd"])
            && w[1].is("een")
            && t.iter().skip(k + 2).take(3).any(|x| x.is("moment"))
    });
    let devoted = devoted || gathers || moment;
    devoted
        || (0..t.len()).any(|k| main(k) && t[k].is_any(&one_word))
        || (0..t.len())
            .position(|k| {
                main(k) && t[k].finite && t[k].is_any(&["vond", "vonden", "vindt", "vinden"])
            })
            .is_some_and(|k| t[k + 1..].iter().any(|x| x.is("plaats")))
}

/// Where the main clauses after the first start, when they are joined by a semicolon ("…;
/// bepaalde lidstaten zien …") or by ", waarna" ("…, waarna de leden van de Raad …").
fn joined_clauses(t: &[Tok<'_>]) -> Vec<usize> {
    let mut out = Vec::new();
    for k in 0..t.len() {
        let next = if t[k].punct(';') {
            k + 1
        } else if t[k].punct(',') && t.get(k + 1).is_some_and(|x| x.is("waarna")) {
            k + 2
        } else {
            continue;
        };
        let skip = usize::from(t.get(next).is_some_and(|x| x.is_any(&["en", "maar"])));
        out.push(next + skip);
    }
    out
}

/// Nouns of an aim or a view that "van X" gives a holder: "Het streven van het voorzitterschap
/// is …", "De verwachting van de Commissie is …".
#[rustfmt::skip]
const HELD_AIMS: &[&str] = &[
    "streven", "inzet", "doel", "doelstelling", "wens", "voornemen", "insteek", "positie",
    "standpunt", "prioriteit", "ambitie", "intentie", "bedoeling", "verwachting", "opvatting",
    "mening", "oordeel", "visie", "overtuiging", "voorkeur", "uitgangspunt", "prioriteiten",
    "doelen", "doelstellingen", "wensen", "ambities", "voornemens",
];

/// Papers that "van X" gives an author: "een nota van het Belgische voorzitterschap".
#[rustfmt::skip]
const PAPERS: &[&str] = &[
    "nota", "notitie", "document", "discussiestuk", "discussienota", "non-paper", "paper",
    "compromisvoorstel", "compromistekst", "voortgangsrapport", "brief", "presentatie",
];

/// A subject that is a paper with its author, "(een|de|het) [adjectives] PAPER van X": where X
/// starts.
fn authored_at(t: &[Tok<'_>], i: usize) -> Option<usize> {
    if !t.get(i)?.is_any(&["een", "de", "het"]) {
        return None;
    }
    // "Het meest recente stand van zaken document van het Luxemburgse voorzitterschap": up to
    // six lowercase words, no verb, before the paper.
    let k = (i + 1..t.len().min(i + 8))
        .take_while(|&k| t[k].word && t[k].lower() && !is_finite_verb(t, k))
        .find(|&k| t[k].is_any(PAPERS))?;
    t.get(k + 1)?.is("van").then_some(k + 2)
}

/// "Het streven van X is …", "Het is de inzet van X om …": where X starts.
fn aim_of(t: &[Tok<'_>], start: usize) -> Option<usize> {
    let is = |k: usize, ws: &[&str]| t.get(k).is_some_and(|x| x.is_any(ws));
    let mut k = start;
    if is(k, &["het"]) && is(k + 1, &["is", "was"]) {
        k += 2;
    }
    if !is(k, &["de", "het"]) {
        return None;
    }
    // "De primaire inzet van Nederland is …": one adjective may stand before the aim.
    let adjective = t
        .get(k + 1)
        .is_some_and(|x| x.word && x.lower() && x.fold.ends_with('e') && !x.is_any(HELD_AIMS));
    let aim = if adjective { k + 2 } else { k + 1 };
    (is(aim, HELD_AIMS) && is(aim + 1, &["van"])).then_some(aim + 2)
}

/// "Het is mijn streven …", "Het is onze inzet om …": the writers' aim.
fn own_aim(t: &[Tok<'_>], start: usize) -> bool {
    let is = |k: usize, ws: &[&str]| t.get(k).is_some_and(|x| x.is_any(ws));
    is(start, &["het"])
        && is(start + 1, &["is", "was"])
        && is(start + 2, &["mijn", "onze", "ons"])
        && is(start + 3, HELD_AIMS)
}

/// "Er was brede steun voor …", "Er bleek brede overeenstemming te bestaan over …": agreement
/// among the member states, in the Council's discussion.
fn broad_agreement(t: &[Tok<'_>], start: usize) -> bool {
    let broad = |a: &Tok<'_>| {
        a.is_any(&[
            "brede", "breed", "algemene", "ruime", "grote", "unanieme", "veel",
        ])
    };
    t[start].is("er")
        && (start + 1..t.len().min(start + 5))
            .filter(|&k| broad(&t[k]))
            // "brede steun", "brede politieke steun".
            .flat_map(|k| [k + 1, k + 2])
            .filter_map(|k| t.get(k))
            .any(|b| {
                b.is_any(&[
                    "steun",
                    "overeenstemming",
                    "consensus",
                    "draagvlak",
                    "instemming",
                    "waardering",
                ])
            })
}

/// Words by which the writers of a report judge what they report: "Dit is een aanvaardbaar
/// compromis", "Dit was opmerkelijk, omdat …", "Het was daarom helaas niet mogelijk …".
#[rustfmt::skip]
const JUDGEMENTS: &[&str] = &[
    "aanvaardbaar", "aanvaardbare", "opmerkelijk", "helaas", "gelukkig", "verheugend",
    "teleurstellend", "zorgelijk", "terecht", "onterecht", "onjuist", "vruchtbaar", "vruchtbare",
    "nuttig", "nuttige", "tevreden",
];

/// A sentence with no actor of its own in which the writers judge what they report (a report of
/// the Dutch government speaks for it): its own assessment, the Netherlands'.
fn writers_judgement(t: &[Tok<'_>]) -> bool {
    t.iter().any(|x| x.is_any(JUDGEMENTS))
}

/// Where the chair is named in "werd voorgezeten door …", "stond onder (het) voorzitterschap
/// van …" (not "onder voorzitterschap van …" alone, which says when, not who acts).
fn chaired_by(t: &[Tok<'_>]) -> Option<usize> {
    (0..t.len()).find_map(|k| {
        if t[k].is("voorgezeten") && t.get(k + 1).is_some_and(|x| x.is("door")) {
            return Some(k + 2);
        }
        if !(t[k].is("stond") && t.get(k + 1).is_some_and(|x| x.is("onder"))) {
            return None;
        }
        let mut j = k + 2;
        if t.get(j).is_some_and(|x| x.is("het")) {
            j += 1;
        }
        (t.get(j).is_some_and(|x| x.is("voorzitterschap"))
            && t.get(j + 1).is_some_and(|x| x.is("van")))
        .then_some(j + 2)
    })
}

/// A subject that "komt aan de orde" or "aan bod" is a topic, not an actor.
fn topic_raised(t: &[Tok<'_>]) -> bool {
    // In the main clause: "… acht Nederland het van belang dat dit … aan de orde komt" is
    // the Netherlands' view.
    let subordinate = subordinate_spans(t);
    let main = |k: usize| !subordinate[k];
    let place = (0..t.len()).any(|k| {
        main(k)
            && t[k].is("aan")
            && (t.get(k + 1).is_some_and(|x| x.is("bod"))
                || (t.get(k + 1).is_some_and(|x| x.is("de"))
                    && t.get(k + 2).is_some_and(|x| x.is("orde"))))
    });
    place
        && (0..t.len()).any(|k| {
            // "is het EOM … aan de orde geweest": a topic that was on the agenda.
            main(k)
                && t[k].is_any(&[
                    "komt", "komen", "kwam", "kwamen", "gekomen", "geweest", "staat", "stond",
                ])
        })
}

/// "Tijdens de Raad bleek steun …", "In de Raad was overeenstemming over …", "Daarnaast was er
/// steun voor …", "Ook de acties … kregen veel steun": support in the discussion with no one
/// named, the member states'. Only
/// for a sentence with no actor of its own, and not support "van" someone named.
fn support_found(t: &[Tok<'_>]) -> bool {
    // "Tijdens de Raad bleek steun voor deze agenda te bestaan", "bleek er een grote mate van
    // overeenstemming".
    let shown = (0..t.len()).any(|k| {
        t[k].is_any(&["bleek", "bleken"])
            && t.iter()
                .skip(k + 1)
                .take(5)
                .any(|x| x.is_any(SUPPORT_NOUNS))
    });
    if shown {
        return true;
    }
    let subordinate = subordinate_spans(t);
    let verbs = [
        "was", "is", "waren", "bestond", "bestaat", "kreeg", "kregen", "krijgt",
    ];
    let degree = |x: &Tok<'_>| {
        x.is_any(&[
            "brede",
            "breed",
            "algemene",
            "ruime",
            "grote",
            "veel",
            "voldoende",
            "volledige",
            "unanieme",
            "geen",
            "weinig",
            "er",
        ])
    };
    (1..t.len()).any(|k| {
        if subordinate[k] || !t[k].is_any(SUPPORT_NOUNS) {
            return false;
        }
        let mut b = k - 1;
        while b > 0 && degree(&t[b]) {
            b -= 1;
        }
        let named = t.get(k + 1).is_some_and(|x| x.is("van"));
        // "is overeenstemming bereikt": an agreement reached, a decision, not support shown.
        let reached = t.get(k + 1).is_some_and(participle);
        t[b].is_any(&verbs) && !named && !reached
    })
}

/// A word that may be a present plural ("beschouwen", "vergaderen"): lowercase, on "-en", and
/// none of the prepositions, determiners, conjunctions and adverbs that end so.
fn plural_present(t: &[Tok<'_>], k: usize) -> bool {
    let Some(x) = t.get(k) else {
        return false;
    };
    let f: &str = &x.fold;
    // "In acht genomen de motie …": a strong participle ("ge-" and "-en") is no present.
    let strong_participle = f.starts_with("ge") && participle(x);
    x.word
        && x.lower()
        && f.chars().count() >= 5
        && f.ends_with("en")
        && !strong_participle
        && x.actor.is_none()
        && !x.modifier
        && !x.is_any(PREPOSITIONS)
        && !x.is_any(DETERMINERS)
        && !x.is_any(FUNCTION_WORDS)
        && !x.is_any(&[
            "alleen", "samen", "eveneens", "boven", "beneden", "tussen", "binnen", "buiten",
            "tegen", "indien", "ergens", "open", "tevreden", "volgen",
        ])
}

/// A main clause that says someone was there: "was/waren … aanwezig".
fn present(t: &[Tok<'_>]) -> bool {
    let subordinate = subordinate_spans(t);
    // "De Britse premier heeft niet aan deze viering deelgenomen": not being there is no act.
    let main = |k: usize| !subordinate[k];
    let absent = (0..t.len()).any(|k| main(k) && t[k].is("niet"))
        && (0..t.len()).any(|k| main(k) && t[k].is_any(&["deelgenomen", "deelnam", "deelnamen"]));
    if absent {
        return true;
    }
    let be = (0..t.len()).find(|&k| !subordinate[k] && t[k].finite);
    be.is_some_and(|k| {
        t[k].is_any(&["was", "waren", "is", "zijn"])
            && t[k + 1..]
                .iter()
                .zip(&subordinate[k + 1..])
                .any(|(x, &sub)| !sub && x.is("aanwezig"))
    })
}

/// The nouns of support in a discussion: "steun", "overeenstemming", "draagvlak", ….
const SUPPORT_NOUNS: &[&str] = &[
    "steun",
    "overeenstemming",
    "consensus",
    "draagvlak",
    "instemming",
];

/// "… en in mijn voortgangsbrief gaf ik aan …", "Dat betekent dat ik …": the writer acting in a
/// clause of a sentence with no actor of its own. Not where the writer only points to what was
/// said or heard ("zoals ik eerder meldde", "naar ik heb begrepen"), nor in a quotation, where
/// "ik" is whoever is quoted.
fn writer_in_clause(t: &[Tok<'_>]) -> bool {
    let quoted = t
        .iter()
        .any(|x| !x.word && x.raw.contains(['“', '”', '"', '„']));
    !quoted
        && (0..t.len()).any(|k| {
            t[k].is_any(WRITER_PRONOUNS) && !(k > 0 && t[k - 1].is_any(&["zoals", "naar"]))
        })
}

/// "In aanvulling op … wil ik u informeren dat het voorzitterschap …": where the clause of what
/// the writers pass on starts (after its "dat").
fn passed_on(t: &[Tok<'_>], start: usize) -> Option<usize> {
    if !t[start..].iter().any(|x| x.is_any(WRITER_PRONOUNS)) {
        return None;
    }
    let verb = (start..t.len()).find(|&k| {
        t[k].is_any(&[
            "informeren",
            "informeer",
            "melden",
            "meld",
            "berichten",
            "bericht",
            "mededelen",
        ])
    })?;
    let dat = (verb + 1..t.len().min(verb + 4)).find(|&k| t[k].is("dat"))?;
    Some(dat + 1)
}

/// Nouns for a country's stated position: "De Nederlandse inzet", "De Duitse en Nederlandse
/// insteek".
const POSITION_NOUNS: &[&str] = &[
    "wens",
    "opvatting",
    "visie",
    "mening",
    "voorkeur",
    "inzet",
    "insteek",
    "positie",
    "standpunt",
    "inbreng",
    "opstelling",
];

/// "De Duitse en Nederlandse insteek is …": the countries whose position the subject is.
fn position_holders(t: &[Tok<'_>], start: usize) -> Option<Vec<Actor>> {
    let mut k = start;
    if t.get(k).is_some_and(|x| x.is_any(&["de", "het"])) {
        k += 1;
    }
    let mut actors = Vec::new();
    loop {
        let slug = t.get(k)?.nationality?;
        actors.push(actor_for_slug(slug)?);
        k += 1;
        match t.get(k) {
            Some(x) if x.is("en") || x.punct(',') => k += 1,
            _ => break,
        }
    }
    t.get(k)
        .is_some_and(|x| x.is_any(POSITION_NOUNS))
        .then_some(actors)
}

/// Participles that make "… staat (ook) genoemd onder agendapunt 14" a pointer elsewhere.
#[rustfmt::skip]
const REFERENCE_PARTICIPLES: &[&str] = &[
    "genoemd", "beschreven", "vermeld", "toegelicht", "opgenomen", "uiteengezet", "weergegeven",
];

/// "… staat (ook) genoemd/beschreven onder …", "… is te vinden in …".
fn is_reference(t: &[Tok<'_>], start: usize) -> bool {
    let Some(verb) = (start..t.len()).find(|&k| is_finite_verb(t, k)) else {
        return false;
    };
    let rest = &t[verb + 1..];
    (t[verb].is_any(&["staat", "staan", "stond", "stonden"])
        && rest.iter().take(4).any(|x| x.is_any(REFERENCE_PARTICIPLES)))
        || (t[verb].is_any(&["is", "zijn"])
            && rest.first().is_some_and(|x| x.is("te"))
            && rest.get(1).is_some_and(|x| x.is("vinden")))
}

/// Nouns of aims that a nationality adjective makes a country's: "de Nederlandse prioriteiten".
#[rustfmt::skip]
const AIM_NOUNS: &[&str] = &[
    "inzet", "insteek", "positie", "standpunt", "prioriteiten", "prioriteit", "belangen",
    "belang", "wensen", "doelen", "doelstellingen", "ambities", "zorgen", "voorwaarden",
    "bezwaren",
];

/// "Om de Nederlandse prioriteiten … te laten landen …, is een aantal non-papers opgesteld":
/// a sentence with no actor of its own whose fronted purpose clause names whose aims it serves.
fn purpose_holders(t: &[Tok<'_>], start: usize) -> Option<Vec<Actor>> {
    if !t[start].is("om") {
        return None;
    }
    let clause_end = t[start..].iter().position(|x| x.punct(','))? + start;
    let clause = &t[start + 1..clause_end];
    if !clause.iter().any(|x| x.is("te")) {
        return None;
    }
    let mut actors = Vec::new();
    for (k, x) in clause.iter().enumerate() {
        if let Some(slug) = x.nationality {
            if clause.get(k + 1).is_some_and(|n| n.is_any(AIM_NOUNS)) {
                actors.push(actor_for_slug(slug)?);
            }
        }
    }
    (!actors.is_empty()).then_some(actors)
}

/// Connectives that make a sentence the reason or the consequence of the statement before:
/// "Dankzij hun ondersteuning kunnen … autoriteiten veel effectiever samenwerken".
const ARGUMENT_CONNECTIVES: &[&str] = &["dankzij", "daardoor", "hierdoor", "immers"];

/// Verbs that, with "dat"/"dit" as the last word, confirm the statement before: "De
/// operationele resultaten … onderstrepen dat."
#[rustfmt::skip]
const CONFIRMING_VERBS: &[&str] = &[
    "onderstrepen", "onderstreept", "bevestigen", "bevestigt", "illustreren", "illustreert",
    "tonen", "toont", "benadrukken", "benadrukt",
];

/// A sentence with no actor of its own that carries on the argument of the sentence before: it
/// opens with a connective of reason or consequence, or it ends by confirming "dat"/"dit".
fn continues_argument(t: &[Tok<'_>], start: usize) -> bool {
    if t[start].is_any(ARGUMENT_CONNECTIVES) {
        return true;
    }
    let words: Vec<&Tok<'_>> = t.iter().filter(|x| x.word).collect();
    match words.as_slice() {
        [.., verb, last] => last.is_any(&["dat", "dit"]) && verb.is_any(CONFIRMING_VERBS),
        _ => false,
    }
}

/// "van Binnenlandse Zaken en van Justitie van België, …" after "ministers": where the first
/// named member state starts, past the portfolios.
fn countries_after_portfolio(t: &[Tok<'_>], k: usize) -> Option<usize> {
    let member_state = |i: usize| {
        t.get(i)
            .is_some_and(|x| matches!(x.actor, Some((Actor::MemberState(_), _))))
    };
    if !t.get(k).is_some_and(|x| x.is("van")) {
        return None;
    }
    for (i, x) in t.iter().enumerate().skip(k).take(12) {
        if x.is("van") && member_state(i + 1) {
            return Some(i + 1);
        }
        let portfolio_word = x.is_any(&["van", "en", "voor"]) || (x.word && x.cap());
        if !portfolio_word {
            return None;
        }
    }
    None
}

/// Verbs of talking with someone: "sprak Nederland met …", "heeft … met … overlegd".
#[rustfmt::skip]
const TALK_VERBS: &[&str] = &[
    "sprak", "spraken", "spreekt", "gesproken", "overlegde", "overlegden", "overlegt", "overlegd",
    "kennisgemaakt", "ontmoette", "ontmoetten", "ontmoet",
];

/// "De verwachting is dat X …", "Naar verwachting zal X …": where X may start.
fn expected_clause(t: &[Tok<'_>], start: usize) -> Option<usize> {
    let is = |k: usize, w: &str| t.get(k).is_some_and(|x| x.is(w));
    if is(start, "de")
        && is(start + 1, "verwachting")
        && is(start + 2, "is")
        && is(start + 3, "dat")
    {
        return Some(start + 4);
    }
    if is(start, "naar") && is(start + 1, "verwachting") && is_finite_verb(t, start + 2) {
        return Some(start + 3);
    }
    None
}

/// "beide lidstaten", "deze lidstaten", "beide landen": a subject that points back.
fn anaphor_at(t: &[Tok<'_>], i: usize) -> bool {
    let mut k = i;
    if t.get(k).is_some_and(|x| x.is("de")) {
        k += 1;
    }
    if !t.get(k).is_some_and(|x| x.is_any(&["beide", "deze"])) {
        return false;
    }
    // "Deze vier lidstaten zijn …": the ones named before, counted.
    if t.get(k + 1).is_some_and(|x| x.is_any(NUMBER_WORDS)) {
        k += 1;
    }
    t.get(k + 1)
        .is_some_and(|x| x.is_any(&["lidstaten", "landen"]))
}

/// A pronoun subject at the start of a sentence: "wij" (the writers: the Dutch government),
/// "Zij"/"Hij", "Het gaf aan …" (not "Het is …"), "Dit geldt ook voor …".
fn pronoun_subject(t: &[Tok<'_>], s: usize, start: usize) -> Option<Reading> {
    let x = t.get(s)?;
    if x.is_any(WRITER_PRONOUNS) {
        return Some(Reading::Actors(vec![Actor::Nederland], Rule::Writers));
    }
    if some_of_them(t, s).is_some() {
        return Some(Reading::Actors(vec![Actor::Lidstaten], Rule::Subject));
    }
    // "Eerstgenoemde behandelde de agendapunten inzake toerisme": the one named first before.
    if x.is_any(&[
        "zij",
        "ze",
        "hij",
        "eerstgenoemde",
        "laatstgenoemde",
        "laatstgenoemden",
    ]) {
        return Some(Reading::Pronoun);
    }

    let next = t.get(start + 1);
    // "Dit geldt ook voor …", "Dit kan bijvoorbeeld door …": the statement before, carried on.
    if t[start].is_any(&["dit", "dat"])
        && next.is_some_and(|n| n.is("geldt") || (n.is_any(MODALS) && !n.is_any(&["mag"])))
    {
        return Some(Reading::Pronoun);
    }
    // A fragment with no verb that gives an example or adds to the sentence before:
    // "Bijvoorbeeld bij dataverzameling …", "Maar ook door … aandacht te geven aan …", "Dit
    // ondersteund door …".
    let adds = t[start].is_any(&["bijvoorbeeld", "zoals", "maar", "evenals", "alsook", "dit"])
        || (t[start].is("met") && next.is_some_and(|n| n.is("name")));
    if adds && !t.iter().any(|x| x.finite) {
        return Some(Reading::Pronoun);
    }
    // "Het constateerde dat …": after "Het" the finite-verb reader sees a determiner and a
    // noun, so a verb of saying is told by its form alone, a weak past; "Het omvatte …" (a
    // text, not the presidency) is no speaker.
    let verb_form = next.is_some_and(|n| {
        n.word
            && n.lower()
            && weak_past(&n.fold)
            && SAYING_STEMS.iter().any(|s| n.fold.starts_with(s))
    });
    if t[start].is("het")
        && (is_finite_verb(t, start + 1) || verb_form)
        && !next.is_some_and(|n| n.is_any(DUMMY_VERBS))
    {
        return Some(Reading::Pronoun);
    }
    // "Het heeft laten weten dat …", "Het heeft daarbij benadrukt …": an auxiliary after "Het"
    // and a verb of saying before the clause ends.
    let clause: Vec<&Tok<'_>> = t
        .get(start + 2..)
        .unwrap_or_default()
        .iter()
        .take_while(|x| !x.punct(',') && !x.is_any(SUBORDINATORS))
        .collect();
    let said = next.is_some_and(|n| n.is_any(&["heeft", "had", "zal", "wil"]))
        && (clause.iter().any(|x| x.is_any(SAYING_PARTICIPLES))
            || clause
                .windows(2)
                .any(|w| w[0].is("laten") && w[1].is("weten")));
    if t[start].is("het") && said {
        return Some(Reading::Pronoun);
    }
    None
}

/// "Sommigen", "Enkelen", "Velen", "Anderen", "De meesten" as a subject before (or right after)
/// a finite verb: in a report of a Council meeting, some of the ministers around the table, the
/// member states. Where the phrase ends.
fn some_of_them(t: &[Tok<'_>], k: usize) -> Option<usize> {
    let words = ["sommigen", "enkelen", "velen", "anderen", "meesten"];
    let end =
        if t.get(k).is_some_and(|x| x.is("de")) && t.get(k + 1).is_some_and(|x| x.is("meesten")) {
            k + 2
        } else if t.get(k).is_some_and(|x| x.is_any(&words)) {
            k + 1
        } else {
            return None;
        };
    let verb_near = is_finite_verb(t, end) || (k > 0 && t[k - 1].finite);
    verb_near.then_some(end)
}

/// "In de (volledige) tafelronde …", "In een volledige tafelronde …".
fn tour_de_table(t: &[Tok<'_>], start: usize) -> bool {
    // "In de tafelronde …", "Uit de tafelronde bleek dat …".
    if !t[start].is_any(&["in", "uit"]) {
        return false;
    }
    let round = t
        .iter()
        .skip(start + 1)
        .take(4)
        .take_while(|x| x.word && x.lower())
        .any(|x| x.fold.starts_with("tafelronde"));
    // "Uit de inbrengen van delegaties kwam naar voren …", "Uit de interventies van de
    // lidstaten bleek …": the member states, speaking in turn.
    let interventions = (start + 1..t.len().min(start + 5)).any(|k| {
        let said = ["inbreng", "interventie", "reactie"]
            .iter()
            .any(|w| t[k].fold.starts_with(w));
        said && t.get(k + 1).is_some_and(|x| x.is("van"))
            && t.iter()
                .skip(k + 2)
                .take(2)
                .any(|x| x.is_any(&["delegaties", "lidstaten"]))
    });
    round || interventions
}

/// Words that make a sentence state a view: modals of duty and evaluative adjectives.
#[rustfmt::skip]
const VIEW_WORDS: &[&str] = &[
    "moet", "moeten", "dient", "dienen", "essentieel", "noodzakelijk", "cruciaal", "wenselijk",
    "belangrijk", "belangrijke", "nodig", "voldoende", "onvoldoende", "rechtvaardigt",
    "uitgangspunt",
];

/// An impersonal sentence that states a view: "Het is (daarbij) van (groot) belang …",
/// "… moet …", "… zijn cruciaal", "… kan van toegevoegde waarde zijn", "De richtlijn bevat
/// belangrijke minimumnormen …" (after the Commission stressed its importance; tests/diff.rs).
fn is_view(t: &[Tok<'_>], start: usize) -> bool {
    // A duty inside a relative clause ("aandachtspunten die … aan de orde zouden moeten komen")
    // is not the sentence's view.
    let subordinate = subordinate_spans(t);
    t.iter().enumerate().skip(start).any(|(k, x)| {
        // "Deze brief dient tevens als geannoteerde agenda": serves as, no duty.
        let serves = x.is_any(&["dient", "dienen"])
            && t.iter()
                .skip(k + 1)
                .take(3)
                .any(|n| n.is_any(&["als", "tot", "ter"]));
        (x.is_any(VIEW_WORDS)
            && !serves
            && !(subordinate[k]
                && x.is_any(&["moet", "moeten", "dient", "dienen", "nodig", "voldoende"])))
            || (x.is("belang")
                && k > 0
                && (t[k - 1].is("van")
                    || (k > 1 && t[k - 2].is("van") && t[k - 1].is_any(&["groot", "bijzonder"]))))
            || (x.is("toegevoegde") && t.get(k + 1).is_some_and(|n| n.is("waarde")))
    })
}

/// A passive without agent that points back to the sentence before: "werd hier expliciet bij
/// genoemd", "werd daarbij benadrukt".
fn passive_reaching_back(t: &[Tok<'_>]) -> bool {
    // "Dit besluit … is genomen na …": what the sentence before reported, done by its actor.
    let first = t.iter().position(|x| x.word).unwrap_or(0);
    // The sentence's first finite verb is the auxiliary, a participle right after it.
    let anaphoric = t[first].is_any(&["dit", "deze"])
        && t.get(first + 1)
            .is_some_and(|x| x.word && x.lower() && !x.finite)
        && (first + 1..t.len())
            .find(|&k| t[k].finite)
            .is_some_and(|k| {
                (t[k].is_any(ZIJN) || t[k].is_any(WORDEN)) && t.get(k + 1).is_some_and(participle)
            });
    if anaphoric {
        return true;
    }
    let Some(aux) = t.iter().position(|x| x.is_any(PASSIVE_AUXILIARIES)) else {
        // "Tijdens deze bijeenkomst is opgeroepen om …": the perfect of an agentless passive
        // of saying.
        return t.iter().enumerate().any(|(k, x)| {
            x.is_any(ZIJN) && t.get(k + 1).is_some_and(|p| p.is_any(SAYING_PARTICIPLES))
        });
    };
    // "De hoop werd uitgesproken dat …": an agentless passive of saying reports what the one
    // who spoke before said.
    t[aux..].iter().any(|x| x.is_any(SAYING_PARTICIPLES))
        || t.iter().any(|x| x.is_any(&["hierbij", "daarbij"]))
        || t[aux..].iter().any(|x| x.is_any(&["hier", "daar"]))
            && t[aux..].iter().any(|x| x.is("bij"))
}

/// Participles of saying and holding a view, whose agentless passive continues the speaker
/// before: "werd uitgesproken", "werd benadrukt" (not "werd gesproken over", which only says
/// what was discussed).
#[rustfmt::skip]
const SAYING_PARTICIPLES: &[&str] = &[
    "uitgesproken", "benadrukt", "onderstreept", "aangegeven", "opgemerkt", "gewezen",
    "verwelkomd", "bepleit", "gevraagd", "verzocht", "opgeroepen", "gerefereerd", "verwezen", "gepleit",
];

/// Stems of verbs of saying and concluding, whose weak past after "Het" makes the presidency
/// (or another neuter actor) speak: "Het constateerde dat …", "Het concludeerde …".
#[rustfmt::skip]
const SAYING_STEMS: &[&str] = &[
    "constateer", "concludeer", "benadruk", "onderstreep", "meld", "verklaar", "pleit",
    "stel", "herhaal", "signaleer", "informeer", "presenteer", "deel",
];

/// Whether a sub-heading marks the Dutch position: "Inzet van het kabinet", "Nederlandse
/// positie", "Kabinetsinzet". ("Krachtenveld", the positions of others, does not.)
pub fn is_dutch_position_heading(heading: &str) -> bool {
    let h = fold(heading);
    let dutch = h.contains("kabinet") || h.contains("nederland");
    let position = ["inzet", "positie", "standpunt", "appreciatie"]
        .iter()
        .any(|w| h.contains(w));
    // The heading is the position ("Inzet van het kabinet", "Nederlandse positie",
    // "Kabinetsappreciatie"), not a topic that also names it ("Defensie Actie Plan en de
    // Nederlandse inzet", 2016): it opens with the position's own words.
    let first = h
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty() && *w != "de" && *w != "het")
        .unwrap_or("");
    let opens = [
        "inzet",
        "positie",
        "standpunt",
        "appreciatie",
        "nederlandse",
        "nederlands",
        "nederland",
        "kabinet",
        "eerste",
        "voorlopige",
        "huidige",
    ]
    .contains(&first)
        || first.starts_with("kabinets");
    dutch && position && opens && !h.contains("krachtenveld")
}

/// The rule that placed a sentence's actors, or decided that it has none: what
/// `normalize --explain` prints next to a statement. [`Rule::name`] is its stable name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// An actor phrase opens the sentence: "Het Spaanse voorzitterschap lichtte … toe",
    /// "Enkele lidstaten, waaronder Nederland, …".
    Subject,
    /// The actor phrase right after the finite verb: "Daarnaast stond de Commissie …".
    InvertedSubject,
    /// The holder of a stated view: "Volgens de Commissie …", "Voor Nederland is het van
    /// belang …", "De Nederlandse inzet blijft …", "Er was onder de lidstaten brede steun …".
    ViewHolder,
    /// The agent of a passive: "… werd … door de lidstaten vooruitgeblikt".
    PassiveAgent,
    /// "In de (volledige) tafelronde …": the member states, speaking in turn.
    TourDeTable,
    /// "wij" in a letter of the Dutch government: the Netherlands.
    Writers,
    /// The actor an expectation is about: "De verwachting is dat het Fins voorzitterschap …".
    Expected,
    /// A pronoun subject takes the actors of the sentence before: "Ook lichtten zij …",
    /// "Allereerst stond het stil …", "Dit geldt ook voor …".
    Pronoun,
    /// "beide lidstaten" takes the member states the sentence before named.
    Anaphor,
    /// An impersonal view ("Het is daarbij van belang …", "… moet …"), or a sentence that
    /// carries on the argument ("Dankzij hun ondersteuning …", "… onderstrepen dat."), continues
    /// the statement of the sentence right before it.
    ViewContinues,
    /// A passive without agent that points back ("werd hier … bij genoemd") continues the
    /// sentence right before it.
    PassiveContinues,
    /// The sub-heading says whose position it is ("Inzet van het kabinet"): the Netherlands.
    Section,
    /// The state of play or the Council's discussion ("Op het moment van schrijven …",
    /// "Posities van lidstaten lopen uiteen …"): no one's position.
    StateOfPlay,
    /// Who talked with whom: "En marge van de JBZ-Raad sprak Nederland met de ministers van …
    /// van België, Frankrijk en Spanje" is the Netherlands and those countries.
    TalksWith,
    /// A pointer to where a position is written, not the position: "De Nederlandse inzet op dit
    /// punt staat ook genoemd onder agendapunt 14": no one's.
    Reference,
    /// The author of a paper that is the subject: "Wat betreft de follow-up lag aan de
    /// ministers een nota van het Belgische voorzitterschap voor".
    Author,
    /// Broad agreement in the discussion: "Er was brede steun voor …", "Er bleek brede
    /// overeenstemming te bestaan …": the member states.
    Consensus,
    /// What the writers pass on is the act of the one it names: "… wil ik u informeren dat het
    /// voorzitterschap zojuist heeft laten weten …".
    PassedOn,
    /// The country whose aims a sentence with no actor of its own serves, named in its fronted
    /// purpose clause: "Om de Nederlandse prioriteiten … te laten landen …, is een aantal
    /// non-papers opgesteld".
    Purpose,
    /// In a sentence with no actor of its own, the actor of a clause on "waarbij"/"waarin":
    /// "Over de mededeling is een debat gevoerd, waarbij de ministers hebben aangegeven …".
    ActInClause,
    /// In a sentence with no actor of its own, the writers' judgement of what they report ("Dit
    /// is een aanvaardbaar compromis"): the Netherlands.
    WritersJudgement,
    /// Who chairs the meeting ("De Raad werd voorgezeten door …"): the presidency.
    Chair,
    /// Who acts only inside a phrase, in a sentence with no actor of its own: "Het debat ging
    /// over het voorstel …, dat de Commissie op 31 januari heeft gepresenteerd".
    Embedded,
}

impl Rule {
    /// The rule's name, as `--explain` prints it: `subject`, `passive-agent`, `state-of-play`.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Subject => "subject",
            Rule::InvertedSubject => "inverted-subject",
            Rule::ViewHolder => "view-holder",
            Rule::PassiveAgent => "passive-agent",
            Rule::TourDeTable => "tour-de-table",
            Rule::Writers => "writers",
            Rule::Expected => "expected",
            Rule::Pronoun => "pronoun",
            Rule::Anaphor => "anaphor",
            Rule::ViewContinues => "view-continues",
            Rule::PassiveContinues => "passive-continues",
            Rule::Section => "section",
            Rule::StateOfPlay => "state-of-play",
            Rule::TalksWith => "talks-with",
            Rule::Reference => "reference",
            Rule::Consensus => "consensus",
            Rule::Author => "author",
            Rule::PassedOn => "passed-on",
            Rule::Purpose => "purpose",
            Rule::ActInClause => "act-in-clause",
            Rule::WritersJudgement => "writers-judgement",
            Rule::Chair => "chair",
            Rule::Embedded => "embedded",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Who a sentence is attributed to, and by which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The actors, in [`Actor`] order; empty for no one's position.
    pub actors: Vec<Actor>,
    /// The rule that decided; `None` where no rule applied (and the sentence has no actor).
    pub rule: Option<Rule>,
}

impl Attribution {
    fn new(actors: Vec<Actor>, rule: Rule) -> Attribution {
        Attribution {
            actors: sorted(actors),
            rule: Some(rule),
        }
    }

    fn none() -> Attribution {
        Attribution {
            actors: Vec::new(),
            rule: None,
        }
    }
}

/// Attribute each sentence of one paragraph, each given with the sub-heading it stands under
/// ("Inzet van het kabinet", `None` for none).
///
/// A sentence's actors are its own (subject, passive agent, view holder). It takes those of the
/// sentence right before it only when it points back: a pronoun subject ("Zij", "het"), "beide
/// lidstaten", an impersonal view ("Het is daarbij van belang …"), a passive with "hierbij".
/// Never because the paragraph began with an actor: "Posities van lidstaten lopen uiteen" after
/// "Het kabinet is …" is no one's. Under a Dutch-position sub-heading, a sentence with no actor
/// of its own is the Netherlands' (tests/actors_annotated.rs measures all of this).
pub fn attribute_sentences(
    sentences: &[(&str, Option<&str>)],
    ctx: &mut ActorContext,
) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::with_capacity(sentences.len());
    // Who was there, when the sentence before only said so: a pronoun's antecedent.
    let mut present: Vec<Actor> = Vec::new();
    // The actors of the sentence before, without those that acted only inside its phrases: a
    // pronoun points back to a subject, not to "de Commissie" of "het voorstel dat de Commissie
    // deed".
    let mut previous: Option<Vec<Actor>> = None;
    for (sentence, section) in sentences {
        let (reading, embedded) = ctx.reading(sentence);
        let before = previous.clone().unwrap_or_default();
        // A pronoun that opens a paragraph reaches back to the paragraph before ("Hij stelde
        // dat …"); nothing else does.
        let antecedent = match &previous {
            Some(a) if a.is_empty() && !present.is_empty() => present.clone(),
            Some(a) => a.clone(),
            None => ctx.last.clone(),
        };
        present = match &reading {
            Reading::Present(actors) => actors.clone(),
            _ => Vec::new(),
        };
        let dutch = section.is_some_and(is_dutch_position_heading);
        let from_section = || {
            if dutch {
                Attribution::new(vec![Actor::Nederland], Rule::Section)
            } else {
                Attribution::none()
            }
        };
        let a = match reading {
            Reading::Actors(actors, rule) => Attribution::new(actors, rule),
            Reading::Pronoun if !antecedent.is_empty() => {
                Attribution::new(antecedent, Rule::Pronoun)
            }
            Reading::Pronoun => Attribution::none(),
            // "Een aantal lidstaten, te weten Nederland, Duitsland, … . Deze vier lidstaten …":
            // the countries named before (with their group).
            Reading::Anaphor
                if before.iter().any(|a| matches!(a, Actor::MemberState(_)))
                    && before.iter().all(|a| {
                        matches!(
                            a,
                            Actor::MemberState(_) | Actor::Nederland | Actor::Lidstaten
                        ) || matches!(a, Actor::Other(s) if s == "verenigd-koninkrijk")
                    }) =>
            {
                Attribution::new(before, Rule::Anaphor)
            }
            Reading::Anaphor => Attribution::new(vec![Actor::Lidstaten], Rule::Subject),
            Reading::View if !before.is_empty() => Attribution::new(before, Rule::ViewContinues),
            Reading::PassiveBack if !before.is_empty() => {
                Attribution::new(before, Rule::PassiveContinues)
            }
            Reading::StateOfPlay => Attribution {
                actors: Vec::new(),
                rule: Some(Rule::StateOfPlay),
            },
            Reading::Reference => Attribution {
                actors: Vec::new(),
                rule: Some(Rule::Reference),
            },
            Reading::View | Reading::PassiveBack | Reading::Nothing | Reading::Present(_) => {
                from_section()
            }
        };
        ctx.last.clone_from(&a.actors);
        previous = Some(a.actors.clone());
        let a = if embedded.iter().all(|e| a.actors.contains(e)) {
            a
        } else {
            let rule = if a.actors.is_empty() {
                Some(Rule::Embedded)
            } else {
                a.rule
            };
            let mut actors = a.actors;
            actors.extend(embedded);
            Attribution {
                actors: sorted(actors),
                rule,
            }
        };
        out.push(a);
    }
    out
}

/// Attribute each sentence of a paragraph that stands under no sub-heading: the actors of
/// [`attribute_sentences`], without the rules.
pub fn attribute_paragraph(sentences: &[String], ctx: &mut ActorContext) -> Vec<Vec<Actor>> {
    let with_sections: Vec<(&str, Option<&str>)> =
        sentences.iter().map(|s| (s.as_str(), None)).collect();
    attribute_sentences(&with_sections, ctx)
        .into_iter()
        .map(|a| a.actors)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(s: &str) -> Actor {
        Actor::MemberState(s.to_string())
    }

    fn ag(s: &str) -> Actor {
        Actor::Agency(s.to_string())
    }

    fn subj(s: &str) -> Vec<Actor> {
        ActorContext::new().subjects(s)
    }

    use Actor::{Commissie, EuropeesParlement, Lidstaten, Nederland, Raad, Voorzitterschap};

    // --- the finite verb and the main clause -------------------------------------------------

    #[test]
    fn strong_verbs_and_their_prefixed_forms_are_finite() {
        assert_eq!(
            subj("Op 25 februari jl. besloot het Franse EU-Voorzitterschap om een JBZ-Raad in te lassen."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            subj("Vervolgens boog de Raad zich over het uitvoeringsbesluit."),
            vec![Raad]
        );
        assert_eq!(
            subj("Daarna ontving de Commissie de delegaties."),
            vec![Commissie]
        );
    }

    #[test]
    fn the_weak_past_needs_the_ending_its_stem_asks_for() {
        assert!(weak_past("lichtte"));
        assert!(weak_past("meldde"));
        assert!(weak_past("steunden"));
        assert!(weak_past("leefde"));
        assert!(!weak_past("ruimte"));
        assert!(!weak_past("hoogte"));
        assert!(!weak_past("recente"));
        assert!(!weak_past("brede"));
    }

    #[test]
    fn an_adjective_after_a_determiner_or_numeral_is_no_verb() {
        assert_eq!(
            subj("Wel zijn deskundigen betrokken geweest bij bijeenkomsten voor de veertien bedoelde lidstaten."),
            vec![]
        );
    }

    #[test]
    fn the_writers_are_the_netherlands() {
        assert_eq!(
            subj("Hierbij bied ik u de geannoteerde agenda aan."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Met deze brief doen wij uw Kamer verslag over deze bijeenkomst."),
            vec![Nederland]
        );
        assert_eq!(
            subj("De regering kan instemmen met deze onderwerpen."),
            vec![Nederland]
        );
    }

    #[test]
    fn the_writer_acting_in_a_clause_of_a_sentence_with_no_actor() {
        // The writer acts in the second clause, or in a relative clause.
        assert_eq!(
            subj("Dit onderwerp is van groot belang en in mijn vorige brief gaf ik aan het te agenderen."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Dat is in lijn met het verzoek dat ik eerder heb gedaan."),
            vec![Nederland]
        );
        // Pointing to what was said or heard is not acting.
        assert_eq!(
            subj("Het overleg is naar ik heb begrepen uitgesteld tot het voorjaar."),
            vec![]
        );
        assert_eq!(
            subj("Het pakket omvatte de elementen zoals ik deze eerder noemde."),
            vec![]
        );
        // In a quotation "ik" is whoever is quoted.
        assert_eq!(
            subj("“De samenwerking is hecht, omdat ik er elke maand over spreek."),
            vec![]
        );
    }

    #[test]
    fn a_number_written_out_and_the_writers_as_agent_of_a_participle() {
        assert_eq!(
            subj("De overige zeventien lidstaten steunden het voorstel."),
            vec![Lidstaten]
        );
        assert_eq!(
            explain(
                &["De door ons georganiseerde conferentie heeft een basis gelegd."],
                None
            ),
            vec![(vec![Nederland], Some("embedded"))]
        );
        assert_eq!(
            explain(&["Het door mij opgestelde verslag is openbaar."], None),
            vec![(vec![Nederland], Some("embedded"))]
        );
    }

    #[test]
    fn a_foreign_minister_is_not_the_netherlands() {
        let mut ctx = ActorContext::new();
        assert_eq!(
            ctx.subjects("De Minister van Binnenlandse Zaken van Oekraïne, Denys Monastyrsky, sprak de Raad toe."),
            vec![Actor::Other("oekraine".into())]
        );
        assert_eq!(
            ctx.subjects("Monastyrsky noemde de schade."),
            vec![Actor::Other("oekraine".into())]
        );
        let mut ctx = ActorContext::new();
        ctx.subjects("Minister Grapperhaus heeft met zijn Bulgaarse collega Tsacheva gesproken.");
        assert_eq!(
            ctx.subjects("Minister Tsacheva heeft hem ingelicht."),
            vec![ms("bulgarije")]
        );
        // A third country the tool names: its slug; one it does not: no one, never the writers.
        let mut ctx = ActorContext::new();
        ctx.subjects("De Zwitserse Minister van Justitie Anna Keller sloot aan.");
        assert_eq!(
            ctx.subjects("Minister Keller gaf aan dat het goed gaat."),
            vec![Actor::Other("zwitserland".into())]
        );
        let mut ctx = ActorContext::new();
        ctx.subjects("De Kazachse Minister van Justitie Anna Keller sloot aan.");
        assert_eq!(
            ctx.subjects("Minister Keller gaf aan dat het goed gaat."),
            vec![]
        );
        assert_eq!(
            subj("De Minister van Justitie van Kazachstan sprak de Raad toe."),
            vec![Actor::Other("derde-land".into())]
        );
        assert!(Actor::Other("derde-land".into()).is_known());
        // The writers' own ministers, several of them.
        assert_eq!(
            subj("De Minister van Justitie en Veiligheid, de Minister voor Rechtsbescherming en Staatssecretaris van Justitie en Veiligheid zijn voornemens deel te nemen."),
            vec![Nederland]
        );
    }

    #[test]
    fn talking_with_a_colleague_names_both() {
        assert_eq!(
            subj("Minister Grapperhaus heeft en marge van de JBZ-Raad met zijn Bulgaarse collega Tsacheva gesproken."),
            vec![Nederland, ms("bulgarije")]
        );
    }

    #[test]
    fn the_subject_of_a_passive_is_not_its_actor() {
        assert_eq!(
            subj("De lidstaten waren door het Voorzitterschap uitgenodigd om in te gaan op de omvang."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            subj("Voorts werden de lidstaten gevraagd aan te geven hoe zij steunen."),
            vec![]
        );
        assert_eq!(
            subj("Tot slot werden lidstaten gevraagd van gedachten te wisselen."),
            vec![]
        );
        // A perfect with "zijn" is no passive.
        assert_eq!(
            subj("De lidstaten zijn akkoord gegaan met het voorstel."),
            vec![Lidstaten]
        );
    }

    #[test]
    fn quantified_groups_of_countries_are_the_member_states() {
        for s in [
            "Vrijwel alle lidstaten steunden de non-retroactiviteit.",
            "De Europese lidstaten hebben op 7 oktober jl. besloten om Bahrein weer op de lijst te plaatsen.",
            "De aanwezige landen sloten zich aan bij deze boodschap.",
            "Enkele landen noemden het visumbeleid.",
        ] {
            assert_eq!(subj(s), vec![Lidstaten], "{s}");
        }
        assert_eq!(subj("Derde landen werken beter samen."), vec![]);
    }

    #[test]
    fn volgens_names_the_holder_anywhere_and_coreper_is_the_council() {
        assert_eq!(
            subj("Een geharmoniseerde regeling verbetert volgens de Commissie het investeringsklimaat."),
            vec![Commissie]
        );
        assert_eq!(
            subj("Het Comité van Permanente Vertegenwoordigers (Coreper) heeft een gedeeltelijke raadspositie aangenomen."),
            vec![Raad]
        );
        assert_eq!(
            subj("Op initiatief van Nederland is in de verordening een bepaling opgenomen."),
            vec![Nederland]
        );
    }

    #[test]
    fn a_subordinate_clause_runs_from_its_subordinator_to_the_comma() {
        let t = tokenize(
            "Dat blijkt uit het verslag dat volgde, en in dat licht steunt Nederland het.",
        );
        let inside: Vec<&str> = subordinate_spans(&t)
            .iter()
            .zip(&t)
            .filter(|(s, _)| **s)
            .map(|(_, x)| x.raw)
            .collect();
        assert_eq!(inside, ["dat", "volgde"]);
    }

    // --- the value type ---------------------------------------------------------------------

    /// The lexicon keeps one entry of [`WORDS`] per word; a second entry for the same word
    /// (with another case rule) would never be found.
    #[test]
    fn each_actor_word_is_listed_once() {
        let mut seen = BTreeSet::new();
        for (w, ..) in WORDS {
            assert!(seen.insert(*w), "{w} is listed twice in WORDS");
        }
        for (w, slug) in NATIONALITIES {
            assert_eq!(LEXICON[w].nationality, Some(*slug), "{w}");
        }
    }

    #[test]
    fn slugs_round_trip_for_known_actors() {
        let all = [
            Voorzitterschap,
            Commissie,
            Nederland,
            Lidstaten,
            Raad,
            EuropeesParlement,
            ms("bulgarije"),
            ms("roemenie"),
            ms("finland"),
            ag("eurojust"),
            ag("europol"),
            ag("eu-lisa"),
            ag("eu-ctc"),
            ag("fra"),
            ag("frontex"),
            ag("euaa"),
            ag("eom"),
        ];
        for a in all {
            assert_eq!(Actor::from_slug(a.slug()), Some(a.clone()), "{a}");
        }
        assert_eq!(EuropeesParlement.slug(), "europees-parlement");
    }

    #[test]
    fn unknown_well_formed_slug_is_other_and_malformed_is_none() {
        assert_eq!(
            Actor::from_slug("europese-raad"),
            Some(Actor::Other("europese-raad".into()))
        );
        assert_eq!(Actor::from_slug("Nederland"), None);
        assert_eq!(Actor::from_slug(""), None);
        assert_eq!(Actor::from_slug("roemenië"), None);
        assert_eq!(Actor::from_slug("a b"), None);
    }

    #[test]
    fn actor_serialises_as_its_slug_and_rejects_malformed_slugs() {
        assert_eq!(
            serde_json::to_string(&ms("roemenie")).unwrap(),
            "\"roemenie\""
        );
        assert_eq!(
            serde_json::from_str::<Actor>("\"commissie\"").unwrap(),
            Commissie
        );
        assert_eq!(
            serde_json::from_str::<Actor>("\"eu-lisa\"").unwrap(),
            ag("eu-lisa")
        );
        let err = serde_json::from_str::<Actor>("\"Het Kabinet\"").unwrap_err();
        assert!(err.to_string().contains("not an actor slug"), "{err}");
        assert_eq!(Voorzitterschap.to_string(), "voorzitterschap");
        assert_eq!("nederland".parse::<Actor>(), Ok(Nederland));
    }

    #[test]
    fn actor_order_is_declaration_order() {
        let mut v = vec![
            ag("eurojust"),
            ms("bulgarije"),
            Lidstaten,
            Nederland,
            Voorzitterschap,
            Commissie,
        ];
        v.sort();
        assert_eq!(
            v,
            vec![
                Voorzitterschap,
                Commissie,
                Nederland,
                Lidstaten,
                ms("bulgarije"),
                ag("eurojust")
            ]
        );
    }

    // --- 1. sentence-initial subjects -------------------------------------------------------

    #[test]
    fn coordinated_commission_and_presidency_are_both_subjects() {
        assert_eq!(
            subj("De Commissie en het Voorzitterschap gaven aan dat een compromis binnen handbereik is."),
            vec![Voorzitterschap, Commissie]
        );
    }

    #[test]
    fn coordinated_member_states_at_the_start_are_subjects() {
        assert_eq!(
            subj("Bulgarije en Roemenië onderstreepten dat Schengentoetreding een prioriteit is."),
            vec![ms("bulgarije"), ms("roemenie")]
        );
        assert_eq!(
            subj("Finland, Estland en Zweden gaven toelichting over de storing."),
            vec![ms("estland"), ms("finland"), ms("zweden")]
        );
    }

    #[test]
    fn member_states_including_the_netherlands_are_both_subjects() {
        assert_eq!(
            subj("Enkele lidstaten, waaronder Nederland, riepen ten slotte op tot het voortzetten van de discussie op technisch niveau."),
            vec![Nederland, Lidstaten]
        );
        assert_eq!(
            subj("Meerdere lidstaten, waaronder Nederland, dankten het grondrechtenagentschap voor hun werkzaamheden."),
            vec![Nederland, Lidstaten]
        );
    }

    #[test]
    fn object_after_a_sentence_initial_subject_does_not_count() {
        assert_eq!(
            subj("Een ongeveer even grote groep lidstaten wees op het belang van een evenwichtige oplossing en riep de Commissie op de tijdelijke regeling voor vrijwillige detectie te verlengen."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Het kabinet heeft de Commissie opgeroepen alle instrumenten in te zetten."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Nederland behoorde tot die laatste groep lidstaten en gaf daarbij aan dat de bestrijding in evenwicht moet worden gebracht."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Nederland is het met de Commissie eens dat prioriteit moet worden gegeven aan het verbeteren van terugkeer."),
            vec![Nederland]
        );
    }

    #[test]
    fn focus_adverb_may_precede_the_subject() {
        assert_eq!(subj("Ook Nederland steunde het voorstel."), vec![Nederland]);
        assert_eq!(
            subj("Zowel de Commissie als het Voorzitterschap benadrukten het belang."),
            vec![Voorzitterschap, Commissie]
        );
    }

    // --- 2. inverted subjects ----------------------------------------------------------------

    #[test]
    fn subject_after_a_finite_verb_is_found() {
        let cases: &[(&str, Vec<Actor>)] = &[
            ("Om deze reden meldde Nederland, in plaats van een activatieclausule, meer waarborgen te zien in een reviewclausule.", vec![Nederland]),
            ("Ook riep Nederland op tot regelmatige rapportage over de opvolging van de geformuleerde acties.", vec![Nederland]),
            ("Daarnaast stond de Commissie - mede naar aanleiding van de recente terroristische aanslag in Brussel – stil bij de noodzaak van verbeterde terugkeer.", vec![Commissie]),
            ("Tevens meldde de Commissie mogelijkheden voor schadevergoeding te onderzoeken.", vec![Commissie]),
            ("Dit onderstreepte Nederland.", vec![Nederland]),
            ("Daarnaast voegde Nederland toe dat het aan lidstaten is om justitiële samenwerking te ontwikkelen.", vec![Nederland]),
            ("In aanvulling hierop benoemde Nederland specifiek het schaderegister en stelde dat steun van derde landen aan dit schaderegister van belang is.", vec![Nederland]),
            ("In lijn met de motie van het lid Bisschop zet het kabinet zich aanhoudend in voor een aanscherping van de Terugkeerrichtlijn.", vec![Nederland]),
            ("Tijdens de AOB-punten onderstreepten Bulgarije en Roemenië dat Schengentoetreding voor hen een absolute prioriteit is.", vec![ms("bulgarije"), ms("roemenie")]),
            ("Tot slot gaven Finland, Estland en Zweden toelichting over de storing en schade aan de zogeheten Balticonnector datakabel.", vec![ms("estland"), ms("finland"), ms("zweden")]),
            ("In de besloten lunch sessie wisselde lidstaten van gedachten over de interne veiligheidssituatie in de EU na de aanval van Hamas op Israël.", vec![Lidstaten]),
            ("Ook rapporteerde de Commissie over de voortgang op (voor)genomen vertrouwelijke maatregelen.", vec![Commissie]),
            ("Enkele andere initiatieven lichtte de Commissie tevens uit, waaronder uitwisseling tussen Eurojust en LAC-landen en de samenwerking met Europol.", vec![Commissie]),
            ("Waar een aantal lidstaten het dreigingsniveau al omhoog deden, gaven andere lidstaten aan dat monitoring nog geen grotere risico’s laat zien.", vec![Lidstaten]),
        ];
        for (sentence, want) in cases {
            assert_eq!(&subj(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn tunisia_is_not_an_actor() {
        assert_eq!(
            subj("Met betrekking tot het MoU met Tunesië riep Nederland op tot snelle implementatie van de afspraken."),
            vec![Nederland]
        );
    }

    #[test]
    fn actor_after_a_preposition_is_a_mention() {
        assert_eq!(
            subj("In reactie op de toelichting van de Commissie over de toename van heringevoerde binnengrenscontroles, gaven meerdere lidstaten aan deze te hebben ingevoerd."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Op aangeven van Nederland opende Commissaris Reijnders de lunch door te benadrukken dat het Rechtsstaatrapport van de Commissie een goede basis is."),
            vec![Commissie]
        );
        assert_eq!(
            subj("Na de aanname van een Raadspositie op de Crisisverordening zijn de eerder door het Europees Parlement opgeschorte triloogonderhandelingen op de Eurodac- en Screeningsverordening weer hervat."),
            vec![]
        );
    }

    #[test]
    fn pronoun_after_the_verb_means_no_actor_subject() {
        assert_eq!(
            subj("Ook lichtten zij de acties toe die zij de afgelopen periode hebben ondernomen."),
            vec![]
        );
        assert_eq!(subj("Zij riepen de Commissie op tot snelle actie."), vec![]);
    }

    #[test]
    fn non_actor_subject_with_an_article_hides_the_object() {
        assert_eq!(subj("Het rapport geeft de lidstaten handvatten."), vec![]);
        assert_eq!(
            subj("De afgelopen weken heeft de Commissie de lidstaten geraadpleegd."),
            vec![Commissie]
        );
    }

    // --- 3. attribution phrases --------------------------------------------------------------

    // --- the rules that followed the third held-out run ----------------------------------------

    #[test]
    fn the_country_named_as_presidency_speaks_as_the_presidency() {
        let mut ctx = ActorContext::new();
        assert_eq!(
            ctx.subjects("De Belgische minister van Buitenlandse Zaken, Vanackere, gaf een presentatie over het Belgische voorzitterschapsdocument."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            ctx.subjects("België wil een dienend voorzitterschap zijn."),
            vec![Voorzitterschap]
        );
        // With other countries it is a member state among them; the Dutch presidency is not
        // taken for the Netherlands.
        assert_eq!(
            ctx.subjects("België en Polen vroegen om meer steun."),
            vec![ms("belgie"), ms("polen")]
        );
        let mut ctx = ActorContext::new();
        ctx.subjects("Het Nederlandse voorzitterschap begint in januari.");
        assert_eq!(
            ctx.subjects("Nederland steunt het voorstel."),
            vec![Nederland]
        );
    }

    #[test]
    fn a_meeting_taking_place_is_no_ones_act() {
        assert_eq!(
            subj("Op dinsdag 22 juni jl. vond de Raad Algemene Zaken (RAZ) plaats."),
            vec![]
        );
        assert_eq!(
            subj("De RAZ zal de voortgang van de onderhandelingen bespreken."),
            vec![Raad]
        );
    }

    #[test]
    fn an_aim_held_by_an_actor_is_its_view() {
        for s in [
            "Het streven van het voorzitterschap is om deze onderhandelingen spoedig af te ronden.",
            "Het is de inzet van het voorzitterschap om de Raad een rol te geven.",
        ] {
            assert_eq!(subj(s), vec![Voorzitterschap], "{s}");
        }
        assert_eq!(
            subj("Het doel van de richtlijn is bescherming van slachtoffers."),
            vec![]
        );
    }

    #[test]
    fn broad_agreement_is_the_member_states() {
        assert_eq!(
            subj("Er bleek brede overeenstemming te bestaan over het belang van implementatie."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Er is nog geen overeenstemming bereikt over de tekst."),
            vec![]
        );
    }

    #[test]
    fn what_the_writers_pass_on_is_the_act_of_the_one_named() {
        assert_eq!(
            subj("In aanvulling op de geannoteerde agenda wil ik u informeren dat het voorzitterschap zojuist heeft laten weten dat het verslag zal doen."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            subj("Hierbij informeer ik u over de uitkomsten."),
            vec![Nederland]
        );
    }

    #[test]
    fn a_run_in_heading_is_read_past() {
        assert_eq!(
            subj("Taskforce Middellandse Zeegebied: De Commissie, Frontex, EASO en Europol gaven een overzicht."),
            vec![Commissie, ag("easo"), ag("europol"), ag("frontex")]
        );
        // A clause with a verb before its colon is no heading.
        assert_eq!(
            subj("Nederland heeft het volgende standpunt: steun."),
            vec![Nederland]
        );
    }

    #[test]
    fn joined_main_clauses_each_have_their_subject() {
        assert_eq!(
            subj("De Europese Commissie zal tijdens de RAZ haar werkprogramma toelichten, waarna de leden van de Raad erover van gedachten wisselen."),
            vec![Commissie, Lidstaten]
        );
        assert_eq!(
            subj("Nederland steunt het voorstel; de Commissie deelt die opvatting."),
            vec![Commissie, Nederland]
        );
    }

    #[test]
    fn a_pronoun_opening_a_paragraph_reaches_back_but_a_view_does_not() {
        let mut ctx = ActorContext::new();
        attribute_sentences(
            &[("Het voorzitterschap gaf een presentatie.", None)],
            &mut ctx,
        );
        let next = attribute_sentences(
            &[
                (
                    "Hij stelde dat de Raad zich moet concentreren op de follow-up.",
                    None,
                ),
                ("Het is van belang dat dit gebeurt.", None),
            ],
            &mut ctx,
        );
        assert_eq!(next[0].actors, vec![Voorzitterschap]);
        assert_eq!(next[0].rule, Some(Rule::Pronoun));
        let mut ctx = ActorContext::new();
        attribute_sentences(
            &[("Het voorzitterschap gaf een presentatie.", None)],
            &mut ctx,
        );
        let next = attribute_sentences(&[("Het is van belang dat dit gebeurt.", None)], &mut ctx);
        assert_eq!(next[0].actors, vec![]);
    }

    #[test]
    fn on_whose_behalf_and_who_is_represented() {
        assert_eq!(
            subj("Verder stonden er diversenpunten op de agenda, waaronder één namens Nederland."),
            vec![Nederland]
        );
        // The government's co-writers named make a letter's formula the writers' act; a
        // co-signer is no view holder.
        assert_eq!(
            subj("Met deze brief ontvangt u, mede namens de Staatssecretaris van Justitie, het verslag."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Mede namens de Minister voor Primair en Voortgezet Onderwijs en de Staatssecretaris van Onderwijs, Cultuur en Wetenschap."),
            vec![Nederland]
        );
        assert_eq!(subj("Hierbij gaat u het verslag toe van de Raad."), vec![]);
        assert_eq!(
            subj("Bij afwezigheid van de Minister werd Nederland vertegenwoordigd door de Permanente Vertegenwoordiger."),
            vec![Nederland]
        );
    }

    #[test]
    fn council_formations_and_bodies_outside_the_council() {
        assert_eq!(subj("De Milieuraad nam conclusies aan."), vec![Raad]);
        assert_eq!(
            subj("De Eurogroep heeft een discussie gehouden."),
            vec![Actor::Other("eurogroep".into())]
        );
        assert_eq!(
            subj("Op basis van de actualiteit zal de ER ook ingaan op Libië."),
            vec![Actor::Other("europese-raad".into())]
        );
        assert_eq!(
            subj("De Raad en de Hoge Vertegenwoordiger verwelkomden de besprekingen."),
            vec![Raad, Actor::Other("hoge-vertegenwoordiger".into())]
        );
        assert_eq!(
            subj("Op 14 juli hebben de lidstaten in Coreper overeenstemming bereikt over de positie van de Raad."),
            vec![Raad]
        );
        assert_eq!(subj("De Gezondheidsraad adviseerde anders."), vec![]);
        for a in [
            "eurogroep",
            "hoge-vertegenwoordiger",
            "tweede-kamer",
            "oekraine",
            "derde-land",
        ] {
            assert!(Actor::from_slug(a).is_some_and(|a| a.is_known()), "{a}");
        }
    }

    // --- the rules that followed the fourth held-out run ---------------------------------------

    #[test]
    fn a_run_in_heading_before_a_lowercase_clause() {
        assert_eq!(
            subj("Wapens: de JBZ-Raad bereikte een algemene oriëntatie op dit dossier."),
            vec![Raad]
        );
        assert_eq!(
            subj("Betere beheersing migratiestromen: de lidstaten verwelkomen de voortgang."),
            vec![Lidstaten]
        );
    }

    #[test]
    fn passives_after_a_modal_and_agents_before_a_determiner() {
        assert_eq!(
            subj("De Raad zal door de Commissie middels haar verslag worden geïnformeerd over Schengen."),
            vec![Commissie]
        );
        assert_eq!(
            subj("Hierbij werd door de Commissie de noodzaak van investeringen benadrukt."),
            vec![Commissie]
        );
        // A participle-adjective after the agent is still no passive of the sentence.
        assert_eq!(
            subj("Zij bespraken de door het Europees Parlement opgeschorte onderhandelingen."),
            vec![]
        );
        assert_eq!(
            subj("De Raadsconclusies en de daarin genoemde acties worden door de lidstaten verwelkomd."),
            vec![Lidstaten]
        );
    }

    #[test]
    fn taking_up_the_presidency_teaches_its_country() {
        let mut ctx = ActorContext::new();
        assert_eq!(
            ctx.subjects("Op 1 januari heeft Malta het voorzitterschap van de Raad overgenomen van Slowakije."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            ctx.subjects("Malta zal zijn programma presenteren."),
            vec![Voorzitterschap]
        );
        // Asking the presidency something is not taking it up.
        let mut ctx = ActorContext::new();
        ctx.subjects("Polen vroeg het voorzitterschap om een toelichting.");
        assert_eq!(
            ctx.subjects("Polen steunt het voorstel."),
            vec![ms("polen")]
        );
    }

    #[test]
    fn groups_by_number_papers_by_author_and_fragments_that_continue() {
        assert_eq!(
            subj("Tenslotte was er een discussie onder de 27 EU lidstaten."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("En marge ondertekenden zeven landen, waaronder Nederland, een brief."),
            vec![Nederland, Lidstaten]
        );
        assert_eq!(
            subj("Wat betreft de follow-up lag aan de ministers een nota van het Belgische voorzitterschap voor."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            subj("Deze agenda is gebaseerd op de voorlopige agenda zoals uitgebracht door het Deense Voorzitterschap."),
            vec![Voorzitterschap]
        );
        let mut ctx = ActorContext::new();
        let got = attribute_sentences(
            &[
                ("De Commissie wil de lidstaten steunen.", None),
                ("Bijvoorbeeld bij dataverzameling voor onderzoek.", None),
                (
                    "Dit kan bijvoorbeeld door een platform aan te bieden.",
                    None,
                ),
            ],
            &mut ctx,
        );
        assert!(got.iter().all(|a| a.actors == vec![Commissie]), "{got:?}");
    }

    #[test]
    fn the_governments_own_ministers_and_everyones_ministers() {
        assert_eq!(
            subj("Over de mededeling is uw Kamer geïnformeerd per brief van de Ministers van Financiën en Economische Zaken."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Tijdens de Eurogroep hebben de ministers van Financiën een voorlopig akkoord bereikt."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("De Volgende Milieuraad zal plaatsvinden op 17 december."),
            vec![]
        );
        assert_eq!(
            subj("Ook de EC sprak haar steun uit voor het voorstel."),
            vec![Commissie]
        );
    }

    // --- the rules that followed the fifth held-out run ----------------------------------------

    #[test]
    fn headings_with_abbreviations_and_divided_councils() {
        assert_eq!(
            subj("Europees Openbaar Ministerie (EOM): Er was brede politieke steun voor oprichting van het EOM."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Inreis- en uitreissysteem (EES): Het voorzitterschap informeerde de aanwezige ministers."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            subj("Dataretentie: De lidstaten zijn verdeeld over de vraag of er nieuwe wetgeving moet komen."),
            vec![]
        );
        assert_eq!(
            subj(
                "Op twee lidstaten na konden alle deelnemende lidstaten het compromis accepteren."
            ),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("De Europese Raad in Brussel in oktober wordt een belangrijk moment voor de uitbreiding."),
            vec![]
        );
        assert_eq!(
            subj("De Raad zal grotendeels in het teken staan van de voorbereiding."),
            vec![]
        );
    }

    #[test]
    fn het_before_a_noun_is_an_article_and_a_fronted_purpose_clause_is_passed() {
        let mut ctx = ActorContext::new();
        let got = attribute_sentences(
            &[
                ("De lidstaten bespraken de crisis.", None),
                ("In veel lidstaten neemt het aantal besmettingen af.", None),
                ("Allereerst stond het stil bij de cijfers.", None),
            ],
            &mut ctx,
        );
        assert_eq!(got[1].actors, vec![]);
        assert_eq!(
            subj("Om de doelstelling binnen bereik te brengen meent Nederland dat er maatregelen nodig zijn."),
            vec![Nederland]
        );
    }

    #[test]
    fn whose_view_frames_the_sentence_and_who_chairs() {
        assert_eq!(
            subj("Wat Nederland betreft, heeft de Europese Commissie dit gedaan."),
            vec![Commissie, Nederland]
        );
        assert_eq!(
            subj("Hieronder volgt de Nederlandse inzet voor de Voorjaarsraad."),
            vec![Nederland]
        );
        assert_eq!(
            subj("De Nederlandse opvatting is dat de procedure serieus genomen dient te worden."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Ook zal Nederland (samen met Oostenrijk) een diversenpunt aanvragen."),
            vec![Nederland, ms("oostenrijk")]
        );
        let mut ctx = ActorContext::new();
        assert_eq!(
            ctx.subjects("Sinds 1 juli is Slowakije voorzitter van de EU."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            subj("Het College van Commissarissen heeft besloten het voorstel te handhaven."),
            vec![Commissie]
        );
    }

    #[test]
    fn a_passive_in_a_relative_clause_is_not_the_main_clauses() {
        assert_eq!(
            subj("De Raad zal spreken over de follow-up die gegeven zal worden aan de Europese Raad."),
            vec![Raad]
        );
        assert_eq!(
            subj("De Raad zal door de Commissie worden geïnformeerd."),
            vec![Commissie]
        );
    }

    // --- the rules that followed the sixth held-out run ----------------------------------------

    #[test]
    fn agents_of_passives_whose_auxiliary_comes_last_or_is_zijn() {
        assert_eq!(
            subj("De verordening zal naar verwachting tevens door Ministers worden besproken tijdens de lunch."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj(
                "In december 2018 is door de Raad en het Europees Parlement een compromis bereikt."
            ),
            vec![Raad, EuropeesParlement]
        );
        // "door" with no participle after it is no agent of a perfect; nor is the agent of a
        // noun, or of a relative clause.
        assert_eq!(subj("De vergadering is door de Raad."), vec![]);
        assert_eq!(
            subj("Daarna is goedkeuring door het Europees Parlement vereist."),
            vec![]
        );
        assert_eq!(
            subj("De Raad is akkoord gegaan met het compromis dat is voorgesteld door het Europees Parlement."),
            vec![Raad]
        );
        assert_eq!(
            subj("De CIE dankt het voorzitterschap voor het agenderen."),
            vec![Commissie]
        );
        assert_eq!(
            subj("De aanstaande RAZ bereidt de Europese Raad voor."),
            vec![Raad]
        );
    }

    #[test]
    fn a_run_on_sentence_is_read_only_so_far() {
        // The subject opens it; the rest, past the cap, is not read again and again.
        let long = format!(
            "De Commissie stelde {}.",
            "dat de lidstaten die werden gevraagd door de Raad, waarna ".repeat(2_000)
        );
        assert_eq!(subj(&long), vec![Commissie]);
    }

    // --- the rules that followed the seventh held-out run --------------------------------------

    #[test]
    fn groups_by_their_ministers_or_a_share_and_a_country_as_chair() {
        assert_eq!(
            subj("De gezondheidsministers van de EU bespraken dit onderwerp."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Een grote meerderheid verwelkomde dan ook de link met uitvoeringsmaatregelen."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Nederland presenteerde als voorzitter de prioriteiten voor de eerste helft van 2016."),
            vec![Voorzitterschap, Nederland]
        );
        // A presidency still to come is not taught as the presidency.
        let mut ctx = ActorContext::new();
        assert_eq!(
            ctx.subjects("Roemenië gaf aan dat deze strategie een prioriteit is tijdens zijn voorzitterschap van de EU."),
            vec![ms("roemenie")]
        );
    }

    #[test]
    fn numbered_points_possessives_and_coordinated_compounds() {
        assert_eq!(subj("2. Mijn inzet op de thema's Nationaal Strategisch Plan en betalingsrechten ligt vast."), vec![Nederland]);
        assert_eq!(
            subj("Mijn bezoek bouwde voort op het bezoek van mijn voorganger."),
            vec![Nederland]
        );
        assert_eq!(
            subj("De nieuwe regering onder Minister-President Mitsotakis toont een grotere veranderingsbereidheid."),
            vec![]
        );
        assert_eq!(
            subj("Tijdens de Milieuraad voerden de Europese klimaat- en milieuministers een beleidsdebat."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Op 24 juni a.s. vindt de volgende Landbouw- en Visserijraad (Raad) plaats in Luxemburg."),
            vec![]
        );
    }

    #[test]
    fn dat_after_a_preposition_opens_a_clause_before_a_demonstrative() {
        assert_eq!(
            subj("Het kabinet ijvert er – zoals bekend – in EU-verband voor dat deze Agenda zoveel mogelijk wordt vertaald."),
            vec![Nederland]
        );
    }

    // --- after the eighth held-out run (read, not measured again) ------------------------------

    #[test]
    fn the_united_kingdom_those_the_writer_spoke_with_and_meetings_held() {
        assert_eq!(
            subj("Het Verenigd Koninkrijk kon niet met het Richtlijnvoorstel instemmen."),
            vec![Actor::Other("verenigd-koninkrijk".into())]
        );
        assert_eq!(
            subj("Daarnaast heb ik onder meer gesproken met de minister van Roemenië."),
            vec![Nederland, ms("roemenie")]
        );
        assert_eq!(
            subj("Op 26 mei 2015 kwam de Raad Buitenlandse Zaken bijeen in Brussel."),
            vec![]
        );
        assert_eq!(
            subj("Uit de tafelronde bleek dat vrijwel alle lidstaten de principes steunen."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("De leden van de ER spraken over de epidemiologische situatie."),
            vec![Actor::Other("europese-raad".into())]
        );
        assert_eq!(
            subj("Milieucommissaris Dimas gaf een reactie."),
            vec![Commissie]
        );
        assert_eq!(
            subj("De Hoge Commissaris voor de Vluchtelingen sprak de Raad toe."),
            vec![]
        );
    }

    // --- after the ninth held-out run (read, not measured again) -------------------------------

    #[test]
    fn serving_as_a_bracketed_country_and_candidate_countries() {
        let mut ctx = ActorContext::new();
        let got = attribute_sentences(
            &[
                ("Met deze brief informeer ik u over de Europese Raad.", None),
                (
                    "Deze brief dient tevens als geannoteerde agenda voor de top.",
                    None,
                ),
            ],
            &mut ctx,
        );
        assert_eq!(got[1].actors, vec![]);
        // Being there is no act; a pronoun after it still points to the one who was there.
        assert_eq!(
            subj("Minister Store (Noorwegen) was bij een deel van de discussie aanwezig."),
            vec![]
        );
        let got = explain(
            &[
                "Minister Store (Noorwegen) was bij een deel van de discussie aanwezig.",
                "In zijn bijdrage onderstreepte hij de urgentie van meer steun.",
            ],
            None,
        );
        assert_eq!(got[1].0, vec![Actor::Other("noorwegen".into())]);
        assert_eq!(
            subj("De ministers van Buitenlandse Zaken van de kandidaat-lidstaten woonden een deel van de discussie bij."),
            vec![]
        );
        assert_eq!(
            subj("De ministers van deze landen namen ook deel aan dit debat."),
            vec![]
        );
        // A minister introduced by first name and surname is not the writers' own; by surname,
        // or by portfolio, still is.
        assert_eq!(
            subj("Aan het begin van de Raad lichtte minister Georgios Drys de prioriteiten toe."),
            vec![]
        );
        assert_eq!(
            subj("Minister Grapperhaus lichtte de prioriteiten toe."),
            vec![Nederland]
        );
        assert_eq!(
            subj("De Minister van Justitie en Veiligheid, Dilan Yeşilgöz, lichtte de inzet toe."),
            vec![Nederland]
        );
        // The member states' ministers are still the member states.
        assert_eq!(
            subj("De ministers bespraken hun visie op een resolutie."),
            vec![Lidstaten]
        );
    }

    #[test]
    fn volgens_attributes_the_sentence() {
        assert_eq!(subj("Volgens Nederland is dat nodig om implementatie op nationale niveau te vergemakkelijken."), vec![Nederland]);
        assert_eq!(subj("Volgens de Commissie gaven de Raadsconclusies een duidelijk politiek signaal voor grondrechten."), vec![Commissie]);
    }

    #[test]
    fn support_among_member_states_is_theirs() {
        assert_eq!(subj("Er was onder de lidstaten brede steun voor alle inspanningen op de externe dimensie."), vec![Lidstaten]);
    }

    #[test]
    fn voor_nederland_in_an_agenda_is_nederland() {
        assert_eq!(
            subj("Voor Nederland is het van belang dat de waarborgen blijven."),
            vec![Nederland]
        );
    }

    // --- 4. actor words ----------------------------------------------------------------------

    #[test]
    fn netherlands_words() {
        assert_eq!(subj("Het kabinet steunt dit."), vec![Nederland]);
        assert_eq!(
            subj("De minister benadrukte het belang van terugkeer."),
            vec![Nederland]
        );
        assert_eq!(
            subj("De staatssecretaris vroeg aandacht voor de uitvoering."),
            vec![Nederland]
        );
        assert_eq!(subj("Volgens de Commissie moeten de ministers van Justitie de onderwerpen uit dit rapport bespreken."), vec![Commissie]);
        // The ministers of the member states, not the Dutch minister.
        assert_eq!(
            subj("De ministers van Justitie bespraken het rapport."),
            vec![Lidstaten]
        );
    }

    #[test]
    fn commission_words() {
        assert_eq!(
            subj("De Europese Commissie lichtte het voorstel toe."),
            vec![Commissie]
        );
        assert_eq!(
            subj("Eurocommissaris Johansson benadrukte het belang."),
            vec![Commissie]
        );
        assert_eq!(
            subj("De commissie voor Justitie en Veiligheid vroeg om een brief."),
            vec![]
        );
        assert_eq!(subj("De Commissie van Venetië bracht advies uit."), vec![]);
    }

    #[test]
    fn presidency_with_any_nationality_adjective() {
        assert_eq!(
            subj("Het Spaanse voorzitterschap lichtte de ontwikkelingen toe."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            subj("Het aankomend Belgische voorzitterschap gaf aan de bestrijding van georganiseerde criminaliteit en drugshandel tevens te prioriteren."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            subj("Het inkomende Hongaarse voorzitterschap presenteerde zijn prioriteiten."),
            vec![Voorzitterschap]
        );
    }

    #[test]
    fn council_but_not_council_compounds() {
        assert_eq!(
            subj("De JBZ-Raad sprak steun uit voor de inzet van een breed instrumentarium."),
            vec![Raad]
        );
        assert_eq!(subj("De Raad hoorde dit aan."), vec![Raad]);
        assert_eq!(subj("De Raadspositie werd vastgesteld."), vec![]);
        assert_eq!(
            subj("Volgens de Commissie gaven de Raadsconclusies een signaal."),
            vec![Commissie]
        );
        assert_eq!(
            subj("De Europese Raad riep op tot actie."),
            vec![Actor::Other("europese-raad".into())]
        );
    }

    #[test]
    fn european_parliament_words() {
        assert_eq!(
            subj("Het Europees Parlement stemde in met de tekst."),
            vec![EuropeesParlement]
        );
        assert_eq!(
            subj("Daarna heeft het EP zijn positie bepaald."),
            vec![EuropeesParlement]
        );
    }

    #[test]
    fn member_state_group_words() {
        assert_eq!(subj("Een lidstaat maakte een voorbehoud."), vec![Lidstaten]);
        assert_eq!(subj("Een enkele lidstaat riep op tot het beschikbaar maken van meer financiële middelen."), vec![Lidstaten]);
        assert_eq!(subj("Zo werkten beide lidstaten aan het opstellen van een versnelde asielgrensprocedure."), vec![Lidstaten]);
        assert_eq!(
            subj(
                "Veel lidstaten sloten zich ook aan bij het belang van grotere inzet op terugkeer."
            ),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Een meerderheid van de lidstaten steunde het compromis."),
            vec![Lidstaten]
        );
    }

    #[test]
    fn member_states_by_name_have_ascii_slugs() {
        assert_eq!(
            subj("Italië en Tsjechië steunden het voorstel."),
            vec![ms("italie"), ms("tsjechie")]
        );
        assert_eq!(
            subj("De Poolse minister maakte een voorbehoud."),
            vec![ms("polen")]
        );
    }

    #[test]
    fn agency_words() {
        assert_eq!(subj("EUROPOL benoemde de werkzaamheden van de zogeheten terrorisme identificatie taskforce."), vec![ag("europol")]);
        assert_eq!(
            subj("Eurojust verwachte daarmee meer vooruitgang."),
            vec![ag("eurojust")]
        );
        assert_eq!(subj("Daarnaast deed Eurojust een oproep aan lidstaten om bewijs aan te leveren voor de database."), vec![ag("eurojust")]);
        assert_eq!(
            subj("Frontex presenteerde de cijfers."),
            vec![ag("frontex")]
        );
        assert_eq!(subj("Het EUAA lichtte de situatie toe."), vec![ag("euaa")]);
        assert_eq!(
            subj("Het asielagentschap lichtte de situatie toe."),
            vec![ag("euaa")]
        );
        assert_eq!(
            subj("Het Europees Openbaar Ministerie rapporteerde over zaken."),
            vec![ag("eom")]
        );
        assert_eq!(subj("Het EOM rapporteerde over zaken."), vec![ag("eom")]);
        assert_eq!(
            subj("Het Bureau voor de grondrechten presenteerde een rapport."),
            vec![ag("fra")]
        );
        assert_eq!(subj("Het FRA presenteerde een rapport."), vec![ag("fra")]);
        assert_eq!(
            subj("De EU CTC benadrukte de dreiging."),
            vec![ag("eu-ctc")]
        );
        assert_eq!(
            subj("De contraterrorismecoördinator benadrukte de dreiging."),
            vec![ag("eu-ctc")]
        );
    }

    // --- 5. people ---------------------------------------------------------------------------

    #[test]
    fn director_apposition_speaks_for_the_agency_and_is_learned() {
        let mut ctx = ActorContext::new();
        assert_eq!(
            ctx.subjects("Agnes Diallo, directeur van eu-LISA (EU agentschap voor beheer van IT-systemen), lichtte de implementatie roadmap met in begrip van een nieuwe planning toe."),
            vec![ag("eu-lisa")]
        );
        assert_eq!(
            ctx.subjects("Diallo benadrukte dat de planning haalbaar is."),
            vec![ag("eu-lisa")]
        );
    }

    #[test]
    fn coordinator_with_name_apposition_is_eu_ctc_and_is_learned() {
        let mut ctx = ActorContext::new();
        assert_eq!(
            ctx.subjects("De EU contra-terrorisme coördinator, Ilkka Salmi, benadrukte het belang van contentmoderatie door technologiebedrijven."),
            vec![ag("eu-ctc")]
        );
        assert_eq!(
            ctx.subjects("Salmi wees op de dreiging."),
            vec![ag("eu-ctc")]
        );
    }

    #[test]
    fn agency_director_as_passive_agent_speaks_and_is_learned() {
        let mut ctx = ActorContext::new();
        assert_eq!(
            ctx.subjects("Vervolgens was er een gedachtewisseling die werd geïntroduceerd door de directeur van het grondrechtenagentschap O’Flaherty."),
            vec![ag("fra")]
        );
        assert_eq!(
            ctx.subjects("O’Flaherty benoemde aandachtspunten bij digitalisering, zoals waakzaamheid op kwaliteit bij digitalisering."),
            vec![ag("fra")]
        );
        // A fresh context knows no one.
        assert_eq!(
            subj("O’Flaherty benoemde aandachtspunten bij digitalisering."),
            vec![]
        );
    }

    #[test]
    fn commissioner_name_is_learned() {
        let mut ctx = ActorContext::new();
        ctx.subjects("Op aangeven van Nederland opende Commissaris Reijnders de lunch.");
        assert_eq!(
            ctx.subjects("Reijnders sloot de lunch af."),
            vec![Commissie]
        );
    }

    #[test]
    fn hyphenation_left_in_the_coordinator_title_is_tolerated() {
        let mut ctx = ActorContext::new();
        assert_eq!(
            ctx.subjects(
                "De EU contra- terrorisme coördinator, Ilkka Salmi, benadrukte het belang."
            ),
            vec![ag("eu-ctc")]
        );
        assert_eq!(
            ctx.subjects("Salmi benadrukte het belang."),
            vec![ag("eu-ctc")]
        );
    }

    #[test]
    fn heads_of_agencies_and_the_council_speak_for_them() {
        assert_eq!(
            subj("De directeur van Europol lichtte de cijfers toe."),
            vec![ag("europol")]
        );
        assert_eq!(
            subj("De voorzitter van de Raad sloot de vergadering."),
            vec![Voorzitterschap]
        );
        assert_eq!(subj("De voorzitter van de werkgroep rapporteerde."), vec![]);
    }

    #[test]
    fn names_can_be_taught() {
        let mut ctx = ActorContext::new();
        ctx.learn_name("Ylva Johansson", Commissie);
        assert_eq!(
            ctx.subjects("Johansson benadrukte het belang."),
            vec![Commissie]
        );
        assert_eq!(
            ctx.subjects("Ylva Johansson benadrukte het belang."),
            vec![Commissie]
        );
    }

    // --- 6. no subject -----------------------------------------------------------------------

    #[test]
    fn actor_inside_a_non_actor_phrase_is_no_subject() {
        assert_eq!(subj("De gedachtewisseling tussen de lidstaten ging grotendeels over de aanpak van mensensmokkel."), vec![]);
        assert_eq!(
            subj("De aandachtspunten van het grondrechtenagentschap werden herkend."),
            vec![]
        );
        assert_eq!(
            subj("De inzet en ondersteuning van Eurojust aan deze initiatieven zijn cruciaal."),
            vec![]
        );
        assert_eq!(subj("Onder de AOB-punten werd ook kort teruggeblikt naar een donor conferentie die in Kroatië werd gehouden."), vec![]);
    }

    // --- 7. paragraphs -----------------------------------------------------------------------

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn sentence_without_subject_continues_the_netherlands_statement() {
        let p = strings(&[
            "Nederland bracht in dat brede en gelijkwaardige EU-partnerschappen met derde landen essentieel zijn.",
            "Het is daarbij van belang niet alleen te handelen wanneer migratiecijfers hoog zijn, maar ook preventief te werk te gaan.",
            "Met betrekking tot het MoU met Tunesië riep Nederland op tot snelle implementatie van de afspraken.",
        ]);
        let got = attribute_paragraph(&p, &mut ActorContext::new());
        assert_eq!(got, vec![vec![Nederland], vec![Nederland], vec![Nederland]]);
    }

    #[test]
    fn pronoun_sentence_continues_the_member_states() {
        let p = strings(&[
            "Tijdens de AOB-punten onderstreepten Bulgarije en Roemenië dat Schengentoetreding voor hen een absolute prioriteit is.",
            "Ook lichtten zij de acties toe die zij de afgelopen periode hebben ondernomen op het vlak van rechtsstaat en grensbeheer.",
        ]);
        let got = attribute_paragraph(&p, &mut ActorContext::new());
        let both = vec![ms("bulgarije"), ms("roemenie")];
        assert_eq!(got, vec![both.clone(), both]);
        assert_eq!(got[0][0].slug(), "bulgarije");
        assert_eq!(got[0][1].slug(), "roemenie");
    }

    #[test]
    fn first_sentence_without_subject_gets_nothing() {
        let p = strings(&[
            "De gedachtewisseling tussen de lidstaten ging grotendeels over de aanpak van mensensmokkel.",
            "Het Voorzitterschap had hiertoe een aanpak langs vier sporen voorgesteld.",
        ]);
        let got = attribute_paragraph(&p, &mut ActorContext::new());
        assert_eq!(got, vec![vec![], vec![Voorzitterschap]]);
    }

    // --- 8. rules, as issue 15 names them (tests/actors_annotated.rs measures them) ----------

    fn explain(p: &[&str], section: Option<&str>) -> Vec<(Vec<Actor>, Option<&'static str>)> {
        let with: Vec<(&str, Option<&str>)> = p.iter().map(|s| (*s, section)).collect();
        attribute_sentences(&with, &mut ActorContext::new())
            .into_iter()
            .map(|a| (a.actors, a.rule.map(Rule::name)))
            .collect()
    }

    #[test]
    fn who_acts_inside_a_phrase_is_named_beside_the_subject() {
        let commissie = Actor::Commissie;
        // The author of a participle-adjective, of a passive in a relative clause, the subject
        // of a relative clause, and the holder of a view named with "van".
        assert_eq!(
            explain(&["Daarnaast gaat de Staatssecretaris in op de door de Europese Commissie uitgebrachte mededeling."], None),
            vec![(vec![commissie.clone(), Nederland], Some("inverted-subject"))]
        );
        assert_eq!(
            explain(&["EU-PNR: De Raad is akkoord gegaan met het compromis dat is voorgesteld door het Europees Parlement."], None)[0].0,
            vec![Raad, Actor::EuropeesParlement]
        );
        assert_eq!(
            explain(&["Over het geheel genomen steunt Nederland de wijzigingen die de Commissie voorstelt."], None)[0].0,
            vec![commissie.clone(), Nederland]
        );
        assert_eq!(
            explain(
                &["Nederland steunde deze lijn van het Voorzitterschap."],
                None
            )[0]
            .0,
            vec![Voorzitterschap, Nederland]
        );
        // With no actor of its own, the sentence is theirs by this rule.
        assert_eq!(
            explain(&["Het debat ging over het voorstel voor een verordening, dat de Commissie in januari heeft gepresenteerd."], None),
            vec![(vec![], None)]
        );
        assert_eq!(
            explain(&["Deze Mededeling volgt op een uitgebreid consultatieproces dat de Commissie voerde."], None),
            vec![(vec![commissie.clone()], Some("embedded"))]
        );
        // A view of it, as well as its making: "het door Nederland bekritiseerde mechanisme".
        assert_eq!(
            explain(&["Ook maakt het door Nederland bekritiseerde opschortingsmechanisme geen deel meer uit van de verordening."], None),
            vec![(vec![Nederland], Some("embedded"))]
        );
        // Not "dat" after a verb, not what was done to the actor, not a procedure's "common
        // position", not an act that is no authoring, not the Kamer's own papers.
        for (sentence, subject) in [
            ("Nederland benadrukte dat de lasten door EU-lidstaten gezamenlijk gedragen moeten worden.", vec![Nederland]),
            ("Nederland vindt het onacceptabel dat de Commissie het resultaat pas in april zal presenteren.", vec![Nederland]),
            ("Tsjechië presenteerde de uitkomsten van de bijeenkomst in Praag, die ook werd bijgewoond door een aantal andere lidstaten.", vec![ms("tsjechie")]),
            ("Hierover is met meerderheid van stemmen overeenstemming bereikt over een gemeenschappelijk standpunt van de Raad.", vec![]),
            ("Na de aanname van een Raadspositie zijn de eerder door het Europees Parlement opgeschorte triloogonderhandelingen weer hervat.", vec![]),
            ("De algemene benadering is een afspraak in de Raad die het Europees Parlement richting geeft.", vec![]),
            ("Dit in aanvulling op de geannoteerde agenda, die uw Kamer op 9 maart ontving.", vec![]),
        ] {
            assert_eq!(explain(&[sentence], None)[0].0, subject, "{sentence}");
        }
        // A pronoun after it points back to the subject, not to the actor inside the phrase.
        let got = explain(
            &[
                "Veel lidstaten steunden de wijzigingen die de Commissie voorstelt.",
                "Zij vroegen daarbij aandacht voor de uitvoering.",
            ],
            None,
        );
        assert_eq!(got[0].0, vec![commissie, Lidstaten]);
        assert_eq!(got[1], (vec![Lidstaten], Some("pronoun")));
    }

    #[test]
    fn the_writers_colleagues_and_a_dutch_ministers_full_name() {
        // The other member states' ministers the writers met, by any of their names.
        for sentence in [
            "Ik heb hier aan deelgenomen en kennisgemaakt met diverse collega-ministers.",
            "Voorafgaand aan de Raad heb ik bilateraal met mijn collega's gesproken.",
            "Daarnaast heb ik gesproken met de Uitvoerend Vicepresident van de Commissie en diverse collega-ministers.",
        ] {
            let got = explain(&[sentence], None);
            assert!(got[0].0.contains(&Nederland) && got[0].0.contains(&Lidstaten), "{sentence} → {got:?}");
            assert_eq!(got[0].1, Some("talks-with"), "{sentence}");
        }
        // A first name with a lowercase "van" is a Dutch minister's; "minister Georgios Drys"
        // is someone the letter introduces.
        assert_eq!(
            subj("Minister Eimert van Middelkoop neemt op donderdag 21 februari deel aan de vergadering."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Aan het begin van de Raad lichtte minister Georgios Drys de prioriteiten toe."),
            vec![]
        );
    }

    #[test]
    fn agents_pronouns_and_representatives_read_after_v17() {
        // A passive with "zijn" whose participle stands before the agent.
        assert_eq!(
            explain(&["Het MFK is in deze Raad geagendeerd als informatiepunt door het voorzitterschap."], None),
            vec![(vec![Voorzitterschap], Some("passive-agent"))]
        );
        // A form of "zijn" after the agent ("door" first) is no passive of "zijn" before it
        // (and reading it must not fail); the author of the participle is the actor.
        assert_eq!(
            subj("Het rapport, opgesteld door de Commissie, is gisteren gepubliceerd."),
            vec![Commissie]
        );
        assert_eq!(subj("Het werk door de Commissie is goed."), vec![]);
        // "Het" with an auxiliary and a verb of saying points back.
        let got = explain(
            &[
                "Naar verwachting zal het Finse voorzitterschap een toelichting geven op de planning.",
                "Het heeft laten weten dat het als eerste stap de posities van lidstaten in kaart wil brengen.",
            ],
            None,
        );
        assert_eq!(got[1], (vec![Voorzitterschap], Some("pronoun")));
        // "Het heeft geleid tot …" says nothing.
        assert_eq!(
            explain(
                &[
                    "Het voorzitterschap opende de vergadering.",
                    "Het heeft geleid tot een korte discussie."
                ],
                None
            )[1]
            .0,
            vec![]
        );
        assert_eq!(
            subj("De Permanente Vertegenwoordiger van Nederland bij de Europese Unie zal Nederland vertegenwoordigen."),
            vec![Nederland]
        );
    }

    #[test]
    fn names_agencies_and_views_read_after_v19() {
        // A name taught after a title and "mevrouw", used alone later in the item.
        let got = explain(
            &[
                "De Hoofdaanklager van het EOM, mevrouw Kövesi, heeft mij per brief laten weten dat zij tevreden is.",
                "Mevrouw Kövesi heeft Nederland verder verzocht uiterlijk 30 juni te reageren.",
            ],
            None,
        );
        let eom = Actor::Agency("eom".into());
        assert_eq!(got[0].0, vec![eom.clone()]);
        assert_eq!(got[1].0, vec![eom]);
        // "Het Agentschap": the agency the item named before.
        let got = explain(
            &[
                "Frontex ondersteunt EU-lidstaten bij de bewaking van de buitengrenzen.",
                "Het Agentschap biedt daartoe ondersteuning aan de lidstaten.",
            ],
            None,
        );
        assert_eq!(got[1].0, vec![Actor::Agency("frontex".into())]);
        assert_eq!(
            subj("Het agentschap biedt ondersteuning aan de lidstaten."),
            vec![]
        );
        // "wat het kabinet betreft": in its view; "Wat betreft de motie": a topic.
        assert_eq!(
            subj("Een inzet op zowel negatieve als positieve maatregelen biedt wat het kabinet betreft de beste vooruitzichten."),
            vec![Nederland]
        );
        // The heads of state and government are the European Council.
        assert_eq!(
            subj("De staatshoofden en regeringsleiders van de EU-lidstaten beslissen over de ontwerptekst."),
            vec![Actor::Other("europese-raad".into())]
        );
        // "In acht genomen de motie …" is no verb and its subject: the writers act.
        assert_eq!(
            explain(&["In acht genomen de motie van de leden Schouw en Ten Broeke wijs ik de Kamer erop dat het voorstel mogelijk wordt geagendeerd."], None)[0].0,
            vec![Nederland]
        );
        // No act: who attends a meeting described, a topic that was on the agenda, what an
        // instrument enables.
        for sentence in [
            "Naar zich laat aanzien zal de zitting, waaraan alleen zal worden deelgenomen door de Staatshoofden en regeringsleiders, beginnen met een ontmoeting.",
            "Zoals u weet, is het EOM tijdens de laatste JBZ-Raad op 14 oktober jl. aan de orde geweest.",
            "Via dit mechanisme kunnen de Raad en het Europees Parlement de belangrijkste prioriteiten identificeren.",
        ] {
            assert_eq!(explain(&[sentence], None)[0].0, vec![], "{sentence}");
        }
    }

    #[test]
    fn the_kamer_as_u_asks() {
        let kamer = vec![Actor::Other("tweede-kamer".into())];
        assert_eq!(
            subj("In uw brief van 14 april heeft u mij gevraagd u te informeren over twee onderwerpen."),
            kamer
        );
        // Receiving, or being told, is no act of the Kamer.
        assert_eq!(
            subj("Bijgaand treft u de antwoorden aan op de vragen."),
            vec![]
        );
        assert_eq!(
            subj("Hierbij informeer ik u over de uitkomsten van de Raad."),
            vec![Nederland]
        );
    }

    #[test]
    fn the_kamer_and_its_motions_act_but_receiving_is_no_act() {
        let kamer = || vec![Actor::Other("tweede-kamer".into())];
        assert_eq!(
            subj("De motie Van Veldhoven c.s. verzoekt voortvarend invulling te geven aan het voorzitterschap."),
            kamer()
        );
        assert_eq!(
            subj("In deze motie verzoekt uw Kamer de regering zich in te spannen voor wijziging van de regels."),
            kamer()
        );
        assert_eq!(
            subj("Bijgaand treft uw Kamer tevens de antwoorden op de vragen."),
            vec![]
        );
        assert_eq!(
            subj("Met deze brief ontvangt uw Kamer het verslag van de Raad Algemene Zaken."),
            vec![]
        );
        assert_eq!(
            subj("Wat betreft de motie Heutink; de nieuwverkoop van brandstofauto's stond niet op de agenda."),
            vec![]
        );
    }

    #[test]
    fn several_ministers_of_one_portfolio_are_not_the_writers() {
        // An agenda of the RBZ-Defensie, 2015: all the member states' defence ministers.
        assert_eq!(
            subj("Daarna vergaderen de Ministers van Defensie in de gebruikelijke Raadsformatie."),
            vec![Lidstaten]
        );
        // Two portfolios: the government's own two ministers.
        assert_eq!(
            subj("Over de mededeling is uw Kamer geïnformeerd per brief van de Ministers van Financiën en Economische Zaken."),
            vec![Nederland]
        );
    }

    #[test]
    fn a_person_by_title_and_name_opens_the_clause() {
        // Verslag of the European Council, December 2010: "het EP" is the object.
        assert_eq!(
            subj("Voorzitter Van Rompuy bedankte het EP op zijn beurt voor de getoonde flexibiliteit."),
            vec![]
        );
        assert_eq!(
            subj("De Europese Raad begon met het gebruikelijke overleg met de voorzitter van het Europees Parlement."),
            vec![]
        );
        // A title with a known name still speaks for its body.
        assert_eq!(
            subj("Commissaris Johansson lichtte het voorstel toe."),
            vec![Commissie]
        );
    }

    #[test]
    fn meetings_described_and_the_permanent_president() {
        // Verslagen of the European Council, 2009-2010, and of the Eurogroup, 2011 (held-out
        // set v15, read after its run).
        assert_eq!(
            subj("Deze Europese Raad ging hoofdzakelijk over twee onderwerpen: de crisis en het klimaat."),
            vec![]
        );
        assert_eq!(
            subj("Op maandag 14 maart vond de Eurogroep plaats met hieraan aansluitend een bijeenkomst."),
            vec![]
        );
        let got = explain(
            &[
                "De vaste voorzitter van de Europese Raad, de heer Van Rompuy, woonde het diner bij.",
                "Na 1 januari a.s. zal hij de bijeenkomsten van de Europese Raad voorzitten.",
            ],
            None,
        );
        assert_eq!(got[0].0, vec![Actor::Other("europese-raad".into())]);
        assert_eq!(got[1].0, vec![Actor::Other("europese-raad".into())]);
        assert_eq!(
            subj("De Eurolanden bereikten overeenstemming over een verklaring."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Verder heb ik, samen met diverse andere lidstaten, opnieuw gepleit voor een aanpassing."),
            vec![Nederland, Lidstaten]
        );
    }

    #[test]
    fn present_plurals_heads_of_government_and_references() {
        // A defence news item of 2007, a JBZ verslag of 2013, an informal JBZ letter of 2019
        // (held-out set v14, read after its run).
        assert_eq!(
            subj("Voorafgaand aan de RAZEB vergaderen de defensieministers met de Bestuursraad van het Agentschap."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("De meeste lidstaten beschouwen oprichting van een EOM als een positieve stap, maar tegelijkertijd werden door hen veel kanttekeningen geplaatst."),
            vec![Lidstaten]
        );
        let got = explain(
            &[
                "Tijdens deze Europese Raad veroordeelden de regeringsleiders alle vormen van antisemitisme.",
                "Zij verwelkomden de goedkeuring van de verklaring van de JBZ-Raad.",
            ],
            None,
        );
        assert_eq!(got[0].0, vec![Actor::Other("europese-raad".into())]);
        assert_eq!(got[1].0, vec![Actor::Other("europese-raad".into())]);
        // A letter referred to is no paper that acts.
        assert_eq!(
            subj("Evenals bij de vorige agenda zijn in het navolgende, conform de brief van de Staatssecretaris van Buitenlandse Zaken, de fiches opgenomen."),
            vec![]
        );
        // The agent of a noun in a fronted phrase is not the passive's.
        assert_eq!(
            subj("Na de presentatie door HV Mogherini tijdens de Europese Raad zal de strategie openbaar worden gemaakt."),
            vec![]
        );
        assert_eq!(
            subj("Bulgarije is op weg de gestelde doelstellingen te realiseren."),
            vec![]
        );
    }

    #[test]
    fn support_in_the_council_and_acting_together() {
        // Verslagen of JBZ-Raden, 2014-2019, and of the RAZ, 2017 (held-out set v13, read
        // after its run).
        assert_eq!(
            explain(
                &["In de Raad was overeenstemming over een versterkt mandaat van Frontex."],
                None
            )[0],
            (vec![Lidstaten], Some("consensus"))
        );
        assert_eq!(
            subj("Ook de acties gericht op preventie in landen van herkomst kregen veel steun."),
            vec![Lidstaten]
        );
        // An agreement reached is a decision, not support shown.
        assert_eq!(
            subj(
                "Tijdens de Europese Raad is overeenstemming bereikt over een pakket voorstellen."
            ),
            vec![]
        );
        // Support of someone named is not the member states'.
        assert_eq!(
            subj("Er was steun van de voorzitter voor het idee."),
            vec![]
        );
        assert_eq!(
            subj(
                "Geen van de lidstaten heeft naar aanleiding van deze toelichting geïntervenieerd."
            ),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Europol/Cepol: De Raad nam een algemene benadering aan."),
            vec![Raad]
        );
        assert_eq!(
            subj("Griekenland is aangesproken op de uitlatingen."),
            vec![]
        );
        assert_eq!(
            subj("Zo heeft DG COMP op 16 maart jl. een voorstel gedaan voor een tijdelijk staatssteunkader."),
            vec![Commissie]
        );
        assert_eq!(
            subj("Op 17 november organiseerde de Europese Commissie samen met de Zweedse regering een sociale top."),
            vec![Commissie, ms("zweden")]
        );
    }

    #[test]
    fn not_taking_part_is_no_act() {
        assert_eq!(
            subj("De Britse premier heeft niet aan deze viering deelgenomen."),
            vec![]
        );
        assert_eq!(
            subj("De Minister-President nam deel aan deze vergadering."),
            vec![Nederland]
        );
    }

    #[test]
    fn idioms_of_agency_and_topics() {
        // Verslagen and agendas of 1998-2021 (held-out set v12, read after its run).
        assert_eq!(
            subj("De Algemene Raad bevestigde nog eens de hoge prioriteit."),
            vec![Raad]
        );
        assert_eq!(
            subj("De leden van de RAZ zullen naar verwachting voornamelijk spreken over de pandemie."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Beide punten zijn van Nederlandse zijde ingebracht."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Alleen Nederland heeft minder behoefte geuit aan een rol voor de Commissie."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Door Nederland en ook andere lidstaten is gepleit voor het concrete Europa."),
            vec![Nederland, Lidstaten]
        );
        assert_eq!(
            subj("Uit de inbrengen van delegaties kwam naar voren dat de boodschappen breed werden gesteund."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("De Minister-President is voornemens deel te nemen aan deze vergadering."),
            vec![Nederland]
        );
        // A topic that comes up is no actor; in a clause of its own it does not matter.
        assert_eq!(
            subj("Tevens komt Polen en rechtsstaat als informatiepunt aan de orde."),
            vec![]
        );
        assert_eq!(
            subj("Juist voor dit besluit acht Nederland het van belang dat dit in RAZEB-verband aan de orde komt."),
            vec![Nederland]
        );
        // The writer as a source, and a behalf in a clause of its own, act in nothing.
        assert_eq!(
            subj("Dit overleg is naar ik heb begrepen uitgesteld."),
            vec![]
        );
        assert_eq!(
            subj("Het is nog niet bekend wie er aan deze vergaderingen namens Nederland zal deelnemen."),
            vec![]
        );
        // Asked is a passive with "zijn" too: the one asked does not act.
        assert_eq!(
            subj("De Hoge Vertegenwoordiger Solana is daarop verzocht contact op te nemen met Durban."),
            vec![]
        );
        let got = explain(
            &[
                "Een aantal lidstaten, te weten Nederland, Duitsland, Zweden en het Verenigd Koninkrijk, heeft bezwaar gemaakt.",
                "Deze vier lidstaten zijn geen voorstander van het verstrekken van inkomenssteun.",
            ],
            None,
        );
        assert_eq!(got[1].1, Some("anaphor"));
    }

    #[test]
    fn aims_meetings_by_date_and_support_found() {
        assert_eq!(
            subj("Het is mijn streven te komen tot een regulering van alle diepzeevisbestanden."),
            vec![Nederland]
        );
        assert_eq!(
            subj("De primaire inzet van Nederland is daarom om de richtlijn in overeenstemming te brengen."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Nadien heeft de Visserijraad van 12 juni jl. overeenstemming bereikt over een algemene benadering."),
            vec![Raad]
        );
        // The Council of Europe is no Council of the EU.
        assert_eq!(
            subj("De Raad van Europa heeft een rapport gepubliceerd."),
            vec![]
        );
        assert_eq!(
            subj("De Visserijraad zal op 11 juni a.s. te Luxemburg bijeenkomen."),
            vec![]
        );
        assert_eq!(
            subj("Tijdens deze bijeenkomst heeft de Raad de volgende instrumenten aangenomen."),
            vec![Raad]
        );
        assert_eq!(
            subj("Er bleek een grote mate van overeenstemming tussen de verschillende lidstaten over de rol van de EVA."),
            vec![Lidstaten]
        );
        assert_eq!(
            subj("Naar aanleiding van het verzoek gaat u hierbij, mede namens de Minister-President, een toelichting toe."),
            vec![Nederland]
        );
    }

    #[test]
    fn who_chairs_is_the_presidency() {
        // Verslagen of the IMC&T Raad, September 2001 and May 2002, and of the health Council,
        // June 2005.
        let got = explain(
            &[
                "De Raad werd voorgezeten door de Belgische ministers Landuyt (Vlaamse regering) en Picqué (Economische Zaken, federale regering).",
                "Eerstgenoemde behandelde de agendapunten inzake toerisme, laatstgenoemde de overige agendaonderwerpen.",
            ],
            None,
        );
        assert_eq!(got[0], (vec![Voorzitterschap], Some("chair")));
        assert_eq!(got[1], (vec![Voorzitterschap], Some("pronoun")));
        assert_eq!(
            subj("De Raad werd voorgezeten door minister mw. C. Villalobos Talero van Volksgezondheid."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            subj("De Raad stond onder Voorzitterschap van dhr. Mars di Bartolomeo van Luxemburg."),
            vec![Voorzitterschap]
        );
        // "Onder voorzitterschap van" alone says when, not who acts.
        assert_eq!(
            subj("Onder voorzitterschap van Staatssecretaris Neyts werd gesproken over de IGC."),
            vec![]
        );
    }

    #[test]
    fn the_ministers_of_the_member_state_in_the_chair_speak_as_the_presidency() {
        let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(presidency_on(date("2004-04-26")), Some("ierland"));
        assert_eq!(presidency_on(date("2004-07-01")), Some("nederland"));
        assert_eq!(presidency_on(date("2025-12-08")), Some("denemarken"));
        assert_eq!(presidency_on(date("1990-01-01")), None);
        let sentence = "De Ierse minister van Buitenlandse Zaken gaf een nadere uiteenzetting over de procedure.";
        assert_eq!(
            ActorContext::for_meeting(date("2004-04-26")).subjects(sentence),
            vec![Voorzitterschap]
        );
        // Another half-year: Ireland's minister is Ireland's.
        assert_eq!(
            ActorContext::for_meeting(date("2004-10-25")).subjects(sentence),
            vec![ms("ierland")]
        );
        // The country itself is not its minister in the chair.
        assert_eq!(
            ActorContext::for_meeting(date("2004-04-26")).subjects("Ierland steunde het voorstel."),
            vec![ms("ierland")]
        );
        // In the Dutch presidency the writers' ministers stay the Netherlands.
        assert_eq!(
            ActorContext::for_meeting(date("2016-03-10"))
                .subjects("De Minister van Veiligheid en Justitie lichtte het voorstel toe."),
            vec![Nederland]
        );
    }

    #[test]
    fn a_proposal_for_another_is_the_proposers_view() {
        let got = explain(
            &[
                "Een andere lidstaat sprak zich uit voor een tussentijdse evaluatie.",
                "Het Oostenrijks voorzitterschap zou bovendien in het eerste halfjaar van 2006 een tussenbalans moeten opmaken.",
            ],
            None,
        );
        assert_eq!(got[1], (vec![Lidstaten], Some("view-continues")));
        // The Netherlands' own conditional is its position.
        assert_eq!(
            subj("Nederland zou kunnen instemmen met dit compromis."),
            vec![Nederland]
        );
    }

    #[test]
    fn some_of_the_ministers_are_the_member_states() {
        // Verslag RAZEB 21-22 November 2005; Gymnich September 2011.
        assert_eq!(
            subj("Zo noemden sommigen uitbreiding, in het bijzonder de positie van Macedonië."),
            vec![Lidstaten]
        );
        let got = explain(
            &[
                "De meesten meenden dat moet worden getracht een gemeenschappelijke positie van de EU te bepalen.",
                "Zij meenden echter dat het niet mogelijk was die positie al vast te stellen.",
            ],
            None,
        );
        assert_eq!(got[0], (vec![Lidstaten], Some("subject")));
        assert_eq!(got[1], (vec![Lidstaten], Some("pronoun")));
        // Not a pronoun for people in general without a verb next to it.
        assert_eq!(subj("Voor velen is dit een uitkomst."), vec![]);
    }

    #[test]
    fn the_actor_of_a_clause_on_waarbij_when_the_sentence_has_none() {
        assert_eq!(
            explain(
                &["Over de mededeling is een debat gevoerd, waarbij de ministers hebben aangegeven wat zij als uitdagingen zien."],
                None
            )[0],
            (vec![Lidstaten], Some("act-in-clause"))
        );
        assert_eq!(
            subj("Aan de Raad lag een ontwerp-agenda voor, waarin het Brits voorzitterschap de onderwerpen uiteen had gezet."),
            vec![Voorzitterschap]
        );
        // One to whom something is done does not act.
        assert_eq!(
            subj(
                "Er ligt een mededeling voor, waarin de lidstaten worden opgeroepen meer te doen."
            ),
            vec![]
        );
    }

    #[test]
    fn support_that_shows_and_the_writers_judgement() {
        assert_eq!(
            explain(
                &["Tijdens de Raad bleek steun voor deze agenda te bestaan."],
                None
            )[0],
            (vec![Lidstaten], Some("consensus"))
        );
        assert_eq!(
            explain(&["Dit is een aanvaardbaar compromis."], None)[0],
            (vec![Nederland], Some("writers-judgement"))
        );
        assert_eq!(
            subj("Het was daarom helaas niet mogelijk om u eerder te informeren."),
            vec![Nederland]
        );
        // Someone else's judgement is theirs.
        assert_eq!(
            subj("De Commissie is tevreden over de voortgang."),
            vec![Commissie]
        );
    }

    #[test]
    fn a_meeting_in_a_clause_of_its_own_does_not_make_the_council_no_one() {
        assert_eq!(
            subj("De Raad nam conclusies aan over het forum dat van 29 november tot 1 december in Busan plaatsvindt."),
            vec![Raad]
        );
        assert_eq!(
            subj("De Europese Raad die duurde van 21 juni tot 23 juni was vrijwel geheel gewijd aan het mandaat."),
            vec![]
        );
        assert_eq!(subj("Op 22 juni vond de Raad plaats in Luxemburg."), vec![]);
    }

    #[test]
    fn who_opens_a_discussion_acts_in_it() {
        assert_eq!(
            explain(&["De discussie werd ingeleid door Eurocommissaris Dombrovskis, die het rapport presenteerde."], None)[0],
            (vec![Commissie], Some("passive-agent"))
        );
        assert_eq!(
            explain(&["De discussie richtte zich op de financiering."], None)[0],
            (vec![], Some("state-of-play"))
        );
    }

    #[test]
    fn abbreviations_compound_ministers_and_conclusions() {
        assert_eq!(
            subj("NL bracht de Summit on Responsible AI op."),
            vec![Nederland]
        );
        assert_eq!(
            subj("HV Ashton stelde dat alleen een oplossing vrede dichterbij brengt."),
            vec![Actor::Other("hoge-vertegenwoordiger".into())]
        );
        assert_eq!(
            subj("De Deense landbouwminister, mevrouw Mariann Fischer Boel, gaf een toelichting."),
            vec![ms("denemarken")]
        );
        // A portfolio compound with no country: whose is not said.
        assert_eq!(subj("De landbouwminister gaf een toelichting."), vec![]);
        assert_eq!(
            subj("De Raadsconclusies onderstrepen het belang van het jeugdwerk."),
            vec![Raad]
        );
        // The conclusions adopted are what was done.
        assert_eq!(
            subj("In de Raad zijn twee raadsconclusies aangenomen."),
            vec![]
        );
    }

    #[test]
    fn state_of_play_after_a_cabinet_sentence_is_no_ones_position() {
        // The geannoteerde agenda of 8-9 December 2025, item 1.
        let got = explain(
            &[
                "Het kabinet is, net als het Voorzitterschap ambitieus, om snel tot een onderhandelingsmandaat van de Raad te komen.",
                "Het is van groot belang dat er snel een nieuw juridisch kader komt voor het terugkeerproces in de EU.",
                "Het grootste discussiepunt in de Raad is de wederzijdse erkenning en uitvoering van terugkeerbesluiten.",
                "Posities van lidstaten lopen uiteen over het al dan niet verplicht maken van de toepassing van deze concepten.",
                "Het Voorzitterschap zoekt naar een compromis om beide richtingen tegemoet te komen.",
                "Zo wordt gedacht aan een graduele overgang naar verplichte toepassing op basis van objectieve voorwaarden.",
                "Voor Nederland is het van belang dat de uitkomst voldoende recht doet aan de uitvoering.",
            ],
            None,
        );
        assert_eq!(
            got,
            vec![
                (vec![Nederland], Some("subject")),
                (vec![Nederland], Some("view-continues")),
                (vec![], Some("state-of-play")),
                (vec![], Some("state-of-play")),
                (vec![Voorzitterschap], Some("subject")),
                (vec![], None),
                (vec![Nederland], Some("view-holder")),
            ]
        );
    }

    #[test]
    fn talking_with_named_ministers_is_both_sides() {
        // The verslag of 9-10 December 2021, text under the first part heading.
        let got = explain(
            &["En marge van de JBZ-Raad sprak Nederland met de ministers van Binnenlandse Zaken en van Justitie van België, Frankrijk en Spanje over de intensivering van de samenwerking."],
            None,
        );
        assert_eq!(
            got,
            vec![(
                vec![Nederland, ms("belgie"), ms("frankrijk"), ms("spanje")],
                Some("talks-with")
            )]
        );
        // Without a verb of talking, "met" is no second side.
        assert_eq!(
            subj("Nederland stemde in met het voorstel van de Commissie."),
            vec![Nederland]
        );
    }

    #[test]
    fn a_pointer_to_a_position_is_no_ones() {
        let got = explain(
            &["De Nederlandse inzet op dit punt staat ook genoemd onder agendapunt 14 van de JBZ-Raad over hetzelfde thema."],
            None,
        );
        assert_eq!(got, vec![(vec![], Some("reference"))]);
        assert_eq!(
            subj("De Nederlandse inzet blijft gericht op terugkeer."),
            vec![Nederland]
        );
    }

    #[test]
    fn a_purpose_clause_names_whose_aims_a_passive_serves() {
        let got = explain(
            &["Om de Nederlandse prioriteiten op JenV-terrein zoveel mogelijk te laten landen in de beleidsagenda van de nieuwe Commissie, is een aantal non-papers opgesteld."],
            None,
        );
        assert_eq!(got, vec![(vec![Nederland], Some("purpose"))]);
        // The main clause's own subject comes first.
        assert_eq!(
            subj("Om de Nederlandse prioriteiten te bespreken, nodigde de Commissie de lidstaten uit."),
            vec![Commissie]
        );
    }

    #[test]
    fn reasons_and_confirmations_carry_on_the_argument_before() {
        // The annotated agenda of 4-5 June 2020, cover letter.
        let got = explain(
            &[
                "Nederland heeft, zoals bekend, grote waardering voor de actieve en belangrijke rol die Eurojust en Europol vervullen.",
                "Dankzij hun ondersteuning kunnen nationale autoriteiten veel effectiever grensoverschrijdend samenwerken.",
                "De operationele resultaten zoals die zijn weergegeven in de jaarverslagen onderstrepen dat.",
            ],
            None,
        );
        assert_eq!(
            got,
            vec![
                (vec![Nederland], Some("subject")),
                (vec![Nederland], Some("view-continues")),
                (vec![Nederland], Some("view-continues")),
            ]
        );
    }

    #[test]
    fn present_tenses_in_eren_and_named_coalitions() {
        assert_eq!(
            subj("Op 18 augustus organiseert het Sloveense voorzitterschap een bijeenkomst."),
            vec![Voorzitterschap]
        );
        assert_eq!(
            subj("Daarnaast benut de Minister van Justitie en Veiligheid deze gelegenheid graag."),
            vec![Nederland]
        );
        assert_eq!(
            subj("De C7 zal inzetten op het ontmantelen van criminele netwerken."),
            vec![Lidstaten]
        );
        // The G7 is no coalition of member states.
        assert_eq!(subj("De G7 sprak over migratie."), vec![]);
    }

    #[test]
    fn state_of_play_naming_the_presidency_is_not_the_presidencys() {
        let got = explain(
            &[
                "Het Voorzitterschap streeft ernaar de Raad te vragen in te stemmen met een algemene oriëntatie.",
                "Op het moment van schrijven zijn de onderhandelingen nog gaande en is het onduidelijk hoe het uiteindelijke compromisvoorstel van het Voorzitterschap eruit komt te zien.",
            ],
            None,
        );
        assert_eq!(got[1], (vec![], Some("state-of-play")));
    }

    #[test]
    fn passive_agent_door_de_lidstaten_is_theirs_and_het_points_back() {
        // The verslag of 25-26 January 2024, item 1.
        let got = explain(
            &[
                "Het Belgische voorzitterschap trapte deze af met een aantal aandachtspunten.",
                "Allereerst stond het stil bij het grote belang van afronding van de verschillende lopende wetstrajecten.",
                "In de tafelronde die volgde werd op basis van een discussiestuk door de lidstaten vooruitgeblikt op lange-termijnscenario’s.",
            ],
            None,
        );
        assert_eq!(
            got,
            vec![
                (vec![Voorzitterschap], Some("subject")),
                (vec![Voorzitterschap], Some("pronoun")),
                (vec![Lidstaten], Some("tour-de-table")),
            ]
        );
        assert_eq!(
            subj("Het verslag werd door de lidstaten besproken."),
            vec![Lidstaten]
        );
    }

    #[test]
    fn agent_inside_an_adjective_is_no_passive_agent() {
        assert_eq!(
            subj("Na de aanname van een Raadspositie zijn de eerder door het Europees Parlement opgeschorte triloogonderhandelingen weer hervat."),
            vec![]
        );
    }

    #[test]
    fn sentences_without_an_actor_do_not_inherit_the_paragraphs_first() {
        let got = explain(
            &[
                "Het Spaanse voorzitterschap gaf een korte toelichting op de stand van zaken van de triloogonderhandelingen.",
                "Ook voor de Crisisverordening heeft inmiddels een eerste politieke triloog plaatsgevonden.",
                "Daarmee lopen de onderhandelingen op alle voorstellen nu op zowel technisch als politiek niveau.",
            ],
            None,
        );
        assert_eq!(got[1], (vec![], None));
        assert_eq!(got[2], (vec![], None));
    }

    #[test]
    fn both_member_states_are_the_ones_named_before() {
        let got = explain(
            &[
                "Tijdens de AOB-punten onderstreepten Bulgarije en Roemenië dat Schengentoetreding een prioriteit is.",
                "Zo werkten beide lidstaten aan het opstellen van een versnelde asielgrensprocedure.",
            ],
            None,
        );
        assert_eq!(
            got[1],
            (vec![ms("bulgarije"), ms("roemenie")], Some("anaphor"))
        );
    }

    #[test]
    fn passive_with_hierbij_continues_the_sentence_before() {
        let got = explain(
            &[
                "Enkele lidstaten intervenieerden en benadrukten het belang van samenwerking met de LAC-landen.",
                "El PAcCTO werd hier expliciet bij genoemd als belangrijk instrument.",
                "De aandachtspunten van het grondrechtenagentschap werden herkend.",
            ],
            None,
        );
        assert_eq!(got[1], (vec![Lidstaten], Some("passive-continues")));
        assert_eq!(got[2], (vec![], None));
    }

    #[test]
    fn tour_de_table_is_the_member_states_but_not_its_announcement() {
        assert_eq!(subj("In de volledige tafelronde werd veel steun uitgesproken voor de voorgestelde concrete acties."), vec![Lidstaten]);
        assert_eq!(
            subj(
                "Tijdens deze JBZ-raad vond één algemene tafelronde over asiel en migratie plaats."
            ),
            vec![]
        );
    }

    #[test]
    fn wij_in_a_government_letter_is_the_netherlands() {
        assert_eq!(
            subj("Hierbij bieden wij uw Kamer het verslag aan van de bijeenkomst van de Raad Justitie en Binnenlandse Zaken."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Ook informeren wij uw Kamer over de afronding van het Asiel- en Migratiepact."),
            vec![Nederland]
        );
        assert_eq!(
            subj("Tot slot treft u als bijlage het vierde kwartaaloverzicht aan."),
            vec![]
        );
    }

    #[test]
    fn a_countrys_stated_position_is_that_country() {
        assert_eq!(
            subj("De Duitse en Nederlandse insteek is dit onderwerp te agenderen bij deze gelijkgestemden."),
            vec![Nederland, ms("duitsland")]
        );
        assert_eq!(
            subj("De Nederlandse inzet blijft conform de prioriteiten."),
            vec![Nederland]
        );
    }

    #[test]
    fn under_a_presidency_says_when_not_who() {
        assert_eq!(
            subj("Onder het Spaanse voorzitterschap van de Raad is op 12 december 2023 een akkoord bereikt."),
            vec![]
        );
        assert_eq!(
            subj("Er was onder de lidstaten brede steun voor alle inspanningen."),
            vec![Lidstaten]
        );
    }

    #[test]
    fn ministers_of_named_countries_are_those_countries() {
        assert_eq!(
            subj("Tijdens de bijeenkomsten spreken de Ministers van België, Duitsland en Zweden en de EU contraterrorismecoördinator (EU CTC) over terrorisme."),
            vec![ms("belgie"), ms("duitsland"), ms("zweden"), ag("eu-ctc")]
        );
        assert_eq!(
            subj("De Ministers spraken af om weer bij elkaar te komen."),
            vec![Lidstaten]
        );
    }

    #[test]
    fn expectation_names_who_will_act() {
        assert_eq!(
            subj("De verwachting is dat het Fins voorzitterschap het onderwerp corruptiebestrijding zal agenderen."),
            vec![Voorzitterschap]
        );
    }

    #[test]
    fn dutch_position_heading_gives_unattributed_sentences_to_the_netherlands() {
        let p = [
            "Het kabinet steunt het voorstel.",
            "Het is van belang dat de uitvoering werkbaar blijft.",
            "De richtlijn moet uitvoerbaar zijn voor de rechtspraak.",
            "De Commissie heeft toegezegd dit te bezien.",
            "Op het moment van schrijven is het onduidelijk of dit lukt.",
        ];
        let got = explain(&p[1..], Some("Inzet van het kabinet"));
        assert_eq!(got[0], (vec![Nederland], Some("section")));
        assert_eq!(got[2], (vec![Commissie], Some("subject")));
        assert_eq!(got[3], (vec![], Some("state-of-play")));
        let got = explain(&p[1..], Some("Krachtenveld"));
        assert_eq!(got[0], (vec![], None));
        assert!(is_dutch_position_heading("Nederlandse positie"));
        assert!(is_dutch_position_heading("Inzet Nederland"));
        assert!(is_dutch_position_heading("Inzet van het kabinet"));
        assert!(is_dutch_position_heading(
            "Kabinetsappreciatie en Nederlandse inzet"
        ));
        // A topic that also names the position is no position heading (a 2016 news item).
        assert!(!is_dutch_position_heading(
            "Defensie Actie Plan en de Nederlandse inzet"
        ));
        assert!(!is_dutch_position_heading("Krachtenveld"));
        assert!(!is_dutch_position_heading("Stand van zaken"));
    }

    #[test]
    fn rule_names_are_distinct() {
        let all = [
            Rule::Subject,
            Rule::InvertedSubject,
            Rule::ViewHolder,
            Rule::PassiveAgent,
            Rule::TourDeTable,
            Rule::Writers,
            Rule::Expected,
            Rule::Pronoun,
            Rule::Anaphor,
            Rule::ViewContinues,
            Rule::PassiveContinues,
            Rule::Section,
            Rule::StateOfPlay,
        ];
        let names: BTreeSet<&str> = all.iter().map(|r| r.name()).collect();
        assert_eq!(names.len(), all.len());
        assert_eq!(Rule::PassiveAgent.to_string(), "passive-agent");
    }

    // --- robustness and the real report ------------------------------------------------------

    #[test]
    fn odd_input_does_not_panic() {
        let mut ctx = ActorContext::new();
        for s in [
            "",
            " ",
            "’",
            "‘’",
            ".",
            ",",
            "(",
            ")",
            "é",
            "Nederland (",
            "Nederland,",
            ", waaronder",
            "De directeur van",
            "Commissaris",
            "Agnes Diallo,",
            "e\u{301}",
            "directeur van directeur van directeur van directeur van Europol",
            "Voor",
            "Volgens",
            "Er onder",
            "Bisschop3",
            "3",
            "O’",
            "’s",
            "i.r.t.",
            "•",
        ] {
            ctx.subjects(s);
        }
        let text = include_str!("../../reports/2023-10-19-jbz-raad-verslag.txt");
        let sample: String = text.chars().take(3000).collect();
        let idx: Vec<usize> = sample.char_indices().map(|(i, _)| i).step_by(7).collect();
        for &i in &idx {
            ctx.subjects(&sample[i..]);
            ctx.subjects(&sample[..i]);
        }
    }

    /// Crude splitting, for this test only: paragraphs at blank lines, sentences at ". " before a
    /// capital.
    fn crude_paragraphs(text: &str) -> Vec<Vec<String>> {
        let mut paragraphs = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        for line in text.lines().chain(std::iter::once("")) {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    let joined = current
                        .iter()
                        .map(|l| l.trim())
                        .collect::<Vec<_>>()
                        .join(" ");
                    paragraphs.push(crude_sentences(&joined));
                    current.clear();
                }
            } else {
                current.push(line);
            }
        }
        paragraphs
    }

    fn crude_sentences(p: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = p;
        loop {
            let cut = rest
                .match_indices(". ")
                .map(|(i, _)| i)
                .find(|&i| rest[i + 2..].chars().next().is_some_and(char::is_uppercase));
            match cut {
                Some(i) => {
                    out.push(rest[..=i].trim().to_string());
                    rest = &rest[i + 2..];
                }
                None => {
                    if !rest.trim().is_empty() {
                        out.push(rest.trim().to_string());
                    }
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn real_report_attributes_netherlands_statements_and_only_those() {
        let text = include_str!("../../reports/2023-10-19-jbz-raad-verslag.txt");
        let others = [
            "De Commissie",
            "Het Voorzitterschap",
            "Het Spaanse voorzitterschap",
            "Eurojust",
            "Veel lidstaten",
            "Een groep lidstaten",
        ];
        let mut checked_nl = 0;
        let mut checked_other = 0;
        for paragraph in crude_paragraphs(text) {
            let mut ctx = ActorContext::new();
            let got = attribute_paragraph(&paragraph, &mut ctx);
            for (sentence, actors) in paragraph.iter().zip(&got) {
                if sentence.starts_with("Nederland ") {
                    checked_nl += 1;
                    assert!(actors.contains(&Nederland), "{sentence} → {actors:?}");
                }
                if others.iter().any(|o| sentence.starts_with(o)) {
                    checked_other += 1;
                    assert!(!actors.contains(&Nederland), "{sentence} → {actors:?}");
                }
            }
        }
        assert!(checked_nl >= 10, "{checked_nl}");
        assert!(checked_other >= 20, "{checked_other}");
    }
}
