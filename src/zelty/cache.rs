//! One `GET /restaurants` per distinct Zelty key per run. A chain's restaurants share one
//! group key (one Zelty account), and Zelty allows that account one request a second
//! (https://docs.zelty.fr): asking it the same question for each restaurant would only
//! queue them. The first entry of a key asks; the others wait for that answer and share
//! it, a rejection included. A failure to reach Zelty is not kept: the next entry asks
//! again.

use super::Restaurant;
use super::pace::KeyId;
use crate::error::{Failure, Kind, failure_of};
use crate::secret::Secret;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::OnceCell;

/// What Zelty said about a key: its restaurants, or why it refused the key.
type Answer = Result<Arc<[Restaurant]>, Failure>;

#[derive(Default)]
pub struct RestaurantsCache {
    cells: Mutex<HashMap<KeyId, Arc<OnceCell<Answer>>>>,
}

impl RestaurantsCache {
    /// The restaurants `key` sees: from an earlier answer in this run, or from `fetch`,
    /// called by one caller of the key at a time until one gets an answer to keep.
    pub async fn get<F, Fut>(&self, key: &Secret, fetch: F) -> anyhow::Result<Arc<[Restaurant]>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = anyhow::Result<Vec<Restaurant>>>,
    {
        let cell =
            Arc::clone(self.cells.lock().unwrap_or_else(PoisonError::into_inner).entry(KeyId::of(key)).or_default());
        let answer = cell
            .get_or_try_init(|| async {
                match fetch().await {
                    Ok(list) => Ok(Ok(Arc::from(list))),
                    Err(err) => match failure_of(&err) {
                        Some(f) if matches!(f.kind, Kind::Rejected | Kind::Usage) => Ok(Err(copy(f))),
                        _ => Err(err),
                    },
                }
            })
            .await?;
        match answer {
            Ok(list) => Ok(Arc::clone(list)),
            Err(failure) => Err(copy(failure).into()),
        }
    }

    /// Distinct keys asked so far.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.cells.lock().unwrap_or_else(PoisonError::into_inner).len()
    }
}

/// A kept refusal, handed to each entry of the key as its own error.
fn copy(f: &Failure) -> Failure {
    let mut copy = Failure::new(f.kind, f.code, f.message.clone());
    if let Some(hint) = &f.hint {
        copy = copy.hint(hint.clone());
    }
    if let Some(detail) = &f.detail {
        copy = copy.detail(detail);
    }
    copy
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
            Err(Failure::new(Kind::Rejected, "zelty_key_rejected", Msg::ZeltyKeyRejected.text()).into())
        };
        for _ in 0..3 {
            let err = cache.get(&key(1), rejected).await.unwrap_err();
            assert_eq!(failure_of(&err).unwrap().code, "zelty_key_rejected");
        }
        assert_eq!(calls.swap(0, Ordering::SeqCst), 1);

        let unreachable = || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(Failure::new(Kind::Unreachable, "zelty_unreachable", Msg::ZeltyKeyRejected.text()).into())
        };
        assert!(cache.get(&key(2), unreachable).await.is_err());
        assert!(cache.get(&key(2), || async { Ok(list(7)) }).await.is_ok());
        assert_eq!(cache.get(&key(2), unreachable).await.unwrap()[0].id, 7);
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
