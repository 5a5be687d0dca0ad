//! `sifa add`: publications from files into the live index; a file added
//! again replaces what it gave before.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use sifa_model::english::count;
use sifa_store::IndexLocation;

pub fn run(paths: &[PathBuf], index: &Path, data: &Path, rules: Option<&Path>) -> anyhow::Result<ExitCode> {
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
