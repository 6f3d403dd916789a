//! Matching [`Pattern`]s against one parsed sentence.
//!
//! Why backtracking over nodes in their written order: every node after the first hangs on an
//! earlier one, so each step only looks at the children or the head of a token already bound,
//! and a sentence of n tokens costs n tries of the anchor times a few children per node.

use super::pattern::{Link, Node, Pattern, Role};
use crate::model::{EntityId, EntityType, Span};
use crate::syntax::{label_matches, DepTree};

/// What the matcher needs to know of one sentence: its tree, its words, and which tokens stand
/// for an entity.
pub trait SentenceView {
    /// The sentence's dependency tree (token indexes are the sentence's own, from 0).
    fn tree(&self) -> &DepTree;
    /// The lowercase form of token `i`.
    fn lower(&self, i: usize) -> &str;
    /// The lowercase lemma of token `i`.
    fn lemma(&self, i: usize) -> &str;
    /// The lemma with the final `e` the rule lemmatizer may have lost (`conven` → `convene`),
    /// when it does not end in one.
    fn lemma_with_e(&self, i: usize) -> Option<&str>;
    /// The entity token `i` stands for: the head word of its mention, a pronoun resolved to it,
    /// or a role noun in apposition with it (`his counterpart, Michel Barnier`).
    fn entity(&self, i: usize) -> Option<&Filler>;
    /// A second entity token `i` stands for: the person whose name the parser hung on it
    /// (`NATO` heading `NATO Secretary General Jens Stoltenberg`).
    fn also(&self, i: usize) -> Option<&Filler>;
    /// The entity token `i` stands for with one of the `types`.
    fn entity_of(&self, i: usize, types: &[EntityType]) -> Option<&Filler> {
        [self.entity(i), self.also(i)].into_iter().flatten().find(|f| types.contains(&f.etype))
    }
}

/// An entity filling a role, with the bytes of the mention that named it.
#[derive(Debug, Clone, PartialEq)]
pub struct Filler {
    /// The entity.
    pub id: EntityId,
    /// Its type.
    pub etype: EntityType,
    /// The mention's bytes in the document.
    pub span: Span,
}

/// One match of a pattern: the token of each node, and the entities filling each role.
#[derive(Debug, Clone)]
pub struct Match<'p> {
    /// The pattern that matched.
    pub pattern: &'p Pattern,
    /// The sentence token of each node, in node order.
    pub tokens: Vec<usize>,
    /// The entities of each role, conjuncts included (`Azerbaijan and Armenia`).
    pub fillers: Vec<(Role, Filler)>,
}

impl Match<'_> {
    /// The sentence token of the node with `role` (the first such node).
    pub fn token_of(&self, role: Role) -> Option<usize> {
        self.pattern.nodes.iter().position(|n| n.role == Some(role)).map(|k| self.tokens[k])
    }

    /// The entities filling `role`.
    pub fn of(&self, role: Role) -> impl Iterator<Item = &Filler> {
        self.fillers.iter().filter(move |(r, _)| *r == role).map(|(_, f)| f)
    }
}

/// Every match of `pattern` in the sentence, anchors in token order.
pub fn find<'p>(pattern: &'p Pattern, s: &dyn SentenceView) -> Vec<Match<'p>> {
    let mut out = Vec::new();
    let mut bound = Vec::with_capacity(pattern.nodes.len());
    for anchor in 0..s.tree().len() {
        if accepts(&pattern.nodes[0], anchor, s) {
            bound.push(anchor);
            extend(pattern, s, &mut bound, &mut out);
            bound.pop();
        }
    }
    out
}

/// Binds the next node in every way that fits, recording each complete binding.
fn extend<'p>(pattern: &'p Pattern, s: &dyn SentenceView, bound: &mut Vec<usize>, out: &mut Vec<Match<'p>>) {
    let Some(node) = pattern.nodes.get(bound.len()) else {
        out.push(complete(pattern, s, bound));
        return;
    };
    for candidate in candidates(node, s, bound) {
        if !bound.contains(&candidate) && accepts(node, candidate, s) {
            bound.push(candidate);
            extend(pattern, s, bound, out);
            bound.pop();
        }
    }
}

/// The tokens the node's link allows, given the tokens already bound.
fn candidates(node: &Node, s: &dyn SentenceView, bound: &[usize]) -> Vec<usize> {
    let tree = s.tree();
    match &node.link {
        Some(Link::DependentOf(of, labels)) => {
            let direct: Vec<usize> = of
                .iter()
                .flat_map(|&o| tree.children(bound[o]))
                .filter(|&c| labelled(tree.deprel(c), labels))
                .collect();
            if direct.is_empty() && labels.iter().any(|l| l == "nsubj") {
                return of.iter().flat_map(|&o| inherited_subjects(tree, bound[o])).collect();
            }
            direct
        }
        Some(Link::HeadOf(of, labels)) => {
            let child = bound[*of];
            tree.head(child).filter(|_| labelled(tree.deprel(child), labels)).into_iter().collect()
        }
        None => Vec::new(),
    }
}

/// The subjects a verb without one shares with the verb it hangs on: `Straw is to visit India`,
/// `He is due to take part in talks`, `Blair arrived and met Abbas` (through `xcomp` and `conj`).
fn inherited_subjects(tree: &DepTree, verb: usize) -> Vec<usize> {
    let mut v = verb;
    for _ in 0..3 {
        let Some(h) = tree.head(v).filter(|_| matches!(tree.deprel(v), "xcomp" | "conj")) else { break };
        let subjects: Vec<usize> = tree.children(h).filter(|&c| tree.deprel(c) == "nsubj").collect();
        if !subjects.is_empty() {
            return subjects;
        }
        v = h;
    }
    Vec::new()
}

fn labelled(deprel: &str, labels: &[String]) -> bool {
    labels.is_empty() || labels.iter().any(|l| label_matches(deprel, l))
}

/// Whether token `i` meets the node's own constraints.
fn accepts(node: &Node, i: usize, s: &dyn SentenceView) -> bool {
    let tree = s.tree();
    let lemma = s.lemma(i);
    let lost_e = || s.lemma_with_e(i).is_some_and(|l| node.lemma.contains(l));
    (node.lemma.is_empty() || node.lemma.contains(lemma) || node.lemma.contains(s.lower(i)) || lost_e())
        && !node.not_lemma.contains(lemma)
        && (node.upos.is_empty() || node.upos.iter().any(|u| u == tree.upos(i)))
        && (node.entity.is_empty() || s.entity_of(i, &node.entity).is_some())
        && (node.case.is_empty() || tree.children_by_label(i, "case").any(|c| node.case.contains(s.lemma(c))))
}

/// The token and those coordinated with it, also through a name in apposition: in `his
/// counterpart, Ariel Sharon, and the Palestinian leader, Mahmoud Abbas` the parser may hang
/// `leader` on `Sharon` rather than on `counterpart`.
fn coordinated(tree: &DepTree, token: usize) -> Vec<usize> {
    let mut all = tree.conjuncts(token);
    for a in tree.children_by_label(token, "appos").collect::<Vec<_>>() {
        all.extend(tree.conjuncts(a).into_iter().filter(|&c| c != a));
    }
    all
}

/// The match of a complete binding: each role's entity and the entities coordinated with it.
fn complete<'p>(pattern: &'p Pattern, s: &dyn SentenceView, bound: &[usize]) -> Match<'p> {
    let mut fillers: Vec<(Role, Filler)> = Vec::new();
    for (node, &token) in pattern.nodes.iter().zip(bound) {
        let (Some(role), false) = (node.role, node.entity.is_empty()) else { continue };
        for t in coordinated(s.tree(), token) {
            let Some(f) = s.entity_of(t, &node.entity) else { continue };
            if !fillers.iter().any(|(r, g)| *r == role && g.id == f.id) {
                fillers.push((role, f.clone()));
            }
        }
    }
    Match { pattern, tokens: bound.to_vec(), fillers }
}
