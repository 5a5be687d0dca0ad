//! The address a client reached the server at, for the absolute links
//! that feeds, citations and exports carry (a feed reader or Zotero keeps
//! the link, not the page it came from): the deployment's public address
//! when one is set ([`PublicUrl`], `--public-url`), else the request's.

use axum::http::HeaderMap;

/// The address researchers reach sifa at (`https://sifa.example.org`, or
/// under a path, `https://example.org/sifa`), for a deployment behind a
/// proxy that does not pass `X-Forwarded-Host` and `-Proto`, or that
/// serves sifa under a path: every absolute link is made from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// An `http` or `https` address without query or fragment; a
    /// trailing `/` is dropped.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim().trim_end_matches('/');
        let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
        let Some(rest) = rest else { return Err(format!("{text:?} is not an http:// or https:// address")) };
        let host = rest.split('/').next().unwrap_or_default();
        let fits = |b: u8| b.is_ascii_alphanumeric() || b"-._~:/%[]@!$&()*+,;=".contains(&b);
        if host.is_empty() || !text.bytes().all(fits) {
            return Err(format!("{text:?} is not an address with a host (no spaces, quotes, ? or #)"));
        }
        Ok(Self(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `scheme://host[:port]` of the request: the `Host` header (or
/// `X-Forwarded-Host` behind a proxy), https when `X-Forwarded-Proto` says
/// so. A host with characters no host name has is replaced by `localhost`,
/// so nothing a client sends can break out of an attribute or a URL.
pub fn origin(headers: &HeaderMap) -> String {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty());
    let host = header("x-forwarded-host").or_else(|| header("host")).and_then(|h| h.split(',').next()).map(str::trim);
    let host = host
        .filter(|h| h.len() <= 255 && h.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:[]_".contains(&b)))
        .unwrap_or("localhost");
    let scheme = match header("x-forwarded-proto").map(str::to_ascii_lowercase).as_deref() {
        Some("https") => "https",
        _ => "http",
    };
    format!("{scheme}://{host}")
}

/// The origin of absolute links: the public address when one is set, else
/// the request's [`origin`].
pub fn link_origin(public: Option<&PublicUrl>, headers: &HeaderMap) -> String {
    public.map_or_else(|| origin(headers), |p| p.0.clone())
}

/// The page of one publication in sifa: the search page with `doc=ID`,
/// which the server renders with the publication's citation meta tags.
pub fn document_page(origin: &str, id: &str) -> String {
    format!("{origin}/?doc={}", form_urlencoded::byte_serialize(id.as_bytes()).collect::<String>())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn the_origin_follows_the_host_and_a_proxy_and_refuses_odd_hosts() {
        let mut headers = HeaderMap::new();
        assert_eq!(origin(&headers), "http://localhost");
        headers.insert("host", HeaderValue::from_static("127.0.0.1:8080"));
        assert_eq!(origin(&headers), "http://127.0.0.1:8080");
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        headers.insert("x-forwarded-host", HeaderValue::from_static("sifa.example.org"));
        assert_eq!(origin(&headers), "https://sifa.example.org");
        headers.insert("x-forwarded-host", HeaderValue::from_static("evil\"><script>"));
        assert_eq!(origin(&headers), "https://localhost");
        assert_eq!(document_page("http://h", "a b/c"), "http://h/?doc=a+b%2Fc");
    }

    #[test]
    fn a_public_address_is_http_and_wins_over_the_request() {
        let public = PublicUrl::parse("https://example.org/sifa/").unwrap();
        assert_eq!(public.as_str(), "https://example.org/sifa");
        let mut headers = HeaderMap::new();
        headers.insert("host", HeaderValue::from_static("127.0.0.1:8080"));
        assert_eq!(link_origin(Some(&public), &headers), "https://example.org/sifa");
        assert_eq!(link_origin(None, &headers), "http://127.0.0.1:8080");
        for bad in ["example.org", "ftp://x", "https://", "https://a b", "https://x/\"<", "https://x/?q=1"] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
