//! The live index generation, with hot reload.
//!
//! A [`SearchEngine`] hands out [`Snapshot`]s: an open generation and its
//! reader. A request keeps its snapshot to the end, so switching to a new
//! generation (after `sifa reindex`) never fails a request in flight.
//! Within a generation, tantivy's reader picks up `add`/`delete` commits.
//! What a snapshot answers lives beside this file: [`crate::search`],
//! [`crate::documents`], [`crate::similar`], [`crate::suggest`].

use std::sync::{Arc, RwLock};

use sifa_store::{IndexLocation, IndexStats, OpenIndex};
use tantivy::{IndexReader, ReloadPolicy, Searcher};

use crate::QueryError;
use crate::build::QueryBuilder;

/// Decompressed doc-store blocks kept per segment (64 KiB each): hits and
/// snippets of popular documents are read without decompressing again.
const DOC_STORE_CACHE_BLOCKS: usize = 400;

/// An open generation and its reader.
pub struct Snapshot {
    pub open: OpenIndex,
    pub reader: IndexReader,
}

/// Searches the live generation of an index directory.
pub struct SearchEngine {
    location: IndexLocation,
    current: RwLock<Arc<Snapshot>>,
}

impl Snapshot {
    fn new(open: OpenIndex) -> Result<Self, QueryError> {
        let reader = open
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .doc_store_cache_num_blocks(DOC_STORE_CACHE_BLOCKS)
            .try_into()?;
        Ok(Self { open, reader })
    }

    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    pub(crate) fn builder(&self) -> QueryBuilder<'_> {
        QueryBuilder { schema: &self.open.schema, analysis: &self.open.analysis }
    }

    pub fn stats(&self) -> Result<IndexStats, QueryError> {
        Ok(IndexStats::compute(&self.open)?)
    }
}

impl SearchEngine {
    pub fn open(location: IndexLocation) -> Result<Self, QueryError> {
        let snapshot = Snapshot::new(OpenIndex::open(&location)?)?;
        Ok(Self { location, current: RwLock::new(Arc::new(snapshot)) })
    }

    /// The snapshot to answer one request with.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Switches to a new generation if `CURRENT` names one; returns whether
    /// it switched. The dictionary is reused when unchanged.
    pub fn refresh(&self) -> Result<bool, QueryError> {
        let live = self.location.current()?;
        let snapshot = self.snapshot();
        if live.as_deref() == Some(snapshot.open.generation.as_str()) {
            return Ok(false);
        }
        let open = OpenIndex::reopen(&self.location, &snapshot.open.analysis)?;
        let fresh = Arc::new(Snapshot::new(open)?);
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = fresh;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use sifa_store::GenerationBuilder;

    use crate::testing::{self, publication};

    #[test]
    fn refresh_switches_to_a_new_generation_and_old_snapshots_keep_working() {
        let fixture = testing::Fixture::new();
        let engine = fixture.engine();
        let before = engine.snapshot();
        assert!(!engine.refresh().unwrap(), "nothing new yet");
        let mut builder =
            GenerationBuilder::start(&fixture.location(), &testing::analysis(), sifa_store::WriterSettings::bulk(1))
                .unwrap();
        builder.add(sifa_store::to_document(builder.schema(), &publication("only", "唯一一篇", "正文")).0).unwrap();
        builder.commit("test").unwrap();
        assert!(engine.refresh().unwrap(), "switched");
        assert_eq!(engine.snapshot().searcher().num_docs(), 1);
        assert_eq!(before.searcher().num_docs(), testing::DOCUMENTS as u64, "a request in flight keeps its snapshot");
    }

    #[test]
    fn stats_count_the_fixture() {
        let fixture = testing::Fixture::new();
        let stats = fixture.engine().snapshot().stats().unwrap();
        assert_eq!(stats.documents, testing::DOCUMENTS as u64);
        assert_eq!(stats.by_kind.get("law"), Some(&1));
    }
}
