//! `sifa stats`: what the live index holds.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_store::{IndexLocation, IndexStats, OpenIndex};

pub fn run(index: &Path, as_json: bool) -> anyhow::Result<ExitCode> {
    let open = OpenIndex::open(&IndexLocation::new(index)).context("opening the index")?;
    let stats = IndexStats::compute(&open).context("reading index statistics")?;
    if as_json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("documents   {}", sifa_model::english::grouped(stats.documents));
    println!("index size  {:.1} MB", stats.index_bytes as f64 / 1e6);
    println!(
        "generation  {} (built {}, updated {})",
        stats.generation,
        format_time(stats.built_at),
        format_time(stats.updated_at)
    );
    println!("source      {}", stats.source_dir);
    for (title, counts) in
        [("level", &stats.by_level), ("kind", &stats.by_kind), ("topic", &stats.by_topic), ("year", &stats.by_year)]
    {
        let row: Vec<String> = counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
        println!("{title:<11} {}", row.join(" · "));
    }
    Ok(ExitCode::SUCCESS)
}

/// Unix seconds as `YYYY-MM-DD HH:MM:SS UTC`.
pub fn format_time(secs: u64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second] UTC");
    time::OffsetDateTime::from_unix_timestamp(secs as i64)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| secs.to_string())
}
