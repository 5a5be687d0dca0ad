//! Source URLs stated on the page (原文链接: …) or in its `<head>`.

use std::sync::LazyLock;

use regex::Regex;

use crate::candidate::{Candidate, Candidates};
use crate::document::Given;
use crate::page::PageLines;

/// Scores of the kinds of evidence, strongest first.
mod score {
    pub const GIVEN: f32 = 100.0;
    pub const LABELLED: f32 = 90.0;
    pub const CANONICAL: f32 = 80.0;
    pub const BARE_LINE: f32 = 70.0;
}

/// The page's address and the evidence for it: given, a labelled line
/// anywhere on the page (原文链接：…), `<link rel="canonical">`, or a line
/// that is nothing but a URL at the top or bottom.
pub fn decide(page: &PageLines, given: &Given) -> Option<Candidate<String>> {
    let mut found = Candidates::new();
    if let Some(u) = given.url.as_deref().map(str::trim).filter(|u| is_web_url(u)) {
        found.push(u.to_string(), "given", u, score::GIVEN);
    }
    let labelled = page.everything.iter().find_map(|line| {
        let (label, url) = labelled_url(line).filter(|(_, url)| is_web_url(url))?;
        Some(Candidate::new(url, format!("label:{label}"), line, score::LABELLED))
    });
    if let Some(candidate) = labelled {
        found.add(candidate);
    }
    if let Some(u) = page.hints.canonical_url.as_deref().filter(|u| is_web_url(u)) {
        found.push(u.to_string(), "html:canonical", u, score::CANONICAL);
    }
    let edges = page.everything.iter().take(5).chain(page.everything.iter().rev().take(10));
    if let Some(u) = edges.filter_map(|l| bare_url(l)).find(|u| is_web_url(u)) {
        found.push(u.clone(), "bare_url_line", &u, score::BARE_LINE);
    }
    found.best()
}

static LABELLED_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(原文链接|原文地址|原文网址|原文|本文链接|文章链接|来源网址|来源链接|链接地址|网址|url)\s*[:：]?\s*(https?://[^\s<>\x22'，。；）)】」]+)")
        .expect("valid")
});
static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(https?://[^\s<>\x22'，。；）)】」]+)$").expect("valid"));

/// A URL that a label presents as the source of the text.
pub fn labelled_url(line: &str) -> Option<(String, String)> {
    let c = LABELLED_URL.captures(line)?;
    Some((c[1].to_string(), clean(&c[2])))
}

/// A line that is nothing but a URL.
pub fn bare_url(line: &str) -> Option<String> {
    BARE_URL.captures(line.trim()).map(|c| clean(&c[1]))
}

fn clean(url: &str) -> String {
    url.trim_end_matches(['.', ',', ';', ')', ']']).to_string()
}

/// Only http(s) URLs are kept: anything else (javascript:, data:) is never
/// offered as a link.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && lower.len() > "https://".len()
}

/// A URL normalised for duplicate detection: no scheme, fragment, `www.` or
/// trailing slash; host lowercased.
pub fn dedup_key(url: &str) -> String {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or(rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}/{}", path.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, given: &Given) -> Option<(String, String)> {
        decide(&PageLines::read(text, false), given).map(|c| (c.rule, c.value))
    }

    #[test]
    fn decides_from_given_label_and_bare_lines() {
        let text = "标题\nhttps://b.gov.cn/bare.html\n正文。\n原文链接：https://a.gov.cn/x.html\n";
        assert_eq!(read(text, &Given::default()), Some(("label:原文链接".into(), "https://a.gov.cn/x.html".into())));
        let given = Given { url: Some(" https://c.gov.cn/y ".into()), ..Given::default() };
        assert_eq!(read(text, &given), Some(("given".into(), "https://c.gov.cn/y".into())));
        assert_eq!(read("标题\nhttps://b.gov.cn/bare.html\n正文。", &Given::default()).unwrap().0, "bare_url_line");
        let given = Given { url: Some("javascript:alert(1)".into()), ..Given::default() };
        assert_eq!(read("标题\n正文。", &given), None);
    }

    #[test]
    fn finds_labelled_urls() {
        let (label, url) = labelled_url("原文链接:http://sft.example.gov.cn/articles/202508/x.shtml").unwrap();
        assert_eq!((label.as_str(), url.as_str()), ("原文链接", "http://sft.example.gov.cn/articles/202508/x.shtml"));
        assert_eq!(labelled_url("网址：https://a.gov.cn/b.html。").unwrap().1, "https://a.gov.cn/b.html");
        assert!(labelled_url("原文链接：javascript:alert(1)").is_none());
    }

    #[test]
    fn only_web_urls_and_stable_keys() {
        assert!(is_web_url("https://a.gov.cn/x"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert_eq!(dedup_key("HTTP://WWW.A.gov.cn/x/#top"), dedup_key("https://a.gov.cn/x"));
    }
}
