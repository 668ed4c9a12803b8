//! Snapshots in the working tree: `snapshots/<dossier-id>/<meeting-id>.yaml`, written whole or
//! not at all (a temporary file in the same folder, then a rename).

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::snapshot::{Snapshot, SCHEMA};
use crate::yaml::YamlError;

/// A snapshot file that could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file system refused.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a valid snapshot.
    #[error("{path}:{}: {message}", line.map(|l| l.to_string()).unwrap_or_default())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The line, where known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A path the repository may not use: a symbolic link (which would lead outside it), a
    /// FIFO or device, or a file too large to be one of its files.
    #[error("{path}: {reason}")]
    Refused {
        /// The link or file, relative to the repository where it is in one.
        path: PathBuf,
        /// What it is, and what to do.
        reason: String,
    },
}

impl StoreError {
    /// The same error with its path relative to `root`, as users name files.
    pub fn relative_to(self, root: &Path) -> StoreError {
        let strip = |p: PathBuf| p.strip_prefix(root).map(Path::to_path_buf).unwrap_or(p);
        match self {
            StoreError::Io { path, source } => StoreError::Io {
                path: strip(path),
                source,
            },
            StoreError::Invalid {
                path,
                line,
                message,
            } => StoreError::Invalid {
                path: strip(path),
                line,
                message,
            },
            StoreError::Refused { path, reason } => StoreError::Refused {
                path: strip(path),
                reason,
            },
        }
    }

    /// Whether the file is not there at all.
    pub fn is_not_found(&self) -> bool {
        matches!(self, StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
    }

    /// What is wrong, without the path (for a message that names the path itself).
    pub fn reason(&self) -> String {
        match self {
            StoreError::Io { source, .. } => source.to_string(),
            StoreError::Invalid { line, message, .. } => match line {
                Some(l) => format!("line {l}: {message}"),
                None => message.clone(),
            },
            StoreError::Refused { reason, .. } => reason.clone(),
        }
    }
}

/// The refusal of a symbolic link at `link` (as the user names it) that points to `target`.
pub fn link_refused(link: &Path, target: &Path) -> StoreError {
    StoreError::Refused {
        path: link.to_path_buf(),
        reason: format!(
            "is a symbolic link to {}; jbz-track neither reads nor writes through links in \
             reports/, snapshots/ or dossiers.yaml (they could lead outside the repository): \
             put the file or folder itself there",
            target.display()
        ),
    }
}

/// The first symbolic link on the way from `root` to `root/rel` (`rel` included), as
/// (its path relative to `root`, where it points); `None` where there is none.
pub fn link_on_path(root: &Path, rel: &Path) -> Option<(PathBuf, PathBuf)> {
    let mut at = PathBuf::new();
    for part in rel.components() {
        at.push(part);
        let full = root.join(&at);
        match std::fs::symlink_metadata(&full) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&full).unwrap_or_default();
                return Some((at, target));
            }
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}

/// Read a file of the repository whole: a regular file only (not a link, FIFO or device, which
/// could lead outside the repository, never end, or block), no larger than a report can be
/// ([`crate::source::MAX_REPORT_BYTES`]). `path` is the path to open; errors name it.
pub fn read_regular_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    let limit = crate::source::MAX_REPORT_BYTES;
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::symlink_metadata(path).map_err(io)?;
    let refused = |reason: String| StoreError::Refused {
        path: path.to_path_buf(),
        reason,
    };
    if meta.file_type().is_symlink() {
        return Err(link_refused(
            path,
            &std::fs::read_link(path).unwrap_or_default(),
        ));
    }
    if !meta.is_file() {
        return Err(refused(
            "is not a regular file (a folder, FIFO, socket or device); jbz-track reads only \
             regular files here"
                .to_string(),
        ));
    }
    let too_large = |size: u64| {
        refused(format!(
            "the file is {size} bytes, larger than the {limit} bytes any file of a jbz-track \
             repository can be; is this the right file?"
        ))
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte past the limit: a file that grows (or was swapped) while it is read is caught.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// [`read_regular_bytes`], as UTF-8 text.
pub fn read_regular(path: &Path) -> Result<String, StoreError> {
    String::from_utf8(read_regular_bytes(path)?).map_err(|e| StoreError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
    })
}

/// Write `root/rel` with [`write_atomic`], unless a symbolic link stands on the way there
/// (the folder, or the file itself): that is refused, and nothing is written through it.
pub fn write_within(root: &Path, rel: &Path, contents: &[u8]) -> Result<(), StoreError> {
    if let Some((link, target)) = link_on_path(root, rel) {
        return Err(link_refused(&link, &target));
    }
    write_atomic(&root.join(rel), contents).map_err(|e| e.relative_to(root))
}

/// Write many files under `root`, each whole or not at all, with one wait for the disk instead
/// of one per file, as git's `core.fsyncMethod=batch` does: every file is written to a
/// temporary beside it, all temporaries are flushed to disk together (on several threads, so
/// that the waits overlap), then each is renamed over its old file, and each folder that holds
/// them is flushed once, so that the renames last too. A file is never renamed before its
/// bytes are on disk: after a crash each file is its old version or its new one, whole.
/// Returns the files that could not be written, with why; the others are written.
pub fn write_batch(root: &Path, files: &[(PathBuf, Vec<u8>)]) -> Vec<(PathBuf, StoreError)> {
    let mut failed: Vec<(PathBuf, StoreError)> = Vec::new();
    // 1. The temporaries, written (and refused where a link stands on the way).
    let mut written: Vec<(&Path, PathBuf, std::fs::File)> = Vec::with_capacity(files.len());
    // Each folder is checked for links and made once, not once per file in it.
    let mut folders: std::collections::BTreeMap<PathBuf, Result<(), String>> = Default::default();
    let pid = std::process::id();
    for (rel, contents) in files {
        if let Some((link, target)) = link_on_path(root, rel) {
            failed.push((rel.clone(), link_refused(&link, &target)));
            continue;
        }
        let path = root.join(rel);
        let dir = path.parent().unwrap_or(root);
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("snapshot");
        let tmp = dir.join(format!(".{name}.{pid}.tmp"));
        let made = folders
            .entry(dir.to_path_buf())
            .or_insert_with(|| std::fs::create_dir_all(dir).map_err(|e| e.to_string()))
            .clone();
        let result = (|| {
            made.map_err(std::io::Error::other)?;
            let mut f = std::fs::File::create(&tmp)?;
            let (first, second) = contents.split_at(contents.len() / 2);
            f.write_all(first)?;
            pause_for_fault_tests();
            f.write_all(second)?;
            Ok::<_, std::io::Error>(f)
        })();
        match result {
            Ok(f) => written.push((rel, tmp, f)),
            Err(source) => {
                let _ = std::fs::remove_file(&tmp);
                failed.push((
                    rel.clone(),
                    StoreError::Io {
                        path: rel.clone(),
                        source,
                    },
                ));
            }
        }
    }
    // 2. All flushed to disk: on Linux with one syncfs(2) of the file system that holds them,
    // elsewhere file by file, the waits overlapping.
    let synced: Vec<std::io::Result<()>> = match sync_file_system(&written) {
        Some(Ok(())) => written.iter().map(|_| Ok(())).collect(),
        _ => in_parallel(&written, |(_, _, f)| f.sync_all()),
    };
    // 3. Renamed over the old files, each only once its bytes are on disk.
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for ((rel, tmp, _), sync) in written.iter().zip(synced) {
        let result = sync.and_then(|()| std::fs::rename(tmp, root.join(rel)));
        // The fault tests stretch the renames too, so that a kill can land between two.
        pause_for_fault_tests();
        match result {
            Ok(()) => {
                dirs.insert(tmp.parent().unwrap_or(root).to_path_buf());
            }
            Err(source) => {
                let _ = std::fs::remove_file(tmp);
                failed.push((
                    rel.to_path_buf(),
                    StoreError::Io {
                        path: rel.to_path_buf(),
                        source,
                    },
                ));
            }
        }
    }
    // 4. Each folder once, so that the new names last. (A folder that cannot be opened for
    // this, as on some systems, leaves the renames to the file system's own schedule.)
    let dirs: Vec<PathBuf> = dirs.into_iter().collect();
    in_parallel(&dirs, |d| std::fs::File::open(d).and_then(|f| f.sync_all()));
    failed
}

/// Flush the whole file system that holds the first of `written` to disk, where the system can
/// (Linux: syncfs(2)); `None` where it cannot, and the caller syncs file by file.
#[cfg(target_os = "linux")]
fn sync_file_system(written: &[(&Path, PathBuf, std::fs::File)]) -> Option<std::io::Result<()>> {
    use std::os::fd::AsRawFd;
    let (_, _, file) = written.first()?;
    // SAFETY: the descriptor is open for the duration of the call (`file` is borrowed), and
    // syncfs reads nothing but the descriptor.
    let rc = unsafe { libc::syncfs(file.as_raw_fd()) };
    Some(if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    })
}

#[cfg(not(target_os = "linux"))]
fn sync_file_system(_: &[(&Path, PathBuf, std::fs::File)]) -> Option<std::io::Result<()>> {
    None
}

/// `f` over `items` on up to 16 threads (waits for the disk overlap), in order.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = items.len().clamp(1, 16);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Remove `root/rel`, unless a symbolic link stands on the way there (then nothing is
/// removed: a link to a folder elsewhere would make this remove a file outside the
/// repository).
pub fn remove_within(root: &Path, rel: &Path) -> Result<(), StoreError> {
    if let Some((link, target)) = link_on_path(root, rel) {
        return Err(link_refused(&link, &target));
    }
    std::fs::remove_file(root.join(rel)).map_err(|source| StoreError::Io {
        path: rel.to_path_buf(),
        source,
    })
}

/// The folder of snapshots in a repository.
pub const SNAPSHOTS_DIR: &str = "snapshots";

/// The path of a snapshot, relative to the repository root.
pub fn relative_path(dossier_id: &str, file_name: &str) -> PathBuf {
    Path::new(SNAPSHOTS_DIR).join(dossier_id).join(file_name)
}

/// Serialise a snapshot to the exact text of its file.
pub fn render(snapshot: &Snapshot) -> Result<String, YamlError> {
    crate::yaml::to_string(snapshot)
}

/// Write `contents` to `path` whole or not at all: into a temporary file in the same folder,
/// flushed to disk, then renamed over the old file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), StoreError> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("snapshot");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        let (first, second) = contents.split_at(contents.len() / 2);
        f.write_all(first)?;
        pause_for_fault_tests();
        f.write_all(second)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

/// Remove the temporary files that a killed `normalize` left behind (`.<name>.<pid>.tmp`
/// beside the snapshots), where the process that wrote them is gone. Returns how many were
/// removed. They never count as snapshots ([`list`] skips them), but `git status` shows them.
///
/// Where the system cannot say whether a process runs (no `/proc`), only files older than an
/// hour are removed, so that a `normalize` running at the same time keeps its files.
pub fn remove_stale_temp_files(root: &Path) -> usize {
    let Ok(dirs) = std::fs::read_dir(root.join(SNAPSHOTS_DIR)) else {
        return 0;
    };
    if link_on_path(root, Path::new(SNAPSHOTS_DIR)).is_some() {
        return 0;
    }
    let have_proc = Path::new("/proc/self").exists();
    let mut removed = 0;
    // Never into a linked folder: its temporary-looking files are someone else's.
    for dir in dirs
        .flatten()
        .filter(|d| d.file_type().is_ok_and(|t| t.is_dir()))
    {
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for f in files.flatten() {
            let name = f.file_name();
            let Some(pid) = name.to_str().and_then(temp_file_pid) else {
                continue;
            };
            let stale = if pid == std::process::id() {
                false
            } else if have_proc {
                !Path::new("/proc").join(pid.to_string()).exists()
            } else {
                f.metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > std::time::Duration::from_secs(3600))
            };
            if stale && std::fs::remove_file(f.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

/// The pid in a temporary file name written by [`write_atomic`]: `.2023-10.yaml.1234.tmp`.
fn temp_file_pid(name: &str) -> Option<u32> {
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (file, pid) = inner.rsplit_once('.')?;
    if !file.ends_with(".yaml") {
        return None;
    }
    pid.parse().ok()
}

/// In debug builds only, `JBZ_TEST_WRITE_PAUSE_US` makes every write pause halfway for that
/// many microseconds, so that `tests/write_faults.rs` can kill `normalize` in the middle of
/// writing a file rather than only between files. Release builds never read it.
fn pause_for_fault_tests() {
    #[cfg(debug_assertions)]
    if let Some(us) = std::env::var("JBZ_TEST_WRITE_PAUSE_US")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_micros(us));
    }
}

/// Read and validate one snapshot file.
///
/// Only a regular file is read (see [`read_regular`]): a snapshot linked to `/dev/zero` or a
/// FIFO is refused at once.
pub fn read(path: &Path) -> Result<Snapshot, StoreError> {
    let text = read_regular(path)?;
    parse(path, &text)
}

/// Validate a snapshot's text; `path` is for messages.
pub fn parse(path: &Path, text: &str) -> Result<Snapshot, StoreError> {
    let invalid = |line, message| StoreError::Invalid {
        path: path.to_path_buf(),
        line,
        message,
    };
    let snapshot: Snapshot = crate::yaml::from_str(text).map_err(|e| invalid(e.line, e.message))?;
    // The ids name the snapshot's file (`snapshots/<dossier>/<meeting>.yaml`): a hand-edited
    // id such as `../../x` or `/tmp/x` must not lead any command outside `snapshots/`.
    let id_line = |id: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with("id:") && l.contains(id))
            .map(|i| i + 1)
    };
    if !is_path_safe_id(&snapshot.dossier.id) {
        return Err(invalid(
            id_line(&snapshot.dossier.id),
            format!(
                "dossier id '{}' is not a slug (lower-case letters, digits and hyphens); it names \
                 the snapshot's folder under snapshots/",
                snapshot.dossier.id
            ),
        ));
    }
    if !is_meeting_id(&snapshot.meeting.id) {
        return Err(invalid(
            id_line(&snapshot.meeting.id),
            format!(
                "meeting id '{}' is not YYYY-MM or YYYY-MM-DD; it names the snapshot's file",
                snapshot.meeting.id
            ),
        ));
    }
    if snapshot.schema != SCHEMA {
        return Err(invalid(
            Some(1),
            format!(
                "schema {} is not known to this jbz-track (it reads schema {SCHEMA}); upgrade jbz-track",
                snapshot.schema
            ),
        ));
    }
    Ok(snapshot)
}

/// Whether a dossier id can name a folder under `snapshots/` and nothing else: lower-case
/// ASCII letters, digits and hyphens (what registry ids and automatic slugs are made of).
pub fn is_path_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether a meeting id has the shape the tool gives them: `YYYY-MM` or `YYYY-MM-DD`.
pub fn is_meeting_id(id: &str) -> bool {
    let b = id.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Every snapshot file under `root/snapshots`, sorted by path (dossier, then meeting).
///
/// A symbolic link among them (`snapshots/` itself, a dossier folder or a snapshot file), or a
/// snapshot that is not a regular file, is an error naming it: see [`scan`] to list the rest.
pub fn list(root: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let scanned = scan(root)?;
    match scanned.refused.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(scanned.files),
    }
}

/// What [`scan`] found under `snapshots/`.
#[derive(Debug, Default)]
pub struct Scan {
    /// The snapshot files, regular files in real folders, sorted by path.
    pub files: Vec<PathBuf>,
    /// The links and other files that are refused, each with what is wrong.
    pub refused: Vec<StoreError>,
}

/// Every snapshot file under `root/snapshots`, sorted by path, and apart from them every
/// link and non-regular file where a snapshot or dossier folder would be. A link is never
/// followed: `snapshots/evil -> /elsewhere` must not make `normalize` remove files there.
pub fn scan(root: &Path) -> Result<Scan, StoreError> {
    let dir = root.join(SNAPSHOTS_DIR);
    let mut out = Scan::default();
    if let Some((link, target)) = link_on_path(root, Path::new(SNAPSHOTS_DIR)) {
        out.refused.push(link_refused(&link, &target));
        return Ok(out);
    }
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(source) => return Err(StoreError::Io { path: dir, source }),
    };
    let snapshots = Path::new(SNAPSHOTS_DIR);
    // Sorted by (dossier, file name): the order of comparing the paths component by
    // component, at a fraction of its cost (that comparison, and taking paths apart again,
    // were most of `diff`'s time on 14,000 files).
    let mut dossiers: Vec<(String, std::ffi::OsString, PathBuf)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
        let sub = entry.path();
        let name = entry.file_name();
        let kind = entry.file_type().map_err(|source| StoreError::Io {
            path: sub.clone(),
            source,
        })?;
        if kind.is_symlink() {
            let target = std::fs::read_link(&sub).unwrap_or_default();
            out.refused
                .push(link_refused(&snapshots.join(&name), &target));
            continue;
        }
        if !kind.is_dir() {
            continue;
        }
        dossiers.push((name.to_string_lossy().into_owned(), name, sub));
    }
    dossiers.sort_unstable();
    for (_, dossier, sub) in dossiers {
        let files = std::fs::read_dir(&sub).map_err(|source| StoreError::Io {
            path: sub.clone(),
            source,
        })?;
        let folder = snapshots.join(&dossier);
        let mut names: Vec<String> = Vec::new();
        for f in files.flatten() {
            let Ok(name) = f.file_name().into_string() else {
                continue;
            };
            if !name.ends_with(".yaml") || name.starts_with('.') {
                continue;
            }
            match f.file_type() {
                Ok(t) if t.is_file() => names.push(name),
                Ok(t) if t.is_symlink() => {
                    let target = std::fs::read_link(f.path()).unwrap_or_default();
                    out.refused.push(link_refused(&folder.join(&name), &target));
                }
                _ => out.refused.push(StoreError::Refused {
                    path: folder.join(&name),
                    reason: "is not a regular file (a folder, FIFO, socket or device); a \
                             snapshot is a regular file"
                        .to_string(),
                }),
            }
        }
        // File names in one folder are unique: an unstable sort gives the one order.
        names.sort_unstable();
        out.files
            .extend(names.into_iter().map(|name| folder.join(name)));
    }
    out.refused.sort_by_key(|e| e.to_string());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("snapshots/x/2023-10.yaml");
        write_atomic(&path, b"schema: 1\n").expect("writes");
        write_atomic(&path, b"schema: 1\n# again\n").expect("writes again");
        assert_eq!(
            std::fs::read_to_string(&path).expect("reads"),
            "schema: 1\n# again\n"
        );
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
            .expect("lists")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn ids_that_would_leave_snapshots_are_refused() {
        for (dossier, meeting) in [
            ("../../evil", "2023-10"),
            ("/tmp/evil", "2023-10"),
            ("a/b", "2023-10"),
            ("", "2023-10"),
            ("csam-verordening", "../2023-10"),
            ("csam-verordening", "/etc/passwd"),
            ("csam-verordening", "2023-1"),
        ] {
            let text = include_str!("../../snapshots/csam-verordening/2023-10.yaml")
                .replacen("id: csam-verordening", &format!("id: '{dossier}'"), 1)
                .replacen("id: 2023-10", &format!("id: '{meeting}'"), 1);
            let e = parse(Path::new("s.yaml"), &text).expect_err("refused");
            assert!(e.to_string().contains("id '"), "{dossier} {meeting}: {e}");
            assert!(
                matches!(
                    e,
                    StoreError::Invalid {
                        line: Some(3 | 6),
                        ..
                    }
                ),
                "{e:?}"
            );
        }
    }

    #[test]
    fn ids_the_tool_writes_are_safe() {
        assert!(is_path_safe_id("csam-verordening"));
        assert!(is_path_safe_id(
            "union-civil-protection-mechanism-i-r-t-extreem-weer"
        ));
        assert!(is_meeting_id("2023-10"));
        assert!(is_meeting_id("2024-03-04"));
        assert!(!is_meeting_id("2024-03-4"));
    }

    #[test]
    fn stale_temporary_files_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("snapshots/x");
        std::fs::create_dir_all(&sub).expect("mkdir");
        // No process has pid 4294967295; this one has ours.
        let gone = sub.join(".2023-10.yaml.4294967295.tmp");
        let mine = sub.join(format!(".2023-10.yaml.{}.tmp", std::process::id()));
        let other = sub.join(".notes.tmp");
        for p in [&gone, &mine, &other] {
            std::fs::write(p, "schema: 1\n").expect("write");
        }
        if Path::new("/proc/self").exists() {
            assert_eq!(remove_stale_temp_files(dir.path()), 1);
            assert!(!gone.exists());
        }
        assert!(mine.exists() && other.exists());
        assert_eq!(temp_file_pid(".2023-10.agenda.yaml.12.tmp"), Some(12));
        assert_eq!(temp_file_pid("2023-10.yaml"), None);
    }

    #[test]
    fn wrong_schema_is_named() {
        let e = parse(Path::new("s.yaml"), "schema: 2\n").expect_err("invalid");
        assert!(e.to_string().starts_with("s.yaml:"), "{e}");
    }
}
