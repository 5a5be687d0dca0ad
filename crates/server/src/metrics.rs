//! `/metrics` in the Prometheus text format (version 0.0.4), for an
//! operator's Prometheus scraping each replica.
//!
//! Through `prometheus-client`, the Prometheus project's own Rust client:
//! of the two kept options its dependency tree is the leaner (18 crates,
//! most already linked here, against 45 for `metrics` with
//! `metrics-exporter-prometheus`, which brings its own hash maps, clocks
//! and random numbers), and its registry is a value, so every [`app`]
//! (each in-process test) counts on its own rather than in a global.
//!
//! Counters and histograms are updated as requests and reloads happen;
//! what describes the served index (documents, generation, readiness) is
//! read from the engine when scraped, so it is never stale.
//!
//! [`app`]: crate::app

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use sifa_query::SearchEngine;

/// The `Content-Type` of the Prometheus text format.
pub const CONTENT_TYPE: &str = prometheus_client::encoding::prometheus_text::CONTENT_TYPE;
/// Route label of requests no route matched (kept apart so that stray
/// paths cannot grow the number of series).
const UNMATCHED: &str = "unmatched";
/// Upper bounds of the request latency buckets, in seconds: a search
/// takes about a millisecond, the request timeout is ten seconds.
const LATENCY_BUCKETS: [f64; 14] =
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
/// Upper bounds for switching generations and rebuilding, in seconds.
const SLOW_BUCKETS: [f64; 10] = [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 120.0];

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct GenerationLabels {
    generation: String,
}

/// How a reload ended: `switched` to a new generation, or `refused` one
/// that did not match its manifest (or could not be opened).
#[derive(Debug, Clone, Copy)]
pub enum ReloadOutcome {
    Switched,
    Refused,
}

/// Every metric the server exports.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    empty_searches: Counter,
    reloads: Family<OutcomeLabels, Counter>,
    reload_seconds: Histogram,
    reindexes: Family<OutcomeLabels, Counter>,
    reindex_seconds: Histogram,
    ready: Gauge,
    refused: Gauge,
    documents: Gauge,
    generation: Family<GenerationLabels, Gauge>,
    built: Gauge,
    build_seconds: Gauge<f64, std::sync::atomic::AtomicU64>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("sifa");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests answered, by route and status", requests.clone());
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(
            (|| Histogram::new(LATENCY_BUCKETS)) as fn() -> Histogram,
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from receiving a request to its response headers, by route",
            latency.clone(),
        );
        let empty_searches = Counter::default();
        registry.register("search_empty_results", "Searches that found no publication", empty_searches.clone());
        let reloads = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "index_reloads",
            "New generations switched to, or refused (no manifest, a file missing or damaged)",
            reloads.clone(),
        );
        let reload_seconds = Histogram::new(SLOW_BUCKETS);
        registry.register(
            "index_reload_duration_seconds",
            "Time to verify and open a new generation",
            reload_seconds.clone(),
        );
        let reindexes = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "reindexes",
            "Reindexes run through the admin API, by outcome (ok, busy, failed)",
            reindexes.clone(),
        );
        let reindex_seconds = Histogram::new(SLOW_BUCKETS);
        registry.register(
            "reindex_duration_seconds",
            "Duration of reindexes run through the admin API",
            reindex_seconds.clone(),
        );
        let ready = Gauge::default();
        registry.register(
            "index_ready",
            "1 while a verified generation is served (what /readyz answers)",
            ready.clone(),
        );
        let refused = Gauge::default();
        registry.register(
            "index_refused",
            "1 while CURRENT names a generation this server refused to switch to",
            refused.clone(),
        );
        let documents = Gauge::default();
        registry.register("index_documents", "Publications in the served generation", documents.clone());
        let generation = Family::<GenerationLabels, Gauge>::default();
        registry.register("index_generation", "The served generation, as a label (value 1)", generation.clone());
        let built = Gauge::default();
        registry.register(
            "index_built_timestamp_seconds",
            "When the served generation was built, in Unix seconds",
            built.clone(),
        );
        let build_seconds = Gauge::<f64, std::sync::atomic::AtomicU64>::default();
        registry.register(
            "index_build_duration_seconds",
            "How long building the served generation took (from its manifest, wherever it was built)",
            build_seconds.clone(),
        );
        // Known outcomes start at zero, so rates and alerts see them from
        // the first scrape on.
        for outcome in ["switched", "refused"] {
            let _ = reloads.get_or_create(&OutcomeLabels { outcome });
        }
        for outcome in ["ok", "busy", "failed"] {
            let _ = reindexes.get_or_create(&OutcomeLabels { outcome });
        }
        Self {
            registry,
            requests,
            latency,
            empty_searches,
            reloads,
            reload_seconds,
            reindexes,
            reindex_seconds,
            ready,
            refused,
            documents,
            generation,
            built,
            build_seconds,
        }
    }

    fn request(&self, route: String, status: u16, took: Duration) {
        self.latency.get_or_create(&RouteLabels { route: route.clone() }).observe(took.as_secs_f64());
        self.requests.get_or_create(&RequestLabels { route, status }).inc();
    }

    pub fn empty_search(&self) {
        self.empty_searches.inc();
    }

    pub fn reload(&self, outcome: ReloadOutcome, took: Duration) {
        let outcome = match outcome {
            ReloadOutcome::Switched => "switched",
            ReloadOutcome::Refused => "refused",
        };
        self.reloads.get_or_create(&OutcomeLabels { outcome }).inc();
        self.reload_seconds.observe(took.as_secs_f64());
    }

    /// An admin reindex: `ok`, `busy` or `failed`.
    pub fn reindex(&self, outcome: &'static str, took: Duration) {
        self.reindexes.get_or_create(&OutcomeLabels { outcome }).inc();
        self.reindex_seconds.observe(took.as_secs_f64());
    }

    /// The text a scrape receives, with the served index described as it
    /// is now.
    pub fn render(&self, engine: &SearchEngine) -> String {
        self.generation.clear();
        match engine.current() {
            Some(snapshot) => {
                let manifest = &snapshot.open.manifest;
                self.ready.set(1);
                self.documents.set(i64::try_from(snapshot.searcher().num_docs()).unwrap_or(i64::MAX));
                self.generation
                    .get_or_create(&GenerationLabels { generation: snapshot.open.generation.clone() })
                    .set(1);
                self.built.set(i64::try_from(manifest.info.built_at).unwrap_or(0));
                self.build_seconds.set(manifest.build_seconds);
            }
            None => {
                self.ready.set(0);
                self.documents.set(0);
            }
        }
        self.refused.set(i64::from(engine.refusal().is_some()));
        let mut text = String::new();
        prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry)
            .expect("writing to a String cannot fail");
        text
    }
}

/// Counts every request by the route that answered it, and times it.
pub async fn record(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().map_or(UNMATCHED, |p| p.as_str()).to_string();
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    metrics.request(route, response.status().as_u16(), started.elapsed());
    response
}
