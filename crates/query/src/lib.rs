//! The query side: what a researcher types and picks, turned into tantivy
//! queries over the index the indexer built, with disjunctive facets,
//! highlighting and snippets.
//!
//! - [`parse`]: the query language, parsed forgivingly;
//! - [`SearchRequest`]: validated parameters (shared by API and CLI);
//! - [`SearchEngine`]: the live generation with hot reload (`snapshot`),
//!   switching only to generations that match their manifest;
//!   each request is answered by one [`Snapshot`]: `search` (with
//!   `facets`), `documents`, `similar`, `suggest`, and the research
//!   instruments `timeline`, `concordance` (keyword in context) and
//!   `diffusion` (first appearance by region).
//!
//! It reads the index through `sifa-store` and never writes it.

mod build;
mod compile;
mod computed;
mod concordance;
mod counting;
mod diffusion;
mod dimensions;
mod documents;
mod error;
mod exclusion;
mod export;
mod facets;
mod filters;
mod highlight;
mod limits;
pub mod links;
mod matching;
mod near;
mod parameters;
pub mod parse;
mod ranking;
mod request;
mod response;
mod search;
mod similar;
mod snapshot;
mod suggest;
mod synonyms;
#[cfg(test)]
mod testing;
mod timeline;

pub use concordance::{
    ConcordanceField, ConcordanceLine, ConcordanceParams, ConcordanceRequest, ConcordanceResponse, ConcordanceSort,
};
pub use diffusion::{
    Adoption, DiffusionParams, DiffusionReference, DiffusionRequest, DiffusionResponse, Level, PanelRow,
    ReferenceChoice, Region, Unmatched,
};
pub use dimensions::{DIMENSIONS, Dimension, DimensionsResponse, ValueLabel, Values, comparisons};
pub use error::QueryError;
pub use export::Exported;
pub use highlight::{Highlighter, SNIPPET_CHARS};
pub use limits::{Limits, MAX_CONCORDANCE_EXPORT, MAX_EXPORT, MAX_PER_PAGE, MAX_QUERY_CHARS, check_query};
pub use parameters::{
    Flag, Parameter, Shape, concordance_parameters, diffusion_parameters, search_parameters, timeline_parameters,
    with_search_parameters,
};
pub use request::{FacetSelection, SearchParams, SearchRequest, Sort, VersionMode};
pub use response::{DocumentView, FacetCount, Facets, Hit, KindLabel, SearchResponse, Suggestion, kind_labels};
pub use snapshot::{Follow, Refusal, SearchEngine, ServedState, Snapshot};
pub use synonyms::{DEFAULT_SYNONYMS, EXPANSION_BOOST, ExpandedTerm, Expansion, SynonymGroup, Synonyms, SynonymsError};
pub use timeline::{Interval, Period, Series, TimelineBy, TimelineParams, TimelineRequest, TimelineResponse};
