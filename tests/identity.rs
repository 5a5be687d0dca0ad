//! Identity of files: a page without id or URL is named by its path, a
//! file added again replaces what it gave, `sifa delete` takes paths, and
//! files added from outside the data directory are flagged by the next
//! reindex.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{reindex_json, run, run_ok, sifa, tempdir};

const NEWS: &str = "示范县司法局召开人民调解工作推进会\n发布日期：2024-03-12\n\
会议总结了去年全县人民调解工作，部署了今年矛盾纠纷排查化解的重点任务。\n\
会议要求各司法所加强调解员队伍建设，做到小事不出村、大事不出镇。\n";

const NEWS_EDITED: &str = "示范县司法局召开人民调解工作推进会\n发布日期：2024-03-12\n\
会议总结了去年全县人民调解工作，部署了今年矛盾纠纷排查化解的重点任务。\n\
会议要求各司法所加强调解员队伍建设，做到小事不出村、大事不出镇、矛盾不上交。\n\
会上，三个司法所交流了以案释法的经验。\n";

const RECORDS: &str = concat!(
    r#"{"title": "示范市司法局开展法律援助进社区活动", "body": "示范市司法局组织律师走进社区，为居民提供免费法律咨询和法律援助申请指导。", "date": "2024-05-06"}"#,
    "\n",
    r#"{"id": "given-2", "title": "示范市公证处推出延时服务", "body": "示范市公证处在工作日延长办公时间，方便群众办理公证业务。", "date": "2024-06-01"}"#,
    "\n",
);

/// A data directory with one news page (no id, no URL) and one JSON Lines
/// file, indexed into `index`.
fn indexed_data(root: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let data = root.join("data");
    fs::create_dir_all(data.join("news")).unwrap();
    fs::write(data.join("news/meeting.txt"), NEWS).unwrap();
    fs::write(data.join("records.jsonl"), RECORDS).unwrap();
    let index = root.join("index");
    run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", index.to_str().unwrap()]);
    (data, index)
}

fn search(index: &Path, query: &str) -> Value {
    let out = run_ok(&["search", "--json", "--index", index.to_str().unwrap(), "--per-page", "100", query]);
    serde_json::from_str(&out).unwrap()
}

fn documents(index: &Path) -> u64 {
    let out = run_ok(&["stats", "--json", "--index", index.to_str().unwrap()]);
    serde_json::from_str::<Value>(&out).unwrap()["documents"].as_u64().unwrap()
}

fn ids(found: &Value) -> Vec<String> {
    found["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn an_edited_file_added_again_replaces_itself() {
    let dir = tempdir();
    let (data, index) = indexed_data(dir.path());
    let (d, i) = (data.to_str().unwrap(), index.to_str().unwrap());
    assert_eq!(documents(&index), 3);
    let before = ids(&search(&index, "人民调解"));
    assert_eq!(before.len(), 1);
    assert!(before[0].starts_with("p-"), "a page without id or URL is named by its path: {before:?}");

    fs::write(data.join("news/meeting.txt"), NEWS_EDITED).unwrap();
    let file = data.join("news/meeting.txt");
    for round in 0..2 {
        let out = run_ok(&["add", file.to_str().unwrap(), "--data", d, "--index", i]);
        assert!(out.contains(&format!("replaced  {}", before[0])), "round {round}: {out}");
        assert_eq!(documents(&index), 3, "round {round}: one copy, not two");
    }
    assert_eq!(ids(&search(&index, "以案释法")), before, "the edited text is indexed under the same id");

    // A record without id or URL is named by its text; edited, its old copy goes.
    let edited = RECORDS.replace("免费法律咨询", "免费法律咨询、调解");
    fs::write(data.join("records.jsonl"), edited).unwrap();
    let out = run_ok(&["add", data.join("records.jsonl").to_str().unwrap(), "--data", d, "--index", i]);
    assert!(out.contains("replaced  given-2"), "{out}");
    assert!(out.contains("removed   c-") && out.contains("records.jsonl:1 no longer holds it"), "{out}");
    assert_eq!(documents(&index), 3, "{out}");
    assert_eq!(search(&index, "\"法律咨询、调解\"")["total"], 1);

    // Same result as a reindex of the edited directory.
    let fresh = dir.path().join("fresh");
    run_ok(&["reindex", "--data", d, "--index", fresh.to_str().unwrap()]);
    let mut a = ids(&search(&index, ""));
    let mut b = ids(&search(&fresh, ""));
    a.sort();
    b.sort();
    assert_eq!(a, b, "add after edits leaves what a reindex gives");
}

#[test]
fn delete_accepts_paths_as_well_as_ids() {
    let dir = tempdir();
    let (data, index) = indexed_data(dir.path());
    let (d, i) = (data.to_str().unwrap(), index.to_str().unwrap());

    // One record of a JSON Lines file, as the index records it.
    let out = run_ok(&["delete", "records.jsonl:2", "--data", d, "--index", i]);
    assert!(out.contains("deleted   given-2 (read from records.jsonl:2)"), "{out}");
    assert_eq!(documents(&index), 2);
    // A file, as a path to it from anywhere.
    let out = run_ok(&["delete", data.join("records.jsonl").to_str().unwrap(), "--data", d, "--index", i]);
    assert!(out.contains("deleted   c-"), "{out}");
    assert_eq!(documents(&index), 1);
    // A directory, and something that is neither an id nor an indexed path.
    let out = run(&["delete", "nowhere/x.txt", data.join("news").to_str().unwrap(), "--data", d, "--index", i]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("not found nowhere/x.txt") && stdout.contains("deleted   p-"), "{stdout}");
    assert_eq!(documents(&index), 0);
}

#[test]
fn files_added_from_outside_the_data_directory_are_flagged_at_the_next_reindex() {
    let dir = tempdir();
    let (data, index) = indexed_data(dir.path());
    let (d, i) = (data.to_str().unwrap(), index.to_str().unwrap());
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let extra =
        "示范县司法局召开社区矫正工作会议\n会议通报了全县社区矫正对象的监督管理情况，要求严格落实报到和走访制度。\n";
    fs::write(elsewhere.join("extra.txt"), extra).unwrap();

    let out = sifa()
        .args(["add", elsewhere.join("extra.txt").to_str().unwrap(), "--data", d, "--index", i])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is outside the data directory") && stderr.contains("extra.txt"), "{stderr}");
    assert_eq!(documents(&index), 4);
    let found = search(&index, "社区矫正");
    let source = found["hits"][0]["source"].as_str().unwrap();
    assert!(Path::new(source).is_absolute() && source.ends_with("elsewhere/extra.txt"), "{source}");

    // The reindex reads the data directory only, and says what it left out.
    let out = sifa().args(["reindex", "--json", "--data", d, "--index", i]).output().unwrap();
    assert!(out.status.success());
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["outside_data"], 1, "{summary}");
    assert_eq!(summary["outside_data_list"][0]["source"], source, "{summary}");
    assert_eq!(summary["documents"], 3);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: 1 document of the previous generation was added from outside"), "{stderr}");
    assert!(stderr.contains(source), "{stderr}");

    // Added again, the human summary warns as well; a reindex after a reindex has nothing to flag.
    run_ok(&["add", elsewhere.join("extra.txt").to_str().unwrap(), "--data", d, "--index", i]);
    let out = sifa().args(["reindex", "--data", d, "--index", i]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: 1 document"));
    let summary: Value = serde_json::from_str(&run_ok(&["reindex", "--json", "--data", d, "--index", i])).unwrap();
    assert_eq!(summary["outside_data"], 0, "{summary}");
}

#[test]
fn the_demo_corpus_dedupes_as_before() {
    let dir = tempdir();
    let index = dir.path().join("index");
    let summary = reindex_json(&crate::util::demo_data(), &index);
    assert_eq!(summary["duplicates"], 1, "{summary}");
    assert_eq!(summary["outside_data"], 0);
    let pages: Vec<Value> = search(&index, "")["hits"].as_array().unwrap().clone();
    for hit in pages {
        let (id, source) = (hit["id"].as_str().unwrap(), hit["source"].as_str().unwrap());
        assert!(!id.starts_with("c-") || source.contains(".jsonl:"), "{id} {source}: files are named by URL or path");
    }
}
