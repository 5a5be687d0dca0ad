//! What the server's tests share: one index of the demo corpus per test binary.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use sifa_extract::Extractor;
use sifa_indexer::{IndexLocation, ReindexOptions};
use sifa_query::SearchEngine;

/// The search engine over an index of `data/`, built once.
pub fn engine() -> Arc<SearchEngine> {
    static ENGINE: OnceLock<(tempfile::TempDir, Arc<SearchEngine>)> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let location = IndexLocation::new(dir.path());
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
            let options = ReindexOptions {
                data_dir: root.join("data"),
                threads: 2,
                user_dictionary: std::fs::read_to_string(root.join("data/userdict.txt")).unwrap(),
            };
            sifa_indexer::reindex(&location, &Extractor::with_default_rules(), &options, &()).unwrap();
            (dir, Arc::new(SearchEngine::open(location).unwrap()))
        })
        .1
        .clone()
}
