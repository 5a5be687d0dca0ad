//! An HTML page reduced to lines of text, its main-content range and the
//! metadata hints its head carries.
//!
//! The main content is found the way readability does it: every paragraph of
//! real prose (long, with Chinese punctuation) scores its container and, by
//! half, the container's parent; the best-scoring element is the article.
//! Lines outside it are kept as context because government templates put the
//! headline, date and source just above the article and the signature below.
//! The walk over the tree is iterative, so deeply nested pages cannot
//! overflow the stack.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{Html, Node, Selector};

use crate::markup::{looks_like_html_document, remove_markup};

/// What an HTML page says about itself outside its visible text.
#[derive(Debug, Default, Clone)]
pub struct HtmlHints {
    /// The `<title>` text.
    pub page_title: Option<String>,
    /// `<meta name="ArticleTitle">`, `og:title` and the like.
    pub meta_title: Option<String>,
    /// The first `<h1>` inside the main content, if any.
    pub heading: Option<String>,
    /// `<meta name="PubDate">`, `article:published_time` and the like.
    pub meta_date: Option<String>,
    /// `<meta name="ContentSource">` and the like.
    pub meta_source: Option<String>,
    /// `<link rel="canonical">` or `og:url`.
    pub canonical_url: Option<String>,
    /// The address a browser saved the page from
    /// (`<!-- saved from url=(0043)http://… -->`).
    pub saved_from_url: Option<String>,
}

/// Visible text of a page, one block per line.
#[derive(Debug, Default)]
pub struct HtmlText {
    pub lines: Vec<String>,
    /// Lines `main.0 .. main.1` are the main content.
    pub main: (usize, usize),
    pub hints: HtmlHints,
}

/// The address in a `<!-- saved from url=(0043)http://… -->` comment near
/// the top of a page saved by a browser.
fn saved_from_url(source: &str) -> Option<String> {
    let mut end = source.len().min(4096);
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let head = &source[..end];
    let start = head.find("saved from url=")? + "saved from url=".len();
    let rest = &head[start..];
    let rest = match rest.strip_prefix('(') {
        Some(counted) => &counted[counted.find(')')? + 1..],
        None => rest,
    };
    let url = rest.split_whitespace().next()?;
    let url = url.split("-->").next().unwrap_or_default();
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| url.to_string())
}

const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "head", "template", "svg", "iframe", "select", "option", "button", "textarea",
    "input", "nav", "object", "embed", "canvas", "map",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "td",
    "th",
    "li",
    "tr",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "center",
    "header",
    "footer",
    "aside",
    "form",
    "body",
    "tbody",
    "thead",
    "figure",
    "figcaption",
    "address",
    "hr",
];

/// A line under construction: its text, the block it started in and how
/// much of it is link text.
struct Line {
    text: String,
    container: NodeId,
    link_chars: usize,
}

struct Walker {
    lines: Vec<Line>,
    current: String,
    current_links: usize,
    container: Option<NodeId>,
}

impl Walker {
    fn flush(&mut self) {
        let text = remove_markup(&self.current);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let (false, Some(container)) = (text.is_empty(), self.container) {
            self.lines.push(Line { text, container, link_chars: self.current_links });
        }
        self.current.clear();
        self.current_links = 0;
    }
}

/// Reduces an HTML page, or a fragment of one, to lines of text and hints.
/// In a fragment (no `<html>`), the line breaks of text outside any block
/// are kept: they are the structure of a text file with some tags in it.
pub fn html_to_text(source: &str) -> HtmlText {
    let fragment = !looks_like_html_document(source);
    let document = Html::parse_document(source);
    let hints = HtmlHints { saved_from_url: saved_from_url(source), ..read_hints(&document) };
    let mut walker = Walker { lines: Vec::new(), current: String::new(), current_links: 0, container: None };
    // Preorder index of every element entered, and where its subtree ends.
    let mut order: HashMap<NodeId, (usize, usize)> = HashMap::new();
    let mut counter = 0usize;
    let mut skip_depth = 0usize;
    let mut link_depth = 0usize;
    let mut block_stack: Vec<NodeId> = Vec::new();

    for edge in document.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    counter += 1;
                    order.insert(node.id(), (counter, usize::MAX));
                    if skip_depth > 0 || SKIPPED_TAGS.contains(&name) || is_hidden(element) {
                        skip_depth += 1;
                        continue;
                    }
                    if name == "a" {
                        link_depth += 1;
                    }
                    if name == "br" {
                        walker.flush();
                    } else if BLOCK_TAGS.contains(&name) {
                        walker.flush();
                        block_stack.push(node.id());
                        walker.container = Some(node.id());
                    }
                }
                Node::Text(text) if skip_depth == 0 => {
                    if walker.container.is_none() {
                        walker.container = Some(node.id());
                    }
                    if link_depth > 0 {
                        walker.current_links += text.trim().chars().count();
                    }
                    if fragment && block_stack.len() <= 1 {
                        let mut pieces = text.split('\n');
                        walker.current.push_str(pieces.next().unwrap_or_default());
                        for piece in pieces {
                            walker.flush();
                            walker.current.push_str(piece);
                        }
                    } else {
                        walker.current.push_str(text);
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    if let Some(entry) = order.get_mut(&node.id()) {
                        entry.1 = counter;
                    }
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    let name = element.name();
                    if name == "a" {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    if BLOCK_TAGS.contains(&name) {
                        walker.flush();
                        block_stack.pop();
                        walker.container = block_stack.last().copied().or(walker.container);
                    }
                }
            }
        }
    }
    walker.flush();

    let main = main_range(&document, &walker.lines, &order);
    let heading = main_heading(&document, &order, main.1);
    HtmlText {
        lines: walker.lines.into_iter().map(|l| l.text).collect(),
        main: main.0,
        hints: HtmlHints { heading, ..hints },
    }
}

fn is_hidden(element: &scraper::node::Element) -> bool {
    element.attr("style").map(|s| s.replace(' ', "").to_ascii_lowercase().contains("display:none")).unwrap_or(false)
}

/// Prose score of one line: real paragraphs are long and punctuated.
fn prose_score(line: &Line) -> f32 {
    let chars = line.text.chars().count();
    let own = chars.saturating_sub(line.link_chars);
    if own < 20 || line.link_chars * 2 > chars {
        return 0.0;
    }
    let commas = line.text.chars().filter(|c| matches!(c, '，' | '。' | '；' | '、' | ',')).count();
    1.0 + commas.min(20) as f32 + (own as f32 / 100.0).min(3.0)
}

/// Finds the best-scoring container; returns the line range it covers and
/// the container's preorder span.
fn main_range(
    document: &Html,
    lines: &[Line],
    order: &HashMap<NodeId, (usize, usize)>,
) -> ((usize, usize), Option<(usize, usize)>) {
    let mut scores: HashMap<NodeId, f32> = HashMap::new();
    for line in lines {
        let score = prose_score(line);
        if score == 0.0 {
            continue;
        }
        let Some(node) = document.tree.get(line.container) else { continue };
        *scores.entry(node.id()).or_default() += score;
        if let Some(parent) = node.parent() {
            *scores.entry(parent.id()).or_default() += score;
            if let Some(grandparent) = parent.parent() {
                *scores.entry(grandparent.id()).or_default() += score / 2.0;
            }
        }
    }
    let best = scores
        .iter()
        .filter(|(id, _)| order.contains_key(id))
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| order[b.0].0.cmp(&order[a.0].0)))
        .map(|(id, _)| order[id]);
    let Some(span) = best else {
        return ((0, lines.len()), None);
    };
    let inside =
        |line: &Line| order.get(&line.container).map(|&(start, _)| start >= span.0 && start <= span.1).unwrap_or(false);
    let first = lines.iter().position(inside);
    let last = lines.iter().rposition(inside);
    match (first, last) {
        (Some(first), Some(last)) => ((first, last + 1), Some(span)),
        _ => ((0, lines.len()), None),
    }
}

fn main_heading(
    document: &Html,
    order: &HashMap<NodeId, (usize, usize)>,
    main: Option<(usize, usize)>,
) -> Option<String> {
    let h1 = Selector::parse("h1, h2").ok()?;
    let headings: Vec<(usize, String)> = document
        .select(&h1)
        .filter_map(|el| Some((order.get(&el.id())?.0, clean(&el.text().collect::<String>())?)))
        .filter(|(_, text)| text.chars().count() >= 6)
        .collect();
    if let Some((start, end)) = main {
        // A heading just before or inside the article is its headline.
        if let Some((_, text)) = headings.iter().rev().find(|(pos, _)| *pos <= end && *pos + 400 >= start) {
            return Some(text.clone());
        }
    }
    headings.into_iter().next().map(|(_, t)| t)
}

fn clean(text: &str) -> Option<String> {
    let text = remove_markup(text);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn read_hints(document: &Html) -> HtmlHints {
    let mut hints = HtmlHints::default();
    if let Ok(title) = Selector::parse("title") {
        hints.page_title = document.select(&title).next().and_then(|t| clean(&t.text().collect::<String>()));
    }
    let Ok(meta) = Selector::parse("meta") else { return hints };
    for element in document.select(&meta) {
        let el = element.value();
        let key = el.attr("name").or_else(|| el.attr("property")).or_else(|| el.attr("itemprop"));
        let (Some(key), Some(content)) = (key, el.attr("content").and_then(clean)) else { continue };
        let slot = match key.to_ascii_lowercase().as_str() {
            "articletitle" | "og:title" | "dc.title" => &mut hints.meta_title,
            "pubdate"
            | "publishdate"
            | "article:published_time"
            | "dc.date"
            | "dcterms.created"
            | "firstpublishedtime"
            | "maketime"
            | "publishtime"
            | "datepublished" => &mut hints.meta_date,
            "contentsource" | "source" | "dc.publisher" | "publisher" | "sitename" => &mut hints.meta_source,
            "og:url" | "url" => &mut hints.canonical_url,
            _ => continue,
        };
        slot.get_or_insert(content);
    }
    if let Ok(canonical) = Selector::parse(r#"link[rel="canonical"]"#)
        && let Some(href) = document.select(&canonical).next().and_then(|l| l.value().attr("href"))
        && href.starts_with("http")
    {
        hints.canonical_url = Some(href.to_string());
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>示范县举办人民调解员培训班_示范县司法局</title>
<meta name="ArticleTitle" content="示范县举办人民调解员培训班">
<meta name="PubDate" content="2024-06-03 09:30">
<style>.x{color:red}</style><script>var a = "不应出现";</script></head>
<body><div class="top"><ul><li><a href="/">首页</a></li><li><a href="/a">机构概况</a></li><li><a href="/b">政务公开</a></li></ul></div>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/n">工作动态</a></div>
<div class="main"><h1>示范县举办人民调解员培训班</h1><div class="info">发布时间：2024-06-03 来源：示范县司法局</div>
<div id="zoom"><p>为提升基层人民调解员业务能力，示范县司法局于近日举办全县人民调解员培训班，各乡镇调解委员会主任参加培训。</p>
<p>培训围绕矛盾纠纷排查化解、调解文书制作、法律法规适用等内容展开，采取集中授课与案例研讨相结合的方式进行。</p>
<p>下一步，该局将持续加强调解队伍建设，推动矛盾纠纷就地化解。</p></div></div>
<div class="footer"><p>版权所有：示范县司法局 备案号：示ICP备00000000号</p></div></body></html>"#;

    #[test]
    fn finds_main_text_and_hints() {
        let page = html_to_text(PAGE);
        let main = &page.lines[page.main.0..page.main.1];
        assert!(main.iter().any(|l| l.starts_with("为提升基层人民调解员业务能力")), "{main:?}");
        assert!(!main.iter().any(|l| l.contains("版权所有")), "{main:?}");
        assert!(!page.lines.iter().any(|l| l.contains("不应出现") || l.contains("color")));
        assert_eq!(page.hints.meta_title.as_deref(), Some("示范县举办人民调解员培训班"));
        assert_eq!(page.hints.meta_date.as_deref(), Some("2024-06-03 09:30"));
        assert_eq!(page.hints.heading.as_deref(), Some("示范县举办人民调解员培训班"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!(
            "<html><body>{}<p>正文内容，测试深层嵌套页面的处理。</p>{}</body></html>",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        let text = html_to_text(&page);
        assert!(text.lines.iter().any(|l| l.contains("正文内容")));
    }

    #[test]
    fn fragments_keep_their_own_line_breaks() {
        let text = "某县司法局召开人民调解工作会议\n发布时间：2024-05-06 来源：某县司法局\n<p>会议强调，要坚持和发展新时代&ldquo;枫桥经验&rdquo;。</p>\n<p>会议要求&nbsp;各司法所抓好落实。</p>";
        let page = html_to_text(text);
        assert_eq!(
            page.lines,
            vec![
                "某县司法局召开人民调解工作会议",
                "发布时间：2024-05-06 来源：某县司法局",
                "会议强调，要坚持和发展新时代“枫桥经验”。",
                "会议要求 各司法所抓好落实。",
            ]
        );
    }

    #[test]
    fn markup_escaped_twice_is_removed_too() {
        let page = html_to_text("<title>&lt;b&gt;标题</title><p>&lt;p&gt;正文&lt;/p&gt;&amp;nbsp;结尾</p>");
        assert_eq!(page.lines, vec!["正文 结尾"]);
        assert_eq!(page.hints.page_title.as_deref(), Some("标题"));
    }

    #[test]
    fn saved_pages_name_their_address() {
        let page = "<!DOCTYPE html>\r\n<!-- saved from url=(0047)http://sfj.example.gov.cn/art/2024/5/6/art_1.html -->\r\n<html><body><p>正文</p></body></html>";
        assert_eq!(
            html_to_text(page).hints.saved_from_url.as_deref(),
            Some("http://sfj.example.gov.cn/art/2024/5/6/art_1.html")
        );
        assert_eq!(saved_from_url("<!-- saved from url=(0014)about:internet -->"), None);
        assert_eq!(saved_from_url("<html><body>正文</body></html>"), None);
    }
}
