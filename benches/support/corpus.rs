//! A benchmark corpus made at bench time from the one real report (never committed).
//!
//! Report `k` is the real report of the JBZ-Raad of 19–20 October 2023 with
//! - its title moved to another month (`19 -20 november 2023`, `19 -20 september 2023`,
//!   `19 -20 december 2023`, …: see [`month_offset`]), so that every report is a meeting of its
//!   own month and meeting ids are unique;
//! - a few deterministic changes drawn from a PRNG seeded with `k`: adjacent words swapped in
//!   3–6 lines of running text (statements then differ word by word between meetings), and the
//!   dated phrases `najaar 2024`, `voorjaar 2025` and `eind 2024` moved now and then (milestones
//!   then move between meetings).
//!
//! Report 0 is the real report unchanged. Headings, the title and the line after each heading
//! are never touched, so every report gives the same dossiers.
//!
//! Shared by `benches/jbz.rs` (criterion) and `examples/bench_corpus.rs` (the corpus that
//! `benches/whole-process.sh` measures).

#![allow(dead_code)]

use jbz_track::dates::MONTH_NAMES as MONTHS;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The real report every corpus report is made from.
pub const REAL_REPORT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/reports/2023-10-19-jbz-raad-verslag.txt"
));

/// The repository's dossier registry, copied into every corpus.
pub const REGISTRY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/dossiers.yaml"));

const TITLE_DATE: &str = "19 -20 oktober 2023";

/// splitmix64: small, seeded, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x6a62_7a2d_7472_6163)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// How many months report `k`'s meeting lies after October 2023: 0, +1, −1, +2, −2, … up to
/// ±400, then onwards (+401, +402, …), so that every meeting stays within the years
/// (1990–2100) that the tool reads as years. That allows 1,332 reports.
pub fn month_offset(k: usize) -> i64 {
    let k = k as i64;
    if k <= 800 {
        if k % 2 == 1 {
            (k + 1) / 2
        } else {
            -k / 2
        }
    } else {
        k - 400
    }
}

/// The most reports a corpus can have.
pub const MAX_REPORTS: usize = 1332;

/// The meeting of report `k`: (year, month 1–12).
pub fn meeting_of(k: usize) -> (i32, u32) {
    assert!(k < MAX_REPORTS, "at most {MAX_REPORTS} reports");
    let m = 2023 * 12 + 9 + month_offset(k);
    ((m / 12) as i32, (m % 12) as u32 + 1)
}

/// The meeting id `normalize` gives report `k` (one meeting a month: `YYYY-MM`).
pub fn meeting_id(k: usize) -> String {
    let (y, m) = meeting_of(k);
    format!("{y}-{m:02}")
}

/// The file name of report `k` under `reports/`.
pub fn file_name(k: usize) -> String {
    let (y, m) = meeting_of(k);
    format!("{y}-{m:02}-19-jbz-raad-verslag.txt")
}

fn is_heading(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with("Belangrijkste resultaten") || t.starts_with("Verslag van") {
        return true;
    }
    let Some((num, _)) = t.split_once(". ") else {
        return false;
    };
    !num.is_empty()
        && (num.chars().all(|c| c.is_ascii_digit())
            || num.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

fn is_plain_word(w: &str) -> bool {
    w.chars().count() >= 3
        && w.chars().all(char::is_alphabetic)
        && w.chars().next().is_some_and(char::is_lowercase)
}

/// Swap two adjacent plain lowercase words in `line`; false where it has no such pair.
fn swap_words(line: &mut String, rng: &mut Rng) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    let pairs: Vec<usize> = (0..words.len().saturating_sub(1))
        .filter(|&i| is_plain_word(words[i]) && is_plain_word(words[i + 1]))
        .filter(|&i| words[i] != words[i + 1])
        .collect();
    if pairs.is_empty() {
        return false;
    }
    let i = pairs[rng.below(pairs.len())];
    let mut swapped = words.clone();
    swapped.swap(i, i + 1);
    *line = swapped.join(" ");
    true
}

/// The text of report `k`.
pub fn report_text(k: usize) -> String {
    let (year, month) = meeting_of(k);
    let title_date = format!("19 -20 {} {year}", MONTHS[month as usize - 1]);
    let mut lines: Vec<String> = REAL_REPORT
        .split('\n')
        .map(|l| l.replacen(TITLE_DATE, &title_date, 1))
        .collect();
    if k == 0 {
        return lines.join("\n");
    }
    let mut rng = Rng::new(k as u64);

    // Lines of running text: not blank, not a title or heading, not the line after a heading
    // (it may carry the heading's wrapped end).
    let mut eligible = Vec::new();
    let mut after_heading = true;
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        if is_heading(l) {
            after_heading = true;
            continue;
        }
        if after_heading {
            after_heading = false;
            continue;
        }
        eligible.push(i);
    }
    let swaps = 3 + rng.below(4);
    let mut done = 0;
    for _ in 0..swaps * 8 {
        if done == swaps {
            break;
        }
        let i = eligible[rng.below(eligible.len())];
        if swap_words(&mut lines[i], &mut rng) {
            done += 1;
        }
    }

    // Dated phrases: half the reports move each of them.
    const SEASONS: [&str; 4] = ["voorjaar", "zomer", "najaar", "winter"];
    const PARTS: [&str; 3] = ["begin", "medio", "eind"];
    for (phrase, words) in [
        ("najaar 2024", &SEASONS[..]),
        ("voorjaar 2025", &SEASONS[..]),
        ("eind 2024", &PARTS[..]),
    ] {
        if rng.below(2) == 0 {
            continue;
        }
        let new = format!(
            "{} {}",
            words[rng.below(words.len())],
            2024 + rng.below(3) as i32
        );
        if let Some(l) = lines.iter_mut().find(|l| l.contains(phrase)) {
            *l = l.replacen(phrase, &new, 1);
        }
    }
    lines.join("\n")
}

/// Write `n` reports (0..n) and the registry into the repository at `root`; returns the report
/// paths (relative to `root`) and their total size in bytes.
pub fn write_reports(root: &Path, n: usize) -> std::io::Result<(Vec<PathBuf>, u64)> {
    std::fs::create_dir_all(root.join("reports"))?;
    std::fs::write(root.join("dossiers.yaml"), REGISTRY)?;
    let mut paths = Vec::with_capacity(n);
    let mut bytes = 0;
    for k in 0..n {
        let rel = Path::new("reports").join(file_name(k));
        let text = report_text(k);
        bytes += text.len() as u64;
        std::fs::write(root.join(&rel), text)?;
        paths.push(rel);
    }
    Ok((paths, bytes))
}

/// Write the snapshots of every report in `root/reports` as `normalize` would, without its
/// `fsync` per file (which costs milliseconds a file on some disks and is not what the
/// benchmarks are about). The benchmarks check that `normalize` then finds all of them
/// unchanged. Returns how many were written.
pub fn write_snapshots(root: &Path) -> std::io::Result<usize> {
    use jbz_track::normalize::{meeting_ids, read_report};
    use jbz_track::repo::{display_path, Repo};
    use jbz_track::snapshot::{MeetingRef, Source, COUNCIL};
    use jbz_track::store::fs as store;

    let repo = Repo::open(root).map_err(std::io::Error::other)?;
    let registry = repo.registry().map_err(std::io::Error::other)?;
    let parsed = repo
        .reports()
        .map_err(std::io::Error::other)?
        .iter()
        .map(|p| read_report(&repo, p).map_err(|f| std::io::Error::other(f.to_string())))
        .collect::<std::io::Result<Vec<_>>>()?;
    let ids = meeting_ids(parsed.iter().map(|p| &p.report));
    let mut written = 0;
    for p in &parsed {
        let meeting = MeetingRef {
            id: ids[&p.report.start].clone(),
            council: COUNCIL.to_string(),
            start: p.report.start,
            end: p.report.end,
        };
        let source = Source {
            path: display_path(&p.path),
            kind: p.report.kind,
            sha256: p.sha256.clone(),
        };
        for snap in jbz_track::extract::snapshots(&p.report, &registry, &meeting, &source) {
            let rel = store::relative_path(&snap.dossier.id, &snap.file_name());
            let text = store::render(&snap).map_err(std::io::Error::other)?;
            let full = root.join(rel);
            std::fs::create_dir_all(full.parent().expect("snapshots/<dossier>/"))?;
            std::fs::write(full, text)?;
            written += 1;
        }
    }
    Ok(written)
}

/// Every snapshot file under `root/snapshots`, grouped by file name (`2023-10.yaml` → paths).
fn snapshots_by_name(root: &Path) -> std::io::Result<BTreeMap<String, Vec<PathBuf>>> {
    let mut out: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for dossier in std::fs::read_dir(root.join("snapshots"))? {
        let dossier = dossier?;
        if !dossier.file_type()?.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(dossier.path())? {
            let f = f?;
            let name = f.file_name().to_string_lossy().into_owned();
            let rel = Path::new("snapshots").join(dossier.file_name()).join(&name);
            out.entry(name).or_default().push(rel);
        }
    }
    for paths in out.values_mut() {
        paths.sort();
    }
    Ok(out)
}

fn inline_file(out: &mut impl Write, root: &Path, rel: &Path) -> std::io::Result<()> {
    let bytes = std::fs::read(root.join(rel))?;
    let path = rel.to_string_lossy().replace('\\', "/");
    writeln!(out, "M 100644 inline {path}")?;
    writeln!(out, "data {}", bytes.len())?;
    out.write_all(&bytes)?;
    writeln!(out)
}

/// Turn `root` — which holds reports 0..n and the snapshots `normalize` wrote for them — into a
/// git repository of `n` commits on `main`, oldest meeting first: each commit adds one report
/// and its snapshots (the first also `dossiers.yaml`). The tag `first` names the first commit. Built with
/// `git fast-import`, in seconds for 1,000 commits; needs `git` on the PATH.
pub fn build_history(root: &Path, n: usize) -> std::io::Result<()> {
    let git = |args: &[&str]| -> std::io::Result<()> {
        let status = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .stdout(Stdio::null())
            .status()?;
        if status.success() {
            Ok(())
        } else {
            Err(std::io::Error::other(format!("git {args:?} failed")))
        }
    };
    git(&["init", "-q", "-b", "main"])?;
    let by_name = snapshots_by_name(root)?;
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["fast-import", "--quiet", "--done"])
        .stdin(Stdio::piped())
        .spawn()?;
    {
        let stdin = child.stdin.take().expect("piped stdin");
        let mut out = std::io::BufWriter::with_capacity(1 << 20, stdin);
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&k| month_offset(k));
        for (i, &k) in order.iter().enumerate() {
            let id = meeting_id(k);
            let message = format!("Add the report of the JBZ-Raad of {id} and its snapshots\n");
            writeln!(out, "commit refs/heads/main")?;
            writeln!(out, "mark :{}", i + 1)?;
            writeln!(
                out,
                "committer Bench <bench@example.invalid> {} +0000",
                1_000_000_000 + i as u64 * 86_400
            )?;
            writeln!(out, "data {}", message.len())?;
            out.write_all(message.as_bytes())?;
            if i == 0 {
                inline_file(&mut out, root, Path::new("dossiers.yaml"))?;
            }
            inline_file(&mut out, root, &Path::new("reports").join(file_name(k)))?;
            let snaps = by_name
                .get(&format!("{id}.yaml"))
                .ok_or_else(|| std::io::Error::other(format!("no snapshots of {id}")))?;
            for rel in snaps {
                inline_file(&mut out, root, rel)?;
            }
            writeln!(out)?;
        }
        writeln!(out, "reset refs/tags/first")?;
        writeln!(out, "from :1")?;
        writeln!(out)?;
        writeln!(out, "done")?;
        out.flush()?;
    }
    let status = child.wait()?;
    if !status.success() {
        return Err(std::io::Error::other("git fast-import failed"));
    }
    // The index as HEAD, so that `git status` is clean.
    git(&["reset", "-q"])
}
