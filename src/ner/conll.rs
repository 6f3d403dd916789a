//! CoNLL-2003 files (IOB2 tags) and conlleval-style scoring (exact span and type match).

use super::tags::{spans_of, NerSpan, NerType, Tag};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// A sentence with its gold names.
#[derive(Debug, Clone)]
pub struct ConllSentence {
    /// The tokens.
    pub words: Vec<String>,
    /// Gold names.
    pub gold: Vec<NerSpan>,
}

/// A document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default)]
pub struct ConllDoc {
    /// Its sentences.
    pub sentences: Vec<ConllSentence>,
}

/// Reads a CoNLL-2003 file: `word POS chunk NER` a line, blank lines between sentences,
/// `-DOCSTART-` between documents. NER tags may be IOB1 or IOB2.
pub fn read_conll(path: &Path) -> Result<Vec<ConllDoc>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_conll(&text, &path.display().to_string())
}

/// Parses CoNLL-2003 text; `name` labels errors.
pub fn parse_conll(text: &str, name: &str) -> Result<Vec<ConllDoc>> {
    let mut docs = vec![ConllDoc::default()];
    let mut words: Vec<String> = Vec::new();
    let mut labels: Vec<Option<(bool, NerType)>> = Vec::new();
    let flush = |docs: &mut Vec<ConllDoc>, words: &mut Vec<String>, labels: &mut Vec<Option<(bool, NerType)>>| {
        if !words.is_empty() {
            let gold = iob_spans(labels);
            if let Some(d) = docs.last_mut() {
                d.sentences.push(ConllSentence { words: std::mem::take(words), gold });
            }
            labels.clear();
        }
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut words, &mut labels);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut words, &mut labels);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(ConllDoc::default());
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        let (Some(word), Some(tag)) = (cols.first(), cols.last()) else {
            continue;
        };
        if cols.len() < 2 {
            return Err(Error::Data {
                source_name: name.into(),
                line: i + 1,
                message: "expected `word ... TAG`".into(),
            });
        }
        let label = if *tag == "O" {
            None
        } else {
            let (prefix, ty) = tag.split_once('-').ok_or_else(|| Error::Data {
                source_name: name.into(),
                line: i + 1,
                message: format!("bad tag {tag:?}"),
            })?;
            let ty = NerType::parse(ty).ok_or_else(|| Error::Data {
                source_name: name.into(),
                line: i + 1,
                message: format!("unknown type in {tag:?}"),
            })?;
            Some((prefix == "B", ty))
        };
        words.push((*word).to_owned());
        labels.push(label);
    }
    flush(&mut docs, &mut words, &mut labels);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Spans of IOB labels: `B` or a change of type starts a name.
fn iob_spans(labels: &[Option<(bool, NerType)>]) -> Vec<NerSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerType)> = None;
    for (i, l) in labels.iter().enumerate() {
        match l {
            None => {
                if let Some((s, ty)) = open.take() {
                    out.push(NerSpan { start: s, end: i, ty });
                }
            }
            Some((begin, ty)) => {
                if *begin || open.is_none_or(|(_, oty)| oty != *ty) {
                    if let Some((s, oty)) = open.take() {
                        out.push(NerSpan { start: s, end: i, ty: oty });
                    }
                    open = Some((i, *ty));
                }
            }
        }
    }
    if let Some((s, ty)) = open {
        out.push(NerSpan { start: s, end: labels.len(), ty });
    }
    out
}

/// Precision, recall and F1 of names, overall and per type, counted as conlleval does.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// (true positives, found, gold) per type.
    pub by_type: BTreeMap<NerType, (usize, usize, usize)>,
}

impl Scores {
    /// Adds a sentence's predicted and gold names.
    pub fn add(&mut self, predicted: &[NerSpan], gold: &[NerSpan]) {
        for p in predicted {
            let e = self.by_type.entry(p.ty).or_default();
            e.1 += 1;
            if gold.contains(p) {
                e.0 += 1;
            }
        }
        for g in gold {
            self.by_type.entry(g.ty).or_default().2 += 1;
        }
    }

    /// Adds a sentence's predicted tags.
    pub fn add_tags(&mut self, predicted: &[Tag], gold: &[NerSpan]) {
        self.add(&spans_of(predicted), gold);
    }

    fn prf(tp: usize, found: usize, gold: usize) -> (f64, f64, f64) {
        let p = if found > 0 { tp as f64 / found as f64 } else { 0.0 };
        let r = if gold > 0 { tp as f64 / gold as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }

    /// Overall (precision, recall, F1).
    pub fn overall(&self) -> (f64, f64, f64) {
        let (tp, found, gold) = self.by_type.values().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        Scores::prf(tp, found, gold)
    }

    /// (precision, recall, F1) of one type.
    pub fn of(&self, ty: NerType) -> (f64, f64, f64) {
        let (tp, found, gold) = self.by_type.get(&ty).copied().unwrap_or_default();
        Scores::prf(tp, found, gold)
    }

    /// A conlleval-like table.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let (p, r, f) = self.overall();
        let (tp, found, gold) = self.by_type.values().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        s.push_str(&format!(
            "overall  precision {:6.2}%  recall {:6.2}%  F1 {:6.2}   (correct {tp}, found {found}, gold {gold})\n",
            p * 100.0,
            r * 100.0,
            f * 100.0
        ));
        for ty in NerType::ALL {
            let (p, r, f) = self.of(ty);
            let (tp, found, gold) = self.by_type.get(&ty).copied().unwrap_or_default();
            s.push_str(&format!(
                "{:7}  precision {:6.2}%  recall {:6.2}%  F1 {:6.2}   (correct {tp}, found {found}, gold {gold})\n",
                ty.as_str(),
                p * 100.0,
                r * 100.0,
                f * 100.0
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nEU NNP I-NP B-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP B-MISC\ncall NN I-NP O\n\nPeter NNP I-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBRUSSELS NNP I-NP I-LOC\n1996-08-22 CD I-NP O\n";

    #[test]
    fn reads_documents_sentences_and_spans() {
        let docs = parse_conll(SAMPLE, "sample").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        let s = &docs[0].sentences[0];
        assert_eq!(s.words, ["EU", "rejects", "German", "call"]);
        assert_eq!(
            s.gold,
            [NerSpan { start: 0, end: 1, ty: NerType::Org }, NerSpan { start: 2, end: 3, ty: NerType::Misc }]
        );
        assert_eq!(docs[0].sentences[1].gold, [NerSpan { start: 0, end: 2, ty: NerType::Per }]);
        assert_eq!(
            docs[1].sentences[0].gold,
            [NerSpan { start: 0, end: 1, ty: NerType::Loc }],
            "IOB1 I- starts a name"
        );
    }

    #[test]
    fn exact_match_scoring() {
        let gold = [NerSpan { start: 0, end: 2, ty: NerType::Per }, NerSpan { start: 3, end: 4, ty: NerType::Loc }];
        let predicted =
            [NerSpan { start: 0, end: 1, ty: NerType::Per }, NerSpan { start: 3, end: 4, ty: NerType::Loc }];
        let mut s = Scores::default();
        s.add(&predicted, &gold);
        let (p, r, f) = s.overall();
        assert_eq!((p, r), (0.5, 0.5));
        assert!((f - 0.5).abs() < 1e-12);
        assert_eq!(s.of(NerType::Loc).2, 1.0);
        assert_eq!(s.of(NerType::Per).2, 0.0, "a partial span is wrong");
    }
}
