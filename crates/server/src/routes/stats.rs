//! What the service holds and offers: `GET /api/v1/stats` (what the index
//! holds, with the API's limits and vocabularies) and `GET
//! /api/v1/dimensions` (the facet dimensions, which need no index).

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use schemars::JsonSchema;
use serde::Serialize;
use sifa_query::{DimensionsResponse, KindLabel, Limits};
use sifa_store::IndexStats;

use crate::{ApiError, AppState, blocking};

/// What the index holds, with the API's limits and vocabularies, so
/// clients (the web page among them) need not copy them.
#[derive(Debug, Serialize, JsonSchema)]
pub struct StatsResponse {
    #[serde(flatten)]
    pub index: IndexStats,
    pub limits: Limits,
    /// Every kind code with its Chinese label.
    pub kinds: Vec<KindLabel>,
    /// The field's abbreviations and synonyms searched with each query (`data/synonyms.toml`).
    pub synonyms: Vec<sifa_query::SynonymGroup>,
}

pub async fn stats(State(state): State<AppState>) -> Result<Response, ApiError> {
    let index = blocking(&state, |s| s.stats()).await?;
    let synonyms = state.engine.synonyms().groups().to_vec();
    let stats = StatsResponse { index, limits: Limits::CURRENT, kinds: sifa_query::kind_labels(), synonyms };
    Ok(Json(stats).into_response())
}

/// The dimension table as clients need it: the page builds its filters,
/// facets, chips and comparison menu from it.
pub async fn dimensions() -> Response {
    Json(DimensionsResponse::new()).into_response()
}
