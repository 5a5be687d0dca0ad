//! Dates as sources state them: the shapes exports and crawlers write.
//!
//! A record's `date` is read in any common shape, keeping the precision it
//! shows: `2025-05-06`, `2025-5-6`, `2025/05/06`, `2025.5.6`, `2025年5月6日`,
//! `20250506`, `2025-05`, `202505`, `2025年`, `2025`, ISO 8601 and RFC 2822
//! date-times (`2025-05-06T23:30:00-05:00`, `Tue, 06 May 2025 23:30:00 -0500`)
//! and Unix timestamps in seconds or milliseconds. Full-width digits and
//! separators are read like ASCII ones.
//!
//! A date-time gives the calendar date *as written*, which is the date in
//! its own zone (`2025-05-06T23:30:00-05:00` is 2025-05-06, although it is
//! already 05-07 in UTC): that is the day the publisher meant. A timestamp
//! names an instant without a zone; it is read in China Standard Time
//! (UTC+8), where the publications of this domain are dated.

use super::{PubDate, PubDateError};
use crate::instant::china_day;

/// What a source writes when it has no date: read as no date, not as an
/// unreadable one.
const NO_DATE: [&str; 11] = ["null", "none", "nil", "nan", "n/a", "na", "-", "—", "未知", "不详", "无"];

impl PubDate {
    /// Whether a stated date says there is none (`null`, `N/A`, `未知`, blank).
    pub fn says_no_date(text: &str) -> bool {
        let text = text.trim();
        text.is_empty() || NO_DATE.iter().any(|n| text.eq_ignore_ascii_case(n))
    }

    /// Reads a date a source states, in any of the shapes of the module
    /// documentation; see [`Self::from_timestamp`] for numbers of 10 or 13
    /// digits. Stricter than it looks: trailing words, impossible days
    /// and years outside 1949–2100 are errors, not guesses.
    pub fn parse_given(text: &str) -> Result<PubDate, PubDateError> {
        let err = || PubDateError(text.to_string());
        let normal = half_width(text.trim());
        let s = normal.as_str();
        if s.bytes().all(|b| b.is_ascii_digit()) {
            return digits_only(s).ok_or_else(err);
        }
        if s.contains('年') {
            return chinese(s).ok_or_else(err);
        }
        separated(s).or_else(|| rfc2822(s)).ok_or_else(err)
    }

    /// The day (China Standard Time) of a Unix timestamp in seconds, or in
    /// milliseconds when it has 13 digits.
    pub fn from_timestamp(value: i64) -> Option<PubDate> {
        let secs = if value.unsigned_abs() >= 100_000_000_000 { value.div_euclid(1000) } else { value };
        china_day(secs)
    }
}

/// Full-width digits, letters and separators as ASCII; the ideographic
/// space as a space.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// `20250506`, `202505`, `2025`, or a timestamp of 10 or 13 digits.
fn digits_only(s: &str) -> Option<PubDate> {
    let num = |range: std::ops::Range<usize>| s.get(range)?.parse::<u32>().ok();
    match s.len() {
        8 => PubDate::day(num(0..4)? as i32, num(4..6)? as u8, num(6..8)? as u8),
        6 => PubDate::month(num(0..4)? as i32, num(4..6)? as u8),
        4 => PubDate::year(num(0..4)? as i32),
        10 | 13 => PubDate::from_timestamp(s.parse().ok()?),
        _ => None,
    }
}

/// A run of ASCII digits at the start of `s`, and what follows.
fn leading_number(s: &str, max_digits: usize) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > max_digits {
        return None;
    }
    Some((s[..end].parse().ok()?, &s[end..]))
}

/// `2025年5月6日`, `2025年05月`, `2025年`, with an optional time after.
fn chinese(s: &str) -> Option<PubDate> {
    let (year, rest) = leading_number(s, 4)?;
    let rest = rest.trim_start().strip_prefix('年')?.trim_start();
    let Some((month, after_month)) = leading_number(rest, 2) else {
        return rest.is_empty().then(|| PubDate::year(year as i32))?;
    };
    let after_month = after_month.trim_start().strip_prefix('月')?.trim_start();
    let Some((day, after_day)) = leading_number(after_month, 2) else {
        return after_month.is_empty().then(|| PubDate::month(year as i32, month as u8))?;
    };
    let after_day = after_day.trim_start();
    let rest = after_day.strip_prefix('日').or_else(|| after_day.strip_prefix('号'))?;
    // Chinese pages often write the time straight after the day: 6日10:30.
    let rest = if rest.starts_with(|c: char| c.is_ascii_digit()) { format!(" {rest}") } else { rest.to_string() };
    is_time(&rest).then(|| PubDate::day(year as i32, month as u8, day as u8))?
}

/// `2025-05-06`, `2025/5/6`, `2025.05.06`, `2025-05`, with an optional
/// time and zone after the day.
fn separated(s: &str) -> Option<PubDate> {
    let (year, rest) = leading_number(s, 4)?;
    if s.len() - rest.len() != 4 {
        return None;
    }
    let separator = rest.chars().next()?;
    if !matches!(separator, '-' | '/' | '.') {
        return None;
    }
    let (month, rest) = leading_number(&rest[1..], 2)?;
    if rest.is_empty() {
        return PubDate::month(year as i32, month as u8);
    }
    let rest = rest.strip_prefix(separator)?;
    let (day, rest) = leading_number(rest, 2)?;
    is_time(rest).then(|| PubDate::day(year as i32, month as u8, day as u8))?
}

/// Whether what follows a day is nothing or a time of day with an
/// optional zone: `T23:30:00-05:00`, ` 10:30`, `T08:00:00.000Z`, ` 10时30分`.
fn is_time(rest: &str) -> bool {
    if rest.trim().is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix(['T', 't', ' ']) else { return false };
    let rest = rest.trim_start();
    if let Some(rest) = chinese_time(rest) {
        return rest.trim().is_empty();
    }
    let Some(rest) = clock(rest) else { return false };
    is_zone(rest.trim_start())
}

/// `10时30分[15秒]` or `10点30分`; what follows.
fn chinese_time(s: &str) -> Option<&str> {
    let (hour, rest) = leading_number(s, 2)?;
    let rest = rest.strip_prefix('时').or_else(|| rest.strip_prefix('点'))?;
    if hour > 23 {
        return None;
    }
    let Some((minute, rest)) = leading_number(rest, 2) else { return Some(rest) };
    let rest = rest.strip_prefix('分')?;
    if minute > 59 {
        return None;
    }
    match leading_number(rest, 2) {
        Some((second, rest)) if second <= 60 => rest.strip_prefix('秒'),
        Some(_) => None,
        None => Some(rest),
    }
}

/// `HH:MM[:SS[.fraction]]`; what follows.
fn clock(s: &str) -> Option<&str> {
    let (hour, rest) = leading_number(s, 2)?;
    let (minute, mut rest) = leading_number(rest.strip_prefix(':')?, 2)?;
    if hour > 23 || minute > 59 {
        return None;
    }
    if let Some(after) = rest.strip_prefix(':') {
        let (second, after) = leading_number(after, 2)?;
        if second > 60 {
            return None;
        }
        rest = after;
        if let Some(fraction) = rest.strip_prefix(['.', ',']) {
            let end = fraction.find(|c: char| !c.is_ascii_digit()).unwrap_or(fraction.len());
            if end == 0 {
                return None;
            }
            rest = &fraction[end..];
        }
    }
    Some(rest)
}

/// Nothing, `Z`, `±HH:MM`, `±HHMM`, `±HH`, or a zone name (`UTC`, `GMT`,
/// `CST`, `+0800 (CST)`).
fn is_zone(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.eq_ignore_ascii_case("z") {
        return true;
    }
    let (offset, rest) = match s.strip_prefix(['+', '-']) {
        Some(rest) => {
            let end = rest.find(|c: char| !c.is_ascii_digit() && c != ':').unwrap_or(rest.len());
            let digits: String = rest[..end].chars().filter(char::is_ascii_digit).collect();
            (matches!(digits.len(), 2 | 4) && digits[..2].parse::<u8>().is_ok_and(|h| h <= 14), rest[end..].trim())
        }
        None => (true, s),
    };
    let name = rest.trim_start_matches('(').trim_end_matches(')');
    offset && (name.is_empty() || (name.len() <= 5 && name.bytes().all(|b| b.is_ascii_uppercase())))
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// `Tue, 06 May 2025 23:30:00 -0500` (RFC 2822, as feeds and HTTP write
/// it), or its date alone: `6 May 2025`.
fn rfc2822(s: &str) -> Option<PubDate> {
    let s = match s.split_once(',') {
        Some((weekday, rest)) if weekday.len() <= 9 && weekday.chars().all(|c| c.is_ascii_alphabetic()) => rest,
        _ => s,
    };
    let mut words = s.split_whitespace();
    let day: u8 = words.next()?.parse().ok()?;
    let month_word = words.next()?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| month_word.starts_with(m) && month_word.len() <= 9)? as u8 + 1;
    let year_word = words.next()?;
    let year: i32 = (year_word.len() == 4).then(|| year_word.parse().ok())??;
    let rest: Vec<&str> = words.collect();
    if let Some((time, zone)) = rest.split_first() {
        let after = clock(time)?;
        if !after.is_empty() || !is_zone(&zone.join(" ")) {
            return None;
        }
    }
    PubDate::day(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instant::civil_from_days;

    fn read(text: &str) -> Option<String> {
        PubDate::parse_given(text).ok().map(|d| d.to_string())
    }

    #[test]
    fn common_shapes_are_read_with_their_precision() {
        for (text, date) in [
            ("2025-05-06", "2025-05-06"),
            ("2025-5-6", "2025-05-06"),
            ("2025/05/06", "2025-05-06"),
            ("2025/5/6", "2025-05-06"),
            ("2025.05.06", "2025-05-06"),
            ("2025年5月6日", "2025-05-06"),
            ("2025年05月06日", "2025-05-06"),
            ("2025 年 5 月 6 日", "2025-05-06"),
            ("2025年5月6号", "2025-05-06"),
            ("２０２５年５月６日", "2025-05-06"),
            ("２０２５－０５－０６", "2025-05-06"),
            ("20250506", "2025-05-06"),
            (" 2025-05-06 ", "2025-05-06"),
            ("2025-05", "2025-05"),
            ("2025/5", "2025-05"),
            ("202505", "2025-05"),
            ("2025年5月", "2025-05"),
            ("2025年", "2025"),
            ("2025", "2025"),
        ] {
            assert_eq!(read(text).as_deref(), Some(date), "{text}");
        }
        assert_eq!(PubDate::parse_given("2025年5月").unwrap().precision(), super::super::DatePrecision::Month);
    }

    #[test]
    fn date_times_give_the_date_in_their_own_zone() {
        for (text, date) in [
            ("2025-05-06T23:30:00-05:00", "2025-05-06"),
            ("2025-05-06T23:30:00Z", "2025-05-06"),
            ("2025-05-06T00:30:00+08:00", "2025-05-06"),
            ("2025-05-06T08:00:00.000Z", "2025-05-06"),
            ("2025-05-06T08:00:00.123456+0800", "2025-05-06"),
            ("2025-05-06 10:30:00", "2025-05-06"),
            ("2025-05-06 10:30", "2025-05-06"),
            ("2025/05/06 10:30:00 +08", "2025-05-06"),
            ("2025-05-06 10:30:00 CST", "2025-05-06"),
            ("2025年5月6日 10:30", "2025-05-06"),
            ("2025年5月6日 10时30分", "2025-05-06"),
            ("2025年5月6日10:30", "2025-05-06"),
            ("Tue, 06 May 2025 23:30:00 -0500", "2025-05-06"),
            ("Tue, 6 May 2025 23:30:00 GMT", "2025-05-06"),
            ("6 May 2025", "2025-05-06"),
        ] {
            assert_eq!(read(text).as_deref(), Some(date), "{text}");
        }
    }

    #[test]
    fn timestamps_are_read_in_china_time() {
        // 2025-05-05T16:30:00Z is 00:30 on 05-06 in Beijing.
        assert_eq!(read("1746462600").as_deref(), Some("2025-05-06"));
        assert_eq!(read("1746462600000").as_deref(), Some("2025-05-06"));
        assert_eq!(PubDate::from_timestamp(0).map(|d| d.to_string()).as_deref(), Some("1970-01-01"));
        assert_eq!(PubDate::from_timestamp(-9_999_999_999), None, "1653 is outside the plausible years");
    }

    #[test]
    fn unreadable_values_are_errors_not_guesses() {
        for text in [
            "2025-13-01",
            "2025-02-30",
            "2025年13月",
            "25-05-06",
            "2025-05-06abc",
            "2025-05/06",
            "2025-05-06T25:00",
            "2025-05-06 10:30 in the morning",
            "1800",
            "20251306",
            "12345",
            "May 2025",
            "yesterday",
            "二〇二五年五月六日",
            "发布时间：2025-05-06",
            "2025-05-06/2025-05-07",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn missing_dates_are_told_apart() {
        for text in ["", " ", "null", "None", "N/A", "-", "未知", "不详"] {
            assert!(PubDate::says_no_date(text), "{text}");
        }
        assert!(!PubDate::says_no_date("2025"));
    }

    #[test]
    fn civil_days_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 12, 31), (2025, 5, 6)] {
            let days = PubDate::day(y, m, d).unwrap().days_since_epoch();
            assert_eq!(civil_from_days(days), (y, m, d));
        }
    }
}
