//! The query parameters of the API, listed once: the search's
//! ([`search_parameters`], one per [`crate::dimensions::DIMENSIONS`] among
//! them) and the timeline's ([`timeline_parameters`]). The server reads
//! query strings by these names, the OpenAPI document and the `sifa search`
//! flags are made from them, the Atom feed keeps those that select, and an
//! invalid one is named to researchers by its Chinese label and advice.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::dimensions::{DIMENSIONS, comparisons};
use crate::limits::{
    DEFAULT_CONTEXT, DEFAULT_LINES, DEFAULT_PER_PAGE, DEFAULT_TOP, MAX_CONTEXT, MAX_LINES, MAX_PER_PAGE,
    MAX_QUERY_CHARS, MAX_TOP,
};

/// One query parameter.
#[derive(Debug, Clone)]
pub struct Parameter {
    pub name: &'static str,
    /// The API's description (OpenAPI, `sifa search --help`).
    pub description: String,
    pub shape: Shape,
    /// What researchers call it (参数“起始日期”), and what to check when it is refused.
    pub label: &'static str,
    pub advice: String,
    /// Whether it selects publications (a feed keeps it), rather than
    /// ordering, paging or counting them.
    pub selects: bool,
    /// How `sifa search` takes it.
    pub flag: Flag,
}

/// What a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Text,
    /// Repeatable: every value counts.
    List,
    /// A whole number from `minimum`.
    Integer {
        minimum: u64,
    },
}

/// How `sifa search` takes a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// The positional argument.
    Positional,
    /// `--name value` (a list may repeat it).
    Named(&'static str),
    /// `--name` alone gives the parameter `value`.
    Switch { long: &'static str, value: &'static str, help: &'static str },
}

impl Parameter {
    /// A parameter that does not select publications, taken by `sifa search` as `--name`.
    pub fn new(name: &'static str, shape: Shape, label: &'static str, advice: &str, description: &str) -> Self {
        let flag = Flag::Named(name);
        Self { name, description: description.into(), shape, label, advice: advice.into(), selects: false, flag }
    }

    fn selecting(mut self) -> Self {
        self.selects = true;
        self
    }

    fn flag(mut self, flag: Flag) -> Self {
        self.flag = flag;
        self
    }
}

const DATE_ADVICE: &str = "请按“年-月-日”填写日期，且起始日期不能晚于截止日期。";

/// Every parameter of a search, in the order the API documents them (made
/// once: every request's query string is read by it).
pub fn search_parameters() -> &'static [Parameter] {
    static LIST: LazyLock<Vec<Parameter>> = LazyLock::new(list_search_parameters);
    &LIST
}

fn list_search_parameters() -> Vec<Parameter> {
    let q = Parameter::new(
        "q",
        Shape::Text,
        "检索词",
        "检索词过长，或其中没有可以检索的文字（字母、数字或汉字），请修改后重试。",
        &format!("Words (all must match), \"quoted phrases\", -exclusions, A OR B, title:word. Empty browses, newest first. At most {MAX_QUERY_CHARS} characters."),
    )
    .selecting()
    .flag(Flag::Positional);
    let dimensions = DIMENSIONS
        .iter()
        .map(|d| Parameter::new(d.name, Shape::List, d.label, &d.advice(), &d.description()).selecting());
    let rest = [
        Parameter::new("from", Shape::Text, "起始日期", DATE_ADVICE, "Earliest date, YYYY-MM-DD (inclusive).").selecting(),
        Parameter::new("to", Shape::Text, "截止日期", DATE_ADVICE, "Latest date, YYYY-MM-DD (inclusive).").selecting(),
        Parameter::new(
            "sort",
            Shape::Text,
            "排序方式",
            "请从排序菜单中选择。",
            "relevance (default), date_desc, date_asc, newest (by date, undated publications by when they were indexed: the Atom feed's order) or cited_by (most cited first).",
        ),
        Parameter::new(
            "cites",
            Shape::Text,
            "引用文件",
            "请从文件的“被引用”链接进入。",
            "Only publications that cite the document with this id.",
        )
        .selecting(),
        Parameter::new(
            "version",
            Shape::Text,
            "版本",
            "请使用页面上的版本选项。",
            "`current` (default): only the newest version of each law or regulation; `all`: every version.",
        )
        .selecting(),
        Parameter::new(
            "collapse",
            Shape::Text,
            "合并转载",
            "请填写 true 或 false。",
            "`true` (default): copies of a reposted publication count once (the most authoritative copy is shown); `false`: every copy.",
        )
        .selecting(),
        Parameter::new(
            "page",
            Shape::Integer { minimum: 1 },
            "页码",
            "页码超出了可以翻阅的范围，请缩小检索范围后再翻页。",
            "Page number, from 1.",
        ),
        Parameter::new(
            "per_page",
            Shape::Integer { minimum: 1 },
            "每页条数",
            "每页条数超出了允许的范围。",
            &format!("Hits per page, 1 to {MAX_PER_PAGE} (default {DEFAULT_PER_PAGE})."),
        )
        .flag(Flag::Named("per-page")),
        Parameter::new(
            "expand",
            Shape::Text,
            "同义词扩展",
            "请使用页面上的“只搜原词”或“恢复同义词”。",
            "`false` (or `0`, `no`, `off`) searches every word as written, without the field's abbreviations and synonyms (default `true`).",
        )
        .selecting()
        .flag(Flag::Switch {
            long: "no-expand",
            value: "false",
            help: "Search every word as written, without the field's abbreviations and synonyms.",
        }),
        Parameter::new(
            "exact",
            Shape::Text,
            "只看完全匹配",
            "请填写 true 或 false。",
            "`true` (or `1`, `yes`, `on`): exact matches only. By default, a search with fewer than 10 exact matches also lists, below them and apart, up to 10 publications that match every word but one (`near_hits`, each with the word it lacks in `missing`; `near_total` counts them all).",
        )
        .flag(Flag::Switch {
            long: "exact",
            value: "true",
            help: "Exact matches only: no near matches (publications lacking one word) below few results.",
        }),
        Parameter::new(
            "facets",
            Shape::Text,
            "统计项",
            "统计项名称有误。",
            &format!(
                "Comma-separated facet names ({},year,month; `year` gives the years, `month` the months, counted only for ranges of at most two years), `none`, or absent for all.",
                DIMENSIONS.iter().map(|d| d.name).collect::<Vec<_>>().join(",")
            ),
        ),
    ];
    std::iter::once(q).chain(dimensions).chain(rest).collect()
}

/// The timeline's own parameters (the search's come beside them).
pub fn timeline_parameters() -> &'static [Parameter] {
    static LIST: LazyLock<Vec<Parameter>> = LazyLock::new(list_timeline_parameters);
    &LIST
}

fn list_timeline_parameters() -> Vec<Parameter> {
    let by: Vec<&str> = comparisons().into_iter().map(|(name, _)| name).collect();
    vec![
        Parameter::new(
            "by",
            Shape::Text,
            "对比维度",
            "请从“对比”菜单中选择。",
            &format!("{} (default), {} or {}.", by[0], by[1..by.len() - 1].join(", "), by[by.len() - 1]),
        ),
        Parameter::new("interval", Shape::Text, "统计周期", "请选择按年或按月。", "year (default) or month."),
        Parameter::new(
            "top",
            Shape::Text,
            "显示项数",
            "请从“显示”菜单中选择。",
            &format!(
                "How many values get their own series, 1 to {MAX_TOP} (default {DEFAULT_TOP}), the largest first; the rest are summed in `other`."
            ),
        ),
    ]
}

/// The concordance's own parameters: its `sort`, `page` and `per_page`
/// (lines, not publications) take the place of the search's.
pub fn concordance_parameters() -> &'static [Parameter] {
    static LIST: LazyLock<Vec<Parameter>> = LazyLock::new(|| {
        vec![
            Parameter::new(
                "context",
                Shape::Integer { minimum: 0 },
                "语境字数",
                "语境字数应在 0 到 100 之间。",
                &format!(
                    "Characters of context each side of the match, 0 to {MAX_CONTEXT} (default {DEFAULT_CONTEXT}); a context never runs across a paragraph."
                ),
            ),
            Parameter::new(
                "sort",
                Shape::Text,
                "排序方式",
                "请从排序菜单中选择。",
                "left (by the left context read backwards from the match), right (by the right context), date (newest publication first) or relevance (default: the search's order); then by place in the text.",
            ),
            Parameter::new("page", Shape::Integer { minimum: 1 }, "页码", "页码超出了范围。", "Page of lines, from 1."),
            Parameter::new(
                "per_page",
                Shape::Integer { minimum: 1 },
                "每页条数",
                "每页条数超出了允许的范围。",
                &format!("Lines per page, 1 to {MAX_LINES} (default {DEFAULT_LINES})."),
            )
            .flag(Flag::Named("per-page")),
        ]
    });
    &LIST
}

/// The diffusion's own parameters.
pub fn diffusion_parameters() -> &'static [Parameter] {
    static LIST: LazyLock<Vec<Parameter>> = LazyLock::new(|| {
        vec![
            Parameter::new(
                "level",
                Shape::Text,
                "地区层级",
                "请选择省级、市级或县级。",
                "province (default), city or county: the level of the agency tree whose regions are compared; national bodies are listed apart.",
            ),
            Parameter::new(
                "reference",
                Shape::Text,
                "参照时间",
                "请填写“年-月-日”格式的日期或文件编号。",
                "A date (YYYY-MM-DD) or a publication id from which lag_days are counted; default: the earliest national publication that matches.",
            ),
        ]
    });
    &LIST
}

/// The parameters of a route that takes the search's beside `own`: every
/// search parameter that `own` does not replace, then `own`.
pub fn with_search_parameters(own: &'static [Parameter]) -> Vec<&'static Parameter> {
    let replaced = |p: &&Parameter| own.iter().any(|o| o.name == p.name);
    search_parameters().iter().filter(|p| !replaced(p)).chain(own).collect()
}

/// The search parameter called `name`, by its name in the list.
fn parameter_name(name: &str) -> Option<&'static str> {
    search_parameters().iter().map(|p| p.name).find(|known| *known == name)
}

/// Raw parameters, as strings, so that every mistake gets the API's own
/// message: every value of every parameter given, by name.
#[derive(Debug, Clone, Default)]
pub struct SearchParams {
    values: BTreeMap<&'static str, Vec<String>>,
}

impl SearchParams {
    /// The search parameters among `pairs` (a query string's, in order);
    /// other keys are left out.
    pub fn from_pairs<K: AsRef<str>, V: Into<String>>(pairs: impl IntoIterator<Item = (K, V)>) -> Self {
        let mut params = Self::default();
        for (key, value) in pairs {
            params.push(key.as_ref(), value);
        }
        params
    }

    /// The last value of `name`, as a query string's repeated key means.
    pub fn last(&self, name: &str) -> Option<&str> {
        self.values.get(name).and_then(|v| v.last()).map(String::as_str)
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> &[String] {
        self.values.get(name).map_or(&[], Vec::as_slice)
    }

    /// Sets `name` to `value` alone (a name that is no search parameter is
    /// ignored, as in a query string).
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        if let Some(name) = parameter_name(name) {
            self.values.insert(name, vec![value.into()]);
        }
    }

    /// Adds a value of `name` (a name that is no search parameter is ignored).
    pub fn push(&mut self, name: &str, value: impl Into<String>) {
        if let Some(name) = parameter_name(name) {
            self.values.entry(name).or_default().push(value.into());
        }
    }

    /// Every (name, value) pair.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().flat_map(|(k, vs)| vs.iter().map(move |v| (*k, v.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_is_named_once_and_labelled() {
        let all: Vec<&Parameter> = search_parameters().iter().chain(timeline_parameters()).collect();
        for own in [concordance_parameters(), diffusion_parameters()] {
            let names: Vec<&str> = with_search_parameters(own).iter().map(|p| p.name).collect();
            let unique: std::collections::BTreeSet<&str> = names.iter().copied().collect();
            assert_eq!(unique.len(), names.len(), "{names:?}");
        }
        let names: std::collections::BTreeSet<&str> = all.iter().map(|p| p.name).collect();
        assert_eq!(names.len(), all.len());
        for p in &all {
            assert!(!p.label.is_empty() && !p.advice.is_empty() && !p.description.is_empty(), "{}", p.name);
        }
        for dimension in DIMENSIONS {
            assert!(search_parameters().iter().any(|p| p.name == dimension.name && p.shape == Shape::List));
        }
    }

    #[test]
    fn only_search_parameters_are_kept_with_every_value_in_order() {
        let params = SearchParams::from_pairs([("agency", "b"), ("colour", "red"), ("agency", "a"), ("q", "x")]);
        assert_eq!(params.all("agency"), ["b", "a"]);
        assert_eq!(params.last("colour"), None);
        assert_eq!(params.last("q"), Some("x"));
    }
}
