//! The fuzz targets' bodies, shared by the libFuzzer targets in `fuzz_targets/` (nightly,
//! `cargo fuzz run NAME`) and the stable-Rust soak test in the main crate
//! (`tests/fuzz_soak.rs`, which includes this file), so that both run exactly the same code.
//!
//! Each target takes any bytes and must not panic; errors are fine.

use std::path::Path;

use jbz_track::dossier::Registry;
use jbz_track::report::{self, Report};
use jbz_track::snapshot::{MeetingRef, Source, COUNCIL};
use jbz_track::source::{self, docx, html, txt, xml};

/// Text reports: decode (every encoding), clean, parse, and on success extract the
/// snapshots and write them as YAML, as `normalize` does.
pub fn txt_parse(data: &[u8]) {
    if let Ok((text, _)) = txt::decode(data) {
        parse_and_extract(&text);
    }
}

/// The HTML reader, then the parser.
pub fn html_reader(data: &[u8]) {
    if let Ok((raw, _)) = txt::decode_raw(data) {
        let text = txt::normalize_chars(&html::to_text(&raw));
        parse_and_extract(&text);
    }
}

/// The XML reader, then the parser.
pub fn xml_reader(data: &[u8]) {
    if let Ok((raw, _)) = txt::decode_raw(data) {
        if let Ok(text) = xml::to_text(&raw) {
            parse_and_extract(&txt::normalize_chars(&text));
        }
    }
}

/// The snapshot loader: any text as a snapshot file, and as a `dossiers.yaml`.
pub fn snapshot_loader(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(snapshot) = jbz_track::store::fs::parse(Path::new("x.yaml"), text) {
            // What loads must write back.
            let _ = jbz_track::store::fs::render(&snapshot);
        }
        let _ = Registry::from_yaml(text);
    }
}

/// The built-in PDF reader (its panics are caught and become errors; what must not happen
/// is a crash of the process), then the parser.
pub fn pdf_builtin(data: &[u8]) {
    if let Ok(text) = source::pdf::to_text_builtin(data) {
        parse_and_extract(&txt::normalize_chars(&text));
    }
}

/// The DOCX reader (zip, numbering, footnotes), then the parser.
pub fn docx_reader(data: &[u8]) {
    if let Ok(text) = docx::to_text(data) {
        parse_and_extract(&txt::normalize_chars(&text));
    }
}

fn parse_and_extract(text: &str) {
    let Ok(report) = report::parse(text) else {
        return;
    };
    extract(&report);
}

fn extract(report: &Report) {
    let meeting = MeetingRef {
        id: report.start.format("%Y-%m").to_string(),
        council: COUNCIL.to_string(),
        start: report.start,
        end: report.end,
    };
    let source = Source {
        path: "reports/fuzz.txt".to_string(),
        kind: report.kind,
        sha256: String::new(),
    };
    for snapshot in jbz_track::extract::snapshots(report, &Registry::builtin(), &meeting, &source) {
        if let Ok(text) = jbz_track::store::fs::render(&snapshot) {
            // What is written must read back.
            let _ = jbz_track::store::fs::parse(Path::new("x.yaml"), &text);
        }
    }
}
