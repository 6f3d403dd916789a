//! Tagging, lemma and attachment scores on gold tokenization, computed as the CoNLL 2018 shared
//! task's `conll18_ud_eval.py` does, so our figures compare with published ones.
//!
//! Why our own: that script is Python and also aligns differing tokenizations; on gold tokens the
//! alignment is the identity, so what remains is counting. As there: every word counts (punctuation
//! included), LAS compares only the universal part of the relation (`nmod` for `nmod:poss`), and a
//! gold lemma `_` matches anything. We add UAS/LAS without punctuation (gold `PUNCT` words left out),
//! the figure older papers report.

use super::Sentence;
use crate::error::{Error, Result};
use std::fmt;

/// Counts of correct words over a set of sentences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Words compared.
    pub words: usize,
    /// Words with the gold UPOS.
    pub upos: usize,
    /// Words with the gold XPOS.
    pub xpos: usize,
    /// Words with the gold lemma.
    pub lemma: usize,
    /// Words with the gold head.
    pub uas: usize,
    /// Words with the gold head and universal relation.
    pub las: usize,
    /// Words whose gold UPOS is not `PUNCT`.
    pub words_no_punct: usize,
    /// Of those, words with the gold head.
    pub uas_no_punct: usize,
    /// Of those, words with the gold head and universal relation.
    pub las_no_punct: usize,
}

/// The universal part of a relation: `nmod:poss` → `nmod`.
fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

impl Scores {
    /// Adds a predicted sentence scored against its gold one; fails when the two do not have
    /// the same words (the scores are for gold tokenization).
    ///
    /// ```
    /// use newsgraph::syntax::{parse_conllu, Scores};
    /// let gold = parse_conllu("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n", "gold").unwrap();
    /// let mut scores = Scores::default();
    /// scores.add(&gold[0], &gold[0]).unwrap();
    /// assert_eq!(scores.summary_line(), "UPOS 100.00 XPOS 100.00 LEMMA 100.00 UAS 100.00 LAS 100.00");
    /// ```
    pub fn add(&mut self, gold: &Sentence, predicted: &Sentence) -> Result<()> {
        check_same_words(gold, predicted)?;
        for (g, p) in gold.words.iter().zip(&predicted.words) {
            let head = g.head == p.head;
            let labelled = head && universal(&g.deprel) == universal(&p.deprel);
            self.words += 1;
            self.upos += usize::from(g.upos == p.upos);
            self.xpos += usize::from(g.xpos == p.xpos);
            self.lemma += usize::from(g.lemma == "_" || g.lemma == p.lemma);
            self.uas += usize::from(head);
            self.las += usize::from(labelled);
            if g.upos != "PUNCT" {
                self.words_no_punct += 1;
                self.uas_no_punct += usize::from(head);
                self.las_no_punct += usize::from(labelled);
            }
        }
        Ok(())
    }

    /// Scores whole treebanks: gold and predicted sentences pairwise (same count required).
    pub fn of(gold: &[Sentence], predicted: &[Sentence]) -> Result<Scores> {
        if gold.len() != predicted.len() {
            let message = format!("{} gold sentences but {} predicted", gold.len(), predicted.len());
            return Err(Error::Data { source_name: "evaluation".to_string(), line: 0, message });
        }
        let mut scores = Scores::default();
        for (g, p) in gold.iter().zip(predicted) {
            scores.add(g, p)?;
        }
        Ok(scores)
    }

    /// UPOS accuracy in percent.
    pub fn upos_percent(&self) -> f64 {
        percent(self.upos, self.words)
    }
    /// XPOS accuracy in percent.
    pub fn xpos_percent(&self) -> f64 {
        percent(self.xpos, self.words)
    }
    /// Lemma accuracy in percent.
    pub fn lemma_percent(&self) -> f64 {
        percent(self.lemma, self.words)
    }
    /// Unlabelled attachment score in percent, punctuation included.
    pub fn uas_percent(&self) -> f64 {
        percent(self.uas, self.words)
    }
    /// Labelled attachment score in percent, punctuation included.
    pub fn las_percent(&self) -> f64 {
        percent(self.las, self.words)
    }
    /// Unlabelled attachment score in percent over non-punctuation words.
    pub fn uas_no_punct_percent(&self) -> f64 {
        percent(self.uas_no_punct, self.words_no_punct)
    }
    /// Labelled attachment score in percent over non-punctuation words.
    pub fn las_no_punct_percent(&self) -> f64 {
        percent(self.las_no_punct, self.words_no_punct)
    }

    /// The one-line summary: `UPOS 95.10 XPOS 94.20 LEMMA 97.00 UAS 88.00 LAS 85.00`.
    pub fn summary_line(&self) -> String {
        format!(
            "UPOS {:.2} XPOS {:.2} LEMMA {:.2} UAS {:.2} LAS {:.2}",
            self.upos_percent(),
            self.xpos_percent(),
            self.lemma_percent(),
            self.uas_percent(),
            self.las_percent()
        )
    }

    /// A longer report: the summary's figures, the no-punctuation attachment scores and counts.
    pub fn report(&self) -> String {
        format!(
            "words {}\nUPOS  {:.2}\nXPOS  {:.2}\nLEMMA {:.2}\nUAS   {:.2}\nLAS   {:.2}\nUAS without punctuation {:.2} ({} words)\nLAS without punctuation {:.2}\n",
            self.words,
            self.upos_percent(),
            self.xpos_percent(),
            self.lemma_percent(),
            self.uas_percent(),
            self.las_percent(),
            self.uas_no_punct_percent(),
            self.words_no_punct,
            self.las_no_punct_percent()
        )
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary_line())
    }
}

/// Gold and predicted must be the same words, else the comparison means nothing.
fn check_same_words(gold: &Sentence, predicted: &Sentence) -> Result<()> {
    let name = gold.comment("sent_id").unwrap_or("(sentence without sent_id)");
    let bad = |message: String| Error::Data { source_name: name.to_string(), line: 0, message };
    if gold.words.len() != predicted.words.len() {
        return Err(bad(format!("{} gold words but {} predicted", gold.words.len(), predicted.words.len())));
    }
    match gold.words.iter().zip(&predicted.words).position(|(g, p)| g.form != p.form) {
        Some(i) => {
            let (g, p) = (&gold.words[i].form, &predicted.words[i].form);
            Err(bad(format!("word {} is `{g}` in gold but `{p}` predicted", i + 1)))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse_conllu;

    const GOLD: &str = "# sent_id = s1\n\
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n\
        2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n\
        3\tran\trun\tVERB\tVBD\t_\t0\troot\t_\t_\n\
        4\thome\thome\tADV\tRB\t_\t3\tadvmod\t_\t_\n\
        5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    // Wrong: `dog` XPOS and lemma; `ran` head is right but `home` has a wrong head; `.` has the
    // right head and a wrong relation; `The` has a subtype the gold lacks (still a LAS match).
    const PREDICTED: &str = "# sent_id = s1\n\
        1\tThe\tthe\tDET\tDT\t_\t2\tdet:x\t_\t_\n\
        2\tdog\tdogs\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n\
        3\tran\trun\tVERB\tVBD\t_\t0\troot\t_\t_\n\
        4\thome\thome\tNOUN\tNN\t_\t2\tobj\t_\t_\n\
        5\t.\t.\tPUNCT\t.\t_\t3\tobj\t_\t_\n\n";

    #[test]
    fn hand_made_pair_gives_known_counts() {
        let gold = parse_conllu(GOLD, "gold").unwrap();
        let predicted = parse_conllu(PREDICTED, "predicted").unwrap();
        let s = Scores::of(&gold, &predicted).unwrap();
        let want = Scores {
            words: 5,
            upos: 4,
            xpos: 3,
            lemma: 4,
            uas: 4,
            las: 3,
            words_no_punct: 4,
            uas_no_punct: 3,
            las_no_punct: 3,
        };
        assert_eq!(s, want);
        assert_eq!(s.to_string(), "UPOS 80.00 XPOS 60.00 LEMMA 80.00 UAS 80.00 LAS 60.00");
        assert!(s.report().contains("UAS without punctuation 75.00 (4 words)"), "{}", s.report());
        assert!(s.report().contains("LAS without punctuation 75.00"));
    }

    #[test]
    fn different_words_are_an_error_naming_the_sentence() {
        let gold = parse_conllu(GOLD, "gold").unwrap();
        let other = parse_conllu(&PREDICTED.replace("\tdog\t", "\tcat\t"), "p").unwrap();
        let e = Scores::default().add(&gold[0], &other[0]).unwrap_err().to_string();
        assert_eq!(e, "s1:0: word 2 is `dog` in gold but `cat` predicted");
        let short = parse_conllu("1\tThe\tthe\tDET\tDT\t_\t0\troot\t_\t_\n\n", "p").unwrap();
        assert!(Scores::default().add(&gold[0], &short[0]).is_err());
    }

    #[test]
    fn gold_underscore_lemma_matches_anything_and_empty_scores_are_zero() {
        let gold = parse_conllu("1\tx\t_\tX\tFW\t_\t0\troot\t_\t_\n\n", "g").unwrap();
        let predicted = parse_conllu("1\tx\ty\tX\tFW\t_\t0\troot\t_\t_\n\n", "p").unwrap();
        assert_eq!(Scores::of(&gold, &predicted).unwrap().lemma, 1);
        assert_eq!(Scores::default().summary_line(), "UPOS 0.00 XPOS 0.00 LEMMA 0.00 UAS 0.00 LAS 0.00");
    }
}
