//! The repository a user holds: `reports/`, `snapshots/` and `dossiers.yaml` under one root.

use std::path::{Path, PathBuf};

use crate::dossier::{Registry, RegistryError};

/// The folder of reports in a repository.
pub const REPORTS_DIR: &str = "reports";

/// The registry file in a repository.
pub const REGISTRY_FILE: &str = "dossiers.yaml";

/// Whether a file in `reports/` is left alone when `normalize` scans the folder: hidden files
/// (`.gitkeep`, `.DS_Store`, LibreOffice's `.~lock.…#`), Word's owner files (`~$verslag.docx`,
/// written beside a document that is open) and a `README` or `README.md`. Every other file is
/// read, whatever its ending, and one that cannot be read is an error that names it: a report
/// in a format jbz-track does not read is never skipped in silence.
pub fn is_ignored_in_reports(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.eq_ignore_ascii_case("README")
        || name.eq_ignore_ascii_case("README.md")
}

/// The folder of snapshots in a repository.
pub const SNAPSHOTS_DIR: &str = "snapshots";

/// A file or folder that marks a repository root whatever else it holds, as `.git` marks a
/// git checkout.
pub const MARKER: &str = ".jbz-track";

/// Trouble with the repository as a whole (not with one report).
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    /// The root is not a folder.
    #[error(
        "{0}: not a folder; point --repo (or JBZ_TRACK_REPO) at a repository with a reports/ folder"
    )]
    NotADirectory(PathBuf),
    /// No repository in a folder or any of its parents.
    #[error(
        "not inside a jbz-track repository (looked in {} and its parents); run `jbz-track init`, \
         or point --repo (or JBZ_TRACK_REPO) at one",
        .0.display()
    )]
    NotFound(PathBuf),
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

    /// The repository that holds `start`, found as git and cargo find theirs: `start` itself or
    /// the nearest parent that is a repository root (see [`is_root`]).
    ///
    /// A folder with only `reports/` (nothing normalised yet) is a root when the search starts
    /// in it or inside its `reports/`, not when it is met further up: `reports/` alone is too
    /// common a name to claim a whole tree.
    pub fn discover(start: &Path) -> Result<Repo, RepoError> {
        let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        let found = start.ancestors().find(|dir| is_root(dir)).or_else(|| {
            start.ancestors().find(|dir| {
                dir.join(REPORTS_DIR).is_dir()
                    && (*dir == start || start.starts_with(dir.join(REPORTS_DIR)))
            })
        });
        match found {
            Some(dir) => Ok(Repo {
                root: dir.to_path_buf(),
            }),
            None => Err(RepoError::NotFound(start)),
        }
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

    /// Every report file under `reports/`, relative to the root, sorted by name: every file
    /// but those [`is_ignored_in_reports`] leaves alone (folders inside are not entered).
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
            .filter(|e| !e.file_name().to_str().is_some_and(is_ignored_in_reports))
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
            .map(|e| e.path())
            .filter_map(|p| p.strip_prefix(&self.root).ok().map(Path::to_path_buf))
            .collect();
        out.sort();
        Ok(out)
    }
}

/// Whether `dir` is the root of a repository: it holds the [`MARKER`], or `reports/` with
/// `snapshots/` or with a `dossiers.yaml`.
pub fn is_root(dir: &Path) -> bool {
    if dir.join(MARKER).exists() {
        return true;
    }
    dir.join(REPORTS_DIR).is_dir()
        && (dir.join(SNAPSHOTS_DIR).is_dir() || dir.join(REGISTRY_FILE).is_file())
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
