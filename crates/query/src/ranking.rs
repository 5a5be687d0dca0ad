//! Authority in ranking: a small prior by kind and level of the issuer.
//!
//! For a subject query the national law or State Council regulation on the
//! subject belongs above local news that mention the words. Relevance (BM25
//! on titles, weighted as `sifa_store::schema::SEARCHED_TEXTS` says against
//! the body, plus an exact-title bonus) is multiplied by the prior of the
//! document's kind and level. The prior is deliberately small: it orders documents of similar
//! relevance, it does not lift a passing mention above a document about
//! the subject.
//!
//! | kind | prior |
//! |---|---|
//! | law | 1.6 |
//! | regulation (State Council), judicial interpretation | 1.45 |
//! | departmental rule, rule | 1.3 |
//! | local regulation | 1.2 |
//! | notice, work plan, report | 1.1 |
//! | news, case, other | 1.0 |
//!
//! Level: national ×1.1, provincial ×1.05, others ×1.0.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use sifa_model::{AgencyLevel, Kind};
use sifa_store::schema::names;
use tantivy::index::SegmentId;
use tantivy::{DocId, SegmentReader};

/// The prior of a kind.
pub fn kind_prior(kind: Kind) -> f32 {
    match kind {
        Kind::Law => 1.6,
        Kind::Regulation | Kind::JudicialInterpretation => 1.45,
        Kind::DepartmentalRule | Kind::Rule => 1.3,
        Kind::LocalRegulation => 1.2,
        Kind::Notice | Kind::WorkPlan | Kind::Report => 1.1,
        Kind::News | Kind::Case | Kind::Other => 1.0,
    }
}

/// The prior of an issuer's level.
pub fn level_prior(level: Option<AgencyLevel>) -> f32 {
    match level {
        Some(AgencyLevel::National) => 1.1,
        Some(AgencyLevel::Provincial) => 1.05,
        _ => 1.0,
    }
}

/// The prior of a document, from its fast-field ranks.
pub fn prior(kind_rank: Option<u64>, level_rank: Option<u64>) -> f32 {
    let kind = kind_rank.map_or(Kind::Other, sifa_store::document::kind_of_rank);
    let level = level_rank.and_then(sifa_store::document::level_of_rank);
    kind_prior(kind) * level_prior(level)
}

/// Days since the epoch of documents without a date: after all dated
/// documents in either date order.
pub(crate) const NO_DATE: f64 = -1e12;

/// The prior and the day of every document of one segment, read from the
/// fast fields once: ordering reads them for every match of every search,
/// and an optional column (not every publication has a date) costs a rank
/// lookup per read.
pub(crate) struct OrderKeys {
    prior: Vec<f32>,
    days: Vec<f64>,
}

impl OrderKeys {
    fn of(segment: &SegmentReader) -> Self {
        let fast = segment.fast_fields();
        let dates = fast.date(names::DATE).ok();
        let kinds = fast.u64(names::KIND_RANK).ok();
        let levels = fast.u64(names::LEVEL_RANK).ok();
        let docs = 0..segment.max_doc();
        let prior = docs
            .clone()
            .map(|doc| prior(kinds.as_ref().and_then(|c| c.first(doc)), levels.as_ref().and_then(|c| c.first(doc))))
            .collect();
        let days = docs
            .map(|doc| {
                let date = dates.as_ref().and_then(|c| c.first(doc));
                date.map_or(NO_DATE, |d| (d.into_timestamp_secs() / 86_400) as f64)
            })
            .collect();
        Self { prior, days }
    }

    pub fn prior(&self, doc: DocId) -> f32 {
        self.prior[doc as usize]
    }

    /// Days since the epoch, or [`NO_DATE`].
    pub fn days(&self, doc: DocId) -> f64 {
        self.days[doc as usize]
    }
}

/// [`OrderKeys`] by segment, for the snapshot's searches (segments never change).
#[derive(Default)]
pub(crate) struct OrderCache {
    map: Mutex<HashMap<SegmentId, Arc<OrderKeys>>>,
}

/// Segments kept before the cache starts over (in-place commits bring new ones).
const ORDER_CACHE_SEGMENTS: usize = 1024;

impl OrderCache {
    pub fn of(&self, segment: &SegmentReader) -> Arc<OrderKeys> {
        if let Some(found) = self.map.lock().unwrap_or_else(|e| e.into_inner()).get(&segment.segment_id()) {
            return found.clone();
        }
        let keys = Arc::new(OrderKeys::of(segment));
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= ORDER_CACHE_SEGMENTS {
            map.clear();
        }
        map.insert(segment.segment_id(), keys.clone());
        keys
    }
}

/// The order key of a hit: larger first. Scores and dates share one key
/// type so that one collector serves every sort.
pub(crate) type SortKey = (f64, f64);

/// The score a hit shows: the relevance it was ordered by, or under a
/// sort by date or citations, its relevance all the same.
pub(crate) fn score_of(key: SortKey, sort: crate::request::Sort) -> f32 {
    match sort {
        crate::request::Sort::Relevance => key.0 as f32,
        _ => key.1 as f32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laws_outrank_regulations_outrank_rules_outrank_news() {
        let order = [Kind::Law, Kind::Regulation, Kind::Rule, Kind::LocalRegulation, Kind::Notice, Kind::News];
        for pair in order.windows(2) {
            assert!(kind_prior(pair[0]) > kind_prior(pair[1]), "{:?} over {:?}", pair[0], pair[1]);
        }
        assert!(level_prior(Some(AgencyLevel::National)) > level_prior(Some(AgencyLevel::County)));
        assert_eq!(prior(None, None), 1.0, "an unknown document is neither lifted nor lowered");
    }
}
