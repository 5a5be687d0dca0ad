//! Each lever of a reindex changed alone from the defaults: merge policy,
//! writer memory, threads, document-store compression and block size.
//! jieba is measured before each run, so each ratio has its own yardstick
//! on a machine whose load changes under the bench. `SIFA_BENCH_LEVER=part`
//! runs only the levers whose name contains it.

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
        Lever { name: "merge: while writing (log policy)", set: |p| p.options.writer.merge = MergeMode::WhileWriting },
        Lever { name: "writer memory 32 MiB/thread", set: |p| p.options.writer.memory_per_thread = 32 << 20 },
        Lever { name: "writer memory 256 MiB/thread", set: |p| p.options.writer.memory_per_thread = 256 << 20 },
        Lever { name: "extraction threads 1", set: |p| p.options.threads = 1 },
        Lever { name: "extraction threads 3", set: |p| p.options.threads = 3 },
        Lever { name: "writer threads 1", set: |p| p.options.writer.threads = 1 },
        Lever { name: "writer threads 3", set: |p| p.options.writer.threads = 3 },
        Lever { name: "doc store zstd 1", set: |p| p.options.writer.doc_store.zstd_level = Some(1) },
        Lever { name: "doc store zstd 3", set: |p| p.options.writer.doc_store.zstd_level = Some(3) },
        Lever { name: "doc store zstd 6", set: |p| p.options.writer.doc_store.zstd_level = Some(6) },
        Lever { name: "doc store uncompressed", set: |p| p.options.writer.doc_store.zstd_level = None },
        Lever { name: "doc store blocks 16 KiB", set: |p| p.options.writer.doc_store.block_bytes = 16 << 10 },
        Lever { name: "doc store blocks 64 KiB", set: |p| p.options.writer.doc_store.block_bytes = 64 << 10 },
        Lever { name: "doc store blocks 128 KiB", set: |p| p.options.writer.doc_store.block_bytes = 128 << 10 },
        Lever {
            name: "previous defaults (log merges, zstd 6, 64 KiB)",
            set: |p| {
                p.options.writer.merge = MergeMode::WhileWriting;
                p.options.writer.doc_store = DocStoreSettings { zstd_level: Some(6), block_bytes: 64 << 10 };
            },
        },
    ]
}

/// Runs each lever in a child process (this bench binary again, told
/// which lever by `SIFA_BENCH_LEVER_CHILD`), so each peak memory is that
/// of a fresh process; jieba is measured here before each child.
pub fn run() {
    if let Ok(name) = std::env::var("SIFA_BENCH_LEVER_CHILD") {
        return child(&name);
    }
    let dir = corpus_dir();
    let corpus = corpus_text(&dir);
    let mut jieba = Jieba::new(&corpus.texts);
    let mb = corpus.text_bytes as f64 / 1e6;
    let only: Option<String> = std::env::var("SIFA_BENCH_LEVER").ok();
    println!("{} MB of title+body text; defaults: {:?}", mb.round(), DocStoreSettings::DEFAULT);
    println!("each lever reindexes in a fresh child process (peak memory: its high-water mark, VmHWM)");
    println!(
        "{:<32} {:>7} {:>8} {:>8} {:>6} {:>9} {:>8} {:>9}",
        "lever", "secs", "MB/s", "jieba", "ratio", "index MB", "× raw", "peak MiB"
    );
    for lever in levers().into_iter().filter(|l| only.as_deref().is_none_or(|o| l.name.contains(o))) {
        let jieba_rate = jieba.rate();
        let output = std::process::Command::new(std::env::current_exe().unwrap())
            .arg("levers")
            .env("SIFA_BENCH_LEVER_CHILD", lever.name)
            .env("SIFA_BENCH_RECORDS", corpus.records.to_string())
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let stdout = String::from_utf8_lossy(&output.stdout);
        let line = stdout.lines().find_map(|l| l.strip_prefix("LEVER ")).expect("the child's figures");
        let v: Vec<&str> = line.splitn(7, ' ').collect();
        let (secs, index_bytes, peak): (f64, f64, u64) =
            (v[0].parse().unwrap(), v[1].parse().unwrap(), v[2].parse().unwrap());
        println!(
            "{:<32} {secs:>7.2} {:>8.2} {jieba_rate:>8.2} {:>6.2} {:>9.1} {:>8.3} {:>9.0}   ({} segments; links {} s, commit {} s)",
            lever.name,
            mb / secs,
            mb / secs / jieba_rate,
            index_bytes / 1e6,
            index_bytes / corpus.jsonl_bytes as f64,
            mib(peak),
            v[3],
            v[4],
            v[5],
        );
    }
}

/// One lever's reindex; prints `LEVER secs index_bytes peak segments links commit`.
fn child(name: &str) {
    let lever = levers().into_iter().find(|l| l.name == name).expect("a known lever");
    let dir = corpus_dir();
    let records: u64 = std::env::var("SIFA_BENCH_RECORDS").unwrap().parse().unwrap();
    let index_dir = tempfile::tempdir().unwrap();
    let location = IndexLocation::new(index_dir.path());
    let mut pipeline = Pipeline::with_default_rules(dir);
    (lever.set)(&mut pipeline);
    reset_peak_rss();
    let started = Instant::now();
    let summary = pipeline.reindex(&location, &()).expect("reindex succeeds");
    let secs = started.elapsed().as_secs_f64();
    let peak = peak_rss();
    assert_eq!(summary.documents + summary.duplicates + summary.skipped, records);
    println!(
        "LEVER {secs} {} {peak} {} {:.2} {:.2}",
        summary.index_bytes,
        segments(&location),
        summary.stages.links,
        summary.stages.commit
    );
}
