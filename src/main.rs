//! The `jbz-track` command: parse arguments, call the library, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    jbz_track::cli::complete_from_env();
    let cli = jbz_track::cli::Cli::parse();
    match jbz_track::cli::run(cli) {
        Ok(code) => jbz_track::exit::code(code),
        Err(e) if e.is_broken_pipe() => jbz_track::exit::code(jbz_track::exit::OK),
        Err(e) => {
            eprintln!("jbz-track: {e}");
            jbz_track::exit::code(jbz_track::exit::TROUBLE)
        }
    }
}

// Extraction allocates many small strings (tokens, folded words); mimalloc measured faster
// than the system allocator on the benchmark corpus.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
