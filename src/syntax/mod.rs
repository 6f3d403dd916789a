//! The syntactic layer: part-of-speech tags, lemmas and dependency trees, trained on Universal
//! Dependencies treebanks.

mod conllu;
mod lexical;
mod model;
mod parser;
mod tagger;
mod train;
mod transition;
mod weights;

pub use conllu::{parse_conllu, read_conllu, write_conllu, Sentence, Word};
pub use lexical::Lexical;
pub use model::{SyntaxModel, TrainReport};
pub use parser::{Parse, Parser};
pub use tagger::{TagSet, Tagger};
pub use train::TrainConfig;
pub use transition::{is_projective, projectivize, static_oracle, Move, State};
