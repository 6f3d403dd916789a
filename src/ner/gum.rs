//! GUM's entity annotations read as CoNLL-2003 names: training data beyond Reuters 1996, from
//! other genres than news (biographies, travel guides, interviews, court and academic texts). The
//! rules are in [`read_gum`]'s documentation.

use super::conll::{ConllDoc, ConllSentence};
use super::glue::{glue_hyphenated, GLUE_HYPHENS};
use super::tags::{NerSpan, NerType};
use crate::error::{Error, Result};
use std::path::Path;

/// Reads a GUM CoNLL-U file as documents of sentences with CoNLL-2003 names.
///
/// GUM (Zeldes 2017) marks every entity mention of its CoNLL-U files in the last column:
/// `Entity=(12-person-...` opens mention group 12 on a word, `12)` closes it, `(12-person-...)`
/// is a one-word mention; mentions nest. Most mentions are not names (`the learning`, `he`), and
/// GUM's spans hold what CoNLL leaves out (`the`, titles, relative clauses). The rules below keep
/// the names CoNLL would have marked, with CoNLL's boundaries:
///
/// 1. A mention is a name when its syntactic head (the word whose head lies outside it) is a
///    proper noun (`PROPN`), unless the head has a conjunct inside the mention (`Kirk M. Bart and
///    Celeste Pollock`: each conjunct is a mention of its own).
/// 2. The name is the run of name words around that head, inside the mention: proper nouns and
///    capitalized content words or numbers, with connectors (`of`, `and`, `de`, `'s`, hyphens;
///    `the` after another: `Bank of the West`) only between two name words; a leading number is
///    dropped (`the 2004 Summer Olympics` gives `Summer Olympics`), and so is the article, as CoNLL
///    writes `United States` for `the United States`. E-mail addresses and numbered parts of a
///    text (`Figure 1.5`, `Tab 3`) are not names.
/// 3. For people, a leading title is dropped: GUM attaches titles to the name as `nmod:desc`
///    (`Dr.`, `President`, `Secretary`), with their own modifiers (`Vice`, `Major -`). A person
///    named by a plural (`Americans`, `Senate Republicans`) is a group, which CoNLL tags MISC. A
///    role is no name: one word under an article (`the Secretary`), a name with `of` (`Emperor of
///    the United States`, `King of Athens`), or a head word absent from the Wikipedia title GUM
///    links the person to (`Speaker` for `Nancy_Pelosi`); names nested in it still count.
/// 4. Types: person → PER, organization → ORG, place → LOC; time is left out (CoNLL does not tag
///    `January` or `Monday`); every other type (event, object, abstract, substance, animal,
///    plant: `World War II`, `Star Wars`, `English`, `Criminal Code`) → MISC, CoNLL's type for
///    events, works, laws and languages.
/// 5. Nested names: the outermost wins (`University of Portsmouth` over `Portsmouth`); a name
///    inside a mention whose own name does not cover it still counts (`Italy` in
///    `John FitzGibbon, ... whom he met in Italy`).
/// 6. A capitalized adjective outside names (`American`, `Japanese`) is MISC, as CoNLL tags
///    nationalities: GUM marks no mention for them, and without this rule its sentences would
///    teach the recognizer that `American` is no name. Not the first word of a sentence, not in
///    title-case headings, not before a proper noun (`Chief` Justice).
///
/// Tokens are then made CoNLL's: a multi-word token (`3-4 don't`) is read as its surface form,
/// except a possessive or `'s` ending (`Zurbarán’s`, `it's`), which stays split as CoNLL and our
/// tokenizer split it; and hyphenated words are glued by [`glue_hyphenated`], the rule meant for
/// the recognizer's input at run time as well. A unit holding a name and more (`Toronto` `-`
/// `based`) is MISC, as CoNLL tags `Toronto-based`.
pub fn read_gum(path: &Path) -> Result<Vec<ConllDoc>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_gum(&text, &path.display().to_string())
}

/// A syntactic word, with what the name rules read.
#[derive(Debug, Clone)]
struct Word<'t> {
    form: &'t str,
    upos: &'t str,
    /// The head's 1-based index; 0 for the root.
    head: usize,
    deprel: &'t str,
    plural: bool,
    space_after: bool,
}

/// A multi-word token: words `first..=last` written as `form`.
#[derive(Debug, Clone)]
struct MultiWord<'t> {
    first: usize,
    last: usize,
    form: &'t str,
    space_after: bool,
}

/// An entity mention: words `start..end` and its GUM type.
#[derive(Debug, Clone, Copy)]
struct Mention<'t> {
    start: usize,
    end: usize,
    etype: &'t str,
    /// The Wikipedia title GUM links the entity to, if any (`Joe_Biden`).
    identity: Option<&'t str>,
}

/// A sentence being read.
#[derive(Debug, Default)]
struct RawSentence<'t> {
    words: Vec<Word<'t>>,
    multi: Vec<MultiWord<'t>>,
    mentions: Vec<Mention<'t>>,
    /// Mentions opened and not yet closed: group, the mention (its end still to come), line.
    open: Vec<(&'t str, Mention<'t>, usize)>,
}

fn bad(name: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Data { source_name: name.into(), line, message: message.into() }
}

/// Parses GUM CoNLL-U text as [`read_gum`] reads a file; `name` names it in errors (with the
/// line number). Documents are the `# newdoc` sections.
///
/// ```
/// let text = "# newdoc id = d\n\
///     1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-place-new-_-_-_-_-United_States\n\
///     2\tStates\tStates\tPROPN\tNNPS\t_\t0\troot\t_\tEntity=1)\n\n";
/// let docs = newsgraph::ner::parse_gum(text, "x").unwrap();
/// let s = &docs[0].sentences[0];
/// assert_eq!((s.gold[0].start, s.gold[0].end, s.gold[0].ty), (1, 2, newsgraph::ner::NerType::Loc));
/// ```
pub fn parse_gum(text: &str, name: &str) -> Result<Vec<ConllDoc>> {
    let mut docs = vec![ConllDoc::default()];
    let mut current = RawSentence::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            finish_sentence(&mut docs, &mut current, name)?;
        } else if let Some(comment) = line.strip_prefix('#') {
            if comment.trim_start().starts_with("newdoc") {
                finish_sentence(&mut docs, &mut current, name)?;
                if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                    docs.push(ConllDoc::default());
                }
            }
        } else {
            word_line(&mut current, line, name, i + 1)?;
        }
    }
    finish_sentence(&mut docs, &mut current, name)?;
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Reads one word, multi-word token or empty-node line into the sentence.
fn word_line<'t>(s: &mut RawSentence<'t>, line: &'t str, name: &str, n: usize) -> Result<()> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(bad(name, n, format!("expected 10 tab-separated columns, found {}", cols.len())));
    }
    let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
    if cols[0].contains('.') {
        return Ok(()); // An empty node: no surface word.
    }
    if let Some((a, b)) = cols[0].split_once('-') {
        let range = a.parse::<usize>().ok().zip(b.parse::<usize>().ok());
        let Some((first, last)) = range.filter(|&(a, b)| a == s.words.len() + 1 && b >= a) else {
            return Err(bad(name, n, format!("bad multi-word token range `{}`", cols[0])));
        };
        s.multi.push(MultiWord { first: first - 1, last: last - 1, form: cols[1], space_after });
        return Ok(());
    }
    let id: usize = cols[0].parse().map_err(|_| bad(name, n, format!("bad word id `{}`", cols[0])))?;
    if id != s.words.len() + 1 {
        return Err(bad(name, n, format!("word id {id} out of order (expected {})", s.words.len() + 1)));
    }
    let head = cols[6].parse().map_err(|_| bad(name, n, format!("bad head `{}`", cols[6])))?;
    let plural = cols[5].split('|').any(|f| f == "Number=Plur");
    let word = Word { form: cols[1], upos: cols[3], head, deprel: cols[7], plural, space_after };
    s.words.push(word);
    if let Some(brackets) = cols[9].split('|').find_map(|m| m.strip_prefix("Entity=")) {
        entity_brackets(s, brackets, name, n)?;
    }
    Ok(())
}

/// Reads the entity brackets of the sentence's last word: openers `(GROUP-type-...`, one-word
/// mentions `(GROUP-type-...)`, closers `GROUP)`.
fn entity_brackets<'t>(s: &mut RawSentence<'t>, mut rest: &'t str, name: &str, n: usize) -> Result<()> {
    let at = s.words.len() - 1;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('(') {
            let stop = after.find(['(', ')']).unwrap_or(after.len());
            // GROUP-etype-infstat-salience-centering-minspan-link-identity (`global.Entity`).
            let fields: Vec<&str> = after[..stop].split('-').collect();
            let (Some(&group), Some(&etype)) = (fields.first(), fields.get(1)) else {
                return Err(bad(name, n, format!("entity without a type in `{rest}`")));
            };
            let identity = fields.get(7).copied().filter(|i| !i.is_empty() && *i != "_");
            let mention = Mention { start: at, end: at + 1, etype, identity };
            if after[stop..].starts_with(')') {
                s.mentions.push(mention);
                rest = &after[stop + 1..];
            } else {
                s.open.push((group, mention, n));
                rest = &after[stop..];
            }
        } else {
            let stop = rest.find(')').ok_or_else(|| bad(name, n, format!("bad entity brackets `{rest}`")))?;
            let group = &rest[..stop];
            let Some(k) = s.open.iter().rposition(|o| o.0 == group) else {
                return Err(bad(name, n, format!("entity {group} closed but never opened")));
            };
            let (_, mention, _) = s.open.remove(k);
            s.mentions.push(Mention { end: at + 1, ..mention });
            rest = &rest[stop + 1..];
        }
    }
    Ok(())
}

/// Turns the sentence read into a [`ConllSentence`] of the last document, and starts a new one.
fn finish_sentence(docs: &mut [ConllDoc], s: &mut RawSentence, name: &str) -> Result<()> {
    if let Some(&(group, _, line)) = s.open.first() {
        return Err(bad(name, line, format!("entity {group} opened here is not closed in its sentence")));
    }
    if !s.words.is_empty() {
        if let Some(doc) = docs.last_mut() {
            doc.sentences.push(conll_sentence(s));
        }
    }
    *s = RawSentence::default();
    Ok(())
}

/// The sentence's units (surface tokens, hyphenated words glued) and its names over them.
fn conll_sentence(s: &RawSentence) -> ConllSentence {
    let names = sentence_names(&s.words, &s.mentions);
    let (tokens, token_of_word) = surface_tokens(&s.words, &s.multi);
    let units = glue_hyphenated(&tokens);
    let mut unit_of_token = vec![0; tokens.len()];
    for (u, range) in units.iter().enumerate() {
        unit_of_token[range.clone()].fill(u);
    }
    let unit_of_word = |w: usize| unit_of_token[token_of_word[w]];
    let mut gold: Vec<NerSpan> = Vec::new();
    for &(start, end, ty) in &names {
        let (first, last) = (unit_of_word(start), unit_of_word(end - 1));
        // A name that is only part of one unit (`Toronto` in `Toronto-based`) makes it MISC.
        let unit_words = (0..s.words.len()).filter(|&w| unit_of_word(w) == first);
        let partial = first == last && unit_words.clone().any(|w| w < start || w >= end);
        let span = NerSpan { start: first, end: last + 1, ty: if partial { NerType::Misc } else { ty } };
        match gold.last_mut() {
            // Two names in one unit (`Franco` `-` `Prussian`): one MISC unit.
            Some(prev) if prev.end > span.start && prev.end - prev.start == 1 && first == last => {
                prev.ty = NerType::Misc
            }
            Some(prev) if prev.end > span.start => {}
            _ => gold.push(span),
        }
    }
    let words = units.iter().map(|u| tokens[u.clone()].iter().map(|t| t.0).collect()).collect();
    ConllSentence { words, gold }
}

/// The surface tokens (text, space after) and, for each word, its token: a multi-word token is
/// one token, unless it ends in a possessive or `'s` (`Zurbarán’s`, `it's`), which CoNLL and our
/// tokenizer split.
fn surface_tokens<'t>(words: &[Word<'t>], multi: &[MultiWord<'t>]) -> (Vec<(&'t str, bool)>, Vec<usize>) {
    let mut tokens = Vec::with_capacity(words.len());
    let mut token_of_word = Vec::with_capacity(words.len());
    let mut multi = multi.iter().peekable();
    let mut w = 0;
    while w < words.len() {
        let m = multi.next_if(|m| m.first == w && m.last < words.len());
        let kept_split = m.is_some_and(|m| {
            let last = words[m.last].form;
            let whole: String = words[m.first..=m.last].iter().map(|w| w.form).collect();
            whole == m.form && matches!(last, "'s" | "’s" | "'S" | "’S" | "'" | "’")
        });
        match m {
            Some(m) if !kept_split => {
                token_of_word.extend(std::iter::repeat_n(tokens.len(), m.last - m.first + 1));
                tokens.push((m.form, m.space_after));
                w = m.last + 1;
            }
            Some(m) => {
                for (k, word) in words.iter().enumerate().take(m.last + 1).skip(m.first) {
                    token_of_word.push(tokens.len());
                    tokens.push((word.form, k == m.last && m.space_after));
                }
                w = m.last + 1;
            }
            None => {
                token_of_word.push(tokens.len());
                tokens.push((words[w].form, words[w].space_after));
                w += 1;
            }
        }
    }
    (tokens, token_of_word)
}

/// Our type for a GUM entity type; `None` for time, which CoNLL does not tag.
fn conll_type(etype: &str) -> Option<NerType> {
    match etype {
        "person" => Some(NerType::Per),
        "organization" => Some(NerType::Org),
        "place" => Some(NerType::Loc),
        "time" => None,
        _ => Some(NerType::Misc),
    }
}

/// The names of a sentence over its words (the rules of [`read_gum`]), in order.
fn sentence_names(words: &[Word], mentions: &[Mention]) -> Vec<(usize, usize, NerType)> {
    let mut by_extent: Vec<&Mention> = mentions.iter().collect();
    // Outermost first: a name overlapping one already taken is nested in it.
    by_extent.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut names: Vec<(usize, usize, NerType)> = Vec::new();
    for m in by_extent {
        let Some((start, end, ty)) = mention_name(words, m) else { continue };
        if names.iter().all(|&(s, e, _)| end <= s || e <= start) {
            names.push((start, end, ty));
        }
    }
    names.extend(demonyms(words, &names));
    names.sort();
    names
}

/// The name a mention gives, if it is one: its words and type.
fn mention_name(words: &[Word], m: &Mention) -> Option<(usize, usize, NerType)> {
    let ty = conll_type(m.etype)?;
    let head = mention_head(words, m);
    // `Kirk M. Bart and Celeste Pollock`: each conjunct is a mention of its own.
    let coordination = words[m.start..m.end].iter().any(|w| w.deprel == "conj" && w.head == head + 1);
    if words[head].upos != "PROPN" || coordination {
        return None;
    }
    let (start, end) = name_run(words, m, head);
    let numbered = words[start + 1..end].iter().all(|w| w.form.starts_with(|c: char| c.is_ascii_digit()));
    match ty {
        _ if words[start..end].iter().any(|w| w.form.contains('@')) => None, // an e-mail address
        // `Figure 1.5`, `Tab 3`, `Case 22-506`: numbered parts of a text or file, not names.
        NerType::Misc if end - start >= 2 && numbered => None,
        NerType::Per => person_name(words, m, head, start, end),
        _ => Some((start, end, ty)),
    }
}

/// A person's name without its title; MISC for a group (`Americans`, `Senate Republicans`); none
/// for a role (`the Secretary`, `Emperor of the United States`, or a word the entity's linked
/// identity lacks: `Speaker` for `Nancy_Pelosi`).
fn person_name(
    words: &[Word],
    m: &Mention,
    head: usize,
    mut start: usize,
    end: usize,
) -> Option<(usize, usize, NerType)> {
    while start < head && (in_title(words, start, start, end) || is_connector(words, start)) {
        start += 1;
    }
    if words[head].plural {
        return Some((start, end, NerType::Misc));
    }
    let article = words[m.start..m.end].iter().any(|w| w.deprel == "det" && w.head == head + 1);
    let of = words[start..end].iter().any(|w| w.form == "of");
    let head_form = words[head].form.trim_end_matches('.').to_lowercase();
    let unlinked = m.identity.is_some_and(|identity| {
        !identity.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|part| part == head_form)
    });
    let role = (end - start == 1 && article) || of || unlinked;
    (!role).then_some((start, end, NerType::Per))
}

/// Capitalized adjectives outside names (`American`, `Japanese`), except the first word, in
/// title-case headings, and before a proper noun (`Chief` Justice, `Major`-General, the `Middle`
/// Ages: part of a name GUM did not mark): MISC, as CoNLL tags nationalities and the like, where GUM
/// marks no mention.
fn demonyms(words: &[Word], names: &[(usize, usize, NerType)]) -> Vec<(usize, usize, NerType)> {
    let capitalized = |w: &Word| {
        let mut chars = w.form.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    };
    let lettered = words.iter().filter(|w| w.form.chars().any(char::is_alphabetic)).count();
    if words.iter().filter(|w| capitalized(w)).count() * 2 > lettered {
        return Vec::new();
    }
    let outside = |k: usize| names.iter().all(|&(s, e, _)| k < s || k >= e);
    (1..words.len())
        .filter(|&k| words[k].upos == "ADJ" && capitalized(&words[k]) && outside(k))
        .filter(|&k| words[k].head.checked_sub(1).is_none_or(|h| words[h].upos != "PROPN"))
        .map(|k| (k, k + 1, NerType::Misc))
        .collect()
}

/// The word of a mention whose head lies outside it (the first, if several do).
fn mention_head(words: &[Word], m: &Mention) -> usize {
    (m.start..m.end).find(|&k| !(m.start + 1..=m.end).contains(&words[k].head)).unwrap_or(m.start)
}

/// Words that may sit inside a name between two name words (`the` only after another:
/// `Bank of the West`, not `Articles of Impeachment the House`).
const CONNECTORS: [&str; 21] = [
    "of", "and", "for", "on", "&", "'s", "’s", "de", "del", "della", "di", "da", "du", "des", "van", "von", "der",
    "den", "la", "le", "y",
];

fn is_connector(words: &[Word], k: usize) -> bool {
    let form = words[k].form;
    if form == "the" {
        return k > 0 && words[k - 1].form != "the" && is_connector(words, k - 1);
    }
    CONNECTORS.contains(&form) || GLUE_HYPHENS.contains(&form)
}

/// A proper noun, or a capitalized content word or a number (`French` Revolution, World War
/// `II`, `2`); not a function word capitalized by its place (`Neither`, `The`).
fn is_name_word(w: &Word) -> bool {
    let function_word =
        matches!(w.upos, "DET" | "CCONJ" | "SCONJ" | "PRON" | "ADP" | "AUX" | "PART" | "ADV" | "INTJ" | "PUNCT");
    w.upos == "PROPN"
        || (!function_word && w.form.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
}

/// The name around `head` inside the mention: name words and the connectors between them, less
/// a leading article, number or connector.
fn name_run(words: &[Word], m: &Mention, head: usize) -> (usize, usize) {
    let (mut first, mut last) = (head, head);
    for k in (m.start..head).rev() {
        if is_name_word(&words[k]) {
            first = k;
        } else if !is_connector(words, k) {
            break;
        }
    }
    for k in head + 1..m.end {
        if is_name_word(&words[k]) {
            last = k;
        } else if !is_connector(words, k) {
            break;
        }
    }
    let starts_with_letter = |w: &Word| w.form.chars().next().is_some_and(char::is_alphabetic);
    while first < head && (!starts_with_letter(&words[first]) || is_connector(words, first)) {
        first += 1;
    }
    (first, last + 1)
}

/// Whether word `k` is a title or part of one: it or a word it depends on, inside the name
/// `start..end`, is attached as `nmod:desc` (`Dr.`, `President`; `Vice` under `President`).
fn in_title(words: &[Word], k: usize, start: usize, end: usize) -> bool {
    let mut at = k;
    for _ in start..end {
        if words[at].deprel == "nmod:desc" {
            return true;
        }
        match words[at].head.checked_sub(1) {
            Some(h) if (start..end).contains(&h) => at = h,
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A CoNLL-U sentence from `form UPOS head deprel misc` rows (misc `_` for none).
    fn sentence(rows: &[&str]) -> String {
        let mut out = String::new();
        for (i, row) in rows.iter().enumerate() {
            if let Some(mwt) = row.strip_prefix("MWT ") {
                let (range, rest) = mwt.split_once(' ').unwrap();
                let (form, misc) = rest.split_once(' ').unwrap();
                out.push_str(&format!("{range}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}\n"));
                continue;
            }
            let c: Vec<&str> = row.split(' ').collect();
            let id = rows[..i].iter().filter(|r| !r.starts_with("MWT ")).count() + 1;
            let feats = if c[1] == "PROPNS" { "Number=Plur" } else { "_" };
            let upos = c[1].trim_end_matches('S');
            out.push_str(&format!("{id}\t{}\t_\t{upos}\t_\t{feats}\t{}\t{}\t_\t{}\n", c[0], c[2], c[3], c[4]));
        }
        out.push('\n');
        out
    }

    /// The names found, as `text/TYPE` with units joined by spaces.
    fn names_of(rows: &[&str]) -> Vec<String> {
        let docs = parse_gum(&sentence(rows), "t").unwrap();
        let s = &docs[0].sentences[0];
        s.gold.iter().map(|g| format!("{}/{}", s.words[g.start..g.end].join(" "), g.ty.as_str())).collect()
    }

    #[test]
    fn names_follow_conll_conventions() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "article dropped, outermost name wins",
                &[
                    "the DET 2 det Entity=(1-organization-new",
                    "University PROPN 0 root _",
                    "of ADP 4 case _",
                    "Portsmouth PROPN 2 nmod Entity=(2-place-new)1)",
                ],
                &["University of Portsmouth/ORG"],
            ),
            (
                "a title and its modifier dropped",
                &[
                    "Vice ADJ 2 amod Entity=(1-person-new",
                    "President PROPN 3 nmod:desc _",
                    "Biden PROPN 0 root Entity=1)",
                ],
                &["Biden/PER"],
            ),
            ("a role is no name", &["the DET 2 det Entity=(1-person-giv", "Secretary PROPN 0 root Entity=1)"], &[]),
            ("a people is MISC", &["Americans PROPNS 0 root Entity=(1-person-new)"], &["Americans/MISC"]),
            (
                "the name run stops at the clause; a name nested beyond it counts",
                &[
                    "Mary PROPN 0 root Entity=(1-person-new",
                    "Chaworth PROPN 1 flat _",
                    ", PUNCT 4 punct _",
                    "met VERB 1 acl _",
                    "in ADP 6 case _",
                    "Italy PROPN 4 obl Entity=(2-place-new)1)",
                ],
                &["Mary Chaworth/PER", "Italy/LOC"],
            ),
            (
                "events are MISC, a leading number dropped",
                &[
                    "the DET 4 det Entity=(1-event-new",
                    "2004 NUM 4 nummod _",
                    "Summer PROPN 4 compound _",
                    "Olympics PROPN 0 root Entity=1)",
                ],
                &["Summer Olympics/MISC"],
            ),
            ("times are not names", &["January PROPN 0 root Entity=(1-time-new)"], &[]),
            (
                "a common-noun head is not a name",
                &["the DET 2 det Entity=(1-place-new", "city NOUN 0 root Entity=1)"],
                &[],
            ),
            (
                "hyphenated names glued",
                &[
                    "Moon PROPN 0 root Entity=(1-person-new",
                    "Jae PROPN 1 flat SpaceAfter=No",
                    "- PUNCT 1 punct SpaceAfter=No",
                    "in PROPN 1 flat Entity=1)",
                ],
                &["Moon Jae-in/PER"],
            ),
            (
                "a name inside a hyphenated unit makes it MISC",
                &[
                    "Toronto PROPN 3 compound Entity=(1-place-new)|SpaceAfter=No",
                    "- PUNCT 1 punct SpaceAfter=No",
                    "based VERB 0 root _",
                ],
                &["Toronto-based/MISC"],
            ),
            (
                "a coordination is its conjuncts",
                &[
                    "Bart PROPN 0 root Entity=(1-person-new(2-person-new)",
                    "and CCONJ 3 cc _",
                    "Pollock PROPN 1 conj Entity=(3-person-new)1)",
                ],
                &["Bart/PER", "Pollock/PER"],
            ),
            (
                "a role with `of`, and the place in it",
                &[
                    "Emperor PROPN 0 root Entity=(1-person-giv",
                    "of ADP 3 case _",
                    "Mexico PROPN 1 nmod Entity=(2-place-new)1)",
                ],
                &["Mexico/LOC"],
            ),
            (
                "a head word the linked person's title lacks is a role",
                &["Speaker PROPN 0 root Entity=(1-person-giv-x-x-x-x-Nancy_Pelosi)"],
                &[],
            ),
            ("a linked name", &["Pelosi PROPN 0 root Entity=(1-person-giv-x-x-x-x-Nancy_Pelosi)"], &["Pelosi/PER"]),
            (
                "`the` connects only after another connector",
                &[
                    "Bank PROPN 0 root Entity=(1-organization-new",
                    "of ADP 4 case _",
                    "the DET 4 det _",
                    "West PROPN 1 nmod Entity=1)",
                    "the DET 6 det Entity=(2-organization-new",
                    "House PROPN 1 dep Entity=2)",
                ],
                &["Bank of the West/ORG", "House/ORG"],
            ),
            (
                "addresses and numbered figures are no names",
                &[
                    "a@b.nl PROPN 0 root Entity=(1-abstract-new)",
                    "Figure PROPN 1 dep Entity=(2-abstract-new",
                    "1.5 NUM 2 nummod Entity=2)",
                ],
                &[],
            ),
            (
                "capitalized adjectives are MISC, but not first, nor before a proper noun",
                &[
                    "American ADJ 2 amod _",
                    "and CCONJ 3 cc _",
                    "Japanese ADJ 4 amod _",
                    "voters NOUN 0 root _",
                    "and CCONJ 6 cc _",
                    "Chief ADJ 7 amod _",
                    "Justice PROPN 4 conj _",
                    "voted VERB 4 dep _",
                    "today NOUN 8 obl _",
                ],
                &["Japanese/MISC"],
            ),
            ("not in a title-case heading", &["the DET 2 det _", "Japanese ADJ 3 amod _", "Way NOUN 0 root _"], &[]),
            (
                "a possessive stays split, a contraction is one token",
                &[
                    "MWT 1-2 Byron’s _",
                    "Byron PROPN 3 nmod:poss Entity=(1-person-new)",
                    "’s PART 1 case _",
                    "MWT 3-4 don't _",
                    "do AUX 0 root _",
                    "n't PART 3 advmod _",
                ],
                &["Byron/PER"],
            ),
        ];
        for &(name, rows, expected) in cases {
            assert_eq!(names_of(rows), expected, "{name}");
        }
        let docs =
            parse_gum(&sentence(&["MWT 1-2 Byron’s _", "Byron PROPN 0 root _", "’s PART 1 case _"]), "t").unwrap();
        assert_eq!(docs[0].sentences[0].words, ["Byron", "’s"]);
        let docs = parse_gum(&sentence(&["MWT 1-2 don't _", "do AUX 0 root _", "n't PART 1 advmod _"]), "t").unwrap();
        assert_eq!(docs[0].sentences[0].words, ["don't"]);
    }

    #[test]
    fn documents_and_bad_input() {
        let one = sentence(&["Paris PROPN 0 root Entity=(1-place-new)"]);
        let text = format!("# newdoc id = a\n{one}{one}# newdoc id = b\n{one}");
        let docs = parse_gum(&text, "t").unwrap();
        assert_eq!(docs.iter().map(|d| d.sentences.len()).collect::<Vec<_>>(), [2, 1]);
        let cases = [
            ("1\tParis\t_\tPROPN\n", "t:1: expected 10 tab-separated columns"),
            ("2\tParis\t_\tPROPN\t_\t_\t0\troot\t_\t_\n", "t:1: word id 2 out of order"),
            ("1\tParis\t_\tPROPN\t_\t_\tx\troot\t_\t_\n", "t:1: bad head"),
            ("1\tParis\t_\tPROPN\t_\t_\t0\troot\t_\tEntity=3)\n", "t:1: entity 3 closed but never opened"),
            ("1\tParis\t_\tPROPN\t_\t_\t0\troot\t_\tEntity=(3-place\n\n", "t:1: entity 3 opened here is not closed"),
            ("1\tParis\t_\tPROPN\t_\t_\t0\troot\t_\tEntity=(3-place", "t:1: entity 3 opened here is not closed"),
            ("1\tParis\t_\tPROPN\t_\t_\t0\troot\t_\tEntity=(3)\n", "t:1: entity without a type"),
        ];
        for (text, expected) in cases {
            let err = parse_gum(text, "t").unwrap_err().to_string();
            assert!(err.starts_with(expected), "{text:?}: {err}");
        }
    }
}
