//! A fleet's profiles checked (`status --all-profiles`): every profile, `CONCURRENCY` at a
//! time, with as few calls as the services' facts allow, in profile order.
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
//!   The exit code is the worst of the profiles'.

use super::check::{Part, check_watch, read_secrets, report, restaurant_part};
use super::evidence::{self, Evidence};
use super::report::{Problem, StatusReport};
use crate::ctx::Ctx;
use crate::error::{ExitStatus, Kind, failure_of};
use crate::hubrise::api::{self, AccountOrder, Dated, Order};
use crate::hubrise::limiter::Lanes;
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
pub enum Entry {
    Checked(Box<StatusReport>),
    Unreadable { profile: String, problem: Problem, status: ExitStatus },
}

impl Entry {
    pub fn exit_status(&self) -> ExitStatus {
        match self {
            Entry::Checked(r) => r.exit_status(),
            Entry::Unreadable { status, .. } => *status,
        }
    }

    pub fn to_json(&self) -> Value {
        match self {
            Entry::Checked(r) => serde_json::to_value(r).unwrap_or_default(),
            Entry::Unreadable { profile, problem, .. } => json!({
                "profile": profile,
                "error": { "code": problem.reason, "message": problem.message, "hint": problem.hint },
            }),
        }
    }
}

/// What Zelty said about a key: which restaurants it sees, and where its webhooks go
/// (`None` from a Zelty without `GET /webhooks`).
#[derive(Clone)]
struct KeyAnswer {
    hosts: Option<Vec<String>>,
    restaurants: Arc<[Restaurant]>,
}

/// An account's orders, or `None` when they could not be listed.
type Listing = Option<Arc<Dated<Vec<AccountOrder>>>>;
type Listed = Arc<OnceCell<Listing>>;

/// What the run shares across profiles.
struct Run<'a> {
    app: &'a Ctx,
    lanes: Lanes,
    keys: PerKey<KeyAnswer>,
    /// An account token's listing of its account's orders, per token and account; `None`
    /// when it could not be read.
    accounts: Mutex<HashMap<(u64, String), Listed>>,
    /// This Zelty does not serve `GET /webhooks`.
    no_webhooks: AtomicBool,
}

/// Checks `names`, `CONCURRENCY` at a time; the lines come back in the same order.
pub async fn check_all(app: &Ctx, names: &[String], offline: bool) -> anyhow::Result<Vec<Entry>> {
    let run = Run {
        app,
        lanes: Lanes::new(app.printer.clone(), crate::zelty::pace::global()),
        keys: PerKey::new(Keep::Everything),
        accounts: Mutex::default(),
        no_webhooks: AtomicBool::new(false),
    };
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<Entry>>> = Mutex::new((0..names.len()).map(|_| None).collect());
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
    async fn line(&self, name: &str, offline: bool) -> Entry {
        let lang = self.app.printer.lang();
        match self.app.profiles.load(name) {
            Ok(Some(profile)) if offline => {
                Entry::Checked(Box::new(super::check::check(self.app, name, &profile, true).await))
            }
            Ok(Some(profile)) => Entry::Checked(Box::new(self.check(name, &profile).await)),
            // Removed since it was listed.
            Ok(None) => {
                let failure = super::check::not_connected(name);
                Entry::Unreadable {
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
                Entry::Unreadable { profile: name.into(), problem, status }
            }
        }
    }

    /// One profile, live: its key's shared answer, its watch's location and orders.
    async fn check(&self, name: &str, profile: &Profile) -> StatusReport {
        let (app, lang) = (self.app, self.app.printer.lang());
        let (key, token) = match read_secrets(app, name, profile).await {
            Ok(pair) => pair,
            Err(failure) => {
                let part = Part::unreadable(&failure, lang);
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
                // Revoked by an unfinished disconnect: dead, not asked (`report` says so).
                Some(_) if profile.hubrise.revoked_at.is_some() => None,
                Some(token) => Some(self.watch(profile, token).await),
                None => None,
            }
        };
        let (answer, watch) = tokio::join!(zelty, watch);
        // The same judgement as one profile's `status`: the key must still see the
        // restaurant, and the evidence goes through the same functions.
        let zelty = match &answer {
            None => Part::key_missing(lang),
            Some(Ok(a)) => restaurant_part(profile, &a.restaurants, lang),
            Some(Err(err)) => Part::failed(err, lang),
        };
        let (watch, orders) = watch.unwrap_or_else(|| (super::check::watch_missing(profile, lang), None));
        let mut seen = Evidence::default();
        let hosts = answer.and_then(Result::ok).and_then(|a| a.hosts);
        evidence::with_hosts(&mut seen, hosts.map(Ok), &app.settings.bridge, app.ctx.lang);
        evidence::with_orders(&mut seen, orders, app);
        report(app, name, profile, [&zelty, &watch], Some(&seen), Some((&key, &token)))
    }

    /// The questions asked of a key in this run, once: which restaurants it sees (the
    /// key's check), and where its webhooks go (the evidence).
    async fn ask_zelty(&self, key: &Secret) -> anyhow::Result<KeyAnswer> {
        let http = self.app.http.paced(self.lanes.zelty().lane(key));
        let api = self.app.settings.endpoints.zelty_api.as_str();
        let restaurants: Arc<[Restaurant]> = zelty::restaurants(&http, api, key).await?.into();
        if self.no_webhooks.load(Ordering::Relaxed) {
            return Ok(KeyAnswer { hosts: None, restaurants });
        }
        match zelty::webhook_hosts(&http, api, key).await {
            Ok(hosts) => Ok(KeyAnswer { hosts: Some(hosts), restaurants }),
            // Anything but a refused key or an unreachable Zelty (an unknown route, an
            // older API version) leaves the webhooks unread, and the other keys skip them.
            Err(err)
                if failure_of(&err).is_some_and(|f| {
                    !matches!(f.as_typed::<ZeltyError>(), Some(ZeltyError::KeyRejected { .. }))
                        && f.kind != Kind::Unreachable
                }) =>
            {
                self.no_webhooks.store(true, Ordering::Relaxed);
                Ok(KeyAnswer { hosts: None, restaurants })
            }
            Err(err) => Err(err),
        }
    }

    /// The watch's location and, as far as the token's budget allows now, its orders.
    async fn watch(&self, profile: &Profile, token: &Secret) -> (Part, Option<anyhow::Result<Dated<Vec<Order>>>>) {
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
                    let value = all.value.iter().filter(|o| o.location_id.as_deref() == here).map(|o| o.order.clone());
                    return Some(Ok(Dated { value: value.collect(), server_now: all.server_now }));
                }
                if !high_load.try_acquire() {
                    let why = anyhow::anyhow!("HubRise orders of {}: left for a later run", id.unwrap_or("?"));
                    return Some(Err(why));
                }
            } else {
                high_load.acquire().await;
            }
            Some(api::recent_orders(&http, api_url, token, id).await)
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
                .map(Arc::new)
                // Unread, the locations are listed one by one below.
                .ok()
        })
        .await
        .clone()
    }
}
