//! Training the tagger and the parser on treebanks: averaged perceptrons, epochs chosen on a
//! development treebank, the parser trained on tags predicted by taggers that did not see the
//! sentence (jackknifing) and with the dynamic oracle's error exploration.

use super::beam::Beam;
use super::conllu::Sentence;
use super::lexical::Lexical;
use super::parser::{best_allowed, best_label, label_features, parse_features, Context, Parser};
use super::tagger::{argmax, tag_features, TagSet, Tagger};
use super::transition::{beam_oracle, projectivize, Move, State, MOVES};
use super::weights::{Perceptron, Table};
use crate::ner::WordClasses;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes of the tagger over the training sentences; the best on the development set is kept.
    pub tagger_epochs: usize,
    /// Passes of the parser.
    pub parser_epochs: usize,
    /// log2 of the tagger's weight rows.
    pub tagger_bits: u32,
    /// log2 of the parser's weight rows.
    pub parser_bits: u32,
    /// Folds of the jackknife that tags the parser's training sentences.
    pub folds: usize,
    /// Seed of the shuffles and of exploration.
    pub seed: u64,
    /// From which epoch (0-based) the parser follows its own moves.
    pub explore_from: usize,
    /// How often, then, it follows its own move rather than the oracle's (per thousand).
    pub explore_per_mille: u64,
    /// Weights of smaller magnitude (in 16-bit units) are dropped from the trained model.
    pub prune: i16,
    /// States the parser's beam keeps in training (1: greedy parsing, trained move by move).
    pub beam: usize,
    /// States the trained model's beam keeps when it parses (it may be narrower: a model trained
    /// with a beam of 16 parses about as well with 8, in half the time; see data/syntax.md).
    pub parse_beam: usize,
    /// Whether the parser's features include the nine a beam puts to use.
    pub beam_features: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            tagger_epochs: 12,
            parser_epochs: 12,
            tagger_bits: 20,
            parser_bits: 22,
            folds: 4,
            seed: 2011,
            explore_from: 1,
            explore_per_mille: 900,
            prune: 250,
            beam: 16,
            parse_beam: 8,
            beam_features: true,
        }
    }
}

/// A sentence ready for training: word hashes, gold tags, gold heads and labels (index 0 of
/// `heads` and `labels` is the root's and unused).
#[derive(Debug, Clone)]
pub struct Example {
    /// The words' hashes.
    pub lex: Vec<Lexical>,
    /// Gold tags (`u16::MAX`: a pair the tag set lacks).
    pub tags: Vec<u16>,
    /// Gold heads.
    pub heads: Vec<u32>,
    /// Gold label classes (`u16::MAX`: a label the label set lacks).
    pub labels: Vec<u16>,
}

/// The tag set and label set of training sentences, sorted (`root` first among labels).
pub fn inventories(train: &[Sentence]) -> (TagSet, Vec<String>) {
    let mut tags = std::collections::BTreeSet::new();
    let mut labels = std::collections::BTreeSet::new();
    for w in train.iter().flat_map(|s| &s.words) {
        tags.insert(format!("{}\t{}", w.upos, w.xpos));
        if w.deprel != "root" {
            labels.insert(w.deprel.clone());
        }
    }
    let labels = std::iter::once("root".to_string()).chain(labels).collect();
    (TagSet::new(tags.into_iter().collect()), labels)
}

/// Examples from sentences (sentences without a complete tree are left out).
pub fn examples(sentences: &[Sentence], tags: &TagSet, labels: &[String], classes: &WordClasses) -> Vec<Example> {
    sentences
        .iter()
        .filter(|s| !s.words.is_empty() && s.words.iter().all(|w| w.head <= s.words.len()))
        .map(|s| {
            let forms = s.forms();
            let label = |d: &str| labels.iter().position(|l| l == d).map_or(u16::MAX, |i| i as u16);
            Example {
                lex: Lexical::of_all(&forms, classes),
                tags: s.words.iter().map(|w| tags.find(&w.upos, &w.xpos).unwrap_or(u16::MAX)).collect(),
                heads: std::iter::once(0).chain(s.words.iter().map(|w| w.head as u32)).collect(),
                labels: std::iter::once(0).chain(s.words.iter().map(|w| label(&w.deprel))).collect(),
            }
        })
        .collect()
}

/// A small deterministic generator (xorshift).
pub(crate) fn next_random(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn shuffled(n: usize, seed: &mut u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, (next_random(seed) % (i as u64 + 1)) as usize);
    }
    order
}

/// Tagging accuracy of a tagger on examples.
pub fn tag_accuracy(tagger: &Tagger, examples: &[Example]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for e in examples {
        let predicted = tagger.tag(&e.lex);
        right += predicted.iter().zip(&e.tags).filter(|(p, g)| p == g).count();
        all += e.tags.len();
    }
    100.0 * right as f64 / all.max(1) as f64
}

/// Trains a tagger for `epochs` passes; with a development set, keeps the best epoch's weights.
/// Returns the tagger and each epoch's development accuracy.
pub fn train_tagger(
    train: &[Example],
    dev: &[Example],
    tags: &TagSet,
    epochs: usize,
    bits: u32,
    seed: u64,
) -> (Tagger, Vec<f64>) {
    let mut model = Perceptron::new(tags.len(), bits);
    let mut seed = seed.max(1);
    let (mut feats, mut scores) = (Vec::new(), vec![0f32; tags.len()]);
    let mut best: Option<(f64, Table)> = None;
    let mut curve = Vec::new();
    for _ in 0..epochs {
        for i in shuffled(train.len(), &mut seed) {
            let e = &train[i];
            let mut history = Vec::with_capacity(e.lex.len());
            for (k, &gold) in e.tags.iter().enumerate() {
                tag_features(&e.lex, &history, k, &mut feats);
                model.score(&feats, &mut scores);
                let guess = argmax(&scores);
                if gold != u16::MAX && guess != gold as usize {
                    model.update(&feats, gold as usize, guess);
                }
                model.tick();
                history.push(guess as u16);
            }
        }
        let tagger = Tagger { tags: tags.clone(), table: model.averaged() };
        if dev.is_empty() {
            best = Some((0.0, tagger.table));
            continue;
        }
        let acc = tag_accuracy(&tagger, dev);
        curve.push(acc);
        if best.as_ref().is_none_or(|(b, _)| acc > *b) {
            best = Some((acc, tagger.table));
        }
    }
    let table = best.map_or_else(|| model.averaged(), |(_, t)| t);
    (Tagger { tags: tags.clone(), table }, curve)
}

/// Replaces each training example's tags by those of a tagger trained on the other folds, so that
/// the parser learns from tags as good (and as bad) as it will see.
pub fn jackknife(train: &[Example], tags: &TagSet, config: &TrainConfig, epochs: usize) -> Vec<Vec<u16>> {
    let k = config.folds.max(2);
    let mut predicted = vec![Vec::new(); train.len()];
    for fold in 0..k {
        let rest: Vec<Example> =
            train.iter().enumerate().filter(|(i, _)| i % k != fold).map(|(_, e)| e.clone()).collect();
        let (tagger, _) = train_tagger(&rest, &[], tags, epochs, config.tagger_bits, config.seed + fold as u64);
        for (i, e) in train.iter().enumerate().filter(|(i, _)| i % k == fold) {
            predicted[i] = tagger.tag(&e.lex);
        }
    }
    predicted
}

/// Unlabelled and labelled attachment scores (all words; labels compared on their universal
/// part, before any `:`).
pub fn attachment(parser: &Parser, examples: &[Example], tags: &[Vec<u16>]) -> (f64, f64) {
    let universal = |l: u16| parser.labels.get(l as usize).map(|s| s.split(':').next().unwrap_or(s));
    let (mut uas, mut las, mut all) = (0usize, 0usize, 0usize);
    for (e, t) in examples.iter().zip(tags) {
        let parse = parser.parse(&Context { lex: &e.lex, tags: t, beam_features: parser.beam_features });
        for (i, (&h, &l)) in parse.heads.iter().zip(&parse.labels).enumerate() {
            if h == e.heads[i + 1] {
                uas += 1;
                las += usize::from(universal(l) == universal(e.labels[i + 1]) && universal(l).is_some());
            }
            all += 1;
        }
    }
    (100.0 * uas as f64 / all.max(1) as f64, 100.0 * las as f64 / all.max(1) as f64)
}

/// The parser's two models during training.
struct ParserTraining {
    moves: Perceptron,
    arcs: Perceptron,
    seed: u64,
    beam: Beam,
    beam_features: bool,
}

/// The label an arc takes while training: the gold one when its head is the gold head, else the
/// label model's guess.
fn training_label(arcs: &Perceptron, e: &Example, state: &State, m: Move, feats: &[u64]) -> u16 {
    let (head, dep) = match m {
        Move::Left => (state.buffer(0), state.s0()),
        Move::Right => (state.s0(), state.buffer(0)),
        _ => return 0,
    };
    let gold = e.labels[dep as usize];
    if head == 0 {
        return 0;
    }
    if e.heads[dep as usize] == head && gold != u16::MAX && gold != 0 {
        return gold;
    }
    let mut lf = Vec::with_capacity(feats.len());
    label_features(feats, m, &mut lf);
    let mut scores = vec![0f32; arcs.classes()];
    arcs.score(&lf, &mut scores);
    best_label(&scores)
}

impl ParserTraining {
    /// One pass of the move model over a sentence with a beam of `width` (Huang et al. 2012's
    /// max-violation update): the gold sequence's score is compared at each step with the beam's
    /// best item; at the step where the best item, not gold, leads it most, the gold prefix's
    /// features are rewarded and the best item's penalized (from the first move where they part).
    fn beam_sentence(&mut self, e: &Example, tags: &[u16], width: usize) {
        let mut gold = e.heads.clone();
        projectivize(&mut gold);
        let cx = Context { lex: &e.lex, tags, beam_features: self.beam_features };
        let n = e.lex.len();
        let (mut state, mut feats, mut scores) = (State::new(n), Vec::new(), [0f32; 4]);
        let (mut gold_feats, mut gold_moves, mut gold_scores) = (Vec::new(), Vec::new(), Vec::new());
        let mut total = 0f64;
        for _ in 0..2 * n {
            parse_features(&state, &cx, &mut feats);
            self.moves.score(&feats, &mut scores);
            let m = beam_oracle(&state, &gold);
            total += f64::from(scores[m as usize]);
            gold_scores.push(total);
            gold_feats.push(feats.clone());
            gold_moves.push(m);
            let l = training_label(&self.arcs, e, &state, m, &feats);
            state.apply(m, l);
        }
        let mut reports = Vec::with_capacity(2 * n);
        let arcs = &self.arcs;
        let mut label = |s: &State, m: Move, f: &[u64]| training_label(arcs, e, s, m, f);
        let oracle = |s: &State| beam_oracle(s, &gold);
        self.beam.parse(&cx, &self.moves, width, &mut label, Some(&oracle), &mut |r| reports.push(r));
        let worst = reports
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.best_is_gold)
            .map(|(t, r)| (r.best_score - gold_scores[t], t, r.best_last))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, t, last)) = worst {
            let history = self.beam.history(last);
            let parted = history.iter().zip(&gold_moves).take_while(|(s, g)| s.mv == **g).count();
            for i in parted..=t {
                self.moves.add(&gold_feats[i], gold_moves[i] as usize, 1.0);
                self.moves.add(self.beam.features_of(&history[i]), history[i].mv as usize, -1.0);
            }
        }
        self.moves.tick();
    }

    /// One pass over a sentence with the dynamic oracle; `explore` lets the parser follow its
    /// own (possibly wrong) moves. With `train_moves` false only the label model learns.
    fn sentence(&mut self, e: &Example, tags: &[u16], explore: Option<u64>, train_moves: bool) {
        let mut gold = e.heads.clone();
        projectivize(&mut gold);
        let cx = Context { lex: &e.lex, tags, beam_features: self.beam_features };
        let mut state = State::new(e.lex.len());
        let (mut feats, mut label_feats) = (Vec::new(), Vec::new());
        let (mut scores, mut label_scores) = ([0f32; 4], vec![0f32; self.arcs.classes()]);
        while !state.is_final() {
            parse_features(&state, &cx, &mut feats);
            self.moves.score(&feats, &mut scores);
            let guess = best_allowed(&state, &scores);
            let costs = MOVES.map(|m| if state.allows(m) { state.cost(m, &gold) } else { u32::MAX });
            let least = costs.iter().copied().min().unwrap_or(0);
            let good = best_of(&scores, |i| costs[i] == least);
            if train_moves {
                if costs[guess as usize] > least {
                    self.moves.update(&feats, good, guess as usize);
                }
                self.moves.tick();
            }
            let follow = match explore {
                Some(per_mille) if next_random(&mut self.seed) % 1000 < per_mille => guess,
                _ => MOVES[good],
            };
            let label = self.label(&state, follow, e, &feats, &mut label_feats, &mut label_scores);
            state.apply(follow, label);
        }
    }

    /// Trains the label model on an arc the parser makes, when its head is the gold one; returns
    /// the label to give it.
    fn label(
        &mut self,
        state: &State,
        m: Move,
        e: &Example,
        feats: &[u64],
        lf: &mut Vec<u64>,
        scores: &mut [f32],
    ) -> u16 {
        let (head, dep) = match m {
            Move::Left => (state.buffer(0), state.s0()),
            Move::Right => (state.s0(), state.buffer(0)),
            _ => return 0,
        };
        if head == 0 {
            return 0;
        }
        label_features(feats, m, lf);
        self.arcs.score(lf, scores);
        let guess = best_label(scores);
        let gold = e.labels[dep as usize];
        if e.heads[dep as usize] != head || gold == u16::MAX || gold == 0 {
            return guess;
        }
        if guess != gold {
            self.arcs.update(lf, gold as usize, guess as usize);
        }
        self.arcs.tick();
        gold
    }
}

/// The index with the highest score among those `ok` accepts.
fn best_of(scores: &[f32], ok: impl Fn(usize) -> bool) -> usize {
    let mut best: Option<usize> = None;
    for i in (0..scores.len()).filter(|&i| ok(i)) {
        if best.is_none_or(|b| scores[i] > scores[b]) {
            best = Some(i);
        }
    }
    best.unwrap_or(0)
}

/// Trains the parser; keeps the epoch with the best labelled score on the development set.
/// Returns it with each epoch's development (UAS, LAS).
pub fn train_parser(
    train: &[Example],
    train_tags: &[Vec<u16>],
    dev: &[Example],
    dev_tags: &[Vec<u16>],
    labels: &[String],
    config: &TrainConfig,
    mut log: impl FnMut(&str),
) -> (Parser, Vec<(f64, f64)>) {
    let mut t = ParserTraining {
        moves: Perceptron::new(4, config.parser_bits),
        arcs: Perceptron::new(labels.len(), config.parser_bits),
        seed: config.seed.max(1),
        beam: Beam::default(),
        beam_features: config.beam_features,
    };
    let mut order_seed = config.seed.max(1) ^ 0x5eed;
    let mut best: Option<(f64, Parser)> = None;
    let mut curve = Vec::new();
    for epoch in 0..config.parser_epochs {
        let explore = (epoch >= config.explore_from).then_some(config.explore_per_mille);
        for i in shuffled(train.len(), &mut order_seed) {
            if config.beam > 1 {
                t.beam_sentence(&train[i], &train_tags[i], config.beam);
            }
            t.sentence(&train[i], &train_tags[i], explore, config.beam <= 1);
        }
        let parser = Parser {
            labels: labels.to_vec(),
            moves: t.moves.averaged(),
            arcs: t.arcs.averaged(),
            beam: config.beam,
            beam_features: config.beam_features,
        };
        let (uas, las) = attachment(&parser, dev, dev_tags);
        log(&format!("parser epoch {}: dev UAS {uas:.2} LAS {las:.2}", epoch + 1));
        curve.push((uas, las));
        if best.as_ref().is_none_or(|(b, _)| las > *b) {
            best = Some((las, parser));
        }
    }
    let parser = best.map(|(_, p)| p).unwrap_or_else(|| Parser {
        labels: labels.to_vec(),
        moves: t.moves.averaged(),
        arcs: t.arcs.averaged(),
        beam: config.beam,
        beam_features: config.beam_features,
    });
    (parser, curve)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence whose words are `ids` (distinct ids, distinct words), tagged alike.
    fn example(ids: &[u64], heads: &[u32]) -> Example {
        Example {
            lex: ids.iter().map(|&i| Lexical { lower: i, ..Lexical::default() }).collect(),
            tags: vec![0; ids.len()],
            heads: heads.to_vec(),
            labels: heads.iter().map(|&h| u16::from(h != 0)).collect(),
        }
    }

    /// The move model trained on whole sequences with a beam learns a few trees by heart.
    #[test]
    fn beam_training_learns_its_training_trees() {
        let train = [
            example(&[1, 2, 3, 4], &[0, 2, 0, 2, 3]),
            example(&[5, 6, 7, 8, 9], &[0, 3, 3, 0, 5, 3]),
            example(&[4, 3, 2, 1], &[0, 0, 1, 2, 1]),
        ];
        let labels = vec!["root".to_string(), "dep".to_string()];
        let mut t = ParserTraining {
            moves: Perceptron::new(4, 16),
            arcs: Perceptron::new(2, 16),
            seed: 1,
            beam: Beam::default(),
            beam_features: true,
        };
        for _ in 0..10 {
            for e in &train {
                t.beam_sentence(e, &e.tags, 4);
                t.sentence(e, &e.tags, None, false);
            }
        }
        let parser =
            Parser { labels, moves: t.moves.averaged(), arcs: t.arcs.averaged(), beam: 4, beam_features: true };
        let tags: Vec<Vec<u16>> = train.iter().map(|e| e.tags.clone()).collect();
        assert_eq!(attachment(&parser, &train, &tags), (100.0, 100.0));
    }
}
