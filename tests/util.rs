//! Shared helpers: the binary, temporary directories, the demo corpus and
//! the shared benchmark corpus.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn demo_data() -> PathBuf {
    repo().join("data")
}

/// A `sifa` command with logging quiet and no inherited `SIFA_*` settings.
pub fn sifa() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sifa"));
    for (key, _) in std::env::vars() {
        if key.starts_with("SIFA_") {
            command.env_remove(key);
        }
    }
    command.current_dir(repo());
    command
}

/// Runs `sifa args…` and returns its output.
pub fn run(args: &[&str]) -> Output {
    sifa().args(args).output().expect("sifa runs")
}

/// Runs `sifa args…`, asserting success, and returns stdout.
pub fn run_ok(args: &[&str]) -> String {
    let output = run(args);
    assert!(
        output.status.success(),
        "sifa {args:?} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 output")
}

/// `sifa inspect --json FILE` as JSON objects.
/// `sifa reindex --json` of `data` into `index`: its summary.
pub fn reindex_json(data: &Path, index: &Path) -> serde_json::Value {
    serde_json::from_str(&run_ok(&[
        "reindex",
        "--json",
        "--data",
        data.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]))
    .unwrap()
}

pub fn inspect(file: &Path) -> Vec<serde_json::Value> {
    let out = run_ok(&["inspect", "--json", file.to_str().expect("utf-8 path")]);
    out.lines().map(|l| serde_json::from_str(l).expect("inspect prints JSON lines")).collect()
}

/// The shared corpus: `$SIFA_CORPUS` or `../shared/corpus`. Missing is
/// fine on a developer's fresh clone, and an error in CI.
pub fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("SIFA_CORPUS").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared/corpus"));
    if dir.join("seeds").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("the shared corpus is missing at {} (set SIFA_CORPUS); CI needs it", dir.display());
    }
    eprintln!("skipping: no shared corpus at {}", dir.display());
    None
}

/// Laws in the three states of the 时效性 facet, as JSON Lines: a law in
/// two versions (2010 amended, 2020 in force), a provincial rule that a
/// later one repeals, that later rule (in force) and a news item (none).
pub const STATUSES: &str = r#"{"id": "law-2010", "title": "中华人民共和国示范法", "body": "第一条 为了示范，制定本法。第二条 旧的规定。", "kind": "law", "date": "2010-01-01", "agency": "全国人民代表大会常务委员会"}
{"id": "law-2020", "title": "中华人民共和国示范法", "body": "第一条 为了示范，制定本法。第二条 新的规定。第三条 补充的规定。", "kind": "law", "date": "2020-01-01", "agency": "全国人民代表大会常务委员会"}
{"id": "rule-2003", "title": "某某省示范规定", "body": "第一条 为了示范，制定本规定。", "kind": "local_regulation", "date": "2003-01-01"}
{"id": "rule-2023", "title": "某某省示范条例", "body": "第一条 为了示范，制定本条例。第二十条 本条例自2024年1月1日起施行。《某某省示范规定》同时废止。", "kind": "local_regulation", "date": "2023-11-30"}
{"id": "news-2022", "title": "某某县司法局开展示范法宣传", "body": "某某县司法局组织开展示范法宣传活动，向群众发放宣传资料。", "kind": "news", "date": "2022-05-01"}
"#;

/// A data directory holding [`STATUSES`].
pub fn status_data(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).expect("the data directory");
    std::fs::write(data.join("statuses.jsonl"), STATUSES).expect("the statuses");
    data
}

/// Percent-encoding of a query value.
pub fn enc(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A temporary directory that lives as long as the value.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Stops the server when the test ends, however it ends.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    /// A server started some other way (as another user, say), stopped on drop.
    pub fn adopt(child: Child, port: u16) -> Server {
        Server { child, port }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A GET over plain HTTP/1.1; returns status and body.
pub fn get(port: u16, path: &str) -> Option<(u16, String)> {
    request(port, "GET", path, &[])
}

/// Any request over plain HTTP/1.1 with extra header lines; returns status and body.
pub fn request(port: u16, method: &str, path: &str, headers: &[&str]) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(120))).ok()?;
    let extra: String = headers.iter().map(|h| format!("{h}\r\n")).collect();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n{extra}\r\n"
    )
    .ok()?;
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

pub fn json(port: u16, path: &str) -> Value {
    let (status, body) = get(port, path).unwrap_or_else(|| panic!("no answer to {path}"));
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

pub fn wait_until(what: &str, limit: Duration, mut ready: impl FnMut() -> bool) -> Duration {
    let started = Instant::now();
    while started.elapsed() < limit {
        if ready() {
            return started.elapsed();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{what} did not happen within {limit:?}");
}

pub fn start_server(index: &str) -> Server {
    start_server_with(index, &[], Stdio::null())
}

/// `sifa serve` over the demo data with extra arguments; stderr goes to `stderr`.
pub fn start_server_with(index: &str, extra: &[&str], stderr: Stdio) -> Server {
    start_server_on(index, &demo_data(), extra, stderr)
}

/// `sifa serve` over `data`.
pub fn start_server_on(index: &str, data: &Path, extra: &[&str], stderr: Stdio) -> Server {
    start_server_at(free_port(), index, data, extra, stderr)
}

/// `sifa serve` on a given port (a replica restarted where the load
/// balancer expects it); returns once `/healthz` answers.
pub fn start_server_at(port: u16, index: &str, data: &Path, extra: &[&str], stderr: Stdio) -> Server {
    let child = sifa()
        .args(["serve", "--index", index, "--data", data.to_str().unwrap(), "--addr", &format!("127.0.0.1:{port}")])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let server = Server { child, port };
    wait_until("the server answering", Duration::from_secs(120), || {
        get(port, "/healthz").is_some_and(|(s, _)| s == 200)
    });
    server
}

/// A keep-alive HTTP/1.1 client for load tests.
pub struct Client {
    reader: BufReader<TcpStream>,
}

impl Client {
    pub fn connect(port: u16) -> Client {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_nodelay(true).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        Client { reader: BufReader::new(stream) }
    }

    /// Status of one GET, or 0 on a broken connection.
    pub fn get(&mut self, path: &str) -> u16 {
        let sent = write!(self.reader.get_mut(), "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
        let mut status_line = String::new();
        if sent.is_err() || self.reader.read_line(&mut status_line).is_err() {
            return 0;
        }
        let status = status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let mut length = 0;
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line).is_err() || line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        if self.reader.read_exact(&mut body).is_err() {
            return 0;
        }
        status
    }
}

/// Held by tests that measure time or load the machine (servers under
/// load, browsers), so they do not run at the same time as each other.
pub fn exclusive() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// An index of the shared corpus, built once per test run by `sifa
/// reindex`; `None` where the corpus is missing (see [`corpus`]).
pub fn corpus_index() -> Option<PathBuf> {
    static INDEX: std::sync::OnceLock<Option<tempfile::TempDir>> = std::sync::OnceLock::new();
    let dir = INDEX.get_or_init(|| {
        let data = corpus()?;
        let dir = tempdir();
        run_ok(&["reindex", "--data", data.to_str()?, "--index", dir.path().to_str()?]);
        Some(dir)
    });
    dir.as_ref().map(|d| d.path().to_path_buf())
}
