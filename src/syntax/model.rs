//! The syntactic model: tagger and parser weights with their tag and label sets, in one file.

use super::conllu::{Sentence, Word};
use super::lemma::Lemmatizer;
use super::lexical::Lexical;
use super::parser::{Context, Parser};
use super::tagger::{TagSet, Tagger};
use super::train::{examples, inventories, jackknife, tag_accuracy, train_parser, train_tagger, TrainConfig};
use super::weights::{Reader, Table};
use crate::error::{Error, Result};
use crate::ner::WordClasses;

const MAGIC: &[u8; 8] = b"NGSYN002";

/// The model shipped with newsgraph (`data/syntax.model`, see `data/syntax.md`).
pub const BUILTIN_SYNTAX_MODEL: &[u8] = include_bytes!("../../data/syntax.model");

/// A trained tagger and parser, and the word classes their features read.
#[derive(Debug, Clone)]
pub struct SyntaxModel {
    /// The part-of-speech tagger.
    pub tagger: Tagger,
    /// The dependency parser.
    pub parser: Parser,
    classes: WordClasses,
}

/// What training measured on the development set.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    /// Tagging accuracy after each epoch.
    pub tagger_dev: Vec<f64>,
    /// (UAS, LAS) after each parser epoch, on predicted tags.
    pub parser_dev: Vec<(f64, f64)>,
}

impl SyntaxModel {
    /// Trains a model on treebank sentences, choosing epochs on `dev`.
    pub fn train(
        train: &[Sentence],
        dev: &[Sentence],
        classes: WordClasses,
        config: &TrainConfig,
        mut log: impl FnMut(&str),
    ) -> (SyntaxModel, TrainReport) {
        let (tags, labels) = inventories(train);
        let train_ex = examples(train, &tags, &labels, &classes);
        let dev_ex = examples(dev, &tags, &labels, &classes);
        let (tagger, tagger_dev) =
            train_tagger(&train_ex, &dev_ex, &tags, config.tagger_epochs, config.tagger_bits, config.seed);
        let best_epoch = 1 + tagger_dev.iter().enumerate().fold(0, |b, (i, a)| if *a > tagger_dev[b] { i } else { b });
        log(&format!("tagger: dev accuracy {:.2} (epoch {best_epoch})", tag_accuracy(&tagger, &dev_ex)));
        let train_tags = jackknife(&train_ex, &tags, config, best_epoch);
        let dev_tags: Vec<Vec<u16>> = dev_ex.iter().map(|e| tagger.tag(&e.lex)).collect();
        let (parser, parser_dev) = train_parser(&train_ex, &train_tags, &dev_ex, &dev_tags, &labels, config, &mut log);
        let mut model = SyntaxModel { tagger, parser, classes }.pruned(config.prune);
        model.parser.beam = config.parse_beam;
        let (uas, las) = super::train::attachment(&model.parser, &dev_ex, &dev_tags);
        log(&format!("shipped (pruned, beam {}): dev UAS {uas:.2} LAS {las:.2}", config.parse_beam));
        (model, TrainReport { tagger_dev, parser_dev })
    }

    /// The model without weights of magnitude below `min` in any of its tables.
    pub fn pruned(&self, min: i16) -> SyntaxModel {
        let mut m = self.clone();
        m.tagger.table = m.tagger.table.pruned(min);
        m.parser.moves = m.parser.moves.pruned(min);
        m.parser.arcs = m.parser.arcs.pruned(min);
        m
    }

    /// The model shipped in the binary, with the shipped word classes.
    pub fn builtin() -> Result<SyntaxModel> {
        SyntaxModel::from_bytes(BUILTIN_SYNTAX_MODEL, "data/syntax.model", WordClasses::builtin()?)
    }

    /// Tags, lemmatizes and parses every sentence of a treebank on its gold words (for scoring).
    pub fn analyze_treebank(&self, gold: &[Sentence], lemmatizer: &Lemmatizer) -> Vec<Sentence> {
        gold.iter()
            .map(|g| {
                let mut s =
                    Sentence { comments: g.comments.clone(), words: self.analyze(&g.forms()), extra: Vec::new() };
                lemmatizer.annotate(&mut s);
                s
            })
            .collect()
    }

    /// The word classes the model reads.
    pub fn classes(&self) -> &WordClasses {
        &self.classes
    }

    /// Tags and parses a sentence of words, as CoNLL-U words (lemmas left `_`).
    pub fn analyze(&self, forms: &[&str]) -> Vec<Word> {
        let lex = Lexical::of_all(forms, &self.classes);
        let tags = self.tagger.tag(&lex);
        let parse = self.parser.parse(&Context { lex: &lex, tags: &tags, beam_features: self.parser.beam_features });
        forms
            .iter()
            .enumerate()
            .map(|(i, form)| {
                let (upos, xpos) = self.tagger.tags.pair(tags[i]);
                Word {
                    form: form.to_string(),
                    lemma: "_".into(),
                    upos: upos.into(),
                    xpos: xpos.into(),
                    head: parse.heads[i] as usize,
                    deprel: self.parser.labels.get(parse.labels[i] as usize).cloned().unwrap_or_else(|| "dep".into()),
                    ..Word::default()
                }
            })
            .collect()
    }

    /// The model as bytes: magic, word-class fingerprint, beam width, feature set, tag names, label names, three tables.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(self.classes.fingerprint().to_le_bytes());
        out.extend((self.parser.beam as u32).to_le_bytes());
        out.extend(u32::from(self.parser.beam_features).to_le_bytes());
        for names in [self.tagger.tags.names(), self.parser.labels.as_slice()] {
            let joined = names.join("\n");
            out.extend((joined.len() as u32).to_le_bytes());
            out.extend(joined.as_bytes());
        }
        for t in [&self.tagger.table, &self.parser.moves, &self.parser.arcs] {
            t.write(&mut out);
        }
        out
    }

    /// Reads a model written by [`SyntaxModel::to_bytes`]; `classes` must be those it was
    /// trained with.
    pub fn from_bytes(bytes: &[u8], name: &str, classes: WordClasses) -> Result<SyntaxModel> {
        let bad = |m: &str| Error::Data { source_name: name.to_string(), line: 0, message: m.to_string() };
        let mut rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or_else(|| bad("not a newsgraph syntax model"))?;
        let mut r = Reader { bytes: &mut rest, name };
        let fp = u64::from(r.u32()?) | (u64::from(r.u32()?) << 32);
        if fp != classes.fingerprint() {
            return Err(bad("trained with other word classes than the ones given"));
        }
        let beam = r.u32()? as usize;
        if !(1..=256).contains(&beam) {
            return Err(bad("a beam width out of 1..=256"));
        }
        let beam_features = match r.u32()? {
            0 => false,
            1 => true,
            _ => return Err(bad("an unknown feature set")),
        };
        let mut names = || -> Result<Vec<String>> {
            let n = r.u32()? as usize;
            let text = std::str::from_utf8(r.take(n)?).map_err(|_| bad("names are not UTF-8"))?;
            Ok(text.split('\n').map(str::to_string).collect())
        };
        let (tags, labels) = (TagSet::new(names()?), names()?);
        let tagger_table = Table::read(&mut rest, name)?;
        let moves = Table::read(&mut rest, name)?;
        let arcs = Table::read(&mut rest, name)?;
        if tagger_table.classes() != tags.len() || moves.classes() != 4 || arcs.classes() != labels.len() {
            return Err(bad("tables and names disagree"));
        }
        Ok(SyntaxModel {
            tagger: Tagger { tags, table: tagger_table },
            parser: Parser { labels, moves, arcs, beam, beam_features },
            classes,
        })
    }
}
