//! Stated metadata in the shapes sources write, unreadable values reported
//! instead of dropped, and the CLI's own wording: counts, plurals, and a
//! check of a damaged index that still says how many documents it holds.

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use crate::util::{inspect, run, run_ok, tempdir};

/// Records dated in every common shape, and two whose date or kind no
/// reader could make sense of.
fn records() -> Vec<Value> {
    let body = |n: usize| format!("示范区司法局第{n}期法治讲堂在社区开讲，律师结合典型案例讲解民法典中的婚姻家庭编。");
    let shapes = [
        ("2025/05/06", "2025-05-06"),
        ("2025-5-6", "2025-05-06"),
        ("2025年5月6日", "2025-05-06"),
        ("20250506", "2025-05-06"),
        ("2025-05-06T23:30:00-05:00", "2025-05-06"),
        ("2025年5月", "2025-05"),
    ];
    let mut out: Vec<Value> = shapes
        .iter()
        .enumerate()
        .map(|(n, (date, _))| json!({"id": format!("shape-{n}"), "title": format!("法治讲堂第{n}期"), "body": body(n), "date": date}))
        .collect();
    out.push(json!({"id": "bad-date", "title": "法治讲堂特别期", "body": body(90), "date": "上周三"}));
    out.push(
        json!({"id": "bad-kind", "title": "法治讲堂年终期", "body": body(91), "date": "2025-12-30", "kind": "memo"}),
    );
    out.push(json!({"id": "no-date", "title": "法治讲堂增刊", "body": body(92), "date": null}));
    out
}

fn write_records(data: &Path) {
    fs::create_dir_all(data).unwrap();
    let lines: Vec<String> = records().iter().map(Value::to_string).collect();
    fs::write(data.join("lectures.jsonl"), lines.join("\n") + "\n").unwrap();
}

#[test]
fn stated_dates_are_read_in_any_common_shape_and_unreadable_values_are_reported() {
    let dir = tempdir();
    let data = dir.path().join("data");
    write_records(&data);

    let read = inspect(&data.join("lectures.jsonl"));
    let by_id = |id: &str| read.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("{id}: {read:?}"));
    for n in 0..5 {
        let record = by_id(&format!("shape-{n}"));
        assert_eq!(record["date"], "2025-05-06", "{record}");
        assert_eq!(record["evidence"]["date"]["rule"], "given", "{record}");
        assert_eq!(record["unreadable_given"], json!([]));
    }
    assert_eq!(by_id("shape-5")["date"], "2025-05");
    assert_eq!(by_id("shape-5")["date_precision"], "month");
    let bad = by_id("bad-date");
    assert_eq!(bad["unreadable_given"], json!([{"field": "date", "value": "上周三"}]), "{bad}");
    assert_eq!(bad["evidence"]["given_date"]["rule"], "unreadable", "{bad}");
    assert_eq!(by_id("bad-kind")["unreadable_given"][0]["field"], "kind");
    assert_eq!(by_id("no-date")["unreadable_given"], json!([]), "null is no date, not an unreadable one");

    let human = run_ok(&["inspect", data.join("lectures.jsonl").to_str().unwrap()]);
    assert!(human.contains("warning  the given date \"上周三\" could not be read"), "{human}");

    let index = dir.path().join("index");
    let (d, i) = (data.to_str().unwrap(), index.to_str().unwrap());
    let summary: Value = serde_json::from_str(&run_ok(&["reindex", "--json", "--data", d, "--index", i])).unwrap();
    assert_eq!(summary["unreadable_given"], json!({"date": 1, "kind": 1}), "{summary}");
    let listed: Vec<&str> =
        summary["unreadable_given_list"].as_array().unwrap().iter().map(|e| e["source"].as_str().unwrap()).collect();
    assert_eq!(listed, ["lectures.jsonl:7", "lectures.jsonl:8"]);

    let human = run_ok(&["reindex", "--data", d, "--index", i]);
    assert!(human.contains("indexed 9 documents from 1 file into generation"), "{human}");
    assert!(human.contains("unreadable  2 stated values (date 1, kind 1)"), "{human}");
    assert!(human.contains("lectures.jsonl:7: date \"上周三\""), "{human}");
}

#[test]
fn counts_read_naturally() {
    let dir = tempdir();
    let data = dir.path().join("data");
    fs::create_dir_all(&data).unwrap();
    fs::write(data.join("one.txt"), "示范镇司法所开展矛盾纠纷排查\n司法所联合村委会逐户走访，排查化解邻里纠纷三起。\n")
        .unwrap();
    fs::write(data.join("notes.pdf"), b"%PDF-1.4").unwrap();
    let index = dir.path().join("index");
    let out = run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", index.to_str().unwrap()]);
    assert!(out.contains("indexed 1 document from 1 file into"), "{out}");
    assert!(out.contains("ignored     1 file that is not"), "{out}");
    let out = run_ok(&["search", "--index", index.to_str().unwrap(), "纠纷"]);
    assert!(out.starts_with("1 result ("), "{out}");
}

#[test]
fn check_counts_the_documents_of_a_damaged_index() {
    let dir = tempdir();
    let data = dir.path().join("data");
    write_records(&data);
    let index = dir.path().join("index");
    let idx = index.to_str().unwrap();
    run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", idx]);
    let healthy: Value = serde_json::from_str(&run_ok(&["check", "--json", "--index", idx])).unwrap();
    assert_eq!((healthy["documents"].as_u64(), healthy["documents_counted_from"].as_str()), (Some(9), Some("read")));

    let live = fs::read_to_string(index.join("CURRENT")).unwrap();
    for entry in fs::read_dir(index.join("generations").join(live.trim())).unwrap().flatten() {
        if entry.path().extension().is_some_and(|x| x == "store") {
            let mut bytes = fs::read(entry.path()).unwrap();
            let (middle, end) = (bytes.len() / 2, (bytes.len() / 2 + 16).min(bytes.len()));
            for b in &mut bytes[middle..end] {
                *b ^= 0x5a;
            }
            fs::write(entry.path(), bytes).unwrap();
        }
    }
    let out = run(&["check", "--json", "--index", idx]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!report["problems"].as_array().unwrap().is_empty(), "{report}");
    assert_eq!(report["documents"], 9, "{report}");
    assert_eq!(report["documents_counted_from"], "metadata", "{report}");
    let out = String::from_utf8(run(&["check", "--index", idx]).stdout).unwrap();
    assert!(out.contains("documents   9 (from the segment metadata"), "{out}");

    let missing = dir.path().join("no-index");
    let out = String::from_utf8(run(&["check", "--index", missing.to_str().unwrap()]).stdout).unwrap();
    assert!(out.contains("documents   cannot be counted"), "{out}");
}
