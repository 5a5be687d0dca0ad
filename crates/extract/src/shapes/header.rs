//! Header fields of a page: `时间:2023-06-14 来源:某司法厅 作者:佚名`,
//! the 信息公开 table (索引号 / 发布机构 / 生成日期), bylines (（某局供稿）).

use std::sync::LazyLock;

use regex::Regex;

/// Labels that make a short line a metadata line rather than text.
static META_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(来源|信息来源|文章来源|稿件来源|稿源|作者|发布时间|发布日期|发表时间|生成日期|成文日期|发文日期|印发日期|更新时间|时间|日期|浏览次数|浏览量|阅读量|访问量|点击数|点击量|发布机构|发文机关|发布单位|索引号|主题分类|文号|发文字号|信息分类|公开方式|有效性|编辑|字号)\s*[:：]",
    )
    .expect("valid")
});
/// `来源：某某司法局` and its kin; the value runs to the next label or gap.
static SOURCE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(来源|信息来源|文章来源|稿件来源|稿源|发布机构|发文机关|制定机关|发布单位|供稿单位|发布部门|作者)\s*(?:[:：]|】)\s*([^\s|｜:：【]{2,40})",
    )
    .expect("valid")
});
/// `（某市司法局供稿）`, `（供稿：某市司法局）`, `供稿：某局`.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]\s*(?:供稿\s*[:：]\s*)?([^（）()\s]{2,40}?)\s*(?:供稿|供图|报送)?\s*[)）]|(?:供稿|来稿)\s*[:：]\s*(\S{2,40})")
        .expect("valid")
});

/// Longest line treated as a header line.
const MAX_HEADER_CHARS: usize = 120;

/// Whether a line is made of header fields (and not a sentence of text).
pub fn is_meta_line(line: &str) -> bool {
    line.chars().count() <= MAX_HEADER_CHARS
        && !line.contains('。')
        && META_LABEL.find(line).is_some_and(|m| m.start() <= 12 || starts_with_date(line))
}

/// `2024-03-05 10:20 来源：…`: a header that opens with its date, unlabelled.
pub fn dated_header(line: &str) -> Option<sifa_model::PubDate> {
    if line.chars().count() > MAX_HEADER_CHARS || line.contains('。') || !starts_with_date(line) {
        return None;
    }
    META_LABEL.is_match(line).then(|| crate::shapes::dates::parse_date(line)).flatten()
}

/// Where header fields start in a line that opens with something else: a
/// headline the page ran its header into (`某某揭幕 发布时间:2023-12-04 来源:某某`).
pub fn fields_after_text(line: &str) -> Option<usize> {
    if line.chars().count() > MAX_HEADER_CHARS || line.contains('。') {
        return None;
    }
    let label = META_LABEL.find(line)?;
    let before = line[..label.start()].trim_end();
    // The text before is a headline, not another field (文件编号: | 有效性:).
    let field_like = before.contains([':', '：', '|', '｜', '【', '】']);
    (before.chars().count() >= 6 && !field_like && META_LABEL.find(before).is_none()).then_some(before.len())
}

fn starts_with_date(line: &str) -> bool {
    let line = line.trim_start();
    let opening: String = line.chars().take(12).collect();
    line.len() >= 8
        && line.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && crate::shapes::dates::parse_date(&opening).is_some()
}

/// The label and value of a source-like field (来源: …).
/// `发文机关司法部`: a law database's field, its label run into its value.
static GLUED_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(发文机关|发布机关|发布部门|制定机关)\s*([^\s|｜:：]{2,40})\s*$").expect("valid")
});

/// `解读机关为某区司法局`: the body that interprets a policy, on a 政策解读 page.
static INTERPRETER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(解读(?:机关|单位|部门))\s*(?:为|是|[:：])\s*([^\s,，。；;、:：]{2,30}?)(?:[\s,，。；;、]|解读人|$)")
        .expect("valid")
});

pub fn source_field(line: &str) -> Option<(String, String)> {
    if !["来源", "稿源", "机构", "机关", "单位", "部门", "作者"].iter().any(|l| line.contains(l)) {
        return None;
    }
    if line.contains("解读")
        && let Some(c) = INTERPRETER.captures(line)
    {
        return Some((c[1].to_string(), c[2].to_string()));
    }
    if let Some(c) = GLUED_SOURCE.captures(line) {
        return Some((c[1].to_string(), c[2].to_string()));
    }
    // Legal databases run bracketed fields together into long lines.
    let long = line.chars().count() > MAX_HEADER_CHARS;
    // A 来源 outranks an author's credit on the same line (作者：佚名 来源：某局).
    let fields: Vec<_> = SOURCE_FIELD
        .captures_iter(line)
        .filter(|c| !long || c.get(0).is_some_and(|m| m.as_str().contains('】')))
        .collect();
    let c = fields.iter().find(|c| &c[1] != "作者").or(fields.first())?;
    Some((c[1].to_string(), c[2].to_string()))
}

/// `（某县司法局 某某、某某）`, `（县司法局）`, `（来源/市司法局/某某）`: a
/// credit in brackets closing an article, its first part a body.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[（(]\s*(?:来源\s*/\s*)?([^（）()\s/、,，]{3,30}?)(?:\s+[^（）()]{1,30}|\s*/[^（）()]{1,30})?\s*[)）]\s*$",
    )
    .expect("valid")
});

/// The body credited in brackets at the end of a line.
pub fn credit(line: &str) -> Option<String> {
    if line.chars().count() > 400 {
        return None;
    }
    let c = CREDIT.captures(line)?;
    Some(c[1].to_string())
}

/// The contributor named in a byline at the end of an article.
pub fn byline(line: &str) -> Option<String> {
    if line.chars().count() > 50 {
        return None;
    }
    let c = BYLINE.captures(line)?;
    let whole = c.get(0)?.as_str();
    let value = c.get(1).or_else(|| c.get(2))?.as_str();
    let is_byline = whole.contains("供稿") || whole.contains("报送") || whole.contains("来稿");
    is_byline.then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_lines() {
        assert!(is_meta_line("时间:2023-06-14 来源:某省司法厅 作者:佚名"));
        assert!(is_meta_line("发布时间：2023年11月3日  来源：某区司法局"));
        assert!(is_meta_line("索引号：11370000004179787X/2024-00123  发布机构：某省司法厅"));
        assert!(!is_meta_line("会议指出，各级司法行政机关要把握时间节点。"));
        assert!(is_meta_line("2024-03-05 10:20:31  来源：某市司法局  浏览次数：12"));
    }

    #[test]
    fn a_headline_run_into_its_header_fields() {
        let line = "某市宪法主题广场正式启用 发布时间:2023-12-04 18:40 来源:某某司法行政";
        assert_eq!(fields_after_text(line).map(|at| &line[..at]), Some("某市宪法主题广场正式启用"));
        assert_eq!(fields_after_text("发布时间:2023-12-04 来源:某局"), None, "fields alone");
        assert_eq!(fields_after_text("文件编号: | 有效性: | 有效 |"), None, "a table row");
        assert_eq!(fields_after_text("会议强调,要按照时间:节点完成。"), None, "a sentence");
    }

    #[test]
    fn headers_that_open_with_their_date() {
        assert_eq!(
            dated_header("2024-03-05 10:20:31  来源：某市司法局").map(|d| d.to_string()).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(dated_header("2024年3月5日，某市司法局召开会议。"), None);
        assert_eq!(dated_header("2024年3月5日 星期二"), None);
    }

    #[test]
    fn source_fields() {
        assert_eq!(source_field("时间:2023-06-14 来源:某省司法厅 作者:佚名").unwrap().1, "某省司法厅");
        assert_eq!(source_field("信息来源：某区司法局 | 发布时间：2024-01-01").unwrap().1, "某区司法局");
        assert_eq!(source_field("作者:佚名  来源:某市监狱管理局  点击数:12").unwrap().1, "某市监狱管理局");
        assert_eq!(source_field("作者:某市律师协会").unwrap(), ("作者".into(), "某市律师协会".into()));
        assert_eq!(source_field("发文机关某省司法厅").unwrap(), ("发文机关".into(), "某省司法厅".into()));
        assert_eq!(
            source_field("某办法【发布部门】某市司法局【效力级别】某类【发布日期】2014.03.27").unwrap().1,
            "某市司法局"
        );
        let interpreted = "三、解读说明 本《办法》解读机关为区司法局。 联系人:某某";
        assert_eq!(source_field(interpreted).unwrap(), ("解读机关".into(), "区司法局".into()));
    }

    #[test]
    fn credits_in_brackets() {
        assert_eq!(credit("……确保场所、制度、队伍全部到位。（某县司法局 某某、某某）").as_deref(), Some("某县司法局"));
        assert_eq!(credit("（县司法局）").as_deref(), Some("县司法局"));
        assert_eq!(credit("……提供有力法治保障。(来源/市司法局/某某)").as_deref(), Some("市司法局"));
        assert_eq!(credit("……会议召开。（完）"), None);
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("（某市司法局供稿）").as_deref(), Some("某市司法局"));
        assert_eq!(byline("(供稿：某县司法局)").as_deref(), Some("某县司法局"));
        assert_eq!(byline("（示例文本，仅供演示）"), None);
        assert_eq!(byline("会议强调（节选）要加强学习，提升能力，推动发展。"), None);
    }
}
