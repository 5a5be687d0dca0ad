//! `GET /api/v1/export`: a result set, or a selection of it, as a file
//! to cite or analyse: `format=csv|json|ris|csljson|gbt7714`.
//!
//! Without `ids` it holds every match of the search parameters (as deep as
//! paging reaches, in the search's order); with `ids` (comma-separated or
//! repeated) exactly those publications, in that order. `cited=YYYY-MM-DD`
//! sets the citing date (default: today in China) so an export can be
//! made again identically.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use sifa_cite::Citing;
use sifa_model::{PubDate, Publication};
use sifa_query::{MAX_EXPORT, Parameter, QueryError, SearchRequest, Shape};

use crate::origin::{document_page, origin};
use crate::{ApiError, AppState, blocking, params};

/// A format of the export: name, media type, file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Ris,
    CslJson,
    Gbt7714,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Csv, Format::Json, Format::Ris, Format::CslJson, Format::Gbt7714];

    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Ris => "ris",
            Format::CslJson => "csljson",
            Format::Gbt7714 => "gbt7714",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
            Format::Ris => "application/x-research-info-systems; charset=utf-8",
            Format::CslJson => "application/vnd.citationstyles.csl+json",
            Format::Gbt7714 => "text/plain; charset=utf-8",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Ris => "ris",
            Format::CslJson => "csl.json",
            Format::Gbt7714 => "gbt7714.txt",
        }
    }

    fn parse(value: Option<&str>) -> Result<Self, QueryError> {
        let names = || Format::ALL.map(Format::name).join(", ");
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        let value = value.ok_or_else(|| QueryError::invalid("format", format!("give a format: {}", names())))?;
        Format::ALL
            .into_iter()
            .find(|f| f.name() == value.to_ascii_lowercase())
            .ok_or_else(|| QueryError::invalid("format", format!("{value:?} is not a format; use one of {}", names())))
    }

    /// The file's text.
    fn write(self, publications: &[Publication], origin: &str, cited: PubDate) -> String {
        let citings: Vec<Citing<'_>> = publications
            .iter()
            .map(|p| Citing { publication: p, page_url: document_page(origin, &p.id), cited })
            .collect();
        match self {
            Format::Csv => sifa_cite::table::csv(publications),
            Format::Json => sifa_cite::table::json(publications),
            Format::Ris => sifa_cite::ris(&citings),
            Format::CslJson => sifa_cite::csl_json(&citings),
            Format::Gbt7714 => sifa_cite::gbt7714_list(&citings),
        }
    }
}

/// The export's own parameters (the search's come beside them).
pub fn export_parameters() -> Vec<Parameter> {
    let names = Format::ALL.map(Format::name).join(", ");
    vec![
        Parameter::new("format", Shape::Text, "导出格式", "请从“引用格式”菜单中选择。", &format!("{names} (required)")),
        Parameter::new(
            "ids",
            Shape::Text,
            "所选文件",
            "所选文件过多，请减少后再导出。",
            &format!(
                "Publication ids, comma-separated or repeated: exactly these, in this order; without it every match of the search (up to {MAX_EXPORT})"
            ),
        ),
        Parameter::new(
            "cited",
            Shape::Text,
            "引用日期",
            "请按“年-月-日”填写日期。",
            "The citing date (GB/T 7714 引用日期, RIS Y2, CSL accessed), YYYY-MM-DD; default today in China",
        ),
    ]
}

/// The ids of a selection: every `ids` value, split at commas.
fn selected_ids(pairs: &[(String, String)]) -> Result<Vec<String>, QueryError> {
    let ids: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "ids")
        .flat_map(|(_, v)| {
            v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect::<Vec<_>>()
        })
        .collect();
    if ids.len() > MAX_EXPORT {
        return Err(QueryError::invalid("ids", format!("at most {MAX_EXPORT} ids can be exported at once")));
    }
    Ok(ids)
}

fn cited_day(value: Option<&str>) -> Result<PubDate, QueryError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(sifa_model::instant::today_in_china()),
        Some(v) => v
            .parse::<PubDate>()
            .ok()
            .filter(|d| d.day.is_some())
            .ok_or_else(|| QueryError::invalid("cited", format!("{v:?} is not a date; use YYYY-MM-DD"))),
    }
}

pub async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = params::pairs(raw.as_deref());
    let format = Format::parse(params::last(&pairs, "format").as_deref())?;
    let cited = cited_day(params::last(&pairs, "cited").as_deref())?;
    let ids = selected_ids(&pairs)?;
    let request = SearchRequest::from_params(params::search_params(raw.as_deref()))?;
    let (publications, total) = blocking(&state, move |s| {
        if ids.is_empty() {
            let exported = s.matching_publications(&request)?;
            Ok((exported.publications, exported.total))
        } else {
            let chosen = s.publications(&ids)?;
            let total = chosen.len() as u64;
            Ok((chosen, total))
        }
    })
    .await?;
    let body = format.write(&publications, &origin(&headers), cited);
    let mut response = body.into_response();
    let out = response.headers_mut();
    out.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.media_type()));
    let disposition = format!("attachment; filename=\"sifa-export.{}\"", format.extension());
    out.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).expect("an ASCII header"));
    out.insert("x-total-count", HeaderValue::from(total));
    out.insert("x-exported-count", HeaderValue::from(publications.len() as u64));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_ids_and_citing_days_are_checked() {
        assert_eq!(Format::parse(Some("RIS")).unwrap(), Format::Ris);
        assert!(matches!(Format::parse(None), Err(QueryError::InvalidParameter { parameter: "format", .. })));
        assert!(Format::parse(Some("bibtex")).is_err());
        let pairs = vec![("ids".to_string(), "a, b".to_string()), ("ids".to_string(), "c".to_string())];
        assert_eq!(selected_ids(&pairs).unwrap(), ["a", "b", "c"]);
        assert_eq!(cited_day(Some("2025-01-15")).unwrap().to_string(), "2025-01-15");
        assert!(cited_day(Some("2025-01")).is_err());
    }
}
