//! Events: meetings, talks, visits, calls, signings and summits, assembled from the matches of
//! the event patterns sentence by sentence.
//!
//! A match tells of an event through its trigger word (`met`, `talks`, `visit`); the matches of
//! one trigger are one telling. Tellings of the same people (all of them, or some of them at an
//! event of the same kind) are one event; a later sentence that refers back to it (`the talks`)
//! adds its place and its themes. An event needs two participants, or one and the place visited.

use super::facts::Facts;
use super::matcher::{find, Filler, Match, SentenceView};
use super::pattern::{Pattern, Role, Yields};
use super::view::{DocView, ParsedSentence};
use crate::kb::slug;
use crate::model::{Entity, EntityId, EntityType, EventKind, Evidence, RelationType};
use crate::resolve::Resolved;
use crate::syntax::label_matches;
use crate::text::date_in;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// An entity with the evidence that named it.
type Found = (EntityId, Evidence);

/// One event being assembled from a document's sentences.
#[derive(Debug, Clone)]
pub struct Event {
    /// What sort of event.
    pub kind: EventKind,
    /// Who took part, in the order first told.
    pub participants: Vec<Found>,
    /// The sentences that tell of it.
    pub sentences: BTreeSet<usize>,
    /// Where it took place (a visit may take in several places).
    pub locations: Vec<Found>,
    /// Who hosted it.
    pub host: Option<Found>,
    /// Its date (ISO), from the first sentence that gives one.
    pub date: Option<String>,
    /// The confidence of the strongest pattern that told of it.
    pub confidence: f32,
}

/// What one trigger word of one sentence tells.
struct Telling {
    sentence: usize,
    event: Event,
    /// The named event the trigger is (`attended the G8 summit`), if any.
    named: Option<EntityId>,
}

/// The kind of event a trigger's lemma names (`data/lexicon/event-kinds.tsv`); a meeting if none.
fn kind_of(lemma: &str) -> EventKind {
    static KINDS: OnceLock<BTreeMap<&'static str, EventKind>> = OnceLock::new();
    let kinds = KINDS.get_or_init(|| {
        crate::lexicon::entries(include_str!("../../data/lexicon/event-kinds.tsv"))
            .filter_map(|l| {
                let (word, kind) = l.split_once('\t')?;
                Some((word, kind.parse().ok()?))
            })
            .collect()
    });
    kinds.get(lemma).copied().unwrap_or(EventKind::Meeting)
}

/// The events of a document, and the participants of named events it tells of.
pub fn find_events(
    view: &DocView,
    sentences: &[ParsedSentence],
    patterns: &[Pattern],
) -> (Vec<Event>, Vec<(EntityId, Found)>) {
    let mut events: Vec<Event> = Vec::new();
    let mut named: Vec<(EntityId, Found)> = Vec::new();
    for s in sentences.iter().filter(|s| view.a.blocks[view.a.sentences[s.index].block].kind.is_prose()) {
        let tellings = tellings_in(view, s, patterns);
        if tellings.is_empty() {
            refer_back(view, s, &mut events);
        }
        for t in tellings {
            match t.named {
                Some(id) => named.extend(t.event.participants.into_iter().map(|p| (id.clone(), p))),
                None => merge(&mut events, t),
            }
        }
    }
    events.retain(|e| e.participants.len() >= 2 || (e.kind == EventKind::Visit && !e.locations.is_empty()));
    (events, named)
}

/// The tellings of one sentence: its event-pattern matches grouped by trigger token.
fn tellings_in(view: &DocView, s: &ParsedSentence, patterns: &[Pattern]) -> Vec<Telling> {
    let mut by_trigger: BTreeMap<usize, Telling> = BTreeMap::new();
    for p in patterns.iter().filter(|p| matches!(p.yields, Yields::Event(_))) {
        for m in find(p, s) {
            let Some(trigger) = m.token_of(Role::Trigger).or(m.tokens.first().copied()) else { continue };
            let t = by_trigger.entry(trigger).or_insert_with(|| new_telling(view, s, &m, trigger));
            add_match(view, s, &m, &mut t.event);
        }
    }
    let tellings: Vec<Telling> = by_trigger.into_values().filter(|t| !t.event.participants.is_empty()).collect();
    sides_join_their_people(view, s.index, tellings)
}

/// `Blinken and Aliyev convened in Munich, marking a dialogue between the United States and
/// Azerbaijan`: where a sentence names people, its countries and bodies meeting are the sides
/// those people speak for, not another event.
fn sides_join_their_people(view: &DocView, sentence: usize, tellings: Vec<Telling>) -> Vec<Telling> {
    let person = |ev: &Evidence| view.seen.iter().any(|x| x.span == ev.span && x.etype == EntityType::Person);
    let people = |t: &Telling| t.event.participants.iter().any(|(_, ev)| person(ev));
    if !view.in_sentence(sentence).any(|x| x.etype == EntityType::Person) {
        return tellings;
    }
    let (mut kept, sides): (Vec<Telling>, Vec<Telling>) = tellings.into_iter().partition(people);
    for side in sides {
        if let Some(first) = kept.first_mut().filter(|f| f.event.locations.is_empty()) {
            first.event.locations = side.event.locations;
        }
    }
    kept
}

fn new_telling(view: &DocView, s: &ParsedSentence, m: &Match, trigger: usize) -> Telling {
    let kind = match m.pattern.yields {
        Yields::Event(Some(kind)) => kind,
        _ => kind_of(&s.tree.lemma(trigger).to_lowercase()),
    };
    let named = s.entity(trigger).filter(|f| f.etype == EntityType::Event).map(|f| f.id.clone());
    let event = Event {
        kind,
        participants: Vec::new(),
        sentences: BTreeSet::from([s.index]),
        locations: Vec::new(),
        host: None,
        date: sentence_date(view, s.index),
        confidence: m.pattern.confidence,
    };
    Telling { sentence: s.index, event, named }
}

/// Adds what one match says to its telling: participants, host, and the place around it.
fn add_match(view: &DocView, s: &ParsedSentence, m: &Match, e: &mut Event) {
    let found = |f: &Filler| (f.id.clone(), view.evidence(f.span, s.index));
    for f in m.of(Role::Participant) {
        if !e.participants.iter().any(|(q, _)| *q == f.id) {
            e.participants.push(found(f));
        }
    }
    e.host = e.host.take().or_else(|| m.of(Role::Host).next().map(found));
    for f in m.of(Role::Location) {
        if !e.locations.iter().any(|(q, _)| *q == f.id) {
            e.locations.push(found(f));
        }
    }
    if e.locations.is_empty() {
        let participants: Vec<usize> = m.tokens.iter().copied().filter(|&k| s.entity(k).is_some()).collect();
        e.locations.extend(place_around(s, &m.tokens, &participants).map(found));
    }
    e.confidence = e.confidence.max(m.pattern.confidence);
}

/// The place an event took place: an `in`/`at` dependent of its words (`met in Munich`, `talks
/// at the Kremlin`), `the Munich meeting`, or, as parsers often attach it, an `in` dependent of
/// a participant.
fn place_around<'s>(s: &'s ParsedSentence, words: &[usize], participants: &[usize]) -> Option<&'s Filler> {
    let place = |k: usize| s.entity(k).filter(|f| matches!(f.etype, EntityType::Place | EntityType::Country));
    let tree = &s.tree;
    let with_case = |k: usize| {
        tree.children(k)
            .filter(|&c| ["obl", "nmod"].iter().any(|l| label_matches(tree.deprel(c), l)))
            .filter(|&c| tree.deprel(c) != "nmod:poss")
            .find(|&c| {
                place(c).is_some() && tree.children_by_label(c, "case").any(|x| matches!(tree.lemma(x), "in" | "at"))
            })
    };
    let before =
        |k: usize| tree.children(k).find(|&c| place(c).is_some() && matches!(tree.deprel(c), "compound" | "amod"));
    let event_words = words.iter().copied().filter(|k| !participants.contains(k));
    // One step further down too: `met with his counterpart Ararat Mirzoyan in Almaty`.
    let clause = |c: &usize| matches!(tree.deprel(*c), "acl:relcl" | "advcl" | "ccomp" | "parataxis");
    let below = |k: usize| tree.children(k).filter(|c| !clause(c)).find_map(with_case);
    event_words
        .clone()
        .find_map(with_case)
        .or_else(|| event_words.clone().find_map(before))
        .or_else(|| participants.iter().copied().find_map(with_case))
        .or_else(|| event_words.clone().chain(participants.iter().copied()).find_map(below))
        .and_then(place)
}

/// A sentence's date: one it names (`on Friday`, `12 March`), resolved against the article's.
fn sentence_date(view: &DocView, sentence: usize) -> Option<String> {
    let a = view.a;
    let words: Vec<&str> = a.sentences[sentence].tokens.clone().map(|k| a.token_text(k)).collect();
    date_in(&words, None).or_else(|| a.doc.date.as_deref().and_then(|d| date_in(&words, Some(d))))
}

/// Joins a telling to the event it continues, or starts a new one.
fn merge(events: &mut Vec<Event>, t: Telling) {
    let new = t.event;
    let known = |e: &Event, id: &EntityId| e.participants.iter().any(|(q, _)| q == id);
    let same = events.iter().position(|e| {
        let all = new.participants.iter().all(|(p, _)| known(e, p));
        let some = new.participants.iter().any(|(p, _)| known(e, p));
        let alone = new.participants.len() == 1;
        all && (!alone || e.kind == new.kind)
            || (some && !alone && (e.kind == new.kind || e.kind == EventKind::Meeting))
    });
    match same {
        Some(i) => absorb(&mut events[i], new, t.sentence),
        None => events.push(new),
    }
}

/// Adds a later telling's participants, place, host and sentence to an event.
fn absorb(e: &mut Event, new: Event, sentence: usize) {
    e.sentences.insert(sentence);
    for p in new.participants {
        if !e.participants.iter().any(|(q, _)| *q == p.0) {
            e.participants.push(p);
        }
    }
    if e.locations.is_empty() {
        e.locations = new.locations;
    }
    e.host = e.host.take().or(new.host);
    e.date = e.date.take().or(new.date);
    e.confidence = e.confidence.max(new.confidence);
}

/// `The talks, highlighted by Apa.az, focused on security`: a sentence naming a meeting already
/// told of (`the`, `this`, `their` before a meeting word) adds itself and its place to the latest
/// event.
fn refer_back(view: &DocView, s: &ParsedSentence, events: &mut [Event]) {
    let Some(e) = events.last_mut() else { return };
    let Some(nouns) = crate::lexicon::words("meeting-nouns") else { return };
    let tree = &s.tree;
    let referring = (0..tree.len()).find(|&k| {
        nouns.contains(s.lemma(k))
            && tree.upos(k) == "NOUN"
            && tree.children(k).any(|c| {
                (tree.deprel(c) == "det" && matches!(s.lower(c), "the" | "this" | "that" | "these" | "those"))
                    || (tree.deprel(c) == "nmod:poss" && tree.upos(c) == "PRON")
            })
    });
    let Some(k) = referring else { return };
    e.sentences.insert(s.index);
    // `The meeting, hosted by Kazakhstan's Foreign Minister Murat Nurtleu, ...`
    let hosted: Vec<usize> = tree
        .children_by_label(k, "acl")
        .filter(|&v| tree.lemma(v) == "host")
        .flat_map(|v| tree.children_by_label(v, "obl").collect::<Vec<_>>())
        .collect();
    if let Some(f) = hosted.into_iter().find_map(|c| s.entity(c)).filter(|_| e.host.is_none()) {
        e.host = Some((f.id.clone(), view.evidence(f.span, s.index)));
    }
    if e.locations.is_empty() {
        e.locations.extend(place_around(s, &[k], &[]).map(|f| (f.id.clone(), view.evidence(f.span, s.index))));
    }
}

/// What the facts of a document's events are recorded with.
pub struct Recorder<'r> {
    /// Where the event entities go.
    pub resolved: &'r mut Resolved,
    /// Where the relations go.
    pub facts: &'r mut Facts,
    /// The outlets the article credits.
    pub sources: &'r [Found],
}

impl Recorder<'_> {
    /// Adds each event as an entity with its participants, `met_with` between the people who
    /// met, place, host, topics and sources.
    pub fn record(&mut self, view: &DocView, events: Vec<Event>) {
        for (n, e) in events.into_iter().enumerate() {
            let id = self.add_entity(view, &e, n);
            for (p, pev) in &e.participants {
                self.facts.add(&id, RelationType::Participant, p, e.confidence, pev.clone());
            }
            self.met_with(&e);
            for (l, lev) in &e.locations {
                self.facts.add(&id, RelationType::Location, l, 0.75, lev.clone());
            }
            if let Some((h, hev)) = &e.host {
                self.facts.add(&id, RelationType::Host, h, 0.7, hev.clone());
            }
            topics(view, &e, &id, self.facts);
            for (src, sev) in self.sources {
                self.facts.add(&id, RelationType::ReportedBy, src, 0.7, sev.clone());
            }
        }
    }

    /// The event's entity: its id from its date, kind and people (else the document and its
    /// rank), its label from the same, its sentences as mentions.
    fn add_entity(&mut self, view: &DocView, e: &Event, n: usize) -> EntityId {
        let date = e.date.clone().or_else(|| view.a.doc.date.clone());
        let label_of = |id: &EntityId| self.resolved.entities.get(id).map(|x| x.label.clone());
        let mut names: Vec<String> = e.participants.iter().filter_map(|(id, _)| label_of(id)).collect();
        let place = e.locations.first().and_then(|(id, _)| label_of(id));
        let key = match &date {
            Some(d) => {
                let mut parts: Vec<String> =
                    e.participants.iter().map(|(id, _)| slug(id.as_str().trim_start_matches("person/"))).collect();
                parts.sort();
                format!("{d}-{}-{}", e.kind, parts.join("-"))
            }
            None => format!("{}-{}-{}", slug(&view.a.doc.id), e.kind, n + 1),
        };
        let last = names.pop().unwrap_or_default();
        let who = if names.is_empty() { last } else { format!("{} and {last}", names.join(", ")) };
        let mut label = format!("{} of {who}", e.kind.title());
        if let Some(p) = &place {
            label.push_str(&format!(" in {p}"));
        }
        if let Some(d) = &date {
            label.push_str(&format!(" ({d})"));
        }
        let id = EntityId::event(&key);
        let entity = self
            .resolved
            .entities
            .entry(id.clone())
            .or_insert_with(|| Entity::new(id.clone(), EntityType::Event, label));
        entity.add_attribute("kind", e.kind.as_str());
        if let Some(d) = &date {
            entity.add_attribute("date", d.clone());
        }
        for &s in &e.sentences {
            let evd = view.sentence_evidence(s);
            if !entity.mentions.contains(&evd) {
                entity.mentions.push(evd);
            }
        }
        id
    }

    /// `met_with` between the people who took part, each pair once.
    fn met_with(&mut self, e: &Event) {
        let person = |id: &EntityId| self.resolved.entities.get(id).is_some_and(|x| x.etype == EntityType::Person);
        let people: Vec<&Found> = e.participants.iter().filter(|(p, _)| person(p)).collect();
        for (i, (p, pev)) in people.iter().enumerate() {
            for (q, _) in &people[i + 1..] {
                self.facts.add(p, RelationType::MetWith, q, 0.75, pev.clone());
            }
        }
    }
}

/// An event's topics: the themes and named events of its sentences, and the article's recurring
/// themes. (Themes of other sentences naming a participant were tried: on the blind set they
/// added more wrong topics than right ones.)
fn topics(view: &DocView, e: &Event, id: &EntityId, facts: &mut Facts) {
    let mut counts: BTreeMap<&EntityId, usize> = BTreeMap::new();
    for t in view.seen.iter().filter(|x| x.etype == EntityType::Theme) {
        *counts.entry(&t.id).or_default() += 1;
    }
    for t in view.seen.iter().filter(|x| matches!(x.etype, EntityType::Theme | EntityType::Event)) {
        let told = e.sentences.contains(&t.sentence);
        let recurring = t.etype == EntityType::Theme && counts[&t.id] >= 2;
        if told || recurring {
            facts.add(id, RelationType::Topic, &t.id, if told { 0.7 } else { 0.5 }, view.evidence_of(t));
        }
    }
}
