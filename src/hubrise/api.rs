//! The HubRise API calls that prove a token works and name what it gives access to:
//! `GET /location` (or `/locations/:id` with an account token), the catalog and the
//! customer list (https://www.hubrise.com/developers/api/locations). A 401 says which of the documented reasons applies.

use super::error::HubriseError;
use crate::error::{Failure, Kind};
use crate::http::{Http, Idempotent, Reply, Service};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    #[serde(deserialize_with = "crate::server_text::string")]
    pub id: String,
    #[serde(deserialize_with = "crate::server_text::string")]
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    #[serde(deserialize_with = "crate::server_text::string")]
    pub id: String,
    #[serde(deserialize_with = "crate::server_text::string")]
    pub name: String,
    pub account: Account,
}

/// A catalog or a customer list: both are an id and a name here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named {
    #[serde(deserialize_with = "crate::server_text::string")]
    pub id: String,
    #[serde(deserialize_with = "crate::server_text::string")]
    pub name: String,
}

/// Why HubRise refused a token (https://www.hubrise.com/developers/api/authentication, "Token Invalidity").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Revoked,
    Blocked,
    Suspended,
    Other,
}

impl Refusal {
    pub fn of_message(message: &str) -> Refusal {
        let m = message.to_ascii_lowercase();
        if m.contains("blocked") {
            Refusal::Blocked
        } else if m.contains("suspended") || m.contains("non payment") {
            Refusal::Suspended
        } else if m.contains("revoked") || m.contains("invalid") {
            Refusal::Revoked
        } else {
            Refusal::Other
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Refusal::Revoked => "hubrise_token_revoked",
            Refusal::Blocked => "hubrise_connection_blocked",
            Refusal::Suspended => "hubrise_account_suspended",
            Refusal::Other => "hubrise_token_rejected",
        }
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    message: crate::server_text::ServerText,
}

/// GETs `path` with the token and decodes the JSON, mapping refusals.
async fn get<T: serde::de::DeserializeOwned>(http: &Http, api: &str, token: &Secret, path: &str) -> anyhow::Result<T> {
    Ok(get_dated(http, api, token, path).await?.value)
}

/// An answer with the server's clock at the time (`Date`), when it said.
pub struct Dated<T> {
    pub value: T,
    pub server_now: Option<i64>,
}

async fn get_dated<T: serde::de::DeserializeOwned>(
    http: &Http,
    api: &str,
    token: &Secret,
    path: &str,
) -> anyhow::Result<Dated<T>> {
    let url = format!("{}{path}", api.trim_end_matches('/'));
    let reply = http
        .send(Service::HubRise, Idempotent::Yes, |c| {
            c.get(&url).header("X-Access-Token", token.expose()).header("Accept", "application/json")
        })
        .await?;
    check(&reply).map_err(Failure::from)?;
    Ok(Dated { value: reply.json(Service::HubRise)?, server_now: reply.date })
}

fn check(reply: &Reply) -> Result<(), HubriseError> {
    match reply.status.as_u16() {
        200 => Ok(()),
        // HubRise's words decide which refusal this is; they are shown only at -v (the
        // `http` log of the answer, sanitized), never as the error's detail.
        401 => Err(HubriseError::Unauthorized(Refusal::of_message(
            &serde_json::from_slice::<ErrorBody>(&reply.body).map(|b| b.message).unwrap_or_default(),
        ))),
        403 => Err(HubriseError::Forbidden),
        404 => Err(HubriseError::NotFound),
        status => Err(HubriseError::Status { status, endpoint: None, excerpt: reply.excerpt() }),
    }
}

/// The token's location: `GET /location` for a location token, `GET /locations/:id` for
/// an account token serving that location.
pub async fn location(http: &Http, api: &str, token: &Secret, id: Option<&str>) -> anyhow::Result<Location> {
    match id {
        Some(id) => get(http, api, token, &format!("/locations/{}", segment("location_id", id)?)).await,
        None => get(http, api, token, "/location").await,
    }
}

pub async fn customer_list(http: &Http, api: &str, token: &Secret, id: &str) -> anyhow::Result<Named> {
    get(http, api, token, &format!("/customer_lists/{}", segment("customer_list_id", id)?)).await
}

/// The catalogs or customer lists of a location, to name the one a token uses when the
/// token endpoint did not say (a token given through `HUBRISE_ACCESS_TOKEN`).
pub async fn location_list(
    http: &Http,
    api: &str,
    token: &Secret,
    location: Option<&str>,
    what: &str,
) -> anyhow::Result<Vec<Named>> {
    match location {
        Some(id) => get(http, api, token, &format!("/locations/{}/{what}", segment("location_id", id)?)).await,
        None => get(http, api, token, &format!("/location/{what}")).await,
    }
}

/// An order, as far as the evidence needs it
/// (https://www.hubrise.com/developers/api/orders): `created_by` is "the name of the API
/// client that created the order".
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Order {
    #[serde(deserialize_with = "crate::server_text::string")]
    pub id: String,
    #[serde(default, deserialize_with = "crate::server_text::string")]
    pub status: String,
    #[serde(default, deserialize_with = "crate::server_text::option")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "crate::server_text::option")]
    pub created_by: Option<String>,
}

/// The location's most recent orders (the first page, newest first), with HubRise's clock.
/// Listing orders is one of HubRise's high-load calls, limited to 10 a minute per
/// connection: callers pace it.
pub async fn recent_orders(
    http: &Http,
    api: &str,
    token: &Secret,
    location: Option<&str>,
) -> anyhow::Result<Dated<Vec<Order>>> {
    match location {
        Some(id) => get_dated(http, api, token, &format!("/locations/{}/orders", segment("location_id", id)?)).await,
        None => get_dated(http, api, token, "/location/orders").await,
    }
}

/// An order of an account's listing, with the location it belongs to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AccountOrder {
    #[serde(default, deserialize_with = "crate::server_text::option")]
    pub location_id: Option<String>,
    #[serde(flatten)]
    pub order: Order,
}

/// The newest orders of every location of the account (`GET /accounts/:id/orders`, account
/// tokens only, https://www.hubrise.com/developers/api/orders, "List Orders"): one
/// high-load call for a chain's locations instead of one each.
pub async fn account_orders(
    http: &Http,
    api: &str,
    token: &Secret,
    account_id: &str,
) -> anyhow::Result<Dated<Vec<AccountOrder>>> {
    get_dated(http, api, token, &format!("/accounts/{}/orders", segment("account_id", account_id)?)).await
}

/// Without an id from the token endpoint or a manifest, a location's catalog (or customer
/// list) is known only when there is exactly one. A list the token's scope does not cover
/// leaves it unnamed; an unreachable service is still a failure, to be tried again.
pub fn only_one(list: anyhow::Result<Vec<Named>>) -> anyhow::Result<Option<Named>> {
    match list {
        Ok(mut l) if l.len() == 1 => Ok(l.pop()),
        Ok(_) => Ok(None),
        Err(err) if crate::error::failure_of(&err).is_some_and(|f| f.kind == Kind::Unreachable) => Err(err),
        Err(_) => Ok(None),
    }
}

/// Ids come from services and manifests: keep them to one path segment. HubRise ids are
/// short runs of letters, digits and dashes (`3r4s3-1`); anything else (`..`, `.`, a
/// slash, an empty one) is refused before a request carries the token to the wrong path
/// (`/locations/..` is `GET /v1/`).
fn segment(what: &'static str, id: &str) -> Result<String, Failure> {
    let ok = !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok {
        return Err(HubriseError::BadId { what, id: crate::server_text::ServerText::new(id) }.into());
    }
    Ok(id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusal_table() {
        for (message, want) in [
            ("The access token is invalid or the connection has been revoked", Refusal::Revoked),
            ("The connection has been blocked", Refusal::Blocked),
            ("The account/location has been suspended for non payment of the subscription", Refusal::Suspended),
            ("", Refusal::Other),
            ("Something else", Refusal::Other),
        ] {
            assert_eq!(Refusal::of_message(message), want, "{message}");
        }
    }

    #[test]
    fn ids_stay_one_segment() {
        assert_eq!(segment("location_id", "3r4s3-1").unwrap(), "3r4s3-1");
        for bad in ["..", ".", "", "../account", "a?b", "a/b", "a b", "%2e%2e"] {
            let err = segment("location_id", bad).unwrap_err();
            assert_eq!(err.code, "bad_id", "{bad}");
            assert!(matches!(err.as_typed::<HubriseError>(), Some(HubriseError::BadId { .. })), "{bad}");
        }
    }
}
