//! `diff --git` across a `git mv` of snapshots (issue #18): a dossier whose folder was renamed
//! (a new slug) is one renamed dossier, old id → new id, with only the changes of content, not a
//! dossier that appeared and one that left with every statement added and removed.
//!
//! Each test builds a git repository of the real October 2023 report and the constructed
//! December 2023 one (so `csam-verordening` has two meetings), commits it, then moves files.

mod common;

use std::path::Path;

use common::{
    add_report, git, has, json, lacks, manifest, normalize, ok, run, CSAM, DEC, INTEROP, OCT,
};
use serde_json::Value;

/// The new slug the tests give `csam-verordening`.
const NEW: &str = "kinderbescherming-online";

fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "-A", "reports", "snapshots"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// A git repository with one commit: the October and December reports and their snapshots.
fn reports_committed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    add_report(root, OCT);
    add_report(root, DEC);
    normalize(root);
    commit_all(root, "JBZ-Raad 2023-10 and 2023-12");
    dir
}

/// `git mv snapshots/csam-verordening snapshots/<NEW>`, not committed.
fn move_csam_folder(root: &Path) {
    git(
        root,
        &[
            "mv",
            &format!("snapshots/{CSAM}"),
            &format!("snapshots/{NEW}"),
        ],
    );
}

/// The JSON of `diff --git ARGS`.
fn diff_json(root: &Path, revs: &[&str]) -> Value {
    let mut args = vec!["diff", "--git"];
    args.extend_from_slice(revs);
    args.extend_from_slice(&["--format", "json"]);
    json(root, &args)
}

fn entries(doc: &Value) -> &Vec<Value> {
    doc["dossiers"].as_array().expect("dossiers is an array")
}

/// Whether the entry holds no change of content (stage, statements, timeline, …).
fn no_content_change(d: &Value) {
    for key in [
        "positions",
        "timeline",
        "highlights",
        "state_of_play",
        "references",
    ] {
        assert_eq!(d[key], serde_json::json!([]), "{key} in {d:#}");
    }
    assert_eq!(d["stage"], Value::Null, "{d:#}");
}

#[test]
fn git_mv_of_a_dossier_folder_is_one_rename() {
    let repo = reports_committed();
    let root = repo.path();
    move_csam_folder(root);
    commit_all(root, "csam-verordening is now kinderbescherming-online");

    let text = ok(
        root,
        &["diff", "--git", "HEAD~1", "HEAD", "--color", "never"],
    );
    has(&text, &format!("~ {CSAM} → {NEW} (renamed)"));
    assert_eq!(
        text.matches("(renamed)").count(),
        1,
        "one line for the dossier's two moved files:\n{text}"
    );
    lacks(&text, "on the agenda at");
    lacks(&text, "no longer on the agenda");
    lacks(&text, "statement");

    let doc = diff_json(root, &["HEAD~1", "HEAD"]);
    let all = entries(&doc);
    assert_eq!(all.len(), 1, "{doc:#}");
    let d = &all[0];
    assert_eq!(d["dossier"], NEW);
    assert_eq!(d["renamed_from"], CSAM);
    assert_eq!(d["presence"], "both");
    assert_eq!(
        d["old"]["file"],
        format!("HEAD~1:snapshots/{CSAM}/2023-12.yaml")
    );
    assert_eq!(
        d["new"]["file"],
        format!("HEAD:snapshots/{NEW}/2023-12.yaml")
    );
    no_content_change(d);
    assert_eq!(doc["unchanged"], serde_json::json!([]));

    let md = ok(
        root,
        &["diff", "--git", "HEAD~1", "HEAD", "--format", "markdown"],
    );
    has(&md, &format!("### `{CSAM}` → `{NEW}` (renamed)"));
    has(&md, "**Renamed**, no change in content.");
    lacks(&md, "On the agenda");
    lacks(&md, "No longer on the agenda");

    // Either name narrows the diff to it.
    for name in [CSAM, NEW] {
        let doc = diff_json(root, &["HEAD~1", "HEAD", "--dossier", name]);
        assert_eq!(entries(&doc).len(), 1, "--dossier {name}: {doc:#}");
        assert_eq!(entries(&doc)[0]["renamed_from"], CSAM);
    }

    // A rename is a difference a user should see.
    let (code, _, _) = run(root, &["diff", "--git", "HEAD~1", "HEAD", "--exit-code"]);
    assert_eq!(code, 1);

    // The key the meeting diffs never show is documented with the others.
    let doc = std::fs::read_to_string(manifest().join("docs/json.md")).expect("docs/json.md");
    let diff_section = doc
        .split("\n## ")
        .find(|s| s.starts_with("diff\n"))
        .expect("docs/json.md has a '## diff' section");
    has(diff_section, "| `renamed_from` |");
}

#[test]
fn git_mv_with_an_edited_sentence_is_a_rename_and_that_change() {
    let repo = reports_committed();
    let root = repo.path();
    move_csam_folder(root);
    let file = root.join(format!("snapshots/{NEW}/2023-12.yaml"));
    let yaml = std::fs::read_to_string(&file).expect("snapshot");
    let edited = yaml.replace("voldoende waarborgen", "ruime waarborgen");
    assert_ne!(edited, yaml, "the edit applies");
    std::fs::write(&file, edited).expect("write");
    commit_all(root, "rename, and a corrected sentence");

    let doc = diff_json(root, &["HEAD~1", "HEAD"]);
    let all = entries(&doc);
    assert_eq!(all.len(), 1, "only the edited meeting: {doc:#}");
    let d = &all[0];
    assert_eq!(d["dossier"], NEW);
    assert_eq!(d["renamed_from"], CSAM);
    assert_eq!(d["presence"], "both");
    assert_eq!(d["old"]["meeting"], "2023-12");
    let positions = d["positions"].as_array().expect("positions");
    assert_eq!(positions.len(), 1, "{d:#}");
    assert_eq!(positions[0]["actor"], "nederland");
    assert_eq!(positions[0]["status"], "changed");
    let statements = positions[0]["statements"].as_array().expect("statements");
    assert_eq!(statements.len(), 1, "{d:#}");
    assert_eq!(statements[0]["change"], "changed");
    assert_eq!(d["timeline"], serde_json::json!([]));
    assert_eq!(d["stage"], Value::Null);

    let text = ok(
        root,
        &["diff", "--git", "HEAD~1", "HEAD", "--color", "never"],
    );
    has(&text, &format!("~ {CSAM} → {NEW} (renamed)"));
    has(&text, "[-voldoende-]{+ruime+}");
    lacks(&text, "on the agenda at");
    lacks(&text, "no longer on the agenda");
}

#[test]
fn a_delete_and_an_unrelated_add_stay_left_and_appeared() {
    let repo = reports_committed();
    let root = repo.path();
    // In the same commit as a rename, so that pairing has something to pair: a dossier's
    // December file deleted, and a new dossier's December file added that is not it.
    move_csam_folder(root);
    git(
        root,
        &["rm", "-q", &format!("snapshots/{INTEROP}/2023-12.yaml")],
    );
    let insolvency =
        std::fs::read_to_string(root.join("snapshots/insolventierichtlijn/2023-12.yaml"))
            .expect("insolvency snapshot");
    let unrelated = insolvency
        .replace("id: insolventierichtlijn", "id: nieuw-dossier")
        .replace(
            "title: Richtlijn tot harmonisatie van bepaalde aspecten van het insolventierecht",
            "title: Een nieuw dossier",
        );
    assert!(
        unrelated.contains("title: Een nieuw dossier"),
        "the new dossier has its own title"
    );
    std::fs::create_dir_all(root.join("snapshots/nieuw-dossier")).expect("folder");
    std::fs::write(root.join("snapshots/nieuw-dossier/2023-12.yaml"), unrelated).expect("write");
    commit_all(root, "rename, delete, add");

    let doc = diff_json(root, &["HEAD~1", "HEAD"]);
    let presence = |id: &str| {
        entries(&doc)
            .iter()
            .filter(|d| d["dossier"] == id)
            .map(|d| {
                (
                    d["presence"].as_str().expect("presence").to_string(),
                    d["renamed_from"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        presence(INTEROP),
        [("left".to_string(), Value::Null)],
        "{doc:#}"
    );
    assert_eq!(
        presence("nieuw-dossier"),
        [("appeared".to_string(), Value::Null)],
        "{doc:#}"
    );
    assert_eq!(
        presence(NEW),
        [("both".to_string(), Value::String(CSAM.to_string()))],
        "{doc:#}"
    );
    assert_eq!(entries(&doc).len(), 3, "{doc:#}");
}

#[test]
fn worktree_after_git_mv_is_a_rename() {
    let repo = reports_committed();
    let root = repo.path();
    move_csam_folder(root);

    let doc = diff_json(root, &["HEAD"]);
    assert_eq!(doc["new"], "working tree");
    let all = entries(&doc);
    assert_eq!(all.len(), 1, "{doc:#}");
    assert_eq!(all[0]["dossier"], NEW);
    assert_eq!(all[0]["renamed_from"], CSAM);
    assert_eq!(
        all[0]["new"]["file"],
        format!("snapshots/{NEW}/2023-12.yaml")
    );
    no_content_change(&all[0]);

    let text = ok(root, &["diff", "--git", "HEAD", "--color", "never"]);
    has(&text, &format!("~ {CSAM} → {NEW} (renamed)"));
    lacks(&text, "on the agenda at");
    let (code, _, _) = run(root, &["diff", "--git", "HEAD", "--exit-code"]);
    assert_eq!(code, 1);
}

#[test]
fn git_mv_with_the_id_inside_updated_is_still_a_rename() {
    // What a careful rename does: the folder moves and each file's `id` follows it, so no
    // file keeps its blob; the meeting and the title pair them.
    let repo = reports_committed();
    let root = repo.path();
    move_csam_folder(root);
    for meeting in ["2023-10", "2023-12"] {
        let file = root.join(format!("snapshots/{NEW}/{meeting}.yaml"));
        let yaml = std::fs::read_to_string(&file).expect("snapshot");
        std::fs::write(
            &file,
            yaml.replace(&format!("id: {CSAM}"), &format!("id: {NEW}")),
        )
        .expect("write");
    }
    commit_all(root, "csam-verordening is now kinderbescherming-online");

    let doc = diff_json(root, &["HEAD~1", "HEAD"]);
    let all = entries(&doc);
    assert_eq!(all.len(), 1, "{doc:#}");
    assert_eq!(all[0]["dossier"], NEW);
    assert_eq!(all[0]["renamed_from"], CSAM);
    no_content_change(&all[0]);
}

#[test]
fn moving_one_meetings_file_is_a_rename_of_that_meeting() {
    let repo = reports_committed();
    let root = repo.path();
    std::fs::create_dir_all(root.join(format!("snapshots/{NEW}"))).expect("folder");
    git(
        root,
        &[
            "mv",
            &format!("snapshots/{CSAM}/2023-10.yaml"),
            &format!("snapshots/{NEW}/2023-10.yaml"),
        ],
    );
    commit_all(root, "the October file belongs elsewhere");

    let doc = diff_json(root, &["HEAD~1", "HEAD"]);
    let all = entries(&doc);
    assert_eq!(all.len(), 1, "{doc:#}");
    assert_eq!(all[0]["dossier"], NEW);
    assert_eq!(all[0]["renamed_from"], CSAM);
    assert_eq!(all[0]["new"]["meeting"], "2023-10");
    no_content_change(&all[0]);
}
