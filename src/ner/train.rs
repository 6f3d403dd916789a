//! Training: the averaged perceptron, epochs chosen on the development set.

use super::conll::{ConllDoc, Scores};
use super::features::{bucket, DocContext, History, Prepared};
use super::tags::{tags_of, Tag, N_TAGS};
use super::{best_allowed, decode, gazetteer_codes, record, NerModel, Weights};
use crate::kb::KnowledgeBase;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training data; the best epoch on the development set is kept.
    pub epochs: usize,
    /// log2 of the weight-table rows.
    pub bits: u32,
    /// Seed of the document shuffle (training is deterministic for a seed).
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { epochs: 12, bits: 20, seed: 2003 }
    }
}

/// What training measured.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// Development-set F1 after each epoch (averaged weights).
    pub dev_f1: Vec<f64>,
    /// The epoch kept (1-based).
    pub best_epoch: usize,
}

/// A table of float weights: `1 << bits` rows of [`N_TAGS`].
struct FloatWeights {
    bits: u32,
    w: Vec<f32>,
}

impl Weights for FloatWeights {
    #[inline]
    fn add_row(&self, b: u32, scores: &mut [f32; N_TAGS]) {
        let row = &self.w[b as usize * N_TAGS..(b as usize + 1) * N_TAGS];
        for (s, w) in scores.iter_mut().zip(row) {
            *s += w;
        }
    }
    fn bits(&self) -> u32 {
        self.bits
    }
}

/// The weights during training, with the running sums that make averaging cheap.
struct Perceptron {
    current: FloatWeights,
    /// Sum over updates of `step * delta`: the average is `w - u / step`.
    u: Vec<f32>,
    step: f32,
}

impl Perceptron {
    fn update(&mut self, feats: &[u64], good: Tag, bad: Tag) {
        for &f in feats {
            let row = bucket(f, self.current.bits) as usize * N_TAGS;
            self.current.w[row + good as usize] += 1.0;
            self.u[row + good as usize] += self.step;
            self.current.w[row + bad as usize] -= 1.0;
            self.u[row + bad as usize] -= self.step;
        }
    }

    fn averaged(&self) -> FloatWeights {
        let w = self.current.w.iter().zip(&self.u).map(|(w, u)| w - u / self.step).collect();
        FloatWeights { bits: self.current.bits, w }
    }
}

/// A sentence ready for training: words, gazetteer codes, gold tags.
struct Example {
    words: Vec<String>,
    codes: Vec<u8>,
    gold: Vec<Tag>,
}

fn examples(docs: &[ConllDoc], kb: &KnowledgeBase) -> Vec<Vec<Example>> {
    docs.iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| {
                    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    Example {
                        codes: gazetteer_codes(kb, &words),
                        gold: tags_of(&s.gold, s.words.len()),
                        words: s.words.clone(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Scores a model on documents.
pub fn evaluate<W: Weights>(weights: &W, docs: &[ConllDoc], kb: &KnowledgeBase) -> Scores {
    let mut scores = Scores::default();
    let mut feats = Vec::new();
    for d in docs {
        let mut history = History::default();
        let all: Vec<Vec<&str>> = d.sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
        let context = DocContext::new(all.iter().map(Vec::as_slice));
        for (s, words) in d.sentences.iter().zip(&all) {
            let codes = gazetteer_codes(kb, words);
            let p = Prepared::new(words, &codes);
            let tags = decode(weights, &p, &mut history, &context, &mut feats);
            scores.add_tags(&tags, &s.gold);
        }
    }
    scores
}

/// A small deterministic generator (xorshift64*) for the shuffle.
fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed ^= *seed >> 12;
        *seed ^= *seed << 25;
        *seed ^= *seed >> 27;
        let r = seed.wrapping_mul(0x2545_f491_4f6c_dd1d);
        items.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// Trains on `train`, keeping the epoch with the best F1 on `dev`; `log` hears progress.
pub fn train(
    train: &[ConllDoc],
    dev: &[ConllDoc],
    kb: &KnowledgeBase,
    config: &TrainConfig,
    mut log: impl FnMut(&str),
) -> (NerModel, TrainReport) {
    let data = examples(train, kb);
    let contexts: Vec<DocContext> = data
        .iter()
        .map(|d| {
            let all: Vec<Vec<&str>> = d.iter().map(|e| e.words.iter().map(String::as_str).collect()).collect();
            DocContext::new(all.iter().map(Vec::as_slice))
        })
        .collect();
    let rows = 1usize << config.bits;
    let mut p = Perceptron {
        current: FloatWeights { bits: config.bits, w: vec![0.0; rows * N_TAGS] },
        u: vec![0.0; rows * N_TAGS],
        step: 1.0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = config.seed.max(1);
    let mut best: Option<(f64, usize, FloatWeights)> = None;
    let mut dev_f1 = Vec::new();
    let mut feats: Vec<u64> = Vec::with_capacity(64);
    for epoch in 1..=config.epochs {
        shuffle(&mut order, &mut seed);
        let (mut errors, mut tokens) = (0usize, 0usize);
        for &d in &order {
            let mut history = History::default();
            let context = &contexts[d];
            for ex in &data[d] {
                let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
                let prepared = Prepared::new(&words, &ex.codes);
                let (mut prev, mut prev2) = (super::OUTSIDE, super::OUTSIDE);
                let mut predicted = Vec::with_capacity(words.len());
                for i in 0..words.len() {
                    feats.clear();
                    prepared.features(i, &history, context, &mut feats);
                    feats.extend_from_slice(&prepared.tag_features(i, prev, prev2));
                    let mut scores = [0f32; N_TAGS];
                    for &f in &feats {
                        p.current.add_row(bucket(f, p.current.bits), &mut scores);
                    }
                    let guess = best_allowed(&scores, prev, i + 1 == words.len());
                    let gold = ex.gold[i];
                    if guess != gold {
                        p.update(&feats, gold, guess);
                        errors += 1;
                    }
                    p.step += 1.0;
                    tokens += 1;
                    predicted.push(guess);
                    prev2 = prev;
                    prev = guess;
                }
                record(&prepared, &predicted, &mut history);
            }
        }
        let avg = p.averaged();
        let f1 = evaluate(&avg, dev, kb).overall().2;
        dev_f1.push(f1);
        log(&format!(
            "epoch {epoch}: training errors {:.2}% of {tokens} tokens, dev F1 {:.2}",
            100.0 * errors as f64 / tokens as f64,
            f1 * 100.0
        ));
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, epoch, avg));
        }
    }
    let (_, best_epoch, avg) = best.unwrap_or((0.0, 0, p.averaged()));
    (NerModel::quantize(config.bits, &avg.w), TrainReport { dev_f1, best_epoch })
}
