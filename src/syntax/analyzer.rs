//! The analyzer the pipeline runs on every sentence: tags, lemmas and a dependency tree.

use super::conllu::Word;
use super::lemma::Lemmatizer;
use super::model::SyntaxModel;
use super::tree::DepTree;
use crate::error::Result;
use crate::text::AnalyzedDoc;

/// A syntax model and a lemmatizer: everything needed to analyze a sentence of words.
#[derive(Debug, Clone)]
pub struct Analyzer {
    /// The tagger and parser.
    pub model: SyntaxModel,
    /// The lemmatizer, which reads the tagger's tags.
    pub lemmatizer: Lemmatizer,
}

impl Analyzer {
    /// The shipped model and exceptions table.
    pub fn builtin() -> Result<Analyzer> {
        Ok(Analyzer { model: SyntaxModel::builtin()?, lemmatizer: Lemmatizer::builtin() })
    }

    /// Tags, lemmatizes and parses a sentence, one [`Word`] per form (heads are 1-based, 0 is the
    /// root, as in CoNLL-U).
    ///
    /// ```
    /// let analyzer = newsgraph::syntax::Analyzer::builtin().unwrap();
    /// let words = analyzer.analyze(&["Blinken", "met", "Aliyev", "in", "Munich", "."]);
    /// assert_eq!(words[1].upos, "VERB");
    /// assert_eq!(words[1].lemma, "meet");
    /// assert_eq!(words[0].head, 2);
    /// assert_eq!(words[0].deprel, "nsubj");
    /// ```
    pub fn analyze(&self, forms: &[&str]) -> Vec<Word> {
        let mut words = self.model.analyze(forms);
        for w in &mut words {
            w.lemma = self.lemmatizer.lemma(&w.form, &w.upos, &w.xpos);
        }
        words
    }

    /// Parses every sentence of a document and keeps the trees in it ([`AnalyzedDoc::trees`]).
    pub fn annotate(&self, doc: &mut AnalyzedDoc) {
        doc.trees = doc
            .sentences
            .iter()
            .map(|s| {
                let forms: Vec<&str> = s.tokens.clone().map(|i| doc.token_text(i)).collect();
                DepTree::new(&self.analyze(&forms))
            })
            .collect();
    }
}
