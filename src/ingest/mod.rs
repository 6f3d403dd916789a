//! Ingest: turns files, folders and standard input into [`Document`]s.
//!
//! Reading is forgiving at the collection level and strict at the file level: a file that is not
//! UTF-8 text (or a `.jsonl` line that is not an article record) becomes an [`Error`] naming it,
//! and every other input still goes through.

mod document;

use crate::error::{Error, Result};
use crate::model::Document;
use crate::progress::{NoProgress, Progress, Stage};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The documents read, and the errors met on the way (one per bad file or line).
#[derive(Debug, Default)]
pub struct Ingested {
    /// Documents in input order (folders in sorted path order).
    pub documents: Vec<Document>,
    /// Inputs that could not be read; the rest went through.
    pub errors: Vec<Error>,
}

/// Reads every input: `.txt`, `.md` and `.jsonl` files, folders of them (recursively, in sorted
/// order), and `-` for standard input (read as plain text).
///
/// ```
/// let dir = std::env::temp_dir().join("newsgraph-doc-ingest");
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("a.txt"), "Talks in Baku\n\nThe talks went well.").unwrap();
/// let got = newsgraph::ingest::read_inputs(&[dir.join("a.txt")]);
/// assert_eq!(got.documents[0].id, "a");
/// assert_eq!(got.documents[0].title, "Talks in Baku");
/// ```
pub fn read_inputs(inputs: &[PathBuf]) -> Ingested {
    read_inputs_with(inputs, None, &NoProgress)
}

/// [`read_inputs`], reading standard input and the files named in `inputs` as `format` whatever
/// their extension (files found in folders are still chosen and read by theirs), and telling
/// `progress` how many bytes are read ([`Stage::Read`]).
///
/// ```
/// use newsgraph::ingest::{read_inputs_with, InputFormat};
/// let file = std::env::temp_dir().join("newsgraph-doc-feed.data");
/// std::fs::write(&file, "{\"id\": \"a1\", \"text\": \"Talks in Baku.\"}\n").unwrap();
/// let got = read_inputs_with(&[file], Some(InputFormat::Jsonl), &newsgraph::progress::NoProgress);
/// assert_eq!(got.documents[0].id, "a1");
/// ```
pub fn read_inputs_with(inputs: &[PathBuf], format: Option<InputFormat>, progress: &dyn Progress) -> Ingested {
    let mut out = Ingested::default();
    let sources = list_sources(inputs, format, &mut out.errors);
    progress.begin(Stage::Read, sources.iter().map(Source::size).sum());
    for source in &sources {
        read_source(source, &mut out, progress);
    }
    progress.end(Stage::Read);
    dedupe_ids(&mut out.documents);
    out
}

/// How an article file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text or Markdown, one article a file (the text stage reads Markdown's headings, lists
    /// and tables as layout, so both are read the same way).
    Text,
    /// JSON Lines: one `{"id","title","date","url","text"}` record a line, only `text` required.
    Jsonl,
}

impl InputFormat {
    /// The format a file's extension names: `.txt`, `.md`, `.markdown`; `.jsonl`, `.ndjson`.
    ///
    /// ```
    /// use newsgraph::ingest::InputFormat;
    /// assert_eq!(InputFormat::of_path("feed.NDJSON".as_ref()), Some(InputFormat::Jsonl));
    /// assert_eq!(InputFormat::of_path("notes.csv".as_ref()), None);
    /// ```
    pub fn of_path(path: &Path) -> Option<InputFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" | "md" | "markdown" => Some(InputFormat::Text),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            _ => None,
        }
    }
}

/// One thing to read: standard input or a file, with the id its documents start from.
struct Source {
    /// `None` for standard input.
    path: Option<PathBuf>,
    /// The document id (a JSONL file's records without one are `ID-LINE`).
    id: String,
    /// `None` when the file's extension names no format we read.
    format: Option<InputFormat>,
}

impl Source {
    /// Bytes to read, when known before reading.
    fn size(&self) -> Option<u64> {
        let path = self.path.as_ref()?;
        Some(std::fs::metadata(path).map_or(0, |m| m.len()))
    }
}

/// The inputs as a list of things to read, folders expanded in sorted order.
fn list_sources(inputs: &[PathBuf], format: Option<InputFormat>, errors: &mut Vec<Error>) -> Vec<Source> {
    let mut sources = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source { path: None, id: "stdin".into(), format: Some(format.unwrap_or(InputFormat::Text)) });
        } else if input.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = walk(input, &mut files) {
                errors.push(e);
            }
            files.sort();
            for file in files {
                let id = id_from_path(&file.strip_prefix(input).unwrap_or(&file).with_extension(""));
                let format = InputFormat::of_path(&file);
                sources.push(Source { path: Some(file), id, format });
            }
        } else {
            let stem = input.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let format = format.or_else(|| InputFormat::of_path(input));
            sources.push(Source { path: Some(input.clone()), id: id_from_path(Path::new(&stem)), format });
        }
    }
    sources
}

/// Collects readable files under `dir`, skipping hidden entries and other extensions.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, files)?;
        } else if InputFormat::of_path(&path).is_some() {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads one source into `out`: its documents, or the error that stopped it.
fn read_source(source: &Source, out: &mut Ingested, progress: &dyn Progress) {
    let stdin = Path::new("<stdin>");
    let path = source.path.as_deref().unwrap_or(stdin);
    let Some(format) = source.format else {
        out.errors.push(Error::Unsupported { path: path.to_path_buf() });
        return;
    };
    let bytes = match &source.path {
        Some(file) => std::fs::read(file),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
        }
    };
    let text = match bytes.map_err(|e| Error::io(path, e)).and_then(|b| decode(path, b)) {
        Ok(text) => text,
        Err(e) => {
            out.errors.push(e);
            return;
        }
    };
    match format {
        InputFormat::Text => {
            out.documents.push(Document::from_text(&source.id, &path.display().to_string(), &text));
            progress.advance(text.len() as u64);
        }
        InputFormat::Jsonl => read_jsonl(path, &source.id, &text, out, progress),
    }
}

/// One JSON object a line: `{"id", "title", "date", "url", "text"}`, only `text` required.
fn read_jsonl(path: &Path, stem: &str, text: &str, out: &mut Ingested, progress: &dyn Progress) {
    for (i, line) in text.lines().enumerate() {
        progress.advance(line.len() as u64 + 1);
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| Error::Jsonl { path: path.to_path_buf(), line: i + 1, message };
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                out.errors.push(bad(format!("not JSON: {e}")));
                continue;
            }
        };
        let field = |name: &str| value.get(name).and_then(|v| v.as_str()).map(str::to_owned);
        let Some(body) = field("text") else {
            out.errors.push(bad("record has no string field \"text\"".into()));
            continue;
        };
        let id = match value.get("id") {
            Some(serde_json::Value::String(s)) => id_from_path(Path::new(s)),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{stem}-{}", i + 1),
        };
        let mut doc = Document::from_text(&id, &format!("{}:{}", path.display(), i + 1), &body);
        if let Some(title) = field("title").filter(|t| !t.trim().is_empty()) {
            doc.title = title.trim().to_owned();
        }
        if let Some(date) = field("date") {
            match document::iso_date_prefix(&date) {
                Some(d) => doc.date = Some(d),
                None => out.errors.push(bad(format!("\"date\" is not an ISO date (YYYY-MM-DD): {date:?}"))),
            }
        }
        doc.url = field("url");
        out.documents.push(doc);
    }
}

/// Checks that bytes are text: no NUL byte, valid UTF-8; drops a byte-order mark.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { path: path.to_path_buf(), offset });
    }
    let mut text = String::from_utf8(bytes)
        .map_err(|e| Error::NotUtf8 { path: path.to_path_buf(), offset: e.utf8_error().valid_up_to() })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// A document id from a relative path: path separators become `-`, anything else unsafe `_`.
fn id_from_path(rel: &Path) -> String {
    let joined = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("-");
    let id: String = joined
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
        .collect();
    if id.is_empty() {
        "doc".into()
    } else {
        id
    }
}

/// Makes ids unique in input order: the second `a` becomes `a-2`.
fn dedupe_ids(docs: &mut [Document]) {
    let mut seen = std::collections::BTreeSet::new();
    for doc in docs {
        if !seen.insert(doc.id.clone()) {
            let mut n = 2;
            while !seen.insert(format!("{}-{n}", doc.id)) {
                n += 1;
            }
            doc.id = format!("{}-{n}", doc.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsgraph-ingest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn bad_files_are_named_and_others_go_through() {
        let dir = tmp("bad");
        std::fs::write(dir.join("good.txt"), "Hello\n\nBlinken met Aliyev.").unwrap();
        std::fs::write(dir.join("latin1.txt"), b"caf\xe9 in Paris").unwrap();
        std::fs::write(dir.join("blob.md"), b"PK\x03\x04\x00\x00").unwrap();
        let got = read_inputs(std::slice::from_ref(&dir));
        assert_eq!(got.documents.len(), 1);
        assert_eq!(got.documents[0].id, "good");
        let msgs: Vec<String> = got.errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("blob.md") && m.contains("binary")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("latin1.txt") && m.contains("UTF-8") && m.contains("offset 3")));
    }

    #[test]
    fn jsonl_records_and_bad_lines() {
        let dir = tmp("jsonl");
        let file = dir.join("feed.jsonl");
        std::fs::write(
            &file,
            concat!(
                r#"{"id":"a1","title":"T","date":"2024-02-17T10:00:00Z","url":"https://x.test/a","text":"Blinken met Aliyev."}"#,
                "\n{not json}\n",
                r#"{"title":"no text"}"#,
                "\n",
                r#"{"text":"Second.","date":"17 Feb"}"#,
                "\n"
            ),
        )
        .unwrap();
        let got = read_inputs(&[file]);
        assert_eq!(got.documents.len(), 2);
        let a = &got.documents[0];
        assert_eq!((a.id.as_str(), a.title.as_str(), a.date.as_deref()), ("a1", "T", Some("2024-02-17")));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(got.documents[1].id, "feed-4");
        let msgs: Vec<String> = got.errors.iter().map(|e| e.to_string()).collect();
        assert!(msgs[0].ends_with("feed.jsonl:2: not JSON: key must be a string at line 1 column 2"), "{msgs:?}");
        assert!(msgs[1].contains("feed.jsonl:3: record has no string field"));
        assert!(msgs[2].contains("feed.jsonl:4: \"date\" is not an ISO date"));
    }

    #[test]
    fn folder_ids_keep_subfolders_apart() {
        let dir = tmp("ids");
        for sub in ["business", "politics"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
            std::fs::write(dir.join(sub).join("001.txt"), "Headline\n\nText.").unwrap();
        }
        std::fs::write(dir.join("notes.csv"), "skipped").unwrap();
        let got = read_inputs(&[dir]);
        let ids: Vec<&str> = got.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["business-001", "politics-001"]);
        assert!(got.errors.is_empty());
    }

    #[test]
    fn a_named_file_of_another_type_is_an_error() {
        let dir = tmp("type");
        std::fs::write(dir.join("x.pdf"), "%PDF").unwrap();
        let got = read_inputs(&[dir.join("x.pdf")]);
        assert!(got.errors[0].to_string().contains("unsupported file type"));
    }
}
