//! Zelty's rate limit, kept before it bites. Zelty's API reference
//! (https://docs.zelty.fr, "Rate limiting") allows 1 request a second per account and per
//! IP, and says the figure may vary: so every Zelty call waits for its key's turn (a key
//! is an account), spaced by the published interval plus a tenth, so that network jitter
//! never lands two requests in one of Zelty's seconds. `ZELTY_BRIDGE_ZELTY_RATE` (requests
//! a second) follows Zelty if it changes the figure. When Zelty still answers 429, 423 or
//! 425, the key's next turn moves to its `Retry-After` or, without one, to an exponential
//! back-off with jitter (the same reference advises exponential back-off on these), and
//! every caller of that key waits, not only the one that got the answer.

use crate::env::Env;
use crate::error::{Failure, Kind};
use crate::http::{Pace, Service, jitter};
use crate::i18n::Msg;
use crate::secret::Secret;
use std::collections::HashMap;
use std::future::Future;
use std::hash::{Hash, Hasher};
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// Requests a second per key (Zelty's published figure) and the variable that changes it.
pub const DEFAULT_RATE: f64 = 1.0;
pub const RATE_VAR: &str = "ZELTY_BRIDGE_ZELTY_RATE";

/// The longest a back-off or a `Retry-After` holds a key.
const MAX_WAIT: Duration = Duration::from_secs(30);

/// A Zelty key told apart from the others by a hash, so that no map holds a copy of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyId(u64);

impl KeyId {
    pub fn of(key: &Secret) -> KeyId {
        let mut hasher = std::hash::DefaultHasher::new();
        key.expose().hash(&mut hasher);
        KeyId(hasher.finish())
    }
}

/// `ZELTY_BRIDGE_ZELTY_RATE`, or Zelty's published rate when unset.
pub fn rate_from(env: &Env) -> anyhow::Result<f64> {
    let Some(value) = env.get(RATE_VAR) else { return Ok(DEFAULT_RATE) };
    value.trim().parse::<f64>().ok().filter(|r| (0.01..=100.0).contains(r)).ok_or_else(|| {
        Failure::new(
            Kind::Usage,
            "bad_environment",
            Msg::BadEnvVar.with("var", RATE_VAR).with("value", value).with("expected", "0.01–100"),
        )
        .into()
    })
}

/// The process's pacer: every Zelty call of a run, whichever command makes it, takes its
/// key's turn here.
static GLOBAL: OnceLock<Arc<Pacer>> = OnceLock::new();

/// Sets the process's rate from the environment, once, at start-up.
pub fn configure(env: &Env) -> anyhow::Result<()> {
    let pacer = Pacer::from_env(env)?;
    let _ = GLOBAL.set(Arc::new(pacer));
    Ok(())
}

/// The process's pacer (Zelty's published rate if `configure` was not called).
pub fn global() -> Arc<Pacer> {
    Arc::clone(GLOBAL.get_or_init(|| Arc::new(Pacer::new(DEFAULT_RATE))))
}

/// One key's turns.
#[derive(Debug, Default)]
struct Turns {
    /// The earliest the next request may leave.
    next: Option<Instant>,
    /// 429s in a row, for the back-off's exponent.
    strikes: u32,
    /// When the strikes are forgotten, if no new throttle comes first.
    calm_at: Option<Instant>,
    /// Bumped by each throttle: a caller that reserved its turn before it asks again.
    epoch: u64,
}

/// The per-key pacing of a run, shared by every Zelty call it makes.
pub struct Pacer {
    interval: Duration,
    keys: Mutex<HashMap<KeyId, Turns>>,
}

impl Pacer {
    /// `per_second` requests a second per key, with a tenth of the interval to spare.
    pub fn new(per_second: f64) -> Pacer {
        Pacer { interval: Duration::from_secs_f64(1.1 / per_second), keys: Mutex::default() }
    }

    pub fn from_env(env: &Env) -> anyhow::Result<Pacer> {
        Ok(Pacer::new(rate_from(env)?))
    }

    /// Waits for `key`'s next turn and takes it.
    pub async fn ready(&self, key: KeyId) {
        loop {
            let (at, epoch) = {
                let mut keys = self.keys.lock().unwrap_or_else(PoisonError::into_inner);
                let turns = keys.entry(key).or_default();
                let now = Instant::now();
                if turns.calm_at.is_some_and(|t| now >= t) {
                    (turns.strikes, turns.calm_at) = (0, None);
                }
                let at = turns.next.map_or(now, |n| n.max(now));
                turns.next = Some(at + self.interval);
                (at, turns.epoch)
            };
            tokio::time::sleep_until(at).await;
            let keys = self.keys.lock().unwrap_or_else(PoisonError::into_inner);
            // A throttle while we slept moved every turn: take a new one.
            if keys.get(&key).is_none_or(|t| t.epoch == epoch) {
                return;
            }
        }
    }

    /// Zelty answered 429, 423 or 425 on `key`: no request on it before `Retry-After`
    /// or, without one, an exponential back-off with jitter.
    pub fn throttled(&self, key: KeyId, retry_after: Option<Duration>) {
        let mut keys = self.keys.lock().unwrap_or_else(PoisonError::into_inner);
        let turns = keys.entry(key).or_default();
        turns.strikes = turns.strikes.saturating_add(1);
        turns.epoch += 1;
        let wait = retry_after.unwrap_or_else(|| backoff(self.interval, turns.strikes, jitter())).min(MAX_WAIT);
        let until = Instant::now() + wait;
        turns.next = Some(turns.next.map_or(until, |n| n.max(until)));
        turns.calm_at = Some(until + wait);
    }

    /// The pacing of one key, for `Http::paced`.
    pub fn lane(self: &Arc<Pacer>, key: &Secret) -> Arc<KeyLane> {
        Arc::new(KeyLane { pacer: Arc::clone(self), key: KeyId::of(key) })
    }
}

/// The wait after the `strikes`-th throttle in a row: twice the interval, doubled each
/// time, up to `MAX_WAIT`, then a random point of its upper half (`unit` in [0, 1)).
pub fn backoff(interval: Duration, strikes: u32, unit: f64) -> Duration {
    let full = interval.saturating_mul(2u32.saturating_pow(strikes.min(16))).min(MAX_WAIT);
    full / 2 + full.mul_f64(unit.clamp(0.0, 1.0) / 2.0)
}

/// One key's turns as an `http::Pace`: Zelty calls wait for them, HubRise calls don't.
pub struct KeyLane {
    pacer: Arc<Pacer>,
    key: KeyId,
}

impl KeyLane {
    pub fn ready(&self) -> impl Future<Output = ()> + Send + '_ {
        self.pacer.ready(self.key)
    }

    pub fn throttled(&self, retry_after: Option<Duration>) {
        self.pacer.throttled(self.key, retry_after);
    }
}

impl Pace for KeyLane {
    fn ready(&self, service: Service) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        match service {
            Service::Zelty => Box::pin(KeyLane::ready(self)),
            Service::HubRise => Box::pin(std::future::ready(())),
        }
    }

    fn throttled(&self, service: Service, retry_after: Option<Duration>) {
        if service == Service::Zelty {
            KeyLane::throttled(self, retry_after);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> KeyId {
        KeyId::of(&Secret::new(format!("MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEj{n:02}")))
    }

    /// When each of `count` callers of one key got its turn, in seconds after the start.
    async fn turns(pacer: &Arc<Pacer>, keys: &[KeyId]) -> Vec<f64> {
        let start = Instant::now();
        let tasks: Vec<_> = keys
            .iter()
            .map(|&k| {
                let pacer = Arc::clone(pacer);
                tokio::spawn(async move {
                    pacer.ready(k).await;
                    start.elapsed().as_secs_f64()
                })
            })
            .collect();
        let mut at = Vec::new();
        for task in tasks {
            at.push(task.await.unwrap());
        }
        at.sort_by(f64::total_cmp);
        at
    }

    #[tokio::test(start_paused = true)]
    async fn one_key_gets_one_turn_per_interval_and_keys_do_not_wait_for_each_other() {
        let pacer = Arc::new(Pacer::new(1.0));
        let at = turns(&pacer, &[key(1); 4]).await;
        // 1 a second, plus the tenth to spare: 0, 1.1, 2.2, 3.3.
        for (i, t) in at.iter().enumerate() {
            assert!((t - 1.1 * i as f64).abs() < 0.01, "{at:?}");
        }
        let other = Arc::new(Pacer::new(1.0));
        let at = turns(&other, &[key(1), key(2), key(3)]).await;
        assert!(at.iter().all(|t| *t < 0.01), "distinct keys wait for nobody: {at:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn the_rate_follows_the_setting() {
        let pacer = Arc::new(Pacer::new(4.0));
        let at = turns(&pacer, &[key(1); 3]).await;
        assert!((at[2] - 2.0 * 1.1 / 4.0).abs() < 0.01, "{at:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn retry_after_holds_every_caller_of_the_key_and_only_that_key() {
        let pacer = Arc::new(Pacer::new(1.0));
        pacer.ready(key(1)).await;
        pacer.throttled(key(1), Some(Duration::from_secs(7)));
        let at = turns(&pacer, &[key(1), key(1), key(2)]).await;
        assert!(at[0] < 0.01, "the other key goes at once: {at:?}");
        assert!((at[1] - 7.0).abs() < 0.01 && (at[2] - 8.1).abs() < 0.01, "{at:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn a_caller_waiting_for_its_turn_waits_again_after_a_throttle() {
        let pacer = Arc::new(Pacer::new(1.0));
        pacer.ready(key(1)).await;
        let waiting = {
            let pacer = Arc::clone(&pacer);
            tokio::spawn(async move {
                let start = Instant::now();
                pacer.ready(key(1)).await;
                start.elapsed()
            })
        };
        tokio::time::sleep(Duration::from_millis(500)).await;
        pacer.throttled(key(1), Some(Duration::from_secs(5)));
        let waited = waiting.await.unwrap();
        assert!(waited >= Duration::from_millis(5500), "{waited:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn without_retry_after_the_back_off_grows_then_calms_down() {
        let pacer = Arc::new(Pacer::new(1.0));
        let mut waits = Vec::new();
        for _ in 0..4 {
            pacer.throttled(key(1), None);
            let start = Instant::now();
            pacer.ready(key(1)).await;
            waits.push(start.elapsed().as_secs_f64());
        }
        // 2^n intervals of 1.1 s, each somewhere in its upper half.
        for (n, w) in waits.iter().enumerate() {
            let full = 1.1 * f64::from(2u32.pow(n as u32 + 1));
            assert!(*w >= full / 2.0 - 0.01 && *w <= full + 0.01, "{waits:?}");
        }
        // A quiet spell as long as the last wait: the next throttle starts over.
        tokio::time::sleep(Duration::from_secs(60)).await;
        pacer.ready(key(1)).await;
        pacer.throttled(key(1), None);
        let start = Instant::now();
        pacer.ready(key(1)).await;
        assert!(start.elapsed().as_secs_f64() <= 2.2 + 0.01, "{:?}", start.elapsed());
    }

    #[test]
    fn back_off_is_capped_and_jitter_stays_in_the_upper_half() {
        let i = Duration::from_millis(1100);
        assert_eq!(backoff(i, 1, 0.0), Duration::from_millis(1100));
        assert_eq!(backoff(i, 1, 1.0), Duration::from_millis(2200));
        assert_eq!(backoff(i, 3, 0.5), Duration::from_millis(6600));
        assert_eq!(backoff(i, 40, 1.0), MAX_WAIT);
        for _ in 0..100 {
            let u = jitter();
            assert!((0.0..1.0).contains(&u));
        }
    }

    #[test]
    fn the_rate_variable_is_checked() {
        let env = |v: &str| Env::from_pairs([(RATE_VAR, v)]);
        assert_eq!(rate_from(&Env::from_pairs::<&str, &str>([])).unwrap(), 1.0);
        assert_eq!(rate_from(&env("0.5")).unwrap(), 0.5);
        for bad in ["0", "-1", "fast", "1000"] {
            assert!(rate_from(&env(bad)).is_err(), "{bad}");
        }
    }
}
