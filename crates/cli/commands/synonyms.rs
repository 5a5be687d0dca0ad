//! `sifa synonyms`: the abbreviations and synonyms searched with each
//! query, and how the commands find the file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use sifa_query::Synonyms;

use crate::args::{DataArgs, SynonymsArgs};

/// The file named by `--synonyms`, else the built-in list.
pub fn load(args: &SynonymsArgs) -> anyhow::Result<Synonyms> {
    match &args.synonyms {
        Some(path) => Synonyms::load(path).with_context(|| format!("loading the synonyms in {}", path.display())),
        None => Ok(Synonyms::shipped()),
    }
}

/// The file `serve` follows: `--synonyms`, else `synonyms.toml` in the
/// rules directory or the data directory; `None` means the built-in list.
pub fn followed_file(args: &SynonymsArgs, data: &DataArgs) -> Option<PathBuf> {
    if let Some(path) = &args.synonyms {
        return Some(path.clone());
    }
    let beside = |dir: &Path| Some(dir.join("synonyms.toml")).filter(|p| p.is_file());
    data.rules.as_deref().and_then(beside).or_else(|| beside(&data.data))
}

pub fn list(synonyms: &Synonyms, json: bool) -> anyhow::Result<ExitCode> {
    if json {
        println!("{}", serde_json::to_string_pretty(synonyms.groups())?);
        return Ok(ExitCode::SUCCESS);
    }
    for group in synonyms.groups() {
        match &group.abbreviation {
            Some(short) => println!("{short} → {}", group.terms.join(" | ")),
            None => println!("{}", group.terms.join(" ⇔ ")),
        }
        println!("    {}", group.note);
    }
    println!("\n{} groups", synonyms.groups().len());
    Ok(ExitCode::SUCCESS)
}
