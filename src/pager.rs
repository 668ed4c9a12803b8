//! Where command output goes: straight to stdout, or, for long output on a terminal, through
//! a pager (`$PAGER`, else `less`), as git does. Nothing is paged when stdout is not a
//! terminal, with `--no-pager`, or when `PAGER` is empty or `cat`. A pager that is missing or
//! fails does not swallow the output: it is printed directly.
//!
//! A reader that goes away (`jbz-track check | head -1`, a pager quit with `q`) ends the
//! output, not the command: from the first broken pipe on, what is written is dropped, and
//! the command runs to its end and exits with the code its work earned
//! (`tests/closed_pipe.rs`).

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};

/// The output of one command.
pub enum Output {
    /// Written through as it comes (colour handled by `anstream`).
    Direct {
        /// Standard output.
        stream: anstream::AutoStream<io::Stdout>,
        /// Whether the reader has gone (a broken pipe): nothing more is written.
        closed: bool,
    },
    /// Thrown away: `-q` prints nothing but errors.
    Discard,
    /// Collected, then shown through the pager.
    Paged {
        /// What was written, with colour codes.
        buf: Vec<u8>,
        /// Whether to keep the colour codes.
        color: bool,
    },
}

impl Output {
    /// Output that goes nowhere, for `-q`.
    pub fn discard() -> Output {
        Output::Discard
    }

    /// Page if `wanted`, stdout is a terminal, and a pager is configured.
    pub fn new(wanted: bool, color: bool) -> Output {
        if wanted && io::stdout().is_terminal() && pager_command().is_some() {
            Output::Paged {
                buf: Vec::new(),
                color,
            }
        } else {
            Output::Direct {
                stream: anstream::stdout(),
                closed: false,
            }
        }
    }

    /// Show what was collected: through the pager when it is longer than the screen,
    /// otherwise directly.
    pub fn finish(&mut self) -> io::Result<()> {
        let Output::Paged { buf, color } = self else {
            return self.flush();
        };
        let text = if *color {
            std::mem::take(buf)
        } else {
            anstream::adapter::strip_bytes(buf).into_vec()
        };
        let rows = std::env::var("LINES")
            .ok()
            .and_then(|l| l.parse::<usize>().ok())
            .or_else(|| {
                terminal_size::terminal_size_of(io::stdout()).map(|(_, h)| usize::from(h.0))
            })
            .filter(|r| *r > 0)
            .unwrap_or(24);
        let lines = text.iter().filter(|b| **b == b'\n').count();
        if lines < rows {
            return quiet_if_closed(io::stdout().write_all(&text));
        }
        let Some((pager, mut child)) = spawn_pager() else {
            return quiet_if_closed(io::stdout().write_all(&text));
        };
        if let Some(mut stdin) = child.stdin.take() {
            // A pager quit early (`q`) closes the pipe: not an error.
            match stdin.write_all(&text) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
                _ => {}
            }
        }
        let status = child.wait()?;
        if status.success() {
            return Ok(());
        }
        // A pager that is missing (the shell exits 127) or fails may have shown nothing: print
        // directly, as git does, so that no output is lost behind an exit code of 0.
        let why = match status.code() {
            Some(127) => "was not found".to_string(),
            Some(c) => format!("failed (exit {c})"),
            None => "was stopped".to_string(),
        };
        eprintln!("jbz-track: the pager `{pager}` {why}; printing directly (set PAGER, or use --no-pager)");
        quiet_if_closed(io::stdout().write_all(&text))
    }
}

/// A broken pipe is the reader gone, not a failure of the command.
fn quiet_if_closed(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

impl Write for Output {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        match self {
            Output::Direct { closed: true, .. } | Output::Discard => Ok(data.len()),
            Output::Direct { stream, closed } => match stream.write(data) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(data.len())
                }
                other => other,
            },
            Output::Paged { buf, .. } => buf.write(data),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Direct { closed: true, .. } => Ok(()),
            Output::Direct { stream, closed } => match stream.flush() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(())
                }
                other => other,
            },
            Output::Discard | Output::Paged { .. } => Ok(()),
        }
    }
}

/// The pager to run: `$PAGER`, else `less`; `None` when paging is switched off.
fn pager_command() -> Option<String> {
    let pager = std::env::var("PAGER").unwrap_or_else(|_| "less".to_string());
    let trimmed = pager.trim();
    (!trimmed.is_empty() && trimmed != "cat").then(|| trimmed.to_string())
}

/// The pager's command line and its process; `None` where it cannot be started.
fn spawn_pager() -> Option<(String, std::process::Child)> {
    let pager = pager_command()?;
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(&pager).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        // Quit when it fits, keep colour, leave the text on the screen: git's defaults.
        cmd.env("LESS", "FRX");
    }
    cmd.spawn().ok().map(|child| (pager, child))
}
