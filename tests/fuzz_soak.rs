//! The fuzz targets on stable Rust: the same target functions as `fuzz/` (this file includes
//! `fuzz/src/targets.rs`), fed with mutations of the repository's own inputs by a small
//! mutator of its own, for where `cargo fuzz` (nightly, libFuzzer) is not at hand.
//!
//! - `fuzz_targets_survive_mutated_inputs` runs a few hundred inputs per target in every
//!   `cargo test`.
//! - `soak` runs for `JBZ_SOAK_SECONDS` (default 60) per target and prints how many inputs
//!   each target ran:
//!   `JBZ_SOAK_SECONDS=300 cargo test --release --test fuzz_soak -- --ignored --nocapture`
//!
//! An input that panics is written to `target/soak-findings/` and fails the test; run it
//! again with `cargo fuzz run TARGET FILE` or by hand.

#[path = "../fuzz/src/targets.rs"]
#[allow(dead_code)]
mod targets;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 6] = [
    ("txt_parse", targets::txt_parse),
    ("html_reader", targets::html_reader),
    ("xml_reader", targets::xml_reader),
    ("snapshot_loader", targets::snapshot_loader),
    ("pdf_builtin", targets::pdf_builtin),
    ("docx_reader", targets::docx_reader),
];

/// Pieces the mutator inserts: the tokens the readers and the parser look for.
const TOKENS: [&[u8]; 40] = [
    b"%PDF-1.4\n",
    b"\x0c",
    b"\r\n",
    b"\n\n",
    b"\n ",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xc2\xa0",
    b"\xc2\xad",
    "•".as_bytes(),
    "–".as_bytes(),
    "’".as_bytes(),
    "«".as_bytes(),
    b"1. ",
    b"II. ",
    b"Belangrijkste resultaten\n",
    b"Verslag van de Raad Justitie en Binnenlandse Zaken, ",
    b"19 -20 oktober 2023\n",
    b"13 en 14 juni 2024",
    b"najaar 2024",
    b"1 oktober jl.",
    b"nr. 8561",
    b"(Kamerstuk 32 317, nr. 856)",
    b"<sup>1</sup>",
    b"<a class=\"nootnum\" href=\"#n1\">1</a>",
    b"<div id=\"noten\"><div class=\"voet noot\"><sup>1</sup><p>x</p></div></div>",
    b"<noot><noot.nr>1</noot.nr><noot.al>x</noot.al></noot>",
    b"<li><li.nr>\xe2\x80\xa2</li.nr><al>x</al></li>",
    b"<!DOCTYPE html>",
    b"<?xml version=\"1.0\"?>",
    b"<!ENTITY a \"&a;\">",
    b"&amp;",
    b"<br>",
    b"&x: [1]\n",
    b"*x\n",
    b"schema: 1\n",
    b"when: 2024-09/2024-11\n",
    b"- ",
    b"stream\nx\x9c\x03\x00\x00\x00\x00\x01\nendstream",
    b"obj << /Type /Page /Contents 4 0 R >> endobj",
];

/// xorshift64*: small, fast, and the same sequence for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_in(dir: &Path, ends: &[&str]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            out.extend(files_in(&p, ends));
        } else if ends.iter().any(|e| p.to_string_lossy().ends_with(e)) {
            if let Ok(bytes) = std::fs::read(&p) {
                out.push(bytes);
            }
        }
    }
    out
}

/// The inputs each target starts from.
fn seeds(target: &str) -> Vec<Vec<u8>> {
    let r = root();
    let mut s = match target {
        "txt_parse" => {
            let mut s = files_in(&r.join("reports"), &[".txt"]);
            s.extend(files_in(&r.join("tests/fixtures"), &[".txt"]));
            s
        }
        "html_reader" => files_in(&r.join("tests/fixtures/formats"), &[".html"]),
        "xml_reader" => files_in(&r.join("tests/fixtures/formats"), &[".xml"]),
        "snapshot_loader" => {
            let mut s = files_in(&r.join("snapshots"), &[".yaml"]);
            s.extend(files_in(&r.join("examples"), &[".yaml"]));
            s.push(std::fs::read(r.join("dossiers.yaml")).unwrap_or_default());
            s
        }
        "pdf_builtin" => files_in(&r.join("tests/fixtures/formats"), &[".pdf"]),
        "docx_reader" => files_in(&r.join("tests/fixtures/docx"), &[".docx"]),
        _ => Vec::new(),
    };
    s.retain(|b| !b.is_empty());
    assert!(!s.is_empty(), "{target} has seeds");
    s
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut data = seeds[rng.below(seeds.len())].clone();
    // Big seeds are cut to a window now and then, so that small inputs get their share.
    if data.len() > 4096 && rng.below(3) == 0 {
        let start = rng.below(data.len());
        let len = 1 + rng.below(4096);
        data = data[start..(start + len).min(data.len())].to_vec();
    }
    for _ in 0..1 + rng.below(8) {
        let len = data.len();
        match rng.below(10) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = rng.next() as u8;
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below(64.min(len - i));
                data.drain(i..i + n);
            }
            3 => {
                let i = rng.below(len + 1);
                let n = 1 + rng.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                data.splice(i..i, bytes);
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below(256.min(len - i));
                let piece = data[i..i + n].to_vec();
                let at = rng.below(len + 1);
                for _ in 0..1 + rng.below(4) {
                    data.splice(at..at, piece.iter().copied());
                }
            }
            5 | 6 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(len + 1);
                data.splice(i..i, token.iter().copied());
            }
            7 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let i = rng.below(other.len());
                    let n = 1 + rng.below(512.min(other.len() - i));
                    let at = rng.below(len + 1);
                    data.splice(at..at, other[i..i + n].iter().copied());
                }
            }
            8 if len > 0 => data.truncate(rng.below(len)),
            _ if len > 1 => {
                // Swap two lines' worth of bytes.
                let a = rng.below(len);
                let b = rng.below(len);
                let (a, b) = (a.min(b), a.max(b));
                data[a..=b].reverse();
            }
            _ => {}
        }
    }
    data
}

/// Run `target` on mutated inputs until `budget` is spent or `max` inputs ran; returns how
/// many ran, and the files of the inputs that panicked.
fn run(name: &str, target: Target, budget: Duration, max: u64, seed: u64) -> (u64, Vec<PathBuf>) {
    let seeds = seeds(name);
    let mut rng = Rng(seed | 1);
    let started = Instant::now();
    let mut runs = 0u64;
    let mut findings = Vec::new();
    // The seeds themselves first.
    for s in &seeds {
        if std::panic::catch_unwind(|| target(s)).is_err() {
            findings.push(save(name, s));
        }
        runs += 1;
    }
    while started.elapsed() < budget && runs < max {
        let input = mutate(&mut rng, &seeds);
        if std::panic::catch_unwind(|| target(&input)).is_err() {
            findings.push(save(name, &input));
        }
        runs += 1;
    }
    (runs, findings)
}

fn save(name: &str, input: &[u8]) -> PathBuf {
    let dir = root().join("target/soak-findings");
    let _ = std::fs::create_dir_all(&dir);
    let hash: u64 = input.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    });
    let path = dir.join(format!("{name}-{hash:016x}"));
    let _ = std::fs::write(&path, input);
    path
}

fn seed_from_env() -> u64 {
    std::env::var("JBZ_SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
}

#[test]
fn fuzz_targets_survive_mutated_inputs() {
    // A fixed seed: the same inputs in every run of the suite.
    let mut failed = Vec::new();
    for (i, (name, target)) in TARGETS.iter().enumerate() {
        let (_, findings) = run(
            name,
            *target,
            Duration::from_secs(3),
            150,
            0x5eed + i as u64,
        );
        failed.extend(findings);
    }
    assert!(failed.is_empty(), "inputs that panic: {failed:?}");
}

#[test]
#[ignore = "runs for minutes: JBZ_SOAK_SECONDS=300 cargo test --release --test fuzz_soak -- --ignored --nocapture"]
fn soak() {
    let seconds: u64 = std::env::var("JBZ_SOAK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let only = std::env::var("JBZ_SOAK_TARGET").ok();
    let seed = seed_from_env();
    eprintln!("soak: seed {seed} (JBZ_SOAK_SEED={seed} repeats this run), {seconds} s per target");
    let mut failed = Vec::new();
    for (name, target) in TARGETS {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let started = Instant::now();
        let (runs, findings) = run(name, target, Duration::from_secs(seconds), u64::MAX, seed);
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "soak: {name}: {runs} inputs in {secs:.0} s ({:.0}/s), {} panicked",
            runs as f64 / secs.max(0.001),
            findings.len()
        );
        failed.extend(findings);
    }
    assert!(failed.is_empty(), "inputs that panic: {failed:?}");
}
