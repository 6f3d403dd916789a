//! The Graphviz layout a picture gets, chosen by its size, and the node labels it can afford.
//!
//! `dot` (layered, left to right) reads best for a few articles but stacks every connected
//! component in one column, so a folder of articles became a picture 6 times taller than wide.
//! Above [`SFDP_ABOVE`] entities we write `layout=sfdp` (force-directed, fast on thousands of
//! nodes) with `overlap=prism` (no node hides another), which Graphviz honours from the file itself.

/// Pictures with more entities than this are laid out by `sfdp`, smaller ones by `dot`.
pub const SFDP_ABOVE: usize = 150;

/// Up to this many relations `sfdp` routes edges around nodes (`splines=true`); above it edges
/// are drawn as curves (`splines=curved`). Routing costs grow about with the cube of the size:
/// on this project's 2-core machine `sfdp -Tsvg` took 3.4 s for 152 nodes and 172 edges, 12.6 s
/// for 200 and 354, 38 s for 300 and 550 (`/usr/bin/time`); curves take 0.2 s for 300 nodes and
/// 2.4 s for the 2,973 connected entities of the whole BBC corpus.
pub const ROUTED_EDGES_UP_TO: usize = 250;

/// Labels longer than this are shortened in `sfdp` pictures (the full label is the tooltip).
pub const SHORT_LABEL_CHARS: usize = 28;

/// A Graphviz layout engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Layered, left to right (`rankdir=LR`): small pictures and `--dot-by-document` clusters.
    Dot,
    /// Scalable force-directed placement, for pictures of hundreds or thousands of entities.
    Sfdp,
}

impl Engine {
    /// The engine's name, as `layout=` and `-K` take it.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Dot => "dot",
            Engine::Sfdp => "sfdp",
        }
    }
}

/// The layout of one picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The engine.
    pub engine: Engine,
    /// Whether edges are routed around nodes (`splines=true`) rather than curved.
    pub routed: bool,
}

impl Layout {
    /// The layout for a picture of `nodes` entities and `edges` relations. Clusters by document
    /// need `dot`, the one engine here that draws clusters.
    pub fn choose(nodes: usize, edges: usize, by_document: bool) -> Layout {
        let engine = if nodes > SFDP_ABOVE && !by_document { Engine::Sfdp } else { Engine::Dot };
        Layout { engine, routed: engine == Engine::Dot || edges <= ROUTED_EDGES_UP_TO }
    }

    /// The layout part of the `graph [...]` attributes.
    pub fn graph_attributes(&self) -> String {
        match self.engine {
            Engine::Dot => "layout=dot, rankdir=LR".to_owned(),
            Engine::Sfdp => {
                let splines = if self.routed { "true" } else { "curved" };
                format!("layout=sfdp, overlap=prism, splines={splines}")
            }
        }
    }

    /// Whether node labels are shortened (and edge labels left to tooltips and the legend): in a
    /// force-directed picture long labels widen every node and edge labels pile up on crossings.
    pub fn compact(&self) -> bool {
        self.engine == Engine::Sfdp
    }
}

/// Labels of `dot` pictures are wrapped at this many characters a line.
pub const WRAP_LABEL_CHARS: usize = 32;

/// `label` broken into lines of at most `width` characters at spaces (a longer word keeps its line).
///
/// ```
/// use newsgraph::export::wrap;
/// assert_eq!(wrap("Talks of Antony J. Blinken and Ilham Aliyev in Munich", 24), "Talks of Antony J.\nBlinken and Ilham Aliyev\nin Munich");
/// ```
pub fn wrap(label: &str, width: usize) -> String {
    let mut out = String::with_capacity(label.len() + 4);
    let mut line = 0;
    for word in label.split(' ').filter(|w| !w.is_empty()) {
        let n = word.chars().count();
        if line > 0 && line + 1 + n > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += n;
    }
    out
}

/// `label` cut to at most `max` characters at a word boundary, with `…` (unchanged when short).
///
/// ```
/// use newsgraph::export::shorten;
/// assert_eq!(shorten("Meeting of Tony Blair, Silvio Berlusconi and Gerhard Schroeder", 28), "Meeting of Tony Blair,…");
/// assert_eq!(shorten("Tony Blair", 28), "Tony Blair");
/// ```
pub fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_owned();
    }
    let cut: String = label.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i >= cut.len() / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_and_splines_follow_the_size() {
        assert_eq!(Layout::choose(20, 30, false), Layout { engine: Engine::Dot, routed: true });
        assert_eq!(Layout::choose(152, 172, false), Layout { engine: Engine::Sfdp, routed: true });
        assert_eq!(Layout::choose(300, 550, false), Layout { engine: Engine::Sfdp, routed: false });
        assert_eq!(Layout::choose(300, 550, true).engine, Engine::Dot);
        assert!(Layout::choose(152, 172, false).graph_attributes().contains("overlap=prism, splines=true"));
        assert_eq!(Layout::choose(20, 30, false).graph_attributes(), "layout=dot, rankdir=LR");
    }

    #[test]
    fn shortening_keeps_words_and_characters_whole() {
        assert_eq!(shorten("Ильхам Алиев встретился с Блинкеном в Мюнхене", 20), "Ильхам Алиев…");
        assert_eq!(shorten("Supercalifragilisticexpialidocious", 10), "Supercali…");
        assert!(shorten(&"x ".repeat(40), 28).chars().count() <= 28);
        assert_eq!(wrap("a  b", 10), "a b");
        assert_eq!(wrap("Supercalifragilisticexpialidocious x", 10), "Supercalifragilisticexpialidocious\nx");
    }
}
