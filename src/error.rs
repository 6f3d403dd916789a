//! The library's error type: every variant names the file (or data source) and what is wrong.

use std::path::PathBuf;

/// What can go wrong while reading articles, loading data or writing the graph.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A file is not UTF-8 text.
    #[error("{}: not valid UTF-8 text (first bad byte at offset {offset})", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A file looks binary (it holds NUL bytes).
    #[error("{}: binary data, not text (NUL byte at offset {offset})", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// A line of a `.jsonl` file is not a valid article record.
    #[error("{}:{line}: {message}", path.display())]
    Jsonl {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the record.
        message: String,
    },
    /// A file is UTF-16 text, which is not read (only UTF-8 is).
    #[error("{}: UTF-16 ({}) text, not UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)", path.display(), if *big_endian { "big-endian" } else { "little-endian" })]
    Utf16 {
        /// The file.
        path: PathBuf,
        /// Byte order.
        big_endian: bool,
    },
    /// An article file holds no text (empty or only white space).
    #[error("{}: empty article (no text)", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A FIFO, socket or device where an article file was expected: reading it could block.
    #[error("{}: {what}, not a regular file", path.display())]
    NotRegular {
        /// The entry.
        path: PathBuf,
        /// What it is (`a FIFO`).
        what: &'static str,
    },
    /// A symbolic link leads back into a folder being read; following it would read the same
    /// files again and again.
    #[error("{}: symbolic link loop (leads back to {}), not followed", path.display(), target.display())]
    LinkLoop {
        /// The link.
        path: PathBuf,
        /// The folder it leads back to.
        target: PathBuf,
    },
    /// A file has an extension we do not read.
    #[error("{}: unsupported file type (expected .txt, .md or .jsonl)", path.display())]
    Unsupported {
        /// The file.
        path: PathBuf,
    },
    /// A knowledge-base or taxonomy data file is malformed.
    #[error("{source_name}:{line}: {message}")]
    Data {
        /// The data file's name.
        source_name: String,
        /// 1-based line number (0 when not known).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A base IRI that ids cannot be appended to.
    #[error("base IRI {iri:?} is not an absolute IRI ending in '/' or '#'")]
    BaseIri {
        /// The IRI given.
        iri: String,
    },
    /// An export could not be produced.
    #[error("{format} export: {message}")]
    Export {
        /// The format being written.
        format: String,
        /// What went wrong.
        message: String,
    },
    /// `--focus` names no entity, or several.
    #[error("--focus {query:?}: {message}")]
    UnknownEntity {
        /// What was asked for.
        query: String,
        /// What is wrong, with candidates.
        message: String,
    },
}

/// Result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Wraps an I/O error with the path it happened on.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }
}
