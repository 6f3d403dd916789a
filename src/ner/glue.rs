//! Hyphenated words as one unit, whoever tokenized the text.
//!
//! Why: CoNLL-2003 writes `Jean-Claude`, `Ki-moon` and `Toronto-based` as one token, while GUM
//! and our tokenizer split them (`Jae` `-` `in`). The recognizer learns from both corpora and tags
//! our text, so all three go through this one rule: a hyphen or dash with a word on each side and
//! no space on either side glues the three tokens into one unit (`Moon Jae-in` reaches the
//! recognizer as `Moon`, `Jae-in`, as CoNLL would have written it).

use std::ops::Range;

pub use crate::text::GLUE_HYPHENS;

/// A word is a token with a letter or a digit (`in`, `19`, `B.`), not punctuation.
fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Groups tokens into units: the ranges of token indices, in order, covering every token once.
/// Each token is `(text, space_after)`, `space_after` saying whether whitespace follows it (as
/// CoNLL-U's `SpaceAfter=No` says when it does not). A unit is a lone token, or a chain
/// `word hyphen word (hyphen word)*` with no whitespace after any but the last token.
///
/// ```
/// use newsgraph::ner::glue_hyphenated;
/// let tokens = [("Moon", true), ("Jae", false), ("-", false), ("in", true), ("-", true), ("a", true)];
/// assert_eq!(glue_hyphenated(&tokens), [0..1, 1..4, 4..5, 5..6]);
/// ```
pub fn glue_hyphenated(tokens: &[(&str, bool)]) -> Vec<Range<usize>> {
    let glues = |end: usize| {
        let ((before, space_before), (hyphen, space_hyphen)) = (tokens[end - 1], tokens[end]);
        is_word(before)
            && !space_before
            && GLUE_HYPHENS.contains(&hyphen)
            && !space_hyphen
            && is_word(tokens[end + 1].0)
    };
    let mut units = Vec::with_capacity(tokens.len());
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start + 1;
        while end + 1 < tokens.len() && glues(end) {
            end += 2;
        }
        units.push(start..end);
        start = end;
    }
    units
}

/// [`glue_hyphenated`] for tokens given as byte spans of `text`, in order: a token is followed by
/// whitespace when the next one does not start where it ends.
///
/// ```
/// use newsgraph::ner::glue_byte_spans;
/// let text = "Moon Jae-in met Ban Ki - moon";
/// let spans = [(0, 4), (5, 8), (8, 9), (9, 11), (12, 15), (16, 19), (20, 22), (23, 24), (25, 29)];
/// let units = glue_byte_spans(text, &spans);
/// let words: Vec<&str> = units.iter().map(|u| &text[spans[u.start].0..spans[u.end - 1].1]).collect();
/// assert_eq!(words, ["Moon", "Jae-in", "met", "Ban", "Ki", "-", "moon"]);
/// ```
pub fn glue_byte_spans(text: &str, spans: &[(usize, usize)]) -> Vec<Range<usize>> {
    let tokens: Vec<(&str, bool)> = spans
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| {
            let space_after = spans.get(i + 1).is_none_or(|&(next, _)| next != end);
            (text.get(start..end).unwrap_or(""), space_after)
        })
        .collect();
    glue_hyphenated(&tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens written with `_` for "no space after": `Jae_ -_ in`.
    fn tokens(written: &str) -> Vec<(&str, bool)> {
        written.split(' ').map(|t| t.strip_suffix('_').map_or((t, true), |t| (t, false))).collect()
    }

    #[test]
    fn glues_hyphens_between_words_without_spaces() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("a hyphenated name", "Moon Jae_ -_ in said", &["Moon", "Jae-in", "said"]),
            ("a chain", "Commander_ -_ in_ -_ Chief", &["Commander-in-Chief"]),
            ("numbers are words", "COVID_ -_ 19 and 1990_ –_ 95", &["COVID-19", "and", "1990–95"]),
            ("the Unicode hyphen", "Jean_ \u{2010}_ Claude", &["Jean\u{2010}Claude"]),
            ("a space before the hyphen", "well -_ known", &["well", "-", "known"]),
            ("a space after the hyphen", "well_ - known", &["well", "-", "known"]),
            ("a dash between clauses", "said -- then", &["said", "--", "then"]),
            ("an em dash does not glue", "this_ —_ that", &["this", "—", "that"]),
            ("punctuation is no word", "(_ -_ )", &["(", "-", ")"]),
            ("a hyphen at the end", "pre_ -", &["pre", "-"]),
            ("a hyphen at the start", "-_ in", &["-", "in"]),
            ("two hyphens in a row", "a_ -_ -_ b", &["a", "-", "-", "b"]),
        ];
        for &(name, written, expected) in cases {
            let t = tokens(written);
            let units = glue_hyphenated(&t);
            let joined: Vec<String> = units.iter().map(|u| t[u.clone()].iter().map(|p| p.0).collect()).collect();
            assert_eq!(joined, expected, "{name}");
            assert_eq!(units.iter().map(|u| u.len()).sum::<usize>(), t.len(), "{name}: every token once");
        }
        assert!(glue_hyphenated(&[]).is_empty());
    }

    #[test]
    fn byte_spans_agree_with_token_pairs() {
        let text = "Jae-in - Ki- moon -Ban";
        let spans = [(0, 3), (3, 4), (4, 6), (7, 8), (9, 11), (11, 12), (13, 17), (18, 19), (19, 22)];
        let pairs = [("Jae", false), ("-", false), ("in", true), ("-", true), ("Ki", false), ("-", true)];
        let pairs: Vec<(&str, bool)> = pairs.into_iter().chain([("moon", true), ("-", false), ("Ban", true)]).collect();
        assert_eq!(glue_byte_spans(text, &spans), glue_hyphenated(&pairs));
        assert_eq!(glue_byte_spans(text, &spans)[0], 0..3);
    }
}
