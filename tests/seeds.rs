//! End to end on the example articles: the real binary, every format, real facts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeSet;

struct Graph {
    json: Value,
}

impl Graph {
    fn build(dir: &std::path::Path, formats: &str) -> Graph {
        build_examples(dir, &["--format", formats]);
        let json = serde_json::from_str(&read(&dir.join("graph.json"))).unwrap();
        Graph { json }
    }

    /// The events that have `participant` among their participants.
    fn events_with(&self, participant: &str) -> Vec<&Value> {
        self.entities()
            .iter()
            .filter(|e| e["type"] == "Event" && self.has(e["id"].as_str().unwrap(), "participant", participant))
            .collect()
    }

    fn entities(&self) -> &Vec<Value> {
        self.json["entities"].as_array().unwrap()
    }

    fn id_of(&self, label: &str) -> String {
        let hits: Vec<&Value> = self.entities().iter().filter(|e| e["label"] == label).collect();
        assert_eq!(hits.len(), 1, "exactly one entity labelled {label:?}");
        hits[0]["id"].as_str().unwrap().to_owned()
    }

    fn has(&self, source: &str, rtype: &str, target: &str) -> bool {
        self.json["relations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["source"] == source && r["type"] == rtype && r["target"] == target)
    }

    fn targets(&self, source: &str, rtype: &str) -> BTreeSet<String> {
        self.json["relations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["source"] == source && r["type"] == rtype)
            .map(|r| r["target"].as_str().unwrap().to_owned())
            .collect()
    }
}

#[test]
fn seed_facts() {
    let dir = tempdir();
    let g = Graph::build(dir.path(), "json");
    let blinken = g.id_of("Antony J. Blinken");
    let aliyev = g.id_of("Ilham Aliyev");
    let us = g.id_of("United States");
    let az = g.id_of("Azerbaijan");
    assert!(g.has(&blinken, "affiliated_with", &us));
    assert!(g.has(&aliyev, "affiliated_with", &az));
    assert!(g.has(&blinken, "met_with", &aliyev));

    // The Munich meeting: participants, place, date.
    let munich = g.id_of("Munich");
    let meetings = g.events_with(&blinken);
    assert_eq!(meetings.len(), 1);
    let meeting = meetings[0]["id"].as_str().unwrap();
    assert_eq!(g.targets(meeting, "participant"), BTreeSet::from([blinken.clone(), aliyev.clone()]));
    assert!(g.has(meeting, "location", &munich));
    assert_eq!(meetings[0]["attributes"]["date"], serde_json::json!(["2024-02-17"]));
    assert!(g.has(&munich, "located_in", &g.id_of("Germany")));
    for theme in ["Peace agreement", "Human rights", "Middle Corridor"] {
        assert!(g.has(meeting, "topic", &g.id_of(theme)), "meeting topic {theme}");
    }

    // COP29 in Baku, hosted by Azerbaijan; the peace agreement's parties.
    let cop = g.id_of("COP29");
    assert!(g.has(&cop, "location", &g.id_of("Baku")));
    assert!(g.has(&cop, "host", &az));
    assert!(g.has(meeting, "topic", &cop));
    let peace = g.id_of("Peace agreement");
    assert_eq!(g.targets(&peace, "party"), BTreeSet::from([az.clone(), g.id_of("Armenia")]));

    // The other article: role-only people, the ministry, the outlet.
    let fm = g.id_of("Azerbaijan’s Foreign Minister");
    let official = g.id_of("senior U.S. State Department official");
    let state = g.id_of("State Department");
    assert!(g.has(&fm, "affiliated_with", &az));
    assert!(g.has(&official, "affiliated_with", &state));
    assert!(g.has(&state, "part_of", &us));
    let talks: Vec<&str> = g.events_with(&fm).iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(talks.len(), 1);
    assert!(g.has(talks[0], "participant", &official));
    assert!(g.has(talks[0], "reported_by", &g.id_of("Apa.az")));
    for theme in ["Terrorism", "Cybersecurity", "Arms control", "Security"] {
        assert!(g.has(talks[0], "topic", &g.id_of(theme)), "talks topic {theme}");
    }
}

#[test]
fn headings_and_table_headers_never_become_entities() {
    let dir = tempdir();
    let g = Graph::build(dir.path(), "json");
    let mut layout_lines = BTreeSet::new();
    for f in ["000_771a817d65f74398.txt", "003_5ecdfa4a72bf63f4.txt"] {
        for line in read(&root().join("examples/articles").join(f)).lines() {
            let l = line.trim();
            if l.contains('|') {
                layout_lines.extend(l.split('|').map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty()));
            } else if !l.is_empty() && !l.ends_with('.') && l.split_whitespace().count() <= 20 {
                layout_lines.insert(l.to_lowercase());
            }
        }
    }
    assert!(layout_lines.contains("focus area") && layout_lines.contains("forging paths to peace and partnership"));
    for e in g.entities() {
        let label = e["label"].as_str().unwrap().to_lowercase();
        assert!(!layout_lines.contains(&label) || e["type"] == "Theme", "layout text became an entity: {e}");
        assert!(
            !["secretary", "president", "the", "both", "observers", "conclusion"].contains(&label.as_str()),
            "junk entity: {e}"
        );
    }
}

#[test]
fn every_rdf_file_parses_and_agrees() {
    let dir = tempdir();
    Graph::build(dir.path(), "ttl,nt,nq,json");
    let ttl = read(&dir.path().join("graph.ttl"));
    let nt = read(&dir.path().join("graph.nt"));
    let nq = read(&dir.path().join("graph.nq"));
    let from_ttl: BTreeSet<String> =
        oxttl::TurtleParser::new().for_slice(ttl.as_bytes()).map(|t| t.unwrap().to_string()).collect();
    let from_nt: BTreeSet<String> =
        oxttl::NTriplesParser::new().for_slice(nt.as_bytes()).map(|t| t.unwrap().to_string()).collect();
    let quads: Vec<oxrdf::Quad> = oxttl::NQuadsParser::new().for_slice(nq.as_bytes()).map(|q| q.unwrap()).collect();
    let from_nq: BTreeSet<String> = quads.iter().map(|q| oxrdf::Triple::from(q.clone()).to_string()).collect();
    assert!(from_nt.len() > 500, "only {} triples", from_nt.len());
    assert_eq!(from_ttl, from_nt, "Turtle and N-Triples hold the same triples");
    assert_eq!(from_nq, from_nt, "N-Quads graphs merge to the N-Triples");
    // One named graph per document, holding that document's facts.
    let graphs: BTreeSet<String> =
        quads.iter().filter(|q| !q.graph_name.is_default_graph()).map(|q| q.graph_name.to_string()).collect();
    assert_eq!(graphs.len(), 2, "{graphs:?}");
    let blinken_us = quads.iter().find(|q| {
        q.subject.to_string() == "<https://newsgraph.dev/id/person/antony-j-blinken>"
            && q.predicate.as_str() == "http://schema.org/affiliation"
            && q.object.to_string() == "<https://newsgraph.dev/id/country/united-states>"
    });
    assert_eq!(blinken_us.unwrap().graph_name.to_string(), "<https://newsgraph.dev/id/doc/003-5ecdfa4a72bf63f4>");
    // An independent parser agrees on the counts.
    for (file, syntax) in [("graph.ttl", "turtle"), ("graph.nt", "ntriples"), ("graph.nq", "nquads")] {
        if let Some(n) = rapper_count(&dir.path().join(file), syntax) {
            let want = if syntax == "nquads" { quads.len() } else { from_nt.len() };
            assert_eq!(n, want, "rapper's count for {file}");
        }
    }
}

#[test]
fn dot_renders_and_svg_is_written() {
    let dir = tempdir();
    let has_dot = tool("dot", "-V");
    let formats = if has_dot { "dot,json,svg" } else { "dot,json" };
    let g = Graph::build(dir.path(), formats);
    let dot = read(&dir.path().join("graph.dot"));
    let edges = dot.lines().filter(|l| l.contains(" -> ") && !l.trim_start().starts_with("\"legend:")).count();
    assert_eq!(edges, g.json["relations"].as_array().unwrap().len(), "every relation of the seeds is drawn");
    if let Some(svg) = render_dot(&dir.path().join("graph.dot")) {
        assert!(svg.contains("Antony J. Blinken") && svg.contains("affiliated_with"));
        let written = read(&dir.path().join("graph.svg"));
        assert!(written.starts_with("<?xml") && written.contains("</svg>"));
    }
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let (a, b) = (tempdir(), tempdir());
    for (dir, threads) in [(&a, "1"), (&b, "4")] {
        ok(&newsgraph(&[
            "build",
            "examples/articles",
            "examples/articles",
            "--out",
            dir.path().to_str().unwrap(),
            "--format",
            "ttl,nt,nq,dot,json",
            "--threads",
            threads,
        ]));
    }
    for f in ["graph.ttl", "graph.nt", "graph.nq", "graph.dot", "graph.json"] {
        assert!(read(&a.path().join(f)) == read(&b.path().join(f)), "{f} differs between runs");
    }
}
