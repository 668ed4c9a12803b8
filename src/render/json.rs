//! JSON for machines. Every document carries `schema`, the version of its shape, so that a
//! reader can tell when it changes.

use std::io::Write;

use serde::Serialize;

use crate::diff::Comparison;
use crate::render::{DossierEntry, DossierList};
use crate::snapshot::Snapshot;

/// The version of the JSON documents written here.
pub const JSON_SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Document<'a, T: Serialize> {
    schema: u32,
    kind: &'static str,
    #[serde(flatten)]
    body: &'a T,
}

fn write_doc<T: Serialize>(
    out: &mut impl Write,
    kind: &'static str,
    body: &T,
) -> std::io::Result<()> {
    let doc = Document {
        schema: JSON_SCHEMA,
        kind,
        body,
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
    writeln!(out)
}

/// A snapshot as JSON: the snapshot's own fields (its `schema` is the snapshot schema).
pub fn snapshot(out: &mut impl Write, snapshot: &Snapshot) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, snapshot).map_err(std::io::Error::other)?;
    writeln!(out)
}

#[derive(Serialize)]
struct Dossiers<'a> {
    dossiers: &'a [DossierEntry],
}

/// The dossier listing as JSON: `{"schema":1,"kind":"dossiers","dossiers":[…]}`.
pub fn dossiers(out: &mut impl Write, list: &DossierList) -> std::io::Result<()> {
    write_doc(
        out,
        "dossiers",
        &Dossiers {
            dossiers: &list.entries,
        },
    )
}

/// A comparison as JSON: `{"schema":1,"kind":"diff","old":…,"new":…,"dossiers":[…],
/// "unchanged":[…]}`; the shape is documented in `docs/json.md`.
pub fn comparison(out: &mut impl Write, c: &Comparison) -> std::io::Result<()> {
    write_doc(out, "diff", c)
}

#[derive(Serialize)]
struct Timelines<'a> {
    timelines: &'a [crate::timeline::Timeline],
}

/// Timelines as JSON: `{"schema":1,"kind":"timeline","timelines":[…]}`; the shape is
/// documented in `docs/json.md`.
pub fn timelines(out: &mut impl Write, t: &[crate::timeline::Timeline]) -> std::io::Result<()> {
    write_doc(out, "timeline", &Timelines { timelines: t })
}
