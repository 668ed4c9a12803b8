//! Puts the git revision into `jbz-track --version` when built from a checkout
//! ("0.1.0 (f3e485f)"); outside one (a crates.io or tarball build), the version alone.

use std::process::Command;

fn main() {
    let rev = Command::new("git")
        .args(["rev-parse", "--short=7", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let dirty = Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .is_some_and(|o| !o.stdout.is_empty());
    let suffix = match rev {
        Some(r) if dirty => format!(" ({r}, modified)"),
        Some(r) => format!(" ({r})"),
        None => String::new(),
    };
    println!("cargo:rustc-env=JBZ_GIT_SUFFIX={suffix}");
    for path in [".git/HEAD", ".git/index", ".git/refs"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}
