//! Snapshots as they were at a git revision, read from the repository's object database
//! (never from the working tree), through `git2`.
//!
//! The repository of reports may be a folder inside a larger git repository (as
//! `examples/demo` is inside this project): paths are kept relative to the reports repository,
//! and translated to and from the git tree here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use git2::{ObjectType, Oid, Repository};

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
    /// The git repository has no commit yet (`git init` and nothing committed).
    #[error(
        "the git repository at {path} has no commits yet; --git and --rev read snapshots from \
         git history: commit the snapshots first (`git add -A && git commit`), or leave out \
         --git/--rev"
    )]
    NoCommits {
        /// The repository's folder.
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

/// The stored content of a snapshot file at some revision (a git blob id, kept opaque).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct BlobId(Oid);

/// A snapshot file at some revision: its path (relative to the reports repository) → blob.
pub type Files = BTreeMap<PathBuf, BlobId>;

/// A commit, as a timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CommitInfo {
    /// The abbreviated commit id.
    pub id: String,
    /// The commit date (committer's), `YYYY-MM-DD` in the committer's time zone.
    pub date: String,
    /// The author's name.
    pub author: String,
    /// The first line of the message.
    pub summary: String,
}

/// A snapshot file a commit changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// The path, relative to the reports repository.
    pub path: PathBuf,
    /// Its content before the commit (none: added).
    pub old: Option<BlobId>,
    /// Its content after (none: deleted).
    pub new: Option<BlobId>,
    /// For an added file: the dossier's file of the meeting of the same kind before it, as it
    /// stood after the commit (what a new meeting is compared with).
    pub previous: Option<(PathBuf, BlobId)>,
}

/// A commit that changed a dossier's snapshots.
#[derive(Debug, Clone)]
pub struct DossierCommit {
    /// The commit.
    pub commit: CommitInfo,
    /// What it changed.
    pub changes: Vec<FileChange>,
}

/// Read and validate one snapshot blob of `repo`.
fn read_with(repo: &Repository, label: &str, blob: BlobId) -> Result<Snapshot, GitError> {
    let blob = repo.find_blob(blob.0)?;
    let text = String::from_utf8_lossy(blob.content());
    Ok(fs::parse(Path::new(label), &text)?)
}

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

    /// Refuse a repository without commits, where libgit2's own message would be
    /// `reference 'refs/heads/master' not found`.
    fn require_commits(&self) -> Result<(), GitError> {
        if self.repo.head().is_err() && self.repo.is_empty().unwrap_or(false) {
            return Err(GitError::NoCommits {
                path: self
                    .repo
                    .workdir()
                    .unwrap_or(self.repo.path())
                    .display()
                    .to_string(),
            });
        }
        Ok(())
    }

    /// Whether this is a shallow clone: its history stops short, so a walk back from HEAD
    /// sees fewer commits than were made (`git fetch --unshallow` brings the rest).
    pub fn is_shallow(&self) -> bool {
        self.repo.is_shallow()
    }

    /// The commit a revision names.
    fn commit(&self, rev: &str) -> Result<git2::Commit<'_>, GitError> {
        self.require_commits()?;
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
        let entry = match tree.get_path(&dir) {
            Ok(e) => e,
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(Files::new()),
            Err(e) => return Err(e.into()),
        };
        let Ok(sub) = entry.to_object(&self.repo)?.peel_to_tree() else {
            return Ok(Files::new());
        };
        // The files directly inside each dossier folder, keyed by (dossier, file name) as
        // strings: sorting those is the order of the paths, without comparing paths component
        // by component (which was most of `diff --git`'s time on 14,000 files).
        let mut found: Vec<((String, String), BlobId)> = Vec::new();
        for folder in sub.iter() {
            if folder.kind() != Some(ObjectType::Tree) {
                continue;
            }
            let dossier = String::from_utf8_lossy(folder.name_bytes()).into_owned();
            let tree = self.repo.find_tree(folder.id())?;
            for e in tree.iter() {
                let name = String::from_utf8_lossy(e.name_bytes());
                if e.kind() == Some(ObjectType::Blob)
                    && name.ends_with(".yaml")
                    && !name.starts_with('.')
                {
                    found.push(((dossier.clone(), name.into_owned()), BlobId(e.id())));
                }
            }
        }
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let snapshots = Path::new(SNAPSHOTS_DIR);
        // Collected in order, the map is built without comparing the paths again.
        Ok(found
            .into_iter()
            .map(|((d, name), blob)| (snapshots.join(d).join(name), blob))
            .collect())
    }

    /// The snapshot files at a revision.
    pub fn files(&self, rev: &str) -> Result<Files, GitError> {
        let commit = self.commit(rev)?;
        self.files_of(&commit)
    }

    /// The blob id a file of the working tree would have if it were committed as it is, to
    /// tell whether it holds what a revision holds without reading either as a snapshot.
    /// (It does not apply git's filters, such as line-ending conversion: a filtered file
    /// just does not match.)
    pub fn blob_of_file(&self, path: &Path) -> Result<BlobId, GitError> {
        Ok(BlobId(Oid::hash_file(ObjectType::Blob, path)?))
    }

    /// Read and validate one snapshot blob; `label` (e.g. `HEAD:snapshots/x/2023-10.yaml`)
    /// names it in errors.
    pub fn read(&self, label: &str, blob: BlobId) -> Result<Snapshot, GitError> {
        read_with(&self.repo, label, blob)
    }

    /// [`GitStore::read`] of many blobs, in order, on as many threads as there are cores:
    /// inflating blobs from their delta chains is most of the cost of reading history. Each
    /// thread takes a run of neighbouring blobs (which share delta bases) with a repository
    /// handle of its own, and the calling thread reads the first run with its own warm handle.
    /// (rayon's `map_init`, a fresh handle on every worker, measured 1.07× and 1.19× slower in
    /// two runs of `cargo bench -- history/timeline-git`.)
    pub fn read_many(&self, wanted: &[(BlobId, String)]) -> Vec<Result<Snapshot, GitError>> {
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .min(wanted.len() / 16)
            .max(1);
        let per = wanted.len().div_ceil(threads).max(1);
        let mut runs = wanted.chunks(per);
        let Some(mine) = runs.next() else {
            return Vec::new();
        };
        let git_dir = self.repo.path().to_path_buf();
        std::thread::scope(|scope| {
            let others: Vec<_> = runs
                .map(|run| {
                    let git_dir = &git_dir;
                    scope.spawn(move || {
                        // A handle that does not open leaves the run to this thread.
                        let repo = Repository::open(git_dir).ok()?;
                        Some(
                            run.iter()
                                .map(|(b, label)| read_with(&repo, label, *b))
                                .collect::<Vec<_>>(),
                        )
                    })
                })
                .collect();
            let mut out: Vec<Result<Snapshot, GitError>> =
                mine.iter().map(|(b, label)| self.read(label, *b)).collect();
            for (worker, run) in others.into_iter().zip(wanted.chunks(per).skip(1)) {
                match worker.join() {
                    Ok(Some(read)) => out.extend(read),
                    // A panic is re-raised; a handle that did not open is read here.
                    Err(e) => std::panic::resume_unwind(e),
                    Ok(None) => out.extend(run.iter().map(|(b, label)| self.read(label, *b))),
                }
            }
            out
        })
    }

    /// Every snapshot at a revision.
    pub fn collection(&self, rev: &str) -> Result<Collection, GitError> {
        self.collection_where(rev, |_, _| true)
    }

    /// The snapshots at a revision that `keep(dossier, meeting)` wants, judged by their paths.
    pub fn collection_where(
        &self,
        rev: &str,
        keep: impl Fn(&str, &super::MeetingKey) -> bool,
    ) -> Result<Collection, GitError> {
        let mut c = Collection::default();
        for (path, oid) in self.files(rev)? {
            if !super::wanted(&path, &keep) {
                continue;
            }
            let snapshot = self.read(&format!("{rev}:{}", path.display()), oid)?;
            c.insert(path, snapshot);
        }
        Ok(c)
    }

    /// Every commit reachable from HEAD (first parents, oldest first) that changed the
    /// snapshots of `dossier`, walking the history once. `progress` is called with the
    /// number of commits seen so far, every 100 commits.
    pub fn dossier_history(
        &self,
        dossier: &str,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Vec<DossierCommit>, GitError> {
        let dir = self.prefix.join(SNAPSHOTS_DIR).join(dossier);
        // One pass over the history reads each object once: libgit2's object cache (up to
        // 256 MB) only holds memory here.
        git2::opts::enable_caching(false);
        // git itself does not re-hash objects it reads; libgit2 does by default, which was a
        // tenth of the walk.
        git2::opts::strict_hash_verification(false);
        self.require_commits()?;
        let mut walk = self.repo.revwalk()?;
        if let Err(e) = walk.push_head() {
            return if e.code() == git2::ErrorCode::UnbornBranch {
                Ok(Vec::new())
            } else {
                Err(e.into())
            };
        }
        walk.simplify_first_parent()?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
        let mut out = Vec::new();
        let mut last_tree: Option<Oid> = None;
        // The dossier's files after the last change, sorted by name, and the same by meeting
        // (to find a new meeting's predecessor). Both are updated from what changed, so a
        // long history costs one pass over each changed tree, not a map rebuilt per commit.
        let mut last: Vec<(String, BlobId)> = Vec::new();
        let mut by_meeting: BTreeMap<super::MeetingKey, (String, BlobId)> = BTreeMap::new();
        let path_of = |name: &str| Path::new(SNAPSHOTS_DIR).join(dossier).join(name);
        for (n, oid) in walk.enumerate() {
            if n % 100 == 99 {
                progress(n + 1);
            }
            let commit = self.repo.find_commit(oid?)?;
            let tree = commit.tree()?;
            let sub = match tree.get_path(&dir) {
                Ok(e) => Some(e.id()),
                Err(e) if e.code() == git2::ErrorCode::NotFound => None,
                Err(e) => return Err(e.into()),
            };
            if sub == last_tree {
                continue;
            }
            last_tree = sub;
            let mut files: Vec<(String, BlobId)> = Vec::new();
            if let Some(sub) = sub {
                if let Ok(t) = self.repo.find_tree(sub) {
                    for e in t.iter() {
                        let name = String::from_utf8_lossy(e.name_bytes());
                        if e.kind() == Some(ObjectType::Blob)
                            && name.ends_with(".yaml")
                            && !name.starts_with('.')
                        {
                            files.push((name.into_owned(), BlobId(e.id())));
                        }
                    }
                }
            }
            files.sort_by(|a, b| a.0.cmp(&b.0));
            // Merge the two sorted lists: (name, before, after).
            let mut diffs: Vec<(&str, Option<BlobId>, Option<BlobId>)> = Vec::new();
            let (mut x, mut y) = (0, 0);
            while x < last.len() || y < files.len() {
                match (last.get(x), files.get(y)) {
                    (Some(a), Some(b)) if a.0 == b.0 => {
                        if a.1 != b.1 {
                            diffs.push((&b.0, Some(a.1), Some(b.1)));
                        }
                        x += 1;
                        y += 1;
                    }
                    (Some(a), Some(b)) if a.0 < b.0 => {
                        diffs.push((&a.0, Some(a.1), None));
                        x += 1;
                    }
                    (Some(a), None) => {
                        diffs.push((&a.0, Some(a.1), None));
                        x += 1;
                    }
                    (_, Some(b)) => {
                        diffs.push((&b.0, None, Some(b.1)));
                        y += 1;
                    }
                    (None, None) => break,
                }
            }
            for (name, _, new) in &diffs {
                let Some(key) = super::MeetingKey::from_path(Path::new(name)) else {
                    continue;
                };
                match new {
                    Some(b) => by_meeting.insert(key, (name.to_string(), *b)),
                    None => by_meeting.remove(&key),
                };
            }
            let mut changes = Vec::new();
            for (name, old, new) in &diffs {
                let previous = match (old, new, super::MeetingKey::from_path(Path::new(name))) {
                    (None, Some(_), Some(key)) => by_meeting
                        .range(..key.clone())
                        .rev()
                        .find(|(k, _)| k.kind == key.kind)
                        .map(|(_, (p, b))| (path_of(p), *b)),
                    _ => None,
                };
                changes.push(FileChange {
                    path: path_of(name),
                    old: *old,
                    new: *new,
                    previous,
                });
            }
            // Added and changed files first, then deletions, in name order (as before).
            changes.sort_by_key(|c| c.new.is_none());
            if !changes.is_empty() {
                out.push(DossierCommit {
                    commit: commit_info(&commit),
                    changes,
                });
            }
            last = files;
        }
        Ok(out)
    }
}

fn commit_info(commit: &git2::Commit<'_>) -> CommitInfo {
    let time = commit.time();
    let date = chrono::FixedOffset::east_opt(time.offset_minutes() * 60)
        .and_then(|tz| {
            chrono::DateTime::from_timestamp(time.seconds(), 0).map(|d| d.with_timezone(&tz))
        })
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let id = commit.id().to_string();
    CommitInfo {
        id: id.get(..10).unwrap_or(&id).to_string(),
        date,
        author: String::from_utf8_lossy(commit.author().name_bytes()).into_owned(),
        summary: commit
            .summary_bytes()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default(),
    }
}
