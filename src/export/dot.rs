//! DOT for Graphviz: a short writer of our own (petgraph's `Dot` does not escape attributes).

use crate::graph::KnowledgeGraph;
use crate::schema::EntityType;
use std::io::{self, Write};

/// Escapes text for a double-quoted DOT string: backslashes, quotes, newlines.
///
/// ```
/// use newsgraph::export::dot_escape;
/// assert_eq!(dot_escape("a \"b\" \\ c\nd"), "a \\\"b\\\" \\\\ c\\nd");
/// ```
pub fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn style(t: EntityType) -> (&'static str, &'static str) {
    match t {
        EntityType::Person => ("ellipse", "#cfe2ff"),
        EntityType::Organization => ("box", "#ffe5b4"),
        EntityType::Country => ("doubleoctagon", "#d1f2d1"),
        EntityType::Place => ("house", "#e6f4ea"),
        EntityType::Event => ("diamond", "#f8d7da"),
        EntityType::Theme => ("note", "#f0e6ff"),
    }
}

/// Writes the graph as a DOT digraph: one node per entity (shape and colour by type), one edge per
/// relation labelled with its type; nodes and edges in id order.
pub fn write_dot<W: Write>(graph: &KnowledgeGraph, w: W) -> io::Result<()> {
    let mut w = io::BufWriter::new(w);
    writeln!(w, "digraph newsgraph {{")?;
    writeln!(w, "  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"Helvetica\"];")?;
    writeln!(w, "  node [style=filled, fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(w, "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];")?;
    for e in graph.entities() {
        let (shape, colour) = style(e.etype);
        writeln!(
            w,
            "  \"{}\" [label=\"{}\\n({})\", shape={shape}, fillcolor=\"{colour}\"];",
            dot_escape(e.id.as_str()),
            dot_escape(&e.label),
            e.etype.as_str()
        )?;
    }
    for r in graph.relations() {
        writeln!(
            w,
            "  \"{}\" -> \"{}\" [label=\"{}\"{}];",
            dot_escape(r.source.as_str()),
            dot_escape(r.target.as_str()),
            r.rtype.as_str(),
            if r.rtype.is_symmetric() { ", dir=both" } else { "" }
        )?;
    }
    writeln!(w, "}}")?;
    w.flush()
}
