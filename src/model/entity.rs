//! [`Entity`] and [`EntityId`]: one real thing, however many times and ways it is named.

use super::EntityType;
use super::Span;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A stable entity id derived from the entity's canonical key (`person/antony-j-blinken`): the same
/// thing gets the same id, and so the same IRI, in every run and every corpus.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct EntityId(pub String);

impl EntityId {
    /// The id of an entity of type `etype` whose key (already a slug) is `key`:
    /// `person/antony-j-blinken`.
    ///
    /// ```
    /// use newsgraph::{model::EntityId, EntityType};
    /// assert_eq!(EntityId::new(EntityType::Country, "azerbaijan").as_str(), "country/azerbaijan");
    /// assert_eq!(EntityId::person("ilham-aliyev").as_str(), "person/ilham-aliyev");
    /// ```
    pub fn new(etype: EntityType, key: &str) -> EntityId {
        EntityId(format!("{}/{key}", etype.id_prefix()))
    }

    /// A person's id.
    pub fn person(key: &str) -> EntityId {
        EntityId::new(EntityType::Person, key)
    }

    /// An organization's id.
    pub fn organization(key: &str) -> EntityId {
        EntityId::new(EntityType::Organization, key)
    }

    /// An event's id.
    pub fn event(key: &str) -> EntityId {
        EntityId::new(EntityType::Event, key)
    }

    /// A theme's id.
    pub fn theme(key: &str) -> EntityId {
        EntityId::new(EntityType::Theme, key)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where an entity or fact was found: document, sentence and bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// Sentence index within the document (0-based).
    pub sentence: usize,
    /// Byte span in the document text.
    #[serde(flatten)]
    pub span: Span,
    /// The text of the span.
    pub text: String,
}

/// A resolved entity.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// Stable id.
    pub id: EntityId,
    /// Type.
    #[serde(rename = "type", serialize_with = "ser_type")]
    pub etype: EntityType,
    /// Canonical name.
    pub label: String,
    /// Other names it goes by in the text.
    pub aliases: BTreeSet<String>,
    /// Attributes such as `title` (a person's role) and `date` (an event's ISO date).
    pub attributes: BTreeMap<String, BTreeSet<String>>,
    /// Every mention, in document and text order.
    pub mentions: Vec<Evidence>,
}

fn ser_type<S: serde::Serializer>(t: &EntityType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(t.as_str())
}

impl Entity {
    /// A new entity with no mentions yet.
    pub fn new(id: EntityId, etype: EntityType, label: impl Into<String>) -> Entity {
        Entity {
            id,
            etype,
            label: label.into(),
            aliases: BTreeSet::new(),
            attributes: BTreeMap::new(),
            mentions: Vec::new(),
        }
    }

    /// Adds a name it goes by (not its label).
    pub fn add_alias(&mut self, name: &str) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if !name.is_empty() && name != self.label {
            self.aliases.insert(name);
        }
    }

    /// Adds a value to an attribute.
    pub fn add_attribute(&mut self, key: &str, value: impl Into<String>) {
        self.attributes.entry(key.to_owned()).or_default().insert(value.into());
    }
}
