//! Most of the quality tests read `../shared` (corpora, gold annotations, treebanks), which is
//! never committed. Without it they pass without checking anything; this test says so in one line
//! that `cargo test` shows, since the notes of passing tests are captured.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::io::Write;

#[test]
fn shared_data_present() {
    for (file, test) in SHARED_DATA_TESTS {
        let source = read(&root().join(file));
        assert!(source.contains(&format!("fn {test}(")), "SHARED_DATA_TESTS lists {file}: {test}, which is not there");
    }
    if shared_dir().is_dir() {
        return;
    }
    let line = format!(
        "note: {} tests were skipped: they read ../shared (corpora, gold annotations, treebanks), which is not \
         beside the checkout at {}; see README.md\n",
        SHARED_DATA_TESTS.len(),
        shared_dir().display()
    );
    // Straight to the standard error stream: the test harness captures only `eprint!`.
    std::io::stderr().write_all(line.as_bytes()).unwrap();
}
