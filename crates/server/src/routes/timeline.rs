//! `GET /api/v1/timeline`: one series per province, agency, topic or kind
//! of a search, counted per year or month (the page's 对比 mode).

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use sifa_query::{SearchRequest, TimelineParams, TimelineRequest, timeline_parameters};

use crate::{ApiError, AppState, blocking, params};

pub async fn timeline(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let pairs = params::pairs(raw.as_deref());
    params::only(&pairs, &params::searching(timeline_parameters()))?;
    let own = TimelineParams {
        by: params::once(&pairs, "by")?,
        interval: params::once(&pairs, "interval")?,
        top: params::once(&pairs, "top")?,
    };
    let timeline = TimelineRequest::from_params(own)?;
    let request = SearchRequest::from_params(params::search_params(raw.as_deref()))?;
    let response = blocking(&state, move |s| s.timeline(&request, timeline)).await?;
    Ok(Json(response).into_response())
}
