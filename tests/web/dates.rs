//! Dates on the page: the month axis covers whole
//! years, the timeline says how many results it cannot place, the date
//! fields read YYYY-MM-DD whatever the browser's locale, and the header's
//! count says why it is larger than an empty search's.

use serde_json::json;

use super::{DemoSession, artifacts, browser_available, demo_session};
use crate::util::json as get_json;

#[test]
fn dates_read_the_same_everywhere_and_undated_results_are_counted() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let DemoSession { _dir, server, browser, .. } = demo_session();
    let home = format!("http://127.0.0.1:{}/", server.port);

    let all = get_json(server.port, "/api/v1/search?q=&facets=year");
    let dated: u64 = all["facets"]["year"].as_array().unwrap().iter().map(|f| f["count"].as_u64().unwrap()).sum();
    let undated = all["total"].as_u64().unwrap() - dated;
    assert!(undated > 0, "the demo corpus has undated publications");
    browser.goto(&home);
    browser.wait_for("the timeline", "document.querySelector('#timeline .bar')");
    browser.wait_for("the undated note", "document.querySelector('#timeline-undated')");
    assert_eq!(browser.text("#timeline-undated"), format!("另有 {undated} 条未标日期，未计入图中。"));
    assert!(browser.text("#summary").contains("只计一次"), "{}", browser.text("#summary"));
    let explained = browser.script("return document.querySelector('#stats').title;");
    assert!(explained.as_str().unwrap().contains("只计一次"), "{explained}");
    browser.screenshot(&artifacts().join("desktop-timeline-undated.png"));

    // A year's months: January to December, whatever months hold publications.
    browser.goto(&format!("{home}?from=2024-01-01&to=2024-12-31"));
    browser.wait_for("the months", "document.querySelectorAll('#timeline .bar').length === 12");
    let periods = browser.script(
        "const b = [...document.querySelectorAll('#timeline .bar')]; return [b[0].title.split('：')[0], b[11].title.split('：')[0]];",
    );
    assert_eq!(periods, json!(["2024年1月", "2024年12月"]));
    browser.assert_timeline_readable("1366 px, months");
    browser.screenshot(&artifacts().join("desktop-timeline-months.png"));

    // The date fields show and take YYYY-MM-DD as typed.
    assert_eq!(browser.script("return document.querySelector('#from').type;"), json!("text"));
    assert_eq!(browser.script("return document.querySelector('#from').value;"), json!("2024-01-01"));
    browser.script("document.querySelector('#from').value = '';");
    browser.type_into("#from", "2024/3/1\u{E007}");
    browser.wait_for(
        "the error",
        "!document.querySelector('#error').hidden && document.querySelector('#error').innerText.includes('年-月-日')",
    );
    assert!(browser.url().contains("from=2024-01-01"), "nothing searched: {}", browser.url());
    browser.script("document.querySelector('#from').value = '';");
    browser.type_into("#from", "2024-03-01\u{E007}");
    browser.wait_for("the new range", "location.search.includes('from=2024-03-01')");
    browser.emulate(390, 844);
    browser.screenshot(&artifacts().join("phone-timeline-months.png"));
    browser.clear_emulation();
}
