//! What can go wrong with an index directory.

use std::path::Path;

use sifa_analysis::DictionaryError;

/// An index directory that cannot be read or written as asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("no index in {0}: run `sifa reindex` first")]
    NoIndex(String),
    #[error("{0} names no generation")]
    BadCurrent(String),
    #[error("CURRENT names {0}, which is missing")]
    MissingGeneration(String),
    #[error("generation {generation} cannot be opened")]
    Open {
        generation: String,
        #[source]
        source: tantivy::TantivyError,
    },
    /// No `manifest.json`: a copy still under way, or a generation built
    /// by a sifa older than manifests.
    #[error("generation {0} has no manifest (an incomplete copy, or built by an older sifa: run `sifa reindex`)")]
    NoManifest(String),
    /// Files missing, cut short or changed since the manifest was written.
    #[error("generation {generation} does not match its manifest: {problem}")]
    ManifestMismatch { generation: String, problem: String },
    #[error("generation {0} was built by an incompatible version of sifa")]
    Incompatible(String),
    #[error("{path} is not valid generation metadata")]
    BadMetadata {
        path: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("another process is writing the index in {0} (reindex, add or delete); try again when it has finished")]
    Busy(String),
    /// The writer cannot write the index directory: checked before any
    /// work, so nothing is built in vain and nothing is left behind.
    #[error("cannot write the index in {path}: reindex, add and delete write there (searching and serving need not)")]
    NotWritable {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the generation's user dictionary")]
    Dictionary(#[from] DictionaryError),
    #[error("index error")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl StoreError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io { path: path.display().to_string(), source }
    }

    /// Whether the index is missing or unreadable (a state of the server,
    /// not a fault of the request): readers answer "unavailable".
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            StoreError::NoIndex(_)
                | StoreError::BadCurrent(_)
                | StoreError::MissingGeneration(_)
                | StoreError::Open { .. }
                | StoreError::NoManifest(_)
                | StoreError::ManifestMismatch { .. }
                | StoreError::Incompatible(_)
                | StoreError::BadMetadata { .. }
                | StoreError::Dictionary(_)
        )
    }
}

/// An error and its causes on one line (the one walker of cause chains:
/// reports, logs and the API's messages); a cause whose text the line
/// already holds (an error that prints its source) is not repeated.
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
