//! A page's address however it arrives (saved pages, text files, JSON
//! Lines records with `html`), and markup wherever it arrives: no tag or
//! entity reaches a title, a snippet or the document view. Every fixture is
//! written for this test.

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use crate::util::{inspect, run_ok, tempdir};

const SAVED_PAGE: &str = "<!DOCTYPE html>\r\n<!-- saved from url=(0056)http://sfj.example.gov.cn/art/2024/3/18/art_2093_1.html -->\r\n\
<html><head><meta charset=\"utf-8\"><title>示例区司法局开展公证服务进企业活动_示例区司法局</title>\
<link rel=\"canonical\" href=\"http://sfj.example.gov.cn/\"></head><body>\
<div class=\"article\"><h1>示例区司法局开展公证服务进企业活动</h1><div class=\"info\">发布时间：2024-03-18</div>\
<div id=\"zoom\"><p>为优化法治化营商环境，示例区司法局组织公证员走进辖区企业，围绕合同签订、知识产权保护等内容提供公证法律服务。</p>\
<p>活动中，公证员现场解答企业咨询二十余件，并为企业梳理了常见法律风险。</p></div></div></body></html>";

/// A text file saved from a page, with the page's markup left in it.
const TEXT_WITH_MARKUP: &str = "示例县司法局召开法律援助工作座谈会\n\
发布时间：2024-04-02　来源：示例县司法局\n\
<p>4月2日，示例县司法局召开法律援助工作座谈会，<span style=\"color:red\">各法律援助工作站</span>负责人参加会议。</p>\n\
<p>会议强调，要坚持&ldquo;应援尽援、应援优援&rdquo;，&nbsp;&nbsp;切实维护困难群众合法权益。</p>\n\
来源网址：http://sfj.example.gov.cn/xwdt/202404/t20240402_77.html\n";

/// Traditional script with the pinyin glosses a converter inserts.
const GLOSSED_TEXT: &str = "示例市司法局召開行政複議工作會議\n\
發布時間：2024-08-20\n\
8月20日，示例市司法局召開全市行政複議工作會(huì)議，總結上半年行政複議工作，部署下一階段重點任務。\n\
會議強調，要發(fā)揮行政複議化解行政爭議主渠道作用，不斷提升辦案質量和效率。\n";

fn write_fixtures(data: &Path) {
    fs::write(data.join("saved.html"), SAVED_PAGE).unwrap();
    fs::write(data.join("markup.txt"), TEXT_WITH_MARKUP).unwrap();
    fs::write(data.join("glossed.txt"), GLOSSED_TEXT).unwrap();
    let records = [
        json!({
            "id": "raw-page",
            "url": "http://sft.example.gov.cn/tzgg/2024/0509/9.html",
            "html": "<html><head><meta name=\"ArticleTitle\" content=\"示例省司法厅关于开展律师行业专项检查的通知\"><title>通知公告_示例省司法厅</title></head>\
        <body><div class=\"nav\"><a href=\"/\">首页</a></div><h1>示例省司法厅关于开展律师行业专项检查的通知</h1><div>发布日期：2024-05-09</div>\
        <div class=\"content\"><p>各市司法局：为进一步规范律师执业行为，省司法厅决定在全省开展律师行业专项检查，现将有关事项通知如下。</p>\
        <p>一、检查范围为全省律师事务所及执业律师。二、各市司法局要认真组织，按时报送检查情况。</p></div></body></html>"
        }),
        json!({
            "id": "fragment-body",
            "title": null,
            "body": "<h2>示例镇司法所开展矛盾纠纷排查化解</h2><p>发布时间：2024-06-03</p><p>近日，示例镇司法所联合村（居）调解委员会，对辖区内邻里、婚姻家庭等矛盾纠纷进行集中排查，&nbsp;共排查化解纠纷十余起。</p><p>下一步，该所将持续做好矛盾纠纷&ldquo;早发现、早化解&rdquo;工作。</p>"
        }),
    ];
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    fs::write(data.join("records.jsonl"), lines.join("\n")).unwrap();
}

fn by_source<'a>(results: &'a [Value], id: &str) -> &'a Value {
    results.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("{id} not read: {results:?}"))
}

#[test]
fn addresses_are_read_from_saved_pages_text_files_and_records() {
    let dir = tempdir();
    write_fixtures(dir.path());

    let saved = &inspect(&dir.path().join("saved.html"))[0];
    assert_eq!(saved["url"], "http://sfj.example.gov.cn/art/2024/3/18/art_2093_1.html", "{saved}");
    assert_eq!(
        saved["evidence"]["url"]["rule"], "html:saved_from",
        "the browser's comment beats a home-page canonical"
    );

    let text = &inspect(&dir.path().join("markup.txt"))[0];
    assert_eq!(text["url"], "http://sfj.example.gov.cn/xwdt/202404/t20240402_77.html", "{text}");
    assert_eq!(text["evidence"]["url"]["rule"], "label:来源网址");
    assert_eq!(text["title"], "示例县司法局召开法律援助工作座谈会");
    assert_eq!(text["date"], "2024-04-02");

    let records = inspect(&dir.path().join("records.jsonl"));
    let raw = by_source(&records, "raw-page");
    assert_eq!(raw["url"], "http://sft.example.gov.cn/tzgg/2024/0509/9.html");
    assert_eq!(raw["title"], "示例省司法厅关于开展律师行业专项检查的通知", "the raw page is read as HTML: {raw}");
    assert_eq!(raw["date"], "2024-05-09");
    let fragment = by_source(&records, "fragment-body");
    assert_eq!(fragment["title"], "示例镇司法所开展矛盾纠纷排查化解", "{fragment}");
}

#[test]
fn no_markup_reaches_titles_or_text_and_glossed_pages_are_found_by_their_words() {
    let dir = tempdir();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    write_fixtures(&data);
    let index = dir.path().join("index");
    run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", index.to_str().unwrap()]);
    let search = |query: &str| -> Value {
        let out = run_ok(&["search", "--json", "--per-page", "100", query, "--index", index.to_str().unwrap()]);
        serde_json::from_str(&out).unwrap()
    };

    let everything = search("");
    let hits = everything["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 5, "{everything}");
    for hit in hits {
        for field in ["title_html", "snippet_html"] {
            let shown = hit[field].as_str().unwrap();
            for residue in ["&lt;", "&amp;", "nbsp", "ldquo", "<p", "<span", "<h2"] {
                assert!(!shown.contains(residue), "{residue} in the {field} of {}: {shown}", hit["id"]);
            }
        }
    }

    let found = search("行政复议工作会议");
    assert_eq!(
        found["hits"][0]["title_html"].as_str().unwrap().replace("<mark>", "").replace("</mark>", ""),
        "示例市司法局召開行政複議工作會議"
    );
    let snippet = found["hits"][0]["snippet_html"].as_str().unwrap();
    assert!(!snippet.contains("(huì)"), "readers see no gloss: {snippet}");
    assert!(snippet.contains("<mark>行政複議工作會議</mark>"), "and the mark covers the words: {snippet}");
    assert_eq!(
        search("发挥")["hits"][0]["title_html"].as_str().unwrap(),
        "示例市司法局召開行政複議工作會議",
        "發(fā)揮 is found as 发挥"
    );
}
