//! Stage one of the read: a page's lines sorted into header fields,
//! furniture and content.
//!
//! Lines come in pairs: as published (for the title and body) and folded
//! to simplified, half-width characters (for every rule that matches
//! words), so a traditional-character repost is read like any other page.
//! Folding also drops the pinyin glosses that converters insert after
//! characters (發(fā)布 → 发布), which would otherwise split the words.

use sifa_fold::fold;

use crate::html::{HtmlHints, html_to_text};
use crate::shapes::{furniture, header};

/// How far into the content a headline or header line is looked for.
pub const HEADER_ZONE: usize = 8;
/// How far from the end a signature is looked for.
pub const SIGNATURE_ZONE: usize = 12;

/// Lines of the page sorted for extraction.
pub struct PageLines {
    /// Every line before the footer, furniture included, folded: header
    /// fields (dates, sources) are read from here.
    pub all: Vec<String>,
    /// The same lines as published.
    pub all_published: Vec<String>,
    /// For each content line, its index in `all`.
    pub content_at: Vec<usize>,
    /// Content lines as published: no furniture, no header fields.
    pub content: Vec<String>,
    /// The same content lines, folded.
    pub content_folded: Vec<String>,
    /// Everything, footer included (a 原文链接 may sit there).
    pub everything: Vec<String>,
    pub hints: HtmlHints,
}

/// A line folded for matching: glosses dropped, simplified, half-width.
pub fn fold_line(line: &str) -> String {
    fold(line)
}

/// A line without surrounding spaces and invisible characters; `None` when
/// nothing is left.
pub fn clean_line(line: &str) -> Option<String> {
    let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}');
    (!line.is_empty()).then(|| line.to_string())
}

impl PageLines {
    pub fn read(text: &str, is_html: bool) -> Self {
        let (lines, hints, main) = if is_html {
            let page = html_to_text(text);
            (page.lines, page.hints, Some(page.main))
        } else {
            (text.lines().map(str::to_string).collect(), HtmlHints::default(), None)
        };
        let everything: Vec<String> = lines.iter().filter_map(|l| clean_line(l)).collect();
        // For HTML keep a little context around the article: the headline,
        // date and source usually stand just above it.
        let window = match main {
            Some((start, end)) => {
                let lines: Vec<String> = lines.into_iter().map(|l| clean_line(&l).unwrap_or_default()).collect();
                let start = start.saturating_sub(HEADER_ZONE);
                let end = (end + 3).min(lines.len());
                lines[start..end].iter().filter(|l| !l.is_empty()).cloned().collect()
            }
            None => everything.clone(),
        };
        let folded: Vec<String> = window.iter().map(|l| fold_line(l)).collect();
        let footer = furniture::footer_start(&folded);
        let mut content = Vec::with_capacity(footer);
        let mut content_folded = Vec::with_capacity(footer);
        let mut content_at = Vec::with_capacity(footer);
        for (index, line) in folded[..footer].iter().enumerate() {
            let in_header = content.len() < HEADER_ZONE || index < HEADER_ZONE;
            if furniture::is_widget_line(line) || (in_header && header::is_meta_line(line)) {
                continue;
            }
            content.push(window[index].clone());
            content_folded.push(line.clone());
            content_at.push(index);
        }
        let mut all = folded;
        all.truncate(footer);
        let mut all_published = window;
        all_published.truncate(footer);
        Self { all, all_published, content_at, content, content_folded, everything, hints }
    }

    /// Where a headline given as text stands in [`Self::all`]: the first
    /// line near the top that is it, or holds it.
    pub fn locate(&self, headline: &str) -> Option<(usize, usize)> {
        let folded = fold(headline);
        let key: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
        if key.chars().count() < 4 {
            return None;
        }
        // A cheap test before the full comparison: the headline's first character.
        let first = key.chars().next()?;
        let longest = folded.chars().count() * 2 + 24;
        self.all
            .iter()
            .take(HEADER_ZONE * 4)
            .position(|line| {
                if !line.contains(first) || line.len() > longest * 4 {
                    return false;
                }
                let line: String = line.chars().filter(|c| c.is_alphanumeric()).collect();
                line == key || (line.contains(&key) && line.chars().count() <= key.chars().count() + 12)
            })
            .map(|i| (i, i + 1))
    }

    /// The last content lines, folded, where a signature stands.
    pub fn tail(&self) -> &[String] {
        &self.content_folded[self.content_folded.len().saturating_sub(SIGNATURE_ZONE)..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_fields_and_widgets_leave_the_content() {
        let page = PageLines::read(
            "某县司法局召开会议\n发布时间：2024-01-02 来源：某县司法局\n字号：大 中 小\n會議強調，要紮實推進工作。\n版权所有 某县司法局\n",
            false,
        );
        assert_eq!(page.content, vec!["某县司法局召开会议", "會議強調，要紮實推進工作。"], "the footer is dropped too");
        assert_eq!(page.content_folded[1], "会议强调,要扎实推进工作。");
        assert!(page.all.iter().any(|l| l.starts_with("发布时间")));
        assert_eq!(page.everything.len(), 5);
    }

    #[test]
    fn pinyin_glosses_are_dropped_for_matching() {
        assert_eq!(fold_line("發(fā)布時(shí)間:2020-10-30"), "发布时间:2020-10-30");
        assert_eq!(fold_line("附件(a)與(一)"), "附件(a)与(一)", "no tone mark, no gloss");
        let page = PageLines::read("會(huì)議召開\n正文。", false);
        assert_eq!(page.content[0], "會(huì)議召開", "the published line keeps them");
        assert_eq!(page.content_folded[0], "会议召开");
    }

    #[test]
    fn clean_lines_lose_invisible_characters() {
        assert_eq!(clean_line("\u{feff} 标题\u{200b} ").as_deref(), Some("标题"));
        assert_eq!(clean_line(" \u{3000} "), None);
    }
}
