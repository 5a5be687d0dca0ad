//! Tests of what a page's address says about its publisher.

use super::*;

fn gazetteer() -> &'static Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(|| Gazetteer::new(include_str!("../../../../../data/divisions-renamed.tsv")).unwrap())
}

fn index() -> &'static SiteIndex {
    static I: std::sync::OnceLock<SiteIndex> = std::sync::OnceLock::new();
    I.get_or_init(|| SiteIndex::new(gazetteer()))
}

fn owner(url: &str) -> Option<(String, OwnerKind)> {
    owner_named(url, &[])
}

/// The owner when the page's text names these places.
fn owner_named(url: &str, names: &[&str]) -> Option<(String, OwnerKind)> {
    let g = gazetteer();
    let named: HashMap<u32, u32> = names.iter().flat_map(|n| g.lookup(n).iter().map(|&c| (c, 1))).collect();
    let site = index().read(url, g, &named);
    site.owner.map(|(code, kind)| (g.get(code).unwrap().name.clone(), kind))
}

#[test]
fn base_names() {
    let name = |code| base_name(gazetteer().get(code).unwrap());
    assert_eq!(name(522600), "黔东南");
    assert_eq!(name(150000), "内蒙古");
    assert_eq!(name(371300), "临沂");
    assert_eq!(name(640122), "贺兰");
}

#[test]
fn justice_hosts_by_full_pinyin() {
    assert_eq!(owner("http://sft.jiangxi.gov.cn/sft/xxgk/202501/t1.html"), Some(("江西省".into(), OwnerKind::Justice)));
    assert_eq!(owner("https://sfj.linyi.gov.cn/a/b.html"), Some(("临沂市".into(), OwnerKind::Justice)));
    assert_eq!(owner("https://app.sft.hubei.gov.cn/x/y.jsp"), Some(("湖北省".into(), OwnerKind::Justice)));
    assert_eq!(owner("https://sft.shaanxi.gov.cn/x/y.html"), Some(("陕西省".into(), OwnerKind::Justice)));
    assert_eq!(owner("http://justice.guizhou.gov.cn/a/b.html"), Some(("贵州省".into(), OwnerKind::Justice)));
    assert_eq!(owner("http://sfj.changsha.gov.cn/a/b.html").unwrap().0, "长沙市", "长 read as chang");
    assert_eq!(owner("https://sfj.chongqing.gov.cn/a/b.html").unwrap().0, "重庆市", "重 read as chong");
}

#[test]
fn initials_nest_and_settle_each_other() {
    assert_eq!(owner("https://sfj.tj.gov.cn/a/202509/t1.html").unwrap().0, "天津市");
    assert_eq!(owner("https://sf.qd.gov.cn/zwgk/a.htm").unwrap().0, "青岛市");
    assert_eq!(owner("http://www.jssf.gov.cn/a/b.shtml"), Some(("江苏省".into(), OwnerKind::Justice)));
    assert_eq!(owner("http://www.tjwq.gov.cn/a/b.html"), Some(("武清区".into(), OwnerKind::Government)));
    assert_eq!(owner("http://www.nbhs.gov.cn/art/a.html").unwrap().0, "海曙区");
    assert_eq!(owner("http://www.bjdch.gov.cn/x/y.html").unwrap().0, "东城区", "ch kept as two letters");
    assert_eq!(owner("http://www.jsjy.gov.cn/art/x.html"), None, "江阴 or 建邺, both in 江苏");
    assert_eq!(owner_named("http://www.jsjy.gov.cn/art/x.html", &["建邺区"]).unwrap().0, "建邺区");
}

#[test]
fn prison_and_rehabilitation_administrations_name_themselves() {
    assert_eq!(owner("https://jyj.beijing.gov.cn/jyxw/201912/t1.html"), Some(("北京市".into(), OwnerKind::Prisons)));
    assert_eq!(owner("http://jdj.jiangxi.gov.cn/a/1.html"), Some(("江西省".into(), OwnerKind::Rehabilitation)));
    assert_eq!(owner("http://www.example.com/jyj/1.html"), None, "off a government host");
}

#[test]
fn path_segments_name_departments() {
    assert_eq!(owner("https://jincheng.gov.cn/xxgkml/ssfj/ndjh/x.shtml"), Some(("晋城市".into(), OwnerKind::Justice)));
    let helan = "http://www.helan.gov.cn/xxgk/hlxsfj/x.html";
    assert_eq!(owner_named(helan, &["贺兰县"]), Some(("贺兰县".into(), OwnerKind::Justice)));
    assert_eq!(owner("http://www.shangdangqu.gov.cn/a/zcbm/sfj/x.html"), Some(("上党区".into(), OwnerKind::Justice)));
    assert_eq!(owner("https://www.tjxq.gov.cn/zwgk/qbgs2/x.html"), Some(("西青区".into(), OwnerKind::Office)));
    assert_eq!(
        owner("https://mirror.example.com/qshhqrmzf/x/1.shtml"),
        Some(("青山湖区".into(), OwnerKind::Government))
    );
    assert_eq!(
        owner("https://mirror.example.com/sfj/x/1.shtml"),
        None,
        "a department with no place, off a government host"
    );
}

#[test]
fn county_portals_and_renamed_divisions() {
    assert_eq!(owner("https://www.huoqiu.gov.cn/News/show/1.html"), Some(("霍邱县".into(), OwnerKind::Government)));
    assert_eq!(owner("https://hbpq.gov.cn/info/1041/1.htm"), Some(("平泉市".into(), OwnerKind::Government)));
    assert_eq!(owner("http://www.leiyang.gov.cn/1/2/content_3.html").unwrap().0, "耒阳市");
}

#[test]
fn ambiguous_labels_need_the_text() {
    let g = gazetteer();
    let site = index().read("http://www.taihe.gov.cn/index/detail?id=1", g, &HashMap::new());
    assert_eq!(site.owner, None, "太和 or 泰和");
    let named: HashMap<u32, u32> = [(360826, 2)].into_iter().collect();
    let site = index().read("http://www.taihe.gov.cn/index/detail?id=1", g, &named);
    assert_eq!(site.owner.map(|o| g.get(o.0).unwrap().name.clone()).as_deref(), Some("泰和县"));
}

#[test]
fn a_site_s_brand_is_no_place() {
    let g = gazetteer();
    let site = index().read("http://fj.sina.com.cn/news/b/2020-11-04/detail-1.shtml", g, &HashMap::new());
    assert!(site.regions.iter().all(|r| g.get(r.0).unwrap().name != "思南县"), "{:?}", site.regions);
    let site = index().read("http://xining.example.com/xinwen/1/", g, &HashMap::new());
    assert!(site.regions.is_empty(), "a city off a government host gives no hint");
    let site = index().read("http://panyu.example.com.cn/news/1.html", g, &HashMap::new());
    assert_eq!(site.regions.iter().map(|r| g.get(r.0).unwrap().name.as_str()).collect::<Vec<_>>(), ["番禺区"]);
    assert_eq!(brand_label("news.example.com.cn"), Some("example"));
    assert_eq!(brand_label("example.org"), Some("example"));
}

#[test]
fn hyphens_join_words_of_a_label() {
    let g = gazetteer();
    let site = index().read("http://m-shennongjia.example.org/p/1.html", g, &HashMap::new());
    assert_eq!(site.regions.iter().map(|r| g.get(r.0).unwrap().name.as_str()).collect::<Vec<_>>(), ["神农架林区"]);
    let site = index().read("http://www.sfj-linyi.gov.cn/a/1.html", g, &HashMap::new());
    assert_eq!(
        site.owner.map(|o| (g.get(o.0).unwrap().name.clone(), o.1)),
        Some(("临沂市".into(), OwnerKind::Justice))
    );
    let site = index().read("http://news-center.example.com/a/1.html", g, &HashMap::new());
    assert!(site.regions.is_empty() && site.owner.is_none(), "words that name no place");
}

#[test]
fn other_hosts_give_weak_hints_only() {
    let g = gazetteer();
    let site = index().read("http://panyu.example.cn/news/1.html", g, &HashMap::new());
    assert!(!site.official && site.owner.is_none());
    assert_eq!(site.regions.iter().map(|r| g.get(r.0).unwrap().name.as_str()).collect::<Vec<_>>(), ["番禺区"]);
    let site = index().read("http://nanjing.example.com/news/1.html", g, &HashMap::new());
    assert!(site.regions.is_empty(), "a city off a government host is no evidence");
    // A site word after initials, confirmed by the parent the page names.
    let huangshan: HashMap<u32, u32> = [(341000, 1)].into_iter().collect();
    let site = index().read("http://www.xnwenming.cn/content/1.html", g, &huangshan);
    assert_eq!(site.regions.iter().map(|r| g.get(r.0).unwrap().name.as_str()).collect::<Vec<_>>(), ["休宁县"]);
    let site = index().read("http://www.xnwenming.cn/content/1.html", g, &HashMap::new());
    assert!(site.regions.is_empty(), "unconfirmed initials are no evidence");
    assert_eq!(index().read("https://www.example.com/a/b.html", g, &HashMap::new()), Site::default());
}
