//! One module per subcommand.

mod check;
mod eval;
mod eval_extract;
mod inspect;
mod maintain;
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
        Command::Add { paths, index, data, rules } => maintain::add(&paths, &index.index, &data, rules.as_deref()),
        Command::Delete { targets, index, data } => maintain::delete(&targets, &index.index, &data),
        Command::Inspect { file, json, rules, data } => inspect::run(&file, json, rules.as_deref(), &data),
        Command::Stats { index, json } => stats::run(&index.index, json),
        Command::Eval { what: Some(EvalCommand::Extract { labels, json, rules }), .. } => {
            eval_extract::run(&labels, json, rules.as_deref())
        }
        Command::Eval { what: None, index, queries, no_expand, synonyms } => {
            eval::run(&index.index, &queries, !no_expand, synonyms::load(&synonyms)?)
        }
        Command::Synonyms { synonyms, json } => synonyms::list(&synonyms::load(&synonyms)?, json),
        Command::Check { index, json } => check::run(&index.index, json),
        Command::Serve { data, index, addr, admin_token, replica, synonyms } => {
            serve::run(&data, &index.index, addr, admin_token, replica, &synonyms)
        }
        Command::Search {
            query,
            index,
            agency,
            topic,
            kind,
            from,
            to,
            sort,
            no_expand,
            exact,
            synonyms,
            page,
            per_page,
            json,
        } => {
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
                expand: no_expand.then(|| "false".to_string()),
                exact: exact.then(|| "true".to_string()),
                ..sifa_query::SearchParams::default()
            };
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
