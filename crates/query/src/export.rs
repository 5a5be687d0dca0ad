//! Whole publications for export and citation: every match of a search in
//! its order, or a selection by id.

use sifa_model::Publication;
use sifa_store::{first_match, from_document_without_evidence};

use crate::filters::Filters;
use crate::limits::MAX_EXPORT;
use crate::request::SearchRequest;
use crate::search::effective_sort;
use crate::{QueryError, Snapshot};

/// The publications of an export and how many matched in all.
#[derive(Debug, Clone)]
pub struct Exported {
    pub publications: Vec<Publication>,
    /// Every match of the search; more than `publications` when capped at [`MAX_EXPORT`].
    pub total: u64,
}

impl Snapshot {
    /// Every publication the search matches, in the search's order, up to [`MAX_EXPORT`].
    pub fn matching_publications(&self, request: &SearchRequest) -> Result<Exported, QueryError> {
        self.check_filter_values(request)?;
        let searcher = self.searcher();
        let base = self.base_query(request);
        let links = self.links();
        let query = Filters::build(&self.builder(), request, &links).apply(&*base.query, None);
        let sort = effective_sort(base.parsed.is_empty(), request.sort);
        let (top, total) =
            searcher.search(&*query, &(self.top_collector(MAX_EXPORT, 0, sort), tantivy::collector::Count))?;
        let publications = top
            .into_iter()
            .map(|(_, address)| Ok(from_document_without_evidence(&self.open.schema, &searcher.doc(address)?)))
            .collect::<Result<Vec<_>, QueryError>>()?;
        Ok(Exported { publications, total: total as u64 })
    }

    /// The publications with `ids`, in that order; an unknown id is an error.
    pub fn publications(&self, ids: &[String]) -> Result<Vec<Publication>, QueryError> {
        let searcher = self.searcher();
        ids.iter()
            .map(|id| {
                let address = first_match(&searcher, self.open.schema.id, id)?
                    .ok_or_else(|| QueryError::DocumentNotFound(id.clone()))?;
                Ok(from_document_without_evidence(&self.open.schema, &searcher.doc(address)?))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::QueryError;
    use crate::testing::{Fixture, request};

    #[test]
    fn an_export_holds_every_match_in_order_and_a_selection_by_id() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let search = snapshot.search(&request("法律援助", &[("per_page", "100")])).unwrap();
        let exported = snapshot.matching_publications(&request("法律援助", &[])).unwrap();
        let ids: Vec<&str> = exported.publications.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, search.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>());
        assert_eq!(exported.total, search.total);
        let chosen = snapshot.publications(&["plan".into(), "law-aid".into()]).unwrap();
        assert_eq!(chosen.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["plan", "law-aid"]);
        assert!(matches!(snapshot.publications(&["nope".into()]), Err(QueryError::DocumentNotFound(_))));
    }
}
