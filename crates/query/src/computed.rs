//! The values of dimensions computed from the links table
//! ([`Values::Links`]): per segment, one column holding each document's
//! value, built on first use and kept with the table it was computed from
//! (a new table after `sifa add` brings a new [`LinksView`], hence new
//! columns). Filters and counts read the column as they would a facet field.

use std::sync::Arc;

use sifa_model::Kind;
use sifa_store::schema::names;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{BitSet, DocAddress, DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED, Term};

use crate::Snapshot;
use crate::dimensions::{Dimension, ValueLabel, Values};
use crate::facets::RootCounts;
use crate::links::{Column, LinksView, NO_VALUE};

impl LinksView {
    /// The column of `dimension` in `reader`'s segment.
    pub(crate) fn column(&self, reader: &SegmentReader, dimension: &Dimension) -> tantivy::Result<Arc<Column>> {
        let key = (reader.segment_id(), dimension.index());
        if let Some(found) = self.columns.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(found.clone());
        }
        let column = Arc::new(self.compute_column(reader, dimension)?);
        self.columns.lock().unwrap_or_else(|e| e.into_inner()).insert(key, column.clone());
        Ok(column)
    }

    /// The value of every document of the segment: its kind's (read from
    /// the kind column), or the one the table names for it (found by id).
    fn compute_column(&self, reader: &SegmentReader, dimension: &Dimension) -> tantivy::Result<Column> {
        let mut column = vec![NO_VALUE; reader.max_doc() as usize];
        let Values::Links { by_kind, named, vocabulary } = &dimension.values else { return Ok(column) };
        let vocabulary = vocabulary();
        let place = |value: &str| {
            let found = vocabulary.iter().position(|v| v.value == value);
            found.and_then(|p| u8::try_from(p).ok()).unwrap_or(NO_VALUE)
        };
        let of_kind: Vec<u8> = Kind::ALL.iter().map(|&kind| by_kind(kind).map_or(NO_VALUE, place)).collect();
        if let Ok(kinds) = reader.fast_fields().u64(names::KIND_RANK) {
            for (doc, value) in column.iter_mut().enumerate() {
                let rank = kinds.first(doc as DocId).and_then(|rank| usize::try_from(rank).ok());
                *value = rank.and_then(|rank| of_kind.get(rank)).copied().unwrap_or(NO_VALUE);
            }
        }
        let index = reader.inverted_index(self.id_field())?;
        for (id, value) in named(&self.table) {
            let term = Term::from_field_text(self.id_field(), id);
            if let Some(mut postings) = index.read_postings(&term, IndexRecordOption::Basic)? {
                while postings.doc() != TERMINATED {
                    column[postings.doc() as usize] = place(value);
                    postings.advance();
                }
            }
        }
        Ok(column)
    }
}

impl Snapshot {
    /// The status of the document at `address` (the 时效性 dimension's
    /// value, read from its column as filters read it), with its label.
    pub(crate) fn status_of(&self, searcher: &Searcher, address: DocAddress) -> Option<ValueLabel> {
        let dimension = Dimension::named("status")?;
        let column = self.links().column(searcher.segment_reader(address.segment_ord), dimension).ok()?;
        let place = *column.get(address.doc_id as usize)?;
        dimension.vocabulary()?.get(usize::from(place)).cloned()
    }
}

/// The places in `dimension`'s vocabulary of `values`.
fn places(dimension: &Dimension, values: &[String]) -> Vec<u8> {
    let vocabulary = dimension.vocabulary().unwrap_or_default();
    values
        .iter()
        .filter_map(|v| vocabulary.iter().position(|known| known.value == v.as_str()))
        .filter_map(|place| u8::try_from(place).ok())
        .collect()
}

/// Matches the documents whose computed value is one of the accepted ones.
#[derive(Clone)]
pub(crate) struct ColumnFilter {
    view: Arc<LinksView>,
    dimension: &'static Dimension,
    accepted: Vec<u8>,
}

impl ColumnFilter {
    pub(crate) fn new(view: Arc<LinksView>, dimension: &'static Dimension, values: &[String]) -> Self {
        Self { accepted: places(dimension, values), view, dimension }
    }
}

impl std::fmt::Debug for ColumnFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ColumnFilter({} in {:?})", self.dimension.name, self.accepted)
    }
}

impl Query for ColumnFilter {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for ColumnFilter {
    /// A filter: every match scores nothing.
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let column = self.view.column(reader, self.dimension)?;
        let mut matching = BitSet::with_max_value(reader.max_doc());
        for (doc, value) in column.iter().enumerate() {
            if self.accepted.contains(value) {
                matching.insert(doc as DocId);
            }
        }
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(matching), 0.0)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("the computed value is accepted", 0.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} has no accepted {}",
                self.dimension.name
            )))
        }
    }
}

/// Counts of a computed dimension's values, as the counts of a flat facet
/// (children of the root) so that the facets read them alike.
pub(crate) struct ColumnCounter {
    pub(crate) view: Arc<LinksView>,
    pub(crate) dimension: &'static Dimension,
}

pub(crate) struct ColumnSegment {
    column: Arc<Column>,
    counts: Vec<u64>,
}

impl SegmentCollector for ColumnSegment {
    type Fruit = Vec<u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(count) = self.column.get(doc as usize).and_then(|&v| self.counts.get_mut(usize::from(v))) {
            *count += 1;
        }
    }

    fn harvest(self) -> Vec<u64> {
        self.counts
    }
}

impl Collector for ColumnCounter {
    type Fruit = RootCounts;
    type Child = ColumnSegment;

    fn for_segment(&self, _segment_ord: u32, segment: &SegmentReader) -> tantivy::Result<ColumnSegment> {
        let values = self.dimension.vocabulary().map_or(0, |v| v.len());
        Ok(ColumnSegment { column: self.view.column(segment, self.dimension)?, counts: vec![0; values] })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<u64>>) -> tantivy::Result<RootCounts> {
        let vocabulary = self.dimension.vocabulary().unwrap_or_default();
        let mut totals = vec![0u64; vocabulary.len()];
        for counts in fruits {
            for (total, count) in totals.iter_mut().zip(counts) {
                *total += count;
            }
        }
        let children = vocabulary
            .iter()
            .zip(totals)
            .filter(|(_, count)| *count > 0)
            .map(|(v, count)| (Facet::from_path([v.value]), count))
            .collect();
        Ok(RootCounts::of_root(children))
    }
}
