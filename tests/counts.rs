//! Counts a researcher can trust: an unquoted word matches exactly the
//! documents that contain it ("a word matches where the word is").
//!
//! For every word in `tests/counts/words.txt`, the search total over the
//! shared corpus must equal the number of documents whose folded title or
//! body contains the word once the marks that do not end a clause are
//! taken out (the README's query language: 、 · “ ” ‘ ’ 《 》 「 」 and the
//! like, and spaces), counted here by scanning every stored document: a
//! grep, written here on strings rather than with the analysis crate.
//! The search asks for every version and every copy (`version=all`,
//! `collapse=false`): by default older versions of a law and copies of a
//! repost are counted once with the work they belong to.

use aho_corasick::AhoCorasick;
use sifa_model::Publication;
use sifa_query::{FacetSelection, SearchEngine, SearchRequest, Snapshot, VersionMode};
use sifa_store::{IndexLocation, from_document_without_evidence};
use tantivy::TantivyDocument;

use crate::util::{corpus_index, repo};

pub(crate) fn words() -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("tests/counts/words.txt")).expect("the word list");
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

/// Marks read as absent inside a word (the README's query language).
const JOINERS: &[char] =
    &['、', '·', '・', '‧', '•', '“', '”', '‘', '’', '"', '\'', '《', '》', '〈', '〉', '「', '」', '『', '』'];

/// Folded `text` with the joining marks and the spaces inside a line taken
/// out: the words of the list are all Chinese, so no space between two
/// Latin words matters to them.
pub(crate) fn grep_text(text: &str) -> String {
    sifa_fold::fold(text)
        .chars()
        .filter(|&c| !JOINERS.contains(&c) && (!c.is_whitespace() || c == '\n' || c == '\r'))
        .collect()
}

/// Calls `read` with every stored publication of the snapshot.
pub(crate) fn each_document(snapshot: &Snapshot, mut read: impl FnMut(&Publication)) {
    let searcher = snapshot.searcher();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in segment.doc_ids_alive() {
            let stored: TantivyDocument = searcher.doc(tantivy::DocAddress::new(ord as u32, doc)).expect("stored");
            read(&from_document_without_evidence(&snapshot.open.schema, &stored));
        }
    }
}

/// Per word, the documents whose folded title or body, read as grep
/// reads it ([`grep_text`]), contains it.
fn containing(engine: &SearchEngine, words: &[String]) -> Vec<u64> {
    let matcher = AhoCorasick::new(words).expect("the words build a matcher");
    let mut counts = vec![0u64; words.len()];
    each_document(&engine.snapshot(), |p| {
        let text = format!("{}\n{}", grep_text(&p.title), grep_text(&p.body));
        let mut found = vec![false; words.len()];
        for m in matcher.find_overlapping_iter(&text) {
            found[m.pattern().as_usize()] = true;
        }
        for (count, hit) in counts.iter_mut().zip(found) {
            *count += u64::from(hit);
        }
    });
    counts
}

#[test]
fn every_word_counts_the_documents_that_contain_it() {
    let Some(index) = corpus_index() else { return };
    let engine = SearchEngine::open(IndexLocation::new(index)).expect("the corpus index opens");
    let words = words();
    assert!(words.len() >= 65, "the list holds {} words", words.len());
    let truth = containing(&engine, &words);
    let mut wrong = Vec::new();
    for (word, expected) in words.iter().zip(truth) {
        let request = SearchRequest {
            query: word.clone(),
            per_page: 1,
            facets: FacetSelection::NONE,
            version: VersionMode::All,
            collapse: false,
            ..SearchRequest::default()
        };
        let total = engine.snapshot().search(&request).expect("the search runs").total;
        eprintln!("{word}\t{total}\t{expected}");
        if total != expected {
            wrong.push(format!("{word}: {total} found, {expected} contain it"));
        }
    }
    assert!(wrong.is_empty(), "counts that are not the truth:\n{}", wrong.join("\n"));
}
