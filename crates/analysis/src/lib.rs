//! The index contract shared by the indexer and the query service.
//!
//! Whatever analyses text at index time must analyse it the same way at
//! query time, or searches silently miss. This crate is the single place
//! where that contract lives:
//!
//! - [`fold`] (from `sifa-fold`, re-exported): indexed fields hold folded
//!   text and queries are folded alike;
//! - [`ChineseAnalysis`]: one shared jieba dictionary (with the domain user
//!   dictionary) and the two tokenizers built on it, registered on an index
//!   by [`ChineseAnalysis::register`].
//!
//! The schema that names the fields these tokenizers fill is `sifa-store`'s.

mod analysis;
mod tokenizers;

pub use analysis::{CHARS_TOKENIZER, ChineseAnalysis, DictionaryError, JIEBA_TOKENIZER, TokenSpan};
pub use sifa_fold::{Normalized, fold, fold_char, normalize};
pub use tokenizers::{CharTokenizer, JiebaSearchTokenizer};

/// The domain user dictionary shipped with sifa (`data/userdict.txt`).
pub const DEFAULT_USER_DICTIONARY: &str = include_str!("../../../data/userdict.txt");
