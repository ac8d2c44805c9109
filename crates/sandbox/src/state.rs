//! The sandbox's memory for one process: authorization codes, what happened to each
//! connection (revoked, blocked, suspended) and whose client made it, the Zelty Bridge app
//! on each location (its key, its configuration, when it worked), the orders added by the
//! test controls and the time the orders' history starts from, rate-limit
//! counters, the Zelty back office's activation and webhook secrets, the tunable
//! behaviours, and (with the test controls) the test clock and the request log.

use super::data::{ACCOUNT_ID, World};
use super::ids;
use super::options::Options;
use super::orders::{Extra, Stretch};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::watch;

/// Codes expire after 10 minutes (https://www.hubrise.com/developers/api/authentication).
pub const CODE_LIFETIME: Duration = Duration::from_secs(600);
#[cfg(feature = "controls")]
const LOG_CAPACITY: usize = 100_000;

/// What a token stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Account,
    /// Index into `World::locations`.
    Location(usize),
}

impl Target {
    pub fn key(&self, world: &World) -> String {
        match self {
            Target::Account => format!("account:{ACCOUNT_ID}"),
            Target::Location(n) => format!("location:{}", world.locations[*n].id),
        }
    }
}

/// The OAuth clients the fake HubRise knows: the CLI's own (the watch) and Zelty Bridge's,
/// an App built by HubRise whose connections the back office lists under its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Client {
    Cli,
    Bridge,
}

impl Client {
    pub fn id(self) -> &'static str {
        match self {
            Client::Cli => ids::CLIENT_ID,
            Client::Bridge => ids::BRIDGE_CLIENT_ID,
        }
    }

    pub fn from_id(id: &str) -> Option<Client> {
        [Client::Cli, Client::Bridge].into_iter().find(|c| c.id() == id)
    }

    /// The name HubRise shows for the client and writes in `created_by`.
    pub fn name(self) -> &'static str {
        match self {
            Client::Cli => ids::CLIENT_NAME,
            Client::Bridge => ids::BRIDGE_CLIENT_NAME,
        }
    }
}

/// A connection's state (https://www.hubrise.com/developers/api/general-concepts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConnState {
    Active,
    Revoked,
    Blocked,
    Suspended,
}

#[derive(Debug, Clone)]
pub struct Connection {
    pub client: Client,
    pub target: Target,
    pub state: ConnState,
}

/// What an authorization code will be exchanged for.
#[derive(Debug, Clone)]
pub struct Grant {
    pub client: Client,
    pub target: Target,
    pub device_id: Option<String>,
    pub catalog_id: Option<String>,
    pub customer_list_id: Option<String>,
    pub issued_at: Duration,
    /// The PKCE S256 challenge sent with the authorization, checked at the exchange.
    pub code_challenge: Option<String>,
}

/// Why a code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeError {
    Unknown,
    Expired,
}

/// Zelty Bridge on one location: authorized, then configured with a Zelty key.
#[derive(Debug, Clone)]
pub struct Install {
    /// An opaque id in the app's page addresses (the real app keeps a session).
    pub instance: String,
    pub location: usize,
    pub token: String,
    /// The key accepted by « Terminer la configuration ».
    pub key: Option<String>,
    /// When « Enregistrer » was pressed (sandbox clock, seconds); the app is at work from then.
    pub saved_at: Option<u64>,
    /// « Récupérer les commandes Zelty dans HubRise » (off until a person ticks it).
    pub pull_orders: bool,
    /// When it worked on the location, oldest first (see `orders::record`).
    pub stretches: Vec<Stretch>,
}

/// One line of the request log: never a header value nor a body value.
#[cfg(feature = "controls")]
#[derive(Debug, Clone, Serialize)]
pub struct LogEntry {
    pub service: &'static str,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub auth: Option<String>,
    pub form_keys: Vec<String>,
    pub status: Option<u16>,
    pub fault: Option<String>,
}

#[derive(Default)]
pub struct Inner {
    codes: HashMap<String, Grant>,
    /// Tokens seen by this process (issued, minted or recognised)…
    pub connections: HashMap<String, Connection>,
    /// …and the order they were first seen in, for the connections page.
    pub seen: Vec<String>,
    /// Requests per (bucket, key) in the current window.
    windows: HashMap<(&'static str, String), (u64, u32)>,
    /// Zelty back office: activated, and whether the key is still to be shown once.
    pub zelty_active: bool,
    pub zelty_key_pending: bool,
    /// Zelty keys turned off by "Désactiver".
    pub disabled_keys: HashSet<String>,
    /// Zelty's webhook `secret_key` of each key's account, made on first use.
    pub webhook_secrets: HashMap<String, String>,
    /// The `state`s Zelty Bridge sent to HubRise's authorization and awaits back.
    pub bridge_states: HashSet<String>,
    /// Zelty Bridge per location index.
    pub installs: HashMap<usize, Install>,
    /// States of the CLI's connections remembered from earlier processes, by token digest.
    pub remembered: HashMap<String, ConnState>,
    /// Orders added with the test controls, per location index, oldest first.
    pub extra_orders: HashMap<usize, Vec<Extra>>,
    /// Where the orders' timeline starts (sandbox clock, seconds): this process's start,
    /// or the first process's with a memory file.
    pub origin: u64,
    pub options: Options,
    #[cfg(feature = "controls")]
    clock_offset: Duration,
    #[cfg(feature = "controls")]
    pub faults: super::faults::Faults,
    #[cfg(feature = "controls")]
    pub log: std::collections::VecDeque<LogEntry>,
}

impl Inner {
    /// Adds a connection unless another request added it first; returns the one kept.
    fn remember(&mut self, token: &str, conn: Connection) -> Connection {
        if !self.connections.contains_key(token) {
            self.seen.push(token.to_string());
        }
        self.connections.entry(token.to_string()).or_insert(conn).clone()
    }

    /// The Zelty Bridge install whose page id is `instance`.
    pub fn install_mut(&mut self, instance: &str) -> Option<&mut Install> {
        self.installs.values_mut().find(|i| i.instance == instance)
    }

    /// The state of Zelty Bridge's connection on a location, if it was ever authorized.
    pub fn bridge_state(&self, location: usize) -> Option<ConnState> {
        let install = self.installs.get(&location)?;
        self.connections.get(&install.token).map(|c| c.state)
    }
}

pub struct Shared {
    pub endpoints: zelty_bridge_endpoints::Endpoints,
    pub world: World,
    pub lang: Lang,
    pub latency: Duration,
    pub rate_limits: bool,
    /// Where to remember Zelty Bridge and connection states between processes.
    pub memory: Option<std::path::PathBuf>,
    pub inner: Mutex<Inner>,
    /// Flips to `true` at shutdown: hanging answers give up then.
    #[cfg_attr(not(feature = "controls"), allow(dead_code))] // only hanging faults wait on it
    pub stopping: watch::Receiver<bool>,
}

impl Shared {
    pub fn new(
        endpoints: zelty_bridge_endpoints::Endpoints,
        world: World,
        lang: Lang,
        latency: Duration,
        rate_limits: bool,
        stopping: watch::Receiver<bool>,
    ) -> Shared {
        let origin = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        Shared {
            endpoints,
            world,
            lang,
            latency,
            rate_limits,
            memory: None,
            inner: Mutex::new(Inner { origin, ..Inner::default() }),
            stopping,
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panicking handler must not take the whole sandbox down with it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The sandbox clock: wall time, plus what `POST /_sandbox/clock` added.
    pub fn now(&self) -> Duration {
        let wall = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        #[cfg(feature = "controls")]
        let wall = wall + self.lock().clock_offset;
        wall
    }

    #[cfg(feature = "controls")]
    pub fn advance_clock(&self, by: Duration) -> Duration {
        let mut inner = self.lock();
        inner.clock_offset += by;
        inner.clock_offset
    }

    pub fn new_code(&self, grant: Grant) -> String {
        let code = ids::random_code();
        self.lock().codes.insert(code.clone(), grant);
        code
    }

    /// Spends a code: it works once, within its lifetime.
    pub fn take_code(&self, code: &str) -> Result<Grant, CodeError> {
        let now = self.now();
        let grant = self.lock().codes.remove(code).ok_or(CodeError::Unknown)?;
        if now.saturating_sub(grant.issued_at) >= CODE_LIFETIME { Err(CodeError::Expired) } else { Ok(grant) }
    }

    /// The token of a grant; issuing it again reconnects a revoked connection, as
    /// re-authorizing does at HubRise. Same client, target and device id: same token.
    pub fn issue_token(&self, client: Client, target: &Target, device_id: Option<&str>) -> String {
        let token = ids::token(client.id(), &target.key(&self.world), device_id);
        let mut inner = self.lock();
        match inner.connections.get_mut(&token) {
            Some(c) if c.state == ConnState::Revoked => c.state = ConnState::Active,
            Some(_) => {}
            None => {
                inner.remember(&token, Connection { client, target: target.clone(), state: ConnState::Active });
            }
        }
        token
    }

    /// The connection behind a token, recognising the CLI's tokens issued by earlier
    /// processes (Zelty Bridge's never leave the sandbox).
    pub fn connection(&self, token: &str) -> Option<Connection> {
        if let Some(c) = self.lock().connections.get(token) {
            return Some(c.clone());
        }
        let target = std::iter::once(Target::Account)
            .chain((0..self.world.locations.len()).map(Target::Location))
            .find(|t| ids::token_matches(token, ids::CLIENT_ID, &t.key(&self.world)))?;
        let mut inner = self.lock();
        let state = inner.remembered.get(&super::memory::digest(token)).copied().unwrap_or(ConnState::Active);
        Some(inner.remember(token, Connection { client: Client::Cli, target, state }))
    }

    /// Sets a connection's state; `false` when the token is not one of ours. Disconnecting
    /// Zelty Bridge ends its configuration: it unsubscribes its Zelty webhooks.
    pub fn set_state(&self, token: &str, state: ConnState) -> bool {
        if self.connection(token).is_none() {
            return false;
        }
        let now = self.now().as_secs();
        let mut inner = self.lock();
        if let Some(c) = inner.connections.get_mut(token) {
            c.state = state;
        }
        inner.remembered.remove(&super::memory::digest(token));
        if state == ConnState::Revoked {
            for install in inner.installs.values_mut().filter(|i| i.token == token) {
                install.key = None;
                install.saved_at = None;
            }
        }
        // Blocked or gone from now on: the orders arriving later stay `new`.
        super::orders::record(&mut inner, now, None);
        drop(inner);
        super::memory::save(self);
        true
    }

    /// Counts a request in a fixed window of `window` seconds starting at a multiple of
    /// it; past `limit`, returns the seconds until the next window.
    pub fn rate_limited(&self, bucket: &'static str, key: &str, limit: u32, window: u64) -> Option<u64> {
        if !self.rate_limits {
            return None;
        }
        let now = self.now().as_secs();
        let start = now - now % window;
        let mut inner = self.lock();
        let entry = inner.windows.entry((bucket, key.to_string())).or_insert((start, 0));
        if entry.0 != start {
            *entry = (start, 0);
        }
        entry.1 += 1;
        (entry.1 > limit).then(|| (start + window - now).max(1))
    }

    #[cfg(feature = "controls")]
    pub fn record(&self, entry: LogEntry) {
        let mut inner = self.lock();
        if inner.log.len() >= LOG_CAPACITY {
            inner.log.pop_front();
        }
        inner.log.push_back(entry);
    }

    pub fn options(&self) -> Options {
        self.lock().options.clone()
    }

    /// The webhook secret of a Zelty key's account: random, made once per process.
    pub fn webhook_secret(&self, key: &str) -> String {
        self.lock().webhook_secrets.entry(key.to_string()).or_insert_with(|| ids::random_hex(20)).clone()
    }
}

#[cfg(test)]
pub(crate) fn test_shared(locations: usize, rate_limits: bool) -> Shared {
    let (_tx, stopping) = watch::channel(false);
    Shared::new(
        zelty_bridge_endpoints::Endpoints::production(),
        World::new(locations, 1),
        Lang::En,
        Duration::ZERO,
        rate_limits,
        stopping,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(s: &Shared) -> Grant {
        Grant {
            client: Client::Cli,
            target: Target::Location(0),
            device_id: None,
            catalog_id: None,
            customer_list_id: None,
            issued_at: s.now(),
            code_challenge: None,
        }
    }

    #[test]
    fn a_code_works_once() {
        let s = test_shared(2, false);
        let code = s.new_code(grant(&s));
        assert!(s.take_code(&code).is_ok());
        assert_eq!(s.take_code(&code).unwrap_err(), CodeError::Unknown);
        assert_eq!(s.take_code("0123").unwrap_err(), CodeError::Unknown);
    }

    #[test]
    fn a_code_expires_after_ten_minutes() {
        let s = test_shared(2, false);
        let code = s.new_code(grant(&s));
        s.advance_clock(Duration::from_secs(601));
        assert_eq!(s.take_code(&code).unwrap_err(), CodeError::Expired);
        let fresh = s.new_code(grant(&s));
        s.advance_clock(Duration::from_secs(590));
        assert!(s.take_code(&fresh).is_ok());
    }

    #[test]
    fn tokens_from_another_process_are_recognised() {
        let earlier = test_shared(3, false);
        let token = earlier.issue_token(Client::Cli, &Target::Location(2), Some("till 2"));
        let later = test_shared(3, false);
        assert_eq!(later.connection(&token).unwrap().target, Target::Location(2));
        let account = later.issue_token(Client::Cli, &Target::Account, None);
        assert_eq!(test_shared(1, false).connection(&account).unwrap().target, Target::Account);
        assert!(test_shared(2, false).connection(&token).is_none());
        assert!(later.connection("ffffffffffffffffffffffffffffffff").is_none());
        let bridge = earlier.issue_token(Client::Bridge, &Target::Location(2), None);
        assert!(later.connection(&bridge).is_none(), "Zelty Bridge's tokens stay in their process");
    }

    #[test]
    fn states_stick_and_reauthorizing_reconnects() {
        let s = test_shared(2, false);
        let token = s.issue_token(Client::Cli, &Target::Location(1), None);
        assert!(s.set_state(&token, ConnState::Revoked));
        assert_eq!(s.connection(&token).unwrap().state, ConnState::Revoked);
        s.issue_token(Client::Cli, &Target::Location(1), None);
        assert_eq!(s.connection(&token).unwrap().state, ConnState::Active);
        assert!(s.set_state(&token, ConnState::Blocked));
        s.issue_token(Client::Cli, &Target::Location(1), None);
        assert_eq!(s.connection(&token).unwrap().state, ConnState::Blocked);
        assert!(!s.set_state("nope", ConnState::Blocked));
    }

    #[test]
    fn windows_count_and_reset() {
        let s = test_shared(1, true);
        let mut limited = None;
        for _ in 0..6 {
            limited = s.rate_limited("t", "k", 5, 3600);
        }
        let wait = limited.expect("the sixth request is over the limit");
        assert!((1..=3600).contains(&wait));
        assert_eq!(s.rate_limited("t", "other", 5, 3600), None);
        s.advance_clock(Duration::from_secs(3600));
        assert_eq!(s.rate_limited("t", "k", 5, 3600), None);
        assert_eq!(test_shared(1, false).rate_limited("t", "k", 0, 60), None);
    }
}
