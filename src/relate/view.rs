//! What the relation rules see of a document: its resolved mentions, token by token, and for each
//! parsed sentence the entity each token stands for.

use super::matcher::{Filler, SentenceView};
use crate::model::{EntityId, EntityType, Evidence, Span};
use crate::resolve::{DocMentions, Resolved};
use crate::syntax::DepTree;
use crate::text::AnalyzedDoc;
use std::borrow::Cow;

/// One resolved mention: its entity, type, tokens (document indexes) and sentence.
#[derive(Debug, Clone)]
pub struct Seen {
    /// Index into the document's mentions.
    pub index: usize,
    /// The entity it refers to.
    pub id: EntityId,
    /// The entity's type.
    pub etype: EntityType,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The sentence it is in.
    pub sentence: usize,
    /// Its bytes.
    pub span: Span,
}

/// A document as the rules read it.
pub struct DocView<'a> {
    /// The analysed document.
    pub a: &'a AnalyzedDoc<'a>,
    /// Its mentions and their entities.
    pub dm: &'a DocMentions,
    /// The resolved mentions, in text order.
    pub seen: Vec<Seen>,
}

impl<'a> DocView<'a> {
    /// The view of document `a` with its mentions `dm`, resolved in `resolved`.
    pub fn new(a: &'a AnalyzedDoc<'a>, dm: &'a DocMentions, resolved: &Resolved) -> DocView<'a> {
        let seen = dm
            .mentions
            .iter()
            .enumerate()
            .filter_map(|(index, m)| {
                let id = dm.entity[index].clone()?;
                let etype = resolved.entities.get(&id)?.etype;
                let (first, end) = (a.token_at(m.span.start), a.token_at(m.span.end));
                Some(Seen { index, id, etype, first, end, sentence: m.sentence, span: m.span })
            })
            .collect();
        DocView { a, dm, seen }
    }

    /// The evidence of a span in sentence `sentence`.
    pub fn evidence(&self, span: Span, sentence: usize) -> Evidence {
        Evidence { doc: self.a.doc.id.clone(), sentence, span, text: self.a.doc.slice(span).to_owned() }
    }

    /// The evidence of a mention.
    pub fn evidence_of(&self, s: &Seen) -> Evidence {
        self.evidence(s.span, s.sentence)
    }

    /// The evidence of a whole sentence.
    pub fn sentence_evidence(&self, sentence: usize) -> Evidence {
        self.evidence(self.a.sentences[sentence].span, sentence)
    }

    /// The mentions of sentence `s`.
    pub fn in_sentence(&self, s: usize) -> impl Iterator<Item = &Seen> {
        self.seen.iter().filter(move |x| x.sentence == s)
    }

    /// The parsed sentences, each with the entity every token stands for.
    pub fn parsed_sentences(&self) -> Vec<ParsedSentence<'_>> {
        let mut out: Vec<ParsedSentence> = Vec::new();
        for (s, sentence) in self.a.sentences.iter().enumerate() {
            let Some(parsed) = self.a.trees.get(s).filter(|t| t.len() == sentence.tokens.len()) else { continue };
            let tree: Cow<DepTree> = super::repair::mend(parsed).map_or(Cow::Borrowed(parsed), Cow::Owned);
            let fillers = self.fillers(s, &tree, out.last());
            let also = self.heading_qualifiers(s, &tree, &fillers);
            let lower = sentence.tokens.clone().map(|k| self.a.token_text(k).to_lowercase()).collect();
            let lemmas: Vec<String> = (0..tree.len()).map(|k| tree.lemma(k).to_lowercase()).collect();
            let with_e = lemmas.iter().map(|l| (!l.ends_with('e')).then(|| format!("{l}e"))).collect();
            out.push(ParsedSentence { view: self, index: s, tree, fillers, also, lower, lemmas, with_e });
        }
        out
    }

    /// The entity of each token of sentence `s`: the mentions' head words, then the pronouns and
    /// the title or role words that stand for one.
    fn fillers(&self, s: usize, tree: &DepTree, previous: Option<&ParsedSentence>) -> Vec<Option<Filler>> {
        let start = self.a.sentences[s].tokens.start;
        let mut fillers: Vec<Option<Filler>> = vec![None; tree.len()];
        for m in self.in_sentence(s) {
            let local = m.first.saturating_sub(start)..m.end.saturating_sub(start).min(tree.len());
            let filler = Filler { id: m.id.clone(), etype: m.etype, span: m.span };
            for k in local.clone() {
                let outside = tree.head(k).is_none_or(|h| !local.contains(&h));
                if outside && fillers[k].is_none() {
                    fillers[k] = Some(filler.clone());
                }
            }
        }
        self.name_words(tree, &mut fillers);
        super::coref::pronouns(self, s, tree, &mut fillers, previous);
        fillers
    }

    /// `NATO Secretary General Jens Stoltenberg`, parsed with `NATO` as the head of the whole: the
    /// name just before a person's mention that the person's words hang on stands for the person
    /// too.
    fn heading_qualifiers(&self, s: usize, tree: &DepTree, fillers: &[Option<Filler>]) -> Vec<Option<Filler>> {
        let start = self.a.sentences[s].tokens.start;
        let mut also: Vec<Option<Filler>> = vec![None; tree.len()];
        for m in self.in_sentence(s).filter(|m| m.etype == EntityType::Person) {
            let local = m.first.saturating_sub(start)..m.end.saturating_sub(start).min(tree.len());
            let Some(before) = local.start.checked_sub(1) else { continue };
            let heads_it = local.clone().any(|k| tree.head(k) == Some(before));
            if heads_it && fillers[before].as_ref().is_some_and(|f| f.id != m.id) {
                also[before] = Some(Filler { id: m.id.clone(), etype: m.etype, span: m.span });
            }
        }
        also
    }

    /// A title or role word whose name hangs on it (`Minister` in `Foreign Minister Jeyhun
    /// Bayramov` parsed with `Jeyhun` as its `flat` dependent; `counterpart, Michel Barnier`)
    /// stands for the name's entity.
    fn name_words(&self, tree: &DepTree, fillers: &mut [Option<Filler>]) {
        for k in 0..tree.len() {
            if fillers[k].is_some() || !matches!(tree.upos(k), "NOUN" | "PROPN") {
                continue;
            }
            let named = tree
                .children(k)
                .find(|&c| ["appos", "flat"].iter().any(|l| crate::syntax::label_matches(tree.deprel(c), l)))
                .and_then(|c| fillers[c].clone())
                .filter(|f| f.etype == EntityType::Person);
            fillers[k] = named;
        }
        // `the Trend news agency`, `Sindh province`: a common noun a name qualifies as its
        // `compound` stands for the organization or place the name is.
        for k in 0..tree.len() {
            let Some(h) = tree.head(k).filter(|&h| fillers[h].is_none() && tree.upos(h) == "NOUN") else { continue };
            let named = fillers[k].clone().filter(|f| matches!(f.etype, EntityType::Organization | EntityType::Place));
            if tree.deprel(k) == "compound" && named.is_some() {
                fillers[h] = named;
            }
        }
    }
}

/// One parsed sentence of a [`DocView`].
pub struct ParsedSentence<'v> {
    /// The document.
    pub view: &'v DocView<'v>,
    /// The sentence's index in the document.
    pub index: usize,
    /// Its tree, with the parser's known slips mended ([`super::repair`]).
    pub tree: Cow<'v, DepTree>,
    /// The entity each token stands for.
    pub fillers: Vec<Option<Filler>>,
    /// The second entity of each token ([`SentenceView::also`]).
    also: Vec<Option<Filler>>,
    /// Each token's lowercase form.
    lower: Vec<String>,
    /// Each token's lowercase lemma.
    lemmas: Vec<String>,
    /// Each lemma with a final `e` added, when it has none ([`SentenceView::lemma_with_e`]).
    with_e: Vec<Option<String>>,
}

impl ParsedSentence<'_> {
    /// The document token of sentence token `i`.
    pub fn doc_token(&self, i: usize) -> usize {
        self.view.a.sentences[self.index].tokens.start + i
    }
}

impl SentenceView for ParsedSentence<'_> {
    fn tree(&self) -> &DepTree {
        &self.tree
    }

    fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn entity(&self, i: usize) -> Option<&Filler> {
        self.fillers.get(i)?.as_ref()
    }

    fn lemma(&self, i: usize) -> &str {
        self.lemmas.get(i).map_or("", String::as_str)
    }

    fn lemma_with_e(&self, i: usize) -> Option<&str> {
        self.with_e.get(i)?.as_deref()
    }

    fn also(&self, i: usize) -> Option<&Filler> {
        self.also.get(i)?.as_ref()
    }
}
