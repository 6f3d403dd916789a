//! Throughput figures: `cargo bench --bench throughput [CORPUS]`.
//!
//! Prints tokens per second on one thread for tokenization alone (the baseline), NER tagging
//! alone, tagging + lemmatizing + parsing alone (with the built-in model, then with the beam model
//! of data/syntax-beam.model at its own beam and at 4), and the whole build with and without the
//! NER model and the parser, each also as a ratio to the baseline measured in the same process;
//! and the models' load times. CORPUS defaults to the BBC
//! corpus in ../shared (a folder or .jsonl), else the example articles.
//!
//! Why best-of and per-slice minima: this machine shares its cores, and a neighbour's burst slows a
//! run by up to a third. The fastest of several runs is the one least disturbed; tagging is timed
//! per slice of the corpus (the sum of each slice's fastest run), so one burst spoils one slice's
//! run, not the whole figure.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use newsgraph::ingest::read_inputs;
use newsgraph::kb::KnowledgeBase;
use newsgraph::ner::{NerModel, Tagger};
use newsgraph::syntax::Analyzer;
use newsgraph::text::AnalyzedDoc;
use newsgraph::{build, Config};
use std::path::PathBuf;
use std::time::Instant;

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.expect("at least one run"))
}

fn main() {
    let arg = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let corpus = arg.map(PathBuf::from).unwrap_or_else(|| {
        let bbc = PathBuf::from("../shared/corpus/bbc/bbc.jsonl");
        if bbc.exists() {
            bbc
        } else {
            PathBuf::from("examples/articles")
        }
    });
    let docs = read_inputs(std::slice::from_ref(&corpus)).documents;
    let kb = KnowledgeBase::builtin().expect("knowledge base");

    let (t_tok, tokens) = best_of(10, || docs.iter().map(|d| AnalyzedDoc::new(d).tokens.len()).sum::<usize>());
    println!("corpus: {} ({} documents, {} tokens)", corpus.display(), docs.len(), tokens);
    let rate = |secs: f64| tokens as f64 / secs;
    println!("{:<38} {:>12.0} tokens/s  (baseline)", "tokenize + sentences", rate(t_tok));

    let (t_load, model) = best_of(5, || NerModel::builtin().expect("model"));
    println!("{:<38} {:>12.1} ms", "NER model load (best of 5)", t_load * 1000.0);

    let analyzed: Vec<AnalyzedDoc> = docs.iter().map(AnalyzedDoc::new).collect();
    let sentences: Vec<Vec<Vec<&str>>> = analyzed
        .iter()
        .map(|a| a.sentences.iter().map(|s| s.tokens.clone().map(|i| a.token_text(i)).collect()).collect())
        .collect();
    let tagger = Tagger::new(model, &kb);
    let slices = sentences.len().div_ceil(16).max(1);
    let (mut t_ner, mut names) = (0.0, 0);
    for slice in sentences.chunks(slices) {
        let (t, n) = best_of(5, || {
            slice.iter().map(|d| tagger.tag_document(d).iter().map(Vec::len).sum::<usize>()).sum::<usize>()
        });
        t_ner += t;
        names += n;
    }
    println!(
        "{:<38} {:>12.0} tokens/s  ({:.2}x baseline time; {names} names)",
        "NER tagging alone (1 thread)",
        rate(t_ner),
        t_ner / t_tok
    );

    let (t_syn_load, analyzer) = best_of(5, || Analyzer::builtin().expect("syntax model"));
    println!("{:<38} {:>12.1} ms", "syntax model load (best of 5)", t_syn_load * 1000.0);
    let rate_of = |analyzer: &Analyzer| {
        let (mut t_syn, mut words) = (0.0, 0);
        for slice in sentences.chunks(slices) {
            let (t, n) =
                best_of(3, || slice.iter().flat_map(|d| d.iter().map(|s| analyzer.analyze(s).len())).sum::<usize>());
            t_syn += t;
            words += n;
        }
        (t_syn, words)
    };
    let (t_syn, words) = rate_of(&analyzer);
    println!(
        "{:<38} {:>12.0} tokens/s  ({:.2}x baseline time; {words} words)",
        "tag + lemmatize + parse (1 thread)",
        rate(t_syn),
        t_syn / t_tok
    );
    // The beam model beside the built-in one (data/syntax.md): its load, then its speed with its
    // own beam and a narrower one, what its accuracy costs.
    let beam_file = std::path::Path::new("data/syntax-beam.model");
    if let Ok(bytes) = std::fs::read(beam_file) {
        let (t_load, model) = best_of(5, || {
            let classes = newsgraph::ner::WordClasses::builtin().expect("word classes");
            newsgraph::syntax::SyntaxModel::from_bytes(&bytes, "data/syntax-beam.model", classes).expect("beam model")
        });
        println!("{:<38} {:>12.1} ms", "beam model load from memory (best of 5)", t_load * 1000.0);
        let own = model.parser.beam;
        for width in [own, 4] {
            let mut beam = analyzer.clone();
            beam.model = model.clone();
            beam.model.parser.beam = width;
            let (t_syn, _) = rate_of(&beam);
            println!(
                "{:<38} {:>12.0} tokens/s  ({:.2}x baseline time)",
                format!("same, beam model, beam {width}"),
                rate(t_syn),
                t_syn / t_tok
            );
        }
    }

    let runs = [
        ("whole build, NER + parse (1 thread)", true, true),
        ("whole build, NER, no parse (1 thread)", true, false),
        ("whole build, no NER, no parse", false, false),
    ];
    for (label, ner, parse) in runs {
        let mut config = Config::builtin().expect("config");
        config.threads = 1;
        if !ner {
            config.ner = None;
        }
        if !parse {
            config.syntax = None;
        }
        let (t, g) = best_of(3, || build(docs.clone(), &config));
        println!(
            "{:<38} {:>12.0} tokens/s  ({:.2}x baseline time; {} entities, {} relations)",
            label,
            rate(t),
            t / t_tok,
            g.entity_count(),
            g.relation_count()
        );
    }
}
