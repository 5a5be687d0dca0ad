//! One module per subcommand.

mod add;
mod check;
mod concordance;
mod delete;
mod eval;
mod eval_extract;
mod inspect;
mod reindex;
mod search;
mod serve;
mod stats;
mod synonyms;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_extract::Extractor;

use crate::args::{Command, EvalCommand};

pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Reindex { data, index, threads, json } => reindex::run(&data, &index.index, threads, json),
        Command::Add { paths, index, data, rules } => add::run(&paths, &index.index, &data, rules.as_deref()),
        Command::Delete { targets, index, data } => delete::run(&targets, &index.index, &data),
        Command::Inspect { file, json, rules, data } => inspect::run(&file, json, rules.as_deref(), &data),
        Command::Stats { index, json } => stats::run(&index.index, json),
        Command::Eval { what: Some(EvalCommand::Extract { labels, json, rules }), .. } => {
            eval_extract::run(&labels, json, rules.as_deref())
        }
        Command::Eval { what: None, index, queries, no_expand, synonyms } => {
            eval::run(&index.index, queries.as_deref(), !no_expand, synonyms::load(&synonyms)?)
        }
        Command::Synonyms { synonyms, json } => synonyms::list(&synonyms::load(&synonyms)?, json),
        Command::Check { index, json } => check::run(&index.index, json),
        Command::Serve {
            data,
            index,
            addr,
            admin_token,
            replica,
            public_url,
            header_timeout,
            max_connections,
            synonyms,
        } => {
            let connections = sifa_server::Connections {
                header_timeout: std::time::Duration::from_secs(header_timeout),
                max: max_connections,
            };
            let served = serve::Served { addr, admin_token, replica, public_url, connections };
            serve::run(&data, &index.index, served, &synonyms)
        }
        Command::Concordance { query, index, concordance, synonyms, json, csv } => {
            let output = if csv {
                concordance::Output::Csv
            } else if json {
                concordance::Output::Json
            } else {
                concordance::Output::Lines
            };
            concordance::run(&index.index, &query, concordance.pairs, output, synonyms::load(&synonyms)?)
        }
        Command::Search { query, index, search, synonyms, json } => {
            let q = query.into_iter().map(|q| ("q", q));
            let params = sifa_query::SearchParams::from_pairs(q.chain(search.pairs));
            search::run(&index.index, params, json, synonyms::load(&synonyms)?)
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
