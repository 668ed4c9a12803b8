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

/// Read a value from a YAML document.
///
/// Anchors and aliases are refused before parsing: no file that jbz-track writes uses them,
/// and a document of aliases to aliases can expand to billions of nodes.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if let Some(line) = alias_line(text) {
        return Err(YamlError {
            line: Some(line),
            message: "YAML anchors and aliases (&name, *name) are not allowed here".to_string(),
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

/// The first line that holds an anchor or alias outside a quoted or plain string value: as a
/// block value (`key: &a`, `- *a`) or as a node of a flow collection (`[&a x, *a]`).
fn alias_line(text: &str) -> Option<usize> {
    text.lines().enumerate().find_map(|(i, line)| {
        let t = line.trim_start().trim_start_matches("- ").trim_start();
        let value = match t.split_once(": ") {
            Some((_, v)) => v.trim_start(),
            None => t,
        };
        (value.starts_with('&')
            || value.starts_with('*')
            || value.starts_with("<<")
            || (value.starts_with(['[', '{']) && flow_has_alias(value)))
        .then_some(i + 1)
    })
}

/// Whether a flow collection (`[a, *b]`, `{k: &a v}`) has a node that starts with `&` or `*`:
/// right after `[`, `{`, `,` or a flow mapping's `:`, outside quoted strings.
fn flow_has_alias(value: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut node_start = false;
    let mut prev = ' ';
    for c in value.chars() {
        match quote {
            // A backslash escapes in double quotes only; '' in single quotes closes and
            // reopens, which reads the same here.
            Some('"') if prev == '\\' => {}
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '#' && prev == ' ' => return false,
            None if node_start && (c == '&' || c == '*') => return true,
            None if c == '\'' || c == '"' => quote = Some(c),
            None => {}
        }
        if quote.is_none() && !c.is_whitespace() {
            node_start = matches!(c, '[' | '{' | ',' | ':');
        }
        prev = if prev == '\\' && c == '\\' { ' ' } else { c };
    }
    false
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
