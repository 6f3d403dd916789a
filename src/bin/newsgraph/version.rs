//! `newsgraph --version`: the program's version and the shipped models' and data's.

use std::fmt::Write;

/// The text after `newsgraph `: the crate version, then one line a part of the shipped data with
/// its size, a fingerprint of its bytes and its files.
pub fn long_version() -> String {
    let mut text = env!("CARGO_PKG_VERSION").to_owned();
    text.push_str("\nshipped data (FNV-1a 64 of the bytes compiled in):");
    for part in newsgraph::shipped::parts() {
        let files: Vec<&str> = part.files.iter().map(|f| f.path).collect();
        let size = indicatif::HumanBytes(part.size() as u64).to_string();
        let _ = write!(text, "\n  {:<15}{:016x}  {size:>10}  {}", part.name, part.fingerprint(), files.join(", "));
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_part_has_a_line() {
        let text = super::long_version();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], env!("CARGO_PKG_VERSION"));
        for (line, name) in lines[2..].iter().zip(["NER model", "parser model", "taxonomy", "knowledge base"]) {
            assert!(line.trim_start().starts_with(name), "{line}");
        }
        assert_eq!(lines.len(), 6);
    }
}
