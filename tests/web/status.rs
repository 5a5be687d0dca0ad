//! The 时效性 facet on the page: the API's dimensions bring a section, its
//! values with their counts, a filter in the address and a chip, with no
//! line of the page written for it.

use std::process::Stdio;

use serde_json::json;

use super::{Browser, artifacts, browser_available};
use crate::util::{json as get_json, start_server_on, status_data, tempdir};

#[test]
fn a_researcher_narrows_to_repealed_rules() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let dir = tempdir();
    let data = status_data(dir.path());
    let server = start_server_on(dir.path().join("index").to_str().unwrap(), &data, &[], Stdio::null());
    let counts = get_json(server.port, "/api/v1/search?q=&facets=status");
    assert_eq!(counts["facets"]["status"].as_array().unwrap().len(), 2, "{counts}");

    let browser = Browser::start(&dir.path().join("downloads"), &dir.path().join("profile"));
    browser.resize(1366, 900);
    browser.goto(&format!("http://127.0.0.1:{}/", server.port));
    browser.wait_for("the status facet", "document.querySelectorAll('.facet-status input').length === 2");
    assert_eq!(browser.text("#facet-title-status"), "时效性");
    let entries = browser.script(
        "return [...document.querySelectorAll('.facet-status .facet-item')].map(li => li.querySelector('.facet-label').textContent + ' ' + li.querySelector('.facet-count').textContent);",
    );
    assert_eq!(entries, json!(["现行有效 2", "已废止 1"]));
    browser.screenshot(&artifacts().join("desktop-status-facet.png"));

    browser.click(".facet-status input[data-value=\"repealed\"]");
    browser.wait_for("the status filter in the URL", "location.search.includes('status=repealed')");
    browser.wait_for(
        "one result",
        "document.querySelectorAll('#results .hit').length === 1 && document.querySelector('#chips li')",
    );
    assert_eq!(browser.text("#results .hit h3"), "某某省示范规定");
    assert!(browser.text("#chips").contains("时效性：已废止"), "{}", browser.text("#chips"));
    assert_eq!(
        browser.script(
            "return document.querySelector('.facet-status input[data-value=\"current\"]').parentElement.textContent;"
        ),
        json!("现行有效2"),
        "the other values are still counted"
    );
    browser.screenshot(&artifacts().join("desktop-status-filtered.png"));

    // Clearing every filter, then 对比 by status: the menu offers every dimension.
    browser.click("#clear-all");
    browser.wait_for("every result again", "document.querySelectorAll('#results .hit').length === 4");
    browser.click("#compare-toggle");
    browser.wait_for("the 对比 menu", "document.querySelector('#compare-by')");
    let compared =
        browser.script("return [...document.querySelectorAll('#compare-by option')].map(o => o.textContent);");
    assert!(compared.as_array().unwrap().contains(&json!("时效性")), "{compared}");
}

#[test]
fn a_repealed_or_amended_law_says_so_on_its_card_and_at_the_top_of_its_page() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let dir = tempdir();
    let data = status_data(dir.path());
    let server = start_server_on(dir.path().join("index").to_str().unwrap(), &data, &[], Stdio::null());
    let browser = Browser::start(&dir.path().join("downloads"), &dir.path().join("profile"));
    browser.resize(1366, 900);
    let home = format!("http://127.0.0.1:{}/", server.port);

    // Every version: each law-like card carries its mark, the news none.
    browser.goto(&format!("{home}?version=all&sort=date_asc"));
    browser.wait_for("five results", "document.querySelectorAll('#results .hit').length === 5");
    let marks = browser.script(
        "return [...document.querySelectorAll('#results .hit')].map(h => { const m = h.querySelector('.status-mark'); return (m ? m.textContent : '-') + ' ' + h.querySelector('h3').innerText; });",
    );
    assert_eq!(
        marks,
        json!([
            "已废止 某某省示范规定",
            "已被修改 中华人民共和国示范法",
            "现行有效 中华人民共和国示范法",
            "- 某某县司法局开展示范法宣传",
            "现行有效 某某省示范条例",
        ])
    );
    browser.screenshot(&artifacts().join("desktop-status-marks.png"));
    browser.emulate(390, 844);
    browser.screenshot(&artifacts().join("phone-status-marks.png"));
    browser.clear_emulation();

    // The older version's page opens with a banner above everything else, linking to the version in force.
    browser.goto(&format!("{home}?doc=law-2010"));
    browser.wait_for("the banner", "document.querySelector('#status-banner')");
    let banner = browser.text("#status-banner");
    assert!(banner.starts_with("已被修改") && banner.contains("查看现行版本（2020-01-01）"), "{banner}");
    let above = browser.script(
        "const b = document.querySelector('#status-banner').getBoundingClientRect(); return b.top < document.querySelector('.doc-meta, table').getBoundingClientRect().top && b.bottom < innerHeight;",
    );
    assert_eq!(above, json!(true), "the banner is seen without scrolling, above the metadata");
    browser.screenshot(&artifacts().join("desktop-status-banner-amended.png"));
    browser.emulate(390, 844);
    browser.screenshot(&artifacts().join("phone-status-banner-amended.png"));
    browser.clear_emulation();
    browser.click("#current-version-link");
    browser.wait_for(
        "the version in force",
        "location.search.includes('doc=law-2020') && document.querySelector('#status-banner')",
    );
    assert!(browser.text("#status-banner").starts_with("现行有效"), "{}", browser.text("#status-banner"));

    browser.goto(&format!("{home}?doc=rule-2003"));
    browser.wait_for("the banner", "document.querySelector('#status-banner')");
    assert!(browser.text("#status-banner").starts_with("已废止"), "{}", browser.text("#status-banner"));
    browser.screenshot(&artifacts().join("desktop-status-banner-repealed.png"));
    browser.goto(&format!("{home}?doc=news-2022"));
    browser.wait_for("the news page", "document.querySelector('#doc-title')");
    assert_eq!(browser.count("#status-banner"), 0, "news has no status");
}
