//! The statistical recognizer against CoNLL-2003 (read from ../shared, never committed).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use newsgraph::kb::KnowledgeBase;
use newsgraph::ner::{evaluate, read_conll, train, NerModel, NerType, TrainConfig, WordClasses};
use std::path::PathBuf;

fn conll(file: &str) -> Option<PathBuf> {
    let path = common::root().join("../shared/data/conll2003").join(file);
    if path.exists() {
        return Some(path);
    }
    // Under CI, with ../shared beside the checkout, the data must be there.
    let shared_present = common::root().join("../shared").is_dir();
    assert!(!shared_present || std::env::var_os("NEWSGRAPH_REQUIRE_TOOLS").is_none(), "{} is missing", path.display());
    eprintln!("note: {} not found; skipping", path.display());
    None
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
