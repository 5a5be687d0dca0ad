//! What a search returns: the JSON shapes of the API.

use schemars::JsonSchema;
use serde::Serialize;
use sifa_model::{Evidence, TopicScore};

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SearchResponse {
    pub total: u64,
    pub took_ms: f64,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// One result.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub title_html: String,
    pub snippet_html: String,
    pub agency: Option<String>,
    pub agency_path: Vec<String>,
    pub date: Option<String>,
    pub kind: String,
    pub topics: Vec<String>,
    pub url: Option<String>,
    pub source: String,
    pub score: f32,
}

/// A facet value with its count; `value` can be passed back as a filter.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
    /// What to show: the last path segment (`聊城市`), or the Chinese label of a kind.
    pub label: String,
    /// For the agency facet: depth in the region tree (0 = province or national body).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depth: Option<usize>,
    /// Whether the value is currently selected as a filter.
    pub selected: bool,
}

#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Facets {
    pub agency: Vec<FacetCount>,
    pub topic: Vec<FacetCount>,
    pub kind: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
    pub month: Vec<FacetCount>,
}

/// A whole publication, for the document view.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DocumentView {
    pub id: String,
    pub title: String,
    pub body: String,
    /// The body HTML-escaped with the query's words marked, when a query was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_html: Option<String>,
    pub agency: Option<String>,
    pub agency_path: Vec<String>,
    pub agency_level: Option<String>,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub kind: String,
    pub kind_label: String,
    pub topics: Vec<TopicScore>,
    pub url: Option<String>,
    pub source: String,
    pub chars: usize,
    pub evidence: Evidence,
}

/// A completion for the search box.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct Suggestion {
    pub text: String,
    /// `agency`, `topic` or `title`.
    pub kind: &'static str,
}
