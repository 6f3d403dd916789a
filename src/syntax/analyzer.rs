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
    ///
    /// Contractions are one token to us and two words to the treebanks (`didn't` is `did n't`):
    /// they are analyzed as the treebanks' words, and the token takes the analysis of the word
    /// that attaches outside it (`did`, the auxiliary), its head being the token of that word's
    /// head.
    ///
    /// ```
    /// let analyzer = newsgraph::syntax::Analyzer::builtin().unwrap();
    /// let words = analyzer.analyze(&["They", "didn't", "discuss", "it", "."]);
    /// assert_eq!((words[1].upos.as_str(), words[1].lemma.as_str(), words[1].head), ("AUX", "do", 3));
    /// assert_eq!(words[1].feats, "Polarity=Neg");
    /// assert_eq!(words[2].deprel, "root");
    /// ```
    pub fn analyze(&self, forms: &[&str]) -> Vec<Word> {
        let mut pieces = Vec::with_capacity(forms.len());
        let mut owner = Vec::with_capacity(forms.len());
        for (t, form) in forms.iter().enumerate() {
            for piece in treebank_words(form) {
                pieces.push(piece);
                owner.push(t);
            }
        }
        let mut words = self.model.analyze(&pieces);
        for w in &mut words {
            w.lemma = self.lemmatizer.lemma(&w.form, &w.upos, &w.xpos);
        }
        if pieces.len() == forms.len() {
            return words;
        }
        merge_pieces(forms, &words, &owner)
    }

    /// Parses every sentence of a document and keeps the trees in it ([`AnalyzedDoc::trees`]).
    ///
    /// A dateline (`Baku –`, `LONDON (Reuters) -`) is no part of the first sentence's grammar:
    /// the sentence is parsed without it, and its words hang on the sentence's root as `dep`.
    pub fn annotate(&self, doc: &mut AnalyzedDoc) {
        let dateline_end = doc.doc.dateline.map(|d| d.whole.end);
        doc.trees = doc
            .sentences
            .iter()
            .map(|s| {
                let forms: Vec<&str> = s.tokens.clone().map(|i| doc.token_text(i)).collect();
                let skip = dateline_end
                    .map_or(0, |end| s.tokens.clone().take_while(|&i| doc.tokens[i].span.end <= end).count());
                if skip == 0 || skip == forms.len() {
                    return DepTree::new(&self.analyze(&forms));
                }
                DepTree::new(&after_dateline(&forms[..skip], self.analyze(&forms[skip..])))
            })
            .collect();
    }
}

/// The words of a sentence whose first tokens (`dateline`) are a dateline: those hang on the
/// root of the rest (`words`) as `dep`; the rest's heads shift past them.
fn after_dateline(dateline: &[&str], words: Vec<Word>) -> Vec<Word> {
    let n = dateline.len();
    let root = words.iter().position(|w| w.head == 0).map_or(0, |r| r + 1 + n);
    let lead = dateline.iter().map(|form| Word {
        form: (*form).to_owned(),
        lemma: (*form).to_owned(),
        upos: if form.chars().any(char::is_alphanumeric) { "PROPN" } else { "PUNCT" }.to_owned(),
        xpos: String::new(),
        head: root,
        deprel: "dep".to_owned(),
        ..Word::default()
    });
    let shifted = words.into_iter().map(|mut w| {
        if w.head != 0 {
            w.head += n;
        }
        w
    });
    lead.chain(shifted).collect()
}

/// The words the UD English treebanks split a token into: `didn't` → `did n't`, `can't` →
/// `ca n't`, `won't` → `wo n't`, `cannot` → `can not`, `I'm` → `I 'm` (also `'re`, `'ve`, `'ll`,
/// `'d`, with either apostrophe); any other token is one word.
fn treebank_words(form: &str) -> Vec<&str> {
    let lower = form.to_ascii_lowercase();
    if lower == "cannot" {
        return vec![&form[..3], &form[3..]];
    }
    for suffix in ["n't", "n’t"] {
        if lower.len() > suffix.len() && lower.ends_with(suffix) {
            let cut = form.len() - suffix.len();
            return vec![&form[..cut], &form[cut..]];
        }
    }
    for clitic in ["'m", "'re", "'ve", "'ll", "'d", "’m", "’re", "’ve", "’ll", "’d"] {
        if lower.len() > clitic.len() && lower.ends_with(clitic) {
            let cut = form.len() - clitic.len();
            return vec![&form[..cut], &form[cut..]];
        }
    }
    vec![form]
}

/// One word a token from the analysis of its pieces: the piece that attaches outside the token,
/// with the token's form, the head's token as head, and `Polarity=Neg` when another piece is a
/// negation.
fn merge_pieces(forms: &[&str], words: &[Word], owner: &[usize]) -> Vec<Word> {
    let token_of = |head: usize| if head == 0 || head > owner.len() { 0 } else { owner[head - 1] + 1 };
    let mut out: Vec<Word> = Vec::with_capacity(forms.len());
    let mut start = 0;
    for (t, form) in forms.iter().enumerate() {
        let end = start + owner[start..].iter().take_while(|&&o| o == t).count();
        let outside = (start..end).find(|&k| token_of(words[k].head) != t + 1).unwrap_or(start);
        let mut w = words[outside].clone();
        w.form = form.to_string();
        // `didn't` keeps its negation (the `n't` piece) as UD writes it on `not`.
        if (start..end).any(|k| k != outside && words[k].lemma == "not") {
            w.feats = "Polarity=Neg".into();
        }
        w.head = token_of(w.head);
        out.push(w);
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_split_as_the_treebanks_do() {
        assert_eq!(treebank_words("didn't"), ["did", "n't"]);
        assert_eq!(treebank_words("Can’t"), ["Ca", "n’t"]);
        assert_eq!(treebank_words("cannot"), ["can", "not"]);
        assert_eq!(treebank_words("we'll"), ["we", "'ll"]);
        assert_eq!(treebank_words("I’m"), ["I", "’m"]);
        assert_eq!(treebank_words("n't"), ["n't"]);
        assert_eq!(treebank_words("Blinken"), ["Blinken"]);
        assert_eq!(treebank_words("O'Neill"), ["O'Neill"]);
    }
}
