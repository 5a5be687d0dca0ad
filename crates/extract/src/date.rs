//! Publication dates: only from places that state when a text was issued.
//!
//! Dates inside the prose (会议于2024年3月27日召开) describe events, not the
//! publication, so they are never used. The places that count, strongest
//! first: a given or `<meta>` date, a labelled header (发布时间:, 本期出版日期:),
//! a signature date below the text (2025年4月2日, 二〇二五年四月二日), a date
//! in the URL (/202508/, t20260108_), and a year the text opens with.

use std::sync::LazyLock;

use regex::Regex;
use sifa_model::PubDate;

use crate::candidate::{Candidate, Candidates};
use crate::document::Given;
use crate::page::{HEADER_ZONE, PageLines};

/// Scores of the kinds of evidence, strongest first.
mod score {
    pub const GIVEN: f32 = 100.0;
    pub const META: f32 = 90.0;
    pub const HEADER: f32 = 80.0;
    pub const SIGNATURE: f32 = 70.0;
    pub const URL: f32 = 60.0;
    pub const OPENING_YEAR: f32 = 50.0;
}

/// Longest line a labelled header date is read from.
const MAX_HEADER_LINE_CHARS: usize = 120;

/// The publication date of a page and the evidence for it. `url` is the
/// page's address, `headless` whether the page shows no headline (then a
/// year the text opens with is its date).
pub fn decide(page: &PageLines, given: &Given, url: Option<&str>, headless: bool) -> Option<Candidate<PubDate>> {
    let mut found = Candidates::new();
    if let Some(d) = given.date.as_deref().and_then(|d| d.trim().parse::<PubDate>().ok()) {
        found.push(d, "given", &d.to_string(), score::GIVEN);
    }
    if let Some(meta) = page.hints.meta_date.as_deref()
        && let Some(d) = parse_date_or_month(meta)
    {
        found.push(d, "meta:PubDate", meta, score::META);
    }
    if let Some(candidate) = header_date(page) {
        found.add(candidate);
    }
    if let Some((d, line)) = page.tail().iter().rev().find_map(|l| standalone_date(l).map(|d| (d, l))) {
        found.push(d, "signature", line, score::SIGNATURE);
    }
    if let Some(url) = url
        && let Some(d) = url_date(url)
    {
        found.push(d, "url", url, score::URL);
    }
    if let Some(opening) = page.content_folded.first().filter(|_| headless)
        && let Some(d) = opening_year(opening)
    {
        found.push(d, "opening_year", opening, score::OPENING_YEAR);
    }
    found.best()
}

/// The first header line near the top that states a date: labelled
/// (发布时间：…) or opening with it (2024-03-05 10:20 来源：…).
fn header_date(page: &PageLines) -> Option<Candidate<PubDate>> {
    page.all.iter().take(HEADER_ZONE * 3).find_map(|line| {
        if let Some((label, d)) = labelled_date(line).filter(|_| line.chars().count() <= MAX_HEADER_LINE_CHARS) {
            return Some(Candidate::new(d, format!("header:{label}"), line, score::HEADER));
        }
        crate::header::dated_header(line).map(|d| Candidate::new(d, "header:date_first", line, score::HEADER))
    })
}

/// `2025-08-25`, `2025/8/25`, `2025.08.25`, `2025年8月25日`, with spaces.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?(?:\D|$)").expect("valid")
});
/// `2025年8月` without a day.
static NUMERIC_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:[^\d日]|$)").expect("valid"));
/// `二〇二五年四月二日`.
static CHINESE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇○零Ｏ0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
        .expect("valid")
});
/// Labels of header fields that state the publication date.
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(发布时间|发布日期|发表时间|发表日期|发文日期|成文日期|印发日期|公布日期|出版日期|本期出版日期|更新时间|更新日期|上传时间|录入时间|信息时间|日期|时间)\s*[:：]\s*",
    )
    .expect("valid")
});
/// Dates in URLs: `t20260108_`, `/2024/3/5/`, `/2024-03-05/`, `/20240305/`, `/202508/`.
static URL_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[/_t]|^)(20\d{2}|19\d{2})[-/]?(\d{2})[-/]?(\d{2})(?:[/_.]|$)|/(20\d{2}|19\d{2})/(\d{1,2})/(\d{1,2})/",
    )
    .expect("valid")
});
static URL_MONTH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/(20\d{2}|19\d{2})[-_]?(\d{2})/").expect("valid"));
/// A text that opens with a year: `2024年，…` (not `2024年3月`).
static OPENING_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(19\d{2}|20\d{2})\s*年(?:度)?[^\d月〇一二三四五六七八九十]").expect("valid"));

/// The first full date in `text` (numeric or in Chinese numerals).
pub fn parse_date(text: &str) -> Option<PubDate> {
    let numeric = NUMERIC_DATE.captures(text).and_then(|c| {
        let start = c.get(0)?.start();
        Some((start, PubDate::day(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?))
    });
    let chinese = CHINESE_DATE.captures(text).and_then(|c| {
        let start = c.get(0)?.start();
        let year = c[1].chars().map(chinese_digit).collect::<Option<Vec<u32>>>()?;
        let year = year.iter().fold(0, |acc, d| acc * 10 + d) as i32;
        Some((start, PubDate::day(year, chinese_number(&c[2])? as u8, chinese_number(&c[3])? as u8)?))
    });
    match (numeric, chinese) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|x| x.1),
    }
}

/// A full date, or else a year and month, in `text`.
pub fn parse_date_or_month(text: &str) -> Option<PubDate> {
    parse_date(text).or_else(|| {
        let c = NUMERIC_MONTH.captures(text)?;
        PubDate::month(c[1].parse().ok()?, c[2].parse().ok()?)
    })
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | '0' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 一 … 三十一.
fn chinese_number(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', unit] => Some(10 + chinese_digit(*unit)?),
        [tens, '十'] => Some(chinese_digit(*tens)? * 10),
        [tens, '十', unit] => Some(chinese_digit(*tens)? * 10 + chinese_digit(*unit)?),
        [unit] => chinese_digit(*unit),
        _ => None,
    }
}

/// A labelled header date in a short line: `时间:2025-08-25 来源:…`.
/// Returns the label and the date.
pub fn labelled_date(line: &str) -> Option<(String, PubDate)> {
    for label in DATE_LABEL.captures_iter(line) {
        let whole = label.get(0)?;
        let date = parse_date_or_month(&line[whole.end()..]);
        // The date must follow the label directly, not somewhere later.
        let follows = line[whole.end()..].trim_start().starts_with(|c: char| c.is_ascii_digit() || "〇○二".contains(c));
        if let (Some(date), true) = (date, follows) {
            return Some((label[1].to_string(), date));
        }
    }
    None
}

/// A line that is nothing but a date: the date under a signature.
pub fn standalone_date(line: &str) -> Option<PubDate> {
    let trimmed = line.trim().trim_matches(['(', ')', '（', '）', ' ']);
    if trimmed.chars().count() > 20 {
        return None;
    }
    let date = parse_date(trimmed)?;
    let leftover =
        trimmed.chars().filter(|c| !c.is_ascii_digit() && !"年月日-/.〇○零一二三四五六七八九十 ".contains(*c)).count();
    (leftover == 0).then_some(date)
}

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
        let page = PageLines::read(text, false);
        decide(&page, &Given::default(), url, headless).map(|c| (c.rule, c.value.to_string()))
    }

    #[test]
    fn a_given_date_wins() {
        let page = PageLines::read("标题\n发布时间：2024-01-02\n正文。", false);
        let given = Given { date: Some("2023-05".into()), ..Given::default() };
        let found = decide(&page, &given, None, false).unwrap();
        assert_eq!((found.rule.as_str(), found.value), ("given", d("2023-05")));
    }

    #[test]
    fn a_header_date_beats_the_signature_and_the_url() {
        let text = "标题\n发布时间：2024-01-02 来源：某县司法局\n正文内容。\n2023年12月30日\n";
        let url = Some("http://a.gov.cn/202311/t20231101_1.html");
        assert_eq!(read(text, url, false), Some(("header:发布时间".into(), "2024-01-02".into())));
        let text = "标题\n2024-03-05 10:20 来源：某市司法局\n正文内容。\n";
        assert_eq!(read(text, None, false), Some(("header:date_first".into(), "2024-03-05".into())));
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
    fn numeric_and_chinese_dates() {
        assert_eq!(parse_date("2025年4月2日"), Some(d("2025-04-02")));
        assert_eq!(parse_date("2025-08-25 10:30"), Some(d("2025-08-25")));
        assert_eq!(parse_date("2023.11.3"), Some(d("2023-11-03")));
        assert_eq!(parse_date("二〇二三年十二月五日"), Some(d("2023-12-05")));
        assert_eq!(parse_date("二〇二五年四月二十一日"), Some(d("2025-04-21")));
        assert_eq!(parse_date("2025年2月30日"), None);
    }

    #[test]
    fn labelled_headers() {
        assert_eq!(labelled_date("时间:2025-08-25 来源:山东省司法厅 作者:佚名").map(|x| x.1), Some(d("2025-08-25")));
        assert_eq!(labelled_date("第4898期:第02版 本期出版日期:2025-04-24").map(|x| x.0), Some("本期出版日期".into()));
        assert_eq!(labelled_date("发布时间：2023年11月3日  来源：某区司法局").map(|x| x.1), Some(d("2023-11-03")));
        assert_eq!(labelled_date("来源：某区司法局"), None);
        assert_eq!(labelled_date("培训时间：上午9点"), None);
    }

    #[test]
    fn signature_lines() {
        assert_eq!(standalone_date("2025年4月2日"), Some(d("2025-04-02")));
        assert_eq!(standalone_date("（二〇二三年十二月五日）"), Some(d("2023-12-05")));
        assert_eq!(standalone_date("2025年4月2日召开会议"), None);
    }

    #[test]
    fn urls() {
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
