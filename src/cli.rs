//! The command line: arguments (clap), validated into options, and one call into the library
//! per command. Output goes through [`crate::render`]; nothing here formats a snapshot.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

use crate::diff;
use crate::exit;
use crate::normalize::{self, UpdateMode};
use crate::render::{self, DisplayOptions};
use crate::repo::{Repo, RepoError};
use crate::snapshot::Snapshot;
use crate::store::fs::{self as store, StoreError};
use crate::store::git::GitStore;
use crate::store::{Collection, MeetingKey};

/// The version, with the git revision when built from a checkout.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), env!("JBZ_GIT_SUFFIX"));

/// Track EU Justice and Home Affairs Council files through the Dutch government's reports.
#[derive(Debug, Parser)]
#[command(name = "jbz-track", version = VERSION, about, max_term_width = 100)]
pub struct Cli {
    /// The repository of reports and snapshots (default: the folder found from the current
    /// one upward that holds reports/ and snapshots/; JBZ_REPO is also read).
    #[arg(long, global = true, env = "JBZ_TRACK_REPO", value_name = "DIR")]
    pub repo: Option<PathBuf>,
    /// When to colour the output (NO_COLOR and CLICOLOR are honoured with `auto`).
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,
    /// Print nothing but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say which files were read and written.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Never page long output (otherwise $PAGER, or `less`, on a terminal).
    #[arg(
        long,
        global = true,
        env = "JBZ_NO_PAGER",
        value_parser = clap::builder::FalseyValueParser::new()
    )]
    pub no_pager: bool,
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

/// Output formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// For people.
    Text,
    /// For machines; every document carries a `schema` version.
    Json,
    /// The snapshot file itself.
    Yaml,
}

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For people.
    Text,
    /// For pull requests and mailing lists.
    Markdown,
    /// For machines; every document carries a `schema` version.
    Json,
}

/// Output formats of `dossiers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DossiersFormat {
    /// For people.
    Text,
    /// For machines; every document carries a `schema` version.
    Json,
}

/// Output formats of `timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// For people.
    Text,
    /// Whole statements, for pull requests and notes.
    Markdown,
    /// For machines.
    Json,
    /// The milestone drift as a picture.
    Svg,
    /// One self-contained page: the picture and the text timeline.
    Html,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// For people.
    Text,
    /// GitHub Actions annotations (`::error file=…,line=…::…`).
    Github,
    /// A summary for a pull-request comment.
    Markdown,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Copy new reports into reports/ under their canonical names, normalize, and show what
    /// they change.
    ///
    /// The same file twice changes nothing; a different file for a meeting that already has
    /// one is refused unless --replace is given.
    ///
    /// Examples:
    ///   jbz-track ingest ~/Downloads/verslag-jbz-raad-oktober.txt
    ///   jbz-track ingest --replace corrected-report.txt
    #[command(verbatim_doc_comment, display_order = 2)]
    Ingest {
        /// The report files.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Replace the report of the same meeting and kind if there is one.
        #[arg(long)]
        replace: bool,
    },
    /// Check the repository for CI: reports parse, snapshots are current, valid and well named.
    ///
    /// Exit 1 when anything is wrong. With --base, also show what the change does to the
    /// dossiers since that revision.
    ///
    /// Examples:
    ///   jbz-track check
    ///   jbz-track check --base origin/main --format markdown > summary.md
    ///   jbz-track check --format github
    #[command(verbatim_doc_comment, display_order = 5)]
    Check {
        /// Also show the dossier diff between this revision and the working tree.
        #[arg(long, value_name = "REV")]
        base: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Pass on a repository with no reports (otherwise that fails: a check that read
        /// nothing proves nothing).
        #[arg(long)]
        allow_empty: bool,
    },
    /// Turn reports into snapshots: reports/ → snapshots/<dossier>/<meeting>.yaml.
    ///
    /// Examples:
    ///   jbz-track normalize
    ///   jbz-track normalize reports/2023-10-19-jbz-raad-verslag.txt
    ///   jbz-track normalize --check     (writes nothing; exit 1 when snapshots are stale)
    #[command(verbatim_doc_comment, display_order = 1)]
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
        /// Write nothing; print every line of FILE with what it was read as (title, part,
        /// item, text, footnote, left out) and where it went, then its warnings: why an
        /// item was missed, in one look.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["check", "write", "reports"])]
        explain: Option<PathBuf>,
    },
    /// Print one snapshot: the latest meeting of a dossier, or the one named.
    ///
    /// Examples:
    ///   jbz-track show csam-verordening
    ///   jbz-track show asiel-migratiepact 2023-10
    ///   jbz-track show insolventierichtlijn 2023-10 --format json
    #[command(verbatim_doc_comment, display_order = 6)]
    Show {
        /// The dossier id (see `jbz-track dossiers`).
        #[arg(add = ArgValueCompleter::new(complete_dossier))]
        dossier: String,
        /// The meeting: `2023-10`, `2023-10-19`, or `2023-10.agenda` for the agenda.
        #[arg(add = ArgValueCompleter::new(complete_meeting))]
        meeting: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// Read the snapshots as they were at this git revision.
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
    },
    /// List the dossiers: the registry's, and every dossier that has snapshots, with the
    /// meetings each appears in.
    ///
    /// Examples:
    ///   jbz-track dossiers
    ///   jbz-track dossiers --format json
    #[command(verbatim_doc_comment, display_order = 7)]
    Dossiers {
        /// Output format.
        #[arg(long, value_enum, default_value_t = DossiersFormat::Text)]
        format: DossiersFormat,
        /// Read the snapshots as they were at this git revision.
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
    },
    /// Print a dossier's history across meetings: stage, the Netherlands' statements, what
    /// changed, and how its milestones drifted.
    ///
    /// Examples:
    ///   jbz-track timeline csam-verordening
    ///   jbz-track timeline implementatie-van-interoperabiliteit --format svg > ees.svg
    ///   jbz-track timeline csam-verordening asiel-migratiepact --format html > timeline.html
    ///   jbz-track timeline csam-verordening --git      (one entry per commit)
    #[command(verbatim_doc_comment, display_order = 4)]
    Timeline {
        /// The dossier ids (see `jbz-track dossiers`).
        #[arg(value_name = "DOSSIER", required = true, add = ArgValueCompleter::new(complete_dossier))]
        dossiers: Vec<String>,
        /// From this meeting on.
        #[arg(long, value_name = "MEETING", add = ArgValueCompleter::new(complete_meeting))]
        since: Option<String>,
        /// Up to this meeting.
        #[arg(long, value_name = "MEETING", add = ArgValueCompleter::new(complete_meeting))]
        until: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
        format: TimelineFormat,
        /// Build the timeline from the git history of the snapshot files: one entry per commit.
        #[arg(long, conflicts_with_all = ["rev", "since", "until"])]
        git: bool,
        /// Read the snapshots as they were at this git revision.
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
    },
    /// Start a repository of reports: reports/, snapshots/, a commented dossiers.yaml, a
    /// .gitignore and the GitHub workflows.
    ///
    /// Nothing is overwritten; an existing .gitignore gains the lines it lacks. One workflow
    /// checks pull requests; the other fetches new reports on a schedule, proposes them as a
    /// pull request and publishes the site (see the README, "Using it in CI").
    ///
    /// Examples:
    ///   jbz-track init my-reports
    ///   cd my-reports && jbz-track ingest ~/Downloads/verslag.txt
    #[command(verbatim_doc_comment, display_order = 8)]
    Init {
        /// The folder (created if needed; default: --repo, else the current folder).
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Fetch new agendas and verslagen of dossier 32317 from the Tweede Kamer's open data
    /// into reports/, under the names ingest gives them.
    ///
    /// Documents already fetched (reports/.fetched.tsv) or already there (same checksum) are
    /// not stored again. Run `jbz-track normalize` afterwards. Exit 2 when the API cannot be
    /// reached or a document fails.
    ///
    /// Examples:
    ///   jbz-track fetch
    ///   jbz-track fetch --since 2024-01-01 --dry-run
    #[command(verbatim_doc_comment)]
    Fetch {
        /// Only documents dated on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<chrono::NaiveDate>,
        /// List what would be fetched; download and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The OData v4 root of the Gegevensmagazijn.
        #[arg(long, env = "JBZ_FETCH_API", value_name = "URL", default_value = crate::fetch::DEFAULT_API)]
        api: String,
        /// The time limit of one request, in seconds.
        #[arg(
            long,
            env = "JBZ_FETCH_TIMEOUT",
            value_name = "SECS",
            default_value_t = 30.0
        )]
        timeout: f64,
        /// How many times a failed request is tried again (waiting 0.5 s, 1 s, 2 s, …).
        #[arg(long, value_name = "N", default_value_t = 3)]
        retries: u32,
    },
    /// Build a static web site from the snapshots: an index of dossiers, a page per dossier
    /// and Atom feeds (one per dossier, one for all).
    ///
    /// Unchanged snapshots give byte-identical files; files already right are not written.
    ///
    /// Examples:
    ///   jbz-track site public/
    ///   jbz-track site public/ --base-url https://example.github.io/verslagen/
    #[command(verbatim_doc_comment)]
    Site {
        /// The folder to write the site into (created if needed).
        #[arg(value_name = "OUT")]
        out: PathBuf,
        /// The address the site is published at; the feeds then carry absolute links.
        #[arg(long, env = "JBZ_SITE_URL", value_name = "URL")]
        base_url: Option<String>,
    },
    /// Print shell completions.
    ///
    /// Examples:
    ///   mkdir -p ~/.local/share/bash-completion/completions
    ///   jbz-track completions bash > ~/.local/share/bash-completion/completions/jbz-track
    ///   mkdir -p ~/.zfunc       (and add `fpath+=~/.zfunc` to ~/.zshrc, before compinit)
    ///   jbz-track completions zsh > ~/.zfunc/_jbz-track
    ///   mkdir -p ~/.config/fish/completions
    ///   jbz-track completions fish > ~/.config/fish/completions/jbz-track.fish
    #[command(verbatim_doc_comment, display_order = 9)]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write a page per command into a folder.
    ///
    /// Examples:
    ///   mkdir -p ~/.local/share/man/man1
    ///   jbz-track man > ~/.local/share/man/man1/jbz-track.1
    ///   jbz-track man --dir ~/.local/share/man/man1      (also jbz-track-diff.1 and the others)
    #[command(verbatim_doc_comment, display_order = 10)]
    Man {
        /// Write jbz-track.1 and a page per command (jbz-track-diff.1, …) into this folder.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// A git external diff driver: `git diff` and `git log -p` on snapshot files print this
    /// tool's diff (set up with `snapshots/**/*.yaml diff=jbz` in .gitattributes and
    /// `git config diff.jbz.command "jbz-track git-diff-driver"`).
    #[command(hide = true)]
    GitDiffDriver {
        /// What git passes: path old-file old-hex old-mode new-file new-hex new-mode [...].
        #[arg(num_args = 1.., value_name = "ARG")]
        args: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the snapshot files, for editors that validate YAML.
    ///
    /// Examples:
    ///   jbz-track schema > snapshot.schema.json
    ///   jbz-track schema | head -5
    #[command(verbatim_doc_comment, display_order = 11)]
    Schema,
    /// Show what changed between two meetings, per dossier: stage, timeline, statements.
    ///
    /// With no meeting, the last two meetings; with one, that meeting and the one before.
    /// With --git, A and B are git revisions (B defaults to the working tree).
    ///
    /// Examples:
    ///   jbz-track diff
    ///   jbz-track diff 2023-10 2023-12 --dossier csam-verordening
    ///   jbz-track diff 2023-12.agenda 2023-12     (what was planned against what happened)
    ///   jbz-track diff --git origin/main HEAD --format markdown
    #[command(verbatim_doc_comment, display_order = 3)]
    Diff {
        /// The old meeting (or revision with --git; `A..B` names both).
        #[arg(value_name = "A", add = ArgValueCompleter::new(complete_meeting))]
        old: Option<String>,
        /// The new meeting (or revision with --git).
        #[arg(value_name = "B", add = ArgValueCompleter::new(complete_meeting))]
        new: Option<String>,
        /// Only these dossiers (repeatable).
        #[arg(long = "dossier", value_name = "ID", add = ArgValueCompleter::new(complete_dossier))]
        dossiers: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// A and B are git revisions: compare the snapshots committed there.
        #[arg(long, conflicts_with = "rev")]
        git: bool,
        /// Read the snapshots as they were at this git revision.
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
        /// Exit 1 when anything changed, like `git diff --exit-code`.
        #[arg(long)]
        exit_code: bool,
    },
}

/// Anything that stops a command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The repository as a whole.
    #[error(transparent)]
    Repo(#[from] RepoError),
    /// `init` could not make the repository.
    #[error(transparent)]
    Init(#[from] crate::init::InitError),
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
    /// A meeting name that names no meeting.
    #[error(transparent)]
    Meeting(#[from] crate::store::MeetingError),
    /// Git history could not be read.
    #[error(transparent)]
    Git(#[from] crate::store::git::GitError),
    /// Too few meetings to compare.
    #[error("{0}")]
    Usage(String),
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
    match &cli.command {
        Command::Completions { shell } => {
            std::io::stdout().write_all(&completion_script(*shell)?)?;
            return Ok(exit::OK);
        }
        Command::Man { dir } => {
            let cmd = <Cli as clap::CommandFactory>::command();
            match dir {
                None => {
                    let mut buf = Vec::new();
                    clap_mangen::Man::new(cmd).render(&mut buf)?;
                    std::io::stdout().write_all(&buf)?;
                }
                Some(dir) => {
                    std::fs::create_dir_all(dir)?;
                    clap_mangen::generate_to(cmd, dir)?;
                    if !display.quiet {
                        // Not `println!`, which panics on a closed pipe.
                        writeln!(
                            std::io::stdout(),
                            "wrote the manual pages to {}",
                            dir.display()
                        )?;
                    }
                }
            }
            return Ok(exit::OK);
        }
        Command::Init { dir } => {
            let dir = dir
                .clone()
                .or_else(|| named_repo(&cli))
                .unwrap_or_else(|| PathBuf::from("."));
            let done = crate::init::init(&dir)?;
            if !display.quiet {
                let mut out = anstream::stdout().lock();
                if !done.gitignore_added.is_empty() {
                    writeln!(
                        out,
                        "{:>10}  {} (added {})",
                        "updated",
                        dir.join(".gitignore").display(),
                        done.gitignore_added.join(", ")
                    )?;
                }
                if !done.created.is_empty() || done.gitignore_added.is_empty() {
                    render::text::init(&mut out, &dir, &done.created)?;
                }
                if done
                    .created
                    .iter()
                    .any(|p| p.starts_with(".github/workflows"))
                {
                    writeln!(
                        out,
                        "\nThe workflows in .github/workflows install jbz-track from the repository \
                         variable JBZ_TRACK_GIT (its git URL); fetch.yml also reads the secret \
                         JBZ_TRACK_TOKEN and the variable JBZ_SITE_URL. See the README, \
                         \"Using it in CI\"."
                    )?;
                }
            }
            return Ok(exit::OK);
        }
        _ => {}
    }
    let repo = match &cli.command {
        // These read no repository: a git diff driver is handed its files by git.
        Command::Schema | Command::GitDiffDriver { .. } => Repo {
            root: PathBuf::from("."),
        },
        _ => find_repo(&cli)?,
    };
    let pages = !cli.no_pager
        && matches!(
            cli.command,
            Command::Show { .. }
                | Command::Diff { .. }
                | Command::Timeline { .. }
                | Command::Dossiers { .. }
        );
    // -q means the same everywhere: nothing but errors (and the exit code). What the reading
    // commands print is their output, not an error, so it goes; check's findings are errors
    // and stay.
    let silenced = display.quiet
        && matches!(
            cli.command,
            Command::Show { .. }
                | Command::Diff { .. }
                | Command::Timeline { .. }
                | Command::Dossiers { .. }
                | Command::Normalize {
                    explain: Some(_),
                    ..
                }
        );
    let mut out = if silenced {
        crate::pager::Output::discard()
    } else {
        crate::pager::Output::new(pages, display.color)
    };
    let result = dispatch(cli.command, &repo, display, &mut out);
    out.finish()?;
    result
}

/// The repository named by `--repo`, `JBZ_TRACK_REPO` or (the older name) `JBZ_REPO`.
fn named_repo(cli: &Cli) -> Option<PathBuf> {
    cli.repo.clone().or_else(|| {
        std::env::var_os("JBZ_REPO")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// The repository a command works on: the one named, else the one that holds the current
/// folder (as git and cargo find theirs).
fn find_repo(cli: &Cli) -> Result<Repo, CliError> {
    Ok(match named_repo(cli) {
        Some(dir) => Repo::open(&dir)?,
        None => {
            let cwd = std::env::current_dir()
                .map_err(|e| CliError::Usage(format!("cannot read the current folder: {e}")))?;
            Repo::discover(&cwd)?
        }
    })
}

/// A file named on the command line, as the user meant it: relative to the current folder
/// (not to the repository root, which may be a parent of it).
fn from_cwd(path: &std::path::Path) -> PathBuf {
    if path.is_absolute() || !path.exists() {
        return path.to_path_buf();
    }
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Answer the shell when it asks for completions (`COMPLETE=bash jbz-track -- jbz-track sh…`):
/// prints the candidates and exits. Does nothing otherwise; `main` calls it before parsing.
pub fn complete_from_env() {
    clap_complete::CompleteEnv::with_factory(completion_command)
        .bin("jbz-track")
        .completer("jbz-track")
        .complete();
}

/// The script that `completions SHELL` prints: it has the shell ask `jbz-track` itself for
/// candidates (clap_complete's dynamic engine), which completes every subcommand's options
/// and the dossier and meeting ids of the repository at hand.
///
/// Not clap_complete's static scripts: their bash one completes no subcommand option for a
/// binary with a hyphen in its name (clap issues 6421, 6529), and none can know the ids.
fn completion_script(shell: clap_complete::Shell) -> Result<Vec<u8>, CliError> {
    let shells = clap_complete::env::Shells::builtins();
    let Some(completer) = shells.completer(&shell.to_string()) else {
        return Err(CliError::Usage(format!("no completions for {shell}")));
    };
    let mut buf = Vec::new();
    completer.write_registration("COMPLETE", "jbz-track", "jbz-track", "jbz-track", &mut buf)?;
    Ok(buf)
}

/// The repository that completions read: `--repo` where the line being completed names it,
/// else as a command would find it.
fn completion_repo() -> Option<Repo> {
    let args: Vec<String> = std::env::args().collect();
    let named = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--repo=")
            .map(str::to_string)
            .or_else(|| (a == "--repo").then(|| args.get(i + 1).cloned()).flatten())
    });
    let named = named.map(PathBuf::from).or_else(|| {
        ["JBZ_TRACK_REPO", "JBZ_REPO"]
            .iter()
            .find_map(|v| std::env::var_os(v).filter(|v| !v.is_empty()))
            .map(PathBuf::from)
    });
    match named {
        Some(dir) => Repo::open(&dir).ok(),
        None => Repo::discover(&std::env::current_dir().ok()?).ok(),
    }
}

/// Dossier ids for the shell: the registry's (with their titles) and those with snapshots,
/// starting with what was typed; where none does, the dossiers one of whose other names
/// (`chat-control`, `ammr`) starts so.
fn complete_dossier(current: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    let Some(repo) = completion_repo() else {
        return Vec::new();
    };
    let typed = current.to_string_lossy();
    let registry = repo
        .registry()
        .unwrap_or_else(|_| crate::dossier::Registry::builtin());
    let mut ids: Vec<(String, Option<String>)> = registry
        .dossiers
        .iter()
        .map(|d| (d.id.clone(), Some(d.title.clone())))
        .collect();
    if let Ok(list) = listing(&repo, None) {
        for d in list.dossiers {
            if !ids.iter().any(|(id, _)| *id == d) {
                ids.push((d, None));
            }
        }
    }
    let candidate =
        |id: &str, help: Option<String>| CompletionCandidate::new(id).help(help.map(Into::into));
    let by_id: Vec<CompletionCandidate> = ids
        .iter()
        .filter(|(id, _)| id.starts_with(typed.as_ref()))
        .map(|(id, title)| candidate(id, title.clone()))
        .collect();
    if !by_id.is_empty() || typed.is_empty() {
        return by_id;
    }
    let wanted = crate::dossier::slug(&typed);
    registry
        .dossiers
        .iter()
        .filter_map(|d| {
            d.aliases
                .iter()
                .chain(&d.keywords)
                .find(|a| crate::dossier::slug(a).starts_with(&wanted))
                .map(|a| candidate(&d.id, Some(format!("goes by '{a}'"))))
        })
        .collect()
}

/// Meeting ids for the shell (`2023-10`, `2023-12.agenda`), from the snapshot paths.
fn complete_meeting(current: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    let Some(repo) = completion_repo() else {
        return Vec::new();
    };
    let typed = current.to_string_lossy();
    let Ok(list) = listing(&repo, None) else {
        return Vec::new();
    };
    list.meetings
        .iter()
        .map(ToString::to_string)
        .filter(|m| m.starts_with(typed.as_ref()))
        .map(CompletionCandidate::new)
        .collect()
}

/// The command line as completions offer it: without the hidden subcommands (the
/// git diff driver), which `--help` and the manual pages leave out but clap_complete would
/// offer. clap cannot remove a subcommand, so the root is put together again from the same
/// parts: its name, version, about text, arguments and visible subcommands.
fn completion_command() -> clap::Command {
    let full = <Cli as clap::CommandFactory>::command();
    let mut cmd = clap::Command::new("jbz-track")
        .version(env!("CARGO_PKG_VERSION"))
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|c| !c.is_hide_set()).cloned());
    if let Some(about) = full.get_about() {
        cmd = cmd.about(about.clone());
    }
    cmd
}

/// Run one command that works on a repository, writing to `out`.
fn dispatch(
    command: Command,
    repo: &Repo,
    display: DisplayOptions,
    out: &mut crate::pager::Output,
) -> Result<u8, CliError> {
    let repo = repo.clone();
    let mut out = out;
    match command {
        Command::Normalize {
            explain: Some(file),
            ..
        } => {
            // A path the repository holds is read there (`--repo DIR … --explain reports/x`);
            // any other is relative to the current folder.
            let path = if file.is_relative() && repo.root.join(&file).is_file() {
                file.clone()
            } else {
                from_cwd(&file)
            };
            let (text, report) = match normalize::explain(&repo, &path) {
                Ok(found) => found,
                Err(f) => {
                    writeln!(anstream::stderr(), "error: {f}")?;
                    return Ok(exit::TROUBLE);
                }
            };
            let shown = crate::repo::display_path(&file);
            let warnings: Vec<normalize::Failure> = report
                .warnings
                .iter()
                .map(|w| normalize::Failure {
                    path: file.clone(),
                    line: Some(w.line),
                    message: w.message.clone(),
                })
                .collect();
            // The rules run here; a bug they hit on this report is named, not a backtrace.
            let rendered = crate::guard::guarded(|| {
                let mut buf = Vec::new();
                render::text::explain(&mut buf, &shown, &text, &report, &warnings).map(|()| buf)
            });
            match rendered {
                Ok(buf) => out.write_all(&buf?)?,
                Err(e) => {
                    writeln!(
                        anstream::stderr(),
                        "error: {shown}: {}",
                        crate::guard::bug_on_report(&e, "")
                    )?;
                    return Ok(exit::TROUBLE);
                }
            }
            Ok(if warnings.is_empty() {
                exit::OK
            } else {
                exit::DIFFERENCES
            })
        }
        Command::Normalize {
            reports,
            check,
            write,
            explain: None,
        } => {
            let mode = if check {
                UpdateMode::Check
            } else if write {
                UpdateMode::Write
            } else {
                UpdateMode::default_here()
            };
            let reports: Vec<PathBuf> = reports.iter().map(|p| from_cwd(p)).collect();
            let outcome = normalize::normalize(&repo, &reports, mode)?;
            let mut err = anstream::stderr().lock();
            render::text::normalize_outcome(&mut out, &mut err, &outcome, mode, &display)?;
            // A report read with a warning (an item heading that may have lost its number) may
            // miss an item: its snapshots are written, but the run is not clean.
            let code = if !outcome.failures.is_empty() {
                exit::TROUBLE
            } else if !outcome.warnings.is_empty()
                || mode == UpdateMode::Check && outcome.changed().next().is_some()
            {
                exit::DIFFERENCES
            } else {
                exit::OK
            };
            Ok(code)
        }
        Command::Timeline {
            dossiers,
            since,
            until,
            format,
            git,
            rev,
        } => {
            let timelines = build_timelines(
                &repo,
                &dossiers,
                since,
                until,
                git,
                rev.as_deref(),
                display.verbose,
            )?;
            let text = |display: &DisplayOptions| -> Result<String, CliError> {
                let mut buf = Vec::new();
                for (i, t) in timelines.iter().enumerate() {
                    if i > 0 {
                        writeln!(buf)?;
                    }
                    render::text::timeline(&mut buf, t, display)?;
                }
                Ok(String::from_utf8_lossy(&buf).into_owned())
            };
            match format {
                TimelineFormat::Text => out.write_all(text(&display)?.as_bytes())?,
                TimelineFormat::Markdown => {
                    for (i, t) in timelines.iter().enumerate() {
                        if i > 0 {
                            writeln!(out)?;
                        }
                        render::markdown::timeline(&mut out, t)?;
                    }
                }
                TimelineFormat::Json => render::json::timelines(&mut out, &timelines)?,
                TimelineFormat::Svg => render::svg::timelines(&mut out, &timelines)?,
                TimelineFormat::Html => {
                    let plain = DisplayOptions {
                        color: false,
                        ..display
                    };
                    // The page carries no escape codes whatever the terminal.
                    anstream::ColorChoice::Never.write_global();
                    let t = text(&plain)?;
                    render::html::timelines(&mut out, &timelines, &t)?
                }
            }
            Ok(exit::OK)
        }
        Command::Fetch {
            since,
            dry_run,
            api,
            timeout,
            retries,
        } => {
            let options = crate::fetch::FetchOptions {
                api,
                since,
                dry_run,
                timeout: std::time::Duration::from_secs_f64(timeout.max(0.001)),
                retries,
                ..crate::fetch::FetchOptions::default()
            };
            let outcome = match crate::fetch::fetch(&repo, &options) {
                Ok(o) => o,
                Err(e) => {
                    writeln!(anstream::stderr(), "error: {e}")?;
                    return Ok(exit::TROUBLE);
                }
            };
            for d in &outcome.documents {
                let quiet_kind = matches!(
                    d,
                    crate::fetch::Fetched::Known { .. } | crate::fetch::Fetched::Skipped { .. }
                );
                if matches!(d, crate::fetch::Fetched::Failed { .. }) {
                    writeln!(anstream::stderr(), "{d}")?;
                } else if !display.quiet && (!quiet_kind || display.verbose) {
                    writeln!(out, "{d}")?;
                }
            }
            if !display.quiet {
                writeln!(out, "{}", outcome.summary(dry_run))?;
                if outcome.added().next().is_some() {
                    writeln!(out, "\nNext: jbz-track normalize")?;
                }
            }
            Ok(if outcome.failed() {
                exit::TROUBLE
            } else {
                exit::OK
            })
        }
        Command::Site { out: dir, base_url } => {
            let options = crate::site::SiteOptions {
                out: dir.clone(),
                base_url,
            };
            let outcome = match crate::site::build(&repo, &options) {
                Ok(o) => o,
                Err(e) => {
                    writeln!(anstream::stderr(), "error: {e}")?;
                    return Ok(exit::TROUBLE);
                }
            };
            if !display.quiet {
                if display.verbose {
                    for p in &outcome.written {
                        writeln!(out, "{:>10}  {}", "wrote", dir.join(p).display())?;
                    }
                }
                for p in &outcome.removed {
                    writeln!(out, "{:>10}  {}", "removed", dir.join(p).display())?;
                }
                writeln!(
                    out,
                    "site in {}: {} pages, {} feeds; {} files written, {} unchanged",
                    dir.display(),
                    outcome.pages,
                    outcome.feeds,
                    outcome.written.len(),
                    outcome.unchanged.len()
                )?;
            }
            Ok(exit::OK)
        }
        Command::GitDiffDriver { args } => {
            git_diff_driver(&args, &mut out, &display)?;
            Ok(exit::OK)
        }
        // Handled in `run`, before a repository is opened.
        Command::Init { .. } | Command::Completions { .. } | Command::Man { .. } => Ok(exit::OK),
        Command::Schema => {
            out.write_all(crate::snapshot::json_schema().as_bytes())?;
            Ok(exit::OK)
        }
        Command::Ingest { files, replace } => ingest(&repo, &files, replace, &mut out, &display),
        Command::Check {
            base,
            format,
            allow_empty,
        } => {
            let mut findings = crate::check::check(&repo)?;
            if findings.reports == 0 && !allow_empty {
                findings.findings.push(crate::check::Finding {
                    path: PathBuf::from(crate::repo::REPORTS_DIR),
                    line: None,
                    problem: crate::check::Problem::Report,
                    message: "no reports to check; add a report with `jbz-track ingest`, or \
                              pass --allow-empty where an empty repository is right"
                        .to_string(),
                });
            }
            let changes = match &base {
                Some(rev) => Some(crate::history::revisions(&repo.root, rev, None, &[])?),
                None => None,
            };
            match format {
                CheckFormat::Text => {
                    render::text::findings(&mut out, &findings, &display)?;
                    if let Some(c) = &changes {
                        writeln!(out)?;
                        render::text::comparison(&mut out, c, &display)?;
                    }
                }
                CheckFormat::Github => render::github::findings(&mut out, &findings)?,
                CheckFormat::Markdown => {
                    render::markdown::findings(&mut out, &findings, changes.as_ref())?
                }
            }
            Ok(if findings.passed() {
                exit::OK
            } else {
                exit::DIFFERENCES
            })
        }
        Command::Show {
            dossier,
            meeting,
            format,
            rev,
        } => {
            let snapshots = load_where(&repo, rev.as_deref(), |d, _| d == dossier)?;
            if snapshots.dossier(&dossier).is_none() {
                let known = listing(&repo, rev.as_deref())?;
                return Err(unknown_dossier(
                    &repo,
                    known.dossiers.iter().map(String::as_str),
                    &dossier,
                ));
            }
            let entry = find_snapshot(&repo, &snapshots, &dossier, meeting.as_deref())?;
            if display.verbose {
                render::text::read_files(&mut anstream::stderr(), [&entry.path], rev.as_deref())?;
            }
            match format {
                ShowFormat::Text => render::text::snapshot(&mut out, &entry.snapshot, &display)?,
                ShowFormat::Json => render::json::snapshot(&mut out, &entry.snapshot)?,
                ShowFormat::Yaml => {
                    let text = store::render(&entry.snapshot).map_err(|e| {
                        CliError::Usage(format!("cannot print the snapshot as YAML: {e}"))
                    })?;
                    out.write_all(text.as_bytes())?;
                }
            }
            Ok(exit::OK)
        }
        Command::Dossiers { format, rev } => {
            let registry = repo.registry()?;
            let snapshots = load(&repo, rev.as_deref())?;
            if display.verbose {
                let paths = snapshots.entries().map(|e| &e.path);
                render::text::read_files(&mut anstream::stderr(), paths, rev.as_deref())?;
            }
            let all: Vec<Snapshot> = snapshots.entries().map(|e| e.snapshot.clone()).collect();
            let list = render::DossierList::build(&registry, &all);
            match format {
                DossiersFormat::Text => render::text::dossiers(&mut out, &list, &display)?,
                DossiersFormat::Json => render::json::dossiers(&mut out, &list)?,
            }
            Ok(exit::OK)
        }
        Command::Diff {
            old,
            new,
            dossiers,
            format,
            git,
            rev,
            exit_code,
        } => {
            let comparison = if git {
                let (a, b) = revision_pair(old.as_deref(), new.as_deref());
                // The dossiers there are matter only to check the ones asked for.
                if !dossiers.is_empty() {
                    let known = crate::history::dossiers(&repo.root, &a, b.as_deref())?;
                    let known: Vec<&str> = known.iter().map(String::as_str).collect();
                    check_dossiers(&repo, &known, &dossiers)?;
                }
                crate::history::revisions(&repo.root, &a, b.as_deref(), &dossiers)?
            } else {
                let list = listing(&repo, rev.as_deref())?;
                let known: Vec<&str> = list.dossiers.iter().map(String::as_str).collect();
                check_dossiers(&repo, &known, &dossiers)?;
                let (a, b) = meeting_pair(&list.meetings, old.as_deref(), new.as_deref())?;
                // Read the two meetings only, not the whole repository.
                let snapshots = load_listed(&repo, rev.as_deref(), &list, |d, k| {
                    (*k == a || *k == b) && (dossiers.is_empty() || dossiers.iter().any(|x| x == d))
                })?;
                if display.verbose {
                    let paths = snapshots.entries().map(|e| &e.path);
                    render::text::read_files(&mut anstream::stderr(), paths, rev.as_deref())?;
                }
                diff::meetings((&snapshots, &a), (&snapshots, &b), &dossiers)
            };
            match format {
                DiffFormat::Text => render::text::comparison(&mut out, &comparison, &display)?,
                DiffFormat::Markdown => render::markdown::comparison(&mut out, &comparison)?,
                DiffFormat::Json => render::json::comparison(&mut out, &comparison)?,
            }
            // Like `git diff --quiet`: with nothing printed, the exit code says it.
            Ok(if (exit_code || display.quiet) && !comparison.is_empty() {
                exit::DIFFERENCES
            } else {
                exit::OK
            })
        }
    }
}

/// `ingest`: copy, normalise, then show each new meeting against the one before it.
fn ingest(
    repo: &Repo,
    files: &[PathBuf],
    replace: bool,
    out: &mut impl Write,
    display: &DisplayOptions,
) -> Result<u8, CliError> {
    let mut err = anstream::stderr().lock();
    let mut failed = false;
    let mut new_reports = Vec::new();
    // A replaced report is shown against what it replaced (a one-word correction shows that
    // word), so the snapshots as they were are read first.
    let before = if replace {
        Some(Collection::from_worktree(&repo.root)?)
    } else {
        None
    };
    let mut replaced = Vec::new();
    for file in files {
        match crate::ingest::ingest(repo, file, replace) {
            Ok(done) => {
                if !display.quiet {
                    render::text::ingested(out, &done, file)?;
                }
                if matches!(done, crate::ingest::Ingested::Replaced { .. }) {
                    replaced.push(done.path().to_path_buf());
                }
                if !matches!(done, crate::ingest::Ingested::AlreadyThere { .. }) {
                    new_reports.push(done.path().to_path_buf());
                }
            }
            Err(f) => {
                failed = true;
                writeln!(err, "error: {f}")?;
            }
        }
    }
    if !new_reports.is_empty() {
        let outcome = normalize::normalize(repo, &[], UpdateMode::Write)?;
        render::text::normalize_outcome(out, &mut err, &outcome, UpdateMode::Write, display)?;
        failed |= !outcome.failures.is_empty();
        let snapshots = Collection::from_worktree(&repo.root)?;
        let known = snapshots.meetings();
        for path in &new_reports {
            let shown = crate::repo::display_path(path);
            let Some(key) = snapshots
                .entries()
                .find(|e| e.snapshot.source.path == shown)
                .map(|e| MeetingKey {
                    id: e.snapshot.meeting.id.clone(),
                    kind: e.snapshot.source.kind,
                })
            else {
                continue;
            };
            if display.quiet {
                continue;
            }
            writeln!(out)?;
            if let Some(old) = before.as_ref().filter(|_| replaced.contains(path)) {
                let c = diff::meetings((old, &key), (&snapshots, &key), &[]);
                render::text::comparison(out, &c, display)?;
                continue;
            }
            let before = known
                .iter()
                .filter(|k| k.kind == key.kind && **k < key)
                .max();
            match before {
                Some(prev) => {
                    let c = diff::meetings((&snapshots, prev), (&snapshots, &key), &[]);
                    render::text::comparison(out, &c, display)?;
                }
                None => writeln!(
                    out,
                    "{key} is the first {} in the repository; there is nothing to compare it with",
                    key.kind.as_str()
                )?,
            }
        }
    }
    Ok(if failed { exit::TROUBLE } else { exit::OK })
}

/// The timelines `timeline` prints, in the order the dossiers were named.
fn build_timelines(
    repo: &Repo,
    dossiers: &[String],
    since: Option<String>,
    until: Option<String>,
    git: bool,
    rev: Option<&str>,
    verbose: bool,
) -> Result<Vec<crate::timeline::Timeline>, CliError> {
    let mut out = Vec::new();
    if git {
        let store = GitStore::open(&repo.root)?;
        if store.is_shallow() {
            eprintln!(
                "jbz-track: warning: this is a shallow clone, so the timeline starts at its \
                 oldest fetched commit; run `git fetch --unshallow` for the whole history"
            );
        }
        for id in dossiers {
            let mut progress = Progress::new();
            let t = crate::timeline::from_git(&store, id, &mut |n| progress.show(n))?;
            progress.clear();
            match t {
                Some(t) => out.push(t),
                None => {
                    let known = listing(repo, None).map(|l| l.dossiers).unwrap_or_default();
                    return Err(unknown_dossier(repo, known.iter().map(String::as_str), id));
                }
            }
        }
        return Ok(out);
    }
    let list = listing(repo, rev)?;
    let snapshots = load_listed(repo, rev, &list, |d, _| dossiers.iter().any(|x| x == d))?;
    if verbose {
        let paths = snapshots.entries().map(|e| &e.path);
        render::text::read_files(&mut anstream::stderr(), paths, rev)?;
    }
    let known = list.meetings;
    let range = crate::timeline::Range {
        since: since
            .map(|m| crate::store::resolve_meeting(&m, &known))
            .transpose()?,
        until: until
            .map(|m| crate::store::resolve_meeting(&m, &known))
            .transpose()?,
    };
    for id in dossiers {
        match crate::timeline::from_collection(&snapshots, id, &range) {
            Some(t) => out.push(t),
            None => {
                return Err(unknown_dossier(
                    repo,
                    list.dossiers.iter().map(String::as_str),
                    id,
                ))
            }
        }
    }
    Ok(out)
}

/// "reading history… 300 commits" on a terminal's stderr while a long walk runs; nothing when
/// stderr is not a terminal.
struct Progress {
    shown: bool,
    terminal: bool,
}

impl Progress {
    fn new() -> Self {
        use std::io::IsTerminal;
        Progress {
            shown: false,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn show(&mut self, commits: usize) {
        if self.terminal {
            eprint!("\rreading history… {commits} commits");
            self.shown = true;
        }
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[2K");
            self.shown = false;
        }
    }
}

/// Print the semantic diff of one snapshot file for git (`diff.jbz.command`). A file that is
/// not a valid snapshot falls back to a plain line diff, so `git diff` never fails on it.
fn git_diff_driver(
    args: &[PathBuf],
    out: &mut impl Write,
    display: &DisplayOptions,
) -> Result<(), CliError> {
    let (Some(path), Some(old_file), Some(new_file)) = (args.first(), args.get(1), args.get(4))
    else {
        return Err(CliError::Usage(
            "git-diff-driver is run by git with 7 arguments: path old-file old-hex old-mode \
             new-file new-hex new-mode"
                .to_string(),
        ));
    };
    let read = |p: &PathBuf| -> Option<String> {
        if p.as_os_str() == "/dev/null" {
            None
        } else {
            std::fs::read_to_string(p).ok()
        }
    };
    let (old_text, new_text) = (read(old_file), read(new_file));
    let parse = |t: &Option<String>| t.as_ref().map(|t| store::parse(path, t));
    let (old, new) = (parse(&old_text), parse(&new_text));
    if matches!(old, Some(Err(_))) || matches!(new, Some(Err(_))) {
        let a = old_text.unwrap_or_default();
        let b = new_text.unwrap_or_default();
        let shown = path.display().to_string();
        let udiff = similar::TextDiff::from_lines(&a, &b);
        write!(
            out,
            "{}",
            udiff
                .unified_diff()
                .header(&format!("a/{shown}"), &format!("b/{shown}"))
        )?;
        return Ok(());
    }
    let side = |s: &Snapshot, label: &str| diff::Side {
        meeting: MeetingKey {
            id: s.meeting.id.clone(),
            kind: s.source.kind,
        }
        .to_string(),
        file: label.to_string(),
    };
    let old = old.and_then(Result::ok);
    let new = new.and_then(Result::ok);
    let shown = path.display().to_string();
    let d = diff::snapshots(
        old.as_ref().map(|s| (s, side(s, &format!("a/{shown}")))),
        new.as_ref().map(|s| (s, side(s, &format!("b/{shown}")))),
    );
    writeln!(out, "jbz-track diff {shown}")?;
    match d {
        Some(d) if !d.is_empty() => render::text::dossier_diff(out, &d, display)?,
        _ => writeln!(
            out,
            "  no change in content (only formatting or the source hash)"
        )?,
    }
    Ok(())
}

/// The snapshots of the working tree, or of a git revision.
fn load(repo: &Repo, rev: Option<&str>) -> Result<Collection, CliError> {
    load_where(repo, rev, |_, _| true)
}

/// The snapshots `keep(dossier, meeting)` wants, judged by path before reading any file.
fn load_where(
    repo: &Repo,
    rev: Option<&str>,
    keep: impl Fn(&str, &MeetingKey) -> bool,
) -> Result<Collection, CliError> {
    Ok(match rev {
        Some(rev) => GitStore::open(&repo.root)?.collection_where(rev, keep)?,
        None => Collection::from_worktree_where(&repo.root, keep)?,
    })
}

/// [`load_where`] for a repository already listed: the working tree is not listed again.
fn load_listed(
    repo: &Repo,
    rev: Option<&str>,
    list: &Listing,
    keep: impl Fn(&str, &MeetingKey) -> bool,
) -> Result<Collection, CliError> {
    Ok(match rev {
        Some(_) => load_where(repo, rev, keep)?,
        None => Collection::from_listed_where(&repo.root, &list.paths, keep)?,
    })
}

/// The dossiers and meetings there are, from the snapshot paths alone (nothing is parsed).
struct Listing {
    dossiers: Vec<String>,
    meetings: Vec<MeetingKey>,
    /// The snapshot files of the working tree (empty for a revision).
    paths: Vec<PathBuf>,
}

fn listing(repo: &Repo, rev: Option<&str>) -> Result<Listing, CliError> {
    let paths: Vec<PathBuf> = match rev {
        Some(rev) => GitStore::open(&repo.root)?
            .files(rev)?
            .into_keys()
            .collect(),
        None => store::list(&repo.root)?,
    };
    // Sets: a repository has many files of each dossier and of each meeting.
    let mut dossiers = BTreeSet::new();
    let mut meetings = BTreeSet::new();
    for p in &paths {
        if let Some((d, stem)) = crate::store::path_parts(p) {
            if !dossiers.contains(d) {
                dossiers.insert(d.to_string());
            }
            meetings.insert(MeetingKey::from_stem(stem));
        }
    }
    Ok(Listing {
        dossiers: dossiers.into_iter().collect(),
        meetings: meetings.into_iter().collect(),
        paths: if rev.is_none() { paths } else { Vec::new() },
    })
}

/// `A..B`, `A B`, `A` (against the working tree), or nothing (HEAD against the working tree).
fn revision_pair(old: Option<&str>, new: Option<&str>) -> (String, Option<String>) {
    match (old, new) {
        (Some(a), None) if a.contains("..") => {
            let (x, y) = a.split_once("..").unwrap_or((a, ""));
            let x = if x.is_empty() { "HEAD" } else { x };
            let y = y.trim_start_matches('.');
            (x.to_string(), (!y.is_empty()).then(|| y.to_string()))
        }
        (Some(a), b) => (a.to_string(), b.map(str::to_string)),
        (None, _) => ("HEAD".to_string(), None),
    }
}

/// The two meetings `diff` compares: both named; one named and the meeting of the same kind
/// before it; or the last two reports.
fn meeting_pair(
    known: &[MeetingKey],
    old: Option<&str>,
    new: Option<&str>,
) -> Result<(MeetingKey, MeetingKey), CliError> {
    let before = |k: &MeetingKey| {
        known
            .iter()
            .filter(|m| m.kind == k.kind && *m < k)
            .max()
            .cloned()
            .ok_or_else(|| {
                CliError::Usage(format!(
                    "there is no meeting before {k} to compare it with; the meetings are: {}",
                    list(known)
                ))
            })
    };
    match (old, new) {
        (Some(a), Some(b)) => Ok((
            crate::store::resolve_meeting(a, known)?,
            crate::store::resolve_meeting(b, known)?,
        )),
        (Some(one), None) => {
            let b = crate::store::resolve_meeting(one, known)?;
            Ok((before(&b)?, b))
        }
        (None, _) => {
            let reports: Vec<&MeetingKey> = known
                .iter()
                .filter(|k| k.kind == crate::report::Kind::Verslag)
                .collect();
            match reports.as_slice() {
                [.., a, b] => Ok(((*a).clone(), (*b).clone())),
                _ => Err(CliError::Usage(format!(
                    "diff needs two meetings and there {}; add a report with `jbz-track ingest` \
                     or name two meetings",
                    match known.len() {
                        0 => "are none".to_string(),
                        _ => format!("is only {}", list(known)),
                    }
                ))),
            }
        }
    }
}

fn list(keys: &[MeetingKey]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every `--dossier` must name a dossier there is.
/// `known` are the dossiers with snapshots on the side(s) compared.
fn check_dossiers(repo: &Repo, known: &[&str], ids: &[String]) -> Result<(), CliError> {
    for id in ids {
        if !known.contains(&id.as_str()) {
            return Err(unknown_dossier(repo, known.iter().copied(), id));
        }
    }
    Ok(())
}

fn unknown_dossier<'k>(
    repo: &Repo,
    with_snapshots: impl Iterator<Item = &'k str>,
    id: &str,
) -> CliError {
    let mut known: Vec<String> = repo
        .registry()
        .map(|r| r.dossiers.iter().map(|d| d.id.clone()).collect())
        .unwrap_or_default();
    for d in with_snapshots {
        if !known.iter().any(|k| k == d) {
            known.push(d.to_string());
        }
    }
    // A dossier asked for by another of its names (`chat-control`) is the best suggestion.
    let mut near: Vec<String> = repo
        .registry()
        .map(|r| r.by_name(id).iter().map(|(d, _)| d.id.clone()).collect())
        .unwrap_or_default();
    for k in closest(id, &known) {
        if !near.contains(&k) {
            near.push(k);
        }
    }
    CliError::UnknownDossier {
        id: id.to_string(),
        repo: repo.root.display().to_string(),
        near,
    }
}

/// The snapshot of `dossier` at `meeting` (the latest verslag, else agenda, when none is named).
fn find_snapshot<'c>(
    repo: &Repo,
    snapshots: &'c Collection,
    dossier: &str,
    meeting: Option<&str>,
) -> Result<&'c crate::store::Entry, CliError> {
    let Some(entries) = snapshots.dossier(dossier) else {
        return Err(unknown_dossier(repo, snapshots.dossier_ids(), dossier));
    };
    let known: Vec<MeetingKey> = entries.keys().cloned().collect();
    let key = match meeting {
        None => known
            .iter()
            .filter(|k| k.kind == crate::report::Kind::Verslag)
            .max()
            .or_else(|| known.iter().max())
            .cloned(),
        Some(m) => Some(crate::store::resolve_meeting(m, &known).map_err(|e| {
            CliError::UnknownMeeting {
                dossier: dossier.to_string(),
                meeting: m.to_string(),
                known: match e {
                    crate::store::MeetingError::Ambiguous { matches, .. } => matches,
                    crate::store::MeetingError::Unknown { known, .. } => known,
                },
            }
        })?),
    };
    key.and_then(|k| entries.get(&k))
        .ok_or_else(|| CliError::UnknownMeeting {
            dossier: dossier.to_string(),
            meeting: meeting.unwrap_or("").to_string(),
            known: list(&known).split(", ").map(str::to_string).collect(),
        })
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
