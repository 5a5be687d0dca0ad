//! Incremental changes to the live generation: `add` and `delete`.
//!
//! A file added again replaces what it gave before as a whole: every
//! publication it holds now replaces the one with the same id, and the
//! documents it held before and no longer does (an edited record without id
//! or URL, a removed line) are removed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sifa_extract::Extractor;
use sifa_store::{IndexLocation, OpenIndex, first_match};
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::IndexError;
use crate::bookkeeping::{Report, SkippedEntry, UnreadableEntry, Written, record_skip, record_unreadable_given};
use crate::sources::{StoredSource, by_path, is_outside, source_path, stored_sources};
use crate::walk::walk;

/// Writer memory for small incremental changes.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

#[derive(Debug, Default, Serialize)]
pub struct AddSummary {
    /// Ids added for the first time.
    pub added: Vec<String>,
    /// Ids that replaced an indexed publication with the same id.
    pub replaced: Vec<String>,
    /// Documents a file held when it was added before and no longer holds
    /// (an edited record without id or URL, a line taken out).
    pub removed: Vec<RemovedEntry>,
    /// Publications whose text is already indexed under another id.
    pub duplicates: Vec<SkippedEntry>,
    pub skipped: Vec<SkippedEntry>,
    /// Records of web archives that are not pages (requests, redirects, …).
    pub archive_records_not_pages: u64,
    /// Stated values (a record's date, kind, …) that could not be read.
    pub unreadable_given: Vec<UnreadableEntry>,
    /// Files added from outside the data directory, by absolute path: the
    /// next `sifa reindex` does not read them.
    pub outside_data: Vec<String>,
}

/// A document taken out because its file no longer holds it.
#[derive(Debug, Clone, Serialize)]
pub struct RemovedEntry {
    pub id: String,
    pub source: String,
}

#[derive(Debug, Default, Serialize)]
pub struct DeleteSummary {
    /// Every id deleted, named directly or through a path.
    pub deleted: Vec<String>,
    /// Paths given, with the ids of the documents read from them.
    pub by_path: Vec<PathDeletion>,
    /// Arguments that are neither an indexed id nor the path of an indexed file.
    pub not_found: Vec<String>,
}

/// The documents deleted because they were read from a path.
#[derive(Debug, Clone, Serialize)]
pub struct PathDeletion {
    pub path: String,
    pub ids: Vec<String>,
}

/// Adds the publications in `paths` (files or directories) to the live
/// index; a publication with an id already indexed replaces it, and the
/// documents a file gave before and no longer gives are removed. Source
/// paths are recorded relative to `data_root` when they lie beneath it,
/// else absolute (and listed in [`AddSummary::outside_data`]).
pub fn add(
    location: &IndexLocation,
    extractor: &Extractor,
    paths: &[PathBuf],
    data_root: &Path,
) -> Result<AddSummary, IndexError> {
    let lock = location.lock()?;
    let open = OpenIndex::open(location)?;
    let schema = &open.schema;
    let mut writer: IndexWriter = open.index.writer(WRITER_MEMORY)?;
    let reader = open.index.reader()?;
    let searcher = reader.searcher();
    let mut indexed_from = by_path(stored_sources(&searcher, schema)?);
    let mut summary = AddSummary::default();
    // What this run has written (the searcher does not see it yet).
    let mut written = Written::default();
    for path in paths {
        if !path.exists() {
            summary
                .skipped
                .push(SkippedEntry { source: path.display().to_string(), reason: "no such file or directory".into() });
            continue;
        }
        let files = if path.is_dir() {
            walk(path, Some(location.root())).files.into_iter().map(|f| f.path).collect()
        } else {
            vec![path.clone()]
        };
        for file in files {
            let source = source_path(&file, data_root);
            if is_outside(&source) {
                summary.outside_data.push(source.clone());
            }
            let before: Vec<StoredSource> = indexed_from.remove(&source).unwrap_or_default();
            let before_ids: HashSet<&str> = before.iter().map(|s| s.id.as_str()).collect();
            for result in extractor.extract_file(&file, &source) {
                let publication = match result {
                    Ok(p) => p,
                    Err(skipped) => {
                        record_skip(&mut summary, skipped);
                        continue;
                    }
                };
                record_unreadable_given(&mut summary, &publication);
                let (document, fingerprint) = sifa_store::to_document(schema, &publication);
                let exists =
                    written.has_id(&publication.id) || first_match(&searcher, schema.id, &publication.id)?.is_some();
                if !exists {
                    // The same text under another id is a duplicate, unless
                    // that copy came from this very file: it is being replaced.
                    let original = match written.id_of_text(&fingerprint) {
                        Some(id) => Some(id.to_string()),
                        None => match first_match(&searcher, schema.content_hash, &fingerprint)? {
                            Some(address) => {
                                let doc: TantivyDocument = searcher.doc(address)?;
                                Some(sifa_store::from_document(schema, &doc).id)
                            }
                            None => None,
                        },
                    };
                    if let Some(original) = original.filter(|id| !before_ids.contains(id.as_str())) {
                        summary.duplicates.push(SkippedEntry {
                            source: publication.source.to_string(),
                            reason: format!("same text as {original}"),
                        });
                        continue;
                    }
                }
                writer.delete_term(Term::from_field_text(schema.id, &publication.id));
                writer.add_document(document)?;
                written.remember(&publication.id, &fingerprint);
                if exists { summary.replaced.push(publication.id) } else { summary.added.push(publication.id) }
            }
            for old in before.iter().filter(|old| !written.has_id(&old.id)) {
                writer.delete_term(Term::from_field_text(schema.id, &old.id));
                summary.removed.push(RemovedEntry { id: old.id.clone(), source: old.source.to_string() });
            }
        }
    }
    writer.commit()?;
    touch(location, &open)?;
    drop(lock);
    Ok(summary)
}

/// `sifa add` lists everything it did not index.
impl Report for AddSummary {
    fn skipped(&mut self, entry: SkippedEntry, _category: &str) {
        self.skipped.push(entry);
    }

    fn not_a_page(&mut self, _kind: &str) {
        self.archive_records_not_pages += 1;
    }

    fn unreadable_given(&mut self, entry: UnreadableEntry) {
        self.unreadable_given.push(entry);
    }
}

/// Deletes publications from the live index: each target is an id, or the
/// path of a file or directory whose documents are deleted (`news/a.txt`
/// relative to `data_root` or as a path to it, `demo.jsonl:3` for one
/// record, an absolute path for a file added from outside).
pub fn delete(location: &IndexLocation, targets: &[String], data_root: &Path) -> Result<DeleteSummary, IndexError> {
    let lock = location.lock()?;
    let open = OpenIndex::open(location)?;
    let mut writer: IndexWriter = open.index.writer(WRITER_MEMORY)?;
    let searcher = open.index.reader()?.searcher();
    let mut summary = DeleteSummary::default();
    let mut stored: Option<Vec<StoredSource>> = None;
    let mut deleted: HashSet<String> = HashSet::new();
    for target in targets {
        if first_match(&searcher, open.schema.id, target)?.is_some() {
            writer.delete_term(Term::from_field_text(open.schema.id, target));
            if deleted.insert(target.clone()) {
                summary.deleted.push(target.clone());
            }
            continue;
        }
        let stored = match &mut stored {
            Some(stored) => stored,
            None => stored.insert(stored_sources(&searcher, &open.schema)?),
        };
        let ids = read_from(stored, target, data_root);
        if ids.is_empty() {
            summary.not_found.push(target.clone());
            continue;
        }
        for id in &ids {
            writer.delete_term(Term::from_field_text(open.schema.id, id));
            if deleted.insert(id.clone()) {
                summary.deleted.push(id.clone());
            }
        }
        summary.by_path.push(PathDeletion { path: target.clone(), ids });
    }
    writer.commit()?;
    touch(location, &open)?;
    drop(lock);
    Ok(summary)
}

/// The ids of the documents read from `target`, a file, a directory or
/// `file:line`, named as a path (resolved against the working directory
/// and recorded relative to `data_root`) or, failing that, as the index
/// records it.
fn read_from(stored: &[StoredSource], target: &str, data_root: &Path) -> Vec<String> {
    let (path, line) = match target.rsplit_once(':') {
        Some((path, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => (path, line.parse().ok()),
        _ => (target, None),
    };
    let literal = path.trim().trim_start_matches("./").trim_end_matches('/').to_string();
    let candidates = [source_path(Path::new(path), data_root), literal];
    for candidate in candidates.iter().filter(|c| !c.is_empty()) {
        let under = format!("{candidate}/");
        let ids: Vec<String> = stored
            .iter()
            .filter(|s| match line {
                Some(line) => s.source.path == *candidate && s.source.line == Some(line),
                None => s.source.path == *candidate || s.source.path.starts_with(&under),
            })
            .map(|s| s.id.clone())
            .collect();
        if !ids.is_empty() {
            return ids;
        }
    }
    Vec::new()
}

/// Records an incremental change: links recomputed over the live
/// documents; `updated_at`, which always moves past `built_at` (that tells
/// a reindex the generation may hold files added from outside the data
/// directory); and the manifest rewritten to list the files now live.
fn touch(location: &IndexLocation, open: &OpenIndex) -> Result<(), IndexError> {
    crate::links::refresh(open)?;
    let mut info = open.info()?;
    let now = u64::try_from(sifa_model::instant::unix_now()).unwrap_or(0);
    info.updated_at = now.max(info.built_at + 1);
    location.write_info(&info)?;
    Ok(open.rewrite_manifest()?)
}
