//! "Similar publications": the distinctive words of a document's title and
//! opening text, searched for in the others.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue};
use tantivy::Term;

use crate::highlight::Highlighter;
use crate::parse::ParsedQuery;
use crate::response::Hit;
use crate::{QueryError, Snapshot};

/// How much of a document's body feeds the comparison.
const SIMILAR_SOURCE_CHARS: usize = 3000;

impl Snapshot {
    /// Publications most like `id`, best first.
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
}

#[cfg(test)]
mod tests {
    use crate::testing::Fixture;

    #[test]
    fn similar_publications_share_words_and_exclude_the_document_itself() {
        let fixture = Fixture::new();
        let hits = fixture.engine().snapshot().similar("mediation", 5).unwrap();
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        assert!(!ids.contains(&"mediation"), "{ids:?}");
        assert_eq!(ids.first(), Some(&"mediation-trad"), "the traditional repost is the most similar: {ids:?}");
    }
}
