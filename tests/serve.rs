//! `sifa serve` as a process: builds its index on first start, answers over
//! HTTP, and picks up `add` and `reindex` run by other processes.

use std::time::Duration;

use crate::util::{demo_data, get, json, run_ok, start_server, tempdir, wait_until};

#[test]
fn serve_builds_the_index_answers_and_reloads() {
    let _exclusive = crate::util::exclusive();
    let dir = tempdir();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let server = start_server(index);
    let port = server.port;

    let r = json(port, "/api/v1/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9");
    assert!(r["total"].as_u64().unwrap() >= 4, "{r}");
    let (status, page) = get(port, "/").unwrap();
    assert_eq!(status, 200);
    assert!(page.contains("<html") && page.contains("/assets/main.js"));
    let (status, body) = get(port, "/api/v1/search?per_page=1000").unwrap();
    assert_eq!(status, 400, "{body}");

    // `sifa add` in another process: visible within two seconds.
    let extra = dir.path().join("extra.jsonl");
    std::fs::write(&extra, "{\"id\": \"hot-1\", \"title\": \"热更新测试文件\", \"body\": \"示例市司法局发布热更新测试公告，检验检索服务无需重启即可看到新文件。\"}\n").unwrap();
    run_ok(&["add", extra.to_str().unwrap(), "--index", index]);
    let took = wait_until("the added document being found", Duration::from_secs(2), || {
        json(port, "/api/v1/search?q=%E7%83%AD%E6%9B%B4%E6%96%B0")["total"] == 1
    });
    eprintln!("add visible after {took:?}");

    // A full reindex by another process: the new generation within two seconds.
    let before = json(port, "/healthz")["generation"].as_str().unwrap().to_string();
    run_ok(&["reindex", "--index", index, "--data", demo_data().to_str().unwrap()]);
    let took = wait_until("the new generation being served", Duration::from_secs(2), || {
        json(port, "/healthz")["generation"].as_str() != Some(before.as_str())
    });
    eprintln!("reindex visible after {took:?}");
    assert_eq!(
        json(port, "/api/v1/search?q=%E7%83%AD%E6%9B%B4%E6%96%B0")["total"],
        0,
        "the rebuilt index has no added file"
    );
}
