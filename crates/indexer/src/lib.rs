//! The indexer: sources to index generations, and changes to the live one.
//!
//! - [`Pipeline`]: the reading pipeline (extractor, user dictionary and
//!   reindex options) built from the data and rules directories, the one
//!   way every caller assembles it;
//! - [`reindex()`] walks a data directory, extracts publications on several
//!   threads, drops duplicates and writes a new generation through
//!   [`sifa_store::GenerationBuilder`], which switches to it only when it
//!   is complete;
//! - [`add`] and [`delete`] change the live generation in place.
//!
//! What an index looks like on disk (schema, generations, stats, check) is
//! `sifa-store`'s; reading pages is `sifa-extract`'s.

mod bookkeeping;
mod first_seen;
mod incremental;
pub mod links;
mod pipeline;
mod reindex;
mod sources;
mod walk;

pub use bookkeeping::{Duplicate, SkippedEntry, UnreadableEntry};
pub use incremental::{AddSummary, DeleteSummary, PathDeletion, RemovedEntry, add, delete};
pub use pipeline::{Pipeline, load_extractor};
pub use reindex::{ProgressSink, ProgressState, ReindexOptions, ReindexSummary, StageSeconds, reindex};
pub use sources::{OutsideDocument, source_path};

use sifa_store::StoreError;

/// What can go wrong building or changing an index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("data directory {0} does not exist or is not a directory")]
    NoDataDir(String),
    #[error("nothing could be indexed from {dir}: {} read, {skipped} skipped{by_reason}", sifa_model::english::count(*.files, "file"))]
    NothingIndexed {
        dir: String,
        files: u64,
        skipped: usize,
        /// The skips by reason, ` (binary 200, empty 3)`, or nothing.
        by_reason: String,
    },
    #[error("the rule files cannot be used")]
    Rules(#[from] sifa_extract::RulesError),
    #[error("cannot read the user dictionary {path}")]
    UserDictionary {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the user dictionary")]
    Dictionary(#[from] sifa_analysis::DictionaryError),
    #[error("index error")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl IndexError {
    /// Whether another process holds the writer lock.
    pub fn is_busy(&self) -> bool {
        matches!(self, IndexError::Store(StoreError::Busy(_)))
    }
}
