//! The repository a user holds: `reports/`, `snapshots/` and `dossiers.yaml` under one root.

use std::path::{Path, PathBuf};

use crate::dossier::{Registry, RegistryError};

/// The folder of reports in a repository.
pub const REPORTS_DIR: &str = "reports";

/// The registry file in a repository.
pub const REGISTRY_FILE: &str = "dossiers.yaml";

/// File endings read as reports when `normalize` scans `reports/`: the text of a PDF, the PDF
/// itself, and the official HTML and XML editions. (What a file is, is told from its content;
/// a file named on the command line is read whatever its ending.)
pub const REPORT_EXTENSIONS: [&str; 6] = ["txt", "pdf", "html", "htm", "xhtml", "xml"];

/// Trouble with the repository as a whole (not with one report).
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    /// The root is not a folder.
    #[error(
        "{0}: not a folder; point --repo (or JBZ_REPO) at a repository with a reports/ folder"
    )]
    NotADirectory(PathBuf),
    /// A folder could not be listed.
    #[error("{path}: {source}")]
    Io {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// `dossiers.yaml` is broken.
    #[error("{}; fix the file, or remove it to use the built-in registry", located(.path, .source))]
    Registry {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        source: RegistryError,
    },
}

/// `dossiers.yaml:3: what is wrong`, or without the line where there is none.
fn located(path: &Path, e: &RegistryError) -> String {
    let path = display_path(path);
    match e {
        RegistryError::Yaml(y) => match y.line {
            Some(line) => format!("{path}:{line}: {}", y.message),
            None => format!("{path}: {}", y.message),
        },
        RegistryError::BadId { .. } => format!("{path}: {e}"),
    }
}

/// A repository of reports and snapshots.
#[derive(Debug, Clone)]
pub struct Repo {
    /// Its root folder.
    pub root: PathBuf,
}

impl Repo {
    /// The repository at `root`.
    pub fn open(root: &Path) -> Result<Repo, RepoError> {
        if !root.is_dir() {
            return Err(RepoError::NotADirectory(root.to_path_buf()));
        }
        Ok(Repo {
            root: root.to_path_buf(),
        })
    }

    /// The repository's `dossiers.yaml`, or the built-in registry where it has none.
    ///
    /// Read only from a regular file no larger than a report: a registry linked elsewhere, to
    /// `/dev/zero` or to a FIFO is refused, not followed, read without end, or waited on.
    pub fn registry(&self) -> Result<Registry, RepoError> {
        use crate::store::fs::{read_regular, StoreError};
        let path = self.root.join(REGISTRY_FILE);
        match read_regular(&path) {
            Ok(text) => Registry::from_yaml(&text).map_err(|source| RepoError::Registry {
                path: PathBuf::from(REGISTRY_FILE),
                source,
            }),
            Err(e) if e.is_not_found() => Ok(Registry::builtin()),
            Err(StoreError::Io { source, .. }) => Err(RepoError::Io { path, source }),
            Err(e) => Err(RepoError::Io {
                path: PathBuf::from(REGISTRY_FILE),
                source: std::io::Error::other(e.reason()),
            }),
        }
    }

    /// Every report file under `reports/`, relative to the root, sorted by name.
    pub fn reports(&self) -> Result<Vec<PathBuf>, RepoError> {
        let dir = self.root.join(REPORTS_DIR);
        if let Some((link, target)) =
            crate::store::fs::link_on_path(&self.root, Path::new(REPORTS_DIR))
        {
            let e = crate::store::fs::link_refused(&link, &target);
            return Err(RepoError::Io {
                path: link,
                source: std::io::Error::other(e.reason()),
            });
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(RepoError::Io { path: dir, source }),
        };
        // Links are listed (not followed) so that reading them refuses them by name.
        let mut out: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            })
            .filter_map(|p| p.strip_prefix(&self.root).ok().map(Path::to_path_buf))
            .collect();
        out.sort();
        Ok(out)
    }
}

/// A path as stored in snapshots: relative, with `/` separators on every platform.
pub fn display_path(path: &Path) -> String {
    if path.is_absolute() {
        // Outside the repository: as the user gave it.
        return path.display().to_string();
    }
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
