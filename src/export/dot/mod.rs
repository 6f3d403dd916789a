//! DOT for Graphviz: a short writer of our own (petgraph's `Dot` does not escape attributes).
//!
//! The picture is a selection of the graph ([`Picture`]), laid out by an engine chosen by its size
//! ([`Layout`]), styled from one table ([`node_style`], [`edge_style`]) that the legend also reads.

mod documents;
mod layout;
mod legend;
mod selection;
mod style;
mod topics;

pub use layout::{shorten, wrap, Engine, Layout, ROUTED_EDGES_UP_TO, SFDP_ABOVE, SHORT_LABEL_CHARS, WRAP_LABEL_CHARS};
pub use selection::{find_entity, LeftOut, Picture};
pub use style::{edge_style, node_style, penwidth, relation_label, EdgeStyle, NodeStyle};
pub use topics::themes_by_topic;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use crate::model::Entity;
use crate::model::Relation;
use std::io::{self, Write};

/// The font of every label. Graphviz finds it through fontconfig (DejaVu Sans or Liberation Sans
/// on Debian), and browsers showing the SVG fall back to their sans-serif.
pub const FONT: &str = "Helvetica";

/// What the picture shows: options of the DOT export, which the SVG and the HTML page draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotOptions {
    /// Keep entities with no relation and themes no event or actor links to (`--dot-isolated`).
    pub keep_isolated: bool,
    /// Draw only the neighbourhood of this entity, given by id, label or alias (`--focus`).
    pub focus: Option<String>,
    /// How many relations away from the focus an entity may be (`--depth`, default 1).
    pub depth: usize,
    /// Keep only this many most connected entities (`--top`).
    pub top: Option<usize>,
    /// Put each article's events in a cluster labelled with its headline (`--dot-by-document`).
    pub by_document: bool,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions { keep_isolated: false, focus: None, depth: 1, top: None, by_document: false }
    }
}

/// Which part of the picture to write: the DOT file holds both; the SVG renderer lays out the
/// graph and the legend separately, because `sfdp` ignores clusters and would scatter the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The graph and its legend.
    Whole,
    /// The graph alone.
    Graph,
    /// The legend alone, laid out by `dot`.
    Legend,
}

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

/// Writes the picture of the graph as a DOT digraph with its legend: one node per entity (shape
/// and colour by type), one styled edge per relation, in id order. Fails only when `--focus`
/// names no entity (or several) and when `w` fails.
pub fn write_dot<W: Write>(graph: &KnowledgeGraph, options: &DotOptions, w: W) -> Result<()> {
    let picture = Picture::select(graph, options)?;
    write_picture(graph, &picture, options, Part::Whole, w)
        .map_err(|e| Error::Export { format: "dot".into(), message: e.to_string() })
}

/// The layout a picture gets.
pub fn layout_of(picture: &Picture, options: &DotOptions) -> Layout {
    Layout::choose(picture.entities.len(), picture.relations.len(), options.by_document)
}

/// Writes one part of an already selected picture.
pub fn write_picture<W: Write>(
    graph: &KnowledgeGraph,
    picture: &Picture,
    options: &DotOptions,
    part: Part,
    w: W,
) -> io::Result<()> {
    let mut w = io::BufWriter::new(w);
    let layout = if part == Part::Legend { Layout::choose(0, 0, false) } else { layout_of(picture, options) };
    // Drawn alone, the legend can be packed tighter than a picture whose edges need room.
    let (id, spacing) =
        if part == Part::Legend { ("legend-graph", ", nodesep=0.12, ranksep=0.3") } else { ("picture", "") };
    writeln!(w, "digraph newsgraph {{")?;
    writeln!(
        w,
        "  graph [id=\"{id}\", {}{spacing}, charset=\"UTF-8\", fontname=\"{FONT}\", outputorder=edgesfirst, pad=0.2];",
        layout.graph_attributes()
    )?;
    writeln!(w, "  node [style=filled, fontname=\"{FONT}\", fontsize=12, color=\"#555555\", penwidth=0.8];")?;
    writeln!(w, "  edge [fontname=\"{FONT}\", fontsize=9, arrowsize=0.7];")?;
    if part != Part::Legend {
        write_nodes(&mut w, graph, picture, options, &layout)?;
        for r in &picture.relations {
            write_edge(&mut w, graph, r, &layout)?;
        }
    }
    if part != Part::Graph {
        legend::write_legend(&mut w, &picture_note(graph, picture))?;
    }
    writeln!(w, "}}")?;
    w.flush()
}

/// What the legend says about the selection: how much is shown, around what, and what was left out.
pub fn picture_note(graph: &KnowledgeGraph, picture: &Picture) -> String {
    let mut lines = vec![format!(
        "Shown: {} of {} entities, {} of {} relations",
        picture.entities.len(),
        graph.entity_count(),
        picture.relations.len(),
        graph.relation_count()
    )];
    if let Some(f) = picture.focus {
        lines.push(format!("around {}", f.label));
    }
    lines.extend(picture.left_out.reasons().into_iter().map(|r| format!("left out {r}")));
    lines.join("\n")
}

/// Entity nodes: those outside document clusters, then one cluster per article.
fn write_nodes<W: Write>(
    w: &mut W,
    graph: &KnowledgeGraph,
    picture: &Picture,
    options: &DotOptions,
    layout: &Layout,
) -> io::Result<()> {
    let clusters =
        if options.by_document { documents::events_by_document(graph, &picture.entities) } else { Default::default() };
    let topics = topics::themes_by_topic(&picture.entities);
    let clustered: std::collections::BTreeSet<&str> =
        clusters.values().chain(topics.values()).flatten().map(|e| e.id.as_str()).collect();
    for e in picture.entities.iter().filter(|e| !clustered.contains(e.id.as_str())) {
        write_node(w, e, layout, "  ")?;
    }
    for (topic, themes) in &topics {
        let key = crate::kb::slug(topic);
        writeln!(w, "  subgraph \"cluster_topic_{key}\" {{")?;
        writeln!(
            w,
            "    graph [id=\"topic:{key}\", label=\"{}\", style=\"rounded,dashed\", color=\"#b39ddb\", fontsize=11];",
            dot_escape(topic)
        )?;
        for e in themes {
            write_node(w, e, layout, "    ")?;
        }
        writeln!(w, "  }}")?;
    }
    for (doc, events) in &clusters {
        let title = graph.documents().get(*doc).map_or("", |d| d.title.as_str());
        writeln!(w, "  subgraph \"cluster_doc_{doc}\" {{")?;
        writeln!(
            w,
            "    graph [id=\"doc:{doc}\", label=\"{}\", tooltip=\"{}\", style=rounded, color=\"#bbbbbb\", fontsize=12];",
            dot_escape(&shorten(title, 60)),
            dot_escape(title)
        )?;
        for e in events {
            write_node(w, e, layout, "    ")?;
        }
        writeln!(w, "  }}")?;
    }
    Ok(())
}

fn write_node<W: Write>(w: &mut W, e: &Entity, layout: &Layout, indent: &str) -> io::Result<()> {
    let s = node_style(e.etype);
    let label = if layout.compact() { shorten(&e.label, SHORT_LABEL_CHARS) } else { wrap(&e.label, WRAP_LABEL_CHARS) };
    let id = dot_escape(e.id.as_str());
    writeln!(
        w,
        "{indent}\"{id}\" [id=\"e:{id}\", class=\"{t}\", label=\"{}\", tooltip=\"{} ({t})\", shape={}, fillcolor=\"{}\"];",
        dot_escape(&label),
        dot_escape(&e.label),
        s.shape,
        s.fill,
        t = e.etype.as_str(),
    )
}

fn write_edge<W: Write>(w: &mut W, graph: &KnowledgeGraph, r: &Relation, layout: &Layout) -> io::Result<()> {
    let s = edge_style(r.rtype);
    let name = |id: &crate::model::EntityId| graph.entity(id.as_str()).map_or(id.to_string(), |e| e.label.clone());
    let n = r.evidence.len();
    let tooltip = format!(
        "{} {} {}: {n} sentence{}, confidence {:.2}",
        name(&r.source),
        relation_label(r.rtype),
        name(&r.target),
        if n == 1 { "" } else { "s" },
        r.confidence
    );
    let label = if layout.compact() {
        String::new()
    } else {
        format!("label=\"{}\", fontcolor=\"{}\", ", relation_label(r.rtype), s.color)
    };
    writeln!(
        w,
        "  \"{src}\" -> \"{dst}\" [id=\"r:{src}|{t}|{dst}\", class=\"{t}\", {label}tooltip=\"{}\", color=\"{}\", style={}, arrowhead={}, penwidth={:.2}, weight={}];",
        dot_escape(&tooltip),
        s.color,
        s.line,
        s.arrowhead,
        penwidth(r),
        n.clamp(1, 100),
        src = dot_escape(r.source.as_str()),
        dst = dot_escape(r.target.as_str()),
        t = r.rtype.as_str(),
    )
}
