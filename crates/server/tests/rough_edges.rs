//! What users tripped over, each where they met it: the API
//! answering a query that reduces to nothing, unknown and repeated
//! parameters, values outside a closed list, public links, comparisons by
//! province, feeds and clients that never finish their headers.

mod common;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use common::engine;
use sifa_server::{AppState, Connections, app, serve_connections};

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
        ("/api/v1/concordance?q=%E6%B3%95&contxt=10", "contxt"),
        ("/api/v1/diffusion?q=%E6%B3%95&levle=city", "levle"),
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
async fn exports_feeds_citations_meta_tags_and_openapi_carry_the_public_url() {
    let public = sifa_server::PublicUrl::parse("https://sifa.example.org/search/").unwrap();
    let state = || AppState::read_only(engine()).with_public_url(Some(public.clone()));
    let base = "https://sifa.example.org/search/?doc=";
    // A publication without an original address: its citations link to its page in sifa.
    let (_, search) = json("/api/v1/search?per_page=100").await;
    let unlinked = search["hits"].as_array().unwrap().iter().find(|h| h["url"].is_null()).expect("one without url");
    let id = unlinked["id"].as_str().unwrap().to_string();
    let encoded: String = form_urlencoded::byte_serialize(id.as_bytes()).collect();
    for uri in [
        format!("/api/v1/export?format=ris&ids={encoded}"),
        format!("/api/v1/export?format=csljson&ids={encoded}"),
        "/api/v1/search.atom?per_page=3".to_string(),
        format!("/api/v1/documents/{encoded}"),
        format!("/?doc={encoded}"),
    ] {
        let (status, body) = get(state(), &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(body.contains(base), "{uri} links to the public address: {body}");
        assert!(!body.contains("http://localhost") && !body.contains("127.0.0.1"), "{uri}: {body}");
    }
    let (_, document) = get(state(), &format!("/api/v1/documents/{encoded}")).await;
    let document: Value = serde_json::from_str(&document).unwrap();
    assert!(document["citation"]["page_url"].as_str().unwrap().starts_with(base), "{}", document["citation"]);
    let (_, spec) = get(state(), "/api/v1/openapi.json").await;
    let spec: Value = serde_json::from_str(&spec).unwrap();
    assert_eq!(spec["servers"][0]["url"], "https://sifa.example.org/search");
    let (_, unset) = get(AppState::read_only(engine()), &format!("/api/v1/export?format=ris&ids={encoded}")).await;
    assert!(unset.contains("http://localhost/?doc="), "without one, the request's host: {unset}");
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

/// One request on a connection of its own, as raw HTTP/1.1: the status line.
fn status_line(addr: std::net::SocketAddr, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).lines().next().unwrap_or_default().to_string()
}

/// Waits until the server closes `stream` (end of file or a reset), at most until `deadline`.
fn closed_by(stream: &mut std::net::TcpStream, deadline: Instant) -> bool {
    use std::io::Read;
    let mut buffer = [0u8; 512];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut buffer) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                return false;
            }
            Err(_) => return true,
        }
    }
}

/// Serves the demo index on a free port within `limits`.
async fn listening(limits: Connections) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = app(AppState::read_only(engine()));
    tokio::spawn(serve_connections(listener, app, limits, std::future::pending()));
    addr
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_that_never_finish_their_headers_are_dropped_while_others_are_answered() {
    const STALLED: usize = 3000;
    let timeout = Duration::from_secs(3);
    let addr = listening(Connections { header_timeout: timeout, ..Connections::default() }).await;
    tokio::task::spawn_blocking(move || {
        use std::io::Write;
        // Half send nothing, half a request line and a header but never the blank line.
        let mut stalled: Vec<std::net::TcpStream> = (0..STALLED)
            .map(|i| {
                let mut stream = std::net::TcpStream::connect(addr).unwrap();
                if i % 2 == 1 {
                    stream.write_all(b"GET /api/v1/search?q=%E6%B3%95 HTTP/1.1\r\nHost: test\r\n").unwrap();
                }
                stream
            })
            .collect();
        let opened = Instant::now();
        assert_eq!(status_line(addr, "/healthz"), "HTTP/1.1 200 OK", "answered with {STALLED} stalled clients");
        assert_eq!(status_line(addr, "/api/v1/search?q=%E8%B0%83%E8%A7%A3"), "HTTP/1.1 200 OK");
        // Bounded: each stalled connection is closed by the server, within the timeout and a margin for a busy machine.
        let deadline = opened + timeout + Duration::from_secs(20);
        let dropped = stalled.iter_mut().map(|s| closed_by(s, deadline)).filter(|closed| *closed).count();
        assert_eq!(dropped, STALLED, "every stalled connection is dropped");
        assert_eq!(status_line(addr, "/healthz"), "HTTP/1.1 200 OK");
    })
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_connection_cap_a_client_waits_for_a_stalled_one_to_be_dropped() {
    let timeout = Duration::from_secs(2);
    let addr = listening(Connections { header_timeout: timeout, max: 8 }).await;
    tokio::task::spawn_blocking(move || {
        let stalled: Vec<std::net::TcpStream> = (0..8).map(|_| std::net::TcpStream::connect(addr).unwrap()).collect();
        std::thread::sleep(Duration::from_millis(300));
        let asked = Instant::now();
        assert_eq!(status_line(addr, "/healthz"), "HTTP/1.1 200 OK");
        let waited = asked.elapsed();
        assert!(waited >= Duration::from_millis(1000), "the ninth connection waited for a free place: {waited:?}");
        drop(stalled);
    })
    .await
    .unwrap();
}
