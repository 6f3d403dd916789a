//! Relate: relations, events and themes over resolved entities.
//!
//! Each rule reads one construction of news English and leaves evidence (document, sentence,
//! bytes) and a confidence with every relation:
//! - `affiliated_with`: a person's qualifier (`Azerbaijan’s President`, `official from the State
//!   Department`); `part_of` / `located_in`: the knowledge base's hierarchy, or `Town, Country`.
//! - events: sentences with a meeting word (`met`, `talks`, `discussion`, `convened`) and two or
//!   more people make a meeting; later meeting words without people (`the talks`) add to it.
//!   A meeting gets `participant`s, `met_with` between them, a `location` (`in Munich`, `the Munich
//!   meeting`), a `date` (the sentence's, else the document's), `topic`s (the article's themes and
//!   the named events discussed) and `reported_by` (the outlet the article credits).
//! - named events: `host` (`Azerbaijan’s role in hosting COP29`), `location` (`COP29 in Baku`).
//! - `party` (`a peace agreement between Azerbaijan and Armenia`), `supports` (`America’s support
//!   for ...`).

use crate::kb::{slug, KnowledgeBase, TitleRank};
use crate::model::MentionKind;
use crate::model::{Entity, EntityId, Evidence, Relation};
use crate::model::{EntityType, RelationType};
use crate::resolve::Resolved;
use crate::text::{date_in, AnalyzedDoc, TokenKind};
use std::collections::{BTreeMap, BTreeSet};

/// Words that make a sentence about a meeting.
const MEETING_WORDS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "meeting",
    "meetings",
    "talks",
    "discussion",
    "discussions",
    "discussed",
    "dialogue",
    "conversation",
    "convened",
    "negotiations",
    "consultations",
    "visit",
    "visited",
    "summit",
    "call",
    "exchange",
    "held",
    "signed",
    "signing",
    "received",
    "receives",
    "phoned",
    "telephoned",
    "arrived",
    "arrives",
    "travelled",
    "traveled",
    "hosted",
    "visits",
    "visiting",
    "trip",
    "tour",
    "toured",
];

/// The most telling meeting word of a sentence: `held talks` are talks.
fn sentence_kind(a: &AnalyzedDoc, range: std::ops::Range<usize>) -> &'static str {
    range.map(|k| meeting_kind(&a.token_text(k).to_lowercase())).find(|&k| k != "meeting").unwrap_or("meeting")
}

/// The kind of event a meeting word names.
fn meeting_kind(word: &str) -> &'static str {
    match word {
        "summit" => "summit",
        "talks" | "negotiations" | "consultations" | "discussion" | "discussions" | "dialogue" | "conversation"
        | "exchange" => "talks",
        "visit" | "visited" | "visits" | "visiting" | "trip" | "tour" | "toured" | "arrived" | "arrives"
        | "travelled" | "traveled" => "visit",
        "call" | "phoned" | "telephoned" => "call",
        "signed" | "signing" => "signing",
        _ => "meeting",
    }
}

/// Words of a visit: one person and a place are enough.
const VISIT_WORDS: &[&str] = &[
    "visit",
    "visits",
    "visited",
    "visiting",
    "trip",
    "tour",
    "toured",
    "arrived",
    "arrives",
    "travelled",
    "traveled",
];

/// Words that, before a meeting word, refer back to a meeting already told of.
const ANAPHORA: &[&str] = &["the", "this", "their", "these", "that", "such"];

/// The relations found so far, merged by `(source, type, target)`.
#[derive(Default)]
struct Facts {
    by_key: BTreeMap<(EntityId, RelationType, EntityId), Relation>,
}

impl Facts {
    fn add(&mut self, source: &EntityId, rtype: RelationType, target: &EntityId, confidence: f32, evidence: Evidence) {
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
        if !r.evidence.contains(&evidence) {
            r.evidence.push(evidence);
        }
    }
}

/// One mention seen by the rules: its entity, type and tokens.
#[derive(Clone)]
struct Seen {
    index: usize,
    id: EntityId,
    etype: EntityType,
    first: usize,
    end: usize,
    sentence: usize,
}

/// Finds the relations of every document; adds the events they describe to `resolved`.
pub fn relate(docs: &[AnalyzedDoc], resolved: &mut Resolved, kb: &KnowledgeBase) -> Vec<Relation> {
    let mut facts = Facts::default();
    for (a, dm) in docs.iter().zip(resolved.docs.clone()) {
        let seen: Vec<Seen> = dm
            .mentions
            .iter()
            .enumerate()
            .filter_map(|(index, m)| {
                let id = dm.entity[index].clone()?;
                let etype = resolved.entities.get(&id)?.etype;
                let first = a.token_at(m.span.start);
                let end = a.token_at(m.span.end);
                Some(Seen { index, id, etype, first, end, sentence: m.sentence })
            })
            .collect();
        let ev = |s: &Seen| evidence(a, &dm.mentions[s.index].span, s.sentence);
        affiliations_and_hierarchy(a, &dm, &seen, resolved, kb, &mut facts, &ev);
        appositions_and_context(a, &dm, &seen, kb, resolved, &mut facts, &ev);
        named_events(a, &seen, &mut facts, &ev);
        parties_and_support(a, &seen, &mut facts, &ev);
        meetings(a, &seen, resolved, &mut facts, &ev);
    }
    facts
        .by_key
        .into_values()
        .filter(|r| resolved.entities.contains_key(&r.source) && resolved.entities.contains_key(&r.target))
        .collect()
}

fn evidence(a: &AnalyzedDoc, span: &crate::model::Span, sentence: usize) -> Evidence {
    Evidence { doc: a.doc.id.clone(), sentence, span: *span, text: a.doc.slice(*span).to_owned() }
}

/// `affiliated_with` from qualifiers; `part_of` and `located_in` from the knowledge base and context.
fn affiliations_and_hierarchy(
    a: &AnalyzedDoc,
    dm: &crate::resolve::DocMentions,
    seen: &[Seen],
    resolved: &Resolved,
    kb: &KnowledgeBase,
    facts: &mut Facts,
    ev: &dyn Fn(&Seen) -> Evidence,
) {
    let exists = |id: &str| resolved.entities.contains_key(&EntityId(id.to_owned()));
    let country_of_id = |id: &EntityId| -> Option<EntityId> {
        let entry = kb.lookup(&kb_label_of(kb, id)?)?;
        let c = kb.country_of(entry)?;
        Some(EntityId(kb.entries[c].key.clone()))
    };
    for s in seen {
        let m = &dm.mentions[s.index];
        match &m.kind {
            MentionKind::Person { qualifier: Some(q), .. } => {
                let Some(qid) = dm.entity[*q].clone() else {
                    continue;
                };
                facts.add(&s.id, RelationType::AffiliatedWith, &qid, 0.9, ev(s));
                // Serving a country's government body is serving the country (not so a party's
                // or a region's).
                let government = kb
                    .entries
                    .iter()
                    .any(|e| e.key == qid.0 && e.etype == EntityType::Organization && e.kind == "government");
                let org_country = country_of_id(&qid).filter(|_| government).or_else(|| {
                    let qm = &dm.mentions[*q];
                    match &qm.kind {
                        MentionKind::Named { qualifier: Some(qq), .. } => dm.entity[*qq].clone(),
                        _ => None,
                    }
                });
                if let Some(c) = org_country.filter(|c| *c != qid && exists(&c.0)) {
                    facts.add(&s.id, RelationType::AffiliatedWith, &c, 0.7, ev(s));
                }
            }
            MentionKind::Named { etype, qualifier: Some(q), .. } => {
                let Some(qid) = dm.entity[*q].clone() else {
                    continue;
                };
                let rtype = match etype {
                    EntityType::Organization => RelationType::PartOf,
                    EntityType::Place => RelationType::LocatedIn,
                    EntityType::Event => {
                        let place = resolved
                            .entities
                            .get(&qid)
                            .is_some_and(|e| matches!(e.etype, EntityType::Place | EntityType::Country));
                        if place {
                            RelationType::Location
                        } else {
                            RelationType::Host
                        }
                    }
                    _ => continue,
                };
                facts.add(&s.id, rtype, &qid, 0.85, ev(s));
            }
            MentionKind::Known { entry } => {
                let e = &kb.entries[*entry];
                let Some(w) = e.within else { continue };
                let parent = EntityId(kb.entries[w].key.clone());
                // Only to a country or region the corpus names: the graph holds what the articles
                // say, so an unnamed country is no entity of its own.
                if !exists(&parent.0) {
                    continue;
                }
                let rtype = match e.etype {
                    EntityType::Place => RelationType::LocatedIn,
                    EntityType::Organization => RelationType::PartOf,
                    _ => continue,
                };
                facts.add(&s.id, rtype, &parent, 0.9, ev(s));
            }
            _ => {}
        }
        // `Brazil's Petrobras`: a country's body.
        if s.etype == EntityType::Organization && s.first >= 2 && a.tokens[s.first - 1].kind == TokenKind::Possessive {
            let owner = seen
                .iter()
                .find(|o| o.end == s.first - 1 && o.sentence == s.sentence && o.etype == EntityType::Country);
            if let Some(c) = owner {
                facts.add(&s.id, RelationType::PartOf, &c.id, 0.6, ev(c));
            }
        }
        // `Westminster Hall, London`, `Gleneagles in Perthshire`: a place, then the place or
        // country it lies in.
        let confidence = match a.token_text(s.end) {
            "," => 0.8,
            "in" => 0.6,
            _ => 0.0,
        };
        if s.etype == EntityType::Place && confidence > 0.0 {
            let container = seen.iter().find(|o| {
                o.first == s.end + 1
                    && o.sentence == s.sentence
                    && matches!(o.etype, EntityType::Place | EntityType::Country)
            });
            if let Some(c) = container {
                facts.add(&s.id, RelationType::LocatedIn, &c.id, confidence, ev(c));
            }
        }
    }
}

/// Affiliations the sentence shape implies:
/// - apposition: `Paul Sheard, economist at Lehman Brothers`, `Ms Roche, Labour MP for ...`
///   (the role, if any, becomes a title);
/// - the article's country: a person holding an office or role with no other affiliation serves
///   the country the article is about, when one country has most of the article's country mentions.
fn appositions_and_context(
    a: &AnalyzedDoc,
    dm: &crate::resolve::DocMentions,
    seen: &[Seen],
    kb: &KnowledgeBase,
    resolved: &mut Resolved,
    facts: &mut Facts,
    ev: &dyn Fn(&Seen) -> Evidence,
) {
    for s in seen.iter().filter(|s| s.etype == EntityType::Person) {
        let range = a.sentences[s.sentence].tokens.clone();
        if s.end + 1 >= range.end || a.token_text(s.end) != "," {
            continue;
        }
        let window_end = (s.end + 9).min(range.end);
        let mut k = s.end + 1;
        let mut body = None;
        while k < window_end {
            let w = a.token_text(k);
            if matches!(w, "," | "said" | "says" | "told" | "(" | ")")
                || seen.iter().any(|o| o.first == k && o.etype == EntityType::Person)
            {
                break;
            }
            let org_at = |i: usize| {
                seen.iter().find(|o| o.first == i && o.sentence == s.sentence && o.etype == EntityType::Organization)
            };
            let after_preposition = matches!(w, "at" | "of" | "for" | "from" | "with");
            let found = if after_preposition {
                org_at(k + 1).or_else(|| (a.token_text(k + 1) == "the").then(|| org_at(k + 2)).flatten())
            } else if k == s.end + 1 {
                org_at(k)
            } else {
                None
            };
            if let Some(o) = found {
                body = Some((o, k));
                break;
            }
            k += 1;
        }
        let Some((org, upto)) = body else { continue };
        facts.add(&s.id, RelationType::AffiliatedWith, &org.id, 0.6, ev(org));
        // The role between the comma and the organization: `economist`, `chief executive`.
        let from = a.tokens[s.end + 1].span.start;
        let to = a.tokens[upto.max(s.end + 1)].span.start;
        let window = &a.doc.text[from..to.max(from)];
        let role = kb
            .find_titles(window)
            .filter(|(sp, t)| {
                let before = window[..sp.start].chars().next_back();
                let after = window[sp.end..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
                    && kb.titles[*t].rank != TitleRank::Honorific
            })
            .last();
        if let Some((_, t)) = role {
            if let Some(e) = resolved.entities.get_mut(&s.id) {
                e.add_attribute("title", kb.titles[t].canonical.clone());
            }
        }
    }
    // The article's country.
    let mut counts: BTreeMap<&EntityId, usize> = BTreeMap::new();
    for s in seen.iter().filter(|s| s.etype == EntityType::Country) {
        *counts.entry(&s.id).or_default() += 1;
    }
    let total: usize = counts.values().sum();
    let dominant = counts
        .iter()
        .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))
        .filter(|(_, n)| **n >= 2 && **n * 2 >= total)
        .map(|(id, _)| (*id).clone());
    let countries: Vec<&Seen> = seen.iter().filter(|s| s.etype == EntityType::Country).collect();
    for s in seen.iter().filter(|s| s.etype == EntityType::Person) {
        // Not a shadow minister: the opposition's spokesman serves a party, not the state.
        let office = matches!(&dm.mentions[s.index].kind, MentionKind::Person { title: Some(t), role, .. }
            if matches!(kb.titles[*t].rank, TitleRank::Office | TitleRank::Role) && !role.as_deref().is_some_and(|r| r.starts_with("Shadow")));
        let affiliated = facts.by_key.keys().any(|(src, r, _)| *src == s.id && *r == RelationType::AffiliatedWith);
        if office && !affiliated {
            // The country just before in the same sentence (`the United States, where he met
            // President George W Bush`), else the article's.
            let near = countries.iter().filter(|c| c.sentence == s.sentence && c.end <= s.first).max_by_key(|c| c.end);
            if let Some(target) = near.map(|c| c.id.clone()).or_else(|| dominant.clone()) {
                facts.add(&s.id, RelationType::AffiliatedWith, &target, 0.5, ev(s));
            }
        }
    }
}

fn kb_label_of(kb: &KnowledgeBase, id: &EntityId) -> Option<String> {
    kb.entries.iter().find(|e| e.key == id.0).map(|e| e.label.clone())
}

/// `hosting COP29`, `COP29 in Baku`, `COP29, hosted by Azerbaijan`.
fn named_events(a: &AnalyzedDoc, seen: &[Seen], facts: &mut Facts, ev: &dyn Fn(&Seen) -> Evidence) {
    for e in seen.iter().filter(|s| s.etype == EntityType::Event) {
        let range = a.sentences[e.sentence].tokens.clone();
        let in_sentence: Vec<&Seen> = seen.iter().filter(|s| s.sentence == e.sentence && s.id != e.id).collect();
        // Location: `EVENT in PLACE` within two tokens.
        if e.end + 1 < range.end && matches!(a.token_text(e.end), "in" | "at") {
            if let Some(p) = in_sentence
                .iter()
                .find(|s| s.first == e.end + 1 && matches!(s.etype, EntityType::Place | EntityType::Country))
            {
                facts.add(&e.id, RelationType::Location, &p.id, 0.8, ev(p));
            }
        }
        // Host: a host word just before the event; the host is the nearest actor before that word.
        let host_word =
            (range.start..e.first).rev().take(3).find(|&k| a.token_text(k).to_lowercase().starts_with("host"));
        if let Some(k) = host_word {
            let host = in_sentence
                .iter()
                .filter(|s| {
                    s.end <= k && matches!(s.etype, EntityType::Country | EntityType::Organization | EntityType::Place)
                })
                .max_by_key(|s| s.end);
            if let Some(h) = host {
                facts.add(&e.id, RelationType::Host, &h.id, 0.75, ev(h));
            }
        }
        // `EVENT, hosted by X` / `EVENT hosted by X`.
        let mut k = e.end;
        if k < range.end && a.token_text(k) == "," {
            k += 1;
        }
        if k + 1 < range.end && a.token_text(k) == "hosted" && a.token_text(k + 1) == "by" {
            if let Some(h) =
                in_sentence.iter().find(|s| s.first == k + 2 || (s.first == k + 3 && a.token_text(k + 2) == "the"))
            {
                facts.add(&e.id, RelationType::Host, &h.id, 0.8, ev(h));
            }
        }
    }
}

/// `party` of agreements; `supports`.
fn parties_and_support(a: &AnalyzedDoc, seen: &[Seen], facts: &mut Facts, ev: &dyn Fn(&Seen) -> Evidence) {
    let actor = |s: &&Seen| matches!(s.etype, EntityType::Country | EntityType::Organization);
    for t in seen.iter().filter(|s| s.etype == EntityType::Theme) {
        let surface: String = (t.first..t.end).map(|k| a.token_text(k).to_lowercase()).collect::<Vec<_>>().join(" ");
        if !["agreement", "deal", "treaty", "accord", "accords", "ceasefire"].iter().any(|w| surface.contains(w)) {
            continue;
        }
        let range = a.sentences[t.sentence].tokens.clone();
        let same: Vec<&Seen> = seen.iter().filter(|s| s.sentence == t.sentence).filter(actor).collect();
        // After: `between X and Y`, `with X`.
        let mut k = t.end;
        if k < range.end && matches!(a.token_text(k), "between" | "with") {
            k += 1;
            let mut parties = 0;
            while k < range.end && parties < 2 {
                if a.token_text(k) == "the" {
                    k += 1;
                    continue;
                }
                let Some(p) = same.iter().find(|s| s.first == k) else {
                    break;
                };
                facts.add(&t.id, RelationType::Party, &p.id, 0.8, ev(p));
                parties += 1;
                k = p.end;
                if k < range.end && matches!(a.token_text(k), "and" | ",") {
                    k += 1;
                } else {
                    break;
                }
            }
            // `X's dedication to achieving a peace agreement with Y`: X is a party too.
            if parties > 0 {
                let possessor = same
                    .iter()
                    .filter(|s| {
                        s.end < t.first
                            && t.first - s.end <= 8
                            && s.end < range.end
                            && a.tokens[s.end].kind == TokenKind::Possessive
                    })
                    .max_by_key(|s| s.end);
                if let Some(p) = possessor {
                    facts.add(&t.id, RelationType::Party, &p.id, 0.65, ev(p));
                }
            }
        }
        // Before: `Azerbaijan-Armenia peace agreement`.
        let mut k = t.first;
        for _ in 0..2 {
            let Some(p) = same.iter().find(|s| s.end == k) else {
                break;
            };
            facts.add(&t.id, RelationType::Party, &p.id, 0.8, ev(p));
            if p.first > range.start && matches!(a.token_text(p.first - 1), "-" | "–" | "/") {
                k = p.first - 1;
            } else {
                break;
            }
        }
    }
    // `X's support for Y`, `X supports Y`.
    for s in 0..a.sentences.len() {
        let range = a.sentences[s].tokens.clone();
        for k in range.clone() {
            let w = a.token_text(k);
            let noun = w == "support";
            let verb = matches!(w, "supports" | "supported" | "backs" | "backed");
            if !noun && !verb {
                continue;
            }
            let same: Vec<&Seen> = seen.iter().filter(|x| x.sentence == s).collect();
            let before =
                if noun && k > range.start + 1 && a.tokens[k - 1].kind == TokenKind::Possessive { k - 1 } else { k };
            let Some(subject) = same.iter().find(|x| {
                x.end == before
                    && matches!(x.etype, EntityType::Country | EntityType::Organization | EntityType::Person)
            }) else {
                continue;
            };
            let mut j = k + 1;
            if noun {
                if j >= range.end || a.token_text(j) != "for" {
                    continue;
                }
                j += 1;
            }
            let object = same
                .iter()
                .filter(|x| x.first >= j && x.first <= j + 3 && x.id != subject.id)
                .filter(|x| {
                    matches!(
                        x.etype,
                        EntityType::Country
                            | EntityType::Organization
                            | EntityType::Event
                            | EntityType::Theme
                            | EntityType::Person
                    )
                })
                .min_by_key(|x| x.first);
            if let Some(o) = object {
                facts.add(&subject.id, RelationType::Supports, &o.id, 0.7, ev(subject));
            }
        }
    }
}

/// A meeting being assembled from a document's sentences.
struct Meeting {
    participants: Vec<(EntityId, Evidence)>,
    sentences: BTreeSet<usize>,
    location: Option<(EntityId, Evidence)>,
    host: Option<(EntityId, Evidence)>,
    date: Option<String>,
    kind: &'static str,
}

/// Meetings and talks: participants, met_with, location, date, topics, reported_by.
fn meetings(
    a: &AnalyzedDoc,
    seen: &[Seen],
    resolved: &mut Resolved,
    facts: &mut Facts,
    ev: &dyn Fn(&Seen) -> Evidence,
) {
    let mut events: Vec<Meeting> = Vec::new();
    for s in 0..a.sentences.len() {
        if !a.blocks[a.sentences[s].block].kind.is_prose() {
            continue;
        }
        let range = a.sentences[s].tokens.clone();
        let trigger = range.clone().find(|&k| MEETING_WORDS.contains(&a.token_text(k).to_lowercase().as_str()));
        let Some(trigger) = trigger else { continue };
        let mut people: Vec<&Seen> = Vec::new();
        for p in seen.iter().filter(|x| x.sentence == s && x.etype == EntityType::Person) {
            if !people.iter().any(|q| q.id == p.id) {
                people.push(p);
            }
        }
        let anaphoric = trigger > range.start && ANAPHORA.contains(&a.token_text(trigger - 1).to_lowercase().as_str())
            || (trigger > range.start + 1 && ANAPHORA.contains(&a.token_text(trigger - 2).to_lowercase().as_str()));
        // `Azerbaijan and Armenia held talks`, `talks between Azerbaijan and Armenia`: with no person
        // in sight, the two actors take part.
        if people.is_empty() && events.is_empty() {
            let actor = |k: usize| {
                seen.iter().find(|x| {
                    x.sentence == s && x.first == k && matches!(x.etype, EntityType::Country | EntityType::Organization)
                })
            };
            let pair = |k: usize| -> Option<(&Seen, &Seen)> {
                let first = actor(k)?;
                (a.token_text(first.end) == "and").then_some(())?;
                Some((first, actor(first.end + 1)?))
            };
            let between = (a.token_text(trigger + 1) == "between").then(|| pair(trigger + 2)).flatten();
            let subjects = pair(range.start).filter(|(_, b)| trigger >= b.end && trigger - b.end <= 3);
            if let Some((x, y)) = between.or(subjects) {
                people = vec![x, y];
            }
        }
        // `The trip follows claims of infighting between Mr Brown and Tony Blair`: people in a
        // sentence that only refers back to a meeting join it only right after the meeting word
        // (`the meeting between A and B`).
        let joined_to_trigger =
            trigger + 1 < range.end && matches!(a.token_text(trigger + 1), "between" | "with" | "of");
        if anaphoric && !joined_to_trigger && !events.is_empty() {
            people.clear();
        }
        let target = if people.len() >= 2 {
            // The same people again, at an event of the same kind (or a plain `meeting`): the same
            // event. `held talks with Tony Blair` after `Musharraf's visit` is an event of its own.
            let kind_here = sentence_kind(a, range.clone());
            // The same people again (`The Munich meeting between Blinken and Aliyev`), or some of
            // them at an event of the same kind: the same event. `Fidan also met Pedersen` after
            // Stoltenberg's visit to Fidan is an event of its own.
            let known = |e: &Meeting, p: &&Seen| e.participants.iter().any(|(q, _)| *q == p.id);
            let overlapping = events.iter().position(|e| {
                people.iter().all(|p| known(e, p))
                    || ((e.kind == kind_here || e.kind == "meeting") && people.iter().any(|p| known(e, p)))
            });
            match overlapping {
                Some(i) => Some(i),
                None => {
                    let kind = kind_here;
                    events.push(Meeting {
                        participants: Vec::new(),
                        sentences: BTreeSet::new(),
                        location: None,
                        host: None,
                        date: None,
                        kind,
                    });
                    Some(events.len() - 1)
                }
            }
        } else if people.len() == 1
            && people[0].end <= trigger
            && VISIT_WORDS.contains(&a.token_text(trigger).to_lowercase().as_str())
        {
            // (The visitor is the subject, before the verb: not `he met President Bush` after it.)
            // `X visited Kenya`: a visit needs one person and the place visited.
            let person = &people[0].id;
            let place_after = seen.iter().any(|x| {
                x.sentence == s && x.first > trigger && matches!(x.etype, EntityType::Place | EntityType::Country)
            });
            match events.iter().position(|e| e.kind == "visit" && e.participants.iter().any(|(q, _)| q == person)) {
                Some(i) => Some(i),
                None if place_after => {
                    events.push(Meeting {
                        participants: vec![(person.clone(), ev(people[0]))],
                        sentences: BTreeSet::new(),
                        location: None,
                        host: None,
                        date: None,
                        kind: "visit",
                    });
                    Some(events.len() - 1)
                }
                None => events.len().checked_sub(1),
            }
        } else if anaphoric || people.len() == 1 {
            events.len().checked_sub(1)
        } else {
            None
        };
        let Some(target) = target else { continue };
        let e = &mut events[target];
        e.sentences.insert(s);
        if people.len() >= 2 {
            for p in &people {
                if !e.participants.iter().any(|(q, _)| *q == p.id) {
                    e.participants.push((p.id.clone(), ev(p)));
                }
            }
        }
        // Host: `The meeting, hosted by Kazakhstan's Foreign Minister Murat Nurtleu`.
        if e.host.is_none() {
            let hosted = range.clone().find(|&k| a.token_text(k) == "hosted" && a.token_text(k + 1) == "by");
            if let Some(k) = hosted {
                let after: Vec<&Seen> =
                    seen.iter().filter(|x| x.sentence == s && x.first >= k + 2 && x.first <= k + 6).collect();
                let host = after.iter().find(|x| x.etype == EntityType::Person).or_else(|| {
                    after.iter().find(|x| matches!(x.etype, EntityType::Country | EntityType::Organization))
                });
                if let Some(h) = host {
                    e.host = Some((h.id.clone(), ev(h)));
                }
            }
        }
        // Location: the place visited; `in PLACE` / `at PLACE`; or `the PLACE meeting`.
        if e.location.is_none() && e.kind == "visit" {
            let visited = seen.iter().find(|x| {
                x.sentence == s && x.first > trigger && matches!(x.etype, EntityType::Place | EntityType::Country)
            });
            if let Some(p) = visited {
                e.location = Some((p.id.clone(), ev(p)));
            }
        }
        if e.location.is_none() {
            let place = seen
                .iter()
                .filter(|x| x.sentence == s && matches!(x.etype, EntityType::Place | EntityType::Country))
                .find(|x| {
                    let preposition = x.first > range.start && matches!(a.token_text(x.first - 1), "in" | "at");
                    // `the Munich meeting`: a determiner, the place, the meeting word.
                    let before_trigger = x.end == trigger
                        && x.first > range.start
                        && matches!(a.token_text(x.first - 1).to_lowercase().as_str(), "the" | "a" | "this" | "that");
                    preposition || before_trigger
                });
            if let Some(p) = place {
                e.location = Some((p.id.clone(), ev(p)));
            }
        }
        if e.date.is_none() {
            let words: Vec<&str> = range.clone().map(|k| a.token_text(k)).collect();
            e.date = date_in(&words, None)
                .or_else(|| date_in(&words, a.doc.date.as_deref()).filter(|_| a.doc.date.is_some()));
        }
    }
    if events.is_empty() {
        return;
    }
    // What the article is about, and who reported it.
    let themes: Vec<&Seen> = seen.iter().filter(|x| x.etype == EntityType::Theme).collect();
    let mut theme_count: BTreeMap<&EntityId, usize> = BTreeMap::new();
    for t in &themes {
        *theme_count.entry(&t.id).or_default() += 1;
    }
    let sources = reporting_sources(a, seen);
    for (n, e) in events.into_iter().enumerate() {
        if e.participants.len() < 2 && !(e.kind == "visit" && e.participants.len() == 1) {
            continue;
        }
        let date = e.date.clone().or_else(|| a.doc.date.clone());
        let mut names: Vec<String> =
            e.participants.iter().filter_map(|(id, _)| resolved.entities.get(id).map(|x| x.label.clone())).collect();
        let place = e.location.as_ref().and_then(|(id, _)| resolved.entities.get(id).map(|x| x.label.clone()));
        let key = match &date {
            Some(d) => {
                let mut parts: Vec<String> =
                    e.participants.iter().map(|(id, _)| slug(id.as_str().trim_start_matches("person/"))).collect();
                parts.sort();
                format!("event/{d}-{}-{}", e.kind, parts.join("-"))
            }
            None => format!("event/{}-{}-{}", slug(&a.doc.id), e.kind, n + 1),
        };
        let id = EntityId(key);
        let label = {
            let last = names.pop().unwrap_or_default();
            let who = if names.is_empty() { last } else { format!("{} and {last}", names.join(", ")) };
            let mut l = format!("{} of {who}", capitalize(e.kind));
            if let Some(p) = &place {
                l.push_str(&format!(" in {p}"));
            }
            if let Some(d) = &date {
                l.push_str(&format!(" ({d})"));
            }
            l
        };
        let entity =
            resolved.entities.entry(id.clone()).or_insert_with(|| Entity::new(id.clone(), EntityType::Event, label));
        entity.add_attribute("kind", e.kind);
        if let Some(d) = &date {
            entity.add_attribute("date", d.clone());
        }
        for &s in &e.sentences {
            let sp = a.sentences[s].span;
            let evd = Evidence { doc: a.doc.id.clone(), sentence: s, span: sp, text: a.sentence_text(s).to_owned() };
            if !entity.mentions.contains(&evd) {
                entity.mentions.push(evd);
            }
        }
        for (p, pev) in &e.participants {
            facts.add(&id, RelationType::Participant, p, 0.8, pev.clone());
        }
        let person = |id: &EntityId| resolved.entities.get(id).is_some_and(|x| x.etype == EntityType::Person);
        for (i, (p, pev)) in e.participants.iter().enumerate() {
            for (q, _) in &e.participants[i + 1..] {
                if person(p) && person(q) {
                    facts.add(p, RelationType::MetWith, q, 0.75, pev.clone());
                }
            }
        }
        if let Some((l, lev)) = &e.location {
            facts.add(&id, RelationType::Location, l, 0.75, lev.clone());
        }
        if let Some((h, hev)) = &e.host {
            facts.add(&id, RelationType::Host, h, 0.7, hev.clone());
        }
        // Topics: themes of the meeting's sentences and of the sentences naming a participant,
        // and the article's recurring themes.
        let participant_sentences: BTreeSet<usize> =
            seen.iter().filter(|x| e.participants.iter().any(|(p, _)| *p == x.id)).map(|x| x.sentence).collect();
        let topical = |t: &Seen| e.sentences.contains(&t.sentence) || participant_sentences.contains(&t.sentence);
        let mut linked: BTreeSet<&EntityId> = BTreeSet::new();
        for t in themes.iter().filter(|t| topical(t)) {
            if linked.insert(&t.id) {
                facts.add(&id, RelationType::Topic, &t.id, 0.7, ev(t));
            }
        }
        for t in themes.iter().filter(|t| theme_count[&t.id] >= 2) {
            if linked.insert(&t.id) {
                facts.add(&id, RelationType::Topic, &t.id, 0.5, ev(t));
            }
        }
        // Named events discussed in the meeting's sentences.
        for x in seen.iter().filter(|x| x.etype == EntityType::Event && e.sentences.contains(&x.sentence)) {
            facts.add(&id, RelationType::Topic, &x.id, 0.7, ev(x));
        }
        for (src, sev) in &sources {
            facts.add(&id, RelationType::ReportedBy, src, 0.7, sev.clone());
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Outlets the article credits: the dateline's agency, or an organization after `by`, `to`,
/// `according to` or before `reported`/`reports`.
fn reporting_sources(a: &AnalyzedDoc, seen: &[Seen]) -> Vec<(EntityId, Evidence)> {
    let mut out: Vec<(EntityId, Evidence)> = Vec::new();
    for s in seen.iter().filter(|s| s.etype == EntityType::Organization) {
        let in_dateline =
            a.doc.dateline.and_then(|d| d.agency).is_some_and(|g| a.tokens[s.first].span.start == g.start);
        let word = |k: Option<usize>| {
            k.filter(|&k| k < a.tokens.len()).map(|k| a.token_text(k).to_lowercase()).unwrap_or_default()
        };
        let prev = word(s.first.checked_sub(1));
        let prev2 = word(s.first.checked_sub(2));
        // `the Ministry of Foreign Affairs of Azerbaijan reported`: past the body's `of Country`.
        let after_of = seen
            .iter()
            .find(|o| word(Some(s.end)) == "of" && o.first == s.end + 1 && o.sentence == s.sentence)
            .map_or(s.end, |o| o.end);
        let next = word(Some(after_of));
        let credited = prev == "by"
            && matches!(prev2.as_str(), "reported" | "highlighted" | "cited" | "quoted" | "published" | "carried")
            || (prev == "to" && prev2 == "according")
            || matches!(next.as_str(), "reported" | "reports" | "reporter" | "correspondent" | "announced")
            || (next == "said" && word(Some(after_of + 1)) == "in" && word(Some(after_of + 3)) == "statement");
        if (in_dateline || credited) && !out.iter().any(|(id, _)| *id == s.id) {
            let span =
                crate::model::Span::new(a.tokens[s.first].span.start, a.tokens[s.end.max(s.first + 1) - 1].span.end);
            out.push((s.id.clone(), evidence(a, &span, s.sentence)));
        }
    }
    out
}

#[cfg(test)]
mod tests;
