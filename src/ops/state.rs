//! The states a part of a connection can be in, as types that serialize to the strings of
//! the `status --json` contract (README, "JSON output"), with the exit code each implies.

use crate::error::ExitStatus;
use serde::Serialize;

/// A part checked with a secret (the Zelty key, the watch's token).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartState {
    Ok,
    /// The service refused the secret (revoked, blocked, suspended, wrong key).
    Rejected,
    Unreachable,
    /// Nothing stored (or not readable) for this part.
    Missing,
    /// `--offline`: stored, not checked.
    Unchecked,
    /// The profile was made without it, on purpose (`--no-watch`): not a fault.
    NotUsed,
    /// Its secret is in a keyring that is locked: stored, perhaps, but unreadable until a
    /// person unlocks it. Not `missing`: nothing was lost, and reconnecting is not the fix.
    Locked,
    /// The watch: revoked by a `disconnect` that was cut short before it removed the rest.
    /// A person must run `disconnect` again.
    DisconnectUnfinished,
}

impl PartState {
    pub fn exit_status(self) -> ExitStatus {
        match self {
            PartState::Ok | PartState::Unchecked | PartState::NotUsed => ExitStatus::Success,
            PartState::Rejected => ExitStatus::Rejected,
            PartState::Unreachable => ExitStatus::Unreachable,
            PartState::Missing => ExitStatus::NotConnected,
            // As any command that meets a secret store it cannot use (`connect` included).
            PartState::Locked => ExitStatus::Unexpected,
            PartState::DisconnectUnfinished => ExitStatus::NeedsPerson,
        }
    }
}

/// The Zelty Bridge app on the location, as the evidence shows it (`ops::evidence`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BridgeState {
    /// Orders of this location handled or created by the app in the last 7 days, none
    /// stuck: orders reach the till.
    Active,
    /// Orders of other apps wait on this location, unhandled: they do not reach the till.
    Stalled,
    /// Only the key's webhooks: a bridge holds the key, no order on this location proves it.
    Linked,
    /// A person confirmed it; nothing seen either way.
    Confirmed,
    /// Nothing: orders do not flow.
    ToDo,
    /// `--offline`.
    Unchecked,
}

impl BridgeState {
    /// A step needs a person while the app is still to do or stalled.
    pub fn exit_status(self) -> ExitStatus {
        match self {
            BridgeState::ToDo | BridgeState::Stalled => ExitStatus::NeedsPerson,
            _ => ExitStatus::Success,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_serialize_to_the_documented_strings() {
        let s = |v: serde_json::Result<String>| v.unwrap();
        assert_eq!(s(serde_json::to_string(&PartState::Ok)), "\"ok\"");
        assert_eq!(s(serde_json::to_string(&PartState::Unchecked)), "\"unchecked\"");
        assert_eq!(s(serde_json::to_string(&BridgeState::ToDo)), "\"to_do\"");
        assert_eq!(s(serde_json::to_string(&BridgeState::Active)), "\"active\"");
        assert_eq!(s(serde_json::to_string(&BridgeState::Confirmed)), "\"confirmed\"");
        assert_eq!(s(serde_json::to_string(&BridgeState::Stalled)), "\"stalled\"");
        assert_eq!(s(serde_json::to_string(&BridgeState::Linked)), "\"linked\"");
        assert_eq!(s(serde_json::to_string(&PartState::NotUsed)), "\"not_used\"");
        assert_eq!(s(serde_json::to_string(&PartState::Locked)), "\"locked\"");
        assert_eq!(PartState::Locked.exit_status().code(), 1);
        assert_eq!(s(serde_json::to_string(&PartState::DisconnectUnfinished)), "\"disconnect_unfinished\"");
        assert_eq!(PartState::DisconnectUnfinished.exit_status(), ExitStatus::NeedsPerson);
        assert_eq!(
            (BridgeState::Stalled.exit_status(), BridgeState::Linked.exit_status()),
            (ExitStatus::NeedsPerson, ExitStatus::Success)
        );
    }
}
