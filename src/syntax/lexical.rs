//! What the tagger and parser know of a word before looking at its neighbours: hashes of its
//! form, lowercase form, affixes and shape, and its Brown cluster path.
//!
//! Why hashes computed once: the parser reads the same word's features at every transition that
//! looks at it; hashing its strings once per sentence makes a feature a couple of multiplies.

use crate::ner::{fnv, mix, WordClasses};

/// A word's precomputed hashes (`0` where it has none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lexical {
    /// The form as written.
    pub form: u64,
    /// The lowercase form.
    pub lower: u64,
    /// Suffixes of 1 to 4 characters of the lowercase form.
    pub suffix: [u64; 4],
    /// Prefixes of 1 to 3 characters of the lowercase form.
    pub prefix: [u64; 3],
    /// The shape with repeats collapsed (`Xx`, `d.d`, `X.X.`).
    pub shape: u64,
    /// The Brown cluster path under a leading `1` (`0`: none).
    pub cluster: u32,
    /// Whether the word starts with an upper-case letter, holds a digit, a hyphen.
    pub flags: u8,
}

/// Bits of [`Lexical::flags`].
pub mod flag {
    /// Starts with an upper-case letter.
    pub const UPPER: u8 = 1;
    /// Holds a digit.
    pub const DIGIT: u8 = 2;
    /// Holds a hyphen.
    pub const HYPHEN: u8 = 4;
    /// All its letters are upper case (and it has two or more).
    pub const CAPS: u8 = 8;
}

/// The first `k` steps of a cluster path (all of it when shorter), under its leading `1`.
#[inline]
pub fn cluster_prefix(path: u32, k: u32) -> u32 {
    let len = 31u32.saturating_sub(path.leading_zeros());
    if len > k {
        path >> (len - k)
    } else {
        path
    }
}

/// The shape with runs of letters and digits collapsed (`Xx`, `d-d`), punctuation kept (`...`).
fn shape(w: &str) -> String {
    let mut out = String::new();
    for s in w.chars().map(crate::ner::shape_char) {
        if !out.ends_with(s) || !matches!(s, 'X' | 'x' | 'd') {
            out.push(s);
        }
    }
    out
}

impl Lexical {
    /// The hashes of a word.
    ///
    /// ```
    /// use newsgraph::syntax::Lexical;
    /// let classes = newsgraph::ner::WordClasses::default();
    /// let a = Lexical::of("Walked", &classes);
    /// let b = Lexical::of("walked", &classes);
    /// assert_eq!(a.lower, b.lower);
    /// assert_ne!(a.form, b.form);
    /// assert_eq!(a.suffix, b.suffix);
    /// ```
    pub fn of(word: &str, classes: &WordClasses) -> Lexical {
        let lower = word.to_lowercase();
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        let n = chars.len();
        let suffix = std::array::from_fn(|k| {
            let start = if k < n { chars[n - 1 - k].0 } else { 0 };
            fnv(2 + k as u8, &lower.as_bytes()[start..])
        });
        let prefix = std::array::from_fn(|k| {
            let end = chars.get(k + 1).map_or(lower.len(), |c| c.0);
            fnv(6 + k as u8, &lower.as_bytes()[..end])
        });
        let upper = word.chars().next().is_some_and(char::is_uppercase);
        let caps = word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase);
        let flags = (u8::from(upper) * flag::UPPER)
            | (u8::from(word.chars().any(|c| c.is_ascii_digit())) * flag::DIGIT)
            | (u8::from(word.contains('-')) * flag::HYPHEN)
            | (u8::from(caps) * flag::CAPS);
        Lexical {
            form: fnv(0, word.as_bytes()),
            lower: fnv(1, lower.as_bytes()),
            suffix,
            prefix,
            shape: fnv(9, shape(word).as_bytes()),
            cluster: classes.path(word).or_else(|| classes.path(&lower)).unwrap_or(0),
            flags,
        }
    }

    /// The hashes of every word of a sentence.
    pub fn of_all(words: &[&str], classes: &WordClasses) -> Vec<Lexical> {
        words.iter().map(|w| Lexical::of(w, classes)).collect()
    }
}

/// A feature: a template number and up to three values, hashed together.
#[inline]
pub fn feature(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(template.wrapping_mul(0x2545_f491_4f6c_dd1d), a), b), c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_repeats() {
        assert_eq!(shape("Blinken"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2024-02-17"), "d-d-d");
        assert_eq!(shape("COP29"), "Xd");
    }

    #[test]
    fn affixes_of_short_words_are_the_word() {
        let c = WordClasses::default();
        let l = Lexical::of("at", &c);
        assert_ne!(l.suffix[0], l.suffix[1]);
        assert_eq!(l.suffix[1], Lexical::of("cat", &c).suffix[1]);
        assert_eq!(Lexical::of("é", &c).prefix[0], Lexical::of("É", &c).prefix[0]);
    }

    #[test]
    fn cluster_prefixes() {
        assert_eq!(cluster_prefix(0b1_0110_0101, 4), 0b1_0110);
        assert_eq!(cluster_prefix(0b101, 4), 0b101);
    }
}
