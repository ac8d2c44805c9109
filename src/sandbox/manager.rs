//! The fake HubRise back office (manager.hubrise.com): home and login, and CONNECTIONS
//! with working Actions > Block / Unblock / Disconnect (hubrise-api.md §3.2).

use super::data::ACCOUNT_NAME;
use super::oauth::params;
use super::pages::{self, Choice, t, w};
use super::state::{ConnState, Shared, Target};
use crate::html::escape;
use crate::i18n::{Lang, Web};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use std::sync::Arc;

pub fn routes() -> Router<Arc<Shared>> {
    Router::new().route("/", get(home)).route("/login", get(home)).route("/connections", get(connections).post(act))
}

/// There is nobody to log in: the demo user is always logged in.
async fn home(State(s): State<Arc<Shared>>) -> Response {
    let locations: Vec<_> = s.world.locations.iter().map(|l| (l.id.clone(), l.name.clone())).collect();
    home_page(s.lang, ACCOUNT_NAME, &locations)
}

async fn connections(State(s): State<Arc<Shared>>) -> Response {
    let rows: Vec<Row> = {
        let inner = s.lock();
        inner
            .seen
            .iter()
            .filter_map(|token| inner.connections.get(token))
            .map(|c| Row {
                location: match c.target {
                    Target::Account => Web::SbWholeAccount.render(s.lang),
                    Target::Location(n) => format!("{} ({})", s.world.locations[n].name, s.world.locations[n].id),
                },
                state: c.state,
            })
            .collect()
    };
    connections_page(s.lang, &rows)
}

/// A button of the connections page: `connection` is the row number, so no token ever
/// travels through the page.
async fn act(State(s): State<Arc<Shared>>, body: Bytes) -> Response {
    let p = params(&body);
    let token = p.get("connection").and_then(|n| n.parse::<usize>().ok()).and_then(|n| s.lock().seen.get(n).cloned());
    let state = match p.get("action").map(String::as_str) {
        Some("block") => Some(ConnState::Blocked),
        Some("unblock") => Some(ConnState::Active),
        Some("disconnect") => Some(ConnState::Revoked),
        _ => None,
    };
    if let (Some(token), Some(state)) = (token, state) {
        s.set_state(&token, state);
    }
    Redirect::to("/connections").into_response()
}

/// The back office's home: the account, its locations, where things are.
pub fn home_page(lang: Lang, account: &str, locations: &[Choice]) -> Response {
    let mut b = format!("<p>{}</p>\n<nav><ul>\n", t(lang, Web::SbManagerWelcome.with("account", account)));
    b.push_str(&format!("<li><a href=\"/connections\">{}</a></li>\n", w(lang, Web::SbNavConnections)));
    b.push_str(&format!(
        "<li>{} &gt; {}</li>\n</ul></nav>\n",
        w(lang, Web::SbNavSettings),
        w(lang, Web::SbNavPermissions)
    ));
    b.push_str(&format!("<p id=\"permissions-help\">{}</p>\n", w(lang, Web::SbPermissionsHelp)));
    b.push_str(&format!("<h2>{}</h2>\n<ul id=\"locations\">\n", w(lang, Web::SbLocations)));
    // A long list is cut: the page is for people, the API has them all.
    for (id, name) in locations.iter().take(50) {
        b.push_str(&format!("<li>{} ({})</li>\n", escape(name), escape(id)));
    }
    if locations.len() > 50 {
        b.push_str(&format!("<li>… (+{})</li>\n", locations.len() - 50));
    }
    b.push_str("</ul>\n");
    pages::html(StatusCode::OK, pages::page(lang, "HubRise", &Web::SbManagerTitle.render(lang), &b))
}

/// One row of the connections page.
pub struct Row {
    pub location: String,
    pub state: ConnState,
}

/// CONNECTIONS, with Actions > Block / Unblock / Disconnect as buttons that work.
pub fn connections_page(lang: Lang, rows: &[Row]) -> Response {
    let mut b = format!("<p>{}</p>\n", w(lang, Web::SbConnectionsHelp));
    if rows.is_empty() {
        b.push_str(&format!("<p id=\"no-connections\">{}</p>\n", w(lang, Web::SbConnectionsEmpty)));
    } else {
        b.push_str(&format!(
            "<table id=\"connections\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
            w(lang, Web::SbColApp),
            w(lang, Web::SbLocation),
            w(lang, Web::SbColStatus),
            w(lang, Web::SbColActions)
        ));
        for (n, row) in rows.iter().enumerate() {
            let (state, actions): (Web, &[(&str, Web)]) = match row.state {
                ConnState::Active => {
                    (Web::SbStateActive, &[("block", Web::SbBlock), ("disconnect", Web::SbDisconnect)])
                }
                ConnState::Blocked => {
                    (Web::SbStateBlocked, &[("unblock", Web::SbUnblock), ("disconnect", Web::SbDisconnect)])
                }
                ConnState::Suspended => (Web::SbStateSuspended, &[("disconnect", Web::SbDisconnect)]),
                ConnState::Revoked => (Web::SbStateRevoked, &[]),
            };
            let buttons: String = actions
                .iter()
                .map(|(action, label)| {
                    format!("<button type=\"submit\" name=\"action\" value=\"{action}\">{}</button>", w(lang, *label))
                })
                .collect();
            b.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td class=\"state\">{}</td><td><form method=\"post\" action=\"/connections\"><input type=\"hidden\" name=\"connection\" value=\"{n}\">{buttons}</form></td></tr>\n",
                w(lang, Web::SbAppName),
                escape(&row.location),
                w(lang, state)
            ));
        }
        b.push_str("</table>\n");
    }
    pages::html(StatusCode::OK, pages::page(lang, "HubRise", &Web::SbConnectionsTitle.render(lang), &b))
}
