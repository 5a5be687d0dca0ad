//! Links at query time: the generation's links table, and per segment the
//! documents it hides (versions not in force, copies of a reposted
//! publication) and the citation counts it sorts by.
//!
//! The table is read when a snapshot opens and again when `sifa add` or
//! `sifa delete` replace it ([`LinksView::is_stale`]). Per-segment views are
//! built on first use by looking each id up in the segment's term
//! dictionary, and kept: segments never change.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use sifa_store::Links;
use sifa_store::links::LINKS_FILE;
use tantivy::index::SegmentId;
use tantivy::query::{BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

use crate::QueryError;

/// The links table of a generation, with what queries need from it.
pub struct LinksView {
    pub table: Links,
    path: PathBuf,
    /// Modification time and length of the file read, to notice a new one.
    stamp: Option<(SystemTime, u64)>,
    id_field: Field,
    segments: Mutex<HashMap<SegmentId, Arc<SegmentLinks>>>,
    /// The values of dimensions computed from this table, per segment
    /// and dimension (see `crate::computed`).
    pub(crate) columns: Mutex<HashMap<(SegmentId, usize), Arc<Column>>>,
}

/// Each document's value of a dimension computed from the links, in one
/// segment: its place in the dimension's vocabulary, or [`NO_VALUE`].
pub(crate) type Column = Vec<u8>;
pub(crate) const NO_VALUE: u8 = u8::MAX;

/// The links of one segment, by document.
struct SegmentLinks {
    cited_by: Vec<u32>,
    /// What [`Visible`] matches, by what it hides (superseded versions,
    /// copies, or both), built once per segment: a search copies the set
    /// instead of walking every document of the segment again.
    visible: [BitSet; 3],
}

impl SegmentLinks {
    /// The documents left visible when `superseded` and/or `copies` are hidden.
    fn visible(&self, hide_superseded: bool, hide_copies: bool) -> Option<&BitSet> {
        match (hide_superseded, hide_copies) {
            (true, false) => Some(&self.visible[0]),
            (false, true) => Some(&self.visible[1]),
            (true, true) => Some(&self.visible[2]),
            (false, false) => None,
        }
    }
}

/// All documents below `max_doc` but those of the `hidden` sets.
fn all_but(max_doc: DocId, hidden: &[&BitSet]) -> BitSet {
    let mut visible = BitSet::with_max_value_and_full(max_doc);
    for set in hidden.iter().filter(|set| set.len() > 0) {
        for doc in 0..max_doc {
            if set.contains(doc) {
                visible.remove(doc);
            }
        }
    }
    visible
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl LinksView {
    /// Reads the links of the generation in `generation_dir`.
    pub fn load(generation_dir: &Path, id_field: Field) -> Result<Self, QueryError> {
        let path = generation_dir.join(LINKS_FILE);
        let stamp = stamp(&path);
        let table = Links::read(generation_dir)?;
        let (segments, columns) = (Mutex::new(HashMap::new()), Mutex::new(HashMap::new()));
        Ok(Self { table, path, stamp, id_field, segments, columns })
    }

    /// The field documents are found by, by id.
    pub(crate) fn id_field(&self) -> Field {
        self.id_field
    }

    /// Whether the file changed since it was read.
    pub fn is_stale(&self) -> bool {
        stamp(&self.path) != self.stamp
    }

    fn segment(&self, reader: &SegmentReader) -> tantivy::Result<Arc<SegmentLinks>> {
        let key = reader.segment_id();
        if let Some(found) = self.segments.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(found.clone());
        }
        let index = reader.inverted_index(self.id_field)?;
        let max_doc = reader.max_doc();
        let docs_of = |id: &str| -> tantivy::Result<Vec<DocId>> {
            let term = Term::from_field_text(self.id_field, id);
            let mut docs = Vec::new();
            if let Some(mut postings) = index.read_postings(&term, IndexRecordOption::Basic)? {
                while postings.doc() != TERMINATED {
                    docs.push(postings.doc());
                    postings.advance();
                }
            }
            Ok(docs)
        };
        let mut superseded = BitSet::with_max_value(max_doc);
        for id in self.table.superseded() {
            for doc in docs_of(id)? {
                superseded.insert(doc);
            }
        }
        let mut copies = BitSet::with_max_value(max_doc);
        for id in self.table.repost_copies() {
            for doc in docs_of(id)? {
                copies.insert(doc);
            }
        }
        let mut cited_by = Vec::new();
        for (id, links) in self.table.documents.iter().filter(|(_, l)| !l.cited_by.is_empty()) {
            for doc in docs_of(id)? {
                if cited_by.is_empty() {
                    cited_by = vec![0; max_doc as usize];
                }
                cited_by[doc as usize] = links.cited_by.len() as u32;
            }
        }
        let visible =
            [all_but(max_doc, &[&superseded]), all_but(max_doc, &[&copies]), all_but(max_doc, &[&superseded, &copies])];
        let view = Arc::new(SegmentLinks { cited_by, visible });
        self.segments.lock().unwrap_or_else(|e| e.into_inner()).insert(key, view.clone());
        Ok(view)
    }

    /// How many documents cite `doc` of `reader`, for `sort=cited_by`.
    pub(crate) fn cited_by_counts(&self, reader: &SegmentReader) -> Option<Arc<dyn Fn(DocId) -> u32 + Send + Sync>> {
        let segment = self.segment(reader).ok()?;
        Some(Arc::new(move |doc| segment.cited_by.get(doc as usize).copied().unwrap_or(0)))
    }

    /// Ids of the documents that cite `id`.
    pub fn citing(&self, id: &str) -> &[String] {
        self.table.of(id).map_or(&[], |l| l.cited_by.as_slice())
    }
}

/// Matches the documents the links table leaves visible: all but the
/// versions older than their work's newest (unless every version is asked
/// for) and the copies of a reposted publication other than its
/// representative (unless collapsing is off). Used as a `Must` filter
/// rather than a `MustNot`, so searches with exclusions of their own keep
/// a single exclusion set.
#[derive(Clone)]
pub struct Visible {
    pub view: Arc<LinksView>,
    pub hide_superseded: bool,
    pub hide_copies: bool,
}

impl std::fmt::Debug for Visible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Visible(superseded hidden: {}, copies hidden: {})", self.hide_superseded, self.hide_copies)
    }
}

impl Query for Visible {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for Visible {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let segment = self.view.segment(reader)?;
        let visible = match segment.visible(self.hide_superseded, self.hide_copies) {
            Some(visible) => visible.clone(),
            None => BitSet::with_max_value_and_full(reader.max_doc()),
        };
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(visible), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("visible in the links table", 0.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} is hidden by the links table")))
        }
    }
}

#[cfg(test)]
mod tests {
    use sifa_model::Kind;
    use sifa_store::Links;
    use sifa_store::links::{Cited, Copy, Version, VersionStatus};

    use crate::testing::{Fixture, dated, request};

    /// Two versions of a law, two notices citing it, one reposted.
    fn fixture() -> Fixture {
        let publications = [
            dated("v1", "中华人民共和国示范法", "第一条 为了示范，制定本法。旧文。", Kind::Law, Some("2010-01-01")),
            dated("v2", "中华人民共和国示范法", "第一条 为了示范，制定本法。新文。", Kind::Law, Some("2020-01-01")),
            dated("n1", "关于学习示范法的通知", "依照《示范法》第三条，组织学习。", Kind::Notice, Some("2021-03-01")),
            dated(
                "n1-copy",
                "关于学习示范法的通知",
                "依照《示范法》第三条，组织学习。转载。",
                Kind::Notice,
                Some("2021-03-02"),
            ),
            dated(
                "n2",
                "示范法宣传月活动",
                "宣传《中华人民共和国示范法》第三条、第五条和《某条例》。",
                Kind::News,
                Some("2022-05-01"),
            ),
        ];
        let mut links = Links::default();
        links.version_groups.push(vec![
            Version { id: "v1".into(), date: Some("2010-01-01".into()), status: VersionStatus::Amended },
            Version { id: "v2".into(), date: Some("2020-01-01".into()), status: VersionStatus::Current },
        ]);
        links.repost_groups.push(vec![
            Copy {
                id: "n1".into(),
                url: Some("http://sfj.example.gov.cn/1.html".into()),
                site: Some("sfj.example.gov.cn".into()),
            },
            Copy {
                id: "n1-copy".into(),
                url: Some("https://mirror.example.com/2".into()),
                site: Some("mirror.example.com".into()),
            },
        ]);
        for id in ["v1", "v2"] {
            links.documents.entry(id.into()).or_default().version_group = Some(0);
        }
        for id in ["n1", "n1-copy"] {
            links.documents.entry(id.into()).or_default().repost_group = Some(0);
        }
        let cite = |id: Option<&str>, title: &str, articles: &[&str]| Cited {
            title: title.into(),
            id: id.map(str::to_string),
            articles: articles.iter().map(|a| a.to_string()).collect(),
            by_number: false,
        };
        links.documents.entry("n1".into()).or_default().cites = vec![cite(Some("v2"), "中华人民共和国示范法", &["3"])];
        links.documents.entry("n1-copy".into()).or_default().cites =
            vec![cite(Some("v2"), "中华人民共和国示范法", &["3"])];
        links.documents.entry("n2".into()).or_default().cites =
            vec![cite(Some("v2"), "中华人民共和国示范法", &["3", "5"]), cite(None, "某条例", &[])];
        links.documents.entry("v2".into()).or_default().cited_by = vec!["n1".into(), "n1-copy".into(), "n2".into()];
        Fixture::of(&publications, &links)
    }

    fn ids(response: &crate::SearchResponse) -> Vec<&str> {
        response.hits.iter().map(|h| h.id.as_str()).collect()
    }

    #[test]
    fn the_current_version_stands_for_its_work_unless_all_are_asked_for() {
        let fixture = fixture();
        let snapshot = fixture.engine().snapshot();
        let current = snapshot.search(&request("示范法", &[("kind", "law")])).unwrap();
        assert_eq!(ids(&current), ["v2"]);
        assert_eq!(current.hits[0].versions, Some(2));
        let all = snapshot.search(&request("示范法", &[("kind", "law"), ("version", "all")])).unwrap();
        assert_eq!(all.total, 2);
    }

    #[test]
    fn copies_of_a_repost_count_once_unless_collapsing_is_off() {
        let fixture = fixture();
        let snapshot = fixture.engine().snapshot();
        let collapsed = snapshot.search(&request("学习", &[])).unwrap();
        assert_eq!(ids(&collapsed), ["n1"], "the official copy stands for the group");
        assert_eq!(collapsed.hits[0].reposts, Some(1));
        let every = snapshot.search(&request("学习", &[("collapse", "false")])).unwrap();
        assert_eq!(every.total, 2);
    }

    #[test]
    fn citing_publications_are_filtered_and_sorted_by_citations() {
        let fixture = fixture();
        let snapshot = fixture.engine().snapshot();
        let citing = snapshot.search(&request("", &[("cites", "v2")])).unwrap();
        assert_eq!(ids(&citing), ["n2", "n1"], "newest first; the copy collapsed");
        let by_citations = snapshot.search(&request("", &[("sort", "cited_by"), ("version", "all")])).unwrap();
        assert_eq!(by_citations.hits[0].id, "v2");
    }

    #[test]
    fn the_document_view_lists_citations_versions_and_copies() {
        let fixture = fixture();
        let snapshot = fixture.engine().snapshot();
        let view = snapshot.document("n2", None).unwrap();
        let cites: Vec<(&str, Option<&str>)> = view.cites.iter().map(|c| (c.title.as_str(), c.id.as_deref())).collect();
        assert_eq!(cites, [("中华人民共和国示范法", Some("v2")), ("某条例", None)]);
        assert_eq!(view.cites[0].articles, ["3", "5"]);
        let law = snapshot.document("v1", None).unwrap();
        let versions: Vec<(&str, &str)> = law.versions.iter().map(|v| (v.id.as_str(), v.status_label)).collect();
        assert_eq!(versions, [("v1", "已被修改"), ("v2", "现行")]);
        assert_eq!(snapshot.document("v2", None).unwrap().cited_by_count, 3);
        let copies = snapshot.document("n1-copy", None).unwrap().reposts;
        assert_eq!(
            copies.iter().map(|c| c.site.as_deref()).collect::<Vec<_>>(),
            [Some("sfj.example.gov.cn"), Some("mirror.example.com")]
        );
    }

    #[test]
    fn a_rewritten_links_table_is_read_again() {
        let fixture = fixture();
        let engine = fixture.engine();
        assert!(!engine.refresh().unwrap(), "nothing changed");
        let location = fixture.location();
        let generation = location.current().unwrap().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        Links::default().write(&location.generation_path(&generation)).unwrap();
        assert!(engine.refresh().unwrap(), "the new table is read");
        let snapshot = engine.snapshot();
        assert_eq!(snapshot.search(&request("示范法", &[("kind", "law")])).unwrap().total, 2, "no versions hidden now");
    }
}
