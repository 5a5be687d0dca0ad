//! References resolved to the documents they name: a title (without the
//! 中华人民共和国 prefix and version notes) or a document number, among
//! versions the one in force at the citing date; unresolved references are
//! kept as text. Every resolved reference is also a `cited_by` of its target.

use std::collections::{BTreeMap, HashMap};

use sifa_extract::citations::citation_key;
use sifa_model::PubDate;
use sifa_store::document::doc_no_key;
use sifa_store::links::{Cited, Links};

use super::LinkEntry;
use super::versions::Works;

/// Every reference resolved to the document it names, and `cited_by`.
pub(super) fn attach(entries: &[LinkEntry], works: &Works, links: &mut Links) {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_doc_no: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        if !entry.key.is_empty() {
            by_key.entry(entry.key.as_str()).or_default().push(i);
        }
        if let Some(doc_no) = &entry.doc_no {
            by_doc_no.entry(doc_no.as_str()).or_default().push(i);
        }
    }
    let mut cited_by: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (citing, entry) in entries.iter().enumerate() {
        let mut cites = Vec::new();
        for reference in &entry.references {
            let by_number =
                reference.doc_no.as_deref().and_then(doc_no_key).and_then(|key| by_doc_no.get(key.as_str()));
            let by_title = reference.title.as_deref().and_then(|t| by_key.get(citation_key(t).as_str()));
            let target = [by_number, by_title]
                .into_iter()
                .flatten()
                .find_map(|candidates| in_force(entries, candidates, citing, entry.date, works));
            if let Some(target) = target {
                let citers = cited_by.entry(target).or_default();
                if citers.last() != Some(&citing) {
                    citers.push(citing);
                }
            }
            let by_number = reference.title.is_none() && reference.doc_no.is_some();
            let title = reference.title.clone().or_else(|| reference.doc_no.clone()).unwrap_or_default();
            let id = target.map(|t| entries[t].id.clone());
            // 《法律援助法》 and 《中华人民共和国法律援助法》 in one text cite one law.
            match cites.iter_mut().find(|c: &&mut Cited| id.is_some() && c.id == id) {
                Some(same) => {
                    for article in &reference.articles {
                        if !same.articles.contains(article) {
                            same.articles.push(article.clone());
                        }
                    }
                }
                None => cites.push(Cited { title, id, articles: reference.articles.clone(), by_number }),
            }
        }
        if !cites.is_empty() {
            links.documents.entry(entry.id.clone()).or_default().cites = cites;
        }
    }
    for (target, citers) in cited_by {
        let ids = citers.into_iter().map(|i| entries[i].id.clone()).collect();
        links.documents.entry(entries[target].id.clone()).or_default().cited_by = ids;
    }
}

/// Of the documents a reference may name, the one it means: never the
/// citing document itself; among versions, the one in force at the citing
/// date (the latest not after it; the oldest when all are later; the
/// newest when the citing document is undated).
fn in_force(
    entries: &[LinkEntry],
    candidates: &[usize],
    citing: usize,
    citing_date: Option<PubDate>,
    works: &Works,
) -> Option<usize> {
    let mut others: Vec<usize> = candidates.iter().copied().filter(|&c| c != citing).collect();
    if others.is_empty() {
        return None;
    }
    // Versions of the citing document's own work are not what it cites.
    others.retain(|&c| !works.same_work(c, citing));
    others.sort_by(|&a, &b| entries[a].date.cmp(&entries[b].date).then_with(|| entries[a].id.cmp(&entries[b].id)));
    let chosen = match citing_date {
        None => others.last(),
        Some(date) => others.iter().rev().find(|&&c| entries[c].date.is_some_and(|d| d <= date)).or(others.first()),
    };
    chosen.copied()
}

#[cfg(test)]
mod tests {
    use sifa_model::Kind;
    use sifa_store::links::{Links, VersionStatus};

    use crate::links::testing::{NPC, publication, table};

    fn cited_ids<'a>(links: &'a Links, id: &str) -> Vec<Option<&'a str>> {
        links.of(id).map(|l| l.cites.iter().map(|c| c.id.as_deref()).collect()).unwrap_or_default()
    }

    #[test]
    fn a_short_name_resolves_to_the_version_in_force_at_the_citing_date() {
        let links = table(&[
            publication("old", "中华人民共和国示范法", "第一条 旧文。", Kind::Law, NPC, Some("2010-01-01")),
            publication(
                "new",
                "中华人民共和国示范法",
                "第一条 新文。",
                Kind::Law,
                Some("中华人民共和国全国人民代表大会常务委员会"),
                Some("2020-01-01"),
            ),
            publication(
                "n2015",
                "关于学习示范法的通知",
                "依照《示范法》第三条",
                Kind::Notice,
                None,
                Some("2015-06-01"),
            ),
            publication(
                "n2022",
                "关于学习示范法的通知（二）",
                "依照《中华人民共和国示范法》第三条",
                Kind::Notice,
                None,
                Some("2022-06-01"),
            ),
            publication("undated", "说明", "《示范法》第五条", Kind::Other, None, None),
        ]);
        assert_eq!(cited_ids(&links, "n2015"), [Some("old")]);
        assert_eq!(cited_ids(&links, "n2022"), [Some("new")]);
        assert_eq!(cited_ids(&links, "undated"), [Some("new")], "undated: the version in force now");
        assert_eq!(links.of("n2015").unwrap().cites[0].articles, ["3"]);
        assert_eq!(links.of("old").unwrap().cited_by, ["n2015"]);
        assert_eq!(links.of("new").unwrap().cited_by, ["n2022", "undated"]);
        let versions = links.versions_of("old").unwrap();
        assert_eq!(
            versions.iter().map(|v| (v.id.as_str(), v.status)).collect::<Vec<_>>(),
            [("old", VersionStatus::Amended), ("new", VersionStatus::Current)]
        );
        assert_eq!(links.superseded().collect::<Vec<_>>(), ["old"]);
    }

    #[test]
    fn unresolved_references_are_kept_as_text() {
        let links = table(&[publication(
            "n",
            "通知",
            "根据《某某省不存在条例》和某办〔2019〕12号文件",
            Kind::Notice,
            None,
            None,
        )]);
        let cites = &links.of("n").unwrap().cites;
        assert_eq!(
            cites.iter().map(|c| (c.title.as_str(), c.id.is_none(), c.by_number)).collect::<Vec<_>>(),
            [("某某省不存在条例", true, false), ("某办〔2019〕12号", true, true)],
            "a number is kept as a number, not as a title"
        );
    }

    #[test]
    fn a_document_number_resolves_to_the_numbered_document() {
        let mut numbered = publication("plan", "某局工作要点", "全文。", Kind::WorkPlan, None, Some("2021-01-05"));
        numbered.doc_no = Some("某司发〔2021〕3号".into());
        let links =
            table(&[numbered, publication("news", "落实要点", "按照某司发[2021]3号文件部署", Kind::News, None, None)]);
        assert_eq!(cited_ids(&links, "news"), [Some("plan")]);
    }
}
