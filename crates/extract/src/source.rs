//! Source files to units of work: a whole page, one JSON Lines record, or
//! one record of a web archive (WARC).
//!
//! Reading is kept apart from extraction so that a reader thread can stream
//! a large `.jsonl.gz` while workers extract records in parallel. Nothing
//! here aborts: every problem becomes an item with a [`SkipReason`].
//!
//! The file runs past 500 lines only with its tests (about 420 lines of
//! code): finding a file's format, streaming its records and naming what
//! could not be read are one concern, the boundary between files and items.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::Value;
use sifa_model::{Kind, PubDate, SourceRef};

use crate::decode::{DecodeError, looks_binary};
use crate::given::Given;
use crate::item::{MAX_FILE_BYTES, MAX_LINE_BYTES, Payload, Provenance, RawItem, SkipReason, SourceFormat};
use crate::url::is_web_url;
use crate::warc::WarcRecords;

/// Counts the bytes read from a file, for progress over compressed input.
pub type ByteCounter = Arc<AtomicU64>;

struct Counting<R> {
    inner: R,
    counter: Option<ByteCounter>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(counter) = &self.counter {
            counter.fetch_add(n as u64, Ordering::Relaxed);
        }
        Ok(n)
    }
}

/// The units of work in one file, read lazily. `counter`, if given, is
/// advanced by every byte read from the file.
pub fn raw_items(
    path: &Path,
    relative: &str,
    counter: Option<ByteCounter>,
) -> Box<dyn Iterator<Item = RawItem> + Send> {
    let source = |line: Option<u64>| SourceRef { path: relative.to_string(), line };
    let failed = |reason: SkipReason| -> Box<dyn Iterator<Item = RawItem> + Send> {
        Box::new(std::iter::once(RawItem { source: source(None), payload: Payload::Failed(reason) }))
    };
    let Some(format) = SourceFormat::of(path) else { return failed(SkipReason::Unsupported) };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return failed(SkipReason::Unreadable(e.to_string())),
    };
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let file = Counting { inner: file, counter };
    match format {
        SourceFormat::JsonLines { gzip } => {
            let reader: Box<dyn Read + Send> =
                if gzip { Box::new(flate2::read::MultiGzDecoder::new(file)) } else { Box::new(file) };
            let mut reader = BufReader::with_capacity(256 * 1024, reader);
            // A file of binary data named .jsonl is one reason, not one per "line".
            if reader.fill_buf().is_ok_and(looks_binary) {
                return failed(SkipReason::Decode(DecodeError::Binary));
            }
            Box::new(JsonLines { reader, line: 0, relative: relative.to_string(), done: false })
        }
        SourceFormat::Warc { gzip } => {
            let reader: Box<dyn Read + Send> =
                if gzip { Box::new(flate2::read::MultiGzDecoder::new(file)) } else { Box::new(file) };
            Box::new(WarcRecords::new(BufReader::with_capacity(256 * 1024, reader), relative))
        }
        _ => {
            if size > MAX_FILE_BYTES {
                return failed(SkipReason::TooLarge(size));
            }
            let mut bytes = Vec::with_capacity(size as usize);
            if let Err(e) = file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
                return failed(SkipReason::Unreadable(e.to_string()));
            }
            let payload = Payload::Page { bytes, format, provenance: Provenance::default() };
            Box::new(std::iter::once(RawItem { source: source(None), payload }))
        }
    }
}

/// Streams the records of a JSON Lines file, one line at a time, never
/// holding more than [`MAX_LINE_BYTES`] of one line.
struct JsonLines<R> {
    reader: BufReader<R>,
    line: u64,
    relative: String,
    done: bool,
}

enum LineRead {
    Line(Vec<u8>),
    TooLong,
    End,
}

impl<R: Read> JsonLines<R> {
    fn read_line(&mut self) -> std::io::Result<LineRead> {
        let mut line = Vec::new();
        let mut too_long = false;
        loop {
            let buffer = self.reader.fill_buf()?;
            if buffer.is_empty() {
                return Ok(match (line.is_empty() && !too_long, too_long) {
                    (true, _) => LineRead::End,
                    (false, true) => LineRead::TooLong,
                    (false, false) => LineRead::Line(line),
                });
            }
            let (chunk, found_newline) = match buffer.iter().position(|&b| b == b'\n') {
                Some(i) => (&buffer[..i], true),
                None => (buffer, false),
            };
            if !too_long {
                if line.len() + chunk.len() > MAX_LINE_BYTES {
                    too_long = true;
                    line = Vec::new();
                } else {
                    line.extend_from_slice(chunk);
                }
            }
            let consumed = chunk.len() + usize::from(found_newline);
            self.reader.consume(consumed);
            if found_newline {
                return Ok(if too_long { LineRead::TooLong } else { LineRead::Line(line) });
            }
        }
    }
}

impl<R: Read> Iterator for JsonLines<R> {
    type Item = RawItem;

    fn next(&mut self) -> Option<RawItem> {
        while !self.done {
            self.line += 1;
            let source = SourceRef { path: self.relative.clone(), line: Some(self.line) };
            let payload = match self.read_line() {
                Ok(LineRead::End) => {
                    self.done = true;
                    return None;
                }
                Ok(LineRead::TooLong) => Payload::Failed(SkipReason::LineTooLong),
                Ok(LineRead::Line(bytes)) => {
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    match String::from_utf8(bytes) {
                        Ok(text) => Payload::Record(text),
                        Err(_) => Payload::Failed(SkipReason::MalformedJson("line is not valid UTF-8".into())),
                    }
                }
                Err(e) => {
                    self.done = true;
                    Payload::Failed(SkipReason::Corrupt(e.to_string()))
                }
            };
            return Some(RawItem { source, payload });
        }
        None
    }
}

/// A parsed JSON Lines record: its text and the fields it states.
pub struct Record {
    pub body: String,
    /// Whether `body` is a raw page (the record's `html`) rather than text.
    pub html: bool,
    pub given: Given,
    /// Fields the record states that could not be read: left out of
    /// `given` (so the text decides them) and reported.
    pub unreadable: Vec<Unreadable>,
}

/// A value a source states that could not be read, such as a date of no
/// known shape or a title that is a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The record's field: `date`, `kind`, `url`, `title`, `agency` or `id`.
    pub field: &'static str,
    /// The value as the record wrote it (JSON for a value that is not text),
    /// trimmed to a readable length.
    pub value: String,
}

/// The evidence rule of a stated value that could not be read; the
/// evidence is filed under `given_<field>`.
pub const UNREADABLE_RULE: &str = "unreadable";
/// The prefix of the evidence key of an unreadable stated value.
pub const UNREADABLE_PREFIX: &str = "given_";

/// The unreadable stated values recorded in a publication's evidence, as
/// (field, value as written).
pub fn unreadable_given(evidence: &sifa_model::Evidence) -> impl Iterator<Item = (&str, &str)> {
    evidence
        .iter()
        .filter(|(_, e)| e.rule == UNREADABLE_RULE)
        .filter_map(|(key, e)| key.strip_prefix(UNREADABLE_PREFIX).map(|field| (field, e.text.as_str())))
}

/// Longest value quoted in a report of an unreadable field.
const QUOTED_CHARS: usize = 80;

fn quoted(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        other => other.to_string(),
    };
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// A stated kind in any common spelling: the machine name in any case and
/// with spaces or hyphens (`Work Plan`, `work-plan`), or the Chinese label
/// (`通知公告`, `地方性法规`, `新闻`).
fn given_kind(text: &str) -> Option<Kind> {
    let text = text.trim();
    let machine = text.to_ascii_lowercase().replace([' ', '-'], "_");
    Kind::parse(&machine).or_else(|| {
        let short = match text {
            "新闻" | "动态" | "工作动态" => Some(Kind::News),
            "通知" | "公告" | "通告" | "公示" => Some(Kind::Notice),
            "计划" | "工作要点" | "规划" => Some(Kind::WorkPlan),
            "报告" | "总结" | "工作总结" => Some(Kind::Report),
            "规章" | "制度" | "规范性文件" => Some(Kind::Rule),
            "法规" => Some(Kind::Regulation),
            _ => None,
        };
        short.or_else(|| Kind::ALL.into_iter().find(|k| k.label_zh() == text))
    })
}

/// Parses a record leniently: a field of the wrong type or of no readable
/// shape is treated as missing (and extracted from the text) rather than
/// losing the record, and is listed in [`Record::unreadable`]. Dates are
/// read in any common shape ([`PubDate::parse_given`]) and given as
/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; kinds in any common spelling. The
/// text is `html` (the raw page, read like an HTML file) when the record
/// has it, else `body`, `content` or `text`.
pub fn parse_record(line: &str) -> Result<Record, SkipReason> {
    let value: Value = serde_json::from_str(line.trim_start_matches('\u{feff}'))
        .map_err(|e| SkipReason::MalformedJson(e.to_string()))?;
    let Value::Object(map) = value else {
        return Err(SkipReason::MalformedJson("a record must be a JSON object".into()));
    };
    let text = |key: &str| match map.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(n)) if key == "id" => Some(n.to_string()),
        _ => None,
    };
    let html = text("html");
    let is_html = html.is_some();
    let body =
        html.or_else(|| text("body")).or_else(|| text("content")).or_else(|| text("text")).ok_or(SkipReason::NoBody)?;
    let mut unreadable = Vec::new();
    let mut stated = |field: &'static str, read: &dyn Fn(&Value) -> Option<String>| -> Option<String> {
        match map.get(field)? {
            Value::Null => None,
            Value::String(s) if s.trim().is_empty() => None,
            value => {
                let read = read(value);
                if read.is_none() {
                    unreadable.push(Unreadable { field, value: quoted(value) });
                }
                read
            }
        }
    };
    let plain = |value: &Value| value.as_str().map(str::to_string);
    let id = stated("id", &|value| match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    let title = stated("title", &plain);
    let agency = stated("agency", &plain);
    let date = stated("date", &|value| match value {
        Value::String(s) if PubDate::says_no_date(s) => Some(String::new()),
        Value::String(s) => PubDate::parse_given(s).ok().map(|d| d.to_string()),
        Value::Number(n) => PubDate::parse_given(&n.as_i64()?.to_string()).ok().map(|d| d.to_string()),
        _ => None,
    })
    .filter(|d| !d.is_empty());
    let url = stated("url", &|value| value.as_str().filter(|u| is_web_url(u)).map(|u| u.trim().to_string()));
    let kind = stated("kind", &|value| value.as_str().and_then(given_kind).map(|k| k.as_str().to_string()));
    Ok(Record {
        body,
        html: is_html,
        given: Given { id, title, agency, date, url, kind, ..Given::default() },
        unreadable,
    })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn formats_by_name() {
        assert_eq!(SourceFormat::of(Path::new("a/b.JSONL.gz")), Some(SourceFormat::JsonLines { gzip: true }));
        assert_eq!(SourceFormat::of(Path::new("x.htm")), Some(SourceFormat::Html));
        assert_eq!(SourceFormat::of(Path::new("x.txt")), Some(SourceFormat::Text));
        assert_eq!(SourceFormat::of(Path::new("crawl-00000.warc.gz")), Some(SourceFormat::Warc { gzip: true }));
        assert_eq!(SourceFormat::of(Path::new("site.WARC")), Some(SourceFormat::Warc { gzip: false }));
        assert_eq!(SourceFormat::of(Path::new("x.pdf")), None);
        assert_eq!(SourceFormat::of(Path::new("README")), None);
    }

    #[test]
    fn records_are_parsed_leniently() {
        let r = parse_record(r#"{"id": 7, "title": 12, "body": "正文", "date": null}"#).unwrap();
        assert_eq!(r.given.id.as_deref(), Some("7"));
        assert_eq!(r.given.title, None);
        assert_eq!(parse_record(r#"{"title": "无正文"}"#).err(), Some(SkipReason::NoBody));
        let r = parse_record(r#"{"url": "http://a.gov.cn/1.html", "html": "<html><body><p>正文</p></body></html>"}"#)
            .unwrap();
        assert!(r.html && r.body.starts_with("<html>"));
        assert_eq!(r.given.url.as_deref(), Some("http://a.gov.cn/1.html"));
        assert!(!parse_record(r#"{"body": "正文"}"#).unwrap().html);
        assert!(matches!(parse_record("[1,2]"), Err(SkipReason::MalformedJson(_))));
        assert!(matches!(parse_record("{not json"), Err(SkipReason::MalformedJson(_))));
    }

    #[test]
    fn given_dates_are_read_in_any_common_shape() {
        for (date, read) in [
            (r#""2025/05/06""#, "2025-05-06"),
            (r#""2025-5-6""#, "2025-05-06"),
            (r#""2025年5月6日""#, "2025-05-06"),
            (r#""20250506""#, "2025-05-06"),
            ("20250506", "2025-05-06"),
            (r#""2025-05-06T23:30:00-05:00""#, "2025-05-06"),
            (r#""2025年5月""#, "2025-05"),
            (r#""2025""#, "2025"),
        ] {
            let r = parse_record(&format!(r#"{{"body": "正文", "date": {date}}}"#)).unwrap();
            assert_eq!(r.given.date.as_deref(), Some(read), "{date}");
            assert!(r.unreadable.is_empty(), "{date}");
        }
    }

    #[test]
    fn unreadable_given_values_are_listed_and_left_to_the_text() {
        let r = parse_record(
            r#"{"body": "正文", "date": "2025年13月", "kind": "memo", "url": "www.a.gov.cn/1.html", "title": 12, "agency": ["某局"]}"#,
        )
        .unwrap();
        assert_eq!(
            (r.given.date, r.given.kind, r.given.url, r.given.title, r.given.agency),
            (None, None, None, None, None)
        );
        let fields: Vec<(&str, &str)> = r.unreadable.iter().map(|u| (u.field, u.value.as_str())).collect();
        assert_eq!(
            fields,
            [
                ("title", "12"),
                ("agency", r#"["某局"]"#),
                ("date", "2025年13月"),
                ("url", "www.a.gov.cn/1.html"),
                ("kind", "memo")
            ]
        );
        let r = parse_record(r#"{"body": "正文", "date": null, "kind": "", "title": " ", "url": null}"#).unwrap();
        assert!(r.unreadable.is_empty(), "missing is not unreadable: {:?}", r.unreadable);
        let r = parse_record(r#"{"body": "正文", "date": "未知"}"#).unwrap();
        assert!(r.unreadable.is_empty() && r.given.date.is_none(), "a stated no-date is no date");
        let long = parse_record(&format!(r#"{{"body": "正文", "date": "{}"}}"#, "日".repeat(200))).unwrap();
        assert_eq!(long.unreadable[0].value.chars().count(), QUOTED_CHARS + 1, "quoted values are trimmed");
    }

    #[test]
    fn given_kinds_are_read_in_common_spellings() {
        for (kind, read) in [
            ("work_plan", Kind::WorkPlan),
            ("Work Plan", Kind::WorkPlan),
            ("local-regulation", Kind::LocalRegulation),
            ("NEWS", Kind::News),
            ("通知公告", Kind::Notice),
            ("地方性法规", Kind::LocalRegulation),
            ("新闻", Kind::News),
        ] {
            let r = parse_record(&format!(r#"{{"body": "正文", "kind": "{kind}"}}"#)).unwrap();
            assert_eq!(r.given.kind.as_deref(), Some(read.as_str()), "{kind}");
        }
    }

    #[test]
    fn extracted_records_carry_their_unreadable_values_as_evidence() {
        let extractor = crate::Extractor::with_default_rules();
        let item = RawItem {
            source: SourceRef { path: "x.jsonl".into(), line: Some(3) },
            payload: Payload::Record(
                r#"{"body": "某县司法局召开会议。\n会议强调，要扎实推进工作。", "date": "去年"}"#.into(),
            ),
        };
        let publication = extractor.extract(item).unwrap();
        assert_eq!(publication.evidence["given_date"].rule, UNREADABLE_RULE);
        assert_eq!(unreadable_given(&publication.evidence).collect::<Vec<_>>(), [("date", "去年")]);
        assert!(publication.id.starts_with("c-"), "a record without id or URL is named by its text");
    }

    #[test]
    fn a_json_lines_file_of_binary_data_is_one_skip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("random.jsonl");
        let bytes: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        std::fs::write(&path, bytes).unwrap();
        let items: Vec<RawItem> = raw_items(&path, "random.jsonl", None).collect();
        assert_eq!(items.len(), 1);
        assert!(matches!(items[0].payload, Payload::Failed(SkipReason::Decode(DecodeError::Binary))));
        assert_eq!(items[0].source.line, None, "the whole file");
    }

    #[test]
    fn json_lines_stream_with_line_numbers_and_long_line_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.jsonl");
        let mut file = File::create(&path).unwrap();
        writeln!(file, r#"{{"body": "一"}}"#).unwrap();
        writeln!(file).unwrap();
        writeln!(file, r#"{{"body": "{}"}}"#, "长".repeat(MAX_LINE_BYTES / 3 + 10)).unwrap();
        write!(file, r#"{{"body": "末"}}"#).unwrap();
        drop(file);
        let items: Vec<RawItem> = raw_items(&path, "x.jsonl", None).collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].source.line, Some(1));
        assert!(matches!(items[1].payload, Payload::Failed(SkipReason::LineTooLong)));
        assert_eq!(items[1].source.line, Some(3));
        assert!(matches!(&items[2].payload, Payload::Record(r) if r.contains('末')));
    }
}
