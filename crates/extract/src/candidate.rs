//! Candidates: every value a page offers for one field, with the rule that
//! found it, the text it read and a score.
//!
//! Each field's decision gathers candidates from every kind of evidence it
//! knows (given metadata, `<meta>`, header lines, bylines, signatures, the
//! URL, …) and keeps the best-scoring one; among equal scores the one
//! gathered first wins. The winner's rule and text become the field's
//! [`FieldEvidence`], so adding a kind of evidence is one more
//! [`Candidates::push`] with a score.

use sifa_model::FieldEvidence;

/// Longest evidence text kept, in characters.
const EVIDENCE_CHARS: usize = 120;

/// One value offered for a field.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<T> {
    pub value: T,
    /// A short, stable rule name (`header:来源`, `signature`, `url`).
    pub rule: String,
    /// The text the rule read, trimmed to a readable length.
    pub text: String,
    pub score: f32,
}

impl<T> Candidate<T> {
    pub fn new(value: T, rule: impl Into<String>, text: &str, score: f32) -> Self {
        Self { value, rule: rule.into(), text: text.chars().take(EVIDENCE_CHARS).collect(), score }
    }

    /// The evidence recorded for the field this candidate decided.
    pub fn evidence(&self) -> FieldEvidence {
        FieldEvidence { rule: self.rule.clone(), text: self.text.clone() }
    }
}

/// The candidates gathered for one field, in the order they were found.
#[derive(Debug, Clone)]
pub struct Candidates<T> {
    items: Vec<Candidate<T>>,
}

impl<T> Default for Candidates<T> {
    fn default() -> Self {
        Self { items: Vec::new() }
    }
}

impl<T> Candidates<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, value: T, rule: impl Into<String>, text: &str, score: f32) {
        self.items.push(Candidate::new(value, rule, text, score));
    }

    pub fn add(&mut self, candidate: Candidate<T>) {
        self.items.push(candidate);
    }

    pub fn iter(&self) -> impl Iterator<Item = &Candidate<T>> {
        self.items.iter()
    }

    /// Keeps only the candidates `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Candidate<T>) -> bool) {
        self.items.retain(keep);
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The best-scoring candidate; the first gathered among equals.
    pub fn best(self) -> Option<Candidate<T>> {
        let mut best: Option<Candidate<T>> = None;
        for candidate in self.items {
            if best.as_ref().is_none_or(|b| candidate.score > b.score) {
                best = Some(candidate);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_score_wins_and_the_first_among_equals() {
        let mut found = Candidates::new();
        found.push("a", "first", "text a", 1.0);
        found.push("b", "second", "text b", 3.0);
        found.push("c", "third", "text c", 3.0);
        let best = found.best().unwrap();
        assert_eq!((best.value, best.rule.as_str()), ("b", "second"));
        assert!(Candidates::<&str>::new().best().is_none());
    }

    #[test]
    fn evidence_text_is_trimmed() {
        let candidate = Candidate::new((), "rule", &"字".repeat(300), 1.0);
        assert_eq!(candidate.evidence().text.chars().count(), EVIDENCE_CHARS);
    }
}
