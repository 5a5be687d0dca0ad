//! The agency reader's tests: each rule on fixtures of its own.

use super::*;

pub(crate) use crate::names::resolver::tests::resolver;

pub(crate) fn read(text: &str, given: Given, title: Option<&str>) -> Option<Candidate<Agency>> {
    read_at(text, given, title, None)
}

/// The resolver with the shipped rules.
pub(crate) fn shipped() -> &'static AgencyResolver {
    static EXTRACTOR: std::sync::OnceLock<crate::Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(crate::Extractor::with_default_rules).agencies()
}

/// Reads a page as document.rs does, with its address.
pub(crate) fn read_at(text: &str, given: Given, title: Option<&str>, url: Option<&str>) -> Option<Candidate<Agency>> {
    let resolver = shipped();
    let page = PageLines::read(text, false);
    let headline_lines = title.and_then(|t| page.locate(t));
    let body_from = headline_lines.map_or(0, |(_, end)| page.content_at.iter().position(|&at| at >= end).unwrap_or(0));
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

pub(crate) fn rule_and_name(found: Option<Candidate<Agency>>) -> (String, String) {
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
    let title = "中共茌平区司法局党组关于落实审计整改任务情况的报告";
    let text = format!("{title}\n按照区里要求，现将有关整改落实情况报告如下。\n");
    let found = rule_and_name(read(&text, Given::default(), Some(title)));
    assert_eq!(found, ("title_prefix".into(), "聊城市茌平区司法局".into()));
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
    let text = "标题\n9月3日清晨，某戒毒所迎来一支暗访组。山东省司法厅副厅长某某带队开展了暗访。\n";
    assert_eq!(rule_and_name(read(text, Given::default(), Some("标题"))), ("speaker".into(), "山东省司法厅".into()));
}

#[test]
fn other_countries_bodies_and_mere_mentions_are_no_issuers() {
    let text = "标题\n美国司法部近日宣布起诉一名前官员，引发广泛关注。\n";
    assert!(read(text, Given::default(), Some("标题")).is_none());
    let text = "标题\n会议指出，国务院、司法部和包头市司法局都高度重视此项工作。全体人员参加。\n";
    assert!(read(text, Given::default(), Some("标题")).is_none(), "not an official page: no most-mentioned fallback");
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
    let text = "标题\n某报讯(记者某某)“草场辽阔，调解要骑马去。”内蒙古阿拉善盟阿拉善右旗诺敏图苏木司法所所长某某说。\n";
    assert_eq!(rule_and_name(read(text, Given::default(), Some("标题"))).1, "阿拉善盟阿拉善右旗司法局");
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
    let text = format!("{title}\n山东省青岛市人民政府\n某政发(2010)54号\n各县(区)人民政府：\n现将规定印发给你们。\n");
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
    let text = "关于某事的通知\n各省辖市司法局，济源示范区司法局:\n现将河南省有关事项通知如下。\n";
    assert_eq!(rule_and_name(read(text, Given::default(), Some("关于某事的通知"))).1, "河南省司法厅", "省辖市");
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
    let text = "标题\n会议要求做好排查工作，确保场所、制度、队伍全部到位。(青岛市即墨区司法局 某某、某某)\n";
    assert_eq!(rule_and_name(read(text, Given::default(), None)), ("byline".into(), "青岛市即墨区司法局".into()));
}

#[test]
fn prisons_written_short_are_named_by_their_province() {
    let name = |text: &str| rule_and_name(read(text, Given::default(), Some("标题"))).1;
    assert_eq!(name("标题\n2月3日,新疆第五监狱二监区召开安全工作会议。\n"), "新疆维吾尔自治区第五监狱");
    assert_eq!(name("标题\n3月5日,遵义监狱召开专题会议传达会议精神。\n"), "贵州省遵义监狱");
    assert_eq!(name("标题\n3月5日,四川绵阳监狱召开专题会议传达会议精神。\n"), "四川省绵阳监狱");
    assert_eq!(name("标题\n3月5日,河南省许昌监狱召开专题会议传达会议精神。\n"), "河南省许昌监狱");
    let text = "标题\n近日,省女子监狱召开会议,部署浙江全省监管安全工作。\n";
    assert_eq!(name(text), "浙江省女子监狱", "a bare 省 is the province the page names");
    let text = "标题\n5月1日,葫芦岛市强制隔离戒毒所开展开放日活动。\n";
    assert_eq!(name(text), "葫芦岛市强制隔离戒毒所", "a full city name stays as written");
    assert!(shipped().mentions("江苏监狱系统推行远程会见").is_empty(), "a province's prisons are no prison");
}

#[test]
fn a_purpose_clause_and_a_legal_affairs_office() {
    let title = "天津就下一年度规章项目听取市民意见";
    let text = format!("{title}\n为让更多市民参与规章起草。市法制办自下周起通过网站收集意见。\n");
    assert_eq!(rule_and_name(read(&text, Given::default(), Some(title))).1, "天津市人民政府法制办公室");
    let title = "天津延长规章草案意见收集时间";
    let text = format!("{title}\n为方便市民表达意见，市法制办把收集期限延长至月底。\n");
    assert_eq!(
        rule_and_name(read(&text, Given::default(), Some(title))).1,
        "天津市人民政府法制办公室",
        "a purpose clause closed by a comma"
    );
}

#[test]
fn document_numbers_name_cities_and_interpreters_their_bodies() {
    let text = "标题\n漳司函〔2022〕39号\n近三年,全市司法行政机关排查矛盾纠纷,芗城区、龙文区经验推广。\n";
    let found = rule_and_name(read(text, Given::default(), Some("标题")));
    assert_eq!(found, ("doc_no_place".into(), "漳州市司法局".into()));
    let title = "某通知政策解读";
    let text = format!(
        "{title}\n发布机构: 某区府办\n现解读如下。三、解读说明 本《办法》解读机关为区司法局。联系人:某某 江北区\n"
    );
    let found = rule_and_name(read(&text, Given::default(), Some(title)));
    assert_eq!(found, ("header:解读机关".into(), "宁波市江北区司法局".into()));
}

#[test]
fn unplaced_names_guess_their_level() {
    assert_eq!(guess_level("某某县调解中心"), AgencyLevel::County);
    assert_eq!(guess_level("某某省协会"), AgencyLevel::Provincial);
    assert_eq!(guess_level("某某市协会"), AgencyLevel::City);
}

#[test]
fn the_field_s_bodies_beyond_bureaus() {
    let name = |text: &str| {
        read(text, Given::default(), Some("标题")).map_or_else(|| format!("none: {text}"), |f| f.value.name)
    };
    // Bar associations, written short (律协) or in full, placed by the page.
    assert_eq!(
        name("标题\n5月10日上午,市律协召开常务理事会议,审议年度工作报告。会议在广州市举行。\n"),
        "广州市律师协会"
    );
    assert_eq!(name("标题\n4月1日,省律协理事会议在合肥召开,来自全省的理事出席会议。\n"), "安徽省律师协会");
    // A leading group, named as written, with its county's city.
    let text = "关于印发某要点的通知\n某某区推进依法行政工作领导小组\n各镇(街道):\n现将要点印发给你们。\n";
    let text = text.replace("某某区", "东湖区").replace("各镇", "南昌市各镇");
    assert_eq!(name(&text), "南昌市东湖区推进依法行政工作领导小组");
    // A street's mediation committee.
    let text = "标题\n日前,大连市普兰店区某某街道人民调解委员会化解一起邻里纠纷,双方握手言和。\n";
    assert_eq!(name(&text.replace("某某", "铁西")), "大连市普兰店区铁西街道人民调解委员会");
    // Notary offices and prisons named after their place's short form.
    assert_eq!(name("标题\n近日,杨浦公证处推出上门办证服务,方便行动不便的老人。\n"), "上海市杨浦公证处");
    assert_eq!(name("标题\n近日,上海市南汇监狱联合社会帮教组织开展帮教活动,效果良好。\n"), "上海市南汇监狱");
    // A province's prisons are run by its administration.
    assert_eq!(name("标题\n3月31日,江苏省监狱召开会议,部署全省监管安全工作。\n"), "江苏省监狱管理局");
    let phrase = "标题\n“有事找我们。”上思县某某村的村委会主任兼人民调解委员会主任说。\n";
    assert!(
        read(phrase, Given::default(), Some("标题")).is_none_or(|f| !f.value.name.contains("的")),
        "a phrase is no name"
    );
    let negative = "标题\n近日,城关公证处开展便民服务活动,受到群众好评。\n";
    assert!(read(negative, Given::default(), Some("标题")).is_none(), "城关 is many counties' town");
}

#[test]
fn autonomous_prefectures_and_counties_written_short() {
    let name = |text: &str| rule_and_name(read(text, Given::default(), Some("标题"))).1;
    assert_eq!(
        name("标题\n近年来,海北州司法局全面贯彻落实法律援助条例,社会知晓率大幅提升。\n"),
        "海北藏族自治州司法局"
    );
    assert_eq!(
        name("标题\n“这是一件好事。”黔南州司法局相关负责人介绍,全州已建成服务站点三百余个。\n"),
        "黔南布依族苗族自治州司法局"
    );
    assert_eq!(name("标题\n近日,隆林县司法局组织调解员走村入户,化解矛盾纠纷。\n"), "百色市隆林各族自治县司法局");
}

#[test]
fn a_lead_opens_with_when_then_who() {
    let name = |text: &str| read(text, Given::default(), Some("标题")).map(|f| f.value.name);
    assert_eq!(
        name("标题\n为提升调解能力,近期宜宾市叙州区司法局泥溪司法所采取分片模式开展培训工作。\n").as_deref(),
        Some("宜宾市叙州区司法局")
    );
    assert_eq!(
        name("标题\n5月17日下午省律师协会在保定市召开座谈会,听取律师意见。\n").as_deref(),
        Some("河北省律师协会")
    );
    // A body named in a quotation is no actor.
    let quoted = "标题\n“我求助了县法律援助中心,现在工钱终于拿到了。”农民工老周说,他终于放心了。\n";
    assert_eq!(name(quoted), None);
    // A subheading is no paragraph: the lead's actor is read under it.
    let text = "标题\n近日,一场普法宣讲活动在全旗展开。\n七场宣讲,织密法治保护网\n连日来,阿鲁科尔沁旗司法局携手志愿者深入社区开展宣讲。\n";
    assert_eq!(name(text).as_deref(), Some("赤峰市阿鲁科尔沁旗司法局"));
}

#[test]
fn a_portal_s_bare_department_and_an_author_s_credit() {
    let text = "县人大常委会视察我县普法工作\n发布时间: 2017-08-21 发布机构:司法局 浏览次数:54\n8月18日,县人大常委会视察普法工作。\n";
    let found = read_at(
        text,
        Given::default(),
        Some("县人大常委会视察我县普法工作"),
        Some("http://www.huoqiu.gov.cn/content/1.html"),
    );
    assert_eq!(
        found.map(|f| (f.rule, f.value.name)).unwrap_or_default(),
        ("header:发布机构".into(), "六安市霍邱县司法局".into())
    );
    let found = read_at(
        text,
        Given::default(),
        Some("县人大常委会视察我县普法工作"),
        Some("http://www.example.com/content/1.html"),
    );
    assert!(found.is_none(), "off a government's portal a bare department names no one");
    let title = "某区律师代表团召开年度工作会议";
    let text = format!("{title}\n日期:2006-04-03\n作者:市律协宣传部\n3月10日,闸北区律师代表团召开工作会议。\n");
    let found = read(&text, Given::default(), Some(title)).map(|f| (f.rule, f.value.name)).unwrap_or_default();
    assert_eq!(found, ("header:作者".into(), "上海市律师协会".into()));
    let text = format!("{title}\n作者:佚名 来源:某省监狱管理局 点击数:12\n正文。\n");
    assert_eq!(
        rule_and_name(read(&text.replace("某省", "北京市"), Given::default(), Some(title))).1,
        "北京市监狱管理局"
    );
}

#[test]
fn a_legal_aid_centre_is_its_bureau_s() {
    let name = |text: &str| read(text, Given::default(), Some("标题")).map(|f| f.value.name).unwrap_or_default();
    assert_eq!(
        name("标题\n今年以来,沙洋县法律援助中心共受理农民工欠薪案件45件,讨回欠薪90余万元。\n"),
        "荆门市沙洋县司法局"
    );
    assert_eq!(name("标题\n近日,甘肃省法律援助中心开展法律援助进军营活动。\n"), "甘肃省司法厅");
    assert_eq!(name("标题\n12月5日,林区司法局开展宪法宣传周活动。神农架林区有关部门参加。\n"), "神农架林区司法局");
}

#[test]
fn a_formal_document_s_signature_block_names_its_issuer() {
    // GB/T 9704: 署名 above 成文日期, under a cover notice whose table names another publisher.
    let title = "中共某市委全面依法治市委员会办公室转发《某规划》的通知";
    let title = title.replace("某市", "海口市");
    let text = format!(
        "{title}\n发布机构: 市司法局 发文日期: 2022年03月28日\n各区委、区人民政府:\n现转发给你们,请认真组织实施。\n中共海口市委全面依法治市委员会办公室\n2022年3月17日\n某规划\n一、总体要求\n"
    );
    let found = read(&text, Given::default(), Some(&title)).unwrap();
    assert_eq!(
        (found.rule.as_str(), found.value.name.as_str()),
        ("signature_block", "中共海口市委全面依法治市委员会办公室")
    );
    let title = "关于印发某要点的通知";
    let text = format!(
        "{title}\n索引号:123 发布机构:某街道\n各镇(街道):\n现将要点印发给你们。\n包头市人民政府办公室\n2023年8月15日\n某要点\n"
    );
    assert_eq!(rule_and_name(read(&text, Given::default(), Some(title))).1, "包头市人民政府办公室");
    // A news story's closing line is no signature block over a source field.
    let title = "某县召开调解工作会议";
    let text =
        format!("{title}\n来源:包头市司法局\n会议强调,要做好调解工作,维护社会稳定。\n山东省司法厅\n2024年1月2日\n");
    assert_eq!(rule_and_name(read(&text, Given::default(), Some(title))).1, "包头市司法局");
}

#[test]
fn a_rule_s_maker_and_order() {
    let text = "某某程序规则\n制定机关:司法部部务会议\n2006年5月18日司法部令第103号发布 2020年10月20日司法部令第145号修正\n第一章 总则\n";
    assert_eq!(
        rule_and_name(read(text, Given::default(), Some("某某程序规则"))),
        ("header:制定机关".into(), "司法部".into())
    );
    let text = "某某程序规则\n2006年5月18日司法部令第103号发布 2020年10月20日司法部令第145号修正\n第一章 总则\n";
    assert_eq!(
        rule_and_name(read(text, Given::default(), Some("某某程序规则"))),
        ("doc_no_order".into(), "司法部".into())
    );
}

#[test]
fn a_lone_county_name_the_page_s_province_speaks_against() {
    let name = |text: &str| read(text, Given::default(), Some("标题")).map(|f| f.value.name);
    // 西区 of 攀枝花 is the table's only one; the page is in 广东, where a 街道 has that name.
    let text = "标题\n中秋前夕,西区司法所、社区工作人员组成帮教团前往广东省北江监狱开展帮教活动。\n";
    assert_eq!(name(text), None);
    let text = "标题\n中秋前夕,西区司法所组成帮教团前往四川省某某监狱开展帮教,攀枝花市有关部门参加。\n";
    assert_eq!(name(text).as_deref(), Some("攀枝花市西区司法局"), "the page names its province");
    let text = "标题\n近日,西区司法所组织社区矫正对象开展公益劳动。\n";
    assert_eq!(name(text).as_deref(), Some("攀枝花市西区司法局"), "nothing speaks against it");
}

#[test]
fn a_site_s_own_report_and_its_township_offices() {
    let title = "某地监狱工作协同发展联席会议召开";
    let text = format!(
        "{title}\n本网讯 6月6日,联席会议在北京召开。会上,河北监狱局局长部署方案,河北省司法厅副厅长某某讲话。\n"
    );
    let found = read_at(&text, Given::default(), Some(title), Some("https://jyj.beijing.gov.cn/jyxw/1.html"));
    assert_eq!(rule_and_name(found), ("site:prisons:own_report".into(), "北京市监狱管理局".into()));
    let found = read_at(
        &text.replace("本网讯 ", ""),
        Given::default(),
        Some(title),
        Some("https://jyj.beijing.gov.cn/jyxw/1.html"),
    );
    assert_ne!(found.map(|f| f.rule), Some("site:prisons:own_report".into()), "no credit, no own report");
    // A township's 司法所 on a county's portal.
    let text = "为提高法律明白人素养,近日,某某司法所组织开展培训。\n培训会上,司法所工作人员结合实际讲解法律。\n";
    let found = read_at(text, Given::default(), None, Some("http://www.huoqiu.gov.cn/a/1.html"));
    assert_eq!(rule_and_name(found), ("site_own_bureau".into(), "六安市霍邱县司法局".into()));
    let found = read_at(text, Given::default(), None, Some("http://www.example.com/a/1.html"));
    assert!(found.is_none(), "off a county's portal a 司法所 names no county");
}

#[test]
fn a_document_s_title_names_its_issuer_over_the_portal() {
    let title = "霍邱县司法局2024年法治政府建设情况的报告";
    let text =
        format!("{title}\n时间:2025-02-19 信息来源: 霍邱县人民政府 浏览次数:\n县委、县政府:\n现将情况报告如下。\n");
    assert_eq!(
        rule_and_name(read(&text, Given::default(), Some(title))),
        ("title_prefix".into(), "六安市霍邱县司法局".into())
    );
    let title = "霍邱县司法局开展普法宣传活动";
    let text = format!("{title}\n时间:2025-02-19 信息来源: 霍邱县人民政府\n近日,县里组织开展普法活动。\n");
    assert_eq!(
        rule_and_name(read(&text, Given::default(), Some(title))).0,
        "header:信息来源",
        "a story's title is no document's"
    );
}
