//! The tokenizer: words, numbers and punctuation with byte offsets.
//!
//! News text needs a few rules a generic word splitter gets wrong: `U.S.` and initials (`J.`) keep
//! their periods (so they neither split sentences nor lose their identity), the possessive `’s` is
//! its own token (curly or straight apostrophe), hyphens split compounds (`U.S.-Azerbaijan`) so
//! that each part can be matched, and domain names (`Apa.az`) and numbers (`2024-02-17`, `1,000`)
//! stay whole.

use crate::model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner periods or apostrophes).
    Word,
    /// Starts with a digit.
    Number,
    /// The possessive `’s` / `'s` (or a bare `’` after a plural).
    Possessive,
    /// Any other single character.
    Punct,
}

/// A token: its kind and byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the token in the document text.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// Abbreviations that keep their final period.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Capt", "Sgt", "Adm",
    "Pres", "Inc", "Ltd", "Co", "Corp", "No", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "approx", "Rev", "Gens",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text[range]` into tokens.
///
/// ```
/// use newsgraph::text::{tokenize, TokenKind};
/// let text = "Azerbaijan’s U.S.-Azerbaijan talks with Antony J. Blinken (Apa.az).";
/// let words: Vec<&str> = tokenize(text, 0..text.len()).iter().map(|t| &text[t.span.start..t.span.end]).collect();
/// assert_eq!(words, ["Azerbaijan", "’s", "U.S.", "-", "Azerbaijan", "talks", "with", "Antony", "J.", "Blinken", "(", "Apa.az", ")", "."]);
/// ```
pub fn tokenize(text: &str, range: std::ops::Range<usize>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let bytes = &text[..range.end];
    let mut i = range.start;
    let char_at = |i: usize| bytes.get(i..).and_then(|s| s.chars().next());
    while let Some(c) = char_at(i) {
        let len = c.len_utf8();
        // Markdown emphasis (`**Antonio Tajani**`) is layout, not text.
        if c.is_whitespace() || c == '*' {
            i += len;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            i += len;
            while let Some(c) = char_at(i) {
                if c.is_alphanumeric() {
                    i += c.len_utf8();
                } else if matches!(c, '.' | ',' | '-' | '/' | ':') && char_at(i + 1).is_some_and(|n| n.is_ascii_digit())
                {
                    i += 1;
                } else {
                    break;
                }
            }
            tokens.push(Token { span: Span::new(start, i), kind: TokenKind::Number });
        } else if c.is_alphanumeric() {
            i += len;
            loop {
                match char_at(i) {
                    Some(c) if c.is_alphanumeric() => i += c.len_utf8(),
                    Some('.') if char_at(i + 1).is_some_and(char::is_alphanumeric) => i += 1,
                    Some(a) if is_apostrophe(a) => {
                        let after = i + a.len_utf8();
                        let next = char_at(after);
                        let possessive_s =
                            matches!(next, Some('s' | 'S')) && !char_at(after + 1).is_some_and(char::is_alphanumeric);
                        if next.is_some_and(char::is_alphabetic) && !possessive_s {
                            i = after;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let word = &text[start..i];
            if char_at(i) == Some('.') && keeps_period(word) {
                i += 1;
            }
            tokens.push(Token { span: Span::new(start, i), kind: TokenKind::Word });
            // The possessive: ’s, 's, or a lone apostrophe after a plural in -s.
            if let Some(a) = char_at(i).filter(|&a| is_apostrophe(a)) {
                let after = i + a.len_utf8();
                let next = char_at(after);
                if matches!(next, Some('s' | 'S')) && !char_at(after + 1).is_some_and(char::is_alphanumeric) {
                    tokens.push(Token { span: Span::new(i, after + 1), kind: TokenKind::Possessive });
                    i = after + 1;
                } else if word.ends_with('s') && !next.is_some_and(char::is_alphanumeric) {
                    tokens.push(Token { span: Span::new(i, after), kind: TokenKind::Possessive });
                    i = after;
                }
            }
        } else {
            i += len;
            tokens.push(Token { span: Span::new(start, i), kind: TokenKind::Punct });
        }
    }
    tokens
}

/// Whether a word followed by `.` keeps the period: initials, dotted acronyms, abbreviations.
fn keeps_period(word: &str) -> bool {
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted_acronym = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
    single_capital || dotted_acronym || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len()).iter().map(|t| &text[t.span.start..t.span.end]).collect()
    }

    #[test]
    fn cases() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("curly possessive", "Azerbaijan’s role", &["Azerbaijan", "’s", "role"]),
            ("straight possessive", "Blinken's request", &["Blinken", "'s", "request"]),
            ("plural possessive", "The leaders’ exchange", &["The", "leaders", "’", "exchange"]),
            ("contraction", "don't O'Brien", &["don't", "O'Brien"]),
            ("dotted acronym", "the U.S. State Department", &["the", "U.S.", "State", "Department"]),
            ("acronym at end", "in the U.K.", &["in", "the", "U.K."]),
            ("initial", "Antony J. Blinken", &["Antony", "J.", "Blinken"]),
            ("hyphen compound", "U.S.-Azerbaijan bilateral", &["U.S.", "-", "Azerbaijan", "bilateral"]),
            ("domain", "by Apa.az.", &["by", "Apa.az", "."]),
            ("iso date", "date 2024-02-17 In", &["date", "2024-02-17", "In"]),
            ("money", "$1.13bn (£600m)", &["$", "1.13bn", "(", "£", "600m", ")"]),
            ("abbreviation", "Mr. Smith and Dr Jones", &["Mr.", "Smith", "and", "Dr", "Jones"]),
            ("sentence stop", "Baku. The", &["Baku", ".", "The"]),
            ("non-latin", "Алиев встретился", &["Алиев", "встретился"]),
            ("cop", "COP29 in Baku", &["COP29", "in", "Baku"]),
            ("markdown emphasis", "**Antonio Tajani** said", &["Antonio", "Tajani", "said"]),
        ];
        for (name, text, want) in cases {
            assert_eq!(words(text), *want, "{name}");
        }
    }

    #[test]
    fn spans_are_on_char_boundaries() {
        let text = "Ilham Əliyev’s “talks” — in München…";
        for t in tokenize(text, 0..text.len()) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}
