//! Tests of the shapes of headline lines and what stands where headlines stand.

use super::*;

#[test]
fn headlines_and_non_headlines() {
    assert!(is_headline("某省司法厅召开全省公共法律服务工作推进会"));
    assert!(is_headline("某县司法局推行“2+4”调解模式 让矛盾纠纷就地化解"));
    assert!(!is_headline("近日，某省司法厅召开全省公共法律服务工作推进会，部署下一阶段工作。"));
    assert!(!is_headline("一、总体要求"));
    assert!(!is_headline("（一）加强组织领导"));
    assert!(!is_headline("字号：大 中 小"));
}

#[test]
fn slogans() {
    assert!(is_slogan("守护万家灯火 筑牢平安防线 奋斗新时代 担当新使命"));
    assert!(is_slogan("同心护平安 携手向未来"));
    assert!(!is_slogan("某市司法局推行清单管理 推动调解工作提质增效"));
    assert!(!is_slogan("法治护航 司法为民"));
}

#[test]
fn banner_phrases() {
    assert!(is_banner_phrase("庆祝中国共产党成立100周年"));
    assert!(is_banner_phrase("学习贯彻党的二十大精神"));
    assert!(!is_banner_phrase("庆祝建党百年 某市司法局举办专题党课"));
}

#[test]
fn builds_a_short_title_from_the_opening_sentence() {
    let title =
        build_title("2024年，示范区司法局总体工作思路是：坚持以人民为中心，推进各项工作。", Some("示范市示范区司法局"))
            .unwrap();
    assert_eq!(title, "2024年示范区司法局总体工作思路");
    let title =
        build_title("为进一步加强人民调解工作，推动矛盾纠纷就地化解，现提出如下意见。", Some("示范县司法局")).unwrap();
    assert_eq!(title, "示范县司法局：为进一步加强人民调解工作 推动矛盾纠纷就地化解");
    // A dateline opens no title: the clauses after it do.
    let title = build_title("2月29日，示范县司法局组织调解员走进社区开展法律咨询活动。", Some("示范县司法局")).unwrap();
    assert_eq!(title, "示范县司法局组织调解员走进社区开展法律咨询活动");
    let title =
        build_title("3月5日上午，全县召开社区矫正工作推进会议并部署下一阶段重点任务安排。", Some("示范县司法局"))
            .unwrap();
    assert!(!title.contains("3月5日"), "{title}");
    assert_eq!(
        build_title("2024年，示范区深化改革。", None).as_deref(),
        Some("2024年示范区深化改革"),
        "a year runs on"
    );
}

#[test]
fn repost_markers_are_dropped() {
    assert_eq!(strip_repost_marker("轉載 | 廣東推進法律援助"), "廣東推進法律援助");
    assert_eq!(strip_repost_marker("【转载】某市司法局召开会议"), "某市司法局召开会议");
    assert_eq!(strip_repost_marker("转载工作座谈会召开"), "转载工作座谈会召开");
}

#[test]
fn page_titles_lose_their_site_name() {
    assert_eq!(clean_page_title("示范县举办调解员培训班_示范县司法局").as_deref(), Some("示范县举办调解员培训班"));
    assert_eq!(clean_page_title("首页 - 司法局"), None);
}
#[test]
fn a_periodical_s_issue_line_is_no_headline() {
    assert_eq!(noise("《某某法治》杂志2023年第6期"), Some(Noise::Edition));
    assert_eq!(noise("《某某研究》2021年第3期"), Some(Noise::Edition));
    assert!(noise("《某某法治》杂志刊发我市经验文章").is_none());
}

#[test]
fn documents_end_with_their_kind_before_closing_notes() {
    assert!(ends_like_a_document("某局关于印发《某某实施意见(2024—2025年)》"));
    assert!(ends_like_a_document("某某办法（试行）"));
    assert!(ends_like_a_document("某某规则（2020年修正）"));
    assert!(!ends_like_a_document("某县召开会议(图)"));
}

#[test]
fn noise_near_the_top() {
    let cases = [
        ("您当前的位置:首页 > 政务公开 > 工作动态", Noise::Crumb),
        ("首页 » 资料库 » 法规", Noise::Crumb),
        ("某某网 / 某省网群 / 某市网", Noise::Crumb),
        ("> 政务公开 > 文件", Noise::Crumb),
        ("直通某地|本省|时评|国内|国际", Noise::Navigation),
        ("欢迎光临某某门户网站!", Noise::Banner),
        ("某某政府网 无障碍浏览 长者模式", Noise::Banner),
        ("某区人民政府 2021年3月9日星期二", Noise::Banner),
        ("某省某市、某地区第一门户网站", Noise::Banner),
        ("打印本页 字号选择:大 返回原文", Noise::Toolbar),
        ("地址:某市某路1号", Noise::Contact),
        ("投诉电话:0000-1234567", Noise::Contact),
        ("(资料图)", Noise::Caption),
        ("图为调解员在工作", Noise::Caption),
        ("本报记者 某某 通讯员 某某", Noise::Byline),
        ("第a04版:本地新闻", Noise::Edition),
        ("00001版:一版要闻", Noise::Edition),
        ("• 某市律师培训会", Noise::Bullet),
        ("□坚决打赢某某战", Noise::Bullet),
        ("某某新闻网-www.example.com", Noise::Address),
        ("论文部分内容阅读", Noise::Prompt),
    ];
    for (line, expected) in cases {
        assert_eq!(noise(line), Some(expected), "{line}");
    }
    for line in ["某县司法局召开调解工作会议", "课题组|某区人民调解的实践与思考", "春节期间全省监狱保持安全稳定"]
    {
        assert_eq!(noise(line), None, "{line}");
    }
}

#[test]
fn field_labels_and_sentence_openers() {
    assert!(starts_with_field_label("发文机关某部"));
    assert!(starts_with_field_label("| 索 引 号: 000/2026-001 |"));
    assert!(starts_with_field_label("答复类别:a类"));
    assert!(!starts_with_field_label("某县发布机构改革方案"));
    assert!(opens_like_prose("近年来,某局深入贯彻某部署,以某为主体,以某为两翼的"));
    assert!(!opens_like_prose("近年来某县法律援助工作综述"));
    assert_eq!(noise("□ 本报记者 某某"), Some(Noise::Byline));
}

#[test]
fn columns_site_names_and_document_titles() {
    assert!(looks_like_column("宪法宣传专栏"));
    assert!(looks_like_column("工作动态"));
    assert!(!looks_like_column("某县司法局召开调解工作会议"));
    assert!(looks_like_site_name("某某法治报 数字报纸"));
    assert!(looks_like_site_name("某某网 example.com"));
    assert!(ends_like_a_document("某局关于印发《某办法》的通知"));
    assert!(ends_like_a_document("某某实施细则（试行）"));
    assert!(breaks_off("某市司法局关于印发"));
    assert!(breaks_off("某区司法局关于加强人民调解员培训管理"));
    assert!(!breaks_off("某区司法局关于加强人民调解员培训管理的通知"));
    assert!(continues_a_title("的通知"));
    assert!(continues_a_title("第0001号建议办理情况的答复函"));
}
