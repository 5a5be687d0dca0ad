//! The research routes in-process over an index of the demo corpus: the
//! Atom feed, exports, the timeline, citation tags on document pages and
//! synonym expansion, each with its errors.

use std::sync::Arc;

use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;
use sifa_query::{SearchEngine, Synonyms};

mod common;

use common::enc;

/// The demo index with the shipped synonyms in force, as a server runs it.
fn engine() -> Arc<SearchEngine> {
    let engine = common::engine();
    engine.set_synonyms(Synonyms::shipped());
    engine
}

async fn fetch(uri: &str) -> (StatusCode, HeaderMap, String) {
    common::fetch_from(engine(), uri).await
}

async fn json(uri: &str) -> Value {
    common::ok_json(engine(), uri).await
}

fn ids(response: &Value) -> Vec<String> {
    response["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

/// The `<id>`s of a feed's entries, in order.
fn entry_ids(feed: &str) -> Vec<String> {
    feed.split("<entry>")
        .skip(1)
        .filter_map(|e| e.split("<id>").nth(1)?.split("</id>").next())
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn the_feed_lists_the_newest_matches_with_stable_ids_and_pages() {
    let (status, headers, feed) = fetch("/api/v1/search.atom?q=&per_page=5").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/atom+xml; charset=utf-8");
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""), "{feed}");
    let newest = json("/api/v1/search?q=&sort=newest&per_page=5&facets=none").await;
    let expected: Vec<String> = ids(&newest).iter().map(|id| format!("urn:sifa:doc:{id}")).collect();
    assert_eq!(entry_ids(&feed), expected);
    assert!(feed.contains("href=\"http://sifa.test/?doc="), "entries link to their page: {feed}");
    assert!(feed.contains("rel=\"next\""), "16 publications, 5 a page: {feed}");
    let (_, _, again) = fetch("/api/v1/search.atom?q=&per_page=5").await;
    assert_eq!(entry_ids(&again), expected, "ids are stable");
    let (status, _, body) = fetch("/api/v1/search.atom?per_page=500").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn newest_puts_undated_publications_by_when_they_were_indexed() {
    let newest = json("/api/v1/search?q=&sort=newest&per_page=100&facets=none").await;
    let by_date = json("/api/v1/search?q=&sort=date_desc&per_page=100&facets=none").await;
    assert_eq!(newest["sort"], "newest");
    let hits = newest["hits"].as_array().unwrap();
    assert!(hits.iter().all(|h| h["indexed_at"].as_str().is_some_and(|t| t.ends_with('Z'))));
    let undated: Vec<&Value> = hits.iter().filter(|h| h["date"].is_null()).collect();
    assert!(!undated.is_empty(), "the demo corpus has undated publications");
    let dated = |r: &Value| -> Vec<String> {
        r["hits"].as_array().unwrap().iter().filter(|h| !h["date"].is_null()).map(|h| h["id"].to_string()).collect()
    };
    assert_eq!(dated(&newest), dated(&by_date), "dated publications keep the date order");
    // Indexed just now, the undated ones are newer than every publication date.
    assert!(hits[..undated.len()].iter().all(|h| h["date"].is_null()), "{hits:?}");
}

#[tokio::test]
async fn exports_come_in_every_format_for_a_search_or_a_selection() {
    let q = enc("法律援助");
    for (format, media) in [
        ("csv", "text/csv; charset=utf-8"),
        ("json", "application/json"),
        ("ris", "application/x-research-info-systems; charset=utf-8"),
        ("csljson", "application/vnd.citationstyles.csl+json"),
        ("gbt7714", "text/plain; charset=utf-8"),
    ] {
        let (status, headers, body) = fetch(&format!("/api/v1/export?format={format}&q={q}&cited=2025-01-15")).await;
        assert_eq!(status, StatusCode::OK, "{format}: {body}");
        assert_eq!(headers["content-type"], media, "{format}");
        assert!(headers["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"sifa-export."));
        assert_eq!(headers["x-total-count"], headers["x-exported-count"], "{format}");
    }
    let search = json(&format!("/api/v1/search?q={q}&per_page=100&facets=none")).await;
    let (_, _, list) = fetch(&format!("/api/v1/export?format=gbt7714&q={q}&cited=2025-01-15")).await;
    assert_eq!(list.lines().count(), search["hits"].as_array().unwrap().len(), "one reference per match:\n{list}");
    assert!(list.starts_with("[1] "), "{list}");
    assert!(list.contains("江苏省法律援助条例[Z]. 2021-09-29."), "a local regulation in the law form:\n{list}");
    let (_, _, csv) = fetch(&format!("/api/v1/export?format=csv&q={q}")).await;
    assert!(csv.starts_with("\u{feff}编号,标题,发布机关,地区,日期,发文字号,类型,主题,原文链接\r\n"), "{csv}");

    let (status, _, selected) = fetch("/api/v1/export?format=json&ids=demo-0014,demo-0002").await;
    assert_eq!(status, StatusCode::OK);
    let selected: Value = serde_json::from_str(&selected).unwrap();
    let chosen: Vec<&str> = selected.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(chosen, ["demo-0014", "demo-0002"], "a selection keeps its order");

    for (uri, status, parameter) in [
        ("/api/v1/export?q=x", StatusCode::BAD_REQUEST, Some("format")),
        ("/api/v1/export?format=bibtex", StatusCode::BAD_REQUEST, Some("format")),
        ("/api/v1/export?format=ris&cited=yesterday", StatusCode::BAD_REQUEST, Some("cited")),
        ("/api/v1/export?format=ris&ids=no-such", StatusCode::NOT_FOUND, None),
    ] {
        let (got, _, body) = fetch(uri).await;
        assert_eq!(got, status, "{uri}: {body}");
        let error: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(error["error"]["parameter"].as_str(), parameter, "{uri}: {body}");
    }
}

#[tokio::test]
async fn timeline_series_add_up_to_the_facet_counts() {
    let search = json("/api/v1/search?q=").await;
    for by in ["province", "agency", "kind", "topic"] {
        let t = json(&format!("/api/v1/timeline?q=&by={by}&top=20")).await;
        assert_eq!(t["total"], search["total"], "{by}");
        let facet = match by {
            "province" | "agency" => "agency",
            other => other,
        };
        for series in t["series"].as_array().unwrap() {
            let counts: u64 = series["counts"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).sum();
            assert_eq!(
                series["total"].as_u64().unwrap(),
                counts + series["outside"].as_u64().unwrap(),
                "{by}: {series}"
            );
            let value = series["value"].as_str().unwrap();
            if by == "agency" || value == "中央" {
                // The tree shows agencies under a selection, and national bodies one by one; the value
                // filters to exactly the series.
                let filtered = json(&format!("/api/v1/search?q=&agency={}&facets=none", enc(value))).await;
                assert_eq!(series["total"], filtered["total"], "{by} {value}");
                continue;
            }
            let wanted = search["facets"][facet].as_array().unwrap().iter().find(|f| f["value"] == value);
            let wanted = wanted.unwrap_or_else(|| panic!("{by}: no facet value {value}"));
            assert_eq!(series["total"], wanted["count"], "{by} {value}");
        }
        if by != "topic" {
            // One value per publication: per period the series (with other and missing) are the year facet.
            for (i, period) in t["periods"].as_array().unwrap().iter().enumerate() {
                let all: u64 = t["series"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .chain(t["other"].as_object().map(|_| &t["other"]))
                    .chain(t["missing"].as_object().map(|_| &t["missing"]))
                    .map(|s| s["counts"][i].as_u64().unwrap())
                    .sum();
                let year = search["facets"]["year"].as_array().unwrap().iter().find(|f| f["value"] == period["value"]);
                assert_eq!(all, year.map_or(0, |f| f["count"].as_u64().unwrap()), "{by} {period}");
            }
        }
    }
    let top = json("/api/v1/timeline?q=&by=province&top=2").await;
    assert_eq!(top["series"].as_array().unwrap().len(), 2);
    assert!(top["other"]["label"].as_str().unwrap().starts_with("其他"));
    let months = json("/api/v1/timeline?q=&by=kind&interval=month&from=2024-01-01&to=2024-12-31").await;
    assert!(months["periods"].as_array().unwrap().iter().all(|p| p["value"].as_str().unwrap().starts_with("2024-")));
    for (uri, parameter) in [
        ("/api/v1/timeline?by=city", "by"),
        ("/api/v1/timeline?interval=week", "interval"),
        ("/api/v1/timeline?top=0", "top"),
    ] {
        let (status, _, body) = fetch(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(body.contains(&format!("\"parameter\":\"{parameter}\"")), "{body}");
    }
}

#[tokio::test]
async fn abbreviations_are_searched_with_their_full_forms_below_the_literal_word() {
    let literal = json(&format!("/api/v1/search?q={}&expand=false&per_page=100", enc("律所"))).await;
    let expanded = json(&format!("/api/v1/search?q={}&per_page=100", enc("律所"))).await;
    let full = json(&format!("/api/v1/search?q={}&expand=false&per_page=100", enc("律师事务所"))).await;
    assert_eq!(literal["expanded"], serde_json::json!([]));
    assert_eq!(expanded["expanded"][0]["term"], "律所");
    assert_eq!(expanded["expanded"][0]["added"], serde_json::json!(["律师事务所"]));
    let (literal_ids, expanded_ids, full_ids) = (ids(&literal), ids(&expanded), ids(&full));
    let mut union: Vec<&String> = literal_ids.iter().chain(&full_ids).collect();
    union.sort();
    union.dedup();
    assert_eq!(expanded["total"].as_u64().unwrap(), union.len() as u64, "counts stay honest: either form");
    let mut found: Vec<&String> = expanded_ids.iter().collect();
    found.sort();
    assert_eq!(found, union, "the literal matches and the full form's");
    assert!(full_ids.iter().any(|id| !literal_ids.contains(id)), "the full form finds more");
    assert!(
        expanded["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["snippet_html"].as_str().unwrap().contains("<mark>律师事务所</mark>"))
    );
    let (status, _, _) = fetch("/api/v1/search?q=x&expand=maybe").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let stats = json("/api/v1/stats").await;
    assert!(stats["synonyms"].as_array().unwrap().iter().any(|g| g["abbreviation"] == "律所"));
}

#[tokio::test]
async fn a_document_address_serves_the_page_with_its_citation_tags() {
    let (status, headers, html) = fetch("/?doc=demo-0002").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(html.contains("<meta name=\"citation_title\" content=\"江苏省法律援助条例\" data-citation>"), "{html}");
    assert!(html.contains("<meta name=\"citation_publication_date\" content=\"2021/09/29\" data-citation>"));
    assert!(html.contains("<link rel=\"canonical\" href=\"http://sifa.test/?doc=demo-0002\">"));
    assert!(html.contains("<script type=\"module\" src=\"/assets/main.js\"></script>"), "the page itself");
    let (status, _, plain) = fetch("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!plain.contains("citation_title"));
    let (status, _, missing) = fetch("/?doc=no-such").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("/assets/main.js"), "the page still loads and explains");
}

#[tokio::test]
async fn the_openapi_document_describes_every_research_route() {
    let doc = json("/api/v1/openapi.json").await;
    for (path, statuses) in [
        ("/api/v1/search.atom", &["200", "400"][..]),
        ("/api/v1/export", &["200", "400", "404"][..]),
        ("/api/v1/timeline", &["200", "400"][..]),
        ("/", &["200", "404"][..]),
    ] {
        let responses = &doc["paths"][path]["get"]["responses"];
        for status in statuses {
            assert!(responses.get(*status).is_some(), "{path} {status}: {responses}");
        }
    }
    let names: Vec<&str> = doc["paths"]["/api/v1/timeline"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in ["q", "agency", "by", "interval", "top"] {
        assert!(names.contains(&name), "{names:?}");
    }
}
