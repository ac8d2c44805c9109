//! The fake Zelty: `GET /<version>/restaurants` behind `Authorization: Bearer <key>`
//! (zelty-api.md §0, §1), its rate limit, and the back office's "Marketplace > Hubrise
//! V2" page that activates the demo key, shows it once, then only masked (§3.6).

use super::data::{self, DEMO_RESTAURANT};
use super::faults::{error_body, json_status};
use super::ids;
use super::pages::{self, ZeltyView};
use super::state::Shared;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde_json::json;
use std::sync::Arc;

/// API versions seen in public clients (zelty-api.md §1.1).
const VERSIONS: [&str; 4] = ["2.7", "2.9", "2.10", "2.11"];
const STATUS_PAGE: &str = "/marketplace/hubrise-v2/status";

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/", get(|| async { Redirect::to(STATUS_PAGE) }))
        .route(STATUS_PAGE, get(status_page))
        .route("/marketplace/hubrise-v2/activate", post(activate))
        .route("/marketplace/hubrise-v2/deactivate", post(deactivate))
        .route("/{version}/restaurants", get(restaurants))
}

/// Zelty's answer to an unknown address; HTML for the back office, JSON for the API.
pub fn not_found(s: &Shared, path: &str) -> Response {
    if path.starts_with("/marketplace") {
        return pages::not_found(s.lang, "Zelty");
    }
    json_status(404, &error_body(super::faults::Service::Zelty, 404), None)
}

fn unauthorized(s: &Shared) -> Response {
    let body = s.options().zelty_unauthorized_body;
    (StatusCode::UNAUTHORIZED, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn restaurants(State(s): State<Arc<Shared>>, Path(version): Path<String>, headers: HeaderMap) -> Response {
    if !VERSIONS.contains(&version.as_str()) {
        return not_found(&s, &format!("/{version}/restaurants"));
    }
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, key)| key.trim());
    let Some(key) = bearer else { return unauthorized(&s) };
    let Some(found) = s.world.key(key) else { return unauthorized(&s) };
    if s.lock().disabled_keys.contains(key) {
        return unauthorized(&s);
    }
    // About 10 requests a second trigger Zelty's 429 (zelty-api.md §1.5).
    if s.rate_limited("zelty", key, 10, 1).is_some() {
        let retry = s.options().zelty_retry_after.then_some(1);
        return json_status(429, &error_body(super::faults::Service::Zelty, 429), retry);
    }
    let list: Vec<_> = found.restaurants.iter().map(data::restaurant_json).collect();
    axum::Json(json!({ "restaurants": list, "errno": 0 })).into_response()
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
    let mut inner = s.lock();
    if !inner.zelty_active {
        inner.zelty_active = true;
        inner.zelty_key_pending = true;
        inner.disabled_keys.remove(&s.world.demo_key);
    }
    Redirect::to(STATUS_PAGE).into_response()
}

/// "Gérer > Désactiver": the demo key stops working in this process.
async fn deactivate(State(s): State<Arc<Shared>>) -> Response {
    let mut inner = s.lock();
    inner.zelty_active = false;
    inner.zelty_key_pending = false;
    inner.disabled_keys.insert(s.world.demo_key.clone());
    Redirect::to(STATUS_PAGE).into_response()
}
