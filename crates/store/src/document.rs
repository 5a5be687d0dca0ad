//! A [`Publication`] to a tantivy document and back: what is stored as
//! published, what is indexed folded, and how facets are laid out.

use sifa_model::{AgencyLevel, Evidence, Kind, PubDate, Publication, SourceRef, TopicScore};
use tantivy::schema::{Facet, OwnedValue, Value};
use tantivy::{DateTime, TantivyDocument};

use crate::IndexSchema;

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

/// Builds the document for `publication` and returns it with the content
/// fingerprint (both need the folded body, which is made once here).
pub fn to_document(schema: &IndexSchema, publication: &Publication) -> (TantivyDocument, String) {
    let mut doc = TantivyDocument::default();
    doc.add_text(schema.id, &publication.id);
    doc.add_text(schema.title, &publication.title);
    doc.add_text(schema.body, &publication.body);
    let title = sifa_fold::fold(&publication.title);
    let body = sifa_fold::fold(&publication.body);
    let fingerprint = sifa_fold::fingerprint(&body);
    doc.add_text(schema.title_words, &title);
    doc.add_text(schema.title_chars, &title);
    doc.add_text(schema.body_words, &body);
    doc.add_text(schema.body_chars, body);
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
    doc.add_text(schema.source, publication.source.to_string());
    doc.add_text(schema.content_hash, &fingerprint);
    doc.add_text(schema.evidence_json, serde_json::to_string(&publication.evidence).expect("evidence serialises"));
    doc.add_u64(schema.chars, publication.chars() as u64);
    (doc, fingerprint)
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

/// Reads a stored document back into a [`Publication`].
pub fn from_document(schema: &IndexSchema, doc: &TantivyDocument) -> Publication {
    read_document(schema, doc, true)
}

/// [`from_document`] without the extraction evidence, for result lists.
pub fn from_document_without_evidence(schema: &IndexSchema, doc: &TantivyDocument) -> Publication {
    read_document(schema, doc, false)
}

fn read_document(schema: &IndexSchema, doc: &TantivyDocument, with_evidence: bool) -> Publication {
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
    let evidence: Evidence = if with_evidence {
        text(doc, schema.evidence_json).and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default()
    } else {
        Evidence::new()
    };
    Publication {
        id: string(schema.id).unwrap_or_default(),
        title: string(schema.title).unwrap_or_default(),
        body: string(schema.body).unwrap_or_default(),
        agency: string(schema.agency),
        agency_path: text(doc, schema.agency_path)
            .map(|p| p.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect())
            .unwrap_or_default(),
        agency_level: text(doc, schema.agency_level).and_then(AgencyLevel::parse),
        date: text(doc, schema.date_text).and_then(|d| d.parse().ok()),
        url: string(schema.url),
        kind,
        topics,
        source,
        evidence,
    }
}
