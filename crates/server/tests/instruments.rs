//! The research instruments in-process over an index of the demo corpus:
//! the concordance and the diffusion tracker, in JSON and CSV, with their
//! errors and their OpenAPI description.

use axum::http::{HeaderMap, StatusCode};
use serde_json::Value;

mod common;

use common::enc;

async fn fetch(uri: &str) -> (StatusCode, HeaderMap, String) {
    common::fetch_from(common::engine(), uri).await
}

async fn json(uri: &str) -> Value {
    common::ok_json(common::engine(), uri).await
}

#[tokio::test]
async fn the_concordance_counts_the_searchs_documents_and_pages_its_lines() {
    let q = enc("法律援助");
    let search = json(&format!("/api/v1/search?q={q}&facets=none")).await;
    let c = json(&format!("/api/v1/concordance?q={q}&context=8&per_page=5")).await;
    assert_eq!(c["total_documents"], search["total"]);
    let lines = c["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 5);
    assert!(c["total_occurrences"].as_u64().unwrap() >= c["total_documents"].as_u64().unwrap());
    for line in lines {
        assert_eq!(line["match"], "法律援助", "{line}");
        assert!(line["left"].as_str().unwrap().chars().count() <= 8);
        for key in ["id", "title", "date", "agency", "left", "right", "field", "start"] {
            assert!(line.get(key).is_some(), "{key} in {line}");
        }
    }
    let second = json(&format!("/api/v1/concordance?q={q}&context=8&per_page=5&page=2")).await;
    assert_ne!(second["lines"][0], lines[0], "pages differ");
    let filtered = json(&format!("/api/v1/concordance?q={q}&agency={}", enc("山东省"))).await;
    let filtered_search = json(&format!("/api/v1/search?q={q}&agency={}&facets=none", enc("山东省"))).await;
    assert_eq!(filtered["total_documents"], filtered_search["total"], "filters apply as in search");
}

#[tokio::test]
async fn the_concordance_csv_has_chinese_headers_and_every_line() {
    let q = enc("调解");
    let c = json(&format!("/api/v1/concordance?q={q}&sort=right")).await;
    let (status, headers, csv) = fetch(&format!("/api/v1/concordance?q={q}&sort=right&format=csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    assert!(csv.starts_with('\u{feff}'));
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').trim_end().split("\r\n").collect();
    assert_eq!(rows[0], "编号,标题,日期,发布机关,位置,起始字符,左语境,关键词,右语境");
    assert_eq!(rows.len() as u64 - 1, c["total_occurrences"].as_u64().unwrap(), "every line, not a page");
    assert_eq!(headers["x-total-count"], c["total_occurrences"].to_string().as_str());
}

#[tokio::test]
async fn mistakes_are_named_by_their_parameter() {
    for (uri, parameter) in [
        ("/api/v1/concordance?q=%E8%B0%83%E8%A7%A3&context=500", "context"),
        ("/api/v1/concordance?q=%E8%B0%83%E8%A7%A3&sort=date_desc", "sort"),
        ("/api/v1/concordance?q=%E8%B0%83%E8%A7%A3&per_page=101", "per_page"),
        ("/api/v1/concordance?q=", "q"),
        ("/api/v1/concordance?q=%E8%B0%83%E8%A7%A3&format=ris", "format"),
        ("/api/v1/diffusion?q=%E8%B0%83%E8%A7%A3&level=village", "level"),
        ("/api/v1/diffusion?q=%E8%B0%83%E8%A7%A3&reference=2024-02-30", "reference"),
        ("/api/v1/diffusion?q=%E8%B0%83%E8%A7%A3&reference=no-such-document", "reference"),
        ("/api/v1/diffusion?q=%E8%B0%83%E8%A7%A3&from=yesterday", "from"),
    ] {
        let (status, _, body) = fetch(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        let error: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(error["error"]["parameter"], parameter, "{uri}: {body}");
        assert!(!error["error"]["message_zh"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn diffusion_regions_agree_with_the_search_and_the_panel_with_them() {
    let q = enc("法律援助");
    let d = json(&format!("/api/v1/diffusion?q={q}&level=province")).await;
    let regions = d["regions"].as_array().unwrap();
    assert!(!regions.is_empty(), "{d}");
    for region in regions {
        let path = region["path"].as_str().unwrap();
        let search =
            json(&format!("/api/v1/search?q={q}&agency={}&sort=date_asc&per_page=1&facets=none", enc(path))).await;
        assert_eq!(region["documents"], search["total"], "{path}");
        assert_eq!(region["first_date"], search["hits"][0]["date"], "{path}");
    }
    let national: Vec<&str> = d["national"].as_array().unwrap().iter().map(|n| n["path"].as_str().unwrap()).collect();
    assert!(regions.iter().all(|r| !national.contains(&r["path"].as_str().unwrap())), "national bodies apart");
    let with_date = regions.iter().filter(|r| !r["first_date"].is_null()).count() as u64;
    let adoption = d["adoption"].as_array().unwrap();
    assert_eq!(adoption.last().unwrap()["cumulative"].as_u64(), Some(with_date));

    let (status, headers, csv) = fetch(&format!("/api/v1/diffusion?q={q}&level=province&format=csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    let rows: Vec<Vec<String>> = csv
        .trim_start_matches('\u{feff}')
        .trim_end()
        .split("\r\n")
        .map(|row| row.split(',').map(|cell| cell.trim_matches('"').to_string()).collect())
        .collect();
    assert_eq!(rows[0].join(","), "region,path,year,adopted,first_date,documents_in_year,documents_to_date");
    for region in regions {
        let path = region["path"].as_str().unwrap();
        let own: Vec<&Vec<String>> = rows.iter().filter(|row| row[1] == path).collect();
        assert!(!own.is_empty(), "{path} is in the panel");
        let first_year = region["first_date"].as_str().map(|d| d[..4].to_string());
        let adopted_from = own.iter().find(|row| row[3] == "1").map(|row| row[2].clone());
        assert_eq!(adopted_from, first_year, "{path}: adopted from the year of its first date");
        let last = own.last().unwrap();
        assert!(last[6].parse::<u64>().unwrap() <= region["documents"].as_u64().unwrap(), "undated ones aside");
    }
}

#[tokio::test]
async fn the_openapi_document_describes_both_instruments() {
    let spec = json("/api/v1/openapi.json").await;
    for (path, own) in [
        ("/api/v1/concordance", ["context", "sort", "format"]),
        ("/api/v1/diffusion", ["level", "reference", "format"]),
    ] {
        let route = &spec["paths"][path]["get"];
        let names: Vec<&str> =
            route["parameters"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        for name in own.iter().chain(&["q", "agency", "version", "collapse", "expand"]) {
            assert!(names.contains(name), "{path} takes {name}: {names:?}");
        }
        let unique: std::collections::BTreeSet<&&str> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{path}: each parameter once: {names:?}");
        assert!(route["responses"]["200"]["content"]["text/csv; charset=utf-8"].is_object());
        assert!(route["responses"]["400"].is_object());
    }
    let schemas = &spec["components"]["schemas"];
    let c = json(&format!("/api/v1/concordance?q={}", enc("调解"))).await;
    for key in c["lines"][0].as_object().unwrap().keys() {
        assert!(schemas["ConcordanceLine"]["properties"].get(key).is_some(), "ConcordanceLine.{key} is undocumented");
    }
    let d = json(&format!("/api/v1/diffusion?q={}", enc("调解"))).await;
    for key in d["regions"][0].as_object().unwrap().keys() {
        assert!(schemas["Region"]["properties"].get(key).is_some(), "Region.{key} is undocumented");
    }
}
