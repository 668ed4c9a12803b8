//! `git diff` on snapshot files through jbz-track's diff driver (`diff.jbz.command`).

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn git_diff_prints_the_semantic_diff_of_a_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("reports")).expect("mkdir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("reports/2023-10-19-jbz-raad-verslag.txt"),
        root.join("reports/2023-10-19-jbz-raad-verslag.txt"),
    )
    .expect("copy report");
    let bin = assert_cmd::cargo::cargo_bin("jbz-track");
    let status = Command::new(&bin)
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
