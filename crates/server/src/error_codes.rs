//! Every error code of the API in one table, as meilisearch declares its
//! codes with `make_error_codes!`: the stable `code`, the HTTP status, what
//! it means (the OpenAPI document's responses) and what researchers read
//! (`message_zh` of every error answer, which the page shows). A reviewer
//! reads the whole error surface here; `crate::error` maps each error to
//! its code in one `match`.

use axum::http::StatusCode;

macro_rules! error_codes {
    ($($variant:ident: $code:literal, $status:ident, $meaning:literal, $zh:literal;)*) => {
        /// A stable error code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode {
            $($variant,)*
        }

        impl ErrorCode {
            /// Every code, in the table's order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The machine-readable code clients match on.
            pub fn code(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }

            pub fn status(self) -> StatusCode {
                match self {
                    $(ErrorCode::$variant => StatusCode::$status,)*
                }
            }

            /// What the code means, for API clients (English).
            pub fn meaning(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $meaning,)*
                }
            }

            /// What researchers read (Chinese).
            pub fn message_zh(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $zh,)*
                }
            }
        }
    };
}

error_codes! {
    InvalidParameter: "invalid_parameter", BAD_REQUEST,
        "A parameter is invalid; `parameter` names it",
        "请求参数有误，请检查检索条件后重试。";
    UnknownParameter: "unknown_parameter", BAD_REQUEST,
        "The route takes no parameter of this name (a typo?); `parameter` names it",
        "请求中有无法识别的参数，请检查拼写。";
    DocumentNotFound: "document_not_found", NOT_FOUND,
        "No such publication",
        "没有找到这篇文件，可能已被删除，或链接中的编号有误。";
    NotFound: "not_found", NOT_FOUND,
        "No such resource; the API lives under /api/v1",
        "请求的地址不存在。";
    MethodNotAllowed: "method_not_allowed", METHOD_NOT_ALLOWED,
        "The route does not answer this method",
        "服务器不接受这种请求方式。";
    Unauthorized: "unauthorized", UNAUTHORIZED,
        "Missing or wrong admin token",
        "没有执行此操作的权限。";
    AdminDisabled: "admin_disabled", NOT_FOUND,
        "Admin operations are disabled",
        "管理功能未启用。";
    Busy: "busy", CONFLICT,
        "Another process is writing the index",
        "服务器正在重建索引，请稍后重试。";
    IndexUnavailable: "index_unavailable", SERVICE_UNAVAILABLE,
        "No index is available yet",
        "检索索引暂时不可用（可能正在建立或更新），请稍后重试。";
    Unavailable: "unavailable", SERVICE_UNAVAILABLE,
        "The task answering the request did not finish (the server is shutting down)",
        "检索服务暂时不可用，请稍后重试。";
    Timeout: "timeout", SERVICE_UNAVAILABLE,
        "The request took too long",
        "检索服务暂时不可用（请求超时或服务繁忙），请稍后重试。";
    AdminFailed: "admin_failed", INTERNAL_SERVER_ERROR,
        "The admin operation failed",
        "管理操作失败。";
    Internal: "internal", INTERNAL_SERVER_ERROR,
        "An internal failure",
        "服务器内部出错，请稍后重试。";
}

impl ErrorCode {
    /// The codes every route can answer, besides its own.
    pub const EVERYWHERE: &'static [ErrorCode] = &[
        ErrorCode::MethodNotAllowed,
        ErrorCode::Internal,
        ErrorCode::IndexUnavailable,
        ErrorCode::Unavailable,
        ErrorCode::Timeout,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_every_message_is_chinese() {
        let codes: std::collections::BTreeSet<&str> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(codes.len(), ErrorCode::ALL.len());
        for code in ErrorCode::ALL {
            let latin = code.message_zh().chars().filter(|c| c.is_ascii_alphabetic()).count();
            assert_eq!(latin, 0, "{code:?}: {}", code.message_zh());
            assert!(code.status().is_client_error() || code.status().is_server_error());
        }
    }
}
