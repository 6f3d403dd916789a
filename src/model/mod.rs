//! The ground floor: the types every stage shares, and nothing else.
//!
//! A [`Document`] is read by `ingest`; `extract` finds [`Mention`]s in it (byte [`Span`]s);
//! `resolve` groups them into [`Entity`]s with stable [`EntityId`]s; `relate` links entities by
//! [`Relation`]s, each carrying the [`Evidence`] it was read from. Stages import these types from
//! here and never each other's internals, so the pipeline reads top to bottom.

mod document;
mod entity;
mod event;
mod mention;
mod relation;
mod schema;
mod span;

pub use document::{Dateline, Document};
pub use entity::{Entity, EntityId, Evidence};
pub use event::EventKind;
pub use mention::{Mention, MentionKind};
pub use relation::Relation;
pub use schema::{EntityType, RelationType};
pub use span::Span;
