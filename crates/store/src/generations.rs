//! The on-disk layout of an index directory and its atomic switch.
//!
//! ```text
//! index/
//!   CURRENT                 name of the live generation (replaced by rename)
//!   .lock                   held (flock) by whoever writes: reindex, add, delete
//!   generations/
//!     gen-1763928900-000000000-4242/   a complete tantivy index + generation.json
//!                                      + userdict.txt + manifest.json (written last)
//! ```
//!
//! A reindex builds a new generation beside the live one and renames a new
//! `CURRENT` over the old only when the generation is complete and synced.
//! A killed reindex leaves a generation that `CURRENT` never named; the next
//! writer removes it. Generation names sort in the order they were built.
//!
//! Copies of the directory (replicas) follow the same rule with rsync: the
//! generation directory first, `CURRENT` last; readers open a generation
//! only when it matches its [`crate::manifest`].

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::StoreError;

const CURRENT: &str = "CURRENT";
const GENERATIONS: &str = "generations";
const LOCK: &str = ".lock";
/// Metadata written into each generation.
pub const GENERATION_META: &str = "generation.json";
/// The user dictionary a generation was built with.
pub const GENERATION_DICTIONARY: &str = "userdict.txt";
/// What a complete copy of a generation holds ([`crate::Manifest`]).
pub const GENERATION_MANIFEST: &str = "manifest.json";

/// What a generation records about itself.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GenerationInfo {
    pub name: String,
    /// Unix seconds when the build finished.
    pub built_at: u64,
    /// Unix seconds of the last incremental change.
    pub updated_at: u64,
    pub source_dir: String,
    pub sifa_version: String,
}

/// An index directory: where generations live and which one is live.
#[derive(Debug, Clone)]
pub struct IndexLocation {
    root: PathBuf,
}

/// An exclusive hold on the index directory for writing.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
}

impl IndexLocation {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn generations_dir(&self) -> PathBuf {
        self.root.join(GENERATIONS)
    }

    pub fn generation_path(&self, name: &str) -> PathBuf {
        self.generations_dir().join(name)
    }

    /// Takes the writer lock, or fails at once if another writer holds it
    /// or the index cannot be written (before any work is done).
    pub fn lock(&self) -> Result<WriteLock, StoreError> {
        let not_writable = |source| StoreError::NotWritable { path: self.root.display().to_string(), source };
        fs::create_dir_all(&self.root).map_err(not_writable)?;
        let path = self.root.join(LOCK);
        let file = OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(not_writable)?;
        let lock = match file.try_lock() {
            Ok(()) => WriteLock { _file: file },
            Err(fs::TryLockError::WouldBlock) => return Err(StoreError::Busy(self.root.display().to_string())),
            Err(fs::TryLockError::Error(e)) => return Err(StoreError::io(&path, e)),
        };
        self.check_writable().map_err(not_writable)?;
        Ok(lock)
    }

    /// Whether a writer can make what it will make: a generation's
    /// directory and the `CURRENT` it switches last (a lock file that
    /// opens says nothing about the directory around it).
    fn check_writable(&self) -> std::io::Result<()> {
        let probe = self.root.join("CURRENT.tmp");
        File::create(&probe)?;
        fs::remove_file(&probe)?;
        let generations = self.generations_dir();
        fs::create_dir_all(&generations)?;
        let probe = generations.join(".write-probe");
        fs::create_dir(&probe)?;
        fs::remove_dir(&probe)
    }

    /// The name of the live generation, if there is one.
    pub fn current(&self) -> Result<Option<String>, StoreError> {
        let path = self.root.join(CURRENT);
        match fs::read_to_string(&path) {
            Ok(name) => {
                let name = name.trim().to_string();
                let valid = !name.is_empty() && !name.contains(['/', '\\']) && name != "..";
                if valid { Ok(Some(name)) } else { Err(StoreError::BadCurrent(path.display().to_string())) }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::io(&path, e)),
        }
    }

    /// A fresh, empty directory for a new generation.
    pub fn new_generation(&self, _lock: &WriteLock) -> Result<(String, PathBuf), StoreError> {
        let (secs, nanos) =
            SystemTime::now().duration_since(UNIX_EPOCH).map(|d| (d.as_secs(), d.subsec_nanos())).unwrap_or((0, 0));
        let name = format!("gen-{secs}-{nanos:09}-{}", std::process::id());
        let path = self.generation_path(&name);
        fs::create_dir_all(&path).map_err(|e| StoreError::io(&path, e))?;
        Ok((name, path))
    }

    /// Makes `name` the live generation: write, sync, rename.
    pub fn switch_to(&self, name: &str, _lock: &WriteLock) -> Result<(), StoreError> {
        let tmp = self.root.join("CURRENT.tmp");
        let mut file = File::create(&tmp).map_err(|e| StoreError::io(&tmp, e))?;
        file.write_all(name.as_bytes()).and_then(|_| file.sync_all()).map_err(|e| StoreError::io(&tmp, e))?;
        fs::rename(&tmp, self.root.join(CURRENT)).map_err(|e| StoreError::io(&tmp, e))?;
        if let Ok(dir) = File::open(&self.root) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// Removes every generation except the live one and `keep` (the one a
    /// running server may still be reading). Returns what was removed.
    pub fn remove_stale(&self, keep: Option<&str>, _lock: &WriteLock) -> Result<Vec<String>, StoreError> {
        let current = self.current()?;
        let dir = self.generations_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(&dir, e)),
        };
        let mut removed = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if Some(name.as_str()) == current.as_deref() || Some(name.as_str()) == keep {
                continue;
            }
            if fs::remove_dir_all(entry.path()).is_ok() {
                removed.push(name);
            }
        }
        let _ = fs::remove_file(self.root.join("CURRENT.tmp"));
        Ok(removed)
    }

    /// Total size in bytes of the files of a generation.
    pub fn generation_size(&self, name: &str) -> u64 {
        // A generation is a flat directory of files.
        fs::read_dir(self.generation_path(name))
            .map(|entries| {
                entries.flatten().filter_map(|e| e.metadata().ok()).filter(|m| m.is_file()).map(|m| m.len()).sum()
            })
            .unwrap_or(0)
    }

    /// Names of every generation on disk, live or not.
    pub fn generation_names(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(self.generations_dir()) else { return Vec::new() };
        let mut names: Vec<String> = entries.flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect();
        names.sort();
        names
    }

    pub fn read_info(&self, name: &str) -> Result<GenerationInfo, StoreError> {
        let path = self.generation_path(name).join(GENERATION_META);
        let text = fs::read_to_string(&path).map_err(|e| StoreError::io(&path, e))?;
        serde_json::from_str(&text)
            .map_err(|source| StoreError::BadMetadata { path: path.display().to_string(), source })
    }

    /// A cheap fingerprint of what `CURRENT` names and of that generation's
    /// files (names, sizes, modification times): a reader that refused a
    /// generation looks at it again only once this changes (a copy went on
    /// or was repaired), instead of hashing it on every check.
    pub fn stamp(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        let current = fs::read_to_string(self.root.join(CURRENT)).unwrap_or_default();
        current.hash(&mut hasher);
        let name = current.trim();
        if !name.is_empty() && !name.contains(['/', '\\']) {
            let mut files: Vec<(String, u64, Option<SystemTime>)> = fs::read_dir(self.generation_path(name))
                .map(|entries| {
                    entries
                        .flatten()
                        .filter_map(|e| {
                            let meta = e.metadata().ok()?;
                            Some((e.file_name().to_string_lossy().into_owned(), meta.len(), meta.modified().ok()))
                        })
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            files.hash(&mut hasher);
        }
        hasher.finish()
    }

    pub fn write_info(&self, info: &GenerationInfo) -> Result<(), StoreError> {
        let path = self.generation_path(&info.name).join(GENERATION_META);
        let text = serde_json::to_string_pretty(info).expect("generation info serialises");
        write_synced(&path, text.as_bytes())
    }
}

pub fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut file = File::create(path).map_err(|e| StoreError::io(path, e))?;
    file.write_all(bytes).and_then(|_| file.sync_all()).map_err(|e| StoreError::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switch_and_cleanup() {
        let dir = tempfile::tempdir().unwrap();
        let location = IndexLocation::new(dir.path());
        let lock = location.lock().unwrap();
        assert!(matches!(location.lock(), Err(StoreError::Busy(_))), "a second writer is refused");
        assert_eq!(location.current().unwrap(), None);
        let (first, _) = location.new_generation(&lock).unwrap();
        location.switch_to(&first, &lock).unwrap();
        let (second, _) = location.new_generation(&lock).unwrap();
        let (partial, _) = location.new_generation(&lock).unwrap();
        location.switch_to(&second, &lock).unwrap();
        assert_eq!(location.current().unwrap().as_deref(), Some(second.as_str()));
        let removed = location.remove_stale(Some(&first), &lock).unwrap();
        assert_eq!(removed, vec![partial]);
        assert!(location.generation_path(&first).exists());
    }

    #[test]
    fn the_stamp_changes_with_current_and_with_the_files_of_the_generation_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let location = IndexLocation::new(dir.path());
        let lock = location.lock().unwrap();
        let empty = location.stamp();
        let (name, path) = location.new_generation(&lock).unwrap();
        location.switch_to(&name, &lock).unwrap();
        let named = location.stamp();
        assert_ne!(named, empty);
        assert_eq!(location.stamp(), named, "nothing changed");
        fs::write(path.join("meta.json"), b"{}").unwrap();
        assert_ne!(location.stamp(), named, "a file arrived");
    }
}
