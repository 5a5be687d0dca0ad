//! References a text makes to other publications: titles in 《》 with the
//! articles cited after them, the short names a text declares for itself
//! (以下简称), document numbers (司发〔2021〕3号), and the titles it repeals.
//!
//! This module only reads what a text says; matching a reference to a
//! document of the index (and choosing the version in force) happens after
//! the whole generation is known, in the indexer.

use std::sync::LazyLock;

use regex::Regex;
use sifa_fold::fold;

/// A reference as the text makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The title cited, folded, with a declared short name expanded
    /// (《律师法》 after 《中华人民共和国律师法》（以下简称《律师法》）).
    pub title: Option<String>,
    /// A document number cited, written canonically.
    pub doc_no: Option<String>,
    /// Article numbers cited right after the title, in arabic digits
    /// (第十二条 → `12`, 第二十条之一 → `20之1`).
    pub articles: Vec<String>,
}

/// Words that end the title of something a publication can cite: laws,
/// regulations, rules, decisions, notices, plans.
const CITABLE_ENDINGS: [&str; 35] = [
    "法",
    "法典",
    "条例",
    "规定",
    "办法",
    "细则",
    "规则",
    "决定",
    "决议",
    "解释",
    "意见",
    "通知",
    "规划",
    "纲要",
    "方案",
    "规程",
    "准则",
    "制度",
    "守则",
    "公约",
    "章程",
    "批复",
    "答复",
    "目录",
    "标准",
    "通告",
    "公告",
    "命令",
    "修正案",
    "指引",
    "指南",
    "要点",
    "计划",
    "清单",
    "草案",
];

/// Titles longer than this are sentences caught between stray brackets.
const MAX_TITLE_CHARS: usize = 80;
/// How far after a title its article numbers and document number may stand.
const TRAILER_CHARS: usize = 40;

static TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"《([^《》\n]{2,120})》").expect("valid"));
/// `（以下简称《律师法》）`, `(以下简称"律师法")`, `（以下简称律师法）`.
static SHORT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^\s*[（(]\s*(?:以下|下文)?简称\s*[《“"「]?([^》”"」）)，,。]{2,30})[》”"」]?\s*[）)]"#)
        .expect("valid")
});
/// `第十二条`, `第20条之一`; `第二款` etc. after it are ignored.
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^第([〇零一二三四五六七八九十百千\d]{1,8})条(?:之([一二三四五六七八九十\d]{1,3}))?").expect("valid")
});
/// What may separate cited articles: 、 和 及 至 , 第二款 ….
static BETWEEN_ARTICLES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:第[〇零一二三四五六七八九十百千\d]{1,6}[款项目])*\s*(?:[、，,和及与至到]|以及)?\s*")
        .expect("valid")
});
/// `《X》同时废止`, `废止《X》`, `《X》……予以废止`.
static REPEALED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"《([^《》\n]{2,120})》[^。；\n《》]{0,12}(?:同时|予以|即行|一并)?废止").expect("valid")
});
static REPEALED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"废止(?:了)?《([^《》\n]{2,120})》").expect("valid"));

/// Every reference of a publication's title and body, in order of first
/// appearance, one per cited title or number (articles merged).
pub fn references(title: &str, body: &str) -> Vec<Reference> {
    let text = fold(&format!("{title}\n{body}"));
    let aliases = short_names(&text);
    let mut found: Vec<Reference> = Vec::new();
    let mut numbers_taken: Vec<(usize, usize)> = Vec::new();
    for m in TITLE.captures_iter(&text) {
        let whole = m.get(0).expect("match");
        let Some(cited) = citable(&m[1]) else { continue };
        let cited = aliases.iter().find(|(short, _)| *short == cited).map_or(cited.clone(), |(_, full)| full.clone());
        let after = &text[whole.end()..];
        // Articles may follow a short-name declaration: 《X》（以下简称《Y》）第二条.
        let declared = SHORT_NAME.find(after).map_or(0, |d| d.end());
        let trailer = prefix_chars(&after[declared..], TRAILER_CHARS);
        let articles = articles_at(trailer);
        // The cited document's number in brackets right after its title:
        // 《…》（国发〔2010〕33号）.
        let bracketed = trailer.strip_prefix(['（', '(']).map(|rest| (trailer.len() - rest.len(), rest));
        let doc_no = bracketed.and_then(|(offset, rest)| {
            let number = crate::shapes::numbers::numbers_in(rest).into_iter().find(|n| n.start == 0)?;
            let at = whole.end() + declared + offset;
            numbers_taken.push((at + number.start, at + number.end));
            Some(issuer_code(&number.value))
        });
        merge(&mut found, Reference { title: Some(cited), doc_no, articles });
    }
    for line_start in line_starts(&text) {
        let line = &text[line_start..text[line_start..].find('\n').map_or(text.len(), |e| line_start + e)];
        for number in crate::shapes::numbers::numbers_in(line) {
            let at = (line_start + number.start, line_start + number.end);
            if numbers_taken.iter().any(|t| t.0 < at.1 && at.0 < t.1) {
                continue;
            }
            merge(
                &mut found,
                Reference { title: None, doc_no: Some(issuer_code(&number.value)), articles: Vec::new() },
            );
        }
    }
    found
}

/// Folded titles the text says it repeals (本法自…起施行。《X》同时废止).
pub fn repealed_titles(body: &str) -> Vec<String> {
    let text = fold(body);
    let mut titles: Vec<String> = REPEALED_AFTER
        .captures_iter(&text)
        .chain(REPEALED_BEFORE.captures_iter(&text))
        .filter_map(|c| citable(&c[1]))
        .collect();
    titles.sort();
    titles.dedup();
    titles
}

/// The key a title is matched by: letters and digits of the folded title,
/// without the national prefix and without a bracketed note of a version
/// (（2018年修正）): 《律师法》 and 中华人民共和国律师法 share the key 律师法.
pub fn citation_key(title: &str) -> String {
    let folded = fold(title);
    let without_notes = strip_version_notes(&folded);
    let key: String = without_notes.chars().filter(|c| c.is_alphanumeric()).collect();
    key.strip_prefix("中华人民共和国").filter(|k| !k.is_empty()).map(str::to_string).unwrap_or(key)
}

/// `folded` without bracketed notes that name a version rather than the
/// work: （2018年修正）, (2009年修订). A draft (（草案）, （修订草案）) is a
/// bill, not the law it may become, so its note is kept.
fn strip_version_notes(folded: &str) -> String {
    static NOTE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[（(]([^（）()]*(?:修正|修订|修改|\d{4}年?版?)[^（）()]*)[）)]").expect("valid"));
    NOTE.replace_all(
        folded,
        |c: &regex::Captures<'_>| if c[1].contains("草案") { c[0].to_string() } else { String::new() },
    )
    .into_owned()
}

/// The cited title if it names something citable; `None` for newspapers,
/// books, programmes and generic words (《条例》, 《通知》).
fn citable(raw: &str) -> Option<String> {
    let title = raw.trim();
    if title.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    let stem = strip_version_notes(title);
    let stem = stem.trim_end_matches(|c: char| !c.is_alphanumeric());
    let ends_well = CITABLE_ENDINGS.iter().any(|e| stem.ends_with(e));
    let key = citation_key(title);
    let generic = CITABLE_ENDINGS.iter().any(|e| key == *e || key.strip_prefix('本').is_some_and(|k| k == *e));
    (ends_well && !generic && key.chars().count() >= 3).then(|| title.to_string())
}

/// Short names the text declares: (short, full) pairs.
fn short_names(text: &str) -> Vec<(String, String)> {
    TITLE
        .captures_iter(text)
        .filter_map(|m| {
            let after = &text[m.get(0).expect("match").end()..];
            let short = SHORT_NAME.captures(after)?[1].trim().to_string();
            let full = citable(&m[1])?;
            (short != full).then_some((short, full))
        })
        .collect()
}

/// Article numbers at the start of `text` (第十二条、第十三条和第二十条之一).
fn articles_at(mut text: &str) -> Vec<String> {
    let mut articles = Vec::new();
    while let Some(c) = ARTICLE.captures(text) {
        let Some(number) = chinese_number(&c[1]) else { break };
        let article = match c.get(2).and_then(|sub| chinese_number(sub.as_str())) {
            Some(sub) => format!("{number}之{sub}"),
            None => number.to_string(),
        };
        if !articles.contains(&article) {
            articles.push(article);
        }
        text = &text[c.get(0).expect("match").end()..];
        let gap = BETWEEN_ARTICLES.find(text).map_or(0, |g| g.end());
        text = &text[gap..];
    }
    articles
}

/// 二十三 → 23, 一百零五 → 105, 12 → 12.
fn chinese_number(text: &str) -> Option<u32> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    let digit = |c: char| "〇零一二三四五六七八九".find(c).map(|i| [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9][i / 3]);
    let (mut total, mut current) = (0u32, 0u32);
    for c in text.chars() {
        match c {
            '十' => {
                total += current.max(1) * 10;
                current = 0;
            }
            '百' => {
                total += current.max(1) * 100;
                current = 0;
            }
            '千' => {
                total += current.max(1) * 1000;
                current = 0;
            }
            c => current = digit(c)?,
        }
    }
    Some(total + current)
}

/// Words that stand before a cited number in running text and are no part
/// of its issuer code (参照某办〔2019〕12号 cites 某办〔2019〕12号).
const BEFORE_NUMBERS: [&str; 16] = [
    "根据", "按照", "依据", "依照", "参照", "对照", "遵照", "执行", "印发", "转发", "落实", "见", "和", "及", "与",
    "经",
];

/// A number read from running text without the words before it: the
/// issuer code starts after the last such word (杭州市司法局按照浙司发〔2022〕5号
/// cites 浙司发〔2022〕5号).
fn issuer_code(number: &str) -> String {
    let code_end = number.find(['〔', '[']).unwrap_or(number.len());
    // An order is numbered under its body's full name, which may hold a
    // conjunction (中华人民共和国国务院令, 人力资源和社会保障部令): only the
    // verbs before it are cut there.
    let order = number[..code_end].contains('令');
    let cut = BEFORE_NUMBERS
        .iter()
        .filter(|w| !order || !CONJUNCTIONS.contains(w))
        .filter_map(|w| number[..code_end].rfind(w).map(|at| at + w.len()))
        .max()
        .unwrap_or(0);
    if cut >= code_end { number.to_string() } else { number[cut..].to_string() }
}

/// The words of [`BEFORE_NUMBERS`] that join names rather than introduce a number.
const CONJUNCTIONS: [&str; 3] = ["和", "及", "与"];

fn merge(found: &mut Vec<Reference>, reference: Reference) {
    let same = |r: &&mut Reference| {
        (reference.title.is_some() && r.title == reference.title)
            || (reference.title.is_none() && r.doc_no.is_some() && r.doc_no == reference.doc_no)
    };
    match found.iter_mut().find(same) {
        Some(existing) => {
            for article in reference.articles {
                if !existing.articles.contains(&article) {
                    existing.articles.push(article);
                }
            }
            if existing.doc_no.is_none() {
                existing.doc_no = reference.doc_no;
            }
        }
        None => found.push(reference),
    }
}

fn prefix_chars(text: &str, chars: usize) -> &str {
    text.char_indices().nth(chars).map_or(text, |(end, _)| &text[..end])
}

fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(refs: &[Reference]) -> Vec<&str> {
        refs.iter().filter_map(|r| r.title.as_deref()).collect()
    }

    #[test]
    fn titles_in_brackets_with_their_articles() {
        let refs = references(
            "",
            "根据《中华人民共和国律师法》第十二条、第十三条和第二十条之一的规定，依照《某某省法律援助条例》办理。",
        );
        assert_eq!(titles(&refs), ["中华人民共和国律师法", "某某省法律援助条例"]);
        assert_eq!(refs[0].articles, ["12", "13", "20之1"]);
        assert!(refs[1].articles.is_empty());
    }

    #[test]
    fn declared_short_names_are_expanded() {
        let body =
            "《中华人民共和国法律援助法》（以下简称《法律援助法》）第二条规定……《法律援助法》第三十一条第二款明确……";
        let refs = references("", body);
        assert_eq!(titles(&refs), ["中华人民共和国法律援助法"], "one reference, the short name expanded");
        assert_eq!(refs[0].articles, ["2", "31"]);
        let quoted = references("", "《某某市人民调解条例》(以下简称“条例”)施行以来");
        assert_eq!(titles(&quoted), ["某某市人民调解条例"]);
    }

    #[test]
    fn newspapers_books_and_generic_words_are_not_references() {
        let refs = references(
            "",
            "《人民日报》报道，《习近平谈治国理政》第三卷，《条例》规定，《本办法》所称，《高端访谈》节目",
        );
        assert!(refs.is_empty(), "{refs:?}");
    }

    #[test]
    fn document_numbers_alone_or_after_a_title() {
        let inside = references("", "今年以来，某市司法局按照某司发〔2022〕5号文件要求");
        assert_eq!(inside[0].doc_no.as_deref(), Some("某司发〔2022〕5号"), "the words before the code are cut");
        let order = references("", "根据中华人民共和国国务院令第588号修订，依照人力资源和社会保障部令第18号执行");
        let numbers: Vec<&str> = order.iter().filter_map(|r| r.doc_no.as_deref()).collect();
        assert_eq!(
            numbers,
            ["中华人民共和国国务院令第588号", "人力资源和社会保障部令第18号"],
            "an order keeps its body's name"
        );
        let refs =
            references("", "按照《关于加强某某工作的意见》（某司发〔2021〕3号）要求，参照某办〔2019〕12号文件执行。");
        assert_eq!(refs.len(), 2, "{refs:?}");
        assert_eq!(refs[0].doc_no.as_deref(), Some("某司发〔2021〕3号"));
        assert_eq!(refs[1], Reference { title: None, doc_no: Some("某办〔2019〕12号".into()), articles: Vec::new() });
    }

    #[test]
    fn traditional_text_is_read_folded() {
        let refs = references("", "依據《中華人民共和國律師法》第十條");
        assert_eq!(titles(&refs), ["中华人民共和国律师法"]);
        assert_eq!(refs[0].articles, ["10"]);
    }

    #[test]
    fn keys_drop_the_national_prefix_and_version_notes() {
        assert_eq!(citation_key("中华人民共和国律师法"), "律师法");
        assert_eq!(citation_key("律师法"), "律师法");
        assert_eq!(citation_key("中华人民共和国行政复议法（2017年修正）"), "行政复议法");
        assert_eq!(citation_key("某某办法（试行）"), "某某办法试行", "a trial version is another work");
        assert_eq!(citation_key("中华人民共和国某某法(修订草案)"), "某某法修订草案", "a draft is a bill, not the law");
    }

    #[test]
    fn repeal_statements() {
        let body = "本条例自2024年1月1日起施行。2003年公布的《某某省法律援助条例》同时废止。决定废止《某某规定》。";
        assert_eq!(repealed_titles(body), ["某某省法律援助条例", "某某规定"]);
    }

    #[test]
    fn chinese_numbers() {
        for (text, n) in
            [("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105), ("三百", 300), ("7", 7)]
        {
            assert_eq!(chinese_number(text), Some(n), "{text}");
        }
    }
}
