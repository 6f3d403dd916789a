//! Training: the structured averaged perceptron with beam search, epochs chosen on the development sets.

use super::conll::{ConllDoc, Scores};
use super::features::{bucket, transition_features, DocContext, History, Prepared};
use super::tags::{tags_of, Tag, N_TAGS};
use super::{beam_search, decode, gazetteer_codes, record, NerModel, Weights, WordClasses, OUTSIDE};
use crate::kb::KnowledgeBase;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training data; the best epoch on the development sets is kept.
    pub epochs: usize,
    /// log2 of the weight-table rows.
    pub bits: u32,
    /// Seed of the document shuffle (training is deterministic for a seed).
    pub seed: u64,
    /// Independent runs (seeds `seed`, `seed + 1`, ...) whose weights are averaged.
    pub runs: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        // The shipped model's recipe (data/ner.md).
        TrainConfig { epochs: 20, bits: 20, seed: 2003, runs: 5 }
    }
}

/// What training measured.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// The development score (see [`dev_score`]) after each epoch (averaged weights) of the first run.
    pub dev_f1: Vec<f64>,
    /// The epoch kept in each run (1-based).
    pub best_epochs: Vec<usize>,
    /// The development score of the model returned (the runs averaged, quantized).
    pub final_dev_f1: f64,
    /// The F1 of the model returned on each development set, in order.
    pub final_dev_f1s: Vec<f64>,
}

/// The F1 on each development set, and their mean: the score epochs are chosen by.
///
/// Why the mean and not the F1 of all names pooled: CoNLL's `valid` has some 5,900 names and
/// GUM's dev set a few hundred; pooled, the second would hardly count, and the point of adding GUM
/// is to do well on text unlike Reuters 1996 without losing CoNLL.
pub fn dev_score<W: Weights>(
    weights: &W,
    dev: &[Vec<ConllDoc>],
    kb: &KnowledgeBase,
    classes: &WordClasses,
) -> (f64, Vec<f64>) {
    let f1s: Vec<f64> = dev.iter().map(|d| evaluate(weights, d, kb, classes).overall().2).collect();
    let mean = if f1s.is_empty() { 0.0 } else { f1s.iter().sum::<f64>() / f1s.len() as f64 };
    (mean, f1s)
}

/// `93.82` or `81.40 (93.82, 68.98)`: the score, with each set's F1 when there are several.
fn describe(score: f64, f1s: &[f64]) -> String {
    let each: Vec<String> = f1s.iter().map(|f| format!("{:.2}", f * 100.0)).collect();
    match f1s.len() {
        0 | 1 => format!("{:.2}", score * 100.0),
        _ => format!("{:.2} ({})", score * 100.0, each.join(", ")),
    }
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
    /// Adds `delta` to the weight of `tag` in the rows of `feats`.
    fn adjust(&mut self, feats: &[u64], tag: Tag, delta: f32) {
        for &f in feats {
            let at = bucket(f, self.current.bits) as usize * N_TAGS + tag as usize;
            self.current.w[at] += delta;
            self.u[at] += self.step * delta;
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
    codes: Vec<u16>,
    classes: Vec<super::WordCode>,
    gold: Vec<Tag>,
}

fn examples(docs: &[ConllDoc], kb: &KnowledgeBase, classes: &WordClasses) -> Vec<Vec<Example>> {
    docs.iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| {
                    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    Example {
                        codes: gazetteer_codes(kb, &words),
                        classes: classes.codes(&words),
                        gold: tags_of(&s.gold, s.words.len()),
                        words: s.words.clone(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Scores a model on documents.
pub fn evaluate<W: Weights>(weights: &W, docs: &[ConllDoc], kb: &KnowledgeBase, classes: &WordClasses) -> Scores {
    let mut scores = Scores::default();
    for (d, tags) in docs.iter().zip(predict(weights, docs, kb, classes)) {
        for (s, tags) in d.sentences.iter().zip(tags) {
            scores.add_tags(&tags, &s.gold);
        }
    }
    scores
}

/// The tags a model gives every sentence of every document.
pub fn predict<W: Weights>(
    weights: &W,
    docs: &[ConllDoc],
    kb: &KnowledgeBase,
    classes: &WordClasses,
) -> Vec<Vec<Vec<Tag>>> {
    let mut feats = Vec::new();
    docs.iter()
        .map(|d| {
            let mut history = History::default();
            let all: Vec<Vec<&str>> =
                d.sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
            let context = DocContext::new(all.iter().map(Vec::as_slice));
            all.iter()
                .map(|words| {
                    let codes = gazetteer_codes(kb, words);
                    let class_codes = classes.codes(words);
                    let p = Prepared::new(words, &codes, &class_codes);
                    decode(weights, &p, &mut history, &context, &mut feats)
                })
                .collect()
        })
        .collect()
}

/// A small deterministic generator (xorshift64*).
fn next_random(seed: &mut u64) -> u64 {
    *seed ^= *seed >> 12;
    *seed ^= *seed << 25;
    *seed ^= *seed >> 27;
    seed.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

/// Shuffles deterministically.
fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        let r = next_random(seed);
        items.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// Trains on `train`, keeping the epoch with the best [`dev_score`] on the development sets `dev`
/// (the mean of their F1); with several runs, their
/// weights are averaged (runs differ in the order they see the documents, and their average
/// errs less than any of them). `log` hears progress.
pub fn train(
    train: &[ConllDoc],
    dev: &[Vec<ConllDoc>],
    kb: &KnowledgeBase,
    classes: &WordClasses,
    config: &TrainConfig,
    mut log: impl FnMut(&str),
) -> (NerModel, TrainReport) {
    let data = examples(train, kb, classes);
    let contexts: Vec<DocContext> = data
        .iter()
        .map(|d| {
            let all: Vec<Vec<&str>> = d.iter().map(|e| e.words.iter().map(String::as_str).collect()).collect();
            DocContext::new(all.iter().map(Vec::as_slice))
        })
        .collect();
    let runs = config.runs.max(1);
    let mut sum: Option<FloatWeights> = None;
    let mut report =
        TrainReport { dev_f1: Vec::new(), best_epochs: Vec::new(), final_dev_f1: 0.0, final_dev_f1s: Vec::new() };
    for run in 0..runs {
        let seed = config.seed.wrapping_add(run as u64);
        let (weights, dev_f1, best_epoch) = train_run(&data, &contexts, dev, kb, classes, config, seed, &mut log);
        if run == 0 {
            report.dev_f1 = dev_f1;
        }
        report.best_epochs.push(best_epoch);
        match &mut sum {
            None => sum = Some(weights),
            Some(total) => total.w.iter_mut().zip(&weights.w).for_each(|(t, w)| *t += w),
        }
    }
    let mut avg = sum.unwrap_or(FloatWeights { bits: config.bits, w: vec![0.0; (1usize << config.bits) * N_TAGS] });
    avg.w.iter_mut().for_each(|w| *w /= runs as f32);
    // Scored as returned: quantized to 16 bits, which moves a few names (0.09 F1 on `valid` for
    // the shipped model).
    let model = NerModel::quantize(config.bits, &avg.w, classes.clone());
    (report.final_dev_f1, report.final_dev_f1s) = dev_score(&model, dev, kb, classes);
    if runs > 1 {
        log(&format!("average of {runs} runs: dev F1 {}", describe(report.final_dev_f1, &report.final_dev_f1s)));
    }
    (model, report)
}

/// One run: the best epoch's averaged weights, the dev F1 of every epoch, and the best epoch.
#[allow(clippy::too_many_arguments, reason = "the run's inputs, prepared once by `train`")]
fn train_run(
    data: &[Vec<Example>],
    contexts: &[DocContext],
    dev: &[Vec<ConllDoc>],
    kb: &KnowledgeBase,
    classes: &WordClasses,
    config: &TrainConfig,
    seed: u64,
    log: &mut impl FnMut(&str),
) -> (FloatWeights, Vec<f64>, usize) {
    let rows = 1usize << config.bits;
    let mut p = Perceptron {
        current: FloatWeights { bits: config.bits, w: vec![0.0; rows * N_TAGS] },
        u: vec![0.0; rows * N_TAGS],
        step: 1.0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = seed.max(1);
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
                let prepared = Prepared::new(&words, &ex.codes, &ex.classes);
                // The structured perceptron (Collins 2002): decode the sentence as at run time; where
                // the best sequence differs from the gold one, reward the gold tags in their gold
                // context and penalize the predicted ones in theirs.
                let predicted = beam_search(&p.current, &prepared, &history, context, &mut feats);
                if predicted != ex.gold {
                    let (mut gold_prev, mut gold_prev2, mut pred_prev, mut pred_prev2) =
                        (OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE);
                    for (i, (&g, &q)) in ex.gold.iter().zip(&predicted).enumerate() {
                        if g != q || (gold_prev, gold_prev2) != (pred_prev, pred_prev2) {
                            feats.clear();
                            prepared.features(i, &history, context, &mut feats);
                            if g != q {
                                p.adjust(&feats, g, 1.0);
                                p.adjust(&feats, q, -1.0);
                                errors += 1;
                            }
                            p.adjust(&transition_features(gold_prev2, gold_prev), g, 1.0);
                            p.adjust(&transition_features(pred_prev2, pred_prev), q, -1.0);
                        }
                        (gold_prev2, gold_prev, pred_prev2, pred_prev) = (gold_prev, g, pred_prev, q);
                    }
                }
                p.step += words.len() as f32;
                tokens += words.len();
                record(&prepared, &predicted, &mut history);
            }
        }
        let avg = p.averaged();
        let (f1, f1s) = dev_score(&avg, dev, kb, classes);
        dev_f1.push(f1);
        log(&format!(
            "epoch {epoch}: training errors {:.2}% of {tokens} tokens, dev F1 {}",
            100.0 * errors as f64 / tokens as f64,
            describe(f1, &f1s)
        ));
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, epoch, avg));
        }
    }
    let (_, best_epoch, avg) = best.unwrap_or((0.0, 0, p.averaged()));
    (avg, dev_f1, best_epoch)
}
