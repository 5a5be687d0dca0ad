//! `GET /api/v1/export`: a result set, or a selection of it, as a file
//! to cite or analyse: `format=csv|json|ris|csljson|gbt7714`.
//!
//! Without `ids` it holds every match of the search parameters (as deep as
//! paging reaches, in the search's order); with `ids` (comma-separated or
//! repeated) exactly those publications, in that order. `cited=YYYY-MM-DD`
//! sets the citing date (default: today in China) so an export can be
//! made again identically.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use sifa_model::PubDate;
use sifa_query::{MAX_EXPORT, QueryError, SearchRequest};

use crate::formats::Format;
use crate::{ApiError, AppState, blocking, params};

/// The ids of a selection: every `ids` value, split at commas, each once
/// (in the order first given).
fn selected_ids(pairs: &[(String, String)]) -> Result<Vec<String>, QueryError> {
    let mut seen = std::collections::HashSet::new();
    let ids: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "ids")
        .flat_map(|(_, v)| v.split(',').map(str::trim).filter(|s| !s.is_empty()))
        .filter(|id| seen.insert(*id))
        .map(str::to_string)
        .collect();
    if ids.len() > MAX_EXPORT {
        return Err(QueryError::invalid("ids", format!("at most {MAX_EXPORT} ids can be exported at once")));
    }
    Ok(ids)
}

fn cited_day(value: Option<&str>) -> Result<PubDate, QueryError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(sifa_model::instant::today_in_china()),
        Some(v) => v
            .parse::<PubDate>()
            .ok()
            .filter(|d| d.day.is_some())
            .ok_or_else(|| QueryError::invalid("cited", format!("{v:?} is not a date; use YYYY-MM-DD"))),
    }
}

pub async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = params::pairs(raw.as_deref());
    params::only(&pairs, &params::searching(&params::export_parameters()))?;
    let format = Format::parse(params::once(&pairs, "format")?.as_deref())?;
    let cited = cited_day(params::once(&pairs, "cited")?.as_deref())?;
    let ids = selected_ids(&pairs)?;
    let request = SearchRequest::from_params(params::search_params(raw.as_deref()))?;
    let (publications, total) = blocking(&state, move |s| {
        if ids.is_empty() {
            let exported = s.matching_publications(&request)?;
            Ok((exported.publications, exported.total))
        } else {
            let chosen = s.publications(&ids)?;
            let total = chosen.len() as u64;
            Ok((chosen, total))
        }
    })
    .await?;
    let body = format.write(&publications, &state.link_origin(&headers), cited);
    let mut response = body.into_response();
    let out = response.headers_mut();
    out.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.media_type));
    let disposition = format!("attachment; filename=\"sifa-export.{}\"", format.extension);
    out.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).expect("an ASCII header"));
    out.insert("x-total-count", HeaderValue::from(total));
    out.insert("x-exported-count", HeaderValue::from(publications.len() as u64));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_ids_and_citing_days_are_checked() {
        let pairs = vec![("ids".to_string(), "a, b".to_string()), ("ids".to_string(), "c,a".to_string())];
        assert_eq!(selected_ids(&pairs).unwrap(), ["a", "b", "c"], "each once");
        assert_eq!(cited_day(Some("2025-01-15")).unwrap().to_string(), "2025-01-15");
        assert!(cited_day(Some("2025-01")).is_err());
    }
}
