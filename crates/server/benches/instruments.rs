//! The research instruments' latency over the shared corpus.
//!
//! `cargo bench -p sifa-server --bench instruments` builds an index of the
//! shared corpus (or reuses `SIFA_BENCH_INDEX=DIR`, as the search bench
//! does) and, for words of the field with thousands of occurrences, times
//! in-process:
//! 1. the concordance (a page of 50 lines, 20 characters of context),
//!    sorted by relevance and by left context: every occurrence is found
//!    and sorted for each request;
//! 2. the diffusion tracker by province and by county, with its panel.
//!
//! Every request is answered from scratch (no response cache exists for
//! them): the words are taken in turn, so consecutive requests read
//! different documents. It prints each word's occurrences and documents
//! (checking there are thousands of occurrences), then p50/p95/p99 per
//! instrument. `SIFA_BENCH_ROUNDS` sets the rounds (default 10).

#[path = "common/corpus_index.rs"]
mod corpus_index;
#[path = "common/latency.rs"]
mod latency;

use std::time::Instant;

use sifa_query::{
    ConcordanceParams, ConcordanceRequest, DiffusionParams, DiffusionRequest, SearchEngine, SearchParams, SearchRequest,
};
use sifa_store::IndexLocation;

use latency::report;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Words of the field with thousands of occurrences in the shared corpus
/// (1,400 to 19,600 each in titles and bodies).
const WORDS: &[&str] = &[
    "人民法院",
    "诉讼",
    "鉴定",
    "检察院",
    "司法",
    "调解",
    "未成年人",
    "行政执法",
    "法治",
    "行政处罚",
    "知识产权",
    "法律援助",
];

/// The broadest word of the corpus (in 8,400 publications, 205,600 times),
/// timed apart: beyond what the target speaks of.
const BROADEST: &str = "法";

/// A named request, run for a word.
type Case<'a> = (&'static str, &'a dyn Fn(&str));

fn request(word: &str) -> SearchRequest {
    SearchRequest::from_params(SearchParams::from_pairs([("q", word)])).unwrap()
}

fn concordance(sort: &str) -> ConcordanceRequest {
    ConcordanceRequest::from_params(&ConcordanceParams { sort: Some(sort.into()), ..ConcordanceParams::default() })
        .unwrap()
}

fn diffusion(level: &str) -> DiffusionRequest {
    DiffusionRequest::from_params(&DiffusionParams { level: Some(level.into()), reference: None }).unwrap()
}

fn main() {
    let (_keep, index) = corpus_index::index_dir();
    let engine = SearchEngine::open(IndexLocation::new(&index)).unwrap();
    let snapshot = engine.snapshot();
    let rounds: usize = std::env::var("SIFA_BENCH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    for word in WORDS {
        let c = snapshot.concordance(&request(word), concordance("relevance")).unwrap();
        let d = snapshot.diffusion(&request(word), diffusion("province")).unwrap();
        println!(
            "{word}: {} occurrences in {} publications; {} provinces, {} national bodies",
            c.total_occurrences,
            c.total_documents,
            d.regions.len(),
            d.national.len()
        );
        assert!(c.total_occurrences >= 1000, "{word} has thousands of occurrences");
        assert_eq!(c.lines.len(), 50);
    }
    let mut timings: Vec<(&str, Vec<f64>)> = Vec::new();
    let cases: [Case<'_>; 4] = [
        ("concordance, relevance", &|w| drop(snapshot.concordance(&request(w), concordance("relevance")).unwrap())),
        ("concordance, left context", &|w| drop(snapshot.concordance(&request(w), concordance("left")).unwrap())),
        ("diffusion, province + panel", &|w| {
            drop(snapshot.diffusion(&request(w), diffusion("province")).unwrap().panel())
        }),
        ("diffusion, county + panel", &|w| drop(snapshot.diffusion(&request(w), diffusion("county")).unwrap().panel())),
    ];
    for (name, _) in &cases {
        timings.push((name, Vec::new()));
    }
    for _ in 0..rounds {
        for word in WORDS {
            for (i, (_, run)) in cases.iter().enumerate() {
                let started = Instant::now();
                run(word);
                timings[i].1.push(started.elapsed().as_secs_f64() * 1e3);
            }
        }
    }
    for (name, ms) in timings {
        report(name, ms);
    }
    for (name, run) in cases {
        let ms: Vec<f64> = (0..3)
            .map(|_| {
                let started = Instant::now();
                run(BROADEST);
                started.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        report(&format!("{name}, {BROADEST} alone"), ms);
    }
}
