//! Make a benchmark corpus (see `benches/support/corpus.rs`): used by `benches/whole-process.sh`.
//!
//! ```sh
//! cargo run --release --example bench_corpus -- DIR N            # DIR/reports: N reports
//! cargo run --release --example bench_corpus -- DIR N --git      # … with their snapshots, as N git commits
//! ```

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let git = args.iter().any(|a| a == "--git");
    let plain: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (Some(dir), Some(Ok(n))) = (plain.first(), plain.get(1).map(|n| n.parse::<usize>())) else {
        eprintln!("usage: bench_corpus DIR N [--git]");
        return ExitCode::from(2);
    };
    let root = PathBuf::from(dir);
    if root.exists() {
        eprintln!("{}: exists already; give a new folder", root.display());
        return ExitCode::from(2);
    }
    let (_, bytes) = match corpus::write_reports(&root, n) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}: {e}", root.display());
            return ExitCode::from(2);
        }
    };
    if git {
        if let Err(e) = corpus::write_snapshots(&root) {
            eprintln!("{}: {e}", root.display());
            return ExitCode::from(2);
        }
        if let Err(e) = corpus::build_history(&root, n) {
            eprintln!("{}: {e}", root.display());
            return ExitCode::from(2);
        }
    }
    println!(
        "{}: {n} reports, {:.1} MB{}",
        root.display(),
        bytes as f64 / 1e6,
        if git { ", one git commit each" } else { "" }
    );
    ExitCode::SUCCESS
}
