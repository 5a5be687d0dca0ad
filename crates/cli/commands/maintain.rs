//! `sifa add` and `sifa delete`: incremental changes to the live index.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use sifa_store::IndexLocation;

pub fn add(paths: &[PathBuf], index: &Path, data: &Path, rules: Option<&Path>) -> anyhow::Result<ExitCode> {
    let extractor = super::load_extractor(rules)?;
    let summary =
        sifa_indexer::add(&IndexLocation::new(index), &extractor, paths, data).context("adding to the index")?;
    for id in &summary.added {
        println!("added     {id}");
    }
    for id in &summary.replaced {
        println!("replaced  {id}");
    }
    for entry in &summary.duplicates {
        println!("duplicate {}: {}", entry.source, entry.reason);
    }
    for entry in &summary.skipped {
        println!("skipped   {}: {}", entry.source, entry.reason);
    }
    if summary.archive_records_not_pages > 0 {
        println!("not pages {} web-archive records (requests, redirects, …)", summary.archive_records_not_pages);
    }
    let changed = summary.added.len() + summary.replaced.len();
    Ok(if changed > 0 || summary.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn delete(ids: &[String], index: &Path) -> anyhow::Result<ExitCode> {
    let summary = sifa_indexer::delete(&IndexLocation::new(index), ids).context("deleting from the index")?;
    for id in &summary.deleted {
        println!("deleted   {id}");
    }
    for id in &summary.not_found {
        println!("not found {id}");
    }
    Ok(if summary.not_found.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
