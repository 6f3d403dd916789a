//! Relations the mentions and the knowledge base already carry: a person's qualifier
//! (`Azerbaijan’s President`, `official from the State Department`), a name's qualifier (`the
//! Foreign Ministry of Azerbaijan`), and the knowledge base's `within` hierarchy.

use super::facts::Facts;
use super::view::{DocView, Seen};
use crate::kb::KnowledgeBase;
use crate::model::{EntityId, EntityType, MentionKind, RelationType};
use crate::resolve::Resolved;

/// Adds the relations of every mention's qualifier and knowledge-base entry.
pub fn qualifiers_and_hierarchy(view: &DocView, resolved: &Resolved, kb: &KnowledgeBase, facts: &mut Facts) {
    for s in &view.seen {
        match &view.dm.mentions[s.index].kind {
            MentionKind::Person { qualifier: Some(q), .. } => person_qualifier(view, s, *q, resolved, kb, facts),
            MentionKind::Named { etype, qualifier: Some(q), .. } => {
                name_qualifier(view, s, *etype, *q, resolved, facts)
            }
            MentionKind::Known { entry } => within(view, s, *entry, resolved, kb, facts),
            _ => {}
        }
    }
}

/// A person serves their qualifier; serving a country's government body is serving the country
/// (not so a party's or a region's).
fn person_qualifier(view: &DocView, s: &Seen, q: usize, resolved: &Resolved, kb: &KnowledgeBase, facts: &mut Facts) {
    let Some(qid) = view.dm.entity[q].clone() else { return };
    facts.add(&s.id, RelationType::AffiliatedWith, &qid, 0.9, view.evidence_of(s));
    let government =
        kb.entries.iter().any(|e| e.key == qid.0 && e.etype == EntityType::Organization && e.kind == "government");
    let country = country_of(kb, &qid).filter(|_| government).or_else(|| match &view.dm.mentions[q].kind {
        MentionKind::Named { qualifier: Some(qq), .. } => view.dm.entity[*qq].clone(),
        _ => None,
    });
    if let Some(c) = country.filter(|c| *c != qid && resolved.entities.contains_key(c)) {
        facts.add(&s.id, RelationType::AffiliatedWith, &c, 0.7, view.evidence_of(s));
    }
}

/// The country a knowledge-base entity lies in or belongs to.
fn country_of(kb: &KnowledgeBase, id: &EntityId) -> Option<EntityId> {
    let entry = kb.entries.iter().position(|e| e.key == id.0)?;
    let c = kb.country_of(entry)?;
    Some(EntityId(kb.entries[c].key.clone()))
}

/// `the Foreign Ministry of Azerbaijan` is part of Azerbaijan; `COP29 in Baku` took place there.
fn name_qualifier(view: &DocView, s: &Seen, etype: EntityType, q: usize, resolved: &Resolved, facts: &mut Facts) {
    let Some(qid) = view.dm.entity[q].clone() else { return };
    let rtype = match etype {
        EntityType::Organization => RelationType::PartOf,
        EntityType::Place => RelationType::LocatedIn,
        EntityType::Event => {
            let place =
                resolved.entities.get(&qid).is_some_and(|e| matches!(e.etype, EntityType::Place | EntityType::Country));
            if place {
                RelationType::Location
            } else {
                RelationType::Host
            }
        }
        _ => return,
    };
    facts.add(&s.id, rtype, &qid, 0.85, view.evidence_of(s));
}

/// The knowledge base's hierarchy, only up to a country or region the corpus names: the graph
/// holds what the articles say, so an unnamed country is no entity of its own.
fn within(view: &DocView, s: &Seen, entry: usize, resolved: &Resolved, kb: &KnowledgeBase, facts: &mut Facts) {
    let e = &kb.entries[entry];
    let Some(w) = e.within else { return };
    let parent = EntityId(kb.entries[w].key.clone());
    if !resolved.entities.contains_key(&parent) {
        return;
    }
    let rtype = match e.etype {
        EntityType::Place => RelationType::LocatedIn,
        EntityType::Organization => RelationType::PartOf,
        _ => return,
    };
    facts.add(&s.id, rtype, &parent, 0.9, view.evidence_of(s));
}
