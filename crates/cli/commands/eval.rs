//! `sifa eval`: ranking quality on a relevance set (MRR@10, recall@10),
//! with the field's synonyms as `sifa serve` searches (or `--no-expand`).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use sifa_query::{FacetSelection, SearchEngine, SearchRequest, Synonyms};
use sifa_store::IndexLocation;
use sifa_store::links::Links;

/// Results looked at per query.
const CUTOFF: usize = 10;

/// One line of the relevance file: a query and the ids it must find.
struct Judgement {
    query: String,
    relevant: Vec<String>,
}

fn read_judgements(path: &Path) -> anyhow::Result<Vec<Judgement>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(query), Some(ids)) = (cols.next(), cols.next()) else {
            bail!("{}:{}: expected query<TAB>ids", path.display(), number + 1);
        };
        let relevant = ids.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
        out.push(Judgement { query: query.to_string(), relevant });
    }
    Ok(out)
}

/// The ids a result list stands for, in rank order: a hit shown for a
/// group of versions ("共 N 个版本") or of reposts stands for each of them,
/// so a judgement naming an older version is met by the current one at
/// that rank, as a researcher reading the list would find it.
fn standing_for(links: &Links, hits: Vec<String>) -> Vec<Vec<String>> {
    hits.into_iter()
        .map(|id| {
            let mut ids: Vec<String> = links.versions_of(&id).into_iter().flatten().map(|v| v.id.clone()).collect();
            ids.extend(links.copies_of(&id).into_iter().flatten().map(|c| c.id.clone()));
            ids.push(id);
            ids
        })
        .collect()
}

pub fn run(index: &Path, queries: &Path, expand: bool, synonyms: Synonyms) -> anyhow::Result<ExitCode> {
    let judgements = read_judgements(queries)?;
    let engine = SearchEngine::open(IndexLocation::new(index)).context("opening the index")?;
    engine.set_synonyms(synonyms);
    let snapshot = engine.snapshot();
    let links = snapshot.links();
    let (mut mrr, mut recall) = (0.0, 0.0);
    for j in &judgements {
        let request = SearchRequest {
            query: j.query.clone(),
            per_page: CUTOFF,
            facets: FacetSelection::NONE,
            expand,
            ..SearchRequest::default()
        };
        let hits: Vec<String> = snapshot.search(&request)?.hits.into_iter().map(|h| h.id).collect();
        let ids = standing_for(&links.table, hits);
        let first = ids.iter().position(|group| group.iter().any(|id| j.relevant.contains(id)));
        let found = j.relevant.iter().filter(|id| ids.iter().any(|group| group.contains(id))).count();
        let rr = first.map_or(0.0, |rank| 1.0 / (rank + 1) as f64);
        let r = found as f64 / j.relevant.len() as f64;
        mrr += rr;
        recall += r;
        let rank = first.map_or("—".to_string(), |p| (p + 1).to_string());
        println!("{:<28} first relevant at {rank:>2}  found {found}/{}", j.query, j.relevant.len());
    }
    let n = judgements.len().max(1) as f64;
    let queries = sifa_model::english::count(judgements.len(), "query");
    println!("\n{queries}  MRR@{CUTOFF} {:.3}  recall@{CUTOFF} {:.3}", mrr / n, recall / n);
    Ok(ExitCode::SUCCESS)
}
