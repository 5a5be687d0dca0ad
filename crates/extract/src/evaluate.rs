//! Measuring the reader on a labelled set of pages (the development set's
//! format: one JSON object per line with `file`, `url`, `title`, `agency`,
//! `date`, `url_date`, `doc_no`, `kind`, `topics`).
//!
//! Each page is read twice: as a text file on its own, and as a crawler
//! would hand it over, a JSON Lines record carrying its `url`. Fields are
//! compared the way the set's README says: titles without punctuation and
//! spaces, folded (the reader shows no pinyin glosses; its title may carry
//! up to [`TITLE_SLACK`] extra characters, such as a site suffix; a page
//! labelled with no headline wants a title flagged as constructed),
//! agencies by canonical name but for a region prefix, dates
//! exactly, 发文字号 against either form without spaces, topics by
//! micro-averaged F1. A full date given for a page whose label has neither
//! `date` nor `url_date` is a false date.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sifa_model::{DatePrecision, Publication, SourceRef};

use crate::{Extractor, Payload, RawItem};

/// Extra characters a title may carry beyond the labelled one.
pub const TITLE_SLACK: usize = 16;

/// One labelled page.
#[derive(Debug, Clone, Deserialize)]
pub struct Label {
    /// Path relative to the folder above the labels file's folder.
    pub file: String,
    pub url: Option<String>,
    pub title: Option<String>,
    #[serde(default)]
    pub title_canonical: Option<String>,
    pub agency: Option<String>,
    pub date: Option<String>,
    #[serde(default)]
    pub url_date: Option<String>,
    #[serde(default)]
    pub doc_no: Option<String>,
    #[serde(default)]
    pub doc_no_canonical: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
}

/// A labels file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LabelsError {
    #[error("cannot read {0}: {1}")]
    Read(String, std::io::Error),
    #[error("{0}:{1}: {2}")]
    Syntax(String, usize, serde_json::Error),
}

/// Reads a labels file: one JSON object per line, blank lines skipped.
pub fn read_labels(path: &Path) -> Result<Vec<Label>, LabelsError> {
    let text = std::fs::read_to_string(path).map_err(|e| LabelsError::Read(path.display().to_string(), e))?;
    let mut labels = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let label =
            serde_json::from_str(line).map_err(|e| LabelsError::Syntax(path.display().to_string(), index + 1, e))?;
        labels.push(label);
    }
    Ok(labels)
}

/// How the pages are handed to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// The page's text alone, as a `.txt` file.
    TextOnly,
    /// A JSON Lines record `{"url": …, "body": …}`, as a crawler hands it over.
    WithUrl,
}

impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reading::TextOnly => "text only",
            Reading::WithUrl => "with URL",
        })
    }
}

/// The fields measured, in report order.
pub const FIELDS: [&str; 7] = ["title", "agency", "date", "no_false_date", "doc_no", "kind", "topics"];

/// Right answers out of the pages that count for a field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Tally {
    pub right: usize,
    pub total: usize,
}

impl Tally {
    pub fn share(&self) -> f64 {
        if self.total == 0 { 1.0 } else { self.right as f64 / self.total as f64 }
    }

    fn count(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }
}

/// One wrong answer, with what the reader based it on.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub file: String,
    pub field: &'static str,
    pub got: String,
    pub wanted: String,
    pub evidence: String,
}

/// The outcome of reading every labelled page one way.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub reading: Reading,
    pub pages: usize,
    pub title: Tally,
    pub agency: Tally,
    pub date: Tally,
    pub no_false_date: Tally,
    pub doc_no: Tally,
    /// Informative: the set's six kinds against the reader's (law, regulation
    /// and the like count as `rule`).
    pub kind: Tally,
    pub topics_true_positive: usize,
    pub topics_false_positive: usize,
    pub topics_false_negative: usize,
    pub misses: Vec<Miss>,
}

impl Report {
    fn new(reading: Reading) -> Self {
        Self {
            reading,
            pages: 0,
            title: Tally::default(),
            agency: Tally::default(),
            date: Tally::default(),
            no_false_date: Tally::default(),
            doc_no: Tally::default(),
            kind: Tally::default(),
            topics_true_positive: 0,
            topics_false_positive: 0,
            topics_false_negative: 0,
            misses: Vec::new(),
        }
    }

    /// Micro-averaged F1 of the topics.
    pub fn topics_f1(&self) -> f64 {
        let tp = self.topics_true_positive as f64;
        let denominator = 2.0 * tp + self.topics_false_positive as f64 + self.topics_false_negative as f64;
        if denominator == 0.0 { 1.0 } else { 2.0 * tp / denominator }
    }

    /// The figure of one field of [`FIELDS`].
    pub fn figure(&self, field: &str) -> Option<f64> {
        Some(match field {
            "title" => self.title.share(),
            "agency" => self.agency.share(),
            "date" => self.date.share(),
            "no_false_date" => self.no_false_date.share(),
            "doc_no" => self.doc_no.share(),
            "kind" => self.kind.share(),
            "topics" => self.topics_f1(),
            _ => return None,
        })
    }

    /// The per-field table as text.
    pub fn table(&self) -> String {
        let mut out = format!("{} ({} pages)\n", self.reading, self.pages);
        let rows = [
            ("title", self.title),
            ("agency", self.agency),
            ("date", self.date),
            ("no_false_date", self.no_false_date),
            ("doc_no", self.doc_no),
            ("kind", self.kind),
        ];
        for (name, tally) in rows {
            out.push_str(&format!("  {name:<14} {:.2}  ({}/{})\n", tally.share(), tally.right, tally.total));
        }
        out.push_str(&format!(
            "  {:<14} {:.2}  (micro-F1; {} right, {} extra, {} missed)\n",
            "topics",
            self.topics_f1(),
            self.topics_true_positive,
            self.topics_false_positive,
            self.topics_false_negative
        ));
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.table())?;
        for miss in &self.misses {
            writeln!(
                f,
                "  miss {} {:<13} got {} | wanted {} | {}",
                miss.file, miss.field, miss.got, miss.wanted, miss.evidence
            )?;
        }
        Ok(())
    }
}

/// Where a label's page lives: `file` is relative to the folder above the
/// labels file's folder (`pages/p001.txt` next to `pages/labels.jsonl`);
/// a bare file name next to the labels file is accepted too.
pub fn page_path(labels_file: &Path, label: &Label) -> PathBuf {
    let dir = labels_file.parent().unwrap_or(Path::new("."));
    let above = dir.parent().unwrap_or(Path::new(".")).join(&label.file);
    if above.exists() {
        return above;
    }
    let name = Path::new(&label.file).file_name().map(PathBuf::from).unwrap_or_default();
    dir.join(name)
}

/// Reads every labelled page one way and compares field by field.
pub fn evaluate(extractor: &Extractor, labels_file: &Path, labels: &[Label], reading: Reading) -> Report {
    let mut report = Report::new(reading);
    for label in labels {
        let path = page_path(labels_file, label);
        let publication = read_page(extractor, &path, label, reading);
        report.pages += 1;
        compare(&mut report, label, publication.as_ref(), reading);
    }
    report
}

/// Reads one page the given way; `None` when it yields nothing.
pub fn read_page(extractor: &Extractor, path: &Path, label: &Label, reading: Reading) -> Option<Publication> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    match reading {
        Reading::TextOnly => extractor.extract_file(path, &name).into_iter().find_map(Result::ok),
        Reading::WithUrl => {
            let bytes = std::fs::read(path).ok()?;
            let body = crate::decode(&bytes).ok()?.text;
            let record = serde_json::json!({ "url": label.url, "body": body }).to_string();
            let item = RawItem { source: SourceRef { path: name, line: Some(1) }, payload: Payload::Record(record) };
            extractor.extract(item).ok()
        }
    }
}

fn compare(report: &mut Report, label: &Label, got: Option<&Publication>, reading: Reading) {
    let file = Path::new(&label.file).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let evidence = |field: &str| {
        got.and_then(|p| p.evidence.get(field)).map(|e| format!("{}: {}", e.rule, e.text)).unwrap_or_default()
    };
    let mut misses = Vec::new();
    let mut miss = |field: &'static str, got: String, wanted: String, evidence: String| {
        misses.push(Miss { file: file.clone(), field, got, wanted, evidence });
    };
    let show = |value: Option<&str>| value.map_or("—".to_string(), str::to_string);

    // Title.
    let constructed = got.is_some_and(title_is_constructed);
    let got_title = got.map(|p| p.title.as_str());
    let right = match &label.title {
        Some(wanted) => {
            !constructed
                && got_title.is_some_and(|t| {
                    title_matches(t, wanted) || label.title_canonical.as_deref().is_some_and(|c| title_matches(t, c))
                })
        }
        None => constructed,
    };
    report.title.count(right);
    if !right {
        let got_shown = format!("{}{}", show(got_title), if constructed { " (constructed)" } else { "" });
        let wanted = label.title.clone().unwrap_or_else(|| "— (a constructed title)".into());
        miss("title", got_shown, wanted, evidence("title"));
    }

    // Agency.
    let got_agency = got.and_then(|p| p.agency.as_deref());
    let right = match (got_agency, label.agency.as_deref()) {
        (Some(got), Some(wanted)) => agency_matches(got, wanted),
        (got, wanted) => got == wanted,
    };
    report.agency.count(right);
    if !right {
        miss("agency", show(got_agency), show(label.agency.as_deref()), evidence("agency"));
    }

    // Date, and dates where the page shows none.
    let got_date = got.and_then(|p| p.date);
    let got_day = got_date.filter(|d| d.precision() == DatePrecision::Day).map(|d| d.to_string());
    let got_shown = got_date.map(|d| d.to_string());
    if let Some(wanted) = &label.date {
        let right = got_day.as_deref() == Some(wanted.as_str());
        report.date.count(right);
        if !right {
            miss("date", show(got_shown.as_deref()), wanted.clone(), evidence("date"));
        }
    } else if label.url_date.is_none() {
        let right = got_day.is_none();
        report.no_false_date.count(right);
        if !right {
            miss("no_false_date", show(got_shown.as_deref()), "—".into(), evidence("date"));
        }
    } else if reading == Reading::WithUrl {
        // The URL's own date is the page's date when the text shows none.
        let right = got_day.as_deref() == label.url_date.as_deref();
        if !right {
            let wanted = format!("{} (url_date; not scored)", show(label.url_date.as_deref()));
            miss("url_date", show(got_shown.as_deref()), wanted, evidence("date"));
        }
    }

    // 发文字号.
    let got_doc_no = got.and_then(doc_no);
    if label.doc_no.is_some() || got_doc_no.is_some() {
        let forms = [label.doc_no.as_deref(), label.doc_no_canonical.as_deref()];
        let right = match (&got_doc_no, &label.doc_no) {
            (Some(g), Some(_)) => forms.iter().flatten().any(|w| without_spaces(w) == without_spaces(g)),
            _ => false,
        };
        if label.doc_no.is_some() {
            report.doc_no.count(right);
        }
        if !right {
            let wanted = label.doc_no_canonical.clone().or(label.doc_no.clone()).unwrap_or_else(|| "—".into());
            miss("doc_no", show(got_doc_no.as_deref()), wanted, evidence("doc_no"));
        }
    }

    // Kind (informative).
    if let Some(wanted) = &label.kind {
        let got_kind = got.map(|p| coarse_kind(p.kind.as_str()));
        let right = got_kind == Some(wanted.as_str());
        report.kind.count(right);
        if !right {
            miss("kind", show(got_kind), wanted.clone(), evidence("kind"));
        }
    }

    // Topics.
    let got_topics: Vec<&str> = got.map(|p| p.topics.iter().map(|t| t.name.as_str()).collect()).unwrap_or_default();
    let tp = got_topics.iter().filter(|t| label.topics.iter().any(|w| w == *t)).count();
    report.topics_true_positive += tp;
    report.topics_false_positive += got_topics.len() - tp;
    report.topics_false_negative += label.topics.len() - tp;
    if tp != got_topics.len() || tp != label.topics.len() {
        miss("topics", got_topics.join(","), label.topics.join(","), String::new());
    }
    report.misses.extend(misses);
}

/// Whether an agency read is the labelled one: the same name, or the same
/// but for a region prefix (山东省聊城市东昌府区司法局 for 聊城市东昌府区司法局,
/// 广东省广州公证处 for 广州公证处), as the set's measure counts it.
pub fn agency_matches(got: &str, wanted: &str) -> bool {
    let region_prefix = |longer: &str, shorter: &str| {
        longer.strip_suffix(shorter).is_some_and(|prefix| {
            prefix.chars().count() >= 2 && prefix.ends_with(['省', '市', '区', '县', '州', '盟', '旗'])
        })
    };
    got == wanted || region_prefix(got, wanted) || region_prefix(wanted, got)
}

/// Whether the reader built the title itself (the page shows no headline).
pub fn title_is_constructed(publication: &Publication) -> bool {
    publication.title_constructed()
}

/// The 发文字号 the reader gave.
fn doc_no(publication: &Publication) -> Option<String> {
    publication.doc_no.clone()
}

/// Whether a title read matches a labelled one: equal after removing
/// punctuation and spaces, or containing it with at most [`TITLE_SLACK`]
/// characters more.
pub fn title_matches(got: &str, wanted: &str) -> bool {
    let (got, wanted) = (comparable(got), comparable(wanted));
    !wanted.is_empty() && got.contains(&wanted) && got.chars().count() <= wanted.chars().count() + TITLE_SLACK
}

/// Letters and digits only, folded as the index folds (half-width,
/// simplified, without the pinyin glosses a converter inserted: readers
/// are shown titles without them, and they are no part of the headline's
/// words).
fn comparable(text: &str) -> String {
    sifa_fold::fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The set's six kinds: laws, regulations and interpretations are rules.
fn coarse_kind(kind: &str) -> &str {
    match kind {
        "law" | "regulation" | "local_regulation" | "judicial_interpretation" | "departmental_rule" => "rule",
        "case" => "other",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_compare_but_for_a_region_prefix() {
        assert!(agency_matches("广东省广州公证处", "广州公证处"));
        assert!(agency_matches("聊城市东昌府区司法局", "山东省聊城市东昌府区司法局"));
        assert!(!agency_matches("聊城市司法局", "聊城市东昌府区司法局"), "another body");
        assert!(!agency_matches("省司法局", "司法局"), "no region");
    }

    #[test]
    fn titles_compare_without_punctuation_and_with_a_suffix() {
        assert!(title_matches("某县召开“调解”工作会议", "某县召开调解工作会议"));
        assert!(title_matches("某县召开调解工作会议_某县人民政府网站", "某县召开调解工作会议"));
        assert!(!title_matches("某县召开调解工作会议_某县人民政府门户网站首页欢迎您访问本站", "某县召开调解工作会议"));
        assert!(!title_matches("首页", "某县召开调解工作会议"));
        assert!(title_matches("Ａ县召开会议", "A县召开会议"));
    }

    fn label(line: &str) -> Label {
        serde_json::from_str(line).unwrap()
    }

    #[test]
    fn evaluates_a_page_both_ways() {
        let dir = tempfile::tempdir().unwrap();
        let pages = dir.path().join("pages");
        std::fs::create_dir(&pages).unwrap();
        std::fs::write(
            pages.join("a.txt"),
            "某县司法局召开人民调解工作会议\n发布时间：2024-05-06 来源：山东省司法厅\n会议部署人民调解工作，要求各调解委员会化解矛盾纠纷。\n",
        )
        .unwrap();
        std::fs::write(pages.join("b.txt"), "会议强调，要做好人民调解工作，化解矛盾纠纷。\n").unwrap();
        let labels_file = pages.join("labels.jsonl");
        let labels = vec![
            label(
                r#"{"file": "pages/a.txt", "url": "http://a.gov.cn/x.html", "title": "某县司法局召开人民调解工作会议", "agency": "山东省司法厅", "date": "2024-05-06", "url_date": null, "doc_no": null, "kind": "news", "topics": ["人民调解"]}"#,
            ),
            label(
                r#"{"file": "pages/b.txt", "url": "http://b.gov.cn/x.html", "title": null, "agency": null, "date": null, "url_date": null, "doc_no": "某司〔2024〕1号", "kind": "news", "topics": ["人民调解", "普法与法治宣传"]}"#,
            ),
        ];
        let extractor = Extractor::with_default_rules();
        for reading in [Reading::TextOnly, Reading::WithUrl] {
            let report = evaluate(&extractor, &labels_file, &labels, reading);
            assert_eq!(report.pages, 2);
            assert_eq!(report.title, Tally { right: 2, total: 2 }, "{report}");
            assert_eq!(report.agency, Tally { right: 2, total: 2 }, "{report}");
            assert_eq!(report.date, Tally { right: 1, total: 1 });
            assert_eq!(report.doc_no, Tally { right: 0, total: 1 });
            assert!(report.misses.iter().any(|m| m.field == "doc_no" && m.file == "b.txt"));
            assert_eq!(report.topics_false_negative, 1, "{report}");
            assert!((report.topics_f1() - 0.8).abs() < 1e-9);
        }
    }
}
