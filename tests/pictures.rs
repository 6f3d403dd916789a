//! The picture options, rendered for real: Graphviz draws each DOT file, and the SVG's nodes and
//! edges are counted against the graph's JSON.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

/// Entity and relation ids drawn in an SVG (`e:ID` nodes, `r:SOURCE|TYPE|TARGET` edges).
struct Drawn {
    nodes: BTreeSet<String>,
    edges: BTreeSet<(String, String)>,
    legend: bool,
    width: f64,
    height: f64,
}

impl Drawn {
    fn of(svg: &str) -> Drawn {
        let doc = parse_xml(svg);
        let ids = |class: &str, prefix: &str| -> Vec<String> {
            doc.descendants()
                .filter(|n| n.attribute("class").is_some_and(|c| c.split(' ').next() == Some(class)))
                .filter_map(|n| n.attribute("id")?.strip_prefix(prefix).map(str::to_owned))
                .collect()
        };
        let edges = ids("edge", "r:")
            .into_iter()
            .map(|id| {
                let parts: Vec<&str> = id.split('|').collect();
                (parts[0].to_owned(), parts[2].to_owned())
            })
            .collect();
        let view: Vec<f64> =
            doc.root_element().attribute("viewBox").unwrap().split(' ').map(|n| n.parse().unwrap()).collect();
        let legend = doc.descendants().any(|n| n.attribute("id") == Some("legend"));
        Drawn { nodes: ids("node", "e:").into_iter().collect(), edges, legend, width: view[2], height: view[3] }
    }

    fn isolated(&self) -> Vec<&String> {
        self.nodes.iter().filter(|n| !self.edges.iter().any(|(s, t)| s == *n || t == *n)).collect()
    }
}

/// The graph's relations as (source, target) pairs, from graph.json.
fn relations(json: &Value) -> Vec<(String, String)> {
    json["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["source"].as_str().unwrap().to_owned(), r["target"].as_str().unwrap().to_owned()))
        .collect()
}

/// Builds the examples with picture options; returns graph.json and the drawings of graph.svg and
/// of graph.dot as Graphviz renders it (None without Graphviz).
fn build(dir: &Path, more: &[&str]) -> (Value, Option<(Drawn, Drawn)>) {
    let mut args = vec!["--format", "json,dot,svg"];
    if !tool("dot", "-V") {
        args[1] = "json,dot";
    }
    args.extend_from_slice(more);
    build_examples(dir, &args);
    let json = serde_json::from_str(&read(&dir.join("graph.json"))).unwrap();
    let drawn =
        render_dot(&dir.join("graph.dot")).map(|file| (Drawn::of(&read(&dir.join("graph.svg"))), Drawn::of(&file)));
    (json, drawn)
}

#[test]
fn by_default_every_related_entity_is_drawn_with_the_legend() {
    let dir = tempdir();
    let (json, drawn) = build(dir.path(), &[]);
    let Some((svg, file)) = drawn else { return };
    let related: BTreeSet<String> = relations(&json).into_iter().flat_map(|(s, t)| [s, t]).collect();
    let themes_without_actor: BTreeSet<String> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "Theme")
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .filter(|id| !relations(&json).iter().any(|(s, t)| t == id && !s.starts_with("theme/")))
        .collect();
    let want: BTreeSet<String> = related.difference(&themes_without_actor).cloned().collect();
    for d in [&svg, &file] {
        assert_eq!(d.nodes, want);
        assert!(d.isolated().is_empty(), "isolated: {:?}", d.isolated());
        assert!(d.legend);
    }
    assert_eq!(svg.edges.len(), relations(&json).iter().filter(|(s, t)| want.contains(s) && want.contains(t)).count());
    let dot = read(&dir.path().join("graph.dot"));
    assert!(dot.contains("layout=dot, rankdir=LR") && dot.contains("subgraph cluster_legend"));
}

#[test]
fn dot_isolated_keeps_every_entity() {
    let dir = tempdir();
    let (json, drawn) = build(dir.path(), &["--dot-isolated"]);
    let Some((svg, file)) = drawn else { return };
    assert_eq!(svg.nodes.len(), json["entities"].as_array().unwrap().len());
    assert_eq!(file.nodes, svg.nodes);
    assert_eq!(svg.edges.len(), relations(&json).len());
}

/// Entities at most `depth` relations from `from`, either direction.
fn within(json: &Value, from: &str, depth: usize) -> BTreeSet<String> {
    let mut next: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (s, t) in relations(json) {
        next.entry(s.clone()).or_default().push(t.clone());
        next.entry(t).or_default().push(s);
    }
    let mut seen = BTreeSet::from([from.to_owned()]);
    let mut queue = VecDeque::from([(from.to_owned(), 0)]);
    while let Some((id, d)) = queue.pop_front() {
        for n in next.get(&id).into_iter().flatten() {
            if d < depth && seen.insert(n.clone()) {
                queue.push_back((n.clone(), d + 1));
            }
        }
    }
    seen
}

#[test]
fn focus_draws_the_neighbourhood_of_one_entity() {
    let dir = tempdir();
    let (json, drawn) = build(dir.path(), &["--focus", "Antony J. Blinken", "--depth", "2"]);
    let Some((svg, file)) = drawn else { return };
    let near = within(&json, "person/antony-j-blinken", 2);
    assert!(svg.nodes.contains("person/antony-j-blinken") && svg.nodes.contains("person/ilham-aliyev"));
    assert!(svg.nodes.is_subset(&near), "outside depth 2: {:?}", svg.nodes.difference(&near).collect::<Vec<_>>());
    assert!(!svg.nodes.contains("event/000-771a817d65f74398-talks-1"), "the other article's talks are farther");
    assert!(svg.nodes.len() < json["entities"].as_array().unwrap().len() / 2 + 10);
    assert_eq!(file.nodes, svg.nodes);
    assert!(svg.isolated().is_empty());
    let one = tempdir();
    let (_, drawn) = build(one.path(), &["--focus", "person/antony-j-blinken"]);
    let nodes = drawn.unwrap().0.nodes;
    assert_eq!(nodes, within(&json, "person/antony-j-blinken", 1).intersection(&svg.nodes).cloned().collect());
}

#[test]
fn focus_on_an_unknown_name_is_a_clear_error() {
    let out = tempdir();
    let run = newsgraph(&["build", "examples/articles", "--out", out.path().to_str().unwrap(), "--focus", "Blinke"]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("--focus \"Blinke\"") && stderr.contains("Antony J. Blinken (person/antony-j-blinken)"),
        "{stderr}"
    );
}

#[test]
fn top_keeps_the_most_connected_and_says_what_it_left_out() {
    let dir = tempdir();
    let run = build_examples(dir.path(), &["--format", "json,dot", "--top", "8"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("below the --top most connected"), "{stderr}");
    let Some(svg) = render_dot(&dir.path().join("graph.dot")) else { return };
    let drawn = Drawn::of(&svg);
    let json: Value = serde_json::from_str(&read(&dir.path().join("graph.json"))).unwrap();
    let mut degree: BTreeMap<String, usize> = BTreeMap::new();
    for (s, t) in relations(&json) {
        *degree.entry(s).or_default() += 1;
        *degree.entry(t).or_default() += 1;
    }
    let mut ranked: Vec<(usize, String)> = degree.into_iter().map(|(id, d)| (d, id)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let top: BTreeSet<String> = ranked.into_iter().take(8).map(|(_, id)| id).collect();
    assert!(!drawn.nodes.is_empty() && drawn.nodes.is_subset(&top), "{:?} not within {top:?}", drawn.nodes);
    assert!(read(&dir.path().join("graph.dot")).contains("below the --top most connected"), "the legend says it too");
}

#[test]
fn by_document_puts_each_articles_events_in_a_cluster_with_its_headline() {
    let dir = tempdir();
    let (json, drawn) = build(dir.path(), &["--dot-by-document"]);
    let Some((svg, _)) = drawn else { return };
    let text = read(&dir.path().join("graph.svg"));
    let doc = parse_xml(&text);
    for (i, d) in json["documents"].as_array().unwrap().iter().enumerate() {
        let cluster =
            doc.descendants().find(|n| n.attribute("id") == Some(&format!("doc:{i}"))).expect("a cluster per article");
        let label: String = cluster.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
        let headline: String = d["title"].as_str().unwrap().chars().take(20).collect();
        assert!(label.starts_with(&headline), "{label:?} is the headline {headline:?}");
    }
    assert!(svg.nodes.iter().any(|n| n.starts_with("event/")));
}

#[test]
fn themes_are_drawn_in_a_cluster_per_top_level_topic() {
    let dir = tempdir();
    let (json, drawn) = build(dir.path(), &[]);
    let Some((svg, _)) = drawn else { return };
    let text = read(&dir.path().join("graph.svg"));
    let doc = parse_xml(&text);
    let dot = read(&dir.path().join("graph.dot"));
    let mut drawn_themes = 0;
    for e in json["entities"].as_array().unwrap().iter().filter(|e| e["type"] == "Theme") {
        let id = e["id"].as_str().unwrap();
        if !svg.nodes.contains(id) {
            continue;
        }
        drawn_themes += 1;
        let topic = e["attributes"]["topic_group"][0].as_str().unwrap();
        let key: String = topic
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let cluster = doc
            .descendants()
            .find(|n| n.attribute("id") == Some(&format!("topic:{key}")))
            .unwrap_or_else(|| panic!("a cluster for {topic:?}"));
        let label: String = cluster.children().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
        assert_eq!(label, topic);
        // In the DOT file the theme's node is written inside its topic's subgraph.
        let block = &dot[dot.find(&format!("subgraph \"cluster_topic_{key}\"")).unwrap()..];
        let block = &block[..block.find("\n  }").unwrap()];
        assert!(block.contains(&format!("\"{id}\" [")), "{id} is in the cluster of {topic:?}");
    }
    assert!(drawn_themes >= 3, "the examples have themes in the picture");
}

#[test]
fn pictures_are_the_same_whatever_the_threads() {
    if !tool("dot", "-V") {
        return;
    }
    let (a, b) = (tempdir(), tempdir());
    build_examples(a.path(), &["--format", "dot,svg,html", "--threads", "1"]);
    build_examples(b.path(), &["--format", "dot,svg,html", "--threads", "2"]);
    for f in ["graph.dot", "graph.svg", "graph.html"] {
        assert!(read(&a.path().join(f)) == read(&b.path().join(f)), "{f} differs between runs");
    }
}

/// The first 50 BBC politics articles: the size of an analyst's folder.
#[test]
fn fifty_articles_give_a_readable_picture() {
    if !tool("dot", "-V") {
        return;
    }
    let dir = tempdir();
    let Some(input) = fifty_politics_articles(dir.path()) else { return };
    let out = dir.path().join("out");
    ok(&newsgraph(&["build", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--format", "dot,svg,html"]));
    let text = read(&out.join("graph.svg"));
    let svg = Drawn::of(&text);
    let ratio = svg.width / svg.height;
    assert!((1.0 / 3.0..=3.0).contains(&ratio), "aspect ratio {ratio:.2}");
    assert!(svg.legend && svg.nodes.len() > 100 && svg.isolated().is_empty());
    assert!(read(&out.join("graph.dot")).contains("layout=sfdp, overlap=prism, splines=true"));
    // Readable at 100% zoom: every node label is set in 12 pt and no two nodes overlap.
    let doc = parse_xml(&text);
    let mut boxes = Vec::new();
    for node in doc.descendants().filter(|n| n.attribute("id").is_some_and(|id| id.starts_with("e:"))) {
        for t in node.descendants().filter(|n| n.has_tag_name("text")) {
            assert_eq!(t.attribute("font-size"), Some("12.00"), "{:?}", t.text());
        }
        boxes.push(bounds(&node));
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            let area = (a.2.min(b.2) - a.0.max(b.0)) * (a.3.min(b.3) - a.1.max(b.1));
            assert!(!overlap || area < 20.0, "nodes overlap: {a:?} {b:?}");
        }
    }
}

/// The bounding box (x0, y0, x1, y1) of a node's shape, from its polygon points or ellipse.
fn bounds(node: &roxmltree::Node) -> (f64, f64, f64, f64) {
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for shape in node.descendants() {
        let num = |a: &str| shape.attribute(a).unwrap().parse::<f64>().unwrap();
        if shape.has_tag_name("ellipse") {
            xs.extend([num("cx") - num("rx"), num("cx") + num("rx")]);
            ys.extend([num("cy") - num("ry"), num("cy") + num("ry")]);
        } else if shape.has_tag_name("polygon") {
            for p in shape.attribute("points").unwrap().split(' ') {
                let (x, y) = p.split_once(',').unwrap();
                xs.push(x.parse().unwrap());
                ys.push(y.parse().unwrap());
            }
        }
    }
    let min = |v: &[f64]| v.iter().cloned().fold(f64::MAX, f64::min);
    let max = |v: &[f64]| v.iter().cloned().fold(f64::MIN, f64::max);
    (min(&xs), min(&ys), max(&xs), max(&ys))
}
