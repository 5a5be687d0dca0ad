//! `sifa reindex`: build a new generation and switch to it.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_indexer::{Pipeline, ReindexSummary};
use sifa_store::IndexLocation;

use crate::args::DataArgs;
use crate::progress::Progress;

/// Skips listed by name in the human summary; the rest are counted.
const SKIPS_SHOWN: usize = 20;

pub fn run(data: &DataArgs, index: &Path, threads: Option<usize>, as_json: bool) -> anyhow::Result<ExitCode> {
    let summary = build(data, index, threads)?;
    if as_json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_summary(&summary);
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs a reindex with a progress display; shared with `serve`, which
/// builds the index first when there is none.
pub fn build(data: &DataArgs, index: &Path, threads: Option<usize>) -> anyhow::Result<ReindexSummary> {
    let pipeline = Pipeline::from_dirs(&data.data, data.rules.as_deref())
        .context("setting up the reading pipeline")?
        .with_threads(threads);
    let progress = Progress::new();
    let result = pipeline.reindex(&IndexLocation::new(index), &progress);
    progress.finish();
    result.with_context(|| format!("reindexing {} into {}", data.data.display(), index.display()))
}

fn print_summary(s: &ReindexSummary) {
    println!("indexed {} documents from {} files into generation {}", s.documents, s.files, s.generation);
    println!("  duplicates  {}", s.duplicates);
    let reasons: Vec<String> = s.skipped_by_reason.iter().map(|(reason, n)| format!("{reason} {n}")).collect();
    println!(
        "  skipped     {}{}",
        s.skipped,
        if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join(", ")) }
    );
    for entry in s.skipped_list.iter().take(SKIPS_SHOWN) {
        println!("    {}: {}", entry.source, entry.reason);
    }
    if s.skipped_list.len() > SKIPS_SHOWN {
        println!("    … {} more (use --json for the full list)", s.skipped as usize - SKIPS_SHOWN);
    }
    if s.archive_records_not_pages > 0 {
        let kinds: Vec<String> =
            s.archive_records_not_pages_by_kind.iter().map(|(kind, n)| format!("{kind} {n}")).collect();
        println!("  not pages   {} web-archive records ({})", s.archive_records_not_pages, kinds.join(", "));
    }
    if s.ignored_files > 0 {
        println!("  ignored     {} files that are not .txt/.html/.jsonl(.gz)/.warc(.gz)", s.ignored_files);
    }
    println!("  text        {:.1} MB in {:.1} s = {:.2} MB/s", s.text_bytes as f64 / 1e6, s.elapsed_secs, s.mb_per_sec);
    println!("  index size  {:.1} MB", s.index_bytes as f64 / 1e6);
}
