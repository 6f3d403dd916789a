//! Hostile labels (quotes, backslashes, angle brackets, newlines, non-Latin script) through every
//! writer: the files must still parse (oxttl, rapper) and render (Graphviz), with labels intact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use newsgraph::export::{write_files, ExportOptions, Format};
use newsgraph::model::Relation;
use newsgraph::model::{Entity, EntityId};
use newsgraph::{EntityType, KnowledgeGraph, RelationType};

const LABELS: [&str; 6] = [
    "Quote \"in\" label",
    "Back\\slash \\n not a newline",
    "<script>alert('x')</script> & co",
    "Two\nlines\r\nhere",
    "Ильхам Алиев 伊利哈姆 إلهام",
    "Tab\tand } brace { and ; semicolon -> arrow",
];

#[test]
fn hostile_labels_survive_every_format() {
    let entities: Vec<Entity> = LABELS
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut e = Entity::new(EntityId(format!("person/p{i}")), EntityType::Person, *l);
            e.add_alias(&format!("alias {l}"));
            e.add_attribute("title", *l);
            e
        })
        .collect();
    let relations = (1..LABELS.len()).map(|i| Relation {
        source: EntityId("person/p0".into()),
        rtype: RelationType::MetWith,
        target: EntityId(format!("person/p{i}")),
        confidence: 0.5,
        evidence: vec![],
    });
    let graph = KnowledgeGraph::new(vec![], entities, relations);
    let dir = tempdir();
    write_files(
        &graph,
        &[Format::Turtle, Format::NTriples, Format::NQuads, Format::Dot, Format::Json, Format::Html],
        &ExportOptions::default(),
        dir.path(),
    )
    .unwrap();

    let ttl = read(&dir.path().join("graph.ttl"));
    let labels: Vec<String> = oxttl::TurtleParser::new()
        .for_slice(ttl.as_bytes())
        .map(|t| t.unwrap())
        .filter(|t| t.predicate.as_str() == "http://www.w3.org/2000/01/rdf-schema#label")
        .map(|t| match t.object {
            oxrdf::Term::Literal(l) => l.value().to_owned(),
            other => panic!("{other}"),
        })
        .collect();
    let mut want: Vec<String> = LABELS.iter().map(|l| l.to_string()).collect();
    let mut got = labels.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want, "labels round-trip through Turtle unchanged");
    for t in oxttl::NTriplesParser::new().for_slice(read(&dir.path().join("graph.nt")).as_bytes()) {
        t.unwrap();
    }
    for q in oxttl::NQuadsParser::new().for_slice(read(&dir.path().join("graph.nq")).as_bytes()) {
        q.unwrap();
    }
    rapper_count(&dir.path().join("graph.ttl"), "turtle");
    rapper_count(&dir.path().join("graph.nt"), "ntriples");
    rapper_count(&dir.path().join("graph.nq"), "nquads");

    let json: serde_json::Value = serde_json::from_str(&read(&dir.path().join("graph.json"))).unwrap();
    assert_eq!(json["entities"][3]["label"], LABELS[3]);

    let dot = read(&dir.path().join("graph.dot"));
    for line in dot.lines() {
        assert!(line.ends_with(';') || line.ends_with('{') || line.ends_with('}'), "no raw newline leaked: {line:?}");
    }
    let statements = |prefix: &str| dot.lines().filter(|l| l.trim_start().starts_with(prefix)).count();
    assert_eq!(statements("\"person/p"), LABELS.len() + LABELS.len() - 1, "one line per node and edge");
    labels_are_text_in_the_page(&read(&dir.path().join("graph.html")));
    if let Some(svg) = render_dot(&dir.path().join("graph.dot")) {
        assert!(svg.contains("Ильхам Алиев 伊利哈姆 إلهام"));
        assert!(svg.contains("&lt;script&gt;"), "angle brackets are text, escaped by Graphviz in SVG");
        assert!(svg.contains("Quote &quot;in&quot; label") || svg.contains("Quote \"in\" label"));
    }
    if tool("dot", "-V") {
        // Our own SVG (picture and legend composed) and the page that embeds it stay well-formed.
        let drawn = tempdir();
        write_files(&graph, &[Format::Svg, Format::Html], &ExportOptions::default(), drawn.path()).unwrap();
        let svg = read(&drawn.path().join("graph.svg"));
        let texts: String = parse_xml(&svg).descendants().filter_map(|n| n.text()).collect();
        assert!(texts.contains("<script>alert('x')</script> & co") && texts.contains("Ильхам Алиев"));
        labels_are_text_in_the_page(&read(&drawn.path().join("graph.html")));
    }
}

/// The page parses as XML, and every label is text in it, never markup.
fn labels_are_text_in_the_page(html: &str) {
    let page = parse_xml(html);
    assert!(!html.contains("<script>alert"));
    let listed: Vec<String> = page
        .descendants()
        .filter(|n| n.has_tag_name("button") && n.attribute("class").is_some_and(|c| c.starts_with("ent ")))
        .map(|n| n.text().unwrap_or("").to_owned())
        .collect();
    for label in LABELS {
        let text = label.replace("\r\n", "\n"); // XML parsers normalize line ends
        assert!(listed.contains(&text), "{label:?} listed as text");
    }
    let data = page.descendants().find(|n| n.attribute("id") == Some("graph-data")).unwrap();
    let json: serde_json::Value = serde_json::from_str(data.text().unwrap()).unwrap();
    assert_eq!(json["entities"]["person/p2"]["label"], LABELS[2]);
}
