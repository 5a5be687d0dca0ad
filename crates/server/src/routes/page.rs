//! `GET /`: the search page, and for `/?doc=ID` the same page carrying the
//! publication's citation meta tags; `GET /assets/{name}`: its files.
//!
//! The page is a single-page app, but Zotero's translators, Google Scholar
//! and link previews read the HTML the server sends and run no script, so
//! a document's `citation_*` tags and title are written into the served
//! `<head>` here. `/?doc=ID` stays the one address of a document (what the
//! page puts in the address bar and the feed links to); the page updates
//! the same tags when it moves between documents without a reload, for
//! the Zotero Connector, which reads the live page.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use sifa_cite::{Citing, meta_tags};
use sifa_model::Publication;

use crate::origin::document_page;
use crate::{ApiError, AppState, assets, blocking, params};

/// Where the document's tags go: right after the page's title.
const TITLE: &str = "<title>司法行政公开信息检索 · sifa</title>";

/// `GET /assets/{name}`: a file of the page, when it is one.
pub async fn asset(Path(name): Path<String>) -> Result<Response, ApiError> {
    let (content_type, body) = assets::find(&name).ok_or(ApiError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-cache")], body).into_response())
}

pub async fn index(State(state): State<AppState>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Response {
    let page = assets::index_html();
    let Some(id) = params::last(&params::pairs(raw.as_deref()), "doc").filter(|id| !id.trim().is_empty()) else {
        return Html(page).into_response();
    };
    let found = blocking(&state, move |s| s.publications(&[id])).await;
    match found.ok().and_then(|mut p| p.pop()) {
        Some(publication) => Html(with_citation(page, &publication, &state.link_origin(&headers))).into_response(),
        // The page still loads and says in Chinese that there is no such document.
        None => (StatusCode::NOT_FOUND, Html(page)).into_response(),
    }
}

/// The page with the publication's title and meta tags in its head.
pub fn with_citation(page: &str, publication: &Publication, origin: &str) -> String {
    let citing = Citing {
        publication,
        page_url: document_page(origin, &publication.id),
        cited: sifa_model::PubDate { year: 1970, month: None, day: None },
    };
    let mut head = format!("<title>{} - 司法行政公开信息检索</title>\n", escape(&publication.title));
    for (name, content) in meta_tags(&citing) {
        head.push_str(&format!("<meta name=\"{name}\" content=\"{}\" data-citation>\n", escape(&content)));
    }
    head.push_str(&format!("<link rel=\"canonical\" href=\"{}\">", escape(&citing.page_url)));
    page.replacen(TITLE, head.trim_end(), 1)
}

/// Text made safe for an HTML attribute or element.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use sifa_model::{Evidence, Kind, SourceRef};

    use super::*;

    #[test]
    fn the_served_page_holds_the_query_length_limit() {
        let limit = format!("maxlength=\"{}\"", sifa_query::MAX_QUERY_CHARS);
        assert!(assets::index_html().contains(&limit) && !assets::index_html().contains("{max_query_chars}"));
    }

    #[test]
    fn the_head_carries_escaped_citation_tags_once() {
        assert!(assets::INDEX_HTML.contains(TITLE), "index.html keeps the title the tags follow");
        let p = Publication {
            id: "x1".into(),
            title: "<script>alert(1)</script>\"通知\"".into(),
            body: String::new(),
            aside: String::new(),
            agency: Some("青岛市司法局".into()),
            agency_path: Vec::new(),
            agency_level: None,
            date: "2024-03-02".parse().ok(),
            doc_no: None,
            url: None,
            kind: Kind::Notice,
            topics: Vec::new(),
            source: SourceRef { path: "a".into(), line: None },
            evidence: Evidence::new(),
        };
        let html = with_citation(assets::INDEX_HTML, &p, "http://h");
        assert!(html.contains("<meta name=\"citation_title\" content=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;通知&quot;\" data-citation>"));
        assert!(html.contains("<meta name=\"citation_publication_date\" content=\"2024/03/02\" data-citation>"));
        assert!(!html.contains("<script>alert"), "{html}");
        assert_eq!(html.matches("<title>").count(), 1);
    }
}
