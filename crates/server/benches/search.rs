//! Search latency and HTTP throughput over the shared corpus.
//!
//! `cargo bench -p sifa-server --bench search` builds an index of the
//! shared corpus (`$SIFA_CORPUS` or `../shared/corpus`; reuse one with
//! `SIFA_BENCH_INDEX=DIR`), then in one run prints:
//! 1. in-process latency p50/p95/p99 of 240 varied searches, the full
//!    request: top 10 with snippets and all disjunctive facets;
//! 2. over HTTP on one keep-alive connection, top 10 plus the agency facet;
//! 3. throughput and latency (p50/p99) at 16 concurrent keep-alive
//!    connections for 10 s, the full request: top 10 with snippets and all
//!    four facets, through a load generator written here (keep-alive
//!    HTTP/1.1 clients on threads, as `wrk -c16` would run them).
//!
//! 4. the same load against a server with its response cache (the mix
//!    repeats, so most requests are answered from it), with the ratio.
//!
//! It checks what it measures: every response is a 200, most with hits,
//! and it counts errors (anything but a 200) rather than stopping.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sifa_indexer::Pipeline;
use sifa_query::{SearchEngine, SearchParams, SearchRequest};
use sifa_store::IndexLocation;

/// mimalloc rather than glibc's allocator: a reindex allocates documents
/// in its extraction workers that tantivy's indexing threads free, and
/// glibc keeps such memory in per-thread arenas (at 4 × the shared corpus,
/// 788 MiB of anonymous memory against 417 MiB with a single arena).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WORDS: &[&str] = &[
    "法律援助",
    "人民调解",
    "社区矫正",
    "行政复议",
    "司法鉴定",
    "公证",
    "律师",
    "普法",
    "监狱",
    "戒毒",
    "法治政府",
    "行政执法",
    "营商环境",
    "未成年人",
    "知识产权",
    "生态环境",
    "安全生产",
    "乡村振兴",
    "数字经济",
    "食品安全",
    "依法治国",
    "人大常委会",
    "条例",
    "司法部",
    "最高人民法院",
    "刑事诉讼",
    "国家赔偿",
    "仲裁",
    "消费者权益",
    "劳动合同",
];
const AGENCIES: &[&str] = &["山东省", "浙江省", "司法部", "中华人民共和国国务院", "河南省/郑州市"];
const TOPICS: &[&str] = &["法律援助", "人民调解", "监狱与戒毒", "行政复议与应诉", "普法与法治宣传"];
const KINDS: &[&str] = &["law", "local_regulation", "news", "regulation"];

/// 240 searches: 1-4 words, phrases, filters, empty queries, deep pages.
fn workload() -> Vec<SearchParams> {
    let mut out = Vec::new();
    for i in 0..240usize {
        let word = |k: usize| WORDS[(i * 7 + k * 13) % WORDS.len()];
        let q = match i % 8 {
            0 => word(0).to_string(),
            1 => format!("{} {}", word(0), word(1)),
            2 => format!("{} {} {}", word(0), word(1), word(2)),
            3 => format!("{} {} {} {}", word(0), word(1), word(2), word(3)),
            4 => format!("\"{}\"", word(0)),
            5 => String::new(),
            6 => format!("{} -{}", word(0), word(1)),
            _ => format!("{} OR {}", word(0), word(1)),
        };
        let mut p = SearchParams::from_pairs([("q", q)]);
        if i % 3 == 0 {
            p.push("agency", AGENCIES[i % AGENCIES.len()]);
        }
        if i % 5 == 0 {
            p.push("topic", TOPICS[i % TOPICS.len()]);
        }
        if i % 7 == 0 {
            p.push("kind", KINDS[i % KINDS.len()]);
        }
        if i % 11 == 0 {
            p.set("from", "2020-01-01");
            p.set("to", "2024-12-31");
        }
        if i % 13 == 0 {
            p.set("page", "20");
        }
        out.push(p);
    }
    out
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn report(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{name}: n={} p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms  max {:.2} ms",
        ms.len(),
        percentile(&ms, 0.5),
        percentile(&ms, 0.95),
        percentile(&ms, 0.99),
        ms[ms.len() - 1]
    );
}

/// The index searched: `SIFA_BENCH_INDEX` (built there first when it holds
/// no generation yet, and kept), else a temporary one.
fn index_dir() -> (Option<tempfile::TempDir>, PathBuf) {
    let given = std::env::var_os("SIFA_BENCH_INDEX").map(PathBuf::from);
    if let Some(dir) = &given
        && IndexLocation::new(dir).current().ok().flatten().is_some()
    {
        return (None, dir.clone());
    }
    let corpus = std::env::var_os("SIFA_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    assert!(corpus.is_dir(), "no corpus at {} (set SIFA_CORPUS)", corpus.display());
    let (temp, path) = match given {
        Some(dir) => (None, dir),
        None => {
            let temp = tempfile::tempdir().unwrap();
            let path = temp.path().to_path_buf();
            (Some(temp), path)
        }
    };
    let summary =
        Pipeline::with_default_rules(corpus).with_threads(Some(2)).reindex(&IndexLocation::new(&path), &()).unwrap();
    println!("index: {} documents", summary.documents);
    (temp, path)
}

fn encode(params: &SearchParams, facets: &str) -> String {
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let mut parts = vec![format!("facets={facets}")];
    parts.extend(params.pairs().map(|(key, value)| format!("{key}={}", enc(value))));
    format!("/api/v1/search?{}", parts.join("&"))
}

/// A keep-alive HTTP/1.1 client: one GET, returns the status.
struct Client {
    reader: BufReader<TcpStream>,
}

impl Client {
    fn connect(port: u16) -> Self {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_nodelay(true).unwrap();
        Self { reader: BufReader::new(stream) }
    }

    fn get(&mut self, path: &str) -> u16 {
        write!(self.reader.get_mut(), "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        let mut status_line = String::new();
        self.reader.read_line(&mut status_line).unwrap();
        let status = status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).unwrap();
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).unwrap();
        status
    }
}

fn main() {
    let (_keep, index) = index_dir();
    let engine = Arc::new(SearchEngine::open(IndexLocation::new(&index)).unwrap());
    let snapshot = engine.snapshot();
    let workload = workload();
    let requests: Vec<SearchRequest> =
        workload.iter().map(|p| SearchRequest::from_params(p.clone()).unwrap()).collect();

    // Warm up caches, then measure the full request in-process.
    for r in &requests {
        snapshot.search(r).unwrap();
    }
    let mut full = Vec::new();
    let mut with_hits = 0;
    for r in &requests {
        let started = Instant::now();
        let response = snapshot.search(r).unwrap();
        full.push(started.elapsed().as_secs_f64() * 1e3);
        with_hits += usize::from(!response.hits.is_empty());
    }
    assert!(with_hits > requests.len() / 2, "most searches find something ({with_hits}/{})", requests.len());
    report("in-process, top 10 + snippets + all facets", full);

    // The server, in this process, on a free port: without the response
    // cache first (every request searched), then with it.
    let port = serve(sifa_server::AppState::read_only(engine.clone()).without_response_cache());
    let paths: Vec<String> = workload.iter().map(|p| encode(p, "agency")).collect();
    let mut client = Client::connect(port);
    for path in &paths {
        assert_eq!(client.get(path), 200, "{path}");
    }
    let mut one = Vec::new();
    for path in &paths {
        let started = Instant::now();
        assert_eq!(client.get(path), 200);
        one.push(started.elapsed().as_secs_f64() * 1e3);
    }
    report("HTTP, 1 connection, top 10 + agency facet", one);

    let full_paths: Vec<String> = workload.iter().map(|p| encode(p, "agency,topic,kind,year")).collect();
    let uncached = load(port, &full_paths, "top 10 + snippets + all four facets, no response cache");
    let cached_port = serve(sifa_server::AppState::read_only(engine.clone()));
    let cached = load(cached_port, &full_paths, "the same with the response cache (the mix repeats: mostly hits)");
    println!("response cache: {:.1} × the searches/s without it", cached / uncached);
}

/// Serves `state` from this process on a free port.
fn serve(state: sifa_server::AppState) -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
        runtime.block_on(async move {
            listener.set_nonblocking(true).unwrap();
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, sifa_server::app(state)).await.unwrap();
        });
    });
    std::thread::sleep(Duration::from_millis(200));
    port
}

/// 16 keep-alive connections for 10 s, each sending the mix in turn from
/// its own starting point; prints throughput, errors and latency and
/// returns searches/s.
fn load(port: u16, paths: &[String], what: &str) -> f64 {
    let stop = Arc::new(AtomicBool::new(false));
    let errors = Arc::new(AtomicU64::new(0));
    let seconds = 10.0;
    let connections = 16;
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|w| {
            let (stop, errors, paths) = (stop.clone(), errors.clone(), paths.to_vec());
            std::thread::spawn(move || {
                let mut client = Client::connect(port);
                let mut i = w * 15;
                let mut latencies = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let sent = Instant::now();
                    let status = client.get(&paths[i % paths.len()]);
                    latencies.push(sent.elapsed().as_secs_f64() * 1e3);
                    if status != 200 {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                    i += 1;
                }
                latencies
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs_f64(seconds));
    stop.store(true, Ordering::Relaxed);
    let mut latencies: Vec<f64> = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    let elapsed = started.elapsed().as_secs_f64();
    let done = latencies.len();
    latencies.sort_by(|a, b| a.total_cmp(b));
    println!(
        "HTTP, {connections} connections for {seconds:.0} s, {what}: {done} searches, {:.0} searches/s, {} errors, \
         p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        done as f64 / elapsed,
        errors.load(Ordering::Relaxed),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies[done - 1]
    );
    done as f64 / elapsed
}
