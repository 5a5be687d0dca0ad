//! What a search returns: the JSON shapes of the API.

use schemars::JsonSchema;
use serde::Serialize;

use crate::request::Sort;
use std::collections::BTreeMap;

use sifa_model::{FieldEvidence, TopicScore};
use sifa_store::VersionStatus;

use crate::dimensions::{DIMENSIONS, ValueLabel, YEAR};

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SearchResponse {
    pub total: u64,
    /// The order used: `relevance`, `date_desc` or `date_asc` (an empty
    /// query asked for by relevance is browsed newest first).
    pub sort: Sort,
    pub took_ms: f64,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<Hit>,
    /// How many publications match every word but one, when the exact
    /// matches are fewer than 10 on the first page (0 otherwise, and with
    /// `exact=true`). `total` and the facets never count them.
    pub near_total: u64,
    /// The best of those near matches (at most 10), below and apart from
    /// `hits`, each with the word it lacks (`missing`).
    pub near_hits: Vec<Hit>,
    pub facets: Facets,
    /// The query's words that were also searched as the field's
    /// abbreviations or synonyms (`data/synonyms.toml`), with what was
    /// added; empty when nothing was (or `expand=false`).
    pub expanded: Vec<crate::synonyms::ExpandedTerm>,
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
    /// The document number (发文字号), when the publication has one.
    pub doc_no: Option<String>,
    pub kind: String,
    /// The Chinese label of `kind` (新闻动态).
    pub kind_label: String,
    pub topics: Vec<String>,
    pub url: Option<String>,
    pub source: String,
    pub score: f32,
    /// When the publication was written into the index (RFC 3339, UTC):
    /// `sort=newest` and the Atom feed order undated publications by it.
    pub indexed_at: Option<String>,
    /// How many versions the work has, when more than one (this hit is the
    /// newest unless `version=all`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<usize>,
    /// How many other copies of this publication were found (另有 N 处转载).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reposts: Option<usize>,
    /// How many indexed publications cite this one (what `sort=cited_by`
    /// orders by; the hit's `score` stays its relevance).
    pub cited_by_count: usize,
    /// Where a law, regulation or rule stands (时效性: current 现行有效,
    /// amended 已被修改, repealed 已废止), for the mark on its card; absent
    /// for other kinds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ValueLabel>,
    /// For a near match: the query's words it does not hold (缺少：…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// A facet value with its count; `value` can be passed back as a filter.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
    /// What to show: the last path segment (`聊城市`), or the Chinese label of a value of a fixed list (a kind).
    pub label: String,
    /// For a tree (the agency facet): depth in the tree (0 = province or national body).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depth: Option<usize>,
    /// Whether the value is currently selected as a filter.
    pub selected: bool,
}

/// The counts of a search: one list per dimension (in the order of
/// [`DIMENSIONS`]), then `year` and `month`. Every key is present; a
/// dimension not asked for has an empty list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets(Vec<(&'static str, Vec<FacetCount>)>);

impl Facets {
    pub(crate) fn new(
        dimensions: Vec<(&'static str, Vec<FacetCount>)>,
        year: Vec<FacetCount>,
        month: Vec<FacetCount>,
    ) -> Self {
        Self(dimensions.into_iter().chain([(YEAR.0, year), ("month", month)]).collect())
    }

    /// The counts of `name` (a dimension, `year` or `month`), if it is one.
    pub fn get(&self, name: &str) -> Option<&[FacetCount]> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, counts)| counts.as_slice())
    }
}

impl std::ops::Index<&str> for Facets {
    type Output = [FacetCount];

    /// The counts of `name`; panics for a name that is no facet (tests).
    fn index(&self, name: &str) -> &[FacetCount] {
        self.get(name).unwrap_or_else(|| panic!("no facet {name}"))
    }
}

impl Serialize for Facets {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, counts) in &self.0 {
            map.serialize_entry(name, counts)?;
        }
        map.end()
    }
}

impl JsonSchema for Facets {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Facets".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let counts = generator.subschema_for::<Vec<FacetCount>>();
        let mut properties = serde_json::Map::new();
        for dimension in DIMENSIONS {
            let mut schema = counts.clone().to_value();
            schema["description"] = format!("{}: {}", dimension.label, dimension.description()).into();
            properties.insert(dimension.name.into(), schema);
        }
        let mut year = counts.clone().to_value();
        year["description"] =
            "Publications per year (`2024`, label 2024年), oldest first (ask with `facets=year`).".into();
        properties.insert(YEAR.0.into(), year);
        let mut month = counts.to_value();
        month["description"] = "Publications per month (`2024-03`, label 3月), counted when `from` and `to` span at most two years (ask with `facets=month`).".into();
        properties.insert("month".into(), month);
        let required: Vec<&str> = properties.keys().map(String::as_str).collect();
        schemars::json_schema!({"type": "object", "properties": properties, "required": required})
    }
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
    /// Where a law, regulation or rule stands (as on a hit), for the banner of its page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ValueLabel>,
    pub agency: Option<String>,
    pub agency_path: Vec<String>,
    pub agency_level: Option<String>,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    /// The document number (发文字号), when the publication has one.
    pub doc_no: Option<String>,
    /// Whether the page showed no headline and the title was built from
    /// its agency and opening words.
    pub title_constructed: bool,
    pub kind: String,
    pub kind_label: String,
    pub topics: Vec<TopicScore>,
    pub url: Option<String>,
    pub source: String,
    pub chars: usize,
    /// Per field (`title`, `date`, `agency`, …): the rule that decided it,
    /// the text it read and what the rule means.
    pub evidence: BTreeMap<String, EvidenceView>,
    /// What the publication cites, in order; `id` is null when the cited
    /// document is not in the index.
    pub cites: Vec<CiteView>,
    /// How many publications cite this one (`/api/v1/documents/{id}/cited-by` lists them).
    pub cited_by_count: usize,
    /// Every version of the work, oldest first (empty when it has one).
    pub versions: Vec<VersionView>,
    /// Every copy of a reposted publication, the most authoritative first
    /// (empty when there is one).
    pub reposts: Vec<RepostView>,
}

/// One reference of a publication.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CiteView {
    /// The title cited, or the document number when only a number was cited.
    pub title: String,
    pub id: Option<String>,
    /// Article numbers cited (`12`, `20之1`).
    pub articles: Vec<String>,
    /// `true` when `title` is a document number (国务院令第N号), shown as
    /// written rather than in 《》.
    pub by_number: bool,
}

/// One version of a work.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct VersionView {
    pub id: String,
    pub date: Option<String>,
    /// `current`, `amended` or `repealed`.
    pub status: VersionStatus,
    /// 现行, 已被修改 or 已废止.
    pub status_label: &'static str,
}

/// One copy of a reposted publication.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RepostView {
    pub id: String,
    pub url: Option<String>,
    /// The host of the copy's address.
    pub site: Option<String>,
}

/// Why one field of a publication has its value.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct EvidenceView {
    /// The stable rule name (`header:来源`, `signature`).
    pub rule: String,
    /// The text the rule read.
    pub text: String,
    /// The rule explained in Chinese, for researchers.
    pub explanation: String,
}

impl From<FieldEvidence> for EvidenceView {
    fn from(e: FieldEvidence) -> Self {
        Self { explanation: sifa_model::explain_rule(&e.rule), rule: e.rule, text: e.text }
    }
}

/// A completion for the search box.
#[derive(Debug, Clone, Serialize, PartialEq, JsonSchema)]
pub struct Suggestion {
    pub text: String,
    /// `agency`, `topic` or `title`.
    pub kind: &'static str,
    /// The Chinese label of `kind` (机关, 主题, 标题).
    pub label: &'static str,
}

impl Suggestion {
    pub fn topic(text: String) -> Self {
        Self { text, kind: "topic", label: "主题" }
    }

    pub fn agency(text: String) -> Self {
        Self { text, kind: "agency", label: "机关" }
    }

    pub fn title(text: String) -> Self {
        Self { text, kind: "title", label: "标题" }
    }
}

/// A kind's code and the label researchers read.
pub type KindLabel = crate::dimensions::ValueLabel;

/// Every kind with its label, in display order.
pub fn kind_labels() -> Vec<KindLabel> {
    crate::dimensions::Dimension::named("kind").and_then(|d| d.vocabulary()).map(<[_]>::to_vec).unwrap_or_default()
}
