//! The researchers' query language, parsed forgivingly.
//!
//! - words separated by spaces must all match;
//! - `"quoted phrases"` (straight or curly quotes) match contiguously;
//! - `-word` excludes; `A OR B` (also `or`, `|`) matches either;
//! - `title:词` or `title:"短语"` looks in titles only;
//! - `doc_no:鲁司发〔2024〕12号` (or `文号:`) finds a document number exactly
//!   (a word shaped like a document number is also looked up as one).
//!
//! Nothing here fails: an unbalanced quote runs to the end, a lone `-`,
//! a stray `:` or a dangling `OR` is ignored.

/// Where a clause looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Anywhere,
    Title,
    /// The document number (发文字号), exactly.
    DocNo,
}

/// Field prefixes of the query language and the scope each selects.
const SCOPES: [(&str, Scope); 6] = [
    ("title:", Scope::Title),
    ("title：", Scope::Title),
    ("doc_no:", Scope::DocNo),
    ("doc_no：", Scope::DocNo),
    ("文号:", Scope::DocNo),
    ("文号：", Scope::DocNo),
];

/// One word or phrase of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub text: String,
    pub phrase: bool,
    pub scope: Scope,
}

/// A parsed query: groups that must all match (each group matches when
/// any of its clauses does) and clauses that must not match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    pub required: Vec<Vec<Clause>>,
    pub excluded: Vec<Clause>,
}

impl ParsedQuery {
    pub fn is_empty(&self) -> bool {
        self.required.is_empty()
    }

    /// Every positive clause, for highlighting.
    pub fn positive_clauses(&self) -> impl Iterator<Item = &Clause> {
        self.required.iter().flatten()
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    Clause { clause: Clause, negated: bool },
    Or,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '＂' | '「' | '」')
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether text has anything searchable in it.
fn has_content(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn tokenize(input: &str) -> Vec<Token> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_space(chars[i]) {
            i += 1;
            continue;
        }
        let mut negated = false;
        if matches!(chars[i], '-' | '－') && i + 1 < chars.len() && !is_space(chars[i + 1]) {
            negated = true;
            i += 1;
        }
        let mut scope = Scope::Anywhere;
        let rest: String = chars[i..chars.len().min(i + 7)].iter().collect::<String>().to_lowercase();
        if let Some((prefix, found)) = SCOPES.iter().find(|(prefix, _)| rest.starts_with(prefix)) {
            scope = *found;
            i += prefix.chars().count();
        }
        if i < chars.len() && is_quote(chars[i]) {
            let start = i + 1;
            let mut end = start;
            while end < chars.len() && !is_quote(chars[end]) {
                end += 1;
            }
            let text: String = chars[start..end].iter().collect();
            i = end + 1;
            if has_content(&text) {
                tokens.push(Token::Clause {
                    clause: Clause { text: text.trim().to_string(), phrase: true, scope },
                    negated,
                });
            }
            continue;
        }
        let start = i;
        while i < chars.len() && !is_space(chars[i]) && !is_quote(chars[i]) {
            i += 1;
        }
        let text: String = chars[start..i].iter().collect();
        if is_or(&text) && !negated && scope == Scope::Anywhere {
            tokens.push(Token::Or);
        } else if has_content(&text) {
            tokens.push(Token::Clause { clause: Clause { text, phrase: false, scope }, negated });
        }
    }
    tokens
}

/// `OR` in any case, or `|`: researchers type `or` as often as `OR`, and
/// the English word is never what they are looking for in Chinese texts.
fn is_or(text: &str) -> bool {
    text.eq_ignore_ascii_case("or") || text == "|"
}

/// Parses a query string; never fails.
pub fn parse(input: &str) -> ParsedQuery {
    let mut query = ParsedQuery::default();
    let mut join_next = false;
    for token in tokenize(input) {
        match token {
            Token::Or => join_next = !query.required.is_empty(),
            Token::Clause { clause, negated: true } => {
                query.excluded.push(clause);
                join_next = false;
            }
            Token::Clause { clause, negated: false } => {
                match query.required.last_mut() {
                    Some(group) if join_next => group.push(clause),
                    _ => query.required.push(vec![clause]),
                }
                join_next = false;
            }
        }
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Clause {
        Clause { text: text.into(), phrase: false, scope: Scope::Anywhere }
    }

    #[test]
    fn words_phrases_exclusions_and_or() {
        let q = parse("法律援助 \"公共法律服务\" -律师 调解 OR 仲裁 title:通知");
        assert_eq!(q.required.len(), 4);
        assert_eq!(q.required[0], vec![word("法律援助")]);
        assert!(q.required[1][0].phrase);
        assert_eq!(q.required[2], vec![word("调解"), word("仲裁")]);
        assert_eq!(q.required[3][0].scope, Scope::Title);
        assert_eq!(q.excluded, vec![word("律师")]);
    }

    #[test]
    fn or_in_any_case_and_the_bar_join_alternatives() {
        for q in ["调解 or 仲裁", "调解 Or 仲裁", "调解 | 仲裁"] {
            assert_eq!(parse(q).required, vec![vec![word("调解"), word("仲裁")]], "{q}");
        }
    }

    #[test]
    fn document_numbers_by_prefix() {
        let q = parse("doc_no:鲁司发〔2024〕12号 文号：司法部令第150号");
        assert_eq!(q.required[0][0], Clause { text: "鲁司发〔2024〕12号".into(), phrase: false, scope: Scope::DocNo });
        assert_eq!(q.required[1][0].scope, Scope::DocNo);
    }

    #[test]
    fn curly_quotes_and_title_phrases() {
        let q = parse("title:“法治督察” 司法");
        assert_eq!(q.required[0][0], Clause { text: "法治督察".into(), phrase: true, scope: Scope::Title });
    }

    #[test]
    fn malformed_input_degrades_gracefully() {
        assert_eq!(parse("\"未闭合的引号 后面").required[0][0].text, "未闭合的引号 后面");
        assert!(parse(" - : OR \"\" -- ").is_empty());
        assert_eq!(parse("OR 调解 OR").required, vec![vec![word("调解")]]);
        assert_eq!(parse("a:b").required[0][0].text, "a:b");
        assert!(parse("").is_empty());
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

        /// Any input parses, and every clause it keeps has something to search.
        #[test]
        fn any_input_parses_into_searchable_clauses(input in "\\PC{0,60}|[\"“”:\\- ORtitle法律援助a-z0-9]{0,40}") {
            let parsed = parse(&input);
            for clause in parsed.required.iter().flatten().chain(&parsed.excluded) {
                prop_assert!(clause.text.chars().any(char::is_alphanumeric));
            }
            prop_assert!(parsed.required.iter().all(|group| !group.is_empty()));
        }
    }
}
