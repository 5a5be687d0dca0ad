//! `reindex`: a full rebuild into a new generation.
//!
//! ```text
//! reader thread ──(seq, RawItem)──▶ N extraction workers ──(seq, result)──▶ collector
//!   walks files,                       decode + extract,                     reorders by seq,
//!   streams JSON Lines                 fold once, build the                  drops duplicates,
//!                                      document and link entry               feeds tantivy's writer
//! ```
//! Results are put back in reading order before deduplication, so which
//! copy of a duplicate is kept never depends on thread timing. Everything
//! that can run per document runs in the workers: the collector is one
//! thread, and what it does is paid once per document on the critical path.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use serde::Serialize;
use sifa_analysis::ChineseAnalysis;
use sifa_extract::{Extractor, Payload, RawItem, Skipped, raw_items};
use sifa_model::Publication;
use sifa_store::links::LINKS_FILE;
use sifa_store::{GenerationBuilder, IndexLocation, IndexSchema, WriterSettings};
use tantivy::TantivyDocument;

use crate::IndexError;
use crate::bookkeeping::{
    Duplicate, LISTED_MAX, Report, SkippedEntry, UnreadableEntry, Written, record_skip, record_unreadable_given,
};
use crate::first_seen::FirstSeen;
use crate::links::{LinkEntry, LinksSummary, Signer};
use crate::walk::{SourceFile, walk};

/// Work items in flight between threads.
const QUEUE_DEPTH: usize = 64;

/// How to build.
#[derive(Debug, Clone)]
pub struct ReindexOptions {
    pub data_dir: PathBuf,
    /// Extraction threads.
    pub threads: usize,
    /// tantivy's writer: its threads, memory, merges and document store.
    pub writer: WriterSettings,
    /// The jieba user dictionary to build with (kept in the generation).
    pub user_dictionary: String,
}

/// Where a build stands, for progress displays.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProgressState {
    pub files_total: u64,
    pub bytes_total: u64,
    /// Bytes read from the source files (compressed bytes for `.gz`).
    pub bytes_read: u64,
    /// Uncompressed bytes of text processed.
    pub text_bytes: u64,
    pub documents: u64,
    pub skipped: u64,
    pub duplicates: u64,
}

/// Receives progress; called from the collector thread.
pub trait ProgressSink: Sync {
    fn update(&self, _state: &ProgressState) {}
    /// The documents are written; committing and merging follow.
    fn committing(&self) {}
}

impl ProgressSink for () {}

/// What a build did.
#[derive(Debug, Clone, Serialize)]
pub struct ReindexSummary {
    pub generation: String,
    pub documents: u64,
    pub files: u64,
    pub ignored_files: u64,
    pub duplicates: u64,
    pub duplicate_list: Vec<Duplicate>,
    pub skipped: u64,
    pub skipped_by_reason: BTreeMap<String, u64>,
    pub skipped_list: Vec<SkippedEntry>,
    /// Records of web archives that are not pages (requests, metadata,
    /// redirects, error pages, images, robots.txt): read and passed over as
    /// expected, so neither skipped nor failed.
    pub archive_records_not_pages: u64,
    /// The same by kind: `request`, `metadata`, `redirect`, `not_html`, …
    pub archive_records_not_pages_by_kind: BTreeMap<String, u64>,
    /// Stated values that could not be read (a JSON Lines `date` of no
    /// known shape, a `kind` that is none, a title that is a number), by
    /// field: the text decided those fields instead.
    pub unreadable_given: BTreeMap<String, u64>,
    pub unreadable_given_list: Vec<UnreadableEntry>,
    /// Documents of the previous generation added from files outside the
    /// data directory (`sifa add`), which this build did not read.
    pub outside_data: u64,
    pub outside_data_list: Vec<crate::sources::OutsideDocument>,
    /// References, versions and reposts found across the generation.
    pub links: LinksSummary,
    pub text_bytes: u64,
    pub elapsed_secs: f64,
    /// Where the time went.
    pub stages: StageSeconds,
    pub mb_per_sec: f64,
    pub index_bytes: u64,
    pub removed_generations: Vec<String>,
}

impl ReindexSummary {
    fn new(files: u64, ignored_files: u64) -> Self {
        Self {
            generation: String::new(),
            documents: 0,
            files,
            ignored_files,
            duplicates: 0,
            duplicate_list: Vec::new(),
            skipped: 0,
            skipped_by_reason: BTreeMap::new(),
            skipped_list: Vec::new(),
            archive_records_not_pages: 0,
            archive_records_not_pages_by_kind: BTreeMap::new(),
            unreadable_given: BTreeMap::new(),
            unreadable_given_list: Vec::new(),
            outside_data: 0,
            outside_data_list: Vec::new(),
            links: LinksSummary::default(),
            text_bytes: 0,
            elapsed_secs: 0.0,
            stages: StageSeconds::default(),
            mb_per_sec: 0.0,
            index_bytes: 0,
            removed_generations: Vec::new(),
        }
    }
}

/// Seconds of a reindex by stage (wall time; the first runs on every
/// thread at once).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct StageSeconds {
    /// Reading, extracting and writing every document into tantivy's writer, and its last segments to disk.
    pub writing: f64,
    /// Computing the links table from every document's entry.
    pub links: f64,
    /// Committing (tantivy's last segments, merges), the manifest and the switch.
    pub commit: f64,
}

/// ` (binary 200, empty 3)`: counts by reason, for a message; nothing without any.
fn by_reason(counts: &BTreeMap<String, u64>) -> String {
    let parts: Vec<String> = counts.iter().map(|(reason, n)| format!("{reason} {n}")).collect();
    if parts.is_empty() { String::new() } else { format!(" ({})", parts.join(", ")) }
}

/// Builds a new generation from `options.data_dir` and makes it live.
pub fn reindex(
    location: &IndexLocation,
    extractor: &Extractor,
    options: &ReindexOptions,
    progress: &dyn ProgressSink,
) -> Result<ReindexSummary, IndexError> {
    let started = Instant::now();
    if !options.data_dir.is_dir() {
        return Err(IndexError::NoDataDir(options.data_dir.display().to_string()));
    }
    let analysis = ChineseAnalysis::with_user_dictionary(&options.user_dictionary)?;
    let mut builder = GenerationBuilder::start(location, &analysis, options.writer)?;
    let outside = crate::sources::outside_documents(location, &options.data_dir);
    let first_seen = FirstSeen::of_live(location);
    let (mut summary, entries) = write_all(&mut builder, extractor, options, location.root(), &first_seen, progress)?;
    summary.outside_data = outside.len() as u64;
    summary.outside_data_list = outside.into_iter().take(LISTED_MAX).collect();
    if summary.documents == 0 {
        return Err(IndexError::NothingIndexed {
            dir: options.data_dir.display().to_string(),
            files: summary.files,
            skipped: summary.skipped as usize,
            by_reason: by_reason(&summary.skipped_by_reason),
        });
    }
    progress.committing();
    // The writer's last segments go to disk first: at 10 × the shared
    // corpus the links table was computed beside 2 × 96 MiB of writer
    // memory, the peak of the reindex.
    builder.flush()?;
    summary.stages.writing = started.elapsed().as_secs_f64();
    let links_started = Instant::now();
    let links = crate::links::compute(&entries);
    drop(entries);
    summary.links = LinksSummary::of(&links);
    builder.attach(LINKS_FILE, serde_json::to_vec(&links).expect("links serialise"));
    drop(links);
    summary.stages.links = links_started.elapsed().as_secs_f64();
    let commit_started = Instant::now();
    let committed = builder.commit(&options.data_dir.display().to_string())?;
    summary.stages.commit = commit_started.elapsed().as_secs_f64();
    summary.generation = committed.generation;
    summary.index_bytes = committed.index_bytes;
    summary.removed_generations = committed.removed;
    summary.elapsed_secs = started.elapsed().as_secs_f64();
    summary.mb_per_sec = summary.text_bytes as f64 / 1e6 / summary.elapsed_secs.max(1e-9);
    Ok(summary)
}

/// A publication as an extraction worker hands it to the collector: with
/// its document and content fingerprint built and its link entry made,
/// from text folded once.
struct Prepared {
    publication: Publication,
    document: TantivyDocument,
    fingerprint: String,
    entry: LinkEntry,
}

/// What an extraction worker hands the collector.
type Extracted = Result<Prepared, Skipped>;

/// Reads every source of the data directory into `builder`; returns the
/// summary and the link entries of the documents written.
fn write_all(
    builder: &mut GenerationBuilder,
    extractor: &Extractor,
    options: &ReindexOptions,
    index_root: &Path,
    first_seen: &FirstSeen,
    progress: &dyn ProgressSink,
) -> Result<(ReindexSummary, Vec<LinkEntry>), IndexError> {
    let threads = options.threads.clamp(1, 8);
    let found = walk(&options.data_dir, Some(index_root));
    let mut state = ProgressState {
        files_total: found.files.len() as u64,
        bytes_total: found.files.iter().map(|f| f.size).sum(),
        ..ProgressState::default()
    };
    let mut summary = ReindexSummary::new(found.files.len() as u64, found.ignored);
    for (source, reason) in found.unreadable {
        record_skip(&mut summary, Skipped { source, reason });
    }
    let bytes_read = Arc::new(AtomicU64::new(0));
    let text_bytes = Arc::new(AtomicU64::new(0));
    let (work_tx, work_rx) = crossbeam_channel::bounded::<(u64, RawItem)>(QUEUE_DEPTH);
    let (done_tx, done_rx) = crossbeam_channel::bounded::<(u64, Extracted)>(QUEUE_DEPTH);
    let signer = Signer::default();
    let schema = builder.schema().clone();
    let mut entries = Vec::new();

    std::thread::scope(|scope| -> Result<(), IndexError> {
        let files = &found.files;
        let reader_bytes = bytes_read.clone();
        let reader_text = text_bytes.clone();
        scope.spawn(move || read_sources(files, &reader_bytes, &reader_text, &work_tx));
        for _ in 0..threads {
            let work_rx = work_rx.clone();
            let done_tx = done_tx.clone();
            let (signer, schema) = (&signer, &schema);
            scope.spawn(move || extract_items(extractor, (schema, first_seen), signer, &work_rx, &done_tx));
        }
        drop(done_tx);
        drop(work_rx);

        let mut pending: BTreeMap<u64, Extracted> = BTreeMap::new();
        let mut next = 0u64;
        let mut written = Written::default();
        let mut last_report = Instant::now();
        for (seq, result) in done_rx {
            pending.insert(seq, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                match result {
                    Ok(prepared) => {
                        let entry = add_one(builder, &mut written, &mut summary, prepared)?;
                        entries.extend(entry);
                    }
                    Err(skipped) => record_skip(&mut summary, skipped),
                }
            }
            if last_report.elapsed().as_millis() >= 100 {
                last_report = Instant::now();
                report(&mut state, &summary, &bytes_read, &text_bytes, progress);
            }
        }
        Ok(())
    })?;
    report(&mut state, &summary, &bytes_read, &text_bytes, progress);
    summary.text_bytes = state.text_bytes;
    Ok((summary, entries))
}

/// The reader thread: every unit of work of every file, numbered in order.
fn read_sources(
    files: &[SourceFile],
    bytes_read: &Arc<AtomicU64>,
    text_bytes: &AtomicU64,
    work: &crossbeam_channel::Sender<(u64, RawItem)>,
) {
    let mut seq = 0u64;
    for file in files {
        for item in raw_items(&file.path, &file.relative, Some(bytes_read.clone())) {
            let size = match &item.payload {
                Payload::Page { bytes, .. } => bytes.len(),
                Payload::Record(line) => line.len(),
                Payload::Failed(_) => 0,
            };
            text_bytes.fetch_add(size as u64, Ordering::Relaxed);
            if work.send((seq, item)).is_err() {
                return;
            }
            seq += 1;
        }
    }
}

/// An extraction worker: reads each item, folds its text once and builds
/// its document and link entry from it; a panic while reading one item
/// skips that item.
fn extract_items(
    extractor: &Extractor,
    (schema, first_seen): (&IndexSchema, &FirstSeen),
    signer: &Signer,
    work: &crossbeam_channel::Receiver<(u64, RawItem)>,
    done: &crossbeam_channel::Sender<(u64, Extracted)>,
) {
    for (seq, item) in work {
        let source = item.source.clone();
        let read = || {
            extractor.extract(item).map(|publication| {
                let folded = sifa_store::document::Folded::of(&publication);
                let entry = LinkEntry::of_folded(&publication, folded.body(), signer);
                let indexed_at = first_seen.of(&publication.id);
                let (document, fingerprint) =
                    sifa_store::document::to_document_folded(schema, &publication, folded, indexed_at);
                Prepared { publication, document, fingerprint, entry }
            })
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
            Err(Skipped {
                source,
                reason: sifa_extract::SkipReason::Unreadable("internal error while reading this item".into()),
            })
        });
        if done.send((seq, result)).is_err() {
            return;
        }
    }
}

/// Brings `state` up to date and hands it to the progress display.
fn report(
    state: &mut ProgressState,
    summary: &ReindexSummary,
    bytes_read: &AtomicU64,
    text_bytes: &AtomicU64,
    progress: &dyn ProgressSink,
) {
    state.bytes_read = bytes_read.load(Ordering::Relaxed);
    state.text_bytes = text_bytes.load(Ordering::Relaxed);
    state.documents = summary.documents;
    state.skipped = summary.skipped;
    state.duplicates = summary.duplicates;
    progress.update(state);
}

/// Writes a prepared publication unless it duplicates one already written;
/// returns its link entry when it was written.
fn add_one(
    builder: &mut GenerationBuilder,
    written: &mut Written,
    summary: &mut ReindexSummary,
    prepared: Prepared,
) -> Result<Option<LinkEntry>, IndexError> {
    let Prepared { publication, document, fingerprint, entry } = prepared;
    record_unreadable_given(summary, &publication);
    if let Some((original, by)) = written.duplicate_of(&publication, &fingerprint) {
        summary.duplicates += 1;
        if summary.duplicate_list.len() < LISTED_MAX {
            summary.duplicate_list.push(Duplicate {
                source: publication.source.to_string(),
                duplicate_of: original,
                by,
            });
        }
        return Ok(None);
    }
    builder.add(document)?;
    summary.documents += 1;
    Ok(Some(entry))
}

/// A reindex counts what it did not index by reason and lists the first
/// [`LISTED_MAX`] of each.
impl Report for ReindexSummary {
    fn skipped(&mut self, entry: SkippedEntry, category: &str) {
        self.skipped += 1;
        *self.skipped_by_reason.entry(category.to_string()).or_default() += 1;
        if self.skipped_list.len() < LISTED_MAX {
            self.skipped_list.push(entry);
        }
    }

    fn not_a_page(&mut self, kind: &str) {
        self.archive_records_not_pages += 1;
        *self.archive_records_not_pages_by_kind.entry(kind.to_string()).or_default() += 1;
    }

    fn unreadable_given(&mut self, entry: UnreadableEntry) {
        *self.unreadable_given.entry(entry.field.clone()).or_default() += 1;
        if self.unreadable_given_list.len() < LISTED_MAX {
            self.unreadable_given_list.push(entry);
        }
    }
}
