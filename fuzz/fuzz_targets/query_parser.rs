//! Any text typed into the search box: the forgiving parser reads it and
//! the request's validation accepts it or names the parameter, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sifa_query::{QueryError, SearchParams, SearchRequest};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = sifa_query::parse::parse(&text);
    let _ = parsed.positive_clauses().count();
    match SearchRequest::from_params(SearchParams::from_pairs([("q", text.as_ref())])) {
        Ok(request) => assert_eq!(request.query, text),
        Err(QueryError::InvalidParameter { parameter, .. }) => assert_eq!(parameter, "q"),
        Err(other) => panic!("a query is valid or too long, not {other}"),
    }
});
