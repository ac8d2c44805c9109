//! HubRise OAuth 2.0 as documented (https://www.hubrise.com/developers/api/authentication):
//! the authorize URL, a `state` of 256 random bits, the token exchange (form `code`, client
//! credentials in HTTP Basic) and revocation. HubRise documents no PKCE and no refresh
//! tokens; tokens never expire. PKCE (RFC 7636, https://www.rfc-editor.org/rfc/rfc7636) is
//! sent only when `ZELTY_BRIDGE_PKCE=1` asks for it, since HubRise does not say it accepts it.

use super::error::HubriseError;
use crate::error::{Failure, Kind};
use crate::http::{Body, Http, Idempotent, Reply, Service};
use crate::i18n::Msg;
use crate::secret::Secret;
use crate::server_text::ServerText;
use serde::Deserialize;

/// The scope of the watch: it only reads (the orders that prove Zelty Bridge works, the
/// catalog and customer list it names). Zelty Bridge asks for its own write access with
/// its own client.
pub const DEFAULT_SCOPE: &str = "location[orders.read,catalog.read,customer_list.read]";

/// The documented installed-app redirect: HubRise shows the code for the user to paste.
pub const OOB_REDIRECT: &str = "urn:ietf:wg:oauth:2.0:oob";

/// The OAuth client (installed-app workflow: shipped with the binary or configured).
#[derive(Debug, Clone)]
pub struct OAuthClient {
    pub id: String,
    pub secret: Secret,
}

/// 256 random bits, hex: unguessable, and safe in a URL as is.
pub fn new_state() -> anyhow::Result<String> {
    crate::secret::random_hex(32).map_err(|e| anyhow::anyhow!("no randomness from the OS: {e}"))
}

/// A PKCE pair (RFC 7636): the verifier stays here until the token exchange; only its
/// S256 challenge goes through the browser, so a code taken on the way is useless.
pub struct Pkce {
    pub verifier: Secret,
    pub challenge: String,
}

impl Pkce {
    /// 32 random bytes as unpadded base64url (43 characters, §4.1), and their challenge.
    pub fn new() -> anyhow::Result<Pkce> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness from the OS: {e}"))?;
        let verifier = base64url(&bytes);
        let challenge = s256(&verifier);
        Ok(Pkce { verifier: Secret::new(verifier), challenge })
    }
}

/// `BASE64URL(SHA256(verifier))`, the S256 method of RFC 7636 §4.2.
pub fn s256(verifier: &str) -> String {
    use sha2::Digest as _;
    base64url(&sha2::Sha256::digest(verifier.as_bytes()))
}

fn base64url(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What an authorization asks for.
pub struct Authorize<'a> {
    pub client_id: &'a str,
    pub redirect_uri: &'a str,
    pub scope: &'a str,
    pub state: &'a str,
    /// Per profile: without it, a second profile on the same location gets the same token.
    pub device_id: Option<&'a str>,
    /// PKCE's S256 challenge, when it is used.
    pub code_challenge: Option<&'a str>,
}

/// The authorize URL, parameters in the documented order, form-encoded as HubRise's own
/// Ruby client does (`location[a,b]` becomes `location%5Ba%2Cb%5D`).
pub fn authorize_url(oauth_base: &str, a: &Authorize) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query
        .append_pair("redirect_uri", a.redirect_uri)
        .append_pair("client_id", a.client_id)
        .append_pair("scope", a.scope)
        .append_pair("state", a.state);
    if let Some(device) = a.device_id {
        query.append_pair("device_id", device);
    }
    if let Some(challenge) = a.code_challenge {
        query.append_pair("code_challenge", challenge).append_pair("code_challenge_method", "S256");
    }
    let query = query.finish();
    format!("{}/authorize?{query}", oauth_base.trim_end_matches('/'))
}

/// Checks a scope's syntax (https://www.hubrise.com/developers/api/authentication, "OAuth Scopes") before sending anyone to a page that
/// would refuse it: one access level, `location[…]` or `account[…]`, with `resource.read|
/// write` permissions, optionally followed or preceded by `profile`/`profile_with_email`.
pub fn check_scope(scope: &str) -> Result<ScopeLevel, Failure> {
    let bad =
        || Failure::new(Kind::Usage, "bad_scope", Msg::BadScope.with("scope", scope)).hint(Msg::BadScopeHint.text());
    let mut level = None;
    let mut rest = scope.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("profile_with_email").or_else(|| rest.strip_prefix("profile")) {
            rest = after;
        } else {
            let (name, after) = rest.split_once('[').ok_or_else(bad)?;
            let (perms, after) = after.split_once(']').ok_or_else(bad)?;
            let this = match name {
                "location" => ScopeLevel::Location,
                "account" => ScopeLevel::Account,
                _ => return Err(bad()),
            };
            if level.replace(this).is_some() || !perms.split(',').all(valid_permission) {
                return Err(bad());
            }
            rest = after;
        }
        rest = match rest.strip_prefix(',') {
            Some(r) if !r.is_empty() => r,
            Some(_) => return Err(bad()),
            None if rest.is_empty() => rest,
            None => return Err(bad()),
        };
    }
    level.ok_or_else(bad)
}

fn valid_permission(p: &str) -> bool {
    const RESOURCES: [&str; 6] =
        ["orders", "customer_list", "catalog", "inventory", "all_customer_lists", "all_catalogs"];
    p.split_once('.').is_some_and(|(r, a)| RESOURCES.contains(&r) && (a == "read" || a == "write"))
}

/// Which kind of token a scope yields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeLevel {
    Location,
    Account,
}

/// What the token endpoint answers (https://www.hubrise.com/developers/api/authentication, "Get the access token"); fields outside the scope may be
/// absent or null.
#[derive(Debug, Clone)]
pub struct Grant {
    pub token: Secret,
    pub location_id: Option<String>,
    pub catalog_id: Option<String>,
    pub customer_list_id: Option<String>,
    /// The names the token endpoint gives with the ids, so that no rate-limited
    /// `GET /catalogs/:id` is needed to learn them.
    pub catalog_name: Option<String>,
    pub customer_list_name: Option<String>,
}

/// Every field but the token is a server's words, printed and stored: each becomes
/// `ServerText` once the token is known as a secret, so that an echo of it is cut too.
#[derive(Deserialize)]
struct TokenReply {
    access_token: String,
    #[serde(default)]
    location_id: Option<String>,
    #[serde(default)]
    catalog_id: Option<String>,
    #[serde(default)]
    customer_list_id: Option<String>,
    #[serde(default)]
    catalog_name: Option<String>,
    #[serde(default)]
    customer_list_name: Option<String>,
}

/// Exchanges an authorization code for a token. The code is single-use, so a failure after
/// the request left is not retried.
pub async fn exchange(
    http: &Http,
    oauth_base: &str,
    client: &OAuthClient,
    code: &Secret,
    verifier: Option<&Secret>,
) -> anyhow::Result<Grant> {
    let url = format!("{}/token", oauth_base.trim_end_matches('/'));
    // An echoed `Authorization: Basic` header must be cut out of any error too.
    crate::secret::remember_basic_auth(&client.id, &client.secret);
    let mut form = vec![("code", code.expose())];
    form.extend(verifier.map(|v| ("code_verifier", v.expose())));
    let reply = http
        .send(Service::HubRise, Idempotent::No, |c| {
            c.post(&url).basic_auth(&client.id, Some(client.secret.expose())).form(&form)
        })
        .await?;
    if reply.status.as_u16() != 200 {
        return Err(Failure::from(oauth_failure(&reply, "token")).into());
    }
    let raw: TokenReply = reply.json(Service::HubRise)?;
    if raw.access_token.trim().is_empty() {
        return Err(Failure::from(HubriseError::NoToken).into());
    }
    let token = Secret::new(raw.access_token);
    let text = |field: Option<String>| field.map(|f| ServerText::new(&f).into_string());
    Ok(Grant {
        token,
        location_id: text(raw.location_id),
        catalog_id: text(raw.catalog_id),
        customer_list_id: text(raw.customer_list_id),
        catalog_name: text(raw.catalog_name),
        customer_list_name: text(raw.customer_list_name),
    })
}

/// Revokes a token (https://www.hubrise.com/developers/api/authentication, "Revoke a token"): 200 means it can no longer be used.
pub async fn revoke(http: &Http, oauth_base: &str, client: &OAuthClient, token: &Secret) -> anyhow::Result<()> {
    let url = format!("{}/revoke", oauth_base.trim_end_matches('/'));
    crate::secret::remember_basic_auth(&client.id, &client.secret);
    let reply = http
        .send_with(Service::HubRise, Idempotent::Yes, Body::IgnoredOnSuccess, |c| {
            c.post(&url).basic_auth(&client.id, Some(client.secret.expose())).form(&[("token", token.expose())])
        })
        .await?;
    match reply.status.as_u16() {
        200..=299 => Ok(()),
        _ => Err(Failure::from(oauth_failure(&reply, "revoke")).into()),
    }
}

/// 400: the code expired or was used; 401: the client id or secret is wrong; 404: the
/// official Ruby client's "invalid grant parameters".
fn oauth_failure(reply: &Reply, endpoint: &'static str) -> HubriseError {
    match reply.status.as_u16() {
        400 => HubriseError::InvalidCode { endpoint },
        401 => HubriseError::InvalidClient { endpoint },
        404 => HubriseError::InvalidGrant { endpoint },
        status => HubriseError::Status { status, endpoint: Some(endpoint), excerpt: reply.excerpt() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorize_url_is_form_encoded_in_the_documented_order() {
        let a = |redirect_uri, scope, device_id| Authorize {
            client_id: "459691768564.clients.hubrise.com",
            redirect_uri,
            scope,
            state: "abc123",
            device_id,
            code_challenge: None,
        };
        let url = authorize_url(
            "https://manager.hubrise.com/oauth2/v1/",
            &a("http://127.0.0.1:4567/callback", DEFAULT_SCOPE, Some("d3v1ce")),
        );
        assert_eq!(
            url,
            "https://manager.hubrise.com/oauth2/v1/authorize?redirect_uri=http%3A%2F%2F127.0.0.1%3A4567%2Fcallback&client_id=459691768564.clients.hubrise.com&scope=location%5Borders.read%2Ccatalog.read%2Ccustomer_list.read%5D&state=abc123&device_id=d3v1ce"
        );
        let oob = authorize_url("https://m/oauth2/v1", &a(OOB_REDIRECT, "profile", None));
        assert!(oob.contains("redirect_uri=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob"), "{oob}");
        assert!(!oob.contains("device_id"), "{oob}");
    }

    #[test]
    fn pkce_matches_rfc_7636_and_is_sent_only_when_asked() {
        // RFC 7636, Appendix B.
        assert_eq!(s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        let pkce = Pkce::new().unwrap();
        assert_eq!(pkce.verifier.expose().len(), 43);
        assert_eq!(pkce.challenge, s256(pkce.verifier.expose()));
        let a = |code_challenge| Authorize {
            client_id: "c",
            redirect_uri: OOB_REDIRECT,
            scope: DEFAULT_SCOPE,
            state: "s",
            device_id: None,
            code_challenge,
        };
        let url = authorize_url("https://m/oauth2/v1", &a(Some(&pkce.challenge)));
        assert!(url.ends_with(&format!("&code_challenge={}&code_challenge_method=S256", pkce.challenge)), "{url}");
        assert!(!url.contains(pkce.verifier.expose()));
        assert!(!authorize_url("https://m/oauth2/v1", &a(None)).contains("code_challenge"));
    }

    #[test]
    fn the_watch_only_reads() {
        let perms = DEFAULT_SCOPE.trim_start_matches("location[").trim_end_matches(']');
        assert!(perms.split(',').all(|p| p.ends_with(".read")), "{DEFAULT_SCOPE}");
        assert_eq!(check_scope(DEFAULT_SCOPE).unwrap(), ScopeLevel::Location);
    }

    #[test]
    fn state_has_256_bits_and_differs_each_time() {
        let (a, b) = (new_state().unwrap(), new_state().unwrap());
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn scope_table() {
        use ScopeLevel::*;
        for (scope, want) in [
            (DEFAULT_SCOPE, Some(Location)),
            ("location[orders.read,customer_list.read]", Some(Location)),
            ("account[customer_list.read],profile", Some(Account)),
            ("profile,location[orders.write]", Some(Location)),
            ("account[all_catalogs.read]", Some(Account)),
            ("profile", None),
            ("", None),
            ("location[orders.write],account[orders.write]", None),
            ("location[orders.delete]", None),
            ("location[pizzas.write]", None),
            ("location[orders.write", None),
            ("location[orders.write],", None),
            ("shop[orders.write]", None),
            ("location[orders.write]x", None),
        ] {
            assert_eq!(check_scope(scope).ok(), want, "{scope}");
        }
    }
}
