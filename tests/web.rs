//! The research page in real headless Chromium, driven through
//! chromedriver's WebDriver protocol: what a researcher does, and what they
//! see after each step. Screenshots go to `tests/artifacts/` (ignored by git).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::util::{free_port, json as get_json, repo, start_server, start_server_on, tempdir, wait_until};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver and one browser session; both end with the value.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http("DELETE", self.port, &format!("/session/{}", self.session), None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A minimal HTTP/1.1 exchange with chromedriver.
fn http(method: &str, port: u16, path: &str, body: Option<&Value>) -> Option<Value> {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(60))).ok()?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut reader = BufReader::new(stream);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().ok()?;
        }
    }
    let mut bytes = vec![0; length];
    reader.read_exact(&mut bytes).ok()?;
    serde_json::from_slice(&bytes).ok()
}

impl Browser {
    fn start(downloads: &Path, profile: &Path) -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut browser = Browser { driver, port, session: String::new() };
        wait_until("chromedriver", Duration::from_secs(20), || http("GET", port, "/status", None).is_some());
        let capabilities = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-quic", "--window-size=1280,900",
                     format!("--user-data-dir={}", profile.display())],
            "prefs": {"download.default_directory": downloads.display().to_string(), "download.prompt_for_download": false}
        }}}});
        let created = http("POST", port, "/session", Some(&capabilities)).expect("a session");
        browser.session =
            created["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {created}")).to_string();
        browser
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let full = format!("/session/{}{path}", self.session);
        let response =
            http(method, self.port, &full, body.as_ref()).unwrap_or_else(|| panic!("{method} {path}: no answer"));
        if let Some(error) = response["value"]["error"].as_str() {
            panic!("{method} {path}: {error}: {}", response["value"]["message"]);
        }
        response["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({"url": url})));
    }

    fn url(&self) -> String {
        self.call("GET", "/url", None).as_str().unwrap_or_default().to_string()
    }

    fn script(&self, source: &str) -> Value {
        self.call("POST", "/execute/sync", Some(json!({"script": source, "args": []})))
    }

    fn element(&self, css: &str) -> String {
        let found = self.call("POST", "/element", Some(json!({"using": "css selector", "value": css})));
        found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let id = self.element(css);
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.element(css);
        self.call("POST", &format!("/element/{id}/value"), Some(json!({"text": text})));
    }

    fn text(&self, css: &str) -> String {
        self.script(&format!("const e = document.querySelector({css:?}); return e ? e.innerText : null;"))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn count(&self, css: &str) -> u64 {
        self.script(&format!("return document.querySelectorAll({css:?}).length;")).as_u64().unwrap_or(0)
    }

    fn wait_for(&self, what: &str, condition_js: &str) {
        wait_until(what, Duration::from_secs(10), || {
            self.script(&format!("return Boolean({condition_js});")) == json!(true)
        });
    }

    fn screenshot(&self, path: &Path) {
        use base64_decode::decode;
        let png = self.call("GET", "/screenshot", None);
        std::fs::write(path, decode(png.as_str().unwrap())).unwrap();
    }

    fn resize(&self, width: u32, height: u32) {
        self.call("POST", "/window/rect", Some(json!({"width": width, "height": height})));
    }
}

/// Standard base64, for screenshots (the only binary the driver returns).
mod base64_decode {
    pub fn decode(text: &str) -> Vec<u8> {
        let value = |c: u8| match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            _ => 63,
        };
        let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace() && *b != b'=').collect();
        clean
            .chunks(4)
            .flat_map(|chunk| {
                let n = chunk.iter().fold(0u32, |acc, &c| (acc << 6) | u32::from(value(c))) << (6 * (4 - chunk.len()));
                let bytes = n.to_be_bytes();
                bytes[1..chunk.len()].to_vec()
            })
            .collect()
    }
}

fn browser_available() -> bool {
    let present = Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
    if !present && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("Chromium and chromedriver are missing; ./scripts/test installs them");
    }
    if !present {
        eprintln!("skipping: no {CHROMIUM} / {CHROMEDRIVER} (./scripts/test installs them)");
    }
    present
}

fn artifacts() -> PathBuf {
    let dir = repo().join("tests/artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_researcher_searches_filters_reads_and_exports() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let dir = tempdir();
    let server = start_server(dir.path().join("index").to_str().unwrap());
    let downloads = dir.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let browser = Browser::start(&downloads, &dir.path().join("profile"));
    let home = format!("http://127.0.0.1:{}/", server.port);

    // The first screen shows the newest publications.
    browser.goto(&home);
    browser.wait_for("the newest publications", "document.querySelectorAll('#results .hit').length > 0");

    // Type a query and see highlighted results and a count.
    browser.type_into("#q", "法律援助\u{E007}");
    browser.wait_for(
        "results for the query",
        "location.search.includes('q=') && document.querySelector('#results .hit mark')",
    );
    assert!(browser.text("#summary").contains("共"), "{}", browser.text("#summary"));
    let all = browser.count("#results .hit");
    assert!(all >= 4, "{all} results");
    let url_after_query = browser.url();

    // An agency facet: results, counts and the URL change.
    let agency = browser.script("return document.querySelector('input[data-facet=\"agency\"]').dataset.value;");
    let agency = agency.as_str().unwrap().to_string();
    let summary_before = browser.text("#summary");
    browser.click(&format!("input[data-facet=\"agency\"][data-value=\"{agency}\"]"));
    browser.wait_for("the agency filter in the URL", "location.search.includes('agency=')");
    browser.wait_for(
        "the summary changing",
        &format!("document.querySelector('#summary').innerText !== {summary_before:?}"),
    );
    assert!(
        browser.text("#chips").contains(agency.rsplit('/').next().unwrap()),
        "a chip for {agency}: {}",
        browser.text("#chips")
    );
    let hit_agencies =
        browser.script("return [...document.querySelectorAll('#results .hit')].map(h => h.innerText).join('\\n');");
    assert!(!hit_agencies.as_str().unwrap().is_empty());

    // A topic facet on top.
    browser.click("input[data-facet=\"topic\"]");
    browser.wait_for("the topic filter in the URL", "location.search.includes('topic=')");
    let url_with_topic = browser.url();

    // Back removes the topic again.
    browser.call("POST", "/back", Some(json!({})));
    browser.wait_for("the topic filter gone", "!location.search.includes('topic=')");
    assert!(browser.url().contains("agency="));
    assert_ne!(browser.url(), url_with_topic);

    // Open a document: full text, how it was read, similar publications.
    browser.goto(&url_after_query);
    browser.wait_for("results again", "document.querySelectorAll('#results .hit').length > 0");
    browser.screenshot(&artifacts().join("desktop-results.png"));
    let title = browser.text("#results .hit h3 a");
    browser.click("#results .hit h3 a");
    browser.wait_for("the document view", "location.search.includes('doc=') && document.querySelector('#document h2') && document.querySelector('#document h2').innerText.length > 0");
    assert_eq!(browser.text("#document h2"), title);
    browser.wait_for(
        "the evidence",
        "document.querySelector('#evidence') && document.querySelector('#evidence').innerText.length > 0",
    );
    browser.screenshot(&artifacts().join("desktop-document.png"));

    // Export the result set as CSV and check its rows.
    browser.goto(&url_after_query);
    browser.wait_for("results again", "document.querySelectorAll('#results .hit').length > 0");
    browser.click("#export-csv");
    let mut csv = String::new();
    wait_until("the CSV download", Duration::from_secs(15), || {
        let file = std::fs::read_dir(&downloads)
            .ok()
            .and_then(|d| d.filter_map(Result::ok).find(|e| e.path().extension().is_some_and(|x| x == "csv")));
        if let Some(file) = file {
            csv = std::fs::read_to_string(file.path()).unwrap_or_default();
        }
        !csv.is_empty()
    });
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with BOM");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "id,title,agency,agency_path,date,kind,topics,url");
    assert_eq!(lines.len() as u64 - 1, all, "one row per result");
    assert!(csv.contains("法律援助"));

    // Phone width.
    browser.resize(390, 844);
    browser.goto(&url_after_query);
    browser.wait_for("results at phone width", "document.querySelectorAll('#results .hit').length > 0");
    let overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assert_eq!(overflow, json!(false), "no horizontal scrolling at phone width");
    browser.screenshot(&artifacts().join("phone-results.png"));
}

const HOSTILE: &str = r#"{"id": "x1", "title": "<script>window.__pwned=1</script>法律援助通报", "body": "<img src=x onerror=\"window.__pwned=2\">法律援助正文。<a href=\"javascript:window.__pwned=4\">点此</a>", "url": "javascript:window.__pwned=3", "date": "2024-01-02"}
{"id": "x2", "title": "=HYPERLINK(\"http://evil.example\")法律援助公式", "body": "+SUM(1,2) @cmd 法律援助正文", "url": "https://example.gov.cn/a.html", "agency": "-2+3", "date": "2024-01-03"}
"#;

#[test]
fn hostile_content_is_inert_in_the_api_the_page_and_the_export() {
    if !browser_available() {
        return;
    }
    let _exclusive = crate::util::exclusive();
    let dir = tempdir();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("hostile.jsonl"), HOSTILE).unwrap();
    let server = start_server_on(dir.path().join("index").to_str().unwrap(), &data, &[], Stdio::null());

    // The API escapes everything but its own marks, and offers no javascript: link.
    let r = get_json(server.port, "/api/v1/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9");
    let hits = r["hits"].as_array().unwrap();
    let x1 = hits.iter().find(|h| h["id"] == "x1").unwrap();
    assert!(x1["title_html"].as_str().unwrap().contains("&lt;script&gt;"));
    for hit in hits {
        let html = format!("{}{}", hit["title_html"], hit["snippet_html"]);
        assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<a "), "{html}");
    }
    assert!(x1["url"].is_null(), "a javascript: URL is never offered");

    let downloads = dir.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let browser = Browser::start(&downloads, &dir.path().join("profile"));
    let page = format!("http://127.0.0.1:{}/?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9", server.port);
    browser.goto(&page);
    browser.wait_for("the hostile results", "document.querySelectorAll('#results .hit').length === 2");
    assert!(
        browser.text("#results").contains("<script>window.__pwned=1</script>"),
        "shown as text: {}",
        browser.text("#results")
    );
    let inert = "typeof window.__pwned === 'undefined' && document.querySelectorAll('#results script, #results img, #results iframe').length === 0 && [...document.querySelectorAll('a[href]')].every(a => !a.href.toLowerCase().startsWith('javascript:'))";
    browser.wait_for("nothing executed", inert);
    browser.click("#results .hit h3 a");
    browser.wait_for(
        "the document view",
        "document.querySelector('#document h2') && document.querySelector('#document h2').innerText.length > 0",
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        browser.script(&format!(
            "return Boolean({inert} && document.querySelectorAll('#document script, #document img').length === 0);"
        )),
        json!(true)
    );

    // CSV export neutralises formulas.
    let csv = browser.script(
        "return window.sifa.toCsv([{id: 'x2', title: '=HYPERLINK(1)', agency: '-2+3', agency_path: [], date: '2024', kind: 'news', topics: ['@cmd'], url: '+1'}]);",
    );
    let row = csv.as_str().unwrap().lines().nth(1).unwrap().to_string();
    assert!(
        row.contains("\"'=HYPERLINK(1)\"")
            && row.contains("\"'-2+3\"")
            && row.contains("\"'@cmd\"")
            && row.contains("\"'+1\""),
        "{row}"
    );
}
