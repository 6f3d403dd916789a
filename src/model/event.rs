//! [`EventKind`]: what sort of event an article tells of.

use serde::Serialize;

/// The kinds of event the relation patterns find.
///
/// The kind is part of an event's label (`Talks of A and B`) and of its `kind` attribute.
///
/// ```
/// use newsgraph::model::EventKind;
/// assert_eq!(EventKind::Call.as_str(), "call");
/// assert_eq!("visit".parse::<EventKind>(), Ok(EventKind::Visit));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// A meeting of two or more actors.
    Meeting,
    /// Talks, negotiations, consultations, a dialogue.
    Talks,
    /// A visit to a place, or to a host.
    Visit,
    /// A telephone or video call.
    Call,
    /// The signing of an agreement.
    Signing,
    /// A summit of leaders.
    Summit,
}

impl EventKind {
    /// Every kind, in the order of the enum.
    pub const ALL: [EventKind; 6] = [
        EventKind::Meeting,
        EventKind::Talks,
        EventKind::Visit,
        EventKind::Call,
        EventKind::Signing,
        EventKind::Summit,
    ];

    /// The lowercase name used in attributes, ids and data files.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Talks => "talks",
            EventKind::Visit => "visit",
            EventKind::Call => "call",
            EventKind::Signing => "signing",
            EventKind::Summit => "summit",
        }
    }

    /// The name with a capital, as it starts an event's label.
    pub fn title(self) -> &'static str {
        match self {
            EventKind::Meeting => "Meeting",
            EventKind::Talks => "Talks",
            EventKind::Visit => "Visit",
            EventKind::Call => "Call",
            EventKind::Signing => "Signing",
            EventKind::Summit => "Summit",
        }
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for EventKind {
    type Err = String;

    fn from_str(s: &str) -> Result<EventKind, String> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| format!("unknown event kind `{s}`"))
    }
}
