//! The ratchet on the development sets of real pages: the first batch
//! (`../shared/pages` beside the repository, or `$SIFA_PAGES`) and the
//! second, from 79 other sites (`../shared/pages2`, or `$SIFA_PAGES2`).
//! Every field must read at least as well as it last did, with and without
//! the pages' URLs. Raise a floor when the reader improves, so nothing that
//! once read right regresses.
//!
//! The sets are not part of the repository: on a fresh clone without them
//! the test is skipped, and in CI (`CI=true`) their absence is an error.

use std::path::PathBuf;

use sifa_extract::Extractor;
use sifa_extract::evaluate::{Reading, evaluate, read_labels};

/// Floors per field, as `sifa eval extract` prints them.
type Floors = &'static [(&'static str, f64)];

/// One labelled set: where it is, and the figures last reached per reading.
struct Set {
    folder: &'static str,
    variable: &'static str,
    min_pages: usize,
    floors: &'static [(Reading, Floors)],
}

const SETS: &[Set] = &[
    Set {
        folder: "pages",
        variable: "SIFA_PAGES",
        min_pages: 100,
        floors: &[
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
        ],
    },
    Set {
        folder: "pages2",
        variable: "SIFA_PAGES2",
        min_pages: 70,
        floors: &[
            (
                Reading::WithUrl,
                &[
                    ("title", 0.97),
                    ("agency", 0.92),
                    ("date", 1.00),
                    ("no_false_date", 1.00),
                    ("doc_no", 1.00),
                    ("kind", 0.80),
                    ("topics", 0.86),
                ],
            ),
            (
                Reading::TextOnly,
                &[
                    ("title", 0.97),
                    ("agency", 0.89),
                    ("date", 1.00),
                    ("no_false_date", 1.00),
                    ("doc_no", 1.00),
                    ("kind", 0.80),
                    ("topics", 0.86),
                ],
            ),
        ],
    },
];

/// A set's labels file, if it is there.
fn labels_file(set: &Set) -> Option<PathBuf> {
    let dir = std::env::var_os(set.variable)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(set.folder));
    let labels = dir.join("labels.jsonl");
    if labels.is_file() {
        return Some(labels);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("the development set is missing at {} (set {}); CI needs it", dir.display(), set.variable);
    }
    eprintln!("skipping: no development set at {}", dir.display());
    None
}

#[test]
fn no_field_reads_worse_than_it_last_did() {
    let extractor = Extractor::with_default_rules();
    let mut regressions = Vec::new();
    for set in SETS {
        let Some(labels_file) = labels_file(set) else { continue };
        let labels = read_labels(&labels_file).expect("labels are readable");
        assert!(labels.len() >= set.min_pages, "{} has {} pages", set.folder, labels.len());
        for (reading, floors) in set.floors {
            let report = evaluate(&extractor, &labels_file, &labels, *reading);
            eprintln!("{}: {}", set.folder, report.table());
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
                    regressions.push(format!(
                        "{} {reading}: {field} {figure:.2} < {floor:.2}\n{}",
                        set.folder,
                        misses.join("\n")
                    ));
                }
            }
        }
    }
    assert!(regressions.is_empty(), "fields read worse than before:\n{}", regressions.join("\n"));
}
