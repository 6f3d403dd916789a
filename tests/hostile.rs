//! Hostile input and faults, each a case that once broke a build: characters no output can carry,
//! special files and link loops in input folders, unreadable folders, writes killed half way,
//! closed pipes, look-alike document ids, bad bytes and odd encodings, argument order, and what
//! the command line says and exits with.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> PathBuf {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
    path.to_path_buf()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn document_ids(graph: &serde_json::Value) -> Vec<String> {
    graph["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap().to_owned()).collect()
}

/// Every file of the folder, sorted by name.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

/// Runs the binary with a time bound: a run that hangs fails the test instead of the suite.
fn newsgraph_within(args: &[&str], bound: Duration) -> Output {
    let mut child = spawn_newsgraph(args, Stdio::piped());
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > bound {
            child.kill().unwrap();
            panic!("newsgraph {args:?} still running after {bound:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// A folder holding one article, and the output folder to build it into.
fn one_article() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempdir();
    let article = write(&dir.path().join("a.txt"), ARTICLE);
    let out = dir.path().join("out");
    (dir, article, out)
}

const ARTICLE: &str = "Talks in Baku\n\nSecretary of State Antony J. Blinken met President Ilham Aliyev in Baku.\n";

#[test]
fn noncharacters_and_odd_spaces_never_reach_an_output() {
    let dir = tempdir();
    let feed = write(
        &dir.path().join("feed.jsonl"),
        serde_json::json!({
            "id": "x",
            "title": "Talks\u{fffe} in Baku\u{1}",
            "url": "https://news.test/a\u{a0}b c",
            "text": "Secretary of State Antony J. Blinken\u{ffff} met President Ilham Aliyev in Baku about the drought. The drought has worsened.",
        })
        .to_string(),
    );
    let taxonomy = write(
        &dir.path().join("themes.ttl"),
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
         <http://themes.test/drought> a skos:Concept ; skos:prefLabel \"Dro\u{fffe}ught\u{85}\" ; skos:altLabel \"drought\" .\n",
    );
    let out = dir.path().join("out");
    let formats = if tool("dot", "-V") { "ttl,nt,nq,json,dot,svg,html" } else { "ttl,nt,nq,json,dot,html" };
    let run = newsgraph(&[
        "build",
        s(&feed),
        "--out",
        s(&out),
        "--format",
        formats,
        "--taxonomy",
        s(&taxonomy),
        "--base-iri",
        "http://kg.test/news\u{a0}graph/",
        "--dot-isolated",
    ]);
    ok(&run);
    for (file, syntax) in [("graph.ttl", "turtle"), ("graph.nt", "ntriples"), ("graph.nq", "nquads")] {
        let text = read(&out.join(file));
        assert!(!text.contains(['\u{fffe}', '\u{ffff}', '\u{85}', '\u{a0}', '\u{1}']), "{file}:\n{text}");
        rapper_count(&out.join(file), syntax);
    }
    let nt = read(&out.join("graph.nt"));
    assert!(nt.contains("<https://news.test/a%C2%A0b%20c>"), "the URL, percent-encoded:\n{nt}");
    assert!(nt.contains("<http://kg.test/news%C2%A0graph/"), "the base IRI, percent-encoded");
    assert!(nt.contains("<http://themes.test/drought>"), "a user taxonomy's theme keeps its own IRI");
    assert!(nt.contains("\"Drought\"@en"), "the label without its noncharacters");
    let graph = json(&out.join("graph.json"));
    assert_eq!(graph["documents"][0]["title"], "Talks\u{fffe} in Baku\u{1}", "JSON keeps the text, escaped");
    let dot = read(&out.join("graph.dot"));
    assert!(dot.contains("Drought") && !dot.contains('\u{fffe}'));
    parse_xml(&read(&out.join("graph.html")));
    if out.join("graph.svg").exists() {
        let svg = read(&out.join("graph.svg"));
        assert!(parse_xml(&svg).descendants().any(|n| n.text().is_some_and(|t| t.contains("Drought"))));
    }
}

#[test]
fn special_files_and_link_loops_are_named_and_skipped() {
    let dir = tempdir();
    let input = dir.path().join("in");
    write(&input.join("a.txt"), ARTICLE);
    write(&input.join("sub/b.txt"), ARTICLE);
    let fifo = input.join("x.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    std::os::unix::fs::symlink("..", input.join("sub/loop")).unwrap();
    let out = dir.path().join("out");
    let run = newsgraph_within(&["build", s(&input), "--out", s(&out), "--format", "json"], Duration::from_secs(120));
    let stderr = stderr_of(&run);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert_eq!(document_ids(&json(&out.join("graph.json"))), ["a", "sub-b"], "each file once");
    assert!(stderr.contains("sub/loop: symbolic link loop"), "{stderr}");
    if made {
        assert!(stderr.contains("x.txt: a FIFO, not a regular file"), "{stderr}");
    } else {
        eprintln!("note: mkfifo failed; the FIFO case was not tried");
    }
}

/// This process's user id: the owner of a file it just made.
fn own_uid(dir: &Path) -> u32 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(write(&dir.join("uid-probe"), "")).unwrap().uid()
}

#[test]
fn an_unreadable_folder_is_named_and_its_siblings_are_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let input = dir.path().join("in");
    for sub in ["a", "b", "c"] {
        write(&input.join(sub).join("1.txt"), ARTICLE);
    }
    let out = dir.path().join("out");
    // Root reads any folder: as root, run the build as `nobody`, who cannot.
    let as_root = own_uid(dir.path()) == 0;
    if as_root && !tool("setpriv", "--version") {
        eprintln!("note: running as root without setpriv, so no folder is unreadable; skipping");
        return;
    }
    for path in [dir.path(), &input, &input.join("a"), &input.join("c")] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    for file in ["a/1.txt", "c/1.txt"] {
        std::fs::set_permissions(input.join(file), std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    std::fs::set_permissions(input.join("b"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let args = ["build", s(&input), "--out", s(&out), "--format", "json"];
    let run = newsgraph_with(&args, |c| {
        if as_root {
            let mut wrapped = Command::new("setpriv");
            wrapped.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_newsgraph")]);
            wrapped.args(args).current_dir(root()).stdin(Stdio::null());
            *c = wrapped;
        }
    });
    std::fs::set_permissions(input.join("b"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = stderr_of(&run);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("in/b: Permission denied"), "{stderr}");
    assert_eq!(document_ids(&json(&out.join("graph.json"))), ["a-1", "c-1"]);
}

#[test]
fn a_format_named_twice_is_refused_before_anything_is_written() {
    let (_dir, article, out) = one_article();
    write(&out.join("graph.ttl"), "earlier\n");
    let run = newsgraph(&["build", s(&article), "--out", s(&out), "--format", "ttl,ttl,json"]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr_of(&run));
    assert!(stderr_of(&run).contains("--format names ttl twice"), "{}", stderr_of(&run));
    assert_eq!(listing(&out), ["graph.ttl"]);
    assert_eq!(read(&out.join("graph.ttl")), "earlier\n");
}

#[test]
fn what_a_killed_run_left_is_finished_or_cleared_by_the_next() {
    let (_dir, article, out) = one_article();
    // A run killed while writing (no journal) and one killed while renaming (a journal).
    write(&out.join(".graph.json.tmp-999999991"), "{ half");
    write(&out.join(".graph.commit.tmp-999999991"), "rename\t");
    write(&out.join(".graph.nt.tmp-999999992"), "<a:b> <a:c> <a:d> .\n");
    write(&out.join(".graph.commit-999999992"), "rename\t.graph.nt.tmp-999999992\tgraph.nt\n");
    let run = newsgraph(&["build", s(&article), "--out", s(&out), "--format", "ttl"]);
    ok(&run);
    assert_eq!(listing(&out), ["graph.nt", "graph.ttl"], "leftovers removed, the journal finished");
    assert_eq!(read(&out.join("graph.nt")), "<a:b> <a:c> <a:d> .\n");
}

#[test]
fn a_default_build_without_graphviz_leaves_no_stale_picture() {
    let (_dir, article, out) = one_article();
    write(&out.join("graph.svg"), "<svg>an earlier graph</svg>");
    let run = newsgraph_with(&["build", s(&article), "--out", s(&out)], |c| {
        c.env("PATH", "/nonexistent");
    });
    ok(&run);
    assert!(stderr_of(&run).contains("Graphviz is not installed"), "{}", stderr_of(&run));
    assert_eq!(listing(&out), ["graph.dot", "graph.html", "graph.json", "graph.nq", "graph.nt", "graph.ttl"]);
    // Asked for by name, the other files of the folder are left alone.
    write(&out.join("graph.svg"), "<svg>kept</svg>");
    ok(&newsgraph(&["build", s(&article), "--out", s(&out), "--format", "nt"]));
    assert!(out.join("graph.svg").exists());
}

/// A small deterministic random number generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[test]
fn a_run_killed_at_any_moment_leaves_the_old_set_or_the_new_one() {
    let dir = tempdir();
    let old_in = write(&dir.path().join("old.txt"), ARTICLE);
    let new_in = write(
        &dir.path().join("new.txt"),
        "Summit in Munich\n\nChancellor Olaf Scholz met President Emmanuel Macron in Munich.\n",
    );
    let formats = "ttl,nt,nq,json,dot";
    let set = |input: &Path, name: &str| {
        let out = dir.path().join(name);
        ok(&newsgraph(&["build", s(input), "--out", s(&out), "--format", formats]));
        listing(&out).into_iter().map(|f| (f.clone(), std::fs::read(out.join(f)).unwrap())).collect::<Vec<_>>()
    };
    let started = Instant::now();
    let new_set = set(&new_in, "new");
    let run_time = started.elapsed();
    let old_set = set(&old_in, "old");
    let out = dir.path().join("out");
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let (mut old_seen, mut new_seen) = (0, 0);
    for _ in 0..30 {
        std::fs::remove_dir_all(&out).ok();
        std::fs::create_dir_all(&out).unwrap();
        for (name, bytes) in &old_set {
            std::fs::write(out.join(name), bytes).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args(["build", s(&new_in), "--out", s(&out), "--format", formats, "-q"])
            .current_dir(root())
            .stdin(Stdio::null())
            .spawn()
            .unwrap();
        let delay = rng.below(run_time.as_micros() as u64 * 11 / 10);
        std::thread::sleep(Duration::from_micros(delay));
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        newsgraph::export::recover(&out).unwrap();
        let now: Vec<(String, Vec<u8>)> =
            listing(&out).into_iter().map(|f| (f.clone(), std::fs::read(out.join(f)).unwrap())).collect();
        if now == old_set {
            old_seen += 1;
        } else if now == new_set {
            new_seen += 1;
        } else {
            panic!("killed after {delay} µs: a mixed set {:?}", now.iter().map(|(f, _)| f).collect::<Vec<_>>());
        }
        let ttl = read(&out.join("graph.ttl"));
        assert!(oxttl::TurtleParser::new().for_slice(ttl.as_bytes()).all(|t| t.is_ok()));
    }
    eprintln!("30 kills: {old_seen} left the old set, {new_seen} the new one");
}

#[test]
fn closed_pipes_end_the_run_quietly() {
    let (_dir, article, out) = one_article();
    // Standard error a pipe nobody reads: the graph is still written.
    let mut child = spawn_newsgraph(&["build", s(&article), "--out", s(&out), "--format", "nt", "-v"], Stdio::piped());
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(out.join("graph.nt").exists());
    // Standard output closed before the completion script is written: no panic.
    for args in [&["completions", "zsh"][..], &["man"], &["build", s(&article), "--out", "-", "--format", "nt"]] {
        let mut child = spawn_newsgraph(args, Stdio::piped());
        drop(child.stdout.take());
        let status = child.wait_with_output().unwrap();
        assert_eq!(status.status.code(), Some(0), "{args:?}: {}", stderr_of(&status));
        assert!(!stderr_of(&status).contains("panicked"), "{args:?}");
    }
}

#[test]
fn ids_differing_in_case_or_punctuation_get_their_own_iris() {
    let dir = tempdir();
    let paths: Vec<PathBuf> =
        ["A.txt", "a_b.txt", "a-b.txt"].iter().map(|n| write(&dir.path().join("in").join(n), ARTICLE)).collect();
    let out = dir.path().join("out");
    let mut args = vec!["build"];
    args.extend(paths.iter().map(|p| s(p)));
    args.extend(["--out", s(&out), "--format", "nt,json"]);
    ok(&newsgraph(&args));
    let nt = read(&out.join("graph.nt"));
    let mut docs: Vec<&str> =
        nt.split_whitespace().filter(|t| t.starts_with("<https://newsgraph.dev/id/doc/")).collect();
    docs.sort();
    docs.dedup();
    assert_eq!(docs.len(), 3, "{docs:?}");
    let ids = document_ids(&json(&out.join("graph.json")));
    assert_eq!(ids, ["A", "a-b", "a_b-2"]);
}

#[test]
fn a_bad_byte_in_a_jsonl_file_drops_only_its_line() {
    let dir = tempdir();
    let feed = write(
        &dir.path().join("feed.jsonl"),
        [
            &br#"{"id":"a","text":"Antony J. Blinken met Ilham Aliyev."}"#[..],
            b"\n{\"id\":\"b\",\"text\":\"caf\xe9\"}\n",
            br#"{"id":12345678901234567890123456789012,"text":"Vladimir Putin spoke."}"#,
            b"\n",
            br#"{"id":"d","text":"Dated badly.","date":"17 Feb"}"#,
            b"\n",
            br#"{"id":"e","text":"Dated as a number.","date":20240217}"#,
        ]
        .concat(),
    );
    let out = dir.path().join("out");
    let run = newsgraph(&["build", s(&feed), "--out", s(&out), "--format", "json"]);
    let stderr = stderr_of(&run);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("feed.jsonl:2: not valid UTF-8"), "{stderr}");
    assert!(stderr.contains("feed.jsonl:4: \"date\" is not an ISO date"), "{stderr}");
    assert!(stderr.contains("feed.jsonl:5: \"date\" must be a string"), "{stderr}");
    assert_eq!(document_ids(&json(&out.join("graph.json"))), ["a", "12345678901234567890123456789012"]);
}

#[test]
fn threads_are_at_least_one_and_at_most_the_cores() {
    let (_dir, article, out) = one_article();
    let zero = newsgraph(&["build", s(&article), "--out", s(&out), "--threads", "0"]);
    assert_eq!(zero.status.code(), Some(2));
    assert!(stderr_of(&zero).contains("'0' for '--threads <THREADS>': must be at least 1"), "{}", stderr_of(&zero));
    let many = newsgraph(&["build", s(&article), "--out", s(&out), "--format", "nt", "--threads", "50000"]);
    ok(&many);
    assert!(stderr_of(&many).contains("--threads 50000: this machine has"), "{}", stderr_of(&many));
}

#[test]
fn empty_articles_and_odd_encodings_are_named() {
    let dir = tempdir();
    let input = dir.path().join("in");
    write(&input.join("blank.txt"), " \n\t\r\n");
    write(&input.join("empty.md"), "");
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    write(&input.join("wide.txt"), utf16);
    write(&input.join("good.txt"), ARTICLE);
    let out = dir.path().join("out");
    let run = newsgraph(&["build", s(&input), "--out", s(&out), "--format", "json"]);
    let stderr = stderr_of(&run);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    for want in ["blank.txt: empty article", "empty.md: empty article", "wide.txt: UTF-16 (little-endian) text"] {
        assert!(stderr.contains(want), "{want} missing: {stderr}");
    }
    assert_eq!(document_ids(&json(&out.join("graph.json"))), ["good"]);
}

#[test]
fn line_endings_and_byte_order_marks_keep_headlines_and_offsets() {
    let dir = tempdir();
    let plain = write(&dir.path().join("plain/a.txt"), ARTICLE);
    let cr = write(&dir.path().join("cr/a.txt"), ARTICLE.replace('\n', "\r"));
    let bom = write(&dir.path().join("bom/a.txt"), format!("\u{feff}{ARTICLE}"));
    let mentions = |input: &Path| {
        let out = input.with_file_name("out");
        ok(&newsgraph(&["build", s(input), "--out", s(&out), "--format", "json"]));
        let graph = json(&out.join("graph.json"));
        let spans: Vec<(String, u64, u64)> = graph["entities"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|e| e["mentions"].as_array().unwrap().clone())
            .map(|m| (m["text"].as_str().unwrap().to_owned(), m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap()))
            .collect();
        (graph["documents"][0]["title"].as_str().unwrap().to_owned(), spans)
    };
    let (title, spans) = mentions(&plain);
    assert_eq!(title, "Talks in Baku");
    assert!(spans.iter().any(|(t, start, _)| t.contains("Blinken") && *start > 0), "{spans:?}");
    assert_eq!(mentions(&cr), (title.clone(), spans.clone()), "CR-only lines read as lines");
    assert_eq!(mentions(&bom), (title, spans), "offsets count from after the byte-order mark");
}

#[test]
fn argument_order_does_not_change_the_graph() {
    let dir = tempdir();
    let a = "examples/articles/000_771a817d65f74398.txt";
    let b = "examples/articles/003_5ecdfa4a72bf63f4.txt";
    let graph = |first: &str, second: &str, name: &str| {
        let out = dir.path().join(name);
        ok(&newsgraph(&["build", first, second, "--out", s(&out), "--format", "json,nt"]));
        (read(&out.join("graph.json")), read(&out.join("graph.nt")))
    };
    assert!(graph(a, b, "ab") == graph(b, a, "ba"), "the same graph in either order");
}

#[test]
fn labels_do_not_depend_on_the_order_articles_are_read_in() {
    let config = newsgraph::Config::builtin().unwrap();
    let one = "Shares in Worldcom fell on Monday.";
    let two = "Shares in WorldCom rose on Tuesday.";
    let docs = |texts: [&str; 2]| {
        texts.iter().enumerate().map(|(i, t)| newsgraph::model::Document::from_text(&format!("d{i}"), "t", t)).collect()
    };
    let label = |texts: [&str; 2]| {
        let g = newsgraph::build(docs(texts), &config);
        let found = g.entities().find(|e| e.label.eq_ignore_ascii_case("worldcom")).map(|e| e.label.clone());
        found
    };
    let forward = label([one, two]);
    assert!(forward.is_some(), "WorldCom is found");
    assert_eq!(forward, label([two, one]));
    assert_eq!(forward.as_deref(), Some("WorldCom"));
}

#[test]
fn concepts_ending_in_the_same_segment_stay_two_themes() {
    let dir = tempdir();
    let taxonomy = write(
        &dir.path().join("themes.ttl"),
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
         <http://themes.test/economy/growth> a skos:Concept ; skos:prefLabel \"economic growth\" .\n\
         <http://themes.test/health/growth> a skos:Concept ; skos:prefLabel \"tumour growth\" .\n",
    );
    let article = write(
        &dir.path().join("a.txt"),
        "Growth\n\nAntony J. Blinken spoke about economic growth and about tumour growth in Baku.\n",
    );
    let out = dir.path().join("out");
    ok(&newsgraph(&["build", s(&article), "--out", s(&out), "--format", "json", "--taxonomy", s(&taxonomy)]));
    let graph = json(&out.join("graph.json"));
    let mut themes: Vec<&str> = graph["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "Theme")
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    themes.sort();
    assert_eq!(themes, ["Economic growth", "Tumour growth"]);
}

#[test]
fn messages_say_what_is_wrong_once_and_the_status_says_what_kind() {
    let dir = tempdir();
    let missing = newsgraph(&["build", "/nonexistent", "--out", s(&dir.path().join("o"))]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr_of(&missing).contains("/nonexistent: No such file or directory"), "{}", stderr_of(&missing));
    // An output folder inside a file: the cause is said once.
    let article = write(&dir.path().join("a.txt"), ARTICLE);
    let blocked = newsgraph(&["build", s(&article), "--out", s(&article.join("out")), "--format", "nt"]);
    let stderr = stderr_of(&blocked);
    assert_eq!(blocked.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.matches("Not a directory").count(), 1, "{stderr}");
    for (args, code) in [
        (&["build", "--bogus"][..], 2),
        (&["build", s(&article), "--out", "o", "--format", "xml"], 2),
        (&["build", s(&article), "--out", "o", "--base-iri", "not an iri"], 2),
        (&["build", s(&article), "--out", "o", "--svg-timeout", "-1"], 2),
        (&["man", "bulid"], 2),
    ] {
        assert_eq!(newsgraph(args).status.code(), Some(code), "{args:?}");
    }
    let man = newsgraph(&["man", "build"]);
    ok(&man);
    assert!(String::from_utf8_lossy(&man.stdout).contains(".SH \"EXIT STATUS\""));
    let help = newsgraph(&["--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("Exit status:\n  0  "));
}

/// Random bytes and hostile pieces as files of every input kind: the build never panics and
/// every output parses. `NEWSGRAPH_RANDOM_ROUNDS` runs more rounds than the 12 of a test run
/// (README, "Errors and exit codes", says how many were run and what they found).
#[test]
fn random_inputs_never_break_the_build_or_its_outputs() {
    use newsgraph::export::{write_files, ExportOptions, Format};
    const PIECES: &[&str] = &[
        "Antony J. Blinken",
        " met ",
        "Ilham Aliyev",
        " in Baku",
        ".",
        "\n",
        "\r",
        "\r\n",
        "\u{feff}",
        "\u{fffe}",
        "\u{a0}",
        "\u{0}",
        "\u{85}",
        "\"",
        "\\",
        "<",
        ">",
        "&",
        "{",
        "}",
        "#",
        " – ",
        "date 2024-02-17 ",
        "🙂",
        "Алиев",
        "{\"text\":\"",
        "\"}",
        "\u{202e}",
    ];
    let config = newsgraph::Config::builtin().unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let dir = tempdir();
    let rounds = std::env::var("NEWSGRAPH_RANDOM_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(12);
    for round in 0..rounds {
        let input = dir.path().join(format!("in{round}"));
        for (k, ext) in ["txt", "md", "jsonl", "txt"].iter().enumerate() {
            let mut bytes = Vec::new();
            for _ in 0..rng.below(60) {
                if rng.below(5) == 0 {
                    bytes.push(rng.below(256) as u8);
                } else {
                    bytes.extend_from_slice(PIECES[rng.below(PIECES.len() as u64) as usize].as_bytes());
                }
            }
            write(&input.join(format!("f{k}.{ext}")), bytes);
        }
        let got = newsgraph::ingest::read_inputs(&[input]);
        let graph = newsgraph::build(got.documents, &config);
        let out = dir.path().join(format!("out{round}"));
        let formats = [Format::Turtle, Format::NTriples, Format::NQuads, Format::Json, Format::Dot, Format::Html];
        let options = ExportOptions {
            dot: newsgraph::export::DotOptions { keep_isolated: true, ..Default::default() },
            ..Default::default()
        };
        write_files(&graph, &formats, &options, &out).unwrap();
        let bytes = |f: &str| std::fs::read(out.join(f)).unwrap();
        assert!(oxttl::TurtleParser::new().for_slice(&bytes("graph.ttl")).all(|t| t.is_ok()), "round {round}");
        assert!(oxttl::NTriplesParser::new().for_slice(&bytes("graph.nt")).all(|t| t.is_ok()), "round {round}");
        assert!(oxttl::NQuadsParser::new().for_slice(&bytes("graph.nq")).all(|t| t.is_ok()), "round {round}");
        serde_json::from_slice::<serde_json::Value>(&bytes("graph.json")).unwrap();
        parse_xml(&read(&out.join("graph.html")));
        let dot = read(&out.join("graph.dot"));
        assert!(!dot.chars().any(newsgraph::export::is_unwritable), "round {round}");
        std::fs::remove_dir_all(&out).unwrap();
    }
}
