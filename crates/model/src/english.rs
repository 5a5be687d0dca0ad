//! Counts in English output: `1 document`, `2 documents`, `23,116 records`.
//!
//! Every count the CLI and the summaries print goes through [`count`], so
//! plurals read naturally and large numbers are grouped by thousands.

use std::borrow::Cow;

/// `n` and the noun in the number it takes: `count(1, "document")` is
/// `1 document`, `count(23116, "document")` is `23,116 documents`,
/// `count(2, "query")` is `2 queries`.
pub fn count(n: impl TryInto<u64>, singular: &str) -> String {
    let n = n.try_into().unwrap_or(u64::MAX);
    format!("{} {}", grouped(n), noun(n, singular))
}

/// The noun alone in the number `n` takes: `document` or `documents`
/// (`entry` → `entries`, `match` → `matches`).
pub fn noun(n: impl TryInto<u64>, singular: &str) -> Cow<'_, str> {
    if n.try_into().unwrap_or(u64::MAX) == 1 {
        return Cow::Borrowed(singular);
    }
    let consonant_y = singular
        .strip_suffix('y')
        .and_then(|stem| stem.chars().last())
        .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c));
    if consonant_y {
        Cow::Owned(format!("{}ies", &singular[..singular.len() - 1]))
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|end| singular.ends_with(end)) {
        Cow::Owned(format!("{singular}es"))
    } else {
        Cow::Owned(format!("{singular}s"))
    }
}

/// `23116` as `23,116`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(0, "document"), "0 documents");
        assert_eq!(count(1, "document"), "1 document");
        assert_eq!(count(2usize, "document"), "2 documents");
        assert_eq!(count(23_116u64, "document"), "23,116 documents");
        assert_eq!(count(3, "query"), "3 queries");
        assert_eq!(count(3, "day"), "3 days");
        assert_eq!(count(2, "match"), "2 matches");
        assert_eq!(count(2, "index"), "2 indexes");
        assert_eq!(noun(1, "entry"), "entry");
        assert_eq!(noun(5, "generation"), "generations");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(95_791_534), "95,791,534");
    }
}
