//! Orders of the fake HubRise (https://www.hubrise.com/developers/api/orders), played as
//! Zelty Bridge's pages describe the flow
//! (https://www.hubrise.com/fr/apps/zelty-bridge/envoyer-commandes and
//! https://www.hubrise.com/fr/apps/zelty-bridge/recevoir-commandes):
//!
//! - Orders of OTHER apps (Uber Eats, Deliveroo…) arrive on every location, one every 20
//!   minutes of the sandbox clock from the sandbox's start (the first 20 minutes after
//!   it), and two came the day before (25 hours before the start: older than a day, so a
//!   fresh location has none that looks stuck); each is `new` when created. Where Zelty
//!   Bridge works on that location (connected, not blocked, configured with a key Zelty
//!   accepts) it sends them to Zelty and writes `accepted` 5 seconds after creation, or
//!   `rejected` when Zelty refuses the ref code (Zelty wants numeric ref codes:
//!   https://www.hubrise.com/fr/apps/zelty-bridge/associer-codes-ref). Blocked,
//!   disconnected, not configured, or connected on another location: they stay `new`;
//!   configuring it sends at once those still `new` (`PENDING_TAKEN_SECS`), unblocking
//!   does not. Three completed ones, more than a week old, are the location's history (no
//!   evidence of anything current).
//! - Orders created by Zelty Bridge (`created_by` "Zelty Bridge"), one every 15 minutes,
//!   only while it works with « Récupérer les commandes Zelty dans HubRise » on (off by
//!   default).
//! - With the test controls, `POST /_sandbox/orders` with
//!   `{"location_id": "3r4s3-0", "created_by": "Uber Eats", "sku_ref": "101", "minutes_ago": 0}`
//!   (all but `location_id` optional, these are the defaults) adds an order of another app
//!   and answers it as the listing shows it.
//!
//! Statuses are worked out when orders are listed, from the stretches of time Zelty Bridge
//! worked on the location (`Stretch`, recorded at every change of its connection or
//! configuration), so blocked time brings nothing, and a sandbox with a memory file shows
//! the same orders in the next process. Times are written as HubRise writes them, with
//! their UTC offset (Europe/Paris in winter, `+01:00`). Listing them is a high-load call:
//! 10 a minute per connection.

use super::ids;
use super::state::{ConnState, Inner};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// Seconds of sandbox time between two orders of other apps on a location.
pub const ARRIVAL_EVERY_SECS: u64 = 20 * 60;
/// How long before the sandbox started the newest of the two orders of the day before
/// arrived: more than a day, so that they never count as stuck.
pub const PAST_ARRIVALS_AGO_SECS: u64 = 25 * 3_600;
/// Orders of other apps already there when the sandbox starts.
const PAST_ARRIVALS: u64 = 2;
/// Seconds between an order's creation and the status Zelty Bridge writes on it.
pub const HANDLED_AFTER_SECS: u64 = 5;
/// Seconds between two orders Zelty Bridge brings from Zelty, with the option on.
pub const ZELTY_ORDER_EVERY_SECS: u64 = 15 * 60;
/// When Zelty Bridge is configured (« Enregistrer » after the key), it also sends, at once,
/// the orders still `new` of the last 48 hours (so the day before's too). Not documented either way; chosen so that
/// a location connected after its first orders does not keep them `new` (unblocking does
/// not do it: HubRise does not replay the callbacks a blocked app missed, and the real
/// bridge may or may not look back; the sandbox does not).
pub const PENDING_TAKEN_SECS: u64 = 48 * 3_600;
/// The default other app: the controls' `created_by`.
#[cfg_attr(not(feature = "controls"), allow(dead_code))]
pub const OTHER_APP: &str = "Uber Eats";
/// The other apps whose orders arrive, in turn.
const OTHER_APPS: [&str; 2] = ["Uber Eats", "Deliveroo"];
/// The location's history: completed orders this many days old (older than a week, so
/// they are not taken as evidence of anything current).
const HISTORY_DAYS: [u64; 3] = [10, 9, 8];
/// Europe/Paris in winter: the offset the sandbox writes order times with.
pub const UTC_OFFSET_SECS: i64 = 3_600;

/// A stretch of time during which Zelty Bridge worked on a location: its connection
/// active, configured with a key Zelty accepts. `until` is `None` while it still works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stretch {
    pub from: u64,
    pub until: Option<u64>,
    /// « Récupérer les commandes Zelty dans HubRise » during the stretch.
    pub pull_orders: bool,
    /// Began with a configuration (« Enregistrer »), which takes the pending orders.
    pub takes_pending: bool,
}

/// Where an order comes from, which decides its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Completed long ago.
    History,
    /// Another app's: `new` until Zelty Bridge handles it.
    Incoming,
    /// Brought from Zelty by Zelty Bridge.
    Zelty,
}

/// An order added with the test controls.
#[derive(Debug, Clone)]
pub struct Extra {
    pub n: u64,
    pub created_at: u64,
    pub created_by: String,
    pub sku_ref: String,
}

#[derive(Debug, Clone)]
pub struct Order {
    pub id: String,
    /// Seconds since the epoch, sandbox clock.
    pub created_at: u64,
    pub status: &'static str,
    pub created_by: String,
    /// The item's ref code: numeric for Zelty, or a word it refuses.
    pub sku_ref: String,
}

impl Order {
    pub fn to_json(&self, location_id: &str) -> Value {
        let channel = if self.created_by == ids::BRIDGE_CLIENT_NAME { "Zelty" } else { self.created_by.as_str() };
        json!({
            "id": self.id,
            "location_id": location_id,
            "customer_list_id": super::data::CUSTOMER_LIST_ID,
            "customer_id": null,
            "private_ref": null,
            "status": self.status,
            "service_type": "collection",
            "service_type_ref": null,
            "expected_time": null,
            "confirmed_time": null,
            "customer_notes": null,
            "seller_notes": null,
            "collection_code": null,
            "coupon_codes": [],
            "total": "12.50 EUR",
            "items": [{ "product_name": "Margherita", "sku_ref": self.sku_ref, "price": "12.50 EUR", "quantity": "1" }],
            "channel": channel,
            "created_at": iso8601(self.created_at),
            "created_by": self.created_by,
            "custom_fields": {}
        })
    }
}

/// Zelty takes numeric ref codes only; anything else is a format error it rejects.
fn zelty_accepts(sku_ref: &str) -> bool {
    !sku_ref.is_empty() && sku_ref.bytes().all(|b| b.is_ascii_digit())
}

/// When Zelty Bridge wrote its status on an order of another app created at `t`, if it
/// did: the first stretch that had it, `HANDLED_AFTER_SECS` after it was created (or at
/// the configuration that took it pending), and still working then.
pub fn handled_at(t: u64, stretches: &[Stretch]) -> Option<u64> {
    for s in stretches {
        let taken = t >= s.from || (s.takes_pending && t + PENDING_TAKEN_SECS >= s.from);
        if !taken || s.until.is_some_and(|until| t >= until) {
            continue;
        }
        let at = if t >= s.from { t + HANDLED_AFTER_SECS } else { s.from };
        if s.until.is_none_or(|until| at <= until) {
            return Some(at);
        }
        // Stopped before it could send it: the order missed this stretch.
    }
    None
}

fn status_of(kind: Kind, created_at: u64, sku_ref: &str, stretches: &[Stretch], now: u64) -> &'static str {
    match kind {
        Kind::History => "completed",
        // An order taken in the till is `accepted` (HubRise's default for orders created
        // from the POS), then done within half an hour.
        Kind::Zelty if now >= created_at + 1_800 => "completed",
        Kind::Zelty => "accepted",
        Kind::Incoming => match handled_at(created_at, stretches) {
            Some(at) if at <= now && zelty_accepts(sku_ref) => "accepted",
            Some(at) if at <= now => "rejected",
            _ => "new",
        },
    }
}

/// Ids stay the same from one listing (and one process) to the next: the kind of order in
/// the low two bits (the id map keeps them apart), its slot above.
fn order_id(location: usize, kind: u64, n: u64) -> String {
    ids::short_id(1_000 + location as u64, n.wrapping_mul(4) + kind)
}

/// The orders of a location at `now`, oldest first, with their statuses.
pub fn on_location(inner: &Inner, location: usize, now: u64) -> Vec<Order> {
    let stretches: &[Stretch] = inner.installs.get(&location).map_or(&[], |i| i.stretches.as_slice());
    let mut out = Vec::new();
    let mut push = |id: String, kind: Kind, created_at: u64, created_by: &str, sku_ref: &str| {
        if created_at <= now {
            let status = status_of(kind, created_at, sku_ref, stretches, now);
            out.push(Order { id, created_at, status, created_by: created_by.into(), sku_ref: sku_ref.into() });
        }
    };
    for (i, days) in HISTORY_DAYS.iter().enumerate() {
        let at = inner.origin.saturating_sub(days * 86_400);
        push(order_id(location, 0, i as u64), Kind::History, at, OTHER_APPS[i % 2], "101");
    }
    // The day before's, then one every `ARRIVAL_EVERY_SECS` after the start.
    let yesterday = inner.origin.saturating_sub(PAST_ARRIVALS_AGO_SECS + (PAST_ARRIVALS - 1) * ARRIVAL_EVERY_SECS);
    let past = (0..PAST_ARRIVALS).map(|k| yesterday + k * ARRIVAL_EVERY_SECS);
    let since = now.saturating_sub(inner.origin) / ARRIVAL_EVERY_SECS;
    let later = (1..=since).map(|k| inner.origin + k * ARRIVAL_EVERY_SECS);
    for (k, at) in past.chain(later).enumerate() {
        let sku = ["101", "102", "103"][k % 3];
        push(order_id(location, 1, k as u64), Kind::Incoming, at, OTHER_APPS[k % 2], sku);
    }
    for s in stretches.iter().filter(|s| s.pull_orders) {
        let end = s.until.unwrap_or(u64::MAX).min(now.saturating_add(1));
        let mut at = s.from + ZELTY_ORDER_EVERY_SECS;
        while at < end {
            push(order_id(location, 2, at), Kind::Zelty, at, ids::BRIDGE_CLIENT_NAME, "101");
            at += ZELTY_ORDER_EVERY_SECS;
        }
    }
    for e in inner.extra_orders.get(&location).into_iter().flatten() {
        let kind = if e.created_by == ids::BRIDGE_CLIENT_NAME { Kind::Zelty } else { Kind::Incoming };
        push(order_id(location, 3, e.n), kind, e.created_at, &e.created_by, &e.sku_ref);
    }
    out.sort_by_key(|o| o.created_at);
    out
}

/// Adds an order of `created_by` on a location, created `ago` seconds before `now`
/// (test controls); returns it as listed at `now`.
#[cfg(feature = "controls")]
pub fn add(inner: &mut Inner, location: usize, created_by: &str, sku_ref: &str, ago: u64, now: u64) -> Option<Order> {
    let extras = inner.extra_orders.entry(location).or_default();
    let n = extras.len() as u64;
    extras.push(Extra {
        n,
        created_at: now.saturating_sub(ago),
        created_by: created_by.into(),
        sku_ref: sku_ref.into(),
    });
    let id = order_id(location, 3, n);
    on_location(inner, location, now).into_iter().find(|o| o.id == id)
}

/// Records, for every location, whether Zelty Bridge works there from `now` on: opens a
/// stretch when it starts, closes it when it stops, and splits it when the option
/// « Récupérer les commandes Zelty dans HubRise » changes. Called after every change of
/// its connections, configuration or key; `configured` names the location whose
/// configuration was just saved (its new stretch takes the pending orders).
pub fn record(inner: &mut Inner, now: u64, configured: Option<usize>) {
    let working: Vec<(usize, bool)> = inner
        .installs
        .values()
        .map(|i| {
            let active = inner.bridge_state(i.location) == Some(ConnState::Active);
            let key_works = i.key.as_ref().is_some_and(|k| !inner.disabled_keys.contains(k));
            (i.location, active && key_works && i.saved_at.is_some())
        })
        .collect();
    for (location, works) in working {
        let Some(install) = inner.installs.get_mut(&location) else { continue };
        let pull = install.pull_orders;
        let open = install.stretches.last_mut().filter(|s| s.until.is_none());
        let fresh = configured == Some(location);
        match open {
            Some(s) if !works || s.pull_orders != pull || fresh => s.until = Some(now),
            Some(_) => continue,
            None if !works => continue,
            None => {}
        }
        if works {
            install.stretches.push(Stretch { from: now, until: None, pull_orders: pull, takes_pending: fresh });
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SS+01:00` for seconds since the epoch: the time at `UTC_OFFSET_SECS`,
/// with its offset, as HubRise writes times (civil-from-days, after
/// https://howardhinnant.github.io/date_algorithms.html).
pub fn iso8601(secs: u64) -> String {
    iso8601_at(secs, UTC_OFFSET_SECS)
}

/// The same at any offset (whole minutes).
pub fn iso8601_at(secs: u64, offset_secs: i64) -> String {
    let local = secs as i64 + offset_secs;
    let days = local.div_euclid(86_400);
    let rem = local.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let sign = if offset_secs < 0 { '-' } else { '+' };
    let off = offset_secs.unsigned_abs();
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60,
        off / 3_600,
        off % 3_600 / 60
    )
}

/// An HTTP date (`Wed, 02 Dec 2026 17:26:48 GMT`, RFC 9110 section 5.6.7) for seconds
/// since the epoch: the sandbox's answers carry its own clock in `Date`, so that a client
/// that judges ages by the server's time sees the clock the tests move.
pub fn http_date(secs: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let t = iso8601_at(secs, 0);
    let month = t[5..7].parse::<usize>().unwrap_or(1).clamp(1, 12);
    format!(
        "{}, {} {} {} {} GMT",
        DAYS[(secs / 86_400 % 7) as usize],
        &t[8..10],
        MONTHS[month - 1],
        &t[..4],
        &t[11..19]
    )
}

/// Seconds since the epoch of `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]` (the `after` and `before`
/// filters); `None` when it is not such a time.
pub fn parse_time(text: &str) -> Option<u64> {
    let (date, time) = text.trim().split_once(['T', ' '])?;
    let mut d = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (d.next()??, d.next()??, d.next()??);
    let (clock, offset) = match time.find(['Z', '+', '-']) {
        Some(i) => (&time[..i], &time[i..]),
        None => (time, ""),
    };
    let mut c = clock.splitn(3, ':').map(|p| p.split('.').next().and_then(|p| p.parse::<i64>().ok()));
    let (h, m, s) = (c.next()??, c.next()??, c.next().flatten().unwrap_or(0));
    let offset_secs = match offset {
        "" | "Z" => 0,
        o => {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let (oh, om) = o[1..].split_once(':').unwrap_or((&o[1..], "0"));
            sign * (oh.parse::<i64>().ok()? * 3_600 + om.parse::<i64>().ok()? * 60)
        }
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from(days * 86_400 + h * 3_600 + m * 60 + s - offset_secs).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stretch(from: u64, until: Option<u64>, takes_pending: bool) -> Stretch {
        Stretch { from, until, pull_orders: false, takes_pending }
    }

    #[test]
    fn an_order_is_handled_only_by_a_stretch_that_had_it() {
        const T: u64 = 1_000_000;
        let unblocked = [stretch(T, Some(T + 1_000), true), stretch(T + 2_000, None, false)];
        assert_eq!(handled_at(T + 500, &unblocked), Some(T + 505));
        assert_eq!(handled_at(T + 996, &unblocked), None, "blocked before it was sent");
        assert_eq!(handled_at(T + 1_500, &unblocked), None, "arrived while blocked");
        assert_eq!(handled_at(T + 2_000, &unblocked), Some(T + 2_005));
        assert_eq!(handled_at(T - 100, &unblocked), Some(T), "pending when configured");
        assert_eq!(handled_at(T - PENDING_TAKEN_SECS - 1, &unblocked), None, "too old to be sent");
        let reconfigured = [stretch(T, Some(T + 1_000), true), stretch(T + 2_000, None, true)];
        assert_eq!(handled_at(T + 1_500, &reconfigured), Some(T + 2_000), "a new configuration sends what is pending");
        assert_eq!(handled_at(5, &[]), None);
    }

    #[test]
    fn http_dates_are_imf_fixdates() {
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(http_date(1_796_232_408), "Wed, 02 Dec 2026 17:26:48 GMT");
        assert_eq!(http_date(951_782_400), "Tue, 29 Feb 2000 00:00:00 GMT");
    }

    #[test]
    fn zelty_wants_numeric_ref_codes() {
        assert!(zelty_accepts("101") && !zelty_accepts("TIRAMISU") && !zelty_accepts("") && !zelty_accepts("101-M"));
    }

    #[test]
    fn times_round_trip() {
        assert_eq!(iso8601_at(0, 0), "1970-01-01T00:00:00+00:00");
        assert_eq!(iso8601(1_796_126_400), "2026-12-01T13:00:00+01:00");
        assert_eq!(iso8601_at(1_796_126_400, -5 * 3_600), "2026-12-01T07:00:00-05:00");
        assert_eq!(iso8601_at(951_782_400, 0), "2000-02-29T00:00:00+00:00");
        assert_eq!(iso8601(951_778_800), "2000-02-29T00:00:00+01:00");
        for t in [3_600, 951_782_400, 1_796_126_400, 1_796_129_999] {
            assert_eq!(parse_time(&iso8601(t)), Some(t));
            assert_eq!(parse_time(&iso8601_at(t, -5 * 3_600 - 1_800)), Some(t));
        }
        assert_eq!(parse_time("2026-12-01T13:00:00+01:00"), Some(1_796_126_400));
        assert_eq!(parse_time("2026-12-01T12:00Z"), Some(1_796_126_400));
        assert_eq!(parse_time("2026-12-01T12:00:00.123Z"), Some(1_796_126_400));
        for bad in ["", "yesterday", "2026-13-01T00:00:00Z", "2026-12-01", "2026-12-01T25:00:00Z"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
