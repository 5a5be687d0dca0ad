//! The filters of a request, kept apart so that a dimension's counts can
//! leave its own filter out (disjunctive facets). A dimension's filter is
//! made as its [`Values`] say; filters never score.

use std::sync::Arc;

use tantivy::query::{BooleanQuery, Occur, Query};

use crate::build::{QueryBuilder, facet_term};
use crate::computed::ColumnFilter;
use crate::dimensions::{DIMENSIONS, Dimension, Values};
use crate::links::{LinksView, Visible};
use crate::request::{SearchRequest, VersionMode};
use crate::{QueryError, Snapshot};

/// The filters of one request.
pub(crate) struct Filters {
    /// Each dimension's filter, by its place in [`DIMENSIONS`].
    dimensions: Vec<Option<Box<dyn Query>>>,
    date: Option<Box<dyn Query>>,
    /// Only the publications citing a document (`cites=ID`).
    cites: Option<Box<dyn Query>>,
    /// Leaves out what the links table hides: versions not in force,
    /// copies of reposted publications.
    visible: Option<Box<dyn Query>>,
}

impl Filters {
    pub(crate) fn build(builder: &QueryBuilder<'_>, request: &SearchRequest, links: &Arc<LinksView>) -> Self {
        let hide_superseded = request.version == VersionMode::Current;
        let hide_copies = request.collapse;
        let visible = (hide_superseded || hide_copies)
            .then(|| Box::new(Visible { view: links.clone(), hide_superseded, hide_copies }) as Box<dyn Query>);
        Self {
            dimensions: DIMENSIONS.iter().map(|d| dimension_filter(builder, d, request.filter(d), links)).collect(),
            date: builder.date_filter(request),
            cites: request.cites.as_deref().map(|id| builder.citing_filter(links.citing(id))),
            visible,
        }
    }

    /// Whether `dimension` is filtered.
    pub(crate) fn is_active(&self, dimension: &Dimension) -> bool {
        self.dimensions[dimension.index()].is_some()
    }

    /// `base` restricted by every filter except `without`'s.
    pub(crate) fn apply(&self, base: &dyn Query, without: Option<&Dimension>) -> Box<dyn Query> {
        let skipped = without.map(Dimension::index);
        let dimensions = self.dimensions.iter().enumerate().filter(|(i, _)| Some(*i) != skipped).map(|(_, f)| f);
        let others = [&self.date, &self.cites, &self.visible];
        let mut parts: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, base.box_clone())];
        parts.extend(dimensions.chain(others).flatten().map(|q| (Occur::Must, q.box_clone())));
        if parts.len() == 1 { base.box_clone() } else { Box::new(BooleanQuery::new(parts)) }
    }
}

impl Snapshot {
    /// Refuses a filter value that no publication of the index has, by
    /// the one rule of [`Dimension::outside`] (a fixed vocabulary is
    /// checked as the request is read): an agency or topic misspelt is
    /// named, not answered with nothing found.
    pub(crate) fn check_filter_values(&self, request: &SearchRequest) -> Result<(), QueryError> {
        let searcher = self.searcher();
        let builder = self.builder();
        let held = |term: &tantivy::Term| searcher.doc_freq(term).map(|n| n > 0);
        for dimension in DIMENSIONS {
            for value in request.filter(dimension) {
                let known = match &dimension.values {
                    Values::Tree { .. } => {
                        let terms = builder.agency_terms(value);
                        terms.iter().map(held).collect::<Result<Vec<bool>, _>>()?.contains(&true)
                    }
                    Values::Flat { facet, vocabulary: None } => match builder.schema.schema.get_field(facet) {
                        Ok(field) => held(&facet_term(field, value))?,
                        Err(_) => true,
                    },
                    Values::Flat { vocabulary: Some(_), .. } | Values::Links { .. } => true,
                };
                if !known {
                    return Err(dimension.outside(value));
                }
            }
        }
        Ok(())
    }
}

/// The filter of one dimension: any of `values` matches; `None` without values.
fn dimension_filter(
    builder: &QueryBuilder<'_>,
    dimension: &'static Dimension,
    values: &[String],
    links: &Arc<LinksView>,
) -> Option<Box<dyn Query>> {
    if values.is_empty() {
        return None;
    }
    match &dimension.values {
        Values::Tree { .. } => builder.agency_filter(values),
        // `IndexSchema` opens only indexes with every field it names.
        Values::Flat { facet, .. } => builder.facet_filter(builder.schema.schema.get_field(facet).ok()?, values),
        Values::Links { .. } => Some(Box::new(ColumnFilter::new(links.clone(), dimension, values))),
    }
}
