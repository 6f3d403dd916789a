//! Entity tags: BILOU over four CoNLL types, and spans.

/// The CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NerType {
    /// People.
    Per,
    /// Organizations.
    Org,
    /// Locations.
    Loc,
    /// Miscellaneous names (nationalities, events, works).
    Misc,
}

impl NerType {
    /// All types, in tag order.
    pub const ALL: [NerType; 4] = [NerType::Per, NerType::Org, NerType::Loc, NerType::Misc];

    /// `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            NerType::Per => "PER",
            NerType::Org => "ORG",
            NerType::Loc => "LOC",
            NerType::Misc => "MISC",
        }
    }

    /// Parses `PER`, `ORG`, `LOC`, `MISC`.
    pub fn parse(s: &str) -> Option<NerType> {
        NerType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// A tag index: 0 is `O`; then for each type `B`, `I`, `L`, `U` (BILOU: Begin, Inside, Last, Unit).
///
/// BILOU rather than BIO: the tagger then knows where a name ends, which Ratinov and Roth
/// (2009) found worth about a point of F1 on CoNLL-2003.
pub type Tag = u8;

/// Number of tags.
pub const N_TAGS: usize = 17;

/// The `O` tag.
pub const OUTSIDE: Tag = 0;

/// The part of a name a tag marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// First token of a multi-token name.
    Begin,
    /// Middle token.
    Inside,
    /// Last token of a multi-token name.
    Last,
    /// A one-token name.
    Unit,
}

/// Builds a tag.
pub fn tag(t: NerType, part: Part) -> Tag {
    let ti = NerType::ALL.iter().position(|&x| x == t).unwrap_or(0) as u8;
    let pi = match part {
        Part::Begin => 0,
        Part::Inside => 1,
        Part::Last => 2,
        Part::Unit => 3,
    };
    1 + ti * 4 + pi
}

/// Splits a tag into type and part (`None` for `O`).
pub fn split(tag: Tag) -> Option<(NerType, Part)> {
    if tag == OUTSIDE || tag as usize >= N_TAGS {
        return None;
    }
    let i = tag - 1;
    let part = match i % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((NerType::ALL[(i / 4) as usize], part))
}

/// Whether `next` may follow `prev` in a well-formed BILOU sequence.
pub fn allowed(prev: Tag, next: Tag) -> bool {
    let open = matches!(split(prev), Some((_, Part::Begin | Part::Inside)));
    match (split(prev), split(next)) {
        (Some((pt, _)), Some((nt, Part::Inside | Part::Last))) if open => pt == nt,
        (_, Some((_, Part::Inside | Part::Last))) => false,
        _ => !open,
    }
}

/// Whether a tag may end a sentence.
pub fn may_end(tag: Tag) -> bool {
    !matches!(split(tag), Some((_, Part::Begin | Part::Inside)))
}

/// For each tag, the set of tags that may follow it, as bits (bit `t` for tag `t`).
pub const FOLLOWERS: [u32; N_TAGS] = {
    let mut out = [0u32; N_TAGS];
    let mut prev = 0;
    while prev < N_TAGS {
        let mut next = 0;
        while next < N_TAGS {
            if allowed_const(prev as Tag, next as Tag) {
                out[prev] |= 1 << next;
            }
            next += 1;
        }
        prev += 1;
    }
    out
};

/// The tags that may end a sentence, as bits.
pub const ENDING: u32 = {
    let mut out = 0u32;
    let mut t = 0;
    while t < N_TAGS {
        // B (part 0) and I (part 1) leave a name open.
        if t == 0 || (t - 1) % 4 >= 2 {
            out |= 1 << t;
        }
        t += 1;
    }
    out
};

/// [`allowed`] for constant tables: tag `1 + 4 * type + part`, parts B, I, L, U.
const fn allowed_const(prev: Tag, next: Tag) -> bool {
    let open = prev != 0 && (prev - 1) % 4 < 2;
    let continues = next != 0 && matches!((next - 1) % 4, 1 | 2);
    if open {
        continues && (prev - 1) / 4 == (next - 1) / 4
    } else {
        !continues
    }
}

/// A name: tokens `start..end` of a sentence, and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NerSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Type.
    pub ty: NerType,
}

/// Spans of a BILOU tag sequence (lenient: a stray `I`/`L` starts a span, as conlleval does).
pub fn spans_of(tags: &[Tag]) -> Vec<NerSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerType)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            None => {
                if let Some((s, ty)) = open.take() {
                    out.push(NerSpan { start: s, end: i, ty });
                }
            }
            Some((ty, part)) => {
                let continues = matches!(part, Part::Inside | Part::Last) && open.is_some_and(|(_, oty)| oty == ty);
                if !continues {
                    if let Some((s, oty)) = open.take() {
                        out.push(NerSpan { start: s, end: i, ty: oty });
                    }
                    open = Some((i, ty));
                }
                if matches!(part, Part::Last | Part::Unit) {
                    if let Some((s, oty)) = open.take() {
                        out.push(NerSpan { start: s, end: i + 1, ty: oty });
                    }
                }
            }
        }
    }
    if let Some((s, ty)) = open {
        out.push(NerSpan { start: s, end: tags.len(), ty });
    }
    out
}

/// BILOU tags of spans over `n` tokens.
pub fn tags_of(spans: &[NerSpan], n: usize) -> Vec<Tag> {
    let mut tags = vec![OUTSIDE; n];
    for s in spans {
        if s.end - s.start == 1 {
            tags[s.start] = tag(s.ty, Part::Unit);
        } else {
            tags[s.start] = tag(s.ty, Part::Begin);
            for t in &mut tags[s.start + 1..s.end - 1] {
                *t = tag(s.ty, Part::Inside);
            }
            tags[s.end - 1] = tag(s.ty, Part::Last);
        }
    }
    tags
}

/// IOB2 labels (`B-PER`, `I-PER`, `O`) of a tag sequence's spans, as CoNLL files write them.
///
/// ```
/// use newsgraph::ner::{iob2, tags_of, NerSpan, NerType};
/// let tags = tags_of(&[NerSpan { start: 1, end: 3, ty: NerType::Per }], 4);
/// assert_eq!(iob2(&tags), ["O", "B-PER", "I-PER", "O"]);
/// ```
pub fn iob2(tags: &[Tag]) -> Vec<String> {
    let mut out = vec!["O".to_owned(); tags.len()];
    for s in spans_of(tags) {
        for (k, label) in out[s.start..s.end].iter_mut().enumerate() {
            *label = format!("{}-{}", if k == 0 { 'B' } else { 'I' }, s.ty.as_str());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_transitions() {
        let spans = vec![
            NerSpan { start: 0, end: 1, ty: NerType::Org },
            NerSpan { start: 2, end: 5, ty: NerType::Per },
            NerSpan { start: 5, end: 7, ty: NerType::Loc },
        ];
        let tags = tags_of(&spans, 8);
        assert_eq!(spans_of(&tags), spans);
        for w in tags.windows(2) {
            assert!(allowed(w[0], w[1]), "{w:?}");
        }
        let b_per = tag(NerType::Per, Part::Begin);
        assert!(!allowed(b_per, OUTSIDE));
        assert!(!allowed(b_per, tag(NerType::Loc, Part::Last)));
        assert!(!allowed(OUTSIDE, tag(NerType::Loc, Part::Inside)));
        assert!(!may_end(b_per));
        for prev in 0..N_TAGS as Tag {
            assert_eq!(ENDING & (1 << prev) != 0, may_end(prev));
            for next in 0..N_TAGS as Tag {
                assert_eq!(FOLLOWERS[prev as usize] & (1 << next) != 0, allowed(prev, next), "{prev} {next}");
            }
        }
    }
}
