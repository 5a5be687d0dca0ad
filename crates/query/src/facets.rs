//! Facet counts: hierarchical (agency by region), flat (topic, kind) and
//! the timeline (years, and months of short ranges).
//!
//! Counts are disjunctive: a dimension with an active filter is counted
//! with every filter but its own, so ticking 山东省 still shows how many
//! results the other provinces hold (see `crate::search`).

use std::collections::{BTreeSet, HashSet};

use sifa_model::Kind;
use sifa_store::schema::names;
use sifa_store::{first_match, from_document};
use tantivy::collector::{Collector, FacetCollector, FacetCounts, SegmentCollector};
use tantivy::schema::Facet;
use tantivy::{DocId, Score, Searcher, SegmentReader};

use crate::request::SearchRequest;
use crate::response::{FacetCount, Facets};
use crate::{QueryError, Snapshot};

/// How long a date range may be for its months to be counted, in days.
const MONTHS_COUNTED_WITHIN_DAYS: i64 = 731;

/// Counts of the children of several roots of one facet field.
///
/// tantivy's `FacetCollector` refuses a root below another root, so a tree
/// drill-down (`/`, `/山东省`, `/山东省/聊城市`) takes one collector per root.
pub(crate) struct FacetTree {
    collectors: Vec<(Facet, FacetCollector)>,
}

impl FacetTree {
    pub(crate) fn new(field: &str, roots: &[Facet]) -> Self {
        let collectors = roots
            .iter()
            .map(|root| {
                let mut collector = FacetCollector::for_field(field);
                collector.add_facet(root.clone());
                (root.clone(), collector)
            })
            .collect();
        Self { collectors }
    }
}

/// The fruit of a [`FacetTree`].
pub(crate) struct RootCounts(Vec<(Facet, FacetCounts)>);

impl RootCounts {
    /// Direct children of `root` with their counts.
    fn children(&self, root: &Facet) -> Vec<(Facet, u64)> {
        self.0
            .iter()
            .find(|(r, _)| r == root)
            .map(|(r, counts)| counts.get(r.clone()).map(|(f, c)| (f.clone(), c)).collect())
            .unwrap_or_default()
    }
}

/// One segment's collectors of a [`FacetTree`].
pub(crate) struct FacetTreeSegment(Vec<<FacetCollector as Collector>::Child>);

impl SegmentCollector for FacetTreeSegment {
    type Fruit = Vec<FacetCounts>;

    fn collect(&mut self, doc: DocId, score: Score) {
        for child in &mut self.0 {
            child.collect(doc, score);
        }
    }

    fn harvest(self) -> Vec<FacetCounts> {
        self.0.into_iter().map(SegmentCollector::harvest).collect()
    }
}

impl Collector for FacetTree {
    type Fruit = RootCounts;
    type Child = FacetTreeSegment;

    fn for_segment(&self, segment_ord: u32, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        let children =
            self.collectors.iter().map(|(_, c)| c.for_segment(segment_ord, segment)).collect::<tantivy::Result<_>>()?;
        Ok(FacetTreeSegment(children))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<FacetCounts>>) -> tantivy::Result<RootCounts> {
        let mut per_root: Vec<Vec<FacetCounts>> = self.collectors.iter().map(|_| Vec::new()).collect();
        for segment in fruits {
            for (i, counts) in segment.into_iter().enumerate() {
                per_root[i].push(counts);
            }
        }
        let merged = self
            .collectors
            .iter()
            .zip(per_root)
            .map(|((root, collector), fruits)| Ok((root.clone(), collector.merge_fruits(fruits)?)))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(RootCounts(merged))
    }
}

/// The roots each facet dimension is counted under for one request.
pub(crate) struct FacetRoots {
    /// The top level, and every selected agency path with its ancestors.
    pub agency: Vec<Facet>,
    pub top: [Facet; 1],
    /// The top level (years) and the years whose months are counted.
    pub timeline: Vec<Facet>,
    months: Vec<Facet>,
}

impl FacetRoots {
    pub(crate) fn for_request(snapshot: &Snapshot, searcher: &Searcher, request: &SearchRequest) -> Result<Self, QueryError> {
        let agency = if request.facets.agency { agency_roots(snapshot, searcher, &request.agencies)? } else { Vec::new() };
        let months = month_roots(request);
        let timeline = std::iter::once(Facet::root()).chain(months.iter().cloned()).collect();
        Ok(Self { agency, top: [Facet::root()], timeline, months })
    }
}

/// The counts collected for each dimension (`None`: not asked for).
#[derive(Default)]
pub(crate) struct DimensionCounts {
    pub agency: Option<RootCounts>,
    pub topic: Option<RootCounts>,
    pub kind: Option<RootCounts>,
    pub timeline: Option<RootCounts>,
}

impl DimensionCounts {
    /// The API's facets, with the request's selections marked.
    pub(crate) fn into_facets(self, roots: &FacetRoots, request: &SearchRequest) -> Facets {
        let selected_agencies: HashSet<&str> = request.agencies.iter().map(String::as_str).collect();
        let kinds: Vec<String> = request.kinds.iter().map(|k| k.as_str().to_string()).collect();
        let kind_label = |v: &str| Kind::parse(v).map_or(v.to_string(), |k| k.label_zh().to_string());
        Facets {
            agency: self.agency.map(|c| agency_facet(&c, &roots.agency, &selected_agencies)).unwrap_or_default(),
            topic: self.topic.map(|c| flat_facet(&c, &request.topics, |v| v.to_string())).unwrap_or_default(),
            kind: self.kind.map(|c| flat_facet(&c, &kinds, kind_label)).unwrap_or_default(),
            year: self.timeline.as_ref().map(year_facet).unwrap_or_default(),
            month: self.timeline.as_ref().map(|c| month_facet(c, &roots.months)).unwrap_or_default(),
        }
    }
}

/// The facet field of each dimension.
pub(crate) const AGENCY_FIELD: &str = names::AGENCY_FACET;
pub(crate) const TOPIC_FIELD: &str = names::TOPIC_FACET;
pub(crate) const KIND_FIELD: &str = names::KIND_FACET;
pub(crate) const TIMELINE_FIELD: &str = names::TIMELINE_FACET;

fn agency_roots(snapshot: &Snapshot, searcher: &Searcher, selected: &[String]) -> Result<Vec<Facet>, QueryError> {
    let mut roots: BTreeSet<Vec<String>> = BTreeSet::new();
    roots.insert(Vec::new());
    for value in selected {
        let path = agency_path(snapshot, searcher, value)?;
        for depth in 1..=path.len() {
            roots.insert(path[..depth].to_vec());
        }
    }
    Ok(roots.into_iter().map(|p| if p.is_empty() { Facet::root() } else { Facet::from_path(p) }).collect())
}

/// The facet path of a selected agency value: a path as given, or the
/// path of the publications of a canonical agency name.
fn agency_path(snapshot: &Snapshot, searcher: &Searcher, value: &str) -> Result<Vec<String>, QueryError> {
    if value.contains('/') {
        return Ok(value.split('/').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect());
    }
    let schema = &snapshot.open.schema;
    let Some(address) = first_match(searcher, schema.agency, value)? else { return Ok(vec![value.to_string()]) };
    let mut path = from_document(schema, &searcher.doc(address)?).agency_path;
    path.push(value.to_string());
    Ok(path)
}

fn segments(facet: &Facet) -> Vec<String> {
    facet.to_path().into_iter().map(str::to_string).collect()
}

/// The agency tree, depth first: each level by count, with the children of
/// every selected path right under it.
fn agency_facet(counts: &RootCounts, roots: &[Facet], selected: &HashSet<&str>) -> Vec<FacetCount> {
    fn walk(counts: &RootCounts, root: &Facet, roots: &[Facet], selected: &HashSet<&str>, out: &mut Vec<FacetCount>) {
        let mut children = counts.children(root);
        children.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for (facet, count) in children {
            let path = segments(&facet);
            let value = path.join("/");
            let label = path.last().cloned().unwrap_or_default();
            let is_selected = selected.contains(value.as_str()) || selected.contains(label.as_str());
            out.push(FacetCount { value, count, label, depth: Some(path.len() - 1), selected: is_selected });
            if roots.contains(&facet) {
                walk(counts, &facet, roots, selected, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(counts, &Facet::root(), roots, selected, &mut out);
    out
}

fn flat_facet(counts: &RootCounts, selected: &[String], label: impl Fn(&str) -> String) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = counts
        .children(&Facet::root())
        .into_iter()
        .map(|(facet, count)| {
            let value = segments(&facet).join("/");
            FacetCount { label: label(&value), selected: selected.contains(&value), value, count, depth: None }
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

fn year_facet(counts: &RootCounts) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = counts
        .children(&Facet::root())
        .into_iter()
        .map(|(facet, count)| {
            let value = segments(&facet).join("/");
            FacetCount { label: format!("{value}年"), value, count, depth: None, selected: false }
        })
        .collect();
    out.sort_by(|a, b| a.value.cmp(&b.value));
    out
}

/// Years whose months are counted: those of a date range of at most two years.
fn month_roots(request: &SearchRequest) -> Vec<Facet> {
    match (request.from, request.to) {
        (Some(from), Some(to)) if to.days_since_epoch() - from.days_since_epoch() <= MONTHS_COUNTED_WITHIN_DAYS => {
            (from.year..=to.year).map(|y| Facet::from_path([y.to_string()])).collect()
        }
        _ => Vec::new(),
    }
}

fn month_facet(counts: &RootCounts, roots: &[Facet]) -> Vec<FacetCount> {
    let mut out = Vec::new();
    for root in roots {
        for (facet, count) in counts.children(root) {
            let path = segments(&facet);
            if let [year, month] = path.as_slice() {
                let label = format!("{}月", month.trim_start_matches('0'));
                out.push(FacetCount { value: format!("{year}-{month}"), count, label, depth: None, selected: false });
            }
        }
    }
    out.sort_by(|a, b| a.value.cmp(&b.value));
    out
}

#[cfg(test)]
mod tests {
    use crate::testing::{Fixture, request};

    #[test]
    fn agency_tree_drills_down_under_a_selected_province() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let all = snapshot.search(&request("", &[])).unwrap();
        let top: Vec<(&str, u64)> =
            all.facets.agency.iter().filter(|f| f.depth == Some(0)).map(|f| (f.value.as_str(), f.count)).collect();
        assert!(top.contains(&("山东省", 3)), "{top:?}");
        assert!(top.contains(&("司法部", 1)), "{top:?}");
        let drilled = snapshot.search(&request("", &[("agency", "山东省")])).unwrap();
        let cities: Vec<&str> =
            drilled.facets.agency.iter().filter(|f| f.depth == Some(1)).map(|f| f.label.as_str()).collect();
        assert_eq!(cities, ["聊城市", "青岛市"], "children of the selected province, by count");
        assert!(drilled.facets.agency.iter().any(|f| f.value == "山东省" && f.selected));
    }

    #[test]
    fn counts_are_disjunctive_within_a_dimension() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let response = snapshot.search(&request("", &[("kind", "news")])).unwrap();
        assert_eq!(response.total, 3);
        let kinds: Vec<(&str, u64, bool)> =
            response.facets.kind.iter().map(|f| (f.value.as_str(), f.count, f.selected)).collect();
        assert!(kinds.contains(&("news", 3, true)), "{kinds:?}");
        assert!(kinds.contains(&("law", 1, false)), "other kinds still counted: {kinds:?}");
        let topics: u64 = response.facets.topic.iter().map(|f| f.count).max().unwrap_or(0);
        assert!(topics <= 3, "other dimensions are counted within the filter");
    }

    #[test]
    fn months_are_counted_for_short_ranges_only() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let short = snapshot.search(&request("", &[("from", "2024-01-01"), ("to", "2024-12-31")])).unwrap();
        let months: Vec<(&str, u64)> = short.facets.month.iter().map(|f| (f.value.as_str(), f.count)).collect();
        assert_eq!(months, [("2024-03", 2), ("2024-06", 1)]);
        let long = snapshot.search(&request("", &[("from", "2000-01-01"), ("to", "2024-12-31")])).unwrap();
        assert!(long.facets.month.is_empty());
        assert_eq!(long.facets.year.iter().map(|f| f.label.as_str()).collect::<Vec<_>>(), ["2021年", "2023年", "2024年"]);
    }
}
