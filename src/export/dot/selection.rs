//! Which entities and relations go into the picture: a focus and its neighbourhood, the most
//! connected entities, and no isolated nodes. The RDF and JSON exports always hold everything;
//! only the picture (DOT, SVG, the HTML page's drawing) is a selection, and it says what it left out.

use super::DotOptions;
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use crate::model::Entity;
use crate::model::EntityType;
use crate::model::Relation;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// The entities and relations drawn, in the graph's id order.
#[derive(Debug, Clone)]
pub struct Picture<'g> {
    /// Entities drawn, in id order.
    pub entities: Vec<&'g Entity>,
    /// Relations drawn (both ends drawn), in (source, type, target) order.
    pub relations: Vec<&'g Relation>,
    /// What was left out, and why.
    pub left_out: LeftOut,
    /// The focus entity, when `--focus` was given.
    pub focus: Option<&'g Entity>,
}

/// Counts of what the picture leaves out, by reason (each entity is counted once, under the
/// first rule that dropped it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Entities farther than `--depth` from the focus.
    pub outside_focus: usize,
    /// Entities below the `--top` most connected.
    pub below_top: usize,
    /// Themes no event or actor links to.
    pub unlinked_themes: usize,
    /// Entities with no relation in the picture.
    pub isolated: usize,
    /// Relations with an end left out.
    pub relations: usize,
}

impl LeftOut {
    /// Entities left out, all reasons together.
    pub fn entities(&self) -> usize {
        self.outside_focus + self.below_top + self.unlinked_themes + self.isolated
    }

    /// Each reason with its count (`259 with no relation; --dot-isolated keeps them`).
    pub fn reasons(&self) -> Vec<String> {
        [
            (self.outside_focus, "beyond --depth of the focus"),
            (self.below_top, "below the --top most connected"),
            (self.unlinked_themes, "themes no event or actor links to"),
            (self.isolated, "with no relation; --dot-isolated keeps them"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect()
    }

    /// One line saying what was left out (`None` when nothing was).
    ///
    /// ```
    /// use newsgraph::export::LeftOut;
    /// let l = LeftOut { isolated: 259, relations: 0, ..LeftOut::default() };
    /// assert_eq!(l.describe().unwrap(), "left out 259 entities (259 with no relation; --dot-isolated keeps them)");
    /// ```
    pub fn describe(&self) -> Option<String> {
        if self.entities() == 0 && self.relations == 0 {
            return None;
        }
        let mut line = format!("left out {} entities ({})", self.entities(), self.reasons().join(", "));
        if self.relations > 0 {
            line.push_str(&format!(" and {} relations to them", self.relations));
        }
        Some(line)
    }
}

impl<'g> Picture<'g> {
    /// Applies `--focus`/`--depth`, then `--top`, then drops unlinked themes and isolated entities
    /// (unless `keep_isolated`).
    pub fn select(graph: &'g KnowledgeGraph, options: &DotOptions) -> Result<Picture<'g>> {
        let all: Vec<&Entity> = graph.entities().collect();
        let relations: Vec<&Relation> = graph.relations().collect();
        let mut left_out = LeftOut::default();
        let mut kept: BTreeSet<&str> = all.iter().map(|e| e.id.as_str()).collect();
        let focus = match &options.focus {
            Some(query) => Some(find_entity(graph, query)?),
            None => None,
        };
        if let Some(f) = focus {
            let near = neighbourhood(&relations, f.id.as_str(), options.depth);
            left_out.outside_focus = kept.len() - near.len();
            kept = near;
        }
        if let Some(n) = options.top {
            let before = kept.len();
            kept = most_connected(&relations, &kept, n);
            left_out.below_top = before - kept.len();
        }
        if !options.keep_isolated {
            let before = kept.len();
            kept = linked_themes_only(&all, &relations, kept);
            left_out.unlinked_themes = before - kept.len();
            let linked = degrees(&relations, &kept);
            let before = kept.len();
            kept.retain(|id| linked.contains_key(id) || focus.is_some_and(|f| f.id.as_str() == *id));
            left_out.isolated = before - kept.len();
        }
        let drawn: Vec<&Relation> = relations.iter().copied().filter(|r| both_in(r, &kept)).collect();
        left_out.relations = relations.len() - drawn.len();
        let entities = all.into_iter().filter(|e| kept.contains(e.id.as_str())).collect();
        Ok(Picture { entities, relations: drawn, left_out, focus })
    }
}

fn both_in(r: &Relation, kept: &BTreeSet<&str>) -> bool {
    kept.contains(r.source.as_str()) && kept.contains(r.target.as_str())
}

/// Relations touching each entity, counting only relations with both ends in `kept`.
fn degrees<'a>(relations: &[&'a Relation], kept: &BTreeSet<&str>) -> BTreeMap<&'a str, usize> {
    let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
    for r in relations.iter().filter(|r| both_in(r, kept)) {
        *degree.entry(r.source.as_str()).or_default() += 1;
        *degree.entry(r.target.as_str()).or_default() += 1;
    }
    degree
}

/// The `n` entities of `kept` with the most relations among `kept`; ties go to the smaller id,
/// so the choice is the same in every run.
fn most_connected<'a>(relations: &[&Relation], kept: &BTreeSet<&'a str>, n: usize) -> BTreeSet<&'a str> {
    let degree = degrees(relations, kept);
    let mut ranked: Vec<&'a str> = kept.iter().copied().collect();
    ranked.sort_by_key(|id| (std::cmp::Reverse(degree.get(id).copied().unwrap_or(0)), *id));
    ranked.into_iter().take(n).collect()
}

/// `kept` without the themes that no event or actor (a non-theme entity) links to.
fn linked_themes_only<'a>(all: &[&Entity], relations: &[&Relation], kept: BTreeSet<&'a str>) -> BTreeSet<&'a str> {
    let types: BTreeMap<&str, EntityType> = all.iter().map(|e| (e.id.as_str(), e.etype)).collect();
    let is_theme = |id: &str| types.get(id) == Some(&EntityType::Theme);
    let linked: BTreeSet<&str> = relations
        .iter()
        .filter(|r| both_in(r, &kept) && !is_theme(r.source.as_str()))
        .map(|r| r.target.as_str())
        .collect();
    kept.into_iter().filter(|id| !is_theme(id) || linked.contains(id)).collect()
}

/// Entities at most `depth` relations away from `from`, whatever the relations' direction.
fn neighbourhood<'a>(relations: &[&'a Relation], from: &'a str, depth: usize) -> BTreeSet<&'a str> {
    let mut adjacent: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in relations {
        adjacent.entry(r.source.as_str()).or_default().push(r.target.as_str());
        adjacent.entry(r.target.as_str()).or_default().push(r.source.as_str());
    }
    let mut seen = BTreeSet::from([from]);
    let mut queue = VecDeque::from([(from, 0)]);
    while let Some((id, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for &next in adjacent.get(id).into_iter().flatten() {
            if seen.insert(next) {
                queue.push_back((next, d + 1));
            }
        }
    }
    seen
}

/// The entity a `--focus` names: its id, else its label or an alias (ignoring case). A name that
/// fits several entities, or none, is an error that lists candidates.
pub fn find_entity<'g>(graph: &'g KnowledgeGraph, query: &str) -> Result<&'g Entity> {
    if let Some(e) = graph.entity(query.trim()) {
        return Ok(e);
    }
    let q = query.trim().to_lowercase();
    let named = |e: &&Entity| e.label.to_lowercase() == q || e.aliases.iter().any(|a| a.to_lowercase() == q);
    let by_label: Vec<&Entity> = graph.entities().filter(|e| e.label.to_lowercase() == q).collect();
    let hits: Vec<&Entity> = if by_label.is_empty() { graph.entities().filter(named).collect() } else { by_label };
    let list = |es: &[&Entity]| es.iter().take(8).map(|e| format!("{} ({})", e.label, e.id)).collect::<Vec<_>>();
    match hits.as_slice() {
        [one] => Ok(one),
        [] => {
            let near: Vec<&Entity> = graph.entities().filter(|e| e.label.to_lowercase().contains(&q)).collect();
            let hint =
                if near.is_empty() { String::new() } else { format!("; did you mean {}", list(&near).join(", ")) };
            Err(Error::UnknownEntity {
                query: query.to_owned(),
                message: format!("no entity has this id or name{hint}"),
            })
        }
        many => Err(Error::UnknownEntity {
            query: query.to_owned(),
            message: format!("several entities have this name, give an id: {}", list(many).join(", ")),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityId;
    use crate::model::RelationType;

    fn graph() -> KnowledgeGraph {
        let e = |id: &str, t| Entity::new(EntityId(id.into()), t, id.rsplit('/').next().unwrap_or(id));
        let r = |s: &str, t: RelationType, o: &str| Relation {
            source: EntityId(s.into()),
            rtype: t,
            target: EntityId(o.into()),
            confidence: 0.9,
            evidence: vec![],
        };
        let mut blinken = e("person/blinken", EntityType::Person);
        blinken.add_alias("Tony Blinken");
        KnowledgeGraph::new(
            vec![],
            [
                blinken,
                e("person/aliyev", EntityType::Person),
                e("country/us", EntityType::Country),
                e("country/az", EntityType::Country),
                e("place/baku", EntityType::Place),
                e("person/alone", EntityType::Person),
                e("theme/peace", EntityType::Theme),
                e("theme/climate", EntityType::Theme),
                e("event/talks", EntityType::Event),
            ],
            [
                r("person/blinken", RelationType::AffiliatedWith, "country/us"),
                r("person/blinken", RelationType::MetWith, "person/aliyev"),
                r("person/aliyev", RelationType::AffiliatedWith, "country/az"),
                r("place/baku", RelationType::LocatedIn, "country/az"),
                r("event/talks", RelationType::Topic, "theme/peace"),
                r("event/talks", RelationType::Participant, "person/aliyev"),
                r("theme/peace", RelationType::Topic, "theme/climate"),
            ],
        )
    }

    fn ids(p: &Picture) -> Vec<String> {
        p.entities.iter().map(|e| e.id.to_string()).collect()
    }

    #[test]
    fn by_default_isolated_entities_and_unlinked_themes_are_left_out() {
        let g = graph();
        let p = Picture::select(&g, &DotOptions::default()).unwrap();
        assert!(!ids(&p).contains(&"person/alone".to_owned()));
        assert!(!ids(&p).contains(&"theme/climate".to_owned()), "only another theme links to it");
        assert!(ids(&p).contains(&"theme/peace".to_owned()));
        assert_eq!(p.left_out, LeftOut { isolated: 1, unlinked_themes: 1, relations: 1, ..LeftOut::default() });
        let all = Picture::select(&g, &DotOptions { keep_isolated: true, ..DotOptions::default() }).unwrap();
        assert_eq!(all.entities.len(), 9);
        assert_eq!(all.left_out.describe(), None);
    }

    #[test]
    fn focus_keeps_the_neighbourhood_within_depth() {
        let g = graph();
        let at = |depth| {
            let o = DotOptions { focus: Some("Tony Blinken".into()), depth, ..DotOptions::default() };
            ids(&Picture::select(&g, &o).unwrap())
        };
        assert_eq!(at(1), ["country/us", "person/aliyev", "person/blinken"]);
        assert_eq!(at(2), ["country/az", "country/us", "event/talks", "person/aliyev", "person/blinken"]);
        assert_eq!(at(0), ["person/blinken"], "the focus stays even with no relation drawn");
    }

    #[test]
    fn top_keeps_the_most_connected() {
        let g = graph();
        let p = Picture::select(&g, &DotOptions { top: Some(2), ..DotOptions::default() }).unwrap();
        assert_eq!(ids(&p), ["country/az", "person/aliyev"]);
        assert_eq!(p.left_out.below_top, 7);
        assert!(p.left_out.describe().unwrap().contains("7 below the --top most connected"));
    }

    #[test]
    fn focus_names_are_ids_labels_or_aliases() {
        let g = graph();
        assert_eq!(find_entity(&g, "person/aliyev").unwrap().id.as_str(), "person/aliyev");
        assert_eq!(find_entity(&g, "ALIYEV").unwrap().id.as_str(), "person/aliyev");
        assert_eq!(find_entity(&g, "tony blinken").unwrap().id.as_str(), "person/blinken");
        let err = find_entity(&g, "bli").unwrap_err().to_string();
        assert!(err.contains("did you mean blinken (person/blinken)"), "{err}");
    }
}
