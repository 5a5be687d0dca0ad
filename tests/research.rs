//! The research workflow over HTTP, read by the tools researchers use:
//! the Atom feed by feedparser, RIS by rispy, CSL-JSON by citeproc-py
//! (against the CSL schema it ships); GB/T 7714 references of the demo
//! corpus checked by hand; the synonyms listed, switched off and edited
//! under a running server.

use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::util::{enc, get, json, run_ok, start_server, start_server_with, tempdir, wait_until};

/// The parsers `scripts/test` installs with pip.
const PYTHON_MODULES: &str = "import feedparser, rispy, citeproc";

fn parsers_available() -> bool {
    let present =
        Command::new("python3").args(["-c", PYTHON_MODULES]).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
    if !present && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("python3 with feedparser, rispy and citeproc-py is missing; ./scripts/test installs them");
    }
    if !present {
        eprintln!("skipping: no python3 with feedparser, rispy and citeproc-py (./scripts/test installs them)");
    }
    present
}

/// What `tests/research/parse.py KIND` reads in `text`.
fn parse(kind: &str, text: &str) -> Value {
    use std::io::Write;
    let script = crate::util::repo().join("tests/research/parse.py");
    let mut child = Command::new("python3")
        .arg(&script)
        .arg(kind)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "parse.py {kind}: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn body(port: u16, path: &str) -> String {
    let (status, body) = get(port, path).unwrap_or_else(|| panic!("no answer to {path}"));
    assert_eq!(status, 200, "{path}: {body}");
    body
}

#[test]
fn feeds_and_citation_exports_are_read_by_real_parsers() {
    if !parsers_available() {
        return;
    }
    let dir = tempdir();
    let server = start_server(dir.path().join("index").to_str().unwrap());
    let port = server.port;
    // tests/util.rs sends `Host: localhost`: links are built from what the client asked for.
    let origin = "http://localhost";

    // The feed of a search is the API's newest-first hits, entry for entry.
    for q in ["", "法律援助", "律所"] {
        let feed = parse("feed", &body(port, &format!("/api/v1/search.atom?q={}", enc(q))));
        assert_eq!(
            (feed["bozo"].clone(), feed["version"].clone()),
            (Value::Bool(false), "atom10".into()),
            "{q}: {feed}"
        );
        let hits = json(port, &format!("/api/v1/search?q={}&sort=newest&per_page=20&facets=none", enc(q)));
        let hits = hits["hits"].as_array().unwrap();
        let entries = feed["entries"].as_array().unwrap();
        assert_eq!(entries.len(), hits.len(), "{q}");
        for (entry, hit) in entries.iter().zip(hits) {
            assert_eq!(entry["id"], format!("urn:sifa:doc:{}", hit["id"].as_str().unwrap()), "{q}");
            assert_eq!(entry["title"], hit["title"], "{q}");
            assert_eq!(entry["link"], format!("{origin}/?doc={}", hit["id"].as_str().unwrap()), "{q}");
            assert_eq!(entry["author"], hit["agency"], "{q}");
            let related = entry["links"].as_array().unwrap().iter().find(|l| l["rel"] == "related");
            assert_eq!(related.map(|l| l["href"].clone()), hit["url"].as_str().map(Value::from), "{q}");
            if let Some(date) = hit["date"].as_str().filter(|d| d.len() == 10) {
                assert_eq!(entry["published"], format!("{date}T00:00:00+08:00"), "{q}");
            }
        }
    }
    // Where every match is dated, the feed is the date-sorted search itself.
    let q = enc("法律援助");
    let feed = parse("feed", &body(port, &format!("/api/v1/search.atom?q={q}&from=2000-01-01")));
    let by_date = json(port, &format!("/api/v1/search?q={q}&from=2000-01-01&sort=date_desc&per_page=20&facets=none"));
    let feed_ids: Vec<String> = feed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().replace("urn:sifa:doc:", ""))
        .collect();
    let hit_ids: Vec<&str> = by_date["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(feed_ids, hit_ids);
    assert!(feed["links"].as_array().unwrap().iter().any(|l| l["rel"] == "self"));

    // RIS: one record per match, each typed by its kind and carrying its id.
    let search = json(port, &format!("/api/v1/search?q={q}&per_page=100&facets=none"));
    let records = parse("ris", &body(port, &format!("/api/v1/export?format=ris&q={q}&cited=2025-01-15")));
    let records = records.as_array().unwrap();
    assert_eq!(records.len() as u64, search["total"].as_u64().unwrap());
    for (record, hit) in records.iter().zip(search["hits"].as_array().unwrap()) {
        assert_eq!(record["id"], hit["id"]);
        assert_eq!(record["title"], hit["title"]);
        let law_like =
            ["law", "regulation", "local_regulation", "judicial_interpretation", "departmental_rule", "rule"];
        let expected = match hit["kind"].as_str().unwrap() {
            k if law_like.contains(&k) => "STAT",
            "report" => "RPRT",
            "case" => "CASE",
            _ if hit["url"].is_string() => "ELEC",
            _ => "GEN",
        };
        assert_eq!(record["type_of_reference"], expected, "{hit}");
        if hit["url"].is_string() {
            assert_eq!(record["access_date"], "2025/01/15", "{record}");
        }
    }

    // CSL-JSON: types and variables of the CSL schema, and a bibliography citeproc-py renders.
    let csl = parse("csl", &body(port, &format!("/api/v1/export?format=csljson&q={q}&cited=2025-01-15")));
    assert_eq!(csl["unknown_types"], serde_json::json!([]), "{csl}");
    assert_eq!(csl["unknown_variables"], serde_json::json!([]), "{csl}");
    assert!(csl["schema_types"].as_u64().unwrap() > 30, "the schema was read: {csl}");
    let rendered = csl["bibliography"].as_array().unwrap();
    assert_eq!(rendered.len() as u64, search["total"].as_u64().unwrap());
    let bibliography = rendered.iter().map(|r| r.as_str().unwrap()).collect::<Vec<_>>().join("\n");
    for hit in search["hits"].as_array().unwrap() {
        let agency = hit["agency"].as_str().unwrap_or("");
        assert!(bibliography.contains(agency), "{agency} in\n{bibliography}");
    }
    assert!(bibliography.contains("江苏省法律援助条例"), "{bibliography}");

    // GB/T 7714 of the demo corpus, written out by hand: a local regulation and a web publication read online.
    let references = body(port, "/api/v1/export?format=gbt7714&ids=demo-0002,demo-0001&cited=2025-01-15");
    let demo_0001 = json(port, "/api/v1/documents/demo-0001");
    assert_eq!(
        references,
        format!(
            "[1] 江苏省人民代表大会常务委员会. 江苏省法律援助条例[Z]. 2021-09-29.\n\
             [2] 司法部. 司法部部署开展司法鉴定行业专项检查[EB/OL]. (2025-09-10)[2025-01-15]. {}.\n",
            demo_0001["url"].as_str().unwrap()
        )
    );
}

#[test]
fn synonyms_are_listed_switched_off_and_followed_while_serving() {
    let listed = run_ok(&["synonyms"]);
    assert!(listed.contains("律所 → 律师事务所") && listed.contains("groups"), "{listed}");
    let groups: Value = serde_json::from_str(&run_ok(&["synonyms", "--json"])).unwrap();
    assert!(groups.as_array().unwrap().iter().all(|g| !g["note"].as_str().unwrap().is_empty()));

    let dir = tempdir();
    let index = dir.path().join("index");
    let file = dir.path().join("synonyms.toml");
    std::fs::write(&file, "[[group]]\nabbreviation = \"律所\"\nfull = [\"律师事务所\"]\nnote = \"测试\"\n").unwrap();
    let server = start_server_with(index.to_str().unwrap(), &["--synonyms", file.to_str().unwrap()], Stdio::null());
    let lawyers = format!("/api/v1/search?q={}", enc("律所"));
    let on = json(server.port, &lawyers);
    assert_eq!(on["expanded"][0]["added"], serde_json::json!(["律师事务所"]));
    let off = json(server.port, &format!("{lawyers}&expand=false"));
    assert!(on["total"].as_u64() > off["total"].as_u64(), "on {} off {}", on["total"], off["total"]);

    // The CLI answers alike, with and without the list.
    let cli_on = run_ok(&["search", "律所", "--index", index.to_str().unwrap(), "--json"]);
    let cli_off = run_ok(&["search", "律所", "--index", index.to_str().unwrap(), "--json", "--no-expand"]);
    let total = |text: &str| serde_json::from_str::<Value>(text).unwrap()["total"].clone();
    assert_eq!((total(&cli_on), total(&cli_off)), (on["total"].clone(), off["total"].clone()));

    // An edit applies to the next searches, with no reindex; a broken file keeps the list in force.
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(&file, "[[group]]\nterms = [\"公证处\", \"公证机构\"]\nnote = \"测试\"\n").unwrap();
    wait_until("the edited synonyms", Duration::from_secs(10), || {
        json(server.port, &lawyers)["expanded"] == serde_json::json!([])
    });
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(&file, "[[group]\nbroken").unwrap();
    std::thread::sleep(Duration::from_secs(3));
    let notary = json(server.port, &format!("/api/v1/search?q={}", enc("公证处")));
    assert_eq!(notary["expanded"][0]["added"], serde_json::json!(["公证机构"]), "the last good list stays");
    let stats = json(server.port, "/api/v1/stats");
    assert_eq!(stats["synonyms"].as_array().unwrap().len(), 1);
}
