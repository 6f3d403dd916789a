//! The data compiled into the library, and a fingerprint of each part.
//!
//! A graph depends on the models and lists it was built with as much as on the code, so
//! `newsgraph --version` names them. The fingerprints are computed from the embedded bytes
//! themselves, so they cannot go stale the way a version string written by hand would: edit
//! `data/themes.ttl`, rebuild, and the taxonomy's fingerprint changes.

/// One embedded file.
#[derive(Debug, Clone, Copy)]
pub struct DataFile {
    /// Its path in the repository (`data/ner.model`).
    pub path: &'static str,
    /// Its bytes, as compiled in.
    pub bytes: &'static [u8],
}

/// A part of the shipped data: a model or a knowledge source, and the files it is made of.
#[derive(Debug, Clone)]
pub struct DataPart {
    /// What it is (`"NER model"`).
    pub name: &'static str,
    /// Its files.
    pub files: Vec<DataFile>,
}

impl DataPart {
    /// Total size in bytes.
    pub fn size(&self) -> usize {
        self.files.iter().map(|f| f.bytes.len()).sum()
    }

    /// FNV-1a (64 bits) over each file's path, length and bytes: the same data gives the same
    /// fingerprint on every machine and every Rust version.
    pub fn fingerprint(&self) -> u64 {
        let mut hash = Fnv1a::default();
        for file in &self.files {
            hash.write(file.path.as_bytes());
            hash.write(&(file.bytes.len() as u64).to_le_bytes());
            hash.write(file.bytes);
        }
        hash.0
    }
}

/// The shipped parts: the NER model (with the word classes, clusters and place names its features
/// read), the parser model, the theme taxonomy and the knowledge base.
///
/// ```
/// let parts = newsgraph::shipped::parts();
/// let names: Vec<&str> = parts.iter().map(|p| p.name).collect();
/// assert_eq!(names, ["NER model", "parser model", "taxonomy", "knowledge base"]);
/// assert!(parts[0].size() > 1_000_000);
/// ```
pub fn parts() -> Vec<DataPart> {
    use crate::{kb, ner, syntax};
    let files: [(&'static str, &'static str, &'static [u8]); 13] = [
        ("NER model", "data/ner.model", ner::BUILTIN_MODEL),
        ("NER model", "data/word-classes.tsv", ner::BUILTIN_CLASSES.as_bytes()),
        ("NER model", "data/brown-clusters.tsv", ner::BUILTIN_CLUSTERS.as_bytes()),
        ("NER model", "data/geonames-places.txt", ner::GEONAMES_PLACES.as_bytes()),
        ("parser model", "data/syntax.model", syntax::BUILTIN_SYNTAX_MODEL),
        ("taxonomy", "data/iptc-mediatopics.ttl", kb::IPTC_MEDIA_TOPICS.as_bytes()),
        ("taxonomy", "data/themes.ttl", kb::BUILTIN_TAXONOMY.as_bytes()),
        ("taxonomy", "data/theme-phrases.tsv", kb::BUILTIN_PHRASES.as_bytes()),
        ("knowledge base", "data/countries.tsv", kb::COUNTRIES.as_bytes()),
        ("knowledge base", "data/places.tsv", kb::PLACES.as_bytes()),
        ("knowledge base", "data/organizations.tsv", kb::ORGANIZATIONS.as_bytes()),
        ("knowledge base", "data/events.tsv", kb::EVENTS.as_bytes()),
        ("knowledge base", "data/titles.tsv", kb::TITLES.as_bytes()),
    ];
    let mut parts: Vec<DataPart> = Vec::new();
    for (name, path, bytes) in files {
        match parts.last_mut() {
            Some(part) if part.name == name => part.files.push(DataFile { path, bytes }),
            _ => parts.push(DataPart { name, files: vec![DataFile { path, bytes }] }),
        }
    }
    parts
}

/// The 64-bit FNV-1a hash.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_its_published_test_vectors() {
        for (input, want) in
            [("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)]
        {
            let mut h = Fnv1a::default();
            h.write(input.as_bytes());
            assert_eq!(h.0, want, "{input:?}");
        }
    }

    #[test]
    fn every_file_is_the_one_in_data_and_a_change_moves_the_fingerprint() {
        for part in parts() {
            for file in &part.files {
                let on_disk = std::fs::read(file.path).unwrap();
                assert!(on_disk == file.bytes, "{} differs from what is compiled in", file.path);
            }
            let mut changed = part.clone();
            changed.files[0].bytes = &changed.files[0].bytes[1..];
            assert_ne!(part.fingerprint(), changed.fingerprint(), "{}", part.name);
        }
    }
}
