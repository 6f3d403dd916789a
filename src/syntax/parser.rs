//! The dependency parser: arc-eager parsing scored by two linear models, one choosing the move
//! and one the label of each arc it makes; greedy, or with a beam of states ([`super::beam`]).
//!
//! Features follow Zhang & Nivre (2011): words, tags and labels of the stack's top two words, the
//! buffer's first three, their heads and outermost children; their distance, valencies and the
//! label sets of their children; and Brown cluster paths (Koo et al. 2008) for words the training
//! treebanks never saw. Why two models: a joint model has a weight per move and label (a hundred
//! classes) in every row it reads, twice a word; the move model's rows have four, and the label
//! model is read once a word, when its arc is made.

use super::beam::Beam;
use super::lexical::{cluster_prefix, feature, Lexical};
use super::tagger::argmax;
use super::transition::{Move, State, MOVES, NONE};
use super::weights::Table;
use crate::ner::mix;

/// Stand-ins for an absent word, the root, and a word with no label yet.
const ABSENT: u64 = 0x00a8_5e17;
const ROOT: u64 = 0x2007;
const UNLABELLED: u64 = 0x1abe1;

/// What the features read of a sentence: its words' hashes and tags.
pub struct Context<'a> {
    /// The words' hashes (word `i` is `lex[i - 1]`).
    pub lex: &'a [Lexical],
    /// The words' tags (word `i` is `tags[i - 1]`).
    pub tags: &'a [u16],
    /// Whether the features include the nine a beam puts to use ([`Parser::beam_features`]).
    pub beam_features: bool,
}

impl Context<'_> {
    fn word(&self, t: u32) -> u64 {
        match t {
            NONE => ABSENT,
            0 => ROOT,
            t => self.lex[t as usize - 1].lower,
        }
    }

    fn tag(&self, t: u32) -> u64 {
        match t {
            NONE => ABSENT,
            0 => ROOT,
            t => u64::from(self.tags[t as usize - 1]),
        }
    }

    fn cluster(&self, t: u32, k: u32) -> u64 {
        match t {
            NONE => ABSENT,
            0 => ROOT,
            t => u64::from(cluster_prefix(self.lex[t as usize - 1].cluster, k)),
        }
    }
}

/// The words a state's features look at.
struct Positions {
    s0: u32,
    s1: u32,
    n0: u32,
    n1: u32,
    n2: u32,
    s0h: u32,
    s0h2: u32,
    s0l: u32,
    s0l2: u32,
    s0r: u32,
    s0r2: u32,
    n0l: u32,
    n0l2: u32,
}

impl Positions {
    fn of(s: &State) -> Positions {
        let head = |t: u32| if t == NONE || t == 0 { NONE } else { s.heads[t as usize] };
        let kid = |t: u32, side: bool, k: usize| {
            if t == NONE {
                NONE
            } else if side {
                s.right[t as usize][k]
            } else {
                s.left[t as usize][k]
            }
        };
        let s0 = s.s0();
        let s1 = if s.stack.len() >= 2 { s.stack[s.stack.len() - 2] } else { NONE };
        let n0 = s.buffer(0);
        let s0h = head(s0);
        Positions {
            s0,
            s1,
            n0,
            n1: s.buffer(1),
            n2: s.buffer(2),
            s0h,
            s0h2: head(s0h),
            s0l: kid(s0, false, 0),
            s0l2: kid(s0, false, 1),
            s0r: kid(s0, true, 0),
            s0r2: kid(s0, true, 1),
            n0l: kid(n0, false, 0),
            n0l2: kid(n0, false, 1),
        }
    }
}

/// The features of a parser state.
pub fn parse_features(s: &State, cx: &Context, out: &mut Vec<u64>) {
    out.clear();
    let p = Positions::of(s);
    let (w, t) = (|x: u32| cx.word(x), |x: u32| cx.tag(x));
    let l = |x: u32| {
        if x == NONE || x == 0 || s.heads[x as usize] == NONE {
            UNLABELLED
        } else {
            u64::from(s.labels[x as usize])
        }
    };
    let mut n = 0u64;
    let mut f = |a: u64, b: u64, c: u64| {
        n += 1;
        out.push(feature(n, a, b, c));
    };
    // Single words.
    for x in [p.s0, p.n0, p.n1, p.n2] {
        f(w(x), t(x), 0);
        f(w(x), 0, 0);
        f(t(x), 0, 0);
    }
    // Pairs of the stack's top and the buffer's first word.
    let (s0, n0) = (p.s0, p.n0);
    f(mix(w(s0), t(s0)), w(n0), t(n0));
    f(mix(w(s0), t(s0)), w(n0), 0);
    f(w(s0), w(n0), t(n0));
    f(mix(w(s0), t(s0)), t(n0), 0);
    f(t(s0), w(n0), t(n0));
    f(w(s0), w(n0), 0);
    f(t(s0), t(n0), 0);
    f(t(n0), t(p.n1), 0);
    // Tag triples.
    f(t(n0), t(p.n1), t(p.n2));
    f(t(s0), t(n0), t(p.n1));
    f(t(p.s0h), t(s0), t(n0));
    f(t(s0), t(p.s0l), t(n0));
    f(t(s0), t(p.s0r), t(n0));
    f(t(s0), t(n0), t(p.n0l));
    distance_and_valency(s, &p, cx, &mut f);
    // Heads and outermost children.
    for x in [p.s0h, p.s0l, p.s0r, p.n0l, p.s0h2, p.s0l2, p.s0r2, p.n0l2] {
        f(w(x), 0, 0);
        f(t(x), 0, 0);
        f(l(x), 0, 0);
    }
    f(l(s0), 0, 0);
    f(t(s0), t(p.s0l), t(p.s0l2));
    f(t(s0), t(p.s0r), t(p.s0r2));
    f(t(s0), t(p.s0h), t(p.s0h2));
    f(t(n0), t(p.n0l), t(p.n0l2));
    // The second word of the stack.
    f(w(p.s1), t(p.s1), 0);
    f(t(p.s1), t(s0), t(n0));
    // Brown cluster paths.
    let c = |x: u32, k: u32| cx.cluster(x, k);
    f(c(s0, 6), 0, 0);
    f(c(n0, 6), 0, 0);
    f(c(p.n1, 6), 0, 0);
    f(c(s0, 4), c(n0, 4), 0);
    f(c(s0, 6), t(n0), 0);
    f(t(s0), c(n0, 6), 0);
    f(c(s0, 10), 0, 0);
    f(c(n0, 10), 0, 0);
    if cx.beam_features {
        unknown_words_and_pairs(&p, cx, l, &mut f);
    }
}

/// Features a beam puts to use where greedy parsing did not (measured on gum-dev, see
/// data/syntax.md): suffixes and case-sensitive forms for words the treebanks never saw, two more
/// word pairs, a cluster pair with a tag, and the outermost children's labels with the two tags.
fn unknown_words_and_pairs(p: &Positions, cx: &Context, l: impl Fn(u32) -> u64, f: &mut impl FnMut(u64, u64, u64)) {
    let (w, t) = (|x: u32| cx.word(x), |x: u32| cx.tag(x));
    let of = |x: u32, get: fn(&Lexical) -> u64| if x == NONE || x == 0 { ABSENT } else { get(&cx.lex[x as usize - 1]) };
    let (s0, n0) = (p.s0, p.n0);
    f(of(s0, |x| x.suffix[2]), t(n0), 0);
    f(t(s0), of(n0, |x| x.suffix[2]), 0);
    f(of(n0, |x| x.form), 0, 0);
    f(of(s0, |x| x.form), 0, 0);
    f(w(n0), w(p.n1), 0);
    f(w(p.s1), w(s0), 0);
    f(cx.cluster(s0, 6), cx.cluster(n0, 6), t(n0));
    f(l(p.s0r), t(s0), t(n0));
    f(l(p.s0l), t(s0), t(n0));
}

/// Distance between the stack's top and the buffer's first word, valencies and label sets.
fn distance_and_valency(s: &State, p: &Positions, cx: &Context, f: &mut impl FnMut(u64, u64, u64)) {
    let (s0, n0) = (p.s0, p.n0);
    let (w, t) = (|x: u32| cx.word(x), |x: u32| cx.tag(x));
    let d = if s0 == NONE || n0 == NONE { 0 } else { u64::from((n0 - s0).min(6)) };
    f(w(s0), d, 0);
    f(t(s0), d, 0);
    f(w(n0), d, 0);
    f(t(n0), d, 0);
    f(mix(w(s0), w(n0)), d, 0);
    f(t(s0), t(n0), d);
    let val = |x: u32, side: usize| if x == NONE { 99 } else { u64::from(s.valency[x as usize][side]) };
    let set = |x: u32, side: usize| if x == NONE { 99 } else { s.label_sets[x as usize][side] };
    for (x, side) in [(s0, 1), (s0, 0), (n0, 0)] {
        f(w(x), val(x, side), 0);
        f(t(x), val(x, side), 0);
        f(w(x), set(x, side), 0);
        f(t(x), set(x, side), 0);
    }
}

/// The features of the label model: the state's features marked with the arc's direction.
pub fn label_features(state_features: &[u64], m: Move, out: &mut Vec<u64>) {
    out.clear();
    let dir = if m == Move::Left { 0x1ef7 } else { 0x2197 };
    out.extend(state_features.iter().map(|&f| mix(f, dir)));
}

/// The trained parser: its labels and its move and label weights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parser {
    /// Dependency labels in class order; class 0 is `root`.
    pub labels: Vec<String>,
    /// Scores the four moves.
    pub moves: Table,
    /// Scores the labels of an arc.
    pub arcs: Table,
    /// How many states the search keeps (1: greedy).
    pub beam: usize,
    /// Whether its features include the nine a beam puts to use (the greedy model has none of
    /// them).
    pub beam_features: bool,
}

/// A parse: each word's head (0: the root) and label class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parse {
    /// Heads of words 1..=n (index 0 is word 1).
    pub heads: Vec<u32>,
    /// Label classes, in the same order.
    pub labels: Vec<u16>,
}

/// The best allowed move by `scores` (the first of equals).
pub fn best_allowed<T: PartialOrd + Copy>(state: &State, scores: &[T]) -> Move {
    let mut best: Option<(Move, T)> = None;
    for (m, &score) in MOVES.iter().zip(scores) {
        if state.allows(*m) && best.is_none_or(|(_, b)| score > b) {
            best = Some((*m, score));
        }
    }
    best.map_or(Move::Shift, |(m, _)| m)
}

/// The best label of an arc (never `root`, which only the root's arc takes).
pub fn best_label<T: PartialOrd + Copy>(scores: &[T]) -> u16 {
    (1 + argmax(&scores[1..])) as u16
}

impl Parser {
    /// Parses a tagged sentence.
    pub fn parse(&self, cx: &Context) -> Parse {
        if self.beam > 1 {
            return self.parse_beam(cx);
        }
        let n = cx.lex.len();
        let mut state = State::new(n);
        let (mut feats, mut label_feats) = (Vec::with_capacity(128), Vec::with_capacity(128));
        let mut scores = [0i32; 4];
        let mut label_scores = vec![0i32; self.labels.len()];
        while !state.is_final() {
            parse_features(&state, cx, &mut feats);
            self.moves.score(&feats, &mut scores);
            let m = best_allowed(&state, &scores);
            let mut label = 0;
            if matches!(m, Move::Left | Move::Right) && !(m == Move::Right && state.s0() == 0) {
                label = self.label_of(&feats, m, &mut label_feats, &mut label_scores);
            }
            state.apply(m, label);
        }
        self.finished(state)
    }

    /// The best label of an arc by the label model.
    pub fn label_of(&self, feats: &[u64], m: Move, label_feats: &mut Vec<u64>, scores: &mut [i32]) -> u16 {
        label_features(feats, m, label_feats);
        self.arcs.score(label_feats, scores);
        best_label(scores)
    }

    /// Parses with a beam of [`Parser::beam`] states.
    fn parse_beam(&self, cx: &Context) -> Parse {
        thread_local! {
            // One beam a thread, its buffers reused from sentence to sentence.
            static BEAM: std::cell::RefCell<Beam> = std::cell::RefCell::new(Beam::default());
        }
        let (mut label_feats, mut label_scores) = (Vec::with_capacity(128), vec![0i32; self.labels.len()]);
        let mut label = |s: &State, m: Move, feats: &[u64]| {
            if m == Move::Right && s.s0() == 0 {
                0
            } else {
                self.label_of(feats, m, &mut label_feats, &mut label_scores)
            }
        };
        let state =
            BEAM.with_borrow_mut(|beam| beam.parse(cx, &self.moves, self.beam, &mut label, None, &mut |_| {}).clone());
        self.finished(state)
    }

    /// The parse of a final state: words left without a head attached, and labelled `dep`.
    fn finished(&self, mut state: State) -> Parse {
        let fallback = self.labels.iter().position(|l| l == "dep").unwrap_or(1) as u16;
        for w in state.finish() {
            state.labels[w as usize] = fallback;
        }
        Parse { heads: state.heads[1..].to_vec(), labels: state.labels[1..].to_vec() }
    }
}
