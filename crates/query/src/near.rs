//! Near matches: when a search finds few publications, those that match
//! every word but one, shown below the exact ones and marked with the word
//! they lack (缺少：情况), as web search engines do. A researcher's long
//! query (普法工作情况报告) then also shows the 普法工作年度报告 it would
//! miss. They fill the first page, after every exact match, up to its
//! size; totals and facets count exact matches only (`near_total` counts
//! the near ones); `exact=true` turns them off.

use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader};

use crate::QueryError;
use crate::Snapshot;
use crate::compile::CompiledQuery;
use crate::filters::Filters;
use crate::highlight::Highlighter;
use crate::ranking::score_of;
use crate::request::{SearchRequest, Sort};
use crate::response::Hit;

/// With fewer exact matches than this, near matches are shown.
pub const NEAR_BELOW: usize = 10;

/// Whether a search may show near matches: asked for, on its first page,
/// with two requirements or more ("all but one" of one is anything).
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
    /// How many near matches the page has room for.
    pub room: usize,
    pub sort: Sort,
    pub highlighter: &'a Highlighter,
}

impl Snapshot {
    /// The publications matching all requirements but one, best first,
    /// each with the requirement it lacks.
    pub(crate) fn near_matches(&self, near: NearSearch<'_>) -> Result<NearMatches, QueryError> {
        let Some(query) = near.compiled.all_but_one() else { return Ok(NearMatches::default()) };
        let query = near.filters.apply(&*query, None);
        let collector = (self.top_collector(near.room + near.exact.len(), 0, near.sort), Count);
        let (top, count) = near.searcher.search(&*query, &collector)?;
        let top: Vec<_> =
            top.into_iter().filter(|(_, address)| !near.exact.contains(address)).take(near.room).collect();
        let addresses: Vec<DocAddress> = top.iter().map(|(_, address)| *address).collect();
        let mut lacking = missing(near.searcher, near.compiled, &addresses)?;
        let hits = top
            .into_iter()
            .zip(lacking.iter_mut())
            .map(|((key, address), lacking)| {
                let mut hit = self.hit(near.searcher, address, score_of(key, near.sort), near.highlighter)?;
                hit.missing = std::mem::take(lacking);
                Ok(hit)
            })
            .collect::<Result<Vec<_>, QueryError>>()?;
        Ok(NearMatches { total: (count as u64).saturating_sub(near.exact.len() as u64), hits })
    }
}

/// For each document, the labels of the requirements it does not meet:
/// each requirement's documents are walked once per segment, in order.
fn missing(
    searcher: &Searcher,
    compiled: &CompiledQuery,
    addresses: &[DocAddress],
) -> tantivy::Result<Vec<Vec<String>>> {
    let mut lacking = vec![Vec::new(); addresses.len()];
    let mut in_order: Vec<usize> = (0..addresses.len()).collect();
    in_order.sort_by_key(|&i| addresses[i]);
    for requirement in &compiled.required {
        let weight = requirement.query.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let mut scorer: Option<(u32, Box<dyn tantivy::query::Scorer>)> = None;
        for &i in &in_order {
            let DocAddress { segment_ord, doc_id } = addresses[i];
            if scorer.as_ref().is_none_or(|(segment, _)| *segment != segment_ord) {
                scorer = Some((segment_ord, weight.scorer(searcher.segment_reader(segment_ord), 1.0)?));
            }
            let (_, docs) = scorer.as_mut().expect("a scorer for this segment");
            // A scorer stands on its first document already and never
            // seeks backwards; the documents come in order.
            let at = if docs.doc() < doc_id { docs.seek(doc_id) } else { docs.doc() };
            if at != doc_id {
                lacking[i].push(requirement.label.clone());
            }
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
        assert_eq!(response.near_hits.len(), (response.near_total as usize).min(10 - response.hits.len()));
        for hit in &response.near_hits {
            assert_eq!(hit.missing.len(), 1, "{}: {:?}", hit.id, hit.missing);
            assert!(response.hits.iter().all(|h| h.id != hit.id), "exact matches are not repeated");
        }
        let lacking: Vec<&str> = response.near_hits.iter().map(|h| h.missing[0].as_str()).collect();
        assert!(lacking.contains(&"人民调解") && lacking.contains(&"法律援助"), "{lacking:?}");
        let total_without = snapshot.count(&snapshot.searcher(), &request("法律援助 人民调解", &[])).unwrap();
        assert_eq!(response.total, total_without, "the total counts exact matches only");
        let facet_sum: u64 = response.facets.get("kind").unwrap_or_default().iter().map(|f| f.count).sum();
        assert_eq!(facet_sum, response.total, "so do the facets");

        let exact = snapshot.search(&request("法律援助 人民调解", &[("exact", "true")])).unwrap();
        assert_eq!((exact.near_total, exact.near_hits.len()), (0, 0), "exact=true turns them off");
        let one_word = snapshot.search(&request("法律援助", &[])).unwrap();
        assert_eq!(one_word.near_total, 0, "one word has no near matches");
    }
}
