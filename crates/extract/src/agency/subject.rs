//! The body a text presents as its subject: the actor of its opening
//! sentence, a judicial body speaking in its first paragraph, the body a
//! title names by its place or as a bare 【司法局】, and the bureau of the
//! site's own place.
//!
//! Only judicial-administration bodies (司法部, 司法厅, 司法局 and their
//! prisons, drug rehabilitation centres, legal aid centres, notaries, the
//! 依法治 offices) count here: a news item about a ministry's statement or
//! another country's justice department names no issuer. A mention does
//! not make an actor when it is cited (根据某厅部署, inside 《》, 某厅第258号
//! 公告) or names a person's post (某厅副厅长某某); a post still says who
//! speaks, and counts for less.

use sifa_model::AgencyLevel;

use super::{Agency, AgencyInputs, AgencyResolver, OwnerKind, score};
use crate::candidate::Candidates;

/// Words a judicial-administration body's name holds.
const JUDICIAL_WORDS: &[&str] = &[
    "司法",
    "监狱",
    "戒毒",
    "矫正",
    "法律援助",
    "公证",
    "依法治",
    "普法",
    "法律服务",
    "人民调解",
    "法制",
    "律师",
    "法治",
];
/// Posts written right after a body's name (某厅副厅长, 某局党组书记).
pub(super) const POSTS: &[&str] = &[
    "副",
    "长",
    "主任",
    "书记",
    "处长",
    "科长",
    "所长",
    "负责人",
    "干部",
    "民警",
    "工作人员",
    "调研员",
    "政委",
    "局长",
    "厅长",
    "部长",
    "领导",
    "一级",
    "二级",
    "三级",
    "四级",
    "相关负责",
    "有关负责",
    "新闻发言人",
    "发言人",
];
/// Verbs of a post's holder speaking or being present (某厅副厅长某某介绍).
const SPEAKING: &[&str] = &[
    "说", "介绍", "表示", "指出", "透露", "称", "强调", "讲话", "出席", "主持", "答", "回应", "通报", "陪同", "莅临",
    "带队", "调研", "参加", "发布", "解读", "部署", "致辞",
];
/// How far after a post its verb is looked for, in characters.
const SPEAKING_WINDOW: usize = 24;
/// Verbs of a person quoted by name later in the story (王小明说).
const QUOTED: &[&str] = &["说", "表示", "介绍", "告诉", "指出", "强调", "称", "认为"];
/// Characters that end a post's title, before its holder's name (副厅长王小明).
const POST_ENDS: &[char] = &['长', '任', '记', '员', '委'];

/// Words that cite a body rather than present it as acting.
const CITING: &[&str] = &["根据", "依据", "按照", "落实", "贯彻", "遵照", "参照"];
/// Longest first sentence read, in characters.
const MAX_SENTENCE_CHARS: usize = 200;
/// Longest first paragraph read, in characters.
const MAX_PARAGRAPH_CHARS: usize = 400;

/// Whether a body belongs to judicial administration.
pub(super) fn is_judicial(agency: &Agency) -> bool {
    JUDICIAL_WORDS.iter().any(|w| agency.name.contains(w))
}

/// A bureau (司法部, 司法厅, 司法局) rather than one of its institutions.
fn is_bureau(agency: &Agency) -> bool {
    agency.name.ends_with("司法局") || agency.name.ends_with("司法厅") || agency.name == "司法部"
}

/// An administration (a bureau, 监狱管理局, 戒毒管理局) rather than a
/// prison or a centre.
fn is_administration(agency: &Agency) -> bool {
    is_bureau(agency) || agency.name.ends_with("管理局")
}

/// How a mention stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Actor,
    Post,
    Cited,
}

/// How a mention at `start..end` of `text` stands; `story` is the text
/// around it, where a post's holder may be quoted by name.
fn role(text: &str, start: usize, end: usize, story: &str) -> Role {
    let before = &text[..start];
    let opened = before.matches('《').count() > before.matches('》').count()
        || before.matches('“').count() > before.matches('”').count();
    let lead: String = before.chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
    let rest = &text[end..];
    let cites_document = rest.starts_with('令')
        || rest.starts_with("公告")
        || (rest.starts_with('第') && rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit()));
    if opened || cites_document || CITING.iter().any(|c| lead.contains(c)) {
        return Role::Cited;
    }
    // 某厅党委决定 is the bureau acting; 某厅党委书记 a person.
    let rest = rest.strip_prefix("党委").or_else(|| rest.strip_prefix("党组")).unwrap_or(rest);
    if POSTS.iter().any(|p| rest.starts_with(p)) || rest.starts_with("委员") || rest.starts_with("成员") {
        // A post counts when its holder speaks or is there; 任命某某为某部部长 names a post only.
        let window: String = rest.chars().take(SPEAKING_WINDOW).collect();
        let speaks = SPEAKING.iter().any(|v| window.contains(v)) || holder_is_quoted(rest, story);
        return if speaks { Role::Post } else { Role::Cited };
    }
    // An actor opens its clause (3月12日，某局召开…; 记者从某厅获悉); a body
    // listed after others (国务院、某部和某局都…) is only mentioned.
    let opens_clause = match before.trim_end().chars().next_back() {
        None => true,
        // 在某局举行: the body hosts; 悬挂在某监狱教学楼内: a place.
        Some('在') => ["举行", "召开", "举办"].iter().any(|v| rest.starts_with(v)),
        Some(c) => ",，;；:：)）\"“”从由".contains(c) || before.ends_with(char::is_whitespace) || after_a_time(before),
    };
    if opens_clause { Role::Actor } else { Role::Cited }
}

/// Phrases of time a lead opens with, right before its actor (近日某局…).
const TIME_LEADS: &[&str] = &[
    "近日",
    "近期",
    "日前",
    "近来",
    "今年以来",
    "连日来",
    "近年来",
    "上午",
    "下午",
    "晚上",
    "当天",
    "当日",
    "昨天",
    "昨日",
    "今天",
    "今日",
    "此前",
    "目前",
    "日电",
    "讯",
];

/// Whether `before` ends with a phrase of time (近日, 3月12日, 12月5号):
/// the press opens a lead with when, then who (5月17日省律协召开…).
fn after_a_time(before: &str) -> bool {
    if TIME_LEADS.iter().any(|t| before.ends_with(t)) {
        return true;
    }
    let mut chars = before.chars().rev();
    matches!(chars.next(), Some('日' | '号'))
        && chars.next().is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

/// Whether the holder of the post `rest` opens with (副厅长王小明的电话) is
/// quoted by name in `story` (王小明说): the story is told through them.
fn holder_is_quoted(rest: &str, story: &str) -> bool {
    let Some((at, end)) = rest.char_indices().take(8).find(|(_, c)| POST_ENDS.contains(c)) else { return false };
    let after = &rest[at + end.len_utf8()..];
    let han: Vec<(usize, char)> = after.char_indices().take(3).take_while(|(_, c)| is_han(*c)).collect();
    (2..=han.len()).rev().any(|n| {
        let name_end = han.get(n).map_or_else(|| han[n - 1].0 + han[n - 1].1.len_utf8(), |(i, _)| *i);
        let name = &after[..name_end];
        story.match_indices(name).any(|(i, _)| {
            let next: String = story[i + name.len()..].chars().take(4).collect();
            QUOTED.iter().any(|v| next.contains(v))
        })
    })
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The opening paragraph: the first line of prose, at most
/// [`MAX_PARAGRAPH_CHARS`] characters.
pub(super) fn first_paragraph(opening: &str) -> &str {
    let han = |l: &str| l.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    // Prose: a line of some length, or one with sentence punctuation (not a subheading).
    // A subheading (七场宣讲,织密法治保护网) is short and ends no sentence.
    let prose = |l: &str| {
        let chars = l.chars().count();
        chars >= 30 || l.contains(['。', '!', '?', '！', '？']) || (chars >= 20 && l.contains([',', '，']))
    };
    let line = opening.lines().find(|l| han(l) >= 10 && prose(l)).unwrap_or_default();
    let end = line.char_indices().nth(MAX_PARAGRAPH_CHARS).map_or(line.len(), |(i, _)| i);
    &line[..end]
}

pub(super) fn first_sentence(paragraph: &str) -> &str {
    let end = paragraph.find(['。', '!', '?', '！', '？']).unwrap_or(paragraph.len());
    let end = paragraph[..end].char_indices().nth(MAX_SENTENCE_CHARS).map_or(end, |(i, _)| i);
    &paragraph[..end]
}

/// The sentence that names the paragraph's actor: the first, or the one
/// after an opening purpose clause closed by a full stop (为推进…。某办从…).
fn actor_sentences(paragraph: &str) -> Vec<&str> {
    let first = first_sentence(paragraph);
    let mut sentences = vec![first];
    if first.starts_with('为') {
        let rest = paragraph[first.len()..].trim_start_matches(['。', '!', '?', '！', '？']);
        if !rest.is_empty() {
            sentences.push(first_sentence(rest));
        }
    }
    sentences
}

/// Judicial bodies mentioned in `text`, with how each stands.
fn judicial_mentions(resolver: &AgencyResolver, inputs: &AgencyInputs, text: &str) -> Vec<(Agency, Role, String)> {
    resolver
        .mentions(text)
        .into_iter()
        .filter_map(|m| {
            let agency = resolver.resolve(&m, inputs.context)?;
            is_judicial(&agency)
                .then(|| (agency, role(text, m.start, m.end, inputs.opening), text[m.start..m.end].to_string()))
        })
        .collect()
}

/// Every subject the text offers.
pub fn from_text(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let paragraph = first_paragraph(inputs.opening);
    let second =
        inputs.opening.find(paragraph).map_or("", |at| first_paragraph(&inputs.opening[at + paragraph.len()..]));
    // The first paragraph's evidence outranks the second's.
    for (text, actor_score, speaker_score) in
        [(paragraph, score::ACTOR, score::SPEAKER), (second, score::ACTOR_LATER, score::SPEAKER_LATER)]
    {
        if let Some((agency, _, mention)) = actor_sentences(text)
            .into_iter()
            .flat_map(|sentence| judicial_mentions(resolver, inputs, sentence))
            .find(|(_, role, _)| *role == Role::Actor)
        {
            found.push(agency, "actor", &mention, actor_score);
        }
        let speaking: Vec<(Agency, Role, String)> =
            judicial_mentions(resolver, inputs, text).into_iter().filter(|(_, role, _)| *role != Role::Cited).collect();
        if let Some((agency, _, mention)) = speaking.iter().find(|(a, _, _)| is_bureau(a)).or(speaking.first()) {
            found.push(agency.clone(), "speaker", mention, speaker_score);
        }
    }
    title_place(resolver, inputs, found);
    bare_bureau_title(resolver, inputs, found);
    site_own_bureau(resolver, inputs, paragraph, found);
}

/// A title that opens with a place (某省某县：…, 某区“法律进社区”…): the
/// judicial body of that place the text names.
fn title_place(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let Some(title) = inputs.title else { return };
    let Some(code) = resolver.title_region(title, inputs.context) else { return };
    let place: Vec<String> = resolver.gazetteer().path(code).iter().map(|d| d.name.clone()).collect();
    let text = format!("{title}\n{}", inputs.opening);
    let end = text.char_indices().nth(3000).map_or(text.len(), |(i, _)| i);
    let mentions = judicial_mentions(resolver, inputs, &text[..end]);
    let of_place: Vec<&(Agency, Role, String)> = mentions.iter().filter(|(a, _, _)| a.path == place).collect();
    if let Some((agency, _, text)) = of_place.iter().find(|(a, _, _)| is_administration(a)).or(of_place.first()) {
        found.push(agency.clone(), "title_place", text, score::TITLE_PLACE);
    }
}

/// A title that opens with a bare bureau (司法局送法下乡, 【司法局】举办…):
/// the bureau the text names.
fn bare_bureau_title(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let Some(title) = inputs.title else { return };
    let lead = title.trim_start_matches(['【', '[', ' ']);
    if !(lead.starts_with("司法局") || lead.starts_with("司法厅")) {
        return;
    }
    let text = &inputs.opening[..inputs.opening.char_indices().nth(3000).map_or(inputs.opening.len(), |(i, _)| i)];
    if let Some((agency, _, text)) =
        judicial_mentions(resolver, inputs, text).into_iter().find(|(a, role, _)| is_bureau(a) && *role != Role::Cited)
    {
        found.push(agency, "bare_bureau_title", &text, score::BARE_BUREAU_TITLE);
    }
}

/// On a government's portal, the bureau of the portal's own place that the
/// first paragraph names; on a county's portal, a township's 司法所 (the
/// county bureau's office there, whose township the gazetteer does not
/// list) is that county's bureau.
fn site_own_bureau(resolver: &AgencyResolver, inputs: &AgencyInputs, paragraph: &str, found: &mut Candidates<Agency>) {
    let Some((code, kind)) = inputs.site.owner else { return };
    if !matches!(kind, OwnerKind::Government | OwnerKind::Office) {
        return;
    }
    let place: Vec<String> = resolver.gazetteer().path(code).iter().map(|d| d.name.clone()).collect();
    if let Some((agency, _, text)) =
        judicial_mentions(resolver, inputs, paragraph).into_iter().find(|(a, _, _)| is_bureau(a) && a.path == place)
    {
        found.push(agency, "site_own_bureau", &text, score::SITE_OWN_BUREAU);
        return;
    }
    let opening = &inputs.opening
        [..inputs.opening.char_indices().nth(SITE_OFFICE_WINDOW).map_or(inputs.opening.len(), |(i, _)| i)];
    let county = resolver.gazetteer().get(code).filter(|d| d.level == AgencyLevel::County);
    if let Some(county) = county
        && let Some(at) = opening.find("司法所")
    {
        let office: String =
            opening[..at + "司法所".len()].chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
        found.push(resolver.name_division(county, "司法局"), "site_own_bureau", &office, score::SITE_OWN_BUREAU);
    }
}

/// How far into the text a county portal's 司法所 is looked for, in characters.
const SITE_OFFICE_WINDOW: usize = 600;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_in_a_sentence() {
        let role_of = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            role(text, start, start + name.len(), text)
        };
        assert_eq!(role_of("3月12日,某县司法局召开会议", "某县司法局"), Role::Actor);
        assert_eq!(role_of("记者从某省司法厅获悉", "某省司法厅"), Role::Actor);
        assert_eq!(role_of("某省司法厅党委决定开展督查", "某省司法厅"), Role::Actor);
        assert_eq!(role_of("某省司法厅副厅长某某介绍", "某省司法厅"), Role::Post);
        assert_eq!(role_of("某省司法厅党组书记某某介绍", "某省司法厅"), Role::Post);
        assert_eq!(role_of("任命某某为某省司法厅厅长。", "某省司法厅"), Role::Cited, "a post with no one speaking");
        assert_eq!(role_of("根据某省司法厅部署，某县开展", "某省司法厅"), Role::Cited);
        assert_eq!(role_of("贯彻《某省司法厅关于某事的通知》", "某省司法厅"), Role::Cited);
        assert_eq!(role_of("依据某部第1号公告和某省司法厅第258号公告", "某省司法厅"), Role::Cited);
        assert_eq!(role_of("会议指出,国务院、某省司法厅都高度重视", "某省司法厅"), Role::Cited);
        assert_eq!(role_of("每日新报记者 某某 某区司法局把维权工作抓实", "某区司法局"), Role::Actor);
        let night = "周六凌晨一点多，正在巡查的民警接到某省司法厅副厅长王小明的电话，暗访组三人已在会见楼门外等候。";
        let story = format!("{night}王小明笑着说：“来看看。”");
        assert_eq!(role_of(&story, "某省司法厅"), Role::Post, "the holder is quoted by name later");
        let story = format!("{night}所长说：“来看看。”");
        assert_eq!(role_of(&story, "某省司法厅"), Role::Cited);
    }

    #[test]
    fn a_purpose_clause_leads_to_the_actor() {
        let paragraph = "为听取各方对规章草案的意见。市法制办自下周起收集意见,月底前汇总。";
        assert_eq!(
            actor_sentences(paragraph),
            vec!["为听取各方对规章草案的意见", "市法制办自下周起收集意见,月底前汇总"]
        );
        assert_eq!(actor_sentences("近日,某县司法局召开会议。会议指出"), vec!["近日,某县司法局召开会议"]);
        // Closed by a comma, the clause and its actor are one sentence.
        assert_eq!(
            actor_sentences("为方便群众办事，某县司法局延长窗口服务时间。群众表示欢迎"),
            vec!["为方便群众办事，某县司法局延长窗口服务时间", "群众表示欢迎"]
        );
    }

    #[test]
    fn sentences_and_paragraphs() {
        let opening = "(资料图)\n近日,某县司法局召开会议。会议指出,要做好工作。\n第二段。";
        assert_eq!(first_paragraph(opening), "近日,某县司法局召开会议。会议指出,要做好工作。");
        assert_eq!(first_sentence(first_paragraph(opening)), "近日,某县司法局召开会议");
    }
}
