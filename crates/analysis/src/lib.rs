//! The index contract shared by the indexer and the query service.
//!
//! Whatever analyses text at index time must analyse it the same way at
//! query time, or searches silently miss. This crate is the single place
//! where that contract lives:
//!
//! - [`fold`]: width folding, Latin lowercasing and traditional to
//!   simplified folding, character for character so offsets survive;
//!   indexed fields hold folded text and queries are folded alike;
//! - [`ChineseAnalysis`]: one shared jieba dictionary (with the domain user
//!   dictionary) and the two tokenizers built on it, registered on an index
//!   by [`ChineseAnalysis::register`];
//! - [`IndexSchema`]: every field name and option in one struct.

mod analysis;
mod normalize;
mod schema;
mod tokenizers;

pub use analysis::{CHARS_TOKENIZER, ChineseAnalysis, DictionaryError, JIEBA_TOKENIZER, TokenSpan};
pub use normalize::{Normalized, fold, fold_char, normalize};
pub use schema::IndexSchema;
pub use tokenizers::{CharTokenizer, JiebaSearchTokenizer};

/// The domain user dictionary shipped with sifa (`data/userdict.txt`).
pub const DEFAULT_USER_DICTIONARY: &str = include_str!("../../../data/userdict.txt");
