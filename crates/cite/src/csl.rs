//! CSL-JSON items (the input of Citation Style Language processors, which
//! Zotero, Mendeley and pandoc read).
//!
//! Types follow [`Form`]: `legislation` (with the issuing body as
//! `authority`), `legal_case`, `report`, and `webpage` for web publications
//! (`document` when no web address is known). The agency is a literal
//! name: an institution has no given and family name.

use serde_json::{Map, Value, json};
use sifa_model::PubDate;

use crate::{Citing, Form, one_line};

/// One item.
pub fn csl_item(citing: &Citing<'_>) -> Value {
    let p = citing.publication;
    let url = citing.original_url();
    let form = Form::of(p.kind);
    let kind = match (form, url) {
        (Form::LegalNorm, _) => "legislation",
        (Form::Case, _) => "legal_case",
        (Form::Report, _) => "report",
        (Form::Web, Some(_)) => "webpage",
        (Form::Web, None) => "document",
    };
    let mut item = Map::new();
    item.insert("id".into(), json!(p.id));
    item.insert("type".into(), json!(kind));
    item.insert("title".into(), json!(one_line(&p.title)));
    if let Some(agency) = p.agency.as_deref().map(one_line).filter(|a| !a.is_empty()) {
        item.insert("author".into(), json!([{ "literal": agency }]));
        item.insert("publisher".into(), json!(agency));
        if matches!(form, Form::LegalNorm | Form::Case) {
            item.insert("authority".into(), json!(agency));
        }
    }
    if !p.agency_path.is_empty() {
        item.insert("publisher-place".into(), json!(p.agency_path.join("")));
    }
    if let Some(date) = p.date {
        item.insert("issued".into(), date_parts(date));
    }
    if let Some(number) = p.doc_no.as_deref().filter(|n| !n.trim().is_empty()) {
        item.insert("number".into(), json!(one_line(number)));
    }
    item.insert("genre".into(), json!(p.kind.label_zh()));
    if !p.topics.is_empty() {
        let topics: Vec<&str> = p.topics.iter().map(|t| t.name.as_str()).collect();
        item.insert("keyword".into(), json!(topics.join(", ")));
    }
    item.insert("URL".into(), json!(url.unwrap_or(&citing.page_url)));
    if url.is_some() {
        item.insert("accessed".into(), date_parts(citing.cited));
    }
    item.insert("language".into(), json!("zh-CN"));
    item.insert("source".into(), json!("sifa"));
    Value::Object(item)
}

/// A CSL-JSON document: an array of items.
pub fn csl_json(citings: &[Citing<'_>]) -> String {
    let items: Vec<Value> = citings.iter().map(csl_item).collect();
    format!("{}\n", serde_json::to_string_pretty(&items).expect("JSON values serialise"))
}

/// `{"date-parts": [[2024, 3, 2]]}`, with as many parts as are known.
fn date_parts(date: PubDate) -> Value {
    let mut parts = vec![json!(date.year)];
    parts.extend(date.month.map(|m| json!(m)));
    parts.extend(date.day.map(|d| json!(d)));
    json!({ "date-parts": [parts] })
}

#[cfg(test)]
mod tests {
    use sifa_model::Kind;

    use super::*;
    use crate::testing::{cited, citing, legal_aid_law, publication};

    #[test]
    fn a_law_is_legislation_with_its_authority_and_date_parts() {
        let p = legal_aid_law();
        let item = csl_item(&citing(&p));
        assert_eq!(item["type"], "legislation");
        assert_eq!(item["author"], json!([{"literal": "全国人民代表大会常务委员会"}]));
        assert_eq!(item["authority"], "全国人民代表大会常务委员会");
        assert_eq!(item["issued"], json!({"date-parts": [[2021, 8, 20]]}));
        assert_eq!(item["URL"], "http://h/?doc=doc-1");
        assert!(item.get("accessed").is_none(), "no web address, no access date");
    }

    #[test]
    fn a_news_item_is_a_web_page_accessed_on_the_citing_day() {
        let p = publication(Kind::News, "新闻", None, Some("2024-03"), Some("https://example.gov.cn/a.html"));
        let item = csl_item(&Citing { publication: &p, page_url: String::new(), cited: cited() });
        assert_eq!(item["type"], "webpage");
        assert_eq!(item["issued"], json!({"date-parts": [[2024, 3]]}));
        assert_eq!(item["accessed"], json!({"date-parts": [[2025, 1, 15]]}));
        assert!(item.get("author").is_none());
    }
}
