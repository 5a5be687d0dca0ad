//! Every field of the index, in one place.
//!
//! Text is stored once as published (`title`, `body`) and indexed twice as
//! folded text: by word (`*_words`, jieba search mode, frequencies only:
//! BM25 needs no positions) and by character (`*_chars`, with positions:
//! phrases and sub-strings are matched there).
//!
//! Facet conventions (all hierarchical, `/`-separated):
//! - `agency_facet`: region path then the canonical agency as the leaf,
//!   `/山东省/聊城市/东昌府区/聊城市东昌府区司法局`; national bodies sit at
//!   the top, `/司法部`. A prefix query selects everything beneath.
//! - `topic_facet`: `/法律援助`, one value per assigned topic.
//! - `kind_facet`: `/news`.
//! - `timeline_facet`: `/2025` or `/2025/08` when the month is known.

use tantivy::schema::{
    DateOptions, FAST, FacetOptions, Field, INDEXED, IndexRecordOption, NumericOptions, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};

use crate::{CHARS_TOKENIZER, JIEBA_TOKENIZER};

/// Handles of every field; build with [`IndexSchema::new`] or read from an
/// existing index with [`IndexSchema::from_schema`].
#[derive(Clone, Debug)]
pub struct IndexSchema {
    pub schema: Schema,
    pub id: Field,
    pub title: Field,
    pub title_words: Field,
    pub title_chars: Field,
    pub body: Field,
    pub body_words: Field,
    pub body_chars: Field,
    pub agency: Field,
    pub agency_path: Field,
    pub agency_level: Field,
    pub agency_facet: Field,
    pub topic_facet: Field,
    pub topics_json: Field,
    pub kind_facet: Field,
    pub timeline_facet: Field,
    pub date: Field,
    pub date_text: Field,
    pub url: Field,
    pub source: Field,
    pub content_hash: Field,
    pub evidence_json: Field,
    pub chars: Field,
}

fn analysed(tokenizer: &str, record: IndexRecordOption) -> TextOptions {
    let indexing = TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record);
    TextOptions::default().set_indexing_options(indexing)
}

impl IndexSchema {
    pub fn new() -> Self {
        let mut b = Schema::builder();
        b.add_text_field("id", STRING | STORED);
        b.add_text_field("title", STORED);
        b.add_text_field("title_words", analysed(JIEBA_TOKENIZER, IndexRecordOption::WithFreqs));
        b.add_text_field("title_chars", analysed(CHARS_TOKENIZER, IndexRecordOption::WithFreqsAndPositions));
        b.add_text_field("body", STORED);
        b.add_text_field("body_words", analysed(JIEBA_TOKENIZER, IndexRecordOption::WithFreqs));
        b.add_text_field("body_chars", analysed(CHARS_TOKENIZER, IndexRecordOption::WithFreqsAndPositions));
        b.add_text_field("agency", STRING | STORED);
        b.add_text_field("agency_path", STORED);
        b.add_text_field("agency_level", STRING | STORED);
        b.add_facet_field("agency_facet", FacetOptions::default());
        b.add_facet_field("topic_facet", FacetOptions::default());
        b.add_text_field("topics_json", STORED);
        b.add_facet_field("kind_facet", FacetOptions::default().set_stored());
        b.add_facet_field("timeline_facet", FacetOptions::default());
        b.add_date_field("date", DateOptions::from(INDEXED | STORED | FAST));
        b.add_text_field("date_text", STORED);
        b.add_text_field("url", STRING | STORED);
        b.add_text_field("source", STORED);
        b.add_text_field("content_hash", STRING);
        b.add_text_field("evidence_json", STORED);
        b.add_u64_field("chars", NumericOptions::default().set_stored());
        Self::from_schema(b.build()).expect("the schema just built has every field")
    }

    /// Field handles of an index built by this version of sifa; `None` when
    /// a field is missing (an index from an incompatible version).
    pub fn from_schema(schema: Schema) -> Option<Self> {
        let f = |name: &str| schema.get_field(name).ok();
        Some(Self {
            id: f("id")?,
            title: f("title")?,
            title_words: f("title_words")?,
            title_chars: f("title_chars")?,
            body: f("body")?,
            body_words: f("body_words")?,
            body_chars: f("body_chars")?,
            agency: f("agency")?,
            agency_path: f("agency_path")?,
            agency_level: f("agency_level")?,
            agency_facet: f("agency_facet")?,
            topic_facet: f("topic_facet")?,
            topics_json: f("topics_json")?,
            kind_facet: f("kind_facet")?,
            timeline_facet: f("timeline_facet")?,
            date: f("date")?,
            date_text: f("date_text")?,
            url: f("url")?,
            source: f("source")?,
            content_hash: f("content_hash")?,
            evidence_json: f("evidence_json")?,
            chars: f("chars")?,
            schema,
        })
    }
}

impl Default for IndexSchema {
    fn default() -> Self {
        Self::new()
    }
}
