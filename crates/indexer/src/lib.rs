//! The indexer: sources to tantivy index generations, and the live index.
//!
//! - [`reindex`] walks a data directory, extracts publications on several
//!   threads, drops duplicates and writes a new generation, switching to it
//!   only when it is complete ([`generations`] has the layout);
//! - [`add`] and [`delete`] change the live generation in place;
//! - [`OpenIndex`] opens the live generation with the dictionary it was
//!   built with, for the query service and the CLI;
//! - [`IndexStats`] says what an index holds.

mod build;
mod check;
mod document;
pub mod generations;
mod maintain;
mod stats;
mod walk;

use std::path::Path;

use sifa_analysis::{ChineseAnalysis, DictionaryError, IndexSchema};
use tantivy::Index;
use tantivy::directory::MmapDirectory;

pub use build::{Duplicate, ProgressSink, ProgressState, ReindexOptions, ReindexSummary, reindex};
pub use check::{CheckReport, check};
pub use document::{agency_facet, from_document, from_document_without_evidence, timeline_facet, to_document};
pub use generations::{GenerationInfo, IndexLocation};
pub use maintain::{AddSummary, DeleteSummary, add, delete};
pub use stats::IndexStats;

/// What can go wrong with an index directory.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("no index in {0}: run `sifa reindex` first")]
    NoIndex(String),
    #[error("the index is corrupt: {0}")]
    Corrupt(String),
    #[error("another process is writing the index in {0} (reindex, add or delete); try again when it has finished")]
    Busy(String),
    #[error("data directory {0} does not exist or is not a directory")]
    NoDataDir(String),
    #[error("nothing could be indexed from {dir}: {files} files read, {skipped} skipped")]
    NothingIndexed { dir: String, files: u64, skipped: usize },
    #[error("user dictionary: {0}")]
    Dictionary(#[from] DictionaryError),
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl IndexError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        IndexError::Io { path: path.display().to_string(), source }
    }
}

/// The live generation of an index directory, opened for reading.
pub struct OpenIndex {
    pub index: Index,
    pub schema: IndexSchema,
    pub analysis: ChineseAnalysis,
    pub generation: String,
    pub location: IndexLocation,
}

impl OpenIndex {
    /// Opens the live generation, with the user dictionary it was built with.
    pub fn open(location: &IndexLocation) -> Result<Self, IndexError> {
        let root = location.root().display().to_string();
        let generation = location.current()?.ok_or_else(|| IndexError::NoIndex(root.clone()))?;
        let path = location.generation_path(&generation);
        if !path.is_dir() {
            return Err(IndexError::Corrupt(format!("CURRENT names {generation}, which is missing")));
        }
        let directory = MmapDirectory::open(&path).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        let index = Index::open(directory).map_err(|e| IndexError::Corrupt(format!("{generation}: {e}")))?;
        let schema = IndexSchema::from_schema(index.schema())
            .ok_or_else(|| IndexError::Corrupt(format!("{generation} was built by an incompatible version")))?;
        let dictionary_path = path.join(generations::GENERATION_DICTIONARY);
        let dictionary = std::fs::read_to_string(&dictionary_path).map_err(|e| IndexError::io(&dictionary_path, e))?;
        let analysis = ChineseAnalysis::with_user_dictionary(&dictionary)?;
        analysis.register(&index);
        Ok(Self { index, schema, analysis, generation, location: location.clone() })
    }

    /// Opens the live generation reusing an already loaded analysis when
    /// the dictionary is unchanged (loading jieba takes a moment).
    pub fn reopen(location: &IndexLocation, previous: &ChineseAnalysis) -> Result<Self, IndexError> {
        let generation =
            location.current()?.ok_or_else(|| IndexError::NoIndex(location.root().display().to_string()))?;
        let dictionary_path = location.generation_path(&generation).join(generations::GENERATION_DICTIONARY);
        let dictionary = std::fs::read_to_string(&dictionary_path).map_err(|e| IndexError::io(&dictionary_path, e))?;
        if dictionary != previous.user_dictionary() {
            return Self::open(location);
        }
        let path = location.generation_path(&generation);
        let directory = MmapDirectory::open(&path).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        let index = Index::open(directory).map_err(|e| IndexError::Corrupt(format!("{generation}: {e}")))?;
        let schema = IndexSchema::from_schema(index.schema())
            .ok_or_else(|| IndexError::Corrupt(format!("{generation} was built by an incompatible version")))?;
        previous.register(&index);
        Ok(Self { index, schema, analysis: previous.clone(), generation, location: location.clone() })
    }

    pub fn info(&self) -> Result<GenerationInfo, IndexError> {
        self.location.read_info(&self.generation)
    }
}
