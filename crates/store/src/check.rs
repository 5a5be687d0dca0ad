//! `check`: verify an index directory and report every problem found.

use serde::Serialize;
use sifa_model::english::count;
use tantivy::TantivyDocument;

use crate::{IndexLocation, StoreError};

/// How [`CheckReport::documents`] was counted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentCount {
    /// Every live document was read from the document store.
    Read,
    /// Taken from the segment metadata, because some files are damaged:
    /// what the index holds, though not all of it may be readable.
    Metadata,
    /// The index could not be opened far enough to count (`documents` is 0).
    #[default]
    Unknown,
}

/// What a check found.
#[derive(Debug, Default, Serialize)]
pub struct CheckReport {
    pub generation: Option<String>,
    pub documents: u64,
    pub documents_counted_from: DocumentCount,
    /// Problems that make the index unusable or lose data.
    pub problems: Vec<String>,
    /// Things worth knowing that do no harm (left-over generations).
    pub notes: Vec<String>,
}

impl CheckReport {
    pub fn is_healthy(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks the live generation: it matches its manifest (every file there,
/// of its size and SHA-256, the dictionary among them), it opens, tantivy's
/// own checksums hold, its metadata is present, the manifest's document
/// count is what the index holds, and every stored document reads. A
/// generation that does not match its manifest is still examined, so the
/// report says what else is wrong and how many documents it holds.
pub fn check(location: &IndexLocation) -> CheckReport {
    let mut report = CheckReport::default();
    let opened = location.current().and_then(|current| {
        let generation = current.ok_or_else(|| StoreError::NoIndex(location.root().display().to_string()))?;
        let path = location.generation_path(&generation);
        if !path.is_dir() {
            return Err(StoreError::MissingGeneration(generation));
        }
        let manifest = crate::verify(&path, &generation);
        let (index, _) = crate::open::open_generation(&path, &generation)?;
        Ok((generation, manifest, index))
    });
    let (generation, manifest, index) = match opened {
        Ok(opened) => opened,
        Err(e) => {
            report.problems.push(crate::error::chain(&e));
            return report;
        }
    };
    report.generation = Some(generation.clone());
    let manifest = manifest.map_err(|e| report.problems.push(crate::error::chain(&e))).ok();
    if let Err(e) = location.read_info(&generation) {
        report.problems.push(format!("generation metadata: {}", crate::error::chain(&e)));
    }
    match index.validate_checksum() {
        Ok(damaged) => {
            for file in damaged {
                report.problems.push(format!("{} does not match its checksum", file.display()));
            }
        }
        Err(e) => report.problems.push(format!("checksums could not be verified: {e}")),
    }
    if !report.problems.is_empty() {
        // Damaged files: reading documents would only fail further, but the
        // segment metadata still says how many the index holds.
        if let Ok(metas) = index.searchable_segment_metas() {
            report.documents = metas.iter().map(|m| u64::from(m.num_docs())).sum();
            report.documents_counted_from = DocumentCount::Metadata;
        }
        return report;
    }
    match index.reader() {
        Ok(reader) => {
            let searcher = reader.searcher();
            report.documents = searcher.num_docs();
            report.documents_counted_from = DocumentCount::Read;
            if let Some(manifest) = manifest.filter(|m| m.documents != report.documents) {
                let (held, listed) = (count(report.documents, "document"), count(manifest.documents, "document"));
                report.problems.push(format!("the index holds {held}, its manifest says {listed}"));
            }
            // Damaged data can make the decoder panic rather than fail.
            let read_all = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut unreadable = 0u64;
                for (ord, segment) in searcher.segment_readers().iter().enumerate() {
                    for doc in segment.doc_ids_alive() {
                        let address = tantivy::DocAddress::new(ord as u32, doc);
                        if searcher.doc::<TantivyDocument>(address).is_err() {
                            unreadable += 1;
                        }
                    }
                }
                unreadable
            }));
            match read_all {
                Ok(0) => {}
                Ok(unreadable) => {
                    report.problems.push(format!("{} cannot be read", count(unreadable, "stored document")))
                }
                Err(_) => report.problems.push("stored documents are damaged (reading them failed)".to_string()),
            }
        }
        Err(e) => report.problems.push(format!("the index cannot be read: {e}")),
    }
    let others = location.generation_names().iter().filter(|name| **name != generation).count();
    if others > 0 {
        report.notes.push(format!(
            "{} on disk; the next reindex removes all but the previous one",
            count(others, "other generation")
        ));
    }
    report
}
