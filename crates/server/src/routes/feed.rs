//! `GET /api/v1/search.atom`: a search followed as an Atom 1.0 feed.
//!
//! The feed takes the search's parameters and lists its newest matches
//! first ([`Sort::Newest`]: by date, an undated publication by when it was
//! indexed), so a reader subscribed to 社区矫正 in 山东省 sees each new
//! publication once. Entry ids are `urn:sifa:doc:{id}`, stable across
//! reindexes because publication ids are; an entry links to its page in
//! sifa (`alternate`) and to the original (`related`). RFC 5005 paging
//! (`next`) reaches older entries.

use atom_syndication::{Category, Entry, Feed, FixedDateTime, Generator, Link, Person, Text};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use sifa_model::PubDate;
use sifa_model::instant::{china_midnight_rfc3339, rfc3339_utc, unix_now};
use sifa_query::{DIMENSIONS, Dimension, Hit, SearchRequest, SearchResponse, Sort, search_parameters};

use crate::origin::document_page;
use crate::{ApiError, AppState, blocking, params};

/// Entries per feed page when `per_page` is absent.
const FEED_ENTRIES: usize = 20;
/// The media type of Atom documents (RFC 4287), as served and as a link's `type`.
const ATOM: &str = "application/atom+xml; charset=utf-8";
const ATOM_LINK: &str = "application/atom+xml";

pub async fn search_feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    params::only(&params::pairs(raw.as_deref()), &params::searching(&[]))?;
    let mut search = params::search_params(raw.as_deref());
    search.set("sort", "newest");
    search.set("facets", "none");
    if search.last("per_page").is_none() {
        search.set("per_page", FEED_ENTRIES.to_string());
    }
    let request = SearchRequest::from_params(search)?;
    let asked = request.clone();
    let response = blocking(&state, move |s| s.search(&asked)).await?;
    let feed = feed(&state.link_origin(&headers), raw.as_deref(), &request, &response);
    let xml = feed.to_string();
    Ok(([(header::CONTENT_TYPE, ATOM)], xml).into_response())
}

/// The query string of the parameters that select publications (not
/// their order, page or counts), in the order of the parameter list.
fn selecting_query(raw: Option<&str>) -> String {
    let pairs = params::pairs(raw);
    let mut out = form_urlencoded::Serializer::new(String::new());
    for parameter in search_parameters().iter().filter(|p| p.selects) {
        for (k, v) in pairs.iter().filter(|(k, v)| *k == parameter.name && !v.trim().is_empty()) {
            out.append_pair(k, v);
        }
    }
    out.finish()
}

fn feed(origin: &str, raw: Option<&str>, request: &SearchRequest, response: &SearchResponse) -> Feed {
    debug_assert_eq!(response.sort, Sort::Newest);
    let selecting = selecting_query(raw);
    let with = |base: &str, extra: &str| {
        let joined =
            [selecting.as_str(), extra].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("&");
        if joined.is_empty() { base.to_string() } else { format!("{base}?{joined}") }
    };
    let page_size = format!("per_page={}", request.per_page);
    let page_of = |page: usize| {
        let paging = if page > 1 { format!("{page_size}&page={page}") } else { page_size.clone() };
        with(&format!("{origin}/api/v1/search.atom"), &paging)
    };
    let mut links = vec![
        link(&page_of(request.page), "self", ATOM_LINK),
        link(&with(&format!("{origin}/"), ""), "alternate", "text/html"),
        link(&page_of(1), "first", ATOM_LINK),
    ];
    let shown = (request.page * request.per_page) as u64;
    if shown < response.total && shown < sifa_query::MAX_EXPORT as u64 {
        links.push(link(&page_of(request.page + 1), "next", ATOM_LINK));
    }
    if request.page > 1 {
        links.push(link(&page_of(request.page - 1), "previous", ATOM_LINK));
    }
    let entries: Vec<Entry> = response.hits.iter().map(|hit| entry(origin, hit)).collect();
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or_else(now);
    let mut feed = Feed::default();
    feed.set_title(Text::plain(title(request)));
    feed.set_id(format!("urn:sifa:search:{}", if selecting.is_empty() { "all" } else { &selecting }));
    feed.set_updated(updated);
    feed.set_authors(vec![person("sifa 司法行政公开信息检索")]);
    feed.set_links(links);
    feed.set_lang(Some("zh-CN".to_string()));
    feed.set_subtitle(Some(Text::plain(format!("共 {} 条，按日期从新到旧；未标日期的按收录时间", response.total))));
    feed.set_generator(Some(Generator {
        value: "sifa".into(),
        uri: None,
        version: Some(env!("CARGO_PKG_VERSION").into()),
    }));
    feed.set_entries(entries);
    feed
}

/// The feed's title: what was searched, in the words of the page.
fn title(request: &SearchRequest) -> String {
    let mut parts = Vec::new();
    if !request.query.trim().is_empty() {
        parts.push(request.query.trim().to_string());
    }
    for dimension in DIMENSIONS {
        parts.extend(request.filter(dimension).iter().map(|value| filter_text(dimension, value)));
    }
    match (request.from, request.to) {
        (None, None) => {}
        (from, to) => parts.push(format!(
            "{}至{}",
            from.map(|d| d.to_string()).unwrap_or_default(),
            to.map(|d| d.to_string()).unwrap_or_default()
        )),
    }
    if parts.is_empty() {
        "sifa：最新司法行政公开信息".to_string()
    } else {
        format!("sifa 检索：{}", parts.join(" · "))
    }
}

/// A filter value as the title names it: a path as given, a value of a
/// fixed list by its label.
fn filter_text(dimension: &Dimension, value: &str) -> String {
    match dimension.vocabulary() {
        Some(_) => dimension.label_of(value),
        None => value.to_string(),
    }
}

fn entry(origin: &str, hit: &Hit) -> Entry {
    let date = hit.date.as_deref().and_then(|d| d.parse::<PubDate>().ok());
    let indexed = hit.indexed_at.as_deref().and_then(|t| t.parse::<FixedDateTime>().ok());
    let updated = date.map(china_midnight).or(indexed).unwrap_or_else(now);
    let mut links = vec![link(&document_page(origin, &hit.id), "alternate", "text/html")];
    if let Some(url) = sifa_cite::web_url(hit.url.as_deref()) {
        links.push(link(url, "related", "text/html"));
    }
    let mut categories = vec![Category {
        term: hit.kind.clone(),
        scheme: Some("urn:sifa:kind".into()),
        label: Some(hit.kind_label.clone()),
    }];
    categories.extend(hit.topics.iter().map(|t| Category {
        term: t.clone(),
        scheme: Some("urn:sifa:topic".into()),
        label: Some(t.clone()),
    }));
    let mut entry = Entry::default();
    entry.set_id(format!("urn:sifa:doc:{}", hit.id));
    entry.set_title(Text::plain(hit.title.clone()));
    entry.set_updated(updated);
    entry.set_published(date.map(china_midnight));
    if let Some(agency) = &hit.agency {
        entry.set_authors(vec![person(agency)]);
    }
    entry.set_links(links);
    entry.set_categories(categories);
    // The snippet is already escaped HTML whose only markup is <mark>.
    entry.set_summary(Some(Text::html(hit.snippet_html.clone())));
    entry
}

fn link(href: &str, rel: &str, media: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(Some(media.to_string()));
    link
}

fn person(name: &str) -> Person {
    Person { name: name.to_string(), ..Person::default() }
}

/// The first day a date stands for, at midnight in China.
fn china_midnight(date: PubDate) -> FixedDateTime {
    atom_time(&china_midnight_rfc3339(date))
}

fn now() -> FixedDateTime {
    atom_time(&rfc3339_utc(unix_now()))
}

/// An RFC 3339 timestamp as the type Atom entries take (`atom_syndication`
/// speaks `chrono`; sifa reads and writes time with `time`, so the two
/// meet as text).
fn atom_time(rfc3339: &str) -> FixedDateTime {
    rfc3339.parse().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_its_midnight_in_china_and_the_selection_keeps_a_fixed_order() {
        let d: PubDate = "2024-03-02".parse().unwrap();
        assert_eq!(china_midnight(d).to_rfc3339(), "2024-03-02T00:00:00+08:00");
        assert_eq!(selecting_query(Some("page=2&kind=news&q=%E5%BE%8B&sort=relevance")), "q=%E5%BE%8B&kind=news");
    }
}
