//! Ctrl-C. The terminal's settings are saved at start-up and put back before exiting 130,
//! because a hidden-input prompt turns echo off and would leave the shell blind. While a
//! connection is being stored, Ctrl-C is held until the store finishes, so nothing is ever
//! half-stored.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

static CRITICAL: AtomicUsize = AtomicUsize::new(0);
static PENDING: AtomicBool = AtomicBool::new(false);

/// Marks a section that Ctrl-C must not cut; dropping it ends the section.
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

/// Resolves on the first Ctrl-C that arrives outside a critical section (or after the
/// section in which it arrived ends).
pub async fn ctrl_c() {
    if tokio::signal::ctrl_c().await.is_err() {
        // No signal handling here: never resolve, and let the default action apply.
        std::future::pending::<()>().await;
    }
    PENDING.store(true, Ordering::SeqCst);
    while CRITICAL.load(Ordering::SeqCst) > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Whether Ctrl-C was pressed: the process is about to exit 130, so a store that has not
/// started yet must not start (`provision` saves from worker threads).
pub fn pending() -> bool {
    PENDING.load(Ordering::SeqCst)
}

/// Whether the terminal echoed the Ctrl-C just pressed as `^C` (`ECHO` and `ECHOCTL`
/// set, as by default). A spinner fills its row to the last column, so that echo lands
/// on the row below: clearing the spinner must then clear one row more.
pub fn ctrl_c_echoed() -> bool {
    pending() && terminal::echoes_control_characters()
}

pub use terminal::{restore_terminal, save_terminal};

#[cfg(unix)]
#[allow(unsafe_code)]
mod terminal {
    //! Saves and restores the controlling terminal's `termios`.
    use std::sync::OnceLock;

    static SAVED: OnceLock<(i32, libc::termios)> = OnceLock::new();

    /// Remembers the terminal settings of stdin (or stderr), if either is a terminal.
    pub fn save_terminal() {
        for fd in [0, 2] {
            // SAFETY: `termios` is plain old data; `tcgetattr` only writes into it, and
            // failure (not a terminal) is checked before it is used.
            let mut termios: libc::termios = unsafe { std::mem::zeroed() };
            if unsafe { libc::isatty(fd) } == 1 && unsafe { libc::tcgetattr(fd, &mut termios) } == 0 {
                let _ = SAVED.set((fd, termios));
                return;
            }
        }
    }

    /// `ECHO` and `ECHOCTL` are set on the terminal now.
    pub fn echoes_control_characters() -> bool {
        // SAFETY: as in `save_terminal`.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::isatty(0) } != 1 || unsafe { libc::tcgetattr(0, &mut termios) } != 0 {
            return false;
        }
        termios.c_lflag & libc::ECHO != 0 && termios.c_lflag & libc::ECHOCTL != 0
    }

    /// Puts the saved settings back (echo on, canonical mode) and shows the cursor.
    pub fn restore_terminal() {
        if let Some((fd, termios)) = SAVED.get() {
            // SAFETY: restores a `termios` obtained from `tcgetattr` on the same fd.
            unsafe { libc::tcsetattr(*fd, libc::TCSANOW, termios) };
            if unsafe { libc::isatty(2) } == 1 {
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
