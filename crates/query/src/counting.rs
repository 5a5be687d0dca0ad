//! How one dimension's values are counted, as its [`Values`] say: a facet
//! field by [`FacetTree`] (a flat field is a tree of one level), a value
//! computed from the links table by [`ColumnCounter`]. One collector type
//! for every dimension, so that a search adds each to one pass.

use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::schema::Facet;
use tantivy::{DocId, Score, SegmentReader};

use crate::computed::{ColumnCounter, ColumnSegment};
use crate::dimensions::{Dimension, Values};
use crate::facets::{FacetCache, FacetTree, FacetTreeSegment, RootCounts};
use crate::links::LinksView;

/// Counts one dimension's values.
pub(crate) enum Counter {
    Facets(FacetTree),
    Computed(ColumnCounter),
}

impl Counter {
    /// The counter of `dimension` under `roots` (a facet field's).
    pub(crate) fn new(
        dimension: &'static Dimension,
        roots: &[Facet],
        cache: &Arc<FacetCache>,
        links: &Arc<LinksView>,
    ) -> Self {
        match dimension.values {
            Values::Tree { facet, .. } | Values::Flat { facet, .. } => {
                Counter::Facets(FacetTree::new(facet, roots, cache))
            }
            Values::Links { .. } => Counter::Computed(ColumnCounter { view: links.clone(), dimension }),
        }
    }
}

pub(crate) enum CounterSegment {
    Facets(FacetTreeSegment),
    Computed(ColumnSegment),
}

/// What a segment counted.
pub(crate) enum SegmentCounts {
    Facets(<FacetTreeSegment as SegmentCollector>::Fruit),
    Computed(<ColumnSegment as SegmentCollector>::Fruit),
}

impl SegmentCollector for CounterSegment {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: DocId, score: Score) {
        match self {
            CounterSegment::Facets(segment) => segment.collect(doc, score),
            CounterSegment::Computed(segment) => segment.collect(doc, score),
        }
    }

    fn harvest(self) -> SegmentCounts {
        match self {
            CounterSegment::Facets(segment) => SegmentCounts::Facets(segment.harvest()),
            CounterSegment::Computed(segment) => SegmentCounts::Computed(segment.harvest()),
        }
    }
}

impl Collector for Counter {
    type Fruit = RootCounts;
    type Child = CounterSegment;

    fn for_segment(&self, segment_ord: u32, segment: &SegmentReader) -> tantivy::Result<CounterSegment> {
        Ok(match self {
            Counter::Facets(tree) => CounterSegment::Facets(tree.for_segment(segment_ord, segment)?),
            Counter::Computed(column) => CounterSegment::Computed(column.for_segment(segment_ord, segment)?),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentCounts>) -> tantivy::Result<RootCounts> {
        match self {
            Counter::Facets(tree) => tree.merge_fruits(
                fruits
                    .into_iter()
                    .filter_map(|f| if let SegmentCounts::Facets(f) = f { Some(f) } else { None })
                    .collect(),
            ),
            Counter::Computed(column) => column.merge_fruits(
                fruits
                    .into_iter()
                    .filter_map(|f| if let SegmentCounts::Computed(f) = f { Some(f) } else { None })
                    .collect(),
            ),
        }
    }
}
