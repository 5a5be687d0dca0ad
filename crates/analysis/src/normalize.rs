//! Text folding applied before segmentation, at index and query time alike.
//!
//! Every fold maps one character to exactly one character, so a token found
//! at characters `start..end` of the folded text covers the same characters
//! of the original. That is what lets highlighting work on the stored,
//! unfolded text (a traditional-character repost is displayed as published).

/// Folds one character: full-width ASCII to half-width, the ideographic space
/// to a space, Latin capitals to lowercase. Traditional to simplified folding
/// needs context and is done on whole strings by [`normalize`].
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

/// Folded text together with the original byte offset of every character.
pub struct Normalized {
    pub text: String,
    /// `original_offsets[i]` is the byte offset in the original text of the
    /// `i`-th character; one extra entry holds the original length.
    original_offsets: Vec<usize>,
}

impl Normalized {
    /// Original byte range of the characters `start..end` of the folded text.
    pub fn original_range(&self, start_char: usize, end_char: usize) -> std::ops::Range<usize> {
        self.original_offsets[start_char]..self.original_offsets[end_char]
    }

    pub fn char_count(&self) -> usize {
        self.original_offsets.len() - 1
    }
}

/// Folds `text` for matching: width, case and traditional to simplified.
pub fn normalize(text: &str) -> Normalized {
    let mut original_offsets = Vec::with_capacity(text.len() / 2 + 1);
    let mut folded = String::with_capacity(text.len());
    for (offset, c) in text.char_indices() {
        original_offsets.push(offset);
        folded.push(fold_char(c));
    }
    original_offsets.push(text.len());
    let text = if folded.bytes().any(|b| b >= 0xE0) { fast2s::convert(&folded) } else { folded };
    Normalized { text, original_offsets }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_traditional() {
        let n = normalize("ＡＢＣ１２３４８　廣東省司法廳，Law");
        assert_eq!(n.text, "abc12348 广东省司法厅,law");
        assert_eq!(n.char_count(), "ＡＢＣ１２３４８　廣東省司法廳，Law".chars().count());
    }

    #[test]
    fn maps_characters_back_to_original_bytes() {
        let original = "Ａ廣東";
        let n = normalize(original);
        assert_eq!(&original[n.original_range(1, 3)], "廣東");
        assert_eq!(&original[n.original_range(0, 1)], "Ａ");
    }
}
