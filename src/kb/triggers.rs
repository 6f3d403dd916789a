//! Trigger phrases: the written forms that signal a theme, and how much of the text each needs.
//!
//! A concept's labels are its phrases, with the other number of their last word (`sanction` and
//! `sanctions`, `peace talks` and `peace talk`) and without a parenthesized qualifier
//! (`trial (court)` → `trial`). A phrase of several words names its theme (`peace agreement`); a
//! single word is often said in passing (`peace`, `security`, `trade`), so it counts only when the
//! article says it twice or also uses a phrase of the same theme. `data/theme-phrases.tsv` adds
//! phrases and overrides that default either way.

use crate::error::{Error, Result};

/// How much text a trigger phrase needs before its theme is an article's theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// One mention is enough (a phrase that names its theme).
    Once,
    /// Two mentions, or one beside a [`Evidence::Once`] phrase of the same theme (a generic word).
    Twice,
}

impl Evidence {
    /// The default for a phrase: a single word needs a second mention.
    pub fn of_phrase(phrase: &str) -> Evidence {
        if phrase.split_whitespace().count() > 1 {
            Evidence::Once
        } else {
            Evidence::Twice
        }
    }
}

/// One row of the phrases file: phrases for a concept, or labels of it that must not trigger.
#[derive(Debug, Clone)]
pub struct PhraseRow {
    /// The concept's IRI (expanded from `medtop:` or `theme:`).
    pub concept: String,
    /// `once`, `twice` or `off` (the phrases are not triggers: labels too generic for news text).
    pub evidence: Option<Evidence>,
    /// The phrases.
    pub phrases: Vec<String>,
    /// 1-based line, for errors.
    pub line: usize,
}

/// Prefixes the phrases file may use for concept IRIs.
const PREFIXES: &[(&str, &str)] =
    &[("medtop:", "http://cv.iptc.org/newscodes/mediatopic/"), ("theme:", "https://newsgraph.dev/theme/")];

/// Parses `concept<TAB>once|twice|off<TAB>phrase|phrase...` lines (`#` comments).
pub fn parse_phrase_rows(text: &str, source_name: &str) -> Result<Vec<PhraseRow>> {
    let err = |line: usize, message: String| Error::Data { source_name: source_name.into(), line, message };
    let mut rows = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let line = i + 1;
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let [concept, evidence, phrases] = l.split('\t').map(str::trim).collect::<Vec<_>>()[..] else {
            return Err(err(line, "expected 3 tab-separated columns: concept, once|twice|off, phrases".into()));
        };
        let concept = PREFIXES
            .iter()
            .find_map(|(p, ns)| concept.strip_prefix(p).map(|local| format!("{ns}{local}")))
            .ok_or_else(|| err(line, format!("concept {concept:?} is not medtop:CODE or theme:NAME")))?;
        let evidence = match evidence {
            "once" => Some(Evidence::Once),
            "twice" => Some(Evidence::Twice),
            "off" => None,
            other => return Err(err(line, format!("evidence {other:?} is not once, twice or off"))),
        };
        let phrases: Vec<String> =
            phrases.split('|').map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect();
        if phrases.is_empty() {
            return Err(err(line, "no phrases".into()));
        }
        rows.push(PhraseRow { concept, evidence, phrases, line });
    }
    Ok(rows)
}

/// The label as written in text: without a trailing parenthesized qualifier.
pub fn without_qualifier(label: &str) -> &str {
    match label.find(" (") {
        Some(i) if label.ends_with(')') => label[..i].trim(),
        _ => label.trim(),
    }
}

/// The other forms of a phrase: its last word in the other number (`talks` ↔ `talk`).
/// Words that are not nouns in the plural (`crisis`, `news`, `politics`) are left alone.
pub fn inflections(phrase: &str) -> Vec<String> {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), phrase),
    };
    if last.len() < 3 || !last.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return Vec::new();
    }
    let singular = crate::syntax::rule_lemma(last, "NOUN", "NNS");
    let mut out = Vec::new();
    if UNCOUNTED_S.iter().any(|s| last.ends_with(s)) {
        return out;
    }
    if last.ends_with('s') {
        if singular != last {
            out.push(format!("{head}{singular}"));
        }
    } else if !last.ends_with("ing") && !last.ends_with("ism") {
        out.push(format!("{head}{}", plural(last)));
    }
    out
}

/// Endings of words that end in `s` but are not plurals.
const UNCOUNTED_S: &[&str] = &["ss", "sis", "ics", "news", "us", "ous"];

fn plural(word: &str) -> String {
    let consonant_y = word.ends_with('y') && !word[..word.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        format!("{}ies", &word[..word.len() - 1])
    } else if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_get_their_other_number() {
        assert_eq!(inflections("peace talks"), ["peace talk"]);
        assert_eq!(inflections("sanction"), ["sanctions"]);
        assert_eq!(inflections("economic policy"), ["economic policies"]);
        assert_eq!(inflections("tax"), ["taxes"]);
        assert!(inflections("political crisis").is_empty());
        assert!(inflections("politics").is_empty());
        assert!(inflections("doping").is_empty());
        assert!(inflections("terrorism").is_empty());
        assert!(inflections("BSE").is_empty());
    }

    #[test]
    fn qualifiers_and_evidence() {
        assert_eq!(without_qualifier("trial (court)"), "trial");
        assert_eq!(without_qualifier("coup d'etat"), "coup d'etat");
        assert_eq!(Evidence::of_phrase("peace"), Evidence::Twice);
        assert_eq!(Evidence::of_phrase("peace agreement"), Evidence::Once);
    }

    #[test]
    fn phrase_rows_parse_and_errors_name_the_line() {
        let rows = parse_phrase_rows("# c\nmedtop:20000593\toff\tgovernment\n", "p.tsv").unwrap();
        assert_eq!(rows[0].concept, "http://cv.iptc.org/newscodes/mediatopic/20000593");
        assert_eq!(rows[0].evidence, None);
        let e = parse_phrase_rows("x:1\tonce\ta\n", "p.tsv").unwrap_err().to_string();
        assert!(e.starts_with("p.tsv:1:") && e.contains("medtop:CODE"), "{e}");
        let e = parse_phrase_rows("theme:a\tsometimes\ta\n", "p.tsv").unwrap_err().to_string();
        assert!(e.contains("once, twice or off"), "{e}");
    }
}
