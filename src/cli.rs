//! The command line: arguments (clap), validated into options, and one call into the library
//! per command. Output goes through [`crate::render`]; nothing here formats a snapshot.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::exit;
use crate::normalize::{self, UpdateMode};
use crate::render::{self, DisplayOptions};
use crate::repo::{Repo, RepoError};
use crate::snapshot::Snapshot;
use crate::store::fs::{self as store, StoreError};

/// Track EU Justice and Home Affairs Council files through the Dutch government's reports.
#[derive(Debug, Parser)]
#[command(name = "jbz-track", version, about, max_term_width = 100)]
pub struct Cli {
    /// The repository of reports and snapshots.
    #[arg(
        long,
        global = true,
        env = "JBZ_REPO",
        default_value = ".",
        value_name = "DIR"
    )]
    pub repo: PathBuf,
    /// When to colour the output (NO_COLOR and CLICOLOR are honoured with `auto`).
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,
    /// Print nothing but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say which files were read and written.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When writing to a terminal that takes colour.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Output formats of the reading commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For machines; every document carries a `schema` version.
    Json,
    /// The snapshot file itself (show only).
    Yaml,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Turn reports into snapshots: reports/ → snapshots/<dossier>/<meeting>.yaml.
    ///
    /// Examples:
    ///   jbz-track normalize
    ///   jbz-track normalize reports/2023-10-19-jbz-raad-verslag.txt
    ///   jbz-track normalize --check     (writes nothing; exit 1 when snapshots are stale)
    #[command(verbatim_doc_comment)]
    Normalize {
        /// Reports to normalise (all in reports/ when none are named).
        #[arg(value_name = "REPORT")]
        reports: Vec<PathBuf>,
        /// Write nothing; exit 1 when a snapshot differs from what the reports give.
        /// The default where the CI variable is set.
        #[arg(long)]
        check: bool,
        /// Write even where CI is set.
        #[arg(long, conflicts_with = "check")]
        write: bool,
    },
    /// Print one snapshot: the latest meeting of a dossier, or the one named.
    ///
    /// Examples:
    ///   jbz-track show csam-verordening
    ///   jbz-track show asiel-migratiepact 2023-10
    ///   jbz-track show insolventierichtlijn 2023-10 --format json
    #[command(verbatim_doc_comment)]
    Show {
        /// The dossier id (see `jbz-track dossiers`).
        dossier: String,
        /// The meeting: `2023-10`, `2023-10-19`, or `2023-10.agenda` for the agenda.
        meeting: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the dossiers: the registry's, and every dossier that has snapshots, with the
    /// meetings each appears in.
    ///
    /// Examples:
    ///   jbz-track dossiers
    ///   jbz-track dossiers --format json
    #[command(verbatim_doc_comment)]
    Dossiers {
        /// Output format (text or json).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// Anything that stops a command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The repository as a whole.
    #[error(transparent)]
    Repo(#[from] RepoError),
    /// A snapshot file.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the output.
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
    /// No such dossier.
    #[error("no dossier '{id}' in {repo}{}", suggest(.near))]
    UnknownDossier {
        /// What was asked for.
        id: String,
        /// The repository.
        repo: String,
        /// Known ids close to it.
        near: Vec<String>,
    },
    /// No such meeting for the dossier.
    #[error("dossier '{dossier}' has no snapshot for meeting '{meeting}'; it has: {}", .known.join(", "))]
    UnknownMeeting {
        /// The dossier.
        dossier: String,
        /// What was asked for.
        meeting: String,
        /// What there is.
        known: Vec<String>,
    },
    /// A format that the command does not write.
    #[error("{command} does not write {format}; use {supported}")]
    Unsupported {
        /// The command.
        command: &'static str,
        /// The format asked for.
        format: &'static str,
        /// What it writes.
        supported: &'static str,
    },
}

fn suggest(near: &[String]) -> String {
    if near.is_empty() {
        "; `jbz-track dossiers` lists them".to_string()
    } else {
        format!("; did you mean {}?", near.join(" or "))
    }
}

impl CliError {
    /// A closed pipe (`jbz-track show … | head`) is not an error.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8, CliError> {
    let choice = match cli.color {
        Color::Auto => anstream::ColorChoice::Auto,
        Color::Always => anstream::ColorChoice::Always,
        Color::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    let display = DisplayOptions::detect(cli.quiet, cli.verbose);
    let repo = Repo::open(&cli.repo)?;
    let mut out = anstream::stdout().lock();
    match cli.command {
        Command::Normalize {
            reports,
            check,
            write,
        } => {
            let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
            let mode = if check || (in_ci && !write) {
                UpdateMode::Check
            } else {
                UpdateMode::Write
            };
            let outcome = normalize::normalize(&repo, &reports, mode)?;
            let mut err = anstream::stderr().lock();
            render::text::normalize_outcome(&mut out, &mut err, &outcome, mode, &display)?;
            let code = if !outcome.failures.is_empty() {
                exit::TROUBLE
            } else if mode == UpdateMode::Check && outcome.changed().next().is_some() {
                exit::DIFFERENCES
            } else {
                exit::OK
            };
            Ok(code)
        }
        Command::Show {
            dossier,
            meeting,
            format,
        } => {
            let (path, snapshot) = find_snapshot(&repo, &dossier, meeting.as_deref())?;
            match format {
                Format::Text => render::text::snapshot(&mut out, &snapshot, &display)?,
                Format::Json => render::json::snapshot(&mut out, &snapshot)?,
                Format::Yaml => {
                    let text = std::fs::read_to_string(repo.root.join(&path))?;
                    out.write_all(text.as_bytes())?;
                }
            }
            Ok(exit::OK)
        }
        Command::Dossiers { format } => {
            let registry = repo.registry()?;
            let snapshots = load_all(&repo)?;
            let list = render::DossierList::build(&registry, &snapshots);
            match format {
                Format::Text => render::text::dossiers(&mut out, &list, &display)?,
                Format::Json => render::json::dossiers(&mut out, &list)?,
                Format::Yaml => {
                    return Err(CliError::Unsupported {
                        command: "dossiers",
                        format: "yaml",
                        supported: "--format text or --format json",
                    })
                }
            }
            Ok(exit::OK)
        }
    }
}

/// Every snapshot in the working tree.
fn load_all(repo: &Repo) -> Result<Vec<Snapshot>, CliError> {
    store::list(&repo.root)?
        .iter()
        .map(|p| store::read(&repo.root.join(p)).map_err(|e| rel_error(e, repo)))
        .collect()
}

fn rel_error(e: StoreError, repo: &Repo) -> CliError {
    let strip = |p: PathBuf| {
        p.strip_prefix(&repo.root)
            .map(|r| r.to_path_buf())
            .unwrap_or(p)
    };
    CliError::Store(match e {
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
    })
}

/// The snapshot of `dossier` at `meeting` (the latest verslag, else agenda, when none is named).
fn find_snapshot(
    repo: &Repo,
    dossier: &str,
    meeting: Option<&str>,
) -> Result<(PathBuf, Snapshot), CliError> {
    let files: Vec<PathBuf> = store::list(&repo.root)?
        .into_iter()
        .filter(|p| {
            p.parent()
                .and_then(|d| d.file_name())
                .and_then(|d| d.to_str())
                == Some(dossier)
        })
        .collect();
    if files.is_empty() {
        let registry = repo.registry()?;
        let mut known: Vec<String> = registry.dossiers.iter().map(|d| d.id.clone()).collect();
        for p in store::list(&repo.root)? {
            if let Some(d) = p
                .parent()
                .and_then(|d| d.file_name())
                .and_then(|d| d.to_str())
            {
                if !known.iter().any(|k| k == d) {
                    known.push(d.to_string());
                }
            }
        }
        return Err(CliError::UnknownDossier {
            id: dossier.to_string(),
            repo: repo.root.display().to_string(),
            near: closest(dossier, &known),
        });
    }
    // Meeting names as the user types them: the file name without `.yaml`.
    let stems: Vec<(String, &PathBuf)> = files
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            Some((name.strip_suffix(".yaml")?.to_string(), p))
        })
        .collect();
    let chosen = match meeting {
        None => stems
            .iter()
            .filter(|(s, _)| !s.ends_with(".agenda"))
            .max_by(|a, b| a.0.cmp(&b.0))
            .or_else(|| stems.iter().max_by(|a, b| a.0.cmp(&b.0))),
        Some(m) => {
            let m = m.strip_suffix(".yaml").unwrap_or(m);
            stems.iter().find(|(s, _)| s == m).or_else(|| {
                // `2023-10-19` where the id is `2023-10`, or `2023-10` where ids carry days.
                let matches: Vec<_> = stems
                    .iter()
                    .filter(|(s, _)| {
                        !s.ends_with(".agenda") && (m.starts_with(s.as_str()) || s.starts_with(m))
                    })
                    .collect();
                (matches.len() == 1).then(|| matches[0])
            })
        }
    };
    let Some((_, path)) = chosen else {
        return Err(CliError::UnknownMeeting {
            dossier: dossier.to_string(),
            meeting: meeting.unwrap_or("").to_string(),
            known: stems.iter().map(|(s, _)| s.clone()).collect(),
        });
    };
    let snapshot = store::read(&repo.root.join(path)).map_err(|e| rel_error(e, repo))?;
    Ok(((*path).clone(), snapshot))
}

/// Known names within a small edit distance of `wanted`, closest first.
pub fn closest(wanted: &str, known: &[String]) -> Vec<String> {
    let mut scored: Vec<(usize, &String)> = known
        .iter()
        .map(|k| (edit_distance(wanted, k), k))
        .filter(|(d, k)| {
            *d <= 3.max(k.len() / 3) || k.contains(wanted) || wanted.contains(k.as_str())
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, k)| k.clone()).collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn close_ids_are_suggested() {
        let known = vec![
            "csam-verordening".to_string(),
            "insolventierichtlijn".to_string(),
        ];
        assert_eq!(closest("csam-verodening", &known), vec!["csam-verordening"]);
        assert_eq!(closest("csam", &known), vec!["csam-verordening"]);
        assert!(closest("zzz", &known).is_empty());
    }
}
