//! Text folding applied before segmentation, at index and query time alike,
//! and the fingerprint of folded text that recognises duplicates.
//!
//! A crate of its own because the extractor (which reads pages) and the
//! analysis (which tokenizes for the index) both fold, and the extractor
//! should not link tantivy and jieba to do it.
//!
//! Every fold maps one character to exactly one character, with one
//! exception: the pinyin glosses that script converters insert (會(huì)議)
//! are dropped, so that the words they split are found ([`gloss`]). The
//! stored text keeps them; [`normalize`] says which original character each
//! folded character came from, and that is what lets highlighting work on
//! the stored, unfolded text (a traditional-character repost is displayed as
//! published).
//!
//! Indexed fields hold folded text ([`fold`]) and queries are folded the
//! same way before analysis; the tokenizers themselves do not fold, so the
//! work is done once per document rather than once per field.

mod gloss;
mod t2s;

pub use gloss::strip_glosses;

/// Folds one character: full-width ASCII to half-width, the ideographic space
/// to a space, Latin capitals to lowercase. Traditional to simplified folding
/// needs context and is done on whole strings by [`fold`].
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => {
            let folded = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            folded.to_ascii_lowercase()
        }
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => c.to_ascii_lowercase(),
    }
}

fn needs_char_fold(text: &str) -> bool {
    text.chars().any(|c| fold_char(c) != c)
}

/// Folds `text` for matching: width, case, pinyin glosses dropped and
/// traditional to simplified (after the glosses are gone, so that 會(huì)議
/// converts as the word 會議).
pub fn fold(text: &str) -> String {
    let width_folded;
    let text = if needs_char_fold(text) {
        width_folded = text.chars().map(fold_char).collect::<String>();
        width_folded.as_str()
    } else {
        text
    };
    if text.is_ascii() {
        return text.to_string();
    }
    t2s::convert(&strip_glosses(text))
}

/// Whether [`fold`] leaves `text` as it is: no character to fold by width,
/// case or script, and no pinyin gloss. Cheaper than folding (no
/// allocation): most stored text is simplified already, and a reader of it
/// can skip the folded copy and its map back to the original.
pub fn is_folded(text: &str) -> bool {
    !gloss::may_hold_glosses(text) && text.chars().all(|c| fold_char(c) == c && t2s::keeps(c))
}

/// Whether folding `text` keeps every character in its place: with no
/// pinyin gloss to drop, the `i`-th character of [`fold`]`(text)` comes
/// from the `i`-th of `text` (width, case and script fold one character
/// into one), so a reader of the folded text needs no map back
/// ([`normalize`]).
pub fn folds_in_place(text: &str) -> bool {
    !gloss::may_hold_glosses(text)
}

/// [`fold`] of a text that [`folds_in_place`], in one pass: the same
/// text without the intermediate copies (a concordance folds every
/// matching text whole).
pub fn fold_unglossed(text: &str) -> String {
    debug_assert!(folds_in_place(text));
    t2s::convert_chars(text.chars().map(fold_char), text.len())
}

/// Folded text together with where in the original every character came
/// from (folding drops glosses, so the `i`-th folded character need not be
/// the `i`-th original one).
pub struct Normalized {
    pub text: String,
    /// `original_offsets[i]` is the byte offset in the original text of the
    /// `i`-th folded character; one extra entry holds the original length.
    original_offsets: Vec<usize>,
    /// `original_chars[i]` is the same as a character index; one extra
    /// entry holds the original character count.
    original_chars: Vec<usize>,
}

impl Normalized {
    /// Original byte range of the characters `start..end` of the folded
    /// text (a gloss after the last one is inside the range).
    pub fn original_range(&self, start_char: usize, end_char: usize) -> std::ops::Range<usize> {
        self.original_offsets[start_char]..self.original_offsets[end_char]
    }

    /// Original character range of the characters `start..end` of the
    /// folded text.
    pub fn original_char_range(&self, start_char: usize, end_char: usize) -> std::ops::Range<usize> {
        self.original_chars[start_char]..self.original_chars[end_char]
    }

    /// Characters of the folded text.
    pub fn char_count(&self) -> usize {
        self.original_offsets.len() - 1
    }
}

/// Folds `text` and remembers where each character came from.
pub fn normalize(text: &str) -> Normalized {
    let width_folded: Vec<char> = text.chars().map(fold_char).collect();
    let glosses = if gloss::may_hold_glosses(text) { gloss::gloss_ranges(&width_folded) } else { Vec::new() };
    let mut glosses = glosses.into_iter().peekable();
    let mut original_offsets = Vec::with_capacity(width_folded.len() + 1);
    let mut original_chars = Vec::with_capacity(width_folded.len() + 1);
    for (index, (offset, _)) in text.char_indices().enumerate() {
        while glosses.peek().is_some_and(|&(_, end)| end <= index) {
            glosses.next();
        }
        if glosses.peek().is_some_and(|&(start, _)| start <= index) {
            continue;
        }
        original_offsets.push(offset);
        original_chars.push(index);
    }
    original_offsets.push(text.len());
    original_chars.push(width_folded.len());
    Normalized { text: fold(text), original_offsets, original_chars }
}

/// Hex digits kept of a fingerprint's SHA-1.
const FINGERPRINT_HEX_DIGITS: usize = 16;

/// A fingerprint of text already folded with [`fold`], for duplicate
/// detection: spaces and punctuation are left out, so a repost with other
/// furniture or line breaks has the same fingerprint.
pub fn fingerprint(folded: &str) -> String {
    let mut hasher = sha1_smol::Sha1::new();
    let mut buffer = [0u8; 4];
    for c in folded.chars().filter(|c| c.is_alphanumeric()) {
        hasher.update(c.encode_utf8(&mut buffer).as_bytes());
    }
    let mut hex = hasher.digest().to_string();
    hex.truncate(FINGERPRINT_HEX_DIGITS);
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_traditional() {
        let original = "ＡＢＣ１２３４８　廣東省司法廳，Law";
        assert_eq!(fold(original), "abc12348 广东省司法厅,law");
        assert_eq!(normalize(original).char_count(), original.chars().count());
        assert_eq!(fold(original).chars().count(), original.chars().count(), "one character for one");
    }

    #[test]
    fn one_pass_folding_is_folding() {
        for text in ["ＡＢＣ１２３４８　廣東省司法廳，Law", "乾隆年間的計畫，著作", "司法局", "", "abc", "於是覆蓋"]
        {
            assert!(folds_in_place(text));
            assert_eq!(fold_unglossed(text), fold(text), "{text}");
        }
        assert!(!folds_in_place("會(huì)議"));
    }

    #[test]
    fn folded_text_is_recognised_without_folding() {
        for text in ["司法局推进法律援助", "abc 12348,第一条。", "", "会议"] {
            assert!(is_folded(text), "{text}");
            assert_eq!(fold(text), text);
        }
        for text in ["廣東省", "ＡＢＣ", "Law", "召開會(huì)議", "司法　局"] {
            assert!(!is_folded(text), "{text}");
        }
    }

    #[test]
    fn fingerprint_ignores_punctuation_and_spacing() {
        assert_eq!(fingerprint(&fold("司法局， 通知。\n第一条")), fingerprint(&fold("司法局通知第一条")));
        assert_ne!(fingerprint("司法局通知"), fingerprint("司法厅通知"));
        assert_eq!(fingerprint("a").len(), 16);
    }

    #[test]
    fn glosses_are_dropped_and_mapped_around() {
        let original = "召開會(huì)議";
        let n = normalize(original);
        assert_eq!(n.text, "召开会议");
        assert_eq!(n.char_count(), n.text.chars().count());
        assert_eq!(&original[n.original_range(2, 4)], "會(huì)議");
        assert_eq!(n.original_char_range(3, 4), 8..9, "議 is the ninth character");
        assert_eq!(fold("會（ＨＵÌ）議"), "会(huÌ)议", "capital tone marks are no gloss");
        assert_eq!(fold("會（huì）議"), "会议");
    }

    #[test]
    fn maps_characters_back_to_original_bytes() {
        let original = "Ａ廣東";
        let n = normalize(original);
        assert_eq!(n.text, "a广东");
        assert_eq!(&original[n.original_range(1, 3)], "廣東");
        assert_eq!(&original[n.original_range(0, 1)], "Ａ");
    }
}
