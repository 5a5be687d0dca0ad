//! `sifa inspect FILE`: what the extractor concluded, and why.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use serde_json::json;
use sifa_model::Publication;

pub fn run(file: &Path, as_json: bool, rules: Option<&Path>, data: &Path) -> anyhow::Result<ExitCode> {
    let meta = std::fs::metadata(file).with_context(|| format!("cannot read {}", file.display()))?;
    if meta.is_dir() {
        bail!("{} is a directory; inspect reads one file", file.display());
    }
    let extractor = super::load_extractor(rules)?;
    // The path the index would record, so ids named by it are the index's.
    let source = sifa_indexer::source_path(file, data);
    let results = extractor.extract_file(file, &source);
    let mut out = std::io::stdout().lock();
    let mut any = false;
    for result in results {
        match result {
            Ok(publication) => {
                any = true;
                if as_json {
                    writeln!(out, "{}", inspection_json(&publication))?;
                } else {
                    print_human(&mut out, &publication)?;
                }
            }
            Err(skipped) if as_json => {
                writeln!(
                    out,
                    "{}",
                    json!({"source": skipped.source, "skipped": skipped.reason.to_string(), "reason": skipped.reason.category()})
                )?;
            }
            Err(skipped) => writeln!(out, "skipped {}: {}", skipped.source, skipped.reason)?,
        }
    }
    Ok(if any { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The inspection contract: the publication's metadata with `chars`,
/// `evidence` and the stated values that could not be read
/// (`unreadable_given`, also in the evidence as `given_<field>`) and the
/// lines set aside (`aside_lines`: shown on the page, neither title nor
/// body, searched by quoted phrases), without the body.
pub fn inspection_json(p: &Publication) -> serde_json::Value {
    let unreadable: Vec<serde_json::Value> = sifa_extract::unreadable_given(&p.evidence)
        .map(|(field, value)| json!({"field": field, "value": value}))
        .collect();
    json!({
        "id": p.id,
        "title": p.title,
        "agency": p.agency,
        "agency_path": p.agency_path,
        "agency_level": p.agency_level,
        "date": p.date,
        "date_precision": p.date.map(|d| d.precision()),
        "doc_no": p.doc_no,
        "url": p.url,
        "kind": p.kind,
        "topics": p.topics,
        "chars": p.chars(),
        "source": p.source,
        "evidence": p.evidence,
        "unreadable_given": unreadable,
        "aside_lines": p.aside.lines().collect::<Vec<_>>(),
    })
}

fn print_human(out: &mut impl Write, p: &Publication) -> std::io::Result<()> {
    let or_none = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
    writeln!(out, "{}  ({})", p.title, p.source)?;
    writeln!(out, "  id       {}", p.id)?;
    writeln!(
        out,
        "  agency   {}  [{}] {}",
        or_none(p.agency.clone()),
        p.agency_path.join(" › "),
        or_none(p.agency_level.map(|l| l.as_str().to_string()))
    )?;
    writeln!(
        out,
        "  date     {}  {}",
        or_none(p.date.map(|d| d.to_string())),
        or_none(p.date.map(|d| format!("{:?}", d.precision()).to_lowercase()))
    )?;
    writeln!(out, "  doc_no   {}", or_none(p.doc_no.clone()))?;
    writeln!(out, "  url      {}", or_none(p.url.clone()))?;
    writeln!(out, "  kind     {} ({})", p.kind, p.kind.label_zh())?;
    for topic in &p.topics {
        writeln!(out, "  topic    {} {:.2}  {}", topic.name, topic.score, topic.evidence.join(" "))?;
    }
    writeln!(out, "  chars    {}", p.chars())?;
    writeln!(out, "  aside    {} lines (searched by quoted phrases)", p.aside.lines().count())?;
    for (field, value) in sifa_extract::unreadable_given(&p.evidence) {
        writeln!(out, "  warning  the given {field} {value:?} could not be read; the text decided it")?;
    }
    writeln!(out, "  evidence")?;
    for (field, evidence) in &p.evidence {
        writeln!(out, "    {field:<8} {:<24} {}", evidence.rule, evidence.text)?;
    }
    writeln!(out)
}
