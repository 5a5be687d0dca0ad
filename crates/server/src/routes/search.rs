//! `GET /api/v1/search` and the search box's completions, `GET /api/v1/suggest`.

use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::{Json, body::Bytes};
use schemars::JsonSchema;
use serde::Serialize;
use sifa_query::{SearchRequest, Suggestion};

use crate::{ApiError, AppState, blocking, cache, params};

/// Suggestions returned.
const SUGGEST_COUNT: usize = 8;

/// Completions for the search box.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SuggestResponse {
    pub suggestions: Vec<Suggestion>,
}

pub async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    params::only(&params::pairs(raw.as_deref()), &params::searching(&[]))?;
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
            let response = crate::on_a_worker(&state, move || searched.search(&request)).await?;
            let body = Bytes::from(serde_json::to_vec(&response).expect("a response serialises"));
            cache.put(key, snapshot, served, body.clone(), response.total);
            (body, response.total)
        }
    };
    if total == 0 {
        state.metrics.empty_search();
    }
    Ok(([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response())
}

pub async fn suggest(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let pairs = params::pairs(raw.as_deref());
    params::only(&pairs, &["q"])?;
    let q = params::once(&pairs, "q")?.unwrap_or_default();
    sifa_query::check_query(&q)?;
    let suggestions = blocking(&state, move |s| s.suggest(&q, SUGGEST_COUNT)).await?;
    Ok(Json(SuggestResponse { suggestions }).into_response())
}
