//! Raw publications to [`Publication`]s: decoding, page furniture, metadata.
//!
//! ```text
//! bytes ─ decode ─▶ text ─ html? ─▶ lines ─ furniture/header ─▶ content
//!                                         └─ title, date, agency, url, kind, topics (with evidence)
//! ```
//!
//! The rules that change with the world (topic terms, agency suffixes,
//! later renamings of divisions) are data files under `data/`, embedded as
//! defaults and replaceable at run time through [`RuleFiles::from_dir`].

mod agency;
mod candidate;
pub mod citations;
mod date;
mod decode;
mod doc_no;
mod document;
pub mod evaluate;
mod given;
mod html;
mod id;
mod item;
mod kind;
mod markup;
mod names;
mod page;
mod shapes;
mod source;
mod title;
mod topics;
mod url;
mod warc;

use std::path::Path;

use sifa_model::{FieldEvidence, Publication, SourceRef};

pub use decode::{DecodeError, Decoded, decode, decode_declared};
pub use given::Given;
pub use id::{content_fingerprint, path_id};
pub use item::{MAX_FILE_BYTES, NotAPage, Payload, Provenance, RawItem, SkipReason, SourceFormat};
pub use markup::for_readers;
pub use names::gazetteer::{Division, Gazetteer};
pub use names::resolver::{Agency, AgencyResolver, AgencyRules};
pub use source::{
    ByteCounter, Record, UNREADABLE_PREFIX, UNREADABLE_RULE, Unreadable, parse_record, raw_items, unreadable_given,
};
pub use topics::TopicRules;
pub use url::{dedup_key as url_dedup_key, is_web_url};

/// The texts of the three rule files.
#[derive(Debug, Clone)]
pub struct RuleFiles {
    pub topics: String,
    pub agencies: String,
    pub divisions: String,
}

impl Default for RuleFiles {
    /// The rule files shipped in `data/`, embedded in the binary.
    fn default() -> Self {
        Self {
            topics: include_str!("../../../data/topics.toml").to_string(),
            agencies: include_str!("../../../data/agencies.toml").to_string(),
            divisions: include_str!("../../../data/divisions-renamed.tsv").to_string(),
        }
    }
}

impl RuleFiles {
    /// Reads `topics.toml`, `agencies.toml` and `divisions-renamed.tsv` from
    /// `dir`, falling back to the shipped file for any that is absent.
    pub fn from_dir(dir: &Path) -> Result<Self, RulesError> {
        let defaults = Self::default();
        let read = |name: &str, default: String| -> Result<String, RulesError> {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(default),
                Err(e) => Err(RulesError::Read(path.display().to_string(), e.to_string())),
            }
        };
        Ok(Self {
            topics: read("topics.toml", defaults.topics)?,
            agencies: read("agencies.toml", defaults.agencies)?,
            divisions: read("divisions-renamed.tsv", defaults.divisions)?,
        })
    }
}

/// A rule file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("cannot read {0}: {1}")]
    Read(String, String),
    #[error(transparent)]
    Topics(#[from] topics::TopicRulesError),
    #[error("agencies file: {0}")]
    Agencies(#[from] toml::de::Error),
    #[error(transparent)]
    Divisions(#[from] names::gazetteer::GazetteerError),
}

/// A record or file that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub source: SourceRef,
    pub reason: SkipReason,
}

/// Reads publications. Build once (the gazetteer and matchers take a few
/// milliseconds) and share across threads.
pub struct Extractor {
    agencies: AgencyResolver,
    topics: TopicRules,
}

impl Extractor {
    pub fn new(rules: &RuleFiles) -> Result<Self, RulesError> {
        let agency_rules: AgencyRules = toml::from_str(&rules.agencies)?;
        let gazetteer = Gazetteer::new(&rules.divisions)?;
        Ok(Self {
            agencies: AgencyResolver::new(agency_rules, gazetteer),
            topics: TopicRules::from_toml(&rules.topics)?,
        })
    }

    /// The extractor with the rules shipped in `data/`.
    pub fn with_default_rules() -> Self {
        Self::new(&RuleFiles::default()).expect("the shipped rule files are valid (checked by tests)")
    }

    pub fn agencies(&self) -> &AgencyResolver {
        &self.agencies
    }

    /// Extracts one unit of work read by [`raw_items`].
    pub fn extract(&self, item: RawItem) -> Result<Publication, Skipped> {
        let skipped = |source: SourceRef, reason: SkipReason| Skipped { source, reason };
        match item.payload {
            Payload::Failed(reason) => Err(skipped(item.source, reason)),
            Payload::Page { bytes, format, provenance } => {
                let (decoded, declared) = decode_declared(&bytes, provenance.charset.as_deref())
                    .map_err(|e| skipped(item.source.clone(), e.into()))?;
                let is_html = format == SourceFormat::Html || markup::looks_like_html(&decoded.text);
                let given = Given {
                    url: provenance.url,
                    fetched: provenance.fetched,
                    last_modified: provenance.last_modified,
                    ..Given::default()
                };
                let mut publication =
                    self.extract_text(&decoded.text, is_html, given, item.source.clone(), Some(decoded.encoding));
                if declared {
                    let evidence = FieldEvidence { rule: "http_charset".into(), text: decoded.encoding.into() };
                    publication.evidence.insert("encoding".into(), evidence);
                }
                id::identify_by_path(&mut publication);
                check_not_empty(publication).map_err(|reason| skipped(item.source, reason))
            }
            Payload::Record(line) => {
                let record = parse_record(&line).map_err(|e| skipped(item.source.clone(), e))?;
                let is_html = record.html || markup::looks_like_html(&record.body);
                let mut publication = self.extract_text(&record.body, is_html, record.given, item.source.clone(), None);
                for Unreadable { field, value } in record.unreadable {
                    let evidence = FieldEvidence { rule: UNREADABLE_RULE.into(), text: value };
                    publication.evidence.insert(format!("{UNREADABLE_PREFIX}{field}"), evidence);
                }
                check_not_empty(publication).map_err(|reason| skipped(item.source, reason))
            }
        }
    }

    /// Every publication and skip in one file.
    pub fn extract_file(&self, path: &Path, relative: &str) -> Vec<Result<Publication, Skipped>> {
        raw_items(path, relative, None).map(|item| self.extract(item)).collect()
    }
}

/// A page whose text is all furniture has nothing to index.
fn check_not_empty(publication: Publication) -> Result<Publication, SkipReason> {
    if publication.body.trim().is_empty() { Err(SkipReason::NoText) } else { Ok(publication) }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn extractor() -> &'static Extractor {
        static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        EXTRACTOR.get_or_init(Extractor::with_default_rules)
    }

    /// Text made of the pieces pages are made of: dates, labels, agency
    /// names, punctuation, full-width and traditional characters, markup.
    fn page_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("2024年3月5日".to_string()),
            Just("二〇二三年十二月五日".to_string()),
            Just("发布时间：".to_string()),
            Just("来源:".to_string()),
            Just("（某市司法局供稿）".to_string()),
            Just("山东省聊城市东昌府区司法局".to_string()),
            Just("省司法厅".to_string()),
            Just("廣東省司法廳".to_string()),
            Just("原文链接：http://a.gov.cn/202401/t20240105_1.html".to_string()),
            Just("字号：大 中 小".to_string()),
            Just("版权所有".to_string()),
            Just("<div><p>".to_string()),
            Just("</p></div>".to_string()),
            Just("\n".to_string()),
            "\\PC{0,12}".prop_map(|s| s),
            "[，。：；、（）“”０-９Ａ-Ｚ　\\-/.年月日 0-9]{0,8}".prop_map(|s| s),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

        /// Whatever a page holds, reading it never panics, and a title is found or built.
        #[test]
        fn any_page_is_read_without_panicking(text in page_text(), html in any::<bool>()) {
            let source = SourceRef { path: "x".into(), line: None };
            let publication = extractor().extract_text(&text, html, Given::default(), source, None);
            prop_assert!(!publication.title.is_empty());
            prop_assert!(publication.topics.len() <= 3);
        }
    }
}
