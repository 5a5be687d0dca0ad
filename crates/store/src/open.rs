//! Opening a generation: the live one for reading, a new one for writing.
//!
//! A generation is opened only when it matches its manifest
//! ([`crate::verify`]): complete, every file its recorded size and
//! checksum. A half-copied or damaged one is an error, never served.

use std::path::Path;

use sifa_analysis::ChineseAnalysis;
use tantivy::directory::MmapDirectory;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexSettings};

use crate::generations::{GENERATION_DICTIONARY, GenerationInfo, IndexLocation};
use crate::{DocStoreSettings, IndexSchema, Manifest, StoreError};

/// The live generation of an index directory, opened for reading.
pub struct OpenIndex {
    pub index: Index,
    pub schema: IndexSchema,
    pub analysis: ChineseAnalysis,
    pub generation: String,
    pub location: IndexLocation,
    /// What the generation held when it was opened and verified.
    pub manifest: Manifest,
}

impl OpenIndex {
    /// Opens the live generation, with the user dictionary it was built
    /// with, once it matches its manifest.
    pub fn open(location: &IndexLocation) -> Result<Self, StoreError> {
        Self::open_live(location, None)
    }

    /// Opens the live generation reusing an already loaded analysis when
    /// the dictionary is unchanged (loading jieba takes a moment).
    pub fn reopen(location: &IndexLocation, previous: &ChineseAnalysis) -> Result<Self, StoreError> {
        Self::open_live(location, Some(previous))
    }

    fn open_live(location: &IndexLocation, previous: Option<&ChineseAnalysis>) -> Result<Self, StoreError> {
        let generation =
            location.current()?.ok_or_else(|| StoreError::NoIndex(location.root().display().to_string()))?;
        let path = location.generation_path(&generation);
        if !path.is_dir() {
            return Err(StoreError::MissingGeneration(generation));
        }
        let manifest = crate::verify(&path, &generation)?;
        let dictionary_path = path.join(GENERATION_DICTIONARY);
        let dictionary = std::fs::read_to_string(&dictionary_path).map_err(|e| StoreError::io(&dictionary_path, e))?;
        let analysis = match previous {
            Some(previous) if previous.user_dictionary() == dictionary => previous.clone(),
            _ => ChineseAnalysis::with_user_dictionary(&dictionary)?,
        };
        let (index, schema) = open_generation(&path, &generation)?;
        analysis.register(&index);
        Ok(Self { index, schema, analysis, generation, location: location.clone(), manifest })
    }

    pub fn info(&self) -> Result<GenerationInfo, StoreError> {
        self.location.read_info(&self.generation)
    }

    /// Rewrites the manifest after an in-place change (`add`, `delete`)
    /// and its `generation.json`, so it lists the files now live. The
    /// caller holds the writer lock.
    pub fn rewrite_manifest(&self) -> Result<(), StoreError> {
        let info = self.info()?;
        let path = self.location.generation_path(&self.generation);
        Manifest::compute(&path, &self.index, info, self.manifest.build_seconds)?.write(&path)
    }
}

pub(crate) fn open_generation(path: &Path, generation: &str) -> Result<(Index, IndexSchema), StoreError> {
    // Readers need no lock file where they cannot write one (a read-only copy).
    let opened = crate::read_only::ReaderDirectory::open(path)
        .map_err(tantivy::TantivyError::from)
        .and_then(Index::open)
        .map_err(|source| StoreError::Open { generation: generation.to_string(), source })?;
    let schema =
        IndexSchema::from_schema(opened.schema()).ok_or_else(|| StoreError::Incompatible(generation.to_string()))?;
    Ok((opened, schema))
}

/// Creates an empty index in `path` with sifa's schema and settings.
pub(crate) fn create_index(
    path: &Path,
    analysis: &ChineseAnalysis,
    doc_store: DocStoreSettings,
) -> Result<(Index, IndexSchema), StoreError> {
    let schema = IndexSchema::new();
    let compression = match doc_store.zstd_level {
        Some(level) => Compressor::Zstd(ZstdCompressor { compression_level: Some(level) }),
        None => Compressor::None,
    };
    let settings = IndexSettings {
        docstore_compression: compression,
        docstore_blocksize: doc_store.block_bytes,
        ..IndexSettings::default()
    };
    let directory = MmapDirectory::open(path).map_err(tantivy::TantivyError::from)?;
    let index = Index::create(directory, schema.schema.clone(), settings)?;
    analysis.register(&index);
    Ok((index, schema))
}
