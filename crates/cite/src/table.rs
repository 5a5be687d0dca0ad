//! The CSV and JSON tables of an export (`GET /api/v1/export`), which the
//! search page's 导出 CSV and 导出 JSON also save: one writer of the tables.

use serde::Serialize;
use sifa_model::Publication;

/// Column headers of the CSV, in column order.
pub const CSV_HEADERS: [&str; 9] = ["编号", "标题", "发布机关", "地区", "日期", "发文字号", "类型", "主题", "原文链接"];

/// One exported row, with the kind as its code (the JSON export).
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub id: String,
    pub title: String,
    pub agency: Option<String>,
    pub agency_path: Vec<String>,
    pub date: Option<String>,
    pub doc_no: Option<String>,
    pub kind: String,
    pub topics: Vec<String>,
    pub url: Option<String>,
}

impl From<&Publication> for Record {
    fn from(p: &Publication) -> Self {
        Self {
            id: p.id.clone(),
            title: p.title.clone(),
            agency: p.agency.clone(),
            agency_path: p.agency_path.clone(),
            date: p.date.map(|d| d.to_string()),
            doc_no: p.doc_no.clone(),
            kind: p.kind.as_str().to_string(),
            topics: p.topics.iter().map(|t| t.name.clone()).collect(),
            url: crate::web_url(p.url.as_deref()).map(str::to_string),
        }
    }
}

/// A cell quoted per RFC 4180, with a spreadsheet formula (a leading
/// `= + - @`, tab or carriage return) neutralised by an apostrophe.
pub fn csv_cell(value: &str) -> String {
    let neutral =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

/// CSV for spreadsheets: a UTF-8 byte-order mark, the Chinese headers, CRLF
/// line ends, the kind by its Chinese label.
pub fn csv(publications: &[Publication]) -> String {
    csv_table(
        &CSV_HEADERS,
        publications.iter().map(|p| {
            let r = Record::from(p);
            vec![
                r.id,
                r.title,
                r.agency.unwrap_or_default(),
                r.agency_path.join(" / "),
                r.date.unwrap_or_default(),
                r.doc_no.unwrap_or_default(),
                p.kind.label_zh().to_string(),
                r.topics.join(";"),
                r.url.unwrap_or_default(),
            ]
        }),
    )
}

/// Any table as CSV for spreadsheets, by the export's rules: a UTF-8
/// byte-order mark, the headers (Chinese, for researchers), CRLF line
/// ends, every cell quoted and formulas neutralised ([`csv_cell`]). The
/// research instruments' tables (concordance lines, the diffusion panel)
/// are written by it too.
pub fn csv_table(headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&headers.join(","));
    out.push_str("\r\n");
    for cells in rows {
        out.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// JSON: an array of [`Record`]s.
pub fn json(publications: &[Publication]) -> String {
    let records: Vec<Record> = publications.iter().map(Record::from).collect();
    format!("{}\n", serde_json::to_string_pretty(&records).expect("records serialise"))
}

#[cfg(test)]
mod tests {
    use sifa_model::Kind;

    use super::*;
    use crate::testing::publication;

    #[test]
    fn csv_has_the_pages_headers_labels_and_neutralised_formulas() {
        let a = publication(Kind::News, "=HYPERLINK(1)", Some("-2+3"), Some("2024-01-02"), Some("https://a.gov.cn/x"));
        let text = csv(&[a]);
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(text.starts_with('\u{feff}'));
        assert_eq!(lines[0], "编号,标题,发布机关,地区,日期,发文字号,类型,主题,原文链接");
        assert_eq!(
            lines[1],
            "\"doc-1\",\"'=HYPERLINK(1)\",\"'-2+3\",\"山东省 / 青岛市\",\"2024-01-02\",\"\",\"新闻动态\",\"人民调解\",\"https://a.gov.cn/x\""
        );
    }
}
