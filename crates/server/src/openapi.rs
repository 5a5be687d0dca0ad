//! The OpenAPI 3 description of `/api/v1`.
//!
//! Written next to the handlers and checked by tests against the router
//! (every route is described) and against real responses (every field a
//! response carries is in its schema).

use serde_json::{Value, json};
use sifa_model::{Kind, TOPICS};

fn string_param(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": {"type": "string"}})
}

fn repeated_param(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "style": "form", "explode": true,
           "schema": {"type": "array", "items": {"type": "string"}}})
}

fn error_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

fn ok(schema: &str) -> Value {
    json!({"description": "OK", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}})
}

pub fn document() -> Value {
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    json!({
        "openapi": "3.0.3",
        "info": {"title": "sifa search API", "version": "1", "description": "Full-text search over Chinese judicial-administration publications."},
        "paths": {
            "/api/v1/search": {"get": {
                "summary": "Search publications with facets",
                "parameters": [
                    string_param("q", "Query: words (all must match), \"phrases\", -exclusions, OR, title:word. Empty browses newest first. At most 1000 characters."),
                    repeated_param("agency", "Canonical agency name or region path prefix (山东省, 山东省/聊城市); repeatable, any matches."),
                    repeated_param("topic", "Topic name; repeatable."),
                    json!({"name": "kind", "in": "query", "style": "form", "explode": true, "schema": {"type": "array", "items": {"type": "string", "enum": kinds}}}),
                    json!({"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}),
                    json!({"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}),
                    json!({"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "date_desc", "date_asc"], "default": "relevance"}}),
                    json!({"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}}),
                    json!({"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}}),
                    string_param("facets", "Comma-separated facets to count: agency, topic, kind, year; all (default) or none.")
                ],
                "responses": {"200": ok("SearchResponse"), "400": error_response("A parameter is invalid")}
            }},
            "/api/v1/documents/{id}": {"get": {
                "summary": "A whole publication with its extraction evidence",
                "parameters": [
                    {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                    string_param("q", "Query whose words are marked in body_html.")
                ],
                "responses": {"200": ok("Document"), "404": error_response("No such publication")}
            }},
            "/api/v1/documents/{id}/similar": {"get": {
                "summary": "The 10 most similar publications",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "properties": {"hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}}}}}}}, "404": error_response("No such publication")}
            }},
            "/api/v1/suggest": {"get": {
                "summary": "Completions for the search box",
                "parameters": [string_param("q", "What has been typed so far.")],
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "properties": {"suggestions": {"type": "array", "items": {"type": "object", "properties": {"text": {"type": "string"}, "kind": {"type": "string", "enum": ["agency", "topic", "title"]}}}}}}}}}}
            }},
            "/api/v1/stats": {"get": {"summary": "What the index holds", "responses": {"200": ok("Stats")}}},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OK"}}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "OK"}}}}
        },
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
                "code": {"type": "string", "enum": ["invalid_parameter", "document_not_found", "not_found", "method_not_allowed", "index_unavailable", "unavailable", "internal"]},
                "message": {"type": "string"}}}}},
            "FacetCount": {"type": "object", "properties": {"value": {"type": "string"}, "count": {"type": "integer"}, "label": {"type": "string"}, "depth": {"type": "integer"}, "selected": {"type": "boolean"}}},
            "Hit": {"type": "object", "properties": {
                "id": {"type": "string"}, "title": {"type": "string"}, "title_html": {"type": "string"}, "snippet_html": {"type": "string"},
                "agency": {"type": "string", "nullable": true}, "agency_path": {"type": "array", "items": {"type": "string"}},
                "date": {"type": "string", "nullable": true, "description": "YYYY-MM-DD, YYYY-MM or YYYY"}, "kind": {"type": "string", "enum": kinds},
                "topics": {"type": "array", "items": {"type": "string", "enum": TOPICS}}, "url": {"type": "string", "nullable": true},
                "source": {"type": "string"}, "score": {"type": "number"}}},
            "SearchResponse": {"type": "object", "properties": {
                "total": {"type": "integer"}, "took_ms": {"type": "number"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
                "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
                "facets": {"type": "object", "properties": {
                    "agency": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}},
                    "topic": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}},
                    "kind": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}},
                    "year": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}},
                    "month": {"type": "array", "items": {"$ref": "#/components/schemas/FacetCount"}}}}}},
            "Document": {"type": "object", "properties": {
                "id": {"type": "string"}, "title": {"type": "string"}, "body": {"type": "string"}, "body_html": {"type": "string"},
                "agency": {"type": "string", "nullable": true}, "agency_path": {"type": "array", "items": {"type": "string"}},
                "agency_level": {"type": "string", "nullable": true}, "date": {"type": "string", "nullable": true}, "date_precision": {"type": "string", "nullable": true},
                "kind": {"type": "string"}, "kind_label": {"type": "string"},
                "topics": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "score": {"type": "number"}, "evidence": {"type": "array", "items": {"type": "string"}}}}},
                "url": {"type": "string", "nullable": true}, "source": {"type": "string"}, "chars": {"type": "integer"},
                "evidence": {"type": "object", "additionalProperties": {"type": "object", "properties": {"rule": {"type": "string"}, "text": {"type": "string"}}}}}},
            "Stats": {"type": "object", "properties": {
                "documents": {"type": "integer"}, "index_bytes": {"type": "integer"}, "generation": {"type": "string"},
                "built_at": {"type": "integer"}, "updated_at": {"type": "integer"}, "source_dir": {"type": "string"},
                "by_level": {"type": "object"}, "by_kind": {"type": "object"}, "by_topic": {"type": "object"}, "by_year": {"type": "object"}}}
        }}
    })
}
