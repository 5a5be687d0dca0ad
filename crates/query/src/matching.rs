//! What a query word must match: the one rule that searching, counting,
//! near matches and highlighting all follow.
//!
//! A word matches where its characters stand together in one searched
//! text (a title or a body), in folded text with the marks that do not end
//! a clause read as absent (`sifa_analysis::adjacency`): an unspaced run
//! is read as its words ([`ChineseAnalysis::query_words`]), each of which
//! must stand together while separate words may stand apart; a quoted
//! phrase is one word. A word that punctuation cuts (a quoted phrase with
//! a comma inside) is made of several [`Stretch`]es, each of which must
//! stand together somewhere. [`crate::compile`] turns the stretches into
//! index terms, [`crate::highlight`] marks them in the stored text, so
//! hits and highlights cannot drift apart.

use sifa_analysis::{ChineseAnalysis, Stretch, fold, joined_text, stretches};

use crate::parse::Clause;

/// One word of a query: what it is called (缺少：情况 names it) and what a
/// document must hold for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word, folded and joined.
    pub label: String,
    pub stretches: Vec<Stretch>,
}

/// The words `clause` requires of a document (none when it has nothing
/// searchable).
pub fn clause_words(clause: &Clause, analysis: &ChineseAnalysis) -> Vec<Word> {
    let folded = fold(&clause.text);
    if clause.phrase {
        return word(joined_text(&folded)).into_iter().collect();
    }
    analysis.query_words(&folded).into_iter().filter_map(|w| word(w.text)).collect()
}

fn word(label: String) -> Option<Word> {
    let stretches = stretches(&label);
    (!stretches.is_empty()).then_some(Word { label, stretches })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn labels(q: &str) -> Vec<String> {
        let analysis = crate::testing::analysis();
        parse(q).positive_clauses().flat_map(|c| clause_words(c, &analysis)).map(|w| w.label).collect()
    }

    #[test]
    fn runs_are_read_as_words_and_phrases_as_one() {
        assert_eq!(labels("行政复议纠错率"), ["行政复议", "纠错率"]);
        assert_eq!(labels("\"行政复议纠错率\""), ["行政复议纠错率"]);
        assert_eq!(labels("立、改、废、释"), ["立改废释"]);
        assert_eq!(labels("放管服改革"), labels("放、管、服改革"));
    }

    #[test]
    fn punctuation_cuts_a_phrase_into_stretches() {
        let analysis = crate::testing::analysis();
        let words = clause_words(&parse("\"司法，行政\"").required[0][0], &analysis);
        assert_eq!(words.len(), 1);
        let texts: Vec<&str> = words[0].stretches.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["司法", "行政"]);
    }
}

/// Counts against a brute-force count: for random texts (repeats such as
/// 哈哈哈, marks that join and marks that separate, digits, Latin), a
/// quoted word's total is the number of documents whose title or body,
/// folded and with the joining marks removed, holds it (Latin and digit
/// runs whole). The truth is computed here on strings, not by the
/// analysis crate's scanner.
#[cfg(test)]
mod exact_counts {
    use proptest::prelude::*;
    use sifa_model::Publication;

    use crate::testing::{Fixture, publication, request};

    const ALPHABET: &[&str] = &[
        "哈", "哈", "哈", "法", "法", "司", "行", "政", "局", "、", "“", "”", "《", "》", "·", " ", "，", "。", "；",
        "\n", "1", "2", "a", "b", ".", "-", "(",
    ];
    const JOINERS: &[char] = &['、', '“', '”', '《', '》', '·'];

    /// The text as grep sees it: joining marks removed; a run of spaces
    /// kept as one only between two ASCII letters or digits.
    fn grep_text(text: &str) -> String {
        let kept: Vec<char> = sifa_fold::fold(text).chars().filter(|c| !JOINERS.contains(c)).collect();
        let mut out = String::new();
        let mut i = 0;
        while i < kept.len() {
            if kept[i] == ' ' {
                let end = (i..kept.len()).find(|&j| kept[j] != ' ').unwrap_or(kept.len());
                let ascii = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                if ascii(out.chars().last().as_ref()) && ascii(kept.get(end)) {
                    out.push(' ');
                }
                i = end;
            } else {
                out.push(kept[i]);
                i += 1;
            }
        }
        out
    }

    /// Whether `text` holds `word` with Latin and digit runs whole.
    fn holds(text: &str, word: &str) -> bool {
        let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            let starts_inside_a_run = ascii(before) && ascii(word.chars().next());
            let ends_inside_a_run = ascii(after) && ascii(word.chars().next_back());
            !starts_inside_a_run && !ends_inside_a_run
        })
    }

    /// Whether `word` is one stretch: letters and digits, with a connector
    /// only between two ASCII letters or digits.
    fn is_one_stretch(word: &str) -> bool {
        let chars: Vec<char> = word.chars().collect();
        let connects = |i: usize| {
            matches!(chars[i], ' ' | '.' | '-')
                && i > 0
                && i + 1 < chars.len()
                && chars[i - 1].is_ascii_alphanumeric()
                && chars[i + 1].is_ascii_alphanumeric()
        };
        !chars.is_empty() && (0..chars.len()).all(|i| chars[i].is_alphanumeric() || connects(i))
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(ALPHABET), 0..40).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

        #[test]
        fn a_quoted_word_counts_the_documents_that_hold_it(
            texts in prop::collection::vec((text(), text()), 1..24),
            picks in prop::collection::vec((any::<prop::sample::Index>(), 0usize..40, 1usize..8), 24),
            random in prop::collection::vec(text(), 8),
        ) {
            let documents: Vec<Publication> = texts
                .iter()
                .enumerate()
                .map(|(i, (title, body))| publication(&format!("d{i}"), title, body))
                .collect();
            let fixture = Fixture::of(&documents, &sifa_store::Links::default());
            let snapshot = fixture.engine().snapshot();
            let searcher = snapshot.searcher();
            let grepped: Vec<(String, String)> = texts.iter().map(|(t, b)| (grep_text(t), grep_text(b))).collect();
            let from_documents = picks.iter().filter_map(|(doc, start, len)| {
                let (title, body) = doc.get(&grepped);
                let chars: Vec<char> = if start % 3 == 0 { title.chars().collect() } else { body.chars().collect() };
                let start = start % chars.len().max(1);
                Some(chars.get(start..(start + len).min(chars.len()))?.iter().collect::<String>())
            });
            let words: Vec<String> =
                from_documents.chain(random.iter().map(|t| grep_text(t))).filter(|w| is_one_stretch(w)).collect();
            for word in words {
                let truth = grepped.iter().filter(|(t, b)| holds(t, &word) || holds(b, &word)).count() as u64;
                let query = format!("\"{word}\"");
                let found = snapshot.count(&searcher, &request(&query, &[])).unwrap();
                prop_assert_eq!(found, truth, "{:?} in {:?}", word, grepped);
            }
        }
    }
}
