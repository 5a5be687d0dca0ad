//! "Similar publications": the distinctive words of a document's title and
//! opening text, searched for in the others, with the signals that make two
//! publications belong together: the same subject (a law and the
//! regulations on the same subject), the same kind, the same topics.

use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, OwnedValue};

use crate::highlight::Highlighter;
use crate::parse::ParsedQuery;
use crate::response::Hit;
use crate::{QueryError, Snapshot};

/// How much of a document's body feeds the comparison.
const SIMILAR_SOURCE_CHARS: usize = 3000;
/// How often the title's words count against the body's: titles say what
/// a publication is about.
const TITLE_REPEATS: usize = 3;
/// Bonus of a document with the same law-like subject (法律援助 for the
/// 法律援助法 and every 法律援助条例).
const SAME_SUBJECT_BOOST: f32 = 12.0;
/// Bonus of a document of the same kind.
const SAME_KIND_BOOST: f32 = 3.0;
/// Bonus of each topic shared.
const SAME_TOPIC_BOOST: f32 = 2.0;

impl Snapshot {
    /// Publications most like `id`, best first.
    pub fn similar(&self, id: &str, limit: usize) -> Result<Vec<Hit>, QueryError> {
        let searcher = self.searcher();
        let schema = &self.open.schema;
        let (_, p) = self.find(&searcher, id)?;
        let opening: String = p.body.chars().take(SIMILAR_SOURCE_CHARS).collect();
        let title = sifa_analysis::fold(&p.title);
        let like = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_max_doc_frequency((searcher.num_docs() / 5).max(10))
            .with_min_term_frequency(1)
            .with_max_query_terms(30)
            .with_min_word_length(2)
            .with_document_fields(vec![
                (schema.searched[0].pairs, vec![OwnedValue::from(title.as_str()); TITLE_REPEATS]),
                (schema.searched[1].pairs, vec![OwnedValue::from(sifa_analysis::fold(&opening))]),
            ]);
        let bonus = |term: Term, boost: f32| -> (Occur, Box<dyn Query>) {
            let query = ConstScoreQuery::new(Box::new(TermQuery::new(term, IndexRecordOption::Basic)), boost);
            (Occur::Should, Box::new(query))
        };
        let mut clauses = vec![
            (Occur::Must, Box::new(like) as Box<dyn Query>),
            (Occur::MustNot, Box::new(TermQuery::new(Term::from_field_text(schema.id, id), IndexRecordOption::Basic))),
            bonus(Term::from_facet(schema.kind_facet, &Facet::from_path([p.kind.as_str()])), SAME_KIND_BOOST),
        ];
        if let Some(subject) = sifa_store::document::title_subject(&title) {
            clauses.push(bonus(Term::from_field_text(schema.title_subject, &subject), SAME_SUBJECT_BOOST));
        }
        for topic in &p.topics {
            clauses.push(bonus(
                Term::from_facet(schema.topic_facet, &Facet::from_path([topic.name.as_str()])),
                SAME_TOPIC_BOOST,
            ));
        }
        let query = BooleanQuery::new(clauses);
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let highlighter = Highlighter::new(&ParsedQuery::default(), &self.open.analysis);
        top.into_iter().map(|(score, address)| self.hit(&searcher, address, score, &highlighter)).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Fixture;

    #[test]
    fn a_law_is_most_like_the_regulations_on_its_subject() {
        let fixture = Fixture::new();
        let hits = fixture.engine().snapshot().similar("law-aid", 5).unwrap();
        assert_eq!(
            hits.first().map(|h| h.id.as_str()),
            Some("aid-rule"),
            "{:?}",
            hits.iter().map(|h| &h.title).collect::<Vec<_>>()
        );
    }

    #[test]
    fn similar_publications_share_words_and_exclude_the_document_itself() {
        let fixture = Fixture::new();
        let hits = fixture.engine().snapshot().similar("mediation", 5).unwrap();
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        assert!(!ids.contains(&"mediation"), "{ids:?}");
        assert_eq!(ids.first(), Some(&"mediation-trad"), "the traditional repost is the most similar: {ids:?}");
    }
}
