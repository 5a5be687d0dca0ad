//! The field's abbreviations and synonyms (`data/synonyms.toml`), applied
//! when a query is built, never when the index is: editing the file
//! changes the next search, with no reindex.
//!
//! A query word found in the list is searched as itself OR its other
//! forms (律所 OR 律师事务所): counts stay the documents that hold any of
//! them, and the other forms are scored [`EXPANSION_BOOST`] times what the
//! word itself would score, so a document that says 律所 ranks above one
//! that says 律师事务所 in the same place. What was added is reported
//! ([`ExpandedTerm`]) so the page can say 同时搜索了：…
//!
//! A term counts where it stands as whole words of the query: its ends
//! fall on the word boundaries of jieba's cut, so 法考 is expanded in
//! 法考报名 but not inside 宪法考试. Quoted phrases are taken literally.

use std::path::Path;

use aho_corasick::{AhoCorasick, MatchKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sifa_analysis::{ChineseAnalysis, fold};

use crate::parse::{Clause, ParsedQuery};

/// What an expansion scores, relative to the literal word.
pub const EXPANSION_BOOST: f32 = 0.5;
/// Most alternative texts one clause is searched with.
const MAX_ALTERNATIVES: usize = 8;

/// The list shipped with sifa (`data/synonyms.toml`).
pub const DEFAULT_SYNONYMS: &str = include_str!("../../../data/synonyms.toml");

/// One group of the file, as listed by `sifa synonyms` and `/api/v1/stats`.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct SynonymGroup {
    /// Every form of the group; with an `abbreviation`, the full forms.
    pub terms: Vec<String>,
    /// The short form, when the group is an abbreviation and its full
    /// forms (which are not equivalent to each other).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    /// Where the usage comes from, in Chinese.
    pub note: String,
}

/// A word of a query and the forms it was also searched as.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct ExpandedTerm {
    /// The word as the query holds it (folded).
    pub term: String,
    /// The forms searched besides it.
    pub added: Vec<String>,
    /// The group's note.
    pub note: String,
}

/// A synonyms file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SynonymsError {
    #[error("reading {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("the synonyms file is not valid: {0}")]
    Parse(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileGroup {
    #[serde(default)]
    terms: Vec<String>,
    abbreviation: Option<String>,
    #[serde(default)]
    full: Vec<String>,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    group: Vec<FileGroup>,
}

/// The groups with a matcher over every form.
#[derive(Debug, Default)]
pub struct Synonyms {
    groups: Vec<SynonymGroup>,
    /// Folded form of each pattern, the group it belongs to, and the forms it expands to.
    patterns: Vec<(String, usize, Vec<String>)>,
    matcher: Option<AhoCorasick>,
}

impl Synonyms {
    /// No synonyms: every word is searched as itself.
    pub fn none() -> Self {
        Self::default()
    }

    /// The list shipped with sifa.
    pub fn shipped() -> Self {
        Self::parse(DEFAULT_SYNONYMS).expect("the shipped synonyms file is valid (checked by a test)")
    }

    pub fn load(path: &Path) -> Result<Self, SynonymsError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| SynonymsError::Read { path: path.display().to_string(), source })?;
        Self::parse(&text)
    }

    /// Reads the TOML text: `[[group]]` tables with `terms`, or an
    /// `abbreviation` and its `full` forms, and a `note`.
    pub fn parse(text: &str) -> Result<Self, SynonymsError> {
        let file: File = toml::from_str(text).map_err(|e| SynonymsError::Parse(e.to_string()))?;
        let mut groups = Vec::new();
        let mut patterns = Vec::new();
        for (index, g) in file.group.into_iter().enumerate() {
            let clean = |v: Vec<String>| -> Vec<String> {
                v.into_iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect()
            };
            let number = index + 1;
            let group = match (g.abbreviation.map(|a| a.trim().to_string()), clean(g.terms), clean(g.full)) {
                (Some(short), terms, full) if terms.is_empty() && !full.is_empty() && !short.is_empty() => {
                    patterns.push((fold(&short), number - 1, full.iter().map(|f| fold(f)).collect()));
                    for f in &full {
                        patterns.push((fold(f), number - 1, vec![fold(&short)]));
                    }
                    SynonymGroup { terms: full, abbreviation: Some(short), note: g.note }
                }
                (None, terms, full) if terms.len() >= 2 && full.is_empty() => {
                    let folded: Vec<String> = terms.iter().map(|t| fold(t)).collect();
                    for t in &folded {
                        patterns.push((t.clone(), number - 1, folded.iter().filter(|o| *o != t).cloned().collect()));
                    }
                    SynonymGroup { terms, abbreviation: None, note: g.note }
                }
                _ => {
                    return Err(SynonymsError::Parse(format!(
                        "group {number}: give either `terms` (two or more) or an `abbreviation` with its `full` forms"
                    )));
                }
            };
            groups.push(group);
        }
        if let Some((pattern, _, _)) =
            patterns.iter().enumerate().find(|(i, p)| patterns[..*i].iter().any(|q| q.0 == p.0)).map(|(_, p)| p)
        {
            return Err(SynonymsError::Parse(format!("{pattern:?} is in more than one group")));
        }
        let matcher = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(patterns.iter().map(|p| p.0.as_str()))
                .expect("synonym patterns build a matcher")
        });
        Ok(Self { groups, patterns, matcher })
    }

    pub fn groups(&self) -> &[SynonymGroup] {
        &self.groups
    }

    /// The query with every required group's clauses also searched as
    /// their other forms.
    pub fn expand(&self, parsed: &ParsedQuery, analysis: &ChineseAnalysis) -> Expansion {
        let mut expansion = Expansion { alternatives: Vec::new(), expanded: Vec::new() };
        for group in &parsed.required {
            let mut alternatives = Vec::new();
            for clause in group.iter().filter(|c| !c.phrase) {
                for (text, terms) in self.alternatives(&fold(&clause.text), analysis) {
                    if !group.iter().any(|c| fold(&c.text) == text)
                        && !alternatives.iter().any(|c: &Clause| c.text == text)
                    {
                        alternatives.push(Clause { text, ..clause.clone() });
                    }
                    for term in terms {
                        if !expansion.expanded.iter().any(|e| e.term == term.term) {
                            expansion.expanded.push(term);
                        }
                    }
                }
            }
            expansion.alternatives.push(alternatives);
        }
        expansion
    }

    /// The other texts a folded clause stands for, each with the terms it replaced.
    fn alternatives(&self, folded: &str, analysis: &ChineseAnalysis) -> Vec<(String, Vec<ExpandedTerm>)> {
        let Some(matcher) = &self.matcher else { return Vec::new() };
        let boundaries: Vec<usize> =
            analysis.jieba().cut(folded, false).iter().flat_map(|t| [t.byte_start, t.byte_end]).collect();
        let on_boundary = |byte: usize| byte == 0 || byte == folded.len() || boundaries.contains(&byte);
        let found: Vec<_> = matcher
            .find_iter(folded)
            .filter(|m| on_boundary(m.start()) && on_boundary(m.end()))
            .map(|m| (m.start(), m.end(), &self.patterns[m.pattern().as_usize()]))
            .collect();
        // Every combination of each found term kept or replaced, but the literal one.
        let mut texts: Vec<(String, Vec<ExpandedTerm>)> = vec![(String::new(), Vec::new())];
        let mut at = 0;
        for (start, end, (term, group, forms)) in &found {
            let before = &folded[at..*start];
            let mut next = Vec::new();
            for (text, terms) in &texts {
                next.push((format!("{text}{before}{term}"), terms.clone()));
                for form in forms {
                    let mut terms = terms.clone();
                    let note = self.groups[*group].note.clone();
                    match terms.iter_mut().find(|t: &&mut ExpandedTerm| t.term == *term) {
                        Some(t) if !t.added.contains(form) => t.added.push(form.clone()),
                        Some(_) => {}
                        None => terms.push(ExpandedTerm { term: term.clone(), added: vec![form.clone()], note }),
                    }
                    next.push((format!("{text}{before}{form}"), terms));
                }
            }
            next.truncate(MAX_ALTERNATIVES + 1);
            texts = next;
            at = *end;
        }
        let rest = &folded[at..];
        texts
            .into_iter()
            .skip(1) // the literal text
            .map(|(text, terms)| (format!("{text}{rest}"), terms))
            .collect()
    }
}

/// What a query is also searched as.
#[derive(Debug, Clone, Default)]
pub struct Expansion {
    /// Per required group of the query: the clauses added to it.
    pub alternatives: Vec<Vec<Clause>>,
    /// The words expanded, for the response.
    pub expanded: Vec<ExpandedTerm>,
}

impl Expansion {
    /// The query with the added clauses as further alternatives, for
    /// highlighting: an expanded document has its words marked too.
    pub fn highlighted(&self, parsed: &ParsedQuery) -> ParsedQuery {
        let mut out = parsed.clone();
        for (group, added) in out.required.iter_mut().zip(&self.alternatives) {
            group.extend(added.iter().cloned());
        }
        out
    }

    /// The clauses added to the `index`th required group.
    pub fn added(&self, index: usize) -> &[Clause] {
        self.alternatives.get(index).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;
    use crate::testing::analysis;

    fn expanded(synonyms: &Synonyms, q: &str) -> Vec<String> {
        synonyms.expand(&parse(q), &analysis()).alternatives.concat().into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn the_shipped_list_is_valid_and_every_group_has_a_note() {
        let synonyms = Synonyms::shipped();
        assert!(synonyms.groups().len() >= 20);
        assert!(synonyms.groups().iter().all(|g| !g.note.trim().is_empty()));
    }

    #[test]
    fn abbreviations_expand_to_their_full_forms_and_back_to_the_abbreviation_only() {
        let synonyms = Synonyms::shipped();
        assert_eq!(expanded(&synonyms, "律所"), ["律师事务所"]);
        assert_eq!(expanded(&synonyms, "律师事务所"), ["律所"]);
        assert_eq!(expanded(&synonyms, "法考"), ["国家统一法律职业资格考试", "法律职业资格考试"]);
        assert_eq!(expanded(&synonyms, "行政执法公示制度"), ["三项制度"], "full forms are not each other's synonyms");
        assert_eq!(expanded(&synonyms, "公证处"), ["公证机构"]);
        let response = synonyms.expand(&parse("律所"), &analysis());
        assert_eq!(response.expanded[0].term, "律所");
        assert_eq!(response.expanded[0].added, ["律师事务所"]);
    }

    #[test]
    fn terms_count_only_as_whole_words_and_quotes_keep_words_literal() {
        let synonyms = Synonyms::shipped();
        assert!(expanded(&synonyms, "宪法考试").is_empty(), "法考 inside 宪法考试 is not the abbreviation");
        assert_eq!(expanded(&synonyms, "社矫对象"), ["社区矫正对象"]);
        assert!(expanded(&synonyms, "\"律所\"").is_empty());
        assert!(expanded(&synonyms, "人民调解").is_empty());
    }

    #[test]
    fn a_bad_file_names_the_group() {
        let error = Synonyms::parse("[[group]]\nterms = [\"甲\"]\nnote = \"x\"\n").unwrap_err();
        assert!(error.to_string().contains("group 1"), "{error}");
        let twice = "[[group]]\nterms=[\"甲\",\"乙\"]\nnote=\"\"\n[[group]]\nterms=[\"甲\",\"丙\"]\nnote=\"\"\n";
        assert!(Synonyms::parse(twice).unwrap_err().to_string().contains("more than one group"));
    }
}
