//! The title: the page's headline, or a short title built from the text's
//! own words when it shows none.
//!
//! Headline candidates, strongest first: a given title, `<meta
//! name="ArticleTitle">`, the `<h1>` at the article (unless it only names an
//! agency, like a logo), the `<title>` when a line of the page matches it,
//! the `<title>` alone, and the first headline-like line of the content
//! (past slogan banners, agency-only lines and dates).

use crate::agency::AgencyResolver;
use crate::candidate::{Candidate, Candidates};
use crate::date;
use crate::document::Given;
use crate::furniture::is_widget_line;
use crate::page::{HEADER_ZONE, PageLines, clean_line};

/// Scores of the kinds of evidence, strongest first.
mod score {
    pub const GIVEN: f32 = 100.0;
    pub const META: f32 = 90.0;
    pub const HEADING: f32 = 80.0;
    pub const PAGE_TITLE_LINE: f32 = 70.0;
    pub const PAGE_TITLE: f32 = 60.0;
    pub const FIRST_LINE: f32 = 50.0;
}

/// Longest headline we accept, in characters.
const MAX_HEADLINE_CHARS: usize = 90;
/// Length of a title built from the text's own words.
const BUILT_TITLE_CHARS: usize = 24;
/// Openers that carry no meaning in a title.
const EMPTY_OPENERS: &[&str] = &["近日", "日前", "近期", "目前", "今年以来", "近年来", "据悉"];

/// The page's headline and the evidence for it, if it shows one.
pub fn headline(page: &PageLines, given: &Given, agencies: &AgencyResolver) -> Option<Candidate<String>> {
    let mut found = Candidates::new();
    if let Some(t) = given.title.as_deref().and_then(clean_line) {
        found.push(t.clone(), "given", &t, score::GIVEN);
    }
    let hints = &page.hints;
    if let Some(t) = &hints.meta_title {
        found.push(t.clone(), "meta:ArticleTitle", t, score::META);
    }
    // A heading that only names an agency is the site's logo, not a headline.
    if let Some(t) = hints.heading.as_ref().filter(|t| is_headline(t) && !agencies.is_agency_line(t)) {
        found.push(t.clone(), "html:h1", t, score::HEADING);
    }
    if let Some(t) = hints.page_title.as_deref().and_then(clean_page_title) {
        if let Some(line) = page.content.iter().take(HEADER_ZONE * 2).find(|l| l.contains(t.as_str()) && is_headline(l))
        {
            found.push(line.clone(), "html:title+line", line, score::PAGE_TITLE_LINE);
        } else if is_headline(&t) {
            found.push(t.clone(), "html:title", &t, score::PAGE_TITLE);
        }
    }
    if let Some(candidate) = first_headline_line(&page.content, &page.content_folded, agencies) {
        found.add(candidate);
    }
    found.best()
}

/// The first headline-like line among the opening lines, passing over
/// slogan banners, agency-only lines and dates.
fn first_headline_line(content: &[String], folded: &[String], agencies: &AgencyResolver) -> Option<Candidate<String>> {
    let mut banner: Option<&str> = None;
    for (index, (line, folded)) in content.iter().zip(folded).take(4).enumerate() {
        let headline_follows = content.get(index + 1).is_some_and(|next| is_headline(next));
        if is_slogan(folded) || (is_banner_phrase(folded) && headline_follows) {
            banner = Some(line);
            continue;
        }
        if date::standalone_date(folded).is_some() || agencies.is_agency_line(folded) {
            continue;
        }
        let line = strip_repost_marker(line);
        if !is_headline(line) {
            return None;
        }
        let rule = if banner.is_some() { "first_line_after_banner" } else { "first_line" };
        return Some(Candidate::new(line.to_string(), rule, line, score::FIRST_LINE));
    }
    None
}

/// A title for a page that shows no headline, built from the line where
/// its body starts (see [`build_title`]).
pub fn constructed(opening: &str, agency: Option<&str>) -> Candidate<String> {
    let built = build_title(opening, agency).unwrap_or_else(|| "（无标题）".to_string());
    Candidate::new(built, "built_from_opening", opening, 0.0)
}

/// Whether a line reads like a headline rather than prose or furniture.
pub fn is_headline(line: &str) -> bool {
    let chars = line.chars().count();
    let han = line.chars().filter(|c| is_han(*c)).count();
    let commas = line.chars().filter(|c| matches!(c, '，' | ',')).count();
    (5..=MAX_HEADLINE_CHARS).contains(&chars)
        && han * 2 >= chars
        && !line.contains('。')
        && !line.ends_with(['；', ';', '：', ':'])
        && commas <= 2
        && !is_widget_line(line)
        && !starts_like_a_section(line)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// 一、 / （一） / 1. / 第一章 open sections, not documents.
fn starts_like_a_section(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    ("一二三四五六七八九十".contains(first) && matches!(second, '、' | '是'))
        || (matches!(first, '（' | '(') && "一二三四五六七八九十123456789".contains(second))
        || (first.is_ascii_digit() && matches!(second, '.' | '、' | '．'))
        || (first == '第' && line.chars().take(6).any(|c| matches!(c, '章' | '条' | '节')))
}

/// A slogan banner: several short, space-separated Han phrases with nothing
/// that names an agency or an action (喜迎二十大 忠诚保平安 奋进新征程).
pub fn is_slogan(line: &str) -> bool {
    let segments: Vec<&str> = line.split_whitespace().collect();
    let short = segments.iter().all(|s| {
        let n = s.chars().count();
        (3..=8).contains(&n) && s.chars().all(is_han)
    });
    let names_something = ["司法", "关于", "通知", "法治", "会议", "召开"].iter().any(|w| line.contains(w));
    segments.len() >= 2 && short && !names_something
}

/// A one-phrase banner (庆祝中国共产党成立100周年, 学习贯彻党的二十大精神):
/// a celebration or campaign slogan, not a headline. Only decisive when a
/// headline follows it.
pub fn is_banner_phrase(line: &str) -> bool {
    const OPENERS: &[&str] = &[
        "庆祝",
        "热烈庆祝",
        "喜迎",
        "迎接",
        "学习贯彻",
        "深入学习贯彻",
        "学习宣传贯彻",
        "献礼",
        "礼赞",
        "纪念",
        "奋进",
        "热烈祝贺",
    ];
    let names_something = ["司法", "关于", "通知", "召开", "举办", "开展"].iter().any(|w| line.contains(w));
    line.chars().count() <= 20 && OPENERS.iter().any(|o| line.starts_with(o)) && !names_something
}

/// A short descriptive title from the text's opening words, for texts that
/// show no headline: the first sentence up to its colon, or its first
/// clauses, with the agency in front when the words do not name it.
pub fn build_title(first_paragraph: &str, agency: Option<&str>) -> Option<String> {
    let sentence_end = first_paragraph.find(['。', '；', '！', '？', '\n']).unwrap_or(first_paragraph.len());
    let sentence = &first_paragraph[..sentence_end];
    let head = sentence.split(['：', ':']).next().unwrap_or(sentence);
    let head = head.trim_end_matches(['是', '为']).trim();
    let mut title = String::new();
    let clauses = head.split(['，', ',']).map(str::trim).filter(|c| !c.is_empty() && !EMPTY_OPENERS.contains(c));
    for clause in clauses {
        if title.chars().count() + clause.chars().count() > BUILT_TITLE_CHARS {
            break;
        }
        // A short opener (2024年) runs on; parallel clauses get a space.
        if !title.is_empty() && title.chars().count() > 6 {
            title.push(' ');
        }
        title.push_str(clause);
    }
    if title.chars().count() < 4 {
        title = head.chars().take(BUILT_TITLE_CHARS).collect();
    }
    let title = title.trim().trim_end_matches(['、', '，', ',']).to_string();
    if title.is_empty() {
        return None;
    }
    Some(match agency {
        Some(agency) if !title.contains(agency) && !shares_agency_core(&title, agency) => format!("{agency}：{title}"),
        _ => title,
    })
}

/// Whether the title already names the agency in short form (即墨区司法局
/// for 青岛市即墨区司法局).
fn shares_agency_core(title: &str, agency: &str) -> bool {
    let chars: Vec<char> = agency.chars().collect();
    (0..chars.len().saturating_sub(4)).any(|i| title.contains(&chars[i..].iter().collect::<String>()))
}

/// Drops a repost marker in front of a headline: `转载 | `, `【转载】`.
pub fn strip_repost_marker(line: &str) -> &str {
    const MARKERS: &[&str] = &["转载", "轉載", "转发", "轉發", "原创", "原創", "转自", "轉自"];
    let trimmed = line.trim_start_matches(['【', '[', '（', '(']);
    for marker in MARKERS {
        if let Some(rest) = trimmed.strip_prefix(marker) {
            let rest = rest.trim_start_matches(['】', ']', '）', ')', '|', '｜', ':', '：', ' ', '\u{3000}']);
            if rest.len() < trimmed.len() - marker.len() && !rest.is_empty() {
                return rest;
            }
        }
    }
    line
}

/// Cleans a `<title>`: drops the site name after `_`, `|` or ` - `.
pub fn clean_page_title(page_title: &str) -> Option<String> {
    let parts: Vec<&str> = page_title
        .split(['_', '|', '｜', '—', '－'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let first = parts.first()?;
    (first.chars().count() >= 5).then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agency::tests::resolver;

    fn read(text: &str, is_html: bool) -> Option<(String, String)> {
        let page = PageLines::read(text, is_html);
        headline(&page, &Given::default(), &resolver()).map(|c| (c.rule, c.value))
    }

    #[test]
    fn a_given_title_wins() {
        let page = PageLines::read("某县司法局召开调解工作会议\n正文。", false);
        let given = Given { title: Some(" 给定的标题 ".into()), ..Given::default() };
        let found = headline(&page, &given, &resolver()).unwrap();
        assert_eq!((found.rule.as_str(), found.value.as_str()), ("given", "给定的标题"));
    }

    #[test]
    fn html_hints_in_their_order() {
        let meta = "<html><head><title>网页标题文字很长_某站</title><meta name=\"ArticleTitle\" content=\"元数据里的标题\"></head>\
            <body><h1>页面上的大标题文字</h1><p>正文内容，用来测试标题的选择顺序。</p></body></html>";
        assert_eq!(read(meta, true).unwrap().0, "meta:ArticleTitle");
        let heading = "<html><head><title>网页标题文字很长_某站</title></head>\
            <body><h1>页面上的大标题文字</h1><p>正文内容，用来测试标题的选择顺序。</p></body></html>";
        assert_eq!(read(heading, true).unwrap(), ("html:h1".into(), "页面上的大标题文字".into()));
        let title_line = "<html><head><title>某县举办调解员培训班_某县司法局</title></head>\
            <body><div>某县举办调解员培训班</div><p>正文内容，用来测试标题的选择顺序。</p></body></html>";
        assert_eq!(read(title_line, true).unwrap(), ("html:title+line".into(), "某县举办调解员培训班".into()));
    }

    #[test]
    fn the_first_line_past_banners_dates_and_agency_lines() {
        let text = "庆祝中国共产党成立100周年\n某省司法厅推进行政执法规范化建设\n正文内容，充实。";
        assert_eq!(
            read(text, false).unwrap(),
            ("first_line_after_banner".into(), "某省司法厅推进行政执法规范化建设".into())
        );
        let text = "山东省司法厅\n2024年3月5日\n某省司法厅推进行政执法规范化建设\n正文。";
        assert_eq!(read(text, false).unwrap().0, "first_line");
        assert_eq!(read("2024年，某区司法局总体工作思路是：坚持以人民为中心。\n", false), None);
    }

    #[test]
    fn a_constructed_title_says_so() {
        let found = constructed("为进一步加强人民调解工作，推动矛盾纠纷就地化解，现提出如下意见。", None);
        assert_eq!(found.rule, "built_from_opening");
        assert_eq!(constructed("", None).value, "（无标题）");
    }

    #[test]
    fn headlines_and_non_headlines() {
        assert!(is_headline("某省司法厅召开全省公共法律服务工作推进会"));
        assert!(is_headline("某市司法局以“1+2+3”工作机制为抓手 推动普法工作走深走实"));
        assert!(!is_headline("近日，某省司法厅召开全省公共法律服务工作推进会，部署下一阶段工作。"));
        assert!(!is_headline("一、总体要求"));
        assert!(!is_headline("（一）加强组织领导"));
        assert!(!is_headline("字号：大 中 小"));
    }

    #[test]
    fn slogans() {
        assert!(is_slogan("喜迎二十大 忠诚保平安 奋进新征程 建功新时代"));
        assert!(is_slogan("奋进新征程 建功新时代"));
        assert!(!is_slogan("某省司法厅以机制创新为抓手 推动作风建设向纵深发展"));
        assert!(!is_slogan("法治护航 司法为民"));
    }

    #[test]
    fn banner_phrases() {
        assert!(is_banner_phrase("庆祝中国共产党成立100周年"));
        assert!(is_banner_phrase("学习贯彻党的二十大精神"));
        assert!(!is_banner_phrase("庆祝建党百年 某市司法局举办专题党课"));
    }

    #[test]
    fn builds_a_short_title_from_the_opening_sentence() {
        let title = build_title(
            "2024年，示范区司法局总体工作思路是：坚持以人民为中心，推进各项工作。",
            Some("示范市示范区司法局"),
        )
        .unwrap();
        assert_eq!(title, "2024年示范区司法局总体工作思路");
        let title =
            build_title("为进一步加强人民调解工作，推动矛盾纠纷就地化解，现提出如下意见。", Some("示范县司法局"))
                .unwrap();
        assert_eq!(title, "示范县司法局：为进一步加强人民调解工作 推动矛盾纠纷就地化解");
    }

    #[test]
    fn repost_markers_are_dropped() {
        assert_eq!(strip_repost_marker("轉載 | 廣東推進法律援助"), "廣東推進法律援助");
        assert_eq!(strip_repost_marker("【转载】某市司法局召开会议"), "某市司法局召开会议");
        assert_eq!(strip_repost_marker("转载工作座谈会召开"), "转载工作座谈会召开");
    }

    #[test]
    fn page_titles_lose_their_site_name() {
        assert_eq!(clean_page_title("示范县举办调解员培训班_示范县司法局").as_deref(), Some("示范县举办调解员培训班"));
        assert_eq!(clean_page_title("首页 - 司法局"), None);
    }
}
