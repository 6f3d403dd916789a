//! `exports/` must hold the graph of `examples/articles` as the README command builds it today.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

#[test]
fn exports_are_up_to_date() {
    let fresh = tempdir();
    build_examples(fresh.path(), &["--format", "ttl,nt,nq,dot,json"]);
    for f in ["graph.ttl", "graph.nt", "graph.nq", "graph.dot", "graph.json"] {
        let committed = root().join("exports").join(f);
        let want = read(&fresh.path().join(f));
        let have = std::fs::read_to_string(&committed).unwrap_or_default();
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
