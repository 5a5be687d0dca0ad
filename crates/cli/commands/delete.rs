//! `sifa delete`: publications out of the live index, by id or by the
//! file they were read from.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_store::IndexLocation;

pub fn run(targets: &[String], index: &Path, data: &Path) -> anyhow::Result<ExitCode> {
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
