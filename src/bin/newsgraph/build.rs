//! `newsgraph build`: arguments to the library's settings, then read, build and write.

use crate::args::BuildArgs;
use crate::progress::Reporter;
use anyhow::{bail, Context, Result};
use newsgraph::export::{graphviz_available, write_files_with_progress, ExportOptions, Format};
use newsgraph::progress::{Progress, Stage, StageGuard};
use newsgraph::{ingest, Config, KnowledgeGraph};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where the graph goes.
enum Destination {
    /// `--out -`: the one format on standard output.
    Stdout(Format),
    /// `--out DIR`: `graph.<ext>` files, written atomically.
    Folder { dir: PathBuf, formats: Vec<Format> },
}

/// Runs `newsgraph build`: exit status 0, or 1 when some inputs could not be read.
pub fn run(args: BuildArgs, reporter: &Reporter) -> Result<ExitCode> {
    let destination = destination(&args.out, args.format.as_deref())?;
    let options = ExportOptions::default().with_base_iri(args.base_iri.as_str()).context("--base-iri")?;
    let options = args.picture.apply(options)?;
    let config = config(&args)?;
    let ingested = ingest::read_inputs_with(&args.inputs, args.input_format.map(Into::into), reporter);
    for e in &ingested.errors {
        log::warn!("{e} (skipped)");
    }
    if ingested.documents.is_empty() {
        bail!("no readable article among the inputs");
    }
    let n_docs = ingested.documents.len();
    let graph = newsgraph::pipeline::build_with_progress(ingested.documents, &config, reporter);
    let written = match destination {
        Destination::Stdout(format) => {
            write_stdout(&graph, format, &options, reporter)?;
            format!("standard output ({})", format.extension())
        }
        Destination::Folder { dir, formats } => {
            let written = write_files_with_progress(&graph, &formats, &options, &dir, reporter)
                .with_context(|| format!("writing to {}", dir.display()))?;
            written.warnings.iter().for_each(|w| log::warn!("{w}"));
            let paths = written.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
            // What the picture left out ends the one summary line.
            match written.left_out {
                Some(left_out) => format!("{paths}; {left_out}"),
                None => paths,
            }
        }
    };
    log::info!(
        "{n_docs} documents, {} entities, {} relations -> {written}",
        graph.entity_count(),
        graph.relation_count()
    );
    if !ingested.errors.is_empty() {
        log::error!("{} input(s) could not be read (see the warnings above)", ingested.errors.len());
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// `--out` and `--format` as a destination; `--out -` needs exactly one format.
fn destination(out: &Path, format: Option<&str>) -> Result<Destination> {
    let formats = match format {
        Some(list) => parse_formats(list)?,
        None => Format::ALL.into_iter().filter(|&f| f != Format::Svg || graphviz_available()).collect(),
    };
    if out.as_os_str() != "-" {
        return Ok(Destination::Folder { dir: out.to_path_buf(), formats });
    }
    match (format, formats.as_slice()) {
        (Some(_), &[one]) => Ok(Destination::Stdout(one)),
        (None, _) => {
            bail!("--out - writes one format to standard output: name it with --format (ttl, nt, nq, dot, json, svg or html)")
        }
        (Some(_), many) => bail!(
            "--out - writes one format to standard output, but --format names {}: {}",
            many.len(),
            many.iter().map(|f| f.extension()).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// `--format ttl,nt,...`.
fn parse_formats(list: &str) -> Result<Vec<Format>> {
    let formats = list
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|name| {
            Format::parse(name)
                .with_context(|| format!("unknown format {name:?} (expected ttl, nt, nq, dot, json, svg, html)"))
        })
        .collect::<Result<Vec<_>>>()?;
    if formats.is_empty() {
        bail!("--format names no format");
    }
    Ok(formats)
}

/// The built-in models and knowledge base, changed as the arguments say.
fn config(args: &BuildArgs) -> Result<Config> {
    let start = std::time::Instant::now();
    let mut config = Config::builtin().context("loading the built-in knowledge base and models")?;
    log::trace!("loaded the built-in knowledge base and models in {:.2} s", start.elapsed().as_secs_f64());
    if let Some(path) = &args.taxonomy {
        config = config.with_taxonomy_file(path).context("loading --taxonomy")?;
    }
    if let Some(depth) = args.theme_depth {
        config = config.with_theme_depth(usize::from(depth));
    }
    if args.no_ner {
        config.ner = None;
    }
    if args.no_parse {
        config.syntax = None;
    }
    if let Some(n) = args.threads {
        config.threads = n.max(1);
    }
    log::trace!(
        "{} threads; recognizer {}, parser {}",
        config.threads,
        if config.ner.is_some() { "on" } else { "off" },
        if config.syntax.is_some() { "on" } else { "off" }
    );
    Ok(config)
}

/// Writes one format to standard output: the same bytes as its file.
fn write_stdout(
    graph: &KnowledgeGraph,
    format: Format,
    options: &ExportOptions,
    progress: &dyn Progress,
) -> Result<()> {
    let _stage = StageGuard::begin(progress, Stage::Export, Some(1));
    let mut out = PipeWatch { inner: std::io::BufWriter::new(std::io::stdout().lock()), broken: false };
    let written = newsgraph::export::write(graph, format, options, &mut out).map_err(anyhow::Error::from);
    let written = written.and_then(|()| Ok(out.flush()?));
    progress.advance(1);
    match written {
        Err(_) if out.broken => Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into()),
        other => other,
    }
}

/// A writer that remembers whether the reader went away, which the exporters' errors (strings)
/// no longer say: a closed pipe ends the program quietly (`newsgraph ... --out - | head`).
struct PipeWatch<W> {
    inner: W,
    broken: bool,
}

impl<W: Write> PipeWatch<W> {
    fn watch<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if result.as_ref().is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
            self.broken = true;
        }
        result
    }
}

impl<W: Write> Write for PipeWatch<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = self.inner.write(buf);
        self.watch(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = self.inner.flush();
        self.watch(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_output_takes_exactly_one_named_format() {
        let stdout = Path::new("-");
        assert!(matches!(destination(stdout, Some("nt")), Ok(Destination::Stdout(Format::NTriples))));
        let none = destination(stdout, None).err().unwrap().to_string();
        assert!(none.contains("name it with --format"), "{none}");
        let two = destination(stdout, Some("ttl,json")).err().unwrap().to_string();
        assert!(two.contains("names 2: ttl, json"), "{two}");
        assert!(matches!(destination(Path::new("out"), Some("ttl,json")), Ok(Destination::Folder { .. })));
        assert!(matches!(destination(Path::new("./-"), Some("nt")), Ok(Destination::Folder { .. })));
    }

    #[test]
    fn a_closed_pipe_is_remembered() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut w = PipeWatch { inner: Closed, broken: false };
        assert!(w.write_all(b"x").is_err());
        assert!(w.broken);
    }
}
