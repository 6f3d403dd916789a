//! The `newsgraph` command line: a thin layer over the library.

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use newsgraph::export::{graphviz_available, write_files, ExportOptions, Format};
use newsgraph::{ingest, ner, Config};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "newsgraph", version, about = "Turns English news articles into a knowledge graph")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the graph of articles and write it in every requested format.
    Build {
        /// Files (.txt, .md, .jsonl), folders of them, or `-` for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output folder (files are named graph.<format>).
        #[arg(long, short)]
        out: PathBuf,
        /// Comma-separated formats: ttl, nt, nq, dot, json, svg, html. Default: all (svg when Graphviz is
        /// installed).
        #[arg(long, short)]
        format: Option<String>,
        /// Base IRI of entities, documents and evidence.
        #[arg(long, default_value = newsgraph::vocab::DEFAULT_BASE_IRI)]
        base_iri: String,
        /// A theme taxonomy (SKOS in Turtle) to use instead of the built-in one.
        #[arg(long)]
        taxonomy: Option<PathBuf>,
        /// Worker threads (default: one per core). Output is the same for any value.
        #[arg(long)]
        threads: Option<usize>,
        /// Lists and rules only: leave the statistical recognizer out.
        #[arg(long)]
        no_ner: bool,
        /// Leave the tagger and dependency parser out (no trees for the extractor).
        #[arg(long)]
        no_parse: bool,
        #[command(flatten)]
        picture: PictureArgs,
    },
    /// Train or evaluate the statistical named-entity recognizer.
    #[command(subcommand)]
    Ner(NerCommand),
    /// Tag and parse articles (CoNLL-U on standard output), or train and evaluate the parser.
    #[command(args_conflicts_with_subcommands = true)]
    Parse {
        #[command(subcommand)]
        command: Option<ParseCommand>,
        /// An article (.txt, .md, .jsonl) or `-` for standard input.
        input: Option<PathBuf>,
    },
}

/// What the picture (DOT, SVG, HTML) shows; the other formats always hold the whole graph.
#[derive(clap::Args)]
struct PictureArgs {
    /// Draw only the neighbourhood of this entity (an id such as person/antony-j-blinken, a label or an alias).
    #[arg(long, value_name = "ENTITY_ID_OR_LABEL")]
    focus: Option<String>,
    /// With --focus: how many relations away an entity may be.
    #[arg(long, default_value_t = 1, requires = "focus")]
    depth: usize,
    /// Draw only the N most connected entities.
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Also draw entities with no relation and themes no event or actor links to.
    #[arg(long)]
    dot_isolated: bool,
    /// Put each article's events in a cluster labelled with its headline.
    #[arg(long)]
    dot_by_document: bool,
    /// Seconds Graphviz may take to draw the picture.
    #[arg(long, value_name = "SECONDS", default_value_t = newsgraph::export::DEFAULT_SVG_TIMEOUT.as_secs_f64())]
    svg_timeout: f64,
}

impl PictureArgs {
    fn dot_options(&self) -> newsgraph::export::DotOptions {
        newsgraph::export::DotOptions {
            keep_isolated: self.dot_isolated,
            focus: self.focus.clone(),
            depth: self.depth,
            top: self.top,
            by_document: self.dot_by_document,
        }
    }
}

#[derive(Subcommand)]
enum ParseCommand {
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
    },
    /// Score a model on a treebank on its gold words: UPOS, XPOS, lemma, UAS, LAS (CoNLL 2018 style).
    Eval {
        /// The model (`builtin` for the one shipped in the binary).
        model: String,
        /// The treebank to score on (CoNLL-U).
        file: PathBuf,
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

#[derive(Subcommand)]
enum NerCommand {
    /// Train a model on CoNLL-2003 data; the epoch with the best dev F1 is kept.
    Train {
        /// Training file (CoNLL-2003, IOB tags).
        #[arg(long)]
        train: PathBuf,
        /// Development file, for choosing the epoch.
        #[arg(long)]
        dev: PathBuf,
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
    /// Score a model on a CoNLL-2003 file (exact span and type match, as conlleval).
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

/// The word classes at `path`, or the ones shipped.
fn load_classes(path: Option<&std::path::Path>) -> Result<ner::WordClasses> {
    Ok(match path {
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
            ner::WordClasses::parse(&text, &p.display().to_string())?
                .with_clusters(ner::BUILTIN_CLUSTERS, "data/brown-clusters.tsv")?
        }
        None => ner::WordClasses::builtin()?,
    })
}

fn main() {
    if let Err(e) = run() {
        if e.chain()
            .any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
        {
            std::process::exit(0);
        }
        eprintln!("newsgraph: {e:#}");
        std::process::exit(2);
    }
}

fn run() -> Result<()> {
    match Cli::parse().command {
        Command::Parse { command: Some(command), .. } => parse_command(command),
        Command::Parse { command: None, input } => {
            parse_article(&input.context("give an article to parse (a file or `-`), or a subcommand")?)
        }
        Command::Ner(NerCommand::Train { train, dev, out, epochs, bits, seed, runs, classes }) => {
            let kb = newsgraph::kb::KnowledgeBase::builtin()?;
            let classes = load_classes(classes.as_deref())?;
            let train_docs = ner::read_conll(&train)?;
            let dev_docs = ner::read_conll(&dev)?;
            let config = ner::TrainConfig { epochs, bits, seed, runs };
            let (model, report) =
                ner::train(&train_docs, &dev_docs, &kb, &classes, &config, |line| eprintln!("{line}"));
            let bytes = model.to_bytes();
            write_atomically(&out, &bytes)?;
            eprintln!(
                "kept epochs {:?} (dev F1 of the model: {:.2}); wrote {} ({} bytes)",
                report.best_epochs,
                report.final_dev_f1 * 100.0,
                out.display(),
                bytes.len()
            );
            Ok(())
        }
        Command::Ner(NerCommand::Eval { model, file, classes, predictions }) => {
            let kb = newsgraph::kb::KnowledgeBase::builtin()?;
            let model = if model == "builtin" {
                ner::NerModel::builtin()?
            } else {
                let bytes = std::fs::read(&model).with_context(|| format!("reading {model}"))?;
                ner::NerModel::from_bytes(&bytes, &model, load_classes(classes.as_deref())?)?
            };
            let docs = ner::read_conll(&file)?;
            print!("{}", ner::evaluate(&model, &docs, &kb, model.classes()).table());
            if let Some(path) = predictions {
                let tags = ner::predict(&model, &docs, &kb, model.classes());
                let mut out = String::new();
                for (doc, doc_tags) in docs.iter().zip(tags) {
                    out.push_str("-DOCSTART- O O\n\n");
                    for (s, s_tags) in doc.sentences.iter().zip(doc_tags) {
                        let gold = ner::iob2(&ner::tags_of(&s.gold, s.words.len()));
                        for ((word, g), p) in s.words.iter().zip(gold).zip(ner::iob2(&s_tags)) {
                            out.push_str(&format!("{word} {g} {p}\n"));
                        }
                        out.push('\n');
                    }
                }
                write_atomically(&path, out.as_bytes())?;
            }
            Ok(())
        }
        Command::Ner(NerCommand::Classes { text, conll, out, min_count, coarse, fine }) => {
            let mut sentences: Vec<Vec<String>> = Vec::new();
            for path in &conll {
                for doc in ner::read_conll(path)? {
                    sentences.extend(doc.sentences.into_iter().map(|s| s.words));
                }
            }
            let ingested = ingest::read_inputs(&text);
            if let Some(e) = ingested.errors.first() {
                anyhow::bail!("{e}");
            }
            for doc in &ingested.documents {
                let a = newsgraph::text::AnalyzedDoc::new(doc);
                for s in &a.sentences {
                    sentences.push(s.tokens.clone().map(|i| a.token_text(i).to_owned()).collect());
                }
            }
            anyhow::ensure!(!sentences.is_empty(), "no text to learn word classes from (give --text or --conll)");
            let config = ner::ClassConfig { min_count, coarse, fine, ..ner::ClassConfig::default() };
            let body = ner::learn_classes(&sentences, &config, |line| eprintln!("{line}"));
            let header = format!(
                "# Word classes learned by `newsgraph ner classes` (exchange algorithm, {coarse} coarse and {fine} fine\n\
                 # classes, words seen at least {min_count} times); see data/word-classes.md.\n"
            );
            write_atomically(&out, format!("{header}{body}").as_bytes())?;
            eprintln!("wrote {} ({} words)", out.display(), body.lines().count());
            Ok(())
        }
        Command::Build { inputs, out, format, base_iri, taxonomy, threads, no_ner, no_parse, picture } => {
            let formats = match format {
                Some(list) => list
                    .split(',')
                    .filter(|s| !s.trim().is_empty())
                    .map(|name| {
                        Format::parse(name).with_context(|| {
                            format!("unknown format {name:?} (expected ttl, nt, nq, dot, json, svg, html)")
                        })
                    })
                    .collect::<Result<Vec<_>>>()?,
                None => Format::ALL.into_iter().filter(|&f| f != Format::Svg || graphviz_available()).collect(),
            };
            if formats.is_empty() {
                bail!("--format names no format");
            }
            if oxrdf::NamedNode::new(base_iri.clone()).is_err() || !(base_iri.ends_with('/') || base_iri.ends_with('#'))
            {
                bail!("--base-iri {base_iri:?} is not an absolute IRI ending in '/' or '#'");
            }
            if !(picture.svg_timeout.is_finite() && picture.svg_timeout >= 0.0) {
                bail!("--svg-timeout must be a number of seconds");
            }
            let mut config = Config::builtin().context("loading the built-in knowledge base")?;
            if let Some(path) = &taxonomy {
                config = config.with_taxonomy_file(path).context("loading --taxonomy")?;
            }
            if no_ner {
                config.ner = None;
            }
            if no_parse {
                config.syntax = None;
            }
            if let Some(n) = threads {
                config.threads = n.max(1);
            }
            let ingested = ingest::read_inputs(&inputs);
            for e in &ingested.errors {
                eprintln!("newsgraph: skipped {e}");
            }
            if ingested.documents.is_empty() {
                bail!("no readable article among the inputs");
            }
            let n_docs = ingested.documents.len();
            let graph = newsgraph::build(ingested.documents, &config);
            let options = ExportOptions {
                base_iri,
                dot: picture.dot_options(),
                svg_timeout: std::time::Duration::from_secs_f64(picture.svg_timeout),
            };
            let written = write_files(&graph, &formats, &options, &out)
                .with_context(|| format!("writing to {}", out.display()))?;
            for note in &written.notes {
                eprintln!("newsgraph: {note}");
            }
            let written = written.paths;
            eprintln!(
                "newsgraph: {n_docs} documents, {} entities, {} relations -> {}",
                graph.entity_count(),
                graph.relation_count(),
                written.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            );
            if !ingested.errors.is_empty() {
                eprintln!("newsgraph: {} input(s) could not be read (see above)", ingested.errors.len());
                std::process::exit(1);
            }
            Ok(())
        }
    }
}

/// `newsgraph parse train|eval|lemmas`.
fn parse_command(command: ParseCommand) -> Result<()> {
    use newsgraph::syntax::{read_conllu, SyntaxModel, TrainConfig};
    let read_all = |paths: &[PathBuf]| -> Result<Vec<newsgraph::syntax::Sentence>> {
        let mut sentences = Vec::new();
        for path in paths {
            sentences.extend(read_conllu(path)?);
        }
        Ok(sentences)
    };
    match command {
        ParseCommand::Train { train, dev, out, tagger_epochs, parser_epochs, seed, parser_bits } => {
            let config = TrainConfig { tagger_epochs, parser_epochs, seed, parser_bits, ..TrainConfig::default() };
            let (train, dev) = (read_all(&train)?, read_conllu(&dev)?);
            let classes = ner::WordClasses::builtin()?;
            let (model, _) = SyntaxModel::train(&train, &dev, classes, &config, |line| eprintln!("{line}"));
            let bytes = model.to_bytes();
            write_atomically(&out, &bytes)?;
            eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
        }
        ParseCommand::Eval { model, file } => {
            let model = if model == "builtin" {
                SyntaxModel::builtin()?
            } else {
                let bytes = std::fs::read(&model).with_context(|| format!("reading {model}"))?;
                SyntaxModel::from_bytes(&bytes, &model, ner::WordClasses::builtin()?)?
            };
            let gold = read_conllu(&file)?;
            let predicted = model.analyze_treebank(&gold, &newsgraph::syntax::Lemmatizer::builtin());
            let scores = newsgraph::syntax::Scores::of(&gold, &predicted)?;
            print!("{}", scores.report());
            println!("{}", scores.summary_line());
        }
        ParseCommand::Lemmas { train, out } => {
            let table = newsgraph::syntax::learn_exceptions(&read_all(&train)?);
            write_atomically(&out, table.as_bytes())?;
            eprintln!("wrote {} ({} lines)", out.display(), table.lines().count());
        }
    }
    Ok(())
}

/// `newsgraph parse FILE|-`: CoNLL-U of an article as the pipeline tokenizes it.
fn parse_article(input: &std::path::Path) -> Result<()> {
    let ingested = ingest::read_inputs(&[input.to_path_buf()]);
    if let Some(e) = ingested.errors.first() {
        bail!("{e}");
    }
    let analyzer = newsgraph::syntax::Analyzer::builtin()?;
    let mut out = std::io::stdout().lock();
    for doc in &ingested.documents {
        let analyzed = newsgraph::text::AnalyzedDoc::new(doc);
        std::io::Write::write_all(&mut out, conllu_of(&analyzer, &analyzed).as_bytes())?;
    }
    Ok(())
}

/// The CoNLL-U of a document as the pipeline tokenizes and splits it: one sentence a block, with
/// its id, text and byte span as comments and `SpaceAfter=No` where no space follows a token.
fn conllu_of(analyzer: &newsgraph::syntax::Analyzer, a: &newsgraph::text::AnalyzedDoc) -> String {
    let sentences: Vec<newsgraph::syntax::Sentence> = a
        .sentences
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let forms: Vec<&str> = s.tokens.clone().map(|i| a.token_text(i)).collect();
            let mut words = analyzer.analyze(&forms);
            for (w, i) in words.iter_mut().zip(s.tokens.clone()) {
                let next = a.tokens.get(i + 1).map(|t| t.span.start);
                if i + 1 < s.tokens.end && next == Some(a.tokens[i].span.end) {
                    w.misc = "SpaceAfter=No".into();
                }
            }
            let text = a.sentence_text(k).replace(['\n', '\r', '\t'], " ");
            let comments = vec![
                format!("sent_id = {}-{}", a.doc.id, k + 1),
                format!("text = {text}"),
                format!("bytes = {}-{}", s.span.start, s.span.end),
            ];
            newsgraph::syntax::Sentence { comments, words, extra: Vec::new() }
        })
        .collect();
    let mut out = format!("# newdoc id = {}\n", a.doc.id);
    out.push_str(&newsgraph::syntax::write_conllu(&sentences));
    out
}

/// Writes a file through a temporary name, so a failure leaves the old file whole.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
