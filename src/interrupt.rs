//! Ctrl-C, `SIGTERM` and `SIGHUP` (CI cancellation, `timeout`, a container stop, a closed
//! terminal), and `SIGQUIT` (Ctrl-\\), `SIGUSR1`, `SIGUSR2` and `SIGALRM`, whose default
//! actions would kill the process as abruptly: all are handled alike. The terminal's
//! settings are saved at start-up and put back before exiting, because a hidden-input prompt
//! turns echo off and would leave the shell blind. While a connection is being stored, the
//! signal is held until the store finishes, so nothing is ever half-stored; the exit code is
//! 130 whatever the signal, and the message names it.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

static CRITICAL: AtomicUsize = AtomicUsize::new(0);
static PENDING: AtomicBool = AtomicBool::new(false);
static STORED: AtomicUsize = AtomicUsize::new(0);
/// The signal received (its place in `Stop::ALL`, plus one), 0 before any. The signal
/// itself is kept, not its exit code: every signal exits 130, so the code cannot tell them
/// apart.
static RECEIVED: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Marks a section that a signal must not cut; dropping it ends the section.
pub struct Critical(());

pub fn critical() -> Critical {
    CRITICAL.fetch_add(1, Ordering::SeqCst);
    Critical(())
}

impl Drop for Critical {
    fn drop(&mut self) {
        CRITICAL.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The signals that stop a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Interrupt,
    Terminate,
    Hangup,
    Quit,
    User1,
    User2,
    Alarm,
}

impl Stop {
    pub const ALL: [Stop; 7] =
        [Stop::Interrupt, Stop::Terminate, Stop::Hangup, Stop::Quit, Stop::User1, Stop::User2, Stop::Alarm];

    /// `Interrupted` for every one: the exit-code contract (README, "Exit codes") names one
    /// code for an interrupted run, whatever stopped it; the error's detail names the signal.
    pub fn exit_status(self) -> crate::error::ExitStatus {
        crate::error::ExitStatus::Interrupted
    }

    pub fn name(self) -> &'static str {
        match self {
            Stop::Interrupt => "SIGINT",
            Stop::Terminate => "SIGTERM",
            Stop::Hangup => "SIGHUP",
            Stop::Quit => "SIGQUIT",
            Stop::User1 => "SIGUSR1",
            Stop::User2 => "SIGUSR2",
            Stop::Alarm => "SIGALRM",
        }
    }

    #[cfg(unix)]
    fn kind(self) -> tokio::signal::unix::SignalKind {
        use tokio::signal::unix::SignalKind;
        match self {
            Stop::Interrupt => SignalKind::interrupt(),
            Stop::Terminate => SignalKind::terminate(),
            Stop::Hangup => SignalKind::hangup(),
            Stop::Quit => SignalKind::quit(),
            Stop::User1 => SignalKind::user_defined1(),
            Stop::User2 => SignalKind::user_defined2(),
            Stop::Alarm => SignalKind::alarm(),
        }
    }

    fn record(self) {
        let index = Stop::ALL.iter().position(|s| *s == self).unwrap_or(0);
        RECEIVED.store(index as u8 + 1, Ordering::SeqCst);
    }
}

/// The signal handlers, installed before the command starts so that no signal finds the
/// default action (which would kill the process between two writes). Must be made inside
/// the tokio runtime.
pub struct Signals {
    #[cfg(unix)]
    streams: Vec<(Stop, Option<tokio::signal::unix::Signal>)>,
}

impl Signals {
    pub fn install() -> Signals {
        #[cfg(unix)]
        {
            let streams =
                Stop::ALL.into_iter().map(|stop| (stop, tokio::signal::unix::signal(stop.kind()).ok())).collect();
            Signals { streams }
        }
        #[cfg(not(unix))]
        Signals {}
    }

    /// Resolves on the first signal that arrives outside a critical section (or after the
    /// section in which it arrived ends).
    pub async fn stopped(&mut self) -> Stop {
        let stop = self.first().await;
        stop.record();
        PENDING.store(true, Ordering::SeqCst);
        while CRITICAL.load(Ordering::SeqCst) > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        stop
    }

    /// A signal that arrived while the command was busy in a blocking section (a store
    /// run on the async thread), which `stopped` never had the chance to see.
    pub async fn already_received(&mut self) -> Option<Stop> {
        tokio::task::yield_now().await;
        let stop = tokio::select! {
            biased;
            stop = self.first() => Some(stop),
            () = std::future::ready(()) => None,
        };
        if let Some(stop) = stop {
            stop.record();
        }
        received()
    }

    #[cfg(unix)]
    async fn first(&mut self) -> Stop {
        let waits = self.streams.iter_mut().filter_map(|(stop, s)| {
            let s = s.as_mut()?;
            let stop = *stop;
            Some(Box::pin(async move {
                s.recv().await;
                stop
            }))
        });
        let waits: Vec<_> = waits.collect();
        if waits.is_empty() {
            // No signal handling here: never resolve, and let the default actions apply.
            return std::future::pending().await;
        }
        futures_select_all(waits).await
    }

    #[cfg(not(unix))]
    async fn first(&mut self) -> Stop {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
        Stop::Interrupt
    }
}

/// The first of several futures to finish, without pulling in the `futures` crate.
#[cfg(unix)]
async fn futures_select_all<F: std::future::Future<Output = Stop> + Unpin>(mut futures: Vec<F>) -> Stop {
    std::future::poll_fn(move |cx| {
        for f in futures.iter_mut() {
            if let std::task::Poll::Ready(stop) = std::pin::Pin::new(f).poll(cx) {
                return std::task::Poll::Ready(stop);
            }
        }
        std::task::Poll::Pending
    })
    .await
}

/// The signal received, if one was: it decides the outcome even when the command finished
/// while the signal was held, so that a signal always ends in its exit code.
pub fn received() -> Option<Stop> {
    let index = RECEIVED.load(Ordering::SeqCst);
    Stop::ALL.get(usize::from(index).checked_sub(1)?).copied()
}

/// Whether a signal came: the process is about to exit, so a store that has not started
/// yet must not start (`provision` saves from worker threads).
pub fn pending() -> bool {
    PENDING.load(Ordering::SeqCst)
}

/// Counts a connection stored in full, so that an interruption does not claim that
/// nothing was stored when something was.
pub fn note_stored() {
    STORED.fetch_add(1, Ordering::SeqCst);
}

/// Said by a command for which a signal is the normal way to end (the `sandbox` server):
/// its own handling decides the outcome, not the start-up's.
pub fn command_handles_signals() {
    HANDLED_BY_COMMAND.store(true, Ordering::SeqCst);
}

pub fn handled_by_command() -> bool {
    HANDLED_BY_COMMAND.load(Ordering::SeqCst)
}

static HANDLED_BY_COMMAND: AtomicBool = AtomicBool::new(false);

/// Says whether this run's `disconnect` left a revoked watch's profile behind: `true` once
/// the watch is revoked (by this run, or by an earlier one cut short), `false` once the
/// profile and its secrets are gone. An interruption in between says what is left and how
/// to finish it, rather than "nothing was stored".
pub fn note_revoked_left(left: bool) {
    REVOKED.store(left, Ordering::SeqCst);
}

pub fn revoked_left() -> bool {
    REVOKED.load(Ordering::SeqCst)
}

static REVOKED: AtomicBool = AtomicBool::new(false);

/// How many connections this run stored in full.
pub fn stored() -> usize {
    STORED.load(Ordering::SeqCst)
}

/// Whether the terminal echoed the Ctrl-C just pressed as `^C` (`ECHO` and `ECHOCTL`
/// set, as by default). A spinner fills its row to the last column, so that echo lands
/// on the row below: clearing the spinner must then clear one row more.
pub fn ctrl_c_echoed() -> bool {
    pending() && terminal::echoes_control_characters()
}

pub use terminal::{restore_terminal, save_terminal};

#[cfg(unix)]
mod terminal {
    //! Saves and restores the controlling terminal's `termios`.
    use rustix::fd::BorrowedFd;
    use rustix::stdio::{stderr, stdin};
    use rustix::termios::{self, LocalModes, OptionalActions, Termios};
    use std::sync::OnceLock;

    /// The settings saved, and whether they are stdin's (else stderr's).
    static SAVED: OnceLock<(bool, Termios)> = OnceLock::new();

    fn stream(is_stdin: bool) -> BorrowedFd<'static> {
        if is_stdin { stdin() } else { stderr() }
    }

    /// Remembers the terminal settings of stdin (or stderr), if either is a terminal.
    pub fn save_terminal() {
        for is_stdin in [true, false] {
            let fd = stream(is_stdin);
            if termios::isatty(fd)
                && let Ok(saved) = termios::tcgetattr(fd)
            {
                let _ = SAVED.set((is_stdin, saved));
                return;
            }
        }
    }

    /// `ECHO` and `ECHOCTL` are set on the terminal now.
    pub fn echoes_control_characters() -> bool {
        if !termios::isatty(stdin()) {
            return false;
        }
        termios::tcgetattr(stdin()).is_ok_and(|t| t.local_modes.contains(LocalModes::ECHO | LocalModes::ECHOCTL))
    }

    /// Puts the saved settings back (echo on, canonical mode) and shows the cursor.
    pub fn restore_terminal() {
        if let Some((is_stdin, saved)) = SAVED.get() {
            let _ = termios::tcsetattr(stream(*is_stdin), OptionalActions::Now, saved);
            if termios::isatty(stderr()) {
                use std::io::Write;
                let _ = std::io::stderr().write_all(b"\x1b[?25h");
            }
        }
    }
}

#[cfg(not(unix))]
mod terminal {
    pub fn echoes_control_characters() -> bool {
        false
    }
    pub fn save_terminal() {}
    pub fn restore_terminal() {
        let _ = console::Term::stderr().show_cursor();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signal_received_is_kept_not_its_exit_code() {
        for stop in Stop::ALL {
            stop.record();
            assert_eq!(received(), Some(stop));
            assert_eq!(stop.exit_status(), crate::error::ExitStatus::Interrupted);
        }
    }
}
