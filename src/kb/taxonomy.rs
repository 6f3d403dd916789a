//! The theme taxonomy: SKOS concepts read from Turtle, with the phrases that signal them.

use crate::error::{Error, Result};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use oxrdf::{NamedNode, NamedOrBlankNode, Term};
use oxttl::TurtleParser;
use std::collections::BTreeMap;

const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// One theme: a `skos:Concept`.
#[derive(Debug, Clone)]
pub struct Concept {
    /// The concept's IRI in the taxonomy file.
    pub iri: String,
    /// Slug of the IRI's last segment, used in the theme's entity id (`theme/peace-agreement`).
    pub id: String,
    /// `skos:prefLabel`: the theme's name.
    pub label: String,
    /// `skos:altLabel`: synonyms.
    pub alt_labels: Vec<String>,
    /// `skos:hiddenLabel`: trigger phrases.
    pub hidden_labels: Vec<String>,
    /// `skos:broader`: the IRI of a wider concept, if any.
    pub broader: Option<String>,
}

/// A set of concepts and a matcher for their labels (case-insensitive, longest match first).
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// The concepts, in IRI order.
    pub concepts: Vec<Concept>,
    matcher: AhoCorasick,
    targets: Vec<usize>,
}

/// The taxonomy shipped with newsgraph (`data/themes.ttl`).
pub const BUILTIN_TAXONOMY: &str = include_str!("../../data/themes.ttl");

impl Taxonomy {
    /// Parses a taxonomy in Turtle; `source_name` names it in errors.
    ///
    /// ```
    /// use newsgraph::kb::Taxonomy;
    /// let ttl = r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    /// <https://ex.org/t/water> a skos:Concept ; skos:prefLabel "Water"@en ; skos:hiddenLabel "drought" ."#;
    /// let t = Taxonomy::from_turtle(ttl, "mine.ttl").unwrap();
    /// let found: Vec<&str> = t.find("A severe Drought hit.").map(|(_, c)| t.concepts[c].label.as_str()).collect();
    /// assert_eq!(found, ["Water"]);
    /// ```
    pub fn from_turtle(turtle: &str, source_name: &str) -> Result<Taxonomy> {
        let err = |line: usize, message: String| Error::Data { source_name: source_name.into(), line, message };
        let mut concepts: BTreeMap<String, Concept> = BTreeMap::new();
        let mut is_concept = std::collections::BTreeSet::new();
        for triple in TurtleParser::new().for_slice(turtle.as_bytes()) {
            let triple = triple.map_err(|e| {
                let line = e.location().start.line as usize + 1;
                err(line, e.message().to_owned())
            })?;
            let NamedOrBlankNode::NamedNode(s) = &triple.subject else {
                continue;
            };
            let p = triple.predicate.as_str();
            let entry = || Concept {
                iri: s.as_str().to_owned(),
                id: slug_of_iri(s),
                label: String::new(),
                alt_labels: Vec::new(),
                hidden_labels: Vec::new(),
                broader: None,
            };
            let literal = match &triple.object {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            };
            match (p, &triple.object) {
                (RDF_TYPE, Term::NamedNode(o)) if o.as_str() == format!("{SKOS}Concept") => {
                    is_concept.insert(s.as_str().to_owned());
                    concepts.entry(s.as_str().to_owned()).or_insert_with(entry);
                }
                (_, Term::NamedNode(o)) if p == format!("{SKOS}broader") => {
                    concepts.entry(s.as_str().to_owned()).or_insert_with(entry).broader = Some(o.as_str().to_owned());
                }
                _ if p == format!("{SKOS}prefLabel") => {
                    if let Some(l) = literal {
                        concepts.entry(s.as_str().to_owned()).or_insert_with(entry).label = l;
                    }
                }
                _ if p == format!("{SKOS}altLabel") => {
                    concepts.entry(s.as_str().to_owned()).or_insert_with(entry).alt_labels.extend(literal);
                }
                _ if p == format!("{SKOS}hiddenLabel") => {
                    concepts.entry(s.as_str().to_owned()).or_insert_with(entry).hidden_labels.extend(literal);
                }
                _ => {}
            }
        }
        concepts.retain(|iri, _| is_concept.contains(iri));
        let concepts: Vec<Concept> = concepts.into_values().collect();
        if concepts.is_empty() {
            return Err(err(0, "no skos:Concept with a skos:prefLabel: not a theme taxonomy".into()));
        }
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (i, c) in concepts.iter().enumerate() {
            if c.label.trim().is_empty() {
                return Err(err(0, format!("concept <{}> has no skos:prefLabel", c.iri)));
            }
            for label in std::iter::once(&c.label).chain(&c.alt_labels).chain(&c.hidden_labels) {
                let key = label.trim().to_lowercase();
                if key.is_empty() {
                    continue;
                }
                match seen.get(&key) {
                    Some(&j) if j != i => {
                        return Err(err(
                            0,
                            format!("label {label:?} is given to both <{}> and <{}>", concepts[j].iri, c.iri),
                        ));
                    }
                    Some(_) => continue,
                    None => {
                        seen.insert(key.clone(), i);
                        patterns.push(key);
                        targets.push(i);
                    }
                }
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| err(0, e.to_string()))?;
        Ok(Taxonomy { concepts, matcher, targets })
    }

    /// The built-in taxonomy.
    pub fn builtin() -> Result<Taxonomy> {
        Taxonomy::from_turtle(BUILTIN_TAXONOMY, "data/themes.ttl")
    }

    /// Label matches in `text` on word boundaries: (byte span, concept index).
    pub fn find<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (crate::model::Span, usize)> + 't {
        self.matcher.find_iter(text).filter_map(move |m| {
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            (!word(before) && !word(after))
                .then(|| (crate::model::Span::new(m.start(), m.end()), self.targets[m.pattern().as_usize()]))
        })
    }

    /// The concept with this IRI.
    pub fn by_iri(&self, iri: &str) -> Option<usize> {
        self.concepts.iter().position(|c| c.iri == iri)
    }
}

fn slug_of_iri(iri: &NamedNode) -> String {
    let s = iri.as_str();
    let last = s.rsplit(['/', '#']).find(|p| !p.is_empty()).unwrap_or(s);
    super::slug(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_and_matches_longest_phrase() {
        let t = Taxonomy::builtin().unwrap();
        let text = "They discussed the proliferation of illicit arms, a peace agreement and COUNTERTERRORISM efforts.";
        let got: Vec<(&str, &str)> =
            t.find(text).map(|(s, c)| (&text[s.start..s.end], t.concepts[c].label.as_str())).collect();
        assert_eq!(
            got,
            [
                ("proliferation of illicit arms", "Arms control"),
                ("peace agreement", "Peace agreement"),
                ("COUNTERTERRORISM efforts", "Counterterrorism")
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
        assert!(Taxonomy::from_turtle(dup, "d.ttl").unwrap_err().to_string().contains("\"Same\" is given to both"));
        let nolabel = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> . <http://x/a> a skos:Concept .";
        assert!(Taxonomy::from_turtle(nolabel, "n.ttl").unwrap_err().to_string().contains("no skos:prefLabel"));
    }
}
