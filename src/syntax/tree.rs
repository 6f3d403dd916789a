//! A read-only view of one sentence's dependency parse, for extraction rules.
//!
//! Why a separate type: rules ask the same questions again and again (who are the children of
//! this verb, which `obl` hangs under it, what lies between two names), and answering them from
//! a flat list of heads means a scan of the sentence each time. [`DepTree`] precomputes the
//! children lists once, so that walking down is proportional to what is visited.
//!
//! Conventions: token indices are 0-based positions in the sentence (word `i` of
//! [`Sentence::words`](super::Sentence) is index `i`); the root's head is `None`. An index out
//! of range is not an error: it has no head, no children, an empty label and an empty subtree.
//! Malformed input (a head past the end, a word that is its own head, a cycle) never makes a
//! method loop or panic: such heads are dropped, and walks stop after visiting each token once.

use super::conllu::Word;
use std::ops::Range;

/// Marks "no head" in the compact head table.
const NONE: u32 = u32::MAX;

/// Which way a step of a [`DepTree::path`] goes along an arc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// From a dependent to its head.
    Up,
    /// From a head to one of its dependents.
    Down,
}

/// One step of a [`DepTree::path`]: the token reached, the way the arc was walked, and the
/// arc's label (always the deprel of the dependent end of the arc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PathStep<'a> {
    /// The token this step arrives at.
    pub token: usize,
    /// [`Direction::Up`] when `token` is the head of the previous token, else
    /// [`Direction::Down`].
    pub dir: Direction,
    /// The deprel of the arc walked: the previous token's when going up, `token`'s going down.
    pub label: &'a str,
}

/// Whether the dependency label `deprel` matches the pattern `label`.
///
/// Why: rules usually care about the universal relation and not its subtype. A pattern without
/// a colon matches the universal part (`"nmod"` matches `nmod` and `nmod:poss`); a pattern with
/// a colon must match the whole label (`"nmod:poss"` matches only `nmod:poss`).
///
/// ```
/// use newsgraph::syntax::label_matches;
/// assert!(label_matches("nmod:poss", "nmod"));
/// assert!(label_matches("nmod:poss", "nmod:poss"));
/// assert!(!label_matches("nmod", "nmod:poss"));
/// assert!(!label_matches("nmodx", "nmod"));
/// ```
pub fn label_matches(deprel: &str, label: &str) -> bool {
    if label.contains(':') {
        deprel == label
    } else {
        deprel.split(':').next() == Some(label)
    }
}

/// The dependency tree of one sentence: heads, labels, tags and lemmas, with children lists.
///
/// The examples below use "Blinken met Aliyev in Munich ." with `met` as root, `Blinken`
/// `nsubj`, `Aliyev` `obj`, `Munich` `obl` with `in` as its `case`, and the full stop `punct`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DepTree {
    /// Head of each token as a 0-based index, [`NONE`] for the root or a dropped head.
    heads: Vec<u32>,
    deprels: Vec<String>,
    upos: Vec<String>,
    lemmas: Vec<String>,
    /// Children of token `i` are `child_list[child_start[i]..child_start[i + 1]]`.
    child_start: Vec<u32>,
    child_list: Vec<u32>,
}

impl DepTree {
    /// Builds the tree of a parsed (or gold) sentence's words.
    ///
    /// Why: the parser and the CoNLL-U reader both give [`Word`]s; this is the usual way in.
    ///
    /// ```
    /// use newsgraph::syntax::{DepTree, Word};
    /// let w = |form: &str, head, deprel: &str| Word {
    ///     form: form.into(), lemma: form.into(), head, deprel: deprel.into(), ..Word::default()
    /// };
    /// let t = DepTree::new(&[w("Blinken", 2, "nsubj"), w("met", 0, "root")]);
    /// assert_eq!(t.root(), Some(1));
    /// assert_eq!(t.head(0), Some(1));
    /// ```
    pub fn new(words: &[Word]) -> DepTree {
        let heads = words.iter().map(|w| u32::try_from(w.head).unwrap_or(NONE)).collect();
        let deprels = words.iter().map(|w| w.deprel.clone()).collect();
        let upos = words.iter().map(|w| w.upos.clone()).collect();
        let lemmas = words.iter().map(|w| w.lemma.clone()).collect();
        DepTree::from_parts(heads, deprels, upos, lemmas)
    }

    /// Builds a tree from parallel columns; `heads` are 1-based with 0 for the root, as in
    /// CoNLL-U.
    ///
    /// Why: tests and callers that hold columns rather than [`Word`]s need no `Word` at all.
    /// The sentence length is `heads.len()`; a shorter label, tag or lemma column reads as
    /// empty strings past its end, and a head past the end or pointing at its own word is
    /// dropped (the word then has no head).
    ///
    /// ```
    /// use newsgraph::syntax::DepTree;
    /// let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// let t = DepTree::from_parts(vec![2, 0], s(&["nsubj", "root"]), s(&["PROPN", "VERB"]), s(&["Blinken", "meet"]));
    /// assert_eq!(t.len(), 2);
    /// assert_eq!(t.lemma(1), "meet");
    /// ```
    pub fn from_parts(heads: Vec<u32>, deprels: Vec<String>, upos: Vec<String>, lemmas: Vec<String>) -> DepTree {
        let n = heads.len();
        let heads: Vec<u32> = heads
            .iter()
            .enumerate()
            .map(|(i, &h)| if h == 0 || h as usize > n || h as usize == i + 1 { NONE } else { h - 1 })
            .collect();
        let (child_start, child_list) = children_table(&heads);
        DepTree { heads, deprels, upos, lemmas, child_start, child_list }
    }

    /// The number of tokens.
    ///
    /// Why: the bound for loops over all tokens.
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.len(), 6);
    /// ```
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// Whether the sentence has no tokens.
    ///
    /// Why: an empty sentence has no root and nothing to extract; rules can skip it early.
    ///
    /// ```
    /// use newsgraph::syntax::DepTree;
    /// assert!(DepTree::new(&[]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// The head of token `i`, `None` for the root (or a dropped head, or `i` out of range).
    ///
    /// Why: the one step up, from a dependent to what it modifies.
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.head(3), Some(4)); // in -> Munich
    /// assert_eq!(t.head(1), None); // met is the root
    /// ```
    pub fn head(&self, i: usize) -> Option<usize> {
        match self.heads.get(i) {
            Some(&h) if h != NONE => Some(h as usize),
            _ => None,
        }
    }

    /// The dependency relation of token `i` to its head, subtype included (`nmod:poss`).
    ///
    /// Why: the label says how a token relates to its head (subject, object, modifier...).
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.deprel(0), "nsubj");
    /// assert_eq!(t.deprel(99), "");
    /// ```
    pub fn deprel(&self, i: usize) -> &str {
        column(&self.deprels, i)
    }

    /// The universal part-of-speech tag of token `i` (`PROPN`, `VERB`...).
    ///
    /// Why: rules filter candidates by word class, e.g. only `PROPN` subjects.
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.upos(1), "VERB");
    /// ```
    pub fn upos(&self, i: usize) -> &str {
        column(&self.upos, i)
    }

    /// The lemma of token `i`.
    ///
    /// Why: rules match predicates by lemma (`meet` for "met", "meets", "meeting").
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.lemma(1), "meet");
    /// ```
    pub fn lemma(&self, i: usize) -> &str {
        column(&self.lemmas, i)
    }

    /// The first token without a head, normally the main predicate; `None` when there is none.
    ///
    /// Why: the entry point of most rules (the clause's main verb).
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.root(), Some(1));
    /// ```
    pub fn root(&self) -> Option<usize> {
        self.heads.iter().position(|&h| h == NONE)
    }

    /// The dependents of token `i`, in sentence order.
    ///
    /// Why: walking down from a predicate to its arguments; costs only the number of children.
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.children(1).collect::<Vec<_>>(), [0, 2, 4, 5]);
    /// assert_eq!(t.children(0).count(), 0);
    /// ```
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let (start, end) = match (self.child_start.get(i), self.child_start.get(i + 1)) {
            (Some(&s), Some(&e)) => (s as usize, e as usize),
            _ => (0, 0),
        };
        self.child_list[start..end].iter().map(|&c| c as usize)
    }

    /// The dependents of token `i` whose label matches `label` (see [`label_matches`]), in
    /// sentence order.
    ///
    /// Why: "all obliques of this verb" without caring about subtypes (`obl`, `obl:tmod`).
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.children_by_label(1, "obl").collect::<Vec<_>>(), [4]);
    /// ```
    pub fn children_by_label<'a>(&'a self, i: usize, label: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.children(i).filter(move |&c| label_matches(self.deprel(c), label))
    }

    /// The first dependent of token `i` whose label matches `label` (see [`label_matches`]).
    ///
    /// Why: relations with one expected filler, such as the subject or the object.
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.child_with_label(1, "nsubj"), Some(0));
    /// assert_eq!(t.child_with_label(1, "iobj"), None);
    /// ```
    pub fn child_with_label(&self, i: usize, label: &str) -> Option<usize> {
        self.children_by_label(i, label).next()
    }

    /// The heads above token `i`, nearest first, up to the root (`i` itself excluded).
    ///
    /// Why: finding the clause or predicate a token belongs to. On malformed input with a
    /// cycle the walk stops after [`len`](Self::len) steps.
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.ancestors(3).collect::<Vec<_>>(), [4, 1]);
    /// ```
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.head(i), move |&h| self.head(h)).take(self.len())
    }

    /// Whether `a` is a strict ancestor of `b` (`a` lies on the way from `b` up to the root).
    ///
    /// Why: testing that a token lies inside a phrase; a token is not its own ancestor.
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert!(t.is_ancestor(1, 3));
    /// assert!(!t.is_ancestor(3, 1));
    /// assert!(!t.is_ancestor(1, 1));
    /// ```
    pub fn is_ancestor(&self, a: usize, b: usize) -> bool {
        self.ancestors(b).any(|x| x == a)
    }

    /// Token `i` and all its descendants, sorted by position; empty when `i` is out of range.
    ///
    /// Why: the tokens of a phrase, also when it is not contiguous (non-projective trees).
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.subtree(4), [3, 4]);
    /// ```
    pub fn subtree(&self, i: usize) -> Vec<usize> {
        let mut seen = vec![false; self.len()];
        let mut stack = vec![i];
        while let Some(x) = stack.pop() {
            if x < seen.len() && !seen[x] {
                seen[x] = true;
                stack.extend(self.children(x));
            }
        }
        seen.iter().enumerate().filter_map(|(x, &s)| s.then_some(x)).collect()
    }

    /// From the leftmost to one past the rightmost token of [`subtree(i)`](Self::subtree);
    /// `i..i` when `i` is out of range.
    ///
    /// Why: the text span of a phrase, e.g. to print "in Munich"; for projective trees it
    /// holds exactly the subtree.
    ///
    /// ```
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// assert_eq!(t.subtree_span(4), 3..5);
    /// assert_eq!(t.subtree_span(1), 0..6);
    /// ```
    pub fn subtree_span(&self, i: usize) -> Range<usize> {
        let sub = self.subtree(i);
        match (sub.first(), sub.last()) {
            (Some(&lo), Some(&hi)) => lo..hi + 1,
            _ => i..i,
        }
    }

    /// The path from `a` to `b` through their lowest common ancestor.
    ///
    /// Why: the classic feature between two entity mentions ("Blinken ↑nsubj met ↓obj
    /// Aliyev"). The steps are the `Up` steps from `a` to the common ancestor, then the `Down`
    /// steps from it to `b`; `a` itself is not listed, the last step's token is `b`. `Some` of
    /// an empty path when `a == b`; `None` when either index is out of range or the two share no
    /// ancestor (malformed input with several roots).
    ///
    /// ```
    /// use newsgraph::syntax::{Direction, PathStep};
    /// # use newsgraph::syntax::DepTree;
    /// # let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// # let t = DepTree::from_parts(
    /// #     vec![2, 0, 2, 5, 2, 2],
    /// #     s(&["nsubj", "root", "obj", "case", "obl", "punct"]),
    /// #     s(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
    /// #     s(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
    /// # );
    /// let path = t.path(0, 4).unwrap_or_default();
    /// assert_eq!(path, [
    ///     PathStep { token: 1, dir: Direction::Up, label: "nsubj" },
    ///     PathStep { token: 4, dir: Direction::Down, label: "obl" },
    /// ]);
    /// ```
    pub fn path(&self, a: usize, b: usize) -> Option<Vec<PathStep<'_>>> {
        if a >= self.len() || b >= self.len() {
            return None;
        }
        let up: Vec<usize> = std::iter::once(a).chain(self.ancestors(a)).collect();
        let down: Vec<usize> = std::iter::once(b).chain(self.ancestors(b)).collect();
        let (ia, ib) = down.iter().enumerate().find_map(|(ib, x)| up.iter().position(|y| y == x).map(|ia| (ia, ib)))?;
        let ups =
            up.windows(2).take(ia).map(|w| PathStep { token: w[1], dir: Direction::Up, label: self.deprel(w[0]) });
        let downs =
            down[..ib].iter().rev().map(|&x| PathStep { token: x, dir: Direction::Down, label: self.deprel(x) });
        Some(ups.chain(downs).collect())
    }

    /// Token `i` and every token coordinated with it by `conj`, sorted by position.
    ///
    /// Why: to spread a relation over coordinated participants ("Blinken met Aliyev and
    /// Pashinyan" gives two meetings). In UD every conjunct hangs from the first one, so the
    /// walk first climbs `conj` arcs to the first conjunct, then collects `conj` dependents
    /// transitively (label subtypes included). Out of range gives an empty list.
    ///
    /// ```
    /// use newsgraph::syntax::DepTree;
    /// let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    /// // Blinken met Aliyev , Pashinyan and Erdogan
    /// let t = DepTree::from_parts(
    ///     vec![2, 0, 2, 5, 3, 7, 3],
    ///     s(&["nsubj", "root", "obj", "punct", "conj", "cc", "conj"]),
    ///     s(&["PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN"]),
    ///     vec![],
    /// );
    /// assert_eq!(t.conjuncts(4), [2, 4, 6]);
    /// assert_eq!(t.conjuncts(0), [0]);
    /// ```
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        if i >= self.len() {
            return Vec::new();
        }
        let mut first = i;
        for _ in 0..self.len() {
            match self.head(first) {
                Some(h) if label_matches(self.deprel(first), "conj") => first = h,
                _ => break,
            }
        }
        let mut seen = vec![false; self.len()];
        let mut stack = vec![first];
        while let Some(x) = stack.pop() {
            if !seen[x] {
                seen[x] = true;
                stack.extend(self.children_by_label(x, "conj"));
            }
        }
        seen.iter().enumerate().filter_map(|(x, &s)| s.then_some(x)).collect()
    }
}

impl From<&super::conllu::Sentence> for DepTree {
    /// The tree of a sentence's words, as [`DepTree::new`].
    fn from(sentence: &super::conllu::Sentence) -> DepTree {
        DepTree::new(&sentence.words)
    }
}

/// Entry `i` of a string column, empty past its end.
fn column(col: &[String], i: usize) -> &str {
    col.get(i).map_or("", String::as_str)
}

/// Children lists in compressed form: offsets per token (one extra at the end) and the
/// concatenated lists, each in sentence order.
fn children_table(heads: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let n = heads.len();
    let mut start = vec![0u32; n + 1];
    for &h in heads.iter().filter(|&&h| h != NONE) {
        start[h as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill: Vec<u32> = start[..n].to_vec();
    let mut list = vec![0u32; start[n] as usize];
    for (i, &h) in heads.iter().enumerate().filter(|&(_, &h)| h != NONE) {
        list[fill[h as usize] as usize] = i as u32;
        fill[h as usize] += 1;
    }
    (start, list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    /// "Blinken met Aliyev in Munich ."
    fn meeting() -> DepTree {
        DepTree::from_parts(
            vec![2, 0, 2, 5, 2, 2],
            strings(&["nsubj", "root", "obj", "case", "obl", "punct"]),
            strings(&["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]),
            strings(&["Blinken", "meet", "Aliyev", "in", "Munich", "."]),
        )
    }

    /// "Blinken met Aliyev , Pashinyan and Erdogan 's aide"
    fn coordination() -> DepTree {
        DepTree::from_parts(
            vec![2, 0, 2, 5, 3, 7, 3, 7, 7],
            strings(&["nsubj", "root", "obj", "punct", "conj", "cc", "conj", "case", "nmod:poss"]),
            strings(&["PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PART", "NOUN"]),
            Vec::new(),
        )
    }

    fn kids(t: &DepTree, i: usize) -> Vec<usize> {
        t.children(i).collect()
    }

    #[test]
    fn accessors_table() {
        let t = meeting();
        let table: [(usize, Option<usize>, &str, &str, &str); 6] = [
            (0, Some(1), "nsubj", "PROPN", "Blinken"),
            (1, None, "root", "VERB", "meet"),
            (2, Some(1), "obj", "PROPN", "Aliyev"),
            (3, Some(4), "case", "ADP", "in"),
            (4, Some(1), "obl", "PROPN", "Munich"),
            (5, Some(1), "punct", "PUNCT", "."),
        ];
        assert_eq!(t.len(), 6);
        assert!(!t.is_empty());
        assert_eq!(t.root(), Some(1));
        for (i, head, deprel, upos, lemma) in table {
            assert_eq!((t.head(i), t.deprel(i), t.upos(i), t.lemma(i)), (head, deprel, upos, lemma), "token {i}");
        }
        assert_eq!((t.head(6), t.deprel(6), t.upos(6), t.lemma(6)), (None, "", "", ""));
    }

    #[test]
    fn children_table_per_token() {
        let t = meeting();
        let table: [(usize, &[usize]); 7] =
            [(0, &[]), (1, &[0, 2, 4, 5]), (2, &[]), (3, &[]), (4, &[3]), (5, &[]), (99, &[])];
        for (i, expected) in table {
            assert_eq!(kids(&t, i), expected, "token {i}");
        }
    }

    #[test]
    fn labels_match_universal_part_or_whole() {
        let t = coordination();
        assert_eq!(t.children_by_label(6, "nmod").collect::<Vec<_>>(), [8]);
        assert_eq!(t.children_by_label(6, "nmod:poss").collect::<Vec<_>>(), [8]);
        assert_eq!(t.children_by_label(6, "nmod:tmod").count(), 0);
        assert_eq!(t.children_by_label(2, "conj").collect::<Vec<_>>(), [4, 6]);
        assert_eq!(t.child_with_label(2, "conj"), Some(4));
        assert_eq!(t.child_with_label(1, "obj"), Some(2));
        assert_eq!(t.child_with_label(1, "iobj"), None);
        assert!(!label_matches("nmod", "nmod:poss"));
    }

    #[test]
    fn ancestors_and_is_ancestor() {
        let t = meeting();
        assert_eq!(t.ancestors(3).collect::<Vec<_>>(), [4, 1]);
        assert_eq!(t.ancestors(1).count(), 0);
        assert!(t.is_ancestor(4, 3));
        assert!(t.is_ancestor(1, 3));
        assert!(!t.is_ancestor(3, 4));
        assert!(!t.is_ancestor(2, 2));
    }

    #[test]
    fn subtrees_and_spans() {
        let t = meeting();
        let table: [(usize, &[usize], Range<usize>); 4] =
            [(1, &[0, 1, 2, 3, 4, 5], 0..6), (4, &[3, 4], 3..5), (0, &[0], 0..1), (9, &[], 9..9)];
        for (i, sub, span) in table {
            assert_eq!(t.subtree(i), sub, "token {i}");
            assert_eq!(t.subtree_span(i), span, "token {i}");
        }
    }

    #[test]
    fn non_projective_span_covers_gap() {
        // 1 <- 3, 2 <- 4(root), 3 <- 4: token 0 hangs from 2, crossing token 1's arc.
        let t = DepTree::from_parts(vec![3, 4, 4, 0], strings(&["a", "b", "c", "root"]), vec![], vec![]);
        assert_eq!(t.subtree(2), [0, 2]);
        assert_eq!(t.subtree_span(2), 0..3);
    }

    #[test]
    fn paths() {
        let t = meeting();
        let step = |token, dir, label| PathStep { token, dir, label };
        assert_eq!(
            t.path(3, 2),
            Some(vec![step(4, Direction::Up, "case"), step(1, Direction::Up, "obl"), step(2, Direction::Down, "obj")])
        );
        assert_eq!(t.path(1, 3), Some(vec![step(4, Direction::Down, "obl"), step(3, Direction::Down, "case")]));
        assert_eq!(t.path(4, 1), Some(vec![step(1, Direction::Up, "obl")]));
        assert_eq!(t.path(2, 2), Some(vec![]));
        assert_eq!(t.path(2, 6), None);
        let two_roots = DepTree::from_parts(vec![0, 0], strings(&["root", "root"]), vec![], vec![]);
        assert_eq!(two_roots.path(0, 1), None);
    }

    #[test]
    fn coordination_conjuncts() {
        let t = coordination();
        for i in [2, 4, 6] {
            assert_eq!(t.conjuncts(i), [2, 4, 6], "token {i}");
        }
        assert_eq!(t.conjuncts(0), [0]);
        assert_eq!(t.conjuncts(8), [8]);
        assert!(t.conjuncts(42).is_empty());
        // Nested: "A and B or C" with C as conj of B.
        let nested =
            DepTree::from_parts(vec![0, 3, 1, 5, 3], strings(&["root", "cc", "conj", "cc", "conj"]), vec![], vec![]);
        assert_eq!(nested.conjuncts(4), [0, 2, 4]);
    }

    #[test]
    fn malformed_cycle_terminates() {
        // 0 -> 1 -> 2 -> 0, no root; token 3 hangs into the cycle; token 4 points past the end.
        let t =
            DepTree::from_parts(vec![2, 3, 1, 1, 9], strings(&["conj", "conj", "conj", "obj", "x"]), vec![], vec![]);
        assert_eq!(t.root(), Some(4));
        assert_eq!(t.head(4), None);
        assert_eq!(t.ancestors(0).count(), t.len());
        assert!(t.is_ancestor(0, 3));
        assert!(t.is_ancestor(0, 0));
        assert_eq!(t.subtree(0), [0, 1, 2, 3]);
        assert_eq!(t.subtree_span(1), 0..4);
        assert_eq!(t.conjuncts(1), [0, 1, 2]);
        assert!(t.path(3, 1).is_some());
        assert_eq!(t.path(0, 4), None);
    }

    #[test]
    fn self_loop_is_dropped() {
        let t = DepTree::from_parts(vec![1, 1], strings(&["root", "obj"]), vec![], vec![]);
        assert_eq!(t.head(0), None);
        assert_eq!(kids(&t, 0), [1]);
        assert_eq!(t.root(), Some(0));
    }

    #[test]
    fn empty_sentence() {
        let t = DepTree::new(&[]);
        assert_eq!(t.len(), 0);
        assert!(t.is_empty());
        assert_eq!(t.root(), None);
        assert_eq!(t.head(0), None);
        assert_eq!(t.deprel(0), "");
        assert_eq!(t.children(0).count(), 0);
        assert_eq!(t.ancestors(0).count(), 0);
        assert!(t.subtree(0).is_empty());
        assert_eq!(t.subtree_span(0), 0..0);
        assert_eq!(t.path(0, 0), None);
        assert!(t.conjuncts(0).is_empty());
        assert!(!t.is_ancestor(0, 0));
    }

    #[test]
    fn from_words_and_sentence() {
        let word = |lemma: &str, upos: &str, head, deprel: &str| Word {
            lemma: lemma.into(),
            upos: upos.into(),
            head,
            deprel: deprel.into(),
            ..Word::default()
        };
        let words = vec![word("Blinken", "PROPN", 2, "nsubj"), word("meet", "VERB", 0, "root")];
        let t = DepTree::new(&words);
        assert_eq!((t.head(0), t.upos(0), t.lemma(1), t.deprel(1)), (Some(1), "PROPN", "meet", "root"));
        let sentence = super::super::conllu::Sentence { words, ..Default::default() };
        assert_eq!(DepTree::from(&sentence), t);
    }
}
