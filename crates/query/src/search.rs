//! The main search: one pass for the top hits, the total and the facets of
//! unfiltered dimensions, then one count per dimension whose own filter is
//! active (disjunctive facets), then near matches when the exact ones are
//! few ([`crate::near`]).

use std::time::Instant;

use sifa_store::schema::names;
use tantivy::collector::{Collector, Count, FruitHandle, MultiCollector, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, Searcher, SegmentReader};

use crate::compile::CompiledQuery;
use crate::counting::Counter;
use crate::dimensions::DIMENSIONS;
use crate::facets::{DimensionCounts, FacetRoots, FacetTree, RootCounts};
use crate::filters::Filters;
use crate::highlight::Highlighter;
use crate::near::{FirstDocs, NEAR_BELOW, NearMatches, NearSearch};
use crate::parse::{ParsedQuery, parse};
use crate::ranking::{NO_DATE, SortKey, score_of};
use crate::request::{SearchRequest, Sort};
use crate::response::SearchResponse;
use crate::synonyms::Expansion;
use crate::{QueryError, Snapshot};

impl Snapshot {
    /// The best `limit` documents after `offset` in the order `sort`.
    pub(crate) fn top_collector(
        &self,
        limit: usize,
        offset: usize,
        sort: Sort,
    ) -> impl Collector<Fruit = Vec<(SortKey, DocAddress)>> + use<> {
        let links = self.links();
        let order = self.order_cache().clone();
        TopDocs::with_limit(limit).and_offset(offset).tweak_score(move |segment: &SegmentReader| {
            let keys = order.of(segment);
            let indexed = (sort == Sort::Newest).then(|| segment.fast_fields().date(names::INDEXED_AT).ok()).flatten();
            let cited_by = if sort == Sort::CitedBy { links.cited_by_counts(segment) } else { None };
            move |doc, score| {
                let days = keys.days(doc);
                match sort {
                    Sort::Relevance => (f64::from(score * keys.prior(doc)), days),
                    Sort::DateDesc => (days, f64::from(score)),
                    Sort::DateAsc => (if days == NO_DATE { NO_DATE } else { -days }, f64::from(score)),
                    Sort::Newest => {
                        let indexed =
                            || indexed.as_ref().and_then(|c| c.first(doc)).map(|d| d.into_timestamp_secs() as f64);
                        let when = if days == NO_DATE { indexed() } else { Some(days * 86_400.0) };
                        (when.unwrap_or(NO_DATE), f64::from(score))
                    }
                    Sort::CitedBy => (cited_by.as_ref().map_or(0.0, |count| f64::from(count(doc))), f64::from(score)),
                }
            }
        })
    }
}

/// The order actually used: an empty query browses, newest first.
pub(crate) fn effective_sort(query_is_empty: bool, requested: Sort) -> Sort {
    if query_is_empty && requested == Sort::Relevance { Sort::DateDesc } else { requested }
}

/// A request's query before filters: what was typed, what it was also
/// searched as, and the tantivy query of both (with its requirements kept
/// apart for near matches).
pub(crate) struct BaseQuery {
    pub parsed: ParsedQuery,
    pub expansion: Expansion,
    pub compiled: CompiledQuery,
    pub query: Box<dyn Query>,
}

impl Snapshot {
    /// The text part of `request`, expanded by the synonyms in force
    /// unless the request turns them off; all documents for an empty query.
    pub(crate) fn base_query(&self, request: &SearchRequest) -> BaseQuery {
        let parsed = parse(&request.query);
        let expansion =
            if request.expand { self.synonyms().expand(&parsed, &self.open.analysis) } else { Expansion::default() };
        let compiled = self.builder().compile(&parsed, &expansion);
        let query = compiled.exact();
        BaseQuery { parsed, expansion, compiled, query }
    }

    /// Runs a search with its facets.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse, QueryError> {
        let started = Instant::now();
        self.check_filter_values(request)?;
        let searcher = self.searcher();
        let BaseQuery { parsed, expansion, compiled, query: base } = self.base_query(request);
        let builder = self.builder();
        let sort = effective_sort(parsed.is_empty(), request.sort);
        let links = self.links();
        let filters = Filters::build(&builder, request, &links);
        let main = filters.apply(&*base, None);
        let wanted = request.facets;
        let roots = FacetRoots::for_request(self, &searcher, request)?;

        let mut collectors = MultiCollector::new();
        let offset = (request.page - 1) * request.per_page;
        let top = collectors.add_collector(self.top_collector(request.per_page, offset, sort));
        let count = collectors.add_collector(Count);
        let counter = |dimension| Counter::new(dimension, roots.of(dimension), self.facet_cache(), &links);
        // A dimension without a filter of its own is counted in the main pass.
        let here: Vec<Option<FruitHandle<RootCounts>>> = DIMENSIONS
            .iter()
            .map(|d| (wanted.asks(d) && !filters.is_active(d)).then(|| collectors.add_collector(counter(d))))
            .collect();
        let timeline = wanted.asks_dates().then(|| {
            collectors.add_collector(FacetTree::new(names::TIMELINE_FACET, &roots.timeline, self.facet_cache()))
        });
        let near_wanted = crate::near::wanted(request, &compiled);
        let first_docs = near_wanted.then(|| collectors.add_collector(FirstDocs(NEAR_BELOW)));
        let mut fruits = searcher.search(&*main, &collectors)?;

        // A dimension with an active filter is counted with every filter but its own.
        let mut dimensions = Vec::with_capacity(DIMENSIONS.len());
        for (dimension, handle) in DIMENSIONS.iter().zip(here) {
            dimensions.push(match handle {
                Some(handle) => Some(handle.extract(&mut fruits)),
                None if wanted.asks(dimension) => {
                    let query = filters.apply(&*base, Some(dimension));
                    Some(searcher.search(&*query, &counter(dimension))?)
                }
                None => None,
            });
        }
        let counts = DimensionCounts { dimensions, timeline: timeline.map(|handle| handle.extract(&mut fruits)) };
        let top_docs = top.extract(&mut fruits);
        let total = count.extract(&mut fruits) as u64;
        let exact = first_docs.map(|handle| handle.extract(&mut fruits)).unwrap_or_default();

        let highlighter = Highlighter::new(&expansion.highlighted(&parsed), &self.open.analysis);
        let hits = top_docs
            .into_iter()
            .map(|(key, address)| self.hit(&searcher, address, score_of(key, sort), &highlighter))
            .collect::<Result<Vec<_>, _>>()?;
        let near = if near_wanted && total < NEAR_BELOW as u64 {
            let room = request.per_page.saturating_sub(total as usize);
            let (filters, highlighter, exact) = (&filters, &highlighter, &exact);
            self.near_matches(NearSearch {
                searcher: &searcher,
                compiled: &compiled,
                filters,
                exact,
                room,
                sort,
                highlighter,
            })?
        } else {
            NearMatches::default()
        };
        Ok(SearchResponse {
            total,
            near_total: near.total,
            near_hits: near.hits,
            sort,
            took_ms: (started.elapsed().as_secs_f64() * 1e6).round() / 1e3,
            page: request.page,
            per_page: request.per_page,
            hits,
            facets: counts.into_facets(&roots, request),
            expanded: expansion.expanded,
        })
    }

    /// The number of documents a query matches, without facets or hits.
    pub fn count(&self, searcher: &Searcher, request: &SearchRequest) -> Result<u64, QueryError> {
        let base = self.base_query(request).query;
        let query = Filters::build(&self.builder(), request, &self.links()).apply(&*base, None);
        Ok(searcher.search(&*query, &Count)? as u64)
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{Fixture, request};

    #[test]
    fn words_match_titles_and_bodies_in_folded_form() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let response = snapshot.search(&request("法律援助", &[])).unwrap();
        let ids: Vec<&str> = response.hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids.first(), Some(&"law-aid"), "the title match ranks first: {ids:?}");
        assert!(ids.contains(&"aid-news"), "{ids:?}");
        let traditional = snapshot.search(&request("人民調解", &[])).unwrap();
        assert!(traditional.hits.iter().any(|h| h.id == "mediation-trad"), "traditional folds to simplified");
        assert!(traditional.hits[0].title_html.contains("<mark>"));
    }

    #[test]
    fn an_empty_query_browses_newest_first_and_pages() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let first = snapshot.search(&request("", &[("per_page", "2")])).unwrap();
        assert_eq!(first.total, crate::testing::DOCUMENTS as u64);
        let dates: Vec<Option<&str>> = first.hits.iter().map(|h| h.date.as_deref()).collect();
        assert_eq!(dates, [Some("2024-06-01"), Some("2024-03-15")]);
        let last = snapshot.search(&request("", &[("per_page", "2"), ("page", "3")])).unwrap();
        assert!(last.hits.iter().any(|h| h.date.is_none()), "undated documents come last");
    }

    #[test]
    fn a_quoted_phrase_finds_what_a_page_shows_beside_its_title_and_body() {
        use crate::testing::publication;
        let mut notice = publication("notice", "关于开展调解员培训的通知", "各调解组织：定于下月举办培训。");
        notice.aside = "首页 > 通知公告\n主题分类：人民调解\n关于开展2024年度人民调解员培训工作的通知".into();
        let plain = publication("plain", "调解员培训报名开始", "报名请到司法所。");
        let fixture = Fixture::of(&[notice, plain], &sifa_store::Links::default());
        let snapshot = fixture.engine().snapshot();
        let ids = |q: &str| -> Vec<String> {
            snapshot.search(&request(q, &[])).unwrap().hits.into_iter().map(|h| h.id).collect()
        };
        assert_eq!(ids("\"人民调解员培训工作\""), ["notice"], "a headline line the reader set aside");
        assert_eq!(ids("\"主题分类\""), ["notice"], "a metadata table's label");
        assert!(ids("主题分类").is_empty(), "a bare word counts only titles and bodies");
        assert_eq!(ids("\"调解员培训\""), ["notice", "plain"], "both titles; the aside adds no second match");
    }

    #[test]
    fn a_word_counts_the_documents_that_hold_it_contiguously() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let searcher = snapshot.searcher();
        let holding = |word: &str| {
            crate::testing::publications()
                .iter()
                .filter(|p| sifa_fold::fold(&format!("{}\n{}", p.title, p.body)).contains(word))
                .count() as u64
        };
        for word in ["司法局", "司法", "调解", "人民调解员", "法律援助", "公共法律服务", "援助法", "局"]
        {
            assert_eq!(snapshot.count(&searcher, &request(word, &[])).unwrap(), holding(word), "{word}");
        }
        assert_eq!(holding("司法局"), 4, "司法局 is in four titles, one traditional");
        assert!(holding("司法") > holding("司法局"), "a shorter word is found inside longer ones");
        assert_eq!(
            snapshot.count(&searcher, &request("司法局人民调解", &[])).unwrap(),
            2,
            "separate words of a run may stand apart"
        );
    }

    #[test]
    fn a_document_number_finds_its_document_first_then_the_texts_citing_it() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let typed = snapshot.search(&request("聊司发[2023]1号", &[])).unwrap();
        let ids: Vec<&str> = typed.hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["plan", "aid-news"], "the numbered plan, then the news citing it");
        assert_eq!(typed.hits[0].doc_no.as_deref(), Some(crate::testing::PLAN_DOC_NO));
        let exact = snapshot.search(&request("doc_no:聊司发（2023）1号", &[])).unwrap();
        assert_eq!(exact.total, 1);
        assert_eq!(exact.hits[0].id, "plan");
    }

    #[test]
    fn filters_and_exclusions_narrow_the_count() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let searcher = snapshot.searcher();
        assert_eq!(snapshot.count(&searcher, &request("调解", &[])).unwrap(), 3);
        assert_eq!(snapshot.count(&searcher, &request("调解 -人民调解", &[])).unwrap(), 0);
        assert_eq!(snapshot.count(&searcher, &request("调解", &[("agency", "山东省/青岛市")])).unwrap(), 1);
        assert_eq!(snapshot.count(&searcher, &request("", &[("topic", "法律援助")])).unwrap(), 3);
    }
}
