//! Observability of a running server: `/metrics` scraped and parsed as the
//! Prometheus text format (version 0.0.4) by a parser that follows the
//! format's rules, not sifa's output; logs as JSON lines on request.

use std::collections::BTreeMap;
use std::fs;
use std::process::Stdio;

use crate::util::{demo_data, get, run_ok, start_server, start_server_on, tempdir};

/// One sample line: a name, its labels and its value.
#[derive(Debug, Clone)]
pub struct Sample {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub value: f64,
}

/// A metric family: its `# TYPE`, `# HELP` and samples.
#[derive(Debug, Default)]
pub struct Family {
    pub kind: String,
    pub help: String,
    pub samples: Vec<Sample>,
}

/// Every family of a scrape, by name.
pub type Scrape = BTreeMap<String, Family>;

/// The value of `name` with exactly `labels`, if the scrape has it.
pub fn value(scrape: &Scrape, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    let wanted: BTreeMap<String, String> = labels.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    scrape.values().flat_map(|f| &f.samples).find(|s| s.name == name && s.labels == wanted).map(|s| s.value)
}

fn is_name(name: &str, colons: bool) -> bool {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || (colons && c == ':'));
    first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || (colons && c == ':'))
}

fn parse_value(text: &str) -> Result<f64, String> {
    match text {
        "+Inf" => Ok(f64::INFINITY),
        "-Inf" => Ok(f64::NEG_INFINITY),
        "NaN" => Ok(f64::NAN),
        _ => text.parse().map_err(|_| format!("{text:?} is not a value")),
    }
}

/// `{a="1",b="x\"y"}` (the braces already removed) into labels.
fn parse_labels(mut rest: &str) -> Result<BTreeMap<String, String>, String> {
    let mut labels = BTreeMap::new();
    while !rest.is_empty() {
        let (name, after) = rest.split_once("=\"").ok_or_else(|| format!("label without a quoted value: {rest:?}"))?;
        if !is_name(name, false) || name.starts_with("__") {
            return Err(format!("{name:?} is not a label name"));
        }
        let mut value = String::new();
        let mut chars = after.char_indices();
        let end = loop {
            match chars.next() {
                Some((_, '\\')) => match chars.next() {
                    Some((_, '\\')) => value.push('\\'),
                    Some((_, '"')) => value.push('"'),
                    Some((_, 'n')) => value.push('\n'),
                    other => return Err(format!("bad escape {other:?} in a label value")),
                },
                Some((i, '"')) => break i,
                Some((_, c)) => value.push(c),
                None => return Err("unterminated label value".into()),
            }
        };
        if labels.insert(name.to_string(), value).is_some() {
            return Err(format!("label {name} given twice"));
        }
        rest = &after[end + 1..];
        rest = rest.strip_prefix(',').unwrap_or(rest);
    }
    Ok(labels)
}

/// The family a sample name belongs to, given the declared types.
fn family_of<'a>(name: &'a str, families: &Scrape) -> Option<&'a str> {
    if families.contains_key(name) {
        return Some(name);
    }
    for suffix in ["_bucket", "_sum", "_count"] {
        if let Some(base) = name.strip_suffix(suffix)
            && families.get(base).is_some_and(|f| f.kind == "histogram" || (f.kind == "summary" && suffix != "_bucket"))
        {
            return Some(base);
        }
    }
    None
}

/// Parses the text format strictly: every line well formed, `# TYPE`
/// before a family's samples, each family's samples together, no series
/// twice, histogram buckets cumulative with `+Inf` equal to `_count`.
pub fn parse(text: &str) -> Result<Scrape, String> {
    if !text.ends_with('\n') {
        return Err("the text does not end with a newline".into());
    }
    let mut families = Scrape::new();
    let mut finished: Vec<String> = Vec::new();
    let mut open: Option<String> = None;
    let mut seen = std::collections::HashSet::new();
    for (number, line) in text.lines().enumerate() {
        let at = |e: String| format!("line {}: {e}: {line:?}", number + 1);
        if line.trim().is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let words: Vec<&str> = comment.trim_start().splitn(3, ' ').collect();
            match words.as_slice() {
                ["TYPE", name, kind] => {
                    if !is_name(name, true) || !["counter", "gauge", "histogram", "summary", "untyped"].contains(kind) {
                        return Err(at("a bad TYPE".into()));
                    }
                    let family = families.entry(name.to_string()).or_default();
                    if !family.kind.is_empty() || !family.samples.is_empty() {
                        return Err(at("TYPE after the family's samples or twice".into()));
                    }
                    family.kind = kind.to_string();
                }
                ["HELP", name, help] => {
                    if !is_name(name, true) {
                        return Err(at("a bad HELP".into()));
                    }
                    families.entry(name.to_string()).or_default().help =
                        help.replace("\\n", "\n").replace("\\\\", "\\");
                }
                _ => {} // any other comment
            }
            continue;
        }
        let (series, rest) = match line.find('{') {
            Some(_) => {
                let close = line.rfind('}').ok_or_else(|| at("unclosed labels".into()))?;
                (&line[..close + 1], &line[close + 1..])
            }
            None => line.split_at(line.find(' ').ok_or_else(|| at("no value".into()))?),
        };
        let (name, labels) = match series.split_once('{') {
            Some((name, labels)) => (name, parse_labels(labels.strip_suffix('}').unwrap_or(labels)).map_err(at)?),
            None => (series, BTreeMap::new()),
        };
        if !is_name(name, true) {
            return Err(at(format!("{name:?} is not a metric name")));
        }
        let mut fields = rest.split_whitespace();
        let value = parse_value(fields.next().ok_or_else(|| at("no value".into()))?).map_err(at)?;
        if let Some(timestamp) = fields.next() {
            timestamp.parse::<i64>().map_err(|_| at("a bad timestamp".into()))?;
        }
        if fields.next().is_some() {
            return Err(at("text after the timestamp".into()));
        }
        let family = family_of(name, &families).ok_or_else(|| at("a sample of no declared family".into()))?.to_string();
        if open.as_deref() != Some(family.as_str()) {
            if finished.contains(&family) {
                return Err(at("the family's samples are not together".into()));
            }
            if let Some(previous) = open.replace(family.clone()) {
                finished.push(previous);
            }
        }
        if !seen.insert(format!("{name}{labels:?}")) {
            return Err(at("a series given twice".into()));
        }
        families.get_mut(&family).expect("declared").samples.push(Sample { name: name.to_string(), labels, value });
    }
    for (name, family) in &families {
        if family.kind == "histogram" {
            check_histogram(name, family)?;
        }
    }
    Ok(families)
}

fn check_histogram(name: &str, family: &Family) -> Result<(), String> {
    let mut by_series: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
    for sample in family.samples.iter().filter(|s| s.name.ends_with("_bucket")) {
        let mut labels = sample.labels.clone();
        let le = labels.remove("le").ok_or_else(|| format!("{name}: a bucket without le"))?;
        by_series.entry(format!("{labels:?}")).or_default().push((parse_value(&le)?, sample.value));
    }
    for (labels, buckets) in by_series {
        let ordered = buckets.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1);
        let count = family
            .samples
            .iter()
            .find(|s| s.name == format!("{name}_count") && format!("{:?}", s.labels) == labels)
            .map(|s| s.value);
        let last = buckets.last().copied();
        if !ordered || last.map(|b| b.0) != Some(f64::INFINITY) || last.map(|b| b.1) != count {
            return Err(format!("{name}{labels}: buckets {buckets:?} do not add up to the count {count:?}"));
        }
    }
    Ok(())
}

/// `GET /metrics` from `port`, parsed.
pub fn scrape(port: u16) -> Scrape {
    let (status, text) = get(port, "/metrics").expect("/metrics answers");
    assert_eq!(status, 200, "{text}");
    parse(&text).unwrap_or_else(|e| panic!("/metrics is not the Prometheus text format: {e}\n{text}"))
}

#[test]
fn the_parser_refuses_what_the_format_does_not_allow() {
    let good = "# HELP a_total A.\n# TYPE a_total counter\na_total{x=\"1\\\"\"} 2\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n";
    let scrape = parse(good).unwrap();
    assert_eq!(value(&scrape, "a_total", &[("x", "1\"")]), Some(2.0));
    for bad in [
        "a 1",                                                                            // no final newline
        "a 1\n",                                                                          // no TYPE
        "# TYPE a gauge\na{x=1} 1\n",                                                     // unquoted label
        "# TYPE a gauge\na one\n",                                                        // not a number
        "# TYPE a gauge\n# TYPE b gauge\na 1\nb 1\na{x=\"y\"} 1\n",                       // split family
        "# TYPE a gauge\na 1\na 2\n",                                                     // a series twice
        "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", // not cumulative
    ] {
        assert!(parse(bad).is_err(), "accepted {bad:?}");
    }
}

#[test]
fn metrics_are_scraped_as_the_prometheus_text_format() {
    let dir = tempdir();
    let server = start_server(dir.path().join("index").to_str().unwrap());
    let port = server.port;
    for path in ["/api/v1/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9", "/api/v1/search?q=qqqzzzxxyy", "/readyz"] {
        assert_eq!(get(port, path).unwrap().0, 200, "{path}");
    }
    assert_eq!(get(port, "/api/v1/documents/no-such-publication").unwrap().0, 404);
    let scrape = scrape(port);
    let requests =
        |route: &str, status: &str| value(&scrape, "sifa_http_requests_total", &[("route", route), ("status", status)]);
    assert_eq!(requests("/api/v1/search", "200"), Some(2.0));
    assert_eq!(requests("/api/v1/documents/{id}", "404"), Some(1.0));
    assert_eq!(value(&scrape, "sifa_search_empty_results_total", &[]), Some(1.0));
    assert_eq!(scrape["sifa_http_request_duration_seconds"].kind, "histogram");
    assert_eq!(value(&scrape, "sifa_index_ready", &[]), Some(1.0));
    let documents = crate::util::json(port, "/healthz")["documents"].as_f64();
    assert_eq!(value(&scrape, "sifa_index_documents", &[]), documents);
    for family in ["sifa_index_reloads_total", "sifa_reindex_duration_seconds", "sifa_index_build_duration_seconds"] {
        assert!(scrape.contains_key(family), "{family} is exported");
    }
}

#[test]
fn logs_are_json_lines_on_request() {
    let dir = tempdir();
    let index = dir.path().join("index");
    run_ok(&["reindex", "--data", demo_data().to_str().unwrap(), "--index", index.to_str().unwrap()]);
    let log = dir.path().join("server.log");
    let server = start_server_on(
        index.to_str().unwrap(),
        &demo_data(),
        &["--log-format", "json", "--verbose"],
        Stdio::from(fs::File::create(&log).unwrap()),
    );
    assert_eq!(get(server.port, "/api/v1/search?q=x").unwrap().0, 200);
    drop(server);
    let text = fs::read_to_string(&log).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line:?}")))
        .collect();
    let listening = lines.iter().find(|l| l["message"] == "listening").unwrap_or_else(|| panic!("{text}"));
    assert_eq!(listening["level"], "INFO");
    assert!(listening["addr"].as_str().unwrap().starts_with("127.0.0.1:"), "fields stand beside the message");
    assert!(listening["timestamp"].is_string());
}
