//! [`Relation`]: a typed link between two entities, with the evidence for it.

use super::RelationType;
use super::{EntityId, Evidence};
use serde::Serialize;

/// A fact: `source type target`, with where it was read and how sure we are.
#[derive(Debug, Clone, Serialize)]
pub struct Relation {
    /// The subject entity.
    pub source: EntityId,
    /// The relation type.
    #[serde(rename = "type", serialize_with = "ser_type")]
    pub rtype: RelationType,
    /// The object entity.
    pub target: EntityId,
    /// Confidence in `0..=1`: the best of the rules that found it.
    pub confidence: f32,
    /// Every place in the text that supports it.
    pub evidence: Vec<Evidence>,
}

fn ser_type<S: serde::Serializer>(t: &RelationType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(t.as_str())
}
