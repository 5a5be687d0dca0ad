//! Completions for the search box: topics and agencies containing the typed
//! text, then titles that contain it.

use std::collections::BTreeSet;

use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::schema::Value;

use crate::parse::{Clause, Scope};
use crate::response::Suggestion;
use crate::{QueryError, Snapshot};

impl Snapshot {
    /// At most `limit` suggestions for `typed`.
    pub fn suggest(&self, typed: &str, limit: usize) -> Result<Vec<Suggestion>, QueryError> {
        let folded = sifa_analysis::fold(typed.trim());
        if !folded.chars().any(char::is_alphanumeric) {
            return Ok(Vec::new());
        }
        let mut out: Vec<Suggestion> = sifa_model::TOPICS
            .iter()
            .filter(|t| t.contains(folded.as_str()))
            .map(|t| Suggestion::topic(t.to_string()))
            .collect();
        out.extend(self.agencies_containing(&folded)?.into_iter().take(limit).map(Suggestion::agency));
        for title in self.titles_containing(&folded, limit)? {
            if !out.iter().any(|s| s.text == title) {
                out.push(Suggestion::title(title));
            }
        }
        out.truncate(limit);
        Ok(out)
    }

    /// Indexed agency names that contain `folded`, in name order.
    fn agencies_containing(&self, folded: &str) -> Result<BTreeSet<String>, QueryError> {
        let mut agencies = BTreeSet::new();
        for segment in self.searcher().segment_readers() {
            let index = segment.inverted_index(self.open.schema.agency)?;
            let mut stream = index.terms().stream()?;
            while stream.advance() {
                if let Ok(name) = std::str::from_utf8(stream.key())
                    && name.contains(folded)
                {
                    agencies.insert(name.to_string());
                }
            }
        }
        Ok(agencies)
    }

    /// Titles holding `folded` as a phrase, best first.
    fn titles_containing(&self, folded: &str, limit: usize) -> Result<Vec<String>, QueryError> {
        let clause = Clause { text: folded.to_string(), phrase: true, scope: Scope::Title };
        let Some(query) = self.builder().clause(&clause) else { return Ok(Vec::new()) };
        let searcher = self.searcher();
        let mut titles = Vec::new();
        for (_, address) in searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())? {
            let doc: TantivyDocument = searcher.doc(address)?;
            titles.push(doc.get_first(self.open.schema.title).and_then(|v| v.as_str()).unwrap_or_default().to_string());
        }
        Ok(titles)
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Fixture;

    #[test]
    fn suggestions_offer_topics_agencies_and_titles() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let kinds = |typed: &str| -> Vec<(String, &'static str)> {
            snapshot.suggest(typed, 8).unwrap().into_iter().map(|s| (s.text, s.kind)).collect()
        };
        assert!(kinds("法律援").contains(&("法律援助".to_string(), "topic")));
        assert!(kinds("聊城").iter().any(|(text, kind)| text.contains("聊城市") && *kind == "agency"));
        assert!(kinds("援助法").contains(&("中华人民共和国法律援助法".to_string(), "title")));
        assert!(kinds("  ，").is_empty(), "punctuation alone suggests nothing");
    }
}
