//! One module per subcommand.

mod eval;
mod eval_extract;
mod inspect;
mod maintain;
mod reindex;
mod search;
mod serve;
mod stats;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_extract::Extractor;

use crate::args::{Command, EvalCommand};

pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Reindex { data, index, threads, json } => reindex::run(&data, &index.index, threads, json),
        Command::Add { paths, index, data, rules } => maintain::add(&paths, &index.index, &data, rules.as_deref()),
        Command::Delete { ids, index } => maintain::delete(&ids, &index.index),
        Command::Inspect { file, json, rules } => inspect::run(&file, json, rules.as_deref()),
        Command::Stats { index, json } => stats::run(&index.index, json),
        Command::Eval { what: Some(EvalCommand::Extract { labels, json, rules }), .. } => {
            eval_extract::run(&labels, json, rules.as_deref())
        }
        Command::Eval { what: None, index, queries } => eval::run(&index.index, &queries),
        Command::Check { index, json } => {
            let report = sifa_store::check(&sifa_store::IndexLocation::new(&index.index));
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                println!("generation  {}", report.generation.as_deref().unwrap_or("—"));
                println!("documents   {}", report.documents);
                for problem in &report.problems {
                    println!("problem     {problem}");
                }
                for note in &report.notes {
                    println!("note        {note}");
                }
                println!(
                    "{}",
                    if report.is_healthy() {
                        "the index is healthy"
                    } else {
                        "the index has problems: run `sifa reindex`"
                    }
                );
            }
            Ok(if report.is_healthy() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Serve { data, index, addr, admin_token } => serve::run(&data, &index.index, addr, admin_token),
        Command::Search { query, index, agency, topic, kind, from, to, sort, page, per_page, json } => {
            let params = sifa_query::SearchParams {
                q: query,
                agency,
                topic,
                kind,
                from,
                to,
                sort,
                page: Some(page),
                per_page: Some(per_page),
                facets: None,
            };
            search::run(&index.index, params, json)
        }
    }
}

/// The extractor with the rules from `dir`, or the built-in ones.
pub fn load_extractor(dir: Option<&Path>) -> anyhow::Result<Extractor> {
    sifa_indexer::load_extractor(dir).with_context(|| match dir {
        Some(dir) => format!("loading the rule files in {}", dir.display()),
        None => "loading the built-in rule files".to_string(),
    })
}
