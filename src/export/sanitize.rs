//! What may reach an output: the one place that decides which characters every format can carry
//! and how an IRI is written so that every parser we test (oxttl, rapper, rdflib, pyoxigraph)
//! accepts it.
//!
//! Articles are read as they come, so a headline, a URL or a taxonomy label can hold Unicode
//! noncharacters (U+FFFE), control characters or spaces. Turtle, N-Triples and N-Quads parsers
//! reject noncharacters in literals, XML (SVG, the HTML page) forbids them and most controls, and
//! rdflib rejects IRIs with spaces of any kind. The writers call [`clean_text`] on every string
//! and [`safe_iri`] on every IRI; JSON keeps every character, escaping the ones XML would reject
//! ([`CleanJson`]).

use serde_json::ser::Formatter;
use std::borrow::Cow;
use std::io;

/// Whether a character cannot appear in our outputs: Unicode noncharacters (U+FDD0–U+FDEF and
/// the last two code points of every plane), C0 controls other than tab, line feed and carriage
/// return (which every writer escapes), DEL and the C1 controls.
///
/// ```
/// use newsgraph::export::is_unwritable;
/// assert!(is_unwritable('\u{fffe}') && is_unwritable('\u{1ffff}') && is_unwritable('\u{0}'));
/// assert!(!is_unwritable('\n') && !is_unwritable('é') && !is_unwritable('\u{a0}'));
/// ```
pub fn is_unwritable(c: char) -> bool {
    let n = c as u32;
    let noncharacter = (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE;
    let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    noncharacter || control
}

/// The text without the characters no output can carry ([`is_unwritable`]); borrowed when there
/// are none.
///
/// ```
/// use newsgraph::export::clean_text;
/// assert_eq!(clean_text("Talks\u{fffe} in\u{7} Baku"), "Talks in Baku");
/// assert!(matches!(clean_text("Baku"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn clean_text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unwritable) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|&c| !is_unwritable(c)).collect())
}

/// An IRI every RDF parser accepts: ASCII characters an IRI may not hold (space, `<>"{}|\^` and
/// the backtick, controls) and every non-ASCII character but letters and digits are
/// percent-encoded as their UTF-8 bytes, the mapping of RFC 3987 section 3.1, so the IRI still
/// names the same resource. Letters and digits of any script stay as they are.
///
/// ```
/// use newsgraph::export::safe_iri;
/// assert_eq!(safe_iri("https://x.test/a\u{a0}b c"), "https://x.test/a%C2%A0b%20c");
/// assert_eq!(safe_iri("https://de.wikipedia.org/wiki/München"), "https://de.wikipedia.org/wiki/München");
/// assert_eq!(safe_iri("https://x.test/\u{fffe}"), "https://x.test/%EF%BF%BE");
/// ```
pub fn safe_iri(s: &str) -> Cow<'_, str> {
    let keep = |c: char| {
        if c.is_ascii() {
            c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
        } else {
            c.is_alphanumeric()
        }
    };
    if s.chars().all(keep) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if keep(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    Cow::Owned(out)
}

/// A JSON formatter that writes the characters XML and some JSON readers reject
/// ([`is_unwritable`]) as `\u` escapes: the JSON means the same text, and the HTML page that
/// embeds it stays well-formed. Every other choice is the wrapped formatter's.
pub struct CleanJson<F>(pub F);

impl<F: Formatter> Formatter for CleanJson<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut from = 0;
        for (i, c) in fragment.char_indices().filter(|&(_, c)| is_unwritable(c)) {
            w.write_all(&fragment.as_bytes()[from..i])?;
            let mut units = [0; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            from = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[from..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hostile strings and what each cleaner makes of them.
    const HOSTILE: &[(&str, &str, &str)] = &[
        // (input, clean_text, safe_iri)
        ("plain", "plain", "plain"),
        ("a\u{fffe}b", "ab", "a%EF%BF%BEb"),
        ("a\u{ffff}b\u{fdd0}c", "abc", "a%EF%BF%BFb%EF%B7%90c"),
        ("plane\u{10fffe}", "plane", "plane%F4%8F%BF%BE"),
        ("nul\u{0}bell\u{7}esc\u{1b}", "nulbellesc", "nul%00bell%07esc%1B"),
        ("c1\u{85}del\u{7f}", "c1del", "c1%C2%85del%7F"),
        ("nb\u{a0}sp and space", "nb\u{a0}sp and space", "nb%C2%A0sp%20and%20space"),
        ("tab\tline\ncr\r", "tab\tline\ncr\r", "tab%09line%0Acr%0D"),
        ("<\"{}|\\^`>", "<\"{}|\\^`>", "%3C%22%7B%7D%7C%5C%5E%60%3E"),
        ("Алиев 北京 café", "Алиев 北京 café", "Алиев%20北京%20café"),
        ("bidi\u{202e}zw\u{200b}", "bidi\u{202e}zw\u{200b}", "bidi%E2%80%AEzw%E2%80%8B"),
        ("emoji🙂", "emoji🙂", "emoji%F0%9F%99%82"),
    ];

    #[test]
    fn every_hostile_string_is_made_writable() {
        for &(input, text, iri) in HOSTILE {
            assert_eq!(clean_text(input), text, "{input:?}");
            assert_eq!(safe_iri(input), iri, "{input:?}");
            let full = format!("https://x.test/{}", safe_iri(input));
            assert!(oxrdf::NamedNode::new(full.as_str()).is_ok(), "{full}");
        }
    }

    #[test]
    fn json_escapes_what_xml_rejects_and_reads_back_the_same() {
        for &(input, _, _) in HOSTILE {
            let mut out = Vec::new();
            let mut ser =
                serde_json::Serializer::with_formatter(&mut out, CleanJson(serde_json::ser::CompactFormatter));
            serde::Serialize::serialize(input, &mut ser).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(!text.chars().any(is_unwritable), "{text:?}");
            assert_eq!(serde_json::from_str::<String>(&text).unwrap(), input);
        }
    }
}
