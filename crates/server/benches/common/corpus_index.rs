//! The index the benches search: `SIFA_BENCH_INDEX` (built there first
//! when it holds no generation yet, and kept), else a temporary one built
//! from the shared corpus (`$SIFA_CORPUS` or `../shared/corpus`).

use std::path::PathBuf;

use sifa_indexer::Pipeline;
use sifa_store::IndexLocation;

/// The index searched: `SIFA_BENCH_INDEX` (built there first when it holds
/// no generation yet, and kept), else a temporary one.
pub fn index_dir() -> (Option<tempfile::TempDir>, PathBuf) {
    let given = std::env::var_os("SIFA_BENCH_INDEX").map(PathBuf::from);
    if let Some(dir) = &given
        && IndexLocation::new(dir).current().ok().flatten().is_some()
    {
        return (None, dir.clone());
    }
    let corpus = std::env::var_os("SIFA_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    assert!(corpus.is_dir(), "no corpus at {} (set SIFA_CORPUS)", corpus.display());
    let (temp, path) = match given {
        Some(dir) => (None, dir),
        None => {
            let temp = tempfile::tempdir().unwrap();
            let path = temp.path().to_path_buf();
            (Some(temp), path)
        }
    };
    let summary =
        Pipeline::with_default_rules(corpus).with_threads(Some(2)).reindex(&IndexLocation::new(&path), &()).unwrap();
    println!("index: {} documents", summary.documents);
    (temp, path)
}
