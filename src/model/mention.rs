//! [`Mention`]: one place in the text that refers to something.

use super::EntityType;
use super::Span;

/// A reference in the text to an entity or theme, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The bytes that name it (for a person with a title: the title and the name).
    pub span: Span,
    /// The sentence it is in.
    pub sentence: usize,
    /// What it refers to.
    pub kind: MentionKind,
}

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    /// A knowledge-base entry (country, place, organization, named event).
    Known {
        /// Index into [`crate::kb::KnowledgeBase::entries`].
        entry: usize,
    },
    /// A country's demonym (`Azerbaijani`): it qualifies other mentions but names nothing by itself.
    Demonym {
        /// Index of the country entry.
        country: usize,
    },
    /// A name found by rule (an organization by its suffix, an event, a place by its context).
    Named {
        /// The type the rule decided.
        etype: EntityType,
        /// The name as written (normalized whitespace).
        name: String,
        /// A mention (index into the document's mentions) that qualifies it: the country of a ministry.
        qualifier: Option<usize>,
    },
    /// A person, named or identified by role.
    Person {
        /// The name (`Antony J. Blinken`, `Blinken`), or `None` for a role-only mention.
        name: Option<String>,
        /// Index into [`crate::kb::KnowledgeBase::titles`] of an office or role.
        title: Option<usize>,
        /// An adjective before the role (`senior`), kept in role-only labels.
        modifier: Option<String>,
        /// The role as written when it says more than the title (`Trade and Industry Secretary`).
        role: Option<String>,
        /// The mention (index into the document's mentions) of the country or body the person serves.
        qualifier: Option<usize>,
    },
    /// A theme of the taxonomy.
    Theme {
        /// Index into the taxonomy's concepts.
        concept: usize,
        /// How sure the article is about it, from what its phrases need ([`crate::kb::Evidence`])
        /// and how often they occur: 0.9 for a naming phrase said twice, 0.5 for a generic word said twice.
        confidence: f32,
    },
}

impl Mention {
    /// Whether this mention names an entity by itself (a demonym only qualifies).
    pub fn is_name(&self) -> bool {
        !matches!(self.kind, MentionKind::Demonym { .. })
    }
}
