//! The two tokenizers of the index: units and pairs of units
//! ([`crate::adjacency`]), for exact matching of any sub-string, words or
//! not, and for ranking (the query's jieba pieces are looked up as pairs).
//!
//! Both expect folded text ([`fold`](crate::fold)) and use character
//! offsets of the joined text as positions. Tokens are produced lazily into
//! one reused buffer, as tantivy's own tokenizers do: indexing makes tens
//! of millions of them.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::adjacency::{Link, Units, pair_term};

/// Units longer than this many bytes are not indexed: they are base64,
/// hashes or garbage, never words anyone types.
const MAX_TOKEN_BYTES: usize = 96;

/// One token per unit ([`crate::adjacency`]): a Han character, or a run of
/// Latin letters or digits. Indexed with frequencies only, for words of one
/// unit (法, 12348); longer words are found through [`PairTokenizer`].
#[derive(Clone, Default)]
pub struct CharTokenizer;

pub struct CharTokenStream<'a> {
    units: Units<'a>,
    token: Token,
}

impl TokenStream for CharTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while self.units.advance() {
            if self.units.text.len() > MAX_TOKEN_BYTES {
                continue;
            }
            self.token.offset_from = self.units.byte_from;
            self.token.offset_to = self.units.byte_to;
            self.token.position = self.units.position as usize;
            self.token.position_length = self.units.chars_len as usize;
            std::mem::swap(&mut self.token.text, &mut self.units.text);
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
        CharTokenStream { units: Units::new(text), token: Token::default() }
    }
}

/// One token per two units that stand together (or are bridged), at the
/// position of the first: 司法行政 gives 司法 at 0, 法行 at 1, 行政 at 2. A
/// word of two units is one term; a longer one a phrase of pairs at fixed
/// offsets ([`crate::stretches`]). Pairs are much rarer than single
/// characters, so a phrase of them reads far fewer positions.
#[derive(Clone, Default)]
pub struct PairTokenizer;

pub struct PairTokenStream<'a> {
    units: Units<'a>,
    /// The last unit: its text, position and first byte (`None` after a
    /// unit too long to index).
    previous: Option<(u32, usize)>,
    previous_text: String,
    token: Token,
}

impl TokenStream for PairTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while self.units.advance() {
            let units = &mut self.units;
            if units.text.len() > MAX_TOKEN_BYTES {
                self.previous = None;
                continue;
            }
            let previous = self.previous.replace((units.position, units.byte_from));
            let paired = match previous {
                Some((position, byte_from)) if units.link != Link::Apart => {
                    pair_term(&mut self.token.text, &self.previous_text, units.link, &units.text);
                    self.token.offset_from = byte_from;
                    self.token.offset_to = units.byte_to;
                    self.token.position = position as usize;
                    self.token.position_length = (units.position + units.chars_len - position) as usize;
                    true
                }
                _ => false,
            };
            std::mem::swap(&mut self.previous_text, &mut units.text);
            if paired {
                return true;
            }
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

impl Tokenizer for PairTokenizer {
    type TokenStream<'a> = PairTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PairTokenStream<'a> {
        PairTokenStream {
            units: Units::new(text),
            previous: None,
            previous_text: String::new(),
            token: Token::default(),
        }
    }
}
