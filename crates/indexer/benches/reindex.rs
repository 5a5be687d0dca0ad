//! Reindex throughput against the floor of the work: single-thread jieba.
//!
//! `cargo bench -p sifa-indexer --bench reindex` over the shared corpus
//! (`$SIFA_CORPUS` or `../shared/corpus`). In one run it
//! 1. segments every title and body with jieba `cut_for_search` on one
//!    thread, before and after the reindex (the machine is shared: the
//!    ratio is taken against the mean of the two, and both are printed),
//! 2. reindexes the whole corpus into a temporary index (peak memory is
//!    read right after),
//! 3. times each stage alone on one thread (reading, extraction, folding
//!    and building documents, link entries, the links table) in units of
//!    jieba's time, and counts the character-field tokens that are not Han,
//!
//! and prints the throughputs over the same text bytes, their ratio, the
//! index size against the corpus size and where its bytes go, and peak
//! memory. It checks what it measured: every record of the corpus is
//! accounted for.
//!
//! `… --bench reindex -- levers` reindexes once per lever instead (merge
//! policy, writer memory, threads, document-store compression and block
//! size), each changed alone from the defaults, with jieba measured
//! between runs. `… -- curve [N…]` builds corpora of N × the shared one
//! (default 1 4 10; see `reindex/curve.rs`). `… -- space DIR` prints where
//! the bytes of an existing index of the shared corpus go, by field.

#[path = "reindex/common.rs"]
mod common;
#[path = "reindex/curve.rs"]
mod curve;
#[path = "reindex/levers.rs"]
mod levers;
#[path = "reindex/stages.rs"]
mod stages;
#[path = "../../server/benches/search/workload.rs"]
mod workload;

use std::time::Instant;

use sifa_indexer::Pipeline;
use sifa_store::IndexLocation;

use common::{Jieba, corpus_dir, corpus_text, cpu_secs, peak_rss, print_space, reset_peak_rss};

/// mimalloc rather than glibc's allocator: a reindex allocates documents
/// in its extraction workers that tantivy's indexing threads free, and
/// glibc keeps such memory in per-thread arenas (at 4 × the shared corpus,
/// 788 MiB of anonymous memory against 417 MiB with a single arena).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    match args.first().map(String::as_str) {
        Some("levers") => levers::run(),
        Some("curve") => curve::run(&args[1..]),
        Some("curve-child") => curve::child(&args[1..]),
        Some("space") => {
            let index = args.get(1).expect("space INDEX_DIR");
            print_space(&IndexLocation::new(index), corpus_text(&corpus_dir()).jsonl_bytes);
        }
        _ => baseline(),
    }
}

fn baseline() {
    let dir = corpus_dir();
    let corpus = corpus_text(&dir);
    let mut jieba = Jieba::new(&corpus.texts);
    let cpu = cpu_secs();
    let before = jieba.rate();
    let jieba_cpu = cpu_secs() - cpu;

    let index_dir = tempfile::tempdir().unwrap();
    let location = IndexLocation::new(index_dir.path());
    let pipeline = Pipeline::with_default_rules(dir.clone());
    let threads = pipeline.options.threads;
    reset_peak_rss();
    let started = Instant::now();
    let cpu = cpu_secs();
    let summary = pipeline.reindex(&location, &()).expect("reindex succeeds");
    let reindex_secs = started.elapsed().as_secs_f64();
    let reindex_cpu = cpu_secs() - cpu;
    let peak = peak_rss();
    let after = jieba.rate();

    assert_eq!(
        summary.documents + summary.duplicates + summary.skipped,
        corpus.records as u64,
        "every record is indexed, a duplicate or skipped"
    );
    // The only records skipped are those with no text at all (a few news
    // items whose title and body are both the word "undefined").
    assert!(summary.skipped_by_reason.keys().all(|reason| reason == "empty"), "{:?}", summary.skipped_list);

    let mb = corpus.text_bytes as f64 / 1e6;
    let jieba_rate = (before + after) / 2.0;
    let reindex_rate = mb / reindex_secs;
    println!(
        "corpus: {} records, {:.1} MB of JSON Lines, {mb:.1} MB of title+body text",
        corpus.records,
        corpus.jsonl_bytes as f64 / 1e6
    );
    println!(
        "reindex ({threads} threads): {} documents, {} duplicates, {} skipped in {reindex_secs:.2} s \
         (writing {:.2} s, links {:.2} s, commit {:.2} s)",
        summary.documents,
        summary.duplicates,
        summary.skipped,
        summary.stages.writing,
        summary.stages.links,
        summary.stages.commit
    );
    println!(
        "jieba cut_for_search (1 thread): {} tokens, {before:.1} MB/s before the reindex, {after:.1} MB/s after",
        jieba.tokens
    );
    println!(
        "throughput over the same text: reindex {reindex_rate:.2} MB/s, jieba {jieba_rate:.2} MB/s, ratio {:.2}",
        reindex_rate / jieba_rate
    );
    println!(
        "CPU time: reindex {reindex_cpu:.1} s on all threads, jieba {jieba_cpu:.1} s: the reindex does {:.2} × jieba's work, \
         so on 2 otherwise idle cores its ratio could reach {:.2}",
        reindex_cpu / jieba_cpu,
        2.0 * jieba_cpu / reindex_cpu
    );
    println!(
        "index size: {:.1} MB = {:.3} × the corpus's uncompressed JSON Lines",
        summary.index_bytes as f64 / 1e6,
        summary.index_bytes as f64 / corpus.jsonl_bytes as f64
    );
    println!("peak memory during reindex: {:.0} MiB", peak as f64 / 1024.0 / 1024.0);
    print_space(&location, corpus.jsonl_bytes);
    drop(index_dir);
    stages::run(&dir, &corpus, jieba_rate);
}
