//! Citation and export formats of a [`Publication`].
//!
//! Researchers cite what they find (Chinese law journals by GB/T 7714-2015,
//! libraries kept in Zotero), so every publication can be written as:
//! - [`gbt7714`]: a reference-list entry, in the form its kind calls for
//!   ([`Form`]);
//! - [`ris`] and [`csl_json`]: records that reference managers import;
//! - [`meta_tags`]: the `citation_*` tags a document page carries;
//! - [`table`]: the CSV and JSON tables of the search page's export.
//!
//! Everything here is a pure function of the publication, the address of
//! its document page in sifa and the day it is cited, so each format is
//! tested against hand-written expectations.

mod csl;
mod form;
mod gbt7714;
mod meta;
mod ris;
pub mod table;

pub use csl::{csl_item, csl_json};
pub use form::Form;
pub use gbt7714::{gbt7714, gbt7714_list};
pub use meta::meta_tags;
pub use ris::{ris, ris_record};

use sifa_model::{PubDate, Publication};

/// What a citation needs beyond the publication itself.
#[derive(Debug, Clone)]
pub struct Citing<'a> {
    pub publication: &'a Publication,
    /// The publication's page in sifa (`http://host/?doc=ID`).
    pub page_url: String,
    /// The day it is cited (GB/T 7714's 引用日期, RIS `Y2`, CSL `accessed`).
    pub cited: PubDate,
}

impl Citing<'_> {
    /// The original address, when it is a web address (http or https).
    pub fn original_url(&self) -> Option<&str> {
        web_url(self.publication.url.as_deref())
    }
}

/// `url` when it is an absolute http(s) address: nothing else is ever
/// written into a citation or a link.
pub fn web_url(url: Option<&str>) -> Option<&str> {
    let url = url?.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url)
}

/// Text on one line: runs of white space (a title's line breaks) become one space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
pub(crate) mod testing {
    use sifa_model::{AgencyLevel, Evidence, Kind, PubDate, Publication, SourceRef, TopicScore};

    pub fn publication(
        kind: Kind,
        title: &str,
        agency: Option<&str>,
        date: Option<&str>,
        url: Option<&str>,
    ) -> Publication {
        Publication {
            id: "doc-1".into(),
            title: title.into(),
            body: "正文".into(),
            aside: String::new(),
            agency: agency.map(str::to_string),
            agency_path: vec!["山东省".into(), "青岛市".into()],
            agency_level: Some(AgencyLevel::City),
            date: date.map(|d| d.parse().unwrap()),
            doc_no: None,
            url: url.map(str::to_string),
            kind,
            topics: vec![TopicScore { name: "人民调解".into(), score: 2.0, evidence: Vec::new() }],
            source: SourceRef { path: "a.txt".into(), line: None },
            evidence: Evidence::new(),
        }
    }

    pub fn cited() -> PubDate {
        "2025-01-15".parse().unwrap()
    }

    /// A national law with its legislature and date, without a URL.
    pub fn legal_aid_law() -> Publication {
        publication(Kind::Law, "中华人民共和国法律援助法", Some("全国人民代表大会常务委员会"), Some("2021-08-20"), None)
    }

    /// `publication` cited on [`cited`] from its page in sifa.
    pub fn citing(publication: &Publication) -> crate::Citing<'_> {
        crate::Citing { publication, page_url: "http://h/?doc=doc-1".into(), cited: cited() }
    }
}
