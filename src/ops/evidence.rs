//! What the APIs show of the Zelty Bridge app, read-only: Zelty's webhook targets for the
//! key (Zelty Bridge subscribes its own once configured with it) and the location's recent
//! orders in HubRise (those `created_by` the app, and those rejected in the last 24 hours,
//! the usual failure: an unknown ref code). No API says "Zelty Bridge is connected": this
//! is the proof there is.

use crate::app::App;
use crate::clock::{parse_rfc3339, unix};
use crate::hubrise::api::{self, Order};
use crate::profile::HubrisePart;
use crate::secret::Secret;
use crate::settings::BridgeApp;
use serde::Serialize;

/// What was seen. `None` fields could not be read (no watch, a service down).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Evidence {
    /// Hosts of Zelty's webhook targets for the key (never the `secret_key`).
    pub zelty_webhooks: Option<Vec<String>>,
    /// Whether one of those hosts is the app's (HubRise's).
    #[serde(skip)]
    pub app_webhooks: bool,
    /// The newest order created by the app.
    pub last_order_at: Option<String>,
    /// Orders of the location rejected in the last 24 hours.
    pub rejected_orders_24h: Option<u32>,
}

impl Evidence {
    /// Either sign is enough: Zelty sends its events to the app, or the app created orders.
    pub fn seen(&self) -> bool {
        self.app_webhooks || self.last_order_at.is_some()
    }
}

/// The watch's token and the location it reads; `None` without a watch.
pub struct Watch<'a> {
    pub token: &'a Secret,
    pub part: &'a HubrisePart,
}

/// Reads both signs at the same time; a sign that cannot be read stays `None` (the caller
/// reports the part's own state separately).
pub async fn gather(app: &App, key: Option<&Secret>, watch: Option<&Watch<'_>>) -> Evidence {
    let (hosts, orders) = tokio::join!(webhook_hosts(app, key), orders(app, watch));
    let mut evidence = Evidence::default();
    with_hosts(&mut evidence, hosts, &app.settings.bridge);
    if let Some(orders) = orders {
        with_orders(&mut evidence, &orders, &app.settings.bridge.name, unix(app.clock.now()));
    }
    evidence
}

pub async fn webhook_hosts(app: &App, key: Option<&Secret>) -> Option<Vec<String>> {
    let key = key?;
    let hosts = crate::zelty::webhook_hosts(&app.http, &app.settings.endpoints.zelty_api, key).await;
    hosts.map_err(|err| left_out(app, "Zelty webhooks", &err)).ok()
}

pub async fn orders(app: &App, watch: Option<&Watch<'_>>) -> Option<Vec<Order>> {
    let watch = watch?;
    let location = watch.part.location_to_name();
    let orders = api::recent_orders(&app.http, &app.settings.endpoints.hubrise_api, watch.token, location).await;
    orders.map_err(|err| left_out(app, "HubRise orders", &err)).ok()
}

/// A sign that could not be read is left out of the evidence; `-v` says why.
pub fn left_out(app: &App, what: &str, err: &anyhow::Error) {
    let message = crate::error::Report::of(err, app.printer.lang()).message;
    app.printer.debug(1, format!("{what}: {message}"));
}

pub fn with_hosts(evidence: &mut Evidence, hosts: Option<Vec<String>>, bridge: &BridgeApp) {
    evidence.app_webhooks = hosts.as_ref().is_some_and(|h| h.iter().any(|h| bridge.is_app_host(h)));
    evidence.zelty_webhooks = hosts;
}

/// Fills the order signs from one page of orders, `now` in seconds since the epoch.
pub fn with_orders(evidence: &mut Evidence, orders: &[Order], app_name: &str, now: i64) {
    let by_app = orders
        .iter()
        .filter(|o| o.created_by.as_deref().is_some_and(|c| c.trim().eq_ignore_ascii_case(app_name.trim())))
        .filter_map(|o| o.created_at.as_deref().and_then(|at| parse_rfc3339(at).map(|t| (t, at))));
    evidence.last_order_at = by_app.max_by_key(|(t, _)| *t).map(|(_, at)| at.to_string());
    let rejected = orders
        .iter()
        .filter(|o| o.status == "rejected")
        .filter_map(|o| o.created_at.as_deref().and_then(parse_rfc3339))
        .filter(|t| now - t <= 24 * 3600)
        .count();
    evidence.rejected_orders_24h = Some(rejected as u32);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(status: &str, at: &str, by: &str) -> Order {
        Order { id: "o".into(), status: status.into(), created_at: Some(at.into()), created_by: Some(by.into()) }
    }

    fn bridge() -> BridgeApp {
        BridgeApp { name: "Zelty Bridge".into(), connect_url: None, webhook_host: "hubrise.com".into() }
    }

    #[test]
    fn orders_by_the_app_and_recent_rejections() {
        let now = parse_rfc3339("2026-12-01T12:00:00Z").unwrap();
        let orders = [
            order("accepted", "2026-12-01T11:02:00+01:00", "Zelty Bridge"),
            order("completed", "2026-12-01T11:30:00Z", "zelty bridge"),
            order("rejected", "2026-12-01T09:00:00Z", "Uber Eats"),
            order("rejected", "2026-11-29T09:00:00Z", "Uber Eats"),
            order("new", "2026-12-01T11:59:00Z", "Deliveroo"),
        ];
        let mut e = Evidence::default();
        with_orders(&mut e, &orders, "Zelty Bridge", now);
        assert_eq!(e.last_order_at.as_deref(), Some("2026-12-01T11:30:00Z"));
        assert_eq!(e.rejected_orders_24h, Some(1));
        assert!(e.seen());
    }

    #[test]
    fn no_order_by_the_app_is_no_evidence() {
        let mut e = Evidence::default();
        with_orders(&mut e, &[order("new", "2026-12-01T11:59:00Z", "Deliveroo")], "Zelty Bridge", 0);
        assert_eq!((e.last_order_at.clone(), e.seen()), (None, false));
    }

    #[test]
    fn webhooks_on_the_app_host_are_evidence_and_others_are_not() {
        let table: &[(&[&str], bool)] = &[
            (&["zelty-bridge.hubrise.com"], true),
            (&["hubrise.com"], true),
            (&["other.example", "api.hubrise.com"], true),
            (&["nothubrise.com"], false),
            (&["hubrise.com.evil.example"], false),
            (&[], false),
        ];
        for (hosts, want) in table {
            let mut e = Evidence::default();
            with_hosts(&mut e, Some(hosts.iter().map(|h| h.to_string()).collect()), &bridge());
            assert_eq!(e.seen(), *want, "{hosts:?}");
        }
        let mut e = Evidence::default();
        with_hosts(&mut e, None, &bridge());
        assert!(!e.seen());
    }
}
