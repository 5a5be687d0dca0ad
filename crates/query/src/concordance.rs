//! A keyword-in-context concordance: every place where a query word
//! stands in the titles and bodies a search matches, one line each, with
//! its left and right context, as corpus linguists read a term.
//!
//! Lines are found by the one matching rule ([`crate::matching`], through
//! [`Highlighter::occurrences`]): in folded text with the marks that do
//! not end a clause read as absent, so 立、改、废、释 is a line of 立改废释
//! and a word inside a longer word is found (调解 in 调解员), which
//! concordancers that need text cut into words miss. The documents are
//! the search's, with the same parameters, so `total_documents` is the
//! search's total. Contexts are cut at their length and at a paragraph
//! break, and are the document's own characters (traditional text stays
//! traditional).

use std::cmp::Ordering;

use schemars::JsonSchema;
use serde::Serialize;
use sifa_store::{stored_text, summary_of};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::filters::Filters;
use crate::highlight::Highlighter;
use crate::limits::{DEFAULT_CONTEXT, DEFAULT_LINES, MAX_CONTEXT, MAX_LINES};
use crate::request::{SearchRequest, Sort};
use crate::search::effective_sort;
use crate::synonyms::ExpandedTerm;
use crate::{QueryError, Snapshot};

/// The order of the lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConcordanceSort {
    /// By the left context read backwards from the match (what precedes the word).
    Left,
    /// By the right context (what follows the word).
    Right,
    /// Newest publication first (undated last), then by place in the text.
    Date,
    /// In the search's order, then by place in the text.
    #[default]
    Relevance,
}

/// The concordance's own parameters as they arrive (described in
/// [`crate::parameters::concordance_parameters`]); the search parameters
/// come beside them.
#[derive(Debug, Clone, Default)]
pub struct ConcordanceParams {
    pub context: Option<String>,
    pub sort: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

/// A validated concordance request.
#[derive(Debug, Clone, Copy)]
pub struct ConcordanceRequest {
    pub context: usize,
    pub sort: ConcordanceSort,
    pub page: usize,
    pub per_page: usize,
}

impl Default for ConcordanceRequest {
    fn default() -> Self {
        Self { context: DEFAULT_CONTEXT, sort: ConcordanceSort::Relevance, page: 1, per_page: DEFAULT_LINES }
    }
}

fn number(name: &'static str, value: Option<&str>, default: usize, range: (usize, usize)) -> Result<usize, QueryError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(default) };
    match value.parse::<usize>() {
        Ok(n) if (range.0..=range.1).contains(&n) => Ok(n),
        _ => Err(QueryError::invalid(name, format!("{name} must be a whole number from {} to {}", range.0, range.1))),
    }
}

impl ConcordanceRequest {
    pub fn from_params(params: &ConcordanceParams) -> Result<Self, QueryError> {
        let sort = match params.sort.as_deref().map(str::trim) {
            None | Some("" | "relevance") => ConcordanceSort::Relevance,
            Some("left") => ConcordanceSort::Left,
            Some("right") => ConcordanceSort::Right,
            Some("date") => ConcordanceSort::Date,
            Some(other) => {
                return Err(QueryError::invalid(
                    "sort",
                    format!("{other:?} is not a sort; use left, right, date or relevance"),
                ));
            }
        };
        Ok(Self {
            context: number("context", params.context.as_deref(), DEFAULT_CONTEXT, (0, MAX_CONTEXT))?,
            sort,
            page: number("page", params.page.as_deref(), 1, (1, usize::MAX))?,
            per_page: number("per_page", params.per_page.as_deref(), DEFAULT_LINES, (1, MAX_LINES))?,
        })
    }
}

/// Which text of a publication a line is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConcordanceField {
    Title,
    Body,
}

/// One place where a query word stands.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct ConcordanceLine {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub agency: Option<String>,
    /// The text the line is in.
    pub field: ConcordanceField,
    /// Where the match begins in that text, in characters from its start.
    pub start: usize,
    /// Up to `context` characters before the match, within its paragraph.
    pub left: String,
    /// The match as written in the document (marks inside it included).
    #[serde(rename = "match")]
    pub matched: String,
    /// Up to `context` characters after the match, within its paragraph.
    pub right: String,
}

/// `GET /api/v1/concordance`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ConcordanceResponse {
    pub query: String,
    /// Every place a query word stands in the matching titles and bodies.
    pub total_occurrences: u64,
    /// The publications the search matches (its `total`).
    pub total_documents: u64,
    pub sort: ConcordanceSort,
    pub context: usize,
    pub page: usize,
    pub per_page: usize,
    /// The lines of the page.
    pub lines: Vec<ConcordanceLine>,
    /// Words of the query also searched as the field's abbreviations and synonyms (their places are lines too).
    pub expanded: Vec<ExpandedTerm>,
    pub took_ms: f64,
}

/// Most threads one concordance reads its documents on.
const MAX_READERS: usize = 4;

/// A line with the rank of its publication in the search's order.
struct Ranked {
    rank: usize,
    days: f64,
    line: ConcordanceLine,
}

impl Snapshot {
    /// Every line of the search's matches, sorted, and the page asked for.
    pub fn concordance(
        &self,
        request: &SearchRequest,
        concordance: ConcordanceRequest,
    ) -> Result<ConcordanceResponse, QueryError> {
        let started = std::time::Instant::now();
        let (total_documents, mut lines, expanded) = self.concordance_lines(request, concordance)?;
        sort_lines(&mut lines, concordance.sort);
        let total_occurrences = lines.len() as u64;
        let offset = (concordance.page - 1).saturating_mul(concordance.per_page);
        let page = lines.into_iter().skip(offset).take(concordance.per_page).map(|r| r.line).collect();
        Ok(ConcordanceResponse {
            query: request.query.clone(),
            total_occurrences,
            total_documents,
            sort: concordance.sort,
            context: concordance.context,
            page: concordance.page,
            per_page: concordance.per_page,
            lines: page,
            expanded,
            took_ms: (started.elapsed().as_secs_f64() * 1e6).round() / 1e3,
        })
    }

    /// Every line of every matching publication (unsorted), the number of
    /// publications and the synonyms searched.
    fn concordance_lines(
        &self,
        request: &SearchRequest,
        concordance: ConcordanceRequest,
    ) -> Result<(u64, Vec<Ranked>, Vec<ExpandedTerm>), QueryError> {
        let searcher = self.searcher();
        let base = self.base_query(request);
        let highlighter = Highlighter::new(&base.expansion.highlighted(&base.parsed), &self.open.analysis);
        if !highlighter.has_words() {
            return Err(QueryError::invalid("q", "a concordance needs a word to look for"));
        }
        let query = Filters::build(&self.builder(), request, &self.links()).apply(&*base.query, None);
        let order = match concordance.sort {
            ConcordanceSort::Date => Sort::DateDesc,
            _ => effective_sort(base.parsed.is_empty(), Sort::Relevance),
        };
        let limit = (searcher.num_docs() as usize).max(1);
        let ranked = searcher.search(&*query, &self.top_collector(limit, 0, order))?;
        // Read in index order, so that each block of the document store is
        // decompressed once.
        let mut addresses: Vec<(DocAddress, usize)> =
            ranked.iter().enumerate().map(|(rank, (_, address))| (*address, rank)).collect();
        addresses.sort_unstable();
        // Reading and folding every matching text is the work: it is shared
        // between the cores, each taking a run of the index.
        let readers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, MAX_READERS);
        let run = addresses.len().div_ceil(readers).max(1);
        let context = concordance.context;
        let parts: Vec<Result<Vec<Ranked>, QueryError>> = std::thread::scope(|scope| {
            let readers: Vec<_> = addresses
                .chunks(run)
                .map(|part| scope.spawn(|| self.read_lines(&searcher, part, &highlighter, context)))
                .collect();
            readers.into_iter().map(|r| r.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
        });
        let mut lines = Vec::new();
        for part in parts {
            lines.extend(part?);
        }
        Ok((ranked.len() as u64, lines, base.expansion.expanded))
    }

    /// The lines of the publications at `addresses`, each with its rank.
    fn read_lines(
        &self,
        searcher: &Searcher,
        addresses: &[(DocAddress, usize)],
        highlighter: &Highlighter,
        context: usize,
    ) -> Result<Vec<Ranked>, QueryError> {
        let mut lines = Vec::new();
        for &(address, rank) in addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            let days = self.order_cache().of(searcher.segment_reader(address.segment_ord)).days(address.doc_id);
            self.lines_of(&doc, highlighter, context, |line| lines.push(Ranked { rank, days, line }));
        }
        Ok(lines)
    }

    /// The lines of one stored publication, title first.
    fn lines_of(
        &self,
        doc: &TantivyDocument,
        highlighter: &Highlighter,
        context: usize,
        mut line: impl FnMut(ConcordanceLine),
    ) {
        let schema = &self.open.schema;
        let summary = summary_of(schema, doc);
        let date = summary.date.map(|d| d.to_string());
        for (field, text) in
            [(ConcordanceField::Title, summary.title.as_str()), (ConcordanceField::Body, stored_text(doc, schema.body))]
        {
            // Spans come in order of their start: bytes are found by walking on.
            let (mut at_char, mut at_byte) = (0, 0);
            for (start, end) in highlighter.occurrences(text) {
                at_byte += byte_after(&text[at_byte..], start - at_char);
                at_char = start;
                let end_byte = at_byte + byte_after(&text[at_byte..], end - start);
                let (left, right) = contexts(text, at_byte, end_byte, context);
                line(ConcordanceLine {
                    id: summary.id.clone(),
                    title: summary.title.clone(),
                    date: date.clone(),
                    agency: summary.agency.clone(),
                    field,
                    start,
                    left: text[left..at_byte].to_string(),
                    matched: text[at_byte..end_byte].to_string(),
                    right: text[end_byte..right].to_string(),
                });
            }
        }
    }
}

/// The byte offset in `text` of its `chars`-th character (its length when there are no more).
fn byte_after(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(byte, _)| byte)
}

/// Whether `c` ends a paragraph: a context never runs across it.
fn is_paragraph_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Where the left context begins and the right one ends, in bytes:
/// `context` characters each side of the bytes `start..end` of `text`,
/// cut at a paragraph break.
fn contexts(text: &str, start: usize, end: usize, context: usize) -> (usize, usize) {
    let mut left = start;
    for (b, c) in text[..start].char_indices().rev().take(context) {
        if is_paragraph_break(c) {
            break;
        }
        left = b;
    }
    let mut right = end;
    for (b, c) in text[end..].char_indices().take(context) {
        if is_paragraph_break(c) {
            break;
        }
        right = end + b + c.len_utf8();
    }
    (left, right)
}

/// Orders lines by `sort`; ties keep the search's order and the place in the text.
fn sort_lines(lines: &mut [Ranked], sort: ConcordanceSort) {
    let in_order =
        |a: &Ranked, b: &Ranked| (a.rank, a.line.field, a.line.start).cmp(&(b.rank, b.line.field, b.line.start));
    match sort {
        ConcordanceSort::Left => {
            lines.sort_by(|a, b| a.line.left.chars().rev().cmp(b.line.left.chars().rev()).then_with(|| in_order(a, b)))
        }
        ConcordanceSort::Right => lines.sort_by(|a, b| a.line.right.cmp(&b.line.right).then_with(|| in_order(a, b))),
        ConcordanceSort::Date => {
            lines.sort_by(|a, b| b.days.partial_cmp(&a.days).unwrap_or(Ordering::Equal).then_with(|| in_order(a, b)))
        }
        ConcordanceSort::Relevance => lines.sort_by(in_order),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Fixture, publication, request};

    fn concordance(fixture: &Fixture, q: &str, sort: &str, context: &str) -> ConcordanceResponse {
        let params = ConcordanceParams {
            sort: Some(sort.into()),
            context: Some(context.into()),
            per_page: Some("100".into()),
            ..ConcordanceParams::default()
        };
        let snapshot = fixture.engine().snapshot();
        snapshot.concordance(&request(q, &[]), ConcordanceRequest::from_params(&params).unwrap()).unwrap()
    }

    #[test]
    fn every_place_is_a_line_cut_at_its_context_and_paragraph() {
        let documents = [
            publication("a", "司法局工作", "第一段讲司法局。\n第二段：司法局和司法局，还有司法、局。"),
            publication("b", "无关标题", "这里只有司法行政。"),
        ];
        let fixture = Fixture::of(&documents, &sifa_store::Links::default());
        let c = concordance(&fixture, "司法局", "relevance", "4");
        assert_eq!((c.total_documents, c.total_occurrences), (1, 5));
        let line = |i: usize| {
            let l = &c.lines[i];
            (l.field, l.left.as_str(), l.matched.as_str(), l.right.as_str())
        };
        assert_eq!(line(0), (ConcordanceField::Title, "", "司法局", "工作"));
        assert_eq!(line(1), (ConcordanceField::Body, "第一段讲", "司法局", "。"), "cut at the paragraph's end");
        assert_eq!(line(2), (ConcordanceField::Body, "第二段：", "司法局", "和司法局"), "from its start");
        assert_eq!(line(3), (ConcordanceField::Body, "司法局和", "司法局", "，还有司"));
        assert_eq!(
            line(4),
            (ConcordanceField::Body, "局，还有", "司法、局", "。"),
            "a mark inside the word is part of the match"
        );
        let body: Vec<char> = documents[0].body.chars().collect();
        for l in c.lines.iter().filter(|l| l.field == ConcordanceField::Body) {
            let at = l.start;
            let text: String = body
                [at - l.left.chars().count()..at + l.matched.chars().count() + l.right.chars().count()]
                .iter()
                .collect();
            assert_eq!(text, format!("{}{}{}", l.left, l.matched, l.right), "the document's own text");
        }
    }

    #[test]
    fn sorting_by_left_and_right_context_holds() {
        let fixture = Fixture::new();
        for sort in ["left", "right"] {
            let c = concordance(&fixture, "调解", sort, "10");
            assert!(c.lines.len() >= 3, "{sort}: {}", c.lines.len());
            for pair in c.lines.windows(2) {
                let ordered = if sort == "left" {
                    pair[0].left.chars().rev().cmp(pair[1].left.chars().rev()) != Ordering::Greater
                } else {
                    pair[0].right <= pair[1].right
                };
                assert!(ordered, "{sort}: {:?} then {:?}", pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn documents_are_the_search_total_and_words_are_required() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        for q in ["法律援助", "调解", "人民調解", "司法局 调解"] {
            let search = snapshot.search(&request(q, &[])).unwrap();
            assert_eq!(concordance(&fixture, q, "date", "20").total_documents, search.total, "{q}");
        }
        let empty = snapshot.concordance(&request("", &[]), ConcordanceRequest::default());
        assert!(matches!(empty, Err(QueryError::InvalidParameter { parameter: "q", .. })));
        let bad = ConcordanceParams { context: Some("101".into()), ..ConcordanceParams::default() };
        assert!(ConcordanceRequest::from_params(&bad).is_err());
    }
}
