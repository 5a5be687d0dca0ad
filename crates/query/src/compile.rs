//! A parsed query to a tantivy query: what a document must match, what
//! only scores, what excludes.
//!
//! Each word ([`crate::matching`]) must stand together in a searched text:
//! a word of one unit is a term of the unit field, a longer one a term or
//! a phrase of the pair field (`sifa_analysis::adjacency`), so counts are
//! exactly the documents that hold the words, and a phrase reads the
//! positions of pairs, far rarer than those of single characters.
//! Ranking adds BM25 of the words' jieba pieces and compounds on the word
//! fields; each searched text weighs as `SEARCHED_TEXTS` says (titles three
//! times the body).
//!
//! A compiled query keeps its requirements apart ([`CompiledQuery`]), so
//! the same words also give the near matches: all requirements but one.

use sifa_analysis::{Stretch, StretchTerms, fold, stretches};
use sifa_store::schema::{SearchedFields, names};
use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use crate::build::{QueryBuilder, any_of, boxed};
use crate::exclusion::ReadOut;
use crate::matching::{Word, clause_words};
use crate::parse::{Clause, ParsedQuery, Scope};
use crate::synonyms::{EXPANSION_BOOST, Expansion};

/// How much an exact contiguous match adds over scattered pieces.
pub const PHRASE_BOOST: f32 = 2.0;
/// The score of the document a document number names: above any text match.
pub const DOC_NO_BOOST: f32 = 1000.0;
/// The bonus of a title that is exactly the query (法律援助法 for the
/// 中华人民共和国法律援助法): it puts the named document first.
pub const EXACT_TITLE_BOOST: f32 = 20.0;
/// The bonus of a law-like title whose subject is the query (人民调解 for
/// 宁波市人民调解条例 and 中华人民共和国人民调解法): the documents about the
/// subject rise together and the authority prior orders them.
pub const SUBJECT_TITLE_BOOST: f32 = 8.0;

/// One thing a document must match, and what to call it when it is missing.
pub(crate) struct Requirement {
    /// A word (情况), or a group of alternatives (调解 OR 仲裁).
    pub label: String,
    pub query: Box<dyn Query>,
}

/// A query as requirements, scoring-only parts and exclusions.
#[derive(Default)]
pub(crate) struct CompiledQuery {
    pub required: Vec<Requirement>,
    /// Parts that score and never decide (word ranking, exact titles).
    scoring: Vec<Box<dyn Query>>,
    excluded: Option<Box<dyn Query>>,
}

impl CompiledQuery {
    /// Documents meeting every requirement: all documents for a query
    /// without words (browsing), less the exclusions.
    pub fn exact(&self) -> Box<dyn Query> {
        let must = self.required.iter().map(|r| (Occur::Must, r.query.box_clone()));
        self.with_scoring(must.collect())
    }

    /// Documents meeting all requirements but one (and those meeting all):
    /// `None` for fewer than two requirements, where "all but one" would
    /// be anything.
    pub fn all_but_one(&self) -> Option<Box<dyn Query>> {
        if self.required.len() < 2 {
            return None;
        }
        let should = self.required.iter().map(|r| r.query.box_clone()).collect();
        let near = BooleanQuery::union_with_minimum_required_clauses(should, self.required.len() - 1);
        Some(self.with_scoring(vec![(Occur::Must, boxed(near))]))
    }

    fn with_scoring(&self, mut parts: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
        if parts.is_empty() {
            parts.push((Occur::Must, boxed(AllQuery)));
        } else {
            parts.extend(self.scoring.iter().map(|q| (Occur::Should, q.box_clone())));
        }
        if let Some(excluded) = &self.excluded {
            parts.push((Occur::MustNot, excluded.box_clone()));
        }
        match parts.as_slice() {
            [(Occur::Must, only)] => only.box_clone(),
            _ => boxed(BooleanQuery::new(parts)),
        }
    }
}

/// A stretch in one text: a term of the unit field, a pair, or a phrase of pairs.
fn stretch_in(fields: &SearchedFields, stretch: &Stretch) -> Box<dyn Query> {
    let term = |field: Field, text: &str| Term::from_field_text(field, text);
    match &stretch.terms {
        StretchTerms::Unit(unit) => boxed(TermQuery::new(term(fields.chars, unit), IndexRecordOption::WithFreqs)),
        StretchTerms::Pairs(pairs) if pairs.len() == 1 => {
            boxed(TermQuery::new(term(fields.pairs, &pairs[0].1), IndexRecordOption::WithFreqs))
        }
        StretchTerms::Pairs(pairs) => boxed(PhraseQuery::new_with_offset(
            pairs.iter().map(|(offset, pair)| (*offset, term(fields.pairs, pair))).collect(),
        )),
    }
}

impl QueryBuilder<'_> {
    /// The texts a clause looks in (a text searched by quoted phrases only
    /// when `phrase`).
    fn texts(&self, scope: Scope, phrase: bool) -> Vec<&SearchedFields> {
        let searched = self.schema.searched.iter();
        match scope {
            Scope::Anywhere => searched.filter(|f| phrase || !f.text.quoted_only).collect(),
            Scope::Title => searched.filter(|f| f.text.name == names::TITLE).collect(),
            Scope::DocNo => Vec::new(),
        }
    }

    /// A word in any of `texts`: every stretch of it standing together in one.
    fn word(&self, texts: &[&SearchedFields], word: &Word) -> Option<Box<dyn Query>> {
        let stretches: Vec<Box<dyn Query>> = word
            .stretches
            .iter()
            .map(|stretch| {
                let each =
                    texts.iter().map(|f| boxed(BoostQuery::new(stretch_in(f, stretch), f.text.weight * PHRASE_BOOST)));
                any_of(each.collect())
            })
            .collect();
        match stretches.len() {
            0 => None,
            1 => stretches.into_iter().next(),
            _ => Some(boxed(BooleanQuery::new(stretches.into_iter().map(|q| (Occur::Must, q)).collect()))),
        }
    }

    /// The document whose number is `text`: exactly, by its key.
    fn doc_no(&self, text: &str) -> Option<Box<dyn Query>> {
        let key = sifa_store::document::doc_no_key(text)?;
        let term = TermQuery::new(Term::from_field_text(self.schema.doc_no, &key), IndexRecordOption::Basic);
        Some(boxed(BoostQuery::new(boxed(ConstScoreQuery::new(boxed(term), 1.0)), DOC_NO_BOOST)))
    }

    /// Each word of a clause as a requirement, and what only scores; `None`
    /// when the clause is not matched as text (a document number).
    fn clause_parts(&self, clause: &Clause) -> (Vec<Requirement>, Option<Box<dyn Query>>) {
        let texts = self.texts(clause.scope, clause.phrase);
        let words = clause_words(clause, self.analysis);
        let required = words
            .iter()
            .filter_map(|word| Some(Requirement { query: self.word(&texts, word)?, label: word.label.clone() }))
            .collect();
        let ranking = if clause.phrase { None } else { self.word_ranking(&fold(&clause.text), &words, &texts) };
        (required, ranking)
    }

    /// One word or phrase of the query as one query.
    ///
    /// A query word matches where its characters stand together
    /// ([`crate::matching`]); ranking adds BM25 of the word's jieba pieces
    /// and compounds on the word fields, which carry better statistics than
    /// pairs. A word shaped like a document number also finds that
    /// document, first.
    pub(crate) fn clause(&self, clause: &Clause) -> Option<Box<dyn Query>> {
        if clause.scope == Scope::DocNo {
            return self.doc_no(&clause.text);
        }
        let (required, ranking) = self.clause_parts(clause);
        if required.is_empty() {
            return None;
        }
        let mut parts: Vec<(Occur, Box<dyn Query>)> = required.into_iter().map(|r| (Occur::Must, r.query)).collect();
        parts.extend(ranking.map(|q| (Occur::Should, q)));
        let text = boxed(BooleanQuery::new(parts));
        match (clause.scope, self.doc_no(&clause.text)) {
            // A word shaped like a document number: that document first,
            // then the texts that cite it.
            (Scope::Anywhere, Some(numbered)) => Some(any_of(vec![numbered, text])),
            _ => Some(text),
        }
    }

    /// BM25 of the words' jieba pieces, with the compounds (法律援助 over
    /// 法律 + 援助) counted [`PHRASE_BOOST`] times, each looked up where it
    /// stands together; a piece that is a whole word is scored by the word
    /// itself already.
    fn word_ranking(&self, folded: &str, words: &[Word], texts: &[&SearchedFields]) -> Option<Box<dyn Query>> {
        let (pieces, compounds) = self.analysis.pieces_and_compounds(folded);
        let weighted = pieces.iter().map(|p| (p, 1.0)).chain(compounds.iter().map(|c| (c, PHRASE_BOOST)));
        let weighted = weighted.filter(|(piece, _)| !words.iter().any(|w| w.label == piece.text));
        let terms: Vec<Box<dyn Query>> = weighted
            .flat_map(|(piece, boost)| {
                stretches(&piece.text).into_iter().flat_map(move |stretch| {
                    texts.iter().map(move |f| boxed(BoostQuery::new(stretch_in(f, &stretch), f.text.weight * boost)))
                })
            })
            .collect();
        (!terms.is_empty()).then(|| any_of(terms))
    }

    /// The query as requirements: each word of a lone clause on its own
    /// (so a near match can say which word it lacks), any other group of
    /// alternatives as one. Each group is also matched by the clauses an
    /// expansion added to it (none without synonyms), scored
    /// [`EXPANSION_BOOST`] times as much: a document holding only an
    /// abbreviation's full form is found, and a document holding the word
    /// itself scores higher.
    pub(crate) fn compile(&self, parsed: &ParsedQuery, expansion: &Expansion) -> CompiledQuery {
        let mut compiled = CompiledQuery { excluded: self.exclusion(parsed), ..CompiledQuery::default() };
        for (index, group) in parsed.required.iter().enumerate() {
            let added = expansion.added(index);
            if let ([clause], []) = (group.as_slice(), added)
                && clause.scope != Scope::DocNo
                && sifa_store::document::doc_no_key(&clause.text).is_none()
            {
                let (required, ranking) = self.clause_parts(clause);
                compiled.required.extend(required);
                compiled.scoring.extend(ranking);
                continue;
            }
            let added = added.iter().filter_map(|c| self.clause(c)).map(|q| boxed(BoostQuery::new(q, EXPANSION_BOOST)));
            let alternatives: Vec<Box<dyn Query>> = group.iter().filter_map(|c| self.clause(c)).chain(added).collect();
            if !alternatives.is_empty() {
                let label = group.iter().map(|c| fold(&c.text)).collect::<Vec<_>>().join(" OR ");
                compiled.required.push(Requirement { label, query: any_of(alternatives) });
            }
        }
        if !compiled.required.is_empty() {
            compiled.scoring.extend(self.exact_title(parsed));
        }
        compiled
    }

    /// Every excluded clause as one set of documents, read out in full
    /// (see [`crate::exclusion`]); `None` without exclusions.
    fn exclusion(&self, parsed: &ParsedQuery) -> Option<Box<dyn Query>> {
        let excluded: Vec<Box<dyn Query>> =
            parsed.excluded.iter().filter_map(|c| self.clause(&Clause { phrase: true, ..c.clone() })).collect();
        (!excluded.is_empty()).then(|| boxed(ReadOut(any_of(excluded))))
    }

    /// A bonus for documents whose title is the query's words as a whole,
    /// or whose law-like title names them as its subject.
    fn exact_title(&self, parsed: &ParsedQuery) -> Option<Box<dyn Query>> {
        let words: String = parsed.positive_clauses().map(|c| fold(&c.text)).collect();
        let key = sifa_store::document::title_keys(&words).pop()?;
        let term = |field: Field, text: &str, boost: f32| {
            boxed(BoostQuery::new(
                boxed(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic)),
                boost,
            ))
        };
        Some(any_of(vec![
            term(self.schema.title_key, &key, EXACT_TITLE_BOOST),
            term(self.schema.title_subject, &key, SUBJECT_TITLE_BOOST),
        ]))
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse;
    use crate::synonyms::Expansion;
    use crate::testing::Fixture;

    #[test]
    fn each_word_of_a_lone_clause_is_a_requirement_and_groups_are_one() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let builder = snapshot.builder();
        let labels = |q: &str| -> Vec<String> {
            builder.compile(&parse(q), &Expansion::default()).required.into_iter().map(|r| r.label).collect()
        };
        assert_eq!(labels("行政复议纠错率 律师"), ["行政复议", "纠错率", "律师"]);
        assert_eq!(labels("调解 OR 仲裁 \"司法局\""), ["调解 OR 仲裁", "司法局"]);
        assert!(labels("").is_empty());
        assert!(builder.compile(&parse("行政复议"), &Expansion::default()).all_but_one().is_none());
    }
}
