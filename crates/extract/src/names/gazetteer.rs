//! Administrative divisions of China: names to codes to region paths.
//!
//! The table is GB/T 2260 as shipped by the `gb2260` crate (newest revision
//! 2016-07), plus the later changes listed in `data/divisions-renamed.tsv`
//! (即墨市 became 即墨区 in 2017, and so on). A county is placed under its
//! prefecture and province by its code, never by a hand-typed list.

use std::collections::HashMap;

use sifa_model::AgencyLevel;

/// The GB/T 2260 revision read from the `gb2260` crate.
const GB2260_REVISION: &str = "201607";
/// Earlier revisions (every one the crate ships, back to 2002) whose
/// abolished divisions are kept, so that older documents' names (垦利县
/// before it became 垦利区, 南汇区 before it joined 浦东新区) and bodies
/// that kept them (上海市南汇监狱) are still placed.
const HISTORIC_REVISIONS: &[&str] = &[
    "201509", "201410", "201308", "201210", "201110", "201010", "200912", "200812", "200712", "200612", "200512",
    "200506", "200412", "200409", "200403", "200312", "200306", "200212",
];

/// Placeholder rows of GB/T 2260 that are not places.
const PLACEHOLDERS: &[&str] = &["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

/// One administrative division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    pub code: u32,
    pub name: String,
    /// The nearest real ancestor (placeholders skipped).
    pub parent: Option<u32>,
    pub level: AgencyLevel,
}

/// A division table with a name index.
#[derive(Debug, Default)]
pub struct Gazetteer {
    divisions: HashMap<u32, Division>,
    by_name: HashMap<String, Vec<u32>>,
    /// Codes added or renamed by the renamings table (the current names).
    renamed: std::collections::HashSet<u32>,
    /// Codes only earlier revisions have: divisions since abolished.
    historic: std::collections::HashSet<u32>,
    /// Names that carry their level word: full names, and short forms
    /// that keep it (黔南州, 隆林县).
    with_level: std::collections::HashSet<String>,
}

/// A malformed line of the renamings table.
#[derive(Debug, thiserror::Error)]
#[error("divisions table line {line}: {reason}")]
pub struct GazetteerError {
    pub line: usize,
    pub reason: String,
}

impl Gazetteer {
    /// GB/T 2260 plus the changes in `renamings` (the TSV format of
    /// `data/divisions-renamed.tsv`: code, name, parent_code, year, note).
    pub fn new(renamings: &str) -> Result<Self, GazetteerError> {
        let mut gazetteer = Self::default();
        gazetteer.load_gb2260();
        gazetteer.load_historic();
        gazetteer.load_renamings(renamings)?;
        gazetteer.index_names();
        Ok(gazetteer)
    }

    fn load_gb2260(&mut self) {
        let lookup = |code: u32| {
            gb2260::Division::get_by_revision(&format!("{code:06}"), GB2260_REVISION).map(|d| d.name.to_string())
        };
        for province in 11..=82u32 {
            let province_code = province * 10_000;
            let Some(name) = lookup(province_code) else { continue };
            self.insert(province_code, name, None, AgencyLevel::Provincial);
            for prefecture in 1..=99u32 {
                let prefecture_code = province_code + prefecture * 100;
                let Some(prefecture_name) = lookup(prefecture_code) else { continue };
                let prefecture_name = Some(prefecture_name);
                let is_real = prefecture_name.as_deref().is_some_and(|n| !PLACEHOLDERS.contains(&n));
                if let (true, Some(name)) = (is_real, prefecture_name.clone()) {
                    self.insert(prefecture_code, name, Some(province_code), AgencyLevel::City);
                }
                let county_parent = if is_real { prefecture_code } else { province_code };
                for county in 1..=99u32 {
                    if let Some(name) = lookup(prefecture_code + county)
                        && !PLACEHOLDERS.contains(&name.as_str())
                    {
                        self.insert(prefecture_code + county, name, Some(county_parent), AgencyLevel::County);
                    }
                }
            }
        }
    }

    /// Divisions abolished before the current revision, unless a current
    /// division under the same parent has the same name.
    fn load_historic(&mut self) {
        for revision in HISTORIC_REVISIONS {
            let lookup = |code: u32| gb2260::Division::get_by_revision(&format!("{code:06}"), revision).map(|d| d.name);
            // Prefectures, and the 市辖区 rows of municipalities, whose
            // districts hang from the municipality itself (闸北区 of 上海).
            let mut prefectures: Vec<(u32, u32)> =
                self.divisions.values().filter(|d| d.level == AgencyLevel::City).map(|d| (d.code, d.code)).collect();
            prefectures.extend(
                self.divisions
                    .values()
                    .filter(|d| d.level == AgencyLevel::Provincial && d.name.ends_with('市'))
                    .flat_map(|d| [(d.code + 100, d.code), (d.code + 200, d.code)]),
            );
            for (prefecture, parent) in prefectures {
                for county in 1..=99u32 {
                    let code = prefecture + county;
                    if self.divisions.contains_key(&code) {
                        continue;
                    }
                    let Some(name) = lookup(code).filter(|n| !PLACEHOLDERS.contains(n)) else { continue };
                    let taken = self.divisions.values().any(|d| d.parent == Some(parent) && d.name == name);
                    if !taken {
                        self.insert(code, name.to_string(), Some(parent), AgencyLevel::County);
                        self.historic.insert(code);
                    }
                }
            }
        }
    }

    fn load_renamings(&mut self, table: &str) -> Result<(), GazetteerError> {
        for (index, line) in table.lines().enumerate().skip(1) {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason: &str| GazetteerError { line: index + 1, reason: reason.to_string() };
            let cols: Vec<&str> = line.split('\t').collect();
            let [code, name, parent, ..] = cols.as_slice() else { return Err(err("expected code, name, parent_code")) };
            let code: u32 = code.trim().parse().map_err(|_| err("code is not a number"))?;
            let parent: u32 = parent.trim().parse().map_err(|_| err("parent_code is not a number"))?;
            let level = match (code % 10_000, code % 100) {
                (0, _) => AgencyLevel::Provincial,
                (_, 0) => AgencyLevel::City,
                _ => AgencyLevel::County,
            };
            let parent = (level != AgencyLevel::Provincial).then_some(parent);
            self.insert(code, name.trim().to_string(), parent, level);
            self.renamed.insert(code);
        }
        Ok(())
    }

    fn insert(&mut self, code: u32, name: String, parent: Option<u32>, level: AgencyLevel) {
        self.divisions.insert(code, Division { code, name, parent, level });
    }

    fn index_names(&mut self) {
        self.by_name.clear();
        let mut entries: Vec<(String, u32)> = Vec::new();
        self.with_level.clear();
        for division in self.divisions.values() {
            entries.push((division.name.clone(), division.code));
            self.with_level.insert(division.name.clone());
            for (short, keeps_level) in short_names(division) {
                if keeps_level {
                    self.with_level.insert(short.clone());
                }
                entries.push((short, division.code));
            }
        }
        for (name, code) in entries {
            self.by_name.entry(name).or_default().push(code);
        }
        for codes in self.by_name.values_mut() {
            codes.sort_unstable();
            codes.dedup();
        }
    }

    /// Whether `name` names some division with its level word: its full
    /// name (山东省, not 山东) or a short form that keeps it (黔南州).
    pub fn is_full_name(&self, name: &str) -> bool {
        self.with_level.contains(name)
    }

    /// Every division, in no particular order.
    pub fn divisions(&self) -> impl Iterator<Item = &Division> {
        self.divisions.values()
    }

    /// Whether a division was added or renamed after GB/T 2260 (its name
    /// is the current one where an older code names the same place).
    pub fn is_renamed(&self, code: u32) -> bool {
        self.renamed.contains(&code)
    }

    /// Whether a division exists only in earlier revisions (abolished).
    pub fn is_historic(&self, code: u32) -> bool {
        self.historic.contains(&code)
    }

    pub fn get(&self, code: u32) -> Option<&Division> {
        self.divisions.get(&code)
    }

    /// Codes of the divisions called `name` (full or short form).
    pub fn lookup(&self, name: &str) -> &[u32] {
        self.by_name.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every indexed name, for building matchers.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.by_name.keys().map(String::as_str)
    }

    /// Ancestors and the division itself, province first.
    pub fn path(&self, code: u32) -> Vec<&Division> {
        let mut path = Vec::new();
        let mut current = self.divisions.get(&code);
        while let Some(division) = current {
            path.push(division);
            current = division.parent.and_then(|p| self.divisions.get(&p));
            if path.len() > 4 {
                break;
            }
        }
        path.reverse();
        path
    }

    /// Whether `ancestor` is `code` or one of its ancestors.
    pub fn is_within(&self, code: u32, ancestor: u32) -> bool {
        self.path(code).iter().any(|d| d.code == ancestor)
    }
}

/// The short forms people write (GB/T 2260 names without their level
/// words): 山东 for 山东省, 内蒙古 for 内蒙古自治区, 聊城 for 聊城市;
/// an autonomous prefecture by its base, with or without 州 (黔东南,
/// 黔东南州 for 黔东南苗族侗族自治州), a 盟 or 地区 by its base (阿拉善,
/// 塔城); an autonomous county or banner by its base and level (隆林县,
/// 鄂伦春旗), a 林区 by its base (神农架). Other counties get none: their
/// bare short forms (长安, 城关) are ordinary words too often.
fn short_names(division: &Division) -> Vec<(String, bool)> {
    let name = division.name.as_str();
    let base = base_name(division);
    let bare = |short: &str| (short.to_string(), false);
    let with_level = |level: char| (format!("{base}{level}"), true);
    let mut shorts = match division.level {
        AgencyLevel::Provincial | AgencyLevel::City if !name.ends_with("自治州") => vec![bare(&base)],
        AgencyLevel::City => vec![bare(&base), with_level('州')],
        AgencyLevel::County if name.ends_with("自治县") => vec![with_level('县')],
        AgencyLevel::County if name.ends_with("自治旗") => vec![with_level('旗')],
        AgencyLevel::County if name.ends_with("林区") => vec![bare(&base)],
        _ => Vec::new(),
    };
    shorts.retain(|(short, _)| short != name && short.chars().count() >= 2);
    shorts
}

/// Ethnic groups (GB 3304), for the short form of an autonomous division's
/// name: 黔东南苗族侗族自治州 is written 黔东南.
const ETHNIC_GROUPS: &[&str] = &[
    "汉",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "各",
];

/// The name as people shorten it: 临沂 for 临沂市, 黔东南 for
/// 黔东南苗族侗族自治州, 内蒙古 for 内蒙古自治区.
pub fn base_name(division: &Division) -> String {
    let mut name = division.name.as_str();
    for suffix in ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区"]
    {
        if let Some(stripped) = name.strip_suffix(suffix) {
            name = stripped;
            break;
        }
    }
    let mut name = name.to_string();
    // 黔东南苗族侗族, and a group written without 族 (新疆维吾尔, 和布克赛尔蒙古).
    loop {
        let stem = name.strip_suffix('族').unwrap_or(&name);
        let Some(group) = ETHNIC_GROUPS.iter().filter(|g| stem.ends_with(*g)).max_by_key(|g| g.len()) else { break };
        let rest = &stem[..stem.len() - group.len()];
        if rest.chars().count() < 2 || (!name.ends_with('族') && group.chars().count() < 2) {
            break;
        }
        name = rest.to_string();
    }
    let trimmed = name.trim_end_matches(['省', '市', '县', '区', '旗', '盟']);
    if trimmed.chars().count() >= 2 { trimmed.to_string() } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        Gazetteer::new("code\tname\tparent_code\tyear\tnote\n370215\t即墨区\t370200\t2017\t撤市设区\n").unwrap()
    }

    fn path_names(g: &Gazetteer, name: &str) -> Vec<Vec<String>> {
        g.lookup(name).iter().map(|&c| g.path(c).iter().map(|d| d.name.clone()).collect()).collect()
    }

    #[test]
    fn short_forms_follow_the_shape_of_the_gazetteer() {
        let g = gazetteer();
        let names =
            |name: &str| -> Vec<String> { g.lookup(name).iter().map(|&c| g.get(c).unwrap().name.clone()).collect() };
        assert_eq!(names("新疆"), ["新疆维吾尔自治区"], "a group written without 族");
        assert_eq!(names("广西"), ["广西壮族自治区"]);
        assert_eq!(names("黔东南州"), ["黔东南苗族侗族自治州"], "an autonomous prefecture with 州");
        assert_eq!(names("黔东南"), ["黔东南苗族侗族自治州"]);
        assert_eq!(names("海北州"), ["海北藏族自治州"]);
        assert_eq!(names("隆林县"), ["隆林各族自治县"], "an autonomous county by its base and 县");
        assert_eq!(names("和布克赛尔县"), ["和布克赛尔蒙古自治县"]);
        assert_eq!(names("神农架"), ["神农架林区"]);
        assert_eq!(names("阿拉善"), ["阿拉善盟"]);
        assert!(g.lookup("城关").is_empty(), "an ordinary county has no bare short form");
        assert!(g.is_full_name("黔南州") && g.is_full_name("黔南布依族苗族自治州"));
        assert!(!g.is_full_name("广州") && !g.is_full_name("黔南"), "short forms without their level word");
    }

    #[test]
    fn places_counties_under_city_and_province() {
        let g = gazetteer();
        assert_eq!(path_names(&g, "东昌府区"), vec![vec!["山东省", "聊城市", "东昌府区"]]);
        assert_eq!(path_names(&g, "包头市"), vec![vec!["内蒙古自治区", "包头市"]]);
        assert_eq!(path_names(&g, "内蒙古"), vec![vec!["内蒙古自治区"]]);
    }

    #[test]
    fn later_renamings_are_applied() {
        let g = gazetteer();
        assert_eq!(path_names(&g, "即墨区"), vec![vec!["山东省", "青岛市", "即墨区"]]);
    }

    #[test]
    fn municipality_districts_sit_directly_under_the_municipality() {
        let g = gazetteer();
        let paths = path_names(&g, "朝阳区");
        assert!(paths.contains(&vec!["北京市".to_string(), "朝阳区".to_string()]), "{paths:?}");
        assert!(paths.len() >= 2, "朝阳区 is ambiguous (北京, 长春)");
    }

    #[test]
    fn abolished_divisions_are_kept_for_older_documents() {
        let g = gazetteer();
        assert_eq!(path_names(&g, "垦利县"), vec![vec!["山东省", "东营市", "垦利县"]]);
        assert!(g.is_historic(g.lookup("垦利县")[0]));
        assert_eq!(path_names(&g, "闸北区"), vec![vec!["上海市", "闸北区"]], "a municipality's former district");
        assert_eq!(path_names(&g, "南汇区"), vec![vec!["上海市", "南汇区"]], "abolished in 2009");
        assert!(!g.is_historic(g.lookup("垦利区")[0]));
    }

    #[test]
    fn rejects_a_malformed_table() {
        assert!(Gazetteer::new("header\nnot-a-code\tX\t1\n").is_err());
    }
}
