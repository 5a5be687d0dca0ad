//! The research instruments over the shared corpus and from the terminal.
//!
//! - The concordance finds every place a word stands: for every word of
//!   `tests/counts/words.txt`, quoted, `total_occurrences` equals a grep
//!   count of the folded text (the grep of `tests/counts.rs`, counting every
//!   place a word begins) and `total_documents` the search's total; its
//!   lines are the documents' own text; sorting by left and right context
//!   holds. (Quoted, because a bare run of several words, 放管服改革 read as
//!   放管服 and 改革, lists the places of each word, as the matching rule
//!   reads it; quoted, the run is one word.)
//! - The diffusion's first dates are the search's earliest matches per
//!   region, its panel agrees with them and the adoption curve ends at the
//!   number of regions with a first date.
//! - `sifa concordance` prints aligned lines, JSON and CSV.

use std::cmp::Ordering;

use aho_corasick::AhoCorasick;
use sifa_query::{
    ConcordanceField, ConcordanceParams, ConcordanceRequest, DiffusionParams, DiffusionRequest, FacetSelection,
    SearchEngine, SearchParams, SearchRequest, Snapshot, VersionMode,
};
use sifa_store::IndexLocation;

use crate::counts::{each_document, grep_text, words};
use crate::util::{corpus_index, demo_data, run_ok, tempdir};

/// Every version and every copy, words as written: what a grep sees.
fn every_document(word: &str) -> SearchRequest {
    SearchRequest {
        query: word.to_string(),
        per_page: 1,
        facets: FacetSelection::NONE,
        version: VersionMode::All,
        collapse: false,
        expand: false,
        ..SearchRequest::default()
    }
}

/// Per word, every place it begins in the folded titles and bodies, read as grep reads them.
fn occurrences(snapshot: &Snapshot, words: &[String]) -> Vec<u64> {
    let matcher = AhoCorasick::new(words).expect("the words build a matcher");
    let mut counts = vec![0u64; words.len()];
    each_document(snapshot, |p| {
        for text in [grep_text(&p.title), grep_text(&p.body)] {
            for m in matcher.find_overlapping_iter(&text) {
                counts[m.pattern().as_usize()] += 1;
            }
        }
    });
    counts
}

fn lines(params: &[(&str, &str)]) -> ConcordanceRequest {
    let value = |name: &str| params.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
    ConcordanceRequest::from_params(&ConcordanceParams {
        context: value("context"),
        sort: value("sort"),
        page: value("page"),
        per_page: value("per_page"),
    })
    .expect("valid concordance parameters")
}

#[test]
fn concordance_occurrences_equal_a_grep_count_and_documents_the_search_total() {
    let Some(index) = corpus_index() else { return };
    let engine = SearchEngine::open(IndexLocation::new(index)).expect("the corpus index opens");
    let snapshot = engine.snapshot();
    let words = words();
    assert!(words.len() >= 60, "the list holds {} words", words.len());
    let truth = occurrences(&snapshot, &words);
    let mut wrong = Vec::new();
    for (word, expected) in words.iter().zip(truth) {
        let request = every_document(&format!("\"{word}\""));
        let total = snapshot.search(&request).expect("the search runs").total;
        let c = snapshot.concordance(&request, lines(&[("per_page", "1")])).expect("the concordance runs");
        eprintln!("{word}\t{} occurrences ({expected} by grep)\t{} documents", c.total_occurrences, c.total_documents);
        if c.total_occurrences != expected || c.total_documents != total {
            wrong.push(format!(
                "{word}: {} occurrences, {expected} by grep; {} documents, search total {total}",
                c.total_occurrences, c.total_documents
            ));
        }
    }
    assert!(wrong.is_empty(), "concordances that are not the truth:\n{}", wrong.join("\n"));
}

#[test]
fn concordance_lines_are_the_documents_text_and_sorts_hold() {
    let Some(index) = corpus_index() else { return };
    let engine = SearchEngine::open(IndexLocation::new(index)).expect("the corpus index opens");
    let snapshot = engine.snapshot();
    let request = every_document("行政执法");
    for sort in ["left", "right", "date", "relevance"] {
        let mut seen = Vec::new();
        for page in ["1", "2"] {
            let c = snapshot
                .concordance(&request, lines(&[("sort", sort), ("context", "30"), ("per_page", "100"), ("page", page)]))
                .expect("the concordance runs");
            assert!(c.total_occurrences > 1000, "thousands of lines: {}", c.total_occurrences);
            seen.extend(c.lines);
        }
        assert_eq!(seen.len(), 200);
        for line in &seen {
            let p = &snapshot.publications(std::slice::from_ref(&line.id)).expect("the line's publication")[0];
            let text = if line.field == ConcordanceField::Title { &p.title } else { &p.body };
            let chars: Vec<char> = text.chars().collect();
            let (left, matched, right) =
                (line.left.chars().count(), line.matched.chars().count(), line.right.chars().count());
            assert!(left <= 30 && right <= 30, "{line:?}");
            let around: String = chars[line.start - left..line.start + matched + right].iter().collect();
            assert_eq!(around, format!("{}{}{}", line.left, line.matched, line.right), "{line:?}");
            assert!(!format!("{}{}", line.left, line.right).contains('\n'), "within a paragraph: {line:?}");
        }
        for pair in seen.windows(2) {
            let order = match sort {
                "left" => pair[0].left.chars().rev().cmp(pair[1].left.chars().rev()),
                "right" => pair[0].right.cmp(&pair[1].right),
                _ => Ordering::Less,
            };
            assert_ne!(order, Ordering::Greater, "{sort}: {:?} before {:?}", pair[0], pair[1]);
        }
    }
}

#[test]
fn diffusion_first_dates_are_the_searchs_earliest_matches_per_region() {
    let Some(index) = corpus_index() else { return };
    let engine = SearchEngine::open(IndexLocation::new(index)).expect("the corpus index opens");
    let snapshot = engine.snapshot();
    for (word, level) in [("社区矫正", "province"), ("人民调解", "city"), ("法律援助", "county")] {
        let request = every_document(word);
        let params = DiffusionParams { level: Some(level.into()), reference: None };
        let d =
            snapshot.diffusion(&request, DiffusionRequest::from_params(&params).unwrap()).expect("the diffusion runs");
        assert!(!d.regions.is_empty(), "{word} at {level}");
        for region in &d.regions {
            let by_date = SearchParams::from_pairs([
                ("q", word.to_string()),
                ("agency", region.path.clone()),
                ("sort", "date_asc".into()),
                ("per_page", "1".into()),
                ("facets", "none".into()),
                ("version", "all".into()),
                ("collapse", "false".into()),
                ("expand", "false".into()),
            ]);
            let search = snapshot.search(&SearchRequest::from_params(by_date).unwrap()).unwrap();
            assert_eq!(region.documents, search.total, "{word} {}", region.path);
            assert_eq!(region.first_date, search.hits[0].date, "{word} {}", region.path);
        }
        let adopted = d.regions.iter().filter(|r| r.first_date.is_some()).count() as u64;
        assert_eq!(d.adoption.last().map(|a| a.cumulative), Some(adopted), "{word}");
        let panel = d.panel();
        for region in &d.regions {
            let first_year = region.first_date.as_deref().map(|date| date[..4].parse::<i32>().unwrap());
            for row in panel.iter().filter(|row| row.path == region.path) {
                assert_eq!(row.adopted == 1, first_year.is_some_and(|y| row.year >= y), "{row:?}");
                assert_eq!(row.first_date, region.first_date);
            }
        }
        let rows_per_region = d.years.map_or(0, |(first, last)| (last - first + 1) as usize);
        assert_eq!(panel.len(), (d.regions.len() + d.unmatched.len()) * rows_per_region);
    }
}

#[test]
fn sifa_concordance_prints_aligned_lines_json_and_csv() {
    let dir = tempdir();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    run_ok(&["reindex", "--data", demo_data().to_str().unwrap(), "--index", index]);
    let text = run_ok(&["concordance", "法律援助", "--index", index, "--context", "6", "--per-page", "5"]);
    let mut lines = text.lines();
    assert!(lines.next().unwrap().contains("occurrence"), "{text}");
    let shown: Vec<&str> = lines.collect();
    assert_eq!(shown.len(), 5, "{text}");
    let columns: Vec<usize> = shown.iter().map(|l| l.split('【').next().unwrap().chars().count()).collect();
    assert!(shown.iter().all(|l| l.contains("【法律援助】")), "{text}");
    assert!(columns.iter().all(|&c| c > 0), "aligned on the match: {text}");
    let json: serde_json::Value =
        serde_json::from_str(&run_ok(&["concordance", "法律援助", "--index", index, "--json", "--sort", "right"]))
            .unwrap();
    assert_eq!(json["sort"], "right");
    let csv = run_ok(&["concordance", "法律援助", "--index", index, "--csv", "--agency", "山东省"]);
    assert!(csv.starts_with("\u{feff}编号,标题,日期,发布机关,位置,起始字符,左语境,关键词,右语境"), "{csv}");
}
