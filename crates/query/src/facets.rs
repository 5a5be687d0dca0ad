//! Facet counts: hierarchical (agency by region), flat (topic, kind, and
//! computed dimensions counted by [`crate::computed`]) and the timeline
//! (years, and months of short ranges), shaped as the dimension table says.
//!
//! Counts are disjunctive: a dimension with an active filter is counted
//! with every filter but its own, so ticking 山东省 still shows how many
//! results the other provinces hold (see `crate::search`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use sifa_store::first_match;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::schema::Facet;
use tantivy::{DocId, Score, Searcher, SegmentReader};

use crate::dimensions::{DIMENSIONS, Dimension, Values};
use crate::request::SearchRequest;
use crate::response::{FacetCount, Facets};
use crate::{QueryError, Snapshot};

/// How long a date range may be for its months to be counted, in days.
const MONTHS_COUNTED_WITHIN_DAYS: i64 = 731;

/// Counts of the children of several roots of one facet field.
///
/// tantivy's `FacetCollector` works out, for every query and segment, which
/// child of the root each facet of the segment falls under, by streaming
/// the field's whole facet dictionary (thousands of agencies); on broad
/// queries with all four facets that was a large part of a search. Here
/// that mapping is made once per segment, field and root and kept in the
/// snapshot's [`FacetCache`] (segments never change); counting a document
/// is then an array read per facet it holds.
pub(crate) struct FacetTree {
    field: String,
    roots: Vec<Facet>,
    cache: Arc<FacetCache>,
}

impl FacetTree {
    pub(crate) fn new(field: &str, roots: &[Facet], cache: &Arc<FacetCache>) -> Self {
        Self { field: field.to_string(), roots: roots.to_vec(), cache: cache.clone() }
    }
}

/// The direct children of one root in one segment.
pub(crate) struct Children {
    /// For each facet ordinal of the segment, the index of the child of
    /// the root it lies under, or [`NOT_UNDER`].
    of_ord: Vec<u32>,
    facets: Vec<Facet>,
}

const NOT_UNDER: u32 = u32::MAX;

/// Whether `possible` lies strictly below `parent` (encoded facets).
fn is_below(parent: &[u8], possible: &[u8]) -> bool {
    possible.len() > parent.len()
        && possible.starts_with(parent)
        && (parent.is_empty() || possible[parent.len()] == 0u8)
}

impl Children {
    fn of(reader: &FacetReader, root: &Facet) -> tantivy::Result<Self> {
        let root_bytes = root.encoded_str().as_bytes();
        let offset = if root_bytes.is_empty() { 0 } else { root_bytes.len() + 1 };
        let mut of_ord = vec![NOT_UNDER; reader.num_facets()];
        let mut facets: Vec<Facet> = Vec::new();
        let mut last_child: Vec<u8> = Vec::new();
        let mut terms = reader.facet_dict().range().ge(root_bytes).into_stream()?;
        while terms.advance() {
            let key = terms.key();
            if !is_below(root_bytes, key) {
                if key > root_bytes && !key.starts_with(root_bytes) {
                    break; // past every descendant
                }
                continue;
            }
            let suffix = &key[offset..];
            let child = &suffix[..suffix.iter().position(|b| *b == 0u8).unwrap_or(suffix.len())];
            if facets.is_empty() || child != last_child.as_slice() {
                last_child.clear();
                last_child.extend_from_slice(child);
                let encoded = key[..offset + child.len()].to_vec();
                facets.push(
                    Facet::from_encoded(encoded).map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?,
                );
            }
            of_ord[terms.term_ord() as usize] = (facets.len() - 1) as u32;
        }
        Ok(Self { of_ord, facets })
    }
}

/// The facet ordinals of every document of one segment and field, laid
/// out flat: reading them from tantivy's multi-valued column costs a rank
/// lookup per document, and counting reads them for every match of every
/// search.
pub(crate) struct DocOrds {
    /// Document `d`'s ordinals are `ords[starts[d]..starts[d + 1]]`, sorted.
    starts: Vec<u32>,
    ords: Vec<u32>,
}

impl DocOrds {
    fn of(reader: &FacetReader, max_doc: DocId) -> Self {
        let mut starts = Vec::with_capacity(max_doc as usize + 1);
        let mut ords = Vec::with_capacity(max_doc as usize);
        for doc in 0..max_doc {
            starts.push(ords.len() as u32);
            ords.extend(reader.facet_ords(doc).map(|ord| ord as u32));
        }
        starts.push(ords.len() as u32);
        Self { starts, ords }
    }

    fn of_doc(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        &self.ords[self.starts[doc] as usize..self.starts[doc + 1] as usize]
    }
}

/// Children of every root a snapshot's searches counted, by segment,
/// field and root, and the ordinals of every document by segment and field.
#[derive(Default)]
pub(crate) struct FacetCache {
    map: Mutex<HashMap<(SegmentId, String, String), Arc<Children>>>,
    ords: Mutex<HashMap<(SegmentId, String), Arc<DocOrds>>>,
}

/// Entries kept before the cache starts over: a writer's in-place
/// commits (`sifa add`) bring new segments, and the old ones' entries
/// would otherwise stay.
const FACET_CACHE_ENTRIES: usize = 4096;

impl FacetCache {
    fn doc_ords(&self, segment: &SegmentReader, field: &str, reader: &FacetReader) -> Arc<DocOrds> {
        let key = (segment.segment_id(), field.to_string());
        if let Some(found) = self.ords.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return found.clone();
        }
        let ords = Arc::new(DocOrds::of(reader, segment.max_doc()));
        let mut map = self.ords.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= FACET_CACHE_ENTRIES {
            map.clear();
        }
        map.insert(key, ords.clone());
        ords
    }

    fn children(
        &self,
        segment: &SegmentReader,
        field: &str,
        reader: &FacetReader,
        root: &Facet,
    ) -> tantivy::Result<Arc<Children>> {
        let key = (segment.segment_id(), field.to_string(), root.encoded_str().to_string());
        if let Some(found) = self.map.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(found.clone());
        }
        let children = Arc::new(Children::of(reader, root)?);
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= FACET_CACHE_ENTRIES {
            map.clear();
        }
        map.insert(key, children.clone());
        Ok(children)
    }
}

/// The fruit of a [`FacetTree`]: per root, its children with their counts
/// (children without documents left out), in facet order.
pub(crate) struct RootCounts(Vec<(Facet, Vec<(Facet, u64)>)>);

impl RootCounts {
    /// The counts of the children of the top alone.
    pub(crate) fn of_root(children: Vec<(Facet, u64)>) -> Self {
        Self(vec![(Facet::root(), children)])
    }

    /// Direct children of `root` with their counts.
    fn children(&self, root: &Facet) -> Vec<(Facet, u64)> {
        self.0.iter().find(|(r, _)| r == root).map(|(_, children)| children.clone()).unwrap_or_default()
    }
}

/// One segment's counts of a [`FacetTree`].
pub(crate) struct FacetTreeSegment {
    ords: Arc<DocOrds>,
    roots: Vec<(Arc<Children>, Vec<u64>)>,
}

impl SegmentCollector for FacetTreeSegment {
    type Fruit = Vec<(Arc<Children>, Vec<u64>)>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for (children, counts) in &mut self.roots {
            // Ordinals are sorted, so the facets of a document under one
            // child are consecutive: each child counts a document once.
            let mut previous = NOT_UNDER;
            for &ord in self.ords.of_doc(doc) {
                let child = children.of_ord[ord as usize];
                if child != NOT_UNDER && child != previous {
                    counts[child as usize] += 1;
                }
                previous = child;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.roots
    }
}

impl Collector for FacetTree {
    type Fruit = RootCounts;
    type Child = FacetTreeSegment;

    fn for_segment(&self, _segment_ord: u32, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        let reader = segment.facet_reader(&self.field)?;
        let roots = self
            .roots
            .iter()
            .map(|root| {
                let children = self.cache.children(segment, &self.field, &reader, root)?;
                let counts = vec![0u64; children.facets.len()];
                Ok((children, counts))
            })
            .collect::<tantivy::Result<_>>()?;
        Ok(FacetTreeSegment { ords: self.cache.doc_ords(segment, &self.field, &reader), roots })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<<FacetTreeSegment as SegmentCollector>::Fruit>) -> tantivy::Result<RootCounts> {
        let mut per_root: Vec<BTreeMap<Facet, u64>> = self.roots.iter().map(|_| BTreeMap::new()).collect();
        for segment in fruits {
            for (merged, (children, counts)) in per_root.iter_mut().zip(segment) {
                for (facet, &count) in children.facets.iter().zip(&counts).filter(|(_, c)| **c > 0) {
                    *merged.entry(facet.clone()).or_default() += count;
                }
            }
        }
        Ok(RootCounts(self.roots.iter().cloned().zip(per_root.into_iter().map(|m| m.into_iter().collect())).collect()))
    }
}

/// The roots each dimension is counted under for one request.
pub(crate) struct FacetRoots {
    /// By dimension: the top for a flat one; for a tree, the top and every
    /// selected path with its ancestors (empty when not asked for).
    dimensions: Vec<Vec<Facet>>,
    /// The top level (years) and the years whose months are counted.
    pub timeline: Vec<Facet>,
    months: Vec<Facet>,
}

impl FacetRoots {
    pub(crate) fn for_request(
        snapshot: &Snapshot,
        searcher: &Searcher,
        request: &SearchRequest,
    ) -> Result<Self, QueryError> {
        let dimensions = DIMENSIONS
            .iter()
            .map(|d| match d.values {
                Values::Tree { facet, name_field, .. } if request.facets.asks(d) => {
                    tree_roots(snapshot, searcher, (facet, name_field), request.filter(d))
                }
                Values::Tree { .. } => Ok(Vec::new()),
                Values::Flat { .. } | Values::Links { .. } => Ok(vec![Facet::root()]),
            })
            .collect::<Result<_, QueryError>>()?;
        let months = month_roots(request);
        let timeline = std::iter::once(Facet::root()).chain(months.iter().cloned()).collect();
        Ok(Self { dimensions, timeline, months })
    }

    /// The roots `dimension` is counted under.
    pub(crate) fn of(&self, dimension: &Dimension) -> &[Facet] {
        &self.dimensions[dimension.index()]
    }
}

/// The counts collected for each dimension, by its place in [`DIMENSIONS`]
/// (`None`: not asked for), and for the timeline.
pub(crate) struct DimensionCounts {
    pub dimensions: Vec<Option<RootCounts>>,
    pub timeline: Option<RootCounts>,
}

impl DimensionCounts {
    /// The API's facets, with the request's selections marked.
    pub(crate) fn into_facets(self, roots: &FacetRoots, request: &SearchRequest) -> Facets {
        let dimensions = DIMENSIONS.iter().zip(self.dimensions).map(|(dimension, counts)| {
            let selected = request.filter(dimension);
            let facet = counts.map(|c| match dimension.values {
                Values::Tree { .. } => tree_facet(&c, roots.of(dimension), selected),
                Values::Flat { .. } | Values::Links { .. } => flat_facet(&c, selected, |v| dimension.label_of(v)),
            });
            (dimension.name, facet.unwrap_or_default())
        });
        Facets::new(
            dimensions.collect(),
            self.timeline.as_ref().filter(|_| request.facets.year).map(year_facet).unwrap_or_default(),
            self.timeline
                .as_ref()
                .filter(|_| request.facets.month)
                .map(|c| month_facet(c, &roots.months))
                .unwrap_or_default(),
        )
    }
}

/// The roots of a tree: the top, and every selected path with its ancestors.
fn tree_roots(
    snapshot: &Snapshot,
    searcher: &Searcher,
    fields: (&str, &str),
    selected: &[String],
) -> Result<Vec<Facet>, QueryError> {
    let mut roots: BTreeSet<Vec<String>> = BTreeSet::new();
    roots.insert(Vec::new());
    for value in selected {
        let path = tree_path(snapshot, searcher, fields, value)?;
        for depth in 1..=path.len() {
            roots.insert(path[..depth].to_vec());
        }
    }
    Ok(roots.into_iter().map(|p| if p.is_empty() { Facet::root() } else { Facet::from_path(p) }).collect())
}

/// The path of a selected tree value: a path as given, or the path a
/// document with that name (an agency's canonical name) holds.
fn tree_path(
    snapshot: &Snapshot,
    searcher: &Searcher,
    (facet, name_field): (&str, &str),
    value: &str,
) -> Result<Vec<String>, QueryError> {
    if value.contains('/') {
        return Ok(value.split('/').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect());
    }
    let schema = &snapshot.open.schema.schema;
    let not_found = || vec![value.to_string()];
    let Ok(name_field) = schema.get_field(name_field) else { return Ok(not_found()) };
    let Some(address) = first_match(searcher, name_field, value)? else { return Ok(not_found()) };
    let reader = searcher.segment_reader(address.segment_ord).facet_reader(facet)?;
    let Some(ord) = reader.facet_ords(address.doc_id).next() else { return Ok(not_found()) };
    let mut path = Facet::root();
    reader.facet_from_ord(ord, &mut path)?;
    Ok(segments(&path))
}

fn segments(facet: &Facet) -> Vec<String> {
    facet.to_path().into_iter().map(str::to_string).collect()
}

/// A tree, depth first: each level by count, with the children of every
/// selected path right under it; a value is selected by its path or its
/// name (the last segment).
fn tree_facet(counts: &RootCounts, roots: &[Facet], selected: &[String]) -> Vec<FacetCount> {
    let selected: HashSet<&str> = selected.iter().map(String::as_str).collect();
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
    walk(counts, &Facet::root(), roots, &selected, &mut out);
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
    use std::sync::Arc;

    use tantivy::collector::FacetCollector;
    use tantivy::query::{AllQuery, Query, TermQuery};
    use tantivy::schema::{Facet, IndexRecordOption};

    use sifa_store::schema::names::{
        AGENCY_FACET as AGENCY_FIELD, KIND_FACET as KIND_FIELD, TIMELINE_FACET as TIMELINE_FIELD,
        TOPIC_FACET as TOPIC_FIELD,
    };

    use super::{FacetCache, FacetTree};
    use crate::testing::{Fixture, request};

    #[test]
    fn cached_children_count_exactly_as_tantivys_facet_collector() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let searcher = snapshot.searcher();
        let schema = &snapshot.open.schema;
        let cache = Arc::new(FacetCache::default());
        let queries: Vec<Box<dyn Query>> = vec![
            Box::new(AllQuery),
            Box::new(TermQuery::new(
                tantivy::Term::from_field_text(schema.searched[1].chars, "法"),
                IndexRecordOption::Basic,
            )),
        ];
        let roots =
            |path: &[&str]| if path.is_empty() { Facet::root() } else { Facet::from_path(path.iter().copied()) };
        let cases: Vec<(&str, Vec<Facet>)> = vec![
            (AGENCY_FIELD, vec![roots(&[]), roots(&["山东省"]), roots(&["山东省", "聊城市"]), roots(&["无此省"])]),
            (TOPIC_FIELD, vec![roots(&[])]),
            (KIND_FIELD, vec![roots(&[])]),
            (TIMELINE_FIELD, vec![roots(&[]), roots(&["2024"]), roots(&["2021"])]),
        ];
        for query in &queries {
            for (field, field_roots) in &cases {
                // Twice: computing the children, then reading them cached.
                for _ in 0..2 {
                    let tree = searcher.search(query.as_ref(), &FacetTree::new(field, field_roots, &cache)).unwrap();
                    for root in field_roots {
                        let mut collector = FacetCollector::for_field(*field);
                        collector.add_facet(root.clone());
                        let counts = searcher.search(query.as_ref(), &collector).unwrap();
                        let expected: Vec<(Facet, u64)> =
                            counts.get(root.clone()).map(|(f, c)| (f.clone(), c)).collect();
                        assert_eq!(tree.children(root), expected, "{field} {root}");
                    }
                }
            }
        }
    }

    #[test]
    fn agency_tree_drills_down_under_a_selected_province() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let all = snapshot.search(&request("", &[])).unwrap();
        let top: Vec<(&str, u64)> =
            all.facets["agency"].iter().filter(|f| f.depth == Some(0)).map(|f| (f.value.as_str(), f.count)).collect();
        assert!(top.contains(&("山东省", 3)), "{top:?}");
        assert!(top.contains(&("司法部", 1)), "{top:?}");
        let drilled = snapshot.search(&request("", &[("agency", "山东省")])).unwrap();
        let cities: Vec<&str> =
            drilled.facets["agency"].iter().filter(|f| f.depth == Some(1)).map(|f| f.label.as_str()).collect();
        assert_eq!(cities, ["聊城市", "青岛市"], "children of the selected province, by count");
        assert!(drilled.facets["agency"].iter().any(|f| f.value == "山东省" && f.selected));
    }

    #[test]
    fn counts_are_disjunctive_within_a_dimension() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let response = snapshot.search(&request("", &[("kind", "news")])).unwrap();
        assert_eq!(response.total, 3);
        let kinds: Vec<(&str, u64, bool)> =
            response.facets["kind"].iter().map(|f| (f.value.as_str(), f.count, f.selected)).collect();
        assert!(kinds.contains(&("news", 3, true)), "{kinds:?}");
        assert!(kinds.contains(&("law", 1, false)), "other kinds still counted: {kinds:?}");
        let topics: u64 = response.facets["topic"].iter().map(|f| f.count).max().unwrap_or(0);
        assert!(topics <= 3, "other dimensions are counted within the filter");
    }

    #[test]
    fn months_are_counted_for_short_ranges_only() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let short = snapshot.search(&request("", &[("from", "2024-01-01"), ("to", "2024-12-31")])).unwrap();
        let months: Vec<(&str, u64)> = short.facets["month"].iter().map(|f| (f.value.as_str(), f.count)).collect();
        assert_eq!(months, [("2024-03", 2), ("2024-06", 1)]);
        let long = snapshot.search(&request("", &[("from", "2000-01-01"), ("to", "2024-12-31")])).unwrap();
        assert!(long.facets["month"].is_empty());
        assert_eq!(
            long.facets["year"].iter().map(|f| f.label.as_str()).collect::<Vec<_>>(),
            ["2021年", "2023年", "2024年"]
        );
    }
}
