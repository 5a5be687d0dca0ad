//! Tests of the title: headlines, broken and run-on lines, constructed titles.

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
    let text =
        "某省持续织密城乡公共法律服务网络\n两年办结援助案件八万件\n来源:某某晚报 2022-03-16 08:12:40\n正文，内容充实。";
    assert_eq!(title(text).as_deref(), Some("某省持续织密城乡公共法律服务网络"), "a shorter line below is a subtitle");
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
