//! `sifa add` and `sifa delete`: incremental changes to the live index.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use sifa_model::english::count;
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
    for entry in &summary.removed {
        println!("removed   {}: {} no longer holds it", entry.id, entry.source);
    }
    for entry in &summary.duplicates {
        println!("duplicate {}: {}", entry.source, entry.reason);
    }
    for entry in &summary.skipped {
        println!("skipped   {}: {}", entry.source, entry.reason);
    }
    if summary.archive_records_not_pages > 0 {
        println!(
            "not pages {} (requests, redirects, …)",
            count(summary.archive_records_not_pages, "web-archive record")
        );
    }
    for entry in &summary.unreadable_given {
        println!(
            "unreadable {}: {} {:?} could not be read; the text decided it",
            entry.source, entry.field, entry.value
        );
    }
    match summary.outside_data.as_slice() {
        [] => {}
        [path] => eprintln!(
            "note: {path} is outside the data directory {data}; `sifa reindex` reads only that directory, so the \
             next reindex will leave its documents out. Move the file into {data} to keep them.",
            data = data.display()
        ),
        paths => {
            eprintln!(
                "note: {} are outside the data directory {data}; `sifa reindex` reads only that directory, so the \
                 next reindex will leave their documents out. Move the files into {data} to keep them:",
                count(paths.len(), "file"),
                data = data.display()
            );
            for path in paths {
                eprintln!("  {path}");
            }
        }
    }
    let changed = summary.added.len() + summary.replaced.len() + summary.removed.len();
    Ok(if changed > 0 || summary.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn delete(targets: &[String], index: &Path, data: &Path) -> anyhow::Result<ExitCode> {
    let summary = sifa_indexer::delete(&IndexLocation::new(index), targets, data).context("deleting from the index")?;
    let by_path: std::collections::HashMap<&str, &str> = summary
        .by_path
        .iter()
        .flat_map(|deletion| deletion.ids.iter().map(|id| (id.as_str(), deletion.path.as_str())))
        .collect();
    for id in &summary.deleted {
        match by_path.get(id.as_str()) {
            Some(path) => println!("deleted   {id} (read from {path})"),
            None => println!("deleted   {id}"),
        }
    }
    for target in &summary.not_found {
        println!("not found {target}");
    }
    Ok(if summary.not_found.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
