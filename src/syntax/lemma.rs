//! The English lemmatizer: Penn-tag suffix rules plus a learned table of exceptions.
//!
//! Why this split: the rules ([`super::lemma_rules`]) know English inflection and so handle words
//! never seen in a treebank; the table holds only the (form, tag) pairs where the rules disagree
//! with the UD English treebanks (irregular verbs, `data`, capitalized adjectives such as
//! `American`), learned by [`learn_exceptions`] so it can be rebuilt instead of hand-edited.
//! Lemmas follow UD English conventions: lowercase except proper nouns and `I`, pronouns to their
//! nominative (`him` → `he`), `an` → `a`, `n't` → `not`, `'s` as a verb → `be`.

use super::lemma_rules::{positive_degree, singular, verb_from_ed, verb_from_ing, verb_from_s};
use super::Sentence;
use crate::error::{Error, Result};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The shipped exceptions table (see its header for sources, licences and how to rebuild it).
const BUILTIN_EXCEPTIONS: &str = include_str!("../../data/lemma-exceptions.tsv");

/// The header [`learn_exceptions`] writes: where the table comes from and how it was chosen.
const TABLE_HEADER: &str = "\
# Lemma exceptions for newsgraph::syntax::Lemmatizer: (lowercase form, Penn XPOS) pairs where the suffix rules
# give a lemma other than the treebanks' most frequent one (ties: the alphabetically first lemma).
# Learned from Universal Dependencies English treebanks: GUM gum-train.conllu (annotations CC BY 4.0; texts
# CC BY 4.0 / CC BY-SA 3.0 / CC BY 2.5), EWT ewt-dev.conllu (CC BY-SA 4.0) and PUD pud.conllu (CC BY-SA 3.0);
# this table is a derived work shared under CC BY-SA 4.0 with attribution to those projects.
# Kept: a pair whose table lemma beats the rules on at least 2 training words, or on 1 word of an
# inflected tag (NNS NNPS VBD VBN VBZ VBG JJR JJS RBR RBS) when the lemma differs from the form (irregulars).
# Rebuild: newsgraph parse lemmas --train ../shared/data/ud/gum-train.conllu,../shared/data/ud/ewt-dev.conllu,../shared/data/ud/pud.conllu --out data/lemma-exceptions.tsv
form\txpos\tlemma
";

/// Penn tags whose words are inflected, where an unseen irregular form is worth one table line.
const INFLECTED_TAGS: &[&str] = &["NNS", "NNPS", "VBD", "VBN", "VBZ", "VBG", "JJR", "JJS", "RBR", "RBS"];

/// Turns a word with its part-of-speech tags into its lemma.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// (lowercase form, XPOS) → lemma.
    exceptions: FxHashMap<(String, String), String>,
}

impl Lemmatizer {
    /// The lemmatizer with the shipped exceptions table.
    ///
    /// ```
    /// let l = newsgraph::syntax::Lemmatizer::builtin();
    /// assert_eq!(l.lemma("went", "VERB", "VBD"), "go");
    /// assert_eq!(l.lemma("Studies", "NOUN", "NNS"), "study");
    /// assert_eq!(l.lemma("him", "PRON", "PRP"), "he");
    /// ```
    pub fn builtin() -> Lemmatizer {
        // The shipped table is checked by a unit test, so a parse error here cannot happen;
        // falling back to rules alone keeps this infallible all the same.
        Lemmatizer::from_table(BUILTIN_EXCEPTIONS, "data/lemma-exceptions.tsv").unwrap_or_default()
    }

    /// A lemmatizer from exceptions-table text (the format [`learn_exceptions`] writes);
    /// `name` names the text in errors.
    ///
    /// ```
    /// let l = newsgraph::syntax::Lemmatizer::from_table("# mine\nform\txpos\tlemma\ndata\tNNS\tdatum\n", "mine").unwrap();
    /// assert_eq!(l.lemma("Data", "NOUN", "NNS"), "datum");
    /// ```
    pub fn from_table(text: &str, name: &str) -> Result<Lemmatizer> {
        Ok(Lemmatizer { exceptions: parse_exceptions(text, name)? })
    }

    /// Reads an exceptions table from a file.
    pub fn from_file(path: &std::path::Path) -> Result<Lemmatizer> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Lemmatizer::from_table(&text, &path.display().to_string())
    }

    /// How many exceptions the table holds.
    pub fn exception_count(&self) -> usize {
        self.exceptions.len()
    }

    /// The lemma of `form` tagged `upos` (universal) and `xpos` (Penn).
    ///
    /// ```
    /// let l = newsgraph::syntax::Lemmatizer::builtin();
    /// assert_eq!(l.lemma("stopped", "VERB", "VBD"), "stop");
    /// assert_eq!(l.lemma("'s", "AUX", "VBZ"), "be");
    /// assert_eq!(l.lemma("Paris", "PROPN", "NNP"), "Paris");
    /// ```
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        let key = (form.to_lowercase(), xpos.to_string());
        match self.exceptions.get(&key) {
            Some(lemma) => lemma.clone(),
            None => rule_lemma(form, upos, xpos),
        }
    }

    /// Fills every word's lemma from its form and tags (gold or predicted).
    pub fn annotate(&self, sentence: &mut Sentence) {
        for w in &mut sentence.words {
            w.lemma = self.lemma(&w.form, &w.upos, &w.xpos);
        }
    }
}

/// Parses exceptions-table text: `#` comment lines, a `form xpos lemma` header, then one
/// tab-separated triple a line.
pub fn parse_exceptions(text: &str, name: &str) -> Result<FxHashMap<(String, String), String>> {
    let mut table = FxHashMap::default();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line == "form\txpos\tlemma" {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [form, xpos, lemma] = cols[..] else {
            let message = format!("expected 3 tab-separated columns (form, xpos, lemma), found {}", cols.len());
            return Err(Error::Data { source_name: name.to_string(), line: i + 1, message });
        };
        table.insert((form.to_lowercase(), xpos.to_string()), lemma.to_string());
    }
    Ok(table)
}

/// The lemma by rules alone (no exceptions table).
///
/// ```
/// assert_eq!(newsgraph::syntax::rule_lemma("hoping", "VERB", "VBG"), "hope");
/// assert_eq!(newsgraph::syntax::rule_lemma("went", "VERB", "VBD"), "went");
/// ```
pub fn rule_lemma(form: &str, upos: &str, xpos: &str) -> String {
    let proper = matches!(xpos, "NNP" | "NNPS") || (xpos == "_" && upos == "PROPN");
    if proper {
        return if xpos == "NNPS" { singular(form) } else { form.to_string() };
    }
    if let Some(kept) = kept_as_written(form, xpos) {
        return kept;
    }
    let lower = form.to_lowercase();
    if let Some(lemma) = closed_class(&lower, xpos) {
        return lemma.to_string();
    }
    match xpos {
        "NNS" => singular(&lower),
        "VBZ" => verb_from_s(&lower),
        "VBD" | "VBN" => verb_from_ed(&lower),
        "VBG" => verb_from_ing(&lower),
        "JJR" | "RBR" => positive_degree(&lower, "er"),
        "JJS" | "RBS" => positive_degree(&lower, "est"),
        _ => lower,
    }
}

/// Words UD English keeps as written: foreign words, symbols, list markers, web addresses,
/// acronyms tagged as common nouns or numbers (`DNA`, `II`), and quotes normalized to ASCII.
fn kept_as_written(form: &str, xpos: &str) -> Option<String> {
    let all_caps = form.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !form.chars().any(char::is_lowercase);
    match xpos {
        "FW" | "GW" | "ADD" | "LS" | "SYM" | "$" | "NFP" => Some(form.to_string()),
        "NN" | "CD" if all_caps => Some(form.to_string()),
        "NNS" if all_caps => Some(singular(form)),
        "CD" if !form.chars().any(char::is_alphabetic) => Some(form.to_string()),
        "``" | "''" => Some(match form {
            "“" | "”" | "„" | "″" => "\"".to_string(),
            "‘" | "’" | "‚" => "'".to_string(),
            _ => form.to_string(),
        }),
        "POS" => Some("'s".to_string()),
        _ => None,
    }
}

/// Closed-class words whose UD English lemma is another word: pronoun cases, articles,
/// demonstratives, contractions and the forms of `be`, `have` and `do`.
fn closed_class(lower: &str, xpos: &str) -> Option<&'static str> {
    let lower = lower.replace('’', "'");
    let lemma = match (xpos, lower.as_str()) {
        ("PRP", "i" | "me") => "I",
        ("PRP", "him") => "he",
        ("PRP", "her") => "she",
        ("PRP", "us" | "'s") => "we",
        ("PRP", "them" | "em" | "'em") => "they",
        ("DT", "an") => "a",
        ("DT", "these") => "this",
        ("DT", "those") => "that",
        ("RB", "n't" | "nt" | "not") => "not",
        ("MD", "ca") => "can",
        ("MD", "wo" | "'ll" | "ll") => "will",
        ("MD", "'d") => "would",
        ("MD", "sha") => "shall",
        ("TO", "na" | "ta") => "to",
        (x, "is" | "are" | "was" | "were" | "been" | "being" | "am" | "'s" | "'re" | "'m" | "be")
            if x.starts_with("VB") =>
        {
            "be"
        }
        (x, "has" | "had" | "having" | "'ve" | "'d" | "have") if x.starts_with("VB") => "have",
        (x, "does" | "did" | "done" | "doing") if x.starts_with("VB") => "do",
        _ => return None,
    };
    Some(lemma)
}

/// The exceptions table the treebank `sentences` call for, as the exact text of
/// `data/lemma-exceptions.tsv` (header included). Deterministic: lines sorted by form and tag.
///
/// ```
/// let text = "1\tmice\tmouse\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n1\tmice\tmouse\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n";
/// let sentences = newsgraph::syntax::parse_conllu(text, "x").unwrap();
/// assert!(newsgraph::syntax::learn_exceptions(&sentences).ends_with("mice\tNNS\tmouse\n"));
/// ```
pub fn learn_exceptions(sentences: &[Sentence]) -> String {
    // (lowercase form, xpos) → gold lemma → (count, how many of those the rules got right)
    let mut seen: BTreeMap<(String, String), BTreeMap<String, (usize, usize)>> = BTreeMap::new();
    for w in sentences.iter().flat_map(|s| &s.words) {
        if w.lemma == "_" || [&w.form, &w.lemma].iter().any(|s| s.contains(['\t', '\n', '\r'])) {
            continue;
        }
        let entry = seen.entry((w.form.to_lowercase(), w.xpos.clone())).or_default();
        let counts = entry.entry(w.lemma.clone()).or_default();
        counts.0 += 1;
        counts.1 += usize::from(rule_lemma(&w.form, &w.upos, &w.xpos) == w.lemma);
    }
    let mut out = TABLE_HEADER.to_string();
    for ((form, xpos), lemmas) in &seen {
        if let Some(lemma) = worth_a_line(form, xpos, lemmas) {
            out.push_str(&format!("{form}\t{xpos}\t{lemma}\n"));
        }
    }
    out
}

/// The lemma to list for a (form, tag) pair, when listing it beats the rules enough (see the
/// table header for the criterion).
fn worth_a_line<'a>(form: &str, xpos: &str, lemmas: &'a BTreeMap<String, (usize, usize)>) -> Option<&'a str> {
    // The most frequent lemma; `BTreeMap` order makes the alphabetically first win ties.
    let (best, &(best_count, _)) =
        lemmas.iter().fold(None, |acc: Option<(&String, &(usize, usize))>, item| match acc {
            Some(a) if a.1 .0 >= item.1 .0 => Some(a),
            _ => Some(item),
        })?;
    let rules_right: usize = lemmas.values().map(|&(_, right)| right).sum();
    let gain = best_count.saturating_sub(rules_right);
    let irregular = INFLECTED_TAGS.contains(&xpos) && best.to_lowercase() != form;
    (gain >= 2 || (gain == 1 && irregular)).then_some(best.as_str())
}

/// Lemma accuracy given the gold tags: (words whose predicted lemma matches, all words), with
/// the CoNLL 2018 evaluation's rule that a gold `_` lemma matches anything.
pub fn lemma_accuracy(lemmatizer: &Lemmatizer, sentences: &[Sentence]) -> (usize, usize) {
    let words = sentences.iter().flat_map(|s| &s.words);
    let right = words.clone().filter(|w| w.lemma == "_" || lemmatizer.lemma(&w.form, &w.upos, &w.xpos) == w.lemma);
    (right.count(), words.count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn tricky_cases() {
        let l = Lemmatizer::builtin();
        let cases = [
            ("Him", "PRON", "PRP", "he"),
            ("I", "PRON", "PRP", "I"),
            ("An", "DET", "DT", "a"),
            ("n't", "PART", "RB", "not"),
            ("n’t", "PART", "RB", "not"),
            ("'s", "AUX", "VBZ", "be"),
            ("’s", "PART", "POS", "'s"),
            ("wo", "AUX", "MD", "will"),
            ("ca", "AUX", "MD", "can"),
            ("were", "AUX", "VBD", "be"),
            ("Running", "VERB", "VBG", "run"),
            ("Americans", "PROPN", "NNPS", "American"),
            ("McDonald", "PROPN", "NNP", "McDonald"),
            ("DNA", "NOUN", "NN", "DNA"),
            ("The", "DET", "DT", "the"),
            ("better", "ADJ", "JJR", "good"),
            ("children", "NOUN", "NNS", "child"),
            ("“", "PUNCT", "``", "\""),
            ("took", "VERB", "VBD", "take"),
        ];
        for (form, upos, xpos, want) in cases {
            assert_eq!(l.lemma(form, upos, xpos), want, "{form}/{xpos}");
        }
    }

    #[test]
    fn shipped_table_parses_and_bad_lines_are_named() {
        assert!(parse_exceptions(BUILTIN_EXCEPTIONS, "builtin").is_ok());
        assert!(Lemmatizer::builtin().exception_count() > 100);
        let e = parse_exceptions("form\txpos\tlemma\nx\tNN\n", "mine.tsv").unwrap_err().to_string();
        assert_eq!(e, "mine.tsv:2: expected 3 tab-separated columns (form, xpos, lemma), found 2");
    }

    #[test]
    fn learning_keeps_only_what_the_rules_miss() {
        let rows = [("mice", "mouse", "NNS"), ("mice", "mouse", "NNS"), ("cats", "cat", "NNS"), ("cats", "cat", "NNS")];
        let text: String =
            rows.iter().map(|(f, l, x)| format!("1\t{f}\t{l}\tNOUN\t{x}\t_\t0\troot\t_\t_\n\n")).collect();
        let learned = learn_exceptions(&super::super::parse_conllu(&text, "t").unwrap());
        let body: Vec<&str> = learned.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(body, ["form\txpos\tlemma", "mice\tNNS\tmouse"]);
    }

    fn treebank(name: &str) -> Option<Vec<Sentence>> {
        let path = Path::new("../shared/data/ud").join(name);
        path.exists().then(|| super::super::read_conllu(&path).unwrap())
    }

    #[test]
    fn shipped_table_is_what_the_training_treebanks_give() {
        let files = ["gum-train.conllu", "ewt-dev.conllu", "pud.conllu"];
        let Some(sentences) = files.iter().map(|f| treebank(f)).collect::<Option<Vec<_>>>() else {
            return;
        };
        let all: Vec<Sentence> = sentences.into_iter().flatten().collect();
        assert!(learn_exceptions(&all) == BUILTIN_EXCEPTIONS, "data/lemma-exceptions.tsv is out of date");
    }

    /// Rewrites the shipped table from the treebanks (until the CLI's `parse lemmas` exists):
    /// `cargo test --lib syntax::lemma -- --ignored write_shipped_table`.
    #[test]
    #[ignore]
    fn write_shipped_table() {
        let files = ["gum-train.conllu", "ewt-dev.conllu", "pud.conllu"];
        let all: Vec<Sentence> = files.iter().flat_map(|f| treebank(f).unwrap()).collect();
        std::fs::write("data/lemma-exceptions.tsv", learn_exceptions(&all)).unwrap();
    }

    #[test]
    fn accuracy_on_held_out_treebanks_with_gold_tags() {
        let l = Lemmatizer::builtin();
        for (file, floor) in [("gum-dev.conllu", 0.99), ("gum-test.conllu", 0.985), ("ewt-test.conllu", 0.975)] {
            let Some(sentences) = treebank(file) else {
                return;
            };
            let (right, all) = lemma_accuracy(&l, &sentences);
            let accuracy = right as f64 / all as f64;
            let (rules_right, _) = lemma_accuracy(&Lemmatizer::default(), &sentences);
            let rules = 100.0 * rules_right as f64 / all as f64;
            eprintln!("lemma accuracy {file}: {:.2}% ({right}/{all}); rules alone {rules:.2}%", 100.0 * accuracy);
            assert!(accuracy >= floor, "{file}: {accuracy}");
        }
    }
}
