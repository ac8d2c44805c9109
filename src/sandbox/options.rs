//! Behaviours the references mark UNCONFIRMED, switchable at run time through
//! `POST /_sandbox/options` so tests can try each plausible answer.

use serde::{Deserialize, Serialize};

/// The switches; the defaults follow the documentation where there is some.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Token fields outside the scope: `false` omits them, `true` sends `null`.
    pub null_unscoped_fields: bool,
    /// Echo `state` on `?error=access_denied` (RFC 6749 says yes; HubRise's doc is silent).
    pub state_on_error: bool,
    /// Accept loopback `redirect_uri`s (undocumented at HubRise).
    pub loopback_redirects: bool,
    /// Status for an unknown, used or expired code: 400 per the doc, 404 per the Ruby client.
    pub bad_code_status: u16,
    /// Send `Retry-After` with HubRise 429s.
    pub hubrise_retry_after: bool,
    /// Send `Retry-After` with Zelty 429s.
    pub zelty_retry_after: bool,
    /// The body of a Zelty 401.
    pub zelty_unauthorized_body: String,
}

/// Zelty's 401 body: a guess (zelty-api.md §1.4), kept in one place.
pub const ZELTY_UNAUTHORIZED: &str = r#"{"errno":401,"message":"Unauthorized"}"#;

impl Default for Options {
    fn default() -> Options {
        Options {
            null_unscoped_fields: false,
            state_on_error: true,
            loopback_redirects: true,
            bad_code_status: 400,
            hubrise_retry_after: true,
            zelty_retry_after: true,
            zelty_unauthorized_body: ZELTY_UNAUTHORIZED.into(),
        }
    }
}
