//! One report, many layouts: the real report's content laid out as users bring it gives the
//! same snapshots as the text of its PDF, or a named warning; an item is never lost in silence.
//!
//! The generator below takes the shipped report (`reports/`, the text of the official PDF) apart
//! into its logical pieces — running text, headings, bullets, footnotes, each a run of lines
//! between empty lines — and writes them out again: as a web paste (one line per paragraph,
//! footnotes at the end), behind a covering letter with the title spread over lines with empty
//! lines between, behind a viewer's page header (tkconv), and hard-wrapped at 72 and 80 columns
//! with no empty line at all. The words are the real report's; the covering letter and the
//! viewer header are constructed for these tests and say so. Mutations (an item heading without
//! its number, a page break inside a heading, the parts swapped) must each be read right or give
//! their named warning.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{jbz, real_report, repo_with_files, stderr, OCT};

/// A piece of the report between empty lines, or a footnote.
#[derive(Debug, Clone)]
enum Piece {
    /// Lines of the body (headings, text, bullets), as printed.
    Body(Vec<String>),
    /// One footnote: its number and its lines.
    Footnote(Vec<String>),
}

/// The shipped report taken apart: which lines are footnotes is read with the library's own
/// cleaner (the shipped layout is the one whose reading the real-report tests hold).
fn pieces() -> Vec<Piece> {
    let text = String::from_utf8(real_report()).expect("utf-8");
    let raw: Vec<&str> = text.lines().collect();
    let cleaned = jbz_track::clean::clean(&text);
    let body: std::collections::BTreeSet<usize> = cleaned.lines.iter().map(|l| l.no).collect();
    let starts: std::collections::BTreeSet<usize> =
        cleaned.footnotes.iter().map(|f| f.line).collect();
    let mut out = Vec::new();
    let mut current: Option<Piece> = None;
    for (i, line) in raw.iter().enumerate() {
        let no = i + 1;
        let blank = line.trim().is_empty();
        let in_body = body.contains(&no);
        // A page's first line (one leading space) after a footnote block opens a new piece.
        let page_start = line.starts_with(' ') && !line.starts_with("  ") && !blank;
        // A bullet, and whatever follows a heading on the next line, is a piece of its own.
        let opens_piece = page_start
            || line.trim_start().starts_with('•')
            || i.checked_sub(1)
                .is_some_and(|p| raw[p].trim().starts_with("Belangrijkste"));
        match (&mut current, blank, in_body) {
            (_, true, true) => {
                out.extend(current.take());
            }
            (_, _, false) if starts.contains(&no) => {
                out.extend(current.take());
                current = Some(Piece::Footnote(vec![line.trim().to_string()]));
            }
            (Some(Piece::Footnote(lines)), false, false) => lines.push(line.trim().to_string()),
            (Some(Piece::Body(lines)), false, true) if !opens_piece => {
                lines.push(line.trim_end().to_string())
            }
            (_, false, true) => {
                out.extend(current.take());
                current = Some(Piece::Body(vec![line.trim().to_string()]));
            }
            _ => {}
        }
    }
    out.extend(current);
    out
}

/// The lines of a piece joined into one, a line-end hyphen kept and joined tight
/// (`EU-` + `partnerschappen`), as the report spells those words.
fn joined(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let tight = out.ends_with('-') && !out.ends_with(" -");
        if !out.is_empty() && !tight {
            out.push(' ');
        }
        out.push_str(t);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Greedy wrapping at `width` columns, never breaking a word.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Is this body piece a heading (title, part, item, `Belangrijkste resultaten`)?
fn is_heading(piece: &[String]) -> bool {
    let first = piece[0].trim();
    first.starts_with("Verslag")
        || first.starts_with("I. ")
        || first.starts_with("II. ")
        || first.starts_with("Belangrijkste")
        || first
            .split_once(". ")
            .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
}

/// Hard-wrapped at `width` with no empty line: headings, paragraphs and footnotes each wrapped.
fn hard_wrapped(width: usize) -> String {
    let mut out = String::new();
    for piece in pieces() {
        let lines = match &piece {
            Piece::Body(l) | Piece::Footnote(l) => l,
        };
        for line in wrap(&joined(lines), width) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// A web paste: one line per paragraph with empty lines between, footnotes at the end.
fn web_paste() -> String {
    let mut body: Vec<String> = Vec::new();
    let mut notes = Vec::new();
    let mut pending = String::new();
    for piece in pieces() {
        match piece {
            Piece::Footnote(l) => notes.push(joined(&l)),
            Piece::Body(l) => {
                let text = joined(&l);
                // A heading that wrapped after an empty line (`… georganiseerde` / `misdaad`)
                // is one line on the web.
                if pending.is_empty() && text.starts_with(char::is_lowercase) {
                    if let Some(last) = body.last_mut() {
                        last.push(' ');
                        last.push_str(&text);
                        continue;
                    }
                }
                // A bullet or sentence split by a page or an empty line is one paragraph again.
                if !pending.is_empty() {
                    pending.push(' ');
                    pending.push_str(&text);
                } else {
                    pending = text;
                }
                let ends = pending
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .ends_with(['.', '?', '!'])
                    || is_heading(&l);
                if ends {
                    body.push(std::mem::take(&mut pending));
                }
            }
        }
    }
    body.extend((!pending.is_empty()).then_some(pending));
    format!("{}\n\n{}\n", body.join("\n\n"), notes.join("\n\n"))
}

/// The report with its two-line title replaced by `title` lines (already laid out).
fn with_title(text: &str, title: &str) -> String {
    let rest = text
        .split_once("19 -20 oktober 2023")
        .map(|(_, rest)| rest)
        .expect("the shipped title");
    format!("{title}{rest}")
}

const COVER_LETTER: &str = "Constructed for jbz-track tests; not an official text.\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 30 oktober 2023\n\nHierbij bied ik uw Kamer het verslag aan van de JBZ-Raad van 19 en 20 oktober 2023 in Luxemburg.\n\nDe Minister van Justitie en Veiligheid\n\n";

const VIEWER_HEADER: &str = "[overzicht] [activiteiten] [besluiten] [kamerstukdossiers] (constructed for jbz-track tests; not an official text)\n\nVerslag van de Raad Justitie en Binnenlandse Zaken, 19 en 20 oktober 2023\n\nBijlage\n\nNummer: 2023D00000, datum: 2023-10-30, bijgewerkt: 2023-10-30 10:00, versie: 1\n\nDirecte link naar document (.pdf), link naar pagina op de Tweede Kamer site.\n\nPreview document (origineel)\n\n";

/// Normalise `text` as the only report of a fresh repository; returns the snapshots (all but
/// the lines naming the file read), the exit code and stderr.
fn snapshots_of(text: &str) -> (BTreeMap<String, String>, i32, String) {
    // `JBZ_LAYOUTS_DIR=/tmp/layouts cargo test --test layouts` keeps each layout to look at.
    if let Some(dir) = std::env::var_os("JBZ_LAYOUTS_DIR") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).expect("layouts dir");
        let name = format!("{:016x}.txt", fxhash(text));
        std::fs::write(dir.join(name), text).expect("layout written");
    }
    let dir = repo_with_files(&[(OCT, text.as_bytes())]);
    let out = jbz(dir.path()).arg("normalize").output().expect("runs");
    let snaps = read_snapshots(&dir.path().join("snapshots"));
    (snaps, out.status.code().unwrap_or(-1), stderr(&out))
}

/// A name for a layout's file that stays the same from run to run.
fn fxhash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn read_snapshots(dir: &Path) -> BTreeMap<String, String> {
    common::files_under(dir)
        .into_iter()
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes).expect("utf-8");
            let kept: Vec<&str> = text
                .lines()
                .filter(|l| {
                    !l.trim_start().starts_with("path:") && !l.trim_start().starts_with("sha256:")
                })
                .collect();
            (path, kept.join("\n"))
        })
        .collect()
}

fn shipped() -> BTreeMap<String, String> {
    let text = String::from_utf8(real_report()).expect("utf-8");
    let (snaps, code, err) = snapshots_of(&text);
    assert_eq!(code, 0, "{err}");
    assert_eq!(snaps.len(), 14, "the shipped report gives 14 snapshots");
    snaps
}

/// The layout gives exactly the shipped report's snapshots, exit 0 and no warning.
fn assert_same_as_shipped(layout: &str, text: &str) {
    let (snaps, code, err) = snapshots_of(text);
    let want = shipped();
    assert_eq!(code, 0, "{layout}: exit 0\n{err}");
    assert!(!err.contains("warning"), "{layout}: no warning\n{err}");
    let names = |m: &BTreeMap<String, String>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&snaps), names(&want), "{layout}: the same dossiers");
    for (path, text) in &want {
        let got = &snaps[path];
        if got != text {
            let diff = similar::TextDiff::from_lines(text.as_str(), got.as_str())
                .unified_diff()
                .to_string();
            panic!("{layout}: {path} differs from the shipped report's\n{diff}");
        }
    }
}

/// The web paste without its footnotes (their markers stay glued, as in a paste that lost
/// them), with the parts in the order given.
fn web_paste_without_footnotes(home_first: bool) -> String {
    let text = web_paste();
    let body = text
        .split("\n\n1 Zie ook")
        .next()
        .expect("footnotes at the end");
    let (head, justice) = body
        .split_once("\n\nII. Justitie")
        .expect("the Justice part");
    let (title, home) = head
        .split_once("\n\nI. Binnenlandse Zaken")
        .expect("the Home part");
    if home_first {
        format!("{title}\n\nI. Binnenlandse Zaken{home}\n\nII. Justitie{justice}\n")
    } else {
        format!("{title}\n\nI. Justitie{justice}\n\nII. Binnenlandse Zaken{home}\n")
    }
}

#[test]
fn the_justice_part_first_gives_the_same_snapshots() {
    let (home_first, code, err) = snapshots_of(&web_paste_without_footnotes(true));
    assert_eq!(code, 0, "{err}");
    assert_eq!(home_first.len(), 14);
    let (justice_first, code, err) = snapshots_of(&web_paste_without_footnotes(false));
    assert_eq!(code, 0, "{err}");
    // The same facts; a dossier with items in both parts (the two AOB items) lists them in
    // the report's order, so lines are compared as sets.
    let sorted = |t: &str| {
        let mut lines: Vec<&str> = t.lines().collect();
        lines.sort_unstable();
        lines.join("\n")
    };
    assert_eq!(
        home_first.keys().collect::<Vec<_>>(),
        justice_first.keys().collect::<Vec<_>>()
    );
    for (path, text) in &home_first {
        assert_eq!(sorted(text), sorted(&justice_first[path]), "{path}");
    }
}

/// The typeset PDF's text as `pdftotext` gives it without `-layout` (as users run it by hand):
/// page breaks as form feeds, footnotes between blank lines. pdftotext itself joins words
/// hyphenated at a line end (`EU-` + `partnerschappen` → `EUpartnerschappen`), so the words
/// of five sentences differ; every item, statement and milestone must still be there.
#[test]
fn pdftotext_without_layout_loses_no_item_or_statement() {
    let pdf = common::fixture_path("formats", "2023-10-19-jbz-raad-verslag.typeset.pdf");
    let Ok(out) = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
    else {
        eprintln!("pdftotext is not installed (apt-get install poppler-utils): skipped");
        return;
    };
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let (snaps, code, err) = snapshots_of(&text);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    let want = shipped();
    assert_eq!(
        snaps.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>()
    );
    // The shape of each snapshot: its lines with the words taken out.
    let shape = |t: &str| -> Vec<String> {
        t.lines()
            .map(|l| {
                let indent = l.len() - l.trim_start().len();
                let first = l.trim_start().split([':', ' ']).next().unwrap_or_default();
                format!("{indent}{first}")
            })
            .collect()
    };
    for (path, text) in &want {
        assert_eq!(shape(&snaps[path]), shape(text), "{path}");
    }
}

#[test]
fn web_paste_without_page_breaks_reads_as_the_pdf_text() {
    assert_same_as_shipped("web paste", &web_paste());
}

#[test]
fn hard_wrapped_at_72_columns_without_empty_lines_reads_as_the_pdf_text() {
    assert_same_as_shipped("hard-wrapped at 72", &hard_wrapped(72));
}

#[test]
fn hard_wrapped_at_80_columns_without_empty_lines_reads_as_the_pdf_text() {
    assert_same_as_shipped("hard-wrapped at 80", &hard_wrapped(80));
}

#[test]
fn hard_wrapped_at_every_width_from_60_to_100_columns_reads_as_the_pdf_text() {
    // Each width puts other words at the start of a line (`Justitie de onderwerpen …` once
    // looked like a part heading at 76 columns).
    for width in (60..=100).step_by(4) {
        assert_same_as_shipped(&format!("hard-wrapped at {width}"), &hard_wrapped(width));
    }
}

#[test]
fn covering_letter_and_a_title_over_three_lines_with_empty_lines_between() {
    let text = String::from_utf8(real_report()).expect("utf-8");
    let title = "Verslag van de formele bijeenkomst\n\nvan de Raad Justitie en Binnenlandse Zaken,\n\n19 en 20 oktober 2023\n";
    let text = format!("{COVER_LETTER}{}", with_title(&text, title));
    assert_same_as_shipped("cover letter + three-line title", &text);
}

#[test]
fn viewer_page_header_in_front_of_the_report() {
    let text = String::from_utf8(real_report()).expect("utf-8");
    assert_same_as_shipped("tkconv header", &format!("{VIEWER_HEADER}{text}"));
}

#[test]
fn an_item_heading_that_lost_its_number_gives_a_warning_naming_its_line() {
    let text = hard_wrapped(76).replace(
        "\n3. Implementatie van interoperabiliteit\n",
        "\nImplementatie van interoperabiliteit\n",
    );
    let (_, code, err) = snapshots_of(&text);
    assert!(err.contains("warning"), "a warning:\n{err}");
    assert!(
        err.contains("jump from 2 to 4"),
        "it names the jump:\n{err}"
    );
    assert!(
        err.contains(&format!("reports/{OCT}:")),
        "it names the file and line:\n{err}"
    );
    // The snapshots are written, but the run is not clean: exit 1, as check's.
    assert_eq!(code, 1, "{err}");
}

#[test]
fn check_fails_on_an_item_heading_that_lost_its_number_and_explain_shows_where_it_went() {
    let text = hard_wrapped(76).replace(
        "\n3. Implementatie van interoperabiliteit\n",
        "\nImplementatie van interoperabiliteit\n",
    );
    let dir = repo_with_files(&[(OCT, text.as_bytes())]);
    jbz(dir.path()).arg("normalize").assert().code(1);
    let out = jbz(dir.path()).arg("check").output().expect("runs");
    assert_eq!(out.status.code(), Some(1), "check fails:\n{}", stderr(&out));
    let out = jbz(dir.path())
        .args(["normalize", "--explain", &format!("reports/{OCT}")])
        .output()
        .expect("runs");
    let shown = common::stdout(&out);
    // The lost heading is read as text of item 2, and the row says so.
    assert!(
        shown.contains("text          Binnenlandse Zaken › 2. Staat van Schengen"),
        "{shown}"
    );
    assert!(shown.contains("4. Interne veiligheid EU"), "{shown}");
    assert!(
        shown.contains("warning:") && shown.contains("jump from 2 to 4"),
        "{shown}"
    );
    assert_eq!(out.status.code(), Some(1), "explain exits 1 on warnings");
}

#[test]
fn explain_accounts_for_every_line_of_the_shipped_report() {
    let dir = repo_with_files(&[(OCT, &real_report())]);
    let out = jbz(dir.path())
        .args(["normalize", "--explain", &format!("reports/{OCT}")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = common::stdout(&out);
    // Rows are `first–last  role  where`; together they cover every non-blank line.
    let text = String::from_utf8(real_report()).expect("utf-8");
    let mut covered = std::collections::BTreeSet::new();
    // The lines' rows come first, up to a blank line; the statements follow.
    for row in shown.lines().skip(1).take_while(|l| !l.is_empty()) {
        let span = row.split_whitespace().next().expect("a span");
        let (a, b) = span.split_once('–').unwrap_or((span, span));
        let (a, b): (usize, usize) = (a.parse().expect("line"), b.parse().expect("line"));
        covered.extend(a..=b);
    }
    for (i, line) in text.lines().enumerate() {
        if !line.trim().is_empty() {
            assert!(
                covered.contains(&(i + 1)),
                "line {} is not accounted for:\n{shown}",
                i + 1
            );
        }
    }
    let items = shown
        .lines()
        .filter(|row| row.split_whitespace().nth(1) == Some("item"))
        .count();
    assert_eq!(items, 15, "9 Home Affairs and 6 Justice items:\n{shown}");
    // Then every statement, with its actors and the rule that placed them.
    let statements = shown
        .split_once("\nstatements:")
        .map(|(_, s)| s)
        .expect("a statements section");
    let row = |start: &str| {
        statements
            .lines()
            .find(|l| l.contains(start))
            .unwrap_or_else(|| panic!("no row for {start:?}:\n{statements}"))
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        row("Nederland behoorde tot die laatste"),
        "25 nederland subject"
    );
    assert_eq!(
        row("De gedachtewisseling tussen de lidstaten"),
        "41 - state-of-play"
    );
    assert_eq!(
        row("In de volledige tafelronde"),
        "76 lidstaten tour-de-table"
    );
}

#[test]
fn a_page_break_with_footnotes_inside_a_heading_keeps_the_heading_whole() {
    let text = String::from_utf8(real_report()).expect("utf-8");
    // Move the page break with its footnote block to between the two lines of item 1's heading.
    let heading = "1. Verordening tot vaststelling van regels ter voorkoming en bestrijding van seksueel \nmisbruik van kinderen";
    assert!(text.contains(heading));
    let (_, code, err) = snapshots_of(&text.replace(
        heading,
        "1. Verordening tot vaststelling van regels ter voorkoming en bestrijding van seksueel \n\n \n Pagina 2 van 9\n misbruik van kinderen",
    ));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn footnotes_mid_page_without_a_page_break_do_not_swallow_the_next_item() {
    // The footnote block of page 1, with the page-start space of the next line taken away, as
    // a PDF whose footnotes sit mid-page gives it: the items after it must all be read.
    let text = String::from_utf8(real_report()).expect("utf-8");
    let text = text.replace(
        "\n Nederland op tot regelmatige",
        "\nNederland op tot regelmatige",
    );
    let (snaps, code, err) = snapshots_of(&text);
    assert_eq!(code, 0, "{err}");
    assert_eq!(snaps.len(), 14, "every item read:\n{:?}", snaps.keys());
}
