//! Recognising agency mentions in text: an agency suffix with the region
//! names written right before it, read backwards, and the institutions
//! named after their place or with a name of their own.

use super::*;

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
