//! Themes grouped by their top-level topic (IPTC's `economy, business and finance`, `politics`...):
//! each group a cluster of its own, so a reader sees at a glance what the articles are about.

use crate::model::{Entity, EntityType};
use std::collections::BTreeMap;

/// The themes of `entities` by the label of their top-level topic (the `topic_group` attribute the
/// resolver gives every theme), in label order; themes without one are not in it.
pub fn themes_by_topic<'g>(entities: &[&'g Entity]) -> BTreeMap<&'g str, Vec<&'g Entity>> {
    let mut groups: BTreeMap<&str, Vec<&Entity>> = BTreeMap::new();
    for &e in entities.iter().filter(|e| e.etype == EntityType::Theme) {
        if let Some(group) = e.attributes.get("topic_group").and_then(|g| g.first()) {
            groups.entry(group.as_str()).or_default().push(e);
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityId;

    fn theme(id: &str, group: Option<&str>) -> Entity {
        let mut e = Entity::new(EntityId(id.into()), EntityType::Theme, id);
        if let Some(g) = group {
            e.add_attribute("topic_group", g);
        }
        e
    }

    #[test]
    fn themes_are_grouped_by_their_top_level_topic() {
        let (a, b, c) = (
            theme("theme/war", Some("Conflict, war and peace")),
            theme("theme/trade", Some("Economy")),
            theme("theme/mine", None),
        );
        let d = theme("theme/peace-talks", Some("Conflict, war and peace"));
        let place = Entity::new(EntityId("place/baku".into()), EntityType::Place, "Baku");
        let groups = themes_by_topic(&[&a, &b, &c, &d, &place]);
        let ids: Vec<(&str, Vec<&str>)> =
            groups.iter().map(|(g, es)| (*g, es.iter().map(|e| e.id.as_str()).collect())).collect();
        assert_eq!(
            ids,
            [("Conflict, war and peace", vec!["theme/war", "theme/peace-talks"]), ("Economy", vec!["theme/trade"])]
        );
    }
}
