//! The index contract shared by the indexer and the query service.
//!
//! Whatever analyses text at index time must analyse it the same way at
//! query time, or searches silently miss. This crate is the single place
//! where that contract lives:
//!
//! - [`fold`] (from `sifa-fold`, re-exported): indexed fields hold folded
//!   text and queries are folded alike;
//! - [`adjacency`]: which characters stand together (marks that do not end
//!   a clause are read as absent), the rule of every exact match, and the
//!   [`Stretch`]es and index terms a query's text is found by;
//! - [`ChineseAnalysis`]: one shared jieba dictionary (with the domain user
//!   dictionary) that reads a query's words and pieces, and the two
//!   tokenizers of the index (units, pairs of units), registered on an
//!   index by [`ChineseAnalysis::register`]. The index holds no jieba
//!   tokens: a word is found, and ranked, by the pairs it is made of.
//!
//! The schema that names the fields these tokenizers fill is `sifa-store`'s.

pub mod adjacency;
mod analysis;
mod tokenizers;

pub use adjacency::{Joined, Stretch, StretchTerms, is_joined, is_joiner, joined, joined_text, stretches};
pub use analysis::{CHARS_TOKENIZER, ChineseAnalysis, DictionaryError, PAIRS_TOKENIZER, TokenSpan};
pub use sifa_fold::{Normalized, fold, fold_char, fold_unglossed, folds_in_place, is_folded, normalize};
pub use tokenizers::{CharTokenizer, PairTokenizer};

/// The domain user dictionary shipped with sifa (`data/userdict.txt`).
pub const DEFAULT_USER_DICTIONARY: &str = include_str!("../../../data/userdict.txt");
