//! The base URLs of the five places zelty-bridge talks to or sends the user to: the real
//! services by default, or the embedded sandbox, which serves the same five. One type for
//! the product and the sandbox, so the seam between them passes it as it is.

use serde::{Deserialize, Serialize};

/// The base URLs of the five places the tool talks to or sends the user to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoints {
    /// HubRise authorization server, e.g. `https://manager.hubrise.com/oauth2/v1`.
    pub hubrise_oauth: String,
    /// HubRise API, e.g. `https://api.hubrise.com/v1`.
    pub hubrise_api: String,
    /// HubRise back office pages, e.g. `https://manager.hubrise.com`.
    pub hubrise_manager: String,
    /// Zelty API, e.g. `https://api.zelty.fr/2.10`.
    pub zelty_api: String,
    /// Zelty back office pages, e.g. `https://bo.zelty.fr`.
    pub zelty_bo: String,
}

impl Endpoints {
    pub fn production() -> Endpoints {
        Endpoints {
            hubrise_oauth: "https://manager.hubrise.com/oauth2/v1".into(),
            hubrise_api: "https://api.hubrise.com/v1".into(),
            hubrise_manager: "https://manager.hubrise.com".into(),
            zelty_api: "https://api.zelty.fr/2.10".into(),
            zelty_bo: "https://bo.zelty.fr".into(),
        }
    }
}
