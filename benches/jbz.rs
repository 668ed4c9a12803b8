//! In-process benchmarks on a corpus made at bench time from the real report (see
//! `support/corpus.rs`): normalize of 1, 100 and 1,000 reports against the floor of only
//! reading them, the stages of the pipeline on one report, diff of two meetings, and
//! `diff --git` across a history of 1,000 commits. `cargo bench` runs them all in a few
//! minutes; `cargo bench -- normalize` runs one group. Whole-process figures:
//! `benches/whole-process.sh`.

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use tempfile::TempDir;

use jbz_track::diff;
use jbz_track::normalize::{self, normalize, UpdateMode};
use jbz_track::repo::Repo;
use jbz_track::store::{Collection, MeetingKey};

/// A corpus of `n` reports with their snapshots in a temporary folder; with `git`, also a
/// history of `n` commits.
struct Corpus {
    dir: TempDir,
    reports: Vec<PathBuf>,
    bytes: u64,
}

impl Corpus {
    fn new(n: usize, git: bool) -> Corpus {
        let dir = tempfile::Builder::new()
            .prefix("jbz-bench-")
            .tempdir()
            .expect("a temporary folder");
        let (reports, bytes) = corpus::write_reports(dir.path(), n).expect("writes the reports");
        corpus::write_snapshots(dir.path()).expect("writes the snapshots");
        if git {
            corpus::build_history(dir.path(), n).expect("builds the git history");
        }
        let c = Corpus {
            dir,
            reports,
            bytes,
        };
        // The snapshots written above are exactly what normalize gives.
        let outcome = normalize(&c.repo(), &[], UpdateMode::Check).expect("normalize runs");
        assert!(outcome.failures.is_empty(), "{:?}", outcome.failures);
        assert_eq!(outcome.reports.len(), n);
        assert_eq!(
            outcome.changed().count(),
            0,
            "snapshots differ from normalize's"
        );
        c
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn repo(&self) -> Repo {
        Repo::open(self.root()).expect("the corpus folder")
    }
}

/// normalize (write mode, snapshots already up to date: what a re-run or CI does) against
/// reading the same files.
fn bench_normalize(c: &mut Criterion, corpora: &[(usize, &Corpus)]) {
    let mut g = c.benchmark_group("normalize");
    for &(n, corpus) in corpora {
        if n >= 1000 {
            g.sample_size(10).measurement_time(Duration::from_secs(8));
        } else {
            g.sample_size(20).measurement_time(Duration::from_secs(4));
        }
        g.throughput(Throughput::Bytes(corpus.bytes));
        let repo = corpus.repo();
        g.bench_with_input(BenchmarkId::new("write-unchanged", n), &repo, |b, repo| {
            b.iter(|| {
                let o = normalize(repo, &[], UpdateMode::Write).expect("normalize runs");
                assert_eq!(o.reports.len(), n);
                o
            })
        });
        g.bench_with_input(BenchmarkId::new("read-floor", n), corpus, |b, corpus| {
            b.iter(|| {
                let mut total = 0;
                for p in &corpus.reports {
                    total += std::fs::read(corpus.root().join(p)).expect("reads").len();
                }
                black_box(total)
            })
        });
    }
    g.finish();
}

/// The stages of the pipeline on the real report: where normalize's time goes.
fn bench_pipeline(c: &mut Criterion, one: &Corpus) {
    use jbz_track::snapshot::{MeetingRef, Source, COUNCIL};
    use jbz_track::store::fs as store;

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(30).measurement_time(Duration::from_secs(2));
    g.throughput(Throughput::Bytes(one.bytes));
    let repo = one.repo();
    let path = &one.reports[0];
    let text = std::fs::read_to_string(one.root().join(path)).expect("reads");
    let registry = repo.registry().expect("registry");
    g.bench_function("clean", |b| b.iter(|| jbz_track::clean::clean(&text)));
    g.bench_function("parse", |b| {
        b.iter(|| jbz_track::report::parse(&text).expect("parses"))
    });
    g.bench_function("read_report", |b| {
        b.iter(|| normalize::read_report(&repo, path).expect("reads"))
    });
    let parsed = normalize::read_report(&repo, path).expect("reads");
    let meeting = MeetingRef {
        id: "2023-10".to_string(),
        council: COUNCIL.to_string(),
        start: parsed.report.start,
        end: parsed.report.end,
    };
    let source = Source {
        path: "reports/x.txt".to_string(),
        kind: parsed.report.kind,
        sha256: parsed.sha256.clone(),
    };
    g.bench_function("extract", |b| {
        b.iter(|| jbz_track::extract::snapshots(&parsed.report, &registry, &meeting, &source))
    });
    let snaps = jbz_track::extract::snapshots(&parsed.report, &registry, &meeting, &source);
    g.bench_function("render", |b| {
        b.iter(|| {
            snaps
                .iter()
                .map(|s| store::render(s).expect("renders"))
                .collect::<Vec<_>>()
        })
    });
    g.finish();
}

/// diff of two meetings: loading the working tree's snapshots, and the comparison itself.
fn bench_diff(c: &mut Criterion, corpora: &[(usize, &Corpus)]) {
    let mut g = c.benchmark_group("diff");
    g.sample_size(20).measurement_time(Duration::from_secs(3));
    for &(n, corpus) in corpora {
        g.bench_with_input(
            BenchmarkId::new("load-worktree", n),
            corpus.root(),
            |b, root| b.iter(|| Collection::from_worktree(root).expect("reads")),
        );
    }
    let (_, corpus) = corpora[0];
    let snapshots = Collection::from_worktree(corpus.root()).expect("reads");
    let a = MeetingKey::from_stem(&corpus::meeting_id(41));
    let b2 = MeetingKey::from_stem(&corpus::meeting_id(42));
    let probe = diff::meetings((&snapshots, &a), (&snapshots, &b2), &[]);
    assert!(!probe.is_empty(), "consecutive corpus meetings differ");
    g.bench_function("meetings", |b| {
        b.iter(|| diff::meetings((&snapshots, &a), (&snapshots, &b2), &[]))
    });
    g.finish();
}

/// diff --git on the history of 1,000 commits: the last commit (a pull request adding one
/// report) and the whole history (first commit against the last).
fn bench_history(c: &mut Criterion, git: &Corpus) {
    let mut g = c.benchmark_group("history");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    let root = git.root();
    g.bench_function("revisions/HEAD~1..HEAD", |b| {
        b.iter(|| jbz_track::history::revisions(root, "HEAD~1", Some("HEAD"), &[]).expect("diff"))
    });
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("revisions/first..HEAD", |b| {
        b.iter(|| jbz_track::history::revisions(root, "first", Some("HEAD"), &[]).expect("diff"))
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let started = std::time::Instant::now();
    let one = Corpus::new(1, false);
    let hundred = Corpus::new(100, false);
    let thousand = Corpus::new(1000, true);
    eprintln!(
        "corpora of 1, 100 and 1,000 reports (the last as 1,000 git commits) made in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    bench_pipeline(c, &one);
    bench_normalize(c, &[(1, &one), (100, &hundred), (1000, &thousand)]);
    bench_diff(c, &[(100, &hundred), (1000, &thousand)]);
    bench_history(c, &thousand);
}

criterion_group!(jbz, benches);
criterion_main!(jbz);
