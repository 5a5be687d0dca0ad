//! Stable document ids and content fingerprints.
//!
//! A given id is kept. Otherwise the id derives from the source URL (an
//! address is the best identity a page has); failing that, a page read
//! from a file of its own takes its id from the file's path relative to the
//! data directory, so editing the file and adding it again replaces it;
//! and a JSON Lines record without id or URL takes its id from its text.
//! A record's line number would be no identity: inserting one line above
//! it would renumber every record below, while its text stays its own
//! wherever the record moves (and `sifa add` replaces the records of a file
//! as a whole, so an edited record leaves no stale copy either).
//! Duplicates are recognised by text whatever the ids.

use sifa_model::{FieldEvidence, Publication};

use crate::url::dedup_key;

/// Hex digits kept of a SHA-1.
const ID_HEX_DIGITS: usize = 16;

fn short_hash(text: &str) -> String {
    let mut hex = sha1_smol::Sha1::from(text).digest().to_string();
    hex.truncate(ID_HEX_DIGITS);
    hex
}

/// A fingerprint of the text for duplicate detection: folded to simplified,
/// half-width and lowercase, with spaces and punctuation removed, so a
/// repost with other furniture or line breaks has the same fingerprint.
pub fn content_fingerprint(body: &str) -> String {
    sifa_fold::fingerprint(&sifa_fold::fold(body))
}

/// The document id and the evidence for it; `folded_body` is the body
/// folded with [`sifa_fold::fold`].
pub fn choose_id(given: Option<&str>, url: Option<&str>, folded_body: &str, title: &str) -> (String, FieldEvidence) {
    let evidence = |rule: &str, text: &str| FieldEvidence { rule: rule.to_string(), text: text.to_string() };
    if let Some(id) = given.map(str::trim).filter(|id| !id.is_empty()) {
        return (id.to_string(), evidence("given", id));
    }
    if let Some(url) = url {
        return (format!("u-{}", short_hash(&dedup_key(url))), evidence("url_hash", url));
    }
    let fingerprint =
        if folded_body.trim().is_empty() { content_fingerprint(title) } else { sifa_fold::fingerprint(folded_body) };
    (format!("c-{fingerprint}"), evidence("content_hash", "hash of the folded text"))
}

/// The id of a page read from a file of its own, from the file's path
/// relative to the data directory (or its absolute path when it lies
/// outside), with `/` separators.
pub fn path_id(path: &str) -> (String, FieldEvidence) {
    (format!("p-{}", short_hash(path)), FieldEvidence { rule: "path_hash".to_string(), text: path.to_string() })
}

/// Gives a page read from a file of its own the id of its path when it has
/// neither a given id nor a URL (its id was taken from its text).
pub fn identify_by_path(publication: &mut Publication) {
    let from_text = publication.evidence.get("id").is_some_and(|e| e.rule == "content_hash");
    if from_text && publication.source.line.is_none() && !publication.source.path.is_empty() {
        let (id, evidence) = path_id(&publication.source.path);
        publication.id = id;
        publication.evidence.insert("id".into(), evidence);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_without_id_or_url_is_named_by_its_path() {
        let (a, evidence) = path_id("demo/txt/01.txt");
        assert!(a.starts_with("p-") && a.len() == 2 + ID_HEX_DIGITS, "{a}");
        assert_eq!(evidence.rule, "path_hash");
        assert_eq!(a, path_id("demo/txt/01.txt").0, "stable");
        assert_ne!(a, path_id("demo/txt/02.txt").0);
    }

    #[test]
    fn ids_prefer_given_then_url_then_content() {
        assert_eq!(choose_id(Some("demo-1"), Some("http://a.gov.cn/x"), "正文", "题").0, "demo-1");
        let by_url = choose_id(None, Some("http://a.gov.cn/x"), "正文", "题").0;
        assert_eq!(by_url, choose_id(None, Some("https://www.A.gov.cn/x/"), "别的正文", "题").0);
        assert!(by_url.starts_with("u-"));
        assert!(choose_id(None, None, "正文", "题").0.starts_with("c-"));
    }

    #[test]
    fn files_are_named_by_path_unless_they_have_an_id_or_url() {
        use crate::{Payload, Provenance, RawItem, SourceFormat};
        let extractor = crate::Extractor::with_default_rules();
        let page = |text: &str, path: &str| {
            let source = sifa_model::SourceRef { path: path.into(), line: None };
            let payload = Payload::Page {
                bytes: text.as_bytes().to_vec(),
                format: SourceFormat::Text,
                provenance: Provenance::default(),
            };
            extractor.extract(RawItem { source, payload }).unwrap()
        };
        let text = "某县司法局召开会议\n会议强调，要扎实推进各项工作。";
        let first = page(text, "news/a.txt");
        assert_eq!(first.id, path_id("news/a.txt").0);
        assert_eq!(first.evidence["id"].rule, "path_hash");
        let edited = page("某县司法局召开全体会议\n会议强调，要扎实推进全年各项工作。", "news/a.txt");
        assert_eq!(edited.id, first.id, "an edited file keeps its id");
        let with_url = page(&format!("{text}\n原文链接：http://sfj.example.gov.cn/a/1.html"), "news/a.txt");
        assert!(with_url.id.starts_with("u-"), "a URL is a better identity than a path: {}", with_url.id);
    }

    #[test]
    fn fingerprints_ignore_layout_width_and_script() {
        assert_eq!(content_fingerprint("廣東省司法廳，召開會議。"), content_fingerprint("广东省司法厅\n召开会议"));
        assert_ne!(content_fingerprint("召开会议"), content_fingerprint("召开大会"));
    }
}
