//! Ingest: turns files, folders and standard input into [`Document`]s.
//!
//! Reading is forgiving at the collection level and strict at the file level: a file that is not
//! UTF-8 text (or a `.jsonl` line that is not an article record) becomes an [`Error`] naming it,
//! and every other input still goes through. Empty articles, special files (FIFOs, sockets) and
//! folders a symbolic link leads back into are reported the same way and skipped.

mod decode;
mod document;
mod jsonl;
mod walk;

use walk::{list_sources, Source};

use crate::error::Error;
use crate::model::Document;
use crate::progress::{NoProgress, Progress, Stage};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The documents read, and the errors met on the way (one per bad file or line).
#[derive(Debug, Default)]
pub struct Ingested {
    /// Documents in the sorted order of their paths (a `.jsonl` file's in line order), whatever
    /// the order the inputs were named in.
    pub documents: Vec<Document>,
    /// Inputs that could not be read; the rest went through.
    pub errors: Vec<Error>,
}

/// Reads every input: `.txt`, `.md` and `.jsonl` files, folders of them (recursively), and `-`
/// for standard input (read as plain text). Files are read in sorted path order, so the same
/// inputs named in another order give the same documents.
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
    let bytes = match bytes {
        Ok(bytes) => decode::strip_bom(bytes),
        Err(e) => {
            out.errors.push(Error::io(path, e));
            return;
        }
    };
    if format == InputFormat::Jsonl {
        match decode::utf16(&bytes) {
            Some(big_endian) => out.errors.push(Error::Utf16 { path: path.to_path_buf(), big_endian }),
            None => jsonl::read_jsonl(path, &source.id, &bytes, out, progress),
        }
        return;
    }
    let text = match decode::decode(path, bytes) {
        Ok(text) => text,
        Err(e) => {
            out.errors.push(e);
            return;
        }
    };
    progress.advance(text.len() as u64);
    if text.trim().is_empty() {
        out.errors.push(Error::Empty { path: path.to_path_buf() });
        return;
    }
    out.documents.push(Document::from_text(&source.id, &path.display().to_string(), &text));
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

/// Makes ids unique in reading order, as their IRIs see them: ids that differ only in case or
/// punctuation (`A` and `a`, `a_b` and `a-b`) would share one document IRI, so the second
/// becomes `a-2`.
fn dedupe_ids(docs: &mut [Document]) {
    let mut seen = std::collections::BTreeSet::new();
    for doc in docs {
        if !seen.insert(crate::kb::slug(&doc.id)) {
            let mut n = 2;
            while !seen.insert(crate::kb::slug(&format!("{}-{n}", doc.id))) {
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
        assert_eq!(got.documents.len(), 1, "the record with a bad date is left out");
        let a = &got.documents[0];
        assert_eq!((a.id.as_str(), a.title.as_str(), a.date.as_deref()), ("a1", "T", Some("2024-02-17")));
        assert_eq!(a.url.as_deref(), Some("https://x.test/a"));
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
