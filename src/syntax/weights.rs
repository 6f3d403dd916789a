//! Linear models over hashed features: the averaged perceptron that trains them, and the compact
//! table of 16-bit weights that the tagger and parser read.
//!
//! Why sparse rows: a feature row has a weight for every class (120 tags, 50 labels), but the
//! perceptron only moves the weights of the classes it confused, so a row holds a handful of
//! non-zero weights. Storing those alone keeps the tagger's and parser's tables at a few
//! megabytes, and a feature never seen in training costs one bit test.

use crate::error::{Error, Result};
use rustc_hash::FxHashMap;

/// Reduces a feature hash to a row of a table of `1 << bits` rows.
#[inline]
pub fn bucket(h: u64, bits: u32) -> u32 {
    ((h ^ (h >> 29) ^ (h >> 43)) as u32) & ((1u32 << bits) - 1)
}

/// Weights during training: float rows created on first update, with the running sums that make
/// averaging cheap (the average is `w - u / step`).
#[derive(Debug, Clone)]
pub struct Perceptron {
    classes: usize,
    bits: u32,
    index: FxHashMap<u32, u32>,
    w: Vec<f32>,
    u: Vec<f32>,
    step: f32,
}

impl Perceptron {
    /// An empty model of `classes` classes over `1 << bits` hashed rows.
    pub fn new(classes: usize, bits: u32) -> Perceptron {
        Perceptron { classes, bits, index: FxHashMap::default(), w: Vec::new(), u: Vec::new(), step: 1.0 }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the current weights of `features`' rows to `scores` (one per class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for &f in features {
            if let Some(&at) = self.index.get(&bucket(f, self.bits)) {
                let row = &self.w[at as usize..at as usize + self.classes];
                scores.iter_mut().zip(row).for_each(|(s, w)| *s += w);
            }
        }
    }

    /// Moves the weights of `features` toward `good` and away from `bad`.
    pub fn update(&mut self, features: &[u64], good: usize, bad: usize) {
        for &f in features {
            let at = self.row(bucket(f, self.bits));
            self.w[at + good] += 1.0;
            self.u[at + good] += self.step;
            self.w[at + bad] -= 1.0;
            self.u[at + bad] -= self.step;
        }
    }

    /// Adds `delta` to the weights of class `class` in `features`' rows (a structured update
    /// moves the gold sequence's features up and the predicted one's down, step by step).
    pub fn add(&mut self, features: &[u64], class: usize, delta: f32) {
        for &f in features {
            let at = self.row(bucket(f, self.bits));
            self.w[at + class] += delta;
            self.u[at + class] += self.step * delta;
        }
    }

    /// Counts one training example (the averaging weighs every example alike).
    pub fn tick(&mut self) {
        self.step += 1.0;
    }

    fn row(&mut self, b: u32) -> usize {
        let next = self.w.len() as u32;
        let at = *self.index.entry(b).or_insert(next) as usize;
        if at == self.w.len() {
            self.w.resize(at + self.classes, 0.0);
            self.u.resize(at + self.classes, 0.0);
        }
        at
    }

    /// The averaged weights, quantized to 16 bits.
    pub fn averaged(&self) -> Table {
        let mut rows: Vec<u32> = self.index.keys().copied().collect();
        rows.sort_unstable();
        let avg = |i: usize| self.w[i] - self.u[i] / self.step;
        let max = (0..self.w.len()).map(|i| avg(i).abs()).fold(0.0f32, f32::max);
        let scale = if max > 0.0 { 32_000.0 / max } else { 1.0 };
        let mut builder = TableBuilder::new(self.classes, self.bits);
        for b in rows {
            let at = self.index[&b] as usize;
            let entries = (0..self.classes).filter_map(|c| {
                let q = (avg(at + c) * scale).round() as i16;
                (q != 0).then_some((c as u16, q))
            });
            builder.push(b, entries);
        }
        builder.finish()
    }
}

/// A number a table's weights add up into (`i32` when decoding, `f32` in a beam).
pub trait Score: Copy + Default + std::ops::AddAssign + From<i16> {}

impl Score for i32 {}
impl Score for f32 {}

/// Quantized weights: for each present row, its non-zero (class, weight) entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    classes: usize,
    bits: u32,
    /// A bit per row: whether it has any weight.
    present: Vec<u64>,
    /// For each word of `present`, how many rows are present before it.
    before: Vec<u32>,
    /// Where each present row's entries start in `entries` (one more at the end).
    starts: Vec<u32>,
    /// Class in the high 16 bits, weight in the low 16.
    entries: Vec<u32>,
    /// For tables of at most [`DENSE_CLASSES`] classes (the parser's moves), every present row's
    /// weights in full, zeros included: one read a feature instead of two.
    dense: Vec<i16>,
}

/// How many features [`Table::score`] looks up before reading their weights.
const CHUNK: usize = 128;

/// Tables with this many classes or fewer also keep their rows dense.
const DENSE_CLASSES: usize = 4;

struct TableBuilder {
    table: Table,
    last: Option<u32>,
}

impl TableBuilder {
    fn new(classes: usize, bits: u32) -> TableBuilder {
        let words = ((1usize << bits) / 64).max(1);
        let table = Table {
            classes,
            bits,
            present: vec![0; words],
            before: Vec::new(),
            starts: vec![0],
            entries: Vec::new(),
            dense: Vec::new(),
        };
        TableBuilder { table, last: None }
    }

    /// Adds a row; rows come in increasing order. A row without entries is left out.
    fn push(&mut self, row: u32, entries: impl Iterator<Item = (u16, i16)>) {
        let t = &mut self.table;
        let before = t.entries.len();
        t.entries.extend(entries.map(|(c, w)| (u32::from(c) << 16) | u32::from(w as u16)));
        if t.entries.len() > before {
            debug_assert!(self.last.is_none_or(|l| l < row));
            self.last = Some(row);
            t.present[row as usize / 64] |= 1 << (row % 64);
            t.starts.push(t.entries.len() as u32);
        }
    }

    /// Adds a row from its stored little-endian entries, without building them one by one (a
    /// model of millions of rows loads in milliseconds). Returns false if an entry's class is
    /// past the table's classes.
    fn push_stored(&mut self, row: u32, stored: &[u8]) -> bool {
        let t = &mut self.table;
        let before = t.entries.len();
        t.entries.extend(stored.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])));
        if t.entries[before..].iter().any(|&e| (e >> 16) as usize >= t.classes) {
            return false;
        }
        if t.entries.len() > before {
            self.last = Some(row);
            t.present[row as usize / 64] |= 1 << (row % 64);
            t.starts.push(t.entries.len() as u32);
        }
        true
    }

    fn finish(mut self) -> Table {
        let mut count = 0u32;
        self.table.before = self
            .table
            .present
            .iter()
            .map(|w| {
                let b = count;
                count += w.count_ones();
                b
            })
            .collect();
        let t = &mut self.table;
        if t.classes <= DENSE_CLASSES {
            t.dense = vec![0; (t.starts.len() - 1) * t.classes];
            for (row, span) in t.starts.windows(2).enumerate() {
                for &e in &t.entries[span[0] as usize..span[1] as usize] {
                    t.dense[row * t.classes + (e >> 16) as usize] = e as u16 as i16;
                }
            }
        }
        self.table
    }
}

impl Table {
    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of present rows and of stored weights.
    pub fn size(&self) -> (usize, usize) {
        (self.starts.len() - 1, self.entries.len())
    }

    /// The index of the present row a feature hashes to, if it has one.
    #[inline]
    fn row_index(&self, feature: u64) -> Option<usize> {
        let r = bucket(feature, self.bits);
        let (word, bit) = (r as usize / 64, r % 64);
        let bits = self.present[word];
        if bits & (1 << bit) == 0 {
            return None;
        }
        Some((self.before[word] + (bits & ((1u64 << bit) - 1)).count_ones()) as usize)
    }

    /// The present rows of up to [`CHUNK`] features, and how many there are.
    #[inline]
    fn row_indices(&self, features: &[u64]) -> ([usize; CHUNK], usize) {
        let mut rows = [0usize; CHUNK];
        let mut n = 0;
        for &f in features.iter().take(CHUNK) {
            if let Some(i) = self.row_index(f) {
                rows[n] = i;
                n += 1;
            }
        }
        (rows, n)
    }

    /// Sums the weights of `features`' rows into `scores` (one per class), after clearing it.
    ///
    /// Why in three passes (find the rows, read where their weights start, add the weights): each
    /// step is a read from a table of megabytes that the processor's cache rarely holds; passes
    /// of independent reads let it wait for many at once instead of one after another.
    #[inline]
    pub fn score<T: Score>(&self, features: &[u64], scores: &mut [T]) {
        scores.fill(T::default());
        if !self.dense.is_empty() {
            return self.score_dense(features, scores);
        }
        for chunk in features.chunks(CHUNK) {
            let (rows, n) = self.row_indices(chunk);
            let mut spans = [(0u32, 0u32); CHUNK];
            for (span, &i) in spans.iter_mut().zip(&rows[..n]) {
                *span = (self.starts[i], self.starts[i + 1]);
            }
            for &(s, e) in &spans[..n] {
                for &x in &self.entries[s as usize..e as usize] {
                    if let Some(score) = scores.get_mut((x >> 16) as usize) {
                        *score += T::from(x as u16 as i16);
                    }
                }
            }
        }
    }

    /// [`Table::score`] for a table with dense rows.
    #[inline]
    fn score_dense<T: Score>(&self, features: &[u64], scores: &mut [T]) {
        let k = self.classes;
        for chunk in features.chunks(CHUNK) {
            let (rows, n) = self.row_indices(chunk);
            for &i in &rows[..n] {
                for (s, &w) in scores.iter_mut().zip(&self.dense[i * k..i * k + k]) {
                    *s += T::from(w);
                }
            }
        }
    }

    /// The table without its weights of magnitude below `min` (rows left empty are dropped).
    ///
    /// Why: most of an averaged perceptron's weights are tiny corrections that hardly ever change
    /// a decision; dropping them shrinks the shipped model several times over (see
    /// data/syntax.md for what it costs in accuracy).
    pub fn pruned(&self, min: i16) -> Table {
        let mut builder = TableBuilder::new(self.classes, self.bits);
        let mut i = 0;
        for (w, &bits) in self.present.iter().enumerate() {
            for b in (0..64).filter(|b| bits & (1 << b) != 0) {
                let entries = &self.entries[self.starts[i] as usize..self.starts[i + 1] as usize];
                let kept = entries
                    .iter()
                    .map(|&e| ((e >> 16) as u16, e as u16 as i16))
                    .filter(|(_, w)| w.unsigned_abs() >= min.unsigned_abs());
                builder.push((w * 64 + b) as u32, kept);
                i += 1;
            }
        }
        builder.finish()
    }

    /// Writes the table: classes, bits, row count, then each row's number, length and entries.
    pub fn write(&self, out: &mut Vec<u8>) {
        for v in [self.classes as u32, self.bits, (self.starts.len() - 1) as u32] {
            out.extend(v.to_le_bytes());
        }
        let mut i = 0;
        for (w, &bits) in self.present.iter().enumerate() {
            for b in (0..64).filter(|b| bits & (1 << b) != 0) {
                let (s, e) = (self.starts[i] as usize, self.starts[i + 1] as usize);
                out.extend(((w * 64 + b) as u32).to_le_bytes());
                out.extend(((e - s) as u16).to_le_bytes());
                self.entries[s..e].iter().for_each(|x| out.extend(x.to_le_bytes()));
                i += 1;
            }
        }
    }

    /// Reads a table written by [`Table::write`] from the front of `bytes`, advancing it.
    pub fn read(bytes: &mut &[u8], name: &str) -> Result<Table> {
        let mut r = Reader { bytes, name };
        let (classes, bits, rows) = (r.u32()? as usize, r.u32()?, r.u32()?);
        if !(6..=28).contains(&bits) || classes > u16::MAX as usize {
            return Err(r.error("bad table header"));
        }
        let mut builder = TableBuilder::new(classes, bits);
        // Room for every row, and for as many entries as the bytes left could hold (memory the
        // system only hands over as it is written), so that nothing is copied as the table grows.
        builder.table.starts.reserve(rows as usize);
        builder.table.entries.reserve(r.bytes.len().saturating_sub(6 * rows as usize) / 4);
        for _ in 0..rows {
            let row = r.u32()?;
            if row >> bits != 0 || builder.last.is_some_and(|l| l >= row) {
                return Err(r.error("rows out of order or out of range"));
            }
            let n = r.u16()? as usize;
            let stored = r.take(4 * n)?;
            if !builder.push_stored(row, stored) {
                return Err(r.error("weight of a class past the table's classes"));
            }
        }
        Ok(builder.finish())
    }
}

/// Reads little-endian numbers from a model file, naming it in errors.
pub(crate) struct Reader<'a, 'b> {
    /// What is left to read.
    pub bytes: &'b mut &'a [u8],
    /// The file's name.
    pub name: &'b str,
}

impl Reader<'_, '_> {
    pub(crate) fn error(&self, message: &str) -> Error {
        Error::Data { source_name: self.name.to_string(), line: 0, message: message.to_string() }
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&[u8]> {
        if self.bytes.len() < n {
            return Err(self.error("truncated model file"));
        }
        let (head, rest) = self.bytes.split_at(n);
        *self.bytes = rest;
        Ok(head)
    }

    pub(crate) fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub(crate) fn u16(&mut self) -> Result<u16> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perceptron_learns_and_table_round_trips() {
        let mut p = Perceptron::new(3, 10);
        for _ in 0..5 {
            p.update(&[1, 2], 2, 0);
            p.tick();
            p.update(&[3], 1, 2);
            p.tick();
        }
        let t = p.averaged();
        let mut scores = [0i32; 3];
        t.score(&[1, 2], &mut scores);
        assert!(scores[2] > scores[0] && scores[2] > scores[1], "{scores:?}");
        t.score(&[3], &mut scores);
        assert!(scores[1] > scores[2]);
        t.score(&[999], &mut scores);
        assert_eq!(scores, [0, 0, 0]);
        let mut bytes = Vec::new();
        t.write(&mut bytes);
        let mut slice = bytes.as_slice();
        assert_eq!(Table::read(&mut slice, "t").unwrap(), t);
        assert!(slice.is_empty());
        let mut short = &bytes[..bytes.len() - 1];
        assert!(Table::read(&mut short, "t").unwrap_err().to_string().contains("truncated"));
    }
}
