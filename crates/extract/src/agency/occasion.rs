//! Occasions that say who reports: the host of a visit, the holder of a
//! press conference.
//!
//! A report of a visit told from the host's side says the visitor 莅临
//! (graced) or 来 (came to) the place, and names the host's officials who
//! 陪同 (accompanied) the visitor: the host reports it, so the issuer is
//! the most local judicial body among those who accompanied. A visitor's
//! own report says 到 or 赴 (went to) and is left to the other rules.
//!
//! A regular press conference's transcript or summary comes from the body
//! that held it and speaks through its spokesperson (某办举行例行新闻发布会,
//! 发言人某某介绍…): that body is the source, whatever the questions were about.
//! A conference a body only hosts for others to present at (国务院新闻办公室
//! 举行新闻发布会，某部介绍…) names no source.

use super::subject::{first_paragraph, first_sentence, is_judicial};
use super::{Agency, AgencyInputs, AgencyResolver, score};
use crate::candidate::Candidates;

/// Words by which a host says a visitor came (a visitor writes 到, 赴).
const HOST_VISIT_WORDS: &[&str] = &["莅临", "前来", "来到"];
/// Bounds of the clause that lists the accompanying officials.
const CLAUSE_BREAKS: &[char] = &['。', ',', '，', ';', '；', '!', '！'];
/// The verb of the accompanying officials.
const ACCOMPANIED: &str = "陪同";
/// Verbs of holding a press conference, and the names of one.
const HOLD: &[&str] = &["举行", "召开", "举办"];
const PRESS_CONFERENCES: &[&str] = &["新闻发布会", "发布会", "记者会", "新闻通气会"];
/// How far after the holder the verb and the conference are looked for, in characters.
const HOLD_WINDOW: usize = 16;

/// Both occasions, as candidates.
pub fn from_occasions(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    host_of_visit(resolver, inputs, found);
    press_conference(resolver, inputs, found);
}

/// Whether a text tells of a visit from the host's side: 莅临, 前来, or
/// 来 followed by a place (来苏州相城区).
pub fn tells_a_visit(resolver: &AgencyResolver, text: &str) -> bool {
    HOST_VISIT_WORDS.iter().any(|w| text.contains(w))
        || text.match_indices('来').any(|(at, _)| comes_to_a_place(resolver, &text[at + '来'.len_utf8()..]))
}

/// Whether text opens with a place name (the 苏州 of 来苏州相城区).
fn comes_to_a_place(resolver: &AgencyResolver, rest: &str) -> bool {
    rest.char_indices()
        .skip(2)
        .take(5)
        .map(|(i, _)| &rest[..i])
        .chain(std::iter::once(rest).filter(|r| r.chars().count() <= 6))
        .any(|name| !resolver.gazetteer().lookup(name).is_empty())
}

/// The host of a visit: the most local judicial body named in the clause
/// that ends with 陪同, in the first paragraph.
fn host_of_visit(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let paragraph = first_paragraph(inputs.opening);
    let Some(at) = paragraph.find(ACCOMPANIED) else { return };
    let told = tells_a_visit(resolver, &paragraph[..at]) || inputs.title.is_some_and(|t| tells_a_visit(resolver, t));
    if !told {
        return;
    }
    let clause_start =
        paragraph[..at].rfind(CLAUSE_BREAKS).map_or(0, |i| i + paragraph[i..].chars().next().map_or(1, char::len_utf8));
    let clause = &paragraph[clause_start..at];
    let host = resolver
        .mentions(clause)
        .into_iter()
        .filter_map(|m| Some((resolver.resolve(&m, inputs.context)?, clause[m.start..m.end].to_string())))
        .filter(|(agency, _)| is_judicial(agency))
        .max_by_key(|(agency, _)| agency.path.len());
    if let Some((agency, text)) = host {
        found.push(agency, "visit_host", &text, score::VISIT_HOST);
    }
}

/// The body that holds its regular press conference, or speaks at it
/// through its spokesperson, in the first sentence.
fn press_conference(resolver: &AgencyResolver, inputs: &AgencyInputs, found: &mut Candidates<Agency>) {
    let sentence = first_sentence(first_paragraph(inputs.opening));
    for m in resolver.mentions(sentence) {
        let after: String = sentence[m.end..].chars().take(HOLD_WINDOW).collect();
        let held = HOLD.iter().filter_map(|v| after.find(v)).min();
        let Some(held) = held else { continue };
        let Some(conference) =
            PRESS_CONFERENCES.iter().filter_map(|c| after[held..].find(c).map(|at| held + at + c.len())).min()
        else {
            continue;
        };
        let regular = after[..conference].contains("例行");
        let spokesperson = sentence[m.end..]
            .chars()
            .skip(after[..conference].chars().count())
            .take(4)
            .collect::<String>()
            .contains("发言人");
        if !regular && !spokesperson {
            continue;
        }
        if let Some(agency) = resolver.resolve(&m, inputs.context) {
            found.push(agency, "press_conference", &sentence[m.start..m.end], score::PRESS_CONFERENCE);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::agency::tests::{read, rule_and_name};
    use crate::given::Given;

    #[test]
    fn the_host_of_a_visit_reports_it() {
        let title = "某省法律援助中心来无锡惠山区开展督察";
        let text = format!(
            "{title}\n近日,某省法律援助中心副主任一行莅临无锡惠山区开展督察。市司法局副处长某某、区司法局副局长某某陪同。\n"
        );
        let found = rule_and_name(read(&text, Given::default(), Some(title)));
        assert_eq!(found, ("visit_host".into(), "无锡市惠山区司法局".into()));
        let text =
            "标题\n5月6日上午,省司法厅厅长某某一行莅临吴中区调研,苏州市司法局副局长某某及吴中区司法局局长某某陪同。\n";
        assert_eq!(rule_and_name(read(text, Given::default(), Some("标题"))).1, "苏州市吴中区司法局");
        let text = "标题\n5月6日上午,省司法厅厅长某某一行到吴中区调研,吴中区司法局局长某某陪同。\n";
        let found = read(text, Given::default(), Some("标题"));
        assert!(found.is_none_or(|f| f.rule != "visit_host"), "a visitor's own report");
    }

    #[test]
    fn a_regular_press_conference_is_its_holder_s() {
        let text = "标题\n11月19日上午,国台办召开例行新闻发布会,由发言人某某主持并答问。\n问:\n司法部近日公布了一批典型案例,能否谈谈看法?\n";
        let found = rule_and_name(read(text, Given::default(), Some("标题")));
        assert_eq!(found, ("press_conference".into(), "国务院台湾事务办公室".into()));
        let text = "标题\n6月4日下午,商务部召开例行新闻发布会,新闻发言人某某介绍近期外贸运行情况。\n问:有何最新数据?\n";
        let found = rule_and_name(read(text, Given::default(), Some("标题")));
        assert_eq!(found, ("press_conference".into(), "商务部".into()), "another ministry's regular conference");
        let text = "标题\n3月12日,山东省司法厅召开新闻发布会,厅领导介绍去年法律援助工作情况。\n";
        let found = read(text, Given::default(), Some("标题"));
        assert!(found.is_none_or(|f| f.rule != "press_conference"), "a one-off conference, no spokesperson");
        let text = "标题\n今天,国务院新闻办公室举行政策例行吹风会,某部负责人介绍有关情况。\n";
        assert!(read(text, Given::default(), Some("标题")).is_none(), "a briefing hosted for others");
    }
}
