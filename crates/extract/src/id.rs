//! Stable document ids and content fingerprints.
//!
//! A given id is kept. Otherwise the id derives from the source URL, and
//! failing that from the text, so re-reading the same publication gives the
//! same id, and a repost of the same text is recognised as a duplicate.

use sifa_model::FieldEvidence;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_prefer_given_then_url_then_content() {
        assert_eq!(choose_id(Some("demo-1"), Some("http://a.gov.cn/x"), "正文", "题").0, "demo-1");
        let by_url = choose_id(None, Some("http://a.gov.cn/x"), "正文", "题").0;
        assert_eq!(by_url, choose_id(None, Some("https://www.A.gov.cn/x/"), "别的正文", "题").0);
        assert!(by_url.starts_with("u-"));
        assert!(choose_id(None, None, "正文", "题").0.starts_with("c-"));
    }

    #[test]
    fn fingerprints_ignore_layout_width_and_script() {
        assert_eq!(content_fingerprint("廣東省司法廳，召開會議。"), content_fingerprint("广东省司法厅\n召开会议"));
        assert_ne!(content_fingerprint("召开会议"), content_fingerprint("召开大会"));
    }
}
