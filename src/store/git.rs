//! Snapshots as they were at a git revision, read from the repository's object database
//! (never from the working tree), through `git2`.
//!
//! The repository of reports may be a folder inside a larger git repository (as
//! `examples/demo` is inside this project): paths are kept relative to the reports repository,
//! and translated to and from the git tree here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use git2::{ObjectType, Oid, Repository, TreeWalkMode, TreeWalkResult};

use super::fs::{self, StoreError, SNAPSHOTS_DIR};
use super::Collection;
use crate::snapshot::Snapshot;

/// Why snapshots could not be read from git.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// No git repository holds the folder.
    #[error(
        "{path} is not inside a git repository; --git and --rev read snapshots from git history \
         (run `git init` and commit the snapshots, or leave out --git/--rev)"
    )]
    NotARepository {
        /// The folder.
        path: String,
    },
    /// The revision does not resolve.
    #[error("unknown revision '{rev}'{}", if *.shallow {
        "; this is a shallow clone, so older commits are missing: fetch the whole history \
         (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)"
    } else {
        "; `git log --oneline` lists the commits, `git branch -a` the branches"
    })]
    UnknownRevision {
        /// The revision as given.
        rev: String,
        /// Whether the clone is shallow.
        shallow: bool,
    },
    /// A snapshot at that revision is not valid.
    #[error(transparent)]
    Invalid(#[from] StoreError),
    /// libgit2 failed otherwise.
    #[error("git: {0}")]
    Git(#[from] git2::Error),
}

/// A git repository holding a repository of reports.
pub struct GitStore {
    repo: Repository,
    /// The reports repository's folder inside the git tree ("" at the top).
    prefix: PathBuf,
}

/// A snapshot file at some revision: its path (relative to the reports repository) → blob.
pub type Files = BTreeMap<PathBuf, Oid>;

impl GitStore {
    /// Open the git repository that holds `root`.
    pub fn open(root: &Path) -> Result<GitStore, GitError> {
        let not_repo = || GitError::NotARepository {
            path: root.display().to_string(),
        };
        let repo = Repository::discover(root).map_err(|_| not_repo())?;
        let workdir = repo.workdir().ok_or_else(not_repo)?;
        let (Ok(workdir), Ok(here)) = (workdir.canonicalize(), root.canonicalize()) else {
            return Err(not_repo());
        };
        let prefix = here
            .strip_prefix(&workdir)
            .map(Path::to_path_buf)
            .map_err(|_| not_repo())?;
        Ok(GitStore { repo, prefix })
    }

    /// The commit a revision names.
    fn commit(&self, rev: &str) -> Result<git2::Commit<'_>, GitError> {
        let unknown = || GitError::UnknownRevision {
            rev: rev.to_string(),
            shallow: self.repo.is_shallow(),
        };
        let object = self.repo.revparse_single(rev).map_err(|_| unknown())?;
        object.peel_to_commit().map_err(|_| unknown())
    }

    /// The snapshot files of a commit's tree.
    fn files_of(&self, commit: &git2::Commit<'_>) -> Result<Files, GitError> {
        let tree = commit.tree()?;
        let dir = self.prefix.join(SNAPSHOTS_DIR);
        let mut files = Files::new();
        let entry = match tree.get_path(&dir) {
            Ok(e) => e,
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(files),
            Err(e) => return Err(e.into()),
        };
        let Ok(sub) = entry.to_object(&self.repo)?.peel_to_tree() else {
            return Ok(files);
        };
        sub.walk(TreeWalkMode::PreOrder, |parent, e| {
            let name = String::from_utf8_lossy(e.name_bytes());
            if e.kind() == Some(ObjectType::Blob)
                && name.ends_with(".yaml")
                && !name.starts_with('.')
                && parent.matches('/').count() == 1
            {
                let path = Path::new(SNAPSHOTS_DIR).join(parent).join(name.as_ref());
                files.insert(path, e.id());
            }
            TreeWalkResult::Ok
        })?;
        Ok(files)
    }

    /// The snapshot files at a revision.
    pub fn files(&self, rev: &str) -> Result<Files, GitError> {
        let commit = self.commit(rev)?;
        self.files_of(&commit)
    }

    /// Read and validate one snapshot blob; `label` (e.g. `HEAD:snapshots/x/2023-10.yaml`)
    /// names it in errors.
    pub fn read(&self, label: &str, oid: Oid) -> Result<Snapshot, GitError> {
        let blob = self.repo.find_blob(oid)?;
        let text = String::from_utf8_lossy(blob.content());
        Ok(fs::parse(Path::new(label), &text)?)
    }

    /// Every snapshot at a revision.
    pub fn collection(&self, rev: &str) -> Result<Collection, GitError> {
        let mut c = Collection::default();
        for (path, oid) in self.files(rev)? {
            let snapshot = self.read(&format!("{rev}:{}", path.display()), oid)?;
            c.insert(path, snapshot);
        }
        Ok(c)
    }
}
