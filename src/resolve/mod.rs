//! Resolve: one [`Entity`] per real thing, within and across documents.
//!
//! - Knowledge-base mentions resolve to their entry (`U.S.` = `United States` = `America`).
//! - People resolve by name: a full name's first and last words key it across the corpus
//!   (`Antony Blinken` = `Antony J. Blinken`, the longest form being the label); a surname alone
//!   goes to the one person of the document (else of the corpus) who bears it.
//! - Role-only mentions (`The U.S. Secretary of State`) join the one named person of the document
//!   who holds that title; otherwise they become a person of their own, labelled by the role
//!   (`Azerbaijan’s Foreign Minister`). An office (one holder per country) is one person across
//!   documents; a generic role (`a senior official`) stays within its document.
//! - Generic bodies (`Foreign Ministry`) are keyed by the country that qualifies them.

use crate::kb::{slug, KnowledgeBase, TitleRank};
use crate::model::EntityType;
use crate::model::{Entity, EntityId, Evidence, Mention, MentionKind};
use crate::text::AnalyzedDoc;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A document's mentions and the entity each resolved to.
#[derive(Debug, Clone)]
pub struct DocMentions {
    /// The mentions, in text order.
    pub mentions: Vec<Mention>,
    /// The entity of each mention (`None` when it could not be resolved, e.g. `the minister` with
    /// no minister in sight). A demonym maps to its country.
    pub entity: Vec<Option<EntityId>>,
}

/// The resolved entities of a corpus, with each document's mentions.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Entities by id.
    pub entities: BTreeMap<EntityId, Entity>,
    /// Per document, in input order.
    pub docs: Vec<DocMentions>,
}

/// Words of generic government bodies, which need a country to identify them.
const GENERIC_BODY_WORDS: &[&str] = &[
    "foreign",
    "presidency",
    "presidential",
    "administration",
    "work",
    "defence",
    "defense",
    "interior",
    "finance",
    "health",
    "justice",
    "economy",
    "economic",
    "trade",
    "energy",
    "education",
    "culture",
    "agriculture",
    "home",
    "state",
    "ministry",
    "department",
    "office",
    "embassy",
    "army",
    "navy",
    "police",
    "government",
    "parliament",
    "cabinet",
    "affairs",
    "of",
    "and",
    "for",
    "the",
    "armed",
    "forces",
    "internal",
    "emergency",
    "situations",
    "transport",
    "digital",
    "development",
    "ecology",
    "natural",
    "resources",
    "labour",
    "labor",
    "social",
    "protection",
];

fn is_generic_body(name: &str) -> bool {
    name.split_whitespace().all(|w| GENERIC_BODY_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The first and last word of a name, lowercased: the key that merges its variants.
fn name_key(name: &str) -> Option<(String, String)> {
    let words: Vec<&str> = name.split(' ').filter(|w| !(w.len() == 2 && w.ends_with('.'))).collect();
    (words.len() >= 2).then(|| (words[0].to_lowercase(), words[words.len() - 1].to_lowercase()))
}

/// Resolves every document's mentions into entities.
///
/// ```
/// use newsgraph::{extract::extract, model::Document, kb::KnowledgeBase, resolve::resolve, text::AnalyzedDoc};
/// let kb = KnowledgeBase::builtin().unwrap();
/// let docs = [
///     Document::from_text("a", "a", "Secretary of State Antony J. Blinken met Aliyev. Blinken's trip went well."),
///     Document::from_text("b", "b", "The U.S. and America: Mr Antony Blinken said so."),
/// ];
/// let analyzed: Vec<AnalyzedDoc> = docs.iter().map(AnalyzedDoc::new).collect();
/// let mentions = analyzed.iter().map(|a| extract(a, &kb)).collect();
/// let r = resolve(&analyzed, mentions, &kb);
/// let people: Vec<&str> = r.entities.values().filter(|e| e.etype == newsgraph::EntityType::Person).map(|e| e.label.as_str()).collect();
/// assert_eq!(people, ["Antony J. Blinken"]);
/// assert_eq!(r.entities.values().filter(|e| e.etype == newsgraph::EntityType::Country).count(), 1);
/// ```
pub fn resolve(docs: &[AnalyzedDoc], mentions: Vec<Vec<Mention>>, kb: &KnowledgeBase) -> Resolved {
    let registry = PersonRegistry::new(&mentions);
    let mut r = Resolved::default();
    for (a, mentions) in docs.iter().zip(mentions) {
        let entity = resolve_doc(a, &mentions, kb, &registry, &mut r.entities);
        r.docs.push(DocMentions { mentions, entity });
    }
    r
}

/// Every full name in the corpus, keyed by first and last word, and who bears each surname.
struct PersonRegistry {
    canonical: HashMap<(String, String), String>,
    by_surname: HashMap<String, BTreeSet<(String, String)>>,
}

impl PersonRegistry {
    fn new(mentions: &[Vec<Mention>]) -> Self {
        let mut canonical: HashMap<(String, String), String> = HashMap::new();
        let mut by_surname: HashMap<String, BTreeSet<(String, String)>> = HashMap::new();
        for m in mentions.iter().flatten() {
            let MentionKind::Person { name: Some(name), .. } = &m.kind else {
                continue;
            };
            let Some(key) = name_key(name) else { continue };
            let better = |old: &String| {
                let (n, o) = (name.split(' ').count(), old.split(' ').count());
                (n, name.len(), std::cmp::Reverse(name.as_str())) > (o, old.len(), std::cmp::Reverse(old.as_str()))
            };
            match canonical.get(&key) {
                Some(old) if !better(old) => {}
                _ => {
                    canonical.insert(key.clone(), name.clone());
                }
            }
            by_surname.entry(key.1.clone()).or_default().insert(key);
        }
        PersonRegistry { canonical, by_surname }
    }

    /// The canonical full name for a name, looking the surname up in the document's names first.
    fn canonical_for(&self, name: &str, names: &LocalNames) -> String {
        let local = &names.keys;
        if let Some(key) = name_key(name) {
            let key = names.slips.get(&key).unwrap_or(&key);
            return self.canonical.get(key).cloned().unwrap_or_else(|| name.to_owned());
        }
        let lower = name.to_lowercase();
        let local_hits: Vec<&(String, String)> = local.iter().filter(|k| k.1 == lower).collect();
        if let [key] = local_hits[..] {
            return self.canonical[key].clone();
        }
        // `Prince Saud` after `Prince Saud Al-Faisal`: a first name, when no surname matches.
        let by_first: Vec<&(String, String)> = local.iter().filter(|k| k.0 == lower).collect();
        if let ([], [key]) = (&local_hits[..], &by_first[..]) {
            return self.canonical[*key].clone();
        }
        if local_hits.is_empty() {
            if let Some(keys) = self.by_surname.get(&lower) {
                if keys.len() == 1 {
                    if let Some(key) = keys.iter().next() {
                        return self.canonical[key].clone();
                    }
                }
            }
        }
        name.to_owned()
    }
}

/// The full names of one document's people, keyed as [`name_key`] does, with spelling slips
/// (`Catherine Jones` after `Katherine Jones`) pointing at the first spelling.
struct LocalNames {
    keys: BTreeSet<(String, String)>,
    slips: HashMap<(String, String), (String, String)>,
}

impl LocalNames {
    fn of(mentions: &[Mention]) -> LocalNames {
        let mut in_order: Vec<(String, String)> = Vec::new();
        for m in mentions {
            if let MentionKind::Person { name: Some(n), .. } = &m.kind {
                if let Some(key) = name_key(n).filter(|k| !in_order.contains(k)) {
                    in_order.push(key);
                }
            }
        }
        let mut slips = HashMap::new();
        for (later, key) in in_order.iter().enumerate() {
            let first = in_order[..later].iter().find(|k| k.1 == key.1 && is_spelling_slip(&k.0, &key.0));
            if let Some(first) = first.filter(|f| !slips.contains_key(*f)) {
                slips.insert(key.clone(), first.clone());
            }
        }
        let keys = in_order.into_iter().filter(|k| !slips.contains_key(k)).collect();
        LocalNames { keys, slips }
    }
}

/// Whether two first names of six letters or more differ by one letter changed, added or dropped
/// (`Katherine`, `Catherine`): in one article, one person misspelt, not two people.
fn is_spelling_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if short.len() < 6 || long.len() - short.len() > 1 || a == b {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    let suffix = short.iter().rev().zip(long.iter().rev()).take_while(|(x, y)| x == y).count();
    // One substitution (same length) or one insertion: what is left after the shared ends.
    prefix + suffix + 1 >= long.len()
}

/// What a one-word name stands short for in its document, if one entity only fits: the surname
/// of a person named in full (`Swank` after `Hilary Swank`, however the recognizer typed it), or
/// the first or last word of a longer organization's name (`Betis` for `Real Betis`).
fn short_form(
    name: &str,
    etype: EntityType,
    mentions: &[Mention],
    ids: &[Option<EntityId>],
    entities: &BTreeMap<EntityId, Entity>,
) -> Option<EntityId> {
    if name.contains(' ') || !matches!(etype, EntityType::Organization | EntityType::Place) {
        return None;
    }
    let mut people: Vec<&EntityId> = mentions
        .iter()
        .zip(ids)
        .filter(|(m, _)| matches!(m.kind, MentionKind::Person { name: Some(_), .. }))
        .filter_map(|(_, id)| id.as_ref())
        .filter(|id| {
            entities
                .get(*id)
                .is_some_and(|e| e.label.split_once(' ').is_some_and(|_| e.label.rsplit(' ').next() == Some(name)))
        })
        .collect();
    people.dedup();
    if let [person] = people[..] {
        return Some(person.clone());
    }
    if etype != EntityType::Organization || is_generic_body(name) {
        return None;
    }
    let mut bodies: Vec<String> = mentions
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Named { etype: EntityType::Organization, name: long, qualifier: None } => Some(long),
            _ => None,
        })
        .filter(|long| long.contains(' ') && !is_generic_body(long))
        .filter(|long| long.split(' ').next() == Some(name) || long.rsplit(' ').next() == Some(name))
        .map(|long| format!("org/{}", slug(long)))
        .collect();
    bodies.sort();
    bodies.dedup();
    match &bodies[..] {
        [body] => Some(EntityId(body.clone())).filter(|id| entities.contains_key(id)),
        _ => None,
    }
}

fn resolve_doc(
    a: &AnalyzedDoc,
    mentions: &[Mention],
    kb: &KnowledgeBase,
    registry: &PersonRegistry,
    entities: &mut BTreeMap<EntityId, Entity>,
) -> Vec<Option<EntityId>> {
    let doc = a.doc;
    let evidence = |m: &Mention| Evidence {
        doc: doc.id.clone(),
        sentence: m.sentence,
        span: m.span,
        text: doc.slice(m.span).to_owned(),
    };
    let mut ids: Vec<Option<EntityId>> = vec![None; mentions.len()];
    let local_keys = LocalNames::of(mentions);
    let touch = |entities: &mut BTreeMap<EntityId, Entity>,
                 id: &EntityId,
                 etype: EntityType,
                 label: &str,
                 m: &Mention,
                 alias: bool| {
        let e = entities.entry(id.clone()).or_insert_with(|| Entity::new(id.clone(), etype, label));
        if alias {
            e.add_alias(doc.slice(m.span));
        }
        e.mentions.push(evidence(m));
    };
    // Names first: knowledge-base entries, rule-found names, named people, themes.
    for (i, m) in mentions.iter().enumerate() {
        match &m.kind {
            MentionKind::Known { entry } => {
                let e = &kb.entries[*entry];
                let id = EntityId(e.key.clone());
                touch(entities, &id, e.etype, &e.label, m, true);
                ids[i] = Some(id);
            }
            MentionKind::Demonym { country } => ids[i] = Some(EntityId(kb.entries[*country].key.clone())),
            MentionKind::Theme { concept, confidence } => {
                let id = theme_entity(entities, &kb.taxonomy, *concept, (&doc.id, *confidence));
                touch(entities, &id, EntityType::Theme, "", m, true);
                ids[i] = Some(id);
            }
            MentionKind::Person { name: Some(name), .. } => {
                let canonical = registry.canonical_for(name, &local_keys);
                let id = EntityId::person(&slug(&canonical));
                touch(entities, &id, EntityType::Person, &canonical, m, false);
                if let Some(e) = entities.get_mut(&id) {
                    e.add_alias(name);
                }
                ids[i] = Some(id);
            }
            _ => {}
        }
    }
    // Rule-found names, which may need their qualifier's id. One name is one thing within a
    // document: its first type wins (`visit Auschwitz` ... `at Auschwitz` read as a body).
    let mut first_type: HashMap<&str, EntityType> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let MentionKind::Named { etype, name, qualifier } = &m.kind else {
            continue;
        };
        if let Some(id) = short_form(name, *etype, mentions, &ids, entities) {
            touch(entities, &id, entities[&id].etype, "", m, true);
            ids[i] = Some(id);
            continue;
        }
        let etype = &*first_type.entry(name.as_str()).or_insert(*etype);
        let q = qualifier.and_then(|q| ids[q].clone());
        let (id, label) = match (etype, &q) {
            (EntityType::Organization, Some(q)) if is_generic_body(name) => {
                let ql = entities.get(q).map(|e| e.label.clone()).unwrap_or_else(|| kb_label(kb, q));
                (EntityId::organization(&format!("{}-{}", slug(&ql), slug(name))), format!("{ql}'s {name}"))
            }
            (EntityType::Organization, None) if is_generic_body(name) => {
                (EntityId::organization(&format!("{}-{}", slug(name), slug(&doc.id))), name.clone())
            }
            _ => (EntityId::new(*etype, &slug(name)), name.clone()),
        };
        touch(entities, &id, *etype, &label, m, true);
        ids[i] = Some(id);
    }
    // Titles and the country or body each named person serves.
    let mut holders: BTreeMap<usize, BTreeMap<EntityId, BTreeSet<Option<EntityId>>>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let MentionKind::Person { name: Some(_), title, qualifier, role, .. } = &m.kind else {
            continue;
        };
        let Some(id) = ids[i].clone() else { continue };
        let q = qualifier.and_then(|q| ids[q].clone());
        if let Some(t) = title {
            if let Some(e) = entities.get_mut(&id) {
                e.add_attribute("title", role.clone().unwrap_or_else(|| kb.titles[*t].canonical.clone()));
            }
            // A shadow minister does not hold the office the government's minister holds.
            if !role.as_deref().is_some_and(|r| r.starts_with("Shadow")) {
                holders.entry(*t).or_default().entry(id).or_default().insert(q);
            }
        }
    }
    // Role-only mentions: join the named holder of the title, or a role person of their own.
    let mut roles: BTreeMap<(usize, Option<EntityId>), EntityId> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let MentionKind::Person { name: None, title: Some(t), qualifier, role, .. } = &m.kind else {
            continue;
        };
        let q = qualifier.and_then(|q| ids[q].clone());
        let compatible: Vec<&EntityId> = holders
            .get(t)
            .map(|h| {
                h.iter()
                    .filter(|(_, qs)| q.is_none() || qs.contains(&q) || qs.contains(&None))
                    .map(|(id, _)| id)
                    .collect()
            })
            .unwrap_or_default();
        // `Michael Howard has denied ... The Tory leader said`: a definite role right after a named
        // person who holds no other title is that person.
        let before = doc.text[..m.span.start].split_whitespace().next_back().unwrap_or("");
        let definite = matches!(before, "the" | "The" | "this" | "This");
        let salient = mentions[..i]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, p)| p.sentence + 2 >= m.sentence)
            .find(|(j, p)| {
                p.sentence < m.sentence
                    && matches!(p.kind, MentionKind::Person { name: Some(_), .. })
                    && ids[*j].is_some()
            })
            .and_then(|(j, _)| ids[j].clone())
            .filter(|p| !holders.iter().any(|(ht, h)| ht != t && h.contains_key(p)))
            // Only a qualified role (`the Tory leader`, not `the Queen`) and only for someone with
            // no title yet.
            .filter(|p| q.is_some() && entities.get(p).is_none_or(|e| !e.attributes.contains_key("title")));
        // Several holders (`President Musharraf`, `President Bush`): the one the qualifier names,
        // else the one named nearest to this mention.
        let compatible: Vec<&EntityId> = if compatible.len() > 1 {
            let by_qualifier: Vec<&EntityId> = compatible
                .iter()
                .copied()
                .filter(|id| q.is_some() && holders.get(t).and_then(|h| h.get(*id)).is_some_and(|qs| qs.contains(&q)))
                .collect();
            if by_qualifier.len() == 1 {
                by_qualifier
            } else {
                let distance = |id: &EntityId| {
                    mentions
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| ids[*j].as_ref() == Some(id))
                        .map(|(_, p)| p.span.start.abs_diff(m.span.start))
                        .min()
                        .unwrap_or(usize::MAX)
                };
                compatible.iter().copied().min_by_key(|id| (distance(id), (*id).clone())).into_iter().collect()
            }
        } else {
            compatible
        };
        let id = if let [holder] = compatible[..] {
            let holder = holder.clone();
            touch(entities, &holder, EntityType::Person, "", m, true);
            holder
        } else if let Some(person) = salient.filter(|_| definite && compatible.is_empty()) {
            touch(entities, &person, EntityType::Person, "", m, true);
            if let Some(e) = entities.get_mut(&person) {
                e.add_attribute("title", role.clone().unwrap_or_else(|| kb.titles[*t].canonical.clone()));
            }
            person
        } else if let Some(q) = &q {
            let id = roles.entry((*t, Some(q.clone()))).or_insert_with(|| {
                let title = &kb.titles[*t];
                let ql = entities.get(q).map(|e| e.label.clone()).unwrap_or_else(|| kb_label(kb, q));
                let base = slug(&format!("{ql} {}", title.canonical));
                match title.rank {
                    TitleRank::Office => EntityId::person(&base),
                    _ => EntityId::person(&format!("{base}-{}", slug(&doc.id))),
                }
            });
            let id = id.clone();
            let label = role_label(doc.slice(m.span));
            touch(entities, &id, EntityType::Person, &label, m, true);
            if let Some(e) = entities.get_mut(&id) {
                e.add_attribute("title", role.clone().unwrap_or_else(|| kb.titles[*t].canonical.clone()));
            }
            id
        } else {
            let same_title: Vec<&EntityId> = roles.iter().filter(|((rt, _), _)| rt == t).map(|(_, id)| id).collect();
            match same_title[..] {
                [only] => {
                    let only = only.clone();
                    touch(entities, &only, EntityType::Person, "", m, true);
                    only
                }
                _ => continue,
            }
        };
        ids[i] = Some(id);
    }
    // Countries named only by a demonym exist once something refers to them.
    for (i, m) in mentions.iter().enumerate() {
        if let MentionKind::Demonym { country } = m.kind {
            let used = mentions.iter().enumerate().any(|(j, other)| {
                ids[j].is_some()
                    && matches!(&other.kind, MentionKind::Person { qualifier: Some(q), .. } | MentionKind::Named { qualifier: Some(q), .. } if *q == i)
            });
            if used {
                let e = &kb.entries[country];
                let id = EntityId(e.key.clone());
                touch(entities, &id, e.etype, &e.label, m, false);
            }
        }
    }
    ids
}

/// A role's label from its first mention: without a leading article.
fn role_label(surface: &str) -> String {
    let s = surface.split_whitespace().collect::<Vec<_>>().join(" ");
    for article in ["a ", "an ", "the ", "A ", "An ", "The "] {
        if let Some(rest) = s.strip_prefix(article) {
            return rest.to_owned();
        }
    }
    s
}

/// The theme entity of a concept, with what exports need to place it: its IRI (`concept`), its
/// wider concept (`broader`), its top-level topic (`topic_group`) and this article's confidence
/// (`confidence`, one `DOC=0.80` value per article).
fn theme_entity(
    entities: &mut BTreeMap<EntityId, Entity>,
    taxonomy: &crate::kb::Taxonomy,
    concept: usize,
    (doc, confidence): (&str, f32),
) -> EntityId {
    let c = &taxonomy.concepts[concept];
    let id = EntityId::theme(&c.id);
    let e = entities.entry(id.clone()).or_insert_with(|| {
        let mut e = Entity::new(id.clone(), EntityType::Theme, display_label(&c.label));
        e.add_attribute("concept", c.iri.clone());
        if let Some(p) = c.parent {
            e.add_attribute("broader", taxonomy.concepts[p].iri.clone());
        }
        e.add_attribute("topic_group", display_label(&taxonomy.concepts[c.top].label));
        e
    });
    e.add_attribute("confidence", format!("{doc}={confidence:.2}"));
    id
}

/// A label as a name: IPTC writes its labels in lowercase (`human rights`).
fn display_label(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map(|f| f.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn kb_label(kb: &KnowledgeBase, id: &EntityId) -> String {
    kb.entries.iter().find(|e| e.key == id.0).map(|e| e.label.clone()).unwrap_or_else(|| id.0.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    fn people(texts: &[&str]) -> Vec<(String, Vec<String>, Vec<String>)> {
        let kb = KnowledgeBase::builtin().unwrap();
        let docs: Vec<Document> =
            texts.iter().enumerate().map(|(i, t)| Document::from_text(&format!("d{i}"), "t", t)).collect();
        let analyzed: Vec<AnalyzedDoc> = docs.iter().map(AnalyzedDoc::new).collect();
        let model = crate::ner::NerModel::builtin().unwrap();
        let mentions = analyzed.iter().map(|a| crate::extract::extract_with(a, &kb, Some(&model))).collect();
        let r = resolve(&analyzed, mentions, &kb);
        r.entities
            .values()
            .filter(|e| e.etype == EntityType::Person)
            .map(|e| {
                let titles = e.attributes.get("title").map(|t| t.iter().cloned().collect()).unwrap_or_default();
                (e.label.clone(), e.aliases.iter().cloned().collect(), titles)
            })
            .collect()
    }

    #[test]
    fn spelling_slips() {
        assert!(is_spelling_slip("katherine", "catherine"));
        assert!(!is_spelling_slip("michael", "micheal"), "a swap is two changes");
        assert!(is_spelling_slip("jonathon", "jonathan"));
        assert!(is_spelling_slip("philipp", "philip"));
        assert!(!is_spelling_slip("mark", "mary"), "too short to tell");
        assert!(!is_spelling_slip("daniel", "danielle"), "two letters apart");
        assert!(!is_spelling_slip("robert", "robert"));
    }

    #[test]
    fn coreference_cases() {
        /// (label, aliases, titles) of each person expected.
        type People<'a> = &'a [(&'a str, &'a [&'a str], &'a [&'a str])];
        let cases: &[(&str, &[&str], People)] = &[
            (
                "surname and title-only mention join the full name",
                &["Secretary of State Antony J. Blinken arrived. Blinken spoke. The U.S. Secretary of State left."],
                &[("Antony J. Blinken", &["Blinken", "U.S. Secretary of State"], &["Secretary of State"])],
            ),
            (
                "role-only person keeps its role as label",
                &["Azerbaijan’s Foreign Minister met a senior U.S. State Department official. The U.S. State Department official agreed."],
                &[
                    ("Azerbaijan’s Foreign Minister", &[], &["Foreign Minister"]),
                    ("senior U.S. State Department official", &["U.S. State Department official"], &["Official"]),
                ],
            ),
            (
                "full name variants merge across documents",
                &["Mr Antony Blinken said yes.", "Secretary of State Antony J. Blinken said no. Blinken left."],
                &[("Antony J. Blinken", &["Antony Blinken", "Blinken"], &["Secretary of State"])],
            ),
            (
                "two people with one surname in a document stay apart",
                &["Mr John Smith and Mrs Jane Smith came. Smith said no."],
                &[("Jane Smith", &[], &[]), ("John Smith", &[], &[]), ("Smith", &[], &[])],
            ),
            ("the minister with no minister in sight is nobody", &["The Foreign Minister arrived."], &[]),
            (
                "a definite role right after a named person is that person",
                &["Michael Howard has denied a split. The Tory leader said it was not easy."],
                &[("Michael Howard", &["Tory leader"], &["Leader"])],
            ),
            (
                "a first name alone after the full name",
                &["Foreign Minister Prince Saud Al-Faisal spoke. Prince Saud said more."],
                &[("Saud Al-Faisal", &["Saud"], &["Foreign Minister", "Prince"])],
            ),
            (
                "a form of address takes no qualifier",
                &["Sources told the BBC Mr Howard had always been in favour."],
                &[("Howard", &[], &[])],
            ),
        ];
        for (name, texts, want) in cases {
            let got = people(texts);
            let want: Vec<(String, Vec<String>, Vec<String>)> = want
                .iter()
                .map(|(l, a, t)| {
                    (
                        l.to_string(),
                        a.iter().map(|s| s.to_string()).collect(),
                        t.iter().map(|s| s.to_string()).collect(),
                    )
                })
                .collect();
            assert_eq!(got, want, "case: {name}");
        }
    }
}
