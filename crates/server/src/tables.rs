//! The research instruments' tables as CSV, by the export's rules
//! ([`sifa_cite::table::csv_table`]): the concordance's lines (Chinese
//! headers, as the search export) and the diffusion's event-history panel
//! (the variable names statistics packages take). The API's `format=csv`
//! and `sifa concordance --csv` write them.

use sifa_query::{ConcordanceField, ConcordanceLine, PanelRow};

/// Column headers of the concordance's CSV.
pub const CONCORDANCE_HEADERS: [&str; 9] =
    ["编号", "标题", "日期", "发布机关", "位置", "起始字符", "左语境", "关键词", "右语境"];

/// Column headers of the diffusion panel: the names R, Stata and pandas
/// take as variable names, as the API documents them.
pub const PANEL_HEADERS: [&str; 7] =
    ["region", "path", "year", "adopted", "first_date", "documents_in_year", "documents_to_date"];

/// Concordance lines as CSV.
pub fn concordance_csv(lines: &[ConcordanceLine]) -> String {
    sifa_cite::table::csv_table(&CONCORDANCE_HEADERS, lines.iter().map(concordance_row))
}

fn concordance_row(line: &ConcordanceLine) -> Vec<String> {
    let field = match line.field {
        ConcordanceField::Title => "标题",
        ConcordanceField::Body => "正文",
    };
    vec![
        line.id.clone(),
        line.title.clone(),
        line.date.clone().unwrap_or_default(),
        line.agency.clone().unwrap_or_default(),
        field.to_string(),
        line.start.to_string(),
        line.left.clone(),
        line.matched.clone(),
        line.right.clone(),
    ]
}

/// The diffusion panel as CSV.
pub fn panel_csv(rows: &[PanelRow]) -> String {
    sifa_cite::table::csv_table(&PANEL_HEADERS, rows.iter().map(panel_row))
}

fn panel_row(row: &PanelRow) -> Vec<String> {
    vec![
        row.region.clone(),
        row.path.clone(),
        row.year.to_string(),
        row.adopted.to_string(),
        row.first_date.clone().unwrap_or_default(),
        row.documents_in_year.to_string(),
        row.documents_to_date.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_the_documents_text_and_formulas_are_neutralised() {
        let line = ConcordanceLine {
            id: "a".into(),
            title: "标题".into(),
            date: Some("2024-01-02".into()),
            agency: None,
            field: ConcordanceField::Body,
            start: 7,
            left: "=1+1，\"引\"".into(),
            matched: "调解".into(),
            right: "工作".into(),
        };
        let csv = concordance_csv(&[line]);
        let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(rows[0], CONCORDANCE_HEADERS.join(","));
        assert_eq!(
            rows[1],
            "\"a\",\"标题\",\"2024-01-02\",\"\",\"正文\",\"7\",\"'=1+1，\"\"引\"\"\",\"调解\",\"工作\""
        );
    }
}
