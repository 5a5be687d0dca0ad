//! The shapes of document numbers (发文字号) in a folded line: 鲁司发〔2024〕12号
//! (issuer code, bracketed year, number), [89]司发法字第001号 (the year
//! first), 司法部令第150号 (an order). Written canonically: the year in 〔〕
//! whatever brackets the page used, no spaces; a garbled number is kept as
//! printed, never guessed. Where a number counts as the page's own is
//! [`crate::doc_no`]'s decision.

use std::sync::LazyLock;

use regex::Regex;

/// Digits of a year or number, with the look-alike letters a garbled
/// transcription leaves (2O19).
const DIGITS: &str = r"[0-9OoIl]";

/// `鲁司发〔2024〕12号`: issuer code, bracketed year (or 届), number.
static CODED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<code>\p{{Han}}{{1,12}})\s*[〔\[(【〈﹝]\s*(?P<year>{DIGITS}{{4}}|{DIGITS}{{2}}|[一二三四五六七八九十]{{1,4}}届)\s*[〕\])】〉﹞]\s*(?P<di>第)?\s*(?P<num>{DIGITS}{{1,5}})\s*号"
    ))
    .expect("valid")
});
/// `[89]司发法字第001号`: the year first.
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<open>[\[〔(])\s*(?P<year>\d{{2,4}})\s*(?P<close>[\]〕)])\s*(?P<code>\p{{Han}}{{1,10}}?)\s*(?P<di>第)?\s*(?P<num>{DIGITS}{{1,5}})\s*号"
    ))
    .expect("valid")
});
/// `司法部令第150号`, `中华人民共和国司法部令 第 56 号`.
static ORDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<code>\p{{Han}}{{2,20}}令)\s*第\s*(?P<num>{DIGITS}{{1,5}})\s*号")).expect("valid")
});
/// A document number found in a line, with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub value: String,
    pub start: usize,
    pub end: usize,
}

/// Every document number in a folded line, in order, written canonically.
pub fn numbers_in(line: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    // Every number ends with 号; most lines hold none.
    if !line.contains('号') {
        return found;
    }
    let mut push = |start: usize, end: usize, value: String| {
        if !found.iter().any(|f| f.start < end && start < f.end) {
            found.push(Found { value, start, end });
        }
    };
    for c in CODED.captures_iter(line) {
        let code = c.name("code").expect("code");
        // 关于印发…的通知 is no issuer code; keep the characters after it.
        let code_text = code.as_str();
        let code_text = code_text.rsplit(['的', '》']).next().unwrap_or(code_text);
        let start = code.end() - code_text.len();
        let di = c.name("di").map_or("", |m| m.as_str());
        let value = format!("{code_text}〔{}〕{di}{}号", &c["year"], &c["num"]);
        push(start, c.get(0).expect("match").end(), value);
    }
    for c in YEAR_FIRST.captures_iter(line) {
        let whole = c.get(0).expect("match");
        if c["code"].starts_with('第') || c["code"].chars().count() < 2 {
            continue;
        }
        let di = c.name("di").map_or("", |m| m.as_str());
        let value = format!("{}{}{}{}{di}{}号", &c["open"], &c["year"], &c["close"], &c["code"], &c["num"]);
        push(whole.start(), whole.end(), value);
    }
    for c in ORDER.captures_iter(line) {
        let whole = c.get(0).expect("match");
        // 2020年10月20日某部令第145号: the date's last character is no part of the body's name.
        let code = &c["code"];
        let after_date = line[..whole.start()].ends_with(|ch: char| ch.is_ascii_digit());
        let code = match code.strip_prefix(['日', '年', '月']) {
            Some(rest) if after_date && rest.chars().count() >= 2 => rest,
            _ => code,
        };
        let start = whole.end() - (whole.as_str().len() - whole.as_str().find(code).unwrap_or(0));
        push(start, whole.end(), format!("{code}第{}号", &c["num"]));
    }
    found.sort_by_key(|f| f.start);
    found
}

/// Whether a line is nothing but a document number (and perhaps a date),
/// possibly in brackets: `（某发通〔2003〕58号 2003年9月22日）`.
pub fn stands_alone(line: &str, found: &Found) -> bool {
    let mut rest = format!("{}{}", &line[..found.start], &line[found.end..]);
    for date in super::dates::dates_in(&rest.clone()).iter().rev() {
        rest.replace_range(date.start..date.end, "");
    }
    stands_alone_text(&rest)
}

/// Whether a line is a document number standing alone (with its date,
/// perhaps in brackets).
pub fn is_number_line(line: &str) -> bool {
    numbers_in(line).iter().any(|f| stands_alone(line, f))
}

/// `第二十七号`, `第 5 号` alone on a line: the 令号 (or 公告 number) that
/// GB/T 9704-2012's 命令 format centres on its own line under the
/// issuer's 令 or 公告 line. It numbers the document; it is never its
/// headline.
pub fn is_order_number_line(line: &str) -> bool {
    static ORDER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^[(（]?\s*第\s*(?:{DIGITS}{{1,5}}|[〇零一二三四五六七八九十百千]{{1,8}})\s*号\s*[)）]?$"))
            .expect("valid")
    });
    ORDER_NUMBER.is_match(line.trim())
}

fn stands_alone_text(rest: &str) -> bool {
    rest.chars().all(|c| c.is_whitespace() || "()（）[]【】,，、|｜-—".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_number_alone_on_its_line() {
        for line in ["第二十七号", "第 5 号", "（第105号）", "第一百零三号"] {
            assert!(is_order_number_line(line), "{line}");
        }
        for line in ["第二十七号文件精神", "司法部令第150号", "第三章 法律责任", "第二十七条"]
        {
            assert!(!is_order_number_line(line), "{line}");
        }
    }
}
