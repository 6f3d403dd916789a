//! What the command line says on standard error, through the `log` facade, in one format:
//! `newsgraph: error: ...`, `newsgraph: warning: FILE:LINE: message`, `newsgraph: ...`.
//!
//! Our own [`log::Log`] rather than a logging crate: the format is fixed, there is one output, and
//! a line must be written above the progress bar rather than through it (see
//! [`crate::progress::above_bar`]).

use log::{Level, LevelFilter, Log, Metadata, Record};
use std::io::Write;

/// The level `-q` / `-v` / `-vv` ask for: errors only; then warnings and the summary (the
/// default); then progress lines and stage times; then settings and load times.
pub fn level(quiet: bool, verbose: u8) -> LevelFilter {
    match (quiet, verbose) {
        (true, _) => LevelFilter::Error,
        (false, 0) => LevelFilter::Info,
        (false, 1) => LevelFilter::Debug,
        (false, _) => LevelFilter::Trace,
    }
}

/// Installs the logger (once, at start).
pub fn init(level: LevelFilter) {
    if log::set_boxed_logger(Box::new(StderrLogger { level })).is_ok() {
        log::set_max_level(level);
    }
}

/// Writes records of `level` and above to standard error.
struct StderrLogger {
    level: LevelFilter,
}

impl Log for StderrLogger {
    fn enabled(&self, metadata: &Metadata) -> bool {
        metadata.level() <= self.level
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = line_of(record.level(), record.args());
        crate::progress::above_bar(|| {
            // Nowhere left to report a failure to write to standard error.
            let _ = writeln!(std::io::stderr().lock(), "{line}");
        });
    }

    fn flush(&self) {}
}

/// One line of standard error.
fn line_of(level: Level, message: &std::fmt::Arguments) -> String {
    match level {
        Level::Error => format!("newsgraph: error: {message}"),
        Level::Warn => format!("newsgraph: warning: {message}"),
        Level::Info | Level::Debug | Level::Trace => format!("newsgraph: {message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_say_what_kind_they_are() {
        let warning = line_of(Level::Warn, &format_args!("{}:{}: {}", "feed.jsonl", 3, "not JSON"));
        assert_eq!(warning, "newsgraph: warning: feed.jsonl:3: not JSON");
        assert_eq!(line_of(Level::Error, &format_args!("no input")), "newsgraph: error: no input");
        assert_eq!(line_of(Level::Debug, &format_args!("analysed 2 documents")), "newsgraph: analysed 2 documents");
    }

    #[test]
    fn quiet_keeps_errors_and_each_v_says_more() {
        assert_eq!(level(true, 0), LevelFilter::Error);
        assert_eq!(level(false, 0), LevelFilter::Info);
        assert_eq!(level(false, 1), LevelFilter::Debug);
        assert_eq!(level(false, 2), LevelFilter::Trace);
        assert_eq!(level(false, 7), LevelFilter::Trace);
    }
}
