//! JSON: the contract our scorer and users read.

use crate::graph::KnowledgeGraph;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonGraph<'a> {
    generator: &'static str,
    documents: &'a [crate::model::Document],
    entities: Vec<&'a crate::model::Entity>,
    relations: Vec<&'a crate::model::Relation>,
}

/// Writes `{"generator", "documents", "entities", "relations"}`: entities with `id`, `type`,
/// `label`, `aliases`, `attributes` and `mentions` (document, sentence, byte span, text);
/// relations with `source`, `type`, `target`, `confidence` and `evidence`.
pub fn write_json<W: Write>(graph: &KnowledgeGraph, w: W) -> io::Result<()> {
    let mut w = io::BufWriter::new(w);
    let doc = JsonGraph {
        generator: concat!("newsgraph ", env!("CARGO_PKG_VERSION")),
        documents: graph.documents(),
        entities: graph.entities().collect(),
        relations: graph.relations().collect(),
    };
    serde_json::to_writer_pretty(&mut w, &doc)?;
    writeln!(w)?;
    w.flush()
}
