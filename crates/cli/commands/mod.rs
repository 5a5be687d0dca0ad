//! One module per subcommand.

mod inspect;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_extract::{Extractor, RuleFiles};

use crate::args::Command;

pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Inspect { file, json, rules } => inspect::run(&file, json, rules.as_deref()),
        _ => anyhow::bail!("not yet"),
    }
}

/// The extractor with the rules from `dir`, or the built-in ones.
pub fn load_extractor(dir: Option<&Path>) -> anyhow::Result<Extractor> {
    let rules = match dir {
        Some(dir) => RuleFiles::from_dir(dir).with_context(|| format!("reading rules from {}", dir.display()))?,
        None => RuleFiles::default(),
    };
    Extractor::new(&rules).context("loading the rule files")
}
