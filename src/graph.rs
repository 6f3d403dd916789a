//! [`KnowledgeGraph`]: entities and relations over a petgraph `StableGraph`, with the documents
//! they came from.

use crate::model::Document;
use crate::model::Relation;
use crate::model::{Entity, EntityId};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::IntoEdgeReferences;
use std::collections::BTreeMap;

/// The graph of a corpus. Node and edge order in every export is by entity id, then relation
/// type, so output does not depend on the order things were found in.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Entity, Relation>,
    index: BTreeMap<EntityId, NodeIndex>,
    documents: Vec<Document>,
}

impl KnowledgeGraph {
    /// Builds the graph; relations whose ends are not among `entities` are dropped.
    pub fn new(
        documents: Vec<Document>,
        entities: impl IntoIterator<Item = Entity>,
        relations: impl IntoIterator<Item = Relation>,
    ) -> Self {
        let mut g = KnowledgeGraph { documents, ..Default::default() };
        let mut sorted: Vec<Entity> = entities.into_iter().collect();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        for mut e in sorted {
            e.mentions.sort();
            e.mentions.dedup();
            let id = e.id.clone();
            let n = g.graph.add_node(e);
            g.index.insert(id, n);
        }
        let mut rels: Vec<Relation> = relations.into_iter().collect();
        rels.sort_by(|a, b| (&a.source, a.rtype, &a.target).cmp(&(&b.source, b.rtype, &b.target)));
        for mut r in rels {
            let (Some(&s), Some(&t)) = (g.index.get(&r.source), g.index.get(&r.target)) else {
                continue;
            };
            r.evidence.sort();
            r.evidence.dedup();
            g.graph.add_edge(s, t, r);
        }
        g
    }

    /// Entities in id order.
    ///
    /// ```
    /// use newsgraph::{KnowledgeGraph, EntityType, model::{Entity, EntityId}};
    /// let g = KnowledgeGraph::new(vec![], [Entity::new(EntityId("place/baku".into()), EntityType::Place, "Baku")], []);
    /// assert_eq!(g.entities().map(|e| e.label.as_str()).collect::<Vec<_>>(), ["Baku"]);
    /// ```
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.index.values().map(|&n| &self.graph[n])
    }

    /// Relations in (source, type, target) order.
    pub fn relations(&self) -> impl Iterator<Item = &Relation> {
        let mut edges: Vec<&Relation> = (&self.graph).edge_references().map(|e| e.weight()).collect();
        edges.sort_by(|a, b| (&a.source, a.rtype, &a.target).cmp(&(&b.source, b.rtype, &b.target)));
        edges.into_iter()
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.index.get(&EntityId(id.to_owned())).map(|&n| &self.graph[n])
    }

    /// Relations leaving an entity, in (type, target) order.
    pub fn relations_from(&self, id: &str) -> Vec<&Relation> {
        let Some(&n) = self.index.get(&EntityId(id.to_owned())) else {
            return Vec::new();
        };
        let mut out: Vec<&Relation> = self.graph.edges(n).map(|e| e.weight()).collect();
        out.sort_by(|a, b| (a.rtype, &a.target).cmp(&(b.rtype, &b.target)));
        out
    }

    /// The documents the graph was built from, in input order.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of relations.
    pub fn relation_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The underlying petgraph graph, for graph algorithms.
    pub fn petgraph(&self) -> &StableDiGraph<Entity, Relation> {
        &self.graph
    }
}
