//! Errors of the query side, each with a stable code and an HTTP status.
//! The server maps them in one table; the CLI prints the message.

use sifa_indexer::IndexError;

/// What went wrong answering a request.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// A parameter the user can fix.
    #[error("invalid parameter `{parameter}`: {message}")]
    InvalidParameter { parameter: &'static str, message: String },
    #[error("no publication with id {0:?}")]
    DocumentNotFound(String),
    /// No index to search (yet): a server-side state, not a user mistake.
    #[error("the index is not available: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl QueryError {
    pub fn invalid(parameter: &'static str, message: impl Into<String>) -> Self {
        QueryError::InvalidParameter { parameter, message: message.into() }
    }

    /// The stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            QueryError::InvalidParameter { .. } => "invalid_parameter",
            QueryError::DocumentNotFound(_) => "document_not_found",
            QueryError::Unavailable(_) => "index_unavailable",
            QueryError::Internal(_) => "internal",
        }
    }
}

impl From<tantivy::TantivyError> for QueryError {
    fn from(err: tantivy::TantivyError) -> Self {
        QueryError::Internal(err.to_string())
    }
}

impl From<IndexError> for QueryError {
    fn from(err: IndexError) -> Self {
        match err {
            IndexError::NoIndex(_) | IndexError::Corrupt(_) => QueryError::Unavailable(err.to_string()),
            other => QueryError::Internal(other.to_string()),
        }
    }
}
