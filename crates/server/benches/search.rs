//! Search latency and HTTP throughput over the shared corpus, uncached
//! first.
//!
//! `cargo bench -p sifa-server --bench search` builds an index of the
//! shared corpus (`$SIFA_CORPUS` or `../shared/corpus`; reuse one with
//! `SIFA_BENCH_INDEX=DIR`), makes 40,000 different researcher-like searches
//! from its titles (`search/workload.rs`) and in one run prints:
//! 1. in-process latency p50/p95/p99 over the first 10,000 of them, each
//!    searched once, the full request: top 10 with snippets, all
//!    disjunctive facets, near matches where the exact ones are few;
//! 2. over HTTP, 16 concurrent keep-alive connections, the same full
//!    request, every request a search not sent before and the response
//!    cache off: throughput, errors and latency (p50/p99), through a load
//!    generator written here (keep-alive HTTP/1.1 clients on threads, as
//!    `wrk -c16` would run them);
//! 3. beside it, the cached figure: a server with its response cache
//!    answering 2,048 of the searches over and over (so nearly all are hits).
//!
//! It checks what it measures: every response is a 200, most with hits,
//! and it counts errors (anything but a 200) rather than stopping.
//! `SIFA_BENCH_IN_PROCESS_ONLY=1` stops after the in-process figures (to
//! profile the search alone: `perf record -g target/release/deps/search-… --bench`);
//! `SIFA_BENCH_TIMES=FILE` writes each in-process search's time, total,
//! near total and parameters there.

#[path = "common/corpus_index.rs"]
mod corpus_index;
#[path = "common/latency.rs"]
mod latency;
#[path = "search/workload.rs"]
mod workload;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sifa_query::{SearchEngine, SearchParams, SearchRequest};
use sifa_store::IndexLocation;

use latency::{percentile, report};

/// mimalloc rather than glibc's allocator: a reindex allocates documents
/// in its extraction workers that tantivy's indexing threads free, and
/// glibc keeps such memory in per-thread arenas (at 4 × the shared corpus,
/// 788 MiB of anonymous memory against 417 MiB with a single arena).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU seconds this thread has used (user + system; Linux).
fn thread_cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
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

/// Different searches made; in-process latency is taken over the first of them.
const SEARCHES: usize = 40_000;
const IN_PROCESS: usize = 10_000;
/// Searches the cached run repeats (the response cache's capacity).
const REPEATED: usize = sifa_server::cache::CAPACITY;

fn main() {
    let (_keep, index) = corpus_index::index_dir();
    let engine = Arc::new(SearchEngine::open(IndexLocation::new(&index)).unwrap());
    let snapshot = engine.snapshot();
    let started = Instant::now();
    let searches = workload::researcher_searches(&engine, SEARCHES);
    println!("{} different searches made from the titles in {:.1} s", searches.len(), started.elapsed().as_secs_f64());

    // Each search once, in-process: no answer is reused.
    let mut full = Vec::new();
    let (mut with_hits, mut with_near) = (0, 0);
    let mut times = std::env::var_os("SIFA_BENCH_TIMES").map(|path| std::fs::File::create(path).unwrap());
    let cpu = thread_cpu_secs();
    for p in &searches[..IN_PROCESS] {
        let request = SearchRequest::from_params(p.clone()).unwrap();
        let started = Instant::now();
        let response = snapshot.search(&request).unwrap();
        let ms = started.elapsed().as_secs_f64() * 1e3;
        full.push(ms);
        with_hits += usize::from(!response.hits.is_empty());
        with_near += usize::from(!response.near_hits.is_empty());
        if let Some(file) = times.as_mut() {
            writeln!(file, "{ms:.3}\t{}\t{}\t{}", response.total, response.near_total, encode(p, "")).unwrap();
        }
    }
    assert!(with_hits > IN_PROCESS / 2, "most searches find something ({with_hits}/{IN_PROCESS})");
    println!("{with_hits} of {IN_PROCESS} searches with hits, {with_near} with near matches");
    let cpu_ms = (thread_cpu_secs() - cpu) * 1e3 / IN_PROCESS as f64;
    report(&format!("in-process, {IN_PROCESS} different searches, top 10 + snippets + all facets"), full);
    println!("CPU time per search (this thread, less sensitive to a busy machine than wall time): {cpu_ms:.3} ms");
    if std::env::var_os("SIFA_BENCH_IN_PROCESS_ONLY").is_some() {
        return; // for profilers: `perf record` over the search alone
    }

    // The server, in this process, on a free port: without the response
    // cache first (every request searched), then with it.
    let paths: Vec<String> = searches.iter().map(|p| encode(p, "agency,topic,kind,year")).collect();
    let port = serve(sifa_server::AppState::read_only(engine.clone()).without_response_cache());
    let uncached = load(port, &paths, false, "each request a search not sent before, no response cache");
    let cached_port = serve(sifa_server::AppState::read_only(engine.clone()));
    let cached = load(cached_port, &paths[..REPEATED], true, "2,048 searches repeated, through the response cache");
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

/// 16 keep-alive connections for up to 10 s taking searches from `paths`
/// in turn: each once (until they run out) or, with `repeat`, over and
/// over; prints throughput, errors and latency and returns searches/s.
fn load(port: u16, paths: &[String], repeat: bool, what: &str) -> f64 {
    let stop = Arc::new(AtomicBool::new(false));
    let next = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let seconds = 10.0;
    let connections = 16;
    let paths: Arc<Vec<String>> = Arc::new(paths.to_vec());
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|_| {
            let (stop, next, errors, paths) = (stop.clone(), next.clone(), errors.clone(), paths.clone());
            std::thread::spawn(move || {
                let mut client = Client::connect(port);
                let mut latencies = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                    if i >= paths.len() && !repeat {
                        break;
                    }
                    let sent = Instant::now();
                    let status = client.get(&paths[i % paths.len()]);
                    latencies.push(sent.elapsed().as_secs_f64() * 1e3);
                    if status != 200 {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
                (latencies, Instant::now())
            })
        })
        .collect();
    while started.elapsed().as_secs_f64() < seconds && (repeat || (next.load(Ordering::Relaxed) as usize) < paths.len())
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    stop.store(true, Ordering::Relaxed);
    let mut latencies = Vec::new();
    let mut finished = started;
    for worker in workers {
        let (mine, at) = worker.join().unwrap();
        latencies.extend(mine);
        finished = finished.max(at);
    }
    let elapsed = (finished - started).as_secs_f64();
    let done = latencies.len();
    latencies.sort_by(|a, b| a.total_cmp(b));
    println!(
        "HTTP, {connections} connections, {what}: {done} searches in {elapsed:.1} s, {:.0} searches/s, {} errors, \
         p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        done as f64 / elapsed,
        errors.load(Ordering::Relaxed),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies[done - 1]
    );
    done as f64 / elapsed
}
