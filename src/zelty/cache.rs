//! One question per distinct Zelty key per run (`GET /restaurants` for `provision`,
//! `GET /webhooks` for `status --all-profiles`). A chain's restaurants share one group key
//! (one Zelty account), and Zelty allows that account one request a second
//! (https://docs.zelty.fr): asking it the same question for each restaurant would only
//! queue them. The first entry of a key asks; the others wait for that answer and share
//! it, a rejection included. Whether a failure to reach Zelty is kept too depends on the
//! command: `provision` asks again for the next entry, `status` reports it for all.

use super::Restaurant;
use super::pace::KeyId;
use crate::error::{Failure, Kind, failure_of};
use crate::secret::Secret;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::OnceCell;

/// Which failures are kept as the key's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Refusals (a revoked key, a bad manifest entry); the next caller asks again after
    /// any other failure.
    Refusals,
    /// Every answer: one question per key, whatever happens.
    Everything,
}

/// Where a key's answer is kept once made.
type Cell<T> = Arc<OnceCell<Result<T, Failure>>>;

/// An answer per key, made once.
pub struct PerKey<T> {
    cells: Mutex<HashMap<KeyId, Cell<T>>>,
    keep: Keep,
}

/// The restaurants each key sees.
pub type RestaurantsCache = PerKey<Arc<[Restaurant]>>;

impl<T> Default for PerKey<T> {
    fn default() -> PerKey<T> {
        PerKey { cells: Mutex::default(), keep: Keep::Refusals }
    }
}

impl<T: Clone> PerKey<T> {
    pub fn new(keep: Keep) -> PerKey<T> {
        PerKey { cells: Mutex::default(), keep }
    }

    /// `key`'s answer: from an earlier caller in this run, or from `fetch`, called by one
    /// caller of the key at a time until one gets an answer to keep.
    pub async fn get<U, F, Fut>(&self, key: &Secret, fetch: F) -> anyhow::Result<T>
    where
        U: Into<T>,
        F: FnOnce() -> Fut,
        Fut: Future<Output = anyhow::Result<U>>,
    {
        let cell =
            Arc::clone(self.cells.lock().unwrap_or_else(PoisonError::into_inner).entry(KeyId::of(key)).or_default());
        let answer = cell
            .get_or_try_init(|| async {
                match fetch().await {
                    Ok(value) => Ok(Ok(value.into())),
                    Err(err) => match failure_of(&err) {
                        Some(f) if self.keep == Keep::Everything || matches!(f.kind, Kind::Rejected | Kind::Usage) => {
                            Ok(Err(f.clone()))
                        }
                        _ => Err(err),
                    },
                }
            })
            .await?;
        match answer {
            Ok(value) => Ok(value.clone()),
            Err(failure) => Err(failure.clone().into()),
        }
    }

    /// Distinct keys asked so far.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.cells.lock().unwrap_or_else(PoisonError::into_inner).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Msg;
    use crate::zelty::pace::Pacer;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;
    use tokio::time::Instant;

    fn key(n: u8) -> Secret {
        Secret::new(format!("MTIzNDU6q83vEjRWeJq83vEjRWeJq83vEj{n:02}"))
    }

    fn list(id: i64) -> Vec<Restaurant> {
        vec![Restaurant { id, name: format!("R{id}"), disable: false }]
    }

    /// Twenty entries of one chain key and two of another, side by side, each fetch paced
    /// and taking 50 ms: one request per key, every entry served, no waiting for a second
    /// turn of the key.
    #[tokio::test(start_paused = true)]
    async fn one_request_per_key_shared_by_every_entry() {
        let (cache, pacer, calls) = (RestaurantsCache::default(), Arc::new(Pacer::new(1.0)), AtomicUsize::new(0));
        let start = Instant::now();
        let entry = |k: Secret, id: i64| {
            let (cache, pacer, calls) = (&cache, &pacer, &calls);
            async move {
                let lane = pacer.lane(&k);
                cache
                    .get(&k, || async {
                        lane.ready().await;
                        calls.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        Ok(list(id))
                    })
                    .await
                    .unwrap()[0]
                    .id
            }
        };
        let mut entries: Vec<_> = (0..20).map(|_| Box::pin(entry(key(1), 1))).collect();
        entries.extend((0..2).map(|_| Box::pin(entry(key(2), 2))));
        let ids = futures_join(entries).await;
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(ids.iter().filter(|&&id| id == 1).count(), 20);
        assert_eq!(ids.iter().filter(|&&id| id == 2).count(), 2);
        assert_eq!(cache.len(), 2);
        assert!(start.elapsed() < Duration::from_millis(100), "{:?}", start.elapsed());
    }

    #[tokio::test(start_paused = true)]
    async fn a_rejection_is_kept_and_a_failure_to_reach_zelty_is_not() {
        let (cache, calls) = (RestaurantsCache::default(), AtomicUsize::new(0));
        let rejected = || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err::<Vec<Restaurant>, _>(
                Failure::new(Kind::Rejected, "zelty_key_rejected", Msg::ZeltyKeyRejected.text()).into(),
            )
        };
        for _ in 0..3 {
            let err = cache.get(&key(1), rejected).await.unwrap_err();
            assert_eq!(failure_of(&err).unwrap().code, "zelty_key_rejected");
        }
        assert_eq!(calls.swap(0, Ordering::SeqCst), 1);

        let unreachable = || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err::<Vec<Restaurant>, _>(
                Failure::new(Kind::Unreachable, "zelty_unreachable", Msg::ZeltyKeyRejected.text()).into(),
            )
        };
        assert!(cache.get(&key(2), unreachable).await.is_err());
        assert!(cache.get(&key(2), || async { Ok(list(7)) }).await.is_ok());
        assert_eq!(cache.get(&key(2), unreachable).await.unwrap()[0].id, 7);
        assert_eq!(calls.swap(0, Ordering::SeqCst), 1);

        // `status` keeps every answer: one question per key, even when Zelty is down.
        let kept: RestaurantsCache = PerKey::new(Keep::Everything);
        for _ in 0..3 {
            assert!(kept.get(&key(3), unreachable).await.is_err());
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    /// Polls every future on this task until all are done, keeping their order.
    async fn futures_join<F: Future<Output = i64>>(futures: Vec<std::pin::Pin<Box<F>>>) -> Vec<i64> {
        let mut slots: Vec<_> = futures.into_iter().map(|f| (Some(f), None)).collect();
        std::future::poll_fn(|cx| {
            let mut pending = false;
            for (future, out) in &mut slots {
                if let Some(f) = future {
                    match f.as_mut().poll(cx) {
                        std::task::Poll::Ready(v) => (*future, *out) = (None, Some(v)),
                        std::task::Poll::Pending => pending = true,
                    }
                }
            }
            if pending { std::task::Poll::Pending } else { std::task::Poll::Ready(()) }
        })
        .await;
        slots.into_iter().filter_map(|(_, out)| out).collect()
    }
}
