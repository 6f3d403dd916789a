//! The syntactic layer: part-of-speech tags, lemmas and dependency trees, trained on Universal
//! Dependencies treebanks.

mod conllu;
mod eval;
mod lemma;
mod lemma_rules;
mod sentences;

pub use conllu::{parse_conllu, read_conllu, write_conllu, Sentence, Word};
pub use eval::Scores;
pub use lemma::{learn_exceptions, lemma_accuracy, parse_exceptions, rule_lemma, Lemmatizer};
pub use sentences::{boundary_scores, BoundaryCounts, BoundaryError, BoundaryScores};
