//! Helpers for the end-to-end tests: run the real binary, find the external validators.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The crate root, where `examples/` and `exports/` live.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `newsgraph ARGS` from the crate root.
pub fn newsgraph(args: &[&str]) -> Output {
    newsgraph_with(args, |_| {})
}

/// Runs `newsgraph ARGS` from the crate root after adjusting the command.
pub fn newsgraph_with(args: &[&str], adjust: impl FnOnce(&mut Command)) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    cmd.args(args).current_dir(root()).stdin(Stdio::null());
    adjust(&mut cmd);
    cmd.output().expect("run newsgraph")
}

/// Builds the graph of `examples/articles` (as the README's command does) into `out` with more
/// arguments, and asserts the run succeeded.
pub fn build_examples(out: &Path, more: &[&str]) -> Output {
    let out_arg = out.to_str().expect("UTF-8 path");
    let mut args = vec!["build", "examples/articles", "--out", out_arg];
    args.extend_from_slice(more);
    let run = newsgraph(&args);
    ok(&run);
    run
}

/// Asserts a run succeeded, showing its stderr otherwise.
pub fn ok(out: &Output) {
    assert!(out.status.success(), "newsgraph failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr));
}

/// A fresh temporary folder.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Whether an external tool runs; under CI (`NEWSGRAPH_REQUIRE_TOOLS=1`) a missing tool fails.
pub fn tool(name: &str, version_arg: &str) -> bool {
    let present = Command::new(name).arg(version_arg).output().is_ok_and(|o| o.status.success());
    if !present {
        assert!(
            std::env::var_os("NEWSGRAPH_REQUIRE_TOOLS").is_none(),
            "{name} is required (NEWSGRAPH_REQUIRE_TOOLS is set) but cannot be run"
        );
        eprintln!("note: {name} not installed; skipping its check (.ci/run installs it)");
    }
    present
}

/// Validates an RDF file with rapper (raptor2), an independent parser; returns its triple count.
pub fn rapper_count(path: &Path, syntax: &str) -> Option<usize> {
    if !tool("rapper", "--version") {
        return None;
    }
    let out = Command::new("rapper").args(["-i", syntax, "-c"]).arg(path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "rapper rejected {}: {stderr}", path.display());
    let count = stderr
        .lines()
        .find_map(|l| l.split("returned ").nth(1))
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok());
    Some(count.expect("rapper printed a count"))
}

/// Renders a DOT file with Graphviz; returns the SVG.
pub fn render_dot(path: &Path) -> Option<String> {
    if !tool("dot", "-V") {
        return None;
    }
    let out = Command::new("dot").arg("-Tsvg").arg(path).output().unwrap();
    assert!(out.status.success(), "dot rejected {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).unwrap())
}

/// Reads a file as UTF-8.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `../shared` beside the checkout: corpora, gold annotations, treebanks (never committed).
pub fn shared_dir() -> PathBuf {
    root().join("../shared")
}

/// Every test that reads `../shared`, as (file, test). [`shared_file`] refuses a test not listed
/// here, so the count `tests/shared_data.rs` prints when `../shared` is absent stays true.
pub const SHARED_DATA_TESTS: &[(&str, &str)] = &[
    ("tests/corpus.rs", "the_bbc_corpus_builds_the_same_with_one_or_two_threads"),
    ("tests/ner.rs", "committed_model_reproduces_its_reported_dev_scores"),
    ("tests/ner.rs", "test_set_f1_stays_above_its_floor"),
    ("tests/ner.rs", "gum_reader_finds_the_documented_names"),
    ("tests/ner.rs", "training_is_deterministic_and_learns"),
    ("tests/ner.rs", "ner_train_and_eval_commands_end_to_end"),
    ("tests/parse.rs", "committed_model_reproduces_its_reported_dev_scores"),
    ("tests/parse.rs", "test_treebank_scores_stay_above_their_floors"),
    ("tests/parse.rs", "train_on_a_slice_gives_a_model_that_eval_reads"),
    ("tests/scores.rs", "seeds_meet_the_extraction_targets"),
    ("tests/scores.rs", "annotated_bbc_articles_meet_the_extraction_targets"),
    ("tests/scores.rs", "general_news_articles_keep_their_entity_scores"),
    ("tests/scores.rs", "blind_relation_articles_keep_their_scores"),
    ("tests/pictures.rs", "fifty_articles_give_a_readable_picture"),
    ("tests/page.rs", "the_page_of_fifty_articles_works_in_a_browser"),
    // Unit tests of the syntactic layer, which look for ../shared themselves.
    ("src/syntax/conllu.rs", "reads_the_treebanks_when_present"),
    ("src/syntax/lemma.rs", "shipped_table_is_what_the_training_treebanks_give"),
    ("src/syntax/lemma.rs", "accuracy_on_held_out_treebanks_with_gold_tags"),
    ("src/syntax/sentences.rs", "gum_dev_boundaries_when_present"),
    ("src/syntax/transition.rs", "oracles_rebuild_every_projective_treebank_tree"),
];

/// A file or folder of `../shared` (`data/ud/gum-dev.conllu`), or `None` with a note when it is
/// absent. Under CI (`NEWSGRAPH_REQUIRE_TOOLS=1`) with `../shared` beside the checkout, it must
/// be there. Only tests listed in [`SHARED_DATA_TESTS`] may ask.
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let this_file = concat!("tests/", env!("CARGO_CRATE_NAME"), ".rs");
    let test = std::thread::current().name().unwrap_or_default().to_owned();
    assert!(
        SHARED_DATA_TESTS.contains(&(this_file, test.as_str())),
        "{this_file}: {test} reads ../shared but is not listed in SHARED_DATA_TESTS (tests/common/mod.rs)"
    );
    let path = shared_dir().join(relative);
    if path.exists() {
        return Some(path);
    }
    let shared_present = shared_dir().is_dir();
    assert!(!shared_present || std::env::var_os("NEWSGRAPH_REQUIRE_TOOLS").is_none(), "{} is missing", path.display());
    eprintln!("note: {} not found; skipping", path.display());
    None
}

/// Starts `newsgraph ARGS` from the crate root, its standard output piped and standard error
/// as given.
pub fn spawn_newsgraph(args: &[&str], stderr: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("run newsgraph")
}

/// Runs `newsgraph ARGS` from the crate root with `input` on its standard input.
pub fn newsgraph_fed(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newsgraph");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), input).unwrap();
    child.wait_with_output().unwrap()
}

/// What a terminal shows while `newsgraph ARGS` runs in one (a pseudo-terminal made by `script`
/// from util-linux), with the progress bar's one-second delay set to none; `None` without `script`.
pub fn on_a_terminal(args: &[&str]) -> Option<String> {
    if !tool("script", "--version") {
        return None;
    }
    let quoted: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_newsgraph"))
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect();
    let out = Command::new("script")
        .args(["-qec", &quoted.join(" "), "/dev/null"])
        .current_dir(root())
        .env("NEWSGRAPH_PROGRESS_DELAY_MS", "0")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Parses an SVG or our HTML page as XML (both are written well-formed; the page has a doctype).
pub fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    roxmltree::Document::parse_with_options(text, options).unwrap_or_else(|e| panic!("not well-formed XML: {e}"))
}

/// A folder in `dir` holding the first 50 BBC politics articles of `../shared` (in sorted order):
/// the size of an analyst's folder. `None`, with a note, when `../shared` does not have them.
pub fn fifty_politics_articles(dir: &Path) -> Option<PathBuf> {
    let politics = shared_file("corpus/bbc/articles/politics")?;
    let input = dir.join("politics-50");
    std::fs::create_dir_all(&input).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&politics).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files.iter().take(50) {
        std::fs::copy(f, input.join(f.file_name().unwrap())).unwrap();
    }
    Some(input)
}
