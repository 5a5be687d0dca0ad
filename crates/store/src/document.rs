//! A [`Publication`] to a tantivy document and back: what is stored as
//! published, what is indexed folded, and how facets are laid out.

use sifa_model::{AgencyLevel, Evidence, Kind, PubDate, Publication, SourceRef, TopicScore};
use tantivy::schema::{Facet, OwnedValue, Value};
use tantivy::{DateTime, TantivyDocument};

use crate::IndexSchema;
use crate::schema::{SEARCHED_TEXTS, names};

/// The agency facet path: region path then the agency as the leaf;
/// national bodies at the top.
pub fn agency_facet(publication: &Publication) -> Option<Facet> {
    let agency = publication.agency.as_deref()?;
    let mut path: Vec<&str> = publication.agency_path.iter().map(String::as_str).collect();
    path.push(agency);
    Some(Facet::from_path(path))
}

/// The timeline facet: `/2025` or `/2025/08`.
pub fn timeline_facet(date: &PubDate) -> Facet {
    match date.month {
        Some(month) => Facet::from_path([date.year.to_string(), format!("{month:02}")]),
        None => Facet::from_path([date.year.to_string()]),
    }
}

/// The folded texts of a publication ([`SEARCHED_TEXTS`] order): what the
/// word, unit and pair fields index, made once per document and shared by
/// whatever else needs them (the fingerprint, a reindex's link entry).
pub struct Folded {
    pub texts: Vec<String>,
}

impl Folded {
    pub fn of(publication: &Publication) -> Self {
        Self { texts: SEARCHED_TEXTS.iter().map(|searched| sifa_fold::fold((searched.text)(publication))).collect() }
    }

    /// The folded text named `name` (see [`crate::schema::names`]).
    pub fn text(&self, name: &str) -> &str {
        SEARCHED_TEXTS.iter().position(|t| t.name == name).map_or("", |i| &self.texts[i])
    }

    pub fn title(&self) -> &str {
        self.text(names::TITLE)
    }

    pub fn body(&self) -> &str {
        self.text(names::BODY)
    }
}

/// Builds the document for `publication` and returns it with the content
/// fingerprint (both need the folded body, which is made once here).
pub fn to_document(schema: &IndexSchema, publication: &Publication) -> (TantivyDocument, String) {
    to_document_folded(schema, publication, Folded::of(publication), sifa_model::instant::unix_now())
}

/// [`to_document`] with the text already folded, first indexed at
/// `indexed_at` (Unix seconds: a reindex keeps the time of the previous
/// generation).
pub fn to_document_folded(
    schema: &IndexSchema,
    publication: &Publication,
    folded: Folded,
    indexed_at: i64,
) -> (TantivyDocument, String) {
    let mut doc = TantivyDocument::default();
    doc.add_text(schema.id, &publication.id);
    doc.add_text(schema.title, &publication.title);
    doc.add_text(schema.body, &publication.body);
    let fingerprint = sifa_fold::fingerprint(folded.body());
    for (fields, text) in schema.searched.iter().zip(&folded.texts) {
        doc.add_text(fields.chars, text);
        doc.add_text(fields.pairs, text);
    }
    let title = folded.title();
    if let Some(agency) = &publication.agency {
        doc.add_text(schema.agency, agency);
        doc.add_text(schema.agency_path, publication.agency_path.join("/"));
    }
    if let Some(level) = publication.agency_level {
        doc.add_text(schema.agency_level, level.as_str());
    }
    if let Some(facet) = agency_facet(publication) {
        doc.add_facet(schema.agency_facet, facet);
    }
    for topic in &publication.topics {
        doc.add_facet(schema.topic_facet, Facet::from_path([topic.name.as_str()]));
    }
    doc.add_text(schema.topics_json, serde_json::to_string(&publication.topics).expect("topics serialise"));
    doc.add_facet(schema.kind_facet, Facet::from_path([publication.kind.as_str()]));
    if let Some(date) = &publication.date {
        doc.add_facet(schema.timeline_facet, timeline_facet(date));
        doc.add_date(schema.date, DateTime::from_timestamp_secs(date.days_since_epoch() * 86_400));
        doc.add_text(schema.date_text, date.to_string());
    }
    if let Some(url) = &publication.url {
        doc.add_text(schema.url, url);
    }
    if let Some(doc_no) = &publication.doc_no {
        doc.add_text(schema.doc_no, doc_no_key(doc_no).unwrap_or_else(|| doc_no.clone()));
    }
    doc.add_text(schema.source, publication.source.to_string());
    doc.add_text(schema.content_hash, &fingerprint);
    doc.add_text(schema.evidence_json, serde_json::to_string(&publication.evidence).expect("evidence serialises"));
    doc.add_u64(schema.chars, publication.chars() as u64);
    for key in title_keys(title) {
        doc.add_text(schema.title_key, key);
    }
    if let Some(subject) = title_subject(title) {
        doc.add_text(schema.title_subject, subject);
    }
    doc.add_u64(schema.kind_rank, kind_rank(publication.kind));
    doc.add_u64(schema.level_rank, level_rank(publication.agency_level));
    doc.add_date(schema.indexed_at, DateTime::from_timestamp_secs(indexed_at));
    (doc, fingerprint)
}

/// When a stored document was written into the index, in Unix seconds.
pub fn indexed_at(schema: &IndexSchema, doc: &TantivyDocument) -> Option<i64> {
    doc.get_first(schema.indexed_at).and_then(|v| v.as_datetime()).map(|d| d.into_timestamp_secs())
}

/// The national prefix that law titles carry and researchers often omit.
const NATIONAL_PREFIX: &str = "中华人民共和国";

/// The exact-title keys of a folded title or query: its letters and digits,
/// and the same without the national prefix.
pub fn title_keys(folded: &str) -> Vec<String> {
    let key: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut keys = Vec::with_capacity(2);
    if let Some(short) = key.strip_prefix(NATIONAL_PREFIX).filter(|s| !s.is_empty()) {
        keys.push(short.to_string());
    }
    if !key.is_empty() {
        keys.push(key);
    }
    keys
}

/// Words that end the title of a law, regulation or rule and name its
/// form, not its subject; longest first.
const FORM_SUFFIXES: [&str; 14] = [
    "实施细则",
    "实施办法",
    "实施条例",
    "暂行条例",
    "暂行办法",
    "暂行规定",
    "若干规定",
    "条例",
    "办法",
    "规定",
    "细则",
    "规则",
    "决定",
    "法",
];

/// The subject a law-like title names: the title key without the national
/// prefix, a leading region (宁波市, 山东省) and the form word at its end
/// (中华人民共和国人民调解法, 宁波市人民调解条例 → 人民调解). `None` for
/// titles that are not of that shape or leave fewer than two characters.
pub fn title_subject(folded: &str) -> Option<String> {
    let key: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
    let key = key.strip_prefix(NATIONAL_PREFIX).unwrap_or(&key);
    let stem = FORM_SUFFIXES.iter().find_map(|suffix| key.strip_suffix(suffix))?;
    let subject = strip_region(stem);
    (subject.chars().count() >= 2).then(|| subject.to_string())
}

/// `text` without a leading region name of three to seven characters
/// ending in 省, 自治区, 市, 州, 盟 or 县 (宁波市, 山东省; a district-level
/// prefix is rare in titles). Two-character openings such as 城市 are kept.
fn strip_region(text: &str) -> &str {
    for (count, (offset, c)) in text.char_indices().enumerate().take(7) {
        let end = offset + c.len_utf8();
        if count >= 2 && matches!(c, '省' | '市' | '州' | '盟' | '县') {
            return &text[end..];
        }
        if count >= 2 && text[..end].ends_with("自治区") {
            return &text[end..];
        }
    }
    text
}

/// Brackets a document number's year may be printed in.
const YEAR_OPENERS: &str = "〔[(【〈﹝［（";
const YEAR_CLOSERS: &str = "〕])】〉﹞］）";

/// The search key of a document number, or `None` when `text` is not shaped
/// like one: folded, without spaces, the year in 〔〕 whatever brackets were
/// typed (鲁司发[2024]12号 → 鲁司发〔2024〕12号). Shapes: `…〔year〕…号`
/// (the year of two or four digits, or a congress term like 十四届) and
/// `…令第N号`.
pub fn doc_no_key(text: &str) -> Option<String> {
    let folded = sifa_fold::fold(text);
    let mut key = String::with_capacity(folded.len());
    for c in folded.chars().filter(|c| !c.is_whitespace()) {
        key.push(if YEAR_OPENERS.contains(c) {
            '〔'
        } else if YEAR_CLOSERS.contains(c) {
            '〕'
        } else {
            c
        });
    }
    let number = key.strip_suffix('号')?;
    let digits = number.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() == number.len() {
        return None;
    }
    let before_number = digits.strip_suffix('第').unwrap_or(digits);
    let bracketed = before_number.strip_suffix('〕').and_then(|rest| rest.rsplit_once('〔'));
    let shaped = match bracketed {
        Some((issuer, year)) => {
            !year.is_empty()
                && (year.chars().all(|c| c.is_ascii_digit()) || year.ends_with('届'))
                && (!issuer.is_empty() || digits.len() < number.len())
        }
        None => before_number.ends_with('令') && digits.ends_with('第'),
    };
    shaped.then_some(key)
}

/// The place of `kind` in [`Kind::ALL`], for the `kind_rank` fast field.
pub fn kind_rank(kind: Kind) -> u64 {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(Kind::ALL.len() - 1) as u64
}

/// The kind stored as `kind_rank`.
pub fn kind_of_rank(rank: u64) -> Kind {
    Kind::ALL.get(rank as usize).copied().unwrap_or(Kind::Other)
}

/// The agency level as a number: 0 unknown, 1 national … 4 county.
pub fn level_rank(level: Option<AgencyLevel>) -> u64 {
    match level {
        None => 0,
        Some(AgencyLevel::National) => 1,
        Some(AgencyLevel::Provincial) => 2,
        Some(AgencyLevel::City) => 3,
        Some(AgencyLevel::County) => 4,
    }
}

/// The level stored as `level_rank`.
pub fn level_of_rank(rank: u64) -> Option<AgencyLevel> {
    [AgencyLevel::National, AgencyLevel::Provincial, AgencyLevel::City, AgencyLevel::County]
        .get((rank as usize).checked_sub(1)?)
        .copied()
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

/// A stored text of a document, read in place (`""` when absent).
pub fn stored_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> &str {
    text(doc, field).unwrap_or_default()
}

/// What [`read_document`] copies out of a stored document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Parts {
    Whole,
    WithoutEvidence,
    /// Neither evidence nor body: a result-list entry, whose snippet reads
    /// the body in place ([`stored_text`]).
    Summary,
}

/// Reads a stored document back into a [`Publication`].
pub fn from_document(schema: &IndexSchema, doc: &TantivyDocument) -> Publication {
    read_document(schema, doc, Parts::Whole)
}

/// [`from_document`] without the extraction evidence, for exports.
pub fn from_document_without_evidence(schema: &IndexSchema, doc: &TantivyDocument) -> Publication {
    read_document(schema, doc, Parts::WithoutEvidence)
}

/// [`from_document`] without the evidence and with an empty body, for
/// result lists: a body can be long, and a snippet needs only to read it.
pub fn summary_of(schema: &IndexSchema, doc: &TantivyDocument) -> Publication {
    read_document(schema, doc, Parts::Summary)
}

fn read_document(schema: &IndexSchema, doc: &TantivyDocument, parts: Parts) -> Publication {
    let string = |field| text(doc, field).map(str::to_string);
    let kind = doc
        .get_first(schema.kind_facet)
        .and_then(|v| match OwnedValue::from(v) {
            OwnedValue::Facet(f) => Kind::parse(f.to_path().first().copied().unwrap_or_default()),
            _ => None,
        })
        .unwrap_or(Kind::Other);
    let source = text(doc, schema.source).unwrap_or_default();
    let source = match source.rsplit_once(':') {
        Some((path, line)) if line.bytes().all(|b| b.is_ascii_digit()) && !line.is_empty() => {
            SourceRef { path: path.to_string(), line: line.parse().ok() }
        }
        _ => SourceRef { path: source.to_string(), line: None },
    };
    let topics: Vec<TopicScore> =
        text(doc, schema.topics_json).and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    let evidence: Evidence = if parts == Parts::Whole {
        text(doc, schema.evidence_json).and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default()
    } else {
        Evidence::new()
    };
    Publication {
        id: string(schema.id).unwrap_or_default(),
        title: string(schema.title).unwrap_or_default(),
        body: if parts == Parts::Summary { String::new() } else { string(schema.body).unwrap_or_default() },
        aside: String::new(),
        agency: string(schema.agency),
        agency_path: text(doc, schema.agency_path)
            .map(|p| p.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect())
            .unwrap_or_default(),
        agency_level: text(doc, schema.agency_level).and_then(AgencyLevel::parse),
        date: text(doc, schema.date_text).and_then(|d| d.parse().ok()),
        doc_no: string(schema.doc_no),
        url: string(schema.url),
        kind,
        topics,
        source,
        evidence,
    }
}

#[cfg(test)]
mod keys {
    use super::*;

    #[test]
    fn document_number_keys() {
        assert_eq!(doc_no_key("鲁司发[2024]12号").as_deref(), Some("鲁司发〔2024〕12号"));
        assert_eq!(doc_no_key(" 沪崇司（2025）7 号").as_deref(), Some("沪崇司〔2025〕7号"));
        assert_eq!(doc_no_key("司法部令第150号").as_deref(), Some("司法部令第150号"));
        assert_eq!(doc_no_key("常委会公告〔十四届〕第7号").as_deref(), Some("常委会公告〔十四届〕第7号"));
        assert_eq!(doc_no_key("法律援助"), None);
        assert_eq!(doc_no_key("第12号"), None, "a number alone names no document");
        assert_eq!(doc_no_key("2024年12号"), None);
    }

    #[test]
    fn title_keys_and_subjects() {
        assert_eq!(title_keys("中华人民共和国法律援助法"), ["法律援助法", "中华人民共和国法律援助法"]);
        assert_eq!(title_keys("关于《通知》的说明"), ["关于通知的说明"]);
        assert_eq!(title_subject("中华人民共和国人民调解法").as_deref(), Some("人民调解"));
        assert_eq!(title_subject("宁波市人民调解条例").as_deref(), Some("人民调解"));
        assert_eq!(title_subject("广西壮族自治区法律援助条例").as_deref(), Some("法律援助"));
        assert_eq!(title_subject("法律援助条例").as_deref(), Some("法律援助"));
        assert_eq!(title_subject("司法鉴定程序通则"), None, "no form word at the end");
        assert_eq!(title_subject("中华人民共和国刑法"), None, "a one-character subject is too short to mean anything");
        assert_eq!(title_subject("市场监督管理条例").as_deref(), Some("市场监督管理"));
        assert_eq!(
            title_subject("城市管理条例").as_deref(),
            Some("城市管理"),
            "a two-character opening is not a region"
        );
    }
}
