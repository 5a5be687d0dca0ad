//! The research instruments, beside the search they take every parameter
//! of: `GET /api/v1/concordance` (every place a word stands, in context:
//! the page's 语境 view) and `GET /api/v1/diffusion` (each region's first
//! appearance, the adoption curve and the event-history panel: the page's
//! 扩散 view). Each answers JSON, or with `format=csv` a table for
//! spreadsheets and statistics packages.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use sifa_query::{
    ConcordanceParams, ConcordanceRequest, DiffusionParams, DiffusionRequest, MAX_CONCORDANCE_EXPORT, SearchRequest,
    concordance_parameters, diffusion_parameters,
};

use crate::formats::Format;
use crate::{ApiError, AppState, blocking, params, tables};

pub async fn concordance(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let pairs = params::pairs(raw.as_deref());
    params::only(&pairs, &params::searching(&with_format(concordance_parameters())))?;
    let own = ConcordanceParams {
        context: params::last(&pairs, "context"),
        sort: params::last(&pairs, "sort"),
        page: params::last(&pairs, "page"),
        per_page: params::last(&pairs, "per_page"),
    };
    let format = Format::table(params::last(&pairs, "format").as_deref())?;
    let mut concordance = ConcordanceRequest::from_params(&own)?;
    let request = SearchRequest::from_params(params::search_params_beside(&pairs, concordance_parameters()))?;
    if format.name == "csv" {
        concordance.page = 1;
        concordance.per_page = MAX_CONCORDANCE_EXPORT;
    }
    let response = blocking(&state, move |s| s.concordance(&request, concordance)).await?;
    if format.name != "csv" {
        return Ok(Json(response).into_response());
    }
    let body = tables::concordance_csv(&response.lines);
    Ok(attachment(body, format, "sifa-concordance.csv", response.total_occurrences))
}

pub async fn diffusion(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let pairs = params::pairs(raw.as_deref());
    params::only(&pairs, &params::searching(&with_format(diffusion_parameters())))?;
    let own = DiffusionParams { level: params::last(&pairs, "level"), reference: params::last(&pairs, "reference") };
    let format = Format::table(params::last(&pairs, "format").as_deref())?;
    let diffusion = DiffusionRequest::from_params(&own)?;
    let request = SearchRequest::from_params(params::search_params_beside(&pairs, diffusion_parameters()))?;
    let response = blocking(&state, move |s| s.diffusion(&request, diffusion)).await?;
    if format.name != "csv" {
        return Ok(Json(response).into_response());
    }
    let panel = response.panel();
    let body = tables::panel_csv(&panel);
    Ok(attachment(body, format, "sifa-diffusion-panel.csv", panel.len() as u64))
}

/// A research route's own parameters and the table's `format`.
fn with_format(own: &[sifa_query::Parameter]) -> Vec<sifa_query::Parameter> {
    own.iter().cloned().chain([params::table_format_parameter()]).collect()
}

/// A table as a file to save.
fn attachment(body: String, format: &Format, name: &str, total: u64) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.media_type));
    let disposition = format!("attachment; filename=\"{name}\"");
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).expect("an ASCII header"));
    headers.insert("x-total-count", HeaderValue::from(total));
    response
}
