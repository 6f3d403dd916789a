//! The `newsgraph` command line: a thin layer over the library. It turns arguments into the
//! library's settings, chooses how much to say on standard error, and maps failures to exit codes
//! (see `exit.rs`: 0 success, 1 run failure or skipped inputs, 2 usage error).
//!
//! Dependencies only the binary has (feature `cli`), and why these: clap (derive) declares the
//! arguments once, and from the same definitions clap_complete writes shell completions and
//! clap_mangen man pages, so neither can drift from `--help`; indicatif draws the progress bar (it
//! rate-limits redraws, works out rates and time left, and hides itself when told to); `log` is the
//! facade the handlers report through, with our own small logger (`logger.rs`) because the line
//! format is ours and a logging crate with filters by module and colours would be more than it needs.

mod args;
mod build;
mod exit;
mod files;
mod logger;
mod man;
mod ner;
mod parse;
mod progress;
mod version;

use anyhow::Result;
use args::{Cli, Command};
use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = parse_arguments();
    let (quiet, verbose) = (cli.verbosity.quiet, cli.verbosity.verbose);
    logger::init(logger::level(quiet, verbose));
    let reporter = progress::Reporter::for_stderr(quiet, verbose);
    match run(cli.command, &reporter) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            log::error!("{}", exit::one_line(&e));
            exit::status_of(&e)
        }
    }
}

/// The arguments; `--version` also names the shipped models and data, whose fingerprints are
/// only computed when asked for.
fn parse_arguments() -> Cli {
    let mut command = Cli::command()
        .after_long_help(exit::help_text())
        .mut_subcommand("build", |build| build.after_long_help(exit::help_text()));
    if std::env::args_os().any(|a| a == "--version") {
        // Parsed once and kept to the end: leaking it is what clap would do with a `String`.
        command = command.long_version(&*version::long_version().leak());
    }
    let matches = command.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Runs a subcommand.
fn run(command: Command, reporter: &progress::Reporter) -> Result<ExitCode> {
    match command {
        Command::Build(args) => build::run(args, reporter),
        Command::Ner(command) => ner::run(command).map(|()| ExitCode::SUCCESS),
        Command::Parse { command: Some(command), .. } => parse::run(command).map(|()| ExitCode::SUCCESS),
        Command::Parse { command: None, input, input_format } => {
            parse::article(input, input_format).map(|()| ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            // Into memory first: clap_complete panics when it cannot write (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "newsgraph", &mut script);
            std::io::Write::write_all(&mut std::io::stdout().lock(), &script)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { command, dir } => man::run(&command, dir.as_deref()).map(|()| ExitCode::SUCCESS),
    }
}

/// Whether a failure is only the reader of our output going away (`newsgraph ... | head`).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
