//! The shared vocabulary of sifa.
//!
//! Every other crate speaks in these types: the extractor produces a
//! [`Publication`], the indexer stores it, the query service returns parts of
//! it and the CLI prints it. The crate depends on serde and the `time`
//! crate only, so the domain model never drags in tantivy or axum.

mod date;
pub mod english;
pub mod instant;
mod kind;
mod publication;
mod rules;

pub use date::{DatePrecision, PubDate, PubDateError};
pub use kind::Kind;
pub use publication::{AgencyLevel, Evidence, FieldEvidence, Publication, SourceRef, TopicScore};
pub use rules::{explain_rule, is_explained};

/// The thirteen topic areas of judicial administration, in display order.
///
/// The rules that assign them live in `data/topics.toml`; this list is the
/// contract the rules file is checked against.
pub const TOPICS: [&str; 13] = [
    "党的建设与队伍建设",
    "法治督察与依法治理",
    "立法与规范性文件审查",
    "行政执法协调监督",
    "行政复议与应诉",
    "公共法律服务",
    "律师公证与司法鉴定",
    "法律援助",
    "人民调解",
    "普法与法治宣传",
    "社区矫正与安置帮教",
    "监狱与戒毒",
    "法律职业资格与法考",
];
