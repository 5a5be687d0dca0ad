//! A researcher's crawl: `wget --recursive --warc-file` gathers a small
//! bureau site served on 127.0.0.1, and `sifa reindex` reads the archive.
//! The site's pages are written for this test; two more are demo pages.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use crate::util::{demo_data, inspect, reindex_json, run_ok, tempdir};

const HOME: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>聊城市东昌府区司法局</title>
<link rel="stylesheet" href="/style.css"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news/2024/0506/1.html">工作动态</a> <a href="/internal/draft.html">内部稿件</a></div>
<div class="intro"><p>东昌府区司法局负责全区法治宣传、人民调解、社区矫正、公共法律服务等工作，本网站发布工作动态和通知公告。</p></div>
<ul class="list">
<li><a href="/news/2024/0506/1.html">东昌府区司法局召开全区人民调解工作推进会</a></li>
<li><a href="/news/2024/0612/2.html">东昌府区开展法治宣传进社区活动</a></li>
<li><a href="/notice/3.html">關於召開社區矯正工作會議的通知</a></li>
<li><a href="/old-link">旧版链接</a></li>
<li><a href="/missing.html">已删除的页面</a></li>
<li><a href="/demo/02.html">山东省司法厅通知</a></li>
<li><a href="/demo/05.html">涧西区司法局动态</a></li>
</ul></body></html>"#;

const NEWS_1: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>东昌府区司法局召开全区人民调解工作推进会_聊城市东昌府区司法局</title></head><body>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; 工作动态</div>
<div class="article"><h1>东昌府区司法局召开全区人民调解工作推进会</h1>
<div class="info">发布时间：2024-05-06 来源：东昌府区司法局</div>
<div id="zoom"><p>5月6日，东昌府区司法局召开全区人民调解工作推进会，各司法所所长、人民调解委员会主任参加会议。</p>
<p>会议总结了一季度矛盾纠纷排查化解情况，分析了当前人民调解工作面临的形势，部署了下一阶段重点任务。</p>
<p>会议要求，各司法所要坚持和发展新时代“枫桥经验”，把矛盾纠纷化解在基层、化解在萌芽状态。</p></div></div>
</body></html>"#;

/// Served as GBK, with the charset named only in the HTTP header.
const NEWS_2: &str = r#"<html><head><title>东昌府区开展法治宣传进社区活动</title></head><body>
<div class="article"><h1>东昌府区开展法治宣传进社区活动</h1>
<div class="info">发布日期：2024年6月12日　来源：东昌府区司法局</div>
<div class="content"><p>为深入推进法治社会建设，东昌府区司法局组织普法志愿者走进辖区多个社区，开展法治宣传进社区活动。</p>
<p>志愿者通过发放宣传资料、现场解答法律咨询等方式，向居民讲解民法典、反电信网络诈骗法等与群众生活密切相关的法律知识。</p>
<p>活动共发放宣传资料一千余份，解答法律咨询八十余人次，受到居民群众的欢迎。</p></div></div>
</body></html>"#;

/// Sent with chunked transfer coding; traditional script with the pinyin
/// glosses a converter inserts.
const NOTICE_3: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>關於召開社區矯正工作會議的通知</title></head><body>
<div class="article"><h1>關於召開社區矯正工作會議的通知</h1>
<div class="info">發布時間：2024-07-01</div>
<div class="content"><p>各司法所：經研究，決定召開全區社區矯正工作會(huì)議，總結上半年工作，部署下半年任務。現將有關事項通知如下：</p>
<p>一、會議時間：2024年7月8日上午9時。二、參會人員：各司法所所長及社區矯正專職工作人員。請各單位按時參會。</p></div></div>
</body></html>"#;

const DRAFT: &str = r#"<html><head><title>内部稿件，不应被抓取</title></head><body><p>这是网站 robots.txt 禁止抓取的内部稿件，抓取工具不应请求它，索引中也不应出现。</p></body></html>"#;

/// A tiny web site on 127.0.0.1 that records every path requested.
struct Site {
    port: u16,
    requested: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl Site {
    fn start() -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().unwrap().port();
        let requested = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (log, stopped) = (requested.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::Relaxed) {
                    break;
                }
                if let Ok(stream) = stream {
                    let _ = serve(stream, &log);
                }
            }
        });
        Site { port, requested, stop }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// Answers one connection (`Connection: close`, as small servers do).
fn serve(mut stream: TcpStream, log: &Mutex<Vec<String>>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
        if stream.read(&mut byte)? == 0 {
            return Ok(());
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    log.lock().unwrap().push(path.clone());
    let demo = |name: &str| std::fs::read(demo_data().join("demo/html").join(name)).expect("demo page");
    let html = "text/html; charset=utf-8";
    let (status, content_type, body, chunked, extra): (&str, &str, Vec<u8>, bool, &str) = match path.as_str() {
        "/robots.txt" => ("200 OK", "text/plain", b"User-agent: *\nDisallow: /internal/\n".to_vec(), false, ""),
        "/" => ("200 OK", html, HOME.into(), false, ""),
        "/style.css" => ("200 OK", "text/css", b"body { color: #333; }".to_vec(), false, ""),
        "/news/2024/0506/1.html" => {
            ("200 OK", html, NEWS_1.into(), false, "Last-Modified: Mon, 06 May 2024 09:30:00 GMT\r\n")
        }
        "/news/2024/0612/2.html" => {
            ("200 OK", "text/html; charset=GBK", encoding_rs::GBK.encode(NEWS_2).0.into_owned(), false, "")
        }
        "/notice/3.html" => ("200 OK", html, NOTICE_3.into(), true, ""),
        "/old-link" => ("301 Moved Permanently", html, Vec::new(), false, "Location: /news/2024/0506/1.html\r\n"),
        "/internal/draft.html" => ("200 OK", html, DRAFT.into(), false, ""),
        "/demo/02.html" => {
            ("200 OK", "text/html; charset=gbk", demo("02_shandong_sft_lvsuo_jianche_2022_gbk.html"), false, "")
        }
        "/demo/05.html" => ("200 OK", "text/html", demo("05_jianxi_sfj_paicha_2019_gbk_nocharset.html"), false, ""),
        _ => ("404 Not Found", html, b"<html><body><p>404</p></body></html>".to_vec(), false, ""),
    };
    let length =
        if chunked { "Transfer-Encoding: chunked".to_string() } else { format!("Content-Length: {}", body.len()) };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nDate: Tue, 16 Jul 2024 08:00:00 GMT\r\nContent-Type: {content_type}\r\n{length}\r\n{extra}Connection: close\r\n\r\n"
    )?;
    if chunked {
        for chunk in body.chunks(100) {
            write!(stream, "{:x}\r\n", chunk.len())?;
            stream.write_all(chunk)?;
            stream.write_all(b"\r\n")?;
        }
        stream.write_all(b"0\r\n\r\n")?;
    } else {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// `wget` as a researcher runs it (a shorter wait: the site is local).
fn crawl(site: &Site, warc: &Path, mirror: &Path) {
    let output = Command::new("wget")
        .args(["--recursive", "--level=2", "--wait=0.1", "--tries=1", "--timeout=10", "--no-verbose"])
        .arg(format!("--warc-file={}", warc.display()))
        .arg(format!("--directory-prefix={}", mirror.display()))
        .arg(site.url("/"))
        .output()
        .expect("wget runs (scripts/test installs it)");
    // wget exits 8 when some links answered with errors, as /missing.html does.
    assert!(matches!(output.status.code(), Some(0 | 8)), "wget failed: {}", String::from_utf8_lossy(&output.stderr));
}

/// Every indexed document by URL: title and date.
fn documents(index: &Path) -> BTreeMap<String, (String, Option<String>)> {
    let out = run_ok(&["search", "--json", "--per-page", "100", "--index", index.to_str().unwrap()]);
    let response: Value = serde_json::from_str(&out).unwrap();
    response["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| {
            let url = hit["url"].as_str().unwrap_or_else(|| panic!("a document without URL: {hit}")).to_string();
            let title = hit["title_html"].as_str().unwrap().to_string();
            (url, (title, hit["date"].as_str().map(str::to_string)))
        })
        .collect()
}

#[test]
fn a_site_crawled_by_wget_into_a_warc_is_indexed_with_its_urls() {
    let dir = tempdir();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let site = Site::start();
    crawl(&site, &data.join("site"), &dir.path().join("mirror"));
    let requested = site.requested.lock().unwrap().clone();
    assert!(requested.iter().any(|p| p == "/robots.txt"), "{requested:?}");
    assert!(!requested.iter().any(|p| p.starts_with("/internal/")), "robots.txt is respected: {requested:?}");
    assert!(data.join("site.warc.gz").is_file(), "wget wrote site.warc.gz");

    let index = dir.path().join("index");
    let summary: Value = reindex_json(&data, &index);
    assert_eq!(summary["skipped"], 0, "non-page records are not failures: {summary}");
    let not_pages = &summary["archive_records_not_pages_by_kind"];
    for kind in ["warcinfo", "request", "redirect", "http_error", "not_html"] {
        assert!(not_pages[kind].as_u64().unwrap_or(0) >= 1, "{kind} records are counted: {summary}");
    }
    let counted: u64 = not_pages.as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(summary["archive_records_not_pages"], counted);

    let docs = documents(&index);
    let urls: Vec<&str> = docs.keys().map(String::as_str).collect();
    let expected: Vec<String> =
        ["/", "/demo/02.html", "/demo/05.html", "/news/2024/0506/1.html", "/news/2024/0612/2.html", "/notice/3.html"]
            .iter()
            .map(|p| site.url(p))
            .collect();
    assert_eq!(urls, expected.iter().map(String::as_str).collect::<Vec<_>>(), "one document per page, by its URL");
    let read = |path: &str| docs[&site.url(path)].clone();
    assert_eq!(
        read("/news/2024/0506/1.html"),
        ("东昌府区司法局召开全区人民调解工作推进会".into(), Some("2024-05-06".into()))
    );
    assert_eq!(read("/news/2024/0612/2.html"), ("东昌府区开展法治宣传进社区活动".into(), Some("2024-06-12".into())));
    assert_eq!(read("/notice/3.html"), ("關於召開社區矯正工作會議的通知".into(), Some("2024-07-01".into())));

    // The demo pages read exactly as their files do, with the address they were served from.
    for (path, file) in [
        ("/demo/02.html", "02_shandong_sft_lvsuo_jianche_2022_gbk.html"),
        ("/demo/05.html", "05_jianxi_sfj_paicha_2019_gbk_nocharset.html"),
    ] {
        let from_file = &inspect(&demo_data().join("demo/html").join(file))[0];
        let (title, date) = read(path);
        assert_eq!(title, from_file["title"].as_str().unwrap(), "{path}");
        assert_eq!(date.as_deref(), from_file["date"].as_str(), "{path}");
    }

    // The glossed notice is found by its words, and marked on its own characters.
    let out = run_ok(&["search", "--json", "社区矫正工作会议", "--index", index.to_str().unwrap()]);
    let response: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(response["hits"][0]["url"], site.url("/notice/3.html"), "{response}");
    let snippet = response["hits"][0]["snippet_html"].as_str().unwrap();
    assert!(snippet.contains("<mark>社區矯正工作會議</mark>") && !snippet.contains("(huì)"), "{snippet}");
}

#[test]
fn inspect_reads_an_archive_record_by_record() {
    let dir = tempdir();
    let site = Site::start();
    let warc = dir.path().join("crawl");
    crawl(&site, &warc, &dir.path().join("mirror"));
    let results = inspect(&dir.path().join("crawl.warc.gz"));
    let pages: Vec<&Value> = results.iter().filter(|r| r.get("skipped").is_none()).collect();
    let passed: Vec<&Value> = results.iter().filter(|r| r["reason"] == "not_a_page").collect();
    let mut urls: Vec<&str> = pages.iter().map(|p| p["url"].as_str().unwrap()).collect();
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), 6, "six pages (wget fetched one twice, through the redirect): {results:?}");
    assert_eq!(pages.len() + passed.len(), results.len(), "every other record is no page: {results:?}");
    let gbk = pages.iter().find(|p| p["url"] == site.url("/news/2024/0612/2.html")).expect("the GBK page");
    assert_eq!(gbk["evidence"]["encoding"]["rule"], "http_charset", "{gbk}");
    assert_eq!(gbk["evidence"]["url"]["rule"], "given");
    assert!(gbk["source"]["path"].as_str().unwrap().ends_with("crawl.warc.gz"), "{gbk}");
}

/// One WARC record as crawlers write it.
fn warc_record(warc_type: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-07-16T08:00:00Z\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

#[test]
fn broken_archives_are_skipped_with_their_reason_and_good_ones_read() {
    let dir = tempdir();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let page = std::fs::read(demo_data().join("demo/html/01_zhejiang_sft_zhifa_pingcha_2024.html")).unwrap();
    let mut response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
    response.extend_from_slice(&page);
    let url = "https://sft.example.gov.cn/art/2024/1.html";
    let mut archive =
        warc_record("request", url, "application/http; msgtype=request", b"GET /art/2024/1.html HTTP/1.1\r\n\r\n");
    archive.extend(warc_record("response", url, "application/http; msgtype=response", &response));
    std::fs::write(data.join("good.warc"), &archive).unwrap();

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&archive).unwrap();
    let mut truncated = gz.finish().unwrap();
    truncated.truncate(truncated.len() / 2);
    std::fs::write(data.join("truncated.warc.gz"), truncated).unwrap();
    std::fs::write(data.join("garbage.warc"), "这不是网页存档，只是一段文字。\n".repeat(100)).unwrap();
    let claim = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999\r\n\r\nHTTP/1.1 200 OK\r\n";
    std::fs::write(data.join("lying.warc"), claim).unwrap();

    let index = dir.path().join("index");
    let summary: Value = reindex_json(&data, &index);
    assert_eq!(summary["documents"], 1, "{summary}");
    assert_eq!(
        summary["archive_records_not_pages_by_kind"]["request"], 2,
        "the good file's and the truncated one's: {summary}"
    );
    let skipped: Vec<&str> =
        summary["skipped_list"].as_array().unwrap().iter().map(|s| s["source"].as_str().unwrap()).collect();
    assert_eq!(summary["skipped_by_reason"]["corrupt"], 3, "{summary}");
    for file in ["garbage.warc", "lying.warc", "truncated.warc.gz"] {
        assert!(skipped.iter().any(|s| s.starts_with(file)), "{file} is listed: {summary}");
    }
    let docs = documents(&index);
    let from_file = &inspect(&demo_data().join("demo/html/01_zhejiang_sft_zhifa_pingcha_2024.html"))[0];
    assert_eq!(docs[url].0, from_file["title"].as_str().unwrap());
    assert_eq!(docs[url].1.as_deref(), from_file["date"].as_str());
}
