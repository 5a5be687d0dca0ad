//! Following the synonyms file: `sifa serve` re-reads it when it changes,
//! so an edit to `data/synonyms.toml` applies to the next search, with no
//! reindex and no restart. A file that does not parse is logged and the
//! list in force is kept.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use sifa_query::{SearchEngine, Synonyms};

/// How often the file's modification time is looked at.
const CHECK_EVERY: Duration = Duration::from_secs(2);

/// Loads `path` into `engine` now and again whenever it changes, forever.
pub async fn follow_synonyms(engine: Arc<SearchEngine>, path: PathBuf) {
    let mut seen: Option<SystemTime> = None;
    let mut ticker = tokio::time::interval(CHECK_EVERY);
    loop {
        ticker.tick().await;
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        if modified.is_none() || modified == seen {
            continue;
        }
        seen = modified;
        let file = path.clone();
        match tokio::task::spawn_blocking(move || Synonyms::load(&file)).await {
            Ok(Ok(synonyms)) => {
                tracing::info!(groups = synonyms.groups().len(), path = %path.display(), "synonyms loaded");
                engine.set_synonyms(synonyms);
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "synonyms file not loaded; keeping the list in force"),
            Err(e) => tracing::warn!(error = %e, "synonyms task failed"),
        }
    }
}
