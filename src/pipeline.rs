//! The pipeline, top to bottom: ingest → text → extract → resolve → relate → graph.

use crate::error::Result;
use crate::extract::extract_with;
use crate::graph::KnowledgeGraph;
use crate::kb::{KnowledgeBase, Taxonomy};
use crate::model::{Document, Mention};
use crate::ner::NerModel;
use crate::progress::{NoProgress, Progress, Stage};
use crate::relate::relate;
use crate::resolve::resolve;
use crate::syntax::Analyzer;
use crate::text::AnalyzedDoc;
use std::path::Path;

/// What a build needs besides the documents.
#[derive(Debug, Clone)]
pub struct Config {
    /// The knowledge base (and the theme taxonomy in it).
    pub kb: KnowledgeBase,
    /// Worker threads for the per-document stages (output does not depend on it).
    pub threads: usize,
    /// The statistical recognizer, or `None` for lists and rules alone.
    pub ner: Option<NerModel>,
    /// The tagger and parser, or `None` to build without dependency trees.
    pub syntax: Option<Analyzer>,
}

impl Config {
    /// The built-in knowledge base and taxonomy, one thread per core.
    pub fn builtin() -> Result<Config> {
        Ok(Config {
            kb: KnowledgeBase::builtin()?,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            ner: Some(NerModel::builtin()?),
            syntax: Some(Analyzer::builtin()?),
        })
    }

    /// Replaces the theme taxonomy with one read from a Turtle file.
    pub fn with_taxonomy_file(mut self, path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|e| crate::Error::io(path, e))?;
        let taxonomy = Taxonomy::from_turtle(&text, &path.display().to_string())?;
        self.kb = KnowledgeBase::with_taxonomy(taxonomy)?;
        Ok(self)
    }

    /// Keeps themes down to level `depth` of the taxonomy (1 = IPTC's 17 top-level topics),
    /// rolling deeper concepts up to their ancestor at that level.
    pub fn with_theme_depth(mut self, depth: usize) -> Config {
        self.kb.taxonomy.set_depth_limit(Some(depth));
        self
    }
}

/// Builds the knowledge graph of a set of documents.
///
/// ```
/// use newsgraph::{build, Config, model::Document};
/// let docs = vec![Document::from_text("a", "a", "date 2024-02-17 Secretary of State Antony J. Blinken and Azerbaijan’s President Ilham Aliyev met in Munich, Germany.")];
/// let g = build(docs, &Config::builtin().unwrap());
/// let meeting = g.entities().find(|e| e.etype == newsgraph::EntityType::Event).unwrap();
/// assert_eq!(meeting.attributes["date"].iter().next().unwrap(), "2024-02-17");
/// assert!(g.relations_from("person/ilham-aliyev").iter().any(|r| r.target.as_str() == "country/azerbaijan"));
/// ```
pub fn build(documents: Vec<Document>, config: &Config) -> KnowledgeGraph {
    build_with_progress(documents, config, &NoProgress)
}

/// [`build`], telling `progress` how far it is: [`Stage::Analyze`] counts the documents analysed,
/// then [`Stage::Relate`] is one step.
pub fn build_with_progress(documents: Vec<Document>, config: &Config, progress: &dyn Progress) -> KnowledgeGraph {
    let kb = &config.kb;
    progress.begin(Stage::Analyze, Some(documents.len() as u64));
    let mut analyzed: Vec<AnalyzedDoc> = documents.iter().map(AnalyzedDoc::new).collect();
    let mentions = extract_all(&mut analyzed, config, progress);
    progress.end(Stage::Analyze);
    progress.begin(Stage::Relate, None);
    let mut resolved = resolve(&analyzed, mentions, kb);
    let relations = relate(&analyzed, &mut resolved, kb);
    drop(analyzed);
    let graph = KnowledgeGraph::new(documents, resolved.entities.into_values(), relations);
    progress.end(Stage::Relate);
    graph
}

/// One document's analysis: its parse, then its mentions.
pub(crate) fn analyze_one(
    a: &mut AnalyzedDoc,
    kb: &KnowledgeBase,
    ner: Option<&NerModel>,
    syntax: Option<&Analyzer>,
) -> Vec<Mention> {
    if let Some(analyzer) = syntax {
        analyzer.annotate(a);
    }
    extract_with(a, kb, ner)
}

/// Parses every document and extracts its mentions, in parallel; results stay in document order.
fn extract_all(analyzed: &mut [AnalyzedDoc], config: &Config, progress: &dyn Progress) -> Vec<Vec<Mention>> {
    let (kb, ner, syntax) = (&config.kb, config.ner.as_ref(), config.syntax.as_ref());
    let one = move |a: &mut AnalyzedDoc| {
        let mentions = analyze_one(a, kb, ner, syntax);
        progress.advance(1);
        mentions
    };
    let threads = config.threads.clamp(1, analyzed.len().max(1));
    if threads == 1 {
        return analyzed.iter_mut().map(one).collect();
    }
    let chunk = analyzed.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = analyzed
            .chunks_mut(chunk)
            .map(|part| scope.spawn(move || part.iter_mut().map(one).collect::<Vec<_>>()))
            .collect();
        // A worker's panic is a bug: re-raise it rather than lose its documents silently.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator of hostile article text: names, titles, punctuation,
    /// quotes, pipes, hyphens, possessives and non-Latin script in random order.
    fn noise(seed: &mut u64, words: usize) -> String {
        const PIECES: &[&str] = &[
            "President",
            "Mr",
            "the",
            "of",
            "and",
            "Azerbaijan",
            "’s",
            "'s",
            "U.S.",
            "-",
            "–",
            "|",
            "(",
            ")",
            ",",
            ".",
            "\n",
            "\n\n",
            "#",
            "- ",
            "COP",
            "29",
            "COP29",
            "Secretary of State",
            "J.",
            "Blinken",
            "talks",
            "met",
            "in",
            "Munich",
            "said",
            "\"",
            "“",
            "Алиев",
            "for",
            "the Family",
            "Minister",
            "visit",
            "Apa.az",
            "2024-02-17",
            "date",
            "on Friday",
            "firm",
            "newspaper",
            "(TGWU)",
            "al",
            "Al-",
            "war",
            "summit",
            ":",
            "Labour",
            "MP",
            "former",
            "Shadow",
            "St",
            "James",
            "Palace",
            "Gen",
            "...",
            "…",
            "\t",
            "é",
            "🙂",
        ];
        let mut out = String::new();
        for _ in 0..words {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            out.push_str(PIECES[(*seed % PIECES.len() as u64) as usize]);
            if *seed % 3 != 0 {
                out.push(' ');
            }
        }
        out
    }

    #[test]
    fn hostile_text_never_panics_and_output_is_consistent() {
        let config = Config::builtin().unwrap();
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for round in 0..40 {
            let docs: Vec<Document> =
                (0..5).map(|i| Document::from_text(&format!("d{round}-{i}"), "noise", &noise(&mut seed, 80))).collect();
            let g = build(docs, &config);
            for r in g.relations() {
                assert!(g.entity(r.source.as_str()).is_some() && g.entity(r.target.as_str()).is_some());
            }
            for e in g.entities() {
                for m in &e.mentions {
                    assert!(m.span.start <= m.span.end);
                }
            }
        }
    }
}
