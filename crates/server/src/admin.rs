//! The admin configuration: the token and the reindex operation
//! (`crate::routes::admin` answers the calls).
//!
//! The server does not know how to build an index (it reads through
//! `sifa-store` and never links the indexer): whoever starts it (the CLI)
//! hands in the reindex operation.

use schemars::JsonSchema;
use serde::Serialize;
use subtle::ConstantTimeEq;

/// A boxed error with its causes.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Why an admin reindex did not happen.
#[derive(Debug, thiserror::Error)]
pub enum AdminFailure {
    /// Another process holds the index's writer lock.
    #[error("the index is busy")]
    Busy(#[source] BoxError),
    #[error("the reindex failed")]
    Failed(#[source] BoxError),
}

/// What a reindex built.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReindexOutcome {
    pub generation: String,
    pub documents: u64,
    pub duplicates: u64,
    pub skipped: u64,
    pub elapsed_secs: f64,
}

/// Builds a new generation from the data directory.
pub type ReindexFn = dyn Fn() -> Result<ReindexOutcome, AdminFailure> + Send + Sync;

/// The admin configuration: the token and the reindex operation.
pub struct Admin {
    token: String,
    reindex: Box<ReindexFn>,
}

impl Admin {
    pub fn new(token: String, reindex: Box<ReindexFn>) -> Self {
        Self { token, reindex }
    }

    /// Whether `presented` is the token, compared in constant time.
    pub(crate) fn accepts(&self, presented: &str) -> bool {
        bool::from(presented.as_bytes().ct_eq(self.token.as_bytes()))
    }

    /// Builds a new generation (on the caller's thread: a blocking call).
    pub(crate) fn reindex(&self) -> Result<ReindexOutcome, AdminFailure> {
        (self.reindex)()
    }
}

impl std::fmt::Debug for Admin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Admin { token: <redacted> }")
    }
}
