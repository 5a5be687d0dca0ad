//! Pinyin glosses that script converters insert after characters:
//! 會(huì)議, 發(fā)布. They are not the publisher's words, and they split
//! the words around them (會 … 議), so folding drops them.
//!
//! A gloss is one parenthesised pinyin syllable with a tone mark, written
//! right after a Han character: `(huì)`, `（fā）`. English or Latin in
//! parentheses (`(WTO)`, `(Běijīng)`, `(de)`) is not a gloss: it has no tone
//! mark, more than one, or capitals.

/// The longest pinyin syllable (zhuang, shuang) has six letters.
const MAX_SYLLABLE_CHARS: usize = 6;

/// Whether `text` may hold a gloss at all: every tone-marked vowel is
/// encoded with a lead byte 0xC3–0xC7, which Chinese text hardly ever has.
/// Keeps folding as fast as before on text without glosses.
pub fn may_hold_glosses(text: &str) -> bool {
    text.bytes().any(|b| (0xC3..=0xC7).contains(&b))
}

/// Character ranges `[start, end)` of the glosses in `chars`.
pub fn gloss_ranges(chars: &[char]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut i = 1;
    while i < chars.len() {
        if is_open(chars[i])
            && is_han(chars[i - 1])
            && let Some(len) = syllable_len(&chars[i + 1..])
        {
            ranges.push((i, i + len + 2));
            i += len + 2;
        } else {
            i += 1;
        }
    }
    ranges
}

/// `text` without its glosses (borrowed when it has none).
pub fn strip_glosses(text: &str) -> std::borrow::Cow<'_, str> {
    if !may_hold_glosses(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let ranges = gloss_ranges(&chars);
    if ranges.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut next = 0;
    for (start, end) in ranges {
        out.extend(&chars[next..start]);
        next = end;
    }
    out.extend(&chars[next..]);
    std::borrow::Cow::Owned(out)
}

/// Length of the syllable that opens `rest` and is closed by a parenthesis,
/// if it is one: lowercase pinyin letters with exactly one tone mark, and
/// perhaps a space before the parenthesis (會(huì )議, as some converters
/// write it).
fn syllable_len(rest: &[char]) -> Option<usize> {
    let len = rest.iter().take(MAX_SYLLABLE_CHARS + 2).position(|&c| is_close(c))?;
    let syllable = &rest[..len];
    let syllable = match syllable {
        [letters @ .., ' '] => letters,
        _ => syllable,
    };
    let toned = syllable.iter().filter(|&&c| is_toned(c)).count();
    let letters = syllable.iter().all(|&c| c.is_ascii_lowercase() || c == 'ü' || is_toned(c));
    (!syllable.is_empty() && syllable.len() <= MAX_SYLLABLE_CHARS && toned == 1 && letters).then_some(len)
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '（')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | '）')
}

fn is_toned(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(text: &str) -> String {
        strip_glosses(text).into_owned()
    }

    #[test]
    fn glosses_after_han_characters_are_dropped() {
        assert_eq!(strip("召開會(huì)議，發(fā)布規(guī)範"), "召開會議，發布規範");
        assert_eq!(strip("會（huì）議"), "會議", "full-width parentheses too");
        assert_eq!(strip("區(qū)司法局"), "區司法局", "ü with a tone mark");
        assert_eq!(strip("莊(zhuāng)重"), "莊重", "six letters");
        assert_eq!(strip("大會(huì )常務(wù )委員會"), "大會常務委員會", "a space before the parenthesis");
    }

    #[test]
    fn other_parentheses_stay() {
        for text in [
            "世界貿易組織(WTO)",
            "北京(Běijīng)",
            "的(de)",
            "(huì)開頭",
            "a(huì)",
            "會(huìa",
            "會(huàngzhuāng)",
            "會()",
            "第(一)條",
            "司法局(2024)",
        ] {
            assert_eq!(strip(text), text);
        }
    }

    #[test]
    fn ranges_count_characters() {
        let chars: Vec<char> = "會(huì)議發(fā)".chars().collect();
        assert_eq!(gloss_ranges(&chars), vec![(1, 6), (8, 12)]);
    }
}
