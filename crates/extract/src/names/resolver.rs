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
//! Placing names in the gazetteer is in [`places`]. This file still runs
//! past 500 lines because recognising a mention (places read backwards,
//! townships, prisons and other named institutions, party committees, bare
//! 省/市/区/县) and naming it canonically are one concern, with its tests.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use sifa_model::AgencyLevel;

use sifa_fold::fold;

use crate::names::gazetteer::{Division, Gazetteer};

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

/// Suffixes that name an agency even after a short region name.
const CORE_SUFFIXES: &[&str] = &["司法厅", "司法局"];

/// Institutions named after their place as people shorten it, with a
/// name of their own: prisons and drug rehabilitation centres (毕节监狱,
/// 南汇监狱), which the province runs, and notary offices (广州公证处,
/// 杨浦公证处: a 公证机构 takes its place's name). Named as written, after
/// the province (see [`Named::Prison`]).
const NAMED_AFTER_PLACE: &[&str] = &["监狱", "戒毒所", "强制隔离戒毒所", "未成年犯管教所", "公证处"];

/// A province's prisons and rehabilitation centres are run by its
/// administrations: 河南省监狱 and 省监狱 name 河南省监狱管理局.
const PROVINCIAL_ADMINISTRATIONS: &[(&str, &str)] = &[("监狱", "监狱管理局"), ("戒毒所", "戒毒管理局")];

/// Bodies with a name of their own between their place and their suffix,
/// named as written: a leading group or its office
/// (某区推进法治政府建设工作领导小组), a mediation committee
/// (某街道人民调解委员会).
const NAMED_BODY_SUFFIXES: &[&str] = &["领导小组", "领导小组办公室", "人民调解委员会"];
/// Longest own name read between a place and such a suffix, in characters.
const MAX_OWN_NAME_CHARS: usize = 16;

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

    /// Every agency mention in `text`, in order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(text) {
            let rest = &text[m.end()..];
            match &self.pattern_kinds[m.pattern().as_usize()] {
                PatternKind::Listed(index) => {
                    // 司法部门 / 司法部署 are not 司法部, and 司法部长 is a
                    // person (another country's minister, as Chinese writes
                    // its own as 司法部部长).
                    if rest.starts_with(['门', '署', '分', '长']) {
                        continue;
                    }
                    // 美国司法部 is another country's, and so is the
                    // 司法部 of 美国国土安全部主导，司法部协助调查.
                    if self.is_foreign(&text[..m.start()]) {
                        continue;
                    }
                    out.push(Mention { start: m.start(), end: m.end(), named: Named::Listed(*index) });
                }
                PatternKind::Suffix(suffix) => {
                    if rest.starts_with('长') && suffix.ends_with('局') {
                        continue; // 司法局长 is a person
                    }
                    if let Some(mention) = self.local_mention(text, m.start(), m.end(), suffix) {
                        out.push(mention);
                    }
                }
            }
        }
        out
    }

    /// A local body named by `suffix` at `start..end`, with the places
    /// written before it.
    /// Whether a national body named after `before` is another country's:
    /// a country's name stands right before it, or earlier in its sentence
    /// (in full: the one-character 美/英/韩 also open ordinary words) with
    /// no word of China's own after it (中美两国司法部 names both).
    fn is_foreign(&self, before: &str) -> bool {
        if self.foreign.iter().any(|f| before.ends_with(f.as_str())) {
            return true;
        }
        let sentence = before.rfind(SENTENCE_ENDS).map_or(before, |at| &before[at..]);
        let Some(at) =
            self.foreign.iter().filter(|f| f.chars().count() >= 2).filter_map(|f| sentence.rfind(f.as_str())).max()
        else {
            return false;
        };
        !OWN_COUNTRY.iter().any(|own| sentence[at..].contains(own))
    }

    fn local_mention(&self, text: &str, start: usize, end: usize, suffix: &str) -> Option<Mention> {
        let (chain, chain_start) = self.chain_before(&text[..start]);
        // 中共某省委员会: a party committee, named only with its full place and 中共.
        if suffix == "委员会" {
            let party =
                !chain.is_empty() && self.gazetteer.is_full_name(&chain[0]) && text[..chain_start].ends_with("中共");
            let name = format!("中共{}", &text[chain_start..end]);
            return party.then_some(Mention { start: chain_start, end, named: Named::Institution { chain, name } });
        }
        let generic = if chain.is_empty() { generic_prefix(&text[..start], suffix) } else { None };
        if chain.is_empty() && generic.is_none() {
            return self
                .after_a_county_base(text, start, end, suffix)
                .or_else(|| self.behind_a_name(text, start, end, suffix));
        }
        let short_lead = chain.first().is_some_and(|name| !self.gazetteer.is_full_name(name));
        if NAMED_AFTER_PLACE.contains(&suffix)
            && let Some(named) = self.prison(text, &chain, chain_start, end, short_lead)
        {
            return named.map(|named| Mention { start: chain_start, end, named });
        }
        // 河南省监狱, 省监狱: the province's prison administration.
        let province_only = match chain.as_slice() {
            [only] => self.gazetteer.lookup(only).iter().any(|&c| c % 10_000 == 0),
            [] => generic == Some('省'),
            _ => false,
        };
        let suffix = match PROVINCIAL_ADMINISTRATIONS.iter().find(|(s, _)| *s == suffix) {
            Some((_, administration)) if province_only => *administration,
            _ => suffix,
        };
        // 江苏监狱系统 is no agency: a short region name only names one with
        // the core suffixes (山东司法厅).
        if short_lead && !CORE_SUFFIXES.contains(&suffix) {
            return None;
        }
        let generic_len = match generic {
            Some(_) if text[..start].ends_with("自治区") => "自治区".len(),
            // 林区司法局: a 林区 is a county-level division of its own kind.
            Some(_) if text[..start].ends_with("林区") => "林区".len(),
            Some(_) if generic_prefix_is_bare(&text[..start]) => 0,
            Some(g) => g.len_utf8(),
            None => 0,
        };
        let mention_start = if chain.is_empty() { start - generic_len } else { chain_start };
        Some(Mention { start: mention_start, end, named: Named::Local { chain, generic, suffix: suffix.to_string() } })
    }

    /// A prison named by the place written right before its suffix, when
    /// the place is short or follows its province: 毕节监狱 and 贵州毕节监狱
    /// are 贵州省毕节监狱, 河南省洛阳监狱 stays so. `Some(None)` when the
    /// words name no prison (江苏监狱系统: a province's prisons); `None`
    /// when the mention is an ordinary local body (葫芦岛市强制隔离戒毒所).
    fn prison(
        &self,
        text: &str,
        chain: &[String],
        chain_start: usize,
        end: usize,
        short_lead: bool,
    ) -> Option<Option<Named>> {
        let first = chain.first()?;
        let province_first = self.gazetteer.lookup(first).iter().any(|&code| code % 10_000 == 0);
        match (province_first, short_lead, chain.len()) {
            // 江苏监狱: the province's prisons, no one prison.
            (true, true, 1) => Some(None),
            // 河南省监狱: the province's administration (see local_mention).
            (true, false, 1) => None,
            // 贵州毕节监狱, 河南省洛阳监狱: the rest after the province.
            (true, _, _) => {
                let rest = text[chain_start + first.len()..end].to_string();
                Some(Some(Named::Prison { chain: chain.to_vec(), rest }))
            }
            // 毕节监狱: a short city opens the prison's own name.
            (false, true, _) => {
                Some(Some(Named::Prison { chain: chain.to_vec(), rest: text[chain_start..end].to_string() }))
            }
            (false, false, _) => None,
        }
    }

    /// A 司法所 behind its township (某县某某镇司法所: the county's bureau),
    /// or an institution behind a name of its own (某省某某强制隔离戒毒所).
    fn behind_a_name(&self, text: &str, start: usize, end: usize, suffix: &str) -> Option<Mention> {
        let before = &text[..start];
        let named_body = NAMED_BODY_SUFFIXES.contains(&suffix);
        let window = if named_body { MAX_OWN_NAME_CHARS } else { 10 };
        let offsets: Vec<usize> = before.char_indices().rev().take(window).map(|(i, _)| i).collect();
        for &cut in offsets.iter().skip(1) {
            let name = &before[cut..];
            if !name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                break;
            }
            // A body's own name is a name, not a phrase (某村的村委会主任兼…).
            if named_body && name.contains(['的', '兼', '和', '与', '及', '、', '，', ',', '是', '为']) {
                break;
            }
            let township = ["镇", "乡", "街道", "苏木"].iter().any(|t| name.ends_with(t));
            let institution = NAMED_AFTER_PLACE.contains(&suffix);
            if !(institution || named_body || (township && suffix == "司法所")) {
                continue;
            }
            let (chain, chain_start) = self.chain_before(&before[..cut]);
            // 广东省某监狱 read at 省某: the place is 广东省, not 广东.
            let level_cut_off = chain
                .last()
                .zip(name.chars().next())
                .is_some_and(|(last, first)| self.gazetteer.is_full_name(&format!("{last}{first}")));
            if level_cut_off {
                continue;
            }
            if institution {
                // 新疆第三监狱, 省女子监狱: a short or bare province opens it.
                let short = chain.first().is_some_and(|name| !self.gazetteer.is_full_name(name));
                let bare = chain.is_empty() && generic_prefix(&before[..cut], suffix) == Some('省');
                if short || bare {
                    let (start, rest) = match chain.first() {
                        Some(first) if self.gazetteer.lookup(first).iter().any(|&c| c % 10_000 == 0) => {
                            (chain_start, &text[chain_start + first.len()..end])
                        }
                        Some(_) => (chain_start, &text[chain_start..end]),
                        None => (cut - '省'.len_utf8(), &text[cut..end]),
                    };
                    return Some(Mention { start, end, named: Named::Prison { chain, rest: rest.to_string() } });
                }
            }
            // One place must be written in full; two or more settle each other.
            if chain.is_empty() || (chain.len() == 1 && !self.gazetteer.is_full_name(&chain[0])) {
                continue;
            }
            let named = if suffix == "司法所" {
                Named::Local { chain, generic: None, suffix: "司法局".to_string() }
            } else {
                Named::Institution { chain, name: text[chain_start..end].to_string() }
            };
            return Some(Mention { start: chain_start, end, named });
        }
        None
    }

    /// An institution named after a county's short form (杨浦公证处,
    /// 南汇监狱): named as written after its province, when exactly one
    /// county has that short form.
    fn after_a_county_base(&self, text: &str, start: usize, end: usize, suffix: &str) -> Option<Mention> {
        if !NAMED_AFTER_PLACE.contains(&suffix) {
            return None;
        }
        let before = &text[..start];
        let cuts: Vec<usize> = before.char_indices().rev().take(3).map(|(i, _)| i).collect();
        cuts.iter().rev().filter(|&&cut| before[cut..].chars().count() >= 2).find_map(|&cut| {
            let [code] = self.county_bases.get(&before[cut..])?.as_slice() else { return None };
            let county = self.gazetteer.get(*code)?.name.clone();
            let named = Named::Prison { chain: vec![county], rest: text[cut..end].to_string() };
            // The mention spans the places written before the short form (上海市南汇监狱).
            let (outer, outer_start) = self.chain_before(&before[..cut]);
            let start = if outer.is_empty() { cut } else { outer_start };
            Some(Mention { start, end, named })
        })
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

/// A lone 省/市/区/县 before a suffix ("省司法厅"), unless it is plural or
/// generic ("各市司法局", "全省司法行政", "直辖市司法厅"). 自治区 stands for
/// a province, and so does a bare 司法厅 (a 厅 is always provincial).
fn generic_prefix(prefix: &str, suffix: &str) -> Option<char> {
    if prefix.ends_with("自治区") {
        return (!prefix.ends_with("各自治区")).then_some('省');
    }
    if suffix == "司法厅" && generic_prefix_is_bare(prefix) {
        return Some('省');
    }
    let mut chars = prefix.chars().rev();
    let c = chars.next()?;
    if !matches!(c, '省' | '市' | '区' | '县') {
        return None;
    }
    match chars.next() {
        Some('各' | '全' | '外' | '本' | '该' | '县' | '区' | '市' | '省' | '两' | '等' | '辖') => None,
        // 各市、县司法局 lists levels; 某某、区司法局某某 lists people.
        Some('、') if chars.next().is_some_and(|c| matches!(c, '省' | '市' | '区' | '县')) => None,
        _ => Some(c),
    }
}

/// Whether nothing that names a place stands before a suffix: the start of
/// the text, punctuation, or a word that introduces a body (由司法厅牵头).
fn generic_prefix_is_bare(prefix: &str) -> bool {
    match prefix.chars().next_back() {
        None => true,
        Some(c) if !('\u{4e00}'..='\u{9fff}').contains(&c) => !matches!(c, ')' | '）'),
        Some(c) => "由经向对与和及是为在据从".contains(c),
    }
}

/// What ends a sentence, for reading a mention's sentence back to its start.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '\n', '!', '?', ';'];
/// Words of China's own that make a sentence's national bodies its own.
const OWN_COUNTRY: &[&str] = &["中国", "我国", "中方", "我方", "国内", "中华人民共和国"];

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
            foreign_prefixes = ["美国", "两国", "美", "英"]
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

    #[test]
    fn another_countrys_ministry_is_not_ours() {
        let r = resolver();
        assert!(r.mentions("调查由美国国土安全部主导，司法部和联邦调查局协助调查").is_empty());
        assert!(r.mentions("美国司法部起诉").is_empty());
        assert_eq!(r.mentions("美国总统访华。司法部召开会议").len(), 1, "a new sentence");
        assert_eq!(r.mentions("美国代表团访问中国，司法部部长会见代表团").len(), 1, "the sentence names China after");
        assert_eq!(r.mentions("英雄模范表彰大会上，司法部部长讲话").len(), 1, "英 of 英雄 is no country");
    }
}
