//! Names from the statistical recognizer, for what the lists and rules did not find.

use super::words::{self, is_in, HeadClass};
use super::Extraction;
use crate::kb::NameTarget;
use crate::model::EntityType;
use crate::model::MentionKind;
use crate::ner::{DocContext, History, NerModel, NerType, Prepared};

/// Tags every sentence (headings too: they inform later sentences) and adds the names found in
/// prose that no earlier source covers.
pub(super) fn names(x: &mut Extraction, model: &NerModel) {
    let a = x.a;
    // Surnames of the people the rules found: a name the model calls a place or body but that
    // ends in one of them, or is one of them, is that person (`at Jack Straw's residence`,
    // `Blinken's overtures`).
    let surnames: Vec<String> = x
        .mentions
        .iter()
        .flatten()
        .filter_map(|m| match &m.kind {
            MentionKind::Person { name: Some(n), .. } => n.split(' ').next_back().map(str::to_owned),
            _ => None,
        })
        .collect();
    // The recognizer reads hyphenated words whole, as its training text writes them (`Ki-moon`).
    let units: Vec<Vec<(usize, usize)>> = a.sentences.iter().map(|s| glued_units(x, s.tokens.clone())).collect();
    let text = &a.doc.text;
    let unit_text = |&(i, j): &(usize, usize)| &text[a.tokens[i].span.start..a.tokens[j - 1].span.end];
    let sentences: Vec<Vec<&str>> = units.iter().map(|u| u.iter().map(unit_text).collect()).collect();
    let doc = DocContext::new(sentences.iter().map(Vec::as_slice));
    let mut history = History::default();
    let mut feats = Vec::with_capacity(64);
    for (s, words) in sentences.iter().enumerate() {
        let codes = crate::ner::gazetteer_codes(x.kb, words);
        let classes = model.classes().codes(words);
        let p = Prepared::new(words, &codes, &classes);
        let tags = crate::ner::decode(model, &p, &mut history, &doc, &mut feats);
        let first = a.sentences[s].tokens.start;
        if !x.in_prose(first) {
            continue;
        }
        for span in crate::ner::spans_of(&tags) {
            let (mut i, j) = (units[s][span.start].0, units[s][span.end - 1].1);
            while i < j && is_in(words::STOP_CAPS, x.tok(i)) {
                i += 1;
            }
            if i >= j || x.covered[i..j].iter().any(Option::is_some) || !(i..j).any(|k| x.is_cap(k)) {
                continue;
            }
            // Part of a role (`Shadow` Secretary, `Trade and Industry` Secretary, Secretary for
            // `the Family`), or a theme phrase (`Middle Corridor`): not a name of its own.
            let span_bytes = crate::model::Span::new(a.tokens[i].span.start, a.tokens[j - 1].span.end);
            let in_theme = x
                .mentions
                .iter()
                .flatten()
                .any(|m| matches!(m.kind, MentionKind::Theme { .. }) && m.span.overlaps(span_bytes));
            // An acronym before a title is the body (`NASA Administrator Bill Nelson`).
            let acronym = j - i == 1 && x.tok(i).len() >= 2 && x.tok(i).chars().all(|c| c.is_ascii_uppercase());
            let by_title = x.titles.iter().any(|&(t0, t1, _)| {
                (t0 == j && !(acronym && span.ty == NerType::Org))
                    || (t1 <= i && i - t1 <= 2 && matches!(x.tok(t1), "for" | "of"))
                    || (t0 < j && i < t1)
            });
            // A lone word opening a sentence is capitalized by its place; if it is a common word in
            // lower case (`Emphasis was placed`), the model's guess is too weak to make a name.
            let common_opener = j - i == 1
                && i == first
                && model.classes().get(&x.tok(i).to_lowercase()).is_some()
                && x.kb.find_names(x.tok(i)).next().is_none();
            // `the Hubble Space Telescope`: an object, no entity; `Uyghurs`: a people, no body.
            let thing = words::head_class(x.tok(j - 1)) == Some(HeadClass::Thing);
            if in_theme || by_title || common_opener || thing || plural_noun(x, i, j) || !well_formed(x, i, j) {
                continue;
            }
            let text = super::rules::joined(x, i, j);
            let ty = match text.split(' ').next_back() {
                Some(last) if surnames.iter().any(|s| s == last) => NerType::Per,
                // The head noun decides over the model: `Lehman Brothers`, `Pacific Airlines`.
                Some(last) if j - i >= 2 && words::head_class(last) == Some(HeadClass::Organization) => NerType::Org,
                // Facilities and sites are places (`Smithsonian National Air and Space Museum`).
                Some(last) if j - i >= 2 && words::head_class(last) == Some(HeadClass::Place) => NerType::Loc,
                _ => span.ty,
            };
            let kind = match ty {
                NerType::Per => {
                    let word_count = (i..j).filter(|&k| x.is_cap(k)).count();
                    // `World War Two`, `Conference Centre`: words that head events, bodies, places.
                    if (i..j).any(|k| words::head_class(x.tok(k)).is_some() || x.tok(k) == "War") {
                        continue;
                    }
                    // A lone capitalized word is too weak a person unless it recurs as a name.
                    if word_count < 2 && !x.title_at(i.saturating_sub(1)).is_some_and(|t| x.is_cap(t.0)) {
                        continue;
                    }
                    MentionKind::Person { name: Some(text), title: None, modifier: None, role: None, qualifier: None }
                }
                NerType::Org => MentionKind::Named { etype: EntityType::Organization, name: text, qualifier: None },
                NerType::Loc => {
                    let known = x.kb.find_names(&text).next().and_then(|(m, t)| match t {
                        NameTarget::Entry(entry) if m.len() == text.len() => Some(entry),
                        _ => None,
                    });
                    match known {
                        Some(entry) => MentionKind::Known { entry },
                        None => MentionKind::Named { etype: EntityType::Place, name: text, qualifier: None },
                    }
                }
                NerType::Misc => continue,
            };
            x.add(i, j, kind);
        }
    }
}

/// The token ranges of a sentence's words as the recognizer reads them: tokens, with words glued
/// by a hyphen or dash (`Jae - in`) made one ([`crate::ner::glue_byte_spans`], the rule its
/// training text went through).
fn glued_units(x: &Extraction, tokens: std::ops::Range<usize>) -> Vec<(usize, usize)> {
    let spans: Vec<(usize, usize)> =
        tokens.clone().map(|k| (x.a.tokens[k].span.start, x.a.tokens[k].span.end)).collect();
    crate::ner::glue_byte_spans(&x.a.doc.text, &spans)
        .into_iter()
        .map(|u| (tokens.start + u.start, tokens.start + u.end))
        .collect()
}

/// Whether tokens `i..j` are one plural noun by the parse (`Uyghurs`, `Kurds`, tagged and
/// lemmatized as a plural): a people or a kind of thing, not a body or a place. Knowledge-base
/// names (`Philippines`) never get here.
fn plural_noun(x: &Extraction, i: usize, j: usize) -> bool {
    let s = x.a.token_sentence[i];
    let Some(tree) = x.a.trees.get(s) else { return false };
    let k = i - x.a.sentences[s].tokens.start;
    let form = x.tok(i);
    j - i == 1
        && matches!(tree.upos(k), "NOUN" | "PROPN")
        && form.ends_with('s')
        && tree.lemma(k).to_lowercase() == form[..form.len() - 1].to_lowercase()
}

/// Whether tokens `i..j` look like a name: capitalized words, with only `of`, `for`, `and`,
/// `the`, `de`... inside; no possessive; not a lone plural of a people (`Britons`, `Soviets`).
fn well_formed(x: &Extraction, i: usize, j: usize) -> bool {
    let inner_ok = |k: usize| {
        let t = x.tok(k);
        x.is_cap(k)
            || (k > i
                && k + 1 < j
                && (matches!(t, "of" | "for" | "and" | "the" | "&" | "-") || is_in(words::NAME_PARTICLES, t)))
            || x.a.tokens[k].kind == crate::text::TokenKind::Number && k > i
    };
    if !(i..j).all(inner_ok) || !x.is_cap(i) || !x.is_cap(j - 1) {
        return false;
    }
    // `ID` (cards), `EU`-like fragments: two letters are too little to be a name the lists missed;
    // a lone head noun (`Commission`, `Cabinet`) is a common noun in capitals.
    if j - i == 1 && (x.tok(i).chars().count() <= 2 || words::head_class(x.tok(i)).is_some()) {
        return false;
    }
    let plural_people = ["ans", "ons", "ets", "ites", "ese", "ish", "ics"];
    !(j - i == 1 && plural_people.iter().any(|s| x.tok(i).ends_with(s)) && x.tok(i).len() > 4)
}
