//! `status --all-profiles` for a fleet: every profile checked, `CONCURRENCY` at a time,
//! with as few calls as the services' facts allow, and reported in profile order.
//!
//! - Zelty: one `GET /webhooks` per distinct key for the whole run. Zelty answers 403 to a
//!   wrong or revoked key there too (https://docs.zelty.fr, "Erreurs"), so that one call
//!   both checks the key and reads the app's evidence; a Zelty without that route gets
//!   `GET /restaurants` instead. Calls are paced per key (`zelty::pace`), so a chain's
//!   twenty profiles on one group key cost one request, not twenty.
//! - HubRise: per profile, the watch's location; orders (a high-load call, 10 a minute per
//!   connection, https://www.hubrise.com/developers/api/general-concepts) once per
//!   location token, and once per account token for all its locations
//!   (`GET /accounts/:id/orders`). Every HubRise call waits for its token's windows, so
//!   profiles sharing an account token share its budget. Where the account listing is not
//!   served, each location is listed only while the high-load budget has room now: the
//!   others show the webhooks' evidence alone rather than make the run wait minutes.
//! - A profile that cannot be read (a corrupt file) is one line saying so; the others go on.
//!   The exit code is the worst of the profiles'. Orphaned secrets are reported as before.

use super::check::{Part, check_watch, read_secrets, report, restaurant_part};
use super::evidence::{self, Evidence};
use super::report::{Problem, StatusReport, bridge_label, part_label};
use super::state::PartState;
use crate::app::App;
use crate::clock::unix;
use crate::error::{ExitStatus, Kind, failure_of};
use crate::hubrise::api::{self, AccountOrder, Order};
use crate::hubrise::limiter::Lanes;
use crate::i18n::{Fleet, Lang, Msg};
use crate::profile::Profile;
use crate::secret::Secret;
use crate::zelty::cache::{Keep, PerKey};
use crate::zelty::{self, Restaurant, ZeltyError};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::OnceCell;

/// Profiles checked at once. Each waits on about two round trips; sixteen keep a 2-core
/// machine busy without piling up connections, and no service limit binds below that
/// (its own budgets pace what is shared).
pub const CONCURRENCY: usize = 16;

/// One profile's outcome: its report, or why its file could not be read.
pub enum Line {
    Checked(Box<StatusReport>),
    Unreadable { profile: String, problem: Problem, status: ExitStatus },
}

impl Line {
    pub fn exit_status(&self) -> ExitStatus {
        match self {
            Line::Checked(r) => r.exit_status(),
            Line::Unreadable { status, .. } => *status,
        }
    }

    pub fn to_json(&self) -> Value {
        match self {
            Line::Checked(r) => serde_json::to_value(r).unwrap_or_default(),
            Line::Unreadable { profile, problem, .. } => json!({
                "profile": profile,
                "error": { "code": problem.reason, "message": problem.message, "hint": problem.hint },
            }),
        }
    }
}

/// What Zelty said about a key: where its webhooks go, or (from a Zelty without
/// `GET /webhooks`) which restaurants it sees.
#[derive(Clone)]
struct KeyAnswer {
    hosts: Option<Vec<String>>,
    restaurants: Option<Arc<[Restaurant]>>,
}

/// An account's orders, or `None` when they could not be listed.
type Listing = Option<Arc<[AccountOrder]>>;
type Listed = Arc<OnceCell<Listing>>;

/// What the run shares across profiles.
struct Run<'a> {
    app: &'a App,
    lanes: Lanes,
    keys: PerKey<KeyAnswer>,
    /// An account token's listing of its account's orders, per token and account; `None`
    /// when it could not be read.
    accounts: Mutex<HashMap<(u64, String), Listed>>,
    /// This Zelty does not serve `GET /webhooks`.
    no_webhooks: AtomicBool,
}

/// `status --all-profiles`: the lines in profile order, then the exit code.
pub async fn run(app: &App, offline: bool) -> anyhow::Result<ExitStatus> {
    let names = app.profiles.list()?;
    let lines = check_all(app, &names, offline).await?;
    let status = ExitStatus::worst(lines.iter().map(Line::exit_status));
    // Secrets left without their profile file: each said as a warning, listed in the JSON.
    let orphans = super::orphans::report(app).await;
    if app.printer.is_json() {
        let profiles: Vec<Value> = lines.iter().map(Line::to_json).collect();
        app.printer.json(&json!({ "profiles": profiles, "orphans": orphans }));
    } else if lines.is_empty() {
        app.printer.result(&app.printer.t(&Msg::NoProfiles.text()));
    } else {
        app.printer.result(&table(&lines, app.printer.lang()));
    }
    Ok(status)
}

/// Checks `names`, `CONCURRENCY` at a time; the lines come back in the same order.
pub async fn check_all(app: &App, names: &[String], offline: bool) -> anyhow::Result<Vec<Line>> {
    let run = Run {
        app,
        lanes: Lanes::new(app.printer.clone(), crate::zelty::pace::global()),
        keys: PerKey::new(Keep::Everything),
        accounts: Mutex::default(),
        no_webhooks: AtomicBool::new(false),
    };
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<Line>>> = Mutex::new((0..names.len()).map(|_| None).collect());
    let worker = || async {
        loop {
            let i = next.fetch_add(1, Ordering::SeqCst);
            let Some(name) = names.get(i) else { return };
            let line = run.line(name, offline).await;
            done.lock().unwrap_or_else(PoisonError::into_inner)[i] = Some(line);
        }
    };
    futures_util::future::join_all((0..CONCURRENCY.min(names.len())).map(|_| worker())).await;
    Ok(done.into_inner().unwrap_or_else(PoisonError::into_inner).into_iter().flatten().collect())
}

impl Run<'_> {
    async fn line(&self, name: &str, offline: bool) -> Line {
        let lang = self.app.printer.lang();
        match self.app.profiles.load(name) {
            Ok(Some(profile)) if offline => {
                Line::Checked(Box::new(super::check::check(self.app, name, &profile, true).await))
            }
            Ok(Some(profile)) => Line::Checked(Box::new(self.check(name, &profile).await)),
            // Removed since it was listed.
            Ok(None) => {
                let failure = super::check::not_connected(name);
                Line::Unreadable {
                    profile: name.into(),
                    problem: Problem::of(&failure, lang),
                    status: failure.kind.exit_status(),
                }
            }
            Err(err) => {
                let (problem, status) = match failure_of(&err) {
                    Some(f) => (Problem::of(f, lang), f.kind.exit_status()),
                    None => {
                        let message = crate::error::Report::of(&err, lang).message;
                        (Problem { reason: "unexpected", message, hint: None }, ExitStatus::Unexpected)
                    }
                };
                Line::Unreadable { profile: name.into(), problem, status }
            }
        }
    }

    /// One profile, live: its key's shared answer, its watch's location and orders.
    async fn check(&self, name: &str, profile: &Profile) -> StatusReport {
        let (app, lang) = (self.app, self.app.printer.lang());
        let (key, token) = match read_secrets(app, name, profile).await {
            Ok(pair) => pair,
            Err(failure) => {
                let part = Part::not_ok(PartState::Missing, &failure, lang);
                return report(app, name, profile, [&part, &part], None, None);
            }
        };
        let zelty = async {
            match &key {
                Some(key) => Some(self.keys.get(key, || self.ask_zelty(key)).await),
                None => None,
            }
        };
        let watch = async {
            match &token {
                Some(token) => Some(self.watch(profile, token).await),
                None => None,
            }
        };
        let (answer, watch) = tokio::join!(zelty, watch);
        let zelty = match &answer {
            None => Part::key_missing(lang),
            Some(Ok(KeyAnswer { restaurants: Some(list), .. })) => restaurant_part(profile, list, lang),
            Some(Ok(_)) => Part::ok(None),
            Some(Err(err)) => Part::failed(err, lang),
        };
        let (watch, orders) = watch.unwrap_or_else(|| (Part::watch_absent(lang), None));
        let mut seen = Evidence::default();
        let hosts = answer.and_then(Result::ok).and_then(|a| a.hosts);
        evidence::with_hosts(&mut seen, hosts, &app.settings.bridge);
        if let Some(orders) = orders {
            evidence::with_orders(&mut seen, &orders, &app.settings.bridge.name, unix(app.clock.now()));
        }
        report(app, name, profile, [&zelty, &watch], Some(&seen), Some((&key, &token)))
    }

    /// The one question asked of a key in this run.
    async fn ask_zelty(&self, key: &Secret) -> anyhow::Result<KeyAnswer> {
        let http = self.app.http.paced(self.lanes.zelty().lane(key));
        let api = self.app.settings.endpoints.zelty_api.as_str();
        if self.no_webhooks.load(Ordering::Relaxed) {
            let list = zelty::restaurants(&http, api, key).await?;
            return Ok(KeyAnswer { hosts: None, restaurants: Some(list.into()) });
        }
        match zelty::webhook_hosts(&http, api, key).await {
            Ok(hosts) => Ok(KeyAnswer { hosts: Some(hosts), restaurants: None }),
            // Anything but a refused key or an unreachable Zelty (an unknown route, an
            // older API version) is not an answer about the key: `GET /restaurants` is.
            Err(err)
                if failure_of(&err).is_some_and(|f| {
                    !matches!(f.as_typed::<ZeltyError>(), Some(ZeltyError::KeyRejected { .. }))
                        && f.kind != Kind::Unreachable
                }) =>
            {
                // Then the other keys go straight there.
                self.no_webhooks.store(true, Ordering::Relaxed);
                let list = zelty::restaurants(&http, api, key).await?;
                Ok(KeyAnswer { hosts: None, restaurants: Some(list.into()) })
            }
            Err(err) => Err(err),
        }
    }

    /// The watch's location and, as far as the token's budget allows now, its orders.
    async fn watch(&self, profile: &Profile, token: &Secret) -> (Part, Option<Vec<Order>>) {
        let app = self.app;
        let http = app.http.paced(self.lanes.hubrise(token));
        let api_url = app.settings.endpoints.hubrise_api.as_str();
        let h = &profile.hubrise;
        let (account, id) = (h.account_level(), h.location_to_name());
        let location = check_watch(app, &http, h, token);
        let orders = async {
            let high_load = self.lanes.high_load(token);
            if account {
                if let Some(all) = self.account_orders(&http, token, &h.account_id).await {
                    let here = h.location_id.as_deref();
                    return Some(
                        all.iter().filter(|o| o.location_id.as_deref() == here).map(|o| o.order.clone()).collect(),
                    );
                }
                if !high_load.try_acquire() {
                    app.printer.debug(1, format!("HubRise orders of {}: left for a later run", id.unwrap_or("?")));
                    return None;
                }
            } else {
                high_load.acquire().await;
            }
            api::recent_orders(&http, api_url, token, id).await.map_err(|e| self.note("HubRise orders", &e)).ok()
        };
        tokio::join!(location, orders)
    }

    /// The account's orders, listed once per token and account.
    async fn account_orders(&self, http: &crate::http::Http, token: &Secret, account_id: &str) -> Listing {
        let mut hasher = std::hash::DefaultHasher::new();
        token.expose().hash(&mut hasher);
        let cell = Arc::clone(
            self.accounts
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .entry((hasher.finish(), account_id.to_string()))
                .or_default(),
        );
        cell.get_or_init(|| async {
            self.lanes.high_load(token).acquire().await;
            let url = self.app.settings.endpoints.hubrise_api.as_str();
            api::account_orders(http, url, token, account_id)
                .await
                .map(Arc::from)
                .map_err(|e| self.note("HubRise account orders", &e))
                .ok()
        })
        .await
        .clone()
    }

    fn note(&self, what: &str, err: &anyhow::Error) {
        evidence::left_out(self.app, what, err);
    }
}

/// One line per profile: restaurant, location, the three parts' states and what to do.
pub fn table(lines: &[Line], lang: Lang) -> String {
    let t = |m: Fleet| m.render(lang);
    let mut rows: Vec<[String; 7]> = vec![[
        t(Fleet::ColProfile),
        t(Fleet::ColRestaurant),
        t(Fleet::ColLocation),
        t(Fleet::ColZelty),
        t(Fleet::ColApp),
        t(Fleet::ColWatch),
        t(Fleet::ColToDo),
    ]];
    let mut fine = 0;
    for line in lines {
        rows.push(match line {
            Line::Checked(r) => {
                let todo = [&r.zelty.problem, &r.hubrise.problem]
                    .into_iter()
                    .flatten()
                    .find_map(|p| p.hint.clone().or_else(|| Some(p.message.clone())))
                    .or_else(|| r.bridge_app.hint.clone());
                fine += usize::from(todo.is_none() && r.exit_status().is_success());
                [
                    r.profile.clone(),
                    format!("{} ({})", r.zelty.restaurant_name, r.zelty.restaurant_id),
                    r.hubrise.location_name.clone().or_else(|| r.hubrise.location_id.clone()).unwrap_or("—".into()),
                    part_label(r.zelty.state, lang),
                    bridge_label(r.bridge_app.state, lang),
                    part_label(r.hubrise.state, lang),
                    todo.unwrap_or_else(|| "—".into()),
                ]
            }
            Line::Unreadable { profile, problem, .. } => [
                profile.clone(),
                "—".into(),
                "—".into(),
                t(Fleet::Unreadable),
                t(Fleet::Unreadable),
                t(Fleet::Unreadable),
                problem.hint.clone().unwrap_or_else(|| problem.message.clone()),
            ],
        });
    }
    let widths: Vec<usize> = (0..7).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out: Vec<String> = rows
        .iter()
        .map(|row| {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
                .collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect();
    out.push(Fleet::Summary.with("ok", fine).with("total", lines.len()).render(lang));
    out.join("\n")
}
