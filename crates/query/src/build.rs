//! Filters to tantivy queries, and the builder that the text query
//! ([`crate::compile`]) hangs off. Filters never score.

use sifa_analysis::ChineseAnalysis;
use sifa_store::IndexSchema;

use tantivy::query::{BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, RangeQuery, TermQuery, TermSetQuery};
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DateTime, Term};

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
