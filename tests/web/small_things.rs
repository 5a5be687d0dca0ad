//! Small things a researcher trips over: the page has
//! an icon, the document's title is not framed when its page opens, and
//! each export has one place (the tables in the toolbar, the citations in
//! 引用格式), both taking the chosen results.

use serde_json::json;

use super::research::downloaded;
use super::{DemoSession, artifacts, browser_available, demo_session};
use crate::util::{enc, get, json as get_json};

#[test]
fn an_icon_no_frame_on_the_opened_title_and_one_place_for_each_export() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let DemoSession { _dir, server, downloads, browser } = demo_session();
    let home = format!("http://127.0.0.1:{}/", server.port);
    let (status, icon) = get(server.port, "/assets/favicon.svg").unwrap();
    assert_eq!(status, 200);
    assert!(icon.starts_with("<svg"), "{icon}");

    let first = get_json(server.port, "/api/v1/search?per_page=1&facets=none");
    let id = first["hits"][0]["id"].as_str().unwrap().to_string();
    browser.goto(&format!("{home}?doc={}", enc(&id)));
    browser.wait_for("the document's title", "document.activeElement && document.activeElement.id === 'doc-title'");
    assert_eq!(
        browser.script("return getComputedStyle(document.activeElement).outlineStyle;"),
        json!("none"),
        "the title takes focus for screen readers without a frame"
    );
    assert!(
        browser
            .script("return document.querySelector('link[rel=icon]').href;")
            .as_str()
            .unwrap()
            .ends_with("/assets/favicon.svg")
    );
    browser.screenshot(&artifacts().join("desktop-document-opened.png"));
    browser.emulate(390, 844);
    browser.screenshot(&artifacts().join("phone-document-opened.png"));
    browser.clear_emulation();

    // The citation menu holds citations only; the toolbar's CSV exports the chosen results.
    browser.goto(&format!("{home}?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9"));
    browser.wait_for("results", "document.querySelectorAll('#results .hit .hit-choice').length > 1");
    let menu = browser.script("return [...document.querySelectorAll('#cite-format option')].map(o => o.value);");
    assert_eq!(menu, json!(["gbt7714", "ris", "csljson"]));
    let shown =
        browser.script("return [...document.querySelectorAll('#results .hit .hit-choice')].map(b => b.dataset.id);");
    let shown: Vec<String> = shown.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    let chosen = shown[1].clone();
    browser.click(&format!(".hit-choice[data-id=\"{chosen}\"]"));
    browser.click("#export-csv");
    let csv = downloaded(&downloads, ".csv");
    for id in &shown {
        assert_eq!(csv.contains(&format!("\"{id}\"")), *id == chosen, "only the chosen result {chosen}: {csv}");
    }
    assert!(browser.text("#export-status").contains("已导出 1 条"), "{}", browser.text("#export-status"));
}
