//! Search parameters as they arrive (strings), validated into a
//! [`SearchRequest`]. The same validation serves the HTTP API and the CLI.

use schemars::JsonSchema;
use sifa_model::PubDate;

use crate::QueryError;
use crate::dimensions::{DIMENSIONS, Dimension};
use crate::limits::{DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_RESULT_WINDOW, check_query};
pub use crate::parameters::SearchParams;
use crate::parameters::{Shape, search_parameters};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    #[default]
    Relevance,
    DateDesc,
    DateAsc,
    /// Newest first by date, an undated publication by when it was
    /// indexed: the order of the Atom feed, where an undated publication
    /// is news when sifa first sees it.
    Newest,
    /// Most cited first.
    CitedBy,
}

/// Which versions of a work a search shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VersionMode {
    /// Only the newest version of each work (the hit says how many there are).
    #[default]
    Current,
    /// Every version.
    All,
}

/// The facets a request asks for: a set of dimensions (by their place in
/// [`DIMENSIONS`]), the years and the months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetSelection {
    dimensions: u64,
    pub year: bool,
    pub month: bool,
}

impl FacetSelection {
    pub const ALL: Self = Self { dimensions: u64::MAX, year: true, month: true };
    pub const NONE: Self = Self { dimensions: 0, year: false, month: false };

    /// Whether the counts of `dimension` are asked for.
    pub fn asks(&self, dimension: &Dimension) -> bool {
        self.dimensions & (1 << dimension.index()) != 0
    }

    /// Whether the dates are counted (for the years, the months or both).
    pub fn asks_dates(&self) -> bool {
        self.year || self.month
    }

    /// The selection with `dimension` added.
    pub fn with(mut self, dimension: &Dimension) -> Self {
        self.dimensions |= 1 << dimension.index();
        self
    }
}

/// A validated search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    /// The values of each dimension's filter, by its place in [`DIMENSIONS`]
    /// (trimmed, none empty; for a fixed vocabulary, values of it).
    pub filters: Vec<Vec<String>>,
    pub from: Option<PubDate>,
    pub to: Option<PubDate>,
    pub sort: Sort,
    pub cites: Option<String>,
    pub version: VersionMode,
    pub collapse: bool,
    pub page: usize,
    pub per_page: usize,
    pub facets: FacetSelection,
    /// Whether the field's abbreviations and synonyms are searched too.
    pub expand: bool,
    /// Whether few exact matches bring near matches (`exact=true` turns them off).
    pub near: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        Self {
            query: String::new(),
            filters: vec![Vec::new(); DIMENSIONS.len()],
            from: None,
            to: None,
            sort: Sort::Relevance,
            cites: None,
            version: VersionMode::Current,
            collapse: true,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            facets: FacetSelection::ALL,
            expand: true,
            near: true,
        }
    }
}

impl SearchRequest {
    /// The filter values of `dimension`.
    pub fn filter(&self, dimension: &Dimension) -> &[String] {
        self.filters.get(dimension.index()).map_or(&[], Vec::as_slice)
    }
}

fn parse_day(parameter: &'static str, value: Option<&str>) -> Result<Option<PubDate>, QueryError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(None) };
    match value.parse::<PubDate>() {
        Ok(date) if date.day.is_some() => Ok(Some(date)),
        _ => Err(QueryError::invalid(parameter, format!("{value:?} is not a date; use YYYY-MM-DD, e.g. 2024-03-01"))),
    }
}

fn parse_number(parameter: &'static str, value: Option<&str>, default: usize) -> Result<usize, QueryError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => v.parse().map_err(|_| QueryError::invalid(parameter, format!("{v:?} is not a whole number"))),
    }
}

/// A dimension's filter values: trimmed, the empty ones dropped; in a
/// fixed vocabulary, a label stands for its value (`地方性法规` for
/// `local_regulation`, as the page and the CLI show them) and anything
/// else is refused by the one rule of [`Dimension::outside`].
fn filter_values(dimension: &'static Dimension, values: &[String]) -> Result<Vec<String>, QueryError> {
    let values = values.iter().map(|v| v.trim()).filter(|v| !v.is_empty());
    let Some(vocabulary) = dimension.vocabulary() else { return Ok(values.map(str::to_string).collect()) };
    values
        .map(|v| match vocabulary.iter().find(|known| known.value == v || known.label == v) {
            Some(known) => Ok(known.value.to_string()),
            None => Err(dimension.outside(v)),
        })
        .collect()
}

/// Refuses a parameter that takes one value given several times
/// (`q=a&q=b`): which one was meant cannot be guessed.
fn check_single_values(params: &SearchParams) -> Result<(), QueryError> {
    let single = search_parameters().iter().filter(|p| p.shape != Shape::List);
    match single.map(|p| (p.name, params.all(p.name).len())).find(|(_, n)| *n > 1) {
        Some((name, n)) => Err(QueryError::invalid(name, format!("`{name}` is given {n} times; give it once"))),
        None => Ok(()),
    }
}

impl SearchRequest {
    pub fn from_params(params: SearchParams) -> Result<Self, QueryError> {
        check_single_values(&params)?;
        let query = params.last("q").unwrap_or_default().to_string();
        check_query(&query)?;
        check_searchable(&query)?;
        let from = parse_day("from", params.last("from"))?;
        let to = parse_day("to", params.last("to"))?;
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(QueryError::invalid("from", format!("from ({from}) is after to ({to})")));
        }
        let sort = match params.last("sort").map(str::trim) {
            None | Some("" | "relevance") => Sort::Relevance,
            Some("date_desc") => Sort::DateDesc,
            Some("date_asc") => Sort::DateAsc,
            Some("newest") => Sort::Newest,
            Some("cited_by") => Sort::CitedBy,
            Some(other) => {
                return Err(QueryError::invalid(
                    "sort",
                    format!("{other:?} is not a sort; use relevance, date_desc, date_asc, newest or cited_by"),
                ));
            }
        };
        let version = match params.last("version").map(str::trim) {
            None | Some("" | "current") => VersionMode::Current,
            Some("all") => VersionMode::All,
            Some(other) => {
                return Err(QueryError::invalid("version", format!("{other:?} is not a version; use current or all")));
            }
        };
        let collapse = match params.last("collapse").map(str::trim) {
            None | Some("" | "true" | "1") => true,
            Some("false" | "0") => false,
            Some(other) => return Err(QueryError::invalid("collapse", format!("{other:?} is not true or false"))),
        };
        let cites = params.last("cites").map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
        let page = parse_number("page", params.last("page"), 1)?;
        if page < 1 {
            return Err(QueryError::invalid("page", "pages start at 1"));
        }
        let per_page = parse_number("per_page", params.last("per_page"), DEFAULT_PER_PAGE)?;
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            return Err(QueryError::invalid("per_page", format!("per_page must be between 1 and {MAX_PER_PAGE}")));
        }
        if page.saturating_mul(per_page) > MAX_RESULT_WINDOW {
            return Err(QueryError::invalid(
                "page",
                format!("results beyond the first {MAX_RESULT_WINDOW} are not paged; narrow the search"),
            ));
        }
        let filters = DIMENSIONS.iter().map(|d| filter_values(d, params.all(d.name))).collect::<Result<_, _>>()?;
        let facets = parse_facets(params.last("facets"))?;
        let expand = parse_bool("expand", params.last("expand"), true)?;
        let near = !parse_bool("exact", params.last("exact"), false)?;
        Ok(Self { expand, near, query, filters, from, to, sort, cites, version, collapse, page, per_page, facets })
    }
}

/// Refuses a query that asks for something and reduces to nothing: text
/// that was not UTF-8 (a browser or client sent other bytes, read as
/// U+FFFD), or marks and brackets with no word in them (`[[`). Searching it
/// as empty would browse every publication as if nothing had been asked.
fn check_searchable(query: &str) -> Result<(), QueryError> {
    if query.contains(char::REPLACEMENT_CHARACTER) {
        return Err(QueryError::invalid("q", "the query is not valid UTF-8 (percent-escapes must encode UTF-8 text)"));
    }
    let parsed = crate::parse::parse(query);
    if !query.trim().is_empty() && parsed.required.is_empty() && parsed.excluded.is_empty() {
        return Err(QueryError::invalid(
            "q",
            format!("{query:?} has no word to search (letters, digits or Chinese characters); leave q empty to browse"),
        ));
    }
    Ok(())
}

/// `true`, `1`, `yes`, `on` or `false`, `0`, `no`, `off` (any case); `default` when absent.
fn parse_bool(parameter: &'static str, value: Option<&str>, default: bool) -> Result<bool, QueryError> {
    match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        None | Some("") => Ok(default),
        Some("true" | "1" | "yes" | "on") => Ok(true),
        Some("false" | "0" | "no" | "off") => Ok(false),
        Some(other) => Err(QueryError::invalid(parameter, format!("{other:?} is not true or false"))),
    }
}

fn parse_facets(value: Option<&str>) -> Result<FacetSelection, QueryError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(FacetSelection::ALL) };
    let mut selection = FacetSelection::NONE;
    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match (name, Dimension::named(name)) {
            (_, Some(dimension)) => selection = selection.with(dimension),
            ("none", _) => {}
            ("all", _) => selection = FacetSelection::ALL,
            ("year", _) => selection.year = true,
            ("month", _) => selection.month = true,
            (other, None) => {
                let names: Vec<&str> = DIMENSIONS.iter().map(|d| d.name).collect();
                return Err(QueryError::invalid(
                    "facets",
                    format!("{other:?} is not a facet; use {}, year, month, all or none", names.join(", ")),
                ));
            }
        }
    }
    Ok(selection)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> SearchParams {
        SearchParams::from_pairs(pairs.iter().copied())
    }

    fn error_parameter(pairs: &[(&str, &str)]) -> &'static str {
        match SearchRequest::from_params(params(pairs)) {
            Err(QueryError::InvalidParameter { parameter, .. }) => parameter,
            other => panic!("expected an invalid parameter, got {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let r = SearchRequest::from_params(SearchParams::default()).unwrap();
        assert_eq!((r.page, r.per_page, r.sort), (1, 10, Sort::Relevance));
    }

    #[test]
    fn every_user_mistake_names_its_parameter() {
        assert_eq!(error_parameter(&[("from", "2024-13-01")]), "from");
        assert_eq!(error_parameter(&[("to", "yesterday")]), "to");
        assert_eq!(error_parameter(&[("from", "2024-05-01"), ("to", "2024-04-01")]), "from");
        assert_eq!(error_parameter(&[("page", "0")]), "page");
        assert_eq!(error_parameter(&[("page", "x")]), "page");
        assert_eq!(error_parameter(&[("per_page", "101")]), "per_page");
        assert_eq!(error_parameter(&[("sort", "popular")]), "sort");
        assert_eq!(error_parameter(&[("kind", "memo")]), "kind");
        assert_eq!(error_parameter(&[("facets", "colour")]), "facets");
        assert_eq!(error_parameter(&[("exact", "maybe")]), "exact");
        assert_eq!(error_parameter(&[("q", &"法".repeat(1001))]), "q");
        assert_eq!(error_parameter(&[("page", "200"), ("per_page", "100")]), "page");
        assert_eq!(error_parameter(&[("q", "a"), ("q", "b")]), "q");
        assert_eq!(error_parameter(&[("status", "现行")]), "status");
        assert_eq!(error_parameter(&[("q", "\u{FFFD}\u{FFFD}")]), "q");
        assert_eq!(error_parameter(&[("q", "[[")]), "q");
        assert_eq!(error_parameter(&[("q", " - : OR \"\" ")]), "q");
    }

    #[test]
    fn facet_selection() {
        let r = SearchRequest::from_params(params(&[("facets", "agency")])).unwrap();
        assert_eq!(r.facets, FacetSelection::NONE.with(Dimension::named("agency").unwrap()));
        let months = SearchRequest::from_params(params(&[("facets", "month")])).unwrap().facets;
        assert!(months.month && !months.year && months.asks_dates());
    }

    #[test]
    fn a_fixed_list_takes_its_labels() {
        let r = SearchRequest::from_params(params(&[("kind", "地方性法规"), ("status", "已废止")])).unwrap();
        assert_eq!(r.filters[Dimension::named("kind").unwrap().index()], ["local_regulation"]);
        assert_eq!(r.filters[Dimension::named("status").unwrap().index()], ["repealed"]);
    }
}
