//! The shipped IPTC Media Topics file read by an RDF parser independent of newsgraph (rapper):
//! it parses, and holds the concepts and English labels `data/iptc-mediatopics.md` reports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::process::Command;

#[test]
fn iptc_media_topics_parse_with_rapper_and_match_their_note() {
    let path = root().join("data/iptc-mediatopics.ttl");
    let Some(triples) = rapper_count(&path, "turtle") else { return };
    let out = Command::new("rapper").args(["-q", "-i", "turtle", "-o", "ntriples"]).arg(&path).output().unwrap();
    let nt = String::from_utf8(out.stdout).unwrap();
    assert_eq!(nt.lines().count(), triples);
    let skos = |p: &str| format!("<http://www.w3.org/2004/02/skos/core#{p}>");
    let concept = format!("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {}", skos("Concept"));
    let count = |pred: &str, tail: &str| nt.lines().filter(|l| l.contains(pred) && l.ends_with(tail)).count();
    let note = read(&root().join("data/iptc-mediatopics.md"));
    let concepts = count(&concept, ".");
    let english = count(&skos("prefLabel"), "\"@en .") - 1; // less the scheme's own label
    for (what, n) in [("concepts in use", concepts), ("have one", english)] {
        let figure = format!("{},{:03}", n / 1000, n % 1000);
        assert!(note.contains(&format!("{figure} {what}")), "the note's figure for {what:?} is not {n}");
    }
    assert_eq!(english, concepts, "every concept has an English label");
    assert_eq!(count(&skos("topConceptOf"), "."), 17);
    assert_eq!(count(&skos("broader"), "."), count(&skos("narrower"), "."));
}
