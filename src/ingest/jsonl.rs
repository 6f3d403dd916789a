//! JSON Lines: one article record a line, each line read on its own, so one bad line (bad bytes
//! included) is reported with its number and every other record still goes through.

use super::{id_from_path, Document, Ingested};
use crate::error::Error;
use crate::progress::Progress;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::path::Path;

/// Reads `{"id", "title", "date", "url", "text"}` records, only `text` required, from the bytes
/// of a file (its byte-order mark already dropped). `stem` names records without an id.
pub(super) fn read_jsonl(path: &Path, stem: &str, bytes: &[u8], out: &mut Ingested, progress: &dyn Progress) {
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        progress.advance(line.len() as u64 + 1);
        let bad = |message: String| Error::Jsonl { path: path.to_path_buf(), line: i + 1, message };
        let line = match std::str::from_utf8(line) {
            Ok(line) => line.strip_suffix('\r').unwrap_or(line),
            Err(e) => {
                let message = format!("not valid UTF-8 (first bad byte at column {})", e.valid_up_to() + 1);
                out.errors.push(bad(message));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match record(line, &format!("{stem}-{}", i + 1), &format!("{}:{}", path.display(), i + 1)) {
            Ok(doc) => out.documents.push(doc),
            Err(message) => out.errors.push(bad(message)),
        }
    }
}

/// One record as a document, or what is wrong with it (the record is then left out whole).
fn record(line: &str, default_id: &str, source: &str) -> Result<Document, String> {
    let fields: BTreeMap<String, &RawValue> = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let text = string_field(&fields, "text")?.ok_or("record has no string field \"text\"")?;
    if text.trim().is_empty() {
        return Err("\"text\" is empty: no article to read".into());
    }
    let id = match fields.get("id").map(|raw| raw.get()) {
        None | Some("null") => default_id.to_owned(),
        Some(raw) if raw.starts_with('"') => id_from_path(Path::new(&parse::<String>(raw, "id")?)),
        // A number as written: `12345678901234567890` stays that, not `1.2345678901234567e19`.
        Some(raw) if raw.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => id_from_path(Path::new(raw)),
        Some(raw) => return Err(format!("\"id\" must be a string or a number, not {raw}")),
    };
    let date = match string_field(&fields, "date")? {
        Some(date) => Some(
            super::document::iso_date_prefix(&date)
                .ok_or_else(|| format!("\"date\" is not an ISO date (YYYY-MM-DD): {date:?}"))?,
        ),
        None => None,
    };
    let mut doc = Document::from_text(&id, source, &text);
    if let Some(title) = string_field(&fields, "title")?.filter(|t| !t.trim().is_empty()) {
        doc.title = title.trim().to_owned();
    }
    if date.is_some() {
        doc.date = date;
    }
    doc.url = string_field(&fields, "url")?;
    Ok(doc)
}

/// A field that must be a string when it is there (`null` counts as absent).
fn string_field(fields: &BTreeMap<String, &RawValue>, name: &str) -> Result<Option<String>, String> {
    match fields.get(name).map(|raw| raw.get()) {
        None | Some("null") => Ok(None),
        Some(raw) if raw.starts_with('"') => parse(raw, name).map(Some),
        Some(raw) => Err(format!("\"{name}\" must be a string, not {raw}")),
    }
}

fn parse<T: serde::de::DeserializeOwned>(raw: &str, name: &str) -> Result<T, String> {
    serde_json::from_str(raw).map_err(|e| format!("\"{name}\": {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Ingested {
        let mut out = Ingested::default();
        read_jsonl(Path::new("feed.jsonl"), "feed", bytes, &mut out, &crate::progress::NoProgress);
        out
    }

    fn messages(got: &Ingested) -> Vec<String> {
        got.errors.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn a_bad_byte_drops_only_its_line() {
        let got = read(b"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"caf\xe9\"}\r\n{\"id\":\"c\",\"text\":\"Two.\"}\r\n");
        let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(messages(&got), ["feed.jsonl:2: not valid UTF-8 (first bad byte at column 22)"]);
    }

    #[test]
    fn large_numeric_ids_are_kept_as_written() {
        let got = read(b"{\"id\":12345678901234567890123456789012,\"text\":\"One.\"}\n{\"id\":-7,\"text\":\"Two.\"}");
        let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["12345678901234567890123456789012", "-7"]);
    }

    #[test]
    fn a_record_with_a_bad_field_is_left_out_whole() {
        let got = read(
            concat!(
                r#"{"text":"Kept.","date":"2024-02-17","url":null}"#,
                "\n",
                r#"{"text":"Bad date.","date":"17 Feb"}"#,
                "\n",
                r#"{"text":"Numeric date.","date":20240217}"#,
                "\n",
                r#"{"text":"  "}"#,
                "\n",
                r#"{"text":"Odd id.","id":[1]}"#,
            )
            .as_bytes(),
        );
        assert_eq!(got.documents.len(), 1);
        assert_eq!(got.documents[0].date.as_deref(), Some("2024-02-17"));
        let msgs = messages(&got);
        assert!(msgs[0].starts_with("feed.jsonl:2: \"date\" is not an ISO date"), "{msgs:?}");
        assert!(msgs[1].starts_with("feed.jsonl:3: \"date\" must be a string, not 20240217"), "{msgs:?}");
        assert!(msgs[2].starts_with("feed.jsonl:4: \"text\" is empty"), "{msgs:?}");
        assert!(msgs[3].starts_with("feed.jsonl:5: \"id\" must be a string or a number"), "{msgs:?}");
    }
}
