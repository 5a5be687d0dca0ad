//! `sifa stats`: what the live index holds.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_indexer::{IndexLocation, IndexStats, OpenIndex};

pub fn run(index: &Path, as_json: bool) -> anyhow::Result<ExitCode> {
    let open = OpenIndex::open(&IndexLocation::new(index)).context("opening the index")?;
    let stats = IndexStats::compute(&open).context("reading index statistics")?;
    if as_json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("documents   {}", stats.documents);
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
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC", rem / 3600, rem % 3600 / 60, rem % 60)
}
