//! The ratchet on the development set of real pages (`../shared/pages`
//! beside the repository, or `$SIFA_PAGES`): every field must read at least
//! as well as it last did, with and without the pages' URLs. Raise a floor
//! when the reader improves, so nothing that once read right regresses.
//!
//! The set is not part of the repository: on a fresh clone without it the
//! test is skipped, and in CI (`CI=true`) its absence is an error.

use std::path::PathBuf;

use sifa_extract::Extractor;
use sifa_extract::evaluate::{Reading, evaluate, read_labels};

/// The figures last reached, per reading and field (see `sifa eval extract`).
const FLOORS: &[(Reading, &[(&str, f64)])] = &[
    (
        Reading::WithUrl,
        &[
            ("title", 1.00),
            ("agency", 0.97),
            ("date", 1.00),
            ("no_false_date", 1.00),
            ("doc_no", 1.00),
            ("kind", 1.00),
            ("topics", 0.86),
        ],
    ),
    (
        Reading::TextOnly,
        &[
            ("title", 1.00),
            ("agency", 0.93),
            ("date", 1.00),
            ("no_false_date", 1.00),
            ("doc_no", 1.00),
            ("kind", 1.00),
            ("topics", 0.86),
        ],
    ),
];

/// The development set's labels file, if it is there.
fn labels_file() -> Option<PathBuf> {
    let dir = std::env::var_os("SIFA_PAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/pages"));
    let labels = dir.join("labels.jsonl");
    if labels.is_file() {
        return Some(labels);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("the development set is missing at {} (set SIFA_PAGES); CI needs it", dir.display());
    }
    eprintln!("skipping: no development set at {}", dir.display());
    None
}

#[test]
fn no_field_reads_worse_than_it_last_did() {
    let Some(labels_file) = labels_file() else { return };
    let labels = read_labels(&labels_file).expect("labels are readable");
    assert!(labels.len() >= 100, "the development set has {} pages", labels.len());
    let extractor = Extractor::with_default_rules();
    let mut regressions = Vec::new();
    for (reading, floors) in FLOORS {
        let report = evaluate(&extractor, &labels_file, &labels, *reading);
        eprintln!("{}", report.table());
        for (field, floor) in *floors {
            let figure = report.figure(field).expect("a known field");
            // Figures are compared as printed, to two decimals.
            if (figure * 100.0).round() < (floor * 100.0).round() {
                let misses: Vec<String> = report
                    .misses
                    .iter()
                    .filter(|m| m.field == *field)
                    .map(|m| format!("    {} got {} | wanted {} | {}", m.file, m.got, m.wanted, m.evidence))
                    .collect();
                regressions.push(format!("{reading}: {field} {figure:.2} < {floor:.2}\n{}", misses.join("\n")));
            }
        }
    }
    assert!(regressions.is_empty(), "fields read worse than before:\n{}", regressions.join("\n"));
}
