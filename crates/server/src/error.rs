//! The API's error surface in one table: every error has an HTTP status, a
//! stable `code` and a message, and is sent as `{"error": {code, message}}`.
//! Server-side failures are logged with their causes by
//! [`log_failures`], a middleware, so that answering and logging stay apart.

use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sifa_query::QueryError;

use schemars::JsonSchema;
use serde::Serialize;

use crate::admin::AdminFailure;

/// An error answered by the API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("no such resource; the API lives under /api/v1")]
    NotFound,
    #[error("this resource does not answer that method")]
    MethodNotAllowed,
    /// A search or admin task did not finish (the server is shutting down).
    #[error("the task answering this request failed")]
    Task(#[from] tokio::task::JoinError),
    /// Admin operations are off: no token is configured.
    #[error("admin operations are disabled; start the server with --admin-token")]
    AdminDisabled,
    /// A missing or wrong admin token.
    #[error("admin operations need the header Authorization: Bearer <token>")]
    Unauthorized,
    #[error(transparent)]
    Admin(#[from] AdminFailure),
    /// The request took longer than the server allows.
    #[error("the request took too long; narrow the search or try again")]
    Timeout,
}

impl ApiError {
    /// The one table: status and code of every error.
    pub fn status_and_code(&self) -> (StatusCode, &'static str) {
        use QueryError as Q;
        match self {
            ApiError::Query(e @ Q::InvalidParameter { .. }) => (StatusCode::BAD_REQUEST, e.code()),
            ApiError::Query(e @ Q::DocumentNotFound(_)) => (StatusCode::NOT_FOUND, e.code()),
            ApiError::Query(e @ (Q::Unavailable(_) | Q::NotReady(_))) => (StatusCode::SERVICE_UNAVAILABLE, e.code()),
            ApiError::Query(e @ (Q::Store(_) | Q::Search(_) | Q::Terms(_))) => {
                (StatusCode::INTERNAL_SERVER_ERROR, e.code())
            }
            ApiError::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            ApiError::Task(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ApiError::AdminDisabled => (StatusCode::NOT_FOUND, "admin_disabled"),
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::Admin(AdminFailure::Busy(_)) => (StatusCode::CONFLICT, "busy"),
            ApiError::Admin(AdminFailure::Failed(_)) => (StatusCode::INTERNAL_SERVER_ERROR, "admin_failed"),
            ApiError::Timeout => (StatusCode::SERVICE_UNAVAILABLE, "timeout"),
        }
    }

    /// The message with its causes, for the answer and the log.
    fn message(&self) -> String {
        let mut text = self.to_string();
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            let cause_text = cause.to_string();
            if !text.contains(&cause_text) {
                text.push_str(": ");
                text.push_str(&cause_text);
            }
            source = cause.source();
        }
        text
    }
}

/// The body of every error answer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// An error's stable code and human message.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorDetail {
    /// Stable, machine-readable: invalid_parameter, document_not_found, not_found, method_not_allowed,
    /// index_unavailable, unavailable, timeout, admin_disabled, unauthorized, busy, admin_failed, internal.
    pub code: &'static str,
    pub message: String,
    /// For invalid_parameter: the parameter to fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<&'static str>,
}

/// What a failed response carries for [`log_failures`].
#[derive(Clone)]
struct Failure {
    code: &'static str,
    message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let message = self.message();
        let parameter = match &self {
            ApiError::Query(QueryError::InvalidParameter { parameter, .. }) => Some(*parameter),
            _ => None,
        };
        let body = ErrorBody { error: ErrorDetail { code, message: message.clone(), parameter } };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response.extensions_mut().insert(Failure { code, message });
        response
    }
}

/// The timeout layer answers a bare 503; this gives it the API's error body.
pub async fn timeout_as_error(response: Response) -> Response {
    let bare = response.status() == StatusCode::SERVICE_UNAVAILABLE && response.extensions().get::<Failure>().is_none();
    if bare { ApiError::Timeout.into_response() } else { response }
}

/// Logs every server-side failure once, with the route it answered. The
/// readiness probe's 503 is its answer, not a failure: a load balancer
/// asks every second while a replica waits for its first generation.
pub async fn log_failures(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    if response.status().is_server_error()
        && path != "/readyz"
        && let Some(failure) = response.extensions().get::<Failure>()
    {
        tracing::error!(%path, status = response.status().as_u16(), code = failure.code, error = %failure.message, "request failed");
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_bare_timeout_gets_the_error_body_and_other_answers_pass() {
        let bare = StatusCode::SERVICE_UNAVAILABLE.into_response();
        let answered = timeout_as_error(bare).await;
        assert_eq!(answered.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answered.extensions().get::<Failure>().map(|f| f.code), Some("timeout"));
        let unavailable = ApiError::AdminDisabled.into_response();
        assert_eq!(timeout_as_error(unavailable).await.status(), StatusCode::NOT_FOUND);
    }
}
