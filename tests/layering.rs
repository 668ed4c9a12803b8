//! The pipeline reads top-down: no module uses one that comes after it.
//!
//! The order is the one `src/lib.rs` documents: the domain's values (`model`) and the date
//! reader first, then the stages a report goes through (source → clean → report → snapshot →
//! yaml → dossier → extract → store), then what runs them (normalize, diff, timeline, check,
//! ingest, fetch) and what shows them (render, site, cli). Every `crate::…` path in a module's
//! code (comments aside) must name a module earlier in the list; a new edge that goes the other
//! way fails here, with the file that holds it.

use std::collections::BTreeSet;
use std::path::Path;

const ORDER: &[&str] = &[
    "model",
    "dates",
    "exit",
    "guard",
    "source",
    "clean",
    "report",
    "snapshot",
    "yaml",
    "dossier",
    "extract",
    "store",
    "repo",
    "cache",
    "normalize",
    "diff",
    "timeline",
    "history",
    "check",
    "ingest",
    "fetch",
    "init",
    "pager",
    "render",
    "site",
    "cli",
];

/// The `crate::<module>` names a source file's code (not its comments) uses.
fn uses(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_uses_one_that_comes_after_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let rank = |m: &str| ORDER.iter().position(|o| *o == m);
    let mut wrong = Vec::new();
    for file in &all {
        let rel = file.strip_prefix(&src).expect("under src");
        let module = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(own) = rank(&module) else {
            wrong.push(format!(
                "{}: module {module} is not in ORDER",
                rel.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).expect("readable");
        for used in uses(&text) {
            match rank(&used) {
                Some(r) if r > own => wrong.push(format!(
                    "{}: {module} uses {used}, which comes after it",
                    rel.display()
                )),
                None if used != module => wrong.push(format!(
                    "{}: uses crate::{used}, not in ORDER",
                    rel.display()
                )),
                _ => {}
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
