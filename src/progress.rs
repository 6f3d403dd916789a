//! Progress of long work: the library counts what it has done, whoever called it shows it.
//!
//! Reading, analysing and writing 100,000 articles takes minutes; a caller that wants to say how
//! far along it is passes a [`Progress`] to [`crate::pipeline::build_with_progress`],
//! [`crate::ingest::read_inputs_with`] or [`crate::export::write_files_with_progress`]. The library
//! never prints: the command line draws a bar (or plain lines), a service could fill a metric.

/// A stage of long work, in the order a build runs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stage {
    /// Reading the inputs, counted in bytes (no total when standard input is among them).
    Read,
    /// Tokenizing, parsing and extracting the mentions of each document, counted in documents.
    Analyze,
    /// Resolving entities across documents and relating them: one step, with no count.
    Relate,
    /// Writing the graph, counted in formats.
    Export,
}

/// What a stage counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unit {
    /// Bytes of input.
    Bytes,
    /// Documents (articles, or JSONL records).
    Documents,
    /// Output formats (files).
    Formats,
}

impl Stage {
    /// What [`Progress::advance`] counts during this stage.
    pub fn unit(self) -> Unit {
        match self {
            Stage::Read => Unit::Bytes,
            Stage::Analyze | Stage::Relate => Unit::Documents,
            Stage::Export => Unit::Formats,
        }
    }

    /// The stage as a progress report names it while it runs (`"analysing"`).
    pub fn doing(self) -> &'static str {
        match self {
            Stage::Read => "reading",
            Stage::Analyze => "analysing",
            Stage::Relate => "relating",
            Stage::Export => "writing",
        }
    }

    /// The stage as a report names it once it is over (`"analysed"`).
    pub fn done(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Analyze => "analysed",
            Stage::Relate => "related",
            Stage::Export => "wrote",
        }
    }
}

impl Unit {
    /// The unit's plural name (`"documents"`).
    pub fn plural(self) -> &'static str {
        match self {
            Unit::Bytes => "bytes",
            Unit::Documents => "documents",
            Unit::Formats => "formats",
        }
    }
}

/// Receives progress reports. Stages come one at a time: `begin`, any number of `advance`, `end`.
///
/// `advance` may be called from several worker threads at once, hence `Sync`.
///
/// ```
/// use newsgraph::progress::{Progress, Stage};
/// use std::sync::atomic::{AtomicU64, Ordering};
///
/// /// Counts analysed documents.
/// #[derive(Default)]
/// struct Count(AtomicU64);
/// impl Progress for Count {
///     fn begin(&self, _: Stage, _: Option<u64>) {}
///     fn advance(&self, amount: u64) {
///         self.0.fetch_add(amount, Ordering::Relaxed);
///     }
///     fn end(&self, _: Stage) {}
/// }
///
/// let docs = vec![newsgraph::model::Document::from_text("a", "a", "Talks in Baku.")];
/// let count = Count::default();
/// newsgraph::pipeline::build_with_progress(docs, &newsgraph::Config::builtin().unwrap(), &count);
/// assert_eq!(count.0.load(Ordering::Relaxed), 1);
/// ```
pub trait Progress: Sync {
    /// A stage begins, with its total in the stage's [`Stage::unit`] when it is known.
    fn begin(&self, stage: Stage, total: Option<u64>);
    /// `amount` more units of the current stage are done.
    fn advance(&self, amount: u64);
    /// The stage is over.
    fn end(&self, stage: Stage);
}

/// A stage under way: begun when made, ended when dropped, however the work in between returns.
///
/// ```
/// use newsgraph::progress::{NoProgress, Stage, StageGuard};
/// fn export(progress: &dyn newsgraph::progress::Progress) -> std::io::Result<()> {
///     let _stage = StageGuard::begin(progress, Stage::Export, Some(1));
///     std::fs::create_dir_all(std::env::temp_dir())?; // an early return still ends the stage
///     progress.advance(1);
///     Ok(())
/// }
/// export(&NoProgress).unwrap();
/// ```
#[must_use = "the stage ends when the guard is dropped"]
pub struct StageGuard<'a> {
    progress: &'a dyn Progress,
    stage: Stage,
}

impl<'a> StageGuard<'a> {
    /// Begins `stage` of `progress`.
    pub fn begin(progress: &'a dyn Progress, stage: Stage, total: Option<u64>) -> StageGuard<'a> {
        progress.begin(stage, total);
        StageGuard { progress, stage }
    }
}

impl Drop for StageGuard<'_> {
    fn drop(&mut self) {
        self.progress.end(self.stage);
    }
}

/// Reports to nobody: what [`crate::build`] and the other plain entry points use.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn begin(&self, _: Stage, _: Option<u64>) {}
    fn advance(&self, _: u64) {}
    fn end(&self, _: Stage) {}
}
