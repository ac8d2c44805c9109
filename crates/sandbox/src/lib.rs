//! The embedded sandbox: a fake HubRise (back office with the Zelty Bridge app, OAuth, and
//! API with orders) and a fake Zelty (API with webhooks, and back office) on three loopback
//! listeners, faithful to the services' public documentation. Used by `--sandbox`, by
//! `zelty-bridge sandbox`, and by the tests and benchmarks.
//!
//! Its own crate: the product links it for `--sandbox` and `zelty-bridge sandbox` and
//! reaches it through `start` and the `Sandbox` it returns (the endpoints and OAuth client
//! it serves, and `Sandbox::demo`, what a person would do in its pages). It shares only the
//! i18n machinery with the product. Test controls (faults, clock, request log, the
//! `/_sandbox/` admin API) exist only with the cargo feature `controls`, which the
//! product's tests enable.

#[cfg(feature = "controls")]
mod admin;
mod api;
mod bridge;
pub mod click;
mod data;
mod demo;

#[cfg(feature = "controls")]
mod faults;
mod i18n;
mod ids;
mod layer;
mod manager;
mod memory;
#[cfg(feature = "controls")]
mod net;
mod oauth;
mod options;
mod orders;
mod pages;
mod reply;
mod scope;
mod state;
#[cfg(test)]
mod tests;
mod token;
mod zelty;

pub use demo::{BridgeKeyRefused, Demo};
pub use i18n::Lang;
pub use zelty_bridge_endpoints::Endpoints;

use anyhow::Context as _;
use axum::Router;
use axum::http::Uri;
use layer::Port;
use serde_json::{Value, json};
use state::{Client, Shared, Target};
use std::net::Ipv4Addr;
use std::sync::Arc;
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
    /// Enforce HubRise's per-connection limits (500 a minute, 2,500 an hour, 10,000 a day;
    /// 10 a minute for orders and catalogs) and Zelty's one request a second per key.
    pub rate_limits: bool,
    /// A file where the sandbox remembers Zelty Bridge and the connections' states between
    /// processes (each `--sandbox` command is a process); `None` forgets at exit.
    pub memory: Option<std::path::PathBuf>,
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
            memory: None,
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
    /// The name HubRise shows for that client on CONNEXIONS.
    pub client_name: String,
    shared: Arc<Shared>,
    demo: Demo,
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
    let mut shared = Shared::new(
        endpoints.clone(),
        data::World::new(config.locations, config.restaurants),
        config.lang,
        config.latency,
        config.rate_limits,
        stopping.clone(),
    );
    if let Some(path) = config.memory {
        memory::load(&shared, &path);
        shared.memory = Some(path);
    }
    let shared = Arc::new(shared);
    let manager_routes = oauth::routes().merge(token::routes()).merge(manager::routes()).merge(bridge::routes());
    #[cfg(feature = "controls")]
    let manager_routes = manager_routes.merge(admin::routes());
    let routers = [
        (manager, Port::Manager, manager_routes),
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
                .layer(axum::middleware::from_fn_with_state(shared.clone(), layer::dated))
                .with_state(shared.clone());
            serve(socket, app, stopping.clone())
        })
        .collect();
    Ok(Sandbox {
        endpoints: endpoints.clone(),
        client_id: ids::CLIENT_ID.into(),
        client_secret: ids::CLIENT_SECRET.into(),
        client_name: ids::CLIENT_NAME.into(),
        demo: Demo::new(shared.clone(), endpoints)?,
        shared,
        stop,
        tasks,
    })
}

/// Serves one listener until `stopping` turns true. With the test controls, connections
/// go through a wire that a fault can cut.
fn serve(socket: TcpListener, app: Router, mut stopping: watch::Receiver<bool>) -> JoinHandle<()> {
    let until_stopped = async move {
        let _ = stopping.wait_for(|stop| *stop).await;
    };
    #[cfg(feature = "controls")]
    let serve = axum::serve(net::WireListener(socket), app.into_make_service_with_connect_info::<net::Wire>())
        .with_graceful_shutdown(until_stopped);
    #[cfg(not(feature = "controls"))]
    let serve = axum::serve(socket, app.into_make_service()).with_graceful_shutdown(until_stopped);
    tokio::spawn(async move {
        let _ = serve.await;
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

/// The sandbox's facts as JSON: endpoints, client, keys, demo data, ready-made tokens,
/// the Zelty Bridge app's addresses, and where the test controls are (when built in).
fn describe(s: &Shared) -> Value {
    let e = &s.endpoints;
    let (location_token, account_token) = ci_tokens(s);
    let mut v = json!({
        "endpoints": e,
        "env": env_pairs(e).into_iter().collect::<serde_json::Map<_, _>>(),
        "client_id": ids::CLIENT_ID,
        "client_secret": ids::CLIENT_SECRET,
        "demo_key": s.world.demo_key,
        "multi_key": s.world.multi_key,
        "group_key": s.world.group_key,
        "keys": keys_json(s),
        "account": { "id": data::ACCOUNT_ID, "name": data::ACCOUNT_NAME },
        "locations": s.world.locations.iter().map(|l| json!({ "id": l.id, "name": l.name, "catalog_id": l.catalog_id })).collect::<Vec<_>>(),
        "account_catalog_id": s.world.account_catalog_id,
        "customer_list_id": data::CUSTOMER_LIST_ID,
        "tokens": { "location": location_token, "location_id": s.world.locations[0].id, "account": account_token },
        "watch_client_name": ids::CLIENT_NAME,
        "order_flow": {
            "other_apps_order_every_secs": orders::ARRIVAL_EVERY_SECS,
            "other_apps_orders_before_start": { "count": 2, "newest_secs_before_start": orders::PAST_ARRIVALS_AGO_SECS },
            "handled_after_secs": orders::HANDLED_AFTER_SECS,
            "zelty_order_every_secs": orders::ZELTY_ORDER_EVERY_SECS,
            "pending_taken_at_configuration_secs": orders::PENDING_TAKEN_SECS,
            "utc_offset": &orders::iso8601(0)[19..],
        },
        "bridge_app": {
            "client_name": ids::BRIDGE_CLIENT_NAME,
            "connections_url": format!("{}/connections", e.hubrise_manager),
            "connect_url": format!("{}{}", e.hubrise_manager, bridge::CONNECT_PATH),
        },
    });
    if cfg!(feature = "controls") {
        v["controls"] = json!(format!("{}/_sandbox", e.hubrise_manager));
        v["control_routes"] = json!({
            "orders": {
                "method": "POST",
                "path": "/_sandbox/orders",
                "body": { "location_id": "required", "created_by": orders::OTHER_APP, "sku_ref": "101", "minutes_ago": 0 },
                "does": "adds an order of another app on the location, new when created; answers it as listed",
            },
            "clock": { "method": "POST", "path": "/_sandbox/clock", "body": { "advance_secs": "required" } },
        });
    }
    v
}

pub(crate) fn keys_json(s: &Shared) -> Value {
    s.world.single_keys().into_iter().map(|(id, key)| json!({ "restaurant_id": id, "key": key })).collect()
}

/// Device id of the tokens `zelty-bridge sandbox` prints, so that they stay distinct from
/// the ones a profile's `connect` gets on the same location.
const CI_DEVICE: &str = "sandbox-ci";

/// A location token (the first location) and an account token, as if a person had
/// authorized the CLI's client: for `HUBRISE_ACCESS_TOKEN` and a manifest's account token.
fn ci_tokens(s: &Shared) -> (String, String) {
    (
        s.issue_token(Client::Cli, &Target::Location(0), Some(CI_DEVICE)),
        s.issue_token(Client::Cli, &Target::Account, Some(CI_DEVICE)),
    )
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
        // The name the watch's client has on CONNEXIONS, for the wizard to name its row.
        ("ZELTY_BRIDGE_CLIENT_NAME", ids::CLIENT_NAME),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), Value::from(v)))
    .collect()
}

/// `value` as one word for a POSIX shell: as is when it is plain, else single-quoted.
fn shell_word(value: &str) -> String {
    let plain = value.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if plain { value.to_string() } else { format!("'{}'", value.replace('\'', "'\\''")) }
}

impl Sandbox {
    /// `export …` lines for a POSIX shell: the service addresses and client, then a
    /// location token (`HUBRISE_ACCESS_TOKEN`) and an account token
    /// (`HUBRISE_ACCOUNT_TOKEN`) for the CI path, then comments with the keys.
    pub fn env_lines(&self) -> String {
        let mut out: String = env_pairs(&self.endpoints)
            .into_iter()
            .map(|(k, v)| format!("export {k}={}\n", shell_word(v.as_str().unwrap_or_default())))
            .collect();
        let (location, account) = ci_tokens(&self.shared);
        let first = &self.shared.world.locations[0];
        out.push_str(&format!(
            "# a token of location {} ({}), for `connect` without a browser:\n",
            first.name, first.id
        ));
        out.push_str(&format!("export HUBRISE_ACCESS_TOKEN={location}\n"));
        out.push_str(&format!(
            "# a token of the whole account {}, for a manifest's account token:\n",
            data::ACCOUNT_NAME
        ));
        out.push_str(&format!("export HUBRISE_ACCOUNT_TOKEN={account}\n"));
        out.push_str("# the demo Zelty key (restaurant Bella Pizza Paris), for a manifest's zelty_api_key_env:\n");
        out.push_str(&format!("export ZELTY_SANDBOX_KEY={}\n", self.shared.world.demo_key));
        out.push_str(&format!("# demo Zelty key: {}\n", self.shared.world.demo_key));
        out.push_str(&format!("# Zelty key with 3 restaurants: {}\n", self.shared.world.multi_key));
        // `--restaurants N`: one key each, besides the demo key (the JSON lists them too).
        for (id, key) in self.shared.world.single_keys().into_iter().skip(1) {
            out.push_str(&format!("# Zelty key of restaurant {id}: {key}\n"));
        }
        out.push_str(&format!("# HubRise back office: {}/connections\n", self.endpoints.hubrise_manager));
        if cfg!(feature = "controls") {
            out.push_str(&format!("# test controls: {}/_sandbox\n", self.endpoints.hubrise_manager));
        }
        out
    }

    pub fn to_json(&self) -> Value {
        describe(&self.shared)
    }

    /// What a person would do in the sandbox's pages, done over HTTP: the demo key, the
    /// consent page, Zelty Bridge's connection and configuration.
    pub fn demo(&self) -> Demo {
        self.demo.clone()
    }

    /// `(restaurant id, key)` for every single-restaurant key: the demo key, then one per
    /// extra restaurant.
    #[cfg_attr(not(test), allow(dead_code))] // for the tests
    pub fn keys(&self) -> Vec<(i64, String)> {
        self.shared.world.single_keys()
    }

    /// The key that sees three restaurants (for the restaurant-choice path).
    #[cfg_attr(not(test), allow(dead_code))] // for the tests
    pub fn multi_key(&self) -> String {
        self.shared.world.multi_key.clone()
    }

    /// Stops serving; answers that hang give up, open connections get a moment to finish.
    #[cfg_attr(not(test), allow(dead_code))] // the product drops it instead
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
