//! What the APIs show of the Zelty Bridge app, read-only, and the one decision made from it
//! (`state`). No API says "Zelty Bridge is connected": this is the proof there is.
//!
//! Zelty Bridge's pages say orders flow both ways
//! (https://www.hubrise.com/fr/apps/zelty-bridge/envoyer-commandes and
//! https://www.hubrise.com/fr/apps/zelty-bridge/recevoir-commandes): the orders of the
//! other apps (Uber Eats, Deliveroo, web shops) are sent to Zelty, and Zelty Bridge writes
//! `accepted` or `rejected` on them; orders taken in Zelty come into HubRise created by
//! Zelty Bridge only when « Recevoir les commandes de Zelty » is on. So, read with the
//! watch, on THIS location:
//! - **handled**: orders of other apps that left `new` (the bridge receives them);
//! - **created**: orders whose `created_by` is the app's client name;
//! - **stuck**: orders of other apps still `new` more than `stuck_after` after they were
//!   created, in the last 24 hours, and newer than every handled order: they are not
//!   reaching the till (`new` is "Order placed but not received yet in the EPOS",
//!   https://www.hubrise.com/developers/api/orders). An order left `new` before the bridge
//!   took over, followed by handled ones, is history, not a stall;
//! - **rejected** in the last 24 hours (usually an unknown ref code).
//!
//! Zelty's `GET /webhooks` for the key says a bridge holds the key (HubRise runs its
//! bridges under `<app>.hubrise-apps.com`, e.g. https://www.hubrise.com/apps/deliveroo), never
//! which location: account-level evidence only. Times are compared as instants.

use crate::clock::{parse_rfc3339, unix};
use crate::ctx::Ctx;
use crate::hubrise::api::{self, Dated, Order};
use crate::i18n::{Flow, Lang};
use crate::ops::state::BridgeState;
use crate::profile::HubrisePart;
use crate::secret::Secret;
use crate::settings::BridgeApp;
use serde::Serialize;
use std::time::Duration;

/// Orders seen in the last this-many seconds make the app `active`.
const ACTIVE_WITHIN: i64 = 7 * 24 * 3600;
/// Stuck and rejected orders are counted over the last day.
const DAY: i64 = 24 * 3600;

/// An order named in the evidence: enough to find it in the back office.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrderRef {
    pub id: String,
    pub created_at: String,
    pub created_by: Option<String>,
}

/// What the location's orders show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrderSigns {
    /// The newest order of another app that left `new`.
    pub last_handled_at: Option<String>,
    /// The newest order created by the app.
    pub last_order_at: Option<String>,
    /// Handled or created orders in the last 7 days.
    pub recent: bool,
    /// Orders of other apps still `new` past the bound, last 24 hours, newest first.
    pub stuck: Vec<OrderRef>,
    /// Orders rejected in the last 24 hours, newest first.
    pub rejected: Vec<OrderRef>,
    /// Whether the location has any order at all.
    pub any: bool,
}

/// What was seen. `None` fields could not be read (no watch, a service down).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    /// Hosts of Zelty's webhook targets for the key (never the `secret_key`).
    pub zelty_webhooks: Option<Vec<String>>,
    /// Whether one of those hosts is a HubRise bridge's.
    pub bridge_webhooks: bool,
    /// The location's orders, read with the watch.
    pub orders: Option<OrderSigns>,
    /// Signs that could not be read, and why (said at `-v` by the commands).
    pub unread: Vec<String>,
}

impl Evidence {
    /// The state of the app from this evidence and what the profile records. The one
    /// decision: `status`, `status --all-profiles`, `connect` and `app` all call it.
    pub fn state(&self, confirmed: bool) -> BridgeState {
        match &self.orders {
            Some(o) if !o.stuck.is_empty() => BridgeState::Stalled,
            Some(o) if o.recent => BridgeState::Active,
            _ if self.bridge_webhooks => BridgeState::Linked,
            _ if confirmed => BridgeState::Confirmed,
            _ => BridgeState::ToDo,
        }
    }

    /// Whether a walk may stop waiting: the app at work on this location, or holding the key
    /// where the location has no order yet to prove it.
    pub fn enough_to_move_on(&self) -> bool {
        match self.state(false) {
            BridgeState::Active => true,
            BridgeState::Linked => self.orders.as_ref().is_none_or(|o| !o.any),
            _ => false,
        }
    }
}

/// How orders are judged: the app's client name and when a `new` order counts as stuck.
pub struct Rules<'a> {
    pub app_name: &'a str,
    pub stuck_after: Duration,
}

impl<'a> Rules<'a> {
    pub fn of(bridge: &'a BridgeApp) -> Rules<'a> {
        Rules { app_name: &bridge.name, stuck_after: bridge.stuck_after }
    }

    fn by_app(&self, order: &Order) -> bool {
        order.created_by.as_deref().is_some_and(|c| c.trim().eq_ignore_ascii_case(self.app_name.trim()))
    }
}

/// Reads one page of the location's orders, `now` in seconds since the epoch. An order
/// without a readable time cannot be placed in time and is left out.
pub fn read_orders(orders: &[Order], rules: &Rules, now: i64) -> OrderSigns {
    let mut signs = OrderSigns { any: !orders.is_empty(), ..OrderSigns::default() };
    let mut dated: Vec<(i64, &Order)> =
        orders.iter().filter_map(|o| o.created_at.as_deref().and_then(parse_rfc3339).map(|t| (t, o))).collect();
    dated.sort_by_key(|(t, _)| std::cmp::Reverse(*t));
    let stuck_after = i64::try_from(rules.stuck_after.as_secs()).unwrap_or(i64::MAX);
    let as_ref = |o: &Order| OrderRef {
        id: o.id.clone(),
        created_at: o.created_at.clone().unwrap_or_default(),
        created_by: o.created_by.clone(),
    };
    let newest_handled =
        dated.iter().find(|(_, o)| !rules.by_app(o) && o.status != "new").map_or(i64::MIN, |(at, _)| *at);
    for (at, order) in dated {
        let age = now - at;
        let (by_app, status) = (rules.by_app(order), order.status.as_str());
        if by_app {
            signs.last_order_at.get_or_insert_with(|| order.created_at.clone().unwrap_or_default());
        } else if status != "new" {
            signs.last_handled_at.get_or_insert_with(|| order.created_at.clone().unwrap_or_default());
        }
        if age <= ACTIVE_WITHIN && (by_app || status != "new") {
            signs.recent = true;
        }
        if !by_app && status == "new" && age > stuck_after && age <= DAY && at > newest_handled {
            signs.stuck.push(as_ref(order));
        }
        if status == "rejected" && age <= DAY {
            signs.rejected.push(as_ref(order));
        }
    }
    signs
}

/// Whether a webhook host is a bridge's.
pub fn bridge_hosts(hosts: &[String], bridge: &BridgeApp) -> bool {
    hosts.iter().any(|h| bridge.is_app_host(h))
}

/// The watch's token and the location it reads; `None` without a watch.
pub struct Watch<'a> {
    pub token: &'a Secret,
    pub part: &'a HubrisePart,
}

/// Reads both signs at the same time; a sign that cannot be read stays `None` and is noted
/// in `unread` (the caller reports the part's own state separately).
pub async fn gather(app: &Ctx, key: Option<&Secret>, watch: Option<&Watch<'_>>) -> Evidence {
    let (hosts, orders) = tokio::join!(webhook_hosts(app, key), orders(app, watch));
    let mut evidence = Evidence::default();
    with_hosts(&mut evidence, hosts, &app.settings.bridge, app.ctx.lang);
    with_orders(&mut evidence, orders, app);
    evidence
}

pub async fn webhook_hosts(app: &Ctx, key: Option<&Secret>) -> Option<anyhow::Result<Vec<String>>> {
    let key = key?;
    Some(crate::zelty::webhook_hosts(&app.http, &app.settings.endpoints.zelty_api, key).await)
}

pub async fn orders(app: &Ctx, watch: Option<&Watch<'_>>) -> Option<anyhow::Result<Dated<Vec<Order>>>> {
    let watch = watch?;
    let location = watch.part.location_to_name();
    Some(api::recent_orders(&app.http, &app.settings.endpoints.hubrise_api, watch.token, location).await)
}

/// Why a sign could not be read, in the user's language: the sign, then the error as the
/// error renderer words it (never the error's own chain, which may be English or raw).
fn unread(lang: Lang, sign: Flow, err: &anyhow::Error) -> String {
    sign.with("why", crate::error::Report::of(err, lang).message).render(lang)
}

/// Puts Zelty's answer in; an error leaves the webhooks unread.
pub fn with_hosts(evidence: &mut Evidence, hosts: Option<anyhow::Result<Vec<String>>>, bridge: &BridgeApp, lang: Lang) {
    match hosts {
        Some(Ok(hosts)) => {
            evidence.bridge_webhooks = bridge_hosts(&hosts, bridge);
            evidence.zelty_webhooks = Some(hosts);
        }
        Some(Err(err)) => evidence.unread.push(unread(lang, Flow::UnreadWebhooks, &err)),
        None => {}
    }
}

/// Puts the location's orders in, judged at HubRise's "now" (its `Date`: this computer's
/// clock may be wrong, and the orders' times are HubRise's), else this computer's; an error
/// leaves them unread.
pub fn with_orders(evidence: &mut Evidence, orders: Option<anyhow::Result<Dated<Vec<Order>>>>, app: &Ctx) {
    match orders {
        Some(Ok(listing)) => {
            let now = listing.server_now.unwrap_or_else(|| unix(app.clock.now()));
            evidence.orders = Some(read_orders(&listing.value, &Rules::of(&app.settings.bridge), now));
        }
        Some(Err(err)) => evidence.unread.push(unread(app.ctx.lang, Flow::UnreadOrders, &err)),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(id: &str, status: &str, at: &str, by: &str) -> Order {
        Order { id: id.into(), status: status.into(), created_at: Some(at.into()), created_by: Some(by.into()) }
    }

    fn rules() -> Rules<'static> {
        Rules { app_name: "Zelty Bridge", stuck_after: Duration::from_secs(600) }
    }

    fn now() -> i64 {
        parse_rfc3339("2026-12-02T12:00:00Z").unwrap()
    }

    /// A sign that cannot be read is noted the one way, in the reader's language, for the
    /// webhooks as for the orders.
    #[test]
    fn an_unread_sign_is_noted_in_the_reader_s_language() {
        for (lang, start) in [
            (Lang::Fr, "Les webhooks de Zelty n'ont pas pu être lus : "),
            (Lang::En, "Zelty's webhooks could not be read: "),
        ] {
            let mut evidence = Evidence::default();
            with_hosts(&mut evidence, Some(Err(anyhow::anyhow!("connection reset"))), &bridge(), lang);
            assert_eq!(evidence.unread.len(), 1);
            assert!(evidence.unread[0].starts_with(start), "{:?}", evidence.unread);
            assert_eq!(evidence.zelty_webhooks, None);
        }
    }

    fn bridge() -> BridgeApp {
        BridgeApp {
            name: "Zelty Bridge".into(),
            connect_url: None,
            webhook_hosts: vec!["hubrise-apps.com".into(), "hubrise.com".into()],
            stuck_after: Duration::from_secs(600),
        }
    }

    #[test]
    fn handled_created_stuck_and_rejected_are_told_apart() {
        let orders = [
            order("a", "accepted", "2026-12-02T12:30:00+02:00", "Uber Eats"),
            order("b", "completed", "2026-12-02T11:40:00Z", "zelty bridge"),
            order("c", "new", "2026-12-02T06:00:00-05:00", "Deliveroo"),
            order("d", "rejected", "2026-12-02T09:00:00Z", "Uber Eats"),
            order("e", "new", "2026-12-02T11:55:00Z", "Deliveroo"),
            order("f", "completed", "2026-12-02T10:45:00Z", "Deliveroo"),
        ];
        let s = read_orders(&orders, &rules(), now());
        // 12:30+02:00 is 10:30Z, before 10:45Z: instants, not strings, are compared.
        assert_eq!(s.last_handled_at.as_deref(), Some("2026-12-02T10:45:00Z"));
        assert_eq!(s.last_order_at.as_deref(), Some("2026-12-02T11:40:00Z"));
        // 06:00-05:00 is 11:00Z: an hour old and still new. 11:55Z is 5 minutes old: not yet.
        assert_eq!(s.stuck.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["c"]);
        assert_eq!(s.rejected.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["d"]);
        assert!(s.recent && s.any);
    }

    #[test]
    fn the_day_is_counted_in_instants_across_offsets() {
        // 24.5 h ago, written at +02:00: outside the day. 23 h ago at -05:00: inside.
        let outside = order("o", "new", "2026-12-01T13:30:00+02:00", "Uber Eats");
        let inside = order("i", "rejected", "2026-12-01T08:00:00-05:00", "Uber Eats");
        let s = read_orders(&[outside, inside], &rules(), now());
        assert!(s.stuck.is_empty(), "{:?}", s.stuck);
        assert_eq!(s.rejected.len(), 1);
        let old_inside = order("j", "new", "2026-12-01T08:00:00-05:00", "Uber Eats");
        assert_eq!(read_orders(&[old_inside], &rules(), now()).stuck.len(), 1);
    }

    #[test]
    fn an_order_left_new_before_handled_ones_is_history() {
        let old = order("old", "new", "2026-12-02T08:00:00Z", "Uber Eats");
        let later = order("later", "accepted", "2026-12-02T09:00:00Z", "Uber Eats");
        let s = read_orders(&[old.clone(), later], &rules(), now());
        assert!(s.stuck.is_empty() && s.recent, "{s:?}");
        assert_eq!(read_orders(&[old], &rules(), now()).stuck.len(), 1);
    }

    #[test]
    fn the_stuck_bound_is_a_setting() {
        let o = order("n", "new", "2026-12-02T11:30:00Z", "Uber Eats");
        let strict = Rules { stuck_after: Duration::from_secs(3600), ..rules() };
        assert_eq!(read_orders(std::slice::from_ref(&o), &rules(), now()).stuck.len(), 1);
        assert!(read_orders(&[o], &strict, now()).stuck.is_empty());
    }

    #[test]
    fn states_from_the_evidence() {
        let signs = |stuck: bool, recent: bool, any: bool| OrderSigns {
            stuck: if stuck {
                vec![OrderRef { id: "x".into(), created_at: String::new(), created_by: None }]
            } else {
                vec![]
            },
            recent,
            any,
            ..OrderSigns::default()
        };
        let e = |orders: Option<OrderSigns>, hooks: bool| Evidence {
            orders,
            bridge_webhooks: hooks,
            ..Evidence::default()
        };
        let table = [
            // (evidence, confirmed) -> state
            (e(Some(signs(true, true, true)), true), true, BridgeState::Stalled),
            (e(Some(signs(false, true, true)), false), false, BridgeState::Active),
            (e(Some(signs(false, false, true)), true), false, BridgeState::Linked),
            (e(None, true), true, BridgeState::Linked),
            (e(Some(signs(false, false, false)), false), true, BridgeState::Confirmed),
            (e(None, false), false, BridgeState::ToDo),
        ];
        for (evidence, confirmed, want) in table {
            assert_eq!(evidence.state(confirmed), want, "{evidence:?} {confirmed}");
        }
    }

    #[test]
    fn a_walk_moves_on_when_active_or_linked_on_a_location_without_orders() {
        let e = |any: bool, recent: bool, hooks: bool| Evidence {
            orders: Some(OrderSigns { any, recent, ..OrderSigns::default() }),
            bridge_webhooks: hooks,
            ..Evidence::default()
        };
        assert!(e(true, true, false).enough_to_move_on());
        assert!(e(false, false, true).enough_to_move_on());
        assert!(!e(true, false, true).enough_to_move_on(), "orders exist: wait for one to be handled");
        assert!(!e(false, false, false).enough_to_move_on());
    }

    #[test]
    fn webhooks_on_a_bridge_host_count_and_others_do_not() {
        let table: &[(&[&str], bool)] = &[
            (&["zelty.hubrise-apps.com"], true),
            (&["zelty-bridge.hubrise.com"], true),
            (&["hubrise-apps.com"], true),
            (&["other.example", "api.hubrise.com"], true),
            (&["nothubrise-apps.com"], false),
            (&["hubrise-apps.com.evil.example"], false),
            (&[], false),
        ];
        for (hosts, want) in table {
            let hosts: Vec<String> = hosts.iter().map(|h| h.to_string()).collect();
            assert_eq!(bridge_hosts(&hosts, &bridge()), *want, "{hosts:?}");
        }
    }
}
