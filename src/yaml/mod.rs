//! All YAML reading and writing, in one place, so that the format's quirks are handled once.
//!
//! Text is normalised before it is stored (see [`normalize_text`]): LF only, no trailing
//! spaces, no soft hyphens, plain spaces. Otherwise the writer falls back to escaped
//! double-quoted strings, which read badly in a `git diff`.

mod writer;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// A YAML document that could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct YamlError {
    /// 1-based line of the problem, where the parser knows it.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl From<serde_yaml::Error> for YamlError {
    fn from(e: serde_yaml::Error) -> Self {
        let line = e.location().map(|l| l.line());
        let mut message = e.to_string();
        // The parser appends " at line L column C"; the line is reported in front instead.
        if let Some(pos) = message.find(" at line ") {
            message.truncate(pos);
        }
        YamlError { line, message }
    }
}

/// Serialise a value as a YAML document.
///
/// Plain scalars that YAML 1.1 readers take for booleans (`no`, `on`, `y`, …) are quoted.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, YamlError> {
    let text = match writer::to_string(value) {
        Some(text) => text,
        None => serde_yaml::to_string(value)?,
    };
    Ok(quote_yaml11_booleans(text))
}

/// What `serde_yaml` itself writes, without the fast writer: the reference the fast writer is
/// tested against.
#[doc(hidden)]
pub fn to_string_reference<T: Serialize>(value: &T) -> Result<String, YamlError> {
    Ok(quote_yaml11_booleans(serde_yaml::to_string(value)?))
}

fn quote_yaml11_booleans(text: String) -> String {
    // Nearly every document has none: it is returned as it is.
    if !text
        .lines()
        .any(|line| quote_yaml11_boolean(line).is_some())
    {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.lines() {
        match quote_yaml11_boolean(line) {
            Some(quoted) => out.push_str(&quoted),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// YAML 1.1 reads these plain scalars as booleans; YAML 1.2 (and serde_yaml) as strings.
/// (`true` and `false` are booleans in both, and the writer quotes them when they are strings.)
const YAML11_BOOLEANS: [&str; 16] = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
    "OFF",
];

/// The line with its value quoted, where the value is a YAML 1.1 boolean; `None` otherwise.
fn quote_yaml11_boolean(line: &str) -> Option<String> {
    // The value ends the line and follows a space (`: ` or `- `) and has none itself, so it
    // is the last word: a line whose last word is no such boolean is left at once.
    let last = line.rfind(' ').map_or(line, |pos| &line[pos + 1..]);
    if !YAML11_BOOLEANS.contains(&last) {
        return None;
    }
    let (head, value) = match line.rfind(": ") {
        Some(pos) => line.split_at(pos + 2),
        None => {
            let indent = line.len() - line.trim_start().len();
            let v = line[indent..].strip_prefix("- ")?;
            line.split_at(line.len() - v.len())
        }
    };
    YAML11_BOOLEANS
        .contains(&value)
        .then(|| format!("{head}'{value}'"))
}

/// How deeply a document read by jbz-track may nest (block levels, compact `- - -` entries
/// and flow collections together). A snapshot nests five deep; parsing a 200,000-deep flow
/// list took minutes, so depth is counted, and refused, before the parser sees the text.
pub const MAX_DEPTH: usize = 64;

/// Read a value from a YAML document.
///
/// Refused before parsing, with the line: merge-conflict markers (`<<<<<<<`, `=======`,
/// `>>>>>>>`, a file committed in the middle of a merge), anchors, aliases and merge keys
/// (`&a`, `*a`, `<<`: a document of aliases to aliases can expand to billions of nodes), tags
/// (`!!str`, `!x`, `%TAG`: a tag can hide an anchor behind it), and nesting deeper than
/// [`MAX_DEPTH`]. No file that jbz-track writes has any of them. The check is one linear pass.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if let Some((line, refusal)) = guard(text) {
        return Err(YamlError {
            line: Some(line),
            message: refusal.message(),
        });
    }
    serde_yaml::from_str(text).map_err(|e| {
        let mut e = YamlError::from(e);
        // At the end of the text the parser points past the last line ("could not find
        // expected ':'" after a stray last line); the last line is where to look.
        let last = text.lines().count().max(1);
        e.line = e.line.map(|l| l.min(last));
        e
    })
}

/// What [`guard`] refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// A merge-conflict marker, such as `<<<<<<<`.
    Conflict(&'static str),
    /// An anchor, alias or merge key.
    Alias,
    /// A tag or a `%TAG` directive.
    Tag,
    /// Nesting deeper than [`MAX_DEPTH`].
    Deep,
}

impl Refusal {
    fn message(self) -> String {
        match self {
            Refusal::Conflict(marker) => format!(
                "a merge-conflict marker (`{marker}`): the file was committed in the middle of a \
                 git merge; resolve the conflict and remove the markers"
            ),
            Refusal::Alias => {
                "YAML anchors and aliases (&name, *name) are not allowed here".to_string()
            }
            Refusal::Tag => "YAML tags (!name, !!str) are not allowed here".to_string(),
            Refusal::Deep => format!(
                "the YAML nests deeper than {MAX_DEPTH} levels, which no jbz-track file does"
            ),
        }
    }
}

/// The first line holding what [`from_str`] refuses, and what it is: one pass over the text
/// that follows YAML's syntax far enough to know where a node starts (the start of a line,
/// after `- `, `? `, `: `, and in flow collections after `[`, `{` and `,`), outside quoted
/// strings, comments and block scalars. `&`, `*` and `!` inside a string are text.
fn guard(text: &str) -> Option<(usize, Refusal)> {
    // Block indentation levels open on the lines read so far.
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    let mut quote: Option<u8> = None;
    // The indentation of the line that opened a block scalar (`|`, `>`): more indented lines
    // are its text.
    let mut block_scalar: Option<usize> = None;
    let mut at_node = false;
    for (n, line) in text.split('\n').enumerate() {
        let number = n + 1;
        if let Some(marker) = crate::source::txt::conflict_marker(line) {
            return Some((number, Refusal::Conflict(marker)));
        }
        let l = line.as_bytes();
        let indent = l.iter().take_while(|b| **b == b' ').count();
        let blank = l[indent..].iter().all(|b| b.is_ascii_whitespace());
        if let Some(parent) = block_scalar {
            if blank || indent > parent {
                continue;
            }
            block_scalar = None;
        }
        let mut j = 0;
        let mut depth_here = 0;
        if quote.is_none() && flow == 0 {
            if blank || l[indent] == b'#' {
                continue;
            }
            if indent == 0 && l[0] == b'%' {
                // `%TAG` defines tags; `%YAML` is harmless but no jbz-track file has it.
                return Some((number, Refusal::Tag));
            }
            while indents.last().is_some_and(|&i| i > indent) {
                indents.pop();
            }
            if indents.last() != Some(&indent) {
                indents.push(indent);
            }
            j = indent;
            at_node = true;
            if l[j..].starts_with(b"---") || l[j..].starts_with(b"...") {
                j += 3;
            }
        }
        while j < l.len() {
            let c = l[j];
            if let Some(q) = quote {
                if q == b'"' && c == b'\\' {
                    j += 2;
                    continue;
                }
                if c == q {
                    if q == b'\'' && l.get(j + 1) == Some(&b'\'') {
                        j += 2;
                        continue;
                    }
                    quote = None;
                }
                j += 1;
                continue;
            }
            if c == b' ' || c == b'\t' {
                j += 1;
                continue;
            }
            if c == b'#' && (j == 0 || matches!(l[j - 1], b' ' | b'\t')) {
                break;
            }
            let next = l.get(j + 1).copied();
            let spaced = next.is_none_or(|b| b == b' ' || b == b'\t');
            if at_node {
                match c {
                    b'&' | b'*' => return Some((number, Refusal::Alias)),
                    b'!' => return Some((number, Refusal::Tag)),
                    b'<' if next == Some(b'<') => return Some((number, Refusal::Alias)),
                    b'-' | b'?' if spaced => {
                        depth_here += 1;
                        if indents.len() + depth_here + flow > MAX_DEPTH {
                            return Some((number, Refusal::Deep));
                        }
                        j += 1;
                        continue;
                    }
                    b'"' | b'\'' => {
                        quote = Some(c);
                        at_node = false;
                        j += 1;
                        continue;
                    }
                    b'[' | b'{' => {
                        flow += 1;
                        if indents.len() + depth_here + flow > MAX_DEPTH {
                            return Some((number, Refusal::Deep));
                        }
                        j += 1;
                        continue;
                    }
                    b'|' | b'>' if flow == 0 => {
                        block_scalar = Some(indent);
                        break;
                    }
                    _ => at_node = false,
                }
            }
            match c {
                b']' | b'}' if flow > 0 => flow -= 1,
                b',' if flow > 0 => at_node = true,
                b':' if spaced || (flow > 0 && matches!(next, Some(b',' | b']' | b'}'))) => {
                    at_node = true
                }
                _ => {}
            }
            j += 1;
        }
    }
    None
}

/// The first line that holds an anchor or alias (or a tag, or what else [`from_str`]
/// refuses), for the tests that hold the guard.
#[cfg(test)]
fn alias_line(text: &str) -> Option<usize> {
    guard(text).map(|(line, _)| line)
}

/// Normalise text before it is stored: LF line ends, no trailing spaces, no soft hyphens or
/// zero-width characters, plain spaces for non-breaking ones, single spaces.
pub fn normalize_text(s: &str) -> String {
    let plain: String = s
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'
            )
        })
        .map(|c| {
            if c.is_whitespace() || c == '\u{a0}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    crate::clean::squeeze(&plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn words_yaml_1_1_reads_as_booleans_are_quoted() {
        let mut m = BTreeMap::new();
        m.insert("a", "no");
        m.insert("b", "on");
        m.insert("c", "yes");
        let s = to_string(&m).expect("serialises");
        let back: BTreeMap<String, String> = from_str(&s).expect("reads back");
        assert_eq!(back["a"], "no");
        assert!(!s.contains("a: no\n"), "{s}");
        assert!(!s.contains("b: on\n"), "{s}");
    }

    #[test]
    fn aliases_are_refused_with_their_line() {
        let e = from_str::<BTreeMap<String, Vec<String>>>("a: &x [1]\nb: *x\n").expect_err("alias");
        assert_eq!(e.line, Some(1));
    }

    /// Anchors and aliases inside flow collections are refused too; `&` and `*` inside
    /// strings, quoted or plain, are not.
    #[test]
    fn aliases_in_flow_collections_are_refused() {
        for doc in [
            "a: [&x lol]\nb: [*x, *x]\n",
            "a: [1, &x [2]]\n",
            "a: {k: &x v}\n",
            "- [ *x ]\n",
        ] {
            assert!(alias_line(doc).is_some(), "{doc:?}");
        }
        for doc in [
            "a: ['&x', \"*y\", 'a, *b']\n",
            "a: [Tom & Jerry, 5 * 3]\n",
            "a: [x] # [*y]\n",
            "title: Tom & Jerry\n",
            "a: [\"q\\\" *x\"]\n",
        ] {
            assert_eq!(alias_line(doc), None, "{doc:?}");
        }
    }

    /// A tag in front of an anchor (`!!str &s`) hid the anchor from the first guard, which
    /// looked only at a value's first character; tags are refused wherever a node starts.
    #[test]
    fn tags_are_refused_wherever_they_stand() {
        for (doc, line) in [
            ("a: !!str &s \"lol\"\nb: [*s, *s]\n", 1),
            ("a: 1\nb: !x y\n", 2),
            ("- !!str x\n", 1),
            ("a: [1, !!int 2]\n", 1),
            ("a: {k: !t v}\n", 1),
            ("? !k a\n: b\n", 1),
            ("%TAG ! tag:example.com,2000:\n---\na: !x b\n", 1),
            ("--- !x\na: b\n", 1),
            ("\"k\": !t v\n", 1),
            ("a:\n  - - !t x\n", 2),
            ("a: [\n  1,\n  &x 2]\n", 3),
            ("a: \"multi\n  line\"\nb: *x\n", 3),
        ] {
            assert_eq!(alias_line(doc), Some(line), "{doc:?}");
        }
        let e = from_str::<BTreeMap<String, String>>("a: !!str &s \"lol\"\n").expect_err("tag");
        assert_eq!(e.message, "YAML tags (!name, !!str) are not allowed here");
        for doc in [
            "a: Let op!\n",
            "a: '!x'\n",
            "a: \"!x &y *z\"\n",
            "a: |\n  - !x &y\n  *z\nb: c\n",
            "a: >-\n  !x\n",
            "a: x # !y\n",
            "a: http://x.nl/!y\n",
        ] {
            assert_eq!(alias_line(doc), None, "{doc:?}");
        }
    }

    #[test]
    fn merge_conflict_markers_are_named_as_such() {
        let doc = "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> other\n";
        let e = from_str::<BTreeMap<String, u32>>(doc).expect_err("conflict");
        assert_eq!(e.line, Some(2));
        assert!(
            e.message.contains("merge-conflict marker (`<<<<<<<`)"),
            "{e}"
        );
        assert_eq!(
            crate::source::txt::conflict_marker("======="),
            Some("=======")
        );
        assert_eq!(
            crate::source::txt::conflict_marker(">>>>>>> feature"),
            Some(">>>>>>>")
        );
        assert_eq!(crate::source::txt::conflict_marker("=========="), None);
        assert_eq!(crate::source::txt::conflict_marker("======= x"), None);
        assert_eq!(crate::source::txt::conflict_marker("<<<<<<<<"), None);
    }

    /// A 200,000-deep flow list took the parser over a minute; it is refused from its
    /// 65th bracket, in one pass.
    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!("a: {}{}\n", "[".repeat(200_000), "]".repeat(200_000));
        let started = std::time::Instant::now();
        let e = from_str::<serde_yaml::Value>(&deep).expect_err("too deep");
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("deeper than 64"), "{e}");
        let dashes = format!("{}x\n", "- ".repeat(100_000));
        assert!(from_str::<serde_yaml::Value>(&dashes).is_err());
        let fine = format!("a: {}1{}\n", "[".repeat(20), "]".repeat(20));
        assert!(from_str::<serde_yaml::Value>(&fine).is_ok());
    }

    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        const SNAPSHOT: &str = include_str!("../../snapshots/csam-verordening/2023-10.yaml");

        /// Where a node starts in a snapshot as jbz-track writes it: after `- ` and `: `.
        fn node_starts(text: &str) -> Vec<usize> {
            let mut at = Vec::new();
            for (i, _) in text.match_indices("- ").chain(text.match_indices(": ")) {
                let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
                let before = &text[line_start..i];
                // Only where the marker is syntax: after indentation, or after a key.
                if before.trim().is_empty()
                    || (text[i..].starts_with(": ") && !before.contains(": "))
                {
                    at.push(i + 2);
                }
            }
            at
        }

        fn token() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("!!str ".to_string()),
                Just("!x ".to_string()),
                Just("!<tag:x> ".to_string()),
                Just("&a ".to_string()),
                Just("!!str &s ".to_string()),
                Just("&s !!str ".to_string()),
                Just("*a".to_string()),
                "![a-z]{1,5} ".prop_map(|s| s),
                "&[a-z]{1,5} !![a-z]{1,3} ".prop_map(|s| s),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// A tag, anchor or alias put where any node of a snapshot starts is refused, on
            /// the line it stands.
            #[test]
            fn a_tag_or_anchor_at_any_node_is_refused(pick in any::<prop::sample::Index>(), t in token()) {
                let starts = node_starts(SNAPSHOT);
                let at = starts[pick.index(starts.len())];
                let doc = format!("{}{t}{}", &SNAPSHOT[..at], &SNAPSHOT[at..]);
                let line = SNAPSHOT[..at].matches('\n').count() + 1;
                let e = from_str::<crate::snapshot::Snapshot>(&doc).expect_err("refused");
                prop_assert_eq!(e.line, Some(line), "{}", e);
            }

            /// Inside a quoted string the same characters are text.
            #[test]
            fn a_tag_or_anchor_inside_a_quoted_string_is_text(t in token()) {
                let doc = format!("a: \"{t}\"\nb: '{t}'\n");
                let back: BTreeMap<String, String> = from_str(&doc).expect("reads");
                prop_assert_eq!(&back["a"], &t);
            }

            /// Whatever the text, the guard and the parser end quickly, and what is accepted
            /// holds no tag.
            #[test]
            fn any_text_is_read_or_refused_without_tags(doc in "([a-z]{0,3}|[!&*:\\[\\]{},#'\"|>%<=-]| |\n){0,80}") {
                if let Ok(v) = from_str::<serde_yaml::Value>(&doc) {
                    prop_assert!(!has_tag(&v), "{doc:?} gave {v:?}");
                }
            }
        }

        fn has_tag(v: &serde_yaml::Value) -> bool {
            match v {
                serde_yaml::Value::Tagged(_) => true,
                serde_yaml::Value::Sequence(s) => s.iter().any(has_tag),
                serde_yaml::Value::Mapping(m) => m.iter().any(|(k, v)| has_tag(k) || has_tag(v)),
                _ => false,
            }
        }
    }

    /// A stray last line is named, not the line after it that the parser points to.
    #[test]
    fn an_error_at_the_end_names_the_last_line() {
        let e = from_str::<BTreeMap<String, u32>>("a: 1\nb: 2\nx\n").expect_err("bad");
        assert_eq!(e.line, Some(3), "{e}");
    }

    #[test]
    fn error_names_the_line() {
        let e = from_str::<BTreeMap<String, u32>>("a: 1\nb: [\n").expect_err("bad");
        assert!(e.line.is_some());
    }

    #[test]
    fn text_is_normalised_before_storing() {
        assert_eq!(
            normalize_text("een\u{a0}zin\u{ad} met  spaties \n"),
            "een zin met spaties"
        );
    }
}
