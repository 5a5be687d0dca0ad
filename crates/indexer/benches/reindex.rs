//! Reindex throughput against the floor of the work: single-thread jieba.
//!
//! `cargo bench -p sifa-indexer --bench reindex` over the shared corpus
//! (`$SIFA_CORPUS` or `../shared/corpus`). In one run it
//! 1. reindexes the whole corpus into a temporary index (peak memory is
//!    read right after, before anything else is loaded),
//! 2. segments the same titles and bodies with jieba `cut_for_search` on
//!    one thread,
//!
//! and prints both throughputs over the same text bytes, their ratio, the
//! index size against the corpus size, and peak memory. It checks what it
//! measured: every record of the corpus is accounted for.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use sifa_analysis::ChineseAnalysis;
use sifa_indexer::Pipeline;
use sifa_store::IndexLocation;

fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("SIFA_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    assert!(dir.is_dir(), "no corpus at {} (set SIFA_CORPUS)", dir.display());
    dir
}

/// Titles and bodies of every record and seed, and the JSON Lines bytes.
fn corpus_text(dir: &Path) -> (Vec<String>, u64, usize) {
    let mut texts = Vec::new();
    let mut jsonl_bytes = 0u64;
    let mut records = 0usize;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.to_string_lossy().ends_with(".jsonl.gz")) {
        let reader = BufReader::new(flate2::read::MultiGzDecoder::new(std::fs::File::open(path).unwrap()));
        for line in reader.lines() {
            let line = line.unwrap();
            jsonl_bytes += line.len() as u64 + 1;
            let value: serde_json::Value = serde_json::from_str(&line).unwrap();
            records += 1;
            for key in ["title", "body"] {
                if let Some(text) = value[key].as_str() {
                    texts.push(text.to_string());
                }
            }
        }
    }
    for entry in std::fs::read_dir(dir.join("seeds")).unwrap().filter_map(Result::ok) {
        texts.push(std::fs::read_to_string(entry.path()).unwrap());
        records += 1;
    }
    (texts, jsonl_bytes, records)
}

/// Peak resident memory of this process so far, in bytes.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

fn main() {
    let dir = corpus_dir();
    let index_dir = tempfile::tempdir().unwrap();
    let location = IndexLocation::new(index_dir.path());
    let pipeline = Pipeline::with_default_rules(dir.clone());
    let threads = pipeline.options.threads;
    let started = Instant::now();
    let summary = pipeline.reindex(&location, &()).expect("reindex succeeds");
    let reindex_secs = started.elapsed().as_secs_f64();
    let peak = peak_rss();

    let (texts, jsonl_bytes, records) = corpus_text(&dir);
    let text_bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    assert_eq!(
        summary.documents + summary.duplicates + summary.skipped,
        records as u64,
        "every record is indexed, a duplicate or skipped"
    );
    // The only records skipped are those with no text at all (a few news
    // items whose title and body are both the word "undefined").
    assert!(summary.skipped_by_reason.keys().all(|reason| reason == "empty"), "{:?}", summary.skipped_list);

    let analysis = ChineseAnalysis::default_dictionary();
    let started = Instant::now();
    let mut tokens = 0usize;
    for text in &texts {
        tokens += analysis.jieba().cut_for_search(text, true).len();
    }
    let jieba_secs = started.elapsed().as_secs_f64();
    assert!(tokens > 1_000_000);

    let mb = text_bytes as f64 / 1e6;
    let jieba_rate = mb / jieba_secs;
    let reindex_rate = mb / reindex_secs;
    println!(
        "corpus: {records} records, {:.1} MB of JSON Lines, {mb:.1} MB of title+body text",
        jsonl_bytes as f64 / 1e6
    );
    println!(
        "reindex ({threads} threads): {} documents, {} duplicates, {} skipped in {reindex_secs:.1} s",
        summary.documents, summary.duplicates, summary.skipped
    );
    println!("jieba cut_for_search (1 thread): {tokens} tokens in {jieba_secs:.1} s");
    println!(
        "throughput over the same text: reindex {reindex_rate:.2} MB/s, jieba {jieba_rate:.2} MB/s, ratio {:.2}",
        reindex_rate / jieba_rate
    );
    println!(
        "index size: {:.1} MB = {:.2} × the corpus's uncompressed JSON Lines",
        summary.index_bytes as f64 / 1e6,
        summary.index_bytes as f64 / jsonl_bytes as f64
    );
    println!("peak memory during reindex: {:.0} MiB", peak as f64 / 1024.0 / 1024.0);
}
