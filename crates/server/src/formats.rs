//! The formats of `GET /api/v1/export`, one table: name, media type, file
//! extension and the writer from `sifa-cite`. The `format` parameter, the
//! OpenAPI document and the answer's headers are made from [`FORMATS`].

use sifa_cite::Citing;
use sifa_model::{PubDate, Publication};
use sifa_query::QueryError;

use crate::origin::document_page;

/// An export format.
#[derive(Debug)]
pub struct Format {
    /// The value of `format`.
    pub name: &'static str,
    pub media_type: &'static str,
    /// The downloaded file's extension (`sifa-export.{extension}`).
    pub extension: &'static str,
    /// The file's text, from the publications (tables) or their citations.
    write: fn(&[Publication], &[Citing<'_>]) -> String,
}

/// Every format, in the order the API lists them.
pub static FORMATS: &[Format] = &[
    Format {
        name: "csv",
        media_type: "text/csv; charset=utf-8",
        extension: "csv",
        write: |publications, _| sifa_cite::table::csv(publications),
    },
    Format {
        name: "json",
        media_type: "application/json",
        extension: "json",
        write: |publications, _| sifa_cite::table::json(publications),
    },
    Format {
        name: "ris",
        media_type: "application/x-research-info-systems; charset=utf-8",
        extension: "ris",
        write: |_, citings| sifa_cite::ris(citings),
    },
    Format {
        name: "csljson",
        media_type: "application/vnd.citationstyles.csl+json",
        extension: "csl.json",
        write: |_, citings| sifa_cite::csl_json(citings),
    },
    Format {
        name: "gbt7714",
        media_type: "text/plain; charset=utf-8",
        extension: "gbt7714.txt",
        write: |_, citings| sifa_cite::gbt7714_list(citings),
    },
];

/// The formats of a research table.
pub const TABLE_FORMATS: [&str; 2] = ["json", "csv"];

impl Format {
    /// The names of every format, for messages and descriptions.
    pub fn names() -> String {
        FORMATS.iter().map(|f| f.name).collect::<Vec<_>>().join(", ")
    }

    /// The format `value` names (in any case); a missing or unknown one is
    /// the user's mistake (`format`).
    pub fn parse(value: Option<&str>) -> Result<&'static Format, QueryError> {
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        let value = value.ok_or_else(|| QueryError::invalid("format", format!("give a format: {}", Self::names())))?;
        FORMATS.iter().find(|f| f.name.eq_ignore_ascii_case(value)).ok_or_else(|| {
            QueryError::invalid("format", format!("{value:?} is not a format; use one of {}", Self::names()))
        })
    }

    /// The format of a research table (`json`, the default, or `csv`):
    /// the concordance's lines and the diffusion's panel are tables, not
    /// publications, so only these two apply.
    pub fn table(value: Option<&str>) -> Result<&'static Format, QueryError> {
        let value = value.map(str::trim).filter(|v| !v.is_empty()).unwrap_or("json");
        FORMATS
            .iter()
            .filter(|f| TABLE_FORMATS.contains(&f.name))
            .find(|f| f.name.eq_ignore_ascii_case(value))
            .ok_or_else(|| QueryError::invalid("format", format!("{value:?} is not a format here; use json or csv")))
    }

    /// The file's text: `publications`, cited on `cited` from their pages under `origin`.
    pub fn write(&self, publications: &[Publication], origin: &str, cited: PubDate) -> String {
        let citings: Vec<Citing<'_>> = publications
            .iter()
            .map(|p| Citing { publication: p, page_url: document_page(origin, &p.id), cited })
            .collect();
        (self.write)(publications, &citings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_found_by_name_in_any_case_and_a_missing_one_is_named() {
        assert_eq!(Format::parse(Some("RIS")).unwrap().name, "ris");
        assert!(matches!(Format::parse(None), Err(QueryError::InvalidParameter { parameter: "format", .. })));
        assert!(Format::parse(Some("bibtex")).is_err());
        assert_eq!(Format::table(None).unwrap().name, "json");
        assert_eq!(Format::table(Some("CSV")).unwrap().name, "csv");
        assert!(Format::table(Some("ris")).is_err());
        let names: std::collections::BTreeSet<&str> = FORMATS.iter().map(|f| f.name).collect();
        assert_eq!(names.len(), FORMATS.len());
    }
}
