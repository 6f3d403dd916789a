//! `--out -`: one format on standard output, the same bytes as its file, and nothing else there;
//! `--input-format` for standard input and for files whose extension says nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::process::{Command, Stdio};

#[test]
fn each_format_on_standard_output_is_its_file_byte_for_byte() {
    let files = tempdir();
    let mut formats = vec!["ttl", "nt", "nq", "dot", "json"];
    if tool("dot", "-V") {
        formats.push("svg");
    }
    build_examples(files.path(), &["--format", &formats.join(",")]);
    for format in formats {
        let run = newsgraph(&["build", "examples/articles", "--out", "-", "--format", format]);
        ok(&run);
        let file = std::fs::read(files.path().join(format!("graph.{format}"))).unwrap();
        assert!(run.stdout == file, "{format}: standard output differs from graph.{format}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(&format!("-> standard output ({format})")), "the summary is on stderr: {stderr}");
    }
    assert!(!root().join("-").exists(), "no folder named `-`");
}

#[test]
fn standard_output_piped_into_rapper_parses() {
    if !tool("rapper", "--version") {
        return;
    }
    let nt_out = ["build", "examples/articles", "--out", "-", "--format", "nt"];
    let mut ours = spawn_newsgraph(&nt_out, Stdio::null());
    let rapper = Command::new("rapper")
        .args(["-i", "ntriples", "-c", "-", "https://newsgraph.dev/"])
        .stdin(ours.stdout.take().unwrap())
        .output()
        .unwrap();
    assert!(ours.wait().unwrap().success());
    let report = String::from_utf8_lossy(&rapper.stderr);
    assert!(rapper.status.success(), "{report}");
    let count: usize = report.split("returned ").nth(1).unwrap().split_whitespace().next().unwrap().parse().unwrap();
    let file = tempdir();
    build_examples(file.path(), &["--format", "nt"]);
    assert_eq!(Some(count), rapper_count(&file.path().join("graph.nt"), "ntriples"));
    assert!(count > 100, "{count} triples");
}

#[test]
fn standard_output_takes_exactly_one_format() {
    for args in [&["--format", "ttl,nt"][..], &[]] {
        let run = newsgraph(&[&["build", "examples/articles", "--out", "-"][..], args].concat());
        assert_eq!(run.status.code(), Some(2));
        assert!(run.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.starts_with("newsgraph: error: --out - writes one format to standard output"), "{stderr}");
    }
}

#[test]
fn jsonl_on_standard_input() {
    let feed = concat!(
        r#"{"id": "a1", "date": "2024-02-17", "text": "President Ilham Aliyev met Mr John Smith in Baku."}"#,
        "\n",
        r#"{"text": "Secretary of State Antony J. Blinken visited Kyiv."}"#,
        "\n"
    );
    let run =
        newsgraph_fed(&["build", "-", "--input-format", "jsonl", "--out", "-", "--format", "json"], feed.as_bytes());
    ok(&run);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a1", "stdin-2"]);
    let labels: Vec<&str> = json["entities"].as_array().unwrap().iter().map(|e| e["label"].as_str().unwrap()).collect();
    for want in ["Ilham Aliyev", "John Smith", "Antony J. Blinken", "Kyiv"] {
        assert!(labels.contains(&want), "{want} missing from {labels:?}");
    }
    // Without --input-format, standard input is one plain-text article.
    let plain = newsgraph_fed(&["build", "-", "--out", "-", "--format", "json"], feed.as_bytes());
    let json: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn input_format_overrides_a_files_extension() {
    let dir = tempdir();
    let feed = dir.path().join("feed.data");
    std::fs::write(&feed, "{\"id\": \"r1\", \"text\": \"President Ilham Aliyev met Mr John Smith in Baku.\"}\n")
        .unwrap();
    let args = ["build", feed.to_str().unwrap(), "--out", "-", "--format", "json"];
    let run = newsgraph(&[&args[..], &["--input-format", "jsonl"]].concat());
    ok(&run);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(json["documents"][0]["id"], "r1");
    let unread = newsgraph(&args);
    assert!(String::from_utf8_lossy(&unread.stderr).contains("unsupported file type"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut ours = spawn_newsgraph(&["build", "examples/articles", "--out", "-", "--format", "nt"], Stdio::piped());
    drop(ours.stdout.take());
    let run = ours.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
}
