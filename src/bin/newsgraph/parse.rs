//! `newsgraph parse`: an article's CoNLL-U, and the tagger's and parser's training and scoring.

use crate::args::{InputFormat, ParseCommand};
use crate::files::write_atomically;
use anyhow::{bail, Context, Result};
use newsgraph::{ingest, ner};
use std::path::PathBuf;

/// `newsgraph parse train|eval|lemmas`.
pub fn run(command: ParseCommand) -> Result<()> {
    use newsgraph::syntax::{read_conllu, SyntaxModel, TrainConfig};
    let read_all = |paths: &[PathBuf]| -> Result<Vec<newsgraph::syntax::Sentence>> {
        let mut sentences = Vec::new();
        for path in paths {
            sentences.extend(read_conllu(path)?);
        }
        Ok(sentences)
    };
    match command {
        ParseCommand::Train {
            train,
            dev,
            out,
            tagger_epochs,
            parser_epochs,
            seed,
            parser_bits,
            beam,
            parse_beam,
            beam_features,
            prune,
        } => {
            let config = TrainConfig {
                tagger_epochs,
                parser_epochs,
                seed,
                parser_bits,
                beam,
                parse_beam: parse_beam.max(1),
                beam_features,
                prune,
                ..TrainConfig::default()
            };
            let (train, dev) = (read_all(&train)?, read_conllu(&dev)?);
            let classes = ner::WordClasses::builtin()?;
            let (model, _) = SyntaxModel::train(&train, &dev, classes, &config, |line| log::info!("{line}"));
            let bytes = model.to_bytes();
            write_atomically(&out, &bytes)?;
            log::info!("wrote {} ({} bytes)", out.display(), bytes.len());
        }
        ParseCommand::Eval { model, file, beam } => {
            let mut model = if model == "builtin" {
                SyntaxModel::builtin()?
            } else {
                let bytes = std::fs::read(&model).with_context(|| format!("reading {model}"))?;
                SyntaxModel::from_bytes(&bytes, &model, ner::WordClasses::builtin()?)?
            };
            if let Some(width) = beam {
                model.parser.beam = width.max(1);
            }
            let gold = read_conllu(&file)?;
            let predicted = model.analyze_treebank(&gold, &newsgraph::syntax::Lemmatizer::builtin());
            let scores = newsgraph::syntax::Scores::of(&gold, &predicted)?;
            let text = format!("{}{}\n", scores.report(), scores.summary_line());
            std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes())?;
        }
        ParseCommand::Lemmas { train, out } => {
            let table = newsgraph::syntax::learn_exceptions(&read_all(&train)?);
            write_atomically(&out, table.as_bytes())?;
            log::info!("wrote {} ({} lines)", out.display(), table.lines().count());
        }
    }
    Ok(())
}

/// `newsgraph parse FILE|-`: CoNLL-U of an article as the pipeline tokenizes it.
pub fn article(input: Option<PathBuf>, format: Option<InputFormat>) -> Result<()> {
    let input = input.context("give an article to parse (a file or `-`), or a subcommand")?;
    let ingested = ingest::read_inputs_with(&[input], format.map(Into::into), &newsgraph::progress::NoProgress);
    if let Some(e) = ingested.errors.first() {
        bail!("{e}");
    }
    let analyzer = newsgraph::syntax::Analyzer::builtin()?;
    let mut out = std::io::stdout().lock();
    for doc in &ingested.documents {
        let analyzed = newsgraph::text::AnalyzedDoc::new(doc);
        std::io::Write::write_all(&mut out, conllu_of(&analyzer, &analyzed).as_bytes())?;
    }
    Ok(())
}

/// The CoNLL-U of a document as the pipeline tokenizes and splits it: one sentence a block, with
/// its id, text and byte span as comments and `SpaceAfter=No` where no space follows a token.
fn conllu_of(analyzer: &newsgraph::syntax::Analyzer, a: &newsgraph::text::AnalyzedDoc) -> String {
    let sentences: Vec<newsgraph::syntax::Sentence> = a
        .sentences
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let forms: Vec<&str> = s.tokens.clone().map(|i| a.token_text(i)).collect();
            let mut words = analyzer.analyze(&forms);
            for (w, i) in words.iter_mut().zip(s.tokens.clone()) {
                let next = a.tokens.get(i + 1).map(|t| t.span.start);
                if i + 1 < s.tokens.end && next == Some(a.tokens[i].span.end) {
                    w.misc = "SpaceAfter=No".into();
                }
            }
            let text = a.sentence_text(k).replace(['\n', '\r', '\t'], " ");
            let comments = vec![
                format!("sent_id = {}-{}", a.doc.id, k + 1),
                format!("text = {text}"),
                format!("bytes = {}-{}", s.span.start, s.span.end),
            ];
            newsgraph::syntax::Sentence { comments, words, extra: Vec::new() }
        })
        .collect();
    let mut out = format!("# newdoc id = {}\n", a.doc.id);
    out.push_str(&newsgraph::syntax::write_conllu(&sentences));
    out
}
