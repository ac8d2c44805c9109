//! The Zelty side: checks on a pasted API key (before any network call) and the live
//! validation `GET /restaurants` with `Authorization: Bearer`; `pace` keeps every call
//! within Zelty's rate limit, `cache` asks each key once per run.

pub mod cache;
pub mod pace;

use crate::error::{Failure, Kind};
use crate::http::{Http, Idempotent, Service};
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
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub disable: bool,
}

#[derive(Deserialize)]
struct RestaurantsReply {
    restaurants: Vec<Restaurant>,
    #[serde(default)]
    errno: i64,
}

/// The restaurants this key sees: the live proof that the key works.
pub async fn restaurants(http: &Http, api: &str, key: &Secret) -> anyhow::Result<Vec<Restaurant>> {
    let url = format!("{}/restaurants", api.trim_end_matches('/'));
    let reply = http
        .send(Service::Zelty, Idempotent::Yes, |c| {
            c.get(&url).bearer_auth(key.expose()).header("Accept", "application/json")
        })
        .await?;
    match reply.status.as_u16() {
        200 => {}
        401 | 403 => {
            return Err(Failure::new(Kind::Rejected, "zelty_key_rejected", Msg::ZeltyKeyRejected.text())
                .hint(Msg::ZeltyKeyRejectedHint.text())
                .detail(format!("HTTP {}", reply.status))
                .into());
        }
        _ => {
            return Err(Failure::new(
                Kind::Unexpected,
                "zelty_unexpected_status",
                Msg::UnexpectedStatus.with("service", "Zelty").with("status", reply.status),
            )
            .hint(Msg::CheckEndpointHint.with("var", "ZELTY_BRIDGE_ZELTY_API_URL"))
            .detail(reply.excerpt())
            .into());
        }
    }
    let parsed: RestaurantsReply = reply.json(Service::Zelty)?;
    if parsed.errno != 0 {
        return Err(Failure::new(Kind::Rejected, "zelty_error", Msg::ZeltyErrno.with("errno", parsed.errno))
            .detail(reply.excerpt())
            .into());
    }
    if parsed.restaurants.is_empty() {
        return Err(Failure::new(Kind::Rejected, "zelty_no_restaurant", Msg::ZeltyNoRestaurant.text())
            .hint(Msg::ZeltyKeyRejectedHint.text())
            .into());
    }
    Ok(parsed.restaurants)
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
    fn every_refusal_has_a_hint() {
        for input in
            ["", "MTY123******IHA=", "a b", "MTIz", "QUFB".repeat(100).as_str(), "MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEjQ"]
        {
            assert!(check_key(input).unwrap_err().hint.is_some(), "{input:?}");
        }
    }
}
