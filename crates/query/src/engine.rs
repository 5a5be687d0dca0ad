//! The search engine over the live index generation, with hot reload.
//!
//! A [`SearchEngine`] hands out [`Snapshot`]s: an open generation and its
//! reader. A request keeps its snapshot to the end, so switching to a new
//! generation (after `sifa reindex`) never fails a request in flight.
//! Within a generation, tantivy's reader picks up `add`/`delete` commits.

use std::collections::{BTreeSet, HashSet};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use sifa_indexer::{IndexLocation, IndexStats, OpenIndex, from_document, from_document_without_evidence};
use sifa_model::{Kind, Publication};
use tantivy::collector::{Collector, Count, FacetCollector, FacetCounts, MultiCollector, SegmentCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, OwnedValue};
use tantivy::{DocAddress, DocId, IndexReader, ReloadPolicy, Score, Searcher, SegmentReader, TantivyDocument, Term};

use crate::QueryError;
use crate::build::{Dimension, Filters, QueryBuilder};
use crate::highlight::Highlighter;
use crate::parse::{ParsedQuery, parse};
use crate::request::{SearchRequest, Sort};
use crate::response::{DocumentView, FacetCount, Facets, Hit, SearchResponse, Suggestion};

/// Days since the epoch used for documents without a date: after all
/// dated documents in either date order.
const NO_DATE: f64 = -1e12;
/// How much of a document's body feeds "similar publications".
const SIMILAR_SOURCE_CHARS: usize = 3000;

/// An open generation and its reader.
pub struct Snapshot {
    pub open: OpenIndex,
    pub reader: IndexReader,
}

/// Searches the live generation of an index directory.
pub struct SearchEngine {
    location: IndexLocation,
    current: RwLock<Arc<Snapshot>>,
}

/// Decompressed doc-store blocks kept per segment (64 KiB each): hits and
/// snippets of popular documents are read without decompressing again.
const DOC_STORE_CACHE_BLOCKS: usize = 400;

fn open_snapshot(open: OpenIndex) -> Result<Snapshot, QueryError> {
    let reader = open
        .index
        .reader_builder()
        .reload_policy(ReloadPolicy::OnCommitWithDelay)
        .doc_store_cache_num_blocks(DOC_STORE_CACHE_BLOCKS)
        .try_into()?;
    Ok(Snapshot { open, reader })
}

impl SearchEngine {
    pub fn open(location: IndexLocation) -> Result<Self, QueryError> {
        let snapshot = open_snapshot(OpenIndex::open(&location)?)?;
        Ok(Self { location, current: RwLock::new(Arc::new(snapshot)) })
    }

    /// The snapshot to answer one request with.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Switches to a new generation if `CURRENT` names one; returns whether
    /// it switched. The dictionary is reused when unchanged.
    pub fn refresh(&self) -> Result<bool, QueryError> {
        let live = self.location.current()?;
        let snapshot = self.snapshot();
        if live.as_deref() == Some(snapshot.open.generation.as_str()) {
            return Ok(false);
        }
        let open = OpenIndex::reopen(&self.location, &snapshot.open.analysis)?;
        let fresh = Arc::new(open_snapshot(open)?);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = fresh;
        Ok(true)
    }
}

/// The order key of a hit: larger first. Scores and dates share one key
/// type so that one collector serves every sort.
type SortKey = (f64, f64);

fn top_collector(
    limit: usize,
    offset: usize,
    sort: Sort,
) -> impl tantivy::collector::Collector<Fruit = Vec<(SortKey, DocAddress)>> {
    TopDocs::with_limit(limit).and_offset(offset).tweak_score(move |segment: &SegmentReader| {
        let dates = segment.fast_fields().date("date").ok();
        move |doc, score| {
            let days = dates
                .as_ref()
                .and_then(|c| c.first(doc))
                .map_or(NO_DATE, |d| (d.into_timestamp_secs() / 86_400) as f64);
            match sort {
                Sort::Relevance => (f64::from(score), days),
                Sort::DateDesc => (days, f64::from(score)),
                Sort::DateAsc => (if days == NO_DATE { NO_DATE } else { -days }, f64::from(score)),
            }
        }
    })
}

fn score_of(key: SortKey, sort: Sort) -> f32 {
    match sort {
        Sort::Relevance => key.0 as f32,
        _ => key.1 as f32,
    }
}

/// A stored text field of a document.
fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    use tantivy::schema::Value;
    doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string)
}

impl Snapshot {
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    fn builder(&self) -> QueryBuilder<'_> {
        QueryBuilder { schema: &self.open.schema, analysis: &self.open.analysis }
    }

    /// Runs a search with its facets.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResponse, QueryError> {
        let started = Instant::now();
        let searcher = self.searcher();
        let parsed = parse(&request.query);
        let builder = self.builder();
        let base: Box<dyn Query> = builder
            .text_query(&parsed)
            .or_else(|| builder.exclusions_only(&parsed))
            .unwrap_or_else(|| Box::new(AllQuery));
        // An empty query browses, newest first.
        let sort = if parsed.is_empty() && request.sort == Sort::Relevance { Sort::DateDesc } else { request.sort };
        let filters = Filters::build(&builder, request);
        let main = filters.apply(&*base, None);
        let wanted = request.facets;

        let mut collectors = MultiCollector::new();
        let top =
            collectors.add_collector(top_collector(request.per_page, (request.page - 1) * request.per_page, sort));
        let count = collectors.add_collector(Count);
        let agency_roots = if wanted.agency { self.agency_roots(&searcher, &request.agencies)? } else { Vec::new() };
        let top_level = [Facet::root()];
        let agency_here = (wanted.agency && !filters.is_active(Dimension::Agency))
            .then(|| collectors.add_collector(FacetTree::new("agency_facet", &agency_roots)));
        let topic_here = (wanted.topic && !filters.is_active(Dimension::Topic))
            .then(|| collectors.add_collector(FacetTree::new("topic_facet", &top_level)));
        let kind_here = (wanted.kind && !filters.is_active(Dimension::Kind))
            .then(|| collectors.add_collector(FacetTree::new("kind_facet", &top_level)));
        let month_roots = month_roots(request);
        let timeline_roots: Vec<Facet> = top_level.iter().chain(&month_roots).cloned().collect();
        let timeline = wanted.year.then(|| collectors.add_collector(FacetTree::new("timeline_facet", &timeline_roots)));
        let mut fruits = searcher.search(&*main, &collectors)?;

        // Disjunctive counts: a dimension with an active filter is counted
        // with every filter but its own.
        let counts_without = |dimension: Dimension, field: &str, roots: &[Facet]| -> Result<RootCounts, QueryError> {
            let query = filters.apply(&*base, Some(dimension));
            Ok(searcher.search(&*query, &FacetTree::new(field, roots))?)
        };
        let agency_counts = match agency_here {
            Some(handle) => Some(handle.extract(&mut fruits)),
            None if wanted.agency => Some(counts_without(Dimension::Agency, "agency_facet", &agency_roots)?),
            None => None,
        };
        let topic_counts = match topic_here {
            Some(handle) => Some(handle.extract(&mut fruits)),
            None if wanted.topic => Some(counts_without(Dimension::Topic, "topic_facet", &top_level)?),
            None => None,
        };
        let kind_counts = match kind_here {
            Some(handle) => Some(handle.extract(&mut fruits)),
            None if wanted.kind => Some(counts_without(Dimension::Kind, "kind_facet", &top_level)?),
            None => None,
        };
        let timeline_counts = timeline.map(|handle| handle.extract(&mut fruits));
        let top_docs = top.extract(&mut fruits);
        let total = count.extract(&mut fruits) as u64;

        let highlighter = Highlighter::new(&parsed, &self.open.analysis);
        let hits = top_docs
            .into_iter()
            .map(|(key, address)| self.hit(&searcher, address, score_of(key, sort), &highlighter))
            .collect::<Result<Vec<_>, _>>()?;
        let selected_agencies: HashSet<&str> = request.agencies.iter().map(String::as_str).collect();
        let facets = Facets {
            agency: agency_counts.map(|c| agency_facet(&c, &agency_roots, &selected_agencies)).unwrap_or_default(),
            topic: topic_counts.map(|c| flat_facet(&c, &request.topics, |v| v.to_string())).unwrap_or_default(),
            kind: kind_counts
                .map(|c| {
                    let kinds: Vec<String> = request.kinds.iter().map(|k| k.as_str().to_string()).collect();
                    flat_facet(&c, &kinds, |v| Kind::parse(v).map_or(v.to_string(), |k| k.label_zh().to_string()))
                })
                .unwrap_or_default(),
            year: timeline_counts.as_ref().map(year_facet).unwrap_or_default(),
            month: timeline_counts.as_ref().map(|c| month_facet(c, &month_roots)).unwrap_or_default(),
        };
        Ok(SearchResponse {
            total,
            took_ms: (started.elapsed().as_secs_f64() * 1e6).round() / 1e3,
            page: request.page,
            per_page: request.per_page,
            hits,
            facets,
        })
    }

    /// Facet roots for the agency drill-down: the top level, and every
    /// selected path with its ancestors.
    fn agency_roots(&self, searcher: &Searcher, selected: &[String]) -> Result<Vec<Facet>, QueryError> {
        let mut roots: BTreeSet<Vec<String>> = BTreeSet::new();
        roots.insert(Vec::new());
        for value in selected {
            let path = self.agency_path(searcher, value)?;
            for depth in 1..=path.len() {
                roots.insert(path[..depth].to_vec());
            }
        }
        Ok(roots.into_iter().map(|p| if p.is_empty() { Facet::root() } else { Facet::from_path(p) }).collect())
    }

    /// The facet path of a selected agency value: a path as given, or the
    /// path of the publications of a canonical agency name.
    fn agency_path(&self, searcher: &Searcher, value: &str) -> Result<Vec<String>, QueryError> {
        if value.contains('/') {
            return Ok(value.split('/').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect());
        }
        let query = TermQuery::new(Term::from_field_text(self.open.schema.agency, value), IndexRecordOption::Basic);
        let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, address)) = found.first() else { return Ok(vec![value.to_string()]) };
        let publication = from_document(&self.open.schema, &searcher.doc(*address)?);
        let mut path = publication.agency_path;
        path.push(value.to_string());
        Ok(path)
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        highlighter: &Highlighter,
    ) -> Result<Hit, QueryError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let p = from_document_without_evidence(&self.open.schema, &doc);
        Ok(Hit {
            title_html: highlighter.mark_all(&p.title),
            snippet_html: highlighter.snippet(&p.body),
            id: p.id,
            title: p.title,
            agency: p.agency,
            agency_path: p.agency_path,
            date: p.date.map(|d| d.to_string()),
            kind: p.kind.as_str().to_string(),
            topics: p.topics.into_iter().map(|t| t.name).collect(),
            url: p.url,
            source: p.source.to_string(),
            score,
        })
    }

    fn find(&self, searcher: &Searcher, id: &str) -> Result<(DocAddress, Publication), QueryError> {
        let query = TermQuery::new(Term::from_field_text(self.open.schema.id, id), IndexRecordOption::Basic);
        let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let (_, address) = found.first().ok_or_else(|| QueryError::DocumentNotFound(id.to_string()))?;
        Ok((*address, from_document(&self.open.schema, &searcher.doc(*address)?)))
    }

    /// A whole publication; with `query`, its words are marked in `body_html`.
    pub fn document(&self, id: &str, query: Option<&str>) -> Result<DocumentView, QueryError> {
        let searcher = self.searcher();
        let (_, p) = self.find(&searcher, id)?;
        let body_html = query
            .filter(|q| !q.trim().is_empty())
            .map(|q| Highlighter::new(&parse(q), &self.open.analysis).mark_all(&p.body));
        Ok(DocumentView {
            chars: p.chars(),
            id: p.id,
            title: p.title,
            body: p.body,
            body_html,
            agency: p.agency,
            agency_path: p.agency_path,
            agency_level: p.agency_level.map(|l| l.as_str().to_string()),
            date_precision: p.date.map(|d| format!("{:?}", d.precision()).to_lowercase()),
            date: p.date.map(|d| d.to_string()),
            kind: p.kind.as_str().to_string(),
            kind_label: p.kind.label_zh().to_string(),
            topics: p.topics,
            url: p.url,
            source: p.source.to_string(),
            evidence: p.evidence,
        })
    }

    /// Publications most like `id`, by the distinctive words of its title
    /// and opening text.
    pub fn similar(&self, id: &str, limit: usize) -> Result<Vec<Hit>, QueryError> {
        let searcher = self.searcher();
        let schema = &self.open.schema;
        let (_, p) = self.find(&searcher, id)?;
        let opening: String = p.body.chars().take(SIMILAR_SOURCE_CHARS).collect();
        let like = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_max_doc_frequency((searcher.num_docs() / 5).max(10))
            .with_min_term_frequency(1)
            .with_max_query_terms(30)
            .with_min_word_length(2)
            .with_document_fields(vec![
                (schema.title_words, vec![OwnedValue::from(sifa_analysis::fold(&p.title))]),
                (schema.body_words, vec![OwnedValue::from(sifa_analysis::fold(&opening))]),
            ]);
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(like) as Box<dyn Query>),
            (Occur::MustNot, Box::new(TermQuery::new(Term::from_field_text(schema.id, id), IndexRecordOption::Basic))),
        ]);
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let highlighter = Highlighter::new(&ParsedQuery::default(), &self.open.analysis);
        top.into_iter().map(|(score, address)| self.hit(&searcher, address, score, &highlighter)).collect()
    }

    /// Completions for the search box: agencies and topics containing the
    /// typed text, then titles that contain it.
    pub fn suggest(&self, typed: &str, limit: usize) -> Result<Vec<Suggestion>, QueryError> {
        let folded = sifa_analysis::fold(typed.trim());
        if !folded.chars().any(char::is_alphanumeric) {
            return Ok(Vec::new());
        }
        let searcher = self.searcher();
        let mut out: Vec<Suggestion> = Vec::new();
        for topic in sifa_model::TOPICS.iter().filter(|t| t.contains(folded.as_str())) {
            out.push(Suggestion { text: topic.to_string(), kind: "topic" });
        }
        let mut agencies: BTreeSet<String> = BTreeSet::new();
        for segment in searcher.segment_readers() {
            let index = segment.inverted_index(self.open.schema.agency)?;
            let mut stream = index.terms().stream().map_err(|e| QueryError::Internal(e.to_string()))?;
            while stream.advance() {
                if let Ok(name) = std::str::from_utf8(stream.key())
                    && name.contains(folded.as_str())
                {
                    agencies.insert(name.to_string());
                }
            }
        }
        out.extend(agencies.into_iter().take(limit).map(|text| Suggestion { text, kind: "agency" }));
        let builder = self.builder();
        if let Some(query) = builder.clause(&crate::parse::Clause {
            text: folded.clone(),
            phrase: true,
            scope: crate::parse::Scope::Title,
        }) {
            for (_, address) in searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())? {
                let title = text(&searcher.doc(address)?, self.open.schema.title).unwrap_or_default();
                if !out.iter().any(|s| s.text == title) {
                    out.push(Suggestion { text: title, kind: "title" });
                }
            }
        }
        out.truncate(limit);
        Ok(out)
    }

    pub fn stats(&self) -> Result<IndexStats, QueryError> {
        Ok(IndexStats::compute(&self.open)?)
    }
}

/// Counts of the children of several roots of one facet field.
///
/// tantivy's `FacetCollector` refuses a root below another root, so a tree
/// drill-down (`/`, `/山东省`, `/山东省/聊城市`) takes one collector per root.
struct FacetTree {
    collectors: Vec<(Facet, FacetCollector)>,
}

impl FacetTree {
    fn new(field: &str, roots: &[Facet]) -> Self {
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
pub struct RootCounts(Vec<(Facet, FacetCounts)>);

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
struct FacetTreeSegment(Vec<<FacetCollector as Collector>::Child>);

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
        (Some(from), Some(to)) if to.days_since_epoch() - from.days_since_epoch() <= 731 => {
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
