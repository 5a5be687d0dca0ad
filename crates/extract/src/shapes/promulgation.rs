//! A promulgation note (题注): the line under a law's or a rule's title that
//! lists when and by whom it was adopted and amended, as the national law
//! database and every statute book print it:
//! `（2006年5月18日司法部令第103号发布 2020年10月20日司法部令第145号修正）`,
//! `（1999年12月22日某市律师代表大会通过；2023年12月20日某市律师代表大会修订）`.
//!
//! The version a page shows is the last adoption or amendment the note
//! lists: its date is the version's date and its order number (令第N号)
//! the version's number. A date of entry into force (自…起施行) is neither.

use super::dates::dates_in;
use super::numbers::numbers_in;
use sifa_model::PubDate;

/// Verbs of adopting, issuing or amending, as a note writes them after a date.
const ACTS: &[&str] = &["通过", "发布", "公布", "修正", "修订", "修改", "批准", "颁布", "印发"];
/// How far after its date an act's verb is read, in characters.
const ACT_WINDOW: usize = 40;
/// Longest line read as a note.
const MAX_NOTE_CHARS: usize = 400;

/// One act a note lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    pub date: PubDate,
    /// The order that issued it (某部令第145号), when the note names one.
    pub order: Option<String>,
}

/// The acts a folded line lists, in order, when it is a promulgation note.
pub fn acts(line: &str) -> Vec<Act> {
    if line.chars().count() > MAX_NOTE_CHARS || !ACTS.iter().any(|a| line.contains(a)) {
        return Vec::new();
    }
    let dates = dates_in(line);
    let numbers = numbers_in(line);
    let mut acts = Vec::new();
    for (i, date) in dates.iter().enumerate() {
        // The act's words run to the next date.
        let end = dates.get(i + 1).map_or(line.len(), |next| next.start);
        let words = &line[date.end..end];
        let window: String = words.chars().take(ACT_WINDOW).collect();
        if window.contains("施行") && !ACTS.iter().any(|a| window.contains(a)) {
            continue;
        }
        if !ACTS.iter().any(|a| window.contains(a)) {
            continue;
        }
        let order = numbers
            .iter()
            .find(|n| n.start >= date.end && n.end <= end && n.value.contains('令'))
            .map(|n| n.value.clone());
        acts.push(Act { date: date.date, order });
    }
    // A note opens with its first act's date, perhaps in brackets, and
    // runs straight on to the adopting body: a date set off by a comma
    // opens a sentence of prose (2020年7月1日，《…法》颁布实施。…).
    let opens_with_a_date = dates.first().is_some_and(|d| {
        line[..d.start].trim_matches(['(', '（', ' ', '[']).is_empty()
            && !line[d.end..].trim_start().starts_with([',', '，', '、'])
    });
    // A note is a list of acts, not sentences: no sentence ends inside it.
    let inner = line.trim_end_matches([')', '）', ']', ' ', '。']);
    let one_sentence = !inner.contains(['。', '！', '？', '!', '?']);
    if opens_with_a_date && one_sentence { acts } else { Vec::new() }
}

/// The act of the version a note describes: the last it lists.
pub fn current_act(line: &str) -> Option<Act> {
    acts(line).pop()
}

/// The version's act of a note that starts at `lines[at]`, read to its
/// last line (statute books break a long note after each act); `None`
/// where no note starts there.
pub fn note_act(lines: &[String], at: usize) -> Option<Act> {
    let starts = !acts(&lines[at]).is_empty() && at.checked_sub(1).is_none_or(|i| acts(&lines[i]).is_empty());
    if !starts {
        return None;
    }
    lines[at..].iter().map_while(|l| current_act(l)).last()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_act_is_the_version_s() {
        let line = "2006年5月18日某部令第103号发布 2020年10月20日某部令第145号修正";
        let act = current_act(line).unwrap();
        assert_eq!((act.date.to_string(), act.order.as_deref()), ("2020-10-20".into(), Some("某部令第145号")));
        let line = "(1999年12月22日第三次某市律师代表大会通过;2023年12月20日第九次某市律师代表大会修订)";
        assert_eq!(current_act(line).map(|a| a.date.to_string()).as_deref(), Some("2023-12-20"));
        assert_eq!(current_act(line).unwrap().order, None);
    }

    #[test]
    fn a_note_broken_after_each_act() {
        let lines: Vec<String> = [
            "某市律师协会章程",
            "(1999年12月22日第三次某市律师代表大会通过;",
            "2007年4月28日第四次某市律师代表大会修订;",
            "2023年12月20日第九次某市律师代表大会修订)",
            "第一章 总则",
        ]
        .iter()
        .map(|l| l.to_string())
        .collect();
        assert_eq!(note_act(&lines, 1).map(|a| a.date.to_string()).as_deref(), Some("2023-12-20"));
        assert_eq!(note_act(&lines, 2), None, "inside the note");
        assert_eq!(note_act(&lines, 0), None);
    }

    #[test]
    fn entry_into_force_and_prose_are_no_acts() {
        let line = "（2019年3月1日某省人民代表大会常务委员会通过 自2019年6月1日起施行）";
        assert_eq!(acts(line).len(), 1, "the date of entry into force is no act");
        assert!(acts("会议于2024年3月27日通过了工作报告。").is_empty(), "a sentence is no note");
        assert!(acts("发布时间:2024-03-27").is_empty());
        assert!(
            acts("2020年7月1日,《中华人民共和国社区矫正法》颁布实施。某大学教授在讲座中回顾了立法过程。").is_empty(),
            "a story's sentence that opens with a date is no note"
        );
        assert!(acts("2021年3月1日某市人民政府令第5号公布。自公布之日起施行。").is_empty(), "two sentences");
    }
}
