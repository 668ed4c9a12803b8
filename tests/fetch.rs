//! `fetch` against a local HTTP server that answers like the Gegevensmagazijn's OData v4 API.
//!
//! The live API (gegevensmagazijn.tweedekamer.nl) is not reachable from where these tests
//! run. The answers below are **constructed** in the documented shape (entity set `Document`,
//! `value`, `@odata.nextLink`, `Document(<Id>)/resource`) and say so in an `@odata.context`
//! comment field; the files served are this repository's real October 2023 report and the
//! constructed reports of `tests/fixtures/meetings/`.

mod common;

mod odata_server;

use std::net::TcpListener;
use std::path::Path;
use std::time::Duration;

use common::*;
use odata_server::{doc, page, two_verslagen, Reply, Server};

const ID_OCT: &str = "0a6b0d0c-0000-4000-8000-000000000001";
const ID_AGENDA: &str = "0a6b0d0c-0000-4000-8000-000000000002";
const ID_DEC: &str = "0a6b0d0c-0000-4000-8000-000000000003";
const ID_FICHE: &str = "0a6b0d0c-0000-4000-8000-000000000004";

/// The dossier in two pages (the next link absolute, as the API gives it): three reports and
/// a letter that is no report.
fn dossier_server() -> Server {
    Server::start(|target, _, base| {
        if target.contains("/Document?") && !target.contains("$skiptoken") {
            return Reply::Ok(
                200,
                "application/json",
                page(
                    vec![
                        doc(
                            ID_OCT,
                            "2023D44001",
                            "Verslag van de JBZ-Raad van 19 en 20 oktober 2023",
                            "2023-11-02",
                        ),
                        doc(
                            ID_AGENDA,
                            "2023D47001",
                            "Geannoteerde agenda van de JBZ-Raad van 4 en 5 december 2023",
                            "2023-11-20",
                        ),
                    ],
                    Some(format!("{base}/Document?$skiptoken=2")),
                ),
            );
        }
        if target.contains("$skiptoken=2") {
            return Reply::Ok(
                200,
                "application/json",
                page(
                    vec![
                        doc(
                            ID_DEC,
                            "2023D50001",
                            "Verslag van de JBZ-Raad van 4 en 5 december 2023",
                            "2023-12-15",
                        ),
                        doc(
                            ID_FICHE,
                            "2023D50002",
                            "Fiche: Verordening terugkeer",
                            "2023-12-18",
                        ),
                    ],
                    None,
                ),
            );
        }
        let file = match target {
            t if t.contains(ID_OCT) => report_source(OCT),
            t if t.contains(ID_AGENDA) => report_source(DEC_AGENDA),
            t if t.contains(ID_DEC) => report_source(DEC),
            _ => return Reply::Ok(404, "application/json", b"{}".to_vec()),
        };
        Reply::Ok(200, "text/plain", std::fs::read(file).expect("report"))
    })
}

#[test]
fn fetch_pages_through_the_dossier_stores_canonical_names_and_then_has_everything() {
    let server = dossier_server();
    let repo = tempfile::tempdir().expect("dir");
    let out = fetch(repo.path(), &server, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        text(&out.stderr)
    );
    for name in [OCT, DEC_AGENDA, DEC] {
        assert!(
            stdout.contains(&format!("added  reports/{name}")),
            "{name} not added:\n{stdout}"
        );
        assert_eq!(
            std::fs::read(repo.path().join("reports").join(name)).expect("stored"),
            std::fs::read(report_source(name)).expect("source"),
        );
    }
    assert!(
        stdout.contains(
            "4 documents of dossier 32317 listed: 3 added, 0 already there, 1 not reports"
        ),
        "{stdout}"
    );
    assert_eq!(
        server.resources(),
        3,
        "the letter that is no report is not downloaded"
    );
    // The filter asks the API for the dossier and the kinds; every request names the tool.
    let seen = server.seen();
    assert!(
        seen[0]
            .target
            .contains("Kamerstukdossier/any(d:d/Nummer eq 32317)"),
        "{:?}",
        seen[0]
    );
    assert!(
        seen[0].target.contains("Soort eq 'Brief regering'"),
        "{:?}",
        seen[0]
    );
    assert!(
        seen.iter().all(|s| s.agent.starts_with("jbz-track/")),
        "{seen:?}"
    );
    let record = std::fs::read_to_string(repo.path().join("reports/.fetched.tsv")).expect("record");
    assert!(
        record.contains(ID_OCT) && record.contains(ID_FICHE),
        "{record}"
    );

    // Second run: everything is known by id; nothing is downloaded or written.
    let before = server.resources();
    let again = fetch(repo.path(), &server, &[]);
    let stdout = text(&again.stdout);
    assert_eq!(again.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(
            "4 documents of dossier 32317 listed: 0 added, 3 already there, 1 not reports"
        ),
        "{stdout}"
    );
    assert_eq!(server.resources(), before);
    assert_eq!(
        std::fs::read_to_string(repo.path().join("reports/.fetched.tsv")).expect("record"),
        record
    );

    // The reports normalise as if ingested by hand.
    jbz(repo.path()).arg("normalize").assert().success();
}

#[test]
fn a_report_already_there_under_another_name_is_recognised_by_its_checksum() {
    let server = dossier_server();
    let repo = repo_with_files(&[("verslag-oktober.txt", &real_report())]);
    let out = fetch(repo.path(), &server, &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("have  reports/verslag-oktober.txt"),
        "{stdout}"
    );
    assert!(!repo.path().join("reports").join(OCT).exists());
}

#[test]
fn dry_run_lists_and_writes_nothing() {
    let server = dossier_server();
    let repo = tempfile::tempdir().expect("dir");
    let out = fetch(
        repo.path(),
        &server,
        &["--dry-run", "--since", "2023-11-15"],
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("would get  2023D47001"), "{stdout}");
    assert!(stdout.contains("3 to fetch"), "{stdout}");
    assert!(!repo.path().join("reports").exists());
    assert_eq!(server.resources(), 0);
    assert!(
        server.seen()[0]
            .target
            .contains("Datum ge 2023-11-15T00:00:00Z"),
        "{:?}",
        server.seen()[0]
    );
}

#[test]
fn an_unreachable_api_is_exit_2_with_the_address_after_the_retries() {
    // A port that was open a moment ago and is closed now: the connection is refused.
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let repo = tempfile::tempdir().expect("dir");
    let out = jbz(repo.path())
        .args(["fetch", "--retries", "2", "--api"])
        .arg(format!("http://127.0.0.1:{port}/OData/v4/2.0"))
        .output()
        .expect("run");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "error: cannot reach the Tweede Kamer's open data at http://127.0.0.1:{port}/OData/v4/2.0/Document (3 attempts): "
        )),
        "{stderr}"
    );
    assert!(stderr.contains("(3 attempts)"), "{stderr}");
    assert!(stderr.contains("check the network connection"), "{stderr}");
}

#[test]
fn an_error_status_is_retried_when_it_may_pass_and_reported_when_it_does_not() {
    // 503 twice, then the page: the run succeeds after two retries.
    let flaky = Server::start(|target, before, _| {
        if target.contains("/Document?") && before < 2 {
            Reply::Ok(503, "text/plain", b"busy".to_vec())
        } else {
            Reply::Ok(200, "application/json", page(vec![], None))
        }
    });
    let repo = tempfile::tempdir().expect("dir");
    let out = fetch(repo.path(), &flaky, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(flaky.seen().len(), 3);

    // 500 every time: exit 2 naming the status, after 1 + 1 tries.
    let down = Server::start(|_, _, _| Reply::Ok(500, "text/plain", b"down".to_vec()));
    let out = fetch(repo.path(), &down, &["--retries", "1"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the open data API answered 500 after every retry"),
        "{stderr}"
    );
    assert_eq!(down.seen().len(), 2);

    // 404 is not retried.
    let missing = Server::start(|_, _, _| Reply::Ok(404, "text/plain", b"no".to_vec()));
    let out = fetch(repo.path(), &missing, &["--retries", "3"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the open data API answered 404"),
        "{stderr}"
    );
    assert_eq!(missing.seen().len(), 1);
}

#[test]
fn a_slow_answer_times_out_with_exit_2() {
    let slow = Server::start(|_, _, _| Reply::Slow(Duration::from_secs(3), page(vec![], None)));
    let repo = tempfile::tempdir().expect("dir");
    let started = std::time::Instant::now();
    let out = fetch(repo.path(), &slow, &["--timeout", "0.5", "--retries", "0"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no answer within the time limit (--timeout)"),
        "{stderr}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the time limit was not kept"
    );
}

#[test]
fn a_truncated_body_is_retried_then_reported() {
    let full = page(vec![], None);
    let cut = full[..10].to_vec();
    let claimed = full.len() + 100;
    // The listing is cut off every time: exit 2.
    let broken = Server::start(move |_, _, _| Reply::Cut(cut.clone(), claimed));
    let repo = tempfile::tempdir().expect("dir");
    let out = fetch(repo.path(), &broken, &["--retries", "1"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cut off"), "{stderr}");
    assert_eq!(broken.seen().len(), 2);

    // One report's file is cut off every time: it fails, the others are still stored, exit 2.
    let report = std::fs::read(report_source(DEC)).expect("report");
    let half = report[..report.len() / 2].to_vec();
    let server = Server::start(move |target, _, _| {
        if target.contains("/Document?") {
            return Reply::Ok(200, "application/json", two_verslagen(ID_OCT, ID_DEC));
        }
        if target.contains(ID_DEC) {
            return Reply::Cut(half.clone(), report.len());
        }
        Reply::Ok(200, "text/plain", real_report())
    });
    let repo = tempfile::tempdir().expect("dir");
    let out = fetch(repo.path(), &server, &["--retries", "0"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(stderr.contains("failed  2023D50001"), "{stderr}");
    assert!(stderr.contains("cut off"), "{stderr}");
    assert!(
        stdout.contains(&format!("added  reports/{OCT}")),
        "{stdout}"
    );
    assert!(!repo.path().join("reports").join(DEC).exists());
    // Not remembered: the next run tries it again.
    let record = std::fs::read_to_string(repo.path().join("reports/.fetched.tsv")).expect("record");
    assert!(!record.contains(ID_DEC), "{record}");
}

fn fetch(repo: &Path, server: &Server, extra: &[&str]) -> std::process::Output {
    let mut cmd = jbz(repo);
    cmd.arg("fetch").arg("--api").arg(&server.base).args(extra);
    cmd.output().expect("run")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_failure_on_a_later_page_keeps_what_the_earlier_pages_stored() {
    let server = Server::start(|target, _, base| {
        if target.contains("$skiptoken") {
            return Reply::Ok(500, "text/plain", b"down".to_vec());
        }
        if target.contains("/Document?") {
            return Reply::Ok(
                200,
                "application/json",
                page(
                    vec![doc(
                        ID_OCT,
                        "2023D44001",
                        "Verslag van de JBZ-Raad van 19 en 20 oktober 2023",
                        "2023-11-02",
                    )],
                    Some(format!("{base}/Document?$skiptoken=1")),
                ),
            );
        }
        Reply::Ok(200, "text/plain", real_report())
    });
    let repo = tempfile::tempdir().expect("dir");
    let out = fetch(repo.path(), &server, &["--retries", "0"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("answered 500"), "{stderr}");
    assert!(repo.path().join("reports").join(OCT).is_file());
    let record = std::fs::read_to_string(repo.path().join("reports/.fetched.tsv")).expect("record");
    assert!(record.contains(ID_OCT), "{record}");
}

#[test]
fn an_answer_that_is_not_odata_is_exit_2_naming_the_resource() {
    let server =
        Server::start(|_, _, _| Reply::Ok(200, "text/html", b"<html>maintenance</html>".to_vec()));
    let repo = tempfile::tempdir().expect("dir");
    let out = fetch(repo.path(), &server, &[]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("/OData/v4/2.0/Document: the answer is not an OData list of documents"),
        "{stderr}"
    );
}
