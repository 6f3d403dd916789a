//! Extract: finds [`Mention`]s in an analyzed document.
//!
//! Four sources, in this order, each seeing what the earlier ones found:
//! 1. the knowledge base's names, demonyms, titles and theme phrases (Aho-Corasick scans);
//! 2. rules for people: a title or honorific before a capitalized name (`Secretary of State Antony
//!    J. Blinken`, `Mr Blair`), a role with a qualifier (`Azerbaijan’s Foreign Minister`, `a senior
//!    U.S. State Department official`), a name beside a verb of speech, and later surname mentions;
//! 3. rules for names in no list: organizations and events by their head noun (`... Ministry`,
//!    `... Summit`), places by `Town, Country`, outlets by their domain (`Apa.az`), and datelines;
//! 4. the statistical recognizer ([`crate::ner`]) for names no list or rule found: people,
//!    organizations and places (the knowledge base still decides country or place).
//!
//! How a name gets its type, first rule that applies (this is the one place it is written down):
//! 1. a knowledge-base entry's type (`data/*.tsv`), unless the entry is glued into a longer
//!    unknown name (`Leeds United`, `Victoria Beckham`, `Real Madrid`);
//! 2. a title or honorific before it, or a verb of speech beside it: a person;
//! 3. its head noun, the last word (`data/lexicon/name-heads.tsv`): organization, event or place,
//!    or a thing that is no entity (`Hubble Space Telescope`); `Ministry of ...`-style heads also
//!    type the whole `X of [the] Y` name;
//! 4. its context: `Town, Country` and `visited Town` make a place, `energy firm X` and `X
//!    newspaper` an organization, a web domain an outlet;
//! 5. the recognizer's type, where a known person's surname makes a person, an organization head
//!    an organization, and a lone plural noun by the parse (`Uyghurs`) or a miscellaneous name
//!    nothing.
//!
//! Names keep hyphenated and dashed words whole (`Moon Jae-in`, `Bosnia–Herzegovina`): every
//! rule joins tokens across a hyphen with no space around it ([`AnalyzedDoc::is_word_glue`]),
//! unless the word after it heads a compound modifier (`Blair-led`,
//! `data/lexicon/compound-heads.txt`). Rules that read capitalization run only in prose blocks,
//! never in headings or tables.

mod rules;
mod statistical;
pub mod words;

use crate::kb::{Evidence, KnowledgeBase, NameTarget, Taxonomy};
use crate::model::{Mention, MentionKind, Span};
use crate::ner::NerModel;
use crate::text::{AnalyzedDoc, TokenKind};
use std::collections::BTreeMap;

/// Finds every mention in a document, in text order.
///
/// ```
/// use newsgraph::{extract::extract, model::{Document, MentionKind}, kb::KnowledgeBase, text::AnalyzedDoc};
/// let kb = KnowledgeBase::builtin().unwrap();
/// let doc = Document::from_text("d", "t", "Secretary of State Antony J. Blinken met President Ilham Aliyev of Azerbaijan in Munich.");
/// let a = AnalyzedDoc::new(&doc);
/// let people: Vec<String> = extract(&a, &kb).iter().filter_map(|m| match &m.kind {
///     MentionKind::Person { name: Some(n), .. } => Some(n.clone()),
///     _ => None,
/// }).collect();
/// assert_eq!(people, ["Antony J. Blinken", "Ilham Aliyev"]);
/// ```
pub fn extract(a: &AnalyzedDoc, kb: &KnowledgeBase) -> Vec<Mention> {
    extract_with(a, kb, None)
}

/// Like [`extract`], with the statistical recognizer's names for what the lists and rules miss.
pub fn extract_with(a: &AnalyzedDoc, kb: &KnowledgeBase, ner: Option<&NerModel>) -> Vec<Mention> {
    let mut x = Extraction::new(a, kb);
    x.knowledge_base_names();
    x.titles();
    rules::people(&mut x);
    rules::names_by_head_noun(&mut x);
    rules::places_by_context(&mut x);
    rules::outlets_and_datelines(&mut x);
    x.themes();
    rules::the_north_and_the_south(&mut x);
    if let Some(model) = ner {
        statistical::names(&mut x, model);
        rules::late_qualifiers(&mut x);
    }
    rules::acronyms(&mut x);
    rules::known_names_again(&mut x);
    x.finish()
}

/// The working state of one document's extraction.
pub(crate) struct Extraction<'a, 'd> {
    pub a: &'a AnalyzedDoc<'d>,
    pub kb: &'a KnowledgeBase,
    pub mentions: Vec<Option<Mention>>,
    /// For each token, the name mention covering it.
    pub covered: Vec<Option<usize>>,
    /// Title matches: (first token, end token, title index).
    pub titles: Vec<(usize, usize, usize)>,
}

impl<'a, 'd> Extraction<'a, 'd> {
    fn new(a: &'a AnalyzedDoc<'d>, kb: &'a KnowledgeBase) -> Self {
        Extraction { a, kb, mentions: Vec::new(), covered: vec![None; a.tokens.len()], titles: Vec::new() }
    }

    /// Token range exactly covering a byte span, within one sentence.
    pub fn tokens_of(&self, span: Span) -> Option<(usize, usize)> {
        let i = self.a.token_at(span.start);
        let t = &self.a.tokens;
        if i >= t.len() || t[i].span.start != span.start {
            return None;
        }
        let mut j = i;
        while j < t.len() && t[j].span.end < span.end {
            j += 1;
        }
        if j >= t.len() || t[j].span.end != span.end || self.a.token_sentence[i] != self.a.token_sentence[j] {
            return None;
        }
        Some((i, j + 1))
    }

    /// Text of a token; empty past the last token, so rules may look ahead without checks.
    pub fn tok(&self, i: usize) -> &'d str {
        match self.a.tokens.get(i) {
            Some(t) => &self.a.doc.text[t.span.start..t.span.end],
            None => "",
        }
    }

    /// Whether token `i` is a capitalized word.
    pub fn is_cap(&self, i: usize) -> bool {
        i < self.a.tokens.len()
            && self.a.tokens[i].kind == TokenKind::Word
            && self.tok(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is in a prose block.
    pub fn in_prose(&self, i: usize) -> bool {
        self.a.block_kind_of_token(i).is_prose()
    }

    /// The token range of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> std::ops::Range<usize> {
        self.a.sentences[s].tokens.clone()
    }

    /// Adds a mention covering tokens `i..j`, marking them covered; returns its index.
    pub fn add(&mut self, i: usize, j: usize, kind: MentionKind) -> usize {
        let span = Span::new(self.a.tokens[i].span.start, self.a.tokens[j - 1].span.end);
        let index = self.mentions.len();
        self.mentions.push(Some(Mention { span, sentence: self.a.token_sentence[i], kind }));
        for c in &mut self.covered[i..j] {
            *c = Some(index);
        }
        index
    }

    /// Drops a mention and uncovers its tokens.
    pub fn remove(&mut self, index: usize) {
        if self.mentions[index].take().is_some() {
            for c in self.covered.iter_mut().filter(|c| **c == Some(index)) {
                *c = None;
            }
        }
    }

    /// The mention covering token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<(usize, &Mention)> {
        let m = self.covered.get(i).copied().flatten()?;
        Some((m, self.mentions[m].as_ref()?))
    }

    /// Whether token `i` begins a title match.
    pub fn title_at(&self, i: usize) -> Option<(usize, usize, usize)> {
        self.titles.iter().copied().find(|t| t.0 == i)
    }

    /// Matches of a scanner over the body, as token ranges (matches not on token boundaries, or
    /// across sentences, are dropped).
    fn scan<T>(&self, scanner: impl Fn(&str) -> Vec<(Span, T)>) -> Vec<(usize, usize, T)> {
        let start = self.a.doc.body_start;
        scanner(&self.a.doc.text[start..])
            .into_iter()
            .filter_map(|(s, t)| self.tokens_of(Span::new(s.start + start, s.end + start)).map(|(i, j)| (i, j, t)))
            .collect()
    }

    fn knowledge_base_names(&mut self) {
        for (i, j, target) in self.scan(|text| self.kb.find_names(text).collect()) {
            let kind = match target {
                NameTarget::Entry(entry) => MentionKind::Known { entry },
                NameTarget::Demonym(country) => MentionKind::Demonym { country },
            };
            self.add(i, j, kind);
        }
        // A country or city name glued to an unknown capitalized word is part of another name
        // (`Michael Jordan`, `Victoria Beckham`): leave it to the name rules.
        for m in 0..self.mentions.len() {
            let Some(Mention { span, kind: MentionKind::Known { entry }, .. }) = self.mentions[m].clone() else {
                continue;
            };
            let e = &self.kb.entries[entry];
            if !matches!(e.etype, crate::model::EntityType::Country | crate::model::EntityType::Place) {
                continue;
            }
            // Cities are glued into club, company and person names (`Leeds United`, `Real
            // Madrid`, `Santiago Solari`); a country only when its name is also a person's.
            let city = e.etype == crate::model::EntityType::Place && e.kind == "city";
            if !city && !words::is_in(words::NAME_LIKE_PLACES, self.a.doc.slice(span)) {
                continue;
            }
            let Some((i, j)) = self.tokens_of(span) else {
                continue;
            };
            if !self.in_prose(i) {
                continue;
            }
            let sentence = self.sentence_tokens(self.a.token_sentence[i]);
            let unknown_cap = |k: usize| {
                self.is_cap(k)
                    && self.covered[k].is_none()
                    && !words::is_in(words::STOP_CAPS, self.tok(k))
                    && self.kb.find_titles(self.tok(k)).next().is_none_or(|(s, _)| s.len() != self.tok(k).len())
            };
            // Not after a preposition (`Minister of the Republic of Azerbaijan Jeyhun Bayramov`),
            // and a name of several words is whole already.
            let after_preposition = i > sentence.start
                && matches!(self.tok(i - 1), "of" | "the" | "in" | "from" | "to" | "at" | "with" | "by" | "for");
            let glued_after = j < sentence.end && j - i == 1 && !after_preposition && unknown_cap(j);
            let glued_before = i > sentence.start && unknown_cap(i - 1);
            if glued_after || glued_before {
                self.remove(m);
            }
        }
    }

    fn titles(&mut self) {
        for (i, j, title) in self.scan(|text| self.kb.find_titles(text).collect()) {
            // A title that contains a whole name is the title: `Labour Minister` is a portfolio,
            // not a minister of the Labour Party.
            let inner: Vec<usize> = self.covered[i..j].iter().flatten().copied().collect();
            let all_inside = inner.iter().all(|&m| {
                self.mentions[m]
                    .as_ref()
                    .and_then(|m| self.tokens_of(m.span))
                    .is_some_and(|(a, b)| a >= i && b <= j && b - a < j - i)
            });
            if all_inside {
                for m in inner {
                    self.remove(m);
                }
                self.titles.push((i, j, title));
            }
        }
    }

    fn themes(&mut self) {
        let mut found: Vec<(usize, usize, usize, Evidence)> = Vec::new();
        for (i, j, (concept, evidence)) in
            self.scan(|text| self.kb.taxonomy.find(text).map(|(s, c, e)| (s, (c, e))).collect())
        {
            if !self.inside_name_or_role(i, j) && !self.in_proper_name(i, j) {
                found.push((i, j, concept, evidence));
            }
        }
        for (found_concept, (concept, confidence)) in article_themes(&found, &self.kb.taxonomy) {
            for &(i, j, _, _) in found.iter().filter(|f| f.2 == found_concept) {
                let span = Span::new(self.a.tokens[i].span.start, self.a.tokens[j - 1].span.end);
                self.mentions.push(Some(Mention {
                    span,
                    sentence: self.a.token_sentence[i],
                    kind: MentionKind::Theme { concept, confidence },
                }));
            }
        }
    }

    /// A theme phrase inside an organization's name (`Human Rights Watch`) is the name; inside
    /// a role (`Trade and Industry Secretary`) it is the role.
    /// (Every word of it inside: `EU candidate status` is still about EU enlargement.)
    fn inside_name_or_role(&self, i: usize, j: usize) -> bool {
        self.covered[i..j].iter().all(|c| {
            c.is_some_and(|m| {
                matches!(
                    self.mentions[m].as_ref().map(|m| &m.kind),
                    Some(MentionKind::Known { .. } | MentionKind::Named { .. } | MentionKind::Person { .. })
                )
            })
        })
    }

    /// In prose, a capitalized phrase glued to other capitalized words is part of a name
    /// (`World War I`, `Migration Watch`), not the theme.
    fn in_proper_name(&self, i: usize, j: usize) -> bool {
        let sentence = self.sentence_tokens(self.a.token_sentence[i]);
        let glued = |k: usize| sentence.contains(&k) && self.is_cap(k) && !words::is_in(words::STOP_CAPS, self.tok(k));
        self.in_prose(i) && self.is_cap(i) && ((i > sentence.start && glued(i - 1)) || glued(j))
    }

    fn finish(self) -> Vec<Mention> {
        // Qualifiers are indices into this vector: keep it whole (dropped slots stay as holes
        // resolved to None), then sort by a stable order without reindexing.
        let mut out: Vec<Mention> = Vec::with_capacity(self.mentions.len());
        let mut remap = vec![None; self.mentions.len()];
        let mut order: Vec<usize> = (0..self.mentions.len()).filter(|&i| self.mentions[i].is_some()).collect();
        order.sort_by_key(|&i| self.mentions[i].as_ref().map(|m| (m.span.start, std::cmp::Reverse(m.span.end), i)));
        for (new, &old) in order.iter().enumerate() {
            remap[old] = Some(new);
        }
        for old in order {
            let Some(mut m) = self.mentions[old].clone() else {
                continue;
            };
            match &mut m.kind {
                MentionKind::Person { qualifier, .. } | MentionKind::Named { qualifier, .. } => {
                    *qualifier = qualifier.and_then(|q| remap[q]);
                }
                _ => {}
            }
            out.push(m);
        }
        out
    }
}

#[cfg(test)]
mod tests;

/// The article's themes among the phrases `found` (token span, concept, evidence needed), each
/// with the concept its mentions go to and a confidence. A theme is kept when one of its phrases
/// names it, or when generic words of it come twice (`security ... security`): a generic word said
/// once in passing is no theme. When the article also has a wider theme on the same line of the
/// hierarchy (`education` and `primary education`), the finer mentions are evidence for the wider
/// one: one theme per line of the hierarchy and article.
fn article_themes(found: &[(usize, usize, usize, Evidence)], taxonomy: &Taxonomy) -> BTreeMap<usize, (usize, f32)> {
    let mut tally: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for &(_, _, concept, evidence) in found {
        let t = tally.entry(concept).or_default();
        match evidence {
            Evidence::Once => t.0 += 1,
            Evidence::Twice => t.1 += 1,
        }
    }
    let kept: BTreeMap<usize, f32> = tally
        .into_iter()
        .filter_map(|(concept, (naming, generic))| {
            let confidence = match (naming, naming + generic) {
                (0, 0..=1) => return None,
                (0, 2) => 0.5,
                (0, _) => 0.6,
                (_, 1) => 0.8,
                _ => 0.9,
            };
            Some((concept, confidence))
        })
        .collect();
    // IPTC's hierarchy is a classification: a finer IPTC topic is evidence for the wider one the
    // article names. Our own finer themes are things the graph shows (`Middle Corridor`): kept.
    let widest_kept = |concept: usize| {
        let (mut at, mut widest) = (concept, concept);
        while let Some(p) = taxonomy.concepts[at].parent.filter(|_| taxonomy.concepts[concept].is_iptc()) {
            if kept.contains_key(&p) {
                widest = p;
            }
            at = p;
        }
        widest
    };
    let folded: BTreeMap<usize, usize> = kept.keys().map(|&c| (c, widest_kept(c))).collect();
    let mut best: BTreeMap<usize, f32> = BTreeMap::new();
    for (c, to) in &folded {
        let b = best.entry(*to).or_insert(0.0);
        *b = b.max(kept[c]);
    }
    folded.into_iter().map(|(c, to)| (c, (to, best[&to]))).collect()
}
