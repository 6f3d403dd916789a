//! The library on its own: a graph from a string, its entities printed.
//!
//! `cargo run --example entities` (it needs no command-line dependency: CI builds it with
//! `--no-default-features`).

use newsgraph::model::Document;
use newsgraph::{build, Config};

fn main() -> newsgraph::Result<()> {
    let text = "date 2024-02-17\n\nSecretary of State Antony J. Blinken met Azerbaijan’s President Ilham Aliyev \
                in Munich, Germany, to discuss the peace agreement with Armenia.";
    let article = Document::from_text("munich", "example", text);
    let graph = build(vec![article], &Config::builtin()?);
    for entity in graph.entities() {
        println!("{:<12} {:<40} {}", entity.etype.as_str(), entity.label, entity.id.as_str());
    }
    for relation in graph.relations() {
        println!("{} {} {}", relation.source.as_str(), relation.rtype.as_str(), relation.target.as_str());
    }
    Ok(())
}
