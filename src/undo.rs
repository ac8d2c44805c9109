//! What a run must undo before it exits when it does not finish: a HubRise token it
//! obtained and did not store (an error, a refused step, Ctrl-C, SIGTERM, SIGHUP) would stay
//! a live connection on the location that nothing holds and nothing revokes. The step that
//! gets one registers its revocation here and disarms it once the token is stored; the
//! start-up code runs what is left, bounded in time, before the process exits.

use futures_util::future::BoxFuture;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// How long a run waits for the undoing before it exits anyway and says so.
pub const BOUND: Duration = Duration::from_secs(5);

type Task = (u64, String, BoxFuture<'static, anyhow::Result<()>>);

static TASKS: Mutex<Vec<Task>> = Mutex::new(Vec::new());
static NEXT: Mutex<u64> = Mutex::new(0);

/// An undo waiting to run unless disarmed.
#[must_use = "dropping the guard keeps the undo armed; call `disarm` once the work is kept"]
pub struct Armed(u64);

/// Arms `undo` (what it undoes named by `what`, as the person finds it: the connection's
/// name on CONNEXIONS), to run if the process exits before `disarm`.
pub fn arm(what: String, undo: BoxFuture<'static, anyhow::Result<()>>) -> Armed {
    let id = {
        let mut next = NEXT.lock().unwrap_or_else(PoisonError::into_inner);
        *next += 1;
        *next
    };
    TASKS.lock().unwrap_or_else(PoisonError::into_inner).push((id, what, undo));
    Armed(id)
}

impl Armed {
    /// The work is kept: nothing to undo.
    pub fn disarm(self) {
        TASKS.lock().unwrap_or_else(PoisonError::into_inner).retain(|(id, _, _)| *id != self.0);
    }
}

/// Runs every armed undo, each bounded by `bound`; returns what could not be undone and why.
pub async fn run_all(bound: Duration) -> Vec<(String, String)> {
    let tasks: Vec<Task> = std::mem::take(&mut *TASKS.lock().unwrap_or_else(PoisonError::into_inner));
    let mut failed = Vec::new();
    for (_, what, undo) in tasks {
        match tokio::time::timeout(bound, undo).await {
            Ok(Ok(())) => {}
            Ok(Err(err)) => failed.push((what, format!("{err:#}"))),
            Err(_) => failed.push((what, format!("no answer within {} s", bound.as_secs()))),
        }
    }
    failed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    // One test: the registry is the process's.
    #[tokio::test(start_paused = true)]
    async fn armed_undos_run_disarmed_ones_do_not_and_a_silent_one_is_bounded() {
        let ran = Arc::new(AtomicUsize::new(0));
        let counter = |n: usize| {
            let ran = ran.clone();
            Box::pin(async move {
                ran.fetch_add(n, Ordering::SeqCst);
                Ok(())
            }) as BoxFuture<'static, anyhow::Result<()>>
        };
        let kept = arm("kept".into(), counter(1));
        let _left = arm("left".into(), counter(10));
        let _silent = arm("silent".into(), Box::pin(std::future::pending()));
        kept.disarm();
        let failed = run_all(BOUND).await;
        assert_eq!(ran.load(Ordering::SeqCst), 10);
        assert_eq!(failed.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>(), ["silent"]);
        assert!(run_all(BOUND).await.is_empty(), "each undo runs once");
    }
}
