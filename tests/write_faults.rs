//! Writes that survive faults: `normalize` killed (SIGKILL, no chance to clean up) at random
//! moments while it rewrites hundreds of snapshots leaves every snapshot either as it was or
//! as the reports now give it — never truncated, never a mix — and no half-written file is
//! ever listed as a snapshot. The next `normalize` finishes the job and removes the litter.
//!
//! Snapshots are written to a temporary file in the same folder (`.<name>.<pid>.tmp`), flushed,
//! then renamed over the old one (`store::fs::write_atomic`); the rename is atomic. So that
//! the kills land inside the writing of a file and not only between files, the killed runs
//! pause halfway through every file (`JBZ_TEST_WRITE_PAUSE_US`, read by debug builds only):
//! a writer that wrote in place would leave a truncated snapshot, and this test would fail.

mod common;

use common::{bare_std, files_under, real_report};
use jbz_track::dates::MONTH_NAMES as MONTHS;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `count` reports of consecutive months from January 2019, the real report with its title's
/// month changed; `version` 1 rewords sentences, so that every snapshot changes.
fn write_reports(repo: &Path, count: usize, version: u8) {
    let dir = repo.join("reports");
    std::fs::create_dir_all(&dir).expect("reports dir");
    let text = String::from_utf8(real_report()).expect("the real report is UTF-8");
    for i in 0..count {
        let (year, month) = (2019 + i / 12, i % 12);
        let mut t = text.replacen(
            "19 -20 oktober 2023",
            &format!("19 -20 {} {year}", MONTHS[month]),
            1,
        );
        if version == 1 {
            t = t.replace("belang", "gewicht").replace("lichtte", "zette");
        }
        std::fs::write(
            dir.join(format!("{year}-{:02}-19-jbz-raad-verslag.txt", month + 1)),
            t,
        )
        .expect("write report");
    }
}

/// The binary (see [`common::TOOL_ENV`]), uncoloured and silent.
fn jbz() -> Command {
    let mut cmd = bare_std();
    cmd.env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn normalize(repo: &Path) {
    let status = jbz()
        .arg("--repo")
        .arg(repo)
        .arg("normalize")
        .status()
        .expect("run");
    assert!(status.success(), "normalize of {} succeeds", repo.display());
}

/// Every file under `snapshots/`, by path relative to it, with its bytes.
fn files(repo: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(&repo.join("snapshots"))
        .into_iter()
        .map(|(rel, bytes)| (PathBuf::from(rel), bytes))
        .collect()
}

fn is_temp(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with('.') && name.ends_with(".tmp")
}

fn copy_snapshots(from: &BTreeMap<PathBuf, Vec<u8>>, repo: &Path) {
    let root = repo.join("snapshots");
    let _ = std::fs::remove_dir_all(&root);
    for (rel, bytes) in from {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn a_killed_normalize_leaves_every_snapshot_old_or_new() {
    const REPORTS: usize = 30;
    const ROUNDS: usize = 15;
    // The snapshots as the old reports give them, and as the new ones do.
    let old_repo = tempfile::tempdir().expect("tempdir");
    write_reports(old_repo.path(), REPORTS, 0);
    normalize(old_repo.path());
    let old = files(old_repo.path());
    let new_repo = tempfile::tempdir().expect("tempdir");
    write_reports(new_repo.path(), REPORTS, 1);
    normalize(new_repo.path());
    // How long a killed run would take whole, pauses included.
    let timing = tempfile::tempdir().expect("tempdir");
    write_reports(timing.path(), REPORTS, 1);
    copy_snapshots(&old, timing.path());
    let started = Instant::now();
    let status = jbz()
        .arg("--repo")
        .arg(timing.path())
        .arg("normalize")
        .env("JBZ_TEST_WRITE_PAUSE_US", "3000")
        .status()
        .expect("run");
    assert!(status.success());
    let full_run = started.elapsed();
    let new = files(new_repo.path());
    assert!(old.len() > 400, "a big repository: {} snapshots", old.len());
    let changed = old
        .iter()
        .filter(|(p, b)| new.get(*p).is_some_and(|n| n != *b))
        .count();
    assert!(changed * 2 > old.len(), "most snapshots change ({changed})");

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64)
        | 1;
    let mut rng = Rng(seed);
    let work = tempfile::tempdir().expect("tempdir");
    write_reports(work.path(), REPORTS, 1);
    let (mut interrupted_mid_write, mut temp_files_seen, mut rounds_with_temp) = (0, 0, 0);
    for round in 0..ROUNDS {
        copy_snapshots(&old, work.path());
        let mut child = jbz()
            .arg("--repo")
            .arg(work.path())
            .arg("normalize")
            .env("JBZ_TEST_WRITE_PAUSE_US", "3000")
            .spawn()
            .expect("spawn");
        // Anywhere from the start to the end of a whole run.
        let wait = Duration::from_micros(rng.below(full_run.as_micros() as u64 + 1));
        std::thread::sleep(wait);
        let _ = child.kill();
        let _ = child.wait();

        let now = files(work.path());
        let (mut as_old, mut as_new) = (0, 0);
        let temps = now.keys().filter(|p| is_temp(p)).count();
        temp_files_seen += temps;
        rounds_with_temp += usize::from(temps > 0);
        for (rel, bytes) in &now {
            if is_temp(rel) {
                continue;
            }
            let is_old = old.get(rel) == Some(bytes);
            let is_new = new.get(rel) == Some(bytes);
            assert!(
                is_old || is_new,
                "round {round} (seed {seed}, killed after {wait:?}): {} is neither the old nor \
                 the new snapshot ({} bytes)",
                rel.display(),
                bytes.len()
            );
            as_old += usize::from(is_old && !is_new);
            as_new += usize::from(is_new && !is_old);
        }
        for rel in old.keys() {
            assert!(
                now.contains_key(rel) || !new.contains_key(rel),
                "round {round}: {} disappeared",
                rel.display()
            );
        }
        // What the reading commands see: no temporary file is a snapshot.
        let listed = jbz_track::store::fs::list(work.path()).expect("list");
        assert!(listed.iter().all(|p| !is_temp(p)), "{listed:?}");
        for p in &listed {
            jbz_track::store::fs::read(&work.path().join(p))
                .unwrap_or_else(|e| panic!("round {round}: {} reads: {e}", p.display()));
        }
        if as_old > 0 && as_new > 0 {
            interrupted_mid_write += 1;
        }
    }
    eprintln!(
        "seed {seed}: {interrupted_mid_write} of {ROUNDS} kills landed while snapshots were being \
         rewritten, {rounds_with_temp} in the middle of writing a file ({temp_files_seen} \
         half-written temporary files left)"
    );
    assert!(
        interrupted_mid_write > 0 && rounds_with_temp > 0,
        "kills must land in the middle of the writes and of a file (a whole run takes \
         {full_run:?})"
    );

    // The next run finishes the work and clears what the killed one left.
    normalize(work.path());
    let after = files(work.path());
    assert!(after.keys().all(|p| !is_temp(p)), "no temporary files left");
    assert_eq!(
        after, new,
        "the next normalize gives the new snapshots exactly"
    );
}
