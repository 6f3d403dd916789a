//! The part-of-speech tagger: a greedy left-to-right averaged perceptron that gives each word a
//! joint universal and Penn tag (`NOUN NNS`).
//!
//! Why joint tags: UPOS and XPOS disagree in ways one cannot derive from the other (`IN` is
//! `ADP` or `SCONJ`, `DT` is `DET` or `PRON`), and two taggers could give a pair no treebank has.
//! Why greedy: with the next two words and the previous two tags as features, a beam buys a
//! tenth of a point and costs several times the time.

use super::lexical::{cluster_prefix, feature, Lexical};
use super::weights::Table;

/// The tag set: `UPOS\tXPOS` pairs, in the order of the model's classes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TagSet {
    names: Vec<String>,
}

impl TagSet {
    /// A tag set from its `UPOS\tXPOS` names.
    pub fn new(names: Vec<String>) -> TagSet {
        TagSet { names }
    }

    /// Number of tags.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there is no tag.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The `UPOS\tXPOS` names.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The universal and Penn tags of tag `t`.
    ///
    /// ```
    /// let tags = newsgraph::syntax::TagSet::new(vec!["NOUN\tNNS".into()]);
    /// assert_eq!(tags.pair(0), ("NOUN", "NNS"));
    /// ```
    pub fn pair(&self, t: u16) -> (&str, &str) {
        self.names.get(t as usize).and_then(|n| n.split_once('\t')).unwrap_or(("X", "XX"))
    }

    /// The tag of a pair, if the set has it.
    pub fn find(&self, upos: &str, xpos: &str) -> Option<u16> {
        self.names.iter().position(|n| n.split_once('\t') == Some((upos, xpos))).map(|i| i as u16)
    }
}

/// Stand-ins for words and tags before the first and after the last word.
const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4e44;

/// The features of word `i` given the tags of the words before it.
pub fn tag_features(lex: &[Lexical], tags: &[u16], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = &lex[i];
    let at = |d: isize| -> Option<&Lexical> { lex.get(i.checked_add_signed(d)?) };
    let lower = |d: isize| at(d).map_or(if d < 0 { START } else { END }, |l| l.lower);
    let suffix3 = |d: isize| at(d).map_or(if d < 0 { START } else { END }, |l| l.suffix[2]);
    let shape = |d: isize| at(d).map_or(if d < 0 { START } else { END }, |l| l.shape);
    let cluster = |d: isize, k: u32| at(d).map_or(u64::MAX, |l| u64::from(cluster_prefix(l.cluster, k)));
    let tag = |d: usize| if i >= d { u64::from(tags[i - d]) } else { START };
    let f = |t: u64, a: u64, b: u64| feature(t, a, b, 0);
    out.extend([f(0, 0, 0), f(1, w.lower, 0), f(2, w.form, 0), f(10, w.shape, 0), f(11, u64::from(w.flags), 0)]);
    out.extend(w.suffix.iter().enumerate().map(|(k, &s)| f(3 + k as u64, s, 0)));
    out.extend(w.prefix.iter().enumerate().map(|(k, &p)| f(7 + k as u64, p, 0)));
    out.extend([
        f(12, lower(-1), 0),
        f(13, lower(1), 0),
        f(14, lower(-2), 0),
        f(15, lower(2), 0),
        f(16, suffix3(1), 0),
        f(17, suffix3(-1), 0),
        f(18, tag(1), 0),
        f(19, tag(2), tag(1)),
        f(20, tag(1), w.lower),
        f(21, cluster(0, 4), 0),
        f(22, cluster(0, 6), 0),
        f(23, cluster(0, 10), 0),
        f(24, cluster(0, 20), 0),
        f(25, cluster(1, 6), 0),
        f(26, cluster(-1, 6), 0),
        f(27, w.lower, lower(1)),
        f(28, tag(1), lower(1)),
        f(29, shape(1), 0),
        f(30, shape(-1), 0),
        f(31, u64::from(i == 0), u64::from(w.flags)),
        f(32, lower(-1), w.lower),
        f(33, cluster(2, 6), 0),
        f(34, tag(1), w.suffix[2]),
    ]);
}

/// The trained tagger: its tag set and weights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagger {
    /// The tags, in class order.
    pub tags: TagSet,
    /// One class per tag.
    pub table: Table,
}

impl Tagger {
    /// The tags of a sentence's words, left to right.
    pub fn tag(&self, lex: &[Lexical]) -> Vec<u16> {
        let mut tags = Vec::with_capacity(lex.len());
        let mut feats = Vec::with_capacity(48);
        let mut scores = vec![0i32; self.tags.len()];
        for i in 0..lex.len() {
            tag_features(lex, &tags, i, &mut feats);
            self.table.score(&feats, &mut scores);
            tags.push(argmax(&scores) as u16);
        }
        tags
    }
}

/// The index of the highest score (the first of equals).
pub fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}
