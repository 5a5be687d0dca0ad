//! `sifa search`: the API's search from the terminal.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_query::{Hit, SearchEngine, SearchParams, SearchRequest, SearchResponse, Synonyms};
use sifa_store::IndexLocation;

pub fn run(index: &Path, params: SearchParams, as_json: bool, synonyms: Synonyms) -> anyhow::Result<ExitCode> {
    let request = SearchRequest::from_params(params)?;
    let engine = SearchEngine::open(IndexLocation::new(index)).context("opening the index")?;
    engine.set_synonyms(synonyms);
    let response = engine.snapshot().search(&request)?;
    let mut out = std::io::stdout().lock();
    if as_json {
        writeln!(out, "{}", serde_json::to_string_pretty(&response)?)?;
    } else {
        print_human(&mut out, &response)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Removes the `<mark>` tags and entities of highlighted HTML for a
/// terminal, showing marks as 【…】.
fn plain(html: &str) -> String {
    html.replace("<mark>", "【")
        .replace("</mark>", "】")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn print_human(out: &mut impl Write, r: &SearchResponse) -> std::io::Result<()> {
    writeln!(out, "{} ({} ms), page {}", sifa_model::english::count(r.total, "result"), r.took_ms, r.page)?;
    for e in &r.expanded {
        writeln!(out, "also searched: {} → {}", e.term, e.added.join("、"))?;
    }
    for (i, hit) in r.hits.iter().enumerate() {
        print_hit(out, &format!("{}.", (r.page - 1) * r.per_page + i + 1), hit)?;
    }
    if !r.near_hits.is_empty() {
        writeln!(out, "\n{} lacking one word:", sifa_model::english::count(r.near_total, "near match"))?;
        for hit in &r.near_hits {
            print_hit(out, &format!("~ 缺少：{}", hit.missing.join("、")), hit)?;
        }
    }
    Ok(())
}

fn print_hit(out: &mut impl Write, mark: &str, hit: &Hit) -> std::io::Result<()> {
    writeln!(out, "\n{mark} {}", plain(&hit.title_html))?;
    writeln!(
        out,
        "   {} · {} · {} · {}",
        hit.agency.as_deref().unwrap_or("—"),
        hit.date.as_deref().unwrap_or("—"),
        hit.kind,
        hit.topics.join("、")
    )?;
    writeln!(out, "   {}", plain(&hit.snippet_html))?;
    writeln!(out, "   id {}  {}", hit.id, hit.url.as_deref().unwrap_or(&hit.source))
}
