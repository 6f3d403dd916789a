//! `graph.html`: one self-contained page to explore a corpus. It holds the SVG picture (pan, zoom,
//! click a node for its details), a searchable list of every entity, and each article's text with
//! its entities highlighted by type and linked to the graph. No network, no build step: the page
//! template, its CSS and its script are files beside this one, compiled in with `include_str!`.
//! The page is also well-formed XML (void elements closed, script and style in CDATA sections
//! behind comments), so tests can check it with an XML parser as well as in a browser.

mod articles;
mod data;

use super::dot::{node_style, picture_note, Picture};
use crate::graph::KnowledgeGraph;
use crate::model::Entity;
use crate::model::EntityType;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

const PAGE: &str = include_str!("page.html");
const CSS: &str = include_str!("page.css");
const JS: &str = include_str!("page.js");

/// What the page shows where the picture goes.
#[derive(Debug, Clone, Copy)]
pub enum Drawing<'a> {
    /// The SVG document Graphviz drew (its XML prolog is left out of the page).
    Svg(&'a str),
    /// Why there is no picture (Graphviz is not installed).
    Missing(&'a str),
}

/// Escapes text for HTML text and double- or single-quoted attribute values.
///
/// ```
/// use newsgraph::export::html_escape;
/// assert_eq!(html_escape("<a href=\"x\">Tom & Jerry's</a>"), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
/// ```
pub fn html_escape(s: &str) -> Cow<'_, str> {
    if !s.contains(['<', '>', '&', '"', '\'']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

use html_escape as escape;

/// Writes the page: the template with each `{{slot}}` filled, streaming the long parts.
pub fn write_html<W: Write>(graph: &KnowledgeGraph, picture: &Picture, drawing: Drawing, w: W) -> io::Result<()> {
    let mut w = io::BufWriter::new(w);
    let mut rest = PAGE;
    while let Some(open) = rest.find("{{") {
        w.write_all(&rest.as_bytes()[..open])?;
        let close = open + rest[open..].find("}}").unwrap_or(rest.len() - open);
        fill(&mut w, &rest[open + 2..close], graph, picture, drawing)?;
        rest = rest.get(close + 2..).unwrap_or("");
    }
    w.write_all(rest.as_bytes())?;
    w.flush()
}

fn fill<W: Write>(
    w: &mut W,
    slot: &str,
    graph: &KnowledgeGraph,
    picture: &Picture,
    drawing: Drawing,
) -> io::Result<()> {
    let docs = graph.documents().len();
    match slot {
        "generator" => w.write_all(concat!("newsgraph ", env!("CARGO_PKG_VERSION")).as_bytes()),
        "title" => write!(w, "newsgraph: {docs} article{}", if docs == 1 { "" } else { "s" }),
        "css" => w.write_all(CSS.as_bytes()),
        "js" => w.write_all(JS.as_bytes()),
        "type_css" => type_css(w),
        "type_legend" => type_legend(w),
        "summary" => write!(
            w,
            "{} entities, {} relations. Picture: {}",
            graph.entity_count(),
            graph.relation_count(),
            escape(&picture_note(graph, picture).replace('\n', "; "))
        ),
        "entity_count" => write!(w, "{} entities", graph.entity_count()),
        "entities" => entity_list(w, graph, picture),
        "picture" => match drawing {
            Drawing::Svg(svg) => w.write_all(&svg.as_bytes()[svg.find("<svg").unwrap_or(0)..]),
            Drawing::Missing(why) => write!(w, "<p class=\"missing\">No picture: {}</p>", escape(why)),
        },
        "articles" => articles(w, graph),
        "themes" => themes_by_topic(w, graph),
        "data" => {
            let pictured: BTreeSet<&str> = picture.entities.iter().map(|e| e.id.as_str()).collect();
            data::write_data(graph, &data::Sentences::of(graph), &pictured, w)
        }
        other => Err(io::Error::other(format!("page template has an unknown slot {other:?}"))),
    }
}

/// Highlight colours of the entity types, from the picture's style table.
fn type_css<W: Write>(w: &mut W) -> io::Result<()> {
    for t in EntityType::ALL {
        writeln!(w, ".t-{} {{ background: {}; }}", t.as_str(), node_style(t).fill)?;
    }
    Ok(())
}

fn type_legend<W: Write>(w: &mut W) -> io::Result<()> {
    for t in EntityType::ALL {
        write!(w, "<mark class=\"t-{0}\" data-t=\"{1}\">{0}</mark>", t.as_str(), t.as_str().to_uppercase())?;
    }
    Ok(())
}

/// Every entity, by label: the list the search filters (entities outside the picture in italics).
fn entity_list<W: Write>(w: &mut W, graph: &KnowledgeGraph, picture: &Picture) -> io::Result<()> {
    let pictured: BTreeSet<&str> = picture.entities.iter().map(|e| e.id.as_str()).collect();
    let mut all: Vec<&Entity> = graph.entities().collect();
    all.sort_by_cached_key(|e| (e.label.to_lowercase(), e.id.clone()));
    for e in all {
        let mut search = format!("{} {} {}", e.label, e.etype.as_str(), e.id);
        for a in &e.aliases {
            search.push(' ');
            search.push_str(a);
        }
        let off = if pictured.contains(e.id.as_str()) { "" } else { " class=\"off\" title=\"not in the picture\"" };
        writeln!(
            w,
            "<li data-id=\"{}\" data-s=\"{}\"{off}><button type=\"button\" class=\"ent t-{}\">{}</button><span class=\"n\">{}</span></li>",
            escape(e.id.as_str()),
            escape(&search.to_lowercase()),
            e.etype.as_str(),
            escape(&e.label),
            e.mentions.len()
        )?;
    }
    Ok(())
}

/// The themes grouped by their top-level topic, each a highlight that selects its entity.
fn themes_by_topic<W: Write>(w: &mut W, graph: &KnowledgeGraph) -> io::Result<()> {
    let all: Vec<&Entity> = graph.entities().collect();
    let groups = crate::export::dot::themes_by_topic(&all);
    if groups.is_empty() {
        return Ok(());
    }
    writeln!(w, "<div id=\"themes\"><h3>Themes by topic</h3><dl>")?;
    for (topic, themes) in groups {
        write!(w, "<dt>{}</dt><dd>", escape(topic))?;
        for e in themes {
            write!(w, "<mark class=\"t-Theme\" data-id=\"{}\">{}</mark>", escape(e.id.as_str()), escape(&e.label))?;
        }
        writeln!(w, "</dd>")?;
    }
    writeln!(w, "</dl></div>")
}

/// Each article with its mentions highlighted.
fn articles<W: Write>(w: &mut W, graph: &KnowledgeGraph) -> io::Result<()> {
    let mut marks: BTreeMap<&str, Vec<(crate::model::Span, &Entity)>> = BTreeMap::new();
    for e in graph.entities() {
        for m in &e.mentions {
            marks.entry(m.doc.as_str()).or_default().push((m.span, e));
        }
    }
    for (i, doc) in graph.documents().iter().enumerate() {
        let meta: Vec<&str> = [doc.date.as_deref(), Some(doc.source.as_str())].into_iter().flatten().collect();
        write!(
            w,
            "<article id=\"doc-{i}\"><h3>{}</h3><p class=\"meta\">{}</p><div class=\"text\">",
            escape(&doc.title),
            escape(&meta.join(" · "))
        )?;
        articles::write_marked(w, i, doc, marks.get_mut(doc.id.as_str()).map_or(&mut [][..], |v| &mut v[..]))?;
        writeln!(w, "</div></article>")?;
    }
    Ok(())
}
