//! The query side: what a researcher types and picks, turned into tantivy
//! queries over the index the indexer built, with disjunctive facets,
//! highlighting and snippets.
//!
//! - [`parse`]: the query language, parsed forgivingly;
//! - [`SearchRequest`]: validated parameters (shared by API and CLI);
//! - [`SearchEngine`]: the live generation with hot reload, and the
//!   searches, documents, similar publications and suggestions it answers.

mod build;
mod engine;
mod error;
mod highlight;
pub mod parse;
mod request;
mod response;

pub use engine::{SearchEngine, Snapshot};
pub use error::QueryError;
pub use highlight::{Highlighter, SNIPPET_CHARS};
pub use request::{FacetSelection, MAX_PER_PAGE, MAX_QUERY_CHARS, SearchParams, SearchRequest, Sort};
pub use response::{DocumentView, FacetCount, Facets, Hit, SearchResponse, Suggestion};
