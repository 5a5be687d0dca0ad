//! The OpenAPI 3 description of `/api/v1`, generated from the request and
//! response types (their doc comments are the descriptions).

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde::Serialize;
use serde_json::{Map, Value, json};
use sifa_store::IndexStats;

use crate::admin::{ReindexResponse, ReloadResponse};
use sifa_query::{DocumentView, Hit, KindLabel, Limits, SearchParams, SearchResponse, Suggestion};

/// The body of every error answer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// An error's stable code and human message.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorDetail {
    /// Stable, machine-readable: invalid_parameter, document_not_found, not_found, method_not_allowed,
    /// index_unavailable, unavailable, admin_disabled, unauthorized, busy, admin_failed, internal.
    pub code: &'static str,
    pub message: String,
}

/// Publications similar to one.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SimilarResponse {
    pub hits: Vec<Hit>,
}

/// Completions for the search box.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SuggestResponse {
    pub suggestions: Vec<Suggestion>,
}

/// What the index holds, with the API's limits and vocabularies, so
/// clients (the web page among them) need not copy them.
#[derive(Debug, Serialize, JsonSchema)]
pub struct StatsResponse {
    #[serde(flatten)]
    pub index: IndexStats,
    pub limits: Limits,
    /// Every kind code with its Chinese label.
    pub kinds: Vec<KindLabel>,
}

/// Parameters that may be given more than once.
const REPEATABLE: &[&str] = &["agency", "topic", "kind"];

/// Query parameters from the fields of the request type.
fn search_parameters() -> Vec<Value> {
    let schema = schemars::schema_for!(SearchParams).to_value();
    let properties = schema["properties"].as_object().cloned().unwrap_or_default();
    properties
        .into_iter()
        .map(|(name, property)| {
            let repeatable = REPEATABLE.contains(&name.as_str());
            let schema = if repeatable {
                json!({"type": "array", "items": {"type": "string"}})
            } else {
                json!({"type": "string"})
            };
            json!({
                "name": name, "in": "query", "required": false,
                "description": property["description"].clone(),
                "style": "form", "explode": repeatable,
                "schema": schema,
            })
        })
        .collect()
}

fn json_content(schema: Value, description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

pub fn document() -> Value {
    let mut generator = SchemaSettings::openapi3().into_generator();
    let response = |schema: schemars::Schema| json_content(schema.to_value(), "OK");
    let search = response(generator.subschema_for::<SearchResponse>());
    let document = response(generator.subschema_for::<DocumentView>());
    let similar = response(generator.subschema_for::<SimilarResponse>());
    let suggest = response(generator.subschema_for::<SuggestResponse>());
    let stats = response(generator.subschema_for::<StatsResponse>());
    let reindexed = response(generator.subschema_for::<ReindexResponse>());
    let reloaded = response(generator.subschema_for::<ReloadResponse>());
    let error = generator.subschema_for::<ErrorBody>().to_value();
    let schemas: Map<String, Value> = generator.take_definitions(true);
    let failure = |description: &str| json_content(error.clone(), description);
    let id = json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}});
    let q = json!({"name": "q", "in": "query", "required": false, "schema": {"type": "string"}});
    let bearer = json!([{"bearer": []}]);
    json!({
        "openapi": "3.0.3",
        "info": {"title": "sifa search API", "version": "1", "description": "Full-text search over Chinese judicial-administration publications."},
        "paths": {
            "/api/v1/search": {"get": {"summary": "Search publications, with disjunctive facets", "parameters": search_parameters(),
                "responses": {"200": search, "400": failure("A parameter is invalid")}}},
            "/api/v1/documents/{id}": {"get": {"summary": "A whole publication with its extraction evidence; q marks its words in body_html",
                "parameters": [id.clone(), q.clone()], "responses": {"200": document, "404": failure("No such publication")}}},
            "/api/v1/documents/{id}/similar": {"get": {"summary": "The 10 most similar publications",
                "parameters": [id], "responses": {"200": similar, "404": failure("No such publication")}}},
            "/api/v1/suggest": {"get": {"summary": "Completions for the search box", "parameters": [q], "responses": {"200": suggest}}},
            "/api/v1/stats": {"get": {"summary": "What the index holds", "responses": {"200": stats}}},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OK"}}}},
            "/api/v1/admin/reindex": {"post": {"summary": "Rebuild the index from the data directory and switch to it", "security": bearer.clone(),
                "responses": {"200": reindexed, "401": failure("Missing or wrong token"), "404": failure("Admin operations are disabled"), "409": failure("Another process is writing the index")}}},
            "/api/v1/admin/reload": {"post": {"summary": "Switch to the live generation now", "security": bearer,
                "responses": {"200": reloaded, "401": failure("Missing or wrong token"), "404": failure("Admin operations are disabled")}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "OK"}}}}
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}
        }
    })
}
