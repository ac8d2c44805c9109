//! Behaviours the references mark UNCONFIRMED or leave open, switchable at run time
//! through `POST /_sandbox/options` (test controls) so tests can try each plausible answer.

use serde::{Deserialize, Serialize};

/// The switches; the defaults follow the documentation where there is some.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Token fields outside the scope: `false` omits them, `true` sends `null`.
    pub null_unscoped_fields: bool,
    /// Echo `state` on `?error=access_denied`. HubRise documents the refusal without it
    /// (https://www.hubrise.com/developers/api/authentication), so off by default; RFC 6749
    /// §4.1.2.1 would send it.
    pub state_on_error: bool,
    /// Accept loopback `redirect_uri`s (undocumented at HubRise).
    pub loopback_redirects: bool,
    /// Status for an unknown, used or expired code: 400 per the doc, 404 per the Ruby client.
    pub bad_code_status: u16,
    /// Send `Retry-After` with HubRise 429s.
    pub hubrise_retry_after: bool,
    /// Send `Retry-After` with Zelty 429s: Zelty does not document one, so off by default.
    pub zelty_retry_after: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            null_unscoped_fields: false,
            state_on_error: false,
            loopback_redirects: true,
            bad_code_status: 400,
            hubrise_retry_after: true,
            zelty_retry_after: false,
        }
    }
}
