//! Topic classification by weighted terms from `data/topics.toml`.
//!
//! Terms are matched as sub-strings of the folded (simplified, half-width)
//! text in one pass. A topic's score is the weighted count of its terms
//! (title hits count triple, each term counted at most
//! [`MAX_COUNT_PER_TERM`] times) divided by the square root of the text's
//! length in thousands of characters, so a long report does not win a topic
//! by length alone. The title says what a text is about: a topic it names
//! is kept however much longer the body dwells on another.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use sifa_model::TopicScore;

/// Repeating one term more often than this adds nothing.
const MAX_COUNT_PER_TERM: usize = 8;
/// Title hits weigh this much more than body hits.
const TITLE_WEIGHT: f32 = 3.0;
/// A topic below this share of the best topic's score is dropped.
const MIN_SHARE_OF_BEST: f32 = 0.25;

#[derive(Debug, Deserialize)]
struct TopicFile {
    min_score: f32,
    max_topics: usize,
    topic: Vec<TopicRule>,
}

#[derive(Debug, Deserialize)]
struct TopicRule {
    name: String,
    terms: HashMap<String, f32>,
}

/// A topics file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TopicRulesError {
    #[error("topics file: {0}")]
    Syntax(#[from] toml::de::Error),
    #[error("topics file: unknown topic {0:?} (the thirteen names are fixed)")]
    UnknownTopic(String),
    #[error("topics file: topic {0:?} has no terms")]
    NoTerms(String),
}

/// One topic's hits in a text: its raw score, whether the title names it,
/// and the weighted terms behind it.
#[derive(Default)]
struct Tally {
    raw: f32,
    in_title: bool,
    evidence: Vec<(f32, String)>,
}

/// Compiled topic rules.
pub struct TopicRules {
    names: Vec<String>,
    /// For every pattern: the topic it belongs to and its weight.
    terms: Vec<(usize, f32, String)>,
    matcher: AhoCorasick,
    min_score: f32,
    max_topics: usize,
}

impl TopicRules {
    pub fn from_toml(text: &str) -> Result<Self, TopicRulesError> {
        let file: TopicFile = toml::from_str(text)?;
        let mut names = Vec::new();
        let mut terms = Vec::new();
        for (index, rule) in file.topic.into_iter().enumerate() {
            if !sifa_model::TOPICS.contains(&rule.name.as_str()) {
                return Err(TopicRulesError::UnknownTopic(rule.name));
            }
            if rule.terms.is_empty() {
                return Err(TopicRulesError::NoTerms(rule.name));
            }
            let mut rule_terms: Vec<_> = rule.terms.into_iter().collect();
            rule_terms.sort_by(|a, b| a.0.cmp(&b.0));
            for (term, weight) in rule_terms {
                terms.push((index, weight, sifa_fold::fold(&term)));
            }
            names.push(rule.name);
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(terms.iter().map(|t| t.2.as_str()))
            .expect("topic terms build");
        Ok(Self { names, terms, matcher, min_score: file.min_score, max_topics: file.max_topics })
    }

    /// Topics of a text, best first. `title` and `body` must be folded with
    /// [`sifa_fold::normalize`].
    pub fn classify(&self, title: &str, body: &str) -> Vec<TopicScore> {
        let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
        for m in self.matcher.find_overlapping_iter(title) {
            counts.entry(m.pattern().as_usize()).or_default().0 += 1;
        }
        for m in self.matcher.find_overlapping_iter(body) {
            counts.entry(m.pattern().as_usize()).or_default().1 += 1;
        }
        let length_factor = ((body.chars().count() as f32 / 1000.0).max(0.5)).sqrt();
        let mut per_topic: HashMap<usize, Tally> = HashMap::new();
        for (pattern, (in_title, in_body)) in counts {
            let (topic, weight, term) = &self.terms[pattern];
            let hits = in_title as f32 * TITLE_WEIGHT + in_body.min(MAX_COUNT_PER_TERM) as f32;
            let tally = per_topic.entry(*topic).or_default();
            tally.raw += weight * hits;
            tally.in_title |= in_title > 0;
            tally.evidence.push((weight * hits, format!("{term}×{}", in_title + in_body)));
        }
        let mut scored: Vec<(TopicScore, bool)> = per_topic
            .into_iter()
            .map(|(topic, mut tally)| {
                tally.evidence.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                let score = TopicScore {
                    name: self.names[topic].clone(),
                    score: (tally.raw / length_factor * 100.0).round() / 100.0,
                    evidence: tally.evidence.into_iter().take(5).map(|e| e.1).collect(),
                };
                (score, tally.in_title)
            })
            .filter(|(t, _)| t.score >= self.min_score)
            .collect();
        scored.sort_by(|(a, _), (b, _)| b.score.total_cmp(&a.score).then_with(|| a.name.cmp(&b.name)));
        let best = scored.first().map_or(0.0, |(t, _)| t.score);
        // What the title names stays, however much longer the body dwells on another topic.
        scored.retain(|(t, in_title)| *in_title || t.score >= best * MIN_SHARE_OF_BEST);
        scored.truncate(self.max_topics);
        scored.into_iter().map(|(t, _)| t).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"
        min_score = 1.5
        max_topics = 3
        [[topic]]
        name = "法律援助"
        terms = { "法律援助" = 3.0, "受援人" = 2.0 }
        [[topic]]
        name = "人民调解"
        terms = { "人民调解" = 3.0, "调解员" = 1.5 }
        [[topic]]
        name = "监狱与戒毒"
        terms = { "戒毒" = 2.0 }
    "#;

    #[test]
    fn scores_best_first_with_evidence() {
        let rules = TopicRules::from_toml(RULES).unwrap();
        let topics = rules.classify("法律援助工作推进会", "会议要求做好法律援助，保障受援人权益，并发挥人民调解作用。");
        assert_eq!(topics[0].name, "法律援助");
        assert_eq!(topics[0].evidence[0], "法律援助×2");
        assert!(topics.iter().all(|t| t.name != "监狱与戒毒"));
    }

    #[test]
    fn a_topic_the_title_names_stays_beside_a_longer_one() {
        let rules = TopicRules::from_toml(RULES).unwrap();
        let body = "法律援助".repeat(8) + &"某某某某。".repeat(40);
        let names = |title: &str| -> Vec<String> { rules.classify(title, &body).into_iter().map(|t| t.name).collect() };
        assert_eq!(names("某县开展活动"), ["法律援助"]);
        assert_eq!(names("某县开展活动 调解员走进社区"), ["法律援助", "人民调解"]);
    }

    #[test]
    fn a_text_about_nothing_gets_no_topic() {
        let rules = TopicRules::from_toml(RULES).unwrap();
        assert!(rules.classify("天气晴好", "今天天气晴好，适合出行。").is_empty());
    }

    #[test]
    fn rejects_unknown_topics() {
        let bad = "min_score = 1\nmax_topics = 3\n[[topic]]\nname = \"天气\"\nterms = { \"晴\" = 1.0 }\n";
        assert!(matches!(TopicRules::from_toml(bad), Err(TopicRulesError::UnknownTopic(_))));
    }
}
