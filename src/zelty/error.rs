//! Zelty's refusals, typed, by its documented `errno` (Zelty's API reference,
//! https://docs.zelty.fr, "Erreurs"). Each renders as a `Failure` with the code and words
//! scripts already rely on; callers match the variants.

use crate::error::{Failure, Kind};
use crate::i18n::{Bridge, Msg};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZeltyError {
    /// errno 5 (HTTP 403), or a 401: a wrong or revoked key. `http` is the status line of
    /// the refusal when there was one.
    #[error("Zelty refused the key")]
    KeyRejected { http: Option<String> },
    /// errno 4: an API version Zelty does not know.
    #[error("Zelty does not know this API version")]
    ApiVersion { http: Option<String> },
    /// Any other non-zero errno.
    #[error("Zelty answered errno {errno}")]
    Errno { errno: i64, http: Option<String> },
    /// The key sees no restaurant.
    #[error("the key sees no restaurant")]
    NoRestaurant,
    /// A status Zelty does not document, without an errno.
    #[error("Zelty answered HTTP {status}")]
    Status { status: u16, excerpt: String },
}

impl ZeltyError {
    /// The error a documented `errno` means; `http` is the refusal's status line, if any.
    pub fn of_errno(errno: i64, http: Option<String>) -> ZeltyError {
        match errno {
            5 => ZeltyError::KeyRejected { http },
            4 => ZeltyError::ApiVersion { http },
            _ => ZeltyError::Errno { errno, http },
        }
    }
}

impl From<ZeltyError> for Failure {
    fn from(err: ZeltyError) -> Failure {
        let with_http = |failure: Failure, http: &Option<String>| match http {
            Some(http) => failure.detail(http),
            None => failure,
        };
        let failure = match &err {
            ZeltyError::KeyRejected { http } => with_http(
                Failure::new(Kind::Rejected, "zelty_key_rejected", Bridge::ZeltyKeyRevoked.text())
                    .hint(Msg::ZeltyKeyRejectedHint.text()),
                http,
            ),
            ZeltyError::ApiVersion { http } => with_http(
                Failure::new(Kind::Unexpected, "zelty_api_version", Bridge::ZeltyUnknownVersion.text())
                    .hint(Msg::CheckEndpointHint.with("var", "ZELTY_BRIDGE_ZELTY_API_URL")),
                http,
            ),
            ZeltyError::Errno { errno, http } => {
                with_http(Failure::new(Kind::Rejected, "zelty_error", Msg::ZeltyErrno.with("errno", errno)), http)
            }
            ZeltyError::NoRestaurant => {
                Failure::new(Kind::Rejected, "zelty_no_restaurant", Msg::ZeltyNoRestaurant.text())
                    .hint(Msg::ZeltyKeyRejectedHint.text())
            }
            ZeltyError::Status { status, excerpt } => Failure::new(
                Kind::Unexpected,
                "zelty_unexpected_status",
                Msg::UnexpectedStatus.with("service", "Zelty").with("status", crate::http::status_line(*status)),
            )
            .hint(Msg::CheckEndpointHint.with("var", "ZELTY_BRIDGE_ZELTY_API_URL"))
            .detail(excerpt),
        };
        failure.typed(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExitStatus;

    #[test]
    fn each_error_keeps_its_code_and_exit_status() {
        for (err, code, exit) in [
            (ZeltyError::of_errno(5, None), "zelty_key_rejected", ExitStatus::Rejected),
            (ZeltyError::of_errno(4, Some("HTTP 400 Bad Request".into())), "zelty_api_version", ExitStatus::Unexpected),
            (ZeltyError::of_errno(9, None), "zelty_error", ExitStatus::Rejected),
            (ZeltyError::NoRestaurant, "zelty_no_restaurant", ExitStatus::Rejected),
            (
                ZeltyError::Status { status: 418, excerpt: String::new() },
                "zelty_unexpected_status",
                ExitStatus::Unexpected,
            ),
        ] {
            let failure = Failure::from(err.clone());
            assert_eq!((failure.code, failure.kind.exit_status()), (code, exit), "{code}");
            assert_eq!(failure.clone().as_typed::<ZeltyError>(), Some(&err));
        }
    }
}
