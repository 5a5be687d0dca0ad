//! Every limit of the read path, in one place, with [`Limits`], the form
//! in which the API tells clients (the web page among them) so that none
//! copies a number.

use schemars::JsonSchema;
use serde::Serialize;

use crate::QueryError;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Hits per page when `per_page` is absent.
pub const DEFAULT_PER_PAGE: usize = 10;
/// Most hits per page.
pub const MAX_PER_PAGE: usize = 100;
/// Deepest result reachable by paging.
pub const MAX_RESULT_WINDOW: usize = 10_000;
/// Most publications one export holds: as deep as paging reaches.
pub const MAX_EXPORT: usize = MAX_RESULT_WINDOW;
/// Timeline series returned when `top` is absent.
pub const DEFAULT_TOP: usize = 5;
/// Most timeline series one request may ask for.
pub const MAX_TOP: usize = 20;
/// Characters of a concordance line's context each side, by default and at most.
pub const DEFAULT_CONTEXT: usize = 20;
pub const MAX_CONTEXT: usize = 100;
/// Concordance lines per page, by default and at most.
pub const DEFAULT_LINES: usize = 50;
pub const MAX_LINES: usize = 100;
/// Most concordance lines one CSV export holds.
pub const MAX_CONCORDANCE_EXPORT: usize = 50_000;

/// Refuses a query longer than [`MAX_QUERY_CHARS`] (the parameter `q`),
/// wherever one is taken: searches, suggestions, a document's marks.
pub fn check_query(q: &str) -> Result<(), QueryError> {
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(QueryError::invalid("q", format!("the query is longer than {MAX_QUERY_CHARS} characters")));
    }
    Ok(())
}

/// The limits of the API, so clients need not copy them.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Limits {
    /// Hits per page when `per_page` is absent.
    pub default_per_page: usize,
    /// Largest `per_page`.
    pub max_per_page: usize,
    /// Deepest result reachable by paging (`page × per_page`).
    pub max_result_window: usize,
    /// Longest query, in characters.
    pub max_query_chars: usize,
}

impl Limits {
    pub const CURRENT: Self = Self {
        default_per_page: DEFAULT_PER_PAGE,
        max_per_page: MAX_PER_PAGE,
        max_result_window: MAX_RESULT_WINDOW,
        max_query_chars: MAX_QUERY_CHARS,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_of_the_longest_length_passes_and_one_more_character_is_refused() {
        assert!(check_query(&"法".repeat(MAX_QUERY_CHARS)).is_ok());
        assert!(matches!(
            check_query(&"法".repeat(MAX_QUERY_CHARS + 1)),
            Err(QueryError::InvalidParameter { parameter: "q", .. })
        ));
    }
}
