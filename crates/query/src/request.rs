//! Search parameters as they arrive (strings), validated into a
//! [`SearchRequest`]. The same validation serves the HTTP API and the CLI.

use schemars::JsonSchema;
use serde::Deserialize;
use sifa_model::{Kind, PubDate};

use crate::QueryError;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most hits per page.
pub const MAX_PER_PAGE: usize = 100;
pub const DEFAULT_PER_PAGE: usize = 10;
/// Deepest result reachable by paging.
pub const MAX_RESULT_WINDOW: usize = 10_000;

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

/// The facets a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetSelection {
    pub agency: bool,
    pub topic: bool,
    pub kind: bool,
    pub year: bool,
}

impl FacetSelection {
    pub const ALL: Self = Self { agency: true, topic: true, kind: true, year: true };
    pub const NONE: Self = Self { agency: false, topic: false, kind: false, year: false };
}

/// Raw parameters, as strings, so every mistake gets the app's own message.
/// The doc comments are the API's parameter descriptions.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
pub struct SearchParams {
    /// Words (all must match), "quoted phrases", -exclusions, A OR B, title:word. Empty browses, newest first. At most 1000 characters.
    pub q: Option<String>,
    /// A canonical agency name (聊城市东昌府区司法局) or a region path prefix (山东省, 山东省/聊城市); repeatable, any matches.
    #[serde(default)]
    pub agency: Vec<String>,
    /// A topic name; repeatable, any matches.
    #[serde(default)]
    pub topic: Vec<String>,
    /// A kind: news, notice, work_plan, report, rule, law, regulation, local_regulation, judicial_interpretation, departmental_rule, case, other; repeatable.
    #[serde(default)]
    pub kind: Vec<String>,
    /// Earliest date, YYYY-MM-DD (inclusive).
    pub from: Option<String>,
    /// Latest date, YYYY-MM-DD (inclusive).
    pub to: Option<String>,
    /// relevance (default), date_desc, date_asc, newest (by date, undated publications by when they were indexed: the Atom feed's order) or cited_by (most cited first).
    pub sort: Option<String>,
    /// Only publications that cite the document with this id.
    pub cites: Option<String>,
    /// `current` (default): only the newest version of each law or regulation; `all`: every version.
    pub version: Option<String>,
    /// `true` (default): copies of a reposted publication count once (the most authoritative copy is shown); `false`: every copy.
    pub collapse: Option<String>,
    /// Page number, from 1.
    pub page: Option<String>,
    /// Hits per page, 1 to 100 (default 10).
    pub per_page: Option<String>,
    /// `false` (or `0`, `no`, `off`) searches every word as written, without
    /// the field's abbreviations and synonyms (default `true`).
    pub expand: Option<String>,
    /// `true` (or `1`, `yes`, `on`): exact matches only. By default, a search
    /// with fewer than 10 exact matches also lists, below them and apart, up
    /// to 10 publications that match every word but one (`near_hits`, each
    /// with the word it lacks in `missing`; `near_total` counts them all).
    pub exact: Option<String>,
    /// Comma-separated facet names (`agency,topic,kind,year,month`; `month`
    /// and `year` both give the timeline, months only for ranges of at most
    /// two years), `none`, or absent for all.
    pub facets: Option<String>,
}

/// A validated search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub agencies: Vec<String>,
    pub topics: Vec<String>,
    pub kinds: Vec<Kind>,
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
            agencies: Vec::new(),
            topics: Vec::new(),
            kinds: Vec::new(),
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

fn non_empty(values: Vec<String>) -> Vec<String> {
    values.into_iter().map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect()
}

impl SearchRequest {
    pub fn from_params(params: SearchParams) -> Result<Self, QueryError> {
        let query = params.q.unwrap_or_default();
        if query.chars().count() > MAX_QUERY_CHARS {
            return Err(QueryError::invalid("q", format!("the query is longer than {MAX_QUERY_CHARS} characters")));
        }
        let from = parse_day("from", params.from.as_deref())?;
        let to = parse_day("to", params.to.as_deref())?;
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(QueryError::invalid("from", format!("from ({from}) is after to ({to})")));
        }
        let sort = match params.sort.as_deref().map(str::trim) {
            None | Some("") | Some("relevance") => Sort::Relevance,
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
        let version = match params.version.as_deref().map(str::trim) {
            None | Some("") | Some("current") => VersionMode::Current,
            Some("all") => VersionMode::All,
            Some(other) => {
                return Err(QueryError::invalid("version", format!("{other:?} is not a version; use current or all")));
            }
        };
        let collapse = match params.collapse.as_deref().map(str::trim) {
            None | Some("") | Some("true") | Some("1") => true,
            Some("false") | Some("0") => false,
            Some(other) => return Err(QueryError::invalid("collapse", format!("{other:?} is not true or false"))),
        };
        let cites = params.cites.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
        let page = parse_number("page", params.page.as_deref(), 1)?;
        if page < 1 {
            return Err(QueryError::invalid("page", "pages start at 1"));
        }
        let per_page = parse_number("per_page", params.per_page.as_deref(), DEFAULT_PER_PAGE)?;
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            return Err(QueryError::invalid("per_page", format!("per_page must be between 1 and {MAX_PER_PAGE}")));
        }
        if page.saturating_mul(per_page) > MAX_RESULT_WINDOW {
            return Err(QueryError::invalid(
                "page",
                format!("results beyond the first {MAX_RESULT_WINDOW} are not paged; narrow the search"),
            ));
        }
        let kinds = non_empty(params.kind)
            .into_iter()
            .map(|k| {
                Kind::parse(&k).ok_or_else(|| {
                    QueryError::invalid(
                        "kind",
                        format!("{k:?} is not a kind; use one of: {}", Kind::ALL.map(Kind::as_str).join(", ")),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let facets = parse_facets(params.facets.as_deref())?;
        let expand = parse_bool("expand", params.expand.as_deref(), true)?;
        let near = !parse_bool("exact", params.exact.as_deref(), false)?;
        Ok(Self {
            expand,
            near,
            query,
            agencies: non_empty(params.agency),
            topics: non_empty(params.topic),
            kinds,
            from,
            to,
            sort,
            cites,
            version,
            collapse,
            page,
            per_page,
            facets,
        })
    }
}

/// `true`, `1`, `yes`, `on` or `false`, `0`, `no`, `off` (any case); `default` when absent.
fn parse_bool(parameter: &'static str, value: Option<&str>, default: bool) -> Result<bool, QueryError> {
    match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        None | Some("") => Ok(default),
        Some("true") | Some("1") | Some("yes") | Some("on") => Ok(true),
        Some("false") | Some("0") | Some("no") | Some("off") => Ok(false),
        Some(other) => Err(QueryError::invalid(parameter, format!("{other:?} is not true or false"))),
    }
}

fn parse_facets(value: Option<&str>) -> Result<FacetSelection, QueryError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(FacetSelection::ALL) };
    let mut selection = FacetSelection::NONE;
    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match name {
            "none" => {}
            "all" => selection = FacetSelection::ALL,
            "agency" => selection.agency = true,
            "topic" => selection.topic = true,
            "kind" => selection.kind = true,
            "year" | "month" => selection.year = true,
            other => {
                return Err(QueryError::invalid(
                    "facets",
                    format!("{other:?} is not a facet; use agency, topic, kind, year, all or none"),
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
        let mut p = SearchParams::default();
        for (k, v) in pairs {
            let v = v.to_string();
            match *k {
                "q" => p.q = Some(v),
                "from" => p.from = Some(v),
                "to" => p.to = Some(v),
                "sort" => p.sort = Some(v),
                "version" => p.version = Some(v),
                "collapse" => p.collapse = Some(v),
                "cites" => p.cites = Some(v),
                "page" => p.page = Some(v),
                "per_page" => p.per_page = Some(v),
                "kind" => p.kind.push(v),
                "facets" => p.facets = Some(v),
                "exact" => p.exact = Some(v),
                _ => unreachable!(),
            }
        }
        p
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
    }

    #[test]
    fn facet_selection() {
        let r = SearchRequest::from_params(params(&[("facets", "agency")])).unwrap();
        assert_eq!(r.facets, FacetSelection { agency: true, ..FacetSelection::NONE });
    }
}
