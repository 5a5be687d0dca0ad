//! RIS records (the Research Information Systems tagged format), which
//! Zotero, EndNote and most reference managers import.
//!
//! Types follow [`Form`]: `STAT` (statute) for laws and regulations,
//! `CASE`, `RPRT`, and `ELEC` (web page) for web publications (`GEN` when
//! no web address is known). The issuing agency is the author (`AU`, an
//! institution written whole) and the publisher (`PB`). Lines end in CRLF,
//! as the format's specification writes them.

use sifa_model::PubDate;

use crate::{Citing, Form, one_line};

/// One record, from `TY` to `ER`.
pub fn ris_record(citing: &Citing<'_>) -> String {
    let p = citing.publication;
    let url = citing.original_url();
    let kind = match (Form::of(p.kind), url) {
        (Form::LegalNorm, _) => "STAT",
        (Form::Case, _) => "CASE",
        (Form::Report, _) => "RPRT",
        (Form::Web, Some(_)) => "ELEC",
        (Form::Web, None) => "GEN",
    };
    let mut lines: Vec<(&str, String)> = vec![("TY", kind.to_string()), ("TI", one_line(&p.title))];
    if let Some(agency) = p.agency.as_deref().map(one_line).filter(|a| !a.is_empty()) {
        lines.push(("AU", agency.clone()));
        lines.push(("PB", agency));
    }
    if let Some(date) = p.date {
        lines.push(("PY", format!("{:04}", date.year)));
        lines.push(("DA", ris_date(date)));
    }
    lines.push(("M3", p.kind.label_zh().to_string()));
    if let Some(number) = p.doc_no.as_deref().filter(|n| !n.trim().is_empty()) {
        lines.push(("N1", format!("发文字号：{}", one_line(number))));
    }
    for topic in &p.topics {
        lines.push(("KW", topic.name.clone()));
    }
    lines.push(("UR", url.unwrap_or(&citing.page_url).to_string()));
    if url.is_some() {
        lines.push(("L2", citing.page_url.clone()));
        lines.push(("Y2", ris_date(citing.cited)));
    }
    lines.push(("LA", "zh-CN".to_string()));
    lines.push(("DB", "sifa".to_string()));
    lines.push(("ID", p.id.clone()));
    lines.push(("ER", String::new()));
    // Every line is `TAG  - value`; `ER  - ` keeps its trailing space, as the format writes it.
    lines.into_iter().map(|(tag, value)| format!("{tag}  - {value}\r\n")).collect()
}

/// Records one after another, each closed by `ER`.
pub fn ris(citings: &[Citing<'_>]) -> String {
    citings.iter().map(ris_record).collect::<Vec<_>>().join("\r\n")
}

/// RIS dates: `YYYY/MM/DD`, or as much of it as is known.
fn ris_date(date: PubDate) -> String {
    date.to_string().replace('-', "/")
}

#[cfg(test)]
mod tests {
    use sifa_model::Kind;

    use super::*;
    use crate::testing::{cited, citing, legal_aid_law, publication};

    #[test]
    fn a_news_item_with_an_address_is_a_web_page_with_its_access_date() {
        let p = publication(
            Kind::News,
            "青岛市司法局推进人民调解工作",
            Some("青岛市司法局"),
            Some("2024-03-02"),
            Some("https://sfj.qingdao.gov.cn/a.html"),
        );
        let record = ris_record(&Citing {
            publication: &p,
            page_url: "http://127.0.0.1:8080/?doc=doc-1".into(),
            cited: cited(),
        });
        assert_eq!(
            record,
            "TY  - ELEC\r\nTI  - 青岛市司法局推进人民调解工作\r\nAU  - 青岛市司法局\r\nPB  - 青岛市司法局\r\nPY  - 2024\r\nDA  - 2024/03/02\r\n\
             M3  - 新闻动态\r\nKW  - 人民调解\r\nUR  - https://sfj.qingdao.gov.cn/a.html\r\nL2  - http://127.0.0.1:8080/?doc=doc-1\r\n\
             Y2  - 2025/01/15\r\nLA  - zh-CN\r\nDB  - sifa\r\nID  - doc-1\r\nER  - \r\n"
        );
    }

    #[test]
    fn laws_are_statutes_and_an_unknown_address_points_at_the_page_in_sifa() {
        let p = legal_aid_law();
        let record = ris_record(&citing(&p));
        assert!(record.starts_with("TY  - STAT\r\n"), "{record}");
        assert!(record.contains("UR  - http://h/?doc=doc-1\r\n") && !record.contains("Y2"), "{record}");
    }
}
