//! Exit codes, as `diff` and `git diff --exit-code` use them.

use std::process::ExitCode;

/// Success; for `check` and `--check`: all good.
pub const OK: u8 = 0;
/// A check found a difference or a problem.
pub const DIFFERENCES: u8 = 1;
/// Usage or input error.
pub const TROUBLE: u8 = 2;

/// The process exit code for one of the codes above.
pub fn code(c: u8) -> ExitCode {
    ExitCode::from(c)
}
