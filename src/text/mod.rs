//! Text: tokens with byte offsets, sentences, and the layout blocks they sit in.
//!
//! Layout matters for precision: a heading (`Forging Paths to Peace and Partnership`) or a table
//! header (`Focus Area | Priority Actions`) is capitalized like a name but names nothing, so later
//! stages run only knowledge-base lookups there, never capitalization rules.

mod dates;
mod tokenize;

pub use dates::{date_in, days_in_month, MONTHS, WEEKDAYS};
pub use tokenize::{tokenize, Token, TokenKind};

use crate::model::{Document, Span};

/// The tokens that glue two words into one when no space is around them (`Jae-in`,
/// `Bosnia–Herzegovina`): hyphen-minus, hyphen (U+2010) and en dash (U+2013). The text layer owns
/// them; the recognizer's glue rule ([`crate::ner::glue_hyphenated`]) reads the same list.
pub const GLUE_HYPHENS: [&str; 3] = ["-", "\u{2010}", "\u{2013}"];

/// The layout role of a line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A headline or section heading (Markdown `#`, or a short line with no final stop).
    Heading,
    /// Running text.
    Paragraph,
    /// A bulleted or numbered list item.
    ListItem,
    /// The first row of a pipe table.
    TableHeader,
    /// Any later row of a pipe table.
    TableRow,
}

impl BlockKind {
    /// Whether capitalization carries meaning here (running text), so name rules may apply.
    pub fn is_prose(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::ListItem)
    }
}

/// A block: one line of the document with its layout role.
#[derive(Debug, Clone)]
pub struct Block {
    /// Layout role.
    pub kind: BlockKind,
    /// Bytes of the line (trimmed).
    pub span: Span,
}

/// A sentence: a run of tokens inside one block.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Bytes from the first to the last token.
    pub span: Span,
    /// Index range into [`AnalyzedDoc::tokens`].
    pub tokens: std::ops::Range<usize>,
    /// Index into [`AnalyzedDoc::blocks`].
    pub block: usize,
}

/// A document split into blocks, sentences and tokens.
#[derive(Debug)]
pub struct AnalyzedDoc<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Layout blocks, in order.
    pub blocks: Vec<Block>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// All tokens, in order.
    pub tokens: Vec<Token>,
    /// For each token, its sentence index.
    pub token_sentence: Vec<usize>,
    /// Each sentence's dependency tree (tags, lemmas, heads, labels; word `k` of tree `i` is
    /// token `sentences[i].tokens.start + k`), once the pipeline's syntax stage has run; empty
    /// before, or when the build runs without a parser.
    pub trees: Vec<crate::syntax::DepTree>,
}

impl<'a> AnalyzedDoc<'a> {
    /// Splits a document's body into blocks, sentences and tokens.
    ///
    /// ```
    /// use newsgraph::{model::Document, text::{AnalyzedDoc, BlockKind}};
    /// let doc = Document::from_text("d", "t", "Talks in Munich\n\nMr. Blinken met Mr. Aliyev. They talked.\nA | B |\n---|---|\nx | y |");
    /// let a = AnalyzedDoc::new(&doc);
    /// let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
    /// assert_eq!(kinds, [BlockKind::Heading, BlockKind::Paragraph, BlockKind::TableHeader, BlockKind::TableRow]);
    /// assert_eq!(a.sentences.len(), 5);
    /// assert_eq!(a.sentence_text(1), "Mr. Blinken met Mr. Aliyev.");
    /// ```
    pub fn new(doc: &'a Document) -> AnalyzedDoc<'a> {
        let mut out = AnalyzedDoc {
            doc,
            blocks: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            token_sentence: Vec::new(),
            trees: Vec::new(),
        };
        let text = &doc.text;
        let mut line_start = doc.body_start;
        let mut in_table = false;
        while line_start < text.len() {
            let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
            let line = &text[line_start..line_end];
            let trimmed = line.trim();
            let start = line_start + (line.len() - line.trim_start().len());
            let span = Span::new(start, start + trimmed.len());
            line_start = line_end + 1;
            if trimmed.is_empty() {
                in_table = false;
                continue;
            }
            let kind = match classify(trimmed) {
                Line::TableSeparator => continue,
                Line::TableRow if in_table => BlockKind::TableRow,
                Line::TableRow => {
                    in_table = true;
                    BlockKind::TableHeader
                }
                Line::Block(kind) => {
                    in_table = false;
                    kind
                }
            };
            out.push_block(kind, span);
        }
        out
    }

    fn push_block(&mut self, kind: BlockKind, span: Span) {
        let block = self.blocks.len();
        self.blocks.push(Block { kind, span });
        let text = &self.doc.text;
        let tokens = tokenize(text, span.start..span.end);
        let mut sentence_start = self.tokens.len();
        let first_token = self.tokens.len();
        self.tokens.extend_from_slice(&tokens);
        let n = self.tokens.len();
        let tok = |i: usize| &text[self.tokens[i].span.start..self.tokens[i].span.end];
        let mut ends = Vec::new();
        if kind.is_prose() {
            let mut i = first_token;
            while i < n {
                if matches!(tok(i), "." | "!" | "?" | "…") {
                    let mut j = i + 1;
                    while j < n && matches!(tok(j), "\"" | "”" | "’" | "'" | ")" | "." | "!" | "?") {
                        j += 1;
                    }
                    let next_starts = j == n
                        || tok(j).chars().next().is_some_and(|c| {
                            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '-')
                        });
                    if next_starts {
                        ends.push(j);
                        i = j;
                        continue;
                    }
                }
                i += 1;
            }
        }
        if ends.last() != Some(&n) {
            ends.push(n);
        }
        for end in ends {
            if end > sentence_start {
                let s = Span::new(self.tokens[sentence_start].span.start, self.tokens[end - 1].span.end);
                let index = self.sentences.len();
                self.sentences.push(Sentence { span: s, tokens: sentence_start..end, block });
                self.token_sentence.extend(std::iter::repeat_n(index, end - sentence_start));
            }
            sentence_start = end;
        }
    }

    /// The text of a token; empty past the last token.
    pub fn token_text(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) => &self.doc.text[t.span.start..t.span.end],
            None => "",
        }
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, i: usize) -> &str {
        let s = self.sentences[i].span;
        &self.doc.text[s.start..s.end]
    }

    /// The layout role of the block a token is in.
    pub fn block_kind_of_token(&self, i: usize) -> BlockKind {
        self.blocks[self.sentences[self.token_sentence[i]].block].kind
    }

    /// Whether token `i` and the next one touch (no space between them).
    pub fn touches_next(&self, i: usize) -> bool {
        matches!((self.tokens.get(i), self.tokens.get(i + 1)), (Some(a), Some(b)) if a.span.end == b.span.start)
    }

    /// Whether token `i` is a hyphen or dash that glues two words into one (`Jae-in`,
    /// `Bosnia–Herzegovina`): no space on either side, a word on both.
    ///
    /// Why: the tokenizer splits such words so that each part can be matched (`U.S.-China`), and
    /// every stage that reads names needs the same rule for putting them back together: the
    /// recognizer's ([`crate::ner::glue_hyphenated`]), over the same [`GLUE_HYPHENS`].
    pub fn is_word_glue(&self, i: usize) -> bool {
        let word = |k: usize| self.tokens.get(k).is_some_and(|t| t.kind != TokenKind::Punct);
        i > 0
            && GLUE_HYPHENS.contains(&self.token_text(i))
            && word(i - 1)
            && word(i + 1)
            && self.touches_next(i - 1)
            && self.touches_next(i)
    }

    /// The index of the first token starting at or after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }
}

enum Line {
    TableSeparator,
    TableRow,
    Block(BlockKind),
}

/// Classifies one trimmed, non-empty line.
fn classify(line: &str) -> Line {
    if line.contains('|') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t')) {
        return Line::TableSeparator;
    }
    if line.matches('|').count() >= 2 || line.starts_with('|') {
        return Line::TableRow;
    }
    if line.starts_with('#') {
        return Line::Block(BlockKind::Heading);
    }
    let bullet = ["- ", "* ", "• ", "+ ", "– "].iter().any(|b| line.starts_with(b));
    let numbered = {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
    };
    if bullet || numbered {
        return Line::Block(BlockKind::ListItem);
    }
    let words = line.split_whitespace().count();
    let ends_open = !line.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', ')', '…']);
    if ends_open && words <= 20 {
        return Line::Block(BlockKind::Heading);
    }
    Line::Block(BlockKind::Paragraph)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_kinds() {
        let cases = [
            ("Forging Paths to Peace and Partnership", BlockKind::Heading),
            ("The Conclusion", BlockKind::Heading),
            ("## Background", BlockKind::Heading),
            ("- Strengthening bilateral and multilateral security frameworks", BlockKind::ListItem),
            ("1. First point here.", BlockKind::ListItem),
            ("Key points highlighted included:", BlockKind::Paragraph),
            ("He said the talks went well.", BlockKind::Paragraph),
        ];
        for (line, want) in cases {
            match classify(line) {
                Line::Block(k) => assert_eq!(k, want, "{line}"),
                _ => panic!("{line} read as a table"),
            }
        }
        assert!(matches!(classify("Focus Area | Priority Actions | Expected Outcomes |"), Line::TableRow));
        assert!(matches!(classify("---|---|---|"), Line::TableSeparator));
    }

    #[test]
    fn sentences_do_not_split_after_abbreviations_or_initials() {
        let doc = Document::from_text("d", "t", "Secretary of State Antony J. Blinken met the U.S. State Department official. Mr. Aliyev agreed! Then \"it ended.\" Done.");
        let a = AnalyzedDoc::new(&doc);
        let s: Vec<&str> = (0..a.sentences.len()).map(|i| a.sentence_text(i)).collect();
        assert_eq!(
            s,
            [
                "Secretary of State Antony J. Blinken met the U.S. State Department official.",
                "Mr. Aliyev agreed!",
                "Then \"it ended.\"",
                "Done."
            ]
        );
    }

    #[test]
    fn table_header_follows_blank_line() {
        let doc = Document::from_text("d", "t", "Intro text here.\nA | B |\n---|---|\nx | y |\n\nC | D |\n");
        let a = AnalyzedDoc::new(&doc);
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::TableHeader, BlockKind::TableRow, BlockKind::TableHeader]);
    }
}
