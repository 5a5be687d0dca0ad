//! `GET /api/v1/openapi.json`: the OpenAPI 3 description of `/api/v1`,
//! generated from the request and response types (their doc comments are
//! the descriptions).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};
use sifa_query::{
    ConcordanceResponse, DiffusionResponse, DimensionsResponse, MAX_CONCORDANCE_EXPORT, Parameter, SearchResponse,
    Shape, TimelineResponse, comparisons, concordance_parameters, diffusion_parameters, search_parameters,
    timeline_parameters, with_search_parameters,
};

use super::admin::{ReindexResponse, ReloadResponse};
use super::documents::{DocumentResponse, SimilarResponse};
use super::search::SuggestResponse;
use super::stats::StatsResponse;
use crate::AppState;
use crate::error::ErrorBody;
use crate::error_codes::ErrorCode;
use crate::formats::FORMATS;
use crate::params::{export_parameters, table_format_parameter};
use crate::tables::PANEL_HEADERS;

pub async fn openapi(State(state): State<AppState>, headers: HeaderMap) -> Response {
    Json(document(&state.link_origin(&headers))).into_response()
}

/// A query parameter as OpenAPI describes it.
fn parameter(p: &Parameter) -> Value {
    let (schema, repeatable) = match p.shape {
        Shape::List => (json!({"type": "array", "items": {"type": "string"}}), true),
        Shape::Integer { minimum } => (json!({"type": "integer", "minimum": minimum}), false),
        Shape::Text => (json!({"type": "string"}), false),
    };
    json!({
        "name": p.name, "in": "query", "required": false, "description": p.description,
        "style": "form", "explode": repeatable, "schema": schema,
    })
}

/// The search's parameters, then `own` (a route's own).
fn with_search(own: Vec<Parameter>) -> Vec<Value> {
    search_parameters().iter().chain(&own).map(parameter).collect()
}

/// The parameters of a research instrument: the search's it does not
/// replace, its `own`, and `format`.
fn instrument(own: &'static [Parameter]) -> Vec<Value> {
    let format = table_format_parameter();
    with_search_parameters(own).into_iter().map(parameter).chain(std::iter::once(parameter(&format))).collect()
}

/// A 200 answer that is not JSON: one media type per format.
fn content(media: &[&str], description: &str) -> Value {
    let types: Map<String, Value> =
        media.iter().map(|m| (m.to_string(), json!({"schema": {"type": "string"}}))).collect();
    json!({"description": description, "content": types})
}

fn json_content(schema: Value, description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

/// The whole document, served from `origin` (the public address when set).
pub fn document(origin: &str) -> Value {
    let mut generator = SchemaSettings::openapi3().into_generator();
    let response = |schema: schemars::Schema| json_content(schema.to_value(), "OK");
    let search = response(generator.subschema_for::<SearchResponse>());
    let cited_by = search.clone();
    let document = response(generator.subschema_for::<DocumentResponse>());
    let similar = response(generator.subschema_for::<SimilarResponse>());
    let suggest = response(generator.subschema_for::<SuggestResponse>());
    let stats = response(generator.subschema_for::<StatsResponse>());
    let dimensions = response(generator.subschema_for::<DimensionsResponse>());
    let timeline = response(generator.subschema_for::<TimelineResponse>());
    // JSON, or with format=csv a table.
    let json_or_csv = |schema: schemars::Schema, csv: String| {
        json!({"description": format!("OK: JSON; format=csv: {csv}"), "content": {
            "application/json": {"schema": schema.to_value()},
            "text/csv; charset=utf-8": {"schema": {"type": "string"}}}})
    };
    let concordance = json_or_csv(
        generator.subschema_for::<ConcordanceResponse>(),
        format!(
            "every line (up to {MAX_CONCORDANCE_EXPORT}) with Chinese headers; X-Total-Count gives the occurrences"
        ),
    );
    let diffusion = json_or_csv(
        generator.subschema_for::<DiffusionResponse>(),
        format!("the event-history panel, one row per region and year: {}", PANEL_HEADERS.join(", ")),
    );
    let reindexed = response(generator.subschema_for::<ReindexResponse>());
    let reloaded = response(generator.subschema_for::<ReloadResponse>());
    let error = generator.subschema_for::<ErrorBody>().to_value();
    let schemas: Map<String, Value> = generator.take_definitions(true);
    let failure = |description: &str| json_content(error.clone(), description);
    let id = json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}});
    let cited_by_parameters: Vec<Value> = std::iter::once(id.clone()).chain(with_search(Vec::new())).collect();
    let q = json!({"name": "q", "in": "query", "required": false, "schema": {"type": "string"}});
    let bearer = json!([{"bearer": []}]);
    // Every route can answer the codes of `ErrorCode::EVERYWHERE`; each
    // route adds its own. Codes of one status share its description.
    let responses = |ok: Value, own: &[ErrorCode]| -> Value {
        let mut by_status: BTreeMap<u16, Vec<ErrorCode>> = BTreeMap::new();
        for &code in own.iter().chain(ErrorCode::EVERYWHERE) {
            by_status.entry(code.status().as_u16()).or_default().push(code);
        }
        let mut all = Map::new();
        all.insert("200".into(), ok);
        for (status, codes) in by_status {
            let meanings: Vec<String> = codes.iter().map(|c| format!("{} ({})", c.meaning(), c.code())).collect();
            all.insert(status.to_string(), failure(&meanings.join("; ")));
        }
        Value::Object(all)
    };
    let ok = json!({"description": "OK"});
    let (invalid, unknown, missing) =
        (ErrorCode::InvalidParameter, ErrorCode::UnknownParameter, ErrorCode::DocumentNotFound);
    let per_page = search_parameters().iter().find(|p| p.name == "per_page").map(parameter);
    let (unauthorized, disabled) = (ErrorCode::Unauthorized, ErrorCode::AdminDisabled);
    let compared: Vec<&str> = comparisons().into_iter().map(|(by, _)| by).collect();
    let atom =
        content(&["application/atom+xml"], "An Atom 1.0 feed (RFC 4287): newest first, RFC 5005 next/previous links");
    let exported = content(
        &FORMATS.iter().map(|f| f.media_type).collect::<Vec<_>>(),
        "The file, as an attachment; X-Total-Count and X-Exported-Count say how many matched and how many it holds",
    );
    let page =
        content(&["text/html"], "The search page; for doc=ID with the publication's citation_* meta tags in its head");
    let mut page_responses = responses(page, &[]);
    page_responses["404"] = json!({"description": "doc names no publication; the page still loads and says so"});
    let doc = json!({"name": "doc", "in": "query", "required": false, "schema": {"type": "string"},
                     "description": "A publication id: the page opens on it, with its citation tags"});
    json!({
        "openapi": "3.0.3",
        "servers": [{"url": origin}],
        "info": {"title": "sifa search API", "version": "1", "description": format!(
            "Full-text search over Chinese judicial-administration publications. Any other path answers {} ({}).",
            ErrorCode::NotFound.status().as_u16(), ErrorCode::NotFound.code())},
        "paths": {
            "/api/v1/search": {"get": {"summary": "Search publications, with disjunctive facets (months are counted when from and to span at most two years)",
                "parameters": with_search(Vec::new()), "responses": responses(search, &[invalid, unknown])}},
            "/api/v1/search.atom": {"get": {"summary": "Follow a search: its newest matches as an Atom feed (sort and facets are the feed's own; per_page defaults to 20)",
                "parameters": with_search(Vec::new()), "responses": responses(atom, &[invalid, unknown])}},
            "/api/v1/export": {"get": {"summary": "The matches of a search, or a selection by id, as CSV, JSON, RIS, CSL-JSON or GB/T 7714-2015 references",
                "parameters": with_search(export_parameters()), "responses": responses(exported, &[invalid, unknown, missing])}},
            "/api/v1/timeline": {"get": {"summary": format!("Publications of a search per year or month, one series per value of one of: {}", compared.join(", ")),
                "parameters": with_search(timeline_parameters().to_vec()), "responses": responses(timeline, &[invalid, unknown])}},
            "/api/v1/concordance": {"get": {"summary": "Keyword in context: every place a query word stands in the matching titles and bodies (by the search's matching rule), with its left and right context; total_documents is the search's total",
                "parameters": instrument(concordance_parameters()), "responses": responses(concordance, &[invalid, unknown])}},
            "/api/v1/diffusion": {"get": {"summary": "Diffusion: each region's earliest matching publication at a level of the agency tree, lags from a reference, national bodies apart, the adoption curve; format=csv is the region × year panel",
                "parameters": instrument(diffusion_parameters()), "responses": responses(diffusion, &[invalid, unknown])}},
            "/": {"get": {"summary": "The search page", "parameters": [doc],
                "responses": page_responses}},
            "/api/v1/documents/{id}": {"get": {"summary": "A whole publication with its extraction evidence and how to cite it; q marks its words in body_html",
                "parameters": [id.clone(), q.clone()], "responses": responses(document, &[invalid, unknown, missing])}},
            "/api/v1/documents/{id}/similar": {"get": {"summary": "The most similar publications (per_page of them, 10 by default)",
                "parameters": [id.clone(), per_page], "responses": responses(similar, &[invalid, unknown, missing])}},
            "/api/v1/documents/{id}/cited-by": {"get": {"summary": "The publications citing this one, paged and faceted like a search (every search parameter applies)",
                "parameters": cited_by_parameters, "responses": responses(cited_by, &[invalid, unknown, missing])}},
            "/api/v1/suggest": {"get": {"summary": "Completions for the search box", "parameters": [q], "responses": responses(suggest, &[invalid, unknown])}},
            "/api/v1/stats": {"get": {"summary": "What the index holds, with the API's limits, kind labels and synonyms", "responses": responses(stats, &[])}},
            "/api/v1/dimensions": {"get": {"summary": "The facet dimensions: each one's filter parameter, labels, shape and fixed values; the year facet; what the timeline compares", "responses": responses(dimensions, &[])}},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": responses(ok.clone(), &[])}},
            "/api/v1/admin/reindex": {"post": {"summary": "Rebuild the index from the data directory and switch to it", "security": bearer.clone(),
                "responses": responses(reindexed, &[unauthorized, disabled, ErrorCode::Busy, ErrorCode::AdminFailed])}},
            "/api/v1/admin/reload": {"post": {"summary": "Switch to the live generation now", "security": bearer,
                "responses": responses(reloaded, &[unauthorized, disabled])}},
            "/healthz": {"get": {"summary": "Liveness: answers while the process runs, with the generation served (if any) and the last one refused", "responses": responses(ok.clone(), &[])}},
            "/readyz": {"get": {"summary": "Readiness for load balancers: 200 once a generation that matches its manifest is served, 503 (index_unavailable) before", "responses": responses(ok.clone(), &[])}},
            "/metrics": {"get": {"summary": "Counters, gauges and histograms in the Prometheus text format (version 0.0.4)", "responses": responses(ok, &[])}}
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}
        }
    })
}
