//! [`Document`]: one article, its metadata and its text.

use super::Span;
use serde::Serialize;

/// One news article.
///
/// `text` is kept exactly as read, so every byte span in the graph points into it.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Stable id, unique within a run (file stem, folder-relative path, or the `.jsonl` `id`).
    pub id: String,
    /// Headline: a `.jsonl` title, a Markdown heading, or the first line when it reads as one.
    pub title: String,
    /// Publication date (ISO `YYYY-MM-DD`), from a leading `date YYYY-MM-DD` line or the record.
    pub date: Option<String>,
    /// Where it was read from (path, `path:line` for `.jsonl`, or `<stdin>`).
    pub source: String,
    /// The article's URL when the record gives one.
    pub url: Option<String>,
    /// The full text.
    #[serde(skip)]
    pub text: String,
    /// Where the article body starts (after a leading date line).
    #[serde(skip)]
    pub body_start: usize,
    /// The dateline (`Baku –`, `LONDON (Reuters) -`) when the body opens with one.
    #[serde(skip)]
    pub dateline: Option<Dateline>,
}

/// A dateline's parts, as byte spans into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline {
    /// The place name (`Baku`, `LONDON`).
    pub place: Span,
    /// The agency in parentheses (`Reuters`), if any.
    pub agency: Option<Span>,
    /// The whole dateline including the dash.
    pub whole: Span,
}

impl Document {
    /// The text of a span of this document.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}
