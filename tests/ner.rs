//! The statistical recognizer against CoNLL-2003 (read from ../shared, never committed).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use newsgraph::kb::KnowledgeBase;
use newsgraph::ner::{evaluate, read_conll, train, NerModel, NerType, TrainConfig, WordClasses};
use std::path::PathBuf;

fn conll(file: &str) -> Option<PathBuf> {
    common::shared_file(&format!("data/conll2003/{file}"))
}

/// The counts data/ner.md reports for the committed model on valid.txt: exact reproduction.
#[test]
fn committed_model_reproduces_its_reported_dev_scores() {
    let Some(valid) = conll("valid.txt") else { return };
    let kb = KnowledgeBase::builtin().unwrap();
    let model = NerModel::builtin().unwrap();
    let scores = evaluate(&model, &read_conll(&valid).unwrap(), &kb, model.classes());
    let (tp, found, gold) = scores.by_type.values().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    assert_eq!((tp, found, gold), (5569, 5930, 5942), "{}", scores.table());
    assert!((scores.overall().2 - 0.9382).abs() < 1e-4);
}

/// Held-out quality floor on the test set (measured 88.76 F1; see data/ner.md).
#[test]
fn test_set_f1_stays_above_its_floor() {
    let Some(test) = conll("test.txt") else { return };
    let kb = KnowledgeBase::builtin().unwrap();
    let model = NerModel::builtin().unwrap();
    let scores = evaluate(&model, &read_conll(&test).unwrap(), &kb, model.classes());
    assert!(scores.overall().2 >= 0.88, "{}", scores.table());
    for ty in [NerType::Per, NerType::Loc] {
        assert!(scores.of(ty).2 >= 0.88, "{:?}: {}", ty, scores.table());
    }
}

/// Training on a slice is deterministic and learns something.
#[test]
fn training_is_deterministic_and_learns() {
    let (Some(train_file), Some(valid)) = (conll("train.txt"), conll("valid.txt")) else { return };
    let kb = KnowledgeBase::builtin().unwrap();
    let train_docs: Vec<_> = read_conll(&train_file).unwrap().into_iter().take(60).collect();
    let dev_docs: Vec<_> = read_conll(&valid).unwrap().into_iter().take(20).collect();
    let config = TrainConfig { epochs: 3, bits: 16, seed: 7, runs: 1 };
    let classes = WordClasses::builtin().unwrap();
    let (a, report) = train(&train_docs, &dev_docs, &kb, &classes, &config, |_| {});
    let (b, _) = train(&train_docs, &dev_docs, &kb, &classes, &config, |_| {});
    assert_eq!(a.to_bytes(), b.to_bytes(), "same data and seed, same model");
    assert_eq!(report.dev_f1.len(), 3);
    assert!(report.dev_f1[report.best_epochs[0] - 1] > 0.6, "{:?}", report.dev_f1);
    assert_eq!(report.final_dev_f1, report.dev_f1[report.best_epochs[0] - 1], "one run: the best epoch's model");
    let back = NerModel::from_bytes(&a.to_bytes(), "slice", classes.clone()).unwrap();
    let f_a = evaluate(&a, &dev_docs, &kb, &classes).overall().2;
    let f_back = evaluate(&back, &dev_docs, &kb, &classes).overall().2;
    assert_eq!(f_a, f_back, "a saved model scores as the trained one");
}

/// First `docs` documents of a CoNLL file, as text.
fn conll_slice(path: &std::path::Path, docs: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    let mut seen = 0;
    for line in text.lines() {
        if line.starts_with("-DOCSTART-") {
            seen += 1;
            if seen > docs {
                break;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The commands as a user runs them: train on a slice, evaluate the model written, write
/// conlleval-style predictions, and name the file and line of bad input.
#[test]
fn ner_train_and_eval_commands_end_to_end() {
    let (Some(train_file), Some(valid)) = (conll("train.txt"), conll("valid.txt")) else { return };
    let dir = common::tempdir();
    let (train_slice, dev_slice) = (dir.path().join("train.txt"), dir.path().join("dev.txt"));
    std::fs::write(&train_slice, conll_slice(&train_file, 80)).unwrap();
    std::fs::write(&dev_slice, conll_slice(&valid, 20)).unwrap();
    let model = dir.path().join("m.model");
    let path = |p: &std::path::Path| p.to_str().unwrap().to_owned();
    let run = common::newsgraph(&[
        "ner",
        "train",
        "--train",
        &path(&train_slice),
        "--dev",
        &path(&dev_slice),
        "--out",
        &path(&model),
        "--epochs",
        "3",
        "--bits",
        "16",
        "--runs",
        "1",
    ]);
    common::ok(&run);
    assert!(String::from_utf8_lossy(&run.stderr).contains("epoch 3:"), "training reports each epoch");

    // The model written scores the development slice as the table says, per type and overall.
    let predictions = dir.path().join("pred.txt");
    let run =
        common::newsgraph(&["ner", "eval", &path(&model), &path(&dev_slice), "--predictions", &path(&predictions)]);
    common::ok(&run);
    let table = String::from_utf8(run.stdout).unwrap();
    for label in ["overall", "PER", "ORG", "LOC", "MISC"] {
        assert!(table.lines().any(|l| l.starts_with(label) && l.contains("F1")), "{label} row missing:\n{table}");
    }
    let f1: f64 =
        table.lines().next().unwrap().split("F1").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    assert!(f1 > 40.0, "a model trained on 80 documents finds names: {table}");
    // Predictions: one `word gold predicted` line per token, blank lines between sentences.
    let dev_tokens =
        conll_slice(&valid, 20).lines().filter(|l| !l.trim().is_empty() && !l.starts_with("-DOCSTART-")).count();
    let pred = std::fs::read_to_string(&predictions).unwrap();
    let pred_tokens = pred.lines().filter(|l| !l.trim().is_empty() && !l.starts_with("-DOCSTART-")).count();
    assert_eq!(pred_tokens, dev_tokens);
    assert!(pred.lines().filter(|l| !l.trim().is_empty()).all(|l| l.split_whitespace().count() >= 3));

    // The shipped model does better on the same slice.
    let run = common::newsgraph(&["ner", "eval", "builtin", &path(&dev_slice)]);
    common::ok(&run);
    let builtin_f1: f64 = String::from_utf8(run.stdout)
        .unwrap()
        .split("F1")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(builtin_f1 > 85.0 && builtin_f1 > f1, "{builtin_f1} vs {f1}");

    // Bad input names the file and what is wrong; nothing is written.
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "EU B-ORG\nrejects O\nGerman B-NATIONALITY\n").unwrap();
    let run = common::newsgraph(&["ner", "eval", "builtin", &path(&bad)]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("bad.txt:3") && err.contains("B-NATIONALITY"), "{err}");
    let not_model = dir.path().join("not.model");
    std::fs::write(&not_model, "hello").unwrap();
    let run = common::newsgraph(&["ner", "eval", &path(&not_model), &path(&dev_slice)]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("not.model") && err.contains("not a newsgraph NER model"), "{err}");
    let out = dir.path().join("never.model");
    let run =
        common::newsgraph(&["ner", "train", "--train", &path(&bad), "--dev", &path(&dev_slice), "--out", &path(&out)]);
    assert!(!run.status.success() && !out.exists(), "a failed training writes no model");
}
