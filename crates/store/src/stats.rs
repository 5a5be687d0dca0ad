//! What an index holds: sizes, dates and counts per facet.

use std::collections::BTreeMap;

use serde::Serialize;
use sifa_model::AgencyLevel;
use tantivy::collector::{Count, FacetCollector};
use tantivy::query::{AllQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::schema::names;
use crate::{OpenIndex, StoreError};

/// Summary of the live generation.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct IndexStats {
    pub documents: u64,
    pub index_bytes: u64,
    pub generation: String,
    /// Unix seconds.
    pub built_at: u64,
    pub updated_at: u64,
    pub source_dir: String,
    pub by_level: BTreeMap<String, u64>,
    pub by_kind: BTreeMap<String, u64>,
    pub by_topic: BTreeMap<String, u64>,
    pub by_year: BTreeMap<String, u64>,
}

/// Counts of the direct children of the facet root of the field `name`.
fn top_facet_counts(searcher: &Searcher, name: &str) -> Result<BTreeMap<String, u64>, StoreError> {
    let mut collector = FacetCollector::for_field(name);
    collector.add_facet("/");
    let counts = searcher.search(&AllQuery, &collector)?;
    Ok(counts
        .get("/")
        .map(|(facet, count)| (facet.to_path().last().map(|s| s.to_string()).unwrap_or_default(), count))
        .collect())
}

impl IndexStats {
    pub fn compute(open: &OpenIndex) -> Result<Self, StoreError> {
        let searcher = open.index.reader()?.searcher();
        let info = open.info()?;
        let schema = &open.schema;
        let mut by_level = BTreeMap::new();
        for level in [AgencyLevel::National, AgencyLevel::Provincial, AgencyLevel::City, AgencyLevel::County] {
            let query =
                TermQuery::new(Term::from_field_text(schema.agency_level, level.as_str()), IndexRecordOption::Basic);
            by_level.insert(level.as_str().to_string(), searcher.search(&query, &Count)? as u64);
        }
        Ok(Self {
            documents: searcher.num_docs(),
            index_bytes: open.location.generation_size(&open.generation),
            generation: open.generation.clone(),
            built_at: info.built_at,
            updated_at: info.updated_at,
            source_dir: info.source_dir,
            by_level,
            by_kind: top_facet_counts(&searcher, names::KIND_FACET)?,
            by_topic: top_facet_counts(&searcher, names::TOPIC_FACET)?,
            by_year: top_facet_counts(&searcher, names::TIMELINE_FACET)?,
        })
    }
}
