//! The index contract shared by the indexer and the query service.
//!
//! Whatever analyses text at index time must analyse it the same way at
//! query time, or searches silently miss. This crate is the single place
//! where that contract lives:
//!
//! - [`normalize`]: width folding, Latin lowercasing and traditional to
//!   simplified folding, character for character so offsets survive;
//! - [`ChineseAnalysis`]: one shared jieba dictionary (with the domain user
//!   dictionary) and the two tokenizers built on it, registered on an index
//!   by [`ChineseAnalysis::register`];
//! - [`IndexSchema`]: every field name and option in one struct.

mod analysis;
mod normalize;
mod schema;
mod tokenizers;

pub use analysis::{ChineseAnalysis, DictionaryError, TokenSpan, CHARS_TOKENIZER, JIEBA_TOKENIZER};
pub use normalize::{fold_char, normalize, Normalized};
pub use schema::IndexSchema;
pub use tokenizers::{CharTokenizer, JiebaSearchTokenizer};

/// The domain user dictionary shipped with sifa (`data/userdict.txt`).
pub const DEFAULT_USER_DICTIONARY: &str = include_str!("../../../data/userdict.txt");
