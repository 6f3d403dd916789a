//! Pronouns resolved to the person they most likely refer to.
//!
//! Why salience by grammatical role: news tells of one actor at a time, and the subject of the
//! sentence before is the person a `he` or `his` most often continues with (Lappin and Leass
//! 1994 rank subjects first). `Mr Steinmeier arrived in Cairo. He will hold talks ...`: `He` is
//! Steinmeier. Plural and neuter pronouns (`they`, `it`) are left alone: they refer to groups and
//! things as often as to the entities we keep.

use super::matcher::Filler;
use super::view::{DocView, ParsedSentence};
use crate::model::EntityType;
use crate::syntax::{label_matches, DepTree};

/// Personal pronouns that refer to one person.
fn is_personal(lower: &str) -> bool {
    matches!(lower, "he" | "him" | "his" | "she" | "her" | "hers" | "himself" | "herself")
}

/// Gives each personal pronoun of sentence `s` the entity of its antecedent: a person earlier in
/// the sentence (a subject first), else the subject (or first person) of the sentence before.
pub fn pronouns(
    view: &DocView,
    s: usize,
    tree: &DepTree,
    fillers: &mut [Option<Filler>],
    previous: Option<&ParsedSentence>,
) {
    let start = view.a.sentences[s].tokens.start;
    let previous = previous.filter(|p| p.index + 1 == s);
    for k in 0..tree.len() {
        if fillers[k].is_some() || tree.upos(k) != "PRON" || !is_personal(&view.a.token_text(start + k).to_lowercase())
        {
            continue;
        }
        let here = salient(tree, &fillers[..k]);
        fillers[k] = here.or_else(|| previous.and_then(|p| salient(&p.tree, &p.fillers)));
    }
}

/// The most salient person among `fillers` (tokens of `tree` from 0): the last one that is a
/// subject, else the last one.
fn salient(tree: &DepTree, fillers: &[Option<Filler>]) -> Option<Filler> {
    let people = || {
        fillers
            .iter()
            .enumerate()
            .rev()
            .filter_map(|(k, f)| f.as_ref().filter(|f| f.etype == EntityType::Person).map(|f| (k, f)))
    };
    let subject = people().find(|(k, _)| label_matches(tree.deprel(*k), "nsubj"));
    subject.or_else(|| people().next()).map(|(_, f)| f.clone())
}
