//! The facet dimensions, each declared once, as tantivy registers its
//! tokenizers in one place: the filter parameter of the API, the key of
//! its counts and the `sifa search` flag (all [`Dimension::name`]), the
//! Chinese label, where a document's values come from and so how a filter
//! matches and how counts are made. Everything else is derived from
//! [`DIMENSIONS`]: the search parameters ([`crate::parameters`]), the
//! filters ([`crate::filters`]), the disjunctive counts ([`crate::search`]),
//! the facets of the response, the timeline's `by`, the server's
//! parameters and feed, the CLI's flags and the web page, which reads the
//! list from `GET /api/v1/dimensions`.
//!
//! Every dimension is counted disjunctively: with every filter but its own.

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::Serialize;
use sifa_model::Kind;
use sifa_store::Links;
use sifa_store::links::{Version, VersionStatus};
use sifa_store::schema::names;

/// One facet dimension.
#[derive(Debug)]
pub struct Dimension {
    /// The filter parameter (repeatable: any value matches), the key of
    /// the dimension's counts, the `sifa search` flag and the timeline's `by`.
    pub name: &'static str,
    /// The name researchers read: the facet's title.
    pub label: &'static str,
    /// The short name on the chip of an active filter (`机关：山东省`).
    pub chip: &'static str,
    /// What a filter value is; [`Dimension::description`] adds the fixed values.
    pub description: &'static str,
    /// What the timeline calls the publications without a value.
    pub missing: &'static str,
    pub values: Values,
}

/// Where a document's values come from, which decides how a filter
/// matches and how the values are counted.
#[derive(Debug)]
pub enum Values {
    /// A hierarchical facet field (regions, then the agency as the leaf).
    /// A filter value is a path prefix (`山东省/聊城市`) or a name indexed
    /// in `name_field`; counts are the children of the top and of every
    /// selected path. The top level is also compared on its own in the
    /// timeline as `top_level` (name, label).
    Tree { facet: &'static str, name_field: &'static str, top_level: (&'static str, &'static str) },
    /// A flat facet field, one path segment per value; `vocabulary`, when
    /// the values are a fixed list, names each one (and a filter value
    /// outside it is refused).
    Flat { facet: &'static str, vocabulary: Option<fn() -> Vec<ValueLabel>> },
    /// Computed from the generation's links table, which changes without a
    /// reindex (`sifa add`, `sifa delete`): a document has the value
    /// `by_kind` gives its kind, unless `named` (read from the table) names
    /// a value of its own; at most one value of `vocabulary` each.
    Links {
        by_kind: fn(Kind) -> Option<&'static str>,
        named: fn(&Links) -> Vec<(&str, &'static str)>,
        vocabulary: fn() -> Vec<ValueLabel>,
    },
}

/// A value and its label.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct ValueLabel {
    pub value: &'static str,
    pub label: &'static str,
}

/// Every dimension, in the order the page shows them.
pub static DIMENSIONS: &[Dimension] = &[
    Dimension {
        name: "agency",
        label: "发布机关",
        chip: "机关",
        description: "A canonical agency name (聊城市东昌府区司法局), a region path prefix (山东省, 山东省/聊城市) or 中央 (every national body); repeatable, any matches.",
        missing: "未识别发布机关",
        values: Values::Tree {
            facet: names::AGENCY_FACET, name_field: names::AGENCY, top_level: ("province", "省份")
        },
    },
    Dimension {
        name: "topic",
        label: "主题",
        chip: "主题",
        description: "A topic name; repeatable, any matches.",
        missing: "未归入主题",
        values: Values::Flat { facet: names::TOPIC_FACET, vocabulary: None },
    },
    Dimension {
        name: "kind",
        label: "类型",
        chip: "类型",
        description: "A kind of publication; repeatable, any matches.",
        missing: "未识别类型",
        values: Values::Flat { facet: names::KIND_FACET, vocabulary: Some(kind_values) },
    },
    Dimension {
        name: "status",
        label: "时效性",
        chip: "时效性",
        description: "Where a law, regulation or rule stands, from its versions and the texts that repeal it (a version a later one replaced is amended, shown with version=all; the newest, or the only one, is current unless a text repeals the work); repeatable, any matches.",
        missing: "非法规规章",
        values: Values::Links { by_kind: in_force_by_kind, named: version_statuses, vocabulary: status_values },
    },
];

fn status_values() -> Vec<ValueLabel> {
    vec![
        ValueLabel { value: "current", label: "现行有效" },
        ValueLabel { value: "amended", label: "已被修改" },
        ValueLabel { value: "repealed", label: "已废止" },
    ]
}

/// A law, regulation or rule is in force unless its versions say otherwise.
fn in_force_by_kind(kind: Kind) -> Option<&'static str> {
    kind.is_law_like().then_some("current")
}

/// The status of every version of a work in several versions or repealed.
fn version_statuses(links: &Links) -> Vec<(&str, &'static str)> {
    let status = |version: &Version| match version.status {
        VersionStatus::Current => "current",
        VersionStatus::Amended => "amended",
        VersionStatus::Repealed => "repealed",
    };
    links.version_groups.iter().flatten().map(|v| (v.id.as_str(), status(v))).collect()
}

fn kind_values() -> Vec<ValueLabel> {
    Kind::ALL.iter().map(|k| ValueLabel { value: k.as_str(), label: k.label_zh() }).collect()
}

/// The value of the national bodies (全国人民代表大会常务委员会, 国务院,
/// 司法部) where a tree is compared by its top level: they stand above the
/// provinces, so they are one series of their own, not one "province"
/// each; as an agency filter it matches every national body.
pub const NATIONAL: &str = "中央";

/// The year facet beside the dimensions: publications per year (and per
/// month of a short range), filtered through `from` and `to`.
pub const YEAR: (&str, &str) = ("year", "年份");

impl Dimension {
    /// The dimension called `name`.
    pub fn named(name: &str) -> Option<&'static Dimension> {
        DIMENSIONS.iter().find(|d| d.name == name)
    }

    /// The dimension's place in [`DIMENSIONS`].
    pub fn index(&self) -> usize {
        DIMENSIONS.iter().position(|d| std::ptr::eq(d, self)).expect("a dimension of the table")
    }

    /// The fixed list of values, when there is one (made once: every
    /// filter value is checked against it).
    pub fn vocabulary(&self) -> Option<&'static [ValueLabel]> {
        static VOCABULARIES: LazyLock<Vec<Option<Vec<ValueLabel>>>> = LazyLock::new(|| {
            DIMENSIONS
                .iter()
                .map(|d| match &d.values {
                    Values::Tree { .. } | Values::Flat { vocabulary: None, .. } => None,
                    Values::Flat { vocabulary: Some(values), .. } | Values::Links { vocabulary: values, .. } => {
                        Some(values())
                    }
                })
                .collect()
        });
        VOCABULARIES[self.index()].as_deref()
    }

    /// The label of `value`: from the vocabulary, or the last segment of a
    /// path, or the value itself.
    pub fn label_of(&self, value: &str) -> String {
        match self.vocabulary() {
            Some(values) => values.iter().find(|v| v.value == value).map_or(value, |v| v.label).to_string(),
            None => value.rsplit('/').next().unwrap_or(value).to_string(),
        }
    }

    /// The facet field the values are indexed in, when they are.
    pub fn facet_field(&self) -> Option<&'static str> {
        match &self.values {
            Values::Tree { facet, .. } | Values::Flat { facet, .. } => Some(facet),
            Values::Links { .. } => None,
        }
    }

    /// What a filter value is, with the fixed values and their labels (the
    /// API's parameter description).
    pub fn description(&self) -> String {
        match self.vocabulary() {
            None => self.description.to_string(),
            Some(values) => {
                let values: Vec<String> = values.iter().map(|v| format!("{} ({})", v.value, v.label)).collect();
                format!("{} Values: {}.", self.description, values.join(", "))
            }
        }
    }

    /// The one rule for a value outside the dimension's list (its fixed
    /// vocabulary, or the values the index holds): refused, naming the
    /// parameter, never an empty answer that looks like a finding.
    pub fn outside(&self, value: &str) -> crate::QueryError {
        let message = match self.vocabulary() {
            Some(values) => {
                let known: Vec<String> = values.iter().map(|v| format!("{} ({})", v.value, v.label)).collect();
                format!("{value:?} is not a {}; use one of: {}", self.name, known.join(", "))
            }
            None => format!(
                "no publication of the index has the {} {value:?}; see the counts of `{}`",
                self.name, self.name
            ),
        };
        crate::QueryError::invalid(self.name, message)
    }

    /// What to check when a value is refused, in Chinese.
    pub fn advice(&self) -> String {
        match self.vocabulary() {
            Some(_) => format!("所选{0}不存在，请在“{0}”中重新选择。", self.label),
            None => format!("索引中没有这个{0}，请在“{0}”中重新选择。", self.label),
        }
    }
}

/// A dimension as the API describes it to clients (`GET /api/v1/dimensions`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DimensionView {
    /// The filter parameter and the key of the counts.
    pub name: &'static str,
    pub label: &'static str,
    /// The short name of an active filter.
    pub chip: &'static str,
    /// `tree` (a value is a `/`-separated path; counts carry their `depth`) or `flat`.
    pub shape: &'static str,
    /// Every value with its label, when the values are a fixed list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<ValueLabel>>,
}

/// A series the timeline can compare (`GET /api/v1/timeline?by=…`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ComparisonView {
    pub by: &'static str,
    pub label: &'static str,
}

/// The dimensions, the year facet and what the timeline compares, for clients.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DimensionsResponse {
    /// Every dimension in display order; each is a filter parameter and a key of `facets`.
    pub dimensions: Vec<DimensionView>,
    /// The year facet: shown after the dimensions, filtered through `from` and `to`.
    pub year: ComparisonView,
    /// The values of the timeline's `by`, in menu order.
    pub compare: Vec<ComparisonView>,
}

impl DimensionsResponse {
    pub fn new() -> Self {
        let dimensions = DIMENSIONS
            .iter()
            .map(|d| DimensionView {
                name: d.name,
                label: d.label,
                chip: d.chip,
                shape: if matches!(d.values, Values::Tree { .. }) { "tree" } else { "flat" },
                values: d.vocabulary().map(<[_]>::to_vec),
            })
            .collect();
        let compare = comparisons().into_iter().map(|(by, label)| ComparisonView { by, label }).collect();
        Self { dimensions, year: ComparisonView { by: YEAR.0, label: YEAR.1 }, compare }
    }
}

impl Default for DimensionsResponse {
    fn default() -> Self {
        Self::new()
    }
}

/// What the timeline can compare: the top level of a tree, then every
/// dimension, as (name, label).
pub fn comparisons() -> Vec<(&'static str, &'static str)> {
    let top_levels = DIMENSIONS.iter().filter_map(|d| match d.values {
        Values::Tree { top_level, .. } => Some(top_level),
        _ => None,
    });
    top_levels.chain(DIMENSIONS.iter().map(|d| (d.name, d.label))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_every_indexed_dimension_has_its_field_in_the_schema() {
        let schema = sifa_store::IndexSchema::new();
        let mut names: Vec<&str> = comparisons().into_iter().map(|(name, _)| name).collect();
        names.push(YEAR.0);
        let unique: std::collections::BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for dimension in DIMENSIONS {
            assert_eq!(Dimension::named(dimension.name).map(Dimension::index), Some(dimension.index()));
            if let Some(field) = dimension.facet_field() {
                assert!(schema.schema.get_field(field).is_ok(), "{field}");
            }
        }
    }

    #[test]
    fn labels_come_from_the_vocabulary_or_the_path() {
        let kind = Dimension::named("kind").unwrap();
        assert_eq!(kind.label_of("work_plan"), "工作计划");
        assert_eq!(kind.advice(), "所选类型不存在，请在“类型”中重新选择。");
        let agency = Dimension::named("agency").unwrap();
        assert_eq!(agency.label_of("山东省/聊城市"), "聊城市");
        assert_eq!(agency.advice(), "索引中没有这个发布机关，请在“发布机关”中重新选择。");
    }

    /// A law in two versions, a regulation a later text repeals, a rule of
    /// one version and a news item.
    fn statuses() -> crate::testing::Fixture {
        use crate::testing::{Fixture, dated};
        let publications = [
            dated("v1", "中华人民共和国示范法", "第一条 旧文。", Kind::Law, Some("2010-01-01")),
            dated("v2", "中华人民共和国示范法", "第一条 新文。", Kind::Law, Some("2020-01-01")),
            dated("old-rule", "某省示范规定", "第一条 示范。", Kind::LocalRegulation, Some("2003-01-01")),
            dated("one", "某市示范办法", "第一条 示范。", Kind::Rule, Some("2021-05-01")),
            dated("news", "示范法宣传周", "宣传示范法。", Kind::News, Some("2022-05-01")),
        ];
        let version = |id: &str, date: &str, status| Version { id: id.into(), date: Some(date.into()), status };
        let mut links = Links::default();
        links.version_groups.push(vec![
            version("v1", "2010-01-01", VersionStatus::Amended),
            version("v2", "2020-01-01", VersionStatus::Current),
        ]);
        links.version_groups.push(vec![version("old-rule", "2003-01-01", VersionStatus::Repealed)]);
        for (id, group) in [("v1", 0), ("v2", 0), ("old-rule", 1)] {
            links.documents.entry(id.into()).or_default().version_group = Some(group);
        }
        Fixture::of(&publications, &links)
    }

    #[test]
    fn the_status_facet_counts_and_filters_what_the_links_say() {
        let fixture = statuses();
        let snapshot = fixture.engine().snapshot();
        let counts = |params: &[(&str, &str)]| -> Vec<(String, u64, String)> {
            let response = snapshot.search(&crate::testing::request("", params)).unwrap();
            response.facets["status"].iter().map(|f| (f.value.clone(), f.count, f.label.clone())).collect()
        };
        let shown = counts(&[]);
        assert_eq!(
            shown,
            [("current".into(), 2, "现行有效".into()), ("repealed".into(), 1, "已废止".into())],
            "the older version is hidden by default, the news has no status"
        );
        let every = counts(&[("version", "all")]);
        assert!(every.contains(&("amended".into(), 1, "已被修改".into())), "{every:?}");
        let ids = |params: &[(&str, &str)]| -> Vec<String> {
            let response = snapshot.search(&crate::testing::request("", params)).unwrap();
            response.hits.into_iter().map(|h| h.id).collect()
        };
        assert_eq!(ids(&[("status", "repealed")]), ["old-rule"]);
        assert_eq!(ids(&[("status", "amended"), ("version", "all")]), ["v1"]);
        let mut in_force = ids(&[("status", "current")]);
        in_force.sort();
        assert_eq!(in_force, ["one", "v2"]);
        let every_hit = snapshot.search(&crate::testing::request("", &[("version", "all")])).unwrap();
        let mark =
            |id: &str| every_hit.hits.iter().find(|h| h.id == id).and_then(|h| h.status.as_ref()).map(|s| s.label);
        assert_eq!(
            [mark("v1"), mark("v2"), mark("old-rule"), mark("one"), mark("news")],
            [Some("已被修改"), Some("现行有效"), Some("已废止"), Some("现行有效"), None],
            "each hit carries the status its filter matches"
        );
        assert_eq!(snapshot.document("old-rule", None).unwrap().status.map(|s| s.value), Some("repealed"));
        let disjunctive = counts(&[("status", "repealed")]);
        assert!(
            disjunctive.iter().any(|(v, n, _)| v == "current" && *n == 2),
            "its own filter left out: {disjunctive:?}"
        );
    }
}
