//! For operators and load balancers: `/healthz` (liveness), `/readyz`
//! (readiness: 503 until a verified generation is served) and `/metrics`.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::{ApiError, AppState, metrics};

/// Liveness: the process answers, with or without an index.
pub async fn healthz(State(state): State<AppState>) -> Response {
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
pub async fn readyz(State(state): State<AppState>) -> Result<Response, ApiError> {
    let snapshot = state.engine.ready()?;
    let body =
        json!({"status": "ready", "generation": snapshot.open.generation, "documents": snapshot.searcher().num_docs()});
    Ok(Json(body).into_response())
}

/// The Prometheus text format.
pub async fn metrics(State(state): State<AppState>) -> Response {
    let text = state.metrics.render(&state.engine);
    ([(header::CONTENT_TYPE, HeaderValue::from_static(metrics::CONTENT_TYPE))], text).into_response()
}
