//! The fake HubRise token server (https://www.hubrise.com/developers/api/authentication): code exchange with client
//! credentials in any of the ways HubRise's own clients send them (and PKCE's verifier
//! when the authorization carried a challenge), and revocation.

use super::data::{ACCOUNT_NAME, CUSTOMER_LIST_NAME};
use super::ids::{CLIENT_ID, CLIENT_SECRET};
use super::oauth::params;
use super::state::{Client, CodeError, ConnState, Shared, Target};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine as _;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;

pub fn routes() -> Router<Arc<Shared>> {
    Router::new().route("/oauth2/v1/token", post(token)).route("/oauth2/v1/revoke", post(revoke))
}

/// `client_id:client_secret` from an `Authorization: Basic …` value.
pub fn basic_credentials(value: &str) -> Option<(String, String)> {
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).ok()?;
    let (id, secret) = std::str::from_utf8(&decoded).ok()?.split_once(':')?;
    Some((id.to_string(), secret.to_string()))
}

/// `BASE64URL(SHA256(verifier))`, PKCE's S256 method (RFC 7636 §4.2).
fn s256(verifier: &str) -> String {
    use sha2::Digest as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(verifier.as_bytes()))
}

/// The token endpoint's answer.
pub fn token_json(
    s: &Shared,
    token: &str,
    target: &Target,
    catalog_id: Option<&str>,
    customer_list_id: Option<&str>,
) -> Value {
    let world = &s.world;
    let mut v = json!({ "access_token": token, "token_type": "Bearer", "account_id": super::data::ACCOUNT_ID, "account_name": ACCOUNT_NAME });
    let null = s.options().null_unscoped_fields;
    let mut put = |key: &str, value: Option<String>| match value {
        Some(x) => v[key] = json!(x),
        None if null => v[key] = Value::Null,
        None => {}
    };
    let location = match target {
        Target::Location(n) => Some(&world.locations[*n]),
        Target::Account => None,
    };
    put("location_id", location.map(|l| l.id.clone()));
    put("location_name", location.map(|l| l.name.clone()));
    put("catalog_id", catalog_id.map(str::to_string));
    put("catalog_name", catalog_id.and_then(|c| world.catalog_name(c)));
    put("customer_list_id", customer_list_id.map(str::to_string));
    put("customer_list_name", customer_list_id.map(|_| CUSTOMER_LIST_NAME.to_string()));
    v
}

fn error(status: StatusCode, error_type: &str, message: &str) -> Response {
    (status, axum::Json(json!({ "error_type": error_type, "message": message }))).into_response()
}

fn bad_client() -> Response {
    error(StatusCode::UNAUTHORIZED, "unauthorized", "The client id or secret is incorrect")
}

async fn token(State(s): State<Arc<Shared>>, headers: HeaderMap, RawQuery(query): RawQuery, body: Bytes) -> Response {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    // The Ruby client sends JSON, the docs a form, one demo the query string: all work.
    let mut p: HashMap<String, String> = if json {
        serde_json::from_slice::<HashMap<String, Value>>(&body)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(k, v)| v.as_str().map(|v| (k, v.to_string())))
            .collect()
    } else {
        params(&body)
    };
    for (k, v) in params(query.unwrap_or_default().as_bytes()) {
        p.entry(k).or_insert(v);
    }
    let basic = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).map(basic_credentials);
    let credentials = match basic {
        Some(parsed) => parsed,
        None => p.get("client_id").zip(p.get("client_secret")).map(|(a, b)| (a.clone(), b.clone())),
    };
    if credentials.as_ref().is_none_or(|(id, secret)| id != CLIENT_ID || secret != CLIENT_SECRET) {
        return bad_client();
    }
    let bad_code = StatusCode::from_u16(s.options().bad_code_status).unwrap_or(StatusCode::BAD_REQUEST);
    let bad_type = if bad_code == StatusCode::NOT_FOUND { "not_found" } else { "bad_request" };
    let Some(code) = p.get("code").filter(|c| !c.is_empty()) else {
        return error(StatusCode::BAD_REQUEST, "bad_request", "The code parameter is missing");
    };
    // Zelty Bridge's codes are spent by the app itself, never with the CLI's client.
    match s.take_code(code).and_then(|g| if g.client == Client::Cli { Ok(g) } else { Err(CodeError::Unknown) }) {
        Err(CodeError::Unknown) => {
            error(bad_code, bad_type, "The authorization code is invalid or has already been used")
        }
        Err(CodeError::Expired) => error(bad_code, bad_type, "The authorization code has expired"),
        // PKCE (RFC 7636 §4.6): a code issued for a challenge needs its verifier.
        Ok(g) if g.code_challenge.as_ref().is_some_and(|c| p.get("code_verifier").is_none_or(|v| s256(v) != *c)) => {
            error(bad_code, bad_type, "The code verifier does not match the code challenge")
        }
        Ok(g) => {
            let token = s.issue_token(g.client, &g.target, g.device_id.as_deref());
            axum::Json(token_json(&s, &token, &g.target, g.catalog_id.as_deref(), g.customer_list_id.as_deref()))
                .into_response()
        }
    }
}

/// RFC 7009: an unknown token is not an error; the client credentials must be right.
async fn revoke(State(s): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    let basic = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(basic_credentials);
    if basic.is_none_or(|(id, secret)| id != CLIENT_ID || secret != CLIENT_SECRET) {
        return bad_client();
    }
    let Some(token) = params(&body).remove("token").filter(|t| !t.is_empty()) else {
        return error(StatusCode::BAD_REQUEST, "bad_request", "The token parameter is missing");
    };
    s.set_state(&token, ConnState::Revoked);
    axum::Json(json!({})).into_response()
}

#[cfg(test)]
mod tests {
    use super::super::data::CUSTOMER_LIST_ID;
    use super::*;

    #[test]
    fn basic_auth_table() {
        let enc = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        assert_eq!(basic_credentials(&format!("Basic {}", enc("id:se:cret"))), Some(("id".into(), "se:cret".into())));
        assert_eq!(basic_credentials(&format!("basic  {}", enc("id:"))), Some(("id".into(), "".into())));
        assert_eq!(basic_credentials(&format!("Bearer {}", enc("id:s"))), None);
        assert_eq!(basic_credentials(&format!("Basic {}", enc("no-colon"))), None);
        assert_eq!(basic_credentials("Basic !!!"), None);
        assert_eq!(basic_credentials("Basic"), None);
    }

    #[test]
    fn token_json_follows_the_scope() {
        let s = super::super::state::test_shared(2, false);
        let v = token_json(
            &s,
            "t",
            &Target::Location(1),
            Some(&s.world.account_catalog_id.clone()),
            Some(CUSTOMER_LIST_ID),
        );
        assert_eq!(
            (v["location_id"].as_str(), v["location_name"].as_str(), v["catalog_name"].as_str()),
            (Some("3r4s3-1"), Some("Lyon"), Some("Bella Pizza"))
        );
        assert_eq!(v["token_type"], "Bearer");
        let v = token_json(&s, "t", &Target::Account, None, None);
        assert!(v.get("location_id").is_none() && v.get("catalog_id").is_none() && v["account_id"] == "3r4s3");
        s.lock().options.null_unscoped_fields = true;
        let v = token_json(&s, "t", &Target::Account, None, None);
        assert!(v.get("location_id").is_some_and(Value::is_null));
    }
}
