//! The cost curve: corpora of N × the shared one.
//!
//! `cargo bench -p sifa-indexer --bench reindex -- curve [N…]` (default
//! 1 4 10). For each N it writes a temporary data directory holding N
//! copies of the shared corpus's JSON Lines, streamed record by record
//! (never held in memory): copy 0 as it is, copy k with new ids (`…~k`),
//! dates shifted k years back and a line naming the copy appended to the
//! body (so the content-fingerprint deduplication does not drop it; the
//! copies stay near-duplicates, which the links stage groups as reposts).
//! The seed pages are included once. Files are written gzipped (level 1),
//! like the shared corpus.
//!
//! The reindex runs in a child process (this bench binary again), so its
//! peak memory is that of a whole `sifa reindex`-like process, read from
//! the kernel's high-water mark (VmHWM). Then the index is searched
//! in-process with a varied mix (top 10 + snippets + all four facets).
//! Temporary directories are deleted after each N (`SIFA_BENCH_TMP` sets
//! where they go; default the system temp directory).

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use sifa_indexer::Pipeline;
use sifa_query::{SearchEngine, SearchRequest};
use sifa_store::IndexLocation;
use sifa_store::MergeMode;

use crate::common::{corpus_dir, jsonl_files, mib, peak_rss};

/// Bytes written for one N: uncompressed JSON Lines, title+body text, records.
#[derive(Default)]
struct Written {
    jsonl_bytes: u64,
    text_bytes: u64,
    records: u64,
}

/// `date` (YYYY-MM-DD, YYYY-MM or YYYY) moved `years` back; 29 February
/// becomes the 28th.
fn shift_date(date: &str, years: i32) -> Option<String> {
    let year: i32 = date.get(..4)?.parse().ok()?;
    let rest = &date[4..];
    let rest = if rest == "-02-29" { "-02-28" } else { rest };
    Some(format!("{:04}{rest}", year - years))
}

/// Writes N copies of the corpus into `data`, streaming.
fn write_copies(corpus: &Path, data: &Path, copies: usize) -> Written {
    let mut written = Written::default();
    for path in jsonl_files(corpus) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for k in 0..copies {
            let out = std::fs::File::create(data.join(format!("copy{k:02}-{name}"))).unwrap();
            let mut out = BufWriter::new(flate2::write::GzEncoder::new(out, flate2::Compression::fast()));
            let reader = BufReader::new(flate2::read::MultiGzDecoder::new(std::fs::File::open(&path).unwrap()));
            for line in reader.lines() {
                let line = line.unwrap();
                let mut value: serde_json::Value = serde_json::from_str(&line).unwrap();
                if k > 0 {
                    let object = value.as_object_mut().unwrap();
                    if let Some(id) = object.get("id").and_then(|v| v.as_str()).map(str::to_string) {
                        object.insert("id".into(), format!("{id}~{k}").into());
                    }
                    if let Some(date) =
                        object.get("date").and_then(|v| v.as_str()).and_then(|d| shift_date(d, k as i32))
                    {
                        object.insert("date".into(), date.into());
                    }
                    if let Some(body) = object.get("body").and_then(|v| v.as_str()).map(str::to_string) {
                        object.insert("body".into(), format!("{body}\n（第{k}份副本）").into());
                    }
                }
                let text = serde_json::to_string(&value).unwrap();
                for key in ["title", "body"] {
                    written.text_bytes += value[key].as_str().map_or(0, |t| t.len() as u64);
                }
                written.jsonl_bytes += text.len() as u64 + 1;
                written.records += 1;
                out.write_all(text.as_bytes()).unwrap();
                out.write_all(b"\n").unwrap();
            }
            out.into_inner().ok().unwrap().finish().unwrap();
        }
    }
    if let Ok(seeds) = std::fs::read_dir(corpus.join("seeds")) {
        std::fs::create_dir_all(data.join("seeds")).unwrap();
        for entry in seeds.filter_map(Result::ok) {
            let text = std::fs::read(entry.path()).unwrap();
            written.text_bytes += text.len() as u64;
            written.jsonl_bytes += text.len() as u64;
            written.records += 1;
            std::fs::write(data.join("seeds").join(entry.file_name()), text).unwrap();
        }
    }
    written
}

/// What the child process reports of its reindex.
struct Child {
    secs: f64,
    documents: u64,
    duplicates: u64,
    skipped: u64,
    index_bytes: u64,
    peak: u64,
    segments: usize,
}

/// The child: reindexes `data` into `index` and prints one line of figures.
pub fn child(args: &[String]) {
    let (data, index) = (PathBuf::from(&args[0]), PathBuf::from(&args[1]));
    let mut pipeline = Pipeline::with_default_rules(data);
    if let Some(merge) = merge_mode() {
        pipeline.options.writer.merge = merge;
    }
    let started = Instant::now();
    let summary = pipeline.reindex(&IndexLocation::new(&index), &()).expect("reindex succeeds");
    let secs = started.elapsed().as_secs_f64();
    println!(
        "CURVE {secs} {} {} {} {} {} {}",
        summary.documents,
        summary.duplicates,
        summary.skipped,
        summary.index_bytes,
        peak_rss(),
        crate::common::segments(&IndexLocation::new(&index))
    );
}

/// `SIFA_BENCH_MERGE=never` (or `final`, `while-writing`): the merge mode of
/// the curve's reindexes, to compare with the default.
fn merge_mode() -> Option<MergeMode> {
    match std::env::var("SIFA_BENCH_MERGE").ok()?.as_str() {
        "never" => Some(MergeMode::Never),
        "final" => Some(MergeMode::Final),
        "while-writing" => Some(MergeMode::WhileWriting),
        other => panic!("SIFA_BENCH_MERGE={other}: use never, final or while-writing"),
    }
}

fn run_child(data: &Path, index: &Path) -> Child {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .arg("curve-child")
        .arg(data)
        .arg(index)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().find_map(|l| l.strip_prefix("CURVE ")).expect("the child's figures");
    let v: Vec<&str> = line.split_whitespace().collect();
    Child {
        secs: v[0].parse().unwrap(),
        documents: v[1].parse().unwrap(),
        duplicates: v[2].parse().unwrap(),
        skipped: v[3].parse().unwrap(),
        index_bytes: v[4].parse().unwrap(),
        peak: v[5].parse().unwrap(),
        segments: v[6].parse().unwrap(),
    }
}

/// In-process searches timed at each N: the first of the search bench's
/// researcher-like searches (`crates/server/benches/search/workload.rs`).
const SEARCHES: usize = 2000;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// In-process search latency over `index`, each search once: p50 and p99 in ms.
fn search_latency(index: &Path) -> (f64, f64) {
    let engine = SearchEngine::open(IndexLocation::new(index)).unwrap();
    let snapshot = engine.snapshot();
    let requests: Vec<SearchRequest> = crate::workload::researcher_searches(&engine, SEARCHES)
        .into_iter()
        .map(|p| SearchRequest::from_params(p).unwrap())
        .collect();
    let mut ms: Vec<f64> = requests
        .iter()
        .map(|r| {
            let started = Instant::now();
            std::hint::black_box(snapshot.search(r).unwrap());
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (percentile(&ms, 0.5), percentile(&ms, 0.99))
}

pub fn run(args: &[String]) {
    let ns: Vec<usize> =
        if args.is_empty() { vec![1, 4, 10] } else { args.iter().map(|a| a.parse().unwrap()).collect() };
    let corpus = corpus_dir();
    let tmp = std::env::var_os("SIFA_BENCH_TMP").map_or_else(std::env::temp_dir, PathBuf::from);
    println!(
        "cost curve: N copies of the shared corpus (copy k: ids `…~k`, dates k years back, a line naming the copy \
         appended to the body; seeds once), streamed into gzipped JSON Lines in a temporary data directory; \
         reindex in a child process (default settings, merges: {}), peak memory = its VmHWM; search in-process, \
         top 10 + snippets + all four facets + near matches, {SEARCHES} different researcher-like searches",
        std::env::var("SIFA_BENCH_MERGE").unwrap_or_else(|_| "default".into())
    );
    println!(
        "{:>3} {:>9} {:>9} {:>9} {:>8} {:>8} {:>9} {:>7} {:>9} {:>5} {:>8} {:>8}",
        "N", "records", "docs", "raw MB", "secs", "MB/s", "index MB", "× raw", "peak MiB", "segs", "p50 ms", "p99 ms"
    );
    for n in ns {
        let data = tempfile::tempdir_in(&tmp).unwrap();
        let started = Instant::now();
        let written = write_copies(&corpus, data.path(), n);
        let generated = started.elapsed().as_secs_f64();
        let index = tempfile::tempdir_in(&tmp).unwrap();
        let child = run_child(data.path(), index.path());
        drop(data);
        assert_eq!(
            child.documents + child.duplicates + child.skipped,
            written.records,
            "every record is accounted for"
        );
        let (p50, p99) = search_latency(index.path());
        let mb = written.text_bytes as f64 / 1e6;
        println!(
            "{n:>3} {:>9} {:>9} {:>9.1} {:>8.2} {:>8.2} {:>9.1} {:>7.3} {:>9.0} {:>5} {p50:>8.2} {p99:>8.2}   \
             ({mb:.0} MB of title+body text; {} duplicates, {} skipped; copies written in {generated:.1} s)",
            written.records,
            child.documents,
            written.jsonl_bytes as f64 / 1e6,
            child.secs,
            mb / child.secs,
            child.index_bytes as f64 / 1e6,
            child.index_bytes as f64 / written.jsonl_bytes as f64,
            mib(child.peak),
            child.segments,
            child.duplicates,
            child.skipped,
        );
    }
}
