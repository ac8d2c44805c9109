//! The fake HubRise back office (manager.hubrise.com): home, CONNECTIONS with working
//! Actions (Block / Disconnect with a confirmation, then Unblock / Reconnect), and
//! « See available apps » with Zelty Bridge and its « Connect » button
//! (https://www.hubrise.com/docs/connections). Pages follow `?locale=fr-FR` / `en-GB`, as
//! HubRise's own links do, else the sandbox's language.

use super::bridge;
use super::data::ACCOUNT_NAME;
use super::oauth::{lang_of, params};
use super::orders;
use super::pages::{self, Choice, t, w};
use super::state::{Client, ConnState, Shared, Target};
use crate::i18n::{Lang, SandboxWeb, Web};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use std::sync::Arc;
use zelty_bridge_i18n::html::escape;

type St = State<Arc<Shared>>;

pub const APPS_PATH: &str = "/apps";
pub const BRIDGE_APP_PATH: &str = "/apps/zelty-bridge";

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/", get(home))
        .route("/login", get(home))
        .route("/connections", get(connections).post(act))
        .route("/orders", get(orders_page))
        .route(APPS_PATH, get(apps))
        .route(BRIDGE_APP_PATH, get(bridge_app))
}

/// The `?locale=` to carry on links, in HubRise's form.
pub fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr-FR",
        Lang::En => "en-GB",
    }
}

fn query_lang(s: &Shared, q: Option<String>) -> Lang {
    lang_of(s, &params(q.unwrap_or_default().as_bytes()))
}

/// There is nobody to log in: the demo user is always logged in.
async fn home(State(s): St, RawQuery(q): RawQuery) -> Response {
    let locations: Vec<_> = s.world.locations.iter().map(|l| (l.id.clone(), l.name.clone())).collect();
    home_page(query_lang(&s, q), ACCOUNT_NAME, &locations)
}

async fn connections(State(s): St, RawQuery(q): RawQuery) -> Response {
    let lang = query_lang(&s, q);
    connections_page(lang, &rows(&s, lang))
}

fn rows(s: &Shared, lang: Lang) -> Vec<Row> {
    let inner = s.lock();
    inner
        .seen
        .iter()
        .filter_map(|token| inner.connections.get(token))
        .map(|c| {
            let (location, location_id) = match c.target {
                Target::Account => (Web::WholeAccount.render(lang), String::new()),
                Target::Location(n) => {
                    let l = &s.world.locations[n];
                    (format!("{} ({})", l.name, l.id), l.id.clone())
                }
            };
            Row { app: c.client.name().to_string(), location, location_id, state: c.state }
        })
        .collect()
}

/// « Orders »: each location's orders, newest first, with their status and ORIGIN (the app
/// that created them), as the back office lists them (https://www.hubrise.com/docs), so an
/// order named by its id in a report or a hint can be found; a rejected order says why, at
/// its top, as HubRise shows Zelty Bridge's rejections.
async fn orders_page(State(s): St, RawQuery(q): RawQuery) -> Response {
    let lang = query_lang(&s, q);
    let now = s.now().as_secs();
    let mut b = format!("<p>{}</p>\n", w(lang, Web::OrdersHelp));
    let inner = s.lock();
    for (n, location) in s.world.locations.iter().enumerate().take(50) {
        let list = orders::on_location(&inner, n, now);
        if list.is_empty() {
            continue;
        }
        b.push_str(&format!(
            "<h2>{} ({})</h2>\n<table id=\"orders-{}\">\n",
            escape(&location.name),
            escape(&location.id),
            escape(&location.id)
        ));
        b.push_str(&heading_row(lang, &[Web::ColOrder, Web::ColStatus, Web::ColOrigin, Web::ColCreated]));
        // The newest first, and only the last 30: a page for people.
        for o in list.iter().rev().take(30) {
            let why = match o.status {
                "rejected" => format!("<br><small>{}</small>", t(lang, Web::OrderRejectedWhy.with("ref", &o.sku_ref))),
                _ => String::new(),
            };
            b.push_str(&format!(
                "<tr id=\"order-{}\"><td>{}</td><td>{}{why}</td><td>{}</td><td>{}</td></tr>\n",
                escape(&o.id),
                escape(&o.id),
                escape(o.status),
                escape(&o.created_by),
                escape(&shown_time(&orders::iso8601(o.created_at)))
            ));
        }
        b.push_str("</table>\n");
    }
    drop(inner);
    pages::html(StatusCode::OK, pages::page(lang, "HubRise", &Web::OrdersTitle.render(lang), &b))
}

/// A table's heading row, in `lang`.
fn heading_row(lang: Lang, columns: &[Web]) -> String {
    let cells: String = columns.iter().map(|c| format!("<th>{}</th>", w(lang, *c))).collect();
    format!("<tr>{cells}</tr>\n")
}

/// `2026-12-02 21:39`, as a page shows a time, from the API's ISO form.
fn shown_time(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time}"),
        _ => iso.to_string(),
    }
}

/// A button of the connections page: `connection` is the row number, so no token ever
/// travels through the page. Disconnecting asks for a confirmation first.
async fn act(State(s): St, body: Bytes) -> Response {
    let p = params(&body);
    let lang = lang_of(&s, &p);
    let back = format!("/connections?locale={}", locale(lang));
    let row = p.get("connection").and_then(|n| n.parse::<usize>().ok());
    let Some((n, token)) = row.and_then(|n| s.lock().seen.get(n).cloned().map(|t| (n, t))) else {
        return Redirect::to(&back).into_response();
    };
    let Some(conn) = s.connection(&token) else { return Redirect::to(&back).into_response() };
    let action = p.get("action").map(String::as_str);
    // Only the actions the row offers.
    let offered: &[&str] = match conn.state {
        ConnState::Active => &["block", "disconnect"],
        ConnState::Blocked => &["unblock", "disconnect"],
        ConnState::Suspended => &["disconnect"],
        ConnState::Revoked => &["reconnect"],
    };
    if !action.is_some_and(|a| offered.contains(&a)) {
        return Redirect::to(&back).into_response();
    }
    let state = match action {
        Some("block") => ConnState::Blocked,
        Some("unblock") => ConnState::Active,
        Some("disconnect") if p.get("confirm").is_some_and(|v| v == "yes") => ConnState::Revoked,
        Some("disconnect") => {
            let row = rows(&s, lang).into_iter().nth(n);
            return confirm_page(lang, n, row.as_ref());
        }
        // An App is reconnected through its own Connect URL, which authorizes again and
        // opens its configuration; another client's connection simply comes back.
        Some("reconnect") if conn.client == Client::Bridge => {
            return Redirect::to(&format!("{}?locale={}", bridge::CONNECT_PATH, locale(lang))).into_response();
        }
        Some("reconnect") => ConnState::Active,
        _ => return Redirect::to(&back).into_response(),
    };
    s.set_state(&token, state);
    Redirect::to(&back).into_response()
}

/// The back office's home: the account, its locations, where things are.
pub fn home_page(lang: Lang, account: &str, locations: &[Choice]) -> Response {
    let mut b = format!("<p>{}</p>\n<nav><ul>\n", t(lang, Web::ManagerWelcome.with("account", account)));
    b.push_str(&format!(
        "<li><a id=\"connections\" href=\"/connections?locale={}\">{}</a></li>\n",
        locale(lang),
        w(lang, Web::NavConnections)
    ));
    b.push_str(&format!(
        "<li><a id=\"orders\" href=\"/orders?locale={}\">{}</a></li>\n",
        locale(lang),
        w(lang, Web::NavOrders)
    ));
    b.push_str(&format!("<li>{} &gt; {}</li>\n</ul></nav>\n", w(lang, Web::NavSettings), w(lang, Web::NavPermissions)));
    b.push_str(&format!("<p id=\"permissions-help\">{}</p>\n", w(lang, Web::PermissionsHelp)));
    b.push_str(&format!("<h2>{}</h2>\n<ul id=\"locations\">\n", w(lang, Web::Locations)));
    // A long list is cut: the page is for people, the API has them all.
    for (id, name) in locations.iter().take(50) {
        b.push_str(&format!("<li>{} ({})</li>\n", escape(name), escape(id)));
    }
    if locations.len() > 50 {
        b.push_str(&format!("<li>… (+{})</li>\n", locations.len() - 50));
    }
    b.push_str("</ul>\n");
    pages::html(StatusCode::OK, pages::page(lang, "HubRise", &Web::ManagerTitle.render(lang), &b))
}

/// One row of the connections page.
pub struct Row {
    /// The client's name: `zelty-bridge watch (read-only)` (the CLI's watch) or `Zelty
    /// Bridge` (the App).
    pub app: String,
    pub location: String,
    /// Empty for an account-level connection.
    pub location_id: String,
    pub state: ConnState,
}

/// CONNECTIONS: « See available apps », then one row per connection with its Actions as
/// buttons that work. Rows carry `data-app` and `data-location` for the browser stand-in.
pub fn connections_page(lang: Lang, rows: &[Row]) -> Response {
    let mut b = format!("<p>{}</p>\n", w(lang, Web::ConnectionsHelp));
    b.push_str(&format!(
        "<p><a id=\"see-apps\" href=\"{APPS_PATH}?locale={}\">{}</a></p>\n",
        locale(lang),
        w(lang, SandboxWeb::SeeApps)
    ));
    if rows.is_empty() {
        b.push_str(&format!("<p id=\"no-connections\">{}</p>\n", w(lang, Web::ConnectionsEmpty)));
    } else {
        b.push_str("<table id=\"connections\">\n");
        b.push_str(&heading_row(lang, &[Web::ColApp, Web::Location, Web::ColStatus, Web::ColActions]));
        for (n, row) in rows.iter().enumerate() {
            let (state, actions): (Web, &[(&str, String)]) = match row.state {
                ConnState::Active => {
                    (Web::StateActive, &[("block", w(lang, Web::Block)), ("disconnect", w(lang, Web::Disconnect))])
                }
                ConnState::Blocked => {
                    (Web::StateBlocked, &[("unblock", w(lang, Web::Unblock)), ("disconnect", w(lang, Web::Disconnect))])
                }
                ConnState::Suspended => (Web::StateSuspended, &[("disconnect", w(lang, Web::Disconnect))]),
                ConnState::Revoked => (Web::StateRevoked, &[("reconnect", w(lang, SandboxWeb::Reconnect))]),
            };
            let buttons: String = actions
                .iter()
                .map(|(action, label)| {
                    format!("<button type=\"submit\" name=\"action\" value=\"{action}\">{label}</button>")
                })
                .collect();
            b.push_str(&format!(
                "<tr data-app=\"{app}\" data-location=\"{id}\"><td>{app}</td><td>{}</td><td class=\"state\">{}</td><td><form method=\"post\" action=\"/connections\"><input type=\"hidden\" name=\"connection\" value=\"{n}\"><input type=\"hidden\" name=\"locale\" value=\"{}\">{buttons}</form></td></tr>\n",
                escape(&row.location),
                w(lang, state),
                locale(lang),
                app = escape(&row.app),
                id = escape(&row.location_id),
            ));
        }
        b.push_str("</table>\n");
    }
    pages::html(StatusCode::OK, pages::page(lang, "HubRise", &Web::ConnectionsTitle.render(lang), &b))
}

/// « Disconnect … ? » with « Confirm » and « Cancel ».
fn confirm_page(lang: Lang, n: usize, row: Option<&Row>) -> Response {
    let (app, location) = row.map_or((String::new(), String::new()), |r| (r.app.clone(), r.location.clone()));
    let b = format!(
        "<p>{}</p>\n<form id=\"confirm\" method=\"post\" action=\"/connections\">\n<input type=\"hidden\" name=\"connection\" value=\"{n}\">\n<input type=\"hidden\" name=\"action\" value=\"disconnect\">\n<input type=\"hidden\" name=\"locale\" value=\"{loc}\">\n<button type=\"submit\" name=\"confirm\" value=\"yes\">{}</button>\n</form>\n<p><a id=\"cancel\" href=\"/connections?locale={loc}\">{}</a></p>\n",
        t(lang, SandboxWeb::ConfirmDisconnect.with("app", app).with("location", location)),
        w(lang, SandboxWeb::Confirm),
        w(lang, SandboxWeb::Cancel),
        loc = locale(lang),
    );
    pages::html(StatusCode::OK, pages::page(lang, "HubRise", &SandboxWeb::ConfirmTitle.render(lang), &b))
}

/// « See available apps »: Zelty Bridge.
async fn apps(State(s): St, RawQuery(q): RawQuery) -> Response {
    let lang = query_lang(&s, q);
    let b = format!(
        "<ul id=\"apps\">\n<li><a id=\"zelty-bridge\" href=\"{BRIDGE_APP_PATH}?locale={}\">Zelty Bridge</a>: {}</li>\n</ul>\n<p><a href=\"/connections?locale={}\">{}</a></p>\n",
        locale(lang),
        w(lang, SandboxWeb::BridgeAbout),
        locale(lang),
        w(lang, SandboxWeb::BackToConnections)
    );
    pages::html(StatusCode::OK, pages::page(lang, "HubRise", &SandboxWeb::AppsTitle.render(lang), &b))
}

/// Zelty Bridge's page in the apps list: « Connect » opens the App's Connect URL.
async fn bridge_app(State(s): St, RawQuery(q): RawQuery) -> Response {
    let lang = query_lang(&s, q);
    let b = format!(
        "<p>{}</p>\n<p><a id=\"connect\" href=\"{}?locale={}\">{}</a></p>\n",
        w(lang, SandboxWeb::BridgeAbout),
        bridge::CONNECT_PATH,
        locale(lang),
        w(lang, SandboxWeb::Connect)
    );
    pages::html(StatusCode::OK, pages::page(lang, "HubRise", "Zelty Bridge", &b))
}
