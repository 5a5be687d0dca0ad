//! The issuing agency: which body a page presents as its issuer or source,
//! from all the evidence, weighed.
//!
//! Candidates, strongest first: given metadata; `<meta name="ContentSource">`
//! and labelled fields (来源:, 发布机构:, 【发布部门】); the issuer's line
//! under a formal document's title; the agency a title opens with (中共…党组
//! → the bureau); a byline or signature at the end; the page's office in its
//! address (`…/qbgs/`); the bureau of the site's own place named in the text;
//! the body the title presents as its subject (a bare 【司法局】 title, or a
//! title that opens with a place: 某省某县：…); the actor of the opening
//! sentence (某县司法局召开…, 记者从某厅获悉); a judicial body speaking in
//! the first paragraph (某厅副厅长某某介绍); the owner the address names
//! (`sft.<province>.gov.cn`, `<county>.gov.cn`, see [`Site`]); the province
//! a 发文字号 opens with (粤司〔2013〕…). Short mentions (市司法局, 区司法局)
//! are placed through the regions the page and its address name. A body
//! merely mentioned is not the issuer: only on an official (`.gov.cn`)
//! page with no other evidence does the most mentioned body count, never a
//! body of another country. When nothing says who issued a page, there is
//! no agency. Names are recognised and placed by [`AgencyResolver`].

mod fallback;
mod footer;
mod given;
mod lines;
mod occasion;
mod subject;

use sifa_fold::fold;
use sifa_model::AgencyLevel;

use crate::names::resolver::{Agency, AgencyResolver, RegionContext};
use crate::names::site::{OwnerKind, Site};
pub use footer::footer_regions;

use crate::candidate::{Candidate, Candidates};
use crate::given::Given;
use crate::page::{PageLines, clean_line};

/// Scores of the kinds of evidence, strongest first.
mod score {
    pub const GIVEN: f32 = 100.0;
    pub const SIGNATURE_FORMAL: f32 = 92.0;
    pub const SOURCE_FIELD: f32 = 90.0;
    pub const ISSUER_LINE: f32 = 88.0;
    pub const SOURCE_FIELD_SHORT: f32 = 86.0;
    pub const TITLE_PREFIX_FORMAL: f32 = 91.0;
    pub const TITLE_PREFIX: f32 = 80.0;
    pub const BYLINE: f32 = 78.0;
    pub const SITE_OWN_REPORT: f32 = 79.0;
    pub const VISIT_HOST: f32 = 77.0;
    pub const SIGNATURE: f32 = 76.0;
    pub const AUTHOR_LINE: f32 = 74.0;
    pub const PRESS_CONFERENCE: f32 = 70.0;
    pub const TITLE_PREFIX_SHORT: f32 = 75.0;
    pub const BARE_BUREAU_TITLE: f32 = 72.0;
    pub const ACTOR: f32 = 70.0;
    pub const SITE_OFFICE: f32 = 68.0;
    pub const SITE_OWN_BUREAU: f32 = 67.0;
    pub const NEWS_SERVICE: f32 = 68.0;
    pub const SPEAKER: f32 = 66.0;
    pub const ACTOR_LATER: f32 = 64.0;
    pub const SPEAKER_LATER: f32 = 63.0;
    pub const SALUTATION: f32 = 62.0;
    pub const TITLE_PLACE: f32 = 65.0;
    pub const SITE_JUSTICE: f32 = 60.0;
    pub const SITE_NAME: f32 = 58.0;
    pub const TITLE_PLACE_ACTS: f32 = 57.0;
    pub const DOC_NO_ORDER: f32 = 84.0;
    pub const DOC_NO_PROVINCE: f32 = 55.0;
    pub const SITE_GOVERNMENT: f32 = 35.0;
    pub const SUBJECT_PLACE: f32 = 30.0;
    pub const PUBLISHER_HOST: f32 = 28.0;
    pub const NEWSPAPER: f32 = 26.0;
    pub const BODY_MENTION: f32 = 20.0;
}

/// How far into the page header fields are read, and how far from the end
/// a source line still counts.
const HEADER_LINES: usize = 30;
const TAIL_LINES: usize = 12;

/// What the agency is decided from besides the page's lines.
pub struct AgencyInputs<'a> {
    pub given: &'a Given,
    /// The headline, folded.
    pub title: Option<&'a str>,
    /// Where the headline stands in [`PageLines::all`].
    pub headline_lines: Option<(usize, usize)>,
    /// The opening of the body, folded.
    pub opening: &'a str,
    pub context: &'a RegionContext,
    /// What the page's address says.
    pub site: &'a Site,
    pub url: Option<&'a str>,
    /// The page's 发文字号.
    pub doc_no: Option<&'a str>,
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
    // A given agency outranks everything the page could offer.
    if !found.is_empty() {
        return found.best();
    }
    lines::from_lines(resolver, page, inputs, &mut found);
    occasion::from_occasions(resolver, inputs, &mut found);
    fallback::publisher(resolver, inputs, true, &mut found);
    subject::from_text(resolver, inputs, &mut found);
    site_owner(resolver, inputs, &mut found);
    doc_no_province(resolver, inputs, &mut found);
    if found.is_empty() {
        fallback::last_resort(resolver, page, inputs, &mut found);
    }
    if found.is_empty() && inputs.site.official {
        return most_mentioned(resolver, inputs);
    }
    found.best()
}

/// A stated agency, normalised (see [`given`]) and placed: by the place
/// the title names when the name has none, else by the page.
fn given(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let Some(name) = inputs.given.agency.as_deref().and_then(clean_line) else { return };
    let normalized = given::normalize(&fold(&name));
    // Joint issuers (某部、某部): the first is the issuer.
    let first = normalized.split('、').next().unwrap_or(&normalized);
    let title_context = inputs.title.map(|t| resolver.context(t)).filter(|c| !c.counts.is_empty());
    let context = title_context.as_ref().unwrap_or(inputs.context);
    let agency = resolve_stated(resolver, first, context).unwrap_or_else(|| Agency {
        name: first.to_string(),
        path: Vec::new(),
        level: guess_level(first),
    });
    found.push(agency, "given", &name, score::GIVEN);
}

/// A stated name resolved when it opens with a body (中共某局党组 is the
/// bureau); a listed national body's name may carry 中华人民共和国 or 国家.
fn resolve_stated(resolver: &AgencyResolver, name: &str, context: &RegionContext) -> Option<Agency> {
    let lead = name.strip_prefix("中共").unwrap_or(name);
    for text in [name, lead] {
        if let Some(m) = resolver.mentions(text).into_iter().find(|m| m.start == 0) {
            return resolver.resolve(&m, context);
        }
    }
    // 中华人民共和国国务院, 国家司法部 → 国务院, 司法部; 市场监督管理总局 →
    // 国家市场监督管理总局.
    let national = |text: &str| {
        let m = resolver.mentions(text).into_iter().find(|m| m.start == 0 && m.end == text.len())?;
        resolver.resolve(&m, context).filter(|a| a.level == AgencyLevel::National)
    };
    given::NATIONAL_PREFIXES
        .iter()
        .filter_map(|p| lead.strip_prefix(p))
        .find_map(national)
        .or_else(|| national(&format!("国家{lead}")))
}

/// The body the page's address names: an office or a justice bureau in the
/// path or host, or the government whose portal it is.
fn site_owner(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let (Some((code, kind)), Some(url)) = (inputs.site.owner, inputs.url) else { return };
    let Some(division) = resolver.gazetteer().get(code) else { return };
    let suffix = match kind {
        OwnerKind::Justice if division.level == AgencyLevel::Provincial && !division.name.ends_with('市') => "司法厅",
        OwnerKind::Justice => "司法局",
        OwnerKind::Office if division.level == AgencyLevel::Provincial => "人民政府办公厅",
        OwnerKind::Office => "人民政府办公室",
        OwnerKind::Government => "人民政府",
        OwnerKind::Congress => "人民代表大会常务委员会",
        OwnerKind::Prisons => "监狱管理局",
        OwnerKind::Rehabilitation => "戒毒管理局",
    };
    let agency = resolver.name_division(division, suffix);
    // 本网讯: the press credit by which a site says it reports the story itself.
    if own_report(inputs.opening) {
        found.push(agency, format!("site:{}:own_report", kind.as_str()), url, score::SITE_OWN_REPORT);
        return;
    }
    let score = match kind {
        OwnerKind::Justice => score::SITE_JUSTICE,
        OwnerKind::Office => score::SITE_OFFICE,
        OwnerKind::Prisons | OwnerKind::Rehabilitation => score::SITE_JUSTICE,
        OwnerKind::Government | OwnerKind::Congress => score::SITE_GOVERNMENT,
    };
    found.push(agency, format!("site:{}", kind.as_str()), url, score);
}

/// Whether the story opens with the site's own credit (本网讯, 本站讯):
/// the site's owner reports it.
fn own_report(opening: &str) -> bool {
    let head: String = opening.chars().take(OWN_REPORT_WINDOW).collect();
    ["本网讯", "本站讯", "本网消息", "本站消息"].iter().any(|credit| head.contains(credit))
}

/// How far into the text a site's own credit is looked for, in characters.
const OWN_REPORT_WINDOW: usize = 300;

/// The issuer a 发文字号 names: an order's body (某部令第150号), or the
/// province it opens with (粤司〔2013〕… is 广东省司法厅's, 桂政发〔2015〕…
/// 广西's government's).
fn doc_no_province(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let Some(doc_no) = inputs.doc_no else { return };
    if let Some((body, _)) = doc_no.split_once('令')
        && let Some(agency) = resolver.resolve_name(body, inputs.context)
    {
        found.push(agency, "doc_no_order", doc_no, score::DOC_NO_ORDER);
        return;
    }
    let Some(first) = doc_no.chars().next() else { return };
    let code: String = doc_no.chars().skip(1).take_while(|c| *c != '〔').collect();
    // 榕司函〔2023〕61号: a city or county the page names, by its first character.
    let Some((division, rule)) = resolver
        .province_by_abbreviation(first)
        .map(|p| (p, "doc_no_prefix"))
        .or_else(|| resolver.named_place_by_first_char(first, inputs.context).map(|d| (d, "doc_no_place")))
    else {
        return;
    };
    let provincial = division.level == AgencyLevel::Provincial;
    let suffix = if code.starts_with('司') {
        if provincial && !division.name.ends_with('市') { "司法厅" } else { "司法局" }
    } else if code.starts_with("政办") || code.starts_with("府办") {
        if provincial { "人民政府办公厅" } else { "人民政府办公室" }
    } else if code.starts_with('政') || code.starts_with('府') {
        "人民政府"
    } else {
        return;
    };
    found.push(resolver.name_division(division, suffix), rule, doc_no, score::DOC_NO_PROVINCE);
}

/// The explicit agency the title and opening text mention most, for an
/// official page that names its issuer nowhere else. National bodies are
/// often cited (根据司法部部署): the local actor wins unless the national
/// one dominates.
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
pub(crate) mod tests;
