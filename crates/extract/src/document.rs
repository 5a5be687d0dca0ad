//! One document's text to a [`Publication`]: the two-stage read.
//!
//! Stage one ([`PageLines`]) sorts the lines of a page into header fields,
//! furniture and content. Stage two asks each field's module for its
//! decision, in the order the fields depend on each other: the headline and
//! the URL first, then the agency (which reads the headline and the site),
//! the date, a constructed title when the page shows no headline (it names
//! the agency), and the kind and topics (which read the title).

use std::collections::HashSet;

use sifa_fold::fold;
use sifa_model::{Evidence, FieldEvidence, Publication, SourceRef};

use crate::agency::{self, AgencyInputs};
use crate::given::Given;
use crate::page::{HEADER_ZONE, PageLines};
use crate::{Extractor, date, doc_no, kind, title, url};

/// How much of the body is read for agency mentions and region context.
const MENTION_WINDOW_BYTES: usize = 6000;

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
        let mut proofs = Evidence::new();
        if let Some(encoding) = encoding {
            proofs.insert("encoding".into(), FieldEvidence { rule: "detected".into(), text: encoding.into() });
        }

        let headline = title::headline(&page, &given, &self.agencies);
        let url = url::decide(&page, &given);
        // Where the headline stands: read from the page's lines, or found
        // again for a given title. Only the former moves the body's start.
        let own_lines = headline.as_ref().and_then(|h| h.lines);
        let headline_lines = own_lines.or_else(|| headline.as_ref().and_then(|h| page.locate(&h.found.value)));
        let body_start = body_start(&page, headline.as_ref().map(|h| h.found.value.as_str()), own_lines);
        let body = page.content[body_start..].join("\n");
        let folded_body = page.content_folded[body_start..].join("\n");
        let folded_title = headline.as_ref().map(|h| fold(&h.found.value));
        let opening = prefix(&folded_body, MENTION_WINDOW_BYTES);
        // The site's own name (<title> suffix, ContentSource) also says where a page is from.
        let site = [
            page.hints.page_title.as_deref(),
            page.hints.meta_source.as_deref(),
            url.as_ref().map(|u| u.value.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n");
        // Lines above the headline (crumbs, the site's name) say where the page is from too.
        let above: String = headline_lines.map_or(String::new(), |(start, _)| page.all[..start].join("\n"));
        let mut context = agency::region_context(
            &self.agencies,
            folded_title.as_deref(),
            opening,
            &format!("{}\n{above}", fold(&site)),
        );
        // The footer's ICP licence and filings say where the site is registered.
        for (code, weight) in agency::footer_regions(&self.agencies, &page.everything) {
            context.add(self.agencies.gazetteer(), code, weight);
        }
        let site = url.as_ref().map(|u| self.agencies.site(&u.value, &context)).unwrap_or_default();
        for &(code, weight) in &site.regions {
            context.add(self.agencies.gazetteer(), code, weight);
        }
        let doc_no = doc_no::decide(&page);
        let inputs = AgencyInputs {
            given: &given,
            title: folded_title.as_deref(),
            headline_lines,
            opening,
            context: &context,
            site: &site,
            url: url.as_ref().map(|u| u.value.as_str()),
            doc_no: doc_no.as_ref().map(|d| d.value.as_str()),
        };
        let agency = agency::decide(&self.agencies, &page, &inputs);
        let date_inputs = date::DateInputs {
            given: &given,
            url: url.as_ref().map(|u| u.value.as_str()),
            headline_at: headline_lines.map(|(start, _)| start),
            formal: folded_title.as_deref().is_some_and(crate::shapes::headline::ends_like_a_document),
            agencies: &self.agencies,
        };
        let date = date::decide(&page, &date_inputs);

        let title = headline
            .map(|h| h.found)
            .unwrap_or_else(|| title::constructed(&page, body_start, agency.as_ref().map(|a| a.value.name.as_str())));
        let folded_title = fold(&title.value);
        let kind_inputs = kind::KindInputs {
            title: &title.value,
            folded_title: &folded_title,
            constructed: title.rule == title::CONSTRUCTED_RULE,
            folded_body: &folded_body,
            level: agency.as_ref().map(|a| a.value.level),
        };
        let kind = kind::decide(&given, &kind_inputs);
        // A title built from the opening repeats the body: it weighs as body.
        let topics = self.topics.classify(if kind_inputs.constructed { "" } else { &folded_title }, &folded_body);

        proofs.insert("title".into(), title.evidence());
        proofs.insert("kind".into(), kind.evidence());
        for (field, found) in [
            ("url", url.as_ref().map(|u| u.evidence())),
            ("date", date.as_ref().map(|d| d.evidence())),
            ("agency", agency.as_ref().map(|a| a.evidence())),
            ("doc_no", doc_no.as_ref().map(|d| FieldEvidence { rule: d.rule.clone(), text: d.value.clone() })),
        ] {
            if let Some(e) = found {
                proofs.insert(field.into(), e);
            }
        }
        let url = url.map(|u| u.value);
        let (id, id_evidence) = crate::id::choose_id(given.id.as_deref(), url.as_deref(), &folded_body, &title.value);
        proofs.insert("id".into(), id_evidence);
        let agency = agency.map(|a| a.value);
        Publication {
            id,
            aside: crate::markup::for_readers(&aside(&page, &title.value, &body)),
            title: crate::markup::for_readers(&title.value),
            body: crate::markup::for_readers(&body),
            agency_path: agency.as_ref().map(|a| a.path.clone()).unwrap_or_default(),
            agency_level: agency.as_ref().map(|a| a.level),
            agency: agency.map(|a| a.name),
            date: date.map(|d| d.value),
            doc_no: doc_no.map(|d| d.value),
            url,
            kind: kind.value,
            topics,
            source,
            evidence: proofs,
        }
    }
}

/// The lines a page shows that are neither its title nor its body, in
/// order and once each: crumbs, banners, metadata tables, widgets, the
/// footer, lines around the headline. The reader set them aside; search
/// still finds them.
fn aside(page: &PageLines, title: &str, body: &str) -> String {
    let body_lines: HashSet<&str> = body.lines().collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut aside = String::new();
    for line in &page.everything {
        let line = line.as_str();
        let in_title = line == title || (line.chars().count() >= 4 && title.contains(line));
        if in_title || body_lines.contains(line) || !seen.insert(line) {
            continue;
        }
        aside.push_str(line);
        aside.push('\n');
    }
    aside.truncate(aside.trim_end().len());
    aside
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

/// Where the body starts: after the headline and whatever stood above it
/// (banners, bylines, dates). `lines` is where the headline stands in
/// [`PageLines::all`], when known.
fn body_start(page: &PageLines, headline: Option<&str>, lines: Option<(usize, usize)>) -> usize {
    let Some(headline) = headline else { return 0 };
    if let Some((_, end)) = lines {
        return page.content_at.iter().position(|&at| at >= end).unwrap_or(page.content.len());
    }
    let opening = page.content.len().min(HEADER_ZONE);
    (0..opening).find(|&i| is_headline_line(&page.content[i], headline)).map_or(0, |i| i + 1)
}

/// Whether `line` is the headline or a part of it broken over lines: a
/// part carries at least a third of the headline, so a signature that only
/// names the issuer (浙江省司法厅 under 浙江省司法厅关于…的通知) is no part.
fn is_headline_line(line: &str, headline: &str) -> bool {
    let chars = line.chars().count();
    let headline_chars = headline.chars().count();
    line == headline
        || (chars >= 6 && chars * 3 >= headline_chars && headline.contains(line))
        || (line.contains(headline) && chars <= headline_chars + 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_starts_after_the_headline() {
        let page = PageLines::read("横幅\n某县司法局召开会议\n正文第一段。\n正文第二段。", false);
        assert_eq!(body_start(&page, Some("某县司法局召开会议"), None), 2);
        assert_eq!(body_start(&page, None, None), 0);
        assert_eq!(body_start(&page, Some("别处的标题"), None), 0);
        let signed = PageLines::read("各区司法局：\n现将有关事项通知如下。\n某某省司法厅\n2024年1月2日", false);
        assert_eq!(
            body_start(&signed, Some("某某省司法厅关于做好年度法律援助工作的通知"), None),
            0,
            "a signature naming the issuer is no part of the headline"
        );
        assert_eq!(body_start(&page, Some("某县司法局召开会议"), Some((1, 2))), 2);
    }

    #[test]
    fn what_the_reader_sets_aside_is_kept_once() {
        let page = PageLines::read(
            "首页 > 工作动态\n某县司法局召开会议\n发布时间：2024-01-02 来源：某县司法局\n字号：大 中 小\n会议强调，要扎实推进工作。\n首页 > 工作动态\n版权所有 某县司法局\n",
            false,
        );
        let aside = aside(&page, "某县司法局召开会议", "会议强调，要扎实推进工作。");
        assert_eq!(
            aside,
            "首页 > 工作动态\n发布时间：2024-01-02 来源：某县司法局\n字号：大 中 小\n版权所有 某县司法局"
        );
    }

    #[test]
    fn prefixes_end_on_a_character_boundary() {
        assert_eq!(prefix("司法局", 4), "司");
        assert_eq!(prefix("abc", 10), "abc");
    }
}
