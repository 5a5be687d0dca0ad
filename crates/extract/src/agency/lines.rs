//! What the page's own lines say about its issuer: source fields (来源:,
//! 发布机构:, 解读机关为…), the issuer's line under a formal document's
//! title, the body a title opens with, the author's unit under an article's
//! headline, bylines and signatures at the end, the level a salutation
//! addresses, and the site's name in `<title>`.

use sifa_fold::fold;

use sifa_model::AgencyLevel;

use super::{
    AgencyInputs, AgencyResolver, HEADER_LINES, OwnerKind, RegionContext, TAIL_LINES, occasion, score, subject,
};
use crate::candidate::Candidates;
use crate::page::PageLines;
use crate::shapes::dates::standalone_date;
use crate::shapes::headline::ends_like_a_document;

use super::Agency;

/// Every candidate the page's lines offer.
pub fn from_lines(resolver: &AgencyResolver, page: &PageLines, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    source_fields(resolver, page, inputs, found);
    issuer_lines(resolver, page, inputs, found);
    title_prefix(resolver, inputs, found);
    author_line(resolver, page, inputs, found);
    closing_lines(resolver, page, inputs.context, found);
    signature_blocks(resolver, page, inputs, found);
    salutation(resolver, page, inputs, found);
    site_name(resolver, page, inputs.context, found);
}

/// `<meta name="ContentSource">`, then 来源: / 发布机构: fields near the
/// top and at the end; a short form (市司法局) scores a little less, and
/// an author's credit (作者：某市律师协会, as the press credits a body)
/// less again. On a government's portal a bare department (发布机构：司法局,
/// as 政府信息公开 tables name the portal's own departments) is the
/// portal's place's.
fn source_fields(resolver: &AgencyResolver, page: &PageLines, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let context = inputs.context;
    let meta = page.hints.meta_source.iter().map(|s| ("meta:ContentSource".to_string(), s.clone()));
    let tail_start = page.all.len().saturating_sub(TAIL_LINES).max(HEADER_LINES);
    let lines = page.all.iter().take(HEADER_LINES).chain(page.all.iter().skip(tail_start));
    let header = lines
        .filter_map(|l| crate::shapes::header::source_field(l))
        .map(|(label, value)| (format!("header:{label}"), value));
    for (rule, value) in meta.chain(header) {
        let folded = fold(&value);
        let explicit = resolver.mentions(&folded).iter().any(|m| m.is_explicit());
        let score = match (rule.as_str(), explicit) {
            ("header:作者", _) => score::BYLINE,
            (_, true) => score::SOURCE_FIELD,
            (_, false) => score::SOURCE_FIELD_SHORT,
        };
        if let Some(agency) =
            resolver.resolve_name(&folded, context).or_else(|| portal_department(resolver, inputs, &folded))
        {
            found.push(agency, rule, &value, score);
        }
    }
}

/// A bare department (司法局) on a government's portal: the portal's place's.
fn portal_department(resolver: &AgencyResolver, inputs: &AgencyInputs, value: &str) -> Option<Agency> {
    let (code, kind) = inputs.site.owner?;
    if !matches!(kind, OwnerKind::Government | OwnerKind::Office) || !PORTAL_DEPARTMENTS.contains(&value) {
        return None;
    }
    let division = resolver.gazetteer().get(code)?;
    let suffix = if division.level == AgencyLevel::Provincial && value == "司法局" { "司法厅" } else { value };
    Some(resolver.name_division(division, suffix))
}

/// Departments a portal's 发布机构 names without their place.
const PORTAL_DEPARTMENTS: &[&str] = &["司法局", "司法厅", "人民政府办公室", "政府办公室", "人民政府办公厅"];

/// The issuer's own line under (or just over) a formal document's title:
/// 某省某市人民政府 / 某政发〔2010〕54号.
fn issuer_lines(resolver: &AgencyResolver, page: &PageLines, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let Some((start, end)) = inputs.headline_lines else { return };
    // Only a document's title (…的通知, …规定) stands over its issuer's line.
    if !inputs.title.is_some_and(ends_like_a_document) {
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

/// Verbs after a bare 县/市/区 opening a title: the place's government acts
/// (县召开…新闻发布会, 我市举办…).
const PLACE_ACTS: &[&str] = &["召开", "举行", "举办", "开展", "出台", "印发", "发布", "启动", "部署"];

/// A title that opens with its issuer (中共某区司法局党组关于…, ——某市司法局召开…),
/// or with a bare 县/市/区 that acts (县召开…: its government).
fn title_prefix(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let Some(title) = inputs.title else { return };
    let lead = title.trim_start_matches(['—', '-', '―', ' ']);
    let lead = lead.strip_prefix("中共").unwrap_or(lead);
    let Some(m) = resolver.mentions(lead).into_iter().find(|m| m.start == 0) else {
        place_acts(resolver, lead, inputs, found);
        return;
    };
    // 某中心来某区开展督察: the title opens with a visitor, told by its host.
    if occasion::tells_a_visit(resolver, &lead[m.end..]) {
        return;
    }
    let Some(agency) = resolver.resolve(&m, inputs.context) else { return };
    // GB/T 9704: a document's title is its 发文机关, 事由 and 文种
    // (某县司法局关于…的通知, 某县司法局2024年法治政府建设情况的报告): the
    // body it opens with issued it, whatever site or 来源 field carries it.
    let formal = title.contains("关于") || title.contains("印发") || ends_like_a_document(title);
    let score = match (m.is_explicit(), formal) {
        (true, true) => score::TITLE_PREFIX_FORMAL,
        (true, false) => score::TITLE_PREFIX,
        (false, _) => score::TITLE_PREFIX_SHORT,
    };
    found.push(agency, "title_prefix", title, score);
}

fn place_acts(resolver: &AgencyResolver, lead: &str, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let lead = lead.strip_prefix('我').unwrap_or(lead);
    let Some(level) = lead.chars().next().filter(|c| matches!(c, '市' | '区' | '县')) else { return };
    if !PLACE_ACTS.iter().any(|v| lead[level.len_utf8()..].starts_with(v)) {
        return;
    }
    if let Some(agency) = resolver.resolve_name(&format!("{level}人民政府"), inputs.context) {
        found.push(agency, "title_place_acts", lead, score::TITLE_PLACE_ACTS);
    }
}

/// A byline or a signature among the last lines, read from the end.
fn closing_lines(resolver: &AgencyResolver, page: &PageLines, context: &RegionContext, found: &mut Candidates<Agency>) {
    let tail = page.tail();
    for line in tail.iter().rev() {
        let contributor = crate::shapes::header::byline(line).or_else(|| crate::shapes::header::credit(line));
        if let Some(agency) = contributor.and_then(|b| resolver.resolve_name(&fold(&b), context)) {
            found.push(agency, "byline", line, score::BYLINE);
        }
    }
    for line in tail.iter().rev() {
        if resolver.is_agency_line(line)
            && !is_addressee_or_post(resolver, line)
            && let Some(agency) = resolver.resolve_name(&fold(line), context)
        {
            found.push(agency, "signature", line, score::SIGNATURE);
        }
    }
}

/// GB/T 9704's signature block: the issuer's name (发文机关署名) on a line
/// of its own right above the 成文日期, wherever it stands (a cover
/// notice's block sits above the document it issues). Under a formal
/// document's title it names the issuer, whatever site publishes the page
/// and whatever its 发布机构 says.
fn signature_blocks(
    resolver: &AgencyResolver,
    page: &PageLines,
    inputs: &AgencyInputs,
    found: &mut Candidates<Agency>,
) {
    let formal = inputs.title.is_some_and(ends_like_a_document);
    let score = if formal { score::SIGNATURE_FORMAL } else { score::SIGNATURE };
    for pair in page.all.windows(2) {
        let (line, next) = (&pair[0], &pair[1]);
        if standalone_date(next).is_some()
            && resolver.is_agency_line(line)
            && !is_addressee_or_post(resolver, line)
            && let Some(agency) = resolver.resolve_name(&fold(line), inputs.context)
        {
            found.push(agency, "signature_block", line, score);
        }
    }
}

/// A line that names a body as the addressee (市委政法委：) or as a
/// person's post (某区委政法委副书记), not as the writer.
fn is_addressee_or_post(resolver: &AgencyResolver, line: &str) -> bool {
    let line = line.trim_end();
    if line.ends_with([':', '：']) {
        return true;
    }
    let folded = fold(line);
    resolver.mentions(&folded).iter().any(|m| subject::POSTS.iter().any(|p| folded[m.end..].starts_with(p)))
}

/// The author's unit on a line of its own under the headline of an
/// article (课题组 reports, journal and WeChat articles: title, unit, authors).
fn author_line(resolver: &AgencyResolver, page: &PageLines, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let Some((_, end)) = inputs.headline_lines else { return };
    if inputs.title.is_some_and(ends_like_a_document) {
        return;
    }
    for line in page.all.iter().skip(end).take(4) {
        if crate::shapes::header::is_meta_line(line) || crate::shapes::dates::parse_date(line).is_some() {
            continue;
        }
        let explicit = resolver.mentions(line).iter().any(|m| m.is_explicit());
        if explicit
            && resolver.is_agency_line(line)
            && !line.contains("关于")
            && !is_addressee_or_post(resolver, line)
            && let Some(agency) = resolver.resolve_name(line, inputs.context)
        {
            found.push(agency, "author_line", line, score::AUTHOR_LINE);
            return;
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
    // 各省辖市 (Henan's cities directly under the province) is a province's
    // salutation, not a ministry's.
    let to_provinces = line.match_indices("各省").any(|(at, _)| !line[at + "各省".len()..].starts_with('辖'));
    let issuer = if to_provinces {
        "司法部"
    } else if line.starts_with("各市")
        || line.contains("省辖市")
        || line.contains("各盟市")
        || line.contains("地级市")
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

/// Letters and digits only.
fn comparable(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use crate::agency::tests::{read, rule_and_name};
    use crate::given::Given;

    #[test]
    fn an_author_line_under_the_headline_and_posts_that_are_no_signatures() {
        let title = "课题组|某区人民调解的实践与思考";
        let sections = "（一）某某情况。调解组织不断健全，调解员队伍不断壮大，化解纠纷数量逐年上升。\n".repeat(12);
        let text = format!(
            "{title}\n某研究会 某某 2021-02-27\n上海市徐汇区委政法委\n张三、李四\n张三\n徐汇区委政法委副书记\n一、基本情况\n{sections}"
        );
        let found = rule_and_name(read(&text, Given::default(), Some(title)));
        assert_eq!(found, ("author_line".into(), "中共上海市徐汇区委员会政法委员会".into()));
        let text = "某某提出的建议收悉\n某司函〔2021〕27号\n市委政法委:\n现将协办情况函复如下,请予审阅。\n";
        assert!(read(text, Given::default(), None).is_none_or(|f| f.rule != "signature"), "an addressee");
    }

    #[test]
    fn a_bare_county_that_acts_is_its_government() {
        let title = "县召开法治政府建设工作新闻发布会";
        let text = format!("{title}\n日前,县召开新闻发布会,通报近年依法行政成效。“霍邱县‘调解进万家’”入选典型案例。\n");
        let found = rule_and_name(read(&text, Given::default(), Some(title)));
        assert_eq!(found, ("title_place_acts".into(), "六安市霍邱县人民政府".into()));
        let title = "我市举办公共法律服务进社区启动仪式";
        let text = format!("{title}\n本网讯 昨天上午,洛阳市公共法律服务进社区活动在西工区启动。\n");
        let found = rule_and_name(read(&text, Given::default(), Some(title)));
        assert_eq!(found, ("title_place_acts".into(), "洛阳市人民政府".into()), "我市 on a city's portal");
    }

    #[test]
    fn a_title_that_only_starts_with_县_is_no_act() {
        for title in
            ["县域法治建设观察：霍邱县开展普法", "县级公共法律服务中心开展服务质量评估", "区块链存证在公证工作中的应用"]
        {
            let text = format!("{title}\n近日,霍邱县有关部门组织人员到乡镇走访。\n");
            let found = read(&text, Given::default(), Some(title));
            assert!(found.is_none_or(|f| f.rule != "title_place_acts"), "{title}");
        }
    }
}
