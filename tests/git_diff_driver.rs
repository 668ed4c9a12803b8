//! `git diff` on snapshot files through jbz-track's diff driver (`diff.jbz.command`).

mod common;

use common::{bare_std, binary, git, repo_holding, OCT};

#[test]
fn git_diff_prints_the_semantic_diff_of_a_snapshot() {
    let dir = repo_holding(&[OCT]);
    let root = dir.path();
    let bin = binary();
    let status = bare_std()
        .args(["-q", "normalize", "--write"])
        .current_dir(root)
        .status()
        .expect("runs");
    assert!(status.success());
    git(root, &["init", "-q"]);
    std::fs::write(
        root.join(".gitattributes"),
        "snapshots/**/*.yaml diff=jbz\n",
    )
    .expect("write");
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "first report"]);
    git(
        root,
        &[
            "config",
            "diff.jbz.command",
            &format!("{} --color never git-diff-driver", bin.display()),
        ],
    );

    let file = root.join("snapshots/csam-verordening/2023-10.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replace("meer waarborgen", "voldoende waarborgen"),
    )
    .expect("write");
    let out = git(root, &["--no-pager", "diff"]);
    assert!(
        out.contains("jbz-track diff snapshots/csam-verordening/2023-10.yaml"),
        "{out}"
    );
    assert!(out.contains("[-meer-]{+voldoende+}"), "{out}");
    assert!(out.contains("nederland"), "{out}");

    // A file broken by hand still diffs, line by line.
    std::fs::write(&file, "schema: [broken\n").expect("write");
    let out = git(root, &["--no-pager", "diff"]);
    assert!(out.contains("+schema: [broken"), "{out}");
}
