//! What the server's tests share: one index of the demo corpus per test binary.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use sifa_indexer::Pipeline;
use sifa_query::SearchEngine;
use sifa_store::IndexLocation;

/// The search engine over an index of `data/`, built once.
pub fn engine() -> Arc<SearchEngine> {
    static ENGINE: OnceLock<(tempfile::TempDir, Arc<SearchEngine>)> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let location = IndexLocation::new(dir.path());
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
            let pipeline =
                Pipeline::from_dirs(&root.join("data"), Some(&root.join("data"))).unwrap().with_threads(Some(2));
            pipeline.reindex(&location, &()).unwrap();
            (dir, Arc::new(SearchEngine::open(location).unwrap()))
        })
        .1
        .clone()
}
