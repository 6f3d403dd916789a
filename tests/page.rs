//! graph.html in a real browser: headless Chromium loads the page, runs its script, and we read
//! the DOM it leaves (`--dump-dom`) and its console (`--enable-logging=stderr`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

/// The DOM Chromium built from `page` opened with `#hash`, and the console lines it logged.
fn load(page: &Path, hash: &str) -> Option<(String, Vec<String>)> {
    if !tool("chromium", "--version") {
        return None;
    }
    let profile = tempdir();
    let url = format!("file://{}#{hash}", page.canonicalize().unwrap().display());
    let out = Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"])
        .args(["--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "chromium failed: {stderr}");
    let console = stderr.lines().filter(|l| l.contains(":CONSOLE")).map(str::to_owned).collect();
    Some((String::from_utf8(out.stdout).unwrap(), console))
}

/// The opening tags of the entity list's items.
fn list_items(dom: &str) -> Vec<&str> {
    let list = &dom[dom.find("id=\"entity-list\"").expect("the entity list")..];
    let list = &list[..list.find("</ul>").unwrap()];
    list.match_indices("<li ").map(|(i, _)| &list[i..i + list[i..].find('>').unwrap()]).collect()
}

/// Checks a page: the script ran without error, the SVG and the list are there, a search in the
/// link filters the list, and a selection in the link fills the details.
fn check_page(page: &Path, entity: &str, label: &str, query: &str) {
    let Some((dom, console)) = load(page, "") else { return };
    assert!(console.is_empty(), "console: {console:?}");
    assert!(dom.contains("data-ready=\"true\""), "the script ran to its end");
    assert!(!dom.contains("data-errors"), "no error event");
    let viewport = &dom[dom.find("id=\"viewport\"").unwrap()..];
    assert!(viewport.trim_start_matches(|c| c != '<').contains("<svg"), "the picture is in the page");
    assert!(dom.matches("class=\"node ").count() > 10, "its nodes are drawn");
    let all = list_items(&dom);
    assert!(all.len() > 10 && all.iter().all(|li| !li.contains("hidden")));
    assert!(dom.contains(&format!("{} of {} entities", all.len(), all.len())));

    let (dom, console) = load(page, &format!("q={query}&entity={entity}")).unwrap();
    assert!(console.is_empty(), "console: {console:?}");
    let items = list_items(&dom);
    let shown: Vec<&&str> = items.iter().filter(|li| !li.contains("hidden")).collect();
    assert!(
        !shown.is_empty() && shown.len() < items.len() / 2,
        "the search filters: {} of {}",
        shown.len(),
        items.len()
    );
    assert!(shown.iter().all(|li| li.contains(&query.to_lowercase())), "{shown:?}");
    assert!(dom.contains(&format!("{} of {} entities", shown.len(), items.len())));
    let details = &dom[dom.find("id=\"details\"").unwrap()..];
    assert!(details.contains(&format!("<h2>{label}</h2>")), "the selection's details are shown");
    assert!(details.contains("<blockquote>"), "with evidence sentences");
    assert!(dom.contains(&format!("id=\"e:{entity}\" class=\"node Person selected\"")), "and its node is highlighted");
}

#[test]
fn the_examples_page_works_in_a_browser() {
    let dir = tempdir();
    if !tool("dot", "-V") {
        return;
    }
    build_examples(dir.path(), &["--format", "html"]);
    check_page(&dir.path().join("graph.html"), "person/antony-j-blinken", "Antony J. Blinken", "blinken");
    // Themes grouped by their top-level topic; a theme there selects its entity.
    let Some((dom, _)) = load(&dir.path().join("graph.html"), "") else { return };
    let themes = &dom[dom.find("<div id=\"themes\">").expect("the themes by topic")..];
    let themes = &themes[..themes.find("</div>").unwrap()];
    assert!(themes.contains("<dt>Conflict, war and peace</dt>"), "{themes}");
    assert!(themes.contains("data-id=\"theme/peace-agreement\""), "{themes}");
}

#[test]
fn the_page_of_fifty_articles_works_in_a_browser() {
    if !tool("dot", "-V") {
        return;
    }
    let dir = tempdir();
    let Some(input) = fifty_politics_articles(dir.path()) else { return };
    let out = dir.path().join("out");
    ok(&newsgraph(&["build", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--format", "html"]));
    check_page(&out.join("graph.html"), "person/tony-blair", "Tony Blair", "blair");
}

#[test]
fn without_graphviz_the_page_says_so_and_still_lists_everything() {
    let dir = tempdir();
    let run = newsgraph_with(&["build", "examples/articles", "--out", dir.path().to_str().unwrap()], |c| {
        c.env("PATH", "/nonexistent");
    });
    ok(&run);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(stderr.matches("Graphviz is not installed").count(), 1, "said once: {stderr}");
    assert!(!dir.path().join("graph.svg").exists());
    let html = read(&dir.path().join("graph.html"));
    let page = parse_xml(&html);
    assert!(html.contains("No picture: Graphviz is not installed"));
    let json: serde_json::Value = serde_json::from_str(&read(&dir.path().join("graph.json"))).unwrap();
    let entities = json["entities"].as_array().unwrap().len();
    assert!(entities >= 30);
    let listed = page.descendants().filter(|n| n.has_tag_name("li") && n.attribute("data-id").is_some()).count();
    assert_eq!(listed, entities, "every entity is listed");
}
