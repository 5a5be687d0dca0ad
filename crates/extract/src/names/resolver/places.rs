//! Placing names in the gazetteer: the regions a page names, a chain of
//! places read before a suffix, a bare 省/市/区/县 settled by the page's
//! regions (or by the one place of a level a page dwells on), the place a
//! title opens with, and provinces by their abbreviations.

use std::collections::HashMap;

use sifa_model::AgencyLevel;

use super::{AgencyResolver, RegionContext};
use crate::names::gazetteer::Division;

/// The provinces' one-character abbreviations (GB/T 2260 简称), which open
/// their 发文字号.
const PROVINCE_ABBREVIATIONS: &[(char, u32)] = &[
    ('京', 110000),
    ('津', 120000),
    ('冀', 130000),
    ('晋', 140000),
    ('蒙', 150000),
    ('辽', 210000),
    ('吉', 220000),
    ('黑', 230000),
    ('沪', 310000),
    ('苏', 320000),
    ('浙', 330000),
    ('皖', 340000),
    ('闽', 350000),
    ('赣', 360000),
    ('鲁', 370000),
    ('豫', 410000),
    ('鄂', 420000),
    ('湘', 430000),
    ('粤', 440000),
    ('桂', 450000),
    ('琼', 460000),
    ('渝', 500000),
    ('川', 510000),
    ('蜀', 510000),
    ('贵', 520000),
    ('黔', 520000),
    ('云', 530000),
    ('滇', 530000),
    ('藏', 540000),
    ('陕', 610000),
    ('秦', 610000),
    ('甘', 620000),
    ('陇', 620000),
    ('青', 630000),
    ('宁', 640000),
    ('新', 650000),
];

impl AgencyResolver {
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

    pub(super) fn place_chain(&self, chain: &[String], context: &RegionContext) -> Option<&Division> {
        let (last, outer) = chain.split_last()?;
        let chosen = self
            .gazetteer
            .lookup(last)
            .iter()
            .filter(|&&code| {
                outer.iter().all(|name| self.gazetteer.lookup(name).iter().any(|&a| self.gazetteer.is_within(code, a)))
            })
            .max_by_key(|&&code| (self.context_score(code, context), std::cmp::Reverse(code)))
            .and_then(|&code| self.gazetteer.get(code))?;
        // A county with a generic name (西区, 城区: a direction or a word
        // that streets and towns are named with too), written alone, whose
        // province the page never names, on a page that names another
        // province, is some other 西区: the page speaks against the table.
        let alone = outer.is_empty() && chosen.level == AgencyLevel::County && has_generic_name(chosen);
        let above = chosen.parent.map_or(0, |parent| self.context_score(parent, context));
        if alone && above == 0 && self.names_another_province(chosen.code, context) {
            return None;
        }
        Some(chosen)
    }

    /// Whether the page names a province that `code` does not lie in.
    fn names_another_province(&self, code: u32, context: &RegionContext) -> bool {
        let province = self.gazetteer.path(code).first().map(|d| d.code);
        self.named_within(context).counts.iter().any(|(&named, &count)| {
            count > 0
                && Some(named) != province
                && self.gazetteer.get(named).is_some_and(|d| d.level == AgencyLevel::Provincial)
        })
    }

    pub(super) fn context_score(&self, code: u32, context: &RegionContext) -> u32 {
        self.gazetteer.path(code).iter().map(|d| context.counts.get(&d.code).copied().unwrap_or(0)).sum()
    }

    /// 省/市/区/县 with no name: the most mentioned division of that level.
    /// A place named inside a division counts for it (保定市 for 河北省).
    pub(super) fn by_context(&self, generic: &char, context: &RegionContext) -> Option<&Division> {
        self.of_level(*generic, &self.named_within(context))
            .max_by_key(|(d, count)| (*count, d.level == AgencyLevel::City, std::cmp::Reverse(d.code)))
            .map(|(d, _)| d)
    }

    /// The one division of a level (省/市/区/县) the page names most, at
    /// least twice and more than any other of that level.
    pub fn dominant(&self, generic: char, context: &RegionContext) -> Option<&Division> {
        let within = self.named_within(context);
        let mut ranked: Vec<(&Division, u32)> = self.of_level(generic, &within).collect();
        ranked.sort_by_key(|(d, count)| (std::cmp::Reverse(*count), d.code));
        match ranked.as_slice() {
            [(best, count), rest @ ..] if *count >= 2 && rest.first().is_none_or(|(_, next)| next < count) => {
                Some(best)
            }
            _ => None,
        }
    }

    /// A city or county the page names whose name opens with `first` (the
    /// 莆 of 莆司函): the most named, when one is named more than the others.
    pub fn named_place_by_first_char(&self, first: char, context: &RegionContext) -> Option<&Division> {
        let mut named: Vec<(&Division, u32)> = self
            .named_within(context)
            .counts
            .iter()
            .filter_map(|(&code, &count)| Some((self.gazetteer.get(code)?, count)))
            .filter(|(d, _)| d.level != AgencyLevel::Provincial && d.name.starts_with(first))
            .collect();
        named.sort_by_key(|(d, count)| (std::cmp::Reverse(*count), d.code));
        match named.as_slice() {
            [(best, count), rest @ ..] if rest.first().is_none_or(|(_, next)| next < count) => Some(best),
            _ => None,
        }
    }

    /// How often the page names each division or a place inside it
    /// (山阳县 counts for 商洛市 too).
    fn named_within(&self, context: &RegionContext) -> RegionContext {
        let mut within = RegionContext::default();
        for (&code, &count) in &context.counts {
            for division in self.gazetteer.path(code) {
                *within.counts.entry(division.code).or_default() += count;
            }
        }
        within
    }

    /// The divisions of a level the page names, with their counts.
    fn of_level<'a, 'c>(
        &'a self,
        generic: char,
        context: &'c RegionContext,
    ) -> impl Iterator<Item = (&'a Division, u32)> + use<'a, 'c> {
        let wanted: &[AgencyLevel] = match generic {
            '省' => &[AgencyLevel::Provincial],
            '市' => &[AgencyLevel::City, AgencyLevel::Provincial],
            '州' => &[AgencyLevel::City],
            _ => &[AgencyLevel::County],
        };
        context
            .counts
            .iter()
            .filter_map(|(&code, &count)| Some((self.gazetteer.get(code)?, count)))
            .filter(move |(d, _)| wanted.contains(&d.level))
            .filter(move |(d, _)| generic != '市' || d.level == AgencyLevel::City || d.name.ends_with('市'))
            .filter(move |(d, _)| !matches!(generic, '区' | '县' | '州') || d.name.ends_with(generic))
    }

    /// A province by its one-character abbreviation (粤, 桂, 沪).
    pub fn province_by_abbreviation(&self, abbreviation: char) -> Option<&Division> {
        let code = PROVINCE_ABBREVIATIONS.iter().find(|(c, _)| *c == abbreviation)?.1;
        self.gazetteer.get(code)
    }

    /// The place a title opens with: 某省 or its short form, a city, a
    /// county (某省某县 in short forms: 河南新野), after an optional column
    /// label (热点：…). Ambiguous names are settled by `context`.
    pub fn title_region(&self, title: &str, context: &RegionContext) -> Option<u32> {
        let title = title.trim_start_matches(['【', '[', ' ']);
        let after_label = title.split_once([':', '：']).map(|(_, rest)| rest);
        // A kicker (引题) may stand before the main title, after a space.
        let after_kicker = title.split_once(' ').map(|(_, rest)| rest);
        [Some(title), after_label, after_kicker].into_iter().flatten().find_map(|t| self.leading_place(t, context))
    }

    fn leading_place(&self, text: &str, context: &RegionContext) -> Option<u32> {
        let prefixes: Vec<&str> = text.char_indices().skip(2).take(8).map(|(i, _)| &text[..i]).collect();
        let (name, codes) = prefixes.iter().rev().find_map(|p| {
            let codes = self.gazetteer.lookup(p);
            (!codes.is_empty()).then_some((*p, codes))
        })?;
        let outer = *codes.iter().max_by_key(|&&c| (self.context_score(c, context), std::cmp::Reverse(c)))?;
        // 河南新野: a county's short form right after its province or city.
        let rest = &text[name.len()..];
        let inner = rest
            .char_indices()
            .skip(2)
            .take(3)
            .map(|(i, _)| &rest[..i])
            .chain(std::iter::once(rest))
            .find_map(|p| self.county_bases.get(p)?.iter().copied().find(|&c| self.gazetteer.is_within(c, outer)));
        Some(inner.unwrap_or(outer))
    }
}

/// Stems of division names that name a direction or a kind of area, which
/// streets, towns and development zones take too (西区, 城区, 郊区, 市中区).
const GENERIC_STEMS: &[&str] = &["东", "西", "南", "北", "中", "城", "郊", "新", "矿", "市中", "城关", "开发", "高新"];

fn has_generic_name(division: &Division) -> bool {
    let stem = division.name.trim_end_matches(['区', '县', '市']);
    GENERIC_STEMS.contains(&stem)
}
