//! The page shows researchers' words, not the system's: no source file,
//! internal id or topic score among a document's facts, no rule codes in
//! 解析依据, and the 被引用 filter named by the cited document's title;
//! the agency finder looks below the top level.

use serde_json::json;

use super::{DemoSession, artifacts, browser_available, demo_session};
use crate::util::{enc, json as get_json};

#[test]
fn a_document_page_and_the_citing_filter_show_no_internals() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let DemoSession { _dir, server, browser, .. } = demo_session();
    let home = format!("http://127.0.0.1:{}/", server.port);
    let cited = get_json(server.port, "/api/v1/search?q=&sort=cited_by&per_page=1&facets=none");
    let hit = &cited["hits"][0];
    assert!(hit["cited_by_count"].as_u64().unwrap() > 0, "the demo corpus has a cited publication: {hit}");
    let (id, title) = (hit["id"].as_str().unwrap(), hit["title"].as_str().unwrap());

    browser.goto(&format!("{home}?doc={}", enc(id)));
    browser.wait_for("the evidence", "document.querySelector('#evidence tbody tr')");
    let facts = browser.text(".meta-table");
    for internal in ["来源文件", "编号", id] {
        assert!(!facts.contains(internal), "{internal} among the facts: {facts}");
    }
    let scored = facts.chars().zip(facts.chars().skip(1)).any(|(a, b)| a == '（' && b.is_ascii_digit());
    assert!(!scored, "no topic scores: {facts}");
    assert_eq!(browser.count("#evidence code"), 0, "no rule codes shown");
    let evidence = browser.text("#evidence");
    assert!(!evidence.contains("given") && !evidence.contains(" law"), "{evidence}");
    assert!(browser.text("#doc-provenance").contains(id), "the id stays at hand, at the end of 解析依据");
    browser.screenshot(&artifacts().join("desktop-document-facts.png"));

    browser.goto(&format!("{home}?cites={}", enc(id)));
    browser.wait_for(
        "the chip",
        &format!(
            "document.querySelector('#chips') && document.querySelector('#chips').innerText.includes({:?})",
            format!("《{title}》")
        ),
    );
    assert!(!browser.text("#chips").contains(id), "{}", browser.text("#chips"));
    assert_eq!(browser.script("return document.querySelector('#active-filters').hidden;"), json!(false));
    browser.emulate(390, 844);
    browser.screenshot(&artifacts().join("phone-citing-chip.png"));
    browser.clear_emulation();

    // The agency finder looks through every agency, not only the provinces shown.
    let hits = get_json(server.port, "/api/v1/search?q=&per_page=100&facets=none");
    let local =
        hits["hits"].as_array().unwrap().iter().find(|h| h["agency_path"].as_array().is_some_and(|p| p.len() >= 2));
    let agency = local.expect("a city or county agency")["agency"].as_str().unwrap().to_string();
    let part: String = agency.chars().skip(2).collect();
    browser.goto(&home);
    browser.wait_for("the agency finder", "document.querySelector('.facet-agency .facet-filter')");
    browser.type_into(".facet-agency .facet-filter", &part);
    let found = format!(".facet-agency .facet-found-item[data-agency={agency:?}]");
    browser.wait_for("the agency found below the top level", &format!("document.querySelector({found:?})"));
    browser.screenshot(&artifacts().join("desktop-agency-finder.png"));
    browser.click(&found);
    browser.wait_for("the agency filter", "location.search.includes('agency=')");
    let state = browser.script("return window.sifa.state.agency;");
    assert_eq!(state, json!([agency]));
}
