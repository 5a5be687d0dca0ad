//! Each stage of a reindex alone, on one thread, in units of jieba's time
//! over the same text: what the two threads of a reindex have to share.

use std::path::Path;
use std::time::Instant;

use sifa_analysis::{CharTokenizer, PairTokenizer};
use sifa_extract::{Extractor, raw_items};
use sifa_indexer::links::{self, LinkEntry, Signer};
use sifa_store::IndexSchema;
use sifa_store::document::{Folded, to_document_folded};
use tantivy::tokenizer::{TokenStream, Tokenizer};

use crate::common::{Corpus, jsonl_files};

/// Whether `c` is a Han character (as the analysis crate decides it).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

pub fn run(dir: &Path, corpus: &Corpus, jieba_rate: f64) {
    let jieba_secs = corpus.text_bytes as f64 / 1e6 / jieba_rate;
    let line = |name: &str, secs: f64| println!("  {name:<44} {secs:>6.2} s = {:>4.2} × jieba", secs / jieba_secs);
    println!("stages alone on one thread (jieba over the same text: {jieba_secs:.2} s):");

    let started = Instant::now();
    let mut items = Vec::new();
    let mut files: Vec<(std::path::PathBuf, String)> = jsonl_files(dir)
        .into_iter()
        .map(|p| (p.clone(), p.file_name().unwrap().to_string_lossy().to_string()))
        .collect();
    if let Ok(seeds) = std::fs::read_dir(dir.join("seeds")) {
        for entry in seeds.filter_map(Result::ok) {
            files.push((entry.path(), format!("seeds/{}", entry.file_name().to_string_lossy())));
        }
    }
    for (path, relative) in &files {
        items.extend(raw_items(path, relative, None));
    }
    line("reading (gunzip, JSON Lines split)", started.elapsed().as_secs_f64());

    let extractor = Extractor::with_default_rules();
    let started = Instant::now();
    let publications: Vec<_> = items.into_iter().filter_map(|item| extractor.extract(item).ok()).collect();
    line("extraction (sifa-extract)", started.elapsed().as_secs_f64());

    let started = Instant::now();
    let folded: Vec<Folded> = publications.iter().map(Folded::of).collect();
    line("folding title and body", started.elapsed().as_secs_f64());

    let signer = Signer::default();
    let started = Instant::now();
    let entries: Vec<LinkEntry> =
        publications.iter().zip(&folded).map(|(p, f)| LinkEntry::of_folded(p, f.body(), &signer)).collect();
    line("link entries (citations, MinHash signature)", started.elapsed().as_secs_f64());

    let started = Instant::now();
    let table = links::compute(&entries);
    let links_json = serde_json::to_vec(&table).unwrap();
    line("links table (resolution, reposts, JSON)", started.elapsed().as_secs_f64());
    println!("    {} entries, links.json {:.1} MB", entries.len(), links_json.len() as f64 / 1e6);
    drop(entries);

    let started = Instant::now();
    let (mut char_tokens, mut not_han) = (0usize, 0usize);
    let mut chars = CharTokenizer;
    for f in &folded {
        for text in &f.texts {
            let mut stream = chars.token_stream(text);
            while stream.advance() {
                char_tokens += 1;
                not_han += usize::from(!stream.token().text.chars().all(is_han));
            }
        }
    }
    line("unit tokenizer (Han characters, Latin runs)", started.elapsed().as_secs_f64());
    println!(
        "    {char_tokens} unit tokens, of which {not_han} ({:.2}%) Latin or digit runs",
        not_han as f64 * 100.0 / char_tokens as f64
    );

    let started = Instant::now();
    let mut pair_tokens = 0usize;
    let mut pairs = PairTokenizer;
    for f in &folded {
        for text in &f.texts {
            let mut stream = pairs.token_stream(text);
            while stream.advance() {
                pair_tokens += 1;
            }
        }
    }
    line("pair tokenizer (pairs of units standing together)", started.elapsed().as_secs_f64());
    println!("    {pair_tokens} pair tokens ({:.3} per unit token)", pair_tokens as f64 / char_tokens as f64);

    let schema = IndexSchema::new();
    let started = Instant::now();
    for (p, f) in publications.iter().zip(folded) {
        std::hint::black_box(to_document_folded(&schema, p, f, 0));
    }
    line("documents (fingerprint, evidence JSON, fields)", started.elapsed().as_secs_f64());
}
