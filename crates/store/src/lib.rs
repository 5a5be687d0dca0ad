//! The on-disk index contract, shared by the write path (`sifa-indexer`)
//! and the read path (`sifa-query`, `sifa-server`).
//!
//! - [`schema`]: every field, its name and options, in one place;
//! - [`generations`]: the directory layout, `CURRENT` and the writer lock;
//! - [`Manifest`]: what a complete generation holds, every file with its
//!   size and SHA-256, so a copy is opened only when intact ([`verify`]);
//! - [`OpenIndex`]: the live generation opened with the dictionary it was
//!   built with; [`GenerationBuilder`]: a new generation written and
//!   switched to atomically;
//! - [`document`]: a [`sifa_model::Publication`] to a stored document and back;
//! - [`links`]: what each publication cites, versions and reposts, beside
//!   the documents of a generation;
//! - [`IndexStats`] and [`check`]: what an index holds, and whether it is sound.
//!
//! Neither extraction nor query parsing lives here: this crate knows what
//! an index looks like, not how pages are read or queries understood.

mod builder;
mod check;
pub mod document;
mod error;
mod find;
pub mod generations;
pub mod links;
mod manifest;
mod open;
mod read_only;
pub mod schema;
mod stats;
#[cfg(test)]
mod testing;

pub use builder::{Committed, DocStoreSettings, GenerationBuilder, MergeMode, WriterSettings};
pub use check::{CheckReport, DocumentCount, check};
pub use document::{from_document, from_document_without_evidence, stored_text, summary_of, to_document};
pub use error::{StoreError, chain as error_chain};
pub use find::first_match;
pub use generations::{GenerationInfo, IndexLocation, WriteLock};
pub use links::{Links, VersionStatus};
pub use manifest::{Manifest, ManifestFile, verify};
pub use open::OpenIndex;
pub use schema::IndexSchema;
pub use stats::IndexStats;
