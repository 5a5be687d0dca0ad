//! The shape of a line: a headline, or one of the things that stand where
//! headlines stand and are not one (slogan banners, navigation crumbs, site
//! banners and toolbars, column names, image captions, bylines, contact
//! lines, newspaper edition lines), and the short title built for a text
//! that shows none.

use std::sync::LazyLock;

use regex::Regex;

use crate::shapes::furniture::is_widget_line;

/// Longest headline we accept, in characters.
const MAX_HEADLINE_CHARS: usize = 90;
/// Length of a title built from the text's own words.
const BUILT_TITLE_CHARS: usize = 24;
/// Openers that carry no meaning in a title.
const EMPTY_OPENERS: &[&str] = &["近日", "日前", "近期", "目前", "今年以来", "近年来", "据悉"];

/// Whether a line reads like a headline rather than prose or furniture.
pub fn is_headline(line: &str) -> bool {
    let chars = line.chars().count();
    let han = line.chars().filter(|c| is_han(*c)).count();
    let commas = line.chars().filter(|c| matches!(c, '，' | ',')).count();
    (5..=MAX_HEADLINE_CHARS).contains(&chars)
        && han * 2 >= chars
        && !line.contains('。')
        && !line.ends_with(['；', ';', '：', ':'])
        && commas <= 2
        && !is_widget_line(line)
        && !starts_like_a_section(line)
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// 一、 / （一） / 1. / 第一章 open sections, not documents.
fn starts_like_a_section(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    ("一二三四五六七八九十".contains(first) && matches!(second, '、' | '是'))
        || (matches!(first, '（' | '(') && "一二三四五六七八九十123456789".contains(second))
        || (first.is_ascii_digit() && matches!(second, '.' | '、' | '．'))
        || (first == '第' && line.chars().take(6).any(|c| matches!(c, '章' | '条' | '节')))
}

/// A slogan banner: several short, space-separated Han phrases with nothing
/// that names an agency or an action (守护万家灯火 筑牢平安防线 奋斗新时代).
pub fn is_slogan(line: &str) -> bool {
    let segments: Vec<&str> = line.split_whitespace().collect();
    // Two phrases must both be short (同心护平安 携手向未来); two longer
    // ones are a two-part headline (某区开展普法宣传 推动民法典进万家).
    let longest = if segments.len() == 2 { 6 } else { 8 };
    let short = segments.iter().all(|s| {
        let n = s.chars().count();
        (3..=longest).contains(&n) && s.chars().all(is_han)
    });
    let names_something = ["司法", "关于", "通知", "法治", "会议", "召开"].iter().any(|w| line.contains(w));
    segments.len() >= 2 && short && !names_something
}

/// A one-phrase banner (庆祝中国共产党成立100周年, 学习贯彻党的二十大精神):
/// a celebration or campaign slogan, not a headline. Only decisive when a
/// headline follows it.
pub fn is_banner_phrase(line: &str) -> bool {
    const OPENERS: &[&str] = &[
        "庆祝",
        "热烈庆祝",
        "喜迎",
        "迎接",
        "学习贯彻",
        "深入学习贯彻",
        "学习宣传贯彻",
        "献礼",
        "礼赞",
        "纪念",
        "奋进",
        "热烈祝贺",
    ];
    let names_something = ["司法", "关于", "通知", "召开", "举办", "开展"].iter().any(|w| line.contains(w));
    line.chars().count() <= 20 && OPENERS.iter().any(|o| line.starts_with(o)) && !names_something
}

/// A short descriptive title from the text's opening words, for texts that
/// show no headline: the first sentence up to its colon, or its first
/// clauses, with the agency in front when the words do not name it.
pub fn build_title(first_paragraph: &str, agency: Option<&str>) -> Option<String> {
    let sentence_end = first_paragraph.find(['。', '；', '！', '？', '\n']).unwrap_or(first_paragraph.len());
    let sentence = &first_paragraph[..sentence_end];
    let head = sentence.split(['：', ':']).next().unwrap_or(sentence);
    let head = head.trim_end_matches(['是', '为']).trim();
    let mut title = String::new();
    // A dateline (2月29日, 3月5日上午) says when, not what: it opens no title.
    let clauses = head
        .split(['，', ','])
        .map(str::trim)
        .filter(|c| !c.is_empty() && !EMPTY_OPENERS.contains(c) && !DATELINE_CLAUSE.is_match(c));
    for clause in clauses {
        if title.chars().count() + clause.chars().count() > BUILT_TITLE_CHARS {
            break;
        }
        // A short opener (2024年) runs on; parallel clauses get a space.
        if !title.is_empty() && title.chars().count() > 6 {
            title.push(' ');
        }
        title.push_str(clause);
    }
    if title.chars().count() < 4 {
        let undated = DATELINE_OPENING.replace(head, "");
        title = undated.trim_start_matches(['，', ',', ' ']).chars().take(BUILT_TITLE_CHARS).collect();
    }
    let title = title.trim().trim_end_matches(['、', '，', ',']).to_string();
    if title.is_empty() {
        return None;
    }
    Some(match agency {
        Some(agency) if !title.contains(agency) && !shares_agency_core(&title, agency) => format!("{agency}：{title}"),
        _ => title,
    })
}

/// A clause that is only a day and its time (2月29日, 2024年3月5日上午, 12月5号).
static DATELINE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]((上|下)午|晚上?|早上|凌晨|中午)?$").expect("valid")
});
/// The same at the start of a sentence.
static DATELINE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号]((上|下)午|晚上?|早上|凌晨|中午)?").expect("valid")
});

/// Whether the title already names the agency in short form (即墨区司法局
/// for 青岛市即墨区司法局).
fn shares_agency_core(title: &str, agency: &str) -> bool {
    let chars: Vec<char> = agency.chars().collect();
    (0..chars.len().saturating_sub(4)).any(|i| title.contains(&chars[i..].iter().collect::<String>()))
}

/// Drops a repost marker in front of a headline: `转载 | `, `【转载】`.
pub fn strip_repost_marker(line: &str) -> &str {
    const MARKERS: &[&str] = &["转载", "轉載", "转发", "轉發", "原创", "原創", "转自", "轉自"];
    let trimmed = line.trim_start_matches(['【', '[', '（', '(']);
    for marker in MARKERS {
        if let Some(rest) = trimmed.strip_prefix(marker) {
            let rest = rest.trim_start_matches(['】', ']', '）', ')', '|', '｜', ':', '：', ' ', '\u{3000}']);
            if rest.len() < trimmed.len() - marker.len() && !rest.is_empty() {
                return rest;
            }
        }
    }
    line
}

/// Cleans a `<title>`: drops the site name after `_`, `|` or ` - `.
pub fn clean_page_title(page_title: &str) -> Option<String> {
    let parts: Vec<&str> = page_title
        .split(['_', '|', '｜', '—', '－'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let first = parts.first()?;
    (first.chars().count() >= 5).then(|| first.to_string())
}

/// Words of site banners and toolbars (无障碍浏览 长者模式, 欢迎光临…).
const BANNER_WORDS: &[&str] = &[
    "欢迎",
    "无障碍",
    "繁体",
    "简体",
    "ipv6",
    "长者模式",
    "关怀版",
    "登录",
    "注册",
    "设为首页",
    "加入收藏",
    "今天是",
    "天气",
    "网站地图",
    "english",
    "手机版",
    "移动版",
    "智能问答",
];
/// Words of print and reading toolbars; two on one line make it one.
const TOOLBAR_WORDS: &[&str] = &["打印", "字号", "字体", "返回", "关闭", "分享", "收藏", "行高", "视力"];
/// Labels of contact lines (地址, 电话, 投稿邮箱…).
const CONTACT_WORDS: &[&str] = &["地址", "电话", "信箱", "邮箱", "传真", "邮编", "热线", "qq"];
/// Words a byline opens with.
const BYLINE_WORDS: &[&str] = &["本报记者", "本报通讯员", "记者", "通讯员", "作者", "文/", "来源", "撰稿", "供稿"];
/// Endings of column and section names (工作动态, 宪法宣传专栏).
const COLUMN_ENDINGS: &[&str] =
    &["专栏", "栏目", "动态", "信息", "公告", "新闻", "要闻", "文件", "中心", "专题", "快讯", "资讯", "聚焦", "导航"];
/// Endings of site names (某某网, 某某报 数字报纸, 某某图书馆).
const SITE_ENDINGS: &[&str] = &["网", "网站", "报", "日报", "数字报", "数字报纸", "图书馆", "电子报", "客户端", "频道"];

/// `第A04版:要闻`, `00001版:一版要闻`: a newspaper edition line.
static EDITION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*第?\s*[a-z]?\d{1,5}\s*版\s*[:：]").expect("valid"));
/// A phone number or an e-mail address.
static CONTACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{3,4}-\d{7,8}|[\w.]+@[\w.]+|1[3-9]\d{9}").expect("valid"));

/// Why a line near the top is not the headline, if it is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noise {
    /// 您当前的位置：首页 > …, 首页 » 法律法规 », 某网 / 某网群 / 某网.
    Crumb,
    /// 直通某地|要闻|时评|…: a row of links.
    Navigation,
    /// 欢迎光临…！, 无障碍浏览 长者模式, 某网 2021年3月9日星期二.
    Banner,
    /// 打印 | 字号 | 返回, 【字体：大 中 小】.
    Toolbar,
    /// 地址:…, 电话:…, 投稿邮箱.
    Contact,
    /// （资料图）, 图为…, a file name.
    Caption,
    /// 本报记者 某某 通讯员 某某.
    Byline,
    /// 第A04版:要闻.
    Edition,
    /// • 某某培训会, □坚决打赢…: a list item or a boxed slogan.
    Bullet,
    /// A line with a web address in it.
    Address,
    /// 论文部分内容阅读, 合集下载, 查看原文.
    Prompt,
}

/// `(上接第一版)`, `(下转第3版)`: a newspaper's jump line.
static JUMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(（]?\s*(上接|下转|接|转)第?\s*[a-z0-9一二三四五六七八九十]{1,3}\s*版\s*[)）]?$").expect("valid")
});
/// `01 考试时间`, `二、工作要求`: a numbered section heading.
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}\s+|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.．])\S").expect("valid"));
/// `(某省司法厅 某市 810000)`: an affiliation with its postcode, as a
/// journal prints it under an article's title.
static AFFILIATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[(（][^()（）]*\d{6}\s*[)）]").expect("valid"));
/// `某某 某某某/某县司法局`: authors' names, then their unit after a slash.
static AUTHORS_AND_UNIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Han}{2,4}\s+)+\p{Han}{2,4}\s*/\s*\p{Han}{4,}$").expect("valid"));

/// Marks that open a list item or a boxed slogan.
pub const BULLETS: &[char] = &['•', '·', '●', '□', '■', '◆', '▲', '★', '☆', '○', '◎', '▪'];

/// `《某某》杂志2023年第6期`: a periodical's issue line, which names where an
/// article appeared, not what it is called.
static ISSUE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^《[^《》]{2,20}》\s*(杂志|期刊|月刊|半月刊|双月刊|季刊|周刊|学报)?\s*\d{4}\s*年\s*第?\s*\d{1,3}\s*期$",
    )
    .expect("valid")
});

/// Classifies a folded line that stands near the top of a page.
pub fn noise(line: &str) -> Option<Noise> {
    let line = line.trim();
    let chars = line.chars().count();
    let lower = line.to_lowercase();
    let separators = |pattern: &str| line.matches(pattern).count();
    if line.contains("位置") && (line.contains(':') || line.contains('：'))
        || line.starts_with('>')
        || line.starts_with("首页")
        || separators(">") + separators("»") + separators("›") + separators("→") >= 2
        || separators(" / ") >= 2
        || is_two_level_crumb(line)
    {
        return Some(Noise::Crumb);
    }
    // A menu item written as a list item (`- 首页`, `- English`).
    let menu_item = line.starts_with("- ") && chars <= 12;
    if separators("|") + separators("｜") >= 2 || is_list_of_titles(line) || JUMP.is_match(line) || menu_item {
        return Some(Noise::Navigation);
    }
    if NUMBERED.is_match(line) && chars <= 16 && !line.contains("关于") {
        return Some(Noise::Bullet);
    }
    if AFFILIATION.is_match(line)
        || AUTHORS_AND_UNIT.is_match(line)
        || line.ends_with(['■', '□'])
        || line.ends_with("■文")
        || line.ends_with("□文")
    {
        return Some(Noise::Byline);
    }
    if line.starts_with(BULLETS) {
        let rest = line.trim_start_matches(BULLETS).trim_start();
        let byline = BYLINE_WORDS.iter().any(|w| rest.starts_with(w));
        return Some(if byline { Noise::Byline } else { Noise::Bullet });
    }
    if lower.contains("www.") || lower.contains("http") || lower.contains(".com") || lower.contains(".cn") {
        return Some(Noise::Address);
    }
    if EDITION.is_match(&lower) || ISSUE_LINE.is_match(line) {
        return Some(Noise::Edition);
    }
    if BANNER_WORDS.iter().any(|w| lower.contains(w))
        || line.ends_with(['!', '！'])
        || line.contains("星期")
        || line.ends_with("网站")
    {
        return Some(Noise::Banner);
    }
    if TOOLBAR_WORDS.iter().filter(|w| line.contains(*w)).count() >= 2 {
        return Some(Noise::Toolbar);
    }
    if CONTACT.is_match(line) || (chars <= 40 && CONTACT_WORDS.iter().any(|w| lower.starts_with(w))) {
        return Some(Noise::Contact);
    }
    let bare = line.trim_matches(['(', ')', '（', '）', '【', '】', '[', ']']);
    if bare.ends_with("图") && chars <= 12
        || line.starts_with("图为")
        || [".jpg", ".png", ".jpeg", ".gif"].iter().any(|e| lower.ends_with(e))
    {
        return Some(Noise::Caption);
    }
    if BYLINE_WORDS.iter().any(|w| line.starts_with(w)) || (chars <= 30 && line.contains("记者")) {
        return Some(Noise::Byline);
    }
    if chars <= 10 && ["阅读", "下载", "原文", "全文", "预览"].iter().any(|w| line.ends_with(w)) {
        return Some(Noise::Prompt);
    }
    None
}

/// `行业建设>协会章程`: a column and its section, one separator apart.
fn is_two_level_crumb(line: &str) -> bool {
    let Some((column, section)) = line.split_once(['>', '＞', '»']) else { return false };
    let short = |s: &str| (2..=10).contains(&s.trim().chars().count()) && !s.contains(['。', ',', '，']);
    short(column) && short(section)
}

/// `《某某日报》 《某某法制报》 《某某商报》`: a newspaper group's list of its
/// own titles, a masthead and not a headline.
fn is_list_of_titles(line: &str) -> bool {
    let outside: String = line.split(['《', '》']).step_by(2).collect();
    line.starts_with('《') && line.ends_with('》') && line.matches('《').count() >= 2 && outside.trim().is_empty()
}

/// Labels of metadata fields, which law databases and disclosure tables run
/// into their values without a colon (发文机关司法部, 时效性现行有效).
const FIELD_LABELS: &[&str] = &[
    "发文机关",
    "发文日期",
    "发文字号",
    "发布部门",
    "发布机构",
    "发布日期",
    "施行日期",
    "实施日期",
    "时效性",
    "效力级别",
    "法规类别",
    "答复类别",
    "主题分类",
    "索引号",
    "成文日期",
    "公布日期",
    "生成日期",
    "公开方式",
    "有效性",
    "文件状态",
    "文件编号",
    "信息分类",
    "组配分类",
    "主题词",
    "责任部门",
];

/// Whether a line opens with a metadata field label.
pub fn starts_with_field_label(line: &str) -> bool {
    let compact: String =
        line.trim_start_matches(['|', '｜', ' ', '【']).chars().filter(|c| !c.is_whitespace()).collect();
    FIELD_LABELS.iter().any(|l| compact.starts_with(l))
}

/// Whether a line opens the way sentences do (近年来，… / 近日，…).
pub fn opens_like_prose(line: &str) -> bool {
    EMPTY_OPENERS.iter().any(|o| line.strip_prefix(o).is_some_and(|rest| rest.starts_with([',', '，'])))
        || quotes_a_speaker(line)
}

/// `某公证处公证员某某说,证明…也是必要的`: a deck that quotes someone, the
/// opening of a story's prose rather than its headline.
fn quotes_a_speaker(line: &str) -> bool {
    ["说,", "说，", "说:", "说：", "表示,", "表示，"].iter().any(|w| line.contains(w))
}

/// A short column or section name (工作动态, 宪法宣传专栏): unlikely to be
/// a headline, though not impossible.
pub fn looks_like_column(line: &str) -> bool {
    line.chars().count() <= 14 && COLUMN_ENDINGS.iter().any(|e| line.ends_with(e))
}

/// A site's name (某某网, 某某法治报 数字报纸).
pub fn looks_like_site_name(line: &str) -> bool {
    let compact: String = line.split_whitespace().collect();
    compact.chars().count() <= 12 && SITE_ENDINGS.iter().any(|e| compact.ends_with(e))
        || line.chars().any(|c| c.is_ascii_alphabetic())
            && line.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 4
}

/// Words a document's title ends with (…的通知, …实施细则, …答复函).
pub const DOCUMENT_ENDINGS: &[&str] = &[
    "通知", "通报", "决定", "意见", "办法", "规定", "细则", "规则", "方案", "要点", "计划", "规划", "报告", "总结",
    "函", "公告", "通告", "批复", "决议", "纲要", "制度", "条例", "解读", "答复", "说明", "指引", "守则", "标准",
    "思路", "章程",
];

/// Whether a title ends like a document's (…的通知).
pub fn ends_like_a_document(line: &str) -> bool {
    let line = line.trim_end();
    let core = without_closing_notes(line);
    DOCUMENT_ENDINGS.iter().any(|e| core.ends_with(e) || line.ends_with(e))
}

/// A title without what closes it after its kind word: quotes and 》, and
/// notes in brackets ((试行), (2024—2025年), （2020年修正）).
fn without_closing_notes(line: &str) -> &str {
    let mut core = line;
    loop {
        let trimmed = core.trim_end_matches(['》', ' ', '”', '"']);
        let Some(open) = trimmed.strip_suffix([')', '）']).and_then(|rest| rest.rfind(['(', '（'])) else {
            return trimmed;
        };
        if open == 0 {
            return trimmed;
        }
        core = &trimmed[..open];
    }
}

/// A title line that breaks off before its end (某局关于印发, 某局关于规范某工作).
pub fn breaks_off(line: &str) -> bool {
    let line = line.trim_end();
    ["关于", "印发", "转发", "关于印发", "关于转发", "推进", "的", "和", "及", "与", "《"]
        .iter()
        .any(|e| line.ends_with(e))
        || (line.contains("关于") && !ends_like_a_document(line))
}

/// Whether a line continues a broken title (的通知, 《某办法》的通知, 第12号…函).
pub fn continues_a_title(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with(['的', '《', '及', '和', '与']) || ends_like_a_document(line)
}

/// A newspaper's edition line (第A04版:要闻).
pub fn is_edition_line(line: &str) -> bool {
    noise(line) == Some(Noise::Edition)
}

#[cfg(test)]
mod tests;
