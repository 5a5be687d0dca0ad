//! Computing the links of a generation from what each publication says:
//! citations resolved to documents (the version in force at the citing
//! date), versions of one work, reposts of one publication.
//!
//! Each publication is first reduced to a [`LinkEntry`] (its keys, its
//! references, a MinHash signature of its text); the table is then built
//! from all entries at once, because a reference can only be resolved once
//! every title is known. A reindex makes entries while it writes; `add` and
//! `delete` make them from the stored documents ([`refresh`]).
//!
//! One concern per file: [`versions`] (works in several versions, and
//! repeals), [`citations`] (references resolved), [`reposts`] (copies of
//! one publication), [`signatures`] (the MinHash of a text).

mod citations;
mod refresh;
mod reposts;
mod signatures;
mod versions;

use sifa_extract::citations::{Reference, citation_key, references, repealed_titles};
use sifa_model::{Kind, PubDate, Publication};
use sifa_store::document::doc_no_key;
use sifa_store::links::Links;

pub use refresh::refresh;
pub use reposts::REPOST_SIMILARITY;
pub use signatures::Signer;

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
        let mut references = references(&publication.title, &publication.body);
        references.retain(|r| r.title.is_some() || r.doc_no.as_deref().and_then(doc_no_key) != doc_no);
        Self {
            id: publication.id.clone(),
            key: citation_key(&publication.title),
            kind: publication.kind,
            date: publication.date,
            doc_no,
            url: publication.url.clone(),
            headline: reposts::headline(&publication.title),
            references,
            repealed: repealed_titles(&publication.body).iter().map(|t| citation_key(t)).collect(),
            signature: signer.signature(folded_body),
        }
    }
}

/// The links of a generation whose publications are `entries`.
pub fn compute(entries: &[LinkEntry]) -> Links {
    let mut links = Links::default();
    let works = versions::attach(entries, &mut links);
    citations::attach(entries, &works, &mut links);
    reposts::attach(entries, &works, &mut links);
    links
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
pub(crate) mod testing {
    use sifa_model::{AgencyLevel, Kind, Publication, SourceRef};
    use sifa_store::links::Links;

    use super::{LinkEntry, Signer, compute};

    pub fn publication(
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

    pub const NPC: Option<&str> = Some("全国人民代表大会常务委员会");

    pub fn table(publications: &[Publication]) -> Links {
        let signer = Signer::default();
        compute(&publications.iter().map(|p| LinkEntry::of(p, &signer)).collect::<Vec<_>>())
    }
}
