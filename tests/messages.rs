//! What the command line says on standard error: a progress bar on a terminal only, plain lines
//! with `-v`, silence with `-q`, warnings in one format, and `--version` naming the shipped data.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn no_progress_when_standard_error_is_not_a_terminal() {
    let out = tempdir();
    // With no delay, a bar would be drawn at once if one were (wrongly) chosen.
    let run = newsgraph_with(&["build", "examples/articles", "--out", out.path().to_str().unwrap()], |c| {
        c.env("NEWSGRAPH_PROGRESS_DELAY_MS", "0");
    });
    ok(&run);
    let stderr = stderr_of(&run);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "only the summary line: {stderr:?}");
    assert!(lines[0].starts_with("newsgraph: 2 documents, "), "{stderr:?}");
    assert!(!stderr.contains('\r') && !stderr.contains('\x1b'), "{stderr:?}");
}

#[test]
fn verbose_prints_plain_progress_lines_when_not_a_terminal() {
    let out = tempdir();
    let run = newsgraph(&["build", "examples/articles", "--out", out.path().to_str().unwrap(), "-v", "--format", "nt"]);
    ok(&run);
    let stderr = stderr_of(&run);
    for want in
        ["newsgraph: analysing 2 documents\n", "newsgraph: analysed 2 documents in ", "newsgraph: wrote 1 formats in "]
    {
        assert!(stderr.contains(want), "{want:?} missing from {stderr}");
    }
    assert!(!stderr.contains('\r') && !stderr.contains('\x1b'), "plain lines, no redraws: {stderr:?}");
    let vv = newsgraph(&["-vv", "build", "examples/articles", "--out", out.path().to_str().unwrap(), "--format", "nt"]);
    assert!(stderr_of(&vv).contains("threads; recognizer on, parser on"), "{}", stderr_of(&vv));
}

#[test]
fn a_terminal_gets_a_bar_with_documents_rate_and_time_left() {
    let out = tempdir();
    let Some(screen) = on_a_terminal(&["build", "examples/articles", "--out", out.path().to_str().unwrap()]) else {
        return;
    };
    assert!(screen.contains("analysing ["), "{screen:?}");
    assert!(screen.contains("/2 documents, ") && screen.contains("/s, ") && screen.contains(" left"), "{screen:?}");
    assert!(screen.contains("newsgraph: 2 documents, "), "the summary follows: {screen:?}");
}

#[test]
fn quiet_says_nothing_on_success_even_on_a_terminal() {
    let out = tempdir();
    let dir = out.path().to_str().unwrap();
    let run = newsgraph_with(&["build", "examples/articles", "--out", dir, "-q"], |c| {
        c.env("NEWSGRAPH_PROGRESS_DELAY_MS", "0");
    });
    ok(&run);
    assert_eq!(stderr_of(&run), "");
    assert!(run.stdout.is_empty());
    assert!(out.path().join("graph.ttl").exists());
    if let Some(screen) = on_a_terminal(&["-q", "build", "examples/articles", "--out", dir]) {
        assert_eq!(screen, "", "nothing on the terminal");
    }
}

#[test]
fn warnings_name_file_and_line_and_quiet_keeps_only_the_error() {
    let dir = tempdir();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(&feed, "{\"text\": \"President Ilham Aliyev met Mr John Smith in Baku.\"}\n{oops}\n").unwrap();
    let out = dir.path().join("out");
    let args = ["build", feed.to_str().unwrap(), "--out", out.to_str().unwrap(), "--format", "json"];
    let run = newsgraph(&args);
    assert_eq!(run.status.code(), Some(1));
    let stderr = stderr_of(&run);
    let warning = format!("newsgraph: warning: {}:2: not JSON", feed.display());
    assert!(stderr.lines().any(|l| l.starts_with(&warning)), "{stderr}");
    assert!(stderr.contains("newsgraph: error: 1 input(s) could not be read"), "{stderr}");
    let quiet = newsgraph(&[&args[..], &["-q"]].concat());
    assert_eq!(quiet.status.code(), Some(1));
    assert_eq!(stderr_of(&quiet), "newsgraph: error: 1 input(s) could not be read (see the warnings above)\n");
}

#[test]
fn version_names_the_shipped_models_and_data() {
    let run = newsgraph(&["--version"]);
    ok(&run);
    let text = String::from_utf8(run.stdout).unwrap();
    assert!(text.starts_with(&format!("newsgraph {}\n", env!("CARGO_PKG_VERSION"))), "{text}");
    for (part, file) in [
        ("NER model", "data/ner.model"),
        ("parser model", "data/syntax.model"),
        ("taxonomy", "data/themes.ttl"),
        ("knowledge base", "data/countries.tsv"),
    ] {
        let line =
            text.lines().map(str::trim_start).find(|l| l.starts_with(part)).unwrap_or_else(|| panic!("{part}: {text}"));
        assert!(line.contains(file), "{line}");
        let fingerprint = line[part.len()..].split_whitespace().next().unwrap();
        assert!(fingerprint.len() == 16 && fingerprint.chars().all(|c| c.is_ascii_hexdigit()), "{line}");
    }
    let short = newsgraph(&["-V"]);
    assert_eq!(String::from_utf8(short.stdout).unwrap(), format!("newsgraph {}\n", env!("CARGO_PKG_VERSION")));
}
