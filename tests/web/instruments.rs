//! The research views in the browser: 语境 (the concordance: lines aligned
//! on the match, sorted by left context, saved as CSV, a line opening its
//! document at that place) and 扩散 (the adoption curve, the province grid,
//! the regions table, the level switch and the panel as CSV), at desktop
//! and phone width. Screenshots go to `tests/artifacts/`.

use serde_json::json;

use super::research::downloaded;
use super::{DemoSession, artifacts, browser_available, demo_session};
use crate::util::json as get_json;

#[test]
fn a_researcher_reads_a_word_in_context_and_follows_its_spread() {
    let _exclusive = crate::util::exclusive();
    if !browser_available() {
        return;
    }
    let DemoSession { _dir, server, downloads, browser } = demo_session();
    let origin = format!("http://127.0.0.1:{}", server.port);
    let q = "%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9"; // 法律援助

    // 语境: the page's lines are the API's, aligned on the match.
    browser.goto(&format!("{origin}/?q={q}&view=concordance"));
    browser.wait_for("concordance lines", "document.querySelectorAll('#concordance tr').length > 0");
    let api = get_json(server.port, &format!("/api/v1/concordance?q={q}&per_page=50&context=24"));
    let lines = api["lines"].as_array().unwrap();
    assert_eq!(browser.count("#concordance tr") as usize, lines.len());
    assert_eq!(browser.text("#concordance tr:first-child .kwic-right"), lines[0]["right"].as_str().unwrap());
    let total = api["total_occurrences"].as_u64().unwrap();
    assert!(
        browser.text("#concordance-summary").contains(&format!("共出现 {total} 处")),
        "{}",
        browser.text("#concordance-summary")
    );
    assert_eq!(
        browser.script("return document.querySelector('#view-concordance').getAttribute('aria-pressed');"),
        json!("true")
    );
    assert!(
        browser.script("return document.querySelector('#results').offsetParent === null;").as_bool().unwrap(),
        "the list gives way"
    );
    let aligned = browser.script(
        "const cells = [...document.querySelectorAll('#concordance .kwic-center')];
         const columns = new Set(cells.map(td => Math.round(td.getBoundingClientRect().left)));
         const centred = cells.every(td => { const c = td.getBoundingClientRect(), m = td.querySelector('mark').getBoundingClientRect();
           return Math.abs((c.left + c.right) / 2 - (m.left + m.right) / 2) <= 1.5; });
         return columns.size === 1 && centred;",
    );
    assert_eq!(aligned, json!(true), "every match stands in one column, centred");
    browser.script("document.querySelector('#view-tabs').scrollIntoView();");
    browser.screenshot(&artifacts().join("desktop-concordance.png"));

    // Sorted by the left context, read backwards from the match.
    browser.script("const s = document.querySelector('#concordance-sort'); s.value = 'left'; s.dispatchEvent(new Event('change'));");
    browser.wait_for(
        "the left sort",
        "location.search.includes('csort=left') && document.querySelectorAll('#concordance tr').length > 0",
    );
    browser.wait_for(
        "lines sorted by left context",
        "(() => { const keys = [...document.querySelectorAll('#concordance .kwic-left')].map(td => [...td.textContent].reverse().join('')); return keys.length > 1 && keys.every((k, i) => i === 0 || keys[i - 1] <= k); })()",
    );

    // 导出 CSV: every line, with the API's headers.
    browser.click("#concordance-csv");
    let csv = downloaded(&downloads, "sifa-concordance.csv");
    assert!(csv.starts_with("\u{feff}编号,标题,日期,发布机关,位置,起始字符,左语境,关键词,右语境"), "{csv}");
    assert_eq!(csv.trim_end().lines().count() as u64, total + 1);

    // A line opens its document at that place.
    browser.click("#concordance tr[data-field=body] .kwic-match");
    browser.wait_for("the place in the document", "document.querySelector('.doc-body .at-place')");
    assert_eq!(browser.text(".doc-body .at-place"), "法律援助");
    assert!(browser.url().contains("at="), "{}", browser.url());
    browser.screenshot(&artifacts().join("desktop-concordance-place.png"));

    // 扩散: the curve ends at the regions with a first date; tiles and table follow the API.
    browser.goto(&format!("{origin}/?q={q}&view=diffusion"));
    browser.wait_for("the regions table", "document.querySelector('#diffusion-regions tbody tr')");
    let diffusion = get_json(server.port, &format!("/api/v1/diffusion?q={q}&level=province"));
    let regions = diffusion["regions"].as_array().unwrap();
    assert_eq!(browser.count("#diffusion-regions tbody tr") as usize, regions.len());
    let adopted = regions.iter().filter(|r| !r["first_date"].is_null()).count();
    let last = browser.script("return document.querySelector('#adoption-curve polyline').dataset.last;");
    assert_eq!(last, json!(adopted.to_string()));
    let shaded = browser.count("#province-grid .tile:not(.shade-none)") as usize;
    assert_eq!(shaded, adopted, "one shaded tile per province with a first date");
    browser.script("document.querySelector('#view-tabs').scrollIntoView();");
    browser.screenshot(&artifacts().join("desktop-diffusion.png"));

    // The level switch: city regions, kept in the URL, and the panel saved.
    browser.script(
        "const s = document.querySelector('#diffusion-level'); s.value = 'city'; s.dispatchEvent(new Event('change'));",
    );
    browser.wait_for("city regions", "location.search.includes('level=city')");
    let cities = get_json(server.port, &format!("/api/v1/diffusion?q={q}&level=city"));
    let expected = cities["regions"].as_array().unwrap().len();
    browser.wait_for(
        "the city table",
        &format!("document.querySelectorAll('#diffusion-regions tbody tr').length === {expected} && document.querySelector('#diffusion-regions tbody tr').dataset.path.includes('/')"),
    );
    browser.click("#diffusion-csv");
    let panel = downloaded(&downloads, "sifa-diffusion-city.csv");
    assert!(
        panel.starts_with("\u{feff}region,path,year,adopted,first_date,documents_in_year,documents_to_date"),
        "{panel}"
    );

    // At phone width both views fit the screen.
    browser.emulate(390, 844);
    for (view, shot) in [("diffusion", "phone-diffusion.png"), ("concordance", "phone-concordance.png")] {
        browser.goto(&format!("{origin}/?q={q}&view={view}"));
        browser.wait_for(view, "document.querySelector('#research table tbody tr, #research #concordance tr')");
        let overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assert_eq!(overflow, json!(false), "{view}: no horizontal scrolling at phone width");
        browser.script("document.querySelector('#view-tabs').scrollIntoView();");
        browser.screenshot(&artifacts().join(shot));
    }
    browser.clear_emulation();
}
