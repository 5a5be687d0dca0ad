//! What users tripped over (issue 21), each where they met it: the API
//! answering a query that reduces to nothing, unknown and repeated
//! parameters, values outside a closed list and comparisons by province.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use common::engine;
use sifa_server::{AppState, app};

async fn get(state: AppState, uri: &str) -> (StatusCode, String) {
    let request = Request::builder().uri(uri).body(Body::empty()).unwrap();
    let response = app(state).oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn json(uri: &str) -> (StatusCode, Value) {
    let (status, body) = get(AppState::read_only(engine()), uri).await;
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

/// The parameter a 400 names.
async fn refused(uri: &str) -> String {
    let (status, body) = json(uri).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
    body["error"]["parameter"].as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn invalid_utf8_and_queries_that_reduce_to_nothing_never_browse() {
    for q in ["%FF%FE", "%C0%80", "%5B%5B", "%E6%B3%95%FF", "-%20:%20OR"] {
        for route in ["search", "search.atom", "timeline", "export?format=json&"] {
            let sep = if route.ends_with('&') { "" } else { "?" };
            let uri = format!("/api/v1/{route}{sep}q={q}");
            assert_eq!(refused(&uri).await, "q", "{uri}");
        }
    }
    let (status, body) = json("/api/v1/search?q=%5B%5B").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"]["message_zh"].as_str().unwrap().contains("检索词"), "{body}");
    let (status, browse) = json("/api/v1/search?q=").await;
    assert_eq!(status, StatusCode::OK, "an empty query still browses");
    assert!(browse["total"].as_u64().unwrap() > 0);
    let (status, excluded) = json("/api/v1/search?q=-%E6%B3%95").await;
    assert_eq!(status, StatusCode::OK, "an exclusion alone is a search: {excluded}");
}

#[tokio::test]
async fn unknown_and_repeated_parameters_are_refused_by_name() {
    for (uri, named) in [
        ("/api/v1/search?q=%E6%B3%95&agnecy=x", "agnecy"),
        ("/api/v1/search.atom?kinds=news", "kinds"),
        ("/api/v1/timeline?by=kind&intervall=month", "intervall"),
        ("/api/v1/export?format=csv&id=x", "id"),
        ("/api/v1/suggest?q=%E6%B3%95&n=3", "n"),
        ("/api/v1/search?q=a&q=b", "q"),
        ("/api/v1/search?sort=date_desc&sort=relevance", "sort"),
        ("/api/v1/export?format=csv&format=ris", "format"),
        ("/api/v1/timeline?by=kind&by=topic", "by"),
    ] {
        assert_eq!(refused(uri).await, named, "{uri}");
    }
    let (_, body) = json("/api/v1/search?agnecy=x").await;
    assert_eq!(body["error"]["code"], "unknown_parameter", "{body}");
    assert!(body["error"]["message_zh"].as_str().unwrap().contains("agnecy"), "{body}");
}

#[tokio::test]
async fn one_rule_for_values_outside_a_closed_list() {
    for (uri, named) in [
        ("/api/v1/search?kind=foo", "kind"),
        ("/api/v1/search?status=foo", "status"),
        ("/api/v1/search?topic=foo", "topic"),
        ("/api/v1/search?agency=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%B1%80", "agency"),
        ("/api/v1/timeline?by=kind&topic=foo", "topic"),
        ("/api/v1/export?format=csv&agency=nowhere", "agency"),
    ] {
        assert_eq!(refused(uri).await, named, "{uri}");
    }
    let (_, facets) = json("/api/v1/search").await;
    let first = |name: &str| facets["facets"][name][0]["value"].as_str().unwrap().to_string();
    for (name, value) in [("agency", first("agency")), ("topic", first("topic")), ("kind", first("kind"))] {
        let uri =
            format!("/api/v1/search?{name}={}", form_urlencoded::byte_serialize(value.as_bytes()).collect::<String>());
        let (status, body) = json(&uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        assert!(body["total"].as_u64().unwrap() > 0, "{uri}");
    }
    let (status, labelled) = json("/api/v1/search?kind=%E6%96%B0%E9%97%BB%E5%8A%A8%E6%80%81").await;
    assert_eq!(status, StatusCode::OK, "a kind's Chinese label stands for it: {labelled}");
    let (status, _) = json("/api/v1/search?kind=judicial_interpretation").await;
    assert_eq!(status, StatusCode::OK, "a kind of the list that no publication has is 0 hits, not an error");
}

#[tokio::test]
async fn facets_exports_similar_and_citation_counts_keep_their_word() {
    let (_, body) = json("/api/v1/search?facets=colour").await;
    assert!(body["error"]["message"].as_str().unwrap().contains("month"), "{body}");
    let (_, months) = json("/api/v1/search?facets=month&from=2024-01-01&to=2024-12-31").await;
    assert!(months["facets"]["year"].as_array().unwrap().is_empty(), "month alone: {}", months["facets"]);
    assert!(!months["facets"]["month"].as_array().unwrap().is_empty(), "{}", months["facets"]);
    let (_, years) = json("/api/v1/search?facets=year&from=2024-01-01&to=2024-12-31").await;
    assert!(
        years["facets"]["month"].as_array().unwrap().is_empty()
            && !years["facets"]["year"].as_array().unwrap().is_empty()
    );

    let (_, search) = json("/api/v1/search?per_page=3").await;
    let id = search["hits"][0]["id"].as_str().unwrap().to_string();
    let encoded: String = form_urlencoded::byte_serialize(id.as_bytes()).collect();
    let (status, exported) = json(&format!("/api/v1/export?format=json&ids={encoded},{encoded}&ids={encoded}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(exported.as_array().map(Vec::len), Some(1), "an id asked twice is exported once: {exported}");

    let (_, two) = json(&format!("/api/v1/documents/{encoded}/similar?per_page=2")).await;
    assert_eq!(two["hits"].as_array().unwrap().len(), 2, "{two}");
    assert_eq!(refused(&format!("/api/v1/documents/{encoded}/similar?per_page=0")).await, "per_page");

    let (_, cited) = json("/api/v1/search?sort=cited_by&per_page=5").await;
    let counts: Vec<u64> =
        cited["hits"].as_array().unwrap().iter().map(|h| h["cited_by_count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most cited first, each with its count: {counts:?}");
}

#[tokio::test]
async fn national_bodies_are_one_series_when_comparing_provinces() {
    let (status, t) = json("/api/v1/timeline?by=province&top=20").await;
    assert_eq!(status, StatusCode::OK, "{t}");
    let series = t["series"].as_array().unwrap();
    let values: Vec<&str> = series.iter().map(|s| s["value"].as_str().unwrap()).collect();
    assert!(values.contains(&"中央"), "{values:?}");
    for national in ["全国人民代表大会常务委员会", "国务院", "司法部", "最高人民法院"] {
        assert!(!values.contains(&national), "{national} is no province: {values:?}");
    }
    let national = series.iter().find(|s| s["value"] == "中央").unwrap();
    let (_, filtered) = json("/api/v1/search?agency=%E4%B8%AD%E5%A4%AE&facets=none").await;
    assert_eq!(national["total"], filtered["total"], "the series' value filters to it");
    let agencies: Vec<&str> =
        filtered["hits"].as_array().unwrap().iter().filter_map(|h| h["agency"].as_str()).collect();
    assert!(agencies.iter().all(|a| !a.contains('省')), "{agencies:?}");
}
