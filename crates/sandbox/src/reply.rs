//! The answers every fake service shares: JSON with a status and an optional
//! `Retry-After`, and each service's error body (HubRise's `error_type`/`message`,
//! https://www.hubrise.com/developers/api/general-concepts; Zelty's `errno`/`errmsg`,
//! https://docs.zelty.fr).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// A JSON answer with an optional `Retry-After`.
pub fn json_status(status: u16, body: &Value, retry_after: Option<u64>) -> Response {
    let mut response =
        (StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), axum::Json(body)).into_response();
    if let Some(secs) = retry_after {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

/// HubRise's error body for a status (the faults' answers).
#[cfg(feature = "controls")]
pub fn hubrise_error_body(status: u16) -> Value {
    let reason = StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("Error");
    let error_type = match status {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        415 => "unsupported_media_type",
        422 => "unprocessable_entity",
        429 => "too_many_requests",
        _ => "internal_error",
    };
    json!({ "error_type": error_type, "message": reason })
}

/// Zelty's documented errors: `errno` and `errmsg`, with the HTTP status of each errno.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZeltyError {
    /// errno 2, 404: no such endpoint.
    UnknownEndpoint,
    /// errno 4, 400: no such API version.
    UnknownVersion,
    /// errno 5, 403: « Clef d'API incorrecte ou révoquée ».
    BadKey,
    /// 429: over one request a second for the key.
    TooMany,
}

impl ZeltyError {
    pub fn status(self) -> u16 {
        match self {
            ZeltyError::UnknownEndpoint => 404,
            ZeltyError::UnknownVersion => 400,
            ZeltyError::BadKey => 403,
            ZeltyError::TooMany => 429,
        }
    }

    pub fn body(self) -> Value {
        match self {
            ZeltyError::UnknownEndpoint => json!({ "errno": 2, "errmsg": "Endpoint inconnu" }),
            ZeltyError::UnknownVersion => json!({ "errno": 4, "errmsg": "Version d'API inconnue" }),
            ZeltyError::BadKey => json!({ "errno": 5, "errmsg": "Clef d'API incorrecte ou révoquée" }),
            // Zelty documents the status, not the body of a 429: this one is a guess.
            ZeltyError::TooMany => json!({ "errno": 429, "errmsg": "Too many requests" }),
        }
    }

    pub fn answer(self, retry_after: Option<u64>) -> Response {
        json_status(self.status(), &self.body(), retry_after)
    }
}
