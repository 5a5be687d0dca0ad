//! Exclusions (`-调解`) as a set of documents read out in full.
//!
//! tantivy 0.27 can panic (in debug builds; in release builds it may
//! exclude the wrong documents) when a phrase scorer sits under a
//! `MustNot`: the exclusion probes it with `seek_danger` at targets below
//! where an earlier probe left it, which the phrase scorer does not allow.
//! Reading the excluded documents of a segment into a bit set first turns
//! every probe into a plain bit test. Exclusions are phrases over the
//! character fields, and their documents are read once per segment.

use tantivy::query::{BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TERMINATED};

/// Matches what `inner` matches, from a bit set built per segment.
#[derive(Debug)]
pub struct ReadOut(pub Box<dyn Query>);

impl Clone for ReadOut {
    fn clone(&self) -> Self {
        Self(self.0.box_clone())
    }
}

impl Query for ReadOut {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = self.0.weight(EnableScoring::disabled_from_schema(scoring.schema()))?;
        Ok(Box::new(ReadOutWeight(inner)))
    }
}

struct ReadOutWeight(Box<dyn Weight>);

impl Weight for ReadOutWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut inner = self.0.scorer(reader, 1.0)?;
        let mut docs = BitSet::with_max_value(reader.max_doc());
        while inner.doc() != TERMINATED {
            docs.insert(inner.doc());
            inner.advance();
        }
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(docs), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::Count;
    use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
    use tantivy::schema::{IndexRecordOption, STRING, Schema};
    use tantivy::{Index, TantivyDocument, Term};

    use super::ReadOut;

    #[test]
    fn a_read_out_exclusion_excludes_exactly_its_documents() {
        let mut schema = Schema::builder();
        let field = schema.add_text_field("t", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for i in 0..100u32 {
            let mut doc = TantivyDocument::default();
            doc.add_text(field, if i % 3 == 0 { "x" } else { "y" });
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term = |t: &str| {
            Box::new(TermQuery::new(Term::from_field_text(field, t), IndexRecordOption::Basic)) as Box<dyn Query>
        };
        let all = BooleanQuery::new(vec![(Occur::Should, term("x")), (Occur::Should, term("y"))]);
        let without_x = BooleanQuery::new(vec![
            (Occur::Must, Box::new(all) as Box<dyn Query>),
            (Occur::MustNot, Box::new(ReadOut(term("x")))),
        ]);
        assert_eq!(searcher.search(&without_x, &Count).unwrap(), 66);
    }
}
