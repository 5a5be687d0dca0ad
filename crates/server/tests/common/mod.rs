//! What the server's tests share: one index of the demo corpus per test
//! binary, and requests to the app over it. Each test binary uses part of
//! it, hence `dead_code` allowed.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use sifa_indexer::Pipeline;
use sifa_query::SearchEngine;
use sifa_server::{AppState, app};
use sifa_store::IndexLocation;
use tower::ServiceExt;

/// The search engine over an index of `data/`, built once.
pub fn engine() -> Arc<SearchEngine> {
    static ENGINE: OnceLock<(tempfile::TempDir, Arc<SearchEngine>)> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let location = IndexLocation::new(dir.path());
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
            let pipeline =
                Pipeline::from_dirs(&root.join("data"), Some(&root.join("data"))).unwrap().with_threads(Some(2));
            pipeline.reindex(&location, &()).unwrap();
            (dir, Arc::new(SearchEngine::open(location).unwrap()))
        })
        .1
        .clone()
}

/// One GET to the read-only app over `engine` (as host `sifa.test`): its
/// status, headers and body.
pub async fn fetch_from(engine: Arc<SearchEngine>, uri: &str) -> (StatusCode, HeaderMap, String) {
    let request = Request::builder().uri(uri).header("host", "sifa.test").body(Body::empty()).unwrap();
    let response = app(AppState::read_only(engine)).oneshot(request).await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8(bytes.to_vec()).unwrap())
}

/// The JSON of a GET that must answer 200.
pub async fn ok_json(engine: Arc<SearchEngine>, uri: &str) -> Value {
    let (status, _, body) = fetch_from(engine, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// `text` percent-encoded for a query string.
pub fn enc(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
