//! Turning the inputs named on the command line into the files to read.
//!
//! Only regular files are read: a FIFO named `x.txt` would block the run forever, and a socket or
//! device is no article. Folders are walked in sorted order, following symbolic links but never
//! back into a folder being walked (a link to a parent would read the same files again and again),
//! and an entry that cannot be read is reported while its siblings still are. The sources are
//! sorted by path, so the same files named in any order give the same documents.

use super::{id_from_path, InputFormat};
use crate::error::Error;
use std::fs::FileType;
use std::path::{Path, PathBuf};

/// One thing to read: standard input or a file, with the id its documents start from.
#[derive(Debug)]
pub(super) struct Source {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// The document id (a JSONL file's records without one are `ID-LINE`).
    pub id: String,
    /// `None` when the file's extension names no format we read.
    pub format: Option<InputFormat>,
}

impl Source {
    /// Bytes to read, when known before reading.
    pub fn size(&self) -> Option<u64> {
        let path = self.path.as_ref()?;
        Some(std::fs::metadata(path).map_or(0, |m| m.len()))
    }

    /// The order sources are read in: by path, standard input first.
    fn key(&self) -> (Option<&Path>, &str) {
        (self.path.as_deref(), &self.id)
    }
}

/// The inputs as a sorted list of things to read, folders expanded; what cannot be read goes
/// to `errors`.
pub(super) fn list_sources(inputs: &[PathBuf], format: Option<InputFormat>, errors: &mut Vec<Error>) -> Vec<Source> {
    let mut sources = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source { path: None, id: "stdin".into(), format: Some(format.unwrap_or(InputFormat::Text)) });
            continue;
        }
        let kind = match std::fs::metadata(input) {
            Ok(m) => m.file_type(),
            Err(e) => {
                errors.push(Error::io(input, e));
                continue;
            }
        };
        if kind.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut vec![canonical(input)], &mut files, errors);
            for file in files {
                let id = id_from_path(&file.strip_prefix(input).unwrap_or(&file).with_extension(""));
                let format = InputFormat::of_path(&file);
                sources.push(Source { path: Some(file), id, format });
            }
        } else if let Some(what) = not_regular(kind) {
            errors.push(Error::NotRegular { path: input.clone(), what });
        } else {
            let stem = input.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let format = format.or_else(|| InputFormat::of_path(input));
            sources.push(Source { path: Some(input.clone()), id: id_from_path(Path::new(&stem)), format });
        }
    }
    sources.sort_by(|a, b| a.key().cmp(&b.key()));
    sources
}

/// Collects the article files under `dir` (hidden entries and other extensions left out), in
/// sorted order. `ancestors` are the real paths of the folders being walked.
fn walk(dir: &Path, ancestors: &mut Vec<PathBuf>, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Error::io(dir, e));
            return;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => errors.push(Error::io(dir, e)),
        }
    }
    paths.sort();
    for path in paths {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        let readable_name = InputFormat::of_path(&path).is_some();
        if hidden {
            continue;
        }
        let kind = match std::fs::metadata(&path) {
            Ok(m) => m.file_type(),
            // A dangling link or an entry gone since the listing: only worth a word if we would
            // have read it.
            Err(e) => {
                if readable_name || path.symlink_metadata().is_ok_and(|m| m.is_dir()) {
                    errors.push(Error::io(&path, e));
                }
                continue;
            }
        };
        if kind.is_dir() {
            let real = canonical(&path);
            if let Some(ancestor) = ancestors.iter().find(|a| **a == real) {
                errors.push(Error::LinkLoop { path: path.clone(), target: ancestor.clone() });
                continue;
            }
            ancestors.push(real);
            walk(&path, ancestors, files, errors);
            ancestors.pop();
        } else if !readable_name {
            continue;
        } else if let Some(what) = not_regular(kind) {
            errors.push(Error::NotRegular { path, what });
        } else {
            files.push(path);
        }
    }
}

/// The real path of a folder (itself when it cannot be resolved).
fn canonical(dir: &Path) -> PathBuf {
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// What a file is when it is neither a folder nor a regular file.
fn not_regular(kind: FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}
