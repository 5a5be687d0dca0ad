//! Links between the publications of a generation: what each cites (and
//! who cites it), versions of one law, reposts of one notice.
//!
//! Links are computed from the whole generation after its documents are
//! written (a reference can only be resolved once every title is known),
//! so they live beside the tantivy files in `links.json` rather than in
//! the documents: `sifa add` and `sifa delete` recompute them and replace
//! the file atomically, and readers reload it when it changes.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::StoreError;
use crate::generations::write_synced;

/// The links file of a generation.
pub const LINKS_FILE: &str = "links.json";

/// Every link of a generation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Links {
    /// Per document id; documents without any link are left out.
    pub documents: BTreeMap<String, DocumentLinks>,
    /// Versions of one work, oldest first.
    pub version_groups: Vec<Vec<Version>>,
    /// Copies of one publication; the representative first.
    pub repost_groups: Vec<Vec<Copy>>,
}

/// The links of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentLinks {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<Cited>,
    /// Ids of the documents that cite this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cited_by: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_group: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repost_group: Option<usize>,
}

/// One reference a document makes, resolved when the cited document is in
/// the generation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cited {
    /// The title as cited (folded, short names expanded), or the document
    /// number when only a number was cited.
    pub title: String,
    /// The cited document, `None` when it is not in the index.
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    /// Whether `title` is a document number (`国务院令第N号`): readers see
    /// a number as written, a title in 《》.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_number: bool,
}

/// One version of a work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub id: String,
    pub date: Option<String>,
    pub status: VersionStatus,
}

/// Where a version stands, as far as the texts tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VersionStatus {
    /// 现行: the newest version, not repealed.
    Current,
    /// 已被修改: a later version replaced it.
    Amended,
    /// 已废止: a text repeals the work.
    Repealed,
}

impl VersionStatus {
    pub fn label_zh(self) -> &'static str {
        match self {
            VersionStatus::Current => "现行",
            VersionStatus::Amended => "已被修改",
            VersionStatus::Repealed => "已废止",
        }
    }
}

/// One copy of a reposted publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Copy {
    pub id: String,
    pub url: Option<String>,
    /// The host of the copy's URL.
    pub site: Option<String>,
}

impl Links {
    /// The links of `generation_dir`; an empty table when the generation
    /// has none (built before links existed, or nothing links).
    pub fn read(generation_dir: &Path) -> Result<Self, StoreError> {
        let path = generation_dir.join(LINKS_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|source| StoreError::BadMetadata { path: path.display().to_string(), source }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(StoreError::io(&path, e)),
        }
    }

    /// Writes the table into `generation_dir`, replacing any previous one
    /// atomically (readers see the old file or the new one, never half).
    pub fn write(&self, generation_dir: &Path) -> Result<(), StoreError> {
        let path = generation_dir.join(LINKS_FILE);
        let tmp = generation_dir.join(format!("{LINKS_FILE}.tmp"));
        let bytes = serde_json::to_vec(self).expect("links serialise");
        write_synced(&tmp, &bytes)?;
        std::fs::rename(&tmp, &path).map_err(|e| StoreError::io(&path, e))
    }

    pub fn of(&self, id: &str) -> Option<&DocumentLinks> {
        self.documents.get(id)
    }

    /// The versions of the work `id` belongs to (oldest first), if any.
    pub fn versions_of(&self, id: &str) -> Option<&[Version]> {
        let group = self.of(id)?.version_group?;
        self.version_groups.get(group).map(Vec::as_slice)
    }

    /// The copies of the publication `id` belongs to (representative first), if any.
    pub fn copies_of(&self, id: &str) -> Option<&[Copy]> {
        let group = self.of(id)?.repost_group?;
        self.repost_groups.get(group).map(Vec::as_slice)
    }

    /// Ids of versions older than their work's newest: hidden unless all
    /// versions are asked for (a repealed work keeps its newest version
    /// visible, marked repealed).
    pub fn superseded(&self) -> impl Iterator<Item = &str> {
        self.version_groups.iter().flat_map(|group| {
            let newest = group.iter().map(|v| v.date.as_deref()).max().flatten();
            group.iter().filter(move |v| v.date.as_deref() < newest).map(|v| v.id.as_str())
        })
    }

    /// Ids of copies that are not their group's representative: hidden when
    /// reposts are collapsed.
    pub fn repost_copies(&self) -> impl Iterator<Item = &str> {
        self.repost_groups.iter().flat_map(|group| group.iter().skip(1)).map(|c| c.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Links::read(dir.path()).unwrap(), Links::default(), "no file: no links");
        let mut links = Links::default();
        links.version_groups.push(vec![
            Version { id: "old".into(), date: Some("2014-01-01".into()), status: VersionStatus::Amended },
            Version { id: "new".into(), date: Some("2024-01-01".into()), status: VersionStatus::Current },
        ]);
        links.repost_groups.push(vec![
            Copy { id: "a".into(), url: None, site: None },
            Copy { id: "b".into(), url: Some("http://x.example/1".into()), site: Some("x.example".into()) },
        ]);
        for (id, group) in [("old", 0), ("new", 0)] {
            links.documents.entry(id.into()).or_default().version_group = Some(group);
        }
        links.documents.entry("b".into()).or_default().repost_group = Some(0);
        links.documents.entry("a".into()).or_default().repost_group = Some(0);
        links.documents.entry("n".into()).or_default().cites.push(Cited {
            title: "某法".into(),
            id: Some("new".into()),
            articles: vec!["3".into()],
            by_number: false,
        });
        links.write(dir.path()).unwrap();
        let read = Links::read(dir.path()).unwrap();
        assert_eq!(read, links);
        assert_eq!(read.superseded().collect::<Vec<_>>(), ["old"]);
        assert_eq!(read.repost_copies().collect::<Vec<_>>(), ["b"]);
        assert_eq!(read.versions_of("new").map(<[Version]>::len), Some(2));
        assert!(!dir.path().join("links.json.tmp").exists());
    }
}
