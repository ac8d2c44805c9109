//! The fake Zelty (https://docs.zelty.fr): `GET /<version>/restaurants` and
//! `GET /<version>/webhooks` behind `Authorization: Bearer <key>`, its documented errors
//! (403 errno 5 for a wrong or revoked key, 400 errno 4 for an unknown version), its limit
//! of one request a second per key, and the back office's "Marketplace > Hubrise V2" page
//! that activates the demo key, shows it once, then only masked.

use super::data::{self, DEMO_RESTAURANT};
use super::ids;
use super::pages::{self, ZeltyView};
use super::reply::ZeltyError;
use super::state::{ConnState, Shared};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde_json::{Map, Value, json};
use std::sync::Arc;

/// API versions seen in public clients; Zelty's reference documents 2.9 and 2.10.
const VERSIONS: [&str; 4] = ["2.7", "2.9", "2.10", "2.11"];
const STATUS_PAGE: &str = "/marketplace/hubrise-v2/status";
/// Where Zelty Bridge receives Zelty's events: HubRise runs its bridges under
/// `<app>.hubrise-apps.com` (e.g. https://www.hubrise.com/apps/deliveroo); Zelty Bridge's own
/// host is not published.
pub const BRIDGE_WEBHOOK_BASE: &str = "https://zelty.hubrise-apps.com/zelty/webhooks";
/// The events Zelty Bridge subscribes to once configured (order statuses back to HubRise,
/// catalog and inventory pulls).
pub const BRIDGE_EVENTS: [&str; 5] =
    ["order.status.update", "order.ended", "catalog.push", "dish.update", "menu.update"];

type St = State<Arc<Shared>>;

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/", get(|| async { Redirect::to(STATUS_PAGE) }))
        .route(STATUS_PAGE, get(status_page))
        .route("/marketplace/hubrise-v2/activate", post(activate))
        .route("/marketplace/hubrise-v2/deactivate", post(deactivate))
        .route(
            "/{version}/restaurants",
            get(|s: St, v: Path<String>, h: HeaderMap| async move { restaurants(&s, &v, &h) }),
        )
        .route("/{version}/webhooks", get(|s: St, v: Path<String>, h: HeaderMap| async move { webhooks(&s, &v, &h) }))
}

/// Zelty's answer to an unknown address; HTML for the back office, JSON for the API.
pub fn not_found(s: &Shared, path: &str) -> Response {
    if path.starts_with("/marketplace") {
        return pages::not_found(s.lang, "Zelty");
    }
    ZeltyError::UnknownEndpoint.answer(None)
}

/// The key of an API call, checked in Zelty's order: version, key, rate limit.
fn authorize(s: &Shared, version: &str, headers: &HeaderMap) -> Result<String, ZeltyError> {
    if !VERSIONS.contains(&version) {
        return Err(ZeltyError::UnknownVersion);
    }
    let key = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, key)| key.trim())
        .filter(|key| s.world.key(key).is_some() && !s.lock().disabled_keys.contains(*key))
        .ok_or(ZeltyError::BadKey)?;
    // One request a second per account (a key is an account), per Zelty's reference.
    if s.rate_limited("zelty", key, 1, 1).is_some() {
        return Err(ZeltyError::TooMany);
    }
    Ok(key.to_string())
}

fn refuse(s: &Shared, e: ZeltyError) -> Response {
    let retry = (e == ZeltyError::TooMany && s.options().zelty_retry_after).then_some(1);
    e.answer(retry)
}

fn restaurants(s: &Shared, version: &str, headers: &HeaderMap) -> Response {
    let key = match authorize(s, version, headers) {
        Ok(k) => k,
        Err(e) => return refuse(s, e),
    };
    let found = s.world.key(&key).map(|k| k.restaurants.iter().map(data::restaurant_json).collect::<Vec<_>>());
    axum::Json(json!({ "restaurants": found.unwrap_or_default(), "errno": 0 })).into_response()
}

/// The account's subscriptions: Zelty Bridge's, when it holds this key and was not
/// disconnected (blocking keeps them), plus the account's webhook secret.
fn webhooks(s: &Shared, version: &str, headers: &HeaderMap) -> Response {
    let key = match authorize(s, version, headers) {
        Ok(k) => k,
        Err(e) => return refuse(s, e),
    };
    let mut hooks = Map::new();
    {
        let inner = s.lock();
        let mut holders: Vec<_> = inner
            .installs
            .values()
            .filter(|i| i.key.as_deref() == Some(key.as_str()) && i.saved_at.is_some())
            .filter(|i| inner.connections.get(&i.token).is_some_and(|c| c.state != ConnState::Revoked))
            .collect();
        // One target per event: the app configured last holds them.
        holders.sort_by_key(|i| i.saved_at);
        for install in holders {
            for event in BRIDGE_EVENTS {
                let target = format!("{BRIDGE_WEBHOOK_BASE}/{}", install.instance);
                hooks.insert(event.to_string(), json!({ "target": target, "version": "v2" }));
            }
        }
    }
    let secret = s.webhook_secret(&key);
    axum::Json(json!({ "webhooks": Value::Object(hooks), "secret_key": secret, "errno": 0 })).into_response()
}

/// Whether Zelty Bridge's key check passes: a known key, not deactivated. The app calls
/// Zelty from its own servers; the sandbox asks its own memory instead, so that the check
/// does not use up the key's one request a second.
pub fn key_works(s: &Shared, key: &str) -> bool {
    s.world.key(key).is_some() && !s.lock().disabled_keys.contains(key)
}

async fn status_page(State(s): State<Arc<Shared>>) -> Response {
    let key = &s.world.demo_key;
    let name = s.world.key(key).map(|k| k.restaurants[0].name.clone()).unwrap_or_default();
    let (active, pending, deactivated) = {
        let mut inner = s.lock();
        let pending = std::mem::take(&mut inner.zelty_key_pending);
        (inner.zelty_active, pending, inner.disabled_keys.contains(key))
    };
    let masked = ids::masked_key(key);
    let view = match (active, pending) {
        (false, _) => ZeltyView::Inactive { deactivated },
        (true, true) => ZeltyView::JustActivated { key },
        (true, false) => ZeltyView::Active { masked: &masked },
    };
    pages::zelty_status(s.lang, (&name, DEMO_RESTAURANT), view)
}

/// "Activer": the key works again and is shown on the next view of the page, once.
async fn activate(State(s): State<Arc<Shared>>) -> Response {
    let now = s.now().as_secs();
    let mut inner = s.lock();
    if !inner.zelty_active {
        inner.zelty_active = true;
        inner.zelty_key_pending = true;
        inner.disabled_keys.remove(&s.world.demo_key);
        super::orders::record(&mut inner, now, None);
    }
    Redirect::to(STATUS_PAGE).into_response()
}

/// "Gérer > Désactiver": the demo key stops working in this process, and Zelty Bridge
/// with it (orders stay `new` on every location that uses the key).
async fn deactivate(State(s): State<Arc<Shared>>) -> Response {
    let now = s.now().as_secs();
    let mut inner = s.lock();
    inner.zelty_active = false;
    inner.zelty_key_pending = false;
    inner.disabled_keys.insert(s.world.demo_key.clone());
    super::orders::record(&mut inner, now, None);
    Redirect::to(STATUS_PAGE).into_response()
}
