//! What can go wrong with a call before any service's own meaning applies: the service out
//! of reach, an answer too large or unreadable, a secret that cannot go in a header. Each
//! renders as a `Failure` with the same code and words as before typed errors existed.

use super::Service;
use crate::error::{Failure, Kind};
use crate::i18n::{Io, Msg};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// No answer after `tries` (network errors, 5xx, 429s past the budget): exit 5.
    #[error("{} unreachable after {tries} tries: {detail}", service.name())]
    Unreachable { service: Service, tries: u32, detail: String },
    /// The body passed the size cap.
    #[error("{} answered more than {limit_mib} MiB", service.name())]
    TooLarge { service: Service, limit_mib: usize },
    /// A body that is not the JSON expected; `detail` says where, never what.
    #[error("{} answered something unreadable ({detail})", service.name())]
    BadResponse { service: Service, detail: String },
    /// A secret with a control character (a pasted newline) cannot be a header value.
    #[error("a secret for {} holds a control character", service.name())]
    BadSecretCharacters { service: Service },
}

impl From<HttpError> for Failure {
    fn from(err: HttpError) -> Failure {
        let failure = match &err {
            HttpError::Unreachable { service, tries, detail } => Failure::new(
                Kind::Unreachable,
                service.unreachable_code(),
                Msg::ServiceUnreachable.with("service", service.name()).with("tries", tries),
            )
            .hint(Msg::ServiceUnreachableHint.with("service", service.name()))
            .detail(detail),
            HttpError::TooLarge { service, limit_mib } => Failure::new(
                Kind::Unreachable,
                "response_too_large",
                Msg::ResponseTooLarge.with("service", service.name()).with("limit", limit_mib),
            )
            .hint(Msg::BadResponseHint.text()),
            HttpError::BadResponse { service, detail } => {
                Failure::new(Kind::Unreachable, "bad_response", Msg::BadResponse.with("service", service.name()))
                    .hint(Msg::BadResponseHint.text())
                    .detail(detail)
            }
            HttpError::BadSecretCharacters { service } => {
                Failure::new(Kind::Usage, "bad_secret_characters", Io::SecretHasControl.with("service", service.name()))
                    .hint(Io::SecretHasControlHint.text())
            }
        };
        failure.typed(err)
    }
}
