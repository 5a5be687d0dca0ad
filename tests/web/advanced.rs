//! 高级检索: a researcher fills 标题, 全文, 文号, 发布机关 and 日期, and the
//! page searches with the same query language and address as the search
//! box and the filters would write; the form reads an address back.

use serde_json::json;

use super::{DemoSession, artifacts, browser_available, demo_session};
use crate::util::{enc, json as get_json};

#[test]
fn a_researcher_uses_the_advanced_search_form() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let DemoSession { _dir, server, browser, .. } = demo_session();
    let home = format!("http://127.0.0.1:{}/", server.port);
    let all = get_json(server.port, "/api/v1/search?q=title%3A%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9&facets=agency");
    let province = all["facets"]["agency"][0]["value"].as_str().unwrap().to_string();

    browser.goto(&home);
    browser.wait_for("the page", "document.querySelectorAll('#results .hit').length > 0");
    browser.click("#advanced summary");
    browser.wait_for("the form", "document.querySelector('#advanced').open");
    browser.type_into("#adv-title", "法律援助");
    browser.type_into("#adv-agency", &province);
    browser.type_into("#adv-from", "2000-01-01");
    browser.screenshot(&artifacts().join("desktop-advanced-form.png"));
    browser.click("#advanced-form button[type=submit]");
    browser.wait_for("the search in the address", "location.search.includes('title')");
    let state = browser.script("return window.sifa.state;");
    assert_eq!(state["q"], json!("title:法律援助"));
    assert_eq!(state["agency"], json!([province]));
    assert_eq!(state["from"], json!("2000-01-01"));
    assert_eq!(
        browser.script("return document.querySelector('#q').value;"),
        json!("title:法律援助"),
        "the search box shows the query written"
    );

    let query = format!(
        "/api/v1/search?q=title%3A%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9&agency={}&from=2000-01-01&facets=none",
        enc(&province)
    );
    let expected = get_json(server.port, &query)["total"].as_u64().unwrap();
    assert!(expected > 0, "the demo corpus has such publications");
    browser
        .wait_for("the results", &format!("document.querySelector('#summary').innerText.includes('共 {expected} 条')"));

    // A bad date is said in Chinese and nothing is searched.
    browser.script("document.querySelector('#adv-to').value = '2024/3/1';");
    browser.click("#advanced-form button[type=submit]");
    browser.wait_for("the note", "document.querySelector('#adv-note').textContent.includes('年-月-日')");

    // The address read back into the form.
    browser.goto(&format!("{home}?q=%E7%BB%8F%E6%B5%8E%20title%3A%E6%9D%A1%E4%BE%8B%20doc_no%3AX1&to=2024-12-31"));
    browser.wait_for("the page", "document.querySelector('#summary').innerText.length > 0");
    browser.click("#advanced summary");
    browser.wait_for("the form filled from the address", "document.getElementById('adv-title').value === '条例'");
    let fields = browser
        .script("return ['adv-title','adv-text','adv-doc-no','adv-to'].map(id => document.getElementById(id).value);");
    assert_eq!(fields, json!(["条例", "经济", "X1", "2024-12-31"]));
    browser.emulate(390, 844);
    browser.screenshot(&artifacts().join("phone-advanced-form.png"));
    browser.clear_emulation();
}
