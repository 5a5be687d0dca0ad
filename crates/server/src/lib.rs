//! The query service: a thin axum layer over [`sifa_query`].
//!
//! [`app`] builds the router (tested in-process with `tower::ServiceExt`)
//! from the handlers in [`routes`], one module per resource; [`serve`]
//! binds it and keeps the engine on the live index generation. Searches
//! run on the blocking pool, never on the async executor. `/healthz` is
//! liveness; `/readyz` answers 503 until a verified generation is served
//! (what a load balancer checks); `/metrics` is the Prometheus text format
//! ([`metrics`]).

mod admin;
mod assets;
pub mod cache;
mod connections;
mod error;
mod error_codes;
mod formats;
pub mod metrics;
mod origin;
mod params;
mod routes;
mod synonyms;
pub mod tables;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use sifa_query::{QueryError, SearchEngine, Snapshot};

pub use admin::{Admin, AdminFailure, BoxError, ReindexFn, ReindexOutcome};
pub use connections::{Connections, DEFAULT_HEADER_TIMEOUT, DEFAULT_MAX_CONNECTIONS, serve_connections};
pub use error::ApiError;
pub use metrics::Metrics;
use metrics::ReloadOutcome;
pub use origin::PublicUrl;
pub use routes::app;
pub use synonyms::follow_synonyms;

/// How often the live generation is checked.
const RELOAD_EVERY: Duration = Duration::from_millis(500);

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
    /// The deployment's public address, for absolute links; `None` takes
    /// the request's host.
    pub public_url: Option<PublicUrl>,
}

impl AppState {
    pub fn new(engine: Arc<SearchEngine>, admin: Option<Arc<Admin>>) -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let workers = Arc::new(tokio::sync::Semaphore::new(cores));
        let (metrics, responses) = (Arc::new(Metrics::new()), Some(Arc::default()));
        Self { engine, admin, metrics, responses, workers, public_url: None }
    }

    /// The same service making absolute links from `public_url`.
    pub fn with_public_url(mut self, public_url: Option<PublicUrl>) -> Self {
        self.public_url = public_url;
        self
    }

    /// The origin of the absolute links of an answer to a request with `headers`.
    pub(crate) fn link_origin(&self, headers: &axum::http::HeaderMap) -> String {
        origin::link_origin(self.public_url.as_ref(), headers)
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
pub(crate) async fn on_a_worker<T: Send + 'static>(
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

/// Serves the app on `addr` within the connection `limits` until Ctrl-C;
/// `announce` is told the address once it listens (the CLI prints it for
/// people).
pub async fn serve(
    state: AppState,
    addr: SocketAddr,
    limits: Connections,
    announce: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    tracing::info!(addr = %local, admin = state.admin.is_some(), max_connections = limits.max,
        header_timeout_s = limits.header_timeout.as_secs_f64(), "listening");
    announce(local);
    tokio::spawn(keep_fresh(state.clone()));
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    serve_connections(listener, app(state), limits, ctrl_c).await;
    Ok(())
}
