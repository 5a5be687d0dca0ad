//! Agency names: recognising them in text and naming them canonically.
//!
//! A mention is an agency suffix (司法厅, 司法局, 人民政府…, from
//! `data/agencies.toml`) with the region names written right before it,
//! read backwards: 聊城市东昌府区司法局 is the chain 聊城市 › 东昌府区 plus
//! 司法局. The chain is placed in the [`Gazetteer`]; an ambiguous name
//! (西湖区 is in 杭州 and in 南昌) is settled by the regions the document
//! mentions elsewhere, and so is a bare 省司法厅 or 区司法局.
//!
//! The canonical name spells the region out the way researchers filter by
//! it: 山东省司法厅, 包头市司法局, 聊城市东昌府区司法局 (a county-level
//! bureau carries its city), 义乌市司法局 (a county-level city does not).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use sifa_model::AgencyLevel;

use sifa_fold::fold;

use crate::gazetteer::{Division, Gazetteer};

/// `data/agencies.toml`: national bodies and the suffixes of local ones.
#[derive(Debug, Deserialize)]
pub struct AgencyRules {
    #[serde(default)]
    pub agency: Vec<NationalAgency>,
    pub patterns: AgencyPatterns,
}

#[derive(Debug, Deserialize)]
pub struct NationalAgency {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `national` unless stated (a 兵团 body is provincial).
    #[serde(default)]
    pub level: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct AgencyPatterns {
    pub suffixes: Vec<String>,
}

/// A resolved issuing body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    pub name: String,
    pub path: Vec<String>,
    pub level: AgencyLevel,
}

/// What a mention names before it is placed in the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Named {
    /// A body listed in the rules file, by index.
    Listed(usize),
    /// Region names before the suffix, outermost first (may be empty).
    Local { chain: Vec<String>, generic: Option<char>, suffix: String },
}

/// An agency mention found in text, with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    named: Named,
}

impl Mention {
    /// Whether the mention spells out its region (not 省司法厅 or 本局).
    pub fn is_explicit(&self) -> bool {
        match &self.named {
            Named::Listed(_) => true,
            Named::Local { chain, .. } => !chain.is_empty(),
        }
    }
}

/// Counts of the regions a document mentions, used to settle ambiguity.
#[derive(Debug, Default, Clone)]
pub struct RegionContext {
    counts: HashMap<u32, u32>,
}

/// Recognises and resolves agency mentions.
pub struct AgencyResolver {
    gazetteer: Gazetteer,
    listed: Vec<Agency>,
    /// Patterns: national names and aliases, then local suffixes.
    matcher: AhoCorasick,
    pattern_kinds: Vec<PatternKind>,
    regions: AhoCorasick,
    region_names: Vec<String>,
}

#[derive(Debug, Clone)]
enum PatternKind {
    Listed(usize),
    Suffix(String),
}

/// Suffixes that name an agency even after a short region name.
const CORE_SUFFIXES: &[&str] = &["司法厅", "司法局"];

/// Longest region name looked for when reading a chain backwards.
const MAX_REGION_CHARS: usize = 12;

impl AgencyResolver {
    pub fn new(rules: AgencyRules, gazetteer: Gazetteer) -> Self {
        let mut patterns = Vec::new();
        let mut pattern_kinds = Vec::new();
        let mut listed = Vec::new();
        for (index, agency) in rules.agency.into_iter().enumerate() {
            for alias in std::iter::once(&agency.name).chain(&agency.aliases) {
                patterns.push(alias.clone());
                pattern_kinds.push(PatternKind::Listed(index));
            }
            let level = agency.level.as_deref().and_then(AgencyLevel::parse).unwrap_or(AgencyLevel::National);
            listed.push(Agency { name: agency.name, path: Vec::new(), level });
        }
        for suffix in rules.patterns.suffixes {
            patterns.push(suffix.clone());
            pattern_kinds.push(PatternKind::Suffix(suffix));
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("agency patterns build");
        let mut region_names: Vec<String> = gazetteer.names().map(str::to_string).collect();
        region_names.sort();
        let regions = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&region_names)
            .expect("region names build");
        Self { gazetteer, listed, matcher, pattern_kinds, regions, region_names }
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every agency mention in `text`, in order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(text) {
            let rest = &text[m.end()..];
            match &self.pattern_kinds[m.pattern().as_usize()] {
                PatternKind::Listed(index) => {
                    // 司法部门 / 司法部署 are not 司法部.
                    if rest.starts_with(['门', '署', '分']) {
                        continue;
                    }
                    out.push(Mention { start: m.start(), end: m.end(), named: Named::Listed(*index) });
                }
                PatternKind::Suffix(suffix) => {
                    if rest.starts_with('长') && suffix.ends_with('局') {
                        continue; // 司法局长 is a person
                    }
                    let (chain, chain_start) = self.chain_before(&text[..m.start()]);
                    let generic = if chain.is_empty() { generic_prefix(&text[..m.start()]) } else { None };
                    if chain.is_empty() && generic.is_none() {
                        continue;
                    }
                    // 江苏监狱系统 is no agency: a short region name only
                    // names one with the core suffixes (山东司法厅).
                    let short_lead = chain.first().is_some_and(|name| !self.gazetteer.is_full_name(name));
                    if short_lead && !CORE_SUFFIXES.contains(&suffix.as_str()) {
                        continue;
                    }
                    let start =
                        if chain.is_empty() { m.start() - generic.map_or(0, char::len_utf8) } else { chain_start };
                    out.push(Mention {
                        start,
                        end: m.end(),
                        named: Named::Local { chain, generic, suffix: suffix.clone() },
                    });
                }
            }
        }
        out
    }

    /// Region names written immediately before byte `prefix.len()`, read
    /// backwards, returned outermost first with the byte where they start.
    fn chain_before(&self, prefix: &str) -> (Vec<String>, usize) {
        let mut chain = Vec::new();
        let mut end = prefix.len();
        while chain.len() < 3 {
            let starts: Vec<usize> =
                prefix[..end].char_indices().rev().take(MAX_REGION_CHARS).map(|(i, _)| i).collect();
            let found = starts.iter().rev().find(|&&start| {
                let candidate = &prefix[start..end];
                candidate.chars().count() >= 2 && !self.gazetteer.lookup(candidate).is_empty()
            });
            match found {
                Some(&start) => {
                    chain.push(prefix[start..end].to_string());
                    end = start;
                }
                None => break,
            }
        }
        chain.reverse();
        (chain, end)
    }

    /// The regions `text` mentions, for settling ambiguous or bare mentions.
    pub fn context(&self, text: &str) -> RegionContext {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for m in self.regions.find_iter(text) {
            for &code in self.gazetteer.lookup(&self.region_names[m.pattern().as_usize()]) {
                *counts.entry(code).or_default() += 1;
            }
        }
        RegionContext { counts }
    }

    /// Places a mention in the gazetteer and names it canonically.
    pub fn resolve(&self, mention: &Mention, context: &RegionContext) -> Option<Agency> {
        match &mention.named {
            Named::Listed(index) => Some(self.listed[*index].clone()),
            Named::Local { chain, generic, suffix } => {
                let division = if chain.is_empty() {
                    self.by_context(generic.as_ref()?, context)?
                } else {
                    self.place_chain(chain, context)?
                };
                Some(self.name_agency(division, suffix))
            }
        }
    }

    /// Resolves a whole string that should be an agency name (a `来源:`
    /// value, a signature line, a given metadata field).
    pub fn resolve_name(&self, text: &str, context: &RegionContext) -> Option<Agency> {
        let mentions = self.mentions(text);
        let first = mentions.iter().find(|m| m.is_explicit()).or(mentions.first())?;
        self.resolve(first, context)
    }

    /// A short line that is nothing but an agency name (a logo, a byline
    /// above a newspaper article, a signature).
    pub fn is_agency_line(&self, line: &str) -> bool {
        let line = &fold(line);
        let chars = line.chars().count();
        chars <= 24 && self.mentions(line).iter().any(|m| line[m.start..m.end].chars().count() * 10 >= chars * 7)
    }

    fn place_chain(&self, chain: &[String], context: &RegionContext) -> Option<&Division> {
        let (last, outer) = chain.split_last()?;
        self.gazetteer
            .lookup(last)
            .iter()
            .filter(|&&code| {
                outer.iter().all(|name| self.gazetteer.lookup(name).iter().any(|&a| self.gazetteer.is_within(code, a)))
            })
            .max_by_key(|&&code| (self.context_score(code, context), std::cmp::Reverse(code)))
            .and_then(|&code| self.gazetteer.get(code))
    }

    fn context_score(&self, code: u32, context: &RegionContext) -> u32 {
        self.gazetteer.path(code).iter().map(|d| context.counts.get(&d.code).copied().unwrap_or(0)).sum()
    }

    /// 省/市/区/县 with no name: the most mentioned division of that level.
    fn by_context(&self, generic: &char, context: &RegionContext) -> Option<&Division> {
        let wanted: &[AgencyLevel] = match generic {
            '省' => &[AgencyLevel::Provincial],
            '市' => &[AgencyLevel::City, AgencyLevel::Provincial],
            _ => &[AgencyLevel::County],
        };
        context
            .counts
            .iter()
            .filter_map(|(&code, &count)| Some((self.gazetteer.get(code)?, count)))
            .filter(|(d, _)| wanted.contains(&d.level))
            .filter(|(d, _)| *generic != '市' || d.level == AgencyLevel::City || d.name.ends_with('市'))
            .filter(|(d, _)| !matches!(generic, '区' | '县') || d.name.ends_with(*generic))
            .max_by_key(|(d, count)| (*count, d.level == AgencyLevel::City, std::cmp::Reverse(d.code)))
            .map(|(d, _)| d)
    }

    fn name_agency(&self, division: &Division, suffix: &str) -> Agency {
        let path: Vec<&Division> = self.gazetteer.path(division.code);
        let name = match division.level {
            AgencyLevel::County if !division.name.ends_with('市') && path.len() >= 2 => {
                format!("{}{}{}", path[path.len() - 2].name, division.name, suffix)
            }
            _ => format!("{}{}", division.name, suffix),
        };
        Agency { name, path: path.iter().map(|d| d.name.clone()).collect(), level: division.level }
    }
}

/// A lone 省/市/区/县 before a suffix ("省司法厅"), unless it is plural or
/// generic ("各市司法局", "全省司法行政").
fn generic_prefix(prefix: &str) -> Option<char> {
    let mut chars = prefix.chars().rev();
    let c = chars.next()?;
    if !matches!(c, '省' | '市' | '区' | '县') {
        return None;
    }
    match chars.next() {
        Some('各' | '全' | '外' | '本' | '该' | '县' | '区' | '市' | '省' | '两' | '等') => None,
        _ => Some(c),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn resolver() -> AgencyResolver {
        let rules: AgencyRules = toml::from_str(
            r#"
            [[agency]]
            name = "司法部"
            aliases = ["中华人民共和国司法部"]
            [[agency]]
            name = "国务院"
            aliases = ["中华人民共和国国务院"]
            [patterns]
            suffixes = ["司法厅", "司法局", "人民政府", "人民代表大会常务委员会", "监狱管理局"]
            "#,
        )
        .unwrap();
        let gazetteer = Gazetteer::new("code\tname\tparent_code\n370215\t即墨区\t370200\n").unwrap();
        AgencyResolver::new(rules, gazetteer)
    }

    fn resolve(text: &str, context_text: &str) -> Option<Agency> {
        let r = resolver();
        r.resolve_name(text, &r.context(context_text))
    }

    #[test]
    fn canonical_names_paths_and_levels() {
        let a = resolve("山东省司法厅", "").unwrap();
        assert_eq!(
            (a.name.as_str(), a.path.clone(), a.level),
            ("山东省司法厅", vec!["山东省".to_string()], AgencyLevel::Provincial)
        );
        let a = resolve("中共东昌府区司法局党组", "").unwrap();
        assert_eq!(a.name, "聊城市东昌府区司法局");
        assert_eq!(a.path, vec!["山东省", "聊城市", "东昌府区"]);
        assert_eq!(a.level, AgencyLevel::County);
        let a = resolve("（包头市司法局供稿）", "").unwrap();
        assert_eq!((a.name.as_str(), a.path.len()), ("包头市司法局", 2));
        assert_eq!(resolve("青岛市即墨区司法局", "").unwrap().name, "青岛市即墨区司法局");
        assert_eq!(resolve("中华人民共和国司法部", "").unwrap().level, AgencyLevel::National);
        assert_eq!(resolve("东营市人民代表大会常务委员会", "").unwrap().path, vec!["山东省", "东营市"]);
    }

    #[test]
    fn ambiguous_and_bare_mentions_use_the_document_context() {
        assert_eq!(resolve("西湖区司法局", "杭州市召开会议").unwrap().name, "杭州市西湖区司法局");
        assert_eq!(resolve("西湖区司法局", "南昌市召开会议").unwrap().name, "南昌市西湖区司法局");
        assert_eq!(resolve("省司法厅", "陕西省召开会议").unwrap().name, "陕西省司法厅");
        assert_eq!(resolve("市司法局", "北京市朝阳区").unwrap().name, "北京市司法局");
        assert!(resolve("各市司法局", "陕西省").is_none());
    }

    #[test]
    fn not_every_suffix_is_an_agency() {
        let r = resolver();
        assert!(r.mentions("各级司法部门要加强协作").is_empty());
        assert!(r.mentions("全省司法行政系统").is_empty());
    }
}
