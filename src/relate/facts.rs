//! [`Facts`]: the relations found so far, merged by `(source, type, target)`.

use crate::model::{EntityId, Evidence, Relation, RelationType};
use std::collections::{BTreeMap, BTreeSet};

/// Relations keyed by `(source, type, target)`; a symmetric relation is kept one way round.
#[derive(Default)]
pub struct Facts {
    by_key: BTreeMap<(EntityId, RelationType, EntityId), Relation>,
    /// The evidence already attached to each relation, so adding a repeat costs a lookup.
    evidence_seen: BTreeSet<(EntityId, RelationType, EntityId, Evidence)>,
}

impl Facts {
    /// Adds a relation (or more evidence for one), keeping the highest confidence. A relation
    /// from an entity to itself is no fact and is dropped.
    pub fn add(
        &mut self,
        source: &EntityId,
        rtype: RelationType,
        target: &EntityId,
        confidence: f32,
        evidence: Evidence,
    ) {
        if source == target {
            return;
        }
        let (s, t) = if rtype.is_symmetric() && target < source { (target, source) } else { (source, target) };
        let r = self.by_key.entry((s.clone(), rtype, t.clone())).or_insert_with(|| Relation {
            source: s.clone(),
            rtype,
            target: t.clone(),
            confidence,
            evidence: Vec::new(),
        });
        r.confidence = r.confidence.max(confidence);
        if self.evidence_seen.insert((s.clone(), rtype, t.clone(), evidence.clone())) {
            r.evidence.push(evidence);
        }
    }

    /// Whether `source` has a relation of type `rtype` to anything.
    pub fn has_any(&self, source: &EntityId, rtype: RelationType) -> bool {
        self.by_key
            .range((source.clone(), rtype, EntityId(String::new()))..)
            .next()
            .is_some_and(|((s, r, _), _)| s == source && *r == rtype)
    }

    /// The relations, in key order.
    pub fn into_relations(self) -> impl Iterator<Item = Relation> {
        self.by_key.into_values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn ev(n: usize) -> Evidence {
        Evidence { doc: "d".into(), sentence: n, span: Span::new(0, 1), text: "x".into() }
    }

    #[test]
    fn merges_repeats_and_orders_symmetric_relations() {
        let (a, b) = (EntityId("person/a".into()), EntityId("person/b".into()));
        let mut f = Facts::default();
        f.add(&b, RelationType::MetWith, &a, 0.5, ev(0));
        f.add(&a, RelationType::MetWith, &b, 0.8, ev(0));
        f.add(&a, RelationType::MetWith, &b, 0.6, ev(1));
        f.add(&a, RelationType::AffiliatedWith, &a, 0.9, ev(0));
        assert!(f.has_any(&a, RelationType::MetWith) && !f.has_any(&b, RelationType::MetWith));
        let all: Vec<Relation> = f.into_relations().collect();
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].source.as_str(), all[0].confidence, all[0].evidence.len()), ("person/a", 0.8, 2));
    }
}
