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
//!
//! Recognising a mention (places read backwards, townships, prisons and
//! other named institutions, party committees, bare 省/市/区/县) is in
//! [`mentions`]; placing names in the gazetteer in [`places`]; naming them
//! canonically here.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use sifa_model::AgencyLevel;

use sifa_fold::fold;

use crate::names::gazetteer::{Division, Gazetteer};

mod mentions;
mod places;

/// `data/agencies.toml`: national bodies and the suffixes of local ones.
#[derive(Debug, Deserialize)]
pub struct AgencyRules {
    #[serde(default)]
    pub agency: Vec<NationalAgency>,
    pub patterns: AgencyPatterns,
    /// Sites a body publishes in its own name (see [`super::fallback`]).
    #[serde(default)]
    pub publisher: Vec<Publisher>,
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
    /// Names of other countries: 美国司法部 is not 司法部.
    #[serde(default)]
    pub foreign_prefixes: Vec<String>,
    /// The canonical form of a suffix written short (人大常委会 →
    /// 人民代表大会常务委员会); `{}` stands for the place when the name
    /// does not start with it (委政法委 → 中共{}委员会政法委员会).
    #[serde(default)]
    pub canonical: HashMap<String, String>,
}

/// `[[publisher]]` in `data/agencies.toml`: a body that publishes a site.
#[derive(Debug, Clone, Deserialize)]
pub struct Publisher {
    pub name: String,
    /// Hosts of its site; subdomains count (`www.news.gov.hk`).
    pub hosts: Vec<String>,
    /// The region it belongs to, when it has one (香港特别行政区).
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub level: Option<String>,
    /// A news service that writes what it publishes (a government's news
    /// office): its name outranks the bodies a story is about.
    #[serde(default)]
    pub own_stories: bool,
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
    /// An institution with a name of its own between its region and its
    /// suffix (某省某某强制隔离戒毒所): named as written.
    Institution { chain: Vec<String>, name: String },
    /// A prison or a drug rehabilitation centre written with a short place
    /// (新疆第三监狱, 毕节监狱) or a bare 省 (省女子监狱): the province runs
    /// it and opens its name, so it is named by the province's full name and
    /// the rest as written. An empty chain is placed by the page's province.
    Prison { chain: Vec<String>, rest: String },
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
            Named::Listed(_) | Named::Institution { .. } => true,
            Named::Local { chain, .. } | Named::Prison { chain, .. } => !chain.is_empty(),
        }
    }
}

/// Counts of the regions a document mentions, used to settle ambiguity.
#[derive(Debug, Default, Clone)]
pub struct RegionContext {
    pub(crate) counts: HashMap<u32, u32>,
}

impl RegionContext {
    /// Counts a place (and the places it lies in) `weight` more times.
    pub fn add(&mut self, gazetteer: &Gazetteer, code: u32, weight: u32) {
        for division in gazetteer.path(code) {
            *self.counts.entry(division.code).or_default() += weight;
        }
    }
}

/// Recognises and resolves agency mentions.
pub struct AgencyResolver {
    gazetteer: Gazetteer,
    sites: super::site::SiteIndex,
    foreign: Vec<String>,
    /// Counties by the short form of their names (新野 for 新野县).
    county_bases: HashMap<String, Vec<u32>>,
    listed: Vec<Agency>,
    /// Patterns: national names and aliases, then local suffixes.
    matcher: AhoCorasick,
    pattern_kinds: Vec<PatternKind>,
    regions: AhoCorasick,
    region_names: Vec<String>,
    canonical: HashMap<String, String>,
    publishers: Vec<Publisher>,
}

#[derive(Debug, Clone)]
enum PatternKind {
    Listed(usize),
    Suffix(String),
}

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
        for suffix in rules.patterns.suffixes.clone() {
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
        let sites = super::site::SiteIndex::new(&gazetteer);
        let foreign = rules.patterns.foreign_prefixes.clone();
        let canonical = rules.patterns.canonical;
        let publishers = rules.publisher;
        let mut county_bases: HashMap<String, Vec<u32>> = HashMap::new();
        for division in gazetteer.divisions().filter(|d| d.level == AgencyLevel::County) {
            let base = super::gazetteer::base_name(division);
            if base != division.name && base.chars().count() >= 2 {
                county_bases.entry(base).or_default().push(division.code);
            }
        }
        Self {
            gazetteer,
            sites,
            foreign,
            county_bases,
            listed,
            matcher,
            pattern_kinds,
            regions,
            region_names,
            canonical,
            publishers,
        }
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Sites bodies publish in their own name.
    pub fn publishers(&self) -> &[Publisher] {
        &self.publishers
    }

    /// What a page address says about its owner (see [`super::Site`]).
    pub fn site(&self, url: &str, context: &RegionContext) -> super::site::Site {
        self.sites.read(url, &self.gazetteer, &context.counts)
    }

    /// Places a mention in the gazetteer and names it canonically.
    pub fn resolve(&self, mention: &Mention, context: &RegionContext) -> Option<Agency> {
        match &mention.named {
            Named::Listed(index) => Some(self.listed[*index].clone()),
            Named::Institution { chain, name } => {
                let division = self.place_chain(chain, context)?;
                let path: Vec<&Division> = self.gazetteer.path(division.code);
                // A county's body carries its city, as bureaus do (东湖区… → 南昌市东湖区…).
                let city = match (chain.as_slice(), path.as_slice()) {
                    ([county], [.., city, own]) if own.level == AgencyLevel::County && !own.name.ends_with('市') => {
                        name.starts_with(county.as_str()).then_some(city.name.as_str())
                    }
                    _ => None,
                };
                Some(Agency {
                    name: format!("{}{name}", city.unwrap_or_default()),
                    path: path.iter().map(|d| d.name.clone()).collect(),
                    level: division.level,
                })
            }
            Named::Prison { chain, rest } => {
                let division = if chain.is_empty() {
                    self.by_context(&'省', context)?
                } else {
                    self.place_chain(chain, context)?
                };
                let path: Vec<&Division> = self.gazetteer.path(division.code);
                Some(Agency {
                    name: format!("{}{rest}", path.first()?.name),
                    path: path.iter().map(|d| d.name.clone()).collect(),
                    level: division.level,
                })
            }
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

    /// The body `suffix` of a division, named canonically (河北省 +
    /// 人民政府 → 河北省人民政府; a district carries its city).
    pub fn name_division(&self, division: &Division, suffix: &str) -> Agency {
        self.name_agency(division, suffix)
    }

    fn name_agency(&self, division: &Division, suffix: &str) -> Agency {
        // 人大常委会 is 人民代表大会常务委员会; a 司法所 is the county
        // bureau's office, so the bureau is the body (see agencies.toml).
        let suffix = self.canonical.get(suffix).map_or(suffix, String::as_str);
        // A province's bureau is a 厅 (a municipality's stays a 局).
        let provincial = division.level == AgencyLevel::Provincial && !division.name.ends_with('市');
        let suffix = if provincial && suffix == "司法局" { "司法厅" } else { suffix };
        let path: Vec<&Division> = self.gazetteer.path(division.code);
        let place = match division.level {
            // A county-level division directly under its province (神农架林区,
            // 仙桃市) has no city to carry.
            AgencyLevel::County
                if !division.name.ends_with('市')
                    && path.len() >= 2
                    && (path[path.len() - 2].level == AgencyLevel::City
                        || path[path.len() - 2].name.ends_with('市')) =>
            {
                format!("{}{}", path[path.len() - 2].name, division.name)
            }
            _ => division.name.clone(),
        };
        let name = if suffix.contains("{}") { suffix.replace("{}", &place) } else { format!("{place}{suffix}") };
        Agency { name, path: path.iter().map(|d| d.name.clone()).collect(), level: division.level }
    }
}

#[cfg(test)]
pub(crate) mod tests;
