//! The files under a data directory, in a stable order.

use std::path::{Path, PathBuf};

use sifa_extract::{SkipReason, SourceFormat};
use sifa_model::SourceRef;

/// The user dictionary's file name in a rules directory (which may be the
/// data directory): never read as a publication.
pub(crate) const USER_DICTIONARY_FILE: &str = "userdict.txt";

/// A source file and its path relative to the data directory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub relative: String,
    pub size: u64,
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<SourceFile>,
    /// Files of other types (rule files, READMEs, PDFs): not publications.
    pub ignored: u64,
    /// Entries that could not be read (permissions, symlink loops).
    pub unreadable: Vec<(SourceRef, SkipReason)>,
}

/// Walks `root` recursively, following links (loops are reported, not
/// followed), skipping hidden entries, the index directory `exclude` and
/// the user dictionary (a `.txt` file that is a rule file, not a page:
/// `data/` holds both).
pub fn walk(root: &Path, exclude: Option<&Path>) -> Walk {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut out = Walk::default();
    let entries =
        walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter().filter_entry(|entry| {
            let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
            let excluded = exclude.as_ref().is_some_and(|ex| entry.path().canonicalize().ok().as_ref() == Some(ex));
            !hidden && !excluded
        });
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let relative = relative_path(root, entry.path());
                let is_rule_file = entry.file_name() == USER_DICTIONARY_FILE;
                if SourceFormat::of(entry.path()).is_none() || is_rule_file {
                    out.ignored += 1;
                    continue;
                }
                let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                out.files.push(SourceFile { path: entry.path().to_path_buf(), relative, size });
            }
            Ok(_) => {}
            Err(err) => {
                let path = err.path().map(|p| relative_path(root, p)).unwrap_or_else(|| root.display().to_string());
                let reason =
                    if err.loop_ancestor().is_some() { "symbolic link loop".to_string() } else { err.to_string() };
                out.unreadable.push((SourceRef { path, line: None }, SkipReason::Unreadable(reason)));
            }
        }
    }
    out
}

/// `path` relative to `root`, with `/` separators.
pub fn relative_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
