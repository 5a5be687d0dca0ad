//! What a page's address says about who published it.
//!
//! Government sites name their owner in the host and the path:
//! `sft.<province>.gov.cn` is a provincial 司法厅, `sfj.<city>.gov.cn` a city
//! 司法局, `<county>.gov.cn` a county's portal, and path segments such as
//! `ssfj` (市司法局), `qsfj` (区司法局), `hlxsfj` (the initials of a county
//! and 县 before 司法局), `xxqzf` (a district's government) or `qbgs` (its
//! office) name a department. Place labels are read against the GB/T 2260
//! gazetteer by full pinyin (`linyi`, `changsha`) and by initials (`lyg`
//! for 连云港, `dch` for 东城 with zh/ch/sh kept as two letters), computed
//! with the `pinyin` crate for every division, with each reading of a
//! character that has several (长 chang/zhang, 重 chong/zhong). Two places
//! in one label must nest (`tjwq`: 天津 then 武清 inside it, `nbhs`: 宁波 then
//! 海曙), which settles most short initials; what stays ambiguous is settled
//! by the places the text names, or left unread.
//!
//! Only `.gov.cn` hosts are official. On other hosts a subdomain that spells
//! a county in full (`panyu.` for 番禺) is a weak hint that helps place a
//! bare 区司法局, and a path segment that names a government (`…rmzf`, as
//! mirrors copy a portal's paths) still counts; nothing else does.
//!
//! The file runs a little past 500 lines because the pinyin index, the
//! reading of labels and the settling of ambiguous places share one table
//! of spellings and are one concern: what an address says.

use std::collections::HashMap;

use pinyin::ToPinyinMulti;
use sifa_model::AgencyLevel;

use crate::names::gazetteer::{Division, Gazetteer, base_name};

/// Most readings combined per name.
const MAX_READINGS: usize = 16;

/// Who a site belongs to, by the department words of its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerKind {
    /// sft, sfj, sf, justice: a 司法厅 or 司法局.
    Justice,
    /// bgs: a government's office (人民政府办公室).
    Office,
    /// zf, rmzf, gov or a bare place host: a government (its portal).
    Government,
    /// rd: a people's congress.
    Congress,
    /// jyj: a province's prison administration (监狱管理局).
    Prisons,
    /// jdj: a province's drug rehabilitation administration (戒毒管理局).
    Rehabilitation,
}

impl OwnerKind {
    /// A short stable name, for evidence rules (`site:justice`).
    pub fn as_str(self) -> &'static str {
        match self {
            OwnerKind::Justice => "justice",
            OwnerKind::Office => "office",
            OwnerKind::Government => "government",
            OwnerKind::Congress => "congress",
            OwnerKind::Prisons => "prisons",
            OwnerKind::Rehabilitation => "rehabilitation",
        }
    }
}

/// What an address says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Site {
    /// The host ends in `.gov.cn`.
    pub official: bool,
    /// Places the address names, each with its weight as region context.
    pub regions: Vec<(u32, u32)>,
    /// The owner: a place and the kind of body, when the address names both.
    pub owner: Option<(u32, OwnerKind)>,
}

/// Department words of hosts and paths, by the body they name.
const DEPARTMENTS: &[(&str, OwnerKind)] = &[
    ("sfting", OwnerKind::Justice),
    ("justice", OwnerKind::Justice),
    ("sfxz", OwnerKind::Justice),
    ("sfj", OwnerKind::Justice),
    ("sft", OwnerKind::Justice),
    ("sf", OwnerKind::Justice),
    ("zfbgs", OwnerKind::Office),
    ("bgs", OwnerKind::Office),
    ("rmzfw", OwnerKind::Government),
    ("rmzf", OwnerKind::Government),
    ("zfwz", OwnerKind::Government),
    ("zfw", OwnerKind::Government),
    ("zf", OwnerKind::Government),
    ("gov", OwnerKind::Government),
    ("rdcwh", OwnerKind::Congress),
    ("rd", OwnerKind::Congress),
    ("jyj", OwnerKind::Prisons),
    ("jyglj", OwnerKind::Prisons),
    ("jdj", OwnerKind::Rehabilitation),
    ("jdglj", OwnerKind::Rehabilitation),
];

/// Level words after a place: 省/市 (s, sheng, shi), 区 (q, qu), 县 (x, xian).
const LEVEL_WORDS: &[(&str, char)] =
    &[("sheng", '省'), ("shi", '市'), ("xian", '县'), ("qu", '区'), ("s", '市'), ("q", '区'), ("x", '县')];

/// Words of site names after a place on other hosts (`xnwenming` for
/// 休宁文明网, `xxfazhi`, `xxnews`).
const SITE_WORDS: &[&str] = &["wenming", "fazhi", "news", "fzw", "fz", "rb", "tv"];

/// Labels that say nothing about the owner.
const NOISE_LABELS: &[&str] =
    &["www", "m", "wap", "app", "xxgk", "zwgk", "service", "news", "web", "cn", "com", "net", "org"];

/// Place names by their pinyin spellings.
#[derive(Debug, Default)]
pub struct SiteIndex {
    by_key: HashMap<String, Vec<u32>>,
    /// Every division's ancestors, to check that two places nest.
    ancestors: HashMap<u32, Vec<u32>>,
}

impl SiteIndex {
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let mut by_key: HashMap<String, Vec<u32>> = HashMap::new();
        // A renamed division replaces the old code of the same place.
        let mut current: HashMap<(Option<u32>, String), u32> = HashMap::new();
        for division in gazetteer.divisions() {
            let base = base_name(division);
            if base.chars().count() < 2 {
                continue;
            }
            // Newer first: renamed over current over abolished.
            let rank = |code: u32| (gazetteer.is_renamed(code), !gazetteer.is_historic(code));
            let slot = current.entry((division.parent, base.clone())).or_insert(division.code);
            let (new, old) =
                ((rank(division.code), std::cmp::Reverse(division.code)), (rank(*slot), std::cmp::Reverse(*slot)));
            if new > old {
                *slot = division.code;
            }
        }
        for ((_, base), code) in current {
            for key in spellings(&base, code) {
                by_key.entry(key).or_default().push(code);
            }
        }
        for codes in by_key.values_mut() {
            codes.sort_unstable();
            codes.dedup();
        }
        let ancestors = gazetteer
            .divisions()
            .map(|d| (d.code, gazetteer.path(d.code).iter().map(|a| a.code).filter(|&a| a != d.code).collect()))
            .collect();
        Self { by_key, ancestors }
    }

    fn lookup(&self, key: &str) -> &[u32] {
        self.by_key.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Reads a page address. `text_places` counts the places the page's
    /// text names, to settle an ambiguous label.
    pub fn read(&self, url: &str, gazetteer: &Gazetteer, text_places: &HashMap<u32, u32>) -> Site {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
        let official = host.ends_with(".gov.cn");
        let mut labels: Vec<Label> = Vec::new();
        let mut confirmed: Vec<u32> = Vec::new();
        // Host labels, the outermost place first: `sfj.linyi` names 临沂.
        // Labels may join words with hyphens (`m-shennongjia`).
        let brand = (!official).then(|| brand_label(&host)).flatten();
        for (dotted, label) in host
            .trim_end_matches(".gov.cn")
            .split('.')
            .rev()
            .flat_map(|dotted| dotted.split('-').rev().map(move |word| (dotted, word)))
        {
            if !label.chars().all(|c| c.is_ascii_lowercase()) || NOISE_LABELS.contains(&label) {
                continue;
            }
            if let Some(l) = self.parse(label) {
                // Off government hosts only a place spelled in full is read,
                // and only in a subdomain: the registered name is the site's
                // brand (`sina` is no 思南).
                if official || (l.department.is_none() && l.full_spelling && Some(dotted) != brand) {
                    labels.push(Label { from_host: true, ..l });
                    continue;
                }
            }
            if !official && let Some(code) = self.confirmed_site_place(label, gazetteer, text_places) {
                confirmed.push(code);
            }
        }
        let path = path.split(['?', '#']).next().unwrap_or("");
        let segments: Vec<&str> = path.split('/').collect();
        for segment in &segments[..segments.len().saturating_sub(1)] {
            for word in segment.split(|c: char| !c.is_ascii_alphabetic()) {
                let word = word.to_ascii_lowercase();
                if word.len() < 2 || NOISE_LABELS.contains(&word.as_str()) {
                    continue;
                }
                if let Some(l) = self.parse(&word).filter(|l| l.department.is_some()) {
                    labels.push(l);
                }
            }
        }
        let chosen = settle(&labels, gazetteer, text_places);
        let mut site = Site { official, ..Site::default() };
        site.regions.extend(confirmed.iter().map(|&code| (code, 2)));
        let mut deepest: Option<u32> = None;
        for (label, code) in labels.iter().zip(&chosen) {
            let Some(code) = *code else { continue };
            let strong = official || !label.from_host;
            if strong {
                site.regions.push((code, 5));
                if deepest.is_none_or(|d| gazetteer.is_within(code, d)) {
                    deepest = Some(code);
                }
            } else if gazetteer.get(code).is_some_and(|d| d.level == AgencyLevel::County) {
                // Off government hosts a subdomain hint places counties only.
                site.regions.push((code, 2));
            }
        }
        // The most specific department the address names: justice over an
        // office over a government; the last of a kind.
        let rank = |kind: OwnerKind| match kind {
            OwnerKind::Justice | OwnerKind::Prisons | OwnerKind::Rehabilitation => 0,
            OwnerKind::Office => 1,
            OwnerKind::Government => 2,
            OwnerKind::Congress => 3,
        };
        for (label, code) in labels.iter().zip(&chosen) {
            let Some(kind) = label.department else { continue };
            let place = if official { (*code).or(deepest) } else { *code };
            let Some(place) = place else { continue };
            if site.owner.is_none_or(|(_, k)| rank(kind) <= rank(k)) {
                site.owner = Some((place, kind));
            }
        }
        if site.owner.is_none() && official {
            site.owner = deepest.map(|code| (code, OwnerKind::Government));
        }
        site
    }

    /// A place a site's name spells before a site word (`th` + `wenming`),
    /// on a host that is not a government's: read only when the page names
    /// the place's parent (the crumb 安庆文明网 for 太湖) and no other place
    /// of that spelling lies in a named parent.
    fn confirmed_site_place(&self, label: &str, gazetteer: &Gazetteer, text_places: &HashMap<u32, u32>) -> Option<u32> {
        let place = SITE_WORDS.iter().find_map(|w| label.strip_suffix(w).filter(|rest| rest.len() >= 2))?;
        let in_named_parent: Vec<u32> = self
            .lookup(place)
            .iter()
            .copied()
            .filter(|&code| {
                gazetteer.get(code).and_then(|d| d.parent).is_some_and(|p| text_places.get(&p).is_some_and(|&n| n > 0))
            })
            .collect();
        if let [only] = in_named_parent.as_slice() { Some(*only) } else { None }
    }

    /// Reads one label or path word: places (one, or two nested), an
    /// optional level word, an optional department word.
    fn parse(&self, word: &str) -> Option<Label> {
        for (department, kind) in DEPARTMENTS {
            if word == *department {
                return Some(Label { department: Some(*kind), ..Label::default() });
            }
        }
        let mut best: Option<Label> = None;
        // Department word at the end (plxsfj) or at the start (sfjxxgk).
        let mut splits: Vec<(&str, Option<OwnerKind>, usize)> = vec![(word, None, 0)];
        for (department, kind) in DEPARTMENTS {
            if let Some(rest) = word.strip_suffix(department).filter(|r| !r.is_empty()) {
                splits.push((rest, Some(*kind), department.len()));
            }
            if word.starts_with(department) && word.len() > department.len() {
                return Some(Label { department: Some(*kind), ..Label::default() });
            }
        }
        let mut best_rank = (false, 0, false, 0);
        for (places, department, department_len) in splits {
            if let Some(mut label) = self.places(places) {
                label.department = department;
                // The longest department word (rmzf over zf), then a whole
                // spelling, then more places.
                let rank = (department.is_some(), department_len, label.full_spelling, label.keys);
                if best.is_none() || rank > best_rank {
                    best = Some(label);
                    best_rank = rank;
                }
            } else if department.is_some()
                && let Some(level) = level_only(places)
            {
                // `ssfj`: the host's own place, at this level.
                return Some(Label { department, level: Some(level), ..Label::default() });
            }
        }
        best
    }

    /// Splits letters into one or two place keys and a level word.
    fn places(&self, letters: &str) -> Option<Label> {
        let mut options: Vec<Label> = Vec::new();
        let mut try_split = |places: &str, level: Option<char>| {
            let full = self.lookup(places);
            if !full.is_empty() {
                options.push(Label {
                    codes: vec![full.to_vec()],
                    level,
                    full_spelling: places.len() >= 4 && is_full_spelling(places),
                    keys: 1,
                    ..Label::default()
                });
            }
            for cut in 2..places.len().saturating_sub(1) {
                let (outer, inner) = places.split_at(cut);
                let (outer_codes, inner_codes) = (self.lookup(outer), self.lookup(inner));
                let nested: Vec<u32> = inner_codes
                    .iter()
                    .copied()
                    .filter(|c| self.ancestors.get(c).is_some_and(|a| a.iter().any(|o| outer_codes.contains(o))))
                    .collect();
                if !nested.is_empty() {
                    options.push(Label {
                        codes: vec![outer_codes.to_vec(), nested],
                        level,
                        keys: 2,
                        ..Label::default()
                    });
                }
            }
        };
        try_split(letters, None);
        for (word, level) in LEVEL_WORDS {
            if let Some(places) = letters.strip_suffix(word).filter(|p| p.len() >= 2) {
                try_split(places, Some(*level));
            }
        }
        // Prefer a whole spelling (shanxi, not shan+xi), then readings with
        // more places, then with a level word.
        options.into_iter().max_by_key(|l| (l.full_spelling, l.keys, l.level.is_some()))
    }
}

/// The label a site registered under its public suffix (`example` of
/// `news.example.com.cn`): the site's brand rather than a place.
fn brand_label(host: &str) -> Option<&str> {
    let labels: Vec<&str> = host.split('.').collect();
    let second_level = ["com", "net", "org", "edu", "ac", "gov"];
    let suffix_labels = match labels.as_slice() {
        [.., second, "cn"] if second_level.contains(second) => 2,
        _ => 1,
    };
    labels.len().checked_sub(suffix_labels + 1).map(|i| labels[i])
}

/// One parsed label.
#[derive(Debug, Clone, Default)]
struct Label {
    /// Candidate codes for each place named, outermost first.
    codes: Vec<Vec<u32>>,
    level: Option<char>,
    department: Option<OwnerKind>,
    /// The place was spelled in full pinyin, not by initials.
    full_spelling: bool,
    keys: usize,
    from_host: bool,
}

fn level_only(letters: &str) -> Option<char> {
    LEVEL_WORDS.iter().find(|(word, _)| *word == letters).map(|(_, level)| *level)
}

/// Whether letters read as whole pinyin syllables (`linyi`) rather than
/// initials (`ly`): they hold a vowel after most consonants.
fn is_full_spelling(letters: &str) -> bool {
    letters.chars().filter(|c| "aeiouv".contains(*c)).count() * 3 >= letters.len()
}

/// Picks one code for every label, consistent with the others: the same
/// place read from another label, a place nesting with another label's,
/// or one the text names.
fn settle(labels: &[Label], gazetteer: &Gazetteer, text_places: &HashMap<u32, u32>) -> Vec<Option<u32>> {
    let candidates: Vec<Vec<u32>> = labels
        .iter()
        .map(|label| {
            let (outer, inner) = match label.codes.as_slice() {
                [only] => (None, only),
                [outer, inner] => (Some(outer), inner),
                _ => return Vec::new(),
            };
            inner
                .iter()
                .copied()
                .filter(|&c| outer.is_none_or(|o| o.iter().any(|&a| a != c && gazetteer.is_within(c, a))))
                .filter(|&c| level_fits(gazetteer.get(c), label.level))
                .collect()
        })
        .collect();
    (0..labels.len())
        .map(|i| {
            let others: Vec<u32> =
                candidates.iter().enumerate().filter(|(j, _)| *j != i).flat_map(|(_, c)| c.iter().copied()).collect();
            pick(&candidates[i], &others, gazetteer, text_places)
        })
        .collect()
}

fn level_fits(division: Option<&Division>, level: Option<char>) -> bool {
    let Some(division) = division else { return false };
    match level {
        None => true,
        Some('市') => matches!(division.level, AgencyLevel::City) || division.name.ends_with('市'),
        Some('省') => division.level == AgencyLevel::Provincial,
        Some(suffix) => division.name.ends_with(suffix),
    }
}

/// One code among candidates: the only one; else the one that another
/// label reads too, or nests with another label's place, or that the text
/// names most; else the single one of the highest level.
fn pick(candidates: &[u32], others: &[u32], gazetteer: &Gazetteer, text_places: &HashMap<u32, u32>) -> Option<u32> {
    if let [only] = candidates {
        return Some(*only);
    }
    let named = |c: u32| gazetteer.path(c).iter().map(|d| text_places.get(&d.code).copied().unwrap_or(0)).sum::<u32>();
    let support = |c: u32| {
        let same = u32::from(others.contains(&c)) * 1000;
        let nests =
            u32::from(others.iter().any(|&o| o != c && (gazetteer.is_within(c, o) || gazetteer.is_within(o, c))));
        same + nests * 100 + named(c)
    };
    let best = candidates.iter().copied().max_by_key(|&c| support(c))?;
    let tied: Vec<u32> = candidates.iter().copied().filter(|&c| support(c) == support(best)).collect();
    if support(best) > 0 && tied.len() == 1 {
        return Some(best);
    }
    // Tied places that all lie in one of them (金昌市 and its 金川区): that one.
    if support(best) > 0
        && let Some(&outer) = tied.iter().find(|&&o| tied.iter().all(|&c| gazetteer.is_within(c, o)))
    {
        return Some(outer);
    }
    let top = candidates.iter().filter_map(|&c| gazetteer.get(c)).map(|d| d.level).min()?;
    let at_top: Vec<u32> =
        candidates.iter().copied().filter(|&c| gazetteer.get(c).is_some_and(|d| d.level == top)).collect();
    if let [only] = at_top.as_slice() { Some(*only) } else { None }
}

/// Full pinyin and initials of a name, for every reading.
fn spellings(base: &str, code: u32) -> Vec<String> {
    // 陕西 writes itself `shaanxi` (GB/T 2659), which keeps it apart from 山西.
    if code == 610_000 {
        return vec!["shaanxi".into(), "sn".into()];
    }
    let mut readings: Vec<Vec<&'static str>> = Vec::new();
    for c in base.chars() {
        let Some(multi) = c.to_pinyin_multi() else { return Vec::new() };
        let mut syllables: Vec<&'static str> = multi.into_iter().map(|p| p.plain()).collect();
        syllables.dedup();
        syllables.truncate(2);
        readings.push(syllables);
    }
    let mut combos: Vec<Vec<&'static str>> = vec![Vec::new()];
    for syllables in &readings {
        let mut next = Vec::new();
        for combo in &combos {
            for s in syllables {
                if next.len() < MAX_READINGS {
                    let mut c = combo.clone();
                    c.push(*s);
                    next.push(c);
                }
            }
        }
        combos = next;
    }
    let mut keys = Vec::new();
    for combo in combos {
        keys.push(combo.concat());
        keys.push(combo.iter().filter_map(|s| s.chars().next()).collect());
        keys.push(
            combo
                .iter()
                .map(|s| if ["zh", "ch", "sh"].iter().any(|d| s.starts_with(d)) { &s[..2] } else { &s[..1] })
                .collect(),
        );
    }
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests;
