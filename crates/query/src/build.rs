//! A parsed query and filters to tantivy queries.
//!
//! A query word matches where its characters stand together (see
//! [`QueryBuilder::clause`]): each word of an unspaced run must occur
//! contiguously, found in the per-character fields, so counts are the
//! number of documents that hold the word (刑事诉讼 finds 刑事诉讼法, whose
//! jieba tokens never include 刑事诉讼; 司法局 is never 司法 … 局).
//! Ranking reads BM25 of the jieba pieces and compounds on the word fields.
//!
//! Title fields weigh [`TITLE_BOOST`] times the body. Filters never score.

use sifa_analysis::{CharTokenizer, ChineseAnalysis, fold};
use sifa_store::IndexSchema;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
    TermSetQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::tokenizer::{TokenStream, Tokenizer};
use tantivy::{DateTime, Term};

use crate::exclusion::ReadOut;
use crate::parse::{Clause, ParsedQuery, Scope};
use crate::request::SearchRequest;
use crate::synonyms::{EXPANSION_BOOST, Expansion};

/// How much more a title match counts than a body match.
pub const TITLE_BOOST: f32 = 3.0;
/// How much an exact contiguous match adds over scattered pieces.
pub const PHRASE_BOOST: f32 = 2.0;
/// The score of the document a document number names: above any text match.
pub const DOC_NO_BOOST: f32 = 1000.0;
/// The bonus of a title that is exactly the query (法律援助法 for the
/// 中华人民共和国法律援助法): it puts the named document first.
pub const EXACT_TITLE_BOOST: f32 = 20.0;
/// The bonus of a law-like title whose subject is the query (人民调解 for
/// 宁波市人民调解条例 and 中华人民共和国人民调解法): the documents about the
/// subject rise together and the authority prior orders them.
pub const SUBJECT_TITLE_BOOST: f32 = 8.0;

/// Builds queries for one index.
pub struct QueryBuilder<'a> {
    pub schema: &'a IndexSchema,
    pub analysis: &'a ChineseAnalysis,
}

fn boxed(q: impl Query + 'static) -> Box<dyn Query> {
    Box::new(q)
}

fn any_of(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match queries.len() {
        0 => boxed(EmptyQuery),
        1 => queries.into_iter().next().expect("one query"),
        _ => boxed(BooleanQuery::new(queries.into_iter().map(|q| (Occur::Should, q)).collect())),
    }
}

/// A filter: matches like `query` but adds nothing to the score.
fn filter(query: Box<dyn Query>) -> Box<dyn Query> {
    boxed(ConstScoreQuery::new(query, 0.0))
}

/// Character tokens of folded text with their positions.
fn char_terms(field: Field, folded: &str) -> Vec<(usize, Term)> {
    let mut tokenizer = CharTokenizer;
    let mut stream = tokenizer.token_stream(folded);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push((token.position, Term::from_field_text(field, &token.text)));
    }
    terms
}

/// The folded text as a contiguous run in a character field.
fn contiguous(field: Field, folded: &str) -> Option<Box<dyn Query>> {
    let mut terms = char_terms(field, folded);
    match terms.len() {
        0 => None,
        1 => Some(boxed(TermQuery::new(terms.remove(0).1, IndexRecordOption::WithFreqs))),
        _ => {
            let first = terms[0].0;
            let terms = terms.into_iter().map(|(p, t)| (p - first, t)).collect();
            Some(boxed(PhraseQuery::new_with_offset(terms)))
        }
    }
}

impl QueryBuilder<'_> {
    fn fields(&self, scope: Scope) -> Vec<(Field, Field, f32)> {
        let title = (self.schema.title_words, self.schema.title_chars, TITLE_BOOST);
        match scope {
            Scope::Title => vec![title],
            Scope::Anywhere => vec![title, (self.schema.body_words, self.schema.body_chars, 1.0)],
            Scope::DocNo => Vec::new(),
        }
    }

    /// The document whose number is `text`: exactly, by its key.
    fn doc_no(&self, text: &str) -> Option<Box<dyn Query>> {
        let key = sifa_store::document::doc_no_key(text)?;
        let term = TermQuery::new(Term::from_field_text(self.schema.doc_no, &key), IndexRecordOption::Basic);
        Some(boxed(BoostQuery::new(boxed(ConstScoreQuery::new(boxed(term), 1.0)), DOC_NO_BOOST)))
    }

    /// One word or phrase of the query.
    ///
    /// A query word matches where its characters stand together: the
    /// unspaced run is read as its words ([`ChineseAnalysis::query_words`]),
    /// and each must occur contiguously in the title or the body (a phrase
    /// of the character fields, so 司法 finds 司法局 but 司法局 never
    /// matches 司法 … 局), while separate words may stand apart. The count
    /// of a word is therefore exactly the number of documents that contain
    /// it. Ranking adds BM25 of the word's jieba pieces and compounds on the
    /// word fields, which carry better statistics than single characters.
    /// Quoted phrases match contiguously as a whole.
    pub fn clause(&self, clause: &Clause) -> Option<Box<dyn Query>> {
        if clause.scope == Scope::DocNo {
            return self.doc_no(&clause.text);
        }
        let text = self.text_clause(clause)?;
        match (clause.scope, self.doc_no(&clause.text)) {
            // A word shaped like a document number: that document first,
            // then the texts that cite it.
            (Scope::Anywhere, Some(numbered)) => Some(any_of(vec![numbered, text])),
            _ => Some(text),
        }
    }

    /// A clause matched in the text of titles (and bodies).
    fn text_clause(&self, clause: &Clause) -> Option<Box<dyn Query>> {
        let folded = fold(&clause.text);
        let fields = self.fields(clause.scope);
        let contiguous_anywhere = |text: &str| -> Option<Box<dyn Query>> {
            let runs: Vec<Box<dyn Query>> = fields
                .iter()
                .filter_map(|&(_, chars, boost)| {
                    contiguous(chars, text).map(|q| boxed(BoostQuery::new(q, boost * PHRASE_BOOST)))
                })
                .collect();
            (!runs.is_empty()).then(|| any_of(runs))
        };
        if clause.phrase {
            return contiguous_anywhere(&folded);
        }
        let required: Vec<Box<dyn Query>> =
            self.analysis.query_words(&folded).iter().filter_map(|w| contiguous_anywhere(&w.text)).collect();
        if required.is_empty() {
            return None;
        }
        let mut parts: Vec<(Occur, Box<dyn Query>)> = required.into_iter().map(|q| (Occur::Must, q)).collect();
        if let Some(ranking) = self.word_ranking(&folded, &fields) {
            parts.push((Occur::Should, ranking));
        }
        Some(boxed(BooleanQuery::new(parts)))
    }

    /// BM25 of the word's jieba pieces on the word fields, with the compounds
    /// (法律援助 over 法律 + 援助) counted [`PHRASE_BOOST`] times.
    fn word_ranking(&self, folded: &str, fields: &[(Field, Field, f32)]) -> Option<Box<dyn Query>> {
        let (pieces, compounds) = self.analysis.pieces_and_compounds(folded);
        let term = |field: Field, text: &str, boost: f32| {
            boxed(BoostQuery::new(
                boxed(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs)),
                boost,
            ))
        };
        let terms: Vec<Box<dyn Query>> = fields
            .iter()
            .flat_map(|&(words, _, boost)| {
                let pieces = pieces.iter().map(move |p| term(words, &p.text, boost));
                let compounds = compounds.iter().map(move |c| term(words, &c.text, boost * PHRASE_BOOST));
                pieces.chain(compounds)
            })
            .collect();
        (!terms.is_empty()).then(|| any_of(terms))
    }

    /// The text part of a search: `None` when it has no positive clause
    /// (browse), with exclusions applied.
    ///
    /// Each group is also matched by the clauses an expansion added to it
    /// (none without synonyms), scored [`EXPANSION_BOOST`] times as much: a
    /// document holding only an abbreviation's full form is found, and a
    /// document holding the word itself scores higher.
    pub fn expanded_text_query(&self, parsed: &ParsedQuery, expansion: &Expansion) -> Option<Box<dyn Query>> {
        if parsed.is_empty() {
            return None;
        }
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (index, group) in parsed.required.iter().enumerate() {
            let added = expansion.added(index).iter().filter_map(|c| self.clause(c));
            let added = added.map(|q| boxed(BoostQuery::new(q, EXPANSION_BOOST)));
            let alternatives: Vec<Box<dyn Query>> = group.iter().filter_map(|c| self.clause(c)).chain(added).collect();
            if !alternatives.is_empty() {
                parts.push((Occur::Must, any_of(alternatives)));
            }
        }
        if parts.is_empty() {
            return None;
        }
        if let Some(exact) = self.exact_title(parsed) {
            parts.push((Occur::Should, exact));
        }
        if let Some(excluded) = self.exclusion(parsed) {
            parts.push((Occur::MustNot, excluded));
        }
        Some(boxed(BooleanQuery::new(parts)))
    }

    /// Every excluded clause as one set of documents, read out in full
    /// (see [`crate::exclusion`]); `None` without exclusions.
    fn exclusion(&self, parsed: &ParsedQuery) -> Option<Box<dyn Query>> {
        let excluded: Vec<Box<dyn Query>> =
            parsed.excluded.iter().filter_map(|c| self.clause(&Clause { phrase: true, ..c.clone() })).collect();
        (!excluded.is_empty()).then(|| boxed(ReadOut(any_of(excluded))))
    }

    /// A bonus for documents whose title is the query's words as a whole,
    /// or whose law-like title names them as its subject.
    fn exact_title(&self, parsed: &ParsedQuery) -> Option<Box<dyn Query>> {
        let words: String = parsed.positive_clauses().map(|c| fold(&c.text)).collect();
        let key = sifa_store::document::title_keys(&words).pop()?;
        let term = |field: Field, text: &str, boost: f32| {
            boxed(BoostQuery::new(
                boxed(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic)),
                boost,
            ))
        };
        Some(any_of(vec![
            term(self.schema.title_key, &key, EXACT_TITLE_BOOST),
            term(self.schema.title_subject, &key, SUBJECT_TITLE_BOOST),
        ]))
    }

    /// Exclusions only (`-律师` with nothing else): all documents but those.
    pub fn exclusions_only(&self, parsed: &ParsedQuery) -> Option<Box<dyn Query>> {
        let excluded = self.exclusion(parsed)?;
        Some(boxed(BooleanQuery::new(vec![(Occur::Must, boxed(AllQuery)), (Occur::MustNot, excluded)])))
    }

    /// Agency filter: a canonical name, or a region path (`山东省/聊城市`).
    pub fn agency_filter(&self, values: &[String]) -> Option<Box<dyn Query>> {
        if values.is_empty() {
            return None;
        }
        let queries = values
            .iter()
            .flat_map(|value| {
                let by_name =
                    boxed(TermQuery::new(Term::from_field_text(self.schema.agency, value), IndexRecordOption::Basic));
                let path: Vec<&str> = value.split('/').map(str::trim).filter(|s| !s.is_empty()).collect();
                let by_path = boxed(TermQuery::new(
                    Term::from_facet(self.schema.agency_facet, &Facet::from_path(path)),
                    IndexRecordOption::Basic,
                ));
                [by_name, by_path]
            })
            .collect();
        Some(filter(any_of(queries)))
    }

    pub fn facet_filter(&self, field: Field, values: &[String]) -> Option<Box<dyn Query>> {
        if values.is_empty() {
            return None;
        }
        let queries = values
            .iter()
            .map(|v| {
                boxed(TermQuery::new(
                    Term::from_facet(field, &Facet::from_path([v.as_str()])),
                    IndexRecordOption::Basic,
                ))
            })
            .collect();
        Some(filter(any_of(queries)))
    }

    /// The documents with the given ids (the citing publications of one).
    pub fn citing_filter(&self, ids: &[String]) -> Box<dyn Query> {
        let terms = ids.iter().map(|id| Term::from_field_text(self.schema.id, id));
        filter(boxed(TermSetQuery::new(terms)))
    }

    pub fn date_filter(&self, request: &SearchRequest) -> Option<Box<dyn Query>> {
        if request.from.is_none() && request.to.is_none() {
            return None;
        }
        // Dates are indexed as their first day at midnight, so both ends
        // are inclusive days.
        let bound = |date: Option<sifa_model::PubDate>| match date {
            None => std::ops::Bound::Unbounded,
            Some(d) => std::ops::Bound::Included(Term::from_field_date(
                self.schema.date,
                DateTime::from_timestamp_secs(d.days_since_epoch() * 86_400),
            )),
        };
        Some(filter(boxed(RangeQuery::new(bound(request.from), bound(request.to)))))
    }
}
