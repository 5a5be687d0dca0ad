//! One publication: found by id, shown whole, or summarised as a hit.

use sifa_model::Publication;
use sifa_store::{VersionStatus, first_match, from_document, stored_text, summary_of};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::highlight::Highlighter;
use crate::parse::parse;
use crate::response::{CiteView, DocumentView, Hit, RepostView, VersionView};
use crate::{QueryError, Snapshot};

impl Snapshot {
    /// The publication with `id`, and where it is.
    pub(crate) fn find(&self, searcher: &Searcher, id: &str) -> Result<(DocAddress, Publication), QueryError> {
        let address = first_match(searcher, self.open.schema.id, id)?
            .ok_or_else(|| QueryError::DocumentNotFound(id.to_string()))?;
        Ok((address, from_document(&self.open.schema, &searcher.doc(address)?)))
    }

    /// A result-list entry: title and snippet marked by `highlighter`.
    pub(crate) fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        highlighter: &Highlighter,
    ) -> Result<Hit, QueryError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let p = summary_of(&self.open.schema, &doc);
        let indexed_at =
            sifa_store::document::indexed_at(&self.open.schema, &doc).map(sifa_model::instant::rfc3339_utc);
        let links = self.links();
        let versions = links.table.versions_of(&p.id).map(<[_]>::len).filter(|&n| n > 1);
        let reposts = links.table.copies_of(&p.id).map(|copies| copies.len() - 1).filter(|&n| n > 0);
        let cited_by_count = links.table.of(&p.id).map_or(0, |l| l.cited_by.len());
        Ok(Hit {
            cited_by_count,
            status: self.status_of(searcher, address),
            indexed_at,
            versions,
            reposts,
            title_html: highlighter.mark_all(&p.title),
            snippet_html: highlighter.snippet(stored_text(&doc, self.open.schema.body)),
            id: p.id,
            title: p.title,
            agency: p.agency,
            agency_path: p.agency_path,
            date: p.date.map(|d| d.to_string()),
            doc_no: p.doc_no,
            kind: p.kind.as_str().to_string(),
            kind_label: p.kind.label_zh().to_string(),
            topics: p.topics.into_iter().map(|t| t.name).collect(),
            url: p.url,
            source: p.source.to_string(),
            score,
            missing: Vec::new(),
        })
    }

    /// A whole publication; with `query`, its words are marked in `body_html`.
    pub fn document(&self, id: &str, query: Option<&str>) -> Result<DocumentView, QueryError> {
        let searcher = self.searcher();
        let (address, p) = self.find(&searcher, id)?;
        let status = self.status_of(&searcher, address);
        let body_html = query.filter(|q| !q.trim().is_empty()).map(|q| {
            let parsed = parse(q);
            let marked = self.synonyms().expand(&parsed, &self.open.analysis).highlighted(&parsed);
            Highlighter::new(&marked, &self.open.analysis).mark_all(&p.body)
        });
        let links = self.links();
        let table = &links.table;
        let own = table.of(&p.id);
        let cites = own
            .map(|l| {
                l.cites
                    .iter()
                    .map(|c| CiteView {
                        title: c.title.clone(),
                        id: c.id.clone(),
                        articles: c.articles.clone(),
                        by_number: c.by_number,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let versions = table
            .versions_of(&p.id)
            .filter(|v| v.len() > 1 || v.iter().any(|v| v.status == VersionStatus::Repealed))
            .map(|versions| {
                versions
                    .iter()
                    .map(|v| VersionView {
                        id: v.id.clone(),
                        date: v.date.clone(),
                        status: v.status,
                        status_label: v.status.label_zh(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let reposts = table
            .copies_of(&p.id)
            .map(|copies| {
                copies
                    .iter()
                    .map(|c| RepostView { id: c.id.clone(), url: c.url.clone(), site: c.site.clone() })
                    .collect()
            })
            .unwrap_or_default();
        Ok(DocumentView {
            status,
            cites,
            cited_by_count: own.map_or(0, |l| l.cited_by.len()),
            versions,
            reposts,
            chars: p.chars(),
            title_constructed: p.title_constructed(),
            id: p.id,
            title: p.title,
            body: p.body,
            body_html,
            agency: p.agency,
            agency_path: p.agency_path,
            agency_level: p.agency_level.map(|l| l.as_str().to_string()),
            date_precision: p.date.map(|d| format!("{:?}", d.precision()).to_lowercase()),
            date: p.date.map(|d| d.to_string()),
            doc_no: p.doc_no,
            kind: p.kind.as_str().to_string(),
            kind_label: p.kind.label_zh().to_string(),
            topics: p.topics,
            url: p.url,
            source: p.source.to_string(),
            evidence: p.evidence.into_iter().map(|(field, e)| (field, e.into())).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::QueryError;
    use crate::testing::Fixture;

    #[test]
    fn a_document_is_found_by_id_with_its_evidence_and_marks() {
        let fixture = Fixture::new();
        let view = fixture.engine().snapshot().document("law-aid", Some("法律援助")).unwrap();
        assert_eq!(view.title, "中华人民共和国法律援助法");
        assert_eq!(view.kind_label, "法律");
        assert_eq!(view.date_precision.as_deref(), Some("day"));
        assert!(view.body_html.unwrap().contains("<mark>法律援助</mark>"));
        assert_eq!(view.evidence["title"].explanation, "来源数据直接提供", "evidence is explained");
    }

    #[test]
    fn an_unknown_id_is_not_found() {
        let fixture = Fixture::new();
        let error = fixture.engine().snapshot().document("nope", None).unwrap_err();
        assert!(matches!(error, QueryError::DocumentNotFound(id) if id == "nope"));
    }
}
