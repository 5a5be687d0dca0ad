//! The kind of a publication, from the words of its title, and from the
//! formulas of its body when the page shows no headline.
//!
//! A title names its kind by the word it ends with (…工作要点, …的通报,
//! …实施细则（试行）); a kind word inside a headline is part of a news
//! story (召开年度工作总结表彰会, 征集立法工作计划建议). A cover notice
//! that issues or forwards a document (关于印发《…办法》的通知) is of the
//! kind of what it issues. Normative 意见 and 决议, and 决定 that amend or
//! repeal rules, are rules; replies to deputies' proposals (答复) are
//! reports; interpretations (政策解读) and essays (…问题研究) are other.

use sifa_model::{AgencyLevel, Kind};

use crate::candidate::Candidate;
use crate::given::Given;

/// What the kind is decided from: the title as shown and folded, whether
/// it was constructed, and the folded body.
pub struct KindInputs<'a> {
    pub title: &'a str,
    pub folded_title: &'a str,
    pub constructed: bool,
    pub folded_body: &'a str,
    pub level: Option<AgencyLevel>,
}

/// The kind of a publication and the evidence for it: given, or named by
/// a word of its title, or by a formula of its body when the title was
/// constructed, else news.
pub fn decide(given: &Given, inputs: &KindInputs) -> Candidate<Kind> {
    if let Some(k) = given.kind.as_deref().and_then(Kind::parse) {
        return Candidate::new(k, "given", k.as_str(), 100.0);
    }
    let title = inputs.title;
    if !inputs.constructed {
        return match classify(inputs.folded_title, inputs.level) {
            (k, Some(word)) => Candidate::new(k, format!("title_word:{word}"), title, 50.0),
            (k, None) => Candidate::new(k, "default", "no kind word in the title", 0.0),
        };
    }
    // A constructed title repeats the opening, cut at its length: the words
    // it ends with are where the cut fell (…根据《某条例, …有关规定), so
    // only the body's formulas say what the text is.
    match from_body(inputs.folded_body) {
        Some((k, formula)) => Candidate::new(k, format!("body_formula:{formula}"), formula, 40.0),
        None => Candidate::new(Kind::News, "default", "no headline and no formula of a kind", 0.0),
    }
}

/// Title words that decide a kind, checked in this order. Words of
/// [`Kind::Notice`] count anywhere in the title; the others only where
/// they end it (see [`names_itself`]).
const RULES: &[(Kind, &[&str])] = &[
    (Kind::JudicialInterpretation, &["司法解释", "适用法律若干问题的解释", "的解释", "批复"]),
    (Kind::Case, &["决定书", "判决书", "裁定书", "调解书", "处罚决定"]),
    (
        Kind::Other,
        &["政策解读", "解读", "问答", "问题研究", "对策研究", "的研究", "思考", "探析", "浅析", "初探", "浅谈"],
    ),
    (Kind::Rule, &["指导意见", "实施意见", "若干意见", "的意见", "决议"]),
    (Kind::Notice, &["通知", "公告", "通告", "公示", "启事", "倡议书", "告知书"]),
    (
        Kind::Report,
        &[
            "通报",
            "报告",
            "总结",
            "整改情况",
            "整改进展",
            "整改落实情况",
            "述职",
            "年报",
            "白皮书",
            "情况的说明",
            "答复",
            "答复函",
            "复函",
        ],
    ),
    (
        Kind::WorkPlan,
        &[
            "工作要点",
            "工作计划",
            "工作思路",
            "工作安排",
            "实施方案",
            "工作方案",
            "行动方案",
            "活动方案",
            "方案",
            "规划",
            "计划",
            "要点",
        ],
    ),
    (Kind::Rule, &["办法", "规定", "细则", "规则", "规程", "规范", "制度", "准则", "守则", "标准", "指引", "章程"]),
];

/// Verbs of a cover notice that issues or forwards another document.
const ISSUING: &[&str] = &["印发", "转发", "颁发", "发布"];

/// The kind named by a title; `level` tells local regulations from
/// national ones.
pub fn classify(title: &str, level: Option<AgencyLevel>) -> (Kind, Option<&'static str>) {
    let title = title.trim();
    if let Some(found) = statute(title, level) {
        return found;
    }
    // 关于印发《某某办法》的通知: what it issues.
    if let Some(issued) = issued_document(title) {
        return match classify_words(issued, level) {
            (Kind::News | Kind::Notice, _) => (Kind::Notice, Some("通知")),
            found => found,
        };
    }
    // A decision that amends or repeals rules is a rule itself.
    if title.ends_with("的决定") {
        let amends = ["废止", "修改", "修订", "废除"].iter().any(|w| title.contains(w));
        let rules = ["规章", "规定", "办法", "条例", "规范性文件", "细则"].iter().any(|w| title.contains(w));
        return if amends && rules { (Kind::Rule, Some("的决定")) } else { (Kind::Notice, Some("的决定")) };
    }
    classify_words(title, level)
}

/// Laws and regulations, named by their form.
fn statute(title: &str, level: Option<AgencyLevel>) -> Option<(Kind, Option<&'static str>)> {
    if title.starts_with("中华人民共和国") && title.ends_with('法') {
        return Some((Kind::Law, Some("中华人民共和国…法")));
    }
    if title.ends_with("条例") || title.contains("条例（") || title.contains("条例(") {
        let kind = match level {
            Some(AgencyLevel::Provincial | AgencyLevel::City | AgencyLevel::County) => Kind::LocalRegulation,
            _ => Kind::Regulation,
        };
        return Some((kind, Some("条例")));
    }
    None
}

fn classify_words(title: &str, level: Option<AgencyLevel>) -> (Kind, Option<&'static str>) {
    if let Some(found) = statute(title, level) {
        return found;
    }
    let core = title_core(title);
    // 召开年度工作总结表彰会: a meeting, reported as news.
    if core.ends_with('会') || core.ends_with("会议") {
        return (Kind::News, None);
    }
    for (kind, words) in RULES {
        let found = if *kind == Kind::Notice {
            words.iter().find(|w| title.contains(*w))
        } else {
            words.iter().find(|w| names_itself(core, w))
        };
        if let Some(word) = found {
            return (*kind, Some(word));
        }
    }
    (Kind::News, None)
}

/// Whether `word` names the document `core` is the title of: it ends the
/// title (…实施细则), or ends one of the documents a title lists
/// (…工作总结和2025年工作思路); 以…为指引 is a phrase, not a 指引.
fn names_itself(core: &str, word: &str) -> bool {
    core.match_indices(word).any(|(at, _)| {
        let before = &core[..at];
        let after = &core[at + word.len()..];
        if before.ends_with('为') {
            return false;
        }
        after.is_empty() || ['和', '与', '及', '暨'].iter().any(|c| after.starts_with(*c))
    })
}

/// The name of the document a cover notice issues or forwards: 关于印发
/// 《某某办法》的通知 → 某某办法.
fn issued_document(title: &str) -> Option<&str> {
    let (_, rest) = ISSUING.iter().filter_map(|verb| title.split_once(verb)).min_by_key(|(before, _)| before.len())?;
    let rest = rest.strip_suffix("的通知").or_else(|| rest.strip_suffix("通知"))?;
    let inner = rest.trim().trim_start_matches(['《', '“', '"']).trim_end_matches(['》', '”', '"']).trim();
    (!inner.is_empty()).then_some(inner)
}

/// The title without trailing bracketed notes (（试行）, (2021—2025年)),
/// quotes and spaces.
fn title_core(title: &str) -> &str {
    let mut core = title.trim_end();
    loop {
        let trimmed = core.trim_end_matches(['》', '”', '"', ' ', '\u{3000}']);
        if trimmed.ends_with(['）', ')'])
            && let Some(open) = trimmed.rfind(['（', '('])
        {
            core = trimmed[..open].trim_end();
            continue;
        }
        return trimmed;
    }
}

/// Formulas of a body that say what it is, for a page without a headline:
/// articles (第一条), 通知如下, 总结如下, 答复如下.
const BODY_FORMULAS: &[(Kind, &[&str])] = &[
    // 本报告根据《条例》编制: a 政府信息公开 annual report's opening.
    (Kind::Report, &["总结如下", "报告如下", "答复如下", "函复如下", "通报如下", "本报告"]),
    (Kind::Notice, &["通知如下", "公告如下", "通告如下"]),
    (Kind::WorkPlan, &["方案如下", "工作要点如下", "工作思路是", "工作思路为", "总体思路是"]),
];

/// How far into the body the formulas are looked for, in bytes.
const BODY_FORMULA_BYTES: usize = 3000;

fn from_body(folded_body: &str) -> Option<(Kind, &'static str)> {
    let mut end = folded_body.len().min(BODY_FORMULA_BYTES);
    while !folded_body.is_char_boundary(end) {
        end -= 1;
    }
    let opening = &folded_body[..end];
    // Articles from the first lines: the text of a rule.
    if opening.lines().filter(|l| !l.trim().is_empty()).take(3).any(|l| l.trim_start().starts_with("第一条")) {
        return Some((Kind::Rule, "第一条"));
    }
    for (kind, formulas) in BODY_FORMULAS {
        if let Some(formula) = formulas.iter().find(|f| opening.contains(*f)) {
            return Some((*kind, formula));
        }
    }
    // 一、2022年工作情况: the heading of a year's review.
    let review = opening.lines().map(str::trim).any(|l| {
        l.starts_with("一、") && l.chars().count() <= 30 && (l.contains("工作情况") || l.contains("工作总结"))
    });
    review.then_some((Kind::Report, "一、…工作情况"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide_on(given: &Given, title: &str, constructed: bool, folded_body: &str) -> Candidate<Kind> {
        let inputs = KindInputs { title, folded_title: title, constructed, folded_body, level: None };
        decide(given, &inputs)
    }

    #[test]
    fn decides_given_then_title_word_then_news() {
        let given = Given { kind: Some("rule".into()), ..Given::default() };
        assert_eq!(decide_on(&given, "某县召开会议", false, "").value, Kind::Rule);
        let found = decide_on(&Given::default(), "关于开展检查的通知", false, "");
        assert_eq!((found.value, found.rule.as_str()), (Kind::Notice, "title_word:通知"));
        assert_eq!(decide_on(&Given::default(), "某县召开会议", false, "").rule, "default");
    }

    #[test]
    fn kinds_from_titles() {
        let k = |t| classify(t, Some(AgencyLevel::Provincial)).0;
        assert_eq!(k("中共某区司法局党组关于巡察整改进展情况的通报"), Kind::Report);
        assert_eq!(k("某区司法局2024年工作要点"), Kind::WorkPlan);
        assert_eq!(k("某市行政规范性文件合法性审查办法"), Kind::Rule);
        assert_eq!(k("某省法律援助条例"), Kind::LocalRegulation);
        assert_eq!(classify("法律援助条例", None).0, Kind::Regulation);
        assert_eq!(k("中华人民共和国法律援助法"), Kind::Law);
        assert_eq!(k("某省司法厅召开全省调解工作会"), Kind::News);
        assert_eq!(k("某自治区人民调解员等级评定实施细则（试行）"), Kind::Rule);
        assert_eq!(k("某省推进行政执法“三项制度”全覆盖"), Kind::News);
        assert_eq!(k("某区司法局2024年工作总结和2025年工作思路"), Kind::Report);
        assert_eq!(k("某村法律服务活动方案"), Kind::WorkPlan);
    }

    #[test]
    fn a_cover_notice_is_of_the_kind_it_issues() {
        let k = |t| classify(t, Some(AgencyLevel::City)).0;
        assert_eq!(k("关于印发《某市2024年普法工作要点》的通知"), Kind::WorkPlan);
        assert_eq!(k("某局关于印发《某某律师事务所检查考核 实施细则 》的通知"), Kind::Rule);
        assert_eq!(k("转发某市行政执法案卷评查指导意见及工作规范的通知"), Kind::Rule);
        assert_eq!(k("关于印发《某某实施方案(2021—2025年)》的通知"), Kind::WorkPlan);
        assert_eq!(k("关于转发省厅有关事项的通知"), Kind::Notice);
    }

    #[test]
    fn kind_words_inside_a_headline_tell_a_story() {
        let k = |t| classify(t, None).0;
        assert_eq!(k("某市司法局:12月5日市司法局召开年度工作总结表彰会"), Kind::News);
        assert_eq!(k("某县向社会征集下年度立法计划建议"), Kind::News);
        assert_eq!(k("某中心坚持以习近平法治思想为指引"), Kind::News);
        assert_eq!(k("某委通报最新疫情"), Kind::News);
    }

    #[test]
    fn opinions_decisions_replies_and_essays() {
        let k = |t| classify(t, Some(AgencyLevel::Provincial)).0;
        assert_eq!(k("某省人民政府办公厅关于推进包容审慎监管的指导意见"), Kind::Rule);
        assert_eq!(k("关于全面提升基层依法行政水平的实施意见"), Kind::Rule);
        assert_eq!(k("某省人民政府关于修改和废止若干规章的决定"), Kind::Rule);
        assert_eq!(k("某省司法厅关于表彰先进集体的决定"), Kind::Notice);
        assert_eq!(k("某某人大常委会关于开展法治宣传教育的决议"), Kind::Rule);
        assert_eq!(k("某市司法局关于市人大某次会议第0173号建议办理情况的答复函"), Kind::Report);
        assert_eq!(k("《关于公布行政规范性文件清理情况的通知》政策解读"), Kind::Other);
        assert_eq!(k("某背景下的智慧监狱建设问题研究"), Kind::Other);
        assert_eq!(k("课题组|某区人民调解的实践与思考"), Kind::Other);
        assert_eq!(k("【行政复议】行政复议决定书(某复决字〔2025〕117号)"), Kind::Case);
    }

    #[test]
    fn a_page_without_headline_is_read_by_its_formulas() {
        let body = |b: &str| decide_on(&Given::default(), "某某", true, b).value;
        assert_eq!(body("第一条 为规范某某工作，制定本细则。\n第二条 本细则适用于某某。"), Kind::Rule);
        assert_eq!(body("各单位：\n为规范某某程序，现就有关事项通知如下：\n一、某某"), Kind::Notice);
        assert_eq!(body("2025年，某局扎实工作。现将全年工作总结如下：\n一、强化政治引领"), Kind::Report);
        assert_eq!(body("某某委员：\n您提出的建议收悉，现答复如下：\n一、基本情况"), Kind::Report);
        assert_eq!(body("2022年，某局各项工作取得新成效。\n一、2022年工作情况\n（一）某某"), Kind::Report);
        assert_eq!(body("近日，某县司法局召开会议，部署工作。"), Kind::News);
        assert_eq!(body("本报告由某局根据《某信息公开条例》要求编制。"), Kind::Report, "an annual disclosure report");
        let cut = "某市司法局：根据《某省行政规范性文件清理办法》第十四条规定";
        assert_eq!(
            decide_on(
                &Given::default(),
                cut,
                true,
                "根据《某省行政规范性文件清理办法》第十四条规定，现将清理结果公布。"
            )
            .value,
            Kind::News,
            "a cut sentence's last word names nothing"
        );
        let opening = "2024年，某区司法局总体工作思路是：坚持党的领导。";
        assert_eq!(decide_on(&Given::default(), "某区司法局总体工作思路", true, opening).value, Kind::WorkPlan);
        assert_eq!(decide_on(&Given::default(), "某某", false, "第一条 某某").value, Kind::News);
    }
}
