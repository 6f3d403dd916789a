//! Every shipped pattern against its own example sentences, through the whole analysis (tokens,
//! parse, mentions, entities): each example must make its pattern yield what it lists.

use super::families;
use super::matcher::find;
use super::pattern::{Pattern, Role};
use super::view::DocView;
use crate::model::Document;
use crate::pipeline::Config;
use crate::resolve::resolve;
use crate::text::AnalyzedDoc;
use std::sync::OnceLock;

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| Config::builtin().unwrap())
}

/// What `pattern` yields from `text`, as `role Label` lines.
pub(super) fn yields(pattern: &Pattern, text: &str) -> Vec<String> {
    let config = config();
    let doc = Document::from_text("example", "example", text);
    let mut a = AnalyzedDoc::new(&doc);
    let mentions = crate::pipeline::analyze_one(&mut a, &config.kb, config.ner.as_ref(), config.syntax.as_ref());
    let docs = [a];
    let resolved = resolve(&docs, vec![mentions], &config.kb);
    let view = DocView::new(&docs[0], &resolved.docs[0], &resolved);
    let label = |id: &crate::model::EntityId| resolved.entities.get(id).map(|e| e.label.clone()).unwrap_or_default();
    let mut out = Vec::new();
    for s in view.parsed_sentences() {
        for m in find(pattern, &s) {
            for (role, f) in &m.fillers {
                if *role != Role::Trigger {
                    out.push(format!("{} {}", role.as_str(), label(&f.id)));
                }
            }
        }
    }
    out
}

#[test]
fn every_pattern_yields_what_its_examples_say() {
    let patterns = families::builtin().unwrap();
    assert!(patterns.len() >= 30, "{} patterns", patterns.len());
    let mut failures = Vec::new();
    for p in patterns {
        for example in &p.examples {
            let got = yields(p, &example.text);
            for want in &example.expect {
                if !got.contains(want) {
                    failures.push(format!("{}/{}: {:?}: want `{want}`, got {got:?}", p.family, p.name, example.text));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn no_pattern_yields_anything_from_its_counterexamples() {
    let patterns = families::builtin().unwrap();
    let mut failures = Vec::new();
    for p in patterns {
        for text in &p.counterexamples {
            let got = yields(p, text);
            if !got.is_empty() {
                failures.push(format!("{}/{}: {text:?} yields {got:?}", p.family, p.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for family in families::names() {
        let counted = patterns.iter().filter(|p| p.family == family).map(|p| p.counterexamples.len()).sum::<usize>();
        assert!(counted >= 1, "family {family} has no sentence that must yield nothing");
    }
}

#[test]
fn every_family_file_loads_and_names_its_patterns_once() {
    let patterns = families::builtin().unwrap();
    for family in families::names() {
        assert!(patterns.iter().any(|p| p.family == family), "family {family} has no pattern");
    }
}
