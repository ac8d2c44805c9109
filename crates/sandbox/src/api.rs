//! The fake HubRise API (`/v1`, https://www.hubrise.com/developers/api/general-concepts):
//! token checks with the documented 401 messages, what a location or account token may
//! see, pagination, the per-connection rate limits, and the orders of a location
//! (https://www.hubrise.com/developers/api/orders).

use super::data::{self, ACCOUNT_ID, CUSTOMER_LIST_ID};
use super::orders;
use super::reply::json_status;
use super::state::{ConnState, Connection, Shared, Target};
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use std::sync::Arc;

pub const INVALID: &str = "The access token is invalid or the connection has been revoked";
pub const BLOCKED: &str = "The connection has been blocked";
pub const SUSPENDED: &str = "The account/location has been suspended for non payment of the subscription";

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/v1/location", get(|s: St, h: HeaderMap| async move { own_location(&s, &h) }))
        .route("/v1/locations", get(locations))
        .route(
            "/v1/locations/{id}",
            get(|s: St, h: HeaderMap, Path(id): Path<String>| async move { location(&s, &h, &id) }),
        )
        .route("/v1/account", get(|s: St, h: HeaderMap| async move { account(&s, &h, ACCOUNT_ID) }))
        .route(
            "/v1/accounts/{id}",
            get(|s: St, h: HeaderMap, Path(id): Path<String>| async move { account(&s, &h, &id) }),
        )
        .route("/v1/catalogs/{id}", get(catalog))
        .route(
            "/v1/location/orders",
            get(|s: St, h: HeaderMap, q: RawQuery| async move { list_orders(&s, &h, None, q) }),
        )
        .route(
            "/v1/locations/{id}/orders",
            get(|s: St, h: HeaderMap, Path(id): Path<String>, q: RawQuery| async move {
                list_orders(&s, &h, Some(Scope::Location(id)), q)
            }),
        )
        .route(
            "/v1/accounts/{id}/orders",
            get(|s: St, h: HeaderMap, Path(id): Path<String>, q: RawQuery| async move {
                list_orders(&s, &h, Some(Scope::Account(id)), q)
            }),
        )
        .route(
            "/v1/location/catalogs",
            get(|s: St, h: HeaderMap, q: RawQuery| async move { catalogs(&s, &h, None, q) }),
        )
        .route(
            "/v1/locations/{id}/catalogs",
            get(|s: St, h: HeaderMap, Path(id): Path<String>, q: RawQuery| async move {
                catalogs(&s, &h, Some(Scope::Location(id)), q)
            }),
        )
        .route(
            "/v1/account/catalogs",
            get(|s: St, h: HeaderMap, q: RawQuery| async move {
                catalogs(&s, &h, Some(Scope::Account(ACCOUNT_ID.into())), q)
            }),
        )
        .route(
            "/v1/accounts/{id}/catalogs",
            get(|s: St, h: HeaderMap, Path(id): Path<String>, q: RawQuery| async move {
                catalogs(&s, &h, Some(Scope::Account(id)), q)
            }),
        )
        .route(
            "/v1/customer_lists/{id}",
            get(|s: St, h: HeaderMap, Path(id): Path<String>| async move { customer_list(&s, &h, &id) }),
        )
        .route("/v1/location/customer_lists", get(|s: St, h: HeaderMap| async move { customer_lists(&s, &h, None) }))
        .route(
            "/v1/locations/{id}/customer_lists",
            get(|s: St, h: HeaderMap, Path(id): Path<String>| async move {
                customer_lists(&s, &h, Some(Scope::Location(id)))
            }),
        )
        .route(
            "/v1/account/customer_lists",
            get(|s: St, h: HeaderMap| async move { customer_lists(&s, &h, Some(Scope::Account(ACCOUNT_ID.into()))) }),
        )
        .route(
            "/v1/accounts/{id}/customer_lists",
            get(|s: St, h: HeaderMap, Path(id): Path<String>| async move {
                customer_lists(&s, &h, Some(Scope::Account(id)))
            }),
        )
}

type St = State<Arc<Shared>>;

/// Whose resources a listing asks for; `None` in the handlers means "the token's location".
enum Scope {
    Location(String),
    Account(String),
}

pub fn error(status: StatusCode, error_type: &str, message: Option<&str>) -> Response {
    let mut body = json!({ "error_type": error_type });
    if let Some(m) = message {
        body["message"] = json!(m);
    }
    (status, axum::Json(body)).into_response()
}

pub fn routing_error() -> Response {
    error(StatusCode::NOT_FOUND, "routing_error", Some("No route matches this request"))
}

fn forbidden() -> Response {
    Refusal::Forbidden.into_response()
}

fn not_found() -> Response {
    Refusal::NotFound.into_response()
}

/// Why a request is refused, turned into HubRise's error answer at the end.
enum Refusal {
    Unauthorized(&'static str),
    /// With the `Retry-After` seconds to send, if any.
    Limited(Option<u64>),
    Forbidden,
    NotFound,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::Unauthorized(m) => error(StatusCode::UNAUTHORIZED, "unauthorized", Some(m)),
            Refusal::Limited(retry) => {
                json_status(429, &json!({ "error_type": "too_many_requests", "message": "Rate limit exceeded" }), retry)
            }
            Refusal::Forbidden => error(
                StatusCode::FORBIDDEN,
                "forbidden",
                Some("This access token does not give access to this resource"),
            ),
            Refusal::NotFound => error(StatusCode::NOT_FOUND, "not_found", Some("Resource not found")),
        }
    }
}

fn answer(result: Result<Value, Refusal>) -> Response {
    match result {
        Ok(v) => axum::Json(v).into_response(),
        Err(r) => r.into_response(),
    }
}

/// The connection of the request's `X-Access-Token`, or why not.
fn auth(s: &Shared, headers: &HeaderMap) -> Result<Connection, Refusal> {
    let token = headers
        .get("x-access-token")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(Refusal::Unauthorized(INVALID))?;
    let conn = s.connection(token).ok_or(Refusal::Unauthorized(INVALID))?;
    match conn.state {
        ConnState::Active => {}
        ConnState::Revoked => return Err(Refusal::Unauthorized(INVALID)),
        ConnState::Blocked => return Err(Refusal::Unauthorized(BLOCKED)),
        ConnState::Suspended => return Err(Refusal::Unauthorized(SUSPENDED)),
    }
    // Per connection: 500 a minute, 2,500 an hour, 10,000 a day.
    for (bucket, limit, window) in
        [("hubrise-minute", 500, 60), ("hubrise-hour", 2_500, 3_600), ("hubrise-day", 10_000, 86_400)]
    {
        if let Some(wait) = s.rate_limited(bucket, token, limit, window) {
            return Err(Refusal::Limited(s.options().hubrise_retry_after.then_some(wait)));
        }
    }
    Ok(conn)
}

/// Index of a location the connection may see: 404 when there is none, 403 when it is
/// someone else's.
fn visible_location(s: &Shared, conn: &Connection, id: &str) -> Result<usize, Refusal> {
    let n = s.world.location_index(id).ok_or(Refusal::NotFound)?;
    match conn.target {
        Target::Account => Ok(n),
        Target::Location(own) if own == n => Ok(n),
        Target::Location(_) => Err(Refusal::Forbidden),
    }
}

fn own_location(s: &Shared, h: &HeaderMap) -> Response {
    answer(auth(s, h).and_then(|conn| match conn.target {
        Target::Location(n) => Ok(data::location_json(&s.world.locations[n])),
        // The short form is for location tokens.
        Target::Account => Err(Refusal::Forbidden),
    }))
}

fn location(s: &Shared, h: &HeaderMap, id: &str) -> Response {
    answer(
        auth(s, h).and_then(|conn| visible_location(s, &conn, id)).map(|n| data::location_json(&s.world.locations[n])),
    )
}

/// A page of at most `count` (≤ 100) items from `?cursor=`, with `X-Cursor-Next` when
/// more remain.
fn paginate(items: Vec<Value>, query: Option<String>) -> Response {
    let p = super::oauth::params(query.unwrap_or_default().as_bytes());
    let count = p.get("count").and_then(|c| c.parse::<usize>().ok()).unwrap_or(100).clamp(1, 100);
    let start = p.get("cursor").and_then(|c| c.parse::<usize>().ok()).unwrap_or(0).min(items.len());
    let end = (start + count).min(items.len());
    let mut response = axum::Json(items[start..end].to_vec()).into_response();
    if end < items.len() {
        response.headers_mut().insert("x-cursor-next", HeaderValue::from(end));
    }
    response
}

async fn locations(State(s): St, h: HeaderMap, RawQuery(q): RawQuery) -> Response {
    match auth(&s, &h) {
        Ok(Connection { target: Target::Account, .. }) => {
            paginate(s.world.locations.iter().map(data::location_json).collect(), q)
        }
        Ok(_) => forbidden(),
        Err(r) => r.into_response(),
    }
}

fn account(s: &Shared, h: &HeaderMap, id: &str) -> Response {
    answer(auth(s, h).and_then(|conn| match conn.target {
        Target::Account if id == ACCOUNT_ID => Ok(data::account_json()),
        Target::Account => Err(Refusal::NotFound),
        Target::Location(_) => Err(Refusal::Forbidden),
    }))
}

async fn catalog(State(s): St, h: HeaderMap, Path(id): Path<String>, RawQuery(q): RawQuery) -> Response {
    let conn = match auth(&s, &h) {
        Ok(c) => c,
        Err(r) => return r.into_response(),
    };
    let Ok(owner) = s.world.catalog_owner(&id) else { return not_found() };
    if let (Some(owner), Target::Location(n)) = (owner, &conn.target)
        && owner.id != s.world.locations[*n].id
    {
        return forbidden();
    }
    if let Err(r) = high_load(&s, &h, "hubrise-catalog") {
        return r.into_response();
    }
    let hide = super::oauth::params(q.unwrap_or_default().as_bytes()).get("hide_data").is_some_and(|v| v == "true");
    answer(data::catalog_json(&s.world, &id, hide).ok_or(Refusal::NotFound))
}

/// The location a listing is about, checked against the connection; `None` for account
/// listings.
fn listing_scope(s: &Shared, conn: &Connection, scope: Option<Scope>) -> Result<Option<usize>, Refusal> {
    match (scope, &conn.target) {
        (None, Target::Location(n)) => Ok(Some(*n)),
        (None, Target::Account) => Err(Refusal::Forbidden),
        (Some(Scope::Location(id)), _) => visible_location(s, conn, &id).map(Some),
        (Some(Scope::Account(id)), Target::Account) if id == ACCOUNT_ID => Ok(None),
        (Some(Scope::Account(_)), Target::Account) => Err(Refusal::NotFound),
        (Some(Scope::Account(_)), Target::Location(_)) => Err(Refusal::Forbidden),
    }
}

fn catalogs(s: &Shared, h: &HeaderMap, scope: Option<Scope>, RawQuery(q): RawQuery) -> Response {
    let at = match auth(s, h).and_then(|conn| listing_scope(s, &conn, scope)) {
        Ok(at) => at,
        Err(r) => return r.into_response(),
    };
    let world = &s.world;
    let item = |id: &str| data::catalog_item_json(id, &world.catalog_name(id).unwrap_or_default());
    // A location sees its own catalog and the account's; the account sees them all.
    let mut items = vec![item(&world.account_catalog_id)];
    match at {
        Some(n) => items.insert(0, item(&world.locations[n].catalog_id)),
        None => items.extend(world.locations.iter().map(|l| item(&l.catalog_id))),
    }
    paginate(items, q)
}

fn customer_list(s: &Shared, h: &HeaderMap, id: &str) -> Response {
    answer(auth(s, h).and_then(|_| {
        if id == CUSTOMER_LIST_ID { Ok(data::customer_list_json(false)) } else { Err(Refusal::NotFound) }
    }))
}

fn customer_lists(s: &Shared, h: &HeaderMap, scope: Option<Scope>) -> Response {
    answer(auth(s, h).and_then(|conn| listing_scope(s, &conn, scope)).map(|_| json!([data::customer_list_json(true)])))
}

/// High-load calls (`GET /catalogs/:id`, orders): 10 a minute per connection on top of
/// the general limits.
fn high_load(s: &Shared, h: &HeaderMap, bucket: &'static str) -> Result<(), Refusal> {
    let token = h.get("x-access-token").and_then(|v| v.to_str().ok()).unwrap_or_default().trim();
    match s.rate_limited(bucket, token, 10, 60) {
        Some(wait) => Err(Refusal::Limited(s.options().hubrise_retry_after.then_some(wait))),
        None => Ok(()),
    }
}

/// `GET /location/orders`, `GET /locations/:id/orders` and (account tokens)
/// `GET /accounts/:id/orders`, newest first, with the
/// `status`, `after` and `before` filters (times in ISO 8601), paginated.
fn list_orders(s: &Shared, h: &HeaderMap, scope: Option<Scope>, RawQuery(q): RawQuery) -> Response {
    // `Ok(None)`: an account token listing every location of its account.
    let at = match auth(s, h).and_then(|conn| listing_scope(s, &conn, scope)) {
        Ok(at) => at,
        Err(r) => return r.into_response(),
    };
    if let Err(r) = high_load(s, h, "hubrise-orders") {
        return r.into_response();
    }
    let p = super::oauth::params(q.as_deref().unwrap_or_default().as_bytes());
    let mut bounds = [None, None];
    for (slot, name) in bounds.iter_mut().zip(["after", "before"]) {
        if let Some(text) = p.get(name) {
            match orders::parse_time(text) {
                Some(t) => *slot = Some(t),
                None => return error(StatusCode::UNPROCESSABLE_ENTITY, "unprocessable_entity", Some("Invalid time")),
            }
        }
    }
    let statuses: Option<Vec<&str>> = p.get("status").map(|v| v.split(',').collect());
    let now = s.now().as_secs();
    let locations: Vec<usize> = at.map_or_else(|| (0..s.world.locations.len()).collect(), |n| vec![n]);
    let mut items: Vec<(u64, Value)> = {
        let inner = s.lock();
        let mut items = Vec::new();
        for at in locations {
            let location_id = &s.world.locations[at].id;
            items.extend(
                orders::on_location(&inner, at, now)
                    .into_iter()
                    .rev()
                    .filter(|o| bounds[0].is_none_or(|after| o.created_at > after))
                    .filter(|o| bounds[1].is_none_or(|before| o.created_at < before))
                    .filter(|o| statuses.as_ref().is_none_or(|st| st.contains(&o.status)))
                    .map(|o| (o.created_at, o.to_json(location_id))),
            );
        }
        items
    };
    // Newest first, across locations.
    items.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    let mut items: Vec<Value> = items.into_iter().map(|(_, o)| o).collect();
    items.truncate(10_000);
    paginate(items, q)
}
