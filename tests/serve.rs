//! `sifa serve` as a process: builds its index on first start, answers over
//! HTTP, and picks up `add` and `reindex` run by other processes.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{demo_data, run_ok, sifa, tempdir};

/// Stops the server when the test ends, however it ends.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A GET over plain HTTP/1.1; returns status and body.
fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let text = String::from_utf8_lossy(&response).to_string();
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    let (head, body) = text.split_once("\r\n\r\n")?;
    let body =
        if head.to_ascii_lowercase().contains("transfer-encoding: chunked") { dechunk(body) } else { body.to_string() };
    Some((status, body))
}

fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.push_str(&tail[..size]);
        rest = &tail[size + 2..];
    }
    out
}

fn json(port: u16, path: &str) -> Value {
    let (status, body) = get(port, path).unwrap_or_else(|| panic!("no answer to {path}"));
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

fn wait_until(what: &str, limit: Duration, mut ready: impl FnMut() -> bool) -> Duration {
    let started = Instant::now();
    while started.elapsed() < limit {
        if ready() {
            return started.elapsed();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{what} did not happen within {limit:?}");
}

fn start(index: &str) -> Server {
    let port = free_port();
    let data = demo_data();
    let child = sifa()
        .args(["serve", "--index", index, "--data", data.to_str().unwrap(), "--addr", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    wait_until("the server answering", Duration::from_secs(120), || {
        get(port, "/healthz").is_some_and(|(s, _)| s == 200)
    });
    server
}

#[test]
fn serve_builds_the_index_answers_and_reloads() {
    let dir = tempdir();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    let server = start(index);
    let port = server.port;

    let r = json(port, "/api/v1/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9");
    assert!(r["total"].as_u64().unwrap() >= 4, "{r}");
    let (status, page) = get(port, "/").unwrap();
    assert_eq!(status, 200);
    assert!(page.contains("<html") && page.contains("/assets/app.js"));
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
