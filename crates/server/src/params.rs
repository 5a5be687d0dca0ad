//! Query strings read by hand: repeated keys (`agency=a&agency=b`) and
//! invalid percent-escapes must neither fail nor lose values, which the
//! stock `Query` extractor does not guarantee. The parameters themselves
//! are listed once: the search's and the timeline's in `sifa-query`, the
//! export's here.

use sifa_query::{
    MAX_EXPORT, Parameter, QueryError, SearchParams, Shape, concordance_parameters, diffusion_parameters,
    search_parameters, timeline_parameters,
};

use crate::formats::Format;

/// `key=value` pairs of a raw query string, decoded leniently.
pub fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// The last value of `key` (the page's own address, read forgivingly).
pub fn last(pairs: &[(String, String)], key: &str) -> Option<String> {
    pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// The value of `key`, a parameter that takes one: given twice
/// (`format=csv&format=ris`), which one was meant cannot be guessed.
pub fn once(pairs: &[(String, String)], key: &'static str) -> Result<Option<String>, QueryError> {
    let mut values = pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone());
    let first = values.next();
    match values.count() {
        0 => Ok(first),
        more => Err(QueryError::invalid(key, format!("`{key}` is given {} times; give it once", more + 1))),
    }
}

/// A key of a query string that the route does not take (a typo such as
/// `agnecy=`, which would otherwise be ignored and answer as if nothing
/// had been asked).
#[derive(Debug, thiserror::Error)]
#[error("unknown parameter `{name}`; this route takes {known}")]
pub struct UnknownParameter {
    pub name: String,
    /// The route's parameters, comma-separated.
    pub known: String,
}

/// Refuses the first key of `pairs` that is none of `known`.
pub fn only(pairs: &[(String, String)], known: &[&str]) -> Result<(), UnknownParameter> {
    match pairs.iter().find(|(k, _)| !known.contains(&k.as_str())) {
        None => Ok(()),
        Some((name, _)) => Err(UnknownParameter { name: name.clone(), known: known.join(", ") }),
    }
}

/// The names of the search's parameters and of `more`: what a route
/// that searches takes.
pub fn searching(more: &[Parameter]) -> Vec<&'static str> {
    search_parameters().iter().chain(more).map(|p| p.name).collect()
}

/// Search parameters from a query string (the caller has refused the
/// keys its route does not take, see [`only`]).
pub fn search_params(raw: Option<&str>) -> SearchParams {
    SearchParams::from_pairs(pairs(raw))
}

/// Search parameters from a query string, leaving out those a route's
/// `own` parameters replace (the concordance's `sort`, `page`, `per_page`).
pub fn search_params_beside(pairs: &[(String, String)], own: &[Parameter]) -> SearchParams {
    SearchParams::from_pairs(pairs.iter().filter(|(k, _)| !own.iter().any(|p| p.name == k.as_str())).cloned())
}

/// The `format` of the research tables (the concordance, the diffusion panel).
pub fn table_format_parameter() -> Parameter {
    Parameter::new(
        "format",
        Shape::Text,
        "导出格式",
        "请选择 JSON 或 CSV。",
        "json (default) or csv: CSV with a byte-order mark, safe for spreadsheets, every row rather than a page",
    )
}

/// The export's own parameters (the search's come beside them).
pub fn export_parameters() -> Vec<Parameter> {
    let names = Format::names();
    vec![
        Parameter::new("format", Shape::Text, "导出格式", "请从“引用格式”菜单中选择。", &format!("{names} (required)")),
        Parameter::new(
            "ids",
            Shape::Text,
            "所选文件",
            "所选文件过多，请减少后再导出。",
            &format!(
                "Publication ids, comma-separated or repeated: exactly these, in this order; without it every match of the search (up to {MAX_EXPORT})"
            ),
        ),
        Parameter::new(
            "cited",
            Shape::Text,
            "引用日期",
            "请按“年-月-日”填写日期。",
            "The citing date (GB/T 7714 引用日期, RIS Y2, CSL accessed), YYYY-MM-DD; default today in China",
        ),
    ]
}

/// The parameter `name` of any route, for its Chinese label and advice.
pub fn parameter(name: &str) -> Option<Parameter> {
    let mut lists = search_parameters()
        .iter()
        .chain(timeline_parameters())
        .chain(concordance_parameters())
        .chain(diffusion_parameters());
    lists.find(|p| p.name == name).cloned().or_else(|| export_parameters().into_iter().find(|p| p.name == name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_and_bad_escapes() {
        let p = search_params(Some("q=%E6%B3%95%ZZ&agency=%E5%B1%B1%E4%B8%9C%E7%9C%81&agency=b&page=2"));
        assert_eq!(p.all("agency"), ["山东省", "b"]);
        assert_eq!(p.last("page"), Some("2"));
        assert!(p.last("q").unwrap().starts_with('法'));
    }

    #[test]
    fn unknown_and_repeated_keys_are_named() {
        let given = pairs(Some("q=a&agnecy=b&format=csv&format=ris"));
        assert_eq!(only(&given, &searching(&[])).unwrap_err().name, "agnecy");
        assert!(only(&given[..1], &searching(&[])).is_ok());
        assert!(matches!(once(&given, "format"), Err(QueryError::InvalidParameter { parameter: "format", .. })));
        assert_eq!(once(&given, "q").unwrap().as_deref(), Some("a"));
    }
}
