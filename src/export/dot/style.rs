//! How each entity type and relation type looks: one table, read by the nodes, the edges and the
//! legend, so the legend can never disagree with the picture.

use crate::model::Relation;
use crate::model::{EntityType, RelationType};

/// A node's look: Graphviz shape and fill colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeStyle {
    /// Graphviz `shape`.
    pub shape: &'static str,
    /// Graphviz `fillcolor` (also the highlight colour of the HTML page).
    pub fill: &'static str,
}

/// An edge's look: colour, line style and arrowhead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeStyle {
    /// Graphviz `color`.
    pub color: &'static str,
    /// Graphviz `style` (`solid`, `dashed`, `dotted`, `bold`).
    pub line: &'static str,
    /// Graphviz `arrowhead`.
    pub arrowhead: &'static str,
}

/// The look of an entity type. Shapes differ as well as colours, so the picture still reads in
/// grey or for a colour-blind reader.
///
/// ```
/// use newsgraph::{export::node_style, EntityType};
/// assert_eq!(node_style(EntityType::Person).shape, "ellipse");
/// ```
pub fn node_style(t: EntityType) -> NodeStyle {
    let (shape, fill) = match t {
        EntityType::Person => ("ellipse", "#cfe2ff"),
        EntityType::Organization => ("box", "#ffe5b4"),
        EntityType::Country => ("doubleoctagon", "#d1f2d1"),
        EntityType::Place => ("house", "#e6f4ea"),
        EntityType::Event => ("hexagon", "#f8d7da"),
        EntityType::Theme => ("note", "#f0e6ff"),
    };
    NodeStyle { shape, fill }
}

/// The look of a relation type: who-belongs-where relations are solid, event roles dashed, what
/// an event is about dotted; colours separate the types within each group.
///
/// ```
/// use newsgraph::{export::edge_style, RelationType};
/// assert_eq!(edge_style(RelationType::MetWith).arrowhead, "none");
/// ```
pub fn edge_style(t: RelationType) -> EdgeStyle {
    let (color, line, arrowhead) = match t {
        RelationType::AffiliatedWith => ("#1f77b4", "solid", "normal"),
        RelationType::PartOf => ("#17becf", "solid", "onormal"),
        RelationType::LocatedIn => ("#2ca02c", "solid", "vee"),
        RelationType::Participant => ("#d62728", "dashed", "normal"),
        RelationType::Location => ("#8c564b", "dashed", "vee"),
        RelationType::Host => ("#ff7f0e", "dashed", "diamond"),
        RelationType::Topic => ("#9467bd", "dotted", "normal"),
        RelationType::Party => ("#e377c2", "dotted", "box"),
        RelationType::Supports => ("#bcbd22", "bold", "normal"),
        RelationType::MetWith => ("#7f7f7f", "bold", "none"),
        RelationType::ReportedBy => ("#555555", "dotted", "odot"),
    };
    EdgeStyle { color, line, arrowhead }
}

/// A relation type as a label: `affiliated with`.
pub fn relation_label(t: RelationType) -> String {
    t.as_str().replace('_', " ")
}

/// Line width by evidence: 1 for one sentence, growing with the logarithm of the count so a fact
/// read in 40 articles stands out without hiding its neighbours (at most 4).
pub fn penwidth(r: &Relation) -> f32 {
    let n = r.evidence.len().max(1) as f32;
    (1.0 + n.log2() * 0.75).min(4.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_type_looks_different() {
        let shapes: BTreeSet<_> = EntityType::ALL.iter().map(|&t| node_style(t).shape).collect();
        assert_eq!(shapes.len(), EntityType::ALL.len());
        let edges: BTreeSet<_> = RelationType::ALL.iter().map(|&t| edge_style(t)).map(|s| (s.color, s.line)).collect();
        assert_eq!(edges.len(), RelationType::ALL.len(), "colour and line tell every relation type apart");
    }

    #[test]
    fn penwidth_grows_with_evidence_and_is_bounded() {
        let with = |n: usize| Relation {
            source: crate::model::EntityId("a".into()),
            rtype: RelationType::MetWith,
            target: crate::model::EntityId("b".into()),
            confidence: 0.5,
            evidence: (0..n)
                .map(|i| crate::model::Evidence {
                    doc: "d".into(),
                    sentence: i,
                    span: crate::model::Span::new(0, 1),
                    text: "x".into(),
                })
                .collect(),
        };
        assert_eq!(penwidth(&with(1)), 1.0);
        assert!(penwidth(&with(4)) > penwidth(&with(2)));
        assert_eq!(penwidth(&with(1000)), 4.0);
    }
}
