//! Agreements, deals and mergers one story tells of (`a production agreement with Nissan Motor`,
//! `Turkcell's mobile deal`, `a UFJ-MTFG merger`) become themes of their own, with their parties.
//!
//! Why only with a party: `the deal` alone names nothing a reader could look up; `the deal with
//! Peugeot` does. An agreement word without a theme of the taxonomy is tried as an entity; the
//! agreement patterns (`data/patterns/agreement.toml`) decide: when one of them finds a party, the
//! agreement is kept, and later words for it in the article (`the alliance`, `the deal`) with a
//! party in common are the same agreement.

use super::matcher::{find, Filler, SentenceView};
use super::pattern::{Pattern, Role, Yields};
use super::view::{DocView, ParsedSentence};
use crate::kb::slug;
use crate::model::{Entity, EntityId, EntityType, RelationType, Span};
use crate::resolve::Resolved;

/// An agreement found so far in the document: its id and parties.
struct Known {
    id: EntityId,
    parties: Vec<EntityId>,
}

/// Gives every agreement word with a party an entity (added to `resolved`) and makes the word
/// stand for it, so that the relation patterns then find its parties and supporters.
pub fn story_agreements(
    view: &DocView,
    sentences: &mut [ParsedSentence],
    patterns: &[Pattern],
    resolved: &mut Resolved,
) {
    let Some(nouns) = crate::lexicon::words("agreement-nouns") else { return };
    let party_patterns: Vec<&Pattern> =
        patterns.iter().filter(|p| p.yields == Yields::Relation(RelationType::Party)).collect();
    let mut known: Vec<Known> = Vec::new();
    for s in sentences.iter_mut() {
        for k in 0..s.tree.len() {
            if s.fillers[k].is_some() || s.tree.upos(k) != "NOUN" || !nouns.contains(s.lemma(k)) {
                continue;
            }
            let (span, phrase) = phrase(view, s, k);
            let provisional = EntityId::theme(&format!("{}-{}", slug(&view.a.doc.id), slug(&phrase)));
            s.fillers[k] = Some(Filler { id: provisional.clone(), etype: EntityType::Theme, span });
            let parties = parties_of(s, k, &party_patterns);
            if parties.is_empty() {
                s.fillers[k] = None;
                continue;
            }
            let id = same_agreement(&known, &parties, phrase.contains(' ')).unwrap_or(provisional);
            if let Some(f) = s.fillers[k].as_mut() {
                f.id = id.clone();
            }
            record(view, s.index, span, &phrase, &id, resolved);
            match known.iter_mut().find(|a| a.id == id) {
                Some(a) => a.parties.extend(parties),
                None => known.push(Known { id, parties }),
            }
        }
    }
}

/// The agreement word with the nouns and adjectives that qualify it (`production deal`, `mobile
/// deal`; not the parties' names or amounts): its bytes and its text.
fn phrase(view: &DocView, s: &ParsedSentence, k: usize) -> (Span, String) {
    let tree = &s.tree;
    let mut first = k;
    while first > 0
        && tree.head(first - 1) == Some(k)
        && matches!(tree.deprel(first - 1), "compound" | "amod")
        && s.fillers[first - 1].is_none()
        && matches!(tree.upos(first - 1), "NOUN" | "ADJ")
        && !s.lower(first - 1).contains(|c: char| c.is_ascii_digit())
    {
        first -= 1;
    }
    let tokens = &view.a.tokens;
    let span = Span::new(tokens[s.doc_token(first)].span.start, tokens[s.doc_token(k)].span.end);
    (span, view.a.doc.slice(span).to_lowercase())
}

/// The parties the agreement patterns find for the agreement word `k`.
fn parties_of(s: &ParsedSentence, k: usize, patterns: &[&Pattern]) -> Vec<EntityId> {
    let mut parties = Vec::new();
    for p in patterns {
        for m in find(p, s) {
            if m.token_of(Role::Source) == Some(k) {
                parties.extend(m.of(Role::Target).map(|f| f.id.clone()));
            }
        }
    }
    parties
}

/// An agreement already told of with a party in common, for a plain agreement word (`the
/// deal`); a qualified one (`production agreement`) is its own unless it is the same phrase.
fn same_agreement(known: &[Known], parties: &[EntityId], qualified: bool) -> Option<EntityId> {
    if qualified {
        return None;
    }
    known.iter().rev().find(|a| a.parties.iter().any(|p| parties.contains(p))).map(|a| a.id.clone())
}

/// The agreement's entity: its first phrase as label, the others as aliases, each mention kept.
fn record(view: &DocView, sentence: usize, span: Span, phrase: &str, id: &EntityId, resolved: &mut Resolved) {
    let label = capitalized(phrase);
    let entity = resolved
        .entities
        .entry(id.clone())
        .or_insert_with(|| Entity::new(id.clone(), EntityType::Theme, label.clone()));
    entity.add_alias(&label);
    entity.add_attribute("kind", "agreement");
    let evidence = view.evidence(span, sentence);
    if !entity.mentions.contains(&evidence) {
        entity.mentions.push(evidence);
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}
