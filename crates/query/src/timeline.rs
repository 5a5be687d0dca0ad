//! Comparing values over time: how often each value of a dimension (or of
//! the top level of a tree: each province) published on the current
//! search, per year or month.
//!
//! One pass over the matching documents reads each one's facet of the
//! compared dimension and its timeline facet, so every count is exact and
//! the series add up: a value's `total` is its facet count in the same
//! search, and per period the series, `other` and `missing` together are
//! the year (or month) facet of a single-valued dimension (a publication
//! has one agency and one kind, but may have several topics).

use std::collections::HashMap;

use std::sync::Arc;

use schemars::JsonSchema;
use serde::Serialize;
use sifa_store::schema::names;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentReader};

use crate::dimensions::{DIMENSIONS, Dimension, NATIONAL, Values, comparisons};
use crate::filters::Filters;
use crate::limits::{DEFAULT_TOP, MAX_TOP};
use crate::links::{Column, LinksView, NO_VALUE};
use crate::request::SearchRequest;
use crate::synonyms::ExpandedTerm;
use crate::{QueryError, Snapshot};

/// What the series are of: the values of a dimension, or those of the top
/// level of a tree (`province`: provinces, and national bodies as their
/// own values). A tree's value is its path, a valid filter of the dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineBy {
    /// The dimension's place in [`DIMENSIONS`].
    dimension: usize,
    top_level: bool,
}

impl TimelineBy {
    /// The `by` called `name` (`province`, `agency`, `topic`, …).
    pub fn named(name: &str) -> Option<Self> {
        DIMENSIONS.iter().enumerate().find_map(|(index, d)| match d.values {
            Values::Tree { top_level: (top, _), .. } if top == name => Some(Self { dimension: index, top_level: true }),
            _ if d.name == name => Some(Self { dimension: index, top_level: false }),
            _ => None,
        })
    }

    pub fn dimension(self) -> &'static Dimension {
        &DIMENSIONS[self.dimension]
    }

    /// Its name in the API.
    pub fn name(self) -> &'static str {
        match self.dimension().values {
            Values::Tree { top_level: (top, _), .. } if self.top_level => top,
            _ => self.dimension().name,
        }
    }

    /// A tree compared path by path (each agency) rather than by its top level.
    fn by_path(self) -> bool {
        matches!(self.dimension().values, Values::Tree { .. }) && !self.top_level
    }
}

impl Serialize for TimelineBy {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl JsonSchema for TimelineBy {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TimelineBy".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = comparisons().into_iter().map(|(name, _)| name).collect();
        schemars::json_schema!({"type": "string", "enum": names, "description": "What the series are of."})
    }
}

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    Year,
    Month,
}

/// The timeline's own parameters as they arrive (described in
/// [`crate::parameters::timeline_parameters`]); the search parameters come
/// beside them.
#[derive(Debug, Clone, Default)]
pub struct TimelineParams {
    pub by: Option<String>,
    pub interval: Option<String>,
    pub top: Option<String>,
}

/// A validated timeline request.
#[derive(Debug, Clone, Copy)]
pub struct TimelineRequest {
    pub by: TimelineBy,
    pub interval: Interval,
    pub top: usize,
}

impl TimelineRequest {
    pub fn from_params(params: TimelineParams) -> Result<Self, QueryError> {
        let trimmed = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let by = match trimmed(&params.by) {
            None => TimelineBy::named(comparisons()[0].0).expect("the first comparison is one"),
            Some(name) => TimelineBy::named(&name).ok_or_else(|| {
                let names: Vec<&str> = comparisons().into_iter().map(|(name, _)| name).collect();
                QueryError::invalid("by", format!("{name:?} is not one of {}", names.join(", ")))
            })?,
        };
        let interval = match trimmed(&params.interval).as_deref() {
            None | Some("year") => Interval::Year,
            Some("month") => Interval::Month,
            Some(other) => return Err(QueryError::invalid("interval", format!("{other:?} is not year or month"))),
        };
        let top = match trimmed(&params.top) {
            None => DEFAULT_TOP,
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (1..=MAX_TOP).contains(&n) => n,
                _ => return Err(QueryError::invalid("top", format!("top must be a whole number from 1 to {MAX_TOP}"))),
            },
        };
        Ok(Self { by, interval, top })
    }
}

/// One period of the timeline.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct Period {
    /// `2024`, or `2024-03` by month.
    pub value: String,
    /// `2024年`, or `2024年3月`.
    pub label: String,
}

/// The counts of one value, per period.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct Series {
    /// The value, usable as the search filter of its dimension (empty for `other` and `missing`).
    pub value: String,
    pub label: String,
    /// Every matching publication of the value: its facet count.
    pub total: u64,
    /// One count per period, in the order of `periods`.
    pub counts: Vec<u64>,
    /// Publications of the value in no period: undated, or by month dated only to the year.
    pub outside: u64,
}

/// `GET /api/v1/timeline`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TimelineResponse {
    pub by: TimelineBy,
    pub interval: Interval,
    /// Publications matching the search.
    pub total: u64,
    /// Every period from the first to the last with a publication, gaps included.
    pub periods: Vec<Period>,
    /// The `top` values with most publications, largest first.
    pub series: Vec<Series>,
    /// The other values summed, when there are more than `top`.
    pub other: Option<Series>,
    /// Publications with no value (no agency, no topic), when there are any.
    pub missing: Option<Series>,
    /// Words of the query also searched as the field's abbreviations and synonyms.
    pub expanded: Vec<ExpandedTerm>,
}

impl Snapshot {
    /// Per-period counts of the top values of a dimension, for a search.
    pub fn timeline(&self, request: &SearchRequest, timeline: TimelineRequest) -> Result<TimelineResponse, QueryError> {
        self.check_filter_values(request)?;
        let base = self.base_query(request);
        let query = Filters::build(&self.builder(), request, &self.links()).apply(&*base.query, None);
        let cells = self.searcher().search(
            &*query,
            &CellCollector {
                dimension: timeline.by.dimension(),
                links: self.links(),
                national_apart: timeline.by.top_level,
            },
        )?;
        let (total, docs_counted) = (cells.documents, &cells.counts);
        let mut by_value: HashMap<Option<String>, HashMap<Option<String>, u64>> = HashMap::new();
        for ((dimension, time), count) in docs_counted {
            let value = dimension.as_ref().map(|path| value_of(timeline.by, path));
            let period = time.as_ref().and_then(|path| period_of(timeline.interval, path));
            *by_value.entry(value).or_default().entry(period).or_default() += count;
        }
        let periods = periods(by_value.values().flat_map(|p| p.keys().flatten()), timeline.interval);
        let series_of = |value: String, label: String, counts: &HashMap<Option<String>, u64>| Series {
            total: counts.values().sum(),
            counts: periods.iter().map(|p| counts.get(&Some(p.value.clone())).copied().unwrap_or(0)).collect(),
            outside: counts.get(&None).copied().unwrap_or(0),
            value,
            label,
        };
        let missing =
            by_value.remove(&None).map(|c| series_of(String::new(), timeline.by.dimension().missing.into(), &c));
        let mut values: Vec<(String, HashMap<Option<String>, u64>)> =
            by_value.into_iter().map(|(v, c)| (v.unwrap_or_default(), c)).collect();
        values.sort_by(|a, b| b.1.values().sum::<u64>().cmp(&a.1.values().sum::<u64>()).then_with(|| a.0.cmp(&b.0)));
        let rest = values.split_off(values.len().min(timeline.top));
        let series = values.iter().map(|(v, c)| series_of(v.clone(), label_of(timeline.by, v), c)).collect();
        let other = (!rest.is_empty()).then(|| {
            let mut summed: HashMap<Option<String>, u64> = HashMap::new();
            for (_, counts) in &rest {
                for (period, n) in counts {
                    *summed.entry(period.clone()).or_default() += n;
                }
            }
            series_of(String::new(), format!("其他（{}项）", rest.len()), &summed)
        });
        Ok(TimelineResponse {
            by: timeline.by,
            interval: timeline.interval,
            total,
            periods,
            series,
            other,
            missing,
            expanded: base.expansion.expanded,
        })
    }
}

/// The value of a dimension's facet path: the whole path of a tree compared
/// path by path, else its first segment (by a tree's top level, the
/// province, or [`NATIONAL`] for the national bodies counted apart).
fn value_of(by: TimelineBy, path: &[String]) -> String {
    if by.by_path() { path.join("/") } else { path.first().cloned().unwrap_or_default() }
}

fn label_of(by: TimelineBy, value: &str) -> String {
    by.dimension().label_of(value)
}

/// The period of a timeline facet path (`["2024", "03"]`): `None` by
/// month for a date known only to the year.
fn period_of(interval: Interval, path: &[String]) -> Option<String> {
    match (interval, path) {
        (Interval::Year, [year, ..]) => Some(year.clone()),
        (Interval::Month, [year, month, ..]) => Some(format!("{year}-{month}")),
        _ => None,
    }
}

/// Every period from the earliest to the latest of `seen`.
fn periods<'a>(seen: impl Iterator<Item = &'a String>, interval: Interval) -> Vec<Period> {
    let ordinal = |v: &str| -> Option<i64> {
        let mut parts = v.split('-');
        let year: i64 = parts.next()?.parse().ok()?;
        let month: i64 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
        Some(year * 12 + month - 1)
    };
    let ordinals: Vec<i64> = seen.filter_map(|v| ordinal(v)).collect();
    let (Some(&first), Some(&last)) = (ordinals.iter().min(), ordinals.iter().max()) else { return Vec::new() };
    let step = if interval == Interval::Year { 12 } else { 1 };
    (first..=last)
        .step_by(step)
        .map(|o| {
            let (year, month) = (o.div_euclid(12), o.rem_euclid(12) + 1);
            match interval {
                Interval::Year => Period { value: year.to_string(), label: format!("{year}年") },
                Interval::Month => {
                    Period { value: format!("{year}-{month:02}"), label: format!("{year}年{month}月") }
                }
            }
        })
        .collect()
}

/// Counts of (dimension facet path, timeline facet path) pairs, `None`
/// where a document has no such facet; a document with several values of
/// the dimension counts once for each.
struct CellCollector {
    dimension: &'static Dimension,
    links: Arc<LinksView>,
    /// Whether the national bodies are one value, [`NATIONAL`], rather than
    /// one each (comparing a tree by its top level: they are no province).
    national_apart: bool,
}

/// The key of [`NATIONAL`] among a segment's facet ordinals.
const NATIONAL_KEY: u64 = u64::MAX;
/// The national bodies' `level_rank`.
fn national_rank() -> u64 {
    sifa_store::document::level_rank(Some(sifa_model::AgencyLevel::National))
}

/// One segment's values of the compared dimension, each a `u64` key:
/// a facet ordinal, or a place in a computed value's vocabulary.
enum SegmentValues {
    Facets(FacetReader),
    Computed { column: Arc<Column>, vocabulary: Vec<&'static str> },
}

impl SegmentValues {
    fn of(&self, doc: DocId, mut value: impl FnMut(u64)) {
        match self {
            SegmentValues::Facets(reader) => reader.facet_ords(doc).for_each(value),
            SegmentValues::Computed { column, .. } => match column.get(doc as usize) {
                Some(&v) if v != NO_VALUE => value(u64::from(v)),
                _ => {}
            },
        }
    }

    fn path(&self, key: u64) -> tantivy::Result<Vec<String>> {
        match self {
            SegmentValues::Facets(reader) => facet_path(reader, key),
            SegmentValues::Computed { vocabulary, .. } => {
                Ok(vocabulary.get(key as usize).map(|v| vec![v.to_string()]).unwrap_or_default())
            }
        }
    }
}

fn facet_path(reader: &FacetReader, ord: u64) -> tantivy::Result<Vec<String>> {
    let mut facet = Facet::root();
    reader.facet_from_ord(ord, &mut facet)?;
    Ok(facet.to_path().into_iter().map(str::to_string).collect())
}

type Cells = HashMap<(Option<Vec<String>>, Option<Vec<String>>), u64>;

struct CellCounts {
    documents: u64,
    counts: Cells,
}

struct CellSegment {
    dimension: SegmentValues,
    /// Each document's agency level, when the national bodies are counted apart.
    levels: Option<tantivy::columnar::Column<u64>>,
    timeline: FacetReader,
    documents: u64,
    counts: HashMap<(Option<u64>, Option<u64>), u64>,
}

impl SegmentCollector for CellSegment {
    type Fruit = tantivy::Result<CellCounts>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.documents += 1;
        let time = self.timeline.facet_ords(doc).next();
        let mut any = false;
        let counts = &mut self.counts;
        if self.levels.as_ref().and_then(|levels| levels.first(doc)) == Some(national_rank()) {
            *counts.entry((Some(NATIONAL_KEY), time)).or_default() += 1;
            return;
        }
        self.dimension.of(doc, |value| {
            any = true;
            *counts.entry((Some(value), time)).or_default() += 1;
        });
        if !any {
            *self.counts.entry((None, time)).or_default() += 1;
        }
    }

    fn harvest(self) -> tantivy::Result<CellCounts> {
        let mut counts = Cells::new();
        for ((value, time), n) in self.counts {
            let value = match value {
                Some(NATIONAL_KEY) => Some(vec![NATIONAL.to_string()]),
                other => other.map(|v| self.dimension.path(v)).transpose()?,
            };
            let time = time.map(|t| facet_path(&self.timeline, t)).transpose()?;
            *counts.entry((value, time)).or_default() += n;
        }
        Ok(CellCounts { documents: self.documents, counts })
    }
}

impl Collector for CellCollector {
    type Fruit = CellCounts;
    type Child = CellSegment;

    fn for_segment(&self, _ord: u32, segment: &SegmentReader) -> tantivy::Result<CellSegment> {
        let dimension = match &self.dimension.values {
            Values::Tree { facet, .. } | Values::Flat { facet, .. } => {
                SegmentValues::Facets(segment.facet_reader(facet)?)
            }
            Values::Links { vocabulary, .. } => SegmentValues::Computed {
                column: self.links.column(segment, self.dimension)?,
                vocabulary: vocabulary().into_iter().map(|v| v.value).collect(),
            },
        };
        let levels = if self.national_apart { Some(segment.fast_fields().u64(names::LEVEL_RANK)?) } else { None };
        Ok(CellSegment {
            dimension,
            levels,
            timeline: segment.facet_reader(names::TIMELINE_FACET)?,
            documents: 0,
            counts: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<tantivy::Result<CellCounts>>) -> tantivy::Result<CellCounts> {
        let mut merged = CellCounts { documents: 0, counts: Cells::new() };
        for fruit in fruits {
            let fruit = fruit?;
            merged.documents += fruit.documents;
            for (key, n) in fruit.counts {
                *merged.counts.entry(key).or_default() += n;
            }
        }
        Ok(merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Fixture, request};

    fn timeline(q: &str, params: &[(&str, &str)], by: &str, interval: &str) -> TimelineResponse {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let timeline = TimelineParams { by: Some(by.into()), interval: Some(interval.into()), top: None };
        snapshot.timeline(&request(q, params), TimelineRequest::from_params(timeline).unwrap()).unwrap()
    }

    #[test]
    fn province_series_add_up_to_the_agency_and_year_facets() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let search = snapshot.search(&request("", &[])).unwrap();
        let t = timeline("", &[], "province", "year");
        assert_eq!(t.total, search.total);
        for series in &t.series {
            let filtered = snapshot.search(&request("", &[("agency", &series.value)])).unwrap();
            assert_eq!(series.total, filtered.total, "{}: the value filters to its series", series.value);
            assert_eq!(series.total, series.counts.iter().sum::<u64>() + series.outside);
            if series.value != NATIONAL {
                let facet = search.facets["agency"].iter().find(|f| f.depth == Some(0) && f.value == series.value);
                assert_eq!(Some(series.total), facet.map(|f| f.count), "{}", series.value);
            }
        }
        let national = t.series.iter().find(|s| s.value == NATIONAL).expect("national bodies are a series");
        assert_eq!(national.label, "中央");
        assert!(t.series.iter().all(|s| s.value != "司法部"), "no national body passes for a province");
        let years: Vec<&str> = t.periods.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(years, ["2021", "2022", "2023", "2024"], "gaps are filled");
        for (i, period) in t.periods.iter().enumerate() {
            let all: u64 = t.series.iter().chain(&t.other).chain(&t.missing).map(|s| s.counts[i]).sum();
            let facet = search.facets["year"].iter().find(|f| f.value == period.value).map_or(0, |f| f.count);
            assert_eq!(all, facet, "{}", period.value);
        }
        assert_eq!(t.missing.as_ref().map(|m| m.total), Some(3), "three publications have no agency");
    }

    #[test]
    fn months_topics_and_kinds() {
        let t = timeline("", &[("from", "2024-01-01"), ("to", "2024-12-31")], "kind", "month");
        assert_eq!(t.periods.first().map(|p| p.label.as_str()), Some("2024年3月"));
        assert_eq!(t.periods.len(), 4, "March to June");
        assert_eq!(t.series[0].label, "新闻动态");
        let topics = timeline("法律援助", &[], "topic", "year");
        assert_eq!(topics.series[0].value, "法律援助");
        assert!(TimelineRequest::from_params(TimelineParams { top: Some("0".into()), ..Default::default() }).is_err());
        assert!(
            TimelineRequest::from_params(TimelineParams { by: Some("city".into()), ..Default::default() }).is_err()
        );
    }
}
