//! newsgraph turns English news articles into a knowledge graph.
#![doc = include_str!("../README.md")]

pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod kb;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod relate;
pub mod resolve;
pub mod shipped;
pub mod syntax;
pub mod text;
pub mod vocab;

pub use error::{Error, Result};
pub use graph::KnowledgeGraph;
pub use model::{EntityType, RelationType};
pub use pipeline::{build, Config};
pub mod ner;
