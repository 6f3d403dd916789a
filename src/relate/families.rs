//! The rule families, in the order they run: the one place that order is written down.
//!
//! Why this order: events first, so that every later family reads a document whose meetings are
//! known; then the noun-phrase families (affiliation, location), whose facts do not depend on
//! events; then agreements, support and reporting. No family reads another's output except
//! reporting, whose outlets are credited with the events already found.

use super::pattern::{read_family, Pattern};
use crate::error::Result;
use std::sync::OnceLock;

/// Each family's name and pattern file, in running order.
const FAMILIES: &[(&str, &str)] = &[
    ("meeting", include_str!("../../data/patterns/meeting.toml")),
    ("visit", include_str!("../../data/patterns/visit.toml")),
    ("call", include_str!("../../data/patterns/call.toml")),
    ("signing", include_str!("../../data/patterns/signing.toml")),
    ("summit", include_str!("../../data/patterns/summit.toml")),
    ("affiliation", include_str!("../../data/patterns/affiliation.toml")),
    ("location", include_str!("../../data/patterns/location.toml")),
    ("agreement", include_str!("../../data/patterns/agreement.toml")),
    ("support", include_str!("../../data/patterns/support.toml")),
    ("reporting", include_str!("../../data/patterns/reporting.toml")),
];

/// Every shipped pattern, families in running order, each family's patterns in file order.
pub fn builtin() -> Result<&'static [Pattern]> {
    static PATTERNS: OnceLock<std::result::Result<Vec<Pattern>, String>> = OnceLock::new();
    let loaded = PATTERNS.get_or_init(|| {
        let mut all = Vec::new();
        for (family, text) in FAMILIES {
            let source = format!("data/patterns/{family}.toml");
            all.extend(read_family(family, text, &source).map_err(|e| e.to_string())?);
        }
        Ok(all)
    });
    loaded.as_deref().map_err(|e| crate::Error::Data {
        source_name: "data/patterns".into(),
        line: 0,
        message: e.clone(),
    })
}

/// The names of the families, in running order.
pub fn names() -> impl Iterator<Item = &'static str> {
    FAMILIES.iter().map(|(name, _)| *name)
}
