//! Every rule the extractor records as evidence has a Chinese explanation
//! for the document view's 解析依据 (`sifa_model::explain_rule`): read the
//! demo corpus, and the development sets of real pages when they are there
//! (`../shared/pages` and `../shared/pages2`, or `$SIFA_PAGES` and
//! `$SIFA_PAGES2`), and look at every rule emitted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use sifa_extract::Extractor;
use sifa_extract::evaluate::{Reading, page_path, read_labels, read_page};
use sifa_model::{Publication, is_explained};

fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/demo")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e != "md") {
            out.push(path);
        }
    }
}

fn rules(publication: &Publication, found: &mut BTreeSet<(String, String)>) {
    for (field, evidence) in &publication.evidence {
        found.insert((field.clone(), evidence.rule.clone()));
    }
}

#[test]
fn every_rule_emitted_is_explained() {
    let extractor = Extractor::with_default_rules();
    let mut found = BTreeSet::new();
    let mut paths = Vec::new();
    files(&demo_dir(), &mut paths);
    assert!(paths.len() >= 30, "the demo corpus is there");
    for path in &paths {
        for publication in extractor.extract_file(path, "demo").into_iter().flatten() {
            rules(&publication, &mut found);
        }
    }
    for (folder, variable) in [("pages", "SIFA_PAGES"), ("pages2", "SIFA_PAGES2")] {
        let pages = std::env::var_os(variable)
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(folder));
        let labels_file = pages.join("labels.jsonl");
        if !labels_file.is_file() {
            eprintln!("the development set is not at {}: it is not read", pages.display());
            continue;
        }
        let labels = read_labels(&labels_file).expect("labels are readable");
        for label in &labels {
            for reading in [Reading::WithUrl, Reading::TextOnly] {
                if let Some(publication) = read_page(&extractor, &page_path(&labels_file, label), label, reading) {
                    rules(&publication, &mut found);
                }
            }
        }
    }
    let unexplained: Vec<String> =
        found.iter().filter(|(_, rule)| !is_explained(rule)).map(|(field, rule)| format!("{field}: {rule}")).collect();
    assert!(unexplained.is_empty(), "rules shown as 规则 …: {unexplained:?}");
    assert!(found.len() >= 20, "rules seen: {found:?}");
}
