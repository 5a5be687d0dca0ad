//! `sifa eval`: ranking quality on a relevance set (MRR@10, recall@10),
//! with the field's synonyms as `sifa serve` searches (or `--no-expand`).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use sifa_query::{FacetSelection, SearchEngine, SearchRequest, Snapshot, Synonyms};
use sifa_store::IndexLocation;
use sifa_store::links::Links;

/// Results looked at per query.
const CUTOFF: usize = 10;

/// The relevance set of the repository, built in so that `sifa eval` runs
/// from any directory; `--queries` names another.
const RELEVANCE_SET: &str = include_str!("../../../tests/relevance/queries.tsv");

/// One line of the relevance file: a query and the ids it must find.
struct Judgement {
    query: String,
    relevant: Vec<String>,
}

/// The judgements of `path`, or of the built-in relevance set; with the name to report them by.
fn read_judgements(path: Option<&Path>) -> anyhow::Result<(String, Vec<Judgement>)> {
    match path {
        None => Ok(("the built-in relevance set".to_string(), parse_judgements(RELEVANCE_SET, "queries.tsv")?)),
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            Ok((path.display().to_string(), parse_judgements(&text, &path.display().to_string())?))
        }
    }
}

fn parse_judgements(text: &str, name: &str) -> anyhow::Result<Vec<Judgement>> {
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(query), Some(ids)) = (cols.next(), cols.next()) else {
            bail!("{name}:{}: expected query<TAB>ids", number + 1);
        };
        let relevant = ids.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
        out.push(Judgement { query: query.to_string(), relevant });
    }
    Ok(out)
}

/// Refuses to measure an index holding none of the judged publications
/// (every query would score 0, as if ranking had failed) and says how
/// many are missing when some are.
fn check_judged_ids(snapshot: &Snapshot, judgements: &[Judgement], set: &str, index: &Path) -> anyhow::Result<()> {
    let judged: BTreeSet<&str> = judgements.iter().flat_map(|j| j.relevant.iter().map(String::as_str)).collect();
    let missing = judged.iter().filter(|id| snapshot.document(id, None).is_err()).count();
    if missing == judged.len() && !judged.is_empty() {
        bail!(
            "none of the {} publications judged in {set} is in the index at {}: the relevance set judges the shared \
             corpus (../shared/corpus); index it (`sifa reindex --data ../shared/corpus --index …`) or name another set with --queries",
            judged.len(),
            index.display()
        );
    }
    if missing > 0 {
        eprintln!("warning: {missing} of the {} publications judged in {set} are not in the index", judged.len());
    }
    Ok(())
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

pub fn run(index: &Path, queries: Option<&Path>, expand: bool, synonyms: Synonyms) -> anyhow::Result<ExitCode> {
    let (set, judgements) = read_judgements(queries)?;
    let engine = SearchEngine::open(IndexLocation::new(index)).context("opening the index")?;
    engine.set_synonyms(synonyms);
    let snapshot = engine.snapshot();
    check_judged_ids(&snapshot, &judgements, &set, index)?;
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
