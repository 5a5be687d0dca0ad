//! Nothing a page shows is lost to search: every line of every page of the
//! development sets (`../shared/pages`, `../shared/pages2`, or
//! `$SIFA_PAGES` / `$SIFA_PAGES2`) stands in what the reader made of it,
//! its title, body or aside, which are all searched (the aside by quoted
//! phrases). A line is represented by its longest run of Han characters,
//! as a researcher would quote it.
//!
//! The sets are not part of the repository: on a fresh clone without them
//! the test is skipped, and in CI (`CI=true`) their absence is an error.

use std::path::{Path, PathBuf};

use sifa_extract::Extractor;
use sifa_extract::evaluate::read_labels;

/// Runs shorter than this are not checked: a spaced label (索 引 号) or a
/// menu word says nothing of a page.
const MIN_RUN: usize = 4;

fn set_dir(folder: &str, variable: &str) -> Option<PathBuf> {
    let dir = std::env::var_os(variable)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(folder));
    if dir.join("labels.jsonl").is_file() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("the development set is missing at {} (set {variable}); CI needs it", dir.display());
    }
    eprintln!("skipping: no development set at {}", dir.display());
    None
}

/// The longest run of Han characters of a line, folded, glosses left out.
fn longest_run(line: &str) -> String {
    let readable = sifa_fold::fold(&sifa_extract::for_readers(line));
    let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    readable.split(|c: char| !is_han(c)).max_by_key(|run| run.chars().count()).unwrap_or_default().to_string()
}

fn without_spaces(text: &str) -> String {
    sifa_fold::fold(text).chars().filter(|c| !c.is_whitespace()).collect()
}

/// The lines of `page` whose longest run is missing from what was read.
fn lost_lines(extractor: &Extractor, page: &Path, relative: &str) -> Vec<String> {
    let text = std::fs::read(page).expect("the page is readable");
    let text = String::from_utf8_lossy(&text);
    let read = extractor.extract_file(page, relative);
    let Some(Ok(publication)) = read.into_iter().next() else { return vec![format!("{relative}: not read")] };
    let kept = without_spaces(&format!("{}\n{}\n{}", publication.title, publication.body, publication.aside));
    text.lines()
        .map(longest_run)
        .filter(|run| run.chars().count() >= MIN_RUN && !kept.contains(run.as_str()))
        .map(|run| format!("{relative}: {run}"))
        .collect()
}

#[test]
fn every_line_a_page_shows_is_in_its_title_body_or_aside() {
    let extractor = Extractor::with_default_rules();
    let mut lost = Vec::new();
    let mut pages = 0;
    for (folder, variable) in [("pages", "SIFA_PAGES"), ("pages2", "SIFA_PAGES2")] {
        let Some(dir) = set_dir(folder, variable) else { continue };
        let labels = read_labels(&dir.join("labels.jsonl")).expect("labels are readable");
        for label in labels {
            let relative = label.file.rsplit('/').next().unwrap_or(&label.file).to_string();
            lost.extend(lost_lines(&extractor, &dir.join(&relative), &relative));
            pages += 1;
        }
    }
    eprintln!("{pages} pages, {} lines lost", lost.len());
    assert!(lost.is_empty(), "lines lost to search:\n{}", lost.join("\n"));
}
