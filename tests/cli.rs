//! `sifa reindex`, `add`, `delete`, `stats`: building and changing an index;
//! `sifa search` over it.

use std::fs;

use serde_json::Value;

use crate::util::{demo_data, reindex_json, run, run_ok, status_data, tempdir};

fn stats(index: &str) -> Value {
    serde_json::from_str(&run_ok(&["stats", "--json", "--index", index])).unwrap()
}

#[test]
fn reindex_of_the_demo_corpus_indexes_everything_once() {
    let dir = tempdir();
    let index_dir = dir.path().join("index");
    let summary = reindex_json(&demo_data(), &index_dir);
    let index = index_dir.to_str().unwrap();
    assert_eq!(summary["duplicates"], 1, "the repost of the 12348 item is dropped: {summary}");
    assert_eq!(summary["duplicate_list"][0]["by"], "url");
    assert_eq!(summary["skipped"], 0, "{summary}");
    let documents = summary["documents"].as_u64().unwrap();
    assert!(documents >= 45, "{summary}");
    let stats = stats(index);
    assert_eq!(stats["documents"], documents);
    assert!(stats["by_level"]["county"].as_u64().unwrap() >= 5);
    assert!(stats["by_year"].as_object().unwrap().len() >= 6, "{stats}");
    assert_eq!(stats["by_topic"].as_object().unwrap().len(), 13, "every topic is represented: {stats}");
}

#[test]
fn reindex_of_a_missing_directory_fails_clearly() {
    let dir = tempdir();
    let out = run(&["reindex", "--data", "/no/such/dir", "--index", dir.path().to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/no/such/dir") && stderr.contains("does not exist"), "{stderr}");
}

#[test]
fn a_directory_of_only_bad_files_indexes_nothing_and_says_so() {
    let dir = tempdir();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::write(data.join("empty.txt"), b"").unwrap();
    let out = run(&["reindex", "--data", data.to_str().unwrap(), "--index", dir.path().join("i").to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing could be indexed"));
}

#[test]
fn bad_files_do_not_stop_a_reindex() {
    let dir = tempdir();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::write(data.join("good.txt"), "示范县司法局开展法治宣传进社区活动\n发布日期：2021-04-12\n活动通过发放宣传资料、现场解答咨询等方式，向居民普及民法典等法律知识。\n").unwrap();
    fs::write(data.join("empty.html"), b"").unwrap();
    fs::write(data.join("binary.txt"), b"\0\x01\x02\x03binary\0").unwrap();
    fs::write(data.join("mixed.jsonl"), "{\"id\": \"r1\", \"title\": \"示范记录\", \"body\": \"某区司法局组织开展人民调解员培训。\"}\n{broken\n{\"id\": \"r2\", \"title\": 5, \"body\": \"某区司法局推进公共法律服务站点建设。\"}\n").unwrap();
    fs::write(data.join("notes.pdf"), b"%PDF-1.4").unwrap();
    let index = dir.path().join("index");
    let summary = reindex_json(&data, &index);
    assert_eq!(summary["documents"], 3, "{summary}");
    assert_eq!(summary["skipped"], 3, "{summary}");
    assert_eq!(summary["skipped_by_reason"]["empty"], 1);
    assert_eq!(summary["skipped_by_reason"]["binary"], 1);
    assert_eq!(summary["skipped_by_reason"]["malformed_json"], 1);
    assert_eq!(summary["ignored_files"], 1);
    let sources: Vec<&str> =
        summary["skipped_list"].as_array().unwrap().iter().map(|s| s["source"].as_str().unwrap()).collect();
    assert!(sources.contains(&"mixed.jsonl:2"), "JSON Lines skips name their line: {sources:?}");
}

#[test]
fn a_reindex_replaces_the_generation_and_removes_stale_ones() {
    let dir = tempdir();
    let index = dir.path().join("index");
    let idx = index.to_str().unwrap();
    let data = demo_data();
    let data = data.to_str().unwrap();
    run_ok(&["reindex", "--data", data, "--index", idx]);
    let first = stats(idx)["generation"].as_str().unwrap().to_string();
    // A partial generation left by a killed reindex.
    fs::create_dir_all(index.join("generations/gen-killed")).unwrap();
    fs::write(index.join("generations/gen-killed/junk"), b"partial").unwrap();
    run_ok(&["reindex", "--data", data, "--index", idx]);
    let second = stats(idx)["generation"].as_str().unwrap().to_string();
    assert_ne!(first, second);
    assert!(!index.join("generations/gen-killed").exists(), "stale partial generation removed");
    assert!(index.join("generations").join(&first).exists(), "the previous generation is kept for running readers");
    run_ok(&["reindex", "--data", data, "--index", idx]);
    assert!(!index.join("generations").join(&first).exists(), "older generations go");
}

#[test]
fn add_and_delete_change_the_live_index() {
    let dir = tempdir();
    let index = dir.path().join("index");
    let idx = index.to_str().unwrap();
    let data = demo_data();
    run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", idx]);
    let before = stats(idx)["documents"].as_u64().unwrap();

    let extra = dir.path().join("extra.jsonl");
    fs::write(&extra, "{\"id\": \"extra-1\", \"title\": \"示范市司法局开展社区矫正对象教育帮扶\", \"body\": \"示范市司法局组织社区矫正对象参加公益活动和法治教育。\", \"date\": \"2024-02-03\"}\n").unwrap();
    let out = run_ok(&["add", extra.to_str().unwrap(), "--index", idx]);
    assert!(out.contains("added     extra-1"), "{out}");
    assert_eq!(stats(idx)["documents"], before + 1);
    let out = run_ok(&["add", extra.to_str().unwrap(), "--index", idx]);
    assert!(out.contains("replaced  extra-1"), "adding again replaces: {out}");
    assert_eq!(stats(idx)["documents"], before + 1);

    let out = run_ok(&["delete", "extra-1", "--index", idx]);
    assert!(out.contains("deleted   extra-1"));
    assert_eq!(stats(idx)["documents"], before);
    let out = run(&["delete", "no-such-id", "--index", idx]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("not found no-such-id"));
}

#[test]
fn stats_without_an_index_explains_what_to_do() {
    let dir = tempdir();
    let out = run(&["stats", "--index", dir.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("sifa reindex"));
}

#[test]
fn gzipped_json_lines_are_streamed_with_line_numbers() {
    use std::io::Write;
    let dir = tempdir();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    let records = fs::read(demo_data().join("demo/jsonl/more.jsonl")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(
        fs::File::create(data.join("more.jsonl.gz")).unwrap(),
        flate2::Compression::default(),
    );
    gz.write_all(&records).unwrap();
    gz.finish().unwrap();
    let index = dir.path().join("index");
    let summary = reindex_json(&data, &index);
    let lines = records.iter().filter(|&&b| b == b'\n').count() as u64;
    assert_eq!(summary["documents"], lines, "{summary}");
    let found: Value =
        serde_json::from_str(&run_ok(&["search", "--json", "--index", index.to_str().unwrap(), "--per-page", "100"]))
            .unwrap();
    let sources: Vec<&str> = found["hits"].as_array().unwrap().iter().map(|h| h["source"].as_str().unwrap()).collect();
    assert!(sources.contains(&"more.jsonl.gz:1"), "{sources:?}");
}

#[test]
fn sifa_search_filters_and_counts_by_status() {
    let dir = tempdir();
    let index = dir.path().join("index");
    reindex_json(&status_data(dir.path()), &index);
    let search = |args: &[&str]| -> Value {
        let mut all = vec!["search", "--json", "--index", index.to_str().unwrap()];
        all.extend(args);
        serde_json::from_str(&run_ok(&all)).unwrap()
    };
    let ids = |r: &Value| -> Vec<String> {
        r["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
    };
    let repealed = search(&["--status", "repealed"]);
    assert_eq!(ids(&repealed), ["rule-2003"], "{repealed}");
    let counts: Vec<(&str, u64)> = repealed["facets"]["status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["value"].as_str().unwrap(), f["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(counts, [("current", 2), ("repealed", 1)], "its own filter left out");
    assert_eq!(ids(&search(&["--status", "amended", "--version", "all"])), ["law-2010"]);
    let mut in_force = ids(&search(&["--status", "current"]));
    in_force.sort();
    assert_eq!(in_force, ["law-2020", "rule-2023"]);
    let wrong = run(&["search", "--index", index.to_str().unwrap(), "--status", "lost"]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("status"), "{}", String::from_utf8_lossy(&wrong.stderr));
}

#[test]
fn search_lists_near_matches_below_few_exact_ones_unless_exact() {
    let dir = tempdir();
    let index = dir.path().join("index");
    reindex_json(&demo_data(), &index);
    let index = index.to_str().unwrap();
    let query = "司法鉴定 人民调解";
    let found: Value = serde_json::from_str(&run_ok(&["search", "--json", "--index", index, query])).unwrap();
    assert!(found["total"].as_u64().unwrap() < 10, "{found}");
    let near = found["near_hits"].as_array().unwrap();
    assert!(!near.is_empty() && found["near_total"].as_u64().unwrap() >= near.len() as u64, "{found}");
    let shown = run_ok(&["search", "--index", index, query]);
    assert!(shown.contains("lacking one word") && shown.contains("~ 缺少："), "{shown}");
    let exact: Value =
        serde_json::from_str(&run_ok(&["search", "--json", "--exact", "--index", index, query])).unwrap();
    assert_eq!((exact["near_total"].as_u64(), exact["near_hits"].as_array().map(Vec::len)), (Some(0), Some(0)));
    assert_eq!(exact["total"], found["total"], "near matches never count");
}

/// What an admin tripped over.
mod rough_edges {
    use std::fs;

    use serde_json::Value;

    use crate::util::{demo_data, reindex_json, run, run_ok, sifa, tempdir};

    #[test]
    fn eval_runs_anywhere_and_says_when_no_judged_publication_is_indexed() {
        let dir = tempdir();
        let index = dir.path().join("index");
        reindex_json(&demo_data(), &index);
        // Outside the repository: the built-in relevance set, and a clear refusal on the demo index.
        let out = sifa().current_dir(dir.path()).args(["eval", "--index", index.to_str().unwrap()]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{stderr}");
        assert!(stderr.contains("none of the") && stderr.contains("is in the index"), "{stderr}");
        assert!(!stderr.contains("reading tests/relevance"), "{stderr}");

        let help = run_ok(&["search", "--help"]);
        assert!(
            help.contains("cited_by") && help.contains("地方性法规") && help.contains("local_regulation"),
            "{help}"
        );
        let by_label = run_ok(&["search", "--kind", "地方性法规", "--json", "--index", index.to_str().unwrap()]);
        let by_value = run_ok(&["search", "--kind", "local_regulation", "--json", "--index", index.to_str().unwrap()]);
        let total = |text: &str| serde_json::from_str::<Value>(text).unwrap()["total"].clone();
        assert_eq!(total(&by_label), total(&by_value), "the Chinese label stands for the kind");
    }

    #[test]
    fn a_failed_reindex_with_json_prints_a_json_error() {
        let dir = tempdir();
        let out = run(&["reindex", "--json", "--data", "/no/such/dir", "--index", dir.path().to_str().unwrap()]);
        assert!(!out.status.success());
        let answer: Value = serde_json::from_slice(&out.stdout).expect("a JSON object on stdout");
        assert!(answer["error"]["message"].is_string() && answer["error"]["causes"].is_array(), "{answer}");
        let said = answer.to_string();
        assert!(said.contains("/no/such/dir") && said.contains("does not exist"), "{answer}");
    }

    #[test]
    fn a_folder_of_junk_says_why_by_category_and_logs_carry_no_colours() {
        let dir = tempdir();
        let data = dir.path().join("junk");
        fs::create_dir(&data).unwrap();
        let random = |seed: u32| -> Vec<u8> {
            (0..50_000u32).map(|i| (i.wrapping_add(seed).wrapping_mul(2_654_435_761) >> 11) as u8).collect()
        };
        fs::write(data.join("random.jsonl"), random(1)).unwrap();
        fs::write(data.join("random.txt"), random(2)).unwrap();
        fs::write(data.join("empty.html"), b"").unwrap();
        let index = dir.path().join("index");
        let out = sifa()
            .args(["-v", "reindex", "--data", data.to_str().unwrap(), "--index", index.to_str().unwrap()])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(stderr.contains("3 skipped (binary 2, empty 1)"), "one reason per file, by category: {stderr}");
        assert!(!stderr.contains('\u{1b}'), "no terminal colours in a log that is not a terminal: {stderr:?}");

        fs::write(data.join("good.txt"), "示范县司法局开展法治宣传进社区活动\n发布日期：2021-04-12\n活动通过发放宣传资料、现场解答咨询等方式，向居民普及民法典等法律知识。\n").unwrap();
        let summary = reindex_json(&data, &index);
        assert_eq!(summary["skipped_by_reason"]["binary"], 2, "{summary}");
        let sources: Vec<&str> =
            summary["skipped_list"].as_array().unwrap().iter().map(|s| s["source"].as_str().unwrap()).collect();
        assert!(sources.contains(&"random.jsonl"), "the file, not its lines: {sources:?}");
    }

    /// The feed's order (`sort=newest`) and times: an undated publication is
    /// dated by when sifa first indexed it, which a reindex keeps.
    #[test]
    fn undated_publications_keep_their_time_and_place_across_reindexes() {
        let dir = tempdir();
        let index = dir.path().join("index");
        let idx = index.to_str().unwrap();
        reindex_json(&demo_data(), &index);
        let newest = || -> Vec<(String, String, bool)> {
            let out = run_ok(&["search", "--sort", "newest", "--per-page", "100", "--json", "--index", idx]);
            let answer: Value = serde_json::from_str(&out).unwrap();
            let hits = answer["hits"].as_array().unwrap().iter();
            hits.map(|h| (h["id"].to_string(), h["indexed_at"].to_string(), h["date"].is_null())).collect()
        };
        let before = newest();
        assert!(before.iter().any(|(_, _, undated)| *undated), "the demo corpus has undated publications");
        std::thread::sleep(std::time::Duration::from_millis(1100));
        reindex_json(&demo_data(), &index);
        assert_eq!(newest(), before, "the same order and the same times after a reindex");
    }
}
