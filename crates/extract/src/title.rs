//! The title: the page's headline, or a short title built from the text's
//! own words when it shows none (flagged as constructed in its evidence).
//! The shapes of lines are in `shapes/headline.rs`.
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
mod tests;
