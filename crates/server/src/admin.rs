//! Admin operations over HTTP: trigger a reindex, reload the index.
//!
//! Off unless a token is configured; then every call needs
//! `Authorization: Bearer <token>`, compared in constant time. The server
//! does not know how to build an index: whoever starts it (the CLI) hands
//! in the reindex operation. The token is never logged.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use subtle::ConstantTimeEq;

use crate::{ApiError, AppState};

/// Why an admin reindex did not happen.
#[derive(Debug)]
pub enum AdminFailure {
    /// Another process holds the index's writer lock.
    Busy(String),
    Failed(String),
}

/// Builds a new generation from the data directory; returns its summary.
pub type ReindexFn = dyn Fn() -> Result<Value, AdminFailure> + Send + Sync;

/// The admin configuration: the token and the reindex operation.
pub struct Admin {
    token: String,
    reindex: Box<ReindexFn>,
}

impl Admin {
    pub fn new(token: String, reindex: Box<ReindexFn>) -> Self {
        Self { token, reindex }
    }
}

impl std::fmt::Debug for Admin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Admin { token: <redacted> }")
    }
}

/// The admin configuration if the caller presented its token.
fn authorise<'a>(state: &'a AppState, headers: &HeaderMap) -> Result<&'a Arc<Admin>, ApiError> {
    let admin = state.admin.as_ref().ok_or(ApiError::AdminDisabled)?;
    let presented = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(ApiError::Unauthorized)?;
    if bool::from(presented.as_bytes().ct_eq(admin.token.as_bytes())) { Ok(admin) } else { Err(ApiError::Unauthorized) }
}

pub async fn reindex(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let admin = authorise(&state, &headers)?.clone();
    tracing::info!("admin reindex requested");
    let result = tokio::task::spawn_blocking(move || (admin.reindex)())
        .await
        .map_err(|e| ApiError::AdminFailed(format!("reindex task failed: {e}")))?;
    let summary = match result {
        Ok(summary) => summary,
        Err(AdminFailure::Busy(why)) => return Err(ApiError::Busy(why)),
        Err(AdminFailure::Failed(why)) => return Err(ApiError::AdminFailed(why)),
    };
    let engine = state.engine.clone();
    let switched = tokio::task::spawn_blocking(move || engine.refresh())
        .await
        .map_err(|e| ApiError::AdminFailed(e.to_string()))??;
    Ok(Json(json!({"reindexed": summary, "switched": switched, "generation": state.engine.snapshot().open.generation}))
        .into_response())
}

pub async fn reload(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    authorise(&state, &headers)?;
    let engine = state.engine.clone();
    let switched = tokio::task::spawn_blocking(move || engine.refresh())
        .await
        .map_err(|e| ApiError::AdminFailed(e.to_string()))??;
    Ok(Json(json!({"switched": switched, "generation": state.engine.snapshot().open.generation})).into_response())
}
