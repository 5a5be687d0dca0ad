//! `sifa check`: verify the live index and say what is wrong.

use std::path::Path;
use std::process::ExitCode;

use sifa_model::english::grouped;
use sifa_store::{DocumentCount, IndexLocation};

pub fn run(index: &Path, as_json: bool) -> anyhow::Result<ExitCode> {
    let report = sifa_store::check(&IndexLocation::new(index));
    if as_json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("generation  {}", report.generation.as_deref().unwrap_or("—"));
        let documents = match report.documents_counted_from {
            DocumentCount::Read => grouped(report.documents),
            DocumentCount::Metadata => format!(
                "{} (from the segment metadata: damaged files may keep some from being read)",
                grouped(report.documents)
            ),
            DocumentCount::Unknown => "cannot be counted (the index cannot be opened)".to_string(),
        };
        println!("documents   {documents}");
        for problem in &report.problems {
            println!("problem     {problem}");
        }
        for note in &report.notes {
            println!("note        {note}");
        }
        println!(
            "{}",
            if report.is_healthy() { "the index is healthy" } else { "the index has problems: run `sifa reindex`" }
        );
    }
    Ok(if report.is_healthy() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
