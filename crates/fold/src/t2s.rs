//! Traditional to simplified, exactly as `fast2s::convert` does it, by
//! table.
//!
//! `fast2s` looks every three-byte character up in three hash maps; folding
//! runs over every title and body several times per reindex (extraction,
//! the index fields, links), and that lookup was the largest single cost of
//! folding. This module asks `fast2s` once per character of the Basic
//! Multilingual Plane and keeps the answers in a flat table, so converting
//! is an array read. The few characters whose conversion depends on their
//! neighbours are still handed to `fast2s` with their neighbours.

use std::sync::OnceLock;

/// The first character `fast2s` converts: it only looks at characters of
/// three UTF-8 bytes (U+0800–U+FFFF).
const FIRST: u32 = 0x800;
const LAST: u32 = 0xFFFF;
/// Marks a character whose conversion depends on its neighbours.
const CONTEXTUAL: u32 = 0;

/// Characters that `fast2s` 0.3 converts by context (its `T2S_EXCLUDE` and
/// `T2S_SPECIAL_CONVERT_TYPE` tables): 乾隆 keeps 乾, 計畫 becomes 计划.
/// A test checks the table against `fast2s` around each of them.
const BY_CONTEXT: [char; 15] =
    ['兒', '覆', '夥', '藉', '瞭', '麽', '幺', '於', '乾', '著', '苧', '闔', '鍾', '讎', '畫'];

/// What `fast2s` makes of each character alone, indexed from [`FIRST`].
fn table() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut one = String::with_capacity(4);
        (FIRST..=LAST)
            .map(|code| match char::from_u32(code) {
                Some(c) if BY_CONTEXT.contains(&c) => CONTEXTUAL,
                Some(c) => {
                    one.clear();
                    one.push(c);
                    fast2s::convert(&one).chars().next().map_or(code, u32::from)
                }
                None => code, // surrogates are never characters of a str
            })
            .collect()
    })
}

/// `cur` converted between `prev` and `next`, by `fast2s` itself.
fn in_context(prev: char, cur: char, next: char) -> char {
    let window: String = [prev, cur, next].into_iter().collect();
    fast2s::convert(&window).chars().nth(1).unwrap_or(cur)
}

/// Whether [`convert`] leaves `c` as it is wherever it stands.
pub fn keeps(c: char) -> bool {
    c.len_utf8() != 3 || table()[(c as u32 - FIRST) as usize] == c as u32
}

/// Converts `text` like `fast2s::convert` (whose start and end context is
/// the character `'0'`).
pub fn convert(text: &str) -> String {
    convert_chars(text.chars(), text.len())
}

/// [`convert`] of the characters `chars` (about `capacity` bytes), so
/// that a caller can map them on the way (width folding) without a copy.
pub fn convert_chars(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let table = table();
    let mut out = String::with_capacity(capacity);
    let mut prev = '0';
    let mut chars = chars.peekable();
    while let Some(c) = chars.next() {
        if c.len_utf8() == 3 {
            let mapped = table[(c as u32 - FIRST) as usize];
            let converted = if mapped == CONTEXTUAL {
                in_context(prev, c, chars.peek().copied().unwrap_or('0'))
            } else {
                char::from_u32(mapped).unwrap_or(c)
            };
            out.push(converted);
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_converts_as_fast2s_converts_it() {
        let all: String = (FIRST..=LAST).filter_map(char::from_u32).collect();
        assert_eq!(convert(&all), fast2s::convert(&all));
    }

    #[test]
    fn characters_converted_by_context_convert_as_fast2s_converts_them() {
        let text = "乾隆的乾兒子一邊乾淨利落地擲出了一個乾卦，嚼着芒果乾。企畫 計畫 畫圖 藉口 憑藉 慰藉 狼藉 看著 著作 \
                    苧麻 闔家 鍾書 校讎 答覆 批覆 覆蓋 甚夥 瞭望 幺麽 樊於期 兒寬 於是";
        assert_eq!(convert(text), fast2s::convert(text));
        for &c in &BY_CONTEXT {
            for context in ["", "a", "乾", "計"] {
                let around = format!("{context}{c}{context}");
                assert_eq!(convert(&around), fast2s::convert(&around), "{around}");
            }
        }
        assert_eq!(convert("畫"), fast2s::convert("畫"), "alone, at both ends");
    }
}
