//! Reliability and security: crash-safe reindex, reindex under load,
//! hostile files, admin operations, recovery from a damaged index.

use std::fs;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{
    Client, demo_data, get, json, request, run, run_ok, sifa, start_server, start_server_with, tempdir, wait_until,
};

fn generation(port: u16) -> String {
    json(port, "/healthz")["generation"].as_str().unwrap().to_string()
}

fn generations_on_disk(index: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(index.join("generations"))
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_reindex_killed_at_random_moments_never_damages_the_live_index() {
    let _exclusive = crate::util::exclusive();
    let dir = tempdir();
    let index = dir.path().join("index");
    let idx = index.to_str().unwrap();
    let server = start_server(idx);
    let port = server.port;
    let data = demo_data();
    let expected = json(port, "/api/v1/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9")["total"].clone();
    // A reindex of the demo corpus takes a few hundred milliseconds; kill it
    // at spread-out moments, from before it starts writing to its switch.
    let mut seed = 0x2545_f491_u64;
    for trial in 0..12 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_millis(20 + seed % 600);
        let mut child = sifa()
            .args(["reindex", "--data", data.to_str().unwrap(), "--index", idx])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // The server answers, from the previous or a complete new generation.
        let r = json(port, "/api/v1/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9");
        assert_eq!(r["total"], expected, "trial {trial} (killed after {delay:?}): {r}");
        let report: Value =
            serde_json::from_str(&String::from_utf8(run(&["check", "--json", "--index", idx]).stdout).unwrap())
                .unwrap();
        assert!(report["problems"].as_array().unwrap().is_empty(), "trial {trial}: {report}");
    }
    // The next reindex succeeds and leaves only the live and previous generations.
    run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", idx]);
    assert!(generations_on_disk(&index).len() <= 2, "{:?}", generations_on_disk(&index));
    let live = fs::read_to_string(index.join("CURRENT")).unwrap();
    wait_until("the server following", Duration::from_secs(2), || generation(port) == live.trim());
}

const LOAD_QUERIES: &[&str] = &[
    "%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9",
    "%E4%BA%BA%E6%B0%91%E8%B0%83%E8%A7%A3",
    "%E5%8F%B8%E6%B3%95",
    "",
    "%E7%A4%BE%E5%8C%BA%E7%9F%AB%E6%AD%A3",
];

/// 16 connections for `duration`: (latencies in ms, failures).
fn load(port: u16, duration: Duration) -> (Vec<f64>, u64) {
    let stop = Arc::new(AtomicBool::new(false));
    let failures = Arc::new(AtomicU64::new(0));
    let workers: Vec<_> = (0..16)
        .map(|w| {
            let (stop, failures) = (stop.clone(), failures.clone());
            std::thread::spawn(move || {
                let mut client = Client::connect(port);
                let mut latencies = Vec::new();
                let mut i = w;
                while !stop.load(Ordering::Relaxed) {
                    let path = format!("/api/v1/search?q={}&facets=agency", LOAD_QUERIES[i % LOAD_QUERIES.len()]);
                    let started = Instant::now();
                    if client.get(&path) == 200 {
                        latencies.push(started.elapsed().as_secs_f64() * 1e3);
                    } else {
                        failures.fetch_add(1, Ordering::Relaxed);
                        client = Client::connect(port);
                    }
                    i += 1;
                    std::thread::sleep(Duration::from_millis(5));
                }
                latencies
            })
        })
        .collect();
    std::thread::sleep(duration);
    stop.store(true, Ordering::Relaxed);
    let latencies = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    (latencies, failures.load(Ordering::Relaxed))
}

fn p99(mut ms: Vec<f64>) -> f64 {
    ms.sort_by(|a, b| a.total_cmp(b));
    ms[(ms.len() as f64 * 0.99) as usize]
}

#[test]
fn reindexing_under_load_fails_no_request() {
    let _exclusive = crate::util::exclusive();
    let dir = tempdir();
    let index = dir.path().join("index");
    let idx = index.to_str().unwrap().to_string();
    let server = start_server(&idx);
    let port = server.port;
    let (idle, idle_failures) = load(port, Duration::from_secs(8));
    assert_eq!(idle_failures, 0);
    let idle_p99 = p99(idle);

    // Full reindexes and switch-overs, one after another, for 30 seconds.
    let reindexing = Arc::new(AtomicBool::new(true));
    let switches = Arc::new(AtomicU64::new(0));
    let indexer = {
        let (reindexing, switches, idx) = (reindexing.clone(), switches.clone(), idx.clone());
        std::thread::spawn(move || {
            while reindexing.load(Ordering::Relaxed) {
                let out = sifa()
                    .args(["reindex", "--threads", "1", "--data", demo_data().to_str().unwrap(), "--index", &idx])
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                switches.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    let (busy, failures) = load(port, Duration::from_secs(30));
    reindexing.store(false, Ordering::Relaxed);
    indexer.join().unwrap();
    let busy_p99 = p99(busy.clone());
    eprintln!(
        "idle p99 {idle_p99:.2} ms; during {} reindexes: {} requests, p99 {busy_p99:.2} ms, {failures} failed",
        switches.load(Ordering::Relaxed),
        busy.len()
    );
    assert_eq!(failures, 0, "no request fails while the index is rebuilt and switched");
    assert!(switches.load(Ordering::Relaxed) >= 3);
    assert!(busy_p99 <= 3.0 * idle_p99.max(1.0), "p99 {busy_p99:.2} ms under reindex vs {idle_p99:.2} ms idle");
}

#[test]
fn hostile_files_are_skipped_with_reasons_and_memory_stays_bounded() {
    let dir = tempdir();
    let data = dir.path().join("data");
    fs::create_dir_all(data.join("loop")).unwrap();
    fs::write(
        data.join("good.txt"),
        "示例县司法局开展人民调解培训\n发布日期：2023-06-01\n培训围绕矛盾纠纷排查化解展开，各调解委员会主任参加。\n",
    )
    .unwrap();
    fs::write(data.join("zero.txt"), b"").unwrap();
    fs::write(data.join("binary.html"), (0..=255u8).cycle().take(10_000).collect::<Vec<u8>>()).unwrap();
    // A 200 MB text file (sparse on disk): too large to be a publication.
    fs::File::create(data.join("huge.txt")).unwrap().set_len(200 * 1024 * 1024).unwrap();
    let nested = format!(
        "<html><body>{}<p>深层嵌套页面中的正文，介绍法律援助工作开展情况。</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    fs::write(data.join("nested.html"), nested).unwrap();
    fs::write(data.join("invalid-utf8.txt"), [b"\xff\xfe\xfd broken ".as_slice(), &[0xC3, 0x28, 0xA0, 0xA1]].concat())
        .unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("<html><head><meta charset=\"utf-8\"></head><body><p>标签声明为UTF-8但实为GBK编码的页面，介绍社区矫正工作。</p></body></html>");
    fs::write(data.join("mislabelled.html"), gbk).unwrap();
    let long_line = format!("{{\"id\": \"long\", \"body\": \"{}\"}}", "长".repeat(10 * 1024 * 1024 / 3));
    let jsonl = format!(
        "{{\"id\": 5, \"title\": [1], \"body\": \"类型错误的字段被当作缺失，正文照常索引。\", \"date\": 20240101}}\n{long_line}\n{{\"body\": null}}\nnot json at all\n"
    );
    fs::write(data.join("records.jsonl"), jsonl).unwrap();
    std::os::unix::fs::symlink("..", data.join("loop/up")).unwrap();
    std::os::unix::fs::symlink("/nonexistent/file.txt", data.join("dangling.txt")).unwrap();

    let index = dir.path().join("index");
    let time = std::path::Path::new("/usr/bin/time");
    let mut command = if time.exists() {
        let mut c = std::process::Command::new(time);
        c.arg("-f").arg("peak-kb %M").arg(env!("CARGO_BIN_EXE_sifa"));
        c
    } else {
        sifa()
    };
    let out = command
        .args(["reindex", "--json", "--data", data.to_str().unwrap(), "--index", index.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reasons: Vec<(String, String)> = summary["skipped_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["source"].as_str().unwrap().to_string(), s["reason"].as_str().unwrap().to_string()))
        .collect();
    let reason_of = |source: &str| {
        reasons
            .iter()
            .find(|(s, _)| s.starts_with(source))
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| panic!("{source} not listed: {reasons:?}"))
    };
    assert!(reason_of("zero.txt").contains("empty"));
    assert!(reason_of("binary.html").contains("binary") || reason_of("binary.html").contains("undecodable"));
    assert!(reason_of("huge.txt").contains("too large"));
    assert!(reason_of("invalid-utf8.txt").contains("undecodable") || reason_of("invalid-utf8.txt").contains("binary"));
    assert!(reason_of("records.jsonl:3").contains("no text"));
    assert!(reason_of("records.jsonl:4").contains("malformed JSON"));
    assert!(reasons.iter().any(|(s, r)| s.starts_with("loop") && r.contains("loop")), "{reasons:?}");
    assert!(reasons.iter().any(|(s, _)| s.starts_with("dangling.txt")), "{reasons:?}");
    // Every good file is indexed: good, nested, mislabelled, and two records.
    assert_eq!(summary["documents"], 5, "{summary}");
    let found = run_ok(&[
        "search",
        "--json",
        "--index",
        index.to_str().unwrap(),
        "深层嵌套 OR 社区矫正 OR 类型错误 OR 人民调解",
    ]);
    assert_eq!(serde_json::from_str::<Value>(&found).unwrap()["total"], 4);
    if let Some(peak) = String::from_utf8_lossy(&out.stderr).lines().find_map(|l| l.strip_prefix("peak-kb ")) {
        let peak_mb = peak.trim().parse::<u64>().unwrap() / 1024;
        eprintln!("peak memory of the hostile-file reindex: {peak_mb} MiB");
        assert!(peak_mb < 1024, "peak memory {peak_mb} MiB");
    }
}

#[test]
fn admin_operations_need_the_token_and_the_read_api_stays_open() {
    let dir = tempdir();
    let index = dir.path().join("index");
    let token = "t0ken-for-the-admin-api-test";
    let log = dir.path().join("server.log");
    let server = start_server_with(
        index.to_str().unwrap(),
        &["--admin-token", token, "--verbose"],
        Stdio::from(fs::File::create(&log).unwrap()),
    );
    let port = server.port;
    assert_eq!(get(port, "/api/v1/search?q=x").unwrap().0, 200);
    let (status, body) = request(port, "POST", "/api/v1/admin/reload", &[]).unwrap();
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("\"unauthorized\""));
    let (status, _) =
        request(port, "POST", "/api/v1/admin/reindex", &["Authorization: Bearer wrong-token-wrong-token"]).unwrap();
    assert_eq!(status, 401);
    let before = generation(port);
    let (status, body) =
        request(port, "POST", "/api/v1/admin/reindex", &[&format!("Authorization: Bearer {token}")]).unwrap();
    assert_eq!(status, 200, "{body}");
    let answer: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(answer["switched"], true);
    assert_ne!(generation(port), before);
    let (status, _) =
        request(port, "POST", "/api/v1/admin/reload", &[&format!("Authorization: Bearer {token}")]).unwrap();
    assert_eq!(status, 200);
    drop(server);
    let logged = fs::read_to_string(&log).unwrap();
    assert!(!logged.contains(token), "the token never appears in logs");

    // Without a token the admin API does not exist.
    let open = start_server(dir.path().join("other").to_str().unwrap());
    let (status, body) =
        request(open.port, "POST", "/api/v1/admin/reindex", &[&format!("Authorization: Bearer {token}")]).unwrap();
    assert_eq!(status, 404, "{body}");
    assert!(body.contains("admin_disabled"));
}

#[test]
fn a_damaged_index_is_reported_and_rebuilt_at_start_up() {
    let dir = tempdir();
    let index = dir.path().join("index");
    let idx = index.to_str().unwrap();
    run_ok(&["reindex", "--data", demo_data().to_str().unwrap(), "--index", idx]);
    let live = fs::read_to_string(index.join("CURRENT")).unwrap();
    // Damage every document store of the live generation.
    let stores: Vec<_> = fs::read_dir(index.join("generations").join(live.trim()))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "store"))
        .collect();
    assert!(!stores.is_empty());
    for store in stores {
        let mut bytes = fs::read(&store).unwrap();
        let middle = bytes.len() / 2;
        for b in &mut bytes[middle..middle + 64] {
            *b ^= 0x5a;
        }
        fs::write(&store, bytes).unwrap();
    }
    let out = run(&["check", "--index", idx]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("checksum"), "{}", String::from_utf8_lossy(&out.stdout));

    let server = start_server(idx);
    assert!(json(server.port, "/api/v1/search?q=%E6%B3%95")["total"].as_u64().unwrap() > 0);
    assert_ne!(fs::read_to_string(index.join("CURRENT")).unwrap(), live, "rebuilt into a new generation");
    drop(server);

    // A CURRENT that names nothing.
    fs::write(index.join("CURRENT"), "gen-that-does-not-exist").unwrap();
    let server = start_server(idx);
    assert!(json(server.port, "/api/v1/search?q=%E6%B3%95")["total"].as_u64().unwrap() > 0);
}
