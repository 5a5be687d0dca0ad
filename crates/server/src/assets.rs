//! The web page's files, embedded in the binary and served under `/assets/`
//! (by `crate::routes::page`).
//!
//! The page is plain ES modules, one stylesheet and its icon; the table below is the
//! whole list, so a file that is not listed is not served.

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const SVG: &str = "image/svg+xml";

/// Every asset: name under `/assets/`, content type, content.
const ASSETS: &[(&str, &str, &str)] = &[
    ("main.js", JS, include_str!("assets/main.js")),
    ("advanced.js", JS, include_str!("assets/advanced.js")),
    ("api.js", JS, include_str!("assets/api.js")),
    ("cite.js", JS, include_str!("assets/cite.js")),
    ("compare.js", JS, include_str!("assets/compare.js")),
    ("compareview.js", JS, include_str!("assets/compareview.js")),
    ("document.js", JS, include_str!("assets/document.js")),
    ("diffusion.js", JS, include_str!("assets/diffusion.js")),
    ("dimensions.js", JS, include_str!("assets/dimensions.js")),
    ("dom.js", JS, include_str!("assets/dom.js")),
    ("export.js", JS, include_str!("assets/export.js")),
    ("facetlist.js", JS, include_str!("assets/facetlist.js")),
    ("facets.js", JS, include_str!("assets/facets.js")),
    ("labels.js", JS, include_str!("assets/labels.js")),
    ("links.js", JS, include_str!("assets/links.js")),
    ("marked.js", JS, include_str!("assets/marked.js")),
    ("nav.js", JS, include_str!("assets/nav.js")),
    ("research.js", JS, include_str!("assets/research.js")),
    ("results.js", JS, include_str!("assets/results.js")),
    ("state.js", JS, include_str!("assets/state.js")),
    ("suggest.js", JS, include_str!("assets/suggest.js")),
    ("timeline.js", JS, include_str!("assets/timeline.js")),
    ("app.css", CSS, include_str!("assets/app.css")),
    ("favicon.svg", SVG, include_str!("assets/favicon.svg")),
];

/// The page's HTML as written, with `{max_query_chars}` where the query
/// length limit goes.
pub const INDEX_HTML: &str = include_str!("assets/index.html");

/// The page's HTML as served (`crate::routes::page` adds a document's
/// citation tags when the address names one): the search box holds the
/// API's query length limit from the first moment.
pub fn index_html() -> &'static str {
    static PAGE: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| INDEX_HTML.replace("{max_query_chars}", &sifa_query::MAX_QUERY_CHARS.to_string()));
    &PAGE
}

/// The content type and content of the asset `name`, when there is one.
pub fn find(name: &str) -> Option<(&'static str, &'static str)> {
    ASSETS.iter().find(|(n, _, _)| *n == name).map(|(_, content_type, body)| (*content_type, *body))
}
