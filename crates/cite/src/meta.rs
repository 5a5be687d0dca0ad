//! The meta tags of a document page: Highwire Press `citation_*` (what
//! Zotero's embedded-metadata translator and Google Scholar read) and a
//! few Dublin Core `DC.*` tags that other tools read.
//!
//! Dates are written `YYYY/MM/DD`, as Google Scholar's inclusion guidelines
//! ask; a report names its institution, which makes Zotero save it as a
//! report rather than a web page.

use crate::{Citing, Form, one_line};

/// `(name, content)` pairs, in the order they are written.
pub fn meta_tags(citing: &Citing<'_>) -> Vec<(&'static str, String)> {
    let p = citing.publication;
    let mut tags: Vec<(&'static str, String)> = vec![("citation_title", one_line(&p.title))];
    let agency = p.agency.as_deref().map(one_line).filter(|a| !a.is_empty());
    if let Some(agency) = &agency {
        tags.push(("citation_author", agency.clone()));
        tags.push(("citation_publisher", agency.clone()));
        if Form::of(p.kind) == Form::Report {
            tags.push(("citation_technical_report_institution", agency.clone()));
        }
    }
    if let Some(date) = p.date {
        let slashed = date.to_string().replace('-', "/");
        tags.push(("citation_publication_date", slashed.clone()));
        tags.push(("citation_date", slashed));
    }
    tags.push(("citation_language", "zh".into()));
    if !p.topics.is_empty() {
        tags.push(("citation_keywords", p.topics.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join("; ")));
    }
    if let Some(url) = citing.original_url() {
        tags.push(("citation_public_url", url.to_string()));
    }
    tags.push(("citation_abstract_html_url", citing.page_url.clone()));
    tags.push(("DC.title", one_line(&p.title)));
    if let Some(agency) = agency {
        tags.push(("DC.creator", agency));
    }
    if let Some(date) = p.date {
        tags.push(("DC.date", date.to_string()));
    }
    tags.push(("DC.type", p.kind.label_zh().into()));
    tags.push(("DC.language", "zh".into()));
    tags.push(("DC.identifier", citing.original_url().unwrap_or(&citing.page_url).to_string()));
    tags
}

#[cfg(test)]
mod tests {
    use sifa_model::Kind;

    use super::*;
    use crate::testing::{citing, publication};

    #[test]
    fn a_report_carries_its_title_agency_date_and_institution() {
        let p = publication(
            Kind::Report,
            "2023年工作总结",
            Some("聊城市司法局"),
            Some("2024-01-10"),
            Some("https://a.gov.cn/r.html"),
        );
        let tags = meta_tags(&citing(&p));
        let get = |name: &str| tags.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str());
        assert_eq!(get("citation_title"), Some("2023年工作总结"));
        assert_eq!(get("citation_author"), Some("聊城市司法局"));
        assert_eq!(get("citation_publication_date"), Some("2024/01/10"));
        assert_eq!(get("citation_technical_report_institution"), Some("聊城市司法局"));
        assert_eq!(get("citation_public_url"), Some("https://a.gov.cn/r.html"));
        assert_eq!(get("citation_abstract_html_url"), Some("http://h/?doc=doc-1"));
    }
}
