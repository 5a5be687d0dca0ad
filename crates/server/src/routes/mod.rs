//! Every route, by resource, and [`app`], the one function that builds the
//! router with its layers.
//!
//! - [`search`]: `/api/v1/search` and the search box's `/api/v1/suggest`;
//! - [`documents`]: one publication, the publications similar to it and
//!   those citing it;
//! - research exports and feeds: [`export`], [`feed`] (Atom),
//!   [`timeline`] (the 对比 chart), [`research`] (the 语境 concordance and
//!   the 扩散 diffusion tracker);
//! - [`stats`] (with the dimensions) and [`openapi`]: what the index holds
//!   and what the API offers;
//! - [`admin`]: the token-protected reindex and reload;
//! - [`health`]: liveness, readiness and metrics for operators;
//! - [`page`]: the web page and its assets.

mod admin;
mod documents;
mod export;
mod feed;
mod health;
mod openapi;
mod page;
mod research;
mod search;
mod stats;
mod timeline;

use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use tower_http::compression::CompressionLayer;
use tower_http::cors::CorsLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnFailure, TraceLayer};

use crate::{ApiError, AppState, error, metrics};

/// Longest time a request may take before it is answered with 503.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest request body accepted (the read API takes none).
const MAX_BODY_BYTES: usize = 16 * 1024;

/// The router with every route and layer.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/search", get(search::search))
        .route("/search.atom", get(feed::search_feed))
        .route("/export", get(export::export))
        .route("/timeline", get(timeline::timeline))
        .route("/concordance", get(research::concordance))
        .route("/diffusion", get(research::diffusion))
        .route("/documents/{id}", get(documents::document))
        .route("/documents/{id}/similar", get(documents::similar))
        .route("/documents/{id}/cited-by", get(documents::cited_by))
        .route("/suggest", get(search::suggest))
        .route("/stats", get(stats::stats))
        .route("/dimensions", get(stats::dimensions))
        .route("/openapi.json", get(openapi::openapi))
        .route("/admin/reindex", post(admin::reindex))
        .route("/admin/reload", post(admin::reload));
    Router::new()
        .nest("/api/v1", api)
        .route("/", get(page::index))
        .route("/assets/{name}", get(page::asset))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
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

async fn not_found() -> ApiError {
    ApiError::NotFound
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
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
