//! Word classes learned from unlabelled news text, so that the tagger can generalize from names it
//! saw in training to words it never saw but that occur in the same contexts (`Leicester` and
//! `Sunderland`, `Kohl` and `Yeltsin`).
//!
//! Why the exchange algorithm: it optimizes the same class-bigram likelihood as Brown clustering
//! (the word classes of the best feature-based CoNLL taggers), but moves one word at a time between
//! a fixed number of classes, so a run over a million tokens takes seconds instead of hours, and it
//! is deterministic. The objective is the two-sided predictive one (Uszkoreit and Brants 2008): a
//! word's class predicts the word before it and the word after it, so words are grouped by both of
//! their neighbours. Two granularities are learned (coarse and fine); the tagger reads both.

use crate::error::{Error, Result};
use rustc_hash::FxHashMap as HashMap;

/// The classes shipped with newsgraph (`data/word-classes.tsv`, see `data/word-classes.md`).
pub const BUILTIN_CLASSES: &str = include_str!("../../data/word-classes.tsv");

/// The Brown clusters shipped with newsgraph (`data/brown-clusters.tsv`, see `data/brown-clusters.md`).
pub const BUILTIN_CLUSTERS: &str = include_str!("../../data/brown-clusters.tsv");

/// Each known word's coarse and fine class and, for the words of the Brown clusters, its path in
/// their tree ([`WordClasses::with_clusters`]).
///
/// ```
/// use newsgraph::ner::WordClasses;
/// let classes = WordClasses::parse("# a comment\nParis\t3\t17\nLondon\t3\t17\n", "t").unwrap();
/// assert_eq!(classes.get("Paris"), classes.get("London"));
/// assert_eq!(classes.get("Paris"), Some((3, 17)));
/// assert_eq!(classes.get("Gdansk"), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct WordClasses {
    /// Each word's entry, keyed by the 64-bit hash of its spelling ([`word_key`]): no string is
    /// stored, so loading 200,000 words is one pass without allocations.
    words: HashMap<u64, Entry>,
    /// Number of words with classes.
    classed: usize,
    /// Whether any word has a Brown cluster path.
    has_paths: bool,
    fingerprint: u64,
}

/// What is known of a word: its packed classes ([`WordClasses::code`]; `0`: none) and its Brown
/// cluster path, root first, as bits under a leading `1` (`"0110"` is `0b10110`; `0`: none).
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    classes: u32,
    path: u32,
}

/// The key of a word: FNV-1a of its bytes. Two of 200,000 words share a key with a chance of
/// about one in a billion; a list's loader refuses a repeated key, so a collision within a list
/// cannot pass unnoticed.
#[inline]
fn word_key(word: &str) -> u64 {
    super::features::fnv(0, word.as_bytes())
}

/// [`word_key`] of a word's lowercase form, without building it (for ASCII words).
#[inline]
fn lower_word_key(word: &str) -> u64 {
    super::features::fnv_lower(0, word)
}

impl WordClasses {
    /// Reads `word<TAB>coarse<TAB>fine` lines (`#` starts a comment line).
    pub fn parse(text: &str, name: &str) -> Result<WordClasses> {
        let mut words: HashMap<u64, Entry> = HashMap::default();
        let mut classed = 0;
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let bad = |m: &str| Error::Data { source_name: name.into(), line: i + 1, message: m.into() };
            let mut cols = line.split('\t');
            let (Some(word), Some(coarse), Some(fine), None) = (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(bad("expected word, coarse class and fine class separated by tabs"));
            };
            let coarse: u16 = coarse.parse().map_err(|_| bad("the coarse class is not a number"))?;
            let fine: u16 = fine.parse().map_err(|_| bad("the fine class is not a number"))?;
            let entry = words.entry(word_key(word)).or_default();
            if entry.classes != 0 {
                return Err(bad(&format!("`{word}` is listed twice")));
            }
            entry.classes = pack((coarse, fine));
            classed += 1;
        }
        Ok(WordClasses { words, classed, has_paths: false, fingerprint: text_fingerprint(text) })
    }

    /// Adds Brown clusters from `word<TAB>path` lines, the path a string of `0` and `1` steps
    /// from the root of the cluster tree (`#` starts a comment line).
    ///
    /// Why both: the classes learned here come from a million words of news, the Brown clusters
    /// from a corpus a thousand times larger, so they know far more words, with a coarser view of
    /// news contexts; each helps where the other has nothing (see `data/ner.md`).
    ///
    /// ```
    /// use newsgraph::ner::WordClasses;
    /// let classes = WordClasses::default().with_clusters("Baku\t01100101101\nMunich\t01100101\n", "t").unwrap();
    /// assert_eq!(classes.path("Baku"), Some(0b101100101101));
    /// assert_eq!(classes.path("Gdansk"), None);
    /// ```
    pub fn with_clusters(mut self, text: &str, name: &str) -> Result<WordClasses> {
        self.words.reserve(text.len() / 20);
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let bad = |m: &str| Error::Data { source_name: name.into(), line: i + 1, message: m.into() };
            let Some((word, path)) = line.split_once('\t') else {
                return Err(bad("expected a word and its cluster path separated by a tab"));
            };
            if path.is_empty() || path.len() > 31 || !path.bytes().all(|b| b == b'0' || b == b'1') {
                return Err(bad("the cluster path is not 1 to 31 steps of 0 and 1"));
            }
            let entry = self.words.entry(word_key(word)).or_default();
            if entry.path != 0 {
                return Err(bad(&format!("`{word}` is listed twice")));
            }
            entry.path = path.bytes().fold(1u32, |acc, b| (acc << 1) | u32::from(b - b'0'));
            self.has_paths = true;
        }
        self.fingerprint = super::features::mix(self.fingerprint, text_fingerprint(text));
        Ok(self)
    }

    /// The classes shipped in the binary.
    pub fn builtin() -> Result<WordClasses> {
        WordClasses::parse(BUILTIN_CLASSES, "data/word-classes.tsv")?
            .with_clusters(BUILTIN_CLUSTERS, "data/brown-clusters.tsv")
    }

    #[inline]
    fn entry(&self, word: &str) -> Entry {
        self.words.get(&word_key(word)).copied().unwrap_or_default()
    }

    /// A word's Brown cluster path as bits under a leading `1`, if it has one.
    #[inline]
    pub fn path(&self, word: &str) -> Option<u32> {
        Some(self.entry(word).path).filter(|&p| p != 0)
    }

    /// The coarse and fine class of a word, if it was frequent enough in the unlabelled text.
    #[inline]
    pub fn get(&self, word: &str) -> Option<(u16, u16)> {
        Some(self.entry(word).classes).filter(|&c| c != 0).map(unpack)
    }

    /// A word's packed classes and Brown cluster path, each from its own form or, for a word in
    /// capitals (headlines), from its capitalized and then its lowercase form; `0` for none.
    fn lookup(&self, word: &str) -> Entry {
        let mut found = self.entry(word);
        let wants_path = self.has_paths && found.path == 0;
        if (found.classes != 0 && !wants_path)
            || word.chars().any(char::is_lowercase)
            || !word.chars().any(char::is_uppercase)
        {
            return found;
        }
        let lower = word.to_lowercase();
        for form in [title_case(&lower).as_str(), lower.as_str()] {
            let e = self.entry(form);
            if found.classes == 0 {
                found.classes = e.classes;
            }
            if found.path == 0 {
                found.path = e.path;
            }
        }
        found
    }

    /// The classes of a word, trying its own form and then a capitalized and lowercase form
    /// (headlines in capitals); `0` stands for an unknown word, otherwise `coarse << 16 | fine + 1`.
    pub fn code(&self, word: &str) -> u32 {
        self.lookup(word).classes
    }

    /// The codes of a sentence's words: each word's own (see [`WordClasses::code`]) and, for a
    /// capitalized word, that of its lowercase form (`Emphasis` opening a sentence is the common
    /// word `emphasis`; `Blinken` has no lowercase form).
    pub fn codes(&self, words: &[&str]) -> Vec<WordCode> {
        words
            .iter()
            .map(|w| {
                let found = self.lookup(w);
                WordCode {
                    own: found.classes,
                    lower: if w.chars().next().is_some_and(char::is_uppercase) {
                        self.words.get(&lower_word_key(w)).map_or(0, |e| e.classes)
                    } else {
                        0
                    },
                    path: found.path,
                }
            })
            .collect()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.classed
    }

    /// Whether no word is known.
    pub fn is_empty(&self) -> bool {
        self.classed == 0
    }

    /// A hash of the file the classes came from: a model records the one it was trained with.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}

/// `paris` → `Paris`.
fn title_case(lower: &str) -> String {
    let mut title = String::with_capacity(lower.len());
    let mut chars = lower.chars();
    if let Some(first) = chars.next() {
        title.extend(first.to_uppercase());
        title.push_str(chars.as_str());
    }
    title
}

/// Packs a word's (coarse, fine) classes into a code; `0` is left for unknown words.
fn pack((coarse, fine): (u16, u16)) -> u32 {
    (u32::from(coarse) << 16) | (u32::from(fine) + 1)
}

/// A hash of a whole list, eight bytes at a time (the lists are megabytes; loading hashes them).
fn text_fingerprint(text: &str) -> u64 {
    let mut h = super::features::fnv(0, &(text.len() as u64).to_le_bytes());
    let mut chunks = text.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        h = super::features::mix(h, u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
    }
    super::features::mix(h, super::features::fnv(0, chunks.remainder()))
}

/// The inverse of [`pack`].
fn unpack(code: u32) -> (u16, u16) {
    ((code >> 16) as u16, ((code & 0xffff) - 1) as u16)
}

/// The classes of a word in a sentence (`0`: none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCode {
    /// The word's own classes, packed as [`WordClasses::code`] does.
    pub own: u32,
    /// Those of its lowercase form, for a capitalized word.
    pub lower: u32,
    /// Its Brown cluster path under a leading `1` ([`WordClasses::path`]), `0` for none.
    pub path: u32,
}

impl WordCode {
    /// The first `k` steps of the Brown cluster path (all of it when shorter), under a leading `1`.
    ///
    /// ```
    /// use newsgraph::ner::WordCode;
    /// let code = WordCode { path: 0b1_0110_0101, ..WordCode::default() };
    /// assert_eq!(code.path_prefix(4), 0b1_0110);
    /// assert_eq!(code.path_prefix(20), 0b1_0110_0101);
    /// ```
    #[inline]
    pub fn path_prefix(&self, k: u32) -> u32 {
        let len = 31u32.saturating_sub(self.path.leading_zeros());
        if len > k {
            self.path >> (len - k)
        } else {
            self.path
        }
    }
}

/// Settings of [`learn_classes`].
#[derive(Debug, Clone)]
pub struct ClassConfig {
    /// Words seen fewer times are not classed.
    pub min_count: usize,
    /// Number of coarse classes.
    pub coarse: usize,
    /// Number of fine classes.
    pub fine: usize,
    /// At most this many passes over the vocabulary per granularity.
    pub max_passes: usize,
}

impl Default for ClassConfig {
    fn default() -> Self {
        ClassConfig { min_count: 3, coarse: 64, fine: 512, max_passes: 20 }
    }
}

/// Learns word classes from sentences; returns the TSV body (sorted by word) and a log of passes.
pub fn learn_classes(sentences: &[Vec<String>], config: &ClassConfig, mut log: impl FnMut(&str)) -> String {
    let corpus = Corpus::new(sentences, config.min_count);
    log(&format!(
        "{} tokens, {} words seen at least {} times, {} distinct neighbour pairs",
        corpus.tokens,
        corpus.vocab.len(),
        config.min_count,
        corpus.left.iter().map(Vec::len).sum::<usize>()
    ));
    let coarse = exchange(&corpus, config.coarse, config.max_passes, &mut log);
    let fine = exchange(&corpus, config.fine, config.max_passes, &mut log);
    let mut rows: Vec<(usize, &str)> = corpus.vocab.iter().enumerate().map(|(i, w)| (i, w.as_str())).collect();
    rows.sort_by(|a, b| a.1.cmp(b.1));
    let mut out = String::new();
    for (i, w) in rows {
        out.push_str(&format!("{w}\t{}\t{}\n", coarse[i], fine[i]));
    }
    out
}

/// The vocabulary and each word's neighbours with counts. Context ids are the vocabulary ids,
/// then one for rare words and one for the sentence boundary.
struct Corpus {
    vocab: Vec<String>,
    counts: Vec<u32>,
    /// For each word: (context id, count) of the words before it.
    left: Vec<Vec<(u32, u32)>>,
    /// For each word: (context id, count) of the words after it.
    right: Vec<Vec<(u32, u32)>>,
    contexts: usize,
    tokens: usize,
}

impl Corpus {
    fn new(sentences: &[Vec<String>], min_count: usize) -> Corpus {
        let mut freq: HashMap<&str, usize> = HashMap::default();
        let mut tokens = 0;
        for s in sentences {
            for w in s {
                *freq.entry(w.as_str()).or_default() += 1;
                tokens += 1;
            }
        }
        // Most frequent first, ties by spelling: the order of the passes and of the first classes.
        let mut vocab: Vec<(&str, usize)> = freq.into_iter().filter(|&(_, n)| n >= min_count).collect();
        vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let id: HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i as u32)).collect();
        let rare = vocab.len() as u32;
        let boundary = rare + 1;
        let mut left: Vec<HashMap<u32, u32>> = vec![HashMap::default(); vocab.len()];
        let mut right: Vec<HashMap<u32, u32>> = vec![HashMap::default(); vocab.len()];
        for s in sentences {
            let ids: Vec<u32> = s.iter().map(|w| id.get(w.as_str()).copied().unwrap_or(rare)).collect();
            for (k, &w) in ids.iter().enumerate() {
                if w >= rare {
                    continue;
                }
                let before = if k == 0 { boundary } else { ids[k - 1] };
                let after = ids.get(k + 1).copied().unwrap_or(boundary);
                *left[w as usize].entry(before).or_default() += 1;
                *right[w as usize].entry(after).or_default() += 1;
            }
        }
        let sorted = |m: HashMap<u32, u32>| {
            let mut v: Vec<(u32, u32)> = m.into_iter().collect();
            v.sort_unstable();
            v
        };
        Corpus {
            counts: vocab.iter().map(|&(_, n)| n as u32).collect(),
            vocab: vocab.into_iter().map(|(w, _)| w.to_owned()).collect(),
            left: left.into_iter().map(sorted).collect(),
            right: right.into_iter().map(sorted).collect(),
            contexts: boundary as usize + 1,
            tokens,
        }
    }
}

/// `x ln x` for counts, tabulated.
struct XLogX(Vec<f64>);

impl XLogX {
    fn new(max: usize) -> XLogX {
        XLogX((0..=max).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect())
    }
    #[inline]
    fn at(&self, x: u32) -> f64 {
        self.0[x as usize]
    }
}

/// Moves words between `k` classes until no move raises the likelihood (or `max_passes`).
#[allow(clippy::needless_range_loop, reason = "`w` indexes the vocabulary's counts, neighbours and classes")]
fn exchange(corpus: &Corpus, k: usize, max_passes: usize, log: &mut impl FnMut(&str)) -> Vec<u16> {
    let v = corpus.vocab.len();
    let mut class: Vec<u16> = (0..v).map(|i| (i % k) as u16).collect();
    // `before[c * k + class]`: how often context word `c` comes just before a word of `class`;
    // `after` likewise for just after. Rows per context word keep a word's scan contiguous.
    let mut before = vec![0u32; corpus.contexts * k];
    let mut after = vec![0u32; corpus.contexts * k];
    let mut size = vec![0u32; k];
    for w in 0..v {
        let c = class[w] as usize;
        size[c] += corpus.counts[w];
        for &(ctx, n) in &corpus.left[w] {
            before[ctx as usize * k + c] += n;
        }
        for &(ctx, n) in &corpus.right[w] {
            after[ctx as usize * k + c] += n;
        }
    }
    let f = XLogX::new(corpus.tokens + 1);
    let mut gain = vec![0f64; k];
    for pass in 1..=max_passes {
        let mut moved = 0;
        for w in 0..v {
            let (old, n_w) = (class[w] as usize, corpus.counts[w]);
            // Take the word out, then put it where it adds the most (ties: the lower class).
            size[old] -= n_w;
            for &(ctx, n) in &corpus.left[w] {
                before[ctx as usize * k + old] -= n;
            }
            for &(ctx, n) in &corpus.right[w] {
                after[ctx as usize * k + old] -= n;
            }
            for (g, &s) in gain.iter_mut().zip(&size) {
                *g = -2.0 * (f.at(s + n_w) - f.at(s));
            }
            for (table, neighbours) in [(&before, &corpus.left[w]), (&after, &corpus.right[w])] {
                for &(ctx, n) in neighbours {
                    let row = &table[ctx as usize * k..(ctx as usize + 1) * k];
                    for (g, &x) in gain.iter_mut().zip(row) {
                        *g += f.at(x + n) - f.at(x);
                    }
                }
            }
            let mut best = old;
            // The first class that beats staying by more than rounding: no oscillation on ties.
            for (c, &g) in gain.iter().enumerate() {
                if g > gain[best] + 1e-9 {
                    best = c;
                }
            }
            if best != old {
                moved += 1;
            }
            class[w] = best as u16;
            size[best] += n_w;
            for &(ctx, n) in &corpus.left[w] {
                before[ctx as usize * k + best] += n;
            }
            for &(ctx, n) in &corpus.right[w] {
                after[ctx as usize * k + best] += n;
            }
        }
        log(&format!("{k} classes, pass {pass}: {moved} words moved"));
        if moved * 1000 < v {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<Vec<String>> {
        text.lines().map(|l| l.split_whitespace().map(str::to_owned).collect()).collect()
    }

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        let mut text = String::new();
        for (name, city) in [("Kohl", "Bonn"), ("Chirac", "Paris"), ("Yeltsin", "Moscow"), ("Major", "London")] {
            for _ in 0..3 {
                text.push_str(&format!("President {name} said on Monday in {city} .\n"));
                text.push_str(&format!("talks in {city} with {name} said .\n"));
            }
        }
        let config = ClassConfig { min_count: 2, coarse: 2, fine: 4, max_passes: 10 };
        let tsv = learn_classes(&sentences(&text), &config, |_| {});
        let classes = WordClasses::parse(&tsv, "learned").unwrap();
        let fine = |w: &str| classes.get(w).unwrap().1;
        assert_eq!(fine("Kohl"), fine("Yeltsin"));
        assert_eq!(fine("Bonn"), fine("Moscow"));
        assert_ne!(fine("Kohl"), fine("Bonn"));
        // Deterministic: the same text gives the same file.
        assert_eq!(tsv, learn_classes(&sentences(&text), &config, |_| {}));
    }

    #[test]
    fn codes_fall_back_from_capitals_and_reject_bad_lines() {
        let classes = WordClasses::parse("Reuters\t1\t2\nsaid\t0\t5\n", "t").unwrap();
        assert_eq!(classes.code("Reuters"), (1 << 16) | 3);
        assert_eq!(classes.code("REUTERS"), (1 << 16) | 3);
        assert_eq!(classes.code("SAID"), 6);
        assert_eq!(classes.code("Gdansk"), 0);
        let err = WordClasses::parse("x\t1\n", "data/word-classes.tsv").unwrap_err().to_string();
        assert!(err.starts_with("data/word-classes.tsv:1:"), "{err}");
        assert!(WordClasses::parse("x\t1\t2\nx\t1\t2\n", "t").is_err());
    }

    #[test]
    fn cluster_paths_join_the_classes_and_fall_back_separately() {
        let classes = WordClasses::parse("Reuters\t1\t2\nsaid\t0\t5\n", "t")
            .unwrap()
            .with_clusters("# comment\nreuters\t0110\nBaku\t1\nsaid\t00\n", "c")
            .unwrap();
        assert_eq!(classes.len(), 2, "only words with classes count");
        // `REUTERS` takes its classes from `Reuters` and its path from `reuters`.
        let codes = classes.codes(&["REUTERS", "Baku", "said", "Said"]);
        assert_eq!((codes[0].own, codes[0].path), ((1 << 16) | 3, 0b10110));
        assert_eq!((codes[1].own, codes[1].path), (0, 0b11));
        assert_eq!((codes[2].own, codes[2].path, codes[2].lower), (6, 0b100, 0));
        assert_eq!(
            (codes[3].own, codes[3].path, codes[3].lower),
            (0, 0, 6),
            "`Said` is not `said`, but reads its class"
        );
        assert_eq!(codes[0].path_prefix(2), 0b101);
        assert_ne!(
            classes.fingerprint(),
            WordClasses::parse("Reuters\t1\t2\nsaid\t0\t5\n", "t").unwrap().fingerprint()
        );
        for (bad, what) in [("x\t012\n", "0 and 1"), ("x\n", "tab"), ("x\t1\nx\t0\n", "twice"), ("x\t\n", "0 and 1")] {
            let err = WordClasses::default().with_clusters(bad, "data/brown-clusters.tsv").unwrap_err().to_string();
            assert!(err.starts_with("data/brown-clusters.tsv:") && err.contains(what), "{err}");
        }
    }

    #[test]
    fn lower_word_key_is_the_key_of_the_lowercase_form() {
        for w in ["Reuters", "REUTERS", "said", "Ünal", "ǅemal", "東京"] {
            assert_eq!(lower_word_key(w), word_key(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn builtin_clusters_load() {
        let classes = WordClasses::builtin().unwrap();
        assert!(classes.path("Munich").is_some() && classes.path("Baku").is_some());
        assert_eq!(classes.path("Baku").map(|p| p >> 3), classes.path("Munich"), "`Baku` extends `Munich`'s path");
    }
}
