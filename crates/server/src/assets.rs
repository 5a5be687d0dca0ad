//! The web page's files, embedded in the binary and served under `/assets/`.
//!
//! The page is plain ES modules and one stylesheet; the table below is the
//! whole list, so a file that is not listed is not served.

use axum::extract::Path;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

use crate::ApiError;

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

/// Every asset: name under `/assets/`, content type, content.
const ASSETS: &[(&str, &str, &str)] = &[
    ("app.js", JS, include_str!("assets/app.js")),
    ("app.css", CSS, include_str!("assets/app.css")),
];

/// `GET /`: the page.
pub async fn index_page() -> Response {
    Html(include_str!("assets/index.html")).into_response()
}

/// `GET /assets/{name}`.
pub async fn asset(Path(name): Path<String>) -> Result<Response, ApiError> {
    let (_, content_type, body) = ASSETS.iter().find(|(n, _, _)| *n == name).ok_or(ApiError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, *content_type), (header::CACHE_CONTROL, "no-cache")], *body).into_response())
}
