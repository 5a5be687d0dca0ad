//! The research page in real headless Chromium, driven through
//! chromedriver's WebDriver protocol: what a researcher does, and what they
//! see after each step. Screenshots go to `tests/artifacts/` (ignored by git).
//! The file runs past 500 lines because the tests share the small WebDriver
//! client defined here; the research workflow's steps live in `web/research.rs`.

mod advanced;
mod dates;
mod instruments;
mod internals;
mod research;
mod small_things;
mod status;

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
        wait_until(what, Duration::from_secs(30), || {
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

    /// A phone's viewport: headless Chromium keeps windows at least 500 px
    /// wide, so narrower widths are emulated through the DevTools protocol.
    fn emulate(&self, width: u32, height: u32) {
        let params = json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": true});
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": "Emulation.setDeviceMetricsOverride", "params": params})),
        );
    }

    fn clear_emulation(&self) {
        self.call(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": "Emulation.clearDeviceMetricsOverride", "params": {}})),
        );
    }

    /// The timeline reads at the current width: axis labels apart and
    /// inside the panel, counts above the bars on one line each or not at
    /// all (then on hover), and hovering a bar reads out its count.
    fn assert_timeline_readable(&self, at: &str) {
        self.wait_for("the timeline axis", "document.querySelector('#timeline .bar-axis text')");
        let report = self.script(TIMELINE_CHECK);
        assert_eq!(report["problems"], json!([]), "timeline at {at}: {report}");
        assert!(report["labels"].as_u64().unwrap_or(0) >= 1, "timeline at {at}: {report}");
    }
}

/// Runs in the page: what is wrong with the timeline's layout, if anything.
const TIMELINE_CHECK: &str = r#"
const problems = [];
const panel = document.querySelector('.timeline-panel').getBoundingClientRect();
const labels = [...document.querySelectorAll('#timeline .bar-axis text')].map(t => ({ text: t.textContent, box: t.getBoundingClientRect() }));
labels.forEach((l, i) => {
  if (l.box.left < panel.left || l.box.right > panel.right) problems.push(`label ${l.text} outside the panel`);
  const next = labels[i + 1];
  if (next && next.box.left < l.box.right + 2) problems.push(`labels ${l.text} and ${next.text} touch`);
});
const list = document.querySelector('#timeline .bars');
const hidden = list.classList.contains('counts-hidden');
if (!hidden) {
  for (const c of list.querySelectorAll('.bar-count')) {
    if (!c.textContent) continue;
    const cell = c.closest('.bar-cell').getBoundingClientRect();
    const box = c.getBoundingClientRect();
    if (c.scrollWidth > c.clientWidth + 0.5 || box.height > parseFloat(getComputedStyle(c).lineHeight) * 1.5 || box.width > cell.width + 0.5) {
      problems.push(`count ${c.textContent} does not fit over its bar`);
    }
  }
}
const bars = [...list.querySelectorAll('button.bar')];
const bar = bars[bars.length - 1];
bar.dispatchEvent(new PointerEvent('pointerenter'));
const readout = document.querySelector('#timeline .timeline-hint').textContent;
const expected = bar.getAttribute('aria-label').replace('条', '');
if (!readout.replace(/[ ,]/g, '').startsWith(expected.replace(/[ ,]/g, ''))) problems.push(`hover reads ${readout}, not ${expected}`);
bar.dispatchEvent(new PointerEvent('pointerleave'));
return { problems, labels: labels.length, bars: list.children.length, countsHidden: hidden };
"#;

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

/// A server over the demo data and a browser at desktop width, each with
/// its own folders (removed with the session: bind `_dir` when taking it
/// apart, or the folders go at once).
struct DemoSession {
    _dir: tempfile::TempDir,
    server: crate::util::Server,
    downloads: PathBuf,
    browser: Browser,
}

fn demo_session() -> DemoSession {
    let dir = tempdir();
    let server = start_server(dir.path().join("index").to_str().unwrap());
    let downloads = dir.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let browser = Browser::start(&downloads, &dir.path().join("profile"));
    browser.resize(1366, 900);
    DemoSession { _dir: dir, server, downloads, browser }
}

#[test]
fn a_researcher_searches_filters_reads_and_exports() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let DemoSession { _dir, server, downloads, browser } = demo_session();
    let home = format!("http://127.0.0.1:{}/", server.port);

    // The first screen shows the newest publications, and the sort menu says so.
    browser.goto(&home);
    browser.wait_for("the newest publications", "document.querySelectorAll('#results .hit').length > 0");
    browser.wait_for("the sort menu showing the order used", "document.querySelector('#sort').value === 'date_desc'");
    assert_eq!(
        browser.script("const s = document.querySelector('#sort'); return s.options[s.selectedIndex].text;"),
        json!("最新")
    );
    assert!(browser.text("#summary").contains("从新到旧"), "{}", browser.text("#summary"));
    browser.assert_timeline_readable("1366 px, empty query");
    browser.screenshot(&artifacts().join("desktop-empty.png"));

    // Type a query and see highlighted results and a count.
    browser.type_into("#q", "法律援助\u{E007}");
    browser.wait_for(
        "results for the query",
        "location.search.includes('q=') && document.querySelector('#results .hit mark')",
    );
    assert!(browser.text("#summary").contains("共"), "{}", browser.text("#summary"));
    browser.wait_for("the sort menu back on relevance", "document.querySelector('#sort').value === 'relevance'");
    assert!(!browser.text("#summary").contains("从新到旧"), "{}", browser.text("#summary"));
    let all = browser.count("#results .hit");
    assert!(all >= 4, "{all} results");
    // The whole result set, which the export holds (the page shows its first page).
    let searched = get_json(server.port, "/api/v1/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9&facets=none");
    let total = searched["total"].as_u64().unwrap();
    assert_eq!(all, total.min(searched["per_page"].as_u64().unwrap()), "the first page of {total}");
    assert!(browser.text("#summary").contains(&format!("共 {total} 条")), "{}", browser.text("#summary"));
    let url_after_query = browser.url();

    // An agency facet: results, counts and the URL change.
    let agency =
        browser.script("return document.querySelector('input[type=checkbox][data-facet=\"agency\"]').dataset.value;");
    let agency = agency.as_str().unwrap().to_string();
    let summary_before = browser.text("#summary");
    browser.click(&format!("input[data-facet=\"agency\"][data-value=\"{agency}\"]"));
    browser.wait_for("the agency filter in the URL", "location.search.includes('agency=')");
    browser.wait_for(
        "the summary changing",
        &format!("document.querySelector('#summary').innerText !== {summary_before:?}"),
    );
    // The chips render with the results; on a loaded machine they may land
    // a moment after the summary.
    let chip = agency.rsplit('/').next().unwrap();
    browser.wait_for("the agency chip", &format!("document.querySelector('#chips').innerText.includes({chip:?})"));
    assert!(browser.text("#chips").contains(chip), "a chip for {agency}: {}", browser.text("#chips"));
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

    // 解析依据 explains each field in Chinese, with the text read; the raw rule is only small print.
    let id = browser.script("return new URLSearchParams(location.search).get('doc');");
    let doc = get_json(server.port, &format!("/api/v1/documents/{}", id.as_str().unwrap()));
    let evidence = doc["evidence"].as_object().expect("evidence");
    assert!(!evidence.is_empty());
    let rows = browser.script(
        "return [...document.querySelectorAll('#evidence tbody tr')].map(tr => ({field: tr.dataset.field, basis: tr.cells[1].querySelector('span').textContent, rule: tr.cells[1].querySelector('span').dataset.rule, read: tr.cells[2].textContent, raw: (tr.cells[2].querySelector('[data-raw]') || {dataset: {}}).dataset.raw}));",
    );
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), evidence.len(), "{rows:?}");
    for (field, item) in evidence {
        let explanation = item["explanation"].as_str().unwrap();
        let row = rows
            .iter()
            .find(|r| r["field"] == field.as_str() && r["rule"] == item["rule"] && r["basis"] == explanation);
        assert!(row.is_some(), "{field}: {explanation} shown, its rule kept in an attribute: {rows:?}");
        let row = row.unwrap();
        let text = item["text"].as_str().unwrap();
        assert!(
            row["read"].as_str().unwrap().contains(text) || row["raw"] == text,
            "{field}: the text read (a code by its label): {item} {row:?}"
        );
    }
    let headers = browser.text("#evidence thead");
    assert!(headers.contains("依据") && headers.contains("读到的文字") && !headers.contains("规则"), "{headers}");

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
    assert_eq!(lines[0], "编号,标题,发布机关,地区,日期,发文字号,类型,主题,原文链接");
    assert_eq!(lines.len() as u64 - 1, total, "one row per result");
    assert!(csv.contains("法律援助"));
    // Kinds by their Chinese labels, as /api/v1/stats names them.
    let stats = get_json(server.port, "/api/v1/stats");
    let labels: Vec<String> =
        stats["kinds"].as_array().unwrap().iter().map(|k| format!("\"{}\"", k["label"].as_str().unwrap())).collect();
    for line in &lines[1..] {
        let kind = quoted_cells(line)[6].clone();
        assert!(labels.contains(&kind), "kind {kind} is a label: {line}");
    }

    // Errors in Chinese: a refused parameter is named.
    browser.goto(&format!("{home}?from=2024-13-01"));
    browser.wait_for("the error", "!document.querySelector('#error').hidden");
    let error = browser.text("#error");
    assert!(error.contains("起始日期") && error.contains("from") && !error.contains("is not a date"), "{error}");
    browser.goto(&format!("{home}?doc=no-such-document"));
    browser.wait_for("the error", "!document.querySelector('#error').hidden");
    let error = browser.text("#error");
    assert!(error.contains("没有找到这篇文件") && !error.contains("no publication"), "{error}");

    // Phone width.
    browser.resize(390, 844);
    browser.emulate(390, 844);
    browser.goto(&url_after_query);
    browser.wait_for("results at phone width", "document.querySelectorAll('#results .hit').length > 0");
    assert_eq!(browser.script("return window.innerWidth;"), json!(390), "a phone's viewport");
    let overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assert_eq!(overflow, json!(false), "no horizontal scrolling at phone width");
    browser.assert_timeline_readable("390 px");
    browser.screenshot(&artifacts().join("phone-results.png"));

    // On a phone, ticking a facet closes the filter panel and shows the results.
    let panel_shown = "getComputedStyle(document.querySelector('#facets')).display !== 'none'";
    assert_eq!(browser.script(&format!("return {panel_shown};")), json!(false), "the panel starts closed");
    browser.click("#filters-toggle");
    browser.wait_for("the filter panel open", panel_shown);
    let summary_before = browser.text("#summary");
    browser.click("#facets input[data-facet=\"kind\"]");
    browser.wait_for("the kind filter in the URL", "location.search.includes('kind=')");
    browser.wait_for(
        "the new results",
        &format!("document.querySelector('#summary').innerText !== {summary_before:?} && document.activeElement === document.querySelector('#summary')"),
    );
    assert_eq!(browser.script(&format!("return {panel_shown};")), json!(false), "the panel closed");
    assert_eq!(
        browser.script("return document.querySelector('#filters-toggle').getAttribute('aria-expanded');"),
        json!("false")
    );
    assert!(browser.text("#filters-toggle").contains('1'), "{}", browser.text("#filters-toggle"));
    let in_view = browser.script(
        "const s = document.querySelector('#summary').getBoundingClientRect(); const h = document.querySelector('#results .hit').getBoundingClientRect(); return s.top >= -1 && s.top < innerHeight && h.top < innerHeight;",
    );
    assert_eq!(in_view, json!(true), "the results are in view");
    browser.screenshot(&artifacts().join("phone-after-facet.png"));

    // The document view at phone width.
    browser.click("#results .hit h3 a");
    browser.wait_for("the document view", "document.querySelector('#evidence tbody tr')");
    let overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assert_eq!(overflow, json!(false), "no horizontal scrolling in the document view");
    browser.screenshot(&artifacts().join("phone-document.png"));
    browser.clear_emulation();

    // Few exact matches: below them, apart, the publications that lack one
    // word, each saying which; the count is of exact matches only.
    let near_query = "q=%E5%8F%B8%E6%B3%95%E9%89%B4%E5%AE%9A+%E4%BA%BA%E6%B0%91%E8%B0%83%E8%A7%A3"; // 司法鉴定 人民调解
    let searched = get_json(server.port, &format!("/api/v1/search?{near_query}&facets=none"));
    let (total, near_total) = (searched["total"].as_u64().unwrap(), searched["near_total"].as_u64().unwrap());
    let near_hits = searched["near_hits"].as_array().unwrap().len() as u64;
    assert!(total < 10 && near_total > 0 && near_hits > 0, "{searched}");
    browser.goto(&format!("{home}?{near_query}"));
    browser.wait_for("the near matches", "document.querySelector('#near .hit .hit-missing')");
    assert_eq!(browser.count("#results .hit"), total, "the exact matches");
    assert_eq!(browser.count("#near .hit"), near_hits, "the near ones, apart");
    assert!(browser.text("#summary").contains(&format!("共 {total} 条")), "{}", browser.text("#summary"));
    assert!(browser.text("#near .near-title").contains(&format!("缺少一个关键词（共 {near_total} 条）")));
    let missing = browser.text("#near .hit .hit-missing");
    assert!(missing == "缺少：司法鉴定" || missing == "缺少：人民调解", "{missing}");
    browser.screenshot(&artifacts().join("near-matches.png"));
}

/// The cells of a CSV line whose every cell is quoted (as the export writes them), still quoted.
fn quoted_cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push_str("\"\"");
                chars.next();
            }
            '"' => {
                quoted = !quoted;
                cell.push('"');
            }
            ',' if !quoted => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

/// Publications of 34 city bureaus, one a year from 1950 to 2026: more
/// agencies (by province) than a facet shows at once, and a long timeline.
fn long_corpus() -> String {
    const CITIES: [&str; 34] = [
        "石家庄市",
        "太原市",
        "沈阳市",
        "长春市",
        "哈尔滨市",
        "南京市",
        "杭州市",
        "合肥市",
        "福州市",
        "南昌市",
        "济南市",
        "郑州市",
        "武汉市",
        "长沙市",
        "广州市",
        "南宁市",
        "海口市",
        "成都市",
        "贵阳市",
        "昆明市",
        "拉萨市",
        "西安市",
        "兰州市",
        "西宁市",
        "银川市",
        "乌鲁木齐市",
        "呼和浩特市",
        "青岛市",
        "大连市",
        "宁波市",
        "厦门市",
        "深圳市",
        "苏州市",
        "无锡市",
    ];
    let mut out = String::new();
    for (i, year) in (1950..=2026).enumerate() {
        let city = CITIES[i % CITIES.len()];
        let record = json!({
            "id": format!("long-{year}"),
            "title": format!("{city}司法局{year}年法律援助工作情况通报"),
            "body": format!("{year}年，{city}司法局组织开展法律援助和人民调解工作，办理法律援助案件{}件。", 100 + i * 7),
            "agency": format!("{city}司法局"),
            "date": format!("{year}-0{}-1{}", 1 + i % 9, i % 10),
        });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn long_facet_lists_and_long_timelines_stay_readable() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let dir = tempdir();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("long.jsonl"), long_corpus()).unwrap();
    let server = start_server_on(dir.path().join("index").to_str().unwrap(), &data, &[], Stdio::null());
    let facets = get_json(server.port, "/api/v1/search?q=&facets=agency,year");
    let agencies = facets["facets"]["agency"].as_array().unwrap().len() as u64;
    assert!(agencies > 15, "a long agency list: {agencies}");
    assert_eq!(facets["facets"]["year"].as_array().unwrap().len(), 77);

    let downloads = dir.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let browser = Browser::start(&downloads, &dir.path().join("profile"));
    browser.resize(1366, 900);
    browser.goto(&format!("http://127.0.0.1:{}/", server.port));
    browser.wait_for("the results", "document.querySelectorAll('#results .hit').length > 0");

    // Ten agencies, 更多 for the rest, and a filter box.
    let shown = ".facet-agency .facet-item:not([hidden])";
    assert_eq!(browser.count(shown), 10);
    let more = browser.text(".facet-agency .facet-more");
    assert!(more.contains("更多") && more.contains(&(agencies - 10).to_string()), "{more}");
    browser.click(".facet-agency .facet-more");
    assert_eq!(browser.count(shown), agencies);
    assert_eq!(browser.text(".facet-agency .facet-more"), "收起");
    browser.click(".facet-agency .facet-more");
    assert_eq!(browser.count(shown), 10);

    // The filter box narrows the list to what matches, beyond the first ten too.
    let last = browser.script(
        "const items = document.querySelectorAll('.facet-agency .facet-item'); return items[items.length - 1].querySelector('input').dataset.label;",
    );
    let last = last.as_str().unwrap().to_string();
    browser.type_into(".facet-agency .facet-filter", &last);
    let visible = browser.script(&format!(
        "return [...document.querySelectorAll({shown:?})].map(li => li.querySelector('input').dataset.label);"
    ));
    let visible: Vec<&str> = visible.as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(!visible.is_empty() && visible.iter().all(|l| l.contains(last.as_str())), "{last}: {visible:?}");
    assert!(browser.script("return document.querySelector('.facet-agency .facet-more').hidden;") == json!(true));
    browser.type_into(".facet-agency .facet-filter", "不存在的机关");
    assert_eq!(browser.count(shown), 0);
    assert!(browser.script("return !document.querySelector('.facet-agency .facet-empty').hidden;") == json!(true));

    // Ticking an agency found by the filter: it stays in view once the filter is cleared.
    browser.script("const f = document.querySelector('.facet-agency .facet-filter'); f.value = ''; f.dispatchEvent(new Event('input'));");
    browser.type_into(".facet-agency .facet-filter", &last);
    browser.click(&format!(".facet-agency input[data-label={last:?}]"));
    browser.wait_for("the agency filter in the URL", "location.search.includes('agency=')");
    browser.wait_for(
        "the new results with their chip",
        "document.querySelector('#chips li') && !document.querySelector('#results').classList.contains('is-loading')",
    );
    browser.script("const f = document.querySelector('.facet-agency .facet-filter'); f.value = ''; f.dispatchEvent(new Event('input'));");
    let checked = browser.script(&format!(
        "return [...document.querySelectorAll({shown:?})].some(li => li.querySelector('input').checked);"
    ));
    assert_eq!(checked, json!(true), "the ticked agency is shown");
    browser.goto(&format!("http://127.0.0.1:{}/", server.port));
    browser.wait_for("the results", "document.querySelectorAll('#results .hit').length > 0");

    // Years: the newest ten in the sidebar; 77 years on the timeline, labelled every N years.
    let years = browser
        .script("return [...document.querySelectorAll('.facet-year .facet-item:not([hidden]) input')].map(i => i.dataset.value);");
    assert_eq!(years, json!(["2026", "2025", "2024", "2023", "2022", "2021", "2020", "2019", "2018", "2017"]));
    assert_eq!(browser.count("#timeline .bar-cell"), 77);
    browser.assert_timeline_readable("1366 px, 77 years");
    let labels = browser.count("#timeline .bar-axis text");
    assert!((4..77).contains(&labels), "labels every N years: {labels}");
    browser.screenshot(&artifacts().join("desktop-long-timeline.png"));

    browser.emulate(390, 844);
    browser.goto(&format!("http://127.0.0.1:{}/", server.port));
    browser.wait_for("the results", "document.querySelectorAll('#results .hit').length > 0");
    browser.assert_timeline_readable("390 px, 77 years");
    let overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assert_eq!(overflow, json!(false), "no horizontal scrolling at phone width");
    browser.screenshot(&artifacts().join("phone-long-timeline.png"));
    browser.clear_emulation();
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

    // The CSV export (the API's file, which 导出 CSV saves) neutralises formulas.
    browser.goto(&page);
    browser.wait_for("the hostile results", "document.querySelectorAll('#results .hit').length === 2");
    browser.click("#export-csv");
    let csv = research::downloaded(&downloads, ".csv");
    let row = csv.lines().find(|line| line.starts_with("\"x2\"")).unwrap_or_default().to_string();
    assert!(row.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")法律援助公式\""), "{row}");
    for cell in quoted_cells(&row) {
        let text = cell.trim_matches('"');
        assert!(!text.starts_with(['=', '+', '-', '@']), "{cell} in {row}");
    }
}

#[test]
fn a_researcher_follows_citations_between_publications() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let DemoSession { _dir, server, browser, .. } = demo_session();
    let home = format!("http://127.0.0.1:{}/", server.port);

    // A notice lists what it cites, with article numbers; the law is a link.
    browser.goto(&format!("{home}?doc=demo-notice-0001"));
    browser.wait_for("the notice's citations", "document.querySelectorAll('.cites-list li').length >= 2");
    let cited = browser.text(".cites-list");
    assert!(cited.contains("《中华人民共和国法律援助法》") && cited.contains("第22条、第30条"), "{cited}");
    browser.screenshot(&artifacts().join("desktop-citations.png"));
    browser.click(".cites-list a.cite-link");
    browser.wait_for("the cited law", "location.search.includes('doc=demo-law-0001')");
    browser.wait_for(
        "the law's view",
        "document.querySelector('#doc-title') && document.querySelector('#doc-title').innerText.includes('法律援助法')",
    );

    // The law says how often it is cited, and the link lists the citing publications.
    browser.wait_for("被引用", "document.querySelector('#cited-by-link') !== null");
    let link = browser.text("#cited-by-link");
    let count: u64 = link.trim_start_matches("被引用").trim_end_matches('次').trim().parse().expect("a count");
    assert!(count >= 3, "{link}");
    browser.click("#cited-by-link");
    browser.wait_for("the citing list", "location.search.includes('cites=demo-law-0001')");
    browser.wait_for("its results", "document.querySelectorAll('#results .hit').length > 0");
    assert!(browser.text("#summary").contains(&format!("共 {count} 条")), "{}", browser.text("#summary"));
    browser.wait_for(
        "the citing filter as a chip, by the cited title",
        "document.querySelector('#chips').innerText.includes('引用：《')",
    );
    assert!(!browser.text("#chips").contains("demo-law-0001"), "{}", browser.text("#chips"));
    assert!(browser.text("#results").contains("浙江省司法厅关于贯彻实施法律援助法的通知"));

    // A regulation with two versions: the result says so, the view lists both.
    browser.goto(&format!("{home}?q=%E6%B5%99%E6%B1%9F%E7%9C%81%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9%E6%9D%A1%E4%BE%8B&kind=local_regulation"));
    browser.wait_for("the regulation", "document.querySelectorAll('#results .hit').length > 0");
    assert!(browser.text("#results").contains("共 2 个版本"), "{}", browser.text("#results"));
    browser.goto(&format!("{home}?doc=demo-reg-2014"));
    browser.wait_for("its versions", "document.querySelectorAll('.versions-list li').length === 2");
    let versions = browser.text(".versions-list");
    assert!(versions.contains("已被修改") && versions.contains("现行"), "{versions}");
}
