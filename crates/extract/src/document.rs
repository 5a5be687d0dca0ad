//! One document's text to a [`Publication`]: the two-stage read.
//!
//! Stage one ([`PageLines`]) sorts the lines of a page into header fields,
//! furniture and content. Stage two decides each metadata field from the
//! strongest evidence available and records which text decided it.

use sifa_model::{AgencyLevel, FieldEvidence, Kind, PubDate, Publication, SourceRef};

use sifa_analysis::fold;

use crate::agency::{Agency, RegionContext};
use crate::html::{HtmlHints, html_to_text};
use crate::{Extractor, date, furniture, header, kind, title, url};

/// Metadata a source states outright (JSON Lines fields). A given field is
/// kept; a missing one is extracted from the text.
#[derive(Debug, Default, Clone)]
pub struct Given {
    pub id: Option<String>,
    pub title: Option<String>,
    pub agency: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub kind: Option<String>,
}

/// Lines of the page sorted for extraction.
///
/// Lines come in pairs: as published (for the title and body) and folded
/// to simplified, half-width characters (for every rule that matches
/// words), so a traditional-character repost is read like any other page.
struct PageLines {
    /// Every line before the footer, furniture included, folded: header
    /// fields (dates, sources) are read from here.
    all: Vec<String>,
    /// Content lines as published: no furniture, no header fields.
    content: Vec<String>,
    /// The same content lines, folded.
    content_folded: Vec<String>,
    /// Everything, footer included (a 原文链接 may sit there).
    everything: Vec<String>,
    hints: HtmlHints,
}

/// How far into the content a headline or header line is looked for.
const HEADER_ZONE: usize = 8;
/// How far from the end a signature is looked for.
const SIGNATURE_ZONE: usize = 12;
/// How much of the body is read for agency mentions and region context.
const MENTION_WINDOW_BYTES: usize = 6000;

fn clean_line(line: &str) -> Option<String> {
    let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}');
    (!line.is_empty()).then(|| line.to_string())
}

impl PageLines {
    fn read(text: &str, is_html: bool) -> Self {
        let (lines, hints, main) = if is_html {
            let page = html_to_text(text);
            (page.lines, page.hints, Some(page.main))
        } else {
            (text.lines().map(str::to_string).collect(), HtmlHints::default(), None)
        };
        let everything: Vec<String> = lines.iter().filter_map(|l| clean_line(l)).collect();
        // For HTML keep a little context around the article: the headline,
        // date and source usually stand just above it.
        let window = match main {
            Some((start, end)) => {
                let lines: Vec<String> = lines.into_iter().map(|l| clean_line(&l).unwrap_or_default()).collect();
                let start = start.saturating_sub(HEADER_ZONE);
                let end = (end + 3).min(lines.len());
                lines[start..end].iter().filter(|l| !l.is_empty()).cloned().collect()
            }
            None => everything.clone(),
        };
        let folded: Vec<String> = window.iter().map(|l| fold(l)).collect();
        let footer = furniture::footer_start(&folded);
        let mut content = Vec::with_capacity(footer);
        let mut content_folded = Vec::with_capacity(footer);
        for (index, line) in folded[..footer].iter().enumerate() {
            let in_header = content.len() < HEADER_ZONE || index < HEADER_ZONE;
            if furniture::is_widget_line(line) || (in_header && header::is_meta_line(line)) {
                continue;
            }
            content.push(window[index].clone());
            content_folded.push(line.clone());
        }
        let mut all = folded;
        all.truncate(footer);
        Self { all, content, content_folded, everything, hints }
    }
}

/// A value and the evidence for it.
type Found<T> = Option<(T, FieldEvidence)>;

fn evidence(rule: impl Into<String>, text: &str) -> FieldEvidence {
    let text: String = text.chars().take(120).collect();
    FieldEvidence { rule: rule.into(), text }
}

impl Extractor {
    /// Reads one document. `is_html` selects HTML reduction; the encoding,
    /// when known, is recorded as evidence.
    pub fn extract_text(
        &self,
        text: &str,
        is_html: bool,
        given: Given,
        source: SourceRef,
        encoding: Option<&str>,
    ) -> Publication {
        let page = PageLines::read(text, is_html);
        let mut proofs = sifa_model::Evidence::new();
        if let Some(encoding) = encoding {
            proofs.insert("encoding".into(), evidence("detected", encoding));
        }

        let headline = self.find_headline(&page, &given);
        let url = find_url(&page, &given);
        let body_start = body_start(&page, headline.as_ref().map(|h| h.0.as_str()));
        let body = page.content[body_start..].join("\n");
        let folded_body = page.content_folded[body_start..].join("\n");
        let folded_title = headline.as_ref().map(|h| fold(&h.0));
        let opening = prefix(&folded_body, MENTION_WINDOW_BYTES);
        // The site's own name (<title> suffix, ContentSource) also says where a page is from.
        let site =
            [page.hints.page_title.as_deref(), page.hints.meta_source.as_deref(), url.as_ref().map(|u| u.0.as_str())]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n");
        let context = self.region_context(folded_title.as_deref(), opening, Some(&fold(&site)));
        let agency = self.find_agency(&page, &given, folded_title.as_deref(), opening, &context);
        let date = find_date(&page, &given, url.as_ref().map(|u| u.0.as_str()), headline.is_none());

        let (title, title_evidence) = match headline {
            Some(found) => found,
            None => {
                let agency_name = agency.as_ref().map(|a| a.0.name.as_str());
                let opening = page.content.get(body_start).map(String::as_str).unwrap_or_default();
                let built = title::build_title(opening, agency_name).unwrap_or_else(|| "（无标题）".to_string());
                let rule = evidence("built_from_opening", opening);
                (built, rule)
            }
        };
        let level = agency.as_ref().map(|a| a.0.level);
        let (kind, kind_evidence) = find_kind(&given, &title, level);
        let topics = self.topics.classify(&fold(&title), &folded_body);

        proofs.insert("title".into(), title_evidence);
        proofs.insert("kind".into(), kind_evidence);
        for (field, found) in [
            ("url", url.as_ref().map(|u| &u.1)),
            ("date", date.as_ref().map(|d| &d.1)),
            ("agency", agency.as_ref().map(|a| &a.1)),
        ] {
            if let Some(e) = found {
                proofs.insert(field.into(), e.clone());
            }
        }
        let url = url.map(|u| u.0);
        let (id, id_evidence) = crate::id::choose_id(given.id.as_deref(), url.as_deref(), &folded_body, &title);
        proofs.insert("id".into(), id_evidence);
        let agency = agency.map(|a| a.0);
        Publication {
            id,
            title,
            body,
            agency_path: agency.as_ref().map(|a| a.path.clone()).unwrap_or_default(),
            agency_level: agency.as_ref().map(|a| a.level),
            agency: agency.map(|a| a.name),
            date: date.map(|d| d.0),
            url,
            kind,
            topics,
            source,
            evidence: proofs,
        }
    }

    fn find_headline(&self, page: &PageLines, given: &Given) -> Found<String> {
        if let Some(t) = given.title.as_deref().and_then(clean_line) {
            return Some((t.clone(), evidence("given", &t)));
        }
        let hints = &page.hints;
        if let Some(t) = &hints.meta_title {
            return Some((t.clone(), evidence("meta:ArticleTitle", t)));
        }
        // A heading that only names an agency is the site's logo, not a headline.
        if let Some(t) = hints.heading.as_ref().filter(|t| title::is_headline(t) && !self.is_agency_line(t)) {
            return Some((t.clone(), evidence("html:h1", t)));
        }
        if let Some(t) = hints.page_title.as_deref().and_then(title::clean_page_title) {
            if let Some(line) =
                page.content.iter().take(HEADER_ZONE * 2).find(|l| l.contains(t.as_str()) && title::is_headline(l))
            {
                return Some((line.clone(), evidence("html:title+line", line)));
            }
            if title::is_headline(&t) {
                return Some((t.clone(), evidence("html:title", &t)));
            }
        }
        self.headline_from_lines(&page.content, &page.content_folded)
    }

    /// The first headline-like line among the opening lines, passing over
    /// slogan banners, agency-only lines and dates.
    fn headline_from_lines(&self, content: &[String], folded: &[String]) -> Found<String> {
        let mut banner: Option<&str> = None;
        for (index, (line, folded)) in content.iter().zip(folded).take(4).enumerate() {
            let headline_follows = content.get(index + 1).is_some_and(|next| title::is_headline(next));
            if title::is_slogan(folded) || (title::is_banner_phrase(folded) && headline_follows) {
                banner = Some(line);
                continue;
            }
            if date::standalone_date(folded).is_some() || self.is_agency_line(folded) {
                continue;
            }
            let line = title::strip_repost_marker(line);
            if !title::is_headline(line) {
                return None;
            }
            let rule = if banner.is_some() { "first_line_after_banner" } else { "first_line" };
            return Some((line.to_string(), evidence(rule, line)));
        }
        None
    }

    /// A short line that is nothing but an agency name (a byline above the
    /// article in a newspaper layout).
    fn is_agency_line(&self, line: &str) -> bool {
        let line = &fold(line);
        let chars = line.chars().count();
        chars <= 24
            && self.agencies.mentions(line).iter().any(|m| line[m.start..m.end].chars().count() * 10 >= chars * 7)
    }

    fn region_context(&self, title: Option<&str>, opening: &str, site: Option<&str>) -> RegionContext {
        let text = format!("{}\n{}\n{}", title.unwrap_or_default(), opening, site.unwrap_or_default());
        self.agencies.context(&text)
    }

    fn find_agency(
        &self,
        page: &PageLines,
        given: &Given,
        title: Option<&str>,
        body: &str,
        context: &RegionContext,
    ) -> Found<Agency> {
        let resolve = |text: &str| self.agencies.resolve_name(&fold(text), context);
        if let Some(name) = given.agency.as_deref().and_then(clean_line) {
            let agency =
                resolve(&name).unwrap_or(Agency { name: name.clone(), path: Vec::new(), level: guess_level(&name) });
            return Some((agency, evidence("given", &name)));
        }
        let header_sources = page.all.iter().take(HEADER_ZONE * 2).filter_map(|l| header::source_field(l));
        let meta_source = page.hints.meta_source.iter().map(|s| ("meta:ContentSource".to_string(), s.clone()));
        for (label, value) in meta_source.chain(header_sources.map(|(label, value)| (format!("header:{label}"), value)))
        {
            if let Some(agency) = resolve(&value) {
                return Some((agency, evidence(label, &value)));
            }
        }
        let tail = &page.content_folded[page.content_folded.len().saturating_sub(SIGNATURE_ZONE)..];
        for line in tail.iter().rev() {
            if let Some(agency) = header::byline(line).and_then(|b| resolve(&b)) {
                return Some((agency, evidence("byline", line)));
            }
        }
        for line in tail.iter().rev() {
            if self.is_agency_line(line)
                && let Some(agency) = resolve(line)
            {
                return Some((agency, evidence("signature", line)));
            }
        }
        if let Some(title) = title {
            let lead = title.strip_prefix("中共").unwrap_or(title);
            if let Some(m) = self.agencies.mentions(lead).into_iter().find(|m| m.start == 0 && m.is_explicit())
                && let Some(agency) = self.agencies.resolve(&m, context)
            {
                return Some((agency, evidence("title_prefix", title)));
            }
        }
        if let Some(site) = page.hints.page_title.as_deref().and_then(|t| t.rsplit(['_', '|', '-', '—']).next())
            && let Some(agency) = resolve(site.trim())
        {
            return Some((agency, evidence("html:site_name", site)));
        }
        self.most_mentioned(title, body, context)
    }

    /// The explicit agency the title and opening text mention most.
    fn most_mentioned(&self, title: Option<&str>, body: &str, context: &RegionContext) -> Found<Agency> {
        let text = format!("{}\n{}", title.unwrap_or_default(), body);
        let mut tally: Vec<(Agency, usize, String)> = Vec::new();
        for m in self.agencies.mentions(&text).into_iter().filter(|m| m.is_explicit()) {
            let Some(agency) = self.agencies.resolve(&m, context) else { continue };
            match tally.iter_mut().find(|t| t.0 == agency) {
                Some(entry) => entry.1 += 1,
                None => tally.push((agency, 1, text[m.start..m.end].to_string())),
            }
        }
        // National bodies are often cited (根据司法部部署); prefer the local
        // actor unless the national one dominates.
        let best = tally
            .iter()
            .max_by_key(|t| (t.1 * if t.0.level == AgencyLevel::National { 1 } else { 2 }, std::cmp::Reverse(0)))?;
        Some((best.0.clone(), evidence("body_mention", &best.2)))
    }
}

fn prefix(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Level of an agency name the gazetteer could not place.
fn guess_level(name: &str) -> AgencyLevel {
    if name.contains("县") || name.contains("区") {
        AgencyLevel::County
    } else if name.contains("省") || name.contains("自治区") {
        AgencyLevel::Provincial
    } else if name.contains("市") || name.contains("州") {
        AgencyLevel::City
    } else {
        AgencyLevel::National
    }
}

/// Where the body starts: after the headline and whatever stood above it
/// (banners, bylines, dates).
fn body_start(page: &PageLines, headline: Option<&str>) -> usize {
    let Some(headline) = headline else { return 0 };
    let opening = page.content.len().min(HEADER_ZONE);
    (0..opening).find(|&i| is_headline_line(&page.content[i], headline)).map_or(0, |i| i + 1)
}

fn is_headline_line(line: &str, headline: &str) -> bool {
    let chars = line.chars().count();
    line == headline
        || (chars >= 6 && headline.contains(line))
        || (line.contains(headline) && chars <= headline.chars().count() + 12)
}

fn find_url(page: &PageLines, given: &Given) -> Found<String> {
    if let Some(u) = given.url.as_deref().map(str::trim).filter(|u| url::is_web_url(u)) {
        return Some((u.to_string(), evidence("given", u)));
    }
    for line in &page.everything {
        if let Some((label, found)) = url::labelled_url(line)
            && url::is_web_url(&found)
        {
            return Some((found, evidence(format!("label:{label}"), line)));
        }
    }
    if let Some(u) = page.hints.canonical_url.as_deref().filter(|u| url::is_web_url(u)) {
        return Some((u.to_string(), evidence("html:canonical", u)));
    }
    let edges = page.everything.iter().take(5).chain(page.everything.iter().rev().take(10));
    edges
        .filter_map(|l| url::bare_url(l))
        .find(|u| url::is_web_url(u))
        .map(|u| (u.clone(), evidence("bare_url_line", &u)))
}

fn find_date(page: &PageLines, given: &Given, url: Option<&str>, headless: bool) -> Found<PubDate> {
    if let Some(d) = given.date.as_deref().and_then(|d| d.trim().parse::<PubDate>().ok()) {
        return Some((d, evidence("given", &d.to_string())));
    }
    if let Some(d) = page.hints.meta_date.as_deref().and_then(date::parse_date_or_month) {
        return Some((d, evidence("meta:PubDate", page.hints.meta_date.as_deref().unwrap_or_default())));
    }
    for line in page.all.iter().take(HEADER_ZONE * 3) {
        if let Some((label, d)) = date::labelled_date(line).filter(|_| line.chars().count() <= 120) {
            return Some((d, evidence(format!("header:{label}"), line)));
        }
        if let Some(d) = header::dated_header(line) {
            return Some((d, evidence("header:date_first", line)));
        }
    }
    let tail = &page.content_folded[page.content_folded.len().saturating_sub(SIGNATURE_ZONE)..];
    if let Some((d, line)) = tail.iter().rev().find_map(|l| date::standalone_date(l).map(|d| (d, l))) {
        return Some((d, evidence("signature", line)));
    }
    if let Some(d) = url.and_then(date::url_date) {
        return Some((d, evidence("url", url.unwrap_or_default())));
    }
    let opening = page.content_folded.first().filter(|_| headless)?;
    date::opening_year(opening).map(|d| (d, evidence("opening_year", opening)))
}

fn find_kind(given: &Given, title: &str, level: Option<AgencyLevel>) -> (Kind, FieldEvidence) {
    if let Some(k) = given.kind.as_deref().and_then(Kind::parse) {
        return (k, evidence("given", k.as_str()));
    }
    match kind::classify(title, level) {
        (k, Some(word)) => (k, evidence(format!("title_word:{word}"), title)),
        (k, None) => (k, evidence("default", "no kind word in the title")),
    }
}
