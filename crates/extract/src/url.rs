//! Source URLs stated on the page (原文链接: …) or in its `<head>`.

use std::sync::LazyLock;

use regex::Regex;

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
