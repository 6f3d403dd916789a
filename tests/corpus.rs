//! The whole BBC corpus (2,225 articles in ../shared, never committed) goes through: no failure,
//! a plausible graph, and the same bytes whatever the thread count.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

#[test]
fn the_bbc_corpus_builds_the_same_with_one_or_two_threads() {
    let Some(corpus) = shared_file("corpus/bbc/articles") else { return };
    let (one, two) = (tempdir(), tempdir());
    for (dir, threads) in [(&one, "1"), (&two, "2")] {
        let corpus = corpus.to_str().unwrap();
        ok(&newsgraph(&[
            "build",
            corpus,
            "--out",
            dir.path().to_str().unwrap(),
            "--format",
            "json,nt",
            "--threads",
            threads,
        ]));
    }
    for f in ["graph.json", "graph.nt"] {
        assert!(read(&one.path().join(f)) == read(&two.path().join(f)), "{f} differs between 1 and 2 threads");
    }
    let json: serde_json::Value = serde_json::from_str(&read(&one.path().join("graph.json"))).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 2225);
    let entities = json["entities"].as_array().unwrap();
    assert!(entities.len() > 5000, "only {} entities", entities.len());
    // No calendar words, pronouns or bare titles as entities, anywhere in the corpus.
    let junk = ["Monday", "January", "May", "He", "The", "Mr", "President", "Secretary", "Minister", "Government"];
    for e in entities {
        let label = e["label"].as_str().unwrap();
        assert!(!junk.contains(&label), "junk entity: {e}");
    }
}
