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

mod resolver;
mod site;
mod subject;

use sifa_fold::fold;
use sifa_model::AgencyLevel;

pub use resolver::{Agency, AgencyResolver, AgencyRules, RegionContext};
pub use site::{OwnerKind, Site, SiteIndex};

use crate::candidate::{Candidate, Candidates};
use crate::document::Given;
use crate::page::{PageLines, clean_line};

/// Scores of the kinds of evidence, strongest first.
mod score {
    pub const GIVEN: f32 = 100.0;
    pub const SOURCE_FIELD: f32 = 90.0;
    pub const ISSUER_LINE: f32 = 88.0;
    pub const SOURCE_FIELD_SHORT: f32 = 86.0;
    pub const TITLE_PREFIX_FORMAL: f32 = 85.0;
    pub const TITLE_PREFIX: f32 = 80.0;
    pub const BYLINE: f32 = 78.0;
    pub const SIGNATURE: f32 = 76.0;
    pub const TITLE_PREFIX_SHORT: f32 = 75.0;
    pub const BARE_BUREAU_TITLE: f32 = 72.0;
    pub const ACTOR: f32 = 70.0;
    pub const SITE_OFFICE: f32 = 68.0;
    pub const SITE_OWN_BUREAU: f32 = 67.0;
    pub const SPEAKER: f32 = 66.0;
    pub const ACTOR_LATER: f32 = 64.0;
    pub const SPEAKER_LATER: f32 = 63.0;
    pub const SALUTATION: f32 = 62.0;
    pub const TITLE_PLACE: f32 = 65.0;
    pub const SITE_JUSTICE: f32 = 60.0;
    pub const SITE_NAME: f32 = 58.0;
    pub const DOC_NO_ORDER: f32 = 84.0;
    pub const DOC_NO_PROVINCE: f32 = 55.0;
    pub const SITE_GOVERNMENT: f32 = 35.0;
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
    source_fields(resolver, page, inputs.context, &mut found);
    issuer_lines(resolver, page, inputs, &mut found);
    title_prefix(resolver, inputs, &mut found);
    closing_lines(resolver, page, inputs.context, &mut found);
    salutation(resolver, page, inputs, &mut found);
    site_name(resolver, page, inputs.context, &mut found);
    subject::from_text(resolver, inputs, &mut found);
    site_owner(resolver, inputs, &mut found);
    doc_no_province(resolver, inputs, &mut found);
    if found.is_empty() && inputs.site.official {
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

/// `<meta name="ContentSource">`, then 来源: / 发布机构: fields near the
/// top and at the end; a short form (市司法局) scores a little less.
fn source_fields(resolver: &AgencyResolver, page: &PageLines, context: &RegionContext, found: &mut Candidates<Agency>) {
    let meta = page.hints.meta_source.iter().map(|s| ("meta:ContentSource".to_string(), s.clone()));
    let tail_start = page.all.len().saturating_sub(TAIL_LINES).max(HEADER_LINES);
    let lines = page.all.iter().take(HEADER_LINES).chain(page.all.iter().skip(tail_start));
    let header =
        lines.filter_map(|l| crate::header::source_field(l)).map(|(label, value)| (format!("header:{label}"), value));
    for (rule, value) in meta.chain(header) {
        let folded = fold(&value);
        let explicit = resolver.mentions(&folded).iter().any(|m| m.is_explicit());
        if let Some(agency) = resolver.resolve_name(&folded, context) {
            let score = if explicit { score::SOURCE_FIELD } else { score::SOURCE_FIELD_SHORT };
            found.push(agency, rule, &value, score);
        }
    }
}

/// The issuer's own line under (or just over) a formal document's title:
/// 某省某市人民政府 / 某政发〔2010〕54号.
fn issuer_lines(resolver: &AgencyResolver, page: &PageLines, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let Some((start, end)) = inputs.headline_lines else { return };
    // Only a document's title (…的通知, …规定) stands over its issuer's line.
    if !inputs.title.is_some_and(crate::title::ends_like_a_document) {
        return;
    }
    // Under the headline, or under another copy of it (pages print it twice).
    let key = inputs.title.map(comparable).unwrap_or_default();
    let copies = (end..page.all.len().min(HEADER_LINES))
        .filter(|&i| key.chars().count() >= 5 && comparable(&page.all[i]) == key)
        .map(|i| i + 1);
    let below: Vec<usize> = std::iter::once(end).chain(copies).collect();
    let near = (start.saturating_sub(1)..start).chain(below.into_iter().flat_map(|e| e..(e + 3).min(page.all.len())));
    for index in near {
        let line = &page.all[index];
        // An issuer names itself in full; 市人民政府： is the addressee.
        let explicit = resolver.mentions(line).iter().any(|m| m.is_explicit());
        if resolver.is_agency_line(line)
            && explicit
            && !line.contains("关于")
            && !line.trim_end().ends_with([':', '：'])
            && let Some(agency) = resolver.resolve_name(line, inputs.context)
        {
            found.push(agency, "issuer_line", line, score::ISSUER_LINE);
            return;
        }
    }
}

/// A title that opens with its issuer (中共某区司法局党组关于…, ——某市司法局召开…).
fn title_prefix(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let Some(title) = inputs.title else { return };
    let lead = title.trim_start_matches(['—', '-', '―', ' ']);
    let lead = lead.strip_prefix("中共").unwrap_or(lead);
    let Some(m) = resolver.mentions(lead).into_iter().find(|m| m.start == 0) else { return };
    let Some(agency) = resolver.resolve(&m, inputs.context) else { return };
    let score = match (m.is_explicit(), title.contains("关于") || title.contains("印发")) {
        (true, true) => score::TITLE_PREFIX_FORMAL,
        (true, false) => score::TITLE_PREFIX,
        (false, _) => score::TITLE_PREFIX_SHORT,
    };
    found.push(agency, "title_prefix", title, score);
}

/// A byline or a signature among the last lines, read from the end.
fn closing_lines(resolver: &AgencyResolver, page: &PageLines, context: &RegionContext, found: &mut Candidates<Agency>) {
    let tail = page.tail();
    for line in tail.iter().rev() {
        let contributor = crate::header::byline(line).or_else(|| crate::header::credit(line));
        if let Some(agency) = contributor.and_then(|b| resolver.resolve_name(&fold(&b), context)) {
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

/// A formal document addresses the level below its issuer: a notice to
/// 各县（市、区）司法局 comes from a city's bureau, one to 各市、县司法局
/// from the province's 司法厅, one to 各省、自治区、直辖市司法厅 from 司法部.
/// The issuer's place is the page's region.
fn salutation(resolver: &AgencyResolver, page: &PageLines, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let from = inputs.headline_lines.map_or(0, |(_, end)| end);
    let Some(line) = page.all.iter().skip(from).take(8).find(|l| {
        let l = l.trim();
        l.starts_with('各') && l.ends_with([':', '：']) && l.chars().count() <= 80 && l.contains("司法")
    }) else {
        return;
    };
    let issuer = if line.contains("各省") {
        "司法部"
    } else if line.starts_with("各市")
        || line.contains("设区市")
        || line.contains("地级以上市")
        || line.contains("各州")
    {
        "省司法厅"
    } else if line.contains('县') || line.contains('区') {
        "市司法局"
    } else {
        return;
    };
    if let Some(agency) = resolver.resolve_name(issuer, inputs.context) {
        found.push(agency, "salutation", line, score::SALUTATION);
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
    };
    let agency = resolver.name_division(division, suffix);
    let score = match kind {
        OwnerKind::Justice => score::SITE_JUSTICE,
        OwnerKind::Office => score::SITE_OFFICE,
        OwnerKind::Government | OwnerKind::Congress => score::SITE_GOVERNMENT,
    };
    found.push(agency, format!("site:{}", kind.as_str()), url, score);
}

/// Letters and digits only.
fn comparable(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

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
    let Some(province) = resolver.province_by_abbreviation(first) else { return };
    let code: String = doc_no.chars().skip(1).take_while(|c| *c != '〔').collect();
    let suffix = if code.starts_with('司') {
        if province.name.ends_with('市') { "司法局" } else { "司法厅" }
    } else if code.starts_with("政办") || code.starts_with("府办") {
        "人民政府办公厅"
    } else if code.starts_with('政') || code.starts_with('府') {
        "人民政府"
    } else {
        return;
    };
    found.push(resolver.name_division(province, suffix), "doc_no_prefix", doc_no, score::DOC_NO_PROVINCE);
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
pub(crate) mod tests {
    use super::*;

    pub(crate) use super::resolver::tests::resolver;

    fn read(text: &str, given: Given, title: Option<&str>) -> Option<Candidate<Agency>> {
        read_at(text, given, title, None)
    }

    /// The resolver with the shipped rules.
    fn shipped() -> &'static AgencyResolver {
        static EXTRACTOR: std::sync::OnceLock<crate::Extractor> = std::sync::OnceLock::new();
        EXTRACTOR.get_or_init(crate::Extractor::with_default_rules).agencies()
    }

    /// Reads a page as document.rs does, with its address.
    fn read_at(text: &str, given: Given, title: Option<&str>, url: Option<&str>) -> Option<Candidate<Agency>> {
        let resolver = shipped();
        let page = PageLines::read(text, false);
        let headline_lines = title.and_then(|t| page.locate(t));
        let body_from =
            headline_lines.map_or(0, |(_, end)| page.content_at.iter().position(|&at| at >= end).unwrap_or(0));
        let opening = page.content_folded[body_from..].join("\n");
        let mut context = region_context(resolver, title, &opening, "");
        let site = url.map(|u| resolver.site(u, &context)).unwrap_or_default();
        for &(code, weight) in &site.regions {
            context.add(resolver.gazetteer(), code, weight);
        }
        let doc_no = crate::doc_no::decide(&page).map(|d| d.value);
        let inputs = AgencyInputs {
            given: &given,
            title,
            headline_lines,
            opening: &opening,
            context: &context,
            site: &site,
            url,
            doc_no: doc_no.as_deref(),
        };
        decide(resolver, &page, &inputs)
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
    fn the_actor_of_the_opening_sentence() {
        let text = "标题\n3月12日上午，包头市司法局召开队伍教育整顿会议，根据司法部部署推进工作。\n";
        assert_eq!(rule_and_name(read(text, Given::default(), Some("标题"))), ("actor".into(), "包头市司法局".into()));
        let text = "标题\n9月10日，记者从山东省司法厅获悉，全省已设立公共法律服务站点一万余个。\n";
        assert_eq!(rule_and_name(read(text, Given::default(), Some("标题"))).1, "山东省司法厅");
        let text = "标题\n为落实《山东省司法厅关于开展调解工作的通知》要求，某村开展矛盾纠纷排查。\n";
        assert!(read(text, Given::default(), Some("标题")).is_none(), "a body cited inside 《》 is no actor");
    }

    #[test]
    fn a_judicial_body_speaking_in_the_first_paragraph() {
        let text = "标题\n6月24日晚，某监狱突然接到检查组的电话。山东省司法厅副厅长某某带队进行了检查。\n";
        assert_eq!(
            rule_and_name(read(text, Given::default(), Some("标题"))),
            ("speaker".into(), "山东省司法厅".into())
        );
    }

    #[test]
    fn other_countries_bodies_and_mere_mentions_are_no_issuers() {
        let text = "标题\n美国司法部近日宣布起诉一名前官员，引发广泛关注。\n";
        assert!(read(text, Given::default(), Some("标题")).is_none());
        let text = "标题\n会议指出，国务院、司法部和包头市司法局都高度重视此项工作。全体人员参加。\n";
        assert!(
            read(text, Given::default(), Some("标题")).is_none(),
            "not an official page: no most-mentioned fallback"
        );
        let found = read_at(text, Given::default(), Some("标题"), Some("http://www.example.gov.cn/a/1.html"));
        assert_eq!(rule_and_name(found), ("body_mention".into(), "包头市司法局".into()));
    }

    #[test]
    fn the_site_names_its_owner_and_places_short_mentions() {
        let text = "标题\n近日，省司法厅召开全省律师工作会议，部署年度工作。\n";
        assert!(read(text, Given::default(), Some("标题")).is_none(), "no province named");
        let found = read_at(text, Given::default(), Some("标题"), Some("http://sft.shandong.gov.cn/art/1.html"));
        assert_eq!(rule_and_name(found), ("actor".into(), "山东省司法厅".into()));
        let text = "标题\n为贯彻落实有关部署，进一步做好法律援助工作，现将有关事项通知如下。\n";
        let found = read_at(text, Given::default(), Some("标题"), Some("http://sfj.baotou.gov.cn/xxgk/1.html"));
        assert_eq!(rule_and_name(found), ("site:justice".into(), "包头市司法局".into()));
    }

    #[test]
    fn a_title_that_opens_with_a_place_or_a_bare_bureau() {
        let title = "山东即墨:调解员走进田间地头";
        let text = format!("{title}\n近日，即墨区环秀街道司法所组织调解员开展纠纷排查。\n");
        let found = rule_and_name(read(&text, Given::default(), Some(title)));
        assert_eq!(found.1, "青岛市即墨区司法局", "a 司法所 is its county bureau's office");
        let title = "【司法局】举办社区矫正开放日活动";
        let text = format!("{title}\n5月7日上午，活动在中心举行。\n青岛市即墨区司法局邀请代表参加。\n");
        assert_eq!(rule_and_name(read(&text, Given::default(), Some(title))).1, "青岛市即墨区司法局");
    }

    #[test]
    fn a_township_s_司法所_and_a_kicker_before_a_place() {
        let text =
            "标题\n某报讯(记者某某)“牧民居住分散。”内蒙古锡林郭勒盟西乌珠穆沁旗乌兰哈拉嘎苏木司法所所长某某说。\n";
        assert_eq!(rule_and_name(read(text, Given::default(), Some("标题"))).1, "锡林郭勒盟西乌珠穆沁旗司法局");
        let title = "从守住底线到追求高线 山东监狱用心提升教育改造质量";
        let text = format!("{title}\n近年来，省监狱管理局组织全省监狱开展教育改造质量提升行动，取得成效。\n");
        assert_eq!(rule_and_name(read(&text, Given::default(), Some(title))).1, "山东省监狱管理局");
    }

    #[test]
    fn a_document_number_names_its_province() {
        let text = "标题\n粤司〔2013〕104号\n第一条 为规范社区矫正工作，制定本细则。\n";
        assert_eq!(
            rule_and_name(read(text, Given::default(), Some("标题"))),
            ("doc_no_prefix".into(), "广东省司法厅".into())
        );
    }

    #[test]
    fn the_issuer_s_line_under_a_title_but_not_the_addressee() {
        let title = "关于印发某规定的通知";
        let text =
            format!("{title}\n山东省青岛市人民政府\n某政发(2010)54号\n各县(区)人民政府：\n现将规定印发给你们。\n");
        assert_eq!(rule_and_name(read(&text, Given::default(), Some(title))).0, "issuer_line");
        let title = "包头市司法局关于某工作情况的报告";
        let text = format!("{title}\n市人民政府:\n现将有关情况报告如下。\n");
        assert_eq!(rule_and_name(read(&text, Given::default(), Some(title))).1, "包头市司法局");
    }

    #[test]
    fn a_salutation_names_the_level_below_the_issuer() {
        let text = "关于做好律所年度考核工作的通知\n各县(市、区)司法局、市直各律师事务所:\n根据包头市有关规定，现将考核工作通知如下。\n";
        let found = rule_and_name(read(text, Given::default(), Some("关于做好律所年度考核工作的通知")));
        assert_eq!(found, ("salutation".into(), "包头市司法局".into()));
        let text = "关于某事的通知\n各省、自治区、直辖市司法厅(局):\n现将有关事项通知如下。\n";
        assert_eq!(rule_and_name(read(text, Given::default(), Some("关于某事的通知"))).1, "司法部");
    }

    #[test]
    fn orders_and_party_committees_name_their_issuers() {
        let text = "某某规定\n中华人民共和国司法部令\n第 56 号\n《某某规定》已经部长办公会议通过，现予发布施行。\n";
        assert_eq!(rule_and_name(read(text, Given::default(), Some("某某规定"))).1, "司法部");
        let text = "关于印发某方案的通知\n各市党委：\n现将方案印发给你们。\n中共山东省委员会\n2021年7月17日\n";
        assert_eq!(rule_and_name(read(text, Given::default(), Some("关于印发某方案的通知"))).1, "中共山东省委员会");
    }

    #[test]
    fn credits_in_brackets_close_an_article() {
        let text = "标题\n会议要求做好排查工作，切实做到阵地、人员、经费三落实。(青岛市即墨区司法局 某某、某某)\n";
        assert_eq!(rule_and_name(read(text, Given::default(), None)), ("byline".into(), "青岛市即墨区司法局".into()));
    }

    #[test]
    fn unplaced_names_guess_their_level() {
        assert_eq!(guess_level("某某县调解中心"), AgencyLevel::County);
        assert_eq!(guess_level("某某省协会"), AgencyLevel::Provincial);
        assert_eq!(guess_level("某某市协会"), AgencyLevel::City);
    }
}
