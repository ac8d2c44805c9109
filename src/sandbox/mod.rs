//! The embedded sandbox: a fake HubRise (back office + OAuth, and API) and a fake Zelty
//! (API + back office) on three loopback listeners, faithful to the references, with test
//! controls under `/_sandbox/`. Used by `--sandbox`, by `zelty-bridge sandbox`, and by
//! the integration tests and benchmarks.

mod admin;
mod api;
mod data;
mod faults;
mod ids;
mod layer;
mod manager;
mod net;
mod oauth;
mod options;
mod pages;
mod scope;
mod state;
#[cfg(test)]
mod tests;
mod token;
mod zelty;

use crate::i18n::Lang;
use crate::settings::Endpoints;
use anyhow::Context as _;
use axum::Router;
use axum::http::Uri;
use layer::Port;
use net::{Wire, WireListener};
use serde_json::{Value, json};
use state::{Inner, Shared};
use std::net::Ipv4Addr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub struct SandboxConfig {
    /// Language of the pages.
    pub lang: Lang,
    /// HubRise locations in the demo account.
    pub locations: usize,
    /// Zelty restaurants with one key each, besides the demo and multi keys.
    pub restaurants: usize,
    /// Added to every API and OAuth answer.
    pub latency: Duration,
    /// Enforce HubRise's per-token limits (500 a minute, 2,500 an hour, 10,000 a day) and
    /// Zelty's ~10 a second per key.
    pub rate_limits: bool,
    /// 0 picks a free port.
    pub hubrise_port: u16,
    pub api_port: u16,
    pub zelty_port: u16,
}

impl Default for SandboxConfig {
    fn default() -> SandboxConfig {
        SandboxConfig {
            lang: Lang::En,
            locations: 2,
            restaurants: 1,
            latency: Duration::ZERO,
            rate_limits: false,
            hubrise_port: 0,
            api_port: 0,
            zelty_port: 0,
        }
    }
}

pub struct Sandbox {
    pub endpoints: Endpoints,
    pub client_id: String,
    pub client_secret: String,
    pub demo_key: String,
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

async fn bind(port: u16, what: &str) -> anyhow::Result<TcpListener> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .await
        .with_context(|| format!("sandbox: cannot listen on 127.0.0.1:{port} ({what})"))
}

/// Starts the three listeners on 127.0.0.1 and serves until `shutdown` (or drop).
pub async fn start(config: SandboxConfig) -> anyhow::Result<Sandbox> {
    let manager = bind(config.hubrise_port, "HubRise back office and OAuth").await?;
    let api = bind(config.api_port, "HubRise API").await?;
    let zelty = bind(config.zelty_port, "Zelty").await?;
    let (p, q, z) = (manager.local_addr()?.port(), api.local_addr()?.port(), zelty.local_addr()?.port());
    let endpoints = Endpoints {
        hubrise_oauth: format!("http://127.0.0.1:{p}/oauth2/v1"),
        hubrise_api: format!("http://127.0.0.1:{q}/v1"),
        hubrise_manager: format!("http://127.0.0.1:{p}"),
        zelty_api: format!("http://127.0.0.1:{z}/2.10"),
        zelty_bo: format!("http://127.0.0.1:{z}"),
    };
    let (stop, stopping) = watch::channel(false);
    let shared = Arc::new(Shared {
        endpoints: endpoints.clone(),
        world: data::World::new(config.locations, config.restaurants),
        lang: config.lang,
        latency: config.latency,
        rate_limits: config.rate_limits,
        inner: Mutex::new(Inner::default()),
        stopping: stopping.clone(),
    });
    let routers = [
        (
            manager,
            Port::Manager,
            oauth::routes().merge(token::routes()).merge(manager::routes()).merge(admin::routes()),
        ),
        (api, Port::Api, api::routes()),
        (zelty, Port::Zelty, zelty::routes()),
    ];
    let tasks = routers
        .into_iter()
        .map(|(socket, port, routes)| {
            let unknown = move |axum::extract::State(s): axum::extract::State<Arc<Shared>>, uri: Uri| async move {
                fallback(&s, port, uri.path())
            };
            // A known path with the wrong method is an unknown route too (Rails-style).
            let app: Router = routes
                .fallback(unknown)
                .method_not_allowed_fallback(unknown)
                .layer(axum::middleware::from_fn_with_state((shared.clone(), port), layer::observe))
                .with_state(shared.clone());
            let mut stopping = stopping.clone();
            let serve = axum::serve(WireListener(socket), app.into_make_service_with_connect_info::<Wire>())
                .with_graceful_shutdown(async move {
                    let _ = stopping.wait_for(|stop| *stop).await;
                });
            tokio::spawn(async move {
                let _ = serve.await;
            })
        })
        .collect();
    Ok(Sandbox {
        endpoints,
        client_id: ids::CLIENT_ID.into(),
        client_secret: ids::CLIENT_SECRET.into(),
        demo_key: shared.world.demo_key.clone(),
        shared,
        stop,
        tasks,
    })
}

/// Each service's answer to an address it does not know.
fn fallback(s: &Shared, port: Port, path: &str) -> axum::response::Response {
    match port {
        Port::Api => api::routing_error(),
        Port::Zelty => zelty::not_found(s, path),
        Port::Manager if path.starts_with("/oauth2/") || path.starts_with("/_sandbox") => api::routing_error(),
        Port::Manager => pages::not_found(s.lang, "HubRise"),
    }
}

/// The sandbox's facts as JSON: endpoints, client, keys, demo data, where the controls are.
fn describe(s: &Shared) -> Value {
    let e = &s.endpoints;
    json!({
        "endpoints": e,
        "env": env_pairs(e).into_iter().collect::<serde_json::Map<_, _>>(),
        "client_id": ids::CLIENT_ID,
        "client_secret": ids::CLIENT_SECRET,
        "demo_key": s.world.demo_key,
        "multi_key": s.world.multi_key,
        "group_key": s.world.group_key,
        "keys": admin::keys_json(s),
        "controls": format!("{}/_sandbox", e.hubrise_manager),
        "account": { "id": data::ACCOUNT_ID, "name": data::ACCOUNT_NAME },
        "locations": s.world.locations.iter().map(|l| json!({ "id": l.id, "name": l.name, "catalog_id": l.catalog_id })).collect::<Vec<_>>(),
        "account_catalog_id": s.world.account_catalog_id,
        "customer_list_id": data::CUSTOMER_LIST_ID,
    })
}

fn env_pairs(e: &Endpoints) -> Vec<(String, Value)> {
    [
        ("ZELTY_BRIDGE_HUBRISE_OAUTH_URL", e.hubrise_oauth.as_str()),
        ("ZELTY_BRIDGE_HUBRISE_API_URL", &e.hubrise_api),
        ("ZELTY_BRIDGE_HUBRISE_MANAGER_URL", &e.hubrise_manager),
        ("ZELTY_BRIDGE_ZELTY_API_URL", &e.zelty_api),
        ("ZELTY_BRIDGE_ZELTY_BO_URL", &e.zelty_bo),
        ("ZELTY_BRIDGE_CLIENT_ID", ids::CLIENT_ID),
        ("ZELTY_BRIDGE_CLIENT_SECRET", ids::CLIENT_SECRET),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), Value::from(v)))
    .collect()
}

#[allow(dead_code)] // `keys`, `multi_key` and `shutdown` serve tests and benchmarks
impl Sandbox {
    /// `export …` lines for a POSIX shell, then comments with the keys and the controls.
    pub fn env_lines(&self) -> String {
        let mut out: String = env_pairs(&self.endpoints)
            .into_iter()
            .map(|(k, v)| format!("export {k}={}\n", v.as_str().unwrap_or_default()))
            .collect();
        out.push_str(&format!("# demo Zelty key: {}\n", self.demo_key));
        out.push_str(&format!("# Zelty key with 3 restaurants: {}\n", self.shared.world.multi_key));
        out.push_str(&format!("# test controls: {}/_sandbox\n", self.endpoints.hubrise_manager));
        out
    }

    pub fn to_json(&self) -> Value {
        describe(&self.shared)
    }

    /// `(restaurant id, key)` for every single-restaurant key: the demo key, then one per
    /// extra restaurant.
    pub fn keys(&self) -> Vec<(i64, String)> {
        self.shared.world.single_keys()
    }

    /// The key that sees three restaurants (for the restaurant-choice path).
    pub fn multi_key(&self) -> String {
        self.shared.world.multi_key.clone()
    }

    /// Plays the person at the consent page of `authorize_url` (one of this sandbox's):
    /// loads it, submits the first choice of each list with Allow or Deny, and follows the
    /// redirect to the app's loopback callback, as a browser would.
    pub async fn consent(&self, authorize_url: &str, approve: bool) -> anyhow::Result<()> {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(Duration::from_secs(15))
            .build()?;
        let page = client.get(authorize_url).send().await?;
        anyhow::ensure!(page.status().is_success(), "sandbox consent page answered {}", page.status());
        let url = url::Url::parse(authorize_url)?;
        let mut form: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| matches!(k.as_ref(), "client_id" | "redirect_uri" | "scope" | "state" | "device_id"))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let world = &self.shared.world;
        form.push(("location_id".into(), world.locations[0].id.clone()));
        form.push(("catalog_id".into(), world.account_catalog_id.clone()));
        form.push(("customer_list_id".into(), data::CUSTOMER_LIST_ID.into()));
        form.push(("decision".into(), if approve { "allow" } else { "deny" }.into()));
        let answer = client.post(format!("{}/authorize", self.endpoints.hubrise_oauth)).form(&form).send().await?;
        if answer.status() == reqwest::StatusCode::OK {
            return Ok(()); // the OOB page: the code is on it, for a person to copy
        }
        let location =
            answer.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok()).map(str::to_string);
        let location =
            location.with_context(|| format!("sandbox consent answered {} without a redirect", answer.status()))?;
        client.get(&location).send().await.context("the app's callback did not answer")?;
        Ok(())
    }

    /// Plays the person in the back office: connects Zelty Bridge on `location_id` and
    /// saves `zelty_key` in its configuration page.
    pub async fn configure_bridge_app(&self, location_id: &str, zelty_key: &str) -> anyhow::Result<()> {
        anyhow::bail!("the sandbox cannot connect Zelty Bridge yet ({location_id}, {} bytes)", zelty_key.len())
    }

    /// Plays the person at Zelty Bridge's « Actions »: disconnect, or block.
    pub async fn disconnect_bridge_app(&self, location_id: &str, block: bool) -> anyhow::Result<()> {
        anyhow::bail!("the sandbox cannot disconnect Zelty Bridge yet ({location_id}, {block})")
    }

    /// Stops serving; answers that hang give up, open connections get a moment to finish.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        for task in std::mem::take(&mut self.tasks) {
            let abort = task.abort_handle();
            if tokio::time::timeout(Duration::from_secs(2), task).await.is_err() {
                abort.abort();
            }
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}
