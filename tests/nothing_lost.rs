//! Nothing a page shows is lost to search: for every line of every page of
//! the development sets (`../shared/pages` and `../shared/pages2`, or
//! `$SIFA_PAGES` / `$SIFA_PAGES2`), a quoted search for its longest run of
//! Chinese finds the page, whether the reader took the line for title,
//! body or neither (the aside, which quoted phrases search).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use sifa_extract::Extractor;
use sifa_query::{SearchEngine, SearchParams, SearchRequest};
use sifa_store::IndexLocation;

use crate::util::{repo, run_ok, tempdir};

/// Shorter runs (a spaced label's 索 引 号, a menu's 首页) say nothing of a page.
const MIN_RUN: usize = 4;
const PER_PAGE: usize = 100;

fn set_dir(folder: &str, variable: &str) -> Option<PathBuf> {
    let dir = std::env::var_os(variable).map(PathBuf::from).unwrap_or_else(|| repo().join("../shared").join(folder));
    if dir.join("labels.jsonl").is_file() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("the development set is missing at {} (set {variable}); CI needs it", dir.display());
    }
    eprintln!("skipping: no development set at {}", dir.display());
    None
}

/// The longest run of Han characters of each line, glosses left out.
fn runs(text: &str) -> BTreeSet<String> {
    let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    text.lines()
        .filter_map(|line| {
            let readable = sifa_extract::for_readers(line);
            let run = readable.split(|c: char| !is_han(c)).max_by_key(|run| run.chars().count())?;
            (run.chars().count() >= MIN_RUN).then(|| run.to_string())
        })
        .collect()
}

/// Whether a quoted search for `run` lists `id`, every page of hits read.
fn finds(engine: &SearchEngine, run: &str, id: &str) -> bool {
    let snapshot = engine.snapshot();
    for page in 1.. {
        let params = SearchParams::from_pairs([
            ("q", format!("\"{run}\"")),
            ("exact", "true".into()),
            ("collapse", "false".into()),
            ("version", "all".into()),
            ("facets", "none".into()),
            ("per_page", PER_PAGE.to_string()),
            ("page", page.to_string()),
        ]);
        let response = snapshot.search(&SearchRequest::from_params(params).expect("a valid search")).expect("searched");
        if response.hits.iter().any(|hit| hit.id == id) {
            return true;
        }
        if page * PER_PAGE >= response.total as usize {
            return false;
        }
    }
    false
}

fn copy_pages(from: &Path, to: &Path) -> Vec<String> {
    std::fs::create_dir_all(to).unwrap();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            std::fs::copy(&path, to.join(&name)).unwrap();
            names.push(name);
        }
    }
    names.sort();
    names
}

#[test]
fn every_line_of_every_development_page_finds_its_page_when_quoted() {
    let sets: Vec<(&str, PathBuf)> = [("pages", "SIFA_PAGES"), ("pages2", "SIFA_PAGES2")]
        .into_iter()
        .filter_map(|(folder, variable)| Some((folder, set_dir(folder, variable)?)))
        .collect();
    if sets.is_empty() {
        return;
    }
    let dir = tempdir();
    let data = dir.path().join("data");
    let mut pages = Vec::new();
    for (folder, from) in &sets {
        for name in copy_pages(from, &data.join(folder)) {
            pages.push(format!("{folder}/{name}"));
        }
    }
    let index = dir.path().join("index");
    run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", index.to_str().unwrap()]);
    let engine = SearchEngine::open(IndexLocation::new(&index)).expect("the index opens");
    let extractor = Extractor::with_default_rules();

    let (mut checked, mut lost) = (0, Vec::new());
    for relative in &pages {
        let path = data.join(relative);
        let Some(Ok(publication)) = extractor.extract_file(&path, relative).into_iter().next() else {
            lost.push(format!("{relative}: not read"));
            continue;
        };
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        for run in runs(&text) {
            checked += 1;
            if !finds(&engine, &run, &publication.id) {
                lost.push(format!("{relative} ({}): \"{run}\"", publication.id));
            }
        }
    }
    eprintln!("{} pages, {checked} quoted lines, {} not found", pages.len(), lost.len());
    assert!(checked > 1000, "only {checked} lines checked");
    assert!(lost.is_empty(), "quoted lines that miss their page:\n{}", lost.join("\n"));
}
