//! The two tokenizers of sifa: jieba search mode for words and one token per
//! Han character for sub-strings that cross word boundaries.
//!
//! Both expect folded text ([`fold`](crate::fold)) and use character
//! offsets as positions. Character positions keep phrase queries correct
//! over search mode's overlapping tokens (人民 / 共和国 / 人民共和国), which
//! ordinal positions would break. Tokens are produced lazily into one
//! reused buffer, as tantivy's own tokenizers do: indexing makes tens of
//! millions of them.

use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy_jieba::jieba_rs::{self, Jieba};

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

/// Whether a token carries searchable content (not punctuation or spaces).
fn is_searchable(word: &str) -> bool {
    word.len() <= MAX_TOKEN_BYTES && word.chars().any(char::is_alphanumeric)
}

pub struct JiebaTokenStream<'a> {
    tokens: std::vec::IntoIter<jieba_rs::Token<'a>>,
    token: Token,
}

impl TokenStream for JiebaTokenStream<'_> {
    fn advance(&mut self) -> bool {
        for t in self.tokens.by_ref() {
            if !is_searchable(t.word) {
                continue;
            }
            self.token.offset_from = t.byte_start;
            self.token.offset_to = t.byte_end;
            self.token.position = t.start;
            self.token.position_length = t.end - t.start;
            self.token.text.clear();
            self.token.text.push_str(t.word);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for JiebaSearchTokenizer {
    type TokenStream<'a> = JiebaTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JiebaTokenStream<'a> {
        JiebaTokenStream { tokens: self.jieba.cut_for_search(text, true).into_iter(), token: Token::default() }
    }
}

/// One token per Han character, one per run of Latin letters or digits; the
/// position is the character offset, so a phrase of single characters matches
/// exactly the sub-string it spells (法行政 inside 司法行政工作).
#[derive(Clone, Default)]
pub struct CharTokenizer;

pub struct CharTokenStream<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    char_index: usize,
    token: Token,
}

/// The two blocks of CJK ideographs that are assigned throughout (so
/// alphabetic): the unified ideographs and extension A.
fn is_common_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

fn is_run_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

impl TokenStream for CharTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((start, c)) = self.chars.next() {
            let position = self.char_index;
            self.char_index += 1;
            let mut end = start + c.len_utf8();
            // Most characters are Han: one token each, without asking
            // Unicode's tables whether they are alphanumeric (the other
            // three quarters of the tokenizer's time before).
            if is_common_han(c) {
                self.token.offset_from = start;
                self.token.offset_to = end;
                self.token.position = position;
                self.token.position_length = 1;
                self.token.text.clear();
                self.token.text.push(c);
                return true;
            }
            if is_run_char(c) {
                while let Some(&(offset, next)) = self.chars.peek() {
                    if !is_run_char(next) {
                        break;
                    }
                    end = offset + next.len_utf8();
                    self.char_index += 1;
                    self.chars.next();
                }
            }
            if !c.is_alphanumeric() || end - start > MAX_TOKEN_BYTES {
                continue;
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = position;
            self.token.position_length = self.char_index - position;
            self.token.text.clear();
            self.token.text.push_str(&self.text[start..end]);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for CharTokenizer {
    type TokenStream<'a> = CharTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CharTokenStream<'a> {
        CharTokenStream { text, chars: text.char_indices().peekable(), char_index: 0, token: Token::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::is_common_han;

    #[test]
    fn the_han_fast_path_covers_only_alphabetic_characters() {
        for c in ('\u{3400}'..='\u{4DBF}').chain('\u{4E00}'..='\u{9FFF}') {
            assert!(is_common_han(c) && c.is_alphanumeric(), "{c:?}");
        }
    }
}
