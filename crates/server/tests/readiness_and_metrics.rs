//! `/readyz` and `/metrics` in-process: a server waiting for its first
//! generation is alive but not ready; requests, empty searches and the
//! served index show in the Prometheus text.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use sifa_query::{Follow, SearchEngine};
use sifa_server::{AppState, app};
use sifa_store::IndexLocation;
use tower::ServiceExt;

mod common;

async fn get(router: &Router, uri: &str) -> (StatusCode, String, Option<String>) {
    let response = router.clone().oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let content_type = response.headers().get(header::CONTENT_TYPE).map(|v| v.to_str().unwrap().to_string());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8(bytes.to_vec()).unwrap(), content_type)
}

/// The value of the sample `name` (with its labels as written), if present.
fn sample(text: &str, name: &str) -> Option<f64> {
    text.lines().find_map(|line| line.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
}

#[tokio::test]
async fn a_server_without_a_verified_generation_is_alive_but_not_ready() {
    let dir = tempfile::tempdir().unwrap();
    let engine = SearchEngine::waiting(IndexLocation::new(dir.path()), Follow::Replica);
    let router = app(AppState::read_only(Arc::new(engine)));

    let (status, body, _) = get(&router, "/healthz").await;
    assert_eq!(status, StatusCode::OK, "liveness does not need an index");
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["generation"], Value::Null);

    let (status, body, _) = get(&router, "/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let error: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(error["error"]["code"], "index_unavailable", "{error}");

    let (status, _, _) = get(&router, "/api/v1/search?q=x").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);

    let (_, text, _) = get(&router, "/metrics").await;
    assert_eq!(sample(&text, "sifa_index_ready"), Some(0.0), "{text}");
    assert_eq!(sample(&text, r#"sifa_http_requests_total{route="/readyz",status="503"}"#), Some(1.0), "{text}");
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_status_and_describe_the_served_index() {
    let engine = common::engine();
    let documents = engine.snapshot().searcher().num_docs();
    let generation = engine.snapshot().open.generation.clone();
    let router = app(AppState::read_only(engine));
    for uri in ["/api/v1/search?q=%E6%B3%95%E5%BE%8B", "/api/v1/search?q=%E6%B3%95%E5%BE%8B", "/api/v1/search?q=zzzqqq"]
    {
        assert_eq!(get(&router, uri).await.0, StatusCode::OK);
    }
    assert_eq!(get(&router, "/api/v1/documents/no-such-id").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&router, "/no/such/route/123").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&router, "/readyz").await.0, StatusCode::OK);

    let (status, text, content_type) = get(&router, "/metrics").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type.as_deref(), Some("text/plain; version=0.0.4; charset=utf-8"));
    let count = |labels: &str| sample(&text, &format!("sifa_http_requests_total{{{labels}}}"));
    assert_eq!(count(r#"route="/api/v1/search",status="200""#), Some(3.0), "{text}");
    assert_eq!(count(r#"route="/api/v1/documents/{id}",status="404""#), Some(1.0), "{text}");
    assert_eq!(count(r#"route="unmatched",status="404""#), Some(1.0), "stray paths share one series: {text}");
    assert_eq!(sample(&text, "sifa_search_empty_results_total"), Some(1.0), "{text}");
    assert_eq!(
        sample(&text, r#"sifa_http_request_duration_seconds_count{route="/api/v1/search"}"#),
        Some(3.0),
        "{text}"
    );
    assert_eq!(sample(&text, "sifa_index_ready"), Some(1.0));
    assert_eq!(sample(&text, "sifa_index_documents"), Some(documents as f64));
    assert_eq!(sample(&text, &format!(r#"sifa_index_generation{{generation="{generation}"}}"#)), Some(1.0), "{text}");
    assert!(sample(&text, "sifa_index_built_timestamp_seconds").unwrap() > 1.7e9);
}
