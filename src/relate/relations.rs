//! Relations from the relation patterns: affiliation, location, hosting, agreements, support.

use super::facts::Facts;
use super::matcher::{find, Match};
use super::pattern::{Pattern, Role, Yields};
use super::view::{DocView, ParsedSentence};
use crate::kb::{KnowledgeBase, TitleRank};
use crate::model::{EntityId, Evidence, RelationType};
use crate::resolve::Resolved;

/// Every relation the relation patterns find in the parsed sentences, but `reported_by`.
pub fn pattern_relations(
    view: &DocView,
    sentences: &[ParsedSentence],
    patterns: &[Pattern],
    kb: &KnowledgeBase,
    resolved: &mut Resolved,
    facts: &mut Facts,
) {
    for s in sentences {
        for p in patterns {
            let Yields::Relation(rtype) = p.yields else { continue };
            if rtype == RelationType::ReportedBy {
                continue;
            }
            for m in find(p, s) {
                add_match(view, s, &m, rtype, facts);
                if rtype == RelationType::AffiliatedWith {
                    title_from_role(view, s, &m, kb, resolved);
                }
            }
        }
    }
}

fn add_match(view: &DocView, s: &ParsedSentence, m: &Match, rtype: RelationType, facts: &mut Facts) {
    for source in m.of(Role::Source) {
        for target in m.of(Role::Target) {
            let evidence = view.evidence(target.span, s.index);
            facts.add(&source.id, rtype, &target.id, m.pattern.confidence, evidence);
        }
    }
}

/// `Paul Sheard, economist at Lehman Brothers`: the words of a pattern's `role` node, when they
/// are a known office or role, become the person's title.
fn title_from_role(view: &DocView, s: &ParsedSentence, m: &Match, kb: &KnowledgeBase, resolved: &mut Resolved) {
    let Some(k) = m.pattern.nodes.iter().position(|n| n.id == "role") else { return };
    let role = m.tokens[k];
    let tokens = &view.a.tokens;
    let (first, last) = (s.doc_token(s.tree.subtree_span(role).start), s.doc_token(role));
    let window = &view.a.doc.text[tokens[first].span.start..tokens[last].span.end];
    let title = kb.find_titles(window).filter(|(sp, t)| {
        let bounded = !window[..sp.start].ends_with(char::is_alphanumeric)
            && !window[sp.end..].starts_with(char::is_alphanumeric);
        bounded && kb.titles[*t].rank != TitleRank::Honorific
    });
    let Some((_, t)) = title.last() else { return };
    for person in m.of(Role::Source) {
        if let Some(e) = resolved.entities.get_mut(&person.id) {
            e.add_attribute("title", kb.titles[t].canonical.clone());
        }
    }
}

/// The outlets the article credits: the dateline's agency, and the reporting patterns' targets.
pub fn sources(view: &DocView, sentences: &[ParsedSentence], patterns: &[Pattern]) -> Vec<(EntityId, Evidence)> {
    let mut out: Vec<(EntityId, Evidence)> = Vec::new();
    let agency = view.a.doc.dateline.and_then(|d| d.agency);
    for s in view.seen.iter().filter(|s| agency.is_some_and(|g| s.span.start == g.start)) {
        out.push((s.id.clone(), view.evidence_of(s)));
    }
    let reporting = patterns.iter().filter(|p| p.yields == Yields::Relation(RelationType::ReportedBy));
    for p in reporting {
        for s in sentences {
            for m in find(p, s) {
                for f in m.of(Role::Target) {
                    if !out.iter().any(|(id, _)| *id == f.id) {
                        out.push((f.id.clone(), view.evidence(f.span, s.index)));
                    }
                }
            }
        }
    }
    out
}
