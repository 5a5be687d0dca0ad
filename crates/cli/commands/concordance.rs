//! `sifa concordance`: the API's keyword-in-context concordance from the
//! terminal, lines aligned on the match.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_query::{
    ConcordanceParams, ConcordanceRequest, ConcordanceResponse, MAX_CONCORDANCE_EXPORT, SearchEngine, SearchParams,
    SearchRequest, Synonyms,
};
use sifa_store::IndexLocation;

/// How the lines are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Aligned on the match, for reading.
    Lines,
    Json,
    /// Every line, as the API's `format=csv`.
    Csv,
}

pub fn run(
    index: &Path,
    query: &str,
    pairs: Vec<(&'static str, String)>,
    output: Output,
    synonyms: Synonyms,
) -> anyhow::Result<ExitCode> {
    let own = |name: &str| pairs.iter().rev().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
    let params =
        ConcordanceParams { context: own("context"), sort: own("sort"), page: own("page"), per_page: own("per_page") };
    let mut concordance = ConcordanceRequest::from_params(&params)?;
    if output == Output::Csv {
        concordance.page = 1;
        concordance.per_page = MAX_CONCORDANCE_EXPORT;
    }
    let own_names = sifa_query::concordance_parameters();
    let search = pairs.iter().filter(|(k, _)| !own_names.iter().any(|p| p.name == *k)).cloned();
    let request =
        SearchRequest::from_params(SearchParams::from_pairs(std::iter::once(("q", query.to_string())).chain(search)))?;
    let engine = SearchEngine::open(IndexLocation::new(index)).context("opening the index")?;
    engine.set_synonyms(synonyms);
    let response = engine.snapshot().concordance(&request, concordance)?;
    let mut out = std::io::stdout().lock();
    match output {
        Output::Json => writeln!(out, "{}", serde_json::to_string_pretty(&response)?)?,
        Output::Csv => write!(out, "{}", sifa_server::tables::concordance_csv(&response.lines))?,
        Output::Lines => print_lines(&mut out, &response)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Columns a character takes in a terminal: two for Chinese and other wide characters.
fn width(text: &str) -> usize {
    text.chars().map(|c| if (c as u32) < 0x1100 { 1 } else { 2 }).sum()
}

fn print_lines(out: &mut impl Write, r: &ConcordanceResponse) -> std::io::Result<()> {
    writeln!(
        out,
        "{} in {}, page {}",
        sifa_model::english::count(r.total_occurrences, "occurrence"),
        sifa_model::english::count(r.total_documents, "publication"),
        r.page
    )?;
    let flat = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    let column = r.lines.iter().map(|l| width(&flat(&l.left))).max().unwrap_or(0);
    for line in &r.lines {
        let left = flat(&line.left);
        let pad = " ".repeat(column - width(&left));
        writeln!(
            out,
            "{pad}{left} 【{}】 {}   {} {}",
            flat(&line.matched),
            flat(&line.right),
            line.date.as_deref().unwrap_or("—"),
            line.id
        )?;
    }
    Ok(())
}
