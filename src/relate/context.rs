//! The article's country: a person holding an office or role with no other affiliation serves
//! the country just named before them in the sentence (`the United States, where he met President
//! George W Bush`), else the country the article is about, when one country has most of the
//! article's country mentions.

use super::facts::Facts;
use super::view::{DocView, Seen};
use crate::kb::{KnowledgeBase, TitleRank};
use crate::model::{EntityId, EntityType, MentionKind, RelationType};
use std::collections::BTreeMap;

/// Adds `affiliated_with` from office holders without an affiliation to their country.
pub fn article_country(view: &DocView, kb: &KnowledgeBase, facts: &mut Facts) {
    let countries: Vec<&Seen> = view.seen.iter().filter(|s| s.etype == EntityType::Country).collect();
    let dominant = dominant_country(&countries);
    for s in view.seen.iter().filter(|s| s.etype == EntityType::Person) {
        if !holds_office(view, s, kb) || facts.has_any(&s.id, RelationType::AffiliatedWith) {
            continue;
        }
        let near = countries.iter().filter(|c| c.sentence == s.sentence && c.end <= s.first).max_by_key(|c| c.end);
        if let Some(target) = near.map(|c| c.id.clone()).or_else(|| dominant.clone()) {
            facts.add(&s.id, RelationType::AffiliatedWith, &target, 0.5, view.evidence_of(s));
        }
    }
}

/// The country with at least two mentions and at least half of all country mentions.
fn dominant_country(countries: &[&Seen]) -> Option<EntityId> {
    let mut counts: BTreeMap<&EntityId, usize> = BTreeMap::new();
    for c in countries {
        *counts.entry(&c.id).or_default() += 1;
    }
    let total: usize = counts.values().sum();
    counts
        .iter()
        .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))
        .filter(|(_, n)| **n >= 2 && **n * 2 >= total)
        .map(|(id, _)| (*id).clone())
}

/// Whether the mention gives an office or role; not a shadow minister, who serves a party, not
/// the state.
fn holds_office(view: &DocView, s: &Seen, kb: &KnowledgeBase) -> bool {
    matches!(&view.dm.mentions[s.index].kind, MentionKind::Person { title: Some(t), role, .. }
        if matches!(kb.titles[*t].rank, TitleRank::Office | TitleRank::Role)
            && !role.as_deref().is_some_and(|r| r.starts_with("Shadow")))
}
