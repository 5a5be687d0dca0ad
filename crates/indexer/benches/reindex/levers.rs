//! Each lever of a reindex changed alone from the defaults: merge policy,
//! writer memory, threads, document-store compression and block size.
//! jieba is measured before each run, so each ratio has its own yardstick
//! on a machine whose load changes under the bench.

use std::time::Instant;

use sifa_indexer::Pipeline;
use sifa_store::{DocStoreSettings, IndexLocation, MergeMode};

use crate::common::{Jieba, corpus_dir, corpus_text, mib, peak_rss, reset_peak_rss, segments};

/// One configuration: a name and what it changes.
struct Lever {
    name: &'static str,
    set: fn(&mut Pipeline),
}

fn levers() -> Vec<Lever> {
    vec![
        Lever { name: "defaults", set: |_| {} },
        Lever { name: "merge: never", set: |p| p.options.writer.merge = MergeMode::Never },
        Lever { name: "merge: once, at commit", set: |p| p.options.writer.merge = MergeMode::Final },
        Lever { name: "writer memory 32 MiB/thread", set: |p| p.options.writer.memory_per_thread = 32 << 20 },
        Lever { name: "writer memory 256 MiB/thread", set: |p| p.options.writer.memory_per_thread = 256 << 20 },
        Lever { name: "extraction threads 1", set: |p| p.options.threads = 1 },
        Lever { name: "extraction threads 3", set: |p| p.options.threads = 3 },
        Lever { name: "writer threads 1", set: |p| p.options.writer.threads = 1 },
        Lever { name: "writer threads 3", set: |p| p.options.writer.threads = 3 },
        Lever { name: "doc store zstd 3", set: |p| p.options.writer.doc_store.zstd_level = Some(3) },
        Lever { name: "doc store zstd 1", set: |p| p.options.writer.doc_store.zstd_level = Some(1) },
        Lever { name: "doc store zstd 9", set: |p| p.options.writer.doc_store.zstd_level = Some(9) },
        Lever { name: "doc store uncompressed", set: |p| p.options.writer.doc_store.zstd_level = None },
        Lever { name: "doc store blocks 16 KiB", set: |p| p.options.writer.doc_store.block_bytes = 16 << 10 },
        Lever { name: "doc store blocks 256 KiB", set: |p| p.options.writer.doc_store.block_bytes = 256 << 10 },
    ]
}

pub fn run() {
    let dir = corpus_dir();
    let corpus = corpus_text(&dir);
    let mut jieba = Jieba::new(&corpus.texts);
    let mb = corpus.text_bytes as f64 / 1e6;
    let only: Option<String> = std::env::var("SIFA_BENCH_LEVER").ok();
    println!("{} MB of title+body text; defaults: {:?}", mb.round(), DocStoreSettings::DEFAULT);
    println!(
        "{:<30} {:>7} {:>8} {:>8} {:>6} {:>9} {:>8} {:>9}",
        "lever", "secs", "MB/s", "jieba", "ratio", "index MB", "× raw", "peak MiB"
    );
    for lever in levers().into_iter().filter(|l| only.as_deref().is_none_or(|o| l.name.contains(o))) {
        let jieba_rate = jieba.rate();
        let index_dir = tempfile::tempdir().unwrap();
        let location = IndexLocation::new(index_dir.path());
        let mut pipeline = Pipeline::with_default_rules(dir.clone());
        (lever.set)(&mut pipeline);
        reset_peak_rss();
        let started = Instant::now();
        let summary = pipeline.reindex(&location, &()).expect("reindex succeeds");
        let secs = started.elapsed().as_secs_f64();
        let peak = peak_rss();
        assert_eq!(summary.documents + summary.duplicates + summary.skipped, corpus.records as u64);
        println!(
            "{:<30} {secs:>7.2} {:>8.2} {jieba_rate:>8.2} {:>6.2} {:>9.1} {:>8.3} {:>9.0}   ({} segments; links {:.2} s, commit {:.2} s)",
            lever.name,
            mb / secs,
            mb / secs / jieba_rate,
            summary.index_bytes as f64 / 1e6,
            summary.index_bytes as f64 / corpus.jsonl_bytes as f64,
            mib(peak),
            segments(&location),
            summary.stages.links,
            summary.stages.commit,
        );
    }
}
