//! The last evidence, read only when the page names its issuer nowhere
//! else: the publisher whose news service the site is, the place whose
//! judicial work the story is about, and the newspaper on its own site.
//!
//! - A site publishes in its owner's name (the `[[publisher]]` table of
//!   `data/agencies.toml`); a government's news service (`news.gov.hk`)
//!   writes its own stories, so its name is read before the bodies a story
//!   is about (see [`publisher`]).
//! - A story about a place's judicial administration (全市99个司法所…,
//!   全省司法行政系统…, 全区…社区矫正) that names no body of it comes from
//!   that place's bureau: the level it speaks of (全省/我省, 全市/我市,
//!   全区, 全县) and the one place of that level it names most, at least
//!   twice. A story that speaks of no judicial organ gets none.
//! - A newspaper named as the source (来源：某某法治报) on a page whose
//!   masthead is that newspaper's is its own publication.

use sifa_model::AgencyLevel;

use super::{Agency, AgencyInputs, AgencyResolver, score};
use crate::candidate::Candidates;
use crate::page::PageLines;

/// Words of a place's own work, by the level they speak of (全州: an
/// autonomous prefecture's).
const LEVEL_WORDS: &[(char, &[&str])] = &[
    ('省', &["全省", "我省"]),
    ('市', &["全市", "我市"]),
    ('州', &["全州", "我州"]),
    ('区', &["全区", "我区"]),
    ('县', &["全县", "我县"]),
];
/// Judicial-administration organs a story must speak of to be about one.
const ORGANS: &[&str] = &["司法行政", "司法局", "司法所", "司法厅"];
/// How a newspaper's name ends.
const NEWSPAPER_ENDINGS: &[&str] = &["日报", "晚报", "晨报", "法治报", "法制报", "时报", "商报", "都市报"];
/// How far into the page a source field or masthead is looked for.
const HEADER_LINES: usize = 30;

/// Every last-resort candidate.
pub fn last_resort(resolver: &AgencyResolver, page: &PageLines, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    publisher(resolver, inputs, false, found);
    if let Some((agency, line)) = super::footer::footer_owner(resolver, &page.everything, inputs.context) {
        found.push(agency, "site_footer", &line, score::PUBLISHER_HOST);
    }
    subject_place(resolver, inputs, found);
    newspaper(resolver, page, inputs, found);
}

/// The body whose site the page is on: only a news service writing its own
/// stories when `own_stories`, else any other.
pub fn publisher(resolver: &AgencyResolver, inputs: &AgencyInputs, own_stories: bool, found: &mut Candidates<Agency>) {
    let Some(url) = inputs.url else { return };
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or_default().to_ascii_lowercase();
    let Some(publisher) = resolver.publishers().iter().find(|p| {
        p.hosts.iter().any(|h| host == *h || host.strip_suffix(h.as_str()).is_some_and(|sub| sub.ends_with('.')))
    }) else {
        return;
    };
    if publisher.own_stories != own_stories {
        return;
    }
    let path: Vec<String> = publisher
        .region
        .as_deref()
        .and_then(|r| resolver.gazetteer().lookup(r).first())
        .map(|&code| resolver.gazetteer().path(code).iter().map(|d| d.name.clone()).collect())
        .unwrap_or_default();
    let level = publisher.level.as_deref().and_then(AgencyLevel::parse).unwrap_or(if path.is_empty() {
        AgencyLevel::National
    } else {
        AgencyLevel::Provincial
    });
    let score = if own_stories { score::NEWS_SERVICE } else { score::PUBLISHER_HOST };
    found.push(Agency { name: publisher.name.clone(), path, level }, "publisher_host", url, score);
}

/// The bureau of the place whose judicial work the story is about.
fn subject_place(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let title = inputs.title.unwrap_or_default();
    // A formal document names its issuer; a story may leave it to its subject.
    if crate::shapes::headline::ends_like_a_document(title) {
        return;
    }
    let spoken = |w: &str| title.matches(w).count() + inputs.opening.matches(w).count();
    if !ORGANS.iter().any(|o| spoken(o) > 0) {
        return;
    }
    let Some((level, word)) = LEVEL_WORDS
        .iter()
        .map(|(level, words)| (*level, words, words.iter().map(|w| spoken(w)).sum::<usize>()))
        .filter(|(_, _, count)| *count > 0)
        .max_by_key(|(_, _, count)| *count)
        .map(|(level, words, _)| (level, words[0]))
    else {
        return;
    };
    let Some(division) = resolver.dominant(level, inputs.context) else { return };
    let suffix = if division.level == AgencyLevel::Provincial && !division.name.ends_with('市') {
        "司法厅"
    } else {
        "司法局"
    };
    found.push(resolver.name_division(division, suffix), "subject_place", word, score::SUBJECT_PLACE);
}

/// A newspaper named as the source on its own site.
fn newspaper(resolver: &AgencyResolver, page: &PageLines, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let header = page.all.iter().take(HEADER_LINES);
    let Some(name) = header
        .filter_map(|line| crate::shapes::header::source_field(line).map(|(_, value)| value))
        .find(|value| NEWSPAPER_ENDINGS.iter().any(|e| value.ends_with(e)) && value.chars().count() <= 12)
    else {
        return;
    };
    let above = inputs.headline_lines.map_or(3, |(start, _)| start);
    let masthead =
        page.all.iter().take(above).any(|l| l.contains(&name) && crate::shapes::header::source_field(l).is_none())
            || page.hints.page_title.as_deref().is_some_and(|t| sifa_fold::fold(t).contains(&name));
    if !masthead {
        return;
    }
    let place = resolver.title_region(&name, inputs.context);
    let path: Vec<String> =
        place.map(|code| resolver.gazetteer().path(code).iter().map(|d| d.name.clone()).collect()).unwrap_or_default();
    let level = place.and_then(|code| resolver.gazetteer().get(code)).map_or(AgencyLevel::National, |d| d.level);
    found.push(Agency { name: name.clone(), path, level }, "newspaper", &name, score::NEWSPAPER);
}

#[cfg(test)]
mod tests {
    use crate::agency::tests::{read, read_at, rule_and_name};
    use crate::given::Given;

    #[test]
    fn the_place_whose_judicial_work_a_story_is_about() {
        let text = "标题\n6月2日,全市87个司法所举行挂牌仪式,安康司法所建设进入新阶段。宁陕县副县长参加。\n全市基层司法行政工作迈上新台阶。\n";
        let found = rule_and_name(read(text, Given::default(), Some("标题")));
        assert_eq!(found, ("subject_place".into(), "安康市司法局".into()));
        let text =
            "标题\n“过去普法是单打独斗。”黔南州司法局负责人说。全州普法工作纳入总体布局,黔南州建成法治宣传阵地。\n";
        assert_eq!(rule_and_name(read(text, Given::default(), Some("标题"))).1, "黔南布依族苗族自治州司法局", "全州");
        let text = "标题\n这几年,各地持续完善城乡法律服务网络,贵州建成服务站点八千多个,贵阳市覆盖率最高。\n";
        assert!(read(text, Given::default(), Some("标题")).is_none(), "no judicial organ is the subject");
        let title = "某某司法局关于考试有关事项的公告";
        let text = format!("{title}\n我省在淄博、东营设置考区。全省司法行政机关做好服务,山东省考生按时报名。\n");
        assert!(read(&text, Given::default(), Some(title)).is_none(), "a formal document names its issuer");
    }

    #[test]
    fn a_newspaper_on_its_own_site() {
        let title = "某市打造矛盾纠纷化解中心";
        let text = format!(
            "海峡法治报,让新闻离你更近!\n{title}\n作者:记者 某某   来源:海峡法治报   责任编辑:\n走进某市综治中心,受理窗口整齐排布。\n"
        );
        assert_eq!(
            rule_and_name(read(&text, Given::default(), Some(title))),
            ("newspaper".into(), "海峡法治报".into())
        );
        let title = "某省织密城乡法律服务网络";
        let text =
            format!("部门动态\n{title}\n来源:某省晚报  2022-03-16\n记者从座谈会上了解到,某省扩大法律服务覆盖面。\n");
        assert!(read(&text, Given::default(), Some(title)).is_none(), "a repost credits a paper");
    }

    #[test]
    fn publishers_of_sites() {
        let title = "行政长官会见某考察团";
        let text =
            format!("{title}\n2024年5月8日\n某考察团本周到访澳门,行政长官与考察团成员座谈。团长表示期待加强交流。\n");
        let found =
            read_at(&text, Given::default(), Some(title), Some("https://www.gcs.gov.mo/detail/zh-hans/N24EXAMPLE"));
        assert_eq!(rule_and_name(found), ("publisher_host".into(), "澳门特别行政区政府新闻局".into()));
        let title = "特首会见某代表团";
        let text = format!("{title}\n2022年11月2日\n某代表团今日抵港,与行政长官会面。某代表团团长表示愿深化合作。\n");
        let found =
            read_at(&text, Given::default(), Some(title), Some("https://www.info.gov.hk/gia/general/202211/02/1.htm"));
        assert_eq!(rule_and_name(found), ("publisher_host".into(), "香港特别行政区政府新闻处".into()));
        let text = "标题\n为深入推进某项工作,现将有关事项通知如下。\n";
        let found = read_at(text, Given::default(), Some("标题"), Some("https://www.moj.gov.cn/pub/sfbgw/1.html"));
        assert_eq!(rule_and_name(found).1, "司法部");
    }
}
