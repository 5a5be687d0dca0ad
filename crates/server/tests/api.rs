//! The router tested in-process over an index of the demo corpus: every
//! parameter, every error, the response shapes.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use sifa_server::{AppState, app};
use tower::ServiceExt;

mod common;
use common::engine;

async fn request(method: Method, uri: &str) -> (StatusCode, Value, axum::http::HeaderMap) {
    let response = app(AppState::read_only(engine()))
        .oneshot(Request::builder().method(method).uri(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, json, headers)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    let (status, json, _) = request(Method::GET, uri).await;
    (status, json)
}

fn enc(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

async fn search(query: &str) -> Value {
    let (status, json) = get(&format!("/api/v1/search?{query}")).await;
    assert_eq!(status, StatusCode::OK, "{query}: {json}");
    json
}

fn ids(response: &Value) -> Vec<String> {
    response["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn search_returns_the_documented_shape() {
    let r = search(&format!("q={}", enc("法律援助"))).await;
    for key in ["total", "took_ms", "page", "per_page", "hits", "facets"] {
        assert!(r.get(key).is_some(), "missing {key}: {r}");
    }
    let hit = &r["hits"][0];
    for key in [
        "id",
        "title",
        "title_html",
        "snippet_html",
        "agency",
        "agency_path",
        "date",
        "kind",
        "topics",
        "url",
        "source",
        "score",
    ] {
        assert!(hit.get(key).is_some(), "hit missing {key}: {hit}");
    }
    for facet in ["agency", "topic", "kind", "year", "month"] {
        assert!(r["facets"][facet].is_array(), "facet {facet}");
    }
    assert!(r["total"].as_u64().unwrap() >= 4);
    assert!(
        hit["title_html"].as_str().unwrap().contains("<mark>")
            || hit["snippet_html"].as_str().unwrap().contains("<mark>")
    );
}

#[tokio::test]
async fn unsegmented_chinese_and_substrings_across_words_are_found() {
    let r = search(&format!("q={}", enc("行政复议纠错率"))).await;
    assert!(r["total"].as_u64().unwrap() >= 1, "{r}");
    // 法律职业 sits inside 法律职业资格考试: found as a contiguous run.
    let r = search(&format!("q={}", enc("律职业资"))).await;
    assert!(r["total"].as_u64().unwrap() >= 1, "a sub-string across word boundaries: {r}");
}

#[tokio::test]
async fn phrases_exclusions_or_and_title_scope() {
    let all = search(&format!("q={}&per_page=100", enc("人民调解"))).await["total"].as_u64().unwrap();
    let without = search(&format!("q={}&per_page=100", enc("人民调解 -司法部"))).await;
    assert!(without["total"].as_u64().unwrap() < all);
    assert!(without["hits"].as_array().unwrap().iter().all(|h| h["agency"] != "司法部"));
    let either = search(&format!("q={}", enc("戒毒 OR 社区矫正"))).await["total"].as_u64().unwrap();
    let one = search(&format!("q={}", enc("戒毒"))).await["total"].as_u64().unwrap();
    assert!(either > one);
    let titled = search(&format!("q={}&per_page=100", enc("title:工作要点"))).await;
    assert!(titled["hits"].as_array().unwrap().iter().all(|h| h["title"].as_str().unwrap().contains("工作要点")));
    let phrase = search(&format!("q={}", enc("\"公共法律服务中心\""))).await;
    assert!(phrase["total"].as_u64().unwrap() >= 1);
}

#[tokio::test]
async fn malformed_queries_degrade_gracefully() {
    for q in ["\"未闭合", "<script>alert(1)</script>", "a:b", "OR 调解 OR"] {
        let (status, json) = get(&format!("/api/v1/search?q={}", enc(q))).await;
        assert_eq!(status, StatusCode::OK, "{q:?}: {json}");
    }
    // What reduces to nothing is said, never answered with the whole corpus.
    for q in ["-", ":", "OR", "title:", "- - OR \"\"", "😀👍", "\u{0}\u{7}"] {
        let (status, json) = get(&format!("/api/v1/search?q={}", enc(q))).await;
        assert_eq!(
            (status, json["error"]["parameter"].as_str()),
            (StatusCode::BAD_REQUEST, Some("q")),
            "{q:?}: {json}"
        );
    }
    let (status, _) = get("/api/v1/search?q=%ZZ%E6%B3%95").await;
    assert_eq!(status, StatusCode::OK, "invalid percent-escapes are read leniently");
    let (status, _) = get("/api/v1/search?q=%ZZ%E6").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "bytes that are not UTF-8 are refused");
}

#[tokio::test]
async fn empty_query_browses_newest_first() {
    let r = search("per_page=20").await;
    assert!(r["total"].as_u64().unwrap() >= 45);
    let dates: Vec<&str> = r["hits"].as_array().unwrap().iter().filter_map(|h| h["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}

#[tokio::test]
async fn sorting_by_date_both_ways() {
    let asc = search(&format!("q={}&sort=date_asc&per_page=50", enc("司法"))).await;
    let dates: Vec<&str> = asc["hits"].as_array().unwrap().iter().filter_map(|h| h["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let desc = search(&format!("q={}&sort=date_desc&per_page=50", enc("司法"))).await;
    let dates: Vec<&str> = desc["hits"].as_array().unwrap().iter().filter_map(|h| h["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
}

#[tokio::test]
async fn agency_filter_by_region_prefix_name_and_hierarchy() {
    let shandong = search(&format!("agency={}&per_page=100", enc("山东省"))).await;
    assert!(shandong["hits"].as_array().unwrap().iter().all(|h| h["agency_path"][0] == "山东省"));
    let city = search(&format!("agency={}&per_page=100", enc("山东省/青岛市"))).await;
    assert!(city["total"].as_u64().unwrap() >= 2);
    assert!(city["total"].as_u64() < shandong["total"].as_u64());
    let by_name = search(&format!("agency={}", enc("青岛市即墨区司法局"))).await;
    assert!(by_name["hits"].as_array().unwrap().iter().all(|h| h["agency"] == "青岛市即墨区司法局"));
    // Drill-down: provinces and 司法部 on top, the children of the selection under it.
    let agency = shandong["facets"]["agency"].as_array().unwrap();
    assert!(agency.iter().any(|f| f["value"] == "司法部" && f["depth"] == 0));
    assert!(agency.iter().any(|f| f["value"] == "山东省/青岛市" && f["depth"] == 1));
    assert!(agency.iter().any(|f| f["value"] == "山东省" && f["selected"] == true));
    // Disjunctive: the other provinces still show their counts.
    assert!(agency.iter().filter(|f| f["depth"] == 0).count() >= 5);
}

#[tokio::test]
async fn topic_kind_and_date_filters() {
    let r = search(&format!("topic={}&per_page=100", enc("法律援助"))).await;
    assert!(
        r["hits"].as_array().unwrap().iter().all(|h| h["topics"].as_array().unwrap().iter().any(|t| t == "法律援助"))
    );
    let topic_facet = r["facets"]["topic"].as_array().unwrap();
    assert!(topic_facet.len() > 1, "topic counts ignore the topic selection");
    let r = search("kind=work_plan&kind=notice&per_page=100").await;
    assert!(r["hits"].as_array().unwrap().iter().all(|h| h["kind"] == "work_plan" || h["kind"] == "notice"));
    let r = search("from=2024-01-01&to=2024-12-31&per_page=100").await;
    let hits = r["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["date"].as_str().unwrap().starts_with("2024")));
    assert!(!r["facets"]["month"].as_array().unwrap().is_empty(), "months when the range spans at most two years");
    let r = search("from=2020-01-01&per_page=100").await;
    assert!(r["hits"].as_array().unwrap().iter().all(|h| h["date"].as_str().is_none_or(|d| d >= "2020")));
}

#[tokio::test]
async fn paging_is_stable() {
    let first = ids(&search("per_page=5&page=1").await);
    let second = ids(&search("per_page=5&page=2").await);
    let both = ids(&search("per_page=10&page=1").await);
    assert_eq!([first, second].concat(), both);
}

#[tokio::test]
async fn every_bad_parameter_is_a_400_with_the_error_shape() {
    for query in [
        "from=2024-02-30",
        "to=tomorrow",
        "from=2024-05-01&to=2024-01-01",
        "page=0",
        "page=-1",
        "per_page=101",
        "per_page=0",
        "sort=popular",
        "kind=memo",
        "facets=colour",
    ] {
        let (status, json) = get(&format!("/api/v1/search?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {json}");
        assert_eq!(json["error"]["code"], "invalid_parameter", "{query}");
        assert!(json["error"]["message"].as_str().unwrap().len() > 10);
    }
    let long = "法".repeat(1001);
    let (status, json) = get(&format!("/api/v1/search?q={}", enc(&long))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(json["error"]["code"], "invalid_parameter");
}

#[tokio::test]
async fn not_found_and_wrong_method() {
    let (status, json) = get("/api/v1/documents/no-such-id").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json["error"]["code"], "document_not_found");
    let (status, json) = get("/api/v2/search").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json["error"]["code"], "not_found");
    let (status, json, _) = request(Method::POST, "/api/v1/search").await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(json["error"]["code"], "method_not_allowed");
}

#[tokio::test]
async fn documents_similar_and_suggest() {
    let (status, doc) = get(&format!("/api/v1/documents/demo-0002?q={}", enc("法律援助"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["title"], "江苏省法律援助条例");
    assert!(doc["body"].as_str().unwrap().chars().count() > 100);
    assert!(doc["body_html"].as_str().unwrap().contains("<mark>法律援助</mark>"));
    assert!(doc["evidence"]["title"]["rule"].is_string());
    let (status, similar) = get("/api/v1/documents/demo-0002/similar").await;
    assert_eq!(status, StatusCode::OK);
    let similar = similar["hits"].as_array().unwrap();
    assert!(!similar.is_empty() && similar.len() <= 10);
    assert!(similar.iter().all(|h| h["id"] != "demo-0002"));
    let (status, s) = get(&format!("/api/v1/suggest?q={}", enc("法律"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        s["suggestions"].as_array().unwrap().iter().any(|x| x["text"] == "法律援助" && x["kind"] == "topic"),
        "{s}"
    );
    let (_, s) = get(&format!("/api/v1/suggest?q={}", enc("即墨"))).await;
    assert!(s["suggestions"].as_array().unwrap().iter().any(|x| x["kind"] == "agency"), "{s}");
}

#[tokio::test]
async fn stats_health_and_openapi() {
    let (status, stats) = get("/api/v1/stats").await;
    assert_eq!(status, StatusCode::OK);
    assert!(stats["documents"].as_u64().unwrap() >= 45);
    let (status, health) = get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(health["status"], "ok");
    let (status, spec) = get("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/search",
        "/api/v1/documents/{id}",
        "/api/v1/documents/{id}/similar",
        "/api/v1/suggest",
        "/api/v1/stats",
        "/healthz",
    ] {
        assert!(spec["paths"][path]["get"].is_object(), "{path} is described");
    }
    // Every field a search response carries is in its schema.
    let r = search("q=%E6%B3%95").await;
    let hit_schema = &spec["components"]["schemas"]["Hit"]["properties"];
    for key in r["hits"][0].as_object().unwrap().keys() {
        assert!(hit_schema.get(key).is_some(), "Hit.{key} is undocumented");
    }
}

#[tokio::test]
async fn headers_cors_and_compression() {
    let response = app(AppState::read_only(engine()))
        .oneshot(
            Request::builder()
                .uri("/api/v1/search?q=%E6%B3%95")
                .header("Origin", "https://example.org")
                .header("Accept-Encoding", "gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("access-control-allow-origin"));
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert!(response.headers().contains_key("content-security-policy"));
}

#[tokio::test]
async fn cors_preflight_allows_json_and_bearer_headers() {
    let response = app(AppState::read_only(engine()))
        .oneshot(
            Request::builder()
                .method(Method::OPTIONS)
                .uri("/api/v1/search")
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "content-type, authorization")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let allowed = response.headers()["access-control-allow-headers"].to_str().unwrap().to_ascii_lowercase();
    assert!(allowed.contains("content-type") && allowed.contains("authorization"), "{allowed}");
}

#[tokio::test]
async fn errors_name_their_parameter_and_the_spec_lists_every_status() {
    let (status, body) = get("/api/v1/search?per_page=0").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["parameter"], "per_page", "{body}");
    let (_, spec) = get("/api/v1/openapi.json").await;
    let search = &spec["paths"]["/api/v1/search"]["get"];
    for status in ["200", "400", "405", "500", "503"] {
        assert!(search["responses"][status].is_object(), "search documents {status}");
    }
    assert!(spec["paths"]["/api/v1/documents/{id}"]["get"]["responses"]["404"].is_object());
    let parameter = |name: &str| {
        search["parameters"].as_array().unwrap().iter().find(|p| p["name"] == name).cloned().unwrap_or_default()
    };
    assert_eq!(parameter("page")["schema"]["type"], "integer");
    assert_eq!(parameter("per_page")["schema"]["type"], "integer");
    let month = &spec["components"]["schemas"]["Facets"]["properties"]["month"];
    assert!(month.is_object(), "the month facet is described");
}

#[tokio::test]
async fn month_facets_are_asked_for_by_name_and_lowercase_or_joins() {
    let r = search("facets=month&from=2024-01-01&to=2024-12-31").await;
    assert!(r["facets"]["month"].as_array().is_some_and(|m| !m.is_empty()), "{}", r["facets"]);
    assert!(r["facets"]["agency"].as_array().unwrap().is_empty(), "only what was asked for");
    let either = search(&format!("q={}", enc("社区矫正 or 法律援助"))).await["total"].as_u64().unwrap();
    let one = search(&format!("q={}", enc("社区矫正"))).await["total"].as_u64().unwrap();
    assert!(either > one, "or joins alternatives: {either} vs {one}");
}

#[tokio::test]
async fn documents_list_what_they_cite_and_who_cites_them() {
    let (status, notice) = get("/api/v1/documents/demo-notice-0001").await;
    assert_eq!(status, StatusCode::OK);
    let cites = notice["cites"].as_array().unwrap();
    let law = cites.iter().find(|c| c["id"] == "demo-law-0001").expect("the law is cited and resolved");
    assert_eq!(law["articles"], serde_json::json!(["22", "30"]));
    let regulation = cites.iter().find(|c| c["title"] == "浙江省法律援助条例").unwrap();
    assert_eq!(regulation["id"], "demo-reg-2014", "the version in force at the notice's date");
    assert!(cites.iter().all(|c| c["title"] != "浙司发〔2022〕5号"), "its own number is no citation");
    assert_eq!(notice["cited_by_count"], 1, "the news item cites it by number");

    let (_, law) = get("/api/v1/documents/demo-law-0001").await;
    let count = law["cited_by_count"].as_u64().unwrap();
    assert!(count >= 3, "{law}");
    let (status, citing) = get("/api/v1/documents/demo-law-0001/cited-by?per_page=100").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(citing["total"].as_u64(), Some(count), "the list holds every citing publication");
    assert!(ids(&citing).contains(&"demo-notice-0001".to_string()));
    assert!(citing["facets"]["agency"].is_array(), "faceted like a search");
    let (status, body) = get("/api/v1/documents/nope/cited-by").await;
    assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::NOT_FOUND, Some("document_not_found")));
    let filtered = search("cites=demo-law-0001&kind=notice").await;
    assert_eq!(ids(&filtered), ["demo-notice-0001"]);
    let most_cited = search("sort=cited_by&per_page=1").await;
    assert_eq!(ids(&most_cited), ["demo-law-0001"]);
}

#[tokio::test]
async fn versions_show_the_current_one_unless_all_are_asked_for() {
    let q = enc("浙江省法律援助条例");
    let current = search(&format!("q={q}&kind=local_regulation")).await;
    assert_eq!(ids(&current), ["demo-reg-2024"]);
    assert_eq!(current["hits"][0]["versions"], 2);
    let all = search(&format!("q={q}&kind=local_regulation&version=all")).await;
    assert_eq!(all["total"], 2);
    let (_, old) = get("/api/v1/documents/demo-reg-2014").await;
    let statuses: Vec<(&str, &str)> = old["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["id"].as_str().unwrap(), v["status"].as_str().unwrap()))
        .collect();
    assert_eq!(statuses, [("demo-reg-2014", "amended"), ("demo-reg-2024", "current")]);
    let (status, body) = get("/api/v1/search?version=newest").await;
    assert_eq!((status, body["error"]["parameter"].as_str()), (StatusCode::BAD_REQUEST, Some("version")));
    let (status, body) = get("/api/v1/search?collapse=maybe").await;
    assert_eq!((status, body["error"]["parameter"].as_str()), (StatusCode::BAD_REQUEST, Some("collapse")));
}

#[tokio::test]
async fn a_repeated_search_is_answered_alike_with_and_without_the_response_cache() {
    let state = AppState::read_only(engine());
    let uncached = AppState::read_only(engine()).without_response_cache();
    let uri = format!("/api/v1/search?q={}&facets=agency,topic,kind,year", enc("法律援助"));
    let body = |state: AppState| {
        let uri = uri.clone();
        async move {
            let response = app(state).oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap()).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            assert_eq!(response.headers()["content-type"], "application/json");
            let mut json: Value =
                serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes()).unwrap();
            json["took_ms"] = Value::Null;
            json
        }
    };
    let first = body(state.clone()).await;
    let again = body(state.clone()).await;
    assert_eq!(first, again, "the kept answer");
    assert_eq!(first, body(uncached).await, "the answer searched afresh");
    assert!(first["total"].as_u64().unwrap() > 0);
}
