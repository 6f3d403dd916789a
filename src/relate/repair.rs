//! Mending one slip the parser makes often enough to cost relations: a possessor that hangs on
//! the verb instead of on the name it owns.
//!
//! Why: in `Brazil's Petrobras said ...` our parser (trained on a treebank with few possessed
//! proper names) makes `Brazil` an `nmod:poss` of `said`; a possessor of a verb is no UD tree, so
//! the mend is safe: the possessor moves to the nominal right after its `'s`.

use crate::syntax::DepTree;

/// The tree with each possessor of a non-nominal moved onto the nominal that follows its `'s`,
/// or `None` when nothing needs mending.
pub fn possessives(tree: &DepTree) -> Option<DepTree> {
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
    if moves.is_empty() {
        return None;
    }
    let mut heads: Vec<u32> = (0..tree.len()).map(|k| tree.head(k).map_or(0, |h| h as u32 + 1)).collect();
    for (k, o) in moves {
        heads[k] = o as u32 + 1;
    }
    let column = |f: &dyn Fn(usize) -> String| (0..tree.len()).map(f).collect::<Vec<String>>();
    Some(DepTree::from_parts(
        heads,
        column(&|k| tree.deprel(k).to_owned()),
        column(&|k| tree.upos(k).to_owned()),
        column(&|k| tree.lemma(k).to_owned()),
    ))
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
        let mended = possessives(&t).unwrap();
        assert_eq!(mended.head(0), Some(2));
        assert_eq!(mended.head(2), Some(3));
        let right = possessives(&mended);
        assert!(right.is_none(), "a right tree is left alone");
    }
}
