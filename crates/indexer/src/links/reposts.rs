//! Copies of one publication on several sites: texts whose signatures
//! say they are near-identical, with the same headline and dates close
//! together, never two versions of one work. The official site's copy
//! stands for the group, then the earliest.

use std::collections::BTreeMap;

use sifa_model::PubDate;
use sifa_store::links::{Copy, Links};

use super::LinkEntry;
use super::signatures::similar_pairs;
use super::versions::Works;

/// The estimated Jaccard similarity of shingles from which two texts are
/// copies of one publication, chosen from the measured distribution (the
/// README's links section): on the shared corpus, copies of one
/// publication with the same headline score 0.875 and above, while formula
/// news of different events with the same headline (晋升上将军衔仪式) score
/// 0.80 and below; no two pages of the development set come near.
pub const REPOST_SIMILARITY: f64 = 0.85;
/// Copies of one publication appear within this many days of each other;
/// a formula news item of every year (纪念日, 新年贺词) is not a repost.
const REPOST_WITHIN_DAYS: i64 = 90;

/// Puts the repost groups into `links`.
pub(super) fn attach(entries: &[LinkEntry], works: &Works, links: &mut Links) {
    let groups = repost_groups(entries, works);
    for (number, members) in groups.iter().enumerate() {
        for &i in members {
            links.documents.entry(entries[i].id.clone()).or_default().repost_group = Some(number);
        }
    }
    links.repost_groups = groups.iter().map(|members| copies(entries, members)).collect();
}

/// A title without the site name a page appends (…的通知_某某网,
/// …通知 - 某某政府网), folded, letters and digits only.
pub(super) fn headline(title: &str) -> String {
    let folded = sifa_fold::fold(title);
    let without_site = match folded.rfind(['_', '|', '｜']).or_else(|| folded.rfind(" - ")) {
        Some(cut) if folded[..cut].chars().count() >= 6 && folded[cut..].chars().count() <= 24 => &folded[..cut],
        _ => folded.as_str(),
    };
    without_site.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Groups of copies of one publication: similar texts with similar titles,
/// never two versions of one work. The most similar pairs join first, so
/// that a copy (an undated one, say) that resembles two versions joins the
/// one it copies, and no join brings two versions into one group.
fn repost_groups(entries: &[LinkEntry], works: &Works) -> Vec<Vec<usize>> {
    let mut pairs = Vec::new();
    similar_pairs(entries, |i, j, similarity| {
        if similarity >= REPOST_SIMILARITY && !works.same_work(i, j) && are_copies(&entries[i], &entries[j]) {
            pairs.push((similarity, i, j));
        }
    });
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut parent: Vec<usize> = (0..entries.len()).collect();
    // The works with a version in each group, by the group's root.
    let mut works_in: BTreeMap<usize, Vec<usize>> =
        (0..entries.len()).filter_map(|i| works.of(i).map(|work| (i, vec![work]))).collect();
    for (_, i, j) in pairs {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj {
            continue;
        }
        let clash = match (works_in.get(&ri), works_in.get(&rj)) {
            (Some(a), Some(b)) => a.iter().any(|work| b.contains(work)),
            _ => false,
        };
        if clash {
            continue;
        }
        union(&mut parent, ri, rj);
        let mut merged = works_in.remove(&ri).unwrap_or_default();
        merged.extend(works_in.remove(&rj).unwrap_or_default());
        if !merged.is_empty() {
            works_in.insert(find(&mut parent, ri), merged);
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..entries.len() {
        let root = find(&mut parent, i);
        by_root.entry(root).or_default().push(i);
    }
    by_root
        .into_values()
        .filter(|members| members.len() > 1)
        .map(|mut members| {
            members.sort_by_key(|&i| representative_rank(&entries[i]));
            members
        })
        .collect()
}

/// Whether two similar texts are copies of one publication: the same
/// headline (one may carry a few more characters, such as a 转载 mark) and
/// dates, where both are known, close together.
fn are_copies(a: &LinkEntry, b: &LinkEntry) -> bool {
    let (short, long) =
        if a.headline.len() <= b.headline.len() { (&a.headline, &b.headline) } else { (&b.headline, &a.headline) };
    let same_headline =
        !short.is_empty() && long.contains(short.as_str()) && long.chars().count() <= short.chars().count() + 4;
    let close = match (a.date, b.date) {
        (Some(x), Some(y)) => (x.days_since_epoch() - y.days_since_epoch()).abs() <= REPOST_WITHIN_DAYS,
        _ => true,
    };
    same_headline && close
}

/// The most authoritative copy first: an official site over a mirror,
/// then the earliest, then the id.
fn representative_rank(entry: &LinkEntry) -> (bool, bool, Option<PubDate>, String) {
    let official = entry.url.as_deref().and_then(host).is_some_and(|h| h.ends_with(".gov.cn"));
    (!official, entry.date.is_none(), entry.date, entry.id.clone())
}

fn copies(entries: &[LinkEntry], members: &[usize]) -> Vec<Copy> {
    members
        .iter()
        .map(|&i| {
            let url = entries[i].url.clone();
            Copy { id: entries[i].id.clone(), site: url.as_deref().and_then(host).map(str::to_string), url }
        })
        .collect()
}

/// The host of a web address.
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut root = i;
    while parent[root] != root {
        root = parent[root];
    }
    let mut node = i;
    while parent[node] != root {
        let next = parent[node];
        parent[node] = root;
        node = next;
    }
    root
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use sifa_model::Kind;

    use super::host;
    use crate::links::testing::{publication, table};

    fn notice_text(furniture: &str) -> String {
        let body = "为深入推进公共法律服务体系建设，进一步提升法律援助质效，现就做好本年度法律援助工作通知如下：一、扩大法律援助覆盖面，降低经济困难标准，将更多群众纳入援助范围。二、加强值班律师工作，推动法律援助工作站进驻看守所和人民法院。三、强化质量监管，落实案件回访和评估制度，确保每一件案件办理质量。";
        format!("{furniture}\n{body}\n{furniture}")
    }

    #[test]
    fn reposts_with_other_furniture_or_in_traditional_script_are_one_group() {
        let mut official = publication(
            "gov",
            "关于做好法律援助工作的通知",
            &notice_text("首页 > 通知公告"),
            Kind::Notice,
            None,
            Some("2024-03-01"),
        );
        official.url = Some("http://sfj.example.gov.cn/tzgg/1.html".into());
        let mut mirror = publication(
            "mirror",
            "关于做好法律援助工作的通知_某某资讯网",
            &notice_text("来源：某某资讯网 责任编辑：张三"),
            Kind::Notice,
            None,
            Some("2024-03-02"),
        );
        mirror.url = Some("https://news.example.com/a/2.html".into());
        let traditional_text = "為深入推進公共法律服務體系建設，進一步提升法律援助質效，現就做好本年度法律援助工作通知如下：一、擴大法律援助覆蓋面，降低經濟困難標準，將更多群眾納入援助範圍。二、加強值班律師工作，推動法律援助工作站進駐看守所和人民法院。三、強化質量監管，落實案件回訪和評估制度，確保每一件案件辦理質量。";
        let traditional = publication("trad", "關於做好法律援助工作的通知", traditional_text, Kind::Notice, None, None);
        let other = publication(
            "other",
            "关于做好法律援助工作的通知",
            "另一份通知的全文，讲的是完全不同的安排：组织律师开展普法讲座，走进社区和学校，宣讲民法典和未成年人保护法的有关规定，时间为每周三下午，地点在区公共法律服务中心。",
            Kind::Notice,
            None,
            None,
        );
        let links = table(&[mirror, official, traditional, other]);
        let copies = links.copies_of("gov").expect("a repost group");
        assert_eq!(
            copies.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["gov", "mirror", "trad"],
            "the official copy first"
        );
        assert_eq!(copies[1].site.as_deref(), Some("news.example.com"));
        assert!(links.copies_of("other").is_none(), "the same title with other text is not a repost");
        assert_eq!(links.repost_copies().collect::<Vec<_>>(), ["mirror", "trad"]);
    }

    #[test]
    fn versions_of_one_law_are_never_reposts_of_each_other() {
        let text = notice_text("");
        let links = table(&[
            publication("v1", "某某条例", &text, Kind::Regulation, Some("国务院"), Some("2010-01-01")),
            publication(
                "v2",
                "某某条例",
                &format!("{text}第九条 新增。"),
                Kind::Regulation,
                Some("国务院"),
                Some("2020-01-01"),
            ),
        ]);
        assert!(links.repost_groups.is_empty());
        assert_eq!(links.version_groups.len(), 1);
    }

    #[test]
    fn an_undated_copy_of_a_dated_regulation_is_a_repost_not_an_older_version() {
        let text = notice_text("");
        let mut official =
            publication("gov", "某某省法律援助条例", &text, Kind::Regulation, Some("国务院"), Some("2020-01-01"));
        official.url = Some("http://www.example.gov.cn/zcfg/1.html".into());
        let links = table(&[
            official,
            publication(
                "undated",
                "某某省法律援助条例_某某法规库",
                &notice_text("来源：某某法规库"),
                Kind::Regulation,
                None,
                None,
            ),
        ]);
        assert!(links.version_groups.is_empty(), "one date is one version");
        let copies = links.copies_of("undated").expect("a repost group");
        assert_eq!(copies.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["gov", "undated"]);
    }

    #[test]
    fn an_undated_copy_beside_two_versions_joins_neither_as_a_version() {
        let text = notice_text("");
        let newer = format!("{text}第九条 新增。");
        let links = table(&[
            publication("v1", "某某条例", &text, Kind::Regulation, Some("国务院"), Some("2010-01-01")),
            publication("v2", "某某条例", &newer, Kind::Regulation, Some("国务院"), Some("2020-01-01")),
            publication("copy", "某某条例", &newer, Kind::Regulation, None, None),
        ]);
        assert_eq!(links.version_groups.len(), 1);
        let versions: Vec<&str> = links.version_groups[0].iter().map(|v| v.id.as_str()).collect();
        assert_eq!(versions, ["v1", "v2"], "the undated copy is no older version");
        let copies = links.copies_of("copy").expect("the copy groups with the text it copies");
        assert_eq!(copies.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["v2", "copy"]);
    }

    #[test]
    fn hosts_of_urls() {
        assert_eq!(host("http://user@sfj.example.gov.cn:8080/a?b"), Some("sfj.example.gov.cn"));
        assert_eq!(host("not a url"), None);
    }
}
