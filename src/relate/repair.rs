//! Mending slips the parser makes often enough to cost relations, where the slip leaves a tree
//! UD never has, so that the mend cannot undo a right reading:
//! - a possessor that hangs on the verb instead of on the name it owns: in `Brazil's Petrobras
//!   said ...` our parser (trained on a treebank with few possessed proper names) makes `Brazil`
//!   an `nmod:poss` of `said`; it moves to the nominal right after its `'s`;
//! - a name that hangs on punctuation: in `Mr Kaloka Zamo met Mr Rumi Tova in Baku.` the object
//!   is read as the subject of the full stop; a nominal after the root verb, hanging on
//!   punctuation, becomes the verb's object when it has none.

use crate::syntax::DepTree;

/// The tree with its slips mended (see the module's notes), or `None` when nothing needs it.
pub fn mend(tree: &DepTree) -> Option<DepTree> {
    let nominal = |k: usize| matches!(tree.upos(k), "NOUN" | "PROPN" | "PRON" | "NUM");
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for k in 0..tree.len() {
        let Some(h) = tree.head(k) else { continue };
        if tree.deprel(k) != "nmod:poss" || nominal(h) {
            continue;
        }
        let after = tree.children_by_label(k, "case").max().map_or(k + 1, |c| c + 1);
        let owned = (after..tree.len()).take_while(|&j| j != h).find(|&j| nominal(j) && tree.head(j) == Some(h));
        if let Some(o) = owned {
            moves.push((k, o));
        }
    }
    moves.extend(objects_off_punctuation(tree, nominal));
    if moves.is_empty() {
        return None;
    }
    let mut heads: Vec<u32> = (0..tree.len()).map(|k| tree.head(k).map_or(0, |h| h as u32 + 1)).collect();
    let mut labels: Vec<String> = (0..tree.len()).map(|k| tree.deprel(k).to_owned()).collect();
    for (k, o) in moves {
        heads[k] = o as u32 + 1;
        if tree.upos(o) == "VERB" && tree.deprel(k) != "nmod:poss" {
            labels[k] = "obj".to_owned();
        }
    }
    let column = |f: &dyn Fn(usize) -> String| (0..tree.len()).map(f).collect::<Vec<String>>();
    Some(DepTree::from_parts(
        heads,
        labels,
        column(&|k| tree.upos(k).to_owned()),
        column(&|k| tree.lemma(k).to_owned()),
    ))
}

/// Nominals after the root verb that hang on punctuation, moved to the verb when it has no
/// object (at most one).
fn objects_off_punctuation(tree: &DepTree, nominal: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    let root = tree.root().filter(|&r| tree.upos(r) == "VERB")?;
    if tree.children_by_label(root, "obj").next().is_some() {
        return None;
    }
    let k = (root + 1..tree.len()).find(|&k| nominal(k) && tree.head(k).is_some_and(|h| tree.upos(h) == "PUNCT"))?;
    Some((k, root))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_possessor_of_the_verb_moves_to_the_name_it_owns() {
        // Brazil 's Petrobras said .
        let t = DepTree::from_parts(
            vec![4, 1, 4, 0, 4],
            s(&["nmod:poss", "case", "nsubj", "root", "punct"]),
            s(&["PROPN", "PART", "PROPN", "VERB", "PUNCT"]),
            s(&["Brazil", "'s", "Petrobras", "say", "."]),
        );
        let mended = mend(&t).unwrap();
        assert_eq!(mended.head(0), Some(2));
        assert_eq!(mended.head(2), Some(3));
        let right = mend(&mended);
        assert!(right.is_none(), "a right tree is left alone");
    }

    #[test]
    fn a_name_on_the_full_stop_becomes_the_verbs_object() {
        // Zamo met Mr Tova . : `Tova` read as the subject of the full stop.
        let t = DepTree::from_parts(
            vec![2, 0, 4, 5, 2],
            s(&["nsubj", "root", "nmod:desc", "nsubj", "punct"]),
            s(&["PROPN", "VERB", "PROPN", "PROPN", "PUNCT"]),
            s(&["Zamo", "meet", "Mr", "Tova", "."]),
        );
        let mended = mend(&t).unwrap();
        assert_eq!((mended.head(3), mended.deprel(3)), (Some(1), "obj"));
        assert_eq!(mended.head(2), Some(3), "the title stays with its name");
    }
}
