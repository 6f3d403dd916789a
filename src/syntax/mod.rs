//! The syntactic layer: part-of-speech tags, lemmas and dependency trees, trained on Universal
//! Dependencies treebanks.

mod analyzer;
mod beam;
mod conllu;
mod eval;
mod lemma;
mod lemma_rules;
mod lexical;
mod model;
mod parser;
mod sentences;
mod tagger;
mod train;
mod transition;
mod tree;
mod weights;

pub use analyzer::Analyzer;
pub use conllu::{parse_conllu, read_conllu, write_conllu, Sentence, Word};
pub use eval::Scores;
pub use lemma::{learn_exceptions, lemma_accuracy, parse_exceptions, rule_lemma, Lemmatizer};
pub use lexical::Lexical;
pub use model::{SyntaxModel, TrainReport, BUILTIN_SYNTAX_MODEL};
pub use parser::{Parse, Parser};
pub use sentences::{boundary_scores, BoundaryCounts, BoundaryError, BoundaryScores};
pub use tagger::{TagSet, Tagger};
pub use train::TrainConfig;
pub use transition::{is_projective, projectivize, static_oracle, Move, State};
pub use tree::{label_matches, DepTree, Direction, PathStep};
