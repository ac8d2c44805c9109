//! The Zelty side: checks on a pasted API key (before any network call) and the live
//! validation `GET /restaurants` with `Authorization: Bearer`; `pace` keeps every call
//! within Zelty's rate limit, `cache` asks each key once per run.

pub mod cache;
pub mod error;
pub mod pace;

pub use error::ZeltyError;

use crate::error::{Failure, Kind};
use crate::http::{Http, Idempotent, Reply, Service};
use crate::i18n::Msg;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// Observed keys are 36–40 characters (base64 of `<digits>:` and 20 random bytes); these
/// bounds only catch what cannot be a key (a truncated paste, a whole page).
pub const MIN_KEY_LEN: usize = 24;
pub const MAX_KEY_LEN: usize = 256;

/// Trims a pasted key and checks its shape. Each refusal has its own code and hint.
pub fn check_key(raw: &str) -> Result<Secret, Failure> {
    let key = raw.trim();
    let refuse = |code, msg: Msg, hint: Msg| Err(Failure::new(Kind::Usage, code, msg.text()).hint(hint.text()));
    if key.is_empty() {
        return refuse("empty_key", Msg::ZeltyKeyEmpty, Msg::ZeltyKeyWhereHint);
    }
    // Zelty shows an already generated key as `MTY123******IHA=`; some browsers copy
    // bullets or an ellipsis instead of asterisks.
    if key.contains(['*', '•', '…']) {
        return refuse("masked_key", Msg::ZeltyKeyMasked, Msg::ZeltyKeyMaskedHint);
    }
    if key.chars().any(char::is_whitespace) {
        return refuse("key_has_spaces", Msg::ZeltyKeySpaces, Msg::ZeltyKeyWhereHint);
    }
    if key.len() < MIN_KEY_LEN {
        return Err(Failure::new(
            Kind::Usage,
            "key_too_short",
            Msg::ZeltyKeyTooShort.with("len", key.chars().count()).with("min", MIN_KEY_LEN),
        )
        .hint(Msg::ZeltyKeyWhereHint.text()));
    }
    if key.len() > MAX_KEY_LEN {
        return Err(Failure::new(
            Kind::Usage,
            "key_too_long",
            Msg::ZeltyKeyTooLong.with("len", key.chars().count()).with("max", MAX_KEY_LEN),
        )
        .hint(Msg::ZeltyKeyWhereHint.text()));
    }
    if !is_base64_shaped(key) {
        return refuse("key_not_base64", Msg::ZeltyKeyNotBase64, Msg::ZeltyKeyWhereHint);
    }
    Ok(Secret::new(key))
}

/// Standard base64 with `=` padding: the alphabet, a length that is a multiple of four,
/// and at most two `=` only at the end.
pub fn is_base64_shaped(s: &str) -> bool {
    let body = s.trim_end_matches('=');
    let padding = s.len() - body.len();
    s.len().is_multiple_of(4)
        && padding <= 2
        && !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

/// A restaurant the key can see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Restaurant {
    pub id: i64,
    // Shown in the terminal: no escape sequence from the server gets there.
    #[serde(default, deserialize_with = "crate::server_text::string")]
    pub name: String,
    #[serde(default)]
    pub disable: bool,
}

#[derive(Deserialize)]
struct RestaurantsReply {
    restaurants: Vec<Restaurant>,
}

/// Every answer of Zelty's: its own fields and `errno` (0 is success).
#[derive(Deserialize)]
struct Answer<T> {
    #[serde(flatten)]
    body: T,
    #[serde(default)]
    errno: i64,
}

/// GETs `path` with the key, taking the key's turn, and decodes the answer; a refusal or a
/// non-zero `errno` is its documented failure.
async fn get<T: serde::de::DeserializeOwned>(http: &Http, api: &str, key: &Secret, path: &str) -> anyhow::Result<T> {
    let http = &paced(http, key);
    let url = format!("{}{path}", api.trim_end_matches('/'));
    let reply = http
        .send(Service::Zelty, Idempotent::Yes, |c| {
            c.get(&url).bearer_auth(key.expose()).header("Accept", "application/json")
        })
        .await?;
    refused(&reply).map_err(Failure::from)?;
    let parsed: Answer<T> = reply.json(Service::Zelty)?;
    if parsed.errno != 0 {
        return Err(Failure::from(ZeltyError::of_errno(parsed.errno, None)).into());
    }
    Ok(parsed.body)
}

/// The restaurants this key sees: the live proof that the key works.
pub async fn restaurants(http: &Http, api: &str, key: &Secret) -> anyhow::Result<Vec<Restaurant>> {
    let parsed: RestaurantsReply = get(http, api, key, "/restaurants").await?;
    if parsed.restaurants.is_empty() {
        return Err(Failure::from(ZeltyError::NoRestaurant).into());
    }
    Ok(parsed.restaurants)
}

/// `http` with its Zelty calls taking `key`'s turns: the caller's pacing when it has one
/// (a run's lanes), else the process's.
fn paced(http: &Http, key: &Secret) -> Http {
    if http.is_paced() { http.clone() } else { http.pacing(pace::global().lane(key)) }
}

/// Zelty's answer to anything but a 200, by its documented `errno` (Zelty's API reference,
/// https://docs.zelty.fr, "Erreurs"): 5 (HTTP 403) is a wrong or revoked key, 4 an unknown
/// API version. A 401 is taken as a refused key too.
fn refused(reply: &Reply) -> Result<(), ZeltyError> {
    if reply.status.as_u16() == 200 {
        return Ok(());
    }
    let errno = serde_json::from_slice::<ErrnoBody>(&reply.body).ok().map(|b| b.errno);
    let http = Some(format!("HTTP {}", reply.status));
    match (reply.status.as_u16(), errno) {
        (401 | 403, Some(5) | None) | (401, _) => Err(ZeltyError::KeyRejected { http }),
        (_, Some(errno)) if errno != 0 => Err(ZeltyError::of_errno(errno, http)),
        (status, _) => Err(ZeltyError::Status { status, excerpt: reply.excerpt() }),
    }
}

#[derive(Deserialize)]
struct ErrnoBody {
    #[serde(default)]
    errno: i64,
}

/// The hosts of the webhook targets Zelty has for this key's account (`GET /webhooks`, in
/// Zelty's API reference https://docs.zelty.fr, "Webhooks"). An integration configured with
/// the key, as Zelty Bridge is, subscribes its own targets. The answer also carries the
/// account's webhook `secret_key`: it is never read into a field, printed or kept.
pub async fn webhook_hosts(http: &Http, api: &str, key: &Secret) -> anyhow::Result<Vec<String>> {
    let parsed: WebhooksReply = get(http, api, key, "/webhooks").await?;
    Ok(hosts_of(&parsed.webhooks))
}

#[derive(Deserialize)]
struct WebhooksReply {
    /// `{"<event>": {"target": URL, "version": "v2"}}`; an account with none may answer
    /// an empty list.
    #[serde(default)]
    webhooks: serde_json::Value,
}

/// The distinct hosts of the targets, sorted: a target's path may carry a token, its host
/// says who receives the events.
pub(crate) fn hosts_of(webhooks: &serde_json::Value) -> Vec<String> {
    let targets: Vec<&serde_json::Value> = match webhooks {
        serde_json::Value::Object(map) => map.values().collect(),
        serde_json::Value::Array(list) => list.iter().collect(),
        _ => Vec::new(),
    };
    let mut hosts: Vec<String> = targets
        .into_iter()
        .filter_map(|w| w.get("target").and_then(|t| t.as_str()))
        .filter_map(|t| url::Url::parse(t).ok())
        .filter_map(|u| {
            u.host_str().map(|h| crate::server_text::ServerText::new(&h.to_ascii_lowercase()).into_string())
        })
        .collect();
    hosts.sort();
    hosts.dedup();
    hosts
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEjQ=";

    #[test]
    fn key_checks_table() {
        let table: &[(&str, Result<&str, &str>)] = &[
            (GOOD, Ok(GOOD)),
            ("  \t MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEjQ= \r\n", Ok(GOOD)),
            ("", Err("empty_key")),
            ("   \n", Err("empty_key")),
            ("MTY123******IHA=", Err("masked_key")),
            ("MTY123••••••IHA=", Err("masked_key")),
            ("MTIzNDU6q83vEjRW eJq83vEjRWeJq83vEjQ=", Err("key_has_spaces")),
            ("MTIzNDU6q83vEjRW\neJq83vEjRWeJq83vEjQ=", Err("key_has_spaces")),
            ("MTIzNDU6", Err("key_too_short")),
            (&"QUFB".repeat(100), Err("key_too_long")),
            ("MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEjQ", Err("key_not_base64")),
            ("MTIzNDU6q83vEjRWeJq83vEjRWeJq83v-_Q=", Err("key_not_base64")),
            ("MTIzNDU6q83vEjRWeJq83vEjRWeJq83=EjQ=", Err("key_not_base64")),
            ("MTIzNDU6q83vEjRWeJq83vEjRWeJq83vE===", Err("key_not_base64")),
            ("Bearer MTIzNDU6q83vEjRWeJq83vEjRWeJq8=", Err("key_has_spaces")),
        ];
        for (input, want) in table {
            let got = check_key(input).map(|s| s.expose().to_string()).map_err(|f| f.code);
            assert_eq!(got.as_deref().map_err(|c| *c), *want, "{input:?}");
        }
    }

    #[test]
    fn webhook_hosts_are_distinct_sorted_and_never_the_secret() {
        let body = serde_json::json!({
            "order.ended": {"target": "https://Zelty-Bridge.hubrise.com/zelty/hook?t=x", "version": "v2"},
            "catalog.push": {"target": "https://zelty-bridge.hubrise.com/zelty/catalog", "version": "v2"},
            "till.close": {"target": "https://other.example/till", "version": "v2"},
            "broken": {"target": "not a url"},
        });
        assert_eq!(hosts_of(&body), vec!["other.example", "zelty-bridge.hubrise.com"]);
        assert!(hosts_of(&serde_json::json!([])).is_empty());
        assert!(hosts_of(&serde_json::Value::Null).is_empty());
    }

    fn reply(status: u16, body: &str) -> Reply {
        Reply { status: reqwest::StatusCode::from_u16(status).unwrap(), body: body.as_bytes().to_vec(), date: None }
    }

    #[test]
    fn documented_errors_table() {
        for (status, body, code) in [
            (403, r#"{"errno":5,"errmsg":"Clef d'API incorrecte ou révoquée"}"#, Some("zelty_key_rejected")),
            (403, "", Some("zelty_key_rejected")),
            (401, r#"{"errno":0}"#, Some("zelty_key_rejected")),
            (400, r#"{"errno":4,"errmsg":"version"}"#, Some("zelty_api_version")),
            (418, "teapot", Some("zelty_unexpected_status")),
            (200, r#"{"errno":0}"#, None),
        ] {
            let refusal = refused(&reply(status, body)).err().map(Failure::from);
            assert_eq!(refusal.as_ref().map(|f| f.code), code, "{status} {body}");
            if let Some(f) = refusal {
                assert!(f.as_typed::<ZeltyError>().is_some(), "{status} {body}");
            }
        }
    }

    #[test]
    fn every_refusal_has_a_hint() {
        for input in
            ["", "MTY123******IHA=", "a b", "MTIz", "QUFB".repeat(100).as_str(), "MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEjQ"]
        {
            assert!(check_key(input).unwrap_err().hint.is_some(), "{input:?}");
        }
    }
}
