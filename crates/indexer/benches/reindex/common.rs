//! What every mode of the reindex bench needs: the corpus, jieba's rate on
//! its text, peak memory and where an index's bytes go.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use sifa_analysis::ChineseAnalysis;
use sifa_store::{IndexLocation, OpenIndex};

pub fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("SIFA_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    assert!(dir.is_dir(), "no corpus at {} (set SIFA_CORPUS)", dir.display());
    dir
}

/// Titles and bodies of every record and seed, and the JSON Lines bytes.
pub struct Corpus {
    pub texts: Vec<String>,
    pub jsonl_bytes: u64,
    pub text_bytes: u64,
    pub records: usize,
}

/// The corpus's JSON Lines files, in order.
pub fn jsonl_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
    files.retain(|p| p.to_string_lossy().ends_with(".jsonl.gz"));
    files.sort();
    files
}

pub fn corpus_text(dir: &Path) -> Corpus {
    let mut texts = Vec::new();
    let mut jsonl_bytes = 0u64;
    let mut records = 0usize;
    for path in jsonl_files(dir) {
        let reader = BufReader::new(flate2::read::MultiGzDecoder::new(std::fs::File::open(&path).unwrap()));
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
    if let Ok(seeds) = std::fs::read_dir(dir.join("seeds")) {
        for entry in seeds.filter_map(Result::ok) {
            texts.push(std::fs::read_to_string(entry.path()).unwrap());
            records += 1;
        }
    }
    let text_bytes = texts.iter().map(|t| t.len() as u64).sum();
    Corpus { texts, jsonl_bytes, text_bytes, records }
}

/// Single-thread jieba `cut_for_search` over the corpus text: the floor of
/// indexing work, and the yardstick every figure is divided by.
pub struct Jieba<'a> {
    analysis: ChineseAnalysis,
    texts: &'a [String],
    bytes: u64,
    pub tokens: usize,
}

impl<'a> Jieba<'a> {
    pub fn new(texts: &'a [String]) -> Self {
        let bytes = texts.iter().map(|t| t.len() as u64).sum();
        Self { analysis: ChineseAnalysis::default_dictionary(), texts, bytes, tokens: 0 }
    }

    /// Segments everything once; MB/s.
    pub fn rate(&mut self) -> f64 {
        let started = Instant::now();
        let mut tokens = 0usize;
        for text in self.texts {
            tokens += self.analysis.jieba().cut_for_search(text, true).len();
        }
        assert!(tokens > 1_000_000 || self.bytes < 10_000_000);
        self.tokens = tokens;
        self.bytes as f64 / 1e6 / started.elapsed().as_secs_f64()
    }
}

/// Peak resident memory of this process since the last reset, in bytes.
pub fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// CPU seconds this process has used so far (user + system, all threads).
pub fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the
    // 14th and 15th fields of the line, in clock ticks (100 a second).
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Starts the peak over from the memory in use now (Linux: clear_refs 5).
pub fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

pub fn mib(bytes: u64) -> f64 {
    bytes as f64 / 1024.0 / 1024.0
}

/// Segments of the live generation.
pub fn segments(location: &IndexLocation) -> usize {
    let open = OpenIndex::open(location).unwrap();
    open.index.searchable_segment_ids().unwrap().len()
}

/// Where the bytes of the live generation go, by component and field
/// (tantivy's space usage), against `raw` bytes of input.
pub fn print_space(location: &IndexLocation, raw: u64) {
    let open = OpenIndex::open(location).unwrap();
    let searcher = open.index.reader().unwrap().searcher();
    let usage = searcher.space_usage().unwrap();
    let mut by_part: BTreeMap<String, u64> = BTreeMap::new();
    let mut store = 0u64;
    for segment in usage.segments() {
        let parts = [
            ("terms", segment.termdict()),
            ("postings", segment.postings()),
            ("positions", segment.positions()),
            ("fast", segment.fast_fields()),
            ("fieldnorms", segment.fieldnorms()),
        ];
        for (part, fields) in parts {
            for field in fields.fields() {
                *by_part.entry(format!("{} {part}", field.field_name())).or_default() += field.total().get_bytes();
            }
        }
        store += segment.store().total().get_bytes();
    }
    let generation = location.generation_path(&open.generation);
    let mut files: Vec<(String, u64)> = std::fs::read_dir(&generation)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            !name.ends_with(".store")
                && !name.ends_with(".idx")
                && !name.ends_with(".pos")
                && !name.ends_with(".term")
                && !name.ends_with(".fast")
                && !name.ends_with(".fieldnorm")
        })
        .map(|e| (e.file_name().to_string_lossy().to_string(), e.metadata().map_or(0, |m| m.len())))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.1));
    let total = location.generation_size(&open.generation);
    let share = |bytes: u64| {
        format!(
            "{:>6.2} MB {:>5.1}% {:.3} × raw",
            bytes as f64 / 1e6,
            bytes as f64 * 100.0 / total as f64,
            bytes as f64 / raw as f64
        )
    };
    println!("where the index's {:.1} MB go ({} segments):", total as f64 / 1e6, usage.segments().len());
    println!("  document store (compressed)  {}", share(store));
    let mut parts: Vec<(String, u64)> = by_part.into_iter().filter(|(_, b)| *b > 0).collect();
    parts.sort_by_key(|p| std::cmp::Reverse(p.1));
    for (name, bytes) in parts.iter().filter(|(_, b)| *b as f64 > total as f64 * 0.001) {
        println!("  {name:<28} {}", share(*bytes));
    }
    let small: u64 = parts.iter().filter(|(_, b)| *b as f64 <= total as f64 * 0.001).map(|(_, b)| b).sum();
    println!("  {:<28} {}", "other index parts (< 0.1% each)", share(small));
    for (name, bytes) in files.iter().filter(|(_, b)| *b > 1000) {
        println!("  file {name:<23} {}", share(*bytes));
    }
}
