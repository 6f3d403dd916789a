//! Export: the graph as Turtle, N-Triples, N-Quads, DOT, JSON and (through Graphviz) SVG.
//!
//! Each writer streams into an `io::Write`. [`write_files`] writes every requested format to a
//! temporary file beside its target and renames them into place only when all succeeded, so a
//! failed run never leaves a half-written or mixed set of files.

mod dot;
mod json;
mod rdf;

pub use dot::{dot_escape, write_dot};
pub use json::write_json;
pub use rdf::{write_nquads, write_ntriples, write_turtle};

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use crate::progress::{NoProgress, Progress, Stage, StageGuard};
use std::io::Write;
use std::path::{Path, PathBuf};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Turtle (`graph.ttl`).
    Turtle,
    /// N-Triples (`graph.nt`).
    NTriples,
    /// N-Quads with one named graph per document (`graph.nq`).
    NQuads,
    /// Graphviz DOT (`graph.dot`).
    Dot,
    /// JSON (`graph.json`): entities, relations, mentions and evidence.
    Json,
    /// SVG rendered by Graphviz's `dot` (`graph.svg`).
    Svg,
}

impl Format {
    /// Every format, in the order files are written.
    pub const ALL: [Format; 6] =
        [Format::Turtle, Format::NTriples, Format::NQuads, Format::Dot, Format::Json, Format::Svg];

    /// The file extension (and `--format` name).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Turtle => "ttl",
            Format::NTriples => "nt",
            Format::NQuads => "nq",
            Format::Dot => "dot",
            Format::Json => "json",
            Format::Svg => "svg",
        }
    }

    /// Parses a `--format` name (`ttl`, `turtle`, `nt`, `nq`, `dot`, `json`, `svg`).
    ///
    /// ```
    /// use newsgraph::export::Format;
    /// assert_eq!(Format::parse("turtle"), Some(Format::Turtle));
    /// assert_eq!(Format::parse("xml"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "ttl" | "turtle" => Format::Turtle,
            "nt" | "ntriples" | "n-triples" => Format::NTriples,
            "nq" | "nquads" | "n-quads" => Format::NQuads,
            "dot" | "gv" => Format::Dot,
            "json" => Format::Json,
            "svg" => Format::Svg,
            _ => return None,
        })
    }
}

/// Options of the exporters: start from `ExportOptions::default()` and change what you need.
///
/// ```
/// use newsgraph::export::ExportOptions;
/// let options = ExportOptions::default().with_base_iri("http://example.org/kg/").unwrap();
/// assert_eq!(options.base_iri, "http://example.org/kg/");
/// assert!(ExportOptions::default().with_base_iri("not an iri").is_err());
/// ```
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Base IRI of entities, documents and evidence (must end with `/` or `#`).
    pub base_iri: String,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { base_iri: crate::vocab::DEFAULT_BASE_IRI.to_owned() }
    }
}

impl ExportOptions {
    /// Sets the base IRI, checking it is absolute and ends with `/` or `#` (ids are appended to it).
    pub fn with_base_iri(mut self, base_iri: impl Into<String>) -> Result<Self> {
        let base_iri = base_iri.into();
        if oxrdf::NamedNode::new(base_iri.as_str()).is_err() || !(base_iri.ends_with('/') || base_iri.ends_with('#')) {
            return Err(Error::BaseIri { iri: base_iri });
        }
        self.base_iri = base_iri;
        Ok(self)
    }
}

/// Writes one format (not SVG, which needs Graphviz: see [`write_files`]) to `w`.
pub fn write<W: Write>(graph: &KnowledgeGraph, format: Format, options: &ExportOptions, w: W) -> Result<()> {
    let err = |e: std::io::Error| Error::Export { format: format.extension().into(), message: e.to_string() };
    match format {
        Format::Turtle => write_turtle(graph, options, w).map_err(err),
        Format::NTriples => write_ntriples(graph, options, w).map_err(err),
        Format::NQuads => write_nquads(graph, options, w).map_err(err),
        Format::Dot => write_dot(graph, w).map_err(err),
        Format::Json => write_json(graph, w).map_err(err),
        Format::Svg => {
            Err(Error::Export { format: "svg".into(), message: "SVG is rendered from DOT by write_files".into() })
        }
    }
}

/// Whether Graphviz's `dot` can be run.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// Writes `graph.<ext>` in `dir` for each format, atomically: all files or none are replaced.
/// Returns the paths written.
pub fn write_files(
    graph: &KnowledgeGraph,
    formats: &[Format],
    options: &ExportOptions,
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    write_files_with_progress(graph, formats, options, dir, &NoProgress)
}

/// [`write_files`], telling `progress` each format written ([`Stage::Export`]).
pub fn write_files_with_progress(
    graph: &KnowledgeGraph,
    formats: &[Format],
    options: &ExportOptions,
    dir: &Path,
    progress: &dyn Progress,
) -> Result<Vec<PathBuf>> {
    let _stage = StageGuard::begin(progress, Stage::Export, Some(formats.len() as u64));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let result = (|| {
        for &format in formats {
            let target = dir.join(format!("graph.{}", format.extension()));
            let tmp = dir.join(format!(".graph.{}.tmp-{}", format.extension(), std::process::id()));
            staged.push((tmp.clone(), target));
            if format == Format::Svg {
                render_svg(graph, &tmp)?;
                progress.advance(1);
                continue;
            }
            let file = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
            let mut w = std::io::BufWriter::new(file);
            write(graph, format, options, &mut w)?;
            let file = w.into_inner().map_err(|e| Error::io(&tmp, e.into_error()))?;
            file.sync_all().map_err(|e| Error::io(&tmp, e))?;
            progress.advance(1);
        }
        Ok(())
    })();
    if let Err(e) = result {
        for (tmp, _) in &staged {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(e);
    }
    let mut written = Vec::new();
    for (tmp, target) in staged {
        std::fs::rename(&tmp, &target).map_err(|e| Error::io(&target, e))?;
        written.push(target);
    }
    Ok(written)
}

/// Renders the DOT export to SVG with `dot -Tsvg`.
fn render_svg(graph: &KnowledgeGraph, out: &Path) -> Result<()> {
    let mut dot = Vec::new();
    write_dot(graph, &mut dot).map_err(|e| Error::io(out, e))?;
    let mut child = std::process::Command::new("dot")
        .args(["-Tsvg", "-o"])
        .arg(out)
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| Error::Export {
            format: "svg".into(),
            message: format!("cannot run Graphviz `dot` ({e}); install graphviz or leave svg out of --format"),
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(&dot).map_err(|e| Error::io(out, e))?;
    }
    let output = child.wait_with_output().map_err(|e| Error::io(out, e))?;
    if !output.status.success() {
        return Err(Error::Export {
            format: "svg".into(),
            message: format!("dot failed: {}", String::from_utf8_lossy(&output.stderr).trim()),
        });
    }
    Ok(())
}
