//! `site`: the pages and feeds a reader gets, from the shipped and constructed meetings.
//! Feeds are parsed back with `atom_syndication` and checked for Atom's required elements;
//! every local link of every page must name a file of the site; a second run must give the
//! same bytes, and a run after a new meeting must keep every earlier entry as it was.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;

fn site(repo: &Path, out: &Path, extra: &[&str]) -> String {
    let o = jbz(repo)
        .arg("site")
        .arg(out)
        .args(extra)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout
}

fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("inside").to_path_buf();
                out.insert(rel, std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

/// The Atom elements RFC 4287 requires (4.1.1, 4.1.2), checked on the parsed feed.
fn check_feed(path: &Path, bytes: &[u8]) -> atom_syndication::Feed {
    let feed = atom_syndication::Feed::read_from(bytes)
        .unwrap_or_else(|e| panic!("{}: not Atom: {e}", path.display()));
    assert!(!feed.id().is_empty(), "{}: no id", path.display());
    assert!(
        !feed.title().value.is_empty(),
        "{}: no title",
        path.display()
    );
    // The parser fills a missing <updated> with 1970: look at the XML itself. (A feed of an
    // empty repository is dated 1970 on purpose: no date from the clock.)
    assert!(
        String::from_utf8_lossy(bytes).contains("<updated>"),
        "{}: no updated",
        path.display()
    );
    let feed_author = !feed.authors().is_empty();
    assert!(
        feed.links().iter().any(|l| l.rel() == "alternate"),
        "{}: no alternate link",
        path.display()
    );
    let mut ids = std::collections::BTreeSet::new();
    for e in feed.entries() {
        assert!(
            e.id().starts_with("tag:"),
            "{}: id {}",
            path.display(),
            e.id()
        );
        assert!(
            ids.insert(e.id().to_string()),
            "{}: id {} twice",
            path.display(),
            e.id()
        );
        assert!(
            !e.title().value.is_empty(),
            "{}: entry without title",
            path.display()
        );
        assert!(e.updated().timestamp() > 0);
        assert!(
            feed_author || !e.authors().is_empty(),
            "{}: no author",
            path.display()
        );
        assert!(
            !e.links().is_empty(),
            "{}: entry {} without link",
            path.display(),
            e.id()
        );
        assert!(
            e.content().is_some() || e.summary().is_some(),
            "{}: entry {} without content",
            path.display(),
            e.id()
        );
    }
    feed
}

/// Every `href`/`src` of a page that is not a URL or a fragment names a file of the site.
fn check_links(out: &Path, page: &Path, html: &str) {
    for attr in ["href=\"", "src=\""] {
        for part in html.split(attr).skip(1) {
            let target = part.split('"').next().unwrap_or("");
            if target.starts_with('#') || target.contains("://") || target.is_empty() {
                continue;
            }
            let file = target.split('#').next().unwrap_or("");
            let resolved = out.join(page.parent().unwrap_or(Path::new(""))).join(file);
            assert!(
                resolved.is_file(),
                "{}: link {target} resolves to nothing",
                page.display()
            );
        }
    }
}

#[test]
fn site_gives_pages_and_valid_feeds_with_working_links() {
    let repo = all_meetings();
    let out = tempfile::tempdir().expect("dir");
    let stdout = site(repo.path(), out.path(), &[]);
    assert!(stdout.contains("pages"), "{stdout}");
    let all = files(out.path());
    for must in [
        "index.html",
        "style.css",
        "dossier/csam-verordening.html",
        "feeds/all.atom",
        "feeds/csam-verordening.atom",
        "reports/2023-10-19-jbz-raad-verslag.txt",
    ] {
        assert!(all.contains_key(Path::new(must)), "{must} missing");
    }
    let mut entries = 0;
    for (p, bytes) in &all {
        let text = String::from_utf8_lossy(bytes);
        match p.extension().and_then(|e| e.to_str()) {
            Some("html") => {
                assert!(!text.contains("<script"), "{}: a script", p.display());
                check_links(out.path(), p, &text);
            }
            Some("atom") => entries += check_feed(p, bytes).entries().len(),
            _ => {}
        }
    }
    assert!(entries > 0);

    // What a reader of the CSAM dossier sees: the picture, the typed changes, the sources.
    let page =
        String::from_utf8_lossy(&all[Path::new("dossier/csam-verordening.html")]).into_owned();
    assert!(page.contains("<svg"), "no timeline picture");
    assert!(
        page.contains("Changes since 2023-12"),
        "no diff against the meeting before"
    );
    assert!(page.contains("milestone slipped"), "{page}");
    assert!(page.contains("href=\"../reports/2024-03-04-jbz-raad-verslag.txt\""));
    let index = String::from_utf8_lossy(&all[Path::new("index.html")]).into_owned();
    assert!(index.contains("href=\"dossier/csam-verordening.html\""));
    assert!(index.contains("raadspositie"), "the stage is on the index");

    let feed = check_feed(
        Path::new("csam"),
        &all[Path::new("feeds/csam-verordening.atom")],
    );
    let ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
    assert_eq!(
        ids,
        [
            "tag:jbz-track.invalid,2026:csam-verordening/2024-03",
            "tag:jbz-track.invalid,2026:csam-verordening/2023-12",
            "tag:jbz-track.invalid,2026:csam-verordening/2023-12.agenda",
            "tag:jbz-track.invalid,2026:csam-verordening/2023-10",
        ]
    );
    let march = &feed.entries()[0];
    let content = march.content().and_then(|c| c.value()).unwrap_or_default();
    assert!(content.contains("milestone slipped 5 months"), "{content}");
}

#[test]
fn an_unchanged_run_rewrites_identical_bytes_and_a_new_meeting_only_adds_entries() {
    let repo = repo_with(&[OCT, DEC]);
    let out = tempfile::tempdir().expect("dir");
    site(repo.path(), out.path(), &[]);
    let first = files(out.path());
    let again = site(repo.path(), out.path(), &[]);
    assert!(again.contains(" 0 files written"), "{again}");
    assert_eq!(files(out.path()), first, "a second run changed bytes");

    let before = check_feed(Path::new("all"), &first[Path::new("feeds/all.atom")]);
    add_report(repo.path(), MAR);
    normalize(repo.path());
    site(repo.path(), out.path(), &[]);
    let after_files = files(out.path());
    let after = check_feed(Path::new("all"), &after_files[Path::new("feeds/all.atom")]);
    let old: BTreeMap<&str, &atom_syndication::Entry> =
        before.entries().iter().map(|e| (e.id(), e)).collect();
    let mut added = 0;
    for e in after.entries() {
        match old.get(e.id()) {
            // The same entry, word for word: a reader shows it once.
            Some(was) => assert_eq!(*was, e, "entry {} changed", e.id()),
            None => {
                assert!(
                    e.id().ends_with("/2024-03"),
                    "unexpected new entry {}",
                    e.id()
                );
                added += 1;
            }
        }
    }
    assert!(added > 0, "the March meeting added no entry");
    assert_eq!(after.entries().len(), before.entries().len() + added);
}

#[test]
fn with_a_base_url_feeds_carry_absolute_links_and_a_self_link() {
    let repo = repo_with(&[OCT, DEC]);
    let out = tempfile::tempdir().expect("dir");
    site(
        repo.path(),
        out.path(),
        &["--base-url", "https://example.org/jbz"],
    );
    let bytes = std::fs::read(out.path().join("feeds/csam-verordening.atom")).expect("feed");
    let feed = check_feed(Path::new("csam"), &bytes);
    assert!(feed
        .links()
        .iter()
        .any(|l| l.rel() == "self"
            && l.href() == "https://example.org/jbz/feeds/csam-verordening.atom"));
    for e in feed.entries() {
        assert!(e.links()[0]
            .href()
            .starts_with("https://example.org/jbz/dossier/csam-verordening.html#m-"));
    }
}

#[test]
fn the_site_is_refused_inside_the_repository_itself() {
    let repo = repo_with(&[OCT]);
    let o = jbz(repo.path())
        .arg("site")
        .arg(repo.path().join("snapshots"))
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("the site needs a folder of its own"));
}

#[test]
fn pages_and_feeds_of_a_dossier_that_is_gone_are_removed() {
    let repo = repo_with(&[OCT]);
    let out = tempfile::tempdir().expect("dir");
    site(repo.path(), out.path(), &[]);
    let page = out.path().join("dossier/insolventierichtlijn.html");
    assert!(page.is_file());
    std::fs::remove_dir_all(repo.path().join("snapshots/insolventierichtlijn")).expect("rm");
    let said = site(repo.path(), out.path(), &[]);
    assert!(said.contains("removed"), "{said}");
    assert!(!page.exists());
    assert!(!out.path().join("feeds/insolventierichtlijn.atom").exists());
    assert!(!String::from_utf8_lossy(
        &std::fs::read(out.path().join("index.html")).expect("index")
    )
    .contains("insolventierichtlijn.html"));
}

#[test]
fn a_repository_without_snapshots_gives_an_index_that_says_what_to_do() {
    let repo = tempfile::tempdir().expect("dir");
    let out = tempfile::tempdir().expect("dir");
    site(repo.path(), out.path(), &[]);
    let index = std::fs::read_to_string(out.path().join("index.html")).expect("index");
    assert!(index.contains("No snapshots yet"), "{index}");
    check_feed(
        Path::new("all"),
        &std::fs::read(out.path().join("feeds/all.atom")).expect("feed"),
    );
}
