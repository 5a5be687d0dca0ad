//! The kind of a publication, from the words of its title.

use sifa_model::{AgencyLevel, Kind};

use crate::candidate::Candidate;
use crate::document::Given;

/// The kind of a publication and the evidence for it: given, or named by
/// a word of its title, else news.
pub fn decide(given: &Given, title: &str, level: Option<AgencyLevel>) -> Candidate<Kind> {
    if let Some(k) = given.kind.as_deref().and_then(Kind::parse) {
        return Candidate::new(k, "given", k.as_str(), 100.0);
    }
    match classify(title, level) {
        (k, Some(word)) => Candidate::new(k, format!("title_word:{word}"), title, 50.0),
        (k, None) => Candidate::new(k, "default", "no kind word in the title", 0.0),
    }
}

/// Title words that decide a kind, checked in this order: a notice that
/// forwards a plan (关于印发…工作要点的通知) is a notice.
const RULES: &[(Kind, &[&str])] = &[
    (Kind::JudicialInterpretation, &["司法解释", "适用法律若干问题的解释", "的解释", "批复"]),
    (Kind::Notice, &["通知", "公告", "通告", "公示", "启事", "的决定", "的意见", "实施意见", "倡议书", "告知书"]),
    (
        Kind::Report,
        &["通报", "报告", "总结", "整改情况", "整改进展", "整改落实情况", "述职", "年报", "白皮书", "情况的说明"],
    ),
    (
        Kind::WorkPlan,
        &["工作要点", "工作计划", "工作思路", "工作安排", "实施方案", "工作方案", "行动方案", "规划", "计划"],
    ),
    (Kind::Rule, &["办法", "规定", "细则", "规则", "规范", "制度", "准则", "守则", "标准", "指引"]),
];

/// The kind named by a title; `level` tells local regulations from
/// national ones.
pub fn classify(title: &str, level: Option<AgencyLevel>) -> (Kind, Option<&'static str>) {
    let title = title.trim();
    if title.starts_with("中华人民共和国") && title.ends_with('法') {
        return (Kind::Law, Some("中华人民共和国…法"));
    }
    if title.ends_with("条例") || title.contains("条例（") || title.contains("条例(") {
        let kind = match level {
            Some(AgencyLevel::Provincial | AgencyLevel::City | AgencyLevel::County) => Kind::LocalRegulation,
            _ => Kind::Regulation,
        };
        return (kind, Some("条例"));
    }
    let core = title_core(title);
    for (kind, words) in RULES {
        // A rule names itself at the end (…实施细则（试行）); elsewhere the
        // word is part of a news headline (推进“三项制度”全覆盖).
        let found = if *kind == Kind::Rule {
            words.iter().find(|w| core.ends_with(*w))
        } else {
            words.iter().find(|w| title.contains(*w))
        };
        if let Some(word) = found {
            return (*kind, Some(word));
        }
    }
    (Kind::News, None)
}

/// The title without a trailing bracketed note: （试行）, (2021年修订).
fn title_core(title: &str) -> &str {
    let trimmed = title.trim_end();
    if trimmed.ends_with(['）', ')'])
        && let Some(open) = trimmed.rfind(['（', '('])
    {
        return trimmed[..open].trim_end();
    }
    trimmed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decides_given_then_title_word_then_news() {
        let given = Given { kind: Some("rule".into()), ..Given::default() };
        assert_eq!(decide(&given, "某县召开会议", None).value, Kind::Rule);
        let found = decide(&Given::default(), "关于开展检查的通知", None);
        assert_eq!((found.value, found.rule.as_str()), (Kind::Notice, "title_word:通知"));
        assert_eq!(decide(&Given::default(), "某县召开会议", None).rule, "default");
    }

    #[test]
    fn kinds_from_titles() {
        let k = |t| classify(t, Some(AgencyLevel::Provincial)).0;
        assert_eq!(k("关于印发《2024年普法工作要点》的通知"), Kind::Notice);
        assert_eq!(k("中共某区司法局党组关于巡察整改进展情况的通报"), Kind::Report);
        assert_eq!(k("某区司法局2024年工作要点"), Kind::WorkPlan);
        assert_eq!(k("某市行政规范性文件合法性审查办法"), Kind::Rule);
        assert_eq!(k("某省法律援助条例"), Kind::LocalRegulation);
        assert_eq!(classify("法律援助条例", None).0, Kind::Regulation);
        assert_eq!(k("中华人民共和国法律援助法"), Kind::Law);
        assert_eq!(k("某省司法厅召开全省调解工作会"), Kind::News);
        assert_eq!(k("某自治区人民调解员等级评定实施细则（试行）"), Kind::Rule);
        assert_eq!(k("某省推进行政执法“三项制度”全覆盖"), Kind::News);
    }
}
