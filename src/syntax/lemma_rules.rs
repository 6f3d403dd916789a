//! Suffix rules for English inflection: the regular part of lemmatization.
//!
//! Why rules before a table: inflection is mostly regular (`studies` → `study`, `stopped` →
//! `stop`, `hoping` → `hope`), so a few rules cover words no treebank has seen; the learned
//! exceptions table (see [`super::lemma`]) only has to hold what the rules get wrong.
//!
//! The rules work on ASCII endings; a word that is not ASCII at its end is left as it is.

const VOWELS: &[u8] = b"aeiou";

fn is_vowel(b: u8) -> bool {
    VOWELS.contains(&b)
}

/// How many runs of vowels (`y` counted as one) a stem has: a cheap syllable count.
fn vowel_groups(stem: &[u8]) -> usize {
    let mut groups = 0;
    let mut in_vowel = false;
    for &b in stem {
        let v = is_vowel(b) || b == b'y';
        if v && !in_vowel {
            groups += 1;
        }
        in_vowel = v;
    }
    groups
}

/// Whether the stem ends consonant, single vowel, `last` (as in `hop`, `decid`, `nam`).
fn single_vowel_before_last(s: &[u8]) -> bool {
    let n = s.len();
    n >= 2 && is_vowel(s[n - 2]) && (n == 2 || !is_vowel(s[n - 3]))
}

/// The stem with a doubled final consonant undone, when the doubling is the inflection's
/// (`stopp` → `stop`, `travell` → `travel`) rather than the word's own (`add`, `call`, `pass`).
fn undouble(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let n = b.len();
    if n < 4 || b[n - 1] != b[n - 2] || is_vowel(b[n - 1]) || !b[n - 1].is_ascii_lowercase() {
        return None;
    }
    let shorter = &b[..n - 1];
    let ok = match b[n - 1] {
        b's' | b'z' | b'f' | b'w' | b'x' | b'y' => false,
        b'l' => matches!(b[n - 3], b'e' | b'o') && vowel_groups(shorter) >= 2,
        _ => single_vowel_before_last(shorter),
    };
    ok.then(|| s[..n - 1].to_string())
}

/// Whether a stem left by removing `-ed`, `-ing`, `-er` or `-est` lost a silent `e`
/// (`hop` → `hope`, `decid` → `decide`, `chang` → `change`, `handl` → `handle`).
fn lost_final_e(s: &[u8]) -> bool {
    let n = s.len();
    if n < 2 {
        return false;
    }
    let (last, prev) = (s[n - 1], s[n - 2]);
    let single = single_vowel_before_last(s);
    match last {
        b'u' | b'v' | b'c' | b'z' => true,
        b's' => prev != b's',
        b'g' => prev != b'n' || (n >= 3 && matches!(s[n - 3], b'a' | b'e')),
        b'l' => {
            (!is_vowel(prev) && !matches!(prev, b'l' | b'r' | b'w')) || (single && matches!(prev, b'i' | b'o' | b'u'))
        }
        b't' => {
            (prev == b'a' && n >= 3 && !is_vowel(s[n - 3]))
                || (single && matches!(prev, b'o' | b'u'))
                || (single && prev == b'i' && vowel_groups(s) == 1)
        }
        b'd' | b'k' | b'm' | b'b' => single && prev != b'e',
        b'n' => single && (matches!(prev, b'i' | b'u') || (prev == b'o' && vowel_groups(s) == 1)),
        b'r' => single && (matches!(prev, b'a' | b'i' | b'u') || (prev == b'o' && vowel_groups(s) == 1)),
        b'p' | b'f' => single && prev != b'e' && vowel_groups(s) == 1,
        _ => false,
    }
}

/// Puts back what a suffix took: a doubled consonant undone, or a silent `e` restored.
fn restore_stem(stem: &str) -> String {
    if !stem.is_ascii() {
        return stem.to_string();
    }
    if let Some(undoubled) = undouble(stem) {
        return undoubled;
    }
    if lost_final_e(stem.as_bytes()) {
        return format!("{stem}e");
    }
    stem.to_string()
}

/// The singular of a regular plural noun; the word's case is kept (`Studies` → `Study`).
pub(super) fn singular(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let cut = |n: usize, add: &str| format!("{}{add}", &word[..word.len() - n]);
    if lower.ends_with("men") && lower.len() > 3 {
        return cut(2, "an");
    }
    if !lower.ends_with('s') || lower.ends_with("ss") || lower.ends_with("us") || lower.ends_with("is") {
        return word.to_string();
    }
    if lower.ends_with("ies") && lower.len() > 4 {
        return cut(3, if word.ends_with("IES") { "Y" } else { "y" });
    }
    if ["ches", "shes", "xes", "sses", "zzes"].iter().any(|e| lower.ends_with(e)) {
        return cut(2, "");
    }
    cut(1, "")
}

/// The base form of a third-person singular verb (`studies`, `watches`, `goes`, `makes`).
pub(super) fn verb_from_s(word: &str) -> String {
    if word.ends_with("ies") && word.len() > 4 {
        return format!("{}y", &word[..word.len() - 3]);
    }
    if ["ches", "shes", "xes", "sses", "zzes", "oes"].iter().any(|e| word.ends_with(e)) {
        return word[..word.len() - 2].to_string();
    }
    if word.ends_with('s') && !word.ends_with("ss") && word.len() > 2 {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// The base form of a regular past tense or participle (`studied`, `died`, `agreed`, `stopped`,
/// `hoped`); irregular forms (`went`) come back unchanged for the exceptions table to handle.
pub(super) fn verb_from_ed(word: &str) -> String {
    if !word.ends_with("ed") || word.len() < 4 {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ied") {
        return if stem.len() > 1 { format!("{stem}y") } else { format!("{stem}ie") };
    }
    if word.ends_with("eed") {
        return word[..word.len() - 1].to_string();
    }
    restore_stem(&word[..word.len() - 2])
}

/// The base form of a present participle (`dying` → `die`, `running` → `run`, `making` → `make`).
pub(super) fn verb_from_ing(word: &str) -> String {
    if !word.ends_with("ing") || word.len() < 5 {
        return word.to_string();
    }
    let stem = &word[..word.len() - 3];
    if stem.len() == 2 && stem.ends_with('y') {
        return format!("{}ie", &stem[..1]);
    }
    restore_stem(stem)
}

/// The positive degree of a regular comparative or superlative (`bigger`, `easiest`, `larger`).
pub(super) fn positive_degree(word: &str, suffix: &str) -> String {
    let Some(stem) = word.strip_suffix(suffix) else {
        return word.to_string();
    };
    if stem.len() < 2 {
        return word.to_string();
    }
    if let Some(base) = stem.strip_suffix('i') {
        return format!("{base}y");
    }
    restore_stem(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tricky_inflections() {
        type Rule = fn(&str) -> String;
        let cases: &[(Rule, &str, &str)] = &[
            (verb_from_ed, "stopped", "stop"),
            (verb_from_ed, "added", "add"),
            (verb_from_ed, "called", "call"),
            (verb_from_ed, "controlled", "control"),
            (verb_from_ed, "travelled", "travel"),
            (verb_from_ed, "passed", "pass"),
            (verb_from_ed, "occurred", "occur"),
            (verb_from_ed, "hoped", "hope"),
            (verb_from_ed, "needed", "need"),
            (verb_from_ed, "stated", "state"),
            (verb_from_ed, "treated", "treat"),
            (verb_from_ed, "visited", "visit"),
            (verb_from_ed, "decided", "decide"),
            (verb_from_ed, "changed", "change"),
            (verb_from_ed, "belonged", "belong"),
            (verb_from_ed, "handled", "handle"),
            (verb_from_ed, "died", "die"),
            (verb_from_ed, "studied", "study"),
            (verb_from_ed, "agreed", "agree"),
            (verb_from_ed, "continued", "continue"),
            (verb_from_ed, "shared", "share"),
            (verb_from_ed, "answered", "answer"),
            (verb_from_ed, "defined", "define"),
            (verb_from_ed, "opened", "open"),
            (verb_from_ed, "developed", "develop"),
            (verb_from_ed, "played", "play"),
            (verb_from_ing, "running", "run"),
            (verb_from_ing, "making", "make"),
            (verb_from_ing, "being", "be"),
            (verb_from_ing, "dying", "die"),
            (verb_from_ing, "bringing", "bring"),
            (verb_from_ing, "writing", "write"),
            (verb_from_ing, "using", "use"),
            (verb_from_ing, "telling", "tell"),
            (verb_from_ing, "beginning", "begin"),
            (verb_from_s, "goes", "go"),
            (verb_from_s, "watches", "watch"),
            (verb_from_s, "tries", "try"),
            (verb_from_s, "uses", "use"),
            (singular, "countries", "country"),
            (singular, "boxes", "box"),
            (singular, "women", "woman"),
            (singular, "States", "State"),
            (singular, "status", "status"),
            (|w| positive_degree(w, "er"), "bigger", "big"),
            (|w| positive_degree(w, "er"), "larger", "large"),
            (|w| positive_degree(w, "est"), "easiest", "easy"),
            (|w| positive_degree(w, "est"), "highest", "high"),
            (|w| positive_degree(w, "er"), "wider", "wide"),
        ];
        for (rule, form, want) in cases {
            assert_eq!(rule(form), *want, "{form}");
        }
    }
}
