//! Admin operations over HTTP: `POST /api/v1/admin/reindex` rebuilds the
//! index and switches to it, `POST /api/v1/admin/reload` switches to the
//! live generation now.
//!
//! Off unless a token is configured; then every call needs
//! `Authorization: Bearer <token>`, compared in constant time. The token is
//! never logged.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use schemars::JsonSchema;
use serde::Serialize;

use crate::admin::{Admin, AdminFailure, ReindexOutcome};
use crate::{ApiError, AppState};

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

/// The admin configuration if the caller presented its token.
fn authorise<'a>(state: &'a AppState, headers: &HeaderMap) -> Result<&'a Arc<Admin>, ApiError> {
    let admin = state.admin.as_ref().ok_or(ApiError::AdminDisabled)?;
    let presented = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(ApiError::Unauthorized)?;
    if admin.accepts(presented) { Ok(admin) } else { Err(ApiError::Unauthorized) }
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
    let reindexed = tokio::task::spawn_blocking(move || admin.reindex()).await?;
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
