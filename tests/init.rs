//! The loop `init` sets up, run end to end without GitHub: `init`, a repository pushed to a
//! local bare remote, then the `run:` steps of the workflow `init` wrote
//! (`.github/workflows/fetch.yml`), in order, with bash as GitHub runs them, against a local
//! server that answers like the Tweede Kamer's open data. The `uses:` steps (checkout, the
//! toolchain, Pages) are GitHub's own and are stood in for: a clone, the binary on PATH.

mod common;
mod odata_server;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use odata_server::{two_verslagen, Reply, Server};

const ID_OCT: &str = "1b7c0000-0000-4000-8000-000000000001";
const ID_DEC: &str = "1b7c0000-0000-4000-8000-000000000002";

fn server() -> Server {
    Server::start(|target, _, _| {
        if target.contains("/Document?") {
            return Reply::Ok(200, "application/json", two_verslagen(ID_OCT, ID_DEC));
        }
        if target.contains(ID_OCT) {
            return Reply::Ok(200, "text/plain", real_report());
        }
        if target.contains(ID_DEC) {
            return Reply::Ok(
                200,
                "text/plain",
                std::fs::read(report_source(DEC)).expect("dec"),
            );
        }
        Reply::Ok(404, "text/plain", Vec::new())
    })
}

fn git(dir: &Path, args: &[&str]) -> String {
    let o = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The `run:` steps of one job of the workflow, in order.
fn run_steps(workflow: &Path, job: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(workflow).expect("workflow");
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).expect("the workflow is YAML");
    let steps = yaml["jobs"][job]["steps"].as_sequence().expect("steps");
    steps
        .iter()
        .filter_map(|s| {
            let run = s["run"].as_str()?;
            let name = s["name"].as_str().unwrap_or(run).to_string();
            Some((name, run.to_string()))
        })
        .collect()
}

/// Run the steps as GitHub does (`bash --noprofile --norc -eo pipefail`), stopping at the
/// first that fails; returns everything they printed.
fn run_job(
    checkout: &Path,
    workflow: &Path,
    job: &str,
    env: &[(&str, &str)],
    path: &str,
) -> String {
    let mut log = String::new();
    for (name, script) in run_steps(workflow, job) {
        let mut cmd = Command::new("bash");
        clean_env(&mut cmd);
        cmd.current_dir(checkout)
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &script])
            .env("PATH", path)
            .env("CI", "true")
            .env_remove("GH_TOKEN")
            .env_remove("GITHUB_REF_NAME");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let o = cmd.output().expect("bash");
        let out = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        log.push_str(&format!("## {name}\n{out}"));
        assert!(o.status.success(), "step '{name}' failed:\n{log}");
    }
    log
}

fn path_with(dirs: &[&Path]) -> String {
    let mut parts: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

#[test]
fn init_and_the_scheduled_workflow_run_end_to_end_against_a_local_remote() {
    let tmp = tempfile::tempdir().expect("dir");
    let t = tmp.path();
    let server = server();
    let bin_dir: PathBuf = binary().parent().expect("bin dir").to_path_buf();

    // A new repository, pushed to a bare remote as a user would to GitHub.
    let work = t.join("verslagen");
    let out = bare().arg("init").arg(&work).output().expect("init");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(".github/workflows/fetch.yml"), "{said}");
    assert!(
        said.contains("JBZ_TRACK_GIT"),
        "init names the variable the workflow needs: {said}"
    );
    git(t, &["init", "-q", "--bare", "remote.git"]);
    git(&work, &["init", "-q", "-b", "main"]);
    git(&work, &["add", "-A"]);
    git(&work, &["commit", "-q", "-m", "Start"]);
    git(
        &work,
        &[
            "remote",
            "add",
            "origin",
            t.join("remote.git").to_str().expect("utf-8"),
        ],
    );
    git(&work, &["push", "-q", "origin", "main"]);
    let main_before = git(&work, &["rev-parse", "main"]);

    // actions/checkout: a full clone.
    let checkout = t.join("run1");
    git(t, &["clone", "-q", "remote.git", "run1"]);
    let workflow = checkout.join(".github/workflows/fetch.yml");
    let runner_temp = t.join("runner-temp");
    std::fs::create_dir_all(&runner_temp).expect("temp");
    let env = [
        ("JBZ_FETCH_API", server.base.as_str()),
        ("JBZ_FETCH_BRANCH", "jbz-track/fetch"),
        ("RUNNER_TEMP", runner_temp.to_str().expect("utf-8")),
    ];
    let path = path_with(&[&bin_dir]);
    let log = run_job(&checkout, &workflow, "fetch", &env, &path);
    assert!(log.contains(&format!("added  reports/{OCT}")), "{log}");
    assert!(
        log.contains("No JBZ_TRACK_TOKEN: the change is on the branch jbz-track/fetch"),
        "{log}"
    );

    // Without a token: the change is a commit on the branch, main is untouched.
    let remote = t.join("remote.git");
    assert_eq!(git(&remote, &["rev-parse", "main"]), main_before);
    let files = git(
        &remote,
        &["ls-tree", "-r", "--name-only", "jbz-track/fetch"],
    );
    for f in [
        format!("reports/{OCT}"),
        format!("reports/{DEC}"),
        "reports/.fetched.tsv".to_string(),
        "snapshots/csam-verordening/2023-12.yaml".to_string(),
    ] {
        assert!(
            files.lines().any(|l| l == f),
            "{f} not on the branch:\n{files}"
        );
    }
    let message = git(&remote, &["log", "-1", "--format=%s", "jbz-track/fetch"]);
    assert!(message.contains(OCT) && message.contains(DEC), "{message}");
    // The pull request's body: the Markdown diff of what the new reports change.
    let body = std::fs::read_to_string(runner_temp.join("jbz-track-pr.md")).expect("body");
    assert!(body.contains("`csam-verordening`"), "{body}");
    assert!(
        body.contains("raadsonderhandelingen → raadspositie"),
        "{body}"
    );

    // With a token: a pull request is opened with that body (gh stood in for by a script).
    let fake = t.join("fake-bin");
    std::fs::create_dir_all(&fake).expect("dir");
    let gh_log = t.join("gh.log");
    std::fs::write(
        fake.join("gh"),
        format!(
            "#!/bin/sh\necho \"$@\" >> '{log}'\nwhile [ $# -gt 0 ]; do [ \"$1\" = --body-file ] && cat \"$2\" >> '{log}'; shift; done\n",
            log = gh_log.display()
        ),
    )
    .expect("fake gh");
    Command::new("chmod")
        .arg("+x")
        .arg(fake.join("gh"))
        .status()
        .expect("chmod");
    git(t, &["clone", "-q", "remote.git", "run2"]);
    let mut env2 = env.to_vec();
    env2.push(("GH_TOKEN", "test-token"));
    run_job(
        &t.join("run2"),
        &workflow,
        "fetch",
        &env2,
        &path_with(&[&fake, &bin_dir]),
    );
    let gh = std::fs::read_to_string(&gh_log).expect("gh was called");
    assert!(
        gh.contains("pr create --base main --head jbz-track/fetch"),
        "{gh}"
    );
    assert!(gh.contains("`csam-verordening`"), "{gh}");

    // Once merged, the next scheduled run finds nothing new and pushes nothing.
    git(&work, &["pull", "-q", "origin", "jbz-track/fetch"]);
    git(&work, &["push", "-q", "origin", "main"]);
    git(t, &["clone", "-q", "remote.git", "run3"]);
    let branch_before = git(&remote, &["rev-parse", "jbz-track/fetch"]);
    let log = run_job(&t.join("run3"), &workflow, "fetch", &env, &path);
    assert!(log.contains("No new reports."), "{log}");
    assert_eq!(
        git(&remote, &["rev-parse", "jbz-track/fetch"]),
        branch_before
    );

    // The second job: the site, from what is merged.
    let log = run_job(&t.join("run3"), &workflow, "site", &env, &path);
    assert!(log.contains("site in _site"), "{log}");
    let index = std::fs::read_to_string(t.join("run3/_site/index.html")).expect("index");
    assert!(index.contains("dossier/csam-verordening.html"));
    assert!(t.join("run3/_site/feeds/all.atom").is_file());
    // _site is ignored: the site job leaves the checkout clean.
    assert_eq!(git(&t.join("run3"), &["status", "--porcelain"]), "");
}
