//! Answers of recent searches, kept as the JSON bytes sent.
//!
//! A search's answer depends only on the request and what the snapshot
//! serves ([`Snapshot::served_state`]: generation, in-place commits, links
//! and synonyms), so an answer is reused only by the same snapshot in the
//! same state; anything else misses and is searched again. The cache is
//! bounded: past [`CAPACITY`] answers the least recently used quarter is
//! dropped, and the answers of a snapshot no longer served go with the
//! first answer of the next. `took_ms` of a reused answer is the time of the first search.
//! The search benchmark reports figures with and without it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use sifa_query::{SearchRequest, ServedState, Snapshot};

/// Answers kept (each some kilobytes of JSON).
pub const CAPACITY: usize = 2048;

struct Entry {
    snapshot: Arc<Snapshot>,
    state: ServedState,
    body: Bytes,
    total: u64,
    used: u64,
}

#[derive(Default)]
pub struct ResponseCache {
    entries: Mutex<HashMap<String, Entry>>,
    clock: AtomicU64,
}

/// The key of a request: its validated form, every field.
pub fn key(request: &SearchRequest) -> String {
    format!("{request:?}")
}

impl ResponseCache {
    /// The answer kept for `key` from `snapshot` in `state`, with its total.
    pub fn get(&self, key: &str, snapshot: &Arc<Snapshot>, state: &ServedState) -> Option<(Bytes, u64)> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let entry = entries.get_mut(key)?;
        if !Arc::ptr_eq(&entry.snapshot, snapshot) || entry.state != *state {
            return None;
        }
        entry.used = self.clock.fetch_add(1, Ordering::Relaxed);
        Some((entry.body.clone(), entry.total))
    }

    pub fn put(&self, key: String, snapshot: Arc<Snapshot>, state: ServedState, body: Bytes, total: u64) {
        let used = self.clock.fetch_add(1, Ordering::Relaxed);
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        // Answers of an earlier snapshot go with the first answer of a new
        // one: they would otherwise keep the old generation open.
        if entries.values().next().is_some_and(|e| !Arc::ptr_eq(&e.snapshot, &snapshot)) {
            entries.retain(|_, e| Arc::ptr_eq(&e.snapshot, &snapshot));
        }
        if entries.len() >= CAPACITY && !entries.contains_key(&key) {
            let mut ages: Vec<u64> = entries.values().map(|e| e.used).collect();
            ages.sort_unstable();
            let cut = ages[CAPACITY / 4];
            entries.retain(|_, e| e.used > cut);
        }
        entries.insert(key, Entry { snapshot, state, body, total, used });
    }
}
