//! The arc-eager transition system (Nivre 2003) with the dynamic oracle of Goldberg & Nivre
//! (2012): a parser state, its four moves, and what each move costs against a gold tree.
//!
//! Why arc-eager: a word gets its head as soon as both are seen, so the features at each step
//! see more of the tree built so far; the dynamic oracle lets training follow the model's own
//! mistakes and learn what to do after them, worth a point or two of attachment accuracy.
//! Words are numbered from 1; 0 is the root, which sits at the bottom of the stack and takes one
//! dependent.

/// No head (or no child) yet.
pub const NONE: u32 = u32::MAX;

/// A move of the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer's first word onto the stack.
    Shift,
    /// Pop the stack (its top has a head).
    Reduce,
    /// The buffer's first word becomes the head of the stack's top, which is popped.
    Left,
    /// The stack's top becomes the head of the buffer's first word, which is pushed.
    Right,
}

/// Every move, in class order.
pub const MOVES: [Move; 4] = [Move::Shift, Move::Reduce, Move::Left, Move::Right];

/// A parser state over a sentence of `n` words.
#[derive(Debug, Clone)]
pub struct State {
    n: u32,
    /// The stack, bottom (the root) first.
    pub stack: Vec<u32>,
    /// The buffer's first word (`n + 1` when the buffer is empty); the buffer is `b..=n`.
    pub b: u32,
    /// Each word's head (index 0 is the root's: `NONE`).
    pub heads: Vec<u32>,
    /// Each word's label (a class of the label model), once it has a head.
    pub labels: Vec<u16>,
    /// Leftmost and second leftmost, rightmost and second rightmost children.
    pub left: Vec<[u32; 2]>,
    /// See [`State::left`].
    pub right: Vec<[u32; 2]>,
    /// Number of left and right children.
    pub valency: Vec<[u8; 2]>,
    /// Labels of the left and right children, one bit per label class (the first 64).
    pub label_sets: Vec<[u64; 2]>,
    in_stack: Vec<bool>,
}

impl State {
    /// The initial state: the root on the stack, every word in the buffer.
    pub fn new(n: usize) -> State {
        let size = n + 1;
        let mut in_stack = vec![false; size];
        in_stack[0] = true;
        State {
            n: n as u32,
            stack: vec![0],
            b: 1,
            heads: vec![NONE; size],
            labels: vec![0; size],
            left: vec![[NONE; 2]; size],
            right: vec![[NONE; 2]; size],
            valency: vec![[0; 2]; size],
            label_sets: vec![[0; 2]; size],
            in_stack,
        }
    }

    /// Whether the buffer is empty (parsing is over).
    pub fn is_final(&self) -> bool {
        self.b > self.n
    }

    /// The stack's top.
    pub fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    /// The `k`-th word of the buffer (0 is its first), if there is one.
    pub fn buffer(&self, k: u32) -> u32 {
        if self.b + k <= self.n {
            self.b + k
        } else {
            NONE
        }
    }

    /// Whether the buffer is empty and the stack holds the root alone: where a beam's moves end.
    ///
    /// Why a beam pops every word: then every sequence of moves over a sentence of `n` words has
    /// `2n` moves, and the items of a beam, all as long, compare by their scores' sums.
    pub fn is_emptied(&self) -> bool {
        self.is_final() && self.stack.len() == 1
    }

    /// [`State::allows`] for a beam: once the buffer is empty, only `Reduce`, even of a word
    /// without a head (which [`State::finish`] attaches).
    pub fn allows_in_beam(&self, m: Move) -> bool {
        if self.is_final() {
            m == Move::Reduce && self.stack.len() > 1
        } else {
            self.allows(m)
        }
    }

    /// Makes this state a copy of `other`, reusing its allocations (a beam copies states at every
    /// step).
    pub fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.stack.clone_from(&other.stack);
        self.b = other.b;
        self.heads.clone_from(&other.heads);
        self.labels.clone_from(&other.labels);
        self.left.clone_from(&other.left);
        self.right.clone_from(&other.right);
        self.valency.clone_from(&other.valency);
        self.label_sets.clone_from(&other.label_sets);
        self.in_stack.clone_from(&other.in_stack);
    }

    /// Whether a move may be made now.
    pub fn allows(&self, m: Move) -> bool {
        let s = self.s0();
        let has_buffer = !self.is_final();
        match m {
            Move::Shift => has_buffer,
            Move::Reduce => s != 0 && s != NONE && self.heads[s as usize] != NONE,
            Move::Left => has_buffer && s != 0 && s != NONE && self.heads[s as usize] == NONE,
            Move::Right => has_buffer && s != NONE && (s != 0 || self.valency[0] == [0, 0]),
        }
    }

    /// Makes a move; `label` is the new arc's label (ignored by `Shift` and `Reduce`).
    pub fn apply(&mut self, m: Move, label: u16) {
        let (s, b) = (self.s0(), self.b);
        match m {
            Move::Shift => self.push(b),
            Move::Reduce => self.pop(),
            Move::Left => {
                self.attach(b, s, label);
                self.pop();
            }
            Move::Right => {
                self.attach(s, b, label);
                self.push(b);
            }
        }
    }

    fn push(&mut self, w: u32) {
        self.stack.push(w);
        self.in_stack[w as usize] = true;
        self.b += 1;
    }

    fn pop(&mut self) {
        if let Some(w) = self.stack.pop() {
            self.in_stack[w as usize] = false;
        }
    }

    fn attach(&mut self, head: u32, dep: u32, label: u16) {
        let (h, d) = (head as usize, dep as usize);
        self.heads[d] = head;
        self.labels[d] = label;
        let side = usize::from(dep > head);
        self.valency[h][side] = self.valency[h][side].saturating_add(1);
        if label < 64 {
            self.label_sets[h][side] |= 1 << label;
        }
        let slots = if side == 0 { &mut self.left[h] } else { &mut self.right[h] };
        // Left children arrive right to left, right children left to right: the newest is the
        // outermost on its side.
        slots[1] = slots[0];
        slots[0] = dep;
    }

    /// What a move costs against gold heads `gold` (index 0 unused): how many gold arcs it makes
    /// impossible to build. A move of cost 0 keeps the best reachable tree reachable.
    pub fn cost(&self, m: Move, gold: &[u32]) -> u32 {
        let (s, b) = (self.s0(), self.b);
        let buffer = || (b..=self.n).map(|w| w as usize);
        let in_buffer = |w: u32| w != NONE && w >= b && w <= self.n && w != 0;
        match m {
            Move::Left => {
                u32::from(in_buffer(gold[s as usize]) && gold[s as usize] != b)
                    + buffer().filter(|&d| gold[d] == s).count() as u32
            }
            Move::Right => {
                let g = gold[b as usize];
                u32::from(g != s && (self.in_stack[g as usize] || in_buffer(g)))
                    + self.headless_dependents_in_stack(b, gold)
            }
            Move::Reduce => buffer().filter(|&d| gold[d] == s).count() as u32,
            Move::Shift => {
                let g = gold[b as usize];
                u32::from(self.in_stack[g as usize]) + self.headless_dependents_in_stack(b, gold)
            }
        }
    }

    /// Words on the stack without a head whose gold head is `w`.
    fn headless_dependents_in_stack(&self, w: u32, gold: &[u32]) -> u32 {
        self.stack.iter().filter(|&&k| k != 0 && self.heads[k as usize] == NONE && gold[k as usize] == w).count() as u32
    }

    /// Gives every word left without a head a head at the end of parsing: the root's dependent
    /// (or, when the root has none, the first such word becomes it). Returns the words it attached
    /// to a word rather than to the root, which then need a label.
    pub fn finish(&mut self) -> Vec<u32> {
        let mut attached = Vec::new();
        for w in 1..=self.n {
            if self.heads[w as usize] != NONE {
                continue;
            }
            match self.right[0][0] {
                NONE => self.attach(0, w, 0),
                root => {
                    self.attach(root, w, 0);
                    attached.push(w);
                }
            }
        }
        attached
    }
}

/// The move a static oracle makes for a projective gold tree: attach as soon as possible, reduce
/// only when the stack's top has no dependent left and the buffer's first word has no head in the
/// stack, shift otherwise.
pub fn static_oracle(state: &State, gold: &[u32]) -> Move {
    let (s, b) = (state.s0(), state.b);
    if s != 0 && gold[s as usize] == b {
        return Move::Left;
    }
    if gold[b as usize] == s {
        return Move::Right;
    }
    let below = |w: u32| state.stack.iter().any(|&k| k != s && (gold[w as usize] == k || gold[k as usize] == w));
    if state.allows(Move::Reduce) && below(b) {
        return Move::Reduce;
    }
    Move::Shift
}

/// [`static_oracle`] for a beam: once the buffer is empty, `Reduce`.
pub fn beam_oracle(state: &State, gold: &[u32]) -> Move {
    if state.is_final() {
        Move::Reduce
    } else {
        static_oracle(state, gold)
    }
}

/// Makes a non-projective tree projective by lifting arcs: while some arc crosses another, its
/// dependent is moved to its head's head (shortest arcs first). `heads[0]` is unused.
///
/// ```
/// use newsgraph::syntax::{is_projective, projectivize};
/// let mut heads = vec![0, 3, 4, 0, 3]; // 1←3, 2←4, 3 root, 4←3: 2←4 crosses 1←3
/// assert!(!is_projective(&heads));
/// projectivize(&mut heads);
/// assert!(is_projective(&heads));
/// ```
pub fn projectivize(heads: &mut [u32]) {
    // Each lift moves a head one step up toward the root, so this ends.
    while let Some(d) = shortest_crossing(heads) {
        let h = heads[d] as usize;
        heads[d] = heads[h];
    }
}

/// Whether no two arcs cross (the root's arc counts as one from position 0).
pub fn is_projective(heads: &[u32]) -> bool {
    shortest_crossing(heads).is_none()
}

fn shortest_crossing(heads: &[u32]) -> Option<usize> {
    let span = |d: usize| {
        let h = heads[d] as usize;
        (d.min(h), d.max(h))
    };
    let mut best: Option<(usize, usize)> = None;
    for d in 1..heads.len() {
        let (a, b) = span(d);
        let crosses = (1..heads.len()).any(|e| {
            let (c, f) = span(e);
            (a < c && c < b && b < f) || (c < a && a < f && f < b)
        });
        // The root's arc cannot be lifted; the arc it crosses will be.
        if crosses && heads[d] != 0 && best.is_none_or(|(len, _)| b - a < len) {
            best = Some((b - a, d));
        }
    }
    best.map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_static(gold: &[u32]) -> Vec<u32> {
        let mut s = State::new(gold.len() - 1);
        while !s.is_final() {
            let m = static_oracle(&s, gold);
            assert!(s.allows(m), "{m:?} not allowed");
            s.apply(m, 0);
        }
        s.finish();
        s.heads[1..].to_vec()
    }

    fn run_dynamic(gold: &[u32]) -> Vec<u32> {
        let mut s = State::new(gold.len() - 1);
        while !s.is_final() {
            let m = MOVES.into_iter().find(|&m| s.allows(m) && s.cost(m, gold) == 0).unwrap();
            s.apply(m, 0);
        }
        s.finish();
        s.heads[1..].to_vec()
    }

    #[test]
    fn both_oracles_rebuild_projective_trees() {
        // "The cat sat on the mat ." and a few other shapes.
        let trees: &[&[u32]] =
            &[&[0, 2, 3, 0, 6, 6, 3, 3], &[0, 0], &[0, 2, 0, 2, 3, 4], &[0, 3, 3, 0, 3, 6, 4], &[0, 4, 1, 1, 0]];
        for gold in trees {
            assert!(is_projective(gold));
            assert_eq!(run_static(gold), gold[1..], "static {gold:?}");
            assert_eq!(run_dynamic(gold), gold[1..], "dynamic {gold:?}");
        }
    }

    /// Every projective tree of a treebank (gum-dev, when ../shared is there) is rebuilt by both
    /// oracles; every non-projective one becomes projective by lifting.
    #[test]
    fn oracles_rebuild_every_projective_treebank_tree() {
        let path = std::path::Path::new("../shared/data/ud/gum-dev.conllu");
        if !path.exists() {
            return;
        }
        let (mut projective, mut lifted) = (0, 0);
        for s in crate::syntax::read_conllu(path).unwrap() {
            let mut gold: Vec<u32> = std::iter::once(0).chain(s.words.iter().map(|w| w.head as u32)).collect();
            if !is_projective(&gold) {
                projectivize(&mut gold);
                assert!(is_projective(&gold));
                lifted += 1;
                continue;
            }
            assert_eq!(run_static(&gold), gold[1..], "static oracle on {:?}", s.comment("sent_id"));
            assert_eq!(run_dynamic(&gold), gold[1..], "dynamic oracle on {:?}", s.comment("sent_id"));
            projective += 1;
        }
        assert!(projective > 550 && lifted > 0, "{projective} projective, {lifted} lifted");
    }

    #[test]
    fn dynamic_costs_on_small_cases() {
        // gold: 1←2, 2 root, 3←2.
        let gold = [0, 2, 0, 2];
        let mut s = State::new(3);
        assert_eq!(s.cost(Move::Right, &gold), 1); // 1 would get the root: loses 2→1
        assert_eq!(s.cost(Move::Shift, &gold), 0);
        s.apply(Move::Shift, 0);
        assert_eq!(s.cost(Move::Left, &gold), 0);
        // Shifting 2 above 1 loses 2→1 (1 can no longer take 2 as its head) and root→2.
        assert_eq!(s.cost(Move::Shift, &gold), 2);
        // 1 takes 2 as its head? Right would make 1 the head of 2: loses 2's root arc and 2→1.
        assert_eq!(s.cost(Move::Right, &gold), 2);
        s.apply(Move::Left, 0);
        assert_eq!(s.cost(Move::Right, &gold), 0);
        s.apply(Move::Right, 0);
        // Reducing 2 now loses 2→3.
        assert_eq!(s.cost(Move::Reduce, &gold), 1);
        assert_eq!(s.cost(Move::Right, &gold), 0);
    }

    #[test]
    fn one_root_dependent_and_finish_attaches_the_rest() {
        let mut s = State::new(3);
        s.apply(Move::Right, 1);
        s.apply(Move::Reduce, 0);
        assert!(!s.allows(Move::Right));
        s.apply(Move::Shift, 0);
        s.apply(Move::Shift, 0);
        assert!(s.is_final());
        assert_eq!(s.finish(), [2, 3]);
        assert_eq!(s.heads[1..], [0, 1, 1]);
    }
}
