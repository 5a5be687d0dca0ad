//! The query service: a thin axum layer over [`sifa_query`].
//!
//! [`app`] builds the router (tested in-process with `tower::ServiceExt`);
//! [`serve`] binds it and keeps the engine on the live index generation.
//! Searches run on the blocking pool, never on the async executor.
//! `/healthz` is liveness; `/readyz` answers 503 until a verified
//! generation is served (what a load balancer checks); `/metrics` is the
//! Prometheus text format ([`metrics`]).

mod admin;
mod assets;
pub mod cache;
mod error;
mod export;
mod feed;
pub mod metrics;
mod openapi;
mod origin;
mod page;
mod params;
mod synonyms;
mod timeline;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;
use sifa_query::{QueryError, SearchEngine, SearchRequest, Snapshot};
use tower_http::compression::CompressionLayer;
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnFailure, TraceLayer};

pub use admin::{Admin, AdminFailure, BoxError, ReindexFn, ReindexOutcome};
pub use error::ApiError;
pub use metrics::Metrics;
use metrics::ReloadOutcome;
pub use synonyms::follow_synonyms;

/// Longest time a request may take before it is answered with 503.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest request body accepted (the read API takes none).
const MAX_BODY_BYTES: usize = 16 * 1024;
/// How often the live generation is checked.
const RELOAD_EVERY: Duration = Duration::from_millis(500);
/// Similar publications returned.
const SIMILAR_COUNT: usize = 10;
/// Suggestions returned.
const SUGGEST_COUNT: usize = 8;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub engine: Arc<SearchEngine>,
    /// Admin operations; `None` disables them.
    pub admin: Option<Arc<Admin>>,
    pub metrics: Arc<Metrics>,
    /// Answers of recent searches (`GET /api/v1/search`); `None` searches
    /// every request.
    pub responses: Option<Arc<cache::ResponseCache>>,
    /// Work on the index runs at most this many at a time: one per core.
    /// More would only share the same cores, so every request would take
    /// longer while as many wait, and a slow search would hold up the
    /// quick ones behind it the longest.
    pub workers: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    pub fn new(engine: Arc<SearchEngine>, admin: Option<Arc<Admin>>) -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let workers = Arc::new(tokio::sync::Semaphore::new(cores));
        Self { engine, admin, metrics: Arc::new(Metrics::new()), responses: Some(Arc::default()), workers }
    }

    /// The same service searching every request afresh.
    pub fn without_response_cache(mut self) -> Self {
        self.responses = None;
        self
    }

    /// A read-only service: admin operations disabled.
    pub fn read_only(engine: Arc<SearchEngine>) -> Self {
        Self::new(engine, None)
    }
}

/// Runs `work` on the blocking pool with the current snapshot, once one of
/// the [`AppState::workers`] is free.
async fn blocking<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&Snapshot) -> Result<T, QueryError> + Send + 'static,
) -> Result<T, ApiError> {
    let snapshot = state.engine.ready()?;
    on_a_worker(state, move || work(&snapshot)).await
}

/// Runs `work` on the blocking pool once a worker is free.
async fn on_a_worker<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce() -> Result<T, QueryError> + Send + 'static,
) -> Result<T, ApiError> {
    let permit = state.workers.clone().acquire_owned().await.expect("the semaphore is never closed");
    Ok(tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work()
    })
    .await??)
}

async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let request = SearchRequest::from_params(params::search_params(raw.as_deref()))?;
    let Some(cache) = state.responses.clone() else {
        let response = blocking(&state, move |s| s.search(&request)).await?;
        if response.total == 0 {
            state.metrics.empty_search();
        }
        return Ok(Json(response).into_response());
    };
    let snapshot = state.engine.ready()?;
    let served = snapshot.served_state();
    let key = cache::key(&request);
    let (body, total) = match cache.get(&key, &snapshot, &served) {
        Some(kept) => kept,
        None => {
            let searched = snapshot.clone();
            let response = on_a_worker(&state, move || searched.search(&request)).await?;
            let body = axum::body::Bytes::from(serde_json::to_vec(&response).expect("a response serialises"));
            cache.put(key, snapshot, served, body.clone(), response.total);
            (body, response.total)
        }
    };
    if total == 0 {
        state.metrics.empty_search();
    }
    Ok(([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// `GET /api/v1/documents/{id}/cited-by`: the publications citing `id`,
/// paged and faceted like a search (the search parameters apply).
async fn cited_by(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let mut params = params::search_params(raw.as_deref());
    params.cites = Some(id.clone());
    let request = SearchRequest::from_params(params)?;
    let response = blocking(&state, move |s| {
        s.document(&id, None)?;
        s.search(&request)
    })
    .await?;
    Ok(Json(response).into_response())
}

async fn similar(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let hits = blocking(&state, move |s| s.similar(&id, SIMILAR_COUNT)).await?;
    Ok(Json(openapi::SimilarResponse { hits }).into_response())
}

async fn suggest(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let q = params::last(&params::pairs(raw.as_deref()), "q").unwrap_or_default();
    if q.chars().count() > sifa_query::MAX_QUERY_CHARS {
        return Err(QueryError::invalid("q", "the query is too long").into());
    }
    let suggestions = blocking(&state, move |s| s.suggest(&q, SUGGEST_COUNT)).await?;
    Ok(Json(openapi::SuggestResponse { suggestions }).into_response())
}

async fn stats(State(state): State<AppState>) -> Result<Response, ApiError> {
    let index = blocking(&state, |s| s.stats()).await?;
    let synonyms = state.engine.synonyms().groups().to_vec();
    let stats = openapi::StatsResponse {
        index,
        limits: sifa_query::Limits::CURRENT,
        kinds: sifa_query::kind_labels(),
        synonyms,
    };
    Ok(Json(stats).into_response())
}

/// Liveness: the process answers, with or without an index.
async fn healthz(State(state): State<AppState>) -> Response {
    let snapshot = state.engine.current();
    let refused = state.engine.refusal().map(|r| json!({"generation": r.generation, "reason": r.reason}));
    Json(json!({
        "status": "ok",
        "generation": snapshot.as_ref().map(|s| s.open.generation.clone()),
        "documents": snapshot.as_ref().map_or(0, |s| s.searcher().num_docs()),
        "refused": refused,
    }))
    .into_response()
}

/// Readiness: 200 once a generation that matched its manifest is served,
/// 503 (`index_unavailable`) until then.
async fn readyz(State(state): State<AppState>) -> Result<Response, ApiError> {
    let snapshot = state.engine.ready()?;
    let body =
        json!({"status": "ready", "generation": snapshot.open.generation, "documents": snapshot.searcher().num_docs()});
    Ok(Json(body).into_response())
}

async fn metrics_text(State(state): State<AppState>) -> Response {
    let text = state.metrics.render(&state.engine);
    ([(header::CONTENT_TYPE, HeaderValue::from_static(metrics::CONTENT_TYPE))], text).into_response()
}

async fn openapi() -> Response {
    Json(openapi::document()).into_response()
}

async fn not_found() -> ApiError {
    ApiError::NotFound
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// The router with every route and layer.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/search", get(search))
        .route("/search.atom", get(feed::search_feed))
        .route("/export", get(export::export))
        .route("/timeline", get(timeline::timeline))
        .route("/documents/{id}", get(page::document))
        .route("/documents/{id}/similar", get(similar))
        .route("/documents/{id}/cited-by", get(cited_by))
        .route("/suggest", get(suggest))
        .route("/stats", get(stats))
        .route("/openapi.json", get(openapi))
        .route("/admin/reindex", axum::routing::post(admin::reindex))
        .route("/admin/reload", axum::routing::post(admin::reload));
    Router::new()
        .nest("/api/v1", api)
        .route("/", get(page::index))
        .route("/assets/{name}", get(assets::asset))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics_text))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state.clone())
        .layer(CompressionLayer::new())
        .layer(cors())
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, REQUEST_TIMEOUT))
        .layer(axum::middleware::map_response(error::timeout_as_error))
        // Failures are logged once, with their cause, by `log_failures`.
        .layer(TraceLayer::new_for_http().on_failure(DefaultOnFailure::new().level(tracing::Level::DEBUG)))
        .layer(axum::middleware::from_fn(error::log_failures))
        .layer(axum::middleware::map_response(security_headers))
        .layer(axum::middleware::from_fn_with_state(state.metrics, metrics::record))
}

/// Any origin may read the API; preflights are answered for the methods
/// and headers that clients send (JSON bodies, bearer tokens).
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION, header::ACCEPT, header::ACCEPT_LANGUAGE])
        .allow_origin(tower_http::cors::Any)
        .max_age(Duration::from_secs(3600))
}

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
    );
    response
}

/// Switches the engine to the generation `CURRENT` names if it is new and
/// verified (on the blocking pool: verifying reads every file), logging
/// and counting the outcome; returns whether it switched.
pub async fn reload(state: &AppState) -> Result<bool, ApiError> {
    let engine = state.engine.clone();
    let started = Instant::now();
    let outcome = tokio::task::spawn_blocking(move || engine.refresh()).await?;
    let took = started.elapsed();
    match &outcome {
        Ok(true) => {
            let generation = state.engine.current().map(|s| s.open.generation.clone()).unwrap_or_default();
            tracing::info!(%generation, took_ms = took.as_millis() as u64, "switched to a new index generation");
            state.metrics.reload(ReloadOutcome::Switched, took);
        }
        Ok(false) => {}
        Err(e) => {
            let refused = state.engine.refusal().and_then(|r| r.generation).unwrap_or_default();
            let serving = state.engine.current().map_or_else(|| "none".to_string(), |s| s.open.generation.clone());
            tracing::warn!(generation = %refused, %serving, error = %sifa_store::error_chain(e),
                "index generation refused; still serving the previous one");
            state.metrics.reload(ReloadOutcome::Refused, took);
        }
    }
    Ok(outcome?)
}

/// Checks for a new generation at once and then every [`RELOAD_EVERY`], forever.
pub async fn keep_fresh(state: AppState) {
    let mut ticker = tokio::time::interval(RELOAD_EVERY);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        if let Err(ApiError::Task(e)) = reload(&state).await {
            tracing::warn!(error = %e, "index reload task failed");
        }
    }
}

/// Serves the app on `addr` until Ctrl-C; `announce` is told the address
/// once it listens (the CLI prints it for people).
pub async fn serve(state: AppState, addr: SocketAddr, announce: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    tracing::info!(addr = %local, admin = state.admin.is_some(), "listening");
    announce(local);
    tokio::spawn(keep_fresh(state.clone()));
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
