//! The five seed publications of the shared corpus: what `sifa inspect`
//! must conclude for each (the indexer's acceptance list).

use serde_json::Value;

use crate::util::{corpus, inspect};

fn seed_path(name_prefix: &str) -> Option<std::path::PathBuf> {
    let dir = corpus()?.join("seeds");
    let file = std::fs::read_dir(&dir)
        .expect("seeds readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(name_prefix)))
        .unwrap_or_else(|| panic!("seed {name_prefix} missing in {}", dir.display()));
    Some(file)
}

fn seed(name_prefix: &str) -> Option<Value> {
    let file = seed_path(name_prefix)?;
    let mut docs = inspect(&file);
    assert_eq!(docs.len(), 1);
    Some(docs.remove(0))
}

/// The `n`th non-blank line of a seed (0-based), trimmed: its headline, read
/// from the seed itself rather than copied into this file.
fn seed_line(name_prefix: &str, n: usize) -> String {
    let text = std::fs::read_to_string(seed_path(name_prefix).unwrap()).unwrap();
    text.lines().map(str::trim).filter(|l| !l.is_empty()).nth(n).unwrap().to_owned()
}

fn first_topic(doc: &Value) -> &str {
    doc["topics"][0]["name"].as_str().unwrap_or_default()
}

#[test]
fn seed_000_provincial_news_with_header_and_source_link() {
    let Some(doc) = seed("000") else { return };
    assert_eq!(doc["title"], seed_line("000", 0).as_str(), "the headline is the first line");
    assert_eq!(doc["date"], "2025-08-25");
    assert_eq!(doc["date_precision"], "day");
    assert_eq!(doc["agency"], "山东省司法厅");
    assert_eq!(doc["agency_level"], "provincial");
    // The source link the page states (its 原文链接 line), read from the seed itself.
    let url = doc["url"].as_str().unwrap();
    assert!(url.starts_with("http://sft.shandong.gov.cn/articles/") && url.contains("/202508/"), "{url}");
    let seed_text = std::fs::read_to_string(seed_path("000").unwrap()).unwrap();
    let stated = seed_text.lines().find_map(|l| l.strip_prefix("原文链接:")).unwrap().trim();
    assert_eq!(url, stated);
    assert_eq!(first_topic(&doc), "党的建设与队伍建设");
    assert_eq!(doc["evidence"]["agency"]["rule"], "header:来源");
}

#[test]
fn seed_001_county_rectification_report_with_signature() {
    let Some(doc) = seed("001") else { return };
    let title = doc["title"].as_str().unwrap();
    assert_eq!(title, seed_line("001", 0), "the headline is the first line");
    assert!(title.starts_with("中共") && title.ends_with("的通报"), "a party group's report: {title}");
    assert_eq!(doc["date"], "2025-04-02");
    assert_eq!(doc["agency"], "聊城市东昌府区司法局");
    assert_eq!(doc["agency_path"], serde_json::json!(["山东省", "聊城市", "东昌府区"]));
    assert_eq!(doc["agency_level"], "county");
    assert_eq!(doc["kind"], "report");
}

#[test]
fn seed_002_newspaper_page() {
    let Some(doc) = seed("002") else { return };
    assert!(doc["title"].as_str().unwrap().contains("凝心聚力保障高质量发展"), "{}", doc["title"]);
    assert_eq!(doc["date"], "2025-04-24");
    assert_eq!(doc["agency"], "包头市司法局");
    assert_eq!(doc["agency_path"], serde_json::json!(["内蒙古自治区", "包头市"]));
}

#[test]
fn seed_003_work_plan_without_headline() {
    let Some(doc) = seed("003") else { return };
    assert_eq!(doc["agency"], "青岛市即墨区司法局");
    let title = doc["title"].as_str().unwrap();
    assert!(title.chars().count() <= 40, "a short title, not the first paragraph: {title}");
    assert!(title.contains("即墨区司法局"), "{title}");
    assert_ne!(doc["date_precision"], "day", "the text shows no full date");
    assert_eq!(doc["kind"], "work_plan");
}

#[test]
fn seed_004_headline_after_slogan_banner() {
    let Some(doc) = seed("004") else { return };
    let (banner, headline) = (seed_line("004", 0), seed_line("004", 1));
    assert_eq!(doc["title"], headline.as_str(), "the headline under the banner");
    assert!(!doc["title"].as_str().unwrap().contains(&banner), "the slogan banner is not the title");
    assert_eq!(doc["agency"], "陕西省司法厅");
    assert_eq!(first_topic(&doc), "党的建设与队伍建设");
}
