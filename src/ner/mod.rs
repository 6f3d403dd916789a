//! A statistical named-entity recognizer: a structured averaged perceptron over hashed features,
//! decoded by a beam search over well-formed BILOU sequences, trained on CoNLL-2003 and on GUM's
//! entity annotations read as CoNLL names ([`read_gum`]).
//!
//! Why this design: a linear model over hashed features needs no feature dictionary (the model
//! is one weight table), tags a token with a few dozen table reads (about half a million tokens a
//! second on one core), trains in seconds, and is deterministic. Training the perceptron on whole
//! sentences with the beam it decodes with (Collins 2002) was worth five points of F1 over greedy
//! per-token training (see data/ner.md). Weights are stored quantized to 16 bits and sparse.

mod classes;
mod conll;
mod features;
mod glue;
mod gum;
mod model;
mod tags;
mod train;

pub use classes::{learn_classes, ClassConfig, WordClasses, WordCode, BUILTIN_CLASSES, BUILTIN_CLUSTERS};
pub use conll::{parse_conll, read_conll, ConllDoc, ConllSentence, Scores};
pub(crate) use features::shape_char;
pub use features::{fnv, gaz, mix, shape, short_shape, DocContext, History, Prepared};
pub use glue::{glue_byte_spans, glue_hyphenated, GLUE_HYPHENS};
pub use gum::{parse_gum, read_gum};
pub use model::{NerModel, Weights, BUILTIN_MODEL};
pub use tags::{allowed, iob2, may_end, spans_of, split, tag, tags_of, NerSpan, NerType, Part, Tag, N_TAGS, OUTSIDE};
pub use train::{dev_score, evaluate, predict, train, TrainConfig, TrainReport};

use crate::kb::{KnowledgeBase, NameTarget, TitleRank};
use crate::model::EntityType;

/// Reads a file of gold names: GUM CoNLL-U (`.conllu`, through [`read_gum`]) or CoNLL-2003
/// (any other name, through [`read_conll`]).
pub fn read_ner_data(path: &std::path::Path) -> crate::error::Result<Vec<ConllDoc>> {
    if path.extension().is_some_and(|e| e == "conllu") {
        read_gum(path)
    } else {
        read_conll(path)
    }
}

/// How many tag sequences [`decode`] keeps at each token.
pub const BEAM_WIDTH: usize = 8;

/// Tags a prepared sentence with a beam search: the [`BEAM_WIDTH`] best well-formed tag sequences
/// so far are extended token by token (sequences that agree on their last two tags are merged, as
/// the model cannot tell them apart from there on), and the best one that may end is returned.
/// Records the names in `history`.
///
/// Why a beam: a greedy tagger that opens a name (`B-PER` on `Tyson`) must close it on the next
/// token (`Tyson in`); keeping the other readings alive lets the next token's evidence decide.
pub fn decode<W: Weights>(
    weights: &W,
    p: &Prepared,
    history: &mut History,
    doc: &DocContext,
    feats: &mut Vec<u64>,
) -> Vec<Tag> {
    let tags = beam_search(weights, p, history, doc, feats);
    record(p, &tags, history);
    tags
}

/// A partial tag sequence: its score, last two tags, and where it came from.
#[derive(Clone, Copy)]
struct Hypothesis {
    score: f32,
    prev: Tag,
    prev2: Tag,
    /// Index of the hypothesis it extends, in the previous step.
    parent: u32,
}

/// No hypothesis yet (no real score is minus infinity: scores are sums of finite weights).
const NO_HYPOTHESIS: Hypothesis = Hypothesis { score: f32::NEG_INFINITY, prev: OUTSIDE, prev2: OUTSIDE, parent: 0 };

/// The best well-formed tag sequence found with a beam of [`BEAM_WIDTH`].
pub(crate) fn beam_search<W: Weights>(
    weights: &W,
    p: &Prepared,
    history: &History,
    doc: &DocContext,
    feats: &mut Vec<u64>,
) -> Vec<Tag> {
    let n = p.len();
    // Every step's hypotheses, one step after another (step `k` is `hyps[starts[k]..starts[k + 1]]`):
    // one allocation per sentence rather than one per token.
    let mut hyps: Vec<Hypothesis> = Vec::with_capacity((n + 1) * BEAM_WIDTH);
    hyps.push(Hypothesis { score: 0.0, ..NO_HYPOTHESIS });
    let mut starts: Vec<usize> = Vec::with_capacity(n + 2);
    starts.extend([0, 1]);
    // The best extension into each state (tag, previous tag): hypotheses that agree on their last
    // two tags are merged, as the model cannot tell them apart from there on. Fixed-size arrays
    // on the stack: the beam's inner loops run some fifty times a token.
    let mut state = [NO_HYPOTHESIS; N_TAGS * N_TAGS];
    let mut touched = [0u16; N_TAGS * N_TAGS];
    let mut kept = [NO_HYPOTHESIS; BEAM_WIDTH];
    for i in 0..n {
        feats.clear();
        p.features(i, history, doc, feats);
        let mut base = [0f32; N_TAGS];
        weights.add_features(feats, &mut base);
        let ends = if i + 1 == n { tags::ENDING } else { u32::MAX };
        let mut n_touched = 0;
        for (h, hyp) in hyps[starts[i]..starts[i + 1]].iter().enumerate() {
            let mut scores = base;
            weights.add_transitions(hyp.prev2, hyp.prev, &mut scores);
            let mut next = tags::FOLLOWERS[hyp.prev as usize] & ends;
            while next != 0 {
                let t = next.trailing_zeros() as usize;
                next &= next - 1;
                let score = hyp.score + scores[t];
                let k = t * N_TAGS + hyp.prev as usize;
                let slot = &mut state[k];
                if slot.score == f32::NEG_INFINITY {
                    touched[n_touched] = k as u16;
                    n_touched += 1;
                } else if score <= slot.score {
                    continue;
                }
                *slot = Hypothesis { score, prev: t as Tag, prev2: hyp.prev, parent: h as u32 };
            }
        }
        // Keep the best states; ties go to the state reached first (deterministic).
        let mut n_kept = 0;
        for &k in &touched[..n_touched] {
            let c = std::mem::replace(&mut state[k as usize], NO_HYPOTHESIS);
            // Most candidates fall below a full beam's last: skip the search for their place.
            if n_kept == BEAM_WIDTH && c.score <= kept[BEAM_WIDTH - 1].score {
                continue;
            }
            let at = kept[..n_kept].partition_point(|x| x.score >= c.score);
            if at < BEAM_WIDTH {
                n_kept = (n_kept + 1).min(BEAM_WIDTH);
                kept.copy_within(at..n_kept - 1, at + 1);
                kept[at] = c;
            }
        }
        hyps.extend_from_slice(&kept[..n_kept]);
        starts.push(hyps.len());
    }
    // Follow the parents back from the best final hypothesis.
    let mut tags = vec![OUTSIDE; n];
    let mut at = 0;
    for i in (0..n).rev() {
        let h = hyps[starts[i + 1] + at];
        tags[i] = h.prev;
        at = h.parent as usize;
    }
    tags
}

/// Remembers the type of each capitalized word of each name, for later sentences.
pub(crate) fn record(p: &Prepared, tags: &[Tag], history: &mut History) {
    for s in spans_of(tags) {
        let ty = NerType::ALL.iter().position(|&t| t == s.ty).unwrap_or(0);
        for i in s.start..s.end {
            if p.word(i).chars().next().is_some_and(char::is_uppercase) {
                history.record(p.word(i), ty);
            }
        }
    }
}

/// `data/geonames-places.txt`, compiled in.
pub(crate) const GEONAMES_PLACES: &str = include_str!("../../data/geonames-places.txt");

/// The place names of `data/geonames-places.txt` (see its header).
pub fn geonames_places() -> &'static rustc_hash::FxHashSet<&'static str> {
    static PLACES: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    PLACES.get_or_init(|| GEONAMES_PLACES.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect())
}

/// Knowledge-base and place-list hit codes of a sentence's words (see [`gaz`]).
pub fn gazetteer_codes(kb: &KnowledgeBase, words: &[&str]) -> Vec<u16> {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(words.len());
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(w);
    }
    let mut codes = vec![0u16; words.len()];
    let token_range = |s: usize, e: usize| -> Option<(usize, usize)> {
        let i = starts.binary_search(&s).ok()?;
        let j = starts.partition_point(|&x| x < e);
        (j > i && starts[j - 1] + words[j - 1].len() == e).then_some((i, j))
    };
    for (span, target) in kb.find_names(&text) {
        let Some((i, j)) = token_range(span.start, span.end) else {
            continue;
        };
        let code = match target {
            NameTarget::Demonym(_) => gaz::DEMONYM,
            NameTarget::Entry(e) => match kb.entries[e].etype {
                EntityType::Country => gaz::COUNTRY,
                EntityType::Place => gaz::PLACE,
                EntityType::Organization => gaz::ORG,
                _ => gaz::EVENT,
            },
        };
        for (k, c) in codes[i..j].iter_mut().enumerate() {
            *c |= code | if k == 0 { gaz::FIRST } else { 0 };
        }
    }
    for (span, title) in kb.find_titles(&text) {
        let Some((i, j)) = token_range(span.start, span.end) else {
            continue;
        };
        let code = match kb.titles[title].rank {
            TitleRank::Honorific => gaz::HONORIFIC,
            TitleRank::Occupation => continue,
            _ => gaz::TITLE,
        };
        for c in &mut codes[i..j] {
            *c |= code;
        }
    }
    // Names from the GeoNames list, longest first (up to four words).
    let places = geonames_places();
    let mut at = 0;
    let mut name = String::new();
    while at < words.len() {
        // Every listed name starts with a capital (a test checks): skip the lookups elsewhere.
        if !words[at].chars().next().is_some_and(char::is_uppercase) {
            at += 1;
            continue;
        }
        let mut matched = 0;
        name.clear();
        for (k, w) in words[at..words.len().min(at + 4)].iter().enumerate() {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(w);
            if places.contains(name.as_str()) {
                matched = k + 1;
            }
        }
        for c in &mut codes[at..at + matched] {
            *c |= gaz::GEONAMES;
        }
        at += matched.max(1);
    }
    codes
}

/// A model with the knowledge base it reads: tags sentences of words.
///
/// ```
/// use newsgraph::{kb::KnowledgeBase, ner::{NerModel, Tagger, NerType}};
/// let kb = KnowledgeBase::builtin().unwrap();
/// let tagger = Tagger::new(NerModel::builtin().unwrap(), &kb);
/// let words = ["Tony", "Blair", "met", "Gerhard", "Schroeder", "in", "Berlin", "."];
/// let spans = tagger.tag_document(&[words.to_vec()]).remove(0);
/// let found: Vec<(String, NerType)> = spans.iter().map(|s| (words[s.start..s.end].join(" "), s.ty)).collect();
/// assert!(found.contains(&("Tony Blair".to_owned(), NerType::Per)));
/// assert!(found.contains(&("Berlin".to_owned(), NerType::Loc)));
/// ```
pub struct Tagger<'k> {
    model: NerModel,
    kb: &'k KnowledgeBase,
}

impl<'k> Tagger<'k> {
    /// A tagger over a model and knowledge base.
    pub fn new(model: NerModel, kb: &'k KnowledgeBase) -> Self {
        Tagger { model, kb }
    }

    /// The names in a sentence; `history` carries what earlier sentences of the document said,
    /// `doc` how the document writes each word.
    pub fn tag(&self, words: &[&str], history: &mut History, doc: &DocContext) -> Vec<NerSpan> {
        let codes = gazetteer_codes(self.kb, words);
        let classes = self.model.classes().codes(words);
        let p = Prepared::new(words, &codes, &classes);
        let mut feats = Vec::with_capacity(64);
        spans_of(&decode(&self.model, &p, history, doc, &mut feats))
    }

    /// The names in every sentence of a document, in order.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<NerSpan>> {
        let doc = DocContext::new(sentences.iter().map(Vec::as_slice));
        let mut history = History::default();
        sentences.iter().map(|s| self.tag(s, &mut history, &doc)).collect()
    }

    /// The model.
    pub fn model(&self) -> &NerModel {
        &self.model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_is_well_formed() {
        // A table that prefers I-PER everywhere still yields a well-formed sequence.
        struct Biased;
        impl Weights for Biased {
            fn add_row(&self, _: u32, s: &mut [f32; N_TAGS]) {
                s[tag(NerType::Per, Part::Inside) as usize] += 3.0;
                s[tag(NerType::Per, Part::Begin) as usize] += 2.0;
                s[tag(NerType::Per, Part::Last) as usize] += 1.0;
            }
            fn bits(&self) -> u32 {
                8
            }
        }
        let words = ["a", "b", "c", "d"];
        let codes = [0u16; 4];
        let none = [WordCode::default(); 4];
        let p = Prepared::new(&words, &codes, &none);
        let tags = decode(&Biased, &p, &mut History::default(), &DocContext::default(), &mut Vec::new());
        for w in tags.windows(2) {
            assert!(allowed(w[0], w[1]));
        }
        assert!(may_end(*tags.last().unwrap()));
        assert_eq!(spans_of(&tags), [NerSpan { start: 0, end: 4, ty: NerType::Per }]);
    }

    #[test]
    fn gazetteer_codes_mark_names_and_titles() {
        let kb = KnowledgeBase::builtin().unwrap();
        let codes = gazetteer_codes(
            &kb,
            &["Mr", "Smith", "of", "the", "European", "Union", "visited", "Papua", "New", "Guinea"],
        );
        assert_eq!(codes[0], gaz::HONORIFIC);
        assert_eq!(codes[1], 0);
        assert_eq!(codes[4], gaz::ORG | gaz::FIRST);
        // `Union` is also a town of New Jersey in the GeoNames list.
        assert_eq!(codes[5], gaz::ORG | gaz::GEONAMES);
        assert_eq!(codes[7], gaz::COUNTRY | gaz::FIRST);
        assert_eq!(codes[9], gaz::COUNTRY);
        assert!(geonames_places().iter().all(|n| n.chars().next().is_some_and(char::is_uppercase)));
        let codes = gazetteer_codes(&kb, &["in", "Rio", "de", "Janeiro", "and", "Leicester"]);
        assert_eq!(
            codes.iter().map(|c| c & gaz::GEONAMES != 0).collect::<Vec<_>>(),
            [false, true, true, true, false, true]
        );
    }
}
