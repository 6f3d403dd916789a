//! SVG through Graphviz, within a time bound.
//!
//! The graph is laid out by the engine its size calls for (see [`Layout`]) and the legend by `dot`,
//! separately, then both are placed side by side (or one above the other, whichever is closer to
//! square) in one SVG: `sfdp` ignores clusters and would scatter the legend's nodes among the
//! entities. Graphviz runs as a child process that is killed when the time bound passes.

use super::dot::{layout_of, write_picture, DotOptions, Engine, Part, Picture};
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The default time bound of a rendering (`--svg-timeout`).
pub const DEFAULT_SVG_TIMEOUT: Duration = Duration::from_secs(60);

/// Space between the picture and the legend, in points.
const GAP: f64 = 24.0;

/// Renders the picture and its legend to one SVG document. `Ok(None)` when Graphviz cannot be
/// run (not installed); an error when it fails or takes longer than `timeout`.
pub fn render_svg(
    graph: &KnowledgeGraph,
    picture: &Picture,
    options: &DotOptions,
    timeout: Duration,
) -> Result<Option<String>> {
    let deadline = Instant::now() + timeout;
    let mut main = Vec::new();
    let mut legend = Vec::new();
    let io = |e: std::io::Error| svg_error(e.to_string());
    write_picture(graph, picture, options, Part::Graph, &mut main).map_err(io)?;
    write_picture(graph, picture, options, Part::Legend, &mut legend).map_err(io)?;
    let engine = layout_of(picture, options).engine;
    let Some(main_svg) = run_graphviz(engine, main, deadline, timeout, picture.entities.len())? else {
        return Ok(None);
    };
    let Some(legend_svg) = run_graphviz(Engine::Dot, legend, deadline, timeout, 0)? else {
        return Ok(None);
    };
    compose(&main_svg, &legend_svg).map(Some)
}

fn svg_error(message: String) -> Error {
    Error::Export { format: "svg".into(), message }
}

/// Runs `dot -K<engine> -Tsvg` on `input`; `Ok(None)` when it cannot be started.
fn run_graphviz(
    engine: Engine,
    input: Vec<u8>,
    deadline: Instant,
    timeout: Duration,
    nodes: usize,
) -> Result<Option<String>> {
    let spawned = Command::new("dot")
        .arg(format!("-K{}", engine.name()))
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = spawned else {
        return Ok(None);
    };
    // Pipes are fed and drained by threads so that a large picture cannot block Graphviz (or
    // us) on a full pipe while the clock runs.
    let stdin = child.stdin.take().map(|mut s| std::thread::spawn(move || s.write_all(&input)));
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let status = loop {
        match child.try_wait().map_err(|e| svg_error(e.to_string()))? {
            Some(status) => break Some(status),
            None if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    };
    let _ = stdin.map(|t| t.join());
    let (out, err) = (stdout.join().unwrap_or_default(), stderr.join().unwrap_or_default());
    let Some(status) = status else {
        return Err(svg_error(format!(
            "Graphviz {} did not finish within {} s ({nodes} entities): draw fewer with --top N or --focus ENTITY, or allow more time with --svg-timeout",
            engine.name(),
            timeout.as_secs_f64()
        )));
    };
    if !status.success() {
        return Err(svg_error(format!("dot failed: {}", String::from_utf8_lossy(&err).trim())));
    }
    String::from_utf8(out).map(Some).map_err(|e| svg_error(format!("Graphviz wrote invalid UTF-8: {e}")))
}

/// One Graphviz SVG: its size in points and what is inside its `<svg>` element.
struct Drawing<'a> {
    width: f64,
    height: f64,
    body: &'a str,
}

impl<'a> Drawing<'a> {
    fn parse(svg: &'a str) -> Result<Drawing<'a>> {
        let bad = || svg_error("Graphviz wrote an SVG without a <svg viewBox> element".into());
        let start = svg.find("<svg").ok_or_else(bad)?;
        let tag_end = start + svg[start..].find('>').ok_or_else(bad)?;
        let end = svg.rfind("</svg>").filter(|&e| e > tag_end).ok_or_else(bad)?;
        let tag = &svg[start..tag_end];
        let view = tag.split("viewBox=\"").nth(1).and_then(|v| v.split('"').next()).ok_or_else(bad)?;
        let numbers: Vec<f64> = view.split_whitespace().filter_map(|n| n.parse().ok()).collect();
        let [_, _, width, height] = numbers[..] else {
            return Err(bad());
        };
        Ok(Drawing { width, height, body: &svg[tag_end + 1..end] })
    }
}

/// The picture and the legend in one SVG, the legend beside or below the picture, whichever
/// gives the squarer whole.
fn compose(main: &str, legend: &str) -> Result<String> {
    let (m, l) = (Drawing::parse(main)?, Drawing::parse(legend)?);
    let beside = (m.width + GAP + l.width, m.height.max(l.height));
    let below = (m.width.max(l.width), m.height + GAP + l.height);
    let squareness = |(w, h): (f64, f64)| (w / h).max(h / w);
    let (size, at) = if squareness(beside) <= squareness(below) {
        (beside, (m.width + GAP, 0.0))
    } else {
        (below, (0.0, m.height + GAP))
    };
    let mut out = String::with_capacity(main.len() + legend.len() + 512);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{w:.0}pt\" height=\"{h:.0}pt\" viewBox=\"0 0 {w:.2} {h:.2}\">\n",
        w = size.0,
        h = size.1
    ));
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<g id=\"picture-layer\">");
    out.push_str(m.body);
    out.push_str(&format!("</g>\n<g id=\"legend-layer\" transform=\"translate({:.2} {:.2})\">", at.0, at.1));
    out.push_str(l.body);
    out.push_str("</g>\n</svg>\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(w: u32, h: u32, inside: &str) -> String {
        format!("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg width=\"{w}pt\" height=\"{h}pt\"\n viewBox=\"0.00 0.00 {w}.00 {h}.00\" xmlns=\"http://www.w3.org/2000/svg\">\n{inside}\n</svg>\n")
    }

    #[test]
    fn the_legend_goes_where_the_whole_stays_squarer() {
        let tall = compose(&svg(400, 1000, "<g id=\"a\"/>"), &svg(200, 300, "<g id=\"b\"/>")).unwrap();
        assert!(tall.contains("viewBox=\"0 0 624.00 1000.00\""), "{tall}");
        assert!(tall.contains("translate(424.00 0.00)"));
        let wide = compose(&svg(1000, 300, "<g id=\"a\"/>"), &svg(200, 300, "<g id=\"b\"/>")).unwrap();
        assert!(wide.contains("viewBox=\"0 0 1000.00 624.00\""), "{wide}");
        assert_eq!(wide.matches("<svg").count(), 1, "one svg element holds both drawings");
        assert!(wide.contains("<g id=\"a\"/>") && wide.contains("<g id=\"b\"/>"));
    }

    #[test]
    fn a_drawing_without_a_view_box_is_an_error() {
        assert!(compose("<svg width=\"1pt\"></svg>", &svg(1, 1, "")).is_err());
        assert!(compose("no svg here", &svg(1, 1, "")).is_err());
    }
}
