//! The document number (发文字号): 鲁司发〔2024〕12号, 沪崇司〔2025〕7号,
//! 司法部令第150号.
//!
//! A number counts where a page presents it as its own: after a label
//! (文号, 发文字号, 文件编号), on a line of its own near the top (perhaps in
//! brackets with the date, as legal databases print it under the title),
//! or at the start or end of the headline. Numbers cited inside sentences
//! (根据《…》（国发〔2010〕33号）) belong to other documents and are never
//! taken. The value is written canonically: simplified characters, the
//! year in 〔〕 whatever brackets the page used ([] () 【】 ［］ 〈〉 ﹝﹞), no
//! spaces. An old number that opens with its year ([89]司发法字第001号)
//! keeps its brackets, and a garbled number is kept as it is, never guessed.

use std::sync::LazyLock;

use regex::Regex;

use crate::candidate::{Candidate, Candidates};
use crate::page::PageLines;
use crate::shapes::numbers::{numbers_in, stands_alone};
use crate::shapes::promulgation::note_act;

/// How far into the page a document number is looked for, in lines.
const DOC_NO_ZONE: usize = 30;

/// Scores of the kinds of evidence, strongest first.
mod score {
    pub const LABELLED: f32 = 95.0;
    pub const OWN_LINE: f32 = 90.0;
    pub const IN_HEADLINE: f32 = 85.0;
}

/// Labels that introduce a document number.
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(发文字号|文\s*号|文件编号|文件字号|字\s*号)\s*[:：]?\s*").expect("valid"));

/// The page's own document number and the evidence for it.
pub fn decide(page: &PageLines) -> Option<Candidate<String>> {
    let mut candidates = Candidates::new();
    let lines = &page.all[..page.all.len().min(DOC_NO_ZONE)];
    for (index, line) in lines.iter().enumerate() {
        if line.len() > 600 || (!line.contains('号') && !line.ends_with('令')) {
            continue;
        }
        let found = numbers_in(line);
        if let Some(label) = LABEL.find(line) {
            if let Some(f) = found.iter().find(|f| f.start == label.end()) {
                candidates.push(f.value.clone(), "doc_no:label", line, score::LABELLED);
            } else if line[label.end()..].trim().is_empty()
                && let Some(next) = lines.get(index + 1)
                && let Some(f) = numbers_in(next).into_iter().next()
            {
                // 文件编号: with its value on the next line.
                candidates.push(f.value, "doc_no:label", next, score::LABELLED);
            }
        }
        for f in &found {
            if stands_alone(line, f) {
                candidates.push(f.value.clone(), "doc_no:own_line", line, score::OWN_LINE);
            } else if index < 5 && (f.start == 0 || line[f.end..].trim().is_empty() || starts_a_title(&line[f.end..])) {
                candidates.push(f.value.clone(), "doc_no:headline", line, score::IN_HEADLINE);
            }
        }
        // A promulgation note: the order of the version it describes.
        if let Some(order) = note_act(lines, index).and_then(|act| act.order) {
            candidates.push(order, "doc_no:promulgation", line, score::OWN_LINE);
        }
        // 中华人民共和国司法部令 / 第 56 号 broken over two lines.
        if line.ends_with('令')
            && line.chars().count() <= 20
            && let Some(next) = lines.get(index + 1)
        {
            let joined = format!("{line}{next}");
            if let Some(f) = numbers_in(&joined).into_iter().find(|f| f.start == 0 && f.end == joined.len()) {
                candidates.push(f.value, "doc_no:own_line", &joined, score::OWN_LINE);
            }
        }
    }
    candidates.best()
}

/// Text after a number that begins the headline: `《…》` or a space and words.
fn starts_a_title(rest: &str) -> bool {
    rest.starts_with('《') || rest.starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(line: &str) -> Vec<String> {
        numbers_in(line).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn coded_numbers_with_every_bracket() {
        assert_eq!(values("鲁司发〔2024〕12号"), ["鲁司发〔2024〕12号"]);
        assert_eq!(values("沪崇司[2025]7号"), ["沪崇司〔2025〕7号"]);
        assert_eq!(values("某政办(2010)54号"), ["某政办〔2010〕54号"]);
        assert_eq!(values("某司【2013】104号"), ["某司〔2013〕104号"]);
        assert_eq!(values("某府发〈2021〉3号"), ["某府发〔2021〕3号"]);
        assert_eq!(values("某府发﹝2021﹞3号"), ["某府发〔2021〕3号"]);
        assert_eq!(values("某某省人民政府令 〔2019〕 第 11 号"), ["某某省人民政府令〔2019〕第11号"]);
        assert_eq!(values("常委会公告〔十四届〕第7号"), ["常委会公告〔十四届〕第7号"]);
    }

    #[test]
    fn orders_year_first_numbers_and_garbled_digits() {
        assert_eq!(values("司法部令第150号"), ["司法部令第150号"]);
        assert_eq!(values("2020年10月20日某部令第145号修正"), ["某部令第145号"], "after a date");
        assert_eq!(values("[91]某发字第002号"), ["[91]某发字第002号"]);
        assert_eq!(values("某司发〔2O19〕5号"), ["某司发〔2O19〕5号"], "kept as printed, not corrected");
    }

    fn read(text: &str) -> Option<(String, String)> {
        decide(&PageLines::read(text, false)).map(|c| (c.rule, c.value))
    }

    #[test]
    fn the_page_presents_its_own_number() {
        let page = "某市司法局关于印发某办法的通知\n某司发〔2024〕3号\n各区县司法局：\n根据《某条例》（某政发〔2019〕9号）规定，现印发给你们。\n";
        assert_eq!(read(page), Some(("doc_no:own_line".into(), "某司发〔2024〕3号".into())));
        let page = "索引号：000/2024-001\n文号：某政办〔2024〕8号 发布机构：某市人民政府办公室\n标题\n";
        assert_eq!(read(page), Some(("doc_no:label".into(), "某政办〔2024〕8号".into())));
        let page = "某某规定\n（某发〔2001〕5号 2001年3月2日）\n正文。\n";
        assert_eq!(read(page).unwrap().1, "某发〔2001〕5号");
        let page = "中华人民共和国某部令\n第 56 号\n《某规定》已经部务会议通过。\n";
        assert_eq!(read(page).unwrap().1, "中华人民共和国某部令第56号");
        let page = "某某规则\n2006年5月18日某部令第103号发布 2020年10月20日某部令第145号修正\n第一章 总则\n";
        assert_eq!(read(page), Some(("doc_no:promulgation".into(), "某部令第145号".into())));
        let page = "某省某细则-某司【2013】104号\n正文。\n";
        assert_eq!(read(page), Some(("doc_no:headline".into(), "某司〔2013〕104号".into())));
    }

    #[test]
    fn numbers_cited_in_sentences_are_not_the_page_s() {
        let page =
            "某县司法局召开会议\n会议传达了《关于加强某工作的通知》（某司〔2019〕45号）精神，部署了下一步工作。\n";
        assert_eq!(read(page), None);
    }
}
