//! Relate: relations, events and themes over resolved entities.
//!
//! Most rules are [patterns](pattern) over the dependency parse, kept as data in
//! `data/patterns/FAMILY.toml` and run family by family in the order [`families`] writes down:
//! events (meeting, visit, call, signing, summit), then affiliation, location, agreement, support
//! and reporting. Around them, three rules read what is not in one sentence's tree: the
//! qualifiers and knowledge-base hierarchy the mentions carry ([`hierarchy`]), the country an
//! article is about ([`context`]), and the outlets it credits. Every relation keeps the evidence
//! (document, sentence, bytes) and confidence of the rule that found it; no rule changes another
//! stage's entities but to add events and titles.

mod agreements;
mod context;
mod coref;
mod events;
mod facts;
pub mod families;
mod hierarchy;
pub mod matcher;
pub mod pattern;
mod relations;
mod repair;
mod view;

use crate::kb::KnowledgeBase;
use crate::model::Relation;
use crate::resolve::Resolved;
use crate::text::AnalyzedDoc;
use events::{find_events, Recorder};
use facts::Facts;
use view::DocView;

/// Finds the relations of every document; adds the events they describe to `resolved`.
///
/// # Panics
/// Never with the shipped pattern files, which the tests load (a broken one is a build bug).
pub fn relate(docs: &[AnalyzedDoc], resolved: &mut Resolved, kb: &KnowledgeBase) -> Vec<Relation> {
    #[allow(clippy::expect_used)]
    let patterns = families::builtin().expect("the shipped patterns load (tested)");
    let mut facts = Facts::default();
    let doc_mentions = std::mem::take(&mut resolved.docs);
    for (a, dm) in docs.iter().zip(&doc_mentions) {
        let view = DocView::new(a, dm, resolved);
        let mut sentences = view.parsed_sentences();
        agreements::story_agreements(&view, &mut sentences, patterns, resolved);
        hierarchy::qualifiers_and_hierarchy(&view, resolved, kb, &mut facts);
        let (events, named) = find_events(&view, &sentences, patterns);
        for (event, (p, evidence)) in named {
            facts.add(&event, crate::model::RelationType::Participant, &p, 0.7, evidence);
        }
        relations::pattern_relations(&view, &sentences, patterns, kb, resolved, &mut facts);
        context::article_country(&view, kb, &mut facts);
        let sources = relations::sources(&view, &sentences, patterns);
        Recorder { resolved, facts: &mut facts, sources: &sources }.record(&view, events);
    }
    resolved.docs = doc_mentions;
    facts
        .into_relations()
        .filter(|r| resolved.entities.contains_key(&r.source) && resolved.entities.contains_key(&r.target))
        .collect()
}

#[cfg(test)]
mod pattern_tests;
#[cfg(test)]
mod tests;
