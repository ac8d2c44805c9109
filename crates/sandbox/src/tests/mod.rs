//! End-to-end checks of the sandbox over real loopback HTTP, as the CLI and the tests
//! will use it: OAuth, API, Zelty, faults, the request log, the Zelty Bridge app in the
//! back office, the order flow, and `click`, the browser the tests use.

mod bridge;
mod browser;
mod faults;
mod hubrise;
mod orders;
mod zelty;

use super::{Sandbox, SandboxConfig};
use reqwest::{Client, Response};
use serde_json::Value;
use std::sync::LazyLock;
use std::time::Duration;

pub const SCOPE: &str = "location[orders.write,customer_list.write,catalog.write,inventory.write]";

pub async fn sandbox() -> Sandbox {
    super::start(SandboxConfig::default()).await.unwrap()
}

/// One client for every test: building one loads the system's TLS roots, so a client
/// per request made the rate-limit test take most of the suite's time. No idle connection is kept: each test has its own runtime, and a pooled
/// connection would outlive the runtime that drives it.
static CLIENT: LazyLock<Client> = LazyLock::new(|| {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
});

/// The shared client: it never follows redirects nor uses a proxy, like the CLI's.
pub fn client() -> Client {
    CLIENT.clone()
}

pub async fn json(r: Response) -> Value {
    r.json().await.unwrap()
}

/// `POST /_sandbox/<path>` with a JSON body.
pub async fn admin(sb: &Sandbox, path: &str, body: Value) -> Response {
    client().post(format!("{}/_sandbox/{path}", sb.endpoints.hubrise_manager)).json(&body).send().await.unwrap()
}

pub fn authorize_url(sb: &Sandbox, redirect_uri: &str, scope: &str, state: &str) -> String {
    let mut url = url::Url::parse(&format!("{}/authorize", sb.endpoints.hubrise_oauth)).unwrap();
    url.query_pairs_mut()
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("client_id", &sb.client_id)
        .append_pair("scope", scope)
        .append_pair("state", state);
    url.to_string()
}

/// Submits the consent form and returns the redirect's `Location`.
pub async fn decide(sb: &Sandbox, redirect_uri: &str, scope: &str, state: &str, extra: &[(&str, &str)]) -> Response {
    let mut form =
        vec![("client_id", sb.client_id.as_str()), ("redirect_uri", redirect_uri), ("scope", scope), ("state", state)];
    form.extend_from_slice(extra);
    client().post(format!("{}/authorize", sb.endpoints.hubrise_oauth)).form(&form).send().await.unwrap()
}

pub fn query_of(location: &str) -> std::collections::HashMap<String, String> {
    url::Url::parse(location).unwrap().query_pairs().into_owned().collect()
}

/// A code for the first location, the account catalog and the customer list.
pub async fn code(sb: &Sandbox) -> String {
    let world = &sb.shared.world;
    let extra = [
        ("decision", "allow"),
        ("location_id", world.locations[0].id.as_str()),
        ("catalog_id", world.account_catalog_id.as_str()),
        ("customer_list_id", "xab66"),
    ];
    let r = decide(sb, "http://127.0.0.1:9/callback", SCOPE, "st", &extra).await;
    assert_eq!(r.status(), 302);
    query_of(r.headers()["location"].to_str().unwrap())["code"].clone()
}

pub async fn exchange(sb: &Sandbox, code: &str) -> Response {
    client()
        .post(format!("{}/token", sb.endpoints.hubrise_oauth))
        .basic_auth(&sb.client_id, Some(&sb.client_secret))
        .form(&[("code", code)])
        .send()
        .await
        .unwrap()
}

pub async fn api_get(sb: &Sandbox, path: &str, token: &str) -> Response {
    client().get(format!("{}{path}", sb.endpoints.hubrise_api)).header("X-Access-Token", token).send().await.unwrap()
}

pub async fn mint(sb: &Sandbox, body: Value) -> String {
    json(admin(sb, "tokens", body).await).await["access_token"].as_str().unwrap().to_string()
}
