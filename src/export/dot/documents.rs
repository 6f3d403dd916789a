//! `--dot-by-document`: each article's events in a cluster labelled with its headline, so a reader
//! sees which meetings one article reported. An event mentioned in several articles goes to the
//! first of them in input order (clusters cannot share a node).

use crate::graph::KnowledgeGraph;
use crate::model::Entity;
use crate::model::EntityType;
use std::collections::BTreeMap;

/// The events of `entities` grouped by the document (index into `graph.documents()`) that first
/// mentions them, in document order; entities that are not events, or have no mention, are not in it.
pub fn events_by_document<'g>(graph: &KnowledgeGraph, entities: &[&'g Entity]) -> BTreeMap<usize, Vec<&'g Entity>> {
    let order: BTreeMap<&str, usize> = graph.documents().iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let mut clusters: BTreeMap<usize, Vec<&Entity>> = BTreeMap::new();
    for &e in entities.iter().filter(|e| e.etype == EntityType::Event) {
        if let Some(doc) = e.mentions.iter().filter_map(|m| order.get(m.doc.as_str())).min() {
            clusters.entry(*doc).or_default().push(e);
        }
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::model::{EntityId, Evidence};

    #[test]
    fn events_go_to_the_first_article_that_mentions_them() {
        let docs = vec![Document::from_text("b", "b", "B"), Document::from_text("a", "a", "A")];
        let mention = |doc: &str| Evidence {
            doc: doc.into(),
            sentence: 0,
            span: crate::model::Span::new(0, 1),
            text: "x".into(),
        };
        let mut summit = Entity::new(EntityId("event/summit".into()), EntityType::Event, "Summit");
        summit.mentions = vec![mention("a"), mention("b")];
        let mut talks = Entity::new(EntityId("event/talks".into()), EntityType::Event, "Talks");
        talks.mentions = vec![mention("a")];
        let mut person = Entity::new(EntityId("person/p".into()), EntityType::Person, "P");
        person.mentions = vec![mention("b")];
        let g = KnowledgeGraph::new(docs, [summit, talks, person], []);
        let all: Vec<&Entity> = g.entities().collect();
        let clusters = events_by_document(&g, &all);
        let ids: Vec<(usize, Vec<&str>)> =
            clusters.iter().map(|(d, es)| (*d, es.iter().map(|e| e.id.as_str()).collect())).collect();
        assert_eq!(ids, [(0, vec!["event/summit"]), (1, vec!["event/talks"])]);
    }
}
