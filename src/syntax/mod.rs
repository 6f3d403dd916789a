//! The syntactic layer: part-of-speech tags, lemmas and dependency trees, trained on Universal
//! Dependencies treebanks.

mod conllu;

pub use conllu::{parse_conllu, read_conllu, write_conllu, Sentence, Word};
