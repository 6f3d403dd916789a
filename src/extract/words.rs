//! Closed word lists the extraction rules consult. These are grammar, not knowledge: function words,
//! calendar words and the head nouns that make a capitalized phrase an organization or an event.

/// Capitalized words that never start or make up a name on their own.
pub const STOP_CAPS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
    "His", "Her", "Their", "Our", "My", "Your", "In", "On", "At", "For", "By", "With", "From", "To", "Of",
    "And", "But", "Or", "Nor", "As", "If", "When", "While", "During", "After", "Before", "Since", "Until",
    "Both", "Each", "Every", "All", "Some", "Many", "Most", "Such", "Several", "Other", "Another", "No",
    "Not", "Yet", "So", "Then", "There", "Here", "What", "Which", "Who", "Whom", "Whose", "How", "Why",
    "Where", "However", "Meanwhile", "Furthermore", "Moreover", "Also", "Although", "Though", "Because",
    "According", "Under", "Over", "Among", "Between", "Despite", "Through", "Without", "Within", "Against",
    "Following", "Amid", "Last", "Next", "Earlier", "Later", "Today", "Yesterday", "Tomorrow", "Now",
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
    "One", "Two", "Three", "First", "Second", "Third", "New", "Key", "Central", "Several", "Only",
];

/// Month names, for dates.
pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];

/// Weekday names (Monday first), for relative dates.
pub const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Head nouns that make a capitalized phrase an organization (`... Ministry`, `... Party`).
pub const ORG_SUFFIXES: &[&str] = &[
    "Ministry", "Department", "Agency", "Council", "Commission", "Committee", "Party", "Bank", "Corporation",
    "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "plc", "Group", "University", "College",
    "Association", "Union", "Institute", "Foundation", "Authority", "Office", "Organization", "Organisation",
    "Court", "Parliament", "Assembly", "Federation", "Service", "Services", "Airlines", "Airways", "Company",
    "Co.", "Police", "Army", "Navy", "Club", "Embassy", "Government", "Cabinet", "Secretariat", "Bureau",
    "Directorate", "Fund", "Trust", "Society", "Network", "Alliance", "Coalition", "Movement", "Front",
    "Board", "Exchange", "Holdings", "Industries", "Motors", "Telecom", "Records", "Studios", "Pictures",
    "Times", "Post", "News", "Press", "Guard", "Forces", "League", "Premiership",
];

/// Heads of organizations that take an `of` complement (`Ministry of Foreign Affairs`).
pub const ORG_HEADS: &[&str] = &["Ministry", "Department", "Office", "Bureau", "Secretariat", "Directorate", "Council", "Bank", "University"];

/// Government bodies that a leading country name qualifies (`Azerbaijani Foreign Ministry`).
pub const GOVERNMENT_SUFFIXES: &[&str] = &["Ministry", "Department", "Embassy", "Government", "Army", "Navy", "Parliament", "Police", "Cabinet", "Forces", "Guard", "Office"];

/// Head nouns that make a capitalized phrase an event (`... Summit`, `... Conference`).
pub const EVENT_SUFFIXES: &[&str] = &[
    "Summit", "Conference", "Forum", "Games", "Olympics", "Cup", "Championship", "Championships", "Festival",
    "Awards", "Expo", "Convention", "Congress", "Week", "Talks", "Symposium", "Tournament", "Open", "Marathon",
];

/// Lowercase event nouns that a place or body before them names (`the Brussels summit`).
pub const EVENT_NOUNS: &[&str] = &["summit", "conference", "forum", "talks", "meeting", "games"];

/// Adjectives that may stand before a role (`a senior official`).
pub const ROLE_MODIFIERS: &[&str] = &[
    "senior", "top", "former", "acting", "key", "high-ranking", "leading", "veteran", "chief", "junior",
    "outgoing", "incoming", "new", "current", "deputy", "interim",
];

/// Lowercase name particles (`Ursula von der Leyen`, `Osama bin Laden`).
pub const NAME_PARTICLES: &[&str] = &["de", "van", "von", "der", "den", "bin", "al", "da", "del", "di", "du", "le", "la", "ibn", "dos", "das"];

/// Verbs of speech that mark the name beside them as a person.
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "added", "argued", "warned", "explained", "stated", "insisted", "claimed",
    "announced", "noted", "stressed", "declared", "admitted", "denied", "urged", "wrote", "believes", "thinks",
];

/// Whether `word` is in `list`.
pub fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}
