//! RDF: Turtle, N-Triples and N-Quads through oxrdf terms and oxttl serializers.
//!
//! Entities are schema.org things (themes are SKOS concepts); each relation is one triple, and a
//! reified statement (`rdf:Statement`, `prov:wasDerivedFrom` the article) per piece of evidence
//! keeps the sentence, bytes, quote and confidence. In N-Quads, descriptions of entities and
//! documents sit in the default graph and each document's facts in a named graph of its own.

use super::ExportOptions;
use crate::graph::KnowledgeGraph;
use crate::kb::slug;
use crate::model::EntityType;
use crate::model::Evidence;
use crate::vocab::{ng, prov, rdf, relation_property, schema, skos};
use oxrdf::{GraphName, Literal, NamedNode, Quad, Triple};
use oxttl::{NQuadsSerializer, NTriplesSerializer, TurtleSerializer};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

fn iri(s: String) -> NamedNode {
    NamedNode::new_unchecked(s)
}

/// A stable 64-bit FNV-1a hash, for evidence IRIs that do not change between runs.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

struct Terms<'a> {
    base: &'a str,
    /// Theme entity id → the taxonomy concept's own IRI (IPTC's, or a user taxonomy's).
    concepts: BTreeMap<&'a str, &'a str>,
}

impl<'a> Terms<'a> {
    fn new(graph: &'a KnowledgeGraph, base: &'a str) -> Terms<'a> {
        let concepts = graph
            .entities()
            .filter(|e| e.etype == EntityType::Theme)
            .filter_map(|e| Some((e.id.as_str(), e.attributes.get("concept")?.first()?.as_str())))
            .filter(|(_, c)| NamedNode::new(*c).is_ok())
            .collect();
        Terms { base, concepts }
    }
    /// A theme is its concept's IRI, so that the graph joins other archives classified with the
    /// same vocabulary; other entities live under the base IRI.
    fn entity(&self, id: &str) -> NamedNode {
        match self.concepts.get(id) {
            Some(concept) => iri((*concept).to_owned()),
            None => iri(format!("{}{}", self.base, id)),
        }
    }
    fn doc(&self, id: &str) -> NamedNode {
        iri(format!("{}doc/{}", self.base, slug(id)))
    }
    fn s(local: &str) -> NamedNode {
        iri(format!("{}{local}", schema::NS))
    }
    fn ng(local: &str) -> NamedNode {
        iri(format!("{}{local}", ng::NS))
    }
}

/// Every quad of the graph, sorted: the default graph holds descriptions, each document's named
/// graph its facts and their evidence.
fn quads(graph: &KnowledgeGraph, options: &ExportOptions) -> Vec<Quad> {
    let t = Terms::new(graph, &options.base_iri);
    let rdf_type = iri(format!("{}type", rdf::NS));
    let label = iri(format!("{}label", rdf::RDFS));
    let xsd = |local: &str| iri(format!("{}{local}", rdf::XSD));
    let mut out: Vec<Quad> = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: oxrdf::Term, g: &GraphName| {
        out.push(Quad::new(s.clone(), p, o, g.clone()));
    };
    let default = GraphName::DefaultGraph;
    let scheme = t.entity("themes");
    for d in graph.documents() {
        let doc = t.doc(&d.id);
        add(&doc, rdf_type.clone(), Terms::s("NewsArticle").into(), &default);
        add(&doc, rdf_type.clone(), iri(format!("{}Entity", prov::NS)).into(), &default);
        add(&doc, Terms::s("identifier"), Literal::new_simple_literal(&d.id).into(), &default);
        add(&doc, Terms::s("headline"), Literal::new_simple_literal(&d.title).into(), &default);
        if let Some(date) = &d.date {
            add(&doc, Terms::s("datePublished"), Literal::new_typed_literal(date, xsd("date")).into(), &default);
        }
        if let Some(url) = d.url.as_ref().and_then(|u| NamedNode::new(u.clone()).ok()) {
            add(&doc, Terms::s("url"), url.into(), &default);
        }
    }
    for e in graph.entities() {
        let s = t.entity(e.id.as_str());
        let class = match e.etype {
            EntityType::Person => Terms::s("Person"),
            EntityType::Organization => Terms::s("Organization"),
            EntityType::Country => Terms::s("Country"),
            EntityType::Place => Terms::s("Place"),
            EntityType::Event => Terms::s("Event"),
            EntityType::Theme => iri(format!("{}Concept", skos::NS)),
        };
        add(&s, rdf_type.clone(), class.into(), &default);
        add(&s, label.clone(), Literal::new_language_tagged_literal_unchecked(&e.label, "en").into(), &default);
        let (name, alt) = if e.etype == EntityType::Theme {
            (iri(format!("{}prefLabel", skos::NS)), iri(format!("{}altLabel", skos::NS)))
        } else {
            (Terms::s("name"), Terms::s("alternateName"))
        };
        add(&s, name, Literal::new_language_tagged_literal_unchecked(&e.label, "en").into(), &default);
        for a in &e.aliases {
            add(&s, alt.clone(), Literal::new_language_tagged_literal_unchecked(a, "en").into(), &default);
        }
        if e.etype == EntityType::Theme {
            add(&s, iri(format!("{}inScheme", skos::NS)), scheme.clone().into(), &default);
        }
        for (key, values) in &e.attributes {
            for v in values {
                let (p, o, g): (NamedNode, oxrdf::Term, GraphName) = match key.as_str() {
                    "title" => (Terms::s("jobTitle"), Literal::new_simple_literal(v).into(), default.clone()),
                    "date" => {
                        (Terms::s("startDate"), Literal::new_typed_literal(v, xsd("date")).into(), default.clone())
                    }
                    // The subject is already the concept's IRI.
                    "concept" => continue,
                    "broader" => match NamedNode::new(v.clone()) {
                        Ok(b) => (iri(format!("{}broader", skos::NS)), b.into(), default.clone()),
                        Err(_) => continue,
                    },
                    // `DOC=0.80`: how sure that article is about the theme, in the article's graph.
                    "confidence" => match v.rsplit_once('=') {
                        Some((doc, c)) => (
                            Terms::ng("themeConfidence"),
                            Literal::new_typed_literal(c, xsd("decimal")).into(),
                            GraphName::NamedNode(t.doc(doc)),
                        ),
                        None => continue,
                    },
                    other => (Terms::ng(&slug(other)), Literal::new_simple_literal(v).into(), default.clone()),
                };
                add(&s, p, o, &g);
            }
        }
        let docs: BTreeSet<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
        for d in docs {
            let doc = t.doc(d);
            add(&doc, Terms::s("mentions"), s.clone().into(), &GraphName::NamedNode(doc.clone()));
        }
    }
    if graph.entities().any(|e| e.etype == EntityType::Theme) {
        add(&scheme, rdf_type.clone(), iri(format!("{}ConceptScheme", skos::NS)).into(), &default);
        add(
            &scheme,
            label.clone(),
            Literal::new_language_tagged_literal_unchecked("newsgraph themes", "en").into(),
            &default,
        );
    }
    for r in graph.relations() {
        let s = t.entity(r.source.as_str());
        let p = iri(relation_property(r.rtype));
        let o = t.entity(r.target.as_str());
        let docs: BTreeSet<&str> = r.evidence.iter().map(|e| e.doc.as_str()).collect();
        for d in docs {
            let g = GraphName::NamedNode(t.doc(d));
            add(&s, p.clone(), o.clone().into(), &g);
        }
        for ev in &r.evidence {
            let Evidence { doc, sentence, span, text } = ev;
            let g = GraphName::NamedNode(t.doc(doc));
            let key = format!(
                "{:016x}",
                fnv(&[
                    r.source.as_str(),
                    r.rtype.as_str(),
                    r.target.as_str(),
                    doc,
                    &span.start.to_string(),
                    &span.end.to_string()
                ])
            );
            let node = iri(format!("{}evidence/{key}", t.base));
            add(&node, rdf_type.clone(), iri(format!("{}Statement", rdf::NS)).into(), &g);
            add(&node, iri(format!("{}subject", rdf::NS)), s.clone().into(), &g);
            add(&node, iri(format!("{}predicate", rdf::NS)), p.clone().into(), &g);
            add(&node, iri(format!("{}object", rdf::NS)), o.clone().into(), &g);
            add(&node, iri(format!("{}wasDerivedFrom", prov::NS)), t.doc(doc).into(), &g);
            add(
                &node,
                Terms::ng("sentence"),
                Literal::new_typed_literal(sentence.to_string(), xsd("integer")).into(),
                &g,
            );
            add(
                &node,
                Terms::ng("start"),
                Literal::new_typed_literal(span.start.to_string(), xsd("integer")).into(),
                &g,
            );
            add(&node, Terms::ng("end"), Literal::new_typed_literal(span.end.to_string(), xsd("integer")).into(), &g);
            add(&node, Terms::ng("quote"), Literal::new_simple_literal(text).into(), &g);
            add(
                &node,
                Terms::ng("confidence"),
                Literal::new_typed_literal(format!("{:.2}", r.confidence), xsd("decimal")).into(),
                &g,
            );
        }
    }
    sorted(out)
}

/// Sorts statements by their N-Quads text (subject, then predicate, then object) and drops repeats.
fn sorted<T: std::fmt::Display>(items: Vec<T>) -> Vec<T> {
    let mut keyed: Vec<(String, T)> = items.into_iter().map(|q| (q.to_string(), q)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    keyed.into_iter().map(|(_, q)| q).collect()
}

/// The triples of all graphs merged, sorted by subject then predicate (so Turtle can group them).
fn triples(graph: &KnowledgeGraph, options: &ExportOptions) -> Vec<Triple> {
    sorted(quads(graph, options).into_iter().map(Triple::from).collect())
}

/// Writes Turtle with prefixes for our namespaces.
pub fn write_turtle<W: Write>(graph: &KnowledgeGraph, options: &ExportOptions, w: W) -> io::Result<()> {
    let base = &options.base_iri;
    let mut ser = TurtleSerializer::new();
    let prefixes = [
        ("schema", schema::NS.to_owned()),
        ("skos", skos::NS.to_owned()),
        ("prov", prov::NS.to_owned()),
        ("rdf", rdf::NS.to_owned()),
        ("rdfs", rdf::RDFS.to_owned()),
        ("xsd", rdf::XSD.to_owned()),
        ("ng", ng::NS.to_owned()),
        ("person", format!("{base}person/")),
        ("org", format!("{base}org/")),
        ("country", format!("{base}country/")),
        ("place", format!("{base}place/")),
        ("event", format!("{base}event/")),
        ("theme", format!("{base}theme/")),
        ("doc", format!("{base}doc/")),
        ("evidence", format!("{base}evidence/")),
    ];
    for (p, ns) in prefixes {
        ser = ser.with_prefix(p, ns).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
    }
    let mut s = ser.for_writer(w);
    for t in triples(graph, options) {
        s.serialize_triple(&t)?;
    }
    s.finish()?.flush()
}

/// Writes N-Triples (all graphs merged).
pub fn write_ntriples<W: Write>(graph: &KnowledgeGraph, options: &ExportOptions, w: W) -> io::Result<()> {
    let mut s = NTriplesSerializer::new().for_writer(w);
    for t in triples(graph, options) {
        s.serialize_triple(&t)?;
    }
    s.finish().flush()
}

/// Writes N-Quads: descriptions in the default graph, each document's facts in its own graph.
pub fn write_nquads<W: Write>(graph: &KnowledgeGraph, options: &ExportOptions, w: W) -> io::Result<()> {
    let mut s = NQuadsSerializer::new().for_writer(w);
    for q in quads(graph, options) {
        s.serialize_quad(&q)?;
    }
    s.finish().flush()
}
