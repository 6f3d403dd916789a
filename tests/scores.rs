//! Graph quality against gold annotations, measured by the project's scorer (../shared/eval/score.py):
//! the seeds (gold from ../shared/gold/seeds) and BBC articles we annotated (tests/gold/bbc; the
//! articles themselves are read from ../shared and never committed).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::process::Command;

/// Builds the graph of `inputs` and runs the scorer with thresholds; returns its report.
fn score(inputs: &[std::path::PathBuf], gold: &[std::path::PathBuf], thresholds: &[&str]) -> String {
    if !tool("python3", "--version") {
        return String::new();
    }
    let out = tempdir();
    let mut args = vec!["build".to_owned()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["--out".into(), out.path().display().to_string(), "--format".into(), "json".into()]);
    ok(&newsgraph(&args.iter().map(String::as_str).collect::<Vec<_>>()));
    let run = Command::new("python3")
        .arg(shared_dir().join("eval/score.py"))
        .arg(out.path().join("graph.json"))
        .args(gold)
        .arg("--verbose")
        .args(thresholds)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(run.status.success(), "below the bar:\n{report}{}", String::from_utf8_lossy(&run.stderr));
    report
}

#[test]
fn seeds_meet_the_extraction_targets() {
    let (Some(seeds), Some(gold)) = (shared_file("corpus/seeds"), shared_file("gold/seeds")) else { return };
    let thresholds = [
        "--min-entity-f1",
        "0.95",
        "--min-theme-f1",
        "0.8",
        "--min-relation-f1",
        "0.8",
        "--max-junk",
        "0",
        "--max-duplicates",
        "0",
    ];
    score(&[seeds], &[gold], &thresholds);
}

#[test]
fn annotated_bbc_articles_meet_the_extraction_targets() {
    let Some(articles) = shared_file("corpus/bbc/articles") else { return };
    // All our annotated articles, scored together: tests/gold/bbc (tuned on), bbc-heldout,
    // bbc-blind and bbc-blind2 (each measured blind first, then used for error analysis).
    let gold = ["bbc", "bbc-heldout", "bbc-blind", "bbc-blind2"].map(|d| root().join("tests/gold").join(d));
    let mut inputs: Vec<_> = gold.iter().flat_map(|dir| articles_of(&articles, dir)).collect();
    inputs.sort();
    assert!(inputs.len() >= 14);
    let thresholds = ["--min-entity-f1", "0.85", "--min-relation-f1", "0.6", "--max-junk", "0"];
    score(&inputs, &gold, &thresholds);
}

#[test]
fn general_news_articles_keep_their_entity_scores() {
    // Nine BBC articles on technology, sport and entertainment, annotated blind
    // (tests/gold/bbc-general): entity F1 0.747 when first measured, before any change made
    // from them; this floor keeps what the later changes gained.
    let thresholds = ["--min-entity-f1", "0.77", "--max-junk", "6", "--max-duplicates", "3"];
    score_gold_folder("bbc-general", 9, &thresholds);
}

#[test]
fn blind_relation_articles_keep_their_scores() {
    // Twelve BBC articles annotated blind for relations (tests/gold/bbc-relations: five politics
    // articles with meetings, visits, calls and summits, three business deals, two tech, one
    // sport, one entertainment). First measured, before any change made from them: entity F1
    // 0.845, relation F1 0.387, junk 11, duplicates 5. With the relation patterns over the
    // parse: relation F1 0.444. The floors sit a little below.
    let thresholds =
        ["--min-entity-f1", "0.82", "--min-relation-f1", "0.42", "--max-junk", "13", "--max-duplicates", "6"];
    score_gold_folder("bbc-relations", 12, &thresholds);
}

/// Builds the `count` BBC articles annotated in `tests/gold/FOLDER` together and scores them
/// against that folder with `thresholds`.
fn score_gold_folder(folder: &str, count: usize, thresholds: &[&str]) {
    let Some(articles) = shared_file("corpus/bbc/articles") else { return };
    let gold = root().join("tests/gold").join(folder);
    let inputs = articles_of(&articles, &gold);
    assert_eq!(inputs.len(), count);
    score(&inputs, &[gold], thresholds);
}

/// The BBC articles annotated in the gold folder `gold`: `tech-051.json` is
/// `articles/tech/051.txt` (other files, such as a README, are skipped). Sorted, so the build
/// sees them in one order.
fn articles_of(articles: &std::path::Path, gold: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut inputs: Vec<std::path::PathBuf> = std::fs::read_dir(gold)
        .unwrap()
        .filter_map(|entry| {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let (category, number) = name.strip_suffix(".json")?.split_once('-')?;
            Some(articles.join(category).join(format!("{number}.txt")))
        })
        .collect();
    inputs.sort();
    inputs
}
