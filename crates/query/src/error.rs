//! Errors of the query side. The server gives each its code and HTTP
//! status in one table (`sifa-server`'s `error_codes.rs`); the CLI prints
//! the message and causes.

use sifa_store::StoreError;

/// What went wrong answering a request.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// A parameter the user can fix.
    #[error("invalid parameter `{parameter}`: {message}")]
    InvalidParameter { parameter: &'static str, message: String },
    #[error("no publication with id {0:?}")]
    DocumentNotFound(String),
    /// No index to search (yet): a state of the server, not a user mistake.
    #[error("the index is not available")]
    Unavailable(#[source] StoreError),
    /// A server waiting for its first verified generation (a replica
    /// before a copy arrives): why it has none yet.
    #[error("no verified index generation is served yet: {0}")]
    NotReady(String),
    /// The index could be opened but not read as expected.
    #[error("the index could not be read")]
    Store(#[source] StoreError),
    #[error("the search failed")]
    Search(#[from] tantivy::TantivyError),
    #[error("the index's term dictionary could not be read")]
    Terms(#[from] std::io::Error),
}

impl QueryError {
    pub fn invalid(parameter: &'static str, message: impl Into<String>) -> Self {
        QueryError::InvalidParameter { parameter, message: message.into() }
    }
}

impl From<StoreError> for QueryError {
    fn from(err: StoreError) -> Self {
        if err.is_unavailable() { QueryError::Unavailable(err) } else { QueryError::Store(err) }
    }
}
