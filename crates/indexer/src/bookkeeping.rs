//! What a reindex and `sifa add` both keep track of, written once: which
//! publications repeat one already written, and what became of the items
//! that gave no document (skipped, web-archive records that are not pages,
//! stated values that could not be read).
//!
//! The two report differently (a reindex counts by reason and lists the
//! first [`LISTED_MAX`], `add` lists everything it met), so each summary
//! implements [`Report`] and the decisions live here.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use sifa_extract::Skipped;
use sifa_model::{Publication, SourceRef};

/// How many duplicates and skips a reindex summary lists by name.
pub(crate) const LISTED_MAX: usize = 1000;

/// A publication dropped because an earlier one was the same.
#[derive(Debug, Clone, Serialize)]
pub struct Duplicate {
    pub source: String,
    pub duplicate_of: String,
    /// `url`, `text` or `id`.
    pub by: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkippedEntry {
    pub source: String,
    pub reason: String,
}

/// A stated value that could not be read, and where.
#[derive(Debug, Clone, Serialize)]
pub struct UnreadableEntry {
    pub source: String,
    pub field: String,
    pub value: String,
}

impl UnreadableEntry {
    pub fn new(source: &SourceRef, field: &str, value: &str) -> Self {
        Self { source: source.to_string(), field: field.to_string(), value: value.to_string() }
    }
}

/// Where a run records what it did not index.
pub(crate) trait Report {
    /// An item that gave no publication, with the category of its reason.
    fn skipped(&mut self, entry: SkippedEntry, category: &str);
    /// A web-archive record that is not a page (a request, a redirect, …), of `kind`.
    fn not_a_page(&mut self, kind: &str);
    /// A stated value that could not be read; the text decided the field.
    fn unreadable_given(&mut self, entry: UnreadableEntry);
}

/// Records an item that gave no publication: a web-archive record that is
/// not a page is expected and counted apart; anything else is a skip.
pub(crate) fn record_skip(report: &mut impl Report, skipped: Skipped) {
    match skipped.reason.not_a_page() {
        Some(not_a_page) => report.not_a_page(not_a_page.kind()),
        None => report.skipped(
            SkippedEntry { source: skipped.source.to_string(), reason: skipped.reason.to_string() },
            skipped.reason.category(),
        ),
    }
}

/// Records the stated values of `publication` that could not be read.
pub(crate) fn record_unreadable_given(report: &mut impl Report, publication: &Publication) {
    for (field, value) in sifa_extract::unreadable_given(&publication.evidence) {
        report.unreadable_given(UnreadableEntry::new(&publication.source, field, value));
    }
}

/// What a run has written, to recognise duplicates: the same id (a page
/// without its own id takes one from its URL, so the same URL met twice is
/// the same id) or the same folded text (by its fingerprint). Records that
/// state different ids and differ in text are different publications even
/// when they share a URL (versions of one law).
#[derive(Default)]
pub(crate) struct Written {
    ids: HashSet<String>,
    /// Fingerprint of the text → the id written with it.
    texts: HashMap<String, String>,
}

impl Written {
    pub(crate) fn has_id(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The id written with the text of `fingerprint`, if any.
    pub(crate) fn id_of_text(&self, fingerprint: &str) -> Option<&str> {
        self.texts.get(fingerprint).map(String::as_str)
    }

    pub(crate) fn remember(&mut self, id: &str, fingerprint: &str) {
        self.ids.insert(id.to_string());
        self.texts.insert(fingerprint.to_string(), id.to_string());
    }

    /// For a build from nothing: the earlier publication `publication`
    /// repeats and how it matched (`url`, `id` or `text`), or `None`, and
    /// then it is remembered as written.
    pub(crate) fn duplicate_of(
        &mut self,
        publication: &Publication,
        fingerprint: &str,
    ) -> Option<(String, &'static str)> {
        if self.has_id(&publication.id) {
            let by = match publication.evidence.get("id").map(|e| e.rule.as_str()) {
                Some("url_hash") => "url",
                _ => "id",
            };
            return Some((publication.id.clone(), by));
        }
        if let Some(id) = self.id_of_text(fingerprint) {
            return Some((id.to_string(), "text"));
        }
        self.remember(&publication.id, fingerprint);
        None
    }
}

#[cfg(test)]
mod tests {
    use sifa_model::{Evidence, FieldEvidence};

    use super::*;

    fn publication(id: &str, rule: &str) -> Publication {
        let mut p = Publication::new(id, "标题", "正文", SourceRef { path: format!("{id}.txt"), line: None });
        p.evidence = Evidence::new();
        p.evidence.insert("id".into(), FieldEvidence { rule: rule.into(), text: id.into() });
        p
    }

    #[test]
    fn a_repeated_id_or_text_is_a_duplicate_and_says_how_it_matched() {
        let mut written = Written::default();
        assert_eq!(written.duplicate_of(&publication("a", "given"), "text-a"), None);
        assert_eq!(written.duplicate_of(&publication("a", "given"), "text-b"), Some(("a".into(), "id")));
        assert_eq!(written.duplicate_of(&publication("a", "url_hash"), "text-b"), Some(("a".into(), "url")));
        assert_eq!(written.duplicate_of(&publication("b", "given"), "text-a"), Some(("a".into(), "text")));
        assert_eq!(written.duplicate_of(&publication("b", "given"), "text-b"), None);
        assert!(written.has_id("b") && written.id_of_text("text-b") == Some("b"));
    }
}
