//! Property test of the search endpoint: whatever arrives in the query
//! string, the answer is a 200 or a 400 with the error shape, never a
//! panic or a 500.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use proptest::prelude::*;
use sifa_server::{AppState, app};
use tower::ServiceExt;

mod common;
use common::engine;

/// Sends a raw (already encoded, possibly invalid) query string.
fn status_of(raw_query: &str) -> (StatusCode, serde_json::Value) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let uri = format!("/api/v1/search?{raw_query}");
        let Ok(request) = Request::builder().uri(uri).body(Body::empty()) else {
            return (StatusCode::BAD_REQUEST, serde_json::json!({"error": {"code": "unsendable", "message": ""}}));
        };
        let response = app(AppState::read_only(engine())).oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap_or_default())
    })
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn any_query_text_is_answered(q in "\\PC{0,80}|<script>[a-z()]{0,10}</script>|[\\x00-\\x1f\"“:\\-]{0,20}|[😀-🙏]{1,10}") {
        let (status, json) = status_of(&format!("q={}", encode(&q)));
        prop_assert!(status == StatusCode::OK || status == StatusCode::BAD_REQUEST, "{status} for {q:?}");
        if status == StatusCode::BAD_REQUEST {
            prop_assert!(json["error"]["code"].is_string());
        }
    }

    #[test]
    fn any_raw_query_string_is_answered(raw in "[a-z_=&%0-9A-Fz]{0,60}") {
        let (status, json) = status_of(&raw);
        prop_assert!(status == StatusCode::OK || status == StatusCode::BAD_REQUEST, "{status} for {raw:?}");
        if status == StatusCode::BAD_REQUEST {
            prop_assert!(json["error"]["message"].is_string());
        }
    }

    #[test]
    fn any_parameter_values_are_answered(
        page in "-?[0-9]{0,6}|[a-z]{0,3}",
        per_page in "-?[0-9]{0,4}",
        from in "[0-9\\-]{0,12}",
        sort in "[a-z_]{0,10}",
        kind in "[a-z_]{0,12}",
        agency in "\\PC{0,12}",
    ) {
        let raw = format!("page={}&per_page={}&from={}&sort={}&kind={}&agency={}", encode(&page), encode(&per_page), encode(&from), encode(&sort), encode(&kind), encode(&agency));
        let (status, json) = status_of(&raw);
        prop_assert!(status == StatusCode::OK || status == StatusCode::BAD_REQUEST, "{status} for {raw}");
        if status == StatusCode::BAD_REQUEST {
            prop_assert_eq!(&json["error"]["code"], "invalid_parameter");
        }
    }
}
