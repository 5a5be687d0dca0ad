//! The pass behind the diffusion tracker: for each agency facet path of
//! the matching documents, how many there are, per year, and the earliest
//! dated one (from the day each document's order keys hold).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use sifa_store::schema::names;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;
use tantivy::{DocAddress, DocId, Score, SegmentReader};

use crate::ranking::{NO_DATE, OrderCache, OrderKeys};

/// Matching publications of one agency path (or a group of them).
#[derive(Debug, Clone, Default)]
pub(super) struct Cell {
    pub documents: u64,
    pub per_year: BTreeMap<i32, u64>,
    /// The earliest dated publication: its day and address.
    pub earliest: Option<(i64, DocAddress)>,
}

impl Cell {
    pub fn add(&mut self, other: &Cell) {
        self.documents += other.documents;
        for (year, n) in &other.per_year {
            *self.per_year.entry(*year).or_default() += n;
        }
        self.earliest = match (self.earliest, other.earliest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

/// Cells by agency facet path, and every matching publication.
#[derive(Default)]
pub(super) struct AgencyCells {
    pub documents: u64,
    pub cells: HashMap<Vec<String>, Cell>,
    /// Matching publications per year, whatever their agency.
    years: BTreeMap<i32, u64>,
}

impl AgencyCells {
    /// The first and the last year with a matching publication.
    pub fn years(&self) -> Option<(i32, i32)> {
        Some((*self.years.keys().next()?, *self.years.keys().next_back()?))
    }
}

pub(super) struct AgencyCollector {
    pub order: Arc<OrderCache>,
}

/// One segment's cells by agency facet ordinal and year facet ordinal.
pub(super) struct AgencySegment {
    segment: u32,
    agency: FacetReader,
    timeline: FacetReader,
    keys: Arc<OrderKeys>,
    documents: u64,
    /// (agency ordinal, year ordinal) → documents.
    counts: HashMap<(Option<u64>, Option<u64>), u64>,
    earliest: HashMap<u64, (i64, DocId)>,
}

impl SegmentCollector for AgencySegment {
    type Fruit = tantivy::Result<AgencyCells>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.documents += 1;
        let agency = self.agency.facet_ords(doc).next();
        let year = self.timeline.facet_ords(doc).next();
        *self.counts.entry((agency, year)).or_default() += 1;
        let days = self.keys.days(doc);
        if let Some(agency) = agency
            && days != NO_DATE
        {
            let candidate = (days as i64, doc);
            let earliest = self.earliest.entry(agency).or_insert(candidate);
            *earliest = (*earliest).min(candidate);
        }
    }

    fn harvest(self) -> tantivy::Result<AgencyCells> {
        let mut out = AgencyCells { documents: self.documents, ..AgencyCells::default() };
        let mut years: HashMap<u64, i32> = HashMap::new();
        for ((agency, year), n) in &self.counts {
            let year = match year {
                Some(ord) => match years.get(ord) {
                    Some(&y) => Some(y),
                    None => {
                        let y = facet_path(&self.timeline, *ord)?.first().and_then(|y| y.parse::<i32>().ok());
                        if let Some(y) = y {
                            years.insert(*ord, y);
                        }
                        y
                    }
                },
                None => None,
            };
            if let Some(year) = year {
                *out.years.entry(year).or_default() += n;
            }
            let Some(agency) = agency else { continue };
            let cell = out.cells.entry(facet_path(&self.agency, *agency)?).or_default();
            cell.documents += n;
            if let Some(year) = year {
                *cell.per_year.entry(year).or_default() += n;
            }
            if cell.earliest.is_none() {
                cell.earliest =
                    self.earliest.get(agency).map(|&(days, doc)| (days, DocAddress::new(self.segment, doc)));
            }
        }
        Ok(out)
    }
}

fn facet_path(reader: &FacetReader, ord: u64) -> tantivy::Result<Vec<String>> {
    let mut facet = Facet::root();
    reader.facet_from_ord(ord, &mut facet)?;
    Ok(facet.to_path().into_iter().map(str::to_string).collect())
}

impl Collector for AgencyCollector {
    type Fruit = AgencyCells;
    type Child = AgencySegment;

    fn for_segment(&self, segment_ord: u32, segment: &SegmentReader) -> tantivy::Result<AgencySegment> {
        Ok(AgencySegment {
            segment: segment_ord,
            agency: segment.facet_reader(names::AGENCY_FACET)?,
            timeline: segment.facet_reader(names::TIMELINE_FACET)?,
            keys: self.order.of(segment),
            documents: 0,
            counts: HashMap::new(),
            earliest: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<tantivy::Result<AgencyCells>>) -> tantivy::Result<AgencyCells> {
        let mut merged = AgencyCells::default();
        for fruit in fruits {
            let fruit = fruit?;
            merged.documents += fruit.documents;
            for (path, cell) in &fruit.cells {
                merged.cells.entry(path.clone()).or_default().add(cell);
            }
            for (year, n) in fruit.years {
                *merged.years.entry(year).or_default() += n;
            }
        }
        Ok(merged)
    }
}
