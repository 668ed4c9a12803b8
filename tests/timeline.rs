//! `jbz-track timeline` as a user runs it: temporary repositories built from the real October
//! 2023 report (one entry) and from it plus the constructed December 2023 and March 2024
//! meetings in `tests/fixtures/meetings/` (three entries; its README lists every intended
//! change), normalised with the binary; and a git history of a few hundred commits for
//! `--git`.
//!
//! Every format is held as an insta snapshot in `tests/snapshots/`; the facts a reader looks
//! for (the EES slipping twice, a stage change, one line per milestone in the picture) are
//! also asserted one by one, so that a failure says what went wrong.

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::Stdio;

use common::{
    add_report, all_meetings, files_under, git, has, manifest, parse_json, repo_with, run,
    run_expecting, CSAM, DEC, DEC_AGENDA, INTEROP, MAR, OCT,
};
use serde_json::Value;

const PACT: &str = "asiel-migratiepact";
const EES: &str = "inwerkingtreding van het EES staat gepland";
const ETIAS: &str = "ETIAS zou volgen";
const COREPER: &str = "overeenstemming in het Comité van Permanente Vertegenwoordigers";

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The real report alone: every timeline has one entry.
fn october() -> tempfile::TempDir {
    repo_with(&[OCT])
}

/// Run, expect exit 0 and nothing on stderr, return stdout.
fn ok(repo: &Path, args: &[&str]) -> String {
    let (out, err) = run_expecting(repo, args, 0);
    assert_eq!(err, "", "jbz-track {args:?} wrote to stderr");
    out
}

/// Run as [`ok`]; returns stdout parsed as JSON.
fn json(repo: &Path, args: &[&str]) -> Value {
    parse_json(&ok(repo, args))
}

fn timeline_args<'a>(dossiers: &[&'a str], format: &'a str) -> Vec<&'a str> {
    let mut args = vec!["timeline"];
    args.extend_from_slice(dossiers);
    args.extend(["--format", format]);
    args
}

// ---------------------------------------------------------------------------------------------
// Every format, as a whole
// ---------------------------------------------------------------------------------------------

/// The dossiers of the three-meeting snapshots: a slipping date with two milestones, a stage
/// change with a slipping date, and a stage change with a milestone that appears.
const THREE: [&str; 3] = [INTEROP, CSAM, PACT];

#[test]
fn every_format_on_the_real_report_alone() {
    let repo = october();
    for format in ["text", "markdown", "json", "svg", "html"] {
        let out = ok(repo.path(), &timeline_args(&[CSAM], format));
        insta::assert_snapshot!(format!("one_entry_{format}"), out);
    }
}

#[test]
fn every_format_on_three_meetings() {
    let repo = all_meetings();
    for format in ["text", "markdown", "json", "svg", "html"] {
        let out = ok(repo.path(), &timeline_args(&THREE, format));
        insta::assert_snapshot!(format!("three_meetings_{format}"), out);
    }
}

// ---------------------------------------------------------------------------------------------
// The facts a reader looks for
// ---------------------------------------------------------------------------------------------

#[test]
fn drift_table_shows_the_ees_slipping_twice() {
    let repo = all_meetings();

    let text = ok(repo.path(), &["timeline", INTEROP]);
    let drift = text.split("Milestone drift").nth(1).expect("a drift table");
    let ees = drift
        .lines()
        .find(|l| l.contains("inwerkingtreding van het EES"))
        .expect("an EES row");
    let cells: Vec<&str> = ees
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        cells[1..],
        ["najaar 2024", "voorjaar 2025", "najaar 2025", "+12 months"],
        "{ees}"
    );

    let md = ok(repo.path(), &timeline_args(&[INTEROP], "markdown"));
    has(
        &md,
        &format!("| {EES} | najaar 2024 | voorjaar 2025 | najaar 2025 | +12 months |"),
    );
    has(
        &md,
        &format!("| {ETIAS} | voorjaar 2025 | voorjaar 2025 | voorjaar 2026 | +12 months |"),
    );

    let doc = json(repo.path(), &timeline_args(&[INTEROP], "json"));
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["kind"], "timeline");
    let t = &doc["timelines"][0];
    let drift = t["drift"].as_array().expect("drift");
    assert_eq!(
        drift.len(),
        2,
        "EES and ETIAS, matched by event: {drift:#?}"
    );
    let row = |event: &str| -> Vec<String> {
        drift
            .iter()
            .find(|d| d["event"] == event)
            .unwrap_or_else(|| panic!("no drift row {event}"))["at"]
            .as_array()
            .expect("at")
            .iter()
            .map(|m| m["when"].as_str().unwrap_or("-").to_string())
            .collect()
    };
    assert_eq!(
        row(EES),
        ["2024-09/2024-11", "2025-03/2025-05", "2025-09/2025-11"]
    );
    assert_eq!(
        row(ETIAS),
        ["2025-03/2025-05", "2025-03/2025-05", "2026-03/2026-05"]
    );

    let html = ok(repo.path(), &timeline_args(&[INTEROP], "html"));
    let ees_row = html
        .split("<tr>")
        .find(|r| r.contains(&format!(r#"<th scope="row">{EES}</th>"#)))
        .expect("an EES row in the HTML table");
    let phrases: Vec<&str> = ees_row
        .split(r#"<span class="phrase">"#)
        .skip(1)
        .filter_map(|s| s.split('<').next())
        .collect();
    assert_eq!(phrases, ["najaar 2024", "voorjaar 2025", "najaar 2025"]);
    has(ees_row, "+12 months");
}

#[test]
fn entries_mark_the_stage_change_and_what_changed() {
    let repo = all_meetings();
    let doc = json(repo.path(), &timeline_args(&[CSAM, PACT], "json"));
    let entries = |i: usize| doc["timelines"][i]["entries"].as_array().expect("entries");

    let csam = entries(0);
    let meetings: Vec<&str> = csam
        .iter()
        .map(|e| e["meeting"].as_str().unwrap())
        .collect();
    assert_eq!(
        meetings,
        ["2023-10", "2023-12", "2024-03"],
        "the agenda is left out"
    );
    let stages: Vec<(&str, bool)> = csam
        .iter()
        .map(|e| (e["stage"].as_str().unwrap(), e["stage_changed"] == true))
        .collect();
    assert_eq!(
        stages,
        [
            ("raadsonderhandelingen", true),
            ("raadspositie", true),
            ("raadspositie", false)
        ]
    );
    assert_eq!(csam[0]["changes"], serde_json::json!([]));
    let moved = &csam[2]["changes"][0]["timeline"][0];
    assert_eq!(moved["change"], "moved", "{moved:#}");
    assert_eq!(moved["months"], 5, "{moved:#}");

    let pact = entries(1);
    let stages: Vec<&str> = pact.iter().map(|e| e["stage"].as_str().unwrap()).collect();
    assert_eq!(stages, ["triloog", "triloog", "voorlopig-akkoord"]);
    assert_eq!(pact[2]["stage_changed"], true);
    assert_eq!(pact[2]["changes"][0]["stage"]["direction"], "forward");

    let text = ok(repo.path(), &["timeline", PACT]);
    has(&text, "voorlopig-akkoord  ◆ changed from triloog");
    has(&text, "stage triloog → voorlopig-akkoord (forward)");
}

/// The picture, parsed as XML: a chart per dossier, a polyline per milestone, a labelled band
/// per run of one stage, and text that is escaped.
#[test]
fn svg_is_xml_with_a_line_per_milestone_and_the_stage_bands() {
    let repo = all_meetings();
    let svg = ok(repo.path(), &timeline_args(&THREE, "svg"));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some(SVG_NS));

    let class = |n: &roxmltree::Node, c: &str| n.attribute("class") == Some(c);
    let charts: Vec<roxmltree::Node> = root.descendants().filter(|n| class(n, "chart")).collect();
    let ids: Vec<&str> = charts
        .iter()
        .map(|c| c.attribute("data-dossier").unwrap())
        .collect();
    assert_eq!(ids, THREE, "one chart per dossier, in the order named");

    let lines = |c: &roxmltree::Node| {
        c.descendants()
            .filter(|n| n.has_tag_name("polyline") && class(n, "milestone"))
            .map(|n| n.attribute("points").unwrap().split(' ').count())
            .collect::<Vec<usize>>()
    };
    let texts = |c: &roxmltree::Node, which: &str| {
        c.descendants()
            .filter(|n| n.has_tag_name("text") && class(n, which))
            .map(|n| n.text().unwrap_or("").to_string())
            .collect::<Vec<String>>()
    };
    // Points per line: EES and ETIAS at every meeting; Coreper at every meeting; the pact's
    // agreement only in March.
    assert_eq!(lines(&charts[0]), [3, 3]);
    assert_eq!(lines(&charts[1]), [3]);
    assert_eq!(lines(&charts[2]), [1]);
    assert_eq!(texts(&charts[0], "stage"), Vec::<String>::new());
    assert_eq!(texts(&charts[0], "stage-unknown"), ["stage not read"]);
    assert_eq!(
        texts(&charts[1], "stage"),
        ["raadsonderhandelingen", "raadspositie"]
    );
    assert_eq!(texts(&charts[2], "stage"), ["triloog", "voorlopig-akkoord"]);
    for c in &charts {
        assert_eq!(
            texts(c, "meeting"),
            ["2023-10", "2023-12", "2024-03"],
            "meetings along the axis"
        );
    }
    // The dates as written, where they moved (each column's labels top to bottom).
    let mut phrases = texts(&charts[0], "phrase");
    phrases.sort();
    assert_eq!(
        phrases,
        [
            "najaar 2024",
            "najaar 2025",
            "voorjaar 2025",
            "voorjaar 2025",
            "voorjaar 2026"
        ],
    );

    for n in root.descendants() {
        for a in n.attributes() {
            let v = a.value();
            assert!(
                v == SVG_NS || !(v.contains("http") || v.contains("url(")),
                "the picture loads nothing: {}={v}",
                a.name()
            );
        }
        assert!(
            !n.has_tag_name("script") && !n.has_tag_name("image") && !n.has_tag_name("a"),
            "no scripts, images or links"
        );
    }
}

#[test]
fn svg_of_one_entry_without_milestones_says_so() {
    let repo = october();
    let svg = ok(repo.path(), &timeline_args(&[PACT, CSAM], "svg"));
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let charts: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("chart"))
        .collect();
    assert_eq!(charts.len(), 2);
    let count = |c: &roxmltree::Node, tag: &str, class: &str| {
        c.descendants()
            .filter(|n| n.has_tag_name(tag) && n.attribute("class") == Some(class))
            .count()
    };
    assert_eq!(count(&charts[0], "polyline", "milestone"), 0);
    let empty: Vec<&str> = charts[0]
        .descendants()
        .filter(|n| n.attribute("class") == Some("empty"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(empty, ["No dated milestones at this meeting."]);
    assert_eq!(count(&charts[1], "polyline", "milestone"), 1);
    assert_eq!(count(&charts[1], "text", "stage"), 1);
}

/// A hand-made snapshot whose words need escaping: XML and HTML must carry them as text.
#[test]
fn svg_and_html_escape_what_the_reports_say() {
    let repo = october();
    let file = repo
        .path()
        .join("snapshots")
        .join(CSAM)
        .join("2023-10.yaml");
    let yaml = std::fs::read_to_string(&file).expect("snapshot");
    let yaml = yaml
        .replace(
            &format!("event: {COREPER}"),
            "event: 'akkoord <b>&amp;</b> \"Coreper\" & het EP'",
        )
        .replace(
            "title: Verordening ter voorkoming",
            "title: <script>x</script> Verordening ter voorkoming",
        );
    assert!(yaml.contains("<b>"), "the edit took");
    std::fs::write(&file, yaml).expect("write snapshot");

    let svg = ok(repo.path(), &timeline_args(&[CSAM], "svg"));
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    let line_title = doc
        .descendants()
        .find(|n| n.has_tag_name("polyline") && n.attribute("class") == Some("milestone"))
        .and_then(|n| n.first_element_child())
        .and_then(|t| t.text())
        .expect("the line's tooltip");
    assert_eq!(line_title, "akkoord <b>&amp;</b> \"Coreper\" & het EP");

    let html = ok(repo.path(), &timeline_args(&[CSAM], "html"));
    assert!(!html.contains("<script"), "the title is text, not markup");
    has(&html, "&lt;script&gt;x&lt;/script&gt; Verordening");
    has(
        &html,
        "akkoord &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;Coreper&quot; &amp; het EP",
    );
}

#[test]
fn html_is_one_page_that_loads_nothing() {
    let repo = all_meetings();
    let html = ok(repo.path(), &timeline_args(&THREE, "html"));
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
        "{html:.80}"
    );
    assert!(html.trim_end().ends_with("</html>"));
    has(&html, r#"<meta charset="utf-8">"#);
    // The only URL on the page is the SVG namespace, once per picture.
    let urls: Vec<&str> = html
        .match_indices("http")
        .map(|(i, _)| &html[i..])
        .collect();
    assert_eq!(urls.len(), 3, "one SVG per dossier");
    for u in urls {
        assert!(u.starts_with(SVG_NS), "an outside reference: {:.60}", u);
    }
    for banned in [
        "<script", "<link", "src=", "@import", "url(", "<iframe", "href=",
    ] {
        assert!(!html.contains(banned), "the page must not contain {banned}");
    }
    assert_eq!(html.matches("<svg ").count(), 3);
    assert_eq!(html.matches(r#"<table class="drift">"#).count(), 3);
    assert_eq!(
        html.matches("<section ").count(),
        html.matches("</section>").count()
    );
    has(
        &html,
        "<h4>2024-03 <span class=\"meta\">2024-03-04</span></h4>",
    );
    has(&html, "◆ changed from triloog");
    // The plain text form closes the page, escaped and without colour codes.
    has(&html, "<summary>The same as plain text</summary>");
    assert!(!html.contains('\u{1b}'), "no escape codes");
}

#[test]
fn since_and_until_narrow_the_meetings() {
    let repo = all_meetings();
    let meetings = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["timeline", INTEROP, "--format", "json"];
        all.extend_from_slice(args);
        let doc = json(repo.path(), &all);
        doc["timelines"][0]["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| e["meeting"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(meetings(&[]), ["2023-10", "2023-12", "2024-03"]);
    assert_eq!(meetings(&["--since", "2023-12"]), ["2023-12", "2024-03"]);
    assert_eq!(meetings(&["--until", "2023-12"]), ["2023-10", "2023-12"]);
    assert_eq!(
        meetings(&["--since", "2023-12", "--until", "2023-12"]),
        ["2023-12"]
    );

    // The first entry of a narrowed timeline is where it starts: nothing "changed" there, and
    // the drift runs over the meetings shown.
    let doc = json(
        repo.path(),
        &[
            "timeline", INTEROP, "--since", "2023-12", "--format", "json",
        ],
    );
    let t = &doc["timelines"][0];
    assert_eq!(t["entries"][0]["changes"], serde_json::json!([]));
    let ees = t["drift"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["event"] == EES)
        .expect("EES row");
    assert_eq!(ees["at"].as_array().unwrap().len(), 2);
    let text = ok(repo.path(), &["timeline", INTEROP, "--since", "2023-12"]);
    has(&text, "2 entries, 2023-12 → 2024-03");
    assert!(
        !text.contains("najaar 2024"),
        "October is left out:\n{text}"
    );
}

#[test]
fn unknown_dossier_is_trouble_with_the_closest_id() {
    let repo = all_meetings();
    let (code, out, err) = run(repo.path(), &["timeline", "csam-verordenin"]);
    assert_eq!(code, 2, "stdout: {out}\nstderr: {err}");
    assert_eq!(out, "");
    assert!(err.starts_with("jbz-track: "), "{err}");
    has(&err, "'csam-verordenin'");
    has(&err, "did you mean csam-verordening?");

    let (code, _, err) = run(repo.path(), &["timeline", INTEROP, "asielmigratiepact"]);
    assert_eq!(code, 2);
    has(&err, "did you mean asiel-migratiepact?");
}

// ---------------------------------------------------------------------------------------------
// --git: the timeline from the history of the snapshot files
// ---------------------------------------------------------------------------------------------

/// One commit of a `git fast-import` stream.
struct Commit<'a> {
    author: &'a str,
    /// Seconds since the epoch; the zone is +01:00.
    time: i64,
    message: String,
    files: Vec<(String, Vec<u8>)>,
}

const HOUR: i64 = 3600;
/// 2023-10-25 10:00 +01:00.
const OCT_25: i64 = 1_698_224_400;
const DAY: i64 = 24 * HOUR;

/// A git repository holding a repository of reports, with the reports arriving one commit at a
/// time between a few hundred commits that touch other files and other dossiers. Built with
/// one `git fast-import`, with fixed authors and dates, so that the history is the same on
/// every run.
fn history() -> tempfile::TempDir {
    // What `normalize` writes as the reports arrive.
    let stage = |reports: &[&str]| -> Vec<(String, Vec<u8>)> {
        let repo = repo_with(reports);
        files_under(repo.path()).into_iter().collect()
    };
    let oct = stage(&[OCT]);
    let agenda = stage(&[OCT, DEC_AGENDA]);
    let dec = stage(&[OCT, DEC_AGENDA, DEC]);
    let mar = stage(&[OCT, DEC_AGENDA, DEC, MAR]);

    let mut commits: Vec<Commit> = Vec::new();
    let mut t = OCT_25;
    let filler = |commits: &mut Vec<Commit>, t: &mut i64, n: usize, from: usize| {
        for i in from..from + n {
            *t += HOUR;
            let (path, content) = if i % 2 == 0 {
                ("NOTES.md".to_string(), format!("Notes, revision {i}\n"))
            } else {
                // Another dossier's snapshot changes (a comment is still valid YAML).
                let path = "snapshots/insolventierichtlijn/2023-10.yaml".to_string();
                let base = oct
                    .iter()
                    .find(|(p, _)| *p == path)
                    .map(|(_, c)| String::from_utf8_lossy(c).into_owned())
                    .expect("insolvency snapshot");
                (path, format!("{base}# checked, round {i}\n"))
            };
            commits.push(Commit {
                author: if i % 3 == 0 { "Eva" } else { "Fedde" },
                time: *t,
                message: format!("Routine update {i}"),
                files: vec![(path, content.into_bytes())],
            });
        }
    };
    commits.push(Commit {
        author: "Ann",
        time: t,
        message: "Add the report on the JBZ-Raad of October 2023".into(),
        files: oct.clone(),
    });
    filler(&mut commits, &mut t, 100, 0);
    t = OCT_25 + 34 * DAY;
    commits.push(Commit {
        author: "Bob",
        time: t,
        message: "Add the annotated agenda for December 2023".into(),
        files: agenda,
    });
    filler(&mut commits, &mut t, 50, 100);
    t = OCT_25 + 44 * DAY;
    commits.push(Commit {
        author: "Cas",
        time: t,
        message: "Add the report on the JBZ-Raad of December 2023".into(),
        files: dec,
    });
    filler(&mut commits, &mut t, 50, 150);
    t = OCT_25 + 135 * DAY;
    commits.push(Commit {
        author: "Ann",
        time: t,
        message: "Add the report on the JBZ-Raad of March 2024".into(),
        files: mar.clone(),
    });
    filler(&mut commits, &mut t, 50, 200);
    // A hand correction of the March snapshot: the Coreper date moves a month.
    let path = format!("snapshots/{CSAM}/2024-03.yaml");
    let march = mar
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, c)| String::from_utf8_lossy(c).into_owned())
        .expect("March CSAM snapshot");
    let corrected = march
        .replace("when: 2024-06\n", "when: 2024-07\n")
        .replace("phrase: juni 2024\n", "phrase: juli 2024\n");
    assert_ne!(march, corrected, "the correction applies");
    t = OCT_25 + 150 * DAY;
    commits.push(Commit {
        author: "Dirk",
        time: t,
        message: "Correct the Coreper date in the March snapshot\n\nThe report says juli.".into(),
        files: vec![(path, corrected.into_bytes())],
    });
    filler(&mut commits, &mut t, 50, 250);

    let dir = tempfile::tempdir().expect("temp dir");
    git(dir.path(), &["init", "-q", "-b", "main"]);
    let mut stream = Vec::new();
    for c in &commits {
        let who = format!(
            "{} <{}@example.org> {} +0100",
            c.author,
            c.author.to_lowercase(),
            c.time
        );
        writeln!(stream, "commit refs/heads/main").unwrap();
        writeln!(stream, "author {who}").unwrap();
        writeln!(stream, "committer {who}").unwrap();
        writeln!(stream, "data {}", c.message.len()).unwrap();
        writeln!(stream, "{}", c.message).unwrap();
        for (path, content) in &c.files {
            writeln!(stream, "M 100644 inline {path}").unwrap();
            writeln!(stream, "data {}", content.len()).unwrap();
            stream.extend_from_slice(content);
            writeln!(stream).unwrap();
        }
        writeln!(stream).unwrap();
    }
    let mut child = std::process::Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(dir.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&stream)
        .expect("write the stream");
    assert!(child.wait().expect("fast-import").success());
    git(dir.path(), &["checkout", "-q", "-f", "main"]);
    assert_eq!(
        git(dir.path(), &["rev-list", "--count", "HEAD"]).trim(),
        "305"
    );
    dir
}

#[test]
fn git_timeline_has_an_entry_per_commit_that_changed_the_dossier() {
    let repo = history();
    let doc = json(
        repo.path(),
        &["timeline", CSAM, "--git", "--format", "json"],
    );
    let entries = doc["timelines"][0]["entries"].as_array().expect("entries");
    let seen: Vec<[String; 4]> = entries
        .iter()
        .map(|e| {
            let c = &e["commit"];
            [
                c["date"].as_str().unwrap().to_string(),
                c["author"].as_str().unwrap().to_string(),
                c["summary"].as_str().unwrap().to_string(),
                e["meeting"].as_str().unwrap().to_string(),
            ]
        })
        .collect();
    let expected = [
        [
            "2023-10-25",
            "Ann",
            "Add the report on the JBZ-Raad of October 2023",
            "2023-10",
        ],
        [
            "2023-11-28",
            "Bob",
            "Add the annotated agenda for December 2023",
            "2023-12.agenda",
        ],
        [
            "2023-12-08",
            "Cas",
            "Add the report on the JBZ-Raad of December 2023",
            "2023-12",
        ],
        [
            "2024-03-08",
            "Ann",
            "Add the report on the JBZ-Raad of March 2024",
            "2024-03",
        ],
        [
            "2024-03-23",
            "Dirk",
            "Correct the Coreper date in the March snapshot",
            "2024-03",
        ],
    ];
    assert_eq!(
        seen,
        expected.map(|r| r.map(String::from)),
        "the 300 routine commits (notes, another dossier) give no entry"
    );
    for e in entries {
        let id = e["commit"]["id"].as_str().unwrap();
        assert_eq!(id.len(), 10, "abbreviated commit id {id}");
    }

    // What changed, per commit: the first is new; the agenda is the first agenda, compared
    // with no earlier agenda, and reads no stage (an agenda states aims, not stages reached);
    // the December report moves the stage on (against the October report, not the agenda in
    // between) and the Coreper date; March moves the date again; the hand correction moves
    // it one more month.
    let stage_changed: Vec<bool> = entries.iter().map(|e| e["stage_changed"] == true).collect();
    assert_eq!(stage_changed, [true, false, true, false, false]);
    let moved = |i: usize| -> Vec<i64> {
        entries[i]["changes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["timeline"].as_array().cloned().unwrap_or_default())
            .filter(|m| m["change"] == "moved")
            .map(|m| m["months"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(moved(2), [3]);
    assert_eq!(moved(3), [5]);
    assert_eq!(moved(4), [1]);
    assert_eq!(
        entries[2]["changes"][0]["stage"]["old"], "raadsonderhandelingen",
        "the December report is compared with the October report"
    );
    assert_eq!(entries[2]["changes"][0]["stage"]["new"], "raadspositie");

    let text = ok(repo.path(), &["timeline", CSAM, "--git"]);
    insta::assert_snapshot!("git_text", text);
    has(&text, "5 entries");
    has(&text, "2024-03-23");
    has(
        &text,
        "2024-06 (juni 2024) → 2024-07 (juli 2024), +1 month, later",
    );

    // Another dossier's history is its own: the routine commits to the insolvency snapshot
    // are entries there (and the notes are not): October, its 150 touches, the agenda
    // (insolvency is on it), December and March.
    let doc = json(
        repo.path(),
        &[
            "timeline",
            "insolventierichtlijn",
            "--git",
            "--format",
            "json",
        ],
    );
    let n = doc["timelines"][0]["entries"].as_array().unwrap().len();
    assert_eq!(n, 1 + 150 + 1 + 1 + 1);

    // The picture of a git timeline is well-formed too, a column per commit.
    let svg = ok(repo.path(), &["timeline", CSAM, "--git", "--format", "svg"]);
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let columns = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("meeting"))
        .count();
    assert_eq!(columns, 5);
}

#[test]
fn git_timeline_of_an_unknown_dossier_suggests_one() {
    let repo = history();
    let (code, _, err) = run(repo.path(), &["timeline", "csam", "--git"]);
    assert_eq!(code, 2, "{err}");
    has(&err, "csam-verordening");
}

/// Every key of `timeline --format json` (outside the embedded diff objects, which the diff
/// tests hold to their own section) is named in the `## timeline` section of docs/json.md.
#[test]
fn timeline_json_keys_are_documented() {
    let repo = all_meetings();
    let v = json(
        repo.path(),
        &timeline_args(
            &["csam-verordening", "implementatie-van-interoperabiliteit"],
            "json",
        ),
    );
    let doc = std::fs::read_to_string(manifest().join("docs/json.md")).expect("docs/json.md");
    let section = doc
        .split("\n## timeline")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("docs/json.md has a '## timeline' section");
    let mut keys = std::collections::BTreeSet::new();
    fn collect(v: &Value, keys: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    keys.insert(k.clone());
                    if k != "changes" && k != "milestones" && k != "at" {
                        collect(x, keys);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| collect(x, keys)),
            _ => {}
        }
    }
    collect(&v, &mut keys);
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| !section.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "keys not documented in docs/json.md: {missing:?}"
    );
}

/// A snapshot broken in one commit of the history (the blobs are read ahead on several
/// threads) is named with its commit, and the timeline exits 2; a later fix does not hide it.
#[test]
fn git_timeline_names_the_commit_of_a_broken_snapshot() {
    let repo = all_meetings();
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    git(dir, &["add", "-A"]);
    let ident = ["-c", "user.name=T", "-c", "user.email=t@example.org"];
    git(
        dir,
        &[&ident[..], &["commit", "-q", "-m", "reports"]].concat(),
    );
    let file = dir.join("snapshots/csam-verordening/2023-10.yaml");
    let good = std::fs::read_to_string(&file).expect("snapshot");
    // Enough changes before the break that its blob is read by another thread than the first.
    for i in 0..40 {
        std::fs::write(&file, format!("{good}# round {i}\n")).expect("touch");
        git(
            dir,
            &[&ident[..], &["commit", "-q", "-am", "touch"]].concat(),
        );
    }
    std::fs::write(&file, good.replace("schema: 1", "schema: [1")).expect("break");
    git(
        dir,
        &[&ident[..], &["commit", "-q", "-am", "broken"]].concat(),
    );
    let broken = git(dir, &["rev-parse", "HEAD"]);
    std::fs::write(&file, &good).expect("mend");
    git(
        dir,
        &[&ident[..], &["commit", "-q", "-am", "mended"]].concat(),
    );
    let (code, _, err) = run(dir, &["timeline", "csam-verordening", "--git"]);
    assert_eq!(code, 2, "{err}");
    has(&err, "snapshots/csam-verordening/2023-10.yaml");
    has(&err, &broken.trim()[..7]);
}

/// A shallow clone walks back only to its oldest fetched commit: the timeline says so and
/// names the fix, and still draws what it has.
#[test]
fn git_timeline_on_a_shallow_clone_warns_and_names_unshallow() {
    let repo = repo_with(&[OCT]);
    git(repo.path(), &["init", "-q", "-b", "main"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "October"]);
    add_report(repo.path(), DEC);
    common::normalize(repo.path());
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "December"]);
    let clones = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", repo.path().display());
    git(
        clones.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    git(clones.path(), &["clone", "-q", &url, "whole"]);

    let shallow = clones.path().join("shallow");
    let (out, err) = run_expecting(&shallow, &["timeline", "--git", CSAM], 0);
    has(&err, "shallow clone");
    has(&err, "git fetch --unshallow");
    has(&out, CSAM);

    let (_, err) = run_expecting(
        &clones.path().join("whole"),
        &["timeline", "--git", CSAM],
        0,
    );
    assert_eq!(err, "", "a whole clone gets no warning");
}
