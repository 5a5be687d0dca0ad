//! GB/T 7714-2015 (信息与文献 参考文献著录规则) reference strings.
//!
//! The shapes, by [`Form`]:
//! - a web publication read online, the standard's entry for electronic
//!   resources: `主要责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.`;
//! - a law, regulation or rule, cited by the body that made it, its title
//!   and its date: `制定机关. 题名[Z]. 日期.`, and read online
//!   `制定机关. 题名[Z/OL]. (日期)[引用日期]. 网址.`;
//! - a report `[R]` or `[R/OL]`, a case `[Z]` or `[Z/OL]`, in the same shapes;
//! - a 发文字号 follows the title as its 其他题名信息:
//!   `国务院办公厅. 关于…的意见: 国办发〔2016〕38号[EB/OL]. …`.
//!
//! A publication without a web address is not written as read online (no
//! `/OL`, no 引用日期): we do not claim an access path we do not know. The
//! responsible body is the issuing agency; without one the standard asks
//! for 佚名 (a numbered list may also start with the title; 佚名 keeps every
//! entry the same shape). Punctuation is the standard's: a full stop and a space
//! between elements, the date of an online resource in parentheses and the
//! citing date in square brackets.

use sifa_model::PubDate;

use crate::{Citing, Form, one_line};

/// Stands for an unknown responsible body, as GB/T 7714-2015 asks.
const ANONYMOUS: &str = "佚名";

/// The reference string of one publication.
pub fn gbt7714(citing: &Citing<'_>) -> String {
    let p = citing.publication;
    let responsible = p.agency.as_deref().map(one_line).filter(|a| !a.is_empty());
    let responsible = responsible.as_deref().unwrap_or(ANONYMOUS);
    let title = one_line(&p.title);
    let title = title.trim_end_matches(['。', '.', '．']);
    let title = match p.doc_no.as_deref().map(one_line).filter(|n| !n.is_empty() && !title.contains(n.as_str())) {
        Some(number) => format!("{title}: {number}"),
        None => title.to_string(),
    };
    let code = Form::of(p.kind).gbt7714_code();
    match citing.original_url() {
        Some(url) => {
            let date = p.date.map(|d| format!("({d})")).unwrap_or_default();
            format!("{responsible}. {title}[{code}/OL]. {date}[{}]. {url}.", day(citing.cited))
        }
        None => match p.date {
            Some(date) => format!("{responsible}. {title}[{code}]. {date}."),
            None => format!("{responsible}. {title}[{code}]."),
        },
    }
}

/// A reference list in citation order: `[1] …`, one entry a line.
pub fn gbt7714_list(citings: &[Citing<'_>]) -> String {
    citings.iter().enumerate().map(|(i, c)| format!("[{}] {}\n", i + 1, gbt7714(c))).collect()
}

fn day(date: PubDate) -> String {
    date.to_string()
}

#[cfg(test)]
mod tests {
    use sifa_model::Kind;

    use super::*;
    use crate::testing::{cited, publication};

    fn cite(kind: Kind, title: &str, agency: Option<&str>, date: Option<&str>, url: Option<&str>) -> String {
        let p = publication(kind, title, agency, date, url);
        gbt7714(&Citing { publication: &p, page_url: "http://127.0.0.1/?doc=doc-1".into(), cited: cited() })
    }

    #[test]
    fn web_publications_take_the_eb_ol_form_with_the_citing_date() {
        assert_eq!(
            cite(
                Kind::News,
                "青岛市司法局推进人民调解工作",
                Some("青岛市司法局"),
                Some("2024-03-02"),
                Some("https://sfj.qingdao.gov.cn/a.html")
            ),
            "青岛市司法局. 青岛市司法局推进人民调解工作[EB/OL]. (2024-03-02)[2025-01-15]. https://sfj.qingdao.gov.cn/a.html."
        );
        assert_eq!(
            cite(
                Kind::Notice,
                "关于开展法律援助宣传月活动的通知",
                Some("聊城市司法局"),
                Some("2024-05"),
                Some("http://sfj.liaocheng.gov.cn/n/1.html")
            ),
            "聊城市司法局. 关于开展法律援助宣传月活动的通知[EB/OL]. (2024-05)[2025-01-15]. http://sfj.liaocheng.gov.cn/n/1.html.",
            "a date known to the month is written to the month"
        );
        assert_eq!(
            cite(Kind::WorkPlan, "2023年工作计划", None, None, Some("https://example.gov.cn/p.html")),
            "佚名. 2023年工作计划[EB/OL]. [2025-01-15]. https://example.gov.cn/p.html.",
            "no agency: 佚名; no date: only the citing date"
        );
        assert_eq!(
            cite(Kind::Other, "关于公共法律服务平台的说明", Some("青岛市司法局"), Some("2023"), None),
            "青岛市司法局. 关于公共法律服务平台的说明[EB]. 2023.",
            "without a web address it is not cited as read online"
        );
    }

    #[test]
    fn laws_and_regulations_are_cited_by_the_body_that_made_them() {
        assert_eq!(
            cite(Kind::Law, "中华人民共和国法律援助法", Some("全国人民代表大会常务委员会"), Some("2021-08-20"), None),
            "全国人民代表大会常务委员会. 中华人民共和国法律援助法[Z]. 2021-08-20."
        );
        assert_eq!(
            cite(
                Kind::Regulation,
                "法律援助条例",
                Some("国务院"),
                Some("2003-07-21"),
                Some("https://flk.npc.gov.cn/detail2.html?id=1")
            ),
            "国务院. 法律援助条例[Z/OL]. (2003-07-21)[2025-01-15]. https://flk.npc.gov.cn/detail2.html?id=1."
        );
        assert_eq!(
            cite(
                Kind::LocalRegulation,
                "山东省法律援助条例",
                Some("山东省人民代表大会常务委员会"),
                Some("2016-03-30"),
                None
            ),
            "山东省人民代表大会常务委员会. 山东省法律援助条例[Z]. 2016-03-30."
        );
        for kind in [Kind::JudicialInterpretation, Kind::DepartmentalRule, Kind::Rule] {
            assert_eq!(
                cite(kind, "某规定", Some("司法部"), Some("2020-01-01"), None),
                "司法部. 某规定[Z]. 2020-01-01.",
                "{kind:?}"
            );
        }
    }

    #[test]
    fn reports_and_cases_take_their_own_codes() {
        assert_eq!(
            cite(
                Kind::Report,
                "2023年法治政府建设情况报告",
                Some("聊城市司法局"),
                Some("2024-01-10"),
                Some("https://sfj.liaocheng.gov.cn/r.html")
            ),
            "聊城市司法局. 2023年法治政府建设情况报告[R/OL]. (2024-01-10)[2025-01-15]. https://sfj.liaocheng.gov.cn/r.html."
        );
        assert_eq!(
            cite(Kind::Case, "张某诉某司法局政府信息公开案", None, Some("2019-06-01"), None),
            "佚名. 张某诉某司法局政府信息公开案[Z]. 2019-06-01."
        );
    }

    #[test]
    fn titles_are_one_line_without_a_closing_full_stop_and_unsafe_urls_are_left_out() {
        assert_eq!(
            cite(
                Kind::News,
                "关于做好\n法律援助工作的通知。",
                Some("司法部"),
                Some("2024-01-02"),
                Some("javascript:alert(1)")
            ),
            "司法部. 关于做好 法律援助工作的通知[EB]. 2024-01-02."
        );
    }

    #[test]
    fn a_document_number_is_the_other_title_information() {
        let mut p = publication(
            Kind::Notice,
            "关于做好2024年法律援助工作的通知",
            Some("山东省司法厅"),
            Some("2024-02-01"),
            None,
        );
        p.doc_no = Some("鲁司发〔2024〕3号".into());
        let citing = Citing { publication: &p, page_url: String::new(), cited: cited() };
        assert_eq!(
            gbt7714(&citing),
            "山东省司法厅. 关于做好2024年法律援助工作的通知: 鲁司发〔2024〕3号[EB]. 2024-02-01."
        );
        p.title = "司法部令第150号 法律援助法实施办法".into();
        p.doc_no = Some("司法部令第150号".into());
        let citing = Citing { publication: &p, page_url: String::new(), cited: cited() };
        assert!(!gbt7714(&citing).contains(": 司法部令"), "a number already in the title is not repeated");
    }

    #[test]
    fn a_list_is_numbered_in_citation_order() {
        let a = publication(Kind::Law, "甲法", Some("全国人民代表大会"), Some("2020-01-01"), None);
        let b = publication(Kind::News, "乙", None, None, None);
        let citings = [&a, &b].map(|p| Citing { publication: p, page_url: String::new(), cited: cited() });
        assert_eq!(gbt7714_list(&citings), "[1] 全国人民代表大会. 甲法[Z]. 2020-01-01.\n[2] 佚名. 乙[EB].\n");
    }
}
