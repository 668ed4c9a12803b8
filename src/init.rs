//! `init`: a new repository of reports, ready to track: `reports/`, `snapshots/`, a commented
//! `dossiers.yaml` with the three built-in dossiers, a `.gitignore`, and the GitHub workflow
//! that checks pull requests. Existing files are never overwritten.

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
pub const DOSSIERS_YAML: &str = include_str!("dossiers.default.yaml");

/// The workflow a new repository starts with.
pub const WORKFLOW_YAML: &str = include_str!("../.github/workflows/reports.yml");

const GITIGNORE: &str = "# jbz-track writes snapshots atomically through temporary files like these.\nsnapshots/**/.*.tmp\n";

const KEEP: &str = "";

/// Make the repository in `dir`; returns the paths created (relative to `dir`), leaving
/// existing ones alone.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    let files: [(&str, &str); 5] = [
        ("reports/.gitkeep", KEEP),
        ("snapshots/.gitkeep", KEEP),
        ("dossiers.yaml", DOSSIERS_YAML),
        (".gitignore", GITIGNORE),
        (".github/workflows/reports.yml", WORKFLOW_YAML),
    ];
    let mut created = Vec::new();
    for (rel, contents) in files {
        let path = dir.join(rel);
        if path.exists() {
            continue;
        }
        let io = |source| InitError::Io {
            path: path.display().to_string(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&path, contents).map_err(io)?;
        created.push(PathBuf::from(rel));
    }
    Ok(created)
}
