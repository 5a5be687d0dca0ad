//! `sifa reindex`: build a new generation and switch to it.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_indexer::{Pipeline, ReindexSummary};
use sifa_model::english::{count, grouped};
use sifa_store::IndexLocation;

use crate::args::DataArgs;
use crate::progress::Progress;

/// Skips listed by name in the human summary; the rest are counted.
const SKIPS_SHOWN: usize = 20;

pub fn run(data: &DataArgs, index: &Path, threads: Option<usize>, as_json: bool) -> anyhow::Result<ExitCode> {
    let summary = match build(data, index, threads) {
        Ok(summary) => summary,
        Err(error) if as_json => {
            // A script reading stdout learns why, not only that nothing came.
            println!("{}", serde_json::to_string_pretty(&error_json(&error))?);
            return Err(error);
        }
        Err(error) => return Err(error),
    };
    if as_json {
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        print_summary(&summary);
    }
    warn_outside(&summary, &data.data);
    Ok(ExitCode::SUCCESS)
}

/// `{"error": {"message", "causes"}}`: a failed reindex as `--json` prints it.
fn error_json(error: &anyhow::Error) -> serde_json::Value {
    let causes: Vec<String> = error.chain().skip(1).map(ToString::to_string).collect();
    serde_json::json!({"error": {"message": error.to_string(), "causes": causes}})
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

/// "(a 1, b 2)" of counts by name, or nothing.
fn by_name(counts: &std::collections::BTreeMap<String, u64>) -> String {
    if counts.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = counts.iter().map(|(name, n)| format!("{name} {}", grouped(*n))).collect();
    format!(" ({})", parts.join(", "))
}

fn print_summary(s: &ReindexSummary) {
    println!(
        "indexed {} from {} into generation {}",
        count(s.documents, "document"),
        count(s.files, "file"),
        s.generation
    );
    println!("  duplicates  {}", grouped(s.duplicates));
    println!("  skipped     {}{}", grouped(s.skipped), by_name(&s.skipped_by_reason));
    for entry in s.skipped_list.iter().take(SKIPS_SHOWN) {
        println!("    {}: {}", entry.source, entry.reason);
    }
    if s.skipped_list.len() > SKIPS_SHOWN {
        println!("    … {} more (use --json for the full list)", grouped(s.skipped - SKIPS_SHOWN as u64));
    }
    if s.archive_records_not_pages > 0 {
        println!(
            "  not pages   {}{}",
            count(s.archive_records_not_pages, "web-archive record"),
            by_name(&s.archive_records_not_pages_by_kind)
        );
    }
    let unreadable: u64 = s.unreadable_given.values().sum();
    if unreadable > 0 {
        println!(
            "  unreadable  {}{}: the text decided those fields",
            count(unreadable, "stated value"),
            by_name(&s.unreadable_given)
        );
        for entry in s.unreadable_given_list.iter().take(SKIPS_SHOWN) {
            println!("    {}: {} {:?}", entry.source, entry.field, entry.value);
        }
        if s.unreadable_given_list.len() > SKIPS_SHOWN {
            println!("    … {} more (use --json for the full list)", grouped(unreadable - SKIPS_SHOWN as u64));
        }
    }
    if s.ignored_files > 0 {
        let (files, are) = (count(s.ignored_files, "file"), if s.ignored_files == 1 { "is" } else { "are" });
        println!("  ignored     {files} that {are} not .txt/.html/.jsonl(.gz)/.warc(.gz)");
    }
    println!("  text        {:.1} MB in {:.1} s = {:.2} MB/s", s.text_bytes as f64 / 1e6, s.elapsed_secs, s.mb_per_sec);
    println!("  index size  {:.1} MB", s.index_bytes as f64 / 1e6);
}

/// Documents added from outside the data directory were in the previous
/// generation and are not in this one: say so on stderr, whatever the
/// output format.
fn warn_outside(s: &ReindexSummary, data: &Path) {
    if s.outside_data == 0 {
        return;
    }
    let (documents, were) = (count(s.outside_data, "document"), if s.outside_data == 1 { "was" } else { "were" });
    eprintln!(
        "warning: {documents} of the previous generation {were} added from outside the data directory {} \
         (`sifa add`) and {} not in this one:",
        data.display(),
        if s.outside_data == 1 { "is" } else { "are" }
    );
    for entry in s.outside_data_list.iter().take(SKIPS_SHOWN) {
        eprintln!("  {} ({})", entry.source, entry.id);
    }
    if s.outside_data_list.len() > SKIPS_SHOWN {
        eprintln!("  … {} more (use --json for the full list)", grouped(s.outside_data - SKIPS_SHOWN as u64));
    }
    eprintln!("  move the files into {} to keep them in every reindex, or `sifa add` them again", data.display());
}
