//! Exit statuses, the one table of them (README and the man pages print it): 0 when everything
//! asked for was done, 1 when the run failed or skipped inputs it could not read, 2 when the
//! command line itself is wrong. A closed standard output or error (`newsgraph ... | head`)
//! ends the run quietly with the status it would have had.

use std::fmt;
use std::process::ExitCode;

/// Every status, with what it means, for `--help` and the man pages.
pub const STATUSES: [(u8, &str); 3] = [
    (0, "every input was read and every output written"),
    (1, "the run failed (nothing readable, an output could not be written) or some inputs were skipped (each named in a warning; the graph of the rest was written)"),
    (2, "usage error: unknown option, bad value, a format named twice"),
];

/// The status of a failed run.
pub const FAILURE: u8 = 1;
/// The status of a command line that is wrong.
pub const USAGE: u8 = 2;

/// A wrong command line, found after parsing (a value clap cannot check): exit status 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// `anyhow::bail!` for usage errors.
macro_rules! usage {
    ($($arg:tt)*) => {
        return Err(anyhow::Error::new($crate::exit::UsageError(format!($($arg)*))))
    };
}
pub(crate) use usage;

/// The status a failure ends the run with.
pub fn status_of(e: &anyhow::Error) -> ExitCode {
    if e.chain().any(|c| c.downcast_ref::<UsageError>().is_some()) {
        ExitCode::from(USAGE)
    } else {
        ExitCode::from(FAILURE)
    }
}

/// The error and its causes in one line, each cause said once: a library error that already
/// ends with its cause's text (`graph.ttl: No such file or directory (os error 2)`) is not
/// followed by that text again.
pub fn one_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.ends_with(&text) || line.contains(&format!("{text}: ")) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// The "Exit status" text of `--help` and the man pages.
pub fn help_text() -> String {
    let mut text = String::from("Exit status:\n");
    for (code, meaning) in STATUSES {
        text.push_str(&format!("  {code}  {meaning}\n"));
    }
    text
}

/// The same as a man page section (roff).
pub fn man_section() -> String {
    let mut roff = String::from(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in STATUSES {
        roff.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", meaning.replace('\\', "\\\\").replace('-', "\\-")));
    }
    roff
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn a_cause_is_said_once() {
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let lib = newsgraph::Error::io("out/graph.ttl", io);
        let e = Err::<(), _>(lib).context("writing to out").unwrap_err();
        let line = one_line(&e);
        assert_eq!(line.matches("entity not found").count(), 1, "{line}");
        assert!(line.starts_with("writing to out: out/graph.ttl: "), "{line}");
    }

    #[test]
    fn usage_errors_are_told_apart() {
        let usage = || -> anyhow::Result<()> { usage!("--format names ttl twice") };
        assert_eq!(status_of(&usage().unwrap_err()), ExitCode::from(USAGE));
        assert_eq!(status_of(&anyhow::anyhow!("no readable article")), ExitCode::from(FAILURE));
    }
}
