//! One self-contained HTML page per call: the drift picture and the text timeline, with no
//! network access and no scripts.

use std::io::{self, Write};

use crate::render::svg::{self, xml_escape};
use crate::timeline::Timeline;

/// A page with the SVG and the Markdown-free text form of each timeline.
pub fn timelines(out: &mut impl Write, timelines: &[Timeline], text: &str) -> io::Result<()> {
    let title = timelines
        .iter()
        .map(|t| t.dossier.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(
        out,
        r#"<html lang="nl"><head><meta charset="utf-8"><title>jbz-track timeline: {}</title></head><body>"#,
        xml_escape(&title)
    )?;
    svg::timelines(out, timelines)?;
    writeln!(out, "<pre>{}</pre>", xml_escape(text))?;
    writeln!(out, "</body></html>")
}
