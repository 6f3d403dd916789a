//! The legend: a `cluster_legend` subgraph with one node per entity type (its shape and colour),
//! one edge per relation type (its colour, line and arrowhead), and a line saying what the picture
//! leaves out. It is drawn from the same style table as the picture.

use super::style::{edge_style, node_style, relation_label};
use super::{dot_escape, FONT};
use crate::model::{EntityType, RelationType};
use std::io::{self, Write};

/// Writes the legend cluster; `note` (what was left out, how many are shown) becomes its last line.
pub fn write_legend<W: Write>(w: &mut W, note: &str) -> io::Result<()> {
    writeln!(w, "  subgraph cluster_legend {{")?;
    writeln!(
        w,
        "    graph [id=\"legend\", label=\"Legend\", fontname=\"{FONT}\", fontsize=14, style=\"rounded,filled\", fillcolor=\"#fbfbfb\", color=\"#bbbbbb\"];"
    )?;
    writeln!(w, "    node [fontsize=11];")?;
    for t in EntityType::ALL {
        let s = node_style(t);
        writeln!(
            w,
            "    \"legend:{0}\" [id=\"legend:{0}\", class=\"legend\", label=\"{0}\", shape={1}, fillcolor=\"{2}\"];",
            t.as_str(),
            s.shape,
            s.fill
        )?;
    }
    for t in RelationType::ALL {
        let s = edge_style(t);
        let name = t.as_str();
        for end in ["from", "to"] {
            writeln!(
                w,
                "    \"legend:{name}:{end}\" [id=\"legend:{name}:{end}\", class=\"legend\", shape=point, width=0.06, color=\"#888888\"];"
            )?;
        }
        writeln!(
            w,
            "    \"legend:{name}:from\" -> \"legend:{name}:to\" [id=\"legend:{name}\", class=\"legend {name}\", label=\"{}\", color=\"{}\", fontcolor=\"{}\", style={}, arrowhead={}, minlen=2];",
            relation_label(t),
            s.color,
            s.color,
            s.line,
            s.arrowhead
        )?;
    }
    // Invisible edges line the entity types up in a row above the relation examples.
    for pair in EntityType::ALL.windows(2) {
        writeln!(w, "    \"legend:{}\" -> \"legend:{}\" [style=invis];", pair[0].as_str(), pair[1].as_str())?;
    }
    if !note.is_empty() {
        writeln!(
            w,
            "    \"legend:note\" [id=\"legend:note\", class=\"legend\", shape=plaintext, style=\"\", fontsize=11, label=\"{}\"];",
            dot_escape(note)
        )?;
    }
    writeln!(w, "  }}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_node_per_entity_type_and_one_edge_per_relation_type() {
        let mut out = Vec::new();
        write_legend(&mut out, "Shown: 3 of 4 \"entities\"").unwrap();
        let text = String::from_utf8(out).unwrap();
        for t in EntityType::ALL {
            assert!(text.contains(&format!("label=\"{}\", shape={}", t.as_str(), node_style(t).shape)));
        }
        let edges = text.lines().filter(|l| l.contains("-> ") && !l.contains("invis")).count();
        assert_eq!(edges, RelationType::ALL.len());
        assert!(text.contains("label=\"Shown: 3 of 4 \\\"entities\\\"\""));
        assert!(text.starts_with("  subgraph cluster_legend {"));
    }
}
