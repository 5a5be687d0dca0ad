//! The two tokenizers of sifa: jieba search mode for words and one token per
//! Han character for sub-strings that cross word boundaries.
//!
//! Both fold text with [`normalize`](crate::normalize) first, report offsets
//! in the *original* text (so snippets highlight stored text) and use
//! character offsets as positions. Character positions keep phrase queries
//! correct over search mode's overlapping tokens (人民 / 共和国 / 人民共和国),
//! which ordinal positions would break.

use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy_jieba::jieba_rs::Jieba;

use crate::normalize::normalize;

/// Tokens longer than this many bytes are dropped: they are base64, hashes
/// or garbage, never words anyone types.
const MAX_TOKEN_BYTES: usize = 96;

/// jieba search mode over a shared dictionary.
///
/// tantivy clones a tokenizer on every use; holding the dictionary in an
/// `Arc` makes that clone a pointer copy instead of a deep copy of the
/// dictionary (milliseconds per query otherwise).
#[derive(Clone)]
pub struct JiebaSearchTokenizer {
    jieba: Arc<Jieba>,
}

impl JiebaSearchTokenizer {
    pub fn new(jieba: Arc<Jieba>) -> Self {
        Self { jieba }
    }
}

/// A token stream over tokens computed up front.
pub struct VecTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl VecTokenStream {
    fn new(tokens: Vec<Token>) -> Self {
        Self { tokens, index: 0 }
    }
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.index += 1;
        self.index <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

/// Whether a token carries searchable content (not punctuation or spaces).
fn is_searchable(word: &str) -> bool {
    word.len() <= MAX_TOKEN_BYTES && word.chars().any(char::is_alphanumeric)
}

impl Tokenizer for JiebaSearchTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let normalized = normalize(text);
        let tokens = self
            .jieba
            .cut_for_search(&normalized.text, true)
            .into_iter()
            .filter(|t| is_searchable(t.word))
            .map(|t| {
                let range = normalized.original_range(t.start, t.end);
                Token {
                    offset_from: range.start,
                    offset_to: range.end,
                    position: t.start,
                    text: t.word.to_string(),
                    position_length: t.end - t.start,
                }
            })
            .collect();
        VecTokenStream::new(tokens)
    }
}

/// One token per Han character, one per run of Latin letters or digits; the
/// position is the character offset, so a phrase of single characters matches
/// exactly the sub-string it spells (法行政 inside 司法行政工作).
#[derive(Clone, Default)]
pub struct CharTokenizer;

fn is_run_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

impl Tokenizer for CharTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let normalized = normalize(text);
        let chars: Vec<char> = normalized.text.chars().collect();
        let mut tokens = Vec::with_capacity(chars.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let end = if is_run_char(c) {
                let mut j = i + 1;
                while j < chars.len() && is_run_char(chars[j]) {
                    j += 1;
                }
                j
            } else {
                i + 1
            };
            if c.is_alphanumeric() && end - i <= MAX_TOKEN_BYTES {
                let range = normalized.original_range(i, end);
                tokens.push(Token {
                    offset_from: range.start,
                    offset_to: range.end,
                    position: i,
                    text: chars[i..end].iter().collect(),
                    position_length: end - i,
                });
            }
            i = end;
        }
        VecTokenStream::new(tokens)
    }
}
