//! The command line's arguments, declared once: parsing, `--help`, the shell completions and the
//! man pages are all generated from these definitions.

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turns English news articles into a knowledge graph.
#[derive(Parser)]
#[command(name = "newsgraph", version, about = "Turns English news articles into a knowledge graph")]
pub struct Cli {
    /// How much to say on standard error.
    #[command(flatten)]
    pub verbosity: Verbosity,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// `-q` / `-v` / `-vv`, accepted before or after the subcommand.
#[derive(Args)]
pub struct Verbosity {
    /// Say more on standard error: -v adds progress lines (when it is not a terminal) and each
    /// stage's time, -vv also the settings and the models' load times.
    #[arg(short, long, action = ArgAction::Count, global = true)]
    pub verbose: u8,
    /// Say nothing on standard error but errors: no progress, warnings or summary.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
}

/// The subcommands.
#[derive(Subcommand)]
pub enum Command {
    /// Build the graph of articles and write it in every requested format.
    Build(BuildArgs),
    /// Train or evaluate the statistical named-entity recognizer.
    #[command(subcommand)]
    Ner(NerCommand),
    /// Tag and parse articles (CoNLL-U on standard output), or train and evaluate the parser.
    #[command(args_conflicts_with_subcommands = true)]
    Parse {
        /// `parse train|eval|lemmas`; without one, parse the article given.
        #[command(subcommand)]
        command: Option<ParseCommand>,
        /// An article (.txt, .md, .jsonl) or `-` for standard input.
        input: Option<PathBuf>,
        /// How to read standard input or the file named, whatever its extension.
        #[arg(long, value_enum)]
        input_format: Option<InputFormat>,
    },
    /// Print a shell's completion script for newsgraph on standard output.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff) on standard output: newsgraph(1), or a subcommand's
    /// (`newsgraph man build` for newsgraph-build(1)).
    Man {
        /// The subcommand whose page to print (`build`, `ner train`, ...).
        command: Vec<String>,
        /// Write every page (newsgraph.1, newsgraph-build.1, ...) into this folder instead.
        #[arg(long, conflicts_with = "command")]
        dir: Option<PathBuf>,
    },
}

/// `newsgraph build`.
#[derive(Args)]
pub struct BuildArgs {
    /// Files (.txt, .md, .jsonl), folders of them, or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output folder (files are named graph.<format>), or `-` to write the one format given by
    /// --format to standard output.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Comma-separated formats: ttl, nt, nq, dot, json, svg, html. Default: all (svg when Graphviz is
    /// installed).
    #[arg(long, short)]
    pub format: Option<String>,
    /// How to read standard input and the files named, whatever their extension (files found in
    /// folders are read by theirs).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Base IRI of entities, documents and evidence.
    #[arg(long, default_value = newsgraph::vocab::DEFAULT_BASE_IRI)]
    pub base_iri: String,
    /// A theme taxonomy (SKOS in Turtle) to use instead of the built-in one.
    #[arg(long)]
    pub taxonomy: Option<PathBuf>,
    /// Keep themes down to level N of the taxonomy (1: IPTC's 17 top-level topics), rolling finer
    /// ones up to their ancestor at that level.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub theme_depth: Option<u16>,
    /// Worker threads, at least 1 (default: one per core; more than the cores are capped, with a
    /// warning). Output is the same for any value.
    #[arg(long, value_parser = at_least_one)]
    pub threads: Option<usize>,
    /// Lists and rules only: leave the statistical recognizer out.
    #[arg(long)]
    pub no_ner: bool,
    /// Leave the tagger and dependency parser out (no trees: no relations read from sentences).
    #[arg(long)]
    pub no_parse: bool,
    #[command(flatten)]
    pub picture: PictureArgs,
}

/// A count that must be 1 or more (`--threads`).
fn at_least_one(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// What the picture (DOT, SVG, HTML) shows; the other formats always hold the whole graph.
#[derive(Args)]
pub struct PictureArgs {
    /// Draw only the neighbourhood of this entity (an id such as person/antony-j-blinken, a label or an alias).
    #[arg(long, value_name = "ENTITY_ID_OR_LABEL")]
    pub focus: Option<String>,
    /// With --focus: how many relations away an entity may be.
    #[arg(long, default_value_t = 1, requires = "focus")]
    pub depth: usize,
    /// Draw only the N most connected entities.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Also draw entities with no relation and themes no event or actor links to.
    #[arg(long)]
    pub dot_isolated: bool,
    /// Put each article's events in a cluster labelled with its headline.
    #[arg(long)]
    pub dot_by_document: bool,
    /// Seconds Graphviz may take to draw the picture.
    #[arg(long, value_name = "SECONDS", default_value_t = newsgraph::export::DEFAULT_SVG_TIMEOUT.as_secs_f64())]
    pub svg_timeout: f64,
}

impl PictureArgs {
    /// The picture options and time bound, into the library's export options.
    pub fn apply(
        &self,
        mut options: newsgraph::export::ExportOptions,
    ) -> anyhow::Result<newsgraph::export::ExportOptions> {
        if !(self.svg_timeout.is_finite() && self.svg_timeout >= 0.0) {
            crate::exit::usage!("--svg-timeout must be a number of seconds");
        }
        options.dot = newsgraph::export::DotOptions {
            keep_isolated: self.dot_isolated,
            focus: self.focus.clone(),
            depth: self.depth,
            top: self.top,
            by_document: self.dot_by_document,
        };
        options.svg_timeout = std::time::Duration::from_secs_f64(self.svg_timeout);
        Ok(options)
    }
}

/// `--input-format`.
#[derive(Clone, Copy, ValueEnum)]
pub enum InputFormat {
    /// Plain text: one article.
    Txt,
    /// Markdown: one article (read as text whose headings, lists and tables are layout).
    Md,
    /// JSON Lines: one {"id","title","date","url","text"} record a line, only "text" required.
    Jsonl,
}

impl From<InputFormat> for newsgraph::ingest::InputFormat {
    fn from(format: InputFormat) -> Self {
        match format {
            InputFormat::Txt | InputFormat::Md => newsgraph::ingest::InputFormat::Text,
            InputFormat::Jsonl => newsgraph::ingest::InputFormat::Jsonl,
        }
    }
}

/// `newsgraph parse train|eval|lemmas`.
#[derive(Subcommand)]
pub enum ParseCommand {
    /// Train the tagger and parser on UD treebanks (CoNLL-U); epochs are chosen on the dev file.
    Train {
        /// Training treebanks, comma-separated.
        #[arg(long, value_delimiter = ',', required = true)]
        train: Vec<PathBuf>,
        /// Development treebank, for choosing epochs.
        #[arg(long)]
        dev: PathBuf,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Passes of the tagger.
        #[arg(long, default_value_t = newsgraph::syntax::TrainConfig::default().tagger_epochs)]
        tagger_epochs: usize,
        /// Passes of the parser.
        #[arg(long, default_value_t = newsgraph::syntax::TrainConfig::default().parser_epochs)]
        parser_epochs: usize,
        /// Seed of shuffles and exploration.
        #[arg(long, default_value_t = newsgraph::syntax::TrainConfig::default().seed)]
        seed: u64,
        /// log2 of the parser's weight rows.
        #[arg(long, default_value_t = newsgraph::syntax::TrainConfig::default().parser_bits)]
        parser_bits: u32,
        /// States the parser's beam keeps in training (1: greedy).
        #[arg(long, default_value_t = newsgraph::syntax::TrainConfig::default().beam)]
        beam: usize,
        /// States the trained model's beam keeps when it parses.
        #[arg(long, default_value_t = newsgraph::syntax::TrainConfig::default().parse_beam)]
        parse_beam: usize,
        /// Whether the parser reads the nine features a beam puts to use (`false` for the greedy
        /// model's set).
        #[arg(long, default_value_t = newsgraph::syntax::TrainConfig::default().beam_features, action = clap::ArgAction::Set)]
        beam_features: bool,
        /// Weights of smaller magnitude (of ±32,000) are dropped from the written model.
        #[arg(long, default_value_t = newsgraph::syntax::TrainConfig::default().prune)]
        prune: i16,
    },
    /// Score a model on a treebank on its gold words: UPOS, XPOS, lemma, UAS, LAS (CoNLL 2018 style).
    Eval {
        /// The model (`builtin` for the one shipped in the binary).
        model: String,
        /// The treebank to score on (CoNLL-U).
        file: PathBuf,
        /// Parse with a beam of this many states instead of the model's own width.
        #[arg(long)]
        beam: Option<usize>,
    },
    /// Learn the lemmatizer's exceptions table from treebanks (data/lemma-exceptions.tsv).
    Lemmas {
        /// Treebanks, comma-separated.
        #[arg(long, value_delimiter = ',', required = true)]
        train: Vec<PathBuf>,
        /// Where to write the table.
        #[arg(long)]
        out: PathBuf,
    },
}

/// `newsgraph ner train|classes|eval`.
#[derive(Subcommand)]
pub enum NerCommand {
    /// Train a model on CoNLL-2003 and GUM data; the epoch with the best dev F1 is kept.
    Train {
        /// Training files, comma-separated: CoNLL-2003 (IOB tags), or GUM CoNLL-U (`.conllu`, its
        /// entity annotations read as names).
        #[arg(long, value_delimiter = ',', required = true)]
        train: Vec<PathBuf>,
        /// Development files, comma-separated, in the same formats; the epoch kept has the best
        /// mean F1 over them.
        #[arg(long, value_delimiter = ',', required = true)]
        dev: Vec<PathBuf>,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training data (the defaults are the shipped model's recipe).
        #[arg(long, default_value_t = 20)]
        epochs: usize,
        /// log2 of the number of weight rows.
        #[arg(long, default_value_t = 20)]
        bits: u32,
        /// Shuffle seed (of the first run).
        #[arg(long, default_value_t = 2003)]
        seed: u64,
        /// Independent runs (seeds `seed`, `seed + 1`, ...) whose weights are averaged.
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Word classes the features read (default: the ones shipped, data/word-classes.tsv).
        #[arg(long)]
        classes: Option<PathBuf>,
    },
    /// Learn word classes from unlabelled text (the tagger's features read them).
    Classes {
        /// Articles (.txt, .md, .jsonl files or folders), tokenized as `build` does.
        #[arg(long)]
        text: Vec<PathBuf>,
        /// CoNLL-2003 files, whose words are read without their tags.
        #[arg(long)]
        conll: Vec<PathBuf>,
        /// Where to write the classes (TSV).
        #[arg(long)]
        out: PathBuf,
        /// Words seen fewer times get no class.
        #[arg(long, default_value_t = 3)]
        min_count: usize,
        /// Number of coarse classes.
        #[arg(long, default_value_t = 64)]
        coarse: usize,
        /// Number of fine classes.
        #[arg(long, default_value_t = 512)]
        fine: usize,
    },
    /// Score a model on a CoNLL-2003 or GUM CoNLL-U file (exact span and type match, as conlleval).
    Eval {
        /// The model (`builtin` for the one shipped in the binary).
        model: String,
        /// The file to score on.
        file: PathBuf,
        /// Word classes the model was trained with (default: the ones shipped).
        #[arg(long)]
        classes: Option<PathBuf>,
        /// Also write `word gold predicted` lines (IOB2, conlleval's input) to this file.
        #[arg(long)]
        predictions: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definitions_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
