//! The research workflow in the browser: 订阅, citation export of chosen
//! results, a document's reference and citation tags, synonyms named on the
//! page, and the 对比 chart with its legend, readout and CSV. Screenshots go
//! to the system's temporary directory (`sifa-research-shots/`), outside the
//! repository.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::json;

use super::{DemoSession, browser_available, demo_session};
use crate::util::{json as get_json, wait_until};

/// Screenshots of the research steps, kept out of the repository.
fn research_shots() -> PathBuf {
    let dir = std::env::temp_dir().join("sifa-research-shots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The first file in `dir` whose name ends with `suffix`, once it is complete.
pub(super) fn downloaded(dir: &Path, suffix: &str) -> String {
    let mut text = String::new();
    wait_until(&format!("the {suffix} download"), Duration::from_secs(15), || {
        let file = std::fs::read_dir(dir)
            .ok()
            .and_then(|d| d.filter_map(Result::ok).find(|e| e.file_name().to_string_lossy().ends_with(suffix)));
        text = file.and_then(|f| std::fs::read_to_string(f.path()).ok()).unwrap_or_default();
        !text.is_empty()
    });
    text
}

#[test]
fn a_researcher_subscribes_cites_and_compares_regions() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let DemoSession { _dir, server, downloads, browser } = demo_session();
    let origin = format!("http://127.0.0.1:{}", server.port);
    let q = "%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9"; // 法律援助

    // 订阅: the panel gives the search's feed address, which the head announces too.
    browser.goto(&format!("{origin}/?q={q}&kind=news"));
    browser.wait_for("results", "document.querySelectorAll('#results .hit').length > 0");
    browser.click("#subscribe");
    browser.wait_for("the feed panel", "!document.querySelector('#feed-panel').hidden");
    let feed = browser.script("return document.querySelector('#feed-url').value;").as_str().unwrap().to_string();
    assert_eq!(feed, format!("{origin}/api/v1/search.atom?q={q}&kind=news"));
    let announced =
        browser.script("return document.querySelector('link[rel=alternate][type=\"application/atom+xml\"]').href;");
    assert_eq!(announced, json!(feed));
    let (status, atom) = crate::util::get(server.port, feed.strip_prefix(&origin).unwrap()).unwrap();
    assert!(status == 200 && atom.contains("<entry>"), "{status}: {atom}");
    browser.screenshot(&research_shots().join("subscribe.png"));

    // 导出引用 of two chosen results, in GB/T 7714, as the API writes them.
    browser.click("#subscribe");
    browser.goto(&format!("{origin}/?q={q}"));
    browser.wait_for("results", "document.querySelectorAll('#results .hit .hit-choice').length > 1");
    let ids = browser.script(
        "return [...document.querySelectorAll('#results .hit .hit-choice')].slice(0, 2).map(b => b.dataset.id);",
    );
    let ids: Vec<String> = ids.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    for id in &ids {
        browser.click(&format!(".hit-choice[data-id=\"{id}\"]"));
    }
    assert_eq!(browser.text("#choice-count"), "已选 2 条");
    assert_eq!(browser.text("#cite-scope"), "导出所选 2 条");
    browser.script(
        "const s = document.querySelector('#cite-format'); s.value = 'gbt7714'; s.dispatchEvent(new Event('change'));",
    );
    browser.screenshot(&research_shots().join("cite-choice.png"));
    browser.click("#cite-export");
    let references = downloaded(&downloads, ".gbt7714.txt");
    let lines: Vec<&str> = references.lines().collect();
    assert_eq!(lines.len(), 2, "{references}");
    let api = get_json(server.port, &format!("/api/v1/documents/{}", ids[0]));
    let first = api["citation"]["gbt7714"].as_str().unwrap();
    assert_eq!(lines[0], format!("[1] {first}"), "the page's choice, in order");
    assert!(lines[1].starts_with("[2] "), "{references}");

    // The document view: its GB/T 7714 reference, and citation tags in the head that follow the document.
    browser.click("#results .hit h3 a");
    browser.wait_for(
        "the citation",
        "document.querySelector('#cite-gbt7714') && document.querySelector('#cite-gbt7714').innerText.length > 0",
    );
    let shown = browser.text("#cite-gbt7714");
    let id = browser.script("return new URLSearchParams(location.search).get('doc');");
    let doc = get_json(server.port, &format!("/api/v1/documents/{}", id.as_str().unwrap()));
    assert_eq!(shown, doc["citation"]["gbt7714"].as_str().unwrap());
    let tag =
        browser.script("const m = document.querySelector('meta[name=citation_title]'); return m ? m.content : null;");
    assert_eq!(tag, doc["title"]);
    browser.screenshot(&research_shots().join("document-cite.png"));
    // Served HTML carries the same tags for Zotero, which runs no script.
    let (_, served) = crate::util::get(server.port, &format!("/?doc={}", id.as_str().unwrap())).unwrap();
    assert!(served.contains(&format!(
        "<meta name=\"citation_title\" content=\"{}\" data-citation>",
        doc["title"].as_str().unwrap()
    )));
    browser.call("POST", "/back", Some(json!({})));
    browser.wait_for("no citation tags on the results", "!document.querySelector('meta[data-citation]')");

    // Synonyms: 律所 is also searched as 律师事务所, and the literal word alone on request.
    browser.goto(&format!("{origin}/?q=%E5%BE%8B%E6%89%80"));
    browser.wait_for("the expansion note", "!document.querySelector('#expanded-note').hidden");
    assert!(
        browser.text("#expanded-note").contains("同时搜索了：律师事务所（律所）"),
        "{}",
        browser.text("#expanded-note")
    );
    browser.screenshot(&research_shots().join("expanded.png"));
    let expanded_total = browser.text("#summary");
    browser.click("#expand-toggle");
    browser.wait_for("the literal search", "location.search.includes('expand=false') && document.querySelector('#expanded-note').innerText.includes('只按原词')");
    browser.wait_for("fewer results", &format!("document.querySelector('#summary').innerText !== {expanded_total:?}"));

    // 对比: one line per province, a legend, hover values and the table as CSV.
    browser.goto(&format!("{origin}/"));
    browser.wait_for("results", "document.querySelectorAll('#results .hit').length > 0");
    browser.click("#compare-toggle");
    browser.wait_for("the comparison chart", "document.querySelector('#compare .compare-chart polyline')");
    assert!(browser.url().contains("compare=province"), "{}", browser.url());
    let timeline = get_json(server.port, "/api/v1/timeline?q=&sort=relevance&by=province&interval=year&top=5");
    let drawn = timeline["series"].as_array().unwrap().len()
        + usize::from(timeline["other"].is_object())
        + usize::from(timeline["missing"].is_object());
    assert_eq!(browser.count("#compare .compare-chart polyline") as usize, drawn);
    assert_eq!(browser.count("#compare .compare-legend li") as usize, drawn);
    let legend = browser.text("#compare .compare-legend");
    assert!(legend.contains(timeline["series"][0]["label"].as_str().unwrap()), "{legend}");
    let hover = browser.script(
        "const svg = document.querySelector('#compare .compare-chart'); const box = svg.getBoundingClientRect();
         svg.dispatchEvent(new PointerEvent('pointermove', {clientX: box.right - 20, clientY: box.top + 40, bubbles: true}));
         return document.querySelector('#compare-readout').innerText;",
    );
    let last = timeline["periods"].as_array().unwrap().last().unwrap()["label"].as_str().unwrap();
    assert!(hover.as_str().unwrap().starts_with(&format!("{last}：")), "{hover} for {last}");
    browser.screenshot(&research_shots().join("compare.png"));
    browser.click("#compare-csv");
    let csv = downloaded(&downloads, "compare-province.csv");
    assert!(csv.starts_with("\u{feff}\"期间\""), "{csv}");
    assert_eq!(
        csv.lines().count(),
        timeline["periods"].as_array().unwrap().len() + 2 + usize::from(csv.contains("未标日期"))
    );

    // By kind, at phone width: the chart fits.
    browser.emulate(390, 844);
    browser.goto(&format!("{origin}/?compare=kind"));
    browser.wait_for("the comparison by kind", "document.querySelector('#compare .compare-chart polyline')");
    let overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assert_eq!(overflow, json!(false), "no horizontal scrolling at phone width");
    browser.screenshot(&research_shots().join("compare-phone.png"));
    browser.clear_emulation();
}
