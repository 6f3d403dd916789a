//! The tagger and parser through the real binary: `parse` on articles, `parse eval` against the
//! UD treebanks in ../shared (never committed), `parse train` on treebank slices.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use newsgraph::syntax::{parse_conllu, read_conllu, write_conllu};
use std::path::PathBuf;

fn treebank(file: &str) -> Option<PathBuf> {
    common::shared_file(&format!("data/ud/{file}"))
}

/// The figures of `newsgraph parse eval MODEL FILE` (the summary line's five numbers).
fn eval_line(model: &str, file: &std::path::Path) -> Vec<f64> {
    let run = common::newsgraph(&["parse", "eval", model, file.to_str().unwrap()]);
    common::ok(&run);
    let out = String::from_utf8(run.stdout).unwrap();
    let line = out.lines().find(|l| l.starts_with("UPOS ") && l.contains(" LAS ")).expect("summary line");
    line.split_whitespace().skip(1).step_by(2).map(|v| v.parse().unwrap()).collect()
}

/// The beam model, committed beside the built-in one (data/syntax.md).
const BEAM_MODEL: &str = "data/syntax-beam.model";

#[test]
fn parse_prints_valid_conllu_of_a_real_article() {
    let run = common::newsgraph(&["parse", "examples/articles/000_771a817d65f74398.txt"]);
    common::ok(&run);
    let text = String::from_utf8(run.stdout).unwrap();
    let sentences = parse_conllu(&text, "stdout").unwrap();
    assert!(sentences.len() > 10, "{text}");
    for s in &sentences {
        let roots = s.words.iter().filter(|w| w.head == 0).count();
        assert_eq!(roots, 1, "one root in {:?}", s.comment("text"));
        assert!(s.words.iter().all(|w| w.head <= s.words.len() && !w.upos.is_empty() && w.lemma != "_"));
        assert!(s.comment("sent_id").is_some() && s.comment("text").is_some());
    }
    // What our reader reads, our writer writes back unchanged.
    assert_eq!(write_conllu(&sentences), text);
    let engaged = sentences.iter().flat_map(|s| &s.words).find(|w| w.form == "engaged").expect("the article says it");
    assert_eq!((engaged.upos.as_str(), engaged.lemma.as_str()), ("VERB", "engage"));
}

#[test]
fn parse_reads_standard_input_and_names_bad_files() {
    let run = common::newsgraph_fed(&["parse", "-"], b"Talks in Baku\n\nAntony Blinken met Ilham Aliyev.\n");
    common::ok(&run);
    assert!(String::from_utf8_lossy(&run.stdout).contains("# newdoc id = stdin"));
    // An empty standard input is no article: said, not parsed as one.
    let empty = common::newsgraph_fed(&["parse", "-"], b"");
    assert_eq!(empty.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("<stdin>: empty article"));
    let run = common::newsgraph(&["parse", "no/such/file.txt"]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("no/such/file.txt"));
}

/// `data/syntax.md` reports the committed models' scores on gum-dev (the built-in one and the beam
/// model); they must reproduce exactly.
#[test]
fn committed_model_reproduces_its_reported_dev_scores() {
    let Some(dev) = treebank("gum-dev.conllu") else { return };
    assert_eq!(eval_line("builtin", &dev), REPORTED_GUM_DEV);
    assert_eq!(eval_line(BEAM_MODEL, &dev), REPORTED_GUM_DEV_BEAM);
}

/// Reported in data/syntax.md (`newsgraph parse eval builtin ../shared/data/ud/gum-dev.conllu`).
const REPORTED_GUM_DEV: [f64; 5] = [96.97, 96.77, 98.61, 82.78, 80.13];

/// Reported in data/syntax.md (`newsgraph parse eval data/syntax-beam.model ...gum-dev.conllu`).
const REPORTED_GUM_DEV_BEAM: [f64; 5] = [96.94, 96.73, 98.61, 85.07, 82.39];

/// Held-out floors on the test treebanks, a little under what data/syntax.md reports: UPOS,
/// LEMMA, UAS, LAS.
#[test]
fn test_treebank_scores_stay_above_their_floors() {
    let floors = [
        ("builtin", "gum-test.conllu", [96.0, 98.0, 83.0, 80.0]),
        ("builtin", "ewt-test.conllu", [93.5, 95.5, 81.5, 78.0]),
        (BEAM_MODEL, "gum-test.conllu", [96.0, 98.0, 85.0, 82.0]),
        (BEAM_MODEL, "ewt-test.conllu", [93.5, 95.5, 82.5, 79.0]),
    ];
    for (model, file, floors) in floors {
        let Some(path) = treebank(file) else { return };
        let s = eval_line(model, &path);
        let (upos, lemma, uas, las) = (s[0], s[2], s[3], s[4]);
        for (got, floor) in [upos, lemma, uas, las].into_iter().zip(floors) {
            assert!(got >= floor, "{model} on {file}: {s:?} below floors {floors:?}");
        }
    }
}

#[test]
fn train_on_a_slice_gives_a_model_that_eval_reads() {
    let Some(train) = treebank("gum-dev.conllu") else { return };
    let dir = common::tempdir();
    let sentences = read_conllu(&train).unwrap();
    let slice = dir.path().join("slice.conllu");
    std::fs::write(&slice, write_conllu(&sentences[..200])).unwrap();
    let dev = dir.path().join("dev.conllu");
    std::fs::write(&dev, write_conllu(&sentences[200..260])).unwrap();
    let model = dir.path().join("m.model");
    let (s, d, m) = (slice.to_str().unwrap(), dev.to_str().unwrap(), model.to_str().unwrap());
    let run = common::newsgraph(&[
        "parse",
        "train",
        "--train",
        s,
        "--dev",
        d,
        "--out",
        m,
        "--parser-epochs",
        "2",
        "--tagger-epochs",
        "3",
        "--beam",
        "4",
    ]);
    common::ok(&run);
    let run = common::newsgraph(&["parse", "eval", m, d]);
    common::ok(&run);
    assert!(String::from_utf8_lossy(&run.stdout).contains("UAS"));
    // A broken treebank is named with its line; no model is written.
    let bad = dir.path().join("bad.conllu");
    std::fs::write(&bad, "1\tx\tx\n").unwrap();
    let out2 = dir.path().join("m2.model");
    let run = common::newsgraph(&[
        "parse",
        "train",
        "--train",
        bad.to_str().unwrap(),
        "--dev",
        d,
        "--out",
        out2.to_str().unwrap(),
    ]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("bad.conllu:1:"), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(!out2.exists());
    // A model file that is not one is refused with its name.
    let run = common::newsgraph(&["parse", "eval", s, d]);
    assert!(String::from_utf8_lossy(&run.stderr).contains("not a newsgraph syntax model"));
}
