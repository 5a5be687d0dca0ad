//! Where documents come from: a source file's path as the index records
//! it, the documents of an index by source, and the documents a reindex of
//! the data directory would not read again.
//!
//! A file under the data directory is recorded by its path relative to it
//! (`demo/txt/01.txt`, with `/` separators), which is also what names a
//! page without id or URL; a file added from elsewhere by its absolute
//! path, so it stays one file whatever directory `sifa add` ran in, and a
//! reindex can tell it will not be read again.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;
use sifa_model::SourceRef;
use sifa_store::{IndexLocation, IndexSchema};
use tantivy::schema::Value;
use tantivy::{Searcher, TantivyDocument};

use crate::walk::relative_path;

/// The path the index records for `file`: relative to `data_root` when it
/// lies beneath it (as written, or once links are resolved), else the
/// file's absolute path.
pub fn source_path(file: &Path, data_root: &Path) -> String {
    let (file_abs, root_abs) = (absolute(file), absolute(data_root));
    if file_abs.starts_with(&root_abs) {
        return relative_path(&root_abs, &file_abs);
    }
    match (file.canonicalize(), data_root.canonicalize()) {
        (Ok(f), Ok(root)) if f.starts_with(&root) => relative_path(&root, &f),
        (Ok(f), _) => f.display().to_string(),
        _ => file_abs.display().to_string(),
    }
}

/// `path` made absolute against the working directory, with `.` and `..`
/// resolved by name (the file may no longer exist).
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map(|cwd| cwd.join(path)).unwrap_or_else(|_| path.to_path_buf())
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether a recorded source path names a file outside the data directory
/// it was added against (such paths are recorded absolute).
pub fn is_outside(source_path: &str) -> bool {
    Path::new(source_path).is_absolute()
}

/// A stored source as text (`path` or `path:line`) back to a [`SourceRef`].
fn parse_source(text: &str) -> SourceRef {
    match text.rsplit_once(':') {
        Some((path, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            SourceRef { path: path.to_string(), line: line.parse().ok() }
        }
        _ => SourceRef { path: text.to_string(), line: None },
    }
}

/// One live document: its id and where it was read from.
#[derive(Debug, Clone)]
pub struct StoredSource {
    pub id: String,
    pub source: SourceRef,
}

/// Every live document's id and source, read from the document store (the
/// source is stored, not indexed: this reads every document, about half a
/// second for the shared corpus's 23,000 documents).
pub fn stored_sources(searcher: &Searcher, schema: &IndexSchema) -> tantivy::Result<Vec<StoredSource>> {
    let mut out = Vec::with_capacity(searcher.num_docs() as usize);
    for segment in searcher.segment_readers() {
        let store = segment.get_store_reader(64)?;
        for doc in segment.doc_ids_alive() {
            let stored: TantivyDocument = store.get(doc)?;
            let text = |field| stored.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_string();
            out.push(StoredSource { id: text(schema.id), source: parse_source(&text(schema.source)) });
        }
    }
    Ok(out)
}

/// The live documents grouped by source path.
pub fn by_path(sources: Vec<StoredSource>) -> HashMap<String, Vec<StoredSource>> {
    let mut map: HashMap<String, Vec<StoredSource>> = HashMap::new();
    for source in sources {
        map.entry(source.source.path.clone()).or_default().push(source);
    }
    map
}

/// A document of the live index that a reindex of the data directory will
/// not read again: it was added from a file outside it.
#[derive(Debug, Clone, Serialize)]
pub struct OutsideDocument {
    pub id: String,
    pub source: String,
}

/// The documents of the live generation (if there is one) that were added
/// from files outside `data_dir`: a rebuild from `data_dir` leaves them out.
/// Only a generation changed since its build can hold such documents, so
/// the document store is read only then.
pub fn outside_documents(location: &IndexLocation, data_dir: &Path) -> Vec<OutsideDocument> {
    let Ok(Some(name)) = location.current() else { return Vec::new() };
    // `add` and `delete` always move `updated_at` past `built_at`.
    if location.read_info(&name).is_ok_and(|info| info.updated_at <= info.built_at) {
        return Vec::new();
    }
    let path = location.generation_path(&name);
    let Ok(index) = tantivy::Index::open_in_dir(&path) else { return Vec::new() };
    let Some(schema) = IndexSchema::from_schema(index.schema()) else { return Vec::new() };
    let Ok(reader) = index.reader() else { return Vec::new() };
    let Ok(sources) = stored_sources(&reader.searcher(), &schema) else { return Vec::new() };
    let root = data_dir.canonicalize().unwrap_or_else(|_| absolute(data_dir));
    sources
        .into_iter()
        .filter(|s| is_outside(&s.source.path) && !Path::new(&s.source.path).starts_with(&root))
        .map(|s| OutsideDocument { id: s.id, source: s.source.to_string() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_relative_inside_the_data_directory_and_absolute_outside() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("news")).unwrap();
        std::fs::write(data.join("news/a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("b.txt"), "x").unwrap();
        assert_eq!(source_path(&data.join("news/a.txt"), &data), "news/a.txt");
        assert_eq!(source_path(&data.join("news/../news/a.txt"), &data), "news/a.txt");
        assert_eq!(source_path(&data.join("news/gone.txt"), &data), "news/gone.txt", "a file that is gone");
        let outside = source_path(&dir.path().join("b.txt"), &data);
        assert!(is_outside(&outside) && outside.ends_with("b.txt"), "{outside}");
        assert!(!is_outside("news/a.txt"));
    }

    #[test]
    fn stored_sources_keep_their_line() {
        assert_eq!(parse_source("a/b.jsonl:12"), SourceRef { path: "a/b.jsonl".into(), line: Some(12) });
        assert_eq!(parse_source("a/b.txt"), SourceRef { path: "a/b.txt".into(), line: None });
    }
}
