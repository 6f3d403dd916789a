//! [`Pattern`]: one extraction rule as data, a small graph of tokens and dependency edges.
//!
//! Why: rules written as procedures over token windows hide what they match and in which order
//! they run. A pattern says it in a few lines of `data/patterns/FAMILY.toml`, in the manner of
//! spaCy's `DependencyMatcher` and Stanford's Semgrex: nodes with constraints on the word (lemma,
//! part of speech, entity type, the preposition it takes), edges from a node to its head or to a
//! dependent with given labels, and which nodes fill which roles of the fact it yields. Each
//! pattern carries a name, a confidence and example sentences that the tests check.
//!
//! ```toml
//! [[pattern]]
//! name = "subject-meets-object"
//! confidence = 0.8
//! event = "trigger"                 # the kind comes from the trigger's lemma
//! examples = [{ text = "Blinken met Aliyev.", expect = ["participant Blinken", "participant Aliyev"] }]
//! node = [
//!   { id = "verb", role = "trigger", lemma = ["@meeting-verbs"], upos = ["VERB"] },
//!   { id = "a", role = "participant", parent = "verb", dep = ["nsubj"], entity = ["Person"] },
//!   { id = "b", role = "participant", parent = "verb", dep = ["obj"], entity = ["Person"] },
//! ]
//! ```

use crate::error::{Error, Result};
use crate::model::{EntityType, EventKind, RelationType};
use rustc_hash::FxHashSet;
use serde::Deserialize;

/// What a node of a pattern stands for in the fact the pattern yields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// The word that names the event; its lemma gives the event's kind.
    Trigger,
    /// Someone or something taking part in the event.
    Participant,
    /// Where the event took place.
    Location,
    /// Who hosted the event.
    Host,
    /// What the event was about.
    Topic,
    /// The subject of a relation.
    Source,
    /// The object of a relation.
    Target,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "trigger" => Role::Trigger,
            "participant" => Role::Participant,
            "location" => Role::Location,
            "host" => Role::Host,
            "topic" => Role::Topic,
            "source" => Role::Source,
            "target" => Role::Target,
            _ => return None,
        })
    }

    /// The role's name in pattern files and example expectations.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Trigger => "trigger",
            Role::Participant => "participant",
            Role::Location => "location",
            Role::Host => "host",
            Role::Topic => "topic",
            Role::Source => "source",
            Role::Target => "target",
        }
    }
}

/// What a match of the pattern yields.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Yields {
    /// An event of a fixed kind, or (`None`) of the kind its trigger's lemma names.
    Event(Option<EventKind>),
    /// A relation from the `source` node's entity to the `target` node's.
    Relation(RelationType),
}

/// How a node hangs on a node matched before it.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// The node is a dependent of one of the nodes `.0`, by one of the labels.
    DependentOf(Vec<usize>, Vec<String>),
    /// The node is the head of node `.0`, which depends on it by one of the labels.
    HeadOf(usize, Vec<String>),
}

/// A set of words given literally and by `@list` names of `data/lexicon/`.
#[derive(Debug, Clone, Default)]
pub struct WordTest {
    literal: Vec<String>,
    lists: Vec<&'static FxHashSet<&'static str>>,
}

impl WordTest {
    fn new(words: &[String], pattern: &str) -> Result<WordTest> {
        let mut test = WordTest::default();
        for w in words {
            match w.strip_prefix('@') {
                Some(name) => test.lists.push(
                    crate::lexicon::words(name)
                        .ok_or_else(|| invalid(pattern, &format!("no word list data/lexicon/{name}.txt")))?,
                ),
                None => test.literal.push(w.to_lowercase()),
            }
        }
        Ok(test)
    }

    /// Whether no word was given (the test then passes every word).
    pub fn is_empty(&self) -> bool {
        self.literal.is_empty() && self.lists.is_empty()
    }

    /// Whether `word` (lowercase) is one of the words.
    pub fn contains(&self, word: &str) -> bool {
        self.literal.iter().any(|w| w == word) || self.lists.iter().any(|l| l.contains(word))
    }
}

/// One node: the constraints a token must meet, and the role it fills.
#[derive(Debug, Clone)]
pub struct Node {
    /// The node's name within its pattern.
    pub id: String,
    /// The role it fills, if any.
    pub role: Option<Role>,
    /// How it hangs on an earlier node (`None` for the first node, the anchor).
    pub link: Option<Link>,
    /// Lemmas (lowercase) the token must have, when not empty.
    pub lemma: WordTest,
    /// Lemmas the token must not have.
    pub not_lemma: WordTest,
    /// Universal parts of speech, one of which the token must have, when not empty.
    pub upos: Vec<String>,
    /// Entity types, one of which the token's entity must have; empty: any token.
    pub entity: Vec<EntityType>,
    /// Lemmas of which one must be a `case` dependent of the token (`with`, `between`).
    pub case: WordTest,
}

/// An example sentence of a pattern and what it must yield (`role Label` or `relation Label`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The sentence (a whole small article).
    pub text: String,
    /// What the pattern must yield from it: `participant Ilham Aliyev`, `target Human Rights Watch`.
    #[serde(default)]
    pub expect: Vec<String>,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The family it belongs to (its file's name).
    pub family: String,
    /// Its name, unique within the family.
    pub name: String,
    /// The confidence of what it yields.
    pub confidence: f32,
    /// What it yields.
    pub yields: Yields,
    /// Its nodes; the first is the anchor.
    pub nodes: Vec<Node>,
    /// Its example sentences.
    pub examples: Vec<Example>,
    /// Sentences it must yield nothing from (`Blair met criticism`, `Blair called for calm`).
    pub counterexamples: Vec<String>,
}

/// The patterns of one family file, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FamilyFile {
    pattern: Vec<PatternSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternSpec {
    name: String,
    confidence: f32,
    #[serde(default)]
    event: Option<String>,
    #[serde(default)]
    relation: Option<String>,
    examples: Vec<Example>,
    #[serde(default)]
    counterexamples: Vec<String>,
    node: Vec<NodeSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeSpec {
    id: String,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    parent: Option<OneOrMany>,
    #[serde(default)]
    child: Option<String>,
    #[serde(default)]
    dep: Vec<String>,
    #[serde(default)]
    lemma: Vec<String>,
    #[serde(default)]
    not_lemma: Vec<String>,
    #[serde(default)]
    upos: Vec<String>,
    #[serde(default)]
    entity: Vec<String>,
    #[serde(default)]
    case: Vec<String>,
}

/// A node name, or several (`parent = ["verb", "talks"]`: a dependent of either).
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn names(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// Reads the patterns of one family file (`source` names it in errors).
pub fn read_family(family: &str, text: &str, source: &str) -> Result<Vec<Pattern>> {
    let file: FamilyFile = toml::from_str(text)
        .map_err(|e| data_error(source.to_owned(), format!("not a pattern file: {}", e.message())))?;
    let patterns: Vec<Pattern> =
        file.pattern.into_iter().map(|p| compile(family, p)).collect::<Result<_>>().map_err(|e| match e {
            Error::Data { message, .. } => data_error(source.to_owned(), message),
            other => other,
        })?;
    let mut names: Vec<&str> = patterns.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
        return Err(data_error(source.to_owned(), format!("two patterns are named `{}`", w[0])));
    }
    Ok(patterns)
}

fn invalid(pattern: &str, what: &str) -> Error {
    data_error(String::new(), format!("pattern `{pattern}`: {what}"))
}

fn data_error(source_name: String, message: String) -> Error {
    Error::Data { source_name, line: 0, message }
}

fn compile(family: &str, spec: PatternSpec) -> Result<Pattern> {
    let name = spec.name;
    let yields = match (spec.event.as_deref(), spec.relation.as_deref()) {
        (Some("trigger"), None) => Yields::Event(None),
        (Some(kind), None) => Yields::Event(Some(kind.parse().map_err(|e: String| invalid(&name, &e))?)),
        (None, Some(r)) => {
            Yields::Relation(RelationType::parse(r).ok_or_else(|| invalid(&name, &format!("unknown relation `{r}`")))?)
        }
        _ => return Err(invalid(&name, "give exactly one of `event` and `relation`")),
    };
    if spec.examples.is_empty() {
        return Err(invalid(&name, "has no example sentence"));
    }
    if !(0.0..=1.0).contains(&spec.confidence) {
        return Err(invalid(&name, "confidence must lie in 0..=1"));
    }
    let mut nodes: Vec<Node> = Vec::new();
    for n in spec.node {
        let node = compile_node(&name, n, &nodes)?;
        nodes.push(node);
    }
    let roles: Vec<Role> = nodes.iter().filter_map(|n| n.role).collect();
    // A reporting pattern names only the outlet: what it reports are the article's events.
    let needs: &[Role] = match yields {
        Yields::Event(_) => &[Role::Participant],
        Yields::Relation(RelationType::ReportedBy) => &[Role::Target],
        Yields::Relation(_) => &[Role::Source, Role::Target],
    };
    if let Some(r) = needs.iter().find(|r| !roles.contains(r)) {
        return Err(invalid(&name, &format!("no node has the role `{}`", r.as_str())));
    }
    Ok(Pattern {
        family: family.to_owned(),
        name,
        confidence: spec.confidence,
        yields,
        nodes,
        examples: spec.examples,
        counterexamples: spec.counterexamples,
    })
}

fn compile_node(pattern: &str, n: NodeSpec, earlier: &[Node]) -> Result<Node> {
    let index_of = |id: &str| {
        earlier.iter().position(|e| e.id == id).ok_or_else(|| invalid(pattern, &format!("no earlier node `{id}`")))
    };
    let link = match (n.parent.as_ref(), n.child.as_deref()) {
        (Some(p), None) => Some(Link::DependentOf(p.names().into_iter().map(index_of).collect::<Result<_>>()?, n.dep)),
        (None, Some(c)) => Some(Link::HeadOf(index_of(c)?, n.dep)),
        (None, None) if earlier.is_empty() => None,
        _ => return Err(invalid(pattern, &format!("node `{}` needs exactly one of `parent` and `child`", n.id))),
    };
    let role = n
        .role
        .as_deref()
        .map(|r| Role::parse(r).ok_or_else(|| invalid(pattern, &format!("unknown role `{r}`"))))
        .transpose()?;
    let entity = n
        .entity
        .iter()
        .map(|t| EntityType::parse(t).ok_or_else(|| invalid(pattern, &format!("unknown entity type `{t}`"))))
        .collect::<Result<_>>()?;
    Ok(Node {
        id: n.id,
        role,
        link,
        lemma: WordTest::new(&n.lemma, pattern)?,
        not_lemma: WordTest::new(&n.not_lemma, pattern)?,
        upos: n.upos,
        entity,
        case: WordTest::new(&n.case, pattern)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"
[[pattern]]
name = "meets"
confidence = 0.8
event = "trigger"
examples = [{ text = "Blinken met Aliyev.", expect = ["participant Blinken"] }]
node = [
  { id = "verb", role = "trigger", lemma = ["@meeting-verbs", "see"], upos = ["VERB"] },
  { id = "a", role = "participant", parent = "verb", dep = ["nsubj"], entity = ["Person"] },
]
"#;

    #[test]
    fn reads_a_pattern() {
        let p = &read_family("meeting", ONE, "meeting.toml").unwrap()[0];
        assert_eq!(p.yields, Yields::Event(None));
        assert_eq!(p.nodes[1].link, Some(Link::DependentOf(vec![0], vec!["nsubj".into()])));
        assert!(p.nodes[0].lemma.contains("meet") && p.nodes[0].lemma.contains("see"));
        assert_eq!(p.nodes[1].entity, vec![EntityType::Person]);
    }

    #[test]
    fn errors_name_the_file_and_what_is_wrong() {
        let cases = [
            (ONE.replace("@meeting-verbs", "@nothing"), "no word list data/lexicon/nothing.txt"),
            (ONE.replace("parent = \"verb\"", "parent = \"x\""), "no earlier node `x`"),
            (ONE.replace("\"Person\"", "\"Planet\""), "unknown entity type `Planet`"),
            (ONE.replace("event = \"trigger\"", "relation = \"loves\""), "unknown relation `loves`"),
            (ONE.replace("role = \"participant\"", "role = \"guest\""), "unknown role `guest`"),
            (
                ONE.replace(
                    "examples = [{ text = \"Blinken met Aliyev.\", expect = [\"participant Blinken\"] }]",
                    "examples = []",
                ),
                "has no example",
            ),
            (format!("{ONE}{ONE}"), "two patterns are named `meets`"),
            ("[[pattern]]\nname = 3".to_owned(), "not a pattern file"),
        ];
        for (text, message) in cases {
            let e = read_family("meeting", &text, "meeting.toml").unwrap_err().to_string();
            assert!(e.contains("meeting.toml") && e.contains(message), "{e}");
        }
    }
}
