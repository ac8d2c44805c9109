//! Test controls only (feature `controls`), under `/_sandbox/` on the HubRise manager port, all JSON: mint tokens,
//! change connections, queue faults, move the clock, read the request log, list keys,
//! add orders of other apps, and switch the behaviours the references leave UNCONFIRMED.
//!
//! `POST /_sandbox/orders` with `{"location_id": "3r4s3-0", "created_by": "Uber Eats",
//! "sku_ref": "101", "minutes_ago": 0}` (only `location_id` required; these are the
//! defaults) adds an order of another app on that location, `new` when created, and
//! answers it as `GET /locations/:id/orders` shows it at once; Zelty Bridge then handles
//! it as any other (see `orders`). An unknown location is a 400.

use super::faults::Fault;
use super::options::Options;
use super::state::{Client, ConnState, Shared, Target};
use super::token::token_json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

type St = State<Arc<Shared>>;

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/_sandbox", get(|State(s): St| async move { axum::Json(super::describe(&s)) }))
        .route("/_sandbox/tokens", post(mint))
        .route("/_sandbox/connections", get(list_connections).post(change_connection))
        .route("/_sandbox/faults", get(list_faults).post(queue_fault).delete(clear_faults))
        .route("/_sandbox/clock", post(clock))
        .route("/_sandbox/requests", get(requests).delete(clear_requests))
        .route("/_sandbox/keys", get(|State(s): St| async move { axum::Json(super::keys_json(&s)) }))
        .route("/_sandbox/orders", post(add_order))
        .route("/_sandbox/options", get(|State(s): St| async move { axum::Json(s.options()) }).post(set_options))
}

fn bad(message: impl Into<String>) -> Response {
    (StatusCode::BAD_REQUEST, axum::Json(json!({ "error": message.into() }))).into_response()
}

/// A JSON body, or the 400 to answer (boxed: a `Response` is large).
fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Box<Response>> {
    serde_json::from_slice(body).map_err(|e| Box::new(bad(format!("invalid JSON: {e}"))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mint {
    location_id: Option<String>,
    #[serde(default)]
    account: bool,
    device_id: Option<String>,
    catalog_id: Option<String>,
    customer_list_id: Option<String>,
}

/// A token as if a person had authorized: a location's with its own catalog and the
/// account's customer list unless told otherwise, or the account's.
async fn mint(State(s): St, body: Bytes) -> Response {
    let m: Mint = match parse(&body) {
        Ok(m) => m,
        Err(r) => return *r,
    };
    let (target, default_catalog) = match (&m.location_id, m.account) {
        (Some(id), false) => match s.world.location_index(id) {
            Some(n) => (Target::Location(n), s.world.locations[n].catalog_id.clone()),
            None => return bad(format!("unknown location {id}")),
        },
        (None, true) => (Target::Account, s.world.account_catalog_id.clone()),
        _ => return bad("give either location_id or \"account\": true"),
    };
    let catalog = m.catalog_id.unwrap_or(default_catalog);
    let list = m.customer_list_id.unwrap_or_else(|| super::data::CUSTOMER_LIST_ID.to_string());
    let token = s.issue_token(Client::Cli, &target, m.device_id.as_deref().filter(|d| !d.is_empty()));
    axum::Json(token_json(&s, &token, &target, Some(&catalog), Some(&list))).into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    token: String,
    action: String,
}

async fn change_connection(State(s): St, body: Bytes) -> Response {
    let c: Change = match parse(&body) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let state = match c.action.as_str() {
        "revoke" | "disconnect" => ConnState::Revoked,
        "block" => ConnState::Blocked,
        "unblock" | "unsuspend" | "restore" => ConnState::Active,
        "suspend" => ConnState::Suspended,
        other => return bad(format!("unknown action {other}: revoke, block, unblock, suspend")),
    };
    if !s.set_state(&c.token, state) {
        return (StatusCode::NOT_FOUND, axum::Json(json!({ "error": "unknown token" }))).into_response();
    }
    axum::Json(json!({ "state": state })).into_response()
}

async fn list_connections(State(s): St) -> Response {
    let inner = s.lock();
    let list: Vec<Value> = inner
        .seen
        .iter()
        .filter_map(|t| inner.connections.get(t).map(|c| (t, c)))
        .map(|(token, c)| {
            let target = match c.target {
                Target::Account => json!({ "account_id": super::data::ACCOUNT_ID }),
                Target::Location(n) => json!({ "location_id": s.world.locations[n].id }),
            };
            json!({ "access_token": token, "target": target, "state": c.state })
        })
        .collect();
    axum::Json(list).into_response()
}

async fn queue_fault(State(s): St, body: Bytes) -> Response {
    let f: Fault = match parse(&body) {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let count = f.count;
    match s.lock().faults.push(f) {
        Ok(()) => axum::Json(json!({ "queued": count })).into_response(),
        Err(why) => bad(why),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewOrder {
    location_id: String,
    created_by: Option<String>,
    sku_ref: Option<String>,
    #[serde(default)]
    minutes_ago: u64,
}

async fn add_order(State(s): St, body: Bytes) -> Response {
    let o: NewOrder = match parse(&body) {
        Ok(o) => o,
        Err(r) => return *r,
    };
    let Some(n) = s.world.location_index(&o.location_id) else {
        return bad(format!("unknown location {}", o.location_id));
    };
    let now = s.now().as_secs();
    let by = o.created_by.unwrap_or_else(|| super::orders::OTHER_APP.to_string());
    let sku = o.sku_ref.unwrap_or_else(|| "101".to_string());
    let added = super::orders::add(&mut s.lock(), n, &by, &sku, o.minutes_ago.saturating_mul(60), now);
    match added {
        Some(order) => axum::Json(order.to_json(&o.location_id)).into_response(),
        None => bad("the order could not be added"),
    }
}

async fn list_faults(State(s): St) -> Response {
    axum::Json(s.lock().faults.pending()).into_response()
}

async fn clear_faults(State(s): St) -> Response {
    axum::Json(json!({ "cleared": s.lock().faults.clear() })).into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Clock {
    advance_secs: u64,
}

async fn clock(State(s): St, body: Bytes) -> Response {
    let c: Clock = match parse(&body) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    let offset = s.advance_clock(Duration::from_secs(c.advance_secs));
    axum::Json(json!({ "offset_secs": offset.as_secs() })).into_response()
}

async fn requests(State(s): St) -> Response {
    let log: Vec<_> = s.lock().log.iter().cloned().collect();
    axum::Json(log).into_response()
}

async fn clear_requests(State(s): St) -> Response {
    let mut inner = s.lock();
    let n = inner.log.len();
    inner.log.clear();
    axum::Json(json!({ "cleared": n })).into_response()
}

/// Changes some options: the body is a partial `Options` object.
async fn set_options(State(s): St, body: Bytes) -> Response {
    let patch: serde_json::Map<String, Value> = match parse(&body) {
        Ok(p) => p,
        Err(r) => return *r,
    };
    let mut inner = s.lock();
    let Ok(Value::Object(mut merged)) = serde_json::to_value(&inner.options) else { return bad("options") };
    merged.extend(patch);
    match serde_json::from_value::<Options>(Value::Object(merged)) {
        Ok(o) if matches!(o.bad_code_status, 400 | 404) => {
            inner.options = o.clone();
            axum::Json(o).into_response()
        }
        Ok(_) => bad("bad_code_status must be 400 or 404"),
        Err(e) => bad(format!("invalid options: {e}")),
    }
}
