//! When sifa first saw each publication, kept from one generation to the
//! next: the time a document is written into the index (`indexed_at`),
//! which orders undated publications in `sort=newest` and dates them in
//! the Atom feed. Stamped afresh by every reindex, an undated publication
//! would move to the top of every feed and change its time each night;
//! carried over by id, it keeps its place and its time.

use std::collections::HashMap;

use sifa_store::schema::names;
use sifa_store::{IndexLocation, IndexSchema};
use tantivy::DocSet;
use tantivy::schema::IndexRecordOption;

/// The first-seen time of every publication of the live generation, and
/// the time given to those it does not hold.
pub struct FirstSeen {
    previous: HashMap<String, i64>,
    now: i64,
}

impl FirstSeen {
    /// Reads the live generation of `location` (none, or one that cannot
    /// be read: every publication is new).
    pub fn of_live(location: &IndexLocation) -> Self {
        let now = sifa_model::instant::unix_now();
        Self { previous: read(location).unwrap_or_default(), now }
    }

    /// When the publication `id` was first indexed (Unix seconds).
    pub fn of(&self, id: &str) -> i64 {
        self.previous.get(id).copied().unwrap_or(self.now)
    }
}

fn read(location: &IndexLocation) -> Option<HashMap<String, i64>> {
    let name = location.current().ok()??;
    let index = tantivy::Index::open_in_dir(location.generation_path(&name)).ok()?;
    let schema = IndexSchema::from_schema(index.schema())?;
    let searcher = index.reader().ok()?.searcher();
    let mut seen = HashMap::new();
    for segment in searcher.segment_readers() {
        let Ok(times) = segment.fast_fields().date(names::INDEXED_AT) else { continue };
        let ids = segment.inverted_index(schema.id).ok()?;
        let mut terms = ids.terms().stream().ok()?;
        while terms.advance() {
            let postings = ids.read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic).ok()?;
            let doc = postings.doc();
            if segment.is_deleted(doc) {
                continue;
            }
            let Some(time) = times.first(doc).map(|t| t.into_timestamp_secs()) else { continue };
            let id = String::from_utf8_lossy(terms.key()).into_owned();
            seen.entry(id).and_modify(|t: &mut i64| *t = (*t).min(time)).or_insert(time);
        }
    }
    Some(seen)
}
