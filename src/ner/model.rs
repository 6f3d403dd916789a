//! The trained weights: a hashed feature table stored sparse, and what reads it.

use super::classes::WordClasses;
use super::features;
use super::tags::{Tag, N_TAGS};
use crate::error::{Error, Result};

/// Anything that scores a feature row for every tag.
pub trait Weights {
    /// Adds the weights of row `bucket` to `scores`.
    fn add_row(&self, bucket: u32, scores: &mut [f32; N_TAGS]);
    /// log2 of the number of rows.
    fn bits(&self) -> u32;
    /// Adds the weights of all the rows of `features` (hashes) to `scores`.
    fn add_features(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        for &f in features {
            self.add_row(features::bucket(f, self.bits()), scores);
        }
    }
    /// Adds the weights of the tag-sequence features (`prev2`, `prev` → each tag) to `scores`.
    fn add_transitions(&self, prev2: Tag, prev: Tag, scores: &mut [f32; N_TAGS]) {
        for f in features::transition_features(prev2, prev) {
            self.add_row(features::bucket(f, self.bits()), scores);
        }
    }
}

/// The rows that have weights, packed: a bit per row says whether it has any, and a running count
/// of those bits finds its place among them.
///
/// Why: the hashed table has a million rows of 17 tags (35 MB as 16-bit numbers), of which
/// training touches about 6%. Packed, the model takes about 2 MB, most of it in the processor's
/// cache, and a feature never seen in training (most rare words and their pairs) costs one bit
/// test. Rows stay dense (zeros included): adding a whole row is a few vector instructions, where
/// adding its non-zero weights one by one waits on each sum in turn. Both halve tagging time.
#[derive(Debug, Clone)]
struct PackedRows {
    present: Vec<u64>,
    /// For each word of `present`, how many rows are present before it.
    before: Vec<u32>,
    /// The present rows' weights, in row order.
    dense: Vec<[i16; N_TAGS]>,
}

impl PackedRows {
    fn new(bits: u32) -> PackedRows {
        PackedRows { present: vec![0; ((1usize << bits) / 64).max(1)], before: Vec::new(), dense: Vec::new() }
    }

    /// Adds a row unless all its weights are zero; rows come in increasing order and each once.
    fn push(&mut self, row: usize, weights: [i16; N_TAGS]) {
        if weights.iter().any(|&w| w != 0) {
            self.present[row / 64] |= 1 << (row % 64);
            self.dense.push(weights);
        }
    }

    fn finish(mut self) -> PackedRows {
        let mut count = 0u32;
        self.before = self
            .present
            .iter()
            .map(|w| {
                let b = count;
                count += w.count_ones();
                b
            })
            .collect();
        self
    }

    /// The row's weights, if it has any.
    #[inline]
    fn row(&self, row: u32) -> Option<&[i16; N_TAGS]> {
        let (word, bit) = (row as usize / 64, row % 64);
        let bits = self.present[word];
        if bits & (1 << bit) == 0 {
            return None;
        }
        self.dense.get((self.before[word] + (bits & ((1u64 << bit) - 1)).count_ones()) as usize)
    }

    /// Present rows in order with their weights.
    fn iter(&self) -> impl Iterator<Item = (usize, &[i16; N_TAGS])> + '_ {
        let rows = self
            .present
            .iter()
            .enumerate()
            .flat_map(|(w, &bits)| (0..64).filter(move |b| bits & (1 << b) != 0).map(move |b| w * 64 + b));
        rows.zip(&self.dense)
    }
}

/// A trained model: 16-bit weights of `1 << bits` hashed feature rows of [`N_TAGS`], and the word
/// classes its features read (the model file records their fingerprint; other classes are refused).
#[derive(Clone)]
pub struct NerModel {
    bits: u32,
    scale: f32,
    rows: PackedRows,
    classes: WordClasses,
    /// The tag-sequence weights for every (`prev2`, `prev`), summed once.
    transitions: Vec<[f32; N_TAGS]>,
}

impl std::fmt::Debug for NerModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NerModel {{ rows: {} of {} }}", self.rows.dense.len(), 1u64 << self.bits)
    }
}

const MAGIC: &[u8; 8] = b"NGNER002";
const HEADER: usize = 24;

/// The model shipped with newsgraph (`data/ner.model`, see `data/ner.md`).
pub const BUILTIN_MODEL: &[u8] = include_bytes!("../../data/ner.model");

impl Weights for NerModel {
    #[inline]
    fn add_row(&self, bucket: u32, scores: &mut [f32; N_TAGS]) {
        if let Some(row) = self.rows.row(bucket) {
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += f32::from(w);
            }
        }
    }
    fn bits(&self) -> u32 {
        self.bits
    }
    #[inline]
    fn add_transitions(&self, prev2: Tag, prev: Tag, scores: &mut [f32; N_TAGS]) {
        for (s, w) in scores.iter_mut().zip(&self.transitions[prev2 as usize * N_TAGS + prev as usize]) {
            *s += w;
        }
    }
}

impl NerModel {
    /// Completes a model from its rows: the summed transitions.
    fn assemble(bits: u32, scale: f32, rows: PackedRows, classes: WordClasses) -> NerModel {
        let mut model = NerModel { bits, scale, rows: rows.finish(), classes, transitions: Vec::new() };
        let mut transitions = vec![[0f32; N_TAGS]; N_TAGS * N_TAGS];
        for prev2 in 0..N_TAGS as Tag {
            for prev in 0..N_TAGS as Tag {
                for f in features::transition_features(prev2, prev) {
                    model.add_row(features::bucket(f, bits), &mut transitions[prev2 as usize * N_TAGS + prev as usize]);
                }
            }
        }
        model.transitions = transitions;
        model
    }

    /// Quantizes float weights (`1 << bits` rows of [`N_TAGS`]) to 16 bits.
    pub fn quantize(bits: u32, weights: &[f32], classes: WordClasses) -> NerModel {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut rows = PackedRows::new(bits);
        for (row, w) in weights.chunks(N_TAGS).enumerate() {
            let mut q = [0i16; N_TAGS];
            for (q, x) in q.iter_mut().zip(w) {
                *q = (x / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            rows.push(row, q);
        }
        NerModel::assemble(bits, scale, rows, classes)
    }

    /// The word classes the model reads.
    pub fn classes(&self) -> &WordClasses {
        &self.classes
    }

    /// The 16-bit weight of `tag` in `row` (0 when absent).
    pub fn weight(&self, row: u32, tag: Tag) -> i16 {
        self.rows.row(row).map_or(0, |w| w[tag as usize])
    }

    /// Serializes: magic, bits, scale, the word classes' fingerprint, then each non-zero row as
    /// (row delta in LEB128, count, (tag, weight)*).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.classes.fingerprint().to_le_bytes());
        let mut previous = 0usize;
        for (row, weights) in self.rows.iter() {
            let mut delta = (row - previous) as u32;
            previous = row;
            loop {
                let byte = (delta & 0x7f) as u8;
                delta >>= 7;
                if delta == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            out.push(weights.iter().filter(|&&w| w != 0).count() as u8);
            for (tag, w) in weights.iter().enumerate().filter(|(_, &w)| w != 0) {
                out.push(tag as u8);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`NerModel::to_bytes`], with the word classes it was trained with.
    pub fn from_bytes(bytes: &[u8], name: &str, classes: WordClasses) -> Result<NerModel> {
        let bad = |m: &str| Error::Data {
            source_name: name.into(),
            line: 0,
            message: format!("not a newsgraph NER model: {m}"),
        };
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(bad("bad header"));
        }
        let mut fingerprint = [0u8; 8];
        fingerprint.copy_from_slice(&bytes[16..24]);
        if u64::from_le_bytes(fingerprint) != classes.fingerprint() {
            return Err(bad("trained with other word classes than the ones given"));
        }
        let bits = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        let scale = f32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]);
        if !(8..=24).contains(&bits) {
            return Err(bad("bad table size"));
        }
        let n_rows = 1usize << bits;
        let mut rows = PackedRows::new(bits);
        let mut i = HEADER;
        let mut row = 0usize;
        let mut first = true;
        while i < bytes.len() {
            let mut delta = 0usize;
            let mut shift = 0;
            loop {
                let b = *bytes.get(i).ok_or_else(|| bad("truncated"))?;
                i += 1;
                delta |= ((b & 0x7f) as usize) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
                if shift > 28 {
                    return Err(bad("bad row number"));
                }
            }
            if delta == 0 && !first {
                return Err(bad("rows out of order"));
            }
            first = false;
            row += delta;
            let n = *bytes.get(i).ok_or_else(|| bad("truncated"))? as usize;
            i += 1;
            if row >= n_rows || n > N_TAGS || i + 3 * n > bytes.len() {
                return Err(bad("row out of range or truncated"));
            }
            let mut weights = [0i16; N_TAGS];
            for _ in 0..n {
                let t = bytes[i] as usize;
                if t >= N_TAGS {
                    return Err(bad("bad tag"));
                }
                weights[t] = i16::from_le_bytes([bytes[i + 1], bytes[i + 2]]);
                i += 3;
            }
            rows.push(row, weights);
        }
        Ok(NerModel::assemble(bits, scale, rows, classes))
    }

    /// The model shipped in the binary.
    pub fn builtin() -> Result<NerModel> {
        NerModel::from_bytes(BUILTIN_MODEL, "data/ner.model", WordClasses::builtin()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialization_round_trips_and_rejects_garbage() {
        let mut w = vec![0f32; (1 << 8) * N_TAGS];
        w[5] = 1.5;
        w[N_TAGS * 200 + 3] = -0.75;
        w[N_TAGS * 255 + 16] = 0.5;
        let classes = WordClasses::parse("a\t0\t1\n", "t").unwrap();
        let m = NerModel::quantize(8, &w, classes.clone());
        let back = NerModel::from_bytes(&m.to_bytes(), "t", classes).unwrap();
        assert_eq!(back.to_bytes(), m.to_bytes());
        assert_eq!(back.weight(0, 5), 32767);
        assert_eq!(back.weight(200, 3), -16384);
        assert_eq!(back.weight(255, 16), 10922);
        assert_eq!(back.weight(200, 4), 0);
        assert_eq!(back.weight(17, 3), 0);
        let mut scores = [0f32; N_TAGS];
        back.add_row(200, &mut scores);
        back.add_row(201, &mut scores);
        assert_eq!(scores[3], -16384.0);
        assert_eq!(scores.iter().filter(|&&s| s != 0.0).count(), 1);
        let mut truncated = m.to_bytes()[..HEADER].to_vec();
        truncated.push(0xff);
        assert!(NerModel::from_bytes(&truncated, "t", back.classes.clone()).is_err());
        let err = NerModel::from_bytes(b"garbage", "t", WordClasses::default()).unwrap_err().to_string();
        assert!(err.starts_with("t:0: not a newsgraph NER model"), "{err}");
        let err = NerModel::from_bytes(&m.to_bytes(), "t", WordClasses::default()).unwrap_err().to_string();
        assert!(err.contains("other word classes"), "{err}");
    }
}
