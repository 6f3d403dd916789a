//! `newsgraph ner train|eval|classes`: the statistical recognizer's training and scoring.

use crate::args::NerCommand;
use crate::files::write_atomically;
use anyhow::{Context, Result};
use newsgraph::{ingest, ner};
use std::path::{Path, PathBuf};

/// Runs a `ner` subcommand.
pub fn run(command: NerCommand) -> Result<()> {
    match command {
        NerCommand::Train { train, dev, out, epochs, bits, seed, runs, classes } => {
            let config = ner::TrainConfig { epochs, bits, seed, runs };
            train_model(&train, &dev, &out, &config, classes.as_deref())
        }
        NerCommand::Eval { model, file, classes, predictions } => {
            eval_model(&model, &file, classes.as_deref(), predictions.as_deref())
        }
        NerCommand::Classes { text, conll, out, min_count, coarse, fine } => {
            let config = ner::ClassConfig { min_count, coarse, fine, ..ner::ClassConfig::default() };
            learn_classes(&text, &conll, &out, &config)
        }
    }
}

/// The word classes at `path`, or the ones shipped.
fn load_classes(path: Option<&Path>) -> Result<ner::WordClasses> {
    Ok(match path {
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
            ner::WordClasses::parse(&text, &p.display().to_string())?
                .with_clusters(ner::BUILTIN_CLUSTERS, "data/brown-clusters.tsv")?
        }
        None => ner::WordClasses::builtin()?,
    })
}

/// `ner train`: the training files' documents together; each dev file a set of its own.
fn train_model(
    train: &[PathBuf],
    dev: &[PathBuf],
    out: &Path,
    config: &ner::TrainConfig,
    classes: Option<&Path>,
) -> Result<()> {
    let kb = newsgraph::kb::KnowledgeBase::builtin()?;
    let classes = load_classes(classes)?;
    let mut train_docs = Vec::new();
    for path in train {
        train_docs.extend(ner::read_ner_data(path)?);
    }
    let dev_docs = dev.iter().map(|p| ner::read_ner_data(p)).collect::<Result<Vec<_>, _>>()?;
    let (model, report) = ner::train(&train_docs, &dev_docs, &kb, &classes, config, |line| log::info!("{line}"));
    let bytes = model.to_bytes();
    write_atomically(out, &bytes)?;
    log::info!(
        "kept epochs {:?} (dev F1 of the model: {:.2}, each set {:.2?}); wrote {} ({} bytes)",
        report.best_epochs,
        report.final_dev_f1 * 100.0,
        report.final_dev_f1s.iter().map(|f| f * 100.0).collect::<Vec<_>>(),
        out.display(),
        bytes.len()
    );
    Ok(())
}

/// `ner eval`: the scores on standard output, and the predictions file when asked for.
fn eval_model(model: &str, file: &Path, classes: Option<&Path>, predictions: Option<&Path>) -> Result<()> {
    let kb = newsgraph::kb::KnowledgeBase::builtin()?;
    let model = if model == "builtin" {
        ner::NerModel::builtin()?
    } else {
        let bytes = std::fs::read(model).with_context(|| format!("reading {model}"))?;
        ner::NerModel::from_bytes(&bytes, model, load_classes(classes)?)?
    };
    let docs = ner::read_ner_data(file)?;
    let table = ner::evaluate(&model, &docs, &kb, model.classes()).table();
    std::io::Write::write_all(&mut std::io::stdout().lock(), table.as_bytes())?;
    if let Some(path) = predictions {
        let tags = ner::predict(&model, &docs, &kb, model.classes());
        write_atomically(path, conlleval_lines(&docs, tags).as_bytes())?;
    }
    Ok(())
}

/// `word gold predicted` lines (IOB2), conlleval's input.
fn conlleval_lines(docs: &[ner::ConllDoc], tags: Vec<Vec<Vec<ner::Tag>>>) -> String {
    let mut out = String::new();
    for (doc, doc_tags) in docs.iter().zip(tags) {
        out.push_str("-DOCSTART- O O\n\n");
        for (s, s_tags) in doc.sentences.iter().zip(doc_tags) {
            let gold = ner::iob2(&ner::tags_of(&s.gold, s.words.len()));
            for ((word, g), p) in s.words.iter().zip(gold).zip(ner::iob2(&s_tags)) {
                out.push_str(&format!("{word} {g} {p}\n"));
            }
            out.push('\n');
        }
    }
    out
}

/// `ner classes`: word classes from CoNLL files' words and articles tokenized as `build` does.
fn learn_classes(text: &[PathBuf], conll: &[PathBuf], out: &Path, config: &ner::ClassConfig) -> Result<()> {
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for path in conll {
        for doc in ner::read_conll(path)? {
            sentences.extend(doc.sentences.into_iter().map(|s| s.words));
        }
    }
    let ingested = ingest::read_inputs(text);
    if let Some(e) = ingested.errors.first() {
        anyhow::bail!("{e}");
    }
    for doc in &ingested.documents {
        let a = newsgraph::text::AnalyzedDoc::new(doc);
        for s in &a.sentences {
            sentences.push(s.tokens.clone().map(|i| a.token_text(i).to_owned()).collect());
        }
    }
    anyhow::ensure!(!sentences.is_empty(), "no text to learn word classes from (give --text or --conll)");
    let body = ner::learn_classes(&sentences, config, |line| log::info!("{line}"));
    let header = format!(
        "# Word classes learned by `newsgraph ner classes` (exchange algorithm, {} coarse and {} fine\n\
         # classes, words seen at least {} times); see data/word-classes.md.\n",
        config.coarse, config.fine, config.min_count
    );
    write_atomically(out, format!("{header}{body}").as_bytes())?;
    log::info!("wrote {} ({} words)", out.display(), body.lines().count());
    Ok(())
}
