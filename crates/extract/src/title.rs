//! The title: the page's headline, or a short title built from the text's
//! own words when it shows none (flagged as constructed in its evidence).
//! The file runs past 500 lines because gathering and scoring the headline
//! candidates is one decision; the shapes of lines are in `title/shape.rs`.
//!
//! Headline candidates, strongest first (line scores stay below the
//! others): a given title, `<meta
//! name="ArticleTitle">`, a labelled title field (标题：…, 文件名称：) of a
//! metadata table, the `<h1>` at the article (unless it only names an
//! agency, like a logo), the `<title>` minus its site suffix when a line of
//! the page matches it, and then every headline-shaped line near the top,
//! scored by what surrounds it: a dateline, source or document number right
//! below it, the same words repeated (pages print their headline twice),
//! a chapter opening below it (the title of a rule), its position; and
//! against it: crumbs, banners, toolbars, column and site names, captions,
//! bylines, lines above a newspaper's edition line, lines after the prose
//! has begun. A headline broken over lines (某局关于印发 / 《某办法》的通知)
//! is joined, and so is a kicker (引题) with the main title below it.

use sifa_fold::fold;

use crate::candidate::{Candidate, Candidates};
use crate::given::Given;
use crate::names::resolver::AgencyResolver;
use crate::page::{PageLines, clean_line};
use crate::shapes::dates;
use crate::shapes::headline::{self as shape, Noise, build_title, is_headline};

/// Scores of the kinds of evidence, strongest first.
mod score {
    pub const GIVEN: f32 = 1000.0;
    pub const META: f32 = 900.0;
    pub const LABELLED: f32 = 880.0;
    pub const HEADING: f32 = 800.0;
    pub const PAGE_TITLE_LINE: f32 = 750.0;
    pub const PAGE_TITLE: f32 = 45.0;
    /// A headline-shaped line, before its features.
    pub const LINE: f32 = 50.0;
    /// A line candidate needs at least this much.
    pub const LINE_THRESHOLD: f32 = 40.0;
    pub const FOLLOWED_BY_HEADER: f32 = 20.0;
    pub const REPEATED: f32 = 15.0;
    pub const OPENS_A_RULE: f32 = 20.0;
    pub const FIRST_LINE: f32 = 5.0;
    pub const DOCUMENT_ENDING: f32 = 5.0;
    pub const PER_LINE: f32 = 1.5;
    pub const AFTER_PROSE: f32 = -20.0;
    pub const ABOVE_EDITION: f32 = -25.0;
    pub const COLUMN_OR_SITE: f32 = -15.0;
    pub const QUESTION: f32 = -10.0;
}

/// How far into the page a headline is looked for, in lines.
const HEADLINE_ZONE: usize = 30;
/// Most lines a broken headline is joined from.
const MAX_JOINED: usize = 3;

/// A headline and where it stands: lines `start..end` of [`PageLines::all`]
/// when it was read from the page's lines.
#[derive(Debug, Clone)]
pub struct Headline {
    pub found: Candidate<String>,
    pub lines: Option<(usize, usize)>,
}

/// The page's headline and the evidence for it, if it shows one.
pub fn headline(page: &PageLines, given: &Given, agencies: &AgencyResolver) -> Option<Headline> {
    let mut found: Candidates<(String, Option<(usize, usize)>)> = Candidates::new();
    if let Some(t) = given.title.as_deref().and_then(clean_line) {
        found.push((t.clone(), None), "given", &t, score::GIVEN);
    }
    let hints = &page.hints;
    if let Some(t) = &hints.meta_title {
        found.push((t.clone(), None), "meta:ArticleTitle", t, score::META);
    }
    if let Some((value, at)) = labelled_title(page) {
        found.push((value.clone(), Some((at, at + 1))), "header:标题", &value, score::LABELLED);
    }
    // A heading that only names an agency is the site's logo, not a headline.
    if let Some(t) = hints.heading.as_ref().filter(|t| is_headline(t) && !agencies.is_agency_line(t)) {
        found.push((t.clone(), None), "html:h1", t, score::HEADING);
    }
    if let Some(t) = hints.page_title.as_deref().and_then(shape::clean_page_title) {
        if let Some(line) = page.content.iter().take(16).find(|l| l.contains(t.as_str()) && is_headline(l)) {
            found.push((line.clone(), None), "html:title+line", line, score::PAGE_TITLE_LINE);
        } else if is_headline(&t) {
            found.push((t.clone(), None), "html:title", &t, score::PAGE_TITLE);
        }
    }
    // Given and <meta> titles outrank every line; the lines need not be read.
    if found.is_empty() || found.iter().all(|c| c.score < score::META) {
        for candidate in line_candidates(page, agencies) {
            found.add(candidate);
        }
    }
    let best = found.best()?;
    let ((value, lines), rule, text, score) = (best.value, best.rule, best.text, best.score);
    Some(Headline { found: Candidate { value, rule, text, score }, lines })
}

/// `标题：…` or `文件名称：` (value on the next line) in a metadata table.
fn labelled_title(page: &PageLines) -> Option<(String, usize)> {
    for (index, line) in page.all.iter().enumerate().take(HEADLINE_ZONE) {
        if !line.contains("标") && !line.contains("名称") {
            continue;
        }
        let compact: String = line.trim_start_matches(['|', ' ']).chars().filter(|c| !c.is_whitespace()).collect();
        for label in ["标题", "文件名称", "信息名称", "名称"] {
            let Some(rest) = compact.strip_prefix(label) else { continue };
            let Some(rest) = rest.strip_prefix([':', '：']).or_else(|| (label != "名称").then_some(rest)) else {
                continue;
            };
            let value = rest.trim_matches(['|', ' ']);
            if value.is_empty() {
                let next = page.all_published.get(index + 1)?;
                return is_headline(&fold(next)).then(|| (next.trim().to_string(), index + 1));
            }
            // The published value: the line after its label.
            let published = &page.all_published[index];
            let start =
                published.find(['：', ':']).map_or(0, |i| i + published[i..].chars().next().map_or(1, char::len_utf8));
            let value_published = published[start..].trim().trim_matches(['|', ' ']).to_string();
            let value = if value_published.is_empty() { value.to_string() } else { value_published };
            return is_headline(&fold(&value)).then_some((value, index));
        }
    }
    None
}

/// What one line near the top is, for the headline search.
struct LineView<'a> {
    folded: &'a str,
    published: &'a str,
    /// Folded, without trailing table pipes.
    shape: String,
    noise: Option<Noise>,
    header: bool,
    prose: bool,
    agency: bool,
    date: bool,
}

fn view<'a>(page: &'a PageLines, index: usize, agencies: &AgencyResolver) -> LineView<'a> {
    let folded = page.all[index].as_str();
    let shape = folded.trim().trim_end_matches(['|', '｜', ' ']).trim_start_matches(['|', '｜', ' ']).to_string();
    let chars = shape.chars().count();
    let commas = shape.chars().filter(|c| matches!(c, ',' | '，')).count();
    LineView {
        folded,
        published: page.all_published[index].as_str(),
        noise: shape::noise(&shape),
        header: is_header_line(&shape) || shape::starts_with_field_label(&shape),
        prose: shape.contains('。') || (chars > 40 && commas >= 2) || commas >= 3 || shape::opens_like_prose(&shape),
        agency: agencies.is_agency_line(&shape) && !shape.contains("关于") && !shape::ends_like_a_document(&shape),
        date: dates::standalone_date(&shape).is_some(),
        shape,
    }
}

/// A line of the block under a headline: a labelled header field, a
/// dateline, a byline, a document number, a salutation.
fn is_header_line(line: &str) -> bool {
    let first_date = dates::dates_in(line).into_iter().next();
    crate::shapes::header::is_meta_line(line)
        || !dates::labelled_dates(line).is_empty()
        || first_date.is_some_and(|m| {
            !m.with_weekday && (m.with_time || dates::standalone_date(line).is_some() || line.chars().count() <= 40)
        })
        || matches!(shape::noise(line), Some(Noise::Byline))
        || crate::shapes::numbers::is_number_line(line)
        || crate::shapes::numbers::is_order_number_line(line)
        || !crate::shapes::promulgation::acts(line).is_empty()
}

/// A headline's text and the lines it spans, if it came from lines.
type LineHeadline = (String, Option<(usize, usize)>);

/// Every headline-shaped line (or block of lines) near the top, scored.
fn line_candidates(page: &PageLines, agencies: &AgencyResolver) -> Vec<Candidate<LineHeadline>> {
    let zone = page.all.len().min(HEADLINE_ZONE);
    let mut views: Vec<LineView> = (0..zone).map(|i| view(page, i, agencies)).collect();
    // A headline a site's template set as a list item (• 某某开展…) stands
    // over the header block like any other.
    for i in 0..zone {
        let bulleted = views[i].noise == Some(Noise::Bullet) && views[i].shape.starts_with(shape::BULLETS);
        let rest = views[i].shape.trim_start_matches(shape::BULLETS).trim_start().to_string();
        if bulleted && is_headline(&rest) && header_right_below(&views, i + 1) {
            views[i].noise = None;
            views[i].shape = rest;
        }
    }
    let edition_at = views.iter().position(|v| v.noise == Some(Noise::Edition));
    let first_prose = views.iter().position(|v| v.prose).unwrap_or(zone);
    let banner_at = |i: usize| {
        shape::is_banner_phrase(&views[i].shape) && views.get(i + 1).is_some_and(|next| is_headline(&next.shape))
    };
    let eligible = |v: &LineView| {
        v.noise.is_none()
            && !v.prose
            && !v.header
            && !v.agency
            && !v.date
            && !crate::shapes::furniture::is_widget_line(&v.shape)
            && is_headline(&v.shape)
    };
    let mut out = Vec::new();
    // A headline the page ran its header fields into.
    for (i, v) in views.iter().enumerate() {
        let Some(at) = crate::shapes::header::fields_after_text(&v.shape) else { continue };
        let head = &v.shape[..at];
        if is_headline(head) && shape::noise(head).is_none() && !shape::opens_like_prose(head) {
            let above = views[..i].iter().filter(|v| v.noise.is_none()).count();
            let score = score::LINE + score::FOLLOWED_BY_HEADER - score::PER_LINE * above as f32;
            // Folding keeps one character for one once glosses are gone.
            let published = sifa_fold::strip_glosses(v.published);
            let published: String =
                published.trim().trim_matches(['|', '｜', ' ']).chars().take(head.chars().count()).collect();
            let value = title_text(&published);
            out.push(Candidate::new((value.clone(), Some((i, i + 1))), "line:header_after", &value, score));
        }
    }
    for start in 0..zone {
        // A slogan (同心护平安 携手向未来) is a banner, unless the page's
        // header block stands right under it: then it is the headline.
        if shape::is_slogan(&views[start].shape) && !header_right_below(&views, start + 1) {
            continue;
        }
        let mut end = start + 1;
        let mut text = vec![title_text(views[start].published)];
        // A run-on first line: the title is its first segment (某某关于印发…的通知 各单位：…).
        if !eligible(&views[start]) || banner_at(start) {
            if start == 0
                && views[0].prose
                && let Some(head) = run_on_title(views[0].published)
            {
                out.push(Candidate::new(
                    // The line goes on into the body, which starts with it.
                    (head.clone(), Some((0, 0))),
                    "line:run_on",
                    &head,
                    score::LINE + score::FIRST_LINE + score::DOCUMENT_ENDING,
                ));
            }
            // 某局 / 关于某事的答复函: an issuer line above a broken title.
            let issuer_above = views[start].agency
                && views.get(start + 1).is_some_and(|next| next.shape.starts_with("关于") && eligible(next));
            if !issuer_above {
                continue;
            }
        }
        // Join a headline broken over lines.
        while end < zone && end - start < MAX_JOINED {
            let (current, next) = (&views[end - 1], &views[end]);
            let joined_so_far: String = (start..end).map(|i| views[i].shape.as_str()).collect();
            let broken = (shape::breaks_off(&joined_so_far) || current.agency)
                && !shape::ends_like_a_document(&joined_so_far)
                && !next.header
                && next.noise.is_none()
                && !next.prose
                && (shape::continues_a_title(&next.shape) || shape::breaks_off(&next.shape));
            if !broken {
                break;
            }
            text.push(title_text(next.published));
            end += 1;
        }
        let joined_broken = end > start + 1;
        // A kicker (引题) above a longer main title, the block under both.
        let mut separator = "";
        if !joined_broken
            && let Some(next) = views.get(end)
            && eligible(next)
            && !next.shape.starts_with(['—', '-', '―'])
            && next.shape.chars().count() >= views[start].shape.chars().count()
            && header_follows(&views, end + 1)
        {
            text.push(title_text(next.published));
            separator = " ";
            end += 1;
        }
        let value = text.join(separator).trim().to_string();
        let folded_value = fold(&value);
        if !is_headline(&folded_value) && !joined_broken {
            continue;
        }
        // Lines above count against a candidate, but not menus, crumbs and widgets.
        let above = views[..start].iter().filter(|v| v.noise.is_none()).count();
        let mut score = score::LINE - score::PER_LINE * above as f32;
        let mut features = Vec::new();
        if start == 0 {
            score += score::FIRST_LINE;
        }
        if header_follows(&views, end) {
            score += score::FOLLOWED_BY_HEADER;
            features.push("header_below");
        }
        if repeated(&views, start, end, &folded_value) || page_title_has(page, &folded_value) {
            score += score::REPEATED;
            features.push("repeated");
        }
        if views.get(end).is_some_and(|v| opens_a_rule(&v.shape)) {
            score += score::OPENS_A_RULE;
            features.push("rule_below");
        }
        if shape::ends_like_a_document(&folded_value) {
            score += score::DOCUMENT_ENDING;
        }
        if start > first_prose {
            score += score::AFTER_PROSE;
        }
        if edition_at.is_some_and(|e| start < e) {
            score += score::ABOVE_EDITION;
        }
        if shape::looks_like_column(&folded_value) || shape::looks_like_site_name(&folded_value) {
            score += score::COLUMN_OR_SITE;
        }
        if folded_value.ends_with(['?', '？']) {
            score += score::QUESTION;
        }
        if score < score::LINE_THRESHOLD {
            continue;
        }
        let rule = match (joined_broken, separator.is_empty(), features.first()) {
            (true, _, _) => "line:joined".to_string(),
            (false, false, _) => "line:kicker+title".to_string(),
            (false, true, Some(feature)) => format!("line:{feature}"),
            (false, true, None) => "line".to_string(),
        };
        out.push(Candidate::new((value.clone(), Some((start, end))), rule, &value, score));
    }
    out
}

/// Whether a header line follows at `at`, past captions, toolbars and one
/// subtitle line (a 副题 under the main title, no longer than it).
fn header_follows(views: &[LineView], at: usize) -> bool {
    let title_chars = at.checked_sub(1).map_or(0, |i| views[i].shape.chars().count());
    let is_header =
        |v: &LineView| v.header || matches!(v.noise, Some(Noise::Byline)) || (v.date && !v.folded.contains("星期"));
    let mut subtitle_seen = false;
    for v in views.iter().skip(at).take(4) {
        if matches!(v.noise, Some(Noise::Caption | Noise::Toolbar)) {
            continue;
        }
        if is_header(v) {
            return true;
        }
        if subtitle_seen
            || v.prose
            || v.noise.is_some()
            || !is_headline(&v.shape)
            || v.shape.chars().count() > title_chars
        {
            return false;
        }
        subtitle_seen = true;
    }
    false
}

/// Whether a header line stands right at `at`, past captions and toolbars.
fn header_right_below(views: &[LineView], at: usize) -> bool {
    views
        .iter()
        .skip(at)
        .find(|v| !matches!(v.noise, Some(Noise::Caption | Noise::Toolbar)))
        .is_some_and(|v| v.header || (v.date && !v.folded.contains("星期")))
}

/// Whether the same words stand elsewhere near the top (a page prints its
/// headline twice: in the page header and above the article), on one line
/// or broken over two or three.
fn repeated(views: &[LineView], start: usize, end: usize, value: &str) -> bool {
    let key = comparable(value);
    if key.chars().count() < 5 {
        return false;
    }
    let outside = |i: usize, width: usize| i + width <= start || i >= end;
    let single = views.iter().enumerate().any(|(i, v)| outside(i, 1) && comparable(&v.shape).starts_with(&key));
    single
        || (2..=3).any(|width| {
            (0..views.len().saturating_sub(width - 1)).any(|i| {
                outside(i, width) && views[i..i + width].iter().map(|v| comparable(&v.shape)).collect::<String>() == key
            })
        })
}

fn page_title_has(page: &PageLines, value: &str) -> bool {
    page.hints.page_title.as_deref().is_some_and(|t| comparable(&fold(t)).starts_with(&comparable(value)))
}

/// `第一章 总则`, `第一条`: the text of a rule begins.
fn opens_a_rule(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("第一章") || line.starts_with("第一条") || line.starts_with("总则") || line.starts_with("第一节")
}

/// Letters and digits only.
fn comparable(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A published line as a title: no repost marker, no table pipes, no
/// document number glued to either end.
fn title_text(line: &str) -> String {
    let line = line.trim().trim_matches(['|', '｜', ' ']).trim_start_matches(shape::BULLETS).trim_start();
    let line = shape::strip_repost_marker(line);
    let folded = fold(line);
    let numbers = crate::shapes::numbers::numbers_in(&folded);
    let mut text = line.to_string();
    // Byte offsets of the folded line match the published one only when folding kept lengths.
    if folded.len() == line.len() {
        if let Some(last) = numbers.last().filter(|n| n.end == folded.len() && n.start > 0) {
            text = line[..last.start].trim_end_matches(['-', '—', ' ', '_']).to_string();
        } else if let Some(first) = numbers.first().filter(|n| n.start == 0 && n.end < folded.len()) {
            text = line[first.end..].trim_start().to_string();
        }
    }
    text
}

/// The title a run-on first line opens with: its first segment, when that
/// ends like a document's title (某某关于印发…的通知 各单位：…).
fn run_on_title(line: &str) -> Option<String> {
    let head = line.trim().split([' ', '\u{3000}']).next()?;
    let folded = fold(head);
    (is_headline(&folded) && shape::ends_like_a_document(&folded)).then(|| head.to_string())
}

/// A title for a page that shows no headline, built from the first line of
/// prose (see [`build_title`]); its rule says it was constructed.
pub fn constructed(page: &PageLines, body_start: usize, agency: Option<&str>) -> Candidate<String> {
    let opening = page.content[body_start.min(page.content.len())..]
        .iter()
        .zip(&page.content_folded[body_start.min(page.content_folded.len())..])
        .find(|(_, folded)| {
            folded.chars().filter(|c| shape::is_han(*c)).count() >= 10 && shape::noise(folded).is_none()
        })
        .map(|(line, _)| line.as_str())
        .or_else(|| page.content.get(body_start).map(String::as_str))
        .unwrap_or_default();
    let built = build_title(opening, agency).unwrap_or_else(|| "（无标题）".to_string());
    Candidate::new(built, CONSTRUCTED_RULE, opening, 0.0)
}

/// The rule of a title built from the opening.
pub const CONSTRUCTED_RULE: &str = "built_from_opening";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::resolver::tests::resolver;

    fn read(text: &str, is_html: bool) -> Option<(String, String)> {
        let page = PageLines::read(text, is_html);
        headline(&page, &Given::default(), &resolver()).map(|h| (h.found.rule, h.found.value))
    }

    fn title(text: &str) -> Option<String> {
        read(text, false).map(|(_, title)| title)
    }

    #[test]
    fn a_given_title_wins() {
        let page = PageLines::read("某县司法局召开调解工作会议\n正文。", false);
        let given = Given { title: Some(" 给定的标题 ".into()), ..Given::default() };
        let found = headline(&page, &given, &resolver()).unwrap().found;
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
        assert_eq!(title(text).as_deref(), Some("某省司法厅推进行政执法规范化建设"));
        let text = "山东省司法厅\n2024年3月5日\n某省司法厅推进行政执法规范化建设\n正文。";
        assert_eq!(title(text).as_deref(), Some("某省司法厅推进行政执法规范化建设"));
        assert_eq!(read("2024年，某区司法局总体工作思路是：坚持以人民为中心。\n", false), None);
    }

    #[test]
    fn crumbs_banners_columns_and_toolbars_are_passed_over() {
        let text = "欢迎访问某某政府门户网站!\n无障碍 简体 繁体 长者模式\n您当前的位置:首页 > 工作动态\n工作动态\n\
            某县司法局开展法律援助进社区活动\n发布时间:2024-05-06 来源:某县司法局\n为方便群众，某县司法局近日组织律师进社区。\n";
        assert_eq!(read(text, false), Some(("line:header_below".into(), "某县司法局开展法律援助进社区活动".into())));
        let text = "打印本页 字号选择:大 中 返回原文\n首页 > 资讯中心\n某区开展普法宣传 推动民法典进万家\n2017年11月09日 07:42\n正文内容，充实。";
        assert_eq!(title(text).as_deref(), Some("某区开展普法宣传 推动民法典进万家"));
    }

    #[test]
    fn a_spam_line_above_the_real_headline_loses() {
        let text = "某某彩票资料大全免费下载最新版本官方网址\n首页 > 文章\n某市监狱推进智慧监狱建设的实践与思考\n作者:佚名 来源:某市监狱管理局 更新时间:2016-04-21\n正文，内容充实。";
        assert_eq!(title(text).as_deref(), Some("某市监狱推进智慧监狱建设的实践与思考"));
    }

    #[test]
    fn a_headline_broken_over_lines_is_joined() {
        let text = "某市司法局行政规范性文件\n某市司法局关于印发\n《某市公证机构执业质量评估实施细则》的通知\n某司发〔2021〕58号\n各区县司法局：\n";
        assert_eq!(title(text).as_deref(), Some("某市司法局关于印发《某市公证机构执业质量评估实施细则》的通知"));
        let text =
            "某市司法局\n关于市人大一次会议\n第0001号建议办理情况的答复函\n近年来，我市坚持和发展新时代“枫桥经验”。\n";
        assert_eq!(title(text).as_deref(), Some("某市司法局关于市人大一次会议第0001号建议办理情况的答复函"));
    }

    #[test]
    fn a_kicker_stays_with_the_main_title() {
        let text = "从守住底线到追求高线\n某省监狱系统用心提升教育改造质量\n本报记者 某某\n正文，内容充实。";
        assert_eq!(title(text).as_deref(), Some("从守住底线到追求高线 某省监狱系统用心提升教育改造质量"));
        let text = "某省持续织密城乡公共法律服务网络\n两年办结援助案件八万件\n来源:某某晚报 2022-03-16 08:12:40\n正文，内容充实。";
        assert_eq!(
            title(text).as_deref(),
            Some("某省持续织密城乡公共法律服务网络"),
            "a shorter line below is a subtitle"
        );
    }

    #[test]
    fn the_title_of_a_rule_stands_above_its_first_chapter() {
        let text = "各司局：\n《某某办法》已经部长办公会议通过，现印发给你们，请遵照执行。\n某部机关公文处理办法\n第一章 总则\n第一条 为做好公文处理，制定本办法。";
        assert_eq!(title(text).as_deref(), Some("某部机关公文处理办法"));
    }

    #[test]
    fn labelled_title_fields_and_e_paper_pages() {
        let text = "索引号: 000/2024-01357 主题分类:\n成文日期: 2024年6月3日 发文机关: 某县司法局\n标  题: 某县司法局行政复议决定书\n正文。";
        assert_eq!(read(text, false), Some(("header:标题".into(), "某县司法局行政复议决定书".into())));
        let text = "文件名称:\n某市监狱管理局关于印发某办法的通知\n文件编号:\n某狱管规〔2019〕14号\n";
        assert_eq!(title(text).as_deref(), Some("某市监狱管理局关于印发某办法的通知"));
        let text = "某银行信用卡\n2021年06月08日\n第B02版:要闻\n某市律师服务中心揭牌\n某市律师服务中心揭牌\n正文，内容充实，说明情况。";
        assert_eq!(title(text).as_deref(), Some("某市律师服务中心揭牌"));
    }

    #[test]
    fn document_numbers_glued_to_a_headline_are_dropped() {
        assert_eq!(
            title("某省贯彻落实《某办法》细则-某司【2013】104号\n正文内容，充实。").as_deref(),
            Some("某省贯彻落实《某办法》细则")
        );
    }

    #[test]
    fn an_order_number_under_its_issuer_is_no_headline() {
        let announcement = "某某自治区人民代表大会常务委员会公告\n第二十七号\n《某某自治区矛盾纠纷多元化解条例》已由某某自治区第十四届人民代表大会常务委员会第十次会议于2024年5月30日通过，现予公布，自2024年8月1日起施行。\n某某自治区人民代表大会常务委员会\n2024年5月30日";
        let order = "某某市人民政府令\n第 5 号\n《某某市法律援助办法》已经2023年2月20日市人民政府第8次常务会议通过，现予公布，自2023年4月1日起施行。\n市长　某某\n2023年3月1日";
        for page in [announcement, order] {
            let found = title(page);
            assert!(found.as_deref().is_none_or(|t| !t.starts_with('第')), "{found:?}");
        }
    }

    #[test]
    fn a_constructed_title_says_so() {
        let page = PageLines::read("为进一步加强人民调解工作，推动矛盾纠纷就地化解，现提出如下意见。", false);
        let found = constructed(&page, 0, None);
        assert_eq!(found.rule, "built_from_opening");
        assert_eq!(constructed(&PageLines::read("", false), 0, None).value, "（无标题）");
    }

    #[test]
    fn mastheads_jump_lines_and_section_headings_are_no_headlines() {
        // A newspaper group's list of its titles above an e-paper article.
        let text = "《某某日报》 《某某日报藏文版》 《某某法制报》\n2024年04月06日\n某市开展法治文艺巡演\n本报某市4月5日讯(记者 某某)近日,巡演活动在某村举办。\n";
        assert_eq!(title(text).as_deref(), Some("某市开展法治文艺巡演"));
        let text = "《某省日报》 《某省晚报》\n某县司法局开展普法宣传\n发布时间:2024-01-02\n正文内容，充实。\n";
        assert_eq!(title(text).as_deref(), Some("某县司法局开展普法宣传"));
        assert!(shape::noise("《某省日报》报道了某县的做法").is_none(), "a sentence naming a paper");
        // A jump line opens a continued page; a numbered section is no headline.
        assert_eq!(
            title("(上接第一版)\n(三)强化宪法学习宣传教育\n4. 在全省继续开展学习宣传活动，并作为核心内容。\n"),
            None
        );
        assert_eq!(
            title("各位考生:\n现将考试安排通知如下，请认真阅读。\n01 考试时间\n2023年3月26日(周日)9:00—13:00\n"),
            None
        );
        assert_eq!(shape::noise("二、工作要求"), Some(Noise::Bullet));
        assert!(shape::noise("二〇二四年工作要点").is_none());
    }

    #[test]
    fn bylines_of_journals_and_authors_are_no_headlines() {
        let text = "某省社区矫正工作领导小组办公室 (某省司法厅 某市 810000) ■文\n关于某省社区矫正工作开展情况的调研报告\n某省社区矫正工作领导小组办公室 (某省司法厅 某市 810000) ■文\n为切实加强管理，现将调研情况报告如下。\n";
        assert_eq!(title(text).as_deref(), Some("关于某省社区矫正工作开展情况的调研报告"));
        let text =
            "张某 李某某 王某/某市某区司法局\n某市某区司法局始终将社区矫正工作作为重要环节来抓，通过探索形成经验。\n";
        assert_eq!(title(text), None, "authors and their unit, then prose");
        assert_eq!(shape::noise("文/本报记者 某某"), Some(Noise::Byline));
        assert!(shape::noise("某区法律援助中心联系电话调整").is_none());
    }

    #[test]
    fn crumbs_with_one_separator_and_quoted_decks() {
        let text = "武汉市律师协会\n行业建设\n行业建设>协会章程\n协会章程\n武汉市律师协会章程\n(1999年12月22日第三次武汉市律师代表大会通过)\n第一章 总则\n";
        let page = PageLines::read(text, false);
        let found = headline(&page, &Given::default(), crate::agency::tests::shipped()).map(|h| h.found.value);
        assert_eq!(found.as_deref(), Some("武汉市律师协会章程"), "a body's rules, under the body's name");
        assert_eq!(shape::noise("法治工作 > 安置帮教"), Some(Noise::Crumb));
        assert!(shape::noise("从“要我学”到“我要学”>>转变").is_none_or(|n| n == Noise::Crumb));
        let text = "■文/图:某报记者 某某\n某公证处资深公证员某某说,证明“你妈是你妈”也是必要的\n近日，记者走访某公证处，了解到不少群众办证的故事。\n";
        assert_eq!(title(text), None, "a deck that quotes a speaker");
        assert_eq!(
            title("某市律师说法：遇到欠薪怎么办\n发布时间:2024-01-02\n正文，内容充实。\n").as_deref(),
            Some("某市律师说法：遇到欠薪怎么办")
        );
    }

    #[test]
    fn a_couplet_headline_over_its_header_block() {
        let text = "政务服务\n当前位置: 首页 > 法治工作 > 安置帮教\n帮教进高墙 大爱助改造\n2021-12-29 18:08\n来源:某区局\n为了贯彻落实上级要求，近期某区司法局开展帮教。\n";
        assert_eq!(title(text).as_deref(), Some("帮教进高墙 大爱助改造"));
        let text = "同心护平安 携手向未来\n某县召开平安建设推进会\n发布时间:2024-01-02\n正文，内容充实。\n";
        assert_eq!(title(text).as_deref(), Some("某县召开平安建设推进会"), "a slogan over a headline stays a banner");
    }

    #[test]
    fn a_site_menu_above_the_headline_costs_it_nothing() {
        let text = "- 首页\n- 民文\n- English\n- 无障碍\n- 举报\n- 登录\n某市开展社区戒毒人员集中警示教育暨某所开放日活动\n6月26日,某市强制隔离戒毒所携手市公安局共同举办警示教育活动。\n";
        assert_eq!(title(text).as_deref(), Some("某市开展社区戒毒人员集中警示教育暨某所开放日活动"));
        assert_eq!(shape::noise("- 首页"), Some(Noise::Navigation));
        assert!(shape::noise("- 严格落实安全生产责任制，确保各项措施到位").is_none(), "a list item of prose");
    }

    #[test]
    fn a_headline_with_its_header_on_one_line_or_set_as_a_list_item() {
        let text = "某某网 > 龙江\n坚守誓言 践行承诺——某市宪法主题广场正式启用 发布时间:2023-12-04 18:40 来源:某某司法行政\n今年12月4日是国家宪法日。为弘扬宪法精神，某市举办活动。\n";
        assert_eq!(title(text).as_deref(), Some("坚守誓言 践行承诺——某市宪法主题广场正式启用"));
        let text = "• 74位律师组团到某地开展公益法律服务\n• 发布时间:2021-06-13 03:26 | 作者: | 来源:某某在线\n某地7月24日电 23日，服务团启动仪式在某地举行。\n";
        assert_eq!(title(text).as_deref(), Some("74位律师组团到某地开展公益法律服务"));
        let text = "□坚决打赢疫情防控阻击战\n某县司法局开展普法宣传活动\n发布时间:2024-01-02\n正文，内容充实。\n";
        assert_eq!(title(text).as_deref(), Some("某县司法局开展普法宣传活动"), "a boxed slogan stays one");
    }
}
