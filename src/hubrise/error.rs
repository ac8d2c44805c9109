//! HubRise's refusals, typed: what its API and its OAuth endpoints answer when they do not
//! answer what was asked (https://www.hubrise.com/developers/api/general-concepts, "Errors";
//! https://www.hubrise.com/developers/api/authentication). Each renders as a `Failure` with
//! the code and words scripts already rely on; callers match the variants.

use super::api::Refusal;
use crate::error::{Failure, Kind};
use crate::i18n::{Io, Msg};
use crate::server_text::ServerText;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HubriseError {
    /// 401 on the API: the token is revoked, blocked, suspended or otherwise refused.
    #[error("HubRise refused the token ({0:?})")]
    Unauthorized(Refusal),
    /// 403: this token may not see what was named.
    #[error("HubRise: forbidden")]
    Forbidden,
    /// 404: HubRise does not know what was named (or this token may not see it).
    #[error("HubRise: not found")]
    NotFound,
    /// Any other status on the API or the OAuth endpoints.
    #[error("HubRise answered HTTP {status}")]
    Status { status: u16, endpoint: Option<&'static str>, excerpt: String },
    /// An id that is not one path segment, refused before it is sent.
    #[error("not an id: {what}")]
    BadId { what: &'static str, id: ServerText },
    /// The token endpoint: 400, the code expired or was used.
    #[error("the authorization code is invalid")]
    InvalidCode { endpoint: &'static str },
    /// The token endpoint: 401, the client id or secret is wrong.
    #[error("the OAuth client is invalid")]
    InvalidClient { endpoint: &'static str },
    /// The token endpoint: 404, HubRise's "invalid grant parameters".
    #[error("invalid grant parameters")]
    InvalidGrant { endpoint: &'static str },
    /// A 200 from the token endpoint without a token.
    #[error("HubRise's token answer holds no token")]
    NoToken,
}

impl HubriseError {
    /// Whether HubRise does not know the id the call named, or this token may not see it
    /// (403 and 404 look alike to a token that lacks the access).
    pub fn is_unknown_id(&self) -> bool {
        matches!(self, HubriseError::Forbidden | HubriseError::NotFound)
    }

    /// The stable code scripts read (`error.code`, a fleet line's `reason`).
    pub fn code(&self) -> &'static str {
        match self {
            HubriseError::Unauthorized(refusal) => refusal.code(),
            HubriseError::Forbidden => "hubrise_forbidden",
            HubriseError::NotFound => "hubrise_not_found",
            HubriseError::Status { .. } => "hubrise_unexpected_status",
            HubriseError::BadId { .. } => "bad_id",
            HubriseError::InvalidCode { .. } => "invalid_code",
            HubriseError::InvalidClient { .. } => "invalid_client",
            HubriseError::InvalidGrant { .. } => "invalid_grant",
            HubriseError::NoToken => "bad_response",
        }
    }
}

impl From<HubriseError> for Failure {
    fn from(err: HubriseError) -> Failure {
        let code = err.code();
        let failure = match &err {
            HubriseError::Unauthorized(refusal) => {
                let (msg, hint) = match refusal {
                    Refusal::Revoked => (Msg::TokenRevoked, Msg::TokenRevokedHint),
                    Refusal::Blocked => (Msg::TokenBlocked, Msg::TokenBlockedHint),
                    Refusal::Suspended => (Msg::TokenSuspended, Msg::TokenSuspendedHint),
                    Refusal::Other => (Msg::TokenRejected, Msg::TokenRevokedHint),
                };
                // HubRise's own words are at -v only (the `http` log of the answer).
                Failure::new(Kind::Rejected, code, msg.text()).hint(hint.text()).detail("HTTP 401")
            }
            HubriseError::Forbidden => Failure::new(Kind::Rejected, code, Msg::TokenForbidden.text())
                .hint(Msg::TokenForbiddenHint.text())
                .detail("HTTP 403 Forbidden"),
            HubriseError::NotFound => Failure::new(Kind::Rejected, code, Msg::HubriseNotFound.text())
                .hint(Msg::CheckEndpointHint.with("var", "ZELTY_BRIDGE_HUBRISE_API_URL"))
                .detail("HTTP 404 Not Found"),
            HubriseError::Status { status, endpoint, excerpt } => {
                let failure = Failure::new(
                    Kind::Unexpected,
                    code,
                    Msg::UnexpectedStatus.with("service", "HubRise").with("status", status_line(*status)),
                );
                match endpoint {
                    Some(endpoint) => failure
                        .hint(Msg::CheckEndpointHint.with("var", "ZELTY_BRIDGE_HUBRISE_OAUTH_URL"))
                        .detail(format!("{endpoint}: {excerpt}")),
                    None => failure.detail(excerpt),
                }
            }
            HubriseError::BadId { what, id } => {
                Failure::new(Kind::Usage, code, Io::BadId.with("what", what).with("id", id))
            }
            HubriseError::InvalidCode { endpoint } => Failure::new(Kind::Rejected, code, Msg::CodeInvalid.text())
                .hint(Msg::CodeInvalidHint.text())
                .detail(format!("{endpoint}: HTTP 400 Bad Request")),
            HubriseError::InvalidClient { endpoint } => Failure::new(Kind::Rejected, code, Msg::ClientInvalid.text())
                .hint(Msg::ClientInvalidHint.text())
                .detail(format!("{endpoint}: HTTP 401 Unauthorized")),
            HubriseError::InvalidGrant { endpoint } => Failure::new(Kind::Rejected, code, Msg::GrantInvalid.text())
                .hint(Msg::CodeInvalidHint.text())
                .detail(format!("{endpoint}: HTTP 404 Not Found")),
            HubriseError::NoToken => Failure::new(Kind::Unreachable, code, Msg::BadResponse.with("service", "HubRise"))
                .hint(Msg::BadResponseHint.text()),
        };
        failure.typed(err)
    }
}

/// `418 I'm a teapot`, as `reqwest::StatusCode` shows a status.
pub use crate::http::status_line;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExitStatus;

    /// The codes and exit statuses scripts rely on did not move with the types.
    #[test]
    fn each_error_keeps_its_code_and_exit_status_and_stays_matchable() {
        let status = HubriseError::Status { status: 418, endpoint: None, excerpt: "HTTP 418 I'm a teapot".into() };
        for (err, code, exit) in [
            (HubriseError::Unauthorized(Refusal::Revoked), "hubrise_token_revoked", ExitStatus::Rejected),
            (HubriseError::Unauthorized(Refusal::Blocked), "hubrise_connection_blocked", ExitStatus::Rejected),
            (HubriseError::Unauthorized(Refusal::Suspended), "hubrise_account_suspended", ExitStatus::Rejected),
            (HubriseError::Unauthorized(Refusal::Other), "hubrise_token_rejected", ExitStatus::Rejected),
            (HubriseError::Forbidden, "hubrise_forbidden", ExitStatus::Rejected),
            (HubriseError::NotFound, "hubrise_not_found", ExitStatus::Rejected),
            (status, "hubrise_unexpected_status", ExitStatus::Unexpected),
            (HubriseError::InvalidCode { endpoint: "token" }, "invalid_code", ExitStatus::Rejected),
            (HubriseError::InvalidClient { endpoint: "token" }, "invalid_client", ExitStatus::Rejected),
            (HubriseError::InvalidGrant { endpoint: "token" }, "invalid_grant", ExitStatus::Rejected),
            (HubriseError::NoToken, "bad_response", ExitStatus::Unreachable),
        ] {
            let err: anyhow::Error = Failure::from(err.clone()).into();
            let failure = crate::error::failure_of(&err).unwrap();
            assert_eq!((failure.code, failure.kind.exit_status()), (code, exit), "{code}");
            // A copy (a cached answer) is still the same typed error.
            let copy = failure.clone();
            assert_eq!(copy.as_typed::<HubriseError>().map(HubriseError::code), Some(code));
            assert_eq!(
                crate::error::typed_of::<HubriseError>(&err).is_some_and(HubriseError::is_unknown_id),
                matches!(code, "hubrise_forbidden" | "hubrise_not_found")
            );
        }
    }
}
