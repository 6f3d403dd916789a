//! The command line on awkward input: bad files, stdin, JSONL, hostile labels, failures midway.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::io::Write;
use std::process::Stdio;

#[test]
fn bad_files_are_named_and_the_rest_go_through() {
    let input = tempdir();
    let out = tempdir();
    std::fs::write(input.path().join("good.txt"), "Talks\n\nPresident Ilham Aliyev met Mr John Smith in Baku.")
        .unwrap();
    std::fs::write(input.path().join("latin1.txt"), b"Caf\xe9 talks in Paris.").unwrap();
    std::fs::write(input.path().join("image.md"), b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();
    let run = newsgraph(&[
        "build",
        input.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("latin1.txt: not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("image.md: binary data"), "{stderr}");
    let json = read(&out.path().join("graph.json"));
    assert!(json.contains("\"Ilham Aliyev\"") && json.contains("\"John Smith\""));
}

#[test]
fn a_failed_run_leaves_earlier_files_untouched() {
    let out = tempdir();
    let ttl = out.path().join("graph.ttl");
    std::fs::write(&ttl, "previous run\n").unwrap();
    // SVG needs Graphviz; with no `dot` on PATH the run fails after Turtle was produced.
    let run = newsgraph_with(
        &["build", "examples/articles", "--out", out.path().to_str().unwrap(), "--format", "ttl,svg"],
        |c| {
            c.env("PATH", "/nonexistent");
        },
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("cannot run Graphviz"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(read(&ttl), "previous run\n");
    let left: Vec<String> =
        std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(left, ["graph.ttl"], "no temporary or partial file remains");
}

#[test]
fn unknown_format_and_bad_base_iri_are_clear_errors() {
    let out = tempdir();
    let run = newsgraph(&["build", "examples/articles", "--out", out.path().to_str().unwrap(), "--format", "ttl,xml"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("unknown format \"xml\""));
    let run =
        newsgraph(&["build", "examples/articles", "--out", out.path().to_str().unwrap(), "--base-iri", "not an iri"]);
    assert!(String::from_utf8_lossy(&run.stderr).contains("--base-iri"));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn stdin_and_jsonl_with_hostile_text() {
    let dir = tempdir();
    let feed = dir.path().join("feed.jsonl");
    let record = serde_json::json!({
        "id": "q1",
        "title": "Quotes \"inside\", a back\\slash, <angle> brackets\nand a new line",
        "date": "2024-05-01",
        "url": "https://example.test/q1",
        "text": "President Ильхам Алиев met Mr Jean-Claude O'Brien in Baku. The talks focused on counterterrorism.",
    });
    std::fs::write(&feed, format!("{record}\n")).unwrap();
    let out = dir.path().join("out");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["build", "-", feed.to_str().unwrap(), "--out", out.to_str().unwrap(), "--format", "ttl,nt,nq,dot,json"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("Secretary of State Antony J. Blinken visited Kyiv.".as_bytes()).unwrap();
    let run = child.wait_with_output().unwrap();
    ok(&run);
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("graph.json"))).unwrap();
    let labels: Vec<&str> = json["entities"].as_array().unwrap().iter().map(|e| e["label"].as_str().unwrap()).collect();
    for want in ["Ильхам Алиев", "Jean-Claude O'Brien", "Antony J. Blinken", "Kyiv", "Terrorism"] {
        assert!(labels.contains(&want), "{want} missing from {labels:?}");
    }
    assert_eq!(json["documents"][0]["id"], "stdin");
    assert_eq!(json["documents"][1]["title"], record["title"]);
    // Every file still parses: oxttl here, rapper and Graphviz when installed.
    let nt = read(&out.join("graph.nt"));
    let triples: Vec<oxrdf::Triple> =
        oxttl::NTriplesParser::new().for_slice(nt.as_bytes()).map(|t| t.unwrap()).collect();
    assert!(triples.iter().any(|t| t.object.to_string().contains("back\\\\slash")), "the title survives escaped");
    for t in oxttl::TurtleParser::new().for_slice(read(&out.join("graph.ttl")).as_bytes()) {
        t.unwrap();
    }
    rapper_count(&out.join("graph.ttl"), "turtle");
    rapper_count(&out.join("graph.nt"), "ntriples");
    rapper_count(&out.join("graph.nq"), "nquads");
    if let Some(svg) = render_dot(&out.join("graph.dot")) {
        assert!(svg.contains("Ильхам Алиев"));
    }
}

#[test]
fn a_users_taxonomy_replaces_the_builtin_one() {
    let dir = tempdir();
    let taxonomy = dir.path().join("mine.ttl");
    std::fs::write(
        &taxonomy,
        r#"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.test/themes/environment> a skos:Concept ; skos:prefLabel "Environment"@en .
<https://example.test/themes/water> a skos:Concept ; skos:prefLabel "Water security"@en ; skos:hiddenLabel "drought", "reservoirs" ;
  skos:broader <https://example.test/themes/environment> ."#,
    )
    .unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Drought talks\n\nPresident Ilham Aliyev met Mr John Smith in Baku to discuss the drought and human rights.",
    )
    .unwrap();
    let out = dir.path().join("out");
    ok(&newsgraph(&[
        "build",
        article.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "json,nt",
        "--taxonomy",
        taxonomy.to_str().unwrap(),
    ]));
    let json = read(&out.join("graph.json"));
    assert!(json.contains("\"theme/water\"") && json.contains("\"Water security\""));
    assert!(!json.contains("Human rights"), "the built-in taxonomy is replaced");
    // The user's IRIs and hierarchy, not IRIs under our base.
    let nt = read(&out.join("graph.nt"));
    assert!(nt.contains(
        "<https://example.test/themes/water> <http://www.w3.org/2004/02/skos/core#broader> <https://example.test/themes/environment> ."
    ));
    assert!(!nt.contains("newsgraph.dev/id/theme/"));
    let bad = dir.path().join("bad.ttl");
    std::fs::write(&bad, "@prefix x: <http://x/> .\nx:a x:b .\n").unwrap();
    let run = newsgraph(&[
        "build",
        article.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--taxonomy",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("bad.ttl:2"), "{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn theme_depth_rolls_themes_up_to_iptc_top_level_topics() {
    let (full, top) = (tempdir(), tempdir());
    build_examples(full.path(), &["--format", "json"]);
    build_examples(top.path(), &["--format", "json", "--theme-depth", "1"]);
    let concepts = |dir: &std::path::Path| -> Vec<String> {
        let g: serde_json::Value = serde_json::from_str(&read(&dir.join("graph.json"))).unwrap();
        let mut c: Vec<String> = g["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == "Theme")
            .map(|e| e["attributes"]["concept"][0].as_str().unwrap().to_owned())
            .collect();
        c.sort();
        c
    };
    let (full, top) = (concepts(full.path()), concepts(top.path()));
    assert!(full.len() > 10 && full.iter().any(|c| !c.ends_with("000000")));
    assert!(!top.is_empty() && top.len() < full.len() / 2, "{top:?}");
    assert!(
        top.iter().all(|c| c.starts_with("http://cv.iptc.org/newscodes/mediatopic/") && c.ends_with("000000")),
        "{top:?}"
    );
    let (examples, out) = (root().join("examples/articles"), tempdir());
    let run =
        newsgraph(&["build", examples.to_str().unwrap(), "--out", out.path().to_str().unwrap(), "--theme-depth", "0"]);
    assert_eq!(run.status.code(), Some(2), "level 0 is refused");
}

#[test]
fn base_iri_sets_every_entity_iri() {
    let out = tempdir();
    build_examples(out.path(), &["--format", "nt", "--base-iri", "http://example.org/kg/"]);
    let nt = read(&out.path().join("graph.nt"));
    assert!(nt.contains("<http://example.org/kg/person/antony-j-blinken>"));
    assert!(!nt.contains("newsgraph.dev/id/"));
}

/// 1,600 articles, each a meeting of two people: a picture of 3,200 entities.
fn meetings_feed(dir: &std::path::Path) -> std::path::PathBuf {
    let feed = dir.join("people.jsonl");
    let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "za", "be", "do", "fu", "gi", "ha", "jo", "pe"];
    let name = |i: usize, k: usize| {
        let s = |j: usize| syllables[(i / 16usize.pow(j as u32)) % 16];
        let word = format!("{}{}{}", s(k), s(0), s(1));
        word[..1].to_uppercase() + &word[1..]
    };
    let mut lines = String::new();
    for i in 0..1600 {
        let text = format!("Mr {} {} met Mr {} {}o in Baku.", name(i, 2), name(i, 0), name(i, 1), name(i, 2));
        lines.push_str(&serde_json::json!({ "id": format!("p{i}"), "text": text }).to_string());
        lines.push('\n');
    }
    std::fs::write(&feed, lines).unwrap();
    feed
}

#[test]
fn large_graphs_get_a_picture_within_a_time_bound() {
    if !tool("dot", "-V") {
        return;
    }
    let dir = tempdir();
    let feed = meetings_feed(dir.path());
    let out = dir.path().join("out");
    let run = newsgraph(&["build", feed.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    ok(&run);
    let dot = read(&out.join("graph.dot"));
    assert!(dot.contains("layout=sfdp, overlap=prism, splines=curved"), "a large picture is laid out by sfdp");
    let svg = read(&out.join("graph.svg"));
    let nodes = svg.matches("class=\"node Person\"").count();
    assert!(nodes > 2000, "every person who met someone is drawn ({nodes})");
    // A bound too short to lay anything out: the run fails, says why, and writes nothing.
    let late = dir.path().join("late");
    let run = newsgraph(&["build", feed.to_str().unwrap(), "--out", late.to_str().unwrap(), "--svg-timeout", "0"]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("did not finish within 0 s") && stderr.contains("--top"), "{stderr}");
    assert_eq!(std::fs::read_dir(&late).map(|d| d.count()).unwrap_or(0), 0);
}
