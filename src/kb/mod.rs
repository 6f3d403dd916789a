//! The built-in knowledge base: countries, places, organizations, named events, titles and the
//! theme taxonomy, loaded from the data files in `data/` (each file notes its source).
//!
//! Names are matched with one Aho-Corasick automaton (leftmost-longest, so `Papua New Guinea`
//! wins over `Guinea` and `U.S. State Department` over `U.S.`): a linear scan of the text whatever
//! the number of names, which is what keeps extraction fast on large corpora.

mod slug;
mod taxonomy;
mod triggers;

pub use slug::slug;
pub use taxonomy::{Concept, Taxonomy, BUILTIN_PHRASES, BUILTIN_TAXONOMY, IPTC_MEDIA_TOPICS};
pub use triggers::Evidence;

use crate::error::{Error, Result};
use crate::model::EntityType;
use crate::model::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;

/// One thing the knowledge base knows by name.
#[derive(Debug, Clone)]
pub struct KbEntry {
    /// Stable entity id (`country/azerbaijan`, `place/baku`, `org/state-department`).
    pub key: String,
    /// Entity type.
    pub etype: EntityType,
    /// Finer kind from the data file (`city`, `region`, `igo`, `news`, `government`, ...).
    pub kind: String,
    /// Canonical name.
    pub label: String,
    /// Every name it is known by, canonical first.
    pub names: Vec<String>,
    /// The entry it lies in or belongs to: a city's country, a region's region, a ministry's country.
    pub within: Option<usize>,
}

/// What a name in the text refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameTarget {
    /// The entry itself.
    Entry(usize),
    /// A country's demonym or adjective (`Azerbaijani`, `American`).
    Demonym(usize),
}

/// How a title behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleRank {
    /// One holder per country or body (`President`, `Foreign Minister`).
    Office,
    /// A generic role noun (`official`, `spokesman`): kept only with a qualifier.
    Role,
    /// A form of address (`Mr`, `Dr`): marks a name, not stored as a title.
    Honorific,
    /// A job (`economist`, `singer`): a title beside a name, never a person by itself.
    Occupation,
}

/// A title from `data/titles.tsv`.
#[derive(Debug, Clone)]
pub struct Title {
    /// Canonical form (`Foreign Minister`).
    pub canonical: String,
    /// How it behaves.
    pub rank: TitleRank,
}

/// The knowledge base: entries, titles, taxonomy and their matchers.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    /// Every entry; indices are stable within a run.
    pub entries: Vec<KbEntry>,
    /// Every title.
    pub titles: Vec<Title>,
    /// The theme taxonomy.
    pub taxonomy: Taxonomy,
    names: AhoCorasick,
    name_targets: Vec<NameTarget>,
    title_matcher: AhoCorasick,
    title_targets: Vec<usize>,
    by_name: HashMap<String, usize>,
}

pub(crate) const COUNTRIES: &str = include_str!("../../data/countries.tsv");
pub(crate) const PLACES: &str = include_str!("../../data/places.tsv");
pub(crate) const ORGANIZATIONS: &str = include_str!("../../data/organizations.tsv");
pub(crate) const EVENTS: &str = include_str!("../../data/events.tsv");
pub(crate) const TITLES: &str = include_str!("../../data/titles.tsv");

/// Non-comment lines split on tabs, with 1-based line numbers.
fn rows<'a>(data: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn alternatives(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

impl KnowledgeBase {
    /// Loads the built-in data files and taxonomy.
    ///
    /// ```
    /// let kb = newsgraph::kb::KnowledgeBase::builtin().unwrap();
    /// let baku = kb.lookup("Baku").unwrap();
    /// assert_eq!(kb.entries[baku].key, "place/baku");
    /// let az = kb.entries[baku].within.unwrap();
    /// assert_eq!(kb.entries[az].label, "Azerbaijan");
    /// ```
    pub fn builtin() -> Result<KnowledgeBase> {
        KnowledgeBase::with_taxonomy(Taxonomy::builtin()?)
    }

    /// Loads the built-in data files with another taxonomy.
    pub fn with_taxonomy(taxonomy: Taxonomy) -> Result<KnowledgeBase> {
        let mut b = Builder::default();
        let mut capitals = Vec::new();
        for (line, f) in rows(COUNTRIES) {
            let [name, others, demonyms, capital] = f[..] else {
                return Err(data_err("data/countries.tsv", line, "expected 4 tab-separated columns"));
            };
            let i = b.entry(
                EntityType::Country,
                "country",
                name,
                alternatives(others),
                None,
                ("data/countries.tsv", line),
            )?;
            for d in alternatives(demonyms) {
                b.patterns.push((d.to_owned(), NameTarget::Demonym(i)));
            }
            capitals.push((capital.to_owned(), i, line));
        }
        // Places before capitals: a place row may give a capital its full name and other names
        // (`Washington, D.C.`), and the capital column then adds nothing.
        for (line, f) in rows(PLACES) {
            let [name, kind, within, others] = f[..] else {
                return Err(data_err("data/places.tsv", line, "expected 4 tab-separated columns"));
            };
            let within = b.resolve_within(within, "data/places.tsv", line)?;
            b.entry(EntityType::Place, kind, name, alternatives(others), within, ("data/places.tsv", line))?;
        }
        for (capital, country, line) in capitals {
            if !capital.is_empty() && !b.by_name.contains_key(&capital) {
                b.entry(
                    EntityType::Place,
                    "city",
                    &capital,
                    std::iter::empty(),
                    Some(country),
                    ("data/countries.tsv", line),
                )?;
            }
        }
        for (line, f) in rows(ORGANIZATIONS) {
            let [name, kind, country, others] = f[..] else {
                return Err(data_err("data/organizations.tsv", line, "expected 4 tab-separated columns"));
            };
            let within = b.resolve_within(country, "data/organizations.tsv", line)?;
            b.entry(
                EntityType::Organization,
                kind,
                name,
                alternatives(others),
                within,
                ("data/organizations.tsv", line),
            )?;
        }
        for (line, f) in rows(EVENTS) {
            let [name, others] = f[..] else {
                return Err(data_err("data/events.tsv", line, "expected 2 tab-separated columns"));
            };
            b.entry(EntityType::Event, "event", name, alternatives(others), None, ("data/events.tsv", line))?;
        }
        let mut titles = Vec::new();
        let mut title_patterns = Vec::new();
        let mut title_targets = Vec::new();
        for (line, f) in rows(TITLES) {
            let [canonical, rank, others] = f[..] else {
                return Err(data_err("data/titles.tsv", line, "expected 3 tab-separated columns"));
            };
            let rank = match rank {
                "office" => TitleRank::Office,
                "role" => TitleRank::Role,
                "honorific" => TitleRank::Honorific,
                "occupation" => TitleRank::Occupation,
                other => return Err(data_err("data/titles.tsv", line, &format!("unknown rank {other:?}"))),
            };
            for form in std::iter::once(canonical).chain(alternatives(others)) {
                title_patterns.push(form.to_owned());
                title_targets.push(titles.len());
            }
            titles.push(Title { canonical: canonical.to_owned(), rank });
        }
        let build = |patterns: &[String], insensitive: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(insensitive)
                // A DFA: a few hundred KB for our lists, and the fastest search (every sentence
                // of every article goes through both automata).
                .kind(Some(AhoCorasickKind::DFA))
                .build(patterns)
                .map_err(|e| data_err("data", 0, &e.to_string()))
        };
        let (names, name_targets): (Vec<String>, Vec<NameTarget>) = b.patterns.into_iter().unzip();
        Ok(KnowledgeBase {
            names: build(&names, false)?,
            name_targets,
            title_matcher: build(&title_patterns, true)?,
            title_targets,
            entries: b.entries,
            titles,
            taxonomy,
            by_name: b.by_name,
        })
    }

    /// The entry with this exact name, if any.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// Known names in `text` (case-sensitive, longest first), as byte spans relative to `text`.
    pub fn find_names<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (Span, NameTarget)> + 't {
        self.names.find_iter(text).map(|m| (Span::new(m.start(), m.end()), self.name_targets[m.pattern().as_usize()]))
    }

    /// Titles in `text` (ASCII case-insensitive, longest first): (span, index into `titles`).
    pub fn find_titles<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (Span, usize)> + 't {
        self.title_matcher
            .find_iter(text)
            .map(|m| (Span::new(m.start(), m.end()), self.title_targets[m.pattern().as_usize()]))
    }

    /// The country an entry belongs to: itself for a country, else up its `within` chain.
    pub fn country_of(&self, mut i: usize) -> Option<usize> {
        for _ in 0..8 {
            if self.entries[i].etype == EntityType::Country {
                return Some(i);
            }
            i = self.entries[i].within?;
        }
        None
    }
}

fn data_err(source: &str, line: usize, message: &str) -> Error {
    Error::Data { source_name: source.into(), line, message: message.into() }
}

#[derive(Default)]
struct Builder {
    entries: Vec<KbEntry>,
    patterns: Vec<(String, NameTarget)>,
    by_name: HashMap<String, usize>,
}

impl Builder {
    fn entry<'a>(
        &mut self,
        etype: EntityType,
        kind: &str,
        label: &'a str,
        others: impl Iterator<Item = &'a str>,
        within: Option<usize>,
        (source, line): (&str, usize),
    ) -> Result<usize> {
        if label.is_empty() {
            return Err(data_err(source, line, "empty name"));
        }
        let i = self.entries.len();
        let key = format!("{}/{}", etype.id_prefix(), slug(label));
        if self.entries.iter().any(|e| e.key == key) {
            return Err(data_err(source, line, &format!("{label:?} gives the id {key}, which another entry has")));
        }
        let names: Vec<String> = std::iter::once(label).chain(others).map(str::to_owned).collect();
        for n in &names {
            if let Some(&j) = self.by_name.get(n) {
                return Err(data_err(
                    source,
                    line,
                    &format!("name {n:?} already belongs to {}", self.entries[j].label),
                ));
            }
            self.by_name.insert(n.clone(), i);
            self.patterns.push((n.clone(), NameTarget::Entry(i)));
        }
        self.entries.push(KbEntry { key, etype, kind: kind.to_owned(), label: label.to_owned(), names, within });
        Ok(i)
    }

    fn resolve_within(&self, name: &str, source: &str, line: usize) -> Result<Option<usize>> {
        if name.is_empty() {
            return Ok(None);
        }
        match self.by_name.get(name) {
            Some(&i) => Ok(Some(i)),
            None => Err(data_err(source, line, &format!("{name:?} is not a known country or region (list it first)"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let kb = KnowledgeBase::builtin().unwrap();
        let countries = kb.entries.iter().filter(|e| e.etype == EntityType::Country).count();
        assert_eq!(countries, 197);
        for e in &kb.entries {
            if e.kind == "city" {
                assert!(kb.country_of(kb.lookup(&e.label).unwrap()).is_some(), "{} has no country", e.label);
            }
        }
    }

    #[test]
    fn names_match_longest_first() {
        let kb = KnowledgeBase::builtin().unwrap();
        let text = "the U.S. State Department and Papua New Guinea, Azerbaijani officials in Munich";
        let got: Vec<(&str, String)> = kb
            .find_names(text)
            .map(|(s, t)| {
                let what = match t {
                    NameTarget::Entry(i) => kb.entries[i].key.clone(),
                    NameTarget::Demonym(i) => format!("demonym of {}", kb.entries[i].key),
                };
                (&text[s.start..s.end], what)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("U.S. State Department", "org/state-department".to_owned()),
                ("Papua New Guinea", "country/papua-new-guinea".to_owned()),
                ("Azerbaijani", "demonym of country/azerbaijan".to_owned()),
                ("Munich", "place/munich".to_owned()),
            ]
        );
    }

    #[test]
    fn ministries_belong_to_their_country() {
        let kb = KnowledgeBase::builtin().unwrap();
        let sd = kb.lookup("State Department").unwrap();
        assert_eq!(kb.entries[kb.country_of(sd).unwrap()].label, "United States");
    }
}
