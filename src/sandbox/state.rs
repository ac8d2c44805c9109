//! The sandbox's memory for one process: authorization codes, what happened to each
//! connection (revoked, blocked, suspended), the test clock, rate-limit counters, the
//! Zelty back office's activation, the tunable behaviours, and the request log.

use super::data::{ACCOUNT_ID, World};
use super::faults::Faults;
use super::ids;
use super::options::Options;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::watch;

/// Codes expire after 10 minutes (hubrise-api.md §1.4).
pub const CODE_LIFETIME: Duration = Duration::from_secs(600);
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

/// A connection's state (hubrise-api.md §3.4).
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
    pub target: Target,
    pub state: ConnState,
}

/// What an authorization code will be exchanged for.
#[derive(Debug, Clone)]
pub struct Grant {
    pub target: Target,
    pub device_id: Option<String>,
    pub catalog_id: Option<String>,
    pub customer_list_id: Option<String>,
    pub issued_at: Duration,
}

/// Why a code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeError {
    Unknown,
    Expired,
}

/// One line of the request log: never a header value nor a body value.
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
    clock_offset: Duration,
    pub faults: Faults,
    pub log: VecDeque<LogEntry>,
    /// Requests per (bucket, key) in the current window.
    windows: HashMap<(&'static str, String), (u64, u32)>,
    /// Zelty back office: activated, and whether the key is still to be shown once.
    pub zelty_active: bool,
    pub zelty_key_pending: bool,
    /// Zelty keys turned off by "Désactiver".
    pub disabled_keys: HashSet<String>,
    pub options: Options,
}

impl Inner {
    /// Adds a connection unless another request added it first; returns the one kept.
    fn remember(&mut self, token: &str, conn: Connection) -> Connection {
        if !self.connections.contains_key(token) {
            self.seen.push(token.to_string());
        }
        self.connections.entry(token.to_string()).or_insert(conn).clone()
    }
}

pub struct Shared {
    pub endpoints: crate::settings::Endpoints,
    pub world: World,
    pub lang: Lang,
    pub latency: Duration,
    pub rate_limits: bool,
    pub inner: Mutex<Inner>,
    /// Flips to `true` at shutdown: hanging answers give up then.
    pub stopping: watch::Receiver<bool>,
}

impl Shared {
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panicking handler must not take the whole sandbox down with it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The sandbox clock: wall time plus what `POST /_sandbox/clock` added.
    pub fn now(&self) -> Duration {
        SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default() + self.lock().clock_offset
    }

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
    /// re-authorizing does at HubRise.
    pub fn issue_token(&self, target: &Target, device_id: Option<&str>) -> String {
        let token = ids::token(ids::CLIENT_ID, &target.key(&self.world), device_id);
        let mut inner = self.lock();
        match inner.connections.get_mut(&token) {
            Some(c) if c.state == ConnState::Revoked => c.state = ConnState::Active,
            Some(_) => {}
            None => {
                inner.remember(&token, Connection { target: target.clone(), state: ConnState::Active });
            }
        }
        token
    }

    /// The connection behind a token, recognising tokens issued by earlier processes.
    pub fn connection(&self, token: &str) -> Option<Connection> {
        if let Some(c) = self.lock().connections.get(token) {
            return Some(c.clone());
        }
        let target = std::iter::once(Target::Account)
            .chain((0..self.world.locations.len()).map(Target::Location))
            .find(|t| ids::token_matches(token, ids::CLIENT_ID, &t.key(&self.world)))?;
        Some(self.lock().remember(token, Connection { target, state: ConnState::Active }))
    }

    /// Sets a connection's state; `false` when the token is not one of ours.
    pub fn set_state(&self, token: &str, state: ConnState) -> bool {
        if self.connection(token).is_none() {
            return false;
        }
        if let Some(c) = self.lock().connections.get_mut(token) {
            c.state = state;
        }
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
}

#[cfg(test)]
pub(crate) fn test_shared(locations: usize, rate_limits: bool) -> Shared {
    let (_tx, stopping) = watch::channel(false);
    Shared {
        endpoints: crate::settings::Endpoints::production(),
        world: World::new(locations, 1),
        lang: Lang::En,
        latency: Duration::ZERO,
        rate_limits,
        inner: Mutex::new(Inner::default()),
        stopping,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(s: &Shared) -> Grant {
        Grant {
            target: Target::Location(0),
            device_id: None,
            catalog_id: None,
            customer_list_id: None,
            issued_at: s.now(),
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
        let token = earlier.issue_token(&Target::Location(2), Some("till 2"));
        let later = test_shared(3, false);
        assert_eq!(later.connection(&token).unwrap().target, Target::Location(2));
        let account = later.issue_token(&Target::Account, None);
        assert_eq!(test_shared(1, false).connection(&account).unwrap().target, Target::Account);
        assert!(test_shared(2, false).connection(&token).is_none());
        assert!(later.connection("ffffffffffffffffffffffffffffffff").is_none());
    }

    #[test]
    fn states_stick_and_reauthorizing_reconnects() {
        let s = test_shared(2, false);
        let token = s.issue_token(&Target::Location(1), None);
        assert!(s.set_state(&token, ConnState::Revoked));
        assert_eq!(s.connection(&token).unwrap().state, ConnState::Revoked);
        s.issue_token(&Target::Location(1), None);
        assert_eq!(s.connection(&token).unwrap().state, ConnState::Active);
        assert!(s.set_state(&token, ConnState::Blocked));
        s.issue_token(&Target::Location(1), None);
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
