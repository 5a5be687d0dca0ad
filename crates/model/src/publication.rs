//! A publication as sifa understands it, with the evidence for each field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Kind, PubDate};

/// The administrative level of an issuing body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgencyLevel {
    National,
    Provincial,
    City,
    County,
}

impl AgencyLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyLevel::National => "national",
            AgencyLevel::Provincial => "provincial",
            AgencyLevel::City => "city",
            AgencyLevel::County => "county",
        }
    }

    pub fn parse(name: &str) -> Option<AgencyLevel> {
        [Self::National, Self::Provincial, Self::City, Self::County].into_iter().find(|level| level.as_str() == name)
    }
}

/// Where a publication was read from: a path relative to the data directory
/// and, for JSON Lines, the 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line: Option<u64>,
}

impl std::fmt::Display for SourceRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// One topic assigned to a publication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TopicScore {
    pub name: String,
    pub score: f32,
    /// The terms that triggered the topic, most weighty first.
    pub evidence: Vec<String>,
}

/// Why one field got its value: the rule that decided and the text it read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldEvidence {
    /// A short, stable rule name such as `header:来源` or `signature`.
    pub rule: String,
    /// The text the rule read, trimmed to a readable length.
    pub text: String,
}

/// Evidence per field name (`title`, `date`, `agency`, `url`, `kind`, `id`).
pub type Evidence = BTreeMap<String, FieldEvidence>;

/// A publication with its metadata, ready to index or display.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    pub id: String,
    pub title: String,
    /// The main text with page furniture removed; paragraphs split by `\n`.
    /// Kept as published (traditional characters stay traditional).
    pub body: String,
    /// What else the page shows that the reader took for neither title nor
    /// body (crumbs, banners, metadata tables, widgets, footers, lines
    /// around the headline), one line each: searched at low weight, so no
    /// word a page shows is lost to search, and never shown as the text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub aside: String,
    pub agency: Option<String>,
    /// Region path of the agency, province first; empty for national bodies.
    pub agency_path: Vec<String>,
    pub agency_level: Option<AgencyLevel>,
    pub date: Option<PubDate>,
    /// The document number (发文字号) the publication presents as its own,
    /// written canonically (鲁司发〔2024〕12号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_no: Option<String>,
    pub url: Option<String>,
    pub kind: Kind,
    pub topics: Vec<TopicScore>,
    pub source: SourceRef,
    pub evidence: Evidence,
}

impl Publication {
    /// A publication of the kind `other` with nothing but an id, a title, a
    /// body and where it was read: what fixtures start from.
    pub fn new(id: &str, title: &str, body: &str, source: SourceRef) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            body: body.into(),
            aside: String::new(),
            agency: None,
            agency_path: Vec::new(),
            agency_level: None,
            date: None,
            doc_no: None,
            url: None,
            kind: Kind::Other,
            topics: Vec::new(),
            source,
            evidence: Evidence::new(),
        }
    }

    /// Number of characters (not bytes) of the body.
    pub fn chars(&self) -> usize {
        self.body.chars().count()
    }

    /// Whether the title was built from the text because the page shows no
    /// headline (its evidence rule is `built_from_opening`).
    pub fn title_constructed(&self) -> bool {
        self.evidence.get("title").is_some_and(|e| e.rule == "built_from_opening")
    }
}
