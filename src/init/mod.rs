//! `init`: a new repository of reports, ready to track: `reports/`, `snapshots/`, a commented
//! `dossiers.yaml` with the three built-in dossiers, a `.gitignore`, the GitHub workflow that
//! checks pull requests, and the scheduled one that fetches new reports, proposes them as a
//! pull request and publishes the site. Existing files are never overwritten; an existing
//! `.gitignore` gets the lines it lacks, and the caller is told which.

use std::path::{Path, PathBuf};

/// Why `init` stopped.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// A file or folder could not be made.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// The registry a new repository starts with: the built-in one, with its comments.
pub const DOSSIERS_YAML: &str = include_str!("../dossiers.default.yaml");

/// The workflow that checks pull requests (this repository's own).
pub const WORKFLOW_YAML: &str = include_str!("../../.github/workflows/reports.yml");

/// The scheduled workflow: fetch, normalize, check, a pull request (or a branch), and the site
/// on GitHub Pages.
pub const FETCH_WORKFLOW_YAML: &str = include_str!("fetch.yml");

/// The lines jbz-track needs in `.gitignore`, each with the comment that explains it.
pub const GITIGNORE_RULES: [(&str, &str); 2] = [
    (
        "# jbz-track writes snapshots atomically through temporary files like these.",
        "snapshots/**/.*.tmp",
    ),
    (
        "# `jbz-track site _site` builds the web site here; CI publishes it, git need not keep it.",
        "/_site/",
    ),
];

const KEEP: &str = "";

/// What `init` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InitOutcome {
    /// Files created, relative to the folder.
    pub created: Vec<PathBuf>,
    /// The rules added to an existing `.gitignore` (empty when it had them all, or was new).
    pub gitignore_added: Vec<String>,
}

fn gitignore() -> String {
    let mut s = String::new();
    for (comment, rule) in GITIGNORE_RULES {
        s.push_str(comment);
        s.push('\n');
        s.push_str(rule);
        s.push('\n');
    }
    s
}

/// Make the repository in `dir`, leaving existing files alone, except that an existing
/// `.gitignore` gains the rules of [`GITIGNORE_RULES`] it lacks, at its end.
pub fn init(dir: &Path) -> Result<InitOutcome, InitError> {
    let ignore = gitignore();
    let files: [(&str, &str); 6] = [
        ("reports/.gitkeep", KEEP),
        ("snapshots/.gitkeep", KEEP),
        ("dossiers.yaml", DOSSIERS_YAML),
        (".gitignore", &ignore),
        (".github/workflows/reports.yml", WORKFLOW_YAML),
        (".github/workflows/fetch.yml", FETCH_WORKFLOW_YAML),
    ];
    let mut outcome = InitOutcome::default();
    for (rel, contents) in files {
        let path = dir.join(rel);
        let io = |source| InitError::Io {
            path: path.display().to_string(),
            source,
        };
        if path.exists() {
            if rel == ".gitignore" {
                outcome.gitignore_added = amend_gitignore(&path).map_err(io)?;
            }
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&path, contents).map_err(io)?;
        outcome.created.push(PathBuf::from(rel));
    }
    Ok(outcome)
}

/// Append the rules `path` lacks (compared line by line, trimmed); returns them.
fn amend_gitignore(path: &Path) -> std::io::Result<Vec<String>> {
    let text = std::fs::read_to_string(path)?;
    let has = |rule: &str| text.lines().any(|l| l.trim() == rule);
    let missing: Vec<(&str, &str)> = GITIGNORE_RULES
        .iter()
        .copied()
        .filter(|(_, rule)| !has(rule))
        .collect();
    if missing.is_empty() {
        return Ok(Vec::new());
    }
    let mut amended = text.clone();
    if !amended.is_empty() && !amended.ends_with('\n') {
        amended.push('\n');
    }
    if !amended.is_empty() {
        amended.push('\n');
    }
    for (comment, rule) in &missing {
        amended.push_str(comment);
        amended.push('\n');
        amended.push_str(rule);
        amended.push('\n');
    }
    std::fs::write(path, amended)?;
    Ok(missing.iter().map(|(_, r)| r.to_string()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_gitignore_gains_only_the_missing_rules() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(".gitignore");
        std::fs::write(&path, "target\n/_site/").expect("write");
        assert_eq!(
            amend_gitignore(&path).expect("amend"),
            ["snapshots/**/.*.tmp"]
        );
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(
            text.starts_with("target\n/_site/\n\n# jbz-track writes"),
            "{text}"
        );
        assert!(amend_gitignore(&path).expect("again").is_empty());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    }
}
