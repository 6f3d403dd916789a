//! `exports/` must hold the graph of `examples/articles` as the README command builds it today.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

#[test]
fn exports_are_up_to_date() {
    let fresh = tempdir();
    build_examples(fresh.path(), &["--format", "ttl,nt,nq,dot,json,html"]);
    for f in ["graph.ttl", "graph.nt", "graph.nq", "graph.dot", "graph.json", "graph.html"] {
        let committed = root().join("exports").join(f);
        // The page's picture is Graphviz's drawing, which depends on its version (and is absent
        // without it): everything else of the page must match.
        let want = without_svg(&read(&fresh.path().join(f)));
        let have = without_svg(&std::fs::read_to_string(&committed).unwrap_or_default());
        if have != want {
            let line = have
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(have.lines().count().min(want.lines().count()));
            panic!(
                "exports/{f} is stale (first difference at line {}): run `cargo run --release -- build examples/articles --out exports`\n  committed: {:?}\n  fresh:     {:?}",
                line + 1,
                have.lines().nth(line),
                want.lines().nth(line)
            );
        }
    }
}

/// The text with an inline `<svg>…</svg>` (or the note standing for it) cut out.
fn without_svg(text: &str) -> String {
    let start = text.find("<div id=\"viewport\">");
    let end = text.find("</div>\n</section>");
    match (start, end) {
        (Some(s), Some(e)) if s < e => format!("{}{}", &text[..s], &text[e..]),
        _ => text.to_owned(),
    }
}
