//! GitHub Actions workflow commands: one `::error file=…,line=…::…` annotation per finding,
//! which GitHub shows on the lines of the pull request.

use std::io::{self, Write};

use crate::check::Findings;
use crate::repo::display_path;

/// Escape a value as the workflow command syntax requires.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One annotation per finding, then a notice with the summary.
pub fn findings(out: &mut impl Write, f: &Findings) -> io::Result<()> {
    for x in &f.findings {
        let mut props = format!("file={}", escape_property(&display_path(&x.path)));
        if let Some(l) = x.line {
            props.push_str(&format!(",line={l}"));
        }
        props.push_str(&format!(
            ",title={}",
            escape_property(&format!("jbz-track {}", x.problem.as_str()))
        ));
        writeln!(out, "::error {props}::{}", escape_data(&x.message))?;
    }
    if f.passed() {
        writeln!(
            out,
            "::notice title=jbz-track check::{} report{} and {} snapshot{} are in order",
            f.reports,
            if f.reports == 1 { "" } else { "s" },
            f.snapshots,
            if f.snapshots == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}
