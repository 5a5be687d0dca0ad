//! `<mark>` highlighting of titles and best-passage snippets.
//!
//! What is marked is what matched: the stretches of the query's words
//! ([`crate::matching`]), found in the text read as the index reads it:
//! folded (so 廣東 is marked for a 广东 query) and joined (so 立、改、废、释
//! is marked for 立改废释), with Latin and digit runs matched whole. Marks
//! are placed on the original characters, mapped back through
//! [`sifa_analysis::normalize`] and [`sifa_analysis::joined`]. Everything
//! counts characters, never bytes, and adjacent marks are merged.

mod finder;

use sifa_analysis::{ChineseAnalysis, joined, normalize};

use crate::matching::clause_words;
use crate::parse::ParsedQuery;
use finder::Finder;

/// Snippet length in characters.
pub const SNIPPET_CHARS: usize = 120;
/// Characters of context kept before the first mark of a snippet.
const LEAD_CHARS: usize = 16;

/// The words of a query to mark in results.
///
/// Marks follow matching: a query word matches where its characters stand
/// together, so that is what is marked, whole; never its pieces (司法局
/// marks no 司法 of 司法行政, 人民法院 marks no 人民法 of 人民法治).
pub struct Highlighter {
    finder: Option<Finder>,
}

impl Highlighter {
    pub fn new(parsed: &ParsedQuery, analysis: &ChineseAnalysis) -> Self {
        let stretches = parsed
            .positive_clauses()
            .flat_map(|clause| clause_words(clause, analysis))
            .flat_map(|word| word.stretches)
            .map(|stretch| stretch.text);
        Self { finder: Finder::new(stretches.collect()) }
    }

    /// Whether the query has words to mark (an empty query or exclusions alone have none).
    pub(crate) fn has_words(&self) -> bool {
        self.finder.is_some()
    }

    /// Character spans `[start, end)` of matches in `text`, merged.
    ///
    /// Most texts are simplified already and hold the words as typed, so
    /// they are first looked for as written; only a text where some word
    /// is not found so is read as the index reads it (a traditional
    /// repost, full-width letters, pinyin glosses or marks inside a word)
    /// and searched again, with the spans mapped back to the original
    /// characters.
    pub fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(finder) = &self.finder else { return Vec::new() };
        let (as_written, found) = finder.matches(text);
        if found == finder.patterns_len() {
            return char_spans(text, as_written);
        }
        // Folded text is read joined only (most stored text is simplified
        // already); anything else is normalized first, and mapped back.
        let normalized = (!sifa_analysis::is_folded(text)).then(|| normalize(text));
        let folded = normalized.as_ref().map_or(text, |n| n.text.as_str());
        if normalized.is_none() && sifa_analysis::is_joined(folded) {
            return char_spans(text, as_written);
        }
        let joined = joined(folded);
        let (in_joined, found_joined) = finder.matches(&joined.text);
        if found_joined <= found {
            return char_spans(text, as_written);
        }
        let spans = char_spans(&joined.text, in_joined).into_iter().map(|(start, end)| {
            let (start, end) = (joined.folded_index[start], joined.folded_index[end - 1] + 1);
            match &normalized {
                Some(normalized) => {
                    let range = normalized.original_char_range(start, end);
                    (range.start, range.end)
                }
                None => (start, end),
            }
        });
        merge(spans.collect())
    }

    /// Every place a stretch of the query stands in `text`, as character
    /// spans `[start, end)` of the original text, one per place, in order
    /// and not merged (a concordance's lines; 司法局司法局 has two).
    ///
    /// Unlike [`Highlighter::spans`], the text is always read as the index
    /// reads it (folded, joined), so nothing is missed for being written
    /// otherwise somewhere else in the text.
    pub(crate) fn occurrences(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(finder) = &self.finder else { return Vec::new() };
        // Only a text with pinyin glosses needs a map back from its folded form.
        let normalized = (!sifa_analysis::folds_in_place(text)).then(|| normalize(text));
        let folded = match &normalized {
            Some(normalized) => std::borrow::Cow::Borrowed(normalized.text.as_str()),
            None => std::borrow::Cow::Owned(sifa_analysis::fold_unglossed(text)),
        };
        let joined = joined(&folded);
        // Matches begin in order: characters are counted on from the last one.
        let (mut counted_bytes, mut counted_chars) = (0, 0);
        finder
            .occurrences(&joined.text)
            .into_iter()
            .map(|(start, end)| {
                counted_chars += joined.text[counted_bytes..start].chars().count();
                counted_bytes = start;
                let last = counted_chars + joined.text[start..end].chars().count() - 1;
                let (start, end) = (joined.folded_index[counted_chars], joined.folded_index[last] + 1);
                match &normalized {
                    Some(normalized) => {
                        let range = normalized.original_char_range(start, end);
                        (range.start, range.end)
                    }
                    None => (start, end),
                }
            })
            .collect()
    }

    /// The part of a long text worth a snippet: around its densest cluster
    /// of matches among those within [`SCAN_BYTES`] of the first (found in
    /// bytes, cheaply), so a long law is neither walked character by
    /// character nor searched to its end. Returns the slice and whether it
    /// reaches the start and the end of the text.
    fn passage_region<'t>(&self, text: &'t str) -> (&'t str, bool, bool) {
        if text.len() <= REGION_BYTES {
            return (text, true, true);
        }
        let floor = |mut b: usize| {
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            b
        };
        let first = self.finder.as_ref().and_then(|f| f.first(text)).unwrap_or(0);
        let scanned = floor((first + SCAN_BYTES).min(text.len()));
        let spans: Vec<(usize, usize)> = self
            .finder
            .iter()
            .flat_map(|f| f.matches(&text[first..scanned]).0)
            .map(|(start, end)| (first + start, first + end))
            .collect();
        let mut best = (0usize, 0usize);
        let mut j = 0;
        for (i, &(start, _)) in spans.iter().enumerate() {
            j = j.max(i);
            while j + 1 < spans.len() && spans[j + 1].1 <= start + DENSE_BYTES {
                j += 1;
            }
            let covered: usize = spans[i..=j].iter().map(|(s, e)| e - s).sum();
            if covered > best.0 {
                best = (covered, start);
            }
        }
        let start = floor(best.1.saturating_sub(REGION_BYTES / 4));
        let end = floor((start + REGION_BYTES).min(text.len()));
        (&text[start..end], start == 0, end == text.len())
    }
}

/// Texts longer than this (in bytes) get their snippet from a region.
const REGION_BYTES: usize = 2048;
/// How far after its first match a long text is searched for the densest
/// cluster of matches (about 8,000 Han characters).
const SCAN_BYTES: usize = 24 * 1024;
/// The span of bytes in which matches count as one cluster (~120 Han characters).
const DENSE_BYTES: usize = 360;

/// Byte spans of `text` (sorted) as merged character spans.
fn char_spans(text: &str, byte_spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    if byte_spans.is_empty() {
        return Vec::new();
    }
    let mut spans = Vec::with_capacity(byte_spans.len());
    let mut char_index = 0;
    let mut offsets = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).peekable();
    let mut to_char = |byte: usize| {
        while let Some(&b) = offsets.peek() {
            if b >= byte {
                break;
            }
            offsets.next();
            char_index += 1;
        }
        char_index
    };
    for (start, end) in byte_spans {
        let start = to_char(start);
        let end = to_char(end);
        spans.push((start, end));
    }
    merge(spans)
}

impl Highlighter {
    /// The whole text HTML-escaped with marks.
    pub fn mark_all(&self, text: &str) -> String {
        render(&text.chars().collect::<Vec<_>>(), &self.spans(text), 0, usize::MAX, false, false)
    }

    /// The best passage of about [`SNIPPET_CHARS`] characters, marked.
    pub fn snippet(&self, text: &str) -> String {
        let (region, at_start, at_end) = self.passage_region(text);
        let chars: Vec<char> = region.chars().collect();
        let spans = self.spans(region);
        let (start, end) = best_window(&chars, &spans);
        render(&chars, &spans, start, end, start > 0 || !at_start, end < chars.len() || !at_end)
    }
}

/// Merges overlapping and touching spans.
fn merge(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The window with the most marked characters, starting a little before
/// its first mark (at a sentence start when one is near).
fn best_window(chars: &[char], spans: &[(usize, usize)]) -> (usize, usize) {
    if spans.is_empty() || chars.len() <= SNIPPET_CHARS {
        return (0, chars.len().min(SNIPPET_CHARS));
    }
    let mut best = (0usize, 0usize);
    let mut j = 0;
    for i in 0..spans.len() {
        let window_end = spans[i].0 + SNIPPET_CHARS - LEAD_CHARS;
        j = j.max(i);
        while j + 1 < spans.len() && spans[j + 1].1 <= window_end {
            j += 1;
        }
        let covered: usize = spans[i..=j].iter().map(|(s, e)| e - s).sum();
        if covered > best.0 {
            best = (covered, i);
        }
    }
    let first = spans[best.1].0;
    let mut start = first.saturating_sub(LEAD_CHARS);
    if let Some(sentence) = (start..first).rev().find(|&k| matches!(chars[k], '。' | '！' | '？' | '；' | '\n')) {
        start = sentence + 1;
    }
    let end = (start + SNIPPET_CHARS).min(chars.len());
    let start = end.saturating_sub(SNIPPET_CHARS).min(start);
    (start, end)
}

fn escape_into(out: &mut String, c: char) {
    match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        '\n' | '\r' | '\t' => out.push(' '),
        c if c.is_control() => {}
        c => out.push(c),
    }
}

/// Characters `start..end` escaped, with spans marked.
fn render(chars: &[char], spans: &[(usize, usize)], start: usize, end: usize, lead: bool, tail: bool) -> String {
    let end = end.min(chars.len());
    let mut out = String::with_capacity((end - start) * 3 + 16);
    if lead {
        out.push('…');
    }
    let mut spans = spans.iter().filter(|(s, e)| *e > start && *s < end).peekable();
    let mut i = start;
    while i < end {
        match spans.peek() {
            Some(&&(s, e)) if s.max(start) == i => {
                out.push_str("<mark>");
                for &c in &chars[i..e.min(end)] {
                    escape_into(&mut out, c);
                }
                out.push_str("</mark>");
                i = e.min(end);
                spans.next();
            }
            _ => {
                escape_into(&mut out, chars[i]);
                i += 1;
            }
        }
    }
    if tail {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn highlighter(q: &str) -> Highlighter {
        Highlighter::new(&parse(q), &ChineseAnalysis::default_dictionary())
    }

    #[test]
    fn marks_are_merged_and_text_is_escaped() {
        let h = highlighter("公共法律服务");
        assert_eq!(h.mark_all("推进<b>公共法律服务</b>建设"), "推进&lt;b&gt;<mark>公共法律服务</mark>&lt;/b&gt;建设");
    }

    #[test]
    fn traditional_text_is_marked_for_a_simplified_query() {
        let h = highlighter("法律援助");
        assert_eq!(h.mark_all("廣東推進法律援助"), "廣東推進<mark>法律援助</mark>");
        assert_eq!(highlighter("广东").mark_all("廣東推進"), "<mark>廣東</mark>推進");
    }

    #[test]
    fn glossed_text_is_marked_on_its_original_characters() {
        let h = highlighter("会议");
        assert_eq!(h.mark_all("召開會(huì)議，部署工作"), "召開<mark>會(huì)議</mark>，部署工作");
        let h = highlighter("社区矫正工作会议");
        assert_eq!(
            h.mark_all("社區矯正工作會(huì)議"),
            "<mark>社區矯正工作會(huì)議</mark>",
            "not only 工作, as written"
        );
        assert_eq!(highlighter("规范").mark_all("發(fā)布規(guī)範"), "發(fā)布<mark>規(guī)範</mark>");
    }

    #[test]
    fn snippets_count_characters_and_centre_on_matches() {
        let h = highlighter("社区矫正");
        let text = format!("{}。今年以来，全市社区矫正工作稳步推进。{}", "前言".repeat(200), "后记".repeat(200));
        let snippet = h.snippet(&text);
        assert!(snippet.contains("<mark>社区矫正</mark>"), "{snippet}");
        assert!(snippet.starts_with('…') && snippet.ends_with('…'));
        let visible = snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(visible.chars().count() <= SNIPPET_CHARS + 2, "{}", visible.chars().count());
        assert!(visible.starts_with("…今年以来"), "starts at the sentence: {visible}");
    }

    #[test]
    fn words_are_marked_whole_never_their_stray_pieces() {
        let h = highlighter("法律援助");
        assert_eq!(h.mark_all("法律援助与法律服务"), "<mark>法律援助</mark>与法律服务");
        assert_eq!(h.mark_all("法律服务和援助"), "法律服务和援助", "the word is not there, so nothing is marked");
        assert_eq!(highlighter("司法局").mark_all("推进司法行政工作"), "推进司法行政工作");
        assert_eq!(highlighter("人民法院").mark_all("人民法治与人民法院"), "人民法治与<mark>人民法院</mark>");
        assert_eq!(
            highlighter("行政复议纠错率").mark_all("行政复议案件的纠错率"),
            "<mark>行政复议</mark>案件的<mark>纠错率</mark>",
            "separate words of a run are marked where each stands"
        );
    }

    #[test]
    fn traditional_text_is_marked_whole() {
        assert_eq!(
            highlighter("行政复议工作白皮书").mark_all("發佈行政復議工作白皮書"),
            "發佈<mark>行政復議工作白皮書</mark>"
        );
    }

    #[test]
    fn marks_inside_a_word_are_read_as_absent_and_marked_with_it() {
        assert_eq!(highlighter("立改废释").mark_all("做好立、改、废、释工作"), "做好<mark>立、改、废、释</mark>工作");
        assert_eq!(highlighter("\"放管服改革\"").mark_all("深化“放管服”改革"), "深化“<mark>放管服”改革</mark>");
        assert_eq!(
            highlighter("放管服改革").mark_all("深化“放管服”改革"),
            "深化“<mark>放管服</mark>”<mark>改革</mark>",
            "two words, each marked where it stands"
        );
        assert_eq!(highlighter("司法局").mark_all("司法，局"), "司法，局", "a comma keeps them apart");
    }

    #[test]
    fn latin_and_digit_runs_are_marked_whole() {
        assert_eq!(highlighter("2024年").mark_all("2024年与12024年"), "<mark>2024年</mark>与12024年");
        assert_eq!(highlighter("\"covid-19\"").mark_all("covid-19 and covid-2"), "<mark>covid-19</mark> and covid-2");
    }

    #[test]
    fn occurrences_are_each_place_on_the_original_characters() {
        let h = highlighter("司法局");
        assert_eq!(h.occurrences("司法局司法局，司法、局"), [(0, 3), (3, 6), (7, 11)]);
        assert_eq!(highlighter("广东").occurrences("在廣東"), [(1, 3)]);
        assert_eq!(highlighter("会议").occurrences("召開會(huì)議"), [(2, 9)]);
        assert!(highlighter("").occurrences("司法局").is_empty());
    }

    #[test]
    fn no_query_gives_the_opening() {
        let h = highlighter("");
        assert_eq!(h.snippet("短文本"), "短文本");
    }
}
