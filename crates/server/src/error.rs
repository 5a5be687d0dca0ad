//! The API's errors: each maps to one code of the table in
//! [`crate::error_codes`] (its HTTP status and Chinese message) and is sent
//! as `{"error": {code, message, message_zh, parameter?}}`. Server-side
//! failures are logged with their causes by [`log_failures`], a
//! middleware, so that answering and logging stay apart.

use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sifa_query::QueryError;

use schemars::JsonSchema;
use serde::Serialize;

use crate::admin::AdminFailure;
use crate::error_codes::ErrorCode;
use crate::params::{self, UnknownParameter};

/// An error answered by the API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    UnknownParameter(#[from] UnknownParameter),
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
    /// The error's code in the one table ([`ErrorCode`]), which gives its
    /// HTTP status and its message for researchers.
    pub fn code(&self) -> ErrorCode {
        use QueryError as Q;
        match self {
            ApiError::Query(Q::InvalidParameter { .. }) => ErrorCode::InvalidParameter,
            ApiError::UnknownParameter(_) => ErrorCode::UnknownParameter,
            ApiError::Query(Q::DocumentNotFound(_)) => ErrorCode::DocumentNotFound,
            ApiError::Query(Q::Unavailable(_) | Q::NotReady(_)) => ErrorCode::IndexUnavailable,
            ApiError::Query(Q::Store(_) | Q::Search(_) | Q::Terms(_)) => ErrorCode::Internal,
            ApiError::NotFound => ErrorCode::NotFound,
            ApiError::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            ApiError::Task(_) => ErrorCode::Unavailable,
            ApiError::AdminDisabled => ErrorCode::AdminDisabled,
            ApiError::Unauthorized => ErrorCode::Unauthorized,
            ApiError::Admin(AdminFailure::Busy(_)) => ErrorCode::Busy,
            ApiError::Admin(AdminFailure::Failed(_)) => ErrorCode::AdminFailed,
            ApiError::Timeout => ErrorCode::Timeout,
        }
    }

    /// The parameter to fix, for an invalid or unknown one.
    fn parameter(&self) -> Option<&str> {
        match self {
            ApiError::Query(QueryError::InvalidParameter { parameter, .. }) => Some(parameter),
            ApiError::UnknownParameter(unknown) => Some(&unknown.name),
            _ => None,
        }
    }

    /// What researchers read: the code's message, or for an invalid
    /// parameter its Chinese name and what to check.
    fn message_zh(&self) -> String {
        if let ApiError::UnknownParameter(unknown) = self {
            return format!("{}（{}）", self.code().message_zh(), unknown.name);
        }
        match self.parameter() {
            Some(name) => match params::parameter(name) {
                Some(p) => format!("参数“{}”（{name}）有误：{}", p.label, p.advice),
                None => format!("参数“{name}”（{name}）有误：请检查后重试。"),
            },
            None => self.code().message_zh().to_string(),
        }
    }
}

/// The body of every error answer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// An error's stable code and its messages.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorDetail {
    /// Stable and machine-readable (the table of `crate::error_codes`).
    #[schemars(schema_with = "code_schema")]
    pub code: &'static str,
    /// For developers: what went wrong, with its causes.
    pub message: String,
    /// For researchers, in Chinese: what happened and what to do.
    pub message_zh: String,
    /// For invalid_parameter and unknown_parameter: the parameter to fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
}

/// Every code of the table, as the schema of `code`.
fn code_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
    schemars::json_schema!({"type": "string", "enum": codes})
}

/// What a failed response carries for [`log_failures`].
#[derive(Clone)]
struct Failure {
    code: &'static str,
    message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = (self.code().status(), self.code().code());
        let message = sifa_store::error_chain(&self);
        let detail = ErrorDetail {
            code,
            message: message.clone(),
            message_zh: self.message_zh(),
            parameter: self.parameter().map(str::to_string),
        };
        let body = ErrorBody { error: detail };
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

    #[test]
    fn an_invalid_parameter_is_named_in_chinese_with_what_to_check() {
        let error = ApiError::Query(QueryError::invalid("from", "\"2024-13-01\" is not a date"));
        assert_eq!(
            error.message_zh(),
            "参数“起始日期”（from）有误：请按“年-月-日”填写日期，且起始日期不能晚于截止日期。"
        );
        let kind = ApiError::Query(QueryError::invalid("kind", "no"));
        assert_eq!(kind.message_zh(), "参数“类型”（kind）有误：所选类型不存在，请在“类型”中重新选择。");
        let unknown = ApiError::Query(QueryError::invalid("shiny", "no"));
        assert_eq!(unknown.message_zh(), "参数“shiny”（shiny）有误：请检查后重试。");
        assert_eq!(ApiError::NotFound.message_zh(), ErrorCode::NotFound.message_zh());
    }

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
