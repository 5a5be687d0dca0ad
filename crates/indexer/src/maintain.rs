//! Incremental changes to the live generation: `add` and `delete`.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sifa_extract::Extractor;
use sifa_store::generations::unix_now;
use sifa_store::{IndexLocation, OpenIndex, first_match};
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::IndexError;
use crate::build::SkippedEntry;
use crate::walk::{relative_path, walk};

/// Writer memory for small incremental changes.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

#[derive(Debug, Default, Serialize)]
pub struct AddSummary {
    /// Ids added for the first time.
    pub added: Vec<String>,
    /// Ids that replaced an indexed publication with the same id.
    pub replaced: Vec<String>,
    /// Publications whose text is already indexed under another id.
    pub duplicates: Vec<SkippedEntry>,
    pub skipped: Vec<SkippedEntry>,
    /// Records of web archives that are not pages (requests, redirects, …).
    pub archive_records_not_pages: u64,
}

#[derive(Debug, Default, Serialize)]
pub struct DeleteSummary {
    pub deleted: Vec<String>,
    pub not_found: Vec<String>,
}

/// Adds the publications in `paths` (files or directories) to the live
/// index; a publication with an id already indexed replaces it. Source
/// paths are recorded relative to `data_root` when they lie beneath it.
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
    let mut summary = AddSummary::default();
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
            let relative = match (file.canonicalize(), data_root.canonicalize()) {
                (Ok(f), Ok(root)) if f.starts_with(&root) => relative_path(&root, &f),
                _ => file.display().to_string(),
            };
            for result in extractor.extract_file(&file, &relative) {
                let publication = match result {
                    Ok(p) => p,
                    Err(s) if s.reason.not_a_page().is_some() => {
                        summary.archive_records_not_pages += 1;
                        continue;
                    }
                    Err(s) => {
                        summary
                            .skipped
                            .push(SkippedEntry { source: s.source.to_string(), reason: s.reason.to_string() });
                        continue;
                    }
                };
                let (document, fingerprint) = sifa_store::to_document(schema, &publication);
                let exists = first_match(&searcher, schema.id, &publication.id)?.is_some();
                if !exists {
                    if let Some(address) = first_match(&searcher, schema.content_hash, &fingerprint)? {
                        let doc: TantivyDocument = searcher.doc(address)?;
                        let original = sifa_store::from_document(schema, &doc).id;
                        summary.duplicates.push(SkippedEntry {
                            source: publication.source.to_string(),
                            reason: format!("same text as {original}"),
                        });
                        continue;
                    }
                }
                writer.delete_term(Term::from_field_text(schema.id, &publication.id));
                writer.add_document(document)?;
                if exists { summary.replaced.push(publication.id) } else { summary.added.push(publication.id) }
            }
        }
    }
    writer.commit()?;
    touch(location, &open)?;
    drop(lock);
    Ok(summary)
}

/// Deletes publications by id from the live index.
pub fn delete(location: &IndexLocation, ids: &[String]) -> Result<DeleteSummary, IndexError> {
    let lock = location.lock()?;
    let open = OpenIndex::open(location)?;
    let mut writer: IndexWriter = open.index.writer(WRITER_MEMORY)?;
    let searcher = open.index.reader()?.searcher();
    let mut summary = DeleteSummary::default();
    for id in ids {
        if first_match(&searcher, open.schema.id, id)?.is_none() {
            summary.not_found.push(id.clone());
            continue;
        }
        writer.delete_term(Term::from_field_text(open.schema.id, id));
        summary.deleted.push(id.clone());
    }
    writer.commit()?;
    touch(location, &open)?;
    drop(lock);
    Ok(summary)
}

fn touch(location: &IndexLocation, open: &OpenIndex) -> Result<(), IndexError> {
    let mut info = open.info()?;
    info.updated_at = unix_now();
    Ok(location.write_info(&info)?)
}
