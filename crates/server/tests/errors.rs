//! The API's errors come from one table: every answer carries its code, its
//! message for developers and its Chinese message for researchers, and the
//! OpenAPI document lists every code of the table under the statuses the
//! routes answer with.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use common::engine;
use sifa_server::{AppState, app};

async fn call(method: Method, uri: &str) -> (StatusCode, Value) {
    let request = Request::builder().method(method).uri(uri).body(Body::empty()).unwrap();
    let response = app(AppState::read_only(engine())).oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

fn is_chinese(text: &str) -> bool {
    !text.is_empty() && text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[tokio::test]
async fn every_error_answer_says_what_happened_in_chinese() {
    for (method, uri, status, code) in [
        (Method::GET, "/api/v1/search?from=2024-13-01", StatusCode::BAD_REQUEST, "invalid_parameter"),
        (Method::GET, "/api/v1/timeline?by=city", StatusCode::BAD_REQUEST, "invalid_parameter"),
        (Method::GET, "/api/v1/export?format=bibtex", StatusCode::BAD_REQUEST, "invalid_parameter"),
        (Method::GET, "/api/v1/documents/no-such-id", StatusCode::NOT_FOUND, "document_not_found"),
        (Method::GET, "/api/v1/nothing-here", StatusCode::NOT_FOUND, "not_found"),
        (Method::DELETE, "/api/v1/search", StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
        (Method::POST, "/api/v1/admin/reload", StatusCode::NOT_FOUND, "admin_disabled"),
    ] {
        let (answered, body) = call(method, uri).await;
        assert_eq!((answered, body["error"]["code"].as_str()), (status, Some(code)), "{uri}: {body}");
        let zh = body["error"]["message_zh"].as_str().unwrap_or_default();
        assert!(is_chinese(zh) && !zh.contains(body["error"]["message"].as_str().unwrap()), "{uri}: {body}");
    }
    let (_, body) = call(Method::GET, "/api/v1/search?from=2024-13-01").await;
    assert!(body["error"]["message_zh"].as_str().unwrap().starts_with("参数“起始日期”（from）有误"), "{body}");
    let (_, body) = call(Method::GET, "/api/v1/timeline?by=city").await;
    assert!(body["error"]["message_zh"].as_str().unwrap().contains("对比维度"), "{body}");
}

#[tokio::test]
async fn the_openapi_document_lists_every_code_of_the_table() {
    let (_, spec) = call(Method::GET, "/api/v1/openapi.json").await;
    let detail = &spec["components"]["schemas"]["ErrorDetail"];
    let codes: Vec<&str> =
        detail["properties"]["code"]["enum"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert!(codes.len() >= 12 && codes.contains(&"invalid_parameter") && codes.contains(&"timeout"), "{codes:?}");
    assert!(detail["properties"]["message_zh"].is_object());
    let documented = spec.to_string();
    for code in codes {
        assert!(documented.contains(&format!("({code})")), "{code} is documented where it is answered");
    }
}
