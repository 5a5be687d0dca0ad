//! Agencies a source states (a JSON Lines `agency`), read like the ones
//! the text names: the spellings of a people's congress and its standing
//! committee (人大常委会, 人民代表大会常委会, and the slips sources make:
//! 常务委员, 常委员会, 人民代表会) written out, the congress's term and
//! session dropped (市十四届人大常委会, 东营市第八届…, 八届人大四次会议),
//! a leading verb dropped (由, 经), and the 中华人民共和国 or 国家 prefix of
//! a listed national body read as the listed name (中华人民共和国国务院 →
//! 国务院, 市场监督管理总局 → 国家市场监督管理总局); of joint issuers
//! (某部、某部) the first is the issuer. A stated
//! name without its place (市人大常委会) is placed by the place the title
//! names (宁波市人民调解条例), else by the page.

use std::sync::LazyLock;

use regex::Regex;

/// A congress's term (第十四届, 十四届) and session (五次会议, 第5次会议).
static TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第?[〇零一二三四五六七八九十百0-9]+届|第?[〇零一二三四五六七八九十百0-9]+次(?:全体)?会议.*$")
        .expect("valid")
});
/// Spellings of a standing committee, slips included.
static STANDING_COMMITTEE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"人大常委会?$|人民代表大会?常务?委?员?会?$").expect("valid"));
/// A people's congress itself, short or slipped (人大, 人民代表会).
static CONGRESS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:人大|人民代表会)$").expect("valid"));

/// Verbs a source left before the name (由国务院, 经某县人民代表大会).
const LEADING_VERBS: &[&str] = &["由", "经"];
/// Prefixes of national bodies' full names.
pub const NATIONAL_PREFIXES: &[&str] = &["中华人民共和国", "国家"];

/// A stated name, written out as the extractor names bodies (folded).
pub fn normalize(folded: &str) -> String {
    let mut name = folded.trim();
    for verb in LEADING_VERBS {
        if let Some(rest) = name.strip_prefix(verb)
            && rest.chars().count() >= 3
        {
            name = rest;
        }
    }
    let name = TERM.replace_all(name, "");
    // 人大常委会 / 人民代表大会常委员会 / …常务委员: the standing committee;
    // 人大 / 人民代表会: the congress.
    if let Some(m) = STANDING_COMMITTEE.find(&name)
        && name[m.start()..].contains('常')
    {
        return format!("{}人民代表大会常务委员会", &name[..m.start()]);
    }
    if let Some(m) = CONGRESS.find(&name) {
        return format!("{}人民代表大会", &name[..m.start()]);
    }
    name.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agency::tests::read;
    use crate::given::Given;
    use sifa_model::AgencyLevel;

    #[test]
    fn congress_names_are_written_out() {
        assert_eq!(normalize("市十四届人大常委会"), "市人民代表大会常务委员会");
        assert_eq!(normalize("东营市第八届人民代表大会常务委员会"), "东营市人民代表大会常务委员会");
        assert_eq!(normalize("某省人民代表大会常委员会"), "某省人民代表大会常务委员会");
        assert_eq!(normalize("某市人民代表大会常务委员"), "某市人民代表大会常务委员会");
        assert_eq!(normalize("某市人民代表大会常务员会"), "某市人民代表大会常务委员会");
        assert_eq!(normalize("某县八届人大四次会议"), "某县人民代表大会");
        assert_eq!(normalize("某市人民代表会"), "某市人民代表大会");
        assert_eq!(normalize("某市人民代表大会"), "某市人民代表大会");
        assert_eq!(normalize("经某自治县人民代表大会"), "某自治县人民代表大会");
        assert_eq!(normalize("由最高人民法院审判委员会"), "最高人民法院审判委员会");
        assert_eq!(normalize("中华人民共和国国务院"), "中华人民共和国国务院", "listed aliases are the resolver's");
    }

    #[test]
    fn stated_agencies_are_written_out_and_placed() {
        let given = |agency: &str| Given { agency: Some(agency.into()), ..Given::default() };
        let title = "温州市人民调解条例";
        let text = format!("{title}\n第一条 为了规范人民调解。\n");
        let found = read(&text, given("市十四届人大常委会"), Some(title)).unwrap();
        assert_eq!((found.rule.as_str(), found.value.name.as_str()), ("given", "温州市人民代表大会常务委员会"));
        assert_eq!(found.value.path, vec!["浙江省", "温州市"]);
        let stated = |agency: &str| read("第一条 某某。\n", given(agency), None).unwrap().value;
        assert_eq!(stated("东营市第八届人民代表大会常务委员会").name, "东营市人民代表大会常务委员会");
        assert_eq!(
            (stated("中华人民共和国国务院").name.as_str(), stated("国务院").level),
            ("国务院", AgencyLevel::National)
        );
        assert_eq!(stated("国家司法部").name, "司法部");
        assert_eq!(stated("市场监督管理总局").name, "国家市场监督管理总局", "the 国家 a source dropped");
        assert_eq!(stated("景宁畲族自治县八届人大四次会议").name, "丽水市景宁畲族自治县人民代表大会");
        assert_eq!(stated("某某网信办、公安部").name, "某某网信办", "the first of joint issuers");
    }
}
