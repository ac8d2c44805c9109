//! The states a part of a connection can be in, as types that serialize to the strings of
//! the `status --json` contract (README, "JSON output"), with the exit code each implies.

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
}

impl PartState {
    /// 0 fine, 3 rejected, 5 unreachable, 4 missing (the README's exit codes).
    pub fn exit_code(self) -> u8 {
        match self {
            PartState::Ok | PartState::Unchecked | PartState::NotUsed => 0,
            PartState::Rejected => 3,
            PartState::Unreachable => 5,
            PartState::Missing => 4,
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
    /// 6 (a step needs a person) while the app is still to do or stalled; 0 otherwise.
    pub fn exit_code(self) -> u8 {
        match self {
            BridgeState::ToDo | BridgeState::Stalled => 6,
            _ => 0,
        }
    }
}

/// Of several exit codes, the one to report: a refusal first, then an unreachable service,
/// then what is missing, then a step for a person.
pub fn worst(codes: impl IntoIterator<Item = u8>) -> u8 {
    let rank = |c: u8| match c {
        3 => 5,
        5 => 4,
        4 => 3,
        6 => 2,
        0 => 0,
        _ => 1,
    };
    codes.into_iter().max_by_key(|c| rank(*c)).unwrap_or(0)
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
        assert_eq!((BridgeState::Stalled.exit_code(), BridgeState::Linked.exit_code()), (6, 0));
    }

    #[test]
    fn worst_exit_code_table() {
        for (codes, want) in [
            (vec![0, 0], 0),
            (vec![0, 3], 3),
            (vec![5, 3], 3),
            (vec![4, 5], 5),
            (vec![4, 6], 4),
            (vec![6, 0], 6),
            (vec![], 0),
        ] {
            assert_eq!(worst(codes.clone()), want, "{codes:?}");
        }
    }
}
