//! Shell completions and man pages, generated from the argument definitions: each is checked by
//! the program that reads it (bash, zsh, man, groff).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::process::Command;

/// `newsgraph completions SHELL` written to a file.
fn completions(shell: &str, dir: &std::path::Path) -> std::path::PathBuf {
    let run = newsgraph(&["completions", shell]);
    ok(&run);
    let path = dir.join(format!("newsgraph.{shell}"));
    std::fs::write(&path, &run.stdout).unwrap();
    path
}

#[test]
fn bash_completions_parse_and_complete_subcommands_and_values() {
    let dir = tempdir();
    let script = completions("bash", dir.path());
    if !tool("bash", "--version") {
        return;
    }
    let check = Command::new("bash").arg("-n").arg(&script).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    // What bash would offer after `newsgraph bu<TAB>` and `newsgraph build --input-format <TAB>`.
    let offer = |words: &str, cword: usize, cur: &str, prev: &str| {
        let program = format!(
            "source '{}'; COMP_WORDS=({words}); COMP_CWORD={cword}; _newsgraph newsgraph '{cur}' '{prev}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let run = Command::new("bash").args(["-c", &program]).output().unwrap();
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        String::from_utf8(run.stdout).unwrap()
    };
    assert_eq!(offer("newsgraph bu", 1, "bu", "newsgraph").trim(), "build");
    let formats = offer("newsgraph build --input-format ''", 3, "", "--input-format");
    assert_eq!(formats.split_whitespace().collect::<Vec<_>>(), ["txt", "md", "jsonl"]);
}

#[test]
fn zsh_completions_parse() {
    let dir = tempdir();
    let script = completions("zsh", dir.path());
    let text = read(&script);
    assert!(text.starts_with("#compdef newsgraph"), "{}", &text[..80.min(text.len())]);
    assert!(text.contains("--input-format") && text.contains("completions"));
    if !tool("zsh", "--version") {
        return;
    }
    let check = Command::new("zsh").arg("-n").arg(&script).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn man_pages_render_without_warnings() {
    let dir = tempdir();
    let run = newsgraph(&["man", "--dir", dir.path().to_str().unwrap()]);
    ok(&run);
    let mut pages: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    pages.sort();
    for want in ["newsgraph.1", "newsgraph-build.1", "newsgraph-ner-train.1", "newsgraph-parse-eval.1"] {
        assert!(pages.iter().any(|p| p == want), "{want} missing from {pages:?}");
    }
    let build = newsgraph(&["man", "build"]);
    ok(&build);
    assert!(build.stdout == std::fs::read(dir.path().join("newsgraph-build.1")).unwrap());
    if tool("groff", "--version") {
        for page in &pages {
            let check = Command::new("groff").args(["-man", "-Tutf8", "-ww", "-z"]).arg(dir.path().join(page)).output();
            let check = check.unwrap();
            let warnings = String::from_utf8_lossy(&check.stderr);
            assert!(check.status.success() && warnings.is_empty(), "{page}: {warnings}");
        }
    }
    if tool("man", "--version") {
        let shown = Command::new("man")
            .arg("-l")
            .arg(dir.path().join("newsgraph-build.1"))
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "100")
            .output()
            .unwrap();
        assert!(shown.status.success(), "{}", String::from_utf8_lossy(&shown.stderr));
        let text = String::from_utf8_lossy(&shown.stdout).replace(['\u{2010}', '\u{2212}'], "-");
        for want in ["newsgraph-build", "newsgraph build", "--input-format", "--out", "--quiet"] {
            assert!(text.contains(want), "{want} missing from the rendered page:\n{text}");
        }
    }
}

#[test]
fn man_names_an_unknown_command() {
    let run = newsgraph(&["man", "bulid"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("no command `newsgraph bulid`"));
}
