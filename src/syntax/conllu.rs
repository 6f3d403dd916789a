//! CoNLL-U, the Universal Dependencies file format: a reader and a writer.
//!
//! Why our own: the format is ten tab-separated columns a line and the crates that read it bring
//! whole treebank toolkits. Multi-word token lines (`15-16 participants’`) and empty nodes
//! (`8.1`) are kept aside: the tagger and parser work on syntactic words, as the UD evaluation
//! does on gold tokenization.

use crate::error::{Error, Result};
use std::fmt::Write as _;

/// One syntactic word of a sentence (a line whose id is a whole number).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    /// The word form (column 2).
    pub form: String,
    /// The lemma (column 3), `_` when unknown.
    pub lemma: String,
    /// The universal part-of-speech tag (column 4).
    pub upos: String,
    /// The language-specific tag, Penn Treebank for English (column 5).
    pub xpos: String,
    /// Morphological features (column 6), as written.
    pub feats: String,
    /// The head's 1-based index, 0 for the root (column 7).
    pub head: usize,
    /// The dependency relation to the head (column 8), subtype included (`nmod:poss`).
    pub deprel: String,
    /// Enhanced dependencies (column 9), as written.
    pub deps: String,
    /// Anything else (column 10), as written (`SpaceAfter=No`).
    pub misc: String,
}

/// A sentence: its comment lines, its words, and any multi-word token or empty-node lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// Comment lines without their leading `# ` (`sent_id = x`, `text = ...`).
    pub comments: Vec<String>,
    /// The syntactic words, in order (word `i` has id `i + 1`).
    pub words: Vec<Word>,
    /// Lines that are not syntactic words (ranges `1-2`, empty nodes `3.1`), each with the
    /// index of the word it stands before, kept so that writing gives the file back.
    pub extra: Vec<(usize, String)>,
}

impl Sentence {
    /// The value of a `key = value` comment (`text`, `sent_id`).
    ///
    /// ```
    /// let s = &newsgraph::syntax::parse_conllu("# text = Hi\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n", "x").unwrap()[0];
    /// assert_eq!(s.comment("text"), Some("Hi"));
    /// ```
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| c.strip_prefix(key)?.trim_start().strip_prefix('=').map(str::trim))
    }

    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// Reads a CoNLL-U file.
pub fn read_conllu(path: &std::path::Path) -> Result<Vec<Sentence>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_conllu(&text, &path.display().to_string())
}

fn bad(name: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Data { source_name: name.to_string(), line, message: message.into() }
}

/// Parses CoNLL-U text; `name` names it in errors (with the line number).
///
/// ```
/// let text = "# text = It works.\n1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tworks\twork\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
/// let sentences = newsgraph::syntax::parse_conllu(text, "example").unwrap();
/// assert_eq!(sentences[0].words[1].head, 0);
/// assert_eq!(newsgraph::syntax::write_conllu(&sentences), text);
/// ```
pub fn parse_conllu(text: &str, name: &str) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !current.words.is_empty() || !current.comments.is_empty() {
                finish(&mut current, name, n)?;
                out.push(std::mem::take(&mut current));
            }
        } else if let Some(c) = line.strip_prefix('#') {
            current.comments.push(c.strip_prefix(' ').unwrap_or(c).to_string());
        } else {
            word_line(&mut current, line, name, n)?;
        }
    }
    if !current.words.is_empty() || !current.comments.is_empty() {
        finish(&mut current, name, text.lines().count())?;
        out.push(current);
    }
    Ok(out)
}

fn word_line(s: &mut Sentence, line: &str, name: &str, n: usize) -> Result<()> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(bad(name, n, format!("expected 10 tab-separated columns, found {}", cols.len())));
    }
    if cols[0].contains(['-', '.']) {
        s.extra.push((s.words.len(), line.to_string()));
        return Ok(());
    }
    let id: usize = cols[0].parse().map_err(|_| bad(name, n, format!("bad word id `{}`", cols[0])))?;
    if id != s.words.len() + 1 {
        return Err(bad(name, n, format!("word id {id} out of order (expected {})", s.words.len() + 1)));
    }
    let head = match cols[6] {
        "_" => usize::MAX,
        h => h.parse().map_err(|_| bad(name, n, format!("bad head `{h}`")))?,
    };
    s.words.push(Word {
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos: cols[3].to_string(),
        xpos: cols[4].to_string(),
        feats: cols[5].to_string(),
        head,
        deprel: cols[7].to_string(),
        deps: cols[8].to_string(),
        misc: cols[9].to_string(),
    });
    Ok(())
}

/// Checks that heads point inside the sentence (`_` heads are left as `usize::MAX`: unparsed).
fn finish(s: &mut Sentence, name: &str, n: usize) -> Result<()> {
    let len = s.words.len();
    if let Some(w) = s.words.iter().find(|w| w.head != usize::MAX && w.head > len) {
        return Err(bad(name, n, format!("head {} of `{}` is past the sentence's {len} words", w.head, w.form)));
    }
    Ok(())
}

/// Writes sentences as CoNLL-U (a blank line after each); unknown heads are written `_`.
pub fn write_conllu(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(&mut out, s);
    }
    out
}

fn write_sentence(out: &mut String, s: &Sentence) {
    for c in &s.comments {
        out.push_str("# ");
        out.push_str(c);
        out.push('\n');
    }
    let mut extra = s.extra.iter().peekable();
    for (i, w) in s.words.iter().enumerate() {
        while let Some((_, line)) = extra.next_if(|(at, _)| *at == i) {
            out.push_str(line);
            out.push('\n');
        }
        let head = if w.head == usize::MAX { "_".to_string() } else { w.head.to_string() };
        let cols = [&w.form, &w.lemma, &w.upos, &w.xpos, &w.feats, &head, &w.deprel, &w.deps, &w.misc];
        let _ = write!(out, "{}", i + 1);
        for c in cols {
            out.push('\t');
            out.push_str(if c.is_empty() { "_" } else { clean(c) });
        }
        out.push('\n');
    }
    for (_, line) in extra {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

/// A column value must not hold tabs or line breaks (they would break the format).
fn clean(c: &str) -> &str {
    if c.contains(['\t', '\n', '\r']) {
        "_"
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = a-1\n# text = Zurbarán’s art\n1-2\tZurbarán’s\t_\t_\t_\t_\t_\t_\t_\t_\n1\tZurbarán\tZurbarán\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t3:nmod:poss\t_\n2\t’s\t’s\tPART\tPOS\t_\t1\tcase\t1:case\t_\n3\tart\tart\tNOUN\tNN\tNumber=Sing\t0\troot\t0:root\t_\n\n# sent_id = a-2\n1\tOk\tok\tINTJ\tUH\t_\t0\troot\t0:root\t_\n1.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t1:orphan\t_\n\n";

    #[test]
    fn round_trip_keeps_every_line() {
        let s = parse_conllu(SAMPLE, "sample").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].forms(), ["Zurbarán", "’s", "art"]);
        assert_eq!(s[0].words[0].deprel, "nmod:poss");
        assert_eq!(s[0].comment("sent_id"), Some("a-1"));
        assert_eq!(s[1].words.len(), 1);
        assert_eq!(write_conllu(&s), SAMPLE);
    }

    #[test]
    fn bad_lines_name_the_file_and_line() {
        let e = parse_conllu("1\tx\tx\tX\tX\t_\t0\troot\t_\n", "f.conllu").unwrap_err().to_string();
        assert_eq!(e, "f.conllu:1: expected 10 tab-separated columns, found 9");
        let e = parse_conllu("2\tx\tx\tX\tX\t_\t0\troot\t_\t_\n", "f.conllu").unwrap_err().to_string();
        assert!(e.contains("f.conllu:1: word id 2 out of order"), "{e}");
        let e = parse_conllu("1\tx\tx\tX\tX\t_\t5\troot\t_\t_\n\n", "f.conllu").unwrap_err().to_string();
        assert!(e.contains("head 5"), "{e}");
    }

    #[test]
    fn reads_the_treebanks_when_present() {
        let path = std::path::Path::new("../shared/data/ud/gum-dev.conllu");
        if !path.exists() {
            return;
        }
        let s = read_conllu(path).unwrap();
        assert_eq!(s.len(), 629);
        assert_eq!(s.iter().map(|s| s.words.len()).sum::<usize>(), 14_521);
    }
}
