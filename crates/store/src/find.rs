//! Finding the one document a keyword field names (an id, a fingerprint).

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Searcher, Term};

/// The first live document whose keyword `field` holds exactly `value`.
pub fn first_match(searcher: &Searcher, field: Field, value: &str) -> tantivy::Result<Option<DocAddress>> {
    let query = TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic);
    let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
    Ok(found.first().map(|(_, address)| *address))
}
