//! The API's error surface in one table: every error has an HTTP status, a
//! stable `code` and a message, and is sent as `{"error": {code, message}}`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sifa_query::QueryError;

use crate::openapi::{ErrorBody, ErrorDetail};

/// An error answered by the API.
#[derive(Debug)]
pub enum ApiError {
    Query(QueryError),
    NotFound,
    MethodNotAllowed,
    /// The search pool is gone (the server is shutting down).
    Unavailable(String),
    /// Admin operations are off: no token is configured.
    AdminDisabled,
    /// A missing or wrong admin token.
    Unauthorized,
    /// Another process is writing the index.
    Busy(String),
    /// An admin operation failed.
    AdminFailed(String),
}

impl ApiError {
    /// The one table: status and code of every error.
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::Query(e @ QueryError::InvalidParameter { .. }) => (StatusCode::BAD_REQUEST, e.code()),
            ApiError::Query(e @ QueryError::DocumentNotFound(_)) => (StatusCode::NOT_FOUND, e.code()),
            ApiError::Query(e @ QueryError::Unavailable(_)) => (StatusCode::SERVICE_UNAVAILABLE, e.code()),
            ApiError::Query(e @ QueryError::Internal(_)) => (StatusCode::INTERNAL_SERVER_ERROR, e.code()),
            ApiError::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            ApiError::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ApiError::AdminDisabled => (StatusCode::NOT_FOUND, "admin_disabled"),
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::Busy(_) => (StatusCode::CONFLICT, "busy"),
            ApiError::AdminFailed(_) => (StatusCode::INTERNAL_SERVER_ERROR, "admin_failed"),
        }
    }

    fn message(&self) -> String {
        match self {
            ApiError::Query(e) => e.to_string(),
            ApiError::NotFound => "no such resource; the API lives under /api/v1".to_string(),
            ApiError::MethodNotAllowed => "this resource only answers GET".to_string(),
            ApiError::Unavailable(why) | ApiError::Busy(why) | ApiError::AdminFailed(why) => why.clone(),
            ApiError::AdminDisabled => "admin operations are disabled; start the server with --admin-token".to_string(),
            ApiError::Unauthorized => "admin operations need the header Authorization: Bearer <token>".to_string(),
        }
    }
}

impl From<QueryError> for ApiError {
    fn from(err: QueryError) -> Self {
        ApiError::Query(err)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if status.is_server_error() {
            tracing::error!(code, error = %self.message(), "request failed");
        }
        let body = ErrorBody { error: ErrorDetail { code, message: self.message() } };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(axum::http::header::WWW_AUTHENTICATE, axum::http::HeaderValue::from_static("Bearer"));
        }
        response
    }
}
