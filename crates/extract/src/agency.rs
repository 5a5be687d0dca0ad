//! The issuing agency: which body a page presents as its issuer or source.
//!
//! Candidates come from every place that names one, strongest first: given
//! metadata, `<meta name="ContentSource">` and labelled header fields
//! (来源:, 发布机构:), a byline at the end (（某局供稿）), a signature line,
//! the agency the title opens with, the site name in `<title>`. Only when
//! none of them names a body does the agency the text mentions most count.
//! Names are recognised and placed in the gazetteer by [`AgencyResolver`].

mod resolver;

use sifa_fold::fold;
use sifa_model::AgencyLevel;

pub use resolver::{Agency, AgencyResolver, AgencyRules, RegionContext};

use crate::candidate::{Candidate, Candidates};
use crate::document::Given;
use crate::page::{HEADER_ZONE, PageLines, clean_line};

/// Scores of the kinds of evidence, strongest first.
mod score {
    pub const GIVEN: f32 = 100.0;
    pub const SOURCE_FIELD: f32 = 90.0;
    pub const BYLINE: f32 = 80.0;
    pub const SIGNATURE: f32 = 70.0;
    pub const TITLE_PREFIX: f32 = 60.0;
    pub const SITE_NAME: f32 = 50.0;
    pub const BODY_MENTION: f32 = 10.0;
}

/// What the agency is decided from besides the page's lines.
pub struct AgencyInputs<'a> {
    pub given: &'a Given,
    /// The headline, folded.
    pub title: Option<&'a str>,
    /// The opening of the body, folded.
    pub opening: &'a str,
    pub context: &'a RegionContext,
}

/// The regions a page names in its title, opening and site name, used to
/// place bare or ambiguous mentions (市司法局, 西湖区司法局).
pub fn region_context(resolver: &AgencyResolver, title: Option<&str>, opening: &str, site: &str) -> RegionContext {
    resolver.context(&format!("{}\n{}\n{}", title.unwrap_or_default(), opening, site))
}

/// The issuing agency of a page and the evidence for it.
pub fn decide(resolver: &AgencyResolver, page: &PageLines, inputs: &AgencyInputs) -> Option<Candidate<Agency>> {
    let mut found = Candidates::new();
    given(resolver, inputs, &mut found);
    source_fields(resolver, page, inputs.context, &mut found);
    closing_lines(resolver, page, inputs.context, &mut found);
    title_prefix(resolver, inputs, &mut found);
    site_name(resolver, page, inputs.context, &mut found);
    if found.is_empty() {
        return most_mentioned(resolver, inputs);
    }
    found.best()
}

fn given(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    if let Some(name) = inputs.given.agency.as_deref().and_then(clean_line) {
        let agency = resolver.resolve_name(&fold(&name), inputs.context).unwrap_or(Agency {
            name: name.clone(),
            path: Vec::new(),
            level: guess_level(&name),
        });
        found.push(agency, "given", &name, score::GIVEN);
    }
}

/// `<meta name="ContentSource">`, then 来源: / 发布机构: fields near the top.
fn source_fields(resolver: &AgencyResolver, page: &PageLines, context: &RegionContext, found: &mut Candidates<Agency>) {
    let meta = page.hints.meta_source.iter().map(|s| ("meta:ContentSource".to_string(), s.clone()));
    let header = page
        .all
        .iter()
        .take(HEADER_ZONE * 2)
        .filter_map(|l| crate::header::source_field(l))
        .map(|(label, value)| (format!("header:{label}"), value));
    for (rule, value) in meta.chain(header) {
        if let Some(agency) = resolver.resolve_name(&fold(&value), context) {
            found.push(agency, rule, &value, score::SOURCE_FIELD);
        }
    }
}

/// A byline or a signature among the last lines, read from the end.
fn closing_lines(resolver: &AgencyResolver, page: &PageLines, context: &RegionContext, found: &mut Candidates<Agency>) {
    let tail = page.tail();
    for line in tail.iter().rev() {
        if let Some(agency) = crate::header::byline(line).and_then(|b| resolver.resolve_name(&fold(&b), context)) {
            found.push(agency, "byline", line, score::BYLINE);
        }
    }
    for line in tail.iter().rev() {
        if resolver.is_agency_line(line)
            && let Some(agency) = resolver.resolve_name(&fold(line), context)
        {
            found.push(agency, "signature", line, score::SIGNATURE);
        }
    }
}

/// A title that opens with its issuer (中共某区司法局党组关于…).
fn title_prefix(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let Some(title) = inputs.title else { return };
    let lead = title.strip_prefix("中共").unwrap_or(title);
    if let Some(m) = resolver.mentions(lead).into_iter().find(|m| m.start == 0 && m.is_explicit())
        && let Some(agency) = resolver.resolve(&m, inputs.context)
    {
        found.push(agency, "title_prefix", title, score::TITLE_PREFIX);
    }
}

/// The site's name after the last separator of `<title>`.
fn site_name(resolver: &AgencyResolver, page: &PageLines, context: &RegionContext, found: &mut Candidates<Agency>) {
    if let Some(site) = page.hints.page_title.as_deref().and_then(|t| t.rsplit(['_', '|', '-', '—']).next())
        && let Some(agency) = resolver.resolve_name(&fold(site.trim()), context)
    {
        found.push(agency, "html:site_name", site, score::SITE_NAME);
    }
}

/// The explicit agency the title and opening text mention most.
fn most_mentioned(resolver: &AgencyResolver, inputs: &AgencyInputs) -> Option<Candidate<Agency>> {
    let text = format!("{}\n{}", inputs.title.unwrap_or_default(), inputs.opening);
    let mut tally: Vec<(Agency, usize, String)> = Vec::new();
    for m in resolver.mentions(&text).into_iter().filter(|m| m.is_explicit()) {
        let Some(agency) = resolver.resolve(&m, inputs.context) else { continue };
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
    Some(Candidate::new(best.0.clone(), "body_mention", &best.2, score::BODY_MENTION))
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) use super::resolver::tests::resolver;

    fn read(text: &str, given: Given, title: Option<&str>) -> Option<Candidate<Agency>> {
        let resolver = resolver();
        let page = PageLines::read(text, false);
        let opening = page.content_folded.join("\n");
        let context = region_context(&resolver, title, &opening, "");
        let inputs = AgencyInputs { given: &given, title, opening: &opening, context: &context };
        decide(&resolver, &page, &inputs)
    }

    fn rule_and_name(found: Option<Candidate<Agency>>) -> (String, String) {
        let found = found.expect("an agency");
        (found.rule, found.value.name)
    }

    #[test]
    fn a_given_agency_is_kept_even_when_unplaced() {
        let given = Given { agency: Some("某某研究会".into()), ..Given::default() };
        let found = read("正文提到山东省司法厅。", given, None).unwrap();
        assert_eq!((found.rule.as_str(), found.value.name.as_str()), ("given", "某某研究会"));
        assert_eq!(found.value.level, AgencyLevel::National);
    }

    #[test]
    fn a_source_field_beats_a_byline_and_a_mention() {
        let text = "标题\n来源：山东省司法厅\n会议由河北省司法厅承办，河北省司法厅介绍了经验。\n（包头市司法局供稿）\n";
        assert_eq!(rule_and_name(read(text, Given::default(), None)), ("header:来源".into(), "山东省司法厅".into()));
    }

    #[test]
    fn a_byline_beats_a_signature() {
        let text = "标题\n正文写了一段话，内容充实。\n（包头市司法局供稿）\n山东省司法厅\n";
        assert_eq!(rule_and_name(read(text, Given::default(), None)), ("byline".into(), "包头市司法局".into()));
    }

    #[test]
    fn a_signature_line_names_the_issuer() {
        let text = "关于开展检查的通知\n各单位：现将有关事项通知如下。\n山东省司法厅\n2024年1月2日\n";
        assert_eq!(rule_and_name(read(text, Given::default(), None)), ("signature".into(), "山东省司法厅".into()));
    }

    #[test]
    fn a_title_that_opens_with_its_issuer() {
        let title = "中共东昌府区司法局党组关于巡察整改进展情况的通报";
        let text = format!("{title}\n根据统一部署，现将整改进展情况予以公布。\n");
        let found = rule_and_name(read(&text, Given::default(), Some(title)));
        assert_eq!(found, ("title_prefix".into(), "聊城市东昌府区司法局".into()));
    }

    #[test]
    fn the_most_mentioned_agency_is_the_last_resort() {
        let text = "标题\n包头市司法局开展宣传，包头市司法局还组织培训，根据司法部部署推进。\n";
        assert_eq!(rule_and_name(read(text, Given::default(), None)), ("body_mention".into(), "包头市司法局".into()));
        assert!(read("标题\n正文里没有任何机构。\n", Given::default(), None).is_none());
    }

    #[test]
    fn unplaced_names_guess_their_level() {
        assert_eq!(guess_level("某某县调解中心"), AgencyLevel::County);
        assert_eq!(guess_level("某某省协会"), AgencyLevel::Provincial);
        assert_eq!(guess_level("某某市协会"), AgencyLevel::City);
    }
}
