//! Markup in text: recognising HTML (a whole page, or the tags and
//! character entities a converter left in a text file or a JSON Lines body)
//! and removing what survived parsing.
//!
//! Chinese government texts use angle brackets as inner title marks
//! (`<中央……的通知>`), so only HTML's own tag names with HTML's syntax count
//! as markup, and only named entities that pages actually use.

/// Whether decoded text holds markup to reduce: a whole HTML page, or a
/// fragment (tags such as `<p>`, `<br>`, `<span>` without `<html>`, or
/// character entities such as `&nbsp;`) that a converter left in a text
/// file or a JSON Lines body. Angle brackets that are not HTML tags
/// (`<中央……的通知>` used as inner title marks, `a<b`) are not markup.
pub fn looks_like_html(text: &str) -> bool {
    looks_like_html_document(text) || has_markup(text)
}

/// Whether text opens as a whole HTML page (`<!DOCTYPE html>`, `<html>`,
/// or a `<head>`/`<body>`/`<meta>` near the start).
pub(crate) fn looks_like_html_document(text: &str) -> bool {
    let head: String = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || head.starts_with("<!--") && head.contains("<html")
        || (head.starts_with('<') && (head.contains("<head") || head.contains("<body") || head.contains("<meta")))
}

/// Tags whose presence means the text is markup (HTML's own names only).
pub(crate) const MARKUP_TAGS: &[&str] = &[
    "a",
    "b",
    "br",
    "p",
    "i",
    "u",
    "em",
    "strong",
    "span",
    "font",
    "div",
    "img",
    "table",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "sup",
    "sub",
    "center",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "small",
    "big",
    "strike",
    "s",
    "script",
    "style",
    "iframe",
    "meta",
    "link",
    "title",
    "head",
    "body",
    "html",
    "form",
    "input",
    "label",
    "nav",
    "figure",
    "figcaption",
    "main",
    "aside",
    "o:p",
    "wbr",
    "col",
    "colgroup",
    "caption",
    "video",
    "audio",
    "source",
];

/// Named entities that appear in Chinese pages.
pub(crate) const MARKUP_ENTITIES: &[&str] = &[
    "nbsp", "amp", "lt", "gt", "quot", "apos", "ldquo", "rdquo", "lsquo", "rsquo", "mdash", "ndash", "hellip",
    "middot", "bull", "times", "divide", "copy", "reg", "ensp", "emsp", "thinsp", "zwnj", "zwj", "laquo", "raquo",
];

/// Whether `text` holds an HTML tag, comment or character entity.
pub(crate) fn has_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'<' => is_tag_at(&bytes[i + 1..]),
        b'&' => is_entity_at(&bytes[i + 1..]),
        _ => false,
    })
}

/// `rest` follows a `<`: `p>`, `/div>`, `br/>`, `span class="…">`, `!--`.
/// A name followed by anything but `>` must carry attributes (`=`) or
/// close itself (`/>`): `a<b 且 b>c` is no tag.
fn is_tag_at(rest: &[u8]) -> bool {
    if rest.starts_with(b"!--") {
        return true;
    }
    let rest = rest.strip_prefix(b"/").unwrap_or(rest);
    let name_len = rest.iter().take(12).position(|b| !(b.is_ascii_alphanumeric() || *b == b':')).unwrap_or(rest.len());
    let (name, after) = rest.split_at(name_len.min(rest.len()));
    if !MARKUP_TAGS.iter().any(|tag| tag.as_bytes().eq_ignore_ascii_case(name)) {
        return false;
    }
    match after.first() {
        Some(b'>') => true,
        Some(b'/' | b' ' | b'\t' | b'\r' | b'\n') => {
            let Some(close) = after.iter().take(1024).position(|&b| b == b'>') else { return false };
            let inside = &after[..close];
            !inside.contains(&b'<') && (inside.contains(&b'=') || inside.trim_ascii().ends_with(b"/"))
        }
        _ => false,
    }
}

/// `rest` follows a `&`: `nbsp;`, `#12288;`, `#x3000;`.
fn is_entity_at(rest: &[u8]) -> bool {
    let Some(end) = rest.iter().take(10).position(|&b| b == b';') else { return false };
    let name = &rest[..end];
    match name {
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', digits @ ..] => !digits.is_empty() && digits.iter().all(u8::is_ascii_digit),
        _ => MARKUP_ENTITIES.iter().any(|entity| entity.as_bytes() == name),
    }
}

/// Text with the markup that survived parsing removed: escaped once more
/// than the page meant (`&lt;p&gt;`, `&amp;nbsp;`), the parser hands it over
/// as text. Tags are dropped and entities decoded until none is left.
pub(crate) fn remove_markup(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['<', '&']) || !has_markup(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut text = text.to_string();
    for _ in 0..4 {
        if !has_markup(&text) {
            return std::borrow::Cow::Owned(text);
        }
        text = markup_removed_once(&text);
    }
    // Markup nested to rebuild itself round after round: drop its brackets.
    std::borrow::Cow::Owned(text.replace(['<', '>'], ""))
}

fn markup_removed_once(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if rest.as_bytes()[i] == b'<' && is_tag_at(after.as_bytes()) {
            let close = if after.starts_with("!--") {
                after.find("-->").map(|e| e + 3)
            } else {
                after.find('>').map(|e| e + 1)
            };
            rest = &after[close.unwrap_or(after.len())..];
        } else if rest.as_bytes()[i] == b'&' && is_entity_at(after.as_bytes()) {
            let end = after.find(';').unwrap_or(after.len());
            out.extend(decode_entity(&after[..end]));
            rest = &after[(end + 1).min(after.len())..];
        } else {
            out.push_str(&rest[i..i + 1]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity names (`nbsp`, `#12288`, `#x3000`); spaces of
/// every width become a plain space, invisible ones nothing.
fn decode_entity(name: &str) -> Option<char> {
    let c = match name.strip_prefix('#') {
        Some(hex) if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16).ok().and_then(char::from_u32)?,
        Some(digits) => digits.parse().ok().and_then(char::from_u32)?,
        None => match name {
            "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "middot" => '·',
            "bull" => '•',
            "times" => '×',
            "divide" => '÷',
            "copy" => '©',
            "reg" => '®',
            "laquo" => '«',
            "raquo" => '»',
            _ => return None,
        },
    };
    match c {
        '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => Some(' '),
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => None,
        c if c.is_control() && !c.is_whitespace() => None,
        c => Some(c),
    }
}

/// Wiki link markup that mirrors of wikis leave in the text: `[[X]]` is
/// X, `[[X|Y]]` shows Y. Readers never see the brackets.
pub fn without_wiki_links(text: &str) -> std::borrow::Cow<'_, str> {
    static WIKI_LINK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\[\[([^\[\]|\n]{1,200}?)(?:\|([^\[\]\n]{1,200}?))?\]\]").expect("valid")
    });
    if !text.contains("[[") {
        return std::borrow::Cow::Borrowed(text);
    }
    WIKI_LINK.replace_all(text, |c: &regex::Captures<'_>| {
        c.get(2).unwrap_or_else(|| c.get(1).expect("target")).as_str().to_string()
    })
}

/// Text as readers see it: no pinyin glosses a script converter inserted
/// (會(huì)議 → 會議) and no wiki link markup. The source keeps both.
pub fn for_readers(text: &str) -> String {
    let text = sifa_fold::strip_glosses(text);
    without_wiki_links(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_html_pages_fragments_and_entities() {
        let table = [
            ("\u{feff}<!DOCTYPE html><html>", true),
            ("  <html lang=zh>", true),
            ("<!-- saved from url=(0024)http://a.gov.cn/x.html -->\n<html>", true),
            ("<p>某县司法局召开会议</p><p>会议强调……</p>", true),
            ("某县司法局召开会议<br>会议强调", true),
            ("标题\n<SPAN style=\"font-size:16px\">正文</SPAN>", true),
            ("正文&nbsp;&nbsp;第一段", true),
            ("引用&ldquo;八五&rdquo;普法", true),
            ("全角空格&#12288;缩进", true),
            ("十六进制&#x3000;缩进", true),
            ("<o:p></o:p>", true),
            ("关于印发《工作要点》的通知", false),
            ("印发<某市调解协会章程>的通知", false),
            ("当 a<b 且 b>c 时", false),
            ("R&D 经费与 AT&T", false),
            ("&nbsp 没有分号", false),
            ("<pp>不是标签</pp>", false),
            ("", false),
        ];
        for (text, expected) in table {
            assert_eq!(looks_like_html(text), expected, "{text:?}");
        }
    }

    #[test]
    fn markup_nested_to_rebuild_itself_is_removed() {
        assert_eq!(remove_markup("<<br>p>叠套"), "叠套");
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::html::html_to_text;

    /// Text made of what converters leave in text files and JSON bodies:
    /// Chinese prose, line breaks, tags with attributes, comments, entities
    /// (some escaped twice) and angle brackets that are not tags.
    fn converted_text() -> impl Strategy<Value = String> {
        let tag = prop::sample::select(MARKUP_TAGS.to_vec());
        let entity = prop::sample::select(MARKUP_ENTITIES.to_vec());
        let piece = prop_oneof![
            "[\\p{Han}，。：、“”]{1,20}".prop_map(|s| s),
            Just("\n".to_string()),
            tag.clone().prop_map(|t| format!("<{t}>")),
            tag.clone().prop_map(|t| format!("</{t}>")),
            tag.prop_map(|t| format!("<{t} class=\"x\" style=\"color:red\">")),
            entity.clone().prop_map(|e| format!("&{e};")),
            entity.prop_map(|e| format!("&amp;{e};")),
            Just("&lt;p&gt;".to_string()),
            Just("<!-- 注释 -->".to_string()),
            Just("&#12288;".to_string()),
            Just("<中央文件>".to_string()),
            Just("a<b".to_string()),
        ];
        prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

        /// Whatever a text holds, no tag or entity is left in the lines read from it.
        #[test]
        fn no_markup_reaches_the_lines(text in converted_text()) {
            let lines: Vec<String> = if looks_like_html(&text) {
                html_to_text(&text).lines
            } else {
                text.lines().map(str::to_string).collect()
            };
            for line in &lines {
                prop_assert!(!has_markup(line), "{line:?} from {text:?}");
            }
        }
    }

    #[test]
    fn readers_see_no_glosses_and_no_wiki_links() {
        assert_eq!(for_readers("社區(qū)矯正工作領導小組"), "社區矯正工作領導小組");
        assert_eq!(for_readers("依据[[中华人民共和国公证法|公证法]]和[[某某规则]]"), "依据公证法和某某规则");
        assert_eq!(for_readers("附件[1] 与 (WTO)"), "附件[1] 与 (WTO)", "single brackets and Latin are text");
        assert_eq!(for_readers("《某某办法》(试行)"), "《某某办法》(试行)", "no gloss, no link");
    }
}
