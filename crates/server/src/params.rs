//! Query strings read by hand: repeated keys (`agency=a&agency=b`) and
//! invalid percent-escapes must neither fail nor lose values, which the
//! stock `Query` extractor does not guarantee.

use sifa_query::SearchParams;

/// `key=value` pairs of a raw query string, decoded leniently.
pub fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// The last value of `key`.
pub fn last(pairs: &[(String, String)], key: &str) -> Option<String> {
    pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// Search parameters from a query string; unknown keys are ignored.
pub fn search_params(raw: Option<&str>) -> SearchParams {
    let pairs = pairs(raw);
    let all = |key: &str| pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    SearchParams {
        q: last(&pairs, "q"),
        agency: all("agency"),
        topic: all("topic"),
        kind: all("kind"),
        from: last(&pairs, "from"),
        to: last(&pairs, "to"),
        sort: last(&pairs, "sort"),
        cites: last(&pairs, "cites"),
        version: last(&pairs, "version"),
        collapse: last(&pairs, "collapse"),
        page: last(&pairs, "page"),
        per_page: last(&pairs, "per_page"),
        facets: last(&pairs, "facets"),
        expand: last(&pairs, "expand"),
        exact: last(&pairs, "exact"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_and_bad_escapes() {
        let p = search_params(Some("q=%E6%B3%95%ZZ&agency=%E5%B1%B1%E4%B8%9C%E7%9C%81&agency=b&page=2"));
        assert_eq!(p.agency, vec!["山东省", "b"]);
        assert_eq!(p.page.as_deref(), Some("2"));
        assert!(p.q.unwrap().starts_with('法'));
    }
}
