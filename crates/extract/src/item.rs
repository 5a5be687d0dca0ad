//! One unit of work for the extractor, and why one was not indexed: the
//! types that the readers of files, JSON Lines and web archives
//! (`source.rs`, `warc.rs`) hand over, apart from both so that neither
//! reader depends on the other's types.

use std::path::Path;

use sifa_model::SourceRef;

use crate::decode::DecodeError;

/// Largest page file read (a government page is never near this).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// Largest JSON Lines record read.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// The container format of a source file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// `.txt`: plain text, unless its content is an HTML page.
    Text,
    /// `.html`, `.htm`, `.shtml`, `.xhtml`.
    Html,
    /// `.jsonl`, `.ndjson`, optionally `.gz`.
    JsonLines { gzip: bool },
    /// `.warc`, optionally `.gz` (one gzip member per record, as crawlers write them).
    Warc { gzip: bool },
}

impl SourceFormat {
    pub fn of(path: &Path) -> Option<SourceFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let (stem, gzip) = match name.strip_suffix(".gz") {
            Some(stem) => (stem.to_string(), true),
            None => (name, false),
        };
        let ext = stem.rsplit_once('.')?.1;
        match (ext, gzip) {
            ("jsonl" | "ndjson", gzip) => Some(SourceFormat::JsonLines { gzip }),
            ("warc", gzip) => Some(SourceFormat::Warc { gzip }),
            ("txt" | "text", false) => Some(SourceFormat::Text),
            ("html" | "htm" | "shtml" | "xhtml", false) => Some(SourceFormat::Html),
            _ => None,
        }
    }
}

/// Why a file or record was not indexed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    #[error("unsupported file type")]
    Unsupported,
    #[error("too large ({0} bytes; the limit is {MAX_FILE_BYTES})")]
    TooLarge(u64),
    #[error("unreadable: {0}")]
    Unreadable(String),
    #[error("{0}")]
    Decode(#[from] DecodeError),
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    #[error("record longer than {MAX_LINE_BYTES} bytes")]
    LineTooLong,
    #[error("record has no text (missing or empty \"body\" and \"html\")")]
    NoBody,
    #[error("no text besides the headline and page furniture")]
    NoText,
    #[error("compressed stream is corrupt: {0}")]
    Corrupt(String),
    #[error("malformed web archive (WARC): {0}")]
    MalformedArchive(String),
    /// A record of a web archive that is not a page (a request, metadata,
    /// a redirect, an image). Not a failure: summaries count these apart.
    #[error("{0}")]
    NotAPage(#[from] NotAPage),
}

impl SkipReason {
    /// A short stable name for summaries ("skipped by reason").
    pub fn category(&self) -> &'static str {
        match self {
            SkipReason::Unsupported => "unsupported",
            SkipReason::TooLarge(_) => "too_large",
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::Decode(DecodeError::Empty) | SkipReason::NoBody | SkipReason::NoText => "empty",
            SkipReason::Decode(DecodeError::Binary) => "binary",
            SkipReason::Decode(DecodeError::Garbled(_)) => "undecodable",
            SkipReason::MalformedJson(_) => "malformed_json",
            SkipReason::LineTooLong => "line_too_long",
            SkipReason::Corrupt(_) | SkipReason::MalformedArchive(_) => "corrupt",
            SkipReason::NotAPage(_) => "not_a_page",
        }
    }

    /// The archive record this is, when it is one that is not a page.
    pub fn not_a_page(&self) -> Option<&NotAPage> {
        match self {
            SkipReason::NotAPage(not) => Some(not),
            _ => None,
        }
    }
}

/// Where a page came from, when its container says so: a web archive
/// record knows the address, the fetch and the server's charset.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The address the page was fetched from (a WARC record's target URI).
    pub url: Option<String>,
    /// The day it was fetched, `YYYY-MM-DD` (HTTP `Date`, else `WARC-Date`).
    pub fetched: Option<String>,
    /// The day the server said it last changed, `YYYY-MM-DD` (`Last-Modified`).
    pub last_modified: Option<String>,
    /// The charset the server declared in its `Content-Type`.
    pub charset: Option<String>,
}

/// What a unit of work carries.
#[derive(Debug)]
pub enum Payload {
    /// A whole page: a file, or the body of an archived HTTP response.
    Page { bytes: Vec<u8>, format: SourceFormat, provenance: Provenance },
    /// One JSON Lines record, still unparsed.
    Record(String),
    /// Reading already failed.
    Failed(SkipReason),
}

/// One unit of work: a page or a record, and where it came from.
#[derive(Debug)]
pub struct RawItem {
    pub source: SourceRef,
    pub payload: Payload,
}

/// A WARC record that is not a page. Not an error: an archive of a site
/// is mostly requests, metadata, images and redirects.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotAPage {
    /// A record of another type: `warcinfo`, `request`, `metadata`, `revisit`, …
    #[error("{0} record, not a page")]
    Record(&'static str),
    /// An HTTP redirect: the page it points to has a record of its own.
    #[error("redirect (HTTP {0}), not a page")]
    Redirect(u16),
    /// An HTTP error or other non-success status.
    #[error("HTTP {0} response, not a page")]
    HttpStatus(u16),
    /// A response that is not HTML (image, style sheet, PDF, robots.txt).
    #[error("not an HTML page ({0})")]
    NotHtml(String),
}

impl NotAPage {
    /// A short stable name for counts by kind.
    pub fn kind(&self) -> &'static str {
        match self {
            NotAPage::Record(kind) => kind,
            NotAPage::Redirect(_) => "redirect",
            NotAPage::HttpStatus(_) => "http_error",
            NotAPage::NotHtml(_) => "not_html",
        }
    }
}
