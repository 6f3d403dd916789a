//! Export: the graph as Turtle, N-Triples, N-Quads, DOT, JSON, and (through Graphviz) SVG and an
//! HTML page.
//!
//! Each writer streams into an `io::Write`, and every string passes through `sanitize` (what
//! each syntax can carry) on the way. [`write_files`] writes the requested formats as one change
//! (`transaction`): a failed or killed run never leaves a half-written or mixed set of files. DOT, SVG and HTML draw the same
//! [`Picture`], a selection of the graph chosen by [`DotOptions`]; the other formats hold it all.

mod dot;
mod html;
mod json;
mod rdf;
mod sanitize;
mod svg;
mod transaction;

pub use dot::{
    dot_escape, edge_style, find_entity, layout_of, node_style, penwidth, picture_note, relation_label, shorten, wrap,
    write_dot, write_picture, DotOptions, EdgeStyle, Engine, Layout, LeftOut, NodeStyle, Part, Picture,
    ROUTED_EDGES_UP_TO, SFDP_ABOVE, SHORT_LABEL_CHARS, WRAP_LABEL_CHARS,
};
pub use html::{html_escape, write_html, Drawing};
pub use json::write_json;
pub use rdf::{write_nquads, write_ntriples, write_turtle};
pub use sanitize::{clean_text, is_unwritable, safe_iri, CleanJson};
pub use svg::{render_svg, DEFAULT_SVG_TIMEOUT};
pub use transaction::recover;
use transaction::Transaction;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use crate::progress::{NoProgress, Progress, Stage, StageGuard};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

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
    /// SVG rendered by Graphviz (`graph.svg`): the picture and its legend.
    Svg,
    /// One self-contained page to explore the graph and the articles (`graph.html`).
    Html,
}

impl Format {
    /// Every format, in the order files are written.
    pub const ALL: [Format; 7] =
        [Format::Turtle, Format::NTriples, Format::NQuads, Format::Dot, Format::Json, Format::Svg, Format::Html];

    /// The file extension (and `--format` name).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Turtle => "ttl",
            Format::NTriples => "nt",
            Format::NQuads => "nq",
            Format::Dot => "dot",
            Format::Json => "json",
            Format::Svg => "svg",
            Format::Html => "html",
        }
    }

    /// Parses a `--format` name (`ttl`, `turtle`, `nt`, `nq`, `dot`, `json`, `svg`, `html`).
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
            "html" | "htm" => Format::Html,
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
    /// What the picture (DOT, SVG, HTML) shows.
    pub dot: DotOptions,
    /// How long Graphviz may take to draw the picture before it is stopped.
    pub svg_timeout: Duration,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            base_iri: crate::vocab::DEFAULT_BASE_IRI.to_owned(),
            dot: DotOptions::default(),
            svg_timeout: DEFAULT_SVG_TIMEOUT,
        }
    }
}

impl ExportOptions {
    /// Sets the base IRI, checking it is absolute and ends with `/` or `#` (ids are appended to it).
    /// Characters some parsers reject (spaces of any kind, noncharacters) are percent-encoded
    /// ([`safe_iri`]): the same IRI, written so that every parser reads it.
    pub fn with_base_iri(mut self, base_iri: impl Into<String>) -> Result<Self> {
        let given = base_iri.into();
        let base_iri = safe_iri(&given).into_owned();
        if oxrdf::NamedNode::new(base_iri.as_str()).is_err() || !(base_iri.ends_with('/') || base_iri.ends_with('#')) {
            return Err(Error::BaseIri { iri: given });
        }
        self.base_iri = base_iri;
        Ok(self)
    }
}

/// What [`write_files`] wrote, and what a person should be told about it.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// The files written, in format order.
    pub paths: Vec<PathBuf>,
    /// What the picture left out, in one line (`None` when it shows the whole graph).
    pub left_out: Option<String>,
    /// Problems that did not stop the run (Graphviz is not installed).
    pub warnings: Vec<String>,
}

/// The picture and its drawing, computed once for every format that shows them.
struct Prepared<'g> {
    picture: Option<Picture<'g>>,
    /// `Some(None)`: asked for, but Graphviz could not be run.
    svg: Option<Option<String>>,
}

const NO_GRAPHVIZ: &str = "Graphviz is not installed (no `dot` on PATH): no SVG picture, and graph.html shows none";

fn prepare<'g>(graph: &'g KnowledgeGraph, formats: &[Format], options: &ExportOptions) -> Result<Prepared<'g>> {
    let draws = |f: &Format| matches!(f, Format::Dot | Format::Svg | Format::Html);
    let picture = if formats.iter().any(draws) { Some(Picture::select(graph, &options.dot)?) } else { None };
    let svg = match &picture {
        Some(p) if formats.iter().any(|f| matches!(f, Format::Svg | Format::Html)) => {
            Some(render_svg(graph, p, &options.dot, options.svg_timeout)?)
        }
        _ => None,
    };
    if formats.contains(&Format::Svg) && matches!(svg, Some(None)) {
        return Err(Error::Export {
            format: "svg".into(),
            message: "cannot run Graphviz `dot`; install graphviz or leave svg out of --format".into(),
        });
    }
    Ok(Prepared { picture, svg })
}

fn write_prepared<W: Write>(
    graph: &KnowledgeGraph,
    format: Format,
    options: &ExportOptions,
    prepared: &Prepared,
    mut w: W,
) -> Result<()> {
    let err = |e: std::io::Error| Error::Export { format: format.extension().into(), message: e.to_string() };
    let missing = || Error::Export { format: format.extension().into(), message: "no picture was prepared".into() };
    match format {
        Format::Turtle => write_turtle(graph, options, w).map_err(err),
        Format::NTriples => write_ntriples(graph, options, w).map_err(err),
        Format::NQuads => write_nquads(graph, options, w).map_err(err),
        Format::Json => write_json(graph, w).map_err(err),
        Format::Dot => {
            let picture = prepared.picture.as_ref().ok_or_else(missing)?;
            write_picture(graph, picture, &options.dot, Part::Whole, w).map_err(err)
        }
        Format::Svg => {
            let svg = prepared.svg.as_ref().and_then(|s| s.as_deref()).ok_or_else(missing)?;
            w.write_all(svg.as_bytes()).and_then(|()| w.flush()).map_err(err)
        }
        Format::Html => {
            let picture = prepared.picture.as_ref().ok_or_else(missing)?;
            let drawing = match prepared.svg.as_ref().and_then(|s| s.as_deref()) {
                Some(svg) => Drawing::Svg(svg),
                None => Drawing::Missing("Graphviz is not installed"),
            };
            write_html(graph, picture, drawing, w).map_err(err)
        }
    }
}

/// Writes one format to `w` (SVG and HTML run Graphviz first).
pub fn write<W: Write>(graph: &KnowledgeGraph, format: Format, options: &ExportOptions, w: W) -> Result<()> {
    let prepared = prepare(graph, &[format], options)?;
    write_prepared(graph, format, options, &prepared, w)
}

/// Whether Graphviz's `dot` can be run.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// Writes `graph.<ext>` in `dir` for each format as one change (see [`recover`]): the folder
/// holds the whole old set or the whole new one, even if the run is killed. The picture is
/// selected and drawn once, for DOT, SVG and HTML alike. A format named twice is an error before
/// anything is written.
pub fn write_files(graph: &KnowledgeGraph, formats: &[Format], options: &ExportOptions, dir: &Path) -> Result<Written> {
    write_files_with_progress(graph, formats, options, dir, &NoProgress)
}

/// [`write_files`], telling `progress` each format written ([`Stage::Export`]).
pub fn write_files_with_progress(
    graph: &KnowledgeGraph,
    formats: &[Format],
    options: &ExportOptions,
    dir: &Path,
    progress: &dyn Progress,
) -> Result<Written> {
    write_files_replacing(graph, formats, &[], options, dir, progress)
}

/// [`write_files_with_progress`], also removing in the same change the files of `stale`
/// formats an earlier run left (the command line's default set, when it cannot draw the SVG,
/// leaves no graph.svg of an earlier graph beside the new one).
pub fn write_files_replacing(
    graph: &KnowledgeGraph,
    formats: &[Format],
    stale: &[Format],
    options: &ExportOptions,
    dir: &Path,
    progress: &dyn Progress,
) -> Result<Written> {
    if let Some(twice) = formats.iter().enumerate().find_map(|(i, f)| formats[..i].contains(f).then_some(f)) {
        let message = "named twice in the list of formats".into();
        return Err(Error::Export { format: twice.extension().into(), message });
    }
    let _stage = StageGuard::begin(progress, Stage::Export, Some(formats.len() as u64));
    let prepared = prepare(graph, formats, options)?;
    let left_out = prepared.picture.as_ref().and_then(|p| p.left_out.describe()).map(|l| format!("picture: {l}"));
    let warnings = if matches!(prepared.svg, Some(None)) { vec![NO_GRAPHVIZ.to_owned()] } else { Vec::new() };
    let mut tx = Transaction::begin(dir)?;
    let mut write_all = || -> Result<()> {
        for &format in formats {
            let (tmp, file) = tx.create(format.extension())?;
            let mut w = std::io::BufWriter::new(file);
            write_prepared(graph, format, options, &prepared, &mut w)?;
            let file = w.into_inner().map_err(|e| Error::io(&tmp, e.into_error()))?;
            file.sync_all().map_err(|e| Error::io(&tmp, e))?;
            progress.advance(1);
        }
        Ok(())
    };
    if let Err(e) = write_all() {
        tx.abandon();
        return Err(e);
    }
    for format in stale.iter().filter(|f| !formats.contains(f)) {
        tx.remove(format.extension());
    }
    let paths = tx.commit()?;
    Ok(Written { paths, left_out, warnings })
}
