//! The theme taxonomy: SKOS concepts read from Turtle, with the phrases that signal them.

use crate::error::{Error, Result};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use oxrdf::{NamedOrBlankNode, Term};
use oxttl::TurtleParser;
use std::collections::BTreeMap;

use super::triggers::{self, Evidence};

const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// One theme: a `skos:Concept`.
#[derive(Debug, Clone)]
pub struct Concept {
    /// The concept's IRI in the taxonomy file (an IPTC Media Topic's `http://cv.iptc.org/...`).
    pub iri: String,
    /// The theme's entity id after `theme/`, unique in the taxonomy (`human-rights`, `middle-corridor`).
    pub id: String,
    /// `skos:prefLabel`: the theme's name.
    pub label: String,
    /// `skos:altLabel`: synonyms.
    pub alt_labels: Vec<String>,
    /// `skos:hiddenLabel`: trigger phrases.
    pub hidden_labels: Vec<String>,
    /// `skos:definition`, if any.
    pub definition: Option<String>,
    /// `skos:broader`: the IRI of a wider concept, if any.
    pub broader: Option<String>,
    /// The index of the wider concept, when it is in this taxonomy.
    pub parent: Option<usize>,
    /// Level in the hierarchy: 1 for a top concept (IPTC's 17 topics), 2 below, and so on.
    pub depth: usize,
    /// The index of its top-level ancestor (itself for a top concept).
    pub top: usize,
}

/// The namespace of IPTC Media Topics.
pub const IPTC_MEDIA_TOPIC_NS: &str = "http://cv.iptc.org/newscodes/mediatopic/";

impl Concept {
    /// Whether it is an IPTC Media Topic.
    pub fn is_iptc(&self) -> bool {
        self.iri.starts_with(IPTC_MEDIA_TOPIC_NS)
    }
}

/// A set of concepts and a matcher for their trigger phrases (case-insensitive, longest first).
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// The concepts, in IRI order.
    pub concepts: Vec<Concept>,
    matcher: AhoCorasick,
    targets: Vec<(usize, Evidence)>,
    /// `--theme-depth`: phrases of deeper concepts signal their ancestor at this level.
    depth_limit: Option<usize>,
}

/// IPTC Media Topics (`data/iptc-mediatopics.ttl`, see `data/iptc-mediatopics.md`).
pub const IPTC_MEDIA_TOPICS: &str = include_str!("../../data/iptc-mediatopics.ttl");
/// Our finer themes beneath the IPTC topics (`data/themes.ttl`).
pub const BUILTIN_TAXONOMY: &str = include_str!("../../data/themes.ttl");
/// Trigger phrases added to the built-in concepts (`data/theme-phrases.tsv`).
pub const BUILTIN_PHRASES: &str = include_str!("../../data/theme-phrases.tsv");

/// A concept as read, before the hierarchy is resolved.
#[derive(Default)]
struct Raw {
    is_concept: bool,
    label: String,
    alt_labels: Vec<String>,
    hidden_labels: Vec<String>,
    definition: Option<String>,
    broader: Option<String>,
    exact_match: Vec<String>,
}

impl Taxonomy {
    /// Parses a taxonomy in Turtle; `source_name` names it in errors.
    ///
    /// ```
    /// use newsgraph::kb::Taxonomy;
    /// let ttl = r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    /// <https://ex.org/t/water> a skos:Concept ; skos:prefLabel "Water"@en ; skos:hiddenLabel "drought" ."#;
    /// let t = Taxonomy::from_turtle(ttl, "mine.ttl").unwrap();
    /// let found: Vec<&str> = t.find("Severe Droughts hit.").map(|(_, c, _)| t.concepts[c].label.as_str()).collect();
    /// assert_eq!(found, ["Water"]);
    /// ```
    pub fn from_turtle(turtle: &str, source_name: &str) -> Result<Taxonomy> {
        Taxonomy::from_sources(&[(turtle, source_name)], None)
    }

    /// Parses several Turtle sources as one taxonomy, plus a phrases file (`concept<TAB>once|twice|off<TAB>phrases`).
    ///
    /// A concept with `skos:exactMatch` to another concept of the taxonomy is that concept: its
    /// labels become the other's trigger phrases and links to it lead to the other (so our
    /// `Human rights` is IPTC's `human rights`, with IPTC's IRI).
    pub fn from_sources(sources: &[(&str, &str)], phrases: Option<(&str, &str)>) -> Result<Taxonomy> {
        let last_name = sources.last().map_or("taxonomy", |s| s.1);
        let err =
            |source: &str, line: usize, message: String| Error::Data { source_name: source.into(), line, message };
        let mut raw: BTreeMap<String, Raw> = BTreeMap::new();
        for (turtle, name) in sources {
            read_turtle(turtle, name, &mut raw)?;
        }
        raw.retain(|_, r| r.is_concept);
        let redirect = fold_exact_matches(&mut raw);
        let rows = match phrases {
            Some((text, name)) => triggers::parse_phrase_rows(text, name)?,
            None => Vec::new(),
        };
        if raw.is_empty() {
            return Err(err(last_name, 0, "no skos:Concept with a skos:prefLabel: not a theme taxonomy".into()));
        }
        let mut concepts = hierarchy(raw, &redirect);
        let by_iri: BTreeMap<String, usize> = concepts.iter().enumerate().map(|(i, c)| (c.iri.clone(), i)).collect();
        let mut extra: Vec<(usize, Option<Evidence>, String)> = Vec::new();
        for row in rows {
            let iri = redirect.get(&row.concept).unwrap_or(&row.concept);
            let Some(&i) = by_iri.get(iri) else {
                let name = phrases.map_or("phrases", |p| p.1);
                return Err(err(name, row.line, format!("no concept <{}> in the taxonomy", row.concept)));
            };
            extra.extend(row.phrases.into_iter().map(|p| (i, row.evidence, p)));
        }
        for c in &concepts {
            if c.label.trim().is_empty() {
                return Err(err(last_name, 0, format!("concept <{}> has no skos:prefLabel", c.iri)));
            }
        }
        assign_ids(&mut concepts);
        let phrases_name = phrases.map_or(last_name, |p| p.1);
        let (patterns, targets) = trigger_patterns(&concepts, &extra)
            .map_err(|(listed, m)| err(if listed { phrases_name } else { last_name }, 0, m))?;
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| err(last_name, 0, e.to_string()))?;
        Ok(Taxonomy { concepts, matcher, targets, depth_limit: None })
    }

    /// The built-in taxonomy: IPTC Media Topics with our finer themes and trigger phrases.
    pub fn builtin() -> Result<Taxonomy> {
        Taxonomy::from_sources(
            &[(IPTC_MEDIA_TOPICS, "data/iptc-mediatopics.ttl"), (BUILTIN_TAXONOMY, "data/themes.ttl")],
            Some((BUILTIN_PHRASES, "data/theme-phrases.tsv")),
        )
    }

    /// Trigger phrases in `text` on word boundaries: (byte span, concept index, evidence needed).
    pub fn find<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (crate::model::Span, usize, Evidence)> + 't {
        self.matcher.find_iter(text).filter_map(move |m| {
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let (concept, evidence) = self.targets[m.pattern().as_usize()];
            let concept = self.depth_limit.map_or(concept, |d| self.at_depth(concept, d));
            (!word(before) && !word(after)).then(|| (crate::model::Span::new(m.start(), m.end()), concept, evidence))
        })
    }

    /// The concept with this IRI.
    pub fn by_iri(&self, iri: &str) -> Option<usize> {
        self.concepts.iter().position(|c| c.iri == iri)
    }

    /// Keeps concepts down to level `depth` (1 = IPTC's 17 top-level topics): [`Taxonomy::find`]
    /// then reports a deeper concept's phrases as its ancestor at that level.
    pub fn set_depth_limit(&mut self, depth: Option<usize>) {
        self.depth_limit = depth;
    }

    /// The concept itself, or its ancestor at level `depth` when it lies deeper.
    pub fn at_depth(&self, mut concept: usize, depth: usize) -> usize {
        while self.concepts[concept].depth > depth.max(1) {
            match self.concepts[concept].parent {
                Some(p) => concept = p,
                None => break,
            }
        }
        concept
    }
}

/// Adds the concepts of one Turtle source to `raw`.
fn read_turtle(turtle: &str, source_name: &str, raw: &mut BTreeMap<String, Raw>) -> Result<()> {
    let skos = |local: &str| format!("{SKOS}{local}");
    let (concept, broader, pref, alt, hidden, definition, exact) = (
        skos("Concept"),
        skos("broader"),
        skos("prefLabel"),
        skos("altLabel"),
        skos("hiddenLabel"),
        skos("definition"),
        skos("exactMatch"),
    );
    for triple in TurtleParser::new().for_slice(turtle.as_bytes()) {
        let triple = triple.map_err(|e| Error::Data {
            source_name: source_name.into(),
            line: e.location().start.line as usize + 1,
            message: e.message().to_owned(),
        })?;
        let NamedOrBlankNode::NamedNode(s) = &triple.subject else {
            continue;
        };
        let p = triple.predicate.as_str();
        let r = raw.entry(s.as_str().to_owned()).or_default();
        match &triple.object {
            Term::NamedNode(o) if p == RDF_TYPE && o.as_str() == concept => r.is_concept = true,
            Term::NamedNode(o) if p == broader => r.broader = Some(o.as_str().to_owned()),
            Term::NamedNode(o) if p == exact => r.exact_match.push(o.as_str().to_owned()),
            Term::Literal(l) if english(l.language()) => {
                let v = l.value().to_owned();
                match p {
                    _ if p == pref => r.label = v,
                    _ if p == alt => r.alt_labels.push(v),
                    _ if p == hidden => r.hidden_labels.push(v),
                    _ if p == definition => r.definition = Some(v),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// English or untagged: the labels newsgraph matches.
fn english(language: Option<&str>) -> bool {
    language.is_none_or(|l| l == "en" || l.starts_with("en-"))
}

/// Merges each concept with a `skos:exactMatch` in the taxonomy into that concept; returns the
/// IRIs merged away, mapped to the IRI that now stands for them.
fn fold_exact_matches(raw: &mut BTreeMap<String, Raw>) -> BTreeMap<String, String> {
    let mut redirect = BTreeMap::new();
    let folding: Vec<(String, String)> = raw
        .iter()
        .filter_map(|(iri, r)| {
            let target =
                r.exact_match.iter().find(|t| *t != iri && raw.get(*t).is_some_and(|t| t.exact_match.is_empty()));
            target.map(|t| (iri.clone(), t.clone()))
        })
        .collect();
    for (from, to) in folding {
        if let Some(r) = raw.remove(&from) {
            let target = raw.entry(to.clone()).or_default();
            target.hidden_labels.extend(std::iter::once(r.label).chain(r.alt_labels).chain(r.hidden_labels));
            redirect.insert(from, to);
        }
    }
    for r in raw.values_mut() {
        if let Some(b) = r.broader.as_mut().and_then(|b| redirect.get(b.as_str())) {
            r.broader = Some(b.clone());
        }
    }
    redirect
}

/// The concepts with their parent, level and top-level ancestor.
fn hierarchy(raw: BTreeMap<String, Raw>, redirect: &BTreeMap<String, String>) -> Vec<Concept> {
    let index: BTreeMap<&str, usize> = raw.keys().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    let parents: Vec<Option<usize>> = raw
        .values()
        .map(|r| {
            r.broader.as_deref().map(|b| redirect.get(b).map_or(b, String::as_str)).and_then(|b| index.get(b).copied())
        })
        .collect();
    // Up the broader chain; a cycle (bad data) stops after as many steps as there are concepts.
    let climb = |mut i: usize| {
        let mut depth = 1;
        while let Some(p) = parents[i].filter(|_| depth <= parents.len()) {
            i = p;
            depth += 1;
        }
        (depth, i)
    };
    raw.into_iter()
        .enumerate()
        .map(|(i, (iri, r))| {
            let (depth, top) = climb(i);
            Concept {
                iri,
                id: String::new(),
                label: r.label,
                alt_labels: r.alt_labels,
                hidden_labels: r.hidden_labels,
                definition: r.definition,
                broader: r.broader,
                parent: parents[i],
                depth,
                top,
            }
        })
        .collect()
}

/// Entity ids: the slug of the IRI's last segment (`theme/middle-corridor`, a user's
/// `theme/water`); for a code (IPTC's `20000592`) the label's slug (`theme/human-rights`), with the
/// code added when two labels give one slug.
fn assign_ids(concepts: &mut [Concept]) {
    let last = |iri: &str| iri.rsplit(['/', '#']).find(|p| !p.is_empty()).unwrap_or(iri).to_owned();
    let readable = |c: &Concept| {
        let l = last(&c.iri);
        if l.chars().all(|ch| ch.is_ascii_digit()) {
            super::slug(&c.label)
        } else {
            super::slug(&l)
        }
    };
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for c in concepts.iter() {
        *count.entry(readable(c)).or_default() += 1;
    }
    for c in concepts.iter_mut() {
        let id = readable(c);
        c.id = if count[&id] > 1 { format!("{id}-{}", super::slug(&last(&c.iri))) } else { id };
    }
}

/// Lowercase patterns and what each signals: (concept index, evidence needed).
type Patterns = (Vec<String>, Vec<(usize, Evidence)>);

/// The matcher's patterns (lowercase) and what each signals. Labels and listed phrases are
/// explicit: one given to two concepts is an error. Forms derived from them (the other number,
/// a label without its qualifier) give way to explicit ones and are dropped when two concepts
/// derive the same form. An error says whether a row of the phrases file caused it.
fn trigger_patterns(
    concepts: &[Concept],
    extra: &[(usize, Option<Evidence>, String)],
) -> std::result::Result<Patterns, (bool, String)> {
    let mut explicit: BTreeMap<String, (usize, Option<Evidence>)> = BTreeMap::new();
    let mut add = |key: String, concept: usize, evidence: Option<Evidence>, listed: bool| match explicit.get(&key) {
        Some(&(j, _)) if j != concept => Err((
            listed,
            format!("label {key:?} is given to both <{}> and <{}>", concepts[j].iri, concepts[concept].iri),
        )),
        // A row of the phrases file overrides the label's default evidence (or turns it off).
        Some(_) if !listed => Ok(()),
        _ => {
            explicit.insert(key, (concept, evidence));
            Ok(())
        }
    };
    for (i, c) in concepts.iter().enumerate() {
        for label in std::iter::once(&c.label).chain(&c.alt_labels).chain(&c.hidden_labels) {
            let key = label.trim().to_lowercase();
            if !key.is_empty() {
                add(key.clone(), i, Some(Evidence::of_phrase(&key)), false)?;
            }
        }
    }
    for (i, evidence, phrase) in extra {
        let key = phrase.trim().to_lowercase();
        add(key, *i, *evidence, true)?;
    }
    let mut derived: BTreeMap<String, Option<(usize, Evidence)>> = BTreeMap::new();
    for (key, &(concept, evidence)) in &explicit {
        let Some(evidence) = evidence else { continue };
        let bare = triggers::without_qualifier(key).to_owned();
        let qualified = bare != *key;
        for form in triggers::inflections(&bare).into_iter().chain(qualified.then_some(bare)) {
            if explicit.contains_key(&form) {
                continue;
            }
            // A form stripped of its qualifier is as generic as a single word can be.
            let evidence = if qualified { Evidence::Twice.max(evidence) } else { evidence };
            let slot = derived.entry(form).or_insert(Some((concept, evidence)));
            if slot.is_some_and(|(c, _)| c != concept) {
                *slot = None;
            }
        }
    }
    let all = explicit
        .into_iter()
        .filter_map(|(k, (c, e))| e.map(|e| (k, (c, e))))
        .chain(derived.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
    Ok(all.unzip())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_and_matches_longest_phrase() {
        let t = Taxonomy::builtin().unwrap();
        let text = "They discussed the proliferation of illicit arms, a peace agreement and COUNTERTERRORISM efforts.";
        let got: Vec<(&str, &str)> =
            t.find(text).map(|(s, c, _)| (&text[s.start..s.end], t.concepts[c].label.as_str())).collect();
        assert_eq!(
            got,
            [
                ("proliferation of illicit arms", "Arms control"),
                ("peace agreement", "Peace agreement"),
                ("COUNTERTERRORISM efforts", "terrorism")
            ]
        );
    }

    #[test]
    fn no_match_inside_words() {
        let t = Taxonomy::builtin().unwrap();
        assert_eq!(t.find("warfare and peacetime").count(), 0);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = Taxonomy::from_turtle("@prefix x: <http://x/> .\nx:a x:b .\n", "mine.ttl").unwrap_err();
        assert!(e.to_string().starts_with("mine.ttl:"), "{e}");
        let dup = r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <http://x/a> a skos:Concept ; skos:prefLabel "A" ; skos:altLabel "same" .
            <http://x/b> a skos:Concept ; skos:prefLabel "B" ; skos:altLabel "Same" ."#;
        assert!(Taxonomy::from_turtle(dup, "d.ttl").unwrap_err().to_string().contains("\"same\" is given to both"));
        let nolabel = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> . <http://x/a> a skos:Concept .";
        assert!(Taxonomy::from_turtle(nolabel, "n.ttl").unwrap_err().to_string().contains("no skos:prefLabel"));
    }

    #[test]
    fn builtin_is_iptc_with_our_finer_themes_beneath() {
        let t = Taxonomy::builtin().unwrap();
        let iptc = t.concepts.iter().filter(|c| c.is_iptc()).count();
        // data/iptc-mediatopics.md: 1,099 concepts in use, each with an English label.
        assert_eq!(iptc, 1099);
        assert_eq!(t.concepts.iter().filter(|c| c.is_iptc() && c.depth == 1).count(), 17);
        // Ours with skos:exactMatch are folded into the IPTC concept: IPTC's IRI, our phrases.
        let hr = t.by_iri("http://cv.iptc.org/newscodes/mediatopic/20000592").unwrap();
        assert_eq!(t.concepts[hr].label, "human rights");
        assert!(t.by_iri("https://newsgraph.dev/theme/human-rights").is_none());
        let found: Vec<usize> = t.find("press freedom").map(|(_, c, _)| c).collect();
        assert_eq!(found, [hr]);
        // Ours without an IPTC twin sit beneath the topic they refine.
        let mc = t.by_iri("https://newsgraph.dev/theme/middle-corridor").unwrap();
        let chain: Vec<&str> =
            std::iter::successors(Some(mc), |&c| t.concepts[c].parent).map(|c| t.concepts[c].label.as_str()).collect();
        assert_eq!(
            chain,
            ["Middle Corridor", "Connectivity", "transport", "products and services", "economy, business and finance"]
        );
        assert_eq!(t.concepts[mc].depth, 5);
        assert_eq!(t.concepts[t.at_depth(mc, 2)].label, "products and services");
        assert_eq!(t.at_depth(mc, 9), mc);
    }

    #[test]
    fn depth_limit_rolls_phrases_up() {
        let mut t = Taxonomy::builtin().unwrap();
        t.set_depth_limit(Some(1));
        let found: Vec<&str> = t.find("the peace agreement").map(|(_, c, _)| t.concepts[c].label.as_str()).collect();
        assert_eq!(found, ["conflict, war and peace"]);
    }

    #[test]
    fn a_user_taxonomy_keeps_its_iris_and_hierarchy() {
        let ttl = r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <https://ex.org/t/water> a skos:Concept ; skos:prefLabel "Water"@en ; skos:prefLabel "Eau"@fr .
            <https://ex.org/t/drought> a skos:Concept ; skos:prefLabel "Drought"@en ; skos:broader <https://ex.org/t/water> ."#;
        let t = Taxonomy::from_turtle(ttl, "mine.ttl").unwrap();
        let d = t.by_iri("https://ex.org/t/drought").unwrap();
        assert_eq!((t.concepts[d].id.as_str(), t.concepts[d].depth), ("drought", 2));
        assert_eq!(t.concepts[t.concepts[d].top].label, "Water");
        // A single word needs a second mention; the plural is found too.
        let found: Vec<(usize, Evidence)> = t.find("droughts").map(|(_, c, e)| (c, e)).collect();
        assert_eq!(found, [(d, Evidence::Twice)]);
    }

    #[test]
    fn phrases_for_unknown_concepts_are_errors() {
        let ttl = r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> . <https://newsgraph.dev/theme/a> a skos:Concept ; skos:prefLabel "A" ."#;
        let e = Taxonomy::from_sources(&[(ttl, "a.ttl")], Some(("theme:b\tonce\tb\n", "p.tsv"))).unwrap_err();
        assert_eq!(e.to_string(), "p.tsv:1: no concept <https://newsgraph.dev/theme/b> in the taxonomy");
        let t = Taxonomy::from_sources(&[(ttl, "a.ttl")], Some(("theme:a\toff\ta\n", "p.tsv"))).unwrap();
        assert_eq!(t.find("a").count(), 0, "an `off` label is no trigger");
    }
}
