//! Pacing a run to the services' limits. HubRise counts requests per connection (one
//! access token) in fixed windows that start at round minutes, hours and days: 500 a
//! minute, 2,500 an hour, 10,000 a day (https://www.hubrise.com/developers/api/general-concepts,
//! "Rate limits"). `Windows` keeps each token under all three, charging a request sent near
//! a boundary to both windows around it, so that a small clock difference with the server
//! never puts 501 requests in one of its windows. Zelty's limit is per key: each Zelty
//! call waits for its key's turn in the run's `zelty::pace::Pacer`. Both are applied
//! through `http::Pace`, before every attempt, retries included, because a retry counts
//! against the limit like any request.

use crate::http::{Pace, Service};
use crate::i18n::Msg;
use crate::printer::Printer;
use crate::secret::Secret;
use crate::zelty::pace::{KeyLane, Pacer};
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::hash::{Hash, Hasher};
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// At most `max` requests in each window of `period` seconds, windows starting at
/// multiples of `period` since the Unix epoch (round minutes, hours, UTC days).
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub period: u64,
    pub max: u32,
}

/// HubRise's limit on high-load calls (listing orders, `GET /catalogs/:id`…), per
/// connection, on top of the others (same page, "Rate limits").
pub const HIGH_LOAD: [Limit; 1] = [Limit { period: 60, max: 10 }];

/// HubRise's per-connection limits.
pub const HUBRISE: [Limit; 3] =
    [Limit { period: 60, max: 500 }, Limit { period: 3600, max: 2500 }, Limit { period: 86_400, max: 10_000 }];

/// How far our clock and the server's may disagree (NTP keeps them far closer).
pub const GUARD: Duration = Duration::from_secs(1);

/// The longest pause a 429 imposes: a minute window and its guard. Waiting longer would
/// look like a hang; the request then fails as unreachable and is reported.
const MAX_PAUSE: Duration = Duration::from_secs(61);

/// The counting, with the time passed in (since the Unix epoch), so tests drive it.
#[derive(Debug)]
pub struct Windows {
    limits: &'static [Limit],
    guard: Duration,
    /// Requests charged, per limit, per window index.
    counts: Vec<BTreeMap<u64, u32>>,
    /// A 429 said to send nothing before this.
    paused_until: Duration,
}

impl Windows {
    pub fn new(limits: &'static [Limit], guard: Duration) -> Windows {
        Windows { limits, guard, counts: vec![BTreeMap::new(); limits.len()], paused_until: Duration::ZERO }
    }

    /// Charges one request sent at `now`, or says how long to wait before asking again.
    pub fn take(&mut self, now: Duration) -> Result<(), Duration> {
        if now < self.paused_until {
            return Err(self.paused_until - now);
        }
        let mut ready_at = None;
        for (limit, counts) in self.limits.iter().zip(&mut self.counts) {
            let (first, last) = touched(now, self.guard, limit.period);
            counts.retain(|&w, _| w >= first);
            for w in first..=last {
                if counts.get(&w).copied().unwrap_or(0) >= limit.max {
                    // Sending is safe again once `now - guard` is past this window.
                    let at = Duration::from_secs((w + 1) * limit.period) + self.guard;
                    ready_at = ready_at.max(Some(at));
                }
            }
        }
        if let Some(at) = ready_at {
            return Err(at.saturating_sub(now).max(Duration::from_millis(1)));
        }
        for (limit, counts) in self.limits.iter().zip(&mut self.counts) {
            let (first, last) = touched(now, self.guard, limit.period);
            for w in first..=last {
                *counts.entry(w).or_insert(0) += 1;
            }
        }
        Ok(())
    }

    /// The server answered 429 anyway (another client on the same connection, a clock far
    /// off): nothing more until its Retry-After or, without one, the next minute.
    pub fn throttled(&mut self, now: Duration, retry_after: Option<Duration>) {
        let next_minute = Duration::from_secs((now.as_secs() / 60 + 1) * 60) + self.guard;
        let until = now + retry_after.unwrap_or(next_minute - now).min(MAX_PAUSE);
        self.paused_until = self.paused_until.max(until);
    }
}

/// The windows of `period` a request sent at `now` may land in on the server's clock.
fn touched(now: Duration, guard: Duration, period: u64) -> (u64, u64) {
    (now.saturating_sub(guard).as_secs() / period, (now + guard).as_secs() / period)
}

fn epoch_now() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

/// One HubRise connection's windows, shared by the restaurants that use its token.
pub struct Limiter {
    state: Mutex<(Windows, Duration)>,
    printer: Printer,
}

impl Limiter {
    pub fn new(limits: &'static [Limit], printer: Printer) -> Limiter {
        Limiter { state: Mutex::new((Windows::new(limits, GUARD), Duration::ZERO)), printer }
    }

    pub async fn acquire(&self) {
        loop {
            let wait = {
                let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
                let now = epoch_now();
                match state.0.take(now) {
                    Ok(()) => return,
                    Err(wait) => {
                        // Say once per window why the run slows down, so a CI log explains
                        // a pause rather than looking stuck.
                        if wait >= Duration::from_secs(5) && state.1 != now + wait {
                            state.1 = now + wait;
                            self.printer
                                .info(Msg::RateLimitWait.with("service", "HubRise").with("secs", wait.as_secs()));
                        }
                        wait
                    }
                }
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// Takes a request's place only if one is free now: for what is worth doing only
    /// when it costs no wait.
    pub fn try_acquire(&self) -> bool {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).0.take(epoch_now()).is_ok()
    }

    fn throttled(&self, retry_after: Option<Duration>) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).0.throttled(epoch_now(), retry_after);
    }
}

/// A token's limiters: all its calls, its high-load calls.
type TokenLimiters = (Arc<Limiter>, Arc<Limiter>);

/// The run's pacing: the Zelty pacer (per key), and per distinct HubRise token a
/// `Limiter` for all its calls and one for its high-load calls.
pub struct Lanes {
    zelty: Arc<Pacer>,
    hubrise: Mutex<HashMap<u64, TokenLimiters>>,
    printer: Printer,
}

impl Lanes {
    pub fn new(printer: Printer, zelty: Arc<Pacer>) -> Lanes {
        Lanes { zelty, hubrise: Mutex::default(), printer }
    }

    /// The token's two limiters. Tokens are told apart by a hash, so the map holds no copy
    /// of a secret.
    fn limiters(&self, token: &Secret) -> TokenLimiters {
        let mut hasher = std::hash::DefaultHasher::new();
        token.expose().hash(&mut hasher);
        let mut map = self.hubrise.lock().unwrap_or_else(PoisonError::into_inner);
        let (all, high) = map.entry(hasher.finish()).or_insert_with(|| {
            (
                Arc::new(Limiter::new(&HUBRISE, self.printer.clone())),
                Arc::new(Limiter::new(&HIGH_LOAD, self.printer.clone())),
            )
        });
        (Arc::clone(all), Arc::clone(high))
    }

    /// The pacing for a restaurant whose Zelty calls use `key` and HubRise calls `token`.
    pub fn lane(&self, key: &Secret, token: &Secret) -> Arc<Lane> {
        Arc::new(Lane { zelty: self.zelty.lane(key), hubrise: self.limiters(token).0 })
    }

    /// `token`'s windows for all its calls.
    pub fn hubrise(&self, token: &Secret) -> Arc<Limiter> {
        self.limiters(token).0
    }

    /// The limiter of `token`'s high-load calls, taken before each one (the lane's
    /// limiter still counts it among all the token's calls).
    pub fn high_load(&self, token: &Secret) -> Arc<Limiter> {
        self.limiters(token).1
    }

    /// The Zelty pacer, for calls made per key rather than per restaurant.
    pub fn zelty(&self) -> &Arc<Pacer> {
        &self.zelty
    }
}

/// A token's windows alone, for HubRise calls made without a Zelty key at hand.
impl Pace for Limiter {
    fn ready(&self, service: Service) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        match service {
            Service::HubRise => Box::pin(self.acquire()),
            Service::Zelty => Box::pin(std::future::ready(())),
        }
    }

    fn throttled(&self, service: Service, retry_after: Option<Duration>) {
        if service == Service::HubRise {
            Limiter::throttled(self, retry_after);
        }
    }
}

/// One restaurant's pacing: its Zelty key's turns and its token's HubRise windows.
pub struct Lane {
    zelty: Arc<KeyLane>,
    hubrise: Arc<Limiter>,
}

impl Pace for Lane {
    fn ready(&self, service: Service) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        match service {
            Service::Zelty => Box::pin(self.zelty.ready()),
            Service::HubRise => Box::pin(self.hubrise.acquire()),
        }
    }

    fn throttled(&self, service: Service, retry_after: Option<Duration>) {
        match service {
            Service::Zelty => self.zelty.throttled(retry_after),
            Service::HubRise => self.hubrise.throttled(retry_after),
        }
    }
}

#[cfg(test)]
mod tests;
