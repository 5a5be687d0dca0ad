//! Publication dates: gathered as candidates from every place a page states
//! when it was issued, and chosen by score.
//!
//! Dates inside the prose (会议于2024年3月27日召开, a deadline) describe
//! events, not the publication, so a date counts only where its position
//! says it is the page's own: given metadata or `<meta>`; a signature (a
//! date line under the issuer's name, or in Chinese numerals, which only
//! signatures use); a formal label (成文日期, 公布日期); a publication label
//! (发布时间, 发布日期, 时间, 更新时间, 【发布日期】 and their variants); a
//! dateline beside the headline (2024-03-05 10:20 来源：…, 24.03.2015 20:57,
//! a date on its own line); a timestamp in a source or forum byline. The
//! URL's date is a fallback with its own precision (day or month), and a
//! year the text opens with is the last resort for a page with no headline.
//! For a formal document the signature outranks the page's timestamps,
//! which are often a mirror's.

use std::sync::LazyLock;

use regex::Regex;
use sifa_model::PubDate;

use crate::shapes::dates::{DateMatch, Shape, dates_in, labelled_dates, parse_date_or_month, standalone_date};
use crate::shapes::promulgation::{acts, note_act};

use crate::candidate::{Candidate, Candidates};
use crate::given::Given;
use crate::names::resolver::AgencyResolver;
use crate::page::PageLines;

/// Scores of the kinds of evidence, strongest first.
mod score {
    pub const GIVEN: f32 = 100.0;
    pub const META: f32 = 90.0;
    pub const SIGNATURE: f32 = 86.0;
    pub const FORMAL_LABEL: f32 = 84.0;
    pub const PROMULGATION: f32 = 83.0;
    pub const DOC_NO_LINE: f32 = 84.0;
    pub const INLINE_SIGNATURE: f32 = 83.0;
    pub const LABEL: f32 = 80.0;
    pub const DATELINE: f32 = 78.0;
    pub const BYLINE_TIMESTAMP: f32 = 76.0;
    pub const TAIL_DATE: f32 = 72.0;
    pub const URL: f32 = 50.0;
    pub const LAST_MODIFIED: f32 = 45.0;
    pub const OPENING_YEAR: f32 = 40.0;
}

/// How far into the page header fields and datelines are looked for.
const HEADER_LINES: usize = 30;
/// How far from the end a bare date line still reads as a signature.
const TAIL_LINES: usize = 12;
/// Longest line a label or dateline is read from, unless the label is
/// bracketed (【发布日期】), as legal databases run them together.
const MAX_HEADER_LINE_CHARS: usize = 120;
/// Longest line a dateline can be.
const MAX_DATELINE_CHARS: usize = 60;

/// Labels that state a formal document's own date.
const FORMAL_LABELS: &[&str] = &["成文日期", "成文时间", "印发日期", "发文日期", "公布日期", "签发日期", "通过日期"];

/// What the date decision reads besides the page's lines.
pub struct DateInputs<'a> {
    pub given: &'a Given,
    pub url: Option<&'a str>,
    /// Index in [`PageLines::all`] of the headline, when the page shows one.
    pub headline_at: Option<usize>,
    /// The headline is a formal document's (…的通知, …办法).
    pub formal: bool,
    pub agencies: &'a AgencyResolver,
}

/// The publication date of a page and the evidence for it.
pub fn decide(page: &PageLines, inputs: &DateInputs) -> Option<Candidate<PubDate>> {
    let mut found = Candidates::new();
    // A given date outranks everything the page could offer.
    if let Some(d) = inputs.given.date.as_deref().and_then(|d| d.trim().parse::<PubDate>().ok()) {
        return Some(Candidate::new(d, "given", &d.to_string(), score::GIVEN));
    }
    if let Some(meta) = page.hints.meta_date.as_deref()
        && let Some(d) = parse_date_or_month(meta)
    {
        found.push(d, "meta:PubDate", meta, score::META);
    }
    header_dates(page, inputs, &mut found);
    signatures(page, inputs, &mut found);
    press_credits(page, &mut found);
    if let Some(url) = inputs.url
        && let Some(d) = url_date(url)
    {
        found.push(d, "url", url, score::URL);
    }
    if inputs.headline_at.is_none()
        && let Some(opening) = page.content_folded.first()
        && let Some(d) = opening_year(opening)
    {
        found.push(d, "opening_year", opening, score::OPENING_YEAR);
    }
    // The server's Last-Modified day: weak, often the day a site was rebuilt.
    if let Some(modified) = inputs.given.last_modified.as_deref()
        && let Ok(d) = modified.trim().parse::<PubDate>()
    {
        found.push(d, "http:last_modified", modified, score::LAST_MODIFIED);
    }
    // Nothing was published after the day the page was fetched.
    if let Some(fetched) = inputs.given.fetched.as_deref().and_then(|f| f.trim().parse::<PubDate>().ok()) {
        found.retain(|c| c.rule == "given" || c.value <= fetched);
    }
    found.best()
}

/// Labelled fields, lines that hold a document number and its date, and
/// datelines beside the headline, near the top of the page.
fn header_dates(page: &PageLines, inputs: &DateInputs, found: &mut Candidates<PubDate>) {
    for (index, line) in page.all.iter().enumerate().take(HEADER_LINES) {
        let chars = line.chars().count();
        for (label, bracketed, m) in labelled_dates(line) {
            if m.with_weekday || (chars > MAX_HEADER_LINE_CHARS && !bracketed) {
                continue;
            }
            // A legal database's bracketed field (【发布日期】) states the official date.
            let formal = FORMAL_LABELS.contains(&label.as_str()) || bracketed;
            let score = if formal { score::FORMAL_LABEL } else { score::LABEL };
            found.push(m.date, format!("header:{label}"), line, score);
        }
        if let Some(act) = note_act(&page.all, index) {
            found.push(act.date, "promulgation", line, score::PROMULGATION);
        }
        if !acts(line).is_empty() {
            continue;
        }
        if chars > MAX_HEADER_LINE_CHARS {
            continue;
        }
        let dates = dates_in(line);
        let Some(first) = dates.first().filter(|m| !m.with_weekday) else { continue };
        if crate::shapes::numbers::is_number_line(line) {
            found.push(first.date, "doc_no_line", line, score::DOC_NO_LINE);
            continue;
        }
        if (near_headline(index, inputs.headline_at) || beside_edition_line(page, index)) && is_dateline(line, first) {
            found.push(first.date, "dateline", line, score::DATELINE);
        } else if first.with_time && chars <= MAX_DATELINE_CHARS {
            found.push(first.date, "byline_timestamp", line, score::BYLINE_TIMESTAMP);
        } else if let Some(d) = crate::shapes::header::dated_header(line) {
            found.push(d, "header:date_first", line, score::LABEL);
        }
    }
}

/// Lines just below the headline, or just above it; without a headline,
/// the first lines of the page.
fn near_headline(index: usize, headline_at: Option<usize>) -> bool {
    match headline_at {
        Some(h) => index + 2 >= h && index <= h + 4,
        None => index < 8,
    }
}

/// A date standing as a page's dateline: alone on its line, at the start
/// of a short line or of one where a time of day follows, or closing a
/// short byline (某某网 作者 2021-02-27).
fn is_dateline(line: &str, first: &DateMatch) -> bool {
    let chars = line.chars().count();
    let before = line[..first.start].trim();
    standalone_date(line).is_some()
        || (before.chars().count() <= 2 && (first.with_time || chars <= 40 || separator_follows(&line[first.end..])))
        || (chars <= MAX_DATELINE_CHARS && (first.with_time || line[first.end..].trim().is_empty()))
}

/// A date line next to a newspaper's edition line (第A04版:要闻): the
/// issue's date, wherever the article's headline stands.
fn beside_edition_line(page: &PageLines, index: usize) -> bool {
    let edition = |i: usize| page.all.get(i).is_some_and(|l| crate::shapes::headline::is_edition_line(l));
    edition(index + 1) || index.checked_sub(1).is_some_and(edition)
}

fn separator_follows(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.is_empty() || rest.starts_with(['|', '｜', '来', '作', '编', '发', '浏', '阅', '点', '责'])
}

/// `《人民日报》（2025年03月20日 11 版）`: the credit line under a newspaper
/// article, as papers and the sites that carry them cite an issue: the
/// paper, its date and page.
static PRESS_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"《\s*\p{Han}{2,14}报\s*》\s*[(（]\s*([^()（）]{8,24}?)\s*(?:第?\s*[a-z]?\d{1,3}\s*版)?\s*[)）]\s*$")
        .expect("valid")
});

/// The issue a press credit line cites.
fn press_credits(page: &PageLines, found: &mut Candidates<PubDate>) {
    for line in &page.all {
        if !line.contains('《') || !line.contains('版') {
            continue;
        }
        for c in PRESS_CREDIT.captures_iter(line) {
            if let Some(m) = dates_in(&c[1]).first().filter(|m| m.start == 0) {
                found.push(m.date, "press_credit", line, score::LABEL);
            }
        }
    }
}

/// Signature dates: a date line under the issuer's name (or a signer's), a
/// date in Chinese numerals standing on its own or set apart in a line,
/// and a bare date line at the end of the text.
fn signatures(page: &PageLines, inputs: &DateInputs, found: &mut Candidates<PubDate>) {
    let lines = &page.all;
    let header_end = inputs.headline_at.map_or(8, |h| h + 5);
    let tail_start = lines.len().saturating_sub(TAIL_LINES);
    let closing = inputs.formal.then(|| closing_date_line(lines, inputs.headline_at)).flatten();
    for (index, line) in lines.iter().enumerate() {
        let Some(date) = standalone_date(line) else {
            if let Some(m) = inline_chinese_signature(line) {
                found.push(m, "signature:inline", line, score::INLINE_SIGNATURE);
            }
            continue;
        };
        let chinese = dates_in(line).first().is_some_and(|m| m.shape == Shape::ChineseNumerals);
        let previous = index.checked_sub(1).map(|i| lines[i].as_str());
        let under_issuer = previous.is_some_and(|p| inputs.agencies.is_agency_line(p) || is_signer_line(p));
        if chinese || (under_issuer && index >= header_end.min(3)) {
            found.push(date, "signature", line, score::SIGNATURE);
        } else if closing == Some(index) {
            found.push(date, "signature:closing", line, score::SIGNATURE);
        } else if index >= tail_start && index >= header_end {
            found.push(date, "signature:tail", line, score::TAIL_DATE);
        }
    }
}

/// GB/T 9704 puts a formal document's 成文日期 under its text, after the
/// addressee (主送机关) and the text; pages often drop the signature above
/// it. The first date line standing alone within a few lines after the
/// salutation (各县市司法局：) closes the document's text.
fn closing_date_line(lines: &[String], headline_at: Option<usize>) -> Option<usize> {
    let from = headline_at.map_or(0, |h| h + 1);
    let salutation = (from..lines.len().min(from + HEADER_LINES)).find(|&i| is_salutation(&lines[i]))?;
    (salutation + 1..lines.len().min(salutation + 1 + CLOSING_WINDOW)).find(|&i| standalone_date(&lines[i]).is_some())
}

/// How many lines after a salutation a closing date is looked for.
const CLOSING_WINDOW: usize = 10;

/// A 主送机关 line: 各县（市、区）司法局：, 市委各部门，市直各单位：.
fn is_salutation(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('各') && line.ends_with([':', '：']) && line.chars().count() <= 80
}

/// A signer's line: a short title and name (省长某某, 部 长 某某某).
fn is_signer_line(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let chars = compact.chars().count();
    (3..=8).contains(&chars)
        && compact.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && ["长", "任", "书记", "主席"].iter().any(|t| compact.contains(t))
}

/// `……贯彻落实。 某某领导小组 二〇〇六年二月二十一日 …`: a date in Chinese
/// numerals set apart by spaces inside a run-on line.
fn inline_chinese_signature(line: &str) -> Option<PubDate> {
    if !line.contains("日 ") && !line.ends_with('日') {
        return None;
    }
    dates_in(line).into_iter().find_map(|m| {
        let apart_before = line[..m.start].ends_with(' ');
        let rest = &line[m.end..];
        let apart_after = rest.is_empty() || rest.starts_with(' ');
        (m.shape == Shape::ChineseNumerals && apart_before && apart_after).then_some(m.date)
    })
}

/// Dates in URLs: `t20260108_`, `/2024/3/5/`, `/2024-03-05/`, `/20240305/`, `/202508/`.
static URL_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[/_t]|^)(20\d{2}|19\d{2})[-/]?(\d{2})[-/]?(\d{2})(?:[/_.]|$)|/(20\d{2}|19\d{2})/(\d{1,2})/(\d{1,2})/",
    )
    .expect("valid")
});
/// `/20180710175250557`: a timestamp id that opens with the day and a time.
static URL_TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(20\d{2})(\d{2})(\d{2})(?:[01]\d|2[0-3])[0-5]\d[0-5]\d\d*(?:[/_.]|$)").expect("valid")
});
static URL_MONTH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/(20\d{2}|19\d{2})[-_]?(\d{2})/").expect("valid"));
/// A text that opens with a year: `2024年，…` (not `2024年3月`).
static OPENING_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(19\d{2}|20\d{2})\s*年(?:度)?[^\d月〇一二三四五六七八九十]").expect("valid"));

/// The date a URL path carries: day precision when it has one, else month.
pub fn url_date(url: &str) -> Option<PubDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let path = format!("/{path}");
    if let Some(c) = URL_DAY.captures(&path) {
        let (y, m, d) = match c.get(1) {
            Some(_) => (&c[1], &c[2], &c[3]),
            None => (&c[4], &c[5], &c[6]),
        };
        if let Some(date) = PubDate::day(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?) {
            return Some(date);
        }
    }
    if let Some(c) = URL_TIMESTAMP.captures(&path)
        && let Some(date) = PubDate::day(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    {
        return Some(date);
    }
    let c = URL_MONTH.captures(&path)?;
    PubDate::month(c[1].parse().ok()?, c[2].parse().ok()?)
}

/// The year a text opens with (`2024年，某区司法局总体工作思路是…`).
pub fn opening_year(text: &str) -> Option<PubDate> {
    let c = OPENING_YEAR.captures(text)?;
    PubDate::year(c[1].parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PubDate {
        s.parse().unwrap()
    }

    fn read(text: &str, url: Option<&str>, headless: bool) -> Option<(String, String)> {
        read_given(text, &Given::default(), url, (!headless).then_some(0))
    }

    fn read_given(
        text: &str,
        given: &Given,
        url: Option<&str>,
        headline_at: Option<usize>,
    ) -> Option<(String, String)> {
        let page = PageLines::read(text, false);
        let agencies = crate::agency::tests::resolver();
        let formal = page.all.iter().take(3).any(|l| crate::shapes::headline::ends_like_a_document(l));
        let inputs = DateInputs { given, url, headline_at, formal, agencies: &agencies };
        decide(&page, &inputs).map(|c| (c.rule, c.value.to_string()))
    }

    #[test]
    fn a_given_date_wins() {
        let given = Given { date: Some("2023-05".into()), ..Given::default() };
        let found = read_given("标题\n发布时间：2024-01-02\n正文。", &given, None, Some(0));
        assert_eq!(found, Some(("given".into(), "2023-05".into())));
    }

    #[test]
    fn a_header_date_beats_a_bare_date_at_the_end_and_the_url() {
        let text = "标题\n发布时间：2024-01-02 来源：某县司法局\n正文内容。\n2023年12月30日\n";
        let url = Some("http://a.gov.cn/202311/t20231101_1.html");
        assert_eq!(read(text, url, false), Some(("header:发布时间".into(), "2024-01-02".into())));
        let text = "标题\n2024-03-05 10:20 来源：某市司法局\n正文内容。\n";
        assert_eq!(read(text, None, false), Some(("dateline".into(), "2024-03-05".into())));
    }

    #[test]
    fn the_signature_then_the_url_then_an_opening_year() {
        let text = "关于开展检查的通知\n各单位：现将有关事项通知如下。\n某县司法局\n2023年12月30日\n";
        assert_eq!(read(text, None, false), Some(("signature".into(), "2023-12-30".into())));
        let text = "某县司法局开展普法宣传\n会议于2024年3月27日召开。\n";
        let url = Some("http://a.gov.cn/202311/x.html");
        assert_eq!(read(text, url, false), Some(("url".into(), "2023-11".into())));
        assert_eq!(read(text, None, false), None, "a date inside the story is not the publication date");
        let text = "2024年，某区司法局总体工作思路是：坚持以人民为中心。\n";
        assert_eq!(read(text, None, true), Some(("opening_year".into(), "2024".into())));
        assert_eq!(read(text, None, false), None);
    }

    #[test]
    fn a_formal_document_s_signature_beats_the_page_s_timestamps() {
        let text = "某市司法局关于印发某要点的通知\n生成日期 2025-09-30\n发布时间:2025-09-30 10:05\n各区司法局：\n现将要点印发给你们。\n山东省司法厅\n2025年9月26日\n";
        assert_eq!(read(text, None, false), Some(("signature".into(), "2025-09-26".into())));
        let text = "某某规定\n时间:2024-07-05 13:46:32 来源: 某资料网\n《某某规定》已经部长办公会议通过，现予发布施行。\n部 长  某某某\n一九九九年十二月十八日\n第一章 总则\n";
        assert_eq!(read(text, None, false), Some(("signature".into(), "1999-12-18".into())));
        let text = "某某领导小组关于印发某要点的通知 各单位: 现将要点印发给你们。 某某领导小组 二〇〇六年二月二十一日 二〇〇六年工作要点 正文";
        assert_eq!(read(text, None, true).map(|x| x.1), Some("2006-02-21".into()));
        let text = "某部关于某工作的通知\n（某发通〔2003〕58号 2003年9月22日）\n各省司法厅：\n";
        assert_eq!(read(text, None, false), Some(("doc_no_line".into(), "2003-09-22".into())));
    }

    #[test]
    fn a_formal_document_s_date_closes_its_text() {
        // An unsigned cover notice: the date line after the addressee and the text.
        let text = "某局关于印发《某实施意见(2024—2025年)》\n发布日期:2024-04-03 17:35:06\n各县市司法局:\n现将意见印发给你们,请抓好落实。\n2024年3月27日\n(此件公开发布)\n某实施意见\n";
        assert_eq!(read(text, None, false), Some(("signature:closing".into(), "2024-03-27".into())));
        let text = "关于做好年度考核工作的通知\n时间:2023-06-14\n各区司法局、各律师事务所:\n现将有关事项通知如下。\n一、考核范围\n2023年6月10日\n";
        assert_eq!(read(text, None, false).map(|x| x.1), Some("2023-06-10".into()));
        // A story's date line is not a closing date.
        let text =
            "某县召开调解工作会议\n发布时间:2024-01-02\n各位代表发言热烈。\n2023年12月30日\n会议还强调了下一步工作。\n";
        assert_eq!(read(text, None, false).map(|x| x.1), Some("2024-01-02".into()));
    }

    #[test]
    fn a_press_credit_cites_the_issue() {
        let text = "这个县,有支调解队\n某报记者 某某\n近日,在某县某镇司法所调解室,一桩纠纷画上句号。\n(某某参与采写)\n《 某某日报 》( 2025年03月20日 11 版)\n";
        assert_eq!(read(text, None, false), Some(("press_credit".into(), "2025-03-20".into())));
        let text = "某地织密法律服务网\n正文内容,充实。\n《某某法治报》（2024年5月6日 第3版）\n";
        assert_eq!(read(text, None, false).map(|x| x.1), Some("2024-05-06".into()));
        let text = "某地织密法律服务网\n据《某某日报》(2024年5月6日 第3版)报道,某地开展活动。\n";
        assert_eq!(read(text, None, false).map(|x| x.0), None, "a citation inside a sentence names no edition");
    }

    #[test]
    fn a_promulgation_note_dates_the_version() {
        let text = "某某程序规则\n2006年5月18日某部令第103号发布 2020年10月20日某部令第145号修正\n第一章 总则\n";
        assert_eq!(read(text, None, false), Some(("promulgation".into(), "2020-10-20".into())));
        let text = "某市律师协会章程\n(1999年12月22日第三次某市律师代表大会通过;\n2023年12月20日第九次某市律师代表大会修订)\n第一章 总则\n";
        assert_eq!(read(text, None, false).map(|x| x.1), Some("2023-12-20".into()));
        let text = "某某条例\n【发布日期】2024-05-10\n某某条例\n(2022年3月28日某市人大常委会通过 根据2024年4月30日某市人大常委会《关于修改某条例的决定》修正)\n第一章 总则\n";
        assert_eq!(read(text, None, false).map(|x| x.1), Some("2024-05-10".into()), "a database's 公布 date");
    }

    #[test]
    fn labels_in_their_variants() {
        assert_eq!(read("标题\n成文日期: 2022年4月19日\n正文。", None, false).unwrap().0, "header:成文日期");
        assert_eq!(
            read("标题\n索 引 号 000/2021-00871 生成日期 2021-08-05\n正文。", None, false).unwrap().1,
            "2021-08-05"
        );
        assert_eq!(read("发文机关某部\n发文日期1989年12月26日\n正文。", None, true).unwrap().1, "1989-12-26");
        let blob = format!(
            "某某办法【发布日期】2014.03.27【效力级别】某类【发布部门】某市司法局【实施日期】2014.05.01{}",
            "正文".repeat(80)
        );
        assert_eq!(read(&format!("标题\n{blob}\n"), None, false).unwrap().1, "2014-03-27");
        assert_eq!(read("标题\n某某 发表于 2020-7-3 10:20\n正文。", None, false).unwrap().1, "2020-07-03");
        assert_eq!(read("标题\n培训时间：上午9点\n正文。", None, false), None);
    }

    #[test]
    fn datelines_beside_the_headline() {
        assert_eq!(read("某某标题\n24.03.2015  20:57\n正文内容。", None, false).unwrap().1, "2015-03-24");
        assert_eq!(read("某某标题\n2024年07月19日09:05 |\n正文内容。", None, false).unwrap().1, "2024-07-19");
        assert_eq!(read("某某标题\n某研究会 某研究会 某期刊 2021-02-27\n正文。", None, false).unwrap().1, "2021-02-27");
        assert_eq!(read("某某标题\n阅读次数:38642020-05-18 08:26\n正文。", None, false).unwrap().1, "2020-05-18");
        assert_eq!(
            read("某某标题\n2020年06月30日 18:10为切实保障务工人员工资，某局开展专项检查。", None, false).unwrap().1,
            "2020-06-30"
        );
        assert_eq!(read("某某标题\n（2024年3月5日）\n正文。", None, false).unwrap().1, "2024-03-05");
        assert_eq!(read("某某网 2021年3月9日星期二\n某某标题\n正文。", None, false), None, "a today-is widget");
        assert_eq!(
            read(
                "某某标题\n2023年9月14日上午，省司法厅副厅长一行到某县走访，实地察看多个乡镇人民调解室的运行情况。",
                None,
                false
            ),
            None,
            "a date that opens the story"
        );
    }

    #[test]
    fn an_e_paper_s_issue_date_beside_its_edition_line() {
        let text = "某银行信用卡\n2021年06月08日\n第B02版:要闻\n某某图书馆\n某市律师服务中心揭牌\n某市律师服务中心揭牌\n正文，内容充实，说明情况。";
        assert_eq!(read(text, None, false).map(|x| x.1), Some("2021-06-08".into()));
    }

    #[test]
    fn a_crawl_bounds_the_date_and_last_modified_is_a_last_resort() {
        let given = Given { fetched: Some("2024-01-10".into()), ..Given::default() };
        let text = "某某标题\n发布时间:2024-05-06\n正文。\n";
        let url = Some("http://a.gov.cn/202311/t20231101_1.html");
        assert_eq!(
            read_given(text, &given, url, Some(0)),
            Some(("url".into(), "2023-11-01".into())),
            "not after the crawl"
        );
        let given = Given { last_modified: Some("2023-03-04".into()), ..Given::default() };
        assert_eq!(read_given("某某标题\n正文。\n", &given, None, Some(0)).unwrap().0, "http:last_modified");
        assert_eq!(read_given(text, &given, None, Some(0)).unwrap().0, "header:发布时间");
    }

    #[test]
    fn glossed_labels_are_read() {
        let text = "某某标题\n來源:某某日報   發(fā)布時(shí)間:2020-10-30 09:13:54\n正文。";
        assert_eq!(read(text, None, false).unwrap().1, "2020-10-30");
    }

    #[test]
    fn urls() {
        assert_eq!(url_date("http://sfj.example.gov.cn/New/Detail/20180710175250557"), Some(d("2018-07-10")));
        assert_eq!(url_date("https://a.example.com/html/2022-01/10/content_1.htm"), Some(d("2022-01-10")));
        assert_eq!(url_date("http://sft.example.gov.cn/articles/ch04361/202508/35bae4d3.shtml"), Some(d("2025-08")));
        assert_eq!(url_date("https://sfj.example.gov.cn/xwdt/202601/t20260108_123456.html"), Some(d("2026-01-08")));
        assert_eq!(url_date("http://sft.example.gov.cn/art/2024/3/5/art_1229_5861234.html"), Some(d("2024-03-05")));
        assert_eq!(url_date("http://example.gov.cn/col/col1229/index.html"), None);
        assert_eq!(url_date("http://example.gov.cn/202513/x.html"), None);
    }

    #[test]
    fn opening_years() {
        assert_eq!(opening_year("2024年，某区司法局总体工作思路是"), Some(d("2024")));
        assert_eq!(opening_year("2024年3月，某区"), None);
    }
}
