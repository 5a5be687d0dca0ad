//! How documents are read: the demo corpus table, each encoding, page
//! furniture and bad files. Every fixture here is written for the project.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{demo_data, inspect, run, tempdir};

/// One row of the table in `data/demo/README.md`.
struct DemoRow {
    file: String,
    record: Option<String>,
    agency: String,
    date: Option<String>,
    kind: String,
    topic: String,
}

fn demo_rows() -> Vec<DemoRow> {
    let readme = fs::read_to_string(demo_data().join("demo/README.md")).expect("demo README");
    readme
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|line| {
            let cols: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
            let target = cols[0].trim_matches('`');
            let (file, record) = match target.split_once('#') {
                Some((file, record)) => (file.to_string(), Some(record.to_string())),
                None => (target.to_string(), None),
            };
            DemoRow {
                file,
                record,
                agency: cols[3].to_string(),
                date: (cols[4] != "none").then(|| cols[4].to_string()),
                kind: cols[5].to_string(),
                topic: cols[6].to_string(),
            }
        })
        .collect()
}

#[test]
fn every_demo_publication_is_read_as_its_table_says() {
    let rows = demo_rows();
    assert!(rows.len() >= 40, "the demo corpus has at least 40 publications");
    let mut failures = Vec::new();
    let mut cache: std::collections::HashMap<String, Vec<Value>> = Default::default();
    for row in &rows {
        let docs = cache.entry(row.file.clone()).or_insert_with(|| inspect(&demo_data().join("demo").join(&row.file)));
        let doc = match &row.record {
            Some(id) => docs.iter().find(|d| d["id"] == id.as_str()).unwrap_or_else(|| panic!("{id} not read")),
            None => &docs[0],
        };
        // The table gives the agency as written; traditional reposts fold.
        let agency = row.agency.replace("廣東省司法廳", "广东省司法厅");
        let topics: Vec<&str> = doc["topics"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
        let checks = [
            ("agency", doc["agency"] == agency.as_str()),
            (
                "date",
                match &row.date {
                    Some(date) => doc["date"] == date.as_str(),
                    None => doc["date_precision"] != "day",
                },
            ),
            ("kind", doc["kind"] == row.kind.as_str()),
            ("topic", topics.contains(&row.topic.as_str())),
        ];
        for (field, ok) in checks {
            if !ok {
                failures.push(format!(
                    "{}{}: {field}: got {}",
                    row.file,
                    row.record.as_deref().map(|r| format!("#{r}")).unwrap_or_default(),
                    doc
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

const ARTICLE: &str = "示范市司法局召开全市人民调解工作推进会\n发布时间：2024年5月6日  来源：示范市司法局\n\n会议总结了今年以来全市人民调解工作情况，部署下一阶段矛盾纠纷排查化解重点任务。\n会议要求，各级人民调解委员会要坚持和发展新时代“枫桥经验”，把矛盾纠纷化解在基层。\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn read_one(path: &Path) -> Value {
    let mut docs = inspect(path);
    assert_eq!(docs.len(), 1, "{}", path.display());
    docs.remove(0)
}

fn encode_gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn each_encoding_reads_the_same() {
    let dir = tempdir();
    let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(ARTICLE.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(ARTICLE.bytes()).collect();
    let files = [
        ("utf8.txt", ARTICLE.as_bytes().to_vec(), "UTF-8"),
        ("bom.txt", bom, "UTF-8"),
        ("gbk.txt", encode_gbk(ARTICLE), "gb18030"),
        ("utf16le.txt", utf16le, "UTF-16LE"),
        ("utf16be.txt", utf16be, "UTF-16BE"),
    ];
    for (name, bytes, encoding) in files {
        let doc = read_one(&write(dir.path(), name, &bytes));
        assert_eq!(doc["title"], "示范市司法局召开全市人民调解工作推进会", "{name}");
        assert_eq!(doc["date"], "2024-05-06", "{name}");
        assert_eq!(doc["evidence"]["encoding"]["text"], encoding, "{name}");
    }
}

#[test]
fn gbk_html_declared_as_utf8_is_still_read() {
    let dir = tempdir();
    let page = format!(
        "<html><head><meta charset=\"utf-8\"><title>测试页面</title></head><body><div id=\"zoom\"><p>{}</p></div></body></html>",
        ARTICLE.replace('\n', "</p><p>")
    );
    let doc = read_one(&write(dir.path(), "mislabelled.html", &encode_gbk(&page)));
    assert_eq!(doc["evidence"]["encoding"]["text"], "gb18030");
    assert_eq!(doc["title"], "示范市司法局召开全市人民调解工作推进会");
}

#[test]
fn page_furniture_is_stripped_from_the_body() {
    let dir = tempdir();
    let page = "您当前的位置：首页 > 工作动态\n某省司法厅召开全省法律援助工作会议\n时间：2023-03-02 来源：浙江省司法厅 作者：佚名\n字号：大 中 小\n【打印】【关闭】\n会议强调，要扎实推进法律援助工作，让困难群众获得及时便利的法律服务。\n会议要求，各地要进一步扩大法律援助覆盖面，提升案件办理质量。\n分享到：微信 微博 QQ空间\n扫一扫在手机打开当前页\n原文链接：https://sft.example.gov.cn/art/2023/3/2/art_1_2.html\n版权所有：浙江省司法厅  网站标识码：0000000000\n";
    let path = write(dir.path(), "furniture.txt", page.as_bytes());
    let doc = read_one(&path);
    assert_eq!(doc["title"], "某省司法厅召开全省法律援助工作会议");
    assert_eq!(doc["agency"], "浙江省司法厅");
    assert_eq!(doc["url"], "https://sft.example.gov.cn/art/2023/3/2/art_1_2.html");
    assert_eq!(doc["topics"][0]["name"], "法律援助");
    // The body (chars) holds only the two paragraphs of prose.
    let prose: usize = page.lines().filter(|l| l.starts_with("会议")).map(|l| l.chars().count()).sum();
    let chars = doc["chars"].as_u64().unwrap() as usize;
    assert!(chars >= prose && chars <= prose + 2, "body has {chars} chars, prose {prose}");
}

#[test]
fn traditional_reposts_are_folded_for_metadata() {
    let dir = tempdir();
    let page = "江蘇省司法廳推進公共法律服務體系建設\n發布時間：2022年8月9日　來源：江蘇省司法廳\n全省各級司法行政機關持續推進公共法律服務實體平台建設，群眾可就近獲得法律諮詢服務。\n";
    let doc = read_one(&write(dir.path(), "trad.txt", page.as_bytes()));
    assert_eq!(doc["title"], "江蘇省司法廳推進公共法律服務體系建設", "the title is kept as published");
    assert_eq!(doc["agency"], "江苏省司法厅");
    assert_eq!(doc["date"], "2022-08-09");
    assert_eq!(doc["topics"][0]["name"], "公共法律服务");
}

#[test]
fn bad_files_are_skipped_with_their_reason() {
    let dir = tempdir();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    write(dir.path(), "broken.jsonl", "{\"title\": \"缺正文\"}\n{not json\n[1, 2]\n".as_bytes());
    for (name, reason) in [("empty.txt", "empty"), ("binary.txt", "binary")] {
        let out = run(&["inspect", "--json", dir.path().join(name).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}: nothing read is a failure");
        let line: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(line["reason"], reason, "{name}");
    }
    let out = run(&["inspect", "--json", dir.path().join("broken.jsonl").to_str().unwrap()]);
    let reasons: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["reason"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(reasons, vec!["empty", "malformed_json", "malformed_json"]);
}

#[test]
fn a_logo_heading_is_not_the_headline() {
    let dir = tempdir();
    let page = "<html><head><title>北京市司法局召开律师行业党建工作会_北京市司法局</title></head><body>\
        <div class=\"logo\"><h1>北京市司法局</h1></div>\
        <ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/a\">机构职能</a></li></ul>\
        <div class=\"main\"><div class=\"title\">北京市司法局召开律师行业党建工作会</div>\
        <div class=\"info\">2023-04-11 09:30 来源：北京市司法局</div>\
        <div class=\"content\"><p>会议总结了去年律师行业党建工作，部署今年重点任务，要求各律师事务所党组织发挥战斗堡垒作用。</p>\
        <p>会议强调，要把党的建设贯穿律师事务所管理全过程，推动律师行业高质量发展。</p></div></div></body></html>";
    let doc = read_one(&write(dir.path(), "logo.html", page.as_bytes()));
    assert_eq!(doc["title"], "北京市司法局召开律师行业党建工作会");
    assert_eq!(doc["date"], "2023-04-11", "a header line that opens with its date");
    assert_eq!(doc["agency"], "北京市司法局");
    assert_eq!(doc["agency_level"], "provincial");
}

#[test]
fn inspect_states_the_document_number_at_the_top_level() {
    let dir = tempdir();
    let notice = "示范市司法局关于印发《示范市公证工作规范》的通知\n示司发〔2024〕7号\n各区司法局：\n现将规范印发给你们，请遵照执行。\n示范市司法局\n2024年3月1日\n";
    let doc = read_one(&write(dir.path(), "notice.txt", notice.as_bytes()));
    assert_eq!(doc["doc_no"], "示司发〔2024〕7号", "as the document API gives it");
    assert_eq!(doc["evidence"]["doc_no"]["rule"], "doc_no:own_line");
    let story = read_one(&write(dir.path(), "story.txt", ARTICLE.as_bytes()));
    assert!(story["doc_no"].is_null(), "a story has none, and says so");
}

#[test]
fn lines_set_aside_are_shown_by_inspect_and_found_by_quoted_phrases() {
    let dir = tempdir();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    let page = "<html><head><meta charset=\"utf-8\"><title>示范区司法局</title></head><body>\
        <div class=\"crumbs\">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>\
        <table><tr><td>主题分类：</td><td>公共法律服务</td><td>发布机构：</td><td>示范区司法局</td></tr></table>\
        <h1>示范区司法局关于开展法律明白人培训的通知</h1>\
        <div class=\"content\"><p>各街道司法所：为提升基层法治水平，定于下月举办培训，请各所按时组织人员参加，培训结束后报送总结材料。</p>\
        <p>培训内容包括民法典、人民调解和法律援助的基础知识，由区司法局业务科室和执业律师授课。</p></div></body></html>";
    let file = write(&data, "notice.html", page.as_bytes());
    let doc = read_one(&file);
    let aside: Vec<&str> = doc["aside_lines"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert!(aside.iter().any(|l| l.contains("通知公告")), "the crumbs are set aside: {aside:?}");
    let index = dir.path().join("index");
    crate::util::run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", index.to_str().unwrap()]);
    let total = |q: &str| -> u64 {
        let out = crate::util::run_ok(&["search", "--json", "--exact", q, "--index", index.to_str().unwrap()]);
        serde_json::from_str::<Value>(&out).unwrap()["total"].as_u64().unwrap()
    };
    assert_eq!(total("\"政务公开\""), 1, "a quoted phrase the page shows finds it");
    assert_eq!(total("政务公开"), 0, "a bare word looks in the title and body only");
    assert_eq!(total("法律明白人培训"), 1);
}
