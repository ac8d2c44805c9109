//! The status of a connection as one typed object: `status --json` and `connect --json`
//! serialize it (the README's "JSON output" keeps version 1's keys and adds `bridge_app`),
//! and the human view renders the same struct, so the two never disagree.

use super::evidence::{Evidence, OrderRef};
use super::state::{BridgeState, PartState};
use crate::error::{ExitStatus, Failure};
use crate::i18n::{Bridge, Flow, Lang, Msg, Text};
use crate::profile::{Profile, TokenOrigin};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    pub profile: String,
    pub secret_store: &'static str,
    pub zelty: ZeltyReport,
    pub hubrise: HubriseReport,
    pub bridge_app: BridgeReport,
    pub support_access: SupportReport,
}

/// Why a part is not ok, said the way errors are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub reason: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn of(failure: &Failure, lang: Lang) -> Problem {
        Problem {
            reason: failure.code,
            message: failure.message.render(lang),
            hint: failure.hint.as_ref().map(|h| h.render(lang)),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ZeltyReport {
    pub state: PartState,
    pub restaurant_id: i64,
    pub restaurant_name: String,
    pub api_key: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

/// The watch (kept under the version 1 key `hubrise`).
#[derive(Debug, Clone, Serialize)]
pub struct HubriseReport {
    pub state: PartState,
    pub account_id: String,
    pub account_name: String,
    pub location_id: Option<String>,
    pub location_name: Option<String>,
    pub catalog_id: Option<String>,
    pub catalog_name: Option<String>,
    pub customer_list_id: Option<String>,
    pub customer_list_name: Option<String>,
    pub access_token: Option<String>,
    /// Who owns the token: `authorized` (this tool's authorization) or `given`; `null`
    /// without a watch, or for a profile written before version 3 that does not say.
    pub token_origin: Option<TokenOrigin>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BridgeReport {
    pub state: BridgeState,
    pub confirmed_at: Option<String>,
    /// Hosts of Zelty's webhook targets (empty when none or not read).
    pub zelty_webhooks: Vec<String>,
    /// The newest order created by the app (`null` when none or not read).
    pub last_order_at: Option<String>,
    /// The newest order of another app that the app handled (`null` when none or not read).
    pub last_handled_at: Option<String>,
    pub rejected_orders_24h: Option<u32>,
    /// Orders of other apps still `new` past the bound (`null` when not read).
    pub stuck_orders: Option<u32>,
    /// The stuck and rejected orders themselves, to find them in the back office.
    pub stuck: Vec<OrderRef>,
    pub rejected: Vec<OrderRef>,
    /// What to do, when the app is not active (for people: the JSON keeps the documented
    /// keys).
    #[serde(skip)]
    pub hint: Option<String>,
    /// Signs that could not be read, and why (said at `-v`).
    #[serde(skip)]
    pub unread: Vec<String>,
}

impl BridgeReport {
    /// The app's state from the profile's record and what the APIs show (`None`: not
    /// checked), decided by `Evidence::state`.
    pub fn of(
        profile: &Profile,
        evidence: Option<&Evidence>,
        hint: impl Fn(BridgeState, &Evidence) -> Option<String>,
    ) -> BridgeReport {
        let confirmed_at = profile.bridge_app.as_ref().map(|b| b.confirmed_at.clone());
        let state = evidence.map_or(BridgeState::Unchecked, |e| e.state(confirmed_at.is_some()));
        let e = evidence.cloned().unwrap_or_default();
        let hint = hint(state, &e);
        let orders = e.orders.unwrap_or_default();
        let read = evidence.and_then(|e| e.orders.as_ref());
        let unread = e.unread.clone();
        let count = |v: &Vec<OrderRef>| read.map(|_| v.len() as u32);
        BridgeReport {
            state,
            confirmed_at,
            zelty_webhooks: e.zelty_webhooks.unwrap_or_default(),
            last_order_at: orders.last_order_at.clone(),
            last_handled_at: orders.last_handled_at.clone(),
            rejected_orders_24h: count(&orders.rejected),
            stuck_orders: count(&orders.stuck),
            stuck: orders.stuck.clone(),
            rejected: orders.rejected.clone(),
            hint,
            unread,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportState {
    Granted,
    NotGranted,
}

#[derive(Debug, Clone, Serialize)]
pub struct SupportReport {
    pub state: SupportState,
    pub granted_at: Option<String>,
}

impl SupportReport {
    pub fn of(profile: &Profile) -> SupportReport {
        match &profile.support_access {
            Some(s) => SupportReport { state: SupportState::Granted, granted_at: Some(s.granted_at.clone()) },
            None => SupportReport { state: SupportState::NotGranted, granted_at: None },
        }
    }
}

impl StatusReport {
    /// The exit code of `status`: the worst of the parts'.
    pub fn exit_status(&self) -> ExitStatus {
        ExitStatus::worst([
            self.zelty.state.exit_status(),
            self.hubrise.state.exit_status(),
            self.bridge_app.state.exit_status(),
        ])
    }

    /// The report for people, in their language.
    pub fn render(&self, lang: Lang) -> String {
        let t = |m: Text| m.render(lang);
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
        let (z, h, b) = (&self.zelty, &self.hubrise, &self.bridge_app);
        let mut lines = vec![
            t(Msg::StatusProfile.with("profile", &self.profile).with("store", store_label(self.secret_store, lang))),
            format!(
                "  Zelty         {}  {} (restaurant {})  {} {}",
                part_label(z.state, lang),
                z.restaurant_name,
                z.restaurant_id,
                t(Msg::LabelKey.text()),
                opt(&z.api_key)
            ),
            format!("  Zelty Bridge  {}  {}", bridge_label(b.state, lang), bridge_detail(b, lang))
                .trim_end()
                .to_string(),
        ];
        if h.state == PartState::NotUsed {
            // No watch: nothing of HubRise to show but that.
            lines.push(format!("  {}  {}", t(Bridge::LabelWatch.text()), part_label(h.state, lang)));
        } else {
            lines.push(format!(
                "  {}  {}  {} › {} ({})  {} {}",
                t(Bridge::LabelWatch.text()),
                part_label(h.state, lang),
                h.account_name,
                opt(&h.location_name),
                opt(&h.location_id),
                t(Msg::LabelToken.text()),
                opt(&h.access_token)
            ));
            lines.push(format!(
                "                {} {} ({})",
                t(Msg::LabelCatalog.text()),
                opt(&h.catalog_name),
                opt(&h.catalog_id)
            ));
            lines.push(format!(
                "                {} {} ({})",
                t(Msg::LabelCustomerList.text()),
                opt(&h.customer_list_name),
                opt(&h.customer_list_id)
            ));
        }
        // One explanation per cause: a locked keyring is one fact about both parts.
        let mut said: Vec<&Problem> = Vec::new();
        for problem in [&z.problem, &h.problem].into_iter().flatten() {
            if said.contains(&problem) {
                continue;
            }
            said.push(problem);
            lines.push(format!("  ! {}", problem.message));
            if let Some(hint) = &problem.hint {
                lines.push(format!("    {} {hint}", t(Bridge::HintLabel.text())));
            }
        }
        if let Some(hint) = &b.hint {
            lines.push(format!("  ! {hint}"));
        }
        lines.push(match &self.support_access.granted_at {
            Some(at) => t(Msg::SupportGranted.with("at", crate::localtime::human(at, lang))),
            None => t(Msg::SupportNotGranted
                .with("command", format!("zelty-bridge grant-support{}", profile_flag(&self.profile)))),
        });
        lines.join("\n")
    }
}

/// ` --profile NAME` unless it is the default profile: hints name the profile they are for.
pub fn profile_flag(name: &str) -> String {
    if name == "default" { String::new() } else { format!(" --profile {name}") }
}

/// The store as people call it; the JSON keeps `keyring` / `file`.
fn store_label(name: &str, lang: Lang) -> String {
    match name {
        "file" => crate::i18n::Ux::StoreLabelFile.render(lang),
        "keyring" => crate::i18n::Ux::StoreLabelKeyring.render(lang),
        other => other.to_string(),
    }
}

/// `✓ ok`, `✗ refused`, `· not checked`: a mark that does not call "not checked" a failure.
pub fn part_label(state: PartState, lang: Lang) -> String {
    let (mark, msg) = match state {
        PartState::Ok => ("✓", Msg::StateOk),
        PartState::Rejected => ("✗", Msg::StateRejected),
        PartState::Unreachable => ("✗", Msg::StateUnreachable),
        PartState::Missing => ("✗", Msg::StateMissing),
        PartState::Locked => ("✗", Msg::StateLocked),
        PartState::Unchecked => ("·", Msg::StateUnchecked),
        PartState::NotUsed => return format!("· {}", Flow::StateNotUsed.render(lang)),
        PartState::DisconnectUnfinished => {
            return format!("✗ {}", crate::i18n::Ownership::StateDisconnectUnfinished.render(lang));
        }
    };
    format!("{mark} {}", msg.render(lang))
}

pub fn bridge_label(state: BridgeState, lang: Lang) -> String {
    let (mark, msg) = match state {
        BridgeState::Active => ("✓", Bridge::StateActive.text()),
        BridgeState::Stalled => ("✗", Flow::StateStalled.text()),
        BridgeState::Linked => ("~", Flow::StateLinked.text()),
        BridgeState::Confirmed => ("~", Bridge::StateConfirmed.text()),
        BridgeState::ToDo => ("✗", Bridge::StateToDo.text()),
        BridgeState::Unchecked => ("·", Bridge::StateUnchecked.text()),
    };
    format!("{mark} {}", msg.render(lang))
}

/// The evidence in one phrase: where Zelty sends its events, the last order, rejections.
pub fn bridge_detail(b: &BridgeReport, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(n) = b.stuck_orders.filter(|n| *n > 0) {
        parts.push(Flow::DetailStuck.with("count", n).render(lang));
    }
    if let Some(at) = &b.last_handled_at {
        parts.push(Flow::DetailHandled.with("at", crate::localtime::human(at, lang)).render(lang));
    }
    if let Some(at) = &b.last_order_at {
        parts.push(Flow::DetailCreated.with("at", crate::localtime::human(at, lang)).render(lang));
    }
    if !b.zelty_webhooks.is_empty() {
        parts.push(Bridge::DetailWebhooks.with("hosts", b.zelty_webhooks.join(", ")).render(lang));
    }
    if let Some(n) = b.rejected_orders_24h.filter(|n| *n > 0) {
        parts.push(Bridge::DetailRejected.with("count", n).render(lang));
    }
    if parts.is_empty()
        && let Some(at) = &b.confirmed_at
    {
        parts.push(Bridge::DetailConfirmed.with("at", crate::localtime::human(at, lang)).render(lang));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::evidence::OrderSigns;
    use crate::profile::{BridgeApp, tests::sample};

    fn evidence(hooks: bool, orders: Option<OrderSigns>) -> Evidence {
        Evidence {
            bridge_webhooks: hooks,
            zelty_webhooks: Some(vec!["zelty.hubrise-apps.com".into()]),
            orders,
            ..Evidence::default()
        }
    }

    fn handled() -> OrderSigns {
        OrderSigns {
            recent: true,
            any: true,
            last_handled_at: Some("2026-12-01T11:02:00+01:00".into()),
            ..OrderSigns::default()
        }
    }

    #[test]
    fn bridge_state_table() {
        let confirmed =
            Profile { bridge_app: Some(BridgeApp { confirmed_at: "2026-12-01T10:00:00Z".into() }), ..sample() };
        let none = |_, _: &Evidence| None;
        for (profile, e, want) in [
            (&sample(), None, BridgeState::Unchecked),
            (&sample(), Some(evidence(false, None)), BridgeState::ToDo),
            (&confirmed, Some(evidence(false, None)), BridgeState::Confirmed),
            (&sample(), Some(evidence(true, None)), BridgeState::Linked),
            (&sample(), Some(evidence(false, Some(handled()))), BridgeState::Active),
            (&confirmed, Some(evidence(true, Some(handled()))), BridgeState::Active),
            (&confirmed, None, BridgeState::Unchecked),
        ] {
            assert_eq!(BridgeReport::of(profile, e.as_ref(), none).state, want, "{e:?}");
        }
    }

    #[test]
    fn bridge_app_serializes_the_documented_keys() {
        let b = BridgeReport::of(&sample(), Some(&evidence(true, Some(handled()))), |_, _| None);
        let v = serde_json::to_value(&b).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "confirmed_at",
                "last_handled_at",
                "last_order_at",
                "rejected",
                "rejected_orders_24h",
                "state",
                "stuck",
                "stuck_orders",
                "zelty_webhooks"
            ]
        );
        assert_eq!(v["state"], "active");
        assert_eq!(v["last_handled_at"], "2026-12-01T11:02:00+01:00");
        assert_eq!((v["stuck_orders"].as_u64(), v["rejected_orders_24h"].as_u64()), (Some(0), Some(0)));
        let unread = BridgeReport::of(&sample(), Some(&evidence(true, None)), |_, _| None);
        let v = serde_json::to_value(&unread).unwrap();
        assert!(v["stuck_orders"].is_null() && v["last_handled_at"].is_null(), "{v}");
    }
}
