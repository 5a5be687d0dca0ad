//! Every dimension of `GET /api/v1/dimensions` is, through the whole API, a
//! filter parameter, a key of a search's facets, a comparison of the
//! timeline and an OpenAPI parameter: what the one table promises.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use common::engine;
use sifa_server::{AppState, app};

async fn get(uri: &str) -> (StatusCode, Value) {
    let response = app(AppState::read_only(engine()))
        .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

fn strings<'a>(values: &'a Value, key: &str) -> Vec<&'a str> {
    values.as_array().unwrap().iter().map(|v| v[key].as_str().unwrap()).collect()
}

#[tokio::test]
async fn every_dimension_is_a_filter_a_facet_a_comparison_and_a_documented_parameter() {
    let (status, described) = get("/api/v1/dimensions").await;
    assert_eq!(status, StatusCode::OK);
    let names = strings(&described["dimensions"], "name");
    assert!(names.starts_with(&["agency", "topic", "kind"]), "{names:?}");
    assert_eq!(described["year"]["label"], "年份");
    let compare = strings(&described["compare"], "by");
    assert_eq!(compare[0], "province", "the top of the agency tree first");

    let (_, search) = get("/api/v1/search?q=%E6%B3%95").await;
    let (_, spec) = get("/api/v1/openapi.json").await;
    let parameters = strings(&spec["paths"]["/api/v1/search"]["get"]["parameters"], "name");
    let facet_keys: Vec<&str> = search["facets"].as_object().unwrap().keys().map(String::as_str).collect();
    for dimension in described["dimensions"].as_array().unwrap() {
        let name = dimension["name"].as_str().unwrap();
        assert!(!dimension["label"].as_str().unwrap().is_empty() && !dimension["chip"].as_str().unwrap().is_empty());
        assert!(["tree", "flat"].contains(&dimension["shape"].as_str().unwrap()), "{dimension}");
        assert!(facet_keys.contains(&name), "{name} is counted: {facet_keys:?}");
        assert!(parameters.contains(&name), "{name} is a documented parameter");
        assert!(compare.contains(&name), "{name} can be compared");
        assert!(spec["components"]["schemas"]["Facets"]["properties"][name].is_object(), "{name} in the schema");
        let (status, timeline) = get(&format!("/api/v1/timeline?by={name}")).await;
        assert_eq!((status, timeline["by"].as_str()), (StatusCode::OK, Some(name)), "{timeline}");
        for value in dimension["values"].as_array().into_iter().flatten() {
            let (status, _) = get(&format!("/api/v1/search?{name}={}", value["value"].as_str().unwrap())).await;
            assert_eq!(status, StatusCode::OK, "{name}={value}");
        }
        if dimension["values"].is_array() {
            let (status, body) = get(&format!("/api/v1/search?{name}=no-such-value")).await;
            assert_eq!((status, body["error"]["parameter"].as_str()), (StatusCode::BAD_REQUEST, Some(name)));
        }
    }
}

#[tokio::test]
async fn a_kind_is_labelled_by_the_dimension_and_kept_in_stats() {
    let (_, described) = get("/api/v1/dimensions").await;
    let kind = described["dimensions"].as_array().unwrap().iter().find(|d| d["name"] == "kind").unwrap();
    let (_, stats) = get("/api/v1/stats").await;
    assert_eq!(kind["values"], stats["kinds"], "one vocabulary");
}
