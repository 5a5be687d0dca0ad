//! The dictionary, loaded once, and the registration of sifa's analyzers.

use std::sync::Arc;

use tantivy::Index;
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};
use tantivy_jieba::jieba_rs::Jieba;

use crate::adjacency::joined_text;
use crate::tokenizers::{CharTokenizer, PairTokenizer};
use sifa_fold::fold;

/// Name under which the per-unit analyzer is registered.
pub const CHARS_TOKENIZER: &str = "sifa_chars";
/// Name under which the analyzer of pairs of units is registered.
pub const PAIRS_TOKENIZER: &str = "sifa_pairs";

/// A user dictionary that jieba could not load.
#[derive(Debug, thiserror::Error)]
#[error("user dictionary line {line}: {reason}")]
pub struct DictionaryError {
    pub line: usize,
    pub reason: String,
}

/// A word of analysed text: folded text and its character span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// jieba with sifa's user dictionary, shared by every tokenizer and query.
#[derive(Clone)]
pub struct ChineseAnalysis {
    jieba: Arc<Jieba>,
    user_dictionary: Arc<str>,
}

impl ChineseAnalysis {
    /// jieba's default dictionary plus `user_dictionary` (jieba's format:
    /// `word [freq] [tag]` per line). Blank lines and `#` comments are allowed.
    pub fn with_user_dictionary(user_dictionary: &str) -> Result<Self, DictionaryError> {
        let mut jieba = Jieba::new();
        for (index, line) in user_dictionary.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap_or_default();
            let freq = match parts.next() {
                Some(f) => Some(f.parse::<usize>().map_err(|_| DictionaryError {
                    line: index + 1,
                    reason: format!("frequency {f:?} is not a whole number"),
                })?),
                None => None,
            };
            jieba.add_word(&fold(word), freq, parts.next());
        }
        Ok(Self { jieba: Arc::new(jieba), user_dictionary: user_dictionary.into() })
    }

    /// The dictionary shipped with sifa.
    pub fn default_dictionary() -> Self {
        Self::with_user_dictionary(crate::DEFAULT_USER_DICTIONARY)
            .expect("the shipped user dictionary is valid (checked by a test)")
    }

    /// The user dictionary text this analysis was built with; an index keeps a
    /// copy so queries load exactly the dictionary the index was built with.
    pub fn user_dictionary(&self) -> &str {
        &self.user_dictionary
    }

    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// Registers both analyzers on `index`.
    pub fn register(&self, index: &Index) {
        self.register_on(index.tokenizers());
    }

    pub fn register_on(&self, manager: &TokenizerManager) {
        manager.register(CHARS_TOKENIZER, TextAnalyzer::builder(CharTokenizer).build());
        manager.register(PAIRS_TOKENIZER, TextAnalyzer::builder(PairTokenizer).build());
    }

    /// The words of a query's unspaced run, each of which a document must
    /// hold contiguously: jieba's exact cut with the user dictionary (no
    /// HMM, so unknown runs fall into single characters), with every single
    /// Han character joined to its neighbour (司法局 is one word, never
    /// 司法 + 局; an unknown name 张三丰 stays whole). Separate words may
    /// stand apart in a document (行政复议纠错率 → 行政复议, 纠错率). The
    /// run is read joined ([`crate::adjacency`]): 立、改、废、释 is one word.
    /// Spans are in characters of the joined text.
    pub fn query_words(&self, text: &str) -> Vec<TokenSpan> {
        let folded = joined_text(&fold(text));
        let mut words: Vec<TokenSpan> = Vec::new();
        // Whether the last word is a lone character still looking for a
        // neighbour to join.
        let mut last_is_lone = false;
        for token in self.jieba.cut(&folded, false) {
            if !token.word.chars().any(char::is_alphanumeric) {
                last_is_lone = false;
                words.push(TokenSpan { text: String::new(), start: token.start, end: token.end });
                continue;
            }
            let lone = token.end - token.start == 1 && token.word.chars().all(is_han);
            match words.last_mut() {
                Some(last) if !last.text.is_empty() && last.end == token.start && (lone || last_is_lone) => {
                    last.text.push_str(token.word);
                    last.end = token.end;
                    last_is_lone = false;
                }
                _ => {
                    words.push(TokenSpan { text: token.word.to_string(), start: token.start, end: token.end });
                    last_is_lone = lone;
                }
            }
        }
        words.retain(|w| !w.text.is_empty());
        words
    }

    /// The finest pieces of `text` in order: jieba's search-mode tokens that
    /// contain no smaller token. Matching all of them (in any arrangement)
    /// finds a word even where the index never emitted it whole, such as
    /// 刑事诉讼 inside 刑事诉讼法.
    pub fn finest_pieces(&self, text: &str) -> Vec<TokenSpan> {
        self.pieces_and_compounds(text).0
    }

    /// The finest pieces of `text` and the other search-mode tokens: the
    /// compounds built of those pieces (法律援助 over 法律 + 援助), which a
    /// query can use to reward documents holding the words together.
    pub fn pieces_and_compounds(&self, text: &str) -> (Vec<TokenSpan>, Vec<TokenSpan>) {
        let folded = joined_text(&fold(text));
        let mut tokens: Vec<TokenSpan> = self
            .jieba
            .cut_for_search(&folded, true)
            .into_iter()
            .filter(|t| t.word.chars().any(char::is_alphanumeric))
            .map(|t| TokenSpan { text: t.word.to_string(), start: t.start, end: t.end })
            .collect();
        tokens.sort_by_key(|t| (t.start, t.end));
        tokens.dedup();
        let contains_smaller = |t: &TokenSpan| tokens.iter().any(|o| o != t && o.start >= t.start && o.end <= t.end);
        tokens.iter().cloned().partition(|t| !contains_smaller(t))
    }
}

/// Whether `c` is a Han character (CJK unified ideographs and extensions).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_dictionary_loads() {
        ChineseAnalysis::with_user_dictionary(crate::DEFAULT_USER_DICTIONARY).unwrap();
    }

    #[test]
    fn rejects_a_bad_frequency() {
        let err = ChineseAnalysis::with_user_dictionary("司法行政 many n").err().unwrap();
        assert_eq!(err.line, 1);
    }

    fn stream(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from));
        }
        out
    }

    #[test]
    fn char_tokenizer_emits_han_characters_and_alphanumeric_runs() {
        let mut analyzer = TextAnalyzer::builder(CharTokenizer).build();
        assert_eq!(
            stream(&mut analyzer, "拨打12348热线"),
            vec![
                ("拨".into(), 0, 0),
                ("打".into(), 1, 3),
                ("12348".into(), 2, 6),
                ("热".into(), 7, 11),
                ("线".into(), 8, 14)
            ]
        );
    }

    #[test]
    fn folded_traditional_and_full_width_text_pairs_with_char_positions_and_byte_offsets() {
        let mut analyzer = TextAnalyzer::builder(PairTokenizer).build();
        let folded = fold("廣東省，ＡＢＣ法律援助");
        let pairs = stream(&mut analyzer, &folded);
        assert_eq!(pairs[0], ("广东".into(), 0, 0), "{pairs:?}");
        assert!(pairs.contains(&("abc法".into(), 4, 10)), "{pairs:?}");
        let (_, position, offset) = pairs.iter().find(|p| p.0 == "援助").expect("援助");
        assert_eq!(
            (*position, &folded[*offset..*offset + 6]),
            (9, "援助"),
            "positions count characters, offsets bytes"
        );
        assert!(!pairs.iter().any(|p| p.0.contains(',')), "no pair across the comma: {pairs:?}");
    }

    #[test]
    fn pair_tokenizer_pairs_units_that_stand_together_at_the_first_ones_position() {
        let mut analyzer = TextAnalyzer::builder(PairTokenizer).build();
        assert_eq!(
            stream(&mut analyzer, "立、改废。2024年"),
            vec![("立改".into(), 0, 0), ("改废".into(), 1, 6), ("2024年".into(), 4, 15)],
            "the enumeration comma joins, the full stop separates; offsets are bytes of the folded text"
        );
        assert_eq!(stream(&mut analyzer, "covid-19"), vec![("covid-19".into(), 0, 0)], "a bridge");
        let long = format!("法{}律", "a".repeat(120));
        assert!(stream(&mut analyzer, &long).is_empty(), "no pair across a unit too long to index");
    }

    fn words(analysis: &ChineseAnalysis, text: &str) -> Vec<String> {
        analysis.query_words(text).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn query_words_keep_single_characters_with_a_neighbour() {
        let analysis = ChineseAnalysis::default_dictionary();
        assert_eq!(words(&analysis, "司法局"), ["司法局"]);
        assert_eq!(words(&analysis, "司法"), ["司法"]);
        assert_eq!(words(&analysis, "法"), ["法"]);
        assert_eq!(words(&analysis, "行政复议纠错率"), ["行政复议", "纠错率"]);
        assert_eq!(words(&analysis, "律职业资"), ["律职业资"], "a run of fragments stays one run");
        assert_eq!(words(&analysis, "2024年"), ["2024年"]);
        assert_eq!(words(&analysis, "司法，行政"), ["司法", "行政"], "punctuation separates words");
        assert_eq!(words(&analysis, "ＡＢＣ"), ["abc"], "words are folded");
        assert_eq!(
            words(&analysis, "立、改、废、释"),
            ["立改废释"],
            "marks that do not end a clause are read as absent"
        );
    }

    #[test]
    fn finest_pieces_split_words_the_index_may_not_hold_whole() {
        let analysis = ChineseAnalysis::default_dictionary();
        let pieces: Vec<String> = analysis.finest_pieces("刑事诉讼").into_iter().map(|p| p.text).collect();
        assert_eq!(pieces, vec!["刑事", "诉讼"]);
    }
}
