//! How a policy spreads: for each region at one level of the agency tree
//! (province, city, county), its earliest dated publication matching a
//! search, how many it published, and how long after a reference (the
//! first national publication, or a date or document the researcher
//! names) it first did; national bodies apart; the cumulative adoption
//! curve; and the region × year panel an event-history model takes.
//!
//! One pass over the matching documents reads each one's agency facet,
//! its timeline facet and its day ([`crate::ranking::OrderKeys`]), so a
//! region's `documents` is the search total filtered to the region and
//! its first date the search's earliest (`sort=date_asc`). A second pass
//! with the same filters and no words finds the regions that publish at
//! all: the panel's regions that never used the words (right-censored).

mod collector;

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::Serialize;
use sifa_model::PubDate;
use sifa_store::summary_of;
use tantivy::{Searcher, TantivyDocument};

use crate::filters::Filters;
use crate::request::SearchRequest;
use crate::synonyms::ExpandedTerm;
use crate::{QueryError, Snapshot};
use collector::{AgencyCollector, Cell};

/// A level of the agency tree below the nation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    #[default]
    Province,
    City,
    County,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Province, Level::City, Level::County];

    pub fn name(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
        }
    }

    /// How many segments of a region path name a region of this level.
    fn depth(self) -> usize {
        match self {
            Level::Province => 1,
            Level::City => 2,
            Level::County => 3,
        }
    }
}

/// The diffusion's own parameters as they arrive (described in
/// [`crate::parameters::diffusion_parameters`]); the search's come beside them.
#[derive(Debug, Clone, Default)]
pub struct DiffusionParams {
    pub level: Option<String>,
    pub reference: Option<String>,
}

/// What lags are counted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferenceChoice {
    /// The earliest dated national publication that matches.
    FirstNational,
    Date(PubDate),
    /// The date of the publication with this id.
    Document(String),
}

/// A validated diffusion request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffusionRequest {
    pub level: Level,
    pub reference: ReferenceChoice,
}

impl DiffusionRequest {
    pub fn from_params(params: &DiffusionParams) -> Result<Self, QueryError> {
        let trimmed = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let level = match trimmed(&params.level) {
            None => Level::Province,
            Some(name) => Level::ALL.into_iter().find(|l| l.name() == name).ok_or_else(|| {
                QueryError::invalid("level", format!("{name:?} is not a level; use province, city or county"))
            })?,
        };
        let reference = match trimmed(&params.reference) {
            None => ReferenceChoice::FirstNational,
            Some(value) => match value.parse::<PubDate>() {
                Ok(date) if date.day.is_some() => ReferenceChoice::Date(date),
                _ if value.chars().next().is_some_and(|c| c.is_ascii_digit()) && value.contains('-') => {
                    return Err(QueryError::invalid(
                        "reference",
                        format!("{value:?} is not a date; use YYYY-MM-DD or a document id"),
                    ));
                }
                _ => ReferenceChoice::Document(value),
            },
        };
        Ok(Self { level, reference })
    }
}

/// The earliest publication of a region or a national body.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct Region {
    /// Its name: the last segment of `path` (a national body's name).
    pub region: String,
    /// The region path, a valid `agency` filter (`山东省/青岛市`).
    pub path: String,
    /// The date of its earliest dated matching publication (none when every match is undated).
    pub first_date: Option<String>,
    pub first_id: Option<String>,
    pub first_title: Option<String>,
    /// Its matching publications: the search total filtered to `path`.
    pub documents: u64,
    /// Days from the reference to `first_date` (negative: before it).
    pub lag_days: Option<i64>,
    /// Matching publications per year (dated ones).
    #[serde(skip)]
    pub per_year: BTreeMap<i32, u64>,
}

/// A region that publishes under the filters but never matched the words.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct Unmatched {
    pub region: String,
    pub path: String,
}

/// Regions first appearing in a year, and all so far.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct Adoption {
    pub year: i32,
    pub regions: u64,
    pub cumulative: u64,
}

/// What lags are counted from.
#[derive(Debug, Clone, Serialize, JsonSchema, PartialEq)]
pub struct DiffusionReference {
    /// `first_national`, `date` or `document`.
    pub kind: &'static str,
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip)]
    days: i64,
}

/// `GET /api/v1/diffusion`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DiffusionResponse {
    pub query: String,
    pub level: Level,
    /// What `lag_days` count from; none when no national publication matches and none was given.
    pub reference: Option<DiffusionReference>,
    /// Publications the search matches.
    pub total_documents: u64,
    /// Every region of the level with a match, by first date (undated-only regions last).
    pub regions: Vec<Region>,
    /// National bodies (and agencies without a region), apart, by first date.
    pub national: Vec<Region>,
    /// Per year, from the first adoption to the last year of the matches.
    pub adoption: Vec<Adoption>,
    /// Regions of the level publishing under the same filters without a match: in the panel, never adopting.
    pub unmatched: Vec<Unmatched>,
    /// The panel's years: the first and last year of the matching publications.
    pub years: Option<(i32, i32)>,
    pub expanded: Vec<ExpandedTerm>,
    pub took_ms: f64,
}

/// One row of the event-history panel: a region in a year.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PanelRow {
    pub region: String,
    pub path: String,
    pub year: i32,
    /// 1 from the year of the region's first dated match on.
    pub adopted: u8,
    pub first_date: Option<String>,
    pub documents_in_year: u64,
    pub documents_to_date: u64,
}

impl DiffusionResponse {
    /// The region × year panel, from the first year of the matches to the
    /// last: the regions with a match by first date, then those without
    /// (never adopting: right-censored).
    pub fn panel(&self) -> Vec<PanelRow> {
        let Some((first, last)) = self.years else { return Vec::new() };
        let never = self.unmatched.iter().map(|u| (u.region.as_str(), u.path.as_str(), None, None));
        let rows = self
            .regions
            .iter()
            .map(|r| (r.region.as_str(), r.path.as_str(), r.first_date.as_deref(), Some(&r.per_year)))
            .chain(never);
        let mut out = Vec::new();
        for (region, path, first_date, per_year) in rows {
            let first_year = first_date.and_then(|d| d.parse::<PubDate>().ok()).map(|d| d.year);
            let mut to_date = per_year.map_or(0, |p| p.range(..first).map(|(_, n)| n).sum());
            for year in first..=last {
                let in_year = per_year.and_then(|p| p.get(&year)).copied().unwrap_or(0);
                to_date += in_year;
                out.push(PanelRow {
                    region: region.to_string(),
                    path: path.to_string(),
                    year,
                    adopted: u8::from(first_year.is_some_and(|f| year >= f)),
                    first_date: first_date.map(str::to_string),
                    documents_in_year: in_year,
                    documents_to_date: to_date,
                });
            }
        }
        out
    }
}

impl Snapshot {
    /// The diffusion of a search over the regions of `diffusion.level`.
    pub fn diffusion(
        &self,
        request: &SearchRequest,
        diffusion: DiffusionRequest,
    ) -> Result<DiffusionResponse, QueryError> {
        let started = std::time::Instant::now();
        let searcher = self.searcher();
        let base = self.base_query(request);
        let links = self.links();
        let query = Filters::build(&self.builder(), request, &links).apply(&*base.query, None);
        let collector = AgencyCollector { order: self.order_cache().clone() };
        let matched = searcher.search(&*query, &collector)?;
        let scope_request = SearchRequest { query: String::new(), ..request.clone() };
        let scope_base = self.base_query(&scope_request);
        let scope_query = Filters::build(&self.builder(), &scope_request, &links).apply(&*scope_base.query, None);
        let scope = searcher.search(&*scope_query, &collector)?;

        let depth = diffusion.level.depth();
        let mut regions = self.firsts(&searcher, group(&matched.cells, |path| region_key(path, depth)))?;
        let mut national = self.firsts(&searcher, group(&matched.cells, national_key))?;
        let reference = self.reference(&searcher, &diffusion.reference, &national)?;
        for region in regions.iter_mut().chain(national.iter_mut()) {
            region.lag_days = match (&reference, &region.first_date) {
                (Some(reference), Some(first)) => {
                    first.parse::<PubDate>().ok().map(|d| d.days_since_epoch() - reference.days)
                }
                _ => None,
            };
        }
        by_first_date(&mut regions);
        by_first_date(&mut national);
        let years = matched.years();
        let adoption = adoption(&regions, years);
        let matched_paths: std::collections::HashSet<&str> = regions.iter().map(|r| r.path.as_str()).collect();
        let mut unmatched: Vec<Unmatched> = group(&scope.cells, |path| region_key(path, depth))
            .into_keys()
            .filter(|path| !matched_paths.contains(path.as_str()))
            .map(|path| Unmatched { region: last_segment(&path), path })
            .collect();
        unmatched.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(DiffusionResponse {
            query: request.query.clone(),
            level: diffusion.level,
            reference,
            total_documents: matched.documents,
            regions,
            national,
            adoption,
            unmatched,
            years,
            expanded: base.expansion.expanded,
            took_ms: (started.elapsed().as_secs_f64() * 1e6).round() / 1e3,
        })
    }

    /// Each group's row, with its earliest publication read from the store
    /// (in index order, so each block is read once).
    fn firsts(&self, searcher: &Searcher, groups: HashMap<String, Cell>) -> Result<Vec<Region>, QueryError> {
        let mut groups: Vec<(String, Cell)> = groups.into_iter().collect();
        groups.sort_by_key(|(_, cell)| cell.earliest.map(|(_, address)| address));
        let mut out = Vec::with_capacity(groups.len());
        for (path, cell) in groups {
            let first = match cell.earliest {
                Some((_, address)) => {
                    let doc: TantivyDocument = searcher.doc(address)?;
                    Some(summary_of(&self.open.schema, &doc))
                }
                None => None,
            };
            out.push(Region {
                region: last_segment(&path),
                path,
                first_date: first.as_ref().and_then(|p| p.date).map(|d| d.to_string()),
                first_id: first.as_ref().map(|p| p.id.clone()),
                first_title: first.map(|p| p.title),
                documents: cell.documents,
                lag_days: None,
                per_year: cell.per_year,
            });
        }
        Ok(out)
    }

    /// The reference lags are counted from.
    fn reference(
        &self,
        searcher: &Searcher,
        choice: &ReferenceChoice,
        national: &[Region],
    ) -> Result<Option<DiffusionReference>, QueryError> {
        let days_of = |date: &str| date.parse::<PubDate>().ok().map(|d| d.days_since_epoch());
        Ok(match choice {
            ReferenceChoice::FirstNational => {
                let first = national
                    .iter()
                    .filter_map(|n| Some((days_of(n.first_date.as_deref()?)?, n)))
                    .min_by_key(|(days, n)| (*days, n.path.clone()));
                first.map(|(days, n)| DiffusionReference {
                    kind: "first_national",
                    date: n.first_date.clone().unwrap_or_default(),
                    id: n.first_id.clone(),
                    title: n.first_title.clone(),
                    days,
                })
            }
            ReferenceChoice::Date(date) => Some(DiffusionReference {
                kind: "date",
                date: date.to_string(),
                id: None,
                title: None,
                days: date.days_since_epoch(),
            }),
            ReferenceChoice::Document(id) => {
                let (_, publication) = self.find(searcher, id).map_err(|_| {
                    QueryError::invalid("reference", format!("no publication has the id {id:?}; give a date or an id"))
                })?;
                let date = publication.date.ok_or_else(|| {
                    QueryError::invalid("reference", format!("the publication {id:?} has no date; give a date instead"))
                })?;
                Some(DiffusionReference {
                    kind: "document",
                    date: date.to_string(),
                    id: Some(publication.id),
                    title: Some(publication.title),
                    days: date.days_since_epoch(),
                })
            }
        })
    }
}

/// The region of `level` an agency facet path (region segments, then the
/// agency) lies in, when it lies that deep.
fn region_key(path: &[String], depth: usize) -> Option<String> {
    (path.len() > depth).then(|| path[..depth].join("/"))
}

/// A national body (an agency without a region): its name.
fn national_key(path: &[String]) -> Option<String> {
    (path.len() == 1).then(|| path[0].clone())
}

fn last_segment(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// Cells summed by `key` (paths it gives none for are left out).
fn group(cells: &HashMap<Vec<String>, Cell>, key: impl Fn(&[String]) -> Option<String>) -> HashMap<String, Cell> {
    let mut groups: HashMap<String, Cell> = HashMap::new();
    for (path, cell) in cells {
        if let Some(key) = key(path) {
            groups.entry(key).or_default().add(cell);
        }
    }
    groups
}

/// By first date (undated last), then by path.
fn by_first_date(rows: &mut [Region]) {
    rows.sort_by(|a, b| {
        let key = |r: &Region| (r.first_date.is_none(), r.first_date.clone(), r.path.clone());
        key(a).cmp(&key(b))
    });
}

/// Regions first appearing in each year from the first adoption to `years`' last.
fn adoption(regions: &[Region], years: Option<(i32, i32)>) -> Vec<Adoption> {
    let mut first_years: BTreeMap<i32, u64> = BTreeMap::new();
    for region in regions {
        if let Some(year) = region.first_date.as_deref().and_then(|d| d.parse::<PubDate>().ok()).map(|d| d.year) {
            *first_years.entry(year).or_default() += 1;
        }
    }
    let (Some(&first), Some((_, last))) = (first_years.keys().next(), years) else { return Vec::new() };
    let mut cumulative = 0;
    (first..=last.max(first))
        .map(|year| {
            let regions = first_years.get(&year).copied().unwrap_or(0);
            cumulative += regions;
            Adoption { year, regions, cumulative }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Fixture, request};

    fn diffusion(q: &str, level: &str, reference: Option<&str>) -> DiffusionResponse {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let params = DiffusionParams { level: Some(level.into()), reference: reference.map(str::to_string) };
        snapshot.diffusion(&request(q, &[]), DiffusionRequest::from_params(&params).unwrap()).unwrap()
    }

    #[test]
    fn regions_have_their_earliest_match_and_national_bodies_stand_apart() {
        let fixture = Fixture::new();
        let snapshot = fixture.engine().snapshot();
        let d = diffusion("法律援助", "province", None);
        assert!(d.regions.iter().all(|r| r.path != "全国人民代表大会常务委员会"), "{:?}", d.regions);
        assert!(d.national.iter().any(|n| n.region == "全国人民代表大会常务委员会"), "{:?}", d.national);
        let reference = d.reference.as_ref().expect("the national law is the reference");
        assert_eq!((reference.kind, reference.date.as_str()), ("first_national", "2021-08-20"));
        for region in &d.regions {
            let search = snapshot
                .search(&request(
                    "法律援助",
                    &[("agency", region.path.as_str()), ("sort", "date_asc"), ("per_page", "1")],
                ))
                .unwrap();
            assert_eq!(region.documents, search.total, "{}", region.path);
            assert_eq!(region.first_date, search.hits[0].date, "{}", region.path);
        }
        let adopted = d.regions.iter().filter(|r| r.first_date.is_some()).count() as u64;
        assert_eq!(d.adoption.last().map(|a| a.cumulative), Some(adopted));
    }

    #[test]
    fn the_panel_has_a_row_per_region_and_year_agreeing_with_the_regions() {
        let d = diffusion("", "city", None);
        let panel = d.panel();
        let (first, last) = d.years.expect("dated matches");
        assert_eq!(panel.len(), (d.regions.len() + d.unmatched.len()) * (last - first + 1) as usize);
        for region in &d.regions {
            let rows: Vec<&PanelRow> = panel.iter().filter(|row| row.path == region.path).collect();
            let first_year = region.first_date.as_deref().map(|date| date[..4].parse::<i32>().unwrap());
            for row in &rows {
                assert_eq!(row.adopted == 1, first_year.is_some_and(|y| row.year >= y), "{row:?}");
            }
            let dated: u64 = region.per_year.values().sum();
            assert_eq!(rows.last().map(|row| row.documents_to_date), Some(dated), "{}", region.path);
        }
    }

    #[test]
    fn levels_lags_and_references() {
        let cities = diffusion("", "city", Some("2023-01-01"));
        let paths: Vec<&str> = cities.regions.iter().map(|r| r.path.as_str()).collect();
        assert!(paths.contains(&"山东省/聊城市") && paths.contains(&"山东省/青岛市"), "{paths:?}");
        let liaocheng = cities.regions.iter().find(|r| r.path == "山东省/聊城市").unwrap();
        assert_eq!(liaocheng.first_date.as_deref(), Some("2023-01-10"));
        assert_eq!(liaocheng.lag_days, Some(9));
        let by_document = diffusion("", "province", Some("moj"));
        assert_eq!(by_document.reference.as_ref().map(|r| r.date.as_str()), Some("2024-06-01"));
        let bad = DiffusionParams { level: Some("village".into()), reference: None };
        assert!(DiffusionRequest::from_params(&bad).is_err());
        let bad = DiffusionParams { level: None, reference: Some("2024-13-01".into()) };
        assert!(DiffusionRequest::from_params(&bad).is_err());
    }
}
