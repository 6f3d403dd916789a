//! Features of a token in context, hashed into a fixed table (no feature dictionary to store).
//!
//! Templates: the word, its lowercase form, shape (`Xxxx`, `X.X.`, `dddd`) and short shape,
//! prefixes and suffixes, the neighbours within three tokens, the shapes of those within two, word
//! classes of the word, its neighbours and its lowercase form, knowledge-base and GeoNames hits,
//! whether the sentence is in capitals (headlines), the first token, the type the tagger gave the
//! same word earlier in the document, and how the document writes the word elsewhere (in lower
//! case; its mixed-case form, for capitals headlines). The previous two tags are added at decoding.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// A word in lower case, borrowed when it already is (most words: no allocation).
#[inline]
pub(crate) fn lowercase(w: &str) -> Cow<'_, str> {
    // A letter that is not lower case (upper, title case, or caseless) may change.
    let changes = if w.is_ascii() {
        w.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        w.chars().any(|c| c.is_alphabetic() && !c.is_lowercase())
    };
    if changes {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Bits of the knowledge-base hit code of a token.
pub mod gaz {
    /// Part of a country name.
    pub const COUNTRY: u16 = 1;
    /// Part of a place name.
    pub const PLACE: u16 = 2;
    /// Part of an organization name.
    pub const ORG: u16 = 4;
    /// A demonym (`German`).
    pub const DEMONYM: u16 = 8;
    /// Part of a named event.
    pub const EVENT: u16 = 16;
    /// Part of a title (`President`).
    pub const TITLE: u16 = 32;
    /// An honorific (`Mr`).
    pub const HONORIFIC: u16 = 64;
    /// First token of a knowledge-base name.
    pub const FIRST: u16 = 128;
    /// Part of the name of a city, US state or continent (`data/geonames-places.txt`).
    pub const GEONAMES: u16 = 256;
}

/// 64-bit FNV-1a, fed byte by byte: a template number, then its data.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    #[inline]
    fn new(template: u8) -> Fnv {
        Fnv((0xcbf2_9ce4_8422_2325 ^ u64::from(template)).wrapping_mul(Fnv::PRIME))
    }

    #[inline]
    fn write(&mut self, data: &[u8]) {
        for &b in data {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(Fnv::PRIME);
        }
    }
}

/// 64-bit FNV-1a of a template number and its data.
#[inline]
pub fn fnv(template: u8, data: &[u8]) -> u64 {
    let mut h = Fnv::new(template);
    h.write(data);
    h.0
}

/// Combines two hashes.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    (a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd) ^ (a >> 29)
}

/// Reduces a hash to a bucket of a table of `1 << bits` rows.
#[inline]
pub fn bucket(h: u64, bits: u32) -> u32 {
    ((h ^ (h >> 31) ^ (h >> 47)) as u32) & ((1u32 << bits) - 1)
}

/// The shape of a word: `X` upper, `x` lower, `d` digit, other characters as they are.
///
/// ```
/// use newsgraph::ner::shape;
/// assert_eq!(shape("U.S."), "X.X.");
/// assert_eq!(shape("Blinken"), "Xxxxxxx");
/// ```
pub fn shape(w: &str) -> String {
    w.chars().map(shape_char).collect()
}

/// A character's class in a shape: `X` upper, `x` lower, `d` digit, itself otherwise.
#[inline]
pub(crate) fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_ascii_digit() {
        'd'
    } else {
        c
    }
}

/// The hashes of [`shape`] and [`short_shape`] (as `fnv(t::SHAPE, ..)`, `fnv(t::SHORT, ..)`),
/// without building the strings: tagging computes them for every token.
fn shape_hashes(w: &str) -> (u64, u64) {
    let (mut full, mut short) = (Fnv::new(t::SHAPE), Fnv::new(t::SHORT));
    if w.is_ascii() {
        // Most words: bytes are characters, and their classes are the ASCII ones.
        let mut last = None;
        for &b in w.as_bytes() {
            let s = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                other => other,
            };
            full.write(&[s]);
            if last != Some(s) {
                short.write(&[s]);
                last = Some(s);
            }
        }
        return (full.0, short.0);
    }
    let mut last = None;
    let mut buf = [0u8; 4];
    for c in w.chars() {
        let s = shape_char(c);
        let bytes = s.encode_utf8(&mut buf).as_bytes();
        full.write(bytes);
        if last != Some(s) {
            short.write(bytes);
            last = Some(s);
        }
    }
    (full.0, short.0)
}

/// The shape with runs collapsed: `Xxxxxxx` → `Xx`, `dddd-dd` → `d-d`.
pub fn short_shape(w: &str) -> String {
    let mut out = String::new();
    for c in shape(w).chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// What the tagger said earlier in a document about each word (lowercased): counts per type.
#[derive(Debug, Default, Clone)]
pub struct History {
    /// Keyed by the lowercase word's hash (as [`Prepared`] computes it).
    seen: HashMap<u64, [u16; 4]>,
}

impl History {
    /// Forgets everything (a new document).
    pub fn clear(&mut self) {
        self.seen.clear();
    }

    /// Records the type given to a word.
    pub fn record(&mut self, word: &str, ty: usize) {
        let c = self.seen.entry(lower_hash(word)).or_default();
        c[ty] = c[ty].saturating_add(1);
    }

    /// The type most often given to a word so far, if any.
    pub fn majority(&self, word: &str) -> Option<usize> {
        self.majority_of(lower_hash(word))
    }

    /// [`History::majority`] of the word whose lowercase form hashes to `key`.
    #[inline]
    fn majority_of(&self, key: u64) -> Option<usize> {
        if self.seen.is_empty() {
            return None;
        }
        let c = self.seen.get(&key)?;
        let (i, &n) = c.iter().enumerate().max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))?;
        (n > 0).then_some(i)
    }
}

/// What the whole document says about each word's case: a word seen in lower case elsewhere is
/// less likely a name; a word in a capitals headline is read through its mixed-case form.
#[derive(Debug, Default, Clone)]
pub struct DocContext {
    /// Keyed by the lowercase word's hash (as [`Prepared`] computes it): no string is kept.
    forms: HashMap<u64, DocForm>,
}

/// How a document writes one word (in any case).
#[derive(Debug, Default, Clone, Copy)]
struct DocForm {
    /// Somewhere in lower case.
    seen_lower: bool,
    /// Somewhere capitalized, in mixed case, not first in its sentence.
    seen_cap: bool,
    /// The hash of the first such capitalized form, as the feature that reads it.
    form: Option<u64>,
}

/// The hash of a word's lowercase form (`fnv(t::LOWER, ..)`).
#[inline]
fn lower_hash(w: &str) -> u64 {
    fnv_lower(t::LOWER, w)
}

/// `fnv(template, w.to_lowercase())`, without building the lowercase form of an ASCII word.
#[inline]
pub(crate) fn fnv_lower(template: u8, w: &str) -> u64 {
    if w.is_ascii() {
        let mut h = Fnv::new(template);
        for &b in w.as_bytes() {
            h.write(&[b.to_ascii_lowercase()]);
        }
        h.0
    } else {
        fnv(template, lowercase(w).as_bytes())
    }
}

impl DocContext {
    /// Builds the context of a document from all its sentences' words.
    pub fn new<'w>(sentences: impl IntoIterator<Item = &'w [&'w str]>) -> DocContext {
        let mut forms: HashMap<u64, DocForm> = HashMap::default();
        for words in sentences {
            let caps =
                words.iter().filter(|w| w.chars().any(char::is_alphabetic)).all(|w| !w.chars().any(char::is_lowercase));
            for (i, w) in words.iter().enumerate() {
                let Some(first) = w.chars().next() else {
                    continue;
                };
                let e = forms.entry(lower_hash(w)).or_default();
                if first.is_lowercase() {
                    e.seen_lower = true;
                } else if i > 0 && !caps && first.is_uppercase() && w.chars().skip(1).any(char::is_lowercase) {
                    e.seen_cap = true;
                    e.form.get_or_insert_with(|| fnv(t::DOC_FORM, w.as_bytes()));
                }
            }
        }
        DocContext { forms }
    }

    #[inline]
    fn get(&self, lower_hash: u64) -> Option<&DocForm> {
        if self.forms.is_empty() {
            return None;
        }
        self.forms.get(&lower_hash)
    }
}

/// Template numbers.
mod t {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const SHAPE: u8 = 3;
    pub const SHORT: u8 = 4;
    pub const PREV3: u8 = 5;
    pub const NEXT3: u8 = 6;
    pub const SHAPE_L2: u8 = 7;
    pub const SHAPE_R2: u8 = 8;
    pub const SUFFIX: u8 = 9;
    pub const PREV1: u8 = 13;
    pub const NEXT1: u8 = 14;
    pub const PREV2: u8 = 15;
    pub const NEXT2: u8 = 16;
    pub const SHAPE_L: u8 = 19;
    pub const SHAPE_R: u8 = 20;
    pub const GAZ: u8 = 21;
    pub const GAZ_L: u8 = 22;
    pub const GAZ_R: u8 = 23;
    pub const CAPS_SENT: u8 = 24;
    pub const FIRST: u8 = 25;
    pub const HISTORY: u8 = 26;
    pub const PREV_WORD_FULL: u8 = 27;
    pub const DOC_LOWER: u8 = 28;
    pub const DOC_CAP: u8 = 29;
    pub const DOC_FORM: u8 = 30;
    pub const CLASS_FINE: u8 = 31;
    pub const CLASS_COARSE: u8 = 32;
    pub const CLASS_FINE_L: u8 = 33;
    pub const CLASS_FINE_R: u8 = 34;
    pub const CLASS_COARSE_L2: u8 = 35;
    pub const CLASS_COARSE_R2: u8 = 36;
    pub const CLASS_SHAPE: u8 = 37;
    pub const CLASS_PAIR: u8 = 38;
    pub const LOWER_CLASS: u8 = 39;
    pub const TAG1: u8 = 40;
    /// Plus the length (1, 2, 4).
    pub const SUFFIXES: u8 = 50;
    /// Plus the length (1, 2, 4).
    pub const PREFIXES: u8 = 60;
    pub const TAG2: u8 = 41;
    /// Brown cluster path prefix of the word.
    pub const BROWN: u8 = 70;
}

/// A sentence prepared for feature extraction: each word's forms are hashed once, and the
/// features of its neighbours combine those hashes.
pub struct Prepared<'a> {
    words: &'a [&'a str],
    lower: Vec<Cow<'a, str>>,
    lower_hash: Vec<u64>,
    shape_hash: Vec<u64>,
    short_hash: Vec<u64>,
    gaz: &'a [u16],
    classes: &'a [super::WordCode],
    caps_sentence: bool,
}

impl<'a> Prepared<'a> {
    /// Precomputes the per-token parts; `gaz` are the words' knowledge-base codes
    /// ([`super::gazetteer_codes`]), `classes` their word classes ([`super::WordClasses::code`]).
    pub fn new(words: &'a [&'a str], gaz: &'a [u16], classes: &'a [super::WordCode]) -> Prepared<'a> {
        let lower: Vec<Cow<'a, str>> = words.iter().map(|w| lowercase(w)).collect();
        let lower_hash = words.iter().map(|w| lower_hash(w)).collect();
        let (shape_hash, short_hash) = words.iter().map(|w| shape_hashes(w)).unzip();
        let with_letters = words.iter().filter(|w| w.chars().any(char::is_alphabetic));
        let caps_sentence =
            with_letters.clone().count() >= 3 && with_letters.clone().all(|w| !w.chars().any(char::is_lowercase));
        Prepared { words, lower, lower_hash, shape_hash, short_hash, gaz, classes, caps_sentence }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there is no token.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word at `i`.
    pub fn word(&self, i: usize) -> &str {
        self.words[i]
    }

    /// Hashes of the static features of token `i`, appended to `out`.
    pub fn features(&self, i: usize, history: &History, doc: &DocContext, out: &mut Vec<u64>) {
        let w = self.words[i];
        let lw = &self.lower[i];
        // The lowercase word and the shape of the token `k` away, as hashes.
        let at = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 {
                fnv(t::LOWER, b"<s>")
            } else if j as usize >= self.len() {
                fnv(t::LOWER, b"</s>")
            } else {
                self.lower_hash[j as usize]
            }
        };
        let shape_at = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 || j as usize >= self.len() {
                fnv(t::SHAPE, b"_")
            } else {
                self.shape_hash[j as usize]
            }
        };
        let tpl = |template: u8| fnv(template, b"");
        let gaz_at = |k: isize| -> u16 {
            let j = i as isize + k;
            if j < 0 || j as usize >= self.len() {
                0
            } else {
                self.gaz[j as usize]
            }
        };
        out.push(fnv(t::BIAS, b""));
        out.push(fnv(t::WORD, w.as_bytes()));
        out.push(self.lower_hash[i]);
        out.push(self.shape_hash[i]);
        let sh = self.short_hash[i];
        out.push(sh);
        // Prefixes and suffixes of 1 to 4 letters (see data/ner.md for what each feature group is worth).
        // Byte offsets of the first four characters and of the last four (no allocation).
        let mut head = [lw.len(); 5];
        for (k, (at, _)) in lw.char_indices().take(5).enumerate() {
            head[k] = at;
        }
        let mut tail = [0usize; 5];
        let mut count = 0;
        for (k, (at, _)) in lw.char_indices().rev().take(5).enumerate() {
            tail[k] = at;
            count = k + 1;
        }
        // `tail[k - 1]` starts the last `k` characters; the word has more than `k` characters when
        // `count > k`.
        if count > 3 {
            out.push(fnv(t::SUFFIX, &lw.as_bytes()[tail[2]..]));
        }
        out.push(mix(tpl(t::PREV1), at(-1)));
        out.push(mix(tpl(t::NEXT1), at(1)));
        out.push(mix(tpl(t::PREV2), at(-2)));
        out.push(mix(tpl(t::NEXT2), at(2)));
        out.push(mix(tpl(t::PREV3), at(-3)));
        out.push(mix(tpl(t::NEXT3), at(3)));
        out.push(mix(mix(tpl(t::SHAPE_L), shape_at(-1)), sh));
        out.push(mix(mix(tpl(t::SHAPE_R), shape_at(1)), sh));
        out.push(mix(mix(tpl(t::SHAPE_L2), shape_at(-2)), sh));
        out.push(mix(mix(tpl(t::SHAPE_R2), shape_at(2)), sh));
        for k in [1usize, 2, 4] {
            if count > k {
                out.push(fnv(t::SUFFIXES + k as u8, &lw.as_bytes()[tail[k - 1]..]));
                out.push(fnv(t::PREFIXES + k as u8, &lw.as_bytes()[..head[k]]));
            }
        }
        if i > 0 {
            out.push(fnv(t::PREV_WORD_FULL, self.words[i - 1].as_bytes()));
        }
        let class_at = |k: isize| -> u32 {
            let j = i as isize + k;
            if j < 0 || j as usize >= self.len() {
                u32::MAX
            } else {
                self.classes[j as usize].own
            }
        };
        let (c0, cl, cr) = (class_at(0), class_at(-1), class_at(1));
        let fine = |c: u32| (c & 0xffff).to_le_bytes();
        let coarse = |c: u32| (c >> 16).to_le_bytes();
        out.push(fnv(t::CLASS_FINE, &fine(c0)));
        out.push(fnv(t::CLASS_COARSE, &coarse(c0)));
        out.push(fnv(t::CLASS_FINE_L, &fine(cl)));
        out.push(fnv(t::CLASS_FINE_R, &fine(cr)));
        out.push(fnv(t::CLASS_COARSE_L2, &coarse(class_at(-2))));
        out.push(fnv(t::CLASS_COARSE_R2, &coarse(class_at(2))));
        out.push(mix(fnv(t::CLASS_SHAPE, &fine(c0)), sh));
        out.push(mix(fnv(t::CLASS_PAIR, &fine(cl)), fnv(t::CLASS_PAIR, &fine(c0))));
        let code = &self.classes[i];
        if code.path != 0 {
            for k in [4u32, 6, 10, 20] {
                out.push(mix(fnv(t::BROWN, &[k as u8]), u64::from(code.path_prefix(k))));
            }
        }
        let lower_class = self.classes[i].lower;
        if lower_class != 0 {
            out.push(mix(fnv(t::LOWER_CLASS, &fine(lower_class)), sh));
            out.push(mix(fnv(t::LOWER_CLASS, &coarse(lower_class)), u64::from(i == 0)));
        }
        let g = gaz_at(0);
        if g != 0 {
            out.push(fnv(t::GAZ, &g.to_le_bytes()));
            out.push(mix(fnv(t::GAZ, &g.to_le_bytes()), sh));
        }
        let (gl, gr) = (gaz_at(-1), gaz_at(1));
        if gl != 0 {
            out.push(fnv(t::GAZ_L, &gl.to_le_bytes()));
        }
        if gr != 0 {
            out.push(fnv(t::GAZ_R, &gr.to_le_bytes()));
        }
        if self.caps_sentence {
            out.push(mix(fnv(t::CAPS_SENT, b""), sh));
            out.push(mix(fnv(t::CAPS_SENT, b"w"), self.lower_hash[i]));
        }
        if i == 0 {
            out.push(mix(fnv(t::FIRST, b""), sh));
        }
        if let Some(&DocForm { seen_lower, seen_cap, form }) = doc.get(self.lower_hash[i]) {
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            if cap && seen_lower {
                out.push(mix(fnv(t::DOC_LOWER, b""), sh));
            }
            if seen_cap {
                out.push(fnv(t::DOC_CAP, &[u8::from(i == 0), u8::from(self.caps_sentence)]));
            }
            if let (Some(form), true) = (form, self.caps_sentence) {
                out.push(form);
            }
        }
        if w.chars().next().is_some_and(char::is_uppercase) {
            if let Some(ty) = history.majority_of(self.lower_hash[i]) {
                out.push(fnv(t::HISTORY, &[ty as u8]));
            }
        }
    }
}

/// The features of the previous two tags alone (the same for every word).
#[inline]
pub fn transition_features(prev2: u8, prev: u8) -> [u64; 2] {
    [fnv(t::TAG1, &[prev]), fnv(t::TAG2, &[prev2, prev])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_hashes_are_those_of_the_shapes() {
        for w in ["Blinken", "U.S.", "2024-02-17", "COP29", "Алиев", "", "naïve-Ü"] {
            assert_eq!(shape_hashes(w), (fnv(t::SHAPE, shape(w).as_bytes()), fnv(t::SHORT, short_shape(w).as_bytes())));
        }
    }

    #[test]
    fn lowercase_borrows_only_what_is_already_lower() {
        for w in ["said", "Blinken", "U.S.", "ǅemal", "naïve", "Ünal", "2024", "東京"] {
            assert_eq!(lowercase(w), w.to_lowercase());
        }
        assert!(matches!(lowercase("said"), Cow::Borrowed(_)));
        assert!(matches!(lowercase("naïve"), Cow::Borrowed(_)));
    }

    #[test]
    fn shapes() {
        for (w, s, short) in [
            ("Blinken", "Xxxxxxx", "Xx"),
            ("U.S.", "X.X.", "X.X."),
            ("2024-02-17", "dddd-dd-dd", "d-d-d"),
            ("COP29", "XXXdd", "Xd"),
            ("Алиев", "Xxxxx", "Xx"),
        ] {
            assert_eq!(shape(w), s);
            assert_eq!(short_shape(w), short);
        }
    }

    #[test]
    fn features_depend_on_context_and_case() {
        let words = ["Mr", "Blinken", "met", "Aliyev"];
        let gaz = [gaz::HONORIFIC, 0, 0, 0];
        let none = [crate::ner::WordCode::default(); 4];
        let p = Prepared::new(&words, &gaz, &none);
        let h = History::default();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let d = DocContext::default();
        p.features(1, &h, &d, &mut a);
        p.features(3, &h, &d, &mut b);
        assert!(a.len() > 15, "{}", a.len());
        assert_ne!(a, b);
        assert!(a.contains(&fnv(t::GAZ_L, &gaz::HONORIFIC.to_le_bytes())), "the honorific before is a feature");
        // The same word in capitals shares its lowercase feature but not its word feature.
        let caps = ["MR", "BLINKEN", "MET", "ALIYEV"];
        let pc = Prepared::new(&caps, &gaz, &none);
        let mut c = Vec::new();
        pc.features(1, &h, &d, &mut c);
        assert!(c.contains(&a[2]) && !c.contains(&a[1]));
    }

    #[test]
    fn cluster_prefixes_are_features_of_clustered_words() {
        let words = ["in", "Baku"];
        let gaz = [0, 0];
        let mut codes = [crate::ner::WordCode::default(); 2];
        let (mut without, mut with) = (Vec::new(), Vec::new());
        let (h, d) = (History::default(), DocContext::default());
        Prepared::new(&words, &gaz, &codes).features(1, &h, &d, &mut without);
        codes[1].path = 0b1011_0010_1101;
        Prepared::new(&words, &gaz, &codes).features(1, &h, &d, &mut with);
        assert_eq!(with.len(), without.len() + 4, "prefixes of 4, 6, 10 and 20 steps");
        assert!(with.contains(&mix(fnv(t::BROWN, &[4]), 0b1_0110)));
    }

    #[test]
    fn history_majority() {
        let mut h = History::default();
        assert_eq!(h.majority("Jordan"), None);
        h.record("Jordan", 2);
        h.record("JORDAN", 2);
        h.record("jordan", 0);
        assert_eq!(h.majority("Jordan"), Some(2));
        h.clear();
        assert_eq!(h.majority("Jordan"), None);
    }
}
