//! Near matches: when a search finds few publications, those that match
//! every word but one, shown below the exact ones and marked with the word
//! they lack (缺少：情况), as web search engines do. A researcher's long
//! query (普法工作情况报告) then also shows the 普法工作年度报告 it would
//! miss. Totals and facets count exact matches only; `exact=true` turns
//! near matches off.

use std::sync::Arc;

use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::query::{EnableScoring, Query, Weight};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader};

use crate::QueryError;
use crate::Snapshot;
use crate::build::Filters;
use crate::compile::CompiledQuery;
use crate::highlight::Highlighter;
use crate::links::LinksView;
use crate::request::{SearchRequest, Sort};
use crate::response::Hit;
use crate::search::{score_of, top_collector};

/// With fewer exact matches than this, near matches are shown.
pub const NEAR_BELOW: usize = 10;
/// Near matches shown at most.
pub const NEAR_HITS: usize = 10;

/// Whether a search may show near matches: asked for, on its first page.
pub(crate) fn wanted(request: &SearchRequest, compiled: &CompiledQuery) -> bool {
    request.near && request.page == 1 && compiled.required.len() >= 2
}

/// The first `limit` documents a search matches: all of them when it
/// matches fewer (the exact matches a near search leaves out).
pub(crate) struct FirstDocs(pub usize);

pub(crate) struct FirstDocsSegment {
    segment: SegmentOrdinal,
    limit: usize,
    docs: Vec<DocAddress>,
}

impl SegmentCollector for FirstDocsSegment {
    type Fruit = Vec<DocAddress>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if self.docs.len() < self.limit {
            self.docs.push(DocAddress::new(self.segment, doc));
        }
    }

    fn harvest(self) -> Vec<DocAddress> {
        self.docs
    }
}

impl Collector for FirstDocs {
    type Fruit = Vec<DocAddress>;
    type Child = FirstDocsSegment;

    fn for_segment(&self, segment: SegmentOrdinal, _reader: &SegmentReader) -> tantivy::Result<FirstDocsSegment> {
        Ok(FirstDocsSegment { segment, limit: self.0, docs: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<DocAddress>>) -> tantivy::Result<Vec<DocAddress>> {
        Ok(fruits.into_iter().flatten().take(self.0).collect())
    }
}

/// Near matches found, and how many there are in all.
#[derive(Default)]
pub(crate) struct NearMatches {
    pub total: u64,
    pub hits: Vec<Hit>,
}

/// What a near search needs from the search it follows.
pub(crate) struct NearSearch<'a> {
    pub searcher: &'a Searcher,
    pub compiled: &'a CompiledQuery,
    pub filters: &'a Filters,
    /// Every exact match (fewer than [`NEAR_BELOW`]).
    pub exact: &'a [DocAddress],
    pub sort: Sort,
    pub links: Arc<LinksView>,
    pub highlighter: &'a Highlighter,
}

impl Snapshot {
    /// The publications matching all requirements but one, best first,
    /// each with the requirement it lacks.
    pub(crate) fn near_matches(&self, near: NearSearch<'_>) -> Result<NearMatches, QueryError> {
        let Some(query) = near.compiled.all_but_one() else { return Ok(NearMatches::default()) };
        let query = near.filters.apply(&*query, None);
        let collector = (top_collector(NEAR_HITS + near.exact.len(), 0, near.sort, near.links.clone()), Count);
        let (top, count) = near.searcher.search(&*query, &collector)?;
        let requirements: Vec<(String, Box<dyn Weight>)> = near
            .compiled
            .required
            .iter()
            .map(|r| Ok((r.label.clone(), r.query.weight(EnableScoring::disabled_from_searcher(near.searcher))?)))
            .collect::<tantivy::Result<_>>()?;
        let hits = top
            .into_iter()
            .filter(|(_, address)| !near.exact.contains(address))
            .take(NEAR_HITS)
            .map(|(key, address)| {
                let mut hit = self.hit(near.searcher, address, score_of(key, near.sort), near.highlighter)?;
                hit.missing = missing(near.searcher, &requirements, address)?;
                Ok(hit)
            })
            .collect::<Result<Vec<_>, QueryError>>()?;
        Ok(NearMatches { total: (count as u64).saturating_sub(near.exact.len() as u64), hits })
    }
}

/// The labels of the requirements the document at `address` does not meet.
fn missing(
    searcher: &Searcher,
    requirements: &[(String, Box<dyn Weight>)],
    address: DocAddress,
) -> tantivy::Result<Vec<String>> {
    let segment = searcher.segment_reader(address.segment_ord);
    let mut lacking = Vec::new();
    for (label, weight) in requirements {
        // A new scorer stands on its first document already, and may not
        // seek backwards.
        let mut scorer = weight.scorer(segment, 1.0)?;
        let at = if scorer.doc() < address.doc_id { scorer.seek(address.doc_id) } else { scorer.doc() };
        if at != address.doc_id {
            lacking.push(label.clone());
        }
    }
    Ok(lacking)
}

#[cfg(test)]
mod tests {
    use crate::testing::{Fixture, request};

    #[test]
    fn few_exact_matches_bring_near_matches_marked_with_the_word_they_lack() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let response = snapshot.search(&request("法律援助 人民调解", &[])).unwrap();
        assert!(response.total < super::NEAR_BELOW as u64);
        assert!(response.near_total > 0, "documents with one of the two words");
        assert_eq!(response.near_hits.len(), (response.near_total as usize).min(super::NEAR_HITS));
        for hit in &response.near_hits {
            assert_eq!(hit.missing.len(), 1, "{}: {:?}", hit.id, hit.missing);
            assert!(response.hits.iter().all(|h| h.id != hit.id), "exact matches are not repeated");
        }
        let lacking: Vec<&str> = response.near_hits.iter().map(|h| h.missing[0].as_str()).collect();
        assert!(lacking.contains(&"人民调解") && lacking.contains(&"法律援助"), "{lacking:?}");
        let total_without = snapshot.count(&snapshot.searcher(), &request("法律援助 人民调解", &[])).unwrap();
        assert_eq!(response.total, total_without, "the total counts exact matches only");
        let facet_sum: u64 = response.facets.kind.iter().map(|f| f.count).sum();
        assert_eq!(facet_sum, response.total, "so do the facets");

        let exact = snapshot.search(&request("法律援助 人民调解", &[("exact", "true")])).unwrap();
        assert_eq!((exact.near_total, exact.near_hits.len()), (0, 0), "exact=true turns them off");
        let one_word = snapshot.search(&request("法律援助", &[])).unwrap();
        assert_eq!(one_word.near_total, 0, "one word has no near matches");
    }
}
