//! The page's data: every entity (with its mentions) and every relation (with its evidence
//! sentences), as JSON in a `<script type="application/json">` element that the page's script reads.

use crate::graph::KnowledgeGraph;
use crate::model::Evidence;
use crate::text::AnalyzedDoc;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

#[derive(Serialize)]
struct PageData<'a> {
    documents: Vec<DocRef<'a>>,
    entities: BTreeMap<&'a str, EntityData<'a>>,
    relations: Vec<RelationData<'a>>,
}

#[derive(Serialize)]
struct DocRef<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct EntityData<'a> {
    label: &'a str,
    #[serde(rename = "type")]
    etype: &'static str,
    aliases: &'a BTreeSet<String>,
    attributes: &'a BTreeMap<String, BTreeSet<String>>,
    /// `[document index, start, end, text]`: enough to name the mention and find its highlight.
    mentions: Vec<(usize, usize, usize, &'a str)>,
    pictured: bool,
}

#[derive(Serialize)]
struct RelationData<'a> {
    source: &'a str,
    #[serde(rename = "type")]
    rtype: &'static str,
    target: &'a str,
    confidence: f32,
    evidence: Vec<EvidenceData<'a>>,
}

/// A piece of evidence in its sentence: the quoted span between what comes before and after it.
#[derive(Serialize)]
struct EvidenceData<'a> {
    doc: usize,
    start: usize,
    end: usize,
    before: &'a str,
    quote: &'a str,
    after: &'a str,
}

/// Sentence spans of each document, as the pipeline split them (evidence names sentences by index).
pub struct Sentences(Vec<Vec<crate::model::Span>>);

impl Sentences {
    /// Splits every document of the graph.
    pub fn of(graph: &KnowledgeGraph) -> Sentences {
        Sentences(
            graph.documents().iter().map(|d| AnalyzedDoc::new(d).sentences.iter().map(|s| s.span).collect()).collect(),
        )
    }
}

/// Writes the page's data as JSON safe inside a `<script>` element. `pictured` holds the ids drawn.
pub fn write_data<W: Write>(
    graph: &KnowledgeGraph,
    sentences: &Sentences,
    pictured: &BTreeSet<&str>,
    w: W,
) -> io::Result<()> {
    let docs = graph.documents();
    let doc_index: BTreeMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let entities = graph
        .entities()
        .map(|e| {
            let mentions = e
                .mentions
                .iter()
                .filter_map(|m| Some((*doc_index.get(m.doc.as_str())?, m.span.start, m.span.end, m.text.as_str())))
                .collect();
            let data = EntityData {
                label: &e.label,
                etype: e.etype.as_str(),
                aliases: &e.aliases,
                attributes: &e.attributes,
                mentions,
                pictured: pictured.contains(e.id.as_str()),
            };
            (e.id.as_str(), data)
        })
        .collect();
    let relations = graph
        .relations()
        .map(|r| RelationData {
            source: r.source.as_str(),
            rtype: r.rtype.as_str(),
            target: r.target.as_str(),
            confidence: r.confidence,
            evidence: r.evidence.iter().filter_map(|ev| in_sentence(graph, sentences, &doc_index, ev)).collect(),
        })
        .collect();
    let data = PageData {
        documents: docs.iter().map(|d| DocRef { id: &d.id, title: &d.title }).collect(),
        entities,
        relations,
    };
    serde_json::to_writer(ScriptSafe(w), &data).map_err(io::Error::other)
}

/// The evidence's sentence cut around its span (the span alone when the sentence is not known).
fn in_sentence<'a>(
    graph: &'a KnowledgeGraph,
    sentences: &Sentences,
    doc_index: &BTreeMap<&str, usize>,
    ev: &'a Evidence,
) -> Option<EvidenceData<'a>> {
    let doc = *doc_index.get(ev.doc.as_str())?;
    let text = graph.documents()[doc].text.as_str();
    let sentence = sentences.0[doc].get(ev.sentence).filter(|s| s.contains(ev.span));
    let (before, after) = match sentence {
        Some(s) => (text.get(s.start..ev.span.start)?, text.get(ev.span.end..s.end)?),
        None => ("", ""),
    };
    let quote = text.get(ev.span.start..ev.span.end).unwrap_or(&ev.text);
    Some(EvidenceData { doc, start: ev.span.start, end: ev.span.end, before, quote, after })
}

/// Escapes `<`, `>` and `&` as JSON `\u` escapes, so no text can close the `<script>` element.
/// They only occur inside JSON strings, where the escapes mean the same characters.
struct ScriptSafe<W>(W);

impl<W: Write> Write for ScriptSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut from = 0;
        for (i, b) in buf.iter().enumerate() {
            let escaped: &[u8] = match b {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                _ => continue,
            };
            self.0.write_all(&buf[from..i])?;
            self.0.write_all(escaped)?;
            from = i + 1;
        }
        self.0.write_all(&buf[from..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_close_the_script() {
        let mut out = Vec::new();
        serde_json::to_writer(ScriptSafe(&mut out), &serde_json::json!({"a": "</script><!-- & -->"})).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["a"], "</script><!-- & -->");
    }
}
