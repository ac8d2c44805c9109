//! Orders of the fake HubRise (https://www.hubrise.com/developers/api/orders): a few
//! orders from other apps on every location, and, once Zelty Bridge is configured on a
//! location (« Enregistrer »), the orders it brings from Zelty (`created_by` "Zelty
//! Bridge") plus one order of another app that it rejected because of a ref code Zelty
//! does not know (https://www.hubrise.com/fr/apps/zelty-bridge/associer-codes-ref). While
//! the app is connected and not blocked, a new Zelty order arrives every 15 minutes of the
//! sandbox clock. Listing them is a high-load call: 10 a minute per connection.

use super::ids;
use super::state::{ConnState, Inner};
use serde_json::{Value, json};

/// Minutes of sandbox time between two Zelty orders while the app works.
pub const ORDER_EVERY_SECS: u64 = 15 * 60;
/// Another app whose orders Zelty Bridge sends to Zelty.
pub const OTHER_APP: &str = "Uber Eats";

#[derive(Debug, Clone)]
pub struct Order {
    pub id: String,
    /// Seconds since the epoch, sandbox clock.
    pub created_at: u64,
    pub status: &'static str,
    pub created_by: &'static str,
    /// The item's ref code: numeric for Zelty, a word for the rejected order.
    pub sku_ref: &'static str,
}

impl Order {
    pub fn to_json(&self, location_id: &str) -> Value {
        let channel = if self.created_by == OTHER_APP { "Uber Eats" } else { "Zelty" };
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

fn order(
    inner: &Inner,
    location: usize,
    created_at: u64,
    status: &'static str,
    by: &'static str,
    sku: &'static str,
) -> Order {
    let n = inner.orders.get(&location).map_or(0, Vec::len) as u64;
    Order { id: ids::short_id(1_000 + location as u64, n), created_at, status, created_by: by, sku_ref: sku }
}

/// The orders every location has before any app of ours: two from another app.
pub fn seed(inner: &mut Inner, location: usize, now: u64) {
    if inner.orders.contains_key(&location) {
        return;
    }
    inner.orders.insert(location, Vec::new());
    for (age, status) in [(7_200, "completed"), (3_600, "completed")] {
        let o = order(inner, location, now.saturating_sub(age), status, OTHER_APP, "101");
        inner.orders.entry(location).or_default().push(o);
    }
}

/// What « Enregistrer » sets going: two orders pulled from Zelty and one of another app
/// rejected for an unknown ref code.
pub fn on_saved(inner: &mut Inner, location: usize, now: u64) {
    seed(inner, location, now);
    let made = [
        (now.saturating_sub(2), "completed", super::ids::BRIDGE_CLIENT_NAME, "101"),
        (now.saturating_sub(1), "in_preparation", super::ids::BRIDGE_CLIENT_NAME, "102"),
        (now, "rejected", OTHER_APP, "TIRAMISU"),
    ];
    for (at, status, by, sku) in made {
        let o = order(inner, location, at, status, by, sku);
        inner.orders.entry(location).or_default().push(o);
    }
}

/// Brings a location's orders up to `now`: one Zelty order per 15 minutes while the app
/// is configured and its connection active. Called before a listing and before the
/// connection changes state, so blocked time brings nothing.
pub fn catch_up(inner: &mut Inner, location: usize, now: u64) {
    seed(inner, location, now);
    let working = inner.bridge_state(location) == Some(ConnState::Active);
    let Some(install) = inner.installs.get(&location).cloned() else { return };
    let (Some(saved), true) = (install.saved_at, working && install.key.is_some() && install.pull_orders) else {
        return;
    };
    let mut next = install.last_order_at.max(saved) + ORDER_EVERY_SECS;
    let mut last = install.last_order_at;
    while next <= now {
        let o = order(inner, location, next, "completed", super::ids::BRIDGE_CLIENT_NAME, "101");
        inner.orders.entry(location).or_default().push(o);
        last = next;
        next += ORDER_EVERY_SECS;
    }
    if let Some(i) = inner.installs.get_mut(&location) {
        i.last_order_at = last;
    }
}

/// `YYYY-MM-DDTHH:MM:SS+00:00` for seconds since the epoch (civil-from-days, after
/// https://howardhinnant.github.io/date_algorithms.html).
pub fn iso8601(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}+00:00", rem / 3_600, rem % 3_600 / 60, rem % 60)
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

    #[test]
    fn times_round_trip() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00+00:00");
        assert_eq!(iso8601(1_796_126_400), "2026-12-01T12:00:00+00:00");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00+00:00");
        for t in [0, 951_782_400, 1_796_126_400, 1_796_129_999] {
            assert_eq!(parse_time(&iso8601(t)), Some(t));
        }
        assert_eq!(parse_time("2026-12-01T13:00:00+01:00"), Some(1_796_126_400));
        assert_eq!(parse_time("2026-12-01T12:00Z"), Some(1_796_126_400));
        assert_eq!(parse_time("2026-12-01T12:00:00.123Z"), Some(1_796_126_400));
        for bad in ["", "yesterday", "2026-13-01T00:00:00Z", "2026-12-01", "2026-12-01T25:00:00Z"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
