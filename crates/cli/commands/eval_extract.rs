//! `sifa eval extract --labels FILE`: the metadata reader measured on
//! labelled pages, read as text alone and as crawler records with their URL.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use sifa_extract::evaluate::{Reading, evaluate, read_labels};

pub fn run(labels_file: &Path, as_json: bool, rules: Option<&Path>) -> anyhow::Result<ExitCode> {
    let labels = read_labels(labels_file).context("reading the labels")?;
    let extractor = super::load_extractor(rules)?;
    let reports: Vec<_> =
        [Reading::WithUrl, Reading::TextOnly].map(|r| evaluate(&extractor, labels_file, &labels, r)).into();
    if as_json {
        println!("{}", serde_json::to_string_pretty(&reports)?);
    } else {
        for report in &reports {
            println!("{report}");
        }
        for report in &reports {
            print!("{}", report.table());
        }
    }
    Ok(ExitCode::SUCCESS)
}
