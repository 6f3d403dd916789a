//! Named word lists from `data/lexicon/`, one home for each list the rules read.
//!
//! Why: the words a rule reacts to are data, not code. Each list is a text file of one lowercase
//! word (or lemma) a line, `#` starting a comment; patterns name a list as `@name`
//! (`lemma = ["@meeting-verbs"]`), and Rust code asks [`words`] for it by the same name.

use rustc_hash::FxHashSet;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Every shipped list, by the name patterns use (the file name without `.txt`).
const LISTS: &[(&str, &str)] = &[
    ("agreement-nouns", include_str!("../data/lexicon/agreement-nouns.txt")),
    ("call-verbs", include_str!("../data/lexicon/call-verbs.txt")),
    ("discuss-verbs", include_str!("../data/lexicon/discuss-verbs.txt")),
    ("hold-verbs", include_str!("../data/lexicon/hold-verbs.txt")),
    ("host-verbs", include_str!("../data/lexicon/host-verbs.txt")),
    ("meeting-nouns", include_str!("../data/lexicon/meeting-nouns.txt")),
    ("meeting-verbs", include_str!("../data/lexicon/meeting-verbs.txt")),
    ("receive-verbs", include_str!("../data/lexicon/receive-verbs.txt")),
    ("reporting-verbs", include_str!("../data/lexicon/reporting-verbs.txt")),
    ("sign-verbs", include_str!("../data/lexicon/sign-verbs.txt")),
    ("statement-nouns", include_str!("../data/lexicon/statement-nouns.txt")),
    ("support-nouns", include_str!("../data/lexicon/support-nouns.txt")),
    ("support-verbs", include_str!("../data/lexicon/support-verbs.txt")),
    ("visit-verbs", include_str!("../data/lexicon/visit-verbs.txt")),
];

/// The words of one list, or `None` when no list has that name.
///
/// ```
/// let verbs = newsgraph::lexicon::words("meeting-verbs").unwrap();
/// assert!(verbs.contains("meet"));
/// assert!(newsgraph::lexicon::words("no-such-list").is_none());
/// ```
pub fn words(name: &str) -> Option<&'static FxHashSet<&'static str>> {
    static SETS: OnceLock<BTreeMap<&'static str, FxHashSet<&'static str>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| LISTS.iter().map(|(name, text)| (*name, entries(text).collect())).collect());
    sets.get(name)
}

/// The names of every shipped list, sorted.
pub fn names() -> impl Iterator<Item = &'static str> {
    LISTS.iter().map(|(name, _)| *name)
}

/// The non-comment, non-blank lines of a list file, trimmed.
pub(crate) fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_lowercase_and_without_repeats() {
        for (name, text) in LISTS {
            let all: Vec<&str> = entries(text).collect();
            let unique: FxHashSet<&str> = all.iter().copied().collect();
            assert_eq!(all.len(), unique.len(), "{name} repeats a word");
            assert!(all.iter().all(|w| *w == w.to_lowercase()), "{name} has a capital");
            assert!(!all.is_empty(), "{name} is empty");
        }
        let sorted: Vec<&str> = names().collect();
        assert!(sorted.windows(2).all(|w| w[0] < w[1]), "LISTS is kept sorted");
    }
}
