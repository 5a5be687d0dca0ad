//! Admin operations over HTTP: trigger a reindex, reload the index.
//!
//! Off unless a token is configured; then every call needs
//! `Authorization: Bearer <token>`, compared in constant time. The server
//! does not know how to build an index (it reads through `sifa-store` and
//! never links the indexer): whoever starts it (the CLI) hands in the
//! reindex operation. The token is never logged.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use schemars::JsonSchema;
use serde::Serialize;
use subtle::ConstantTimeEq;

use crate::{ApiError, AppState};

/// A boxed error with its causes.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Why an admin reindex did not happen.
#[derive(Debug, thiserror::Error)]
pub enum AdminFailure {
    /// Another process holds the index's writer lock.
    #[error("the index is busy")]
    Busy(#[source] BoxError),
    #[error("the reindex failed")]
    Failed(#[source] BoxError),
}

/// What a reindex built.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReindexOutcome {
    pub generation: String,
    pub documents: u64,
    pub duplicates: u64,
    pub skipped: u64,
    pub elapsed_secs: f64,
}

/// `POST /api/v1/admin/reindex`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ReindexResponse {
    pub reindexed: ReindexOutcome,
    /// Whether the server switched to the new generation.
    pub switched: bool,
    /// The generation served now.
    pub generation: String,
}

/// `POST /api/v1/admin/reload`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ReloadResponse {
    pub switched: bool,
    pub generation: String,
}

/// Builds a new generation from the data directory.
pub type ReindexFn = dyn Fn() -> Result<ReindexOutcome, AdminFailure> + Send + Sync;

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

/// Switches the engine to the live generation if it changed.
async fn refresh(state: &AppState) -> Result<ReloadResponse, ApiError> {
    let switched = crate::reload(state).await?;
    Ok(ReloadResponse { switched, generation: state.engine.ready()?.open.generation.clone() })
}

pub async fn reindex(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<ReindexResponse>, ApiError> {
    let admin = authorise(&state, &headers)?.clone();
    tracing::info!("admin reindex requested");
    let started = std::time::Instant::now();
    let reindexed = tokio::task::spawn_blocking(move || (admin.reindex)()).await?;
    let outcome = match &reindexed {
        Ok(_) => "ok",
        Err(AdminFailure::Busy(_)) => "busy",
        Err(AdminFailure::Failed(_)) => "failed",
    };
    state.metrics.reindex(outcome, started.elapsed());
    let reindexed = reindexed?;
    let reload = refresh(&state).await?;
    Ok(Json(ReindexResponse { reindexed, switched: reload.switched, generation: reload.generation }))
}

pub async fn reload(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<ReloadResponse>, ApiError> {
    authorise(&state, &headers)?;
    Ok(Json(refresh(&state).await?))
}
