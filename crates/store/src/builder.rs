//! Writing a new generation beside the live one and switching to it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use sifa_analysis::ChineseAnalysis;
use tantivy::index::SegmentId;
use tantivy::indexer::NoMergePolicy;
use tantivy::{IndexWriter, TantivyDocument};

use crate::generations::{GENERATION_DICTIONARY, GenerationInfo, IndexLocation, WriteLock, write_synced};
use crate::open::create_index;
use crate::{IndexSchema, Manifest, StoreError};

/// How much work tantivy's writer may do at once, and how the generation
/// is laid out. Each setting is a lever of the reindex bench
/// (`crates/indexer/benches/reindex.rs`), which measures it on its own.
#[derive(Debug, Clone, Copy)]
pub struct WriterSettings {
    /// Indexing threads.
    pub threads: usize,
    /// Memory budget per thread, in bytes.
    pub memory_per_thread: usize,
    /// When segments are merged.
    pub merge: MergeMode,
    /// How the document store is compressed.
    pub doc_store: DocStoreSettings,
}

/// When a bulk build merges its segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeMode {
    /// tantivy's log merge policy while writing (its default).
    WhileWriting,
    /// Never: the generation keeps the segments the writer flushed.
    Never,
    /// No merges while writing, then, at commit, the segments merged in
    /// groups of at most [`MERGE_GROUP_BYTES`] ([`merge_in_groups`]).
    Final,
}

/// The most index bytes one merge after a bulk build reads. A merge reads
/// its segments back through memory maps, so this is what it adds to the
/// process's resident memory: the shared corpus (about 120 MB of index)
/// becomes one segment, ten times it (about 1.2 GB) five rather than the
/// fifteen the writer flushed, within a peak of 1 GiB.
pub const MERGE_GROUP_BYTES: u64 = 256 * 1024 * 1024;

/// Compression of the document store (stored titles, bodies, evidence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocStoreSettings {
    /// zstd level; `None` stores blocks uncompressed.
    pub zstd_level: Option<i32>,
    /// Bytes of documents per compressed block.
    pub block_bytes: usize,
}

impl DocStoreSettings {
    /// zstd level 9 reads as fast as 6 and writes at the same speed within
    /// the reindex bench's noise; 256 KiB blocks compress Chinese text
    /// better than 64 KiB (0.989 × the raw corpus against 1.020, at zstd 6),
    /// and the readers' block cache makes repeated reads cheap.
    pub const DEFAULT: Self = Self { zstd_level: Some(9), block_bytes: 256 * 1024 };
}

impl Default for DocStoreSettings {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl WriterSettings {
    /// The budget of a bulk build: tantivy's segments grow large before
    /// they are flushed, so fewer merges follow.
    pub const BULK_MEMORY_PER_THREAD: usize = 96 * 1024 * 1024;

    pub fn bulk(threads: usize) -> Self {
        Self {
            threads: threads.clamp(1, 8),
            memory_per_thread: Self::BULK_MEMORY_PER_THREAD,
            // No merges: a final merge into one segment saves 1.3 % of the
            // index but costs about 15 % of the reindex's throughput, and at
            // 10 × the shared corpus it reads the whole index back through
            // memory maps (1.2 GiB peak against 0.9 GiB without).
            merge: MergeMode::Final,
            doc_store: DocStoreSettings::DEFAULT,
        }
    }
}

/// A generation being written. Nothing is visible to readers until
/// [`GenerationBuilder::commit`] writes the [`Manifest`] and renames
/// `CURRENT`; dropping the builder without committing removes the
/// half-written generation.
pub struct GenerationBuilder {
    location: IndexLocation,
    lock: WriteLock,
    /// The live generation when the build started, kept for servers that
    /// are still answering requests on it.
    previous: Option<String>,
    removed: Vec<String>,
    name: String,
    path: PathBuf,
    schema: IndexSchema,
    user_dictionary: String,
    writer: Option<IndexWriter>,
    merge: MergeMode,
    started: Instant,
    /// Files written into the generation beside tantivy's at commit.
    attached: Vec<(String, Vec<u8>)>,
}

/// What a committed build left on disk.
#[derive(Debug, Clone)]
pub struct Committed {
    pub generation: String,
    /// Stale generations removed before and after the switch.
    pub removed: Vec<String>,
    pub index_bytes: u64,
}

impl GenerationBuilder {
    /// Takes the writer lock and creates an empty generation.
    pub fn start(
        location: &IndexLocation,
        analysis: &ChineseAnalysis,
        settings: WriterSettings,
    ) -> Result<Self, StoreError> {
        let lock = location.lock()?;
        let previous = location.current()?;
        let removed = location.remove_stale(None, &lock)?;
        let (name, path) = location.new_generation(&lock)?;
        let created = create_index(&path, analysis, settings.doc_store).and_then(|(index, schema)| {
            let threads = settings.threads.max(1);
            let writer: IndexWriter = index.writer_with_num_threads(threads, settings.memory_per_thread * threads)?;
            if settings.merge != MergeMode::WhileWriting {
                writer.set_merge_policy(Box::new(NoMergePolicy));
            }
            Ok((schema, writer))
        });
        let (schema, writer) = match created {
            Ok(created) => created,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&path);
                return Err(e);
            }
        };
        Ok(Self {
            location: location.clone(),
            lock,
            previous,
            removed,
            name,
            path,
            schema,
            user_dictionary: analysis.user_dictionary().to_string(),
            writer: Some(writer),
            merge: settings.merge,
            started: Instant::now(),
            attached: Vec::new(),
        })
    }

    pub fn schema(&self) -> &IndexSchema {
        &self.schema
    }

    /// The directory being written (readers must not look inside).
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn add(&mut self, document: TantivyDocument) -> Result<(), StoreError> {
        let writer = self.writer.as_mut().expect("the writer lives until commit");
        writer.add_document(document)?;
        Ok(())
    }

    /// Writes out what the writer holds in memory (its last segments), so
    /// that work done before [`commit`](Self::commit) (a reindex's links
    /// table) does not run beside the writer's memory budget. The
    /// generation stays unfinished and unswitched until `commit`.
    pub fn flush(&mut self) -> Result<(), StoreError> {
        let writer = self.writer.as_mut().expect("the writer lives until commit");
        writer.commit()?;
        Ok(())
    }

    /// A file to write into the generation at commit (the links table).
    pub fn attach(&mut self, name: &str, bytes: Vec<u8>) {
        self.attached.push((name.to_string(), bytes));
    }

    /// Commits the documents, writes the attached files, records how the
    /// generation was built, writes its manifest last and makes it live.
    /// `source_dir` is what it was built from.
    pub fn commit(mut self, source_dir: &str) -> Result<Committed, StoreError> {
        let mut writer = self.writer.take().expect("the writer lives until commit");
        writer.commit()?;
        let index = writer.index().clone();
        if self.merge == MergeMode::Final {
            merge_in_groups(&mut writer, &self.path)?;
        }
        writer.wait_merging_threads()?;
        write_synced(&self.path.join(GENERATION_DICTIONARY), self.user_dictionary.as_bytes())?;
        for (name, bytes) in std::mem::take(&mut self.attached) {
            write_synced(&self.path.join(name), &bytes)?;
        }
        let now = u64::try_from(sifa_model::instant::unix_now()).unwrap_or(0);
        let info = GenerationInfo {
            name: self.name.clone(),
            built_at: now,
            updated_at: now,
            source_dir: source_dir.to_string(),
            sifa_version: env!("CARGO_PKG_VERSION").to_string(),
        };
        self.location.write_info(&info)?;
        let build_seconds = self.started.elapsed().as_secs_f64();
        Manifest::compute(&self.path, &index, info, build_seconds)?.write(&self.path)?;
        self.location.switch_to(&self.name, &self.lock)?;
        let mut removed = std::mem::take(&mut self.removed);
        removed.extend(self.location.remove_stale(self.previous.as_deref(), &self.lock)?);
        Ok(Committed {
            index_bytes: self.location.generation_size(&self.name),
            generation: std::mem::take(&mut self.name),
            removed,
        })
    }
}

/// Merges the segments of the index in `dir` in groups of at most
/// [`MERGE_GROUP_BYTES`], smallest first, one merge at a time (each frees
/// the memory maps of the segments it merged before the next begins).
fn merge_in_groups(writer: &mut IndexWriter, dir: &Path) -> Result<(), StoreError> {
    let mut sizes: Vec<(SegmentId, u64)> =
        writer.index().searchable_segment_ids()?.into_iter().map(|id| (id, segment_bytes(dir, id))).collect();
    sizes.sort_by_key(|&(_, bytes)| bytes);
    let mut groups: Vec<Vec<SegmentId>> = vec![Vec::new()];
    let mut group_bytes = 0;
    for (id, bytes) in sizes {
        let group = groups.last_mut().expect("a group");
        if !group.is_empty() && group_bytes + bytes > MERGE_GROUP_BYTES {
            groups.push(Vec::new());
            group_bytes = 0;
        }
        groups.last_mut().expect("a group").push(id);
        group_bytes += bytes;
    }
    for group in groups.into_iter().filter(|g| g.len() > 1) {
        writer.merge(&group).wait()?;
    }
    Ok(())
}

/// The bytes of a segment's files in `dir`.
fn segment_bytes(dir: &Path, id: SegmentId) -> u64 {
    let prefix = id.uuid_string();
    let entries = std::fs::read_dir(dir).into_iter().flatten().filter_map(Result::ok);
    entries
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

impl Drop for GenerationBuilder {
    fn drop(&mut self) {
        if let Some(writer) = self.writer.take() {
            drop(writer);
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}
