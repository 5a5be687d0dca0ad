//! The links of a live generation recomputed from its stored documents,
//! after `sifa add` and `sifa delete` changed it in place.

use super::{LinkEntry, LinksSummary, Signer, compute};

/// Recomputes the links of the live generation `open` from its stored
/// documents and replaces its links file (after `add` and `delete`).
pub fn refresh(open: &sifa_store::OpenIndex) -> Result<LinksSummary, crate::IndexError> {
    let searcher = open.index.reader()?.searcher();
    let signer = Signer::default();
    let mut entries = Vec::with_capacity(searcher.num_docs() as usize);
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in segment.doc_ids_alive() {
            let stored: tantivy::TantivyDocument = searcher.doc(tantivy::DocAddress::new(ord as u32, doc))?;
            let publication = sifa_store::from_document_without_evidence(&open.schema, &stored);
            entries.push(LinkEntry::of(&publication, &signer));
        }
    }
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let links = compute(&entries);
    links.write(&open.location.generation_path(&open.generation))?;
    Ok(LinksSummary::of(&links))
}
