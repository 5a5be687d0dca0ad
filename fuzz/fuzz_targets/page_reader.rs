//! Any bytes as a page (HTML or text, in any encoding) or a JSON Lines
//! record: the reader gives a publication or a reason to skip, never a panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sifa_extract::{Extractor, Payload, Provenance, RawItem, SourceFormat};
use sifa_model::SourceRef;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::with_default_rules);

fuzz_target!(|data: &[u8]| {
    // The first byte picks what the rest is read as.
    let Some((&selector, bytes)) = data.split_first() else { return };
    let page = |format| Payload::Page { bytes: bytes.to_vec(), format, provenance: Provenance::default() };
    let (path, payload) = match selector % 3 {
        0 => ("fuzz.html", page(SourceFormat::Html)),
        1 => ("fuzz.txt", page(SourceFormat::Text)),
        _ => ("fuzz.jsonl", Payload::Record(String::from_utf8_lossy(bytes).into_owned())),
    };
    let item = RawItem { source: SourceRef { path: path.into(), line: None }, payload };
    let _ = EXTRACTOR.extract(item);
});
