//! The fake Zelty Bridge app: an App built by HubRise with its own OAuth client. Its
//! Connect URL runs HubRise's authorization with that client; its callback lands on its
//! configuration page: « Clé API » and « Terminer la configuration » (the key is checked
//! with Zelty), then the options and « Enregistrer », and « Réinitialiser la
//! configuration » back to the key page
//! (https://www.hubrise.com/fr/apps/zelty-bridge/connexion-hubrise and
//! https://www.hubrise.com/fr/apps/zelty-bridge/configuration). Once saved, the app
//! subscribes to the key's Zelty webhooks and sends the location's orders to Zelty (see
//! `orders`). Connecting it again where it is configured lands on its options, as the
//! real app keeps its settings until « Réinitialiser la configuration ».

use super::ids;
use super::manager::locale;
use super::memory;
use super::oauth::{lang_of, params};
use super::orders;
use super::pages::{self, t, w};
use super::state::{Client, ConnState, Install, Shared, Target};
use super::zelty;
use crate::i18n::{Lang, SandboxWeb};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use std::sync::Arc;
use zelty_bridge_i18n::html::escape;

type St = State<Arc<Shared>>;

/// The App's Connect URL (the real one is not published).
pub const CONNECT_PATH: &str = "/zelty-bridge/connect";
const CALLBACK_PATH: &str = "/zelty-bridge/oauth_callback";
const CONFIG_PATH: &str = "/zelty-bridge/configuration";
/// What Zelty Bridge asks for: it writes orders, catalogs, customers and inventory.
pub const SCOPE: &str = "location[orders.write,customer_list.write,catalog.write,inventory.write]";

pub fn callback_url(manager: &str) -> String {
    format!("{manager}{CALLBACK_PATH}")
}

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(CONNECT_PATH, get(connect))
        .route(CALLBACK_PATH, get(callback))
        .route(&format!("{CONFIG_PATH}/{{instance}}"), get(configuration).post(save))
        .route(&format!("{CONFIG_PATH}/{{instance}}/key"), axum::routing::post(finish))
        .route(&format!("{CONFIG_PATH}/{{instance}}/reset"), get(reset))
}

fn query(q: Option<String>) -> std::collections::HashMap<String, String> {
    params(q.unwrap_or_default().as_bytes())
}

/// « Connecter »: HubRise's authorization with Zelty Bridge's client.
async fn connect(State(s): St, RawQuery(q): RawQuery) -> Response {
    let lang = lang_of(&s, &query(q));
    let state = ids::random_hex(16);
    s.lock().bridge_states.insert(state.clone());
    let mut url = match url::Url::parse(&format!("{}/authorize", s.endpoints.hubrise_oauth)) {
        Ok(u) => u,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    url.query_pairs_mut()
        .append_pair("redirect_uri", &callback_url(&s.endpoints.hubrise_manager))
        .append_pair("client_id", Client::Bridge.id())
        .append_pair("scope", SCOPE)
        .append_pair("state", &state)
        .append_pair("locale", locale(lang));
    Redirect::to(url.as_str()).into_response()
}

fn config_url(instance: &str, lang: Lang) -> String {
    format!("{CONFIG_PATH}/{instance}?locale={}", locale(lang))
}

/// Back from HubRise: the code is spent by the app, the location gets its install.
async fn callback(State(s): St, RawQuery(q): RawQuery) -> Response {
    let p = query(q);
    let lang = lang_of(&s, &p);
    // A refusal comes back without `state`, as HubRise documents it.
    if p.contains_key("error") {
        return message(lang, StatusCode::OK, SandboxWeb::Refused);
    }
    let known = p.get("state").is_some_and(|st| s.lock().bridge_states.remove(st));
    let grant = p.get("code").and_then(|c| s.take_code(c).ok()).filter(|g| g.client == Client::Bridge);
    let (true, Some(grant)) = (known, grant) else {
        return pages::bad_request(lang, crate::i18n::Web::ErrChoice.with("name", "code"));
    };
    let Target::Location(location) = grant.target else {
        return pages::bad_request(lang, crate::i18n::Web::ErrChoice.with("name", "location_id"));
    };
    let token = s.issue_token(Client::Bridge, &grant.target, None);
    let now = s.now().as_secs();
    let instance = {
        let mut inner = s.lock();
        let install = inner.installs.entry(location).or_insert_with(|| Install {
            instance: ids::random_hex(8),
            location,
            token: token.clone(),
            key: None,
            saved_at: None,
            pull_orders: false,
            stretches: Vec::new(),
        });
        install.token = token;
        let instance = install.instance.clone();
        orders::record(&mut inner, now, None);
        instance
    };
    memory::save(&s);
    Redirect::to(&config_url(&instance, lang)).into_response()
}

/// A page with one sentence and a link back to the connections.
fn message(lang: Lang, status: StatusCode, text: SandboxWeb) -> Response {
    let b = format!(
        "<p id=\"message\">{}</p>\n<p><a href=\"/connections?locale={}\">{}</a></p>\n",
        w(lang, text),
        locale(lang),
        w(lang, SandboxWeb::BackToConnections)
    );
    pages::html(status, pages::page(lang, "Zelty Bridge", &SandboxWeb::ConfigTitle.render(lang), &b))
}

/// The install behind a page address, if the app is still connected there.
fn install_of(s: &Shared, instance: &str) -> Option<(Install, ConnState)> {
    let mut inner = s.lock();
    let install = inner.install_mut(instance)?.clone();
    let state = inner.connections.get(&install.token).map(|c| c.state)?;
    (state != ConnState::Revoked).then_some((install, state))
}

async fn configuration(State(s): St, Path(instance): Path<String>, RawQuery(q): RawQuery) -> Response {
    let p = query(q);
    let lang = lang_of(&s, &p);
    let Some((install, state)) = install_of(&s, &instance) else {
        return message(lang, StatusCode::FORBIDDEN, SandboxWeb::NotConnected);
    };
    let note = (state == ConnState::Blocked).then_some(SandboxWeb::BlockedNote);
    match &install.key {
        None => key_page(&s, lang, &install, StatusCode::OK, None),
        Some(key) => {
            options_page(&s, lang, &install, key, note.or(p.contains_key("saved").then_some(SandboxWeb::Saved)))
        }
    }
}

fn location_line(s: &Shared, lang: Lang, install: &Install) -> String {
    let l = &s.world.locations[install.location];
    format!(
        "<p id=\"location\" data-location=\"{}\">{}</p>\n",
        escape(&l.id),
        t(lang, SandboxWeb::ConfigLocation.with("location", format!("{} ({})", l.name, l.id)))
    )
}

/// « Clé API » and « Terminer la configuration ».
fn key_page(s: &Shared, lang: Lang, install: &Install, status: StatusCode, error: Option<SandboxWeb>) -> Response {
    let mut b = location_line(s, lang, install);
    if let Some(e) = error {
        b.push_str(&format!("<p id=\"error\">{}</p>\n", w(lang, e)));
    }
    b.push_str(&format!(
        "<form id=\"api-key\" method=\"post\" action=\"{CONFIG_PATH}/{}/key\">\n<input type=\"hidden\" name=\"locale\" value=\"{}\">\n<p><label for=\"api_key\">{}</label>\n<input id=\"api_key\" name=\"api_key\" type=\"password\" autocomplete=\"off\"></p>\n<p class=\"hint\">{}</p>\n<p><button type=\"submit\" id=\"finish\">{}</button></p>\n</form>\n",
        escape(&install.instance),
        locale(lang),
        w(lang, SandboxWeb::ApiKey),
        w(lang, SandboxWeb::ApiKeyHelp),
        w(lang, SandboxWeb::Finish)
    ));
    pages::html(status, pages::page(lang, "Zelty Bridge", &SandboxWeb::ConfigTitle.render(lang), &b))
}

/// The restaurants a key reaches, as the options page names them: `Name (id), …`.
pub fn restaurants_of(key: &crate::data::ZeltyKey) -> String {
    key.restaurants.iter().map(|r| format!("{} ({})", r.name, r.id)).collect::<Vec<_>>().join(", ")
}

/// The options, « Enregistrer », and « Réinitialiser la configuration ».
fn options_page(s: &Shared, lang: Lang, install: &Install, key: &str, note: Option<SandboxWeb>) -> Response {
    let mut b = location_line(s, lang, install);
    if let Some(n) = note {
        b.push_str(&format!("<p id=\"notice\">{}</p>\n", w(lang, n)));
    }
    let restaurant = s.world.key(key).map(restaurants_of);
    b.push_str(&format!(
        "<p id=\"key-accepted\">{}</p>\n",
        t(lang, SandboxWeb::KeyAccepted.with("restaurant", restaurant.unwrap_or_default()))
    ));
    let checkbox = |name: &str, label: SandboxWeb, on: bool| {
        format!(
            "<p><input type=\"checkbox\" id=\"{name}\" name=\"{name}\" value=\"on\"{}> <label for=\"{name}\">{}</label></p>\n",
            if on { " checked" } else { "" },
            w(lang, label)
        )
    };
    b.push_str(&format!(
        "<form id=\"options\" method=\"post\" action=\"{CONFIG_PATH}/{}\">\n<input type=\"hidden\" name=\"locale\" value=\"{}\">\n<p><button type=\"submit\" id=\"save\">{}</button></p>\n",
        escape(&install.instance),
        locale(lang),
        w(lang, SandboxWeb::Save)
    ));
    b.push_str(&format!(
        "<h2>{}</h2>\n<p><select id=\"language\" name=\"language\"><option value=\"fr\" selected>{}</option><option value=\"en\">{}</option></select></p>\n",
        w(lang, SandboxWeb::Language),
        w(lang, SandboxWeb::LanguageFrench),
        w(lang, SandboxWeb::LanguageEnglish)
    ));
    b.push_str(&format!("<h2>{}</h2>\n", w(lang, SandboxWeb::OrdersHeading)));
    b.push_str(&checkbox("pull_orders", SandboxWeb::PullOrders, install.pull_orders));
    b.push_str(&format!("<h2>{}</h2>\n", w(lang, SandboxWeb::CatalogHeading)));
    b.push_str(&checkbox("import_all", SandboxWeb::ImportAll, true));
    b.push_str(&checkbox("auto_catalog", SandboxWeb::AutoCatalog, false));
    b.push_str(&format!("<h2>{}</h2>\n", w(lang, SandboxWeb::LocationHeading)));
    b.push_str(&checkbox("sync_hours", SandboxWeb::SyncHours, false));
    b.push_str(&format!("<h2>{}</h2>\n", w(lang, SandboxWeb::InventoryHeading)));
    b.push_str(&checkbox("auto_inventory", SandboxWeb::AutoInventory, false));
    b.push_str("</form>\n");
    b.push_str(&format!(
        "<p><a id=\"reset\" href=\"{CONFIG_PATH}/{}/reset?locale={}\">{}</a></p>\n",
        escape(&install.instance),
        locale(lang),
        w(lang, SandboxWeb::Reset)
    ));
    pages::html(StatusCode::OK, pages::page(lang, "Zelty Bridge", &SandboxWeb::ConfigTitle.render(lang), &b))
}

/// « Terminer la configuration »: the key is checked with Zelty; a refused key stays on
/// the key page with the error.
async fn finish(State(s): St, Path(instance): Path<String>, body: Bytes) -> Response {
    let p = params(&body);
    let lang = lang_of(&s, &p);
    let Some((install, _)) = install_of(&s, &instance) else {
        return message(lang, StatusCode::FORBIDDEN, SandboxWeb::NotConnected);
    };
    let key = p.get("api_key").map(|k| k.trim().to_string()).unwrap_or_default();
    if !zelty::key_works(&s, &key) {
        return key_page(&s, lang, &install, StatusCode::UNPROCESSABLE_ENTITY, Some(SandboxWeb::KeyRefused));
    }
    let now = s.now().as_secs();
    {
        let mut inner = s.lock();
        if let Some(i) = inner.install_mut(&instance) {
            i.key = Some(key);
            i.saved_at = None;
        }
        // A new key waits for « Enregistrer »: nothing is sent meanwhile.
        orders::record(&mut inner, now, None);
    }
    memory::save(&s);
    Redirect::to(&config_url(&instance, lang)).into_response()
}

/// « Enregistrer »: the app is at work from now on (webhooks, orders); saving again keeps
/// it at work with the options given.
async fn save(State(s): St, Path(instance): Path<String>, body: Bytes) -> Response {
    let p = params(&body);
    let lang = lang_of(&s, &p);
    let Some((install, _)) = install_of(&s, &instance) else {
        return message(lang, StatusCode::FORBIDDEN, SandboxWeb::NotConnected);
    };
    if install.key.is_none() {
        return Redirect::to(&config_url(&instance, lang)).into_response();
    }
    let now = s.now().as_secs();
    {
        let mut inner = s.lock();
        let first = inner.install_mut(&instance).is_some_and(|i| i.saved_at.is_none());
        if let Some(i) = inner.install_mut(&instance) {
            i.pull_orders = p.contains_key("pull_orders");
            i.saved_at.get_or_insert(now);
        }
        orders::record(&mut inner, now, first.then_some(install.location));
    }
    memory::save(&s);
    Redirect::to(&format!("{}&saved=1", config_url(&instance, lang))).into_response()
}

/// « Réinitialiser la configuration »: settings and key forgotten (the app lets go of its
/// Zelty webhooks), back to the key page.
async fn reset(State(s): St, Path(instance): Path<String>, RawQuery(q): RawQuery) -> Response {
    let lang = lang_of(&s, &query(q));
    if install_of(&s, &instance).is_none() {
        return message(lang, StatusCode::FORBIDDEN, SandboxWeb::NotConnected);
    }
    let now = s.now().as_secs();
    {
        let mut inner = s.lock();
        if let Some(i) = inner.install_mut(&instance) {
            i.key = None;
            i.saved_at = None;
            i.pull_orders = false;
        }
        orders::record(&mut inner, now, None);
    }
    memory::save(&s);
    Redirect::to(&config_url(&instance, lang)).into_response()
}
