//! The shapes a date is written in, found anywhere in a line of folded
//! (simplified, half-width) text.
//!
//! Year first: `2025-08-25`, `2025/8/25`, `2025.08.25`, `2025年8月25日`,
//! `2011- 09- 01`; day first, as European-style sites write it:
//! `23.05.2017`; Chinese numerals: `二〇二五年四月二日`, `一九九九年十二月十八日`,
//! `二00六年二月二十一日` (zeros typed as digits or look-alike letters).
//! Each match records whether a time of day follows (`10:20`), which marks
//! a page's own timestamp rather than a date in the prose, and whether a
//! weekday follows (`2021年3月9日星期二`), which marks a "today is" widget.

use std::sync::LazyLock;

use regex::Regex;
use sifa_model::PubDate;

/// Year first, with `-`, `/`, `.` or 年月日 between the parts.
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?").expect("valid")
});
/// The year apart from month and day, as some sites print a timestamp:
/// `2025 07/18 11:57:51`. Read only with its time of day.
static YEAR_APART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s+(\d{1,2})/(\d{1,2})").expect("valid"));
/// Day first with dots: `23.05.2017`.
static DAY_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})").expect("valid"));
/// `二〇二五年四月二日`.
static CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇○零Ｏ0OoОо一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
        .expect("valid")
});
/// `2025年8月` without a day.
static YEAR_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:[^\d日]|$)").expect("valid"));
/// A time of day right after a date: `10:20`, ` 09:13:54`, `19: 02`.
static TIME_OF_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[,，]\s*)?\d{1,2}\s*[:：]\s*\d{2}").expect("valid"));

/// How a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    YearFirst,
    DayFirst,
    ChineseNumerals,
}

/// One date found in a line, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    pub date: PubDate,
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    /// A time of day follows (`2024-03-05 10:20`).
    pub with_time: bool,
    /// A weekday follows (`2021年3月9日星期二`): a "today is" widget.
    pub with_weekday: bool,
}

/// Every full date in `line`, in order.
pub fn dates_in(line: &str) -> Vec<DateMatch> {
    let mut found = Vec::new();
    // Every shape has a digit or 年; most lines of prose have neither.
    if !line.bytes().any(|b| b.is_ascii_digit()) && !line.contains('年') {
        return found;
    }
    for c in YEAR_FIRST.captures_iter(line) {
        let whole = c.get(0).expect("match");
        // A longer number is not a year: 12345-06-07.
        let digit_before = line[..whole.start()].chars().next_back().is_some_and(|ch| ch.is_ascii_digit());
        let digit_after =
            !whole.as_str().ends_with('日') && line[whole.end()..].starts_with(|ch: char| ch.is_ascii_digit());
        let has_time = TIME_OF_DAY.is_match(&line[whole.end()..]);
        // Digits glued before a date are allowed only when a time follows
        // (阅读次数:38642020-05-18 08:26).
        if digit_after || (digit_before && !has_time) {
            continue;
        }
        if let Some(date) = day(&c[1], &c[2], &c[3]) {
            found.push(make(line, whole.start(), whole.end(), date, Shape::YearFirst));
        }
    }
    for c in DAY_FIRST.captures_iter(line) {
        let whole = c.get(0).expect("match");
        let boundary = !line[..whole.start()].ends_with(|ch: char| ch.is_ascii_digit() || ch == '.')
            && !line[whole.end()..].starts_with(|ch: char| ch.is_ascii_digit() || ch == '.');
        if boundary
            && !found.iter().any(|m: &DateMatch| m.start < whole.end() && whole.start() < m.end)
            && let Some(date) = day(&c[3], &c[2], &c[1])
        {
            found.push(make(line, whole.start(), whole.end(), date, Shape::DayFirst));
        }
    }
    for c in YEAR_APART.captures_iter(line) {
        let whole = c.get(0).expect("match");
        let alone = !line[..whole.start()].ends_with(|ch: char| ch.is_ascii_digit())
            && TIME_OF_DAY.is_match(&line[whole.end()..])
            && !found.iter().any(|m: &DateMatch| m.start < whole.end() && whole.start() < m.end);
        if alone && let Some(date) = day(&c[1], &c[2], &c[3]) {
            found.push(make(line, whole.start(), whole.end(), date, Shape::YearFirst));
        }
    }
    for c in CHINESE.captures_iter(line) {
        let whole = c.get(0).expect("match");
        let year = c[1].chars().map(chinese_digit).collect::<Option<Vec<u32>>>();
        let date = year.and_then(|digits| {
            let year = digits.iter().fold(0, |acc, d| acc * 10 + d) as i32;
            PubDate::day(year, chinese_number(&c[2])? as u8, chinese_number(&c[3])? as u8)
        });
        if let Some(date) = date {
            found.push(make(line, whole.start(), whole.end(), date, Shape::ChineseNumerals));
        }
    }
    found.sort_by_key(|m| m.start);
    found
}

fn make(line: &str, start: usize, end: usize, date: PubDate, shape: Shape) -> DateMatch {
    let rest = &line[end..];
    let with_time = TIME_OF_DAY.is_match(rest);
    let with_weekday = rest.trim_start().starts_with(['星', '周', '礼']);
    DateMatch { date, start, end, shape, with_time, with_weekday }
}

fn day(year: &str, month: &str, day: &str) -> Option<PubDate> {
    PubDate::day(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// The first full date in `text` (any shape).
pub fn parse_date(text: &str) -> Option<PubDate> {
    dates_in(text).first().map(|m| m.date)
}

/// A full date, or else a year and month, in `text`.
pub fn parse_date_or_month(text: &str) -> Option<PubDate> {
    parse_date(text).or_else(|| {
        let c = YEAR_MONTH.captures(text)?;
        PubDate::month(c[1].parse().ok()?, c[2].parse().ok()?)
    })
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | '0' | 'O' | 'o' | 'О' | 'о' => 0,
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

/// A line that is nothing but a date (in brackets, perhaps with a time of
/// day): the date under a signature, or a dateline under a headline.
pub fn standalone_date(line: &str) -> Option<PubDate> {
    let trimmed = line.trim().trim_matches(['(', ')', '（', '）', ' ', '|', '｜']);
    if trimmed.chars().count() > 24 {
        return None;
    }
    let found = dates_in(trimmed);
    let first = found.first()?;
    let rest = &trimmed[first.end..];
    let leftover = trimmed[..first.start].chars().chain(rest.chars()).filter(|c| !c.is_whitespace()).count();
    let time_only = rest.trim().chars().all(|c| c.is_ascii_digit() || c == ':' || c == '：' || c.is_whitespace());
    (leftover == 0 || (first.start == 0 && first.with_time && time_only)).then_some(first.date)
}

/// Labels of header fields that state a date, longest first. Labels of
/// four characters or more may stand without a colon (生成日期 2022-12-21,
/// 发文日期1989年12月26日); 时间 and 日期 need one.
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:【\s*)?(本期出版日期|发布时间|发布日期|发表时间|发表日期|发文日期|发文时间|成文日期|成文时间|印发日期|公布日期|签发日期|通过日期|出版日期|更新时间|更新日期|上传时间|上传日期|录入时间|信息时间|发稿时间|生成日期|公开日期|发表于|日期|时间)\s*(】)?\s*([:：])?\s*",
    )
    .expect("valid")
});

/// Every labelled date in a line: the label, whether it was bracketed
/// (【发布日期】), and the date that follows it directly.
pub fn labelled_dates(line: &str) -> Vec<(String, bool, DateMatch)> {
    let mut out = Vec::new();
    for c in DATE_LABEL.captures_iter(line) {
        let whole = c.get(0).expect("match");
        let label = &c[1];
        let bracketed = c.get(2).is_some();
        let colon = c.get(3).is_some();
        if !colon && !bracketed && label.chars().count() < 4 {
            continue;
        }
        let rest = &line[whole.end()..];
        if let Some(m) = dates_in(rest).into_iter().next().filter(|m| m.start == 0) {
            let m = DateMatch { start: m.start + whole.end(), end: m.end + whole.end(), ..m };
            out.push((label.to_string(), bracketed, m));
        }
    }
    out
}

/// A labelled header date in a short line: `时间:2023-06-14 来源:…`.
/// Returns the label and the date.
#[cfg(test)]
pub fn labelled_date(line: &str) -> Option<(String, PubDate)> {
    labelled_dates(line).into_iter().next().map(|(label, _, m)| (label, m.date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PubDate {
        s.parse().unwrap()
    }

    fn first(line: &str) -> Option<(String, Shape, bool)> {
        dates_in(line).first().map(|m| (m.date.to_string(), m.shape, m.with_time))
    }

    #[test]
    fn year_first_shapes() {
        assert_eq!(parse_date("2025年4月2日"), Some(d("2025-04-02")));
        assert_eq!(parse_date("2025-08-25 10:30"), Some(d("2025-08-25")));
        assert_eq!(parse_date("2023.11.3"), Some(d("2023-11-03")));
        assert_eq!(parse_date("2020-7-3"), Some(d("2020-07-03")));
        assert_eq!(parse_date("发布日期: 2011- 09- 01 14: 58: 15"), Some(d("2011-09-01")));
        assert_eq!(parse_date("2025年2月30日"), None);
        assert_eq!(first("2024-03-05 10:20 来源"), Some(("2024-03-05".into(), Shape::YearFirst, true)));
    }

    #[test]
    fn day_first_with_dots() {
        assert_eq!(first("24.03.2015  20:57"), Some(("2015-03-24".into(), Shape::DayFirst, true)));
        assert_eq!(parse_date("31.12.2019"), Some(d("2019-12-31")));
        assert_eq!(parse_date("13.13.2019"), None);
    }

    #[test]
    fn chinese_numerals_with_look_alike_zeros() {
        assert_eq!(parse_date("二〇二三年十二月五日"), Some(d("2023-12-05")));
        assert_eq!(parse_date("二〇二五年四月二十一日"), Some(d("2025-04-21")));
        assert_eq!(parse_date("一九九九年十二月十八日"), Some(d("1999-12-18")));
        assert_eq!(parse_date("二00六年三月一日"), Some(d("2006-03-01")));
        assert_eq!(parse_date("二○一○年九月十三日"), Some(d("2010-09-13")));
    }

    #[test]
    fn glued_digits_and_widgets() {
        assert_eq!(first("阅读次数:3462018-05-06 08:15"), Some(("2018-05-06".into(), Shape::YearFirst, true)));
        assert_eq!(parse_date("编号12342018-05-06"), None, "without a time, glued digits are another number");
        assert!(dates_in("某某网 2021年3月9日星期二").first().unwrap().with_weekday);
    }

    #[test]
    fn standalone_lines() {
        assert_eq!(standalone_date("2025年4月2日"), Some(d("2025-04-02")));
        assert_eq!(standalone_date("（二〇二三年十二月五日）"), Some(d("2023-12-05")));
        assert_eq!(standalone_date("2023-01-05 08:30:12"), Some(d("2023-01-05")));
        assert_eq!(standalone_date("2024年07月19日09:05 |"), Some(d("2024-07-19")));
        assert_eq!(standalone_date("2025年4月2日召开会议"), None);
    }

    #[test]
    fn months_without_days() {
        assert_eq!(parse_date_or_month("2025年8月"), Some(d("2025-08")));
        assert_eq!(parse_date_or_month("2025年8月5日"), Some(d("2025-08-05")));
    }

    #[test]
    fn a_year_apart_from_month_and_day() {
        assert_eq!(parse_date("2025 07/18 11:57:51"), Some(d("2025-07-18")));
        assert_eq!(parse_date("时间:2024 3/5 08:00"), Some(d("2024-03-05")));
        assert_eq!(parse_date("共2025 07/18件"), None, "no time of day");
    }

    #[test]
    fn numeric_and_chinese_dates() {
        assert_eq!(parse_date("2025年4月2日"), Some(d("2025-04-02")));
        assert_eq!(parse_date("2023-06-14 10:30"), Some(d("2023-06-14")));
        assert_eq!(parse_date("2023.11.3"), Some(d("2023-11-03")));
        assert_eq!(parse_date("二〇二三年十二月五日"), Some(d("2023-12-05")));
        assert_eq!(parse_date("二〇二五年四月二十一日"), Some(d("2025-04-21")));
        assert_eq!(parse_date("2025年2月30日"), None);
    }

    #[test]
    fn labelled_headers() {
        assert_eq!(labelled_date("时间:2023-06-14 来源:河北省司法厅 作者:佚名").map(|x| x.1), Some(d("2023-06-14")));
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
}
