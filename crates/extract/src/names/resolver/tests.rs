//! Tests of naming agencies canonically.

use super::*;

pub(crate) fn resolver() -> AgencyResolver {
    let rules: AgencyRules = toml::from_str(
        r#"
        [[agency]]
        name = "司法部"
        aliases = ["中华人民共和国司法部"]
        [[agency]]
        name = "国务院"
        aliases = ["中华人民共和国国务院"]
        [patterns]
        suffixes = ["司法厅", "司法局", "人民政府", "人民代表大会常务委员会", "监狱管理局"]
        foreign_prefixes = ["美国", "两国", "美", "英"]
        "#,
    )
    .unwrap();
    let gazetteer = Gazetteer::new("code\tname\tparent_code\n370215\t即墨区\t370200\n").unwrap();
    AgencyResolver::new(rules, gazetteer)
}

fn resolve(text: &str, context_text: &str) -> Option<Agency> {
    let r = resolver();
    r.resolve_name(text, &r.context(context_text))
}

#[test]
fn canonical_names_paths_and_levels() {
    let a = resolve("山东省司法厅", "").unwrap();
    assert_eq!(
        (a.name.as_str(), a.path.clone(), a.level),
        ("山东省司法厅", vec!["山东省".to_string()], AgencyLevel::Provincial)
    );
    let a = resolve("中共东昌府区司法局党组", "").unwrap();
    assert_eq!(a.name, "聊城市东昌府区司法局");
    assert_eq!(a.path, vec!["山东省", "聊城市", "东昌府区"]);
    assert_eq!(a.level, AgencyLevel::County);
    let a = resolve("（包头市司法局供稿）", "").unwrap();
    assert_eq!((a.name.as_str(), a.path.len()), ("包头市司法局", 2));
    assert_eq!(resolve("青岛市即墨区司法局", "").unwrap().name, "青岛市即墨区司法局");
    assert_eq!(resolve("中华人民共和国司法部", "").unwrap().level, AgencyLevel::National);
    assert_eq!(resolve("东营市人民代表大会常务委员会", "").unwrap().path, vec!["山东省", "东营市"]);
}

#[test]
fn ambiguous_and_bare_mentions_use_the_document_context() {
    assert_eq!(resolve("西湖区司法局", "杭州市召开会议").unwrap().name, "杭州市西湖区司法局");
    assert_eq!(resolve("西湖区司法局", "南昌市召开会议").unwrap().name, "南昌市西湖区司法局");
    assert_eq!(resolve("省司法厅", "陕西省召开会议").unwrap().name, "陕西省司法厅");
    assert_eq!(resolve("市司法局", "北京市朝阳区").unwrap().name, "北京市司法局");
    assert!(resolve("各市司法局", "陕西省").is_none());
}

#[test]
fn not_every_suffix_is_an_agency() {
    let r = resolver();
    assert!(r.mentions("各级司法部门要加强协作").is_empty());
    assert!(r.mentions("全省司法行政系统").is_empty());
}

#[test]
fn another_countrys_ministry_is_not_ours() {
    let r = resolver();
    assert!(r.mentions("调查由美国国土安全部主导，司法部和联邦调查局协助调查").is_empty());
    assert!(r.mentions("美国司法部起诉").is_empty());
    assert_eq!(r.mentions("美国总统访华。司法部召开会议").len(), 1, "a new sentence");
    assert_eq!(r.mentions("美国代表团访问中国，司法部部长会见代表团").len(), 1, "the sentence names China after");
    assert_eq!(r.mentions("英雄模范表彰大会上，司法部部长讲话").len(), 1, "英 of 英雄 is no country");
}
