//! Reading a [`Document`] from raw text: its date line, dateline and title.

use crate::model::{Dateline, Document, Span};

impl Document {
    /// Builds a document from raw text, finding its date line, dateline and title.
    ///
    /// ```
    /// use newsgraph::model::Document;
    /// let doc = Document::from_text("d", "mem", "date 2024-02-17 Baku – Talks were held.");
    /// assert_eq!(doc.date.as_deref(), Some("2024-02-17"));
    /// let dl = doc.dateline.unwrap();
    /// assert_eq!(&doc.text[dl.place.start..dl.place.end], "Baku");
    /// ```
    pub fn from_text(id: &str, source: &str, text: &str) -> Document {
        let (date, body_start) = leading_date(text);
        let date = date.or_else(|| date_line(text, body_start));
        let dateline = find_dateline(text, body_start);
        let title = find_title(text, body_start);
        Document {
            id: id.to_owned(),
            title,
            date,
            source: source.to_owned(),
            url: None,
            text: text.to_owned(),
            body_start,
            dateline,
        }
    }
}

/// `date 2024-02-17`, `Date: 2024-02-17` at the very start: the date and where the body starts.
fn leading_date(text: &str) -> (Option<String>, usize) {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let word_len = trimmed.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(trimmed.len());
    if !trimmed[..word_len].eq_ignore_ascii_case("date") {
        return (None, 0);
    }
    let rest = trimmed[word_len..].trim_start_matches(':');
    let after_colon = trimmed.len() - rest.len();
    let value = rest.trim_start();
    let value_at = lead + after_colon + (rest.len() - value.len());
    match iso_date_prefix(value) {
        Some(date) => {
            let after = &text[value_at + 10..];
            let body = value_at + 10 + (after.len() - after.trim_start().len());
            (Some(date), body)
        }
        None => (None, 0),
    }
}

/// A short line among the first few that gives a full date (`*Baku, 12 March 2024*`,
/// `February 17, 2024`): the publication date.
fn date_line(text: &str, body_start: usize) -> Option<String> {
    let lines = text[body_start..].lines().map(str::trim).filter(|l| !l.is_empty()).take(4);
    for line in lines.filter(|l| l.chars().count() <= 60) {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '*' | '_' | '|'))
            .filter(|w| !w.is_empty())
            .collect();
        let has_year = words.iter().any(|w| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)));
        if has_year {
            if let Some(date) = crate::text::date_in(&words, None) {
                return Some(date);
            }
        }
    }
    None
}

/// `Some("YYYY-MM-DD")` when `s` starts with a valid ISO calendar date.
pub(crate) fn iso_date_prefix(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if b.get(10).is_some_and(|c| c.is_ascii_digit())
        || !(1..=12).contains(&m)
        || d == 0
        || d > crate::text::days_in_month(y as i32, m)
    {
        return None;
    }
    Some(s[..10].to_owned())
}

/// A dateline: up to four capitalized words, an optional `, more` and `(Agency)`, then a dash.
fn find_dateline(text: &str, body_start: usize) -> Option<Dateline> {
    let body = &text[body_start..];
    let line_end = body.find('\n').unwrap_or(body.len());
    let mut cut = line_end.min(80);
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &body[..cut];
    let dash_at = head.char_indices().find_map(|(i, c)| {
        let before_space = head[..i].ends_with(' ');
        let after_space = head[i + c.len_utf8()..].starts_with(' ');
        (matches!(c, '–' | '—' | '-') && before_space && after_space).then_some(i)
    })?;
    let prefix = head[..dash_at].trim_end();
    let (place_part, agency) = match (prefix.find('('), prefix.ends_with(')')) {
        (Some(open), true) => (prefix[..open].trim_end(), Some((open + 1, prefix.len() - 1))),
        _ => (prefix, None),
    };
    let place_text = place_part.split(',').next().unwrap_or("").trim_end();
    let words: Vec<&str> = place_text.split_whitespace().collect();
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if words.is_empty() || words.len() > 4 || !words.iter().all(capitalized) {
        return None;
    }
    let dash_len = head[dash_at..].chars().next().map_or(1, char::len_utf8);
    Some(Dateline {
        place: Span::new(body_start, body_start + place_text.len()),
        agency: agency.map(|(s, e)| Span::new(body_start + s, body_start + e)),
        whole: Span::new(body_start, body_start + dash_at + dash_len),
    })
}

/// The headline: a Markdown heading, else the first line when it is short and has no final stop,
/// else the first words of the text.
fn find_title(text: &str, body_start: usize) -> String {
    let body = &text[body_start..];
    if let Some(h) = body.lines().find_map(|l| l.strip_prefix('#')) {
        return h.trim_start_matches('#').trim().to_owned();
    }
    let first = body.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let ends_like_sentence = first.ends_with(['.', '!', '?', ':', ';']);
    if !first.is_empty() && first.chars().count() <= 150 && !ends_like_sentence {
        return first.to_owned();
    }
    let words: Vec<&str> = first.split_whitespace().take(12).collect();
    let mut title = words.join(" ");
    if first.split_whitespace().count() > 12 {
        title.push('…');
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        for (text, date, body) in [
            ("date 2024-02-17 In a significant", Some("2024-02-17"), "In a significant"),
            ("Date: 2023-12-01\n\nHeadline", Some("2023-12-01"), "Headline"),
            ("date 2024-02-30 bad day", None, "date 2024-02-30 bad day"),
            ("dated 2024-02-17", None, "dated 2024-02-17"),
            ("Headline\n\nBody", None, "Headline\n\nBody"),
            (
                "# Title\n\n*Baku, 12 March 2024*\n\nText.",
                Some("2024-03-12"),
                "# Title\n\n*Baku, 12 March 2024*\n\nText.",
            ),
            ("Title\n\nFebruary 17, 2024\n\nText.", Some("2024-02-17"), "Title\n\nFebruary 17, 2024\n\nText."),
        ] {
            let d = Document::from_text("x", "t", text);
            assert_eq!(d.date.as_deref(), date, "{text}");
            assert_eq!(&d.text[d.body_start..], body, "{text}");
        }
    }

    #[test]
    fn datelines() {
        for (text, place, agency) in [
            ("Baku – Azerbaijan’s Foreign Minister met", Some("Baku"), None),
            ("LONDON (Reuters) - Shares fell", Some("LONDON"), Some("Reuters")),
            ("WASHINGTON, Feb 17 (AP) — Talks", Some("WASHINGTON"), Some("AP")),
            ("New York - The", Some("New York"), None),
            ("The talks - which were long - ended", None, None),
            ("Quarterly profits at US media giant rose", None, None),
        ] {
            let d = Document::from_text("x", "t", text);
            assert_eq!(d.dateline.map(|dl| d.slice(dl.place).to_owned()).as_deref(), place, "{text}");
            assert_eq!(d.dateline.and_then(|dl| dl.agency).map(|s| d.slice(s)), agency, "{text}");
        }
    }

    #[test]
    fn titles() {
        for (text, title) in [
            ("Ad sales boost Time Warner profit\n\nQuarterly profits rose.", "Ad sales boost Time Warner profit"),
            ("# Blinken in Munich\n\nText.", "Blinken in Munich"),
            (
                "date 2024-02-17 One two three four five six seven eight nine ten eleven twelve thirteen.",
                "One two three four five six seven eight nine ten eleven twelve…",
            ),
        ] {
            assert_eq!(Document::from_text("x", "t", text).title, title);
        }
    }
}
