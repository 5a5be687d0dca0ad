//! Reading an index that the reading process cannot write: a replica's
//! read-only volume, or an index that another account owns.
//!
//! tantivy takes a lock file (`.tantivy-meta.lock`) while it opens a
//! generation's segments, so that a writer in another process does not
//! delete files that are being opened. Where the reader cannot create that
//! file, no writer of this process's kind can delete anything there either:
//! the lock is unneeded, and reading goes on without it. Every other lock,
//! and every lock on a writable directory, is taken as tantivy takes it.

use std::io;
use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, META_LOCK, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// An [`MmapDirectory`] whose readers need no lock file they cannot write.
#[derive(Clone, Debug)]
pub struct ReaderDirectory {
    inner: MmapDirectory,
}

impl ReaderDirectory {
    pub fn open(path: &Path) -> Result<Self, tantivy::directory::error::OpenDirectoryError> {
        Ok(Self { inner: MmapDirectory::open(path)? })
    }
}

/// Whether an error says the directory cannot be written by this process.
fn cannot_write(error: &io::Error) -> bool {
    matches!(error.kind(), io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem)
}

impl Directory for ReaderDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(error)) if lock.filepath == META_LOCK.filepath && cannot_write(&error) => {
                Ok(DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_unwritable_meta_lock_is_skipped() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert!(cannot_write(&denied));
        assert!(cannot_write(&io::Error::from(io::ErrorKind::ReadOnlyFilesystem)));
        assert!(!cannot_write(&io::Error::from(io::ErrorKind::NotFound)));
        // A writable directory takes its locks as tantivy does.
        let dir = tempfile::tempdir().unwrap();
        let directory = ReaderDirectory::open(dir.path()).unwrap();
        let lock = directory.acquire_lock(&META_LOCK).unwrap();
        assert!(dir.path().join(".tantivy-meta.lock").exists(), "the lock file is made where it can be");
        drop(lock);
    }
}
