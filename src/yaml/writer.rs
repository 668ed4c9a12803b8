//! A fast writer for the block-style YAML that `serde_yaml` writes, for the values jbz-track
//! stores: structs, sequences, strings, integers, booleans, `None`.
//!
//! `normalize` writes (or compares) every snapshot of every report, and `serde_yaml`'s emitter
//! (a port of libyaml) spent a fifth of that time looking at each character of each string.
//! This writer gives byte for byte what `serde_yaml` gives. It writes a string plain only where
//! its characters make that certain, and asks `serde_yaml` for every other string; anything
//! outside what it knows (maps, floats, multi-line strings, nested sequences) makes it decline,
//! and [`super::to_string`] falls back to `serde_yaml` for the whole document. A property test
//! compares the two on random snapshots (`tests/properties.rs`).

use std::cell::RefCell;
use std::fmt;

use rustc_hash::FxHashMap;

use serde::ser::{self, Impossible, Serialize};

/// Write `value` as `serde_yaml` would, or `None` where this writer does not know how.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let node = value.serialize(Tree).ok()?;
    let mut out = String::with_capacity(4096);
    match &node {
        Node::Scalar(s) => {
            out.push_str(s);
            out.push('\n');
        }
        Node::Map(entries) if !entries.is_empty() => write_map(&mut out, entries, 0, false),
        Node::Seq(items) if !items.is_empty() => write_seq(&mut out, items, 0),
        // An empty document is `{}` or `[]`; not worth knowing.
        _ => return None,
    }
    Some(out)
}

/// A value, with its strings already rendered as YAML scalars.
enum Node {
    Scalar(String),
    Seq(Vec<Node>),
    Map(Vec<(&'static str, Node)>),
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// The entries of a non-empty map, each on its own line at `at`; in a sequence item the first
/// entry follows the "- " on its line (`first_inline`).
fn write_map(out: &mut String, entries: &[(&'static str, Node)], at: usize, first_inline: bool) {
    for (i, (key, value)) in entries.iter().enumerate() {
        if i > 0 || !first_inline {
            indent(out, at);
        }
        out.push_str(key);
        out.push(':');
        match value {
            Node::Scalar(s) => {
                out.push(' ');
                out.push_str(s);
                out.push('\n');
            }
            Node::Seq(items) if items.is_empty() => out.push_str(" []\n"),
            Node::Map(m) if m.is_empty() => out.push_str(" {}\n"),
            Node::Seq(items) => {
                out.push('\n');
                write_seq(out, items, at);
            }
            Node::Map(m) => {
                out.push('\n');
                write_map(out, m, at + 2, false);
            }
        }
    }
}

/// The items of a non-empty sequence, each on its own line at `at`, starting `- `. (A
/// sequence in a sequence is never non-empty here: [`SeqNode`] declines it.)
fn write_seq(out: &mut String, items: &[Node], at: usize) {
    for item in items {
        indent(out, at);
        out.push_str("- ");
        match item {
            Node::Scalar(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Node::Map(m) if m.is_empty() => out.push_str("{}\n"),
            Node::Map(m) => write_map(out, m, at + 2, true),
            Node::Seq(_) => out.push_str("[]\n"),
        }
    }
}

/// A string as a scalar: plain where that is certain, otherwise exactly as `serde_yaml`
/// writes it alone. A multi-line string is declined (its block style depends on the indent).
fn scalar(s: &str) -> Result<String, Unsupported> {
    if is_certainly_plain(s) {
        return Ok(s.to_string());
    }
    // A line break of any kind (YAML also breaks at U+0085, U+2028 and U+2029) makes
    // `serde_yaml` fold the scalar over lines indented for where it stands; only it can say.
    if s.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        return Err(Unsupported);
    }
    // The strings asked about are mostly dates and meeting ids (`2023-10-19`, `2023-10`),
    // the same in every snapshot: `serde_yaml`'s answer is kept, per thread, and bounded.
    thread_local! {
        static ASKED: RefCell<FxHashMap<String, Option<String>>> = RefCell::default();
    }
    if let Some(known) = ASKED.with_borrow(|asked| asked.get(s).cloned()) {
        return known.ok_or(Unsupported);
    }
    let answer = serde_yaml::to_string(s).ok().and_then(|mut written| {
        (written.pop() == Some('\n') && !written.contains('\n')).then_some(written)
    });
    ASKED.with_borrow_mut(|asked| {
        if asked.len() >= 4096 {
            asked.clear();
        }
        asked.insert(s.to_string(), answer.clone());
    });
    answer.ok_or(Unsupported)
}

/// Punctuation that may stand inside a plain scalar in block context wherever it is: none of it
/// starts a comment, a mapping value or a flow collection in the middle of a string.
fn is_plain_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | '('
            | ')'
            | '\''
            | '’'
            | '‘'
            | '“'
            | '”'
            | '"'
            | '-'
            | '/'
            | '%'
            | '€'
            | '&'
            | '+'
            | '='
            | '!'
            | '?'
            | '–'
            | '—'
            | '…'
            | '§'
            | '°'
    )
}

/// Whether `serde_yaml` writes `s` as a plain scalar, judged conservatively: it starts with a
/// letter (so it cannot read as a number or a date), is not a word read as a boolean, null or
/// number (Rust reads `inf` and `NaN` as numbers), has no trailing space, and holds only
/// letters, digits, spaces and [`is_plain_punctuation`]. A `false` only means "ask `serde_yaml`".
fn is_certainly_plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    first.is_alphabetic()
        && !s.ends_with(' ')
        && !(s.len() <= 8
            && matches!(
                s.to_ascii_lowercase().as_str(),
                "true" | "false" | "null" | "nan" | "inf" | "infinity"
            ))
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || is_plain_punctuation(c))
}

/// A value this writer does not handle; the caller falls back to `serde_yaml`.
#[derive(Debug)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not supported by the fast YAML writer")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

/// Turns a value into a [`Node`].
struct Tree;

macro_rules! unsupported {
    ($($name:ident($($arg:ty),*) -> $ret:ty;)*) => {
        $(fn $name(self, $(_: $arg),*) -> Result<$ret, Unsupported> { Err(Unsupported) })*
    };
}

impl ser::Serializer for Tree {
    type Ok = Node;
    type Error = Unsupported;
    type SerializeSeq = SeqNode;
    type SerializeTuple = Impossible<Node, Unsupported>;
    type SerializeTupleStruct = Impossible<Node, Unsupported>;
    type SerializeTupleVariant = Impossible<Node, Unsupported>;
    type SerializeMap = Impossible<Node, Unsupported>;
    type SerializeStruct = MapNode;
    type SerializeStructVariant = Impossible<Node, Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<Node, Unsupported> {
        Ok(Node::Scalar(if v { "true" } else { "false" }.to_string()))
    }
    fn serialize_i8(self, v: i8) -> Result<Node, Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Node, Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Node, Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Node, Unsupported> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn serialize_u8(self, v: u8) -> Result<Node, Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Node, Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Node, Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Node, Unsupported> {
        Ok(Node::Scalar(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Node, Unsupported> {
        scalar(v).map(Node::Scalar)
    }
    fn serialize_none(self) -> Result<Node, Unsupported> {
        Ok(Node::Scalar("null".to_string()))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Node, Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node, Unsupported> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Node, Unsupported> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Node, Unsupported> {
        value.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqNode, Unsupported> {
        Ok(SeqNode(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<MapNode, Unsupported> {
        Ok(MapNode(Vec::with_capacity(len)))
    }

    unsupported! {
        serialize_i128(i128) -> Node;
        serialize_u128(u128) -> Node;
        serialize_f32(f32) -> Node;
        serialize_f64(f64) -> Node;
        serialize_char(char) -> Node;
        serialize_bytes(&[u8]) -> Node;
        serialize_unit_struct(&'static str) -> Node;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Node, Unsupported> {
        Err(Unsupported)
    }
}

struct SeqNode(Vec<Node>);

impl ser::SerializeSeq for SeqNode {
    type Ok = Node;
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        let node = value.serialize(Tree)?;
        if matches!(&node, Node::Seq(items) if !items.is_empty()) {
            return Err(Unsupported);
        }
        self.0.push(node);
        Ok(())
    }

    fn end(self) -> Result<Node, Unsupported> {
        Ok(Node::Seq(self.0))
    }
}

struct MapNode(Vec<(&'static str, Node)>);

impl ser::SerializeStruct for MapNode {
    type Ok = Node;
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        // Field names: lowercase words joined by `_`, never a word YAML reads as something else.
        let plain_key = key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && !matches!(key, "true" | "false" | "null" | "nan" | "inf" | "infinity");
        if !plain_key {
            return Err(Unsupported);
        }
        self.0.push((key, value.serialize(Tree)?));
        Ok(())
    }

    fn end(self) -> Result<Node, Unsupported> {
        Ok(Node::Map(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Snapshot;

    /// The writer takes the real report's snapshots itself (it does not fall back), and writes
    /// them as `serde_yaml` does.
    #[test]
    fn writes_the_real_snapshots_itself() {
        let mut n = 0;
        for dossier in std::fs::read_dir("snapshots").expect("snapshots/") {
            for file in std::fs::read_dir(dossier.expect("entry").path()).expect("folder") {
                let text = std::fs::read_to_string(file.expect("entry").path()).expect("read");
                let snapshot: Snapshot = crate::yaml::from_str(&text).expect("parse");
                let fast = to_string(&snapshot).expect("the fast writer declined");
                assert_eq!(fast, serde_yaml::to_string(&snapshot).expect("serde_yaml"));
                n += 1;
            }
        }
        assert!(n >= 14);
    }

    #[test]
    fn strings_that_could_read_as_something_else_are_asked_of_serde_yaml() {
        for s in [
            "2024", "2023-10", "0x1F", "1e5", "true", "Null", "nan", "Infinity", "",
        ] {
            assert!(!is_certainly_plain(s), "{s}");
        }
        for s in [
            "a: b", "a #b", "- a", "[a]", "'a'", "a ", "*a", "&a", "!a", "a\tb",
        ] {
            assert!(!is_certainly_plain(s), "{s}");
        }
        for s in [
            "Nederland",
            "risico’s",
            "no",
            "De Raad (JBZ) sprak, kort.",
            "Roemenië",
        ] {
            assert!(is_certainly_plain(s), "{s}");
        }
        assert_eq!(scalar("2024").expect("quoted"), "'2024'");
        assert_eq!(scalar("a: b").expect("quoted"), "'a: b'");
    }

    #[test]
    fn declines_what_it_does_not_know() {
        assert!(to_string(&vec!["a\nb"]).is_none(), "a multi-line string");
        assert!(
            to_string(&vec![vec!["a"]]).is_none(),
            "a sequence in a sequence"
        );
        assert!(to_string(&1.5f64).is_none(), "a float");
        let map: std::collections::BTreeMap<String, u32> = [("a".to_string(), 1)].into();
        assert!(to_string(&map).is_none(), "a map");
    }
}
