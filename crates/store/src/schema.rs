//! Every field of the index, in one place.
//!
//! Text is stored once as published (`title`, `body`) and indexed three
//! times as folded text ([`SEARCHED_TEXTS`] declares each text searched,
//! once): by word (`*_words`, jieba search mode, frequencies only: BM25
//! needs no positions), by unit (`*_chars`, one token per Han character or
//! Latin run, frequencies only: words of one unit) and by pairs of units
//! that stand together (`*_pairs`, with positions: every longer word is a
//! term or a phrase of pairs there; see `sifa_analysis::adjacency`).
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

use sifa_analysis::{CHARS_TOKENIZER, PAIRS_TOKENIZER};
use sifa_model::Publication;

/// Every field name, once: code that names a field (facet collectors,
/// fast-field readers) uses these, never a string of its own.
pub mod names {
    pub const ID: &str = "id";
    pub const TITLE: &str = "title";
    pub const TITLE_CHARS: &str = "title_chars";
    pub const TITLE_PAIRS: &str = "title_pairs";
    pub const BODY: &str = "body";
    pub const BODY_CHARS: &str = "body_chars";
    pub const BODY_PAIRS: &str = "body_pairs";
    /// The lines a page shows beside its title and body (not stored).
    pub const ASIDE: &str = "aside";
    pub const ASIDE_CHARS: &str = "aside_chars";
    pub const ASIDE_PAIRS: &str = "aside_pairs";
    pub const AGENCY: &str = "agency";
    pub const AGENCY_PATH: &str = "agency_path";
    pub const AGENCY_LEVEL: &str = "agency_level";
    pub const AGENCY_FACET: &str = "agency_facet";
    pub const TOPIC_FACET: &str = "topic_facet";
    pub const TOPICS_JSON: &str = "topics_json";
    pub const KIND_FACET: &str = "kind_facet";
    pub const TIMELINE_FACET: &str = "timeline_facet";
    pub const DATE: &str = "date";
    pub const DATE_TEXT: &str = "date_text";
    pub const DOC_NO: &str = "doc_no";
    pub const URL: &str = "url";
    pub const SOURCE: &str = "source";
    pub const CONTENT_HASH: &str = "content_hash";
    pub const EVIDENCE_JSON: &str = "evidence_json";
    pub const CHARS: &str = "chars";
    pub const TITLE_KEY: &str = "title_key";
    pub const TITLE_SUBJECT: &str = "title_subject";
    pub const KIND_RANK: &str = "kind_rank";
    pub const LEVEL_RANK: &str = "level_rank";
    pub const INDEXED_AT: &str = "indexed_at";
}

/// A text that query words are matched in: indexed by word, unit and pair
/// of units from its folded form. Searching, counting, near matches and
/// the ranking weight all follow this table, so a further text (say, page
/// text the reader demoted) is searched like the others once it has an
/// entry here.
#[derive(Debug)]
pub struct SearchedText {
    /// How the text is called (`title:` in the query language looks in the
    /// text named [`names::TITLE`] only).
    pub name: &'static str,
    pub chars: &'static str,
    pub pairs: &'static str,
    /// What a match here weighs against one in the body (BM25 multiplier).
    pub weight: f32,
    /// Whether only quoted phrases look here, not bare words.
    pub quoted_only: bool,
    /// The text, as published.
    pub text: fn(&Publication) -> &str,
}

fn title_of(publication: &Publication) -> &str {
    &publication.title
}

fn body_of(publication: &Publication) -> &str {
    &publication.body
}

fn aside_of(publication: &Publication) -> &str {
    &publication.aside
}

/// Every text searched, in the order documents hold them.
///
/// The aside (crumbs, banners, metadata tables, the lines around a
/// headline) keeps what a page shows but the reader did not take for title
/// or body, so that a researcher who quotes words seen on the page finds
/// it even when the reader misjudged a line. Only quoted phrases look
/// there: a bare word would otherwise count every page of a site whose
/// menu names it (法律援助, 人民调解), and counts are what researchers cite.
pub const SEARCHED_TEXTS: [SearchedText; 3] = [
    SearchedText {
        name: names::TITLE,
        chars: names::TITLE_CHARS,
        pairs: names::TITLE_PAIRS,
        weight: 3.0,
        quoted_only: false,
        text: title_of,
    },
    SearchedText {
        name: names::BODY,
        chars: names::BODY_CHARS,
        pairs: names::BODY_PAIRS,
        weight: 1.0,
        quoted_only: false,
        text: body_of,
    },
    SearchedText {
        name: names::ASIDE,
        chars: names::ASIDE_CHARS,
        pairs: names::ASIDE_PAIRS,
        weight: 0.3,
        quoted_only: true,
        text: aside_of,
    },
];

/// The index fields of one [`SearchedText`].
#[derive(Clone, Debug)]
pub struct SearchedFields {
    pub text: &'static SearchedText,
    pub chars: Field,
    pub pairs: Field,
}

/// Handles of every field; build with [`IndexSchema::new`] or read from an
/// existing index with [`IndexSchema::from_schema`].
#[derive(Clone, Debug)]
pub struct IndexSchema {
    pub schema: Schema,
    pub id: Field,
    pub title: Field,
    pub body: Field,
    /// The fields of every text searched, in [`SEARCHED_TEXTS`] order.
    pub searched: Vec<SearchedFields>,
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
    /// The document number, stored as written canonically and indexed as its
    /// key ([`crate::document::doc_no_key`]) for exact search.
    pub doc_no: Field,
    pub url: Field,
    pub source: Field,
    pub content_hash: Field,
    pub evidence_json: Field,
    pub chars: Field,
    /// The folded title with only letters and digits, once as written and
    /// once without a 中华人民共和国 prefix: an exact-title match is one term.
    pub title_key: Field,
    /// The subject a law-like title names (人民调解 for 宁波市人民调解条例).
    pub title_subject: Field,
    /// Fast fields for ranking: the kind's place in [`sifa_model::Kind::ALL`]
    /// and the agency level (0 unknown, 1 national … 4 county).
    pub kind_rank: Field,
    pub level_rank: Field,
    /// When the document was written into the index (Unix seconds, a fast
    /// field): the Atom feed orders undated publications by it, since a
    /// publication without a date is "new" when sifa first saw it.
    pub indexed_at: Field,
}

/// A field matched whole and never scored (ids, filters, keys): like
/// tantivy's `STRING`, without field norms, which only BM25 reads.
fn keyword() -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("raw")
        .set_index_option(IndexRecordOption::Basic)
        .set_fieldnorms(false);
    TextOptions::default().set_indexing_options(indexing)
}

fn analysed(tokenizer: &str, record: IndexRecordOption) -> TextOptions {
    let indexing = TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record);
    TextOptions::default().set_indexing_options(indexing)
}

impl IndexSchema {
    pub fn new() -> Self {
        let mut b = Schema::builder();
        b.add_text_field(names::ID, keyword() | STORED);
        b.add_text_field(names::TITLE, STORED);
        b.add_text_field(names::BODY, STORED);
        for text in &SEARCHED_TEXTS {
            b.add_text_field(text.chars, analysed(CHARS_TOKENIZER, IndexRecordOption::WithFreqs));
            b.add_text_field(text.pairs, analysed(PAIRS_TOKENIZER, IndexRecordOption::WithFreqsAndPositions));
        }
        b.add_text_field(names::AGENCY, keyword() | STORED);
        b.add_text_field(names::AGENCY_PATH, STORED);
        b.add_text_field(names::AGENCY_LEVEL, keyword() | STORED);
        b.add_facet_field(names::AGENCY_FACET, FacetOptions::default());
        b.add_facet_field(names::TOPIC_FACET, FacetOptions::default());
        b.add_text_field(names::TOPICS_JSON, STORED);
        b.add_facet_field(names::KIND_FACET, FacetOptions::default().set_stored());
        b.add_facet_field(names::TIMELINE_FACET, FacetOptions::default());
        b.add_date_field(names::DATE, DateOptions::from(INDEXED | STORED | FAST));
        b.add_text_field(names::DATE_TEXT, STORED);
        b.add_text_field(names::DOC_NO, keyword() | STORED);
        b.add_text_field(names::URL, keyword() | STORED);
        b.add_text_field(names::SOURCE, STORED);
        b.add_text_field(names::CONTENT_HASH, keyword());
        b.add_text_field(names::EVIDENCE_JSON, STORED);
        b.add_u64_field(names::CHARS, NumericOptions::default().set_stored());
        b.add_text_field(names::TITLE_KEY, STRING);
        b.add_text_field(names::TITLE_SUBJECT, STRING);
        b.add_u64_field(names::KIND_RANK, FAST);
        b.add_u64_field(names::LEVEL_RANK, FAST);
        b.add_date_field(names::INDEXED_AT, DateOptions::from(STORED | FAST));
        Self::from_schema(b.build()).expect("the schema just built has every field")
    }

    /// Field handles of an index built by this version of sifa; `None` when
    /// a field is missing (an index from an incompatible version).
    pub fn from_schema(schema: Schema) -> Option<Self> {
        let f = |name: &str| schema.get_field(name).ok();
        Some(Self {
            id: f(names::ID)?,
            title: f(names::TITLE)?,
            body: f(names::BODY)?,
            searched: SEARCHED_TEXTS
                .iter()
                .map(|text| Some(SearchedFields { text, chars: f(text.chars)?, pairs: f(text.pairs)? }))
                .collect::<Option<_>>()?,
            agency: f(names::AGENCY)?,
            agency_path: f(names::AGENCY_PATH)?,
            agency_level: f(names::AGENCY_LEVEL)?,
            agency_facet: f(names::AGENCY_FACET)?,
            topic_facet: f(names::TOPIC_FACET)?,
            topics_json: f(names::TOPICS_JSON)?,
            kind_facet: f(names::KIND_FACET)?,
            timeline_facet: f(names::TIMELINE_FACET)?,
            date: f(names::DATE)?,
            date_text: f(names::DATE_TEXT)?,
            doc_no: f(names::DOC_NO)?,
            url: f(names::URL)?,
            source: f(names::SOURCE)?,
            content_hash: f(names::CONTENT_HASH)?,
            evidence_json: f(names::EVIDENCE_JSON)?,
            chars: f(names::CHARS)?,
            title_key: f(names::TITLE_KEY)?,
            title_subject: f(names::TITLE_SUBJECT)?,
            kind_rank: f(names::KIND_RANK)?,
            level_rank: f(names::LEVEL_RANK)?,
            indexed_at: f(names::INDEXED_AT)?,
            schema,
        })
    }
}

impl Default for IndexSchema {
    fn default() -> Self {
        Self::new()
    }
}
