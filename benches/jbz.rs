//! In-process benchmarks on a corpus made at bench time from the real report (see
//! `support/corpus.rs`): normalize of 1, 100 and 1,000 reports against the floor of only
//! reading them, the stages of the pipeline on one report, diff of two meetings, and
//! `diff --git` on histories of 100 and 1,000 commits. `cargo bench` runs them all in a few
//! minutes; `cargo bench -- normalize` runs one group (and makes only the corpora it needs).
//! Whole-process figures: `benches/whole-process.sh`; both are described in
//! `benches/README.md`.

#[path = "support/corpus.rs"]
mod corpus;

use std::cell::OnceCell;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use tempfile::TempDir;

use jbz_track::diff;
use jbz_track::normalize::{normalize, UpdateMode};
use jbz_track::repo::Repo;
use jbz_track::store::{Collection, MeetingKey};

/// A corpus of `n` reports with their snapshots; with `git`, also a history of `n` commits.
struct Corpus {
    root: PathBuf,
    reports: Vec<PathBuf>,
    bytes: u64,
}

impl Corpus {
    fn new(root: PathBuf, n: usize, git: bool) -> Corpus {
        let started = std::time::Instant::now();
        let (reports, bytes) = corpus::write_reports(&root, n).expect("writes the reports");
        corpus::write_snapshots(&root).expect("writes the snapshots");
        if git {
            corpus::build_history(&root, n).expect("builds the git history");
        }
        let c = Corpus {
            root,
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
        eprintln!(
            "corpus of {n} reports ({:.1} MB){} made in {:.1} s",
            c.bytes as f64 / 1e6,
            if git { " (one git commit each)" } else { "" },
            started.elapsed().as_secs_f64()
        );
        c
    }

    fn root(&self) -> &Path {
        &self.root
    }

    fn repo(&self) -> Repo {
        Repo::open(self.root()).expect("the corpus folder")
    }
}

/// The corpora, made the first time a benchmark that is run needs them (so that
/// `cargo bench -- pipeline` does not wait for the 1,000-commit history), in one temporary
/// folder removed at the end.
struct Corpora {
    dir: TempDir,
    made: [OnceCell<Corpus>; 3],
}

/// The sizes: 1, 100 and 1,000 reports; 100 and 1,000 also as git histories of a commit each.
const SIZES: [usize; 3] = [1, 100, 1000];

impl Corpora {
    fn new() -> Corpora {
        let dir = tempfile::Builder::new()
            .prefix("jbz-bench-")
            .tempdir()
            .expect("a temporary folder");
        Corpora {
            dir,
            made: Default::default(),
        }
    }

    fn get(&self, n: usize) -> &Corpus {
        let i = SIZES.iter().position(|&s| s == n).expect("a corpus size");
        self.made[i].get_or_init(|| Corpus::new(self.dir.path().join(n.to_string()), n, n >= 100))
    }
}

/// The size in bytes of a corpus of `n` reports, without making it.
fn corpus_bytes(n: usize) -> u64 {
    (0..n).map(|k| corpus::report_text(k).len() as u64).sum()
}

/// normalize (write mode, snapshots already up to date: what a re-run or CI does) against
/// reading the same files: every report parsed and extracted (`write-unchanged`, the cache
/// off, as in CI's fresh clone), and with the cache of the run before (`write-unchanged-cached`).
fn bench_normalize(c: &mut Criterion, corpora: &Corpora) {
    let mut g = c.benchmark_group("normalize");
    let cache_dir = tempfile::tempdir().expect("cache dir");
    for n in SIZES {
        if n >= 1000 {
            g.sample_size(10).measurement_time(Duration::from_secs(10));
        } else {
            g.sample_size(20).measurement_time(Duration::from_secs(4));
        }
        g.throughput(Throughput::Bytes(corpus_bytes(n)));
        // The cache is looked for when normalize starts; the benchmarks run one at a time.
        std::env::set_var("JBZ_CACHE", "off");
        g.bench_function(BenchmarkId::new("write-unchanged", n), |b| {
            let repo = corpora.get(n).repo();
            b.iter(|| {
                let o = normalize(&repo, &[], UpdateMode::Write).expect("normalize runs");
                assert_eq!(o.reports.len(), n);
                o
            })
        });
        std::env::remove_var("JBZ_CACHE");
        std::env::set_var("JBZ_CACHE_DIR", cache_dir.path());
        g.bench_function(BenchmarkId::new("write-unchanged-cached", n), |b| {
            let repo = corpora.get(n).repo();
            normalize(&repo, &[], UpdateMode::Write).expect("the run that fills the cache");
            b.iter(|| {
                let o = normalize(&repo, &[], UpdateMode::Write).expect("normalize runs");
                assert_eq!(o.reports.len(), n);
                o
            })
        });
        std::env::remove_var("JBZ_CACHE_DIR");
        g.bench_function(BenchmarkId::new("read-floor", n), |b| {
            let corpus = corpora.get(n);
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
fn bench_pipeline(c: &mut Criterion) {
    use jbz_track::snapshot::{MeetingRef, Source, COUNCIL};
    use jbz_track::store::fs as store;

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(30).measurement_time(Duration::from_secs(2));
    let text = corpus::REAL_REPORT;
    g.throughput(Throughput::Bytes(text.len() as u64));
    let registry = jbz_track::dossier::Registry::from_yaml(corpus::REGISTRY).expect("registry");
    g.bench_function("clean", |b| b.iter(|| jbz_track::clean::clean(text)));
    g.bench_function("parse", |b| {
        b.iter(|| jbz_track::report::parse(text).expect("parses"))
    });
    let report = jbz_track::report::parse(text).expect("parses");
    let meeting = MeetingRef {
        id: "2023-10".to_string(),
        council: COUNCIL.to_string(),
        start: report.start,
        end: report.end,
    };
    let source = Source {
        path: "reports/2023-10-19-jbz-raad-verslag.txt".to_string(),
        kind: report.kind,
        sha256: "0".repeat(64),
    };
    g.bench_function("extract", |b| {
        b.iter(|| jbz_track::extract::snapshots(&report, &registry, &meeting, &source))
    });
    let snaps = jbz_track::extract::snapshots(&report, &registry, &meeting, &source);
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

/// diff of two meetings: loading the working tree's snapshots (what the command does first),
/// and the comparison itself.
fn bench_diff(c: &mut Criterion, corpora: &Corpora) {
    let mut g = c.benchmark_group("diff");
    g.sample_size(10).measurement_time(Duration::from_secs(4));
    for n in [100, 1000] {
        g.bench_function(BenchmarkId::new("load-worktree", n), |b| {
            let root = corpora.get(n).root();
            b.iter(|| Collection::from_worktree(root).expect("reads"))
        });
    }
    g.sample_size(30).measurement_time(Duration::from_secs(2));
    g.bench_function("meetings", |b| {
        let snapshots = Collection::from_worktree(corpora.get(100).root()).expect("reads");
        // Two consecutive meetings: July and August 2025.
        let old = MeetingKey::from_stem(&corpus::meeting_id(41));
        let new = MeetingKey::from_stem(&corpus::meeting_id(43));
        let probe = diff::meetings((&snapshots, &old), (&snapshots, &new), &[]);
        assert!(!probe.is_empty(), "consecutive corpus meetings differ");
        b.iter(|| diff::meetings((&snapshots, &old), (&snapshots, &new), &[]))
    });
    // Statements per actor (issue 18): one actor with n sentences at both meetings, one in ten
    // reworded by a word. All-pairs scoring made this quadratic (3,000: seconds; 20,000: minutes).
    g.sample_size(10).measurement_time(Duration::from_secs(4));
    for n in [3_000, 20_000] {
        let old: Vec<String> = (0..n)
            .map(|k| format!("Nederland steunt het voorstel over onderwerp {k} van de Commissie op hoofdlijnen."))
            .collect();
        let mut new = old.clone();
        for k in (0..n).step_by(10) {
            new[k] = new[k].replace("steunt", "verwerpt");
        }
        new.swap(1, 2);
        g.bench_function(BenchmarkId::new("align-statements", n), |b| {
            b.iter(|| diff::align(&old, &new))
        });
    }
    g.finish();
}

/// diff --git: the last commit of the 1,000-commit history (a pull request that adds one
/// report), and the whole of the 100-commit history (first commit against the last; the
/// 1,000-commit one takes half a minute a run, so it is measured by `whole-process.sh` only).
fn bench_history(c: &mut Criterion, corpora: &Corpora) {
    let mut g = c.benchmark_group("history");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("revisions/HEAD~1..HEAD/1000", |b| {
        let root = corpora.get(1000).root();
        b.iter(|| jbz_track::history::revisions(root, "HEAD~1", Some("HEAD"), &[]).expect("diff"))
    });
    g.bench_function("revisions/first..HEAD/100", |b| {
        let root = corpora.get(100).root();
        b.iter(|| jbz_track::history::revisions(root, "first", Some("HEAD"), &[]).expect("diff"))
    });
    // `timeline csam-verordening --git`: the dossier's snapshots read from every commit (the
    // store reads the blobs on several threads).
    g.bench_function("timeline-git/csam-verordening/1000", |b| {
        let root = corpora.get(1000).root();
        b.iter(|| {
            let store = jbz_track::store::git::GitStore::open(root).expect("the corpus history");
            jbz_track::timeline::from_git(&store, "csam-verordening", &mut |_| {})
                .expect("reads the history")
                .expect("a timeline")
        })
    });
    g.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let corpora = Corpora::new();
    bench_pipeline(&mut c);
    bench_normalize(&mut c, &corpora);
    bench_diff(&mut c, &corpora);
    bench_history(&mut c, &corpora);
    c.final_summary();
}
