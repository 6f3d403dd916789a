//! Rules for names that are in no list, decided by their context.

use super::words::{self, is_in, HeadClass};
use super::Extraction;
use crate::kb::TitleRank;
use crate::model::EntityType;
use crate::model::{Mention, MentionKind};
use crate::text::TokenKind;

/// Reads a person's name starting at token `i`: capitalized words, initials, inner particles and
/// hyphens. Returns the end token, or `None` when there is no name there.
fn read_name(x: &Extraction, i: usize, sentence_end: usize) -> Option<usize> {
    let mut j = i;
    let mut words_seen = 0;
    while j < sentence_end && words_seen < 5 {
        let t = x.tok(j);
        // A one-word occupation after a first name is a surname (`John Skipper said`).
        let surname_like_title = |(t0, t1, ti): (usize, usize, usize)| {
            words_seen > 0 && t1 == t0 + 1 && x.kb.titles[ti].rank == TitleRank::Occupation && !x.is_cap(t1)
        };
        let free = x.covered[j].is_none() && x.title_at(j).is_none_or(surname_like_title);
        let is_initial = t.len() == 2 && t.ends_with('.') && t.starts_with(|c: char| c.is_uppercase());
        // A month name ends a name unless it follows a first name and no day number follows (`Theresa May`).
        let month = is_in(crate::text::MONTHS, &t.to_lowercase())
            && (words_seen == 0 || x.a.tokens.get(j + 1).is_some_and(|n| n.kind == TokenKind::Number));
        let stop =
            is_in(words::STOP_CAPS, t) && !(words_seen > 0 && is_in(crate::text::MONTHS, &t.to_lowercase()) && !month);
        if free && x.is_cap(j) && !stop && !month {
            words_seen += 1;
            j += 1;
        } else if free && is_initial && words_seen > 0 {
            j += 1;
        } else if words_seen > 0
            && j + 2 < sentence_end
            && is_in(words::NAME_PARTICLES, t)
            && x.tok(j + 1) == "-"
            && x.is_cap(j + 2)
            && x.covered[j + 2].is_none()
        {
            // `Ghazi al-Gosaibi`.
            j += 3;
            words_seen += 1;
        } else if words_seen > 0
            && j + 1 < sentence_end
            && x.a.is_word_glue(j)
            && x.covered[j + 1].is_none()
            && !x.is_cap(j + 1)
            && !words::is_compound_head(x.tok(j + 1))
        {
            // `Moon Jae-in`, `Ban Ki-moon`: a lower-case syllable glued to the name.
            j += 2;
        } else if words_seen > 0 && j + 1 < sentence_end && x.is_cap(j + 1) && x.covered[j + 1].is_none() {
            if x.a.is_word_glue(j) || is_in(words::NAME_PARTICLES, t) {
                j += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    if words_seen == 0 {
        return None;
    }
    let last = x.tok(j - 1);
    if words::head_class(last).is_some() {
        return None;
    }
    Some(j)
}

/// The text of tokens `i..j` with whitespace normalized.
pub(super) fn joined(x: &Extraction, i: usize, j: usize) -> String {
    let s = x.a.tokens[i].span.start;
    let e = x.a.tokens[j - 1].span.end;
    x.a.doc.text[s..e].split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether mention `m` can qualify a person or body (a country, an organization, a demonym).
/// A place qualifies too when it is possessive (`Gibraltar's Chief Minister`).
fn qualifies_possessive(m: &Mention, x: &Extraction) -> bool {
    qualifies(m, x)
        || matches!(&m.kind, MentionKind::Known { entry } if x.kb.entries[*entry].etype == EntityType::Place)
}

/// Whether mention `m` can qualify a person or body (a country, an organization, a demonym).
fn qualifies(m: &Mention, x: &Extraction) -> bool {
    match &m.kind {
        MentionKind::Known { entry } => {
            matches!(x.kb.entries[*entry].etype, EntityType::Country | EntityType::Organization)
        }
        MentionKind::Demonym { .. } => true,
        MentionKind::Named { etype, .. } => *etype == EntityType::Organization,
        _ => false,
    }
}

/// Looks left of token `i` for `[modifier] [Qualifier] ['s] [modifier]`: returns the qualifier
/// mention, the modifier word and the first token of the whole phrase.
fn qualifier_before(x: &Extraction, i: usize, sentence_start: usize) -> (Option<usize>, Option<String>, usize) {
    let mut k = i;
    let mut qualifier = None;
    let mut modifier = None;
    while k > sentence_start {
        let prev = k - 1;
        let t = x.tok(prev);
        if is_in(words::ROLE_MODIFIERS, &t.to_lowercase()) {
            modifier.get_or_insert_with(|| t.to_lowercase());
            k = prev;
            continue;
        }
        if qualifier.is_none() {
            let possessive = x.a.tokens[prev].kind == TokenKind::Possessive && prev > sentence_start;
            let behind = if possessive { prev - 1 } else { prev };
            if let Some((m, mention)) = x.mention_at(behind) {
                if qualifies(mention, x) || (possessive && qualifies_possessive(mention, x)) {
                    qualifier = Some(m);
                    k = x.a.token_at(mention.span.start);
                    continue;
                }
            }
        }
        break;
    }
    (qualifier, modifier, k)
}

/// `of|from|at [the] Qualifier` right at token `j`: the qualifier mention and the end token.
fn qualifier_after(x: &Extraction, j: usize, sentence_end: usize) -> Option<(usize, usize)> {
    if j >= sentence_end || !matches!(x.tok(j), "of" | "from" | "at") {
        return None;
    }
    let mut k = j + 1;
    if k < sentence_end && x.tok(k).eq_ignore_ascii_case("the") {
        k += 1;
    }
    let (m, mention) = x.mention_at(k)?;
    if !qualifies(mention, x) || x.a.tokens[k].span.start != mention.span.start {
        return None;
    }
    let end = x.tokens_of(mention.span)?.1;
    Some((m, end))
}

/// Titles that take a portfolio (`Trade and Industry Secretary`, `Secretary of State for Health`).
const PORTFOLIO_TITLES: &[&str] =
    &["Secretary", "Minister", "Secretary of State", "Spokesman", "Commissioner", "Envoy", "Director", "Chairman"];

/// Capitalized words (and inner `and`) right before token `t0`: a portfolio such as `Trade and
/// Industry`. Returns its first token.
fn portfolio_before(x: &Extraction, t0: usize, sentence_start: usize) -> usize {
    let mut k = t0;
    while k > sentence_start && t0 - k < 5 {
        let prev = k - 1;
        let t = x.tok(prev);
        // A region may be part of the portfolio (`Europe Director`, `Northern Ireland Secretary`).
        let region = matches!(x.mention_at(prev), Some((_, Mention { kind: MentionKind::Known { entry }, .. }))
            if x.kb.entries[*entry].etype == EntityType::Place);
        let in_title = x.titles.iter().any(|&(a, b, _)| a <= prev && prev < b);
        // An acronym is a body, not a portfolio (`NASA Administrator`).
        let acronym = t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase());
        let word = x.is_cap(prev)
            && (x.covered[prev].is_none() || region)
            && !is_in(words::STOP_CAPS, t)
            && !in_title
            && !acronym;
        let joiner = matches!(t, "and" | "&") && prev > sentence_start && x.is_cap(prev - 1) && k < t0;
        if word || joiner {
            k = prev;
        } else {
            break;
        }
    }
    if k < t0 && !x.is_cap(k) {
        k += 1;
    }
    k
}

/// `for [the] Capitalized Words` right at token `j`: the end of the portfolio.
fn portfolio_after(x: &Extraction, j: usize, sentence_end: usize) -> Option<usize> {
    if j >= sentence_end || x.tok(j) != "for" {
        return None;
    }
    let mut k = j + 1;
    if k < sentence_end && x.tok(k) == "the" {
        k += 1;
    }
    let start = k;
    while k < sentence_end
        && (x.is_cap(k) || (matches!(x.tok(k), "and" | "&") && k + 1 < sentence_end && x.is_cap(k + 1)))
    {
        k += 1;
    }
    // `for European and Eurasian Affairs James O'Brien`: the run ends with the holder's name.
    // The name is taken as short as it can be: two tokens, else three (`James O'Brien`).
    let ends_name = |p: usize| read_name(x, p, sentence_end) == Some(k);
    let name_start = [2, 3].into_iter().filter_map(|n| k.checked_sub(n)).find(|&p| p > start && ends_name(p));
    let end = name_start.unwrap_or(k);
    (end > start).then_some(end)
}

/// People from titles, honorifics and verbs of speech.
pub(super) fn people(x: &mut Extraction) {
    let titles = x.titles.clone();
    for (t0, t1, ti) in titles {
        if !x.in_prose(t0) || x.covered[t0..t1].iter().any(Option::is_some) {
            continue;
        }
        let sentence = x.sentence_tokens(x.a.token_sentence[t0]);
        let title = x.kb.titles[ti].clone();
        let capitalized = x.is_cap(t0);
        // The role as written, with its portfolio: `Trade and Industry Secretary`.
        let takes_portfolio = capitalized && PORTFOLIO_TITLES.contains(&title.canonical.as_str());
        let role_start = if capitalized { portfolio_before(x, t0, sentence.start) } else { t0 };
        let role_end = if takes_portfolio { portfolio_after(x, t1, sentence.end).unwrap_or(t1) } else { t1 };
        let role = (role_start < t0 || role_end > t1).then(|| joined(x, role_start, role_end));
        // A form of address takes no qualifier: in `told the BBC Mr Howard`, the BBC is not his.
        let (mut qualifier, modifier, phrase_start) = if title.rank == TitleRank::Honorific {
            (None, None, t0)
        } else {
            qualifier_before(x, role_start, sentence.start)
        };
        let mut name_at = role_end;
        if let Some((q, end)) = qualifier_after(x, role_end, sentence.end) {
            qualifier.get_or_insert(q);
            name_at = end;
        }
        // Titles in a row (`Foreign Minister Prince Saud Al-Faisal`): the name follows the last.
        if let Some((_, next_end, _)) = x.title_at(name_at).filter(|_| name_at == role_end) {
            if read_name(x, next_end, sentence.end).is_some() {
                name_at = next_end;
            }
        }
        // The name: right after the title (or its `of Country`), or in apposition (`..., Theresa May, said`).
        let mut name = read_name(x, name_at, sentence.end).map(|e| (name_at, e));
        if name.is_none() && name_at != role_end {
            name = read_name(x, role_end, sentence.end).map(|e| (role_end, e));
        }
        // `spokeswoman for women Sandra Gidley`: a lowercase complement, then the name.
        let mut role_end = role_end;
        let mut role = role;
        // `Labour MP and former Cabinet minister Jack Cunningham`: two roles, one name after the second.
        if name.is_none() && name_at == role_end && name_at + 1 < sentence.end && x.tok(name_at) == "and" {
            let next = x.titles.iter().copied().find(|&(a, _, _)| a > name_at && a <= name_at + 4);
            if let Some((a, b, _)) = next {
                let between_ok =
                    (name_at + 1..a).all(|k| x.a.tokens[k].kind == TokenKind::Word && x.covered[k].is_none());
                if between_ok {
                    if let Some(e) = read_name(x, b, sentence.end) {
                        name = Some((b, e));
                    }
                }
            }
        }
        // `director general for Europe, Jose Maria Pons`: the same, with the name in apposition.
        if name.is_none() && name_at == role_end && name_at < sentence.end && x.tok(name_at) == "for" {
            for k in name_at + 1..(name_at + 6).min(sentence.end) {
                let apposition = x.tok(k) == ",";
                let at = if apposition { k + 1 } else { k };
                if apposition || (x.is_cap(k) && x.covered[k].is_none()) {
                    let ends_well = |e: usize| {
                        !apposition || e == sentence.end || matches!(x.tok(e), "," | "." | "said" | "says" | "told")
                    };
                    if let Some(e) = read_name(x, at, sentence.end).filter(|&e| e - at >= 2 && ends_well(e)) {
                        name = Some((at, e));
                        role = Some(joined(x, role_start, k));
                        role_end = k;
                    }
                    break;
                }
                if x.a.tokens[k].kind != TokenKind::Word {
                    break;
                }
            }
        }
        if name.is_none() && name_at < sentence.end && x.tok(name_at) == "," {
            name = read_name(x, name_at + 1, sentence.end)
                .filter(|&e| e == sentence.end || matches!(x.tok(e), "," | "." | "said" | "says" | "told"))
                .map(|e| (name_at + 1, e));
        }
        let lowercase_role = !capitalized && matches!(title.rank, TitleRank::Role | TitleRank::Occupation);
        if let Some((name_start, end)) = name {
            if lowercase_role && end - name_start < 2 {
                continue;
            }
            let name = joined(x, name_start, end);
            if qualifier.is_none() {
                qualifier = qualifier_after(x, end, sentence.end).map(|(q, _)| q);
            }
            let title = (title.rank != TitleRank::Honorific).then_some(ti);
            let role = role.filter(|_| title.is_some());
            x.add(role_start, end, MentionKind::Person { name: Some(name), title, modifier: None, role, qualifier });
        } else if name_at == role_end
            && x.is_cap(role_end)
            && x.covered[role_end].is_none()
            && !is_in(words::STOP_CAPS, x.tok(role_end))
        {
            // The title is the start of a longer name (`Premier League`): not a person.
            continue;
        } else if !matches!(title.rank, TitleRank::Honorific | TitleRank::Occupation) {
            let before = phrase_start.checked_sub(1).map(|k| x.tok(k).to_lowercase()).unwrap_or_default();
            let definite = matches!(before.as_str(), "the" | "this");
            let keep = qualifier.is_some() || (definite && title.rank == TitleRank::Office);
            if keep {
                let start = if qualifier.is_some() || modifier.is_some() { phrase_start } else { role_start };
                let index = x.mentions.len();
                let span = crate::model::Span::new(x.a.tokens[start].span.start, x.a.tokens[name_at - 1].span.end);
                x.mentions.push(Some(Mention {
                    span,
                    sentence: x.a.token_sentence[t0],
                    kind: MentionKind::Person { name: None, title: Some(ti), modifier, role, qualifier },
                }));
                // The qualifier keeps its own mention: it is a country or body of its own.
                for c in &mut x.covered[role_start..role_end] {
                    *c = Some(index);
                }
            }
        }
    }
    speech(x);
}

/// `John Smith said`, `said John Smith`: two or three capitalized words beside a verb of speech.
fn speech(x: &mut Extraction) {
    for s in 0..x.a.sentences.len() {
        let range = x.sentence_tokens(s);
        if !x.in_prose(range.start) {
            continue;
        }
        let mut i = range.start;
        while i < range.end {
            if x.covered[i].is_some() || !x.is_cap(i) || is_in(words::STOP_CAPS, x.tok(i)) {
                i += 1;
                continue;
            }
            let Some(end) = read_name(x, i, range.end) else {
                i += 1;
                continue;
            };
            let word_count = (i..end).filter(|&k| x.is_cap(k) && x.tok(k).len() > 2).count();
            let before = if i > range.start { x.tok(i - 1) } else { "" };
            let before2 = if i > range.start + 1 { x.tok(i - 2) } else { "" };
            let after = if end < range.end { x.tok(end) } else { "" };
            let speaks = is_in(words::SPEECH_VERBS, after)
                || is_in(words::SPEECH_VERBS, before)
                || (before == "," && is_in(words::SPEECH_VERBS, before2));
            if (2..=3).contains(&word_count) && speaks {
                let name = joined(x, i, end);
                x.add(
                    i,
                    end,
                    MentionKind::Person { name: Some(name), title: None, modifier: None, role: None, qualifier: None },
                );
            }
            i = end;
        }
    }
}

/// Whether a word heads an organization's name (`Commission`, `Association`, `Ministry`).
fn is_org_head(word: &str) -> bool {
    words::head_class(word) == Some(HeadClass::Organization)
}

/// Capitalized runs in prose: tokens `i..j` of capitalized words with inner `of`, `for`, `and`, `&`.
fn capitalized_runs(x: &Extraction, s: usize) -> Vec<(usize, usize)> {
    let range = x.sentence_tokens(s);
    let mut runs = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let person = |k: usize| matches!(x.mention_at(k), Some((_, Mention { kind: MentionKind::Person { .. }, .. })));
        if !x.is_cap(i) || person(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut in_body = false;
        loop {
            // `of`, `for`, `on` join only after an organization's head (`Commission for Africa`), so
            // that `Poland for National Holocaust Memorial Day` stays two names; once joined, the
            // name goes on (`National Association for the Advancement of Colored People`).
            in_body |= is_org_head(x.tok(j - 1));
            let joiner = match x.tok(j) {
                "and" | "&" => true,
                "of" | "for" | "on" => in_body,
                _ => false,
            };
            let of_the = matches!(x.tok(j), "of" | "for" | "on") && x.tok(j + 1) == "the";
            if joiner && of_the && j + 2 < range.end && x.is_cap(j + 2) && !person(j + 2) {
                j += 3;
                continue;
            }
            // `St James's Palace`: a possessive between capitalized words (but `London's Earls
            // Court` is a place's place).
            let known_before =
                matches!(x.mention_at(j - 1), Some((_, Mention { kind: MentionKind::Known { .. }, .. })));
            let possessive = x.a.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Possessive) && !known_before;
            // `Bosnia–Herzegovina Football Federation`: a dash that glues two names into one.
            let joiner = joiner || x.a.is_word_glue(j);
            if j < range.end && x.is_cap(j) && !person(j) {
                j += 1;
            } else if j + 1 < range.end && (joiner || possessive) && x.is_cap(j + 1) && !person(j + 1) {
                j += 2;
            } else {
                break;
            }
        }
        while i < j && is_in(words::STOP_CAPS, x.tok(i)) {
            i += 1;
        }
        if i < j {
            runs.push((i, j));
        }
        i = j.max(i + 1);
    }
    runs
}

/// Organizations and events named by their head noun; `COP29`; `the Brussels summit`.
pub(super) fn names_by_head_noun(x: &mut Extraction) {
    for s in 0..x.a.sentences.len() {
        let range = x.sentence_tokens(s);
        // COP<n>: the UN climate conferences.
        for i in range.clone() {
            let t = x.tok(i);
            let number = t.strip_prefix("COP").map(|n| n.trim_start_matches('-'));
            let cop = match number {
                Some(n) if !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()) => {
                    Some((i + 1, n.to_owned()))
                }
                Some("")
                    if i + 1 < range.end && x.a.tokens[i + 1].kind == TokenKind::Number && x.tok(i + 1).len() <= 2 =>
                {
                    Some((i + 2, x.tok(i + 1).to_owned()))
                }
                _ => None,
            };
            if let Some((end, n)) = cop {
                if x.covered[i..end].iter().all(Option::is_none) {
                    x.add(
                        i,
                        end,
                        MentionKind::Named { etype: EntityType::Event, name: format!("COP{n}"), qualifier: None },
                    );
                }
            }
        }
        if !x.in_prose(range.start) {
            continue;
        }
        for (i, mut j) in capitalized_runs(x, s) {
            // `Ministry of Foreign Affairs of Azerbaijan`: a trailing `of Country` qualifies the body.
            let mut trailing_country = None;
            if let Some(of) = (i + 2..j).rev().find(|&k| x.tok(k) == "of") {
                if let Some((m, mention)) = x.mention_at(of + 1) {
                    let is_country = matches!(mention.kind, MentionKind::Known { entry } if x.kb.entries[entry].etype == EntityType::Country);
                    if is_country && x.tokens_of(mention.span) == Some((of + 1, j)) {
                        trailing_country = Some(m);
                        j = of;
                    }
                }
            }
            let last = x.tok(j - 1);
            let headed_of =
                (i + 1..j).any(|k| matches!(x.tok(k), "of" | "for" | "on") && words::takes_of(x.tok(k - 1)));
            let etype = match words::head_class(last) {
                _ if headed_of => EntityType::Organization,
                Some(HeadClass::Organization) => EntityType::Organization,
                Some(HeadClass::Event) => EntityType::Event,
                Some(HeadClass::Place) if j - i >= 2 => EntityType::Place,
                _ => continue,
            };
            // The whole run is already one known name: nothing to add.
            if let Some((_, m)) = x.mention_at(i) {
                if x.tokens_of(m.span) == Some((i, j)) {
                    continue;
                }
            }
            // A leading country qualifies a government body (`Azerbaijani Foreign Ministry`).
            let mut start = i;
            let mut qualifier = None;
            if let Some((m, mention)) = x.mention_at(i) {
                let country = match mention.kind {
                    MentionKind::Known { entry } => x.kb.entries[entry].etype == EntityType::Country,
                    MentionKind::Demonym { .. } => true,
                    _ => false,
                };
                if country && is_in(words::GOVERNMENT_SUFFIXES, last) {
                    if let Some((_, qe)) = x.tokens_of(mention.span) {
                        start = if qe < j && x.a.tokens[qe].kind == TokenKind::Possessive { qe + 1 } else { qe };
                        qualifier = Some(m);
                    }
                }
            }
            if start >= j
                || x.tokens_of(crate::model::Span::new(x.a.tokens[start].span.start, x.a.tokens[j - 1].span.end))
                    .is_none()
            {
                continue;
            }
            let inner: Vec<usize> = x.covered[start..j].iter().flatten().copied().collect();
            for m in inner {
                if Some(m) != qualifier {
                    x.remove(m);
                }
            }
            if qualifier.is_none() && start > range.start + 1 && x.a.tokens[start - 1].kind == TokenKind::Possessive {
                if let Some((m, mention)) = x.mention_at(start - 2) {
                    if qualifies(mention, x) {
                        qualifier = Some(m);
                    }
                }
            }
            if qualifier.is_none() && etype == EntityType::Organization {
                qualifier = trailing_country.or_else(|| qualifier_after(x, j, range.end).map(|(m, _)| m));
            }
            // A lone head noun (`Government`, `Parliament`) names nothing unless something qualifies it.
            if j - start == 1 && qualifier.is_none() {
                continue;
            }
            let name = joined(x, start, j);
            x.add(start, j, MentionKind::Named { etype, name, qualifier });
        }
        // `energy firm PDVSA`, `the Mirror newspaper`: a descriptor before or a media noun after
        // an unknown capitalized name.
        for (i, j) in capitalized_runs(x, s) {
            if x.covered[i..j].iter().any(Option::is_some) {
                continue;
            }
            let before = if i > range.start { x.tok(i - 1) } else { "" };
            let after = if j < range.end { x.tok(j) } else { "" };
            // `Metrovias, the private firm which runs ...`
            let apposed = after == ","
                && (j + 2..(j + 6).min(range.end)).any(|k| {
                    is_in(words::ORG_DESCRIPTORS, x.tok(k))
                        && (j + 1..k).all(|m| !x.is_cap(m) && x.a.tokens[m].kind == TokenKind::Word)
                })
                && matches!(x.tok(j + 1), "the" | "a" | "an");
            let at_start = i == range.start && j == range.start + 1;
            let described =
                (!at_start && (is_in(words::ORG_DESCRIPTORS, before) || is_in(words::MEDIA_NOUNS, after))) || apposed;
            if described && read_name(x, i, j).is_none_or(|e| e < j || j - i == 1) {
                // The demonym or country before the descriptor owns it (`Venezuelan energy firm`).
                let mut k = i.saturating_sub(1);
                while k > range.start && x.a.tokens[k - 1].kind == TokenKind::Word && !x.is_cap(k - 1) && i - k < 4 {
                    k -= 1;
                }
                let qualifier = if is_in(words::ORG_DESCRIPTORS, before) && k > range.start {
                    let behind = if x.a.tokens[k - 1].kind == TokenKind::Possessive && k >= 2 { k - 2 } else { k - 1 };
                    x.mention_at(behind).filter(|(_, m)| qualifies(m, x)).map(|(m, _)| m)
                } else {
                    None
                };
                let name = joined(x, i, j);
                x.add(i, j, MentionKind::Named { etype: EntityType::Organization, name, qualifier });
            }
        }
        // `the Brussels summit`, `a NATO summit`: a known place or body before an event noun.
        for i in range.clone() {
            if !is_in(words::EVENT_NOUNS, x.tok(i)) || i == range.start || i == 0 {
                continue;
            }
            let Some((m, mention)) = x.mention_at(i - 1) else {
                continue;
            };
            let MentionKind::Known { entry } = mention.kind else {
                continue;
            };
            let etype = x.kb.entries[entry].etype;
            let noun = x.tok(i);
            let place_like = matches!(etype, EntityType::Place | EntityType::Country);
            // `the Brussels summit`, `a NATO summit`, `the Iraq war`.
            let named = (noun == "summit" && (place_like || etype == EntityType::Organization))
                || (noun == "war" && place_like);
            if !named {
                continue;
            }
            let Some((start, _)) = x.tokens_of(mention.span) else {
                continue;
            };
            let name = format!("{} {noun}", joined(x, start, i));
            let index = x.mentions.len();
            let span = crate::model::Span::new(x.a.tokens[start].span.start, x.a.tokens[i].span.end);
            x.mentions.push(Some(Mention {
                span,
                sentence: s,
                kind: MentionKind::Named { etype: EntityType::Event, name, qualifier: Some(m) },
            }));
            x.covered[i] = Some(index);
        }
    }
}

/// `in Ganja, Azerbaijan`: an unknown capitalized name before `, Country` after a preposition.
pub(super) fn places_by_context(x: &mut Extraction) {
    for s in 0..x.a.sentences.len() {
        let range = x.sentence_tokens(s);
        if !x.in_prose(range.start) {
            continue;
        }
        let mut i = range.start + 1;
        while i < range.end {
            // `will visit Auschwitz`: what is visited is a place.
            let visited = matches!(x.tok(i - 1), "visit" | "visited" | "visiting" | "visits") && x.in_prose(i);
            if visited && x.is_cap(i) && x.covered[i].is_none() && !is_in(words::STOP_CAPS, x.tok(i)) {
                let mut j = i;
                while j < range.end && j - i < 3 && x.is_cap(j) && x.covered[j].is_none() {
                    j += 1;
                }
                if read_name(x, i, range.end).is_none_or(|e| e - i < 2) {
                    let name = joined(x, i, j);
                    x.add(i, j, MentionKind::Named { etype: EntityType::Place, name, qualifier: None });
                    i = j;
                    continue;
                }
            }
            let after_preposition = matches!(x.tok(i - 1), "in" | "at" | "from" | "near" | "to" | "outside");
            if !after_preposition || !x.is_cap(i) || x.covered[i].is_some() || is_in(words::STOP_CAPS, x.tok(i)) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < range.end && j - i < 3 && x.is_cap(j) && x.covered[j].is_none() {
                j += 1;
            }
            let country = (j + 1 < range.end && x.tok(j) == ",")
                .then(|| x.mention_at(j + 1))
                .flatten()
                .filter(|(_, m)| matches!(m.kind, MentionKind::Known { entry } if x.kb.entries[entry].etype == EntityType::Country))
                .map(|(m, _)| m);
            if let Some(q) = country {
                let name = joined(x, i, j);
                x.add(i, j, MentionKind::Named { etype: EntityType::Place, name, qualifier: Some(q) });
            }
            i = j.max(i + 1);
        }
    }
}

/// Outlets named by a web domain (`Apa.az`), and the dateline's place and agency.
pub(super) fn outlets_and_datelines(x: &mut Extraction) {
    for i in 0..x.a.tokens.len() {
        let t = x.tok(i);
        if x.covered[i].is_some() || x.a.tokens[i].kind != TokenKind::Word {
            continue;
        }
        let Some((host, tld)) = t.rsplit_once('.') else {
            continue;
        };
        let is_domain = (2..=4).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_lowercase())
            && host.chars().count() >= 2
            && host.chars().next().is_some_and(char::is_alphabetic)
            && !host.contains('.');
        if is_domain {
            x.add(
                i,
                i + 1,
                MentionKind::Named { etype: EntityType::Organization, name: t.to_owned(), qualifier: None },
            );
        }
    }
    let Some(dateline) = x.a.doc.dateline else {
        return;
    };
    for (span, etype) in [(Some(dateline.place), EntityType::Place), (dateline.agency, EntityType::Organization)] {
        let Some(span) = span else { continue };
        let Some((i, j)) = x.tokens_of(span) else {
            continue;
        };
        if x.covered[i..j].iter().any(Option::is_some) {
            continue;
        }
        let written = joined(x, i, j);
        // `LONDON` is London: try the name in title case.
        let title_case: String = written
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let kind = match x.kb.lookup(&written).or_else(|| x.kb.lookup(&title_case)) {
            Some(entry) => MentionKind::Known { entry },
            None => MentionKind::Named {
                etype,
                name: if written.chars().all(|c| !c.is_lowercase()) { title_case } else { written },
                qualifier: None,
            },
        };
        x.add(i, j, kind);
    }
}

/// Later mentions of people already named in the document: the full name or the surname alone
/// (`Blinken`, `Blinken’s`), anywhere in the document, headings included.
pub(super) fn known_names_again(x: &mut Extraction) {
    let mut names: Vec<Vec<String>> = Vec::new();
    for m in x.mentions.iter().flatten() {
        if let MentionKind::Person { name: Some(n), .. } = &m.kind {
            let parts: Vec<String> = n.split(' ').map(str::to_owned).collect();
            if !names.contains(&parts) {
                names.push(parts);
            }
        }
    }
    let surnames: Vec<&String> = names.iter().filter(|p| p.len() >= 2).filter_map(|p| p.last()).collect();
    let mut i = 0;
    while i < x.a.tokens.len() {
        if x.covered[i].is_some() || !x.is_cap(i) {
            i += 1;
            continue;
        }
        let full = names.iter().find(|parts| {
            parts.len() >= 2
                && i + parts.len() <= x.a.tokens.len()
                && parts.iter().enumerate().all(|(k, p)| x.tok(i + k) == p && x.covered[i + k].is_none())
        });
        let len = match full {
            Some(parts) => parts.len(),
            None if surnames.iter().any(|s| s.as_str() == x.tok(i)) => 1,
            None => {
                i += 1;
                continue;
            }
        };
        // Not the first word of a longer unknown name (`Blinken Street`).
        if i + len < x.a.tokens.len() && x.is_cap(i + len) && x.covered[i + len].is_none() && x.in_prose(i) {
            i += len;
            continue;
        }
        let name = joined(x, i, i + len);
        x.add(
            i,
            i + len,
            MentionKind::Person { name: Some(name), title: None, modifier: None, role: None, qualifier: None },
        );
        i += len;
    }
}

/// `the Transport and General Workers Union (TGWU)`: the acronym in parentheses, and every later
/// use of it in the document, name the same body.
pub(super) fn acronyms(x: &mut Extraction) {
    let n = x.a.tokens.len();
    let mut defined: Vec<(String, MentionKind)> = Vec::new();
    for k in 1..n.saturating_sub(1) {
        let acronym = x.tok(k);
        let is_acronym =
            (2..=6).contains(&acronym.len()) && acronym.chars().all(|c| c.is_ascii_uppercase() || c == '&');
        if !is_acronym || x.tok(k - 1) != "(" || x.tok(k + 1) != ")" || k < 2 {
            continue;
        }
        let Some((_, named)) = x.mention_at(k - 2) else { continue };
        let named_end = x.tokens_of(named.span).map(|t| t.1);
        let kind = match &named.kind {
            MentionKind::Named { etype, name, qualifier } if *etype != EntityType::Event => {
                MentionKind::Named { etype: *etype, name: name.clone(), qualifier: *qualifier }
            }
            MentionKind::Known { entry } => MentionKind::Known { entry: *entry },
            _ => continue,
        };
        if named_end == Some(k - 1) {
            defined.push((acronym.to_owned(), kind));
        }
    }
    for (acronym, kind) in defined {
        for k in 0..n {
            if x.tok(k) != acronym {
                continue;
            }
            if let Some((m, mention)) = x.mention_at(k) {
                let single = x.tokens_of(mention.span) == Some((k, k + 1));
                let replaceable = matches!(mention.kind, MentionKind::Named { .. });
                if !(single && replaceable) {
                    continue;
                }
                x.remove(m);
            }
            x.add(k, k + 1, kind.clone());
        }
    }
}

/// A body the recognizer found right before a person's title qualifies the person (`NASA
/// Administrator Bill Nelson`): the title rules ran before that body was known.
pub(super) fn late_qualifiers(x: &mut Extraction) {
    for m in 0..x.mentions.len() {
        let Some(Mention { span, kind: MentionKind::Person { title: Some(_), qualifier: None, .. }, .. }) =
            &x.mentions[m]
        else {
            continue;
        };
        let start = x.a.token_at(span.start);
        let sentence_start = x.sentence_tokens(x.a.token_sentence[start]).start;
        if start == sentence_start {
            continue;
        }
        let body = x.mention_at(start - 1).filter(|(_, b)| qualifies(b, x)).map(|(q, _)| q);
        if let (Some(q), Some(Mention { kind: MentionKind::Person { qualifier, .. }, .. })) = (body, &mut x.mentions[m])
        {
            *qualifier = Some(q);
        }
    }
}

/// `the North` and `the South` in an article that names both `North X` and `South X` (the two
/// Koreas) are those two countries.
pub(super) fn the_north_and_the_south(x: &mut Extraction) {
    let country_named = |x: &Extraction, label: &str| {
        x.mentions.iter().flatten().find_map(|m| match m.kind {
            MentionKind::Known { entry }
                if x.kb.entries[entry].label == label && x.kb.entries[entry].etype == EntityType::Country =>
            {
                Some(entry)
            }
            _ => None,
        })
    };
    let mut pairs = Vec::new();
    for m in x.mentions.iter().flatten() {
        let MentionKind::Known { entry } = m.kind else { continue };
        let Some(rest) = x.kb.entries[entry].label.strip_prefix("North ") else { continue };
        if let (Some(north), Some(south)) = (Some(entry), country_named(x, &format!("South {rest}"))) {
            if !pairs.contains(&(north, south)) {
                pairs.push((north, south));
            }
        }
    }
    let [(north, south)] = pairs[..] else { return };
    for i in 1..x.a.tokens.len() {
        let entry = match x.tok(i) {
            "North" => north,
            "South" => south,
            _ => continue,
        };
        let after_the = x.tok(i - 1).eq_ignore_ascii_case("the");
        let alone = !x.is_cap(i + 1) || x.a.token_sentence.get(i + 1) != Some(&x.a.token_sentence[i]);
        if after_the && alone && x.covered[i].is_none() {
            x.add(i, i + 1, MentionKind::Known { entry });
        }
    }
}
