//! A publication: `GET /api/v1/documents/{id}` (the whole text, with how
//! it was read and how to cite it), the publications similar to it and
//! those citing it.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use schemars::JsonSchema;
use serde::Serialize;
use sifa_cite::{Citing, meta_tags};
use sifa_query::{DocumentView, Hit, QueryError, SearchParams, SearchRequest};

use crate::origin::document_page;
use crate::{ApiError, AppState, blocking, params};

/// `GET /api/v1/documents/{id}`: a whole publication and how to cite it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DocumentResponse {
    #[serde(flatten)]
    pub document: DocumentView,
    pub citation: CitationView,
}

/// How to cite a publication: what the page shows and the tags it carries.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CitationView {
    /// The GB/T 7714-2015 reference, cited today (China time).
    pub gbt7714: String,
    /// The page's `citation_*` and `DC.*` meta tags, as the server writes them for `/?doc=ID`.
    pub meta: Vec<MetaTag>,
    /// The page of the publication in sifa.
    pub page_url: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct MetaTag {
    pub name: String,
    pub content: String,
}

pub async fn document(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = params::pairs(raw.as_deref());
    params::only(&pairs, &["q"])?;
    let q = params::once(&pairs, "q")?;
    if let Some(q) = &q {
        sifa_query::check_query(q)?;
    }
    let origin = state.link_origin(&headers);
    let answer = blocking(&state, move |s| {
        let document = s.document(&id, q.as_deref())?;
        let publication =
            s.publications(&[id])?.pop().ok_or_else(|| QueryError::DocumentNotFound(document.id.clone()))?;
        let cited = sifa_model::instant::today_in_china();
        let citing = Citing { publication: &publication, page_url: document_page(&origin, &publication.id), cited };
        let meta =
            meta_tags(&citing).into_iter().map(|(name, content)| MetaTag { name: name.into(), content }).collect();
        let citation = CitationView { gbt7714: sifa_cite::gbt7714(&citing), meta, page_url: citing.page_url.clone() };
        Ok(DocumentResponse { document, citation })
    })
    .await?;
    Ok(Json(answer).into_response())
}

/// Publications similar to one.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SimilarResponse {
    pub hits: Vec<Hit>,
}

/// `GET /api/v1/documents/{id}/similar?per_page=N`: as many as a search's
/// page (`per_page`, checked by the search's rule).
pub async fn similar(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = params::pairs(raw.as_deref());
    params::only(&pairs, &["per_page"])?;
    let mut asked = SearchParams::default();
    if let Some(per_page) = params::once(&pairs, "per_page")? {
        asked.set("per_page", per_page);
    }
    let count = SearchRequest::from_params(asked)?.per_page;
    let hits = blocking(&state, move |s| s.similar(&id, count)).await?;
    Ok(Json(SimilarResponse { hits }).into_response())
}

/// `GET /api/v1/documents/{id}/cited-by`: the publications citing `id`,
/// paged and faceted like a search (the search parameters apply).
pub async fn cited_by(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    params::only(&params::pairs(raw.as_deref()), &params::searching(&[]))?;
    let mut params = params::search_params(raw.as_deref());
    params.set("cites", id.clone());
    let request = SearchRequest::from_params(params)?;
    let response = blocking(&state, move |s| {
        s.document(&id, None)?;
        s.search(&request)
    })
    .await?;
    Ok(Json(response).into_response())
}
