//! Computing the links of a generation from what each publication says:
//! citations resolved to documents (the version in force at the citing
//! date), versions of one work, reposts of one publication.
//!
//! Each publication is first reduced to a [`LinkEntry`] (its keys, its
//! references, a MinHash signature of its text); the table is then built
//! from all entries at once, because a reference can only be resolved once
//! every title is known. A reindex makes entries while it writes; `add` and
//! `delete` make them from the stored documents.

use std::collections::{BTreeMap, HashMap};

use gaoya::minhash::{MinHashIndex, MinHasher, MinHasher32};
use sifa_extract::citations::{self, Reference};
use sifa_model::{Kind, PubDate, Publication};
use sifa_store::document::doc_no_key;
use sifa_store::links::{Cited, Copy, Links, Version, VersionStatus};

/// MinHash functions per signature: 16 bands of 4 rows, so pairs with a
/// Jaccard similarity above about 0.5 become candidates.
const BANDS: usize = 16;
const BAND_WIDTH: usize = 4;
/// Characters per shingle: 4 Han characters rarely repeat by chance.
const SHINGLE_CHARS: usize = 4;
/// How much of a text (letters and digits, folded) its signature covers:
/// reposts share their opening; whole laws would only cost time.
const SIGNATURE_CHARS: usize = 2000;
/// Texts shorter than this (letters and digits) are too short to tell a
/// repost from a formula every notice uses.
const MIN_SIGNATURE_CHARS: usize = 80;
/// The estimated Jaccard similarity of shingles from which two texts are
/// copies of one publication, chosen from the measured distribution (the
/// README's links section): on the shared corpus, copies of one
/// publication with the same headline score 0.875 and above, while formula
/// news of different events with the same headline (晋升上将军衔仪式) score
/// 0.80 and below; no two pages of the development set come near.
pub const REPOST_SIMILARITY: f64 = 0.85;
/// Pairs the LSH index hands over for a closer look.
const CANDIDATE_SIMILARITY: f64 = 0.5;
/// Copies of one publication appear within this many days of each other;
/// a formula news item of every year (纪念日, 新年贺词) is not a repost.
const REPOST_WITHIN_DAYS: i64 = 90;

/// What links need to know of one publication.
#[derive(Debug, Clone)]
pub struct LinkEntry {
    pub id: String,
    key: String,
    kind: Kind,
    date: Option<PubDate>,
    doc_no: Option<String>,
    url: Option<String>,
    /// The folded title's letters and digits without a site suffix: copies
    /// of one publication keep their headline.
    headline: String,
    references: Vec<Reference>,
    repealed: Vec<String>,
    signature: Option<Vec<u32>>,
}

/// The MinHash family shared by every entry of a build.
pub struct Signer(MinHasher32<gaoya::minhash::SipHasher24BuildHasher>);

impl Default for Signer {
    fn default() -> Self {
        Self(MinHasher32::new_with_hasher(BANDS * BAND_WIDTH, gaoya::minhash::SipHasher24BuildHasher::default()))
    }
}

impl Signer {
    fn signature(&self, folded_body: &str) -> Option<Vec<u32>> {
        let chars: Vec<char> = folded_body.chars().filter(|c| c.is_alphanumeric()).take(SIGNATURE_CHARS).collect();
        if chars.len() < MIN_SIGNATURE_CHARS {
            return None;
        }
        Some(self.0.create_signature(chars.windows(SHINGLE_CHARS)))
    }
}

impl LinkEntry {
    /// The entry of `publication`.
    pub fn of(publication: &Publication, signer: &Signer) -> Self {
        Self::of_folded(publication, &sifa_fold::fold(&publication.body), signer)
    }

    /// The entry of `publication` whose body folds to `folded_body`: a
    /// reindex folds each text once for the document and its entry.
    pub fn of_folded(publication: &Publication, folded_body: &str, signer: &Signer) -> Self {
        let doc_no = publication.doc_no.as_deref().and_then(doc_no_key);
        // A text that prints its own number does not cite itself.
        let mut references = citations::references(&publication.title, &publication.body);
        references.retain(|r| r.title.is_some() || r.doc_no.as_deref().and_then(doc_no_key) != doc_no);
        Self {
            id: publication.id.clone(),
            key: citations::citation_key(&publication.title),
            kind: publication.kind,
            date: publication.date,
            doc_no,
            url: publication.url.clone(),
            headline: headline(&publication.title),
            references,
            repealed: citations::repealed_titles(&publication.body)
                .iter()
                .map(|t| citations::citation_key(t))
                .collect(),
            signature: signer.signature(folded_body),
        }
    }
}

/// A title without the site name a page appends (…的通知_某某网,
/// …通知 - 某某政府网), folded, letters and digits only.
fn headline(title: &str) -> String {
    let folded = sifa_fold::fold(title);
    let without_site = match folded.rfind(['_', '|', '｜']).or_else(|| folded.rfind(" - ")) {
        Some(cut) if folded[..cut].chars().count() >= 6 && folded[cut..].chars().count() <= 24 => &folded[..cut],
        _ => folded.as_str(),
    };
    without_site.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Kinds that come in versions and are cited by title.
fn is_law_like(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Law
            | Kind::Regulation
            | Kind::LocalRegulation
            | Kind::JudicialInterpretation
            | Kind::DepartmentalRule
            | Kind::Rule
    )
}

/// The links of a generation whose publications are `entries`.
pub fn compute(entries: &[LinkEntry]) -> Links {
    let mut links = Links::default();
    let groups = version_groups(entries);
    for (number, members) in groups.iter().enumerate() {
        for &i in members {
            links.documents.entry(entries[i].id.clone()).or_default().version_group = Some(number);
        }
    }
    links.version_groups = groups.iter().map(|members| versions(entries, members)).collect();
    mark_repealed(entries, &groups, &mut links);
    resolve_citations(entries, &groups, &mut links);
    let reposts = repost_groups(entries, &groups);
    for (number, members) in reposts.iter().enumerate() {
        for &i in members {
            links.documents.entry(entries[i].id.clone()).or_default().repost_group = Some(number);
        }
    }
    links.repost_groups = reposts.iter().map(|members| copies(entries, members)).collect();
    links
}

/// Groups of law-like entries with one key and more than one date, oldest
/// first. Entries of one date (the books of one code) are parts of one
/// version, not versions. The issuer is not compared: sources spell one
/// issuer many ways, while a law-like title names its place.
fn version_groups(entries: &[LinkEntry]) -> Vec<Vec<usize>> {
    let mut by_work: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate().filter(|(_, e)| is_law_like(e.kind) && !e.key.is_empty()) {
        by_work.entry(entry.key.as_str()).or_default().push(i);
    }
    by_work
        .into_values()
        .filter_map(|mut members| {
            members.sort_by(|&a, &b| {
                entries[a].date.cmp(&entries[b].date).then_with(|| entries[a].id.cmp(&entries[b].id))
            });
            let dates: std::collections::BTreeSet<_> = members.iter().map(|&i| entries[i].date).collect();
            (dates.len() > 1).then_some(members)
        })
        .collect()
}

/// The versions of a group: the newest date is current, older ones amended.
fn versions(entries: &[LinkEntry], members: &[usize]) -> Vec<Version> {
    let newest = members.iter().map(|&i| entries[i].date).max().flatten();
    members
        .iter()
        .map(|&i| {
            let entry = &entries[i];
            let status = if entry.date == newest { VersionStatus::Current } else { VersionStatus::Amended };
            Version { id: entry.id.clone(), date: entry.date.map(|d| d.to_string()), status }
        })
        .collect()
}

/// Works that a later text says it repeals: every version is repealed;
/// a work of one version gets a group of its own to say so.
fn mark_repealed(entries: &[LinkEntry], groups: &[Vec<usize>], links: &mut Links) {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, entry) in entries.iter().enumerate().filter(|(_, e)| is_law_like(e.kind)) {
        by_key.entry(entry.key.as_str()).or_default().push(i);
    }
    for repealer in entries.iter().filter(|e| !e.repealed.is_empty()) {
        for key in &repealer.repealed {
            let Some(targets) = by_key.get(key.as_str()) else { continue };
            let newest = targets.iter().map(|&i| entries[i].date).max().flatten();
            let later = match (repealer.date, newest) {
                (Some(repealing), Some(newest)) => repealing >= newest,
                _ => true,
            };
            if !later || targets.iter().any(|&i| entries[i].id == repealer.id) {
                continue;
            }
            let group = match links.of(&entries[targets[0]].id).and_then(|l| l.version_group) {
                Some(group) => group,
                None => {
                    links.version_groups.push(Vec::new());
                    let group = links.version_groups.len() - 1;
                    for &i in targets {
                        let entry = &entries[i];
                        links.documents.entry(entry.id.clone()).or_default().version_group = Some(group);
                        links.version_groups[group].push(Version {
                            id: entry.id.clone(),
                            date: entry.date.map(|d| d.to_string()),
                            status: VersionStatus::Repealed,
                        });
                    }
                    group
                }
            };
            for version in &mut links.version_groups[group] {
                version.status = VersionStatus::Repealed;
            }
        }
    }
    let _ = groups;
}

/// Every reference resolved to the document it names, and `cited_by`.
fn resolve_citations(entries: &[LinkEntry], groups: &[Vec<usize>], links: &mut Links) {
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
    let group_of: HashMap<usize, usize> =
        groups.iter().enumerate().flat_map(|(g, members)| members.iter().map(move |&i| (i, g))).collect();
    let mut cited_by: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (citing, entry) in entries.iter().enumerate() {
        let mut cites = Vec::new();
        for reference in &entry.references {
            let by_number =
                reference.doc_no.as_deref().and_then(doc_no_key).and_then(|key| by_doc_no.get(key.as_str()));
            let by_title = reference.title.as_deref().and_then(|t| by_key.get(citations::citation_key(t).as_str()));
            let target = [by_number, by_title]
                .into_iter()
                .flatten()
                .find_map(|candidates| in_force(entries, candidates, citing, entry.date, &group_of));
            if let Some(target) = target {
                let citers = cited_by.entry(target).or_default();
                if citers.last() != Some(&citing) {
                    citers.push(citing);
                }
            }
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
                None => cites.push(Cited { title, id, articles: reference.articles.clone() }),
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
    group_of: &HashMap<usize, usize>,
) -> Option<usize> {
    let mut others: Vec<usize> = candidates.iter().copied().filter(|&c| c != citing).collect();
    if others.is_empty() {
        return None;
    }
    // Versions of the citing document's own work are not what it cites.
    if let Some(own) = group_of.get(&citing) {
        others.retain(|c| group_of.get(c) != Some(own));
    }
    others.sort_by(|&a, &b| entries[a].date.cmp(&entries[b].date).then_with(|| entries[a].id.cmp(&entries[b].id)));
    let chosen = match citing_date {
        None => others.last(),
        Some(date) => others.iter().rev().find(|&&c| entries[c].date.is_some_and(|d| d <= date)).or(others.first()),
    };
    chosen.copied()
}

/// Groups of copies of one publication: similar texts with similar titles,
/// never two versions of one work.
fn repost_groups(entries: &[LinkEntry], groups: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let group_of: HashMap<usize, usize> =
        groups.iter().enumerate().flat_map(|(g, members)| members.iter().map(move |&i| (i, g))).collect();
    let mut index: MinHashIndex<u32, usize> = MinHashIndex::new(BANDS, BAND_WIDTH, CANDIDATE_SIMILARITY);
    for (i, entry) in entries.iter().enumerate() {
        if let Some(signature) = &entry.signature {
            index.insert(i, signature.clone());
        }
    }
    let mut parent: Vec<usize> = (0..entries.len()).collect();
    for (i, entry) in entries.iter().enumerate() {
        let Some(signature) = &entry.signature else { continue };
        for (j, similarity) in index.query_owned_return_similarity(signature) {
            let same_work = group_of.get(&i).is_some_and(|g| group_of.get(&j) == Some(g));
            if j > i && similarity >= REPOST_SIMILARITY && !same_work && are_copies(entry, &entries[j]) {
                union(&mut parent, i, j);
            }
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

/// Recomputes the links of the live generation `open` from its stored
/// documents and replaces its links file (after `add` and `delete`).
pub fn refresh(open: &sifa_store::OpenIndex) -> Result<LinksSummary, crate::IndexError> {
    let searcher = open.index.reader()?.searcher();
    let signer = Signer::default();
    let mut entries = Vec::with_capacity(searcher.num_docs() as usize);
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in segment.doc_ids_alive() {
            let stored: tantivy::TantivyDocument = searcher.doc(tantivy::DocAddress::new(ord as u32, doc))?;
            let publication = sifa_store::from_document_without_evidence(&open.schema, &stored);
            entries.push(LinkEntry::of(&publication, &signer));
        }
    }
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let links = compute(&entries);
    links.write(&open.location.generation_path(&open.generation))?;
    Ok(LinksSummary::of(&links))
}

/// Counts for the links summary of a reindex.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LinksSummary {
    pub references: u64,
    pub resolved: u64,
    pub version_groups: u64,
    pub repost_groups: u64,
    pub reposted_copies: u64,
}

impl LinksSummary {
    pub fn of(links: &Links) -> Self {
        let cites = links.documents.values().flat_map(|d| &d.cites);
        let (references, resolved) = cites.fold((0, 0), |(n, r), c| (n + 1, r + u64::from(c.id.is_some())));
        Self {
            references,
            resolved,
            version_groups: links.version_groups.len() as u64,
            repost_groups: links.repost_groups.len() as u64,
            reposted_copies: links.repost_groups.iter().map(|g| g.len() as u64).sum(),
        }
    }
}

#[cfg(test)]
mod tests {
    use sifa_model::{AgencyLevel, SourceRef};

    use super::*;

    fn publication(
        id: &str,
        title: &str,
        body: &str,
        kind: Kind,
        agency: Option<&str>,
        date: Option<&str>,
    ) -> Publication {
        let mut p = Publication::new(id, title, body, SourceRef { path: format!("{id}.txt"), line: None });
        p.kind = kind;
        p.agency = agency.map(str::to_string);
        p.agency_level = Some(AgencyLevel::National);
        p.date = date.map(|d| d.parse().unwrap());
        p
    }

    const NPC: Option<&str> = Some("全国人民代表大会常务委员会");

    fn table(publications: &[Publication]) -> Links {
        let signer = Signer::default();
        compute(&publications.iter().map(|p| LinkEntry::of(p, &signer)).collect::<Vec<_>>())
    }

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
            cites.iter().map(|c| (c.title.as_str(), c.id.is_none())).collect::<Vec<_>>(),
            [("某某省不存在条例", true), ("某办〔2019〕12号", true)]
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

    #[test]
    fn a_repeal_statement_marks_the_work_repealed() {
        let links = table(&[
            publication(
                "old",
                "某某省法律援助规定",
                "旧规定。",
                Kind::LocalRegulation,
                Some("某某省人民代表大会常务委员会"),
                Some("2003-01-01"),
            ),
            publication(
                "new",
                "某某省法律援助条例",
                "本条例自2024年1月1日起施行。《某某省法律援助规定》同时废止。",
                Kind::LocalRegulation,
                None,
                Some("2023-11-30"),
            ),
        ]);
        let versions = links.versions_of("old").unwrap();
        assert_eq!(versions.len(), 1);
        assert_eq!(versions[0].status, VersionStatus::Repealed);
    }

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
    fn hosts_of_urls() {
        assert_eq!(host("http://user@sfj.example.gov.cn:8080/a?b"), Some("sfj.example.gov.cn"));
        assert_eq!(host("not a url"), None);
    }
}
