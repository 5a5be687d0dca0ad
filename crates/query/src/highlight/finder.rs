//! Finding the query's stretches in stored text, fast.
//!
//! A snippet searches a whole body, and a law runs to hundreds of
//! kilobytes. Aho-Corasick's own choice of prefilter reads the bytes of
//! Chinese text as rare (its byte ranks are made for English) and scans
//! slowly; its packed searcher (Teddy, SIMD over the first bytes of every
//! pattern) does not. So the packed searcher is used where the CPU and the
//! patterns allow it, and Aho-Corasick's NFA otherwise.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind, packed};
use sifa_analysis::adjacency::on_unit_boundaries;

use super::merge;

/// The query's stretches, to be found in text (leftmost-longest).
pub(crate) struct Finder {
    searcher: Searcher,
    patterns: usize,
}

enum Searcher {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

impl Finder {
    /// `None` without patterns.
    pub fn new(mut patterns: Vec<String>) -> Option<Self> {
        patterns.sort();
        patterns.dedup();
        if patterns.is_empty() {
            return None;
        }
        let packed =
            packed::Config::new().match_kind(packed::MatchKind::LeftmostLongest).builder().extend(&patterns).build();
        let searcher = match packed {
            Some(packed) => Searcher::Packed(packed),
            // Built for every query: an NFA builds in a fraction of a
            // DFA's time.
            None => Searcher::Automaton(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&patterns)
                    .ok()?,
            ),
        };
        Some(Self { searcher, patterns: patterns.len() })
    }

    pub fn patterns_len(&self) -> usize {
        self.patterns
    }

    /// The leftmost-longest match starting at or after byte `at`: its
    /// byte span and pattern.
    fn find_from(&self, text: &str, at: usize) -> Option<(usize, usize, usize)> {
        match &self.searcher {
            Searcher::Packed(searcher) => searcher
                .find_in(text, aho_corasick::Span::from(at..text.len()))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize())),
            Searcher::Automaton(automaton) => automaton
                .find(Input::new(text).span(at..text.len()))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize())),
        }
    }

    /// Where the first match begins, in bytes.
    pub fn first(&self, text: &str) -> Option<usize> {
        self.find_from(text, 0).map(|(start, _, _)| start)
    }

    /// Byte spans of the matches in `text` that begin and end on unit
    /// boundaries (an ASCII run is matched whole), merged and in order, and
    /// how many different stretches were found.
    ///
    /// The search starts again one character after each match, so matches
    /// that overlap (司法 and 法局 in 司法局) and matches after one that is
    /// not on unit boundaries are all found.
    pub fn matches(&self, text: &str) -> (Vec<(usize, usize)>, usize) {
        let mut seen = vec![false; self.patterns];
        let mut spans = Vec::new();
        self.each_match(text, |start, end, pattern| {
            seen[pattern] = true;
            spans.push((start, end));
        });
        (merge(spans), seen.iter().filter(|s| **s).count())
    }

    /// Byte spans of every match in `text` on unit boundaries, one per
    /// place a stretch begins, in order and not merged (a concordance's
    /// lines).
    pub fn occurrences(&self, text: &str) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        self.each_match(text, |start, end, _| spans.push((start, end)));
        spans
    }

    /// Calls `found(start, end, pattern)` for each match on unit
    /// boundaries, searching again one character after each match start.
    fn each_match(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        let mut at = 0;
        while let Some((start, end, pattern)) = self.find_from(text, at) {
            if on_unit_boundaries(text, start, end) {
                found(start, end, pattern);
            }
            at = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Finder;

    #[test]
    fn overlapping_matches_and_matches_after_a_partial_run_are_found() {
        let finder = Finder::new(vec!["司法".into(), "法局".into(), "2024".into()]).unwrap();
        assert_eq!(finder.matches("司法局"), (vec![(0, 9)], 2));
        assert_eq!(finder.matches("20245年2024年"), (vec![(8, 12)], 1), "the first 2024 is inside a run");
        assert_eq!(finder.first("在司法局"), Some(3));
        assert!(Finder::new(Vec::new()).is_none());
        assert_eq!(finder.occurrences("司法局"), [(0, 6), (3, 9)], "each place, not merged");
    }
}
