//! Filters to tantivy queries, and the builder that the text query
//! ([`crate::compile`]) hangs off. Filters never score.

use sifa_analysis::ChineseAnalysis;
use sifa_model::AgencyLevel;
use sifa_store::IndexSchema;

use tantivy::query::{BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, RangeQuery, TermQuery, TermSetQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use crate::dimensions::NATIONAL;
use crate::request::SearchRequest;

/// Builds queries for one index.
pub struct QueryBuilder<'a> {
    pub schema: &'a IndexSchema,
    pub analysis: &'a ChineseAnalysis,
}

pub(crate) fn boxed(q: impl Query + 'static) -> Box<dyn Query> {
    Box::new(q)
}

pub(crate) fn any_of(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match queries.len() {
        0 => boxed(EmptyQuery),
        1 => queries.into_iter().next().expect("one query"),
        _ => boxed(BooleanQuery::new(queries.into_iter().map(|q| (Occur::Should, q)).collect())),
    }
}

/// The term of a flat facet's value.
pub(crate) fn facet_term(field: Field, value: &str) -> Term {
    Term::from_facet(field, &Facet::from_path([value]))
}

/// A filter: matches like `query` but adds nothing to the score.
fn filter(query: Box<dyn Query>) -> Box<dyn Query> {
    boxed(ConstScoreQuery::new(query, 0.0))
}

impl QueryBuilder<'_> {
    /// Agency filter: a canonical name, or a region path (`山东省/聊城市`).
    pub fn agency_filter(&self, values: &[String]) -> Option<Box<dyn Query>> {
        if values.is_empty() {
            return None;
        }
        let terms = values.iter().flat_map(|value| self.agency_terms(value));
        let queries = terms.map(|term| boxed(TermQuery::new(term, IndexRecordOption::Basic))).collect();
        Some(filter(any_of(queries)))
    }

    /// The terms an agency filter value matches by: the agency's name and
    /// the region path; [`NATIONAL`] matches the national bodies.
    pub(crate) fn agency_terms(&self, value: &str) -> Vec<Term> {
        let by_name = Term::from_field_text(self.schema.agency, value);
        let path: Vec<&str> = value.split('/').map(str::trim).filter(|s| !s.is_empty()).collect();
        let mut terms = vec![by_name, Term::from_facet(self.schema.agency_facet, &Facet::from_path(path))];
        if value.trim() == NATIONAL {
            terms.push(Term::from_field_text(self.schema.agency_level, AgencyLevel::National.as_str()));
        }
        terms
    }

    pub fn facet_filter(&self, field: Field, values: &[String]) -> Option<Box<dyn Query>> {
        if values.is_empty() {
            return None;
        }
        let queries =
            values.iter().map(|v| boxed(TermQuery::new(facet_term(field, v), IndexRecordOption::Basic))).collect();
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
