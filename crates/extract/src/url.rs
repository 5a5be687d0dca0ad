//! The page's address: given by the source (a crawler's record, a WARC's
//! target URI), stated on the page (原文链接: …), written by the browser that
//! saved it (`<!-- saved from url=… -->`) or declared in its `<head>`.

use std::sync::LazyLock;

use regex::Regex;

use crate::candidate::{Candidate, Candidates};
use crate::given::Given;
use crate::page::PageLines;

/// Scores of the kinds of evidence, strongest first.
mod score {
    pub const GIVEN: f32 = 100.0;
    pub const LABELLED: f32 = 90.0;
    pub const SAVED_FROM: f32 = 85.0;
    pub const CANONICAL: f32 = 80.0;
    pub const BARE_LINE: f32 = 70.0;
    /// A canonical address that is only the site's home page: templates
    /// often declare it on every article.
    pub const CANONICAL_SITE_ROOT: f32 = 60.0;
}

/// The page's address and the evidence for it: given, a labelled line
/// anywhere on the page (原文链接：…, or the label on a line of its own and
/// the address on the next), the address a browser saved the page from,
/// `<link rel="canonical">` / `og:url`, or a line that is nothing but a URL
/// at the top or bottom.
pub fn decide(page: &PageLines, given: &Given) -> Option<Candidate<String>> {
    let mut found = Candidates::new();
    if let Some(u) = given.url.as_deref().map(str::trim).filter(|u| is_web_url(u)) {
        found.push(u.to_string(), "given", u, score::GIVEN);
    }
    if let Some(candidate) = labelled(&page.everything) {
        found.add(candidate);
    }
    if let Some(u) = page.hints.saved_from_url.as_deref().filter(|u| is_web_url(u)) {
        found.push(u.to_string(), "html:saved_from", u, score::SAVED_FROM);
    }
    if let Some(u) = page.hints.canonical_url.as_deref().filter(|u| is_web_url(u)) {
        let score = if is_site_root(u) { score::CANONICAL_SITE_ROOT } else { score::CANONICAL };
        found.push(u.to_string(), "html:canonical", u, score);
    }
    let edges = page.everything.iter().take(5).chain(page.everything.iter().rev().take(10));
    if let Some(u) = edges.filter_map(|l| bare_url(l)).find(|u| is_web_url(u)) {
        found.push(u.clone(), "bare_url_line", &u, score::BARE_LINE);
    }
    found.best()
}

/// The first labelled address on the page: on the label's line, or on the
/// next line when the label stands alone.
fn labelled(lines: &[String]) -> Option<Candidate<String>> {
    lines.iter().enumerate().find_map(|(i, line)| {
        if let Some((label, url)) = labelled_url(line).filter(|(_, url)| is_web_url(url)) {
            return Some(Candidate::new(url, format!("label:{label}"), line, score::LABELLED));
        }
        let label = lone_label(line)?;
        let url = lines.get(i + 1).and_then(|next| bare_url(next)).filter(|url| is_web_url(url))?;
        Some(Candidate::new(url, format!("label:{label}"), &format!("{line} {}", lines[i + 1]), score::LABELLED))
    })
}

/// Labels that present an address as the source of the text, in simplified
/// and traditional script.
const LABELS: &str = r"原文(?:链接|鏈接|地址|网址|網址|連結)?|本文(?:链接|鏈接|地址)|文章(?:链接|鏈接|地址|来源网址)|(?:来源|來源|信息来源|转载来源)(?:网址|網址|链接|鏈接|地址)|原始(?:链接|鏈接|地址)|原(?:网址|網址|链接|鏈接)|(?:转载|轉載)(?:地址|自)|(?:链接|鏈接)地址|页面地址|網址|网址|url|出处|出處";

/// Characters that end an address written in running text.
const URL_BODY: &str = r"[^\s<>\x22'，。；、）)】」》]+";

static LABELLED_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)({LABELS})\s*[】\]]?\s*[:：]?\s*((?:https?://|www\.){URL_BODY})")).expect("valid")
});
static LONE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^[【\[]?({LABELS})[】\]]?\s*[:：]?$")).expect("valid"));
static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^((?:https?://|www\.){URL_BODY})$")).expect("valid"));

/// A URL that a label presents as the source of the text.
pub fn labelled_url(line: &str) -> Option<(String, String)> {
    let c = LABELLED_URL.captures(line)?;
    Some((c[1].to_string(), clean(&c[2])))
}

/// A line that is only a label (原文链接：), its address on the next line.
fn lone_label(line: &str) -> Option<String> {
    LONE_LABEL.captures(line.trim()).map(|c| c[1].to_string())
}

/// A line that is nothing but a URL.
pub fn bare_url(line: &str) -> Option<String> {
    BARE_URL.captures(line.trim()).map(|c| clean(&c[1]))
}

/// An address without a trailing full stop or bracket; `www.` without a
/// scheme is read as `http://www.`.
fn clean(url: &str) -> String {
    let url = url.trim_end_matches(['.', ',', ';', ')', ']']);
    if url.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www.")) { format!("http://{url}") } else { url.to_string() }
}

/// An address with no path beyond the site's home page.
fn is_site_root(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.split_once('/').map_or("", |(_, path)| path);
    let path = path.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
    matches!(
        path.as_str(),
        "" | "index.html" | "index.htm" | "index.shtml" | "index.jhtml" | "default.htm" | "default.aspx"
    )
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
        let table = [
            (
                "原文链接:http://sft.example.gov.cn/articles/202508/x.shtml",
                "原文链接",
                "http://sft.example.gov.cn/articles/202508/x.shtml",
            ),
            ("网址：https://a.gov.cn/b.html。", "网址", "https://a.gov.cn/b.html"),
            ("原文地址：http://sfj.example.gov.cn/a/1.html", "原文地址", "http://sfj.example.gov.cn/a/1.html"),
            ("来源网址 ： http://www.example.gov.cn/2024/5.htm", "来源网址", "http://www.example.gov.cn/2024/5.htm"),
            ("【原文链接】https://a.gov.cn/c.html", "原文链接", "https://a.gov.cn/c.html"),
            ("原文鏈接：https://a.gov.cn/t.html", "原文鏈接", "https://a.gov.cn/t.html"),
            ("來源網址：https://a.gov.cn/t2.html", "來源網址", "https://a.gov.cn/t2.html"),
            ("原文链接：www.example.gov.cn/art/2024/1.html", "原文链接", "http://www.example.gov.cn/art/2024/1.html"),
            ("（本文链接：https://a.gov.cn/d.html）", "本文链接", "https://a.gov.cn/d.html"),
        ];
        for (line, label, url) in table {
            assert_eq!(labelled_url(line), Some((label.to_string(), url.to_string())), "{line}");
        }
        assert!(labelled_url("原文链接：javascript:alert(1)").is_none());
        assert!(labelled_url("链接到首页").is_none());
    }

    #[test]
    fn a_label_on_its_own_line_names_the_next() {
        let text = "标题\n正文。\n原文链接：\nhttp://sfj.example.gov.cn/a/2.html\n";
        assert_eq!(
            read(text, &Given::default()),
            Some(("label:原文链接".into(), "http://sfj.example.gov.cn/a/2.html".into()))
        );
    }

    #[test]
    fn saved_pages_and_canonical_addresses() {
        let saved = "<!DOCTYPE html>\n<!-- saved from url=(0041)http://sfj.example.gov.cn/art/1/art_9.html -->\n<html><head><link rel=\"canonical\" href=\"http://sfj.example.gov.cn/\"></head><body><p>正文。</p></body></html>";
        let page = PageLines::read(saved, true);
        let found = decide(&page, &Given::default()).unwrap();
        assert_eq!(
            (found.rule.as_str(), found.value.as_str()),
            ("html:saved_from", "http://sfj.example.gov.cn/art/1/art_9.html")
        );
        let canonical = "<html><head><link rel=\"canonical\" href=\"http://sfj.example.gov.cn/art/1/art_9.html\"></head><body><p>正文。</p></body></html>";
        let found = decide(&PageLines::read(canonical, true), &Given::default()).unwrap();
        assert_eq!(found.rule, "html:canonical");
        let og = "<html><head><meta property=\"og:url\" content=\"https://a.gov.cn/og.html\"></head><body><p>正文。</p></body></html>";
        assert_eq!(decide(&PageLines::read(og, true), &Given::default()).unwrap().value, "https://a.gov.cn/og.html");
        assert!(is_site_root("http://a.gov.cn/index.html?x=1"));
        assert!(!is_site_root("http://a.gov.cn/art/1.html"));
    }

    #[test]
    fn only_web_urls_and_stable_keys() {
        assert!(is_web_url("https://a.gov.cn/x"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert_eq!(dedup_key("HTTP://WWW.A.gov.cn/x/#top"), dedup_key("https://a.gov.cn/x"));
    }
}
