//! Closed word lists the extraction rules consult. These are grammar, not knowledge: function words,
//! calendar words and the head nouns that make a capitalized phrase an organization or an event.

/// Whether a lower-case word glued by a hyphen to a name heads a compound modifier (`Blair-led`,
/// `Paris-based`, `Bush-era`) rather than continuing the name (`Moon Jae-in`). The list lives in
/// `data/lexicon/compound-heads.txt`.
pub fn is_compound_head(word: &str) -> bool {
    static HEADS: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    let heads = HEADS.get_or_init(|| {
        include_str!("../../data/lexicon/compound-heads.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(str::trim)
            .collect()
    });
    let lower = word.to_lowercase();
    heads.contains(lower.as_str())
        || ["ed", "ing", "ly"].iter().any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// Capitalized words that never start or make up a name on their own.
pub const STOP_CAPS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "In",
    "On",
    "At",
    "For",
    "By",
    "With",
    "From",
    "To",
    "Of",
    "And",
    "But",
    "Or",
    "Nor",
    "As",
    "If",
    "When",
    "While",
    "During",
    "After",
    "Before",
    "Since",
    "Until",
    "Both",
    "Each",
    "Every",
    "All",
    "Some",
    "Many",
    "Most",
    "Such",
    "Several",
    "Other",
    "Another",
    "No",
    "Not",
    "Yet",
    "So",
    "Then",
    "There",
    "Here",
    "What",
    "Which",
    "Who",
    "Whom",
    "Whose",
    "How",
    "Why",
    "Where",
    "However",
    "Meanwhile",
    "Furthermore",
    "Moreover",
    "Also",
    "Although",
    "Though",
    "Because",
    "According",
    "Under",
    "Over",
    "Among",
    "Between",
    "Despite",
    "Through",
    "Without",
    "Within",
    "Against",
    "Following",
    "Amid",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Now",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "One",
    "Two",
    "Three",
    "First",
    "Second",
    "Third",
    "New",
    "Key",
    "Central",
    "Several",
    "Only",
    "Christmas",
    "Easter",
    "Internet",
];

/// Country and city names that are also given names or surnames (`Michael Jordan`, `Victoria
/// Beckham`): next to an unknown capitalized word they are part of a person's name.
pub const NAME_LIKE_PLACES: &[&str] = &[
    "Jordan",
    "Georgia",
    "Chad",
    "Victoria",
    "Paris",
    "Sydney",
    "Florence",
    "Austin",
    "Chelsea",
    "Lincoln",
    "Washington",
    "Israel",
    "Kingston",
    "Hamilton",
    "Lima",
    "Sofia",
    "Santiago",
    "Dallas",
    "Houston",
    "Nancy",
    "Orlando",
    "Phoenix",
    "Troy",
    "Jackson",
    "Charlotte",
    "Kent",
    "Man",
    "Regina",
    "Salvador",
    "Valencia",
    "Ireland",
    "England",
    "Brazil",
    "China",
    "India",
    "Guinea",
    "Niger",
    "Mali",
    "Peru",
    "Cuba",
    "Wales",
    "Scotland",
];

/// Nouns that, after a name, say it is an outlet (`the Mirror newspaper`).
pub const MEDIA_NOUNS: &[&str] =
    &["newspaper", "paper", "magazine", "tabloid", "daily", "weekly", "broadcaster", "channel", "website", "agency"];

/// Nouns that, before a name, say it is an organization (`energy firm PDVSA`, `carmaker Fiat`).
pub const ORG_DESCRIPTORS: &[&str] = &[
    "firm",
    "company",
    "group",
    "giant",
    "carrier",
    "airline",
    "bank",
    "insurer",
    "retailer",
    "carmaker",
    "maker",
    "manufacturer",
    "operator",
    "broadcaster",
    "newspaper",
    "agency",
    "charity",
    "union",
    "club",
    "party",
    "lender",
    "conglomerate",
    "chain",
    "producer",
    "supplier",
    "subsidiary",
    "rival",
    "watchdog",
    "regulator",
    "publisher",
];

/// What the head noun of a capitalized phrase makes it (`data/lexicon/name-heads.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadClass {
    /// `... Ministry`, `... Party`.
    Organization,
    /// `... Summit`, `... Conference`.
    Event,
    /// `... Square`, `... Airport`.
    Place,
    /// `... Telescope`, `... Prize`: an object, award, law or disease, no entity of the graph.
    Thing,
}

/// A head noun's class, and whether it takes an `of` complement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NameHead {
    class: HeadClass,
    takes_of: bool,
}

fn name_heads() -> &'static rustc_hash::FxHashMap<&'static str, NameHead> {
    static HEADS: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, NameHead>> = std::sync::OnceLock::new();
    HEADS.get_or_init(|| {
        let mut heads = rustc_hash::FxHashMap::default();
        for line in include_str!("../../data/lexicon/name-heads.tsv").lines().filter(|l| !l.starts_with('#')) {
            let mut columns = line.split('\t');
            let (Some(word), Some(class)) = (columns.next(), columns.next()) else { continue };
            let class = match class {
                "organization" => HeadClass::Organization,
                "event" => HeadClass::Event,
                "place" => HeadClass::Place,
                "thing" => HeadClass::Thing,
                _ => continue,
            };
            heads.insert(word, NameHead { class, takes_of: columns.next() == Some("of") });
        }
        heads
    })
}

/// The class of a head noun, if it is one.
///
/// ```
/// use newsgraph::extract::words::{head_class, HeadClass};
/// assert_eq!(head_class("Ministry"), Some(HeadClass::Organization));
/// assert_eq!(head_class("Telescope"), Some(HeadClass::Thing));
/// assert_eq!(head_class("ministry"), None);
/// ```
pub fn head_class(word: &str) -> Option<HeadClass> {
    name_heads().get(word).map(|h| h.class)
}

/// Whether a head noun names a body with an `of` complement (`Ministry of ...`).
pub fn takes_of(word: &str) -> bool {
    name_heads().get(word).is_some_and(|h| h.takes_of)
}

/// Government bodies that a leading country name qualifies (`Azerbaijani Foreign Ministry`).
pub const GOVERNMENT_SUFFIXES: &[&str] = &[
    "Ministry",
    "Department",
    "Embassy",
    "Government",
    "Army",
    "Navy",
    "Parliament",
    "Police",
    "Cabinet",
    "Forces",
    "Guard",
    "Office",
    "Presidency",
];

/// Lowercase event nouns that a place or body before them names (`the Brussels summit`, `the Iraq war`).
pub const EVENT_NOUNS: &[&str] = &["summit", "war"];

/// Adjectives that may stand before a role (`a senior official`).
pub const ROLE_MODIFIERS: &[&str] = &[
    "senior",
    "top",
    "former",
    "acting",
    "key",
    "high-ranking",
    "leading",
    "veteran",
    "chief",
    "junior",
    "outgoing",
    "incoming",
    "new",
    "current",
    "deputy",
    "interim",
];

/// Lowercase name particles (`Ursula von der Leyen`, `Osama bin Laden`).
pub const NAME_PARTICLES: &[&str] =
    &["de", "van", "von", "der", "den", "bin", "al", "da", "del", "di", "du", "le", "la", "ibn", "dos", "das"];

/// Verbs of speech that mark the name beside them as a person.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "argued",
    "warned",
    "explained",
    "stated",
    "insisted",
    "claimed",
    "announced",
    "noted",
    "stressed",
    "declared",
    "admitted",
    "denied",
    "urged",
    "wrote",
    "believes",
    "thinks",
];

/// Whether `word` is in `list`.
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_noun_file_is_well_formed() {
        let text = include_str!("../../data/lexicon/name-heads.tsv");
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        let mut seen = rustc_hash::FxHashSet::default();
        for row in &rows {
            let columns: Vec<&str> = row.split('\t').collect();
            assert_eq!(columns.len(), 3, "{row:?}: three columns");
            assert!(["organization", "event", "place", "thing"].contains(&columns[1]), "{row:?}: class");
            assert!(matches!(columns[2], "" | "of"), "{row:?}: of flag");
            assert!(seen.insert(columns[0]), "{row:?}: listed twice");
        }
        assert_eq!(name_heads().len(), rows.len());
        assert!(takes_of("Association") && !takes_of("Summit"));
    }

    #[test]
    fn compound_heads() {
        assert!(is_compound_head("led") && is_compound_head("based") && is_compound_head("era"));
        assert!(!is_compound_head("in") && !is_compound_head("moon") && !is_compound_head("wen"));
    }
}
