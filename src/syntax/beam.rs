//! Beam search over arc-eager states (Zhang & Clark 2008; Zhang & Nivre 2011): the `width` best
//! sequences of moves by their summed move scores, kept side by side, so that a move that looks
//! best now but leads nowhere can lose to one that looked second best.
//!
//! Why labels stay out of the beam's score: the label model is read once an arc is made, for the
//! candidates that survive, and chooses the label greedily; scoring every label of every
//! candidate would read the label model four times as often. The move model is trained on whole
//! sequences (see [`super::train`]), the label model locally, as for greedy parsing.

use super::parser::{parse_features, Context};
use super::transition::{Move, State, MOVES};
use super::weights::{Perceptron, Table};

/// Move weights a beam reads: the trained table, or the perceptron while training.
pub trait MoveScores {
    /// The scores of the four moves for a state's features.
    fn move_scores(&self, features: &[u64], scores: &mut [f32; 4]);
}

impl MoveScores for Table {
    #[inline]
    fn move_scores(&self, features: &[u64], scores: &mut [f32; 4]) {
        self.score(features, scores);
    }
}

impl MoveScores for Perceptron {
    #[inline]
    fn move_scores(&self, features: &[u64], scores: &mut [f32; 4]) {
        self.score(features, scores);
    }
}

/// No step before (the first move's parent).
const START: u32 = u32::MAX;

/// One move of one item's history: the step before it, the move, and where the features of the
/// state it was made from start in [`Beam::features`].
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// The step before (`START` for a first move).
    pub parent: u32,
    /// The move made.
    pub mv: Move,
    /// Offset of the state's features.
    pub features: u32,
}

/// A state of the beam with its score and history.
#[derive(Debug, Clone)]
struct Item {
    state: State,
    score: f64,
    last: u32,
    gold: bool,
}

/// What a beam step leaves for a trainer: the best item's score, last step and whether it is
/// the gold sequence so far.
#[derive(Debug, Clone, Copy)]
pub struct StepReport {
    /// Summed score of the best item.
    pub best_score: f64,
    /// Its last step (an index of [`Beam::steps`]).
    pub best_last: u32,
    /// Whether the best item's moves are the gold moves so far.
    pub best_is_gold: bool,
}

/// A reusable beam: its items, candidates and the histories of every move made.
#[derive(Debug, Default)]
pub struct Beam {
    items: Vec<Item>,
    next: Vec<Item>,
    candidates: Vec<(f64, u32, u8)>,
    /// Every state's features, one block per expanded state.
    pub features: Vec<u64>,
    /// Every move made, by any item.
    pub steps: Vec<Step>,
    block: usize,
}

impl Beam {
    /// Parses a sentence keeping `width` items; `label` gives an arc's label (the state before
    /// the move, the move, the state's features); `gold`, when training, names each state's gold
    /// move, and `report` hears of each step. Returns the best final state (before
    /// [`State::finish`]).
    pub fn parse<M: MoveScores>(
        &mut self,
        cx: &Context,
        moves: &M,
        width: usize,
        label: &mut dyn FnMut(&State, Move, &[u64]) -> u16,
        gold: Option<&dyn Fn(&State) -> Move>,
        report: &mut dyn FnMut(StepReport),
    ) -> &State {
        let n = cx.lex.len();
        self.features.clear();
        self.steps.clear();
        self.items.clear();
        self.items.push(Item { state: State::new(n), score: 0.0, last: START, gold: gold.is_some() });
        let mut scores = [0f32; 4];
        let mut feats = Vec::with_capacity(128);
        for _ in 0..2 * n {
            self.candidates.clear();
            for (i, item) in self.items.iter().enumerate() {
                parse_features(&item.state, cx, &mut feats);
                if i == 0 {
                    self.block = feats.len();
                }
                self.features.extend_from_slice(&feats);
                moves.move_scores(&feats, &mut scores);
                for (k, &m) in MOVES.iter().enumerate() {
                    if item.state.allows_in_beam(m) {
                        self.candidates.push((item.score + f64::from(scores[k]), i as u32, k as u8));
                    }
                }
            }
            // Best first; equal scores by item, then move, so the order is always the same.
            self.candidates.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            self.candidates.truncate(width.max(1));
            self.expand(label, gold);
            std::mem::swap(&mut self.items, &mut self.next);
            let best = &self.items[0];
            report(StepReport { best_score: best.score, best_last: best.last, best_is_gold: best.gold });
        }
        &self.items[0].state
    }

    /// Makes the chosen candidates the next items.
    fn expand(&mut self, label: &mut dyn FnMut(&State, Move, &[u64]) -> u16, gold: Option<&dyn Fn(&State) -> Move>) {
        let block = self.block;
        for (k, &(score, parent, mv)) in self.candidates.iter().enumerate() {
            let from = &self.items[parent as usize];
            let m = MOVES[mv as usize];
            let offset = parent as usize * block;
            let feats = &self.features[self.features.len() - self.items.len() * block + offset..][..block];
            let l = if matches!(m, Move::Left | Move::Right) { label(&from.state, m, feats) } else { 0 };
            let is_gold = from.gold && gold.is_some_and(|g| g(&from.state) == m);
            let step = self.steps.len() as u32;
            let features = (self.features.len() - self.items.len() * block + offset) as u32;
            self.steps.push(Step { parent: from.last, mv: m, features });
            if self.next.len() <= k {
                self.next.push(from.clone());
            } else {
                self.next[k].state.copy_from(&from.state);
            }
            let item = &mut self.next[k];
            item.state.apply(m, l);
            (item.score, item.last, item.gold) = (score, step, is_gold);
        }
        self.next.truncate(self.candidates.len());
    }

    /// The moves of the history ending at step `last`, first move first, with their features'
    /// offsets.
    pub fn history(&self, last: u32) -> Vec<Step> {
        let mut out = Vec::new();
        let mut at = last;
        while at != START {
            let s = self.steps[at as usize];
            out.push(s);
            at = s.parent;
        }
        out.reverse();
        out
    }

    /// The features of a step's state.
    pub fn features_of(&self, step: &Step) -> &[u64] {
        &self.features[step.features as usize..step.features as usize + self.block]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::lexical::Lexical;
    use crate::syntax::transition::beam_oracle;

    /// A sentence of `n` distinct words, all tagged alike.
    fn words(n: usize) -> (Vec<Lexical>, Vec<u16>) {
        let lex = (0..n).map(|i| Lexical { lower: 1000 + i as u64, ..Lexical::default() }).collect();
        (lex, vec![0; n])
    }

    #[test]
    fn gold_sequences_pop_every_word_in_two_moves_a_word() {
        let trees: &[&[u32]] = &[&[0, 2, 3, 0, 6, 6, 3, 3], &[0, 0], &[0, 2, 0, 2, 3, 4], &[0, 4, 1, 1, 0]];
        for gold in trees {
            let n = gold.len() - 1;
            let mut s = State::new(n);
            for _ in 0..2 * n {
                let m = beam_oracle(&s, gold);
                assert!(s.allows_in_beam(m), "{m:?} in {gold:?}");
                s.apply(m, 0);
            }
            assert!(s.is_emptied(), "{gold:?}");
            assert_eq!(s.heads[1..], gold[1..]);
        }
    }

    #[test]
    fn untrained_beam_gives_a_tree_and_the_histories_lead_to_it() {
        let (lex, tags) = words(6);
        let cx = Context { lex: &lex, tags: &tags, beam_features: true };
        let mut beam = Beam::default();
        let mut steps = 0;
        let mut last = START;
        let table = Perceptron::new(4, 10);
        let state = beam.parse(&cx, &table, 4, &mut |_, _, _| 1, None, &mut |r| {
            steps += 1;
            last = r.best_last;
        });
        assert!(state.is_emptied());
        let mut state = state.clone();
        state.finish();
        assert_eq!(state.heads[1..].iter().filter(|&&h| h == 0).count(), 1, "{:?}", state.heads);
        assert_eq!(steps, 12);
        // Replaying the best item's history rebuilds its tree.
        let mut replay = State::new(6);
        for s in beam.history(last) {
            assert_eq!(beam.features_of(&s).len(), beam.block);
            replay.apply(s.mv, 1);
        }
        replay.finish();
        assert_eq!(replay.heads, state.heads);
    }
}
