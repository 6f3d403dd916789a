//! Each article's text with its entities highlighted by type, as spaCy's displaCy shows a
//! document: every mention becomes a `<mark>` that names its entity, so a click finds it in the graph.

use super::escape;
use crate::model::Document;
use crate::model::Entity;
use crate::model::Span;
use std::io::{self, Write};

/// Writes `text` with `marks` (mention span, entity) as nested `<mark>` elements. Marks are taken
/// in text order, longest first at a position; one that crosses the end of an open mark (or
/// repeats its span) is left out, so the markup always nests.
pub fn write_marked<W: Write>(
    w: &mut W,
    doc_index: usize,
    doc: &Document,
    marks: &mut [(Span, &Entity)],
) -> io::Result<()> {
    let text = doc.text.as_str();
    marks.sort_by(|a, b| {
        (a.0.start, std::cmp::Reverse(a.0.end), &a.1.id).cmp(&(b.0.start, std::cmp::Reverse(b.0.end), &b.1.id))
    });
    let mut open: Vec<Span> = Vec::new();
    let mut at = 0;
    for &(span, entity) in marks.iter() {
        if span.is_empty() || text.get(span.start..span.end).is_none() || span.start < at {
            continue;
        }
        while let Some(top) = open.last().copied().filter(|top| top.end <= span.start) {
            w.write_all(escape(&text[at..top.end]).as_bytes())?;
            w.write_all(b"</mark>")?;
            at = top.end;
            open.pop();
        }
        if open.last().is_some_and(|top| span.end > top.end || *top == span) {
            continue;
        }
        w.write_all(escape(&text[at..span.start]).as_bytes())?;
        let t = entity.etype.as_str();
        write!(
            w,
            "<mark id=\"m-{doc_index}-{}-{}\" class=\"t-{t}\" data-id=\"{}\" data-t=\"{}\" title=\"{} ({t})\">",
            span.start,
            span.end,
            escape(entity.id.as_str()),
            t.to_uppercase(),
            escape(&entity.label)
        )?;
        at = span.start;
        open.push(span);
    }
    while let Some(top) = open.pop() {
        w.write_all(escape(&text[at..top.end]).as_bytes())?;
        w.write_all(b"</mark>")?;
        at = top.end;
    }
    w.write_all(escape(&text[at..]).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityId;
    use crate::model::EntityType;

    #[test]
    fn marks_nest_and_crossing_ones_are_left_out() {
        let doc = Document::from_text("d", "d", "Azerbaijan's Foreign Minister met <Blinken> & co.");
        let minister = Entity::new(EntityId("person/fm".into()), EntityType::Person, "Azerbaijan's Foreign Minister");
        let az = Entity::new(EntityId("country/az".into()), EntityType::Country, "Azerbaijan");
        let crossing = Entity::new(EntityId("org/x".into()), EntityType::Organization, "Minister met");
        let blinken = Entity::new(EntityId("person/b".into()), EntityType::Person, "Blinken \"A\"");
        let mut marks = vec![
            (Span::new(35, 42), &blinken),
            (Span::new(0, 10), &az),
            (Span::new(21, 33), &crossing),
            (Span::new(0, 29), &minister),
        ];
        let mut out = Vec::new();
        write_marked(&mut out, 0, &doc, &mut marks).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert_eq!(
            html,
            "<mark id=\"m-0-0-29\" class=\"t-Person\" data-id=\"person/fm\" data-t=\"PERSON\" title=\"Azerbaijan&#39;s Foreign Minister (Person)\">\
             <mark id=\"m-0-0-10\" class=\"t-Country\" data-id=\"country/az\" data-t=\"COUNTRY\" title=\"Azerbaijan (Country)\">Azerbaijan</mark>\
             &#39;s Foreign Minister</mark> met &lt;\
             <mark id=\"m-0-35-42\" class=\"t-Person\" data-id=\"person/b\" data-t=\"PERSON\" title=\"Blinken &quot;A&quot; (Person)\">Blinken</mark>\
             &gt; &amp; co."
        );
    }
}
